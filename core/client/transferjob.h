// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/transfer/filework.h"
#include "core/transfer/job.h"

#include <QPointer>

#include <atomic>
#include <memory>
#include <optional>
#include <QString>

namespace ferry::client {

class Session;

/// What to do when the destination file exists.
enum class ConflictAction {
    Fail,       ///< refuse with ErrorCode::Exists
    Overwrite,  ///< replace it atomically
    Resume,     ///< continue a shorter destination whose bytes match, else overwrite
};

/// One file to move, with what the copy planner decided about it.
struct FileTransferItem {
    QString localPath;      ///< absolute local path
    QString remotePath;     ///< path beneath the agent's root
    ConflictAction conflict = ConflictAction::Fail;
    bool preserveMode = true;
    bool preserveTimes = true;
};

/// Common ground of uploads and downloads: one attempt at a time over the
/// session's current connection; when the connection drops, wait for the
/// session to reconnect and attempt again, resuming from the receiver's
/// verified partial file.
class TransferJob : public transfer::Job
{
    Q_OBJECT

public:
    explicit TransferJob(Session *session, QObject *parent = nullptr);
    ~TransferJob() override;

    int attempts() const { return m_attempts; }
    /// Stops the transfer but keeps what the receiver has (its part file):
    /// the job finishes with ErrorCode::Paused, and a new job for the same
    /// file resumes from there after checking the prefix.
    void pause();

protected:
    void doStart() override;
    void doCancel() override;
    /// Starts one attempt on the live connection.
    virtual void attempt() = 0;
    /// Drops whatever the current attempt holds (streams, files).
    virtual void abandonAttempt(bool cancelled) = 0;
    /// The attempt ended; a Connection error retries after reconnecting.
    void attemptFinished(const Error &error);
    /// True while pause() abandons the attempt: the receiver keeps its part.
    bool pausing() const { return m_pausing; }
    /// Ends this attempt's stream on our side and, with @p abort, tells the
    /// agent, also when its reply (and so our side of the stream) has not
    /// come yet: it lets go of its files, and its late data is dropped.
    /// The abort travels behind the request, never ahead of it.
    void closeAttemptStream(const std::optional<Error> &abort);

    /// Runs whole-file work of this attempt (hashing a prefix) on a worker
    /// thread, so the window and the connection's heartbeats go on; @p done
    /// gets its result unless the attempt ended meanwhile.
    template<typename Result>
    void runAttemptWork(std::function<Result(const transfer::WorkProgress &)> work, std::function<void(Result)> done)
    {
        if (!m_attemptWork) {
            m_attemptWork = new QObject(this);
            m_attemptWorkCancelled = std::make_shared<std::atomic_bool>(false);
        }
        transfer::runFileWork<Result>(m_attemptWork, m_attemptWorkCancelled, std::move(work), {}, std::move(done));
    }
    /// Stops and forgets the attempt's work on other threads; call it when
    /// an attempt is abandoned.
    void endAttemptWork();

    QPointer<Session> m_session; ///< may go first when both are torn down
    quint32 m_stream = 0;
    qint64 m_requestId = 0;

private:
    void tryAttempt();

    int m_attempts = 0;
    bool m_waitingForConnection = false;
    bool m_attemptActive = false;
    bool m_pausing = false;
    QObject *m_attemptWork = nullptr;
    std::shared_ptr<std::atomic_bool> m_attemptWorkCancelled;
};

} // namespace ferry::client
