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
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace ferry::ui {

namespace {

constexpr int kUrlRole = Qt::UserRole;
constexpr int kSiteRole = Qt::UserRole + 1;
/// The shortest token an agent accepts (128 bits, hex), as auth::loadToken.
constexpr qsizetype kMinTokenLength = 32;

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

ConnectDialog::ConnectDialog(SiteStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_sites(new QListWidget(this))
    , m_deleteSite(new QPushButton(tr("&Delete Site"), this))
    , m_recent(new QListWidget(this))
    , m_url(new QLineEdit(this))
    , m_tokenFile(new QLineEdit(net::auth::defaultTokenPath(), this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_token(new QLineEdit(this))
    , m_saveSite(new QCheckBox(tr("Sa&ve as site"), this))
    , m_siteName(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_connect(m_buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole))
{
    setWindowTitle(tr("Connect to Agent"));
    buildLayout();

    connect(m_sites, &QListWidget::itemSelectionChanged, this, &ConnectDialog::siteActivated);
    connect(m_recent, &QListWidget::itemSelectionChanged, this, &ConnectDialog::recentActivated);
    connect(m_deleteSite, &QPushButton::clicked, this, &ConnectDialog::deleteSelectedSite);
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
    m_url->setPlaceholderText(QStringLiteral("ws://host:7707"));
    form->addRow(buddyLabel(tr("Agent &URL:"), m_url, this), m_url);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_tokenFile, 1);
    fileRow->addWidget(m_browse);
    form->addRow(buddyLabel(tr("Token f&ile:"), m_tokenFile, this), fileRow);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Leave empty to use the token file"));
    form->addRow(buddyLabel(tr("Or &paste the token:"), m_token, this), m_token);
    form->addRow(m_saveSite);
    m_siteName->setEnabled(false);
    form->addRow(buddyLabel(tr("Site na&me:"), m_siteName, this), m_siteName);
    layout->addLayout(form);

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    m_connect->setDefault(true);

    m_sites->setAccessibleName(tr("Saved sites"));
    m_deleteSite->setAccessibleName(tr("Delete site"));
    m_recent->setAccessibleName(tr("Recent connections"));
    m_url->setAccessibleName(tr("Agent URL"));
    m_tokenFile->setAccessibleName(tr("Token file"));
    m_browse->setAccessibleName(tr("Browse for the token file"));
    m_token->setAccessibleName(tr("Pasted token"));
    m_saveSite->setAccessibleName(tr("Save as site"));
    m_siteName->setAccessibleName(tr("Site name"));
    m_message->setAccessibleName(tr("Message"));
    m_connect->setAccessibleName(tr("Connect"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    // Top to bottom, left to right, as the controls are laid out.
    const QList<QWidget *> order{m_sites, m_deleteSite, m_recent, m_url, m_tokenFile, m_browse, m_token, m_saveSite,
                                 m_siteName, m_connect, m_buttons->button(QDialogButtonBox::Cancel)};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void ConnectDialog::reloadSites()
{
    const QString current = m_sites->currentItem() ? m_sites->currentItem()->data(kSiteRole).toString() : QString();
    const QSignalBlocker blocker(m_sites);
    m_sites->clear();
    for (const Site &site : m_store->sites()) {
        auto *item = new QListWidgetItem(tr("%1 (%2)").arg(site.name, site.url.toDisplayString()), m_sites);
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
        const QString url = connection.url.toDisplayString();
        auto *item = new QListWidgetItem(connection.siteName.isEmpty() ? url : tr("%1 (%2)").arg(connection.siteName, url), m_recent);
        item->setData(kUrlRole, connection.url);
        item->setData(kSiteRole, connection.siteName);
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
    m_url->setText(url.toString());
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
    m_url->setText(site->url.toString());
    // A site without a stored token falls back to the standard token file.
    m_tokenFile->setText(!site->tokenFile.isEmpty() || site->tokenInKeychain ? site->tokenFile : net::auth::defaultTokenPath());
    m_token->clear();
    m_token->setPlaceholderText(site->tokenInKeychain ? tr("Saved in the system keychain") : tr("Leave empty to use the token file"));
    m_siteName->setText(site->name);
    m_saveSite->setChecked(false);
    showMessage({}, false);
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
    m_url->setText(selected.first()->data(kUrlRole).toUrl().toString());
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
    const Expected<QUrl> url = validatedUrl();
    if (!url) {
        fail(url.error().message);
        m_url->setFocus();
        return;
    }
    const bool saving = m_saveSite->isChecked();
    const QString saveName = m_siteName->text().trimmed();
    if (saving && saveName.isEmpty()) {
        fail(tr("Enter a name for the site."));
        m_siteName->setFocus();
        return;
    }
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
    m_store->addRecent({m_options.url, m_acceptedSite});
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
