// SPDX-License-Identifier: GPL-3.0-or-later
// Messages over a byte stream: both framings round trip whatever the
// pieces the stream is cut into, and hostile input is an error before
// anything is buffered for it.
#include "core/net/streamframing.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ferry;
using namespace ferry::net;

namespace {

QList<QByteArray> messages()
{
    QList<QByteArray> list{QByteArray(1, '\0'), QByteArray("\n\r\n"), QByteArray(300, '\xff')};
    QRandomGenerator random(7);
    for (const qsizetype size : {qsizetype(2), qsizetype(255), qsizetype(4096), qsizetype(128 * 1024 + 3)}) {
        QByteArray bytes(size, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        list.append(bytes);
    }
    return list;
}

QList<QByteArray> decodeAll(StreamFraming framing, const QByteArray &stream, qsizetype piece, QString *error)
{
    StreamDecoder decoder(framing, 1024 * 1024);
    QList<QByteArray> out;
    for (qsizetype at = 0; at < stream.size(); at += piece) {
        decoder.append(stream.mid(at, piece));
        for (;;) {
            auto next = decoder.next();
            if (!next) {
                *error = next.error().message;
                return out;
            }
            if (!*next)
                break;
            out.append(**next);
        }
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(ferry::net::StreamFraming)

class TestStreamFraming final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void textSurvivesCarriageReturns();
    void textIsPrintable();
    void hostile_data();
    void hostile();
    void textLimitIsExact_data();
    void textLimitIsExact();
    void names();
};

void TestStreamFraming::roundTrip_data()
{
    QTest::addColumn<StreamFraming>("framing");
    QTest::addColumn<qsizetype>("piece");
    for (const auto &[name, framing] : {std::pair{"binary", StreamFraming::Binary}, std::pair{"text", StreamFraming::Text}})
        for (const qsizetype piece : {qsizetype(1), qsizetype(3), qsizetype(4093), qsizetype(65536), qsizetype(1 << 22)})
            QTest::addRow("%s, pieces of %lld", name, qlonglong(piece)) << framing << piece;
}

void TestStreamFraming::roundTrip()
{
    QFETCH(StreamFraming, framing);
    QFETCH(qsizetype, piece);
    const QList<QByteArray> sent = messages();
    QByteArray stream;
    for (const QByteArray &m : sent)
        stream += encodeStreamMessage(framing, m);
    QString error;
    QCOMPARE(decodeAll(framing, stream, piece, &error), sent);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestStreamFraming::textSurvivesCarriageReturns()
{
    // A terminal that turns LF into CR LF, and empty lines in between.
    QByteArray stream = encodeStreamMessage(StreamFraming::Text, "hello");
    stream.replace("\n", "\r\n");
    stream = "\n\r\n" + stream + "\n";
    QString error;
    QCOMPARE(decodeAll(StreamFraming::Text, stream, 2, &error), QList<QByteArray>{"hello"});
}

void TestStreamFraming::textIsPrintable()
{
    const QByteArray line = encodeStreamMessage(StreamFraming::Text, messages().last());
    for (qsizetype i = 0; i + 1 < line.size(); ++i)
        QVERIFY2(line.at(i) > 0x20 && line.at(i) < 0x7f, "a byte a terminal could mangle");
    QCOMPARE(line.back(), '\n');
}

void TestStreamFraming::hostile_data()
{
    QTest::addColumn<StreamFraming>("framing");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QString>("error");
    QTest::newRow("zero length") << StreamFraming::Binary << QByteArray("\0\0\0\0", 4) << QStringLiteral("outside the limits");
    QTest::newRow("length beyond the limit") << StreamFraming::Binary << QByteArray("\x7f\xff\xff\xff", 4) << QStringLiteral("outside the limits");
    QTest::newRow("not base64") << StreamFraming::Text << QByteArray("hello world!\n") << QStringLiteral("not base64");
    QTest::newRow("replacement characters") << StreamFraming::Text << QByteArray("QUJD\xef\xbf\xbd\n") << QStringLiteral("not base64");
    QTest::newRow("endless line") << StreamFraming::Text << QByteArray(2 * 1024 * 1024, 'A') << QStringLiteral("longer than");
}

void TestStreamFraming::hostile()
{
    QFETCH(StreamFraming, framing);
    QFETCH(QByteArray, stream);
    QFETCH(QString, error);
    QString got;
    decodeAll(framing, stream, 65536, &got);
    QVERIFY2(got.contains(error), qPrintable(got));
}

void TestStreamFraming::textLimitIsExact_data()
{
    QTest::addColumn<qsizetype>("limit");
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<bool>("accepted");
    // Base64 lines come in steps of three bytes: the longest line the
    // limit lets through may hold up to two bytes more than the limit.
    QTest::newRow("at the limit") << qsizetype(1024) << qsizetype(1024) << true;
    QTest::newRow("one above, same line length") << qsizetype(1024) << qsizetype(1025) << false;
    QTest::newRow("two above, same line length") << qsizetype(1024) << qsizetype(1026) << false;
    QTest::newRow("one above, limit a multiple of three") << qsizetype(1023) << qsizetype(1024) << false;
    QTest::newRow("one below") << qsizetype(1025) << qsizetype(1024) << true;
}

void TestStreamFraming::textLimitIsExact()
{
    QFETCH(qsizetype, limit);
    QFETCH(qsizetype, size);
    QFETCH(bool, accepted);
    StreamDecoder decoder(StreamFraming::Text, limit);
    decoder.append(encodeStreamMessage(StreamFraming::Text, QByteArray(size, 'x')));
    auto next = decoder.next();
    if (accepted) {
        QVERIFY(next && *next);
        QCOMPARE((*next)->size(), size);
    } else {
        QVERIFY(!next);
        QVERIFY2(next.error().message.contains(u"above the limit"), qPrintable(next.error().message));
    }
}

void TestStreamFraming::names()
{
    QCOMPARE(framingFromName(framingName(StreamFraming::Binary)), StreamFraming::Binary);
    QCOMPARE(framingFromName(framingName(StreamFraming::Text)), StreamFraming::Text);
    QVERIFY(!framingFromName("ascii"));
}

QTEST_GUILESS_MAIN(TestStreamFraming)
#include "tst_streamframing.moc"
