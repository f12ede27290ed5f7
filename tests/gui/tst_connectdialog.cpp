// SPDX-License-Identifier: GPL-3.0-or-later
// The connection dialog, driven from the keyboard: what it produces on
// accept for each kind of connection (a Ferry agent, a command, a web
// terminal), the errors it shows instead, and that Tab reaches every
// control. Runs without a keychain service (no session bus), as on a bare
// machine.
#include "ui/connectdialog.h"
#include "ui/sitestore.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using ferry::ui::ConnectDialog;
using ferry::ui::ConnectionKind;
using ferry::ui::RecentConnection;
using ferry::ui::Site;
using ferry::ui::SiteStore;
using WebTerminalType = ferry::ui::WebTerminalAddress::Type;

namespace {

const QByteArray kToken = QByteArray("0123456789abcdef").repeated(4);

} // namespace

class TestConnectDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void connectsWithTokenFile();
    void keyboardOnlyWithMnemonics();
    void rejectsBadUrl_data();
    void rejectsBadUrl();
    void missingTokenFileIsShown();
    void pastedTokenWins();
    void shortPastedTokenIsShown();
    void savesSiteWithTokenFile();
    void pastedTokenWithoutKeychainAsksToGoOn();
    void selectingSiteFillsFields();
    void recentConnectionFillsUrl();
    void doubleClickConnects();
    void deletesSite();
    void keychainSiteWithoutKeychainIsShown();
    void tabReachesEveryControl();
    void everyControlIsNamed();
    void kindShowsItsFields();
    void connectsThroughCommand();
    void commandFromTheKeyboard();
    void rejectsEmptyCommand();
    void examplesFillTheCommand();
    void savesCommandSite();
    void selectingSiteSwitchesKind();
    void recentCommandShowsCommand();
    void commandTabOrder();
    void webTerminalShowsItsFields();
    void mapsWebTerminalAddress_data();
    void mapsWebTerminalAddress();
    void pastedJupyterAddressGivesUpItsToken();
    void rejectsBadWebAddress_data();
    void rejectsBadWebAddress();
    void jupyterNeedsItsToken();
    void savesWebTerminalSites();
    void recentWebTerminalFillsFields();
    void webTerminalFromTheKeyboard();
    void wrappedTextIsNotCut();

private:
    QString tokenFile() const { return m_dir->filePath(QStringLiteral("agent-token")); }
    std::unique_ptr<ConnectDialog> showDialog();
    static void type(QWidget *widget, const QString &text);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SiteStore> m_store;
};

void TestConnectDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestConnectDialog::init()
{
    m_store.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QFile file(tokenFile());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kToken + '\n');
    file.close();
    m_store = std::make_unique<SiteStore>(m_dir->filePath(QStringLiteral("ferry.ini")));
}

std::unique_ptr<ConnectDialog> TestConnectDialog::showDialog()
{
    auto dialog = std::make_unique<ConnectDialog>(m_store.get());
    dialog->show();
    if (!QTest::qWaitForWindowActive(dialog.get()))
        qWarning("the dialog did not become active");
    return dialog;
}

void TestConnectDialog::type(QWidget *widget, const QString &text)
{
    widget->setFocus();
    if (auto *edit = qobject_cast<QLineEdit *>(widget))
        edit->selectAll();
    QTest::keyClick(widget, Qt::Key_Delete);
    QTest::keyClicks(widget, text);
}

void TestConnectDialog::connectsWithTokenFile()
{
    auto dialog = showDialog();
    type(dialog->urlEdit(), QStringLiteral("ws://127.0.0.1:7707"));
    type(dialog->tokenFileEdit(), tokenFile());
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::keyClick(dialog->tokenFileEdit(), Qt::Key_Return); // the default button
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog->sessionOptions().url, QUrl(QStringLiteral("ws://127.0.0.1:7707")));
    QCOMPARE(dialog->sessionOptions().token, kToken);
    QVERIFY(dialog->sessionOptions().trustFingerprint.isEmpty());
    QVERIFY(dialog->siteName().isEmpty());
    QCOMPARE(dialog->recentConnection().url, QUrl(QStringLiteral("ws://127.0.0.1:7707")));
    // Recent keeps what connected: the window adds it then, not the dialog.
    QVERIFY(m_store->recent().isEmpty());
}

void TestConnectDialog::keyboardOnlyWithMnemonics()
{
    auto dialog = showDialog();
    QTest::keyClick(dialog.get(), Qt::Key_U, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), dialog->urlEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("wss://agent.example:8443"));
    QVERIFY(dialog->agentKindButton()->isChecked());
    QTest::keyClick(dialog.get(), Qt::Key_I, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), dialog->tokenFileEdit());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), tokenFile());
    QTest::keyClick(dialog.get(), Qt::Key_V, Qt::AltModifier); // toggles "Save as site"
    QTRY_VERIFY(dialog->saveSiteCheck()->isChecked());
    QTest::keyClick(dialog.get(), Qt::Key_M, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), dialog->siteNameEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("example"));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::keyClick(dialog.get(), Qt::Key_C, Qt::AltModifier);
    QTRY_COMPARE(accepted.count(), 1);
    QCOMPARE(dialog->sessionOptions().url, QUrl(QStringLiteral("wss://agent.example:8443")));
    QCOMPARE(dialog->sessionOptions().token, kToken);
    QCOMPARE(dialog->siteName(), QStringLiteral("example"));
}

void TestConnectDialog::rejectsBadUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QStringLiteral("Enter the agent's URL");
    QTest::newRow("http scheme") << QStringLiteral("http://host:7707") << QStringLiteral("must start with ws:// or wss://");
    QTest::newRow("no scheme") << QStringLiteral("host:7707") << QStringLiteral("must start with ws:// or wss://");
    QTest::newRow("no host") << QStringLiteral("ws://:7707") << QStringLiteral("no host name");
    QTest::newRow("port out of range") << QStringLiteral("ws://host:99999") << QStringLiteral("not a valid URL");
    QTest::newRow("port zero") << QStringLiteral("ws://host:0") << QStringLiteral("Port 0");
    QTest::newRow("space in host") << QStringLiteral("ws://my host:7707") << QStringLiteral("not a valid URL");
}

void TestConnectDialog::rejectsBadUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    auto dialog = showDialog();
    type(dialog->urlEdit(), url);
    type(dialog->tokenFileEdit(), tokenFile());
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QSignalSpy failed(dialog.get(), &ConnectDialog::failed);
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(failed.count(), 1);
    QVERIFY2(dialog->message().contains(expected), qPrintable(dialog->message()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(QApplication::focusWidget(), dialog->urlEdit());
}

void TestConnectDialog::missingTokenFileIsShown()
{
    auto dialog = showDialog();
    const QString missing = m_dir->filePath(QStringLiteral("no-such-token"));
    type(dialog->urlEdit(), QStringLiteral("ws://127.0.0.1:7707"));
    type(dialog->tokenFileEdit(), missing);
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 0);
    QVERIFY2(dialog->message().contains(missing) && dialog->message().contains(QStringLiteral("not found")), qPrintable(dialog->message()));
    QCOMPARE(QApplication::focusWidget(), dialog->tokenFileEdit());

    // With neither a file nor a pasted token, the dialog says what is missing.
    type(dialog->tokenFileEdit(), QString());
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 0);
    QVERIFY2(dialog->message().contains(QStringLiteral("token file or paste")), qPrintable(dialog->message()));
}

