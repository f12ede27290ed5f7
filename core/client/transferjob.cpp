// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/transferjob.h"

#include "core/client/session.h"
#include "core/logging.h"
#include "core/net/connection.h"
#include "core/transfer/streammessages.h"

#include <QTimer>

namespace ferry::client {

namespace {
constexpr int kBusyRetryMs = 500;
} // namespace

TransferJob::TransferJob(Session *session, QObject *parent)
    : transfer::Job(parent)
    , m_session(session)
{
    connect(m_session, &Session::connected, this, [this] {
        if (m_waitingForConnection && !isFinished()) {
            m_waitingForConnection = false;
            tryAttempt();
        }
    });
    // A drop ends the attempt even when no request is outstanding (a
    // download whose data is flowing).
    connect(m_session, &Session::connectionLost, this, [this](const Error &reason) {
        if (m_attemptActive)
            attemptFinished(Error{ErrorCode::Connection, reason.message});
    });
    connect(m_session, &Session::failed, this, [this](const Error &reason) {
        if (!isFinished()) {
            m_attemptActive = false;
            abandonAttempt(false);
            emitResult(reason);
        }
    });
}

TransferJob::~TransferJob() = default;

void TransferJob::endAttemptWork()
{
    if (!m_attemptWork)
        return;
    m_attemptWorkCancelled->store(true);
    delete m_attemptWork;
    m_attemptWork = nullptr;
}

void TransferJob::doStart()
{
    tryAttempt();
}

void TransferJob::doCancel()
{
    m_attemptActive = false;
    abandonAttempt(true);
}

void TransferJob::pause()
{
    if (isFinished())
        return;
    m_waitingForConnection = false;
    m_attemptActive = false;
    m_pausing = true;
    abandonAttempt(false);
    m_pausing = false;
    emitResult(Error{ErrorCode::Paused, tr("paused")});
}

void TransferJob::closeAttemptStream(const std::optional<Error> &abort)
{
    if (!m_session)
        return;
    if (net::Connection *connection = m_session->connection(); connection && m_requestId != 0) {
        if (abort)
            connection->sendControl(transfer::abortMessage(m_stream, *abort), net::Priority::Interactive);
        connection->closeStream(m_stream);
    }
    m_session->forget(m_requestId);
}

void TransferJob::tryAttempt()
{
    if (isFinished())
        return;
    if (!m_session->connection()) {
        if (m_session->state() == Session::State::Failed || m_session->state() == Session::State::Offline) {
            emitResult(m_session->lastError().code != ErrorCode::None ? m_session->lastError()
                                                                       : Error{ErrorCode::Connection, tr("not connected")});
            return;
        }
        m_waitingForConnection = true;
        return;
    }
    ++m_attempts;
    m_attemptActive = true;
    m_stream = m_session->allocateStream();
    attempt();
}

void TransferJob::attemptFinished(const Error &error)
{
    if (isFinished() || !m_attemptActive)
        return;
    m_attemptActive = false;
    if (error.code == ErrorCode::None) {
        emitResult();
        return;
    }
    abandonAttempt(false);
    if (error.code == ErrorCode::Connection) {
        // The partial file stays on the receiver; resume after reconnecting.
        qCInfo(lcTransfer) << "transfer interrupted, will resume:" << error.message;
        m_waitingForConnection = true;
        if (m_session->connection()) {
            m_waitingForConnection = false;
            tryAttempt();
        }
        return;
    }
    if (error.code == ErrorCode::Busy && m_attempts > 1 && m_attempts < 40) {
        // Our previous connection may still hold the partial file until the
        // agent notices it is dead.
        QTimer::singleShot(kBusyRetryMs, this, &TransferJob::tryAttempt);
        return;
    }
    emitResult(error);
}

} // namespace ferry::client
