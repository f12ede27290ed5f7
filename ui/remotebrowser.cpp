// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/remotebrowser.h"

#include "core/client/remotefs.h"
#include "core/client/session.h"
#include "core/pathcodec.h"
#include "core/protocol/archiveformat.h"
#include "core/protocol/remotepath.h"
#include "ui/displayformat.h"
#include "ui/locationbar.h"
#include "ui/messagebar.h"
#include "ui/namedaction.h"
#include "ui/propertiesdialog.h"
#include "ui/remotedirmodel.h"
#include "ui/remotefiltermodel.h"
#include "ui/remoteview.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCursor>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

RemoteBrowser::~RemoteBrowser() = default;

RemoteBrowser::RemoteBrowser(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_fs(std::make_unique<client::RemoteFs>(session))
    , m_messages(new MessageBar(this))
    , m_model(new RemoteDirModel(session, this))
    , m_proxy(new RemoteFilterModel(this))
    , m_view(new RemoteView(this))
    , m_location(new LocationBar(this))
    , m_filter(new QLineEdit(this))
{
    setObjectName(u"remoteBrowser"_s);
    // A listing of the same folder (a refresh after a rename, a change of
    // permissions, a job) keeps what was selected. Connected before the
    // proxy is, so the selection is read before the reset reaches the view.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &RemoteBrowser::keepSelection);
    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(u"remoteView"_s);
    m_view->setAccessibleName(tr("Remote files"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RemoteDirModel::NameColumn, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    // Files dropped from any file manager upload; remote rows dragged onto
    // a folder move (Ctrl: copy); a folder row lights up under the drop.
    // Rows dragged out of the window are downloaded for the drop target.
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->header()->setSectionResizeMode(RemoteDirModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSortIndicatorShown(true);
    fitTimeColumn(m_view->header(), RemoteDirModel::ModifiedColumn);
    fitHeaderTitles(m_view->header());
    createColumnActions();

    connect(m_location, &LocationBar::pathRequested, this, [this](const QString &path) {
        openPath(path);
        m_view->setFocus();
    });
    m_filter->setObjectName(u"filter"_s);
    m_filter->setAccessibleName(tr("Filter by name"));
    setUpNameFilter(m_filter, m_view, 220);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &RemoteFilterModel::setNameFilter);

    createActions();
    auto *bar = new QToolBar(tr("Remote Navigation"), this);
    bar->setObjectName(u"remoteNavigation"_s);
    bar->setIconSize(QSize(16, 16));
    for (const char *name : {"back", "forward", "up", "refresh"})
        bar->addAction(action(QLatin1StringView(name)));
    bar->addWidget(m_location);
    bar->addWidget(m_filter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_messages);
    layout->addWidget(m_view);

    connect(m_view, &QTreeView::activated, this, &RemoteBrowser::activate);
    connect(m_view, &RemoteView::dragOutFailed, this, [this](const QString &text) {
        m_messages->showMessage(MessageBar::Kind::Error, text);
        Q_EMIT message(text);
    });
    connect(m_model, &RemoteDirModel::uploadRequested, this, &RemoteBrowser::onFilesDropped);
    connect(m_model, &RemoteDirModel::remoteDropRequested, this, &RemoteBrowser::remoteDropRequested);
    connect(m_model, &RemoteDirModel::renameRequested, this, &RemoteBrowser::renameEntry);
    connect(m_model, &RemoteDirModel::loaded, this, [this] {
        restoreSelection();
        m_location->setPath(m_model->path());
        m_view->resizeColumnToContents(RemoteDirModel::SizeColumn);
        Q_EMIT pathChanged(m_model->path());
        updateActions();
        if (!std::exchange(m_shown, true))
            Q_EMIT listingShown();
    });
    // The count follows the listing, the filter and the hidden files.
    const auto recount = [this] { Q_EMIT countChanged(m_proxy->rowCount(), m_proxy->unfilteredCount()); };
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, recount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, recount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, recount);
    connect(m_model, &RemoteDirModel::loaded, this, recount);
    connect(m_model, &RemoteDirModel::failed, this, [this](const QString &text) {
        m_location->setPath(m_model->path());
        m_messages->showMessage(MessageBar::Kind::Error, text);
        Q_EMIT message(text);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RemoteBrowser::updateActions);
    updateActions();
}

void RemoteBrowser::createActions()
{
    const auto make = [this](const QString &name, const QString &icon, const QString &text, const QKeySequence &key, auto slot) {
        QAction *action = createNamedAction(this, name, icon, text, key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    make(u"back"_s, u"go-previous"_s, tr("&Back"), QKeySequence::Back, [this] {
        if (m_back.isEmpty())
            return;
        m_forward.append(currentPath());
        navigate(m_back.takeLast(), false);
    });
    make(u"forward"_s, u"go-next"_s, tr("&Forward"), QKeySequence::Forward, [this] {
        if (m_forward.isEmpty())
            return;
        m_back.append(currentPath());
        navigate(m_forward.takeLast(), false);
    });
    QAction *up = make(u"up"_s, u"go-up"_s, tr("&Up"), QKeySequence(Qt::ALT | Qt::Key_Up), [this] {
        const QString path = currentPath();
        if (path.isEmpty())
            return;
        openPath(remotepath::parent(path));
    });
    // Backspace too, as in file managers; a field being typed in keeps it.
    up->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Up), QKeySequence(Qt::Key_Backspace)});
    make(u"refresh"_s, u"view-refresh"_s, tr("&Refresh"), QKeySequence::Refresh, [this] { m_model->refresh(); });
    make(u"editLocation"_s, u"document-open-folder"_s, tr("Edit &Location"), QKeySequence(Qt::CTRL | Qt::Key_L), [this] { m_location->startEditing(); });
    make(u"focusFilter"_s, u"view-filter"_s, tr("F&ilter"), QKeySequence::Find, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    QAction *hidden = make(u"showHidden"_s, u"view-hidden"_s, tr("Show &Hidden Files"), QKeySequence(Qt::CTRL | Qt::Key_H), [this](bool on) {
        m_proxy->setShowHidden(on);
        Q_EMIT showHiddenChanged(on);
    });
    hidden->setCheckable(true);
    make(u"newFolder"_s, u"folder-new"_s, tr("New &Folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] {
        bool ok = false;
        const QString typed = QInputDialog::getText(this, tr("New Folder"), tr("Name of the new folder:"), QLineEdit::Normal, tr("New Folder"), &ok);
        if (!ok || typed.trimmed().isEmpty())
            return;
        // Typed like the names are shown: escapes stand for bytes.
        const Expected<QString> name = pathcodec::unescaped(typed.trimmed());
        if (name)
            createFolder(*name);
        else
            Q_EMIT message(name.error().message);
    });
    make(u"rename"_s, u"edit-rename"_s, tr("Re&name"), QKeySequence(Qt::Key_F2), [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            m_view->edit(current.siblingAtColumn(RemoteDirModel::NameColumn));
    });
    make(u"delete"_s, u"edit-delete"_s, tr("&Delete"), QKeySequence::Delete, [this] { confirmDelete(); });
    make(u"open"_s, u"document-open"_s, tr("&Open"), QKeySequence(), [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            activate(rows.contains(m_view->currentIndex().siblingAtColumn(0)) ? m_view->currentIndex() : rows.first());
    });
    make(u"openWith"_s, u"document-open"_s, tr("Open Wit&h…"), QKeySequence(), [this] {
        const QModelIndex file = selectedFile();
        if (file.isValid())
            Q_EMIT openWithRequested(file.data(RemoteDirModel::PathRole).toString());
    });
    make(u"download"_s, u"document-save"_s, tr("Do&wnload…"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] {
        const QStringList paths = selectedPaths();
        if (!paths.isEmpty())
            Q_EMIT downloadRequested(paths);
    });
    make(u"downloadArchive"_s, u"package-x-generic"_s, tr("Download as &Archive…"), QKeySequence(), [this] {
        const QStringList paths = selectedPaths();
        Q_EMIT archiveDownloadRequested(paths.isEmpty() ? QStringList{currentPath()} : paths);
    });
    make(u"compress"_s, u"archive-insert"_s, tr("Co&mpress…"), QKeySequence(), [this] {
        const QStringList paths = selectedPaths();
        if (!paths.isEmpty())
            Q_EMIT compressRequested(paths, currentPath());
    });
    make(u"extractHere"_s, u"archive-extract"_s, tr("E&xtract Here"), QKeySequence(), [this] {
        const QStringList archives = selectedArchives();
        if (!archives.isEmpty())
            Q_EMIT extractRequested(archives, false, currentPath());
    });
    make(u"uploadExtract"_s, u"archive-extract"_s, tr("&Upload and Extract…"), QKeySequence(), [this] {
        const QStringList archives = QFileDialog::getOpenFileNames(this, tr("Upload and Extract"), QDir::homePath(),
                                                                   tr("Archives (*.zip *.tar *.tar.gz *.tgz *.tar.bz2 *.tbz2 *.tar.xz *.txz *.tar.zst *.tzst)"));
        if (!archives.isEmpty())
            Q_EMIT extractRequested(archives, true, currentPath());
    });
    make(u"properties"_s, u"document-properties"_s, tr("P&roperties…"), QKeySequence(Qt::ALT | Qt::Key_Return), [this] { showProperties(); });
    make(u"copyPath"_s, u"edit-copy-path"_s, tr("Copy Remote &Path"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] {
        // In ferry-cli's form (":dir/name"), which the location bar takes too.
        QStringList shown;
        for (const QString &path : selectedPaths())
            shown.append(u':' + pathcodec::escaped(path));
        QApplication::clipboard()->setText((shown.isEmpty() ? QStringList{u':' + pathcodec::escaped(currentPath())} : shown).join(u'\n'));
    });
    for (const char *name : {"open", "openWith", "download", "downloadArchive", "compress", "extractHere", "rename", "delete", "copyPath", "newFolder", "properties"})
        m_view->addAction(action(QLatin1StringView(name)));
}

QLineEdit *RemoteBrowser::locationEdit() const
{
    return m_location->lineEdit();
}

QAction *RemoteBrowser::action(const QString &name) const
{
    return namedAction(this, name);
}

QList<QAction *> RemoteBrowser::fileActions() const
{
    QList<QAction *> list;
    for (const char *name : {"open", "openWith", "newFolder", "rename", "delete", "download", "downloadArchive", "compress", "extractHere", "uploadExtract", "copyPath", "properties"})
        if (QAction *a = action(QLatin1StringView(name)))
            list.append(a);
    return list;
}

QString RemoteBrowser::currentPath() const
{
    return m_model->path();
}

void RemoteBrowser::openPath(const QString &path)
{
    if (path == currentPath() && !m_model->isLoading() && m_shown) {
        m_model->refresh();
        return;
    }
    navigate(path, true);
}

void RemoteBrowser::navigate(const QString &path, bool record)
{
    if (record && m_shown) {
        m_back.append(currentPath());
        m_forward.clear();
    }
    m_filter->clear();
    m_model->setPath(path);
    updateActions();
}

void RemoteBrowser::activate(const QModelIndex &index)
{
    const QModelIndex source = m_proxy->mapToSource(index);
    const QString path = source.data(RemoteDirModel::PathRole).toString();
    // An archive opens like a folder: the agent lists what it holds.
    if (source.data(RemoteDirModel::IsDirRole).toBool() || protocol::archiveFormatForFileName(remotepath::name(path)))
        openPath(path);
    else
        Q_EMIT openRequested(path);
}

QModelIndex RemoteBrowser::selectedFile() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1 || rows.first().data(RemoteDirModel::IsDirRole).toBool())
        return {};
    return rows.first();
}

QStringList RemoteBrowser::selectedPaths() const
{
    QStringList paths;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        paths.append(row.data(RemoteDirModel::PathRole).toString());
    return paths;
}

void RemoteBrowser::setShowHidden(bool show)
{
    action(u"showHidden"_s)->setChecked(show);
    m_proxy->setShowHidden(show);
}

void RemoteBrowser::setDragOutDownloader(RemoteDragData::Downloader downloader)
{
    m_view->setDownloader(std::move(downloader));
}

void RemoteBrowser::updateActions()
{
    const bool selected = !m_view->selectionModel()->selectedRows().isEmpty();
    action(u"back"_s)->setEnabled(!m_back.isEmpty());
    action(u"forward"_s)->setEnabled(!m_forward.isEmpty());
    action(u"up"_s)->setEnabled(!currentPath().isEmpty());
    for (const char *name : {"open", "rename", "delete", "download", "compress", "properties"})
        action(QLatin1StringView(name))->setEnabled(selected);
    action(u"openWith"_s)->setEnabled(selectedFile().isValid());
    action(u"extractHere"_s)->setEnabled(!selectedArchives().isEmpty());
}

QStringList RemoteBrowser::selectedArchives() const
{
    QStringList archives;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        const QString path = index.data(RemoteDirModel::PathRole).toString();
        if (!index.data(RemoteDirModel::IsDirRole).toBool() && protocol::archiveFormatForFileName(remotepath::name(path)))
            archives.append(path);
    }
    return archives;
}

