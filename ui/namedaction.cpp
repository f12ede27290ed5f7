// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/namedaction.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCoreApplication>
#include <QIcon>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

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

void setUpNameFilter(QLineEdit *filter, QAbstractItemView *list, int maximumWidth)
{
    filter->setPlaceholderText(QCoreApplication::translate("ferry::ui::NameFilter", "Filter (e.g. *.log)"));
    filter->setClearButtonEnabled(true);
    filter->setMaximumWidth(maximumWidth);
    auto *clear = new QAction(QCoreApplication::translate("ferry::ui::NameFilter", "Clear Filter"), filter);
    clear->setObjectName(QStringLiteral("clearFilter"));
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    clear->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(clear, &QAction::triggered, list, [filter, list] {
        filter->clear();
        list->setFocus();
    });
    filter->addAction(clear);
}

QMessageBox *deleteQuestion(QWidget *parent, const QString &objectName, const QString &question)
{
    auto *box = new QMessageBox(QMessageBox::Warning, QCoreApplication::translate("ferry::ui::DeleteQuestion", "Delete"), question,
                                QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(QCoreApplication::translate("ferry::ui::DeleteQuestion", "&Delete"));
    return box;
}

} // namespace ferry::ui
