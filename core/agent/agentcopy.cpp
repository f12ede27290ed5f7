// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentcopy.h"

#include "core/agent/agentput.h"
#include "core/agent/agentsession.h"
#include "core/pathcodec.h"
#include "core/protocol/messagereader.h"
#include "core/transfer/filesink.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#include <atomic>
#include <cerrno>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

namespace {

/// copyContents() saw the source shrink under it.
constexpr int kSourceChanged = -1;
/// copyContents() was told to stop.
constexpr int kCancelled = -2;
/// Bytes copied between two looks at the cancel flag.
constexpr off_t kCopyStep = off_t(16) << 20;

/// Copies all of @p from into @p to; 0, an errno, kSourceChanged or
/// kCancelled. Runs on a worker thread.
int copyContents(int from, int to, const std::atomic_bool &cancelled)
{
    struct stat st {};
    if (::fstat(from, &st) != 0)
        return errno;
    off_t in = 0;
    off_t out = 0;
    while (in < st.st_size) {
        if (cancelled.load(std::memory_order_relaxed))
            return kCancelled;
        const ssize_t n = ::copy_file_range(from, &in, to, &out, size_t(std::min<off_t>(st.st_size - in, kCopyStep)), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EXDEV || errno == ENOSYS || errno == EOPNOTSUPP || errno == EINVAL)) {
            // No kernel copy between these files: read and write ourselves.
            char buffer[1 << 16];
            const ssize_t got = ::pread(from, buffer, sizeof buffer, in);
            if (got < 0)
                return errno;
            if (got == 0)
                break;
            for (ssize_t done = 0; done < got;) {
                const ssize_t put = ::pwrite(to, buffer + done, size_t(got - done), out);
                if (put < 0 && errno == EINTR)
                    continue;
                if (put < 0)
                    return errno;
                done += put;
                out += put;
            }
            in += got;
            continue;
        }
        if (n < 0)
            return errno;
        if (n == 0)
            break; // the source shrank meanwhile
    }
    if (out != st.st_size)
        return kSourceChanged; // no short file under the final name
    if (::ftruncate(to, out) != 0)
        return errno;
    return ::fdatasync(to) == 0 ? 0 : errno;
}

/// Copies run on threads of their own: a few large ones must not hold up
/// the flushes of every other client's uploads on the shared pool.
QThreadPool &copyThreads()
{
    static QThreadPool *pool = [] {
        auto *threads = new QThreadPool(QCoreApplication::instance());
        threads->setMaxThreadCount(2);
        return threads;
    }();
    return *pool;
}

} // namespace

void handleCopy(AgentSession *session, qint64 requestId, const QCborMap &request)
{
    protocol::MessageReader reader(request);
    const QString from = reader.path("from"_L1);
    const QString to = reader.path("to"_L1);
    const bool replace = reader.optionalBool("replace"_L1);
    const qint64 mode = reader.optionalInteger("mode"_L1, -1, -1, 07777);
    const qint64 mtime = reader.optionalInteger("mtime"_L1, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::min());
    if (!reader.ok()) {
        session->replyError(requestId, Error{ErrorCode::Protocol, reader.error()});
        return;
    }
    auto source = session->root().openRead(from);
    if (!source) {
        session->replyError(requestId, source.error());
        return;
    }
    if (auto refused = refuseExisting(session->root(), to, replace); !refused)
        return session->replyError(requestId, refused.error());
    auto parent = session->root().openParent(to);
    if (!parent) {
        session->replyError(requestId, parent.error());
        return;
    }
    auto sink = transfer::FileSink::open(std::move(parent->dirFd), parent->name, to, false);
    if (!sink) {
        session->replyError(requestId, sink.error());
        return;
    }
    const transfer::FinalAttributes attributes = attributesFromWire(mode, mtime);

    auto shared = std::make_shared<transfer::FileSink>(std::move(*sink));
    const std::shared_ptr<std::atomic_bool> cancelled = session->cancellable(requestId);
    auto input = std::make_shared<UniqueFd>(std::move(*source));
    const std::weak_ptr<void> guard = session->lifetime();
    QPointer<AgentSession> self(session);
    copyThreads().start([=] {
        const int error = copyContents(input->get(), shared->fileFd(), *cancelled);
        QMetaObject::invokeMethod(QCoreApplication::instance(), [=] {
            if (guard.expired() || !self) {
                shared->discard();
                return;
            }
            self->forgetCancellable(requestId);
            if (error != 0) {
                shared->discard();
                self->replyError(requestId, error == kSourceChanged ? Error{ErrorCode::SourceChanged, QCoreApplication::translate("ferry::agent", "%1: the source changed while it was being copied").arg(pathcodec::escaped(from))}
                                            : error == kCancelled   ? Error{ErrorCode::Cancelled, QCoreApplication::translate("ferry::agent", "%1: copy cancelled").arg(pathcodec::escaped(to))}
                                                                    : Error::fromErrno(error, to));
                return;
            }
            if (auto committed = shared->commit(attributes, replace ? transfer::Replace::Always : transfer::Replace::Never); !committed) {
                shared->discard();
                self->replyError(requestId, committed.error());
                return;
            }
            if (UniqueFd dir = shared->openDirectory())
                ::fsync(dir.get());
            self->reply(requestId, {});
        }, Qt::QueuedConnection);
    });
}

} // namespace ferry::agent
