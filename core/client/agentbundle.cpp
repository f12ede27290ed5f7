// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/agentbundle.h"

#include "core/client/shellscript.h"
#include "core/version.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

QString AgentBundle::remoteFileName()
{
    return u"ferry-agent-"_s + version() + u"-linux-x86_64"_s;
}

QStringList AgentBundle::candidates(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return {explicitPath};
    const QString fromEnvironment = qEnvironmentVariable("FERRY_PORTABLE_AGENT");
    if (!fromEnvironment.isEmpty())
        return {fromEnvironment};
    const QString bin = QCoreApplication::applicationDirPath();
    return {bin + u"/../dist/"_s + remoteFileName(), bin + u"/../lib/ferry/"_s + remoteFileName(),
            bin + u"/"_s + remoteFileName()};
}

namespace {

Error unreadable(const QString &path, const QString &why)
{
    return Error{ErrorCode::Io, QCoreApplication::translate("ferry::client", "%1: cannot read the portable agent: %2").arg(path, why)};
}

/// Feeds the whole of @p path to @p add, a MiB at a time.
Expected<void> readAll(const QString &path, const std::function<void(QByteArrayView)> &add)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(unreadable(path, file.errorString()));
    while (!file.atEnd()) {
        const QByteArray piece = file.read(1024 * 1024);
        if (piece.isEmpty())
            return std::unexpected(unreadable(path, file.errorString()));
        add(piece);
    }
    return {};
}

/// The SHA-256 the build wrote beside @p info ("HEX  NAME"), while it is
/// no older than the file itself.
QByteArray sidecarSha256(const QFileInfo &info)
{
    const QFileInfo sidecar(info.filePath() + u".sha256"_s);
    if (!sidecar.isFile() || sidecar.lastModified() < info.lastModified())
        return {};
    QFile file(sidecar.filePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray hex = file.read(64);
    if (hex.size() != 64 || QByteArray::fromHex(hex).size() != 32 || QByteArray::fromHex(hex).toHex() != hex.toLower())
        return {};
    return hex.toLower();
}

} // namespace

Expected<AgentBundle> AgentBundle::find(const QString &explicitPath)
{
    static QMutex mutex;
    static QHash<QString, AgentBundle> known;
    const QStringList paths = candidates(explicitPath);
    for (const QString &candidate : paths) {
        const QFileInfo info(candidate);
        if (!info.isFile())
            continue;
        const QString key = info.canonicalFilePath() + u'|' + QString::number(info.size()) + u'|'
                            + QString::number(info.lastModified().toMSecsSinceEpoch());
        QMutexLocker lock(&mutex);
        if (auto it = known.constFind(key); it != known.constEnd())
            return *it;
        QByteArray hex = sidecarSha256(info);
        if (hex.isEmpty()) {
            QCryptographicHash sha(QCryptographicHash::Sha256);
            if (auto read = readAll(candidate, [&sha](QByteArrayView piece) { sha.addData(piece); }); !read)
                return std::unexpected(read.error());
            hex = sha.result().toHex();
        }
        AgentBundle bundle;
        bundle.m_path = info.canonicalFilePath();
        bundle.m_size = info.size();
        bundle.m_sha256 = "sha256:" + hex;
        known.insert(key, bundle);
        return bundle;
    }
    return std::unexpected(Error{ErrorCode::NotFound, QCoreApplication::translate("ferry::client", "the portable agent %1 was not found (looked for %2); scripts/build makes it")
                                                          .arg(remoteFileName(), paths.join(u", "_s))});
}

Expected<QByteArray> AgentBundle::cksum() const
{
    shellscript::PosixCksum sum;
    if (auto read = readAll(m_path, [&sum](QByteArrayView piece) { sum.add(piece); }); !read)
        return std::unexpected(read.error());
    return "cksum:" + QByteArray::number(sum.result()) + ':' + QByteArray::number(sum.size());
}

} // namespace ferry::client
