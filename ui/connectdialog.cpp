// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectdialog.h"

#include "core/net/auth.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {

constexpr int kUrlRole = Qt::UserRole;
constexpr int kSiteRole = Qt::UserRole + 1;
constexpr int kKindRole = Qt::UserRole + 2;
constexpr int kCommandRole = Qt::UserRole + 3;
constexpr int kRemoteRootRole = Qt::UserRole + 4;
/// The shortest token an agent accepts (128 bits, hex), as auth::loadToken.
constexpr qsizetype kMinTokenLength = 32;

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

/// What a site or recent entry shows after its name: the URL, or the
/// command and the folder it serves.
QString describe(ConnectionKind kind, const QUrl &url, const QString &command, const QString &remoteRoot)
{
    if (kind == ConnectionKind::Agent)
        return url.toDisplayString();
    return remoteRoot.isEmpty() ? command : ConnectDialog::tr("%1 in %2").arg(command, remoteRoot);
}

} // namespace

ConnectDialog::ConnectDialog(SiteStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_sites(new QListWidget(this))
    , m_deleteSite(new QPushButton(tr("&Delete Site"), this))
    , m_recent(new QListWidget(this))
    , m_agentKind(new QRadioButton(tr("Ferry &agent"), this))
    , m_commandKind(new QRadioButton(tr("C&ommand"), this))
    , m_url(new QLineEdit(this))
    , m_tokenFile(new QLineEdit(net::auth::defaultTokenPath(), this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_token(new QLineEdit(this))
    , m_command(new QLineEdit(this))
    , m_examples(new QPushButton(this))
    , m_commandHint(new QLabel(this))
    , m_remoteRoot(new QLineEdit(this))
    , m_saveSite(new QCheckBox(tr("Sa&ve as site"), this))
    , m_siteName(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_connect(m_buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole))
{
    setWindowTitle(tr("Connect to Agent"));
    buildLayout();
    buildExamplesMenu();

    connect(m_sites, &QListWidget::itemSelectionChanged, this, &ConnectDialog::siteActivated);
    connect(m_recent, &QListWidget::itemSelectionChanged, this, &ConnectDialog::recentActivated);
    connect(m_deleteSite, &QPushButton::clicked, this, &ConnectDialog::deleteSelectedSite);
    connect(m_commandKind, &QRadioButton::toggled, this, &ConnectDialog::showKindFields);
    connect(m_browse, &QPushButton::clicked, this, &ConnectDialog::browse);
    connect(m_saveSite, &QCheckBox::toggled, m_siteName, &QWidget::setEnabled);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    // Keychain answers that come after the user gave up must not connect.
    connect(this, &QDialog::rejected, this, [this] { m_waitingFor.clear(); });
    connect(m_store, &SiteStore::sitesChanged, this, &ConnectDialog::reloadSites);
    connect(m_store, &SiteStore::recentChanged, this, &ConnectDialog::reloadRecent);
    connect(m_store, &SiteStore::tokenRead, this, &ConnectDialog::onTokenRead);
    connect(m_store, &SiteStore::tokenReadFailed, this, &ConnectDialog::onTokenReadFailed);
    connect(m_store, &SiteStore::tokenStored, this, &ConnectDialog::onTokenStored);
    connect(m_store, &SiteStore::tokenStoreFailed, this, &ConnectDialog::onTokenStoreFailed);

    reloadSites();
    reloadRecent();
    if (m_sites->count() > 0)
        m_sites->setFocus();
    else
        m_url->setFocus();
}

void ConnectDialog::buildLayout()
{
    auto *layout = new QVBoxLayout(this);

    auto *lists = new QHBoxLayout;
    auto *sitesColumn = new QVBoxLayout;
    sitesColumn->addWidget(buddyLabel(tr("&Saved sites:"), m_sites, this));
    sitesColumn->addWidget(m_sites);
    sitesColumn->addWidget(m_deleteSite, 0, Qt::AlignLeft);
    auto *recentColumn = new QVBoxLayout;
    recentColumn->addWidget(buddyLabel(tr("&Recent connections:"), m_recent, this));
    recentColumn->addWidget(m_recent);
    lists->addLayout(sitesColumn);
    lists->addLayout(recentColumn);
    layout->addLayout(lists);

    auto *form = new QFormLayout;
    m_form = form;
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_agentKind);
    kindRow->addWidget(m_commandKind);
    kindRow->addStretch(1);
    m_agentKind->setChecked(true);
    form->addRow(tr("Connect through:"), kindRow);

    m_url->setPlaceholderText(QStringLiteral("ws://host:7707"));
    form->addRow(buddyLabel(tr("Agent &URL:"), m_url, this), m_url);
    m_agentRows.append(form->rowCount() - 1);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_tokenFile, 1);
    fileRow->addWidget(m_browse);
    form->addRow(buddyLabel(tr("Token f&ile:"), m_tokenFile, this), fileRow);
    m_agentRows.append(form->rowCount() - 1);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Leave empty to use the token file"));
    form->addRow(buddyLabel(tr("Or &paste the token:"), m_token, this), m_token);
    m_agentRows.append(form->rowCount() - 1);

    m_command->setPlaceholderText(QStringLiteral("ssh -T user@host"));
    m_command->setClearButtonEnabled(true);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(m_command, 1);
    commandRow->addWidget(m_examples);
    form->addRow(buddyLabel(tr("Command &line:"), m_command, this), commandRow);
    m_commandRows.append(form->rowCount() - 1);
    m_commandHint->setText(tr("Runs on this computer through /bin/sh -c; its input and output must be a shell on the remote machine. "
                              "Ferry brings its agent along: uploaded on the first connection, kept there for the next."));
    m_commandHint->setWordWrap(true);
    form->addRow(m_commandHint);
    m_commandRows.append(form->rowCount() - 1);
    m_remoteRoot->setPlaceholderText(tr("Empty: the shell's working directory"));
    m_remoteRoot->setToolTip(tr("The folder Ferry serves on the remote machine. A relative path starts in the shell's working directory "
                                "(for ssh, the home folder); ~ is not expanded."));
    form->addRow(buddyLabel(tr("Remote &folder:"), m_remoteRoot, this), m_remoteRoot);
    m_commandRows.append(form->rowCount() - 1);
    form->addRow(m_saveSite);
    m_siteName->setEnabled(false);
    form->addRow(buddyLabel(tr("Site na&me:"), m_siteName, this), m_siteName);
    layout->addLayout(form);
    // The fields stay where they are when the kind changes: the label
    // column is as wide as the widest label of either kind.
    int labelWidth = 0;
    for (int row = 0; row < form->rowCount(); ++row)
        if (QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole); label && label->widget())
            labelWidth = std::max(labelWidth, label->widget()->sizeHint().width());
    form->itemAt(0, QFormLayout::LabelRole)->widget()->setMinimumWidth(labelWidth);

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    m_connect->setDefault(true);
    showKindFields();

    m_sites->setAccessibleName(tr("Saved sites"));
    m_deleteSite->setAccessibleName(tr("Delete site"));
    m_recent->setAccessibleName(tr("Recent connections"));
    m_agentKind->setAccessibleName(tr("Connect through a Ferry agent"));
    m_commandKind->setAccessibleName(tr("Connect through a command"));
    m_url->setAccessibleName(tr("Agent URL"));
    m_tokenFile->setAccessibleName(tr("Token file"));
    m_browse->setAccessibleName(tr("Browse for the token file"));
    m_token->setAccessibleName(tr("Pasted token"));
    m_command->setAccessibleName(tr("Command line"));
    m_examples->setAccessibleName(tr("Example commands"));
    m_remoteRoot->setAccessibleName(tr("Remote folder"));
    m_saveSite->setAccessibleName(tr("Save as site"));
    m_siteName->setAccessibleName(tr("Site name"));
    m_message->setAccessibleName(tr("Message"));
    m_connect->setAccessibleName(tr("Connect"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    // Top to bottom, left to right, as the controls are laid out.
    // Tab stops at the checked kind only; the arrow keys move between kinds.
    const QList<QWidget *> order{m_sites,   m_deleteSite, m_recent,   m_agentKind,  m_commandKind, m_url,      m_tokenFile,
                                 m_browse,  m_token,      m_command,  m_examples,   m_remoteRoot,  m_saveSite, m_siteName,
                                 m_connect, m_buttons->button(QDialogButtonBox::Cancel)};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void ConnectDialog::buildExamplesMenu()
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

ConnectionKind ConnectDialog::kind() const
{
    return m_commandKind->isChecked() ? ConnectionKind::Command : ConnectionKind::Agent;
}

void ConnectDialog::setKind(ConnectionKind kind)
{
    (kind == ConnectionKind::Command ? m_commandKind : m_agentKind)->setChecked(true);
}

void ConnectDialog::showKindFields()
{
    const bool command = kind() == ConnectionKind::Command;
    for (const int row : std::as_const(m_agentRows))
        m_form->setRowVisible(row, !command);
    for (const int row : std::as_const(m_commandRows))
        m_form->setRowVisible(row, command);
    // Tab reaches the chosen kind only, as after a click on it (Qt fixes
    // that up only when a radio button gets the focus, not on setChecked).
    m_agentKind->setFocusPolicy(command ? Qt::ClickFocus : Qt::StrongFocus);
    m_commandKind->setFocusPolicy(command ? Qt::StrongFocus : Qt::ClickFocus);
    // A message about the other kind's fields no longer applies.
    showMessage({}, false);
    // Focus must not stay on a field that is gone.
    if (QWidget *focus = focusWidget(); focus && focus->isHidden())
        (command ? m_command : m_url)->setFocus();
}

void ConnectDialog::reloadSites()
{
    const QString current = m_sites->currentItem() ? m_sites->currentItem()->data(kSiteRole).toString() : QString();
    const QSignalBlocker blocker(m_sites);
    m_sites->clear();
    for (const Site &site : m_store->sites()) {
        const QString description = describe(site.kind, site.url, site.command, site.remoteRoot);
        auto *item = new QListWidgetItem(tr("%1 (%2)").arg(site.name, description), m_sites);
        item->setToolTip(description);
        item->setData(kSiteRole, site.name);
        if (site.name == current)
            m_sites->setCurrentItem(item, QItemSelectionModel::ClearAndSelect);
    }
    m_deleteSite->setEnabled(!m_sites->selectedItems().isEmpty());
}

void ConnectDialog::reloadRecent()
{
    const QSignalBlocker blocker(m_recent);
    m_recent->clear();
    for (const RecentConnection &connection : m_store->recent()) {
        const QString description = describe(connection.kind, connection.url, connection.command, connection.remoteRoot);
        auto *item = new QListWidgetItem(connection.siteName.isEmpty() ? description : tr("%1 (%2)").arg(connection.siteName, description),
                                         m_recent);
        item->setToolTip(description);
        item->setData(kUrlRole, connection.url);
        item->setData(kSiteRole, connection.siteName);
        item->setData(kKindRole, int(connection.kind));
        item->setData(kCommandRole, connection.command);
        item->setData(kRemoteRootRole, connection.remoteRoot);
    }
}

std::optional<Site> ConnectDialog::selectedSite() const
{
    const QList<QListWidgetItem *> selected = m_sites->selectedItems();
    if (selected.isEmpty())
        return std::nullopt;
    return m_store->site(selected.first()->data(kSiteRole).toString());
}

void ConnectDialog::setUrl(const QUrl &url)
{
    setKind(ConnectionKind::Agent);
    m_url->setText(url.toString());
}

void ConnectDialog::setShellCommand(const QString &command, const QString &remoteRoot)
{
    setKind(ConnectionKind::Command);
    m_command->setText(command);
    m_remoteRoot->setText(remoteRoot);
}

void ConnectDialog::setTokenFile(const QString &path)
{
    m_tokenFile->setText(path);
}

bool ConnectDialog::selectSite(const QString &name)
{
    for (int row = 0; row < m_sites->count(); ++row) {
        if (m_sites->item(row)->data(kSiteRole).toString() == name) {
            m_sites->setCurrentRow(row, QItemSelectionModel::ClearAndSelect);
            return true;
        }
    }
    return false;
}

void ConnectDialog::siteActivated()
{
    const std::optional<Site> site = selectedSite();
    m_deleteSite->setEnabled(site.has_value());
    if (!site)
        return;
    setKind(site->kind);
    m_siteName->setText(site->name);
    m_saveSite->setChecked(false);
    showMessage({}, false);
    if (site->kind == ConnectionKind::Command) {
        m_command->setText(site->command);
        m_remoteRoot->setText(site->remoteRoot);
        return;
    }
    m_url->setText(site->url.toString());
    // A site without a stored token falls back to the standard token file.
    m_tokenFile->setText(!site->tokenFile.isEmpty() || site->tokenInKeychain ? site->tokenFile : net::auth::defaultTokenPath());
    m_token->clear();
    m_token->setPlaceholderText(site->tokenInKeychain ? tr("Saved in the system keychain") : tr("Leave empty to use the token file"));
}

void ConnectDialog::recentActivated()
{
    const QList<QListWidgetItem *> selected = m_recent->selectedItems();
    if (selected.isEmpty())
        return;
    const QString siteName = selected.first()->data(kSiteRole).toString();
    if (!siteName.isEmpty() && selectSite(siteName))
        return;
    m_sites->clearSelection();
    if (ConnectionKind(selected.first()->data(kKindRole).toInt()) == ConnectionKind::Command) {
        setShellCommand(selected.first()->data(kCommandRole).toString(), selected.first()->data(kRemoteRootRole).toString());
        showMessage({}, false);
        return;
    }
    setUrl(selected.first()->data(kUrlRole).toUrl());
    if (m_tokenFile->text().isEmpty())
        m_tokenFile->setText(net::auth::defaultTokenPath());
    m_token->clear();
    m_token->setPlaceholderText(tr("Leave empty to use the token file"));
    showMessage({}, false);
}

void ConnectDialog::deleteSelectedSite()
{
    const std::optional<Site> site = selectedSite();
    if (site)
        m_store->removeSite(site->name);
}

void ConnectDialog::browse()
{
    // Not exec(): a file dialog must not spin a nested event loop under us.
    auto *dialog = new QFileDialog(this, tr("Choose the Agent's Token File"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    // The standard token lives under ~/.config, hidden from a default view.
    dialog->setFilter(dialog->filter() | QDir::Hidden);
    const QFileInfo current(m_tokenFile->text().trimmed());
    dialog->setDirectory(current.absoluteDir().exists() ? current.absolutePath() : QDir::homePath());
    if (current.exists())
        dialog->selectFile(current.absoluteFilePath());
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_tokenFile->setText(file);
        m_token->clear();
        m_tokenFile->setFocus();
    });
    dialog->open();
}

QString ConnectDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ConnectDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_message->setPalette(palette);
}

void ConnectDialog::fail(const QString &message)
{
    showMessage(message, true);
    Q_EMIT failed(message);
}

void ConnectDialog::setWaiting(const QString &siteName, const QString &text)
{
    m_waitingFor = siteName;
    m_connect->setEnabled(siteName.isEmpty());
    showMessage(text, false);
}

Expected<QUrl> ConnectDialog::validatedUrl() const
{
    const QString text = m_url->text().trimmed();
    const auto invalid = [](const QString &message) { return std::unexpected(Error{ErrorCode::InvalidArgument, message}); };
    if (text.isEmpty())
        return invalid(tr("Enter the agent's URL, for example ws://host:7707."));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(tr("“%1” is not a valid URL.").arg(text));
    if (url.scheme() != QLatin1StringView("ws") && url.scheme() != QLatin1StringView("wss"))
        return invalid(tr("The agent URL must start with ws:// or wss://."));
    if (url.host().isEmpty())
        return invalid(tr("The agent URL has no host name."));
    if (url.port() == 0)
        return invalid(tr("Port 0 is not a valid port for the agent."));
    return url;
}

void ConnectDialog::accept()
{
    if (!m_waitingFor.isEmpty())
        return;
    showMessage({}, false);
    if (kind() == ConnectionKind::Command)
        return acceptCommand();
    const Expected<QUrl> url = validatedUrl();
    if (!url) {
        fail(url.error().message);
        m_url->setFocus();
        return;
    }
    const std::optional<QString> wanted = nameToSave();
    if (!wanted)
        return;
    const QString saveName = *wanted;
    const bool saving = !saveName.isEmpty();
    const std::optional<Site> selected = selectedSite();
    m_options = client::SessionOptions{};
    m_options.url = *url;
    // The site this connection is for: the one being saved, else the
    // selected one as long as the URL is still its own.
    m_acceptedSite = saving ? saveName : (selected && selected->url == *url ? selected->name : QString());
    if (const std::optional<Site> known = m_store->site(m_acceptedSite); known && known->url == *url)
        m_options.trustFingerprint = known->fingerprint;

    const QByteArray pasted = m_token->text().trimmed().toUtf8();
    if (!pasted.isEmpty()) {
        if (pasted.size() < kMinTokenLength) {
            fail(tr("The pasted token is too short: an agent's token has at least %1 characters.").arg(kMinTokenLength));
            m_token->setFocus();
            return;
        }
        return withToken(pasted, TokenSource::Pasted);
    }
    const QString file = m_tokenFile->text().trimmed();
    if (!file.isEmpty()) {
        const Expected<QByteArray> token = net::auth::loadToken(file, false);
        if (!token) {
            fail(token.error().message);
            m_tokenFile->setFocus();
            return;
        }
        return withToken(*token, TokenSource::File);
    }
    if (selected && selected->tokenInKeychain) {
        setWaiting(selected->name, tr("Reading the token from the system keychain…"));
        m_store->readToken(selected->name);
        return;
    }
    fail(tr("Choose the agent's token file or paste its token."));
    m_tokenFile->setFocus();
}

std::optional<QString> ConnectDialog::nameToSave()
{
    if (!m_saveSite->isChecked())
        return QString();
    const QString name = m_siteName->text().trimmed();
    if (name.isEmpty()) {
        fail(tr("Enter a name for the site."));
        m_siteName->setFocus();
        return std::nullopt;
    }
    return name;
}

void ConnectDialog::acceptCommand()
{
    const QString command = m_command->text().trimmed();
    if (command.isEmpty()) {
        fail(tr("Enter the command that opens a shell on the remote machine, for example ssh -T user@host."));
        m_command->setFocus();
        return;
    }
    const std::optional<QString> wanted = nameToSave();
    if (!wanted)
        return;
    const QString saveName = *wanted;
    const bool saving = !saveName.isEmpty();
    const QString remoteRoot = m_remoteRoot->text().trimmed();
    m_options = client::SessionOptions{};
    m_options.shellCommand = command;
    m_options.remoteRoot = remoteRoot;
    const std::optional<Site> selected = selectedSite();
    const bool stillSelected = selected && selected->kind == ConnectionKind::Command && selected->command == command && selected->remoteRoot == remoteRoot;
    m_acceptedSite = saving ? saveName : (stillSelected ? selected->name : QString());
    if (saving) {
        const std::optional<Site> existing = m_store->site(saveName);
        Site site;
        site.name = saveName;
        site.kind = ConnectionKind::Command;
        site.command = command;
        site.remoteRoot = remoteRoot;
        m_store->saveSite(site);
        // An agent's token the site no longer needs is not left behind.
        if (existing && existing->tokenInKeychain)
            m_store->removeToken(saveName);
    }
    finish();
}

void ConnectDialog::withToken(const QByteArray &token, TokenSource source)
{
    m_options.token = token;
    if (!m_saveSite->isChecked())
        return finish();
    const QString name = m_siteName->text().trimmed();
    const std::optional<Site> existing = m_store->site(name);
    Site site;
    site.name = name;
    site.url = m_options.url;
    site.tokenFile = source == TokenSource::File ? m_tokenFile->text().trimmed() : QString();
    // A trusted certificate belongs to the agent, so it goes when the URL does.
    site.fingerprint = existing && existing->url == site.url ? existing->fingerprint : QByteArray();
    site.tokenInKeychain = existing && existing->tokenInKeychain && source != TokenSource::File;
    m_store->saveSite(site);
    if (existing && existing->tokenInKeychain && source == TokenSource::File)
        m_store->removeToken(name); // the file replaces it; no stale secret left behind
    const bool needsKeychain = source == TokenSource::Pasted || (source == TokenSource::Keychain && !site.tokenInKeychain);
    if (!needsKeychain || m_keychainWarnedFor == name)
        return finish();
    setWaiting(name, tr("Saving the token in the system keychain…"));
    m_store->storeToken(name, token);
}

void ConnectDialog::finish()
{
    if (m_options.shellCommand.isEmpty())
        m_store->addRecent({m_options.url, m_acceptedSite});
    else
        m_store->addRecent({QUrl(), m_acceptedSite, ConnectionKind::Command, m_options.shellCommand, m_options.remoteRoot});
    QDialog::accept();
}

void ConnectDialog::onTokenRead(const QString &siteName, const QByteArray &token)
{
    if (m_waitingFor.isEmpty() || siteName != m_waitingFor)
        return;
    setWaiting({}, {});
    withToken(token, TokenSource::Keychain);
}

void ConnectDialog::onTokenReadFailed(const QString &siteName, const QString &message)
{
    if (m_waitingFor.isEmpty() || siteName != m_waitingFor)
        return;
    setWaiting({}, {});
    fail(message + u' ' + tr("Paste the token or choose a token file."));
    m_token->setFocus();
}

void ConnectDialog::onTokenStored(const QString &siteName)
{
    if (m_waitingFor.isEmpty() || siteName != m_waitingFor)
        return;
    setWaiting({}, {});
    finish();
}

void ConnectDialog::onTokenStoreFailed(const QString &siteName, const QString &message)
{
    if (m_waitingFor.isEmpty() || siteName != m_waitingFor)
        return;
    setWaiting({}, {});
    // The site is saved without its token; the user decides whether to go on.
    m_keychainWarnedFor = siteName;
    showMessage(message + u'\n' + tr("Press Connect to go on without saving the token."), false);
    Q_EMIT failed(message);
    m_connect->setFocus();
}

} // namespace ferry::ui
