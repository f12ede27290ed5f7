// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentstdio.h"

#include "core/agent/partfiles.h"

#include "core/agent/agentsession.h"
#include "core/logging.h"
#include "core/net/fddevice.h"
#include "core/net/stdionegotiation.h"
#include "core/net/streamtransport.h"

#include <QCoreApplication>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <poll.h>
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

/// Reads and drops what is still coming in on the terminal, until it has
/// been quiet for a moment (at most about two seconds). A web terminal
/// server may hold input for the agent when it hangs up on it: terminado
/// writes every terminal's input from one thread, and a write into a pty
/// that no one reads any more blocks that thread, and with it every other
/// terminal of the server, for good.
qint64 monotonicMs()
{
    struct timespec now {};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

void drainInput()
{
    char buffer[65536];
    const qint64 deadline = monotonicMs() + 2000;
    for (int quiet = 0; quiet < 2 && monotonicMs() < deadline;) {
        struct pollfd pfd {STDIN_FILENO, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, 50);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0) {
            ++quiet;
            continue;
        }
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
            return;
        quiet = 0;
    }
}

/// The agent's last word to its terminal, however it ends.
void leaveTerminal()
{
    if (g_rawMode)
        drainInput();
    restoreTerminal();
}

void restoreAndDie(int signal)
{
    leaveTerminal();
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
    std::atexit(leaveTerminal);
    // One handler at a time: the hang-up's SIGCONT, SIGINT and SIGTERM
    // that follow wait until the input is drained.
    struct sigaction action {};
    action.sa_handler = restoreAndDie;
    sigemptyset(&action.sa_mask);
    for (const int signal : {SIGTERM, SIGHUP, SIGINT, SIGQUIT})
        sigaddset(&action.sa_mask, signal);
    for (const int signal : {SIGTERM, SIGHUP, SIGINT, SIGQUIT})
        ::sigaction(signal, &action, nullptr);
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
    leaveTerminal();
}

Expected<void> AgentStdio::start()
{
    auto root = RootFs::open(m_rootPath);
    if (!root)
        return std::unexpected(root.error());
    m_root = std::make_unique<RootFs>(std::move(*root));
    if (m_partTtl.count() > 0) {
        auto *parts = new PartFileSweeper(m_root.get(), m_partTtl, this);
        parts->start();
    }
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
