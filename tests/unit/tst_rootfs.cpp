// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/rootfs.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using ferry::ErrorCode;
using ferry::UniqueFd;
using ferry::agent::EntryInfo;
using ferry::agent::RootFs;

// The fixture, rebuilt for every test function and data row:
//
//   <tmp>/outside/secret.txt          must never be touched
//   <tmp>/outside/deep/inner.txt
//   <tmp>/root/                       the served directory
//          file.txt   "hello" 0644
//          dir/       0755
//          dir/nested.txt
//          sub/rel -> ../../outside   relative escape
//          abslink -> <tmp>/outside   absolute escape
//          insidelink -> dir          stays inside
//          filelink -> file.txt
namespace {

constexpr qint64 kMtimeSec = 1'700'000'000;
constexpr qint64 kMtimeNsec = 123'456'789;
constexpr qint64 kMtimeNs = kMtimeSec * 1'000'000'000 + kMtimeNsec;

int countOpenFds()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

template<typename T>
std::optional<ferry::Error> errorOf(const ferry::Expected<T> &result)
{
    if (result)
        return std::nullopt;
    return result.error();
}

} // namespace

Q_DECLARE_METATYPE(ErrorCode)
Q_DECLARE_METATYPE(EntryInfo::Type)

class TestRootFs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void openRoot();
    void openRootErrors_data();
    void openRootErrors();
    void moveKeepsTheRoot();
    void normalize_data();
    void normalize();
    void stat_data();
    void stat();
    void statMissingNamesThePath();
    void statThroughInsideSymlink();
    void list();
    void listErrors_data();
    void listErrors();
    void listFollowsSymlinkInsideRoot();
    void mkdir_data();
    void mkdir();
    void remove_data();
    void remove();
    void removeRootIsRefused_data();
    void removeRootIsRefused();
    void removeRecursiveKeepsOutside();
    void rename_data();
    void rename();
    void chmod_data();
    void chmod();
    void diskSpace_data();
    void diskSpace();
    void openRead_data();
    void openRead();
    void openReadFile();
    void openParent_data();
    void openParent();
    void symlink();
    void escapes_data();
    void escapes();

private:
    QString inRoot(const QString &relative) const { return m_root + u'/' + relative; }
    void writeFile(const QString &path, const QByteArray &content, QFile::Permissions perms);
    void makeSymlink(const QString &target, const QString &linkPath);
    void setMtime(const QString &path);
    QStringList outsideSnapshot() const;

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_root;
    QString m_outside;
    QStringList m_outsideBefore;
    std::optional<RootFs> m_fs;
    int m_fdsAtStart = 0;
};

void TestRootFs::initTestCase()
{
    // Modes in the expectations assume the usual umask.
    ::umask(022);
}

void TestRootFs::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    const QString base = m_tmp->path();
    m_root = base + QStringLiteral("/root");
    m_outside = base + QStringLiteral("/outside");
    const QFile::Permissions rw = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;

    QVERIFY(QDir().mkpath(m_outside + QStringLiteral("/deep")));
    writeFile(m_outside + QStringLiteral("/secret.txt"), "secret", rw);
    writeFile(m_outside + QStringLiteral("/deep/inner.txt"), "inner", rw);

    QVERIFY(QDir().mkpath(inRoot(QStringLiteral("dir"))));
    QVERIFY(QDir().mkpath(inRoot(QStringLiteral("sub"))));
    writeFile(inRoot(QStringLiteral("file.txt")), "hello", rw);
    writeFile(inRoot(QStringLiteral("dir/nested.txt")), "nested", rw);
    makeSymlink(QStringLiteral("../../outside"), inRoot(QStringLiteral("sub/rel")));
    makeSymlink(m_outside, inRoot(QStringLiteral("abslink")));
    makeSymlink(QStringLiteral("dir"), inRoot(QStringLiteral("insidelink")));
    makeSymlink(QStringLiteral("file.txt"), inRoot(QStringLiteral("filelink")));
    for (const char *name : {"file.txt", "dir", "abslink", "insidelink", "filelink"})
        setMtime(inRoot(QString::fromUtf8(name)));

    m_outsideBefore = outsideSnapshot();
    ferry::Expected<RootFs> fs = RootFs::open(m_root);
    QVERIFY2(fs, qPrintable(fs ? QString() : fs.error().message));
    m_fs.emplace(std::move(*fs));
    m_fdsAtStart = countOpenFds();
}

void TestRootFs::cleanup()
{
    // Every code path, failing ones included, must give its descriptors back.
    QCOMPARE(countOpenFds(), m_fdsAtStart);
    // Whatever a test did, nothing outside the root may have changed.
    QCOMPARE(outsideSnapshot(), m_outsideBefore);
    m_fs.reset();
    m_tmp.reset();
}

void TestRootFs::writeFile(const QString &path, const QByteArray &content, QFile::Permissions perms)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();
    QVERIFY(file.setPermissions(perms));
}

