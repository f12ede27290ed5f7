// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/shellconnector.h"

#include "core/client/shellchannel.h"
#include "core/client/shellscript.h"
#include "core/logging.h"
#include "core/net/stdionegotiation.h"
#include "core/net/streamtransport.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

namespace {
/// The first answer can take a while: ssh connecting, a pod being found.
constexpr int kProbeTimeoutMs = 30000;
/// Silence while uploading or installing that means the remote is stuck.
constexpr int kStepTimeoutMs = 30000;
constexpr int kNegotiationTimeoutMs = 15000;
/// File bytes per chunk: about 512 KiB of base64, or 384 KiB of octal
/// escapes. Each chunk starts a program on the remote, which costs more
/// than the bytes: fewer, larger chunks upload the agent several times
/// faster.
constexpr qint64 kBase64Chunk = 384 * 1024;
constexpr qint64 kOctalChunk = 96 * 1024;

qint64 chunkSize(shellscript::UploadMethod method)
{
    return method == shellscript::UploadMethod::Octal ? kOctalChunk : kBase64Chunk;
}

const char *methodName(shellscript::UploadMethod method)
{
    switch (method) {
    case shellscript::UploadMethod::ExactRead:
        return "base64 read by head -c";
    case shellscript::UploadMethod::HereDocument:
        return "base64 here-documents";
    case shellscript::UploadMethod::Octal:
        return "printf octal escapes";
    }
    return "";
}
/// Chunks in flight: what any layer in between may have to hold is bounded
/// by this many chunks (about 1.5 MiB), whatever the agent's size.
constexpr int kChunksInFlight = 3;
constexpr qsizetype kNoiseKept = 2048;
constexpr qsizetype kMaxLine = 64 * 1024;
} // namespace

ShellConnector::ShellConnector(ShellChannel *channel, const ShellOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_channel(channel)
    , m_timer(new QTimer(this))
{
    m_channel->setParent(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        switch (m_step) {
        case Step::Preparing:
        case Step::Probing:
            fail(ErrorCode::Connection, QCoreApplication::translate("ferry::client", "no POSIX shell answered through '%1' within %2 s%3")
                                            .arg(m_channel->description()).arg(kProbeTimeoutMs / 1000).arg(noiseText()));
            break;
        case Step::Uploading:
        case Step::Installing:
            fail(ErrorCode::Connection, QCoreApplication::translate("ferry::client", "the remote shell stopped answering while the agent was being installed%1").arg(noiseText()));
            break;
        default:
            break;
        }
    });
}

ShellConnector::~ShellConnector()
{
    delete m_negotiation;
}

void ShellConnector::start()
{
    m_clock.start();
    auto bundle = AgentBundle::find(m_options.agentBundle);
    if (!bundle) {
        // After the caller has connected to failed().
        QTimer::singleShot(0, this, [this, error = bundle.error()] { fail(error.code, error.message); });
        return;
    }
    m_bundle = *bundle;
    connect(m_channel, &QIODevice::readyRead, this, &ShellConnector::onOutput);
    connect(m_channel, &ShellChannel::ended, this, &ShellConnector::onChannelEnded);
    Q_EMIT progress(QCoreApplication::translate("ferry::client", "Looking for a shell"), 0, 0);
    qCInfo(lcConnection).noquote() << "reaching a shell through" << m_channel->description();
    m_channel->start();
    if (m_channel->isTerminal()) {
        m_step = Step::Preparing;
        m_channel->write(shellscript::terminalPrelude());
    } else {
        sendProbe();
    }
    restartTimer(kProbeTimeoutMs);
}

void ShellConnector::sendProbe()
{
    m_step = Step::Probing;
    // The fast way in knows the agent by its SHA-256; a remote without
    // sha256sum takes the long way and is compared by cksum.
    m_channel->write(shellscript::probe(AgentBundle::remoteFileName(), {m_bundle.sha256()}, m_options.remoteRoot,
                                        m_options.heartbeatMs, m_options.deadAfterMs));
}

