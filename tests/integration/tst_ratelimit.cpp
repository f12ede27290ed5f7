// SPDX-License-Identifier: GPL-3.0-or-later
// Bandwidth limits through the real agent: ferry-cli --limit-rate holds
// uploads and downloads to the rate (a lower bound on the time taken) and
// the files arrive intact; the agent answers malformed "limit" requests
// with an error and keeps the connection; a session re-applies its limits
// after reconnecting.
#include "support/agentprocess.h"
#include "support/rawclient.h"

#include "core/client/session.h"
#include "core/error.h"
#include "core/net/auth.h"
#include "core/protocol/frame.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamWriter>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTest>

#include <functional>
#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

/// A "limit" request whose rate is whatever @p writeRate puts in the map
/// (nothing at all when it writes nothing).
QByteArray limitRequest(qint64 id, const std::function<void(QCborStreamWriter &)> &writeRate)
{
    QByteArray cbor;
    QCborStreamWriter writer(&cbor);
    writer.startMap();
    writer.append("t"_L1);
    writer.append("req"_L1);
    writer.append("id"_L1);
    writer.append(id);
    writer.append("op"_L1);
    writer.append("limit"_L1);
    writeRate(writer);
    writer.endMap();
    return QByteArray(1, char(ferry::protocol::FrameKind::Control)) + cbor;
}

/// Waits for the reply to request @p id among what @p client received.
std::optional<QCborMap> waitForReply(RawClient &client, qint64 id)
{
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        for (const QByteArray &message : std::as_const(client.received)) {
            auto frame = ferry::protocol::decode(message);
            if (frame && frame->kind == ferry::protocol::FrameKind::Control && frame->control.value("t"_L1).toString() == "res"_L1
                && frame->control.value("id"_L1).toInteger() == id)
                return frame->control;
        }
        QTest::qWait(10);
    }
    return std::nullopt;
}

} // namespace

class TestRateLimit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cliLimitsBothDirections_data();
    void cliLimitsBothDirections();
    void cliRefusesBadRate_data();
    void cliRefusesBadRate();
    void agentRefusesMalformedLimit_data();
    void agentRefusesMalformedLimit();
    void sessionReappliesAfterReconnect();

private:
    AgentProcess m_agent;
};

void TestRateLimit::initTestCase()
{
    QVERIFY2(m_agent.start(), qPrintable(m_agent.errorString()));
}

void TestRateLimit::cliLimitsBothDirections_data()
{
    QTest::addColumn<bool>("upload");
    QTest::newRow("upload") << true;
    QTest::newRow("download") << false;
}

void TestRateLimit::cliLimitsBothDirections()
{
    QFETCH(bool, upload);
    constexpr qint64 size = 2 * 1024 * 1024;
    const QString name = upload ? u"up.bin"_s : u"down.bin"_s;
    const QString local = m_agent.scratch() + u'/' + name;
    const QString remote = m_agent.root() + u'/' + name;
    QVERIFY(writeRandomFile(upload ? local : remote, size, upload ? 21 : 22));

    QElapsedTimer clock;
    clock.start();
    const QStringList copy = upload ? QStringList{local, u":"_s + name} : QStringList{u":"_s + name, local};
    const CliResult cp = runCli(m_agent, QStringList{u"--quiet"_s, u"--limit-rate"_s, u"1M"_s, u"cp"_s} + copy);
    const qint64 ms = clock.elapsed();
    QVERIFY2(cp.exitCode == 0, cp.err.constData());
    qInfo("2 MiB at 1 MiB/s took %lld ms", ms);
    QCOMPARE(fileChecksum(remote), fileChecksum(local));
    // 2 MiB at 1 MiB/s, less the bucket it starts with and the frame that
    // may overdraw it (a tenth of a second each): at least 1.8 s. Only the
    // lower bound is a behaviour; how much longer it takes is the machine's.
    QVERIFY2(ms >= 1500, qPrintable(u"took only %1 ms"_s.arg(ms)));
}

void TestRateLimit::cliRefusesBadRate_data()
{
    QTest::addColumn<QString>("rate");
    QTest::newRow("garbage") << u"fast"_s;
    QTest::newRow("negative") << u"-1M"_s;
    QTest::newRow("unknown unit") << u"5X"_s;
    QTest::newRow("half a byte") << u"0.5"_s;
    QTest::newRow("above the highest limit") << u"1025G"_s;
}

void TestRateLimit::cliRefusesBadRate()
{
    QFETCH(QString, rate);
    const CliResult ls = runCli(m_agent, {u"--limit-rate"_s, rate, u"ls"_s, u":"_s});
    QCOMPARE(ls.exitCode, 2);
    QVERIFY2(ls.err.contains("--limit-rate") && ls.err.contains(rate.toUtf8()), ls.err.constData());
}

