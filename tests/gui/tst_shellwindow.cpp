// SPDX-License-Identifier: GPL-3.0-or-later
// The window reaches the remote through a command: chosen in the connection
// dialog, the agent uploaded (with its progress in the status bar) on the
// first connection and found in the remote's cache on the next, the remote
// folder listed, and the status bar and title saying how the window is
// connected. The "remote" is a plain local sh whose cache is a scratch
// folder; the agent brought along is the one built here.
#include "core/client/session.h"
#include "ui/connectdialog.h"
#include "ui/connectionindicator.h"
#include "ui/mainwindow.h"
#include "ui/remotedirmodel.h"
#include "ui/shelltarget.h"
#include "ui/sitestore.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using ferry::ui::ConnectDialog;
using ferry::ui::ConnectionKind;
using ferry::ui::MainWindow;

namespace {

const QString kAgent = QStringLiteral(FERRY_BIN_DIR "/ferry-agent");

QString quoted(const QString &text)
{
    QString s = text;
    s.replace(u'\'', u"'\\''"_s);
    return u'\'' + s + u'\'';
}

/// Counts the times a widget was shown, however briefly.
class ShowCounter final : public QObject
{
public:
    explicit ShowCounter(QWidget *widget)
        : QObject(widget)
    {
        widget->installEventFilter(this);
    }
    int shown = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Show)
            ++shown;
        return false;
    }
};

/// What the session a dialog opens reports, watched from its first moment
/// (the session starts as the dialog is accepted).
struct Attempt {
    std::unique_ptr<QSignalSpy> progress;
    std::unique_ptr<QSignalSpy> failed;

    void watch(ConnectDialog *dialog, MainWindow *window)
    {
        // After the window's own slot, which opens the session.
        QObject::connect(dialog, &QDialog::accepted, window, [this, window] {
            progress = std::make_unique<QSignalSpy>(window->session(), &ferry::client::Session::bootstrapProgress);
            failed = std::make_unique<QSignalSpy>(window->session(), &ferry::client::Session::failed);
        });
    }
};

/// The connection dialog the window just opened (an earlier one may not be
/// deleted yet).
ConnectDialog *openDialog(MainWindow &window)
{
    window.showConnectDialog();
    for (ConnectDialog *dialog : window.findChildren<ConnectDialog *>())
        if (dialog->isVisible())
            return dialog;
    return nullptr;
}

QStringList remoteNames(const MainWindow &window)
{
    QStringList names;
    const QAbstractItemModel *model = window.remoteView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, 0).data().toString());
    return names;
}

} // namespace

class TestShellWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void connectsThroughCommand();
    void failureIsShown();
    void titleNamesTarget_data();
    void titleNamesTarget();
    void screenshots();

