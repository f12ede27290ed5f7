// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/shellchannel.h"

#include <QProcess>

namespace ferry::client {

/// The local command a shell session runs through /bin/sh -c (ssh -T host,
/// kubectl exec -i pod -- sh, ...): its stdin and stdout are the remote
/// shell. What it says on stderr (ssh's complaints, a password prompt gone
/// wrong) is kept, the last few KiB of it, for the message when it ends.
class ShellProcess final : public ShellChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShellProcess)

public:
    explicit ShellProcess(const QString &command, QObject *parent = nullptr);
    ~ShellProcess() override;

    void start() override;
    QString description() const override { return m_command; }
    bool isTerminal() const override { return false; }
    QString kind() const override;
    /// The end of what the command wrote to stderr, trimmed.
    QString errorTail() const override;
    /// Why the channel ended, as well as can be told: the command's exit
    /// status and its last words on stderr.
    Error endReason() const override;

    qint64 bytesAvailable() const override;
    qint64 bytesToWrite() const override;
    void close() override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QString m_command;
    QProcess m_process;
    QByteArray m_errors;
    bool m_ended = false;
};

} // namespace ferry::client
