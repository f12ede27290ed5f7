// SPDX-License-Identifier: GPL-3.0-or-later
// Owners, groups and permissions in the window against a real agent: the
// Owner and Group columns (hidden until the header's menu shows them, the
// choice kept), owner and group in Properties, a recursive change of
// permissions over a real tree (files and folders apart) as a row of the
// queue, a failure told without stopping the rest, the selection kept
// across a rename and a chmod, and Upload Folder… through its picker.
#include "modelcheck.h"
#include "support/agentprocess.h"

#include "core/client/chmodjob.h"
#include "core/client/session.h"
#include "core/net/auth.h"
#include "ui/localbrowser.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/propertiesdialog.h"
#include "ui/remotebrowser.h"
#include "ui/remotedirmodel.h"
#include "ui/transferdock.h"
#include "ui/transferqueuemodel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using ferry::ui::RemoteDirModel;
using State = ferry::ui::TransferQueueModel::State;

namespace {

quint32 modeOf(const QString &path)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return 0xFFFF;
    return st.st_mode & 07777;
}

bool setMode(const QString &path, quint32 mode)
{
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

// What the window should show for this process's user and group: the
// agent runs as them, on this system.
QString expectedUser()
{
    const passwd *pw = ::getpwuid(::getuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(::getuid());
}

QString expectedGroup()
{
    const group *gr = ::getgrgid(::getgid());
    return gr ? QString::fromLocal8Bit(gr->gr_name) : QString::number(::getgid());
}

} // namespace

class TestRemoteProps final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void ownerAndGroupColumns();
    void headerMenuShowsAndHidesColumns();
    void propertiesShowOwnerAndGroup();
    void recursiveChmodKeepsFilesAndFoldersApart();
    void recursiveChmodReportsFailures();
    void selectionSurvivesRenameAndChmod();
    void uploadFolderFromThePicker();

private:
    QString root(const QString &relative) const { return m_agent->root() + u'/' + relative; }
    QModelIndex remoteRow(const QString &name) const;
    void select(const QStringList &names, const QString &current);
    QStringList selectedNames() const;
    QString currentName() const;
    ferry::ui::PropertiesDialog *openProperties(const QString &name);
    ferry::ui::TransferQueueModel *queue() const { return m_window->transferDock()->model(); }
    void makeWindow();

    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<ferry::client::Session> m_session;
    std::unique_ptr<ferry::ui::MainWindow> m_window;
};

void TestRemoteProps::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestRemoteProps::init()
{
    QSettings().clear();
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    QVERIFY(writeRandomFile(root(u"report.txt"_s), 100, 1));
    // A tree whose modes say who may do what: files without and with x.
    QVERIFY(QDir().mkpath(root(u"tree/sub/deeper"_s)));
    QVERIFY(writeRandomFile(root(u"tree/notes.txt"_s), 10, 2));
    QVERIFY(writeRandomFile(root(u"tree/run.sh"_s), 10, 3));
    QVERIFY(writeRandomFile(root(u"tree/sub/data.csv"_s), 10, 4));
    QVERIFY(writeRandomFile(root(u"tree/sub/deeper/deep.txt"_s), 10, 5));
    QVERIFY(QFile::link(u"notes.txt"_s, root(u"tree/link"_s)));
    for (const char *file : {"tree/notes.txt", "tree/sub/data.csv", "tree/sub/deeper/deep.txt"})
        QVERIFY(setMode(root(QLatin1StringView(file)), 0600));
    QVERIFY(setMode(root(u"tree/run.sh"_s), 0700));
    for (const char *dir : {"tree/sub/deeper", "tree/sub", "tree"})
        QVERIFY(setMode(root(QLatin1StringView(dir)), 0700));
    QVERIFY(QDir().mkpath(m_agent->scratch()));
    ferry::client::SessionOptions options;
    options.url = QUrl(m_agent->url());
    options.token = *ferry::net::auth::loadToken(m_agent->tokenFile(), false);
    m_session = std::make_unique<ferry::client::Session>(options);
    makeWindow();
    QSignalSpy shown(m_window.get(), &ferry::ui::MainWindow::listingShown);
    m_session->open();
    QVERIFY(shown.wait(10000));
    QTRY_VERIFY(remoteRow(u"tree"_s).isValid());
}

