// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/listjob.h"

#include "core/client/session.h"
#include "core/protocol/wirepath.h"

#include <QCborArray>
#include <QCborMap>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

ListJob::ListJob(Session *session, const QString &path, QObject *parent)
    : transfer::Job(parent)
    , m_session(session)
    , m_path(path)
{
}

void ListJob::doStart()
{
    m_requestId = m_session->request(u"list"_s, QCborMap{{"path"_L1, protocol::pathValue(m_path)}}, [this](const Expected<QCborMap> &reply, bool last) {
        if (!reply) {
            emitResult(reply.error());
            return;
        }
        QList<protocol::Entry> page;
        const QCborArray array = reply->value("entries"_L1).toArray();
        page.reserve(array.size());
        for (const QCborValue &value : array) {
            auto entry = protocol::Entry::fromCbor(value);
            if (!entry) {
                m_session->forget(m_requestId);
                emitResult(entry.error());
                return;
            }
            page.append(*entry);
        }
        m_entries += page;
        setProcessed(m_entries.size());
        Q_EMIT entriesAdded(page);
        if (last)
            emitResult();
    }, this);
}

void ListJob::doCancel()
{
    if (m_session)
        m_session->forget(m_requestId);
}

} // namespace ferry::client
