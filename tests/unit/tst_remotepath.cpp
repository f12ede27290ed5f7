// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/remotepath.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ferry;

class TestRemotePath final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalized_data();
    void normalized();
    void join_data();
    void join();
    void parentAndName_data();
    void parentAndName();
    void isWithin_data();
    void isWithin();
};

void TestRemotePath::normalized_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("root") << u""_s << u""_s;
    QTest::newRow("dot") << u"."_s << u""_s;
    QTest::newRow("plain") << u"a/b"_s << u"a/b"_s;
    QTest::newRow("trailing slash") << u"a/b/"_s << u"a/b"_s;
    QTest::newRow("doubled slashes") << u"a//b///c"_s << u"a/b/c"_s;
    QTest::newRow("dots") << u"./a/./b/."_s << u"a/b"_s;
    QTest::newRow("dot-dot") << u"a/b/../c"_s << u"a/c"_s;
    QTest::newRow("back to the root") << u"a/.."_s << u""_s;
    QTest::newRow("above the root stays") << u"a/../../x"_s << u"../x"_s;
    QTest::newRow("two above") << u"../../x/.."_s << u"../.."_s;
    QTest::newRow("absolute stays") << u"/etc//passwd"_s << u"/etc/passwd"_s;
    QTest::newRow("absolute root") << u"/"_s << u"/"_s;
    QTest::newRow("absolute above") << u"/../x"_s << u"/x"_s;
    QTest::newRow("dots in names") << u"a/..b/c../.../"_s << u"a/..b/c../..."_s;
    QTest::newRow("spaces and UTF-8") << u" a /Grüße/ "_s << u" a /Grüße/ "_s;
    QTest::newRow("backslash is a name") << u"a\\b/c"_s << u"a\\b/c"_s;
    // A byte that is not UTF-8, as pathcodec holds it.
    QTest::newRow("raw byte") << (u"x/"_s + QChar(0xDCE9) + u"/../y"_s) << u"x/y"_s;
}

void TestRemotePath::normalized()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(remotepath::normalized(path), expected);
    QCOMPARE(remotepath::normalized(expected), expected);
}

void TestRemotePath::join_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("into the root") << u""_s << u"a"_s << u"a"_s;
    QTest::newRow("into a folder") << u"a/b"_s << u"c"_s << u"a/b/c"_s;
    QTest::newRow("folder with a slash") << u"a/"_s << u"c"_s << u"a/c"_s;
    QTest::newRow("absolute root") << u"/"_s << u"c"_s << u"/c"_s;
    QTest::newRow("name with spaces") << u"a"_s << u"my file.txt"_s << u"a/my file.txt"_s;
}

void TestRemotePath::join()
{
    QFETCH(QString, dir);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(remotepath::join(dir, name), expected);
}

void TestRemotePath::parentAndName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QString>("name");
    QTest::newRow("root") << u""_s << u""_s << u""_s;
    QTest::newRow("top level") << u"a.txt"_s << u""_s << u"a.txt"_s;
    QTest::newRow("nested") << u"a/b/c.txt"_s << u"a/b"_s << u"c.txt"_s;
    QTest::newRow("trailing slash") << u"a/b/"_s << u"a"_s << u"b"_s;
    QTest::newRow("through dot-dot") << u"a/b/.."_s << u""_s << u"a"_s;
    QTest::newRow("above the root") << u".."_s << u"../.."_s << u".."_s;
    QTest::newRow("absolute") << u"/etc/passwd"_s << u"/etc"_s << u"passwd"_s;
    QTest::newRow("absolute top") << u"/etc"_s << u"/"_s << u"etc"_s;
    QTest::newRow("absolute root") << u"/"_s << u"/"_s << u""_s;
    QTest::newRow("hidden") << u"x/.config"_s << u"x"_s << u".config"_s;
}

void TestRemotePath::parentAndName()
{
    QFETCH(QString, path);
    QFETCH(QString, parent);
    QFETCH(QString, name);
    QCOMPARE(remotepath::parent(path), parent);
    QCOMPARE(remotepath::name(path), name);
    // Put back together, they are the path again.
    if (!name.isEmpty() && name != u".."_s)
        QCOMPARE(remotepath::join(parent, name), remotepath::normalized(path));
}

void TestRemotePath::isWithin_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("folder");
    QTest::addColumn<bool>("within");
    QTest::newRow("itself") << u"a/b"_s << u"a/b"_s << true;
    QTest::newRow("beneath") << u"a/b/c"_s << u"a/b"_s << true;
    QTest::newRow("sibling with the same start") << u"a/bc"_s << u"a/b"_s << false;
    QTest::newRow("parent") << u"a"_s << u"a/b"_s << false;
    QTest::newRow("anything in the root") << u"x/y"_s << u""_s << true;
    QTest::newRow("the root itself") << u""_s << u""_s << true;
    QTest::newRow("above the root") << u"../x"_s << u""_s << false;
    QTest::newRow("absolute is not in the root") << u"/x"_s << u""_s << false;
    QTest::newRow("unnormalized") << u"a/./b//c/"_s << u"a/b/"_s << true;
    QTest::newRow("climbing out") << u"a/b/../../c"_s << u"a"_s << false;
    QTest::newRow("above, further above") << u"../.."_s << u".."_s << false;
    QTest::newRow("above, beneath") << u"../x"_s << u".."_s << true;
}

void TestRemotePath::isWithin()
{
    QFETCH(QString, path);
    QFETCH(QString, folder);
    QFETCH(bool, within);
    QCOMPARE(remotepath::isWithin(path, folder), within);
}

QTEST_GUILESS_MAIN(TestRemotePath)
#include "tst_remotepath.moc"
