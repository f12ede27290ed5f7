// SPDX-License-Identifier: GPL-3.0-or-later
// ferry-cli's file system commands: ls, stat, mkdir, rm, mv, chmod, df, hash.
#include "core/cli/cliapp.h"

#include "core/cli/remotepath.h"
#include "core/copy/movejob.h"
#include "core/humanformat.h"
#include "core/pathcodec.h"
#include "core/protocol/entry.h"

#include <QElapsedTimer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace ferry::cli {

namespace {

char typeLetter(protocol::Entry::Type type)
{
    switch (type) {
    case protocol::Entry::Type::Directory: return 'd';
    case protocol::Entry::Type::Symlink: return 'l';
    case protocol::Entry::Type::File: return '-';
    case protocol::Entry::Type::Other: return '?';
    }
    return '?';
}

QString typeName(protocol::Entry::Type type)
{
    switch (type) {
    case protocol::Entry::Type::Directory: return u"directory"_s;
    case protocol::Entry::Type::Symlink: return u"symlink"_s;
    case protocol::Entry::Type::File: return u"file"_s;
    case protocol::Entry::Type::Other: return u"other"_s;
    }
    return u"other"_s;
}

QJsonObject toJson(const protocol::Entry &e)
{
    // JSON holds Unicode text only: names in their escaped form, as ls shows them.
    QJsonObject o{{u"name"_s, pathcodec::escaped(e.name)}, {u"type"_s, typeName(e.type)}, {u"size"_s, e.size},
                  {u"mode"_s, QString::number(e.mode, 8).rightJustified(4, u'0')}, {u"mtime_ns"_s, e.mtimeNs}};
    if (e.type == protocol::Entry::Type::Symlink)
        o.insert(u"target"_s, pathcodec::escaped(e.linkTarget));
    return o;
}

QString longLine(const protocol::Entry &e)
{
    QString line = formatMode(typeLetter(e.type), e.mode) + u"  "_s + QString::number(e.size).rightJustified(12) + u"  "_s + formatTime(e.mtimeNs) + u"  "_s + pathcodec::escaped(e.name);
    if (e.type == protocol::Entry::Type::Symlink)
        line += u" -> "_s + pathcodec::escaped(e.linkTarget);
    return line;
}

void printLine(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
}

/// A command parser that takes options only before the first path.
bool parseCommand(QCommandLineParser &parser, const QString &command, const QStringList &args, QString *error)
{
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(QStringList{command} + args)) {
        *error = command + u": "_s + parser.errorText();
        return false;
    }
    return true;
}

} // namespace

void CliApp::cmdLs(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption longOption(u"l"_s, u"long listing"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"JSON output"_s);
    parser.addOptions({longOption, jsonOption});
    QString error;
    QStringList paths;
    if (!parseCommand(parser, u"ls"_s, args, &error))
        return usage(error);
    if (!remoteArgs(u"ls"_s, parser.positionalArguments().isEmpty() ? QStringList{u":"_s} : parser.positionalArguments(), &paths))
        return;
    const bool longFormat = parser.isSet(longOption);
    const bool json = parser.isSet(jsonOption);
    m_remote->listAll(paths.first(), [this, longFormat, json](const Expected<QList<protocol::Entry>> &entries) {
        if (!entries)
            return fail(entries.error());
        if (json) {
            QJsonArray array;
            for (const protocol::Entry &e : std::as_const(*entries))
                array.append(toJson(e));
            std::fputs(QJsonDocument(array).toJson().constData(), stdout);
        } else {
            for (const protocol::Entry &e : std::as_const(*entries))
                printLine(longFormat ? longLine(e) : pathcodec::escaped(e.name));
        }
        finish(ExitOk);
    }, this);
}

void CliApp::cmdStat(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(u"json"_s, u"JSON output"_s);
    parser.addOption(jsonOption);
    QString error;
    QStringList paths;
    if (!parseCommand(parser, u"stat"_s, args, &error))
        return usage(error);
    if (!remoteArgs(u"stat"_s, parser.positionalArguments(), &paths))
        return;
    const bool json = parser.isSet(jsonOption);
    const QString path = paths.first();
    m_remote->stat(path, [this, json, path](const Expected<protocol::Entry> &e) {
        if (!e)
            return fail(e.error());
        if (json) {
            QJsonObject o = toJson(*e);
            o.insert(u"path"_s, pathcodec::escaped(path));
            std::fputs(QJsonDocument(o).toJson().constData(), stdout);
        } else {
            printLine(QCoreApplication::translate("ferry::cli", "  Path: %1").arg(u':' + pathcodec::escaped(path)));
            const QString type = typeName(e->type) + (e->type == protocol::Entry::Type::Symlink ? u" -> "_s + pathcodec::escaped(e->linkTarget) : QString());
            printLine(QCoreApplication::translate("ferry::cli", "  Type: %1").arg(type));
            printLine(QCoreApplication::translate("ferry::cli", "  Size: %1 (%2)").arg(e->size).arg(formatSize(e->size)));
            printLine(QCoreApplication::translate("ferry::cli", "  Mode: %1 (%2)").arg(QString::number(e->mode, 8).rightJustified(4, u'0'), formatMode(typeLetter(e->type), e->mode)));
            printLine(QCoreApplication::translate("ferry::cli", "Modify: %1").arg(formatTime(e->mtimeNs)));
        }
        finish(ExitOk);
    }, this);
}

