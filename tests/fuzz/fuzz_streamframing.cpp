// SPDX-License-Identifier: GPL-3.0-or-later
// The decoder that cuts messages out of a shell's byte stream. The first
// byte picks the framing (bit 0: text) and the limit (bit 1: the one before
// authentication); the rest is the stream, cut into the reads a transport
// would see (fuzzsupport.h's container). No message may exceed the limit,
// the decoder may hold no more than one incomplete line or message, and
// every message must read back the same once encoded again.

#include "fuzzsupport.h"

#include "core/net/streamframing.h"
#include "core/protocol/frame.h"

using namespace ferry;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const auto framing = (data[0] & 1) ? net::StreamFraming::Text : net::StreamFraming::Binary;
    const qsizetype limit = (data[0] & 2) ? protocol::kMaxPreAuthMessage : protocol::kMaxMessage;
    // The most a stream may hold for a message that is not complete yet.
    const qsizetype held = framing == net::StreamFraming::Text ? (limit + 2) / 3 * 4 + 64 : limit + 4;

    net::StreamDecoder decoder(framing, limit);
    const auto reads = fuzz::splitMessages(QByteArrayView(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1));
    for (const QByteArray &read : reads) {
        decoder.append(read);
        for (;;) {
            auto next = decoder.next();
            if (!next)
                return 0; // the stream is over
            if (!*next)
                break;
            const QByteArray &message = **next;
            if (message.isEmpty() || message.size() > limit)
                fuzz::fail("a stream message outside the limits", QString::number(message.size()));
            net::StreamDecoder again(framing, limit);
            again.append(net::encodeStreamMessage(framing, message));
            auto decoded = again.next();
            if (!decoded || !*decoded || **decoded != message)
                fuzz::fail("a stream message changed in a round trip");
        }
        if (decoder.pending() > held)
            fuzz::fail("the decoder holds more than one message", QString::number(decoder.pending()));
    }
    return 0;
}
