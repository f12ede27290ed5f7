// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundclient.h"

#include "core/net/auth.h"
#include "core/protocol/frame.h"

#include <QCborMap>
#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

BoundClient::BoundClient(const QHostAddress &source)
    : m_source(source)
{
}

bool BoundClient::connectTo(quint16 port, int timeoutMs)
{
    if (!m_socket.bind(m_source, 0))
        return false;
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return m_socket.waitForConnected(timeoutMs);
}

void BoundClient::sendPartialRequest()
{
    m_socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    m_socket.flush();
}

bool BoundClient::upgrade(int timeoutMs)
{
    QByteArray key(16, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
    m_socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key.toBase64() + "\r\n\r\n");
    m_socket.flush();
    QDeadlineTimer deadline(timeoutMs);
    while (!m_buffer.contains("\r\n\r\n")) {
        if (deadline.hasExpired() || !m_socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            return false;
        m_buffer += m_socket.readAll();
    }
    const qsizetype end = m_buffer.indexOf("\r\n\r\n") + 4;
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end);
    return head.startsWith("HTTP/1.1 101");
}

void BoundClient::sendBinary(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x82));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8));
        frame.append(char(payload.size() & 0xff));
    }
    const quint32 mask = QRandomGenerator::global()->generate();
    const char *m = reinterpret_cast<const char *>(&mask);
    frame.append(m, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ m[i % 4]));
    m_socket.write(frame);
    m_socket.flush();
}

bool BoundClient::fill(qsizetype bytes, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_buffer.size() < bytes) {
        m_buffer += m_socket.readAll();
        if (m_buffer.size() >= bytes)
            break;
        if (deadline.hasExpired() || m_socket.state() != QAbstractSocket::ConnectedState)
            return false;
        m_socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    return true;
}

QByteArray BoundClient::readMessage(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QByteArray message;
    for (;;) {
        if (!fill(2, int(deadline.remainingTime())))
            return {};
        const bool fin = quint8(m_buffer.at(0)) & 0x80;
        const int opcode = quint8(m_buffer.at(0)) & 0x0f;
        qint64 length = quint8(m_buffer.at(1)) & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (!fill(4, int(deadline.remainingTime())))
                return {};
            length = (quint8(m_buffer.at(2)) << 8) | quint8(m_buffer.at(3));
            header = 4;
        } else if (length == 127) {
            if (!fill(10, int(deadline.remainingTime())))
                return {};
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | quint8(m_buffer.at(i));
            header = 10;
        }
        if (!fill(header + length, int(deadline.remainingTime())))
            return {};
        const QByteArray payload = m_buffer.mid(header, length);
        m_buffer.remove(0, header + length);
        if (opcode == 0x8)
            return {}; // the server's close
        if (opcode >= 0x8)
            continue; // ping, pong
        message += payload;
        if (fin)
            return message;
    }
}

bool BoundClient::sendProof(const QByteArray &token, int timeoutMs)
{
    const QByteArray greeting = readMessage(timeoutMs);
    auto hello = ferry::protocol::decode(greeting);
    if (!hello || hello->control.value("t"_L1).toString() != "hello"_L1)
        return false;
    const QByteArray agentNonce = hello->control.value("nonce"_L1).toByteArray();
    const QByteArray nonce = ferry::net::auth::randomNonce();
    sendBinary(ferry::protocol::encodeControl(QCborMap{{"t"_L1, "auth"_L1}, {"v"_L1, 1}, {"nonce"_L1, nonce},
                                                       {"mac"_L1, ferry::net::auth::clientProof(token, agentNonce, nonce)}}));
    return true;
}

bool BoundClient::waitForClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        m_socket.readAll();
        m_socket.waitForReadyRead(int(std::min<qint64>(50, std::max<qint64>(1, deadline.remainingTime()))));
    }
    return m_socket.state() != QAbstractSocket::ConnectedState;
}
