// SPDX-License-Identifier: GPL-3.0-or-later
// ferry-cli's archive (a download the agent packs), extract (a local archive
// uploaded and unpacked, or a remote one unpacked where it lies) and
// compress (remote entries packed on the agent).
#include "core/cli/cliapp.h"

#include "core/cli/remotepath.h"
#include "core/client/archivejobs.h"
#include "core/client/downloadjob.h"
#include "core/humanformat.h"
#include "core/pathcodec.h"
#include "core/protocol/archiveformat.h"
#include "core/protocol/remotepath.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>


using namespace Qt::Literals::StringLiterals;

namespace ferry::cli {

void CliApp::cmdArchive(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption formatOption(u"format"_s, u"tar|tar.gz|tar.bz2|tar.xz|tar.zst|zip"_s, u"FORMAT"_s);
    const QCommandLineOption overwriteOption(u"overwrite"_s, u"replace OUT if it exists"_s);
    parser.addOptions({formatOption, overwriteOption});
    if (!parser.parse(QStringList{u"archive"_s} + args))
        return usage(u"archive: "_s + parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return usage(QCoreApplication::translate("ferry::cli", "archive: expects :PATH... OUT"));
    QStringList remotePaths;
    for (const QString &arg : positional.first(positional.size() - 1)) {
        const Expected<CliPath> parsed = CliPath::parse(arg);
        if (!parsed)
            return usage(u"archive: "_s + parsed.error().message);
        if (!parsed->remote)
            return usage(QCoreApplication::translate("ferry::cli", "archive: what is archived is remote (:PATH), not %1").arg(arg));
        remotePaths.append(parsed->path);
    }
    const Expected<CliPath> out = CliPath::parse(positional.last());
    if (!out)
        return usage(u"archive: "_s + out.error().message);
    if (out->remote)
        return usage(QCoreApplication::translate("ferry::cli", "archive: OUT is a local file, not %1").arg(positional.last()));
    const QString formatText = parser.value(formatOption);
    const auto format = parser.isSet(formatOption) ? protocol::archiveFormatFromName(formatText) : protocol::archiveFormatForFileName(out->path);
    if (!format) {
        if (parser.isSet(formatOption))
            return usage(QCoreApplication::translate("ferry::cli", "archive: unknown --format '%1' (tar, tar.gz, tar.bz2, tar.xz, tar.zst, zip)").arg(formatText));
        return usage(QCoreApplication::translate("ferry::cli", "archive: cannot tell the format from '%1': name it .tar, .tar.gz, .tar.bz2, .tar.xz, .tar.zst or .zip, or give --format")
                         .arg(QFileInfo(out->path).fileName()));
    }
    client::FileTransferItem item;
    item.localPath = QFileInfo(out->path).absoluteFilePath();
    item.conflict = parser.isSet(overwriteOption) ? client::ConflictAction::Overwrite : client::ConflictAction::Fail;
    auto *job = new client::DownloadJob(m_session, item, client::ArchiveRequest{remotePaths, protocol::archiveFormatName(*format)});
    runJob(job, pathcodec::escaped(QFileInfo(item.localPath).fileName()), [this](const Error &error) {
        if (error.code == ErrorCode::None)
            return finish(ExitOk);
        fail(error);
    });
}

void CliApp::cmdExtract(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption conflictOption(u"on-conflict"_s, u"fail|overwrite|skip"_s, u"POLICY"_s, u"fail"_s);
    parser.addOptions({conflictOption});
    if (!parser.parse(QStringList{u"extract"_s} + args))
        return usage(u"extract: "_s + parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return usage(QCoreApplication::translate("ferry::cli", "extract: expects ARCHIVE :DIR"));
    const QString policy = parser.value(conflictOption);
    if (policy != "fail"_L1 && policy != "overwrite"_L1 && policy != "skip"_L1)
        return usage(QCoreApplication::translate("ferry::cli", "extract: --on-conflict takes fail, overwrite or skip, not '%1'").arg(policy));
    const Expected<CliPath> archive = CliPath::parse(positional.at(0));
    const Expected<CliPath> dir = CliPath::parse(positional.at(1));
    if (!archive || !dir)
        return usage(u"extract: "_s + (archive ? dir.error() : archive.error()).message);
    if (!dir->remote)
        return usage(QCoreApplication::translate("ferry::cli", "extract: DIR is remote (:DIR), not %1").arg(positional.at(1)));

    client::ExtractJob::Request request;
    request.local = !archive->remote;
    request.archive = archive->remote ? archive->path : QFileInfo(archive->path).absoluteFilePath();
    request.destination = dir->path;
    request.policy = policy;
    auto *job = new client::ExtractJob(m_session, request);
    const QString label = archive->remote ? u":"_s + pathcodec::escaped(archive->path) : pathcodec::escaped(QFileInfo(archive->path).fileName());
    runJob(job, label, [this, job](const Error &error) {
        if (error.code != ErrorCode::None)
            return fail(error);
        m_totals.files += job->summary().files;
        if (!m_quiet && job->summary().skipped > 0)
            warn(QCoreApplication::translate("ferry::cli", "skipped %n existing entry(s)", nullptr, int(job->summary().skipped)));
        finish(ExitOk);
    });
}

void CliApp::cmdCompress(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption overwriteOption(u"overwrite"_s, u"replace ARCHIVE if it exists"_s);
    parser.addOptions({overwriteOption});
    if (!parser.parse(QStringList{u"compress"_s} + args))
        return usage(u"compress: "_s + parser.errorText());
    QStringList paths;
    if (!remoteArgs(u"compress"_s, parser.positionalArguments(), &paths))
        return;
    if (paths.size() < 2)
        return usage(QCoreApplication::translate("ferry::cli", "compress: expects :PATH... :ARCHIVE"));
    const QString to = paths.takeLast();
    if (!protocol::archiveFormatForFileName(remotepath::name(to)))
        return usage(QCoreApplication::translate("ferry::cli", "compress: cannot tell the format from '%1': name it .zip, .tar, .tar.gz, .tar.bz2, .tar.xz or .tar.zst")
                         .arg(pathcodec::escaped(remotepath::name(to))));
    auto *job = new client::CompressJob(m_session, paths, to, parser.isSet(overwriteOption));
    runJob(job, u":"_s + pathcodec::escaped(to), [this](const Error &error) {
        if (error.code != ErrorCode::None)
            return fail(error);
        finish(ExitOk);
    });
}

} // namespace ferry::cli