void TestConnectDialog::pastedTokenWins()
{
    auto dialog = showDialog();
    const QByteArray pasted = QByteArray("feedc0de").repeated(8);
    type(dialog->urlEdit(), QStringLiteral("ws://[::1]:7707"));
    type(dialog->tokenFileEdit(), m_dir->filePath(QStringLiteral("no-such-token")));
    type(dialog->tokenEdit(), QString::fromLatin1(pasted));
    QCOMPARE(dialog->tokenEdit()->echoMode(), QLineEdit::Password);
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::keyClick(dialog->tokenEdit(), Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog->sessionOptions().url.host(), QStringLiteral("::1"));
    QCOMPARE(dialog->sessionOptions().token, pasted);
}

void TestConnectDialog::shortPastedTokenIsShown()
{
    auto dialog = showDialog();
    type(dialog->urlEdit(), QStringLiteral("ws://127.0.0.1:7707"));
    type(dialog->tokenEdit(), QStringLiteral("abc"));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 0);
    QVERIFY2(dialog->message().contains(QStringLiteral("too short")), qPrintable(dialog->message()));
    QCOMPARE(QApplication::focusWidget(), dialog->tokenEdit());
}

void TestConnectDialog::savesSiteWithTokenFile()
{
    auto dialog = showDialog();
    type(dialog->urlEdit(), QStringLiteral("ws://10.1.2.3:7707"));
    type(dialog->tokenFileEdit(), tokenFile());
    QVERIFY(!dialog->siteNameEdit()->isEnabled());
    dialog->saveSiteCheck()->setChecked(true);
    QVERIFY(dialog->siteNameEdit()->isEnabled());

    // A name is required.
    dialog->connectButton()->click();
    QVERIFY2(dialog->message().contains(QStringLiteral("name")), qPrintable(dialog->message()));
    QCOMPARE(QApplication::focusWidget(), dialog->siteNameEdit());

    type(dialog->siteNameEdit(), QStringLiteral("lab"));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog->siteName(), QStringLiteral("lab"));
    const std::optional<Site> saved = m_store->site(QStringLiteral("lab"));
    QVERIFY(saved);
    QCOMPARE(saved->url, QUrl(QStringLiteral("ws://10.1.2.3:7707")));
    QCOMPARE(saved->tokenFile, tokenFile());
    QVERIFY(!saved->tokenInKeychain);
    QCOMPARE(dialog->recentConnection().siteName, QStringLiteral("lab"));
}

void TestConnectDialog::pastedTokenWithoutKeychainAsksToGoOn()
{
    auto dialog = showDialog();
    const QByteArray pasted = QByteArray("5ec4e7").repeated(11);
    type(dialog->urlEdit(), QStringLiteral("ws://10.1.2.3:7707"));
    type(dialog->tokenFileEdit(), QString());
    type(dialog->tokenEdit(), QString::fromLatin1(pasted));
    dialog->saveSiteCheck()->setChecked(true);
    type(dialog->siteNameEdit(), QStringLiteral("pasted"));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QSignalSpy failed(dialog.get(), &ConnectDialog::failed);
    dialog->connectButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(accepted.count(), 0);
    QVERIFY2(dialog->message().contains(QStringLiteral("The system keychain is not available, so the token cannot be saved; you will be asked for it next time.")),
             qPrintable(dialog->message()));
    // The site is saved all the same, without the secret.
    const std::optional<Site> saved = m_store->site(QStringLiteral("pasted"));
    QVERIFY(saved);
    QVERIFY(!saved->tokenInKeychain);
    QVERIFY(saved->tokenFile.isEmpty());
    QFile settings(m_store->settingsFileName());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(!settings.readAll().contains(pasted));

    // Connect again goes on with the pasted token.
    QVERIFY(dialog->connectButton()->isEnabled());
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog->sessionOptions().token, pasted);
}

void TestConnectDialog::selectingSiteFillsFields()
{
    Site pinned;
    pinned.name = QStringLiteral("pinned");
    pinned.url = QUrl(QStringLiteral("wss://secure.example:7707"));
    pinned.tokenFile = tokenFile();
    pinned.fingerprint = QByteArray(32, '\x5a');
    m_store->saveSite(pinned);
    auto dialog = showDialog();
    QCOMPARE(QApplication::focusWidget(), dialog->siteList());
    QCOMPARE(dialog->siteList()->count(), 1);
    QTest::keyClick(dialog->siteList(), Qt::Key_Down);
    if (dialog->siteList()->selectedItems().isEmpty())
        QTest::keyClick(dialog->siteList(), Qt::Key_Space);
    QCOMPARE(dialog->urlEdit()->text(), QStringLiteral("wss://secure.example:7707"));
    QCOMPARE(dialog->tokenFileEdit()->text(), tokenFile());
    QVERIFY(dialog->deleteSiteButton()->isEnabled());
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::keyClick(dialog->siteList(), Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog->siteName(), QStringLiteral("pinned"));
    QCOMPARE(dialog->sessionOptions().trustFingerprint, pinned.fingerprint);
    QCOMPARE(dialog->sessionOptions().token, kToken);
}

void TestConnectDialog::recentConnectionFillsUrl()
{
    m_store->addRecent({QUrl(QStringLiteral("ws://recent.example:7707")), QString()});
    auto dialog = showDialog();
    QCOMPARE(dialog->recentList()->count(), 1);
    dialog->recentList()->setFocus();
    QTest::keyClick(dialog->recentList(), Qt::Key_Down);
    if (dialog->recentList()->selectedItems().isEmpty())
        QTest::keyClick(dialog->recentList(), Qt::Key_Space);
    QCOMPARE(dialog->urlEdit()->text(), QStringLiteral("ws://recent.example:7707"));
}