void TestRootFs::makeSymlink(const QString &target, const QString &linkPath)
{
    QCOMPARE(::symlink(QFile::encodeName(target).constData(), QFile::encodeName(linkPath).constData()), 0);
}

void TestRootFs::setMtime(const QString &path)
{
    const timespec times[2] = {{kMtimeSec, kMtimeNsec}, {kMtimeSec, kMtimeNsec}};
    QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, AT_SYMLINK_NOFOLLOW), 0);
}

QStringList TestRootFs::outsideSnapshot() const
{
    // Names, sizes and modes: enough to see anything created, removed,
    // truncated or chmod'ed out there.
    QStringList lines;
    const QString base = m_tmp->path();
    for (const QString &relative : {QStringLiteral("outside"), QStringLiteral("outside/secret.txt"),
                                    QStringLiteral("outside/deep"), QStringLiteral("outside/deep/inner.txt")}) {
        struct stat st;
        if (::lstat(QFile::encodeName(base + u'/' + relative).constData(), &st) == 0)
            lines << relative + u' ' + QString::number(st.st_size) + u' ' + QString::number(st.st_mode, 8);
        else
            lines << relative + QStringLiteral(" missing");
    }
    for (const QString &dir : {QStringLiteral("outside"), QStringLiteral("outside/deep")})
        lines << QDir(base + u'/' + dir).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden | QDir::System);
    lines << QDir(base).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden | QDir::System);
    return lines;
}

void TestRootFs::openRoot()
{
    QCOMPARE(m_fs->rootPath(), QDir::cleanPath(m_root));
}

void TestRootFs::openRootErrors_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<ErrorCode>("code");

    QTest::newRow("missing directory") << QStringLiteral("missing") << ErrorCode::NotFound;
    QTest::newRow("a regular file") << QStringLiteral("file.txt") << ErrorCode::NotADirectory;
    QTest::newRow("empty path") << QString() << ErrorCode::InvalidArgument;
}

void TestRootFs::openRootErrors()
{
    QFETCH(QString, dir);
    QFETCH(ErrorCode, code);

    const QString path = dir.isEmpty() ? dir : inRoot(dir);
    const ferry::Expected<RootFs> fs = RootFs::open(path);
    QVERIFY(!fs);
    QCOMPARE(fs.error().code, code);
    QVERIFY2(fs.error().message.startsWith(path), qPrintable(fs.error().message));
}

void TestRootFs::moveKeepsTheRoot()
{
    RootFs moved = std::move(*m_fs);
    m_fs.reset();
    const auto info = moved.stat(QStringLiteral("file.txt"));
    QVERIFY(info);
    QCOMPARE(info->size, 5);
    m_fs.emplace(std::move(moved));
    QVERIFY(m_fs->stat(QStringLiteral("dir")));
}

void TestRootFs::normalize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<ErrorCode>("code");

    const ErrorCode ok = ErrorCode::None;
    const ErrorCode outside = ErrorCode::OutsideRoot;
    QTest::newRow("empty is the root") << QString() << QString() << ok;
    QTest::newRow("dot is the root") << QStringLiteral(".") << QString() << ok;
    QTest::newRow("dot slash is the root") << QStringLiteral("./") << QString() << ok;
    QTest::newRow("down and up is the root") << QStringLiteral("a/..") << QString() << ok;
    QTest::newRow("plain name") << QStringLiteral("a") << QStringLiteral("a") << ok;
    QTest::newRow("nested") << QStringLiteral("a/b/c") << QStringLiteral("a/b/c") << ok;
    QTest::newRow("leading dot slash") << QStringLiteral("./a/b") << QStringLiteral("a/b") << ok;
    QTest::newRow("duplicate slashes, dots, trailing slash")
        << QStringLiteral("a//b/./c/") << QStringLiteral("a/b/c") << ok;
    QTest::newRow("dot dot inside") << QStringLiteral("a/../b") << QStringLiteral("b") << ok;
    QTest::newRow("two levels up, still inside") << QStringLiteral("a/b/../../c") << QStringLiteral("c") << ok;
    QTest::newRow("names that only start with dots") << QStringLiteral("..a/...") << QStringLiteral("..a/...") << ok;
    QTest::newRow("non-ASCII name") << QStringLiteral("d\u00e9j\u00e0/\u6587\u4ef6")
                                    << QStringLiteral("d\u00e9j\u00e0/\u6587\u4ef6") << ok;
    QTest::newRow("parent of the root") << QStringLiteral("..") << QString() << outside;
    QTest::newRow("up then down") << QStringLiteral("../x") << QString() << outside;
    QTest::newRow("absolute path") << QStringLiteral("/etc/passwd") << QString() << outside;
    QTest::newRow("single slash") << QStringLiteral("/") << QString() << outside;
    QTest::newRow("escape after a detour") << QStringLiteral("a/../../x") << QString() << outside;
    QTest::newRow("escape hidden behind dots") << QStringLiteral("./a/./../../x") << QString() << outside;
    QTest::newRow("embedded NUL") << QStringLiteral("a") + QChar(u'\0') + QStringLiteral("/etc/passwd")
                                  << QString() << outside;
}

