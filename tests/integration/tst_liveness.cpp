// SPDX-License-Identifier: GPL-3.0-or-later
// Dead peers are noticed within the dead-after limit, in both directions.
#include "support/agentprocess.h"

#include <QElapsedTimer>
#include <QTest>

#include <csignal>

class TestLiveness final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientNoticesFrozenAgent();
    void agentDropsSilentClient();
};

void TestLiveness::clientNoticesFrozenAgent()
{
    AgentProcess agent;
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    constexpr int deadAfterMs = 1500;
    std::unique_ptr<QProcess> cli(startCli(agent, {QStringLiteral("--heartbeat"), QStringLiteral("300"), QStringLiteral("--dead-after"),
                                                   QString::number(deadAfterMs), QStringLiteral("--reconnect-for"), QStringLiteral("0"),
                                                   QStringLiteral("exec"), QStringLiteral("--"), QStringLiteral("sleep"), QStringLiteral("60")},
                                          nullptr));
    QVERIFY(cli->waitForStarted());
    QVERIFY(!cli->waitForFinished(1000)); // connected and running
    agent.freeze();
    QElapsedTimer clock;
    clock.start();
    QVERIFY(cli->waitForFinished(deadAfterMs + 5000));
    const qint64 detectedMs = clock.elapsed();
    agent.thaw();
    QCOMPARE(cli->exitCode(), 3);
    const QByteArray err = cli->readAllStandardError();
    QVERIFY2(err.contains("did not answer"), err.constData());
    // Detection needs the silence to exceed the limit, but not by much.
    QVERIFY2(detectedMs >= deadAfterMs - 400 && detectedMs <= deadAfterMs + 2000, QByteArray::number(detectedMs).constData());
}

void TestLiveness::agentDropsSilentClient()
{
    AgentProcess agent;
    QVERIFY2(agent.start({QStringLiteral("--heartbeat"), QStringLiteral("300"), QStringLiteral("--dead-after"), QStringLiteral("1500")}),
             qPrintable(agent.errorString()));
    std::unique_ptr<QProcess> cli(startCli(agent, {QStringLiteral("exec"), QStringLiteral("--"), QStringLiteral("sleep"), QStringLiteral("60")}, nullptr));
    QVERIFY(cli->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(agent.output().contains(QStringLiteral("exec")), 5000);
    ::kill(pid_t(cli->processId()), SIGSTOP);
    QTRY_VERIFY_WITH_TIMEOUT(agent.output().contains(QStringLiteral("did not answer")), 5000);
    ::kill(pid_t(cli->processId()), SIGKILL);
    cli->waitForFinished(5000);
}

QTEST_GUILESS_MAIN(TestLiveness)
#include "tst_liveness.moc"
