// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/localbrowser.h"

#include "ui/displayformat.h"
#include "ui/localfilemodel.h"
#include "ui/messagebar.h"
#include "ui/namedaction.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QStandardPaths>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

LocalBrowser::LocalBrowser(QWidget *parent)
    : QWidget(parent)
    , m_messages(new MessageBar(this))
    , m_view(new QTreeView(this))
    , m_location(new QLineEdit(this))
    , m_filter(new QLineEdit(this))
{
    setObjectName(u"localBrowser"_s);
    m_messages->setObjectName(u"localMessages"_s);
    m_view->setObjectName(u"localView"_s);
    m_view->setAccessibleName(tr("Local files"));
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::CopyAction);
    m_view->setDropIndicatorShown(true);
    // A double-click opens a folder; renaming is F2 or a click on a
    // selected row, as in the remote pane.
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_location->setObjectName(u"localLocation"_s);
    m_location->setAccessibleName(tr("Local location"));
    m_location->setPlaceholderText(tr("Local folder"));
    m_filter->setObjectName(u"localFilter"_s);
    m_filter->setAccessibleName(tr("Filter local files by name"));
    setUpNameFilter(m_filter, m_view, 160);
    connect(m_filter, &QLineEdit::textChanged, this, &LocalBrowser::applyFilter);

    createActions();
    auto *bar = new QToolBar(tr("Local Navigation"), this);
    bar->setObjectName(u"localNavigation"_s);
    bar->setIconSize(QSize(16, 16));
    for (const char *name : {"up", "home", "refresh"})
        bar->addAction(action(QLatin1StringView(name)));
    bar->addWidget(m_location);
    bar->addWidget(m_filter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_messages);
    layout->addWidget(m_view);

    connect(m_location, &QLineEdit::returnPressed, this, [this] {
        const QFileInfo info(QDir::fromNativeSeparators(m_location->text().trimmed()));
        if (info.isDir()) {
            openPath(info.absoluteFilePath());
            m_view->setFocus();
        } else {
            failed(tr("No such folder: %1").arg(m_location->text().trimmed()));
            m_location->setText(QDir::toNativeSeparators(m_path));
        }
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (m_model->isDir(index))
            openPath(m_model->filePath(index));
        else
            QDesktopServices::openUrl(QUrl::fromLocalFile(m_model->filePath(index)));
    });
    setModel(new LocalFileModel(this));
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    fitTimeColumn(m_view->header(), LocalFileModel::ModifiedColumn);
    fitHeaderTitles(m_view->header());
    openPath(QDir::homePath());
}

void LocalBrowser::setModel(LocalFileModel *model)
{
    LocalFileModel *old = m_model;
    QItemSelectionModel *oldSelection = m_view->selectionModel();
    const bool hidden = old && old->filter().testFlag(QDir::Hidden);
    m_model = model;
    m_model->setShowHidden(hidden);
    m_model->setRootPath(QDir::rootPath());
    m_view->setModel(m_model);
    connect(m_model, &LocalFileModel::downloadRequested, this, &LocalBrowser::downloadRequested);
    connect(m_model, &LocalFileModel::renameFailed, this, &LocalBrowser::failed);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LocalBrowser::updateActions);
    delete oldSelection;
    delete old;
    applyFilter();
    updateActions();
}

