// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentharness.h"

#include "core/net/auth.h"
#include "core/protocol/frame.h"

#include <QCborValue>
#include <QThreadPool>

using namespace Qt::Literals::StringLiterals;

namespace ferry::fuzz {

QByteArray AgentHarness::token()
{
    return QByteArray(net::auth::kTokenBytes, 'k').toHex();
}

AgentHarness::AgentHarness()
{
    auto root = agent::RootFs::open(m_tree.rootPath());
    if (!root)
        fail("cannot serve the scratch tree", root.error().message);
    m_root = std::make_unique<agent::RootFs>(std::move(*root));
}

AgentHarness::~AgentHarness()
{
    finish();
}

void AgentHarness::start(agent::AgentSession::Admission admission)
{
    finish();
    m_admission = admission;
    m_log = TransportLog{};
    m_transport = new MemoryTransport(&m_log);
    net::ConnectionOptions options;
    m_session = new agent::AgentSession(m_transport, m_root.get(), admission, token(), options, nullptr);
    if (m_log.sent.isEmpty())
        fail("the agent did not greet");
    auto hello = protocol::decode(m_log.sent.constFirst(), protocol::kMaxMessage);
    if (!hello || hello->control.value("t"_L1).toString() != "hello"_L1)
        fail("the agent's first message is not a hello");
    m_agentNonce = hello->control.value("nonce"_L1).toByteArray();
}

QByteArray AgentHarness::validAuth() const
{
    QCborMap auth{{"t"_L1, "auth"_L1}, {"v"_L1, protocol::kVersion}};
    if (m_admission == agent::AgentSession::Admission::Token) {
        const QByteArray nonce(net::auth::kNonceSize, 'c');
        auth.insert("nonce"_L1, nonce);
        auth.insert("mac"_L1, net::auth::clientProof(token(), m_agentNonce, nonce));
    }
    return protocol::encodeControl(auth);
}

void AgentHarness::deliver(const QByteArray &message)
{
    if (!m_transport)
        return;
    if (m_session && m_session->connection()) {
        if (auto frame = protocol::decode(message, protocol::kMaxMessage); frame && frame->kind == protocol::FrameKind::Control) {
            const QString type = frame->control.value("t"_L1).toString();
            const QString op = frame->control.value("op"_L1).toString();
            if (type == "req"_L1 && op == "exec"_L1)
                return;
            if (type == "req"_L1)
                m_touched = true;
        }
    }
    m_transport->deliver(message);
    drainEvents();
    // A batch's flush on a worker thread reports back through the loop.
    QThreadPool::globalInstance()->waitForDone();
    drainEvents();
}

void AgentHarness::finish()
{
    // Flushes and copies run on worker threads: let them report to the
    // session, and never let them outlive the tree they work in.
    QThreadPool::globalInstance()->waitForDone();
    drainEvents();
    if (m_transport && !m_log.closed)
        m_transport->close(Error{ErrorCode::Connection, u"the client went away"_s});
    drainEvents();
    delete m_session.data();
    QThreadPool::globalInstance()->waitForDone();
    drainEvents();
    if (m_touched) {
        m_tree.reset();
        m_touched = false;
    }
}

} // namespace ferry::fuzz
