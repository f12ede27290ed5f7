// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/transferqueuemodel.h"

#include "core/copy/copyjob.h"
#include "core/humanformat.h"

#include <QFileInfo>
#include <QIcon>
#include <QTimer>

namespace ferry::ui {

TransferQueueModel::TransferQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_timer(new QTimer(this))
{
    m_clock.start();
    m_timer->setInterval(200);
    connect(m_timer, &QTimer::timeout, this, &TransferQueueModel::tick);
    m_timer->start();
}

TransferQueueModel::~TransferQueueModel() = default;

void TransferQueueModel::addJob(copy::CopyJob *job, bool upload)
{
    connect(job, &copy::CopyJob::fileStarted, this, [this, job, upload](int id, const QString &source, const QString &destination, qint64 size) {
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row);
        Row r;
        r.job = job;
        r.fileId = id;
        r.name = QFileInfo(destination.startsWith(u':') ? destination.mid(1) : destination).fileName();
        r.source = source;
        r.destination = destination;
        r.upload = upload;
        r.size = size;
        r.meter.sample(0, m_clock.elapsed());
        m_rows.append(r);
        m_index.insert({job, id}, row);
        endInsertRows();
    });
    connect(job, &copy::CopyJob::fileProgress, this, [this, job](int id, qint64 done) {
        const int row = rowOf(job, id);
        if (row < 0)
            return;
        m_rows[row].done = done;
        markDirty(row);
    });
    connect(job, &copy::CopyJob::fileFinished, this, [this, job](int id, const Error &error) {
        const int row = rowOf(job, id);
        if (row < 0)
            return;
        Row &r = m_rows[row];
        r.state = error.code == ErrorCode::None ? State::Done : State::Failed;
        r.error = error.message;
        if (r.state == State::Done)
            r.done = r.size;
        markDirty(row);
    });
}

int TransferQueueModel::rowOf(copy::CopyJob *job, int fileId) const
{
    return m_index.value({job, fileId}, -1);
}

void TransferQueueModel::markDirty(int row)
{
    m_dirtyFirst = m_dirtyFirst < 0 ? row : std::min(m_dirtyFirst, row);
    m_dirtyLast = std::max(m_dirtyLast, row);
}

void TransferQueueModel::tick()
{
    const qint64 now = m_clock.elapsed();
    bool running = false;
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        if (r.state != State::Running)
            continue;
        running = true;
        r.meter.sample(r.done, now);
        markDirty(i);
    }
    if (m_dirtyFirst >= 0) {
        Q_EMIT dataChanged(index(m_dirtyFirst, 0), index(m_dirtyLast, ColumnCount - 1));
        m_dirtyFirst = m_dirtyLast = -1;
        Q_EMIT totalsChanged();
    } else if (running) {
        Q_EMIT totalsChanged();
    }
}

void TransferQueueModel::clearFinished()
{
    beginResetModel();
    QList<Row> kept;
    for (const Row &r : std::as_const(m_rows))
        if (r.state == State::Running)
            kept.append(r);
    m_rows = kept;
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert({m_rows.at(i).job.data(), m_rows.at(i).fileId}, i);
    endResetModel();
    Q_EMIT totalsChanged();
}

qint64 TransferQueueModel::totalBytes() const
{
    qint64 total = 0;
    for (const Row &r : m_rows)
        total += r.size;
    return total;
}

qint64 TransferQueueModel::doneBytes() const
{
    qint64 done = 0;
    for (const Row &r : m_rows)
        done += r.done;
    return done;
}

double TransferQueueModel::totalSpeed() const
{
    double speed = 0;
    for (const Row &r : m_rows)
        if (r.state == State::Running)
            speed += r.meter.bytesPerSecond();
    return speed;
}

int TransferQueueModel::runningCount() const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.state == State::Running ? 1 : 0;
    return n;
}

int TransferQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TransferQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TransferQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const int percent = r.size > 0 ? int(r.done * 100 / r.size) : (r.state == State::Done ? 100 : 0);
    if (role == ProgressRole)
        return percent;
    if (role == StateRole)
        return int(r.state);
    if (role == Qt::ToolTipRole)
        return r.error.isEmpty() ? tr("%1 → %2").arg(r.source, r.destination) : r.error;
    if (role == Qt::DecorationRole && index.column() == NameColumn) {
        switch (r.state) {
        case State::Done: return QIcon::fromTheme(QStringLiteral("emblem-ok-symbolic"), QIcon::fromTheme(QStringLiteral("dialog-ok")));
        case State::Failed: return QIcon::fromTheme(QStringLiteral("dialog-error"));
        case State::Running: return QIcon::fromTheme(r.upload ? QStringLiteral("go-up") : QStringLiteral("go-down"));
        }
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case NameColumn: return r.name;
    case DirectionColumn: return r.upload ? tr("Upload") : tr("Download");
    case SizeColumn: return formatSize(r.size);
    case ProgressColumn: return tr("%1%").arg(percent);
    case RateColumn: return r.state == State::Running ? tr("%1/s").arg(formatSize(qint64(r.meter.bytesPerSecond()))) : QString();
    case EtaColumn: return r.state == State::Running ? formatDuration(r.meter.etaSeconds(r.size - r.done)) : QString();
    case StateColumn:
        switch (r.state) {
        case State::Running: return r.done > 0 ? tr("Running") : tr("Queued");
        case State::Done: return tr("Done");
        case State::Failed: return tr("Failed: %1").arg(r.error);
        }
    }
    return {};
}

QVariant TransferQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case DirectionColumn: return tr("Direction");
    case SizeColumn: return tr("Size");
    case ProgressColumn: return tr("Progress");
    case RateColumn: return tr("Rate");
    case EtaColumn: return tr("ETA");
    case StateColumn: return tr("State");
    }
    return {};
}

} // namespace ferry::ui
