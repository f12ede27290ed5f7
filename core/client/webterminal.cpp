// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/webterminal.h"

#include "core/logging.h"
#include "core/net/websockettransport.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

namespace {
/// Input handed to the socket but not yet written out: what a keepalive
/// answer may have to wait behind.
constexpr qint64 kSocketHighWater = 256 * 1024;
/// Input text per message: well under WeTTY's 1 MB message limit even if
/// every character needed a six-character JSON escape.
constexpr qsizetype kInputPerMessage = 128 * 1024;
/// Output read before it is acknowledged to WeTTY, which pauses the pty at
/// 2 MiB unacknowledged and resumes below 512 KiB.
constexpr qint64 kCommitEvery = 64 * 1024;
constexpr qsizetype kCompactAt = 1024 * 1024;

/// The string of a one-string event such as 42["data","..."], unescaped
/// without building a JSON document: output arrives in many such messages.
/// Nothing when @p message is not of that shape.
std::optional<QString> eventString(QStringView message, QStringView prefix)
{
    if (!message.startsWith(prefix) || !message.endsWith(u"\"]"))
        return std::nullopt;
    const QStringView body = message.sliced(prefix.size(), message.size() - prefix.size() - 2);
    QString text;
    text.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (c == u'"')
            return std::nullopt; // the string ended early: another shape
        if (c != u'\\') {
            text += c;
            continue;
        }
        if (++i >= body.size())
            return std::nullopt;
        switch (body.at(i).unicode()) {
        case u'n': text += u'\n'; break;
        case u'r': text += u'\r'; break;
        case u't': text += u'\t'; break;
        case u'b': text += u'\b'; break;
        case u'f': text += u'\f'; break;
        case u'"': text += u'"'; break;
        case u'\\': text += u'\\'; break;
        case u'/': text += u'/'; break;
        case u'u': {
            if (i + 4 >= body.size())
                return std::nullopt;
            bool ok = false;
            const ushort code = body.sliced(i + 1, 4).toUShort(&ok, 16);
            if (!ok)
                return std::nullopt;
            text += QChar(code);
            i += 4;
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return text;
}

} // namespace

bool isWettyUrl(const QUrl &url)
{
    return url.scheme() == "wetty+ws"_L1 || url.scheme() == "wetty+wss"_L1;
}

bool isJupyterUrl(const QUrl &url)
{
    return url.scheme() == "jupyter+http"_L1 || url.scheme() == "jupyter+https"_L1;
}

bool isWebTerminalUrl(const QUrl &url)
{
    return isWettyUrl(url) || isJupyterUrl(url);
}

// ---------------------------------------------------------------------------

WebTerminalChannel::WebTerminalChannel(const QUrl &url, QObject *parent)
    : ShellChannel(parent)
    , m_url(url)
{
}

WebTerminalChannel::~WebTerminalChannel()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QUrl WebTerminalChannel::webSocketBase() const
{
    QUrl base = m_url;
    const QString inner = m_url.scheme().section(u'+', 1);
    base.setScheme(inner == "wss"_L1 || inner == "https"_L1 ? u"wss"_s : u"ws"_s);
    base.setQuery(QString());
    base.setFragment(QString());
    return base;
}

void WebTerminalChannel::openSocket(const QNetworkRequest &request)
{
    openDevice();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // The server's messages are bounded by its own buffering (WeTTY sends
    // at most about 512 KiB of output at a time, terminado 64 KiB).
    m_socket->setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        m_wireIn += message.size();
        onMessage(message);
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        endWith(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::client", "%1: the web terminal sent a binary message, which its protocol does not have").arg(description())});
    });
    connect(m_socket, &QWebSocket::bytesWritten, this, [this](qint64 bytes) {
        pump();
        Q_EMIT bytesWritten(bytes);
    });
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (acceptCertificate(m_socket->sslConfiguration().peerCertificate(), errors))
            m_socket->ignoreSslErrors(errors);
    });
    connect(m_socket, &QWebSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        endWith(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1: %2").arg(description(), net::openErrorText(*m_socket))});
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        QString reason = m_socket->closeReason();
        if (reason.isEmpty())
            reason = QCoreApplication::translate("ferry::client", "the web terminal closed the connection");
        endWith(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1: %2").arg(description(), reason)});
    });
    m_socket->open(request);
}

void WebTerminalChannel::openDevice()
{
    // Open from the start: input written before the terminal is there
    // waits in the queue.
    if (!isOpen())
        QIODevice::open(QIODevice::ReadWrite | QIODevice::Unbuffered);
}

