// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>
#include <QString>

class QAbstractItemView;
class QAction;
class QLineEdit;
class QMessageBox;
class QWidget;
class QObject;

namespace ferry::ui {

/// An action of a window or pane that menus, tool bars and tests find again
/// by @p name: its icon from the theme, its shortcut, and a tool tip that
/// names the shortcut.
QAction *createNamedAction(QObject *parent, const QString &name, const QString &icon, const QString &text, const QKeySequence &key);
/// The action createNamedAction() made for @p parent under @p name, or null.
QAction *namedAction(const QObject *parent, const QString &name);
/// Makes @p filter a pane's name filter (a placeholder, a clear button, at
/// most @p maximumWidth wide); Esc in it clears it and goes back to @p list.
void setUpNameFilter(QLineEdit *filter, QAbstractItemView *list, int maximumWidth);
/// A pane's window-modal "Delete" question (Cancel the default), named
/// @p objectName; the caller connects accepted() and opens it. It deletes
/// itself when closed.
QMessageBox *deleteQuestion(QWidget *parent, const QString &objectName, const QString &question);

} // namespace ferry::ui
