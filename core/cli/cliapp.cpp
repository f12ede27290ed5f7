// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/cliapp.h"

#include "core/cli/remotepath.h"
#include "core/cli/terminalconflicthandler.h"
#include "core/client/webterminal.h"
#include "core/copy/conflict.h"
#include "core/humanformat.h"
#include "core/net/auth.h"
#include "core/net/truststore.h"
#include "core/pathcodec.h"
#include "core/protocol/frame.h"
#include "core/transfer/job.h"
#include "core/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::cli {

namespace {

QString helpText()
{
    return QCoreApplication::translate("ferry::cli",
        "Commands (a path starting with ':' is remote, relative to the agent's root):\n"
        "  ls [-l] [--json] :PATH          list a directory\n"
        "  stat [--json] :PATH             show one entry\n"
        "  mkdir [-p] :PATH...             create directories\n"
        "  rm [-r] :PATH...                remove files (and trees with -r)\n"
        "  mv [-f] :SRC... :DST            rename or move within the remote tree (-f: replace)\n"
        "  chmod MODE :PATH...             change permission bits (octal MODE)\n"
        "  df :PATH                        free space of the remote file system\n"
        "  hash :PATH                      XXH3-128 checksum of a remote file\n"
        "  cp [-r] [-T] [--no-perms] [--no-times] [--on-conflict=POLICY] SRC... DST\n"
        "                                  upload (local to remote), download, or copy\n"
        "                                  within the remote tree (:SRC... :DST)\n"
        "  archive [--format=FORMAT] [--overwrite] :PATH... OUT\n"
        "                                  download as one archive that the agent builds as it\n"
        "                                  sends: tar, tar.gz, tar.bz2, tar.xz, tar.zst or zip, by\n"
        "                                  OUT's suffix unless --format says\n"
        "  extract [--on-conflict=fail|overwrite|skip] ARCHIVE :DIR\n"
        "                                  unpack an archive (tar, tar.*, zip) into DIR: a local one\n"
        "                                  is uploaded first; a remote one (:ARCHIVE) is unpacked\n"
        "                                  where it lies\n"
        "  compress [--overwrite] :PATH... :ARCHIVE\n"
        "                                  pack remote entries into a remote archive (tar, tar.gz,\n"
        "                                  tar.bz2, tar.xz, tar.zst, zip, by ARCHIVE's suffix)\n"
        "  exec [--cwd :DIR] [--shell 'STRING' | [--] CMD [ARGS...]]\n"
        "                                  run a command on the agent with our stdin/stdout/stderr\n"
        "\n"
        "Names are shown escaped, and remote paths are read back the same way: a byte that\n"
        "is not UTF-8 and a control character are \\xHH (\\xE9), a backslash is \\\\; so\n"
        "':caf\\xE9.txt' names the file ls shows as caf\\xE9.txt. A backslash followed by\n"
        "anything else in a remote path is an error. Local paths are taken as the shell\n"
        "passes them.\n"
        "\n"
        "Ways in: --url ws://HOST:PORT (an agent listening there), --url wetty+ws://HOST:PORT/wetty\n"
        "(a WeTTY web terminal), --url jupyter+http://HOST:PORT/ --token-file FILE (a Jupyter\n"
        "server's terminals), --shell-command CMD (a shell that CMD opens).\n"
        "\n"
        "Exit status: 0 success, 1 operation failed, 2 usage, 3 connection, 4 authentication;\n"
        "exec exits with the remote command's status.");
}

} // namespace

CliApp::CliApp(const QStringList &arguments, QObject *parent)
    : QObject(parent)
    , m_arguments(arguments)
    , m_progressTimer(new QTimer(this))
{
    m_progressTimer->setInterval(200);
}

CliApp::~CliApp() = default;

