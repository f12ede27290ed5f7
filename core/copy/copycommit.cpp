// SPDX-License-Identifier: GPL-3.0-or-later
// CopyJob, group commits: small files written by batches wait under their
// part names and take their final names together, two flushes per group of
// up to kCommitFiles files instead of two per file.
#include "core/copy/copyjob.h"

#include "core/client/groupcommitjob.h"
#include "core/client/session.h"
#include "core/client/localfs.h"

namespace ferry::copy {

namespace {

/// Files per group commit (the agent takes at most as many per request).
constexpr qsizetype kCommitFiles = 1024;

} // namespace

void CopyJob::stage(int index)
{
    // Written and verified under its part name: it takes its final name
    // with the next group commit.
    m_staged.append(index);
}

void CopyJob::maybeCommit()
{
    if (isFinished() || m_staged.isEmpty())
        return;
    // An open question holds back only its own file, not the group commit.
    const bool idle = m_runningJobs == 0 && m_pendingOps == 0 && (m_readyFiles.isEmpty() || m_paused);
    while (m_staged.size() >= kCommitFiles || (idle && !m_staged.isEmpty())) {
        const QList<int> group = m_staged.mid(0, kCommitFiles);
        m_staged.remove(0, group.size());
        commitGroup(group);
    }
}

void CopyJob::commitGroup(const QList<int> &indices)
{
    ++m_commits;
    if (receiverIsRemote()) {
        QList<client::StagedFile> files;
        for (int index : indices) {
            const Node &node = m_nodes.at(index);
            files.append(client::StagedFile{destPath(node), node.source.size, node.action != client::ConflictAction::Fail});
        }
        auto *job = new client::GroupCommitJob(m_session, files, this);
        m_inFlight.insert(job, 0);
        connect(job, &transfer::Job::finished, this, [this, indices](transfer::Job *finished) {
            m_inFlight.remove(finished);
            finished->deleteLater();
            onCommitted(indices, finished->succeeded() ? static_cast<client::GroupCommitJob *>(finished)->results() : QList<Error>(indices.size(), finished->error()));
        });
        job->start();
        return;
    }
    QList<client::localfs::StagedFile> files;
    for (int index : indices) {
        const Node &node = m_nodes.at(index);
        files.append(client::localfs::StagedFile{destPath(node), node.source.size, node.action != client::ConflictAction::Fail});
    }
    client::localfs::commitStaged(files, m_alive, [this, indices](const QList<Error> &results) { onCommitted(indices, results); });
}

void CopyJob::onCommitted(const QList<int> &indices, const QList<Error> &results)
{
    --m_commits;
    if (isFinished())
        return;
    for (qsizetype i = 0; i < indices.size(); ++i) {
        const Error error = results.value(i);
        Q_EMIT fileFinished(indices.at(i), error);
        finishNode(indices.at(i), error);
    }
    maybeFinishCopying();
}

} // namespace ferry::copy
