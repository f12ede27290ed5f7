// SPDX-License-Identifier: GPL-3.0-or-later
#include "sshserver.h"

#include "agentprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpSocket>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace {

bool run(const QString &program, const QStringList &args, QString *error)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = program + u": "_s + QString::fromUtf8(process.readAllStandardError()).trimmed();
        return false;
    }
    return true;
}

} // namespace

SshServer::~SshServer()
{
    if (m_sshd.state() != QProcess::NotRunning) {
        m_sshd.kill();
        m_sshd.waitForFinished(5000);
    }
    if (m_madeRunDir)
        QDir(u"/run/sshd"_s).rmdir(u"."_s);
}

bool SshServer::start(const QString &dir)
{
    m_dir = dir;
    QDir().mkpath(dir);
    const QString hostKey = dir + u"/host_ed25519"_s;
    const QString clientKey = dir + u"/client_ed25519"_s;
    if (!QFile::exists(hostKey) && !run(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-f"_s, hostKey}, &m_error))
        return false;
    if (!QFile::exists(clientKey) && !run(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-f"_s, clientKey}, &m_error))
        return false;
    QFile::remove(dir + u"/authorized_keys"_s);
    if (!QFile::copy(clientKey + u".pub"_s, dir + u"/authorized_keys"_s)) {
        m_error = u"cannot write authorized_keys"_s;
        return false;
    }
    // sshd insists on its privilege separation directory.
    if (!QFileInfo::exists(u"/run/sshd"_s))
        m_madeRunDir = QDir().mkpath(u"/run/sshd"_s);
    m_port = freePort();
    const QString config = dir + u"/sshd_config"_s;
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = file.errorString();
        return false;
    }
    file.write(QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nPidFile none\nAuthorizedKeysFile %3\n"
                              "PermitRootLogin prohibit-password\nPubkeyAuthentication yes\nPasswordAuthentication no\n"
                              "KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\nUseDNS no\nAcceptEnv XDG_CACHE_HOME\n"
                              "MaxStartups 100:30:200\nLogLevel ERROR\n")
                   .arg(m_port)
                   .arg(hostKey, dir + u"/authorized_keys"_s)
                   .toUtf8());
    file.close();
    m_sshd.setProcessChannelMode(QProcess::MergedChannels);
    m_sshd.start(u"/usr/sbin/sshd"_s, {u"-D"_s, u"-e"_s, u"-f"_s, config});
    if (!m_sshd.waitForStarted(10000)) {
        m_error = u"sshd: "_s + m_sshd.errorString();
        return false;
    }
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (m_sshd.state() != QProcess::Running) {
            m_error = u"sshd exited: "_s + QString::fromUtf8(m_sshd.readAll());
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            break;
        QThread::msleep(50);
    }
    QProcess check;
    check.start(u"/bin/sh"_s, {u"-c"_s, command() + u" true"_s});
    check.closeWriteChannel();
    if (!check.waitForFinished(30000) || check.exitCode() != 0) {
        m_error = u"ssh into the scratch sshd failed: "_s + QString::fromUtf8(check.readAllStandardError()) + QString::fromUtf8(m_sshd.readAll());
        return false;
    }
    return true;
}

QString SshServer::command(const QString &cacheHome) const
{
    QString line = QStringLiteral("ssh -F /dev/null -i %1/client_ed25519 -o IdentitiesOnly=yes -o StrictHostKeyChecking=no "
                                  "-o UserKnownHostsFile=/dev/null -o GlobalKnownHostsFile=/dev/null -o BatchMode=yes "
                                  "-o LogLevel=ERROR -o ConnectTimeout=10 -p %2")
                       .arg(m_dir)
                       .arg(m_port);
    if (!cacheHome.isEmpty())
        line += u" -o SetEnv=XDG_CACHE_HOME="_s + cacheHome;
    return line + u" -T root@127.0.0.1"_s;
}