void RemoteBrowser::onFilesDropped(const QStringList &localPaths, const QString &remoteDirectory)
{
    // Archives alone may also be unpacked where they land: asked, as file
    // managers ask what a drop should do.
    const bool archives = std::all_of(localPaths.cbegin(), localPaths.cend(), [](const QString &path) {
        return QFileInfo(path).isFile() && protocol::archiveFormatForFileName(QFileInfo(path).fileName());
    });
    if (!archives || localPaths.isEmpty()) {
        Q_EMIT uploadRequested(localPaths, remoteDirectory);
        return;
    }
    QMenu menu(this);
    menu.setObjectName(u"dropMenu"_s);
    QAction *upload = menu.addAction(QIcon::fromTheme(u"document-send"_s), tr("&Upload Here"));
    upload->setObjectName(u"dropUpload"_s);
    QAction *extract = menu.addAction(QIcon::fromTheme(u"archive-extract"_s), tr("Upload and E&xtract Here"));
    extract->setObjectName(u"dropExtract"_s);
    menu.addSeparator();
    menu.addAction(QIcon::fromTheme(u"process-stop"_s), tr("Cancel"))->setObjectName(u"dropCancel"_s);
    // What was triggered, by the mouse, the keyboard or a program.
    QAction *chosen = nullptr;
    connect(&menu, &QMenu::triggered, &menu, [&chosen](QAction *action) { chosen = action; });
    if (QAction *picked = menu.exec(QCursor::pos()))
        chosen = picked;
    if (chosen == upload)
        Q_EMIT uploadRequested(localPaths, remoteDirectory);
    else if (chosen == extract)
        Q_EMIT extractRequested(localPaths, true, remoteDirectory);
}

