// SPDX-License-Identifier: GPL-3.0-or-later
// Authentication and confinement: a wrong token gets nothing, and no path
// from the wire reaches outside the served root.
#include "support/agentprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

/// Runs ferry-agent with @p args until it exits (it is expected to refuse
/// to start); its exit code and what it printed.
std::pair<int, QString> agentRefuses(const QStringList &args)
{
    QProcess agent;
    agent.setProcessChannelMode(QProcess::MergedChannels);
    agent.start(QStringLiteral(FERRY_BIN_DIR "/ferry-agent"), args);
    if (!agent.waitForFinished(10000)) {
        agent.kill();
        agent.waitForFinished(2000);
        return {-1, QString::fromUtf8(agent.readAll())};
    }
    return {agent.exitCode(), QString::fromUtf8(agent.readAll())};
}

} // namespace

class TestSecurity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wrongToken();
    void hostilePaths_data();
    void hostilePaths();
    void tokenFileOthersCanRead();
    void guessableTokens_data();
    void guessableTokens();
    void noExec();
    void commandsGetACleanEnvironment();

private:
    AgentProcess m_agent;
    QString m_outside;
};

void TestSecurity::initTestCase()
{
    QVERIFY2(m_agent.start(), qPrintable(m_agent.errorString()));
    // A directory beside the root with a file the agent must never touch,
    // and symlinks inside the root that point at it.
    m_outside = QFileInfo(m_agent.root()).path() + QStringLiteral("/outside");
    QVERIFY(QDir().mkpath(m_outside));
    QVERIFY(writeRandomFile(m_outside + QStringLiteral("/secret.txt"), 100));
    QVERIFY(QFile::link(m_outside, m_agent.root() + QStringLiteral("/abs-link")));
    QVERIFY(QFile::link(QStringLiteral("../outside"), m_agent.root() + QStringLiteral("/rel-link")));
    QVERIFY(writeRandomFile(m_agent.scratch() + QStringLiteral("/upload.txt"), 10));
}

void TestSecurity::wrongToken()
{
    const QString badToken = m_agent.scratch() + QStringLiteral("/bad-token");
    QFile file(badToken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
    file.close();
    CliResult r = runCli(m_agent, {QStringLiteral("--token-file"), badToken, QStringLiteral("ls"), QStringLiteral(":")});
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("authentication failed: wrong token"), r.err.constData());
}

void TestSecurity::hostilePaths_data()
{
    QTest::addColumn<QStringList>("args");
    const QString up = m_agent.scratch() + QStringLiteral("/upload.txt");
    const QString down = m_agent.scratch() + QStringLiteral("/got.txt");
    const QStringList escapes{QStringLiteral(":../outside/secret.txt"), QStringLiteral(":/etc/passwd"), QStringLiteral(":a/../../outside/secret.txt"),
                              QStringLiteral(":abs-link/secret.txt"), QStringLiteral(":rel-link/secret.txt")};
    for (const QString &path : escapes) {
        const QByteArray p = path.toUtf8();
        QTest::newRow(QByteArray("stat " + p).constData()) << QStringList{QStringLiteral("stat"), path};
        QTest::newRow(QByteArray("ls " + p).constData()) << QStringList{QStringLiteral("ls"), QFileInfo(path).path()};
        QTest::newRow(QByteArray("rm " + p).constData()) << QStringList{QStringLiteral("rm"), path};
        QTest::newRow(QByteArray("download " + p).constData()) << QStringList{QStringLiteral("cp"), path, down};
        QTest::newRow(QByteArray("upload to " + p).constData()) << QStringList{QStringLiteral("cp"), QStringLiteral("--on-conflict=overwrite"), up, path};
        QTest::newRow(QByteArray("mv into " + p).constData()) << QStringList{QStringLiteral("mv"), QStringLiteral(":moveme"), path};
        QTest::newRow(QByteArray("mkdir " + p).constData()) << QStringList{QStringLiteral("mkdir"), QStringLiteral("-p"), path + QStringLiteral("/new")};
        QTest::newRow(QByteArray("chmod " + p).constData()) << QStringList{QStringLiteral("chmod"), QStringLiteral("777"), path};
    }
}

