// SPDX-License-Identifier: GPL-3.0-or-later
// The copy planner on two in-memory file systems: cp's answers to "into it
// or to this name", walk order and totals, conflicts found by listing only
// the folders that exist, and every kind of source it must leave out.
#include "../support/memoryfs.h"

#include "core/copy/copyplan.h"

#include <QSignalSpy>
#include <QTest>

using namespace ferry;
using namespace ferry::copy;
using namespace Qt::Literals::StringLiterals;
using Outcome = PlanNode::Outcome;

namespace {

struct Planned {
    Error error;
    CopyPlan plan;
    QStringList warnings;
};

Planned plan(client::FileSystem &sender, client::FileSystem &receiver, const CopyPlanner::Request &request)
{
    CopyPlanner planner(sender, receiver, request);
    Planned result;
    bool done = false;
    QObject::connect(&planner, &CopyPlanner::warning, &planner, [&result](const QString &message) { result.warnings.append(message); });
    QObject::connect(&planner, &CopyPlanner::finished, &planner, [&](const Error &error) {
        result.error = error;
        done = true;
    });
    planner.start();
    if (!QTest::qWaitFor([&done] { return done; }, 5000))
        result.error = Error{ErrorCode::Connection, u"the planner did not finish"_s};
    result.plan = planner.plan();
    return result;
}

CopyPlanner::Request request(const QStringList &sources, const QString &destination, bool recursive = true)
{
    CopyPlanner::Request r;
    r.sources = sources;
    r.destination = destination;
    r.recursive = recursive;
    return r;
}

/// "source -> destDir/destName" of every node, in plan order.
QStringList routes(const CopyPlan &plan)
{
    QStringList lines;
    for (const PlanNode &node : plan.nodes)
        lines.append(node.sourcePath + u" -> "_s + (node.destDir.isEmpty() ? node.destName : node.destDir + u'/' + node.destName));
    return lines;
}

const PlanNode *nodeFor(const CopyPlan &plan, const QString &sourcePath)
{
    for (const PlanNode &node : plan.nodes)
        if (node.sourcePath == sourcePath)
            return &node;
    return nullptr;
}

} // namespace

class TestCopyPlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intoAnExistingFolder();
    void toANewName();
    void severalSourcesNeedAFolder();
    void folderWithoutRecursion();
    void trailingSlashDemandsAFolder();
    void specialFilesAreLeftOutWithAWarning();
    void conflictsAreFoundByListingOnlyWhatExists();
    void unreadableFolderFailsAloneAndTheRestIsPlanned();
    void aFolderIsNeverCopiedIntoItself();
    void aLinkToAFolderIsAFolderDestination();
    void sourceLinksFollowedOnlyWhenAsked();
    void noTargetDirectoryTakesTheNameAsGiven();
    void nothingToCopy();
};

void TestCopyPlan::intoAnExistingFolder()
{
    MemoryFs from;
    MemoryFs to;
    from.addFile(u"src/a.txt"_s, "aaa");
    from.addFile(u"src/sub/b.txt"_s, "bb");
    from.addDirectory(u"src/empty"_s);
    from.addSymlink(u"src/link"_s, u"a.txt"_s);
    to.addDirectory(u"dst"_s);
    const Planned result = plan(from, to, request({u"src"_s}, u"dst"_s));
    QCOMPARE(result.error.code, ErrorCode::None);
    QVERIFY(result.plan.destIsDir);
    QCOMPARE(routes(result.plan), (QStringList{u"src -> dst/src"_s, u"src/a.txt -> dst/src/a.txt"_s, u"src/empty -> dst/src/empty"_s,
                                              u"src/link -> dst/src/link"_s, u"src/sub -> dst/src/sub"_s, u"src/sub/b.txt -> dst/src/sub/b.txt"_s}));
    QCOMPARE(result.plan.files, 2);
    QCOMPARE(result.plan.directories, 3);
    QCOMPARE(result.plan.bytes, 5);
    QCOMPARE(result.plan.roots, QList<int>{0});
    // A folder's children name it as their parent, and it names them.
    const PlanNode *sub = nodeFor(result.plan, u"src/sub"_s);
    QVERIFY(sub);
    QCOMPARE(sub->children.size(), 1);
    QCOMPARE(result.plan.nodes.at(sub->children.first()).sourcePath, u"src/sub/b.txt"_s);
    QCOMPARE(nodeFor(result.plan, u"src/link"_s)->source.type, protocol::Entry::Type::Symlink);
    for (const PlanNode &node : result.plan.nodes)
        QCOMPARE(node.outcome, Outcome::Copy);
}

void TestCopyPlan::toANewName()
{
    MemoryFs from;
    MemoryFs to;
    from.addFile(u"a.txt"_s, "x");
    to.addDirectory(u"dst"_s);
    const Planned result = plan(from, to, request({u"a.txt"_s}, u"dst/renamed.txt"_s));
    QCOMPARE(result.error.code, ErrorCode::None);
    QVERIFY(!result.plan.destIsDir);
    QCOMPARE(routes(result.plan), QStringList{u"a.txt -> dst/renamed.txt"_s});
}

