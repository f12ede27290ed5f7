// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/namedaction.h"

#include <QAction>
#include <QIcon>

namespace ferry::ui {

QAction *createNamedAction(QObject *parent, const QString &name, const QString &icon, const QString &text, const QKeySequence &key)
{
    auto *action = new QAction(QIcon::fromTheme(icon), text, parent);
    action->setObjectName(name);
    action->setShortcut(key);
    action->setToolTip(QString(text).remove(u'&').remove(u'…')
                       + (key.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(key.toString(QKeySequence::NativeText))));
    return action;
}

QAction *namedAction(const QObject *parent, const QString &name)
{
    return parent->findChild<QAction *>(name, Qt::FindDirectChildrenOnly);
}

} // namespace ferry::ui
