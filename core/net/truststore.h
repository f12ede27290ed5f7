// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>

#include <optional>

class QSslCertificate;

namespace ferry::net {

/// Certificates of wss:// agents the user chose to trust, pinned by SHA-256
/// fingerprint per host and port: trust on first use, like SSH known_hosts.
/// One line per agent: "HOST:PORT SHA256HEX".
class TrustStore
{
public:
    explicit TrustStore(const QString &path = defaultPath());

    /// $FERRY_KNOWN_AGENTS, else $XDG_CONFIG_HOME/ferry/known_agents.
    static QString defaultPath();
    static QByteArray fingerprint(const QSslCertificate &certificate);
    /// "AB:CD:..." for people to compare.
    static QString displayFingerprint(const QByteArray &fingerprint);
    /// Accepts "ab:cd:..", "ABCD..", with or without a "SHA256:" prefix.
    static QByteArray parseFingerprint(const QString &text);

    std::optional<QByteArray> pinned(const QString &hostPort) const;
    /// Pins @p fingerprint for @p hostPort, replacing an older pin.
    Expected<void> trust(const QString &hostPort, const QByteArray &fingerprint);

    const QString &path() const { return m_path; }

private:
    QString m_path;
};

} // namespace ferry::net