void TestCopyPlan::severalSourcesNeedAFolder()
{
    MemoryFs from;
    MemoryFs to;
    from.addFile(u"a"_s, "1");
    from.addFile(u"b"_s, "2");
    to.addFile(u"file"_s, "x");
    Planned result = plan(from, to, request({u"a"_s, u"b"_s}, u"file"_s));
    QCOMPARE(result.error.code, ErrorCode::NotADirectory);
    QCOMPARE(result.error.message, u"target ':file' is not a directory"_s);
    result = plan(from, to, request({u"a"_s, u"b"_s}, u"missing"_s));
    QCOMPARE(result.error.code, ErrorCode::NotADirectory);
}

void TestCopyPlan::folderWithoutRecursion()
{
    MemoryFs from;
    MemoryFs to;
    from.addFile(u"dir/f"_s, "1");
    from.addFile(u"g"_s, "22");
    to.addDirectory(u"dst"_s);
    const Planned result = plan(from, to, request({u"dir"_s, u"g"_s}, u"dst"_s, false));
    QCOMPARE(result.error.code, ErrorCode::None);
    const PlanNode *dir = nodeFor(result.plan, u"dir"_s);
    QCOMPARE(dir->outcome, Outcome::Failed);
    QCOMPARE(dir->error.code, ErrorCode::IsADirectory);
    QCOMPARE(dir->error.message, u"-r not specified; omitting directory ':dir'"_s);
    QVERIFY(dir->children.isEmpty());
    QCOMPARE(nodeFor(result.plan, u"g"_s)->outcome, Outcome::Copy);
    QCOMPARE(result.plan.files, 1);
    QCOMPARE(result.plan.bytes, 2);
    QCOMPARE(from.calls(u"list"_s), 0);
}

void TestCopyPlan::trailingSlashDemandsAFolder()
{
    MemoryFs from;
    MemoryFs to;
    from.addFile(u"f"_s, "1");
    const Planned result = plan(from, to, request({u"f"_s}, u"newdir/"_s));
    QCOMPARE(result.error.code, ErrorCode::None);
    QCOMPARE(result.plan.nodes.first().outcome, Outcome::Failed);
    QCOMPARE(result.plan.nodes.first().error.code, ErrorCode::NotADirectory);
}

void TestCopyPlan::specialFilesAreLeftOutWithAWarning()
{
    MemoryFs from;
    MemoryFs to;
    from.addFile(u"src/ok"_s, "1");
    from.addSpecial(u"src/fifo"_s);
    from.addSpecial(u"dev"_s);
    to.addDirectory(u"dst"_s);
    const Planned result = plan(from, to, request({u"src"_s, u"dev"_s}, u"dst"_s));
    QCOMPARE(result.error.code, ErrorCode::None);
    QCOMPARE(result.warnings, (QStringList{u"skipping special file ':dev'"_s, u"skipping special file ':src/fifo'"_s}));
    QCOMPARE(nodeFor(result.plan, u"src/fifo"_s)->outcome, Outcome::Skipped);
    QCOMPARE(nodeFor(result.plan, u"dev"_s)->outcome, Outcome::Skipped);
    QCOMPARE(nodeFor(result.plan, u"src/ok"_s)->outcome, Outcome::Copy);
    QCOMPARE(result.plan.files, 1);
}

void TestCopyPlan::conflictsAreFoundByListingOnlyWhatExists()
{
    MemoryFs from;
    MemoryFs to;
    // 3 folders, 40 files in the source; on the receiver the top folder
    // exists with one file and one folder of the same names.
    for (int i = 0; i < 20; ++i) {
        from.addFile(u"src/f%1"_s.arg(i), QByteArray(i, 'x'));
        from.addFile(u"src/deep/g%1"_s.arg(i), "y");
    }
    from.addDirectory(u"src/fresh"_s);
    to.addFile(u"dst/src/f3"_s, "old");
    to.addFile(u"dst/src/deep/g7"_s, "older");
    to.addFile(u"dst/src/unrelated"_s, "z");
    const Planned result = plan(from, to, request({u"src"_s}, u"dst"_s));
    QCOMPARE(result.error.code, ErrorCode::None);
    QStringList conflicts;
    for (const PlanNode &node : result.plan.nodes)
        if (node.destExists)
            conflicts.append(node.sourcePath + u':' + QString::number(node.dest.size));
    conflicts.sort();
    QCOMPARE(conflicts, (QStringList{u"src/deep/g7:5"_s, u"src/deep:0"_s, u"src/f3:3"_s, u"src:0"_s}));
    // One listing per source folder, one per destination folder that exists
    // (dst, dst/src, dst/src/deep); never one request per file.
    QCOMPARE(from.calls(u"list"_s), 3);
    QCOMPARE(to.calls(u"list"_s), 3);
    QCOMPARE(from.calls(u"stat"_s), 1);
    QCOMPARE(to.calls(u"stat"_s), 1);
    // The names taken, for free names when the user asks to rename.
    QVERIFY(result.plan.destNames.value(u"dst/src"_s).contains(u"unrelated"_s));
    QCOMPARE(result.plan.files, 40);
    QCOMPARE(result.plan.bytes, 190 + 20);
}

