// SPDX-License-Identifier: GPL-3.0-or-later
// The window as a whole against a real agent: every pane shortcut acts on
// the pane with the focus (and Del in the queue cancels), without one key
// bound twice; the pane menu and the tool bar follow the focus; the local
// pane's own operations, hidden files, filter and fresh sizes; one format
// for sizes in both panes; the tool bar's rate limits with units; the
// handbook on F1.
#include "modelcheck.h"
#include "support/agentprocess.h"

#include "core/client/session.h"
#include "core/net/auth.h"
#include "ui/displayformat.h"
#include "ui/localbrowser.h"
#include "ui/localfilemodel.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/ratelimitedit.h"
#include "ui/remotebrowser.h"
#include "ui/remotedirmodel.h"
#include "ui/transferdock.h"
#include "ui/transferqueuemodel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using State = ferry::ui::TransferQueueModel::State;

namespace {

QStringList g_warnings;

void collectWarnings(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg)
        g_warnings.append(message);
}

} // namespace

class TestWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void shortcutsActOnTheFocusedPane();
    void queueDeleteCancels();
    void menuAndToolBarFollowTheFocus();
    void localOperationsTellFailures();
    void localHiddenFilterAndFreshSizes();
    void sizesLookTheSameInBothPanes();
    void rateLimitsWithUnits();
    void handbookOnF1();

private:
    QModelIndex localRow(const QString &name) const;
    QModelIndex remoteRow(const QString &name) const;
    void focusLocal(const QString &name);
    void focusRemote(const QString &name);
    QMessageBox *openBox(const QString &objectName) const;

    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<ferry::client::Session> m_session;
    std::unique_ptr<ferry::ui::MainWindow> m_window;
    ferry::ui::LocalBrowser *m_local = nullptr;
};

void TestWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestWindow::init()
{
    QSettings().clear();
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    QVERIFY(writeRandomFile(m_agent->root() + u"/remote.txt"_s, 8, 1));
    QVERIFY(QDir().mkpath(m_agent->root() + u"/folder"_s));
    QVERIFY(QDir().mkpath(m_agent->scratch() + u"/sub"_s));
    QVERIFY(writeRandomFile(m_agent->scratch() + u"/local.txt"_s, 8, 2));
    QVERIFY(writeRandomFile(m_agent->scratch() + u"/.dotfile"_s, 3, 3));
    // A home of this test's own, on the same file system as its files, so
    // that its trash is the home's (test mode: under .qttest/share).
    QVERIFY(QDir().mkpath(m_agent->scratch() + u"/../home"_s));
    qputenv("HOME", QFile::encodeName(QDir(m_agent->scratch() + u"/../home"_s).absolutePath()));
    ferry::client::SessionOptions options;
    options.url = QUrl(m_agent->url());
    options.token = *ferry::net::auth::loadToken(m_agent->tokenFile(), false);
    m_session = std::make_unique<ferry::client::Session>(options);
    m_window = std::make_unique<ferry::ui::MainWindow>(m_session.get());
    checkModels(m_window.get());
    m_local = m_window->localBrowser();
    m_local->openPath(m_agent->scratch());
    m_local->show();
    QSignalSpy shown(m_window.get(), &ferry::ui::MainWindow::listingShown);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_session->open();
    QVERIFY(shown.wait(10000));
    QTRY_VERIFY(localRow(u"local.txt"_s).isValid());
    g_warnings.clear();
    qInstallMessageHandler(collectWarnings);
}

void TestWindow::cleanup()
{
    qInstallMessageHandler(nullptr);
    for (QMessageBox *box : QApplication::topLevelWidgets().isEmpty() ? QList<QMessageBox *>() : m_window->findChildren<QMessageBox *>())
        box->close();
    m_window.reset();
    m_session.reset();
    m_agent.reset();
}

QModelIndex TestWindow::localRow(const QString &name) const
{
    QTreeView *view = m_local->view();
    const QModelIndex root = view->rootIndex();
    for (int row = 0; row < view->model()->rowCount(root); ++row)
        if (view->model()->index(row, 0, root).data().toString() == name)
            return view->model()->index(row, 0, root);
    return {};
}

