// SPDX-License-Identifier: GPL-3.0-or-later
// Compression on the wire, through ferry-cli and a real agent: a tree with
// empty files, files on both sides of the batch threshold, symlinks and
// awkward names goes up and comes back identical in every mode; text crosses
// the wire in a fraction of its size both ways, random bytes as they are;
// resumed uploads continue at the right byte; the agent's --codecs is obeyed.
// Compressed frames that lie are in it-hostile.
#include "support/agentprocess.h"

#include "core/client/batchjobs.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Something like a server log: repetitive words around varying numbers
/// (compresses about five to one, much like real logs and CSV).
QByteArray textLike(qsizetype size, quint32 seed)
{
    static const char *const words[] = {"GET", "POST", "/api/v1/items", "/static/app.js", "200", "304", "404", "user=alice",
                                        "user=bob", "took", "ms", "cache", "hit", "miss", "WARN", "INFO"};
    QRandomGenerator rng(seed);
    QByteArray text;
    text.reserve(size + 128);
    while (text.size() < size) {
        text += "2026-12-06T" + QByteArray::number(10 + rng.bounded(14)) + ':' + QByteArray::number(10 + rng.bounded(50)) + ' ';
        for (int i = 0; i < 6; ++i)
            text += QByteArray(words[rng.bounded(16)]) + ' ';
        text += QByteArray::number(rng.bounded(100000)) + '\n';
    }
    text.truncate(size);
    return text;
}

bool put(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QJsonObject stats(const QString &path)
{
    return QJsonDocument::fromJson(contentOf(path)).object();
}

QString why(const CliResult &r)
{
    return QString::fromUtf8(r.err);
}

} // namespace

class TestCompression final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTrips_data();
    void roundTrips();
    void textShrinksBothWays();
    void randomBytesGoAsTheyAre_data();
    void randomBytesGoAsTheyAre();
    void resumeCountsBytesBeforeCompression();
    void agentCodecsObeyed_data();
    void agentCodecsObeyed();

private:
    CliResult cli(const QStringList &args) { return runCli(*m_agent, args); }
    void makeTree(const QString &root);

    std::unique_ptr<AgentProcess> m_agent;
    QString m_scratch;
};

void TestCompression::init()
{
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    m_scratch = m_agent->scratch();
    QVERIFY(QDir().mkpath(m_scratch));
}

void TestCompression::cleanup()
{
    m_agent.reset();
}

