// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include <QLabel>
#include <QTest>
#include <QTreeView>

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void constructs();
};

void TestMainWindow::constructs()
{
    ferry::ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.remoteView()->isVisible());
    auto *label = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Offline"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
