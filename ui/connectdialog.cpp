// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectdialog.h"

#include "core/client/webterminal.h"
#include "core/net/auth.h"
#include "ui/tokenfields.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
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

/// What a site or recent entry shows after its name: the agent's URL, or
/// the command or web terminal and the folder it serves.
QString describe(ConnectionKind kind, const QUrl &url, const QString &command, const QString &remoteRoot)
{
    if (kind == ConnectionKind::Agent)
        return url.toDisplayString();
    const QString way = kind == ConnectionKind::Command ? command : WebTerminalAddress::describe(url);
    return remoteRoot.isEmpty() ? way : ConnectDialog::tr("%1 in %2").arg(way, remoteRoot);
}

} // namespace

ConnectDialog::ConnectDialog(SiteStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_sites(new QListWidget(this))
    , m_deleteSite(new QPushButton(tr("&Delete Site"), this))
    , m_recent(new QListWidget(this))
    , m_form(new ConnectionForm(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_connect(m_buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole))
{
    setWindowTitle(tr("Connect to Agent"));
    buildLayout();

    connect(m_sites, &QListWidget::itemSelectionChanged, this, &ConnectDialog::siteActivated);
    connect(m_recent, &QListWidget::itemSelectionChanged, this, &ConnectDialog::recentActivated);
    // A double-click (or Return) on a site or a recent connection connects.
    for (QListWidget *list : {m_sites, m_recent}) {
        connect(list, &QListWidget::itemActivated, this, [this, list](QListWidgetItem *item) {
            list->setCurrentItem(item);
            item->setSelected(true);
            accept();
        });
    }
    connect(m_deleteSite, &QPushButton::clicked, this, &ConnectDialog::deleteSelectedSite);
    // A message about the other kind's fields no longer applies.
    connect(m_form, &ConnectionForm::kindChanged, this, [this] { showMessage({}, false); });
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
        m_form->urlEdit()->setFocus();
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
    layout->addWidget(m_form);

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    m_connect->setDefault(true);

    m_sites->setAccessibleName(tr("Saved sites"));
    m_deleteSite->setAccessibleName(tr("Delete site"));
    m_recent->setAccessibleName(tr("Recent connections"));
    m_message->setAccessibleName(tr("Message"));
    m_connect->setAccessibleName(tr("Connect"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    // Top to bottom, left to right, as the controls are laid out.
    const QList<QWidget *> order = QList<QWidget *>{m_sites, m_deleteSite, m_recent} + m_form->focusOrder()
                                   + QList<QWidget *>{m_connect, m_buttons->button(QDialogButtonBox::Cancel)};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
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
    m_form->showSite(*site);
    showMessage({}, false);
}

void ConnectDialog::recentActivated()
{
    const QList<QListWidgetItem *> selected = m_recent->selectedItems();
    if (selected.isEmpty())
        return;
    const QListWidgetItem *item = selected.first();
    const QString siteName = item->data(kSiteRole).toString();
    if (!siteName.isEmpty() && selectSite(siteName))
        return;
    m_sites->clearSelection();
    m_form->showRecent({item->data(kUrlRole).toUrl(), siteName, ConnectionKind(item->data(kKindRole).toInt()), item->data(kCommandRole).toString(),
                        item->data(kRemoteRootRole).toString()});
    showMessage({}, false);
}

void ConnectDialog::deleteSelectedSite()
{
    const std::optional<Site> site = selectedSite();
    if (site)
        m_store->removeSite(site->name);
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
    growToFit();
}

void ConnectDialog::growToFit()
{
    // The message and the hints wrap their words: the height they need
    // depends on the width, which the minimum size a layout gives its
    // window leaves out. Without this they would be cut short when a
    // message or a kind with more fields appears in a dialog already shown.
    if (!isVisible())
        return; // showing it sizes it
    if (const int needed = layout()->totalMinimumHeightForWidth(width()); needed > height())
        resize(width(), needed);
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

void ConnectDialog::accept()
{
    if (!m_waitingFor.isEmpty())
        return;
    showMessage({}, false);
    switch (m_form->kind()) {
    case ConnectionKind::Agent:
        return acceptAgent();
    case ConnectionKind::Command:
        return acceptCommand();
    case ConnectionKind::WebTerminal:
        return acceptWebTerminal();
    }
}

void ConnectDialog::acceptAgent()
{
    const Expected<QUrl> url = m_form->agentUrl();
    if (!url) {
        fail(url.error().message);
        m_form->urlEdit()->setFocus();
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

    const QByteArray pasted = m_form->agentToken()->pasted();
    if (!pasted.isEmpty()) {
        if (pasted.size() < kMinTokenLength) {
            fail(tr("The pasted token is too short: an agent's token has at least %1 characters.").arg(kMinTokenLength));
            m_form->agentToken()->pastedEdit()->setFocus();
            return;
        }
        return withToken(pasted, TokenSource::Pasted);
    }
    const QString file = m_form->agentToken()->file();
    if (!file.isEmpty()) {
        const Expected<QByteArray> token = net::auth::loadToken(file, false);
        if (!token) {
            fail(token.error().message);
            m_form->agentToken()->fileEdit()->setFocus();
            return;
        }
        return withToken(*token, TokenSource::File);
    }
    if (selected && selected->kind == ConnectionKind::Agent && selected->tokenInKeychain) {
        setWaiting(selected->name, tr("Reading the token from the system keychain…"));
        m_store->readToken(selected->name);
        return;
    }
    fail(tr("Choose the agent's token file or paste its token."));
    m_form->agentToken()->fileEdit()->setFocus();
}

std::optional<QString> ConnectDialog::nameToSave()
{
    if (!m_form->saveSiteCheck()->isChecked())
        return QString();
    const QString name = m_form->siteNameEdit()->text().trimmed();
    if (name.isEmpty()) {
        fail(tr("Enter a name for the site."));
        m_form->siteNameEdit()->setFocus();
        return std::nullopt;
    }
    return name;
}

void ConnectDialog::acceptCommand()
{
    const QString command = m_form->command();
    if (command.isEmpty()) {
        fail(tr("Enter the command that opens a shell on the remote machine, for example ssh -T user@host."));
        m_form->commandEdit()->setFocus();
        return;
    }
    const std::optional<QString> wanted = nameToSave();
    if (!wanted)
        return;
    const QString saveName = *wanted;
    const bool saving = !saveName.isEmpty();
    const QString remoteRoot = m_form->remoteRoot();
    m_options = client::SessionOptions{};
    m_options.shellCommand = command;
    m_options.remoteRoot = remoteRoot;
    const std::optional<Site> selected = selectedSite();
    const bool stillSelected = selected && selected->kind == ConnectionKind::Command && selected->command == command && selected->remoteRoot == remoteRoot;
    m_acceptedSite = saving ? saveName : (stillSelected ? selected->name : QString());
    if (saving)
        saveTokenlessSite(saveName);
    finish();
}

void ConnectDialog::acceptWebTerminal()
{
    const Expected<WebTerminalAddress> address = m_form->webTerminalAddress();
    if (!address) {
        fail(address.error().message);
        m_form->webAddressEdit()->setFocus();
        return;
    }
    const std::optional<QString> wanted = nameToSave();
    if (!wanted)
        return;
    const QString saveName = *wanted;
    const QString remoteRoot = m_form->remoteRoot();
    m_options = client::SessionOptions{};
    m_options.url = address->url;
    m_options.remoteRoot = remoteRoot;
    const std::optional<Site> selected = selectedSite();
    // The selected site, as long as it is still the same terminal.
    const bool same = selected && selected->kind == ConnectionKind::WebTerminal && selected->url == address->url;
    m_acceptedSite = !saveName.isEmpty() ? saveName : (same && selected->remoteRoot == remoteRoot ? selected->name : QString());
    if (const std::optional<Site> known = m_store->site(m_acceptedSite); known && known->url == address->url)
        m_options.trustFingerprint = known->fingerprint;
    if (address->type == WebTerminalAddress::Type::Wetty) {
        if (!saveName.isEmpty())
            saveTokenlessSite(saveName);
        return finish();
    }

    // A Jupyter server's token: pasted, from a file, or from the keychain.
    const QByteArray pasted = m_form->jupyterToken()->pasted();
    if (!pasted.isEmpty())
        return withToken(pasted, TokenSource::Pasted);
    if (const QString file = m_form->jupyterToken()->file(); !file.isEmpty()) {
        const Expected<QByteArray> token = net::auth::loadSecret(file);
        if (!token) {
            fail(token.error().message);
            m_form->jupyterToken()->fileEdit()->setFocus();
            return;
        }
        return withToken(*token, TokenSource::File);
    }
    // The server sees the token itself: a saved one goes to its own server only.
    if (same && selected->tokenInKeychain) {
        setWaiting(selected->name, tr("Reading the token from the system keychain…"));
        m_store->readToken(selected->name);
        return;
    }
    fail(tr("A Jupyter server needs its token: paste it, choose a file holding it, or paste the server's address with the token, as the browser shows it."));
    m_form->jupyterToken()->pastedEdit()->setFocus();
}

void ConnectDialog::saveTokenlessSite(const QString &name)
{
    const std::optional<Site> existing = m_store->site(name);
    Site site;
    site.name = name;
    site.remoteRoot = m_options.remoteRoot;
    if (!m_options.shellCommand.isEmpty()) {
        site.kind = ConnectionKind::Command;
        site.command = m_options.shellCommand;
    } else {
        site.kind = ConnectionKind::WebTerminal;
        site.url = m_options.url;
        // A trusted certificate belongs to the server, so it goes when the URL does.
        site.fingerprint = existing && existing->url == site.url ? existing->fingerprint : QByteArray();
    }
    m_store->saveSite(site);
    // A token the site no longer needs is not left behind.
    if (existing && existing->tokenInKeychain)
        m_store->removeToken(name);
}

void ConnectDialog::withToken(const QByteArray &token, TokenSource source)
{
    m_options.token = token;
    if (!m_form->saveSiteCheck()->isChecked())
        return finish();
    const QString name = m_form->siteNameEdit()->text().trimmed();
    const std::optional<Site> existing = m_store->site(name);
    const bool webTerminal = client::isWebTerminalUrl(m_options.url);
    Site site;
    site.name = name;
    site.kind = webTerminal ? ConnectionKind::WebTerminal : ConnectionKind::Agent;
    site.url = m_options.url;
    site.remoteRoot = webTerminal ? m_options.remoteRoot : QString();
    site.tokenFile = source == TokenSource::File ? m_form->tokenFields()->file() : QString();
    // A trusted certificate belongs to the server, so it goes when the URL does.
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

RecentConnection ConnectDialog::recentConnection() const
{
    if (!m_options.shellCommand.isEmpty())
        return {QUrl(), m_acceptedSite, ConnectionKind::Command, m_options.shellCommand, m_options.remoteRoot};
    if (client::isWebTerminalUrl(m_options.url))
        return {m_options.url, m_acceptedSite, ConnectionKind::WebTerminal, {}, m_options.remoteRoot};
    return {m_options.url, m_acceptedSite};
}

void ConnectDialog::finish()
{
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
    m_form->tokenFields()->pastedEdit()->setFocus();
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
