// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

/// A scratch OpenSSH server on 127.0.0.1 for tests: its own host key, a
/// client key of its own for root (the tests run as root), key logins only,
/// and AcceptEnv for XDG_CACHE_HOME so each test can give the remote side
/// a cache directory of its own.
class SshServer
{
public:
    SshServer() = default;
    ~SshServer();
    SshServer(const SshServer &) = delete;
    SshServer &operator=(const SshServer &) = delete;

    /// Keys and configuration in @p dir; false with errorString() when
    /// sshd did not come up or does not let us in.
    bool start(const QString &dir);
    /// The ssh command line that opens a shell without a terminal, with
    /// @p cacheHome as the remote XDG_CACHE_HOME (when not empty).
    QString command(const QString &cacheHome = {}) const;
    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }

private:
    QString m_dir;
    QProcess m_sshd;
    quint16 m_port = 0;
    QString m_error;
    bool m_madeRunDir = false;
};
