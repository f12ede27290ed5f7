// SPDX-License-Identifier: GPL-3.0-or-later
// The window's panes and queue against a real agent: remote rows dragged
// onto a remote folder move (Ctrl: copy), onto the local pane download;
// the queue pauses, resumes, cancels and retries rows through its actions;
// back, forward, the filter and hidden files in the remote pane; the
// connection indicator counting down to a reconnect.
#include "modelcheck.h"
#include "support/agentprocess.h"

#include "core/client/session.h"
#include "core/copy/copyjob.h"
#include "core/copy/transferslots.h"
#include "core/net/auth.h"
#include "ui/connectdialog.h"
#include "ui/connectionindicator.h"
#include "ui/localbrowser.h"
#include "ui/locationbar.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/remotebrowser.h"
#include "ui/remotedirmodel.h"
#include "ui/remotefiltermodel.h"
#include "ui/sitestore.h"
#include "ui/transferdock.h"
#include "ui/transferqueuemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QPointer>
#include <QStandardPaths>
#include <QTest>
#include <QPushButton>
#include <QToolButton>
#include <QTreeView>

using State = ferry::ui::TransferQueueModel::State;

class TestPanes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void dragOntoRemoteFolderMoves();
    void ctrlDragOntoRemoteFolderCopies();
    void dragOntoLocalPaneDownloads();
    void queuePauseResume();
    void queueRetryAfterFailure();
    void queueCancel();
    void queueCancelBeforeItStarts();
    void parallelSetting();
    void navigationFilterAndHidden();
    void indicatorCountsDownToReconnect();
    void failedOperationsAreToldNamingThePath();
    void localDoubleClickEntersFolders();
    void foldersStayFirst();
    void connectOffersTheTokenFileAgain();
    void recentKeepsWhatConnected();
    void copiedPathsPasteEverywhere();

private:
    void dropRemote(QAbstractItemView *view, const QStringList &paths, const QPoint &where, Qt::DropAction action);
    QModelIndex remoteRow(const QString &name) const;
    ferry::ui::TransferQueueModel *queue() const { return m_window->transferDock()->model(); }
    void selectQueueRow(int row);

    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<ferry::client::Session> m_session;
    std::unique_ptr<ferry::ui::MainWindow> m_window;
};

void TestPanes::initTestCase()
{
    // Layout and view settings go to a scratch location, not the user's.
    QStandardPaths::setTestModeEnabled(true);
}

void TestPanes::init()
{
    // Every test starts from the default preferences and layout.
    QSettings().clear();
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    QVERIFY(QDir().mkpath(m_agent->root() + QStringLiteral("/archive")));
    QVERIFY(writeRandomFile(m_agent->root() + QStringLiteral("/report.txt"), 2000, 1));
    QVERIFY(writeRandomFile(m_agent->root() + QStringLiteral("/.hidden"), 10, 2));
    QVERIFY(QDir().mkpath(m_agent->scratch()));
    ferry::client::SessionOptions options;
    options.url = QUrl(m_agent->url());
    options.token = *ferry::net::auth::loadToken(m_agent->tokenFile(), false);
    options.reconnectForMs = 60000;
    m_session = std::make_unique<ferry::client::Session>(options);
    m_window = std::make_unique<ferry::ui::MainWindow>(m_session.get());
    checkModels(m_window.get());
    m_window->localBrowser()->openPath(m_agent->scratch());
    m_window->localBrowser()->show();
    QSignalSpy shown(m_window.get(), &ferry::ui::MainWindow::listingShown);
    m_window->show();
    m_session->open();
    QVERIFY(shown.wait(10000));
}

void TestPanes::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_agent.reset();
}

QModelIndex TestPanes::remoteRow(const QString &name) const
{
    QAbstractItemModel *model = m_window->remoteView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data().toString() == name)
            return model->index(row, 0);
    return {};
}

