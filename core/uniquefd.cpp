// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/uniquefd.h"

#include <unistd.h>

namespace ferry {

void UniqueFd::reset(int fd)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = fd;
}

} // namespace ferry