void TestConnectDialog::doubleClickConnects()
{
    Site site;
    site.name = QStringLiteral("lab");
    site.url = QUrl(QStringLiteral("ws://127.0.0.1:7707"));
    site.tokenFile = tokenFile();
    m_store->saveSite(site);
    auto dialog = showDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QListWidget *sites = dialog->siteList();
    QCOMPARE(sites->count(), 1);
    const QRect rect = sites->visualItemRect(sites->item(0));
    QTest::mouseClick(sites->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(sites->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(accepted.count(), 1);
    QCOMPARE(dialog->sessionOptions().url, site.url);
    QCOMPARE(dialog->sessionOptions().token, kToken);
    QCOMPARE(dialog->siteName(), QStringLiteral("lab"));
}

void TestConnectDialog::deletesSite()
{
    Site doomed;
    doomed.name = QStringLiteral("doomed");
    doomed.url = QUrl(QStringLiteral("ws://old:7707"));
    m_store->saveSite(doomed);
    auto dialog = showDialog();
    QVERIFY(!dialog->deleteSiteButton()->isEnabled());
    QVERIFY(dialog->selectSite(QStringLiteral("doomed")));
    QVERIFY(dialog->deleteSiteButton()->isEnabled());
    dialog->deleteSiteButton()->setFocus();
    QTest::keyClick(dialog->deleteSiteButton(), Qt::Key_Space);
    QVERIFY(m_store->sites().isEmpty());
    QCOMPARE(dialog->siteList()->count(), 0);
    QVERIFY(!dialog->deleteSiteButton()->isEnabled());
}

void TestConnectDialog::keychainSiteWithoutKeychainIsShown()
{
    Site kept;
    kept.name = QStringLiteral("kept");
    kept.url = QUrl(QStringLiteral("ws://kept:7707"));
    kept.tokenInKeychain = true;
    m_store->saveSite(kept);
    auto dialog = showDialog();
    QVERIFY(dialog->selectSite(QStringLiteral("kept")));
    QVERIFY(dialog->tokenFileEdit()->text().isEmpty());
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QSignalSpy failed(dialog.get(), &ConnectDialog::failed);
    dialog->connectButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(accepted.count(), 0);
    QVERIFY2(dialog->message().contains(QStringLiteral("keychain")) && dialog->message().contains(QStringLiteral("Paste the token")),
             qPrintable(dialog->message()));
}

void TestConnectDialog::tabReachesEveryControl()
{
    m_store->saveSite(Site{QStringLiteral("a"), QUrl(QStringLiteral("ws://a:1")), {}, {}, false});
    auto dialog = showDialog();
    QVERIFY(dialog->selectSite(QStringLiteral("a"))); // enables Delete
    dialog->saveSiteCheck()->setChecked(true);       // enables the name
    QPushButton *cancel = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
    // Of the two kinds only the chosen one is a tab stop.
    const QList<QWidget *> expected{dialog->siteList(),      dialog->deleteSiteButton(), dialog->recentList(), dialog->agentKindButton(),
                                    dialog->urlEdit(),       dialog->tokenFileEdit(),    dialog->browseButton(), dialog->tokenEdit(),
                                    dialog->saveSiteCheck(), dialog->siteNameEdit(),     dialog->connectButton(), cancel};
    dialog->siteList()->setFocus();
    QList<QWidget *> visited{QApplication::focusWidget()};
    for (qsizetype i = 1; i <= expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited.append(QApplication::focusWidget());
    }
    // Every control once, in reading order, and back to the start.
    QCOMPARE(visited.mid(0, expected.size()), expected);
    QCOMPARE(visited.last(), dialog->siteList());
}

void TestConnectDialog::everyControlIsNamed()
{
    auto dialog = showDialog();
    int checked = 0;
    for (const ConnectionKind kind : {ConnectionKind::Agent, ConnectionKind::Command, ConnectionKind::WebTerminal}) {
        dialog->setKind(kind);
        for (const WebTerminalType type : {WebTerminalType::Wetty, WebTerminalType::Jupyter}) {
            dialog->form()->setWebTerminalType(type);
            for (QWidget *widget : dialog->findChildren<QWidget *>()) {
                if (widget->focusPolicy() == Qt::NoFocus || qobject_cast<QLabel *>(widget) || !widget->isVisibleTo(dialog.get()))
                    continue;
                const QWidget *parent = widget->parentWidget();
                if (parent != dialog.get() && parent != dialog->form() && !qobject_cast<QDialogButtonBox *>(widget->parentWidget()))
                    continue; // internals of composite widgets, e.g. a list's viewport
                QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
                ++checked;
            }
        }
    }
    QVERIFY(checked > 40);
    // Labels lead to their fields: the lists, the agent's URL and token
    // (file, pasted), the command, the web terminal's type and address and
    // Jupyter's token (file, pasted), the remote folder, the site's name.
    int buddies = 0;
    for (QLabel *label : dialog->findChildren<QLabel *>())
        buddies += label->buddy() ? 1 : 0;
    QCOMPARE(buddies, 12);
}

void TestConnectDialog::kindShowsItsFields()
{
    auto dialog = showDialog();
    const QList<QWidget *> agentFields{dialog->urlEdit(), dialog->tokenFileEdit(), dialog->browseButton(), dialog->tokenEdit()};
    const QList<QWidget *> commandFields{dialog->commandEdit(), dialog->examplesButton(), dialog->remoteRootEdit()};
    const auto shown = [](const QList<QWidget *> &fields, bool visible) {
        for (QWidget *field : fields) {
            if (field->isVisible() != visible)
                return false;
            // The label goes with its field.
            for (QLabel *label : field->parentWidget()->findChildren<QLabel *>())
                if (label->buddy() == field && label->isVisible() != visible)
                    return false;
        }
        return true;
    };
    QVERIFY(dialog->agentKindButton()->isChecked());
    QVERIFY(shown(agentFields, true));
    QVERIFY(shown(commandFields, false));

    dialog->commandKindButton()->click();
    QCOMPARE(dialog->kind(), ConnectionKind::Command);
    QVERIFY(shown(agentFields, false));
    QVERIFY(shown(commandFields, true));
    // The hint says what the command has to be.
    bool hinted = false;
    for (QLabel *label : dialog->findChildren<QLabel *>())
        hinted |= label->isVisible() && label->text().contains(QStringLiteral("/bin/sh -c"));
    QVERIFY(hinted);
    // The fields that stay whatever the kind.
    QVERIFY(dialog->saveSiteCheck()->isVisible());
    QVERIFY(dialog->siteNameEdit()->isVisible());

    dialog->agentKindButton()->click();
    QVERIFY(shown(agentFields, true));
    QVERIFY(shown(commandFields, false));
}

void TestConnectDialog::connectsThroughCommand()
{
    auto dialog = showDialog();
    dialog->commandKindButton()->click();
    type(dialog->commandEdit(), QStringLiteral("  ssh -T build@10.0.0.7  "));
    type(dialog->remoteRootEdit(), QStringLiteral("/srv/data"));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::keyClick(dialog->remoteRootEdit(), Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    const ferry::client::SessionOptions &options = dialog->sessionOptions();
    QCOMPARE(options.shellCommand, QStringLiteral("ssh -T build@10.0.0.7"));
    QCOMPARE(options.remoteRoot, QStringLiteral("/srv/data"));
    // Nothing of the other kinds comes along, whatever their fields held.
    QVERIFY(options.url.isEmpty());
    QVERIFY(options.token.isEmpty());
    QVERIFY(options.agentBundle.isEmpty());
    QVERIFY(dialog->siteName().isEmpty());
    const RecentConnection recent = dialog->recentConnection();
    QCOMPARE(recent.kind, ConnectionKind::Command);
    QCOMPARE(recent.command, QStringLiteral("ssh -T build@10.0.0.7"));
    QCOMPARE(recent.remoteRoot, QStringLiteral("/srv/data"));

    // The remote folder may stay empty: the shell's working directory.
    auto again = showDialog();
    again->setShellCommand(QStringLiteral("docker exec -i web sh"), QString());
    again->connectButton()->click();
    QCOMPARE(again->result(), int(QDialog::Accepted));
    QCOMPARE(again->sessionOptions().shellCommand, QStringLiteral("docker exec -i web sh"));
    QVERIFY(again->sessionOptions().remoteRoot.isEmpty());
}

void TestConnectDialog::commandFromTheKeyboard()
{
    auto dialog = showDialog();
    QTest::keyClick(dialog.get(), Qt::Key_O, Qt::AltModifier); // the command kind
    QTRY_VERIFY(dialog->commandKindButton()->isChecked());
    QTest::keyClick(dialog.get(), Qt::Key_L, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), dialog->commandEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("kubectl exec -i web-0 -- sh"));
    QTest::keyClick(dialog.get(), Qt::Key_F, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), dialog->remoteRootEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("data"));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::keyClick(dialog.get(), Qt::Key_C, Qt::AltModifier);
    QTRY_COMPARE(accepted.count(), 1);
    QCOMPARE(dialog->sessionOptions().shellCommand, QStringLiteral("kubectl exec -i web-0 -- sh"));
    QCOMPARE(dialog->sessionOptions().remoteRoot, QStringLiteral("data"));
    // Back to the agent kind: Alt+A.
    auto next = showDialog();
    next->setKind(ConnectionKind::Command);
    QTest::keyClick(next.get(), Qt::Key_A, Qt::AltModifier);
    QTRY_VERIFY(next->agentKindButton()->isChecked());
    QVERIFY(next->urlEdit()->isVisible());
}

void TestConnectDialog::rejectsEmptyCommand()
{
    auto dialog = showDialog();
    // An agent URL and token are there, but the command kind is chosen.
    type(dialog->urlEdit(), QStringLiteral("ws://127.0.0.1:7707"));
    type(dialog->tokenFileEdit(), tokenFile());
    dialog->commandKindButton()->click();
    type(dialog->commandEdit(), QStringLiteral("   "));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QSignalSpy failed(dialog.get(), &ConnectDialog::failed);
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(failed.count(), 1);
    QVERIFY2(dialog->message().contains(QStringLiteral("Enter the command that opens a shell")), qPrintable(dialog->message()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(QApplication::focusWidget(), dialog->commandEdit());

    // A site to save needs its name here too.
    type(dialog->commandEdit(), QStringLiteral("ssh -T host"));
    dialog->saveSiteCheck()->setChecked(true);
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 0);
    QVERIFY2(dialog->message().contains(QStringLiteral("name")), qPrintable(dialog->message()));
    QCOMPARE(QApplication::focusWidget(), dialog->siteNameEdit());

    // Switching kind clears what was said about the other one.
    dialog->agentKindButton()->click();
    QVERIFY(dialog->message().isEmpty());
}

void TestConnectDialog::examplesFillTheCommand()
{
    auto dialog = showDialog();
    dialog->commandKindButton()->click();
    QMenu *menu = dialog->examplesButton()->menu();
    QVERIFY(menu);
    const QList<QAction *> examples = menu->actions();
    QCOMPARE(examples.size(), 3);
    QStringList programs;
    for (QAction *example : examples)
        programs.append(example->text());
    const QString all = programs.join(u'\n');
    for (const char *program : {"ssh -T", "kubectl exec -i", "docker exec -i"})
        QVERIFY2(all.contains(QLatin1StringView(program)), qPrintable(all));
    examples.at(1)->trigger();
    QCOMPARE(dialog->commandEdit()->text(), QStringLiteral("kubectl exec -i POD -- sh"));
    // The part to replace is selected, so typing the pod's name replaces it.
    QCOMPARE(QApplication::focusWidget(), dialog->commandEdit());
    QCOMPARE(dialog->commandEdit()->selectedText(), QStringLiteral("POD"));
    QTest::keyClicks(dialog->commandEdit(), QStringLiteral("web-0"));
    QCOMPARE(dialog->commandEdit()->text(), QStringLiteral("kubectl exec -i web-0 -- sh"));
    QVERIFY(!dialog->examplesButton()->accessibleName().isEmpty());
}

void TestConnectDialog::savesCommandSite()
{
    // A site saved for an agent and then for a command is the command's now.
    Site old;
    old.name = QStringLiteral("box");
    old.url = QUrl(QStringLiteral("ws://box:7707"));
    old.tokenFile = tokenFile();
    m_store->saveSite(old);
    auto dialog = showDialog();
    QVERIFY(dialog->selectSite(QStringLiteral("box")));
    dialog->commandKindButton()->click();
    type(dialog->commandEdit(), QStringLiteral("ssh -T me@box"));
    type(dialog->remoteRootEdit(), QStringLiteral("projects"));
    dialog->saveSiteCheck()->setChecked(true);
    QCOMPARE(dialog->siteNameEdit()->text(), QStringLiteral("box"));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog->siteName(), QStringLiteral("box"));
    const std::optional<Site> saved = SiteStore(m_store->settingsFileName()).site(QStringLiteral("box"));
    QVERIFY(saved);
    QCOMPARE(saved->kind, ConnectionKind::Command);
    QCOMPARE(saved->command, QStringLiteral("ssh -T me@box"));
    QCOMPARE(saved->remoteRoot, QStringLiteral("projects"));
    QVERIFY(saved->url.isEmpty());
    QVERIFY(saved->tokenFile.isEmpty());
    QCOMPARE(dialog->recentConnection().siteName, QStringLiteral("box"));
    QCOMPARE(dialog->recentConnection().kind, ConnectionKind::Command);
    QCOMPARE(dialog->siteList()->item(0)->text(), QStringLiteral("box (ssh -T me@box in projects)"));
}

void TestConnectDialog::selectingSiteSwitchesKind()
{
    Site agent;
    agent.name = QStringLiteral("agent");
    agent.url = QUrl(QStringLiteral("ws://agent.example:7707"));
    agent.tokenFile = tokenFile();
    m_store->saveSite(agent);
    Site command;
    command.name = QStringLiteral("command");
    command.kind = ConnectionKind::Command;
    command.command = QStringLiteral("ssh -T lab");
    command.remoteRoot = QStringLiteral("/var/www");
    m_store->saveSite(command);
    auto dialog = showDialog();
    QVERIFY(dialog->selectSite(QStringLiteral("command")));
    QVERIFY(dialog->commandKindButton()->isChecked());
    QVERIFY(dialog->commandEdit()->isVisible());
    QVERIFY(!dialog->urlEdit()->isVisible());
    QCOMPARE(dialog->commandEdit()->text(), QStringLiteral("ssh -T lab"));
    QCOMPARE(dialog->remoteRootEdit()->text(), QStringLiteral("/var/www"));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QVERIFY(dialog->selectSite(QStringLiteral("agent")));
    QVERIFY(dialog->agentKindButton()->isChecked());
    QCOMPARE(dialog->urlEdit()->text(), QStringLiteral("ws://agent.example:7707"));
    QVERIFY(dialog->selectSite(QStringLiteral("command")));
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 1);
    // Connecting to the site as it was saved keeps its name.
    QCOMPARE(dialog->siteName(), QStringLiteral("command"));
    QCOMPARE(dialog->sessionOptions().shellCommand, QStringLiteral("ssh -T lab"));
    QCOMPARE(dialog->sessionOptions().remoteRoot, QStringLiteral("/var/www"));

    // Another folder is another connection, not the site.
    auto other = showDialog();
    QVERIFY(other->selectSite(QStringLiteral("command")));
    type(other->remoteRootEdit(), QStringLiteral("/tmp"));
    other->connectButton()->click();
    QCOMPARE(other->result(), int(QDialog::Accepted));
    QVERIFY(other->siteName().isEmpty());
}

