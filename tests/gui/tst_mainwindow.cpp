// SPDX-License-Identifier: GPL-3.0-or-later
// The main window, offline and connected to a real agent.
#include "support/agentprocess.h"

#include "core/client/session.h"
#include "core/net/auth.h"
#include "ui/localbrowser.h"
#include "ui/mainwindow.h"
#include "ui/remotedirmodel.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Preferences and layout in a scratch location, from the defaults.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void constructsOffline();
    void browsesRemoteTree();
};

void TestMainWindow::constructsOffline()
{
    ferry::ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Offline: no remote pane yet, the local one and a way to connect.
    QVERIFY(!window.remoteView());
    QVERIFY(window.localBrowser()->isVisible());
    QVERIFY(window.action(QStringLiteral("connect"))->isEnabled());
    QVERIFY(!window.action(QStringLiteral("disconnect"))->isEnabled());
    auto *label = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Offline"));
}

void TestMainWindow::browsesRemoteTree()
{
    AgentProcess agent;
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    QVERIFY(QDir().mkpath(agent.root() + QStringLiteral("/folder/inner")));
    QVERIFY(writeRandomFile(agent.root() + QStringLiteral("/file.txt"), 2048));

    ferry::client::SessionOptions options;
    options.url = QUrl(agent.url());
    options.token = *ferry::net::auth::loadToken(agent.tokenFile(), false);
    ferry::client::Session session(options);
    ferry::ui::MainWindow window(&session);
    QSignalSpy shown(&window, &ferry::ui::MainWindow::listingShown);
    window.show();
    session.open();
    QVERIFY(shown.wait(10000));

    auto *label = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QVERIFY(label->text().startsWith(QStringLiteral("Connected")));
    QTreeView *view = window.remoteView();
    QCOMPARE(view->model()->rowCount(), 2);
    // Folders sort first.
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("folder"));
    QCOMPARE(view->model()->index(1, 0).data().toString(), QStringLiteral("file.txt"));
    QCOMPARE(view->model()->index(1, 1).data().toString(), QStringLiteral("2.0 KiB"));

    // Activating a folder enters it.
    QSignalSpy loaded(window.remoteModel(), &ferry::ui::RemoteDirModel::loaded);
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(window.currentPath(), QStringLiteral("folder"));
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("inner"));
    QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("location"))->text(), QStringLiteral("/folder"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
