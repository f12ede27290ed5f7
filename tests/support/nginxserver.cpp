// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginxserver.h"

#include "agentprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

NginxServer::~NginxServer()
{
    stop();
}

QString NginxServer::url(const QString &path) const
{
    const bool tls = !m_options.certificate.isEmpty();
    return QStringLiteral("%1://127.0.0.1:%2%3").arg(tls ? u"wss"_s : u"ws"_s).arg(m_port).arg(path);
}

QString NginxServer::errorLog() const
{
    QFile file(m_dir + u"/error.log"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

qint64 NginxServer::workerPid() const
{
    const qint64 master = pid();
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(master));
    if (master <= 0 || !children.open(QIODevice::ReadOnly))
        return 0;
    return children.readAll().trimmed().split(' ').value(0).toLongLong();
}

bool NginxServer::start(const QString &dir, const Options &options)
{
    m_dir = dir;
    m_options = options;
    m_port = freePort();
    return writeConfig() && launch();
}

bool NginxServer::restart()
{
    stop();
    // nginx sets SO_REUSEADDR, so the port is free again at once; allow a
    // moment anyway should someone else have raced us to it.
    for (int i = 0; i < 20; ++i) {
        if (launch())
            return true;
        QThread::msleep(100);
    }
    return false;
}

void NginxServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    const pid_t group = pid_t(m_process.processId());
    ::kill(group, SIGTERM);
    if (!m_process.waitForFinished(10000)) {
        ::kill(-group, SIGKILL);
        m_process.waitForFinished(5000);
    }
    // A worker that outlived its master would keep the port and the
    // connections.
    ::kill(-group, SIGKILL);
}

bool NginxServer::writeConfig()
{
    for (const char *sub : {"tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"}) {
        if (!QDir().mkpath(m_dir + u'/' + QLatin1StringView(sub))) {
            m_error = u"cannot create "_s + m_dir + u'/' + QLatin1StringView(sub);
            return false;
        }
    }
    const bool tls = !m_options.certificate.isEmpty();
    QString locations;
    for (const Location &location : m_options.locations) {
        // What a hosted agent's front door needs: HTTP/1.1 to the agent, the
        // Upgrade and Connection headers passed on (nginx drops hop-by-hop
        // headers otherwise), and no buffering of the agent's answers.
        locations += QStringLiteral("        location %1 {\n"
                                    "            proxy_pass http://127.0.0.1:%2/;\n"
                                    "            proxy_http_version 1.1;\n"
                                    "            proxy_set_header Upgrade $http_upgrade;\n"
                                    "            proxy_set_header Connection $connection_upgrade;\n"
                                    "            proxy_set_header Host $host;\n"
                                    "            proxy_buffering off;\n")
                         .arg(location.prefix)
                         .arg(location.agentPort);
        if (m_options.readTimeoutSeconds > 0)
            locations += QStringLiteral("            proxy_read_timeout %1s;\n").arg(m_options.readTimeoutSeconds);
        locations += u"        }\n"_s;
    }
    QString listen = QStringLiteral("127.0.0.1:%1").arg(m_port);
    QString server;
    if (tls) {
        listen += u" ssl"_s;
        server = QStringLiteral("        ssl_certificate %1;\n        ssl_certificate_key %2;\n").arg(m_options.certificate, m_options.key);
    }
    // The tests run as root; nginx would hand its worker to nobody, who
    // cannot reach the test's private directories.
    const QString user = ::geteuid() == 0 ? u"user root root;\n"_s : QString();
    const QString config = QStringLiteral("daemon off;\n"
                                          "master_process on;\n"
                                          "worker_processes 1;\n"
                                          "%1"
                                          "pid %2/nginx.pid;\n"
                                          "error_log %2/error.log info;\n"
                                          "events { worker_connections 128; }\n"
                                          "http {\n"
                                          "    access_log %2/access.log;\n"
                                          "    client_body_temp_path %2/tmp/body;\n"
                                          "    proxy_temp_path %2/tmp/proxy;\n"
                                          "    fastcgi_temp_path %2/tmp/fastcgi;\n"
                                          "    uwsgi_temp_path %2/tmp/uwsgi;\n"
                                          "    scgi_temp_path %2/tmp/scgi;\n"
                                          "    map $http_upgrade $connection_upgrade {\n"
                                          "        default upgrade;\n"
                                          "        '' close;\n"
                                          "    }\n"
                                          "    server {\n"
                                          "        listen %3;\n"
                                          "%4"
                                          "%5"
                                          "    }\n"
                                          "}\n")
                               .arg(user, m_dir, listen, server, locations);
    QFile file(m_dir + u"/nginx.conf"_s);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config.toUtf8()) < 0) {
        m_error = file.fileName() + u": "_s + file.errorString();
        return false;
    }
    return true;
}

bool NginxServer::launch()
{
    QFile::remove(m_dir + u"/nginx.pid"_s);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setChildProcessModifier([] { ::setsid(); });
    // -e: the log for what happens before the configuration is read.
    m_process.start(u"nginx"_s, {u"-p"_s, m_dir + u'/', u"-c"_s, m_dir + u"/nginx.conf"_s, u"-e"_s, m_dir + u"/error.log"_s});
    if (!m_process.waitForStarted(10000)) {
        m_error = u"nginx: "_s + m_process.errorString() + u" (scripts/setup installs it)"_s;
        return false;
    }
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            m_error = u"nginx exited: "_s + QString::fromUtf8(m_process.readAll()) + errorLog().right(2000);
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (QFile::exists(m_dir + u"/nginx.pid"_s) && probe.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    m_error = u"nginx did not listen on port "_s + QString::number(m_port) + u": "_s + errorLog().right(2000);
    stop();
    return false;
}
