// SPDX-License-Identifier: GPL-3.0-or-later
// File names as bytes: decoding keeps every byte, the escaped form tells
// any two names apart and reads back, and names travel on the wire as text
// or as bytes.
#include "core/pathcodec.h"
#include "core/protocol/entry.h"
#include "core/protocol/wirepath.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ferry;
using namespace Qt::Literals::StringLiterals;

class TestPathCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bytes_data();
    void bytes();
    void randomBytesRoundTrip();
    void lookAlikesStayApart();
    void unescapeAccepts_data();
    void unescapeAccepts();
    void unescapeRefuses_data();
    void unescapeRefuses();
    void wireForm();
    void entryWithByteName();
};

void TestPathCodec::bytes_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("text");
    QTest::newRow("ascii") << "report.txt"_ba << u"report.txt"_s << true;
    QTest::newRow("empty") << QByteArray() << QString() << true;
    QTest::newRow("valid two-byte UTF-8 untouched") << "caf\xc3\xa9.txt"_ba << u"café.txt"_s << true;
    QTest::newRow("valid three-byte UTF-8 untouched") << "\xe2\x82\xac"_ba << u"€"_s << true;
    QTest::newRow("valid four-byte UTF-8 untouched") << "\xf0\x9f\x98\x80"_ba << QString::fromUcs4(U"\U0001F600") << true;
    QTest::newRow("real U+FFFD stays a character") << "caf\xef\xbf\xbd.txt"_ba << u"caf\uFFFD.txt"_s << true;
    QTest::newRow("Latin-1 byte") << "caf\xe9.txt"_ba << u"caf\\xE9.txt"_s << false;
    QTest::newRow("invalid byte before valid UTF-8") << "\xe9\xc3\xa9"_ba << u"\\xE9é"_s << false;
    QTest::newRow("backslash") << "a\\b"_ba << u"a\\\\b"_s << true;
    QTest::newRow("text that looks like an escape") << "caf\\xE9.txt"_ba << u"caf\\\\xE9.txt"_s << true;
    QTest::newRow("overlong two-byte slash") << "\xc0\xaf"_ba << u"\\xC0\\xAF"_s << false;
    QTest::newRow("overlong three-byte slash") << "\xe0\x80\xaf"_ba << u"\\xE0\\x80\\xAF"_s << false;
    QTest::newRow("overlong four-byte") << "\xf0\x80\x80\xaf"_ba << u"\\xF0\\x80\\x80\\xAF"_s << false;
    QTest::newRow("high surrogate in UTF-8") << "\xed\xa0\x80"_ba << u"\\xED\\xA0\\x80"_s << false;
    QTest::newRow("low surrogate in UTF-8 (the escape range)") << "\xed\xb3\xa9"_ba << u"\\xED\\xB3\\xA9"_s << false;
    QTest::newRow("above U+10FFFF") << "\xf4\x90\x80\x80"_ba << u"\\xF4\\x90\\x80\\x80"_s << false;
    QTest::newRow("F5 lead byte") << "\xf5\x80\x80\x80"_ba << u"\\xF5\\x80\\x80\\x80"_s << false;
    QTest::newRow("truncated sequence") << "x\xe2\x82"_ba << u"x\\xE2\\x82"_s << false;
    QTest::newRow("stray continuation byte") << "\x80"_ba << u"\\x80"_s << false;
    QTest::newRow("every high byte") << "\xfe\xff"_ba << u"\\xFE\\xFF"_s << false;
    QTest::newRow("newline") << "a\nb"_ba << u"a\\x0Ab"_s << true;
    QTest::newRow("escape character") << "\x1b[31m"_ba << u"\\x1B[31m"_s << true;
    QTest::newRow("DEL") << "\x7f"_ba << u"\\x7F"_s << true;
    QTest::newRow("C1 control") << "\xc2\x85"_ba << u"\\xC2\\x85"_s << true;
}

void TestPathCodec::bytes()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, shown);
    QFETCH(bool, text);
    const QString name = pathcodec::fromBytes(raw);
    QCOMPARE(pathcodec::toBytes(name), raw);
    QCOMPARE(pathcodec::isText(name), text);
    QCOMPARE(pathcodec::escaped(name), shown);
    const Expected<QString> back = pathcodec::unescaped(shown);
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(pathcodec::toBytes(*back), raw);
    if (text)
        QCOMPARE(name, QString::fromUtf8(raw));
}

void TestPathCodec::randomBytesRoundTrip()
{
    // Weighted toward the bytes that matter: high bytes, lead bytes of
    // long sequences, backslashes, 'x' and hex digits after them.
    static const char kAlphabet[] = "\\x9Aa/.\x80\xbf\xc0\xc3\xa9\xe0\xed\xef\xf0\xf4\xf5\xff\x01\n";
    QRandomGenerator random(20261205);
    for (int round = 0; round < 5000; ++round) {
        QByteArray raw;
        const int length = int(random.bounded(24));
        for (int i = 0; i < length; ++i) {
            raw.append(random.bounded(3) == 0 ? char(random.bounded(1, 256))
                                              : kAlphabet[random.bounded(int(sizeof kAlphabet) - 1)]);
        }
        const QString name = pathcodec::fromBytes(raw);
        QCOMPARE(pathcodec::toBytes(name), raw);
        const Expected<QString> back = pathcodec::unescaped(pathcodec::escaped(name));
        QVERIFY2(back, raw.toHex().constData());
        QCOMPARE(*back, name);
        QCOMPARE(pathcodec::isText(name), QUtf8StringView(raw).isValidUtf8());
    }
}

