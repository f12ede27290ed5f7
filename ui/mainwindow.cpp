// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "core/client/archivejobs.h"
#include "core/client/chmodjob.h"
#include "core/client/downloadjob.h"
#include "core/client/session.h"
#include "core/copy/movejob.h"
#include "core/copy/transferslots.h"
#include "core/humanformat.h"
#include "core/pathcodec.h"
#include "core/protocol/archiveformat.h"
#include "core/protocol/remotepath.h"
#include "ui/certificateprompt.h"
#include "ui/conflictdialog.h"
#include "ui/connectdialog.h"
#include "ui/connectionindicator.h"
#include "ui/displayformat.h"
#include "ui/dragoutfolders.h"
#include "ui/localbrowser.h"
#include "ui/messagebar.h"
#include "ui/namedaction.h"
#include "ui/notifier.h"
#include "ui/preferencesdialog.h"
#include "ui/ratelimitedit.h"
#include "ui/remotebrowser.h"
#include "ui/remotedirmodel.h"
#include "ui/remoteeditor.h"
#include "ui/remotefiltermodel.h"
#include "ui/shelltarget.h"
#include "ui/sitestore.h"
#include "ui/queuestore.h"
#include "ui/transferdock.h"
#include "ui/transferlog.h"
#include "ui/transferqueuemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QWidgetAction>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

MainWindow::MainWindow(client::Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_local(new LocalBrowser(this))
    , m_slots(new copy::TransferSlots(4, this))
    , m_sites(new SiteStore(this))
    , m_indicator(new ConnectionIndicator(this))
    , m_totalProgress(new QProgressBar(this))
    , m_rateLabel(new QLabel(this))
    , m_itemCount(new QLabel(this))
{
    setWindowTitle(tr("Ferry"));
    m_notifier = new Notifier(this);
    m_transfers = new TransferDock(m_slots, this);
    m_log = new TransferLog(this);
    m_queueStore = new QueueStore({}, this);
    m_queueSave = new QTimer(this);
    m_conflicts = new DialogConflictHandler(this);
    m_copyDefaults.recursive = true;
    m_splitter->setObjectName(u"paneSplitter"_s);
    m_splitter->addWidget(m_local);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);
    m_totalProgress->setObjectName(u"totalProgress"_s);
    m_totalProgress->setAccessibleName(tr("Total progress"));
    m_totalProgress->setMaximumWidth(200);
    m_totalProgress->setVisible(false);
    m_rateLabel->setObjectName(u"rateLabel"_s);
    m_itemCount->setObjectName(u"itemCount"_s);
    statusBar()->addPermanentWidget(m_itemCount);
    statusBar()->addPermanentWidget(m_rateLabel);
    statusBar()->addPermanentWidget(m_totalProgress);
    statusBar()->addPermanentWidget(m_indicator);
    addDockWidget(Qt::BottomDockWidgetArea, m_transfers);
    addDockWidget(Qt::BottomDockWidgetArea, m_log);
    tabifyDockWidget(m_transfers, m_log);
    m_transfers->raise();
    m_log->hide();
    connect(m_transfers->model(), &TransferQueueModel::rowEnded, m_log, &TransferLog::record);
    // Saved whenever the set of unfinished transfers changes (gathered over
    // a moment: a tree finishes many files at once) and at quit.
    m_queueSave->setSingleShot(true);
    m_queueSave->setInterval(250);
    connect(m_queueSave, &QTimer::timeout, this, &MainWindow::saveQueue);
    connect(m_transfers->model(), &TransferQueueModel::unfinishedChanged, m_queueSave, qOverload<>(&QTimer::start));
    QAction *resumeSaved = createNamedAction(m_transfers, u"resumeSaved"_s, u"media-playback-start"_s, tr("Resume"), QKeySequence());
    connect(resumeSaved, &QAction::triggered, this, &MainWindow::resumeSaved);
    QAction *discardSaved = createNamedAction(m_transfers, u"discardSaved"_s, u"edit-delete"_s, tr("Discard"), QKeySequence());
    connect(discardSaved, &QAction::triggered, this, &MainWindow::discardSaved);
    connect(m_transfers->model(), &TransferQueueModel::totalsChanged, this, &MainWindow::updateTotals);
    m_transfers->model()->setRetryFactory([this](copy::Direction direction, const QString &source, const QString &destination) {
        return startCopy(direction, {source}, destination, true, true);
    });
    connect(m_local, &LocalBrowser::downloadRequested, this, [this](const QStringList &paths, const QString &dir) { download(paths, dir); });
    connect(m_transfers, &TransferDock::parallelChanged, this, [this](int transfers) {
        m_prefs.parallelTransfers = transfers;
        m_prefs.save();
    });
    connect(m_transfers->model(), &TransferQueueModel::jobEnded, this, [this](copy::CopyJob *job, qint64 elapsedMs) {
        const bool failed = !job->succeeded() && job->error().code != ErrorCode::Cancelled;
        const QString body = failed ? job->error().message
                                    : tr("%n file(s) copied", nullptr, int(job->doneFiles()));
        m_notifier->jobFinished(this, {}, body, failed, std::chrono::milliseconds(elapsedMs));
    });
    connect(m_local, &LocalBrowser::uploadRequested, this, [this](const QStringList &paths) {
        if (m_remote)
            upload(paths, currentPath());
    });
    connect(m_local, &LocalBrowser::showHiddenChanged, this, [this](bool show) {
        m_prefs.showHiddenFiles = show;
        m_prefs.save();
        if (m_remote)
            m_remote->setShowHidden(show);
    });
    connect(m_local->view()->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updatePaneProxies);
    // File actions, menus and the tool bar follow the pane with the focus.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && m_local->isAncestorOf(now))
            setActivePane(Pane::Local);
        else if (now && m_remote && m_remote->isAncestorOf(now))
            setActivePane(Pane::Remote);
    });
    resize(1200, 760);
    // Entries dragged out by an earlier run that did not quit cleanly.
    dragoutfolders::sweepStale();
    m_prefs = Preferences::load();
    createToolBar();
    setSession(session);
    createMenus();
    restoreLayout();
    applyPreferences(m_prefs);
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    m_prefs = preferences.normalized();
    m_copyDefaults.policy = m_prefs.conflictPolicy;
    m_copyDefaults.preserveMode = m_prefs.preservePermissions;
    m_copyDefaults.preserveTimes = m_prefs.preserveTimes;
    m_slots->setLimit(m_prefs.parallelTransfers);
    m_transfers->parallelBox()->setValue(m_prefs.parallelTransfers);
    m_notifier->setEnabled(m_prefs.notifyLongJobs);
    m_local->setVisible(m_prefs.showLocalPane);
    if (QAction *pane = action(u"showLocalPane"_s))
        pane->setChecked(m_prefs.showLocalPane);
    if (m_remote)
        m_remote->setShowHidden(m_prefs.showHiddenFiles);
    m_local->setShowHidden(m_prefs.showHiddenFiles);
    m_uploadLimit->setValue(m_prefs.uploadLimit);
    m_downloadLimit->setValue(m_prefs.downloadLimit);
    if (m_session)
        m_session->setRateLimit(m_prefs.uploadLimit, m_prefs.downloadLimit);
    applyColorScheme(m_prefs.colorScheme);
}

