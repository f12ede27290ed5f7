// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/copy/copyjob.h"

#include "core/client/localfs.h"
#include "core/client/remotefs.h"
#include "core/client/session.h"
#include "core/logging.h"
#include "core/protocol/remotepath.h"

#include <QCoreApplication>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace ferry::copy {

CopyJob::CopyJob(client::Session *session, Direction direction, const QStringList &sources, const QString &destination,
                 const CopyOptions &options, QObject *parent)
    : transfer::Job(parent)
    , m_session(session)
    , m_direction(direction)
    , m_sources(sources)
    , m_destination(destination)
    , m_options(options)
    , m_localFs(std::make_unique<client::LocalFs>())
    , m_remoteFs(std::make_unique<client::RemoteFs>(session))
{
    m_senderFs = direction == Direction::Upload ? m_localFs.get() : m_remoteFs.get();
    m_receiverFs = direction == Direction::Download ? m_localFs.get() : m_remoteFs.get();
    auto *ticker = new QTimer(this);
    connect(ticker, &QTimer::timeout, this, &CopyJob::progressTick);
    ticker->start(200);
}

CopyJob::~CopyJob()
{
    // Torn down mid-copy (its window closed): the shared slots go back.
    releaseAllSlots();
}

void CopyJob::setState(State state)
{
    m_state = state;
    qCDebug(lcCopy) << "state" << state;
}

void CopyJob::doStart()
{
    setState(State::Planning);
    CopyPlanner::Request request;
    request.sources = m_sources;
    request.destination = m_destination;
    request.recursive = m_options.recursive;
    request.noTargetDirectory = m_options.noTargetDirectory;
    request.followSourceLinks = !m_senderFs->isRemote();
    m_planner = new CopyPlanner(*m_senderFs, *m_receiverFs, request, this);
    connect(m_planner, &CopyPlanner::warning, this, &CopyJob::warning);
    connect(m_planner, &CopyPlanner::finished, this, &CopyJob::onPlanned);
    m_planner->start();
}

void CopyJob::doCancel()
{
    delete m_planner;
    m_planner = nullptr;
    const auto jobs = m_inFlight.keys();
    for (transfer::Job *job : jobs) {
        job->disconnect(this);
        job->cancel();
        job->deleteLater();
    }
    m_inFlight.clear();
    m_running.clear();
    // The agent stops its copies too (their part files go).
    for (const qint64 id : std::as_const(m_remoteCopies)) {
        m_receiverFs->cancel(id);
        if (m_session)
            m_session->forget(id);
    }
    m_remoteCopies.clear();
    releaseAllSlots();
    // Staged files that will not be committed: their part files go. (On the
    // agent they stay, like any interrupted transfer's.)
    if (!receiverIsRemote()) {
        QList<client::localfs::StagedFile> files;
        for (int index : std::as_const(m_staged))
            files.append(client::localfs::StagedFile{destPath(m_nodes.at(index)), 0, false});
        client::localfs::discardStaged(files);
    }
    m_staged.clear();
}

QString CopyJob::destPath(const Node &node) const
{
    return remotepath::join(node.destDir, node.destName);
}

QString CopyJob::sourceDisplay(const Node &node) const
{
    return m_senderFs->isRemote() ? QString(u':' + node.sourcePath) : node.sourcePath;
}

QString CopyJob::destDisplay(const Node &node) const
{
    return m_receiverFs->isRemote() ? QString(u':' + destPath(node)) : destPath(node);
}

bool CopyJob::sessionGone()
{
    if (m_session)
        return false;
    if (!isFinished())
        emitResult(Error{ErrorCode::Connection, tr("the connection to the agent is gone")});
    return true;
}

void CopyJob::progressTick()
{
    qint64 inFlight = 0;
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it)
        inFlight += it.key()->processedBytes();
    if (m_totalBytes > 0)
        setProcessed(std::min(m_doneBytes + inFlight, m_totalBytes));
}

} // namespace ferry::copy