void TestPanes::dropRemote(QAbstractItemView *view, const QStringList &paths, const QPoint &where, Qt::DropAction action)
{
    QMimeData mime;
    mime.setData(QString(ferry::ui::RemoteDirModel::kRemotePathsMime), paths.join(u'\n').toUtf8());
    const Qt::KeyboardModifiers modifiers = action == Qt::CopyAction ? Qt::ControlModifier : Qt::NoModifier;
    QWidget *viewport = view->viewport();
    QDragEnterEvent enter(where, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, modifiers);
    QApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(where, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, modifiers);
    QApplication::sendEvent(viewport, &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(where, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, modifiers);
    drop.setDropAction(action);
    QApplication::sendEvent(viewport, &drop);
}

void TestPanes::dragOntoRemoteFolderMoves()
{
    QSignalSpy started(m_window.get(), &ferry::ui::MainWindow::remoteJobStarted);
    const QModelIndex archive = remoteRow(QStringLiteral("archive"));
    QVERIFY(archive.isValid());
    dropRemote(m_window->remoteView(), {QStringLiteral("report.txt")}, m_window->remoteView()->visualRect(archive).center(), Qt::MoveAction);
    QTRY_COMPARE(started.size(), 1);
    QTRY_VERIFY(QFileInfo::exists(m_agent->root() + QStringLiteral("/archive/report.txt")));
    QVERIFY(!QFileInfo::exists(m_agent->root() + QStringLiteral("/report.txt")));
    QTRY_VERIFY(!remoteRow(QStringLiteral("report.txt")).isValid());
}

void TestPanes::ctrlDragOntoRemoteFolderCopies()
{
    QSignalSpy started(m_window.get(), &ferry::ui::MainWindow::jobStarted);
    const QModelIndex archive = remoteRow(QStringLiteral("archive"));
    dropRemote(m_window->remoteView(), {QStringLiteral("report.txt")}, m_window->remoteView()->visualRect(archive).center(), Qt::CopyAction);
    QTRY_COMPARE(started.size(), 1);
    auto *job = started.first().first().value<ferry::copy::CopyJob *>();
    QCOMPARE(job->direction(), ferry::copy::Direction::Remote);
    QTRY_VERIFY(QFileInfo::exists(m_agent->root() + QStringLiteral("/archive/report.txt")));
    QCOMPARE(fileChecksum(m_agent->root() + QStringLiteral("/archive/report.txt")), fileChecksum(m_agent->root() + QStringLiteral("/report.txt")));
    QTRY_COMPARE(queue()->index(0, ferry::ui::TransferQueueModel::StateColumn).data().toString(), QStringLiteral("Done"));
}

void TestPanes::dragOntoLocalPaneDownloads()
{
    QSignalSpy started(m_window.get(), &ferry::ui::MainWindow::jobStarted);
    QTreeView *local = m_window->localBrowser()->view();
    dropRemote(local, {QStringLiteral("report.txt"), QStringLiteral("archive")}, QPoint(20, local->viewport()->height() - 5), Qt::CopyAction);
    QTRY_COMPARE(started.size(), 1);
    QTRY_VERIFY(QFileInfo::exists(m_agent->scratch() + QStringLiteral("/report.txt")));
    QCOMPARE(fileChecksum(m_agent->scratch() + QStringLiteral("/report.txt")), fileChecksum(m_agent->root() + QStringLiteral("/report.txt")));
    QTRY_VERIFY(QFileInfo(m_agent->scratch() + QStringLiteral("/archive")).isDir());
    // Still there on the remote side: a download copies.
    QVERIFY(QFileInfo::exists(m_agent->root() + QStringLiteral("/report.txt")));
}

void TestPanes::selectQueueRow(int row)
{
    QTreeView *view = m_window->transferDock()->view();
    view->selectionModel()->select(queue()->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void TestPanes::queuePauseResume()
{
    const QString big = m_agent->scratch() + QStringLiteral("/big.bin");
    QVERIFY(writeRandomFile(big, 512 * 1024 * 1024, 5));
    ferry::copy::CopyJob *job = m_window->upload({big}, QString());
    QTRY_COMPARE(queue()->rowCount(), 1);
    QTRY_VERIFY(queue()->state(0) == State::Running);
    selectQueueRow(0);
    QAction *pause = m_window->transferDock()->action(QStringLiteral("pauseSelected"));
    QTRY_VERIFY(pause->isEnabled());
    pause->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(queue()->state(0), State::Paused, 10000);
    QCOMPARE(queue()->index(0, ferry::ui::TransferQueueModel::StateColumn).data().toString(), QStringLiteral("Paused"));
    QVERIFY(!job->isFinished());
    QAction *resume = m_window->transferDock()->action(QStringLiteral("resumeSelected"));
    QTRY_VERIFY(resume->isEnabled());
    resume->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(queue()->state(0), State::Done, 60000);
    QCOMPARE(fileChecksum(m_agent->root() + QStringLiteral("/big.bin")), fileChecksum(big));
}

void TestPanes::queueRetryAfterFailure()
{
    // The upload fails (the name is a folder on the agent); once the folder
    // is out of the way, Retry puts the file in place on the same row.
    QVERIFY(writeRandomFile(m_agent->scratch() + QStringLiteral("/clash"), 4000, 6));
    QVERIFY(QDir().mkpath(m_agent->root() + QStringLiteral("/target/clash")));
    ferry::copy::CopyOptions options = m_window->copyDefaults();
    options.policy = ferry::copy::ConflictPolicy::Overwrite;
    m_window->setCopyDefaults(options);
    m_window->upload({m_agent->scratch() + QStringLiteral("/clash")}, QStringLiteral("target"));
    QTRY_COMPARE_WITH_TIMEOUT(queue()->rowCount() > 0 ? queue()->state(0) : State::Queued, State::Failed, 10000);
    QVERIFY(!queue()->index(0, ferry::ui::TransferQueueModel::StateColumn).data().toString().isEmpty());
    QVERIFY(QDir(m_agent->root() + QStringLiteral("/target/clash")).removeRecursively());
    selectQueueRow(0);
    QAction *retry = m_window->transferDock()->action(QStringLiteral("retrySelected"));
    QTRY_VERIFY(retry->isEnabled());
    retry->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(queue()->state(0), State::Done, 10000);
    QCOMPARE(queue()->rowCount(), 1);
    QCOMPARE(fileChecksum(m_agent->root() + QStringLiteral("/target/clash")), fileChecksum(m_agent->scratch() + QStringLiteral("/clash")));
}

void TestPanes::queueCancel()
{
    const QString big = m_agent->scratch() + QStringLiteral("/huge.bin");
    QVERIFY(writeRandomFile(big, 512 * 1024 * 1024, 8));
    ferry::copy::CopyJob *job = m_window->upload({big}, QString());
    QSignalSpy finished(job, &ferry::transfer::Job::finished);
    QTRY_COMPARE(queue()->rowCount(), 1);
    selectQueueRow(0);
    QAction *cancel = m_window->transferDock()->action(QStringLiteral("cancelSelected"));
    QTRY_VERIFY(cancel->isEnabled());
    cancel->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(queue()->state(0), State::Cancelled, 10000);
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QVERIFY(!QFileInfo::exists(m_agent->root() + QStringLiteral("/huge.bin")));
    QAction *clear = m_window->transferDock()->action(QStringLiteral("clearFinished"));
    QTRY_VERIFY(clear->isEnabled());
    clear->trigger();
    QCOMPARE(queue()->rowCount(), 0);
}

void TestPanes::queueCancelBeforeItStarts()
{
    // One transfer at a time, held back: the second file waits its turn.
    m_window->transferDock()->parallelBox()->setValue(1);
    m_session->setRateLimit(256 * 1024, 0);
    const QString first = m_agent->scratch() + QStringLiteral("/first.bin");
    const QString second = m_agent->scratch() + QStringLiteral("/second.bin");
    QVERIFY(writeRandomFile(first, 8 * 1024 * 1024, 9));
    QVERIFY(writeRandomFile(second, 8 * 1024 * 1024, 10));
    ferry::copy::CopyJob *job = m_window->upload({first, second}, QString());
    QSignalSpy finished(job, &ferry::transfer::Job::finished);
    int waiting = -1;
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        for (int row = 0; row < queue()->rowCount(); ++row)
            if (queue()->state(row) == State::Queued)
                waiting = row;
        return waiting >= 0;
    }(), 10000);
    // Cancelled before it started, it says so (not "skipped").
    queue()->cancel({waiting});
    QTRY_COMPARE_WITH_TIMEOUT(queue()->state(waiting), State::Cancelled, 10000);
    job->cancel();
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QVERIFY(!QFileInfo::exists(m_agent->root() + QStringLiteral("/second.bin")));
}

void TestPanes::parallelSetting()
{
    QSpinBox *box = m_window->transferDock()->parallelBox();
    box->setValue(2);
    QCOMPARE(m_window->transferSlots()->limit(), 2);
    box->setValue(7);
    QCOMPARE(m_window->transferSlots()->limit(), 7);
}

void TestPanes::navigationFilterAndHidden()
{
    ferry::ui::RemoteBrowser *browser = m_window->remoteBrowser();
    QVERIFY(!remoteRow(QStringLiteral(".hidden")).isValid());
    browser->action(QStringLiteral("showHidden"))->trigger();
    QTRY_VERIFY(remoteRow(QStringLiteral(".hidden")).isValid());

    // The status bar counts what there is to see: hidden entries only while
    // shown, and the filter's share of them.
    auto *count = m_window->findChild<QLabel *>(QStringLiteral("itemCount"));
    QVERIFY(count);
    const int all = m_window->remoteView()->model()->rowCount();
    const auto items = [](int n) { return QCoreApplication::translate("ferry::ui::MainWindow", "%n item(s)", nullptr, n); };
    QTRY_COMPARE(count->text(), items(all));
    browser->filterEdit()->setText(QStringLiteral("*.txt"));
    QTRY_COMPARE(m_window->remoteView()->model()->rowCount(), 1);
    QTRY_COMPARE(count->text(), QCoreApplication::translate("ferry::ui::MainWindow", "%1 of %n item(s)", nullptr, all).arg(1));
    browser->filterEdit()->clear();
    browser->action(QStringLiteral("showHidden"))->trigger();
    QTRY_COMPARE(count->text(), items(all - 1));
    browser->action(QStringLiteral("showHidden"))->trigger();
    QTRY_COMPARE(count->text(), items(all));

    QSignalSpy changed(browser, &ferry::ui::RemoteBrowser::pathChanged);
    browser->openPath(QStringLiteral("archive"));
    QVERIFY(changed.wait(5000));
    QCOMPARE(browser->currentPath(), QStringLiteral("archive"));
    QCOMPARE(browser->locationEdit()->text(), QStringLiteral("/archive"));
    browser->action(QStringLiteral("back"))->trigger();
    QVERIFY(changed.wait(5000));
    QCOMPARE(browser->currentPath(), QString());
    QVERIFY(browser->action(QStringLiteral("forward"))->isEnabled());
    browser->action(QStringLiteral("forward"))->trigger();
    QVERIFY(changed.wait(5000));
    QCOMPARE(browser->currentPath(), QStringLiteral("archive"));
    browser->action(QStringLiteral("up"))->trigger();
    QVERIFY(changed.wait(5000));
    QCOMPARE(browser->currentPath(), QString());

    // Backspace goes up as well, from the list.
    browser->openPath(QStringLiteral("archive"));
    QVERIFY(changed.wait(5000));
    m_window->activateWindow();
    m_window->remoteView()->setFocus();
    QTRY_VERIFY(m_window->remoteView()->hasFocus());
    QTest::keyClick(m_window->remoteView(), Qt::Key_Backspace);
    QVERIFY(changed.wait(5000));
    QCOMPARE(browser->currentPath(), QString());

    // Esc in the filter clears it and hands the keyboard back to the list.
    QTRY_VERIFY(remoteRow(QStringLiteral("report.txt")).isValid());
    const int everything = m_window->remoteView()->model()->rowCount();
    browser->filterEdit()->setFocus();
    QTest::keyClicks(browser->filterEdit(), QStringLiteral("*.txt"));
    QTRY_VERIFY(m_window->remoteView()->model()->rowCount() < everything);
    QTest::keyClick(browser->filterEdit(), Qt::Key_Escape);
    QVERIFY(browser->filterEdit()->text().isEmpty());
    QTRY_COMPARE(m_window->remoteView()->model()->rowCount(), everything);
    QTRY_VERIFY(m_window->remoteView()->hasFocus());

    // Part files and archives waiting to be unpacked stay out of sight,
    // hidden files shown or not.
    QVERIFY(writeFileBytes(QFile::encodeName(m_agent->root()) + "/.big.iso.ferry-part", "partial"));
    QVERIFY(writeFileBytes(QFile::encodeName(m_agent->root()) + "/.site.zip.ferry-extract", "staged"));
    QSignalSpy loaded(browser->model(), &ferry::ui::RemoteDirModel::loaded);
    browser->model()->refresh();
    QVERIFY(loaded.wait(5000));
    QVERIFY(remoteRow(QStringLiteral(".hidden")).isValid());
    QVERIFY(!remoteRow(QStringLiteral(".big.iso.ferry-part")).isValid());
    QVERIFY(!remoteRow(QStringLiteral(".site.zip.ferry-extract")).isValid());
}

void TestPanes::localDoubleClickEntersFolders()
{
    QVERIFY(QDir().mkpath(m_agent->scratch() + QStringLiteral("/inner")));
    ferry::ui::LocalBrowser *local = m_window->localBrowser();
    local->openPath(m_agent->scratch());
    QTreeView *view = local->view();
    QModelIndex inner;
    QTRY_VERIFY_WITH_TIMEOUT((inner = [&] {
        const QModelIndex root = view->rootIndex();
        for (int row = 0; row < view->model()->rowCount(root); ++row)
            if (view->model()->index(row, 0, root).data().toString() == QStringLiteral("inner"))
                return view->model()->index(row, 0, root);
        return QModelIndex();
    }()).isValid(), 5000);
    QVERIFY(!(view->editTriggers() & QAbstractItemView::DoubleClicked));
    QSignalSpy changed(local, &ferry::ui::LocalBrowser::pathChanged);
    view->scrollTo(inner);
    const QPoint center = view->visualRect(inner).center();
    QSignalSpy doubleClicked(view, &QAbstractItemView::doubleClicked);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, center);
    QCOMPARE(doubleClicked.count(), 1);
    // Entered, not renamed.
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), m_agent->scratch() + QStringLiteral("/inner"));
    QVERIFY(!view->findChild<QLineEdit *>());
}