void TestRootFs::normalize()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(ErrorCode, code);

    const ferry::Expected<QString> result = m_fs->normalize(input);
    if (code == ErrorCode::None) {
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(*result, expected);
        return;
    }
    QVERIFY(!result);
    QCOMPARE(result.error().code, code);
    const QString prefix = input.section(QChar(u'\0'), 0, 0);
    QVERIFY2(result.error().message.startsWith(prefix), qPrintable(result.error().message));
    QVERIFY(!result.error().message.contains(QChar(u'\0')));
}

void TestRootFs::stat_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");
    QTest::addColumn<EntryInfo::Type>("type");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<quint32>("mode");
    QTest::addColumn<QString>("linkTarget");

    QTest::newRow("regular file") << QStringLiteral("file.txt") << QStringLiteral("file.txt")
                                  << EntryInfo::Type::File << qint64(5) << 0644u << QString();
    QTest::newRow("directory, trailing slash") << QStringLiteral("dir/") << QStringLiteral("dir")
                                               << EntryInfo::Type::Directory << qint64(-1) << 0755u << QString();
    QTest::newRow("symlink inside is not followed")
        << QStringLiteral("insidelink") << QStringLiteral("insidelink") << EntryInfo::Type::Symlink
        << qint64(3) << 0777u << QStringLiteral("dir");
    QTest::newRow("absolute symlink is reported, not followed")
        << QStringLiteral("abslink") << QStringLiteral("abslink") << EntryInfo::Type::Symlink
        << qint64(-1) << 0777u << QStringLiteral("<outside>");
    QTest::newRow("relative escaping symlink is reported, not followed")
        << QStringLiteral("sub/rel") << QStringLiteral("rel") << EntryInfo::Type::Symlink
        << qint64(13) << 0777u << QStringLiteral("../../outside");
}

void TestRootFs::stat()
{
    QFETCH(QString, path);
    QFETCH(QString, name);
    QFETCH(EntryInfo::Type, type);
    QFETCH(qint64, size);
    QFETCH(quint32, mode);
    QFETCH(QString, linkTarget);
    if (linkTarget == QStringLiteral("<outside>"))
        linkTarget = m_outside;

    const ferry::Expected<EntryInfo> info = m_fs->stat(path);
    QVERIFY2(info, qPrintable(info ? QString() : info.error().message));
    QCOMPARE(info->name, name);
    QCOMPARE(info->type, type);
    if (type == EntryInfo::Type::Symlink)
        QCOMPARE(info->size, linkTarget.toUtf8().size());
    else if (size >= 0)
        QCOMPARE(info->size, size);
    QCOMPARE(info->mode, mode);
    QCOMPARE(info->linkTarget, linkTarget);
    if (path != QStringLiteral("sub/rel"))
        QCOMPARE(info->mtimeNs, kMtimeNs);

    const ferry::Expected<EntryInfo> root = m_fs->stat(QString());
    QVERIFY(root);
    QCOMPARE(root->name, QString());
    QCOMPARE(root->type, EntryInfo::Type::Directory);
}

void TestRootFs::statMissingNamesThePath()
{
    const ferry::Expected<EntryInfo> info = m_fs->stat(QStringLiteral("docs/a.txt"));
    QVERIFY(!info);
    QCOMPARE(info.error().code, ErrorCode::NotFound);
    QCOMPARE(info.error().message, QStringLiteral("docs/a.txt: No such file or directory"));

    const ferry::Expected<EntryInfo> underFile = m_fs->stat(QStringLiteral("file.txt/x"));
    QVERIFY(!underFile);
    QCOMPARE(underFile.error().code, ErrorCode::NotADirectory);
}

void TestRootFs::statThroughInsideSymlink()
{
    // Intermediate symlinks that stay beneath the root are fine.
    const ferry::Expected<EntryInfo> info = m_fs->stat(QStringLiteral("insidelink/nested.txt"));
    QVERIFY2(info, qPrintable(info ? QString() : info.error().message));
    QCOMPARE(info->type, EntryInfo::Type::File);
    QCOMPARE(info->size, 6);
}