MainWindow::~MainWindow()
{
    // What the jobs do as they are torn down is no change to save.
    m_queueClosed = true;
    m_queueSave->stop();
    // The remote pane and the opened files go before a session of our own does.
    delete std::exchange(m_editor, nullptr);
    delete m_remote;
    m_remote = nullptr;
}

void MainWindow::setSession(client::Session *session)
{
    if (m_remote)
        m_remote->deleteLater();
    m_remote = nullptr;
    // Opened files belong to the connection they came from.
    delete std::exchange(m_editor, nullptr);
    m_session = session;
    m_indicator->setSession(session);
    m_transfers->model()->setConnected(session && session->state() == client::Session::State::Connected);
    if (session)
        m_agentKey = QueueStore::agentKey(session);
    if (!session) {
        m_activePane = Pane::Local;
        if (!m_actions.isEmpty())
            createMenus();
        updateTitle();
        return;
    }
    m_remote = new RemoteBrowser(session, this);
    m_remote->setDragOutDownloader([this](const QStringList &paths, const QString &folder) { return download(paths, folder); });
    m_splitter->addWidget(m_remote);
    m_splitter->setStretchFactor(1, 3);
    connect(m_remote, &RemoteBrowser::listingShown, this, &MainWindow::listingShown);
    connect(m_remote, &RemoteBrowser::pathChanged, this, &MainWindow::updateTitle);
    connect(m_remote, &RemoteBrowser::message, this, &MainWindow::showMessage);
    connect(m_remote, &RemoteBrowser::countChanged, this, [this](int shown, int total) {
        m_itemCount->setText(shown == total ? tr("%n item(s)", nullptr, total) : tr("%1 of %n item(s)", nullptr, total).arg(shown));
    });
    connect(m_remote, &RemoteBrowser::uploadRequested, this, [this](const QStringList &paths, const QString &dir) { upload(paths, dir); });
    connect(m_remote, &RemoteBrowser::downloadRequested, this, &MainWindow::downloadSelection);
    m_editor = new RemoteEditor(session, m_remote, m_transfers, this);
    connect(m_remote, &RemoteBrowser::openRequested, m_editor, &RemoteEditor::open);
    connect(m_remote, &RemoteBrowser::openWithRequested, m_editor, &RemoteEditor::chooseApplication);
    connect(m_editor, &RemoteEditor::message, this, &MainWindow::showMessage);
    connect(m_remote, &RemoteBrowser::archiveDownloadRequested, this, &MainWindow::chooseArchiveDownload);
    connect(m_remote, &RemoteBrowser::compressRequested, this, &MainWindow::chooseCompressName);
    connect(m_remote, &RemoteBrowser::extractRequested, this, [this](const QStringList &archives, bool local, const QString &dir) {
        for (const QString &archive : archives) {
            // A remote archive beside itself, in a folder named after it
            // unless it is one folder already; a local one where it was
            // dropped or asked for.
            if (local) {
                extractArchive(archive, true, dir);
                continue;
            }
            extractArchive(archive, false, remotepath::parent(archive), protocol::archiveStem(remotepath::name(archive)));
        }
    });
    connect(m_remote, &RemoteBrowser::recursiveChmodRequested, this, &MainWindow::changeModeRecursively);
    connect(m_remote, &RemoteBrowser::remoteDropRequested, this, [this](const QStringList &paths, const QString &dir, bool copy) {
        moveOrCopyRemote(paths, dir, copy);
    });
    connect(session, &client::Session::connected, m_remote, [this] { m_remote->model()->refresh(); });
    // Recent connections are the ones that worked.
    connect(session, &client::Session::connected, this, [this, session] {
        if (m_pendingRecent && session == m_session)
            m_sites->addRecent(*std::exchange(m_pendingRecent, std::nullopt));
    });
    connect(session, &client::Session::connected, this, &MainWindow::offerSaved);
    connect(session, &client::Session::stateChanged, this, &MainWindow::updateTitle);
    connect(session, &client::Session::stateChanged, this, [this](client::Session::State state) {
        m_transfers->model()->setConnected(state == client::Session::State::Connected);
    });
    connect(session, &client::Session::failed, this, [this, session](const Error &error) {
        showMessage(error.message);
        // A wss:// agent seen for the first time (or with a new certificate).
        if (error.code == ErrorCode::UntrustedCertificate || error.code == ErrorCode::CertificateChanged)
            CertificatePrompt::askFor(session, this);
    });
    const QSettings settings;
    m_remote->setShowHidden(m_prefs.showHiddenFiles);
    connect(m_remote, &RemoteBrowser::showHiddenChanged, this, [this](bool show) {
        m_prefs.showHiddenFiles = show;
        m_prefs.save();
        m_local->setShowHidden(show);
    });
    connect(m_remote->view()->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updatePaneProxies);
    m_remote->view()->header()->restoreState(settings.value(u"layout/remoteHeader"_s).toByteArray());
    m_remote->applyColumnSettings();
    if (!m_actions.isEmpty())
        createMenus();
    updateTitle();
    offerSaved();
}

