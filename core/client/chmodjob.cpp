// SPDX-License-Identifier: GPL-3.0-or-later
// States: Stating -> Walking -> Changing -> done (see chmodjob.h).
#include "core/client/chmodjob.h"

#include "core/client/filesystem.h"
#include "core/client/remotefs.h"
#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"

#include <algorithm>
#include <utility>

namespace ferry::client {

namespace {

constexpr quint32 kExecuteBits = 0111;

} // namespace

ChmodJob::ChmodJob(Session *session, const QString &path, quint32 mode, quint32 mask, QObject *parent)
    : ChmodJob(std::make_unique<RemoteFs>(session), path, mode, mask, parent)
{
}

ChmodJob::ChmodJob(std::unique_ptr<FileSystem> fs, const QString &path, quint32 mode, quint32 mask, QObject *parent)
    : transfer::Job(parent)
    , m_fs(std::move(fs))
    , m_path(path)
    , m_mode(mode & 07777)
    , m_mask(mask & 07777)
{
}

ChmodJob::~ChmodJob() = default;

quint32 ChmodJob::changedMode(quint32 current, quint32 mode, quint32 mask, bool isDirectory)
{
    // +X: a file that nobody may run does not become runnable.
    if (!isDirectory && !(current & kExecuteBits))
        mask &= ~kExecuteBits;
    return ((current & ~mask) | (mode & mask)) & 07777;
}

void ChmodJob::doStart()
{
    m_fs->stat(m_path, [this](const Expected<protocol::Entry> &entry) {
        if (m_cancelled)
            return;
        if (!entry)
            return emitResult(entry.error());
        if (entry->type == protocol::Entry::Type::Symlink) {
            return emitResult(Error{ErrorCode::InvalidArgument,
                                    tr("%1 is a link, which has no permissions of its own").arg(m_fs->displayPath(m_path))});
        }
        m_items.append(Item{m_path, entry->mode, entry->isDir(), 0});
        if (entry->isDir())
            m_toList.append(m_items.last());
        listNext();
    }, this);
}

void ChmodJob::doCancel()
{
    m_cancelled = true;
}

void ChmodJob::listNext()
{
    while (!m_cancelled && !m_toList.isEmpty() && m_pending < kInFlight) {
        const Item dir = m_toList.takeFirst();
        ++m_pending;
        m_fs->listAll(dir.path, [this, dir](const Expected<QList<protocol::Entry>> &entries) {
            --m_pending;
            if (m_cancelled)
                return;
            if (!entries) {
                fail(dir.path, entries.error());
            } else {
                for (const protocol::Entry &e : *entries) {
                    if (e.type == protocol::Entry::Type::Symlink)
                        continue;
                    const Item item{remotepath::join(dir.path, e.name), e.mode, e.isDir(), dir.depth + 1};
                    m_items.append(item);
                    if (item.isDirectory)
                        m_toList.append(item);
                }
            }
            listNext();
        }, this);
    }
    // A file system that answers at once has finished the walk in a call
    // further in.
    if (m_cancelled || m_pending > 0 || !m_toList.isEmpty() || std::exchange(m_walked, true))
        return;
    // The walk is over: deepest first, the entry itself last.
    std::stable_sort(m_items.begin(), m_items.end(), [](const Item &a, const Item &b) { return a.depth > b.depth; });
    setTotal(m_items.size());
    Q_EMIT walked(int(m_items.size()));
    changeNext();
}

void ChmodJob::changeNext()
{
    while (!m_cancelled && m_next < m_items.size() && m_pending < kInFlight) {
        const Item item = m_items.at(m_next++);
        // The entry itself gets exactly the bits asked for.
        const quint32 mode = changedMode(item.mode, m_mode, m_mask, item.isDirectory || item.depth == 0);
        if (mode == item.mode) {
            setProcessed(++m_done);
            continue;
        }
        ++m_pending;
        m_fs->setAttributes(item.path, Attributes{mode, std::nullopt}, [this, path = item.path](const Expected<void> &result) {
            --m_pending;
            if (m_cancelled)
                return;
            if (result)
                ++m_changed;
            else
                fail(path, result.error());
            setProcessed(++m_done);
            changeNext();
        }, this);
    }
    if (!m_cancelled && m_pending == 0 && m_next >= m_items.size())
        finish();
}

void ChmodJob::fail(const QString &path, const Error &error)
{
    m_failures.append(Failure{path, error});
    Q_EMIT itemFailed(path, error);
}

void ChmodJob::finish()
{
    if (m_failures.isEmpty())
        return emitResult();
    const Failure &first = m_failures.first();
    emitResult(Error{first.error.code, tr("could not change the permissions of %n item(s), the first: %1", nullptr, int(m_failures.size()))
                                           .arg(first.error.message)});
}

} // namespace ferry::client