void TestRemoteProps::makeWindow()
{
    m_window = std::make_unique<ferry::ui::MainWindow>(m_session.get());
    checkModels(m_window.get());
    m_window->localBrowser()->openPath(m_agent->scratch());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestRemoteProps::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_agent.reset();
}

QModelIndex TestRemoteProps::remoteRow(const QString &name) const
{
    QAbstractItemModel *model = m_window->remoteView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data().toString() == name)
            return model->index(row, 0);
    return {};
}

void TestRemoteProps::select(const QStringList &names, const QString &current)
{
    QItemSelectionModel *selection = m_window->remoteView()->selectionModel();
    selection->clearSelection();
    for (const QString &name : names) {
        QTRY_VERIFY(remoteRow(name).isValid());
        selection->select(remoteRow(name), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    selection->setCurrentIndex(remoteRow(current), QItemSelectionModel::NoUpdate);
}

QStringList TestRemoteProps::selectedNames() const
{
    QStringList names;
    for (const QModelIndex &row : m_window->remoteView()->selectionModel()->selectedRows())
        names.append(row.data().toString());
    names.sort();
    return names;
}

QString TestRemoteProps::currentName() const
{
    return m_window->remoteView()->currentIndex().siblingAtColumn(0).data().toString();
}

ferry::ui::PropertiesDialog *TestRemoteProps::openProperties(const QString &name)
{
    select({name}, name);
    m_window->remoteBrowser()->action(u"properties"_s)->trigger();
    // A dialog closed before may still wait for its deletion.
    for (auto *dialog : m_window->findChildren<ferry::ui::PropertiesDialog *>())
        if (dialog->isVisible())
            return dialog;
    return nullptr;
}

void TestRemoteProps::ownerAndGroupColumns()
{
    QTreeView *view = m_window->remoteView();
    // Hidden until asked for.
    QVERIFY(view->isColumnHidden(RemoteDirModel::OwnerColumn));
    QVERIFY(view->isColumnHidden(RemoteDirModel::GroupColumn));
    QVERIFY(!view->isColumnHidden(RemoteDirModel::PermissionsColumn));
    const QModelIndex report = remoteRow(u"report.txt"_s);
    QCOMPARE(report.siblingAtColumn(RemoteDirModel::OwnerColumn).data().toString(), expectedUser());
    QCOMPARE(report.siblingAtColumn(RemoteDirModel::GroupColumn).data().toString(), expectedGroup());
    QCOMPARE(view->model()->headerData(RemoteDirModel::OwnerColumn, Qt::Horizontal).toString(), u"Owner"_s);
    QCOMPARE(view->model()->headerData(RemoteDirModel::GroupColumn, Qt::Horizontal).toString(), u"Group"_s);
    // A number where no name is known; nothing from an agent that tells neither.
    QCOMPARE(RemoteDirModel::ownerText({}, 4242), u"4242"_s);
    QCOMPARE(RemoteDirModel::ownerText({}, -1), QString());
}

void TestRemoteProps::headerMenuShowsAndHidesColumns()
{
    QTreeView *view = m_window->remoteView();
    QHeaderView *header = view->header();
    const QByteArray before = header->saveState();
    Q_EMIT header->customContextMenuRequested(QPoint(10, header->height() / 2));
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = m_window->findChild<QMenu *>(u"columnMenu"_s)) && menu->isVisible());
    // One checkable action per column but the name, checked when shown.
    QStringList texts;
    for (QAction *action : menu->actions()) {
        QVERIFY(action->isCheckable());
        texts.append(action->text());
    }
    QCOMPARE(texts, (QStringList{u"Size"_s, u"Type"_s, u"Modified"_s, u"Permissions"_s, u"Owner"_s, u"Group"_s}));
    QAction *owner = header->findChild<QAction *>(u"columnOwner"_s);
    QVERIFY(owner);
    QVERIFY(menu->actions().contains(owner));
    QVERIFY(!owner->isChecked());
    menu->setActiveAction(owner);
    QTest::keyClick(menu, Qt::Key_Return);
    QTRY_VERIFY(!view->isColumnHidden(RemoteDirModel::OwnerColumn));
    QVERIFY(owner->isChecked());
    QAction *size = header->findChild<QAction *>(u"columnSize"_s);
    QVERIFY(size && size->isChecked());
    size->trigger();
    QVERIFY(view->isColumnHidden(RemoteDirModel::SizeColumn));
    QVERIFY(view->isColumnHidden(RemoteDirModel::GroupColumn));

    // Kept for the next window, whatever the header's own saved state
    // says (here one from before the change).
    QSettings().setValue(u"layout/remoteHeader"_s, before);
    m_window.reset();
    makeWindow();
    view = m_window->remoteView();
    QVERIFY(!view->isColumnHidden(RemoteDirModel::OwnerColumn));
    QVERIFY(view->isColumnHidden(RemoteDirModel::GroupColumn));
    QVERIFY(view->isColumnHidden(RemoteDirModel::SizeColumn));
    QVERIFY(!view->isColumnHidden(RemoteDirModel::TypeColumn));
    QVERIFY(m_window->remoteBrowser()->columnAction(RemoteDirModel::OwnerColumn)->isChecked());
    QVERIFY(!m_window->remoteBrowser()->columnAction(RemoteDirModel::SizeColumn)->isChecked());
}

