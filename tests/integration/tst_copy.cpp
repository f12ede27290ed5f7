// SPDX-License-Identifier: GPL-3.0-or-later
// The copy planner against GNU cp as the oracle: the same copy is made with
// `cp -r --preserve=mode,timestamps` locally and with ferry-cli to the agent
// (and back), and the resulting trees must match: names, types, contents,
// modes, modification times and link targets.
#include "support/agentprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

struct TreeEntry {
    char type = '?';
    qint64 size = 0;
    quint32 mode = 0;
    qint64 mtimeNs = 0;
    QByteArray content; ///< checksum for files, target for links
    bool operator==(const TreeEntry &o) const = default;
};

QString describe(const TreeEntry &e)
{
    return QStringLiteral("%1 size=%2 mode=%3 mtime=%4 %5").arg(QLatin1Char(e.type)).arg(e.size).arg(e.mode, 0, 8).arg(e.mtimeNs).arg(QString::fromUtf8(e.content));
}

/// Every entry below @p root by relative path (lstat: links not followed).
QMap<QString, TreeEntry> snapshot(const QString &root)
{
    QMap<QString, TreeEntry> tree;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st {};
        ::lstat(QFile::encodeName(path).constData(), &st);
        TreeEntry e;
        e.mode = st.st_mode & 07777;
        e.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
        if (S_ISDIR(st.st_mode)) {
            e.type = 'd';
        } else if (S_ISLNK(st.st_mode)) {
            e.type = 'l';
            e.content = QFile::encodeName(QFile::symLinkTarget(path).isEmpty() ? QString() : QString());
            char buffer[4096];
            const ssize_t n = ::readlink(QFile::encodeName(path).constData(), buffer, sizeof buffer);
            e.content = QByteArray(buffer, n < 0 ? 0 : n);
            e.mtimeNs = 0; // a link's own time is not part of the comparison
            e.mode = 0;
        } else if (S_ISREG(st.st_mode)) {
            e.type = 'f';
            e.size = st.st_size;
            e.content = fileChecksum(path);
        }
        tree.insert(QDir(root).relativeFilePath(path), e);
    }
    return tree;
}

bool sameTree(const QString &a, const QString &b, QString *why)
{
    const auto ta = snapshot(a);
    const auto tb = snapshot(b);
    for (auto it = ta.cbegin(); it != ta.cend(); ++it) {
        if (!tb.contains(it.key())) {
            *why = QStringLiteral("missing in %1: %2").arg(b, it.key());
            return false;
        }
        if (!(tb.value(it.key()) == it.value())) {
            *why = QStringLiteral("%1 differs:\n  expected %2\n  actual   %3").arg(it.key(), describe(it.value()), describe(tb.value(it.key())));
            return false;
        }
    }
    for (auto it = tb.cbegin(); it != tb.cend(); ++it) {
        if (!ta.contains(it.key())) {
            *why = QStringLiteral("unexpected in %1: %2").arg(b, it.key());
            return false;
        }
    }
    return true;
}

void touch(const QString &path, qint64 seconds)
{
    struct timespec times[2] = {{seconds, 0}, {seconds, 500000000}};
    ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, AT_SYMLINK_NOFOLLOW);
}

void write(const QString &path, const QByteArray &content, quint32 mode, qint64 mtime)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();
    ::chmod(QFile::encodeName(path).constData(), mode);
    touch(path, mtime);
}

