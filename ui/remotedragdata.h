// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMimeData>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>

namespace ferry::copy {
class CopyJob;
}

namespace ferry::ui {

/// What a drag of remote rows carries. Between the panes: the remote paths
/// (RemoteDirModel::kRemotePathsMime) and their names as text, as before.
/// To any other application: text/uri-list, worked out only when the drop
/// target asks for it (X11 asks at drop time, some file managers already
/// while the pointer moves over them). Then the entries are downloaded
/// through the normal copy path (a row in the queue) into a private folder
/// of dragoutfolders, the call waiting for it with a local event loop for
/// at most timeout(), and the answer is file:// URLs of what arrived there.
/// A failed or too long download, or a drop the target refused, leaves no
/// folder behind.
class RemoteDragData final : public QMimeData
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteDragData)

public:
    /// Starts a download of remote paths into a local folder (a queue row),
    /// or null when there is no connection.
    using Downloader = std::function<copy::CopyJob *(const QStringList &remotePaths, const QString &localDirectory)>;

    /// Without a @p downloader, no text/uri-list is offered.
    RemoteDragData(const QStringList &remotePaths, Downloader downloader);
    ~RemoteDragData() override;

    QStringList remotePaths() const { return m_remotePaths; }
    /// The private folder the entries were downloaded into (empty before,
    /// after a failure and after a refused drop).
    QString folder() const { return m_folder; }
    /// Why the last download failed (empty when it did not).
    QString errorString() const { return m_error; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    /// The drag is over with @p action: a refused one (Qt::IgnoreAction)
    /// removes the folder. An accepted one keeps it for the target to copy
    /// or move from; it goes when Ferry quits (dragoutfolders::removeOwn).
    void dragEnded(Qt::DropAction action);

    QStringList formats() const override;

Q_SIGNALS:
    /// The download for a drop failed or took too long (the message says which).
    void failed(const QString &message);

protected:
    QVariant retrieveData(const QString &mimeType, QMetaType type) const override;

private:
    enum class State { Idle, Downloading, Done, Failed };
    /// Downloads once; true when the URLs are there.
    bool fetch();
    void fail(const QString &message);

    QStringList m_remotePaths;
    Downloader m_downloader;
    std::chrono::milliseconds m_timeout{30000};
    State m_state = State::Idle;
    QString m_folder;
    QString m_error;
    QList<QUrl> m_urls;
};

} // namespace ferry::ui