void ShellConnector::restartTimer(int ms)
{
    m_timer->start(ms);
}

QString ShellConnector::noiseText(bool withErrors) const
{
    QString said = QString::fromUtf8(m_noise).trimmed();
    const QString errors = m_channel && withErrors ? m_channel->errorTail() : QString();
    if (!errors.isEmpty())
        said += (said.isEmpty() ? QString() : u"\n"_s) + errors;
    if (said.isEmpty())
        return {};
    return u" ("_s + said.right(400).section(u'\n', -4).simplified() + u')';
}

void ShellConnector::onOutput()
{
    if (m_step == Step::Negotiating || m_step == Step::Done)
        return;
    m_lines.append(m_channel->readAll());
    for (;;) {
        const qsizetype end = m_lines.indexOf('\n');
        if (end < 0)
            break;
        QByteArray line = m_lines.left(end);
        m_lines.remove(0, end + 1);
        line.replace('\r', QByteArrayView());
        if (const qsizetype at = line.indexOf(shellscript::kAnswer); at >= 0) {
            onAnswer(line.mid(at + shellscript::kAnswer.size()));
        } else if (const qsizetype ack = line.indexOf(shellscript::kAck); ack >= 0) {
            onAck(line.mid(ack + shellscript::kAck.size()));
        } else {
            m_noise.append(line + '\n');
            if (m_noise.size() > kNoiseKept)
                m_noise = m_noise.right(kNoiseKept);
        }
        if (m_step == Step::Negotiating || m_step == Step::Done)
            return;
    }
    if (m_lines.size() > kMaxLine) {
        m_noise.append(m_lines.right(kNoiseKept));
        m_lines.clear();
    }
}

void ShellConnector::onAnswer(const QByteArray &answer)
{
    if (m_step == Step::Preparing) {
        if (answer == "tty")
            sendProbe();
        return;
    }
    if (m_step == Step::Probing) {
        if (answer.startsWith("start ")) {
            m_directory = QString::fromUtf8(answer.mid(6));
            qCInfo(lcConnection).noquote() << "agent cached in" << m_directory;
            negotiate();
            return;
        }
        if (answer == "end") {
            onProbed();
            return;
        }
        const qsizetype eq = answer.indexOf('=');
        if (eq > 0)
            m_probe.insert(answer.left(eq), answer.mid(eq + 1).trimmed());
        return;
    }
    if (m_step == Step::Installing) {
        if (answer == "installed") {
            startAgent();
        } else if (answer.startsWith("corrupt")) {
            fail(ErrorCode::ChecksumMismatch, QCoreApplication::translate("ferry::client", "the agent arrived damaged in %1 (checksum %2, expected %3)")
                                                  .arg(m_directory, QString::fromUtf8(answer.mid(8)), QString::fromUtf8(m_expectedSum)));
        }
        return;
    }
    if (answer.startsWith("nostart")) {
        fail(ErrorCode::Connection, QCoreApplication::translate("ferry::client", "the agent in %1 did not start (status %2)%3")
                                        .arg(m_directory, QString::fromUtf8(answer.mid(8)), noiseText()));
    }
}

