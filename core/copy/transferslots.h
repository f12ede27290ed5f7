// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace ferry::copy {

/// A limit on file transfers in flight shared by several copy jobs, like a
/// transfer queue's "parallel transfers" setting: each job takes a slot per
/// transfer it starts and gives it back when the transfer ends.
class TransferSlots final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferSlots)

public:
    explicit TransferSlots(int limit, QObject *parent = nullptr);

    /// Raising the limit lets waiting jobs start more at once; lowering it
    /// lets running transfers finish and holds back new ones.
    void setLimit(int limit);
    int limit() const { return m_limit; }
    int inUse() const { return m_inUse; }

    bool tryAcquire();
    void release();

Q_SIGNALS:
    /// A slot became free (or the limit grew): jobs may start more.
    void available();

private:
    int m_limit;
    int m_inUse = 0;
};

} // namespace ferry::copy
