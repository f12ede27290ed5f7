// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/copy/transferslots.h"

#include <algorithm>

namespace ferry::copy {

TransferSlots::TransferSlots(int limit, QObject *parent)
    : QObject(parent)
    , m_limit(std::max(1, limit))
{
}

void TransferSlots::setLimit(int limit)
{
    const int old = m_limit;
    m_limit = std::max(1, limit);
    if (m_limit > old)
        Q_EMIT available();
}

bool TransferSlots::tryAcquire()
{
    if (m_inUse >= m_limit)
        return false;
    ++m_inUse;
    return true;
}

void TransferSlots::release()
{
    Q_ASSERT(m_inUse > 0);
    if (m_inUse > 0)
        --m_inUse;
    if (m_inUse < m_limit)
        Q_EMIT available();
}

} // namespace ferry::copy
