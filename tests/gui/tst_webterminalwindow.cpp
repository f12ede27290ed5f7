// SPDX-License-Identifier: GPL-3.0-or-later
// The window reaches the remote through a web terminal: a real WeTTY and a
// real Jupyter Server, started here on 127.0.0.1, chosen in the connection
// dialog with their addresses as a browser shows them (Jupyter's token and
// all). The agent built here is brought along through the terminal, the
// remote folder is listed, and the status bar and title say how the window
// is connected. Then the same from the command line.
#include "core/client/session.h"
#include "core/client/webterminal.h"
#include "support/webterminalserver.h"
#include "ui/connectdialog.h"
#include "ui/connectionindicator.h"
#include "ui/mainwindow.h"
#include "ui/sitestore.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using ferry::ui::ConnectDialog;
using ferry::ui::ConnectionKind;
using ferry::ui::MainWindow;
using WebTerminalType = ferry::ui::WebTerminalAddress::Type;

namespace {

const QString kAgent = QStringLiteral(FERRY_BIN_DIR "/ferry-agent");
const QString kFerry = QStringLiteral(FERRY_BIN_DIR "/ferry");

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

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

} // namespace

class TestWebTerminalWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void connectsThroughDialog_data();
    void connectsThroughDialog();
    void commandLine_data();
    void commandLine();
    void commandLineRefuses_data();
    void commandLineRefuses();
    void screenshots();

private:
    void addServerRows();
    /// What the user pastes from the browser: WeTTY's page, or
    /// JupyterLab's with its token.
    QString pageAddress(const QString &server) const;
    QUrl sessionUrl(const QString &server) const;
    /// The folder the terminal starts in, and the one served below it.
    QString home(const QString &server) const { return m_dir.filePath(server); }
    QString served(const QString &server) const { return home(server) + u"/served"_s; }
    /// Fills the window's connection dialog for @p server; the dialog is
    /// left open.
    ConnectDialog *fillDialog(MainWindow &window, const QString &server, const QString &remoteRoot);

    QTemporaryDir m_dir;
    WettyServer m_wetty;
    JupyterServer m_jupyter;
    QByteArray m_token;
    QString m_tokenFile;
};

void TestWebTerminalWindow::initTestCase()
{
    // Preferences, sites and layout in a scratch location, from the defaults.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    // The agent to bring along: the plain one built here, which runs where
    // the terminals run, so the portable build is not needed.
    QVERIFY2(QFileInfo(kAgent).isExecutable(), qPrintable(kAgent));
    qputenv("FERRY_PORTABLE_AGENT", kAgent.toLocal8Bit());
    QVERIFY(m_dir.isValid());
    for (const QString &server : {u"wetty"_s, u"jupyter"_s}) {
        QVERIFY(QDir().mkpath(served(server) + u"/folder"_s));
        QVERIFY(writeFile(served(server) + u"/hello.txt"_s, "hello\n"));
    }
    QVERIFY2(m_wetty.start(home(u"wetty"_s)), qPrintable(m_wetty.errorString()));
    m_token = "c0ffee" + QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 16) + "5eed5eed5eed";
    m_tokenFile = m_dir.filePath(u"jupyter-token"_s);
    QVERIFY(writeFile(m_tokenFile, m_token + '\n'));
    QVERIFY2(m_jupyter.start(home(u"jupyter"_s), QString::fromLatin1(m_token)), qPrintable(m_jupyter.errorString()));
}

void TestWebTerminalWindow::cleanup()
{
    // A closed Jupyter terminal is deleted on the server in the background.
    ferry::client::JupyterChannel::finishCleanup(5000);
}

void TestWebTerminalWindow::cleanupTestCase()
{
    // The servers take their terminals, and the agents in them, along.
    m_wetty.stop();
    m_jupyter.stop();
}

void TestWebTerminalWindow::addServerRows()
{
    QTest::addColumn<QString>("server");
    QTest::newRow("wetty") << u"wetty"_s;
    QTest::newRow("jupyter") << u"jupyter"_s;
}

QString TestWebTerminalWindow::pageAddress(const QString &server) const
{
    if (server == "wetty"_L1)
        return u"http://127.0.0.1:%1/wetty"_s.arg(m_wetty.port());
    return u"http://127.0.0.1:%1/lab?token=%2"_s.arg(m_jupyter.port()).arg(QString::fromLatin1(m_token));
}

QUrl TestWebTerminalWindow::sessionUrl(const QString &server) const
{
    if (server == "wetty"_L1)
        return QUrl(u"wetty+ws://127.0.0.1:%1/wetty"_s.arg(m_wetty.port()));
    return QUrl(u"jupyter+http://127.0.0.1:%1/"_s.arg(m_jupyter.port()));
}

