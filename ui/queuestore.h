// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/copy/copyjob.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace ferry::client {
class Session;
}

namespace ferry::ui {

/// A copy that had not finished, as it is started again: the job it was
/// (nothing of it done yet), or one of its files to exactly its destination.
struct SavedTransfer {
    copy::Direction direction = copy::Direction::Download;
    QStringList sources;
    QString destination;
    bool exactTarget = false; ///< @ref destination is the file's own path
    QString root;             ///< the job's destination folder, names in the queue are relative to it
    QString agent;            ///< the agent it belongs to (QueueStore::agentKey())
    qint64 bytes = 0;         ///< known size, 0 while it was planning

    friend bool operator==(const SavedTransfer &, const SavedTransfer &) = default;
};

/// The unfinished transfers between runs: a JSON file in the application's
/// data folder, written atomically (QSaveFile) whenever the set changes and
/// at quit, so a restart can offer them again. Transfers of agents other
/// than the connected one are kept until that agent is met again.
class QueueStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueStore)

public:
    /// Reads @p path (empty: queue.json in the application's data folder).
    explicit QueueStore(const QString &path = {}, QObject *parent = nullptr);

    /// The key transfers are saved under: the agent's URL, or the shell
    /// command and its folder.
    static QString agentKey(const client::Session *session);
    QString path() const { return m_path; }

    /// Saved by an earlier run for @p agent and not resumed or discarded yet.
    QList<SavedTransfer> saved(const QString &agent) const;
    /// Removes them and returns them (to start them again).
    QList<SavedTransfer> take(const QString &agent);
    /// Forgets them.
    void discard(const QString &agent) { take(agent); }

    /// What is unfinished in this run now; written with the saved ones
    /// when it changed. False when the file could not be written.
    bool setCurrent(const QList<SavedTransfer> &current);
    /// What was current belongs to an agent the window leaves: kept as
    /// saved, to be offered when it is met again.
    void retire();
    /// Writes the file now.
    bool write() const;
    QString errorString() const { return m_error; }

private:
    void read();

    QString m_path;
    QList<SavedTransfer> m_saved;
    QList<SavedTransfer> m_current;
    mutable QString m_error;
};

} // namespace ferry::ui