void TestCopyPlan::unreadableFolderFailsAloneAndTheRestIsPlanned()
{
    MemoryFs from;
    MemoryFs to;
    from.addFile(u"src/a/1"_s, "1");
    from.addFile(u"src/b/2"_s, "22");
    from.failOn(u"src/a"_s, Error{ErrorCode::PermissionDenied, u":src/a: Permission denied"_s});
    to.addDirectory(u"dst"_s);
    const Planned result = plan(from, to, request({u"src"_s}, u"dst"_s));
    QCOMPARE(result.error.code, ErrorCode::None);
    const PlanNode *a = nodeFor(result.plan, u"src/a"_s);
    QCOMPARE(a->outcome, Outcome::Failed);
    QCOMPARE(a->error.code, ErrorCode::PermissionDenied);
    QCOMPARE(nodeFor(result.plan, u"src/b/2"_s)->outcome, Outcome::Copy);
    QCOMPARE(result.plan.files, 1);
    QCOMPARE(result.plan.bytes, 2);
}

void TestCopyPlan::aFolderIsNeverCopiedIntoItself()
{
    MemoryFs fs;
    fs.addFile(u"dir/f"_s, "1");
    Planned result = plan(fs, fs, request({u"dir"_s}, u"dir/inside"_s));
    QCOMPARE(result.error.code, ErrorCode::InvalidArgument);
    QCOMPARE(result.error.message, u"cannot copy ':dir' into itself"_s);
    result = plan(fs, fs, request({u"dir"_s}, u"dir"_s));
    QCOMPARE(result.error.code, ErrorCode::InvalidArgument);
    // Two file systems: the same names are different places.
    MemoryFs other;
    other.addDirectory(u"dir"_s);
    result = plan(fs, other, request({u"dir"_s}, u"dir"_s));
    QCOMPARE(result.error.code, ErrorCode::None);
}

void TestCopyPlan::aLinkToAFolderIsAFolderDestination()
{
    MemoryFs from;
    MemoryFs to;
    from.addFile(u"f"_s, "1");
    to.addDirectory(u"real"_s);
    to.addSymlink(u"link"_s, u"real"_s);
    to.addSymlink(u"dangling"_s, u"nowhere"_s);
    Planned result = plan(from, to, request({u"f"_s}, u"link"_s));
    QCOMPARE(result.error.code, ErrorCode::None);
    QVERIFY(result.plan.destIsDir);
    QCOMPARE(routes(result.plan), QStringList{u"f -> link/f"_s});
    result = plan(from, to, request({u"f"_s}, u"dangling"_s));
    QVERIFY(!result.plan.destIsDir);
    QCOMPARE(routes(result.plan), QStringList{u"f -> dangling"_s});
}

void TestCopyPlan::sourceLinksFollowedOnlyWhenAsked()
{
    MemoryFs from;
    MemoryFs to;
    from.addFile(u"target"_s, "12345");
    from.addSymlink(u"link"_s, u"target"_s);
    to.addDirectory(u"dst"_s);
    auto r = request({u"link"_s}, u"dst"_s, false);
    Planned result = plan(from, to, r);
    QCOMPARE(result.plan.nodes.first().source.type, protocol::Entry::Type::Symlink);
    r.followSourceLinks = true;
    result = plan(from, to, r);
    QCOMPARE(result.plan.nodes.first().source.type, protocol::Entry::Type::File);
    QCOMPARE(result.plan.nodes.first().source.size, 5);
    QCOMPARE(result.plan.nodes.first().source.name, u"link"_s);
    QCOMPARE(result.plan.bytes, 5);
    // With -r a link is copied as a link, as cp -r does.
    r.recursive = true;
    result = plan(from, to, r);
    QCOMPARE(result.plan.nodes.first().source.type, protocol::Entry::Type::Symlink);
}

void TestCopyPlan::noTargetDirectoryTakesTheNameAsGiven()
{
    MemoryFs from;
    MemoryFs to;
    from.addFile(u"f"_s, "1");
    to.addDirectory(u"dst"_s);
    auto r = request({u"f"_s}, u"dst"_s);
    r.noTargetDirectory = true;
    Planned result = plan(from, to, r);
    QCOMPARE(result.error.code, ErrorCode::None);
    QVERIFY(!result.plan.destIsDir);
    QCOMPARE(routes(result.plan), QStringList{u"f -> dst"_s});
    QVERIFY(result.plan.nodes.first().destExists);
    r.sources.append(u"g"_s);
    result = plan(from, to, r);
    QCOMPARE(result.error.code, ErrorCode::InvalidArgument);
}

void TestCopyPlan::nothingToCopy()
{
    MemoryFs from;
    MemoryFs to;
    Planned result = plan(from, to, request({}, u"dst"_s));
    QCOMPARE(result.error.code, ErrorCode::InvalidArgument);
    from.addFile(u"f"_s, "1");
    result = plan(from, to, request({u".."_s}, u"dst"_s));
    QCOMPARE(result.error.code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestCopyPlan)
#include "tst_copyplan.moc"
