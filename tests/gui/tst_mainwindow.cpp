// SPDX-License-Identifier: GPL-3.0-or-later
// The main window, offline and connected to a real agent: browsing, the
// breadcrumb bar, a folder of 10,000 entries, names for every control, and
// both a light and a dark palette.
#include "modelcheck.h"
#include "support/agentprocess.h"

#include "core/client/session.h"
#include "core/net/auth.h"
#include "ui/localbrowser.h"
#include "ui/locationbar.h"
#include "ui/mainwindow.h"
#include "ui/remotebrowser.h"
#include "ui/remotedirmodel.h"
#include "ui/transferdock.h"
#include "core/copy/copyjob.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QWidgetAction>
#include <QTreeView>

#include <cmath>
#include <memory>

namespace {

/// WCAG relative luminance contrast of two colours (1 to 21).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0x10, 0x10, 0x10));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

struct Connected {
    std::unique_ptr<AgentProcess> agent = std::make_unique<AgentProcess>();
    std::unique_ptr<ferry::client::Session> session;
    std::unique_ptr<ferry::ui::MainWindow> window;

    bool open()
    {
        if (!agent->start())
            return false;
        ferry::client::SessionOptions options;
        options.url = QUrl(agent->url());
        options.token = *ferry::net::auth::loadToken(agent->tokenFile(), false);
        session = std::make_unique<ferry::client::Session>(options);
        window = std::make_unique<ferry::ui::MainWindow>(session.get());
        checkModels(window.get());
        QSignalSpy shown(window.get(), &ferry::ui::MainWindow::listingShown);
        window->show();
        session->open();
        return shown.wait(10000);
    }
    ~Connected()
    {
        window.reset();
        session.reset();
    }
};

} // namespace

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
    void breadcrumbs();
    void largeFolderStreamsIn();
    void everyControlIsNamed();
    void palettesReadable_data();
    void palettesReadable();
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

void TestMainWindow::breadcrumbs()
{
    Connected c;
    QVERIFY(QDir().mkpath(c.agent->root() + QStringLiteral("/a/b/c")));
    QVERIFY(c.open());
    ferry::ui::RemoteBrowser *browser = c.window->remoteBrowser();
    ferry::ui::LocationBar *bar = browser->locationBar();
    QSignalSpy changed(browser, &ferry::ui::RemoteBrowser::pathChanged);
    browser->openPath(QStringLiteral("a/b/c"));
    QVERIFY(changed.wait(5000));
    QCOMPARE(bar->crumbs().size(), 4); // root, a, b, c
    QCOMPARE(bar->crumbs().at(2)->text(), QStringLiteral("b"));
    QVERIFY(!bar->crumbs().at(2)->accessibleName().isEmpty());
    bar->crumbs().at(1)->click();
    QVERIFY(changed.wait(5000));
    QCOMPARE(browser->currentPath(), QStringLiteral("a"));
    // Up at an ancestor, the way back down stays (Dolphin's trail).
    QCOMPARE(bar->crumbs().size(), 4);
    QVERIFY(bar->crumbs().at(1)->font().bold());
    QVERIFY(!bar->crumbs().at(3)->font().bold());
    bar->crumbs().at(3)->click();
    QVERIFY(changed.wait(5000));
    QCOMPARE(browser->currentPath(), QStringLiteral("a/b/c"));
    // Off the trail, it is the new path's alone.
    browser->openPath(QString());
    QVERIFY(changed.wait(5000));
    QCOMPARE(bar->crumbs().size(), 4);
    QVERIFY(QDir().mkpath(c.agent->root() + QStringLiteral("/d")));
    browser->openPath(QStringLiteral("d"));
    QVERIFY(changed.wait(5000));
    QCOMPARE(bar->crumbs().size(), 2);
    browser->openPath(QStringLiteral("a"));
    QVERIFY(changed.wait(5000));

    // Ctrl+L: a path to type; Escape gives the crumbs back.
    browser->action(QStringLiteral("editLocation"))->trigger();
    QVERIFY(bar->isEditing());
    QTest::keyClick(bar->lineEdit(), Qt::Key_Escape);
    QVERIFY(!bar->isEditing());
    browser->action(QStringLiteral("editLocation"))->trigger();
    bar->lineEdit()->clear();
    QTest::keyClicks(bar->lineEdit(), QStringLiteral(":/a/b/"));
    QTest::keyClick(bar->lineEdit(), Qt::Key_Return);
    QVERIFY(changed.wait(5000));
    QCOMPARE(browser->currentPath(), QStringLiteral("a/b"));
    QVERIFY(!bar->isEditing());
}

