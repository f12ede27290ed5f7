// SPDX-License-Identifier: GPL-3.0-or-later
// CopyJob, execution: conflicts, directories, files, symlinks, attributes.
#include "core/copy/copyjob.h"

#include "core/client/batchjobs.h"
#include "core/client/downloadjob.h"
#include "core/client/session.h"
#include "core/client/uploadjob.h"
#include "core/copy/freename.h"
#include "core/client/localfs.h"
#include "core/pathcodec.h"

#include <QCoreApplication>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace ferry::copy {

namespace {

bool isDir(const protocol::Entry &e)
{
    return e.type == protocol::Entry::Type::Directory;
}

bool isFile(const protocol::Entry &e)
{
    return e.type == protocol::Entry::Type::File;
}

} // namespace

void CopyJob::startCopying()
{
    setState(State::Copying);
    announceQueued();
    for (int index : std::as_const(m_roots))
        decide(index);
    maybeFinishCopying();
}

void CopyJob::settle(int index, Node::Status status)
{
    Node &node = m_nodes[index];
    const auto open = [](int s) { return s == Node::Waiting || s == Node::Ready || s == Node::Running || s == Node::Paused; };
    const bool wasOpen = open(node.status);
    node.status = status;
    if (wasOpen && !open(status))
        --m_unfinished;
}

void CopyJob::skipDescendants(int index, const QString &reason)
{
    for (int child : std::as_const(m_nodes[index].children)) {
        if (m_nodes.at(child).status == Node::Waiting) {
            settle(child, Node::Skipped);
            ++m_skipped;
            if (isFile(m_nodes.at(child).source))
                Q_EMIT fileSkipped(child, reason);
            skipDescendants(child, reason);
        }
    }
}

void CopyJob::finishNode(int index, const Error &error)
{
    Node &node = m_nodes[index];
    if (error.code != ErrorCode::None) {
        settle(index, Node::Failed);
        ++m_failed;
        if (m_firstError.code == ErrorCode::None)
            m_firstError = error;
        Q_EMIT itemFailed(error);
        skipDescendants(index, error.message);
        return;
    }
    settle(index, Node::Done);
    if (isFile(node.source)) {
        ++m_doneFiles;
        m_doneBytes += node.source.size;
    }
    Q_EMIT itemDone(destPath(node));
}

void CopyJob::skipNode(int index, const QString &reason)
{
    const int status = m_nodes.at(index).status;
    if (status != Node::Waiting && status != Node::Ready && status != Node::Paused)
        return;
    if (status == Node::Ready)
        m_readyFiles.remove(index);
    settle(index, Node::Skipped);
    ++m_skipped;
    if (isFile(m_nodes.at(index).source)) {
        m_totalBytes -= m_nodes.at(index).source.size;
        Q_EMIT fileSkipped(index, reason);
    }
    Q_EMIT itemSkipped(destDisplay(m_nodes.at(index)), reason);
    skipDescendants(index, reason);
}

ConflictInfo CopyJob::conflictInfo(int index)
{
    const Node &node = m_nodes.at(index);
    ConflictInfo info;
    info.sourcePath = sourceDisplay(node);
    info.destinationPath = destDisplay(node);
    info.source = node.source;
    info.destination = node.dest;
    const QSet<QString> &taken = m_destNames[node.destDir];
    info.suggestedName = suggestFreeName(node.destName, [&taken](const QString &name) { return taken.contains(name); });
    info.typeMismatch = isDir(node.source) != isDir(node.dest);
    info.canResume = isFile(node.source) && isFile(node.dest) && node.dest.size < node.source.size;
    return info;
}

void CopyJob::decide(int index)
{
    Node &node = m_nodes[index];
    if (node.status != Node::Waiting || isFinished())
        return;
    if (!node.destExists || (isDir(node.source) && isDir(node.dest))) {
        proceed(index);
        return;
    }
    if (m_options.policy == ConflictPolicy::Ask) {
        m_askQueue.enqueue(index);
        askNext();
        return;
    }
    if (const std::optional<ConflictAnswer::Action> answer = answerOf(m_options.policy))
        applyAnswer(index, ConflictAnswer{*answer, false, {}});
    else
        finishNode(index, Error{ErrorCode::Exists, conflictRefusal(conflictInfo(index))});
}

