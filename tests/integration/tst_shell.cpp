// SPDX-License-Identifier: GPL-3.0-or-later
// Shell sessions: ferry-cli --shell-command runs a local command whose
// stdin/stdout are a POSIX shell on the remote side, brings the portable
// agent along, and then the whole engine runs through it. The remote side
// here is a plain sh, and a scratch OpenSSH server on 127.0.0.1.
#include "support/agentprocess.h"
#include "support/sshserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/ioctl.h>
#include <sys/sysmacros.h>
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>
#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kBundleName = u"ferry-agent-" FERRY_VERSION "-linux-x86_64"_s;

QString bundlePath()
{
    return QStringLiteral(FERRY_BIN_DIR "/../dist/") + kBundleName;
}

QString quoted(const QString &text)
{
    QString s = text;
    s.replace(u'\'', u"'\\''"_s);
    return u'\'' + s + u'\'';
}

struct Meta {
    quint32 mode = 0;
    qint64 mtimeNs = 0;
    ino_t inode = 0;
};

Meta meta(const QString &path)
{
    struct stat st {};
    ::lstat(QFile::encodeName(path).constData(), &st);
    return Meta{quint32(st.st_mode & 07777), qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec, st.st_ino};
}

void setMeta(const QString &path, quint32 mode, qint64 mtimeSec)
{
    ::chmod(QFile::encodeName(path).constData(), mode);
    struct timespec times[2] = {{mtimeSec, 0}, {mtimeSec, 250000000}};
    ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0);
}

/// Relative path -> checksum (or link target) of every entry below @p dir.
QMap<QString, QByteArray> treeOf(const QString &dir)
{
    QMap<QString, QByteArray> tree;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const QString relative = QDir(dir).relativeFilePath(path);
        if (info.isSymLink())
            tree.insert(relative, "link:" + info.readSymLink().toUtf8());
        else if (info.isDir())
            tree.insert(relative, "dir");
        else
            tree.insert(relative, fileChecksum(path) + ' ' + QByteArray::number(meta(path).mode, 8));
    }
    return tree;
}

/// The pids of @p pid's children.
QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(tasks.filePath(task) + u"/children"_s);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &word : file.readAll().split(' '))
            if (!word.trimmed().isEmpty())
                children.append(word.trimmed().toLongLong());
    }
    return children;
}

/// The ferry-agent process below @p pid (through sh, env, ssh and sshd it
/// is not a direct child), or 0.
qint64 findAgent(qint64 pid, int depth = 0)
{
    if (depth > 6)
        return 0;
    for (const qint64 child : childrenOf(pid)) {
        QFile comm(QStringLiteral("/proc/%1/cmdline").arg(child));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().contains("--stdio"))
            return child;
        if (const qint64 found = findAgent(child, depth + 1))
            return found;
    }
    return 0;
}

/// ferry-agent processes serving --stdio anywhere (a remote reached through
/// sshd is not below ferry-cli).
QList<qint64> stdioAgents()
{
    QList<qint64> pids;
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly)) {
            const QByteArray text = cmdline.readAll();
            if (text.contains("--stdio") && text.contains("ferry-agent"))
                pids.append(pid);
        }
    }
    return pids;
}

/// The two ways in that every capability is tried through: a local sh,
/// and ssh to the scratch sshd.
void addViaRows()
{
    QTest::addColumn<QString>("via");
    QTest::newRow("sh") << u"sh"_s;
    QTest::newRow("ssh") << u"ssh"_s;
}

} // namespace

class TestShell final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void coldThenWarmBootstrap_data();
    void coldThenWarmBootstrap();
    void roundTrip_data();
    void roundTrip();
    void tree_data();
    void tree();
    void exec_data();
    void exec();
    void resumeAfterShellKilled();
    void unansweredHeartbeatEndsSession();
    void agentDropsASilentClient();
    void failuresNameThemselves_data();
    void failuresNameThemselves();
    void stdioOnATerminal();
    void busyboxRemote_data();
    void busyboxRemote();

