// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app against a real agent: drops upload to the right folder,
// the queue shows progress to 100 % and failures with their reason, the
// conflict dialog's buttons give the expected tree, the folder operations
// (new, rename in place, delete) change the remote tree, and names that are
// not UTF-8 are shown escaped and renamed, deleted and downloaded by their
// own bytes.
#include "modelcheck.h"
#include "support/agentprocess.h"

#include "core/client/session.h"
#include "core/copy/copyjob.h"
#include "core/net/auth.h"
#include "ui/conflictdialog.h"
#include "ui/mainwindow.h"
#include "ui/remotedirmodel.h"
#include "ui/transferdock.h"
#include "ui/transferqueuemodel.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QApplication>
#include <QTimer>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <QPointer>
#include <QProcess>
#include <QUrl>

using ferry::copy::ConflictAnswer;

class TestTransfers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Preferences and layout in a scratch location, from the defaults.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void init();
    void cleanup();
    void dropOnEmptySpaceUploadsToCurrentFolder();
    void dropOnFolderRowUploadsIntoIt();
    void queueShowsProgressAndFailures();
    void conflictDialog_data();
    void conflictDialog();
    void folderOperations();
    void namesThatAreNotUtf8();
    void downloadAsArchive();
    void compressAndExtractHere();
    void dropArchiveToExtract();
    void archiveOpensLikeAFolder();
    void newRowsComeIntoView();

private:
    QModelIndex remoteRow(const QString &shown) const;
    void dropFiles(const QStringList &paths, const QPoint &where);
    bool waitForJob(int timeoutMs = 30000);
    QByteArray content(const QString &path);
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<ferry::client::Session> m_session;
    std::unique_ptr<ferry::ui::MainWindow> m_window;
    QPointer<ferry::copy::CopyJob> m_lastJob;
};

void TestTransfers::init()
{
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    QVERIFY(QDir().mkpath(m_agent->root() + QStringLiteral("/inbox")));
    QVERIFY(writeRandomFile(m_agent->root() + QStringLiteral("/zz-existing.txt"), 10, 1));
    ferry::client::SessionOptions options;
    options.url = QUrl(m_agent->url());
    options.token = *ferry::net::auth::loadToken(m_agent->tokenFile(), false);
    m_session = std::make_unique<ferry::client::Session>(options);
    m_window = std::make_unique<ferry::ui::MainWindow>(m_session.get());
    checkModels(m_window.get());
    connect(m_window.get(), &ferry::ui::MainWindow::jobStarted, this, [this](ferry::copy::CopyJob *job) { m_lastJob = job; });
    QSignalSpy shown(m_window.get(), &ferry::ui::MainWindow::listingShown);
    m_window->show();
    m_session->open();
    QVERIFY(shown.wait(10000));
}

void TestTransfers::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_agent.reset();
}

QByteArray TestTransfers::content(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool TestTransfers::waitForJob(int timeoutMs)
{
    // The most recent copy the window started must finish.
    if (!m_lastJob)
        return false;
    QSignalSpy finished(m_lastJob.data(), &ferry::transfer::Job::finished);
    return m_lastJob->isFinished() || finished.wait(timeoutMs);
}

void TestTransfers::dropFiles(const QStringList &paths, const QPoint &where)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls.append(QUrl::fromLocalFile(p));
    mime.setUrls(urls);
    QWidget *viewport = m_window->remoteView()->viewport();
    QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    QVERIFY(drop.isAccepted());
}

void TestTransfers::dropOnEmptySpaceUploadsToCurrentFolder()
{
    const QString a = m_agent->scratch() + QStringLiteral("/dropped.txt");
    QVERIFY(writeRandomFile(a, 5000, 2));
    QVERIFY(QDir().mkpath(m_agent->scratch() + QStringLiteral("/folder/sub")));
    QVERIFY(writeRandomFile(m_agent->scratch() + QStringLiteral("/folder/sub/x.bin"), 300000, 3));
    // Far below the last row: empty space.
    const QPoint emptySpace(50, m_window->remoteView()->viewport()->height() - 10);
    dropFiles({a, m_agent->scratch() + QStringLiteral("/folder")}, emptySpace);
    QVERIFY(waitForJob());
    QCOMPARE(fileChecksum(m_agent->root() + QStringLiteral("/dropped.txt")), fileChecksum(a));
    QCOMPARE(fileChecksum(m_agent->root() + QStringLiteral("/folder/sub/x.bin")), fileChecksum(m_agent->scratch() + QStringLiteral("/folder/sub/x.bin")));
}

