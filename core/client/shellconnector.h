// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/agentbundle.h"
#include "core/client/shellscript.h"
#include "core/error.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>

class QFile;
class QTimer;

namespace ferry::net {
class StreamTransport;
class StdioNegotiation;
}

namespace ferry::client {

class ShellChannel;

struct ShellOptions {
    QString remoteRoot;   ///< served folder on the remote; empty: the shell's working directory
    QString agentBundle;  ///< the portable agent; empty: AgentBundle::find()
    int heartbeatMs = 5000;
    int deadAfterMs = 15000;
};

/// Reaches the remote through a POSIX shell and leaves a message transport
/// to an agent running there. The bootstrap, step by step:
///
///   Preparing   on a terminal only: make its line discipline raw and
///               leave the interactive shell for a plain /bin/sh reading
///               the terminal (no line editor, no history, no prompts)
///   Probing     quiet the shell; start an agent installed before that is
///               unchanged since (the fast way in); else learn the system
///               and architecture, find a cache directory that is writable
///               and not noexec, and what is cached there
///   Uploading   only when the cached agent's checksum differs: the portable
///               agent in chunks, each acknowledged by the remote shell,
///               with a bounded number in flight
///   Installing  the checksum checked on the remote, the file moved into place
///   Starting    the shell replaced by the agent in --stdio mode
///   Negotiating the framing of each direction (StdioNegotiation)
///
/// Each failure names itself: no POSIX shell, no writable directory, noexec
/// everywhere, the wrong system or architecture, an agent that does not
/// start.
class ShellConnector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShellConnector)

public:
    /// Bootstraps through @p channel, which it takes over (not yet started).
    ShellConnector(ShellChannel *channel, const ShellOptions &options, QObject *parent = nullptr);
    ~ShellConnector() override;

    void start();
    /// Bytes of the agent uploaded (0 when the cached one was used).
    qint64 uploadedBytes() const { return m_acked; }
    /// Milliseconds since start().
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }

Q_SIGNALS:
    /// @p stage is translated; @p done of @p total bytes while uploading.
    void progress(const QString &stage, qint64 done, qint64 total);
    /// The agent answers on @p transport, which the receiver takes over.
    void ready(ferry::net::StreamTransport *transport);
    void failed(const ferry::Error &reason);

private:
    enum class Step { Preparing, Probing, Uploading, Installing, Negotiating, Done };

    void onOutput();
    void onAnswer(const QByteArray &answer);
    void onAck(const QByteArray &ack);
    void onProbed();
    void sendChunks();
    void startAgent();
    /// The agent is starting: what comes next is its greeting.
    void negotiate();
    void sendProbe();
    void onChannelEnded();
    void fail(ErrorCode code, const QString &message);
    void restartTimer(int ms);
    /// What the shell said besides answers, for a message; @p withErrors
    /// adds the channel's own diagnostics (a command's stderr).
    QString noiseText(bool withErrors = true) const;

    ShellOptions m_options;
    AgentBundle m_bundle;
    ShellChannel *m_channel = nullptr;
    net::StdioNegotiation *m_negotiation = nullptr;
    QTimer *m_timer;
    QElapsedTimer m_clock;
    Step m_step = Step::Probing;
    QByteArray m_lines;        ///< output not yet cut into lines
    QByteArray m_noise;        ///< output that was not an answer, the last of it
    QHash<QByteArray, QByteArray> m_probe;
    shellscript::UploadMethod m_method = shellscript::UploadMethod::HereDocument;
    bool m_sha256 = false;     ///< the remote has sha256sum
    QByteArray m_expectedSum;  ///< the bundle's checksum as the remote computes it
    QString m_directory;
    // Uploading
    QFile *m_file = nullptr;
    qint64 m_sent = 0;         ///< bytes of the file sent
    qint64 m_acked = 0;        ///< bytes of the file the remote confirmed
    qint64 m_nextChunk = 0;
    QHash<qint64, qint64> m_chunkBytes; ///< chunk in flight -> its bytes
};

} // namespace ferry::client