void ShellConnector::onProbed()
{
    const QString os = QString::fromUtf8(m_probe.value("os"));
    const QString arch = QString::fromUtf8(m_probe.value("arch"));
    m_directory = QString::fromUtf8(m_probe.value("dir"));
    const bool base64 = m_probe.value("base64") == "1";
    const auto method = !base64 ? shellscript::UploadMethod::Octal
                        : m_probe.value("exact") == "1" ? shellscript::UploadMethod::ExactRead
                                                        : shellscript::UploadMethod::HereDocument;
    m_method = method;
    m_sha256 = m_probe.value("sha256") == "1";
    qCInfo(lcConnection).noquote() << "remote shell:" << os << arch << "cache" << m_directory << "upload by" << methodName(method) << "sha256sum" << m_sha256;
    if (os != "Linux"_L1) {
        fail(ErrorCode::Unsupported, QCoreApplication::translate("ferry::client", "the remote system is %1, not Linux: Ferry's agent runs on Linux only")
                                         .arg(os.isEmpty() ? QCoreApplication::translate("ferry::client", "unknown") : os));
        return;
    }
    if (arch != "x86_64"_L1) {
        fail(ErrorCode::Unsupported, QCoreApplication::translate("ferry::client", "wrong architecture: the remote is %1, and Ferry brings an agent for x86_64 only")
                                         .arg(arch.isEmpty() ? QCoreApplication::translate("ferry::client", "unknown") : arch));
        return;
    }
    if (m_directory.isEmpty()) {
        const QString noexec = QString::fromUtf8(m_probe.value("noexec")).trimmed();
        if (!noexec.isEmpty())
            fail(ErrorCode::PermissionDenied, QCoreApplication::translate("ferry::client", "every directory where the agent could be put is mounted noexec (%1)").arg(noexec));
        else
            fail(ErrorCode::PermissionDenied, QCoreApplication::translate("ferry::client", "no writable directory for the agent on the remote (tried $XDG_CACHE_HOME or ~/.cache, /tmp, /var/tmp, /dev/shm)"));
        return;
    }
    if (m_sha256) {
        m_expectedSum = m_bundle.sha256();
    } else {
        auto sum = m_bundle.cksum();
        if (!sum) {
            fail(sum.error().code, sum.error().message);
            return;
        }
        m_expectedSum = *sum;
    }
    if (m_probe.value("have") == m_expectedSum) {
        qCInfo(lcConnection).noquote() << "agent cached in" << m_directory;
        startAgent();
        return;
    }
    m_file = new QFile(m_bundle.path(), this);
    if (!m_file->open(QIODevice::ReadOnly)) {
        fail(ErrorCode::Io, QCoreApplication::translate("ferry::client", "%1: cannot read the portable agent: %2").arg(m_bundle.path(), m_file->errorString()));
        return;
    }
    m_step = Step::Uploading;
    qCInfo(lcConnection).noquote() << "uploading the agent to" << m_directory << "by" << methodName(m_method);
    Q_EMIT progress(QCoreApplication::translate("ferry::client", "Uploading the agent"), 0, m_bundle.size());
    m_channel->write(shellscript::beginUpload());
    restartTimer(kStepTimeoutMs);
    sendChunks();
}

void ShellConnector::sendChunks()
{
    const shellscript::UploadMethod method = m_method;
    const qint64 chunk = chunkSize(method);
    while (m_chunkBytes.size() < kChunksInFlight && m_sent < m_bundle.size()) {
        const QByteArray bytes = m_file->read(chunk);
        if (bytes.isEmpty()) {
            fail(ErrorCode::Io, QCoreApplication::translate("ferry::client", "%1: cannot read the portable agent: %2").arg(m_bundle.path(), m_file->errorString()));
            return;
        }
        const qint64 sequence = m_nextChunk++;
        m_chunkBytes.insert(sequence, bytes.size());
        m_sent += bytes.size();
        m_channel->write(shellscript::uploadChunk(bytes, sequence, method));
    }
    if (m_chunkBytes.isEmpty() && m_sent >= m_bundle.size()) {
        m_step = Step::Installing;
        Q_EMIT progress(QCoreApplication::translate("ferry::client", "Checking the agent"), m_bundle.size(), m_bundle.size());
        m_channel->write(shellscript::finishUpload(m_expectedSum));
        restartTimer(kStepTimeoutMs);
    }
}

