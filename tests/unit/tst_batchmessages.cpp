// SPDX-License-Identifier: GPL-3.0-or-later
// The lists of a batch of small files, read as hostile input: sizes are
// checked against the batch limits before they are added up, and every
// file's result is 0 or a well-formed [code, message].
#include "core/transfer/batchmessages.h"

#include <QCborArray>
#include <QCborMap>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ferry;
using namespace ferry::transfer;

namespace {

QCborMap download(qint64 size)
{
    return QCborMap{{"size"_L1, size}, {"mode"_L1, 0644}, {"mtime"_L1, 0}};
}

QCborMap upload(const QString &path, qint64 size)
{
    return QCborMap{{"path"_L1, path}, {"size"_L1, size}};
}

} // namespace

class TestBatchMessages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void downloads_data();
    void downloads();
    void uploads_data();
    void uploads();
    void results_data();
    void results();
};

void TestBatchMessages::downloads_data()
{
    QTest::addColumn<QCborValue>("files");
    QTest::addColumn<qsizetype>("count");
    QTest::addColumn<QString>("error");
    const qint64 max = std::numeric_limits<qint64>::max();
    QTest::newRow("two files") << QCborValue(QCborArray{download(3), download(0)}) << qsizetype(2) << QString();
    QTest::newRow("an error and a file")
        << QCborValue(QCborArray{QCborMap{{"error"_L1, QCborArray{1, "x: not found"_L1}}}, download(5)}) << qsizetype(2) << QString();
    QTest::newRow("at the limit") << QCborValue(QCborArray{download(kMaxBatchBytes)}) << qsizetype(1) << QString();
    // Summed without a check, these sizes overflowed a signed integer.
    QTest::newRow("sizes that overflow a sum") << QCborValue(QCborArray{download(max), download(max)}) << qsizetype(2) << u"out of range"_s;
    QTest::newRow("together above the limit")
        << QCborValue(QCborArray{download(kMaxBatchBytes), download(1)}) << qsizetype(2) << u"at most"_s;
    QTest::newRow("negative size") << QCborValue(QCborArray{download(-1)}) << qsizetype(1) << u"out of range"_s;
    QTest::newRow("fewer answers") << QCborValue(QCborArray{download(1)}) << qsizetype(2) << u"answered for 1 files, not 2"_s;
    QTest::newRow("not a list") << QCborValue(7) << qsizetype(0) << u"answered for"_s;
    QTest::newRow("an error that is none")
        << QCborValue(QCborArray{QCborMap{{"error"_L1, 0}}}) << qsizetype(1) << u"error that is none"_s;
    QTest::newRow("a malformed error")
        << QCborValue(QCborArray{QCborMap{{"error"_L1, QCborArray{"x"_L1}}}}) << qsizetype(1) << u"neither 0 nor"_s;
}

void TestBatchMessages::downloads()
{
    QFETCH(QCborValue, files);
    QFETCH(qsizetype, count);
    QFETCH(QString, error);
    const auto read = readBatchDownloads(files, count);
    if (error.isEmpty()) {
        QVERIFY2(read, read ? "" : qPrintable(read.error().message));
        QCOMPARE(read->size(), count);
    } else {
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::Protocol);
        QVERIFY2(read.error().message.contains(error), qPrintable(read.error().message));
    }
}

void TestBatchMessages::uploads_data()
{
    QTest::addColumn<QCborValue>("files");
    QTest::addColumn<QString>("error");
    QTest::newRow("two files") << QCborValue(QCborArray{upload(u"a"_s, 1), upload(u"b/c"_s, 2)}) << QString();
    QTest::newRow("empty") << QCborValue(QCborArray{}) << u"1 to 64 files"_s;
    QCborArray many;
    for (int i = 0; i < 65; ++i)
        many.append(upload(u"f"_s, 1));
    QTest::newRow("too many") << QCborValue(many) << u"1 to 64 files"_s;
    QTest::newRow("one too large") << QCborValue(QCborArray{upload(u"a"_s, kMaxBatchBytes + 1)}) << u"out of range"_s;
    QTest::newRow("together too large")
        << QCborValue(QCborArray{upload(u"a"_s, kMaxBatchBytes), upload(u"b"_s, 1)}) << u"at most"_s;
    QTest::newRow("no path") << QCborValue(QCborArray{QCborMap{{"size"_L1, 1}}}) << u"'path'"_s;
    QTest::newRow("not a map") << QCborValue(QCborArray{1}) << u"'path'"_s;
}

void TestBatchMessages::uploads()
{
    QFETCH(QCborValue, files);
    QFETCH(QString, error);
    const auto read = readBatchUploads(files);
    if (error.isEmpty()) {
        QVERIFY2(read, read ? "" : qPrintable(read.error().message));
    } else {
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::Protocol);
        QVERIFY2(read.error().message.contains(error), qPrintable(read.error().message));
    }
}

void TestBatchMessages::results_data()
{
    QTest::addColumn<QCborValue>("results");
    QTest::addColumn<qsizetype>("count");
    QTest::addColumn<bool>("ok");
    QTest::newRow("success and an error") << QCborValue(QCborArray{0, QCborArray{2, "b: exists"_L1}}) << qsizetype(2) << true;
    // Results used to be taken as success when missing or malformed.
    QTest::newRow("fewer results") << QCborValue(QCborArray{0}) << qsizetype(2) << false;
    QTest::newRow("code out of range") << QCborValue(QCborArray{QCborArray{-5, "x"_L1}}) << qsizetype(1) << false;
    QTest::newRow("code none with a message") << QCborValue(QCborArray{QCborArray{0, "x"_L1}}) << qsizetype(1) << false;
    QTest::newRow("message not text") << QCborValue(QCborArray{QCborArray{1, 2}}) << qsizetype(1) << false;
    QTest::newRow("neither") << QCborValue(QCborArray{"ok"_L1}) << qsizetype(1) << false;
}

void TestBatchMessages::results()
{
    QFETCH(QCborValue, results);
    QFETCH(qsizetype, count);
    QFETCH(bool, ok);
    const auto read = readBatchResults(results, count);
    QCOMPARE(bool(read), ok);
    if (ok) {
        QCOMPARE(read->at(0).code, ErrorCode::None);
        QCOMPARE(read->at(1).code, ErrorCode::Exists);
        QCOMPARE(read->at(1).message, u"b: exists"_s);
    }
}

QTEST_GUILESS_MAIN(TestBatchMessages)
#include "tst_batchmessages.moc"
