// SPDX-License-Identifier: GPL-3.0-or-later
// The portable agent (build/dist/ferry-agent-VERSION-linux-x86_64) away from
// the build environment: in the host's own userland (an older glibc and no
// Qt), in a chroot that holds nothing but a static busybox (no /proc, no
// /dev), unpacked once and shared by concurrent starts, and serving wss://
// with the TLS plugin it carries.  ferry-cli from the build talks to it.
#include "support/agentprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QString bundlePath = QStringLiteral(FERRY_PORTABLE_AGENT);
const QString versionLine = u"ferry-agent " FERRY_VERSION ""_s;
// scripts/in-root shows the host's root file system here, read-only.
const QString hostRoot = u"/run/ferry-host"_s;

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(120000))
        process.kill();
    process.waitForFinished();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QString quoted(const QString &text)
{
    return u"'"_s + QString(text).replace(u"'"_s, u"'\\''"_s) + u"'"_s;
}

// Another root for the agent, entered through unshare and chroot: the
// mounts live in a namespace of their own and vanish with the process, and
// unshare, sh, env and chroot exec one another, so the process we start is
// the agent in the end (signals and AgentProcess::kill() reach it).
struct Jail {
    QString root;
    QStringList writable;       // mounted read-write at the same path inside
    QStringList readOnly;       // paths inside the root made read-only
    bool systemMounts = false;  // /proc and /dev, as on a running system
    QStringList environment;    // the whole environment inside

    // Arguments for unshare that run @p program (a path inside the root).
    QStringList arguments(const QString &program) const
    {
        // Our mounts must not reach the namespace we came from.  Inside the
        // build root, "/" is no mount point and cannot be changed, but there
        // scripts/in-root's namespace is private already.
        QString script = u"set -e\nmount --make-rprivate / 2>/dev/null || true\n"_s;
        for (const QString &path : writable)
            script += u"mkdir -p %1\nmount --bind %2 %1\n"_s.arg(quoted(root + path), quoted(path));
        for (const QString &path : readOnly)
            script += u"mount --bind %1 %1\nmount -o remount,bind,ro %1\n"_s.arg(quoted(root + path));
        if (systemMounts)
            script += u"mount --rbind /proc %1/proc\nmount --rbind /dev %1/dev\n"_s.arg(quoted(root));
        QStringList env;
        for (const QString &entry : environment)
            env += quoted(entry);
        script += u"exec env -i %1 \"$(command -v chroot)\" %2 \"$@\"\n"_s.arg(env.join(u' '), quoted(root));
        return {u"--mount"_s, u"--propagation"_s, u"unchanged"_s, u"sh"_s, u"-c"_s, script, u"sh"_s, program};
    }

    Run run(const QString &program, const QStringList &args) const
    {
        return ::run(u"unshare"_s, arguments(program) + args);
    }
};

