// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QSpinBox;

namespace ferry::ui {

/// A transfer rate limit with its unit: a number and KiB/s or MiB/s, 0 for
/// unlimited. A value set and not touched since comes back exactly, even
/// when it is no whole number of the units shown.
class RateLimitEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitEdit)

public:
    /// @p accessibleName names the number box (the widget hands it the focus).
    explicit RateLimitEdit(const QString &accessibleName, QWidget *parent = nullptr);

    /// Bytes per second, 0 for unlimited.
    qint64 value() const;
    void setValue(qint64 bytesPerSecond);
    QSpinBox *numberBox() const { return m_number; }
    QComboBox *unitBox() const { return m_unit; }

Q_SIGNALS:
    /// The user changed the number or the unit.
    void valueEdited(qint64 bytesPerSecond);

private:
    QSpinBox *m_number;
    QComboBox *m_unit;
    qint64 m_exact = 0;
    bool m_touched = false;
};

} // namespace ferry::ui
