// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectionindicator.h"

#include "core/client/session.h"
#include "core/humanformat.h"
#include "ui/displayformat.h"
#include "ui/webterminaladdress.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {

/// The widest the connection's description gets in the status bar; the
/// tool tip has all of it.
constexpr int kDescriptionWidth = 360;

/// A round trip as the user's language writes decimals ("2.5", "2,5").
QString milliseconds(double ms)
{
    return QLocale().toString(ms, 'f', 1);
}

} // namespace

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_bootstrap(new QProgressBar(this))
    , m_countdown(new QTimer(this))
{
    setObjectName(QStringLiteral("connectionIndicator"));
    m_text->setObjectName(QStringLiteral("connectionLabel"));
    m_bootstrap->setObjectName(QStringLiteral("bootstrapProgress"));
    m_bootstrap->setAccessibleName(tr("Agent upload"));
    // Fixed: an expanding bar would make the whole indicator take the
    // status bar's free space, and leave a gap after the text.
    m_bootstrap->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_bootstrap->setFixedWidth(160);
    m_bootstrap->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon);
    layout->addWidget(m_text);
    layout->addWidget(m_bootstrap);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &ConnectionIndicator::update);
    update();
}

void ConnectionIndicator::setSession(client::Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_stage.clear();
    if (m_session) {
        connect(m_session, &client::Session::stateChanged, this, &ConnectionIndicator::update);
        connect(m_session, &client::Session::rttSampled, this, &ConnectionIndicator::update);
        connect(m_session, &client::Session::bootstrapProgress, this, &ConnectionIndicator::onBootstrapProgress);
    }
    update();
}

QString ConnectionIndicator::text() const
{
    return m_text->text();
}

void ConnectionIndicator::onBootstrapProgress(const QString &stage, qint64 done, qint64 total)
{
    m_stage = stage;
    // Only the upload has an end to show; the other steps take moments.
    if (total > 0) {
        m_bootstrap->setRange(0, 1000);
        m_bootstrap->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
        m_bootstrap->setToolTip(tr("%1 of %2").arg(displaySize(done), displaySize(total)));
    }
    m_uploading = total > 0;
    update();
}

QString ConnectionIndicator::describeWay() const
{
    const client::SessionOptions &options = m_session->options();
    QStringList lines;
    if (!m_session->isShellSession()) {
        lines.append(options.url.toDisplayString());
    } else if (m_session->isWebTerminalSession()) {
        const auto type = WebTerminalAddress::typeOf(options.url).value_or(WebTerminalAddress::Type::Wetty);
        lines.append(tr("Web terminal: %1, %2").arg(WebTerminalAddress::typeName(type), WebTerminalAddress::page(options.url)));
        lines.append(tr("Remote folder: %1").arg(options.remoteRoot.isEmpty() ? tr("the terminal's starting folder") : options.remoteRoot));
    } else {
        lines.append(tr("Command: %1").arg(options.shellCommand));
        lines.append(tr("Remote folder: %1").arg(options.remoteRoot.isEmpty() ? tr("the shell's working directory") : options.remoteRoot));
    }
    if (m_session->state() != client::Session::State::Connected)
        return lines.join(u'\n');
    // How the agent came to be there, through a shell.
    const client::TransportInfo &info = m_session->transportInfo();
    if (m_session->isShellSession() && info.kind != "websocket"_L1 && !info.kind.isEmpty()) {
        lines.append(info.agentUploadedBytes > 0 ? tr("Agent uploaded (%1) and started in %2 ms").arg(displaySize(info.agentUploadedBytes)).arg(info.bootstrapMs)
                                                 : tr("Agent found on the remote and started in %1 ms").arg(info.bootstrapMs));
    }
    const net::RttStats &rtt = m_session->rtt();
    if (rtt.count() > 0)
        lines.append(tr("Heartbeat round trip: %1 ms, smoothed %2 ms").arg(milliseconds(rtt.last()), milliseconds(rtt.smoothed())));
    return lines.join(u'\n');
}

void ConnectionIndicator::update()
{
    using State = client::Session::State;
    QString text = tr("Offline");
    QString icon = QStringLiteral("network-offline");
    const State state = m_session ? m_session->state() : State::Offline;
    const bool shell = m_session && m_session->isShellSession();
    const qint64 reconnectIn = state == State::Reconnecting ? (m_session->reconnectInMs() + 999) / 1000 : 0;
    // An attempt is under way (not a wait between attempts) and said what it does.
    const bool bootstrapping = !m_stage.isEmpty() && (state == State::Connecting || (state == State::Reconnecting && reconnectIn == 0));
    switch (state) {
    case State::Connected: {
        icon = QStringLiteral("network-connect");
        // A web terminal by its product and place; its URL scheme is Ferry's own.
        const QString way = m_session->isWebTerminalSession() ? WebTerminalAddress::describe(m_session->options().url) : m_session->transportDescription();
        const QString where = m_text->fontMetrics().elidedText(way, Qt::ElideMiddle, kDescriptionWidth);
        const bool measured = m_session->rtt().count() > 0;
        if (shell)
            text = measured ? tr("Connected through %1 · %2 ms").arg(where, milliseconds(m_session->rtt().last())) : tr("Connected through %1").arg(where);
        else
            text = measured ? tr("Connected to %1 · %2 ms").arg(where, milliseconds(m_session->rtt().last())) : tr("Connected to %1").arg(where);
        break;
    }
    case State::Connecting:
        icon = QStringLiteral("network-wired-activated");
        text = bootstrapping ? tr("%1…").arg(m_stage) : tr("Connecting…");
        break;
    case State::Reconnecting:
        icon = QStringLiteral("network-wired-activated");
        text = reconnectIn > 0 ? tr("Reconnecting in %n s…", nullptr, int(reconnectIn))
                               : bootstrapping ? tr("Reconnecting: %1…").arg(m_stage) : tr("Reconnecting…");
        break;
    case State::Failed:
        // What a remote shell printed may follow the reason: the tool tip
        // has all of it.
        text = m_text->fontMetrics().elidedText(tr("Offline: %1").arg(m_session->lastError().message), Qt::ElideRight, 2 * kDescriptionWidth);
        break;
    case State::Offline:
        break;
    }
    if (state != State::Connecting && state != State::Reconnecting) {
        // Connected, or given up: the bootstrap is over either way.
        m_stage.clear();
        m_uploading = false;
    }
    m_bootstrap->setVisible(bootstrapping && m_uploading);
    if (state == State::Reconnecting && !m_countdown->isActive())
        m_countdown->start();
    else if (state != State::Reconnecting)
        m_countdown->stop();
    m_icon->setPixmap(QIcon::fromTheme(icon).pixmap(16, 16));
    m_text->setText(text);
    setAccessibleName(tr("Connection: %1").arg(text));
    QString tip = m_session ? describeWay() : QString();
    if (state == State::Failed)
        tip = m_session->lastError().message + u"\n\n"_s + tip;
    setToolTip(tip);
}

} // namespace ferry::ui
