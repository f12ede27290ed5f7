// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/transferqueuemodel.h"

#include "core/humanformat.h"
#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"
#include "ui/displayformat.h"

#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>

namespace ferry::ui {

namespace {

QString withoutColon(const QString &path)
{
    return path.startsWith(u':') ? path.mid(1) : path;
}

/// A folder as the Destination column shows it.
QString folderShown(const QString &raw, bool remote)
{
    if (!remote)
        return pathcodec::escaped(raw);
    return u':' + pathcodec::escaped(raw.isEmpty() ? QStringLiteral("/") : raw);
}

/// @p path below @p folder (raw forms), or empty when it is not below it.
QString below(const QString &folder, const QString &path, bool remote)
{
    if (remote && (folder.isEmpty() || folder == u"/"))
        return path.startsWith(u'/') ? path.mid(1) : path;
    const QString prefix = folder.endsWith(u'/') ? folder : folder + u'/';
    return path.startsWith(prefix) && path.size() > prefix.size() ? path.mid(prefix.size()) : QString();
}

} // namespace

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

void TransferQueueModel::addJob(copy::CopyJob *job, const QString &root)
{
    connectJob(job, registerJob(job, root));
    Q_EMIT unfinishedChanged();
}

int TransferQueueModel::registerJob(copy::CopyJob *job, const QString &root)
{
    JobInfo info;
    info.job = job;
    info.direction = job->direction();
    info.sources = job->sources();
    info.destination = job->destination();
    info.exactTarget = job->options().noTargetDirectory;
    info.root = root;
    if (info.root.isEmpty()) {
        // Where the job puts what it copies: its destination, or for an
        // exact target the folder that holds it.
        const bool remote = job->direction() != copy::Direction::Download;
        QString folder = remote ? remotepath::normalized(info.destination) : QDir::cleanPath(info.destination);
        if (info.exactTarget)
            folder = remote ? remotepath::parent(folder) : QFileInfo(folder).absolutePath();
        info.root = remote ? u':' + folder : folder;
    }
    const int key = m_nextJobKey++;
    m_jobs.insert(key, info);
    return key;
}

void TransferQueueModel::place(Row &r) const
{
    const bool remote = r.destination.startsWith(u':');
    const QString path = withoutColon(r.destination);
    const QString root = withoutColon(m_jobs.value(r.jobKey).root);
    // A tree's files by their path below the folder the job copies into
    // (sub/dir/f1.txt, not f1.txt many times over).
    if (const QString relative = below(root, path, remote); !relative.isEmpty()) {
        r.name = pathcodec::escaped(relative);
        r.folder = folderShown(root, remote);
        return;
    }
    r.name = pathcodec::escaped(remote ? remotepath::name(path) : QFileInfo(path).fileName());
    r.folder = folderShown(remote ? remotepath::parent(path) : QFileInfo(path).absolutePath(), remote);
}

void TransferQueueModel::restartMeter(Row &r)
{
    r.meter.reset();
    r.meter.sample(r.done, m_clock.elapsed());
}

void TransferQueueModel::setConnected(bool connected)
{
    if (connected == m_connected)
        return;
    m_connected = connected;
    for (int i = 0; i < m_rows.size(); ++i) {
        // The time without a link is no part of the rate.
        if (m_rows.at(i).state == State::Running) {
            restartMeter(m_rows[i]);
            markDirty(i);
        }
    }
}

double TransferQueueModel::rate(int row) const
{
    const Row &r = m_rows.at(row);
    return r.state == State::Running && m_connected ? r.meter.bytesPerSecond() : 0.0;
}

QList<SavedTransfer> TransferQueueModel::unfinished(const QString &agent) const
{
    const auto pending = [](const Row &r) { return !isFinal(r.state) || (r.state == State::Failed && r.code == ErrorCode::Connection); };
    QHash<int, QList<const Row *>> rowsOf;
    for (const Row &r : m_rows)
        if (r.jobKey >= 0)
            rowsOf[r.jobKey].append(&r);
    QList<int> keys = m_jobs.keys();
    std::sort(keys.begin(), keys.end());
    QList<SavedTransfer> result;
    for (int key : std::as_const(keys)) {
        const JobInfo info = m_jobs.value(key);
        const QList<const Row *> rows = rowsOf.value(key);
        SavedTransfer transfer;
        transfer.agent = agent;
        transfer.direction = info.direction;
        transfer.root = info.root;
        const bool allPending = std::all_of(rows.cbegin(), rows.cend(), [&pending](const Row *r) { return pending(*r); });
        if ((rows.isEmpty() && info.finished) || info.detached)
            continue;
        if (allPending) {
            // Nothing of it finished: the job as it was asked for.
            transfer.sources = info.sources;
            transfer.destination = info.destination;
            transfer.exactTarget = info.exactTarget;
            for (const Row *r : rows)
                transfer.bytes += r->size;
            result.append(transfer);
            continue;
        }
        // Some files are done: each file left, to exactly where it goes.
        for (const Row *r : rows) {
            if (!pending(*r) || r->source.isEmpty())
                continue;
            transfer.sources = {withoutColon(r->source)};
            transfer.destination = withoutColon(r->destination);
            transfer.exactTarget = true;
            transfer.bytes = r->size;
            result.append(transfer);
        }
    }
    return result;
}

int TransferQueueModel::retryRowOf(copy::CopyJob *job) const
{
    // Found by its job, not by a row number: rows move when finished ones
    // are cleared while the retry is still planning.
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).job == job && m_rows.at(i).fileId == kRetryPending)
            return i;
    return -1;
}

