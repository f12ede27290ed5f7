// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/session.h"
#include "core/net/auth.h"
#include "core/version.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    ferry::setupApplicationIdentity(QStringLiteral("ferry"));
    if (QIcon::themeName().isEmpty() || QIcon::themeName() == QStringLiteral("hicolor"))
        QIcon::setThemeName(QStringLiteral("breeze"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Ferry: browse and transfer files on a remote agent over one WebSocket."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("url"), QCoreApplication::translate("main", "Agent to connect to, e.g. ws://127.0.0.1:7707"), QStringLiteral("[URL]"));
    const QCommandLineOption tokenOption(QStringLiteral("token-file"), QCoreApplication::translate("main", "Token file of the agent."), QStringLiteral("FILE"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"), QCoreApplication::translate("main", "Save a picture of the window once the listing is shown, then quit."), QStringLiteral("FILE.png"));
    parser.addOptions({tokenOption, screenshotOption});
    parser.process(app);

    std::unique_ptr<ferry::client::Session> session;
    if (!parser.positionalArguments().isEmpty()) {
        ferry::client::SessionOptions options;
        options.url = QUrl(parser.positionalArguments().first());
        const QString tokenPath = parser.isSet(tokenOption) ? parser.value(tokenOption) : ferry::net::auth::defaultTokenPath();
        auto token = ferry::net::auth::loadToken(tokenPath, false);
        if (!token) {
            std::fprintf(stderr, "ferry: %s\n", qPrintable(token.error().message));
            return 4;
        }
        options.token = *token;
        session = std::make_unique<ferry::client::Session>(options);
    }

    ferry::ui::MainWindow window(session.get());
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        if (!session) {
            std::fprintf(stderr, "ferry: --screenshot needs an agent URL\n");
            return 2;
        }
        QObject::connect(&window, &ferry::ui::MainWindow::listingShown, &app, [&window, file] {
            // Let the view paint the new rows first.
            QTimer::singleShot(300, &window, [&window, file] {
                if (!window.grab().save(file)) {
                    std::fprintf(stderr, "ferry: cannot write %s\n", qPrintable(file));
                    QCoreApplication::exit(1);
                    return;
                }
                QCoreApplication::exit(0);
            });
        });
        QObject::connect(session.get(), &ferry::client::Session::failed, &app, [](const ferry::Error &error) {
            std::fprintf(stderr, "ferry: %s\n", qPrintable(error.message));
            QCoreApplication::exit(3);
        });
        QTimer::singleShot(30000, &app, [] {
            std::fprintf(stderr, "ferry: no listing after 30 s\n");
            QCoreApplication::exit(1);
        });
    }
    if (session)
        session->open();
    return app.exec();
}