void TestMainWindow::largeFolderStreamsIn()
{
    // 10,000 entries arrive page by page: the view has rows before the
    // listing is complete, and every entry is there in the end, sorted.
    Connected c;
    const QString big = c.agent->root() + QStringLiteral("/big");
    QVERIFY(QDir().mkpath(big));
    for (int i = 0; i < 10000; ++i) {
        QFile f(big + QStringLiteral("/entry-%1.dat").arg(i, 5, 10, QLatin1Char('0')));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QVERIFY(c.open());
    ferry::ui::RemoteDirModel *model = c.window->remoteModel();
    int inserts = 0;
    connect(model, &QAbstractItemModel::rowsInserted, this, [&inserts] { ++inserts; });
    QSignalSpy loaded(model, &ferry::ui::RemoteDirModel::loaded);
    c.window->openPath(QStringLiteral("big"));
    QVERIFY(loaded.wait(20000));
    QCOMPARE(model->rowCount(), 10000);
    QVERIFY2(inserts > 1, "the listing arrived as one block");
    QTreeView *view = c.window->remoteView();
    QCOMPARE(view->model()->rowCount(), 10000);
    view->sortByColumn(ferry::ui::RemoteDirModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("entry-09999.dat"));
    QVERIFY(!view->model()->index(0, ferry::ui::RemoteDirModel::TypeColumn).data().toString().isEmpty());
}

void TestMainWindow::everyControlIsNamed()
{
    // Keyboard and screen-reader users need a name on every action and on
    // every control that has no visible label of its own.
    Connected c;
    QVERIFY(c.open());
    QStringList unnamed;
    // What a user can reach: menus, tool bars and context menus.
    QList<QPair<QWidget *, QAction *>> reachable;
    for (QWidget *widget : c.window->findChildren<QWidget *>())
        for (QAction *action : widget->objectName().startsWith(QStringLiteral("qt_")) ? QList<QAction *>() : widget->actions())
            reachable.append({widget, action});
    for (const auto &[widget, action] : std::as_const(reachable)) {
        // Widgets placed on tool bars are named themselves (checked below);
        // Qt's own line-edit buttons are Qt's.
        if (action->isSeparator() || qobject_cast<QWidgetAction *>(action) || action->objectName().startsWith(QStringLiteral("_q_")))
            continue;
        if (action->text().remove(u'&').trimmed().isEmpty())
            unnamed.append(QStringLiteral("action in ") + QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName());
    }
    const auto check = [&unnamed](QWidget *widget) {
        if (widget->isVisible() && widget->accessibleName().isEmpty())
            unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName());
    };
    for (QAbstractItemView *view : c.window->findChildren<QAbstractItemView *>())
        if (view->objectName().size() && !view->objectName().startsWith(QStringLiteral("qt_")))
            check(view);
    for (QLineEdit *edit : c.window->findChildren<QLineEdit *>())
        if (!qobject_cast<QAbstractSpinBox *>(edit->parentWidget()))
            check(edit);
    for (QAbstractSpinBox *box : c.window->findChildren<QAbstractSpinBox *>())
        check(box);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    // Every menu command is reachable from the keyboard.
    for (const char *name : {"connect", "uploadFiles", "showLocalPane", "preferences", "quit"})
        QVERIFY2(!c.window->action(QLatin1StringView(name))->shortcut().isEmpty(), name);
}

void TestMainWindow::palettesReadable_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestMainWindow::palettesReadable()
{
    // Every colour the window uses comes from the palette (no style sheets,
    // no fixed colours), and the palette's text roles stand out from their
    // backgrounds. With FERRY_SCREENSHOT_DIR set, the window is saved for a
    // look.
    QFETCH(bool, dark);
    const QPalette original = QApplication::palette();
    if (dark)
        QApplication::setPalette(darkPalette());
    Connected c;
    QVERIFY(c.open());
    // A finished row in the queue, with its progress bar.
    QVERIFY(QDir().mkpath(c.agent->scratch()));
    QVERIFY(writeRandomFile(c.agent->scratch() + QStringLiteral("/shown.bin"), 100000, 3));
    ferry::copy::CopyJob *job = c.window->upload({c.agent->scratch() + QStringLiteral("/shown.bin")}, QString());
    QSignalSpy done(job, &ferry::transfer::Job::finished);
    QVERIFY(done.wait(10000));
    for (QWidget *widget : c.window->findChildren<QWidget *>())
        QVERIFY2(widget->styleSheet().isEmpty(), qPrintable(widget->objectName()));
    const QPalette p = c.window->remoteView()->palette();
    const QList<QPair<QPalette::ColorRole, QPalette::ColorRole>> pairs{
        {QPalette::Text, QPalette::Base},         {QPalette::Text, QPalette::AlternateBase}, {QPalette::WindowText, QPalette::Window},
        {QPalette::ButtonText, QPalette::Button}, {QPalette::HighlightedText, QPalette::Highlight},
    };
    // 4.5:1 for text; 3:1 for the selection, as WCAG asks of large text and
    // interface parts (Qt's own light default selection is about 3.6:1).
    for (const auto &[text, background] : pairs) {
        const double needed = background == QPalette::Highlight ? 3.0 : 4.5;
        QVERIFY2(contrast(p.color(text), p.color(background)) >= needed, qPrintable(QStringLiteral("%1 on %2").arg(int(text)).arg(int(background))));
    }
    const QString dir = qEnvironmentVariable("FERRY_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(c.window->grab().save(dir + (dark ? QStringLiteral("/window-dark.png") : QStringLiteral("/window-light.png"))));
    c.window.reset();
    QApplication::setPalette(original);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
