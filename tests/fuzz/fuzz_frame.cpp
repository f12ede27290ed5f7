// SPDX-License-Identifier: GPL-3.0-or-later
// The message decoder and the readers of control messages: one input is
// one message as a transport delivers it. Every decoded control message is
// read the way the two ends read their messages (requests, replies, stream
// messages, directory entries, errors), and must survive a round trip
// through the encoder.

#include "fuzzsupport.h"

#include "core/pathcodec.h"
#include "core/protocol/entry.h"
#include "core/protocol/frame.h"
#include "core/protocol/messagereader.h"
#include "core/transfer/streammessages.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

using namespace Qt::Literals::StringLiterals;
using namespace ferry;

namespace {

// Every field name the protocol uses, read with every reader.
const QLatin1StringView kKeys[] = {
    "t"_L1, "id"_L1, "op"_L1, "s"_L1, "path"_L1, "from"_L1, "to"_L1, "mode"_L1, "mtime"_L1, "size"_L1,
    "offset"_L1, "prefix"_L1, "h"_L1, "hs"_L1, "nonce"_L1, "mac"_L1, "v"_L1, "cw"_L1, "sw"_L1, "hb"_L1,
    "dead"_L1, "n"_L1, "code"_L1, "msg"_L1, "argv"_L1, "sh"_L1, "cwd"_L1, "paths"_L1, "files"_L1,
    "entries"_L1, "e"_L1, "rate"_L1, "target"_L1, "replace"_L1, "resume"_L1, "parents"_L1, "recursive"_L1,
};

void readEverything(const QCborMap &message)
{
    protocol::MessageReader reader(message);
    (void)reader.type();
    for (const QLatin1StringView key : kKeys) {
        (void)reader.has(key);
        (void)reader.string(key);
        (void)reader.optionalString(key, u"x"_s);
        (void)reader.integer(key);
        (void)reader.integer(key, std::numeric_limits<qint64>::min());
        (void)reader.integer(key, 1, std::numeric_limits<quint32>::max());
        (void)reader.optionalInteger(key, -1, -1, 07777);
        (void)reader.optionalBool(key);
        (void)reader.bytes(key, 64);
        (void)reader.optionalBytes(key, 32);
        (void)reader.stringList(key, 64);
        (void)reader.path(key);
        (void)reader.optionalPath(key, u"x"_s);
        (void)reader.pathList(key, 64);
    }
    (void)reader.ok();
    (void)reader.error();
    (void)transfer::errorFromMessage(message);

    // Directory entries, as a stat reply and as a listing page.
    (void)protocol::Entry::fromCbor(message.value("e"_L1));
    const QCborArray entries = message.value("entries"_L1).toArray();
    for (const QCborValue &value : entries) {
        if (auto entry = protocol::Entry::fromCbor(value)) {
            // What was read must read back the same.
            auto again = protocol::Entry::fromCbor(entry->toCbor());
            if (!again || again->name != entry->name || again->size != entry->size || again->mode != entry->mode
                || again->mtimeNs != entry->mtimeNs || again->type != entry->type
                || (entry->type == protocol::Entry::Type::Symlink && again->linkTarget != entry->linkTarget))
                fuzz::fail("a directory entry changed in a round trip");
            // Names keep their bytes, and their shown form reads back.
            if (pathcodec::fromBytes(pathcodec::toBytes(entry->name)) != entry->name
                || pathcodec::unescaped(pathcodec::escaped(entry->name)) != entry->name)
                fuzz::fail("a name changed in a round trip through its bytes or its escaped form");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray message(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const qsizetype limit : {protocol::kMaxPreAuthMessage, protocol::kMaxMessage}) {
        auto frame = protocol::decode(message, limit);
        if (!frame) {
            if (frame.error().code != ErrorCode::Protocol || frame.error().message.isEmpty())
                fuzz::fail("a decoding error without a protocol code and a reason");
            continue;
        }
        if (message.size() > limit)
            fuzz::fail("a message above the limit was decoded");
        if (frame->kind == protocol::FrameKind::Data) {
            const protocol::DataFrame &data = frame->data;
            if (data.payload.size() != message.size() - protocol::kDataHeaderSize || data.payload.size() > protocol::kMaxChunk)
                fuzz::fail("a data frame's payload does not match its message");
            const QByteArray again = protocol::encodeData(data.stream, data.channel, data.offset, data.payload);
            if (again != message)
                fuzz::fail("a data frame changed in a round trip");
            continue;
        }
        readEverything(frame->control);
        // Encoding may choose another form than the peer's (a shorter
        // integer, a canonical NaN), but what it writes must read back and
        // encode the same.
        const QByteArray encoded = protocol::encodeControl(frame->control);
        auto again = protocol::decode(encoded, std::numeric_limits<qsizetype>::max());
        if (!again || again->kind != protocol::FrameKind::Control || protocol::encodeControl(again->control) != encoded)
            fuzz::fail("a control message changed in a round trip");
    }
    return 0;
}
