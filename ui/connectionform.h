// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "ui/sitestore.h"
#include "ui/webterminaladdress.h"

#include <QList>
#include <QWidget>

#include <utility>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ferry::ui {

class TokenFields;

/// The connection dialog's form: the way in (a Ferry agent, a command, a
/// web terminal) with the fields of the one chosen, the remote folder, and
/// whether to save it all as a site. Fills itself from a site or a recent
/// connection and reads what was typed into URLs, saying what is wrong with
/// them; what to do with them is the dialog's.
class ConnectionForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionForm)

public:
    explicit ConnectionForm(QWidget *parent = nullptr);

    /// Shows the fields of @p kind.
    void setKind(ConnectionKind kind);
    ConnectionKind kind() const;
    WebTerminalAddress::Type webTerminalType() const;
    void setWebTerminalType(WebTerminalAddress::Type type);

    /// An agent's URL, or a web terminal's (wetty+ws://..., jupyter+http://...).
    void setUrl(const QUrl &url);
    /// The agent's token file.
    void setTokenFile(const QString &path);
    void setShellCommand(const QString &command, const QString &remoteRoot);
    void setWebTerminal(const QUrl &url, const QString &remoteRoot);
    void showSite(const Site &site);
    void showRecent(const RecentConnection &connection);

    /// Agent: the URL typed, if it is one an agent can have.
    Expected<QUrl> agentUrl() const;
    /// Web terminal: the address typed, read; a token it carried is in
    /// the Jupyter token field now.
    Expected<WebTerminalAddress> webTerminalAddress();
    QString command() const;
    QString remoteRoot() const;
    /// The token fields of the kind chosen: the agent's or Jupyter's.
    TokenFields *tokenFields() const;
    TokenFields *agentToken() const { return m_agentToken; }
    TokenFields *jupyterToken() const { return m_jupyterToken; }
    /// The controls in reading order, for the dialog's tab order.
    QList<QWidget *> focusOrder() const;
    /// Moves the focus to the main field of the kind chosen.
    void focusMainField();

    QRadioButton *agentKindButton() const { return m_agentKind; }
    QRadioButton *commandKindButton() const { return m_commandKind; }
    QRadioButton *webTerminalKindButton() const { return m_webKind; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *commandEdit() const { return m_command; }
    QPushButton *examplesButton() const { return m_examples; }
    QComboBox *webTerminalTypeBox() const { return m_webType; }
    QLineEdit *webAddressEdit() const { return m_webAddress; }
    QLineEdit *remoteRootEdit() const { return m_remoteRoot; }
    QCheckBox *saveSiteCheck() const { return m_saveSite; }
    QLineEdit *siteNameEdit() const { return m_siteName; }

Q_SIGNALS:
    /// Another kind or type of web terminal was chosen.
    void kindChanged();

private:
    void buildLayout();
    void buildExamplesMenu();
    void setAccessibleNames();
    void showKindFields();
    /// Web terminal: the address field as a browser page's address, the
    /// token it carried moved to the token field.
    void tidyWebAddress();

    QRadioButton *m_agentKind;
    QRadioButton *m_commandKind;
    QRadioButton *m_webKind;
    QLineEdit *m_url;
    TokenFields *m_agentToken;
    QLineEdit *m_command;
    QPushButton *m_examples;
    QLabel *m_commandHint;
    QComboBox *m_webType;
    QLineEdit *m_webAddress;
    QLabel *m_webHint;
    TokenFields *m_jupyterToken;
    QLineEdit *m_remoteRoot;
    QCheckBox *m_saveSite;
    QLineEdit *m_siteName;
    QFormLayout *m_form = nullptr;
    /// Which rows of m_form are shown for what is chosen.
    enum ShownFor { ForAgent = 1, ForCommand = 2, ForWetty = 4, ForJupyter = 8, ForWebTerminal = ForWetty | ForJupyter };
    QList<std::pair<int, int>> m_kindRows; ///< row, ShownFor flags
};

} // namespace ferry::ui