private:
    /// The --shell-command for @p via ("sh" or "ssh"), whose remote side
    /// caches the agent under m_cache.
    QString shellCommand(const QString &via) const;
    CliResult cli(const QString &via, const QStringList &args, const QByteArray &input = {}, int timeoutMs = 180000) const;
    QStringList globals(const QString &via) const;

    QTemporaryDir m_dir;
    SshServer m_ssh;
    bool m_haveSsh = false;
    QString m_sshError;
    QString m_root;
    QString m_local;
    QString m_cache;
};

void TestShell::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(bundlePath()).isFile(), qPrintable(u"the portable agent is missing: "_s + bundlePath()));
    m_root = m_dir.filePath(u"root"_s);
    m_local = m_dir.filePath(u"local"_s);
    m_cache = m_dir.filePath(u"cache"_s);
    QVERIFY(QDir().mkpath(m_root) && QDir().mkpath(m_local));
    m_haveSsh = m_ssh.start(m_dir.filePath(u"ssh"_s));
    m_sshError = m_ssh.errorString();
    QVERIFY2(m_haveSsh, qPrintable(m_sshError));
}

void TestShell::init()
{
    // Every stdio agent of the last test is gone with its shell: its stdin
    // closed (through sshd too), and it exited.
    QDeadlineTimer deadline(15000);
    while (!stdioAgents().isEmpty() && !deadline.hasExpired())
        QThread::msleep(50);
    QVERIFY2(stdioAgents().isEmpty(), "a stdio agent outlived its client");
}

QString TestShell::shellCommand(const QString &via) const
{
    if (via == "ssh"_L1)
        return m_ssh.command(m_cache);
    if (via == "bash"_L1)
        return u"env XDG_CACHE_HOME="_s + quoted(m_cache) + u" bash --norc --noprofile"_s;
    if (via == "utf8"_L1) // not 8-bit clean, as web terminals are
        return QStringLiteral("python3 " FERRY_SOURCE_DIR "/tests/integration/utf8channel.py env XDG_CACHE_HOME=") + quoted(m_cache) + u" sh"_s;
    return u"env XDG_CACHE_HOME="_s + quoted(m_cache) + u" sh"_s;
}

QStringList TestShell::globals(const QString &via) const
{
    return {u"--shell-command"_s, shellCommand(via), u"--remote-root"_s, m_root, u"--quiet"_s};
}

CliResult TestShell::cli(const QString &via, const QStringList &args, const QByteArray &input, int timeoutMs) const
{
    return runCli(QProcessEnvironment::systemEnvironment(), globals(via) + args, input, timeoutMs);
}

void TestShell::coldThenWarmBootstrap_data()
{
    addViaRows();
    // bash reads its input a byte at a time: the agent goes up by head -c.
    QTest::newRow("bash") << u"bash"_s;
}

