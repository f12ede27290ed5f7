// SPDX-License-Identifier: GPL-3.0-or-later
// Agents behind a real reverse proxy, as hosted agents are: nginx, started
// here on 127.0.0.1, passes the WebSocket on to real agents. Transfers,
// trees and listings through it; TLS ended at nginx with a certificate from
// a CA made here, the agent behind it on plain ws://; resume after nginx is
// restarted, and after the agent behind a running nginx is; heartbeats that
// keep an idle connection open past nginx's read timeout; two agents under
// two path prefixes of one nginx; memory while a client stops reading; and
// what the client says when nginx answers by itself (a redirect, 404, 502).
#include "support/agentprocess.h"
#include "support/nginxserver.h"
#include "support/webterminalserver.h"

#include "core/net/truststore.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QWebSocket>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

quint32 modeOf(const QString &path)
{
    struct stat st {};
    ::lstat(QFile::encodeName(path).constData(), &st);
    return quint32(st.st_mode & 07777);
}

/// Relative path -> what it is: a directory, a link and its target, or a
/// file's checksum and mode.
QMap<QString, QByteArray> treeOf(const QString &dir)
{
    QMap<QString, QByteArray> tree;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(dir).relativeFilePath(path);
        if (it.fileInfo().isSymLink())
            tree.insert(relative, "link " + QFile::encodeName(it.fileInfo().readSymLink()));
        else if (it.fileInfo().isDir())
            tree.insert(relative, "dir");
        else
            tree.insert(relative, fileChecksum(path) + ' ' + QByteArray::number(modeOf(path), 8));
    }
    return tree;
}

bool waitForSize(const QString &path, qint64 bytes, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (QFileInfo(path).size() >= bytes)
            return true;
        QThread::usleep(2000);
    }
    return false;
}

QString partFile(const QString &target)
{
    return QFileInfo(target).path() + u"/."_s + QFileInfo(target).fileName() + u".ferry-part"_s;
}

/// ferry-cli's environment for @p url with @p agent's token.
QProcessEnvironment cliEnvironment(const QString &url, const AgentProcess &agent)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"FERRY_URL"_s, url);
    env.insert(u"FERRY_TOKEN_FILE"_s, agent.tokenFile());
    return env;
}

std::unique_ptr<QProcess> startCliAt(const QString &url, const AgentProcess &agent, const QStringList &args)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(cliEnvironment(url, agent));
    process->start(QStringLiteral(FERRY_BIN_DIR "/ferry-cli"), args);
    return process;
}

bool run(const QString &program, const QStringList &args, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = program + u' ' + args.join(u' ') + u": "_s + QString::fromUtf8(process.readAll());
        return false;
    }
    return true;
}

/// The lines of nginx's error log @p log that tell of a timeout.
qsizetype timeouts(const QString &log)
{
    qsizetype count = 0;
    for (const QStringView line : QStringTokenizer(log, u'\n'))
        count += line.contains(u"timed out"_s) ? 1 : 0;
    return count;
}

} // namespace

class TestProxy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void roundTrip();
    void tree();
    void backpressure();
    void tlsAtTheProxy();
    void resumeAfterProxyRestart_data();
    void resumeAfterProxyRestart();
    void resumeAfterAgentRestart();
    void idleOutlivesReadTimeout();
    void twoAgentsByPath();

