// SPDX-License-Identifier: GPL-3.0-or-later
// Dead peers are noticed within the dead-after limit, in both directions.
#include "core/error.h"
#include "core/protocol/frame.h"
#include "core/transfer/streammessages.h"
#include "support/agentprocess.h"
#include "support/rawclient.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Sparse: reading it costs time, not disk space.
constexpr qint64 kHugeFile = qint64(256) << 30;

bool makeSparse(const QString &path, qint64 size)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.resize(size);
}

QCborMap request(qint64 id, const QString &op, QCborMap args)
{
    args.insert("t"_L1, "req"_L1);
    args.insert("id"_L1, id);
    args.insert("op"_L1, op);
    return args;
}

/// The control messages the agent sent to @p client, decoded.
QList<QCborMap> controlMessages(const RawClient &client)
{
    QList<QCborMap> messages;
    for (const QByteArray &raw : client.received) {
        auto frame = ferry::protocol::decode(raw);
        if (frame && frame->kind == ferry::protocol::FrameKind::Control)
            messages.append(frame->control);
    }
    return messages;
}

/// User and system CPU time of process @p pid, in clock ticks.
qint64 cpuTicks(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // After the command name in parentheses, utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 12 ? fields.at(11).toLongLong() + fields.at(12).toLongLong() : -1;
}

} // namespace

class TestLiveness final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientNoticesFrozenAgent();
    void agentDropsSilentClient();
    void wholeFileWorkOffTheEventLoop_data();
    void wholeFileWorkOffTheEventLoop();
    void unreachableAgentsToldApart_data();
    void unreachableAgentsToldApart();
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
    // Connected and running (slow to start in the sanitized build).
    QTRY_VERIFY_WITH_TIMEOUT(agent.output().contains(QStringLiteral("exec")), 20000);
    QCOMPARE(cli->state(), QProcess::Running);
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
    QTRY_VERIFY_WITH_TIMEOUT(agent.output().contains(QStringLiteral("exec")), 20000);
    ::kill(pid_t(cli->processId()), SIGSTOP);
    QTRY_VERIFY_WITH_TIMEOUT(agent.output().contains(QStringLiteral("did not answer")), 5000);
    ::kill(pid_t(cli->processId()), SIGKILL);
    cli->waitForFinished(5000);
}

void TestLiveness::wholeFileWorkOffTheEventLoop_data()
{
    QTest::addColumn<QString>("op");
    QTest::newRow("hash") << u"hash"_s;
    QTest::newRow("resumed upload's part file") << u"put"_s;
    QTest::newRow("resumed download's prefix") << u"get"_s;
}

