// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/session.h"
#include "core/error.h"
#include "ui/sitestore.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ferry::ui {

/// "Connect to Agent": an agent URL and its token (from a file, pasted, or
/// from the keychain for a saved site), the saved sites and the recent
/// connections. Accepting yields the SessionOptions to open a Session with;
/// whatever is wrong (a bad URL, an unreadable token file) is shown in the
/// dialog, which then stays open.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    /// @p store must outlive the dialog.
    explicit ConnectDialog(SiteStore *store, QWidget *parent = nullptr);

    /// Fills the fields, e.g. from the command line.
    void setUrl(const QUrl &url);
    void setTokenFile(const QString &path);
    /// Selects the saved site @p name and fills the fields from it.
    bool selectSite(const QString &name);

    /// The connection to open; valid once the dialog was accepted.
    const client::SessionOptions &sessionOptions() const { return m_options; }
    /// The saved site the connection is for (selected or just saved); empty
    /// for a one-off connection.
    const QString &siteName() const { return m_acceptedSite; }
    /// The error or notice on display; empty when there is none.
    QString message() const;

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *tokenFileEdit() const { return m_tokenFile; }
    QPushButton *browseButton() const { return m_browse; }
    QLineEdit *tokenEdit() const { return m_token; }
    QListWidget *siteList() const { return m_sites; }
    QPushButton *deleteSiteButton() const { return m_deleteSite; }
    QListWidget *recentList() const { return m_recent; }
    QCheckBox *saveSiteCheck() const { return m_saveSite; }
    QLineEdit *siteNameEdit() const { return m_siteName; }
    QPushButton *connectButton() const { return m_connect; }

public Q_SLOTS:
    /// Validates and builds the options; the dialog closes only on success.
    void accept() override;

Q_SIGNALS:
    /// Accepting gave up: @p message is on display in the dialog.
    void failed(const QString &message);

private:
    void buildLayout();
    void reloadSites();
    void reloadRecent();
    void siteActivated();
    void recentActivated();
    void deleteSelectedSite();
    void browse();
    void showMessage(const QString &text, bool error);
    void setWaiting(const QString &siteName, const QString &text);
    void fail(const QString &message);
    Expected<QUrl> validatedUrl() const;
    enum class TokenSource { Pasted, File, Keychain };
    void withToken(const QByteArray &token, TokenSource source);
    void finish();
    void onTokenRead(const QString &siteName, const QByteArray &token);
    void onTokenReadFailed(const QString &siteName, const QString &message);
    void onTokenStored(const QString &siteName);
    void onTokenStoreFailed(const QString &siteName, const QString &message);
    std::optional<Site> selectedSite() const;

    SiteStore *m_store;
    QListWidget *m_sites;
    QPushButton *m_deleteSite;
    QListWidget *m_recent;
    QLineEdit *m_url;
    QLineEdit *m_tokenFile;
    QPushButton *m_browse;
    QLineEdit *m_token;
    QCheckBox *m_saveSite;
    QLineEdit *m_siteName;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_connect;

    client::SessionOptions m_options;
    QString m_acceptedSite;
    /// A keychain read or write in flight for this site; Connect waits.
    QString m_waitingFor;
    /// The keychain failed to store this site's token and the user was told;
    /// the next Connect goes on without trying again.
    QString m_keychainWarnedFor;
};

} // namespace ferry::ui
