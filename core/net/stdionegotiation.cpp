// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/stdionegotiation.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QTimer>

namespace ferry::net {

namespace {
constexpr QByteArrayView kHello = "FERRY-STDIO/1 HELLO";
constexpr QByteArrayView kProbe = "FERRY-STDIO/1 PROBE ";
constexpr QByteArrayView kReady = "FERRY-STDIO/1 READY ";
constexpr QByteArrayView kEnd = "FERRY-STDIO/1 END";
/// A mangled pattern is at most a few times longer than the original.
constexpr qsizetype kMaxPatternRegion = 4096;
/// Output before the greeting that is kept for error messages.
constexpr qsizetype kNoiseKept = 2048;
/// Output before the greeting that is skipped before giving up.
constexpr qsizetype kMaxNoise = 1024 * 1024;
} // namespace

QByteArray StdioNegotiation::pattern()
{
    QByteArray bytes(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        bytes[i] = char(i);
    return bytes;
}

StdioNegotiation::StdioNegotiation(Role role, QIODevice *device, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_role(role)
    , m_device(device)
    , m_timer(new QTimer(this))
    , m_step(role == Role::Agent ? Step::WaitProbe : Step::WaitHello)
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(timeoutMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        fail(m_role == Role::Agent ? QCoreApplication::translate("ferry::net", "no client answered the greeting in time")
                                   : QCoreApplication::translate("ferry::net", "the agent did not greet in time"));
    });
}

StdioNegotiation::~StdioNegotiation()
{
    if (m_device)
        m_device->disconnect(this);
}

void StdioNegotiation::start(const QByteArray &alreadyRead)
{
    m_buffer = alreadyRead;
    connect(m_device, &QIODevice::readyRead, this, &StdioNegotiation::onReadyRead);
    connect(m_device, &QIODevice::readChannelFinished, this, [this] {
        onReadyRead();
        if (m_step != Step::Done)
            fail(m_role == Role::Agent ? QCoreApplication::translate("ferry::net", "the client closed the stream") : QCoreApplication::translate("ferry::net", "the stream ended before the agent greeted"));
    });
    m_timer->start();
    if (m_role == Role::Agent) {
        // A leading newline ends whatever line the terminal was on.
        m_device->write(QByteArray('\n' + kHello.toByteArray() + '\n' + pattern() + '\n' + kEnd.toByteArray() + '\n'));
    }
    if (!m_buffer.isEmpty() || m_device->bytesAvailable() > 0)
        onReadyRead();
}

void StdioNegotiation::onReadyRead()
{
    if (m_step == Step::Done)
        return;
    m_buffer.append(m_device->readAll());
    if (m_role == Role::Client)
        advanceClient();
    else
        advanceAgent();
}

std::optional<QByteArray> StdioNegotiation::patternBefore(qsizetype from, qsizetype *after) const
{
    const qsizetype lineEnd = m_buffer.indexOf('\n', from);
    if (lineEnd < 0)
        return std::nullopt;
    const qsizetype end = m_buffer.indexOf(kEnd, lineEnd + 1);
    if (end < 0)
        return std::nullopt;
    const qsizetype endLine = m_buffer.indexOf('\n', end);
    if (endLine < 0)
        return std::nullopt;
    *after = endLine + 1;
    return m_buffer.mid(lineEnd + 1, end - lineEnd - 1);
}

void StdioNegotiation::advanceClient()
{
    if (m_step == Step::WaitHello) {
        const qsizetype hello = m_buffer.indexOf(kHello);
        if (hello < 0) {
            // Keep what may be the start of the marker; the rest is noise.
            const qsizetype keep = std::min<qsizetype>(m_buffer.size(), kHello.size());
            m_noise.append(m_buffer.left(m_buffer.size() - keep));
            m_buffer = m_buffer.right(keep);
            if (m_noise.size() > kMaxNoise)
                fail(QCoreApplication::translate("ferry::net", "no agent greeted among the first %1 bytes of output").arg(kMaxNoise));
            else if (m_noise.size() > kNoiseKept)
                m_noise = m_noise.right(kNoiseKept);
            return;
        }
        m_noise.append(m_buffer.left(hello));
        m_noise = m_noise.right(kNoiseKept);
        m_buffer.remove(0, hello);
        qsizetype after = 0;
        const auto region = patternBefore(0, &after);
        if (!region) {
            if (m_buffer.size() > kMaxPatternRegion)
                fail(QCoreApplication::translate("ferry::net", "the channel mangles the agent's greeting beyond recognition"));
            return;
        }
        m_down = *region == pattern() + '\n' ? StreamFraming::Binary : StreamFraming::Text;
        m_buffer.remove(0, after);
        m_step = Step::WaitReady;
        m_device->write(kProbe.toByteArray() + framingName(m_down) + '\n' + pattern() + '\n' + kEnd.toByteArray() + '\n');
    }
    if (m_step == Step::WaitReady) {
        const qsizetype ready = m_buffer.indexOf(kReady);
        const qsizetype lineEnd = ready < 0 ? -1 : m_buffer.indexOf('\n', ready);
        if (lineEnd < 0) {
            if (m_buffer.size() > kMaxPatternRegion)
                fail(QCoreApplication::translate("ferry::net", "the agent did not confirm the framing"));
            return;
        }
        const auto up = framingFromName(m_buffer.mid(ready + kReady.size(), lineEnd - ready - kReady.size()).trimmed());
        if (!up) {
            fail(QCoreApplication::translate("ferry::net", "the agent confirmed an unknown framing"));
            return;
        }
        succeed(m_down, *up, lineEnd + 1);
    }
}

void StdioNegotiation::advanceAgent()
{
    const qsizetype probe = m_buffer.indexOf(kProbe);
    if (probe < 0) {
        if (m_buffer.size() > kMaxPatternRegion)
            fail(QCoreApplication::translate("ferry::net", "the client's answer is not a Ferry probe"));
        return;
    }
    const qsizetype lineEnd = m_buffer.indexOf('\n', probe);
    if (lineEnd < 0)
        return;
    const auto down = framingFromName(m_buffer.mid(probe + kProbe.size(), lineEnd - probe - kProbe.size()).trimmed());
    if (!down) {
        fail(QCoreApplication::translate("ferry::net", "the client asked for an unknown framing"));
        return;
    }
    qsizetype after = 0;
    const auto region = patternBefore(probe, &after);
    if (!region) {
        if (m_buffer.size() - probe > kMaxPatternRegion)
            fail(QCoreApplication::translate("ferry::net", "the channel mangles the client's probe beyond recognition"));
        return;
    }
    const StreamFraming up = *region == pattern() + '\n' ? StreamFraming::Binary : StreamFraming::Text;
    m_device->write(kReady.toByteArray() + framingName(up) + '\n');
    succeed(up, *down, after);
}

void StdioNegotiation::succeed(StreamFraming incoming, StreamFraming outgoing, qsizetype consumed)
{
    m_step = Step::Done;
    m_timer->stop();
    m_device->disconnect(this);
    qCInfo(lcConnection).noquote() << "stdio framing: incoming" << framingName(incoming) << "outgoing" << framingName(outgoing);
    Q_EMIT finished(incoming, outgoing, m_buffer.mid(consumed));
}

void StdioNegotiation::fail(const QString &message)
{
    if (m_step == Step::Done)
        return;
    m_step = Step::Done;
    m_timer->stop();
    m_device->disconnect(this);
    Q_EMIT failed(Error{ErrorCode::Connection, message});
}

} // namespace ferry::net
