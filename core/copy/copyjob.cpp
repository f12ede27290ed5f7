// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/copy/copyjob.h"

#include "core/client/session.h"
#include "core/copy/localfs.h"
#include "core/logging.h"
#include "core/protocol/remotepath.h"
#include "core/protocol/wirepath.h"

#include <QCborArray>
#include <QCborMap>
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
{
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
    if (m_sources.isEmpty()) {
        emitResult(Error{ErrorCode::InvalidArgument, tr("nothing to copy")});
        return;
    }
    statDestination();
}

void CopyJob::doCancel()
{
    m_cancelled = true;
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
        cancelRemoteCopy(id);
        if (m_session)
            m_session->forget(id);
    }
    m_remoteCopies.clear();
    releaseAllSlots();
    // Staged files that will not be committed: their part files go. (On the
    // agent they stay, like any interrupted transfer's.)
    if (!receiverIsRemote()) {
        QList<localfs::StagedFile> files;
        for (int index : std::as_const(m_staged))
            files.append(localfs::StagedFile{destPath(m_nodes.at(index)), 0, false});
        localfs::discardStaged(files);
    }
    m_staged.clear();
}

QString CopyJob::join(const QString &dir, const QString &name, bool remote) const
{
    // Local paths join the same way as remote ones.
    Q_UNUSED(remote)
    return remotepath::join(dir, name);
}

QString CopyJob::destPath(const Node &node) const
{
    return join(node.destDir, node.destName, receiverIsRemote());
}

QString CopyJob::sourceDisplay(const Node &node) const
{
    return senderIsRemote() ? QString(u':' + node.sourcePath) : node.sourcePath;
}

QString CopyJob::destDisplay(const Node &node) const
{
    return receiverIsRemote() ? QString(u':' + destPath(node)) : destPath(node);
}

void CopyJob::receiverStat(const QString &path, std::function<void(const Expected<protocol::Entry> &)> done)
{
    if (!receiverIsRemote()) {
        done(localfs::stat(path));
        return;
    }
    if (sessionGone())
        return;
    m_session->request(u"stat"_s, QCborMap{{"path"_L1, protocol::pathValue(path)}}, [done = std::move(done)](const Expected<QCborMap> &reply, bool) {
        if (!reply)
            done(std::unexpected(reply.error()));
        else
            done(protocol::Entry::fromCbor(reply->value("e"_L1)));
    }, this);
}

void CopyJob::senderList(const QString &path, std::function<void(const Expected<QList<protocol::Entry>> &)> done)
{
    if (m_direction == Direction::Upload) {
        done(localfs::list(path));
        return;
    }
    auto entries = std::make_shared<QList<protocol::Entry>>();
    if (sessionGone())
        return;
    m_session->request(u"list"_s, QCborMap{{"path"_L1, protocol::pathValue(path)}}, [entries, done = std::move(done)](const Expected<QCborMap> &reply, bool last) {
        if (!reply)
            return done(std::unexpected(reply.error()));
        for (const QCborValue &value : reply->value("entries"_L1).toArray()) {
            auto entry = protocol::Entry::fromCbor(value);
            if (!entry)
                return done(std::unexpected(entry.error()));
            entries->append(*entry);
        }
        if (last)
            done(*entries);
    }, this);
}

void CopyJob::receiverRequest(const QString &op, const QCborMap &args, std::function<void(const Expected<void> &)> done)
{
    if (sessionGone())
        return;
    m_session->request(op, args, [done = std::move(done)](const Expected<QCborMap> &reply, bool) {
        if (reply)
            done({});
        else
            done(std::unexpected(reply.error()));
    }, this);
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