QModelIndex TestWindow::remoteRow(const QString &name) const
{
    QAbstractItemModel *model = m_window->remoteView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data().toString() == name)
            return model->index(row, 0);
    return {};
}

void TestWindow::focusLocal(const QString &name)
{
    QTreeView *view = m_local->view();
    QTRY_VERIFY(localRow(name).isValid());
    // A dialog closed under offscreen leaves no window active.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    view->setFocus();
    view->selectionModel()->setCurrentIndex(localRow(name), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTRY_VERIFY2(view->hasFocus(), qPrintable(name + u" "_s + (QApplication::focusWidget() ? QApplication::focusWidget()->objectName() + QString::fromLatin1(QApplication::focusWidget()->metaObject()->className()) : u"none"_s)
                                              + u" active "_s + (QApplication::activeWindow() ? QApplication::activeWindow()->objectName() + QString::fromLatin1(QApplication::activeWindow()->metaObject()->className()) : u"none"_s)));
    QCOMPARE(m_window->activePane(), ferry::ui::MainWindow::Pane::Local);
}

void TestWindow::focusRemote(const QString &name)
{
    QTreeView *view = m_window->remoteView();
    QTRY_VERIFY(remoteRow(name).isValid());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    view->setFocus();
    view->selectionModel()->setCurrentIndex(remoteRow(name), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTRY_VERIFY(view->hasFocus());
    QCOMPARE(m_window->activePane(), ferry::ui::MainWindow::Pane::Remote);
}

QMessageBox *TestWindow::openBox(const QString &objectName) const
{
    QMessageBox *box = m_window->findChild<QMessageBox *>(objectName);
    return box && box->isVisible() ? box : nullptr;
}

void TestWindow::shortcutsActOnTheFocusedPane()
{
    // Del with a local file selected and the local pane focused: the local
    // file goes to the trash; the remote pane asks nothing.
    focusLocal(u"local.txt"_s);
    QTest::keyClick(m_local->view(), Qt::Key_Delete);
    QTRY_VERIFY2(!QFileInfo::exists(m_agent->scratch() + u"/local.txt"_s), qPrintable(m_local->messageBar()->text()));
    QVERIFY(QFileInfo::exists(m_agent->scratch() + u"/../home/.qttest/share/Trash/files/local.txt"_s));
    QVERIFY(!openBox(u"deleteConfirmation"_s));
    QVERIFY(QFileInfo::exists(m_agent->root() + u"/remote.txt"_s));

    // F2 edits the local row, not the remote one.
    focusLocal(u"sub"_s);
    QTest::keyClick(m_local->view(), Qt::Key_F2);
    QTRY_VERIFY(m_local->view()->findChild<QLineEdit *>() && m_local->view()->findChild<QLineEdit *>()->isVisible());
    QVERIFY(!m_window->remoteView()->findChild<QLineEdit *>() || !m_window->remoteView()->findChild<QLineEdit *>()->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);

    // Ctrl+H in the local pane shows the dotfile there.
    focusLocal(u"sub"_s);
    QVERIFY(!localRow(u".dotfile"_s).isValid());
    QTest::keyClick(m_local->view(), Qt::Key_H, Qt::ControlModifier);
    QTRY_VERIFY(localRow(u".dotfile"_s).isValid());
    QVERIFY(m_window->preferences().showHiddenFiles);
    QTest::keyClick(m_local->view(), Qt::Key_H, Qt::ControlModifier);
    QTRY_VERIFY(!localRow(u".dotfile"_s).isValid());

    // Ctrl+L and Ctrl+F go to the local pane's own fields.
    QTest::keyClick(m_local->view(), Qt::Key_L, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), m_local->locationEdit());
    focusLocal(u"sub"_s);
    QTest::keyClick(m_local->view(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), m_local->filterEdit());

    // Backspace in the local pane goes up there; the remote pane stays.
    focusLocal(u"sub"_s);
    QTest::keyClick(m_local->view(), Qt::Key_Return);
    QTRY_COMPARE(m_local->currentPath(), m_agent->scratch() + u"/sub"_s);
    m_local->view()->setFocus();
    QTest::keyClick(m_local->view(), Qt::Key_Backspace);
    QTRY_COMPARE(m_local->currentPath(), m_agent->scratch());
    QCOMPARE(m_window->currentPath(), QString());

    // Del in the remote pane asks about the remote file.
    focusRemote(u"remote.txt"_s);
    QTest::keyClick(m_window->remoteView(), Qt::Key_Delete);
    QTRY_VERIFY(openBox(u"deleteConfirmation"_s));
    QVERIFY(openBox(u"deleteConfirmation"_s)->text().contains(u"remote.txt"_s));
    openBox(u"deleteConfirmation"_s)->button(QMessageBox::Cancel)->click();
    QVERIFY(QFileInfo::exists(m_agent->root() + u"/remote.txt"_s));

    // Shift+Del in the local pane asks before deleting for good.
    QVERIFY(writeRandomFile(m_agent->scratch() + u"/gone.txt"_s, 8, 4));
    focusLocal(u"gone.txt"_s);
    QTest::keyClick(m_local->view(), Qt::Key_Delete, Qt::ShiftModifier);
    QTRY_VERIFY(openBox(u"localDeleteConfirmation"_s));
    openBox(u"localDeleteConfirmation"_s)->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(!QFileInfo::exists(m_agent->scratch() + u"/gone.txt"_s));
    QVERIFY(!QFileInfo::exists(m_agent->scratch() + u"/../home/.qttest/share/Trash/files/gone.txt"_s));

    // No key is bound twice anywhere in the window.
    for (const QString &warning : std::as_const(g_warnings))
        QVERIFY2(!warning.contains(u"Ambiguous"_s), qPrintable(warning));
}

void TestWindow::queueDeleteCancels()
{
    // A transfer held back by a tiny rate limit, cancelled with Del in the queue.
    const QString big = m_agent->scratch() + u"/big.bin"_s;
    QVERIFY(writeRandomFile(big, 8 * 1024 * 1024, 5));
    m_session->setRateLimit(64 * 1024, 0);
    m_window->upload({big}, QString());
    ferry::ui::TransferQueueModel *queue = m_window->transferDock()->model();
    QTRY_COMPARE(queue->rowCount(), 1);
    QTRY_VERIFY(queue->state(0) == State::Running);
    QTreeView *view = m_window->transferDock()->view();
    view->setFocus();
    view->selectionModel()->setCurrentIndex(queue->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Delete);
    QTRY_COMPARE(queue->state(0), State::Cancelled);
    QVERIFY(!openBox(u"deleteConfirmation"_s));
    for (const QString &warning : std::as_const(g_warnings))
        QVERIFY2(!warning.contains(u"Ambiguous"_s), qPrintable(warning));
}

void TestWindow::menuAndToolBarFollowTheFocus()
{
    QMenu *paneMenu = m_window->menuBar()->findChild<QMenu *>(u"paneMenu"_s);
    QVERIFY(paneMenu);
    focusRemote(u"remote.txt"_s);
    QCOMPARE(paneMenu->title(), u"&Remote"_s);
    QVERIFY(paneMenu->actions().contains(m_window->remoteBrowser()->action(u"delete"_s)));
    focusLocal(u"local.txt"_s);
    QCOMPARE(paneMenu->title(), u"&Local"_s);
    QVERIFY(paneMenu->actions().contains(m_local->action(u"trash"_s)));
    QVERIFY(!paneMenu->actions().contains(m_window->remoteBrowser()->action(u"delete"_s)));

    // The tool bar's Delete acts on the local pane now, through its button.
    QToolBar *bar = m_window->toolBar();
    QVERIFY(bar->isVisible());
    QAction *toolDelete = m_window->action(u"delete"_s);
    QVERIFY(bar->actions().contains(toolDelete));
    QVERIFY(toolDelete->isEnabled());
    auto *button = qobject_cast<QAbstractButton *>(bar->widgetForAction(toolDelete));
    QVERIFY(button);
    button->click();
    QTRY_VERIFY(!QFileInfo::exists(m_agent->scratch() + u"/local.txt"_s));
    QVERIFY(QFileInfo::exists(m_agent->root() + u"/remote.txt"_s));
    // Clicking the tool bar keeps the pane: its buttons take no focus.
    QCOMPARE(m_window->activePane(), ferry::ui::MainWindow::Pane::Local);

    // The tool bar's New Folder in the remote pane makes a remote folder.
    focusRemote(u"remote.txt"_s);
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (auto *edit = dialog ? dialog->findChild<QLineEdit *>() : nullptr) {
            edit->setText(u"made by the tool bar"_s);
            dialog->accept();
        }
    });
    m_window->action(u"newFolder"_s)->trigger();
    QTRY_VERIFY(QFileInfo(m_agent->root() + u"/made by the tool bar"_s).isDir());
    QVERIFY(!QFileInfo::exists(m_agent->scratch() + u"/made by the tool bar"_s));

    // Upload on the tool bar takes the local selection when the local pane has the focus.
    QVERIFY(writeRandomFile(m_agent->scratch() + u"/up.txt"_s, 100, 6));
    focusLocal(u"up.txt"_s);
    m_window->action(u"upload"_s)->trigger();
    QTRY_VERIFY(QFileInfo::exists(m_agent->root() + u"/up.txt"_s));
}

