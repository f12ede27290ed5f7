// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectionform.h"

#include "core/net/auth.h"
#include "ui/tokenfields.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

ConnectionForm::ConnectionForm(QWidget *parent)
    : QWidget(parent)
    , m_agentKind(new QRadioButton(tr("Ferry &agent"), this))
    , m_commandKind(new QRadioButton(tr("C&ommand"), this))
    , m_webKind(new QRadioButton(tr("&Web terminal"), this))
    , m_url(new QLineEdit(this))
    , m_agentToken(new TokenFields(this, tr("Choose the Agent's Token File")))
    , m_command(new QLineEdit(this))
    , m_examples(new QPushButton(this))
    , m_commandHint(new QLabel(this))
    , m_webType(new QComboBox(this))
    , m_webAddress(new QLineEdit(this))
    , m_webHint(new QLabel(this))
    , m_jupyterToken(new TokenFields(this, tr("Choose the File Holding the Jupyter Server's Token")))
    , m_remoteRoot(new QLineEdit(this))
    , m_saveSite(new QCheckBox(tr("Sa&ve as site"), this))
    , m_siteName(new QLineEdit(this))
{
    buildLayout();
    buildExamplesMenu();
    setAccessibleNames();
    for (QRadioButton *kind : {m_agentKind, m_commandKind, m_webKind}) {
        connect(kind, &QRadioButton::toggled, this, [this](bool checked) {
            if (checked)
                showKindFields();
        });
    }
    connect(m_webType, &QComboBox::currentIndexChanged, this, &ConnectionForm::showKindFields);
    connect(m_webAddress, &QLineEdit::editingFinished, this, &ConnectionForm::tidyWebAddress);
    connect(m_saveSite, &QCheckBox::toggled, m_siteName, &QWidget::setEnabled);
}

void ConnectionForm::buildLayout()
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_form = form;
    const auto shownFor = [this, form](int shown) { m_kindRows.append({form->rowCount() - 1, shown}); };
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_agentKind);
    kindRow->addWidget(m_commandKind);
    kindRow->addWidget(m_webKind);
    kindRow->addStretch(1);
    m_agentKind->setChecked(true);
    form->addRow(tr("Connect through:"), kindRow);

    m_url->setPlaceholderText(u"ws://host:7707"_s);
    form->addRow(buddyLabel(tr("Agent &URL:"), m_url, this), m_url);
    shownFor(ForAgent);
    m_agentToken->fileEdit()->setText(net::auth::defaultTokenPath());
    for (const int row : m_agentToken->addRows(form))
        m_kindRows.append({row, ForAgent});

    m_command->setPlaceholderText(u"ssh -T user@host"_s);
    m_command->setClearButtonEnabled(true);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(m_command, 1);
    commandRow->addWidget(m_examples);
    form->addRow(buddyLabel(tr("Command &line:"), m_command, this), commandRow);
    shownFor(ForCommand);
    m_commandHint->setText(tr("Runs on this computer through /bin/sh -c; its input and output must be a shell on the remote machine. "
                              "Ferry brings its agent along: uploaded on the first connection, kept there for the next."));
    m_commandHint->setWordWrap(true);
    form->addRow(m_commandHint);
    shownFor(ForCommand);

    for (const auto type : {WebTerminalAddress::Type::Wetty, WebTerminalAddress::Type::Jupyter})
        m_webType->addItem(WebTerminalAddress::typeName(type), int(type));
    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(m_webType);
    typeRow->addStretch(1);
    form->addRow(buddyLabel(tr("&Type:"), m_webType, this), typeRow);
    shownFor(ForWebTerminal);
    m_webAddress->setClearButtonEnabled(true);
    form->addRow(buddyLabel(tr("Addr&ess:"), m_webAddress, this), m_webAddress);
    shownFor(ForWebTerminal);
    m_webHint->setWordWrap(true);
    form->addRow(m_webHint);
    shownFor(ForWebTerminal);
    for (const int row : m_jupyterToken->addRows(form))
        m_kindRows.append({row, ForJupyter});

    form->addRow(buddyLabel(tr("Remote &folder:"), m_remoteRoot, this), m_remoteRoot);
    shownFor(ForCommand | ForWebTerminal);
    form->addRow(m_saveSite);
    m_siteName->setEnabled(false);
    form->addRow(buddyLabel(tr("Site na&me:"), m_siteName, this), m_siteName);
    // The fields stay where they are when the kind changes: the label
    // column is as wide as the widest label of any kind.
    int labelWidth = 0;
    for (int row = 0; row < form->rowCount(); ++row)
        if (QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole); label && label->widget())
            labelWidth = std::max(labelWidth, label->widget()->sizeHint().width());
    form->itemAt(0, QFormLayout::LabelRole)->widget()->setMinimumWidth(labelWidth);
    showKindFields();
}

