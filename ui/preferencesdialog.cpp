// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/preferencesdialog.h"

#include "ui/ratelimitedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setEnabled(false); // the dimmed look of help text
    return label;
}

} // namespace

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("Preferences"));
    m_tabs->addTab(createTransfersPage(), tr("&Transfers"));
    m_tabs->addTab(createConnectionPage(), tr("&Connection"));
    m_tabs->addTab(createNotificationsPage(), tr("&Notifications"));
    m_tabs->addTab(createViewPage(), tr("&View"));
    m_tabs->setAccessibleName(tr("Preference pages"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    QPushButton *restore = m_buttons->button(QDialogButtonBox::RestoreDefaults);
    restore->setText(tr("&Restore Defaults"));
    restore->setAccessibleName(tr("Restore Defaults"));
    // Enter in a spin box must not accept the dialog before the value is
    // read; the default button still does, once the box loses focus.
    restore->setAutoDefault(false);
    connect(restore, &QPushButton::clicked, this, [this] { setPreferences(Preferences{}); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!isValid())
            return;
        Q_EMIT preferencesAccepted(this->preferences());
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_buttons);
    setPreferences(preferences);
}

QWidget *PreferencesDialog::createTransfersPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);

    m_policy = new QComboBox(page);
    m_policy->setAccessibleName(tr("When a destination exists"));
    const auto addPolicy = [this](copy::ConflictPolicy policy, const QString &label, const QString &tip) {
        m_policy->addItem(label, int(policy));
        m_policy->setItemData(m_policy->count() - 1, tip, Qt::ToolTipRole);
    };
    addPolicy(copy::ConflictPolicy::Ask, tr("Ask each time"), tr("Show a dialog for every file that already exists"));
    addPolicy(copy::ConflictPolicy::Overwrite, tr("Overwrite"), tr("Replace the existing file"));
    addPolicy(copy::ConflictPolicy::Skip, tr("Skip"), tr("Leave the existing file and do not transfer this one"));
    addPolicy(copy::ConflictPolicy::Rename, tr("Rename (keep both)"), tr("Transfer under a free name such as \"report (1).pdf\""));
    addPolicy(copy::ConflictPolicy::Resume, tr("Resume"), tr("Continue a shorter existing file whose bytes match, otherwise overwrite it"));
    addPolicy(copy::ConflictPolicy::Newer, tr("Overwrite if newer"), tr("Replace the existing file only when the new one is newer"));
    addPolicy(copy::ConflictPolicy::Fail, tr("Fail"), tr("Stop the transfer with an error"));
    form->addRow(tr("&When a destination exists:"), m_policy);

    m_permissions = new QCheckBox(tr("Keep &permissions"), page);
    m_permissions->setAccessibleName(tr("Keep permissions"));
    m_times = new QCheckBox(tr("Keep modification t&imes"), page);
    m_times->setAccessibleName(tr("Keep modification times"));
    form->addRow(m_permissions);
    form->addRow(m_times);

    m_parallel = new QSpinBox(page);
    m_parallel->setRange(Preferences::MinParallelTransfers, Preferences::MaxParallelTransfers);
    m_parallel->setAccessibleName(tr("Parallel transfers"));
    form->addRow(tr("Para&llel transfers:"), m_parallel);

    m_uploadLimit = new RateLimitEdit(tr("Upload limit"), this);
    m_uploadLimit->setObjectName(u"uploadLimit"_s);
    m_downloadLimit = new RateLimitEdit(tr("Download limit"), this);
    m_downloadLimit->setObjectName(u"downloadLimit"_s);
    form->addRow(tr("&Upload limit:"), m_uploadLimit);
    form->addRow(tr("&Download limit:"), m_downloadLimit);
    // The label's key goes to the number, not to its unit.
    for (RateLimitEdit *edit : {m_uploadLimit, m_downloadLimit})
        if (auto *label = qobject_cast<QLabel *>(form->labelForField(edit)))
            label->setBuddy(edit->numberBox());
    return page;
}

QWidget *PreferencesDialog::createConnectionPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    const auto seconds = [page](double min, double max, const QString &name) {
        auto *box = new QDoubleSpinBox(page);
        box->setDecimals(1);
        box->setRange(min, max);
        box->setSingleStep(1.0);
        box->setSuffix(tr(" s"));
        box->setAccessibleName(name);
        return box;
    };
    m_heartbeat = seconds(Preferences::MinHeartbeatMs / 1000.0, Preferences::MaxHeartbeatMs / 1000.0, tr("Heartbeat interval"));
    m_deadAfter = seconds(2 * Preferences::MinHeartbeatMs / 1000.0 + 0.1, Preferences::MaxDeadAfterMs / 1000.0, tr("Agent lost after"));
    form->addRow(tr("&Heartbeat every:"), m_heartbeat);
    form->addRow(tr("Agent &lost after:"), m_deadAfter);

    m_timingError = new QLabel(page);
    m_timingError->setWordWrap(true);
    m_timingError->setAccessibleName(tr("Timing error"));
    m_timingError->hide();
    form->addRow(m_timingError);
    form->addRow(note(tr("A silent agent is declared lost after this time; it must be more than two heartbeats. "
                         "Changes apply at the next connection."),
                      page));

    m_compression = new QComboBox(page);
    m_compression->setAccessibleName(tr("Compression on the wire"));
    m_compression->addItem(tr("Automatic (what shrinks)"), int(net::CompressionMode::Auto));
    m_compression->addItem(tr("Always"), int(net::CompressionMode::On));
    m_compression->addItem(tr("Never"), int(net::CompressionMode::Off));
    form->addRow(tr("Compress data on the &wire:"), m_compression);
    form->addRow(note(tr("Automatic compresses text, logs and the like and sends media, archives and other data that does not shrink as it is. "
                         "Never suits a fast network and a busy agent."),
                      page));
    connect(m_heartbeat, &QDoubleSpinBox::valueChanged, this, &PreferencesDialog::validate);
    connect(m_deadAfter, &QDoubleSpinBox::valueChanged, this, &PreferencesDialog::validate);
    return page;
}