void TestWindow::localOperationsTellFailures()
{
    ferry::ui::MessageBar *bar = m_local->messageBar();
    // A folder that exists.
    QVERIFY(!m_local->createFolder(u"sub"_s));
    QTRY_VERIFY(bar->isVisible());
    QVERIFY2(bar->text().contains(m_agent->scratch() + u"/sub"_s) && bar->text().contains(u"exists"_s), qPrintable(bar->text()));
    // A rename onto an existing name changes nothing and says why.
    focusLocal(u"local.txt"_s);
    QVERIFY(!m_local->model()->setData(localRow(u"local.txt"_s), u"sub"_s));
    QVERIFY2(bar->text().contains(u"local.txt"_s) && bar->text().contains(u"sub"_s), qPrintable(bar->text()));
    QVERIFY(QFileInfo(m_agent->scratch() + u"/local.txt"_s).isFile());
    // A rename that can happen happens.
    QVERIFY(m_local->model()->setData(localRow(u"local.txt"_s), u"renamed.txt"_s));
    QTRY_VERIFY(QFileInfo(m_agent->scratch() + u"/renamed.txt"_s).isFile());
    // A new folder through the pane's action.
    QVERIFY(m_local->createFolder(u"made here"_s));
    QVERIFY(QFileInfo(m_agent->scratch() + u"/made here"_s).isDir());
    // The context menu holds the pane's operations.
    QCOMPARE(m_local->view()->contextMenuPolicy(), Qt::ActionsContextMenu);
    for (const char *name : {"open", "upload", "newFolder", "rename", "trash", "delete", "copyPath"})
        QVERIFY2(m_local->view()->actions().contains(m_local->action(QLatin1StringView(name))), name);
}

