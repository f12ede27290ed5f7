// SPDX-License-Identifier: GPL-3.0-or-later
// ferry-cli's file system commands: ls, stat, mkdir, rm, mv, chmod, df, hash.
#include "core/cli/cliapp.h"

#include "core/cli/remotepath.h"
#include "core/copy/movejob.h"
#include "core/humanformat.h"
#include "core/pathcodec.h"
#include "core/protocol/entry.h"
#include "core/protocol/wirepath.h"

#include <QCborArray>
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
    auto entries = std::make_shared<QList<protocol::Entry>>();
    m_session->request(u"list"_s, QCborMap{{"path"_L1, protocol::pathValue(paths.first())}}, [this, entries, longFormat, json](const Expected<QCborMap> &reply, bool last) {
        if (!reply)
            return fail(reply.error());
        for (const QCborValue &value : reply->value("entries"_L1).toArray()) {
            auto entry = protocol::Entry::fromCbor(value);
            if (!entry)
                return fail(entry.error());
            entries->append(*entry);
        }
        if (!last)
            return;
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
    });
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
    remoteStat(path, [this, json, path](const Expected<QCborMap> &map) {
        if (!map)
            return fail(map.error());
        auto e = protocol::Entry::fromCbor(*map);
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
    });
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
    forEachRequest(paths, u"mkdir"_s, [parents](const QString &path) { return QCborMap{{"path"_L1, protocol::pathValue(path)}, {"parents"_L1, parents}}; });
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
    forEachRequest(paths, u"rm"_s, [recursive](const QString &path) { return QCborMap{{"path"_L1, protocol::pathValue(path)}, {"recursive"_L1, recursive}}; });
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
    forEachRequest(paths, u"chmod"_s, [mode](const QString &path) { return QCborMap{{"path"_L1, protocol::pathValue(path)}, {"mode"_L1, qint64(mode)}}; });
}

void CliApp::cmdDf(const QStringList &args)
{
    QStringList paths;
    if (!remoteArgs(u"df"_s, args.isEmpty() ? QStringList{u":"_s} : args, &paths))
        return;
    m_session->request(u"df"_s, QCborMap{{"path"_L1, protocol::pathValue(paths.first())}}, [this, paths](const Expected<QCborMap> &reply, bool) {
        if (!reply)
            return fail(reply.error());
        const qint64 total = reply->value("total"_L1).toInteger();
        const qint64 avail = reply->value("avail"_L1).toInteger();
        const qint64 free = reply->value("free"_L1).toInteger();
        //: Column headings of df; each word starts where the column below it does.
        printLine(QCoreApplication::translate("ferry::cli", "Size        Used        Available   Use%  Path"));
        const qint64 used = total - free;
        const qint64 pct = total > 0 ? (used * 100 + total - 1) / total : 0;
        printLine(formatSize(total).leftJustified(12) + formatSize(used).leftJustified(12) + formatSize(avail).leftJustified(12)
                  + QString(QString::number(pct) + u'%').leftJustified(6) + u':' + pathcodec::escaped(paths.first()));
        finish(ExitOk);
    });
}

void CliApp::cmdHash(const QStringList &args)
{
    QStringList paths;
    if (!remoteArgs(u"hash"_s, args, &paths))
        return;
    forEachPath(paths, [this](const QString &path, std::function<void(const Error &)> next) {
        // A large file takes a while: the agent reports progress, shown
        // like a transfer's.
        QCborMap args{{"path"_L1, protocol::pathValue(path)}};
        if (m_progress)
            args.insert("progress"_L1, true);
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        m_session->request(u"hash"_s, args, [this, path, next, clock](const Expected<QCborMap> &reply, bool last) {
            if (reply && !last) {
                const qint64 done = reply->value("done"_L1).toInteger();
                const qint64 size = reply->value("size"_L1).toInteger();
                const double speed = clock->elapsed() > 0 ? double(done) * 1000.0 / double(clock->elapsed()) : 0.0;
                const qint64 eta = speed > 0 ? qint64(double(size - done) / speed) : -1;
                std::fprintf(stderr, "\r\033[K%s", qPrintable(progressLine(u":"_s + pathcodec::escaped(path), done, size, speed, eta)));
                std::fflush(stderr);
                return;
            }
            if (m_progress)
                std::fputs("\r\033[K", stderr);
            if (reply)
                printLine(QString::fromLatin1(reply->value("h"_L1).toByteArray().toHex()) + u"  :"_s + pathcodec::escaped(path));
            next(reply ? Error{} : reply.error());
        });
    });
}

} // namespace ferry::cli