int CliApp::run()
{
    m_clock.start();
    if (!parseGlobal(m_arguments))
        return m_exitCode;
    m_session = new client::Session(m_options, this);
    m_remote = std::make_unique<client::RemoteFs>(m_session);
    connect(m_session, &client::Session::connected, this, [this] {
        if (m_command.isEmpty())
            return;
        if (m_session->reconnects() == 0)
            startCommand();
        else if (!m_quiet)
            warn(QCoreApplication::translate("ferry::cli", "reconnected"));
    });
    connect(m_session, &client::Session::connectionLost, this, [this](const Error &reason) {
        if (!m_quiet && !m_finished && m_options.reconnectForMs > 0)
            warn(QCoreApplication::translate("ferry::cli", "connection lost: %1; reconnecting").arg(reason.message));
    });
    connect(m_session, &client::Session::failed, this, [this](const Error &reason) {
        if (m_finished)
            return;
        if ((reason.code == ErrorCode::UntrustedCertificate || reason.code == ErrorCode::CertificateChanged) && !m_session->peerFingerprint().isEmpty())
            return askToTrust(reason);
        fail(reason);
    });
    connect(m_session, &client::Session::bootstrapProgress, this, [this](const QString &stage, qint64 done, qint64 total) {
        if (!m_progress)
            return;
        if (total > 0)
            std::fprintf(stderr, "\r%s: %d%%", qPrintable(stage), int(done * 100 / total));
        else
            std::fprintf(stderr, "\r\033[K%s...", qPrintable(stage));
        std::fflush(stderr);
    });
    connect(m_session, &client::Session::connected, this, [this] {
        if (m_progress && m_session->isShellSession())
            std::fputs("\r\033[K", stderr);
    });
    m_session->open();
    if (!m_finished)
        QCoreApplication::exec();
    writeStats();
    // A Jupyter terminal outlives its socket: ask the server to end it.
    m_session->close();
    client::JupyterChannel::finishCleanup(3000);
    return m_exitCode;
}