void TestTransfers::dropOnFolderRowUploadsIntoIt()
{
    const QString a = m_agent->scratch() + QStringLiteral("/into.txt");
    QVERIFY(writeRandomFile(a, 100, 4));
    QTreeView *view = m_window->remoteView();
    // Folders sort first: row 0 is "inbox".
    const QModelIndex inbox = view->model()->index(0, 0);
    QCOMPARE(inbox.data().toString(), QStringLiteral("inbox"));
    dropFiles({a}, view->visualRect(inbox).center());
    QVERIFY(waitForJob());
    QVERIFY(QFileInfo::exists(m_agent->root() + QStringLiteral("/inbox/into.txt")));
    QVERIFY(!QFileInfo::exists(m_agent->root() + QStringLiteral("/into.txt")));
}

void TestTransfers::queueShowsProgressAndFailures()
{
    const QString big = m_agent->scratch() + QStringLiteral("/big.bin");
    QVERIFY(writeRandomFile(big, 256 * 1024 * 1024, 5));
    auto *model = m_window->transferDock()->model();
    QList<int> seen;
    connect(model, &QAbstractItemModel::dataChanged, this, [model, &seen] {
        if (model->rowCount() > 0)
            seen.append(model->index(0, 0).data(ferry::ui::TransferQueueModel::ProgressRole).toInt());
    });
    m_window->upload({big}, QString());
    // Slow in the sanitized build on a busy machine.
    QVERIFY(waitForJob(180000));
    // The view hears of the end at the model's next tick.
    QTRY_COMPARE_WITH_TIMEOUT(model->index(0, ferry::ui::TransferQueueModel::StateColumn).data().toString(), QStringLiteral("Done"), 5000);
    QCOMPARE(model->index(0, 0).data(ferry::ui::TransferQueueModel::ProgressRole).toInt(), 100);
    // Progress rose step by step to 100 %, never back.
    QTRY_COMPARE_WITH_TIMEOUT(seen.isEmpty() ? -1 : seen.last(), 100, 5000);
    QVERIFY(seen.size() >= 2);
    QCOMPARE(seen.last(), 100);
    QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));

    // A failure stays on its row with the reason.
    QVERIFY(QDir().mkpath(m_agent->root() + QStringLiteral("/blocked.txt"))); // a folder where the file should go
    const QString blocked = m_agent->scratch() + QStringLiteral("/blocked.txt");
    QVERIFY(writeRandomFile(blocked, 10, 6));
    ferry::copy::CopyJob *job = m_window->upload({blocked}, QString());
    QVERIFY(job);
    // Answer the type conflict with Overwrite (refused: a folder is never replaced by a file).
    QSignalSpy dialogs(m_window->conflictHandler(), &ferry::ui::DialogConflictHandler::dialogShown);
    QVERIFY(dialogs.wait(10000));
    auto *dialog = dialogs.first().first().value<ferry::ui::ConflictDialog *>();
    QVERIFY(!dialog->button(ConflictAnswer::Overwrite)); // not offered for a type mismatch
    dialog->button(ConflictAnswer::Skip)->click();
    QTRY_COMPARE_WITH_TIMEOUT(model->runningCount(), 0, 10000);
    QVERIFY(QFileInfo(m_agent->root() + QStringLiteral("/blocked.txt")).isDir());

    // A real failure: a file vanishing before it is sent.
    const QString gone = m_agent->scratch() + QStringLiteral("/gone.txt");
    QVERIFY(writeRandomFile(gone, 10, 7));
    ferry::copy::CopyJob *failing = m_window->upload({gone}, QString());
    connect(failing, &ferry::copy::CopyJob::planned, this, [gone] { QFile::remove(gone); });
    QSignalSpy done(failing, &ferry::transfer::Job::finished);
    QVERIFY(done.wait(10000));
    const int last = model->rowCount() - 1;
    QCOMPARE(model->index(last, 0).data(ferry::ui::TransferQueueModel::StateRole).toInt(), int(ferry::ui::TransferQueueModel::State::Failed));
    QVERIFY2(model->index(last, ferry::ui::TransferQueueModel::StateColumn).data().toString().contains(QStringLiteral("gone.txt")),
             qPrintable(model->index(last, ferry::ui::TransferQueueModel::StateColumn).data().toString()));
}

