// SPDX-License-Identifier: GPL-3.0-or-later
// File names that are not UTF-8, through ferry-cli and a real agent: listed
// apart from their look-alikes and shown escaped, given back in the escaped
// form, fetched, renamed, removed and uploaded with the same bytes in their
// names, one by one and in whole trees both ways.
#include "support/agentprocess.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// caf\xe9.txt (Latin-1) and caf\xef\xbf\xbd.txt (a real U+FFFD) looked the
// same before: both were listed as "caf\uFFFD.txt".
const QByteArray kLatin1 = "caf\xe9.txt";
const QByteArray kReplacement = "caf\xef\xbf\xbd.txt";
const QByteArray kBackslash = "caf\\xE9.txt"; // a backslash, then "xE9"

QByteArray bytes(const QString &path)
{
    return QFile::encodeName(path);
}

QStringList lines(const QByteArray &out)
{
    return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestNames final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsLookAlikesApart();
    void statHashAndErrorsShowEscapes();
    void fetchesEachByItsOwnBytes();
    void renamesAndRemoves();
    void uploadsLocalNames();
    void copiesTreesBothWays();
    void followsLinkedLocalFolders();
    void refusesBrokenEscapes();

private:
    QByteArray root() const { return bytes(m_agent->root()); }
    QByteArray scratch() const { return bytes(m_agent->scratch()); }
    CliResult cli(const QStringList &args) { return runCli(*m_agent, args); }

    std::unique_ptr<AgentProcess> m_agent;
};

void TestNames::init()
{
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    QVERIFY(writeFileBytes(root() + '/' + kLatin1, "latin-1"));
    QVERIFY(writeFileBytes(root() + '/' + kReplacement, "replacement"));
    QVERIFY(writeFileBytes(root() + '/' + kBackslash, "backslash"));
    QVERIFY(QDir().mkpath(m_agent->scratch()));
}

void TestNames::cleanup()
{
    m_agent.reset();
}

void TestNames::listsLookAlikesApart()
{
    const CliResult plain = cli({u"ls"_s, u":"_s});
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    const QStringList names = lines(plain.out);
    QCOMPARE(names, (QStringList{u"caf\\\\xE9.txt"_s, u"caf\\xE9.txt"_s, u"caf\uFFFD.txt"_s}));

    const CliResult longList = cli({u"ls"_s, u"-l"_s, u":"_s});
    QVERIFY2(longList.exitCode == 0, longList.err.constData());
    QVERIFY2(longList.out.contains("  caf\\xE9.txt\n"), longList.out.constData());
    QVERIFY2(longList.out.contains("  caf\xef\xbf\xbd.txt\n"), longList.out.constData());

    const CliResult json = cli({u"ls"_s, u"--json"_s, u":"_s});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    QStringList jsonNames;
    for (const QJsonValue &entry : QJsonDocument::fromJson(json.out).array())
        jsonNames.append(entry.toObject().value(u"name"_s).toString());
    QCOMPARE(jsonNames, names);
}

void TestNames::statHashAndErrorsShowEscapes()
{
    const CliResult stat = cli({u"stat"_s, u":caf\\xE9.txt"_s});
    QVERIFY2(stat.exitCode == 0, stat.err.constData());
    QVERIFY2(stat.out.contains("Path: :caf\\xE9.txt\n"), stat.out.constData());
    QVERIFY2(stat.out.contains("Size: 7 "), stat.out.constData());

    const CliResult hash = cli({u"hash"_s, u":caf\\xE9.txt"_s, u":caf\\\\xE9.txt"_s});
    QVERIFY2(hash.exitCode == 0, hash.err.constData());
    const QStringList hashes = lines(hash.out);
    QCOMPARE(hashes.size(), 2);
    QVERIFY2(hashes.at(0).endsWith(u"  :caf\\xE9.txt"_s), qPrintable(hashes.at(0)));
    QVERIFY2(hashes.at(1).endsWith(u"  :caf\\\\xE9.txt"_s), qPrintable(hashes.at(1)));
    QVERIFY(hashes.at(0).left(32) != hashes.at(1).left(32));

    // The agent names a missing file in its message as it was asked for.
    const CliResult missing = cli({u"rm"_s, u":gone\\xFF"_s});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("gone\\xFF: No such file"), missing.err.constData());
}

