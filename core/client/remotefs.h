// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/filesystem.h"

#include <QPointer>

namespace ferry::client {

class Session;

/// What an extraction on the agent made.
struct ExtractSummary {
    qint64 files = 0;
    qint64 directories = 0;
    qint64 links = 0;
    qint64 bytes = 0;
    qint64 skipped = 0;
};

/// FileSystem on the agent a Session reaches: each call is one request
/// (docs/protocol.md), each reply read into typed results here and only
/// here. Without a session (it was destroyed) every call fails with a
/// Connection error.
class RemoteFs final : public FileSystem
{
public:
    explicit RemoteFs(Session *session);

    Session *session() const;

    bool isRemote() const override { return true; }
    void stat(const QString &path, Done<protocol::Entry> done, const QObject *context) override;
    void statFollowed(const QString &path, Done<protocol::Entry> done, const QObject *context) override;
    void list(const QString &dir, Page page, const QObject *context) override;
    void mkdir(const QString &path, quint32 mode, bool parents, Done<void> done, const QObject *context) override;
    void remove(const QString &path, bool recursive, Done<void> done, const QObject *context) override;
    void move(const QString &from, const QString &to, bool overwrite, Done<void> done, const QObject *context) override;
    void symlink(const QString &path, const QString &target, Done<void> done, const QObject *context) override;
    void setAttributes(const QString &path, const Attributes &attributes, Done<void> done, const QObject *context) override;
    void space(const QString &path, Done<SpaceInfo> done, const QObject *context) override;
    qint64 copy(const FileCopy &copy, Done<void> done, const QObject *context) override;
    qint64 hash(const QString &path, std::function<void(qint64 done, qint64 size)> progress, Done<Digest> done,
                const QObject *context) override;
    void cancel(qint64 id) override;

    /// Work on archives that the agent does where they lie, with nothing
    /// crossing the wire; both return an id that cancel() stops, and report
    /// bytes done of the total to @p progress (may be null) now and then.
    /// Extracts @p archive into the folder @p to (made if missing); an
    /// existing file meets @p policy: "fail", "overwrite" or "skip".
    /// @p shownName: how the agent's messages name the archive (a local
    /// file uploaded for this); empty: its path. With @p wrap, an archive
    /// that is not one folder goes into the folder @p wrap inside @p to.
    qint64 extract(const QString &archive, const QString &to, const QString &policy, const QString &shownName, const QString &wrap,
                   std::function<void(qint64 done, qint64 total)> progress, Done<ExtractSummary> done, const QObject *context);
    /// Builds an archive of @p paths at @p to in the format its name asks
    /// for; its size.
    qint64 compress(const QStringList &paths, const QString &to, bool replace, std::function<void(qint64 done, qint64 total)> progress,
                    Done<qint64> done, const QObject *context);

private:
    void stat(const QString &path, bool follow, Done<protocol::Entry> done, const QObject *context);
    /// A request whose reply carries nothing but success.
    void command(const QString &op, const QCborMap &args, Done<void> done, const QObject *context);

    QPointer<Session> m_session;
};

} // namespace ferry::client