void TestTransfers::conflictDialog_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QByteArray>("expectedExisting");
    QTest::addColumn<QString>("extraName");
    QTest::newRow("overwrite") << int(ConflictAnswer::Overwrite) << QByteArray("new") << QString();
    QTest::newRow("skip") << int(ConflictAnswer::Skip) << QByteArray("old") << QString();
    QTest::newRow("rename") << int(ConflictAnswer::Rename) << QByteArray("old") << QStringLiteral("report (1).txt");
    QTest::newRow("overwrite if newer (source is older)") << int(ConflictAnswer::OverwriteIfNewer) << QByteArray("old") << QString();
}

void TestTransfers::conflictDialog()
{
    QFETCH(int, action);
    QFETCH(QByteArray, expectedExisting);
    QFETCH(QString, extraName);
    const QString local = m_agent->scratch() + QStringLiteral("/report.txt");
    QFile l(local);
    QVERIFY(l.open(QIODevice::WriteOnly));
    l.write("new");
    // Older than the destination, so "overwrite if newer" keeps the destination.
    QVERIFY(l.setFileTime(QDateTime::fromSecsSinceEpoch(1500000000), QFileDevice::FileModificationTime));
    l.close();
    QFile r(m_agent->root() + QStringLiteral("/report.txt"));
    QVERIFY(r.open(QIODevice::WriteOnly));
    r.write("old");
    r.close();

    QSignalSpy dialogs(m_window->conflictHandler(), &ferry::ui::DialogConflictHandler::dialogShown);
    m_window->upload({local}, QString());
    QVERIFY(dialogs.wait(10000));
    auto *dialog = dialogs.first().first().value<ferry::ui::ConflictDialog *>();
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("report (1).txt"));
    dialog->button(ConflictAnswer::Action(action))->click();
    QVERIFY(waitForJob());
    QCOMPARE(content(m_agent->root() + QStringLiteral("/report.txt")), expectedExisting);
    if (!extraName.isEmpty())
        QCOMPARE(content(m_agent->root() + u'/' + extraName), QByteArray("new"));
}

void TestTransfers::folderOperations()
{
    ferry::ui::RemoteDirModel *model = m_window->remoteModel();
    QSignalSpy loaded(model, &ferry::ui::RemoteDirModel::loaded);
    m_window->createFolder(QStringLiteral("made"));
    QVERIFY(loaded.wait(5000));
    QVERIFY(QFileInfo(m_agent->root() + QStringLiteral("/made")).isDir());

    // Rename in place: F2, type, Enter.
    QTreeView *view = m_window->remoteView();
    QModelIndex existing;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        if (view->model()->index(row, 0).data().toString() == QStringLiteral("zz-existing.txt"))
            existing = view->model()->index(row, 0);
    QVERIFY(existing.isValid());
    view->setFocus();
    view->setCurrentIndex(existing);
    QTest::keyClick(view, Qt::Key_F2);
    auto *editor = view->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("renamed.txt"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_agent->root() + QStringLiteral("/renamed.txt")), 5000);
    QVERIFY(!QFileInfo::exists(m_agent->root() + QStringLiteral("/zz-existing.txt")));

    // Delete with confirmation.
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() == 3, 5000);
    QModelIndex made;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        if (view->model()->index(row, 0).data().toString() == QStringLiteral("made"))
            made = view->model()->index(row, 0);
    QVERIFY(made.isValid());
    view->selectionModel()->select(made, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keyClick(view, Qt::Key_Delete);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((confirm = m_window->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))) != nullptr, 5000);
    confirm->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(m_agent->root() + QStringLiteral("/made")), 5000);
}

