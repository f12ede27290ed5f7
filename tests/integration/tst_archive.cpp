// SPDX-License-Identifier: GPL-3.0-or-later
// Folders downloaded as one archive that the agent builds as it sends
// (ferry-cli archive), in every streamed format, checked by an oracle that
// shares no code with KArchive (Python's tarfile, tests/integration/
// tarcheck.py): the same names, bytes, permission bits, modification times
// and symlinks; and the refusals: a path outside the root, a missing one,
// an existing OUT, a format that cannot be told.
#include "support/agentprocess.h"

#include "core/client/remotefs.h"
#include "core/client/session.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

using namespace Qt::Literals::StringLiterals;
using ferry::Error;
using ferry::ErrorCode;
using ferry::Expected;

namespace {

bool put(const QString &path, const QByteArray &content, mode_t mode, qint64 mtime)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return false;
    file.close();
    const QByteArray name = QFile::encodeName(path);
    const utimbuf times{mtime, mtime};
    return ::chmod(name.constData(), mode) == 0 && ::utime(name.constData(), &times) == 0;
}


} // namespace

class TestArchive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyFormat_data();
    void everyFormat();
    void severalPathsAndTheRoot();
    void refusals();
    void compressAndExtractOnTheAgent_data();
    void compressAndExtractOnTheAgent();
    void extractUploadsALocalArchive();
    void conflictsInTheDestination();
    void hostileArchives_data();
    void hostileArchives();
    void cancelStopsTheAgent();
    void archivesOpenLikeFolders_data();
    void archivesOpenLikeFolders();

private:
    CliResult cli(const QStringList &args) { return runCli(*m_agent, args); }
    /// Unpacks @p archive with the oracle into @p dest; its member lines.
    QList<QJsonObject> unpack(const QString &archive, const QString &dest);

    std::unique_ptr<AgentProcess> m_agent;
    QString m_tree;
    QString m_out;
};

void TestArchive::init()
{
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    m_tree = m_agent->root() + u"/project"_s;
    m_out = m_agent->scratch() + u"/out"_s;
    QVERIFY(QDir().mkpath(m_out));
    QVERIFY(put(m_tree + u"/README.md"_s, "# project\n", 0644, 1600000000));
    QVERIFY(put(m_tree + u"/run.sh"_s, "#!/bin/sh\necho hi\n", 0755, 1600000100));
    QVERIFY(put(m_tree + u"/empty.txt"_s, {}, 0600, 1600000200));
    QVERIFY(put(m_tree + u"/grüße und leer/ünï.csv"_s, "a,b\n1,2\n", 0640, 1600000300));
    const QString deep = u"/%1/%2/file-with-a-name-that-is-long-enough-for-a-gnu-long-link.txt"_s.arg(QString(60, u'd'), QString(50, u'e'));
    QVERIFY(put(m_tree + deep, "long\n", 0644, 1600000400));
    QVERIFY(QDir().mkpath(m_tree + u"/data"_s));
    QVERIFY(writeRandomFile(m_tree + u"/data/blob.bin"_s, 5 * 1024 * 1024 + 3, 4));
    QVERIFY(QDir().mkpath(m_tree + u"/empty dir"_s));
    QCOMPARE(::symlink("data/blob.bin", QFile::encodeName(m_tree + u"/link"_s).constData()), 0);
    QCOMPARE(::symlink("../../nowhere", QFile::encodeName(m_tree + u"/dangling"_s).constData()), 0);
    QCOMPARE(::chmod(QFile::encodeName(m_tree + u"/data"_s).constData(), 0750), 0);
}

void TestArchive::cleanup()
{
    m_agent.reset();
}

QList<QJsonObject> TestArchive::unpack(const QString &archive, const QString &dest)
{
    QDir().mkpath(dest);
    QProcess oracle;
    oracle.start(u"python3"_s, {QStringLiteral(FERRY_SOURCE_DIR "/tests/integration/tarcheck.py"), archive, dest});
    if (!oracle.waitForFinished(60000) || oracle.exitCode() != 0) {
        qWarning().noquote() << oracle.readAllStandardError();
        return {};
    }
    QList<QJsonObject> members;
    for (const QByteArray &line : oracle.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            members.append(QJsonDocument::fromJson(line).object());
    }
    return members;
}