bool CliApp::parseGlobal(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ferry::cli", "Ferry command line client: files and commands on a remote agent, over one WebSocket or through a shell.")
                                     + u"\n\n"_s + helpText());
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption urlOption(u"url"_s, QCoreApplication::translate("ferry::cli", "Agent URL (default $FERRY_URL or ws://127.0.0.1:7707)."), u"URL"_s);
    const QCommandLineOption shellOption(u"shell-command"_s, QCoreApplication::translate("ferry::cli", "Reach the remote through a shell instead of a listening agent: CMD runs here through /bin/sh -c and its stdin/stdout are a POSIX shell there ('ssh -T host', 'kubectl exec -i POD -- sh', 'docker exec -i CTR sh'). The agent is brought along and cached on the remote."), u"CMD"_s);
    const QCommandLineOption remoteRootOption(u"remote-root"_s, QCoreApplication::translate("ferry::cli", "With --shell-command: the folder to serve (default: the shell's working directory)."), u"DIR"_s);
    const QCommandLineOption bundleOption(u"agent-bundle"_s, QCoreApplication::translate("ferry::cli", "With --shell-command: the portable agent to bring along (default: the one built beside ferry-cli)."), u"FILE"_s);
    const QCommandLineOption tokenOption(u"token-file"_s, QCoreApplication::translate("ferry::cli", "Token file (default $FERRY_TOKEN_FILE or %1).").arg(net::auth::defaultTokenPath()), u"FILE"_s);
    const QCommandLineOption heartbeatOption(u"heartbeat"_s, QCoreApplication::translate("ferry::cli", "Heartbeat interval in milliseconds."), u"MS"_s, u"5000"_s);
    const QCommandLineOption deadAfterOption(u"dead-after"_s, QCoreApplication::translate("ferry::cli", "Declare the agent dead after this many silent milliseconds."), u"MS"_s, u"15000"_s);
    const QCommandLineOption reconnectOption(u"reconnect-for"_s, QCoreApplication::translate("ferry::cli", "Keep reconnecting this many milliseconds after a drop; 0 never."), u"MS"_s, u"60000"_s);
    const QCommandLineOption trustOption(u"trust"_s, QCoreApplication::translate("ferry::cli", "wss://: trust the agent certificate with this SHA-256 fingerprint (pinned for later)."), u"FINGERPRINT"_s);
    const QCommandLineOption limitRateOption(u"limit-rate"_s, QCoreApplication::translate("ferry::cli", "Cap transfers at RATE bytes per second in each direction, e.g. 500K, 2M or 1.5M (K, M, G: 1024 multiples); 0 means no limit."), u"RATE"_s);
    const QCommandLineOption compressOption(u"compress"_s, QCoreApplication::translate("ferry::cli", "Compress file data on the wire: auto (what shrinks), on (every file) or off (default $FERRY_COMPRESS or auto)."), u"MODE"_s);
    const QCommandLineOption statsOption(u"stats"_s, QCoreApplication::translate("ferry::cli", "Write transfer statistics as JSON to FILE at the end."), u"FILE"_s);
    const QCommandLineOption progressOption(u"progress"_s, QCoreApplication::translate("ferry::cli", "Show progress even when not on a terminal."));
    const QCommandLineOption quietOption(u"quiet"_s, QCoreApplication::translate("ferry::cli", "No progress and no notices, errors only."));
    parser.addOptions({urlOption, shellOption, remoteRootOption, bundleOption, tokenOption, heartbeatOption, deadAfterOption, reconnectOption, trustOption, limitRateOption, compressOption, statsOption, progressOption, quietOption});
    parser.addPositionalArgument(u"command"_s, QCoreApplication::translate("ferry::cli", "The command to run, then its arguments."));
    if (!parser.parse(arguments)) {
        usage(parser.errorText());
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        m_exitCode = ExitOk;
        return false;
    }
    if (parser.isSet(u"version"_s)) {
        std::printf("ferry-cli %s\n", qPrintable(version()));
        m_exitCode = ExitOk;
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        usage(QCoreApplication::translate("ferry::cli", "no command given (see --help)"));
        return false;
    }
    m_command = positional.first();
    m_commandArgs = positional.mid(1);
    if (!commandTable().contains(m_command)) {
        usage(QCoreApplication::translate("ferry::cli", "unknown command '%1' (see --help)").arg(m_command));
        return false;
    }

    if (parser.isSet(shellOption)) {
        if (parser.isSet(urlOption)) {
            usage(QCoreApplication::translate("ferry::cli", "--url and --shell-command are two ways in: give one"));
            return false;
        }
        m_options.shellCommand = parser.value(shellOption);
        if (m_options.shellCommand.trimmed().isEmpty()) {
            usage(QCoreApplication::translate("ferry::cli", "--shell-command needs a command"));
            return false;
        }
        m_options.remoteRoot = parser.value(remoteRootOption);
        m_options.agentBundle = parser.value(bundleOption);
    } else {
        const QString url = parser.isSet(urlOption) ? parser.value(urlOption) : qEnvironmentVariable("FERRY_URL", u"ws://127.0.0.1:7707"_s);
        m_options.url = QUrl(url, QUrl::StrictMode);
        const bool webTerminal = client::isWebTerminalUrl(m_options.url);
        if (!m_options.url.isValid() || m_options.url.host().isEmpty()
            || (m_options.url.scheme() != "ws"_L1 && m_options.url.scheme() != "wss"_L1 && !webTerminal)) {
            usage(QCoreApplication::translate("ferry::cli", "'%1' is not a ws://, wss://, wetty+ws://, wetty+wss://, jupyter+http:// or jupyter+https:// URL").arg(url));
            return false;
        }
        if (!webTerminal && (parser.isSet(remoteRootOption) || parser.isSet(bundleOption))) {
            usage(QCoreApplication::translate("ferry::cli", "--remote-root and --agent-bundle go with --shell-command or a web terminal's URL"));
            return false;
        }
        m_options.remoteRoot = parser.value(remoteRootOption);
        m_options.agentBundle = parser.value(bundleOption);
    }
    bool ok1 = false, ok2 = false, ok3 = false;
    m_options.connection.heartbeatMs = parser.value(heartbeatOption).toInt(&ok1);
    m_options.connection.deadAfterMs = parser.value(deadAfterOption).toInt(&ok2);
    m_options.reconnectForMs = parser.value(reconnectOption).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3 || m_options.connection.heartbeatMs < 50 || m_options.connection.deadAfterMs <= m_options.connection.heartbeatMs || m_options.reconnectForMs < 0) {
        usage(QCoreApplication::translate("ferry::cli", "--heartbeat, --dead-after and --reconnect-for take milliseconds; --dead-after must exceed --heartbeat"));
        return false;
    }
    if (parser.isSet(limitRateOption)) {
        const auto rate = parseSize(parser.value(limitRateOption));
        if (!rate || *rate > protocol::kMaxRateLimit) {
            usage(QCoreApplication::translate("ferry::cli", "--limit-rate: %1")
                      .arg(rate ? QCoreApplication::translate("ferry::cli", "'%1' is above the highest limit, 1024G").arg(parser.value(limitRateOption)) : rate.error().message));
            return false;
        }
        m_options.uploadRateLimit = *rate;
        m_options.downloadRateLimit = *rate;
    }
    if (client::isJupyterUrl(m_options.url) && m_options.shellCommand.isEmpty()) {
        // The Jupyter server's own token, from a file only: a command line
        // is visible to every user of the machine.
        if (!parser.isSet(tokenOption) && qEnvironmentVariableIsEmpty("FERRY_TOKEN_FILE")) {
            usage(QCoreApplication::translate("ferry::cli", "a Jupyter server needs its token: --token-file FILE"));
            return false;
        }
        auto token = net::auth::loadSecret(parser.isSet(tokenOption) ? parser.value(tokenOption) : qEnvironmentVariable("FERRY_TOKEN_FILE"));
        if (!token) {
            std::fprintf(stderr, "ferry-cli: %s\n", qPrintable(token.error().message));
            m_exitCode = ExitAuthentication;
            return false;
        }
        m_options.token = *token;
    } else if (m_options.shellCommand.isEmpty() && !client::isWettyUrl(m_options.url)) {
        // Behind a shell the agent needs no token: the shell's login was the door.
        const QString tokenPath = parser.isSet(tokenOption) ? parser.value(tokenOption) : qEnvironmentVariable("FERRY_TOKEN_FILE", net::auth::defaultTokenPath());
        auto token = net::auth::loadToken(tokenPath, false);
        if (!token) {
            std::fprintf(stderr, "ferry-cli: %s\n", qPrintable(token.error().message));
            m_exitCode = ExitAuthentication;
            return false;
        }
        m_options.token = *token;
    }
    if (parser.isSet(trustOption)) {
        m_options.trustFingerprint = net::TrustStore::parseFingerprint(parser.value(trustOption));
        if (m_options.trustFingerprint.isEmpty()) {
            usage(QCoreApplication::translate("ferry::cli", "--trust expects a SHA-256 fingerprint (64 hex digits, colons allowed)"));
            return false;
        }
    }
    const QString compress = parser.isSet(compressOption) ? parser.value(compressOption) : qEnvironmentVariable("FERRY_COMPRESS", u"auto"_s);
    if (const auto mode = net::compressionModeFromString(compress)) {
        m_options.compression = *mode;
    } else {
        usage(QCoreApplication::translate("ferry::cli", "--compress (or $FERRY_COMPRESS) expects auto, on or off, not \"%1\"").arg(compress));
        return false;
    }
    m_statsPath = parser.value(statsOption);
    m_quiet = parser.isSet(quietOption);
    m_progress = !m_quiet && (parser.isSet(progressOption) || (::isatty(STDOUT_FILENO) && ::isatty(STDERR_FILENO)));
    return true;
}

