// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QProcess>
#include <QString>

/// A scratch nginx on 127.0.0.1 for tests: a reverse proxy in front of
/// agents, passing their WebSocket on as a hosted agent's front door would.
/// It runs in the foreground (daemon off, its master and one worker in a
/// process group of their own) with its own prefix, configuration, pid
/// file, temporary directories and logs in a directory of the test's, and
/// can be stopped and started again on the same port.
class NginxServer
{
public:
    /// One location block: requests under @p prefix ("/", "/a/") go to the
    /// agent on 127.0.0.1:@p agentPort with the prefix taken off.
    struct Location {
        QString prefix;
        quint16 agentPort = 0;
    };
    struct Options {
        QList<Location> locations;
        /// With both set, nginx terminates TLS with this certificate (a
        /// chain, PEM) and key, and the agents behind it speak plain ws://.
        QString certificate;
        QString key;
        /// proxy_read_timeout in seconds; 0 keeps nginx's default (60 s).
        int readTimeoutSeconds = 0;
    };

    NginxServer() = default;
    ~NginxServer();
    NginxServer(const NginxServer &) = delete;
    NginxServer &operator=(const NginxServer &) = delete;

    /// Writes the configuration into @p dir and starts nginx on a free port;
    /// false with errorString() when it did not come up.
    bool start(const QString &dir, const Options &options);
    /// Fast shutdown (SIGTERM, as `nginx -s stop`): open connections are
    /// closed at once. Waits until the master and its worker are gone.
    void stop();
    /// Starts the same configuration again on the same port.
    bool restart();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    quint16 port() const { return m_port; }
    /// ws://127.0.0.1:PORT@p path (wss:// when nginx terminates TLS).
    QString url(const QString &path = QStringLiteral("/")) const;
    /// Everything nginx wrote to its error log so far.
    QString errorLog() const;
    QString errorString() const { return m_error; }
    /// The master's process id.
    qint64 pid() const { return m_process.processId(); }
    /// The worker's, which moves the data; 0 when there is none.
    qint64 workerPid() const;

private:
    bool writeConfig();
    bool launch();

    QString m_dir;
    Options m_options;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};