void TestRootFs::list()
{
    const ferry::Expected<QList<EntryInfo>> entries = m_fs->list(QStringLiteral("."));
    QVERIFY2(entries, qPrintable(entries ? QString() : entries.error().message));
    QStringList names;
    for (const EntryInfo &entry : *entries)
        names << entry.name;
    QCOMPARE(names, QStringList({QStringLiteral("abslink"), QStringLiteral("dir"), QStringLiteral("file.txt"),
                                 QStringLiteral("filelink"), QStringLiteral("insidelink"), QStringLiteral("sub")}));

    const EntryInfo &abslink = entries->at(0);
    QCOMPARE(abslink.type, EntryInfo::Type::Symlink);
    QCOMPARE(abslink.linkTarget, m_outside);
    QCOMPARE(abslink.mtimeNs, kMtimeNs);
    const EntryInfo &dir = entries->at(1);
    QCOMPARE(dir.type, EntryInfo::Type::Directory);
    QCOMPARE(dir.mode, 0755u);
    QCOMPARE(dir.mtimeNs, kMtimeNs);
    const EntryInfo &file = entries->at(2);
    QCOMPARE(file.type, EntryInfo::Type::File);
    QCOMPARE(file.size, 5);
    QCOMPARE(file.mode, 0644u);
    QCOMPARE(file.mtimeNs, kMtimeNs);
    QCOMPARE(file.linkTarget, QString());

    const ferry::Expected<QList<EntryInfo>> nested = m_fs->list(QStringLiteral("insidelink/../dir"));
    QVERIFY(nested);
    QCOMPARE(nested->size(), 1);
    QCOMPARE(nested->at(0).name, QStringLiteral("nested.txt"));

    // An empty directory, reached through an inside symlink.
    QVERIFY(QDir().mkdir(inRoot(QStringLiteral("dir/empty"))));
    const ferry::Expected<QList<EntryInfo>> empty = m_fs->list(QStringLiteral("insidelink/empty"));
    QVERIFY2(empty, qPrintable(empty ? QString() : empty.error().message));
    QVERIFY(empty->isEmpty());
}

void TestRootFs::listErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<ErrorCode>("code");

    QTest::newRow("missing directory") << QStringLiteral("nope") << ErrorCode::NotFound;
    QTest::newRow("a regular file") << QStringLiteral("file.txt") << ErrorCode::NotADirectory;
}

void TestRootFs::listFollowsSymlinkInsideRoot()
{
    // Like cd: a link to a directory beneath the root lists that directory.
    const ferry::Expected<QList<EntryInfo>> viaLink = m_fs->list(QStringLiteral("insidelink"));
    const ferry::Expected<QList<EntryInfo>> direct = m_fs->list(QStringLiteral("dir"));
    QVERIFY(viaLink);
    QVERIFY(direct);
    QCOMPARE(viaLink->size(), direct->size());
    QVERIFY(!viaLink->isEmpty());
    QCOMPARE(viaLink->first().name, direct->first().name);
}

void TestRootFs::listErrors()
{
    QFETCH(QString, path);
    QFETCH(ErrorCode, code);

    const ferry::Expected<QList<EntryInfo>> entries = m_fs->list(path);
    QVERIFY(!entries);
    QCOMPARE(entries.error().code, code);
    QVERIFY2(entries.error().message.startsWith(path + u':'), qPrintable(entries.error().message));
}

void TestRootFs::mkdir_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("parents");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("created");

    const ErrorCode ok = ErrorCode::None;
    QTest::newRow("new directory") << QStringLiteral("new") << false << ok << QStringLiteral("new");
    QTest::newRow("new directory in existing one") << QStringLiteral("dir/new") << false << ok
                                                   << QStringLiteral("dir/new");
    QTest::newRow("through an inside symlink") << QStringLiteral("insidelink/new") << false << ok
                                               << QStringLiteral("dir/new");
    QTest::newRow("missing parent without parents") << QStringLiteral("a/b/c") << false
                                                    << ErrorCode::NotFound << QString();
    QTest::newRow("missing parents with parents") << QStringLiteral("a/b/c") << true << ok
                                                  << QStringLiteral("a/b/c");
    QTest::newRow("partly existing with parents") << QStringLiteral("dir/x/y/") << true << ok
                                                  << QStringLiteral("dir/x/y");
    QTest::newRow("existing without parents") << QStringLiteral("dir") << false << ErrorCode::Exists << QString();
    QTest::newRow("existing with parents") << QStringLiteral("dir") << true << ok << QStringLiteral("dir");
    QTest::newRow("root without parents") << QString() << false << ErrorCode::Exists << QString();
    QTest::newRow("root with parents") << QStringLiteral(".") << true << ok << QString();
    QTest::newRow("file in the way") << QStringLiteral("file.txt") << true << ErrorCode::Exists << QString();
    QTest::newRow("symlink in the way") << QStringLiteral("insidelink") << true << ErrorCode::Exists << QString();
    QTest::newRow("file as a parent") << QStringLiteral("file.txt/x/y") << true << ErrorCode::NotADirectory
                                      << QString();
}

void TestRootFs::mkdir()
{
    QFETCH(QString, path);
    QFETCH(bool, parents);
    QFETCH(ErrorCode, code);
    QFETCH(QString, created);

    const ferry::Expected<void> result = m_fs->mkdir(path, 0750, parents);
    if (code != ErrorCode::None) {
        QVERIFY(!result);
        QCOMPARE(result.error().code, code);
        QVERIFY2(result.error().message.startsWith(path.isEmpty() ? QStringLiteral(".") : path),
                 qPrintable(result.error().message));
        return;
    }
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    const QFileInfo info(inRoot(created));
    QVERIFY(info.isDir());
    if (created.startsWith(QStringLiteral("a/")) || created.endsWith(QStringLiteral("new"))) {
        const ferry::Expected<EntryInfo> st = m_fs->stat(created);
        QVERIFY(st);
        QCOMPARE(st->mode, 0750u);
    }
}

