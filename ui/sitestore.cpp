// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sitestore.h"

#include <qt6keychain/keychain.h>

#include <QLoggingCategory>
#include <QSettings>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSites, "ferry.sites", QtWarningMsg)

namespace ferry::ui {

namespace {

const QString kSites = QStringLiteral("sites");
const QString kRecent = QStringLiteral("recent");
const QString kName = QStringLiteral("name");
const QString kUrl = QStringLiteral("url");
const QString kTokenFile = QStringLiteral("tokenFile");
const QString kFingerprint = QStringLiteral("fingerprint");
const QString kTokenInKeychain = QStringLiteral("tokenInKeychain");
const QString kSite = QStringLiteral("site");
const QString kKind = QStringLiteral("kind");
const QString kCommand = QStringLiteral("command");
const QString kRemoteRoot = QStringLiteral("remoteRoot");
const QString kCommandKind = QStringLiteral("command");
const QString kAgentKind = QStringLiteral("agent");
const QString kWebTerminalKind = QStringLiteral("webterminal");

// Settings written before there were command connections have no kind:
// every entry there is an agent's.
ConnectionKind readKind(const QSettings &settings)
{
    const QString kind = settings.value(kKind).toString();
    if (kind == kCommandKind)
        return ConnectionKind::Command;
    if (kind == kWebTerminalKind)
        return ConnectionKind::WebTerminal;
    return ConnectionKind::Agent;
}

void writeKind(QSettings &settings, ConnectionKind kind)
{
    switch (kind) {
    case ConnectionKind::Agent:
        settings.setValue(kKind, kAgentKind);
        break;
    case ConnectionKind::Command:
        settings.setValue(kKind, kCommandKind);
        break;
    case ConnectionKind::WebTerminal:
        settings.setValue(kKind, kWebTerminalKind);
        break;
    }
}

/// The URL as kept in the settings: a web terminal's never with a query or
/// fragment, where a pasted token could hide.
QString storedUrl(ConnectionKind kind, const QUrl &url)
{
    return (kind == ConnectionKind::WebTerminal ? url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment) : url).toString();
}

} // namespace

