// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace ferry::client {
class Session;
}

namespace ferry::ui {

class RemoteDirModel;

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

Q_SIGNALS:
    /// The first listing after connecting is on screen.
    void listingShown();

private:
    void updateConnectionLabel();
    void goUp();
    void activate(const QModelIndex &index);

    client::Session *m_session;
    QTreeView *m_remoteView;
    QLineEdit *m_location;
    QLabel *m_connectionLabel;
    RemoteDirModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QAction *m_upAction = nullptr;
    QAction *m_refreshAction = nullptr;
};

} // namespace ferry::ui