// The unpacked directories (or leftovers) in @p dir whose names match @p pattern.
QStringList entries(const QString &dir, const QString &pattern)
{
    return QDir(dir).entryList({pattern}, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

bool copyBundle(const QString &dir)
{
    QDir().mkpath(dir);
    const QString target = dir + u'/' + QFileInfo(bundlePath).fileName();
    return QFile::copy(bundlePath, target) && QFile::setPermissions(target, QFile::permissions(bundlePath));
}

// Upload, list, download, compare: the agent works, not just starts.
void roundTrip(AgentProcess &agent, const QStringList &options = {})
{
    const QString local = agent.scratch() + u"/sample.bin"_s;
    QVERIFY(writeRandomFile(local, 3 * 1024 * 1024 + 17, 7));
    const CliResult up = runCli(agent, options + QStringList{u"cp"_s, local, u":"_s});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const CliResult list = runCli(agent, options + QStringList{u"ls"_s, u":"_s});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    QCOMPARE(list.out, QByteArray("sample.bin\n"));
    const QString back = agent.scratch() + u"/back.bin"_s;
    const CliResult down = runCli(agent, options + QStringList{u"cp"_s, u":sample.bin"_s, back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(fileChecksum(back), fileChecksum(local));
    QCOMPARE(fileChecksum(agent.root() + u"/sample.bin"_s), fileChecksum(local));
}

struct FileId {
    dev_t device = 0;
    ino_t inode = 0;
    timespec modified{};
    bool operator==(const FileId &o) const
    {
        return device == o.device && inode == o.inode && modified.tv_sec == o.modified.tv_sec && modified.tv_nsec == o.modified.tv_nsec;
    }
};

FileId fileId(const QString &path)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return {st.st_dev, st.st_ino, st.st_mtim};
}

} // namespace

class TestPortable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sizeAndChecksum();
    void startsBesideItself();
    void secondStartReuses();
    void concurrentFirstStarts();
    void hostUserland();
    void bareChroot();
    void tlsInBareChroot();

private:
    bool makeJail();
    bool makeCertificate(const QString &dir);
    QString fingerprint(AgentProcess &agent);

    QTemporaryDir m_scratch;
    QString m_jail;
    QString m_bundleName;
};

void TestPortable::initTestCase()
{
    QVERIFY2(QFileInfo(bundlePath).isExecutable(), qPrintable(bundlePath + u" is missing"_s));
    QVERIFY(m_scratch.isValid());
    m_bundleName = QFileInfo(bundlePath).fileName();
    qputenv("FERRY_KNOWN_AGENTS", m_scratch.filePath(u"known_agents"_s).toUtf8());
}

void TestPortable::sizeAndChecksum()
{
    const qint64 size = QFileInfo(bundlePath).size();
    qInfo("%s: %.1f MiB", qPrintable(m_bundleName), double(size) / (1 << 20));
    QVERIFY2(size <= 25 * 1024 * 1024, qPrintable(u"%1 bytes"_s.arg(size)));

    QFile sidecar(bundlePath + u".sha256"_s);
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    QCOMPARE(sidecar.readAll(), fileChecksum(bundlePath) + "  " + m_bundleName.toUtf8() + '\n');

    // --bundle-info is answered by the launcher, without unpacking.
    const QString dir = m_scratch.filePath(u"info"_s);
    QVERIFY(copyBundle(dir));
    const Run info = run(dir + u'/' + m_bundleName, {u"--bundle-info"_s});
    QCOMPARE(info.exitCode, 0);
    QVERIFY2(info.out.startsWith("version: " FERRY_VERSION "\n"), info.out.constData());
    QVERIFY2(QRegularExpression(u"^payload-sha256: [0-9a-f]{64}$"_s, QRegularExpression::MultilineOption).match(QString::fromUtf8(info.out)).hasMatch(),
             info.out.constData());
    QVERIFY(!info.out.contains("unpacked-in:"));
    QCOMPARE(entries(dir, u".ferry-agent-*"_s), QStringList());
}

void TestPortable::startsBesideItself()
{
    QTemporaryDir dir;
    QVERIFY(copyBundle(dir.path()));
    const QString exe = dir.filePath(m_bundleName);

    const Run version = run(exe, {u"--version"_s});
    QVERIFY2(version.exitCode == 0, version.err.constData());
    QVERIFY2(version.out.contains(versionLine.toUtf8()), version.out.constData());
    // A writable directory of its own: unpacked beside it, under one name.
    const QStringList unpacked = entries(dir.path(), u".ferry-agent-*"_s);
    QCOMPARE(unpacked.size(), 1);
    QVERIFY2(unpacked.first().startsWith(u".ferry-agent-" FERRY_VERSION "-"_s), qPrintable(unpacked.first()));

    // The agent sees the name it was started by, and keeps its exit codes
    // and its streams.
    const Run help = run(exe, {u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(u"Usage: %1"_s.arg(exe).toUtf8()), help.out.constData());
    const Run usage = run(exe, {u"--listen"_s, u"127.0.0.1:0"_s});
    QCOMPARE(usage.exitCode, 2);
    QVERIFY2(usage.err.contains("--root DIR is required"), usage.err.constData());
    QVERIFY(usage.out.isEmpty());

    // The process we started is the bundled loader running the agent (named
    // after it): exec, not fork, so signals sent to it reach the agent.
    AgentProcess agent;
    agent.setCommand(exe);
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    const QString procExe = u"/proc/%1/exe"_s.arg(agent.pid());
    QCOMPARE(QFile::symLinkTarget(procExe), dir.filePath(unpacked.first() + u"/ferry-agent"_s));
    QFile comm(u"/proc/%1/comm"_s.arg(agent.pid()));
    QVERIFY(comm.open(QIODevice::ReadOnly));
    QCOMPARE(comm.readAll(), QByteArray("ferry-agent\n"));
    QTRY_VERIFY(agent.output().contains(u"ferry-agent listening on ws://127.0.0.1:"_s));
    roundTrip(agent);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(::kill(pid_t(agent.pid()), SIGTERM), 0);
    // Gone, or a zombie whose executable the kernel no longer names.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::symLinkTarget(procExe).isEmpty(), 10000);
}

void TestPortable::secondStartReuses()
{
    QTemporaryDir dir;
    QVERIFY(copyBundle(dir.path()));
    const QString exe = dir.filePath(m_bundleName);
    QCOMPARE(run(exe, {u"--version"_s}).exitCode, 0);
    const QStringList unpacked = entries(dir.path(), u".ferry-agent-*"_s);
    QCOMPARE(unpacked.size(), 1);
    const QString unpackedDir = dir.filePath(unpacked.first());
    const QString library = unpackedDir + u"/lib/libQt6Core.so.6"_s;
    const FileId dirBefore = fileId(unpackedDir);
    const FileId libraryBefore = fileId(library);
    QVERIFY(dirBefore.inode != 0 && libraryBefore.inode != 0);
    // Anything unpacked anew would come without this.
    QFile marker(unpackedDir + u"/marker"_s);
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.close();
    const FileId dirMarked = fileId(unpackedDir);

    const Run second = run(exe, {u"--version"_s});
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QVERIFY(second.out.contains(versionLine.toUtf8()));
    QVERIFY(fileId(unpackedDir) == dirMarked);
    QVERIFY(fileId(library) == libraryBefore);
    QVERIFY(marker.exists());
    QCOMPARE(entries(dir.path(), u".ferry-agent-*"_s), unpacked);

    const Run info = run(exe, {u"--bundle-info"_s});
    QVERIFY2(info.out.contains(u"unpacked-in: %1\n"_s.arg(unpackedDir).toUtf8()), info.out.constData());
}

void TestPortable::concurrentFirstStarts()
{
    QTemporaryDir dir;
    QVERIFY(copyBundle(dir.path()));
    const QString exe = dir.filePath(m_bundleName);
    std::vector<std::unique_ptr<QProcess>> starts;
    for (int i = 0; i < 4; ++i) {
        starts.push_back(std::make_unique<QProcess>());
        starts.back()->start(exe, {u"--version"_s});
    }
    for (auto &process : starts) {
        QVERIFY(process->waitForFinished(120000));
        const QByteArray err = process->readAllStandardError();
        QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0, err.constData());
        QVERIFY(process->readAllStandardOutput().contains(versionLine.toUtf8()));
    }
    // One directory in the end, and no half-unpacked leftovers beside it.
    const QStringList unpacked = entries(dir.path(), u".ferry-agent-*"_s);
    QCOMPARE(unpacked.size(), 1);
    QVERIFY2(!unpacked.first().contains(u".new-"_s) && !unpacked.first().contains(u".old-"_s), qPrintable(unpacked.first()));
}

void TestPortable::hostUserland()
{
    if (!QFileInfo::exists(hostRoot + u"/etc/os-release"_s))
        QSKIP("the host's file system is not at /run/ferry-host (scripts/in-root shows it there when it runs the build root)");
    if (::geteuid() != 0)
        QSKIP("chroot needs root");

    // The bundle's directory is read-only there (as all of the host's file
    // system is), so it unpacks into XDG_CACHE_HOME.  /tmp is the same
    // directory in the build root and on the host.
    QTemporaryDir dir;
    QVERIFY(copyBundle(dir.filePath(u"bin"_s)));
    const QString exe = dir.filePath(u"bin/"_s + m_bundleName);
    AgentProcess agent;
    const QString cache = agent.directory() + u"/cache"_s;
    Jail jail{hostRoot, {agent.directory()}, {}, true,
              {u"PATH=/usr/local/bin:/usr/bin:/bin"_s, u"HOME="_s + agent.directory(), u"XDG_CACHE_HOME="_s + cache}};

    const Run release = jail.run(u"/bin/cat"_s, {u"/etc/os-release"_s});
    QVERIFY2(release.exitCode == 0, release.err.constData());
    qInfo("host: %s", qPrintable(QString::fromUtf8(release.out).section(u'\n', 0, 0)));

    const Run version = jail.run(exe, {u"--version"_s});
    QVERIFY2(version.exitCode == 0, version.err.constData());
    QVERIFY2(version.out.contains(versionLine.toUtf8()), version.out.constData());
    const QStringList unpacked = entries(cache + u"/ferry"_s, u"agent-*"_s);
    QCOMPARE(unpacked.size(), 1);
    QVERIFY(entries(dir.filePath(u"bin"_s), u".ferry-agent-*"_s).isEmpty());

    agent.setCommand(u"unshare"_s, jail.arguments(exe));
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    roundTrip(agent);
    if (QTest::currentTestFailed())
        return;

    // Commands run for clients load the host's libraries through the host's
    // loader: nothing of the bundle in their environment or their memory.
    const CliResult probe = runCli(agent, {u"exec"_s, u"--"_s, u"sh"_s, u"-c"_s, u"env; cat /proc/self/maps"_s});
    QVERIFY2(probe.exitCode == 0, probe.err.constData());
    QVERIFY2(probe.out.contains("/libc.so.6"), probe.out.constData());
    QVERIFY2(!probe.out.contains(unpacked.first().toUtf8()), probe.out.constData());
    QVERIFY2(!probe.out.contains("FERRY_AGENT_BUNDLE") && !probe.out.contains("LD_LIBRARY_PATH"), probe.out.constData());
}

bool TestPortable::makeJail()
{
    if (!m_jail.isEmpty())
        return true;
    const QString root = m_scratch.filePath(u"jail"_s);
    QDir dir;
    if (!dir.mkpath(root + u"/bin"_s) || !dir.mkpath(root + u"/tmp"_s) || !copyBundle(root + u"/opt/ferry"_s))
        return false;
    if (!QFile::copy(u"/bin/busybox"_s, root + u"/bin/busybox"_s) || ::chmod(QFile::encodeName(root + u"/tmp"_s).constData(), 01777) != 0)
        return false;
    ::chmod(QFile::encodeName(root + u"/bin/busybox"_s).constData(), 0755);
    for (const char *applet : {"sh", "env", "cat", "ls"}) {
        if (::symlink("busybox", QFile::encodeName(root + u"/bin/"_s + QLatin1StringView(applet)).constData()) != 0)
            return false;
    }
    m_jail = root;
    return true;
}

void TestPortable::bareChroot()
{
    if (::geteuid() != 0)
        QSKIP("chroot needs root");
    QVERIFY(makeJail());
    QVERIFY(!QFileInfo::exists(m_jail + u"/proc"_s) && !QFileInfo::exists(m_jail + u"/dev"_s));
    AgentProcess agent;
    // The bundle's directory read-only and no HOME: the launcher's last
    // choice, a private directory under /tmp.
    const Jail jail{m_jail, {agent.directory()}, {u"/opt/ferry"_s}, false, {u"PATH=/bin:/opt/ferry"_s}};
    const QString exe = u"/opt/ferry/"_s + m_bundleName;

    // No /proc: the launcher finds itself by the path the kernel executed.
    const Run version = jail.run(exe, {u"--version"_s});
    QVERIFY2(version.exitCode == 0, version.err.constData());
    QVERIFY2(version.out.contains(versionLine.toUtf8()), version.out.constData());
    QCOMPARE(entries(m_jail + u"/tmp/ferry-0"_s, u"agent-*"_s).size(), 1);
    QVERIFY(entries(m_jail + u"/opt/ferry"_s, u".ferry-agent-*"_s).isEmpty());

    // Found through PATH by busybox's shell, and named as it was called.
    const Run viaPath = jail.run(u"/bin/sh"_s, {u"-c"_s, u"exec %1 --help"_s.arg(m_bundleName)});
    QVERIFY2(viaPath.exitCode == 0, viaPath.err.constData());
    QVERIFY2(viaPath.out.contains(u"Usage: %1"_s.arg(m_bundleName).toUtf8()), viaPath.out.constData());

    agent.setCommand(u"unshare"_s, jail.arguments(exe));
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    roundTrip(agent);
    if (QTest::currentTestFailed())
        return;
    const CliResult probe = runCli(agent, {u"exec"_s, u"--"_s, u"env"_s});
    QVERIFY2(probe.exitCode == 0, probe.err.constData());
    QVERIFY2(probe.out.contains("PATH=/bin:/opt/ferry"), probe.out.constData());
    QVERIFY2(!probe.out.contains("FERRY_AGENT_BUNDLE"), probe.out.constData());
}

bool TestPortable::makeCertificate(const QString &dir)
{
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s,
                                 u"-keyout"_s, dir + u"/agent.key"_s, u"-out"_s, dir + u"/agent.pem"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                                 u"/CN=ferry-test"_s});
    return openssl.waitForFinished(30000) && openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0;
}