/// A tree with what copies get wrong: nesting, empty and read-only
/// directories, modes, a large file, relative and dangling symlinks.
void makeTree(const QString &root)
{
    write(root + QStringLiteral("/a.txt"), "alpha\n", 0644, 1600000000);
    write(root + QStringLiteral("/run.sh"), "#!/bin/sh\n", 0755, 1600000100);
    write(root + QStringLiteral("/readonly.txt"), "ro\n", 0444, 1600000200);
    write(root + QStringLiteral("/private"), "secret\n", 0600, 1600000300);
    QDir().mkpath(root + QStringLiteral("/empty"));
    QDir().mkpath(root + QStringLiteral("/sub/deep"));
    QVERIFY(writeRandomFile(root + QStringLiteral("/sub/deep/data.bin"), 200 * 1024, 5));
    touch(root + QStringLiteral("/sub/deep/data.bin"), 1600000400);
    QVERIFY(writeRandomFile(root + QStringLiteral("/sub/big.bin"), 3 * 1024 * 1024 + 17, 6));
    for (int i = 0; i < 80; ++i)
        write(root + QStringLiteral("/many/f%1.txt").arg(i), QByteArray::number(i) + '\n', 0644, 1600001000 + i);
    // Text that compresses, small enough to travel in a batch and too large
    // to (the run with FERRY_COMPRESS=on sends both compressed).
    QByteArray text;
    for (int i = 0; text.size() < 700 * 1024; ++i)
        text += "line " + QByteArray::number(i) + ",alpha,beta,gamma," + QByteArray::number(i * 7919 % 1000) + '\n';
    write(root + QStringLiteral("/many/table.csv"), text.left(90 * 1024), 0644, 1600001500);
    write(root + QStringLiteral("/sub/log.txt"), text, 0644, 1600001600);
    write(root + QStringLiteral("/locked/inside.txt"), "in\n", 0644, 1600000500);
    ::symlink("sub/deep/data.bin", QFile::encodeName(root + QStringLiteral("/link")).constData());
    ::symlink("../nowhere", QFile::encodeName(root + QStringLiteral("/dangling")).constData());
    ::chmod(QFile::encodeName(root + QStringLiteral("/sub")).constData(), 0750);
    ::chmod(QFile::encodeName(root + QStringLiteral("/locked")).constData(), 0555);
    for (const char *dir : {"/empty", "/sub/deep", "/sub", "/many", "/locked", ""})
        touch(root + QLatin1StringView(dir), 1600002000);
}

int gnuCp(const QStringList &args)
{
    QProcess cp;
    cp.start(QStringLiteral("cp"), QStringList{QStringLiteral("-r"), QStringLiteral("--preserve=mode,timestamps")} + args);
    cp.waitForFinished(60000);
    return cp.exitCode();
}

} // namespace

class TestCopy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void likeGnuCp_data();
    void likeGnuCp();
    void refusals_data();
    void refusals();
    void renameAndFail();
    void resumeShorterDestination();
    void specialFilesSkipped();
    void typeMismatch();
    void moves();

private:
    std::unique_ptr<AgentProcess> m_agent;
    QString m_src;     ///< local sources
    QString m_ref;     ///< what GNU cp makes
    QString m_remote;  ///< the agent's root
    QString m_back;    ///< downloaded again
};

void TestCopy::init()
{
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    m_src = m_agent->scratch() + QStringLiteral("/src");
    m_ref = m_agent->scratch() + QStringLiteral("/ref");
    m_remote = m_agent->root();
    m_back = m_agent->scratch() + QStringLiteral("/back");
    QDir().mkpath(m_src);
    QDir().mkpath(m_ref);
    QDir().mkpath(m_back);
    makeTree(m_src + QStringLiteral("/tree"));
    write(m_src + QStringLiteral("/note.txt"), "note\n", 0640, 1600003000);
}

void TestCopy::cleanup()
{
    // Read-only directories would keep QTemporaryDir from cleaning up.
    QProcess::execute(QStringLiteral("chmod"), {QStringLiteral("-R"), QStringLiteral("u+rwx"), m_agent->scratch(), m_remote});
    m_agent.reset();
}

