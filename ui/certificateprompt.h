// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMessageBox>

namespace ferry::client {
class Session;
}

namespace ferry::ui {

/// Asks whether to trust the certificate a wss:// agent presented: trust on
/// first use, like SSH's known_hosts. Shows the agent and the SHA-256
/// fingerprint for the user to compare with what the agent printed at start.
/// Non-modal (show(), never exec()); deletes itself when closed.
class CertificatePrompt final : public QMessageBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificatePrompt)

public:
    /// @p previous is the fingerprint pinned before for @p hostPort; when it
    /// differs, the prompt warns that the certificate changed.
    CertificatePrompt(const QString &hostPort, const QByteArray &fingerprint, const QByteArray &previous = {}, QWidget *parent = nullptr);

    const QString &hostPort() const { return m_hostPort; }
    const QByteArray &fingerprint() const { return m_fingerprint; }
    bool isChange() const { return m_changed; }
    /// "AB:CD:..." as shown.
    QString displayedFingerprint() const;
    QPushButton *trustButton() const { return m_trust; }

    /// For @p session after it failed with ErrorCode::UntrustedCertificate or CertificateChanged:
    /// shows a prompt whose Trust pins the presented certificate
    /// (Session::trustPeer) and opens the session again. Returns null when
    /// the agent presented no certificate, so there is nothing to trust.
    static CertificatePrompt *askFor(client::Session *session, QWidget *parent = nullptr);

Q_SIGNALS:
    void trusted(const QByteArray &fingerprint);
    void declined();

private:
    QString m_hostPort;
    QByteArray m_fingerprint;
    bool m_changed;
    QPushButton *m_trust;
};

} // namespace ferry::ui