void TestWindow::localHiddenFilterAndFreshSizes()
{
    // A file that grows while its folder is shown shows its new size after F5.
    const QString growing = m_agent->scratch() + u"/growing.bin"_s;
    QVERIFY(writeRandomFile(growing, 0, 7));
    QTRY_VERIFY(localRow(u"growing.bin"_s).isValid());
    QTRY_COMPARE(localRow(u"growing.bin"_s).siblingAtColumn(1).data().toString(), u"0 B"_s);
    QVERIFY(writeRandomFile(growing, 3 * 1024 * 1024, 7));
    focusLocal(u"growing.bin"_s);
    QTest::keyClick(m_local->view(), Qt::Key_F5);
    QTRY_COMPARE(localRow(u"growing.bin"_s).siblingAtColumn(1).data().toString(), u"3.0 MiB"_s);
    // The selection stays across the refresh.
    QTRY_COMPARE(m_local->selectedPaths(), QStringList{growing});

    // The filter: a part of the name, or a pattern; Esc clears it.
    QLineEdit *filter = m_local->filterEdit();
    filter->setFocus();
    QTest::keyClicks(filter, u"*.bin"_s);
    QTRY_VERIFY(!localRow(u"local.txt"_s).isValid());
    QVERIFY(localRow(u"growing.bin"_s).isValid());
    QTest::keyClick(filter, Qt::Key_Escape);
    QVERIFY(filter->text().isEmpty());
    QTRY_VERIFY(localRow(u"local.txt"_s).isValid());
    QVERIFY(m_local->view()->hasFocus());

    // Hidden files: one setting for both panes, from the View menu too.
    QVERIFY(!localRow(u".dotfile"_s).isValid());
    m_window->remoteBrowser()->action(u"showHidden"_s)->trigger();
    QTRY_VERIFY(localRow(u".dotfile"_s).isValid());
}

