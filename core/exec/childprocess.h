// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/uniquefd.h"

#include <QByteArray>
#include <QObject>
#include <QQueue>
#include <QString>
#include <QStringList>

class QSocketNotifier;
class QTimer;

namespace ferry::exec {

/// A child process with stdin, stdout and stderr pipes, driven by the event
/// loop under the caller's flow control (Linux only).
///
/// Unlike QProcess, nothing is read from the child until the caller asks:
/// requestRead() arms one notification, read() takes what the pipe holds.
/// A consumer that stops asking leaves the pipe full and the child blocked in
/// write(2), so backpressure reaches the producer and this process buffers
/// nothing. stdin works the other way round: the caller hands data and is told
/// with stdinWritten() how much has entered the pipe.
///
/// The child runs in its own session and process group; terminate(), kill()
/// and the destructor signal the whole group. Exit is detected through a
/// pidfd, so no SIGCHLD handler is involved and the child is always reaped.
///
/// Do not delete the object directly from a slot connected to one of its
/// signals; use deleteLater() there, as with any QObject sender.
class ChildProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChildProcess)

public:
    enum Channel { Stdout = 1, Stderr = 2 };
    Q_ENUM(Channel)

    /// What to run and where.
    struct Spec {
        /// Program and arguments; the program is looked up in this process's
        /// PATH when it contains no '/'. Used when shell is empty.
        QStringList argv;
        /// If non-empty, run "/bin/sh -c <shell>" instead of argv.
        QString shell;
        /// Absolute path to start in; empty inherits ours.
        QString workingDirectory;
        /// "NAME=value" entries added to (or replacing in) the inherited
        /// environment.
        QStringList extraEnvironment;
        /// Inherit only what a login would set (PATH, HOME, USER, LOGNAME,
        /// SHELL, TMPDIR, TZ, LANG, LC_*), not this process's whole
        /// environment.
        bool cleanEnvironment = false;
    };

    explicit ChildProcess(QObject *parent = nullptr);
    /// Kills the process group with SIGKILL if the child still runs, reaps
    /// the child and closes every descriptor.
    ~ChildProcess() override;

    /// Starts the child. A program that cannot be executed or a working
    /// directory that cannot be entered is reported here (NotFound,
    /// PermissionDenied, ...) with a message naming it, never as an exit code.
    /// Can be called once per object.
    Expected<void> start(const Spec &spec);
    /// The child's process id; 0 before a successful start().
    qint64 pid() const;

    /// Queues data for the child's stdin; it is written as the pipe accepts
    /// it and each write is reported by stdinWritten(). Ignored after
    /// closeStdin() or once stdinClosed() was emitted.
    void writeStdin(const QByteArray &data);
    /// Bytes handed to writeStdin() that have not entered the pipe yet.
    qint64 pendingStdinBytes() const;
    /// Closes stdin once the pending bytes are written, then emits
    /// stdinClosed(); at once (synchronously) when nothing is pending.
    void closeStdin();

    /// Asks for one readyRead(ch) when the channel has data or reached its
    /// end. Does nothing once atEnd(ch).
    void requestRead(Channel ch);
    /// Reads up to maxBytes without blocking. Returns an empty array when
    /// nothing is available; at end of stream it also sets atEnd(ch).
    QByteArray read(Channel ch, qint64 maxBytes);
    /// True once read() saw the end of the channel (or before start()).
    bool atEnd(Channel ch) const;

    /// Sends SIGTERM to the process group and SIGKILL 2 s later if the child
    /// has not exited by then.
    void terminate();
    /// Sends SIGKILL to the process group.
    void kill();

    /// True once the child has exited and was reaped.
    bool hasExited() const;
    /// The exit status, valid after exited(); 128 + signal number when the
    /// child was killed by a signal, as a shell's $? reports it.
    int exitCode() const;
    /// The signal that killed the child; 0 if it exited normally.
    int exitSignal() const;

Q_SIGNALS:
    /// Bytes that entered the stdin pipe; flow-control credit is granted
    /// from this.
    void stdinWritten(qint64 bytes);
    /// stdin is closed: after closeStdin(), or because the child stopped
    /// reading (the bytes still pending were dropped). Emitted once.
    void stdinClosed();
    /// The channel has data or reached its end; answers one requestRead().
    void readyRead(ferry::exec::ChildProcess::Channel ch);
    /// The child exited and was reaped. Emitted once. Output may still be
    /// waiting in the pipes: read until atEnd().
    void exited(int exitCode, int signal);

private:
    struct OutputPipe {
        UniqueFd fd;
        QSocketNotifier *notifier = nullptr;
    };

    OutputPipe &output(Channel ch);
    const OutputPipe &output(Channel ch) const;
    void closeOutput(OutputPipe &pipe);
    void flushStdin();
    void closeStdinNow();
    void onExitNotified();
    void signalGroup(int signal);

    UniqueFd m_stdin;
    QSocketNotifier *m_stdinNotifier = nullptr;
    QQueue<QByteArray> m_pending;
    qsizetype m_pendingOffset = 0; ///< bytes of m_pending.head() already written
    qint64 m_pendingBytes = 0;
    bool m_closeStdinRequested = false;

    OutputPipe m_stdout;
    OutputPipe m_stderr;

    UniqueFd m_pidfd; ///< valid from start until the child is reaped
    QSocketNotifier *m_exitNotifier = nullptr;
    QTimer *m_killTimer = nullptr;
    qint64 m_pid = 0;
    bool m_exited = false;
    int m_exitCode = -1;
    int m_exitSignal = 0;
};

} // namespace ferry::exec