ConnectDialog *TestWebTerminalWindow::fillDialog(MainWindow &window, const QString &server, const QString &remoteRoot)
{
    ConnectDialog *dialog = openDialog(window);
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    dialog->webTerminalKindButton()->click();
    dialog->webTerminalTypeBox()->setCurrentIndex(server == "wetty"_L1 ? 0 : 1);
    dialog->webAddressEdit()->setFocus();
    dialog->webAddressEdit()->setText(pageAddress(server));
    dialog->remoteRootEdit()->setFocus(); // the address is tidied as it is left
    dialog->remoteRootEdit()->setText(remoteRoot);
    return dialog;
}

void TestWebTerminalWindow::connectsThroughDialog_data()
{
    addServerRows();
}

void TestWebTerminalWindow::connectsThroughDialog()
{
    QFETCH(QString, server);
    const bool jupyter = server == "jupyter"_L1;
    const QString typeName = jupyter ? u"Jupyter"_s : u"WeTTY"_s;
    const quint16 port = jupyter ? m_jupyter.port() : m_wetty.port();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(&window, &MainWindow::listingShown);

    // WeTTY serves a folder given relative to its shell's home; Jupyter one
    // given in full.
    const QString remoteRoot = jupyter ? served(server) : u"served"_s;
    QPointer<ConnectDialog> dialog = fillDialog(window, server, remoteRoot);
    QVERIFY(dialog);
    // What the browser showed is tidied: no token left in the address.
    QVERIFY2(!dialog->webAddressEdit()->text().contains(u"token"_s), qPrintable(dialog->webAddressEdit()->text()));
    QCOMPARE(dialog->jupyterTokenEdit()->text(), jupyter ? QString::fromLatin1(m_token) : QString());
    dialog->connectButton()->click();
    ferry::client::Session *session = window.session();
    QVERIFY(session);
    QVERIFY(session->isWebTerminalSession());
    QCOMPARE(session->options().url, sessionUrl(server));
    QCOMPARE(session->options().token, jupyter ? m_token : QByteArray());
    QCOMPARE(session->options().remoteRoot, remoteRoot);
    QVERIFY2(shown.wait(180000), qPrintable(session->lastError().message));
    QCOMPARE(session->state(), ferry::client::Session::State::Connected);
    QCOMPARE(session->transportInfo().kind, server);

    // The remote folder is in the remote pane.
    QTRY_COMPARE(remoteNames(window), (QStringList{u"folder"_s, u"hello.txt"_s}));

    // The status bar names the web terminal, then the heartbeat's round trip.
    ferry::ui::ConnectionIndicator *indicator = window.connectionIndicator();
    const QString through = u"Connected through %1 at 127.0.0.1:%2"_s.arg(typeName).arg(port);
    QTRY_VERIFY2(indicator->text().startsWith(through), qPrintable(indicator->text()));
    QSignalSpy sampled(session, &ferry::client::Session::rttSampled);
    QVERIFY(sampled.wait(30000));
    const auto lastRtt = [session] { return u" · %1 ms"_s.arg(session->rtt().last(), 0, 'f', 1); };
    QTRY_VERIFY2(indicator->text().endsWith(lastRtt()), qPrintable(indicator->text() + u" / "_s + lastRtt()));
    const QString tip = indicator->toolTip();
    QVERIFY2(tip.contains(u"Web terminal: %1, http://127.0.0.1:%2/"_s.arg(typeName).arg(port)), qPrintable(tip));
    QVERIFY2(tip.contains(u"Remote folder: "_s + remoteRoot), qPrintable(tip));
    QVERIFY2(tip.contains(u"Agent uploaded"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Heartbeat round trip: "_s), qPrintable(tip));
    QVERIFY2(!tip.contains(QString::fromLatin1(m_token)), qPrintable(tip));
    // The title names the terminal's host, like an agent's.
    QVERIFY2(window.windowTitle().startsWith(u"127.0.0.1:/"_s), qPrintable(window.windowTitle()));
    QVERIFY2(window.windowTitle().endsWith(u" — Ferry"_s), qPrintable(window.windowTitle()));

    // Remembered with its kind and folder, without the token.
    const ferry::ui::RecentConnection recent = window.siteStore()->recent().value(0);
    QCOMPARE(recent.kind, ConnectionKind::WebTerminal);
    QCOMPARE(recent.url, sessionUrl(server));
    QCOMPARE(recent.remoteRoot, remoteRoot);
    QFile settings(window.siteStore()->settingsFileName());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(!settings.readAll().contains(m_token));

    // Disconnected, the dialog opens again on this web terminal.
    window.action(u"disconnect"_s)->trigger();
    QTRY_COMPARE(indicator->text(), u"Offline"_s);
    dialog = openDialog(window);
    QVERIFY(dialog);
    QVERIFY(dialog->webTerminalKindButton()->isChecked());
    QCOMPARE(dialog->webTerminalTypeBox()->currentText(), typeName);
    QCOMPARE(dialog->webAddressEdit()->text(), jupyter ? u"http://127.0.0.1:%1/"_s.arg(port) : u"http://127.0.0.1:%1/wetty"_s.arg(port));
    QCOMPARE(dialog->remoteRootEdit()->text(), remoteRoot);
    dialog->reject();
}

void TestWebTerminalWindow::commandLine_data()
{
    addServerRows();
}

void TestWebTerminalWindow::commandLine()
{
    // ferry URL [--token-file FILE] [--remote-root DIR] connects at once;
    // --screenshot saves the window once the listing is shown, and quits.
    QFETCH(QString, server);
    const bool jupyter = server == "jupyter"_L1;
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString picture = scratch.filePath(u"window.png"_s);
    QStringList args{sessionUrl(server).toString(), u"--remote-root"_s, served(server), u"--screenshot"_s, picture};
    if (jupyter)
        args += {u"--token-file"_s, m_tokenFile};
    QProcess ferry;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, scratch.filePath(u"config"_s)); // its settings, not the user's
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    ferry.setProcessEnvironment(env);
    ferry.setProcessChannelMode(QProcess::MergedChannels);
    ferry.start(kFerry, args);
    QVERIFY2(ferry.waitForFinished(180000), "ferry did not quit");
    const QByteArray output = ferry.readAll();
    QVERIFY2(ferry.exitStatus() == QProcess::NormalExit && ferry.exitCode() == 0, output.constData());
    QVERIFY(!QImage(picture).isNull());
}

void TestWebTerminalWindow::commandLineRefuses_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("jupyter without its token") << QStringList{u"jupyter+http://127.0.0.1:1/"_s} << u"a Jupyter server needs its token: --token-file FILE"_s;
    QTest::newRow("wetty with a token") << QStringList{u"wetty+ws://127.0.0.1:1/wetty"_s, u"--token-file"_s, u"/dev/null"_s}
                                        << u"--token-file goes with an agent or a Jupyter server; WeTTY takes no token"_s;
    QTest::newRow("remote folder for an agent") << QStringList{u"ws://127.0.0.1:1"_s, u"--remote-root"_s, u"/srv"_s}
                                                << u"--remote-root goes with --shell-command or a web terminal's URL"_s;
}

