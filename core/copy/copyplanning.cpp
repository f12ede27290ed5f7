// SPDX-License-Identifier: GPL-3.0-or-later
// CopyJob, from the plan to copying: the planner's verdicts, then space.
#include "core/copy/copyjob.h"

#include "core/client/filesystem.h"
#include "core/client/localfs.h"
#include "core/humanformat.h"
#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"

using namespace Qt::Literals::StringLiterals;

namespace ferry::copy {

void CopyJob::onPlanned(const Error &error)
{
    const CopyPlan plan = m_planner->plan();
    m_planner->deleteLater();
    m_planner = nullptr;
    if (isFinished())
        return;
    if (error.code != ErrorCode::None) {
        emitResult(error);
        return;
    }
    m_destIsDir = plan.destIsDir;
    m_roots = plan.roots;
    m_destNames = plan.destNames;
    m_totalFiles = plan.files;
    m_totalDirs = plan.directories;
    m_totalBytes = plan.bytes;
    m_nodes.reserve(plan.nodes.size());
    for (const PlanNode &planned : plan.nodes) {
        Node node;
        static_cast<PlanNode &>(node) = planned;
        m_nodes.append(node);
    }
    m_unfinished = m_nodes.size();
    for (int index = 0; index < m_nodes.size(); ++index) {
        const Node &node = m_nodes.at(index);
        if (node.outcome == PlanNode::Outcome::Failed)
            finishNode(index, node.error);
        else if (node.outcome == PlanNode::Outcome::Skipped)
            skipNode(index, node.reason);
    }
    Q_EMIT planned(m_totalFiles, m_totalDirs, m_totalBytes);
    setTotal(m_totalBytes);
    checkSpace();
}

void CopyJob::checkSpace()
{
    setState(State::CheckingSpace);
    qint64 needed = 0;
    for (const Node &node : std::as_const(m_nodes))
        if (node.status == Node::Waiting && node.source.type == protocol::Entry::Type::File)
            needed += node.source.size;
    if (needed == 0) {
        startCopying();
        return;
    }
    const QString where = m_destIsDir ? m_destination
                          : m_receiverFs->isRemote() ? remotepath::parent(m_destination)
                                                     : client::localfs::parentOf(m_destination);
    m_receiverFs->space(where, [this, needed, where](const Expected<client::SpaceInfo> &space) {
        if (isFinished())
            return;
        // Without an answer the copy goes ahead; a full disk is still
        // reported per file.
        if (space && space->available < needed) {
            emitResult(Error{ErrorCode::NoSpace, tr("not enough space on %1: the copy needs %2, %3 are free")
                                                     .arg(m_receiverFs->displayPath(where), formatSize(needed), formatSize(space->available))});
            return;
        }
        startCopying();
    }, this);
}

} // namespace ferry::copy