void TestShell::coldThenWarmBootstrap()
{
    QFETCH(QString, via);
    QDir(m_cache).removeRecursively();
    QFile::remove(m_root + u"/hello.txt"_s);
    QFile hello(m_root + u"/hello.txt"_s);
    QVERIFY(hello.open(QIODevice::WriteOnly));
    hello.write("hello\n");
    hello.close();

    // Cold: nothing cached; the agent is uploaded, checked and started.
    const CliResult cold = cli(via, {u"ls"_s, u":"_s});
    QVERIFY2(cold.exitCode == 0, cold.err.constData());
    QVERIFY2(cold.out.contains("hello.txt"), cold.out.constData());
    const QString cached = m_cache + u"/ferry/"_s + kBundleName;
    QVERIFY2(QFileInfo(cached).isFile(), "the agent was not cached where the shell's XDG_CACHE_HOME says");
    QCOMPARE(fileChecksum(cached), fileChecksum(bundlePath()));
    QCOMPARE(meta(cached).mode & 0777, 0700u);
    const Meta first = meta(cached);
    // No part file left behind.
    QCOMPARE(QDir(m_cache + u"/ferry"_s).entryList({u"*.part"_s}, QDir::Files | QDir::Hidden).size(), 0);

    // Warm: the cached agent is used as it is.
    const CliResult warm = cli(via, {u"ls"_s, u":"_s});
    QVERIFY2(warm.exitCode == 0, warm.err.constData());
    QVERIFY(warm.out.contains("hello.txt"));
    const Meta second = meta(cached);
    QCOMPARE(second.inode, first.inode);
    QCOMPARE(second.mtimeNs, first.mtimeNs);

    // A damaged cached agent is replaced, not run. (Damaged beside it and
    // renamed over it: the last agent may still be running from it.)
    {
        const QString damagedPath = cached + u".damaged"_s;
        QVERIFY(QFile::copy(cached, damagedPath));
        QFile damaged(damagedPath);
        QVERIFY(damaged.open(QIODevice::ReadWrite));
        damaged.seek(damaged.size() / 2);
        damaged.write("damage");
        damaged.close();
        QVERIFY(::rename(QFile::encodeName(damagedPath).constData(), QFile::encodeName(cached).constData()) == 0);
    }
    const CliResult repaired = cli(via, {u"ls"_s, u":"_s});
    QVERIFY2(repaired.exitCode == 0, repaired.err.constData());
    QCOMPARE(fileChecksum(cached), fileChecksum(bundlePath()));
}

void TestShell::roundTrip_data()
{
    QTest::addColumn<QString>("via");
    QTest::addColumn<QString>("framing");
    QTest::newRow("sh") << u"sh"_s << u"binary"_s;
    QTest::newRow("ssh") << u"ssh"_s << u"binary"_s;
    QTest::newRow("a channel that is not 8-bit clean") << u"utf8"_s << u"text"_s;
}

