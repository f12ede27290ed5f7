// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

class QWebSocket;

namespace ferry::net {

/// Keeps the kernel's queue of unsent bytes short (TCP_NOTSENT_LOWAT) so
/// that data waits in user space where the scheduler can still put a control
/// frame ahead of it, disables Nagle for small control frames, and lets the
/// kernel give up on unacknowledged data after @p userTimeoutMs
/// (TCP_USER_TIMEOUT) instead of the default ~15 minutes.
void tuneSocketDescriptor(qintptr fd, int notSentLowWater, int userTimeoutMs);

/// The same for a client QWebSocket whose TCP socket is a child object.
void tuneWebSocket(QWebSocket *socket, int notSentLowWater, int userTimeoutMs);

} // namespace ferry::net
