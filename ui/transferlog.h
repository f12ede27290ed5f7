// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "ui/transferqueuemodel.h"

#include <QDateTime>
#include <QDockWidget>

class QAction;
class QTreeWidget;

namespace ferry::ui {

class MessageBar;

/// What the transfers did, one entry per file or job that came to an end:
/// when, from where to where, how big, and the result with the reason of
/// every failure. It can be saved as text or CSV and cleared.
class TransferLog final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferLog)

public:
    struct Entry {
        QDateTime when;
        QString source;
        QString destination;
        qint64 size = 0;
        copy::Direction direction = copy::Direction::Upload;
        TransferQueueModel::State state = TransferQueueModel::State::Done;
        QString reason;
    };

    explicit TransferLog(QWidget *parent = nullptr);

    /// Adds what a row of the queue came to (TransferQueueModel::rowEnded()).
    void record(const QString &source, const QString &destination, qint64 size, copy::Direction direction, TransferQueueModel::State state,
                const QString &reason);
    const QList<Entry> &entries() const { return m_entries; }
    QTreeWidget *view() const { return m_view; }
    /// The dock's actions by object name (saveLog, clearLog).
    QAction *action(const QString &name) const;

    /// Writes the log to @p path: CSV when it ends in .csv, else text.
    Expected<void> saveTo(const QString &path) const;
    /// Asks where to save it (a file dialog named saveLogDialog).
    void chooseFileAndSave();
    void clear();

private:
    QString resultText(const Entry &entry) const;
    QString directionText(copy::Direction direction) const;

    QTreeWidget *m_view;
    MessageBar *m_messages;
    QList<Entry> m_entries;
};

} // namespace ferry::ui
