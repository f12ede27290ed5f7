// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's side of the handshake, and what follows it: an AgentSession
// serving the scratch tree over a transport in memory is fed the messages
// of one input (fuzzsupport.h's container). The first byte picks the
// admission (bit 0: open, as with --stdio) and whether the target signs
// every "auth" that carries a nonce with the right proof (bit 1), so that
// inputs reach past the handshake too.
//
// - The agent greets first, with a hello and nothing else.
// - It welcomes only a client that proved it holds the token (or any
//   client of an open session), with its own proof; before that it sends
//   nothing but an error, and the transport then closes.
// - Until the welcome, messages are limited to the pre-authentication size.

#include "agentharness.h"

#include "core/net/auth.h"
#include "core/protocol/frame.h"

#include <QCborValue>

using namespace Qt::Literals::StringLiterals;
using namespace ferry;

namespace {

fuzz::AgentHarness *g_harness = nullptr;

QString typeOf(const QByteArray &message)
{
    auto frame = protocol::decode(message, std::numeric_limits<qsizetype>::max());
    if (!frame)
        return u"undecodable"_s;
    return frame->kind == protocol::FrameKind::Data ? u"data"_s : frame->control.value("t"_L1).toString();
}

// Signs an "auth" that carries a nonce with the proof for this session.
QByteArray signedAuth(const QByteArray &message)
{
    auto frame = protocol::decode(message, std::numeric_limits<qsizetype>::max());
    if (!frame || frame->kind != protocol::FrameKind::Control || frame->control.value("t"_L1).toString() != "auth"_L1)
        return message;
    const QCborValue nonce = frame->control.value("nonce"_L1);
    if (!nonce.isByteArray())
        return message;
    QCborMap control = frame->control;
    control.insert("mac"_L1, net::auth::clientProof(fuzz::AgentHarness::token(), g_harness->agentNonce(), nonce.toByteArray()));
    return protocol::encodeControl(control);
}

bool provesToken(const QByteArray &message, QByteArray *clientNonce)
{
    auto frame = protocol::decode(message, protocol::kMaxPreAuthMessage);
    if (!frame || frame->kind != protocol::FrameKind::Control || frame->control.value("t"_L1).toString() != "auth"_L1)
        return false;
    *clientNonce = frame->control.value("nonce"_L1).toByteArray();
    const QByteArray mac = frame->control.value("mac"_L1).toByteArray();
    return clientNonce->size() == net::auth::kNonceSize
        && mac == net::auth::clientProof(fuzz::AgentHarness::token(), g_harness->agentNonce(), *clientNonce);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    g_harness = new fuzz::AgentHarness;
    std::atexit([] { delete g_harness; });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const bool open = data[0] & 1;
    const bool sign = data[0] & 2;
    g_harness->start(open ? agent::AgentSession::Admission::Open : agent::AgentSession::Admission::Token);
    const fuzz::TransportLog &log = g_harness->log();
    if (log.sent.size() != 1)
        fuzz::fail("the agent sent more than its hello before hearing anything");

    bool welcomed = false;
    const auto messages = fuzz::splitMessages(QByteArrayView(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1));
    for (const QByteArray &raw : messages) {
        if (!g_harness->sessionAlive() || log.closed)
            break;
        if (welcomed) {
            g_harness->deliver(raw);
            continue;
        }
        const QByteArray message = sign ? signedAuth(raw) : raw;
        if (log.maxIncoming != protocol::kMaxPreAuthMessage)
            fuzz::fail("the limit before authentication is not in force");
        const qsizetype before = log.sent.size();
        g_harness->deliver(message);
        for (qsizetype i = before; i < log.sent.size(); ++i) {
            const QByteArray &reply = log.sent.at(i);
            const QString type = typeOf(reply);
            if (type == "welcome"_L1) {
                if (welcomed)
                    fuzz::fail("a second welcome");
                welcomed = true;
                if (open)
                    continue;
                QByteArray clientNonce;
                if (!provesToken(message, &clientNonce))
                    fuzz::fail("welcomed a client that did not prove the token");
                auto frame = protocol::decode(reply, protocol::kMaxMessage);
                if (frame->control.value("mac"_L1).toByteArray()
                    != net::auth::agentProof(fuzz::AgentHarness::token(), g_harness->agentNonce(), clientNonce))
                    fuzz::fail("the welcome does not prove the token");
            } else if (type == "error"_L1) {
                if (!log.closed)
                    fuzz::fail("the agent refused a client and left the transport open");
            } else if (!welcomed) {
                fuzz::fail("the agent sent something before its welcome", type);
            }
        }
        if (welcomed && log.maxIncoming != protocol::kMaxMessage)
            fuzz::fail("the limit after authentication is not in force");
        if (!welcomed && !log.closed && log.sent.size() != 1)
            fuzz::fail("the agent answered without welcoming or closing");
    }
    g_harness->finish();
    return 0;
}
