// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborMap>
#include <QMainWindow>

class QToolBar;

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSortFilterProxyModel;
class QTreeView;

namespace ferry::client {
class Session;
}

namespace ferry::copy {
class CopyJob;
enum class Direction;
}

namespace ferry::ui {

class DialogConflictHandler;
class RemoteDirModel;
class TransferDock;

/// The main window: the remote browser and the connection status.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// @p session may be null: the window then shows itself offline.
    explicit MainWindow(client::Session *session = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    QTreeView *remoteView() const { return m_remoteView; }
    RemoteDirModel *remoteModel() const { return m_model; }
    QString currentPath() const;
    void openPath(const QString &path);
    TransferDock *transferDock() const { return m_transfers; }
    DialogConflictHandler *conflictHandler() const { return m_conflicts; }

    /// Copies local files into a remote folder through the copy planner.
    copy::CopyJob *upload(const QStringList &localPaths, const QString &remoteDirectory);
    /// Copies remote entries into a local folder.
    copy::CopyJob *download(const QStringList &remotePaths, const QString &localDirectory);
    /// Remote operations on the current folder (also the toolbar's actions).
    void createFolder(const QString &name);
    void removeEntries(const QStringList &paths);
    void renameEntry(const QString &path, const QString &newName);
    QStringList selectedPaths() const;

Q_SIGNALS:
    /// The first listing after connecting is on screen.
    void listingShown();
    /// A copy started (from a drop, an action or a call).
    void jobStarted(ferry::copy::CopyJob *job);

private:
    void updateConnectionLabel();
    void goUp();
    void activate(const QModelIndex &index);
    void createActions(QToolBar *toolbar);
    copy::CopyJob *startCopy(copy::Direction direction, const QStringList &sources, const QString &destination);
    void updateTotals();
    void simpleRequest(const QString &op, const QCborMap &args, const QString &what);

    client::Session *m_session;
    QTreeView *m_remoteView;
    QLineEdit *m_location;
    QLabel *m_connectionLabel;
    RemoteDirModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QAction *m_upAction = nullptr;
    QAction *m_refreshAction = nullptr;
    TransferDock *m_transfers;
    DialogConflictHandler *m_conflicts;
    QProgressBar *m_totalProgress;
    QLabel *m_rateLabel;
};

} // namespace ferry::ui
