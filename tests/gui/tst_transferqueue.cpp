// SPDX-License-Identifier: GPL-3.0-or-later
// The queue across runs and over a lost link, against a real agent: a
// download cut off by the agent's death waits for the connection, survives
// closing the window, and a new window offers it: Resume finishes it from
// its part file (rate counted over this run's bytes only), Discard forgets
// it. Rows name a tree's files below the job's destination folder, which a
// column of its own shows. The transfer log lists successes and failures
// with their reason, and saves them as CSV or text.
#include "modelcheck.h"
#include "support/agentprocess.h"

#include "core/client/session.h"
#include "core/copy/copyjob.h"
#include "core/net/auth.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/queuestore.h"
#include "ui/transferdock.h"
#include "ui/transferlog.h"
#include "ui/transferqueuemodel.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using Model = ferry::ui::TransferQueueModel;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kLimit = 512 * 1024; ///< download limit that holds a transfer back

} // namespace

class TestTransferQueue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void interruptedDownloadResumesInANewWindow();
    void discardForgetsSavedTransfers();
    void rowsShowDestinationAndRelativeNames();
    void logListsSuccessesAndFailures();

private:
    /// A new session and window on the agent, shown and listing.
    bool openWindow();
    void setDownloadLimit(qint64 bytesPerSecond);
    /// Starts a held-back download of big.bin and closes the window once
    /// part of it arrived, confirming the quit.
    void downloadPartlyAndQuit();
    bool waitForLastJob(int timeoutMs = 60000);
    QString agentKey() const { return ferry::ui::QueueStore::agentKey(m_session.get()); }
    QString dl() const { return m_agent->scratch() + u"/dl"_s; }

    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<ferry::client::Session> m_session;
    std::unique_ptr<ferry::ui::MainWindow> m_window;
    QPointer<ferry::copy::CopyJob> m_lastJob;
    qint64 m_partSize = 0;
};

void TestTransferQueue::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTransferQueue::init()
{
    QSettings().clear();
    QFile::remove(ferry::ui::QueueStore().path());
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    QVERIFY(QDir().mkpath(dl()));
    QVERIFY(writeRandomFile(m_agent->root() + u"/big.bin"_s, 3 * kMiB, 7));
}

void TestTransferQueue::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_agent.reset();
}

bool TestTransferQueue::openWindow()
{
    m_window.reset();
    m_session.reset();
    ferry::client::SessionOptions options;
    options.url = QUrl(m_agent->url());
    options.token = *ferry::net::auth::loadToken(m_agent->tokenFile(), false);
    m_session = std::make_unique<ferry::client::Session>(options);
    m_window = std::make_unique<ferry::ui::MainWindow>(m_session.get());
    checkModels(m_window.get());
    connect(m_window.get(), &ferry::ui::MainWindow::jobStarted, this, [this](ferry::copy::CopyJob *job) { m_lastJob = job; });
    QSignalSpy shown(m_window.get(), &ferry::ui::MainWindow::listingShown);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    m_session->open();
    return shown.wait(10000);
}

void TestTransferQueue::setDownloadLimit(qint64 bytesPerSecond)
{
    ferry::ui::Preferences preferences = m_window->preferences();
    preferences.downloadLimit = bytesPerSecond;
    m_window->applyPreferences(preferences);
}

bool TestTransferQueue::waitForLastJob(int timeoutMs)
{
    if (!m_lastJob)
        return false;
    QSignalSpy finished(m_lastJob.data(), &ferry::transfer::Job::finished);
    return m_lastJob->isFinished() || finished.wait(timeoutMs);
}