void TestSecurity::hostilePaths()
{
    QFETCH(QStringList, args);
    QVERIFY(writeRandomFile(m_agent.root() + QStringLiteral("/moveme"), 10));
    const QByteArray secret = fileChecksum(m_outside + QStringLiteral("/secret.txt"));
    const QFile::Permissions perms = QFileInfo(m_outside + QStringLiteral("/secret.txt")).permissions();
    CliResult r = runCli(m_agent, args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("outside the served directory") || r.err.contains("not followed"), r.err.constData());
    QCOMPARE(fileChecksum(m_outside + QStringLiteral("/secret.txt")), secret);
    QCOMPARE(QFileInfo(m_outside + QStringLiteral("/secret.txt")).permissions(), perms);
    QCOMPARE(QDir(m_outside).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden), QStringList{QStringLiteral("secret.txt")});
    QVERIFY(!QFileInfo::exists(m_agent.scratch() + QStringLiteral("/got.txt")));
}

void TestSecurity::tokenFileOthersCanRead()
{
    QTemporaryDir dir;
    const QString token = dir.filePath(QStringLiteral("token"));
    QFile file(token);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("9f1c3e5a7b2d4f6081a3c5e7092b4d6f8a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b\n");
    file.close();
    QVERIFY(::chmod(QFile::encodeName(token).constData(), 0644) == 0);
    const auto [code, output] = agentRefuses({QStringLiteral("--root"), dir.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                              QStringLiteral("--token-file"), token});
    QVERIFY2(code != 0, qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("can be read by others (mode 0644)")) && output.contains(QStringLiteral("chmod 600")), qPrintable(output));
}

void TestSecurity::guessableTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("one letter") << QByteArray(40, 'a');
    QTest::newRow("two letters") << QByteArray("abababababababababababababababababababab");
    QTest::newRow("a word over and over") << QByteArray("passwordpasswordpasswordpassword");
}

void TestSecurity::guessableTokens()
{
    QFETCH(QByteArray, token);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("token"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(token + '\n');
    file.close();
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0600) == 0);
    const auto [code, output] = agentRefuses({QStringLiteral("--root"), dir.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                              QStringLiteral("--token-file"), path});
    QVERIFY2(code != 0, qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("too easy to guess")), qPrintable(output));
}

void TestSecurity::noExec()
{
    AgentProcess agent;
    QVERIFY2(agent.start({QStringLiteral("--no-exec")}), qPrintable(agent.errorString()));
    const CliResult r = runCli(agent, {QStringLiteral("exec"), QStringLiteral("--"), QStringLiteral("touch"), QStringLiteral("made-by-exec")});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("remote commands are turned off on this agent"), r.err.constData());
    QVERIFY(!QFile::exists(agent.root() + QStringLiteral("/made-by-exec")));
    // Files are still served.
    QCOMPARE(runCli(agent, {QStringLiteral("ls"), QStringLiteral(":")}).exitCode, 0);
}

void TestSecurity::commandsGetACleanEnvironment()
{
    // What the agent was started with (a secret in its environment, say)
    // does not reach the commands it runs; what a login gives does.
    qputenv("FERRY_TEST_SECRET", "do-not-leak");
    AgentProcess agent;
    qunsetenv("FERRY_TEST_SECRET");
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    const CliResult r = runCli(agent, {QStringLiteral("exec"), QStringLiteral("--"), QStringLiteral("env")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.out.contains("FERRY_TEST_SECRET"), r.out.constData());
    QVERIFY2(r.out.contains("\nPATH=") || r.out.startsWith("PATH="), r.out.constData());
    QVERIFY2(r.out.contains("HOME="), r.out.constData());
}

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