void CliApp::cmdMkdir(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption parentsOption(u"p"_s, u"make parents as needed"_s);
    parser.addOption(parentsOption);
    QString error;
    QStringList paths;
    if (!parseCommand(parser, u"mkdir"_s, args, &error))
        return usage(error);
    if (!remoteArgs(u"mkdir"_s, parser.positionalArguments(), &paths))
        return;
    const bool parents = parser.isSet(parentsOption);
    forEachCall(paths, [this, parents](const QString &path, client::FileSystem::Done<void> done) { m_remote->mkdir(path, 0777, parents, done, this); });
}

void CliApp::cmdRm(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption recursiveOption({u"r"_s, u"R"_s}, u"remove directories and their contents"_s);
    parser.addOption(recursiveOption);
    QString error;
    QStringList paths;
    if (!parseCommand(parser, u"rm"_s, args, &error))
        return usage(error);
    if (!remoteArgs(u"rm"_s, parser.positionalArguments(), &paths))
        return;
    const bool recursive = parser.isSet(recursiveOption);
    forEachCall(paths, [this, recursive](const QString &path, client::FileSystem::Done<void> done) { m_remote->remove(path, recursive, done, this); });
}

void CliApp::cmdMv(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption forceOption(u"f"_s, u"replace an existing destination"_s);
    parser.addOption(forceOption);
    QString error;
    QStringList paths;
    if (!parseCommand(parser, u"mv"_s, args, &error))
        return usage(error);
    if (!remoteArgs(u"mv"_s, parser.positionalArguments(), &paths))
        return;
    if (paths.size() < 2)
        return usage(QCoreApplication::translate("ferry::cli", "mv: expects :SRC... :DST"));
    // The planner decides "into it" or "to this name" and what replaces what.
    auto *job = new copy::MoveJob(m_session, paths.first(paths.size() - 1), paths.last(),
                                  parser.isSet(forceOption) ? copy::ConflictPolicy::Overwrite : copy::ConflictPolicy::Fail, this);
    connect(job, &copy::MoveJob::itemFailed, this, [this](const Error &error) { warn(error.message); });
    connect(job, &copy::MoveJob::itemSkipped, this, [this](const QString &path, const QString &reason) {
        if (!m_quiet)
            warn(QCoreApplication::translate("ferry::cli", "skipped %1 (%2)").arg(pathcodec::escaped(path), reason));
    });
    connect(job, &transfer::Job::finished, this, [this, job] {
        job->deleteLater();
        if (job->succeeded())
            return finish(ExitOk);
        // Each failed entry was reported as it happened.
        if (job->failedCount() > 0)
            return finish(ExitFailure);
        fail(job->error());
    });
    job->start();
}

void CliApp::cmdChmod(const QStringList &args)
{
    if (args.size() < 2)
        return usage(QCoreApplication::translate("ferry::cli", "chmod: expects MODE :PATH..."));
    bool ok = false;
    const uint mode = args.first().toUInt(&ok, 8);
    if (!ok || mode > 07777)
        return usage(QCoreApplication::translate("ferry::cli", "chmod: '%1' is not an octal mode").arg(args.first()));
    QStringList paths;
    if (!remoteArgs(u"chmod"_s, args.mid(1), &paths))
        return;
    forEachCall(paths, [this, mode](const QString &path, client::FileSystem::Done<void> done) {
        m_remote->setAttributes(path, client::Attributes{quint32(mode), std::nullopt}, done, this);
    });
}

void CliApp::cmdDf(const QStringList &args)
{
    QStringList paths;
    if (!remoteArgs(u"df"_s, args.isEmpty() ? QStringList{u":"_s} : args, &paths))
        return;
    m_remote->space(paths.first(), [this, paths](const Expected<client::SpaceInfo> &space) {
        if (!space)
            return fail(space.error());
        const qint64 total = space->total;
        const qint64 avail = space->available;
        const qint64 free = space->free;
        //: Column headings of df; each word starts where the column below it does.
        printLine(QCoreApplication::translate("ferry::cli", "Size        Used        Available   Use%  Path"));
        const qint64 used = total - free;
        const qint64 pct = total > 0 ? (used * 100 + total - 1) / total : 0;
        printLine(formatSize(total).leftJustified(12) + formatSize(used).leftJustified(12) + formatSize(avail).leftJustified(12)
                  + QString(QString::number(pct) + u'%').leftJustified(6) + u':' + pathcodec::escaped(paths.first()));
        finish(ExitOk);
    }, this);
}

std::function<void(qint64, qint64)> CliApp::agentProgress(const QString &label) const
{
    if (!m_progress)
        return {};
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    return [label, clock](qint64 done, qint64 total) {
        const double speed = clock->elapsed() > 0 ? double(done) * 1000.0 / double(clock->elapsed()) : 0.0;
        const qint64 eta = speed > 0 ? qint64(double(total - done) / speed) : -1;
        std::fprintf(stderr, "\r\033[K%s", qPrintable(progressLine(label, done, total, speed, eta)));
        std::fflush(stderr);
    };
}

void CliApp::cmdHash(const QStringList &args)
{
    QStringList paths;
    if (!remoteArgs(u"hash"_s, args, &paths))
        return;
    forEachPath(paths, [this](const QString &path, std::function<void(const Error &)> next) {
        // A large file takes a while: the agent reports progress, shown
        // like a transfer's.
        m_remote->hash(path, agentProgress(u":"_s + pathcodec::escaped(path)), [this, path, next](const Expected<client::Digest> &digest) {
            if (m_progress)
                std::fputs("\r\033[K", stderr);
            if (digest)
                printLine(QString::fromLatin1(digest->hash.toHex()) + u"  :"_s + pathcodec::escaped(path));
            next(digest ? Error{} : digest.error());
        }, this);
    });
}

} // namespace ferry::cli
