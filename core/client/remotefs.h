// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/filesystem.h"

#include <QPointer>

namespace ferry::client {

class Session;

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

private:
    void stat(const QString &path, bool follow, Done<protocol::Entry> done, const QObject *context);
    /// A request whose reply carries nothing but success.
    void command(const QString &op, const QCborMap &args, Done<void> done, const QObject *context);

    QPointer<Session> m_session;
};

} // namespace ferry::client