QWidget *PreferencesDialog::createNotificationsPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_notify = new QCheckBox(tr("Notify &me when a long transfer ends while Ferry is in the background"), page);
    m_notify->setAccessibleName(tr("Notify when a long transfer ends"));
    layout->addWidget(m_notify);
    layout->addWidget(note(tr("Uses the desktop's notifications, or flashes the window where there are none."), page));
    layout->addStretch(1);
    return page;
}

QWidget *PreferencesDialog::createViewPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_hidden = new QCheckBox(tr("Show &hidden files"), page);
    m_hidden->setAccessibleName(tr("Show hidden files"));
    m_localPane = new QCheckBox(tr("Show the l&ocal pane"), page);
    m_localPane->setAccessibleName(tr("Show the local pane"));
    layout->addWidget(m_hidden);
    layout->addWidget(m_localPane);
    m_colorScheme = new QComboBox(page);
    m_colorScheme->setObjectName(u"colorScheme"_s);
    m_colorScheme->addItem(tr("As the desktop has it"), int(Preferences::ColorScheme::System));
    m_colorScheme->addItem(tr("Light"), int(Preferences::ColorScheme::Light));
    m_colorScheme->addItem(tr("Dark"), int(Preferences::ColorScheme::Dark));
    auto *colors = new QFormLayout;
    colors->addRow(tr("&Colors:"), m_colorScheme);
    layout->addLayout(colors);
    layout->addStretch(1);
    return page;
}

void PreferencesDialog::setPreferences(const Preferences &preferences)
{
    m_preferences = preferences.normalized();
    const Preferences &p = m_preferences;
    m_policy->setCurrentIndex(std::max(0, m_policy->findData(int(p.conflictPolicy))));
    m_permissions->setChecked(p.preservePermissions);
    m_times->setChecked(p.preserveTimes);
    m_parallel->setValue(p.parallelTransfers);
    m_uploadLimit->setValue(p.uploadLimit);
    m_downloadLimit->setValue(p.downloadLimit);
    m_heartbeat->setValue(p.heartbeatMs / 1000.0);
    m_deadAfter->setValue(p.deadAfterMs / 1000.0);
    m_compression->setCurrentIndex(std::max(0, m_compression->findData(int(p.compression))));
    m_notify->setChecked(p.notifyLongJobs);
    m_hidden->setChecked(p.showHiddenFiles);
    m_localPane->setChecked(p.showLocalPane);
    m_colorScheme->setCurrentIndex(std::max(0, m_colorScheme->findData(int(p.colorScheme))));
    validate();
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p = m_preferences;
    p.conflictPolicy = copy::ConflictPolicy(m_policy->currentData().toInt());
    p.preservePermissions = m_permissions->isChecked();
    p.preserveTimes = m_times->isChecked();
    p.parallelTransfers = m_parallel->value();
    p.uploadLimit = m_uploadLimit->value();
    p.downloadLimit = m_downloadLimit->value();
    p.heartbeatMs = qRound(m_heartbeat->value() * 1000);
    p.deadAfterMs = qRound(m_deadAfter->value() * 1000);
    p.compression = net::CompressionMode(m_compression->currentData().toInt());
    p.notifyLongJobs = m_notify->isChecked();
    p.showHiddenFiles = m_hidden->isChecked();
    p.showLocalPane = m_localPane->isChecked();
    p.colorScheme = Preferences::ColorScheme(m_colorScheme->currentData().toInt());
    return p.normalized();
}

bool PreferencesDialog::isValid() const
{
    return qRound(m_deadAfter->value() * 1000) >= Preferences::minDeadAfterMs(qRound(m_heartbeat->value() * 1000));
}

void PreferencesDialog::validate()
{
    const bool valid = isValid();
    if (!valid)
        m_timingError->setText(tr("The agent can only be declared lost after more than two heartbeats: more than %L1 s.")
                                   .arg(2 * m_heartbeat->value(), 0, 'f', 1));
    m_timingError->setVisible(!valid);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

} // namespace ferry::ui