void MainWindow::connectTo(const client::SessionOptions &options)
{
    // The queue's jobs belong to the agent we leave: they end here (kept to
    // be offered when that agent is met again), and their rows can no
    // longer be retried against the new one.
    saveQueue();
    m_queueStore->retire();
    m_transfers->model()->cancelAll();
    m_transfers->model()->detachFinished();
    m_pendingRecent.reset();
    auto previous = std::move(m_ownSession);
    client::SessionOptions withPreferences = options;
    withPreferences.connection.heartbeatMs = m_prefs.heartbeatMs;
    withPreferences.connection.deadAfterMs = m_prefs.deadAfterMs;
    withPreferences.uploadRateLimit = m_prefs.uploadLimit;
    withPreferences.downloadRateLimit = m_prefs.downloadLimit;
    withPreferences.compression = m_prefs.compression;
    m_ownSession = std::make_unique<client::Session>(withPreferences);
    setSession(m_ownSession.get());
    if (previous) {
        previous->close();
        previous.release()->deleteLater();
    }
    m_ownSession->open();
}

void MainWindow::showConnectDialog()
{
    auto *dialog = new ConnectDialog(m_sites, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_session && m_session->isWebTerminalSession())
        dialog->setWebTerminal(m_session->options().url, m_session->options().remoteRoot);
    else if (m_session && m_session->isShellSession())
        dialog->setShellCommand(m_session->options().shellCommand, m_session->options().remoteRoot);
    else if (m_session)
        dialog->setUrl(m_session->options().url);
    if (m_session && !m_session->isShellSession() && !m_session->isWebTerminalSession() && !m_tokenFile.isEmpty())
        dialog->setTokenFile(m_tokenFile);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_tokenFile = dialog->kind() == ConnectionKind::Agent ? dialog->tokenFileEdit()->text().trimmed() : QString();
        connectTo(dialog->sessionOptions());
        m_pendingRecent = dialog->recentConnection(); // kept once it connects
    });
    dialog->open();
}

QTreeView *MainWindow::remoteView() const
{
    return m_remote ? m_remote->view() : nullptr;
}

RemoteDirModel *MainWindow::remoteModel() const
{
    return m_remote ? m_remote->model() : nullptr;
}

QString MainWindow::currentPath() const
{
    return m_remote ? m_remote->currentPath() : QString();
}

void MainWindow::openPath(const QString &path)
{
    if (m_remote)
        m_remote->openPath(path);
}

QStringList MainWindow::selectedPaths() const
{
    return m_remote ? m_remote->selectedPaths() : QStringList();
}

void MainWindow::createFolder(const QString &name)
{
    if (m_remote)
        m_remote->createFolder(name);
}