void TestTransferQueue::downloadPartlyAndQuit()
{
    QVERIFY(openWindow());
    setDownloadLimit(kLimit);
    Model *model = m_window->transferDock()->model();
    QVERIFY(m_window->download({u"big.bin"_s}, dl()));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1 && model->doneBytes(0) >= kMiB / 2, 20000);
    QCOMPARE(model->state(0), Model::State::Running);

    // Closing asks first, and says what becomes of the transfer.
    m_window->close();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"quitConfirmation"_s)) != nullptr);
    QVERIFY2(box->text().contains(u"resume"_s), qPrintable(box->text()));
    QVERIFY(m_window->isVisible());
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(!m_window->isVisible());

    // Saved as it stood: the job, for this agent.
    const QList<ferry::ui::SavedTransfer> saved = ferry::ui::QueueStore().saved(agentKey());
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().direction, ferry::copy::Direction::Download);
    QCOMPARE(saved.first().sources, QStringList{u"big.bin"_s});
    QCOMPARE(saved.first().destination, dl());
    m_window.reset();
    m_session.reset();
    const QFileInfo part(dl() + u"/.big.bin.ferry-part"_s);
    QVERIFY(part.exists());
    m_partSize = part.size();
    QVERIFY(m_partSize > 0);
    QVERIFY(!QFileInfo::exists(dl() + u"/big.bin"_s));
}

void TestTransferQueue::interruptedDownloadResumesInANewWindow()
{
    QVERIFY(openWindow());
    setDownloadLimit(kLimit);
    Model *model = m_window->transferDock()->model();
    QVERIFY(m_window->download({u"big.bin"_s}, dl()));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1 && model->doneBytes(0) >= kMiB / 2, 20000);

    // The agent goes away: the row waits for the connection, without a
    // rate or an ETA that would only decay and grow.
    m_agent->kill();
    QTRY_COMPARE_WITH_TIMEOUT(model->index(0, Model::StateColumn).data().toString(), u"Waiting for the connection"_s, 10000);
    QCOMPARE(model->index(0, Model::RateColumn).data().toString(), QString());
    QCOMPARE(model->index(0, Model::EtaColumn).data().toString(), QString());
    QCOMPARE(model->rate(0), 0.0);
    QCOMPARE(model->state(0), Model::State::Running);

    // Quit while it waits.
    m_window->close();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"quitConfirmation"_s)) != nullptr);
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(!m_window->isVisible());
    const QString key = agentKey();
    QCOMPARE(ferry::ui::QueueStore().saved(key).size(), 1);
    m_window.reset();
    m_session.reset();
    const QString partPath = dl() + u"/.big.bin.ferry-part"_s;
    const qint64 partSize = QFileInfo(partPath).size();
    QVERIFY(partSize >= kMiB / 2);

    // The next run with the same agent offers it.
    QVERIFY(m_agent->restart());
    QVERIFY(openWindow());
    QCOMPARE(agentKey(), key);
    setDownloadLimit(kLimit);
    model = m_window->transferDock()->model();
    ferry::ui::MessageBar *bar = m_window->transferDock()->messageBar();
    QTRY_VERIFY(bar->isVisible());
    QVERIFY2(bar->text().contains(u"1 transfer"_s), qPrintable(bar->text()));
    auto *resume = bar->findChild<QToolButton *>(u"resumeSaved"_s);
    QVERIFY(resume);
    QVERIFY(bar->findChild<QToolButton *>(u"discardSaved"_s));
    QCOMPARE(model->rowCount(), 0);

    double fastest = 0;
    qint64 resumedFrom = 0;
    connect(model, &QAbstractItemModel::dataChanged, this, [model, &fastest, &resumedFrom] {
        for (int row = 0; row < model->rowCount(); ++row) {
            fastest = std::max(fastest, model->rate(row));
            resumedFrom = std::max(resumedFrom, model->resumedFrom(row));
        }
    });
    resume->click();
    QVERIFY(m_lastJob);
    QTRY_VERIFY(bar->isHidden());
    QVERIFY(waitForLastJob());
    QVERIFY2(m_lastJob->succeeded(), qPrintable(m_lastJob->error().message));
    // Resumed from the part file, not started over.
    QVERIFY2(m_lastJob->resumedBytes() >= partSize, qPrintable(QString::number(m_lastJob->resumedBytes())));
    QCOMPARE(fileChecksum(dl() + u"/big.bin"_s), fileChecksum(m_agent->root() + u"/big.bin"_s));
    QVERIFY(!QFileInfo::exists(partPath));
    QTRY_COMPARE(model->state(0), Model::State::Done);
    QCOMPARE(model->resumedFrom(0), m_lastJob->resumedBytes());
    QCOMPARE(resumedFrom, m_lastJob->resumedBytes());
    // The rate counts this run's bytes: the offset it started from would
    // have shown as a burst many times the limit.
    QVERIFY(fastest > 0);
    QVERIFY2(fastest < 4.0 * double(kLimit), qPrintable(QString::number(fastest)));
    QVERIFY(double(partSize) > 4.0 * double(kLimit) * 0.2);

    // Nothing left to offer.
    QTRY_VERIFY(ferry::ui::QueueStore().saved(key).isEmpty());
    QVERIFY(m_window->queueStore()->saved(key).isEmpty());
}

