// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>
#include <QString>

class QAction;
class QObject;

namespace ferry::ui {

/// An action of a window or pane that menus, tool bars and tests find again
/// by @p name: its icon from the theme, its shortcut, and a tool tip that
/// names the shortcut.
QAction *createNamedAction(QObject *parent, const QString &name, const QString &icon, const QString &text, const QKeySequence &key);
/// The action createNamedAction() made for @p parent under @p name, or null.
QAction *namedAction(const QObject *parent, const QString &name);

} // namespace ferry::ui
