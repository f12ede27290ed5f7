// SPDX-License-Identifier: GPL-3.0-or-later
// What the next transfer of a copy carries: a large or resumed file alone,
// small ones together within the batch limits, and files that cannot join
// keeping their place.
#include "core/copy/readyqueue.h"

#include <QTest>

using ferry::copy::ReadyQueue;

namespace {

constexpr ReadyQueue::Limits kLimits{4, 100};

ReadyQueue queueOf(const QList<ReadyQueue::File> &files)
{
    ReadyQueue queue;
    for (const ReadyQueue::File &file : files)
        queue.append(file);
    return queue;
}

} // namespace

class TestReadyQueue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyGivesNothing()
    {
        ReadyQueue queue;
        QVERIFY(queue.takeNext(kLimits).isEmpty());
    }

    void aLargeFileGoesAlone()
    {
        ReadyQueue queue = queueOf({{1, 500, false}, {2, 10, true}, {3, 10, true}});
        QCOMPARE(queue.takeNext(kLimits), QList<int>{1});
        QCOMPARE(queue.takeNext(kLimits), (QList<int>{2, 3}));
        QVERIFY(queue.isEmpty());
    }

    void smallFilesTravelTogetherUpToTheFileLimit()
    {
        ReadyQueue queue = queueOf({{1, 1, true}, {2, 1, true}, {3, 1, true}, {4, 1, true}, {5, 1, true}, {6, 1, true}});
        QCOMPARE(queue.takeNext(kLimits), (QList<int>{1, 2, 3, 4}));
        QCOMPARE(queue.takeNext(kLimits), (QList<int>{5, 6}));
    }

    void aBatchStopsAtTheByteLimit()
    {
        ReadyQueue queue = queueOf({{1, 60, true}, {2, 30, true}, {3, 20, true}, {4, 5, true}});
        // 60 + 30 fit; 20 more would pass 100, and the batch ends there so
        // the order of what follows is kept.
        QCOMPARE(queue.takeNext(kLimits), (QList<int>{1, 2}));
        QCOMPARE(queue.takeNext(kLimits), (QList<int>{3, 4}));
    }

    void theFirstFileAlwaysGoes()
    {
        ReadyQueue queue = queueOf({{1, 150, true}, {2, 1, true}});
        QCOMPARE(queue.takeNext(kLimits), QList<int>{1});
        QCOMPARE(queue.takeNext(kLimits), QList<int>{2});
    }

    void aFileThatCannotJoinKeepsItsPlace()
    {
        ReadyQueue queue = queueOf({{1, 1, true}, {2, 999, false}, {3, 1, true}, {4, 5, false}, {5, 1, true}});
        QCOMPARE(queue.takeNext(kLimits), (QList<int>{1, 3, 5}));
        QCOMPARE(queue.takeNext(kLimits), QList<int>{2});
        QCOMPARE(queue.takeNext(kLimits), QList<int>{4});
        QVERIFY(queue.isEmpty());
    }

    void resumedFilesGoFirstAndRemovedOnesNever()
    {
        ReadyQueue queue = queueOf({{1, 1, true}, {2, 1, true}, {3, 1, true}});
        QVERIFY(queue.remove(2));
        QVERIFY(!queue.remove(2));
        queue.prepend({7, 500, false});
        QCOMPARE(queue.size(), 3);
        QCOMPARE(queue.takeNext(kLimits), QList<int>{7});
        QCOMPARE(queue.takeNext(kLimits), (QList<int>{1, 3}));
    }
};

QTEST_GUILESS_MAIN(TestReadyQueue)
#include "tst_readyqueue.moc"
