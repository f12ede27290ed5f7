// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/rootfs.h"

// Internal, for testing the two resolvers against each other and the kernel.
#include "core/agent/rootfsdetail.h"

#ifdef FERRY_CAN_REFUSE_OPENAT2
#include "support/refuseopenat2.h"
#endif

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <cstdio> // renameat2, RENAME_EXCHANGE
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

using ferry::ErrorCode;
using ferry::UniqueFd;
using ferry::agent::EntryInfo;
using ferry::agent::PathResolver;
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

// The kernel's answer, asked directly; -1 with ENOSYS where it has none.
int kernelOpenat2(int dirFd, const char *path, int flags, quint64 resolve)
{
    open_how how{};
    how.flags = quint64(flags | O_CLOEXEC);
    how.mode = (flags & O_CREAT) ? 0644 : 0;
    how.resolve = resolve;
    return int(::syscall(SYS_openat2, dirFd, path, &how, sizeof how));
}

bool kernelHasOpenat2()
{
    const int fd = kernelOpenat2(AT_FDCWD, ".", O_PATH, RESOLVE_BENEATH);
    if (fd >= 0) {
        ::close(fd);
        return true;
    }
    return errno != ENOSYS;
}

// "sub/deep/d/d/.../d", @p levels of d.
QString deepPath(int levels)
{
    return QStringLiteral("sub/deep") + QStringLiteral("/d").repeated(levels);
}
constexpr int kDeepLevels = 40;

constexpr quint64 kBeneath = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
constexpr quint64 kFinal = kBeneath | RESOLVE_NO_SYMLINKS;

// One path resolved by every resolver at hand: the kernel's openat2 (where it
// has one), the walk, and openat2Fd() as RootFs calls it. Each must give the
// same error, or open the same file.
struct ResolverRun {
    const char *name;
    std::function<int()> open;
};

