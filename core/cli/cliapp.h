// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/remotefs.h"
#include "core/client/session.h"
#include "core/error.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class QTimer;

namespace ferry::transfer {
class Job;
}

namespace ferry::copy {
class ConflictHandler;
}

namespace ferry::cli {

struct CliPath;

/// Exit statuses of ferry-cli (exec returns the command's own status).
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,        ///< an operation failed (remote or local error)
    ExitUsage = 2,
    ExitConnection = 3,
    ExitAuthentication = 4,
};

/// ferry-cli: parses the command line, connects, runs one command and
/// returns its exit status. All work goes through the core's jobs; this
/// class only translates between them and a terminal.
class CliApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliApp)

public:
    explicit CliApp(const QStringList &arguments, QObject *parent = nullptr);
    ~CliApp() override;

    /// Runs the event loop until the command is done.
    int run();

private:
    using Command = void (CliApp::*)(const QStringList &);
    static const QHash<QString, Command> &commandTable();
    struct Totals {
        qint64 bytes = 0;
        qint64 files = 0;
        qint64 resumedBytes = 0;
    };

    bool parseGlobal(const QStringList &arguments);
    void startCommand();
    void askToTrust(const Error &reason);
    void finish(int code);
    /// Prints "ferry-cli: MESSAGE" and finishes with a status for the error.
    void fail(const Error &error);
    void usage(const QString &message);
    void warn(const QString &message);
    int exitCodeFor(const Error &error) const;
    void writeStats();
    /// Runs @p job, showing progress on a terminal; @p done gets its error.
    void runJob(transfer::Job *job, const QString &label, std::function<void(const Error &)> done);

    // Commands (clicommands.cpp, clicopy.cpp).
    void cmdLs(const QStringList &args);
    void cmdStat(const QStringList &args);
    void cmdMkdir(const QStringList &args);
    void cmdRm(const QStringList &args);
    void cmdMv(const QStringList &args);
    void cmdChmod(const QStringList &args);
    void cmdDf(const QStringList &args);
    void cmdHash(const QStringList &args);
    void cmdCp(const QStringList &args);
    void cmdArchive(const QStringList &args);
    void cmdExtract(const QStringList &args);
    void cmdCompress(const QStringList &args);
    /// Progress of work the agent does (hash, extract, compress) on the
    /// terminal, like a transfer's; null without --progress.
    std::function<void(qint64 done, qint64 total)> agentProgress(const QString &label) const;
    void cmdExec(const QStringList &args);
    /// Runs one simple request per remote path, in order, stopping at the first error.
    void forEachPath(const QStringList &paths, const std::function<void(const QString &path, std::function<void(const Error &)> next)> &step);
    /// forEachPath() with one request @p op per path, built by @p args.
    /// Runs @p call on each path in turn; the first failure ends the command.
    void forEachCall(const QStringList &paths, const std::function<void(const QString &path, client::FileSystem::Done<void> done)> &call);
    bool remoteArgs(const QString &command, const QStringList &args, QStringList *paths);

    QStringList m_arguments;
    QString m_command;
    QStringList m_commandArgs;
    client::SessionOptions m_options;
    client::Session *m_session = nullptr;
    std::unique_ptr<client::RemoteFs> m_remote; ///< the agent's files, through m_session
    QString m_statsPath;
    bool m_progress = false;
    bool m_quiet = false;
    int m_exitCode = -1;
    bool m_finished = false;
    Totals m_totals;
    QElapsedTimer m_clock;
    QTimer *m_progressTimer;
    std::unique_ptr<copy::ConflictHandler> m_conflictHandler;
    QList<std::shared_ptr<void>> m_chains; ///< continuations of multi-step commands
};

} // namespace ferry::cli