void TestCopy::likeGnuCp_data()
{
    QTest::addColumn<QStringList>("sources");     // relative to the source area
    QTest::addColumn<QString>("destination");     // relative to the destination area
    QTest::addColumn<QString>("policy");          // ferry --on-conflict
    QTest::addColumn<QStringList>("cpFlags");     // the GNU cp equivalent
    QTest::addColumn<bool>("prepopulate");        // destination holds an older copy first

    QTest::newRow("file to new name") << QStringList{QStringLiteral("note.txt")} << QStringLiteral("renamed.txt") << QStringLiteral("fail") << QStringList() << false;
    QTest::newRow("file into existing dir") << QStringList{QStringLiteral("note.txt")} << QStringLiteral("") << QStringLiteral("fail") << QStringList() << false;
    QTest::newRow("dir to new name") << QStringList{QStringLiteral("tree")} << QStringLiteral("copy") << QStringLiteral("fail") << QStringList() << false;
    QTest::newRow("dir into existing dir") << QStringList{QStringLiteral("tree")} << QStringLiteral("") << QStringLiteral("fail") << QStringList() << false;
    QTest::newRow("dir to new name, trailing slash") << QStringList{QStringLiteral("tree")} << QStringLiteral("fresh/") << QStringLiteral("fail") << QStringList() << false;
    QTest::newRow("several sources into dir") << QStringList{QStringLiteral("note.txt"), QStringLiteral("tree")} << QStringLiteral("") << QStringLiteral("fail") << QStringList() << false;
    QTest::newRow("merge, overwrite") << QStringList{QStringLiteral("tree")} << QStringLiteral("") << QStringLiteral("overwrite") << QStringList() << true;
    QTest::newRow("merge, skip") << QStringList{QStringLiteral("tree")} << QStringLiteral("") << QStringLiteral("skip") << QStringList{QStringLiteral("--update=none")} << true;
    QTest::newRow("merge, newer") << QStringList{QStringLiteral("tree")} << QStringLiteral("") << QStringLiteral("newer") << QStringList{QStringLiteral("--update=older")} << true;
}

