// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/localbrowser.h"

#include "ui/localfilemodel.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

LocalBrowser::LocalBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new LocalFileModel(this))
    , m_view(new QTreeView(this))
    , m_location(new QLineEdit(this))
{
    setObjectName(u"localBrowser"_s);
    m_model->setRootPath(QDir::rootPath());
    m_view->setObjectName(u"localView"_s);
    m_view->setAccessibleName(tr("Local files"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::CopyAction);
    m_view->setDropIndicatorShown(true);
    // A double-click opens a folder; renaming is F2 or a click on a
    // selected row, as in the remote pane.
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_location->setObjectName(u"localLocation"_s);
    m_location->setAccessibleName(tr("Local location"));
    m_location->setPlaceholderText(tr("Local folder"));

    auto *bar = new QToolBar(tr("Local Navigation"), this);
    bar->setObjectName(u"localNavigation"_s);
    bar->setIconSize(QSize(16, 16));
    auto *up = bar->addAction(QIcon::fromTheme(u"go-up"_s), tr("U&p"), this, [this] {
        QDir dir(m_path);
        if (dir.cdUp())
            openPath(dir.absolutePath());
    });
    up->setObjectName(u"localUp"_s);
    up->setToolTip(tr("Up to the parent folder"));
    auto *home = bar->addAction(QIcon::fromTheme(u"go-home"_s), tr("&Home"), this, [this] { openPath(QDir::homePath()); });
    home->setObjectName(u"localHome"_s);
    bar->addWidget(m_location);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_view);

    connect(m_location, &QLineEdit::returnPressed, this, [this] {
        const QFileInfo info(QDir::fromNativeSeparators(m_location->text().trimmed()));
        if (info.isDir())
            openPath(info.absoluteFilePath());
        else
            m_location->setText(m_path);
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (m_model->isDir(index))
            openPath(m_model->filePath(index));
    });
    connect(m_model, &LocalFileModel::downloadRequested, this, &LocalBrowser::downloadRequested);
    openPath(QDir::homePath());
}

void LocalBrowser::openPath(const QString &path)
{
    m_path = QDir(path).absolutePath();
    m_model->setCurrentDirectory(m_path);
    m_view->setRootIndex(m_model->index(m_path));
    m_location->setText(QDir::toNativeSeparators(m_path));
    Q_EMIT pathChanged(m_path);
}

QStringList LocalBrowser::selectedPaths() const
{
    QStringList paths;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        paths.append(m_model->filePath(index));
    return paths;
}

} // namespace ferry::ui