QList<ResolverRun> resolverRuns(int dirFd, const QByteArray &path, int flags, quint64 resolve)
{
    using namespace ferry::agent::rootfs_detail;
    QList<ResolverRun> runs;
    if (kernelHasOpenat2())
        runs.append({"kernel", [=] { return kernelOpenat2(dirFd, path.constData(), flags, resolve); }});
    runs.append({"walk", [=] { return walkOpenFd(dirFd, path.constData(), flags, resolve, 0644); }});
    runs.append({"openat2Fd", [=] { return openat2Fd(dirFd, path.constData(), flags, resolve, 0644); }});
    return runs;
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

    void resolverInUse();
    void resolverSwitchesOnEnosys();
    void resolveBeneath_data();
    void resolveBeneath();
    void magicLinks_data();
    void magicLinks();
    void symlinkPaths_data();
    void symlinkPaths();
    void swappedDirectoryIsNotFollowedOut();

private:
    QString inRoot(const QString &relative) const { return m_root + u'/' + relative; }
    void writeFile(const QString &path, const QByteArray &content, QFile::Permissions perms);
    void makeSymlink(const QString &target, const QString &linkPath);
    void setMtime(const QString &path);
    void addLinkFixture();
    static bool usesLongChains(const QString &path);
    void addLongChains();
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

// Symlinks the resolvers have to treat alike, all under sub/ so that the
// listings other tests expect stay as they are:
//
//   sub/c1 -> c2 -> c3 -> ../insidelink -> dir      a chain inside
//   sub/up -> ../dir                                 ".." inside a target
//   sub/toroot -> ../insidelink/..                   a link to a dir, then ".."
//   sub/updot -> ../..                               climbs out
//   sub/detour -> ../dir/../../outside               "a/../../x" in a target
//   sub/loop1 -> loop2 -> loop1, sub/self -> self    loops
//   sub/dotlink -> ., sub/dotdot -> ..
//   sub/trailing -> ../dir/                          trailing slash
//   sub/dangling -> ../newfile                       for O_CREAT
//   sub/escdangle -> ../../newout                    O_CREAT must not go there
//
// and, from addLongChains(), for the paths that need them:
//
//   sub/n0 -> n1 -> ... -> n39 -> ../dir             40 links: the most allowed
//   sub/m0 -> n0                                     41 links: one too many
//   sub/deep/d/.../d (40 levels)/back -> ../../...   back up to sub/deep
void TestRootFs::addLinkFixture()
{
    const auto link = [this](const QString &target, const QString &name) {
        makeSymlink(target, inRoot(QStringLiteral("sub/") + name));
    };
    link(QStringLiteral("c2"), QStringLiteral("c1"));
    link(QStringLiteral("c3"), QStringLiteral("c2"));
    link(QStringLiteral("../insidelink"), QStringLiteral("c3"));
    link(QStringLiteral("../dir"), QStringLiteral("up"));
    link(QStringLiteral("../insidelink/.."), QStringLiteral("toroot"));
    link(QStringLiteral("../.."), QStringLiteral("updot"));
    link(QStringLiteral("../dir/../../outside"), QStringLiteral("detour"));
    link(QStringLiteral("loop2"), QStringLiteral("loop1"));
    link(QStringLiteral("loop1"), QStringLiteral("loop2"));
    link(QStringLiteral("self"), QStringLiteral("self"));
    link(QStringLiteral("."), QStringLiteral("dotlink"));
    link(QStringLiteral(".."), QStringLiteral("dotdot"));
    link(QStringLiteral("../dir/"), QStringLiteral("trailing"));
    link(QStringLiteral("../newfile"), QStringLiteral("dangling"));
    link(QStringLiteral("../../newout"), QStringLiteral("escdangle"));
}

bool TestRootFs::usesLongChains(const QString &path)
{
    return path.startsWith(QStringLiteral("sub/n0")) || path.startsWith(QStringLiteral("sub/m0"))
        || path.startsWith(QStringLiteral("sub/deep"));
}

void TestRootFs::addLongChains()
{
    constexpr int chain = 40;
    for (int i = 0; i < chain; ++i) {
        const QString target = i == chain - 1 ? QStringLiteral("../dir") : QStringLiteral("n") + QString::number(i + 1);
        makeSymlink(target, inRoot(QStringLiteral("sub/n") + QString::number(i)));
    }
    makeSymlink(QStringLiteral("n0"), inRoot(QStringLiteral("sub/m0")));
    const QString deep = deepPath(kDeepLevels);
    QVERIFY(QDir().mkpath(inRoot(deep)));
    makeSymlink(QStringLiteral("../").repeated(kDeepLevels), inRoot(deep + QStringLiteral("/back")));
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
        {"relative symlink climbing after a detour", QStringLiteral("sub/detour")},
        // The kernel's ELOOP, which Error::fromErrno counts as an escape.
        {"symlink loop", QStringLiteral("sub/loop1")},
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
    addLinkFixture();

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

void TestRootFs::resolverInUse()
{
    const QByteArray expected = qgetenv("FERRY_TEST_EXPECT_RESOLVER");
    if (expected == "walk") {
        // A real ENOSYS from the kernel, not the diagnostic switch.
        QVERIFY2(!kernelHasOpenat2(), "this run should have no openat2");
        QVERIFY(qgetenv("FERRY_ROOTFS_RESOLVER").isEmpty());
        QCOMPARE(RootFs::resolver(), PathResolver::Walk);
    } else if (expected == "openat2") {
        QVERIFY(kernelHasOpenat2());
        QCOMPARE(RootFs::resolver(), PathResolver::Openat2);
    } else {
        // Run by hand: the kernel and the environment decide.
        const bool forced = qgetenv("FERRY_ROOTFS_RESOLVER") == "walk";
        QCOMPARE(RootFs::resolver(), kernelHasOpenat2() && !forced ? PathResolver::Openat2 : PathResolver::Walk);
    }
}

void TestRootFs::resolverSwitchesOnEnosys()
{
#ifndef FERRY_CAN_REFUSE_OPENAT2
    QSKIP("no seccomp filter for this architecture");
#else
    if (RootFs::resolver() != PathResolver::Openat2)
        QSKIP("openat2 is not in use in this run");
    // openat2 worked so far; a child takes it away and goes on with the same
    // RootFs, which has to switch to the walk at its next call.
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        int status = 0;
        if (ferry::test::refuseOpenat2() != 0)
            status = 10;
        else if (!m_fs->stat(QStringLiteral("insidelink/nested.txt")))
            status = 11;
        else if (RootFs::resolver() != PathResolver::Walk)
            status = 12;
        else if (const auto error = errorOf(m_fs->stat(QStringLiteral("sub/rel/secret.txt")));
                 !error || error->code != ErrorCode::OutsideRoot)
            status = 13;
        ::_exit(status);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QCOMPARE(RootFs::resolver(), PathResolver::Openat2);
#endif
}

void TestRootFs::resolveBeneath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("flags");
    QTest::addColumn<quint64>("resolve");
    QTest::addColumn<int>("error");      // errno, or 0
    QTest::addColumn<QString>("target"); // what is opened, below the temporary directory

    const int dir = O_PATH | O_DIRECTORY;   // how RootFs opens parents
    const int read = O_RDONLY | O_NOFOLLOW; // and last components
    const int self = O_PATH | O_NOFOLLOW;
    const QString deep = deepPath(kDeepLevels);
    const auto row = [](const char *name, const QString &path, int flags, quint64 resolve, int error,
                        const QString &target) {
        QTest::newRow(name) << path << flags << resolve << error << target;
    };

    row("plain file", QStringLiteral("file.txt"), O_RDONLY, kBeneath, 0, QStringLiteral("root/file.txt"));
    row("the root", QStringLiteral("."), dir, kBeneath, 0, QStringLiteral("root"));
    row("nested", QStringLiteral("dir/nested.txt"), read, kBeneath, 0, QStringLiteral("root/dir/nested.txt"));
    row("intermediate symlink inside", QStringLiteral("insidelink/nested.txt"), read, kBeneath, 0,
        QStringLiteral("root/dir/nested.txt"));
    row("last symlink followed", QStringLiteral("insidelink"), O_RDONLY | O_DIRECTORY, kBeneath, 0,
        QStringLiteral("root/dir"));
    row("last symlink, O_NOFOLLOW", QStringLiteral("filelink"), read, kFinal, ELOOP, QString());
    row("last symlink, O_DIRECTORY | O_NOFOLLOW", QStringLiteral("insidelink"), dir | O_NOFOLLOW, kBeneath,
        ENOTDIR, QString());
    row("symlink itself, O_PATH | O_NOFOLLOW", QStringLiteral("abslink"), self, kFinal, 0,
        QStringLiteral("root/abslink"));
    row("chain inside", QStringLiteral("sub/c1/nested.txt"), read, kBeneath, 0,
        QStringLiteral("root/dir/nested.txt"));
    row("chain inside, last followed", QStringLiteral("sub/c1"), dir, kBeneath, 0, QStringLiteral("root/dir"));
    row("dot dot in a target", QStringLiteral("sub/up/nested.txt"), read, kBeneath, 0,
        QStringLiteral("root/dir/nested.txt"));
    row("link to a directory, then dot dot", QStringLiteral("sub/toroot/file.txt"), read, kBeneath, 0,
        QStringLiteral("root/file.txt"));
    row("dot dot after a link to a directory", QStringLiteral("insidelink/../file.txt"), read, kBeneath, 0,
        QStringLiteral("root/file.txt"));
    row("dot link", QStringLiteral("sub/dotlink/up"), self, kBeneath, 0, QStringLiteral("root/sub/up"));
    row("dot dot link", QStringLiteral("sub/dotdot/file.txt"), read, kBeneath, 0, QStringLiteral("root/file.txt"));
    row("trailing slash in a target", QStringLiteral("sub/trailing"), dir, kBeneath, 0, QStringLiteral("root/dir"));
    row("trailing slash follows despite O_NOFOLLOW", QStringLiteral("insidelink/"), read, kBeneath, 0,
        QStringLiteral("root/dir"));
    row("40 links", QStringLiteral("sub/n0/nested.txt"), read, kBeneath, 0, QStringLiteral("root/dir/nested.txt"));
    row("41 links", QStringLiteral("sub/m0/nested.txt"), read, kBeneath, ELOOP, QString());
    row("loop", QStringLiteral("sub/loop1/x"), read, kBeneath, ELOOP, QString());
    row("loop, last followed", QStringLiteral("sub/loop1"), dir, kBeneath, ELOOP, QString());
    row("loop, last not followed", QStringLiteral("sub/loop1"), self, kFinal, 0, QStringLiteral("root/sub/loop1"));
    row("link to itself", QStringLiteral("sub/self/x"), read, kBeneath, ELOOP, QString());
    row("RESOLVE_NO_SYMLINKS, intermediate", QStringLiteral("insidelink/nested.txt"), read, kFinal, ELOOP,
        QString());
    row("RESOLVE_NO_SYMLINKS, last followed", QStringLiteral("filelink"), O_RDONLY, kFinal, ELOOP, QString());
    row("dot dot at the root", QStringLiteral(".."), dir, kBeneath, EXDEV, QString());
    row("a/../../x", QStringLiteral("dir/../../outside/secret.txt"), read, kBeneath, EXDEV, QString());
    row("dot dot link at the root", QStringLiteral("sub/dotdot/../outside"), dir, kBeneath, EXDEV, QString());
    row("climbing link", QStringLiteral("sub/updot/outside"), dir, kBeneath, EXDEV, QString());
    row("climbing link, last followed", QStringLiteral("sub/updot"), dir, kBeneath, EXDEV, QString());
    row("a/../../x in a target", QStringLiteral("sub/detour/secret.txt"), read, kBeneath, EXDEV, QString());
    row("relative escape", QStringLiteral("sub/rel/secret.txt"), read, kBeneath, EXDEV, QString());
    row("absolute link", QStringLiteral("abslink/secret.txt"), read, kBeneath, EXDEV, QString());
    row("absolute link, last followed", QStringLiteral("abslink"), dir, kBeneath, EXDEV, QString());
    row("absolute path", QStringLiteral("/etc"), dir, kBeneath, EXDEV, QString());
    row("empty path", QString(), dir, kBeneath, ENOENT, QString());
    row("missing parent", QStringLiteral("nope/x"), read, kBeneath, ENOENT, QString());
    row("missing", QStringLiteral("dir/nope"), read, kBeneath, ENOENT, QString());
    row("file as a directory", QStringLiteral("file.txt/x"), read, kBeneath, ENOTDIR, QString());
    row("dot dot below a file", QStringLiteral("file.txt/.."), dir, kBeneath, ENOTDIR, QString());
    row("trailing slash on a file", QStringLiteral("file.txt/"), O_RDONLY, kBeneath, ENOTDIR, QString());
    row("O_DIRECTORY on a file", QStringLiteral("file.txt"), O_RDONLY | O_DIRECTORY, kBeneath, ENOTDIR, QString());
    row("writing a directory", QStringLiteral("dir"), O_WRONLY, kBeneath, EISDIR, QString());
    row("O_PATH with a flag openat2 refuses", QStringLiteral("file.txt"), O_PATH | O_NOCTTY, kBeneath, EINVAL,
        QString());
    row("dangling link", QStringLiteral("sub/dangling"), O_RDONLY, kBeneath, ENOENT, QString());
    row("O_CREAT through a dangling link", QStringLiteral("sub/dangling"), O_WRONLY | O_CREAT, kBeneath, 0,
        QStringLiteral("root/newfile"));
    row("O_CREAT through a dangling link leading out", QStringLiteral("sub/escdangle"), O_WRONLY | O_CREAT,
        kBeneath, EXDEV, QString());
    row("O_CREAT | O_EXCL on a dangling link", QStringLiteral("sub/dangling"), O_WRONLY | O_CREAT | O_EXCL,
        kBeneath, EEXIST, QString());
    row("O_CREAT | O_EXCL, new file", QStringLiteral("insidelink/new.txt"), O_WRONLY | O_CREAT | O_EXCL, kBeneath,
        0, QStringLiteral("root/dir/new.txt"));
    row("O_CREAT with a trailing slash", QStringLiteral("dir/new/"), O_WRONLY | O_CREAT, kBeneath, EISDIR,
        QString());
    row("deep: a link back over directories the walk let go",
        deep + QStringLiteral("/back"), dir, kBeneath, 0, QStringLiteral("root/sub/deep"));
    row("deep: on from there", deep + QStringLiteral("/back/../../file.txt"), read, kBeneath, 0,
        QStringLiteral("root/file.txt"));
    row("deep: and out", deep + QStringLiteral("/back/../../.."), dir, kBeneath, EXDEV, QString());
    row("deep: dot dots all the way back", deep + QStringLiteral("/..").repeated(kDeepLevels) + QStringLiteral("/d"),
        dir, kBeneath, 0, QStringLiteral("root/sub/deep/d"));
}

void TestRootFs::resolveBeneath()
{
    QFETCH(QString, path);
    QFETCH(int, flags);
    QFETCH(quint64, resolve);
    QFETCH(int, error);
    QFETCH(QString, target);

    addLinkFixture();
    if (usesLongChains(path))
        addLongChains();
    const UniqueFd root(::open(QFile::encodeName(m_root).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    QVERIFY(root);
    const QString targetPath = m_tmp->path() + u'/' + target;
    struct stat st;
    const bool existed = target.isEmpty() || ::lstat(QFile::encodeName(targetPath).constData(), &st) == 0;

    for (const ResolverRun &run : resolverRuns(root.get(), QFile::encodeName(path), flags, resolve)) {
        errno = 0;
        const UniqueFd fd(run.open());
        const int openErrno = errno;
        if (error != 0) {
            QVERIFY2(!fd, run.name);
            QVERIFY2(openErrno == error, qPrintable(QStringLiteral("%1: %2, expected %3")
                                                       .arg(QString::fromUtf8(run.name),
                                                            QString::fromLocal8Bit(std::strerror(openErrno)),
                                                            QString::fromLocal8Bit(std::strerror(error)))));
            continue;
        }
        QVERIFY2(fd, qPrintable(QStringLiteral("%1: %2").arg(QString::fromUtf8(run.name),
                                                              QString::fromLocal8Bit(std::strerror(openErrno)))));
        QVERIFY2(::fcntl(fd.get(), F_GETFD) & FD_CLOEXEC, run.name);
        struct stat got;
        struct stat want;
        QCOMPARE(::fstat(fd.get(), &got), 0);
        QVERIFY2(::lstat(QFile::encodeName(targetPath).constData(), &want) == 0, run.name);
        QVERIFY2(got.st_dev == want.st_dev && got.st_ino == want.st_ino, run.name);
        // Each resolver creates it anew.
        if (!existed)
            QCOMPARE(::unlink(QFile::encodeName(targetPath).constData()), 0);
    }
}

void TestRootFs::magicLinks_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("flags");
    QTest::addColumn<quint64>("resolve");
    QTest::addColumn<int>("error");

    const QString proc = QStringLiteral("/proc");
    const QString self = QStringLiteral("/proc/self");
    const int dir = O_PATH | O_DIRECTORY;
    QTest::newRow("cwd, followed") << self << QStringLiteral("cwd") << dir << kBeneath << ELOOP;
    QTest::newRow("cwd, followed, magic links not refused") << self << QStringLiteral("cwd") << dir
                                                            << quint64(RESOLVE_BENEATH) << EXDEV;
    QTest::newRow("cwd as an intermediate") << self << QStringLiteral("cwd/x") << O_RDONLY << kBeneath << ELOOP;
    QTest::newRow("exe, followed") << self << QStringLiteral("exe") << O_RDONLY << kBeneath << ELOOP;
    QTest::newRow("cwd itself") << self << QStringLiteral("cwd") << (O_PATH | O_NOFOLLOW) << kFinal << 0;
    QTest::newRow("self is an ordinary link") << proc << QStringLiteral("self/status") << O_RDONLY << kBeneath << 0;
    QTest::newRow("mounts is an ordinary link") << proc << QStringLiteral("mounts") << O_RDONLY << kBeneath << 0;
    QTest::newRow("magic behind an ordinary link") << proc << QStringLiteral("self/root/etc") << dir << kBeneath
                                                   << ELOOP;
}

void TestRootFs::magicLinks()
{
    QFETCH(QString, base);
    QFETCH(QString, path);
    QFETCH(int, flags);
    QFETCH(quint64, resolve);
    QFETCH(int, error);

    const UniqueFd baseFd(::open(QFile::encodeName(base).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!baseFd)
        QSKIP("no /proc here");
    for (const ResolverRun &run : resolverRuns(baseFd.get(), QFile::encodeName(path), flags, resolve)) {
        errno = 0;
        const UniqueFd fd(run.open());
        const int openErrno = errno;
        if (error == 0) {
            QVERIFY2(fd, qPrintable(QStringLiteral("%1: %2").arg(QString::fromUtf8(run.name),
                                                                  QString::fromLocal8Bit(std::strerror(openErrno)))));
            continue;
        }
        QVERIFY2(!fd, run.name);
        QVERIFY2(openErrno == error, qPrintable(QStringLiteral("%1: %2").arg(
                                         QString::fromUtf8(run.name), QString::fromLocal8Bit(std::strerror(openErrno)))));
    }
}

void TestRootFs::symlinkPaths_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("path");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("reached"); // below the root

    const ErrorCode ok = ErrorCode::None;
    const ErrorCode outside = ErrorCode::OutsideRoot;
    const QString stat = QStringLiteral("stat");
    const QString list = QStringLiteral("list");
    const QString read = QStringLiteral("openRead");
    const QString mkdir = QStringLiteral("mkdir -p");
    QTest::newRow("stat through a chain") << stat << QStringLiteral("sub/c1/nested.txt") << ok
                                          << QStringLiteral("dir/nested.txt");
    QTest::newRow("list through a chain") << list << QStringLiteral("sub/c1") << ok << QStringLiteral("dir");
    QTest::newRow("stat through a link to a directory and dot dot")
        << stat << QStringLiteral("sub/toroot/file.txt") << ok << QStringLiteral("file.txt");
    QTest::newRow("stat through dot dot in a target") << stat << QStringLiteral("sub/up/nested.txt") << ok
                                                      << QStringLiteral("dir/nested.txt");
    QTest::newRow("list a target with a trailing slash") << list << QStringLiteral("sub/trailing") << ok
                                                         << QStringLiteral("dir");
    QTest::newRow("list through a dot dot link") << list << QStringLiteral("sub/dotdot") << ok << QString();
    QTest::newRow("read through 40 links") << read << QStringLiteral("sub/n0/nested.txt") << ok
                                           << QStringLiteral("dir/nested.txt");
    QTest::newRow("mkdir -p through a link") << mkdir << QStringLiteral("sub/up/new/deeper") << ok
                                             << QStringLiteral("dir/new/deeper");
    QTest::newRow("stat back up a deep tree") << stat << deepPath(kDeepLevels) + QStringLiteral("/back/d") << ok
                                              << QStringLiteral("sub/deep/d");
    QTest::newRow("stat through 41 links") << stat << QStringLiteral("sub/m0/nested.txt") << outside << QString();
    QTest::newRow("stat through a loop") << stat << QStringLiteral("sub/loop1/x") << outside << QString();
    QTest::newRow("list a link to itself") << list << QStringLiteral("sub/self") << outside << QString();
    QTest::newRow("list a climbing link") << list << QStringLiteral("sub/updot") << outside << QString();
    QTest::newRow("read through a/../../x in a target") << read << QStringLiteral("sub/detour/secret.txt")
                                                        << outside << QString();
    QTest::newRow("mkdir -p through a climbing link") << mkdir << QStringLiteral("sub/updot/outside/new")
                                                      << outside << QString();
}

void TestRootFs::symlinkPaths()
{
    QFETCH(QString, operation);
    QFETCH(QString, path);
    QFETCH(ErrorCode, code);
    QFETCH(QString, reached);

    addLinkFixture();
    if (usesLongChains(path))
        addLongChains();
    const QByteArray reachedPath = QFile::encodeName(reached.isEmpty() ? m_root : inRoot(reached));
    struct stat want;
    std::optional<ferry::Error> error;
    if (operation == QStringLiteral("stat")) {
        const ferry::Expected<EntryInfo> info = m_fs->stat(path);
        error = errorOf(info);
        if (info) {
            QCOMPARE(::lstat(reachedPath.constData(), &want), 0);
            QCOMPARE(info->size, qint64(want.st_size));
            QCOMPARE(info->type, ferry::agent::rootfs_detail::typeOf(want.st_mode));
        }
    } else if (operation == QStringLiteral("list")) {
        const ferry::Expected<QList<EntryInfo>> entries = m_fs->list(path);
        error = errorOf(entries);
        if (entries) {
            const QStringList names = QDir(QFile::decodeName(reachedPath))
                                          .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System);
            QCOMPARE(entries->size(), names.size());
        }
    } else if (operation == QStringLiteral("openRead")) {
        const ferry::Expected<UniqueFd> fd = m_fs->openRead(path);
        error = errorOf(fd);
        if (fd) {
            struct stat got;
            QCOMPARE(::fstat(fd->get(), &got), 0);
            QCOMPARE(::lstat(reachedPath.constData(), &want), 0);
            QCOMPARE(got.st_ino, want.st_ino);
        }
    } else if (operation == QStringLiteral("mkdir -p")) {
        error = errorOf(m_fs->mkdir(path, 0755, true));
        if (!error)
            QVERIFY(QFileInfo(QFile::decodeName(reachedPath)).isDir());
    } else {
        QFAIL("unknown operation");
    }
    if (code == ErrorCode::None) {
        QVERIFY2(!error, qPrintable(error ? error->message : QString()));
        return;
    }
    QVERIFY2(error, "succeeded");
    QCOMPARE(error->code, code);
    QVERIFY2(error->message.startsWith(path + u':'), qPrintable(error->message));
}

void TestRootFs::swappedDirectoryIsNotFollowedOut()
{
    // "flip" is a directory inside, "flop" a symlink out; a thread exchanges
    // them (atomically, RENAME_EXCHANGE) as fast as it can while paths
    // through "flip" are used. Whatever the timing, what is reached is the
    // directory inside, or nothing.
    const QFile::Permissions rw = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    QVERIFY(QDir().mkpath(inRoot(QStringLiteral("flip/deep"))));
    writeFile(inRoot(QStringLiteral("flip/secret.txt")), "inside!!", rw);
    makeSymlink(QStringLiteral("../outside"), inRoot(QStringLiteral("flop")));
    const QByteArray flip = QFile::encodeName(inRoot(QStringLiteral("flip")));
    const QByteArray flop = QFile::encodeName(inRoot(QStringLiteral("flop")));

    std::atomic<bool> stop{false};
    std::atomic<int> swaps{0};
    struct Joiner {
        std::atomic<bool> &stop;
        std::thread thread;
        ~Joiner()
        {
            stop = true;
            thread.join();
        }
    } swapper{stop, std::thread([&] {
                  while (!stop) {
                      if (::renameat2(AT_FDCWD, flip.constData(), AT_FDCWD, flop.constData(), RENAME_EXCHANGE) == 0)
                          ++swaps;
                  }
              })};

    QString wrong;
    const auto allowedError = [](const ferry::Error &error) {
        return error.code == ErrorCode::OutsideRoot || error.code == ErrorCode::NotFound
            || error.code == ErrorCode::Busy;
    };
    int reachedInside = 0;
    for (int i = 0; i < 2000 && wrong.isEmpty(); ++i) {
        if (const ferry::Expected<EntryInfo> info = m_fs->stat(QStringLiteral("flip/secret.txt"))) {
            if (info->size != 8)
                wrong = QStringLiteral("stat reached a file of %1 bytes").arg(info->size);
            ++reachedInside;
        } else if (!allowedError(info.error())) {
            wrong = info.error().message;
        }
        if (const ferry::Expected<UniqueFd> fd = m_fs->openRead(QStringLiteral("flip/secret.txt"))) {
            char buffer[16] = {};
            if (::read(fd->get(), buffer, sizeof buffer) != 8)
                wrong = QStringLiteral("read something else than the inside file");
        } else if (!allowedError(fd.error())) {
            wrong = fd.error().message;
        }
        if (const auto error = errorOf(m_fs->chmod(QStringLiteral("flip/secret.txt"), 0640));
            error && !allowedError(*error)) {
            wrong = error->message;
        }
        if (const auto error = errorOf(m_fs->mkdir(QStringLiteral("flip/made"), 0755, true));
            error && !allowedError(*error)) {
            wrong = error->message;
        }
    }
    stop = true;
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    QVERIFY(reachedInside > 0);
    // cleanup() finds out whether anything outside was made or changed.
}

QTEST_GUILESS_MAIN(TestRootFs)
#include "tst_rootfs.moc"
