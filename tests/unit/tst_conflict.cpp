// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/copy/conflict.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ferry;
using namespace ferry::copy;

namespace {

protocol::Entry file(qint64 size, qint64 mtimeNs)
{
    protocol::Entry e;
    e.type = protocol::Entry::Type::File;
    e.size = size;
    e.mtimeNs = mtimeNs;
    return e;
}

protocol::Entry folder()
{
    protocol::Entry e;
    e.type = protocol::Entry::Type::Directory;
    return e;
}

ConflictInfo conflict(const protocol::Entry &source, const protocol::Entry &destination, bool canResume = false)
{
    ConflictInfo info;
    info.sourcePath = u"src/a.txt"_s;
    info.destinationPath = u":dst/a.txt"_s;
    info.source = source;
    info.destination = destination;
    info.suggestedName = u"a (1).txt"_s;
    info.canResume = canResume;
    info.typeMismatch = (source.type == protocol::Entry::Type::Directory) != (destination.type == protocol::Entry::Type::Directory);
    return info;
}

} // namespace

Q_DECLARE_METATYPE(ferry::copy::ConflictPolicy)
Q_DECLARE_METATYPE(ferry::copy::ConflictAnswer::Action)
Q_DECLARE_METATYPE(ferry::copy::ConflictOutcome::Kind)
Q_DECLARE_METATYPE(ferry::copy::ConflictInfo)

class TestConflict final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void policiesAndAnswers_data();
    void policiesAndAnswers();
    void policyWords();
    void outcome_data();
    void outcome();
    void renameTakesTheNameGiven();
};

void TestConflict::policiesAndAnswers_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<ConflictPolicy>("policy");
    QTest::addColumn<bool>("answersItself");
    QTest::addColumn<ConflictAnswer::Action>("answer");
    QTest::newRow("overwrite") << u"overwrite"_s << ConflictPolicy::Overwrite << true << ConflictAnswer::Overwrite;
    QTest::newRow("skip") << u"skip"_s << ConflictPolicy::Skip << true << ConflictAnswer::Skip;
    QTest::newRow("rename") << u"rename"_s << ConflictPolicy::Rename << true << ConflictAnswer::Rename;
    // A move has nothing to resume and replaces, but the policy stays
    // Resume: copy and move read it the same way.
    QTest::newRow("resume") << u"resume"_s << ConflictPolicy::Resume << true << ConflictAnswer::Resume;
    QTest::newRow("newer") << u"newer"_s << ConflictPolicy::Newer << true << ConflictAnswer::OverwriteIfNewer;
    QTest::newRow("ask") << u"ask"_s << ConflictPolicy::Ask << false << ConflictAnswer::Cancel;
    QTest::newRow("fail") << u"fail"_s << ConflictPolicy::Fail << false << ConflictAnswer::Cancel;
}

void TestConflict::policiesAndAnswers()
{
    QFETCH(QString, word);
    QFETCH(ConflictPolicy, policy);
    QFETCH(bool, answersItself);
    QFETCH(ConflictAnswer::Action, answer);
    QCOMPARE(policyFromString(word), std::optional<ConflictPolicy>(policy));
    const std::optional<ConflictAnswer::Action> given = answerOf(policy);
    QCOMPARE(given.has_value(), answersItself);
    if (answersItself) {
        QCOMPARE(*given, answer);
        // "For all" with that answer is that policy again.
        QCOMPARE(policyOf(answer), policy);
    }
}

void TestConflict::policyWords()
{
    QVERIFY(!policyFromString(u"Overwrite"_s));
    QVERIFY(!policyFromString(u""_s));
    QVERIFY(!policyFromString(u"replace"_s));
    QCOMPARE(policyOf(ConflictAnswer::Cancel), ConflictPolicy::Ask);
}

void TestConflict::outcome_data()
{
    QTest::addColumn<ConflictInfo>("info");
    QTest::addColumn<ConflictAnswer::Action>("answer");
    QTest::addColumn<ConflictOutcome::Kind>("kind");
    QTest::addColumn<QString>("reason");
    const qint64 older = 1'000'000'000, newer = 2'000'000'000;
    QTest::newRow("overwrite") << conflict(file(10, newer), file(5, older)) << ConflictAnswer::Overwrite << ConflictOutcome::Replace << QString();
    QTest::newRow("skip") << conflict(file(10, newer), file(5, older)) << ConflictAnswer::Skip << ConflictOutcome::Skip << u"exists"_s;
    QTest::newRow("rename") << conflict(file(10, newer), file(5, older)) << ConflictAnswer::Rename << ConflictOutcome::Rename << QString();
    QTest::newRow("resume a shorter file") << conflict(file(10, newer), file(5, older), true) << ConflictAnswer::Resume << ConflictOutcome::Resume << QString();
    QTest::newRow("resume what cannot be") << conflict(file(10, newer), file(50, older)) << ConflictAnswer::Resume << ConflictOutcome::Replace << QString();
    QTest::newRow("newer source") << conflict(file(10, newer), file(5, older)) << ConflictAnswer::OverwriteIfNewer << ConflictOutcome::Replace << QString();
    QTest::newRow("older source") << conflict(file(10, older), file(5, newer)) << ConflictAnswer::OverwriteIfNewer << ConflictOutcome::Skip
                                  << u"the destination is not older"_s;
    QTest::newRow("same time") << conflict(file(10, older), file(5, older)) << ConflictAnswer::OverwriteIfNewer << ConflictOutcome::Skip
                               << u"the destination is not older"_s;
    QTest::newRow("file over folder") << conflict(file(10, newer), folder()) << ConflictAnswer::Overwrite << ConflictOutcome::Refuse
                                      << u"cannot overwrite directory ':dst/a.txt' with a non-directory"_s;
    QTest::newRow("folder over file") << conflict(folder(), file(5, older)) << ConflictAnswer::Resume << ConflictOutcome::Refuse
                                      << u"cannot overwrite non-directory ':dst/a.txt' with a directory"_s;
    QTest::newRow("skip a mismatch") << conflict(folder(), file(5, older)) << ConflictAnswer::Skip << ConflictOutcome::Skip << u"exists"_s;
    QTest::newRow("rename a mismatch") << conflict(folder(), file(5, older)) << ConflictAnswer::Rename << ConflictOutcome::Rename << QString();
    QTest::newRow("cancel") << conflict(file(10, newer), file(5, older)) << ConflictAnswer::Cancel << ConflictOutcome::Cancel << QString();
}

void TestConflict::outcome()
{
    QFETCH(ConflictInfo, info);
    QFETCH(ConflictAnswer::Action, answer);
    QFETCH(ConflictOutcome::Kind, kind);
    QFETCH(QString, reason);
    const ConflictOutcome outcome = resolveConflict(info, ConflictAnswer{answer, false, {}});
    QCOMPARE(outcome.kind, kind);
    QCOMPARE(outcome.reason, reason);
    QCOMPARE(outcome.newName, kind == ConflictOutcome::Rename ? info.suggestedName : QString());
}

void TestConflict::renameTakesTheNameGiven()
{
    const ConflictInfo info = conflict(file(1, 1), file(1, 1));
    QCOMPARE(resolveConflict(info, ConflictAnswer{ConflictAnswer::Rename, false, u"mine.txt"_s}).newName, u"mine.txt"_s);
    QCOMPARE(conflictRefusal(info), u":dst/a.txt: already exists"_s);
    QCOMPARE(noOneToAsk(info, {}), u":dst/a.txt exists; there is no one to ask"_s);
}

QTEST_GUILESS_MAIN(TestConflict)
#include "tst_conflict.moc"
