// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/session.h"
#include "core/error.h"
#include "ui/sitestore.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace ferry::ui {

/// "Connect to Agent": either a listening agent's URL and its token (from a
/// file, pasted, or from the keychain for a saved site), or a command line
/// that opens a shell on the remote (the agent is brought along) and the
/// remote folder to serve; beside them the saved sites and the recent
/// connections. Accepting yields the SessionOptions to open a Session with;
/// whatever is wrong (a bad URL, an unreadable token file, no command) is
/// shown in the dialog, which then stays open.
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
    /// Switches to the command kind with these fields.
    void setShellCommand(const QString &command, const QString &remoteRoot);
    /// Shows the fields of @p kind.
    void setKind(ConnectionKind kind);
    ConnectionKind kind() const;
    /// Selects the saved site @p name and fills the fields from it.
    bool selectSite(const QString &name);

    /// The connection to open; valid once the dialog was accepted.
    const client::SessionOptions &sessionOptions() const { return m_options; }
    /// The saved site the connection is for (selected or just saved); empty
    /// for a one-off connection.
    const QString &siteName() const { return m_acceptedSite; }
    /// The error or notice on display; empty when there is none.
    QString message() const;

    QRadioButton *agentKindButton() const { return m_agentKind; }
    QRadioButton *commandKindButton() const { return m_commandKind; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *tokenFileEdit() const { return m_tokenFile; }
    QPushButton *browseButton() const { return m_browse; }
    QLineEdit *tokenEdit() const { return m_token; }
    QLineEdit *commandEdit() const { return m_command; }
    QPushButton *examplesButton() const { return m_examples; }
    QLineEdit *remoteRootEdit() const { return m_remoteRoot; }
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
    void buildExamplesMenu();
    void showKindFields();
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
    void acceptCommand();
    /// The name to save the site under, empty when it is not to be saved;
    /// nothing (and the user told) when saving without a name.
    std::optional<QString> nameToSave();
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
    QRadioButton *m_agentKind;
    QRadioButton *m_commandKind;
    QLineEdit *m_url;
    QLineEdit *m_tokenFile;
    QPushButton *m_browse;
    QLineEdit *m_token;
    QLineEdit *m_command;
    QPushButton *m_examples;
    QLabel *m_commandHint;
    QLineEdit *m_remoteRoot;
    QFormLayout *m_form = nullptr;
    QList<int> m_agentRows;   ///< rows of m_form shown for a Ferry agent
    QList<int> m_commandRows; ///< rows of m_form shown for a command
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
