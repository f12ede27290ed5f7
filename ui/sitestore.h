// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

class QSettings;

namespace QKeychain {
class Job;
}

namespace ferry::ui {

/// How a connection reaches the remote: a listening Ferry agent (URL and
/// token), a command whose stdin/stdout are a shell there (the agent is
/// brought along; no token), or a web terminal's shell (WeTTY, or a Jupyter
/// server's terminal with the server's token; the agent is brought along).
enum class ConnectionKind { Agent, Command, WebTerminal };

/// A saved connection. Holds no secret: a pasted token lives in the system
/// keychain, a token file is only referred to by its path.
struct Site {
    QString name;
    /// Agent: where it listens. Web terminal: wetty+ws(s)://... or
    /// jupyter+http(s)://..., never with a query (no token in it).
    QUrl url;
    /// Agent, Jupyter: where to read the token; empty when the token is in
    /// the keychain or has to be asked for.
    QString tokenFile;
    /// Agent, web terminal: SHA-256 of the TLS certificate the user
    /// trusted; empty if none.
    QByteArray fingerprint;
    /// Agent, Jupyter: a token for this site was stored in the system keychain.
    bool tokenInKeychain = false;
    ConnectionKind kind = ConnectionKind::Agent;
    /// Command: the command line that opens the remote shell.
    QString command{};
    /// Command, web terminal: the remote folder to serve; empty: the
    /// shell's working directory.
    QString remoteRoot{};

    friend bool operator==(const Site &, const Site &) = default;
};

/// One entry of the most-recently-used list.
struct RecentConnection {
    QUrl url;         ///< Agent, web terminal
    QString siteName; ///< empty when the connection was not a saved site
    ConnectionKind kind = ConnectionKind::Agent;
    QString command{};    ///< Command
    QString remoteRoot{}; ///< Command, web terminal

    friend bool operator==(const RecentConnection &, const RecentConnection &) = default;
};

/// Saved sites and recent connections in QSettings, tokens in the system
/// keychain (QtKeychain: Secret Service, KWallet, macOS Keychain, Windows
/// Credential Store). Keychain calls are asynchronous and answer through the
/// token signals; they never fall back to storing a token in plain text.
class SiteStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteStore)

public:
    static constexpr int kMaxRecent = 8;

    /// Uses the application's settings (organisation and name set first).
    explicit SiteStore(QObject *parent = nullptr);
    /// Uses the INI file @p settingsFile instead.
    explicit SiteStore(const QString &settingsFile, QObject *parent = nullptr);
    ~SiteStore() override;

    /// Saved sites, sorted by name.
    QList<Site> sites() const;
    std::optional<Site> site(const QString &name) const;
    /// Adds @p site, or replaces the one of the same name. The keychain is
    /// left alone: a replaced site keeps its stored token.
    void saveSite(const Site &site);
    /// Removes the site and, asynchronously, its keychain token.
    void removeSite(const QString &name);

    /// Most recent first, at most kMaxRecent.
    QList<RecentConnection> recent() const;
    /// Moves @p connection to the front (adding it if new).
    void addRecent(const RecentConnection &connection);
    void clearRecent();

    /// Stores @p token for site @p siteName in the system keychain; answers
    /// with tokenStored() or tokenStoreFailed(). On success the site (when it
    /// exists) is marked as having its token in the keychain.
    void storeToken(const QString &siteName, const QByteArray &token);
    /// Reads the token of @p siteName; answers with tokenRead() or
    /// tokenReadFailed().
    void readToken(const QString &siteName);
    /// Deletes the token of @p siteName; answers with tokenRemoved().
    void removeToken(const QString &siteName);

    /// The file the settings live in, for diagnostics and tests.
    QString settingsFileName() const;
    /// The keychain service name the tokens are filed under.
    static QString keychainService();

Q_SIGNALS:
    void sitesChanged();
    void recentChanged();
    void tokenStored(const QString &siteName);
    /// @p message is translated and meant for the user.
    void tokenStoreFailed(const QString &siteName, const QString &message);
    void tokenRead(const QString &siteName, const QByteArray &token);
    void tokenReadFailed(const QString &siteName, const QString &message);
    /// Also when there was nothing to delete or the keychain is unavailable.
    void tokenRemoved(const QString &siteName);

private:
    void writeSites(const QList<Site> &sites);
    void setTokenInKeychain(const QString &siteName, bool inKeychain);
    static QString keyFor(const QString &siteName);
    static QString describeFailure(const QKeychain::Job *job, bool writing);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace ferry::ui
