// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/transfer/job.h"

#include <QList>
#include <QString>

#include <memory>

namespace ferry::client {

class FileSystem;
class Session;

/// Changes the permission bits of an entry and, for a folder, of
/// everything beneath it, with the list and chmod requests every agent
/// knows. Only the bits in the mask change; the others stay as each entry
/// has them. As chmod's +X and Dolphin do, the execute bits change on
/// folders and on files that had one before, never on other files: a
/// folder made rwxr-xr-x leaves its text files rw-r--r--. Symlinks are
/// neither followed nor changed (they have no permissions of their own).
///
/// States: Stating the entry, Walking (listing folders, a few at a time,
/// collecting entries and their modes), Changing (one chmod per entry
/// whose mode changes, a few in flight, the deepest first, so a folder
/// that loses its x bit is changed after what it holds). Progress counts
/// entries, their total known when the walk ends. A listing or a chmod
/// that fails is reported with itemFailed() and the rest goes on; the job
/// then fails naming how many and the first.
class ChmodJob final : public transfer::Job
{
    Q_OBJECT

public:
    struct Failure {
        QString path;
        Error error;
    };

    /// On the agent @p session reaches.
    ChmodJob(Session *session, const QString &path, quint32 mode, quint32 mask, QObject *parent = nullptr);
    /// Within @p fs.
    ChmodJob(std::unique_ptr<FileSystem> fs, const QString &path, quint32 mode, quint32 mask, QObject *parent = nullptr);
    ~ChmodJob() override;

    /// What an entry whose bits are @p current becomes.
    static quint32 changedMode(quint32 current, quint32 mode, quint32 mask, bool isDirectory);

    const QString &path() const { return m_path; }
    int changedCount() const { return m_changed; }
    const QList<Failure> &failures() const { return m_failures; }

Q_SIGNALS:
    /// The walk is over: @p entries will be looked at, none changed yet.
    void walked(int entries);
    void itemFailed(const QString &path, const ferry::Error &error);

private:
    struct Item {
        QString path;
        quint32 mode = 0;
        bool isDirectory = false;
        int depth = 0;
    };
    void doStart() override;
    void doCancel() override;
    void listNext();
    void changeNext();
    void fail(const QString &path, const Error &error);
    void finish();

    static constexpr int kInFlight = 8;
    std::unique_ptr<FileSystem> m_fs;
    QString m_path;
    quint32 m_mode;
    quint32 m_mask;
    QList<Item> m_items;
    QList<Item> m_toList;  ///< folders not listed yet
    qsizetype m_next = 0;  ///< the next of m_items to change
    int m_pending = 0;     ///< requests in flight
    int m_done = 0;
    int m_changed = 0;
    bool m_walked = false;
    bool m_cancelled = false;
    QList<Failure> m_failures;
};

} // namespace ferry::client
