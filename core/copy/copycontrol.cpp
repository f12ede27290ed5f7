// SPDX-License-Identifier: GPL-3.0-or-later
// CopyJob, control: the queue's view of files, pausing, cancelling single
// files, shared transfer slots, and the agent-side copies of Direction::Remote.
#include "core/copy/copyjob.h"

#include "core/client/session.h"
#include "core/client/transferjob.h"
#include "core/client/localfs.h"
#include "core/copy/transferslots.h"
#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"
#include "core/transfer/filesink.h"


using namespace Qt::Literals::StringLiterals;

namespace ferry::copy {

void CopyJob::setSlots(TransferSlots *pool)
{
    if (m_slots)
        m_slots->disconnect(this);
    m_slots = pool;
    if (m_slots)
        connect(m_slots, &TransferSlots::available, this, &CopyJob::schedulePump);
}

bool CopyJob::acquireSlot()
{
    if (m_slots)
        return m_slots->tryAcquire();
    return m_runningJobs < m_options.parallel;
}

void CopyJob::releaseSlot()
{
    if (m_slots)
        m_slots->release();
}

void CopyJob::releaseAllSlots()
{
    for (; m_runningJobs > 0; --m_runningJobs)
        releaseSlot();
}

void CopyJob::settleCancelled(int index, const Error &error)
{
    settle(index, Node::Skipped);
    ++m_skipped;
    m_totalBytes -= m_nodes.at(index).source.size;
    Q_EMIT fileFinished(index, error);
}

bool CopyJob::isQueuedFile(int id) const
{
    return id >= 0 && id < m_nodes.size() && m_nodes.at(id).source.type == protocol::Entry::Type::File;
}

void CopyJob::setFileState(int index, FileState state)
{
    Q_EMIT fileStateChanged(index, state);
}

void CopyJob::announceQueued()
{
    QList<QueuedFile> files;
    for (int i = 0; i < m_nodes.size(); ++i) {
        const Node &node = m_nodes.at(i);
        if (node.status == Node::Waiting && node.source.type == protocol::Entry::Type::File)
            files.append(QueuedFile{i, sourceDisplay(node), destDisplay(node), node.source.size});
    }
    if (!files.isEmpty())
        Q_EMIT filesQueued(files);
}

void CopyJob::pause()
{
    if (isFinished() || m_paused)
        return;
    m_paused = true;
    for (int i = 0; i < m_nodes.size(); ++i)
        if (isQueuedFile(i))
            pauseFile(i);
}

void CopyJob::resume()
{
    if (isFinished() || !m_paused)
        return;
    m_paused = false;
    for (int i = 0; i < m_nodes.size(); ++i)
        if (isQueuedFile(i))
            resumeFile(i);
    schedulePump();
}

void CopyJob::pauseFile(int id)
{
    if (isFinished() || !isQueuedFile(id))
        return;
    Node &node = m_nodes[id];
    switch (node.status) {
    case Node::Waiting:
        if (!node.held) {
            node.held = true;
            setFileState(id, FileState::Paused);
        }
        break;
    case Node::Ready:
        m_readyFiles.remove(id);
        settle(id, Node::Paused);
        setFileState(id, FileState::Paused);
        break;
    case Node::Running:
        interrupt(id, true);
        break;
    default:
        break;
    }
}

void CopyJob::resumeFile(int id)
{
    if (isFinished() || !isQueuedFile(id))
        return;
    Node &node = m_nodes[id];
    if (node.status == Node::Waiting && node.held) {
        node.held = false;
        setFileState(id, FileState::Queued);
    } else if (node.status == Node::Paused) {
        // A file resumed by hand goes even while the rest of the job waits
        // (each of those is paused on its own).
        m_paused = false;
        settle(id, Node::Ready);
        // A file the user resumes goes next, ahead of those never started.
        m_readyFiles.prepend(readyEntry(id));
        setFileState(id, FileState::Queued);
        schedulePump();
    }
}

void CopyJob::cancelFile(int id)
{
    if (isFinished() || !isQueuedFile(id))
        return;
    Node &node = m_nodes[id];
    node.cancelRequested = true;
    switch (node.status) {
    case Node::Waiting:
        // Still undecided (perhaps its question is open): skipped now, the
        // answer is ignored when it comes.
        m_askQueue.removeAll(id);
        skipNode(id, tr("cancelled"));
        break;
    case Node::Ready:
        skipNode(id, tr("cancelled"));
        break;
    case Node::Paused: {
        // What the receiver kept for a resume goes too.
        dropPart(id);
        settleCancelled(id, Error{ErrorCode::Cancelled, tr("cancelled")});
        break;
    }
    case Node::Running:
        interrupt(id, false);
        break;
    default:
        return;
    }
    schedulePump();
    maybeFinishCopying();
}

void CopyJob::interrupt(int index, bool pause)
{
    // The agent copies on its own: a cancel asks it to stop, and the file
    // is reported as it turns out (stopped, or done if it was quicker).
    if (const auto copy = m_remoteCopies.constFind(index); copy != m_remoteCopies.constEnd()) {
        if (!pause)
            m_receiverFs->cancel(*copy);
        return;
    }
    transfer::Job *job = nullptr;
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it) {
        if (it->files.contains(index)) {
            job = it.key();
            break;
        }
    }
    if (!job)
        return;
    const Running running = m_running.value(job);
    if (pause)
        for (int file : running.files)
            m_nodes[file].wasPaused = true;
    if (!running.batch) {
        // The finished handler sorts out paused from cancelled.
        pause ? static_cast<client::TransferJob *>(job)->pause() : job->cancel();
        return;
    }
    // A batch is small: stop it whole and send its other files again.
    job->disconnect(this);
    job->cancel();
    job->deleteLater();
    m_inFlight.remove(job);
    m_running.remove(job);
    --m_runningJobs;
    releaseSlot();
    for (qsizetype i = running.files.size() - 1; i >= 0; --i) {
        const int file = running.files.at(i);
        if (file == index && pause) {
            settle(file, Node::Paused);
            setFileState(file, FileState::Paused);
        } else if (file == index) {
            settleCancelled(file, Error{ErrorCode::Cancelled, tr("cancelled")});
        } else {
            settle(file, Node::Ready);
            m_readyFiles.prepend(readyEntry(file));
            setFileState(file, FileState::Queued);
        }
    }
    schedulePump();
}

