// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTabWidget;

namespace ferry::ui {

class RateLimitEdit;

/// Edits a copy of the Preferences; the caller reads preferences() after
/// accepted() and saves or applies them. Works with open() as well as exec().
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);

    /// The values as edited, inside their bounds.
    Preferences preferences() const;
    /// Shows @p preferences in the controls (Restore Defaults uses it).
    void setPreferences(const Preferences &preferences);
    /// False while the connection timings contradict each other.
    bool isValid() const;

Q_SIGNALS:
    /// Emitted on OK, with what preferences() returns.
    void preferencesAccepted(const ferry::ui::Preferences &preferences);

private:
    QWidget *createTransfersPage();
    QWidget *createConnectionPage();
    QWidget *createNotificationsPage();
    QWidget *createViewPage();
    void validate();

    Preferences m_preferences; ///< carries values no page edits
    QTabWidget *m_tabs;
    QComboBox *m_policy = nullptr;
    QCheckBox *m_permissions = nullptr;
    QCheckBox *m_times = nullptr;
    QSpinBox *m_parallel = nullptr;
    RateLimitEdit *m_uploadLimit = nullptr;
    RateLimitEdit *m_downloadLimit = nullptr;
    QDoubleSpinBox *m_heartbeat = nullptr;
    QDoubleSpinBox *m_deadAfter = nullptr;
    QLabel *m_timingError = nullptr;
    QComboBox *m_compression = nullptr;
    QCheckBox *m_notify = nullptr;
    QCheckBox *m_hidden = nullptr;
    QCheckBox *m_localPane = nullptr;
    QComboBox *m_colorScheme = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ferry::ui