void TestRootFs::remove_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("recursive");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("gone");

    const ErrorCode ok = ErrorCode::None;
    QTest::newRow("file") << QStringLiteral("file.txt") << false << ok << QStringLiteral("file.txt");
    QTest::newRow("symlink to a file, not its target") << QStringLiteral("filelink") << false << ok
                                                       << QStringLiteral("filelink");
    QTest::newRow("symlink to a directory, not its target") << QStringLiteral("insidelink/") << true << ok
                                                            << QStringLiteral("insidelink");
    QTest::newRow("absolute escaping symlink itself") << QStringLiteral("abslink") << true << ok
                                                      << QStringLiteral("abslink");
    QTest::newRow("empty directory") << QStringLiteral("sub/empty") << false << ok << QStringLiteral("sub/empty");
    QTest::newRow("non-empty directory without recursive") << QStringLiteral("dir") << false
                                                           << ErrorCode::NotEmpty << QString();
    QTest::newRow("non-empty directory, recursive") << QStringLiteral("dir") << true << ok << QStringLiteral("dir");
    QTest::newRow("missing entry") << QStringLiteral("nope") << false << ErrorCode::NotFound << QString();
}

void TestRootFs::remove()
{
    QFETCH(QString, path);
    QFETCH(bool, recursive);
    QFETCH(ErrorCode, code);
    QFETCH(QString, gone);

    QVERIFY(QDir().mkdir(inRoot(QStringLiteral("sub/empty"))));
    const ferry::Expected<void> result = m_fs->remove(path, recursive);
    if (code != ErrorCode::None) {
        QVERIFY(!result);
        QCOMPARE(result.error().code, code);
        QVERIFY2(result.error().message.startsWith(path + u':'), qPrintable(result.error().message));
        QVERIFY(QFileInfo::exists(inRoot(QStringLiteral("dir/nested.txt"))));
        return;
    }
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QVERIFY(!QFileInfo(inRoot(gone)).isSymLink());
    QVERIFY(!QFileInfo::exists(inRoot(gone)));
    // Link targets survive the removal of their links.
    if (gone.endsWith(QStringLiteral("link")))
        QVERIFY(QFileInfo::exists(inRoot(QStringLiteral("dir/nested.txt"))));
    QVERIFY(QFileInfo::exists(inRoot(QStringLiteral("sub"))));
}

void TestRootFs::removeRootIsRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("empty") << QString();
    QTest::newRow("dot") << QStringLiteral(".");
    QTest::newRow("down and up") << QStringLiteral("dir/..");
}

void TestRootFs::removeRootIsRefused()
{
    QFETCH(QString, path);
    const ferry::Expected<void> result = m_fs->remove(path, true);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QVERIFY(QFileInfo::exists(inRoot(QStringLiteral("dir/nested.txt"))));
}

