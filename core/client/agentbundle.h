// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ferry::client {

/// The portable agent that a shell session brings to the remote: one file
/// that runs on any x86_64 Linux (build/dist/ferry-agent-VERSION-linux-x86_64).
/// Its checksums are worked out once per process.
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
    /// As the remote shell reports it: "sha256:HEX", or "cksum:CRC:SIZE"
    /// where the remote has no sha256sum.
    QByteArray sum(bool sha256) const { return sha256 ? m_sha256 : m_cksum; }

private:
    QString m_path;
    qint64 m_size = 0;
    QByteArray m_sha256;
    QByteArray m_cksum;
};

} // namespace ferry::client
