// SPDX-License-Identifier: GPL-3.0-or-later
// Remote rows dragged out of the window against a real agent: the drag's
// data downloads files and folders into a private folder when a target
// asks for its URLs, with a row in the queue; a refused drop, a failed
// download and a quit leave no folder behind; leftovers of a dead run are
// swept at start; drops between the panes still move and download.
#include "support/agentprocess.h"

#include "core/client/session.h"
#include "core/copy/copyjob.h"
#include "core/net/auth.h"
#include "ui/dragoutfolders.h"
#include "ui/localbrowser.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/remotebrowser.h"
#include "ui/remotedirmodel.h"
#include "ui/remotedragdata.h"
#include "ui/remoteview.h"
#include "ui/transferdock.h"
#include "ui/transferqueuemodel.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using State = ferry::ui::TransferQueueModel::State;
namespace dragoutfolders = ferry::ui::dragoutfolders;

class TestDragOut final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void urlsDownloadFilesAndFolders();
    void refusedDropLeavesNothing();
    void failedDownloadLeavesNothing();
    void tooLongDownloadIsGivenUp();
    void movedOutFolderGoesWithTheDrag();
    void staleFoldersSweptAtStart();
    void dropsBetweenPanesStillWork();

private:
    ferry::ui::RemoteView *view() const;
    QModelIndex remoteRow(const QString &name) const;
    void select(const QStringList &names);
    /// The drag-out folders there are now.
    static QStringList folders();
    ferry::ui::TransferQueueModel *queue() const { return m_window->transferDock()->model(); }

    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<ferry::client::Session> m_session;
    std::unique_ptr<ferry::ui::MainWindow> m_window;
};

void TestDragOut::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDragOut::init()
{
    QSettings().clear();
    QDir(dragoutfolders::root()).removeRecursively();
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    QVERIFY(writeRandomFile(m_agent->root() + u"/report.txt"_s, 70000, 1));
    QVERIFY(QDir().mkpath(m_agent->root() + u"/tree/inner"_s));
    QVERIFY(writeRandomFile(m_agent->root() + u"/tree/a.bin"_s, 3000, 2));
    QVERIFY(writeRandomFile(m_agent->root() + u"/tree/inner/b.bin"_s, 500, 3));
    QVERIFY(QDir().mkpath(m_agent->root() + u"/archive"_s));
    QVERIFY(QDir().mkpath(m_agent->scratch()));
    ferry::client::SessionOptions options;
    options.url = QUrl(m_agent->url());
    options.token = *ferry::net::auth::loadToken(m_agent->tokenFile(), false);
    m_session = std::make_unique<ferry::client::Session>(options);
    m_window = std::make_unique<ferry::ui::MainWindow>(m_session.get());
    m_window->localBrowser()->openPath(m_agent->scratch());
    m_window->localBrowser()->show();
    QSignalSpy shown(m_window.get(), &ferry::ui::MainWindow::listingShown);
    m_window->show();
    m_session->open();
    QVERIFY(shown.wait(10000));
}

void TestDragOut::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_agent.reset();
    QDir(dragoutfolders::root()).removeRecursively();
}

ferry::ui::RemoteView *TestDragOut::view() const
{
    return qobject_cast<ferry::ui::RemoteView *>(m_window->remoteView());
}

QModelIndex TestDragOut::remoteRow(const QString &name) const
{
    QAbstractItemModel *model = m_window->remoteView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data().toString() == name)
            return model->index(row, 0);
    return {};
}

