// SPDX-License-Identifier: GPL-3.0-or-later
// Saved sites and recent connections round-trip through QSettings, for an
// agent (URL and token), a command and a web terminal alike, and settings
// written before there were commands still load; a pasted token (an
// agent's, a Jupyter server's) goes to the system keychain and never into a
// settings file. The
// keychain tests run where FERRY_TEST_KEYCHAIN says what is there: "real"
// (tests/gui/with-keyring) or "none" (no session bus at all).
#include "ui/connectdialog.h"
#include "ui/sitestore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using ferry::ui::ConnectionKind;
using ferry::ui::RecentConnection;
using ferry::ui::Site;
using ferry::ui::SiteStore;

class TestSiteStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void sitesRoundTrip();
    void saveReplacesSiteOfSameName();
    void removeSite();
    void recentRoundTrip();
    void recentIsMostRecentFirstAndCapped();
    void commandSitesRoundTrip();
    void siteChangesKind();
    void commandRecentRoundTrip();
    void oldSettingsStillLoad();
    void webTerminalSitesRoundTrip();
    void webTerminalUrlsKeepNoQuery();
    void commandSiteLetsGoOfKeychainToken();
    void tokenRoundTripsThroughKeychain();
    void dialogConnectsWithKeychainToken();
    void jupyterTokenGoesToKeychain();
    void tokenWithoutKeychainIsRefusedClearly();

private:
    QString settingsFile() const { return m_dir->filePath(QStringLiteral("ferry.ini")); }
    /// Every file under the scratch directory and the test-mode config
    /// directory: nowhere may the token appear in plain text.
    QStringList filesHolding(const QByteArray &secret) const;
    static QByteArray freshToken();
    static Site site(const QString &name, const QString &url);
    static Site commandSite(const QString &name, const QString &command, const QString &remoteRoot);
    static Site webTerminalSite(const QString &name, const QString &url, const QString &remoteRoot);
    static RecentConnection commandRecent(const QString &command, const QString &remoteRoot, const QString &siteName = {});
    bool keychainIs(const char *kind) const { return qgetenv("FERRY_TEST_KEYCHAIN") == kind; }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSiteStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSiteStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QByteArray TestSiteStore::freshToken()
{
    QByteArray raw(32, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::global()->bounded(256));
    return raw.toHex();
}

Site TestSiteStore::site(const QString &name, const QString &url)
{
    Site s;
    s.name = name;
    s.url = QUrl(url);
    return s;
}

Site TestSiteStore::commandSite(const QString &name, const QString &command, const QString &remoteRoot)
{
    Site s;
    s.name = name;
    s.kind = ConnectionKind::Command;
    s.command = command;
    s.remoteRoot = remoteRoot;
    return s;
}

Site TestSiteStore::webTerminalSite(const QString &name, const QString &url, const QString &remoteRoot)
{
    Site s;
    s.name = name;
    s.kind = ConnectionKind::WebTerminal;
    s.url = QUrl(url);
    s.remoteRoot = remoteRoot;
    return s;
}

RecentConnection TestSiteStore::commandRecent(const QString &command, const QString &remoteRoot, const QString &siteName)
{
    return RecentConnection{QUrl(), siteName, ConnectionKind::Command, command, remoteRoot};
}

QStringList TestSiteStore::filesHolding(const QByteArray &secret) const
{
    QStringList found;
    const QStringList roots{m_dir->path(), QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)};
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray contents = file.readAll();
            if (contents.contains(secret) || contents.contains(secret.toBase64()) || contents.contains(QByteArray::fromHex(secret)))
                found.append(file.fileName());
        }
    }
    return found;
}

void TestSiteStore::sitesRoundTrip()
{
    Site withFile = site(QStringLiteral("build box"), QStringLiteral("ws://10.0.0.5:7707"));
    withFile.tokenFile = QStringLiteral("/home/me/tokens/build-box");
    Site withPin = site(QStringLiteral("Äpfel/prod"), QStringLiteral("wss://prod.example:443/ferry"));
    withPin.fingerprint = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    withPin.tokenInKeychain = true;
    {
        SiteStore store(settingsFile());
        QSignalSpy changed(&store, &SiteStore::sitesChanged);
        store.saveSite(withPin);
        store.saveSite(withFile);
        QCOMPARE(changed.count(), 2);
    }
    SiteStore again(settingsFile());
    // Sorted by name, whatever the order of saving.
    QCOMPARE(again.sites(), (QList<Site>{withFile, withPin}));
    QCOMPARE(again.site(QStringLiteral("Äpfel/prod")).value_or(Site{}), withPin);
    QVERIFY(!again.site(QStringLiteral("nowhere")));
}

