// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/auth.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <array>
#include <cerrno>
#include <cmath>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ferry::net::auth {

namespace {

QByteArray proof(const QByteArray &token, QByteArrayView label, const QByteArray &first, const QByteArray &second)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, token);
    mac.addData(label);
    mac.addData(first);
    mac.addData(second);
    return mac.result();
}

QByteArray randomBytes(qsizetype n)
{
    QByteArray out(n, Qt::Uninitialized);
    // QRandomGenerator::system() is the OS CSPRNG (getrandom).
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(out.data()), n / qsizetype(sizeof(quint32)));
    return out;
}

} // namespace

QString defaultTokenPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/ferry/agent-token");
}

QByteArray randomNonce()
{
    return randomBytes(kNonceSize);
}

Expected<QByteArray> loadSecret(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(Error{file.exists() ? ErrorCode::PermissionDenied : ErrorCode::NotFound,
                                     QCoreApplication::translate("ferry::auth", "%1: cannot read token: %2").arg(path, file.errorString())});
    const QByteArray secret = file.readLine(4096).trimmed();
    if (secret.isEmpty())
        return std::unexpected(Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::auth", "%1: the token file is empty").arg(path)});
    return secret;
}

Expected<QByteArray> loadToken(const QString &path, bool createIfMissing)
{
    QFile file(path);
    if (!file.exists()) {
        if (!createIfMissing)
            return std::unexpected(Error{ErrorCode::NotFound, QCoreApplication::translate("ferry::auth", "%1: token file not found").arg(path)});
        const QString dir = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(dir))
            return std::unexpected(Error::fromErrno(errno, dir));
        const QByteArray encoded = QFile::encodeName(path);
        // O_EXCL: never overwrite a token another process just wrote.
        const int fd = ::open(encoded.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            return std::unexpected(Error::fromErrno(errno, path));
        if (fd >= 0) {
            const QByteArray line = randomBytes(kTokenBytes).toHex() + '\n';
            const bool ok = ::write(fd, line.constData(), size_t(line.size())) == line.size() && ::fsync(fd) == 0;
            const int saved = errno;
            ::close(fd);
            if (!ok)
                return std::unexpected(Error::fromErrno(saved, path));
        }
    }
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(Error{ErrorCode::PermissionDenied, QCoreApplication::translate("ferry::auth", "%1: cannot read token: %2").arg(path, file.errorString())});
    const QByteArray token = file.readLine(4096).trimmed();
    if (token.size() < 32)
        return std::unexpected(Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::auth", "%1: token is shorter than 128 bits").arg(path)});
    return token;
}

double estimatedEntropyBits(const QByteArray &token)
{
    if (token.isEmpty())
        return 0;
    std::array<int, 256> counts{};
    for (const char c : token)
        ++counts[quint8(c)];
    double perCharacter = 0;
    for (const int count : counts) {
        if (count == 0)
            continue;
        const double p = double(count) / double(token.size());
        perCharacter -= p * std::log2(p);
    }
    return perCharacter * double(token.size());
}

Expected<QByteArray> loadAgentToken(const QString &path)
{
    auto token = loadToken(path, true);
    if (!token)
        return token;
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::unexpected(Error::fromErrno(errno, path));
    if (st.st_mode & 077) {
        return std::unexpected(Error{ErrorCode::PermissionDenied,
                                     QCoreApplication::translate("ferry::auth", "%1: the token file can be read by others (mode %2); make it private with: chmod 600 %1")
                                         .arg(path, QString::number(st.st_mode & 0777, 8).rightJustified(4, u'0'))});
    }
    const double bits = estimatedEntropyBits(*token);
    if (bits < kMinTokenEntropyBits) {
        return std::unexpected(Error{ErrorCode::InvalidArgument,
                                     QCoreApplication::translate("ferry::auth", "%1: the token is too easy to guess (about %2 bits of entropy, at least %3 wanted); delete the file and the agent makes a random one")
                                         .arg(path).arg(int(bits)).arg(int(kMinTokenEntropyBits))});
    }
    return token;
}

QByteArray clientProof(const QByteArray &token, const QByteArray &agentNonce, const QByteArray &clientNonce)
{
    return proof(token, "ferry/1 client", agentNonce, clientNonce);
}

QByteArray agentProof(const QByteArray &token, const QByteArray &agentNonce, const QByteArray &clientNonce)
{
    return proof(token, "ferry/1 agent", clientNonce, agentNonce);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace ferry::net::auth
