// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/sendscheduler.h"
#include "core/net/wirecompression.h"
#include "core/transfer/filesource.h"

#include <functional>

namespace ferry::transfer {

/// Sends one file as the data of a stream: chunks read only when the
/// scheduler asks (so nothing is read ahead of the link), then an "end"
/// message with size and checksum in order behind the last chunk.
class OutgoingFile final : public net::BulkSource
{
public:
    struct Callbacks {
        std::function<void(qint64 bytesSent)> progress;
        std::function<void()> endSent;                 ///< everything handed to the connection
        std::function<void(const Error &)> failed;     ///< reading failed; an abort was sent
    };

    /// The source must already be positioned (and its prefix hashed) at the
    /// offset the transfer starts from; a "start" message announces it first.
    OutgoingFile(quint32 stream, FileSource source, Callbacks callbacks);

    std::optional<net::Outgoing> produce(qint64 maxData) override;
    bool wantsToSend() const override { return !m_done && !m_source.atEnd(); }
    qint64 frameLimit(qint64 chunk) const override { return m_compression.frameLimit(chunk); }

    /// How the file's frames are compressed (the connection's chooser).
    void setCompression(const net::CompressionChooser &chooser) { m_compression = chooser; }

    const FileSource &source() const { return m_source; }
    FileSource &source() { return m_source; }

private:
    net::Outgoing fail(const Error &error);

    quint32 m_stream;
    FileSource m_source;
    Callbacks m_callbacks;
    bool m_done = false;
    bool m_started = false;
    net::CompressionChooser m_compression;
};

} // namespace ferry::transfer