void TestSiteStore::saveReplacesSiteOfSameName()
{
    SiteStore store(settingsFile());
    store.saveSite(site(QStringLiteral("box"), QStringLiteral("ws://a:1")));
    store.saveSite(site(QStringLiteral("box"), QStringLiteral("ws://b:2")));
    QCOMPARE(store.sites().size(), 1);
    QCOMPARE(store.site(QStringLiteral("box"))->url, QUrl(QStringLiteral("ws://b:2")));
}

void TestSiteStore::removeSite()
{
    SiteStore store(settingsFile());
    store.saveSite(site(QStringLiteral("one"), QStringLiteral("ws://a:1")));
    store.saveSite(site(QStringLiteral("two"), QStringLiteral("ws://b:2")));
    store.removeSite(QStringLiteral("one"));
    QCOMPARE(SiteStore(settingsFile()).sites(), (QList<Site>{site(QStringLiteral("two"), QStringLiteral("ws://b:2"))}));
}

void TestSiteStore::recentRoundTrip()
{
    const RecentConnection first{QUrl(QStringLiteral("ws://a:1")), QStringLiteral("site a")};
    const RecentConnection second{QUrl(QStringLiteral("wss://b:2")), QString()};
    {
        SiteStore store(settingsFile());
        QSignalSpy changed(&store, &SiteStore::recentChanged);
        store.addRecent(first);
        store.addRecent(second);
        QCOMPARE(changed.count(), 2);
    }
    QCOMPARE(SiteStore(settingsFile()).recent(), (QList<RecentConnection>{second, first}));
}

void TestSiteStore::recentIsMostRecentFirstAndCapped()
{
    SiteStore store(settingsFile());
    for (int i = 0; i < SiteStore::kMaxRecent + 3; ++i)
        store.addRecent({QUrl(QStringLiteral("ws://host:%1").arg(1000 + i)), QString()});
    // Connecting again to a listed agent moves it up instead of repeating it.
    const RecentConnection again{QUrl(QStringLiteral("ws://host:1005")), QString()};
    store.addRecent(again);
    const QList<RecentConnection> recent = SiteStore(settingsFile()).recent();
    QCOMPARE(recent.size(), SiteStore::kMaxRecent);
    QCOMPARE(recent.first(), again);
    QCOMPARE(recent.count(again), 1);
    QCOMPARE(recent.at(1).url, QUrl(QStringLiteral("ws://host:1010")));
    store.clearRecent();
    QVERIFY(store.recent().isEmpty());
}

void TestSiteStore::commandSitesRoundTrip()
{
    const Site ssh = commandSite(QStringLiteral("lab over ssh"), QStringLiteral("ssh -T -p 2222 'me@lab host'"), QStringLiteral("/srv/Äpfel data"));
    const Site pod = commandSite(QStringLiteral("pod"), QStringLiteral("kubectl exec -i web-0 -- sh"), QString());
    Site agent = site(QStringLiteral("agent"), QStringLiteral("ws://10.0.0.5:7707"));
    agent.tokenFile = QStringLiteral("/home/me/tokens/agent");
    {
        SiteStore store(settingsFile());
        store.saveSite(ssh);
        store.saveSite(pod);
        store.saveSite(agent);
    }
    SiteStore again(settingsFile());
    QCOMPARE(again.sites(), (QList<Site>{agent, ssh, pod}));
    const std::optional<Site> loaded = again.site(QStringLiteral("lab over ssh"));
    QVERIFY(loaded);
    QCOMPARE(loaded->kind, ConnectionKind::Command);
    QCOMPARE(loaded->command, ssh.command);
    QCOMPARE(loaded->remoteRoot, ssh.remoteRoot);
    QCOMPARE(again.site(QStringLiteral("agent"))->kind, ConnectionKind::Agent);
}