void TestPanes::indicatorCountsDownToReconnect()
{
    ferry::ui::ConnectionIndicator *indicator = m_window->connectionIndicator();
    QTRY_VERIFY(indicator->text().startsWith(QStringLiteral("Connected")));
    QVERIFY(!m_window->windowTitle().contains(QStringLiteral("not connected")));
    m_agent->kill();
    QTRY_VERIFY_WITH_TIMEOUT(indicator->text().startsWith(QStringLiteral("Reconnecting")), 20000);
    // The title no longer claims the host while it is away.
    QTRY_VERIFY(m_window->windowTitle().contains(QStringLiteral("(not connected)")));
    QVERIFY(m_agent->restart());
    QTRY_VERIFY_WITH_TIMEOUT(indicator->text().startsWith(QStringLiteral("Connected")), 30000);
    QTRY_VERIFY(!m_window->windowTitle().contains(QStringLiteral("not connected")));
}

void TestPanes::failedOperationsAreToldNamingThePath()
{
    ferry::ui::RemoteBrowser *browser = m_window->remoteBrowser();
    ferry::ui::MessageBar *bar = browser->messageBar();
    QVERIFY(bar->isHidden());

    // Renamed in place onto a name that is taken: refused, and said so.
    const QModelIndex report = remoteRow(QStringLiteral("report.txt"));
    QVERIFY(report.isValid());
    QSignalSpy loaded(browser->model(), &ferry::ui::RemoteDirModel::loaded);
    QVERIFY(m_window->remoteView()->model()->setData(report, QStringLiteral("archive"), Qt::EditRole));
    QTRY_VERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), ferry::ui::MessageBar::Kind::Error);
    QCOMPARE(bar->text(), QStringLiteral("Could not rename :report.txt to :archive: File exists"));
    QVERIFY(QFile::exists(m_agent->root() + QStringLiteral("/report.txt")));
    // The refresh that follows puts the item count in the status bar; the
    // message stays.
    QTRY_VERIFY(loaded.count() > 0);
    QVERIFY(bar->isVisible());

    // A folder that exists, and permissions of an entry that went away:
    // both told, below the first.
    browser->createFolder(QStringLiteral("archive"));
    QTRY_VERIFY(bar->text().contains(QStringLiteral("Could not create the folder :archive: File exists")));
    browser->changeMode(QStringLiteral("gone.txt"), 0600);
    QTRY_VERIFY(bar->text().contains(QStringLiteral("Could not change the permissions of :gone.txt: No such file or directory")));
    QCOMPARE(bar->text().count(u'\n'), 2);

    // Closed, it stays closed while things go right.
    bar->findChild<QToolButton *>(QStringLiteral("messageClose"))->click();
    QVERIFY(bar->isHidden());
    QVERIFY(m_window->remoteView()->model()->setData(remoteRow(QStringLiteral("report.txt")), QStringLiteral("notes.txt"), Qt::EditRole));
    QTRY_VERIFY(remoteRow(QStringLiteral("notes.txt")).isValid());
    QVERIFY(QFile::exists(m_agent->root() + QStringLiteral("/notes.txt")));
    QVERIFY(bar->isHidden());
}

