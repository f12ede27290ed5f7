// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ferry::protocol {

/// Typed, validating access to a received control message. The first missing
/// or mistyped field is remembered, so a handler reads all fields and checks
/// ok() once instead of branching on every field.
class MessageReader
{
public:
    explicit MessageReader(const QCborMap &message) : m_message(message) {}

    QString type() const;
    QString string(QLatin1StringView key);
    QString optionalString(QLatin1StringView key, const QString &fallback = {});
    qint64 integer(QLatin1StringView key, qint64 min = 0, qint64 max = std::numeric_limits<qint64>::max());
    qint64 optionalInteger(QLatin1StringView key, qint64 fallback, qint64 min = 0, qint64 max = std::numeric_limits<qint64>::max());
    bool optionalBool(QLatin1StringView key, bool fallback = false);
    QByteArray bytes(QLatin1StringView key, qsizetype maxSize);
    QByteArray optionalBytes(QLatin1StringView key, qsizetype maxSize);
    QStringList stringList(QLatin1StringView key, qsizetype maxItems);
    /// A name or path: a text string, or a byte string of a name that is
    /// not valid UTF-8 (protocol::pathValue()), as a pathcodec QString.
    QString path(QLatin1StringView key);
    QString optionalPath(QLatin1StringView key, const QString &fallback = {});
    /// A list of paths, each as path() reads it.
    QStringList pathList(QLatin1StringView key, qsizetype maxItems);
    bool has(QLatin1StringView key) const;

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    void fail(QLatin1StringView key, const QString &why);
    /// A list of at most @p maxItems, each turned into text by @p read;
    /// an item it refuses fails the whole list with @p badItem.
    QStringList list(QLatin1StringView key, qsizetype maxItems, const QString &badItem,
                     const std::function<std::optional<QString>(const QCborValue &)> &read);

    QCborMap m_message;
    QString m_error;
};

} // namespace ferry::protocol
