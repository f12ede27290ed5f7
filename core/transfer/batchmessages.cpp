// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transfer/batchmessages.h"

#include "core/protocol/messagereader.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace ferry::transfer {

namespace {

constexpr qsizetype kMaxResultMessage = 4096;

Error protocolError(const QString &reason)
{
    return Error{ErrorCode::Protocol, reason};
}

Error tooLarge()
{
    return protocolError(QCoreApplication::translate("ferry::transfer", "a batch holds at most %1 bytes").arg(kMaxBatchBytes));
}

} // namespace

Expected<QList<BatchUpload>> readBatchUploads(const QCborValue &files)
{
    const QCborArray list = files.toArray();
    if (!files.isArray() || list.isEmpty() || list.size() > kMaxBatchFiles)
        return std::unexpected(protocolError(QCoreApplication::translate("ferry::transfer", "a batch holds 1 to %1 files").arg(kMaxBatchFiles)));
    QList<BatchUpload> out;
    qint64 total = 0;
    for (const QCborValue &value : list) {
        protocol::MessageReader reader(value.toMap());
        BatchUpload file;
        file.path = reader.path("path"_L1);
        file.size = reader.integer("size"_L1, 0, kMaxBatchBytes);
        file.mode = reader.optionalInteger("mode"_L1, -1, -1, 07777);
        file.mtimeNs = reader.optionalInteger("mtime"_L1, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::min());
        file.replace = reader.optionalBool("replace"_L1);
        if (!reader.ok())
            return std::unexpected(protocolError(reader.error()));
        total += file.size; // at most 64 times kMaxBatchBytes: no overflow
        out.append(file);
    }
    if (total > kMaxBatchBytes)
        return std::unexpected(tooLarge());
    return out;
}

Expected<QList<BatchDownload>> readBatchDownloads(const QCborValue &files, qsizetype count)
{
    const QCborArray list = files.toArray();
    if (!files.isArray() || list.size() != count)
        return std::unexpected(protocolError(QCoreApplication::translate("ferry::transfer", "the agent answered for %1 files, not %2").arg(list.size()).arg(count)));
    QList<BatchDownload> out;
    qint64 total = 0;
    for (const QCborValue &value : list) {
        const QCborMap file = value.toMap();
        BatchDownload in;
        if (file.contains("error"_L1)) {
            auto error = readBatchResult(file.value("error"_L1));
            if (!error)
                return std::unexpected(error.error());
            if (error->code == ErrorCode::None)
                return std::unexpected(protocolError(QCoreApplication::translate("ferry::transfer", "a file of the batch has an error that is none")));
            in.error = *error;
            out.append(in);
            continue;
        }
        protocol::MessageReader reader(file);
        in.size = reader.integer("size"_L1, 0, kMaxBatchBytes);
        in.mode = quint32(reader.integer("mode"_L1, 0, 07777));
        in.mtimeNs = reader.integer("mtime"_L1, std::numeric_limits<qint64>::min());
        if (!reader.ok())
            return std::unexpected(protocolError(reader.error()));
        total += in.size; // at most 64 times kMaxBatchBytes: no overflow
        if (total > kMaxBatchBytes)
            return std::unexpected(tooLarge());
        out.append(in);
    }
    return out;
}

Expected<Error> readBatchResult(const QCborValue &result)
{
    if (result.isInteger() && result.toInteger() == 0)
        return Error{};
    const QCborArray pair = result.toArray();
    if (!result.isArray() || pair.size() != 2 || !pair.at(0).isInteger() || !pair.at(1).isString()
        || pair.at(0).toInteger() < 1 || pair.at(0).toInteger() > 1000)
        return std::unexpected(protocolError(QCoreApplication::translate("ferry::transfer", "a file's result is neither 0 nor [code, message]")));
    QString message = pair.at(1).toString();
    if (message.size() > kMaxResultMessage)
        message.truncate(kMaxResultMessage);
    if (message.isEmpty())
        message = QCoreApplication::translate("ferry::transfer", "the peer reported an error");
    return Error{ErrorCode(pair.at(0).toInteger()), message};
}

Expected<QList<Error>> readBatchResults(const QCborValue &results, qsizetype count)
{
    const QCborArray list = results.toArray();
    if (!results.isArray() || list.size() != count)
        return std::unexpected(protocolError(QCoreApplication::translate("ferry::transfer", "the agent answered for %1 files, not %2").arg(list.size()).arg(count)));
    QList<Error> out;
    for (const QCborValue &value : list) {
        auto error = readBatchResult(value);
        if (!error)
            return std::unexpected(error.error());
        out.append(*error);
    }
    return out;
}

} // namespace ferry::transfer
