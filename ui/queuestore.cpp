// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/queuestore.h"

#include "core/client/session.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {

QString directionName(copy::Direction direction)
{
    switch (direction) {
    case copy::Direction::Upload: return u"upload"_s;
    case copy::Direction::Download: return u"download"_s;
    case copy::Direction::Remote: return u"remote"_s;
    }
    return {};
}

QJsonObject toJson(const SavedTransfer &transfer)
{
    return QJsonObject{{u"agent"_s, transfer.agent},
                       {u"direction"_s, directionName(transfer.direction)},
                       {u"sources"_s, QJsonArray::fromStringList(transfer.sources)},
                       {u"destination"_s, transfer.destination},
                       {u"exactTarget"_s, transfer.exactTarget},
                       {u"root"_s, transfer.root},
                       {u"bytes"_s, transfer.bytes}};
}

std::optional<SavedTransfer> fromJson(const QJsonObject &object)
{
    SavedTransfer transfer;
    const QString direction = object.value(u"direction"_s).toString();
    if (direction == u"upload"_s)
        transfer.direction = copy::Direction::Upload;
    else if (direction == u"download"_s)
        transfer.direction = copy::Direction::Download;
    else if (direction == u"remote"_s)
        transfer.direction = copy::Direction::Remote;
    else
        return std::nullopt;
    for (const QJsonValue &source : object.value(u"sources"_s).toArray())
        transfer.sources.append(source.toString());
    transfer.agent = object.value(u"agent"_s).toString();
    transfer.destination = object.value(u"destination"_s).toString();
    transfer.exactTarget = object.value(u"exactTarget"_s).toBool();
    transfer.root = object.value(u"root"_s).toString();
    transfer.bytes = object.value(u"bytes"_s).toInteger();
    if (transfer.sources.isEmpty() || transfer.agent.isEmpty())
        return std::nullopt;
    return transfer;
}

} // namespace

QueueStore::QueueStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/queue.json"_s : path)
{
    read();
}

QString QueueStore::agentKey(const client::Session *session)
{
    if (!session)
        return {};
    const client::SessionOptions &options = session->options();
    if (session->isShellSession() && !session->isWebTerminalSession())
        return u"shell:"_s + options.shellCommand + u'\n' + options.remoteRoot;
    return options.url.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash) + (options.remoteRoot.isEmpty() ? QString() : u'\n' + options.remoteRoot);
}

void QueueStore::read()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    for (const QJsonValue &value : root.value(u"transfers"_s).toArray())
        if (auto transfer = fromJson(value.toObject()))
            m_saved.append(*transfer);
}

QList<SavedTransfer> QueueStore::saved(const QString &agent) const
{
    QList<SavedTransfer> found;
    for (const SavedTransfer &transfer : m_saved)
        if (transfer.agent == agent)
            found.append(transfer);
    return found;
}

QList<SavedTransfer> QueueStore::take(const QString &agent)
{
    QList<SavedTransfer> taken;
    QList<SavedTransfer> kept;
    for (const SavedTransfer &transfer : std::as_const(m_saved))
        (transfer.agent == agent ? taken : kept).append(transfer);
    m_saved = kept;
    if (!taken.isEmpty())
        write();
    return taken;
}

bool QueueStore::setCurrent(const QList<SavedTransfer> &current)
{
    if (current == m_current)
        return true;
    m_current = current;
    return write();
}

void QueueStore::retire()
{
    m_saved += m_current;
    m_current.clear();
}

bool QueueStore::write() const
{
    QJsonArray transfers;
    for (const SavedTransfer &transfer : m_saved)
        transfers.append(toJson(transfer));
    for (const SavedTransfer &transfer : m_current)
        transfers.append(toJson(transfer));
    if (transfers.isEmpty() && !QFileInfo::exists(m_path))
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"transfers"_s, transfers}}).toJson());
    if (!file.commit()) {
        m_error = file.errorString();
        return false;
    }
    return true;
}

} // namespace ferry::ui
