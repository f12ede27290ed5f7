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

Expected<AgentBundle> AgentBundle::find(const QString &explicitPath)
{
    // Checksums of a ~20 MB file are worth keeping while it is unchanged.
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
        QFile file(candidate);
        if (!file.open(QIODevice::ReadOnly))
            return std::unexpected(Error{ErrorCode::NotFound, QCoreApplication::translate("ferry::client", "%1: cannot read the portable agent: %2").arg(candidate, file.errorString())});
        QCryptographicHash sha(QCryptographicHash::Sha256);
        shellscript::PosixCksum cksum;
        while (!file.atEnd()) {
            const QByteArray piece = file.read(1024 * 1024);
            if (piece.isEmpty())
                return std::unexpected(Error{ErrorCode::Io, QCoreApplication::translate("ferry::client", "%1: cannot read the portable agent: %2").arg(candidate, file.errorString())});
            sha.addData(piece);
            cksum.add(piece);
        }
        AgentBundle bundle;
        bundle.m_path = info.canonicalFilePath();
        bundle.m_size = cksum.size();
        bundle.m_sha256 = "sha256:" + sha.result().toHex();
        bundle.m_cksum = "cksum:" + QByteArray::number(cksum.result()) + ':' + QByteArray::number(cksum.size());
        known.insert(key, bundle);
        return bundle;
    }
    return std::unexpected(Error{ErrorCode::NotFound, QCoreApplication::translate("ferry::client", "the portable agent %1 was not found (looked for %2); scripts/build makes it")
                                                          .arg(remoteFileName(), paths.join(u", "_s))});
}

} // namespace ferry::client
