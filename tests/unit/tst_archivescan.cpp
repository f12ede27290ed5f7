// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's own reading of archive headers, which an extraction is checked
// against before KArchive reads the archive: tar (ustar, GNU long names,
// checksums) and zip central directories, and the refusals.
#include "core/agent/archivescan.h"

#include <KTar>
#include <KZip>

#include <QBuffer>
#include <QTest>

using namespace ferry;
using namespace ferry::agent;
using namespace Qt::Literals::StringLiterals;

namespace {

/// A tar made by KTar in memory: a folder, a file, a long name, a symlink.
QByteArray sampleTar()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    KTar tar(&buffer);
    tar.open(QIODevice::WriteOnly);
    tar.writeDir(u"dir"_s);
    tar.writeFile(u"dir/a.txt"_s, QByteArray("alpha"));
    tar.writeFile(u"dir/"_s + QString(150, u'n') + u".txt"_s, QByteArray("long"));
    tar.writeSymLink(u"dir/link"_s, u"a.txt"_s);
    tar.close();
    return bytes + QByteArray(1024, '\0');
}

RawMember member(const char *name, RawMember::Type type = RawMember::Type::File, const char *link = "")
{
    return RawMember{QByteArray(name), type, QByteArray(link), 0};
}

} // namespace

class TestArchiveScan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTar();
    void damagedTar();
    void readsZip();
    void refusals_data();
    void refusals();
};

void TestArchiveScan::readsTar()
{
    QByteArray bytes = sampleTar();
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const auto members = scanTar(&buffer, 100);
    QVERIFY2(members.has_value(), members ? "" : qPrintable(members.error().message));
    QCOMPARE(members->size(), 4);
    QCOMPARE(members->at(0).name, QByteArray("dir/"));
    QCOMPARE(members->at(0).type, RawMember::Type::Directory);
    QCOMPARE(members->at(1).name, QByteArray("dir/a.txt"));
    QCOMPARE(members->at(1).size, qint64(5));
    QCOMPARE(members->at(2).name, "dir/" + QByteArray(150, 'n') + ".txt"); // a GNU long name
    QCOMPARE(members->at(3).type, RawMember::Type::Symlink);
    QCOMPARE(members->at(3).link, QByteArray("a.txt"));
    // Too many members.
    buffer.seek(0);
    QVERIFY(!scanTar(&buffer, 2));
}

void TestArchiveScan::damagedTar()
{
    // The first file's size field says 1 block less than it holds: the
    // next "header" is its data, and its checksum is wrong.
    QByteArray bytes = sampleTar();
    const qsizetype at = bytes.indexOf("dir/a.txt");
    QVERIFY(at >= 0);
    QByteArray grown = bytes.left(at + 512 + 512) + QByteArray(512, 'y') + bytes.mid(at + 512 + 512);
    QBuffer buffer(&grown);
    buffer.open(QIODevice::ReadOnly);
    const auto members = scanTar(&buffer, 100);
    QVERIFY(!members);
    QVERIFY2(members.error().message.contains(u"wrong checksum"_s), qPrintable(members.error().message));
    QVERIFY2(members.error().message.contains(u"a.txt"_s), qPrintable(members.error().message));
    // Cut inside a header.
    QByteArray cut = bytes.left(700);
    QBuffer cutBuffer(&cut);
    cutBuffer.open(QIODevice::ReadOnly);
    QVERIFY(!scanTar(&cutBuffer, 100));
}

void TestArchiveScan::readsZip()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    KZip zip(&buffer);
    QVERIFY(zip.open(QIODevice::WriteOnly));
    zip.writeDir(u"folder"_s);
    zip.writeFile(u"folder/b.txt"_s, QByteArray("beta"));
    zip.writeSymLink(u"folder/l"_s, u"b.txt"_s);
    zip.close();
    QBuffer reader(&bytes);
    reader.open(QIODevice::ReadOnly);
    const auto members = scanZip(&reader, 100);
    QVERIFY2(members.has_value(), members ? "" : qPrintable(members.error().message));
    QCOMPARE(members->size(), 3);
    QCOMPARE(members->at(0).type, RawMember::Type::Directory);
    QCOMPARE(members->at(1).name, QByteArray("folder/b.txt"));
    QCOMPARE(members->at(1).size, qint64(4));
    QCOMPARE(members->at(2).type, RawMember::Type::Symlink);
    // Not a zip at all.
    QByteArray junk(100, 'j');
    QBuffer junkBuffer(&junk);
    junkBuffer.open(QIODevice::ReadOnly);
    QVERIFY(!scanZip(&junkBuffer, 100));
}

void TestArchiveScan::refusals_data()
{
    QTest::addColumn<QList<RawMember>>("members");
    QTest::addColumn<QString>("refused"); // empty: accepted
    QTest::newRow("plain") << QList<RawMember>{member("a/"), member("a/b.txt"), member("a/l", RawMember::Type::Symlink, "/etc")} << QString();
    QTest::newRow("dot segments") << QList<RawMember>{member("./a/./b.txt")} << QString();
    QTest::newRow("absolute") << QList<RawMember>{member("/etc/passwd")} << u"absolute"_s;
    QTest::newRow("dot dot") << QList<RawMember>{member("a/../../b")} << u"(..)"_s;
    QTest::newRow("dot dot alone") << QList<RawMember>{member("..")} << u"(..)"_s;
    QTest::newRow("through a symlink it makes") << QList<RawMember>{member("l", RawMember::Type::Symlink, "/tmp"), member("l/x")} << u"a symlink"_s;
    QTest::newRow("through it, deeper") << QList<RawMember>{member("a/l", RawMember::Type::Symlink, "."), member("./a//l/x/y")} << u"a symlink"_s;
    QTest::newRow("symlink after the file") << QList<RawMember>{member("l/x"), member("l", RawMember::Type::Symlink, "/tmp")} << QString();
    QTest::newRow("hard link out") << QList<RawMember>{member("h", RawMember::Type::HardLink, "../x")} << u"outside"_s;
    QTest::newRow("hard link absolute") << QList<RawMember>{member("h", RawMember::Type::HardLink, "/etc/shadow")} << u"outside"_s;
    QTest::newRow("hard link inside") << QList<RawMember>{member("a"), member("h", RawMember::Type::HardLink, "a")} << QString();
}

void TestArchiveScan::refusals()
{
    QFETCH(QList<RawMember>, members);
    QFETCH(QString, refused);
    const std::optional<Error> error = refuseMembers(members);
    if (refused.isEmpty()) {
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        return;
    }
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::OutsideRoot);
    QVERIFY2(error->message.contains(refused), qPrintable(error->message));
}

QTEST_GUILESS_MAIN(TestArchiveScan)
#include "tst_archivescan.moc"