void TestShell::roundTrip()
{
    QFETCH(QString, via);
    QFETCH(QString, framing);
    constexpr qint64 size = qint64(64) * 1024 * 1024;
    const QString source = m_local + u"/big-"_s + via + u".bin"_s;
    const QString back = m_local + u"/big-"_s + via + u".back"_s;
    QVERIFY(writeRandomFile(source, size, 11));
    setMeta(source, 0640, 1600000000);
    const QString stats = m_local + u"/stats-"_s + via + u".json"_s;

    const CliResult up = cli(via, {u"--stats"_s, stats, u"cp"_s, source, u":"_s});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const QString remote = m_root + u'/' + QFileInfo(source).fileName();
    QCOMPARE(fileChecksum(remote), fileChecksum(source));
    QCOMPARE(meta(remote).mode, 0640u);
    QCOMPARE(meta(remote).mtimeNs, meta(source).mtimeNs);
    const QJsonObject json = readStats(stats);
    QCOMPARE(json.value(u"bytes"_s).toInteger(), size);
    // The framing was found by probing the channel, in each direction.
    const QJsonObject transport = json.value(u"transport"_s).toObject();
    QCOMPARE(transport.value(u"kind"_s).toString(), u"shell"_s);
    QCOMPARE(transport.value(u"framing_in"_s).toString(), framing);
    QCOMPARE(transport.value(u"framing_out"_s).toString(), framing);

    const CliResult down = cli(via, {u"cp"_s, u':' + QFileInfo(source).fileName(), back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(fileChecksum(back), fileChecksum(source));
    QCOMPARE(meta(back).mode, 0640u);
    QCOMPARE(meta(back).mtimeNs, meta(source).mtimeNs);
    QFile::remove(source);
    QFile::remove(back);
    QFile::remove(remote);
}

void TestShell::tree_data()
{
    addViaRows();
}

void TestShell::tree()
{
    QFETCH(QString, via);
    const QString source = m_local + u"/tree-"_s + via;
    for (int i = 0; i < 1000; ++i) {
        const QString dir = source + QStringLiteral("/d%1").arg(i % 10);
        QDir().mkpath(dir);
        QFile file(dir + QStringLiteral("/f%1.txt").arg(i));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::number(i).repeated(i % 50 + 1));
        file.close();
        if (i % 7 == 0)
            ::chmod(QFile::encodeName(file.fileName()).constData(), 0600);
    }
    QVERIFY(QFile::link(u"d1/f1.txt"_s, source + u"/link"_s));

    const CliResult up = cli(via, {u"cp"_s, u"-r"_s, source, u":"_s});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const QString remote = m_root + u"/tree-"_s + via;
    QCOMPARE(treeOf(remote), treeOf(source));

    const QString back = m_local + u"/back-"_s + via;
    const CliResult down = cli(via, {u"cp"_s, u"-r"_s, u":tree-"_s + via, back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(treeOf(back), treeOf(source));
    QCOMPARE(treeOf(back).size(), 1011);
    QDir(source).removeRecursively();
    QDir(remote).removeRecursively();
    QDir(back).removeRecursively();
}

void TestShell::exec_data()
{
    addViaRows();
}

void TestShell::exec()
{
    QFETCH(QString, via);
    QByteArray input;
    for (int i = 0; i < 100000; ++i)
        input += "line " + QByteArray::number(i) + '\n';
    const CliResult result = cli(via, {u"exec"_s, u"--"_s, u"sh"_s, u"-c"_s, u"cat; echo done >&2; exit 7"_s}, input);
    QCOMPARE(result.exitCode, 7);
    QCOMPARE(result.out, input);
    QVERIFY2(result.err.contains("done"), result.err.constData());
    // The command runs in the served folder.
    const CliResult pwd = cli(via, {u"exec"_s, u"--"_s, u"pwd"_s});
    QCOMPARE(pwd.exitCode, 0);
    QCOMPARE(QFileInfo(QString::fromUtf8(pwd.out.trimmed())).canonicalFilePath(), QFileInfo(m_root).canonicalFilePath());
}

void TestShell::resumeAfterShellKilled()
{
    // The agent dies with its shell; the next connection runs the command
    // again, finds the agent cached, and resumes from the verified part file.
    constexpr qint64 size = qint64(256) * 1024 * 1024;
    const QString source = m_local + u"/resume.bin"_s;
    QVERIFY(writeRandomFile(source, size, 5));
    const QString part = m_root + u"/.resume.bin.ferry-part"_s;
    const QString stats = m_local + u"/stats-resume.json"_s;
    QProcess cli;
    cli.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    cli.start(QStringLiteral(FERRY_BIN_DIR "/ferry-cli"),
              globals(u"sh"_s) + QStringList{u"--stats"_s, stats, u"--limit-rate"_s, u"64M"_s, u"cp"_s, source, u":"_s});
    QVERIFY(cli.waitForStarted());
    QDeadlineTimer deadline(60000);
    while (QFileInfo(part).size() < 32 * 1024 * 1024 && !deadline.hasExpired())
        QThread::msleep(20);
    QVERIFY2(QFileInfo(part).size() >= 32 * 1024 * 1024, "the upload never got going");
    const qint64 agent = findAgent(cli.processId());
    QVERIFY2(agent > 0, "no agent below ferry-cli");
    QCOMPARE(::kill(pid_t(agent), SIGKILL), 0);

    QVERIFY(cli.waitForFinished(180000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QCOMPARE(fileChecksum(m_root + u"/resume.bin"_s), fileChecksum(source));
    const QJsonObject json = readStats(stats);
    QVERIFY2(json.value(u"resumed_bytes"_s).toInteger() > 0, QJsonDocument(json).toJson().constData());
    QVERIFY(json.value(u"reconnects"_s).toInteger() >= 1);
    QFile::remove(source);
    QFile::remove(m_root + u"/resume.bin"_s);
}

void TestShell::unansweredHeartbeatEndsSession()
{
    // A frozen agent answers nothing: the session must end within
    // dead-after, not when the pipe or TCP gives up.
    QProcess cli;
    cli.start(QStringLiteral(FERRY_BIN_DIR "/ferry-cli"),
              globals(u"sh"_s) + QStringList{u"--heartbeat"_s, u"300"_s, u"--dead-after"_s, u"2000"_s, u"--reconnect-for"_s, u"0"_s, u"exec"_s, u"--"_s, u"sleep"_s, u"60"_s});
    QVERIFY(cli.waitForStarted());
    QDeadlineTimer deadline(60000);
    qint64 agent = 0;
    while (!deadline.hasExpired() && (agent = findAgent(cli.processId())) == 0)
        QThread::msleep(50);
    QVERIFY(agent > 0);
    QThread::msleep(1500); // the command is running
    QElapsedTimer frozen;
    frozen.start();
    QCOMPARE(::kill(pid_t(agent), SIGSTOP), 0);
    QVERIFY(cli.waitForFinished(30000));
    const qint64 took = frozen.elapsed();
    ::kill(pid_t(agent), SIGCONT);
    ::kill(pid_t(agent), SIGKILL);
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(cli.readAllStandardError().contains("did not answer"), "the session did not end by the heartbeat");
    QVERIFY2(took < 15000, qPrintable(QStringLiteral("ended %1 ms after the freeze").arg(took)));
}

void TestShell::agentDropsASilentClient()
{
    // The client freezes with the pipe still open: the agent hears nothing
    // and exits after its dead-after, instead of waiting for ever.
    QProcess cli;
    cli.start(QStringLiteral(FERRY_BIN_DIR "/ferry-cli"),
              globals(u"ssh"_s) + QStringList{u"--heartbeat"_s, u"300"_s, u"--dead-after"_s, u"2000"_s, u"exec"_s, u"--"_s, u"sleep"_s, u"60"_s});
    QVERIFY(cli.waitForStarted());
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired() && stdioAgents().isEmpty())
        QThread::msleep(50);
    const QList<qint64> agents = stdioAgents();
    QCOMPARE(agents.size(), 1);
    QThread::msleep(1000);
    QCOMPARE(::kill(pid_t(cli.processId()), SIGSTOP), 0);
    QElapsedTimer frozen;
    frozen.start();
    while (frozen.elapsed() < 20000 && QFileInfo::exists(QStringLiteral("/proc/%1/cmdline").arg(agents.first())))
        QThread::msleep(50);
    const qint64 took = frozen.elapsed();
    ::kill(pid_t(cli.processId()), SIGCONT);
    cli.kill();
    cli.waitForFinished();
    QVERIFY2(took < 15000, qPrintable(QStringLiteral("the agent was still there %1 ms after its client froze").arg(took)));
}

void TestShell::failuresNameThemselves_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("expected");
    const QString fake = m_dir.filePath(u"fakebin"_s);
    QDir().mkpath(fake);
    QFile uname(fake + u"/uname"_s);
    uname.open(QIODevice::WriteOnly);
    uname.write("#!/bin/sh\ncase \"$1\" in -m) echo aarch64;; *) echo Linux;; esac\n");
    uname.close();
    ::chmod(QFile::encodeName(uname.fileName()).constData(), 0755);
    const QString broken = m_dir.filePath(u"broken-agent"_s);
    QFile agent(broken);
    agent.open(QIODevice::WriteOnly);
    agent.write("#!/bin/sh\necho 'ferry-agent: cannot unpack: No space left on device' >&2\nexit 1\n");
    agent.close();
    const QString cache = m_dir.filePath(u"cache-failures"_s);

    QTest::newRow("no shell at all") << u"true"_s << QStringList{} << u"before a POSIX shell answered"_s;
    QTest::newRow("not a shell") << u"echo 'menu: 1) status 2) logout'; exit 3"_s << QStringList{} << u"menu: 1) status 2) logout"_s;
    QTest::newRow("wrong architecture") << u"env PATH="_s + fake + u":$PATH XDG_CACHE_HOME="_s + cache + u" sh"_s << QStringList{} << u"wrong architecture: the remote is aarch64"_s;
    QTest::newRow("noexec everywhere")
        << u"unshare -m --propagation unchanged sh -c 'for d in /tmp /var/tmp /dev/shm "_s + cache + u"; do mkdir -p $d; mount -t tmpfs -o noexec tmpfs $d; done; export XDG_CACHE_HOME="_s + cache + u"; exec sh'"_s
        << QStringList{} << u"mounted noexec"_s;
    QTest::newRow("nothing writable")
        << u"unshare -m --propagation unchanged sh -c 'for d in /tmp /var/tmp /dev/shm "_s + cache + u"; do mkdir -p $d; mount -t tmpfs -o ro tmpfs $d; done; export XDG_CACHE_HOME="_s + cache + u"; exec sh'"_s
        << QStringList{} << u"no writable directory"_s;
    QTest::newRow("agent does not start") << u"env XDG_CACHE_HOME="_s + cache + u" sh"_s << QStringList{u"--agent-bundle"_s, broken}
                                          << u"cannot unpack: No space left on device"_s;
}

void TestShell::failuresNameThemselves()
{
    QFETCH(QString, command);
    QFETCH(QStringList, extra);
    QFETCH(QString, expected);
    const CliResult result = runCli(QProcessEnvironment::systemEnvironment(),
                                    QStringList{u"--shell-command"_s, command} + extra + QStringList{u"--quiet"_s, u"ls"_s, u":"_s}, {}, 90000);
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode != 0, result.out.constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(expected), result.err.constData());
}

void TestShell::stdioOnATerminal()
{
    // On a terminal the agent goes raw before it greets (so the greeting's
    // 256 byte values arrive as they are), and puts the terminal back as
    // it was when it exits.
    int master = -1;
    int slave = -1;
    QCOMPARE(::openpty(&master, &slave, nullptr, nullptr, nullptr), 0);
    struct termios before {};
    QCOMPARE(::tcgetattr(slave, &before), 0);
    QVERIFY(before.c_lflag & ICANON);
    QProcess agent;
    agent.setChildProcessModifier([slave] {
        ::setsid();
        ::ioctl(slave, TIOCSCTTY, 0);
        ::dup2(slave, STDIN_FILENO);
        ::dup2(slave, STDOUT_FILENO);
    });
    agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    agent.setStandardInputFile(QProcess::nullDevice());
    agent.setStandardOutputFile(QProcess::nullDevice());
    agent.start(QStringLiteral(FERRY_BIN_DIR "/ferry-agent"), {u"--stdio"_s, u"--root"_s, m_root});
    QVERIFY(agent.waitForStarted());
    QByteArray seen;
    QDeadlineTimer deadline(15000);
    ::fcntl(master, F_SETFL, O_NONBLOCK);
    while (!seen.contains("FERRY-STDIO/1 END") && !deadline.hasExpired()) {
        char buffer[4096];
        const ssize_t n = ::read(master, buffer, sizeof buffer);
        if (n > 0)
            seen.append(buffer, n);
        else
            QThread::msleep(10);
    }
    QVERIFY2(seen.contains("FERRY-STDIO/1 END"), seen.constData());
    QByteArray pattern(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        pattern[i] = char(i);
    QVERIFY2(seen.contains(QByteArray("HELLO\n" + pattern + "\nFERRY-STDIO/1 END")), "the greeting did not cross the terminal intact");
    struct termios during {};
    QCOMPARE(::tcgetattr(slave, &during), 0);
    QVERIFY(!(during.c_lflag & (ICANON | ECHO | ISIG)));
    // Anything but a probe: the agent gives up and exits.
    const QByteArray junk(5000, 'x');
    QCOMPARE(::write(master, junk.constData(), size_t(junk.size())), ssize_t(junk.size()));
    QVERIFY(agent.waitForFinished(15000));
    QCOMPARE(agent.exitCode(), 1);
    struct termios after {};
    QCOMPARE(::tcgetattr(slave, &after), 0);
    QCOMPARE(after.c_lflag, before.c_lflag);
    QCOMPARE(after.c_iflag, before.c_iflag);
    QCOMPARE(after.c_oflag, before.c_oflag);
    ::close(master);
    ::close(slave);
}

void TestShell::busyboxRemote_data()
{
    QTest::addColumn<QStringList>("applets");
    QTest::addColumn<QString>("framing");
    // A root with nothing but a static busybox (and /dev/null, which every
    // root has): no glibc, no Qt, no /proc.
    QTest::newRow("busybox with base64 and sha256sum") << QStringList{u"*"_s} << u"binary"_s;
    QTest::newRow("POSIX tools only: printf and cksum")
        << QStringList{u"sh"_s, u"uname"_s, u"id"_s, u"mkdir"_s, u"chmod"_s, u"rm"_s, u"mv"_s, u"cksum"_s, u"cat"_s} << u"binary"_s;
}

void TestShell::busyboxRemote()
{
    QFETCH(QStringList, applets);
    QFETCH(QString, framing);
    const QString busybox = u"/bin/busybox"_s;
    QVERIFY2(QFileInfo(busybox).isFile(), "busybox-static is not installed");
    const QString chroot = m_dir.filePath(u"busybox-"_s + QString::number(applets.size()));
    QDir(chroot).removeRecursively();
    for (const char *dir : {"bin", "tmp", "srv", "dev"})
        QVERIFY(QDir().mkpath(chroot + u'/' + QLatin1StringView(dir)));
    QCOMPARE(::mknod(QFile::encodeName(chroot + u"/dev/null"_s).constData(), S_IFCHR | 0666, makedev(1, 3)), 0);
    ::chmod(QFile::encodeName(chroot + u"/tmp"_s).constData(), 01777);
    QVERIFY(QFile::copy(busybox, chroot + u"/bin/busybox"_s));
    ::chmod(QFile::encodeName(chroot + u"/bin/busybox"_s).constData(), 0755);
    QStringList names = applets;
    if (applets == QStringList{u"*"_s}) {
        QProcess list;
        list.start(busybox, {u"--list"_s});
        QVERIFY(list.waitForFinished());
        names = QString::fromUtf8(list.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    }
    for (const QString &name : std::as_const(names))
        if (name != "busybox"_L1)
            QVERIFY(QFile::link(u"busybox"_s, chroot + u"/bin/"_s + name));
    QVERIFY(QFileInfo(chroot + u"/bin/base64"_s).exists() == (applets == QStringList{u"*"_s}));

    const QString command = u"env -i PATH=/bin HOME=/home/user /usr/sbin/chroot "_s + quoted(chroot) + u" /bin/sh"_s;
    const QString source = m_local + u"/busybox.bin"_s;
    QVERIFY(writeRandomFile(source, 3 * 1024 * 1024 + 17, 21));
    const QString stats = m_local + u"/stats-busybox.json"_s;
    const QStringList globals{u"--shell-command"_s, command, u"--remote-root"_s, u"/srv"_s, u"--quiet"_s};
    const CliResult up = runCli(QProcessEnvironment::systemEnvironment(), globals + QStringList{u"--stats"_s, stats, u"cp"_s, source, u":"_s});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QCOMPARE(fileChecksum(chroot + u"/srv/busybox.bin"_s), fileChecksum(source));
    const QJsonObject transport = readStats(stats).value(u"transport"_s).toObject();
    QCOMPARE(transport.value(u"framing_in"_s).toString(), framing);
    QVERIFY(transport.value(u"agent_uploaded_bytes"_s).toInteger() > 0);
    // The agent was cached under the remote's home.
    QVERIFY(QFileInfo(chroot + u"/home/user/.cache/ferry/"_s + kBundleName).isFile());
    const QString back = m_local + u"/busybox.back"_s;
    const CliResult down = runCli(QProcessEnvironment::systemEnvironment(), globals + QStringList{u"--stats"_s, stats, u"cp"_s, u":busybox.bin"_s, back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(fileChecksum(back), fileChecksum(source));
    QCOMPARE(readStats(stats).value(u"transport"_s).toObject().value(u"agent_uploaded_bytes"_s).toInteger(), 0);
    QFile::remove(source);
    QFile::remove(back);
}

QTEST_GUILESS_MAIN(TestShell)
#include "tst_shell.moc"