QModelIndex TestTransfers::remoteRow(const QString &shown) const
{
    QAbstractItemModel *model = m_window->remoteView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data().toString() == shown)
            return model->index(row, 0);
    return {};
}

void TestTransfers::namesThatAreNotUtf8()
{
    const QByteArray root = QFile::encodeName(m_agent->root());
    QVERIFY(writeFileBytes(root + "/caf\xe9.txt", "latin-1"));
    QVERIFY(writeFileBytes(root + "/caf\xef\xbf\xbd.txt", "replacement"));
    ferry::ui::RemoteDirModel *model = m_window->remoteModel();
    QSignalSpy loaded(model, &ferry::ui::RemoteDirModel::loaded);
    model->refresh();
    QVERIFY(loaded.wait(5000));

    // Both rows, told apart: the byte escaped, the real U+FFFD as itself.
    const QString latin1 = QStringLiteral("caf\\xE9.txt");
    const QString replacement = QStringLiteral("caf\uFFFD.txt");
    QVERIFY(remoteRow(latin1).isValid());
    QVERIFY(remoteRow(replacement).isValid());

    // Download by its bytes, and the queue shows it escaped.
    QTreeView *view = m_window->remoteView();
    view->selectionModel()->select(remoteRow(latin1), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QStringList selected = m_window->selectedPaths();
    QCOMPARE(selected.size(), 1);
    QVERIFY(m_window->download(selected, m_agent->scratch()));
    QVERIFY(waitForJob());
    QCOMPARE(readFileBytes(QFile::encodeName(m_agent->scratch()) + "/caf\xe9.txt"), QByteArray("latin-1"));
    ferry::ui::TransferQueueModel *queue = m_window->transferDock()->model();
    QTRY_VERIFY_WITH_TIMEOUT(queue->rowCount() > 0, 5000);
    QCOMPARE(queue->index(queue->rowCount() - 1, ferry::ui::TransferQueueModel::NameColumn).data().toString(), latin1);

    // Rename in place: the editor holds the escaped name, and escapes typed
    // into it are bytes.
    view->setFocus();
    view->setCurrentIndex(remoteRow(latin1));
    QTest::keyClick(view, Qt::Key_F2);
    auto *editor = view->findChild<QLineEdit *>();
    QVERIFY(editor);
    QCOMPARE(editor->text(), latin1);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("neu\\xFE.txt"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(namesIn(root).contains("neu\xfe.txt"), 5000);
    QVERIFY(!namesIn(root).contains("caf\xe9.txt"));
    QTRY_VERIFY_WITH_TIMEOUT(remoteRow(QStringLiteral("neu\\xFE.txt")).isValid(), 5000);

    // Delete the look-alike: only it goes.
    view->selectionModel()->select(remoteRow(replacement), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keyClick(view, Qt::Key_Delete);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((confirm = m_window->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))) != nullptr, 5000);
    QVERIFY2(confirm->text().contains(replacement), qPrintable(confirm->text()));
    confirm->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!namesIn(root).contains("caf\xef\xbf\xbd.txt"), 5000);
    QVERIFY(namesIn(root).contains("neu\xfe.txt"));
    QTRY_VERIFY_WITH_TIMEOUT(!remoteRow(replacement).isValid(), 5000);
}

