// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/copy/movejob.h"

#include "core/client/remotefs.h"
#include "core/copy/freename.h"
#include "core/protocol/entry.h"
#include "core/protocol/remotepath.h"

namespace ferry::copy {

MoveJob::MoveJob(client::Session *session, const QStringList &sources, const QString &destination, ConflictPolicy policy, QObject *parent)
    : MoveJob(std::make_unique<client::RemoteFs>(session), sources, destination, policy, parent)
{
}

MoveJob::MoveJob(std::unique_ptr<client::FileSystem> fs, const QStringList &sources, const QString &destination, ConflictPolicy policy,
                 QObject *parent)
    : transfer::Job(parent)
    , m_fs(std::move(fs))
    , m_sources(sources)
    , m_destination(destination)
    , m_policy(policy)
{
}

MoveJob::~MoveJob() = default;

void MoveJob::doStart()
{
    if (m_sources.isEmpty()) {
        emitResult(Error{ErrorCode::InvalidArgument, tr("nothing to move")});
        return;
    }
    // A link to a folder is a folder destination, as for mv (on the agent
    // only while it leads beneath the root).
    m_fs->statFollowed(m_destination, [this](const Expected<protocol::Entry> &entry) {
        if (!entry && entry.error().code != ErrorCode::NotFound) {
            emitResult(entry.error());
            return;
        }
        onDestination(entry && entry->type == protocol::Entry::Type::Directory);
    }, this);
}

void MoveJob::onDestination(bool isDirectory)
{
    if (isFinished())
        return;
    m_destIsDir = isDirectory;
    if (!m_destIsDir && m_sources.size() > 1) {
        emitResult(Error{ErrorCode::NotADirectory, tr("target '%1' is not a directory").arg(m_fs->displayPath(m_destination))});
        return;
    }
    next();
}

void MoveJob::next()
{
    if (isFinished())
        return;
    if (m_next >= m_sources.size()) {
        if (m_failed == 0)
            emitResult();
        else
            emitResult(Error{m_firstError.code, m_failed == 1 ? m_firstError.message
                                                             : tr("%n entries could not be moved; the first: %1", nullptr, m_failed).arg(m_firstError.message)});
        return;
    }
    const QString from = remotepath::normalized(m_sources.at(m_next++));
    const QString to = remotepath::normalized(m_destIsDir ? remotepath::join(m_destination, remotepath::name(from)) : m_destination);
    if (from.isEmpty()) {
        fail(Error{ErrorCode::InvalidArgument, tr("cannot move the served folder itself")});
        return next();
    }
    if (to == from) {
        Q_EMIT itemSkipped(m_fs->displayPath(from), tr("it is already there"));
        return next();
    }
    if (remotepath::isWithin(to, from)) {
        fail(Error{ErrorCode::InvalidArgument, tr("cannot move '%1' into itself").arg(m_fs->displayPath(from))});
        return next();
    }
    move(from, to, false);
}

void MoveJob::move(const QString &from, const QString &to, bool overwrite)
{
    m_fs->move(from, to, overwrite, [this, from, to, overwrite](const Expected<void> &reply) {
        if (isFinished())
            return;
        if (reply) {
            ++m_moved;
            Q_EMIT itemDone(from, to);
            return next();
        }
        if (reply.error().code == ErrorCode::Exists && !overwrite)
            return onExists(from, to);
        fail(reply.error());
        next();
    }, this);
}

void MoveJob::onExists(const QString &from, const QString &to)
{
    // Both entries and the names taken beside the destination, for the
    // question and for a free name.
    auto info = std::make_shared<ConflictInfo>();
    info->sourcePath = m_fs->isRemote() ? u':' + from : from;
    info->destinationPath = m_fs->isRemote() ? u':' + to : to;
    auto pending = std::make_shared<int>(3);
    auto taken = std::make_shared<QSet<QString>>();
    const auto ready = [this, from, to, info, pending, taken] {
        if (--*pending > 0 || isFinished())
            return;
        info->suggestedName = suggestFreeName(remotepath::name(to), [taken](const QString &name) { return taken->contains(name); });
        info->typeMismatch = (info->source.type == protocol::Entry::Type::Directory) != (info->destination.type == protocol::Entry::Type::Directory);
        if (m_policy == ConflictPolicy::Fail) {
            fail(Error{ErrorCode::Exists, conflictRefusal(*info)});
            return next();
        }
        if (const std::optional<ConflictAnswer::Action> answer = answerOf(m_policy))
            return decide(from, to, *info, ConflictAnswer{*answer, false, {}});
        if (!m_handler) {
            fail(Error{ErrorCode::Exists, noOneToAsk(*info, {})});
            return next();
        }
        QPointer<MoveJob> self(this);
        m_handler->askConflict(this, *info, [self, from, to, info](const ConflictAnswer &answer) {
            if (!self || self->isFinished())
                return;
            if (answer.applyToAll)
                self->m_policy = policyOf(answer.action);
            self->decide(from, to, *info, answer);
        });
    };
    const auto stat = [this, ready](const QString &path, protocol::Entry *into) {
        m_fs->stat(path, [ready, into](const Expected<protocol::Entry> &entry) {
            if (entry)
                *into = *entry;
            ready();
        }, this);
    };
    stat(from, &info->source);
    stat(to, &info->destination);
    m_fs->listAll(remotepath::parent(to), [ready, taken](const Expected<QList<protocol::Entry>> &entries) {
        if (entries) {
            for (const protocol::Entry &entry : *entries)
                taken->insert(entry.name);
        }
        ready();
    }, this);
}

void MoveJob::decide(const QString &from, const QString &to, const ConflictInfo &info, const ConflictAnswer &answer)
{
    const ConflictOutcome outcome = resolveConflict(info, answer);
    switch (outcome.kind) {
    case ConflictOutcome::Cancel:
        return cancel();
    case ConflictOutcome::Skip:
        Q_EMIT itemSkipped(info.sourcePath, outcome.reason);
        return next();
    case ConflictOutcome::Refuse:
        fail(Error{ErrorCode::Exists, outcome.reason});
        return next();
    case ConflictOutcome::Rename:
        return move(from, remotepath::join(remotepath::parent(to), outcome.newName), false);
    case ConflictOutcome::Resume: // a move has nothing to continue: it replaces
    case ConflictOutcome::Replace:
        return move(from, to, true);
    }
}

void MoveJob::fail(const Error &error)
{
    ++m_failed;
    if (m_firstError.code == ErrorCode::None)
        m_firstError = error;
    Q_EMIT itemFailed(error);
}

} // namespace ferry::copy
