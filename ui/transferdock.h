// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QAction;
class QSpinBox;
class QTreeView;

namespace ferry::transfer {
class Job;
}

namespace ferry::copy {
class CopyJob;
class TransferSlots;
enum class Direction;
}

namespace ferry::ui {

class MessageBar;
class TransferQueueModel;

/// The transfer queue: every file with a progress bar, rate, ETA and state,
/// and the actions on it (pause, resume, cancel, retry for the selection or
/// for all, clear finished) with the number of parallel transfers.
class TransferDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferDock)

public:
    /// @p slots is the limit shared by every job the dock shows.
    explicit TransferDock(copy::TransferSlots *pool, QWidget *parent = nullptr);

    TransferQueueModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QSpinBox *parallelBox() const { return m_parallel; }
    /// Above the queue: what the queue has to say (transfers saved by the
    /// last run, with Resume and Discard).
    MessageBar *messageBar() const { return m_messages; }
    /// Shows @p job's files, named below @p root (see TransferQueueModel::addJob()).
    void addJob(copy::CopyJob *job, const QString &root = {});
    /// A transfer that is a row of its own (see TransferQueueModel::addTransfer()).
    void addTransfer(transfer::Job *job, const QString &name, const QString &source, const QString &destination, copy::Direction direction);
    /// Work counted in items (see TransferQueueModel::addTask()).
    void addTask(transfer::Job *job, const QString &name, const QString &target, const QString &kind);
    /// The dock's actions, by object name (pauseSelected, resumeSelected,
    /// cancelSelected, retrySelected, pauseAll, resumeAll, clearFinished).
    QAction *action(const QString &name) const;

Q_SIGNALS:
    void parallelChanged(int transfers);

private:
    QList<int> selectedRows() const;
    void updateActions();

    TransferQueueModel *m_model;
    QTreeView *m_view;
    QSpinBox *m_parallel;
    MessageBar *m_messages;
};

} // namespace ferry::ui
