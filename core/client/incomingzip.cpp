// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/incomingzip.h"

#include "core/pathcodec.h"
#include "core/protocol/messagereader.h"
#include "core/transfer/streammessages.h"

#include <KZip>

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>


using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

namespace {

Error damaged(const QString &why)
{
    return Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::client", "the archive stream is damaged: %1").arg(why)};
}

QString nameOf(const QByteArray &raw)
{
    QString name = pathcodec::fromBytes(raw);
    while (name.endsWith(u'/'))
        name.chop(1);
    return name;
}

} // namespace

IncomingZip::IncomingZip(net::Connection *connection, quint32 stream, transfer::FileSink sink, transfer::Replace replace,
                         transfer::IncomingFile::Callbacks callbacks)
    : m_connection(connection)
    , m_stream(stream)
    , m_sink(std::move(sink))
    , m_replace(replace)
    , m_callbacks(std::move(callbacks))
{
    if (m_file.open(m_sink.fileFd(), QIODevice::ReadWrite, QFileDevice::DontCloseHandle)) {
        m_zip = std::make_unique<KZip>(&m_file);
        m_zip->setExtraField(KZip::ModificationTime);
        if (!m_zip->open(QIODevice::WriteOnly))
            m_zip.reset();
    }
}

IncomingZip::~IncomingZip() = default;

Error IncomingZip::zipError() const
{
    return Error{ErrorCode::Io, QCoreApplication::translate("ferry::client", "could not write the zip %1: %2")
                                    .arg(pathcodec::escaped(m_sink.displayPath()), m_zip ? m_zip->errorString() : m_file.errorString())};
}

void IncomingZip::onStreamData(const protocol::DataFrame &frame)
{
    if (m_done) {
        m_connection->consumed(m_stream, frame.payload.size());
        return;
    }
    Expected<void> fed = frame.offset == quint64(m_received) ? feed(frame.payload)
                                                             : std::unexpected(damaged(QCoreApplication::translate("ferry::client", "data out of order")));
    m_connection->consumed(m_stream, frame.payload.size());
    if (!fed) {
        m_sink.discard();
        m_connection->sendControl(transfer::abortMessage(m_stream, fed.error()), net::Priority::Control);
        complete(fed);
        return;
    }
    if (m_callbacks.progress)
        m_callbacks.progress(m_received);
}

Expected<void> IncomingZip::feed(QByteArrayView data)
{
    if (!m_zip)
        return std::unexpected(zipError());
    m_hasher.add(data);
    m_received += data.size();
    while (!data.isEmpty()) {
        switch (m_state) {
        case State::Header: {
            const qsizetype take = std::min(protocol::kTarBlock - m_block.size(), data.size());
            m_block.append(data.first(take));
            data = data.sliced(take);
            if (m_block.size() < protocol::kTarBlock)
                break;
            if (protocol::isTarEndBlock(m_block.constData())) {
                m_state = State::End;
                break;
            }
            if (auto handled = onHeader(); !handled)
                return handled;
            m_block.clear();
            break;
        }
        case State::Text:
        case State::Data:
        case State::Skip: {
            const qsizetype take = qsizetype(std::min<qint64>(m_left, data.size()));
            if (m_state == State::Text)
                m_text.append(data.first(take));
            else if (m_state == State::Data && !m_zip->writeData(data.constData(), take))
                return std::unexpected(zipError());
            data = data.sliced(take);
            m_left -= take;
            if (m_left > 0)
                break;
            if (m_state == State::Text) {
                const QByteArray text(m_text.constData(), int(qstrnlen(m_text.constData(), uint(m_text.size()))));
                if (m_header.type == protocol::TarHeader::Type::LongName)
                    m_longName = text;
                else if (m_header.type == protocol::TarHeader::Type::LongLink)
                    m_longLink = text;
                else
                    protocol::readPaxRecords(m_text, &m_paxPath, &m_paxLink);
            } else if (m_state == State::Data && !m_zip->finishWriting(m_header.size)) {
                return std::unexpected(zipError());
            }
            m_left = std::exchange(m_padding, 0);
            m_state = m_left > 0 ? State::Skip : State::Header;
            break;
        }
        case State::End:
            data = {}; // the padding after the end blocks
            break;
        }
    }
    return {};
}