void LocalBrowser::createActions()
{
    const auto make = [this](const QString &name, const QString &icon, const QString &text, const QKeySequence &key, auto slot) {
        QAction *action = createNamedAction(this, name, icon, text, key);
        // Only while the local pane has the focus: the remote pane has the
        // same keys for its own entries.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    QAction *up = make(u"up"_s, u"go-up"_s, tr("&Up"), QKeySequence(Qt::ALT | Qt::Key_Up), [this] {
        QDir dir(m_path);
        if (dir.cdUp())
            openPath(dir.absolutePath());
    });
    up->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Up), QKeySequence(Qt::Key_Backspace)});
    up->setToolTip(tr("Up to the parent folder"));
    make(u"home"_s, u"go-home"_s, tr("&Home"), QKeySequence(Qt::ALT | Qt::Key_Home), [this] { openPath(QDir::homePath()); });
    make(u"refresh"_s, u"view-refresh"_s, tr("&Refresh"), QKeySequence::Refresh, [this] { refresh(); });
    make(u"editLocation"_s, u"document-open-folder"_s, tr("Edit &Location"), QKeySequence(Qt::CTRL | Qt::Key_L), [this] {
        m_location->setFocus(Qt::ShortcutFocusReason);
        m_location->selectAll();
    });
    make(u"focusFilter"_s, u"view-filter"_s, tr("F&ilter"), QKeySequence::Find, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    QAction *hidden = make(u"showHidden"_s, u"view-hidden"_s, tr("Show &Hidden Files"), QKeySequence(Qt::CTRL | Qt::Key_H), [this](bool on) {
        setShowHidden(on);
        Q_EMIT showHiddenChanged(on);
    });
    hidden->setCheckable(true);
    make(u"open"_s, u"document-open"_s, tr("&Open"), QKeySequence(), [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            Q_EMIT m_view->activated(current);
    });
    make(u"upload"_s, u"document-send"_s, tr("&Upload"), QKeySequence(Qt::CTRL | Qt::Key_U), [this] {
        const QStringList paths = selectedPaths();
        if (!paths.isEmpty())
            Q_EMIT uploadRequested(paths);
    });
    make(u"newFolder"_s, u"folder-new"_s, tr("New &Folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New Folder"), tr("Name of the new folder:"), QLineEdit::Normal, tr("New Folder"), &ok);
        if (ok && !name.trimmed().isEmpty())
            createFolder(name.trimmed());
    });
    make(u"rename"_s, u"edit-rename"_s, tr("Re&name"), QKeySequence(Qt::Key_F2), [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            m_view->edit(current.siblingAtColumn(LocalFileModel::NameColumn));
    });
    make(u"trash"_s, u"user-trash"_s, tr("Move to &Trash"), QKeySequence::Delete, [this] { trashEntries(selectedPaths()); });
    make(u"delete"_s, u"edit-delete"_s, tr("&Delete"), QKeySequence(Qt::SHIFT | Qt::Key_Delete), [this] { confirmDelete(); });
    make(u"copyPath"_s, u"edit-copy-path"_s, tr("Copy Local &Path"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] {
        QStringList paths = selectedPaths();
        if (paths.isEmpty())
            paths.append(m_path);
        for (QString &path : paths)
            path = QDir::toNativeSeparators(path);
        QApplication::clipboard()->setText(paths.join(u'\n'));
    });
    for (QAction *action : fileActions())
        m_view->addAction(action);
}

QAction *LocalBrowser::action(const QString &name) const
{
    return namedAction(this, name);
}

QList<QAction *> LocalBrowser::fileActions() const
{
    QList<QAction *> list;
    for (const char *name : {"open", "upload", "newFolder", "rename", "trash", "delete", "copyPath"})
        list.append(action(QLatin1StringView(name)));
    return list;
}

void LocalBrowser::openPath(const QString &path)
{
    const QString absolute = QDir(path).absolutePath();
    if (absolute != m_path)
        m_filter->clear();
    m_path = absolute;
    m_model->setCurrentDirectory(m_path);
    m_view->setRootIndex(m_model->index(m_path));
    m_location->setText(QDir::toNativeSeparators(m_path));
    updateActions();
    Q_EMIT pathChanged(m_path);
}

