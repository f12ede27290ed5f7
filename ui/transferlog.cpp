// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/transferlog.h"

#include "core/pathcodec.h"
#include "ui/displayformat.h"
#include "ui/messagebar.h"
#include "ui/namedaction.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QSaveFile>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {

enum Column { TimeColumn, ResultColumn, SizeColumn, SourceColumn, DestinationColumn, ReasonColumn, ColumnCount };

/// One CSV field (RFC 4180).
QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    return u'"' + QString(text).replace(u"\""_s, u"\"\""_s) + u'"';
}

} // namespace

TransferLog::TransferLog(QWidget *parent)
    : QDockWidget(tr("Transfer Log"), parent)
    , m_view(new QTreeWidget(this))
    , m_messages(new MessageBar(this))
{
    setObjectName(u"transferLog"_s);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QToolBar(tr("Log Actions"), content);
    bar->setObjectName(u"transferLogToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    QAction *save = createNamedAction(this, u"saveLog"_s, u"document-save-as"_s, tr("&Save Log…"), QKeySequence());
    connect(save, &QAction::triggered, this, &TransferLog::chooseFileAndSave);
    QAction *clearAction = createNamedAction(this, u"clearLog"_s, u"edit-clear-history"_s, tr("C&lear Log"), QKeySequence());
    connect(clearAction, &QAction::triggered, this, &TransferLog::clear);
    bar->addAction(save);
    bar->addAction(clearAction);
    layout->addWidget(bar);
    m_messages->setObjectName(u"transferLogMessages"_s);
    layout->addWidget(m_messages);

    m_view->setObjectName(u"transferLogView"_s);
    m_view->setAccessibleName(tr("Transfer log"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setHeaderLabels({tr("Time"), tr("Result"), tr("Size"), tr("From"), tr("To"), tr("Reason")});
    m_view->header()->setStretchLastSection(true);
    layout->addWidget(m_view);
    setWidget(content);
    clearAction->setEnabled(false);
    save->setEnabled(false);
}

QAction *TransferLog::action(const QString &name) const
{
    return namedAction(this, name);
}

QString TransferLog::directionText(copy::Direction direction) const
{
    switch (direction) {
    case copy::Direction::Upload: return tr("Upload");
    case copy::Direction::Download: return tr("Download");
    case copy::Direction::Remote: return tr("Remote copy");
    }
    return {};
}

QString TransferLog::resultText(const Entry &entry) const
{
    using State = TransferQueueModel::State;
    switch (entry.state) {
    case State::Done: return tr("Done");
    case State::Skipped: return tr("Skipped");
    case State::Cancelled: return tr("Cancelled");
    case State::Failed: return tr("Failed");
    case State::Queued:
    case State::Asking:
    case State::Running:
    case State::Paused: break;
    }
    return {};
}

void TransferLog::record(const QString &source, const QString &destination, qint64 size, copy::Direction direction,
                         TransferQueueModel::State state, const QString &reason)
{
    Entry entry{QDateTime::currentDateTime(), source, destination, size, direction, state, reason};
    m_entries.append(entry);
    auto *item = new QTreeWidgetItem(m_view);
    item->setText(TimeColumn, displayTime(entry.when));
    item->setText(ResultColumn, tr("%1 (%2)").arg(resultText(entry), directionText(direction)));
    item->setText(SizeColumn, displaySize(size));
    item->setText(SourceColumn, pathcodec::escaped(source));
    item->setText(DestinationColumn, pathcodec::escaped(destination));
    item->setText(ReasonColumn, reason);
    if (state == TransferQueueModel::State::Failed)
        item->setIcon(ResultColumn, QIcon::fromTheme(u"dialog-error"_s));
    action(u"saveLog"_s)->setEnabled(true);
    action(u"clearLog"_s)->setEnabled(true);
    m_view->scrollToItem(item);
}

void TransferLog::clear()
{
    m_entries.clear();
    m_view->clear();
    action(u"saveLog"_s)->setEnabled(false);
    action(u"clearLog"_s)->setEnabled(false);
}

Expected<void> TransferLog::saveTo(const QString &path) const
{
    const bool csv = path.endsWith(u".csv"_s, Qt::CaseInsensitive);
    QString text;
    if (csv)
        text += u"time,direction,result,size,source,destination,reason\n"_s;
    for (const Entry &entry : m_entries) {
        const QString when = entry.when.toString(Qt::ISODate);
        const QString source = pathcodec::escaped(entry.source);
        const QString destination = pathcodec::escaped(entry.destination);
        if (csv) {
            const QStringList fields{when, directionText(entry.direction), resultText(entry), QString::number(entry.size), source, destination, entry.reason};
            QStringList quoted;
            for (const QString &field : fields)
                quoted.append(csvField(field));
            text += quoted.join(u',') + u'\n';
            continue;
        }
        text += tr("%1  %2 (%3)  %4  %5 → %6").arg(when, resultText(entry), directionText(entry.direction), displaySize(entry.size), source, destination);
        if (!entry.reason.isEmpty())
            text += tr(": %1").arg(entry.reason);
        text += u'\n';
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return std::unexpected(Error{ErrorCode::Io, tr("Could not save the log to %1: %2").arg(pathcodec::escaped(path), file.errorString())});
    return {};
}

void TransferLog::chooseFileAndSave()
{
    auto *dialog = new QFileDialog(this, tr("Save Log"), QDir::homePath(), tr("Text (*.txt *.log);;CSV (*.csv)"));
    dialog->setObjectName(u"saveLogDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->selectFile(u"ferry-transfers.txt"_s);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (auto saved = saveTo(path); !saved)
            m_messages->showMessage(MessageBar::Kind::Error, saved.error().message);
    });
    dialog->open();
}

} // namespace ferry::ui