void TestNames::fetchesEachByItsOwnBytes()
{
    const QByteArray into = scratch() + "/fetched";
    QVERIFY(QDir().mkpath(QString::fromUtf8(into)));
    for (const QString &remote : {u":caf\\xE9.txt"_s, u":caf\uFFFD.txt"_s, u":caf\\\\xE9.txt"_s}) {
        const CliResult got = cli({u"cp"_s, remote, QString::fromUtf8(into)});
        QVERIFY2(got.exitCode == 0, got.err.constData());
    }
    QCOMPARE(namesIn(into), (QList<QByteArray>{kBackslash, kLatin1, kReplacement}));
    QCOMPARE(readFileBytes(into + '/' + kLatin1), "latin-1"_ba);
    QCOMPARE(readFileBytes(into + '/' + kReplacement), "replacement"_ba);
    QCOMPARE(readFileBytes(into + '/' + kBackslash), "backslash"_ba);

    // Into a new name that is not UTF-8 either.
    const CliResult renamed = runCliBytes(*m_agent, {"cp", ":caf\\xE9.txt", into + "/copy\xff"});
    QVERIFY2(renamed.exitCode == 0, renamed.err.constData());
    QCOMPARE(readFileBytes(into + "/copy\xff"), "latin-1"_ba);
}

void TestNames::renamesAndRemoves()
{
    const CliResult moved = cli({u"mv"_s, u":caf\\xE9.txt"_s, u":neu\\xE9\\xFE.txt"_s});
    QVERIFY2(moved.exitCode == 0, moved.err.constData());
    QCOMPARE(namesIn(root()), (QList<QByteArray>{kBackslash, kReplacement, "neu\xe9\xfe.txt"}));
    QCOMPARE(readFileBytes(root() + "/neu\xe9\xfe.txt"), "latin-1"_ba);

    QVERIFY(QDir().mkpath(m_agent->root() + u"/box"_s));
    const CliResult into = cli({u"mv"_s, u":neu\\xE9\\xFE.txt"_s, u":box"_s});
    QVERIFY2(into.exitCode == 0, into.err.constData());
    QCOMPARE(namesIn(root() + "/box"), QList<QByteArray>{"neu\xe9\xfe.txt"});

    const CliResult removed = cli({u"rm"_s, u":box/neu\\xE9\\xFE.txt"_s, u":caf\\\\xE9.txt"_s});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    QCOMPARE(namesIn(root() + "/box"), QList<QByteArray>{});
    // Its look-alike is still there.
    QCOMPARE(namesIn(root()), (QList<QByteArray>{"box", kReplacement}));

    const CliResult made = cli({u"mkdir"_s, u":dir\\x80"_s});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const CliResult chmod = cli({u"chmod"_s, u"700"_s, u":dir\\x80"_s});
    QVERIFY2(chmod.exitCode == 0, chmod.err.constData());
    struct stat st {};
    QCOMPARE(::lstat(QByteArray(root() + "/dir\x80").constData(), &st), 0);
    QVERIFY(S_ISDIR(st.st_mode));
    QCOMPARE(st.st_mode & 07777, 0700u);
    const CliResult gone = cli({u"rm"_s, u"-r"_s, u":dir\\x80"_s});
    QVERIFY2(gone.exitCode == 0, gone.err.constData());
    QCOMPARE(namesIn(root()), (QList<QByteArray>{"box", kReplacement}));
}

void TestNames::uploadsLocalNames()
{
    const QByteArray local = scratch() + "/up\xe9.txt";
    QVERIFY(writeFileBytes(local, "uploaded"));
    const CliResult put = runCliBytes(*m_agent, {"cp", local, ":"});
    QVERIFY2(put.exitCode == 0, put.err.constData());
    QCOMPARE(readFileBytes(root() + "/up\xe9.txt"), "uploaded"_ba);

    // To a remote name given escaped, over an existing file.
    const CliResult over = runCliBytes(*m_agent, {"cp", "--on-conflict=overwrite", local, ":caf\\xE9.txt"});
    QVERIFY2(over.exitCode == 0, over.err.constData());
    QCOMPARE(readFileBytes(root() + '/' + kLatin1), "uploaded"_ba);
    QCOMPARE(readFileBytes(root() + '/' + kReplacement), "replacement"_ba);

    // Progress and messages show the local name escaped too.
    const CliResult again = runCliBytes(*m_agent, {"cp", "--on-conflict=fail", local, ":"});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("up\\xE9.txt"), again.err.constData());
}