void TestTransfers::downloadAsArchive()
{
    QVERIFY(writeRandomFile(m_agent->root() + QStringLiteral("/proj/data.bin"), 3 * 1024 * 1024, 3));
    QVERIFY(writeRandomFile(m_agent->root() + QStringLiteral("/proj/sub/small.txt"), 1000, 4));
    ferry::ui::RemoteDirModel *model = m_window->remoteModel();
    QSignalSpy loaded(model, &ferry::ui::RemoteDirModel::loaded);
    model->refresh();
    QVERIFY(loaded.wait(5000));
    QTreeView *view = m_window->remoteView();
    view->selectionModel()->select(remoteRow(QStringLiteral("proj")), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // Offered in the pane's context menu.
    QAction *action = view->findChild<QAction *>(QStringLiteral("downloadArchive"));
    if (!action) {
        for (QAction *a : view->actions())
            if (a->objectName() == QStringLiteral("downloadArchive"))
                action = a;
    }
    QVERIFY(action);
    QVERIFY(action->isEnabled());

    // A name without a suffix Ferry writes gets .tar.gz.
    const QString out = m_agent->scratch() + QStringLiteral("/proj-backup");
    QPointer<ferry::transfer::Job> job = m_window->downloadArchive(m_window->selectedPaths(), out);
    QVERIFY(job);
    QSignalSpy finished(job.data(), &ferry::transfer::Job::finished);
    QVERIFY(finished.wait(30000));
    QVERIFY(QFileInfo(out + QStringLiteral(".tar.gz")).size() > 3 * 1024 * 1024);
    QProcess list;
    list.start(QStringLiteral("tar"), {QStringLiteral("-tzf"), out + QStringLiteral(".tar.gz")});
    QVERIFY(list.waitForFinished(30000));
    QCOMPARE(QString::fromUtf8(list.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("proj/"), QStringLiteral("proj/data.bin"), QStringLiteral("proj/sub/"), QStringLiteral("proj/sub/small.txt")}));

    // One row in the queue, done, named after the archive.
    ferry::ui::TransferQueueModel *queue = m_window->transferDock()->model();
    const int row = queue->rowCount() - 1;
    QVERIFY(row >= 0);
    QCOMPARE(queue->index(row, ferry::ui::TransferQueueModel::NameColumn).data().toString(), QStringLiteral("proj-backup.tar.gz"));
    QCOMPARE(queue->state(row), ferry::ui::TransferQueueModel::State::Done);

    // A path that went away: the row fails with the agent's reason.
    QPointer<ferry::transfer::Job> missing = m_window->downloadArchive({QStringLiteral("gone")}, m_agent->scratch() + QStringLiteral("/gone.tar.zst"));
    QVERIFY(missing);
    QSignalSpy failed(missing.data(), &ferry::transfer::Job::finished);
    QVERIFY(failed.wait(10000));
    const int failedRow = queue->rowCount() - 1;
    QCOMPARE(queue->state(failedRow), ferry::ui::TransferQueueModel::State::Failed);
    QVERIFY(!QFileInfo::exists(m_agent->scratch() + QStringLiteral("/gone.tar.zst")));
}

