// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/socketoptions.h"

#include "core/logging.h"

#include <QTcpSocket>
#include <QWebSocket>

#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace ferry::net {

void tuneSocketDescriptor(qintptr fd, int notSentLowWater, int userTimeoutMs)
{
    if (fd < 0)
        return;
    const int one = 1;
    if (::setsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0)
        qCDebug(lcConnection) << "TCP_NODELAY:" << std::strerror(errno);
#ifdef TCP_NOTSENT_LOWAT
    if (notSentLowWater > 0 && ::setsockopt(int(fd), IPPROTO_TCP, TCP_NOTSENT_LOWAT, &notSentLowWater, sizeof notSentLowWater) != 0)
        qCDebug(lcConnection) << "TCP_NOTSENT_LOWAT:" << std::strerror(errno);
#endif
#ifdef TCP_USER_TIMEOUT
    const unsigned int timeout = unsigned(userTimeoutMs);
    if (userTimeoutMs > 0 && ::setsockopt(int(fd), IPPROTO_TCP, TCP_USER_TIMEOUT, &timeout, sizeof timeout) != 0)
        qCDebug(lcConnection) << "TCP_USER_TIMEOUT:" << std::strerror(errno);
#endif
}

void tuneWebSocket(QWebSocket *socket, int notSentLowWater, int userTimeoutMs)
{
    // QWebSocket keeps its transport as a child object once open() ran.
    if (auto *tcp = socket->findChild<QTcpSocket *>())
        tuneSocketDescriptor(tcp->socketDescriptor(), notSentLowWater, userTimeoutMs);
}

} // namespace ferry::net