void TestRootFs::removeRecursiveKeepsOutside()
{
    // A tree holding symlinks to outside directories, absolute and relative,
    // and to a directory inside the root, two levels deep.
    QVERIFY(QDir().mkpath(inRoot(QStringLiteral("tree/a/b"))));
    writeFile(inRoot(QStringLiteral("tree/a/b/f.txt")), "f", QFile::ReadOwner | QFile::WriteOwner);
    writeFile(inRoot(QStringLiteral("tree/top.txt")), "t", QFile::ReadOwner);
    makeSymlink(m_outside, inRoot(QStringLiteral("tree/a/out-abs")));
    makeSymlink(QStringLiteral("../../../outside"), inRoot(QStringLiteral("tree/a/b/out-rel")));
    makeSymlink(QStringLiteral("../../dir"), inRoot(QStringLiteral("tree/a/in")));
    makeSymlink(m_outside + QStringLiteral("/secret.txt"), inRoot(QStringLiteral("tree/secret-link")));
    // A read-only directory the agent owns still goes.
    QVERIFY(QDir().mkpath(inRoot(QStringLiteral("tree/ro/x"))));
    QVERIFY(QFile::setPermissions(inRoot(QStringLiteral("tree/ro")), QFile::ReadOwner | QFile::ExeOwner));

    const ferry::Expected<void> result = m_fs->remove(QStringLiteral("tree"), true);
    if (!result && ::geteuid() != 0)
        QVERIFY(QFile::setPermissions(inRoot(QStringLiteral("tree/ro")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    if (::geteuid() == 0) {
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QVERIFY(!QFileInfo::exists(inRoot(QStringLiteral("tree"))));
    } else {
        // Unprivileged, the read-only directory stops the removal with a
        // message that names it.
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::PermissionDenied);
        QVERIFY2(result.error().message.startsWith(QStringLiteral("tree/ro/x:")), qPrintable(result.error().message));
        QVERIFY(m_fs->remove(QStringLiteral("tree"), true));
    }
    QVERIFY(QFileInfo::exists(inRoot(QStringLiteral("dir/nested.txt"))));
    QFile secret(m_outside + QStringLiteral("/secret.txt"));
    QVERIFY(secret.open(QIODevice::ReadOnly));
    QCOMPARE(secret.readAll(), QByteArrayLiteral("secret"));
    // cleanup() compares the whole outside tree.
}

void TestRootFs::rename_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("overwrite");
    QTest::addColumn<ErrorCode>("code");

    const ErrorCode ok = ErrorCode::None;
    QTest::newRow("to a new name") << QStringLiteral("file.txt") << QStringLiteral("renamed.txt") << false << ok;
    QTest::newRow("into a directory") << QStringLiteral("file.txt") << QStringLiteral("dir/moved.txt") << false << ok;
    QTest::newRow("through an inside symlink") << QStringLiteral("file.txt") << QStringLiteral("insidelink/moved.txt")
                                               << false << ok;
    QTest::newRow("onto an existing file without overwrite")
        << QStringLiteral("file.txt") << QStringLiteral("dir/nested.txt") << false << ErrorCode::Exists;
    QTest::newRow("onto an existing file with overwrite")
        << QStringLiteral("file.txt") << QStringLiteral("dir/nested.txt") << true << ok;
    QTest::newRow("a symlink, not its target") << QStringLiteral("abslink") << QStringLiteral("dir/abslink")
                                               << false << ok;
    QTest::newRow("directory onto non-empty directory")
        << QStringLiteral("sub") << QStringLiteral("dir") << true << ErrorCode::NotEmpty;
    QTest::newRow("missing source") << QStringLiteral("nope") << QStringLiteral("other") << false
                                    << ErrorCode::NotFound;
    QTest::newRow("the root") << QStringLiteral(".") << QStringLiteral("other") << false
                              << ErrorCode::InvalidArgument;
}

void TestRootFs::rename()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, overwrite);
    QFETCH(ErrorCode, code);

    const ferry::Expected<EntryInfo> before = m_fs->stat(from);
    const ferry::Expected<void> result = m_fs->rename(from, to, overwrite);
    if (code != ErrorCode::None) {
        QVERIFY(!result);
        QCOMPARE(result.error().code, code);
        if (code == ErrorCode::Exists) {
            QVERIFY2(result.error().message.startsWith(to + u':'), qPrintable(result.error().message));
            QFile kept(inRoot(to));
            QVERIFY(kept.open(QIODevice::ReadOnly));
            QCOMPARE(kept.readAll(), QByteArrayLiteral("nested"));
        }
        if (before)
            QVERIFY(m_fs->stat(from));
        return;
    }
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QVERIFY(!m_fs->stat(from));
    const ferry::Expected<EntryInfo> after = m_fs->stat(to);
    QVERIFY(after);
    QCOMPARE(after->type, before->type);
    QCOMPARE(after->size, before->size);
    QCOMPARE(after->linkTarget, before->linkTarget);
}

void TestRootFs::chmod_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<quint32>("mode");
    QTest::addColumn<ErrorCode>("code");

    const ErrorCode ok = ErrorCode::None;
    QTest::newRow("file") << QStringLiteral("file.txt") << 0600u << ok;
    QTest::newRow("file, setgid and odd bits") << QStringLiteral("file.txt") << 02741u << ok;
    QTest::newRow("file, no permissions at all") << QStringLiteral("file.txt") << 0u << ok;
    QTest::newRow("directory") << QStringLiteral("dir") << 0700u << ok;
    QTest::newRow("through an inside symlink") << QStringLiteral("insidelink/nested.txt") << 0640u << ok;
    QTest::newRow("root") << QString() << 0711u << ok;
    QTest::newRow("symlink inside") << QStringLiteral("filelink") << 0600u << ErrorCode::Unsupported;
    QTest::newRow("symlink pointing outside") << QStringLiteral("abslink") << 0700u << ErrorCode::Unsupported;
    QTest::newRow("missing") << QStringLiteral("nope") << 0600u << ErrorCode::NotFound;
}

void TestRootFs::chmod()
{
    QFETCH(QString, path);
    QFETCH(quint32, mode);
    QFETCH(ErrorCode, code);

    const ferry::Expected<void> result = m_fs->chmod(path, mode);
    if (code != ErrorCode::None) {
        QVERIFY(!result);
        QCOMPARE(result.error().code, code);
        QVERIFY2(result.error().message.startsWith(path + u':'), qPrintable(result.error().message));
        QCOMPARE(QFileInfo(inRoot(QStringLiteral("file.txt"))).permissions(),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser | QFile::ReadGroup
                     | QFile::ReadOther);
        return;
    }
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    const ferry::Expected<EntryInfo> info = m_fs->stat(path);
    QVERIFY(info);
    QCOMPARE(info->mode, mode);
    // Set it back so that QTemporaryDir can clean up as any user.
    QVERIFY(m_fs->chmod(path, 0755));
}