void TestArchive::everyFormat_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("format"); // --format, empty: by the suffix
    QTest::newRow("tar") << u"p.tar"_s << QString();
    QTest::newRow("tar.gz") << u"p.tar.gz"_s << QString();
    QTest::newRow("tgz") << u"p.tgz"_s << QString();
    QTest::newRow("tar.bz2") << u"p.tar.bz2"_s << QString();
    QTest::newRow("tar.xz") << u"p.tar.xz"_s << QString();
    QTest::newRow("tar.zst") << u"p.tar.zst"_s << QString();
    QTest::newRow("--format tar.xz") << u"p.backup"_s << u"tar.xz"_s;
    QTest::newRow("zip") << u"p.zip"_s << QString(); // made by the client from a tar
}

void TestArchive::everyFormat()
{
    QFETCH(QString, fileName);
    QFETCH(QString, format);
    const QString out = m_out + u'/' + fileName;
    QStringList args{u"--quiet"_s, u"archive"_s};
    if (!format.isEmpty())
        args.append(u"--format="_s + format);
    const CliResult r = cli(args + QStringList{u":project"_s, out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QFileInfo(out).size() > 0);
    // Nothing else was left beside it (no part file).
    QCOMPARE(QDir(m_out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{fileName});

    const QString unpacked = m_agent->scratch() + u"/unpacked"_s;
    const QList<QJsonObject> members = unpack(out, unpacked);
    QVERIFY(!members.isEmpty());
    QCOMPARE(members.first().value("name"_L1).toString(), u"project"_s);
    QString why;
    QVERIFY2(treeMatches(m_tree, unpacked + u"/project"_s, &why), qPrintable(why));
}

void TestArchive::severalPathsAndTheRoot()
{
    QVERIFY(put(m_agent->root() + u"/notes.txt"_s, "notes\n", 0644, 1600001000));
    const QString two = m_out + u"/two.tar.gz"_s;
    const CliResult r = cli({u"--quiet"_s, u"archive"_s, u":notes.txt"_s, u":project/data"_s, two});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QStringList names;
    for (const QJsonObject &m : unpack(two, m_agent->scratch() + u"/two"_s))
        names.append(m.value("name"_L1).toString());
    QCOMPARE(names, (QStringList{u"notes.txt"_s, u"data"_s, u"data/blob.bin"_s}));

    // The root itself: its entries at the top of the archive.
    const QString all = m_out + u"/all.tar"_s;
    const CliResult whole = cli({u"--quiet"_s, u"archive"_s, u":"_s, all});
    QVERIFY2(whole.exitCode == 0, whole.err.constData());
    const QString unpacked = m_agent->scratch() + u"/all"_s;
    QVERIFY(!unpack(all, unpacked).isEmpty());
    QString why;
    QVERIFY2(treeMatches(m_agent->root(), unpacked, &why), qPrintable(why));
}

void TestArchive::refusals()
{
    const QString out = m_out + u"/p.tar.gz"_s;
    const CliResult missing = cli({u"archive"_s, u":nothere"_s, out});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("nothere: No such file or directory"), missing.err.constData());
    // Not even a part file stays.
    QCOMPARE(QDir(m_out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    const CliResult outside = cli({u"archive"_s, u":../.."_s, out});
    QCOMPARE(outside.exitCode, 1);
    QVERIFY2(outside.err.contains("outside"), outside.err.constData());
    QVERIFY(!QFileInfo::exists(out));

    QVERIFY(put(out, "precious", 0644, 1600000000));
    const CliResult exists = cli({u"archive"_s, u":project"_s, out});
    QCOMPARE(exists.exitCode, 1);
    QVERIFY2(exists.err.contains("File exists"), exists.err.constData());
    QCOMPARE(contentOf(out), QByteArray("precious"));
    const CliResult replaced = cli({u"--quiet"_s, u"archive"_s, u"--overwrite"_s, u":project"_s, out});
    QVERIFY2(replaced.exitCode == 0, replaced.err.constData());
    QVERIFY(contentOf(out).startsWith("\x1f\x8b")); // gzip's magic

    const CliResult unknown = cli({u"archive"_s, u":project"_s, m_out + u"/p.rar"_s});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("cannot tell the format"), unknown.err.constData());
    const CliResult badFormat = cli({u"archive"_s, u"--format=rar"_s, u":project"_s, out});
    QCOMPARE(badFormat.exitCode, 2);
    const CliResult local = cli({u"archive"_s, m_tree, out});
    QCOMPARE(local.exitCode, 2);
}

void TestArchive::compressAndExtractOnTheAgent_data()
{
    QTest::addColumn<QString>("name");
    for (const char *suffix : {"zip", "tar", "tar.gz", "tar.bz2", "tar.xz", "tar.zst"})
        QTest::newRow(suffix) << u"p."_s + QLatin1StringView(suffix);
}

void TestArchive::compressAndExtractOnTheAgent()
{
    QFETCH(QString, name);
    const CliResult packed = cli({u"--quiet"_s, u"compress"_s, u":project"_s, u':' + name});
    QVERIFY2(packed.exitCode == 0, packed.err.constData());
    const QString archive = m_agent->root() + u'/' + name;
    QVERIFY(QFileInfo(archive).size() > 0);
    QVERIFY(!QFileInfo::exists(m_agent->root() + u"/."_s + name + u".ferry-part"_s));
    // Python's own reader agrees on the tar formats.
    if (name != "p.zip"_L1) {
        const QString oracle = m_agent->scratch() + u"/oracle"_s;
        QVERIFY(!unpack(archive, oracle).isEmpty());
        QString why;
        QVERIFY2(treeMatches(m_tree, oracle + u"/project"_s, &why), qPrintable(why));
    } else {
        QProcess zipinfo;
        zipinfo.start(u"python3"_s, {u"-c"_s, u"import sys, zipfile; print('\\n'.join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))"_s, archive});
        QVERIFY(zipinfo.waitForFinished(30000));
        QCOMPARE(zipinfo.exitCode(), 0);
        QVERIFY2(zipinfo.readAllStandardOutput().contains("project/data/blob.bin"), "zipfile does not list project/data/blob.bin");
    }
    // Unpacked where it lies, into a folder that does not exist yet.
    const CliResult unpacked = cli({u"--quiet"_s, u"extract"_s, u':' + name, u":here/there"_s});
    QVERIFY2(unpacked.exitCode == 0, unpacked.err.constData());
    QString why;
    QVERIFY2(treeMatches(m_tree, m_agent->root() + u"/here/there/project"_s, &why), qPrintable(why));
}

void TestArchive::extractUploadsALocalArchive()
{
    // Made by GNU tar, not by Ferry.
    QProcess tar;
    const QString archive = m_out + u"/made by tar.tar.gz"_s;
    tar.start(u"tar"_s, {u"-C"_s, m_agent->root(), u"-czf"_s, archive, u"project"_s});
    QVERIFY(tar.waitForFinished(30000));
    QCOMPARE(tar.exitCode(), 0);
    const CliResult r = cli({u"--quiet"_s, u"extract"_s, archive, u":unpacked"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QString why;
    QVERIFY2(treeMatches(m_tree, m_agent->root() + u"/unpacked/project"_s, &why), qPrintable(why));
    // The uploaded archive went away afterwards.
    QCOMPARE(QDir(m_agent->root() + u"/unpacked"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{u"project"_s});

    const CliResult missing = cli({u"extract"_s, m_out + u"/nothere.tar"_s, u":unpacked"_s});
    QCOMPARE(missing.exitCode, 1);
    const CliResult notRemote = cli({u"extract"_s, archive, m_out});
    QCOMPARE(notRemote.exitCode, 2);
}

void TestArchive::conflictsInTheDestination()
{
    QVERIFY(cli({u"--quiet"_s, u"compress"_s, u":project"_s, u":p.tar"_s}).exitCode == 0);
    QVERIFY(put(m_agent->root() + u"/d/project/README.md"_s, "mine\n", 0644, 1700000000));
    const CliResult failed = cli({u"extract"_s, u":p.tar"_s, u":d"_s});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains("README.md: File exists"), failed.err.constData());
    QCOMPARE(contentOf(m_agent->root() + u"/d/project/README.md"_s), QByteArray("mine\n"));
    const CliResult skipped = cli({u"extract"_s, u"--on-conflict=skip"_s, u":p.tar"_s, u":d"_s});
    QVERIFY2(skipped.exitCode == 0, skipped.err.constData());
    QCOMPARE(contentOf(m_agent->root() + u"/d/project/README.md"_s), QByteArray("mine\n"));
    QVERIFY(QFileInfo::exists(m_agent->root() + u"/d/project/run.sh"_s));
    const CliResult replaced = cli({u"--quiet"_s, u"extract"_s, u"--on-conflict=overwrite"_s, u":p.tar"_s, u":d"_s});
    QVERIFY2(replaced.exitCode == 0, replaced.err.constData());
    QString why;
    QVERIFY2(treeMatches(m_tree, m_agent->root() + u"/d/project"_s, &why), qPrintable(why));
}

void TestArchive::hostileArchives_data()
{
    QTest::addColumn<QString>("script"); // Python writing the archive to sys.argv[1]
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("message");
    const QString tarHead = u"import io, sys, tarfile\n"
                            "def add(t, name, data=b'x', kind=tarfile.REGTYPE, link=''):\n"
                            "    i = tarfile.TarInfo(name); i.type = kind; i.linkname = link\n"
                            "    i.size = len(data) if kind == tarfile.REGTYPE else 0\n"
                            "    t.addfile(i, io.BytesIO(data) if kind == tarfile.REGTYPE else None)\n"
                            "t = tarfile.open(sys.argv[1], 'w')\n"_s;
    QTest::newRow("..") << tarHead + u"add(t, 'fine.txt'); add(t, 'a/../../evil.txt')\n"_s << u"tar"_s << u"leads out of the folder"_s;
    QTest::newRow("absolute") << tarHead + u"add(t, '/tmp/evil-absolute.txt')\n"_s << u"tar"_s << u"is an absolute path"_s;
    QTest::newRow("symlink, then a file through it") << tarHead + u"add(t, 'l', kind=tarfile.SYMTYPE, link='/tmp'); add(t, 'l/evil.txt')\n"_s
                                                     << u"tar"_s << u"a symlink that the archive makes"_s;
    QTest::newRow("hard link out") << tarHead + u"add(t, 'h', kind=tarfile.LNKTYPE, link='../../etc/passwd')\n"_s << u"tar"_s << u"outside the folder"_s;
    // The first entry's header says 10 bytes; 3000 follow.
    QTest::newRow("entry bigger than its header says")
        << u"import io, sys, tarfile\n"
           "i = tarfile.TarInfo('big.txt'); i.size = 10\n"
           "raw = i.tobuf(tarfile.GNU_FORMAT) + b'y' * 3000\n"
           "raw += b'\\0' * (-len(raw) % 512) + b'\\0' * 1024\n"
           "open(sys.argv[1], 'wb').write(raw)\n"_s
        << u"tar"_s << u"wrong checksum"_s;
    // A zip whose entries claim 4 GiB each, a thousand of them.
    QTest::newRow("zip bomb beyond the free space")
        << u"import struct, sys, zipfile\n"
           "z = zipfile.ZipFile(sys.argv[1], 'w')\n"
           "for n in range(1000): z.writestr('f%d' % n, b'')\n"
           "z.close()\n"
           "raw = bytearray(open(sys.argv[1], 'rb').read())\n"
           "at = 0\n"
           "while True:\n"
           "    at = raw.find(b'PK\\x01\\x02', at)\n"
           "    if at < 0: break\n"
           "    raw[at + 24:at + 28] = struct.pack('<I', 0xFFFFFFF0); at += 4\n"
           "open(sys.argv[1], 'wb').write(raw)\n"_s
        << u"zip"_s << u"is free there"_s;
    // Ten MiB of zeros whose header says 100 bytes.
    QTest::newRow("zip entry bigger than its header says")
        << u"import struct, sys, zipfile\n"
           "z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)\n"
           "z.writestr('zeros.bin', b'\\0' * (10 << 20))\n"
           "z.close()\n"
           "raw = bytearray(open(sys.argv[1], 'rb').read())\n"
           "for sig, off in ((b'PK\\x03\\x04', 22), (b'PK\\x01\\x02', 24)):\n"
           "    at = raw.find(sig); raw[at + off:at + off + 4] = struct.pack('<I', 100)\n"
           "open(sys.argv[1], 'wb').write(raw)\n"_s
        << u"zip"_s << u"more than its header says"_s;
}

void TestArchive::hostileArchives()
{
    QFETCH(QString, script);
    QFETCH(QString, suffix);
    QFETCH(QString, message);
    const QString archive = m_out + u"/hostile."_s + suffix;
    QProcess python;
    python.start(u"python3"_s, {u"-c"_s, script, archive});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());

    const QString target = m_agent->root() + u"/target"_s;
    for (const bool remote : {false, true}) {
        QString source = archive;
        if (remote) {
            QVERIFY(QFile::copy(archive, m_agent->root() + u"/hostile."_s + suffix));
            source = u":hostile."_s + suffix;
        }
        const CliResult r = cli({u"extract"_s, source, u":target"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        // Nothing outside the target, and nothing of the archive's in it but
        // what came before the damage.
        QVERIFY(!QFileInfo::exists(u"/tmp/evil-absolute.txt"_s));
        QVERIFY(!QFileInfo::exists(u"/tmp/evil.txt"_s));
        QVERIFY(!QFileInfo::exists(m_agent->root() + u"/evil.txt"_s));
        QVERIFY(!QFileInfo::exists(target + u"/evil.txt"_s));
        QVERIFY(!QFileInfo::exists(target + u"/zeros.bin"_s));
        const QStringList left = QDir(target).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u", "_s)));
    }
    // The agent serves on.
    QCOMPARE(cli({u"ls"_s, u":"_s}).exitCode, 0);
}

void TestArchive::cancelStopsTheAgent()
{
    QVERIFY(writeRandomFile(m_tree + u"/big/one.bin"_s, 300 * 1024 * 1024, 8));
    auto session = connectedSession(*m_agent);
    QVERIFY(session);
    ferry::client::RemoteFs fs(session.get());
    qint64 id = 0;
    bool cancelSent = false;
    std::optional<Error> outcome;
    id = fs.compress({u"project"_s}, u"slow.tar.xz"_s, false,
                     [&](qint64 done, qint64 total) {
                         QVERIFY(total >= 300 * 1024 * 1024);
                         QVERIFY(done <= total);
                         if (!cancelSent) {
                             cancelSent = true;
                             fs.cancel(id);
                         }
                     },
                     [&](const Expected<qint64> &size) { outcome = size ? Error{} : size.error(); }, this);
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 60000);
    QVERIFY(cancelSent);
    QCOMPARE(int(outcome->code), int(ErrorCode::Cancelled));
    // Neither the archive nor its part file is left.
    QVERIFY(!QFileInfo::exists(m_agent->root() + u"/slow.tar.xz"_s));
    QVERIFY(!QFileInfo::exists(m_agent->root() + u"/.slow.tar.xz.ferry-part"_s));
}

void TestArchive::archivesOpenLikeFolders_data()
{
    QTest::addColumn<QString>("name");
    for (const char *suffix : {"zip", "tar", "tar.gz", "tar.xz", "tar.zst"})
        QTest::newRow(suffix) << u"p."_s + QLatin1StringView(suffix);
}

void TestArchive::archivesOpenLikeFolders()
{
    QFETCH(QString, name);
    QVERIFY(put(m_tree + u"/many/one.txt"_s, "one\n", 0644, 1600000000));
    QVERIFY(put(m_tree + u"/many/two.txt"_s, "two\n", 0600, 1600000001));
    QVERIFY(cli({u"--quiet"_s, u"compress"_s, u":project"_s, u':' + name}).exitCode == 0);

    // Listed like folders, at the top and further in.
    const CliResult top = cli({u"ls"_s, u':' + name + u'/'});
    QVERIFY2(top.exitCode == 0, top.err.constData());
    QCOMPARE(QString::fromUtf8(top.out).split(u'\n', Qt::SkipEmptyParts), QStringList{u"project"_s});
    const CliResult inner = cli({u"ls"_s, u':' + name + u"/project/data"_s});
    QVERIFY2(inner.exitCode == 0, inner.err.constData());
    QCOMPARE(QString::fromUtf8(inner.out).split(u'\n', Qt::SkipEmptyParts), QStringList{u"blob.bin"_s});
    const CliResult stat = cli({u"stat"_s, u"--json"_s, u':' + name + u"/project/run.sh"_s});
    QVERIFY2(stat.exitCode == 0, stat.err.constData());
    QVERIFY2(stat.out.contains("\"0755\"") && stat.out.contains("\"file\""), stat.out.constData());

    // One file out of it, and a folder with small (batched) and large files.
    const QString one = m_out + u"/run.sh"_s;
    const CliResult got = cli({u"--quiet"_s, u"cp"_s, u':' + name + u"/project/run.sh"_s, one});
    QVERIFY2(got.exitCode == 0, got.err.constData());
    QCOMPARE(contentOf(one), contentOf(m_tree + u"/run.sh"_s));
    const CliResult tree = cli({u"--quiet"_s, u"cp"_s, u"-r"_s, u':' + name + u"/project"_s, m_out + u"/copy"_s});
    QVERIFY2(tree.exitCode == 0, tree.err.constData());
    QString why;
    QVERIFY2(treeMatches(m_tree, m_out + u"/copy"_s, &why), qPrintable(why));

    // Read-only, and a path that is not there.
    QCOMPARE(cli({u"ls"_s, u':' + name + u"/nothere"_s}).exitCode, 1);
    QCOMPARE(cli({u"rm"_s, u':' + name + u"/project/run.sh"_s}).exitCode, 1);
    QVERIFY(QFileInfo(m_agent->root() + u'/' + name).isFile());
    // A file that only looks like an archive lists nothing.
    QVERIFY(put(m_agent->root() + u"/fake.zip"_s, "not a zip", 0644, 1600000000));
    const CliResult fake = cli({u"ls"_s, u":fake.zip/"_s});
    QCOMPARE(fake.exitCode, 1);
    QVERIFY2(fake.err.contains("cannot be read as an archive"), fake.err.constData());
}

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