void TestConnectDialog::recentCommandShowsCommand()
{
    m_store->addRecent({QUrl(QStringLiteral("ws://recent.example:7707")), QString()});
    m_store->addRecent({QUrl(), QString(), ConnectionKind::Command, QStringLiteral("docker exec -i db sh"), QString()});
    m_store->addRecent({QUrl(), QString(), ConnectionKind::Command, QStringLiteral("ssh -T lab"), QStringLiteral("/srv")});
    auto dialog = showDialog();
    QCOMPARE(dialog->recentList()->count(), 3);
    QCOMPARE(dialog->recentList()->item(0)->text(), QStringLiteral("ssh -T lab in /srv"));
    QCOMPARE(dialog->recentList()->item(1)->text(), QStringLiteral("docker exec -i db sh"));
    QCOMPARE(dialog->recentList()->item(2)->text(), QStringLiteral("ws://recent.example:7707"));
    dialog->recentList()->setCurrentRow(1);
    QVERIFY(dialog->commandKindButton()->isChecked());
    QCOMPARE(dialog->commandEdit()->text(), QStringLiteral("docker exec -i db sh"));
    QVERIFY(dialog->remoteRootEdit()->text().isEmpty());
    dialog->recentList()->setCurrentRow(0);
    QCOMPARE(dialog->remoteRootEdit()->text(), QStringLiteral("/srv"));
    dialog->recentList()->setCurrentRow(2);
    QVERIFY(dialog->agentKindButton()->isChecked());
    QCOMPARE(dialog->urlEdit()->text(), QStringLiteral("ws://recent.example:7707"));
}

