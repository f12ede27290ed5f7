// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
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

/// Quiets the shell (no echo, no history, no prompts). Then the fast way
/// in: where an agent installed before under @p fileName is found unchanged
/// with one of @p sums written beside it, answers "start DIR" and replaces
/// the shell with it (as startAgent() does). Otherwise reports the system,
/// the architecture, the first cache directory that is writable and allows
/// execution, those that are mounted noexec, the checksum of what is cached
/// under @p fileName there, and the tools it has, one "key=value" answer
/// each, then "end".
QByteArray probe(const QString &fileName, const QList<QByteArray> &sums, const QString &root, int heartbeatMs, int deadAfterMs);

/// Starts an upload into the cache directory the probe found, under a
/// part name of its own.
/// For a shell on a terminal, sent before the probe: raw mode, no echo,
/// a non-interactive /bin/sh; answers "tty".
QByteArray terminalPrelude();
QByteArray beginUpload();

/// How the upload's bytes reach the part file.
enum class UploadMethod {
    /// A command line, then exactly its length of base64 that `head -c`
    /// reads from the shell's own input: for shells that read their input
    /// a byte at a time (bash on a pipe, as POSIX asks), which would crawl
    /// through a here-document. Only where head reads no further than told.
    ExactRead,
    /// A here-document of base64 lines: for shells that read ahead in
    /// blocks (dash, busybox ash), which parse it at full speed.
    HereDocument,
    /// printf with an octal escape per byte: where there is no base64 tool.
    Octal,
};

/// One chunk of the upload: appended to the part file, then acknowledged
/// with kAck and @p sequence ("NAK" instead when the write failed).
QByteArray uploadChunk(QByteArrayView bytes, qint64 sequence, UploadMethod method);

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