void TestTransferQueue::discardForgetsSavedTransfers()
{
    downloadPartlyAndQuit();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(openWindow());
    ferry::ui::MessageBar *bar = m_window->transferDock()->messageBar();
    QTRY_VERIFY(bar->isVisible());
    auto *discard = bar->findChild<QToolButton *>(u"discardSaved"_s);
    QVERIFY(discard);
    discard->click();
    QTRY_VERIFY(bar->isHidden());
    QCOMPARE(m_window->transferDock()->model()->rowCount(), 0);
    QVERIFY(m_window->queueStore()->saved(agentKey()).isEmpty());
    QVERIFY(ferry::ui::QueueStore().saved(agentKey()).isEmpty());

    // And the next window has nothing to offer.
    QVERIFY(openWindow());
    QVERIFY(m_window->transferDock()->messageBar()->isHidden());
    QVERIFY(!QFileInfo::exists(dl() + u"/big.bin"_s));
}

void TestTransferQueue::rowsShowDestinationAndRelativeNames()
{
    for (const QString &dir : {u"tree/sub/dir"_s, u"tree/a"_s})
        QVERIFY(QDir().mkpath(m_agent->root() + u'/' + dir));
    for (const QString &file : {u"tree/sub/dir/f1.txt"_s, u"tree/a/f1.txt"_s, u"tree/f1.txt"_s})
        QVERIFY(writeRandomFile(m_agent->root() + u'/' + file, 100, 3));
    QVERIFY(QDir().mkpath(m_agent->root() + u"/inbox"_s));
    QVERIFY(QDir().mkpath(m_agent->scratch() + u"/up/x"_s));
    QVERIFY(writeRandomFile(m_agent->scratch() + u"/up/x/f1.txt"_s, 50, 4));
    QVERIFY(writeRandomFile(m_agent->scratch() + u"/up/f1.txt"_s, 50, 5));
    QVERIFY(openWindow());
    Model *model = m_window->transferDock()->model();

    QVERIFY(m_window->download({u"tree"_s}, dl()));
    QVERIFY(waitForLastJob());
    QVERIFY(m_window->upload({m_agent->scratch() + u"/up"_s}, u"inbox"_s));
    QVERIFY(waitForLastJob());
    QTRY_COMPARE(model->rowCount(), 5);
    QMap<QString, QString> rows; // name -> destination folder
    for (int row = 0; row < model->rowCount(); ++row)
        rows.insert(model->index(row, Model::NameColumn).data().toString(), model->index(row, Model::DestinationColumn).data().toString());
    const QMap<QString, QString> expected{{u"tree/sub/dir/f1.txt"_s, dl()},
                                          {u"tree/a/f1.txt"_s, dl()},
                                          {u"tree/f1.txt"_s, dl()},
                                          {u"up/x/f1.txt"_s, u":inbox"_s},
                                          {u"up/f1.txt"_s, u":inbox"_s}};
    QCOMPARE(rows, expected);
    QCOMPARE(model->headerData(Model::DestinationColumn, Qt::Horizontal).toString(), u"Destination"_s);
}

