// SPDX-License-Identifier: GPL-3.0-or-later
// Folders downloaded as one archive that the agent builds as it sends
// (ferry-cli archive), in every streamed format, checked by an oracle that
// shares no code with KArchive (Python's tarfile, tests/integration/
// tarcheck.py): the same names, bytes, permission bits, modification times
// and symlinks; and the refusals: a path outside the root, a missing one,
// an existing OUT, a format that cannot be told.
#include "support/agentprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

using namespace Qt::Literals::StringLiterals;

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

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

/// @p copy holds what @p original holds: names, types, bytes, permission
/// bits, files' modification times, link targets.
bool sameTree(const QString &original, const QString &copy, QString *why)
{
    const auto names = [](const QString &root) {
        QStringList list;
        QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            list.append(QDir(root).relativeFilePath(it.next()));
        list.sort();
        return list;
    };
    if (names(original) != names(copy)) {
        *why = u"entries differ: %1 against %2"_s.arg(names(original).join(u", "_s), names(copy).join(u", "_s));
        return false;
    }
    for (const QString &name : names(original)) {
        struct stat a {};
        struct stat b {};
        ::lstat(QFile::encodeName(original + u'/' + name).constData(), &a);
        ::lstat(QFile::encodeName(copy + u'/' + name).constData(), &b);
        if ((a.st_mode & S_IFMT) != (b.st_mode & S_IFMT)) {
            *why = name + u": types differ"_s;
            return false;
        }
        if (S_ISLNK(a.st_mode)) {
            if (QFileInfo(original + u'/' + name).readSymLink() != QFileInfo(copy + u'/' + name).readSymLink()) {
                *why = name + u": link targets differ"_s;
                return false;
            }
            continue;
        }
        if ((a.st_mode & 07777) != (b.st_mode & 07777)) {
            *why = u"%1: mode %2 against %3"_s.arg(name).arg(a.st_mode & 07777, 0, 8).arg(b.st_mode & 07777, 0, 8);
            return false;
        }
        if (S_ISREG(a.st_mode) && (a.st_mtime != b.st_mtime || contentOf(original + u'/' + name) != contentOf(copy + u'/' + name))) {
            *why = name + u": content or time differs"_s;
            return false;
        }
    }
    return true;
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
    QVERIFY2(sameTree(m_tree, unpacked + u"/project"_s, &why), qPrintable(why));
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
    QVERIFY2(sameTree(m_agent->root(), unpacked, &why), qPrintable(why));
}

void TestArchive::refusals()
{
    const QString out = m_out + u"/p.tar.gz"_s;
    const CliResult missing = cli({u"archive"_s, u":nothere"_s, out});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("nothere: No such file or directory"), missing.err.constData());
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

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
