// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/filesystem.h"

#include <QHash>
#include <QMap>

/// A FileSystem in memory, for tests of what runs over one (the copy
/// planner): paths as the agent's (relative, "" the root), answers a turn of
/// the event loop later as an agent's would, listings in small pages, and
/// failures planted on purpose. Every call is counted by operation.
class MemoryFs final : public ferry::client::FileSystem
{
public:
    MemoryFs();

    void addDirectory(const QString &path, quint32 mode = 0755, qint64 mtimeNs = 0);
    void addFile(const QString &path, const QByteArray &content, quint32 mode = 0644, qint64 mtimeNs = 0);
    void addSymlink(const QString &path, const QString &target);
    /// A FIFO or device: listed, never copied.
    void addSpecial(const QString &path);
    /// stat, list and every other call on @p path answer @p error.
    void failOn(const QString &path, const ferry::Error &error);
    void setSpace(const ferry::client::SpaceInfo &space) { m_space = space; }
    void setPageSize(int entries) { m_pageSize = entries; }

    bool exists(const QString &path) const;
    ferry::protocol::Entry entry(const QString &path) const;
    QByteArray content(const QString &path) const;
    /// Calls of @p operation ("stat", "list", ...) so far.
    int calls(const QString &operation) const { return m_calls.value(operation); }

    bool isRemote() const override { return true; }
    void stat(const QString &path, Done<ferry::protocol::Entry> done, const QObject *context) override;
    void statFollowed(const QString &path, Done<ferry::protocol::Entry> done, const QObject *context) override;
    void list(const QString &dir, Page page, const QObject *context) override;
    void mkdir(const QString &path, quint32 mode, bool parents, Done<void> done, const QObject *context) override;
    void remove(const QString &path, bool recursive, Done<void> done, const QObject *context) override;
    void move(const QString &from, const QString &to, bool overwrite, Done<void> done, const QObject *context) override;
    void symlink(const QString &path, const QString &target, Done<void> done, const QObject *context) override;
    void setAttributes(const QString &path, const ferry::client::Attributes &attributes, Done<void> done, const QObject *context) override;
    void space(const QString &path, Done<ferry::client::SpaceInfo> done, const QObject *context) override;
    qint64 copy(const ferry::client::FileCopy &copy, Done<void> done, const QObject *context) override;
    qint64 hash(const QString &path, std::function<void(qint64 done, qint64 size)> progress, Done<ferry::client::Digest> done,
                const QObject *context) override;
    void cancel(qint64 id) override;

private:
    struct Node {
        ferry::protocol::Entry entry;
        QByteArray content;
    };
    static QString key(const QString &path);
    /// The entry at @p path, or why there is none (NotFound; NotADirectory
    /// when a parent is not a folder; a planted failure).
    ferry::Expected<const Node *> find(const QString &path) const;
    /// Why @p path cannot be created: its parent must be a folder and the
    /// name free.
    ferry::Expected<void> creatable(const QString &path) const;
    void add(const QString &path, const ferry::protocol::Entry &entry, const QByteArray &content = {});
    void later(const QObject *context, std::function<void()> call);

    QMap<QString, Node> m_nodes;
    QHash<QString, ferry::Error> m_failures;
    QHash<QString, int> m_calls;
    ferry::client::SpaceInfo m_space{qint64(1) << 40, qint64(1) << 39, qint64(1) << 39};
    int m_pageSize = 2;
    qint64 m_nextId = 1;
};