void MainWindow::showHandbook()
{
    if (!m_handbook) {
        auto *dialog = new QDialog(this);
        dialog->setObjectName(u"handbook"_s);
        dialog->setWindowTitle(tr("Ferry Handbook"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        auto *browser = new QTextBrowser(dialog);
        browser->setObjectName(u"handbookText"_s);
        browser->setAccessibleName(tr("Handbook"));
        browser->setOpenExternalLinks(true);
        QFile file(u":/handbook/handbook.md"_s);
        browser->setMarkdown(file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : tr("The handbook is missing from this build."));
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(browser);
        layout->addWidget(buttons);
        dialog->resize(760, 640);
        m_handbook = dialog;
    }
    m_handbook->show();
    m_handbook->raise();
    m_handbook->activateWindow();
}

QAction *MainWindow::action(const QString &name) const
{
    return namedAction(this, name);
}

void MainWindow::createMenus()
{
    menuBar()->clear();
    qDeleteAll(menuBar()->findChildren<QMenu *>(Qt::FindDirectChildrenOnly));
    qDeleteAll(m_actions);
    m_actions.clear();
    m_proxies.clear();
    m_viewPaneActions.clear();
    const auto make = [this](const QString &name, const QString &icon, const QString &text, const QKeySequence &key, auto slot) {
        QAction *action = createNamedAction(this, name, icon, text, key);
        connect(action, &QAction::triggered, this, slot);
        m_actions.append(action);
        return action;
    };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(make(u"connect"_s, u"network-connect"_s, tr("&Connect…"), QKeySequence(Qt::CTRL | Qt::Key_K), [this] { showConnectDialog(); }));
    QAction *disconnect = make(u"disconnect"_s, u"network-disconnect"_s, tr("&Disconnect"), QKeySequence(), [this] {
        m_transfers->model()->cancelAll();
        if (m_session)
            m_session->close();
    });
    disconnect->setEnabled(m_session);
    file->addAction(disconnect);
    file->addSeparator();
    QAction *uploadFiles = make(u"uploadFiles"_s, u"document-send"_s, tr("&Upload Files…"), QKeySequence(Qt::CTRL | Qt::Key_U), [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Upload Files"), m_local->currentPath());
        if (!files.isEmpty())
            upload(files, currentPath());
    });
    uploadFiles->setEnabled(m_remote);
    file->addAction(uploadFiles);
    QAction *folder = make(u"uploadFolder"_s, u"folder"_s, tr("Upload F&older…"), QKeySequence(), [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Upload Folder"), m_local->currentPath());
        if (!chosen.isEmpty())
            uploadFolder(chosen, currentPath());
    });
    folder->setEnabled(m_remote);
    file->addAction(folder);
    // The local pane's selection, from its context menu or here.
    m_local->action(u"upload"_s)->setEnabled(m_remote && !m_local->selectedPaths().isEmpty());
    file->addAction(m_local->action(u"upload"_s));
    file->addSeparator();
    file->addAction(make(u"quit"_s, u"application-exit"_s, tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), [this] { close(); }));

    // The file operations of the pane that has the focus, named after it.
    m_paneMenu = menuBar()->addMenu(QString());
    m_paneMenu->setObjectName(u"paneMenu"_s);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *localPane = make(u"showLocalPane"_s, u"view-split-left-right"_s, tr("Show &Local Pane"), QKeySequence(Qt::Key_F3), [this](bool on) {
        m_local->setVisible(on);
        m_prefs.showLocalPane = on;
        m_prefs.save();
        if (!on)
            setActivePane(Pane::Remote);
    });
    localPane->setCheckable(true);
    localPane->setChecked(!m_local->isHidden());
    m_viewMenu->addAction(localPane);
    m_viewMenu->addAction(m_toolBar->toggleViewAction());
    QAction *queue = m_transfers->toggleViewAction();
    queue->setText(tr("&Transfer Queue"));
    queue->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_viewMenu->addAction(queue);
    QAction *log = m_log->toggleViewAction();
    log->setObjectName(u"showTransferLog"_s);
    log->setText(tr("Transfer &Log"));
    log->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    m_viewMenu->addAction(log);
    m_viewMenu->addSeparator();

    QMenu *transfers = menuBar()->addMenu(tr("&Transfers"));
    for (const char *name : {"pauseSelected", "resumeSelected", "cancelSelected", "retrySelected"})
        transfers->addAction(m_transfers->action(QLatin1StringView(name)));
    transfers->addSeparator();
    for (const char *name : {"pauseAll", "resumeAll", "clearFinished"})
        transfers->addAction(m_transfers->action(QLatin1StringView(name)));
    transfers->addSeparator();
    transfers->addAction(m_log->action(u"saveLog"_s));
    transfers->addAction(m_log->action(u"clearLog"_s));

    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    settingsMenu->addAction(make(u"preferences"_s, u"configure"_s, tr("&Preferences…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] {
        auto *dialog = new PreferencesDialog(m_prefs, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &PreferencesDialog::preferencesAccepted, this, [this](const Preferences &chosen) {
            applyPreferences(chosen);
            m_prefs.save();
        });
        dialog->open();
    }));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(make(u"handbook"_s, u"help-contents"_s, tr("Ferry &Handbook"), QKeySequence::HelpContents, [this] { showHandbook(); }));
    help->addSeparator();
    help->addAction(make(u"about"_s, u"help-about"_s, tr("&About Ferry"), QKeySequence(), [this] {
        QMessageBox::about(this, tr("About Ferry"),
                           tr("<h3>Ferry %1</h3><p>Browse and transfer files on a remote machine whose only door is a WebSocket or a shell.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    }));

    // The tool bar: the connection, the two directions, and what acts on
    // the active pane.
    // The old actions went with m_actions; the limits stay, since a widget
    // taken off a tool bar stays hidden. Everything else goes before them.
    for (QAction *old : m_toolBar->actions()) {
        if (old->isSeparator())
            delete old;
    }
    m_toolBar->insertAction(m_limits, action(u"connect"_s));
    m_toolBar->insertSeparator(m_limits);
    QAction *uploadAction = make(u"upload"_s, u"go-up"_s, tr("&Upload"), QKeySequence(), [this] {
        // The local pane's selection when it has the focus, else a choice.
        const QStringList selected = m_activePane == Pane::Local ? m_local->selectedPaths() : QStringList();
        if (!selected.isEmpty())
            this->upload(selected, currentPath());
        else
            action(u"uploadFiles"_s)->trigger();
    });
    uploadAction->setToolTip(tr("Upload the selected local files, or files you choose, into the remote folder"));
    uploadAction->setEnabled(m_remote);
    m_toolBar->insertAction(m_limits, uploadAction);
    QAction *download = make(u"download"_s, u"go-down"_s, tr("&Download"), QKeySequence(), [this] {
        if (m_remote)
            downloadSelection(m_remote->selectedPaths());
    });
    download->setToolTip(tr("Download the selected remote entries into the local folder"));
    m_toolBar->insertAction(m_limits, download);
    m_toolBar->insertSeparator(m_limits);
    const auto proxy = [this, &make](const QString &name, const QString &icon, const QString &text, const QString &remoteName, const QString &localName) {
        QAction *action = make(name, icon, text, QKeySequence(), [this, remoteName, localName] {
            if (QAction *target = paneAction(remoteName, localName))
                target->trigger();
        });
        m_proxies.append({action, remoteName, localName});
        m_toolBar->insertAction(m_limits, action);
    };
    proxy(u"newFolder"_s, u"folder-new"_s, tr("New &Folder"), u"newFolder"_s, u"newFolder"_s);
    proxy(u"delete"_s, u"edit-delete"_s, tr("&Delete"), u"delete"_s, u"trash"_s);
    proxy(u"refresh"_s, u"view-refresh"_s, tr("&Refresh"), u"refresh"_s, u"refresh"_s);
    m_toolBar->insertSeparator(m_limits);
    // The pane actions' enabled state shows on the tool bar.
    QList<QAction *> watched = m_local->actions();
    if (m_remote)
        watched += m_remote->actions();
    for (QAction *target : std::as_const(watched))
        connect(target, &QAction::changed, this, &MainWindow::updatePaneProxies);
    fillPaneMenus();
    for (QAction *action : std::as_const(m_actions))
        addAction(action);
}

void MainWindow::createToolBar()
{
    m_toolBar = new QToolBar(tr("Main Toolbar"), this);
    m_toolBar->setObjectName(u"mainToolbar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->toggleViewAction()->setText(tr("Show &Toolbar"));
    m_toolBar->toggleViewAction()->setObjectName(u"showToolbar"_s);
    addToolBar(Qt::TopToolBarArea, m_toolBar);
    m_uploadLimit = new RateLimitEdit(tr("Upload limit"), m_toolBar);
    m_uploadLimit->setObjectName(u"toolUploadLimit"_s);
    m_uploadLimit->setToolTip(tr("Upload limit for all transfers (0: unlimited)"));
    m_downloadLimit = new RateLimitEdit(tr("Download limit"), m_toolBar);
    m_downloadLimit->setObjectName(u"toolDownloadLimit"_s);
    m_downloadLimit->setToolTip(tr("Download limit for all transfers (0: unlimited)"));
    const auto limitEdited = [this] {
        m_prefs.uploadLimit = m_uploadLimit->value();
        m_prefs.downloadLimit = m_downloadLimit->value();
        m_prefs.save();
        if (m_session)
            m_session->setRateLimit(m_prefs.uploadLimit, m_prefs.downloadLimit);
    };
    connect(m_uploadLimit, &RateLimitEdit::valueEdited, this, limitEdited);
    connect(m_downloadLimit, &RateLimitEdit::valueEdited, this, limitEdited);
    auto *limits = new QWidget(m_toolBar);
    limits->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred); // no wider than it needs
    auto *row = new QHBoxLayout(limits);
    row->setContentsMargins(4, 0, 4, 0);
    auto *limitLabel = new QLabel(tr("Limit ↑"), limits);
    limitLabel->setObjectName(u"uploadLimitLabel"_s);
    limitLabel->setBuddy(m_uploadLimit->numberBox());
    auto *downLabel = new QLabel(tr("↓"), limits);
    downLabel->setObjectName(u"downloadLimitLabel"_s);
    downLabel->setBuddy(m_downloadLimit->numberBox());
    m_uploadLimit->setParent(limits);
    m_downloadLimit->setParent(limits);
    row->addWidget(limitLabel);
    row->addWidget(m_uploadLimit);
    row->addSpacing(6);
    row->addWidget(downLabel);
    row->addWidget(m_downloadLimit);
    auto *limitsAction = new QWidgetAction(this);
    limitsAction->setObjectName(u"rateLimits"_s);
    limitsAction->setText(tr("Rate Limits"));
    limitsAction->setDefaultWidget(limits);
    m_limits = limitsAction;
    m_toolBar->addAction(m_limits);
}

QAction *MainWindow::paneAction(const QString &remoteName, const QString &localName) const
{
    if (m_activePane == Pane::Local && !m_local->isHidden())
        return m_local->action(localName);
    return m_remote ? m_remote->action(remoteName) : nullptr;
}

void MainWindow::updatePaneProxies()
{
    for (const PaneProxy &proxy : std::as_const(m_proxies)) {
        QAction *target = paneAction(proxy.remoteName, proxy.localName);
        proxy.action->setEnabled(target && target->isEnabled());
        proxy.action->setToolTip(target ? target->toolTip() : proxy.action->text().remove(u'&'));
    }
    if (QAction *upload = action(u"upload"_s))
        upload->setEnabled(m_remote);
    if (QAction *download = action(u"download"_s))
        download->setEnabled(m_remote && m_remote->action(u"download"_s)->isEnabled());
    m_local->action(u"upload"_s)->setEnabled(m_remote && !m_local->selectedPaths().isEmpty());
}

void MainWindow::setActivePane(Pane pane)
{
    if (pane == Pane::Remote && !m_remote)
        pane = Pane::Local;
    if (pane == m_activePane)
        return;
    m_activePane = pane;
    fillPaneMenus();
    Q_EMIT activePaneChanged(pane);
}

void MainWindow::fillPaneMenus()
{
    const bool local = m_activePane == Pane::Local || !m_remote;
    m_paneMenu->clear();
    m_paneMenu->setTitle(local ? tr("&Local") : tr("&Remote"));
    m_paneMenu->addActions(local ? m_local->fileActions() : m_remote->fileActions());
    for (QAction *action : std::as_const(m_viewPaneActions))
        m_viewMenu->removeAction(action);
    m_viewPaneActions.clear();
    const QStringList names = local ? QStringList{u"showHidden"_s, u"up"_s, u"home"_s, u"refresh"_s, u"editLocation"_s, u"focusFilter"_s}
                                    : QStringList{u"showHidden"_s, u"back"_s, u"forward"_s, u"up"_s, u"refresh"_s, u"editLocation"_s, u"focusFilter"_s};
    for (const QString &name : names)
        m_viewPaneActions.append(local ? m_local->action(name) : m_remote->action(name));
    m_viewMenu->addActions(m_viewPaneActions);
    updatePaneProxies();
}

copy::CopyJob *MainWindow::startCopy(copy::Direction direction, const QStringList &sources, const QString &destination, bool exactTarget,
                                     bool retry, const QString &root)
{
    if (!m_session)
        return nullptr;
    copy::CopyOptions options = m_copyDefaults;
    options.recursive = true;
    options.noTargetDirectory = exactTarget;
    auto *job = new copy::CopyJob(m_session, direction, sources, destination, options, this);
    job->setConflictHandler(m_conflicts);
    job->setSlots(m_slots);
    // A retry is watched by the row it retries (the queue starts it).
    if (!retry)
        m_transfers->addJob(job, root);
    connect(job, &transfer::Job::finished, this, [this](transfer::Job *finished) {
        finished->deleteLater();
        if (!finished->succeeded() && finished->error().code != ErrorCode::Cancelled)
            showMessage(finished->error().message);
        if (m_remote)
            m_remote->model()->refresh();
    });
    Q_EMIT jobStarted(job);
    if (!retry)
        job->start();
    return job;
}

copy::CopyJob *MainWindow::upload(const QStringList &localPaths, const QString &remoteDirectory)
{
    return startCopy(copy::Direction::Upload, localPaths, remoteDirectory);
}

copy::CopyJob *MainWindow::uploadFolder(const QString &localFolder, const QString &remoteDirectory)
{
    // The same way as a folder dropped on the remote pane.
    return upload({QDir::cleanPath(localFolder)}, remoteDirectory);
}

transfer::Job *MainWindow::changeModeRecursively(const QString &remotePath, quint32 mode, quint32 mask)
{
    if (!m_session)
        return nullptr;
    auto *job = new client::ChmodJob(m_session, remotePath, mode, mask, this);
    m_transfers->addTask(job, pathcodec::escaped(remotepath::name(remotePath)), u':' + pathcodec::escaped(remotePath),
                         tr("Permissions"));
    // Each failure is told as it comes, naming the path; the others go on.
    connect(job, &client::ChmodJob::itemFailed, this, [this](const QString &path, const Error &error) {
        if (!m_remote)
            return;
        // The agent's reason names the path already ("a/b: No such file").
        const QString prefix = pathcodec::escaped(path) + u": "_s;
        const QString reason = error.message.startsWith(prefix) ? error.message.mid(prefix.size()) : error.message;
        m_remote->messageBar()->showMessage(MessageBar::Kind::Error,
                                            tr("Could not change the permissions of %1: %2").arg(u':' + pathcodec::escaped(path), reason));
    });
    connect(job, &transfer::Job::finished, this, [this](transfer::Job *finished) {
        finished->deleteLater();
        if (m_remote)
            m_remote->model()->refresh();
    });
    Q_EMIT remoteJobStarted(job);
    job->start();
    return job;
}

copy::CopyJob *MainWindow::download(const QStringList &remotePaths, const QString &localDirectory)
{
    return startCopy(copy::Direction::Download, remotePaths, localDirectory);
}

void MainWindow::downloadSelection(const QStringList &paths)
{
    // Into the local pane's folder when it is shown, else wherever the user says.
    if (!m_local->isHidden()) {
        download(paths, m_local->currentPath());
        return;
    }
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Download To"), m_local->currentPath());
    if (!dir.isEmpty())
        download(paths, dir);
}

void MainWindow::chooseArchiveDownload(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    // Named after the one entry, or after the folder that holds them all.
    QString base = remotepath::name(paths.size() == 1 ? paths.first() : remotepath::parent(paths.first()));
    if (base.isEmpty())
        base = tr("archive");
    const QString suggested = QDir(m_local->currentPath()).filePath(pathcodec::escaped(base) + u".tar.gz"_s);
    const QString filters = tr("gzip-compressed tar (*.tar.gz);;zstd-compressed tar (*.tar.zst);;xz-compressed tar (*.tar.xz);;"
                               "bzip2-compressed tar (*.tar.bz2);;tar (*.tar);;zip (*.zip)");
    const QString file = QFileDialog::getSaveFileName(this, tr("Download as Archive"), suggested, filters);
    if (!file.isEmpty())
        downloadArchive(paths, file);
}

transfer::Job *MainWindow::downloadArchive(const QStringList &remotePaths, const QString &localFile)
{
    if (!m_session || remotePaths.isEmpty())
        return nullptr;
    QString target = QFileInfo(localFile).absoluteFilePath();
    auto format = protocol::archiveFormatForFileName(target);
    if (!format) {
        target += u".tar.gz"_s;
        format = protocol::ArchiveFormat::TarGz;
    }
    client::FileTransferItem item;
    item.localPath = target;
    item.conflict = client::ConflictAction::Overwrite; // the save dialog asked
    auto *job = new client::DownloadJob(m_session, item, client::ArchiveRequest{remotePaths, protocol::archiveFormatName(*format)}, this);
    QStringList shown;
    for (const QString &path : remotePaths)
        shown.append(u':' + pathcodec::escaped(path));
    m_transfers->addTransfer(job, pathcodec::escaped(QFileInfo(target).fileName()), shown.join(u", "_s), target, copy::Direction::Download);
    connect(job, &transfer::Job::finished, this, [this](transfer::Job *finished) {
        finished->deleteLater();
        if (!finished->succeeded() && finished->error().code != ErrorCode::Cancelled)
            showMessage(finished->error().message);
    });
    job->start();
    return job;
}

void MainWindow::chooseCompressName(const QStringList &paths, const QString &remoteDirectory)
{
    if (paths.isEmpty())
        return;
    const QString base = paths.size() == 1 ? remotepath::name(paths.first()) : remotepath::name(remoteDirectory);
    bool ok = false;
    const QString typed = QInputDialog::getText(this, tr("Compress"),
                                                tr("Archive name (.zip, .tar.gz, .tar.zst, .tar.xz, .tar.bz2 or .tar):"), QLineEdit::Normal,
                                                pathcodec::escaped(base.isEmpty() ? tr("archive") : base) + u".zip"_s, &ok);
    if (!ok || typed.trimmed().isEmpty())
        return;
    const Expected<QString> name = pathcodec::unescaped(typed.trimmed());
    if (!name || !protocol::archiveFormatForFileName(*name)) {
        m_remote->messageBar()->showMessage(MessageBar::Kind::Error,
                                            name ? tr("Could not compress: \"%1\" does not end in .zip, .tar.gz, .tar.zst, .tar.xz, .tar.bz2 or .tar").arg(typed.trimmed())
                                                 : name.error().message);
        return;
    }
    compressRemote(paths, remotepath::join(remoteDirectory, *name));
}

transfer::Job *MainWindow::compressRemote(const QStringList &remotePaths, const QString &remoteArchive)
{
    if (!m_session || remotePaths.isEmpty())
        return nullptr;
    auto *job = new client::CompressJob(m_session, remotePaths, remoteArchive, false, this);
    QStringList shown;
    for (const QString &path : remotePaths)
        shown.append(u':' + pathcodec::escaped(path));
    startArchiveWork(job, pathcodec::escaped(remotepath::name(remoteArchive)), shown.join(u", "_s), u':' + pathcodec::escaped(remoteArchive));
    return job;
}

transfer::Job *MainWindow::extractArchive(const QString &archive, bool local, const QString &remoteDirectory, const QString &wrap)
{
    if (!m_session)
        return nullptr;
    client::ExtractJob::Request request;
    request.archive = local ? QFileInfo(archive).absoluteFilePath() : archive;
    request.local = local;
    request.destination = remoteDirectory;
    request.wrap = wrap;
    request.policy = m_copyDefaults.policy == copy::ConflictPolicy::Overwrite ? u"overwrite"_s
                     : m_copyDefaults.policy == copy::ConflictPolicy::Skip    ? u"skip"_s
                                                                              : u"fail"_s;
    auto *job = new client::ExtractJob(m_session, request, this);
    const QString name = local ? QFileInfo(archive).fileName() : remotepath::name(archive);
    startArchiveWork(job, pathcodec::escaped(name), local ? archive : u':' + pathcodec::escaped(archive), u':' + pathcodec::escaped(remoteDirectory));
    return job;
}

void MainWindow::startArchiveWork(transfer::Job *job, const QString &name, const QString &source, const QString &destination)
{
    m_transfers->addTransfer(job, name, source, destination, copy::Direction::Remote);
    connect(job, &transfer::Job::finished, this, [this](transfer::Job *finished) {
        finished->deleteLater();
        if (!finished->succeeded() && finished->error().code != ErrorCode::Cancelled) {
            if (m_remote)
                m_remote->messageBar()->showMessage(MessageBar::Kind::Error, finished->error().message);
        }
        if (m_remote)
            m_remote->model()->refresh();
    });
    job->start();
}

transfer::Job *MainWindow::moveOrCopyRemote(const QStringList &remotePaths, const QString &remoteDirectory, bool copy)
{
    if (!m_session)
        return nullptr;
    if (copy)
        return startCopy(copy::Direction::Remote, remotePaths, remoteDirectory);
    auto *job = new copy::MoveJob(m_session, remotePaths, remoteDirectory, m_copyDefaults.policy, this);
    job->setConflictHandler(m_conflicts);
    connect(job, &copy::MoveJob::itemFailed, this, [this](const Error &error) {
        if (m_remote)
            m_remote->messageBar()->showMessage(MessageBar::Kind::Error, error.message);
    });
    connect(job, &transfer::Job::finished, this, [this, job] {
        job->deleteLater();
        if (job->succeeded())
            showMessage(tr("Moved %n item(s)", nullptr, job->movedCount()));
        else if (job->error().code != ErrorCode::Cancelled)
            showMessage(job->error().message);
        if (m_remote)
            m_remote->model()->refresh();
    });
    Q_EMIT remoteJobStarted(job);
    job->start();
    return job;
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 15000);
}

void MainWindow::saveQueue()
{
    m_queueSave->stop();
    if (m_queueClosed || m_agentKey.isEmpty())
        return;
    if (!m_queueStore->setCurrent(m_transfers->model()->unfinished(m_agentKey)))
        showMessage(tr("Could not save the transfer queue: %1").arg(m_queueStore->errorString()));
}

void MainWindow::offerSaved()
{
    if (!m_session || m_session->state() != client::Session::State::Connected)
        return;
    const QList<SavedTransfer> saved = m_queueStore->saved(m_agentKey);
    if (saved.isEmpty())
        return;
    qint64 bytes = 0;
    for (const SavedTransfer &transfer : saved)
        bytes += transfer.bytes;
    const QString text = bytes > 0 ? tr("%n transfer(s) to this agent did not finish last time (%1). Resume them from where they stopped?", nullptr,
                                        int(saved.size()))
                                         .arg(displaySize(bytes))
                                   : tr("%n transfer(s) to this agent did not finish last time. Resume them from where they stopped?", nullptr,
                                        int(saved.size()));
    m_transfers->messageBar()->showMessage(MessageBar::Kind::Information, text,
                                           {m_transfers->action(u"resumeSaved"_s), m_transfers->action(u"discardSaved"_s)});
    m_transfers->show();
    m_transfers->raise();
}

void MainWindow::resumeSaved()
{
    if (!m_session)
        return;
    for (const SavedTransfer &transfer : m_queueStore->take(m_agentKey))
        startCopy(transfer.direction, transfer.sources, transfer.destination, transfer.exactTarget, false, transfer.root);
    saveQueue();
}

void MainWindow::discardSaved()
{
    m_queueStore->discard(m_agentKey);
    m_transfers->messageBar()->dismiss();
}

void MainWindow::updateTitle()
{
    QString base = tr("Ferry");
    if (m_session && m_session->isShellSession() && !m_session->isWebTerminalSession()) {
        // Named like an scp target where the command says where it goes.
        const QString target = shellTarget(m_session->options().shellCommand);
        base = target.isEmpty() ? tr("/%1 (%2) — Ferry").arg(pathcodec::escaped(currentPath()), elideMiddle(m_session->options().shellCommand, 48))
                                : tr("%1 — Ferry").arg(target + u":/"_s + pathcodec::escaped(currentPath()));
    } else if (m_session) {
        // An agent's host, or a web terminal's.
        base = tr("%1 — Ferry").arg(m_session->options().url.host() + u":/"_s + pathcodec::escaped(currentPath()));
    }
    // Not reached (yet, or any more): said in the title too.
    if (m_session && m_session->state() != client::Session::State::Connected)
        base = tr("%1 (not connected)").arg(base);
    setWindowTitle(m_lastPercent >= 0 ? tr("%1% · %2").arg(m_lastPercent).arg(base) : base);
}

void MainWindow::updateTotals()
{
    const TransferQueueModel *queue = m_transfers->model();
    const bool active = queue->activeCount() > 0;
    const qint64 total = queue->totalBytes();
    const int percent = total > 0 ? int(queue->doneBytes() * 100 / total) : 100;
    m_totalProgress->setVisible(active);
    m_rateLabel->setVisible(active);
    m_totalProgress->setValue(percent);
    const double speed = queue->totalSpeed();
    const qint64 eta = speed > 1 ? qint64(double(total - queue->doneBytes()) / speed) : -1;
    m_rateLabel->setText(eta >= 0 ? tr("%1/s · %2 left").arg(displaySize(qint64(speed)), formatDuration(eta)) : tr("%1/s").arg(displaySize(qint64(speed))));
    m_lastPercent = active ? percent : -1;
    updateTitle();
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    restoreGeometry(settings.value(u"layout/geometry"_s).toByteArray());
    restoreState(settings.value(u"layout/state"_s).toByteArray());
    if (!m_splitter->restoreState(settings.value(u"layout/splitter"_s).toByteArray()))
        m_splitter->setSizes({width() * 9 / 20, width() * 11 / 20}); // the remote pane a little wider
    m_transfers->view()->header()->restoreState(settings.value(u"layout/queueHeader2"_s).toByteArray());
    m_local->view()->header()->restoreState(settings.value(u"layout/localHeader"_s).toByteArray());
    const QString localPath = settings.value(u"view/localPath"_s).toString();
    if (!localPath.isEmpty() && QFileInfo(localPath).isDir())
        m_local->openPath(localPath);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(u"layout/geometry"_s, saveGeometry());
    settings.setValue(u"layout/state"_s, saveState());
    settings.setValue(u"layout/splitter"_s, m_splitter->saveState());
    settings.setValue(u"layout/queueHeader2"_s, m_transfers->view()->header()->saveState());
    settings.setValue(u"layout/localHeader"_s, m_local->view()->header()->saveState());
    if (m_remote)
        settings.setValue(u"layout/remoteHeader"_s, m_remote->view()->header()->saveState());
    settings.setValue(u"view/localPath"_s, m_local->currentPath());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const int active = m_transfers->model()->activeCount();
    if (active > 0 && !m_quitConfirmed) {
        // Asked without blocking; a Yes closes the window again.
        event->ignore();
        if (!m_quitBox) {
            m_quitBox = new QMessageBox(QMessageBox::Question, tr("Transfers Running"),
                                        tr("%n transfer(s) have not finished. Quit anyway? They are kept with their partial files, "
                                           "and the next time you connect to this agent, the transfer queue offers to resume them.",
                                           nullptr, active),
                                        QMessageBox::Yes | QMessageBox::Cancel, this);
            m_quitBox->setObjectName(u"quitConfirmation"_s);
            m_quitBox->setDefaultButton(QMessageBox::Cancel);
            m_quitBox->setAttribute(Qt::WA_DeleteOnClose);
            connect(m_quitBox, &QMessageBox::buttonClicked, this, [this, box = m_quitBox.data()](QAbstractButton *button) {
                if (box->standardButton(button) != QMessageBox::Yes)
                    return;
                m_quitConfirmed = true;
                QTimer::singleShot(0, this, &QWidget::close);
            });
        }
        m_quitBox->open();
        return;
    }
    // Kept for the next run as they stand now; the teardown that follows
    // (jobs failing as the connection goes) is not saved over it.
    saveQueue();
    m_queueClosed = true;
    saveLayout();
    if (m_editor)
        m_editor->removeCache();
    dragoutfolders::removeOwn();
    event->accept();
}

} // namespace ferry::ui