void TransferQueueModel::connectJob(copy::CopyJob *job, int key)
{
    auto started = std::make_shared<qint64>(m_clock.elapsed());
    connect(job, &copy::CopyJob::filesQueued, this, [this, job, key](const QList<copy::QueuedFile> &files) {
        if (const int row = retryRowOf(job); row >= 0) {
            // A retry takes the place of the row it retries.
            Row &r = m_rows[row];
            if (files.size() != 1) {
                r.error = tr("the retry found %n file(s) where one was expected", nullptr, int(files.size()));
                r.fileId = -1;
                job->cancel();
                setState(row, State::Failed);
                return;
            }
            r.fileId = files.first().id;
            r.size = files.first().size;
            m_index.insert({job, r.fileId}, row);
            setState(row, State::Queued);
            return;
        }
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(files.size()) - 1);
        for (const copy::QueuedFile &file : files) {
            Row r;
            r.job = job;
            r.jobKey = key;
            r.fileId = file.id;
            r.source = file.source;
            r.destination = file.destination;
            place(r);
            r.direction = job->direction();
            r.size = file.size;
            r.meter.sample(0, m_clock.elapsed());
            m_index.insert({job, file.id}, int(m_rows.size()));
            m_rows.append(r);
        }
        endInsertRows();
        Q_EMIT totalsChanged();
        Q_EMIT unfinishedChanged();
    });
    connect(job, &copy::CopyJob::fileStateChanged, this, [this, job](int id, copy::FileState fileState) {
        const int row = rowOf(job, id);
        if (row < 0 || isFinal(m_rows.at(row).state))
            return;
        switch (fileState) {
        case copy::FileState::Queued: setState(row, State::Queued); break;
        case copy::FileState::Asking: setState(row, State::Asking); break;
        case copy::FileState::Running: setState(row, State::Running); break;
        case copy::FileState::Paused: setState(row, State::Paused); break;
        }
    });
    connect(job, &copy::CopyJob::fileStarted, this, [this, job](int id, const QString &, const QString &destination) {
        const int row = rowOf(job, id);
        if (row < 0)
            return;
        // A Rename answer gave it another name.
        m_rows[row].destination = destination;
        place(m_rows[row]);
        restartMeter(m_rows[row]);
        setState(row, State::Running);
    });
    connect(job, &copy::CopyJob::fileResumed, this, [this, job](int id, qint64 offset) {
        const int row = rowOf(job, id);
        if (row < 0)
            return;
        // What the receiver kept was not moved by this run: the rate starts
        // from there.
        Row &r = m_rows[row];
        r.resumedFrom = offset;
        r.done = offset;
        restartMeter(r);
        markDirty(row);
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
        r.error = error.message;
        r.code = error.code;
        if (error.code == ErrorCode::None) {
            r.done = r.size;
            setState(row, State::Done);
        } else {
            setState(row, error.code == ErrorCode::Cancelled ? State::Cancelled : State::Failed);
        }
    });
    connect(job, &copy::CopyJob::fileSkipped, this, [this, job](int id, const QString &reason) {
        const int row = rowOf(job, id);
        if (row < 0)
            return;
        m_rows[row].error = reason;
        // Cancelled by the user before it started: told as cancelled.
        setState(row, m_rows[row].cancelAsked ? State::Cancelled : State::Skipped);
    });
    connect(job, &transfer::Job::finished, this, [this, job, key, started] {
        const Error error = job->error();
        m_jobs[key].finished = true;
        bool any = false;
        for (int i = 0; i < m_rows.size(); ++i) {
            Row &r = m_rows[i];
            if (r.job != job)
                continue;
            any = true;
            if (isFinal(r.state))
                continue;
            r.error = error.message.isEmpty() ? tr("the copy ended before this file") : error.message;
            r.code = error.code;
            if (r.fileId == kRetryPending)
                r.fileId = -1;
            setState(i, error.code == ErrorCode::Cancelled ? State::Cancelled : State::Failed);
        }
        if (!any && error.code != ErrorCode::None && error.code != ErrorCode::Cancelled) {
            // Refused before any file was queued (no space, a bad
            // destination): the reason still gets a row of its own.
            {
                const int row = int(m_rows.size());
                beginInsertRows({}, row, row);
                Row r;
                r.job = job;
                r.jobKey = key;
                r.fileId = -1;
                r.name = tr("Copy");
                r.folder = m_jobs.value(key).root;
                r.direction = job->direction();
                r.state = State::Failed;
                r.error = error.message;
                r.code = error.code;
                m_rows.append(r);
                endInsertRows();
                Q_EMIT rowEnded(m_jobs.value(key).sources.join(QStringLiteral(", ")), m_jobs.value(key).destination, 0, r.direction, State::Failed, r.error);
            }
        }
        // The job goes away soon, and another may come at its address.
        for (auto it = m_index.begin(); it != m_index.end();)
            it = it.key().first == job ? m_index.erase(it) : std::next(it);
        Q_EMIT jobEnded(job, m_clock.elapsed() - *started);
        Q_EMIT totalsChanged();
        Q_EMIT unfinishedChanged();
    });
}

