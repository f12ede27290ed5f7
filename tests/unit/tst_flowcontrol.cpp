// SPDX-License-Identifier: GPL-3.0-or-later
// Credit accounting, the window autotuner, the send scheduler's ordering and
// its rate limit (on a clock the test moves by hand).
#include "core/net/receivewindow.h"
#include "core/net/rttstats.h"
#include "core/net/sendscheduler.h"
#include "core/protocol/frame.h"

#include <QTest>

using namespace ferry::net;

namespace {

/// Records frames; its "unsent bytes" are set by the test.
class RecordingSink final : public FrameSink
{
public:
    qint64 bytesToWrite() const override { return pending; }
    void writeFrame(const QByteArray &frame) override
    {
        frames.append(frame);
        pending += frame.size();
    }
    qint64 pending = 0;
    QList<QByteArray> frames;
};

/// A bulk stream offering @p total bytes in frames tagged with its letter.
class FakeSource final : public BulkSource
{
public:
    FakeSource(char tag, qint64 total) : m_tag(tag), m_left(total) {}
    std::optional<Outgoing> produce(qint64 maxData) override
    {
        if (m_left == 0 && !m_endSent) {
            m_endSent = true;
            return Outgoing{QByteArray(1, char(m_tag - 'a' + 'A')), 0}; // end marker without data
        }
        if (m_left == 0 || maxData <= 0)
            return std::nullopt;
        const qint64 n = std::min(maxData, m_left);
        m_left -= n;
        ++produced;
        return Outgoing{QByteArray(n, m_tag), n};
    }
    bool wantsToSend() const override { return m_left > 0; }
    int produced = 0;

private:
    char m_tag;
    qint64 m_left;
    bool m_endSent = false;
};

QString tags(const QList<QByteArray> &frames)
{
    QString s;
    for (const QByteArray &f : frames)
        s += QLatin1Char(f.at(0));
    return s;
}

qint64 totalBytes(const QList<QByteArray> &frames)
{
    qint64 n = 0;
    for (const QByteArray &f : frames)
        n += f.size();
    return n;
}

/// A scheduler with room for everything but its rate limit: a huge
/// low-water mark, plenty of credit, and a clock that moves only when told.
struct LimitedScheduler {
    explicit LimitedScheduler(qint64 rate, qint64 chunk = 128 * 1024)
        : scheduler(&sink, qint64(1) << 40, chunk)
    {
        scheduler.setClock([this] { return now; });
        scheduler.setThrottledCallback([this](qint64 delayMs) { delays.append(delayMs); });
        scheduler.addConnectionCredit(qint64(1) << 40);
        scheduler.setRateLimit(rate);
    }
    void addStream(quint32 id, BulkSource *source)
    {
        scheduler.addStream(id, source, qint64(1) << 40);
        scheduler.wake(id);
    }
    qint64 now = 1000;
    RecordingSink sink;
    SendScheduler scheduler;
    QList<qint64> delays; ///< every throttled callback
};

} // namespace

class TestFlowControl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowRefusesExcess();
    void creditReturnedOnlyWhenConsumed();
    void autotuneGrowsWhenBlockedAndBdpLarge_data();
    void autotuneGrowsWhenBlockedAndBdpLarge();
    void autotuneRespectsCap();
    void schedulerStrictPriority();
    void schedulerRoundRobin();
    void schedulerHonoursLowWater();
    void schedulerHonoursCredit();
    void schedulerReportsBlocked();
    void rateLimitHoldsBulkToRate_data();
    void rateLimitHoldsBulkToRate();
    void rateLimitNeverHoldsControl();
    void rateLimitReportsDelay();
    void rateLimitKeepsRoundRobin();
    void rateLimitLifted();
    void rateLimitSurvivesLongIdle();
    void rttPercentiles();
};

void TestFlowControl::windowRefusesExcess()
{
    ReceiveWindow w(1000, 4000);
    QVERIFY(w.onReceived(600));
    QVERIFY(w.onReceived(400));
    QVERIFY(!w.onReceived(1)); // beyond what was granted
    QCOMPARE(w.buffered(), 1000);
}

void TestFlowControl::creditReturnedOnlyWhenConsumed()
{
    ReceiveWindow w(1000, 1000);
    QVERIFY(w.onReceived(1000));
    // Less than half the window consumed: no update yet (batched).
    QVERIFY(!w.onConsumed(400, 0, 0));
    const auto increment = w.onConsumed(200, 0, 0);
    QVERIFY(increment);
    QCOMPARE(*increment, 600); // granted = consumed + window
    QCOMPARE(w.granted(), 1600);
    QVERIFY(w.onReceived(600));
    QVERIFY(!w.onReceived(1));
    // Bounded memory: what the receiver holds never exceeds the window.
    QVERIFY(w.buffered() <= w.window());
}

