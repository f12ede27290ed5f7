// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/entry.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <map>
#include <memory>

class QFileSystemWatcher;
class QTimer;

namespace ferry::client {
class RemoteFs;
class Session;
}

namespace ferry::transfer {
class Job;
}

namespace ferry::ui {

struct DesktopApplication;
class RemoteBrowser;
class TransferDock;

/// "Open" and "Open With…" on remote files, as WinSCP and FileZilla do it:
/// the file is fetched into a private cache of this connection and opened
/// in the desktop's application; each save there (a rewrite, or a new file
/// renamed over it, as most editors save) is uploaded back to where it came
/// from, after the remote file is checked for changes made meanwhile.
///
/// Per opened file, one thing at a time: fetching, asking about a remote
/// change, or uploading; a save during one of them is looked at when it
/// ends. Files read from inside an archive are opened read-only.
class RemoteEditor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteEditor)

public:
    RemoteEditor(client::Session *session, RemoteBrowser *browser, TransferDock *queue, QObject *parent = nullptr);
    ~RemoteEditor() override;

    /// Fetches @p remotePath (again only when it is not open yet) and opens
    /// it in the application the desktop has for its type.
    void open(const QString &remotePath);
    /// Asks which application should open @p remotePath.
    void chooseApplication(const QString &remotePath);
    /// Fetches @p remotePath and opens it with @p application.
    void openWith(const QString &remotePath, const DesktopApplication &application);

    /// Where this connection's copies are kept (made 0700 when needed).
    QString cacheFolder() const;
    /// The local copy of @p remotePath.
    QString localPath(const QString &remotePath) const;
    /// Whether @p remotePath runs into an archive (is read from inside one).
    static bool isInsideArchive(const QString &remotePath);
    /// Whether a change to an opened file is not uploaded yet.
    bool hasPendingUploads() const;
    /// Forgets the opened files and removes their copies, except those
    /// whose changes are not uploaded yet.
    void removeCache();

Q_SIGNALS:
    /// For the status bar.
    void message(const QString &text);
    /// The copy is ready and the application was started.
    void opened(const QString &remotePath, const QString &localPath);
    /// A save was uploaded to @p remotePath.
    void uploaded(const QString &remotePath);
    /// Uploading to @p remotePath failed (told in the remote pane).
    void uploadFailed(const QString &remotePath, const QString &reason);
    /// The remote file changed since it was fetched; the question is shown.
    void conflictAsked(const QString &remotePath);

private:
    struct Edit;
    struct LocalState {
        qint64 size = -1;
        qint64 mtimeMs = 0;
        QByteArray hash;
    };
    using Launch = std::function<bool(const QString &localPath)>;

    void fetch(const QString &remotePath, Launch launch);
    void fetched(Edit *edit, const protocol::Entry &baseline, Launch launch);
    void refetch(Edit *edit);
    void schedule(Edit *edit);
    void check(Edit *edit);
    void askAboutConflict(Edit *edit, const protocol::Entry &remote);
    void upload(Edit *edit, const QString &target, bool replace);
    void settle(Edit *edit);
    void failed(const QString &text);
    bool launchDefault(const QString &localPath);
    static LocalState readLocal(const QString &path, bool withHash);
    Edit *editFor(const QString &remotePath) const;

    QPointer<client::Session> m_session;
    std::unique_ptr<client::RemoteFs> m_fs;
    QPointer<RemoteBrowser> m_browser;
    QPointer<TransferDock> m_queue;
    QFileSystemWatcher *m_watcher;
    QString m_cacheFolder;
    std::map<QString, std::unique_ptr<Edit>> m_edits; ///< by remote path
    QSet<QString> m_toldReadOnly;
};

} // namespace ferry::ui
