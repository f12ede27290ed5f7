// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QCborValue>
#include <QList>
#include <QString>

namespace ferry::transfer {

/// Limits of one batch of small files ("putmany", "getmany"), which both
/// ends check before trusting a size.
inline constexpr qsizetype kMaxBatchFiles = 64;
inline constexpr qint64 kMaxBatchBytes = 8 * 1024 * 1024;

/// One file of a "putmany" request: {path, size, mode?, mtime?, replace?}.
struct BatchUpload {
    QString path;
    qint64 size = 0;
    qint64 mode = -1;                                   ///< -1: not given
    qint64 mtimeNs = std::numeric_limits<qint64>::min(); ///< INT64_MIN: not given
    bool replace = false;
};

/// One file of a "getmany" reply: its error, or its size, mode and mtime.
struct BatchDownload {
    Error error;          ///< ErrorCode::None when the file follows
    qint64 size = 0;
    quint32 mode = 0;
    qint64 mtimeNs = 0;
};

/// The "files" of a "putmany" request: 1 to kMaxBatchFiles files, each at
/// most kMaxBatchBytes, together at most kMaxBatchBytes.
Expected<QList<BatchUpload>> readBatchUploads(const QCborValue &files);
/// The "files" of a "getmany" reply for @p count paths: exactly that many
/// entries, sizes together at most kMaxBatchBytes.
Expected<QList<BatchDownload>> readBatchDownloads(const QCborValue &files, qsizetype count);
/// One file's result in a batch or commit reply: 0 for success, or
/// [code, message] (Error{} or that error). The code must be in the range
/// of errors, the message is cut to a sane length; anything else is a
/// protocol error.
Expected<Error> readBatchResult(const QCborValue &result);
/// The "results" of a batch or commit reply for @p count files.
Expected<QList<Error>> readBatchResults(const QCborValue &results, qsizetype count);

} // namespace ferry::transfer
