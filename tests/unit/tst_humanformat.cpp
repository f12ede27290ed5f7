// SPDX-License-Identifier: GPL-3.0-or-later
// Sizes and durations as people type them (--limit-rate, --part-ttl): what parses, to what, and what
// is refused with a message naming the text.
#include "core/humanformat.h"

#include <QTest>

#include <limits>

using namespace ferry;

class TestHumanFormat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseSizeAccepts_data();
    void parseSizeAccepts();
    void parseSizeRefuses_data();
    void parseSizeRefuses();
    void parseDuration_data();
    void parseDuration();
};

void TestHumanFormat::parseSizeAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("plain bytes") << QStringLiteral("100000") << qint64(100000);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
    QTest::newRow("leading zeros") << QStringLiteral("007") << qint64(7);
    QTest::newRow("K") << QStringLiteral("500K") << qint64(500 * 1024);
    QTest::newRow("k lower case") << QStringLiteral("500k") << qint64(500 * 1024);
    QTest::newRow("M") << QStringLiteral("2M") << qint64(2 * 1024 * 1024);
    QTest::newRow("fraction of M") << QStringLiteral("1.5M") << qint64(1536 * 1024);
    QTest::newRow("G") << QStringLiteral("3g") << qint64(3) * 1024 * 1024 * 1024;
    QTest::newRow("fraction drops part of a byte") << QStringLiteral("1.1K") << qint64(1126);
    QTest::newRow("largest plain") << QStringLiteral("9223372036854775807") << std::numeric_limits<qint64>::max();
    QTest::newRow("largest G") << QStringLiteral("8589934591G") << qint64(8589934591) * 1024 * 1024 * 1024;
}

void TestHumanFormat::parseSizeAccepts()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    const Expected<qint64> parsed = parseSize(text);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(*parsed, bytes);
}

void TestHumanFormat::parseSizeRefuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << QStringLiteral("fast");
    QTest::newRow("negative") << QStringLiteral("-1");
    QTest::newRow("negative with unit") << QStringLiteral("-5M");
    QTest::newRow("unit alone") << QStringLiteral("K");
    QTest::newRow("unknown unit") << QStringLiteral("5X");
    QTest::newRow("two units") << QStringLiteral("5KM");
    QTest::newRow("unit spelled out") << QStringLiteral("5MB");
    QTest::newRow("half a byte") << QStringLiteral("1.5");
    QTest::newRow("two points") << QStringLiteral("1.2.3M");
    QTest::newRow("point without digits") << QStringLiteral("1.M");
    QTest::newRow("exponent") << QStringLiteral("1e6");
    QTest::newRow("spaces") << QStringLiteral(" 5M");
    QTest::newRow("inner space") << QStringLiteral("5 M");
    QTest::newRow("non-ASCII digits") << QStringLiteral("\u0665K");
    QTest::newRow("beyond qint64") << QStringLiteral("9223372036854775808");
    QTest::newRow("beyond qint64 with unit") << QStringLiteral("8589934592G");
    QTest::newRow("fraction tips over") << QStringLiteral("8589934591.99999999999999999999G"); // rounds up to a whole G
}

void TestHumanFormat::parseSizeRefuses()
{
    QFETCH(QString, text);
    const Expected<qint64> parsed = parseSize(text);
    QVERIFY2(!parsed, qPrintable(QStringLiteral("parsed as %1").arg(parsed.value_or(0))));
    QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(parsed.error().message.contains(u'\'' + text + u'\''), qPrintable(parsed.error().message));
}

void TestHumanFormat::parseDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds"); // -1: refused
    QTest::newRow("plain seconds") << QStringLiteral("90") << qint64(90);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
    QTest::newRow("s") << QStringLiteral("45s") << qint64(45);
    QTest::newRow("m") << QStringLiteral("30m") << qint64(1800);
    QTest::newRow("h") << QStringLiteral("12h") << qint64(43200);
    QTest::newRow("d") << QStringLiteral("7d") << qint64(604800);
    QTest::newRow("upper case") << QStringLiteral("7D") << qint64(604800);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("words") << QStringLiteral("a week") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-1d") << qint64(-1);
    QTest::newRow("fraction") << QStringLiteral("1.5h") << qint64(-1);
    QTest::newRow("two units") << QStringLiteral("1h30m") << qint64(-1);
    QTest::newRow("weeks") << QStringLiteral("1w") << qint64(-1);
    QTest::newRow("beyond qint64") << QStringLiteral("9223372036854775807d") << qint64(-1);
}

void TestHumanFormat::parseDuration()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    const Expected<qint64> parsed = ferry::parseDuration(text);
    if (seconds < 0) {
        QVERIFY2(!parsed, qPrintable(QStringLiteral("parsed as %1").arg(parsed.value_or(0))));
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(parsed.error().message.contains(u'\'' + text + u'\''), qPrintable(parsed.error().message));
    } else {
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(*parsed, seconds);
    }
}

QTEST_GUILESS_MAIN(TestHumanFormat)
#include "tst_humanformat.moc"