void TestWebTerminalWindow::commandLineRefuses()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QProcess ferry;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"LANGUAGE"_s, u"en"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    ferry.setProcessEnvironment(env);
    ferry.start(kFerry, args);
    QVERIFY(ferry.waitForFinished(30000));
    QCOMPARE(ferry.exitCode(), 2);
    const QString error = QString::fromUtf8(ferry.readAllStandardError());
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestWebTerminalWindow::screenshots()
{
    // For a look: the dialog with WeTTY and with Jupyter filled in (beside
    // a saved site and recent connections of both), Jupyter's missing
    // token, and the window connected through Jupyter, in the system's
    // language (LANGUAGE=de LC_ALL=de_DE.UTF-8 for German).
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
        ferry::ui::Site site;
        site.name = u"notebook"_s;
        site.kind = ConnectionKind::WebTerminal;
        site.url = QUrl(u"jupyter+https://hub.example/user/me/"_s);
        site.remoteRoot = u"work"_s;
        window.siteStore()->saveSite(site);
        window.siteStore()->addRecent({QUrl(u"wetty+wss://term.example/wetty"_s), QString(), ConnectionKind::WebTerminal, QString(), u"/srv"_s});
        window.siteStore()->addRecent({site.url, site.name, ConnectionKind::WebTerminal, QString(), site.remoteRoot});
        QPointer<ConnectDialog> dialog = fillDialog(window, u"wetty"_s, u"served"_s);
        QVERIFY(dialog);
        QVERIFY(save(dialog, u"connect-wetty"_s));
        dialog->reject();
        dialog = fillDialog(window, u"jupyter"_s, served(u"jupyter"_s));
        QVERIFY(dialog);
        QVERIFY(save(dialog, u"connect-jupyter"_s));
        const QString token = dialog->jupyterTokenEdit()->text();
        dialog->jupyterTokenEdit()->clear();
        dialog->connectButton()->click();
        QVERIFY(!dialog->message().isEmpty());
        QVERIFY(save(dialog, u"connect-jupyter-no-token"_s));
        dialog->jupyterTokenEdit()->setText(token);
        QSignalSpy shown(&window, &MainWindow::listingShown);
        dialog->connectButton()->click();
        QVERIFY(shown.wait(180000));
        QSignalSpy sampled(window.session(), &ferry::client::Session::rttSampled);
        QVERIFY(sampled.wait(30000));
        QTest::qWait(300); // the rows painted
        QVERIFY(save(&window, u"window-webterminal"_s));
    }
    QCoreApplication::removeTranslator(&ours);
    QCoreApplication::removeTranslator(&qt);
}

QTEST_MAIN(TestWebTerminalWindow)
#include "tst_webterminalwindow.moc"
