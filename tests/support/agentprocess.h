// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QProcess>

#include <memory>

namespace ferry::client {
class Session;
}

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

/// A real ferry-agent process on a loopback port, serving a temporary root,
/// for integration tests. Can be stopped, frozen and restarted on the same
/// port to simulate dead peers and dropped connections.
class AgentProcess
{
public:
    AgentProcess();
    ~AgentProcess();

    /// Starts the agent; @p port 0 picks a free one. Returns false (with
    /// errorString()) if it did not come up.
    bool start(const QStringList &extraArgs = {}, quint16 port = 0);
    /// SIGKILL and wait.
    void kill();
    void freeze();   ///< SIGSTOP
    void thaw();     ///< SIGCONT
    bool restart(const QStringList &extraArgs = {});
    /// Starts @p program with @p leadingArgs ahead of the agent's own
    /// arguments instead of build/bin/ferry-agent: another build of the
    /// agent, or a wrapper that runs it elsewhere.
    void setCommand(const QString &program, const QStringList &leadingArgs = {});

    QString root() const { return m_dir.path() + QStringLiteral("/root"); }
    QString tokenFile() const { return m_dir.path() + QStringLiteral("/token"); }
    QString scratch() const { return m_dir.path() + QStringLiteral("/local"); }
    /// Holds root(), tokenFile(), scratch() and the port file.
    QString directory() const { return m_dir.path(); }
    quint16 port() const { return m_port; }
    QString url() const;
    QString errorString() const { return m_error; }
    /// Everything the agent printed so far.
    QString output();
    qint64 pid() const { return m_process.processId(); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
    QString m_output;
    QStringList m_lastArgs;
    QString m_program;
    QStringList m_leadingArgs;
};

/// Result of one ferry-cli run.
struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;
};

/// Runs ferry-cli against @p agent with @p args, feeding @p input on stdin.
CliResult runCli(const AgentProcess &agent, const QStringList &args, const QByteArray &input = {}, int timeoutMs = 120000);
/// Runs ferry-cli in @p environment (no agent of ours: --shell-command).
CliResult runCli(const QProcessEnvironment &environment, const QStringList &args, const QByteArray &input = {}, int timeoutMs = 120000);
/// Runs ferry-cli against @p agent with arguments given as bytes, through a
/// shell script (QProcess passes arguments through QFile::encodeName, which
/// turns bytes that are not UTF-8 into U+FFFD).
CliResult runCliBytes(const AgentProcess &agent, const QList<QByteArray> &args, int timeoutMs = 120000);
/// Starts ferry-cli without waiting (the caller owns the process).
QProcess *startCli(const AgentProcess &agent, const QStringList &args, QObject *parent);

/// A TCP port on 127.0.0.1 that was free a moment ago.
quint16 freePort();

/// Writes @p size bytes of seeded pseudo-random data.
bool writeRandomFile(const QString &path, qint64 size, quint32 seed = 1);
/// A file whose path is given as bytes, written with open(2) (QFile would
/// mangle a name that is not UTF-8); false when it could not be.
bool writeFileBytes(const QByteArray &path, const QByteArray &content);
/// The contents of the file at @p path (bytes); "<missing>" when it cannot
/// be read.
QByteArray readFileBytes(const QByteArray &path);
/// The names in directory @p path as readdir(3) gives them, sorted,
/// without "." and "..".
QList<QByteArray> namesIn(const QByteArray &path);
/// Removes @p path and everything beneath it by their bytes (rm -rf).
bool removeTree(const QByteArray &path);
/// SHA-256 of a file's contents, hex.
QByteArray fileChecksum(const QString &path);
/// The bytes of the file at @p path ("(unreadable)" when it cannot be read).
QByteArray contentOf(const QString &path);
/// @p copy holds what @p original holds: names, types, bytes, permission
/// bits, files' modification times, symlink targets; @p why says what differs.
bool treeMatches(const QString &original, const QString &copy, QString *why);
/// The JSON object in a file, such as ferry-cli's --stats; empty when the
/// file is missing or holds no object.
QJsonObject readStats(const QString &path);

/// A client session to @p agent with its token, connected (null when it
/// did not connect within a few seconds).
std::unique_ptr<ferry::client::Session> connectedSession(const AgentProcess &agent);