void TestRateLimit::agentRefusesMalformedLimit_data()
{
    using Writer = std::function<void(QCborStreamWriter &)>;
    const auto rate = [](Writer value) -> Writer {
        return [value](QCborStreamWriter &w) {
            w.append("rate"_L1);
            value(w);
        };
    };
    QTest::addColumn<Writer>("writeRate");
    QTest::newRow("missing") << Writer([](QCborStreamWriter &) {});
    QTest::newRow("negative") << rate([](QCborStreamWriter &w) { w.append(qint64(-1)); });
    QTest::newRow("above 1 TiB/s") << rate([](QCborStreamWriter &w) { w.append(ferry::protocol::kMaxRateLimit + 1); });
    QTest::newRow("largest qint64") << rate([](QCborStreamWriter &w) { w.append(std::numeric_limits<qint64>::max()); });
    QTest::newRow("largest CBOR unsigned") << rate([](QCborStreamWriter &w) { w.append(std::numeric_limits<quint64>::max()); });
    QTest::newRow("most negative CBOR integer") << rate([](QCborStreamWriter &w) { w.append(QCborNegativeInteger(std::numeric_limits<quint64>::max())); });
    QTest::newRow("fraction") << rate([](QCborStreamWriter &w) { w.append(1.5e6); });
    QTest::newRow("infinity") << rate([](QCborStreamWriter &w) { w.append(std::numeric_limits<double>::infinity()); });
    QTest::newRow("text") << rate([](QCborStreamWriter &w) { w.append("1M"_L1); });
    QTest::newRow("array") << rate([](QCborStreamWriter &w) {
        w.startArray(1);
        w.append(qint64(1024));
        w.endArray();
    });
    QTest::newRow("null") << rate([](QCborStreamWriter &w) { w.append(nullptr); });
}

void TestRateLimit::agentRefusesMalformedLimit()
{
    QFETCH(std::function<void(QCborStreamWriter &)>, writeRate);
    RawClient client(m_agent);
    QVERIFY(client.connect());
    QVERIFY(client.authenticate());
    client.send(limitRequest(1, writeRate));
    const auto refused = waitForReply(client, 1);
    QVERIFY2(refused, "no reply to a malformed limit");
    QCOMPARE(refused->value("ok"_L1).toBool(true), false);
    QCOMPARE(refused->value("code"_L1).toInteger(), qint64(ferry::ErrorCode::Protocol));
    QVERIFY2(refused->value("msg"_L1).toString().contains(u"'rate'"_s), qPrintable(refused->value("msg"_L1).toString()));
    // The connection survived and still takes a well-formed limit.
    client.send(limitRequest(2, [](QCborStreamWriter &w) {
        w.append("rate"_L1);
        w.append(qint64(4096));
    }));
    const auto accepted = waitForReply(client, 2);
    QVERIFY2(accepted, "the connection did not survive");
    QCOMPARE(accepted->value("ok"_L1).toBool(), true);
    QCOMPARE(accepted->value("rate"_L1).toInteger(), 4096);
}

void TestRateLimit::sessionReappliesAfterReconnect()
{
    AgentProcess agent;
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    auto token = ferry::net::auth::loadToken(agent.tokenFile(), false);
    QVERIFY(token);
    ferry::client::SessionOptions options;
    options.url = QUrl(agent.url());
    options.token = *token;
    options.uploadRateLimit = 512 * 1024;
    options.downloadRateLimit = 1024 * 1024;
    ferry::client::Session session(options);
    session.open();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ferry::client::Session::State::Connected, 10000);
    QCOMPARE(session.connection()->rateLimit(), 512 * 1024);
    QTRY_COMPARE_WITH_TIMEOUT(agent.output().count(u"rate limit 1048576 bytes/s"_s), 1, 5000);

    // A fresh agent knows nothing of the old connection's limit.
    QVERIFY(agent.restart());
    QTRY_VERIFY_WITH_TIMEOUT(session.reconnects() == 1 && session.state() == ferry::client::Session::State::Connected, 15000);
    QCOMPARE(session.connection()->rateLimit(), 512 * 1024);
    QTRY_COMPARE_WITH_TIMEOUT(agent.output().count(u"rate limit 1048576 bytes/s"_s), 2, 5000);

    // Changed while connected: both directions follow at once.
    session.setRateLimit(0, 256 * 1024);
    QCOMPARE(session.connection()->rateLimit(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(agent.output().count(u"rate limit 262144 bytes/s"_s), 1, 5000);
    QCOMPARE(session.options().downloadRateLimit, 256 * 1024);
}

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"
