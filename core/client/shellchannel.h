// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QIODevice>

namespace ferry::client {

/// The byte stream to a remote POSIX shell that a shell session bootstraps
/// its agent through: a local command's stdin and stdout (ShellProcess), or
/// a web terminal's input and output (WettyChannel, JupyterChannel).
///
/// Reading gives what the shell printed; writing types into it. The device
/// is sequential and opened by start(); readChannelFinished() (then
/// ended()) says the channel is gone, and endReason() why.
class ShellChannel : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShellChannel)

public:
    using QIODevice::QIODevice;

    /// Begins reaching the shell; bytes may be written at once and are sent
    /// when the channel is up. Failing to reach it ends the channel.
    virtual void start() = 0;
    /// What the user named: the command line or the web terminal's URL.
    virtual QString description() const = 0;
    /// Whether the shell sits on a terminal (a pty in a web terminal): its
    /// line discipline has to be made raw before anything else is sent.
    virtual bool isTerminal() const = 0;
    /// Why the channel ended, as well as can be told.
    virtual Error endReason() const = 0;
    /// Diagnostics that came beside the stream (a command's stderr), trimmed.
    virtual QString errorTail() const { return {}; }
    /// Transport kind for statistics: "shell", "wetty", "jupyter".
    virtual QString kind() const = 0;

    bool isSequential() const override { return true; }

Q_SIGNALS:
    /// The channel is gone; endReason() says why.
    void ended();
};

} // namespace ferry::client
