// SPDX-License-Identifier: GPL-3.0-or-later
// Strangers at the door of a listening agent: connections that never say
// anything, never finish their HTTP request or never prove the token, in
// numbers and from many addresses, and guesses at the token. Legitimate
// clients keep getting in, and the agent stays within its budgets.
#include "support/agentprocess.h"
#include "support/boundclient.h"
#include "support/rawclient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

int openDescriptors(qint64 pid)
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size());
}

QHostAddress stranger(int n)
{
    return QHostAddress(QStringLiteral("127.0.0.%1").arg(2 + n));
}

QByteArray tokenOf(const AgentProcess &agent)
{
    QFile file(agent.tokenFile());
    return file.open(QIODevice::ReadOnly) ? file.readLine().trimmed() : QByteArray();
}

int countLines(const QString &text, const QString &needle, const QString &also)
{
    int n = 0;
    for (const QString &line : text.split(u'\n'))
        n += line.contains(needle) && line.contains(also) ? 1 : 0;
    return n;
}

/// Strangers that keep the way in full: sockets bound to stranger
/// addresses that connect and then say nothing (idle) or send half an HTTP
/// request (half-open), each opened again as soon as the agent closes it.
/// Runs on the test's event loop.
class Flood final : public QObject
{
public:
    Flood(quint16 port, int sockets, int addresses)
        : m_port(port)
    {
        for (int i = 0; i < sockets; ++i)
            open(stranger(i % addresses), i % 2 == 1);
    }
    int opened() const { return m_opened; }
    int closedByAgent() const { return m_closed; }
    void stop()
    {
        m_stopping = true;
        for (QTcpSocket *socket : findChildren<QTcpSocket *>())
            socket->abort();
    }

private:
    void open(const QHostAddress &from, bool halfOpen)
    {
        auto *socket = new QTcpSocket(this);
        socket->bind(from, 0);
        ++m_opened;
        connect(socket, &QTcpSocket::connected, socket, [socket, halfOpen] {
            if (halfOpen)
                socket->write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket, from, halfOpen] {
            socket->deleteLater();
            if (m_stopping)
                return;
            ++m_closed;
            open(from, halfOpen);
        });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, socket, from, halfOpen](QAbstractSocket::SocketError) {
            if (socket->state() != QAbstractSocket::UnconnectedState || m_stopping)
                return;
            // Refused before it was connected: try again a little later.
            socket->deleteLater();
            QTimer::singleShot(20, this, [this, from, halfOpen] {
                if (!m_stopping)
                    open(from, halfOpen);
            });
        });
        socket->connectToHost(QHostAddress::LocalHost, m_port);
    }

    quint16 m_port;
    int m_opened = 0;
    int m_closed = 0;
    bool m_stopping = false;
};

struct Finished {
    int exitCode = -1;
    QByteArray err;
};

/// Runs every command at once as its own ferry-cli, with the event loop
/// running (a flood may live on it), and returns how each ended.
QList<Finished> runCliTogether(const AgentProcess &agent, const QList<QStringList> &commands, int timeoutMs = 120000)
{
    QObject owner;
    QList<QProcess *> processes;
    for (const QStringList &args : commands)
        processes.append(startCli(agent, args, &owner));
    QDeadlineTimer deadline(timeoutMs);
    auto running = [&] {
        return std::any_of(processes.cbegin(), processes.cend(), [](const QProcess *p) { return p->state() != QProcess::NotRunning; });
    };
    while (running() && !deadline.hasExpired())
        QTest::qWait(50);
    QList<Finished> results;
    for (QProcess *process : std::as_const(processes)) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
            results.append(Finished{-1, "did not finish in time"});
            continue;
        }
        results.append(Finished{process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1, process->readAllStandardError()});
    }
    return results;
}

QString failuresOf(const QList<Finished> &results)
{
    QStringList failed;
    for (const Finished &f : results) {
        if (f.exitCode != 0)
            failed.append(QStringLiteral("%1: %2").arg(f.exitCode).arg(QString::fromUtf8(f.err.trimmed())));
    }
    return QStringLiteral("%1 of %2 failed: %3").arg(failed.size()).arg(results.size()).arg(failed.mid(0, 3).join(u"; "_s));
}

} // namespace

class TestAdmission final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStageHasADeadline();
    void floodLeavesRoomForClients();
    void manyClientsFromOneAddress();
    void clientsGetInThroughAFloodThatKeepsComing();
    void guessesAreThrottledThenTurnedAway();
};

