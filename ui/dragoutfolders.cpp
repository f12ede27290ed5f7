// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dragoutfolders.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cerrno>
#include <signal.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui::dragoutfolders {

namespace {

QString ownPrefix()
{
    return QString::number(QCoreApplication::applicationPid()) + u'-';
}

bool processAlive(qint64 pid)
{
    // EPERM: alive, only not ours to signal.
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

QString root()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/drag-out"_s;
}

Expected<QString> create()
{
    if (!QDir().mkpath(root()))
        return std::unexpected(Error{ErrorCode::Io, QCoreApplication::translate("ferry::ui::RemoteDragData", "Could not create a folder in %1").arg(root())});
    QTemporaryDir dir(root() + u'/' + ownPrefix() + u"XXXXXX"_s);
    if (!dir.isValid())
        return std::unexpected(Error{ErrorCode::Io, dir.errorString()});
    dir.setAutoRemove(false);
    return dir.path();
}

void remove(const QString &folder)
{
    if (folder.isEmpty() || QFileInfo(folder).absolutePath() != QFileInfo(root()).absoluteFilePath())
        return;
    // Read-only folders that came from the remote side are emptied too.
    QDir(folder).removeRecursively();
    if (QFileInfo::exists(folder)) {
        const auto makeWritable = [](const QString &path) {
            QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::WriteOwner | QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        };
        makeWritable(folder);
        QDirIterator it(folder, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            makeWritable(it.next());
        QDir(folder).removeRecursively();
    }
}

void sweepStale()
{
    const QDir dir(root());
    const QDateTime dayAgo = QDateTime::currentDateTime().addDays(-1);
    for (const QFileInfo &info : dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        bool ok = false;
        const qint64 pid = info.fileName().section(u'-', 0, 0).toLongLong(&ok);
        // A day old: even a running Ferry's target had its chance (and
        // the number may be another process's by now).
        const bool ours = pid == QCoreApplication::applicationPid();
        if (!ok || (!ours && !processAlive(pid)) || info.lastModified() < dayAgo)
            remove(info.filePath());
    }
}

void removeOwn()
{
    const QDir dir(root());
    for (const QString &name : dir.entryList({ownPrefix() + u'*'}, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden))
        remove(dir.filePath(name));
}

} // namespace ferry::ui::dragoutfolders