void TestRootFs::diskSpace_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("root") << QString();
    QTest::newRow("file") << QStringLiteral("dir/nested.txt");
    QTest::newRow("symlink pointing outside, asked about itself") << QStringLiteral("abslink");
}

void TestRootFs::diskSpace()
{
    QFETCH(QString, path);
    const ferry::Expected<ferry::agent::DiskSpace> space = m_fs->diskSpace(path);
    QVERIFY2(space, qPrintable(space ? QString() : space.error().message));
    QVERIFY(space->total > 0);
    QVERIFY(space->free <= space->total);
    QVERIFY(space->available <= space->free);
    QVERIFY(space->available >= 0);
}

void TestRootFs::openRead_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<ErrorCode>("code");

    QTest::newRow("directory") << QStringLiteral("dir") << ErrorCode::IsADirectory;
    QTest::newRow("root") << QString() << ErrorCode::IsADirectory;
    QTest::newRow("symlink to a file inside") << QStringLiteral("filelink") << ErrorCode::InvalidArgument;
    QTest::newRow("FIFO, without blocking") << QStringLiteral("fifo") << ErrorCode::InvalidArgument;
    QTest::newRow("missing") << QStringLiteral("dir/nope") << ErrorCode::NotFound;
}

void TestRootFs::openRead()
{
    QFETCH(QString, path);
    QFETCH(ErrorCode, code);

    QCOMPARE(::mkfifo(QFile::encodeName(inRoot(QStringLiteral("fifo"))).constData(), 0600), 0);
    const ferry::Expected<UniqueFd> fd = m_fs->openRead(path);
    QVERIFY(!fd);
    QCOMPARE(fd.error().code, code);
    QVERIFY2(fd.error().message.startsWith(path.isEmpty() ? QStringLiteral(".:") : path + u':'),
             qPrintable(fd.error().message));
}

void TestRootFs::openReadFile()
{
    const ferry::Expected<UniqueFd> fd = m_fs->openRead(QStringLiteral("insidelink/nested.txt"));
    QVERIFY2(fd, qPrintable(fd ? QString() : fd.error().message));
    char buffer[16] = {};
    QCOMPARE(::read(fd->get(), buffer, sizeof buffer), 6);
    QCOMPARE(QByteArray(buffer), QByteArrayLiteral("nested"));
    QVERIFY(::fcntl(fd->get(), F_GETFD) & FD_CLOEXEC);
    QCOMPARE(::fcntl(fd->get(), F_GETFL) & (O_NONBLOCK | O_ACCMODE), O_RDONLY);

    const ferry::Expected<UniqueFd> dir = m_fs->openDirectory(QStringLiteral("insidelink/.."));
    QVERIFY(dir);
    QVERIFY(::fcntl(dir->get(), F_GETFD) & FD_CLOEXEC);
}

void TestRootFs::openParent_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("name");

    const ErrorCode ok = ErrorCode::None;
    QTest::newRow("file at the top") << QStringLiteral("file.txt") << ok << QStringLiteral("file.txt");
    QTest::newRow("new name in a subdirectory") << QStringLiteral("dir//new.txt/") << ok << QStringLiteral("new.txt");
    QTest::newRow("symlink as last component") << QStringLiteral("sub/rel") << ok << QStringLiteral("rel");
    QTest::newRow("root has no parent") << QStringLiteral(".") << ErrorCode::InvalidArgument << QString();
    QTest::newRow("missing parent") << QStringLiteral("nope/x") << ErrorCode::NotFound << QString();
    QTest::newRow("parent is a file") << QStringLiteral("file.txt/x") << ErrorCode::NotADirectory << QString();
}

void TestRootFs::openParent()
{
    QFETCH(QString, path);
    QFETCH(ErrorCode, code);
    QFETCH(QString, name);

    const ferry::Expected<ferry::agent::ParentHandle> parent = m_fs->openParent(path);
    if (code != ErrorCode::None) {
        QVERIFY(!parent);
        QCOMPARE(parent.error().code, code);
        QVERIFY2(parent.error().message.startsWith(path + u':'), qPrintable(parent.error().message));
        return;
    }
    QVERIFY2(parent, qPrintable(parent ? QString() : parent.error().message));
    QCOMPARE(QFile::decodeName(parent->name), name);
    QCOMPARE(parent->wirePath, path);
    QVERIFY(parent->dirFd.isValid());
    QVERIFY(::fcntl(parent->dirFd.get(), F_GETFD) & FD_CLOEXEC);
}