void TestPathCodec::lookAlikesStayApart()
{
    // Decoded the usual way, both would be "caf\uFFFD.txt".
    const QString latin1 = pathcodec::fromBytes("caf\xe9.txt");
    const QString replacement = pathcodec::fromBytes("caf\xef\xbf\xbd.txt");
    const QString literal = pathcodec::fromBytes("caf\\xE9.txt");
    QCOMPARE(QString::fromUtf8("caf\xe9.txt"), replacement);
    QVERIFY(latin1 != replacement);
    const QStringList shown{pathcodec::escaped(latin1), pathcodec::escaped(replacement), pathcodec::escaped(literal)};
    QCOMPARE(QSet<QString>(shown.cbegin(), shown.cend()).size(), 3);
}

void TestPathCodec::unescapeAccepts_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("raw");
    QTest::newRow("lower-case hex") << u"caf\\xe9.txt"_s << "caf\xe9.txt"_ba;
    QTest::newRow("bytes of valid UTF-8 are that character") << u"caf\\xC3\\xA9"_s << "caf\xc3\xa9"_ba;
    QTest::newRow("typed character") << u"café"_s << "caf\xc3\xa9"_ba;
    QTest::newRow("backslash pair") << u"\\\\"_s << "\\"_ba;
    QTest::newRow("escape at the end") << u"a\\x41"_s << "aA"_ba;
    QTest::newRow("undecodable byte given raw") << pathcodec::fromBytes("caf\xe9") << "caf\xe9"_ba;
    QTest::newRow("nothing") << QString() << QByteArray();
}

void TestPathCodec::unescapeAccepts()
{
    QFETCH(QString, typed);
    QFETCH(QByteArray, raw);
    const Expected<QString> name = pathcodec::unescaped(typed);
    QVERIFY2(name, qPrintable(name ? QString() : name.error().message));
    QCOMPARE(pathcodec::toBytes(*name), raw);
    QCOMPARE(*name, pathcodec::fromBytes(raw));
}

void TestPathCodec::unescapeRefuses_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("unknown escape") << u"a\\b"_s;
    QTest::newRow("lone backslash at the end") << u"a\\"_s;
    QTest::newRow("\\x without digits") << u"a\\x"_s;
    QTest::newRow("one hex digit") << u"a\\x4"_s;
    QTest::newRow("not hex") << u"a\\xZ1"_s;
    QTest::newRow("C-style \\n") << u"a\\n"_s;
}

void TestPathCodec::unescapeRefuses()
{
    QFETCH(QString, typed);
    const Expected<QString> name = pathcodec::unescaped(typed);
    QVERIFY(!name);
    QCOMPARE(name.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(name.error().message.contains(typed), qPrintable(name.error().message));
}

void TestPathCodec::wireForm()
{
    const QString text = u"docs/café.txt"_s;
    QVERIFY(protocol::pathValue(text).isString());
    QCOMPARE(protocol::pathFrom(protocol::pathValue(text)), text);

    const QByteArray raw = "docs/caf\xe9.txt";
    const QString name = pathcodec::fromBytes(raw);
    const QCborValue value = protocol::pathValue(name);
    QVERIFY(value.isByteArray());
    QCOMPARE(value.toByteArray(), raw);
    QCOMPARE(protocol::pathFrom(value), name);
    // A byte string that happens to be UTF-8 reads as the same name as text.
    QCOMPARE(protocol::pathFrom(QCborValue("caf\xc3\xa9"_ba)), u"café"_s);
    QVERIFY(!protocol::pathFrom(QCborValue(42)));
    // A peer that reads text only gets what it always got.
    const QCborValue legacy = protocol::pathValue(name, false);
    QVERIFY(legacy.isString());
    QCOMPARE(legacy.toString(), u"docs/caf\uFFFD.txt"_s);

    const QCborArray list = protocol::pathArray({text, name});
    QVERIFY(list.at(0).isString());
    QVERIFY(list.at(1).isByteArray());
}

void TestPathCodec::entryWithByteName()
{
    protocol::Entry e;
    e.name = pathcodec::fromBytes("caf\xe9.txt");
    e.type = protocol::Entry::Type::Symlink;
    e.linkTarget = pathcodec::fromBytes("../\xff");
    const QCborMap map = e.toCbor();
    QVERIFY(map.value("n"_L1).isByteArray());
    QVERIFY(map.value("l"_L1).isByteArray());
    const Expected<protocol::Entry> back = protocol::Entry::fromCbor(map);
    QVERIFY(back);
    QCOMPARE(back->name, e.name);
    QCOMPARE(back->linkTarget, e.linkTarget);
    QVERIFY(e.toCbor(false).value("n"_L1).isString());
}

QTEST_GUILESS_MAIN(TestPathCodec)
#include "tst_pathcodec.moc"