void TestDragOut::select(const QStringList &names)
{
    QItemSelectionModel *selection = m_window->remoteView()->selectionModel();
    selection->clearSelection();
    for (const QString &name : names) {
        const QModelIndex row = remoteRow(name);
        QVERIFY2(row.isValid(), qPrintable(name));
        selection->select(row, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

QStringList TestDragOut::folders()
{
    return QDir(dragoutfolders::root()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
}

void TestDragOut::urlsDownloadFilesAndFolders()
{
    QVERIFY(view());
    QSignalSpy started(m_window.get(), &ferry::ui::MainWindow::jobStarted);
    select({u"report.txt"_s, u"tree"_s});
    std::unique_ptr<ferry::ui::RemoteDragData> data(view()->createDragData());
    QVERIFY(data);
    // Both ways to be dropped are offered; nothing is fetched for that.
    QVERIFY(data->hasFormat(QString(ferry::ui::RemoteDirModel::kRemotePathsMime)));
    QVERIFY(data->hasUrls());
    QVERIFY(data->folder().isEmpty());
    QVERIFY(folders().isEmpty());
    QCOMPARE(started.size(), 0);

    // Asked for its URLs, as a drop target does.
    const QList<QUrl> urls = data->urls();
    QVERIFY2(data->errorString().isEmpty(), qPrintable(data->errorString()));
    QCOMPARE(urls.size(), 2);
    const QString folder = data->folder();
    QCOMPARE(QFileInfo(folder).absolutePath(), QFileInfo(dragoutfolders::root()).absoluteFilePath());
    QCOMPARE(folders().size(), 1);
    QCOMPARE(QFileInfo(folder).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    QStringList names;
    for (const QUrl &url : urls) {
        QVERIFY(url.isLocalFile());
        QCOMPARE(QFileInfo(url.toLocalFile()).absolutePath(), folder);
        names.append(QFileInfo(url.toLocalFile()).fileName());
    }
    names.sort();
    QCOMPARE(names, QStringList({u"report.txt"_s, u"tree"_s}));
    QCOMPARE(fileChecksum(folder + u"/report.txt"_s), fileChecksum(m_agent->root() + u"/report.txt"_s));
    QCOMPARE(fileChecksum(folder + u"/tree/a.bin"_s), fileChecksum(m_agent->root() + u"/tree/a.bin"_s));
    QCOMPARE(fileChecksum(folder + u"/tree/inner/b.bin"_s), fileChecksum(m_agent->root() + u"/tree/inner/b.bin"_s));
    // The same list as bytes, for other applications.
    const QByteArray list = data->data(u"text/uri-list"_s);
    QVERIFY(list.contains(QByteArray(QUrl::fromLocalFile(folder + u"/report.txt"_s).toEncoded() + "\r\n")));
    // One download, shown in the queue: a row for each file.
    QCOMPARE(started.size(), 1);
    QCOMPARE(queue()->rowCount(), 3);
    for (int row = 0; row < queue()->rowCount(); ++row)
        QTRY_COMPARE(queue()->state(row), State::Done);
    // Asked again: the same answer, no second download.
    QCOMPARE(data->urls(), urls);
    QCOMPARE(started.size(), 1);

    // Taken by the target: kept for it to copy from, until Ferry quits.
    data->dragEnded(Qt::CopyAction);
    data.reset();
    QVERIFY(QFileInfo::exists(folder + u"/report.txt"_s));
    QVERIFY(m_window->close());
    QVERIFY(!QFileInfo::exists(folder));
}

void TestDragOut::refusedDropLeavesNothing()
{
    select({u"tree"_s});
    std::unique_ptr<ferry::ui::RemoteDragData> data(view()->createDragData());
    QCOMPARE(data->urls().size(), 1);
    const QString folder = data->folder();
    QVERIFY(QFileInfo(folder + u"/tree/inner/b.bin"_s).isFile());
    data->dragEnded(Qt::IgnoreAction);
    QVERIFY(!QFileInfo::exists(folder));
    QVERIFY(data->folder().isEmpty());
    QVERIFY(folders().isEmpty());
}

void TestDragOut::failedDownloadLeavesNothing()
{
    QSignalSpy started(m_window.get(), &ferry::ui::MainWindow::jobStarted);
    select({u"report.txt"_s, u"tree"_s});
    std::unique_ptr<ferry::ui::RemoteDragData> data(view()->createDragData());
    QSignalSpy failed(data.get(), &ferry::ui::RemoteDragData::failed);
    // Gone on the remote side between the drag and the drop.
    QVERIFY(QFile::remove(m_agent->root() + u"/report.txt"_s));
    QVERIFY(data->urls().isEmpty());
    QCOMPARE(failed.size(), 1);
    QVERIFY2(data->errorString().contains(u"report.txt"_s), qPrintable(data->errorString()));
    QVERIFY(data->folder().isEmpty());
    QVERIFY(folders().isEmpty());
    // One download, and the pane says why the drop came to nothing.
    QCOMPARE(started.size(), 1);
    QVERIFY2(m_window->remoteBrowser()->messageBar()->text().contains(u"report.txt"_s), qPrintable(m_window->remoteBrowser()->messageBar()->text()));
    // Not tried again for the same drop.
    QVERIFY(data->data(u"text/uri-list"_s).isEmpty());
    QCOMPARE(started.size(), 1);
    QVERIFY(folders().isEmpty());
}

void TestDragOut::tooLongDownloadIsGivenUp()
{
    QSignalSpy started(m_window.get(), &ferry::ui::MainWindow::jobStarted);
    select({u"tree"_s});
    std::unique_ptr<ferry::ui::RemoteDragData> data(view()->createDragData());
    QSignalSpy failed(data.get(), &ferry::ui::RemoteDragData::failed);
    data->setTimeout(std::chrono::milliseconds(1000));
    // The agent stops answering: the download cannot end in time.
    m_agent->freeze();
    QVERIFY(data->urls().isEmpty());
    m_agent->thaw();
    QCOMPARE(failed.size(), 1);
    QVERIFY2(data->errorString().contains(u"Download"_s), qPrintable(data->errorString()));
    QVERIFY(data->folder().isEmpty());
    QVERIFY(folders().isEmpty());
    QCOMPARE(started.size(), 1);
    // The download was cancelled; nothing of it turns up afterwards.
    QTRY_VERIFY(queue()->activeCount() == 0);
    QVERIFY(folders().isEmpty());
}

void TestDragOut::movedOutFolderGoesWithTheDrag()
{
    select({u"report.txt"_s});
    std::unique_ptr<ferry::ui::RemoteDragData> data(view()->createDragData());
    const QList<QUrl> urls = data->urls();
    QCOMPARE(urls.size(), 1);
    const QString folder = data->folder();
    // The target moved the file to where it was dropped.
    QVERIFY(QFile::rename(urls.first().toLocalFile(), m_agent->scratch() + u"/report.txt"_s));
    data->dragEnded(Qt::MoveAction);
    QVERIFY(QFileInfo::exists(folder));
    data.reset();
    QVERIFY(!QFileInfo::exists(folder));
    QCOMPARE(fileChecksum(m_agent->scratch() + u"/report.txt"_s), fileChecksum(m_agent->root() + u"/report.txt"_s));
}

void TestDragOut::staleFoldersSweptAtStart()
{
    // One of a run that is gone (no such process), one of this one.
    const QString stale = dragoutfolders::root() + u"/999999999-abcdef"_s;
    QVERIFY(QDir().mkpath(stale + u"/tree"_s));
    QVERIFY(writeRandomFile(stale + u"/tree/x.bin"_s, 100, 4));
    QVERIFY(QFile::setPermissions(stale + u"/tree"_s, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const QString live = dragoutfolders::root() + u'/' + QString::number(QCoreApplication::applicationPid()) + u"-ghijkl"_s;
    QVERIFY(QDir().mkpath(live));
    ferry::ui::MainWindow second;
    QVERIFY(!QFileInfo::exists(stale));
    QVERIFY(QFileInfo::exists(live));
}

void TestDragOut::dropsBetweenPanesStillWork()
{
    QSignalSpy started(m_window.get(), &ferry::ui::MainWindow::jobStarted);
    QSignalSpy moved(m_window.get(), &ferry::ui::MainWindow::remoteJobStarted);
    const auto drop = [](QAbstractItemView *target, QMimeData *data, const QPoint &where, Qt::DropAction action) {
        const Qt::KeyboardModifiers modifiers = action == Qt::CopyAction ? Qt::ControlModifier : Qt::NoModifier;
        QWidget *viewport = target->viewport();
        QDragEnterEvent enter(where, Qt::CopyAction | Qt::MoveAction, data, Qt::LeftButton, modifiers);
        QApplication::sendEvent(viewport, &enter);
        QDragMoveEvent move(where, Qt::CopyAction | Qt::MoveAction, data, Qt::LeftButton, modifiers);
        QApplication::sendEvent(viewport, &move);
        QVERIFY(move.isAccepted());
        QDropEvent dropped(where, Qt::CopyAction | Qt::MoveAction, data, Qt::LeftButton, modifiers);
        dropped.setDropAction(action);
        QApplication::sendEvent(viewport, &dropped);
    };

    // Onto the local pane: downloaded there by the pane, not through a drag-out folder.
    select({u"report.txt"_s, u"tree"_s});
    std::unique_ptr<ferry::ui::RemoteDragData> data(view()->createDragData());
    QTreeView *local = m_window->localBrowser()->view();
    drop(local, data.get(), QPoint(20, local->viewport()->height() - 5), Qt::CopyAction);
    QTRY_COMPARE(started.size(), 1);
    QTRY_VERIFY(QFileInfo(m_agent->scratch() + u"/tree/inner/b.bin"_s).isFile());
    QTRY_COMPARE(fileChecksum(m_agent->scratch() + u"/report.txt"_s), fileChecksum(m_agent->root() + u"/report.txt"_s));
    QVERIFY(data->folder().isEmpty());
    QVERIFY(folders().isEmpty());

    // Onto a remote folder: moved by the agent.
    select({u"report.txt"_s});
    data.reset(view()->createDragData());
    const QModelIndex archive = remoteRow(u"archive"_s);
    drop(view(), data.get(), view()->visualRect(archive).center(), Qt::MoveAction);
    QTRY_COMPARE(moved.size(), 1);
    QTRY_VERIFY(QFileInfo::exists(m_agent->root() + u"/archive/report.txt"_s));
    QVERIFY(!QFileInfo::exists(m_agent->root() + u"/report.txt"_s));
    QVERIFY(data->folder().isEmpty());
    QVERIFY(folders().isEmpty());
}

QTEST_MAIN(TestDragOut)
#include "tst_dragout.moc"