bool WebTerminalChannel::acceptCertificate(const QSslCertificate &certificate, const QList<QSslError> &errors)
{
    Q_UNUSED(errors);
    std::optional<Error> refused = Error{ErrorCode::UntrustedCertificate, QCoreApplication::translate("ferry::client", "%1: the web terminal's certificate is not trusted").arg(description())};
    if (m_certificateCheck)
        refused = m_certificateCheck(certificate);
    if (!refused) {
        m_certificateAccepted = true;
        return true;
    }
    endWith(*refused);
    return false;
}

void WebTerminalChannel::setInputOpen()
{
    m_inputOpen = true;
    pump();
}

void WebTerminalChannel::sendNow(const QString &message)
{
    if (m_socket && !m_ended) {
        m_wireOut += message.size();
        m_socket->sendTextMessage(message);
    }
}

void WebTerminalChannel::pump()
{
    while (m_inputOpen && !m_ended && !m_input.isEmpty() && m_socket->bytesToWrite() < kSocketHighWater) {
        qsizetype n = std::min(m_input.size(), maxInputPerMessage());
        // Never cut a UTF-8 sequence in two: the server decodes each
        // message on its own.
        if (n < m_input.size()) {
            qsizetype cut = n;
            while (cut > n - 4 && cut > 0 && (uchar(m_input.at(cut)) & 0xC0) == 0x80)
                --cut;
            if (cut > 0)
                n = cut;
        }
        const QString message = inputMessage(QString::fromUtf8(m_input.constData(), n));
        m_input.remove(0, n);
        m_wireOut += message.size();
        m_socket->sendTextMessage(message);
    }
}

qint64 WebTerminalChannel::writeData(const char *data, qint64 maxSize)
{
    if (m_ended)
        return -1;
    m_input.append(data, maxSize);
    pump();
    return maxSize;
}

void WebTerminalChannel::deliver(const QByteArray &output, qint64 weight)
{
    if (m_ended || output.isEmpty())
        return;
    m_output.append(output);
    m_outputWeights.emplace_back(output.size(), weight);
    Q_EMIT readyRead();
}

qint64 WebTerminalChannel::readData(char *data, qint64 maxSize)
{
    const qint64 available = m_output.size() - m_readPos;
    if (available <= 0)
        return m_ended ? -1 : 0;
    const qint64 n = std::min(maxSize, available);
    std::memcpy(data, m_output.constData() + m_readPos, size_t(n));
    m_readPos += n;
    if (m_readPos == m_output.size()) {
        m_output.clear();
        m_readPos = 0;
    } else if (m_readPos >= kCompactAt) {
        m_output.remove(0, m_readPos);
        m_readPos = 0;
    }
    // Acknowledge whole messages as they are read.
    qint64 weight = 0;
    for (qint64 left = n; left > 0 && !m_outputWeights.empty();) {
        auto &[bytes, messageWeight] = m_outputWeights.front();
        const qint64 take = std::min(left, bytes - m_headRead);
        m_headRead += take;
        left -= take;
        if (m_headRead == bytes) {
            weight += messageWeight;
            m_outputWeights.pop_front();
            m_headRead = 0;
        }
    }
    if (weight > 0)
        outputConsumed(weight);
    return n;
}

qint64 WebTerminalChannel::bytesAvailable() const
{
    return QIODevice::bytesAvailable() + (m_output.size() - m_readPos);
}

qint64 WebTerminalChannel::bytesToWrite() const
{
    return m_input.size() + (m_socket ? m_socket->bytesToWrite() : 0);
}

void WebTerminalChannel::close()
{
    if (m_socket && !m_ended) {
        sayGoodbye();
        m_socket->disconnect(this);
        m_socket->close();
    }
    m_ended = true;
    QIODevice::close();
}

Error WebTerminalChannel::endReason() const
{
    if (m_endReason.code != ErrorCode::None)
        return m_endReason;
    return Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1: the web terminal closed the connection").arg(description())};
}

void WebTerminalChannel::endWith(const Error &reason)
{
    if (m_ended)
        return;
    m_ended = true;
    m_endReason = reason;
    qCInfo(lcConnection).noquote() << "web terminal ended:" << reason.message;
    if (m_socket)
        m_socket->disconnect(this);
    Q_EMIT readChannelFinished();
    Q_EMIT ended();
}

// ---------------------------------------------------------------------------

WettyChannel::WettyChannel(const QUrl &url, QObject *parent)
    : WebTerminalChannel(url, parent)
{
}

QString WettyChannel::kind() const
{
    return u"wetty"_s;
}