void TestFlowControl::autotuneGrowsWhenBlockedAndBdpLarge_data()
{
    QTest::addColumn<bool>("blocked");
    QTest::addColumn<double>("rttMs");
    QTest::addColumn<qint64>("epochMs");
    QTest::addColumn<qint64>("expectedWindow");
    // 64 KiB window; the sender delivers half of it per epoch.
    QTest::newRow("blocked, long RTT: grows") << true << 50.0 << qint64(10) << qint64(128 * 1024);
    QTest::newRow("not blocked: stays") << false << 50.0 << qint64(10) << qint64(64 * 1024);
    QTest::newRow("blocked, RTT tiny vs epoch: stays") << true << 0.1 << qint64(1000) << qint64(64 * 1024);
    QTest::newRow("blocked, RTT unknown: stays") << true << 0.0 << qint64(10) << qint64(64 * 1024);
}

void TestFlowControl::autotuneGrowsWhenBlockedAndBdpLarge()
{
    QFETCH(bool, blocked);
    QFETCH(double, rttMs);
    QFETCH(qint64, epochMs);
    QFETCH(qint64, expectedWindow);
    ReceiveWindow w(64 * 1024, 1024 * 1024);
    // First epoch starts at t=0.
    QVERIFY(w.onReceived(32 * 1024));
    QVERIFY(w.onConsumed(32 * 1024, 0, rttMs));
    QVERIFY(w.onReceived(32 * 1024));
    if (blocked)
        w.onSenderBlocked();
    QVERIFY(w.onConsumed(32 * 1024, epochMs, rttMs));
    QCOMPARE(w.window(), expectedWindow);
}

void TestFlowControl::autotuneRespectsCap()
{
    ReceiveWindow w(64 * 1024, 256 * 1024);
    qint64 now = 0;
    for (int i = 0; i < 50; ++i) {
        const qint64 n = w.granted() - w.received();
        QVERIFY(w.onReceived(n));
        w.onSenderBlocked();
        now += 1;
        w.onConsumed(n, now, 100.0);
    }
    QCOMPARE(w.window(), 256 * 1024);
}

void TestFlowControl::schedulerStrictPriority()
{
    RecordingSink sink;
    SendScheduler s(&sink, 1 << 20, 4);
    FakeSource bulk('b', 8);
    sink.pending = 1 << 20; // socket full: everything waits
    s.addStream(1, &bulk, 100);
    s.addConnectionCredit(100);
    s.wake(1);
    s.enqueue(Priority::Interactive, "i");
    s.enqueue(Priority::Control, "c");
    QVERIFY(sink.frames.isEmpty());
    sink.pending = 0;
    s.pump();
    // control, interactive, then the bulk chunks and the end marker.
    QCOMPARE(tags(sink.frames), QStringLiteral("cibbB"));
}

void TestFlowControl::schedulerRoundRobin()
{
    RecordingSink sink;
    SendScheduler s(&sink, 1 << 20, 4);
    FakeSource a('a', 12), b('b', 12), c('c', 4);
    s.addConnectionCredit(1000);
    s.addStream(1, &a, 100);
    s.addStream(2, &b, 100);
    s.addStream(3, &c, 100);
    sink.pending = 1 << 20;
    s.wake(1);
    s.wake(2);
    s.wake(3);
    sink.pending = 0;
    s.pump();
    QCOMPARE(tags(sink.frames), QStringLiteral("abcabCabAB"));
}

void TestFlowControl::schedulerHonoursLowWater()
{
    RecordingSink sink;
    SendScheduler s(&sink, 10, 4);
    FakeSource a('a', 100);
    s.addConnectionCredit(1000);
    s.addStream(1, &a, 1000);
    s.wake(1);
    // Frames go out only while fewer than 10 bytes are unsent: 4 + 4 + 4.
    QCOMPARE(sink.frames.size(), 3);
    // A control frame waits behind at most the low-water mark, and then
    // overtakes all queued bulk data.
    s.enqueue(Priority::Control, "c");
    QCOMPARE(sink.frames.size(), 3);
    sink.pending = 0;
    s.pump();
    QCOMPARE(sink.frames.at(3), QByteArray("c"));
}