void TestPanes::foldersStayFirst()
{
    QTreeView *view = m_window->remoteView();
    QAbstractItemModel *model = view->model();
    const auto firstIsFolder = [model] { return model->index(0, 0).data(ferry::ui::RemoteDirModel::IsDirRole).toBool(); };
    for (const int column : {int(ferry::ui::RemoteDirModel::NameColumn), int(ferry::ui::RemoteDirModel::SizeColumn), int(ferry::ui::RemoteDirModel::ModifiedColumn)}) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            view->sortByColumn(column, order);
            QVERIFY2(firstIsFolder(), qPrintable(QStringLiteral("column %1, order %2").arg(column).arg(int(order))));
            // Files after every folder.
            bool seenFile = false;
            for (int row = 0; row < model->rowCount(); ++row) {
                const bool dir = model->index(row, 0).data(ferry::ui::RemoteDirModel::IsDirRole).toBool();
                QVERIFY(!(dir && seenFile));
                seenFile = seenFile || !dir;
            }
        }
    }
}

void TestPanes::connectOffersTheTokenFileAgain()
{
    // Connect… (after a Disconnect, say) offers the agent and its token file.
    m_window->setTokenFile(m_agent->tokenFile());
    m_window->action(QStringLiteral("connect"))->trigger();
    ferry::ui::ConnectDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ferry::ui::ConnectDialog *>()));
    QCOMPARE(dialog->urlEdit()->text(), m_session->options().url.toString());
    QCOMPARE(dialog->tokenFileEdit()->text(), m_agent->tokenFile());
    dialog->reject();
}

