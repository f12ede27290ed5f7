// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

/// A real web terminal server for tests, on 127.0.0.1 at a free port, in a
/// process group of its own so that stop() takes its shells along. With
/// FERRY_SERVER_LOG set, its output goes to that path with the program's
/// name and the port appended, for a look at what the server saw.
class WebTerminalServer
{
public:
    WebTerminalServer() = default;
    virtual ~WebTerminalServer();
    WebTerminalServer(const WebTerminalServer &) = delete;
    WebTerminalServer &operator=(const WebTerminalServer &) = delete;

    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    /// Ends the server and everything it started.
    void stop();

protected:
    /// Starts @p program and waits until @p readyPath answers HTTP 200.
    bool launch(const QString &program, const QStringList &args, const QProcessEnvironment &env, const QString &workingDir,
                const QString &readyPath, const QByteArray &authorization = {});

    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

/// WeTTY as scripts/setup installs it, serving at /wetty a shell started
/// in @p home (also its HOME).
class WettyServer : public WebTerminalServer
{
public:
    bool start(const QString &home, const QString &command = {});
    QString url() const;
};

/// Jupyter Server from Debian's packages with its terminals, serving
/// @p rootDir (also HOME, and the folder its terminals start in) and
/// accepting @p token.
class JupyterServer : public WebTerminalServer
{
public:
    bool start(const QString &rootDir, const QString &token);
    QString url() const;
    QString token() const { return m_token; }
    /// The names of the server's terminals (from its REST API); @p ok is
    /// false when the server did not answer.
    QStringList terminals(bool *ok = nullptr) const;
    /// Deletes a terminal as the server's own pages do, which hangs up on
    /// what runs in it; true when the server said so within @p timeoutMs.
    bool deleteTerminal(const QString &name, int timeoutMs = 10000) const;

private:
    QString m_token;
};

/// Where WeTTY is: $FERRY_WETTY, else where scripts/setup puts it.
QString wettyProgram();
/// A process's resident set (VmRSS) in bytes; -1 when it is gone.
qint64 processRssBytes(qint64 pid);