void RemoteBrowser::confirmDelete()
{
    const QStringList paths = selectedPaths();
    if (paths.isEmpty())
        return;
    const QString question = paths.size() == 1 ? tr("Delete “%1” on the remote machine? This cannot be undone.").arg(pathcodec::escaped(paths.first()))
                                               : tr("Delete %1 items on the remote machine? This cannot be undone.").arg(paths.size());
    QMessageBox *box = deleteQuestion(this, u"deleteConfirmation"_s, question);
    connect(box, &QMessageBox::accepted, this, [this, paths] { removeEntries(paths); });
    box->open();
}

void RemoteBrowser::showProperties()
{
    QModelIndex current = m_view->currentIndex();
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!rows.isEmpty() && !rows.contains(current.siblingAtColumn(0)))
        current = rows.first();
    if (!current.isValid())
        return;
    const QModelIndex source = m_proxy->mapToSource(current);
    auto *dialog = new PropertiesDialog(m_model->entry(source.row()), source.data(RemoteDirModel::PathRole).toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PropertiesDialog::chmodRequested, this, &RemoteBrowser::changeMode);
    connect(dialog, &PropertiesDialog::recursiveChmodRequested, this, &RemoteBrowser::recursiveChmodRequested);
    dialog->open();
}

void RemoteBrowser::settled(const QString &what, const QStringList &paths, const Error *error)
{
    if (error) {
        // The agent's reason names the path already ("b: File exists");
        // the sentence before it names it too.
        QString reason = error->message;
        for (const QString &path : paths) {
            const QString prefix = pathcodec::escaped(path) + u": "_s;
            if (reason.startsWith(prefix)) {
                reason = reason.mid(prefix.size());
                break;
            }
        }
        m_messages->showMessage(MessageBar::Kind::Error, tr("%1: %2").arg(what, reason));
    }
    m_model->refresh();
}

