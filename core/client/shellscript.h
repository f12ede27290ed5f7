// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/// The lines Ferry types into a remote POSIX shell to bring its agent
/// along: nothing but POSIX sh and tools every system has (uname, id,
/// mkdir, chmod, mv, rm; base64 and sha256sum where present, printf and
/// cksum where not). Every answer is a line starting with a marker that the
/// shell prints with printf's octal escapes, so the echo of a command, on a
/// terminal that still echoes, is never taken for its answer.
namespace ferry::client::shellscript {

/// The marker answers start with ("FERRY-BOOT "), as it arrives.
inline constexpr QByteArrayView kAnswer = "FERRY-BOOT ";
/// The marker chunk acknowledgements start with.
inline constexpr QByteArrayView kAck = "FERRY-ACK ";

/// Quotes @p text for a POSIX shell ('it'\''s').
QByteArray quote(const QString &text);

/// Quiets the shell (no echo, no history, no prompts), then reports the
/// system, the architecture, the first cache directory that is writable
/// and allows execution, those that are mounted noexec, what is cached
/// under @p fileName there, and the tools it has, one "key=value" answer
/// each, then "end".
QByteArray probe(const QString &fileName);

/// Starts an upload into the cache directory the probe found, under a
/// part name of its own.
QByteArray beginUpload();

/// One chunk of the upload: appended to the part file, then acknowledged
/// with kAck and @p sequence ("NAK" instead when the write failed).
/// @p base64 chooses between the base64 tool and printf's octal escapes.
QByteArray uploadChunk(QByteArrayView bytes, qint64 sequence, bool base64);

/// Checks the part file against @p expectedSum (as the probe's "have"
/// reports sums) and moves it into place: answers "installed", or
/// "corrupt SUM".
QByteArray finishUpload(const QByteArray &expectedSum);

/// Replaces the shell with the cached agent (the probe's file name) in --stdio mode serving
/// @p root (empty: the shell's working directory). Answers "nostart CODE"
/// where a failed exec leaves the shell running.
QByteArray startAgent(const QString &root, int heartbeatMs, int deadAfterMs);

/// POSIX cksum's CRC, fed piece by piece: what a shell without sha256sum
/// can check a file with.
class PosixCksum
{
public:
    void add(QByteArrayView bytes);
    quint32 result() const;
    qint64 size() const { return qint64(m_size); }

private:
    quint32 m_crc = 0;
    quint64 m_size = 0;
};

} // namespace ferry::client::shellscript
