// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/connection.h"
#include "core/protocol/tarheader.h"
#include "core/transfer/filesink.h"
#include "core/transfer/hasher.h"
#include "core/transfer/incomingfile.h"

#include <QFile>

#include <memory>

class KZip;

namespace ferry::client {

/// Receives an archive the agent builds as a tar and writes it as a zip:
/// KZip completes each entry's header after its data, which only a file at
/// this end lets it do, so the agent sends a tar and each entry passes
/// through here as it comes (its header, then its data chunk by chunk).
/// Credit goes back once a chunk is in the zip; the tar stream's size and
/// checksum are checked at its end, then the zip is flushed and renamed
/// into place like any received file.
class IncomingZip final : public net::StreamReceiver
{
public:
    IncomingZip(net::Connection *connection, quint32 stream, transfer::FileSink sink, transfer::Replace replace,
                transfer::IncomingFile::Callbacks callbacks);
    ~IncomingZip() override;

    void onStreamData(const protocol::DataFrame &frame) override;
    void onStreamMessage(const QCborMap &message) override;
    void discard() { m_sink.discard(); }

private:
    enum class State { Header, Text, Data, Skip, End };
    Expected<void> feed(QByteArrayView data);
    Expected<void> onHeader();
    Error zipError() const;
    void complete(const Expected<void> &result);

    net::Connection *m_connection;
    quint32 m_stream;
    transfer::FileSink m_sink;
    transfer::Replace m_replace;
    transfer::IncomingFile::Callbacks m_callbacks;
    QFile m_file;
    std::unique_ptr<KZip> m_zip;
    transfer::Hasher m_hasher;
    qint64 m_received = 0;
    bool m_done = false;
    /// The flushes at the end run on a worker thread; their results are
    /// dropped once this object is gone.
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);

    State m_state = State::Header;
    QByteArray m_block;      ///< a header being gathered
    protocol::TarHeader m_header;
    QByteArray m_text;       ///< a long name or pax records being gathered
    qint64 m_left = 0;       ///< bytes left in the current part
    qint64 m_padding = 0;    ///< bytes after it to the next header
    QByteArray m_longName;
    QByteArray m_longLink;
    QByteArray m_paxPath;
    QByteArray m_paxLink;
};

} // namespace ferry::client
