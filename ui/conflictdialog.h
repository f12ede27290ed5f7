// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/copy/conflict.h"
#include "core/transfer/job.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace ferry::ui {

/// "File Already Exists": both files side by side, and the choices of a
/// mature file manager. Non-modal: other transfers go on while it is open.
class ConflictDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictDialog)

public:
    ConflictDialog(const copy::ConflictInfo &info, QWidget *parent = nullptr);

    QPushButton *button(copy::ConflictAnswer::Action action) const;
    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *applyToAll() const { return m_applyToAll; }

Q_SIGNALS:
    void answered(const ferry::copy::ConflictAnswer &answer);

private:
    void answer(copy::ConflictAnswer::Action action);

    copy::ConflictInfo m_info;
    QLineEdit *m_name;
    QCheckBox *m_applyToAll;
    QHash<int, QPushButton *> m_buttons;
    bool m_answered = false;
};

/// Shows a ConflictDialog per question, one at a time, for a copy job.
class DialogConflictHandler final : public QObject, public copy::ConflictHandler
{
    Q_OBJECT

public:
    explicit DialogConflictHandler(QWidget *parentWindow);
    void askConflict(transfer::Job *job, const copy::ConflictInfo &info, std::function<void(const copy::ConflictAnswer &)> answer) override;
    ConflictDialog *currentDialog() const { return m_dialog; }

Q_SIGNALS:
    void dialogShown(ferry::ui::ConflictDialog *dialog);

private:
    struct Question {
        QPointer<transfer::Job> job;
        copy::ConflictInfo info;
        std::function<void(const copy::ConflictAnswer &)> answer;
    };
    void showNext();

    QWidget *m_window;
    QList<Question> m_queue;
    QPointer<ConflictDialog> m_dialog;
};

} // namespace ferry::ui
