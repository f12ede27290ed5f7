// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/remoteeditor.h"

#include "core/client/downloadjob.h"
#include "core/client/remotefs.h"
#include "core/client/session.h"
#include "core/client/uploadjob.h"
#include "core/copy/copyjob.h"
#include "core/pathcodec.h"
#include "core/protocol/archiveformat.h"
#include "core/protocol/remotepath.h"
#include "ui/desktopapplications.h"
#include "ui/messagebar.h"
#include "ui/openwithdialog.h"
#include "ui/remotebrowser.h"
#include "ui/remotedirmodel.h"
#include "ui/transferdock.h"

#include <QAbstractButton>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTimer>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {

/// How long a file must be quiet before its change is looked at: an editor
/// that writes a new file and renames it over the old one makes several
/// changes for one save.
constexpr int SettleMs = 500;

/// "x.txt" -> "x (edited).txt"; a name with no suffix gets the words at
/// its end, and so does a hidden one (".bashrc (edited)").
QString editedName(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot <= 0)
        return name + QCoreApplication::translate("ferry::ui::RemoteEditor", " (edited)");
    return name.left(dot) + QCoreApplication::translate("ferry::ui::RemoteEditor", " (edited)") + name.mid(dot);
}

bool makePrivateFolder(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

QFileDevice::Permissions permissionsFromMode(quint32 mode)
{
    QFileDevice::Permissions p;
    const std::pair<quint32, QFileDevice::Permission> bits[] = {
        {0400, QFileDevice::ReadOwner}, {0200, QFileDevice::WriteOwner}, {0100, QFileDevice::ExeOwner},
        {0040, QFileDevice::ReadGroup}, {0020, QFileDevice::WriteGroup}, {0010, QFileDevice::ExeGroup},
        {0004, QFileDevice::ReadOther}, {0002, QFileDevice::WriteOther}, {0001, QFileDevice::ExeOther}};
    for (const auto &[bit, permission] : bits)
        if (mode & bit)
            p |= permission;
    // Qt's "user" bits follow the owner's: without them setPermissions()
    // would leave the file unreadable to us.
    if (mode & 0400)
        p |= QFileDevice::ReadUser;
    if (mode & 0200)
        p |= QFileDevice::WriteUser;
    if (mode & 0100)
        p |= QFileDevice::ExeUser;
    return p;
}

} // namespace

/// One opened file.
struct RemoteEditor::Edit {
    QString remotePath;     ///< where it was opened from
    QString target;         ///< where its saves go (a copy beside it, once chosen)
    QString localPath;
    bool readOnly = false;
    protocol::Entry baseline; ///< the remote file as last fetched or uploaded
    LocalState local;         ///< the copy as last fetched or uploaded
    QTimer *settle = nullptr;
    bool busy = false;    ///< fetching, asking or uploading
    bool again = false;   ///< a change came while busy
    bool failed = false;  ///< the last upload failed: the change is still here only
};

RemoteEditor::RemoteEditor(client::Session *session, RemoteBrowser *browser, TransferDock *queue, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_fs(std::make_unique<client::RemoteFs>(session))
    , m_browser(browser)
    , m_queue(queue)
    , m_watcher(new QFileSystemWatcher(this))
{
    setObjectName(u"remoteEditor"_s);
    // One folder per connection: the same path on two agents is two files.
    const client::SessionOptions &options = session->options();
    const QByteArray identity = options.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toUtf8() + '\n'
                                + options.shellCommand.toUtf8() + '\n' + options.remoteRoot.toUtf8();
    const QString host = options.url.host().isEmpty() ? u"shell"_s : options.url.host() + u'-' + QString::number(options.url.port(0));
    m_cacheFolder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/edit/"_s + host + u'-'
                    + QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex().left(12));

    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        for (auto &[key, edit] : m_edits)
            if (edit->localPath == path)
                schedule(edit.get());
    });
    // An editor that saves through a new file renamed over the old one
    // changes the folder; the file's watch went with the old file.
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString &dir) {
        for (auto &[key, edit] : m_edits) {
            if (QFileInfo(edit->localPath).absolutePath() != dir)
                continue;
            if (!m_watcher->files().contains(edit->localPath) && QFileInfo::exists(edit->localPath))
                m_watcher->addPath(edit->localPath);
            schedule(edit.get());
        }
    });
}

RemoteEditor::~RemoteEditor()
{
    removeCache();
}