void CliApp::askToTrust(const Error &reason)
{
    const QString shown = net::TrustStore::displayFingerprint(m_session->peerFingerprint());
    // Only a person who can compare the fingerprint may vouch for it; and a
    // changed certificate is never waved through from here.
    const bool changed = reason.code == ErrorCode::CertificateChanged;
    if (changed || !::isatty(STDIN_FILENO) || !::isatty(STDERR_FILENO)) {
        fail(Error{reason.code, reason.message + u"\n"_s
                                    + QCoreApplication::translate("ferry::cli", "ferry-cli: if this is the agent's certificate, trust it with --trust %1").arg(shown)});
        return;
    }
    std::fprintf(stderr, "%s\n", qPrintable(reason.message));
    std::fprintf(stderr, "%s", qPrintable(QCoreApplication::translate("ferry::cli", "Compare it with what the agent printed at start. Trust this certificate? [y/N] ")));
    std::fflush(stderr);
    char answer[16] = {};
    if (!std::fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y')) {
        fail(reason);
        return;
    }
    if (auto saved = m_session->trustPeer(m_session->peerFingerprint()); !saved) {
        fail(saved.error());
        return;
    }
    m_session->open();
}

void CliApp::startCommand()
{
    (this->*commandTable().value(m_command))(m_commandArgs);
}

