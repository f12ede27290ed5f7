// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentarchive.h"

#include "core/agent/agentsession.h"
#include "core/agent/archivebuilder.h"
#include "core/agent/archiveview.h"
#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"
#include "core/net/connection.h"
#include "core/protocol/frame.h"
#include "core/protocol/messagereader.h"
#include "core/transfer/hasher.h"
#include "core/transfer/streammessages.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

namespace {

/// Paths one archive request may name.
constexpr qsizetype kMaxArchivePaths = 4096;
/// File bytes read per step of the builder.
constexpr qint64 kStepBytes = 128 * 1024;
/// File bytes read in one turn of the scheduler at most, so that a format
/// that compresses very well (or slowly) never holds up the event loop.
constexpr qint64 kTurnBytes = 2 * 1024 * 1024;

} // namespace

/// Sends what a pull function gives, as credit allows: "start", data
/// frames and "end" with the size and checksum, like a file's stream.
class AgentArchive::Source final : public net::BulkSource
{
public:
    /// Up to the bytes asked for; empty: nothing yet (come back); nullopt:
    /// the end.
    using Pull = std::function<Expected<std::optional<QByteArray>>(qint64 max)>;

    Source(AgentArchive *owner, Pull pull) : m_owner(owner), m_pull(std::move(pull)) {}

    std::optional<net::Outgoing> produce(qint64 maxData) override
    {
        if (m_done)
            return std::nullopt;
        if (!m_started) {
            m_started = true;
            return net::Outgoing{protocol::encodeControl(transfer::startMessage(m_owner->m_stream, 0)), 0};
        }
        if (maxData <= 0 && !m_ended)
            return std::nullopt;
        if (!m_ended) {
            auto data = m_pull(maxData);
            if (!data)
                return fail(data.error());
            if (!*data) {
                m_ended = true;
            } else if (!(*data)->isEmpty()) {
                QByteArray frame = protocol::encodeData(m_owner->m_stream, 0, quint64(m_position), **data);
                m_hasher.add(**data);
                m_position += (*data)->size();
                QList<QByteArray> rest = m_compression.apply(frame);
                return net::Outgoing{frame, (*data)->size(), std::move(rest)};
            } else {
                // This turn's work produced nothing yet: come back.
                AgentArchive *owner = m_owner;
                QTimer::singleShot(0, owner, [owner] {
                    if (net::Connection *connection = owner->m_session->connection())
                        connection->wake(owner->m_stream);
                });
                return std::nullopt;
            }
        }
        m_done = true;
        const QByteArray end = protocol::encodeControl(transfer::endMessage(m_owner->m_stream, m_position, m_hasher.digest()));
        m_owner->m_session->streamFinished(m_owner->m_stream);
        return net::Outgoing{end, 0};
    }

    bool wantsToSend() const override { return !m_done; }
    qint64 frameLimit(qint64 chunk) const override { return m_compression.frameLimit(chunk); }
    void setCompression(const net::CompressionChooser &chooser) { m_compression = chooser; }

private:
    net::Outgoing fail(const Error &error)
    {
        m_done = true;
        const QByteArray abort = protocol::encodeControl(transfer::abortMessage(m_owner->m_stream, error));
        m_owner->m_session->streamFinished(m_owner->m_stream);
        return net::Outgoing{abort, 0};
    }

    AgentArchive *m_owner;
    Pull m_pull;
    transfer::Hasher m_hasher;
    net::CompressionChooser m_compression;
    qint64 m_position = 0;
    bool m_started = false;
    bool m_ended = false;
    bool m_done = false;
};

AgentArchive::AgentArchive(AgentSession *session, qint64 requestId, quint32 stream)
    : AgentStream(session, requestId, stream)
{
}

AgentArchive::~AgentArchive() = default;

