// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/transferjob.h"
#include "core/copy/conflict.h"
#include "core/copy/copyplan.h"
#include "core/copy/readyqueue.h"
#include "core/error.h"
#include "core/protocol/entry.h"
#include "core/transfer/job.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QQueue>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>

namespace ferry::client {
class FileSystem;
class Session;
}

namespace ferry::copy {

class TransferSlots;

enum class Direction {
    Upload,   ///< local sources, remote destination
    Download, ///< remote sources, local destination
    Remote,   ///< both on the agent: the agent copies, no data crosses the wire
};

struct CopyOptions {
    bool recursive = false;
    bool preserveMode = true;
    bool preserveTimes = true;
    ConflictPolicy policy = ConflictPolicy::Ask;
    int parallel = 4; ///< transfer jobs in flight at once (without TransferSlots)
    /// The destination is the new name even when it is an existing
    /// directory, like cp -T (a retried file goes exactly where it was meant to).
    bool noTargetDirectory = false;
};

/// A file the job will copy, announced before it starts (for a queue).
struct QueuedFile {
    int id = 0;
    QString source;      ///< for display (":" prefix when remote)
    QString destination; ///< for display; a Rename answer may still change it
    qint64 size = 0;
};

/// Where a file of a job stands between being queued and finishing.
enum class FileState {
    Queued,  ///< waiting for a slot
    Asking,  ///< its destination exists and the user is being asked
    Running,
    Paused,  ///< held by the user; what the receiver has is kept
};

/// A copy between this machine and the agent, in either direction, with the
/// semantics of `cp -r --preserve=mode,timestamps` and a file manager's
/// conflict handling. The GUI and ferry-cli are two front ends of this one
/// planner.
///
/// States:
///
///   Planning            CopyPlanner (copyplan.h) decides between "into the
///                       destination" and "to this new name", walks every
///                       source tree (lstat, links not followed; special
///                       files are skipped with a warning) and lists the
///                       destination folders that exist, to find every
///                       conflict without a request per file.
///   CheckingSpace       the receiver must have room for all the bytes.
///   Copying             create directories, then files (small ones batched,
///                       several jobs at once) and symlinks. Conflicts are
///                       decided by policy or asked; a question holds back
///                       only its own entry. Batched files are staged (whole
///                       part files) and put in place by group commits of up
///                       to 1024 files: two flushes per group, not per batch.
///   SettingAttributes   directories get their modes and times last, deepest
///                       first, so a read-only directory could be filled.
///   Done                per-entry errors were reported as they happened;
///                       the job fails if any entry failed.
class CopyJob final : public transfer::Job
{
    Q_OBJECT

public:
    enum class State { Planning, CheckingSpace, Copying, SettingAttributes, Done };
    Q_ENUM(State)

    /// @p sources are local absolute paths (upload) or remote paths beneath
    /// the root (download); @p destination is on the other side. A trailing
    /// slash on @p destination demands a directory.
    CopyJob(client::Session *session, Direction direction, const QStringList &sources, const QString &destination, const CopyOptions &options,
            QObject *parent = nullptr);
    ~CopyJob() override;

    /// Needed for ConflictPolicy::Ask; without one, Ask fails each conflict.
    void setConflictHandler(ConflictHandler *handler) { m_handler = handler; }
    /// Why there is no one to ask (added to the error of each conflict that
    /// policy Ask meets without a handler).
    void setNoHandlerReason(const QString &reason) { m_noHandlerReason = reason; }
    /// Shares a limit on transfers in flight with other jobs (a queue's
    /// "parallel transfers"); without one, CopyOptions::parallel applies.
    void setSlots(TransferSlots *pool);

    Direction direction() const { return m_direction; }
    /// What the job was asked to copy, where, and how (to start it again).
    const QStringList &sources() const { return m_sources; }
    const QString &destination() const { return m_destination; }
    const CopyOptions &options() const { return m_options; }

    /// Holds every file that has not finished: queued ones wait, running
    /// ones stop and keep their partial data. resume() lets them go again.
    void pause();
    void resume();
    bool isPaused() const { return m_paused; }
    /// The same for one file (an id of filesQueued()).
    void pauseFile(int id);
    void resumeFile(int id);
    /// Gives up one file: it is skipped, the rest of the job goes on.
    void cancelFile(int id);

    State state() const { return m_state; }
    qint64 totalFiles() const { return m_totalFiles; }
    qint64 totalDirectories() const { return m_totalDirs; }
    qint64 doneFiles() const { return m_doneFiles; }
    int failedCount() const { return m_failed; }
    int skippedCount() const { return m_skipped; }

Q_SIGNALS:
    /// Planning is over: what will be copied (before conflicts are decided).
    void planned(qint64 files, qint64 directories, qint64 bytes);
    void warning(const QString &message);
    /// One entry could not be copied; the rest goes on.
    void itemFailed(const ferry::Error &error);
    void itemSkipped(const QString &path, const QString &reason);
    void itemDone(const QString &destinationPath);
    /// Per-file progress for a transfer queue: ids are unique within the job.
    /// Every file of the job, once planning is over (before conflicts are decided).
    void filesQueued(const QList<ferry::copy::QueuedFile> &files);
    void fileStateChanged(int id, ferry::copy::FileState state);
    void fileStarted(int id, const QString &source, const QString &destination, qint64 size);
    void fileProgress(int id, qint64 bytesDone);
    /// The file's transfer picks up @p offset bytes the receiver kept (its
    /// part file, after a pause, a reconnection or a restart).
    void fileResumed(int id, qint64 offset);
    void fileFinished(int id, const ferry::Error &error);
    /// A queued file will not be copied (skipped by a conflict answer,
    /// cancelled, or its folder failed).
    void fileSkipped(int id, const QString &reason);

private:
    /// A planned entry and how its copy stands.
    struct Node : PlanNode {
        enum Status { Waiting, Ready, Running, Paused, Done, Skipped, Failed } status = Waiting;
        client::ConflictAction action = client::ConflictAction::Fail; ///< for files: what the conflict (if any) came to
        bool held = false;  ///< paused before it was ready: pause once it is
        bool cancelRequested = false;
        bool wasPaused = false; ///< paused once: it may have been put in place just then
    };
    /// A transfer job in flight and the files it carries.
    struct Running {
        QList<int> files;
        bool batch = false;
    };