int TransferQueueModel::rowOf(copy::CopyJob *job, int fileId) const
{
    return m_index.value({job, fileId}, -1);
}

void TransferQueueModel::setState(int row, State state)
{
    Row &r = m_rows[row];
    const bool ends = isFinal(state) && !isFinal(r.state);
    r.state = state;
    markDirty(row);
    if (ends) {
        Q_EMIT rowEnded(r.source, r.destination, r.size, r.direction, state, state == State::Done ? QString() : r.error);
        Q_EMIT unfinishedChanged();
    }
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
        if (m_connected)
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

void TransferQueueModel::pause(const QList<int> &rows)
{
    for (int row : rows)
        if (row >= 0 && row < m_rows.size() && m_rows.at(row).job && !isFinal(m_rows.at(row).state))
            m_rows.at(row).job->pauseFile(m_rows.at(row).fileId);
}

void TransferQueueModel::resume(const QList<int> &rows)
{
    for (int row : rows)
        if (row >= 0 && row < m_rows.size() && m_rows.at(row).job && m_rows.at(row).state == State::Paused)
            m_rows.at(row).job->resumeFile(m_rows.at(row).fileId);
}

void TransferQueueModel::cancel(const QList<int> &rows)
{
    for (int row : rows) {
        if (row < 0 || row >= m_rows.size() || isFinal(m_rows.at(row).state))
            continue;
        m_rows[row].cancelAsked = true;
        if (m_rows.at(row).single)
            m_rows.at(row).single->cancel();
        else if (m_rows.at(row).job)
            m_rows.at(row).job->cancelFile(m_rows.at(row).fileId);
    }
}

void TransferQueueModel::addTransfer(transfer::Job *job, const QString &name, const QString &source, const QString &destination,
                                     copy::Direction direction)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    Row r;
    r.single = job;
    r.fileId = -1;
    r.name = name;
    r.source = source;
    r.destination = destination;
    r.folder = direction == copy::Direction::Download ? pathcodec::escaped(QFileInfo(destination).absolutePath()) : destination;
    r.direction = direction;
    r.retryable = false;
    r.state = State::Running;
    m_rows.append(r);
    endInsertRows();
    const auto rowOfJob = [this, job] {
        for (int i = 0; i < m_rows.size(); ++i)
            if (m_rows.at(i).single == job)
                return i;
        return -1;
    };
    connect(job, &transfer::Job::progress, this, [this, rowOfJob](qint64 processed, qint64 total) {
        if (const int i = rowOfJob(); i >= 0) {
            m_rows[i].done = processed;
            m_rows[i].size = std::max(total, processed);
            markDirty(i);
        }
    });
    connect(job, &transfer::Job::finished, this, [this, job, rowOfJob] {
        const int i = rowOfJob();
        if (i < 0)
            return;
        const Error error = job->error();
        m_rows[i].error = error.message;
        m_rows[i].code = error.code;
        if (error.code == ErrorCode::None)
            m_rows[i].size = m_rows[i].done = std::max(job->processedBytes(), m_rows[i].done);
        // Kept for the row; the job itself goes away.
        m_rows[i].single = nullptr;
        setState(i, error.code == ErrorCode::None ? State::Done : error.code == ErrorCode::Cancelled ? State::Cancelled : State::Failed);
        Q_EMIT totalsChanged();
    });
}

