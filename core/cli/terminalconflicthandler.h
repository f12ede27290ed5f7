// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/copy/conflict.h"

#include <QObject>
#include <QQueue>

class QSocketNotifier;

namespace ferry::cli {

/// Answers copy conflicts on the terminal (stdin/stderr), one at a time:
/// overwrite, skip, rename, resume, newer, each optionally for all. The
/// answer is read without blocking the event loop, so transfers and
/// heartbeats go on while the question is open.
class TerminalConflictHandler final : public QObject, public copy::ConflictHandler
{
    Q_OBJECT

public:
    explicit TerminalConflictHandler(QObject *parent = nullptr);
    ~TerminalConflictHandler() override;

    void askConflict(transfer::Job *job, const copy::ConflictInfo &info, std::function<void(const copy::ConflictAnswer &)> answer) override;
    /// A question is on screen: progress output should hold off.
    bool isPrompting() const { return m_current.has_value(); }

private:
    struct Question {
        copy::ConflictInfo info;
        std::function<void(const copy::ConflictAnswer &)> answer;
    };
    void showNext();
    void prompt();
    void onInput();

    QQueue<Question> m_queue;
    std::optional<Question> m_current;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_line;
};

} // namespace ferry::cli
