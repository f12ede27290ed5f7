// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace ferry::copy {

/// The files of a copy that are ready to go, in order, and what the next
/// transfer carries: a file that may not travel in a batch (a large one, or
/// one to resume) alone; small ones together, up to a number of files and
/// of bytes. A file that cannot join a batch keeps its place for the next
/// transfer. Pure bookkeeping: the copy job starts the transfers.
class ReadyQueue
{
public:
    struct File {
        int id = 0;
        qint64 size = 0;
        bool batchable = false;
    };
    struct Limits {
        qsizetype maxFiles = 1;
        qint64 maxBytes = 0;
    };

    void append(const File &file) { m_files.append(file); }
    /// Ahead of the others (a file resumed by the user goes first).
    void prepend(const File &file) { m_files.prepend(file); }
    /// Takes @p id out of the queue; false if it was not in it.
    bool remove(int id);
    bool isEmpty() const { return m_files.isEmpty(); }
    qsizetype size() const { return m_files.size(); }

    /// Takes the files of the next transfer out of the queue: the first, and
    /// if it is batchable, the batchable files after it while they fit in
    /// @p limits (the first one always goes). Empty when the queue is.
    QList<int> takeNext(const Limits &limits);

private:
    QList<File> m_files;
};

} // namespace ferry::copy