void TestWindow::sizesLookTheSameInBothPanes()
{
    // Both 8-byte files, side by side.
    QCOMPARE(localRow(u"local.txt"_s).siblingAtColumn(1).data().toString(), u"8 B"_s);
    QCOMPARE(remoteRow(u"remote.txt"_s).siblingAtColumn(ferry::ui::RemoteDirModel::SizeColumn).data().toString(), u"8 B"_s);
    // Times with date and time, in the same form.
    const QString localTime = localRow(u"local.txt"_s).siblingAtColumn(ferry::ui::LocalFileModel::ModifiedColumn).data().toString();
    QCOMPARE(localTime, ferry::ui::displayTime(QFileInfo(m_agent->scratch() + u"/local.txt"_s).lastModified()));
    QVERIFY2(localTime.contains(u':'), qPrintable(localTime));
    QCOMPARE(m_local->view()->model()->headerData(ferry::ui::LocalFileModel::ModifiedColumn, Qt::Horizontal).toString(),
             m_window->remoteView()->model()->headerData(ferry::ui::RemoteDirModel::ModifiedColumn, Qt::Horizontal).toString());
    // The locale's decimal separator, the same units.
    QCOMPARE(ferry::ui::displaySize(2 * 1024 * 1024 * 1024LL), u"2.0 GiB"_s);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(ferry::ui::displaySize(2 * 1024 * 1024 * 1024LL), u"2,0 GiB"_s);
    QCOMPARE(ferry::ui::displaySize(1536), u"1,5 KiB"_s);
    QCOMPARE(ferry::ui::displaySize(1023), u"1.023 B"_s);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestWindow::rateLimitsWithUnits()
{
    auto *up = m_window->findChild<ferry::ui::RateLimitEdit *>(u"toolUploadLimit"_s);
    QVERIFY(up && up->isVisible());
    QCOMPARE(up->numberBox()->text(), u"Unlimited"_s);
    up->unitBox()->setCurrentIndex(up->unitBox()->findText(u"MiB/s"_s));
    up->numberBox()->setValue(20);
    QCOMPARE(m_window->preferences().uploadLimit, qint64(20) * 1024 * 1024);
    // Kept for the next start, and shown there in the unit it was set in.
    ferry::ui::MainWindow second;
    auto *again = second.findChild<ferry::ui::RateLimitEdit *>(u"toolUploadLimit"_s);
    QCOMPARE(again->value(), qint64(20) * 1024 * 1024);
    QCOMPARE(again->unitBox()->currentText(), u"MiB/s"_s);
    QCOMPARE(again->numberBox()->value(), 20);
    // An odd value set elsewhere comes back exactly.
    again->setValue(1000);
    QCOMPARE(again->value(), qint64(1000));
    QCOMPARE(again->unitBox()->currentText(), u"KiB/s"_s);
    QCOMPARE(again->numberBox()->value(), 1);
    // As the app starts: no session, then one; the tool bar is made again
    // and the limits stay on it.
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    second.connectTo(m_session->options());
    QVERIFY(again->isVisible());
    QVERIFY(second.findChild<QLabel *>(u"uploadLimitLabel"_s)->isVisible());
    QVERIFY(second.toolBar()->actions().contains(second.findChild<QAction *>(u"rateLimits"_s)));
}

void TestWindow::handbookOnF1()
{
    focusRemote(u"remote.txt"_s);
    QTest::keyClick(m_window->remoteView(), Qt::Key_F1);
    QDialog *handbook = nullptr;
    QTRY_VERIFY((handbook = m_window->findChild<QDialog *>(u"handbook"_s)) && handbook->isVisible());
    const QString text = handbook->findChild<QTextBrowser *>(u"handbookText"_s)->toPlainText();
    QVERIFY2(text.startsWith(u"Ferry Handbook"_s), qPrintable(text.left(80)));
    QVERIFY(text.contains(u"Opening and editing remote files"_s));
    QVERIFY(text.contains(u"Ctrl+Shift+N"_s));
}

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
