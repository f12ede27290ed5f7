// SPDX-License-Identifier: GPL-3.0-or-later
// Compression on the wire, one frame at a time: round trips through both
// codecs, frames that lie about their size, the per-file choice, how large a
// frame may grow and how one that did not shrink after all is cut.
#include "core/net/wirecompression.h"
#include "core/protocol/frame.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ferry;
using namespace ferry::net;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray text(qsizetype size)
{
    QByteArray out;
    QRandomGenerator rng(7);
    while (out.size() < size)
        out += "GET /api/items/" + QByteArray::number(rng.bounded(5000)) + " 200 user=alice took " + QByteArray::number(rng.bounded(300)) + "ms\n";
    out.truncate(size);
    return out;
}

QByteArray noise(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    QRandomGenerator rng(9);
    for (char &c : out)
        c = char(rng.bounded(256));
    return out;
}

QByteArray dataFrame(quint64 offset, const QByteArray &payload)
{
    return protocol::encodeData(5, 0, offset, payload);
}

} // namespace

class TestWireCompression final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void framesThatLie();
    void autoGivesUpOnNoise();
    void onKeepsTrying();
    void framesGrowWithTheRatio();
    void largeFrameThatDidNotShrinkIsCut();
    void namesAndModes();
};

void TestWireCompression::roundTrip_data()
{
    QTest::addColumn<int>("codec");
    QTest::addColumn<QByteArray>("data");
    for (WireCodec codec : {WireCodec::Zstd, WireCodec::Gzip}) {
        const QString name = codecName(codec);
        QTest::addRow("%s text", qPrintable(name)) << int(codec) << text(200000);
        QTest::addRow("%s noise", qPrintable(name)) << int(codec) << noise(70000);
        QTest::addRow("%s one byte", qPrintable(name)) << int(codec) << QByteArray("x");
    }
}

void TestWireCompression::roundTrip()
{
    QFETCH(int, codec);
    QFETCH(QByteArray, data);
    const QByteArray packed = compressChunk(WireCodec(codec), data);
    QVERIFY(!packed.isEmpty());
    const auto back = decompressChunk(WireCodec(codec), packed, protocol::kMaxUnpackedChunk);
    QVERIFY2(back.has_value(), back ? "" : qPrintable(back.error().message));
    QCOMPARE(*back, data);
}

void TestWireCompression::framesThatLie()
{
    const QByteArray packed = compressChunk(WireCodec::Zstd, text(100000));
    // Claims more than a frame may hold: refused unread.
    QByteArray tooBig = packed;
    tooBig[0] = char(0x7f);
    QVERIFY(!decompressChunk(WireCodec::Zstd, tooBig, protocol::kMaxUnpackedChunk));
    // Claims less than it holds, or more: both refused.
    QByteArray less = packed;
    less[1] = 0, less[2] = 0, less[3] = char(100);
    QVERIFY(decompressChunk(WireCodec::Zstd, less, protocol::kMaxUnpackedChunk).error().message.contains(u"more than it claims"_s));
    QByteArray more = packed;
    more[1] = char(0x0f);
    QVERIFY(decompressChunk(WireCodec::Zstd, more, protocol::kMaxUnpackedChunk).error().message.contains(u"does not decompress"_s));
    // Cut short, garbage, too short for its size field, the wrong codec.
    QVERIFY(!decompressChunk(WireCodec::Zstd, packed.chopped(10), protocol::kMaxUnpackedChunk));
    QVERIFY(!decompressChunk(WireCodec::Zstd, QByteArray(packed.first(4) + noise(500)), protocol::kMaxUnpackedChunk));
    QVERIFY(!decompressChunk(WireCodec::Zstd, "ab", protocol::kMaxUnpackedChunk));
    QVERIFY(!decompressChunk(WireCodec::Gzip, packed, protocol::kMaxUnpackedChunk));
}

void TestWireCompression::autoGivesUpOnNoise()
{
    CompressionChooser chooser(WireCodec::Zstd, CompressionMode::Auto);
    QVERIFY(chooser.active());
    bool compressed = true;
    chooser.encode(noise(128 * 1024), &compressed);
    QVERIFY(!compressed);
    QVERIFY(chooser.active()); // one sample is not enough
    chooser.encode(noise(128 * 1024), &compressed);
    QVERIFY(!chooser.active()); // the rest of the file goes as it is
    QCOMPARE(chooser.frameLimit(128 * 1024), qint64(128 * 1024));

    CompressionChooser textChooser(WireCodec::Zstd, CompressionMode::Auto);
    for (int i = 0; i < 5; ++i) {
        textChooser.encode(text(128 * 1024), &compressed);
        QVERIFY(compressed);
    }
    QVERIFY(textChooser.active());
    // Off offers nothing.
    QVERIFY(!CompressionChooser(WireCodec::Zstd, CompressionMode::Off).active());
    QVERIFY(!CompressionChooser(WireCodec::None, CompressionMode::On).active());
}