void RemoteBrowser::createFolder(const QString &name)
{
    const QString path = m_model->childPath(name);
    m_fs->mkdir(path, 0777, false, [this, path](const Expected<void> &result) {
        settled(tr("Could not create the folder %1").arg(m_fs->displayPath(path)), {path}, result ? nullptr : &result.error());
    }, this);
}

void RemoteBrowser::removeEntries(const QStringList &paths)
{
    for (const QString &path : paths) {
        m_fs->remove(path, true, [this, path](const Expected<void> &result) {
            settled(tr("Could not delete %1").arg(m_fs->displayPath(path)), {path}, result ? nullptr : &result.error());
        }, this);
    }
}

void RemoteBrowser::renameEntry(const QString &path, const QString &newName)
{
    const QString target = remotepath::join(remotepath::parent(path), newName);
    // Never onto an existing name: that would replace it without a word.
    m_fs->move(path, target, false, [this, path, target, newName](const Expected<void> &result) {
        // The renamed entry stays selected under its new name.
        if (result && remotepath::parent(path) == currentPath())
            m_renamed.insert(remotepath::name(path), newName);
        settled(tr("Could not rename %1 to %2").arg(m_fs->displayPath(path), m_fs->displayPath(target)), {target, path},
                result ? nullptr : &result.error());
    }, this);
}

