// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/version.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    ferry::setupApplicationIdentity(QStringLiteral("ferry"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Ferry: file transfer over one WebSocket."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    ferry::ui::MainWindow window;
    window.show();
    return app.exec();
}