void TransferQueueModel::addTask(transfer::Job *job, const QString &name, const QString &target, const QString &kind)
{
    addTransfer(job, name, target, QString(), copy::Direction::Remote);
    Row &r = m_rows.last();
    r.kind = kind;
    r.countsItems = true;
}

void TransferQueueModel::retry(const QList<int> &rows)
{
    if (!m_retry)
        return;
    for (int row : rows) {
        if (row < 0 || row >= m_rows.size())
            continue;
        Row &r = m_rows[row];
        if ((r.state != State::Failed && r.state != State::Cancelled) || r.source.isEmpty() || !r.retryable)
            continue;
        copy::CopyJob *job = m_retry(r.direction, withoutColon(r.source), withoutColon(r.destination));
        if (!job)
            continue;
        // The row belongs to the retry from now on, whatever its old job does;
        // its name stays below the folder of the job it came from.
        const int key = registerJob(job, m_jobs.value(r.jobKey).root);
        r.job = job;
        r.jobKey = key;
        r.fileId = kRetryPending;
        r.done = 0;
        r.cancelAsked = false;
        r.error.clear();
        r.resumedFrom = 0;
        r.code = ErrorCode::None;
        r.meter.reset();
        connectJob(job, key);
        setState(row, State::Queued);
        job->start();
    }
}

void TransferQueueModel::detachFinished()
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (isFinal(m_rows.at(i).state))
            m_rows[i].retryable = false;
    for (JobInfo &info : m_jobs)
        info.detached = true;
    Q_EMIT totalsChanged();
    Q_EMIT unfinishedChanged();
}

QSet<copy::CopyJob *> TransferQueueModel::liveJobs() const
{
    QSet<copy::CopyJob *> jobs;
    for (const Row &r : std::as_const(m_rows))
        if (r.job && !r.job->isFinished())
            jobs.insert(r.job);
    return jobs;
}

void TransferQueueModel::pauseAll()
{
    for (copy::CopyJob *job : liveJobs())
        job->pause();
}

void TransferQueueModel::resumeAll()
{
    for (copy::CopyJob *job : liveJobs()) {
        job->resume();
        // Files paused one by one go too.
        for (const Row &r : std::as_const(m_rows))
            if (r.job == job && r.state == State::Paused)
                job->resumeFile(r.fileId);
    }
}

void TransferQueueModel::cancelAll()
{
    for (copy::CopyJob *job : liveJobs())
        job->cancel();
    for (const Row &r : std::as_const(m_rows))
        if (r.single && !isFinal(r.state))
            r.single->cancel();
}

void TransferQueueModel::reindex()
{
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).job && !m_rows.at(i).job->isFinished())
            m_index.insert({m_rows.at(i).job.data(), m_rows.at(i).fileId}, i);
}

void TransferQueueModel::clearFinished()
{
    beginResetModel();
    QList<Row> kept;
    for (const Row &r : std::as_const(m_rows))
        if (!isFinal(r.state))
            kept.append(r);
    m_rows = kept;
    // Jobs that are over with no row left are forgotten.
    QSet<int> used;
    for (const Row &r : std::as_const(m_rows))
        used.insert(r.jobKey);
    for (auto it = m_jobs.begin(); it != m_jobs.end();)
        it = it->finished && !used.contains(it.key()) ? m_jobs.erase(it) : std::next(it);
    reindex();
    m_dirtyFirst = m_dirtyLast = -1;
    endResetModel();
    Q_EMIT totalsChanged();
}

