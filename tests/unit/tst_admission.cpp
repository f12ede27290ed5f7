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
    limits.stalledMs = 1000;
    return limits;
}

} // namespace

class TestAdmission final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneAddressMayTakeWhatIsFree();
    void perAddressShareWhenFull();
    void fullBudgetMakesRoomAtTheBusiestAddress();
    void stuckConnectionsGiveWayFirst();
    void releaseIsIdempotent();
    void mappedAddressesAreOne();
    void failuresSlowChecksDown();
    void parallelChecksTakeTurns();
    void banAfterTooManyFailures();
    void successForgives();
    void burstsAreSummedUpOnce();
};

void TestAdmission::oneAddressMayTakeWhatIsFree()
{
    // Clients behind one address (a NAT, a reverse proxy) are not held to
    // a share while nobody else needs the places.
    Admission admission(smallLimits());
    for (quint64 id = 1; id <= 6; ++id) {
        const Admission::Decision decision = admission.admit(id, kUser, 0);
        QCOMPARE(decision.verdict, Admission::Verdict::Accept);
        QVERIFY(!decision.evict);
    }
    QCOMPARE(admission.pendingFrom(kUser), 6);
}

void TestAdmission::perAddressShareWhenFull()
{
    Admission admission(smallLimits());
    for (quint64 id = 1; id <= 6; ++id)
        QCOMPARE(admission.admit(id, kFlood, 0).verdict, Admission::Verdict::Accept);
    // Full, and everyone is still moving: an address beyond its share gets
    // no more places.
    QCOMPARE(admission.admit(7, kFlood, 100).verdict, Admission::Verdict::AddressFull);
    QCOMPARE(admission.pendingFrom(kFlood), 6);
    // Another address takes the place of the flood's oldest.
    Admission::Decision decision = admission.admit(8, kUser, 100);
    QCOMPARE(decision.verdict, Admission::Verdict::Accept);
    QCOMPARE(decision.evict, std::optional<quint64>(1));
    // A connection that authenticates frees its place.
    admission.release(3);
    QCOMPARE(admission.admit(9, kFlood, 100).verdict, Admission::Verdict::Accept);
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
    QCOMPARE(admission.admit(12, kUser, 0).evict, std::optional<quint64>(2));
    // Three each: taking one more from the other would not be fair.
    QCOMPARE(admission.admit(13, kFlood, 0).verdict, Admission::Verdict::Full);
    QCOMPARE(admission.admit(14, kUser, 0).verdict, Admission::Verdict::Full);
    QCOMPARE(admission.pendingFrom(kUser), 3);
    QCOMPARE(admission.pendingFrom(kFlood), 3);
}

void TestAdmission::stuckConnectionsGiveWayFirst()
{
    Admission admission(smallLimits());
    // The user's clients came first and hold most places, but they move on
    // (upgraded, proof sent); the flood's connections sit where they are.
    for (quint64 id = 1; id <= 4; ++id)
        admission.admit(id, kUser, 0);
    admission.admit(5, kFlood, 200);
    admission.admit(6, kFlood, 300);
    for (quint64 id = 1; id <= 4; ++id)
        admission.progressed(id, 900);
    // Nobody stuck for long enough yet: a connection that showed nothing
    // makes room, never one that moves, although the user holds the most.
    Admission::Decision decision = admission.admit(7, kUser, 1000);
    QCOMPARE(decision.verdict, Admission::Verdict::Accept);
    QCOMPARE(decision.evict, std::optional<quint64>(5));
    // One silent connection each: nobody makes room.
    QCOMPARE(admission.admit(8, kFlood, 1100).verdict, Admission::Verdict::Full);
    // A little later the flood's last has been stuck long enough.
    decision = admission.admit(8, kFlood, 1350);
    QCOMPARE(decision.evict, std::optional<quint64>(6));
    // The user's own give way when they stop moving: the oldest stage first.
    admission.progressed(1, 1300);
    admission.progressed(7, 1360);
    decision = admission.admit(9, kFlood, 2000);
    QCOMPARE(decision.evict, std::optional<quint64>(2));
    QCOMPARE(admission.pendingFrom(kUser), 4);
    QCOMPARE(admission.pendingFrom(kFlood), 2);
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
    QCOMPARE(admission.pendingFrom(kFlood), 4);
    admission.admit(5, kUser, 0);
    admission.admit(6, kUser, 0);
    QCOMPARE(admission.admit(7, mapped, 0).verdict, Admission::Verdict::AddressFull);
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
