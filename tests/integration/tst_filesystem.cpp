// SPDX-License-Identifier: GPL-3.0-or-later
// One contract, three file systems: the agent's through RemoteFs and a real
// agent process, this machine's through LocalFs, and the in-memory one the
// planner's unit tests run on. Each test runs against all three, so they
// cannot drift apart in what they report or refuse.
#include "support/agentprocess.h"
#include "support/memoryfs.h"

#include "core/client/localfs.h"
#include "core/client/remotefs.h"
#include "core/client/session.h"
#include "core/transfer/hasher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <QCborMap>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ferry;
using namespace Qt::Literals::StringLiterals;
using Type = protocol::Entry::Type;

namespace {

/// Waits for the one answer of a call.
template <typename T, typename Call>
Expected<T> await(Call call)
{
    std::optional<Expected<T>> result;
    call([&result](const Expected<T> &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
        return std::unexpected(Error{ErrorCode::Connection, u"no answer within 20 s"_s});
    return *result;
}

/// The reason of a failed call, for a failing check's message.
template <typename T>
QString why(const Expected<T> &result)
{
    return result ? QString() : result.error().message;
}

} // namespace

class TestFileSystem final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void statReportsWhatIsThere_data() { kinds(); }
    void statReportsWhatIsThere();
    void listsInPagesSortedByName_data() { kinds(); }
    void listsInPagesSortedByName();
    void ownerAndGroupAreReported_data() { kinds(); }
    void ownerAndGroupAreReported();
    void entriesWithoutOwnersStillRead_data() { kinds(); }
    void entriesWithoutOwnersStillRead();
    void listRefusesWhatIsNotAFolder_data() { kinds(); }
    void listRefusesWhatIsNotAFolder();
    void mkdirAndParents_data() { kinds(); }
    void mkdirAndParents();
    void followsLinksOnlyWhenAsked_data() { kinds(); }
    void followsLinksOnlyWhenAsked();
    void moveNeverReplacesUnlessTold_data() { kinds(); }
    void moveNeverReplacesUnlessTold();
    void removeKeepsAFullFolderUnlessRecursive_data() { kinds(); }
    void removeKeepsAFullFolderUnlessRecursive();
    void setAttributes_data() { kinds(); }
    void setAttributes();
    void copyIsDurableAndRefusesToReplace_data() { kinds(); }
    void copyIsDurableAndRefusesToReplace();
    void hashIsTheTransfersChecksum_data() { kinds(); }
    void hashIsTheTransfersChecksum();
    void spaceIsReported_data() { kinds(); }
    void spaceIsReported();

private:
    void kinds();
    /// The file system of this row, and a folder in it to work in.
    client::FileSystem &fs();
    QString path(const QString &relative) const;
    void plantFile(const QString &relative, const QByteArray &content);
    void plantDir(const QString &relative);
    void plantLink(const QString &relative, const QString &target);

    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<client::Session> m_session;
    std::unique_ptr<client::RemoteFs> m_remote;
    std::unique_ptr<client::LocalFs> m_local;
    std::unique_ptr<MemoryFs> m_memory;
    QString m_kind;
    QString m_work; ///< the working folder's name, fresh for each test
    int m_serial = 0;
};

void TestFileSystem::initTestCase()
{
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    m_session = connectedSession(*m_agent);
    QVERIFY(m_session);
    m_remote = std::make_unique<client::RemoteFs>(m_session.get());
    m_local = std::make_unique<client::LocalFs>();
}

void TestFileSystem::cleanupTestCase()
{
    m_remote.reset();
    m_session.reset();
    m_agent.reset();
}

void TestFileSystem::kinds()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("agent") << u"agent"_s;
    QTest::newRow("local") << u"local"_s;
    QTest::newRow("memory") << u"memory"_s;
}

void TestFileSystem::init()
{
    QFETCH(QString, kind);
    m_kind = kind;
    m_work = u"work"_s + QString::number(++m_serial);
    m_memory = std::make_unique<MemoryFs>();
    plantDir({});
}

client::FileSystem &TestFileSystem::fs()
{
    if (m_kind == u"agent"_s)
        return *m_remote;
    if (m_kind == u"local"_s)
        return *m_local;
    return *m_memory;
}

