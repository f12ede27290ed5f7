// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentstdio.h"

#include "core/agent/agentsession.h"
#include "core/logging.h"
#include "core/net/fddevice.h"
#include "core/net/stdionegotiation.h"
#include "core/net/streamtransport.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdlib>
#include <termios.h>
#include <unistd.h>

namespace ferry::agent {

namespace {

constexpr int kNegotiationTimeoutMs = 15000;

// The terminal's settings before raw mode, restored however the agent ends.
struct termios g_saved {};
volatile sig_atomic_t g_rawMode = 0;

void restoreTerminal()
{
    if (g_rawMode) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
        g_rawMode = 0;
    }
}

void restoreAndDie(int signal)
{
    restoreTerminal();
    std::signal(signal, SIG_DFL);
    ::raise(signal);
}

void enterRawMode()
{
    if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &g_saved) != 0)
        return;
    struct termios raw = g_saved;
    ::cfmakeraw(&raw);
    if (::tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
        return;
    g_rawMode = 1;
    std::atexit(restoreTerminal);
    for (const int signal : {SIGTERM, SIGHUP, SIGINT, SIGQUIT})
        std::signal(signal, restoreAndDie);
}

} // namespace

AgentStdio::AgentStdio(const QString &root, const net::ConnectionOptions &options, QObject *parent)
    : QObject(parent)
    , m_rootPath(root)
    , m_options(options)
{
}

AgentStdio::~AgentStdio()
{
    restoreTerminal();
}

Expected<void> AgentStdio::start()
{
    auto root = RootFs::open(m_rootPath);
    if (!root)
        return std::unexpected(root.error());
    m_root = std::make_unique<RootFs>(std::move(*root));
    enterRawMode();

    auto *device = new net::FdDevice(STDIN_FILENO, STDOUT_FILENO, this);
    device->open(QIODevice::ReadWrite);
    auto *negotiation = new net::StdioNegotiation(net::StdioNegotiation::Role::Agent, device, kNegotiationTimeoutMs, this);
    connect(negotiation, &net::StdioNegotiation::failed, this, [this, negotiation](const Error &reason) {
        qCInfo(lcAgent).noquote() << "stdio:" << reason.message;
        negotiation->deleteLater();
        Q_EMIT finished(1);
    });
    connect(negotiation, &net::StdioNegotiation::finished, this,
            [this, negotiation, device](net::StreamFraming incoming, net::StreamFraming outgoing, const QByteArray &leftover) {
                negotiation->deleteLater();
                auto *transport = new net::StreamTransport(device, incoming, outgoing, leftover, QStringLiteral("stdio"));
                auto *session = new AgentSession(transport, m_root.get(), AgentSession::Admission::Open, QByteArray(), m_options, this);
                connect(session, &AgentSession::finished, this, [this] { Q_EMIT finished(0); });
            });
    negotiation->start();
    return {};
}

} // namespace ferry::agent
