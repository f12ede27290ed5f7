// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/terminalconflicthandler.h"

#include "core/copy/copyjob.h"
#include "core/humanformat.h"
#include "core/pathcodec.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

namespace ferry::cli {

namespace {

QString describe(const protocol::Entry &e)
{
    if (e.type == protocol::Entry::Type::Directory)
        return QCoreApplication::translate("ferry::cli", "folder, modified %1").arg(formatTime(e.mtimeNs));
    return QCoreApplication::translate("ferry::cli", "%1, modified %2").arg(formatSize(e.size), formatTime(e.mtimeNs));
}

} // namespace

TerminalConflictHandler::TerminalConflictHandler(QObject *parent)
    : QObject(parent)
    , m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this))
{
    m_notifier->setEnabled(false);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminalConflictHandler::onInput);
}

TerminalConflictHandler::~TerminalConflictHandler() = default;

void TerminalConflictHandler::askConflict(transfer::Job *, const copy::ConflictInfo &info, std::function<void(const copy::ConflictAnswer &)> answer)
{
    m_queue.enqueue(Question{info, std::move(answer)});
    if (!m_current)
        showNext();
}

void TerminalConflictHandler::showNext()
{
    if (m_queue.isEmpty()) {
        m_current.reset();
        m_notifier->setEnabled(false);
        return;
    }
    m_current = m_queue.dequeue();
    const copy::ConflictInfo &info = m_current->info;
    std::fprintf(stderr, "\r\033[K%s\n", qPrintable(QCoreApplication::translate("ferry::cli", "%1 already exists.").arg(pathcodec::escaped(info.destinationPath))));
    std::fprintf(stderr, "  %s\n", qPrintable(QCoreApplication::translate("ferry::cli", "existing: %1").arg(describe(info.destination))));
    std::fprintf(stderr, "  %s\n", qPrintable(QCoreApplication::translate("ferry::cli", "new:      %1 (%2)").arg(describe(info.source), pathcodec::escaped(info.sourcePath))));
    prompt();
    m_line.clear();
    m_notifier->setEnabled(true);
}

void TerminalConflictHandler::prompt()
{
    const copy::ConflictInfo &info = m_current->info;
    QString choices = info.typeMismatch ? QCoreApplication::translate("ferry::cli", "[s]kip, [r]ename to \"%1\"").arg(pathcodec::escaped(info.suggestedName))
                                        : QCoreApplication::translate("ferry::cli", "[o]verwrite, [s]kip, [r]ename to \"%1\", overwrite if [n]ewer").arg(pathcodec::escaped(info.suggestedName));
    if (info.canResume)
        choices += QCoreApplication::translate("ferry::cli", ", r[e]sume");
    choices += QCoreApplication::translate("ferry::cli", ", [c]ancel (capital letter: the same for all)");
    std::fprintf(stderr, "%s? ", qPrintable(choices));
    std::fflush(stderr);
}

void TerminalConflictHandler::onInput()
{
    if (!m_current)
        return;
    char buffer[256];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    using Answer = copy::ConflictAnswer;
    const auto reply = [this](const Answer &answer) {
        auto question = std::move(*m_current);
        m_current.reset();
        question.answer(answer);
        showNext();
    };
    if (n <= 0) {
        // The terminal went away: nobody can answer.
        m_queue.clear();
        reply(Answer{Answer::Cancel, false, {}});
        return;
    }
    m_line.append(buffer, n);
    const qsizetype newline = m_line.indexOf('\n');
    if (newline < 0)
        return;
    const QString text = QString::fromLocal8Bit(m_line.left(newline)).trimmed();
    m_line.clear();
    const copy::ConflictInfo &info = m_current->info;
    const QChar c = text.isEmpty() ? QChar() : text.at(0);
    const bool all = c.isUpper();
    switch (c.toLower().unicode()) {
    case u'o':
        if (!info.typeMismatch)
            return reply(Answer{Answer::Overwrite, all, {}});
        break;
    case u's':
        return reply(Answer{Answer::Skip, all, {}});
    case u'r':
        return reply(Answer{Answer::Rename, all, {}});
    case u'n':
        if (!info.typeMismatch)
            return reply(Answer{Answer::OverwriteIfNewer, all, {}});
        break;
    case u'e':
        if (info.canResume)
            return reply(Answer{Answer::Resume, all, {}});
        break;
    case u'c':
        return reply(Answer{Answer::Cancel, false, {}});
    default:
        break;
    }
    prompt();
}

} // namespace ferry::cli
