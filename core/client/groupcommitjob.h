// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/transferjob.h"

#include <QList>

namespace ferry::client {

/// A staged file on the agent: its path, the size it must have, and whether
/// it may replace what is at its name.
struct StagedFile {
    QString path;
    qint64 size = 0;
    bool replace = false;
};

/// Puts files that batches left staged on the agent into place ("commit"):
/// one flush, the renames, one more flush for the whole group, instead of a
/// flush per batch. After a dropped connection it asks again: files already
/// in place count as done.
class GroupCommitJob final : public TransferJob
{
    Q_OBJECT

public:
    GroupCommitJob(Session *session, const QList<StagedFile> &files, QObject *parent = nullptr);
    ~GroupCommitJob() override;

    /// Per file, valid after success: Error{} or what went wrong.
    const QList<Error> &results() const { return m_results; }

private:
    void attempt() override;
    void abandonAttempt(bool cancelled) override;

    QList<StagedFile> m_files;
    QList<Error> m_results;
};

} // namespace ferry::client