void TestSiteStore::siteChangesKind()
{
    // Saved under the same name with the other kind, a site keeps nothing
    // of the first: no stale URL or token file in the settings.
    Site agent = site(QStringLiteral("box"), QStringLiteral("ws://box.example:7707"));
    agent.tokenFile = QStringLiteral("/home/me/box-token");
    SiteStore store(settingsFile());
    store.saveSite(agent);
    store.saveSite(commandSite(QStringLiteral("box"), QStringLiteral("ssh -T box"), QString()));
    QCOMPARE(SiteStore(settingsFile()).sites(), (QList<Site>{commandSite(QStringLiteral("box"), QStringLiteral("ssh -T box"), QString())}));
    QFile file(settingsFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY2(!contents.contains("box.example") && !contents.contains("box-token"), contents.constData());

    store.saveSite(agent);
    QCOMPARE(SiteStore(settingsFile()).sites(), (QList<Site>{agent}));
}

void TestSiteStore::commandRecentRoundTrip()
{
    const RecentConnection agent{QUrl(QStringLiteral("ws://a:1")), QString()};
    const RecentConnection ssh = commandRecent(QStringLiteral("ssh -T lab"), QStringLiteral("/srv"), QStringLiteral("lab"));
    const RecentConnection docker = commandRecent(QStringLiteral("docker exec -i db sh"), QString());
    {
        SiteStore store(settingsFile());
        store.addRecent(agent);
        store.addRecent(ssh);
        store.addRecent(docker);
        // The same command again moves up; another folder is another entry.
        store.addRecent(ssh);
        store.addRecent(commandRecent(QStringLiteral("ssh -T lab"), QStringLiteral("/tmp")));
    }
    QCOMPARE(SiteStore(settingsFile()).recent(),
             (QList<RecentConnection>{commandRecent(QStringLiteral("ssh -T lab"), QStringLiteral("/tmp")), ssh, docker, agent}));
}

void TestSiteStore::oldSettingsStillLoad()
{
    // As Ferry wrote them before there were command connections: no kind.
    QFile file(settingsFile());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[recent]\n"
               "1\\site=old box\n"
               "1\\url=ws://old.example:7707\n"
               "2\\site=\n"
               "2\\url=wss://other.example:8443\n"
               "size=2\n"
               "\n"
               "[sites]\n"
               "1\\fingerprint=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n"
               "1\\name=old box\n"
               "1\\tokenFile=/home/me/token\n"
               "1\\tokenInKeychain=true\n"
               "1\\url=ws://old.example:7707\n"
               "size=1\n");
    file.close();
    Site expected = site(QStringLiteral("old box"), QStringLiteral("ws://old.example:7707"));
    expected.tokenFile = QStringLiteral("/home/me/token");
    expected.tokenInKeychain = true;
    expected.fingerprint = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    SiteStore store(settingsFile());
    QCOMPARE(store.sites(), (QList<Site>{expected}));
    QCOMPARE(store.recent(), (QList<RecentConnection>{{QUrl(QStringLiteral("ws://old.example:7707")), QStringLiteral("old box")},
                                                      {QUrl(QStringLiteral("wss://other.example:8443")), QString()}}));

    // Written again, they read back the same.
    store.addRecent(commandRecent(QStringLiteral("ssh -T new"), QString()));
    store.saveSite(commandSite(QStringLiteral("new"), QStringLiteral("ssh -T new"), QString()));
    SiteStore again(settingsFile());
    QCOMPARE(again.site(QStringLiteral("old box")).value_or(Site{}), expected);
    QCOMPARE(again.recent().size(), 3);
    QCOMPARE(again.recent().at(1).url, QUrl(QStringLiteral("ws://old.example:7707")));
    QCOMPARE(again.recent().at(1).kind, ConnectionKind::Agent);
}

