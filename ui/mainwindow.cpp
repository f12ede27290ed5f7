// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "core/client/session.h"
#include "ui/remotedirmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>

namespace ferry::ui {

MainWindow::MainWindow(client::Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_remoteView(new QTreeView(this))
    , m_location(new QLineEdit(this))
    , m_connectionLabel(new QLabel(tr("Offline"), this))
{
    setWindowTitle(tr("Ferry"));
    setWindowIcon(QIcon::fromTheme(QStringLiteral("folder-remote")));

    auto *toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigationToolBar"));
    m_upAction = toolbar->addAction(QIcon::fromTheme(QStringLiteral("go-up")), tr("Up"), this, &MainWindow::goUp);
    m_upAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_refreshAction = toolbar->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"), this, [this] {
        if (m_model)
            m_model->refresh();
    });
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_location->setObjectName(QStringLiteral("location"));
    m_location->setAccessibleName(tr("Remote location"));
    m_location->setPlaceholderText(tr("Remote folder"));
    toolbar->addWidget(m_location);
    auto *focusLocation = new QAction(tr("Edit Location"), this);
    focusLocation->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(focusLocation, &QAction::triggered, this, [this] {
        m_location->setFocus();
        m_location->selectAll();
    });
    addAction(focusLocation);
    connect(m_location, &QLineEdit::returnPressed, this, [this] {
        QString path = m_location->text().trimmed();
        while (path.startsWith(u'/') || path.startsWith(u':'))
            path.remove(0, 1);
        openPath(path);
    });

    m_remoteView->setObjectName(QStringLiteral("remoteView"));
    m_remoteView->setAccessibleName(tr("Remote files"));
    m_remoteView->setRootIsDecorated(false);
    m_remoteView->setUniformRowHeights(true);
    m_remoteView->setSortingEnabled(true);
    m_remoteView->setAlternatingRowColors(true);
    m_remoteView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    setCentralWidget(m_remoteView);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    resize(960, 600);

    if (!m_session)
        return;
    m_model = new RemoteDirModel(m_session, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RemoteDirModel::SortRole);
    m_remoteView->setModel(m_proxy);
    m_remoteView->sortByColumn(RemoteDirModel::NameColumn, Qt::AscendingOrder);
    m_remoteView->header()->setSectionResizeMode(RemoteDirModel::NameColumn, QHeaderView::Stretch);
    m_remoteView->header()->setStretchLastSection(false);
    connect(m_remoteView, &QTreeView::activated, this, &MainWindow::activate);

    bool firstListing = true;
    connect(m_model, &RemoteDirModel::loaded, this, [this, firstListing]() mutable {
        m_location->setText(u'/' + m_model->path());
        setWindowTitle(tr("%1 — Ferry").arg(m_session->options().url.host() + QStringLiteral(":/") + m_model->path()));
        statusBar()->showMessage(tr("%n item(s)", nullptr, m_model->rowCount()));
        m_remoteView->resizeColumnToContents(RemoteDirModel::SizeColumn);
        if (std::exchange(firstListing, false))
            Q_EMIT listingShown();
    });
    connect(m_model, &RemoteDirModel::failed, this, [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_session, &client::Session::stateChanged, this, &MainWindow::updateConnectionLabel);
    connect(m_session, &client::Session::rttSampled, this, &MainWindow::updateConnectionLabel);
    connect(m_session, &client::Session::connected, this, [this] { m_model->refresh(); });
    updateConnectionLabel();
}

MainWindow::~MainWindow() = default;

QString MainWindow::currentPath() const
{
    return m_model ? m_model->path() : QString();
}

void MainWindow::openPath(const QString &path)
{
    if (m_model)
        m_model->setPath(path);
}

void MainWindow::goUp()
{
    const QString path = currentPath();
    const qsizetype slash = path.lastIndexOf(u'/');
    openPath(slash < 0 ? QString() : path.left(slash));
}

void MainWindow::activate(const QModelIndex &index)
{
    const QModelIndex source = m_proxy->mapToSource(index);
    if (source.data(RemoteDirModel::IsDirRole).toBool())
        openPath(source.data(RemoteDirModel::PathRole).toString());
}

void MainWindow::updateConnectionLabel()
{
    using State = client::Session::State;
    QString text;
    switch (m_session->state()) {
    case State::Connected:
        text = m_session->rtt().count() > 0 ? tr("Connected · %1 ms").arg(m_session->rtt().last(), 0, 'f', 1) : tr("Connected");
        break;
    case State::Connecting: text = tr("Connecting…"); break;
    case State::Reconnecting: text = tr("Reconnecting…"); break;
    case State::Failed: text = tr("Offline: %1").arg(m_session->lastError().message); break;
    case State::Offline: text = tr("Offline"); break;
    }
    m_connectionLabel->setText(text);
}

} // namespace ferry::ui
