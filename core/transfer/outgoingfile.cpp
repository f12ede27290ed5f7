// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transfer/outgoingfile.h"

#include "core/protocol/frame.h"
#include "core/transfer/streammessages.h"

#include <QCborMap>

namespace ferry::transfer {

OutgoingFile::OutgoingFile(quint32 stream, FileSource source, Callbacks callbacks)
    : m_stream(stream)
    , m_source(std::move(source))
    , m_callbacks(std::move(callbacks))
{
}

net::Outgoing OutgoingFile::fail(const Error &error)
{
    m_done = true;
    if (m_callbacks.failed)
        m_callbacks.failed(error);
    return net::Outgoing{protocol::encodeControl(abortMessage(m_stream, error)), 0};
}

std::optional<net::Outgoing> OutgoingFile::produce(qint64 maxData)
{
    if (m_done)
        return std::nullopt;
    if (!m_started) {
        m_started = true;
        return net::Outgoing{protocol::encodeControl(startMessage(m_stream, m_source.position())), 0};
    }
    if (!m_source.atEnd()) {
        if (maxData <= 0)
            return std::nullopt;
        const qint64 want = std::min(maxData, m_source.size() - m_source.position());
        const qint64 offset = m_source.position();
        QByteArray frame = protocol::allocateData(m_stream, 0, quint64(offset), want);
        auto n = m_source.read(frame.data() + protocol::kDataHeaderSize, want);
        if (!n)
            return fail(n.error());
        if (m_callbacks.progress)
            m_callbacks.progress(m_source.position());
        QList<QByteArray> rest = m_compression.apply(frame);
        return net::Outgoing{frame, want, std::move(rest)};
    }
    if (auto unchanged = m_source.checkUnchanged(); !unchanged)
        return fail(unchanged.error());
    m_done = true;
    const QCborMap end = endMessage(m_stream, m_source.size(), m_source.digest());
    if (m_callbacks.endSent)
        m_callbacks.endSent();
    return net::Outgoing{protocol::encodeControl(end), 0};
}

} // namespace ferry::transfer
