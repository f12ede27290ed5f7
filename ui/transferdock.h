// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QTreeView;

namespace ferry::copy {
class CopyJob;
}

namespace ferry::ui {

class TransferQueueModel;

/// The transfer queue: every file transfer with a progress bar, rate, ETA
/// and state; finished rows can be cleared.
class TransferDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferDock)

public:
    explicit TransferDock(QWidget *parent = nullptr);

    TransferQueueModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    void addJob(copy::CopyJob *job, bool upload);

private:
    TransferQueueModel *m_model;
    QTreeView *m_view;
};

} // namespace ferry::ui