QString TestPortable::fingerprint(AgentProcess &agent)
{
    const QRegularExpression re(u"certificate (SHA256:[0-9A-F:]+)"_s);
    QDeadlineTimer deadline(10000);
    QString found;
    while (found.isEmpty() && !deadline.hasExpired()) {
        found = re.match(agent.output()).captured(1);
        QTest::qWait(20);
    }
    return found;
}

void TestPortable::tlsInBareChroot()
{
    if (::geteuid() != 0)
        QSKIP("chroot needs root");
    QVERIFY(makeJail());
    AgentProcess agent;
    QVERIFY(makeCertificate(agent.directory()));
    const Jail jail{m_jail, {agent.directory()}, {}, false, {u"PATH=/bin"_s}};
    agent.setCommand(u"unshare"_s, jail.arguments(u"/opt/ferry/"_s + m_bundleName));
    // No Qt anywhere in there: wss:// works only if the bundle's own TLS
    // plugin is found.
    QVERIFY2(agent.start({u"--cert"_s, agent.directory() + u"/agent.pem"_s, u"--key"_s, agent.directory() + u"/agent.key"_s}),
             qPrintable(agent.errorString()));
    QVERIFY(agent.url().startsWith(u"wss://"_s));
    const QString trusted = fingerprint(agent);
    QVERIFY2(!trusted.isEmpty(), qPrintable(agent.output()));
    roundTrip(agent, {u"--trust"_s, trusted});
}

QTEST_GUILESS_MAIN(TestPortable)
#include "tst_portable.moc"