void TestSiteStore::webTerminalSitesRoundTrip()
{
    Site wetty = webTerminalSite(QStringLiteral("term"), QStringLiteral("wetty+wss://term.example/wetty"), QStringLiteral("/srv/Äpfel data"));
    wetty.fingerprint = QByteArray(32, '\x7e');
    Site jupyter = webTerminalSite(QStringLiteral("lab"), QStringLiteral("jupyter+http://127.0.0.1:8888/user/me/"), QString());
    jupyter.tokenFile = QStringLiteral("/home/me/jupyter-token");
    Site kept = webTerminalSite(QStringLiteral("kept"), QStringLiteral("jupyter+https://nb.example/"), QStringLiteral("work"));
    kept.tokenInKeychain = true;
    const RecentConnection first{QUrl(QStringLiteral("wetty+ws://127.0.0.1:3000/wetty")), QString(), ConnectionKind::WebTerminal, QString(), QString()};
    const RecentConnection second{QUrl(QStringLiteral("wetty+ws://127.0.0.1:3000/wetty")), QString(), ConnectionKind::WebTerminal, QString(), QStringLiteral("/tmp")};
    const RecentConnection third{jupyter.url, jupyter.name, ConnectionKind::WebTerminal, QString(), QString()};
    {
        SiteStore store(settingsFile());
        store.saveSite(wetty);
        store.saveSite(jupyter);
        store.saveSite(kept);
        store.addRecent(first);
        store.addRecent(second); // another folder: another entry
        store.addRecent(third);
        store.addRecent(first); // again: moves up
    }
    SiteStore again(settingsFile());
    QCOMPARE(again.sites(), (QList<Site>{kept, jupyter, wetty}));
    QCOMPARE(again.recent(), (QList<RecentConnection>{first, third, second}));
}

void TestSiteStore::webTerminalUrlsKeepNoQuery()
{
    // Whatever hands it a URL with a query, no token is kept from it.
    SiteStore store(settingsFile());
    store.saveSite(webTerminalSite(QStringLiteral("lab"), QStringLiteral("jupyter+http://127.0.0.1:8888/?token=leaked-secret#x"), QString()));
    store.addRecent({QUrl(QStringLiteral("jupyter+http://127.0.0.1:8888/?token=leaked-secret")), QString(), ConnectionKind::WebTerminal, QString(), QString()});
    QFile file(settingsFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("leaked-secret"));
    QCOMPARE(SiteStore(settingsFile()).site(QStringLiteral("lab"))->url, QUrl(QStringLiteral("jupyter+http://127.0.0.1:8888/")));
    QCOMPARE(SiteStore(settingsFile()).recent().value(0).url, QUrl(QStringLiteral("jupyter+http://127.0.0.1:8888/")));
}

void TestSiteStore::commandSiteLetsGoOfKeychainToken()
{
    if (!keychainIs("real"))
        QSKIP("needs a real keychain: run through tests/gui/with-keyring");
    const QByteArray token = freshToken();
    const QString name = QStringLiteral("turned");
    SiteStore store(settingsFile());
    store.saveSite(site(name, QStringLiteral("ws://127.0.0.1:7707")));
    QSignalSpy stored(&store, &SiteStore::tokenStored);
    store.storeToken(name, token);
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 20000);
    QVERIFY(store.site(name)->tokenInKeychain);

    // Saved again as a command site, the site needs no token: it goes.
    ferry::ui::ConnectDialog dialog(&store);
    QVERIFY(dialog.selectSite(name));
    dialog.setShellCommand(QStringLiteral("ssh -T turned"), QString());
    dialog.saveSiteCheck()->setChecked(true);
    QSignalSpy removed(&store, &SiteStore::tokenRemoved);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.connectButton()->click();
    QCOMPARE(accepted.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 20000);
    QCOMPARE(store.site(name)->kind, ConnectionKind::Command);
    QVERIFY(!store.site(name)->tokenInKeychain);
    QSignalSpy readFailed(&store, &SiteStore::tokenReadFailed);
    store.readToken(name);
    QTRY_COMPARE_WITH_TIMEOUT(readFailed.count(), 1, 20000);
}

