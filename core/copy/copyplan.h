// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/protocol/entry.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace ferry::client {
class FileSystem;
}

namespace ferry::copy {

/// One entry of a copy as planned: where it comes from, where it goes, and
/// what is there already.
struct PlanNode {
    enum class Outcome {
        Copy,    ///< to be copied (its conflict, if any, is decided later)
        Failed,  ///< could not be read: error says why
        Skipped, ///< left out on purpose (a special file): reason says why
    };
    protocol::Entry source;
    QString sourcePath;
    QString destDir; ///< destination folder, on the receiving side
    QString destName;
    int parent = -1; ///< index of the folder node it lies in
    QList<int> children;
    bool destExists = false;
    protocol::Entry dest; ///< what destExists found
    Outcome outcome = Outcome::Copy;
    Error error;
    QString reason;
};

/// What a copy will do, as data: every entry of the source trees in walk
/// order (a folder before its contents), the conflicts with what exists at
/// the destination, and the totals.
struct CopyPlan {
    QList<PlanNode> nodes;
    QList<int> roots;     ///< the nodes of the sources as named
    bool destIsDir = false; ///< the sources go into the destination
    qint64 files = 0;     ///< regular files to copy
    qint64 directories = 0;
    qint64 bytes = 0;     ///< their sizes together
    /// Names taken in each destination folder that was listed (for free
    /// names when the user asks for a rename).
    QHash<QString, QSet<QString>> destNames;
};

/// The planning half of a copy, with the semantics of cp -r: is the
/// destination a folder to copy into or the new name; walk every source
/// tree (lstat; links not followed, except a source named on the command
/// line without recursion where the sender follows links); list the
/// destination folders that exist to find every conflict without a request
/// per file. It speaks to two FileSystems and nothing else, so it runs the
/// same over an agent, this machine or memory.
class CopyPlanner final : public QObject
{
    Q_OBJECT

public:
    struct Request {
        QStringList sources;
        /// A trailing slash demands a folder.
        QString destination;
        bool recursive = false;
        /// The destination is the new name even when it is a folder (cp -T).
        bool noTargetDirectory = false;
        /// Follow a symlink named as a source when not recursive (cp does;
        /// the agent sends files only under their own names).
        bool followSourceLinks = false;
    };

    /// @p sender and @p receiver may be one object (a copy on the agent):
    /// then a folder copied into itself is refused.
    CopyPlanner(client::FileSystem &sender, client::FileSystem &receiver, const Request &request, QObject *parent = nullptr);

    void start();
    const CopyPlan &plan() const { return m_plan; }

Q_SIGNALS:
    /// Something left out that the user should hear about at once.
    void warning(const QString &message);
    /// Planning is over; with an error nothing can be copied (a bad
    /// destination, or sources that need one).
    void finished(const ferry::Error &error);

private:
    void onDestination(const Expected<protocol::Entry> &entry);
    void walkSource(int index);
    void onSourceStat(int index, const Expected<protocol::Entry> &entry);
    /// Lists folder @p index and plans what it holds.
    void walkDirectory(int index);
    void addChildren(int parent, const QList<protocol::Entry> &entries);
    void walked();
    void examine();
    void listDestination(const QString &dir, std::function<void(const QHash<QString, protocol::Entry> &)> done);
    void examineChildren(int parent, const QHash<QString, protocol::Entry> &existing);
    void examined();
    void fail(int index, const Error &error);
    void skip(int index, const QString &reason);
    QString display(const client::FileSystem &fs, const QString &path) const;
    QString nameOf(const client::FileSystem &fs, const QString &path) const;
    QString parentOf(const client::FileSystem &fs, const QString &path) const;
    QString destPath(const PlanNode &node) const;
    void finish(const Error &error);

    client::FileSystem &m_sender;
    client::FileSystem &m_receiver;
    Request m_request;
    CopyPlan m_plan;
    int m_pendingWalks = 0;
    int m_pendingExamines = 0;
    bool m_finished = false;
};

} // namespace ferry::copy
