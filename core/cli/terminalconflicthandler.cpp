// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/terminalconflicthandler.h"

#include "core/copy/copyjob.h"
#include "core/humanformat.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace ferry::cli {

namespace {

QString describe(const protocol::Entry &e)
{
    if (e.type == protocol::Entry::Type::Directory)
        return QCoreApplication::translate("ferry::cli", "folder, modified %1").arg(formatTime(e.mtimeNs));
    return QCoreApplication::translate("ferry::cli", "%1, modified %2").arg(formatSize(e.size), formatTime(e.mtimeNs));
}

QString readLine()
{
    char buffer[4096] = {};
    if (!std::fgets(buffer, sizeof buffer, stdin))
        return QString();
    return QString::fromLocal8Bit(buffer).trimmed();
}

} // namespace

void TerminalConflictHandler::askConflict(copy::CopyJob *job, const copy::ConflictInfo &info, std::function<void(const copy::ConflictAnswer &)> answer)
{
    // Asked from the event loop, not from inside the job's own call chain.
    QTimer::singleShot(0, job, [info, answer = std::move(answer)] {
        using Answer = copy::ConflictAnswer;
        std::fprintf(stderr, "\r\033[K%s\n", qPrintable(QCoreApplication::translate("ferry::cli", "%1 already exists.").arg(info.destinationPath)));
        std::fprintf(stderr, "  %s\n", qPrintable(QCoreApplication::translate("ferry::cli", "existing: %1").arg(describe(info.destination))));
        std::fprintf(stderr, "  %s\n", qPrintable(QCoreApplication::translate("ferry::cli", "new:      %1 (%2)").arg(describe(info.source), info.sourcePath)));
        QString choices = info.typeMismatch ? QCoreApplication::translate("ferry::cli", "[s]kip, [r]ename to \"%1\"").arg(info.suggestedName)
                                            : QCoreApplication::translate("ferry::cli", "[o]verwrite, [s]kip, [r]ename to \"%1\", overwrite if [n]ewer").arg(info.suggestedName);
        if (info.canResume)
            choices += QCoreApplication::translate("ferry::cli", ", r[e]sume");
        choices += QCoreApplication::translate("ferry::cli", ", [c]ancel; capital letter: the same for all");
        for (;;) {
            std::fprintf(stderr, "%s? ", qPrintable(choices));
            std::fflush(stderr);
            const QString reply = readLine();
            if (reply.isEmpty() && std::feof(stdin)) {
                answer(Answer{Answer::Cancel, false, {}});
                return;
            }
            const QChar c = reply.isEmpty() ? QChar() : reply.at(0);
            const bool all = c.isUpper();
            switch (c.toLower().unicode()) {
            case u'o':
                if (!info.typeMismatch)
                    return answer(Answer{Answer::Overwrite, all, {}});
                break;
            case u's':
                return answer(Answer{Answer::Skip, all, {}});
            case u'r':
                return answer(Answer{Answer::Rename, all, {}});
            case u'n':
                if (!info.typeMismatch)
                    return answer(Answer{Answer::OverwriteIfNewer, all, {}});
                break;
            case u'e':
                if (info.canResume)
                    return answer(Answer{Answer::Resume, all, {}});
                break;
            case u'c':
                return answer(Answer{Answer::Cancel, false, {}});
            default:
                break;
            }
        }
    });
}

} // namespace ferry::cli