private:
    CliResult cli(const QString &url, const AgentProcess &agent, const QStringList &args, int timeoutMs = 120000)
    {
        return runCli(cliEnvironment(url, agent), args, {}, timeoutMs);
    }
    /// What nginx logged of the requests it had.
    QByteArray accessLog(const QString &server = u"nginx"_s) const
    {
        QFile file(m_dir.filePath(server + u"/access.log"_s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    /// The transfer @p cli runs ends well after a break: equal, nothing
    /// half-written beside it, at least one reconnection that resumed past
    /// the 24 MiB that had crossed. Removes both files.
    void checkResumed(QProcess *cli, const QString &source, const QString &target, const QString &stats);
    /// A CA and a certificate for 127.0.0.1 signed by it, in m_dir.
    bool makeCertificates(QString *error);

    QTemporaryDir m_dir;
    AgentProcess m_agentA;
    AgentProcess m_agentB;
    /// "/" and "/a/" lead to agent A, "/b/" to agent B, "/gone/" to a port
    /// where nothing listens; nginx's defaults otherwise.
    NginxServer m_nginx;
};

void TestProxy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_agentA.start(), qPrintable(m_agentA.errorString()));
    QVERIFY2(m_agentB.start(), qPrintable(m_agentB.errorString()));
    NginxServer::Options options;
    QTcpServer nobody; // a port where no agent listens
    QVERIFY(nobody.listen(QHostAddress::LocalHost, 0));
    const quint16 nobodyPort = nobody.serverPort();
    nobody.close();
    options.locations = {{u"/"_s, m_agentA.port()}, {u"/a/"_s, m_agentA.port()}, {u"/b/"_s, m_agentB.port()}, {u"/gone/"_s, nobodyPort}};
    QVERIFY2(m_nginx.start(m_dir.filePath(u"nginx"_s), options), qPrintable(m_nginx.errorString()));
    // Certificates pinned by these tests stay here.
    qputenv("FERRY_KNOWN_AGENTS", m_dir.filePath(u"known_agents"_s).toUtf8());
}

void TestProxy::cleanup()
{
    // A test that failed half-way leaves no gap for the next one.
    if (m_agentA.pid() == 0)
        QVERIFY2(m_agentA.restart(), qPrintable(m_agentA.errorString()));
    if (!m_nginx.isRunning())
        QVERIFY2(m_nginx.restart(), qPrintable(m_nginx.errorString()));
}

