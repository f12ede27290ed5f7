// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    ferry::setupApplicationIdentity(QStringLiteral("ferry-cli"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Ferry command line client."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
