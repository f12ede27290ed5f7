// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/copy/readyqueue.h"

namespace ferry::copy {

bool ReadyQueue::remove(int id)
{
    for (qsizetype i = 0; i < m_files.size(); ++i) {
        if (m_files.at(i).id == id) {
            m_files.removeAt(i);
            return true;
        }
    }
    return false;
}

QList<int> ReadyQueue::takeNext(const Limits &limits)
{
    if (m_files.isEmpty())
        return {};
    const File first = m_files.takeFirst();
    QList<int> taken{first.id};
    if (!first.batchable)
        return taken;
    qint64 bytes = first.size;
    // Small files travel together; one that may not waits for its own
    // transfer, where it stands.
    for (qsizetype i = 0; i < m_files.size() && taken.size() < limits.maxFiles;) {
        const File &next = m_files.at(i);
        if (!next.batchable) {
            ++i;
            continue;
        }
        if (bytes + next.size > limits.maxBytes)
            break;
        bytes += next.size;
        taken.append(next.id);
        m_files.removeAt(i);
    }
    return taken;
}

} // namespace ferry::copy
