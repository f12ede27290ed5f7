// SPDX-License-Identifier: GPL-3.0-or-later
// Remote commands through the real agent: stdin, separate stdout/stderr,
// exit statuses, and bulk data piped both ways under flow control.
#include "support/agentprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>

class TestExec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void status_data();
    void status();
    void stdinToStdout();
    void stderrStaysSeparate();
    void shellString();
    void workingDirectory();
    void bulkThroughCat();
    void missingProgram();

private:
    AgentProcess m_agent;
};

void TestExec::initTestCase()
{
    QVERIFY2(m_agent.start(), qPrintable(m_agent.errorString()));
}

void TestExec::status_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("expected");
    QTest::newRow("true") << QStringList{QStringLiteral("true")} << 0;
    QTest::newRow("exit 7") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 7")} << 7;
    QTest::newRow("killed by TERM") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("kill -TERM $$")} << 128 + 15;
}

void TestExec::status()
{
    QFETCH(QStringList, command);
    QFETCH(int, expected);
    CliResult r = runCli(m_agent, QStringList{QStringLiteral("exec"), QStringLiteral("--")} + command);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, expected);
}

void TestExec::stdinToStdout()
{
    CliResult r = runCli(m_agent, {QStringLiteral("exec"), QStringLiteral("--"), QStringLiteral("cat")}, "hi\n");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("hi\n"));
}

void TestExec::stderrStaysSeparate()
{
    CliResult r = runCli(m_agent, {QStringLiteral("exec"), QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                                   QStringLiteral("echo to-out; echo to-err >&2; exit 3")});
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.out, QByteArray("to-out\n"));
    QCOMPARE(r.err, QByteArray("to-err\n"));
}

void TestExec::shellString()
{
    CliResult r = runCli(m_agent, {QStringLiteral("exec"), QStringLiteral("--shell"), QStringLiteral("echo $((6*7)) | tr 4 x")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("x2\n"));
}

void TestExec::workingDirectory()
{
    QVERIFY(QDir().mkpath(m_agent.root() + QStringLiteral("/sub/dir")));
    CliResult r = runCli(m_agent, {QStringLiteral("exec"), QStringLiteral("--cwd"), QStringLiteral(":sub/dir"), QStringLiteral("pwd")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QFileInfo(m_agent.root() + QStringLiteral("/sub/dir")).canonicalFilePath().toUtf8());
    CliResult escape = runCli(m_agent, {QStringLiteral("exec"), QStringLiteral("--cwd"), QStringLiteral(":../.."), QStringLiteral("pwd")});
    QCOMPARE(escape.exitCode, 1);
    QVERIFY2(escape.err.contains("outside the served directory"), escape.err.constData());
}

void TestExec::bulkThroughCat()
{
    // 256 MiB of random bytes through a remote cat, compared by checksum.
    QByteArray input(256 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(input.data()), input.size() / 4);
    CliResult r = runCli(m_agent, {QStringLiteral("exec"), QStringLiteral("--"), QStringLiteral("cat")}, input, 240000);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.size(), input.size());
    QCOMPARE(QCryptographicHash::hash(r.out, QCryptographicHash::Sha256), QCryptographicHash::hash(input, QCryptographicHash::Sha256));
}

void TestExec::missingProgram()
{
    CliResult r = runCli(m_agent, {QStringLiteral("exec"), QStringLiteral("--"), QStringLiteral("no-such-program-ferry")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no-such-program-ferry"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestExec)
#include "tst_exec.moc"