void CliApp::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = code;
    m_progressTimer->stop();
    QTimer::singleShot(0, QCoreApplication::instance(), [] { QCoreApplication::exit(0); });
}

int CliApp::exitCodeFor(const Error &error) const
{
    switch (error.code) {
    case ErrorCode::Authentication:
    case ErrorCode::UntrustedCertificate:
    case ErrorCode::CertificateChanged: return ExitAuthentication;
    case ErrorCode::Connection:
    case ErrorCode::Overloaded:
    case ErrorCode::TooManyClients: return ExitConnection;
    case ErrorCode::Protocol: return m_session && m_session->connection() ? ExitFailure : ExitConnection;
    default: return ExitFailure;
    }
}

void CliApp::fail(const Error &error)
{
    if (m_finished)
        return; // the first error is the one to report
    if (m_progress)
        std::fputs("\r\033[K", stderr);
    std::fprintf(stderr, "ferry-cli: %s\n", qPrintable(error.message));
    finish(exitCodeFor(error));
}

void CliApp::usage(const QString &message)
{
    std::fprintf(stderr, "ferry-cli: %s\n", qPrintable(message));
    m_exitCode = ExitUsage;
    if (m_session)
        finish(ExitUsage);
}

void CliApp::warn(const QString &message)
{
    if (m_progress)
        std::fputs("\r\033[K", stderr);
    std::fprintf(stderr, "ferry-cli: %s\n", qPrintable(message));
}

void CliApp::writeStats()
{
    if (m_statsPath.isEmpty() || !m_session)
        return;
    const net::RttStats &rtt = m_session->rtt();
    const QJsonObject heartbeat{{u"count"_s, qint64(rtt.count())}, {u"min"_s, rtt.min()}, {u"p50"_s, rtt.percentile(50)}, {u"p99"_s, rtt.percentile(99)}, {u"max"_s, rtt.max()}};
    qint64 peak = m_session->peakWindow();
    if (m_session->connection())
        peak = std::max(peak, m_session->connection()->peakWindow());
    QJsonObject stats{{u"bytes"_s, m_totals.bytes},
                            {u"file_bytes"_s, m_totals.bytes},
                            {u"wire_bytes"_s, m_session->wireBytes()},
                            {u"compression"_s, net::codecName(m_session->codec())},
                            {u"files"_s, m_totals.files},
                            {u"seconds"_s, double(m_clock.elapsed()) / 1000.0},
                            {u"reconnects"_s, m_session->reconnects()},
                            {u"resumed_bytes"_s, m_totals.resumedBytes},
                            {u"peak_window_bytes"_s, peak},
                            {u"heartbeat_rtt_ms"_s, heartbeat},
                            {u"exit_code"_s, m_exitCode}};
    const client::TransportInfo &info = m_session->transportInfo();
    QJsonObject transport{{u"kind"_s, info.kind}};
    if (info.kind != "websocket"_L1) {
        transport.insert(u"framing_in"_s, info.framingIn);
        transport.insert(u"framing_out"_s, info.framingOut);
        transport.insert(u"bootstrap_seconds"_s, double(info.bootstrapMs) / 1000.0);
        transport.insert(u"agent_uploaded_bytes"_s, info.agentUploadedBytes);
    }
    stats.insert(u"transport"_s, transport);
    QSaveFile file(m_statsPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(stats).toJson()) < 0 || !file.commit())
        std::fprintf(stderr, "ferry-cli: %s\n", qPrintable(QCoreApplication::translate("ferry::cli", "cannot write %1: %2").arg(m_statsPath, file.errorString())));
}

