// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentserver.h"
#include "core/agent/agentstdio.h"
#include "core/humanformat.h"
#include "core/net/auth.h"
#include "core/net/truststore.h"
#include "core/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace {

int fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "ferry-agent: %s\n", qPrintable(message));
    return code;
}

bool parseHostPort(const QString &text, QHostAddress *host, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString hostText = text.left(colon);
    if (hostText.startsWith(u'[') && hostText.endsWith(u']'))
        hostText = hostText.mid(1, hostText.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    if (hostText == QStringLiteral("localhost"))
        *host = QHostAddress::LocalHost;
    else if (!host->setAddress(hostText))
        return false;
    *port = quint16(p);
    return true;
}

// The portable agent (app/portable-agent) starts this program through its
// own copy of the dynamic loader and names the directory it unpacked to:
// only the plugins there fit the bundled Qt (the host may have another Qt,
// or none), and the variable must not reach the commands run for clients.
void usePortableBundle()
{
    const QString bundle = qEnvironmentVariable("FERRY_AGENT_BUNDLE");
    if (bundle.isEmpty())
        return;
    qunsetenv("FERRY_AGENT_BUNDLE");
    QCoreApplication::setLibraryPaths({bundle + QStringLiteral("/plugins")});
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    usePortableBundle();
    ferry::setupApplicationIdentity(QStringLiteral("ferry-agent"));
    std::signal(SIGPIPE, SIG_IGN);
    // Serving hundreds of clients, each with open files, needs more than the
    // customary soft limit of 1024 descriptors.
    struct rlimit files {};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Ferry agent: serves one directory to Ferry clients over a WebSocket, or to one client on its standard input and output (--stdio)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption rootOption(QStringLiteral("root"), QCoreApplication::translate("main", "Directory to serve (required, but with --stdio: the current directory)."), QStringLiteral("DIR"));
    const QCommandLineOption stdioOption(QStringLiteral("stdio"), QCoreApplication::translate("main", "Serve one client on standard input and output instead of listening (no token: whoever runs the agent is admitted). Ends when the input closes."));
    const QCommandLineOption listenOption(QStringLiteral("listen"), QCoreApplication::translate("main", "Address to listen on; port 0 picks a free port."), QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:7707"));
    const QCommandLineOption tokenOption(QStringLiteral("token-file"), QCoreApplication::translate("main", "Token file; created with a fresh 256-bit token (mode 0600) if missing. Default: %1").arg(ferry::net::auth::defaultTokenPath()), QStringLiteral("FILE"));
    const QCommandLineOption portFileOption(QStringLiteral("port-file"), QCoreApplication::translate("main", "Write the listening port to this file."), QStringLiteral("FILE"));
    const QCommandLineOption certOption(QStringLiteral("cert"), QCoreApplication::translate("main", "TLS certificate (PEM) for wss://."), QStringLiteral("PEM"));
    const QCommandLineOption keyOption(QStringLiteral("key"), QCoreApplication::translate("main", "TLS private key (PEM) for wss://."), QStringLiteral("PEM"));
    const QCommandLineOption heartbeatOption(QStringLiteral("heartbeat"), QCoreApplication::translate("main", "Heartbeat interval in milliseconds."), QStringLiteral("MS"), QStringLiteral("5000"));
    const QCommandLineOption deadAfterOption(QStringLiteral("dead-after"), QCoreApplication::translate("main", "Drop a client silent for this many milliseconds."), QStringLiteral("MS"), QStringLiteral("15000"));
    const QCommandLineOption maxClientsOption(QStringLiteral("max-clients"), QCoreApplication::translate("main", "Most clients served at once."), QStringLiteral("N"), QStringLiteral("256"));
    const QCommandLineOption maxPendingOption(QStringLiteral("max-pending"), QCoreApplication::translate("main", "Most connections on their way in (not authenticated yet), from all addresses; apart from --max-clients."), QStringLiteral("N"), QStringLiteral("256"));
    const QCommandLineOption maxPendingPerAddressOption(QStringLiteral("max-pending-per-address"), QCoreApplication::translate("main", "Once --max-pending is reached: most connections from one address that have shown nothing yet (no TLS, no upgrade)."), QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption handshakeTimeoutOption(QStringLiteral("handshake-timeout"), QCoreApplication::translate("main", "Close a connection that has not proved the token this many milliseconds after it opened."), QStringLiteral("MS"), QStringLiteral("10000"));
    const QCommandLineOption partTtlOption(QStringLiteral("part-ttl"), QCoreApplication::translate("main", "Remove part files of unfinished uploads not written for this long (e.g. 7d, 12h, 30m; 0 keeps them). Default 7d; with --stdio only when given."), QStringLiteral("DURATION"), QStringLiteral("7d"));
    const QCommandLineOption noExecOption(QStringLiteral("no-exec"), QCoreApplication::translate("main", "Refuse remote commands (exec): clients can only work on files under the root."));
    const QCommandLineOption codecsOption(QStringLiteral("codecs"), QCoreApplication::translate("main", "Codecs accepted for compression on the wire, comma separated: zstd, gzip, or none."), QStringLiteral("LIST"), QStringLiteral("zstd,gzip"));
    const QCommandLineOption logLevelOption(QStringLiteral("log-level"), QCoreApplication::translate("main", "One of: error, warning, info, debug."), QStringLiteral("LEVEL"), QStringLiteral("info"));
    parser.addOptions({rootOption, stdioOption, listenOption, tokenOption, portFileOption, certOption, keyOption, heartbeatOption, deadAfterOption, maxClientsOption,
                       maxPendingOption, maxPendingPerAddressOption, handshakeTimeoutOption, partTtlOption, noExecOption, codecsOption, logLevelOption});
    parser.process(app);

    const QString level = parser.value(logLevelOption);
    if (level == QStringLiteral("debug"))
        QLoggingCategory::setFilterRules(QStringLiteral("ferry.*=true"));
    else if (level == QStringLiteral("warning") || level == QStringLiteral("error"))
        QLoggingCategory::setFilterRules(QStringLiteral("ferry.*.info=false"));
    else if (level != QStringLiteral("info"))
        return fail(QCoreApplication::translate("main", "unknown log level '%1'").arg(level), 2);

    const bool stdio = parser.isSet(stdioOption);
    if (!parser.isSet(rootOption) && !stdio)
        return fail(QCoreApplication::translate("main", "--root DIR is required"), 2);
    if (parser.isSet(certOption) != parser.isSet(keyOption))
        return fail(QCoreApplication::translate("main", "--cert and --key go together"), 2);

    ferry::agent::AgentOptions options;
    options.root = QDir(parser.isSet(rootOption) ? parser.value(rootOption) : QDir::currentPath()).absolutePath();
    if (!parseHostPort(parser.value(listenOption), &options.host, &options.port))
        return fail(QCoreApplication::translate("main", "--listen expects HOST:PORT, got '%1'").arg(parser.value(listenOption)), 2);
    bool ok = false;
    options.connection.heartbeatMs = parser.value(heartbeatOption).toInt(&ok);
    if (!ok || options.connection.heartbeatMs < 50)
        return fail(QCoreApplication::translate("main", "--heartbeat expects milliseconds (at least 50)"), 2);
    options.connection.deadAfterMs = parser.value(deadAfterOption).toInt(&ok);
    if (!ok || options.connection.deadAfterMs <= options.connection.heartbeatMs)
        return fail(QCoreApplication::translate("main", "--dead-after must be longer than --heartbeat"), 2);
    options.certificatePath = parser.value(certOption);
    options.keyPath = parser.value(keyOption);
    options.maxClients = parser.value(maxClientsOption).toInt(&ok);
    if (!ok || options.maxClients < 1)
        return fail(QCoreApplication::translate("main", "--max-clients expects a positive number"), 2);
    options.allowExec = !parser.isSet(noExecOption);
    options.connection.acceptedCodecs.clear();
    for (const QString &name : parser.value(codecsOption).split(u',', Qt::SkipEmptyParts)) {
        const auto codec = ferry::net::codecFromName(name.trimmed());
        if (!codec)
            return fail(QCoreApplication::translate("main", "--codecs expects zstd, gzip or none, not '%1'").arg(name), 2);
        if (*codec != ferry::net::WireCodec::None)
            options.connection.acceptedCodecs.append(ferry::net::codecName(*codec));
    }
    options.admission.pendingTotal = parser.value(maxPendingOption).toInt(&ok);
    if (!ok || options.admission.pendingTotal < 1)
        return fail(QCoreApplication::translate("main", "--max-pending expects a positive number"), 2);
    options.admission.pendingPerAddress = parser.value(maxPendingPerAddressOption).toInt(&ok);
    if (!ok || options.admission.pendingPerAddress < 1)
        return fail(QCoreApplication::translate("main", "--max-pending-per-address expects a positive number"), 2);
    options.admission.handshakeMs = parser.value(handshakeTimeoutOption).toInt(&ok);
    if (!ok || options.admission.handshakeMs < 100)
        return fail(QCoreApplication::translate("main", "--handshake-timeout expects milliseconds (at least 100)"), 2);
    const auto partTtl = ferry::parseDuration(parser.value(partTtlOption));
    if (!partTtl)
        return fail(QStringLiteral("--part-ttl: ") + partTtl.error().message, 2);
    options.partTtl = std::chrono::seconds(*partTtl);

    if (stdio) {
        // Standard output carries the protocol. On a terminal, standard
        // error is the same screen: what the agent would log there would
        // be taken for protocol bytes.
        if (::isatty(STDERR_FILENO)) {
            const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
            if (devNull >= 0) {
                ::dup2(devNull, STDERR_FILENO);
                ::close(devNull);
            } else {
                ::close(STDERR_FILENO);
            }
        }
        ferry::agent::AgentStdio agent(options.root, options.connection);
        if (parser.isSet(partTtlOption))
            agent.setPartTtl(options.partTtl);
        if (auto started = agent.start(); !started)
            return fail(started.error().message);
        QObject::connect(&agent, &ferry::agent::AgentStdio::finished, &app, [](int code) { QCoreApplication::exit(code); });
        return app.exec();
    }

    // Connections on their way in have a budget of their own; with every
    // client holding a few descriptors (socket, files, a command's pipes),
    // both budgets must fit well under the descriptor limit, so that a
    // flood never drives the agent to it.
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY) {
        const qint64 needed = qint64(options.admission.pendingTotal) + 6 * qint64(options.maxClients) + 64;
        if (needed > qint64(files.rlim_cur))
            qWarning().noquote() << QCoreApplication::translate("main", "warning: --max-clients %1 and --max-pending %2 may need %3 descriptors, more than the limit of %4")
                                        .arg(options.maxClients).arg(options.admission.pendingTotal).arg(needed).arg(qint64(files.rlim_cur));
    }

    const QString tokenPath = parser.isSet(tokenOption) ? parser.value(tokenOption) : ferry::net::auth::defaultTokenPath();
    auto token = ferry::net::auth::loadAgentToken(tokenPath);
    if (!token)
        return fail(token.error().message);
    options.token = *token;

    ferry::agent::AgentServer server;
    if (auto listening = server.listen(options); !listening)
        return fail(listening.error().message);

    if (parser.isSet(portFileOption)) {
        QSaveFile portFile(parser.value(portFileOption));
        if (!portFile.open(QIODevice::WriteOnly) || portFile.write(QByteArray::number(server.port()) + '\n') < 0 || !portFile.commit())
            return fail(QCoreApplication::translate("main", "cannot write port file %1: %2").arg(parser.value(portFileOption), portFile.errorString()));
    }
    std::printf("ferry-agent listening on %s root=%s\n", qPrintable(server.url().toString()), qPrintable(server.rootPath()));
    if (!server.certificateFingerprint().isEmpty())
        std::printf("ferry-agent certificate %s\n", qPrintable(ferry::net::TrustStore::displayFingerprint(server.certificateFingerprint())));
    std::fflush(stdout);
    return app.exec();
}