QString RemoteEditor::cacheFolder() const
{
    return m_cacheFolder;
}

QString RemoteEditor::localPath(const QString &remotePath) const
{
    return m_cacheFolder + u"/files/"_s + remotepath::normalized(remotePath);
}

bool RemoteEditor::isInsideArchive(const QString &remotePath)
{
    const QStringList parts = remotepath::normalized(remotePath).split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i + 1 < parts.size(); ++i)
        if (protocol::archiveFormatForFileName(parts.at(i)))
            return true;
    return false;
}

RemoteEditor::Edit *RemoteEditor::editFor(const QString &remotePath) const
{
    const auto found = m_edits.find(remotepath::normalized(remotePath));
    return found == m_edits.end() ? nullptr : found->second.get();
}

bool RemoteEditor::hasPendingUploads() const
{
    for (const auto &[key, edit] : m_edits)
        if (!edit->readOnly && (edit->busy || edit->failed || edit->settle->isActive()))
            return true;
    return false;
}

void RemoteEditor::removeCache()
{
    for (auto it = m_edits.begin(); it != m_edits.end();) {
        Edit *edit = it->second.get();
        const bool pending = !edit->readOnly && (edit->busy || edit->failed || edit->settle->isActive());
        if (pending) {
            ++it;
            continue;
        }
        m_watcher->removePath(edit->localPath);
        delete edit->settle;
        QFile::setPermissions(edit->localPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QFile::remove(edit->localPath);
        it = m_edits.erase(it);
    }
    if (m_edits.empty()) {
        if (!m_watcher->directories().isEmpty())
            m_watcher->removePaths(m_watcher->directories());
        QDir(m_cacheFolder).removeRecursively();
    }
}

void RemoteEditor::open(const QString &remotePath)
{
    fetch(remotePath, [this](const QString &local) { return launchDefault(local); });
}

void RemoteEditor::chooseApplication(const QString &remotePath)
{
    const QString name = remotepath::name(remotePath);
    const QMimeType type = QMimeDatabase().mimeTypeForFile(pathcodec::escaped(name), QMimeDatabase::MatchExtension);
    auto *dialog = new OpenWithDialog(pathcodec::escaped(name), type.name(), m_browser);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OpenWithDialog::applicationChosen, this, [this, remotePath](const DesktopApplication &app) { openWith(remotePath, app); });
    dialog->open();
}

void RemoteEditor::openWith(const QString &remotePath, const DesktopApplication &application)
{
    fetch(remotePath, [this, application](const QString &local) {
        const QStringList args = commandLine(application.exec, local, application.name, application.icon);
        if (!args.isEmpty() && QProcess::startDetached(args.first(), args.mid(1)))
            return true;
        failed(tr("Could not start %1 to open %2").arg(application.name, pathcodec::escaped(local)));
        return false;
    });
}

bool RemoteEditor::launchDefault(const QString &localPath)
{
    // Platforms that open documents themselves do; elsewhere (no desktop
    // integration, as under the offscreen platform) xdg-open asks the
    // desktop's own settings, as Qt's generic Unix services do.
    if (QDesktopServices::openUrl(QUrl::fromLocalFile(localPath)))
        return true;
    const QString xdgOpen = QStandardPaths::findExecutable(u"xdg-open"_s);
    if (!xdgOpen.isEmpty() && QProcess::startDetached(xdgOpen, {localPath}))
        return true;
    failed(tr("There is no application to open %1").arg(pathcodec::escaped(localPath)));
    return false;
}

void RemoteEditor::failed(const QString &text)
{
    if (m_browser)
        m_browser->messageBar()->showMessage(MessageBar::Kind::Error, text);
    Q_EMIT message(text);
}