void RemoteBrowser::changeMode(const QString &path, quint32 mode)
{
    m_fs->setAttributes(path, client::Attributes{mode, std::nullopt}, [this, path](const Expected<void> &result) {
        settled(tr("Could not change the permissions of %1").arg(m_fs->displayPath(path)), {path}, result ? nullptr : &result.error());
    }, this);
}

namespace {

// Keys of the optional columns in the settings, by column.
QString columnKey(int column)
{
    switch (column) {
    case RemoteDirModel::SizeColumn: return u"size"_s;
    case RemoteDirModel::TypeColumn: return u"type"_s;
    case RemoteDirModel::ModifiedColumn: return u"modified"_s;
    case RemoteDirModel::PermissionsColumn: return u"permissions"_s;
    case RemoteDirModel::OwnerColumn: return u"owner"_s;
    case RemoteDirModel::GroupColumn: return u"group"_s;
    }
    return {};
}

const auto kColumnsKey = "view/remoteColumns"_L1;

} // namespace

void RemoteBrowser::createColumnActions()
{
    QHeaderView *header = m_view->header();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &RemoteBrowser::showColumnMenu);
    m_columnActions.resize(RemoteDirModel::ColumnCount);
    for (int column = RemoteDirModel::SizeColumn; column < RemoteDirModel::ColumnCount; ++column) {
        auto *action = new QAction(m_model->headerData(column, Qt::Horizontal).toString(), header);
        const QString key = columnKey(column);
        action->setObjectName(u"column"_s + key.at(0).toUpper() + key.mid(1));
        action->setCheckable(true);
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            m_view->setColumnHidden(column, !on);
            saveColumnSettings();
        });
        m_columnActions[column] = action;
    }
    applyColumnSettings();
}

QAction *RemoteBrowser::columnAction(int column) const
{
    return column >= 0 && column < m_columnActions.size() ? m_columnActions.at(column) : nullptr;
}

void RemoteBrowser::applyColumnSettings()
{
    const QSettings settings;
    const QStringList shown = settings.contains(kColumnsKey)
                                  ? settings.value(kColumnsKey).toStringList()
                                  : QStringList{u"size"_s, u"type"_s, u"modified"_s, u"permissions"_s};
    for (int column = RemoteDirModel::SizeColumn; column < RemoteDirModel::ColumnCount; ++column) {
        const bool on = shown.contains(columnKey(column));
        const QSignalBlocker quiet(m_columnActions.at(column));
        m_columnActions.at(column)->setChecked(on);
        m_view->setColumnHidden(column, !on);
    }
}

void RemoteBrowser::saveColumnSettings() const
{
    QStringList shown;
    for (int column = RemoteDirModel::SizeColumn; column < RemoteDirModel::ColumnCount; ++column)
        if (!m_view->isColumnHidden(column))
            shown.append(columnKey(column));
    QSettings().setValue(kColumnsKey, shown);
}

void RemoteBrowser::showColumnMenu(const QPoint &pos)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(u"columnMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = RemoteDirModel::SizeColumn; column < RemoteDirModel::ColumnCount; ++column)
        menu->addAction(m_columnActions.at(column));
    menu->popup(m_view->header()->mapToGlobal(pos));
}

void RemoteBrowser::keepSelection()
{
    // Only a listing of the folder on screen: entering another one starts afresh.
    if (m_model->loadingPath() != m_model->path() || m_model->rowCount() == 0) {
        m_kept.reset();
        m_renamed.clear();
        return;
    }
    KeptSelection kept{m_model->path(), {}, {}};
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        kept.names.append(m_model->entry(m_proxy->mapToSource(row).row()).name);
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        kept.current = m_model->entry(m_proxy->mapToSource(current).row()).name;
    if (!kept.names.isEmpty() || !kept.current.isEmpty())
        m_kept = kept;
}

void RemoteBrowser::restoreSelection()
{
    const std::optional<KeptSelection> kept = std::exchange(m_kept, std::nullopt);
    const QHash<QString, QString> renamed = std::exchange(m_renamed, {});
    // Something the user picked while the listing came in wins.
    if (!kept || kept->folder != m_model->path() || m_view->selectionModel()->hasSelection())
        return;
    const auto indexOf = [this, &renamed](const QString &name) {
        const int row = m_model->rowOf(renamed.value(name, name));
        return row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, RemoteDirModel::NameColumn));
    };
    QItemSelection selection;
    for (const QString &name : kept->names) {
        const QModelIndex index = indexOf(name);
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(m_proxy->columnCount() - 1));
    }
    const QModelIndex current = indexOf(kept->current);
    if (current.isValid()) {
        m_view->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(current);
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace ferry::ui
