// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

class QCborMap;

namespace ferry::agent {

class AgentSession;

/// {op:"copy", from, to, replace?, mode?, mtime?}: copies regular file
/// @c from to @c to, both beneath the root, without the data crossing the
/// wire. Like an upload it writes a part file beside the destination,
/// flushes it, applies mode and mtime and only then renames it into place;
/// the copying itself runs on a worker thread (copy_file_range), so a large
/// file never stalls the other clients. Replies once, when the copy is
/// durable. A {op:"cancel", id} naming the request stops it at its next
/// 16 MiB step; the part file goes and the copy replies Cancelled.
void handleCopy(AgentSession *session, qint64 requestId, const QCborMap &request);

} // namespace ferry::agent