void TestSiteStore::tokenRoundTripsThroughKeychain()
{
    if (!keychainIs("real"))
        QSKIP("needs a real keychain: run through tests/gui/with-keyring");
    const QByteArray token = freshToken();
    const QString name = QStringLiteral("keychain box");
    {
        SiteStore store(settingsFile());
        store.saveSite(site(name, QStringLiteral("ws://127.0.0.1:7707")));
        QSignalSpy stored(&store, &SiteStore::tokenStored);
        QSignalSpy failed(&store, &SiteStore::tokenStoreFailed);
        store.storeToken(name, token);
        QTRY_VERIFY_WITH_TIMEOUT(stored.count() + failed.count() == 1, 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
        QCOMPARE(stored.first().first().toString(), name);
        QVERIFY(store.site(name)->tokenInKeychain);
    }

    // A new store (as after a restart) reads it back from the keychain.
    SiteStore store(settingsFile());
    QVERIFY(store.site(name)->tokenInKeychain);
    QSignalSpy read(&store, &SiteStore::tokenRead);
    QSignalSpy readFailed(&store, &SiteStore::tokenReadFailed);
    store.readToken(name);
    QTRY_VERIFY_WITH_TIMEOUT(read.count() + readFailed.count() == 1, 20000);
    QVERIFY2(readFailed.isEmpty(), qPrintable(readFailed.value(0).value(1).toString()));
    QCOMPARE(read.first().at(1).toByteArray(), token);

    QVERIFY(QFile::exists(store.settingsFileName()));
    QVERIFY(store.settingsFileName().startsWith(m_dir->path()));
    QCOMPARE(filesHolding(token), QStringList());

    // Removing the site takes its token out of the keychain too.
    QSignalSpy removed(&store, &SiteStore::tokenRemoved);
    store.removeSite(name);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 20000);
    read.clear();
    store.readToken(name);
    QTRY_COMPARE_WITH_TIMEOUT(readFailed.count(), 1, 20000);
    QVERIFY(read.isEmpty());
}

void TestSiteStore::dialogConnectsWithKeychainToken()
{
    if (!keychainIs("real"))
        QSKIP("needs a real keychain: run through tests/gui/with-keyring");
    const QByteArray token = freshToken();
    SiteStore store(settingsFile());
    {
        // Saving with a pasted token puts it in the keychain, then connects.
        ferry::ui::ConnectDialog dialog(&store);
        dialog.urlEdit()->setText(QStringLiteral("ws://127.0.0.1:7707"));
        dialog.tokenFileEdit()->clear();
        dialog.tokenEdit()->setText(QString::fromLatin1(token));
        dialog.saveSiteCheck()->setChecked(true);
        dialog.siteNameEdit()->setText(QStringLiteral("pasted"));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.connectButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 20000);
        QCOMPARE(dialog.sessionOptions().token, token);
        QVERIFY(store.site(QStringLiteral("pasted"))->tokenInKeychain);
        QVERIFY(store.site(QStringLiteral("pasted"))->tokenFile.isEmpty());
    }
    QCOMPARE(filesHolding(token), QStringList());

    // Next time, choosing the site is enough: the token comes from the keychain.
    ferry::ui::ConnectDialog dialog(&store);
    QVERIFY(dialog.selectSite(QStringLiteral("pasted")));
    QVERIFY(dialog.tokenEdit()->text().isEmpty());
    QVERIFY(dialog.tokenFileEdit()->text().isEmpty());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.connectButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 20000);
    QCOMPARE(dialog.sessionOptions().url, QUrl(QStringLiteral("ws://127.0.0.1:7707")));
    QCOMPARE(dialog.sessionOptions().token, token);
    QCOMPARE(dialog.siteName(), QStringLiteral("pasted"));
}

