// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tokenfields.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace ferry::ui {

TokenFields::TokenFields(QWidget *dialog, const QString &browseTitle)
    : QObject(dialog)
    , m_dialog(dialog)
    , m_browseTitle(browseTitle)
    , m_file(new QLineEdit(dialog))
    , m_browse(new QPushButton(tr("&Browse…"), dialog))
    , m_pasted(new QLineEdit(dialog))
{
    m_pasted->setEchoMode(QLineEdit::Password);
    clearPasted(false);
    connect(m_browse, &QPushButton::clicked, this, &TokenFields::browse);
}

QList<int> TokenFields::addRows(QFormLayout *form)
{
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    auto *fileLabel = new QLabel(tr("Token f&ile:"), m_dialog);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    auto *pastedLabel = new QLabel(tr("Or &paste the token:"), m_dialog);
    pastedLabel->setBuddy(m_pasted);
    form->addRow(pastedLabel, m_pasted);
    return {form->rowCount() - 2, form->rowCount() - 1};
}

void TokenFields::setAccessibleNames(const QString &fileName, const QString &browseName, const QString &pastedName)
{
    m_file->setAccessibleName(fileName);
    m_browse->setAccessibleName(browseName);
    m_pasted->setAccessibleName(pastedName);
}

QString TokenFields::file() const
{
    return m_file->text().trimmed();
}

QByteArray TokenFields::pasted() const
{
    return m_pasted->text().trimmed().toUtf8();
}

void TokenFields::clearPasted(bool inKeychain)
{
    m_pasted->clear();
    m_pasted->setPlaceholderText(inKeychain ? tr("Saved in the system keychain") : tr("Leave empty to use the token file"));
}

void TokenFields::browse()
{
    // Not exec(): a file dialog must not spin a nested event loop under us.
    auto *dialog = new QFileDialog(m_dialog, m_browseTitle);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    // The standard token lives under ~/.config, hidden from a default view.
    dialog->setFilter(dialog->filter() | QDir::Hidden);
    const QFileInfo current(file());
    dialog->setDirectory(!current.filePath().isEmpty() && current.absoluteDir().exists() ? current.absolutePath() : QDir::homePath());
    if (current.exists())
        dialog->selectFile(current.absoluteFilePath());
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &chosen) {
        m_file->setText(chosen);
        m_pasted->clear();
        m_file->setFocus();
    });
    dialog->open();
}

} // namespace ferry::ui
