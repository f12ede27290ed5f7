// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/truststore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSslCertificate>
#include <QStandardPaths>

namespace ferry::net {

TrustStore::TrustStore(const QString &path)
    : m_path(path)
{
}

QString TrustStore::defaultPath()
{
    const QString env = qEnvironmentVariable("FERRY_KNOWN_AGENTS");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/ferry/known_agents");
}

QByteArray TrustStore::fingerprint(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256);
}

QString TrustStore::displayFingerprint(const QByteArray &fingerprint)
{
    return QStringLiteral("SHA256:") + QString::fromLatin1(fingerprint.toHex(':').toUpper());
}

QByteArray TrustStore::parseFingerprint(const QString &text)
{
    QString hex = text.trimmed();
    if (hex.startsWith(QStringLiteral("SHA256:"), Qt::CaseInsensitive))
        hex = hex.mid(7);
    hex.remove(u':');
    const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    return bytes.size() == 32 ? bytes : QByteArray();
}

std::optional<QByteArray> TrustStore::pinned(const QString &hostPort) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine(4096).simplified().split(' ');
        if (fields.size() == 2 && QString::fromUtf8(fields.at(0)) == hostPort)
            return QByteArray::fromHex(fields.at(1));
    }
    return std::nullopt;
}

Expected<void> TrustStore::trust(const QString &hostPort, const QByteArray &fingerprint)
{
    QByteArray content;
    QFile existing(m_path);
    if (existing.open(QIODevice::ReadOnly)) {
        while (!existing.atEnd()) {
            const QByteArray line = existing.readLine(4096);
            if (!line.startsWith(QByteArray(hostPort.toUtf8() + ' ')))
                content += line;
        }
    }
    content += hostPort.toUtf8() + ' ' + fingerprint.toHex() + '\n';
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return std::unexpected(Error{ErrorCode::Io, QCoreApplication::translate("ferry::net", "%1: cannot save the trusted certificate: %2").arg(m_path, file.errorString())});
    return {};
}

} // namespace ferry::net