void WettyChannel::start()
{
    QUrl target = webSocketBase();
    QString path = target.path();
    if (path.isEmpty())
        path = u"/"_s; // WeTTY 3 serves at its root unless given --base
    if (!path.endsWith(u'/'))
        path += u'/';
    target.setPath(path + u"socket.io/"_s);
    target.setQuery(u"EIO=4&transport=websocket"_s);
    qCInfo(lcConnection).noquote() << "opening WeTTY's socket" << target.toDisplayString();
    openSocket(QNetworkRequest(target));
}

void WettyChannel::onMessage(const QString &message)
{
    if (message.isEmpty())
        return;
    switch (message.at(0).unicode()) {
    case u'0': { // Engine.IO open
        const QJsonObject open = QJsonDocument::fromJson(message.sliced(1).toUtf8()).object();
        m_pingInterval = open.value("pingInterval"_L1).toInt();
        m_pingTimeout = open.value("pingTimeout"_L1).toInt();
        if (const qint64 max = open.value("maxPayload"_L1).toInteger(); max > 0)
            m_maxPayload = max;
        qCInfo(lcConnection).noquote() << "WeTTY pings every" << m_pingInterval << "ms, hangs up after" << m_pingTimeout << "ms, takes messages up to" << m_maxPayload << "bytes";
        sendNow(u"40"_s); // socket.io: join the default namespace
        return;
    }
    case u'2': // Engine.IO ping: answered at once, ahead of queued input
        sendNow(u'3' + message.sliced(1));
        return;
    case u'1': // Engine.IO close
        endWith(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1: the web terminal closed the connection").arg(description())});
        return;
    case u'4':
        break;
    default:
        return;
    }
    if (message.startsWith("40"_L1))
        return; // joined; input waits for the shell (login below)
    if (message.startsWith("41"_L1)) {
        endWith(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1: the web terminal closed the connection").arg(description())});
        return;
    }
    if (message.startsWith("44"_L1)) {
        const QString why = QJsonDocument::fromJson(message.sliced(2).toUtf8()).object().value("message"_L1).toString();
        endWith(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1: WeTTY refused the connection: %2").arg(description(), why)});
        return;
    }
    if (!message.startsWith("42"_L1))
        return;
    if (auto data = eventString(message, u"42[\"data\",\"")) {
        deliver(data->toUtf8(), data->size());
        return;
    }
    const QJsonArray event = QJsonDocument::fromJson(message.sliced(2).toUtf8()).array();
    const QString name = event.at(0).toString();
    if (name == "data"_L1) {
        const QString data = event.at(1).toString();
        deliver(data.toUtf8(), data.size());
    } else if (name == "login"_L1) {
        // WeTTY listens for input only once it has started the shell and
        // said so; earlier input would be dropped unread.
        setInputOpen();
    } else if (name == "logout"_L1) {
        endWith(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1: the shell in the web terminal ended").arg(description())});
    }
}

QString WettyChannel::inputMessage(const QString &text) const
{
    return u"42"_s + QString::fromUtf8(QJsonDocument(QJsonArray{u"input"_s, text}).toJson(QJsonDocument::Compact));
}

qsizetype WettyChannel::maxInputPerMessage() const
{
    return std::min<qint64>(kInputPerMessage, m_maxPayload / 8);
}

void WettyChannel::outputConsumed(qint64 weight)
{
    // WeTTY counts output in the pty's characters and stops the pty once
    // too much of it is unacknowledged.
    m_uncommitted += weight;
    if (m_uncommitted >= kCommitEvery) {
        sendNow(u"42[\"commit\","_s + QString::number(m_uncommitted) + u']');
        m_uncommitted = 0;
    }
}

void WettyChannel::sayGoodbye()
{
    sendNow(u"41"_s);
}

// ---------------------------------------------------------------------------

namespace {

/// Deletes the terminals of closed channels; outlives them.
class JupyterCleanup final : public QObject
{
public:
    static JupyterCleanup &instance()
    {
        static QPointer<JupyterCleanup> self;
        if (!self)
            self = new JupyterCleanup(QCoreApplication::instance());
        return *self;
    }

    void remove(const QUrl &url, const QByteArray &token, bool ignoreSslErrors)
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "token " + token);
        request.setTransferTimeout(5000);
        QNetworkReply *reply = m_network.deleteResource(request);
        ++m_pending;
        if (ignoreSslErrors)
            connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) { reply->ignoreSslErrors(errors); });
        connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status != 204 && status != 404)
                qCInfo(lcConnection).noquote() << "deleting" << url.toDisplayString() << "failed:" << status << reply->errorString();
            reply->deleteLater();
            if (--m_pending == 0 && m_waiting)
                m_waiting->quit();
        });
    }

    void wait(int timeoutMs)
    {
        if (m_pending == 0)
            return;
        QEventLoop loop;
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        m_waiting = &loop;
        loop.exec(QEventLoop::ExcludeUserInputEvents);
        m_waiting = nullptr;
    }

