// SPDX-License-Identifier: GPL-3.0-or-later
// Batches of small files on the agent ("putmany", "getmany", "commit"):
// an authenticated session serving the scratch tree is fed the messages of
// one input (fuzzsupport.h's container), the requests, data frames and
// "end" messages of batches as a client sends them. Every final reply to a
// batch must carry one result per file it asked for. The readers both
// ends use for a batch's lists (batchmessages.h) read every control message
// of the input too, as a request and as a reply.

#include "agentharness.h"

#include "core/protocol/frame.h"
#include "core/transfer/batchmessages.h"

#include <QCborArray>
#include <QCborValue>
#include <QHash>

using namespace Qt::Literals::StringLiterals;
using namespace ferry;

namespace {

fuzz::AgentHarness *g_harness = nullptr;

void readLists(const QCborMap &control)
{
    const QCborValue files = control.value("files"_L1);
    if (auto uploads = transfer::readBatchUploads(files)) {
        qint64 total = 0;
        for (const transfer::BatchUpload &file : std::as_const(*uploads))
            total += file.size;
        if (uploads->size() > transfer::kMaxBatchFiles || total > transfer::kMaxBatchBytes)
            fuzz::fail("a batch request beyond the limits was read");
    }
    const qsizetype count = files.toArray().size();
    if (auto downloads = transfer::readBatchDownloads(files, count)) {
        qint64 total = 0;
        for (const transfer::BatchDownload &file : std::as_const(*downloads))
            total += file.size;
        if (total > transfer::kMaxBatchBytes)
            fuzz::fail("a batch reply beyond the limits was read");
    }
    (void)transfer::readBatchResults(control.value("results"_L1), control.value("results"_L1).toArray().size());
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
    g_harness->start(agent::AgentSession::Admission::Open);
    g_harness->deliver(g_harness->validAuth());
    if (!g_harness->authenticated())
        fuzz::fail("the session did not accept a valid auth");
    const fuzz::TransportLog &log = g_harness->log();

    // Request id -> how many files that batch named.
    QHash<qint64, qsizetype> batches;
    qsizetype seen = log.sent.size();
    const auto messages = fuzz::splitMessages(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    for (const QByteArray &message : messages) {
        if (log.closed)
            break;
        if (auto frame = protocol::decode(message, protocol::kMaxMessage); frame && frame->kind == protocol::FrameKind::Control) {
            const QCborMap &control = frame->control;
            readLists(control);
            const QString op = control.value("op"_L1).toString();
            if (control.value("t"_L1).toString() == "req"_L1 && (op == "putmany"_L1 || op == "getmany"_L1 || op == "commit"_L1)) {
                const QCborValue list = control.value(op == "getmany"_L1 ? "paths"_L1 : "files"_L1);
                // A client that reuses an id cannot tell its replies apart:
                // those are not checked.
                const qint64 id = control.value("id"_L1).toInteger();
                batches.insert(id, batches.contains(id) || !list.isArray() ? -1 : list.toArray().size());
            }
        }
        g_harness->deliver(message);
        for (; seen < log.sent.size(); ++seen) {
            auto reply = protocol::decode(log.sent.at(seen), std::numeric_limits<qsizetype>::max());
            if (!reply)
                fuzz::fail("the agent sent a message it cannot decode", reply.error().message);
            if (reply->kind != protocol::FrameKind::Control || reply->control.value("t"_L1).toString() != "res"_L1)
                continue;
            const QCborMap &res = reply->control;
            const qint64 id = res.value("id"_L1).toInteger();
            const QCborValue results = res.value(res.contains("results"_L1) ? "results"_L1 : "files"_L1);
            if (batches.value(id, -1) >= 0 && res.value("ok"_L1).toBool() && results.isArray()
                && results.toArray().size() != batches.value(id))
                fuzz::fail("a batch's reply does not answer for each of its files");
        }
    }
    g_harness->finish();
    return 0;
}
