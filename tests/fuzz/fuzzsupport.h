// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the fuzz targets share: a Qt application for the process, a
// transport that lives in memory, a scratch tree to serve, and the
// container format of inputs that hold several messages.

#include "core/net/transport.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace ferry::fuzz {

/// Creates the QCoreApplication every target needs, once, and silences
/// Qt's and Ferry's logging (a target prints only what libFuzzer prints).
void initialize(int *argc, char ***argv);

/// Runs what the last calls queued (posted events, deleteLater) without
/// waiting for timers.
void drainEvents();

/// Stops the target with a message; libFuzzer reports it as a crash with
/// the input that caused it.
[[noreturn]] void fail(const char *what, const QString &detail = {});

/// Cuts a fuzz input into messages: each is a 16-bit big-endian length and
/// that many bytes; a short last one takes what is left.
QList<QByteArray> splitMessages(QByteArrayView input);
/// The inverse, for writing seeds.
QByteArray joinMessages(const QList<QByteArray> &messages);

/// What a MemoryTransport saw; it outlives the transport, which its
/// owner may delete as soon as it closes.
struct TransportLog {
    QList<QByteArray> sent;
    qsizetype maxIncoming = 0;
    bool closed = false;
};

/// A Transport that delivers what the target feeds it and keeps what the
/// other end sends in its log. It enforces the incoming limit as the real
/// transports do: a larger message closes it with a protocol error, unread.
class MemoryTransport final : public net::Transport
{
    Q_OBJECT

public:
    explicit MemoryTransport(TransportLog *log) : m_log(log) {}

    void send(const QByteArray &message) override;
    qint64 bytesToWrite() const override { return 0; }
    void setMaxIncomingMessage(qsizetype bytes) override { m_log->maxIncoming = bytes; }
    void close(const Error &reason) override;
    void abort() override;
    QString description() const override { return QStringLiteral("fuzz"); }

    /// Hands @p message to whoever listens, as if it came from the peer.
    void deliver(const QByteArray &message);

private:
    TransportLog *m_log;
};

/// A small tree to serve, made fresh under a private temporary directory:
///
///   outside/secret          a file beside the served directory
///   root/                   the served directory
///     file                  4 bytes
///     empty                 0 bytes
///     dir/ dir/sub/ dir/sub/deep   directories
///     dir/inner             a file
///     dir/up      -> ..     symlinks that stay beneath the root
///     dir/sub/top -> ../..
///     linkdir     -> dir
///     linkfile    -> dir/inner
///     chain       -> linkdir/sub
///     dangling    -> missing
///     loop        -> loop
///     escape      -> ..     symlinks that lead out
///     escape2     -> dir/../..
///     deepescape  -> dir/sub/../../../outside/secret
///     dir/sub/out -> ../../../outside
///     absolute    -> /etc
///     proc        -> /proc/self/cwd
///     fifo                  a FIFO (never to be opened for reading)
class ScratchTree
{
public:
    ScratchTree();
    ~ScratchTree();

    QString base() const { return m_base; }
    QString rootPath() const { return m_base + QStringLiteral("/root"); }
    /// Puts the served directory back as described above.
    void reset();

private:
    QString m_base;
};

} // namespace ferry::fuzz
