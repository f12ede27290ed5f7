// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/messagereader.h"

#include "core/protocol/wirepath.h"

#include <QCborArray>
#include <QCoreApplication>

namespace ferry::protocol {

QString MessageReader::type() const
{
    return m_message.value(QLatin1StringView("t")).toString();
}

bool MessageReader::has(QLatin1StringView key) const
{
    return m_message.contains(key);
}

void MessageReader::fail(QLatin1StringView key, const QString &why)
{
    if (m_error.isEmpty())
        m_error = QCoreApplication::translate("ferry::protocol", "field '%1' of '%2': %3").arg(key, type(), why);
}

QString MessageReader::string(QLatin1StringView key)
{
    const QCborValue v = m_message.value(key);
    if (!v.isString()) {
        fail(key, QCoreApplication::translate("ferry::protocol", "missing or not a string"));
        return {};
    }
    return v.toString();
}

QString MessageReader::optionalString(QLatin1StringView key, const QString &fallback)
{
    return m_message.contains(key) ? string(key) : fallback;
}

qint64 MessageReader::integer(QLatin1StringView key, qint64 min, qint64 max)
{
    const QCborValue v = m_message.value(key);
    if (!v.isInteger()) {
        fail(key, QCoreApplication::translate("ferry::protocol", "missing or not an integer"));
        return min;
    }
    const qint64 n = v.toInteger();
    if (n < min || n > max) {
        fail(key, QCoreApplication::translate("ferry::protocol", "%1 is out of range").arg(n));
        return min;
    }
    return n;
}

qint64 MessageReader::optionalInteger(QLatin1StringView key, qint64 fallback, qint64 min, qint64 max)
{
    return m_message.contains(key) ? integer(key, min, max) : fallback;
}

bool MessageReader::optionalBool(QLatin1StringView key, bool fallback)
{
    if (!m_message.contains(key))
        return fallback;
    const QCborValue v = m_message.value(key);
    if (!v.isBool()) {
        fail(key, QCoreApplication::translate("ferry::protocol", "not a boolean"));
        return fallback;
    }
    return v.toBool();
}

QByteArray MessageReader::bytes(QLatin1StringView key, qsizetype maxSize)
{
    const QCborValue v = m_message.value(key);
    if (!v.isByteArray()) {
        fail(key, QCoreApplication::translate("ferry::protocol", "missing or not bytes"));
        return {};
    }
    QByteArray b = v.toByteArray();
    if (b.size() > maxSize) {
        fail(key, QCoreApplication::translate("ferry::protocol", "longer than %1 bytes").arg(maxSize));
        return {};
    }
    return b;
}

QByteArray MessageReader::optionalBytes(QLatin1StringView key, qsizetype maxSize)
{
    return m_message.contains(key) ? bytes(key, maxSize) : QByteArray();
}

QStringList MessageReader::list(QLatin1StringView key, qsizetype maxItems, const QString &badItem,
                                const std::function<std::optional<QString>(const QCborValue &)> &read)
{
    const QCborValue v = m_message.value(key);
    if (!v.isArray()) {
        fail(key, QCoreApplication::translate("ferry::protocol", "missing or not a list"));
        return {};
    }
    const QCborArray array = v.toArray();
    if (array.size() > maxItems) {
        fail(key, QCoreApplication::translate("ferry::protocol", "more than %1 items").arg(maxItems));
        return {};
    }
    QStringList out;
    for (const QCborValue &item : array) {
        const std::optional<QString> value = read(item);
        if (!value) {
            fail(key, badItem);
            return {};
        }
        out.append(*value);
    }
    return out;
}

QStringList MessageReader::stringList(QLatin1StringView key, qsizetype maxItems)
{
    return list(key, maxItems, QCoreApplication::translate("ferry::protocol", "an item is not a string"),
                [](const QCborValue &item) { return item.isString() ? std::optional<QString>(item.toString()) : std::nullopt; });
}

QString MessageReader::path(QLatin1StringView key)
{
    const std::optional<QString> p = pathFrom(m_message.value(key));
    if (!p) {
        fail(key, QCoreApplication::translate("ferry::protocol", "missing or not a path (a text or byte string)"));
        return {};
    }
    return *p;
}

QString MessageReader::optionalPath(QLatin1StringView key, const QString &fallback)
{
    return m_message.contains(key) ? path(key) : fallback;
}

QStringList MessageReader::pathList(QLatin1StringView key, qsizetype maxItems)
{
    return list(key, maxItems, QCoreApplication::translate("ferry::protocol", "an item is not a path (a text or byte string)"), pathFrom);
}

} // namespace ferry::protocol