void TestCompression::makeTree(const QString &root)
{
    const qint64 small = ferry::client::kSmallFile; // largest file that joins a batch
    QVERIFY(put(root + u"/empty.txt"_s, {}));
    QVERIFY(put(root + u"/empty dir/.keep"_s, {}));
    QVERIFY(put(root + u"/with space.txt"_s, textLike(3000, 1)));
    QVERIFY(put(root + u"/grüße/ünïcode.csv"_s, textLike(40 * 1024, 2)));
    QVERIFY(put(root + u"/new\nline.txt"_s, textLike(2000, 3)));
    QVERIFY(put(root + u"/tiny.txt"_s, textLike(300, 4)));
    QVERIFY(put(root + u"/threshold/below.log"_s, textLike(small - 1, 5)));
    QVERIFY(put(root + u"/threshold/at.log"_s, textLike(small, 6)));
    QVERIFY(put(root + u"/threshold/above.log"_s, textLike(small + 1, 7)));
    QVERIFY(put(root + u"/big/server.log"_s, textLike(3 * 1024 * 1024 + 7, 8)));
    QVERIFY(writeRandomFile(root + u"/big/random.bin"_s, 1024 * 1024, 9));
    for (int i = 0; i < 40; ++i)
        QVERIFY(put(root + u"/many/part-%1.csv"_s.arg(i), textLike(1000 + 97 * i, 100 + i)));
    QVERIFY(QDir().mkpath(root + u"/empty"_s));
    QCOMPARE(::symlink("big/server.log", QFile::encodeName(root + u"/link"_s).constData()), 0);
    QCOMPARE(::symlink("nowhere", QFile::encodeName(root + u"/dangling"_s).constData()), 0);
    QVERIFY(QFile::setPermissions(root + u"/threshold/at.log"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

void TestCompression::roundTrips_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("codec");       // what the stats name
    QTest::addColumn<bool>("shrinks");        // whether the wire carries less than the files
    QTest::newRow("auto") << u"auto"_s << u"zstd"_s << true;
    QTest::newRow("on") << u"on"_s << u"zstd"_s << true;
    QTest::newRow("off") << u"off"_s << u"none"_s << false;
}

void TestCompression::roundTrips()
{
    QFETCH(QString, mode);
    QFETCH(QString, codec);
    QFETCH(bool, shrinks);

    const QString source = m_scratch + u"/tree"_s;
    makeTree(source);
    const QString upStats = m_scratch + u"/up.json"_s;
    const CliResult up = cli({u"--quiet"_s, u"--compress="_s + mode, u"--stats"_s, upStats, u"cp"_s, u"-r"_s, source, u":"_s});
    QVERIFY2(up.exitCode == 0, qPrintable(why(up)));
    QString difference;
    QVERIFY2(treeMatches(source, m_agent->root() + u"/tree"_s, &difference), qPrintable(difference));

    const QString back = m_scratch + u"/back"_s;
    QVERIFY(QDir().mkpath(back));
    const QString downStats = m_scratch + u"/down.json"_s;
    const CliResult down = cli({u"--quiet"_s, u"--compress="_s + mode, u"--stats"_s, downStats, u"cp"_s, u"-r"_s, u":tree"_s, back});
    QVERIFY2(down.exitCode == 0, qPrintable(why(down)));
    QVERIFY2(treeMatches(source, back + u"/tree"_s, &difference), qPrintable(difference));

    for (const QString &path : {upStats, downStats}) {
        const QJsonObject s = stats(path);
        QCOMPARE(s.value("compression"_L1).toString(), codec);
        const double file = s.value("file_bytes"_L1).toDouble();
        const double wire = s.value("wire_bytes"_L1).toDouble();
        QVERIFY2(file > 4.0 * 1024 * 1024, qPrintable(u"file_bytes %1"_s.arg(file)));
        // The tree is four fifths text: compressed, well under two thirds
        // of it crosses; uncompressed, all of it and the frames around it.
        if (shrinks)
            QVERIFY2(wire < file * 0.6, qPrintable(u"%1: wire %2 of file %3"_s.arg(path).arg(wire).arg(file)));
        else
            QVERIFY2(wire > file, qPrintable(u"%1: wire %2 of file %3"_s.arg(path).arg(wire).arg(file)));
    }
}

void TestCompression::textShrinksBothWays()
{
    const QByteArray text = textLike(16 * 1024 * 1024, 42);
    QVERIFY(put(m_scratch + u"/app.log"_s, text));
    const QString upStats = m_scratch + u"/up.json"_s;
    const CliResult up = cli({u"--quiet"_s, u"--stats"_s, upStats, u"cp"_s, m_scratch + u"/app.log"_s, u":"_s});
    QVERIFY2(up.exitCode == 0, qPrintable(why(up)));
    QCOMPARE(contentOf(m_agent->root() + u"/app.log"_s), text);
    const QString downStats = m_scratch + u"/down.json"_s;
    const CliResult down = cli({u"--quiet"_s, u"--stats"_s, downStats, u"cp"_s, u":app.log"_s, m_scratch + u"/again.log"_s});
    QVERIFY2(down.exitCode == 0, qPrintable(why(down)));
    QCOMPARE(contentOf(m_scratch + u"/again.log"_s), text);
    for (const QString &path : {upStats, downStats}) {
        const QJsonObject s = stats(path);
        QCOMPARE(s.value("file_bytes"_L1).toInteger(), text.size());
        QVERIFY2(s.value("wire_bytes"_L1).toInteger() < text.size() / 3,
                 qPrintable(u"%1: %2 bytes on the wire"_s.arg(path).arg(s.value("wire_bytes"_L1).toInteger())));
    }
}

void TestCompression::randomBytesGoAsTheyAre_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("auto") << u"auto"_s;
    QTest::newRow("on") << u"on"_s;
}

void TestCompression::randomBytesGoAsTheyAre()
{
    QFETCH(QString, mode);
    const qint64 size = 8 * 1024 * 1024;
    QVERIFY(writeRandomFile(m_scratch + u"/noise.bin"_s, size, 77));
    const QString upStats = m_scratch + u"/up.json"_s;
    const CliResult up = cli({u"--quiet"_s, u"--compress="_s + mode, u"--stats"_s, upStats, u"cp"_s, m_scratch + u"/noise.bin"_s, u":"_s});
    QVERIFY2(up.exitCode == 0, qPrintable(why(up)));
    QCOMPARE(contentOf(m_agent->root() + u"/noise.bin"_s), contentOf(m_scratch + u"/noise.bin"_s));
    const QString downStats = m_scratch + u"/down.json"_s;
    const CliResult down = cli({u"--quiet"_s, u"--compress="_s + mode, u"--stats"_s, downStats, u"cp"_s, u":noise.bin"_s, m_scratch + u"/back.bin"_s});
    QVERIFY2(down.exitCode == 0, qPrintable(why(down)));
    QCOMPARE(contentOf(m_scratch + u"/back.bin"_s), contentOf(m_scratch + u"/noise.bin"_s));
    // What does not shrink goes as it is: the frames' headers and the
    // requests around them are all that is added.
    for (const QString &path : {upStats, downStats}) {
        const qint64 wire = stats(path).value("wire_bytes"_L1).toInteger();
        QVERIFY2(wire >= size && wire < size + size / 50, qPrintable(u"%1: %2 bytes on the wire for %3"_s.arg(path).arg(wire).arg(size)));
    }
}

void TestCompression::resumeCountsBytesBeforeCompression()
{
    // A third of the file is already there; the rest follows compressed, at
    // the offset of the uncompressed bytes.
    const QByteArray text = textLike(6 * 1024 * 1024 + 123, 7);
    QVERIFY(put(m_scratch + u"/report.csv"_s, text));
    QVERIFY(put(m_agent->root() + u"/report.csv"_s, text.left(text.size() / 3)));
    const QString upStats = m_scratch + u"/up.json"_s;
    const CliResult up = cli({u"--quiet"_s, u"--compress=on"_s, u"--stats"_s, upStats, u"cp"_s, u"--on-conflict=resume"_s,
                              m_scratch + u"/report.csv"_s, u":"_s});
    QVERIFY2(up.exitCode == 0, qPrintable(why(up)));
    QCOMPARE(contentOf(m_agent->root() + u"/report.csv"_s), text);
    QVERIFY(stats(upStats).value("wire_bytes"_L1).toInteger() < text.size() / 3);

    // And down: a shorter local copy is continued the same way.
    QVERIFY(put(m_scratch + u"/down.csv"_s, text.left(text.size() / 2)));
    const CliResult down = cli({u"--quiet"_s, u"--compress=on"_s, u"cp"_s, u"--on-conflict=resume"_s, u":report.csv"_s, m_scratch + u"/down.csv"_s});
    QVERIFY2(down.exitCode == 0, qPrintable(why(down)));
    QCOMPARE(contentOf(m_scratch + u"/down.csv"_s), text);
}

void TestCompression::agentCodecsObeyed_data()
{
    QTest::addColumn<QString>("codecs"); // the agent's --codecs
    QTest::addColumn<QString>("chosen");
    QTest::newRow("gzip only") << u"gzip"_s << u"gzip"_s;
    QTest::newRow("gzip first") << u"gzip,zstd"_s << u"zstd"_s; // the client's order wins
    QTest::newRow("none") << u"none"_s << u"none"_s;
}

void TestCompression::agentCodecsObeyed()
{
    QFETCH(QString, codecs);
    QFETCH(QString, chosen);
    QVERIFY2(m_agent->restart({u"--codecs"_s, codecs}), qPrintable(m_agent->errorString()));
    const QByteArray text = textLike(4 * 1024 * 1024, 5);
    QVERIFY(put(m_scratch + u"/data.txt"_s, text));
    const QString upStats = m_scratch + u"/up.json"_s;
    const CliResult up = cli({u"--quiet"_s, u"--stats"_s, upStats, u"cp"_s, m_scratch + u"/data.txt"_s, u":"_s});
    QVERIFY2(up.exitCode == 0, qPrintable(why(up)));
    QCOMPARE(contentOf(m_agent->root() + u"/data.txt"_s), text);
    const QJsonObject s = stats(upStats);
    QCOMPARE(s.value("compression"_L1).toString(), chosen);
    const qint64 wire = s.value("wire_bytes"_L1).toInteger();
    if (chosen == "none"_L1)
        QVERIFY(wire > text.size());
    else
        QVERIFY2(wire < text.size() / 2, qPrintable(u"%1 bytes on the wire"_s.arg(wire)));

    const CliResult refused = runCli(*m_agent, {u"--compress=sometimes"_s, u"ls"_s, u":"_s});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("--compress"), refused.err.constData());
}

QTEST_GUILESS_MAIN(TestCompression)
#include "tst_compression.moc"
