// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/copy/conflict.h"
#include "core/error.h"
#include "core/transfer/job.h"

#include <QPointer>
#include <QSet>
#include <QStringList>

#include <memory>

namespace ferry::client {
class FileSystem;
class Session;
}

namespace ferry::copy {

/// Moves or renames entries within one file system (the agent's, or this
/// machine's), like mv: an existing
/// directory destination receives the sources, a destination that does not
/// exist is the new name of a single source. An existing destination is
/// replaced only under ConflictPolicy::Overwrite (or Newer, for an older
/// one), or when the person asked says so; Rename picks a free name beside
/// it. A folder is never moved into itself. Each move is one rename on the
/// agent, atomic, so nothing is ever half moved.
///
/// States: StatingDestination (into it, or to this name?), then Moving the
/// sources one after the other, asking about conflicts as they come.
class MoveJob final : public transfer::Job
{
    Q_OBJECT

public:
    /// Moves on the agent @p session reaches.
    MoveJob(client::Session *session, const QStringList &sources, const QString &destination, ConflictPolicy policy, QObject *parent = nullptr);
    /// Moves within @p fs.
    MoveJob(std::unique_ptr<client::FileSystem> fs, const QStringList &sources, const QString &destination, ConflictPolicy policy,
            QObject *parent = nullptr);
    ~MoveJob() override;

    void setConflictHandler(ConflictHandler *handler) { m_handler = handler; }
    int movedCount() const { return m_moved; }
    int failedCount() const { return m_failed; }

Q_SIGNALS:
    void itemDone(const QString &from, const QString &to);
    void itemFailed(const ferry::Error &error);
    void itemSkipped(const QString &path, const QString &reason);

private:
    void doStart() override;
    void onDestination(bool isDirectory);
    void next();
    void move(const QString &from, const QString &to, bool overwrite);
    void onExists(const QString &from, const QString &to);
    void decide(const QString &from, const QString &to, const ConflictInfo &info, const ConflictAnswer &answer);
    void fail(const Error &error);

    std::unique_ptr<client::FileSystem> m_fs;
    QStringList m_sources;
    QString m_destination;
    ConflictPolicy m_policy;
    ConflictHandler *m_handler = nullptr;
    bool m_destIsDir = false;
    int m_next = 0;
    int m_moved = 0;
    int m_failed = 0;
    Error m_firstError;
};

} // namespace ferry::copy
