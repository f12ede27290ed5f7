// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/session.h"
#include "core/client/webterminal.h"
#include "core/copy/copyjob.h"
#include "core/net/auth.h"
#include "core/version.h"
#include "ui/localbrowser.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Help and the version need no display: without one, a window system
    // plugin would abort before they are printed.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version" || arg == "-?")
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    ferry::setupApplicationIdentity(QStringLiteral("ferry"));
    if (QIcon::themeName().isEmpty() || QIcon::themeName() == QStringLiteral("hicolor"))
        QIcon::setThemeName(QStringLiteral("breeze"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/ferry.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.ferry.Ferry"));

    // The system's language: our own strings and Qt's (standard buttons).
    QTranslator ours;
    // Without a translation for it (the C locale, say), the English plural
    // forms: "9 items", not "9 item(s)".
    if (ours.load(QLocale(), QStringLiteral("ferry"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || ours.load(QStringLiteral("ferry_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&ours);
    QTranslator qt;
    if (qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Ferry: browse and transfer files on a remote agent over one WebSocket, or through a shell or a web terminal."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("url"), QCoreApplication::translate("main", "Agent to connect to, e.g. ws://127.0.0.1:7707, or a web terminal to go through: wetty+ws://HOST:PORT/wetty (WeTTY), jupyter+http://HOST:PORT/ (a Jupyter server, with --token-file). None with --shell-command."), QStringLiteral("[URL]"));
    parser.addPositionalArgument(QStringLiteral("files"), QCoreApplication::translate("main", "Local files or folders to upload to the agent's root once connected."), QStringLiteral("[FILES...]"));
    const QCommandLineOption tokenOption(QStringLiteral("token-file"), QCoreApplication::translate("main", "Token file of the agent, or of the Jupyter server."), QStringLiteral("FILE"));
    const QCommandLineOption shellOption(QStringLiteral("shell-command"), QCoreApplication::translate("main", "Reach the remote through a shell instead of an agent URL: CMD runs here through /bin/sh -c and its stdin/stdout are a POSIX shell there ('ssh -T host', 'kubectl exec -i POD -- sh', 'docker exec -i CTR sh'). The agent is brought along and cached on the remote."), QStringLiteral("CMD"));
    const QCommandLineOption remoteRootOption(QStringLiteral("remote-root"), QCoreApplication::translate("main", "With --shell-command or a web terminal's URL: the remote folder to serve (default: the shell's working directory)."), QStringLiteral("DIR"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"), QCoreApplication::translate("main", "Save a picture of the window once the listing is shown, then quit."), QStringLiteral("FILE.png"));
    const QCommandLineOption localOption(QStringLiteral("local-dir"), QCoreApplication::translate("main", "Folder to show in the local pane."), QStringLiteral("DIR"));
    parser.addOptions({tokenOption, shellOption, remoteRootOption, screenshotOption, localOption});
    parser.process(app);

    const auto usageError = [](const QString &message) {
        std::fprintf(stderr, "ferry: %s\n", qPrintable(message));
        return 2;
    };
    const bool shell = parser.isSet(shellOption);
    QStringList uploads = parser.positionalArguments();
    if (shell) {
        if (parser.value(shellOption).trimmed().isEmpty())
            return usageError(QCoreApplication::translate("main", "--shell-command needs a command"));
        if (parser.isSet(tokenOption))
            return usageError(QCoreApplication::translate("main", "--token-file goes with an agent URL, not with --shell-command"));
        // Without a URL every argument is a file to upload; one that looks
        // like a URL was meant as a second way in.
        if (!uploads.isEmpty() && uploads.first().contains(QStringLiteral("://")))
            return usageError(QCoreApplication::translate("main", "an agent URL and --shell-command are two ways in: give one"));
    } else {
        const QUrl url(uploads.value(0));
        if (parser.isSet(remoteRootOption) && !ferry::client::isWebTerminalUrl(url))
            return usageError(QCoreApplication::translate("main", "--remote-root goes with --shell-command or a web terminal's URL"));
        if (ferry::client::isWettyUrl(url) && parser.isSet(tokenOption))
            return usageError(QCoreApplication::translate("main", "--token-file goes with an agent or a Jupyter server; WeTTY takes no token"));
        // From a file only: a command line is visible to every user of the machine.
        if (ferry::client::isJupyterUrl(url) && !parser.isSet(tokenOption))
            return usageError(QCoreApplication::translate("main", "a Jupyter server needs its token: --token-file FILE"));
    }

    ferry::ui::MainWindow window;
    const auto run = [&window] {
        const int status = QApplication::exec();
        // A Jupyter terminal outlives its socket: ask the server to end it.
        if (window.session())
            window.session()->close();
        ferry::client::JupyterChannel::finishCleanup(3000);
        return status;
    };
    if (parser.isSet(localOption))
        window.localBrowser()->openPath(QFileInfo(parser.value(localOption)).absoluteFilePath());
    window.show();
    if (!shell && uploads.isEmpty()) {
        if (parser.isSet(screenshotOption))
            return usageError(QCoreApplication::translate("main", "--screenshot needs an agent URL or --shell-command"));
        window.showConnectDialog();
        return run();
    }

    ferry::client::SessionOptions options;
    if (shell) {
        // No token: the shell's own login was the door.
        options.shellCommand = parser.value(shellOption);
        options.remoteRoot = parser.value(remoteRootOption);
    } else {
        options.url = QUrl(uploads.takeFirst());
        options.remoteRoot = parser.value(remoteRootOption);
        if (!ferry::client::isWettyUrl(options.url)) {
            // A Jupyter server's token is its own, passed on as it is; an
            // agent's is Ferry's.
            const QString tokenPath = parser.isSet(tokenOption) ? parser.value(tokenOption) : ferry::net::auth::defaultTokenPath();
            auto token = ferry::client::isJupyterUrl(options.url) ? ferry::net::auth::loadSecret(tokenPath) : ferry::net::auth::loadToken(tokenPath, false);
            if (!token) {
                std::fprintf(stderr, "ferry: %s\n", qPrintable(token.error().message));
                return 4;
            }
            options.token = *token;
            // Offered again by Connect… after a Disconnect.
            if (!ferry::client::isJupyterUrl(options.url))
                window.setTokenFile(tokenPath);
        }
    }

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        const bool waitForUploads = !uploads.isEmpty();
        const auto shoot = [&window, file] {
            // Let the views paint their new rows first.
            QTimer::singleShot(300, &window, [&window, file] {
                if (!window.grab().save(file)) {
                    std::fprintf(stderr, "ferry: cannot write %s\n", qPrintable(file));
                    QCoreApplication::exit(1);
                    return;
                }
                QCoreApplication::exit(0);
            });
        };
        if (waitForUploads)
            QObject::connect(&window, &ferry::ui::MainWindow::jobStarted, &app, [shoot](ferry::copy::CopyJob *job) {
                QObject::connect(job, &ferry::transfer::Job::finished, job, shoot);
            });
        else
            QObject::connect(&window, &ferry::ui::MainWindow::listingShown, &app, shoot);
        QTimer::singleShot(30000, &app, [] {
            std::fprintf(stderr, "ferry: no listing after 30 s\n");
            QCoreApplication::exit(1);
        });
    }
    if (!uploads.isEmpty()) {
        QStringList absolute;
        for (const QString &path : uploads)
            absolute.append(QFileInfo(path).absoluteFilePath());
        QObject::connect(&window, &ferry::ui::MainWindow::listingShown, &window, [&window, absolute] { window.upload(absolute, QString()); },
                         Qt::SingleShotConnection);
    }
    window.connectTo(options);
    if (parser.isSet(screenshotOption))
        QObject::connect(window.session(), &ferry::client::Session::failed, &app, [](const ferry::Error &error) {
            std::fprintf(stderr, "ferry: %s\n", qPrintable(error.message));
            QCoreApplication::exit(3);
        });
    return run();
}