private:
    /// Opens the window's connection dialog, chooses the command kind and
    /// connects with @p command and @p remoteRoot.
    static bool connectThroughDialog(MainWindow &window, const QString &command, const QString &remoteRoot, Attempt &attempt);
    QString command() const { return u"env XDG_CACHE_HOME="_s + quoted(m_dir->filePath(u"cache"_s)) + u" sh"_s; }
    QString root() const { return m_dir->filePath(u"root"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestShellWindow::initTestCase()
{
    // Preferences, sites and layout in a scratch location, from the defaults.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    // The agent to bring along: the plain one built here, which runs where
    // the tests run, so the portable build is not needed.
    QVERIFY2(QFileInfo(kAgent).isExecutable(), qPrintable(kAgent));
    qputenv("FERRY_PORTABLE_AGENT", kAgent.toLocal8Bit());
}

void TestShellWindow::init()
{
    // A fresh remote cache: every test starts cold.
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir().mkpath(root() + u"/folder"_s));
    QFile hello(root() + u"/hello.txt"_s);
    QVERIFY(hello.open(QIODevice::WriteOnly));
    hello.write("hello\n");
}

bool TestShellWindow::connectThroughDialog(MainWindow &window, const QString &command, const QString &remoteRoot, Attempt &attempt)
{
    QPointer<ConnectDialog> dialog = openDialog(window);
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        return false;
    attempt.watch(dialog, &window);
    dialog->commandKindButton()->click();
    dialog->commandEdit()->setText(command);
    dialog->remoteRootEdit()->setText(remoteRoot);
    dialog->connectButton()->click();
    return attempt.progress != nullptr;
}

void TestShellWindow::connectsThroughCommand()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QProgressBar *bar = window.connectionIndicator()->bootstrapBar();
    QVERIFY(bar);
    auto *shows = new ShowCounter(bar);
    QSignalSpy shown(&window, &MainWindow::listingShown);

    // Cold: the agent is not on the remote yet, so it is uploaded first.
    Attempt cold;
    QVERIFY(connectThroughDialog(window, command(), root(), cold));
    ferry::client::Session *session = window.session();
    QVERIFY(session);
    QVERIFY(session->isShellSession());
    QCOMPARE(session->options().shellCommand, command());
    QCOMPARE(session->options().remoteRoot, root());
    QVERIFY(session->options().url.isEmpty());
    QVERIFY(shown.wait(120000));
    QCOMPARE(session->state(), ferry::client::Session::State::Connected);

    // The upload was reported in bytes of the agent's size, to the end, and
    // the progress bar was on screen while it ran and is gone now.
    const qint64 size = QFileInfo(kAgent).size();
    qint64 lastDone = -1;
    for (const QList<QVariant> &report : std::as_const(*cold.progress)) {
        if (report.at(0).toString() != "Uploading the agent"_L1)
            continue;
        QCOMPARE(report.at(2).toLongLong(), size);
        QVERIFY(report.at(1).toLongLong() >= lastDone);
        lastDone = report.at(1).toLongLong();
    }
    QCOMPARE(lastDone, size);
    QVERIFY(shows->shown >= 1);
    QVERIFY(!bar->isVisible());
    QCOMPARE(session->transportInfo().kind, u"shell"_s);
    QCOMPARE(session->transportInfo().agentUploadedBytes, size);

    // The remote folder is in the remote pane.
    QTRY_COMPARE(remoteNames(window), (QStringList{u"folder"_s, u"hello.txt"_s}));

    // The status bar says through what; the tool tip has all of it.
    ferry::ui::ConnectionIndicator *indicator = window.connectionIndicator();
    QTRY_VERIFY2(indicator->text().startsWith(u"Connected through env XDG_CACHE_HOME="_s), qPrintable(indicator->text()));
    QVERIFY2(indicator->toolTip().contains(command()), qPrintable(indicator->toolTip()));
    QVERIFY2(indicator->toolTip().contains(root()), qPrintable(indicator->toolTip()));
    QVERIFY2(indicator->toolTip().contains(u"Agent uploaded"_s), qPrintable(indicator->toolTip()));
    QVERIFY2(window.windowTitle().contains(u"env XDG_CACHE_HOME="_s), qPrintable(window.windowTitle()));
    QVERIFY2(window.windowTitle().endsWith(u" — Ferry"_s), qPrintable(window.windowTitle()));

    // The connection is remembered with its kind.
    const ferry::ui::RecentConnection recent = window.siteStore()->recent().value(0);
    QCOMPARE(recent.kind, ConnectionKind::Command);
    QCOMPARE(recent.command, command());
    QCOMPARE(recent.remoteRoot, root());

    // Disconnected, then again from the recent list: warm, nothing uploaded.
    window.action(u"disconnect"_s)->trigger();
    QTRY_COMPARE(indicator->text(), u"Offline"_s);
    QPointer<ConnectDialog> dialog = openDialog(window);
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // It opens on the connection the window had.
    QVERIFY(dialog->commandKindButton()->isChecked());
    QCOMPARE(dialog->commandEdit()->text(), command());
    dialog->setUrl(QUrl(u"ws://elsewhere:7707"_s));
    QCOMPARE(dialog->recentList()->count(), 1);
    dialog->recentList()->setCurrentRow(0);
    QVERIFY(dialog->commandKindButton()->isChecked());
    QCOMPARE(dialog->commandEdit()->text(), command());
    QCOMPARE(dialog->remoteRootEdit()->text(), root());
    const int showsBefore = shows->shown;
    shown.clear();
    Attempt warm;
    warm.watch(dialog, &window);
    dialog->connectButton()->click();
    QVERIFY(warm.progress);
    session = window.session();
    QVERIFY(shown.wait(60000));
    QVERIFY(!warm.progress->isEmpty()); // it did report its steps
    for (const QList<QVariant> &report : std::as_const(*warm.progress))
        QVERIFY2(report.at(0).toString() != "Uploading the agent"_L1, "the cached agent was uploaded again");
    QCOMPARE(session->transportInfo().agentUploadedBytes, 0);
    QCOMPARE(shows->shown, showsBefore);
    QTRY_COMPARE(remoteNames(window), (QStringList{u"folder"_s, u"hello.txt"_s}));
    QTRY_VERIFY(indicator->text().startsWith(u"Connected through "_s));
    QVERIFY2(indicator->toolTip().contains(u"found on the remote"_s), qPrintable(indicator->toolTip()));
    QCOMPARE(window.siteStore()->recent().size(), 1);
}

void TestShellWindow::failureIsShown()
{
    // The agent is uploaded, then cannot serve a folder that is not there:
    // the upload's progress goes, the reason stays in view.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QProgressBar *bar = window.connectionIndicator()->bootstrapBar();
    auto *shows = new ShowCounter(bar);
    const QString missing = m_dir->filePath(u"no-such-folder"_s);
    Attempt first;
    QVERIFY(connectThroughDialog(window, command(), missing, first));
    QVERIFY(first.failed->wait(120000));
    QVERIFY(shows->shown >= 1);
    QVERIFY(!bar->isVisible());
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains(u"did not start"_s), qPrintable(message));
    QVERIFY2(window.connectionIndicator()->text().startsWith(u"Offline: "_s), qPrintable(window.connectionIndicator()->text()));

    // A command that is no shell at all fails at once, and says so.
    Attempt second;
    QVERIFY(connectThroughDialog(window, u"exit 3"_s, QString(), second));
    QVERIFY(second.failed->wait(30000));
    QVERIFY2(window.statusBar()->currentMessage().contains(u"'exit 3' ended with status 3"_s), qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(!bar->isVisible());
}