void CliApp::runJob(transfer::Job *job, const QString &label, std::function<void(const Error &)> done)
{
    job->setParent(this);
    if (m_progress) {
        const auto show = [this, job, label] {
            // A question on the terminal is not overwritten by progress.
            if (auto *terminal = dynamic_cast<TerminalConflictHandler *>(m_conflictHandler.get()); terminal && terminal->isPrompting())
                return;
            std::fprintf(stderr, "\r\033[K%s", qPrintable(progressLine(label, job->processedBytes(), job->totalBytes(), job->speed(), job->etaSeconds())));
            std::fflush(stderr);
        };
        connect(m_progressTimer, &QTimer::timeout, job, show);
        m_progressTimer->start();
    }
    connect(job, &transfer::Job::finished, this, [this, job, done = std::move(done)] {
        m_progressTimer->disconnect(job);
        if (m_progress)
            std::fputs("\r\033[K", stderr);
        m_totals.resumedBytes += job->resumedBytes();
        if (job->succeeded() && job->totalBytes() > 0)
            m_totals.bytes += job->totalBytes() - job->resumedBytes();
        job->deleteLater();
        done(job->error());
    });
    job->start();
}

bool CliApp::remoteArgs(const QString &command, const QStringList &args, QStringList *paths)
{
    for (const QString &arg : args) {
        if (!arg.startsWith(u':')) {
            usage(QCoreApplication::translate("ferry::cli", "%1: '%2' is not a remote path (remote paths start with ':')").arg(command, pathcodec::escaped(arg)));
            return false;
        }
        const Expected<QString> path = CliPath::remotePath(arg);
        if (!path) {
            usage(command + u": "_s + path.error().message);
            return false;
        }
        paths->append(*path);
    }
    if (paths->isEmpty()) {
        usage(QCoreApplication::translate("ferry::cli", "%1: no path given").arg(command));
        return false;
    }
    return true;
}

void CliApp::forEachPath(const QStringList &paths, const std::function<void(const QString &, std::function<void(const Error &)>)> &step)
{
    auto index = std::make_shared<qsizetype>(0);
    // The chain lives as long as this object; the steps refer to it by
    // pointer, so no closure owns itself.
    auto chain = std::make_shared<std::function<void(const Error &)>>();
    m_chains.append(chain);
    auto *next = chain.get();
    *next = [this, paths, step, index, next](const Error &error) {
        if (error.code != ErrorCode::None)
            return fail(error);
        if (*index >= paths.size())
            return finish(ExitOk);
        const QString path = paths.at((*index)++);
        step(path, *next);
    };
    (*next)(Error{});
}

void CliApp::forEachCall(const QStringList &paths, const std::function<void(const QString &, client::FileSystem::Done<void>)> &call)
{
    forEachPath(paths, [call](const QString &path, std::function<void(const Error &)> next) {
        call(path, [next](const Expected<void> &result) { next(result ? Error{} : result.error()); });
    });
}

const QHash<QString, CliApp::Command> &CliApp::commandTable()
{
    static const QHash<QString, Command> table{
        {u"ls"_s, &CliApp::cmdLs},       {u"stat"_s, &CliApp::cmdStat}, {u"mkdir"_s, &CliApp::cmdMkdir},
        {u"rm"_s, &CliApp::cmdRm},       {u"mv"_s, &CliApp::cmdMv},     {u"chmod"_s, &CliApp::cmdChmod},
        {u"df"_s, &CliApp::cmdDf},       {u"hash"_s, &CliApp::cmdHash}, {u"cp"_s, &CliApp::cmdCp},
        {u"archive"_s, &CliApp::cmdArchive}, {u"extract"_s, &CliApp::cmdExtract}, {u"compress"_s, &CliApp::cmdCompress},
        {u"exec"_s, &CliApp::cmdExec},
    };
    return table;
}

} // namespace ferry::cli