void TestRootFs::symlink()
{
    const QString target = QStringLiteral("/etc/../etc/passwd");
    QVERIFY(m_fs->symlink(QStringLiteral("dir/pw"), target));
    const ferry::Expected<EntryInfo> info = m_fs->stat(QStringLiteral("dir/pw"));
    QVERIFY(info);
    QCOMPARE(info->type, EntryInfo::Type::Symlink);
    QCOMPARE(info->linkTarget, target);
    // Created, but never followed.
    const ferry::Expected<UniqueFd> fd = m_fs->openRead(QStringLiteral("dir/pw"));
    QVERIFY(!fd);
    QCOMPARE(fd.error().code, ErrorCode::InvalidArgument);

    const ferry::Expected<void> again = m_fs->symlink(QStringLiteral("dir/pw"), target);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Exists);
    const ferry::Expected<void> empty = m_fs->symlink(QStringLiteral("dir/empty"), QString());
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);
}

void TestRootFs::escapes_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("path");

    // Each way out, combined with each operation.
    const QList<std::pair<const char *, QString>> ways = {
        {"absolute symlink", QStringLiteral("abslink")},
        {"relative symlink", QStringLiteral("sub/rel")},
        {"absolute symlink behind an inside one", QStringLiteral("insidelink/../abslink")},
        {"dot dot", QStringLiteral("..")},
        {"dot dot after a name", QStringLiteral("dir/../../outside")},
        // The temporary directory is made in init(), after this runs.
        {"absolute path", QStringLiteral("/OUTSIDE")},
    };
    const QStringList operations = {
        QStringLiteral("stat"), QStringLiteral("list"), QStringLiteral("mkdir"), QStringLiteral("mkdir -p"),
        QStringLiteral("openRead"), QStringLiteral("openDirectory"), QStringLiteral("openParent"),
        QStringLiteral("rename into"), QStringLiteral("rename out of"), QStringLiteral("remove"),
        QStringLiteral("remove -r"), QStringLiteral("chmod"), QStringLiteral("diskSpace"),
        QStringLiteral("symlink"),
    };
    for (const auto &[wayName, way] : ways) {
        for (const QString &operation : operations) {
            // Files and directories that exist outside, and one that does not.
            for (const char *leaf : {"secret.txt", "deep", "new"}) {
                const QString path = way + u'/' + QString::fromUtf8(leaf);
                QTest::addRow("%s: %s %s", qPrintable(operation), wayName, leaf) << operation << path;
            }
        }
    }
}

void TestRootFs::escapes()
{
    QFETCH(QString, operation);
    QFETCH(QString, path);
    if (path.startsWith(QStringLiteral("/OUTSIDE/")))
        path.replace(0, 8, m_outside);

    std::optional<ferry::Error> error;
    if (operation == QStringLiteral("stat"))
        error = errorOf(m_fs->stat(path));
    else if (operation == QStringLiteral("list"))
        error = errorOf(m_fs->list(path));
    else if (operation == QStringLiteral("mkdir"))
        error = errorOf(m_fs->mkdir(path, 0755, false));
    else if (operation == QStringLiteral("mkdir -p"))
        error = errorOf(m_fs->mkdir(path, 0755, true));
    else if (operation == QStringLiteral("openRead"))
        error = errorOf(m_fs->openRead(path));
    else if (operation == QStringLiteral("openDirectory"))
        error = errorOf(m_fs->openDirectory(path));
    else if (operation == QStringLiteral("openParent"))
        error = errorOf(m_fs->openParent(path));
    else if (operation == QStringLiteral("rename into"))
        error = errorOf(m_fs->rename(QStringLiteral("file.txt"), path, true));
    else if (operation == QStringLiteral("rename out of"))
        error = errorOf(m_fs->rename(path, QStringLiteral("stolen"), true));
    else if (operation == QStringLiteral("remove"))
        error = errorOf(m_fs->remove(path, false));
    else if (operation == QStringLiteral("remove -r"))
        error = errorOf(m_fs->remove(path, true));
    else if (operation == QStringLiteral("chmod"))
        error = errorOf(m_fs->chmod(path, 0777));
    else if (operation == QStringLiteral("diskSpace"))
        error = errorOf(m_fs->diskSpace(path));
    else if (operation == QStringLiteral("symlink"))
        error = errorOf(m_fs->symlink(path, QStringLiteral("/etc/passwd")));
    else
        QFAIL("unknown operation");

    QVERIFY2(error, "escaped the root");
    QCOMPARE(error->code, ErrorCode::OutsideRoot);
    QVERIFY2(error->message.startsWith(path + u':'), qPrintable(error->message));
    QVERIFY2(error->message.endsWith(QStringLiteral("outside the served directory")), qPrintable(error->message));
    // The inside stays as it was; cleanup() checks the outside.
    QVERIFY(QFileInfo::exists(inRoot(QStringLiteral("file.txt"))));
    QVERIFY(!QFileInfo::exists(inRoot(QStringLiteral("stolen"))));
}

QTEST_GUILESS_MAIN(TestRootFs)
#include "tst_rootfs.moc"