void TestShellWindow::titleNamesTarget_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("target");
    QTest::newRow("ssh") << u"ssh -T host"_s << u"host"_s;
    QTest::newRow("ssh user, port, options") << u"ssh -p 2222 -o StrictHostKeyChecking=no -T me@lab.example"_s << u"me@lab.example"_s;
    QTest::newRow("ssh joined flags") << u"ssh -Tp2222 -i ~/.ssh/key lab"_s << u"lab"_s;
    QTest::newRow("ssh uri") << u"ssh -T ssh://me@lab:2222"_s << u"me@lab"_s;
    QTest::newRow("ssh by path") << u"/usr/bin/ssh -T -J jump host -- sh"_s << u"host"_s;
    QTest::newRow("kubectl") << u"kubectl exec -i POD -- sh"_s << u"POD"_s;
    QTest::newRow("kubectl namespace") << u"kubectl -n prod exec -i -c app web-0 -- sh"_s << u"web-0"_s;
    QTest::newRow("kubectl long options") << u"kubectl exec --namespace prod --container=app -i deploy/web -- sh"_s << u"deploy/web"_s;
    QTest::newRow("docker") << u"docker exec -i CTR sh"_s << u"CTR"_s;
    QTest::newRow("docker user") << u"docker exec -i -u root -w /srv db sh"_s << u"db"_s;
    QTest::newRow("podman") << u"podman exec -i --env A=1 box sh"_s << u"box"_s;
    QTest::newRow("plain sh") << u"sh"_s << QString();
    QTest::newRow("env with a path") << u"env XDG_CACHE_HOME=/tmp/ssh sh"_s << QString();
    QTest::newRow("single quotes") << u"ssh -T 'my host'"_s << u"my host"_s;
    QTest::newRow("double quotes") << u"ssh -o \"ProxyCommand nc %h %p\" \"lab\\\"1\""_s << u"lab\"1"_s;
    QTest::newRow("backslash") << u"docker exec -i my\\ box sh"_s << u"my box"_s;
    QTest::newRow("operator ends it") << u"true; ssh -T lab"_s << QString();
}

void TestShellWindow::titleNamesTarget()
{
    QFETCH(QString, command);
    QFETCH(QString, target);
    QCOMPARE(ferry::ui::shellTarget(command), target);
}

void TestShellWindow::screenshots()
{
    // For a look: the dialog in the command kind, the window while the
    // agent is uploaded and once connected, in the system's language
    // (LANGUAGE=de LC_ALL=de_DE.UTF-8 for German).
    const QString dir = qEnvironmentVariable("FERRY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set FERRY_SCREENSHOT_DIR to save the pictures");
    const QString language = QLocale().name().section(u'_', 0, 0);
    QTranslator ours;
    QTranslator qt;
    if (ours.load(QLocale(), u"ferry"_s, u"_"_s, QStringLiteral(FERRY_BIN_DIR "/..")))
        QCoreApplication::installTranslator(&ours);
    if (qt.load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
    const auto save = [&dir, &language](QWidget *widget, const QString &name) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        return widget->grab().save(dir + u'/' + name + u'-' + language + u".png"_s);
    };
    {
        MainWindow window;
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QPointer<ConnectDialog> dialog = openDialog(window);
        QVERIFY(dialog && QTest::qWaitForWindowExposed(dialog));
        dialog->commandKindButton()->click();
        dialog->commandEdit()->setText(command());
        dialog->remoteRootEdit()->setText(root());
        QVERIFY(save(dialog, u"connect-command"_s));
        dialog->agentKindButton()->click();
        QVERIFY(save(dialog, u"connect-agent"_s));
        dialog->commandKindButton()->click();
        bool midway = false;
        QSignalSpy shown(&window, &MainWindow::listingShown);
        connect(dialog, &QDialog::accepted, &window, [&] {
            connect(window.session(), &ferry::client::Session::bootstrapProgress, &window, [&](const QString &, qint64 done, qint64 total) {
                if (!midway && total > 0 && done * 2 >= total) {
                    midway = true;
                    save(&window, u"window-uploading"_s);
                }
            });
        });
        dialog->connectButton()->click();
        QVERIFY(shown.wait(120000));
        QTest::qWait(300); // the RTT sampled, the rows painted
        QVERIFY(save(&window, u"window-connected"_s));
        QVERIFY(midway);
    }
    QCoreApplication::removeTranslator(&ours);
    QCoreApplication::removeTranslator(&qt);
}

QTEST_MAIN(TestShellWindow)
#include "tst_shellwindow.moc"
