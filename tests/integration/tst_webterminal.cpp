// SPDX-License-Identifier: GPL-3.0-or-later
// Web terminals as the way in: ferry-cli reaches a shell through a real
// WeTTY (socket.io over a WebSocket) and through a real Jupyter Server's
// terminals (terminado's JSON messages), both started here on 127.0.0.1,
// brings the portable agent along through the terminal's pty, and then the
// whole engine runs through it. The seeds' failures are asserted: uploads
// that lose the terminal's keepalive, downloads that pile up inside the
// terminal server.
#include "support/agentprocess.h"
#include "support/webterminalserver.h"

#include <QDir>
#include <QDeadlineTimer>
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

#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

struct Meta {
    quint32 mode = 0;
    qint64 mtimeSec = 0;
};

Meta meta(const QString &path)
{
    struct stat st {};
    ::lstat(QFile::encodeName(path).constData(), &st);
    return Meta{quint32(st.st_mode & 07777), qint64(st.st_mtim.tv_sec)};
}

void setMeta(const QString &path, quint32 mode, qint64 mtimeSec)
{
    ::chmod(QFile::encodeName(path).constData(), mode);
    struct timespec times[2] = {{mtimeSec, 0}, {mtimeSec, 0}};
    ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0);
}

/// Relative path -> checksum and mode of every entry below @p dir.
QMap<QString, QByteArray> treeOf(const QString &dir)
{
    QMap<QString, QByteArray> tree;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(dir).relativeFilePath(path);
        if (it.fileInfo().isDir())
            tree.insert(relative, "dir");
        else
            tree.insert(relative, fileChecksum(path) + ' ' + QByteArray::number(meta(path).mode, 8));
    }
    return tree;
}

bool writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

/// A TCP relay (tests/integration/tcprelay.py) that cuts the connections
/// open once a number of bytes went one way.
class Relay
{
public:
    ~Relay()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(2000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }

    bool start(quint16 target, qint64 cutAfter, const QString &direction)
    {
        m_process.start(u"python3"_s, {QStringLiteral(FERRY_SOURCE_DIR "/tests/integration/tcprelay.py"), u"--target"_s, QString::number(target),
                                      u"--cut-after"_s, QString::number(cutAfter), u"--direction"_s, direction});
        if (!m_process.waitForStarted(5000))
            return false;
        QDeadlineTimer deadline(10000);
        while (!m_process.canReadLine() && !deadline.hasExpired())
            m_process.waitForReadyRead(100);
        const QByteArray line = m_process.readLine().trimmed();
        if (!line.startsWith("PORT "))
            return false;
        m_port = quint16(line.mid(5).toUInt());
        return m_port != 0;
    }

    quint16 port() const { return m_port; }
    bool cut()
    {
        QDeadlineTimer deadline(2000);
        while (!m_output.contains("CUT") && !deadline.hasExpired()) {
            m_process.waitForReadyRead(100);
            m_output += m_process.readAllStandardOutput();
        }
        return m_output.contains("CUT");
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_output;
};

} // namespace

class TestWebTerminal final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void coldThenWarmBootstrap_data();
    void coldThenWarmBootstrap();
    void bigFileBothWays_data();
    void bigFileBothWays();
    void tree_data();
    void tree();
    void exec_data();
    void exec();
    void resumeAfterCut_data();
    void resumeAfterCut();
    void terminalDeletedMidUpload();
    void wrongJupyterToken();
    void uploadKeepsWettyAlive();
    void downloadStaysOutOfTheServer_data();
    void downloadStaysOutOfTheServer();

private:
    void addServerRows();
    QString root(const QString &server) const;
    QString urlOf(const QString &server, quint16 port = 0) const;
    QStringList globals(const QString &server, quint16 port = 0) const;
    CliResult cli(const QString &server, const QStringList &args, const QByteArray &input = {}, int timeoutMs = 300000) const;
    qint64 serverPid(const QString &server) const;
    /// The Jupyter server answers and has no terminals left, within @p timeoutMs.
    bool jupyterTerminalsGone(int timeoutMs) const;

    QTemporaryDir m_dir;
    WettyServer m_wetty;
    JupyterServer m_jupyter;
    QString m_local;
    QString m_tokenFile;
};

