// SPDX-License-Identifier: GPL-3.0-or-later
// The connection dialog, driven from the keyboard: what it produces on
// accept, the errors it shows instead, and that Tab reaches every control.
// Runs without a keychain service (no session bus), as on a bare machine.
#include "ui/connectdialog.h"
#include "ui/sitestore.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using ferry::ui::ConnectDialog;
using ferry::ui::Site;
using ferry::ui::SiteStore;

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
    void deletesSite();
    void keychainSiteWithoutKeychainIsShown();
    void tabReachesEveryControl();
    void everyControlIsNamed();

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
    QCOMPARE(m_store->recent().value(0).url, QUrl(QStringLiteral("ws://127.0.0.1:7707")));
}

void TestConnectDialog::keyboardOnlyWithMnemonics()
{
    auto dialog = showDialog();
    QTest::keyClick(dialog.get(), Qt::Key_U, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), dialog->urlEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("wss://agent.example:8443"));
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
    QCOMPARE(m_store->recent().value(0).siteName, QStringLiteral("lab"));
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
    const QList<QWidget *> expected{dialog->siteList(), dialog->deleteSiteButton(), dialog->recentList(), dialog->urlEdit(),
                                    dialog->tokenFileEdit(), dialog->browseButton(), dialog->tokenEdit(), dialog->saveSiteCheck(),
                                    dialog->siteNameEdit(), dialog->connectButton(), cancel};
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
    for (QWidget *widget : dialog->findChildren<QWidget *>()) {
        if (widget->focusPolicy() == Qt::NoFocus || qobject_cast<QLabel *>(widget) || !widget->isVisibleTo(dialog.get()))
            continue;
        if (widget->parentWidget() != dialog.get() && !qobject_cast<QDialogButtonBox *>(widget->parentWidget()))
            continue; // internals of composite widgets, e.g. a list's viewport
        QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
    }
    // Labels lead to their fields.
    int buddies = 0;
    for (QLabel *label : dialog->findChildren<QLabel *>())
        buddies += label->buddy() ? 1 : 0;
    QCOMPARE(buddies, 6);
}

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