QString TestFileSystem::path(const QString &relative) const
{
    const QString inside = relative.isEmpty() ? m_work : m_work + u'/' + relative;
    return m_kind == u"local"_s ? m_agent->scratch() + u'/' + inside : inside;
}

void TestFileSystem::plantFile(const QString &relative, const QByteArray &content)
{
    if (m_kind == u"memory"_s)
        return m_memory->addFile(path(relative), content);
    const QString onDisk = (m_kind == u"agent"_s ? m_agent->root() : m_agent->scratch()) + u'/' + m_work + u'/' + relative;
    QDir().mkpath(QFileInfo(onDisk).path());
    QFile f(onDisk);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

void TestFileSystem::plantDir(const QString &relative)
{
    if (m_kind == u"memory"_s)
        return m_memory->addDirectory(path(relative));
    const QString base = (m_kind == u"agent"_s ? m_agent->root() : m_agent->scratch()) + u'/' + m_work;
    QVERIFY(QDir().mkpath(relative.isEmpty() ? base : base + u'/' + relative));
}

void TestFileSystem::plantLink(const QString &relative, const QString &target)
{
    if (m_kind == u"memory"_s)
        return m_memory->addSymlink(path(relative), target);
    const QString onDisk = (m_kind == u"agent"_s ? m_agent->root() : m_agent->scratch()) + u'/' + m_work + u'/' + relative;
    QVERIFY(QFile::link(target, onDisk));
}

void TestFileSystem::statReportsWhatIsThere()
{
    plantFile(u"a.txt"_s, "hello");
    plantDir(u"sub"_s);
    plantLink(u"link"_s, u"a.txt"_s);
    auto file = await<protocol::Entry>([&](auto done) { fs().stat(path(u"a.txt"_s), done, this); });
    QVERIFY2(file, qPrintable(why(file)));
    QCOMPARE(file->type, Type::File);
    QCOMPARE(file->size, 5);
    QCOMPARE(file->name, u"a.txt"_s);
    auto dir = await<protocol::Entry>([&](auto done) { fs().stat(path(u"sub"_s), done, this); });
    QVERIFY(dir);
    QCOMPARE(dir->type, Type::Directory);
    auto link = await<protocol::Entry>([&](auto done) { fs().stat(path(u"link"_s), done, this); });
    QVERIFY(link);
    QCOMPARE(link->type, Type::Symlink);
    QCOMPARE(link->linkTarget, u"a.txt"_s);
    auto missing = await<protocol::Entry>([&](auto done) { fs().stat(path(u"nope"_s), done, this); });
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY2(missing.error().message.contains(u"nope"_s), qPrintable(why(missing)));
}

void TestFileSystem::listsInPagesSortedByName()
{
    // More entries than a page holds, on the agent and in memory.
    QStringList names;
    for (int i = 0; i < 1205; ++i)
        names.append(u"f%1"_s.arg(i, 4, 10, QLatin1Char('0')));
    if (m_kind == u"memory"_s)
        m_memory->setPageSize(100);
    for (const QString &name : std::as_const(names))
        plantFile(u"many/"_s + name, {});
    int pages = 0;
    QList<protocol::Entry> all;
    bool last = false;
    fs().list(path(u"many"_s), [&](const Expected<QList<protocol::Entry>> &page, bool isLast) {
        QVERIFY(page);
        ++pages;
        all.append(*page);
        last = isLast;
    }, this);
    QTRY_VERIFY_WITH_TIMEOUT(last, 20000);
    QCOMPARE(all.size(), names.size());
    for (qsizetype i = 0; i < all.size(); ++i)
        QCOMPARE(all.at(i).name, names.at(i));
    if (m_kind != u"local"_s)
        QVERIFY2(pages > 1, "a large folder comes in pages");
    auto whole = await<QList<protocol::Entry>>([&](auto done) { fs().listAll(path(u"many"_s), done, this); });
    QVERIFY(whole);
    QCOMPARE(whole->size(), names.size());
}

void TestFileSystem::ownerAndGroupAreReported()
{
    if (m_kind == u"memory"_s)
        QSKIP("the in-memory file system has no owners");
    plantFile(u"mine.txt"_s, "x");
    plantDir(u"folder"_s);
    // The agent runs as this process's user, on the same system.
    const passwd *pw = ::getpwuid(::getuid());
    const group *gr = ::getgrgid(::getgid());
    const QString user = pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
    const QString groupName = gr ? QString::fromLocal8Bit(gr->gr_name) : QString();
    auto file = await<protocol::Entry>([&](auto done) { fs().stat(path(u"mine.txt"_s), done, this); });
    QVERIFY2(file, qPrintable(why(file)));
    QCOMPARE(file->uid, qint64(::getuid()));
    QCOMPARE(file->gid, qint64(::getgid()));
    auto listed = await<QList<protocol::Entry>>([&](auto done) { fs().listAll(path({}), done, this); });
    QVERIFY2(listed, qPrintable(why(listed)));
    QCOMPARE(listed->size(), 2);
    for (const protocol::Entry &e : std::as_const(*listed)) {
        QCOMPARE(e.uid, qint64(::getuid()));
        QCOMPARE(e.gid, qint64(::getgid()));
    }
    if (m_kind != u"agent"_s)
        return; // only the agent looks names up
    QCOMPARE(file->user, user);
    QCOMPARE(file->group, groupName);
    for (const protocol::Entry &e : std::as_const(*listed)) {
        QCOMPARE(e.user, user);
        QCOMPARE(e.group, groupName);
    }
    // The keys on the wire are the short ones the protocol names.
    const QCborMap wire = file->toCbor();
    QCOMPARE(wire.value("u"_L1).toInteger(), qint64(::getuid()));
    QCOMPARE(wire.value("g"_L1).toInteger(), qint64(::getgid()));
    QCOMPARE(wire.value("un"_L1).toString(), user);
    QCOMPARE(wire.value("gn"_L1).toString(), groupName);
}

void TestFileSystem::entriesWithoutOwnersStillRead()
{
    if (m_kind != u"agent"_s)
        QSKIP("about what agents send");
    // What an older agent sends: no u, g, un or gn.
    const QCborMap old{{"n"_L1, u"a"_s}, {"k"_L1, 0}, {"z"_L1, 3}, {"m"_L1, 0644}, {"t"_L1, 0}};
    const auto entry = protocol::Entry::fromCbor(old);
    QVERIFY2(entry, qPrintable(why(entry)));
    QCOMPARE(entry->uid, -1);
    QCOMPARE(entry->gid, -1);
    QVERIFY(entry->user.isEmpty());
    QVERIFY(entry->group.isEmpty());
    QVERIFY(!entry->toCbor().contains("u"_L1));
    // An id that is no id is refused like any other mistyped field.
    QCborMap bad = old;
    bad.insert("u"_L1, -5);
    QVERIFY(!protocol::Entry::fromCbor(bad));
}

void TestFileSystem::listRefusesWhatIsNotAFolder()
{
    plantFile(u"plain"_s, "x");
    auto file = await<QList<protocol::Entry>>([&](auto done) { fs().listAll(path(u"plain"_s), done, this); });
    QVERIFY(!file);
    QCOMPARE(file.error().code, ErrorCode::NotADirectory);
    auto missing = await<QList<protocol::Entry>>([&](auto done) { fs().listAll(path(u"gone"_s), done, this); });
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestFileSystem::mkdirAndParents()
{
    auto made = await<void>([&](auto done) { fs().mkdir(path(u"new"_s), 0755, false, done, this); });
    QVERIFY2(made, qPrintable(why(made)));
    auto again = await<void>([&](auto done) { fs().mkdir(path(u"new"_s), 0755, false, done, this); });
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Exists);
    auto deep = await<void>([&](auto done) { fs().mkdir(path(u"a/b/c"_s), 0755, false, done, this); });
    QVERIFY(!deep);
    QCOMPARE(deep.error().code, ErrorCode::NotFound);
    auto parents = await<void>([&](auto done) { fs().mkdir(path(u"a/b/c"_s), 0755, true, done, this); });
    QVERIFY2(parents, qPrintable(why(parents)));
    auto twice = await<void>([&](auto done) { fs().mkdir(path(u"a/b/c"_s), 0755, true, done, this); });
    QVERIFY2(twice, "mkdir -p of an existing folder is fine");
    plantFile(u"file"_s, "x");
    auto underFile = await<void>([&](auto done) { fs().mkdir(path(u"file/d"_s), 0755, true, done, this); });
    QVERIFY(!underFile);
    QCOMPARE(underFile.error().code, ErrorCode::NotADirectory);
    auto c = await<protocol::Entry>([&](auto done) { fs().stat(path(u"a/b/c"_s), done, this); });
    QVERIFY(c && c->type == Type::Directory);
}

void TestFileSystem::followsLinksOnlyWhenAsked()
{
    plantDir(u"dir"_s);
    plantFile(u"dir/inside"_s, "abc");
    plantLink(u"toDir"_s, u"dir"_s);
    plantLink(u"dangling"_s, u"nowhere"_s);
    auto own = await<protocol::Entry>([&](auto done) { fs().stat(path(u"toDir"_s), done, this); });
    QVERIFY(own);
    QCOMPARE(own->type, Type::Symlink);
    auto followed = await<protocol::Entry>([&](auto done) { fs().statFollowed(path(u"toDir"_s), done, this); });
    QVERIFY(followed);
    QCOMPARE(followed->type, Type::Directory);
    QCOMPARE(followed->name, u"toDir"_s);
    auto dangling = await<protocol::Entry>([&](auto done) { fs().statFollowed(path(u"dangling"_s), done, this); });
    QVERIFY2(dangling, "a link that leads nowhere is reported as itself");
    QCOMPARE(dangling->type, Type::Symlink);
    auto plain = await<protocol::Entry>([&](auto done) { fs().statFollowed(path(u"dir/inside"_s), done, this); });
    QVERIFY(plain);
    QCOMPARE(plain->type, Type::File);
    QCOMPARE(plain->size, 3);
}

void TestFileSystem::moveNeverReplacesUnlessTold()
{
    plantFile(u"a"_s, "aaa");
    plantFile(u"b"_s, "b");
    auto refused = await<void>([&](auto done) { fs().move(path(u"a"_s), path(u"b"_s), false, done, this); });
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Exists);
    auto b = await<protocol::Entry>([&](auto done) { fs().stat(path(u"b"_s), done, this); });
    QVERIFY(b);
    QCOMPARE(b->size, 1);
    auto replaced = await<void>([&](auto done) { fs().move(path(u"a"_s), path(u"b"_s), true, done, this); });
    QVERIFY2(replaced, qPrintable(why(replaced)));
    b = await<protocol::Entry>([&](auto done) { fs().stat(path(u"b"_s), done, this); });
    QVERIFY(b);
    QCOMPARE(b->size, 3);
    auto a = await<protocol::Entry>([&](auto done) { fs().stat(path(u"a"_s), done, this); });
    QCOMPARE(a.error().code, ErrorCode::NotFound);
    auto missing = await<void>([&](auto done) { fs().move(path(u"a"_s), path(u"c"_s), false, done, this); });
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestFileSystem::removeKeepsAFullFolderUnlessRecursive()
{
    plantFile(u"tree/x/y/z.txt"_s, "z");
    plantLink(u"tree/link"_s, u"../outside"_s);
    plantFile(u"outside"_s, "keep me");
    auto refused = await<void>([&](auto done) { fs().remove(path(u"tree"_s), false, done, this); });
    QVERIFY(!refused);
    auto still = await<protocol::Entry>([&](auto done) { fs().stat(path(u"tree/x/y/z.txt"_s), done, this); });
    QVERIFY(still);
    auto removed = await<void>([&](auto done) { fs().remove(path(u"tree"_s), true, done, this); });
    QVERIFY2(removed, qPrintable(why(removed)));
    auto gone = await<protocol::Entry>([&](auto done) { fs().stat(path(u"tree"_s), done, this); });
    QCOMPARE(gone.error().code, ErrorCode::NotFound);
    auto outside = await<protocol::Entry>([&](auto done) { fs().stat(path(u"outside"_s), done, this); });
    QVERIFY2(outside, "a link inside a removed tree is removed, never followed");
}

void TestFileSystem::setAttributes()
{
    plantFile(u"f"_s, "x");
    const qint64 mtime = 1700000000LL * 1000000000LL + 123456789;
    auto set = await<void>([&](auto done) { fs().setAttributes(path(u"f"_s), client::Attributes{0640, mtime}, done, this); });
    QVERIFY2(set, qPrintable(why(set)));
    auto f = await<protocol::Entry>([&](auto done) { fs().stat(path(u"f"_s), done, this); });
    QVERIFY(f);
    QCOMPARE(f->mode, 0640u);
    QCOMPARE(f->mtimeNs, mtime);
    auto modeOnly = await<void>([&](auto done) { fs().setAttributes(path(u"f"_s), client::Attributes{0600, std::nullopt}, done, this); });
    QVERIFY(modeOnly);
    f = await<protocol::Entry>([&](auto done) { fs().stat(path(u"f"_s), done, this); });
    QCOMPARE(f->mode, 0600u);
    QCOMPARE(f->mtimeNs, mtime);
    auto missing = await<void>([&](auto done) { fs().setAttributes(path(u"nope"_s), client::Attributes{0600, std::nullopt}, done, this); });
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestFileSystem::copyIsDurableAndRefusesToReplace()
{
    QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char(i * 7 + i / 4096);
    plantFile(u"src"_s, data);
    plantFile(u"taken"_s, "old");
    const qint64 mtime = 1600000000LL * 1000000000LL;
    client::FileCopy copy{path(u"src"_s), path(u"dst"_s), false, client::Attributes{0604, mtime}};
    auto copied = await<void>([&](auto done) { fs().copy(copy, done, this); });
    QVERIFY2(copied, qPrintable(why(copied)));
    auto dst = await<protocol::Entry>([&](auto done) { fs().stat(path(u"dst"_s), done, this); });
    QVERIFY(dst);
    QCOMPARE(dst->size, data.size());
    QCOMPARE(dst->mode, 0604u);
    QCOMPARE(dst->mtimeNs, mtime);
    auto digest = await<client::Digest>([&](auto done) { fs().hash(path(u"dst"_s), {}, done, this); });
    QVERIFY(digest);
    QCOMPARE(digest->hash, transfer::Hasher::hash(data));
    auto names = await<QList<protocol::Entry>>([&](auto done) { fs().listAll(path({}), done, this); });
    QVERIFY(names);
    for (const protocol::Entry &e : *names)
        QVERIFY2(!e.name.contains(u"ferry-part"_s), qPrintable(e.name));
    client::FileCopy onto{path(u"src"_s), path(u"taken"_s), false, {}};
    auto refused = await<void>([&](auto done) { fs().copy(onto, done, this); });
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Exists);
    auto taken = await<protocol::Entry>([&](auto done) { fs().stat(path(u"taken"_s), done, this); });
    QCOMPARE(taken->size, 3);
    onto.replace = true;
    auto replaced = await<void>([&](auto done) { fs().copy(onto, done, this); });
    QVERIFY2(replaced, qPrintable(why(replaced)));
    taken = await<protocol::Entry>([&](auto done) { fs().stat(path(u"taken"_s), done, this); });
    QCOMPARE(taken->size, data.size());
    plantDir(u"folder"_s);
    auto folder = await<void>([&](auto done) { fs().copy(client::FileCopy{path(u"folder"_s), path(u"f2"_s), false, {}}, done, this); });
    QVERIFY2(!folder, "copy() copies regular files only");
}

void TestFileSystem::hashIsTheTransfersChecksum()
{
    const QByteArray data = QByteArray("ferry ").repeated(100000);
    plantFile(u"h"_s, data);
    auto digest = await<client::Digest>([&](auto done) { fs().hash(path(u"h"_s), {}, done, this); });
    QVERIFY2(digest, qPrintable(why(digest)));
    QCOMPARE(digest->size, data.size());
    QCOMPARE(digest->hash, transfer::Hasher::hash(data));
    auto missing = await<client::Digest>([&](auto done) { fs().hash(path(u"none"_s), {}, done, this); });
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestFileSystem::spaceIsReported()
{
    auto space = await<client::SpaceInfo>([&](auto done) { fs().space(path({}), done, this); });
    QVERIFY2(space, qPrintable(why(space)));
    QVERIFY(space->total > 0);
    QVERIFY(space->available <= space->free);
    QVERIFY(space->free <= space->total);
}

QTEST_GUILESS_MAIN(TestFileSystem)
#include "tst_filesystem.moc"
