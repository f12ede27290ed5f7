// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/conflictdialog.h"

#include "core/copy/copyjob.h"
#include "core/humanformat.h"
#include "core/pathcodec.h"
#include "ui/displayformat.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeDatabase>
#include <QPushButton>
#include <QVBoxLayout>

namespace ferry::ui {

namespace {

QGroupBox *describe(const QString &title, const QString &path, const protocol::Entry &entry, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QHBoxLayout(box);
    auto *icon = new QLabel(box);
    const QIcon themed = entry.isDir() ? QIcon::fromTheme(QStringLiteral("folder"))
                                       : QIcon::fromTheme(QMimeDatabase().mimeTypeForFile(entry.name, QMimeDatabase::MatchExtension).iconName(),
                                                          QIcon::fromTheme(QStringLiteral("text-x-generic")));
    icon->setPixmap(themed.pixmap(48, 48));
    layout->addWidget(icon);
    auto *form = new QFormLayout;
    auto *where = new QLabel(pathcodec::escaped(path), box);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(ConflictDialog::tr("Location:"), where);
    form->addRow(ConflictDialog::tr("Size:"), new QLabel(entry.isDir() ? ConflictDialog::tr("Folder") : displaySize(entry.size), box));
    form->addRow(ConflictDialog::tr("Modified:"), new QLabel(QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry.mtimeNs / 1000000), QLocale::LongFormat), box));
    layout->addLayout(form, 1);
    return box;
}

} // namespace

ConflictDialog::ConflictDialog(const copy::ConflictInfo &info, QWidget *parent)
    : QDialog(parent)
    , m_info(info)
    , m_name(new QLineEdit(pathcodec::escaped(info.suggestedName), this))
    , m_applyToAll(new QCheckBox(tr("&Apply to all remaining conflicts of this copy"), this))
{
    using Answer = copy::ConflictAnswer;
    setWindowTitle(info.typeMismatch ? tr("Name Already in Use") : tr("File Already Exists"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    auto *headline = new QLabel(info.typeMismatch ? tr("A folder and a file cannot share the name <b>%1</b>.").arg(pathcodec::escaped(info.destination.name).toHtmlEscaped())
                                                  : tr("<b>%1</b> already exists.").arg(pathcodec::escaped(info.destination.name).toHtmlEscaped()),
                                this);
    layout->addWidget(headline);
    auto *sides = new QHBoxLayout;
    sides->addWidget(describe(tr("Existing"), info.destinationPath, info.destination, this));
    sides->addWidget(describe(tr("New"), info.sourcePath, info.source, this));
    layout->addLayout(sides);

    auto *renameRow = new QHBoxLayout;
    auto *renameLabel = new QLabel(tr("New &name:"), this);
    renameLabel->setBuddy(m_name);
    m_name->setAccessibleName(tr("New name"));
    renameRow->addWidget(renameLabel);
    renameRow->addWidget(m_name, 1);
    layout->addLayout(renameRow);
    layout->addWidget(m_applyToAll);

    auto *buttons = new QDialogButtonBox(this);
    const auto add = [this, buttons](Answer::Action action, const QString &text, QDialogButtonBox::ButtonRole role) {
        QPushButton *b = buttons->addButton(text, role);
        b->setAccessibleName(QString(text).remove(u'&'));
        m_buttons.insert(action, b);
        connect(b, &QPushButton::clicked, this, [this, action] { answer(action); });
    };
    if (!info.typeMismatch) {
        add(Answer::Overwrite, tr("&Overwrite"), QDialogButtonBox::AcceptRole);
        add(Answer::OverwriteIfNewer, tr("Overwrite if &Newer"), QDialogButtonBox::AcceptRole);
    }
    if (info.canResume)
        add(Answer::Resume, tr("Res&ume"), QDialogButtonBox::AcceptRole);
    add(Answer::Rename, tr("&Rename"), QDialogButtonBox::AcceptRole);
    add(Answer::Skip, tr("&Skip"), QDialogButtonBox::RejectRole);
    add(Answer::Cancel, tr("&Cancel Copy"), QDialogButtonBox::DestructiveRole);
    layout->addWidget(buttons);
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_buttons.value(copy::ConflictAnswer::Rename)->setEnabled(!text.trimmed().isEmpty() && !text.contains(u'/') && text != m_info.destination.name);
    });
    // Closing the window is a skip, never a silent overwrite.
    connect(this, &QDialog::rejected, this, [this] { answer(copy::ConflictAnswer::Skip); });
}

QPushButton *ConflictDialog::button(copy::ConflictAnswer::Action action) const
{
    return m_buttons.value(action);
}

void ConflictDialog::answer(copy::ConflictAnswer::Action action)
{
    if (m_answered)
        return;
    m_answered = true;
    copy::ConflictAnswer a{action, m_applyToAll->isChecked(), {}};
    if (action == copy::ConflictAnswer::Rename) {
        // The field holds the escaped form; an escape it cannot read stays
        // as typed, and the copy reports the name it cannot use.
        const QString typed = m_name->text().trimmed();
        a.newName = pathcodec::unescaped(typed).value_or(typed);
    }
    Q_EMIT answered(a);
    close();
}

DialogConflictHandler::DialogConflictHandler(QWidget *parentWindow)
    : QObject(parentWindow)
    , m_window(parentWindow)
{
}

void DialogConflictHandler::askConflict(transfer::Job *job, const copy::ConflictInfo &info, std::function<void(const copy::ConflictAnswer &)> answer)
{
    m_queue.append(Question{job, info, std::move(answer)});
    if (!m_dialog)
        showNext();
}

void DialogConflictHandler::showNext()
{
    while (!m_queue.isEmpty()) {
        Question q = m_queue.takeFirst();
        if (!q.job || q.job->isFinished())
            continue; // the copy ended meanwhile: no question left to ask
        auto *dialog = new ConflictDialog(q.info, m_window);
        m_dialog = dialog;
        connect(dialog, &ConflictDialog::answered, this, [this, answer = q.answer](const copy::ConflictAnswer &a) {
            answer(a);
            QMetaObject::invokeMethod(this, &DialogConflictHandler::showNext, Qt::QueuedConnection);
        });
        // A job that ends first takes its dialog with it.
        connect(q.job, &transfer::Job::finished, dialog, [this, dialog] {
            // Only our own connection: a bare disconnect() would also cut
            // Qt's (the accessibility cache listens for destroyed()).
            QObject::disconnect(dialog, &ConflictDialog::answered, nullptr, nullptr);
            dialog->close();
            // Other jobs' questions wait behind this one.
            QMetaObject::invokeMethod(this, &DialogConflictHandler::showNext, Qt::QueuedConnection);
        });
        dialog->show(); // non-modal: never exec()
        Q_EMIT dialogShown(dialog);
        return;
    }
    m_dialog = nullptr;
}

} // namespace ferry::ui