void LocalBrowser::refresh()
{
    // QFileSystemModel keeps what it read once (a file that grew while its
    // folder was shown keeps its first size): a fresh model reads again.
    const QByteArray header = m_view->header()->saveState();
    const QStringList selected = selectedPaths();
    const QString current = m_model->filePath(m_view->currentIndex());
    setModel(new LocalFileModel(this));
    m_view->header()->restoreState(header);
    openPath(m_path);
    // The rows come as the model reads them; the selection follows once
    // the folder shown is read (the model reads its parents first).
    auto *pending = new QObject(m_model);
    connect(m_model, &QFileSystemModel::directoryLoaded, pending, [this, pending, selected, current](const QString &loaded) {
        if (loaded != m_path)
            return;
        pending->deleteLater();
        for (const QString &path : selected)
            m_view->selectionModel()->select(m_model->index(path), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        if (!current.isEmpty())
            m_view->selectionModel()->setCurrentIndex(m_model->index(current), QItemSelectionModel::NoUpdate);
    });
}

QStringList LocalBrowser::selectedPaths() const
{
    QStringList paths;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        paths.append(m_model->filePath(index));
    return paths;
}

bool LocalBrowser::showHidden() const
{
    return m_model->filter().testFlag(QDir::Hidden);
}

void LocalBrowser::setShowHidden(bool show)
{
    action(u"showHidden"_s)->setChecked(show);
    if (show == showHidden())
        return;
    m_model->setShowHidden(show);
}

void LocalBrowser::applyFilter()
{
    // As in the remote pane: a pattern with * or ?, else a part of the name.
    const QString text = m_filter->text().trimmed();
    QStringList patterns;
    if (!text.isEmpty())
        patterns.append(text.contains(u'*') || text.contains(u'?') ? text : u'*' + text + u'*');
    m_model->setNameFilterDisables(false);
    m_model->setNameFilters(patterns);
}

void LocalBrowser::updateActions()
{
    const bool selected = m_view->selectionModel() && !m_view->selectionModel()->selectedRows().isEmpty();
    for (const char *name : {"open", "upload", "rename", "trash", "delete"})
        action(QLatin1StringView(name))->setEnabled(selected);
    action(u"up"_s)->setEnabled(!QDir(m_path).isRoot());
}

bool LocalBrowser::createFolder(const QString &name)
{
    const QString path = QDir(m_path).filePath(name);
    QString reason;
    if (name.contains(u'/') || name == u"." || name == u"..")
        reason = tr("a name cannot contain \"/\" or be \".\" or \"..\"");
    else if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
        reason = tr("an entry of that name exists");
    else if (!QDir(m_path).mkdir(name))
        reason = tr("the folder cannot be written to");
    if (!reason.isEmpty()) {
        failed(tr("Could not create the folder %1: %2").arg(QDir::toNativeSeparators(path), reason));
        return false;
    }
    return true;
}

void LocalBrowser::trashEntries(const QStringList &paths)
{
    // The home trash is made when first needed (the freedesktop.org trash
    // specification asks for that; Qt 6.8 fails on a home without one).
    const QString trash = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/Trash"_s;
    for (const char *sub : {"/files", "/info"}) {
        if (QDir().mkpath(trash + QLatin1StringView(sub)))
            QFile::setPermissions(trash, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.moveToTrash())
            failed(tr("Could not move %1 to the trash: %2 (Shift+Del deletes it for good)").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
}

void LocalBrowser::removeEntries(const QStringList &paths)
{
    for (const QString &path : paths) {
        const QFileInfo info(path);
        const bool removed = info.isDir() && !info.isSymLink() ? QDir(path).removeRecursively() : QFile::remove(path);
        if (!removed)
            failed(tr("Could not delete %1: it or something in it cannot be removed").arg(QDir::toNativeSeparators(path)));
    }
}

void LocalBrowser::confirmDelete()
{
    const QStringList paths = selectedPaths();
    if (paths.isEmpty())
        return;
    const QString question = paths.size() == 1 ? tr("Delete “%1” for good? This cannot be undone.").arg(QDir::toNativeSeparators(paths.first()))
                                               : tr("Delete %1 items for good? This cannot be undone.").arg(paths.size());
    QMessageBox *box = deleteQuestion(this, u"localDeleteConfirmation"_s, question);
    connect(box, &QMessageBox::accepted, this, [this, paths] { removeEntries(paths); });
    box->open();
}

void LocalBrowser::failed(const QString &text)
{
    m_messages->showMessage(MessageBar::Kind::Error, text);
}

} // namespace ferry::ui
