// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QProcess>

namespace ferry::client {

/// The local command a shell session runs through /bin/sh -c (ssh -T host,
/// kubectl exec -i pod -- sh, ...): its stdin and stdout are the remote
/// shell. What it says on stderr (ssh's complaints, a password prompt gone
/// wrong) is kept, the last few KiB of it, for the message when it ends.
class ShellProcess final : public QProcess
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShellProcess)

public:
    explicit ShellProcess(const QString &command, QObject *parent = nullptr);
    ~ShellProcess() override;

    void start();
    QString command() const { return m_command; }
    /// The end of what the command wrote to stderr, trimmed.
    QString errorTail() const;
    /// Why the channel ended, as well as can be told: the command's exit
    /// status and its last words on stderr.
    Error endReason() const;

private:
    QString m_command;
    QByteArray m_errors;
};

} // namespace ferry::client
