// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/websockettransport.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace ferry::net {

WebSocketTransport::WebSocketTransport(QWebSocket *socket, const QString &description, QObject *parent)
    : Transport(parent)
    , m_socket(socket)
    , m_description(description)
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &message) {
        if (!m_closed)
            Q_EMIT messageReceived(message);
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &) {
        close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::net", "unexpected text message")});
    });
    connect(m_socket, &QWebSocket::bytesWritten, this, [this](qint64) { Q_EMIT bytesWritten(); });
    connect(m_socket, &QWebSocket::pong, this, [this](quint64, const QByteArray &) { Q_EMIT alive(); });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        QString reason = m_socket->closeReason();
        if (reason.isEmpty())
            reason = QCoreApplication::translate("ferry::net", "connection closed by the peer");
        finish(Error{ErrorCode::Connection, reason});
    });
}

WebSocketTransport::~WebSocketTransport()
{
    m_closed = true;
    m_socket->disconnect(this);
}

void WebSocketTransport::send(const QByteArray &message)
{
    if (!m_closed)
        m_socket->sendBinaryMessage(message);
}

qint64 WebSocketTransport::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

void WebSocketTransport::setMaxIncomingMessage(qsizetype bytes)
{
    m_socket->setMaxAllowedIncomingFrameSize(quint64(bytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(bytes));
}

void WebSocketTransport::close(const Error &reason)
{
    if (m_closed)
        return;
    QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal;
    if (reason.code == ErrorCode::Protocol)
        code = QWebSocketProtocol::CloseCodeProtocolError;
    else if (reason.code == ErrorCode::Authentication)
        code = QWebSocketProtocol::CloseCodePolicyViolated;
    else if (reason.code == ErrorCode::TooManyClients)
        code = QWebSocketProtocol::CloseCodeGoingAway;
    // A close reason must fit in one control frame (123 bytes).
    QByteArray text = reason.message.toUtf8();
    if (text.size() > 120)
        text = text.left(117) + "...";
    finish(reason);
    m_socket->close(code, QString::fromUtf8(text));
}

void WebSocketTransport::abort()
{
    m_socket->abort();
}

QString WebSocketTransport::description() const
{
    return m_description;
}

void WebSocketTransport::finish(const Error &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    Q_EMIT closed(reason);
}

QString openErrorText(const QWebSocket &socket)
{
    // Told apart in words of their own: nothing there, no such name, no way.
    switch (socket.error()) {
    case QAbstractSocket::ConnectionRefusedError:
        return QCoreApplication::translate("ferry::net", "nothing listens there (connection refused): is the agent running, and on this port?");
    case QAbstractSocket::HostNotFoundError:
        return QCoreApplication::translate("ferry::net", "no such host: check the name in the URL");
    case QAbstractSocket::NetworkError:
    case QAbstractSocket::SocketTimeoutError:
        return QCoreApplication::translate("ferry::net", "cannot reach it (%1): check the network and the address").arg(socket.errorString());
    default:
        break;
    }
    const QString text = socket.errorString();
    // QWebSocket tells the status of a refused upgrade in its error text
    // only: "...: Unhandled http status code: 502 (Bad Gateway)."
    static const QRegularExpression statusPattern(u"status code: (\\d{3}) \\(([^)]*)\\)"_s);
    const QRegularExpressionMatch match = statusPattern.match(text);
    if (!match.hasMatch())
        return text;
    const int status = match.captured(1).toInt();
    const QString http = QString(u"HTTP "_s + match.captured(1) + u' ' + match.captured(2)).trimmed();
    if (status >= 300 && status < 400)
        return QCoreApplication::translate("ferry::net", "the server redirects to another address (%1), which a WebSocket does not follow: check the URL's path (behind a reverse proxy, perhaps its trailing slash)").arg(http);
    if (status == 404)
        return QCoreApplication::translate("ferry::net", "nothing answers at this path (%1): check the URL's path").arg(http);
    if (status == 502 || status == 503 || status == 504)
        return QCoreApplication::translate("ferry::net", "a proxy answered that it could not reach the server behind it (%1)").arg(http);
    return QCoreApplication::translate("ferry::net", "the server answered %1 instead of opening a WebSocket").arg(http);
}

} // namespace ferry::net