void ShellConnector::onAck(const QByteArray &ack)
{
    if (m_step != Step::Uploading)
        return;
    if (ack.startsWith("NAK")) {
        fail(ErrorCode::NoSpace, QCoreApplication::translate("ferry::client", "writing the agent into %1 failed (is the disk full?)%2").arg(m_directory, noiseText()));
        return;
    }
    bool ok = false;
    const qint64 sequence = ack.trimmed().toLongLong(&ok);
    const auto it = ok ? m_chunkBytes.constFind(sequence) : m_chunkBytes.constEnd();
    if (it == m_chunkBytes.constEnd())
        return;
    m_acked += *it;
    m_chunkBytes.erase(it);
    restartTimer(kStepTimeoutMs);
    Q_EMIT progress(QCoreApplication::translate("ferry::client", "Uploading the agent"), m_acked, m_bundle.size());
    sendChunks();
}

void ShellConnector::startAgent()
{
    m_channel->write(shellscript::startAgent(m_options.remoteRoot, m_options.heartbeatMs, m_options.deadAfterMs));
    negotiate();
}

void ShellConnector::negotiate()
{
    m_step = Step::Negotiating;
    m_timer->stop();
    Q_EMIT progress(QCoreApplication::translate("ferry::client", "Starting the agent"), 0, 0);
    // From here on the output is the agent's: the bytes after the last
    // answer are its first.
    const QByteArray rest = std::exchange(m_lines, {});
    m_negotiation = new net::StdioNegotiation(net::StdioNegotiation::Role::Client, m_channel, kNegotiationTimeoutMs);
    connect(m_negotiation, &net::StdioNegotiation::finished, this,
            [this](net::StreamFraming incoming, net::StreamFraming outgoing, const QByteArray &leftover) {
                m_step = Step::Done;
                m_negotiation->deleteLater();
                m_negotiation = nullptr;
                m_channel->disconnect(this);
                ShellChannel *channel = std::exchange(m_channel, nullptr);
                auto *transport = new net::StreamTransport(channel, incoming, outgoing, leftover, channel->description());
                transport->setEndReason([channel] { return channel->endReason(); });
                Q_EMIT ready(transport);
            });
    connect(m_negotiation, &net::StdioNegotiation::failed, this, [this](const Error &reason) {
        m_noise.append(m_negotiation->noise());
        // A "nostart" answer among the noise says more than the timeout.
        const qsizetype at = m_noise.indexOf(QByteArray(shellscript::kAnswer.toByteArray() + "nostart"));
        if (at >= 0) {
            const QByteArray status = m_noise.mid(at + shellscript::kAnswer.size() + 8).split('\n').value(0).trimmed();
            m_noise.remove(at, shellscript::kAnswer.size() + 8 + status.size());
            fail(ErrorCode::Connection, QCoreApplication::translate("ferry::client", "the agent in %1 did not start (status %2)%3")
                                            .arg(m_directory, QString::fromUtf8(status), noiseText()));
            return;
        }
        fail(ErrorCode::Connection, QCoreApplication::translate("ferry::client", "the agent in %1 did not start: %2%3").arg(m_directory, reason.message, noiseText()));
    });
    m_negotiation->start(rest);
}

void ShellConnector::onChannelEnded()
{
    if (m_step == Step::Done || m_step == Step::Negotiating)
        return; // the negotiation sees the end of the stream itself
    // Whatever it printed last may explain why.
    onOutput();
    m_noise.append(m_lines);
    const Error reason = m_channel->endReason();
    if (reason.code != ErrorCode::Connection) {
        // A refused token or an unknown terminal says it all.
        fail(reason.code, reason.message);
        return;
    }
    if (m_step == Step::Preparing || m_step == Step::Probing)
        fail(ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1 before a POSIX shell answered%2").arg(reason.message, noiseText(false)));
    else
        fail(ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1 while the agent was being installed%2").arg(reason.message, noiseText(false)));
}

void ShellConnector::fail(ErrorCode code, const QString &message)
{
    if (m_step == Step::Done)
        return;
    m_step = Step::Done;
    m_timer->stop();
    if (m_channel)
        m_channel->disconnect(this);
    qCInfo(lcConnection).noquote() << "shell bootstrap failed:" << message;
    Q_EMIT failed(Error{code, message});
}

} // namespace ferry::client