qint64 TransferQueueModel::totalBytes() const
{
    qint64 total = 0;
    for (const Row &r : m_rows)
        if (r.state != State::Skipped && r.state != State::Cancelled && !r.countsItems)
            total += r.size;
    return total;
}

qint64 TransferQueueModel::doneBytes() const
{
    qint64 done = 0;
    for (const Row &r : m_rows)
        if (r.state != State::Skipped && r.state != State::Cancelled && !r.countsItems)
            done += r.state == State::Failed ? r.size : r.done;
    return done;
}

double TransferQueueModel::totalSpeed() const
{
    if (!m_connected)
        return 0;
    double speed = 0;
    for (const Row &r : m_rows)
        if (r.state == State::Running && !r.countsItems)
            speed += r.meter.bytesPerSecond();
    return speed;
}

int TransferQueueModel::activeCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return !isFinal(r.state); }));
}

int TransferQueueModel::runningCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.state == State::Running; }));
}

int TransferQueueModel::failedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.state == State::Failed; }));
}

int TransferQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TransferQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TransferQueueModel::stateText(const Row &r) const
{
    switch (r.state) {
    case State::Queued: return tr("Queued");
    case State::Asking: return tr("Waiting for an answer");
    case State::Running: return m_connected ? tr("Running") : tr("Waiting for the connection");
    case State::Paused: return tr("Paused");
    case State::Done: return tr("Done");
    case State::Skipped: return r.error.isEmpty() ? tr("Skipped") : tr("Skipped: %1").arg(r.error);
    case State::Cancelled: return tr("Cancelled");
    case State::Failed: return tr("Failed: %1").arg(r.error);
    }
    return {};
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
    if (role == Qt::ToolTipRole) {
        if (r.state == State::Failed || r.state == State::Skipped)
            return stateText(r);
        return r.countsItems ? tr("%1: %2").arg(r.kind, r.source) : tr("%1 → %2").arg(pathcodec::escaped(r.source), pathcodec::escaped(r.destination));
    }
    if (role == Qt::DecorationRole && index.column() == NameColumn) {
        switch (r.state) {
        case State::Done: return QIcon::fromTheme(QStringLiteral("emblem-ok-symbolic"), QIcon::fromTheme(QStringLiteral("dialog-ok")));
        case State::Failed: return QIcon::fromTheme(QStringLiteral("dialog-error"));
        case State::Paused: return QIcon::fromTheme(QStringLiteral("media-playback-pause"));
        case State::Asking: return QIcon::fromTheme(QStringLiteral("dialog-question"));
        case State::Skipped:
        case State::Cancelled: return QIcon::fromTheme(QStringLiteral("dialog-cancel"));
        case State::Queued:
        case State::Running:
            return QIcon::fromTheme(r.direction == copy::Direction::Upload ? QStringLiteral("go-up")
                                    : r.direction == copy::Direction::Download ? QStringLiteral("go-down")
                                                                               : QStringLiteral("edit-copy"));
        }
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    const bool running = r.state == State::Running && m_connected;
    switch (index.column()) {
    case NameColumn: return r.name;
    case DestinationColumn: return r.folder;
    case DirectionColumn:
        if (!r.kind.isEmpty())
            return r.kind;
        switch (r.direction) {
        case copy::Direction::Upload: return tr("Upload");
        case copy::Direction::Download: return tr("Download");
        case copy::Direction::Remote: return tr("Remote copy");
        }
        return {};
    case SizeColumn:
        if (r.countsItems)
            return r.size > 0 ? tr("%n item(s)", nullptr, int(r.size)) : QString();
        return r.source.isEmpty() ? QString() : displaySize(r.size);
    case ProgressColumn: return tr("%1%").arg(percent);
    case RateColumn: return running && !r.countsItems ? tr("%1/s").arg(displaySize(qint64(r.meter.bytesPerSecond()))) : QString();
    case EtaColumn: return running ? formatDuration(r.meter.etaSeconds(r.size - r.done)) : QString();
    case StateColumn: return stateText(r);
    }
    return {};
}

QVariant TransferQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case DestinationColumn: return tr("Destination");
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