void TestAdmission::everyStageHasADeadline()
{
    AgentProcess agent;
    QVERIFY2(agent.start({u"--handshake-timeout"_s, u"1500"_s, u"--max-pending-per-address"_s, u"64"_s}), qPrintable(agent.errorString()));
    std::vector<std::unique_ptr<BoundClient>> silent, unfinished, unproven;
    for (int i = 0; i < 20; ++i) {
        silent.push_back(std::make_unique<BoundClient>(stranger(0)));
        QVERIFY(silent.back()->connectTo(agent.port()));
        unfinished.push_back(std::make_unique<BoundClient>(stranger(0)));
        QVERIFY(unfinished.back()->connectTo(agent.port()));
        unfinished.back()->sendPartialRequest();
        unproven.push_back(std::make_unique<BoundClient>(stranger(0)));
        QVERIFY(unproven.back()->connectTo(agent.port()));
        QVERIFY(unproven.back()->upgrade());
    }
    // None of them is left open past the deadline, whatever its stage.
    for (const auto *group : {&silent, &unfinished, &unproven}) {
        for (const auto &client : *group)
            QVERIFY(client->waitForClosed(8000));
    }
    // And the agent still serves.
    QCOMPARE(runCli(agent, {u"ls"_s, u":"_s}).exitCode, 0);
}

void TestAdmission::floodLeavesRoomForClients()
{
    // Three places for clients; strangers from eight addresses open far
    // more connections than the budget for the way in, and never prove
    // anything. The places stay free for those with the token.
    AgentProcess agent;
    QVERIFY2(agent.start({u"--max-clients"_s, u"3"_s, u"--handshake-timeout"_s, u"4000"_s}), qPrintable(agent.errorString()));
    QCOMPARE(runCli(agent, {u"ls"_s, u":"_s}).exitCode, 0);
    QTest::qWait(200);
    const int baseline = openDescriptors(agent.pid());

    std::vector<std::unique_ptr<BoundClient>> flood;
    for (int round = 0; round < 50; ++round) {
        for (int a = 0; a < 8; ++a) {
            auto client = std::make_unique<BoundClient>(stranger(a));
            if (client->connectTo(agent.port(), 1000))
                flood.push_back(std::move(client));
        }
    }
    QTest::qWait(300);
    // The agent holds no more of them than its budget (256 by default)...
    int open = 0;
    for (const auto &client : flood)
        open += client->waitForClosed(1) ? 0 : 1;
    QVERIFY2(open <= 256, qPrintable(QStringLiteral("%1 of %2 still open").arg(open).arg(flood.size())));
    QVERIFY2(openDescriptors(agent.pid()) <= baseline + 256 + 8,
             qPrintable(QStringLiteral("%1 descriptors, %2 before").arg(openDescriptors(agent.pid())).arg(baseline)));

    // ...and clients with the token get in, up to the limit of clients.
    RawClient first(agent), second(agent);
    QVERIFY(first.connect() && first.authenticate());
    QVERIFY(second.connect() && second.authenticate());
    for (int i = 0; i < 3; ++i) {
        const CliResult ls = runCli(agent, {u"ls"_s, u":"_s});
        QVERIFY2(ls.exitCode == 0, ls.err.constData());
    }
    // The limit counts clients, not strangers: a fourth is one too many.
    RawClient third(agent);
    QVERIFY(third.connect() && third.authenticate());
    const CliResult fourth = runCli(agent, {u"ls"_s, u":"_s});
    QCOMPARE(fourth.exitCode, 3);
    QVERIFY2(fourth.err.contains("too many clients"), fourth.err.constData());
}

void TestAdmission::manyClientsFromOneAddress()
{
    // Clients behind one address (a NAT, a reverse proxy, one busy host)
    // come in far greater numbers than an address's share and than the
    // whole budget: those the agent has no place for try again, and all
    // get served.
    AgentProcess agent;
    QVERIFY2(agent.start({u"--max-pending"_s, u"6"_s, u"--max-pending-per-address"_s, u"2"_s}), qPrintable(agent.errorString()));
    QList<QStringList> commands;
    for (int i = 0; i < 24; ++i)
        commands.append({u"ls"_s, u":"_s});
    const QList<Finished> results = runCliTogether(agent, commands);
    QVERIFY2(std::all_of(results.cbegin(), results.cend(), [](const Finished &f) { return f.exitCode == 0; }), qPrintable(failuresOf(results)));
}