void TestTransferQueue::logListsSuccessesAndFailures()
{
    QVERIFY(writeRandomFile(m_agent->root() + u"/small.txt"_s, 10, 9));
    QVERIFY(openWindow());
    ferry::ui::TransferLog *log = m_window->transferLog();
    QCOMPARE(log->objectName(), u"transferLog"_s);
    // Shown and hidden from the View menu.
    QAction *toggle = m_window->findChild<QAction *>(u"showTransferLog"_s);
    QVERIFY(toggle);
    QVERIFY(!toggle->shortcut().isEmpty());
    if (log->isHidden())
        toggle->trigger();
    QTRY_VERIFY(log->isVisible());

    QVERIFY(m_window->download({u"small.txt"_s}, dl()));
    QVERIFY(waitForLastJob());
    QVERIFY(m_window->download({u"missing.txt"_s}, dl()));
    QVERIFY(waitForLastJob());
    QVERIFY(!m_lastJob->succeeded());
    const QString reason = m_lastJob->error().message;
    QVERIFY(!reason.isEmpty());

    QTRY_COMPARE(log->entries().size(), 2);
    QCOMPARE(log->view()->topLevelItemCount(), 2);
    const ferry::ui::TransferLog::Entry done = log->entries().at(0);
    QCOMPARE(done.state, Model::State::Done);
    QCOMPARE(done.source, u":small.txt"_s);
    QCOMPARE(done.destination, dl() + u"/small.txt"_s);
    QCOMPARE(done.size, qint64(10));
    QVERIFY(done.when.isValid());
    const ferry::ui::TransferLog::Entry failed = log->entries().at(1);
    QCOMPARE(failed.state, Model::State::Failed);
    QVERIFY(failed.source.contains(u"missing.txt"_s));
    QCOMPARE(failed.reason, reason);

    // Save Log… asks where, and writes CSV for a .csv name.
    const QString csv = m_agent->scratch() + u"/log.csv"_s;
    log->action(u"saveLog"_s)->trigger();
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = log->findChild<QFileDialog *>(u"saveLogDialog"_s)) != nullptr);
    dialog->selectFile(csv);
    QMetaObject::invokeMethod(dialog, "accept");
    QTRY_VERIFY(QFileInfo::exists(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(u"time,"_s));
    QVERIFY2(lines.at(1).contains(u",Done,10,:small.txt,"_s), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).contains(u",Failed,"_s) && lines.at(2).contains(u"missing.txt"_s), qPrintable(lines.at(2)));
    QVERIFY2(lines.at(2).contains(QString(reason).replace(u"\""_s, u"\"\""_s)), qPrintable(lines.at(2)));

    // Text for any other name.
    const QString text = m_agent->scratch() + u"/log.txt"_s;
    QVERIFY(log->saveTo(text));
    QFile textFile(text);
    QVERIFY(textFile.open(QIODevice::ReadOnly));
    const QString written = QString::fromUtf8(textFile.readAll());
    QVERIFY(written.contains(u"Done (Download)"_s));
    QVERIFY(written.contains(u"Failed (Download)"_s));
    QVERIFY(written.contains(reason));

    // Clear Log empties it.
    log->action(u"clearLog"_s)->trigger();
    QCOMPARE(log->entries().size(), 0);
    QCOMPARE(log->view()->topLevelItemCount(), 0);
    QVERIFY(!log->action(u"saveLog"_s)->isEnabled());
}

QTEST_MAIN(TestTransferQueue)
#include "tst_transferqueue.moc"