void AgentArchive::start(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request)
{
    protocol::MessageReader reader(request);
    const QStringList paths = reader.pathList("paths"_L1, kMaxArchivePaths);
    const QString formatName = reader.string("format"_L1);
    if (!reader.ok() || paths.isEmpty()) {
        session->replyError(requestId, Error{ErrorCode::Protocol, reader.ok() ? u"no paths to archive"_s : reader.error()});
        return;
    }
    const auto format = protocol::archiveFormatFromName(formatName);
    if (!format || !protocol::archiveFormatStreams(*format)) {
        session->replyError(requestId, Error{ErrorCode::Unsupported, QCoreApplication::translate("ferry::agent", "cannot stream an archive in the format \"%1\"")
                                                                         .arg(formatName)});
        return;
    }
    auto device = std::make_unique<AppendDevice>();
    auto builder = std::make_unique<ArchiveBuilder>(session->root(), paths, *format, device.get());
    const auto measured = builder->measure();
    if (!measured) {
        session->replyError(requestId, measured.error());
        return;
    }
    if (auto opened = builder->open(); !opened) {
        session->replyError(requestId, opened.error());
        return;
    }
    // The builder works until a frame's worth is waiting, or a turn's
    // worth of files was read, so that a format that compresses very well
    // (or slowly) never holds up the event loop.
    std::shared_ptr<ArchiveBuilder> shared(std::move(builder));
    std::shared_ptr<AppendDevice> buffer(std::move(device));
    auto built = std::make_shared<bool>(false);
    Source::Pull pull = [shared, buffer, built](qint64 max) -> Expected<std::optional<QByteArray>> {
        const qint64 readBefore = shared->filesRead();
        while (!*built && buffer->pending() < max && shared->filesRead() - readBefore < kTurnBytes) {
            auto more = shared->step(kStepBytes);
            if (!more)
                return std::unexpected(more.error());
            *built = !*more;
        }
        if (buffer->pending() > 0)
            return std::optional<QByteArray>(buffer->take(max));
        if (*built)
            return std::optional<QByteArray>();
        return std::optional<QByteArray>(QByteArray());
    };
    begin(session, requestId, stream, std::move(pull),
          QCborMap{{"size"_L1, *measured}, {"mode"_L1, 0644}, {"mtime"_L1, QDateTime::currentMSecsSinceEpoch() * 1000000}, {"offset"_L1, 0}});
}

void AgentArchive::begin(AgentSession *session, qint64 requestId, quint32 stream, std::function<Expected<std::optional<QByteArray>>(qint64)> pull,
                         const QCborMap &reply)
{
    auto *archive = new AgentArchive(session, requestId, stream);
    session->registerStream(archive);
    auto source = std::make_unique<Source>(archive, std::move(pull));
    source->setCompression(session->connection()->compressionChooser());
    archive->m_source = std::move(source);
    archive->m_receiver = std::make_unique<AbortListener>(session, stream);
    session->connection()->openStream(stream, archive->m_receiver.get(), archive->m_source.get());
    session->reply(requestId, reply);
    session->connection()->wake(stream);
}

void AgentArchive::startEntry(AgentSession *session, qint64 requestId, quint32 stream, const archiveview::Split &where)
{
    qint64 size = 0;
    auto device = archiveview::open(session->root(), where, &size);
    if (!device) {
        session->replyError(requestId, device.error());
        return;
    }
    auto info = archiveview::stat(session->root(), where);
    std::shared_ptr<QIODevice> input(std::move(*device));
    auto left = std::make_shared<qint64>(size);
    const QString shown = remotepath::join(where.archive, where.inner);
    Source::Pull pull = [input, left, shown](qint64 max) -> Expected<std::optional<QByteArray>> {
        if (*left == 0)
            return std::optional<QByteArray>();
        const QByteArray data = input->read(std::min(max, *left));
        if (data.isEmpty()) {
            return std::unexpected(Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::agent", "the archive is damaged: %1 holds less than its header says")
                                                                         .arg(pathcodec::escaped(shown))});
        }
        *left -= data.size();
        return std::optional<QByteArray>(data);
    };
    begin(session, requestId, stream, std::move(pull),
          QCborMap{{"size"_L1, size}, {"mode"_L1, info ? qint64(info->mode) : 0644}, {"mtime"_L1, info ? info->mtimeNs : 0}, {"offset"_L1, 0}});
}

} // namespace ferry::agent