SiteStore::SiteStore(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{
}

SiteStore::SiteStore(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{
}

SiteStore::~SiteStore() = default;

QString SiteStore::keychainService()
{
    return QStringLiteral("Ferry");
}

QString SiteStore::keyFor(const QString &siteName)
{
    return QStringLiteral("site:") + siteName;
}

QString SiteStore::settingsFileName() const
{
    return m_settings->fileName();
}

QList<Site> SiteStore::sites() const
{
    QList<Site> out;
    const int n = m_settings->beginReadArray(kSites);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        Site s;
        s.name = m_settings->value(kName).toString();
        s.url = QUrl(m_settings->value(kUrl).toString());
        s.tokenFile = m_settings->value(kTokenFile).toString();
        s.fingerprint = QByteArray::fromHex(m_settings->value(kFingerprint).toString().toLatin1());
        s.tokenInKeychain = m_settings->value(kTokenInKeychain, false).toBool();
        s.kind = readKind(*m_settings);
        s.command = m_settings->value(kCommand).toString();
        s.remoteRoot = m_settings->value(kRemoteRoot).toString();
        if (!s.name.isEmpty())
            out.append(s);
    }
    m_settings->endArray();
    std::ranges::sort(out, [](const Site &a, const Site &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return out;
}

std::optional<Site> SiteStore::site(const QString &name) const
{
    const QList<Site> all = sites();
    const auto it = std::ranges::find(all, name, &Site::name);
    if (it == all.end())
        return std::nullopt;
    return *it;
}

void SiteStore::writeSites(const QList<Site> &sites)
{
    // Rewritten whole: an array needs no escaping of the names a user picks.
    m_settings->remove(kSites);
    m_settings->beginWriteArray(kSites, int(sites.size()));
    for (int i = 0; i < sites.size(); ++i) {
        const Site &s = sites.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(kName, s.name);
        writeKind(*m_settings, s.kind);
        if (s.kind == ConnectionKind::Command) {
            m_settings->setValue(kCommand, s.command);
            m_settings->setValue(kRemoteRoot, s.remoteRoot);
            continue;
        }
        m_settings->setValue(kUrl, storedUrl(s.kind, s.url));
        m_settings->setValue(kTokenFile, s.tokenFile);
        m_settings->setValue(kFingerprint, QString::fromLatin1(s.fingerprint.toHex()));
        m_settings->setValue(kTokenInKeychain, s.tokenInKeychain);
        if (s.kind == ConnectionKind::WebTerminal)
            m_settings->setValue(kRemoteRoot, s.remoteRoot);
    }
    m_settings->endArray();
    m_settings->sync();
    Q_EMIT sitesChanged();
}

void SiteStore::saveSite(const Site &site)
{
    QList<Site> all = sites();
    if (const auto it = std::ranges::find(all, site.name, &Site::name); it != all.end())
        *it = site;
    else
        all.append(site);
    writeSites(all);
}

void SiteStore::removeSite(const QString &name)
{
    QList<Site> all = sites();
    const auto it = std::ranges::find(all, name, &Site::name);
    if (it == all.end())
        return;
    const bool hadToken = it->tokenInKeychain;
    all.erase(it);
    writeSites(all);
    if (hadToken)
        removeToken(name);
}

void SiteStore::setTokenInKeychain(const QString &siteName, bool inKeychain)
{
    std::optional<Site> s = site(siteName);
    if (!s || s->tokenInKeychain == inKeychain)
        return;
    s->tokenInKeychain = inKeychain;
    saveSite(*s);
}

QList<RecentConnection> SiteStore::recent() const
{
    QList<RecentConnection> out;
    const int n = m_settings->beginReadArray(kRecent);
    for (int i = 0; i < n && out.size() < kMaxRecent; ++i) {
        m_settings->setArrayIndex(i);
        RecentConnection r{QUrl(m_settings->value(kUrl).toString()), m_settings->value(kSite).toString()};
        r.kind = readKind(*m_settings);
        if (r.kind == ConnectionKind::Command) {
            r.url.clear();
            r.command = m_settings->value(kCommand).toString();
            r.remoteRoot = m_settings->value(kRemoteRoot).toString();
            if (!r.command.trimmed().isEmpty())
                out.append(r);
        } else if (r.url.isValid() && !r.url.isEmpty()) {
            if (r.kind == ConnectionKind::WebTerminal)
                r.remoteRoot = m_settings->value(kRemoteRoot).toString();
            out.append(r);
        }
    }
    m_settings->endArray();
    return out;
}

void SiteStore::addRecent(const RecentConnection &connection)
{
    QList<RecentConnection> all = recent();
    all.removeAll(connection);
    all.prepend(connection);
    if (all.size() > kMaxRecent)
        all.resize(kMaxRecent);
    m_settings->remove(kRecent);
    m_settings->beginWriteArray(kRecent, int(all.size()));
    for (int i = 0; i < all.size(); ++i) {
        const RecentConnection &r = all.at(i);
        m_settings->setArrayIndex(i);
        writeKind(*m_settings, r.kind);
        m_settings->setValue(kSite, r.siteName);
        if (r.kind == ConnectionKind::Command) {
            m_settings->setValue(kCommand, r.command);
            m_settings->setValue(kRemoteRoot, r.remoteRoot);
        } else {
            m_settings->setValue(kUrl, storedUrl(r.kind, r.url));
            if (r.kind == ConnectionKind::WebTerminal)
                m_settings->setValue(kRemoteRoot, r.remoteRoot);
        }
    }
    m_settings->endArray();
    m_settings->sync();
    Q_EMIT recentChanged();
}

void SiteStore::clearRecent()
{
    m_settings->remove(kRecent);
    m_settings->sync();
    Q_EMIT recentChanged();
}

QString SiteStore::describeFailure(const QKeychain::Job *job, bool writing)
{
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        return tr("No token for this site is saved in the system keychain.");
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return writing ? tr("The system keychain refused to store the token; you will be asked for it next time.")
                       : tr("The system keychain refused access to the saved token.");
    default:
        // No Secret Service or KWallet on the session bus, or no session bus
        // at all, arrive as NoBackendAvailable or as OtherError from D-Bus.
        return writing ? tr("The system keychain is not available, so the token cannot be saved; you will be asked for it next time.")
                       : tr("The system keychain is not available, so the saved token cannot be read.");
    }
}

// Jobs get no parent and delete themselves: QtKeychain's backends call back
// into a job after it finishes its D-Bus round trip, so a job must outlive a
// store destroyed in the meantime. The connection's context drops the answer.

void SiteStore::storeToken(const QString &siteName, const QByteArray &token)
{
    auto *job = new QKeychain::WritePasswordJob(keychainService());
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a token in a plain settings file
    job->setKey(keyFor(siteName));
    job->setBinaryData(token);
    connect(job, &QKeychain::Job::finished, this, [this, siteName](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError) {
            qCWarning(lcSites) << "storing the token of" << siteName << "failed:" << done->error() << done->errorString();
            setTokenInKeychain(siteName, false);
            Q_EMIT tokenStoreFailed(siteName, describeFailure(done, true));
            return;
        }
        setTokenInKeychain(siteName, true);
        Q_EMIT tokenStored(siteName);
    });
    job->start();
}

void SiteStore::readToken(const QString &siteName)
{
    auto *job = new QKeychain::ReadPasswordJob(keychainService());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(siteName));
    connect(job, &QKeychain::Job::finished, this, [this, siteName](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError) {
            qCWarning(lcSites) << "reading the token of" << siteName << "failed:" << done->error() << done->errorString();
            Q_EMIT tokenReadFailed(siteName, describeFailure(done, false));
            return;
        }
        Q_EMIT tokenRead(siteName, static_cast<QKeychain::ReadPasswordJob *>(done)->binaryData());
    });
    job->start();
}

void SiteStore::removeToken(const QString &siteName)
{
    auto *job = new QKeychain::DeletePasswordJob(keychainService());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(siteName));
    connect(job, &QKeychain::Job::finished, this, [this, siteName](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError && done->error() != QKeychain::EntryNotFound)
            qCWarning(lcSites) << "deleting the token of" << siteName << "failed:" << done->error() << done->errorString();
        setTokenInKeychain(siteName, false);
        Q_EMIT tokenRemoved(siteName);
    });
    job->start();
}

} // namespace ferry::ui
