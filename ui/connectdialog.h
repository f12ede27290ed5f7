// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/session.h"
#include "core/error.h"
#include "ui/connectionform.h"
#include "ui/sitestore.h"
#include "ui/tokenfields.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;

namespace ferry::ui {

/// "Connect to Agent": a listening agent's URL and its token (from a file,
/// pasted, or from the keychain for a saved site); or a command line that
/// opens a shell on the remote; or a web terminal (WeTTY, or a Jupyter
/// server with its token, kept like an agent's) whose page address is
/// taken as the browser shows it. Through a shell the agent is brought
/// along and serves the remote folder given. Beside them the saved sites
/// and the recent connections. Accepting yields the SessionOptions to open
/// a Session with; whatever is wrong (a bad URL, an unreadable token file,
/// no command) is shown in the dialog, which then stays open.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    /// @p store must outlive the dialog.
    explicit ConnectDialog(SiteStore *store, QWidget *parent = nullptr);

    /// Fills the fields, e.g. from the command line: an agent's URL, or a
    /// web terminal's (wetty+ws://..., jupyter+http://...).
    void setUrl(const QUrl &url) { m_form->setUrl(url); }
    /// The agent's token file.
    void setTokenFile(const QString &path) { m_form->setTokenFile(path); }
    /// Switches to the command kind with these fields.
    void setShellCommand(const QString &command, const QString &remoteRoot) { m_form->setShellCommand(command, remoteRoot); }
    /// Switches to the web terminal kind with these fields.
    void setWebTerminal(const QUrl &url, const QString &remoteRoot) { m_form->setWebTerminal(url, remoteRoot); }
    /// Shows the fields of @p kind.
    void setKind(ConnectionKind kind) { m_form->setKind(kind); }
    ConnectionKind kind() const { return m_form->kind(); }
    /// Selects the saved site @p name and fills the fields from it.
    bool selectSite(const QString &name);

    /// The connection to open; valid once the dialog was accepted.
    const client::SessionOptions &sessionOptions() const { return m_options; }
    /// The saved site the connection is for (selected or just saved); empty
    /// for a one-off connection.
    const QString &siteName() const { return m_acceptedSite; }
    /// The Recent entry for what was accepted. The window adds it once the
    /// connection works, so an address that never connected is not kept.
    RecentConnection recentConnection() const;
    /// The error or notice on display; empty when there is none.
    QString message() const;

    ConnectionForm *form() const { return m_form; }
    QRadioButton *agentKindButton() const { return m_form->agentKindButton(); }
    QRadioButton *commandKindButton() const { return m_form->commandKindButton(); }
    QRadioButton *webTerminalKindButton() const { return m_form->webTerminalKindButton(); }
    QLineEdit *urlEdit() const { return m_form->urlEdit(); }
    QLineEdit *tokenFileEdit() const { return m_form->agentToken()->fileEdit(); }
    QPushButton *browseButton() const { return m_form->agentToken()->browseButton(); }
    QLineEdit *tokenEdit() const { return m_form->agentToken()->pastedEdit(); }
    QLineEdit *commandEdit() const { return m_form->commandEdit(); }
    QPushButton *examplesButton() const { return m_form->examplesButton(); }
    QComboBox *webTerminalTypeBox() const { return m_form->webTerminalTypeBox(); }
    QLineEdit *webAddressEdit() const { return m_form->webAddressEdit(); }
    QLineEdit *jupyterTokenFileEdit() const { return m_form->jupyterToken()->fileEdit(); }
    QPushButton *jupyterBrowseButton() const { return m_form->jupyterToken()->browseButton(); }
    QLineEdit *jupyterTokenEdit() const { return m_form->jupyterToken()->pastedEdit(); }
    QLineEdit *remoteRootEdit() const { return m_form->remoteRootEdit(); }
    QListWidget *siteList() const { return m_sites; }
    QPushButton *deleteSiteButton() const { return m_deleteSite; }
    QListWidget *recentList() const { return m_recent; }
    QCheckBox *saveSiteCheck() const { return m_form->saveSiteCheck(); }
    QLineEdit *siteNameEdit() const { return m_form->siteNameEdit(); }
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
    void showMessage(const QString &text, bool error);
    /// Taller when what is shown needs it; never smaller.
    void growToFit();
    void setWaiting(const QString &siteName, const QString &text);
    void fail(const QString &message);
    void acceptAgent();
    void acceptCommand();
    void acceptWebTerminal();
    /// Saves the site of a command or of WeTTY, which need no token.
    void saveTokenlessSite(const QString &name);
    /// The name to save the site under, empty when it is not to be saved;
    /// nothing (and the user told) when saving without a name.
    std::optional<QString> nameToSave();
    enum class TokenSource { Pasted, File, Keychain };
    /// Goes on with the token (saving the site first when asked to).
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
    ConnectionForm *m_form;
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