void TestConnectDialog::commandTabOrder()
{
    auto dialog = showDialog();
    dialog->setKind(ConnectionKind::Command);
    dialog->saveSiteCheck()->setChecked(true);
    QPushButton *cancel = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
    // No saved site: Delete is disabled and no stop.
    const QList<QWidget *> expected{dialog->siteList(),       dialog->recentList(),     dialog->commandKindButton(),
                                    dialog->commandEdit(),    dialog->examplesButton(), dialog->remoteRootEdit(),
                                    dialog->saveSiteCheck(),  dialog->siteNameEdit(),   dialog->connectButton(), cancel};
    dialog->siteList()->setFocus();
    QList<QWidget *> visited{QApplication::focusWidget()};
    for (qsizetype i = 1; i <= expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited.append(QApplication::focusWidget());
    }
    QCOMPARE(visited.mid(0, expected.size()), expected);
    QCOMPARE(visited.last(), dialog->siteList());
}

void TestConnectDialog::webTerminalShowsItsFields()
{
    auto dialog = showDialog();
    const QList<QWidget *> agentFields{dialog->urlEdit(), dialog->tokenFileEdit(), dialog->tokenEdit()};
    const QList<QWidget *> commandFields{dialog->commandEdit(), dialog->examplesButton()};
    const QList<QWidget *> webFields{dialog->webTerminalTypeBox(), dialog->webAddressEdit(), dialog->remoteRootEdit()};
    const QList<QWidget *> jupyterFields{dialog->jupyterTokenFileEdit(), dialog->jupyterBrowseButton(), dialog->jupyterTokenEdit()};
    const auto visible = [](const QList<QWidget *> &fields, bool shown) {
        return std::ranges::all_of(fields, [shown](QWidget *field) { return field->isVisible() == shown; });
    };
    dialog->webTerminalKindButton()->click();
    QCOMPARE(dialog->kind(), ConnectionKind::WebTerminal);
    QCOMPARE(dialog->webTerminalTypeBox()->count(), 2);
    QCOMPARE(dialog->webTerminalTypeBox()->currentText(), QStringLiteral("WeTTY"));
    QVERIFY(visible(agentFields, false));
    QVERIFY(visible(commandFields, false));
    QVERIFY(visible(webFields, true));
    QVERIFY(visible(jupyterFields, false)); // WeTTY has no token
    QCOMPARE(dialog->webAddressEdit()->placeholderText(), QStringLiteral("http://host:3000/wetty"));
    QVERIFY2(dialog->remoteRootEdit()->placeholderText().contains(QStringLiteral("terminal")), qPrintable(dialog->remoteRootEdit()->placeholderText()));
    const auto hint = [&dialog] {
        for (QLabel *label : dialog->findChildren<QLabel *>())
            if (label->isVisible() && label->text().contains(QStringLiteral("as the browser shows it")))
                return label->text();
        return QString();
    };
    QVERIFY2(hint().contains(QStringLiteral("WeTTY")), qPrintable(hint()));

    dialog->webTerminalTypeBox()->setCurrentIndex(1);
    QCOMPARE(dialog->webTerminalTypeBox()->currentText(), QStringLiteral("Jupyter"));
    QVERIFY(visible(webFields, true));
    QVERIFY(visible(jupyterFields, true));
    QCOMPARE(dialog->jupyterTokenEdit()->echoMode(), QLineEdit::Password);
    // Unlike the agent's, Jupyter's token has no standard file.
    QVERIFY(dialog->jupyterTokenFileEdit()->text().isEmpty());
    QVERIFY2(hint().contains(QStringLiteral("JupyterLab")), qPrintable(hint()));

    dialog->commandKindButton()->click();
    QVERIFY(visible(webFields.mid(0, 2), false));
    QVERIFY(visible(jupyterFields, false));
    QVERIFY(dialog->remoteRootEdit()->isVisible());
    QVERIFY2(dialog->remoteRootEdit()->placeholderText().contains(QStringLiteral("shell")), qPrintable(dialog->remoteRootEdit()->placeholderText()));
    dialog->agentKindButton()->click();
    QVERIFY(visible(agentFields, true));
    QVERIFY(visible(webFields, false));
}

