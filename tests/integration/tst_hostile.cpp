// SPDX-License-Identifier: GPL-3.0-or-later
// A raw WebSocket client sends the agent malformed and hostile input, before
// and after authenticating. Each time the agent closes that connection with
// a reason, and another client's transfer carries on unharmed.
#include "support/agentprocess.h"
#include "support/rawclient.h"

#include "core/net/auth.h"
#include "core/net/wirecompression.h"
#include "core/protocol/frame.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (char &c : b)
        c = char(rng.bounded(256));
    return b;
}

QByteArray putRequest(qint64 size)
{
    return ferry::protocol::encodeControl(QCborMap{{"t"_L1, "req"_L1}, {"id"_L1, 1}, {"op"_L1, "put"_L1}, {"s"_L1, 1},
                                                   {"path"_L1, "hostile.bin"_L1}, {"size"_L1, size}, {"replace"_L1, true}});
}

} // namespace

class TestHostile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostileInput_data();
    void hostileInput();
    void otherClientUnharmed();

private:
    AgentProcess m_agent;
};

void TestHostile::initTestCase()
{
    QVERIFY2(m_agent.start(), qPrintable(m_agent.errorString()));
}

void TestHostile::hostileInput_data()
{
    QTest::addColumn<bool>("authenticate");
    QTest::addColumn<QStringList>("codecs"); // offered for compression on the wire
    QTest::addColumn<QList<QByteArray>>("messages");
    QTest::addColumn<QString>("expectedReason");

    QByteArray lyingString = QByteArray(1, char(0x01));
    lyingString += QByteArray::fromHex("a1617479ffffffff"); // map{ "t": text of 4 GiB }
    QByteArray truncated = ferry::protocol::encodeControl(QCborMap{{"t"_L1, "auth"_L1}, {"nonce"_L1, QByteArray(32, 'x')}});
    truncated.chop(10);

    QTest::newRow("random bytes before auth") << false << QStringList() << QList<QByteArray>{randomBytes(200, 1)} << u"expected an authentication message"_s;
    QTest::newRow("truncated CBOR before auth") << false << QStringList() << QList<QByteArray>{truncated} << u"expected an authentication message"_s;
    QTest::newRow("lying length field before auth") << false << QStringList() << QList<QByteArray>{lyingString} << u"expected an authentication message"_s;
    QTest::newRow("oversized handshake") << false << QStringList() << QList<QByteArray>{QByteArray(64 * 1024, 'x')} << QString();
    QTest::newRow("request before auth") << false << QStringList() << QList<QByteArray>{putRequest(10)} << u"expected an authentication message"_s;

    QTest::newRow("random bytes") << true << QStringList() << QList<QByteArray>{QByteArray(1, char(0x07)) + randomBytes(500, 2)} << u"unknown frame kind"_s;
    QTest::newRow("truncated CBOR") << true << QStringList() << QList<QByteArray>{truncated} << u"malformed control message"_s;
    QTest::newRow("lying length field") << true << QStringList() << QList<QByteArray>{lyingString} << u"malformed control message"_s;
    QTest::newRow("truncated data header") << true << QStringList() << QList<QByteArray>{QByteArray::fromHex("0200000001")} << u"truncated data frame"_s;
    QTest::newRow("data for unknown stream") << true << QStringList() << QList<QByteArray>{ferry::protocol::encodeData(77, 0, 0, "abc")} << u"unknown stream 77"_s;
    QTest::newRow("unknown message type") << true << QStringList() << QList<QByteArray>{ferry::protocol::encodeControl(QCborMap{{"t"_L1, "frobnicate"_L1}})} << u"unexpected message"_s;
    QTest::newRow("credit with a wrong type") << true << QStringList() << QList<QByteArray>{ferry::protocol::encodeControl(QCborMap{{"t"_L1, "credit"_L1}, {"s"_L1, "x"_L1}})} << u"field 's'"_s;

    // A command that never reads its stdin returns no credit: pushing on
    // regardless overruns the window it granted.
    QList<QByteArray> flood{ferry::protocol::encodeControl(QCborMap{{"t"_L1, "req"_L1}, {"id"_L1, 1}, {"op"_L1, "exec"_L1}, {"s"_L1, 1},
                                                                    {"argv"_L1, QCborArray{u"sleep"_s, u"30"_s}}})};
    for (int i = 0; i < 24; ++i)
        flood.append(ferry::protocol::encodeData(1, 0, quint64(i) * 128 * 1024, QByteArray(128 * 1024, 'z')));
    QTest::newRow("data beyond granted credit") << true << QStringList() << flood << u"flow control violation"_s;

    // Compressed frames: on a connection that agreed on none, that do not
    // decompress, and that unpack to more than a frame may hold.
    using ferry::net::WireCodec;
    const QByteArray text = QByteArray("a line of text that compresses well\n").repeated(2000);
    const auto compressed = [](QByteArrayView payload) {
        return ferry::protocol::encodeData(1, ferry::protocol::kCompressedChannel, 0, payload);
    };
    QTest::newRow("compressed frame, no codec agreed") << true << QStringList()
                                                        << QList<QByteArray>{putRequest(text.size()), compressed(ferry::net::compressChunk(WireCodec::Zstd, text))}
                                                        << u"compressed data frame on a connection without compression"_s;
    QTest::newRow("compressed frame that does not decompress") << true << QStringList{u"zstd"_s}
                                                               << QList<QByteArray>{putRequest(1000), compressed(QByteArray(QByteArray::fromHex("000003e8") + randomBytes(1000, 3)))}
                                                               << u"does not decompress"_s;
    QTest::newRow("gzip frame cut short") << true << QStringList{u"gzip"_s}
                                          << QList<QByteArray>{putRequest(text.size()), compressed(ferry::net::compressChunk(WireCodec::Gzip, text).chopped(20))}
                                          << u"does not decompress"_s;
    const QByteArray bomb = ferry::net::compressChunk(WireCodec::Zstd, QByteArray(64 * 1024 * 1024, '\0'));
    QTest::newRow("compression bomb") << true << QStringList{u"zstd"_s} << QList<QByteArray>{putRequest(1 << 30), compressed(bomb)}
                                      << u"holds more than a frame may"_s;
    // The same bomb claiming 1000 bytes: unpacking stops one byte past that.
    QTest::newRow("compression bomb, lying size") << true << QStringList{u"zstd"_s}
                                                  << QList<QByteArray>{putRequest(1 << 30), compressed(QByteArray(QByteArray::fromHex("000003e8") + bomb.sliced(4)))}
                                                  << u"holds more than it claims"_s;
    QTest::newRow("compressed frame shorter than it claims") << true << QStringList{u"zstd"_s}
                                                             << QList<QByteArray>{putRequest(1 << 20), compressed(QByteArray(QByteArray::fromHex("00020000") + ferry::net::compressChunk(WireCodec::Zstd, text).sliced(4)))}
                                                             << u"does not decompress"_s;
}

