// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/transferdock.h"

#include "ui/progressdelegate.h"
#include "ui/transferqueuemodel.h"

#include <QHeaderView>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ferry::ui {

TransferDock::TransferDock(QWidget *parent)
    : QDockWidget(tr("Transfers"), parent)
    , m_model(new TransferQueueModel(this))
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("transferDock"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view->setObjectName(QStringLiteral("transferView"));
    m_view->setAccessibleName(tr("Transfer queue"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setItemDelegateForColumn(TransferQueueModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->header()->setSectionResizeMode(TransferQueueModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->resizeSection(TransferQueueModel::ProgressColumn, 160);
    m_view->header()->resizeSection(TransferQueueModel::StateColumn, 180);
    layout->addWidget(m_view);
    auto *clear = new QPushButton(tr("C&lear Finished"), content);
    clear->setObjectName(QStringLiteral("clearFinished"));
    connect(clear, &QPushButton::clicked, m_model, &TransferQueueModel::clearFinished);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(clear);
    layout->addLayout(row);
    setWidget(content);
}

void TransferDock::addJob(copy::CopyJob *job, bool upload)
{
    m_model->addJob(job, upload);
}

} // namespace ferry::ui