void TestConnectDialog::mapsWebTerminalAddress_data()
{
    QTest::addColumn<WebTerminalType>("chosen");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("token");

    // What the browser shows, for the type chosen.
    QTest::newRow("wetty page") << WebTerminalType::Wetty << QStringLiteral("http://127.0.0.1:3000/wetty") << QStringLiteral("wetty+ws://127.0.0.1:3000/wetty") << QByteArray();
    QTest::newRow("wetty over https") << WebTerminalType::Wetty << QStringLiteral("https://term.example/wetty/") << QStringLiteral("wetty+wss://term.example/wetty") << QByteArray();
    QTest::newRow("wetty at its root") << WebTerminalType::Wetty << QStringLiteral("http://10.0.0.2:3000/") << QStringLiteral("wetty+ws://10.0.0.2:3000") << QByteArray();
    QTest::newRow("wetty login page") << WebTerminalType::Wetty << QStringLiteral("http://host:3000/wetty/ssh/alice") << QStringLiteral("wetty+ws://host:3000/wetty") << QByteArray();
    QTest::newRow("wetty socket url") << WebTerminalType::Wetty << QStringLiteral("wss://host:3443/wetty") << QStringLiteral("wetty+wss://host:3443/wetty") << QByteArray();
    QTest::newRow("no scheme") << WebTerminalType::Wetty << QStringLiteral("  host:3000/wetty  ") << QStringLiteral("wetty+ws://host:3000/wetty") << QByteArray();
    QTest::newRow("ipv6") << WebTerminalType::Wetty << QStringLiteral("http://[::1]:3000/wetty") << QStringLiteral("wetty+ws://[::1]:3000/wetty") << QByteArray();
    QTest::newRow("jupyter lab") << WebTerminalType::Jupyter << QStringLiteral("http://127.0.0.1:8888/lab?token=abc123") << QStringLiteral("jupyter+http://127.0.0.1:8888/") << QByteArray("abc123");
    QTest::newRow("jupyter server root") << WebTerminalType::Jupyter << QStringLiteral("http://127.0.0.1:8888/?token=abc123") << QStringLiteral("jupyter+http://127.0.0.1:8888/") << QByteArray("abc123");
    QTest::newRow("notebook tree over https") << WebTerminalType::Jupyter << QStringLiteral("https://nb.example/tree?token=t0k3n") << QStringLiteral("jupyter+https://nb.example/") << QByteArray("t0k3n");
    QTest::newRow("a terminal's page") << WebTerminalType::Jupyter << QStringLiteral("http://host:8888/terminals/1?token=x9") << QStringLiteral("jupyter+http://host:8888/") << QByteArray("x9");
    QTest::newRow("a notebook in lab") << WebTerminalType::Jupyter << QStringLiteral("http://host:8888/lab/tree/work/a.ipynb?token=x9#cell") << QStringLiteral("jupyter+http://host:8888/") << QByteArray("x9");
    QTest::newRow("classic notebook") << WebTerminalType::Jupyter << QStringLiteral("http://host:8888/notebooks/a.ipynb?token=x9") << QStringLiteral("jupyter+http://host:8888/") << QByteArray("x9");
    QTest::newRow("server under a base url") << WebTerminalType::Jupyter << QStringLiteral("http://host/jupyter/lab?token=x9") << QStringLiteral("jupyter+http://host/jupyter/") << QByteArray("x9");
    QTest::newRow("jupyterhub user named lab") << WebTerminalType::Jupyter << QStringLiteral("https://hub.example/user/lab/lab/workspaces/auto-0?token=x9") << QStringLiteral("jupyter+https://hub.example/user/lab/") << QByteArray("x9");
    QTest::newRow("escaped token") << WebTerminalType::Jupyter << QStringLiteral("http://host:8888/lab?token=a%2Bb%3D&reset") << QStringLiteral("jupyter+http://host:8888/") << QByteArray("a+b=");
    // Ferry's own URLs name their type, whatever was chosen.
    QTest::newRow("full wetty url") << WebTerminalType::Jupyter << QStringLiteral("wetty+wss://host:8443/") << QStringLiteral("wetty+wss://host:8443") << QByteArray();
    QTest::newRow("full jupyter url") << WebTerminalType::Wetty << QStringLiteral("jupyter+http://host:8888/lab?token=x9") << QStringLiteral("jupyter+http://host:8888/") << QByteArray("x9");
    // Only Jupyter's pages carry a token.
    QTest::newRow("token means jupyter") << WebTerminalType::Wetty << QStringLiteral("http://host:8888/lab?token=x9") << QStringLiteral("jupyter+http://host:8888/") << QByteArray("x9");
}

void TestConnectDialog::mapsWebTerminalAddress()
{
    QFETCH(WebTerminalType, chosen);
    QFETCH(QString, address);
    QFETCH(QString, url);
    QFETCH(QByteArray, token);
    auto dialog = showDialog();
    dialog->webTerminalKindButton()->click();
    dialog->form()->setWebTerminalType(chosen);
    type(dialog->webAddressEdit(), address);
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::keyClick(dialog->webAddressEdit(), Qt::Key_Return);
    QVERIFY2(accepted.count() == 1, qPrintable(dialog->message()));
    const ferry::client::SessionOptions &options = dialog->sessionOptions();
    QCOMPARE(options.url, QUrl(url));
    QCOMPARE(options.token, token);
    QVERIFY(options.shellCommand.isEmpty());
    const WebTerminalType expectedType = url.startsWith(QStringLiteral("jupyter+")) ? WebTerminalType::Jupyter : WebTerminalType::Wetty;
    QCOMPARE(dialog->form()->webTerminalType(), expectedType);
    // The field shows the page's address, without the token.
    QVERIFY2(!dialog->webAddressEdit()->text().contains(QStringLiteral("token")), qPrintable(dialog->webAddressEdit()->text()));
    QVERIFY2(dialog->webAddressEdit()->text().startsWith(QStringLiteral("http")), qPrintable(dialog->webAddressEdit()->text()));
    const RecentConnection recent = dialog->recentConnection();
    QCOMPARE(recent.kind, ConnectionKind::WebTerminal);
    QCOMPARE(recent.url, QUrl(url));
    m_store->addRecent(recent); // as the window does once connected
    if (!token.isEmpty()) {
        QFile settings(m_store->settingsFileName());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains(token));
    }
}

void TestConnectDialog::pastedJupyterAddressGivesUpItsToken()
{
    auto dialog = showDialog();
    dialog->webTerminalKindButton()->click();
    QCOMPARE(dialog->form()->webTerminalType(), WebTerminalType::Wetty);
    // Pasted from the browser's address bar, then on to the next field.
    const QString token = QStringLiteral("9f8e7d6c5b4a39281706f5e4d3c2b1a0");
    QApplication::clipboard()->setText(QStringLiteral("http://127.0.0.1:8888/lab/tree/notes.ipynb?token=") + token);
    dialog->webAddressEdit()->setFocus();
    QTest::keyClick(dialog->webAddressEdit(), Qt::Key_V, Qt::ControlModifier);
    if (dialog->webAddressEdit()->text().isEmpty()) // no clipboard on this platform
        dialog->webAddressEdit()->setText(QApplication::clipboard()->text());
    QTest::keyClick(dialog->webAddressEdit(), Qt::Key_Tab);
    QCOMPARE(dialog->webAddressEdit()->text(), QStringLiteral("http://127.0.0.1:8888/"));
    QCOMPARE(dialog->jupyterTokenEdit()->text(), token);
    QCOMPARE(dialog->webTerminalTypeBox()->currentText(), QStringLiteral("Jupyter"));
    QVERIFY(dialog->jupyterTokenEdit()->isVisible());
    QVERIFY(dialog->message().isEmpty());

    type(dialog->remoteRootEdit(), QStringLiteral("/home/jovyan/work"));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog->sessionOptions().url, QUrl(QStringLiteral("jupyter+http://127.0.0.1:8888/")));
    QCOMPARE(dialog->sessionOptions().token, token.toLatin1());
    QCOMPARE(dialog->sessionOptions().remoteRoot, QStringLiteral("/home/jovyan/work"));
    QCOMPARE(dialog->recentConnection().remoteRoot, QStringLiteral("/home/jovyan/work"));
    m_store->addRecent(dialog->recentConnection()); // as the window does once connected
    QCOMPARE(dialog->recentList()->item(0)->text(), QStringLiteral("Jupyter at 127.0.0.1:8888 in /home/jovyan/work"));
    QFile settings(m_store->settingsFileName());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(!settings.readAll().contains(token.toLatin1()));
}

