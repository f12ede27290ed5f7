// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/session.h"
#include "core/copy/copyjob.h"
#include "ui/preferences.h"
#include "ui/sitestore.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QDialog;
class QLabel;
class QMenu;
class QMessageBox;
class QProgressBar;
class QSplitter;
class QToolBar;
class QTimer;
class QTreeView;

namespace ferry::copy {
class TransferSlots;
}

namespace ferry::ui {

class ConnectionIndicator;
class DialogConflictHandler;
class LocalBrowser;
class Notifier;
class RateLimitEdit;
class RemoteBrowser;
class RemoteDirModel;
class RemoteEditor;
class SiteStore;
class QueueStore;
class TransferDock;
class TransferLog;

/// The main window: the remote pane (and, beside it, the local one), the
/// transfer queue dock, and the connection in the status bar. Every copy and
/// move goes through the planner in core; the window only says what to copy
/// where, with the options the user chose.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// @p session may be null: the window then shows itself offline.
    explicit MainWindow(client::Session *session = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows @p session's agent (the window does not take ownership).
    void setSession(client::Session *session);
    /// Opens a session of the window's own to @p options (replacing any).
    void connectTo(const client::SessionOptions &options);
    /// The agent token file of the current connection, offered again by
    /// Connect… (the session holds the token, not where it came from).
    void setTokenFile(const QString &path) { m_tokenFile = path; }
    /// The connection dialog: saved sites, recent connections, a new one.
    void showConnectDialog();
    SiteStore *siteStore() const { return m_sites; }
    const Preferences &preferences() const { return m_prefs; }
    /// Takes @p preferences for new copies, the queue, the link and the views.
    void applyPreferences(const Preferences &preferences);
    Notifier *notifier() const { return m_notifier; }
    client::Session *session() const { return m_session; }

    RemoteBrowser *remoteBrowser() const { return m_remote; }
    /// Opens remote files in applications and uploads their saves (per connection).
    RemoteEditor *remoteEditor() const { return m_editor; }
    LocalBrowser *localBrowser() const { return m_local; }
    QTreeView *remoteView() const;
    RemoteDirModel *remoteModel() const;
    QString currentPath() const;
    void openPath(const QString &path);
    TransferDock *transferDock() const { return m_transfers; }
    /// What the transfers did (View › Transfer Log).
    TransferLog *transferLog() const { return m_log; }
    /// The unfinished transfers kept between runs.
    QueueStore *queueStore() const { return m_queueStore; }
    /// Starts the transfers an earlier run left unfinished for the
    /// connected agent (resuming from their part files), or forgets them.
    void resumeSaved();
    void discardSaved();
    DialogConflictHandler *conflictHandler() const { return m_conflicts; }
    copy::TransferSlots *transferSlots() const { return m_slots; }
    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    /// Window-level actions by object name (connect, disconnect,
    /// showLocalPane, the tool bar's newFolder, delete, refresh, upload,
    /// download, handbook, ...).
    QAction *action(const QString &name) const;
    QToolBar *toolBar() const { return m_toolBar; }

    /// The pane that file actions, menus and the tool bar act on: the one
    /// that last had the keyboard focus.
    enum class Pane { Local, Remote };
    Pane activePane() const { return m_activePane; }
    /// The handbook (docs/handbook.md, shipped inside the program), F1.
    void showHandbook();

    /// Options every new copy starts from (conflict policy, modes, times).
    void setCopyDefaults(const copy::CopyOptions &options) { m_copyDefaults = options; }
    const copy::CopyOptions &copyDefaults() const { return m_copyDefaults; }

    /// Copies local files into a remote folder through the copy planner.
    copy::CopyJob *upload(const QStringList &localPaths, const QString &remoteDirectory);
    /// Copies remote entries into a local folder.
    copy::CopyJob *download(const QStringList &remotePaths, const QString &localDirectory);
    /// @p remotePaths as one archive that the agent builds, to @p localFile
    /// (replaced if it exists); its format by the suffix, .tar.gz added when
    /// the name has none that Ferry writes.
    transfer::Job *downloadArchive(const QStringList &remotePaths, const QString &localFile);
    /// Unpacks @p archive (local: uploaded first) into @p remoteDirectory,
    /// existing files met as the conflict preference says (asking becomes
    /// failing: the agent unpacks on its own).
    transfer::Job *extractArchive(const QString &archive, bool local, const QString &remoteDirectory, const QString &wrap = {});
    /// Packs @p remotePaths into the remote archive @p remoteArchive.
    transfer::Job *compressRemote(const QStringList &remotePaths, const QString &remoteArchive);
    /// Remote entries dropped on a remote folder: moved, or with @p copy
    /// copied by the agent.
    transfer::Job *moveOrCopyRemote(const QStringList &remotePaths, const QString &remoteDirectory, bool copy);
    /// Changes the bits in @p mask to those of @p mode in the remote folder
    /// @p remotePath and everything beneath it (execute bits of files only
    /// where they had one), as a row of the queue.
    transfer::Job *changeModeRecursively(const QString &remotePath, quint32 mode, quint32 mask);
    /// Uploads a local folder with all it holds into @p remoteDirectory,
    /// as a drop of it would.
    copy::CopyJob *uploadFolder(const QString &localFolder, const QString &remoteDirectory);
    /// Remote operations on the current folder (also the toolbar's actions).
    void createFolder(const QString &name);
    QStringList selectedPaths() const;

Q_SIGNALS:
    /// The first listing after connecting is on screen.
    void listingShown();
    void activePaneChanged(ferry::ui::MainWindow::Pane pane);
    /// A copy started (from a drop, an action or a call).
    void jobStarted(ferry::copy::CopyJob *job);
    /// A move or agent-side copy within the remote tree started.
    void remoteJobStarted(ferry::transfer::Job *job);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createToolBar();
    /// The pane menu and the View menu's pane part, for the active pane.
    void fillPaneMenus();
    void setActivePane(Pane pane);
    /// The active pane's action @p remoteName or @p localName (null offline
    /// for the remote pane).
    QAction *paneAction(const QString &remoteName, const QString &localName) const;
    void updatePaneProxies();
    /// @p retry: the queue's row that retries it watches it and starts it.
    /// @p root: the folder the queue names its files below (empty: its
    /// destination).
    copy::CopyJob *startCopy(copy::Direction direction, const QStringList &sources, const QString &destination, bool exactTarget = false,
                             bool retry = false, const QString &root = {});
    void downloadSelection(const QStringList &paths);
    void chooseArchiveDownload(const QStringList &paths);
    void chooseCompressName(const QStringList &paths, const QString &remoteDirectory);
    /// Queues @p job (agent work on archives) and refreshes the remote pane
    /// when it ends.
    void startArchiveWork(transfer::Job *job, const QString &name, const QString &source, const QString &destination);
    void updateTotals();
    void updateTitle();
    void restoreLayout();
    void saveLayout() const;
    void showMessage(const QString &text);
    /// Hands the unfinished transfers to the store (now, or @p soon).
    void saveQueue();
    /// The dock offers what an earlier run left for the connected agent.
    void offerSaved();

    QPointer<client::Session> m_session;
    std::unique_ptr<client::Session> m_ownSession;
    QSplitter *m_splitter;
    LocalBrowser *m_local;
    RemoteBrowser *m_remote = nullptr;
    RemoteEditor *m_editor = nullptr;
    TransferDock *m_transfers;
    TransferLog *m_log;
    QueueStore *m_queueStore;
    QTimer *m_queueSave;
    QString m_agentKey; ///< the agent of the current session (QueueStore::agentKey())
    bool m_queueClosed = false; ///< saved at quit: what the teardown does is not saved
    bool m_quitConfirmed = false;
    QPointer<QMessageBox> m_quitBox;
    DialogConflictHandler *m_conflicts;
    copy::TransferSlots *m_slots;
    SiteStore *m_sites;
    ConnectionIndicator *m_indicator;
    QProgressBar *m_totalProgress;
    QLabel *m_rateLabel;
    QLabel *m_itemCount; ///< the remote pane's entries, shown and in all
    QString m_tokenFile;
    QList<QAction *> m_actions;
    /// Tool bar actions that act on the active pane's action of a name.
    struct PaneProxy {
        QAction *action;
        QString remoteName;
        QString localName;
    };
    QList<PaneProxy> m_proxies;
    QToolBar *m_toolBar = nullptr;
    QMenu *m_paneMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QList<QAction *> m_viewPaneActions; ///< what fillPaneMenus put in View
    RateLimitEdit *m_uploadLimit = nullptr;
    RateLimitEdit *m_downloadLimit = nullptr;
    QAction *m_limits = nullptr; ///< the two limits on the tool bar
    QPointer<QDialog> m_handbook;
    Pane m_activePane = Pane::Remote;
    /// What the connect dialog accepted, for Recent once it connects.
    std::optional<RecentConnection> m_pendingRecent;
    copy::CopyOptions m_copyDefaults;
    int m_lastPercent = -1;
    Preferences m_prefs;
    Notifier *m_notifier;
};

} // namespace ferry::ui