void TestPanes::recentKeepsWhatConnected()
{
    ferry::ui::SiteStore *store = m_window->siteStore();
    store->clearRecent();
    const auto connectThroughDialog = [this](const QString &url) {
        m_window->setTokenFile(m_agent->tokenFile());
        m_window->action(QStringLiteral("connect"))->trigger();
        QPointer<ferry::ui::ConnectDialog> dialog;
        QTRY_VERIFY(dialog = m_window->findChild<ferry::ui::ConnectDialog *>());
        dialog->urlEdit()->setText(url);
        dialog->connectButton()->click();
        QTRY_VERIFY(!dialog);
    };

    // A port where nothing listens: told as such, and not remembered.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QString refusedUrl = QStringLiteral("ws://127.0.0.1:%1").arg(closed.serverPort());
    closed.close();
    connectThroughDialog(refusedUrl);
    QVERIFY(m_window->session() != m_session.get());
    QString reason;
    QObject listener;
    connect(m_window->session(), &ferry::client::Session::failed, &listener, [&reason](const ferry::Error &error) { reason = error.message; });
    QTRY_VERIFY_WITH_TIMEOUT(!reason.isEmpty(), 10000);
    QVERIFY2(reason.contains(QStringLiteral("refused")), qPrintable(reason));
    QVERIFY(store->recent().isEmpty());

    // The agent itself: remembered once it has connected.
    connectThroughDialog(m_agent->url());
    QTRY_COMPARE(m_window->session()->state(), ferry::client::Session::State::Connected);
    QTRY_COMPARE(store->recent().size(), 1);
    QCOMPARE(store->recent().first().url, QUrl(m_agent->url()));
}

void TestPanes::copiedPathsPasteEverywhere()
{
    ferry::ui::RemoteBrowser *browser = m_window->remoteBrowser();
    QSignalSpy changed(browser, &ferry::ui::RemoteBrowser::pathChanged);
    browser->openPath(QStringLiteral("archive"));
    QVERIFY(changed.wait(5000));
    // Nothing selected: the folder shown, as ferry-cli writes remote paths.
    browser->view()->clearSelection();
    browser->action(QStringLiteral("copyPath"))->trigger();
    const QString copied = QApplication::clipboard()->text();
    if (copied.isEmpty())
        QSKIP("no clipboard on this platform");
    QCOMPARE(copied, QStringLiteral(":archive"));
    // The location bar takes it back as it is.
    browser->openPath(QString());
    QVERIFY(changed.wait(5000));
    browser->locationBar()->startEditing();
    browser->locationEdit()->setText(copied);
    QTest::keyClick(browser->locationEdit(), Qt::Key_Return);
    QVERIFY(changed.wait(5000));
    QCOMPARE(browser->currentPath(), QStringLiteral("archive"));
}

QTEST_MAIN(TestPanes)
#include "tst_panes.moc"