void RemoteEditor::fetch(const QString &remotePath, Launch launch)
{
    const QString key = remotepath::normalized(remotePath);
    if (Edit *edit = editFor(key)) {
        // Open already: the copy may hold changes not saved back yet.
        if (!edit->busy && QFileInfo::exists(edit->localPath)) {
            if (launch(edit->localPath))
                Q_EMIT opened(edit->remotePath, edit->localPath);
            return;
        }
        if (edit->busy)
            return;
    }
    m_fs->stat(key, [this, key, launch](const Expected<protocol::Entry> &entry) {
        if (!entry) {
            failed(tr("Could not open %1: %2").arg(m_fs->displayPath(key), entry.error().message));
            return;
        }
        // A link is opened as the file it leads to, so that saves go there
        // instead of replacing the link with a file.
        if (entry->type == protocol::Entry::Type::Symlink && !entry->linkTarget.startsWith(u'/')) {
            const QString target = remotepath::normalized(remotepath::join(remotepath::parent(key), entry->linkTarget));
            m_fs->statFollowed(key, [this, key, target, launch](const Expected<protocol::Entry> &followed) {
                if (!followed || followed->type != protocol::Entry::Type::File)
                    failed(followed ? tr("Could not open %1: it is not a file").arg(m_fs->displayPath(key))
                                    : tr("Could not open %1: %2").arg(m_fs->displayPath(key), followed.error().message));
                else
                    fetch(target, launch);
            }, this);
            return;
        }
        if (entry->type != protocol::Entry::Type::File) {
            failed(tr("Could not open %1: it is not a file").arg(m_fs->displayPath(key)));
            return;
        }
        const QString local = localPath(key);
        if (!makePrivateFolder(QFileInfo(m_cacheFolder).absolutePath()) || !makePrivateFolder(m_cacheFolder)
            || !QDir().mkpath(QFileInfo(local).absolutePath())) {
            failed(tr("Could not open %1: the folder %2 cannot be made").arg(m_fs->displayPath(key), QFileInfo(local).absolutePath()));
            return;
        }
        auto &slot = m_edits[key];
        if (!slot) {
            slot = std::make_unique<Edit>();
            slot->remotePath = key;
            slot->target = key;
            slot->localPath = local;
            slot->readOnly = isInsideArchive(key);
            slot->settle = new QTimer(this);
            slot->settle->setSingleShot(true);
            slot->settle->setInterval(SettleMs);
            Edit *edit = slot.get();
            connect(slot->settle, &QTimer::timeout, this, [this, edit] { check(edit); });
        }
        Edit *edit = slot.get();
        edit->busy = true;
        // A read-only copy from before is replaced.
        QFile::setPermissions(local, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        client::FileTransferItem item;
        item.localPath = local;
        item.remotePath = key;
        item.conflict = client::ConflictAction::Overwrite;
        auto *job = new client::DownloadJob(m_session, item, this);
        if (m_queue)
            m_queue->addTransfer(job, pathcodec::escaped(remotepath::name(key)), m_fs->displayPath(key), local, copy::Direction::Download);
        const protocol::Entry baseline = *entry;
        connect(job, &transfer::Job::finished, this, [this, edit, baseline, launch](transfer::Job *finished) {
            finished->deleteLater();
            if (!finished->succeeded()) {
                edit->busy = false;
                if (finished->error().code != ErrorCode::Cancelled)
                    failed(tr("Could not open %1: %2").arg(m_fs->displayPath(edit->remotePath), finished->error().message));
                return;
            }
            fetched(edit, baseline, launch);
        });
        job->start();
    }, this);
}

void RemoteEditor::fetched(Edit *edit, const protocol::Entry &baseline, Launch launch)
{
    edit->baseline = baseline;
    edit->local = readLocal(edit->localPath, true);
    edit->failed = false;
    if (edit->readOnly) {
        // Nothing goes back into an archive: the copy says so itself.
        QFile::setPermissions(edit->localPath, QFileDevice::ReadOwner | QFileDevice::ReadUser);
        if (!m_toldReadOnly.contains(edit->remotePath)) {
            m_toldReadOnly.insert(edit->remotePath);
            if (m_browser)
                m_browser->messageBar()->showMessage(MessageBar::Kind::Information,
                                                     tr("%1 is inside an archive: it is opened read-only, and changes to it are not uploaded.")
                                                         .arg(m_fs->displayPath(edit->remotePath)));
        }
    } else {
        if (!m_watcher->files().contains(edit->localPath))
            m_watcher->addPath(edit->localPath);
        const QString dir = QFileInfo(edit->localPath).absolutePath();
        if (!m_watcher->directories().contains(dir))
            m_watcher->addPath(dir);
    }
    edit->busy = false;
    if (launch && launch(edit->localPath))
        Q_EMIT opened(edit->remotePath, edit->localPath);
    settle(edit);
}

void RemoteEditor::refetch(Edit *edit)
{
    // Keep the remote one: its content replaces the copy's.
    edit->busy = true;
    m_fs->stat(edit->target, [this, edit](const Expected<protocol::Entry> &entry) {
        if (!entry) {
            edit->busy = false;
            failed(tr("Could not fetch %1 again: %2").arg(m_fs->displayPath(edit->target), entry.error().message));
            return;
        }
        client::FileTransferItem item;
        item.localPath = edit->localPath;
        item.remotePath = edit->target;
        item.conflict = client::ConflictAction::Overwrite;
        auto *job = new client::DownloadJob(m_session, item, this);
        if (m_queue)
            m_queue->addTransfer(job, pathcodec::escaped(remotepath::name(edit->target)), m_fs->displayPath(edit->target), edit->localPath,
                                 copy::Direction::Download);
        const protocol::Entry baseline = *entry;
        connect(job, &transfer::Job::finished, this, [this, edit, baseline](transfer::Job *finished) {
            finished->deleteLater();
            if (!finished->succeeded()) {
                edit->busy = false;
                failed(tr("Could not fetch %1 again: %2").arg(m_fs->displayPath(edit->target), finished->error().message));
                return;
            }
            fetched(edit, baseline, {});
        });
        job->start();
    }, this);
}

RemoteEditor::LocalState RemoteEditor::readLocal(const QString &path, bool withHash)
{
    LocalState state;
    const QFileInfo info(path);
    if (!info.exists())
        return state;
    state.size = info.size();
    state.mtimeMs = info.lastModified(QTimeZone::UTC).toMSecsSinceEpoch();
    if (withHash) {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (file.open(QIODevice::ReadOnly) && hash.addData(&file))
            state.hash = hash.result();
    }
    return state;
}

void RemoteEditor::schedule(Edit *edit)
{
    if (!edit->readOnly)
        edit->settle->start();
}

void RemoteEditor::settle(Edit *edit)
{
    // What came in while the file was busy is looked at now.
    if (std::exchange(edit->again, false))
        schedule(edit);
}

void RemoteEditor::check(Edit *edit)
{
    if (edit->readOnly)
        return;
    if (edit->busy) {
        edit->again = true;
        return;
    }
    LocalState now = readLocal(edit->localPath, false);
    if (now.size < 0)
        return; // between an editor's delete and its rename: the rename comes
    if (now.size == edit->local.size && now.mtimeMs == edit->local.mtimeMs && !edit->failed)
        return;
    now = readLocal(edit->localPath, true);
    if (now.hash == edit->local.hash && !edit->failed) {
        edit->local = now; // touched, not changed
        return;
    }
    edit->busy = true;
    m_fs->stat(edit->target, [this, edit](const Expected<protocol::Entry> &entry) {
        if (!entry && entry.error().code != ErrorCode::NotFound) {
            edit->busy = false;
            edit->failed = true;
            const QString reason = entry.error().message;
            failed(tr("Could not upload changes to %1: %2").arg(m_fs->displayPath(edit->target), reason));
            Q_EMIT uploadFailed(edit->target, reason);
            settle(edit);
            return;
        }
        // Changed (or gone) on the remote side since we fetched it.
        if (!entry || entry->size != edit->baseline.size || entry->mtimeNs != edit->baseline.mtimeNs) {
            askAboutConflict(edit, entry ? *entry : protocol::Entry{});
            return;
        }
        upload(edit, edit->target, true);
    }, this);
}

void RemoteEditor::askAboutConflict(Edit *edit, const protocol::Entry &remote)
{
    Q_UNUSED(remote);
    const QString shown = m_fs->displayPath(edit->target);
    const QString copyPath = remotepath::join(remotepath::parent(edit->target), editedName(remotepath::name(edit->target)));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remote File Changed"),
                                tr("%1 was changed on the remote machine after it was opened here. Replace it with your changes, "
                                   "save your changes beside it as %2, or keep the remote one and drop your changes?")
                                    .arg(shown, pathcodec::escaped(remotepath::name(copyPath))),
                                QMessageBox::NoButton, m_browser);
    box->setObjectName(u"editConflict"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *overwrite = box->addButton(tr("&Overwrite"), QMessageBox::AcceptRole);
    overwrite->setObjectName(u"overwrite"_s);
    QPushButton *saveCopy = box->addButton(tr("Save as &Copy"), QMessageBox::AcceptRole);
    saveCopy->setObjectName(u"saveCopy"_s);
    QPushButton *keepRemote = box->addButton(tr("&Keep Remote"), QMessageBox::DestructiveRole);
    keepRemote->setObjectName(u"keepRemote"_s);
    box->setDefaultButton(saveCopy);
    box->setEscapeButton(saveCopy);
    // Whatever closes the question answers it: closing it saves a copy,
    // which loses nothing on either side.
    auto answered = std::make_shared<bool>(false);
    connect(box, &QMessageBox::buttonClicked, this, [this, edit, overwrite, keepRemote, copyPath, answered](QAbstractButton *button) {
        *answered = true;
        if (button == overwrite) {
            upload(edit, edit->target, true);
        } else if (button == keepRemote) {
            refetch(edit);
        } else {
            upload(edit, copyPath, false);
        }
    });
    connect(box, &QObject::destroyed, this, [this, edit, copyPath, answered] {
        if (!*answered && editFor(edit->remotePath) == edit)
            upload(edit, copyPath, false);
    });
    Q_EMIT conflictAsked(edit->target);
    box->open();
}

void RemoteEditor::upload(Edit *edit, const QString &target, bool replace)
{
    edit->busy = true;
    // What goes up is a snapshot: the editor may save again meanwhile, and
    // what was sent is what the copy is compared with afterwards.
    const QString folder = m_cacheFolder + u"/uploads"_s;
    QDir().mkpath(folder);
    QTemporaryFile snapshot(folder + u"/XXXXXX"_s);
    snapshot.setAutoRemove(false);
    QFile source(edit->localPath);
    LocalState sent;
    if (snapshot.open() && source.open(QIODevice::ReadOnly)) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        while (!source.atEnd()) {
            const QByteArray chunk = source.read(1 << 20);
            if (chunk.isEmpty() || snapshot.write(chunk) != chunk.size())
                break;
            hash.addData(chunk);
        }
        if (source.atEnd() && snapshot.flush()) {
            sent.size = snapshot.size();
            sent.hash = hash.result();
            sent.mtimeMs = QFileInfo(edit->localPath).lastModified(QTimeZone::UTC).toMSecsSinceEpoch();
        }
    }
    const QString snapshotPath = snapshot.fileName();
    snapshot.close();
    if (sent.size < 0) {
        QFile::remove(snapshotPath);
        edit->busy = false;
        edit->failed = true;
        const QString reason = source.error() != QFileDevice::NoError ? source.errorString() : snapshot.errorString();
        failed(tr("Could not upload changes to %1: %2").arg(m_fs->displayPath(target), reason));
        Q_EMIT uploadFailed(target, reason);
        settle(edit);
        return;
    }
    // The remote file keeps its mode; its time becomes the save's.
    QFile::setPermissions(snapshotPath, permissionsFromMode(edit->baseline.mode ? edit->baseline.mode : 0644));
    QFile(snapshotPath).setFileTime(QFileInfo(edit->localPath).lastModified(), QFileDevice::FileModificationTime);
    client::FileTransferItem item;
    item.localPath = snapshotPath;
    item.remotePath = target;
    item.conflict = replace ? client::ConflictAction::Overwrite : client::ConflictAction::Fail;
    auto *job = new client::UploadJob(m_session, item, this);
    if (m_queue)
        m_queue->addTransfer(job, pathcodec::escaped(remotepath::name(target)), edit->localPath, m_fs->displayPath(target), copy::Direction::Upload);
    connect(job, &transfer::Job::finished, this, [this, edit, target, sent, snapshotPath](transfer::Job *finished) {
        finished->deleteLater();
        QFile::remove(snapshotPath);
        if (!finished->succeeded()) {
            edit->busy = false;
            edit->failed = true;
            const QString reason = finished->error().message;
            failed(tr("Could not upload changes to %1: %2").arg(m_fs->displayPath(target), reason));
            Q_EMIT uploadFailed(target, reason);
            settle(edit);
            return;
        }
        edit->local = sent;
        edit->failed = false;
        edit->target = target;
        // The remote file as it is now is what later saves are checked against.
        m_fs->stat(target, [this, edit, target](const Expected<protocol::Entry> &entry) {
            if (entry)
                edit->baseline = *entry;
            edit->busy = false;
            Q_EMIT message(tr("Uploaded changes to %1").arg(m_fs->displayPath(target)));
            Q_EMIT uploaded(target);
            if (m_browser && remotepath::parent(target) == m_browser->currentPath())
                m_browser->model()->refresh();
            settle(edit);
        }, this);
    });
    job->start();
}

} // namespace ferry::ui