void TestSiteStore::jupyterTokenGoesToKeychain()
{
    if (!keychainIs("real"))
        QSKIP("needs a real keychain: run through tests/gui/with-keyring");
    const QByteArray token = freshToken();
    const QUrl url(QStringLiteral("jupyter+http://127.0.0.1:8888/"));
    SiteStore store(settingsFile());
    {
        // The address as the browser shows it, token and all, saved as a site.
        ferry::ui::ConnectDialog dialog(&store);
        dialog.setKind(ConnectionKind::WebTerminal);
        dialog.webAddressEdit()->setText(QStringLiteral("http://127.0.0.1:8888/lab?token=") + QString::fromLatin1(token));
        dialog.remoteRootEdit()->setText(QStringLiteral("work"));
        dialog.saveSiteCheck()->setChecked(true);
        dialog.siteNameEdit()->setText(QStringLiteral("notebook"));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.connectButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 20000);
        QCOMPARE(dialog.sessionOptions().url, url);
        QCOMPARE(dialog.sessionOptions().token, token);
        const std::optional<Site> saved = store.site(QStringLiteral("notebook"));
        QVERIFY(saved);
        QCOMPARE(saved->kind, ConnectionKind::WebTerminal);
        QCOMPARE(saved->url, url);
        QCOMPARE(saved->remoteRoot, QStringLiteral("work"));
        QVERIFY(saved->tokenInKeychain);
        QVERIFY(saved->tokenFile.isEmpty());
    }
    // Not in the settings (site or recent entry), nor anywhere else on disk.
    QCOMPARE(filesHolding(token), QStringList());

    // Next time, choosing the site is enough: the token comes from the keychain.
    {
        ferry::ui::ConnectDialog dialog(&store);
        QVERIFY(dialog.selectSite(QStringLiteral("notebook")));
        QCOMPARE(dialog.webTerminalTypeBox()->currentText(), QStringLiteral("Jupyter"));
        QVERIFY(dialog.jupyterTokenEdit()->text().isEmpty());
        QCOMPARE(dialog.jupyterTokenEdit()->placeholderText(), QStringLiteral("Saved in the system keychain"));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.connectButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 20000);
        QCOMPARE(dialog.sessionOptions().url, url);
        QCOMPARE(dialog.sessionOptions().token, token);
        QCOMPARE(dialog.sessionOptions().remoteRoot, QStringLiteral("work"));
        QCOMPARE(dialog.siteName(), QStringLiteral("notebook"));
    }

    // The server sees the token itself: the saved one goes to no other server.
    {
        ferry::ui::ConnectDialog dialog(&store);
        QVERIFY(dialog.selectSite(QStringLiteral("notebook")));
        dialog.webAddressEdit()->setText(QStringLiteral("http://elsewhere.example:8888/lab"));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QSignalSpy failed(&dialog, &ferry::ui::ConnectDialog::failed);
        dialog.connectButton()->click();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(accepted.count(), 0);
        QVERIFY2(dialog.message().contains(QStringLiteral("needs its token")), qPrintable(dialog.message()));
    }

    // Saved again as WeTTY's, the site needs no token: it goes.
    {
        ferry::ui::ConnectDialog dialog(&store);
        QVERIFY(dialog.selectSite(QStringLiteral("notebook")));
        dialog.webAddressEdit()->setText(QStringLiteral("http://127.0.0.1:3000/wetty"));
        dialog.form()->setWebTerminalType(ferry::ui::WebTerminalAddress::Type::Wetty);
        dialog.saveSiteCheck()->setChecked(true);
        QSignalSpy removed(&store, &SiteStore::tokenRemoved);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.connectButton()->click();
        QCOMPARE(accepted.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 20000);
        QCOMPARE(store.site(QStringLiteral("notebook"))->url, QUrl(QStringLiteral("wetty+ws://127.0.0.1:3000/wetty")));
        QVERIFY(!store.site(QStringLiteral("notebook"))->tokenInKeychain);
    }
}

void TestSiteStore::tokenWithoutKeychainIsRefusedClearly()
{
    if (!keychainIs("none"))
        QSKIP("needs no keychain service: run with DBUS_SESSION_BUS_ADDRESS pointing nowhere");
    const QByteArray token = freshToken();
    const QString name = QStringLiteral("no keychain");
    SiteStore store(settingsFile());
    store.saveSite(site(name, QStringLiteral("ws://127.0.0.1:7707")));
    QSignalSpy stored(&store, &SiteStore::tokenStored);
    QSignalSpy failed(&store, &SiteStore::tokenStoreFailed);
    store.storeToken(name, token);
    QTRY_VERIFY_WITH_TIMEOUT(stored.count() + failed.count() == 1, 20000);
    QVERIFY(stored.isEmpty());
    QCOMPARE(failed.first().at(0).toString(), name);
    QCOMPARE(failed.first().at(1).toString(),
             QStringLiteral("The system keychain is not available, so the token cannot be saved; you will be asked for it next time."));

    // The site itself is kept, without a token, and nothing secret is written.
    const std::optional<Site> kept = SiteStore(settingsFile()).site(name);
    QVERIFY(kept);
    QVERIFY(!kept->tokenInKeychain);
    QVERIFY(kept->tokenFile.isEmpty());
    QCOMPARE(filesHolding(token), QStringList());

    QSignalSpy readFailed(&store, &SiteStore::tokenReadFailed);
    store.readToken(name);
    QTRY_COMPARE_WITH_TIMEOUT(readFailed.count(), 1, 20000);
}

QTEST_MAIN(TestSiteStore)
#include "tst_sitestore.moc"
