// SPDX-License-Identifier: GPL-3.0-or-later
// The frame codec: round trips, and hostile input refused with a reason.
#include "core/protocol/entry.h"
#include "core/protocol/frame.h"
#include "core/protocol/messagereader.h"

#include <QCborArray>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ferry::protocol;

class TestCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void controlRoundTrip();
    void dataRoundTrip_data();
    void dataRoundTrip();
    void rejects_data();
    void rejects();
    void randomInputNeverCrashes();
    void readerValidates();
    void entryRoundTrip();
};

void TestCodec::controlRoundTrip()
{
    const QCborMap message{{"t"_L1, "req"_L1}, {"id"_L1, 42}, {"path"_L1, u"docs/ä.txt"_s}, {"h"_L1, QByteArray(16, '\x01')}};
    auto frame = decode(encodeControl(message));
    QVERIFY(frame);
    QCOMPARE(frame->kind, FrameKind::Control);
    QCOMPARE(frame->control, message);
}

void TestCodec::dataRoundTrip_data()
{
    QTest::addColumn<quint32>("stream");
    QTest::addColumn<quint8>("channel");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<int>("size");
    QTest::newRow("empty payload") << 1u << quint8(0) << quint64(0) << 0;
    QTest::newRow("one byte, stderr") << 7u << quint8(2) << quint64(5) << 1;
    QTest::newRow("max chunk, large offset") << 0xfffffffeu << quint8(1) << (quint64(1) << 40) << int(kMaxChunk);
}

void TestCodec::dataRoundTrip()
{
    QFETCH(quint32, stream);
    QFETCH(quint8, channel);
    QFETCH(quint64, offset);
    QFETCH(int, size);
    QByteArray payload(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        payload[i] = char(i * 31);
    const QByteArray wire = encodeData(stream, channel, offset, payload);
    QCOMPARE(wire.size(), kDataHeaderSize + size);
    auto frame = decode(wire);
    QVERIFY(frame);
    QCOMPARE(frame->kind, FrameKind::Data);
    QCOMPARE(frame->data.stream, stream);
    QCOMPARE(frame->data.channel, channel);
    QCOMPARE(frame->data.offset, offset);
    QCOMPARE(frame->data.payload, payload);
}

void TestCodec::rejects_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<qsizetype>("limit");
    QTest::addColumn<QString>("reason");
    QByteArray truncatedCbor = encodeControl(QCborMap{{"t"_L1, "ping"_L1}, {"n"_L1, 5}});
    truncatedCbor.chop(2);
    QTest::newRow("empty") << QByteArray() << kMaxMessage << u"empty"_s;
    QTest::newRow("unknown kind") << QByteArray("\x09hello") << kMaxMessage << u"unknown frame kind"_s;
    QTest::newRow("short data header") << QByteArray("\x02\x00\x00", 3) << kMaxMessage << u"truncated data frame"_s;
    QTest::newRow("payload above chunk limit") << encodeData(1, 0, 0, QByteArray(kMaxChunk + 1, 'x')) << kMaxMessage << u"payload exceeds"_s;
    QTest::newRow("offset near overflow") << encodeData(1, 0, ~quint64(0) - 5, "ab") << kMaxMessage << u"offset out of range"_s;
    QTest::newRow("message above limit") << encodeControl(QCborMap{{"t"_L1, QString(2000, u'x')}}) << qsizetype(1024) << u"exceeds the limit"_s;
    QTest::newRow("truncated CBOR") << truncatedCbor << kMaxMessage << u"malformed control message"_s;
    QTest::newRow("string length lies") << QByteArray::fromHex("01a1617479ffffffff") << kMaxMessage << u"malformed control message"_s;
    QTest::newRow("array length lies") << QByteArray::fromHex("019bffffffffffffffff") << kMaxMessage << u"malformed control message"_s;
    QTest::newRow("not a map") << (QByteArray(1, '\x01') + QCborValue(QCborArray{1, 2}).toCbor()) << kMaxMessage << u"not a map"_s;
    QTest::newRow("map without type") << encodeControl(QCborMap{{"x"_L1, 1}}) << kMaxMessage << u"without a type"_s;
    QTest::newRow("type not a string") << encodeControl(QCborMap{{"t"_L1, 3}}) << kMaxMessage << u"without a type"_s;
}

void TestCodec::rejects()
{
    QFETCH(QByteArray, wire);
    QFETCH(qsizetype, limit);
    QFETCH(QString, reason);
    auto frame = decode(wire, limit);
    QVERIFY(!frame);
    QCOMPARE(frame.error().code, ferry::ErrorCode::Protocol);
    QVERIFY2(frame.error().message.contains(reason), qPrintable(frame.error().message));
}

void TestCodec::randomInputNeverCrashes()
{
    QRandomGenerator rng(1234);
    int rejected = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray wire(int(rng.bounded(1, 300)), Qt::Uninitialized);
        for (char &c : wire)
            c = char(rng.bounded(256));
        wire[0] = char(rng.bounded(1, 3)); // mostly valid kinds, so the parsers run
        if (!decode(wire, 4096))
            ++rejected;
    }
    QVERIFY(rejected > 0);
}

void TestCodec::readerValidates()
{
    const QCborMap m{{"t"_L1, "req"_L1}, {"id"_L1, 5}, {"path"_L1, "a"_L1}, {"neg"_L1, -1}, {"flag"_L1, true}};
    MessageReader ok(m);
    QCOMPARE(ok.integer("id"_L1), 5);
    QCOMPARE(ok.string("path"_L1), u"a"_s);
    QCOMPARE(ok.optionalBool("flag"_L1), true);
    QCOMPARE(ok.optionalInteger("missing"_L1, 9), 9);
    QVERIFY(ok.ok());

    MessageReader range(m);
    range.integer("neg"_L1);
    QVERIFY(!range.ok());
    QVERIFY(range.error().contains(u"out of range"_s));

    MessageReader type(m);
    type.string("id"_L1);
    QVERIFY(!type.ok());
    QVERIFY(type.error().contains(u"'id'"_s));

    MessageReader bytes(QCborMap{{"t"_L1, "x"_L1}, {"h"_L1, QByteArray(40, 'a')}});
    bytes.bytes("h"_L1, 16);
    QVERIFY(!bytes.ok());
}

void TestCodec::entryRoundTrip()
{
    Entry e;
    e.name = u"link"_s;
    e.type = Entry::Type::Symlink;
    e.size = 7;
    e.mode = 0777;
    e.mtimeNs = 1700000000123456789LL;
    e.linkTarget = u"../target"_s;
    auto back = Entry::fromCbor(e.toCbor());
    QVERIFY(back);
    QCOMPARE(back->name, e.name);
    QCOMPARE(back->type, e.type);
    QCOMPARE(back->mtimeNs, e.mtimeNs);
    QCOMPARE(back->linkTarget, e.linkTarget);
    QVERIFY(!Entry::fromCbor(QCborMap{{"n"_L1, "x"_L1}, {"k"_L1, 9}}));
}

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
