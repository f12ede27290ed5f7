// SPDX-License-Identifier: GPL-3.0-or-later
// ferry-cli's cp (uploads and downloads) and exec.
#include "core/cli/cliapp.h"

#include "core/cli/remotepath.h"
#include "core/cli/terminalconflicthandler.h"
#include "core/client/execjob.h"
#include "core/copy/copyjob.h"
#include "core/humanformat.h"
#include "core/pathcodec.h"
#include "core/protocol/entry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::cli {

void CliApp::cmdCp(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption recursiveOption({u"r"_s, u"R"_s}, u"copy directories recursively"_s);
    const QCommandLineOption noPermsOption(u"no-perms"_s, u"do not replicate permission bits"_s);
    const QCommandLineOption noTimesOption(u"no-times"_s, u"do not preserve modification times"_s);
    const QCommandLineOption conflictOption(u"on-conflict"_s, u"ask|overwrite|skip|rename|resume|newer|fail"_s, u"POLICY"_s, u"ask"_s);
    const QCommandLineOption parallelOption(u"parallel"_s, u"transfers in flight at once"_s, u"N"_s, u"4"_s);
    const QCommandLineOption noTargetOption({u"T"_s, u"no-target-directory"_s}, u"treat DST as the new name even if it is a directory"_s);
    parser.addOptions({recursiveOption, noPermsOption, noTimesOption, conflictOption, parallelOption, noTargetOption});
    if (!parser.parse(QStringList{u"cp"_s} + args))
        return usage(u"cp: "_s + parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return usage(QCoreApplication::translate("ferry::cli", "cp: expects SRC... DST"));

    const Expected<CliPath> parsedDestination = CliPath::parse(positional.last());
    if (!parsedDestination)
        return usage(u"cp: "_s + parsedDestination.error().message);
    const CliPath destination = *parsedDestination;
    QStringList sources;
    bool remoteSources = false;
    QString firstName;
    for (const QString &arg : positional.first(positional.size() - 1)) {
        const Expected<CliPath> parsed = CliPath::parse(arg);
        if (!parsed)
            return usage(u"cp: "_s + parsed.error().message);
        const CliPath source = *parsed;
        if (firstName.isNull())
            firstName = source.fileName();
        if (!source.remote && !destination.remote)
            return usage(QCoreApplication::translate("ferry::cli", "cp: at least one side must be remote (:PATH); use cp for local copies"));
        if (!sources.isEmpty() && source.remote != remoteSources)
            return usage(QCoreApplication::translate("ferry::cli", "cp: the sources must all be local or all remote"));
        remoteSources = source.remote;
        sources.append(source.remote ? source.path : QFileInfo(source.path).absoluteFilePath());
    }
    const auto policy = copy::policyFromString(parser.value(conflictOption));
    if (!policy)
        return usage(QCoreApplication::translate("ferry::cli", "cp: unknown --on-conflict policy '%1'").arg(parser.value(conflictOption)));
    bool ok = false;
    copy::CopyOptions options;
    options.recursive = parser.isSet(recursiveOption);
    options.preserveMode = !parser.isSet(noPermsOption);
    options.preserveTimes = !parser.isSet(noTimesOption);
    options.policy = *policy;
    options.noTargetDirectory = parser.isSet(noTargetOption);
    options.parallel = parser.value(parallelOption).toInt(&ok);
    if (!ok || options.parallel < 1 || options.parallel > 64)
        return usage(QCoreApplication::translate("ferry::cli", "cp: --parallel takes a number from 1 to 64"));

    QString target = destination.path;
    if (!destination.remote) {
        // Keep a trailing slash: it demands a directory.
        const bool slash = target.endsWith(u'/');
        target = QFileInfo(target).absoluteFilePath() + (slash ? u"/"_s : QString());
    }
    // Remote to remote: the agent copies, nothing crosses the wire.
    const auto direction = !destination.remote ? copy::Direction::Download : remoteSources ? copy::Direction::Remote : copy::Direction::Upload;
    auto *job = new copy::CopyJob(m_session, direction, sources, target, options);
    if (options.policy == copy::ConflictPolicy::Ask) {
        if (::isatty(STDIN_FILENO)) {
            m_conflictHandler = std::make_unique<TerminalConflictHandler>();
            job->setConflictHandler(m_conflictHandler.get());
        } else {
            job->setNoHandlerReason(QCoreApplication::translate("ferry::cli", "not asking because stdin is not a terminal (use --on-conflict=overwrite|skip|rename|resume|newer|fail)"));
        }
    }
    connect(job, &copy::CopyJob::itemFailed, this, [this](const Error &error) { warn(error.message); });
    connect(job, &copy::CopyJob::planned, this, [this](qint64 files, qint64 dirs, qint64 bytes) {
        if (!m_progress || (files <= 1 && dirs == 0))
            return;
        const QString fileText = QCoreApplication::translate("ferry::cli", "%n file(s)", nullptr, int(std::min<qint64>(files, INT_MAX)));
        const QString dirText = QCoreApplication::translate("ferry::cli", "%n folder(s)", nullptr, int(std::min<qint64>(dirs, INT_MAX)));
        warn(QCoreApplication::translate("ferry::cli", "copying %1 in %2, %3").arg(fileText, dirText, formatSize(bytes)));
    });
    connect(job, &copy::CopyJob::warning, this, [this](const QString &message) { warn(message); });
    connect(job, &copy::CopyJob::itemSkipped, this, [this](const QString &path, const QString &reason) {
        if (!m_quiet)
            warn(QCoreApplication::translate("ferry::cli", "skipped %1 (%2)").arg(pathcodec::escaped(path), reason));
    });
    const QString label = sources.size() == 1 ? pathcodec::escaped(firstName) : QCoreApplication::translate("ferry::cli", "%n item(s)", nullptr, int(sources.size()));
    runJob(job, label, [this, job](const Error &error) {
        m_totals.files += job->doneFiles();
        if (error.code == ErrorCode::None)
            return finish(ExitOk);
        // Each failed entry was reported as it happened; say the rest once.
        if (job->failedCount() == 1) {
            finish(ExitFailure);
            return;
        }
        fail(error);
    });
}

void CliApp::cmdExec(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption cwdOption(u"cwd"_s, u"remote working directory"_s, u":DIR"_s);
    const QCommandLineOption shellOption(u"shell"_s, u"run STRING with /bin/sh -c"_s, u"STRING"_s);
    parser.addOptions({cwdOption, shellOption});
    if (!parser.parse(QStringList{u"exec"_s} + args))
        return usage(u"exec: "_s + parser.errorText());
    client::ExecJob::Spec spec;
    spec.shell = parser.value(shellOption);
    spec.argv = parser.positionalArguments();
    if (spec.shell.isEmpty() == spec.argv.isEmpty())
        return usage(QCoreApplication::translate("ferry::cli", "exec: give either --shell 'STRING' or a command with arguments"));
    if (parser.isSet(cwdOption)) {
        const Expected<CliPath> parsedCwd = CliPath::parse(parser.value(cwdOption));
        if (!parsedCwd)
            return usage(u"exec: "_s + parsedCwd.error().message);
        const CliPath cwd = *parsedCwd;
        if (!cwd.remote)
            return usage(QCoreApplication::translate("ferry::cli", "exec: --cwd takes a remote path (:DIR)"));
        spec.cwd = cwd.path;
    }
    auto *job = new client::ExecJob(m_session, spec, this);
    connect(job, &transfer::Job::finished, this, [this, job] {
        job->deleteLater();
        if (!job->succeeded())
            return fail(job->error());
        finish(job->exitCode());
    });
    job->start();
}

} // namespace ferry::cli