void TestRemoteProps::propertiesShowOwnerAndGroup()
{
    ferry::ui::PropertiesDialog *dialog = nullptr;
    QVERIFY((dialog = openProperties(u"report.txt"_s)));
    auto *owner = dialog->findChild<QLabel *>(u"ownerValue"_s);
    auto *group = dialog->findChild<QLabel *>(u"groupValue"_s);
    QVERIFY(owner && group);
    QVERIFY2(owner->text().startsWith(expectedUser()), qPrintable(owner->text()));
    QVERIFY2(owner->text().contains(QString::number(::getuid())), qPrintable(owner->text()));
    QVERIFY2(group->text().startsWith(expectedGroup()), qPrintable(group->text()));
    // A file has nothing inside to apply changes to.
    QVERIFY(!dialog->findChild<QCheckBox *>(u"applyRecursively"_s));
    dialog->reject();
}

void TestRemoteProps::recursiveChmodKeepsFilesAndFoldersApart()
{
    QSignalSpy started(m_window.get(), &ferry::ui::MainWindow::remoteJobStarted);
    ferry::ui::PropertiesDialog *dialog = nullptr;
    QVERIFY((dialog = openProperties(u"tree"_s)));
    auto *recursive = dialog->findChild<QCheckBox *>(u"applyRecursively"_s);
    QVERIFY(recursive);
    QVERIFY(!recursive->isChecked());
    recursive->setChecked(true);
    // rwx------ to rwxr-xr-x: read and x for group and others.
    dialog->setMode(0755);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();

    QTRY_COMPARE(started.size(), 1);
    QTRY_COMPARE(queue()->rowCount(), 1);
    QCOMPARE(queue()->index(0, ferry::ui::TransferQueueModel::DirectionColumn).data().toString(), u"Permissions"_s);
    QCOMPARE(queue()->index(0, ferry::ui::TransferQueueModel::NameColumn).data().toString(), u"tree"_s);
    QTRY_COMPARE_WITH_TIMEOUT(queue()->state(0), State::Done, 20000);
    QCOMPARE(queue()->index(0, ferry::ui::TransferQueueModel::ProgressColumn).data().toString(), u"100%"_s);
    // Seven entries looked at (the link is left alone).
    QVERIFY(queue()->index(0, ferry::ui::TransferQueueModel::SizeColumn).data().toString().startsWith(u"7 item"_s));

    // Folders and the script get x; the other files only read.
    QCOMPARE(modeOf(root(u"tree"_s)), 0755u);
    QCOMPARE(modeOf(root(u"tree/sub"_s)), 0755u);
    QCOMPARE(modeOf(root(u"tree/sub/deeper"_s)), 0755u);
    QCOMPARE(modeOf(root(u"tree/run.sh"_s)), 0755u);
    QCOMPARE(modeOf(root(u"tree/notes.txt"_s)), 0644u);
    QCOMPARE(modeOf(root(u"tree/sub/data.csv"_s)), 0644u);
    QCOMPARE(modeOf(root(u"tree/sub/deeper/deep.txt"_s)), 0644u);
    QVERIFY(!m_window->remoteBrowser()->messageBar()->isVisible());
    // The listing shows the new mode, and the folder is still selected.
    QTRY_COMPARE(remoteRow(u"tree"_s).siblingAtColumn(RemoteDirModel::PermissionsColumn).data().toString(), u"drwxr-xr-x"_s);
    QCOMPARE(selectedNames(), QStringList{u"tree"_s});
    QCOMPARE(currentName(), u"tree"_s);

    // Taking the bits away again goes as deep.
    QVERIFY((dialog = openProperties(u"tree"_s)));
    dialog->findChild<QCheckBox *>(u"applyRecursively"_s)->setChecked(true);
    dialog->setMode(0700);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(started.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(queue()->state(1), State::Done, 20000);
    QCOMPARE(modeOf(root(u"tree/sub/deeper"_s)), 0700u);
    QCOMPARE(modeOf(root(u"tree/run.sh"_s)), 0700u);
    QCOMPARE(modeOf(root(u"tree/sub/deeper/deep.txt"_s)), 0600u);
    QCOMPARE(modeOf(root(u"tree"_s)), 0700u);
}

void TestRemoteProps::recursiveChmodReportsFailures()
{
    ferry::transfer::Job *started = m_window->changeModeRecursively(u"tree"_s, 0750, 0050);
    auto *job = qobject_cast<ferry::client::ChmodJob *>(started);
    QVERIFY(job);
    QSignalSpy failed(job, &ferry::client::ChmodJob::itemFailed);
    QSignalSpy finished(job, &ferry::transfer::Job::finished);
    // Gone between the walk and its change: that one fails, not the rest.
    connect(job, &ferry::client::ChmodJob::walked, this, [this] { QVERIFY(QFile::remove(root(u"tree/sub/data.csv"_s))); });
    QVERIFY(finished.wait(20000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(), u"tree/sub/data.csv"_s);
    QVERIFY(!job->succeeded());
    QCOMPARE(job->failures().size(), 1);
    QCOMPARE(modeOf(root(u"tree"_s)), 0750u);
    QCOMPARE(modeOf(root(u"tree/sub/deeper"_s)), 0750u);
    QCOMPARE(modeOf(root(u"tree/sub/deeper/deep.txt"_s)), 0640u);
    QCOMPARE(modeOf(root(u"tree/notes.txt"_s)), 0640u);
    // Told with the path and the reason, in the pane and in the queue.
    ferry::ui::MessageBar *bar = m_window->remoteBrowser()->messageBar();
    QTRY_VERIFY(bar->isVisible());
    QVERIFY2(bar->text().contains(u":tree/sub/data.csv"_s), qPrintable(bar->text()));
    QVERIFY2(bar->text().contains(u"No such file"_s, Qt::CaseInsensitive), qPrintable(bar->text()));
    QTRY_COMPARE(queue()->state(0), State::Failed);
    const QString state = queue()->index(0, ferry::ui::TransferQueueModel::StateColumn).data().toString();
    QVERIFY2(state.contains(u"tree/sub/data.csv"_s), qPrintable(state));
}

void TestRemoteProps::selectionSurvivesRenameAndChmod()
{
    QVERIFY(writeRandomFile(root(u"other.txt"_s), 10, 9));
    m_window->remoteBrowser()->model()->refresh();
    QTRY_VERIFY(remoteRow(u"other.txt"_s).isValid());
    select({u"report.txt"_s, u"tree"_s}, u"report.txt"_s);
    QCOMPARE(selectedNames(), (QStringList{u"report.txt"_s, u"tree"_s}));

    QSignalSpy loaded(m_window->remoteModel(), &RemoteDirModel::loaded);
    m_window->remoteBrowser()->renameEntry(u"report.txt"_s, u"renamed.txt"_s);
    QVERIFY(loaded.wait(10000));
    QTRY_VERIFY(remoteRow(u"renamed.txt"_s).isValid());
    QCOMPARE(selectedNames(), (QStringList{u"renamed.txt"_s, u"tree"_s}));
    QCOMPARE(currentName(), u"renamed.txt"_s);

    loaded.clear();
    m_window->remoteBrowser()->changeMode(u"renamed.txt"_s, 0640);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(modeOf(root(u"renamed.txt"_s)), 0640u);
    QCOMPARE(remoteRow(u"renamed.txt"_s).siblingAtColumn(RemoteDirModel::PermissionsColumn).data().toString(), u"-rw-r-----"_s);
    QCOMPARE(selectedNames(), (QStringList{u"renamed.txt"_s, u"tree"_s}));
    QCOMPARE(currentName(), u"renamed.txt"_s);

    // Entering another folder starts without a selection.
    loaded.clear();
    m_window->openPath(u"tree"_s);
    QVERIFY(loaded.wait(10000));
    QVERIFY(selectedNames().isEmpty());
}

void TestRemoteProps::uploadFolderFromThePicker()
{
    const QString local = m_agent->scratch() + u"/photos"_s;
    QVERIFY(QDir().mkpath(local + u"/2024/summer"_s));
    QVERIFY(writeRandomFile(local + u"/a.jpg"_s, 3000, 11));
    QVERIFY(writeRandomFile(local + u"/2024/summer/b.jpg"_s, 5000, 12));

    // Next to Upload Files… in the File menu, its mnemonic its own.
    QAction *action = m_window->action(u"uploadFolder"_s);
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    QMenu *fileMenu = nullptr;
    for (QAction *menuAction : m_window->menuBar()->actions())
        if (menuAction->menu() && menuAction->menu()->actions().contains(action))
            fileMenu = menuAction->menu();
    QVERIFY(fileMenu);
    const QList<QAction *> items = fileMenu->actions();
    QCOMPARE(items.indexOf(action), items.indexOf(m_window->action(u"uploadFiles"_s)) + 1);
    const auto mnemonic = [](const QAction *a) {
        const qsizetype at = a->text().indexOf(u'&');
        return at >= 0 && at + 1 < a->text().size() ? a->text().at(at + 1).toLower() : QChar();
    };
    QVERIFY(!mnemonic(action).isNull());
    for (const QAction *other : items)
        if (other != action && !other->isSeparator())
            QVERIFY2(mnemonic(other) != mnemonic(action), qPrintable(other->text()));

    // The picker: the widget-based one, driven as a user would.
    bool picked = false;
    auto *poll = new QTimer(this);
    poll->setInterval(50);
    connect(poll, &QTimer::timeout, this, [poll, local, &picked] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll->stop();
        poll->deleteLater();
        picked = dialog->fileMode() == QFileDialog::Directory;
        dialog->setDirectory(QFileInfo(local).path());
        // Typed into its name field, as selectFile() leaves a field that
        // has the focus alone.
        if (auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s))
            name->setText(QFileInfo(local).fileName());
        picked = picked && dialog->selectedFiles() == QStringList{local};
        static_cast<QDialog *>(dialog)->accept(); // as the Choose button does
        if (dialog->isVisible())
            dialog->reject(); // never leave the test waiting on it
    });
    poll->start();
    QSignalSpy started(m_window.get(), &ferry::ui::MainWindow::jobStarted);
    action->trigger();
    QVERIFY(picked);
    QTRY_COMPARE(started.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(root(u"photos/2024/summer/b.jpg"_s)), 20000);
    QTRY_COMPARE(fileChecksum(root(u"photos/a.jpg"_s)), fileChecksum(local + u"/a.jpg"_s));
    QCOMPARE(fileChecksum(root(u"photos/2024/summer/b.jpg"_s)), fileChecksum(local + u"/2024/summer/b.jpg"_s));
    QTRY_VERIFY(remoteRow(u"photos"_s).isValid());
}

QTEST_MAIN(TestRemoteProps)
#include "tst_remoteprops.moc"