void TestProxy::roundTrip()
{
    const QString local = m_agentA.scratch() + u"/big.bin"_s;
    QVERIFY(writeRandomFile(local, 64 * kMiB, 64));
    ::chmod(QFile::encodeName(local).constData(), 0640);
    const QString url = m_nginx.url();

    const CliResult up = cli(url, m_agentA, {u"--quiet"_s, u"cp"_s, local, u":big.bin"_s});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const QString remote = m_agentA.root() + u"/big.bin"_s;
    QCOMPARE(fileChecksum(remote), fileChecksum(local));
    QCOMPARE(modeOf(remote), 0640u);
    QVERIFY(!QFileInfo::exists(partFile(remote)));

    const QString back = m_agentA.scratch() + u"/big-back.bin"_s;
    const CliResult down = cli(url, m_agentA, {u"--quiet"_s, u"cp"_s, u":big.bin"_s, back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(fileChecksum(back), fileChecksum(local));

    // The agent's own checksum of what it holds agrees end to end.
    const CliResult hash = cli(url, m_agentA, {u"hash"_s, u":big.bin"_s});
    QCOMPARE(hash.exitCode, 0);
    QVERIFY(hash.out.endsWith("  :big.bin\n"));

    // All of it went through nginx: it switched protocols for each client.
    QVERIFY2(accessLog().count("\"GET / HTTP/1.1\" 101 ") >= 3, "nginx did not upgrade the connections");
    QFile::remove(remote);
    QFile::remove(back);
    QFile::remove(local);
}

void TestProxy::tree()
{
    const QString source = m_agentA.scratch() + u"/tree"_s;
    QVERIFY(QDir().mkpath(source + u"/many"_s));
    QVERIFY(QDir().mkpath(source + u"/deep/er/still"_s));
    // Enough small files that the listing comes in several replies and the
    // copy in several batches.
    for (int i = 0; i < 600; ++i)
        QVERIFY(writeRandomFile(source + QStringLiteral("/many/f%1.txt").arg(i, 4, 10, QChar(u'0')), i * 37, quint32(i)));
    QVERIFY(writeRandomFile(source + u"/deep/er/still/middle.bin"_s, 3 * kMiB + 17, 5));
    QVERIFY(writeRandomFile(source + u"/run.sh"_s, 100, 6));
    ::chmod(QFile::encodeName(source + u"/run.sh"_s).constData(), 0755);
    QVERIFY(QFile::link(u"deep/er/still/middle.bin"_s, source + u"/link"_s));
    const QString url = m_nginx.url(u"/a/"_s);

    const CliResult up = cli(url, m_agentA, {u"--quiet"_s, u"cp"_s, u"-r"_s, source, u":tree"_s});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QCOMPARE(treeOf(m_agentA.root() + u"/tree"_s), treeOf(source));

    const QString back = m_agentA.scratch() + u"/tree-back"_s;
    const CliResult down = cli(url, m_agentA, {u"--quiet"_s, u"cp"_s, u"-r"_s, u":tree"_s, back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(treeOf(back), treeOf(source));
    QCOMPARE(treeOf(back).size(), 600 + 7);

    // Listings: names, kinds and sizes as the agent has them.
    const CliResult top = cli(url, m_agentA, {u"ls"_s, u":tree"_s});
    QCOMPARE(top.exitCode, 0);
    QCOMPARE(top.out.split('\n'), (QList<QByteArray>{"deep", "link", "many", "run.sh", ""}));
    const CliResult many = cli(url, m_agentA, {u"ls"_s, u"--json"_s, u":tree/many"_s});
    QCOMPARE(many.exitCode, 0);
    const QJsonArray entries = QJsonDocument::fromJson(many.out).array();
    QCOMPARE(entries.size(), 600);
    QMap<QString, qint64> sizes;
    for (const QJsonValue &entry : entries) {
        QCOMPARE(entry[u"type"_s].toString(), u"file"_s);
        sizes.insert(entry[u"name"_s].toString(), entry[u"size"_s].toInteger());
    }
    for (int i = 0; i < 600; ++i)
        QCOMPARE(sizes.value(QStringLiteral("f%1.txt").arg(i, 4, 10, QChar(u'0')), -1), qint64(i) * 37);
    const CliResult link = cli(url, m_agentA, {u"ls"_s, u"-l"_s, u":tree"_s});
    QVERIFY2(link.out.contains("link -> deep/er/still/middle.bin\n"), link.out.constData());
    QDir(back).removeRecursively();
}

void TestProxy::backpressure()
{
    // A client that stops reading holds the agent back through nginx: the
    // credit it grants is all the agent may send, whatever nginx and the
    // kernel hold in between. Neither the agent nor nginx's worker grows
    // with the file. Agent B has served nothing yet, so its size now is
    // its size at rest.
    constexpr qint64 size = 256 * kMiB;
    const QString remote = m_agentB.root() + u"/held.bin"_s;
    QVERIFY(writeRandomFile(remote, size, 9));
    const QString target = m_agentB.scratch() + u"/held.bin"_s;
    const qint64 worker = m_nginx.workerPid();
    QVERIFY(worker > 0);
    const qint64 agentBefore = processRssBytes(m_agentB.pid());
    const qint64 workerBefore = processRssBytes(worker);
    std::unique_ptr<QProcess> cli = startCliAt(m_nginx.url(u"/b/"_s), m_agentB, {u"--quiet"_s, u"cp"_s, u":held.bin"_s, target});
    QVERIFY(cli->waitForStarted());
    QVERIFY2(waitForSize(partFile(target), 32 * kMiB, 60000), "the download never got going");
    ::kill(pid_t(cli->processId()), SIGSTOP);
    // Stopped for 4 s (the agent's dead-after is 15 s): at the speed the
    // download had, the rest of the file could have been sent meanwhile.
    qint64 agentPeak = 0;
    qint64 workerPeak = 0;
    for (int i = 0; i < 40; ++i) {
        agentPeak = std::max(agentPeak, processRssBytes(m_agentB.pid()));
        workerPeak = std::max(workerPeak, processRssBytes(worker));
        QThread::msleep(100);
    }
    const qint64 received = QFileInfo(partFile(target)).size();
    ::kill(pid_t(cli->processId()), SIGCONT);
    QVERIFY(cli->waitForFinished(120000));
    QVERIFY2(cli->exitCode() == 0, cli->readAllStandardError().constData());
    QCOMPARE(fileChecksum(target), fileChecksum(remote));
    const QString grown = QStringLiteral("the agent grew by %1 MiB and nginx's worker by %2 MiB while the client stood still (%3 MiB received)")
                              .arg((agentPeak - agentBefore) / kMiB)
                              .arg((workerPeak - workerBefore) / kMiB)
                              .arg(received / kMiB);
    qInfo("%s", qPrintable(grown));
    QVERIFY2(received < size, "the download ended before the client was stopped");
#ifndef FERRY_SANITIZED
    QVERIFY2(agentPeak - agentBefore < 48 * kMiB, qPrintable(grown));
#endif
    QVERIFY2(workerPeak - workerBefore < 8 * kMiB, qPrintable(grown));
    QFile::remove(target);
    QFile::remove(remote);
}

bool TestProxy::makeCertificates(QString *error)
{
    const QString ca = m_dir.filePath(u"ca"_s);
    const QStringList key{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s};
    QFile extensions(m_dir.filePath(u"proxy.ext"_s));
    if (!extensions.open(QIODevice::WriteOnly)
        || extensions.write("basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n") < 0)
        return false;
    extensions.close();
    if (!run(u"openssl"_s, QStringList{u"req"_s, u"-x509"_s} + key + QStringList{u"-keyout"_s, ca + u".key"_s, u"-out"_s, ca + u".pem"_s,
                                                     u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=Ferry test CA"_s,
                                                     u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                                                     u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s},
             error))
        return false;
    const QString proxy = m_dir.filePath(u"proxy"_s);
    if (!run(u"openssl"_s, QStringList{u"req"_s} + key + QStringList{u"-keyout"_s, proxy + u".key"_s, u"-out"_s, proxy + u".csr"_s,
                                                     u"-subj"_s, u"/CN=127.0.0.1"_s},
             error))
        return false;
    if (!run(u"openssl"_s, {u"x509"_s, u"-req"_s, u"-in"_s, proxy + u".csr"_s, u"-CA"_s, ca + u".pem"_s, u"-CAkey"_s, ca + u".key"_s,
                            u"-set_serial"_s, u"2"_s, u"-days"_s, u"2"_s, u"-extfile"_s, extensions.fileName(), u"-out"_s, proxy + u".pem"_s},
             error))
        return false;
    // nginx sends the chain: its own certificate, then the CA's.
    QFile chain(proxy + u"-chain.pem"_s);
    QFile leaf(proxy + u".pem"_s);
    QFile root(ca + u".pem"_s);
    return chain.open(QIODevice::WriteOnly) && leaf.open(QIODevice::ReadOnly) && root.open(QIODevice::ReadOnly)
           && chain.write(leaf.readAll() + root.readAll()) > 0;
}

void TestProxy::tlsAtTheProxy()
{
    QString error;
    QVERIFY2(makeCertificates(&error), qPrintable(error));
    NginxServer nginx;
    NginxServer::Options options;
    options.locations = {{u"/ferry/"_s, m_agentA.port()}};
    options.certificate = m_dir.filePath(u"proxy-chain.pem"_s);
    options.key = m_dir.filePath(u"proxy.key"_s);
    QVERIFY2(nginx.start(m_dir.filePath(u"nginx-tls"_s), options), qPrintable(nginx.errorString()));
    const QString url = nginx.url(u"/ferry/"_s);
    QVERIFY(url.startsWith(u"wss://"_s));
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_dir.filePath(u"proxy.pem"_s));
    QCOMPARE(certificates.size(), 1);
    const QString fingerprint = ferry::net::TrustStore::displayFingerprint(ferry::net::TrustStore::fingerprint(certificates.first()));

    // The test CA is no authority the client knows: the certificate nginx
    // presents (its own, not the agent's) is refused until pinned.
    const CliResult unknown = cli(url, m_agentA, {u"ls"_s, u":"_s});
    QCOMPARE(unknown.exitCode, 4);
    QVERIFY2(unknown.err.contains("not trusted yet") && unknown.err.contains(fingerprint.toUtf8()), unknown.err.constData());

    // Pinned: transfers and listings through TLS at nginx, plain ws behind.
    const QString local = m_agentA.scratch() + u"/tls.bin"_s;
    QVERIFY(writeRandomFile(local, 16 * kMiB + 5, 11));
    const CliResult up = cli(url, m_agentA, {u"--quiet"_s, u"--trust"_s, fingerprint, u"cp"_s, local, u":tls.bin"_s});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QCOMPARE(fileChecksum(m_agentA.root() + u"/tls.bin"_s), fileChecksum(local));
    const QString back = m_agentA.scratch() + u"/tls-back.bin"_s;
    const CliResult down = cli(url, m_agentA, {u"--quiet"_s, u"cp"_s, u":tls.bin"_s, back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(fileChecksum(back), fileChecksum(local));
    const CliResult listing = cli(url, m_agentA, {u"ls"_s, u"-l"_s, u":"_s});
    QVERIFY2(listing.exitCode == 0, listing.err.constData());
    QVERIFY(listing.out.contains(" tls.bin\n"));

    // nginx did the TLS: the agent was reached on plain HTTP, under the
    // prefix taken off.
    QVERIFY(accessLog(u"nginx-tls"_s).count("\"GET /ferry/ HTTP/1.1\" 101 ") >= 3);

    // Where nginx answers by itself, the client says what that means: the
    // prefix without its slash is redirected, elsewhere there is nothing.
    const CliResult noSlash = cli(nginx.url(u"/ferry"_s), m_agentA, {u"ls"_s, u":"_s});
    QCOMPARE(noSlash.exitCode, 3);
    QVERIFY2(noSlash.err.contains("(HTTP 301 Moved Permanently)") && noSlash.err.contains("trailing slash"), noSlash.err.constData());
    const CliResult nowhere = cli(nginx.url(u"/elsewhere/"_s), m_agentA, {u"ls"_s, u":"_s});
    QCOMPARE(nowhere.exitCode, 3);
    QVERIFY2(nowhere.err.contains("nothing answers at this path (HTTP 404 Not Found)"), nowhere.err.constData());
    QFile::remove(m_agentA.root() + u"/tls.bin"_s);
    QFile::remove(local);
    QFile::remove(back);
}

void TestProxy::checkResumed(QProcess *cli, const QString &source, const QString &target, const QString &stats)
{
    QVERIFY(cli->waitForFinished(120000));
    QVERIFY2(cli->exitCode() == 0, cli->readAllStandardError().constData());
    QCOMPARE(fileChecksum(target), fileChecksum(source));
    QVERIFY(!QFileInfo::exists(partFile(target)));
    const QJsonObject json = readStats(stats);
    QVERIFY2(json.value(u"reconnects"_s).toInteger() >= 1, QJsonDocument(json).toJson().constData());
    QVERIFY2(json.value(u"resumed_bytes"_s).toInteger() >= 24 * kMiB, QJsonDocument(json).toJson().constData());
    QFile::remove(source);
    QFile::remove(target);
}

void TestProxy::resumeAfterProxyRestart_data()
{
    QTest::addColumn<bool>("upload");
    QTest::newRow("upload") << true;
    QTest::newRow("download") << false;
}

void TestProxy::resumeAfterProxyRestart()
{
    QFETCH(bool, upload);
    constexpr qint64 size = 192 * kMiB;
    const QString name = upload ? u"restart-up.bin"_s : u"restart-down.bin"_s;
    const QString source = (upload ? m_agentA.scratch() : m_agentA.root()) + u'/' + name;
    const QString target = (upload ? m_agentA.root() : m_agentA.scratch()) + u'/' + name;
    QVERIFY(writeRandomFile(source, size, 17));
    const QString stats = m_agentA.scratch() + u"/stats-"_s + name + u".json"_s;

    std::unique_ptr<QProcess> cli = startCliAt(m_nginx.url(), m_agentA,
                                               {u"--stats"_s, stats, u"cp"_s, upload ? source : u':' + name, upload ? u":"_s : target});
    QVERIFY(cli->waitForStarted());
    QVERIFY2(waitForSize(partFile(target), 24 * kMiB, 60000), "the transfer never got going");
    // nginx -s stop: it closes both sides of every connection at once.
    m_nginx.stop();
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY2(!cli->waitForFinished(1000), cli->readAllStandardError().constData()); // still trying
    QVERIFY2(m_nginx.restart(), qPrintable(m_nginx.errorString()));

    checkResumed(cli.get(), source, target, stats);
}

void TestProxy::resumeAfterAgentRestart()
{
    // nginx stays up while the agent behind it is gone: the client's
    // attempts in between are answered by nginx itself (502 Bad Gateway),
    // and it keeps trying until the agent is back.
    constexpr qint64 size = 192 * kMiB;
    const QString source = m_agentA.scratch() + u"/agent-restart.bin"_s;
    const QString target = m_agentA.root() + u"/agent-restart.bin"_s;
    QVERIFY(writeRandomFile(source, size, 19));
    const QString stats = m_agentA.scratch() + u"/stats-agent-restart.json"_s;
    std::unique_ptr<QProcess> cli = startCliAt(m_nginx.url(), m_agentA, {u"--stats"_s, stats, u"cp"_s, source, u":"_s});
    QVERIFY(cli->waitForStarted());
    QVERIFY2(waitForSize(partFile(target), 24 * kMiB, 60000), "the transfer never got going");
    const qsizetype refusedBefore = accessLog().count("\"GET / HTTP/1.1\" 502 ");
    m_agentA.kill();
    // Let the client knock while nobody is behind nginx.
    QTRY_VERIFY_WITH_TIMEOUT(accessLog().count("\"GET / HTTP/1.1\" 502 ") > refusedBefore, 10000);
    QVERIFY2(cli->state() == QProcess::Running, cli->readAllStandardError().constData());
    QVERIFY2(m_agentA.restart(), qPrintable(m_agentA.errorString()));

    checkResumed(cli.get(), source, target, stats);
}

void TestProxy::idleOutlivesReadTimeout()
{
    // nginx closes a proxied connection on which the agent sent nothing for
    // proxy_read_timeout: 60 s by default, 5 s here to keep the test short.
    // Heartbeats (every 5 s by default; 2 s here, to keep the same margin
    // under the shorter timeout) are answered by the agent, so an idle
    // session never gets there.
    constexpr int timeoutS = 5;
    NginxServer nginx;
    NginxServer::Options options;
    options.locations = {{u"/"_s, m_agentA.port()}};
    options.readTimeoutSeconds = timeoutS;
    QVERIFY2(nginx.start(m_dir.filePath(u"nginx-idle"_s), options), qPrintable(nginx.errorString()));

    const QString stats = m_agentA.scratch() + u"/stats-idle.json"_s;
    std::unique_ptr<QProcess> idle = startCliAt(nginx.url(), m_agentA, {u"--heartbeat"_s, u"2000"_s, u"--dead-after"_s, u"8000"_s, u"--stats"_s, stats,
                                                                        u"exec"_s, u"--"_s, u"sleep"_s, QString::number(2 * timeoutS + 2)});
    QVERIFY(idle->waitForStarted());
    QElapsedTimer clock;
    clock.start();

    // Meanwhile a WebSocket without heartbeats through the same nginx: it
    // takes the agent's greeting and says nothing. nginx ends it at its
    // timeout, before the agent's own 10 s for the handshake.
    QWebSocket silent;
    QSignalSpy greeted(&silent, &QWebSocket::binaryMessageReceived);
    QSignalSpy closed(&silent, &QWebSocket::disconnected);
    silent.open(QUrl(nginx.url()));
    QVERIFY(greeted.wait(5000));
    QElapsedTimer silentFor;
    silentFor.start();
    QVERIFY(closed.wait(15000));
    const qint64 silentMs = silentFor.elapsed();
    QVERIFY2(silentMs >= (timeoutS - 1) * 1000 && silentMs < 9000, QByteArray::number(silentMs).constData());
    QTRY_VERIFY2_WITH_TIMEOUT(timeouts(nginx.errorLog()) == 1, qPrintable(nginx.errorLog()), 2000);

    QVERIFY(idle->waitForFinished(30000));
    QVERIFY2(idle->exitCode() == 0, idle->readAllStandardError().constData());
    QVERIFY(clock.elapsed() >= 2 * timeoutS * 1000);
    const QJsonObject json = readStats(stats);
    QCOMPARE(json.value(u"reconnects"_s).toInteger(), 0);
    const QJsonObject rtt = json.value(u"heartbeat_rtt_ms"_s).toObject();
    QVERIFY2(rtt.value(u"count"_s).toInteger() >= 4, QJsonDocument(json).toJson().constData());
    QVERIFY(rtt.contains(u"p50"_s) && rtt.value(u"max"_s).toDouble() < 2000);
    // The one timeout was the silent socket's.
    QCOMPARE(timeouts(nginx.errorLog()), 1);
}

void TestProxy::twoAgentsByPath()
{
    QVERIFY(writeRandomFile(m_agentA.root() + u"/only-a.txt"_s, 10, 1));
    QVERIFY(writeRandomFile(m_agentB.root() + u"/only-b.txt"_s, 20, 2));
    const QString urlA = m_nginx.url(u"/a/"_s);
    const QString urlB = m_nginx.url(u"/b/"_s);

    // Each prefix serves its own agent's root.
    const CliResult listA = cli(urlA, m_agentA, {u"ls"_s, u":"_s});
    QVERIFY2(listA.exitCode == 0, listA.err.constData());
    QVERIFY(listA.out.contains("only-a.txt\n") && !listA.out.contains("only-b.txt"));
    const CliResult listB = cli(urlB, m_agentB, {u"ls"_s, u":"_s});
    QVERIFY2(listB.exitCode == 0, listB.err.constData());
    QCOMPARE(listB.out, QByteArray("only-b.txt\n"));

    // An upload under /b/ lands in B's root only; a download under /a/
    // comes from A's.
    const QString local = m_agentB.scratch() + u"/to-b.bin"_s;
    QVERIFY(writeRandomFile(local, 5 * kMiB, 3));
    const CliResult up = cli(urlB, m_agentB, {u"--quiet"_s, u"cp"_s, local, u":"_s});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QCOMPARE(fileChecksum(m_agentB.root() + u"/to-b.bin"_s), fileChecksum(local));
    QVERIFY(!QFileInfo::exists(m_agentA.root() + u"/to-b.bin"_s));
    const QString back = m_agentA.scratch() + u"/from-a.txt"_s;
    const CliResult down = cli(urlA, m_agentA, {u"--quiet"_s, u"cp"_s, u":only-a.txt"_s, back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(fileChecksum(back), fileChecksum(m_agentA.root() + u"/only-a.txt"_s));

    // A's token does not open B: the prefixes lead to two agents indeed.
    const CliResult crossed = cli(urlB, m_agentA, {u"ls"_s, u":"_s});
    QCOMPARE(crossed.exitCode, 4);

    // A prefix whose agent is not there: nginx's 502, said as such.
    const CliResult gone = cli(m_nginx.url(u"/gone/"_s), m_agentA, {u"ls"_s, u":"_s});
    QCOMPARE(gone.exitCode, 3);
    QVERIFY2(gone.err.contains("could not reach the server behind it (HTTP 502 Bad Gateway)"), gone.err.constData());
}

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
