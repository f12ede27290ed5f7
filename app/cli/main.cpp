// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/cliapp.h"
#include "core/pathcodec.h"
#include "core/version.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <csignal>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    ferry::setupApplicationIdentity(QStringLiteral("ferry-cli"));
    // A closed stdout pipe is an error to report, not a reason to die.
    std::signal(SIGPIPE, SIG_IGN);
    // Messages in the system's language; without a translation for it, the
    // English plural forms ("1 file", "2 files").
    QTranslator ours;
    if (ours.load(QLocale(), QStringLiteral("ferry"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || ours.load(QStringLiteral("ferry_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&ours);
    // Arguments are taken as bytes: a local file name that is not UTF-8
    // must reach open() unchanged (QCoreApplication::arguments() would turn
    // its invalid bytes into U+FFFD).
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(ferry::pathcodec::fromBytes(argv[i]));
    ferry::cli::CliApp cli(arguments);
    return cli.run();
}
