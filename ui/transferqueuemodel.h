// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/transfer/speedmeter.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>

class QTimer;

namespace ferry::copy {
class CopyJob;
}

namespace ferry::ui {

/// Every file transfer of every copy job, one row each, for the queue dock.
/// Updates from the jobs are batched: the view hears of changes once per
/// tick, not once per chunk.
class TransferQueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferQueueModel)

public:
    enum Column { NameColumn, DirectionColumn, SizeColumn, ProgressColumn, RateColumn, EtaColumn, StateColumn, ColumnCount };
    enum Role { ProgressRole = Qt::UserRole + 1, StateRole, SortRole };
    enum class State { Running, Done, Failed };
    Q_ENUM(State)

    explicit TransferQueueModel(QObject *parent = nullptr);
    ~TransferQueueModel() override;

    /// Watches @p job; @p upload tells the direction for display.
    void addJob(copy::CopyJob *job, bool upload);
    /// Removes the rows of finished transfers.
    void clearFinished();

    /// Bytes and totals over the rows, for the status bar and title.
    qint64 totalBytes() const;
    qint64 doneBytes() const;
    double totalSpeed() const;
    int runningCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// Once per tick while something changed: totals for the window.
    void totalsChanged();

private:
    struct Row {
        QPointer<copy::CopyJob> job;
        int fileId = 0;
        QString name;
        QString source;
        QString destination;
        bool upload = true;
        qint64 size = 0;
        qint64 done = 0;
        State state = State::Running;
        QString error;
        transfer::SpeedMeter meter;
    };
    int rowOf(copy::CopyJob *job, int fileId) const;
    void markDirty(int row);
    void tick();

    QList<Row> m_rows;
    QHash<QPair<copy::CopyJob *, int>, int> m_index; ///< (job, file id) -> row
    int m_dirtyFirst = -1;
    int m_dirtyLast = -1;
    QTimer *m_timer;
    QElapsedTimer m_clock;
};

} // namespace ferry::ui
