// SPDX-License-Identifier: GPL-3.0-or-later
#include "webterminalserver.h"

#include "agentprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

struct HttpReply
{
    int status = 0;
    QByteArray body;
};

/// @p method @p path on 127.0.0.1:@p port; status 0 when nothing answered.
/// Plain HTTP/1.0 (the server closes after its answer) keeps this free of
/// a network stack.
HttpReply httpRequest(quint16 port, const QByteArray &method, const QString &path, const QByteArray &authorization, int timeoutMs = 3000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(500))
        return {};
    QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.0\r\nHost: 127.0.0.1\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    socket.write(request + "\r\n");
    QByteArray reply;
    QDeadlineTimer deadline(timeoutMs);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired() && socket.waitForReadyRead(int(deadline.remainingTime())))
        reply += socket.readAll();
    reply += socket.readAll();
    const qsizetype headEnd = reply.indexOf("\r\n\r\n");
    const QList<QByteArray> status = reply.left(reply.indexOf("\r\n")).split(' ');
    if (status.size() < 2 || headEnd < 0)
        return {};
    return {status.at(1).toInt(), reply.mid(headEnd + 4)};
}

int httpStatus(quint16 port, const QString &path, const QByteArray &authorization)
{
    return httpRequest(port, "GET", path, authorization).status;
}

} // namespace

WebTerminalServer::~WebTerminalServer()
{
    stop();
}

void WebTerminalServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    const pid_t group = pid_t(m_process.processId());
    ::kill(-group, SIGTERM);
    if (!m_process.waitForFinished(5000)) {
        ::kill(-group, SIGKILL);
        m_process.waitForFinished(5000);
    }
    // Shells that outlived their server.
    ::kill(-group, SIGKILL);
}

bool WebTerminalServer::launch(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                               const QString &workingDir, const QString &readyPath, const QByteArray &authorization)
{
    m_process.setProgram(program);
    m_process.setArguments(args);
    m_process.setProcessEnvironment(env);
    m_process.setWorkingDirectory(workingDir);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    if (qEnvironmentVariableIsSet("FERRY_SERVER_LOG"))
        m_process.setStandardOutputFile(qEnvironmentVariable("FERRY_SERVER_LOG") + QFileInfo(program).fileName() + QString::number(m_port));
    m_process.setChildProcessModifier([] { ::setsid(); });
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_error = program + u": "_s + m_process.errorString();
        return false;
    }
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            m_error = program + u" exited: "_s + QString::fromUtf8(m_process.readAll()).right(2000);
            return false;
        }
        if (httpStatus(m_port, readyPath, authorization) == 200)
            return true;
        QThread::msleep(100);
    }
    m_error = program + u" did not answer on port "_s + QString::number(m_port) + u": "_s + QString::fromUtf8(m_process.readAll()).right(2000);
    stop();
    return false;
}

QString wettyProgram()
{
    const QString configured = qEnvironmentVariable("FERRY_WETTY");
    return configured.isEmpty() ? u"/opt/ferry/wetty/node_modules/.bin/wetty"_s : configured;
}

bool WettyServer::start(const QString &home, const QString &command)
{
    if (!QFileInfo(wettyProgram()).isExecutable()) {
        m_error = wettyProgram() + u" is missing: scripts/setup installs WeTTY"_s;
        return false;
    }
    m_port = freePort();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home);
    env.insert(u"SHELL"_s, u"/bin/bash"_s);
    env.remove(u"XDG_CACHE_HOME"_s);
    return launch(wettyProgram(),
                  {u"--host"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(m_port), u"--base"_s, u"/wetty"_s,
                   u"--command"_s, command.isEmpty() ? u"/bin/bash --noprofile --norc -i"_s : command},
                  env, home, u"/wetty"_s);
}

QString WettyServer::url() const
{
    return QStringLiteral("wetty+ws://127.0.0.1:%1/wetty").arg(m_port);
}

bool JupyterServer::start(const QString &rootDir, const QString &token)
{
    m_token = token;
    m_port = freePort();
    // Everything of the server's own under the scratch root: no user's
    // configuration, and the remote cache lands in ROOT/.cache.
    const QString state = rootDir + u"/.jupyter"_s;
    QDir().mkpath(state);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, rootDir);
    env.insert(u"SHELL"_s, u"/bin/bash"_s);
    env.insert(u"JUPYTER_CONFIG_DIR"_s, state + u"/config"_s);
    env.insert(u"JUPYTER_DATA_DIR"_s, state + u"/data"_s);
    env.insert(u"JUPYTER_RUNTIME_DIR"_s, state + u"/runtime"_s);
    env.insert(u"JUPYTER_TOKEN"_s, token);
    env.remove(u"XDG_CACHE_HOME"_s);
    env.remove(u"JUPYTER_PATH"_s);
    return launch(u"/usr/bin/python3"_s,
                  {u"-m"_s, u"jupyter_server"_s, u"--ip=127.0.0.1"_s, u"--port="_s + QString::number(m_port),
                   u"--ServerApp.port_retries=0"_s, u"--ServerApp.open_browser=False"_s, u"--allow-root"_s,
                   u"--ServerApp.root_dir="_s + rootDir},
                  env, rootDir, u"/api/status"_s, "token " + token.toUtf8());
}

QStringList JupyterServer::terminals(bool *ok) const
{
    const HttpReply reply = httpRequest(m_port, "GET", u"/api/terminals"_s, "token " + m_token.toUtf8());
    if (ok)
        *ok = reply.status == 200;
    QStringList names;
    for (const QJsonValue &terminal : QJsonDocument::fromJson(reply.body).array())
        names += terminal.toObject().value("name"_L1).toString();
    return names;
}

bool JupyterServer::deleteTerminal(const QString &name, int timeoutMs) const
{
    return httpRequest(m_port, "DELETE", u"/api/terminals/"_s + name, "token " + m_token.toUtf8(), timeoutMs).status == 204;
}

QString JupyterServer::url() const
{
    return QStringLiteral("jupyter+http://127.0.0.1:%1/").arg(m_port);
}

qint64 processRssBytes(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (pid <= 0 || !status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}
