// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/transfer/hasher.h"
#include "core/uniquefd.h"

#include <functional>

namespace ferry::transfer {

/// Told how many bytes of a long read are done, now and then, by work that
/// may run on another thread; returning false stops it with
/// ErrorCode::Cancelled.
using WorkProgress = std::function<bool(qint64 done)>;
/// Bytes between two calls of a WorkProgress.
inline constexpr qint64 kWorkProgressStep = qint64(4) << 20;

/// Passes a long read's progress to a WorkProgress every kWorkProgressStep
/// bytes.
class WorkProgressGate
{
public:
    explicit WorkProgressGate(const WorkProgress &progress) : m_progress(progress) {}
    /// False once the work is to stop; @p done bytes are read so far.
    bool goOn(qint64 done)
    {
        if (!m_progress || done - m_told < kWorkProgressStep)
            return true;
        m_told = done;
        return m_progress(done);
    }

private:
    const WorkProgress &m_progress;
    qint64 m_told = 0;
};

/// The error of work on @p displayPath that its WorkProgress stopped.
Error workCancelled(const QString &displayPath);

/// The sending end of one file: reads it sequentially from an offset with
/// pread, hashing every byte, and notices when the file changes underneath.
class FileSource
{
public:
    /// Takes an open regular file; @p displayPath names it in errors.
    static Expected<FileSource> open(UniqueFd fd, const QString &displayPath);

    qint64 size() const { return m_size; }
    quint32 mode() const { return m_mode; }
    qint64 mtimeNs() const { return m_mtimeNs; }
    qint64 position() const { return m_position; }
    bool atEnd() const { return m_position >= m_size; }
    const QString &displayPath() const { return m_displayPath; }

    /// Hashes the first @p length bytes and continues from there: what a
    /// resume after @p length verified bytes needs on the sending side.
    /// Safe on a worker thread while nothing else uses this source.
    Expected<QByteArray> seekAndHashPrefix(qint64 length, const WorkProgress &progress = {});

    /// Reads up to @p max bytes at the current position into @p buffer.
    /// Reading fewer bytes than the size promised is ErrorCode::SourceChanged.
    Expected<qint64> read(char *buffer, qint64 max);

    /// Checksum of everything read so far (the whole file once atEnd()).
    QByteArray digest() const { return m_hasher.digest(); }

    /// Fails with SourceChanged if size or mtime differ from open time.
    Expected<void> checkUnchanged() const;

private:
    FileSource() = default;

    UniqueFd m_fd;
    QString m_displayPath;
    qint64 m_size = 0;
    quint32 m_mode = 0;
    qint64 m_mtimeNs = 0;
    qint64 m_position = 0;
    Hasher m_hasher;
};

} // namespace ferry::transfer
