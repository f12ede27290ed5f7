// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/connection.h"
#include "core/transfer/job.h"

#include <QPointer>
#include <QByteArray>
#include <QStringList>

class QSocketNotifier;

namespace ferry::client {

class Session;

/// Runs a command on the agent with our stdin, stdout and stderr (or any
/// descriptors) streamed under flow control in both directions: input is
/// read only when the agent granted credit, output credit is returned only
/// once written here. Ends with the command's exit status.
class ExecJob final : public transfer::Job, private net::StreamReceiver, private net::BulkSource
{
    Q_OBJECT

public:
    struct Spec {
        QStringList argv;
        QString shell;       ///< run through /bin/sh -c instead of argv
        QString cwd;         ///< beneath the agent's root
        int inputFd = 0;     ///< -1: no input (stdin closed at once)
        int outputFd = 1;
        int errorFd = 2;
    };

    ExecJob(Session *session, const Spec &spec, QObject *parent = nullptr);
    ~ExecJob() override;

    /// The command's exit status (128 + N when killed by signal N).
    int exitCode() const { return m_exitCode; }

private:
    void doStart() override;
    void doCancel() override;

    void onStreamData(const protocol::DataFrame &frame) override;
    void onStreamMessage(const QCborMap &message) override;
    std::optional<net::Outgoing> produce(qint64 maxData) override;
    bool wantsToSend() const override { return m_inputReadable; }

    struct Output {
        int fd = -1;
        QByteArray pending;
        QSocketNotifier *notifier = nullptr;
    };
    void flush(Output &out);
    void maybeFinish();
    void fail(const Error &error);

    QPointer<Session> m_session; ///< may go first when both are torn down
    Spec m_spec;
    quint32 m_stream = 0;
    qint64 m_requestId = 0;
    QSocketNotifier *m_inputNotifier = nullptr;
    bool m_inputReadable = true;
    bool m_inputDone = false;
    quint64 m_inputOffset = 0;
    Output m_out;
    Output m_err;
    bool m_exited = false;
    int m_exitCode = -1;
    bool m_streamOpen = false;
};

} // namespace ferry::client