    void doStart() override;
    void doCancel() override;
    void setState(State state);

    // copyplanning.cpp
    /// The planner is done: its failures and skips are reported, then the
    /// space is checked.
    void onPlanned(const Error &error);
    void checkSpace();

    // copyexecution.cpp
    void startCopying();
    void decide(int index);
    void applyAnswer(int index, const ConflictAnswer &answer);
    void askNext();
    void markReady(int index);
    void createDirectory(int index);
    void pump();
    void runFile(int index);
    void runBatch(const QList<int> &indices);
    void runSymlink(int index);
    void runRemoteCopy(int index);
    void settleAfterPause(int index, const Error &error);
    /// A transfer job is over (@p job; null for a copy on the agent): it
    /// leaves the books and its slot goes back.
    void transferEnded(transfer::Job *job);
    /// @p index as the ready queue holds it.
    ReadyQueue::File readyEntry(int index) const;
    /// What one file of a transfer that ended came to: paused, cancelled,
    /// put in place already, failed or done.
    void fileTransferred(int index, const Error &error);
    /// Deletes the part file the receiver keeps for @p index (a cancelled file).
    void dropPart(int index);
    /// A file the user cancelled: skipped in the totals, reported with @p error.
    void settleCancelled(int index, const Error &error);
    /// Gives back every shared slot the job holds.
    void releaseAllSlots();
    bool acquireSlot();
    void releaseSlot();
    void interrupt(int index, bool pause);
    void setFileState(int index, FileState state);
    bool isQueuedFile(int id) const;
    void finishNode(int index, const Error &error);
    void skipNode(int index, const QString &reason);
    /// In state Copying: once copyingIsOver(), on to SettingAttributes.
    void maybeFinishCopying();
    bool copyingIsOver() const;
    void setAttributes();
    void finishJob();
    void proceed(int index);
    void settle(int index, Node::Status status);
    void skipDescendants(int index, const QString &reason);
    void announceQueued();
    void rebase(int index);
    ConflictInfo conflictInfo(int index);
    void schedulePump();
    void stage(int index);
    void maybeCommit();
    void commitGroup(const QList<int> &indices);
    void onCommitted(const QList<int> &indices, const QList<Error> &results);

    QString sourceDisplay(const Node &node) const;
    QString destPath(const Node &node) const;
    QString destDisplay(const Node &node) const;
    bool receiverIsRemote() const { return m_direction != Direction::Download; }
    void progressTick();
    /// True (and the job failed) when the session went away under it.
    bool sessionGone();

    QPointer<client::Session> m_session;
    Direction m_direction;
    QStringList m_sources;
    QString m_destination;
    CopyOptions m_options;
    /// The two ends: this machine's files and the agent's (one for a copy
    /// on the agent).
    std::unique_ptr<client::FileSystem> m_localFs;
    std::unique_ptr<client::FileSystem> m_remoteFs;
    client::FileSystem *m_senderFs = nullptr;
    client::FileSystem *m_receiverFs = nullptr;
    CopyPlanner *m_planner = nullptr;
    ConflictHandler *m_handler = nullptr;
    QPointer<TransferSlots> m_slots;
    QHash<transfer::Job *, Running> m_running; ///< transfer jobs holding a slot
    QHash<int, qint64> m_remoteCopies;         ///< file -> request id of a "copy" in flight
    bool m_paused = false;
    QString m_noHandlerReason;
    State m_state = State::Planning;

    bool m_destIsDir = false;
    QList<Node> m_nodes;
    QList<int> m_roots;
    ReadyQueue m_readyFiles;
    QQueue<int> m_askQueue;
    bool m_asking = false;
    int m_runningJobs = 0;
    int m_pendingOps = 0;
    qint64 m_totalFiles = 0;
    qint64 m_totalDirs = 0;
    qint64 m_totalBytes = 0;
    qint64 m_doneBytes = 0;
    qint64 m_doneFiles = 0;
    int m_failed = 0;
    int m_skipped = 0;
    Error m_firstError;
    QHash<transfer::Job *, qint64> m_inFlight; ///< job -> bytes it had reported
    QHash<QString, QSet<QString>> m_destNames; ///< names taken in each listed destination directory
    qint64 m_unfinished = 0; ///< nodes not yet done, skipped or failed
    bool m_pumpScheduled = false;
    QList<int> m_staged;    ///< batched files written but not yet in place
    int m_commits = 0;      ///< group commits under way
    std::shared_ptr<int> m_alive = std::make_shared<int>(0); ///< guards local commits
};

} // namespace ferry::copy