void TestNames::copiesTreesBothWays()
{
    // Up: a local folder that is not UTF-8, holding such names at two depths.
    const QByteArray tree = scratch() + "/tree\xfe";
    QCOMPARE(::mkdir(tree.constData(), 0755), 0);
    QCOMPARE(::mkdir(QByteArray(tree + "/sub\xff").constData(), 0755), 0);
    QVERIFY(writeFileBytes(tree + "/a\xe9", "a"));
    QVERIFY(writeFileBytes(tree + "/sub\xff/b\xe9\xe9", "b"));
    QVERIFY(writeFileBytes(tree + "/plain.txt", "plain"));
    QCOMPARE(::symlink("a\xe9", QByteArray(tree + "/link\xe9").constData()), 0);
    const CliResult up = runCliBytes(*m_agent, {"cp", "-r", tree, ":"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const QByteArray remote = root() + "/tree\xfe";
    QCOMPARE(namesIn(remote), (QList<QByteArray>{"a\xe9", "link\xe9", "plain.txt", "sub\xff"}));
    QCOMPARE(readFileBytes(remote + "/a\xe9"), "a"_ba);
    QCOMPARE(readFileBytes(remote + "/sub\xff/b\xe9\xe9"), "b"_ba);
    char target[64] = {};
    QCOMPARE(::readlink(QByteArray(remote + "/link\xe9").constData(), target, sizeof target - 1), 2);
    QCOMPARE(QByteArray(target), "a\xe9"_ba);

    const CliResult listed = cli({u"ls"_s, u"-l"_s, u":tree\\xFE"_s});
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QVERIFY2(listed.out.contains(" link\\xE9 -> a\\xE9\n"), listed.out.constData());

    // Down again, into a new folder name.
    const QByteArray back = scratch() + "/back";
    const CliResult down = runCliBytes(*m_agent, {"cp", "-r", ":tree\\xFE", back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(namesIn(back), (QList<QByteArray>{"a\xe9", "link\xe9", "plain.txt", "sub\xff"}));
    QCOMPARE(readFileBytes(back + "/sub\xff/b\xe9\xe9"), "b"_ba);
    QCOMPARE(::readlink(QByteArray(back + "/link\xe9").constData(), target, sizeof target - 1), 2);

    // Within the agent (its own copy op), names as bytes as well.
    const CliResult remoteCopy = cli({u"cp"_s, u"-r"_s, u":tree\\xFE"_s, u":copy\\xFD"_s});
    QVERIFY2(remoteCopy.exitCode == 0, remoteCopy.err.constData());
    QCOMPARE(namesIn(root() + "/copy\xfd/sub\xff"), QList<QByteArray>{"b\xe9\xe9"});
}

void TestNames::followsLinkedLocalFolders()
{
    // A local symlink to a folder is a folder destination, as for cp, and
    // an uploaded symlink named on the command line is followed.
    const QByteArray folder = scratch() + "/dl\xe9";
    QCOMPARE(::mkdir(folder.constData(), 0755), 0);
    QCOMPARE(::symlink("dl\xe9", QByteArray(scratch() + "/ln\xe9").constData()), 0);
    const CliResult down = runCliBytes(*m_agent, {"cp", ":caf\\xE9.txt", scratch() + "/ln\xe9"});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(namesIn(folder), QList<QByteArray>{kLatin1});

    QCOMPARE(::symlink(QByteArray(folder + '/' + kLatin1).constData(), QByteArray(scratch() + "/file\xe9").constData()), 0);
    const CliResult up = runCliBytes(*m_agent, {"cp", scratch() + "/file\xe9", ":linked"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QCOMPARE(readFileBytes(root() + "/linked"), "latin-1"_ba);
    struct stat st {};
    QCOMPARE(::lstat(QByteArray(root() + "/linked").constData(), &st), 0);
    QVERIFY(S_ISREG(st.st_mode));
}

void TestNames::refusesBrokenEscapes()
{
    for (const QString &path : {u":caf\\e9.txt"_s, u":caf\\x9"_s, u":trailing\\"_s}) {
        const CliResult ls = cli({u"ls"_s, path});
        QCOMPARE(ls.exitCode, 2);
        QVERIFY2(ls.err.contains("is not an escape"), ls.err.constData());
    }
    const CliResult cp = cli({u"cp"_s, u":a\\q"_s, m_agent->scratch()});
    QCOMPARE(cp.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