void TestWebTerminal::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_local = m_dir.filePath(u"local"_s);
    QVERIFY(QDir().mkpath(m_local));
    QVERIFY(QDir().mkpath(m_dir.filePath(u"wetty"_s)));
    QVERIFY(QDir().mkpath(m_dir.filePath(u"jupyter"_s)));
    QVERIFY2(m_wetty.start(m_dir.filePath(u"wetty"_s)), qPrintable(m_wetty.errorString()));
    const QByteArray token = "c0ffee" + QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 16) + "a1b2c3d4e5f6a7b8c9d0";
    m_tokenFile = m_dir.filePath(u"jupyter-token"_s);
    QVERIFY(writeText(m_tokenFile, token + '\n'));
    QVERIFY2(m_jupyter.start(m_dir.filePath(u"jupyter"_s), QString::fromLatin1(token)), qPrintable(m_jupyter.errorString()));
}

void TestWebTerminal::cleanupTestCase()
{
    // The servers take their terminals, and the agents in them, along.
    m_wetty.stop();
    m_jupyter.stop();
}

void TestWebTerminal::addServerRows()
{
    QTest::addColumn<QString>("server");
    QTest::newRow("wetty") << u"wetty"_s;
    QTest::newRow("jupyter") << u"jupyter"_s;
}

QString TestWebTerminal::root(const QString &server) const
{
    // WeTTY's shell starts in its scratch home, Jupyter's in the server's
    // root folder: the folder served when no --remote-root is given.
    return m_dir.filePath(server);
}

QString TestWebTerminal::urlOf(const QString &server, quint16 port) const
{
    if (server == "wetty"_L1)
        return QStringLiteral("wetty+ws://127.0.0.1:%1/wetty").arg(port ? port : m_wetty.port());
    return QStringLiteral("jupyter+http://127.0.0.1:%1/").arg(port ? port : m_jupyter.port());
}

QStringList TestWebTerminal::globals(const QString &server, quint16 port) const
{
    QStringList args{u"--url"_s, urlOf(server, port), u"--quiet"_s};
    if (server == "jupyter"_L1)
        args += {u"--token-file"_s, m_tokenFile};
    return args;
}

CliResult TestWebTerminal::cli(const QString &server, const QStringList &args, const QByteArray &input, int timeoutMs) const
{
    return runCli(QProcessEnvironment::systemEnvironment(), globals(server) + args, input, timeoutMs);
}

qint64 TestWebTerminal::serverPid(const QString &server) const
{
    return server == "wetty"_L1 ? m_wetty.pid() : m_jupyter.pid();
}

void TestWebTerminal::coldThenWarmBootstrap_data()
{
    addServerRows();
}

void TestWebTerminal::coldThenWarmBootstrap()
{
    QFETCH(QString, server);
    // Both servers' shells have HOME in their scratch folder: the agent is
    // cached in its .cache/ferry.
    QDir(root(server) + u"/.cache/ferry"_s).removeRecursively();
    QVERIFY(writeText(root(server) + u"/hello.txt"_s, "hello\n"));

    const QString coldStats = m_dir.filePath(server + u"-cold.json"_s);
    const CliResult cold = cli(server, {u"--stats"_s, coldStats, u"ls"_s, u":"_s});
    QVERIFY2(cold.exitCode == 0, cold.err.constData());
    QVERIFY2(cold.out.contains("hello.txt"), cold.out.constData());
    const QJsonObject coldTransport = readStats(coldStats).value("transport"_L1).toObject();
    QCOMPARE(coldTransport.value("kind"_L1).toString(), server);
    QVERIFY2(coldTransport.value("agent_uploaded_bytes"_L1).toInteger() > 10 * kMiB, QJsonDocument(coldTransport).toJson().constData());
    // The terminal server decodes the pty's output as UTF-8: only text
    // comes back intact, and the probe finds that out.
    QCOMPARE(coldTransport.value("framing_in"_L1).toString(), u"text"_s);
    QVERIFY(QFileInfo::exists(root(server) + u"/.cache/ferry"_s));

    const QString warmStats = m_dir.filePath(server + u"-warm.json"_s);
    const CliResult warm = cli(server, {u"--stats"_s, warmStats, u"ls"_s, u":"_s});
    QVERIFY2(warm.exitCode == 0, warm.err.constData());
    QVERIFY(warm.out.contains("hello.txt"));
    const QJsonObject warmTransport = readStats(warmStats).value("transport"_L1).toObject();
    QCOMPARE(warmTransport.value("agent_uploaded_bytes"_L1).toInteger(), 0);
    qInfo("%s: cold bootstrap %.2f s, warm %.2f s", qPrintable(server), coldTransport.value("bootstrap_seconds"_L1).toDouble(),
          warmTransport.value("bootstrap_seconds"_L1).toDouble());
}

