// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/admission.h"

#include <QTest>

using namespace ferry::agent;

namespace {

const QHostAddress kFlood(QStringLiteral("127.0.0.2"));
const QHostAddress kUser(QStringLiteral("127.0.0.1"));

AdmissionLimits smallLimits()
{
    AdmissionLimits limits;
    limits.pendingTotal = 6;
    limits.pendingPerAddress = 4;
    limits.freeFailures = 2;
    limits.firstDelayMs = 100;
    limits.maxDelayMs = 800;
    limits.banAfter = 8;
    limits.banMs = 5000;
    limits.burstQuietMs = 1000;
    return limits;
}

} // namespace

class TestAdmission final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void perAddressShare();
    void fullBudgetMakesRoomAtTheBusiestAddress();
    void releaseIsIdempotent();
    void mappedAddressesAreOne();
    void failuresSlowChecksDown();
    void parallelChecksTakeTurns();
    void banAfterTooManyFailures();
    void successForgives();
    void burstsAreSummedUpOnce();
};

void TestAdmission::perAddressShare()
{
    Admission admission(smallLimits());
    for (quint64 id = 1; id <= 4; ++id)
        QCOMPARE(admission.admit(id, kFlood, 0).verdict, Admission::Verdict::Accept);
    QCOMPARE(admission.admit(5, kFlood, 0).verdict, Admission::Verdict::AddressFull);
    QCOMPARE(admission.pendingFrom(kFlood), 4);
    // Others still get in.
    QCOMPARE(admission.admit(6, kUser, 0).verdict, Admission::Verdict::Accept);
    // A connection that authenticates frees its place.
    admission.release(2);
    QCOMPARE(admission.admit(7, kFlood, 0).verdict, Admission::Verdict::Accept);
}

void TestAdmission::fullBudgetMakesRoomAtTheBusiestAddress()
{
    AdmissionLimits limits = smallLimits();
    limits.pendingPerAddress = 6;
    Admission admission(limits);
    // Five from the flood, then the user's first.
    for (quint64 id = 1; id <= 5; ++id)
        QVERIFY(!admission.admit(id, kFlood, 0).evict);
    QVERIFY(!admission.admit(10, kUser, 0).evict);
    QCOMPARE(admission.pendingCount(), 6);
    // The budget is full: the user's next one pushes out the flood's oldest,
    // never the user's own.
    const Admission::Decision decision = admission.admit(11, kUser, 0);
    QCOMPARE(decision.verdict, Admission::Verdict::Accept);
    QCOMPARE(decision.evict, std::optional<quint64>(1));
    QCOMPARE(admission.pendingCount(), 6);
    QCOMPARE(admission.pendingFrom(kUser), 2);
    QCOMPARE(admission.pendingFrom(kFlood), 4);
    QCOMPARE(admission.admit(12, kFlood, 0).evict, std::optional<quint64>(2));
}

void TestAdmission::releaseIsIdempotent()
{
    Admission admission(smallLimits());
    admission.admit(1, kUser, 0);
    admission.release(1);
    admission.release(1);
    admission.release(99);
    QCOMPARE(admission.pendingCount(), 0);
    QCOMPARE(admission.pendingFrom(kUser), 0);
}

void TestAdmission::mappedAddressesAreOne()
{
    Admission admission(smallLimits());
    const QHostAddress mapped(QStringLiteral("::ffff:127.0.0.2"));
    for (quint64 id = 1; id <= 2; ++id)
        admission.admit(id, kFlood, 0);
    for (quint64 id = 3; id <= 4; ++id)
        admission.admit(id, mapped, 0);
    QCOMPARE(admission.admit(5, mapped, 0).verdict, Admission::Verdict::AddressFull);
}

void TestAdmission::failuresSlowChecksDown()
{
    Admission admission(smallLimits());
    qint64 now = 1000;
    // The first failures cost nothing more than the try.
    QCOMPARE(admission.reserveCheck(kFlood, now), 0);
    admission.failed(kFlood, now);
    QCOMPARE(admission.reserveCheck(kFlood, now), 0);
    admission.failed(kFlood, now);
    // Then each check waits, longer after every failure, up to the ceiling.
    QList<qint64> waits;
    for (int i = 0; i < 6; ++i) {
        const qint64 wait = admission.reserveCheck(kFlood, now);
        now += wait;
        admission.failed(kFlood, now);
        waits.append(wait);
    }
    QCOMPARE(waits, (QList<qint64>{100, 200, 400, 800, 800, 800}));
    // Another address is not slowed down.
    QCOMPARE(admission.reserveCheck(kUser, now), 0);
}

void TestAdmission::parallelChecksTakeTurns()
{
    Admission admission(smallLimits());
    admission.failed(kFlood, 0);
    admission.failed(kFlood, 0);
    admission.failed(kFlood, 0); // now 200 ms between checks
    // Ten proofs arriving at once are checked one per slot, not together.
    QList<qint64> turns;
    for (int i = 0; i < 10; ++i)
        turns.append(admission.reserveCheck(kFlood, 0));
    for (int i = 1; i < turns.size(); ++i)
        QVERIFY2(turns.at(i) - turns.at(i - 1) >= 200, qPrintable(QStringLiteral("slot %1: %2 after %3").arg(i).arg(turns.at(i)).arg(turns.at(i - 1))));
}

void TestAdmission::banAfterTooManyFailures()
{
    Admission admission(smallLimits());
    qint64 now = 0;
    Admission::FailureNote note;
    int logged = 0;
    for (int i = 0; i < 8; ++i) {
        now += admission.reserveCheck(kFlood, now);
        note = admission.failed(kFlood, now);
        logged += note.logNow ? 1 : 0;
    }
    QVERIFY(note.bannedNow);
    QCOMPARE(logged, 1);
    QVERIFY(admission.isBanned(kFlood, now));
    QCOMPARE(admission.admit(1, kFlood, now).verdict, Admission::Verdict::Banned);
    QCOMPARE(admission.admit(2, kUser, now).verdict, Admission::Verdict::Accept);
    // Bans are short.
    now += 5001;
    QVERIFY(!admission.isBanned(kFlood, now));
    QCOMPARE(admission.admit(3, kFlood, now).verdict, Admission::Verdict::Accept);
}

void TestAdmission::successForgives()
{
    Admission admission(smallLimits());
    for (int i = 0; i < 5; ++i)
        admission.failed(kUser, 0);
    QVERIFY(admission.reserveCheck(kUser, 0) > 0);
    admission.succeeded(kUser);
    QCOMPARE(admission.reserveCheck(kUser, 10000), 0);
}

void TestAdmission::burstsAreSummedUpOnce()
{
    Admission admission(smallLimits());
    for (int i = 0; i < 5; ++i)
        admission.failed(kFlood, i * 10);
    QVERIFY(admission.takeEndedBursts(500).isEmpty()); // still going on
    const QList<Admission::BurstSummary> ended = admission.takeEndedBursts(2000);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.first().address, kFlood);
    QCOMPARE(ended.first().failures, 5);
    QVERIFY(!ended.first().banned);
    QVERIFY(admission.takeEndedBursts(3000).isEmpty());
    // A new burst is logged again from its first failure.
    QVERIFY(admission.failed(kFlood, 4000).logNow);
    QVERIFY(!admission.failed(kFlood, 4010).logNow);
}

QTEST_GUILESS_MAIN(TestAdmission)
#include "tst_admission.moc"
