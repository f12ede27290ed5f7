// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/certificateprompt.h"

#include "core/client/session.h"
#include "core/net/truststore.h"

#include <QPointer>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

CertificatePrompt::CertificatePrompt(const QString &hostPort, const QByteArray &fingerprint, const QByteArray &previous, QWidget *parent)
    : QMessageBox(parent)
    , m_hostPort(hostPort)
    , m_fingerprint(fingerprint)
    , m_changed(!previous.isEmpty() && previous != fingerprint)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::NonModal);
    setTextFormat(Qt::RichText);
    const QString shown = u"<p style=\"font-family: monospace\">"_s + displayedFingerprint().toHtmlEscaped() + u"</p>"_s;
    if (m_changed) {
        setIcon(QMessageBox::Critical);
        setWindowTitle(tr("Agent Certificate Changed"));
        setText(tr("<p>The agent at <b>%1</b> presents a different certificate than the one you trusted before. "
                   "Someone may be intercepting the connection.</p><p>New SHA-256 fingerprint:</p>%2"
                   "<p>Trust it only if the agent was given a new certificate and this fingerprint is the one it printed at start.</p>")
                    .arg(hostPort.toHtmlEscaped(), shown));
    } else {
        setIcon(QMessageBox::Question);
        setWindowTitle(tr("Unknown Agent Certificate"));
        setText(tr("<p>The agent at <b>%1</b> presents a certificate that no authority vouches for.</p><p>SHA-256 fingerprint:</p>%2"
                   "<p>Compare it with what the agent printed at start. Trust this certificate?</p>")
                    .arg(hostPort.toHtmlEscaped(), shown));
    }
    m_trust = addButton(m_changed ? tr("&Trust the New Certificate") : tr("&Trust"), QMessageBox::AcceptRole);
    m_trust->setAccessibleName(m_changed ? tr("Trust the new certificate") : tr("Trust"));
    QPushButton *cancel = addButton(QMessageBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    // A changed certificate is waved through only by a deliberate choice.
    setDefaultButton(m_changed ? cancel : m_trust);
    setEscapeButton(cancel);
    connect(this, &QMessageBox::buttonClicked, this, [this](QAbstractButton *button) {
        if (button == m_trust)
            Q_EMIT trusted(m_fingerprint);
        else
            Q_EMIT declined();
    });
    // Closing the window by its frame counts as Cancel (escape button).
}

QString CertificatePrompt::displayedFingerprint() const
{
    return net::TrustStore::displayFingerprint(m_fingerprint).mid(QStringLiteral("SHA256:").size());
}

CertificatePrompt *CertificatePrompt::askFor(client::Session *session, QWidget *parent)
{
    const QByteArray presented = session->peerFingerprint();
    if (presented.isEmpty())
        return nullptr;
    const QUrl url = session->options().url;
    const QString hostPort = url.host() + u':' + QString::number(url.port(443));
    const QString storePath = session->options().knownAgentsPath.isEmpty() ? net::TrustStore::defaultPath() : session->options().knownAgentsPath;
    auto *prompt = new CertificatePrompt(hostPort, presented, net::TrustStore(storePath).pinned(hostPort).value_or(QByteArray()), parent);
    const QPointer<client::Session> guarded(session);
    connect(prompt, &CertificatePrompt::trusted, prompt, [guarded, prompt](const QByteArray &fingerprint) {
        if (!guarded)
            return;
        if (auto saved = guarded->trustPeer(fingerprint); !saved) {
            auto *failure = new QMessageBox(QMessageBox::Warning, tr("Cannot Trust the Certificate"), saved.error().message, QMessageBox::Ok, prompt->parentWidget());
            failure->setAttribute(Qt::WA_DeleteOnClose);
            failure->show();
            return;
        }
        guarded->open();
    });
    prompt->show();
    return prompt;
}

} // namespace ferry::ui