void TestWebTerminal::bigFileBothWays_data()
{
    addServerRows();
}

void TestWebTerminal::bigFileBothWays()
{
    QFETCH(QString, server);
    const QString source = m_local + u"/big-"_s + server + u".bin"_s;
    QVERIFY(writeRandomFile(source, 64 * kMiB, 7));
    setMeta(source, 0640, 1500000000);
    const QByteArray sum = fileChecksum(source);

    const CliResult up = cli(server, {u"cp"_s, source, u":big.bin"_s});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const QString remote = root(server) + u"/big.bin"_s;
    QCOMPARE(fileChecksum(remote), sum);
    QCOMPARE(meta(remote).mode, 0640u);
    QCOMPARE(meta(remote).mtimeSec, 1500000000);

    setMeta(remote, 0604, 1600000000);
    const QString back = m_local + u"/back-"_s + server + u".bin"_s;
    const CliResult down = cli(server, {u"cp"_s, u":big.bin"_s, back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(fileChecksum(back), sum);
    QCOMPARE(meta(back).mode, 0604u);
    QCOMPARE(meta(back).mtimeSec, 1600000000);
    QFile::remove(source);
    QFile::remove(back);
    QFile::remove(remote);
}

void TestWebTerminal::tree_data()
{
    addServerRows();
}

void TestWebTerminal::tree()
{
    QFETCH(QString, server);
    const QString source = m_local + u"/tree-"_s + server;
    for (int i = 0; i < 1000; ++i) {
        const QString dir = source + QStringLiteral("/d%1").arg(i % 10);
        QDir().mkpath(dir);
        QVERIFY(writeText(dir + QStringLiteral("/f%1.txt").arg(i), QByteArray::number(i).repeated(i % 50 + 1)));
    }
    const CliResult up = cli(server, {u"cp"_s, u"-r"_s, source, u":tree"_s});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QCOMPARE(treeOf(root(server) + u"/tree"_s), treeOf(source));

    const QString back = m_local + u"/tree-back-"_s + server;
    const CliResult down = cli(server, {u"cp"_s, u"-r"_s, u":tree"_s, back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(treeOf(back), treeOf(source));
    QCOMPARE(treeOf(back).size(), 1010);
    QDir(root(server) + u"/tree"_s).removeRecursively();
}

void TestWebTerminal::exec_data()
{
    addServerRows();
}

void TestWebTerminal::exec()
{
    QFETCH(QString, server);
    const QByteArray input = QByteArray("through the terminal\n").repeated(5000);
    const CliResult piped = cli(server, {u"exec"_s, u"--"_s, u"sh"_s, u"-c"_s, u"cat; echo done >&2; pwd >&2"_s}, input);
    QVERIFY2(piped.exitCode == 0, piped.err.constData());
    QCOMPARE(piped.out, input);
    QVERIFY2(piped.err.contains("done"), piped.err.constData());
    QVERIFY2(piped.err.contains(QFile::encodeName(root(server))), piped.err.constData());
    const CliResult status = cli(server, {u"exec"_s, u"--shell"_s, u"exit 3"_s});
    QCOMPARE(status.exitCode, 3);
}

void TestWebTerminal::resumeAfterCut_data()
{
    addServerRows();
}

void TestWebTerminal::resumeAfterCut()
{
    QFETCH(QString, server);
    const QString source = m_local + u"/cut-"_s + server + u".bin"_s;
    QVERIFY(writeRandomFile(source, 64 * kMiB, 11));
    const QByteArray sum = fileChecksum(source);
    // The web terminal's connection breaks a third of the way into the
    // file; the agent is cached first, so little else crosses before it.
    QCOMPARE(cli(server, {u"ls"_s, u":"_s}).exitCode, 0);
    Relay relay;
    QVERIFY(relay.start(server == "wetty"_L1 ? m_wetty.port() : m_jupyter.port(), 28 * kMiB, u"up"_s));
    const QString stats = m_dir.filePath(server + u"-cut.json"_s);
    const CliResult up = runCli(QProcessEnvironment::systemEnvironment(),
                                globals(server, relay.port()) + QStringList{u"--stats"_s, stats, u"cp"_s, source, u":cut.bin"_s}, {}, 300000);
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QVERIFY(relay.cut());
    const QJsonObject s = readStats(stats);
    QVERIFY2(s.value("reconnects"_L1).toInteger() >= 1, QJsonDocument(s).toJson().constData());
    QVERIFY2(s.value("resumed_bytes"_L1).toInteger() > 4 * kMiB, QJsonDocument(s).toJson().constData());
    QCOMPARE(fileChecksum(root(server) + u"/cut.bin"_s), sum);
    // Nothing half-written is left beside it.
    QCOMPARE(QDir(root(server)).entryList({u"*.ferry-part"_s, u".*.ferry-part"_s}, QDir::Files | QDir::Hidden), QStringList());
    QFile::remove(root(server) + u"/cut.bin"_s);
    QFile::remove(source);
    if (server == "jupyter"_L1) {
        // The first terminal was deleted at the reconnection with input
        // still on its way into it; its agent drained that before it went,
        // so the server's one input thread for all terminals did not block
        // on its pty. The second was deleted at the end. Nothing stays
        // behind, and the server still answers.
        QVERIFY(jupyterTerminalsGone(30000));
    }
}

void TestWebTerminal::terminalDeletedMidUpload()
{
    // Someone closes the terminal in JupyterLab (the server's DELETE, which
    // hangs up on the agent) while an upload pours into it. terminado
    // writes every terminal's input from one thread: were the agent to die
    // with input still queued for it, that thread would block for good on
    // a pty no one reads, and the server's terminals with it. The agent
    // drains what comes before it goes; the upload resumes in a new
    // terminal, and the server goes on serving.
    const QString source = m_local + u"/hangup.bin"_s;
    QVERIFY(writeRandomFile(source, 64 * kMiB, 12));
    const QByteArray sum = fileChecksum(source);
    QCOMPARE(cli(u"jupyter"_s, {u"ls"_s, u":"_s}).exitCode, 0);
    QVERIFY(jupyterTerminalsGone(30000));

    const QString stats = m_dir.filePath(u"hangup.json"_s);
    QProcess upload;
    upload.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    upload.start(QStringLiteral(FERRY_BIN_DIR "/ferry-cli"), globals(u"jupyter"_s) + QStringList{u"--stats"_s, stats, u"cp"_s, source, u":hangup.bin"_s});
    QVERIFY(upload.waitForStarted(10000));
    const QString part = root(u"jupyter"_s) + u"/.hangup.bin.ferry-part"_s;
    QDeadlineTimer started(120000);
    while (QFileInfo(part).size() < 8 * kMiB && !started.hasExpired() && upload.state() == QProcess::Running)
        QTest::qWait(20);
    QVERIFY2(QFileInfo(part).size() >= 8 * kMiB, "the upload did not get going");
    const QStringList names = m_jupyter.terminals();
    QCOMPARE(names.size(), 1);
    QVERIFY2(m_jupyter.deleteTerminal(names.first()), "the Jupyter server did not answer the DELETE");

    // The server serves others at once...
    const CliResult ls = runCli(QProcessEnvironment::systemEnvironment(),
                                QStringList{u"--url"_s, urlOf(u"jupyter"_s), u"--token-file"_s, m_tokenFile, u"ls"_s, u":"_s}, {}, 60000);
    QVERIFY2(ls.exitCode == 0, ls.err.constData());
    // ...and the upload goes on in a terminal of its own.
    QVERIFY(upload.waitForFinished(300000));
    QCOMPARE(upload.exitCode(), 0);
    const QJsonObject s = readStats(stats);
    QVERIFY2(s.value("reconnects"_L1).toInteger() >= 1, QJsonDocument(s).toJson().constData());
    QCOMPARE(fileChecksum(root(u"jupyter"_s) + u"/hangup.bin"_s), sum);
    QFile::remove(root(u"jupyter"_s) + u"/hangup.bin"_s);
    QFile::remove(source);
}

bool TestWebTerminal::jupyterTerminalsGone(int timeoutMs) const
{
    // A terminal leaves the server's list once its process has ended.
    QDeadlineTimer deadline(timeoutMs);
    bool ok = false;
    QStringList left = m_jupyter.terminals(&ok);
    while (ok && !left.isEmpty() && !deadline.hasExpired()) {
        QTest::qWait(200);
        left = m_jupyter.terminals(&ok);
    }
    if (!ok)
        qWarning("the Jupyter server stopped answering");
    else if (!left.isEmpty())
        qWarning("Jupyter terminals left: %s", qPrintable(left.join(u", "_s)));
    return ok && left.isEmpty();
}

void TestWebTerminal::wrongJupyterToken()
{
    const QString wrong = m_dir.filePath(u"wrong-token"_s);
    QVERIFY(writeText(wrong, "not-the-token\n"));
    const CliResult result = runCli(QProcessEnvironment::systemEnvironment(),
                                    {u"--url"_s, urlOf(u"jupyter"_s), u"--token-file"_s, wrong, u"ls"_s, u":"_s}, {}, 60000);
    QCOMPARE(result.exitCode, 4);
    QVERIFY2(result.err.contains("refused the token"), result.err.constData());
    // A Jupyter URL without a token file is a usage error, not a try.
    const CliResult none = runCli(QProcessEnvironment::systemEnvironment(), {u"--url"_s, urlOf(u"jupyter"_s), u"ls"_s, u":"_s}, {}, 60000);
    QCOMPARE(none.exitCode, 2);
}

void TestWebTerminal::uploadKeepsWettyAlive()
{
    // The seed: a big upload through WeTTY, whose socket.io pings every 3 s
    // and hangs up after 7 s without an answer, died when the answer waited
    // behind megabytes of file data. On one connection, start to end.
    const QString source = m_local + u"/seed-up.bin"_s;
    QVERIFY(writeRandomFile(source, 256 * kMiB, 13));
    const QByteArray sum = fileChecksum(source);
    const QString stats = m_dir.filePath(u"seed-up.json"_s);
    const CliResult up = cli(u"wetty"_s, {u"--stats"_s, stats, u"cp"_s, source, u":seed-up.bin"_s}, {}, 600000);
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QCOMPARE(readStats(stats).value("reconnects"_L1).toInteger(), 0);
    QCOMPARE(fileChecksum(root(u"wetty"_s) + u"/seed-up.bin"_s), sum);
    QFile::remove(root(u"wetty"_s) + u"/seed-up.bin"_s);
    QFile::remove(source);
}

void TestWebTerminal::downloadStaysOutOfTheServer_data()
{
    addServerRows();
}

void TestWebTerminal::downloadStaysOutOfTheServer()
{
    // The seed's other half: downloads piled up inside the terminal server
    // without bound. Its resident memory is sampled through a 256 MiB
    // download and stays within 64 MiB of what it was idle.
    QFETCH(QString, server);
    const QString remote = root(server) + u"/seed-down.bin"_s;
    QVERIFY(writeRandomFile(remote, 256 * kMiB, 17));
    const QByteArray sum = fileChecksum(remote);
    // Warm the terminal server up with one small session first.
    QCOMPARE(cli(server, {u"ls"_s, u":"_s}).exitCode, 0);
    QThread::msleep(500);
    const qint64 idle = processRssBytes(serverPid(server));
    QVERIFY(idle > 0);

    const QString target = m_local + u"/seed-down-"_s + server + u".bin"_s;
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(FERRY_BIN_DIR "/ferry-cli"), globals(server) + QStringList{u"cp"_s, u":seed-down.bin"_s, target});
    QVERIFY(process.waitForStarted());
    qint64 peak = idle;
    QDeadlineTimer deadline(600000);
    while (process.state() == QProcess::Running && !deadline.hasExpired()) {
        process.waitForFinished(50);
        peak = std::max(peak, processRssBytes(serverPid(server)));
    }
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(fileChecksum(target), sum);
    qInfo("%s: server RSS idle %lld MiB, peak %lld MiB during the download", qPrintable(server), idle / kMiB, peak / kMiB);
    QVERIFY2(peak - idle < 64 * kMiB, qPrintable(QStringLiteral("the terminal server grew by %1 MiB").arg((peak - idle) / kMiB)));
    QFile::remove(target);
    QFile::remove(remote);
}

QTEST_GUILESS_MAIN(TestWebTerminal)
#include "tst_webterminal.moc"