void ConnectionForm::buildExamplesMenu()
{
    m_examples->setText(tr("E&xamples"));
    m_examples->setToolTip(tr("Fill in an example command line"));
    auto *menu = new QMenu(m_examples);
    struct Example {
        QString label;
        QString command;
        QString placeholder; ///< selected afterwards, so typing replaces it
    };
    const QList<Example> examples{
        {tr("SSH: %1"), u"ssh -T user@host"_s, u"user@host"_s},
        {tr("Kubernetes pod: %1"), u"kubectl exec -i POD -- sh"_s, u"POD"_s},
        {tr("Docker container: %1"), u"docker exec -i CONTAINER sh"_s, u"CONTAINER"_s},
    };
    for (const Example &example : examples) {
        QAction *action = menu->addAction(example.label.arg(example.command));
        connect(action, &QAction::triggered, this, [this, example] {
            m_command->setText(example.command);
            m_command->setFocus();
            m_command->setSelection(int(example.command.indexOf(example.placeholder)), int(example.placeholder.size()));
        });
    }
    m_examples->setMenu(menu);
}

void ConnectionForm::setAccessibleNames()
{
    m_agentKind->setAccessibleName(tr("Connect through a Ferry agent"));
    m_commandKind->setAccessibleName(tr("Connect through a command"));
    m_webKind->setAccessibleName(tr("Connect through a web terminal"));
    m_url->setAccessibleName(tr("Agent URL"));
    m_agentToken->setAccessibleNames(tr("Token file"), tr("Browse for the token file"), tr("Pasted token"));
    m_command->setAccessibleName(tr("Command line"));
    m_examples->setAccessibleName(tr("Example commands"));
    m_webType->setAccessibleName(tr("Web terminal type"));
    m_webAddress->setAccessibleName(tr("Web terminal address"));
    m_jupyterToken->setAccessibleNames(tr("Jupyter token file"), tr("Browse for the Jupyter token file"), tr("Pasted Jupyter token"));
    m_remoteRoot->setAccessibleName(tr("Remote folder"));
    m_saveSite->setAccessibleName(tr("Save as site"));
    m_siteName->setAccessibleName(tr("Site name"));
}

QList<QWidget *> ConnectionForm::focusOrder() const
{
    // Tab stops at the checked kind only; the arrow keys move between kinds.
    return {m_agentKind,
            m_commandKind,
            m_webKind,
            m_url,
            m_agentToken->fileEdit(),
            m_agentToken->browseButton(),
            m_agentToken->pastedEdit(),
            m_command,
            m_examples,
            m_webType,
            m_webAddress,
            m_jupyterToken->fileEdit(),
            m_jupyterToken->browseButton(),
            m_jupyterToken->pastedEdit(),
            m_remoteRoot,
            m_saveSite,
            m_siteName};
}

ConnectionKind ConnectionForm::kind() const
{
    if (m_commandKind->isChecked())
        return ConnectionKind::Command;
    if (m_webKind->isChecked())
        return ConnectionKind::WebTerminal;
    return ConnectionKind::Agent;
}

