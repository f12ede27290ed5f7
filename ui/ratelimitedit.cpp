// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ratelimitedit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * 1024;
// About 3.8 GiB/s in either unit: beyond any link Ferry runs over.
constexpr int MaxKiB = 4000000;
constexpr int MaxMiB = 4000;

} // namespace

RateLimitEdit::RateLimitEdit(const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_number(new QSpinBox(this))
    , m_unit(new QComboBox(this))
{
    m_number->setAccessibleName(accessibleName);
    m_number->setAccessibleDescription(tr("0 means unlimited"));
    m_number->setSpecialValueText(tr("Unlimited"));
    m_number->setRange(0, MaxKiB);
    m_unit->setAccessibleName(tr("%1 unit").arg(accessibleName));
    m_unit->addItem(tr("KiB/s"), KiB);
    m_unit->addItem(tr("MiB/s"), MiB);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_number, 1);
    layout->addWidget(m_unit);
    setFocusProxy(m_number);
    const auto edited = [this] {
        m_touched = true;
        Q_EMIT valueEdited(value());
    };
    connect(m_number, &QSpinBox::valueChanged, this, edited);
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this, edited] {
        m_number->setRange(0, m_unit->currentData().toLongLong() == MiB ? MaxMiB : MaxKiB);
        m_number->setSingleStep(m_unit->currentData().toLongLong() == MiB ? 1 : 128);
        edited();
    });
    m_number->setSingleStep(128);
}

qint64 RateLimitEdit::value() const
{
    if (!m_touched)
        return m_exact;
    return qint64(m_number->value()) * m_unit->currentData().toLongLong();
}

void RateLimitEdit::setValue(qint64 bytesPerSecond)
{
    const QSignalBlocker numberBlocker(m_number);
    const QSignalBlocker unitBlocker(m_unit);
    bytesPerSecond = std::max<qint64>(0, bytesPerSecond);
    m_exact = bytesPerSecond;
    m_touched = false;
    // Whole MiB/s in MiB/s, anything else in KiB/s; a tiny limit is 1 KiB/s,
    // never "Unlimited".
    const bool mib = bytesPerSecond >= MiB && bytesPerSecond % MiB == 0;
    m_unit->setCurrentIndex(mib ? 1 : 0);
    m_number->setRange(0, mib ? MaxMiB : MaxKiB);
    m_number->setSingleStep(mib ? 1 : 128);
    if (bytesPerSecond == 0)
        m_number->setValue(0);
    else if (mib)
        m_number->setValue(int(std::min<qint64>(bytesPerSecond / MiB, MaxMiB)));
    else
        m_number->setValue(int(std::clamp<qint64>((bytesPerSecond + KiB / 2) / KiB, 1, MaxKiB)));
}

} // namespace ferry::ui