void TestFlowControl::schedulerHonoursCredit()
{
    RecordingSink sink;
    SendScheduler s(&sink, 1 << 20, 4);
    FakeSource a('a', 100);
    s.addConnectionCredit(1000);
    s.addStream(1, &a, 6);
    s.wake(1);
    QCOMPARE(tags(sink.frames), QStringLiteral("aa")); // 4 + 2 bytes: credit used up
    QCOMPARE(sink.frames.at(1).size(), 2);
    s.addCredit(1, 4);
    QCOMPARE(tags(sink.frames), QStringLiteral("aaa"));
    // The connection window limits all streams together.
    FakeSource b('b', 100);
    SendScheduler t(&sink, 1 << 20, 4);
    t.addConnectionCredit(5);
    t.addStream(1, &b, 1000);
    sink.frames.clear();
    t.wake(1);
    QCOMPARE(sink.frames.size(), 2);
    QCOMPARE(sink.frames.at(0).size() + sink.frames.at(1).size(), 5);
}

void TestFlowControl::schedulerReportsBlocked()
{
    RecordingSink sink;
    SendScheduler s(&sink, 1 << 20, 4);
    QList<quint32> blocked;
    s.setBlockedCallback([&blocked](quint32 stream) { blocked.append(stream); });
    FakeSource a('a', 100);
    s.addConnectionCredit(1000);
    s.addStream(1, &a, 4);
    s.wake(1);
    s.wake(1);
    QCOMPARE(blocked, QList<quint32>{1}); // once per stall
    s.addCredit(1, 4);
    QCOMPARE(blocked, (QList<quint32>{1, 1}));
}

void TestFlowControl::rateLimitHoldsBulkToRate_data()
{
    QTest::addColumn<qint64>("rate");
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<qint64>("expectedFrame"); ///< largest frame under the limit
    // Frames hold a tenth of a second's worth, within [kMinRateBurst, chunk].
    QTest::newRow("1 MiB/s, woken every 7 ms") << qint64(1024 * 1024) << qint64(7) << qint64(1024 * 1024 / 10);
    QTest::newRow("1 MiB/s, woken every 90 ms") << qint64(1024 * 1024) << qint64(90) << qint64(1024 * 1024 / 10);
    QTest::newRow("100 KiB/s, woken every 1 ms") << qint64(100 * 1024) << qint64(1) << qint64(100 * 1024 / 10);
    QTest::newRow("1000 B/s: minimum frame") << qint64(1000) << qint64(50) << kMinRateBurst;
    QTest::newRow("16 MiB/s: frames stay at the chunk") << qint64(16) * 1024 * 1024 << qint64(10) << qint64(128 * 1024);
}

void TestFlowControl::rateLimitHoldsBulkToRate()
{
    QFETCH(qint64, rate);
    QFETCH(qint64, stepMs);
    QFETCH(qint64, expectedFrame);
    LimitedScheduler t(rate);
    const qint64 burst = std::max(rate / 10, kMinRateBurst);
    FakeSource a('a', qint64(1) << 40);
    t.addStream(1, &a);
    const qint64 start = t.now;
    qint64 sent = 0;
    qint64 largest = 0;
    // Ten simulated seconds. At every moment the bytes sent are at least
    // rate x time (the owner pumps at least every tenth of a second, so
    // the bucket never overflows and nothing earned is lost) and at most a
    // bucket more, plus the one frame allowed to overdraw it.
    for (qint64 elapsed = 0; elapsed <= 10000; elapsed += stepMs) {
        t.now = start + elapsed;
        t.scheduler.pump();
        for (const QByteArray &f : std::as_const(t.sink.frames))
            largest = std::max<qint64>(largest, f.size());
        sent += totalBytes(t.sink.frames);
        t.sink.frames.clear();
        const qint64 allowed = rate * elapsed / 1000;
        QVERIFY2(sent >= allowed && sent <= allowed + 2 * burst,
                 qPrintable(QStringLiteral("%1 bytes after %2 ms, %3 allowed").arg(sent).arg(elapsed).arg(allowed)));
    }
    QCOMPARE(largest, expectedFrame);
    QVERIFY(!t.delays.isEmpty()); // the owner was told when to come back
}

void TestFlowControl::rateLimitNeverHoldsControl()
{
    LimitedScheduler t(100 * 1024);
    FakeSource a('a', 1 << 20);
    t.addStream(1, &a);
    QCOMPARE(tags(t.sink.frames), QStringLiteral("a")); // the bucket's worth
    QVERIFY(t.scheduler.bulkDelayMs() > 0);
    // The clock stands still: bulk may not go, control and replies must.
    t.scheduler.enqueue(Priority::Control, "c");
    t.scheduler.enqueue(Priority::Interactive, "i");
    for (int i = 0; i < 100; ++i)
        t.scheduler.enqueue(Priority::Control, "p");
    t.scheduler.wake(1);
    QCOMPARE(tags(t.sink.frames), QStringLiteral("aci") + QString(100, u'p'));
    t.now += t.scheduler.bulkDelayMs();
    t.scheduler.pump();
    QCOMPARE(tags(t.sink.frames).back(), u'a');
}