void TestTransfers::compressAndExtractHere()
{
    QVERIFY(writeRandomFile(m_agent->root() + QStringLiteral("/site/index.html"), 4000, 5));
    QVERIFY(writeRandomFile(m_agent->root() + QStringLiteral("/site/img/logo.png"), 20000, 6));
    QPointer<ferry::transfer::Job> packed = m_window->compressRemote({QStringLiteral("site")}, QStringLiteral("site.zip"));
    QVERIFY(packed);
    QSignalSpy packedDone(packed.data(), &ferry::transfer::Job::finished);
    QVERIFY(packedDone.wait(30000));
    QVERIFY(QFileInfo(m_agent->root() + QStringLiteral("/site.zip")).size() > 0);
    ferry::ui::TransferQueueModel *queue = m_window->transferDock()->model();
    QCOMPARE(queue->index(queue->rowCount() - 1, ferry::ui::TransferQueueModel::NameColumn).data().toString(), QStringLiteral("site.zip"));
    QCOMPARE(queue->state(queue->rowCount() - 1), ferry::ui::TransferQueueModel::State::Done);

    // The pane shows it (refreshed), and Extract Here is offered for it
    // alone: the archive is one folder, so it lands beside itself...
    QVERIFY(QFile::rename(m_agent->root() + QStringLiteral("/site"), m_agent->root() + QStringLiteral("/original")));
    QTRY_VERIFY_WITH_TIMEOUT(remoteRow(QStringLiteral("site.zip")).isValid(), 5000);
    ferry::ui::RemoteDirModel *model = m_window->remoteModel();
    QSignalSpy loaded(model, &ferry::ui::RemoteDirModel::loaded);
    model->refresh();
    QVERIFY(loaded.wait(5000));
    QTreeView *view = m_window->remoteView();
    QAction *extractHere = nullptr;
    for (QAction *a : view->actions())
        if (a->objectName() == QStringLiteral("extractHere"))
            extractHere = a;
    QVERIFY(extractHere);
    view->selectionModel()->select(remoteRow(QStringLiteral("original")), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(!extractHere->isEnabled());
    view->selectionModel()->select(remoteRow(QStringLiteral("site.zip")), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(extractHere->isEnabled());
    extractHere->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(queue->state(queue->rowCount() - 1) == ferry::ui::TransferQueueModel::State::Done, 30000);
    QCOMPARE(fileChecksum(m_agent->root() + QStringLiteral("/site/img/logo.png")), fileChecksum(m_agent->root() + QStringLiteral("/original/img/logo.png")));

    // ...while one of loose files goes into a folder named after it.
    QPointer<ferry::transfer::Job> loose = m_window->compressRemote({QStringLiteral("site/index.html"), QStringLiteral("site/img")}, QStringLiteral("loose.tar.gz"));
    QSignalSpy looseDone(loose.data(), &ferry::transfer::Job::finished);
    QVERIFY(looseDone.wait(30000));
    QPointer<ferry::transfer::Job> unpacked = m_window->extractArchive(QStringLiteral("loose.tar.gz"), false, QString(), QStringLiteral("loose"));
    QSignalSpy unpackedDone(unpacked.data(), &ferry::transfer::Job::finished);
    QVERIFY(unpackedDone.wait(30000));
    QVERIFY(QFileInfo::exists(m_agent->root() + QStringLiteral("/loose/index.html")));
    QVERIFY(QFileInfo::exists(m_agent->root() + QStringLiteral("/loose/img/logo.png")));

    // A failure is told in the pane, naming the archive.
    QPointer<ferry::transfer::Job> broken = m_window->extractArchive(QStringLiteral("site/index.html"), false, QStringLiteral("x"));
    QSignalSpy brokenDone(broken.data(), &ferry::transfer::Job::finished);
    QVERIFY(brokenDone.wait(30000));
    QCOMPARE(queue->state(queue->rowCount() - 1), ferry::ui::TransferQueueModel::State::Failed);
}

void TestTransfers::dropArchiveToExtract()
{
    // A local archive made by GNU tar, dropped on the pane: the drop asks,
    // and "Upload and Extract Here" unpacks it in the folder shown.
    QVERIFY(writeRandomFile(m_agent->scratch() + QStringLiteral("/pack/notes/a.txt"), 3000, 7));
    const QString archive = m_agent->scratch() + QStringLiteral("/notes.tar.gz");
    QProcess tar;
    tar.start(QStringLiteral("tar"), {QStringLiteral("-C"), m_agent->scratch() + QStringLiteral("/pack"), QStringLiteral("-czf"), archive, QStringLiteral("notes")});
    QVERIFY(tar.waitForFinished(30000));
    QCOMPARE(tar.exitCode(), 0);
    bool asked = false;
    QTimer::singleShot(100, this, [&asked] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu || menu->objectName() != QStringLiteral("dropMenu"))
            return;
        asked = true;
        for (QAction *a : menu->actions())
            if (a->objectName() == QStringLiteral("dropExtract"))
                a->trigger();
        menu->close();
    });
    dropFiles({archive}, QPoint(5, m_window->remoteView()->viewport()->height() - 5));
    QVERIFY(asked);
    ferry::ui::TransferQueueModel *queue = m_window->transferDock()->model();
    QTRY_VERIFY_WITH_TIMEOUT(queue->rowCount() > 0 && ferry::ui::TransferQueueModel::isFinal(queue->state(queue->rowCount() - 1)), 30000);
    QVERIFY2(queue->state(queue->rowCount() - 1) == ferry::ui::TransferQueueModel::State::Done,
             qPrintable(queue->index(queue->rowCount() - 1, ferry::ui::TransferQueueModel::StateColumn).data(Qt::ToolTipRole).toString()
                        + queue->index(queue->rowCount() - 1, ferry::ui::TransferQueueModel::StateColumn).data().toString()));
    QVERIFY(QFileInfo::exists(m_agent->root() + QStringLiteral("/notes/a.txt")));
    QCOMPARE(fileChecksum(m_agent->root() + QStringLiteral("/notes/a.txt")), fileChecksum(m_agent->scratch() + QStringLiteral("/pack/notes/a.txt")));
    // The uploaded archive did not stay behind.
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(m_agent->root() + QStringLiteral("/.notes.tar.gz.ferry-extract")), 5000);
    QVERIFY(!QFileInfo::exists(m_agent->root() + QStringLiteral("/notes.tar.gz")));
}