void TestWireCompression::onKeepsTrying()
{
    CompressionChooser chooser(WireCodec::Gzip, CompressionMode::On);
    bool compressed = true;
    for (int i = 0; i < 4; ++i)
        chooser.encode(noise(64 * 1024), &compressed);
    QVERIFY(chooser.active());
    QVERIFY(!compressed); // larger compressed: sent as it is
    chooser.encode(text(64 * 1024), &compressed);
    QVERIFY(compressed);
    // Small payloads are not worth it.
    chooser.encode(text(300), &compressed);
    QVERIFY(!compressed);
}

void TestWireCompression::framesGrowWithTheRatio()
{
    CompressionChooser chooser(WireCodec::Zstd, CompressionMode::Auto);
    const qint64 chunk = 128 * 1024;
    bool compressed = false;
    const QByteArray sample = text(chunk);
    const QByteArray packed = chooser.encode(sample, &compressed);
    QVERIFY(compressed);
    const qint64 limit = chooser.frameLimit(chunk);
    // About one chunk on the wire at that ratio, never past the maximum.
    QVERIFY2(limit > 2 * chunk, qPrintable(QString::number(limit)));
    QVERIFY(limit <= protocol::kMaxUnpackedChunk);
    QVERIFY(qAbs(double(limit) - double(chunk) * double(sample.size()) / double(packed.size())) <= 1.0 || limit == protocol::kMaxUnpackedChunk);
    // After a frame that did not shrink: back to the chunk.
    chooser.encode(noise(chunk), &compressed);
    QCOMPARE(chooser.frameLimit(chunk), chunk);
}

void TestWireCompression::largeFrameThatDidNotShrinkIsCut()
{
    CompressionChooser chooser(WireCodec::Zstd, CompressionMode::On);
    const QByteArray payload = noise(protocol::kMaxUnpackedChunk);
    const quint64 offset = 1000000;
    QByteArray frame = dataFrame(offset, payload);
    const QList<QByteArray> rest = chooser.apply(frame);
    QCOMPARE(rest.size(), 3);
    QByteArray joined;
    quint64 expected = offset;
    for (const QByteArray &piece : QList<QByteArray>{frame} + rest) {
        auto decoded = protocol::decode(piece);
        QVERIFY2(decoded.has_value(), "a piece does not decode as a frame");
        QCOMPARE(decoded->data.stream, quint32(5));
        QCOMPARE(decoded->data.channel, quint8(0)); // not compressed
        QCOMPARE(decoded->data.offset, expected);
        QVERIFY(decoded->data.payload.size() <= protocol::kMaxChunk);
        expected += quint64(decoded->data.payload.size());
        joined += decoded->data.payload;
    }
    QCOMPARE(joined, payload);

    // A large frame that shrinks goes whole, compressed.
    QByteArray textFrame = dataFrame(0, text(protocol::kMaxUnpackedChunk));
    QVERIFY(chooser.apply(textFrame).isEmpty());
    auto decoded = protocol::decode(textFrame);
    QVERIFY(decoded.has_value());
    QVERIFY(decoded->data.channel & protocol::kCompressedChannel);
}

void TestWireCompression::namesAndModes()
{
    QCOMPARE(codecFromName(u"zstd"_s), WireCodec::Zstd);
    QCOMPARE(codecFromName(u"gzip"_s), WireCodec::Gzip);
    QVERIFY(!codecFromName(u"lz4"_s));
    QCOMPARE(offeredCodecs(), (QStringList{u"zstd"_s, u"gzip"_s}));
    for (CompressionMode mode : {CompressionMode::Auto, CompressionMode::On, CompressionMode::Off})
        QCOMPARE(compressionModeFromString(compressionModeName(mode)), mode);
    QVERIFY(!compressionModeFromString(u"sometimes"_s));
}

QTEST_GUILESS_MAIN(TestWireCompression)
#include "tst_wirecompression.moc"