void TestCopy::likeGnuCp()
{
    QFETCH(QStringList, sources);
    QFETCH(QString, destination);
    QFETCH(QString, policy);
    QFETCH(QStringList, cpFlags);
    QFETCH(bool, prepopulate);

    if (prepopulate) {
        // An earlier copy where some files are older, one newer, one extra.
        for (const QString &dest : {m_ref, m_remote}) {
            write(dest + QStringLiteral("/tree/a.txt"), "old alpha\n", 0600, 1500000000);
            write(dest + QStringLiteral("/tree/run.sh"), "newer script\n", 0700, 1700000000);
            write(dest + QStringLiteral("/tree/many/f3.txt"), "old 3\n", 0644, 1500000000);
            write(dest + QStringLiteral("/tree/extra.txt"), "keep me\n", 0644, 1500000000);
            touch(dest + QStringLiteral("/tree/many"), 1500000000);
            touch(dest + QStringLiteral("/tree"), 1500000000);
        }
    }

    QStringList local;
    QStringList remote;
    for (const QString &s : sources) {
        local.append(m_src + u'/' + s);
        remote.append(u':' + s);
    }
    QCOMPARE(gnuCp(cpFlags + local + QStringList{m_ref + u'/' + destination}), 0);

    CliResult up = runCli(*m_agent, QStringList{QStringLiteral("--quiet"), QStringLiteral("cp"), QStringLiteral("-r"), QStringLiteral("--on-conflict=") + policy}
                                        + local + QStringList{u':' + destination});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QString why;
    QVERIFY2(sameTree(m_ref, m_remote, &why), qPrintable(why));

    // And back down: the same copy from the agent's tree, checked against
    // GNU cp of the reference.
    if (prepopulate)
        return;
    const QString refBack = m_agent->scratch() + QStringLiteral("/refback");
    QDir().mkpath(refBack);
    QStringList refSources;
    QStringList remoteSources;
    for (const QString &entry : QDir(m_ref).entryList(QDir::AllEntries | QDir::NoDotAndDotDot)) {
        refSources.append(m_ref + u'/' + entry);
        remoteSources.append(u':' + entry);
    }
    QCOMPARE(gnuCp(refSources + QStringList{refBack}), 0);
    CliResult down = runCli(*m_agent, QStringList{QStringLiteral("--quiet"), QStringLiteral("cp"), QStringLiteral("-r")} + remoteSources + QStringList{m_back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QVERIFY2(sameTree(refBack, m_back, &why), qPrintable(why));
}

void TestCopy::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("several sources into a file") << QStringList{QStringLiteral("SRC/note.txt"), QStringLiteral("SRC/tree/a.txt"), QStringLiteral(":missing")}
                                                  << QStringLiteral("is not a directory");
    QTest::newRow("file onto a new name with a slash") << QStringList{QStringLiteral("SRC/note.txt"), QStringLiteral(":newdir/")} << QStringLiteral("Not a directory");
    QTest::newRow("directory without -r") << QStringList{QStringLiteral("SRC/tree"), QStringLiteral(":")} << QStringLiteral("omitting directory");
}

void TestCopy::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    args.replaceInStrings(QStringLiteral("SRC"), m_src);
    CliResult r = runCli(*m_agent, QStringList{QStringLiteral("cp")} + args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    // Nothing was copied.
    QCOMPARE(QDir(m_remote).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

void TestCopy::renameAndFail()
{
    write(m_remote + QStringLiteral("/note.txt"), "existing\n", 0644, 1500000000);
    write(m_remote + QStringLiteral("/note (1).txt"), "also existing\n", 0644, 1500000000);
    CliResult renamed = runCli(*m_agent, {QStringLiteral("cp"), QStringLiteral("--on-conflict=rename"), m_src + QStringLiteral("/note.txt"), QStringLiteral(":")});
    QVERIFY2(renamed.exitCode == 0, renamed.err.constData());
    QCOMPARE(fileChecksum(m_remote + QStringLiteral("/note (2).txt")), fileChecksum(m_src + QStringLiteral("/note.txt")));
    QCOMPARE(fileChecksum(m_remote + QStringLiteral("/note.txt")).isEmpty(), false);

    CliResult failed = runCli(*m_agent, {QStringLiteral("cp"), QStringLiteral("--on-conflict=fail"), m_src + QStringLiteral("/note.txt"), QStringLiteral(":")});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains("already exists"), failed.err.constData());
    QFile existing(m_remote + QStringLiteral("/note.txt"));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("existing\n"));
}

void TestCopy::resumeShorterDestination()
{
    // A destination holding the first part of the source is continued.
    const QString source = m_src + QStringLiteral("/big.bin");
    QVERIFY(writeRandomFile(source, 5 * 1024 * 1024, 9));
    QFile in(source);
    QVERIFY(in.open(QIODevice::ReadOnly));
    write(m_remote + QStringLiteral("/big.bin"), in.read(2 * 1024 * 1024), 0644, 1500000000);
    const QString stats = m_agent->scratch() + QStringLiteral("/stats.json");
    CliResult r = runCli(*m_agent, {QStringLiteral("--stats"), stats, QStringLiteral("cp"), QStringLiteral("--on-conflict=resume"), source, QStringLiteral(":")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(fileChecksum(m_remote + QStringLiteral("/big.bin")), fileChecksum(source));
    QFile statsFile(stats);
    QVERIFY(statsFile.open(QIODevice::ReadOnly));
    QVERIFY2(statsFile.readAll().contains("\"resumed_bytes\": 2097152"), "the 2 MiB prefix was sent again");

    // A destination that does not match the source's start is replaced.
    write(m_remote + QStringLiteral("/big.bin"), "garbage", 0644, 1500000000);
    CliResult again = runCli(*m_agent, {QStringLiteral("cp"), QStringLiteral("--on-conflict=resume"), source, QStringLiteral(":")});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(fileChecksum(m_remote + QStringLiteral("/big.bin")), fileChecksum(source));
}

void TestCopy::specialFilesSkipped()
{
    QVERIFY(::mkfifo(QFile::encodeName(m_src + QStringLiteral("/tree/pipe")).constData(), 0644) == 0);
    CliResult r = runCli(*m_agent, {QStringLiteral("cp"), QStringLiteral("-r"), m_src + QStringLiteral("/tree"), QStringLiteral(":")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("skipping special file"), r.err.constData());
    QVERIFY(!QFileInfo::exists(m_remote + QStringLiteral("/tree/pipe")));
    QVERIFY(QFileInfo::exists(m_remote + QStringLiteral("/tree/a.txt")));
}

void TestCopy::typeMismatch()
{
    // A file meeting a folder is never replaced; renaming gets it through.
    QVERIFY(QDir().mkpath(m_remote + QStringLiteral("/note.txt")));
    CliResult over = runCli(*m_agent, {QStringLiteral("cp"), QStringLiteral("--on-conflict=overwrite"), m_src + QStringLiteral("/note.txt"), QStringLiteral(":")});
    QCOMPARE(over.exitCode, 1);
    QVERIFY2(over.err.contains("cannot overwrite directory"), over.err.constData());
    QVERIFY(QFileInfo(m_remote + QStringLiteral("/note.txt")).isDir());
    CliResult renamed = runCli(*m_agent, {QStringLiteral("cp"), QStringLiteral("--on-conflict=rename"), m_src + QStringLiteral("/note.txt"), QStringLiteral(":")});
    QVERIFY2(renamed.exitCode == 0, renamed.err.constData());
    QVERIFY(QFileInfo(m_remote + QStringLiteral("/note (1).txt")).isFile());
}

void TestCopy::moves()
{
    write(m_remote + QStringLiteral("/a.txt"), "a", 0644, 1500000000);
    write(m_remote + QStringLiteral("/c.txt"), "c", 0644, 1500000000);
    QDir().mkpath(m_remote + QStringLiteral("/dir/sub"));
    const auto mv = [this](const QStringList &args) { return runCli(*m_agent, QStringList{QStringLiteral("mv")} + args); };

    QCOMPARE(mv({QStringLiteral(":a.txt"), QStringLiteral(":b.txt")}).exitCode, 0);
    QVERIFY(QFileInfo::exists(m_remote + QStringLiteral("/b.txt")) && !QFileInfo::exists(m_remote + QStringLiteral("/a.txt")));
    // An existing directory receives the source.
    QCOMPARE(mv({QStringLiteral(":b.txt"), QStringLiteral(":dir")}).exitCode, 0);
    QVERIFY(QFileInfo::exists(m_remote + QStringLiteral("/dir/b.txt")));
    // An existing file is not replaced unless asked to.
    write(m_remote + QStringLiteral("/d.txt"), "d", 0644, 1500000000);
    CliResult refused = mv({QStringLiteral(":c.txt"), QStringLiteral(":d.txt")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("exists"), refused.err.constData());
    QCOMPARE(fileChecksum(m_remote + QStringLiteral("/d.txt")), QCryptographicHash::hash("d", QCryptographicHash::Sha256).toHex());
    QCOMPARE(mv({QStringLiteral("-f"), QStringLiteral(":c.txt"), QStringLiteral(":d.txt")}).exitCode, 0);
    QCOMPARE(fileChecksum(m_remote + QStringLiteral("/d.txt")), QCryptographicHash::hash("c", QCryptographicHash::Sha256).toHex());
    // Never into itself.
    CliResult itself = mv({QStringLiteral(":dir"), QStringLiteral(":dir/sub/deeper")});
    QCOMPARE(itself.exitCode, 1);
    QVERIFY2(itself.err.contains("into itself"), itself.err.constData());
    QVERIFY(QFileInfo(m_remote + QStringLiteral("/dir/sub")).isDir());
}

QTEST_GUILESS_MAIN(TestCopy)
#include "tst_copy.moc"