void CopyJob::dropPart(int index)
{
    const Node &node = m_nodes.at(index);
    const QString part = pathcodec::fromBytes(transfer::FileSink::partName(pathcodec::toBytes(node.destName)));
    m_receiverFs->remove(remotepath::join(node.destDir, part), false, [](const Expected<void> &) {}, this);
}

void CopyJob::settleAfterPause(int index, const Error &error)
{
    // A pause that came as the receiver was already putting the file in
    // place does not stop it: the resumed transfer then finds it there.
    // Complete (same size, and same time where times are kept) is done.
    ++m_pendingOps;
    m_receiverFs->stat(destPath(m_nodes.at(index)), [this, index, error](const Expected<protocol::Entry> &entry) {
        if (isFinished())
            return;
        --m_pendingOps;
        const Node &node = m_nodes.at(index);
        const bool arrived = entry && entry->type == protocol::Entry::Type::File && entry->size == node.source.size
                             && (!m_options.preserveTimes || entry->mtimeNs == node.source.mtimeNs);
        const Error result = arrived ? Error{} : error;
        if (arrived)
            Q_EMIT fileProgress(index, node.source.size);
        Q_EMIT fileFinished(index, result);
        finishNode(index, result);
        maybeFinishCopying();
    }, this);
}

void CopyJob::runRemoteCopy(int index)
{
    Node &node = m_nodes[index];
    settle(index, Node::Running);
    ++m_runningJobs;
    client::FileCopy copy{node.sourcePath, destPath(node), node.action != client::ConflictAction::Fail, {}};
    if (m_options.preserveMode)
        copy.attributes.mode = node.source.mode;
    if (m_options.preserveTimes)
        copy.attributes.mtimeNs = node.source.mtimeNs;
    // In the table before the call: a copy that fails at once (no
    // connection) answers before copy() returns.
    m_remoteCopies.insert(index, 0);
    const qint64 id = m_receiverFs->copy(copy, [this, index](const Expected<void> &reply) {
        if (!m_remoteCopies.remove(index))
            return;
        transferEnded(nullptr);
        if (reply)
            Q_EMIT fileProgress(index, m_nodes.at(index).source.size);
        fileTransferred(index, reply ? Error{} : reply.error());
        schedulePump();
        maybeFinishCopying();
    }, this);
    if (m_remoteCopies.contains(index))
        m_remoteCopies.insert(index, id);
    // Announced once it is on its way: a listener may cancel it at once.
    Q_EMIT fileStarted(index, sourceDisplay(node), destDisplay(node), node.source.size);
    if (m_remoteCopies.contains(index))
        setFileState(index, FileState::Running);
}

} // namespace ferry::copy