void TestConnectDialog::rejectsBadWebAddress_data()
{
    QTest::addColumn<WebTerminalType>("chosen");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty for wetty") << WebTerminalType::Wetty << QString() << QStringLiteral("Enter the address of WeTTY's page, for example http://host:3000/wetty.");
    QTest::newRow("empty for jupyter") << WebTerminalType::Jupyter << QStringLiteral("  ") << QStringLiteral("Enter the address of the Jupyter server, for example http://host:8888/lab.");
    QTest::newRow("ftp for wetty") << WebTerminalType::Wetty << QStringLiteral("ftp://host/wetty") << QStringLiteral("WeTTY's address starts with http://, https://, ws:// or wss://, not ftp://.");
    QTest::newRow("websocket for jupyter") << WebTerminalType::Jupyter << QStringLiteral("ws://host:8888/") << QStringLiteral("A Jupyter server's address starts with http:// or https://, not ws://.");
    QTest::newRow("an agent's url") << WebTerminalType::Wetty << QStringLiteral("ferry://host:7707") << QStringLiteral("not ferry://");
    QTest::newRow("wetty over http") << WebTerminalType::Wetty << QStringLiteral("wetty+http://host:3000/") << QStringLiteral("A WeTTY URL starts with wetty+ws:// or wetty+wss://.");
    QTest::newRow("jupyter over ws") << WebTerminalType::Jupyter << QStringLiteral("jupyter+ws://host:8888/") << QStringLiteral("A Jupyter URL starts with jupyter+http:// or jupyter+https://.");
    QTest::newRow("no host") << WebTerminalType::Wetty << QStringLiteral("http://:3000/wetty") << QStringLiteral("The address “http://:3000/wetty” has no host name.");
    QTest::newRow("port out of range") << WebTerminalType::Jupyter << QStringLiteral("http://host:99999/lab") << QStringLiteral("“http://host:99999/lab” is not a valid address.");
    QTest::newRow("port zero") << WebTerminalType::Wetty << QStringLiteral("http://host:0/wetty") << QStringLiteral("Port 0 is not a valid port for a web terminal.");
    QTest::newRow("space in host") << WebTerminalType::Wetty << QStringLiteral("http://my host:3000/") << QStringLiteral("is not a valid address");
}