private:
    using QObject::QObject;

    QNetworkAccessManager m_network;
    QEventLoop *m_waiting = nullptr;
    int m_pending = 0;
};

} // namespace

JupyterChannel::JupyterChannel(const QUrl &url, const QByteArray &token, QObject *parent)
    : WebTerminalChannel(url, parent)
    , m_token(token)
    , m_network(new QNetworkAccessManager(this))
{
}

JupyterChannel::~JupyterChannel()
{
    deleteTerminal();
}

QString JupyterChannel::kind() const
{
    return u"jupyter"_s;
}

QUrl JupyterChannel::apiUrl(const QString &path) const
{
    QUrl target = url();
    target.setScheme(target.scheme().section(u'+', 1));
    QString base = target.path();
    if (!base.endsWith(u'/'))
        base += u'/';
    target.setPath(base + path);
    target.setQuery(QString());
    target.setFragment(QString());
    return target;
}

void JupyterChannel::start()
{
    openDevice();
    QNetworkRequest request(apiUrl(u"api/terminals"_s));
    request.setRawHeader("Authorization", "token " + m_token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(30000);
    qCInfo(lcConnection).noquote() << "asking" << request.url().toDisplayString() << "for a terminal";
    QNetworkReply *reply = m_network->post(request, QByteArrayLiteral("{}"));
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (acceptCertificate(reply->sslConfiguration().peerCertificate(), errors))
            reply->ignoreSslErrors(errors);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (isEnded())
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 401 || status == 403) {
            endWith(Error{ErrorCode::Authentication, QCoreApplication::translate("ferry::client", "%1: the Jupyter server refused the token (HTTP %2)").arg(description()).arg(status)});
            return;
        }
        if (status == 404) {
            endWith(Error{ErrorCode::Unsupported, QCoreApplication::translate("ferry::client", "%1: no Jupyter terminals there (HTTP 404): is the path the server's base URL, and are its terminals enabled?").arg(description())});
            return;
        }
        if (status == 0 || (reply->error() != QNetworkReply::NoError && status < 400)) {
            endWith(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1: %2").arg(description(), reply->errorString())});
            return;
        }
        if (status >= 400) {
            endWith(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1: creating a terminal failed (HTTP %2 %3)")
                                                     .arg(description()).arg(status)
                                                     .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())});
            return;
        }
        m_name = QJsonDocument::fromJson(body).object().value("name"_L1).toString();
        if (m_name.isEmpty()) {
            endWith(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::client", "%1: not a Jupyter server (no terminal name in its answer)").arg(description())});
            return;
        }
        QUrl target = webSocketBase();
        QString base = target.path();
        if (!base.endsWith(u'/'))
            base += u'/';
        target.setPath(base + u"terminals/websocket/"_s + m_name);
        QNetworkRequest socketRequest(target);
        socketRequest.setRawHeader("Authorization", "token " + m_token);
        qCInfo(lcConnection).noquote() << "opening terminal" << m_name;
        openSocket(socketRequest);
        connect(socket(), &QWebSocket::connected, this, [this] { setInputOpen(); });
    });
}

void JupyterChannel::onMessage(const QString &message)
{
    if (auto data = eventString(message, u"[\"stdout\", \"")) {
        deliver(data->toUtf8(), 0);
        return;
    }
    const QJsonArray event = QJsonDocument::fromJson(message.toUtf8()).array();
    const QString name = event.at(0).toString();
    if (name == "stdout"_L1)
        deliver(event.at(1).toString().toUtf8(), 0);
    else if (name == "disconnect"_L1)
        endWith(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1: the shell in the Jupyter terminal ended").arg(description())});
}

QString JupyterChannel::inputMessage(const QString &text) const
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{u"stdin"_s, text}).toJson(QJsonDocument::Compact));
}

qsizetype JupyterChannel::maxInputPerMessage() const
{
    return kInputPerMessage;
}

void JupyterChannel::deleteTerminal()
{
    // A terminal outlives its WebSocket on the server: delete it, which
    // also hangs up on whatever still runs in it.
    if (m_name.isEmpty())
        return;
    JupyterCleanup::instance().remove(apiUrl(u"api/terminals/"_s + std::exchange(m_name, QString())), m_token, certificateAccepted());
}

void JupyterChannel::finishCleanup(int timeoutMs)
{
    JupyterCleanup::instance().wait(timeoutMs);
}

} // namespace ferry::client
