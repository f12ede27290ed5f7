// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transfer/streammessages.h"

#include "core/protocol/messagereader.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace ferry::transfer {

QCborMap startMessage(quint32 stream, qint64 offset)
{
    return QCborMap{{"t"_L1, "start"_L1}, {"s"_L1, qint64(stream)}, {"offset"_L1, offset}};
}

QCborMap endMessage(quint32 stream, qint64 size, const QByteArray &digest)
{
    return QCborMap{{"t"_L1, "end"_L1}, {"s"_L1, qint64(stream)}, {"size"_L1, size}, {"h"_L1, digest}};
}

QCborMap abortMessage(quint32 stream, const Error &error)
{
    QCborMap m{{"t"_L1, "abort"_L1}, {"s"_L1, qint64(stream)}};
    putError(m, error);
    return m;
}

void putError(QCborMap &message, const Error &error)
{
    message.insert("code"_L1, qint64(error.code));
    message.insert("msg"_L1, error.message);
}

Error errorFromMessage(const QCborMap &message)
{
    protocol::MessageReader reader(message);
    const qint64 code = reader.optionalInteger("code"_L1, qint64(ErrorCode::Io), 1, 1000);
    QString text = reader.optionalString("msg"_L1);
    if (!reader.ok())
        return Error{ErrorCode::Protocol, reader.error()};
    if (text.size() > 4096)
        text.truncate(4096);
    if (text.isEmpty())
        text = QCoreApplication::translate("ferry::transfer", "the peer reported an error");
    return Error{ErrorCode(code), text};
}

} // namespace ferry::transfer