void TestConnectDialog::rejectsBadWebAddress()
{
    QFETCH(WebTerminalType, chosen);
    QFETCH(QString, address);
    QFETCH(QString, expected);
    auto dialog = showDialog();
    dialog->webTerminalKindButton()->click();
    dialog->form()->setWebTerminalType(chosen);
    type(dialog->webAddressEdit(), address);
    type(dialog->jupyterTokenEdit(), QStringLiteral("a-token"));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QSignalSpy failed(dialog.get(), &ConnectDialog::failed);
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(failed.count(), 1);
    QVERIFY2(dialog->message().contains(expected), qPrintable(dialog->message()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(QApplication::focusWidget(), dialog->webAddressEdit());
    QVERIFY(m_store->recent().isEmpty());
}

void TestConnectDialog::jupyterNeedsItsToken()
{
    auto dialog = showDialog();
    dialog->webTerminalKindButton()->click();
    dialog->form()->setWebTerminalType(WebTerminalType::Jupyter);
    type(dialog->webAddressEdit(), QStringLiteral("http://127.0.0.1:8888/lab"));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QSignalSpy failed(dialog.get(), &ConnectDialog::failed);
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(failed.count(), 1);
    QVERIFY2(dialog->message().startsWith(QStringLiteral("A Jupyter server needs its token: paste it, choose a file holding it")),
             qPrintable(dialog->message()));
    QCOMPARE(QApplication::focusWidget(), dialog->jupyterTokenEdit());

    // The agent's token is no Jupyter server's: its file is not used.
    QVERIFY(!dialog->tokenFileEdit()->text().isEmpty());
    QVERIFY(dialog->jupyterTokenFileEdit()->text().isEmpty());

    const QString missing = m_dir->filePath(QStringLiteral("no-such-token"));
    type(dialog->jupyterTokenFileEdit(), missing);
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 0);
    QVERIFY2(dialog->message().contains(missing) && dialog->message().contains(QStringLiteral("cannot read token")), qPrintable(dialog->message()));
    QCOMPARE(QApplication::focusWidget(), dialog->jupyterTokenFileEdit());

    // Any token the server takes will do, read from the file's first line.
    QFile file(m_dir->filePath(QStringLiteral("jupyter-token")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("short-token\nsecond line\n");
    file.close();
    type(dialog->jupyterTokenFileEdit(), file.fileName());
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog->sessionOptions().url, QUrl(QStringLiteral("jupyter+http://127.0.0.1:8888/")));
    QCOMPARE(dialog->sessionOptions().token, QByteArray("short-token"));
}

void TestConnectDialog::savesWebTerminalSites()
{
    QFile tokenFile(m_dir->filePath(QStringLiteral("jupyter-token")));
    QVERIFY(tokenFile.open(QIODevice::WriteOnly));
    tokenFile.write("jupyter-secret\n");
    tokenFile.close();
    {
        auto dialog = showDialog();
        dialog->webTerminalKindButton()->click();
        type(dialog->webAddressEdit(), QStringLiteral("http://lab.example:3000/wetty"));
        type(dialog->remoteRootEdit(), QStringLiteral("projects"));
        dialog->saveSiteCheck()->setChecked(true);
        type(dialog->siteNameEdit(), QStringLiteral("wetty"));
        dialog->connectButton()->click();
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QCOMPARE(dialog->siteName(), QStringLiteral("wetty"));
    }
    {
        auto dialog = showDialog();
        dialog->webTerminalKindButton()->click();
        dialog->form()->setWebTerminalType(WebTerminalType::Jupyter);
        type(dialog->webAddressEdit(), QStringLiteral("https://nb.example/user/me/lab"));
        type(dialog->jupyterTokenFileEdit(), tokenFile.fileName());
        dialog->saveSiteCheck()->setChecked(true);
        type(dialog->siteNameEdit(), QStringLiteral("notebook"));
        dialog->connectButton()->click();
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QCOMPARE(dialog->sessionOptions().token, QByteArray("jupyter-secret"));
    }

    // Read back as after a restart.
    SiteStore store(m_store->settingsFileName());
    const std::optional<Site> wetty = store.site(QStringLiteral("wetty"));
    QVERIFY(wetty);
    QCOMPARE(wetty->kind, ConnectionKind::WebTerminal);
    QCOMPARE(wetty->url, QUrl(QStringLiteral("wetty+ws://lab.example:3000/wetty")));
    QCOMPARE(wetty->remoteRoot, QStringLiteral("projects"));
    QVERIFY(wetty->tokenFile.isEmpty());
    QVERIFY(!wetty->tokenInKeychain);
    const std::optional<Site> notebook = store.site(QStringLiteral("notebook"));
    QVERIFY(notebook);
    QCOMPARE(notebook->kind, ConnectionKind::WebTerminal);
    QCOMPARE(notebook->url, QUrl(QStringLiteral("jupyter+https://nb.example/user/me/")));
    QCOMPARE(notebook->tokenFile, tokenFile.fileName());
    QVERIFY(notebook->remoteRoot.isEmpty());
    QFile settings(m_store->settingsFileName());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(!settings.readAll().contains("jupyter-secret"));

    // Chosen again, the sites fill the fields they were saved from.
    m_store = std::make_unique<SiteStore>(m_store->settingsFileName());
    auto dialog = showDialog();
    QCOMPARE(dialog->siteList()->item(0)->text(), QStringLiteral("notebook (Jupyter at nb.example/user/me)"));
    QCOMPARE(dialog->siteList()->item(1)->text(), QStringLiteral("wetty (WeTTY at lab.example:3000/wetty in projects)"));
    QVERIFY(dialog->selectSite(QStringLiteral("wetty")));
    QVERIFY(dialog->webTerminalKindButton()->isChecked());
    QCOMPARE(dialog->webTerminalTypeBox()->currentText(), QStringLiteral("WeTTY"));
    QCOMPARE(dialog->webAddressEdit()->text(), QStringLiteral("http://lab.example:3000/wetty"));
    QCOMPARE(dialog->remoteRootEdit()->text(), QStringLiteral("projects"));
    QVERIFY(dialog->selectSite(QStringLiteral("notebook")));
    QCOMPARE(dialog->webTerminalTypeBox()->currentText(), QStringLiteral("Jupyter"));
    QCOMPARE(dialog->webAddressEdit()->text(), QStringLiteral("https://nb.example/user/me/"));
    QCOMPARE(dialog->jupyterTokenFileEdit()->text(), tokenFile.fileName());
    QVERIFY(dialog->remoteRootEdit()->text().isEmpty());
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    dialog->connectButton()->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog->siteName(), QStringLiteral("notebook"));
    QCOMPARE(dialog->sessionOptions().token, QByteArray("jupyter-secret"));
    const RecentConnection recent = dialog->recentConnection();
    QCOMPARE(recent.siteName, QStringLiteral("notebook"));
    QCOMPARE(recent.kind, ConnectionKind::WebTerminal);
}

void TestConnectDialog::recentWebTerminalFillsFields()
{
    m_store->addRecent({QUrl(QStringLiteral("ws://recent.example:7707")), QString()});
    m_store->addRecent({QUrl(QStringLiteral("wetty+wss://term.example/wetty")), QString(), ConnectionKind::WebTerminal, QString(), QStringLiteral("/srv")});
    m_store->addRecent({QUrl(QStringLiteral("jupyter+http://127.0.0.1:8888/")), QString(), ConnectionKind::WebTerminal, QString(), QString()});
    auto dialog = showDialog();
    QCOMPARE(dialog->recentList()->count(), 3);
    QCOMPARE(dialog->recentList()->item(0)->text(), QStringLiteral("Jupyter at 127.0.0.1:8888"));
    QCOMPARE(dialog->recentList()->item(1)->text(), QStringLiteral("WeTTY at term.example/wetty in /srv"));
    QCOMPARE(dialog->recentList()->item(2)->text(), QStringLiteral("ws://recent.example:7707"));
    dialog->recentList()->setCurrentRow(1);
    QVERIFY(dialog->webTerminalKindButton()->isChecked());
    QCOMPARE(dialog->webTerminalTypeBox()->currentText(), QStringLiteral("WeTTY"));
    QCOMPARE(dialog->webAddressEdit()->text(), QStringLiteral("https://term.example/wetty"));
    QCOMPARE(dialog->remoteRootEdit()->text(), QStringLiteral("/srv"));
    dialog->recentList()->setCurrentRow(0);
    QCOMPARE(dialog->webTerminalTypeBox()->currentText(), QStringLiteral("Jupyter"));
    QCOMPARE(dialog->webAddressEdit()->text(), QStringLiteral("http://127.0.0.1:8888/"));
    QVERIFY(dialog->remoteRootEdit()->text().isEmpty());
    QVERIFY(dialog->jupyterTokenEdit()->text().isEmpty());
    dialog->recentList()->setCurrentRow(2);
    QVERIFY(dialog->agentKindButton()->isChecked());
    QCOMPARE(dialog->urlEdit()->text(), QStringLiteral("ws://recent.example:7707"));

    // The window opens the dialog on the connection it has.
    auto again = showDialog();
    again->setUrl(QUrl(QStringLiteral("jupyter+https://nb.example/")));
    QVERIFY(again->webTerminalKindButton()->isChecked());
    QCOMPARE(again->webTerminalTypeBox()->currentText(), QStringLiteral("Jupyter"));
    QCOMPARE(again->webAddressEdit()->text(), QStringLiteral("https://nb.example/"));
}

void TestConnectDialog::webTerminalFromTheKeyboard()
{
    auto dialog = showDialog();
    QTest::keyClick(dialog.get(), Qt::Key_W, Qt::AltModifier); // the web terminal kind
    QTRY_VERIFY(dialog->webTerminalKindButton()->isChecked());
    QTest::keyClick(dialog.get(), Qt::Key_T, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), dialog->webTerminalTypeBox());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QCOMPARE(dialog->webTerminalTypeBox()->currentText(), QStringLiteral("Jupyter"));
    QTest::keyClick(dialog.get(), Qt::Key_E, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), dialog->webAddressEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("127.0.0.1:8888"));
    QTest::keyClick(dialog.get(), Qt::Key_P, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), dialog->jupyterTokenEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("typed-token"));
    QTest::keyClick(dialog.get(), Qt::Key_F, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), dialog->remoteRootEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("work"));
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::keyClick(dialog.get(), Qt::Key_C, Qt::AltModifier);
    QTRY_COMPARE(accepted.count(), 1);
    QCOMPARE(dialog->sessionOptions().url, QUrl(QStringLiteral("jupyter+http://127.0.0.1:8888/")));
    QCOMPARE(dialog->sessionOptions().token, QByteArray("typed-token"));
    QCOMPARE(dialog->sessionOptions().remoteRoot, QStringLiteral("work"));

    // Tab goes through the web terminal's fields in reading order.
    auto next = showDialog();
    next->setKind(ConnectionKind::WebTerminal);
    next->form()->setWebTerminalType(WebTerminalType::Jupyter);
    next->saveSiteCheck()->setChecked(true);
    QPushButton *cancel = next->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
    const QList<QWidget *> expected{next->siteList(),          next->recentList(),          next->webTerminalKindButton(), next->webTerminalTypeBox(),
                                    next->webAddressEdit(),    next->jupyterTokenFileEdit(), next->jupyterBrowseButton(),  next->jupyterTokenEdit(),
                                    next->remoteRootEdit(),    next->saveSiteCheck(),        next->siteNameEdit(),          next->connectButton(),
                                    cancel};
    next->siteList()->setFocus();
    QList<QWidget *> visited{QApplication::focusWidget()};
    for (qsizetype i = 1; i <= expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited.append(QApplication::focusWidget());
    }
    QCOMPARE(visited.mid(0, expected.size()), expected);
    QCOMPARE(visited.last(), next->siteList());
}

void TestConnectDialog::wrappedTextIsNotCut()
{
    // The hints and the message wrap their words; when more of them appear
    // in the dialog on screen, it grows rather than cut them short.
    auto dialog = showDialog();
    const auto cut = [&dialog] {
        QStringList cut;
        for (QLabel *label : dialog->findChildren<QLabel *>())
            if (label->isVisible() && label->wordWrap() && label->height() < label->heightForWidth(label->width()))
                cut.append(label->text());
        return cut.join(u'\n');
    };
    const int before = dialog->height();
    dialog->webTerminalKindButton()->click();
    dialog->form()->setWebTerminalType(WebTerminalType::Jupyter);
    type(dialog->webAddressEdit(), QStringLiteral("http://127.0.0.1:8888/lab"));
    dialog->connectButton()->click();
    QVERIFY(!dialog->message().isEmpty());
    QTRY_VERIFY2(cut().isEmpty(), qPrintable(cut()));
    QVERIFY(dialog->height() >= before);
    dialog->commandKindButton()->click();
    type(dialog->commandEdit(), QString());
    dialog->connectButton()->click();
    QVERIFY(!dialog->message().isEmpty());
    QTRY_VERIFY2(cut().isEmpty(), qPrintable(cut()));
}

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