void TestAdmission::clientsGetInThroughAFloodThatKeepsComing()
{
    // Strangers from eight addresses keep every place on the way in taken,
    // each connection opened again the moment the agent closes it, while
    // more clients with the token than an address's share come at once.
    AgentProcess agent;
    QVERIFY2(agent.start({u"--max-pending"_s, u"32"_s, u"--max-pending-per-address"_s, u"4"_s}), qPrintable(agent.errorString()));
    QVERIFY(QDir(agent.root()).mkpath(u"in"_s));
    QFile payload(agent.scratch() + u"/payload.bin"_s);
    QVERIFY(payload.open(QIODevice::WriteOnly));
    payload.write(QByteArray(256 * 1024, 'p'));
    payload.close();
    QTest::qWait(200);
    const int baseline = openDescriptors(agent.pid());

    Flood flood(agent.port(), 200, 8);
    QTest::qWait(1500);
    QVERIFY2(openDescriptors(agent.pid()) <= baseline + 32 + 4,
             qPrintable(QStringLiteral("%1 descriptors, %2 before").arg(openDescriptors(agent.pid())).arg(baseline)));
    QList<QStringList> commands;
    for (int i = 0; i < 12; ++i) {
        commands.append({u"ls"_s, u":"_s});
        commands.append({u"cp"_s, payload.fileName(), u":in/copy%1.bin"_s.arg(i)});
    }
    const QList<Finished> results = runCliTogether(agent, commands);
    const int closed = flood.closedByAgent();
    flood.stop();
    QVERIFY2(std::all_of(results.cbegin(), results.cend(), [](const Finished &f) { return f.exitCode == 0; }), qPrintable(failuresOf(results)));
    for (int i = 0; i < 12; ++i)
        QCOMPARE(QFileInfo(agent.root() + u"/in/copy%1.bin"_s.arg(i)).size(), 256 * 1024);
    // The flood was held at the budget and kept being turned away.
    QVERIFY2(closed > 200, qPrintable(QStringLiteral("the agent closed %1 of the flood's connections").arg(closed)));
    QTRY_VERIFY_WITH_TIMEOUT(openDescriptors(agent.pid()) <= baseline + 2, 15000);
}

void TestAdmission::guessesAreThrottledThenTurnedAway()
{
    AgentProcess agent;
    QVERIFY2(agent.start({u"--max-pending-per-address"_s, u"64"_s}), qPrintable(agent.errorString()));
    const QByteArray wrong = "0123456789abcdef0123456789abcdef0123456789abcdef";
    // Twenty-five guesses at once from one address.
    std::vector<std::unique_ptr<BoundClient>> guesses;
    for (int i = 0; i < 25; ++i) {
        auto client = std::make_unique<BoundClient>(stranger(1));
        QVERIFY(client->connectTo(agent.port()));
        QVERIFY(client->upgrade());
        guesses.push_back(std::move(client));
    }
    QElapsedTimer clock;
    clock.start();
    for (auto &client : guesses)
        QVERIFY(client->sendProof(wrong));
    // They are answered one after another, not all at once: the first few
    // right away, then one per turn.
    QList<qint64> answered;
    for (auto &client : guesses) {
        QVERIFY(client->waitForClosed(20000));
        answered.append(clock.elapsed());
    }
    std::sort(answered.begin(), answered.end());
    QVERIFY2(answered.at(19) >= 3000, qPrintable(QStringLiteral("the 20th guess was answered after %1 ms").arg(answered.at(19))));

    // The address is turned away now, even with the right token...
    BoundClient banned(stranger(1));
    if (banned.connectTo(agent.port())) {
        if (banned.upgrade(2000) && banned.sendProof(tokenOf(agent), 2000))
            QVERIFY(banned.readMessage(3000).isEmpty() || banned.waitForClosed(3000));
        QVERIFY(banned.waitForClosed(3000));
        QVERIFY(!banned.isOpen());
    }
    // ...while others are not.
    BoundClient other(stranger(2));
    QVERIFY(other.connectTo(agent.port()));
    QVERIFY(other.upgrade());
    QVERIFY(other.sendProof(tokenOf(agent)));
    const QByteArray welcome = other.readMessage();
    QVERIFY2(welcome.contains("welcome"), welcome.toHex().constData());
    QCOMPARE(runCli(agent, {u"ls"_s, u":"_s}).exitCode, 0);

    // One line for the burst's first failure and one for the ban, not one
    // per guess.
    const QString address = stranger(1).toString();
    QTRY_VERIFY_WITH_TIMEOUT(countLines(agent.output(), address, u"turned away for"_s) >= 1, 5000);
    const QString log = agent.output();
    QVERIFY2(countLines(log, address, u"wrong token"_s) == 1, qPrintable(log));
    QVERIFY2(countLines(log, address, u"turned away for"_s) == 1, qPrintable(log));
}

QTEST_GUILESS_MAIN(TestAdmission)
#include "tst_admission.moc"
