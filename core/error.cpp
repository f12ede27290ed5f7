// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"

#include "core/pathcodec.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>

namespace ferry {

Error Error::fromErrno(int errnum, const QString &path)
{
    ErrorCode code = ErrorCode::Io;
    switch (errnum) {
    case ENOENT: code = ErrorCode::NotFound; break;
    case EEXIST: code = ErrorCode::Exists; break;
    case ENOTDIR: code = ErrorCode::NotADirectory; break;
    case EISDIR: code = ErrorCode::IsADirectory; break;
    case EACCES:
    case EPERM:
    case EROFS: code = ErrorCode::PermissionDenied; break;
    case EXDEV: code = ErrorCode::OutsideRoot; break; // RESOLVE_BENEATH reports escapes as EXDEV
    case ELOOP: code = ErrorCode::OutsideRoot; break;
    case EINVAL:
    case ENAMETOOLONG: code = ErrorCode::InvalidArgument; break;
    case ENOSPC:
    case EDQUOT: code = ErrorCode::NoSpace; break;
    case ENOTEMPTY: code = ErrorCode::NotEmpty; break;
    case EBUSY:
    case EWOULDBLOCK: code = ErrorCode::Busy; break;
    default: break;
    }
    QString reason;
    if (code == ErrorCode::OutsideRoot)
        reason = QCoreApplication::translate("ferry::Error", "path leads outside the served directory");
    else
        reason = QString::fromLocal8Bit(std::strerror(errnum));
    return Error{code, path.isEmpty() ? reason : pathcodec::escaped(path) + QStringLiteral(": ") + reason};
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None: return QStringLiteral("ok");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::Exists: return QStringLiteral("exists");
    case ErrorCode::NotADirectory: return QStringLiteral("not-a-directory");
    case ErrorCode::IsADirectory: return QStringLiteral("is-a-directory");
    case ErrorCode::PermissionDenied: return QStringLiteral("permission-denied");
    case ErrorCode::OutsideRoot: return QStringLiteral("outside-root");
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid-argument");
    case ErrorCode::NoSpace: return QStringLiteral("no-space");
    case ErrorCode::Io: return QStringLiteral("io");
    case ErrorCode::NotEmpty: return QStringLiteral("not-empty");
    case ErrorCode::Busy: return QStringLiteral("busy");
    case ErrorCode::ChecksumMismatch: return QStringLiteral("checksum-mismatch");
    case ErrorCode::Protocol: return QStringLiteral("protocol");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    case ErrorCode::Connection: return QStringLiteral("connection");
    case ErrorCode::Authentication: return QStringLiteral("authentication");
    case ErrorCode::Unsupported: return QStringLiteral("unsupported");
    case ErrorCode::SourceChanged: return QStringLiteral("source-changed");
    case ErrorCode::TooManyClients: return QStringLiteral("too-many-clients");
    case ErrorCode::UntrustedCertificate: return QStringLiteral("untrusted-certificate");
    case ErrorCode::Paused: return QStringLiteral("paused");
    case ErrorCode::Overloaded: return QStringLiteral("overloaded");
    case ErrorCode::CertificateChanged: return QStringLiteral("certificate-changed");
    }
    return QStringLiteral("unknown");
}

} // namespace ferry
