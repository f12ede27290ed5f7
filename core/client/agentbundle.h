// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ferry::client {

/// The portable agent that a shell session brings to the remote: one file
/// that runs on any x86_64 Linux (build/dist/ferry-agent-VERSION-linux-x86_64).
/// Its SHA-256 comes from the FILE.sha256 the build writes beside it while
/// that is no older than the file (hashing 23 MiB would delay every
/// connection), else it is worked out, once per process.
class AgentBundle
{
public:
    /// @p explicitPath, else $FERRY_PORTABLE_AGENT, else the file beside the
    /// programs (../dist in a build tree, ../lib/ferry once installed).
    static Expected<AgentBundle> find(const QString &explicitPath = {});
    /// The name it is cached under on the remote.
    static QString remoteFileName();
    /// Where find() looks, in order, for messages.
    static QStringList candidates(const QString &explicitPath = {});

    QString path() const { return m_path; }
    qint64 size() const { return m_size; }
    /// As the remote shell reports it: "sha256:HEX".
    QByteArray sha256() const { return m_sha256; }
    /// As a remote without sha256sum reports it, with POSIX cksum:
    /// "cksum:CRC:SIZE". Reads the whole file.
    Expected<QByteArray> cksum() const;

private:
    QString m_path;
    qint64 m_size = 0;
    QByteArray m_sha256;
};

} // namespace ferry::client
