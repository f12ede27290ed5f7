// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/openwithdialog.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {
constexpr int OtherRow = -1;
}

OpenWithDialog::OpenWithDialog(const QString &shownName, const QString &mimeType, QWidget *parent)
    : QDialog(parent)
    , m_apps(applicationsFor(mimeType))
    , m_list(new QListWidget(this))
    , m_command(new QLineEdit(this))
{
    setObjectName(u"openWithDialog"_s);
    setWindowTitle(tr("Open With"));
    auto *label = new QLabel(tr("Open “%1” with:").arg(shownName), this);
    label->setWordWrap(true);
    label->setBuddy(m_list);
    m_list->setObjectName(u"applications"_s);
    m_list->setAccessibleName(tr("Applications"));
    for (qsizetype i = 0; i < m_apps.size(); ++i) {
        auto *item = new QListWidgetItem(QIcon::fromTheme(m_apps.at(i).icon, QIcon::fromTheme(u"application-x-executable"_s)), m_apps.at(i).name, m_list);
        item->setData(Qt::UserRole, int(i));
        item->setToolTip(m_apps.at(i).exec);
    }
    auto *other = new QListWidgetItem(QIcon::fromTheme(u"system-run"_s), tr("Other command…"), m_list);
    other->setData(Qt::UserRole, OtherRow);
    m_command->setObjectName(u"command"_s);
    m_command->setAccessibleName(tr("Command"));
    m_command->setPlaceholderText(tr("Command, e.g. kate or gedit --new-window %f"));
    m_command->setEnabled(m_apps.isEmpty());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"buttons"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &OpenWithDialog::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, [this] {
        if (!chosen().exec.isEmpty())
            accept();
        else
            m_command->setFocus();
    });
    connect(m_command, &QLineEdit::textChanged, this, &OpenWithDialog::updateButtons);
    connect(this, &QDialog::accepted, this, [this] {
        const DesktopApplication app = chosen();
        if (!app.exec.isEmpty())
            Q_EMIT applicationChosen(app);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list);
    layout->addWidget(m_command);
    layout->addWidget(buttons);
    m_list->setCurrentRow(0);
    updateButtons();
    resize(420, 380);
}

DesktopApplication OpenWithDialog::chosen() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return {};
    const int index = item->data(Qt::UserRole).toInt();
    if (index != OtherRow)
        return m_apps.at(index);
    DesktopApplication typed;
    typed.name = m_command->text().trimmed();
    typed.exec = typed.name;
    return typed;
}

void OpenWithDialog::updateButtons()
{
    const QListWidgetItem *item = m_list->currentItem();
    const bool other = item && item->data(Qt::UserRole).toInt() == OtherRow;
    m_command->setEnabled(other);
    if (auto *open = findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Open))
        open->setEnabled(!chosen().exec.isEmpty());
}

} // namespace ferry::ui