void TestFlowControl::rateLimitReportsDelay()
{
    // 10 KiB/s: a tenth of a second is 1 KiB, raised to the 4 KiB minimum
    // bucket and frame, so each full frame costs 400 ms.
    LimitedScheduler t(10 * 1024);
    FakeSource a('a', 1 << 20);
    t.addStream(1, &a);
    QCOMPARE(t.sink.frames.size(), 1);
    // The full bucket went out; one more millisecond makes it positive.
    QCOMPARE(t.scheduler.bulkDelayMs(), 1);
    QCOMPARE(t.delays.last(), 1);
    t.now += 1;
    t.scheduler.pump();
    QCOMPARE(t.sink.frames.size(), 2);
    // That frame overdrew the 10.24 bytes earned by 4085.76 bytes.
    QCOMPARE(t.scheduler.bulkDelayMs(), 400);
    QCOMPARE(t.delays.last(), 400);
    t.now += 399;
    t.scheduler.pump();
    QCOMPARE(t.sink.frames.size(), 2); // not a millisecond early
    QCOMPARE(t.scheduler.bulkDelayMs(), 1);
    t.now += 1;
    t.scheduler.pump();
    QCOMPARE(t.sink.frames.size(), 3);
}

void TestFlowControl::rateLimitKeepsRoundRobin()
{
    LimitedScheduler t(40 * 1024, 4);
    FakeSource a('a', 1 << 20), b('b', 1 << 20);
    t.sink.pending = qint64(1) << 41; // both streams queue up before anything goes
    t.addStream(1, &a);
    t.addStream(2, &b);
    t.sink.pending = 0;
    for (int i = 0; i < 40; ++i) {
        t.now += 1;
        t.scheduler.pump();
    }
    const QString order = tags(t.sink.frames);
    QVERIFY(order.size() > 1000);
    QVERIFY(order.startsWith(QStringLiteral("abab")));
    QVERIFY(!order.contains(QStringLiteral("aa")) && !order.contains(QStringLiteral("bb")));
}

void TestFlowControl::rateLimitLifted()
{
    LimitedScheduler t(100 * 1024);
    FakeSource a('a', 1 << 20);
    t.addStream(1, &a);
    QCOMPARE(t.sink.frames.size(), 1);
    t.scheduler.setRateLimit(0);
    QCOMPARE(t.scheduler.bulkDelayMs(), 0);
    // Everything at once (and the end marker), the clock standing still.
    QCOMPARE(totalBytes(t.sink.frames), (1 << 20) + 1);
}

void TestFlowControl::rateLimitSurvivesLongIdle()
{
    // A year of silence neither banks more than one bucket...
    LimitedScheduler t(100 * 1024);
    FakeSource a('a', qint64(1) << 40);
    t.addStream(1, &a);
    t.sink.frames.clear();
    t.now += qint64(365) * 24 * 3600 * 1000;
    t.scheduler.pump();
    QVERIFY(totalBytes(t.sink.frames) <= 2 * 10 * 1024);
    // ...nor, at the highest rate, overflows into a debt that never ends.
    RecordingSink sink;
    SendScheduler fast(&sink, 1 << 20, 64 * 1024);
    qint64 now = 0;
    fast.setClock([&now] { return now; });
    fast.addConnectionCredit(qint64(1) << 40);
    fast.setRateLimit(ferry::protocol::kMaxRateLimit);
    FakeSource b('b', qint64(1) << 40);
    fast.addStream(1, &b, qint64(1) << 40);
    fast.wake(1);
    now += qint64(365) * 24 * 3600 * 1000;
    sink.frames.clear();
    sink.pending = 0;
    fast.pump();
    QCOMPARE(totalBytes(sink.frames), 1 << 20); // up to the low-water mark
    QCOMPARE(fast.bulkDelayMs(), 0);
}

void TestFlowControl::rttPercentiles()
{
    RttStats stats;
    for (int i = 1; i <= 100; ++i)
        stats.add(double(i));
    QCOMPARE(stats.count(), 100);
    QCOMPARE(stats.min(), 1.0);
    QCOMPARE(stats.max(), 100.0);
    QCOMPARE(stats.percentile(50), 50.0);
    QCOMPARE(stats.percentile(99), 99.0);
    QVERIFY(stats.smoothed() > 50.0);
}

QTEST_GUILESS_MAIN(TestFlowControl)
#include "tst_flowcontrol.moc"
