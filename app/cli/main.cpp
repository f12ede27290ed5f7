// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/cliapp.h"
#include "core/version.h"

#include <QCoreApplication>

#include <csignal>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    ferry::setupApplicationIdentity(QStringLiteral("ferry-cli"));
    // A closed stdout pipe is an error to report, not a reason to die.
    std::signal(SIGPIPE, SIG_IGN);
    ferry::cli::CliApp cli(QCoreApplication::arguments());
    return cli.run();
}