void TestTransfers::archiveOpensLikeAFolder()
{
    QVERIFY(writeRandomFile(m_agent->root() + QStringLiteral("/docs/guide.txt"), 2000, 8));
    QPointer<ferry::transfer::Job> packed = m_window->compressRemote({QStringLiteral("docs")}, QStringLiteral("docs.tar.gz"));
    QSignalSpy packedDone(packed.data(), &ferry::transfer::Job::finished);
    QVERIFY(packedDone.wait(30000));
    ferry::ui::RemoteDirModel *model = m_window->remoteModel();
    QTRY_VERIFY_WITH_TIMEOUT(remoteRow(QStringLiteral("docs.tar.gz")).isValid(), 5000);
    // Activated (double-click, Return): entered like a folder.
    QSignalSpy loaded(model, &ferry::ui::RemoteDirModel::loaded);
    QTreeView *view = m_window->remoteView();
    Q_EMIT view->activated(remoteRow(QStringLiteral("docs.tar.gz")));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(model->path(), QStringLiteral("docs.tar.gz"));
    QTRY_VERIFY_WITH_TIMEOUT(remoteRow(QStringLiteral("docs")).isValid(), 5000);
    Q_EMIT view->activated(remoteRow(QStringLiteral("docs")));
    QVERIFY(loaded.wait(5000));
    QTRY_VERIFY_WITH_TIMEOUT(remoteRow(QStringLiteral("guide.txt")).isValid(), 5000);
    // A file in it downloads without the rest of the archive.
    view->selectionModel()->select(remoteRow(QStringLiteral("guide.txt")), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(m_window->download(m_window->selectedPaths(), m_agent->scratch()));
    QVERIFY(waitForJob());
    QCOMPARE(fileChecksum(m_agent->scratch() + QStringLiteral("/guide.txt")), fileChecksum(m_agent->root() + QStringLiteral("/docs/guide.txt")));
}

namespace {

/// A transfer that waits to be cancelled: rows for the queue.
class WaitingJob final : public ferry::transfer::Job
{
public:
    using ferry::transfer::Job::Job;

private:
    void doStart() override {}
};

} // namespace

void TestTransfers::newRowsComeIntoView()
{
    ferry::ui::TransferDock *dock = m_window->transferDock();
    QTreeView *view = dock->view();
    for (int i = 0; i < 60; ++i) {
        auto *job = new WaitingJob(this);
        dock->addTransfer(job, QStringLiteral("waiting-%1.bin").arg(i), QStringLiteral("here"), QStringLiteral(":there"), ferry::copy::Direction::Upload);
    }
    const QModelIndex last = dock->model()->index(dock->model()->rowCount() - 1, 0);
    QCOMPARE(last.data().toString(), QStringLiteral("waiting-59.bin"));
    QTRY_VERIFY(view->viewport()->rect().contains(view->visualRect(last).center()));
    dock->model()->cancelAll();
    QTRY_COMPARE(dock->model()->activeCount(), 0);
}

QTEST_MAIN(TestTransfers)
#include "tst_transfers.moc"
