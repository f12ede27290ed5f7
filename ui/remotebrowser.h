// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/remoteview.h"

#include <QStringList>
#include <QWidget>

#include <QHash>

#include <memory>
#include <optional>

class QAction;
class QLineEdit;
class QTreeView;

namespace ferry {
struct Error;
}

namespace ferry::client {
class RemoteFs;
class Session;
}

namespace ferry::ui {

class LocationBar;
class MessageBar;
class RemoteDirModel;
class RemoteFilterModel;

/// The remote pane: a location bar you can type into (Ctrl+L), back,
/// forward, up and refresh, a filter box, hidden files on or off, and the
/// details view of the current folder with its file operations (new
/// folder, rename in place, delete, properties with permissions, copy
/// path). Transfers are asked for with signals; the window runs them.
class RemoteBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteBrowser)

public:
    explicit RemoteBrowser(client::Session *session, QWidget *parent = nullptr);
    ~RemoteBrowser() override;

    QTreeView *view() const { return m_view; }
    RemoteDirModel *model() const { return m_model; }
    RemoteFilterModel *proxy() const { return m_proxy; }
    LocationBar *locationBar() const { return m_location; }
    /// Where failed operations are told, naming the path and the reason.
    MessageBar *messageBar() const { return m_messages; }
    QLineEdit *locationEdit() const;
    QLineEdit *filterEdit() const { return m_filter; }
    /// Navigation and file actions, for menus and toolbars, by object name:
    /// back, forward, up, refresh, editLocation, showHidden, open, openWith,
    /// newFolder, rename, delete, properties, download, downloadArchive, compress,
    /// extractHere, uploadExtract, copyPath.
    QAction *action(const QString &name) const;
    QList<QAction *> fileActions() const;

    QString currentPath() const;
    void openPath(const QString &path);
    QStringList selectedPaths() const;
    void setShowHidden(bool show);
    /// Rows dragged out of the window (onto a file manager) are downloaded
    /// for the drop through @p downloader; without one they only go to the panes.
    void setDragOutDownloader(RemoteDragData::Downloader downloader);

    void createFolder(const QString &name);
    void removeEntries(const QStringList &paths);
    void renameEntry(const QString &path, const QString &newName);
    void changeMode(const QString &path, quint32 mode);
    /// Shows the columns the user chose (Owner and Group start hidden);
    /// after the header's saved state is restored, which may predate them.
    void applyColumnSettings();
    /// The header menu's action that shows or hides @p column.
    QAction *columnAction(int column) const;

Q_SIGNALS:
    /// The first listing is on screen.
    void listingShown();
    void pathChanged(const QString &path);
    void message(const QString &text);
    void uploadRequested(const QStringList &localPaths, const QString &remoteDirectory);
    void downloadRequested(const QStringList &remotePaths);
    /// A file (not a folder, not an archive) to open in an application:
    /// activated, or Open; with Open With… the user picks the application.
    void openRequested(const QString &remotePath);
    void openWithRequested(const QString &remotePath);
    /// Download as Archive: the selection, or the folder shown when nothing
    /// is selected.
    void archiveDownloadRequested(const QStringList &remotePaths);
    void remoteDropRequested(const QStringList &remotePaths, const QString &remoteDirectory, bool copy);
    /// Compress: the selected entries into an archive in @p remoteDirectory.
    void compressRequested(const QStringList &remotePaths, const QString &remoteDirectory);
    /// Extract: @p archives (local ones, uploaded first, or remote ones)
    /// unpacked in @p remoteDirectory.
    void extractRequested(const QStringList &archives, bool local, const QString &remoteDirectory);
    void showHiddenChanged(bool show);
    /// Properties asked for a change of permissions in a whole folder.
    void recursiveChmodRequested(const QString &remotePath, quint32 mode, quint32 mask);
    /// Entries shown, of those there are to see (the name filter aside).
    void countChanged(int shown, int total);

private:
    void createActions();
    void navigate(const QString &path, bool record);
    void activate(const QModelIndex &index);
    /// The selected file, when one file is selected (or current).
    QModelIndex selectedFile() const;
    void confirmDelete();
    void showProperties();
    void updateActions();
    /// The selected files that are archives Ferry reads.
    QStringList selectedArchives() const;
    /// Local files dropped on the pane: uploaded, or (archives only, when
    /// the user says so) uploaded and extracted.
    void onFilesDropped(const QStringList &localPaths, const QString &remoteDirectory);
    /// After an operation on the agent: on failure @p what (naming the
    /// path) and the agent's reason (without its own mention of one of
    /// @p paths) in the message bar; the listing is refreshed either way.
    void settled(const QString &what, const QStringList &paths, const Error *error);
    void createColumnActions();
    void showColumnMenu(const QPoint &pos);
    void saveColumnSettings() const;
    /// Before a listing of the same folder replaces the rows: what was
    /// selected and current, by name, to select again once it is loaded.
    void keepSelection();
    void restoreSelection();

    client::Session *m_session;
    std::unique_ptr<client::RemoteFs> m_fs;
    MessageBar *m_messages;
    RemoteDirModel *m_model;
    RemoteFilterModel *m_proxy;
    RemoteView *m_view;
    LocationBar *m_location;
    QLineEdit *m_filter;
    QStringList m_back;
    QStringList m_forward;
    bool m_shown = false;
    QList<QAction *> m_columnActions; ///< by column; none for the name
    struct KeptSelection {
        QString folder;
        QStringList names;
        QString current;
    };
    std::optional<KeptSelection> m_kept;
    /// Renames in the folder shown since the last listing: old name -> new.
    QHash<QString, QString> m_renamed;
};

} // namespace ferry::ui
