// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/copy/copyjob.h"
#include "core/error.h"
#include "core/transfer/speedmeter.h"
#include "ui/queuestore.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <functional>

class QTimer;

namespace ferry::ui {

/// Every file of every copy job, one row each, for the queue dock: queued
/// as soon as the job has planned, then running, paused, waiting for an
/// answer, done, skipped or failed with its reason. Updates from the jobs
/// are batched: the view hears of changes once per tick, not once per chunk.
/// Rows are paused, resumed, cancelled and retried through their jobs.
/// A row's name is its path below the job's destination folder, which the
/// Destination column shows; its rate counts only the bytes this run moved.
class TransferQueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferQueueModel)

public:
    enum Column { NameColumn, DestinationColumn, DirectionColumn, SizeColumn, ProgressColumn, RateColumn, EtaColumn, StateColumn, ColumnCount };
    enum Role { ProgressRole = Qt::UserRole + 1, StateRole };
    enum class State { Queued, Asking, Running, Paused, Done, Skipped, Cancelled, Failed };
    Q_ENUM(State)

    /// Makes the job that retries one file (source to exactly destination).
    using RetryFactory = std::function<copy::CopyJob *(copy::Direction direction, const QString &source, const QString &destination)>;

    explicit TransferQueueModel(QObject *parent = nullptr);
    ~TransferQueueModel() override;

    /// Watches @p job (before it starts). Names are shown below @p root
    /// (display form, ":" ahead when remote; empty: the job's destination
    /// folder).
    void addJob(copy::CopyJob *job, const QString &root = {});
    /// Watches a transfer that is one row of its own (an archive built as
    /// it is downloaded), before it starts: cancelled, not paused or
    /// retried, from the queue.
    void addTransfer(transfer::Job *job, const QString &name, const QString &source, const QString &destination, copy::Direction direction);
    /// Watches work on the agent that is counted in items, not bytes (a
    /// recursive change of permissions): @p kind is shown for the
    /// direction, the items for the size; it stays out of the byte totals.
    void addTask(transfer::Job *job, const QString &name, const QString &target, const QString &kind);
    void setRetryFactory(RetryFactory factory) { m_retry = std::move(factory); }

    /// Actions on rows (view rows of this model).
    void pause(const QList<int> &rows);
    void resume(const QList<int> &rows);
    void cancel(const QList<int> &rows);
    /// Failed or cancelled rows start again, each as a job of its own.
    void retry(const QList<int> &rows);
    /// The rows so far belong to another agent than the next jobs: they
    /// can no longer be retried (a retry would go to the wrong machine),
    /// and unfinished() leaves them out.
    void detachFinished();
    bool canRetry(int row) const { return m_rows.at(row).retryable && !m_rows.at(row).source.isEmpty(); }
    void pauseAll();
    void resumeAll();
    void cancelAll();
    /// Removes the rows that are done, skipped, cancelled or failed.
    void clearFinished();

    /// While the link to the agent is down, running rows wait for it.
    void setConnected(bool connected);
    bool isConnected() const { return m_connected; }

    /// What has not finished (a failure for want of the connection counts
    /// as unfinished), as it would be started again: for the QueueStore.
    QList<SavedTransfer> unfinished(const QString &agent) const;

    State state(int row) const { return m_rows.at(row).state; }
    /// The row's rate in bytes per second over what this run moved (0
    /// unless it is running on a live link).
    double rate(int row) const;
    /// Bytes the row's transfer found already there and did not move again.
    qint64 resumedFrom(int row) const { return m_rows.at(row).resumedFrom; }
    qint64 doneBytes(int row) const { return m_rows.at(row).done; }
    static bool isFinal(State state) { return state >= State::Done; }

    /// Totals over the rows, for the status bar and the title.
    qint64 totalBytes() const;
    qint64 doneBytes() const;
    double totalSpeed() const;
    /// Rows not finished yet (queued, asking, running, paused).
    int activeCount() const;
    int runningCount() const;
    int failedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// Once per tick while something changed: totals for the window.
    void totalsChanged();
    /// A job ended: how many of its files failed, and how long it ran.
    void jobEnded(ferry::copy::CopyJob *job, qint64 elapsedMs);
    /// The set of unfinished transfers changed (a job came, a file or a
    /// job ended).
    void unfinishedChanged();
    /// A row came to its end (done, skipped, cancelled or failed), for
    /// the transfer log: @p reason is empty on success.
    void rowEnded(const QString &source, const QString &destination, qint64 size, ferry::copy::Direction direction,
                  ferry::ui::TransferQueueModel::State state, const QString &reason);

private:
    /// A job as it was asked for, kept after the job object is gone.
    struct JobInfo {
        QPointer<copy::CopyJob> job;
        copy::Direction direction = copy::Direction::Upload;
        QStringList sources;
        QString destination;
        bool exactTarget = false;
        QString root; ///< display form
        bool finished = false;
        bool detached = false; ///< of an agent left behind: not saved any more
    };
    struct Row {
        QPointer<copy::CopyJob> job;
        int jobKey = -1; ///< in m_jobs
        QPointer<transfer::Job> single; ///< a transfer of its own (addTransfer())
        int fileId = 0;
        QString name;            ///< shown form (escaped)
        QString source;      ///< for display (":" prefix when remote)
        QString destination;
        QString folder;      ///< shown form of the destination folder
        copy::Direction direction = copy::Direction::Upload;
        qint64 size = 0;
        qint64 done = 0;
        qint64 resumedFrom = 0;
        State state = State::Queued;
        QString error;
        ErrorCode code = ErrorCode::None;
        bool retryable = true;
        QString kind;            ///< a task's kind (addTask()), shown for the direction
        bool countsItems = false; ///< size and done are items, not bytes
        bool cancelAsked = false; ///< the user cancelled it (a queued file is then "skipped" by its job)
        transfer::SpeedMeter meter;
    };
    /// A row whose retry job is planning: its file id is not known yet.
    static constexpr int kRetryPending = -2;
    void connectJob(copy::CopyJob *job, int key);
    int registerJob(copy::CopyJob *job, const QString &root);
    /// Name and folder of @p r from its destination and its job's root.
    void place(Row &r) const;
    /// Restarts the rate of a running row from what it has now.
    void restartMeter(Row &r);
    int retryRowOf(copy::CopyJob *job) const;
    /// The jobs of the rows that have not finished yet.
    QSet<copy::CopyJob *> liveJobs() const;
    int rowOf(copy::CopyJob *job, int fileId) const;
    void setState(int row, State state);
    void markDirty(int row);
    void reindex();
    void tick();
    QString stateText(const Row &row) const;

    QList<Row> m_rows;
    QHash<int, JobInfo> m_jobs;
    int m_nextJobKey = 0;
    bool m_connected = true;
    QHash<QPair<copy::CopyJob *, int>, int> m_index; ///< (job, file id) -> row
    int m_dirtyFirst = -1;
    int m_dirtyLast = -1;
    QTimer *m_timer;
    QElapsedTimer m_clock;
    RetryFactory m_retry;
};

} // namespace ferry::ui
