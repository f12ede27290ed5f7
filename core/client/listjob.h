// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/entry.h"
#include "core/transfer/job.h"

#include <QPointer>
#include <QList>

namespace ferry::client {

class Session;

/// Lists one remote directory. Entries arrive in pages (so a directory of
/// any size stays within the message limits) and are reported as they come.
class ListJob final : public transfer::Job
{
    Q_OBJECT

public:
    ListJob(Session *session, const QString &path, QObject *parent = nullptr);

    const QString &path() const { return m_path; }
    const QList<protocol::Entry> &entries() const { return m_entries; }

Q_SIGNALS:
    void entriesAdded(const QList<ferry::protocol::Entry> &page);

private:
    void doStart() override;
    void doCancel() override;

    QPointer<Session> m_session; ///< may go first when both are torn down
    QString m_path;
    QList<protocol::Entry> m_entries;
    qint64 m_requestId = 0;
};

} // namespace ferry::client
