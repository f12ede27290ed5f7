// SPDX-License-Identifier: GPL-3.0-or-later
// One agent process serves hundreds of clients, and when they vanish it
// gives back every descriptor and ends every command they started.
#include "support/agentprocess.h"
#include "support/rawclient.h"

#include "core/protocol/frame.h"

#include <QCborArray>
#include <QCborMap>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

int openDescriptors(qint64 pid)
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size());
}

QList<qint64> childrenOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    QList<qint64> children;
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &id : file.readAll().simplified().split(' '))
            if (!id.isEmpty())
                children.append(id.toLongLong());
    }
    return children;
}

} // namespace

class TestScale final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hundredsOfClientsLeaveNoTrace();
    void clientLimit();
};

void TestScale::hundredsOfClientsLeaveNoTrace()
{
    AgentProcess agent;
    QVERIFY2(agent.start({QStringLiteral("--max-clients"), QStringLiteral("400"), QStringLiteral("--log-level"), QStringLiteral("warning")}),
             qPrintable(agent.errorString()));
    QVERIFY(writeRandomFile(agent.root() + QStringLiteral("/shared.bin"), 4 * 1024 * 1024));
    // Let the agent settle (lazy descriptors such as the event loop's).
    RawClient warmup(agent);
    QVERIFY(warmup.connect() && warmup.authenticate());
    warmup.abort();
    QTest::qWait(300);
    const int baseline = openDescriptors(agent.pid());

    constexpr int clients = 200;
    std::vector<std::unique_ptr<RawClient>> sessions;
    for (int i = 0; i < clients; ++i) {
        auto client = std::make_unique<RawClient>(agent);
        QVERIFY2(client->connect(), qPrintable(QStringLiteral("client %1 could not connect").arg(i)));
        QVERIFY(client->authenticate());
        // Every client holds something: a running command, an upload's part
        // file, or a download's open file.
        QCborMap request{{"t"_L1, "req"_L1}, {"id"_L1, 1}, {"s"_L1, 1}};
        switch (i % 3) {
        case 0:
            request.insert("op"_L1, "exec"_L1);
            request.insert("argv"_L1, QCborArray{u"sleep"_s, u"60"_s});
            break;
        case 1:
            request.insert("op"_L1, "put"_L1);
            request.insert("path"_L1, QStringLiteral("up-%1.bin").arg(i));
            request.insert("size"_L1, 1000000);
            break;
        default:
            request.insert("op"_L1, "get"_L1);
            request.insert("path"_L1, "shared.bin"_L1);
            break;
        }
        client->send(ferry::protocol::encodeControl(request));
        sessions.push_back(std::move(client));
    }
    for (auto &client : sessions)
        QVERIFY(client->waitForMessages(3));
    QVERIFY(openDescriptors(agent.pid()) > baseline + clients);
    QTRY_COMPARE_WITH_TIMEOUT(childrenOf(agent.pid()).size(), qsizetype(clients / 3 + 1), 10000);

    // They all vanish without a goodbye.
    for (auto &client : sessions)
        client->abort();
    sessions.clear();
    QTRY_COMPARE_WITH_TIMEOUT(openDescriptors(agent.pid()), baseline, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(childrenOf(agent.pid()).size(), qsizetype(0), 10000);

    // And the agent still serves.
    CliResult ls = runCli(agent, {QStringLiteral("ls"), QStringLiteral(":")});
    QCOMPARE(ls.exitCode, 0);
}

void TestScale::clientLimit()
{
    AgentProcess agent;
    QVERIFY2(agent.start({QStringLiteral("--max-clients"), QStringLiteral("2")}), qPrintable(agent.errorString()));
    RawClient first(agent), second(agent);
    QVERIFY(first.connect() && first.authenticate());
    QVERIFY(second.connect() && second.authenticate());
    CliResult third = runCli(agent, {QStringLiteral("ls"), QStringLiteral(":")});
    QCOMPARE(third.exitCode, 3);
    QVERIFY2(third.err.contains("too many clients"), third.err.constData());
    // A place frees up when a client leaves.
    first.abort();
    QTRY_COMPARE_WITH_TIMEOUT(runCli(agent, {QStringLiteral("ls"), QStringLiteral(":")}).exitCode, 0, 5000);
}

QTEST_GUILESS_MAIN(TestScale)
#include "tst_scale.moc"