void CopyJob::askNext()
{
    if (m_asking || m_askQueue.isEmpty() || isFinished())
        return;
    const int index = m_askQueue.dequeue();
    if (m_nodes.at(index).status != Node::Waiting)
        return askNext();
    if (!m_handler) {
        finishNode(index, Error{ErrorCode::Exists, noOneToAsk(conflictInfo(index), m_noHandlerReason)});
        return askNext();
    }
    m_asking = true;
    if (isFile(m_nodes.at(index).source))
        setFileState(index, FileState::Asking);
    QPointer<CopyJob> self(this);
    m_handler->askConflict(this, conflictInfo(index), [self, index](const ConflictAnswer &answer) {
        if (!self || self->isFinished())
            return;
        self->m_asking = false;
        if (self->m_nodes.at(index).status != Node::Waiting) {
            // Cancelled while the question was open.
            self->askNext();
            self->maybeFinishCopying();
            return;
        }
        if (answer.applyToAll)
            self->m_options.policy = policyOf(answer.action);
        self->applyAnswer(index, answer);
        // With "apply to all", the questions still queued answer themselves.
        if (self && self->m_options.policy != ConflictPolicy::Ask) {
            const QQueue<int> queued = std::exchange(self->m_askQueue, {});
            for (int other : queued)
                self->decide(other);
        }
        if (self) {
            self->askNext();
            self->maybeFinishCopying();
        }
    });
}

void CopyJob::applyAnswer(int index, const ConflictAnswer &answer)
{
    Node &node = m_nodes[index];
    const ConflictOutcome outcome = resolveConflict(conflictInfo(index), answer);
    switch (outcome.kind) {
    case ConflictOutcome::Cancel:
        cancel();
        return;
    case ConflictOutcome::Skip:
        skipNode(index, outcome.reason);
        return;
    case ConflictOutcome::Refuse:
        finishNode(index, Error{ErrorCode::Exists, outcome.reason});
        return;
    case ConflictOutcome::Rename:
        node.destName = outcome.newName;
        node.destExists = false;
        m_destNames[node.destDir].insert(node.destName);
        rebase(index);
        proceed(index);
        return;
    case ConflictOutcome::Resume:
    case ConflictOutcome::Replace:
        node.action = outcome.kind == ConflictOutcome::Resume ? client::ConflictAction::Resume : client::ConflictAction::Overwrite;
        proceed(index);
        return;
    }
}

void CopyJob::rebase(int index)
{
    // A renamed directory takes its whole subtree along.
    const QString dir = destPath(m_nodes.at(index));
    for (int child : std::as_const(m_nodes[index].children)) {
        m_nodes[child].destDir = dir;
        m_nodes[child].destExists = false;
        rebase(child);
    }
}

void CopyJob::proceed(int index)
{
    Node &node = m_nodes[index];
    if (isDir(node.source)) {
        if (node.destExists) {
            // Merging into an existing directory.
            settle(index, Node::Done);
            const QList<int> children = node.children;
            for (int child : children)
                decide(child);
        } else {
            createDirectory(index);
        }
    } else if (node.source.type == protocol::Entry::Type::Symlink) {
        runSymlink(index);
    } else if (node.held || node.cancelRequested) {
        node.held = false;
        if (node.cancelRequested) {
            skipNode(index, tr("cancelled"));
        } else {
            settle(index, Node::Paused);
            setFileState(index, FileState::Paused);
        }
    } else {
        settle(index, Node::Ready);
        m_readyFiles.append(readyEntry(index));
        setFileState(index, FileState::Queued);
        schedulePump();
    }
}

void CopyJob::createDirectory(int index)
{
    const auto created = [this, index](const Expected<void> &result) {
        if (isFinished())
            return;
        --m_pendingOps;
        if (!result) {
            finishNode(index, result.error());
        } else {
            settle(index, Node::Done);
            const QList<int> children = m_nodes.at(index).children;
            for (int child : children)
                decide(child);
        }
        maybeFinishCopying();
    };
    ++m_pendingOps;
    settle(index, Node::Running);
    // Writable while it is filled; its own mode comes at the end.
    m_receiverFs->mkdir(destPath(m_nodes.at(index)), 0777, false, created, this);
}

void CopyJob::runSymlink(int index)
{
    const Node &node = m_nodes.at(index);
    const QString path = destPath(node);
    const QString target = node.source.linkTarget;
    ++m_pendingOps;
    settle(index, Node::Running);
    const auto done = [this, index](const Expected<void> &result) {
        if (isFinished())
            return;
        --m_pendingOps;
        finishNode(index, result ? Error{} : result.error());
        maybeFinishCopying();
    };
    if (!node.destExists) {
        m_receiverFs->symlink(path, target, done, this);
        return;
    }
    // What is there goes first (a file or link: a folder was refused as a
    // conflict); if it cannot, the symlink call says why.
    m_receiverFs->remove(path, false, [this, path, target, done](const Expected<void> &) {
        m_receiverFs->symlink(path, target, done, this);
    }, this);
}

