// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/groupcommitjob.h"

#include "core/client/session.h"
#include "core/protocol/wirepath.h"
#include "core/transfer/batchmessages.h"

#include <QCborArray>
#include <QCborMap>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

GroupCommitJob::GroupCommitJob(Session *session, const QList<StagedFile> &files, QObject *parent)
    : TransferJob(session, parent)
    , m_files(files)
{
}

GroupCommitJob::~GroupCommitJob()
{
    abandonAttempt(false);
}

void GroupCommitJob::attempt()
{
    QCborArray files;
    for (const StagedFile &file : std::as_const(m_files)) {
        QCborMap entry{{"path"_L1, protocol::pathValue(file.path)}, {"size"_L1, file.size}};
        if (file.replace)
            entry.insert("replace"_L1, true);
        files.append(entry);
    }
    m_requestId = m_session->request(u"commit"_s, QCborMap{{"files"_L1, files}}, [this](const Expected<QCborMap> &reply, bool) {
        if (!reply) {
            attemptFinished(reply.error());
            return;
        }
        auto results = transfer::readBatchResults(reply->value("results"_L1), m_files.size());
        if (!results) {
            attemptFinished(results.error());
            return;
        }
        m_results = std::move(*results);
        attemptFinished(Error{});
    }, this);
}

void GroupCommitJob::abandonAttempt(bool)
{
    if (m_session)
        m_session->forget(m_requestId);
}

} // namespace ferry::client