void ConnectionForm::setKind(ConnectionKind kind)
{
    switch (kind) {
    case ConnectionKind::Agent:
        m_agentKind->setChecked(true);
        break;
    case ConnectionKind::Command:
        m_commandKind->setChecked(true);
        break;
    case ConnectionKind::WebTerminal:
        m_webKind->setChecked(true);
        break;
    }
}

WebTerminalAddress::Type ConnectionForm::webTerminalType() const
{
    return WebTerminalAddress::Type(m_webType->currentData().toInt());
}

void ConnectionForm::setWebTerminalType(WebTerminalAddress::Type type)
{
    m_webType->setCurrentIndex(m_webType->findData(int(type)));
}

TokenFields *ConnectionForm::tokenFields() const
{
    return kind() == ConnectionKind::WebTerminal ? m_jupyterToken : m_agentToken;
}

void ConnectionForm::showKindFields()
{
    const ConnectionKind chosen = kind();
    const bool jupyter = webTerminalType() == WebTerminalAddress::Type::Jupyter;
    const int shown = chosen == ConnectionKind::Agent     ? ForAgent
                      : chosen == ConnectionKind::Command ? ForCommand
                      : jupyter                           ? ForJupyter
                                                          : ForWetty;
    for (const auto &[row, shownFor] : std::as_const(m_kindRows))
        m_form->setRowVisible(row, (shownFor & shown) != 0);
    // Tab reaches the chosen kind only, as after a click on it (Qt fixes
    // that up only when a radio button gets the focus, not on setChecked).
    for (QRadioButton *kind : {m_agentKind, m_commandKind, m_webKind})
        kind->setFocusPolicy(kind->isChecked() ? Qt::StrongFocus : Qt::ClickFocus);

    const bool command = chosen == ConnectionKind::Command;
    m_remoteRoot->setPlaceholderText(command ? tr("Empty: the shell's working directory") : tr("Empty: the terminal's starting folder"));
    m_remoteRoot->setToolTip(command ? tr("The folder Ferry serves on the remote machine. A relative path starts in the shell's working directory "
                                          "(for ssh, the home folder); ~ is not expanded.")
                                     : tr("The folder Ferry serves on the remote machine. A relative path starts in the terminal's starting folder "
                                          "(WeTTY's: the home folder; Jupyter's: the server's root folder); ~ is not expanded."));
    m_webAddress->setPlaceholderText(jupyter ? u"http://host:8888/lab"_s : u"http://host:3000/wetty"_s);
    m_webHint->setText(jupyter ? tr("The address of JupyterLab or Notebook as the browser shows it; a token in it moves to the token field. "
                                    "Ferry brings its agent along through a terminal of the server: uploaded on the first connection, kept there for the next.")
                               : tr("The address of WeTTY's page as the browser shows it. "
                                    "Ferry brings its agent along through the terminal: uploaded on the first connection, kept there for the next."));
    // Focus must not stay on a field that is gone.
    if (QWidget *focus = QApplication::focusWidget(); focus && isAncestorOf(focus) && focus->isHidden())
        focusMainField();
    Q_EMIT kindChanged();
}

void ConnectionForm::focusMainField()
{
    switch (kind()) {
    case ConnectionKind::Agent:
        return m_url->setFocus();
    case ConnectionKind::Command:
        return m_command->setFocus();
    case ConnectionKind::WebTerminal:
        return m_webAddress->setFocus();
    }
}

void ConnectionForm::tidyWebAddress()
{
    const Expected<WebTerminalAddress> address = WebTerminalAddress::parse(m_webAddress->text(), webTerminalType());
    if (!address)
        return; // Connect says what is wrong
    if (!address->token.isEmpty())
        m_jupyterToken->pastedEdit()->setText(QString::fromUtf8(address->token));
    setWebTerminalType(address->type);
    if (const QString page = WebTerminalAddress::page(address->url); m_webAddress->text() != page)
        m_webAddress->setText(page);
}

