// SPDX-License-Identifier: GPL-3.0-or-later
// ferry-cli's cp (uploads and downloads) and exec.
#include "core/cli/cliapp.h"

#include "core/cli/remotepath.h"
#include "core/client/downloadjob.h"
#include "core/client/execjob.h"
#include "core/client/uploadjob.h"
#include "core/protocol/entry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::cli {

namespace {

struct CopyRequest {
    QList<CliPath> sources;
    CliPath destination;
    bool upload = true;
    client::ConflictAction conflict = client::ConflictAction::Fail;
    QString policy;
    bool preserveMode = true;
    bool preserveTimes = true;
};

bool isDirectoryEntry(const Expected<QCborMap> &entry)
{
    return entry && entry->value("k"_L1).toInteger() == qint64(protocol::Entry::Type::Directory);
}

} // namespace

void CliApp::cmdCp(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption recursiveOption({u"r"_s, u"R"_s}, u"copy directories recursively"_s);
    const QCommandLineOption noPermsOption(u"no-perms"_s, u"do not replicate permission bits"_s);
    const QCommandLineOption noTimesOption(u"no-times"_s, u"do not preserve modification times"_s);
    const QCommandLineOption conflictOption(u"on-conflict"_s, u"ask|overwrite|skip|rename|resume|newer|fail"_s, u"POLICY"_s, u"ask"_s);
    parser.addOptions({recursiveOption, noPermsOption, noTimesOption, conflictOption});
    if (!parser.parse(QStringList{u"cp"_s} + args))
        return usage(u"cp: "_s + parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return usage(QCoreApplication::translate("ferry::cli", "cp: expects SRC... DST"));

    auto request = std::make_shared<CopyRequest>();
    request->destination = CliPath::parse(positional.last());
    for (const QString &arg : positional.first(positional.size() - 1))
        request->sources.append(CliPath::parse(arg));
    request->upload = request->destination.remote;
    for (const CliPath &source : std::as_const(request->sources)) {
        if (source.remote == request->destination.remote)
            return usage(QCoreApplication::translate("ferry::cli", "cp: copies go between local and remote paths; use mv within the remote tree"));
    }
    request->policy = parser.value(conflictOption);
    static const QStringList policies{u"ask"_s, u"overwrite"_s, u"skip"_s, u"rename"_s, u"resume"_s, u"newer"_s, u"fail"_s};
    if (!policies.contains(request->policy))
        return usage(QCoreApplication::translate("ferry::cli", "cp: unknown --on-conflict policy '%1'").arg(request->policy));
    if (request->policy == "rename"_L1 || request->policy == "resume"_L1 || request->policy == "newer"_L1)
        return usage(QCoreApplication::translate("ferry::cli", "cp: --on-conflict=%1 is not available in this version").arg(request->policy));
    if (parser.isSet(recursiveOption))
        return usage(QCoreApplication::translate("ferry::cli", "cp: recursive copies are not available in this version"));
    request->preserveMode = !parser.isSet(noPermsOption);
    request->preserveTimes = !parser.isSet(noTimesOption);
    request->conflict = request->policy == "overwrite"_L1 ? client::ConflictAction::Overwrite : client::ConflictAction::Fail;

    // cp semantics: an existing directory receives the sources; otherwise a
    // single source takes the destination's name.
    const auto withDestinationKind = [this, request](std::function<void(bool isDir, bool exists)> next) {
        if (request->destination.remote) {
            remoteStat(request->destination.path, [next](const Expected<QCborMap> &entry) { next(isDirectoryEntry(entry), bool(entry)); });
        } else {
            const QFileInfo info(request->destination.path);
            next(info.isDir(), info.exists());
        }
    };
    withDestinationKind([this, request](bool destIsDir, bool destExists) {
        if (!destIsDir && request->sources.size() > 1)
            return fail(Error{ErrorCode::NotADirectory, QCoreApplication::translate("ferry::cli", "cp: target '%1' is not a directory").arg(request->destination.path)});
        if (!destIsDir && !destExists && request->destination.hasTrailingSlash())
            return fail(Error{ErrorCode::NotADirectory, QCoreApplication::translate("ferry::cli", "cp: cannot create '%1': not a directory").arg(request->destination.path)});

        auto items = std::make_shared<QList<client::FileTransferItem>>();
        for (const CliPath &source : std::as_const(request->sources)) {
            const QString target = destIsDir ? request->destination.child(source.fileName()) : request->destination.path;
            client::FileTransferItem item;
            item.localPath = QFileInfo(request->upload ? source.path : target).absoluteFilePath();
            item.remotePath = request->upload ? target : source.path;
            item.conflict = request->conflict;
            item.preserveMode = request->preserveMode;
            item.preserveTimes = request->preserveTimes;
            items->append(item);
        }
        auto index = std::make_shared<qsizetype>(0);
        auto chain = std::make_shared<std::function<void()>>();
        m_chains.append(chain);
        auto *next = chain.get();
        *next = [this, request, items, index, next] {
            if (*index >= items->size())
                return finish(ExitOk);
            const client::FileTransferItem item = items->at((*index)++);
            const auto run = [this, request, item, next](client::ConflictAction conflict) {
                client::FileTransferItem resolved = item;
                resolved.conflict = conflict;
                transfer::Job *job = request->upload ? static_cast<transfer::Job *>(new client::UploadJob(m_session, resolved))
                                                     : static_cast<transfer::Job *>(new client::DownloadJob(m_session, resolved));
                const QString label = request->upload ? QFileInfo(item.localPath).fileName() : CliPath{true, item.remotePath}.fileName();
                runJob(job, label, [this, next](const Error &error) {
                    if (error.code != ErrorCode::None)
                        return fail(error);
                    ++m_totals.files;
                    (*next)();
                });
            };
            if (request->policy != "ask"_L1 && request->policy != "skip"_L1)
                return run(request->conflict);
            // ask and skip need to know whether the destination exists.
            const auto decide = [this, request, item, run, next](bool exists) {
                if (!exists)
                    return run(client::ConflictAction::Fail);
                const QString shown = request->upload ? QString(u':' + item.remotePath) : item.localPath;
                if (request->policy == "skip"_L1) {
                    if (!m_quiet)
                        warn(QCoreApplication::translate("ferry::cli", "%1 exists, skipped").arg(shown));
                    return (*next)();
                }
                if (!::isatty(STDIN_FILENO))
                    return fail(Error{ErrorCode::Exists, QCoreApplication::translate("ferry::cli", "%1 exists; not asking because stdin is not a terminal (use --on-conflict=overwrite|skip|fail)").arg(shown)});
                std::fprintf(stderr, "%s", qPrintable(QCoreApplication::translate("ferry::cli", "ferry-cli: overwrite %1? [y/N] ").arg(shown)));
                std::fflush(stderr);
                char answer[16] = {};
                const bool yes = std::fgets(answer, sizeof answer, stdin) && (answer[0] == 'y' || answer[0] == 'Y');
                if (!yes)
                    return (*next)();
                run(client::ConflictAction::Overwrite);
            };
            if (request->upload)
                remoteStat(item.remotePath, [decide](const Expected<QCborMap> &entry) { decide(bool(entry)); });
            else
                decide(QFileInfo::exists(item.localPath));
        };
        (*next)();
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
        const CliPath cwd = CliPath::parse(parser.value(cwdOption));
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
