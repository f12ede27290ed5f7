// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/transferdock.h"

#include "ui/displayformat.h"
#include "core/copy/transferslots.h"
#include "ui/messagebar.h"
#include "ui/namedaction.h"
#include "ui/progressdelegate.h"
#include "ui/transferqueuemodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QToolBar>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace ferry::ui {

TransferDock::TransferDock(copy::TransferSlots *pool, QWidget *parent)
    : QDockWidget(tr("Transfers"), parent)
    , m_model(new TransferQueueModel(this))
    , m_view(new QTreeView(this))
    , m_parallel(new QSpinBox(this))
    , m_messages(new MessageBar(this))
{
    setObjectName(QStringLiteral("transferDock"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *bar = new QToolBar(tr("Transfer Actions"), content);
    bar->setObjectName(QStringLiteral("transferToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    const auto make = [this, bar](const QString &name, const QString &icon, const QString &text, const QKeySequence &key, auto slot) {
        QAction *action = createNamedAction(this, name, icon, text, key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        bar->addAction(action);
        m_view->addAction(action);
        return action;
    };
    make(QStringLiteral("pauseSelected"), QStringLiteral("media-playback-pause"), tr("&Pause"), QKeySequence(Qt::Key_P), [this] { m_model->pause(selectedRows()); });
    make(QStringLiteral("resumeSelected"), QStringLiteral("media-playback-start"), tr("Res&ume"), QKeySequence(Qt::Key_R), [this] { m_model->resume(selectedRows()); });
    make(QStringLiteral("cancelSelected"), QStringLiteral("process-stop"), tr("&Cancel"), QKeySequence::Delete, [this] { m_model->cancel(selectedRows()); });
    make(QStringLiteral("retrySelected"), QStringLiteral("view-refresh"), tr("Re&try"), QKeySequence(Qt::Key_T), [this] { m_model->retry(selectedRows()); });
    bar->addSeparator();
    make(QStringLiteral("pauseAll"), QStringLiteral("media-playback-pause"), tr("Pause &All"), QKeySequence(Qt::SHIFT | Qt::Key_P), [this] { m_model->pauseAll(); });
    make(QStringLiteral("resumeAll"), QStringLiteral("media-playback-start"), tr("Resume A&ll"), QKeySequence(Qt::SHIFT | Qt::Key_R), [this] { m_model->resumeAll(); });
    make(QStringLiteral("clearFinished"), QStringLiteral("edit-clear-history"), tr("Clear &Finished"), QKeySequence(), [this] { m_model->clearFinished(); });

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    auto *label = new QLabel(tr("Parallel &transfers:"), bar);
    m_parallel->setObjectName(QStringLiteral("parallelTransfers"));
    m_parallel->setAccessibleName(tr("Parallel transfers"));
    m_parallel->setRange(1, 16);
    m_parallel->setValue(pool ? pool->limit() : 4);
    label->setBuddy(m_parallel);
    bar->addWidget(label);
    bar->addWidget(m_parallel);
    connect(m_parallel, &QSpinBox::valueChanged, this, [this, pool](int value) {
        if (pool)
            pool->setLimit(value);
        Q_EMIT parallelChanged(value);
    });
    layout->addWidget(bar);
    m_messages->setObjectName(QStringLiteral("transferMessages"));
    layout->addWidget(m_messages);

    m_view->setObjectName(QStringLiteral("transferView"));
    m_view->setAccessibleName(tr("Transfer queue"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->setItemDelegateForColumn(TransferQueueModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->header()->setSectionResizeMode(TransferQueueModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->resizeSection(TransferQueueModel::DestinationColumn, 220);
    m_view->header()->resizeSection(TransferQueueModel::ProgressColumn, 160);
    m_view->header()->resizeSection(TransferQueueModel::StateColumn, 220);
    fitHeaderTitles(m_view->header());
    layout->addWidget(m_view);
    setWidget(content);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TransferDock::updateActions);
    // What was just queued comes into view (the rows of a job arrive at
    // the end).
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int, int last) {
        QTimer::singleShot(0, m_view, [this, last] {
            if (last < m_model->rowCount())
                m_view->scrollTo(m_model->index(last, TransferQueueModel::NameColumn));
        });
    });
    connect(m_model, &TransferQueueModel::totalsChanged, this, &TransferDock::updateActions);
    updateActions();
}

void TransferDock::addJob(copy::CopyJob *job, const QString &root)
{
    m_model->addJob(job, root);
}

void TransferDock::addTransfer(transfer::Job *job, const QString &name, const QString &source, const QString &destination, copy::Direction direction)
{
    m_model->addTransfer(job, name, source, destination, direction);
}

void TransferDock::addTask(transfer::Job *job, const QString &name, const QString &target, const QString &kind)
{
    m_model->addTask(job, name, target, kind);
}

QAction *TransferDock::action(const QString &name) const
{
    return namedAction(this, name);
}

QList<int> TransferDock::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    return rows;
}

void TransferDock::updateActions()
{
    using State = TransferQueueModel::State;
    bool pausable = false, resumable = false, retryable = false;
    for (int row : selectedRows()) {
        const State state = m_model->state(row);
        pausable |= !TransferQueueModel::isFinal(state) && state != State::Paused;
        resumable |= state == State::Paused;
        retryable |= (state == State::Failed || state == State::Cancelled) && m_model->canRetry(row);
    }
    action(QStringLiteral("pauseSelected"))->setEnabled(pausable);
    action(QStringLiteral("resumeSelected"))->setEnabled(resumable);
    action(QStringLiteral("cancelSelected"))->setEnabled(pausable || resumable);
    action(QStringLiteral("retrySelected"))->setEnabled(retryable);
    const bool active = m_model->activeCount() > 0;
    action(QStringLiteral("pauseAll"))->setEnabled(active);
    action(QStringLiteral("resumeAll"))->setEnabled(active);
    action(QStringLiteral("clearFinished"))->setEnabled(m_model->rowCount() > m_model->activeCount());
}

} // namespace ferry::ui