// Reading a huge file (a hash, the prefix check of a resumed transfer) runs
// on a worker thread: every other client is served and keeps its heartbeat
// meanwhile, and the work stops when it is cancelled.
void TestLiveness::wholeFileWorkOffTheEventLoop()
{
    QFETCH(QString, op);
    AgentProcess agent;
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    RawClient client(agent);
    QVERIFY(client.connect());
    QVERIFY(client.authenticate());
    const qsizetype greeting = client.received.size();

    if (op == "hash"_L1) {
        QVERIFY(makeSparse(agent.root() + u"/huge.bin"_s, kHugeFile));
        client.send(ferry::protocol::encodeControl(request(1, op, {{"path"_L1, "huge.bin"_L1}, {"progress"_L1, true}})));
    } else if (op == "put"_L1) {
        QVERIFY(makeSparse(agent.root() + u"/.huge.bin.ferry-part"_s, kHugeFile));
        client.send(ferry::protocol::encodeControl(
            request(1, op, {{"s"_L1, 1}, {"path"_L1, "huge.bin"_L1}, {"size"_L1, 2 * kHugeFile}, {"resume"_L1, true}, {"replace"_L1, true}})));
    } else {
        QVERIFY(makeSparse(agent.root() + u"/huge.bin"_s, kHugeFile));
        client.send(ferry::protocol::encodeControl(
            request(1, op, {{"s"_L1, 1}, {"path"_L1, "huge.bin"_L1}, {"offset"_L1, kHugeFile - 1}, {"prefix"_L1, QByteArray(16, '\0')}})));
    }
    // The agent is busy with it once its CPU time grows.
    const qint64 before = cpuTicks(agent.pid());
    QTRY_VERIFY_WITH_TIMEOUT(cpuTicks(agent.pid()) > before + 20, 10000);

    // Another client, whose heartbeat would miss a frozen agent, gets its
    // command run and its listing while the work goes on.
    const QStringList impatient{u"--heartbeat"_s, u"500"_s, u"--dead-after"_s, u"3000"_s, u"--reconnect-for"_s, u"0"_s};
    const CliResult slow = runCli(agent, impatient + QStringList{u"exec"_s, u"--"_s, u"sleep"_s, u"4"_s}, {}, 30000);
    QVERIFY2(slow.exitCode == 0, slow.err.constData());
    const CliResult ls = runCli(agent, impatient + QStringList{u"ls"_s, u":"_s}, {}, 20000);
    QVERIFY2(ls.exitCode == 0, ls.err.constData());
    QVERIFY2(ls.out.contains("huge.bin"), ls.out.constData());

    const auto finalReply = [&] {
        for (const QCborMap &m : controlMessages(client))
            if (m.value("t"_L1).toString() == "res"_L1 && m.value("id"_L1).toInteger() == 1 && !m.value("more"_L1).toBool())
                return m;
        return QCborMap();
    };
    QVERIFY2(finalReply().isEmpty(), "the work ended before the other client was served");
    if (op == "hash"_L1) {
        // Progress comes while it runs.
        const auto progressed = [&] {
            for (const QCborMap &m : controlMessages(client))
                if (m.value("id"_L1).toInteger() == 1 && m.value("done"_L1).toInteger() > 0)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(progressed(), 10000);
        QVERIFY2(finalReply().isEmpty(), "the hash ended before it was cancelled");
        client.send(ferry::protocol::encodeControl(request(2, u"cancel"_s, {{"target"_L1, 1}})));
        QTRY_VERIFY_WITH_TIMEOUT(!finalReply().isEmpty(), 10000);
        QCOMPARE(finalReply().value("code"_L1).toInteger(), qint64(ferry::ErrorCode::Cancelled));
    } else {
        client.send(ferry::protocol::encodeControl(ferry::transfer::abortMessage(1, ferry::Error{ferry::ErrorCode::Cancelled, u"cancelled"_s})));
    }
    // Cancelled: the agent goes quiet again.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const qint64 start = cpuTicks(agent.pid());
            QTest::qWait(500);
            return cpuTicks(agent.pid()) - start < 10;
        }(),
        10000);
    QVERIFY(client.received.size() > greeting);
    // A resumed upload's part file is kept for a later attempt.
    if (op == "put"_L1)
        QCOMPARE(QFileInfo(agent.root() + u"/.huge.bin.ferry-part"_s).size(), kHugeFile);
}

void TestLiveness::unreachableAgentsToldApart_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("said");
    // A port just given back: nothing listens there.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    QTest::newRow("refused") << QStringLiteral("ws://127.0.0.1:%1").arg(port) << QStringLiteral("nothing listens there (connection refused)");
    QTest::newRow("no such host") << QStringLiteral("ws://no-such-host.invalid:7707") << QStringLiteral("no such host");
}

void TestLiveness::unreachableAgentsToldApart()
{
    QFETCH(QString, url);
    QFETCH(QString, said);
    AgentProcess agent; // for its token file only
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    const CliResult r = runCli(agent, {QStringLiteral("--url"), url, QStringLiteral("--reconnect-for"), QStringLiteral("0"), QStringLiteral("ls"), QStringLiteral(":")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(said.toUtf8()), r.err.constData());
    // Never "the agent closed the connection": it was never reached.
    QVERIFY2(!r.err.contains("closed the connection"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestLiveness)
#include "tst_liveness.moc"
