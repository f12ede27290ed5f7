// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/desktopapplications.h"

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace ferry::ui {

/// "Open With…": the applications that declare the file's type, and a
/// command of the user's own (written like a .desktop Exec line: %f stands
/// for the file, which is appended when the command names none).
class OpenWithDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenWithDialog)

public:
    /// @p shownName: the file as the user knows it; @p mimeType: its type.
    OpenWithDialog(const QString &shownName, const QString &mimeType, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QLineEdit *commandEdit() const { return m_command; }
    /// What is chosen now: an application, or the command typed (id empty).
    DesktopApplication chosen() const;

Q_SIGNALS:
    void applicationChosen(const ferry::ui::DesktopApplication &application);

private:
    void updateButtons();

    QList<DesktopApplication> m_apps;
    QListWidget *m_list;
    QLineEdit *m_command;
};

} // namespace ferry::ui
