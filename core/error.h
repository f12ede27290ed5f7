// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <expected>

namespace ferry {

/// Error codes shared by the wire protocol, the jobs and the programs.
/// The numeric values travel on the wire: append, never renumber.
enum class ErrorCode : int {
    None = 0,
    NotFound = 1,        ///< no such file or directory
    Exists = 2,          ///< destination exists
    NotADirectory = 3,
    IsADirectory = 4,
    PermissionDenied = 5,
    OutsideRoot = 6,     ///< path resolves outside the served root
    InvalidArgument = 7,
    NoSpace = 8,         ///< disk full or quota exceeded
    Io = 9,              ///< any other I/O failure
    NotEmpty = 10,
    Busy = 11,           ///< another transfer holds the file
    ChecksumMismatch = 12,
    Protocol = 13,       ///< malformed or unexpected message
    Cancelled = 14,
    Connection = 15,     ///< link lost or peer dead
    Authentication = 16,
    Unsupported = 17,
    SourceChanged = 18,  ///< the source changed while it was being read
    TooManyClients = 19,
    UntrustedCertificate = 20, ///< wss:// agent whose certificate is not (yet) trusted
    Paused = 21,         ///< stopped by the user to go on later: partial data is kept
    Overloaded = 22,     ///< the agent turned a connection away for now: try again shortly
    CertificateChanged = 23, ///< wss:// agent whose certificate differs from the one pinned for it
};

/// An error: a code for programs and a human message naming the path.
struct Error {
    ErrorCode code = ErrorCode::None;
    QString message;

    static Error fromErrno(int errnum, const QString &path); ///< names @p path escaped (pathcodec::escaped())
};

template<typename T>
using Expected = std::expected<T, Error>;

/// Short, stable name of a code ("not-found"), for logs and JSON output.
QString errorCodeName(ErrorCode code);

} // namespace ferry