void CopyJob::schedulePump()
{
    // Deferred so that files made ready by a burst of replies travel together.
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_pumpScheduled = false;
        pump();
    });
}

void CopyJob::pump()
{
    if (sessionGone())
        return;
    while (!isFinished() && !m_paused && !m_readyFiles.isEmpty() && acquireSlot()) {
        const QList<int> next = m_readyFiles.takeNext(ReadyQueue::Limits{client::kBatchFiles, client::kBatchBytes});
        if (m_direction == Direction::Remote)
            runRemoteCopy(next.first());
        else if (next.size() == 1)
            runFile(next.first());
        else
            runBatch(next);
    }
    maybeFinishCopying();
}

static client::FileTransferItem itemFor(const QString &local, const QString &remote, client::ConflictAction action, const CopyOptions &options)
{
    client::FileTransferItem item;
    item.localPath = local;
    item.remotePath = remote;
    item.conflict = action;
    item.preserveMode = options.preserveMode;
    item.preserveTimes = options.preserveTimes;
    return item;
}

void CopyJob::runFile(int index)
{
    Node &node = m_nodes[index];
    settle(index, Node::Running);
    const bool upload = m_direction == Direction::Upload;
    const client::FileTransferItem item = itemFor(upload ? node.sourcePath : destPath(node), upload ? destPath(node) : node.sourcePath, node.action, m_options);
    transfer::Job *job = upload ? static_cast<transfer::Job *>(new client::UploadJob(m_session, item, this))
                                : static_cast<transfer::Job *>(new client::DownloadJob(m_session, item, this));
    ++m_runningJobs;
    m_inFlight.insert(job, 0);
    m_running.insert(job, Running{{index}, false});
    connect(job, &transfer::Job::progress, this, [this, index](qint64 done) { Q_EMIT fileProgress(index, done); });
    connect(job, &transfer::Job::resumedAt, this, [this, index](qint64 offset) { Q_EMIT fileResumed(index, offset); });
    connect(job, &transfer::Job::finished, this, [this, index](transfer::Job *finished) {
        addResumed(finished->resumedBytes());
        transferEnded(finished);
        fileTransferred(index, finished->error());
        schedulePump();
        maybeFinishCopying();
    });
    // Announced once the job is wired up: a listener may pause or cancel
    // it at once.
    Q_EMIT fileStarted(index, sourceDisplay(node), destDisplay(node), node.source.size);
    if (job->isFinished())
        return; // paused or cancelled by a listener of fileStarted
    setFileState(index, FileState::Running);
    job->start();
}

void CopyJob::runBatch(const QList<int> &indices)
{
    const bool upload = m_direction == Direction::Upload;
    QList<client::FileTransferItem> items;
    QList<qint64> sizes;
    for (int index : indices) {
        Node &node = m_nodes[index];
        settle(index, Node::Running);
        items.append(itemFor(upload ? node.sourcePath : destPath(node), upload ? destPath(node) : node.sourcePath, node.action, m_options));
        sizes.append(node.source.size);
    }
    transfer::Job *job = nullptr;
    if (upload) {
        auto *batch = new client::BatchUploadJob(m_session, items, sizes, this);
        batch->setStage(true);
        job = batch;
    } else {
        auto *batch = new client::BatchDownloadJob(m_session, items, this);
        batch->setStage(true);
        job = batch;
    }
    ++m_runningJobs;
    m_inFlight.insert(job, 0);
    m_running.insert(job, Running{indices, true});
    connect(job, &transfer::Job::finished, this, [this, indices, upload](transfer::Job *finished) {
        transferEnded(finished);
        const QList<Error> results = !finished->succeeded() ? QList<Error>()
                                     : upload               ? static_cast<client::BatchUploadJob *>(finished)->results()
                                                            : static_cast<client::BatchDownloadJob *>(finished)->results();
        for (qsizetype i = 0; i < indices.size(); ++i) {
            Error error = finished->succeeded() ? results.value(i) : finished->error();
            if (m_nodes.at(indices.at(i)).cancelRequested) {
                // Cancelled while its batch was on its way: a staged part goes.
                if (error.code == ErrorCode::None)
                    dropPart(indices.at(i));
                settleCancelled(indices.at(i), Error{ErrorCode::Cancelled, tr("cancelled")});
                continue;
            }
            if (error.code == ErrorCode::None) {
                Q_EMIT fileProgress(indices.at(i), m_nodes.at(indices.at(i)).source.size);
                stage(indices.at(i));
                continue;
            }
            fileTransferred(indices.at(i), error);
        }
        schedulePump();
        maybeCommit();
        maybeFinishCopying();
    });
    // Announced once the job is wired up: a listener may pause or cancel a
    // file at once (which stops this batch and queues the others again).
    for (int index : indices) {
        if (m_nodes.at(index).status != Node::Running || !m_running.contains(job))
            continue;
        const Node &node = m_nodes.at(index);
        Q_EMIT fileStarted(index, sourceDisplay(node), destDisplay(node), node.source.size);
        if (m_nodes.at(index).status == Node::Running && m_running.contains(job))
            setFileState(index, FileState::Running);
    }
    if (m_running.contains(job))
        job->start();
}