Expected<void> IncomingZip::onHeader()
{
    using protocol::TarHeader;
    auto header = protocol::parseTarHeader(m_block.constData());
    if (!header)
        return std::unexpected(damaged(header.error().message));
    m_header = *header;
    const qint64 padded = protocol::tarPadded(m_header.size);
    if (m_header.type == TarHeader::Type::LongName || m_header.type == TarHeader::Type::LongLink || m_header.type == TarHeader::Type::Pax) {
        if (m_header.size > 64 * 1024)
            return std::unexpected(damaged(QCoreApplication::translate("ferry::client", "a long name of %1 bytes").arg(m_header.size)));
        m_text.clear();
        m_left = m_header.size;
        m_padding = padded - m_header.size;
        m_state = m_left > 0 ? State::Text : (m_padding > 0 ? State::Skip : State::Header);
        if (m_left == 0)
            m_left = std::exchange(m_padding, 0);
        return {};
    }
    const QString name = nameOf(!m_paxPath.isEmpty() ? m_paxPath : !m_longName.isEmpty() ? m_longName : m_header.name);
    const QString link = pathcodec::fromBytes(!m_paxLink.isEmpty() ? m_paxLink : !m_longLink.isEmpty() ? m_longLink : m_header.link);
    m_longName.clear();
    m_longLink.clear();
    m_paxPath.clear();
    m_paxLink.clear();
    const QDateTime mtime = QDateTime::fromSecsSinceEpoch(m_header.mtime, QTimeZone::UTC);
    switch (m_header.type) {
    case TarHeader::Type::Directory:
        if (!m_zip->writeDir(name, QString(), QString(), m_header.mode, mtime, mtime, mtime))
            return std::unexpected(zipError());
        m_state = State::Header;
        return {};
    case TarHeader::Type::Symlink:
        if (!m_zip->writeSymLink(name, link, QString(), QString(), 0777, mtime, mtime, mtime))
            return std::unexpected(zipError());
        m_state = State::Header;
        return {};
    case TarHeader::Type::File:
        if (!m_zip->prepareWriting(name, QString(), QString(), m_header.size, m_header.mode, mtime, mtime, mtime))
            return std::unexpected(zipError());
        m_left = m_header.size;
        m_padding = padded - m_header.size;
        if (m_left > 0) {
            m_state = State::Data;
            return {};
        }
        if (!m_zip->finishWriting(0))
            return std::unexpected(zipError());
        m_left = std::exchange(m_padding, 0);
        m_state = State::Header;
        return {};
    default:
        // Nothing a zip holds: skipped with its data.
        m_left = padded;
        m_state = m_left > 0 ? State::Skip : State::Header;
        return {};
    }
}

void IncomingZip::onStreamMessage(const QCborMap &message)
{
    if (m_done)
        return;
    protocol::MessageReader reader(message);
    const QString type = reader.type();
    if (type == "start"_L1) {
        if (reader.integer("offset"_L1) != 0 || !reader.ok())
            complete(std::unexpected(Error{ErrorCode::Protocol, u"an archive stream starts at 0"_s}));
    } else if (type == "end"_L1) {
        const qint64 size = reader.integer("size"_L1);
        const QByteArray digest = reader.bytes("h"_L1, transfer::Hasher::kDigestSize);
        if (!reader.ok())
            return complete(std::unexpected(Error{ErrorCode::Protocol, reader.error()}));
        if (size != m_received || digest != m_hasher.digest()) {
            m_sink.discard();
            return complete(std::unexpected(Error{ErrorCode::ChecksumMismatch, QCoreApplication::translate("ferry::client", "%1: the archive did not arrive whole")
                                                                                  .arg(pathcodec::escaped(m_sink.displayPath()))}));
        }
        if (m_state != State::End && m_state != State::Header) {
            m_sink.discard();
            return complete(std::unexpected(damaged(QCoreApplication::translate("ferry::client", "it ends inside an entry"))));
        }
        m_done = true;
        const bool closed = m_zip->close();
        m_file.close();
        if (!closed) {
            m_sink.discard();
            return complete(std::unexpected(zipError()));
        }
        transfer::FinalAttributes attributes;
        attributes.mode = 0644;
        transfer::commitDurably(m_sink, attributes, m_replace, m_alive, [this](const Expected<void> &result) { complete(result); });
    } else if (type == "abort"_L1) {
        m_sink.discard();
        complete(std::unexpected(transfer::errorFromMessage(message)));
    }
}

void IncomingZip::complete(const Expected<void> &result)
{
    m_done = true;
    if (m_callbacks.finished)
        m_callbacks.finished(result);
}

} // namespace ferry::client
