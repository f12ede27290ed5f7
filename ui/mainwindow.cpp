// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "core/client/session.h"
#include "core/copy/copyjob.h"
#include "core/humanformat.h"
#include "ui/conflictdialog.h"
#include "ui/remotedirmodel.h"
#include "ui/transferdock.h"
#include "ui/transferqueuemodel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
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
    , m_transfers(new TransferDock(this))
    , m_conflicts(new DialogConflictHandler(this))
    , m_totalProgress(new QProgressBar(this))
    , m_rateLabel(new QLabel(this))
{
    setWindowTitle(tr("Ferry"));

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
    m_remoteView->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    // Files dropped from any file manager upload; a folder row lights up.
    m_remoteView->setDragDropMode(QAbstractItemView::DropOnly);
    m_remoteView->setAcceptDrops(true);
    m_remoteView->setDropIndicatorShown(true);
    m_remoteView->setDefaultDropAction(Qt::CopyAction);
    m_remoteView->setContextMenuPolicy(Qt::ActionsContextMenu);
    setCentralWidget(m_remoteView);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_totalProgress->setObjectName(QStringLiteral("totalProgress"));
    m_totalProgress->setMaximumWidth(200);
    m_totalProgress->setVisible(false);
    m_rateLabel->setObjectName(QStringLiteral("rateLabel"));
    statusBar()->addPermanentWidget(m_rateLabel);
    statusBar()->addPermanentWidget(m_totalProgress);
    statusBar()->addPermanentWidget(m_connectionLabel);
    addDockWidget(Qt::BottomDockWidgetArea, m_transfers);
    connect(m_transfers->model(), &TransferQueueModel::totalsChanged, this, &MainWindow::updateTotals);
    resize(1100, 720);

    if (!m_session) {
        createActions(toolbar);
        return;
    }
    m_model = new RemoteDirModel(m_session, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RemoteDirModel::SortRole);
    m_remoteView->setModel(m_proxy);
    m_remoteView->sortByColumn(RemoteDirModel::NameColumn, Qt::AscendingOrder);
    m_remoteView->header()->setSectionResizeMode(RemoteDirModel::NameColumn, QHeaderView::Stretch);
    m_remoteView->header()->setStretchLastSection(false);
    connect(m_remoteView, &QTreeView::activated, this, &MainWindow::activate);
    connect(m_model, &RemoteDirModel::uploadRequested, this, [this](const QStringList &paths, const QString &dir) { upload(paths, dir); });
    connect(m_model, &RemoteDirModel::renameRequested, this, &MainWindow::renameEntry);
    createActions(toolbar);

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

void MainWindow::createActions(QToolBar *toolbar)
{
    toolbar->addSeparator();
    const auto make = [this](const QString &icon, const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(QIcon::fromTheme(icon), text, this);
        action->setShortcut(shortcut);
        action->setObjectName(QString(text).remove(u'&').remove(QStringLiteral("…")).simplified().replace(u' ', u'_'));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    QAction *newFolder = make(QStringLiteral("folder-new"), tr("New &Folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New Folder"), tr("Name of the new folder:"), QLineEdit::Normal, tr("New Folder"), &ok);
        if (ok && !name.trimmed().isEmpty())
            createFolder(name.trimmed());
    });
    QAction *rename = make(QStringLiteral("edit-rename"), tr("&Rename"), QKeySequence(Qt::Key_F2), [this] {
        const QModelIndex current = m_remoteView->currentIndex();
        if (current.isValid())
            m_remoteView->edit(current.siblingAtColumn(RemoteDirModel::NameColumn));
    });
    QAction *remove = make(QStringLiteral("edit-delete"), tr("&Delete"), QKeySequence::Delete, [this] {
        const QStringList paths = selectedPaths();
        if (paths.isEmpty())
            return;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete"),
                                    paths.size() == 1 ? tr("Delete “%1” on the remote machine? This cannot be undone.").arg(paths.first())
                                                      : tr("Delete %1 items on the remote machine? This cannot be undone.").arg(paths.size()),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("deleteConfirmation"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->button(QMessageBox::Yes)->setText(tr("&Delete"));
        connect(box, &QMessageBox::accepted, this, [this, paths] { removeEntries(paths); });
        box->open();
    });
    QAction *uploadFiles = make(QStringLiteral("document-send"), tr("&Upload Files…"), QKeySequence(Qt::CTRL | Qt::Key_U), [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Upload Files"));
        if (!files.isEmpty())
            upload(files, currentPath());
    });
    QAction *downloadSelected = make(QStringLiteral("document-save"), tr("Do&wnload…"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] {
        const QStringList paths = selectedPaths();
        if (paths.isEmpty())
            return;
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Download To"));
        if (!dir.isEmpty())
            download(paths, dir);
    });
    QAction *copyPath = make(QStringLiteral("edit-copy-path"), tr("Copy Remote &Path"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] {
        QApplication::clipboard()->setText(selectedPaths().join(u'\n'));
    });
    for (QAction *action : {newFolder, uploadFiles, downloadSelected})
        toolbar->addAction(action);
    for (QAction *action : {downloadSelected, rename, remove, copyPath, newFolder})
        m_remoteView->addAction(action);
    addActions({rename, remove, copyPath});
}

QStringList MainWindow::selectedPaths() const
{
    QStringList paths;
    const QModelIndexList rows = m_remoteView->selectionModel() ? m_remoteView->selectionModel()->selectedRows() : QModelIndexList();
    for (const QModelIndex &row : rows)
        paths.append(row.data(RemoteDirModel::PathRole).toString());
    return paths;
}

copy::CopyJob *MainWindow::startCopy(copy::Direction direction, const QStringList &sources, const QString &destination)
{
    if (!m_session)
        return nullptr;
    copy::CopyOptions options;
    options.recursive = true;
    auto *job = new copy::CopyJob(m_session, direction, sources, destination, options, this);
    const bool isUpload = direction == copy::Direction::Upload;
    job->setConflictHandler(m_conflicts);
    m_transfers->addJob(job, isUpload);
    connect(job, &transfer::Job::finished, this, [this](transfer::Job *finished) {
        finished->deleteLater();
        if (!finished->succeeded() && finished->error().code != ErrorCode::Cancelled)
            statusBar()->showMessage(finished->error().message);
        if (m_model)
            m_model->refresh();
    });
    Q_EMIT jobStarted(job);
    job->start();
    return job;
}

copy::CopyJob *MainWindow::upload(const QStringList &localPaths, const QString &remoteDirectory)
{
    return startCopy(copy::Direction::Upload, localPaths, remoteDirectory);
}

copy::CopyJob *MainWindow::download(const QStringList &remotePaths, const QString &localDirectory)
{
    return startCopy(copy::Direction::Download, remotePaths, localDirectory);
}

void MainWindow::simpleRequest(const QString &op, const QCborMap &args, const QString &what)
{
    if (!m_session)
        return;
    m_session->request(op, args, [this, what](const Expected<QCborMap> &reply, bool) {
        if (!reply)
            statusBar()->showMessage(tr("%1 failed: %2").arg(what, reply.error().message));
        if (m_model)
            m_model->refresh();
    }, this);
}

void MainWindow::createFolder(const QString &name)
{
    if (!m_model)
        return;
    simpleRequest(QStringLiteral("mkdir"), QCborMap{{QStringLiteral("path"), m_model->childPath(name)}}, tr("Creating the folder"));
}

void MainWindow::removeEntries(const QStringList &paths)
{
    for (const QString &path : paths)
        simpleRequest(QStringLiteral("rm"), QCborMap{{QStringLiteral("path"), path}, {QStringLiteral("recursive"), true}}, tr("Deleting"));
}

void MainWindow::renameEntry(const QString &path, const QString &newName)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    const QString target = slash < 0 ? newName : path.left(slash + 1) + newName;
    simpleRequest(QStringLiteral("mv"), QCborMap{{QStringLiteral("from"), path}, {QStringLiteral("to"), target}}, tr("Renaming"));
}

void MainWindow::updateTotals()
{
    const TransferQueueModel *queue = m_transfers->model();
    const qint64 total = queue->totalBytes();
    const bool active = queue->runningCount() > 0;
    m_totalProgress->setVisible(active);
    m_rateLabel->setVisible(active);
    const int percent = total > 0 ? int(queue->doneBytes() * 100 / total) : 100;
    m_totalProgress->setValue(percent);
    m_rateLabel->setText(tr("%1/s").arg(formatSize(qint64(queue->totalSpeed()))));
    const QString base = m_model ? tr("%1 — Ferry").arg(m_session->options().url.host() + QStringLiteral(":/") + m_model->path()) : tr("Ferry");
    setWindowTitle(active ? tr("%1% · %2").arg(percent).arg(base) : base);
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