ReadyQueue::File CopyJob::readyEntry(int index) const
{
    const Node &node = m_nodes.at(index);
    // The agent copies one file per request; resuming needs the
    // single-file path (partial files, prefixes).
    const bool batchable = m_direction != Direction::Remote && node.source.size <= client::kSmallFile
                           && node.action != client::ConflictAction::Resume;
    return ReadyQueue::File{index, node.source.size, batchable};
}

void CopyJob::transferEnded(transfer::Job *job)
{
    if (job) {
        m_inFlight.remove(job);
        m_running.remove(job);
        job->deleteLater();
    }
    --m_runningJobs;
    releaseSlot();
}

void CopyJob::fileTransferred(int index, const Error &error)
{
    Node &node = m_nodes[index];
    if (error.code == ErrorCode::Paused) {
        node.wasPaused = true;
        settle(index, Node::Paused);
        setFileState(index, FileState::Paused);
    } else if (error.code == ErrorCode::Exists && node.wasPaused) {
        settleAfterPause(index, error);
    } else if (error.code == ErrorCode::Cancelled && node.cancelRequested) {
        settleCancelled(index, error);
    } else {
        Q_EMIT fileFinished(index, error);
        finishNode(index, error);
    }
}

void CopyJob::maybeFinishCopying()
{
    if (isFinished() || m_state != State::Copying)
        return;
    maybeCommit();
    if (copyingIsOver())
        setAttributes();
}

bool CopyJob::copyingIsOver() const
{
    // Every entry settled, nothing under way that could still settle one
    // differently, and nothing waiting for a slot or an answer.
    const bool settled = m_unfinished == 0;
    const bool nothingUnderWay = m_runningJobs == 0 && m_remoteCopies.isEmpty() && m_pendingOps == 0 && m_commits == 0;
    const bool nothingWaiting = !m_asking && m_askQueue.isEmpty() && m_readyFiles.isEmpty();
    return settled && nothingUnderWay && nothingWaiting;
}

void CopyJob::setAttributes()
{
    setState(State::SettingAttributes);
    // Deepest first: a directory's time is set after everything inside it.
    QList<int> dirs;
    for (int i = int(m_nodes.size()) - 1; i >= 0; --i)
        if (isDir(m_nodes.at(i).source) && m_nodes.at(i).status == Node::Done)
            dirs.append(i);
    if (dirs.isEmpty() || (!m_options.preserveMode && !m_options.preserveTimes)) {
        finishJob();
        return;
    }
    auto pending = std::make_shared<int>(int(dirs.size()));
    for (int index : std::as_const(dirs)) {
        const Node &node = m_nodes.at(index);
        const std::optional<quint32> mode = m_options.preserveMode ? std::optional<quint32>(node.source.mode) : std::nullopt;
        const std::optional<qint64> mtime = m_options.preserveTimes ? std::optional<qint64>(node.source.mtimeNs) : std::nullopt;
        const auto done = [this, pending, index](const Expected<void> &result) {
            if (!result) {
                ++m_failed;
                if (m_firstError.code == ErrorCode::None)
                    m_firstError = result.error();
                Q_EMIT itemFailed(result.error());
            }
            Q_UNUSED(index)
            if (--*pending == 0 && !isFinished())
                finishJob();
        };
        m_receiverFs->setAttributes(destPath(node), client::Attributes{mode, mtime}, done, this);
    }
}

void CopyJob::finishJob()
{
    setState(State::Done);
    setProcessed(m_totalBytes);
    if (m_failed > 0) {
        const QString summary = m_failed == 1 ? m_firstError.message : tr("%n entries could not be copied; the first: %1", nullptr, m_failed).arg(m_firstError.message);
        emitResult(Error{m_firstError.code, summary});
        return;
    }
    emitResult();
}

} // namespace ferry::copy