void TestHostile::hostileInput()
{
    QFETCH(bool, authenticate);
    QFETCH(QStringList, codecs);
    QFETCH(QList<QByteArray>, messages);
    QFETCH(QString, expectedReason);

    RawClient client(m_agent);
    QVERIFY(client.connect());
    if (authenticate) {
        QVERIFY(client.authenticate(codecs.isEmpty() ? QCborMap{} : QCborMap{{"z"_L1, QCborArray::fromStringList(codecs)}}));
        // The agent takes the first codec offered that it has.
        QCOMPARE(client.welcome.value("z"_L1).toString(), codecs.value(0));
    }
    for (const QByteArray &m : std::as_const(messages))
        client.send(m);
    QString reason;
    QVERIFY2(client.waitForClose(&reason), "the agent kept the connection open");
    if (!expectedReason.isEmpty())
        QVERIFY2(reason.contains(expectedReason), qPrintable(reason));
    // The agent is still alive and serving.
    CliResult ls = runCli(m_agent, {QStringLiteral("ls"), QStringLiteral(":")});
    QCOMPARE(ls.exitCode, 0);
    // Nothing half-written under the final name.
    QVERIFY(!QFileInfo::exists(m_agent.root() + QStringLiteral("/hostile.bin")));
}

void TestHostile::otherClientUnharmed()
{
    const QString local = m_agent.scratch() + QStringLiteral("/innocent.bin");
    QVERIFY(writeRandomFile(local, 256 * 1024 * 1024, 11));
    std::unique_ptr<QProcess> cli(startCli(m_agent, {QStringLiteral("cp"), QStringLiteral("--on-conflict=overwrite"), local, QStringLiteral(":innocent.bin")}, nullptr));
    QVERIFY(cli->waitForStarted());
    // Attack while the transfer runs.
    int attacks = 0;
    for (quint32 round = 0; round < 200 && cli->state() == QProcess::Running; ++round, ++attacks) {
        RawClient attacker(m_agent);
        QVERIFY(attacker.connect());
        attacker.send(randomBytes(300, round));
        QString reason;
        QVERIFY(attacker.waitForClose(&reason));
    }
    QVERIFY2(attacks >= 3, "the transfer finished before the attacks");
    QVERIFY(cli->state() == QProcess::NotRunning || cli->waitForFinished(120000));
    QVERIFY2(cli->exitCode() == 0, cli->readAllStandardError().constData());
    QCOMPARE(fileChecksum(m_agent.root() + QStringLiteral("/innocent.bin")), fileChecksum(local));
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
