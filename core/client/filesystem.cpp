// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/filesystem.h"

#include "core/pathcodec.h"

#include <memory>

namespace ferry::client {

QString FileSystem::displayPath(const QString &path) const
{
    return isRemote() ? u':' + pathcodec::escaped(path) : pathcodec::escaped(path);
}

void FileSystem::listAll(const QString &dir, Done<QList<protocol::Entry>> done, const QObject *context)
{
    auto collected = std::make_shared<QList<protocol::Entry>>();
    auto failed = std::make_shared<bool>(false);
    list(dir, [collected, failed, done = std::move(done)](const Expected<QList<protocol::Entry>> &page, bool last) {
        if (*failed)
            return;
        if (!page) {
            *failed = true;
            return done(std::unexpected(page.error()));
        }
        collected->append(*page);
        if (last)
            done(*collected);
    }, context);
}

} // namespace ferry::client