void ConnectionForm::setUrl(const QUrl &url)
{
    if (WebTerminalAddress::typeOf(url))
        return setWebTerminal(url, m_remoteRoot->text());
    setKind(ConnectionKind::Agent);
    m_url->setText(url.toString());
}

void ConnectionForm::setTokenFile(const QString &path)
{
    m_agentToken->fileEdit()->setText(path);
}

void ConnectionForm::setShellCommand(const QString &command, const QString &remoteRoot)
{
    setKind(ConnectionKind::Command);
    m_command->setText(command);
    m_remoteRoot->setText(remoteRoot);
}

void ConnectionForm::setWebTerminal(const QUrl &url, const QString &remoteRoot)
{
    setKind(ConnectionKind::WebTerminal);
    if (const std::optional<WebTerminalAddress::Type> type = WebTerminalAddress::typeOf(url))
        setWebTerminalType(*type);
    m_webAddress->setText(WebTerminalAddress::page(url));
    m_remoteRoot->setText(remoteRoot);
}

void ConnectionForm::showSite(const Site &site)
{
    setKind(site.kind);
    m_siteName->setText(site.name);
    m_saveSite->setChecked(false);
    switch (site.kind) {
    case ConnectionKind::Command:
        setShellCommand(site.command, site.remoteRoot);
        break;
    case ConnectionKind::WebTerminal:
        setWebTerminal(site.url, site.remoteRoot);
        m_jupyterToken->fileEdit()->setText(site.tokenFile);
        m_jupyterToken->clearPasted(site.tokenInKeychain);
        break;
    case ConnectionKind::Agent:
        m_url->setText(site.url.toString());
        // A site without a stored token falls back to the standard token file.
        m_agentToken->fileEdit()->setText(!site.tokenFile.isEmpty() || site.tokenInKeychain ? site.tokenFile : net::auth::defaultTokenPath());
        m_agentToken->clearPasted(site.tokenInKeychain);
        break;
    }
}

void ConnectionForm::showRecent(const RecentConnection &connection)
{
    switch (connection.kind) {
    case ConnectionKind::Command:
        setShellCommand(connection.command, connection.remoteRoot);
        break;
    case ConnectionKind::WebTerminal:
        setWebTerminal(connection.url, connection.remoteRoot);
        m_jupyterToken->clearPasted(false);
        break;
    case ConnectionKind::Agent:
        setUrl(connection.url);
        if (m_agentToken->file().isEmpty())
            m_agentToken->fileEdit()->setText(net::auth::defaultTokenPath());
        m_agentToken->clearPasted(false);
        break;
    }
}

Expected<QUrl> ConnectionForm::agentUrl() const
{
    const QString text = m_url->text().trimmed();
    const auto invalid = [](const QString &message) { return std::unexpected(Error{ErrorCode::InvalidArgument, message}); };
    if (text.isEmpty())
        return invalid(tr("Enter the agent's URL, for example ws://host:7707."));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(tr("“%1” is not a valid URL.").arg(text));
    if (url.scheme() != "ws"_L1 && url.scheme() != "wss"_L1)
        return invalid(tr("The agent URL must start with ws:// or wss://."));
    if (url.host().isEmpty())
        return invalid(tr("The agent URL has no host name."));
    if (url.port() == 0)
        return invalid(tr("Port 0 is not a valid port for the agent."));
    return url;
}

Expected<WebTerminalAddress> ConnectionForm::webTerminalAddress()
{
    tidyWebAddress();
    return WebTerminalAddress::parse(m_webAddress->text(), webTerminalType());
}

QString ConnectionForm::command() const
{
    return m_command->text().trimmed();
}

QString ConnectionForm::remoteRoot() const
{
    return m_remoteRoot->text().trimmed();
}

} // namespace ferry::ui
