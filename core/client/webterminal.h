// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/shellchannel.h"

#include <QByteArray>
#include <QSslError>
#include <QUrl>

#include <deque>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkRequest;
class QSslCertificate;
class QWebSocket;

namespace ferry::client {

/// Decides on a certificate that no authority vouches for: nothing when it
/// is one the user pinned (or vouched for just now), else why not.
using CertificateCheck = std::function<std::optional<Error>(const QSslCertificate &)>;

/// A shell reached through a web terminal: the terminal's WebSocket carries
/// what is typed and what the pty prints as text messages of the server's
/// own protocol. The pty in between is made raw by the bootstrap; the
/// server decodes the pty's output as UTF-8, so only text crosses intact
/// and the agent talks base64 lines through it.
///
/// Input is queued here and handed to the socket a message at a time while
/// the socket holds little: the terminal's own keepalive answers (and the
/// agent's heartbeats after it) never wait behind more than that.
class WebTerminalChannel : public ShellChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebTerminalChannel)

public:
    ~WebTerminalChannel() override;

    QString description() const override { return m_url.toDisplayString(); }
    bool isTerminal() const override { return true; }
    Error endReason() const override;
    qint64 bytesAvailable() const override;
    qint64 bytesToWrite() const override;
    void close() override;

    void setCertificateCheck(CertificateCheck check) { m_certificateCheck = std::move(check); }
    /// Bytes of text carried each way through the terminal, as sent and
    /// received on its WebSocket (base64 and the protocol's wrapping).
    qint64 wireBytesOut() const { return m_wireOut; }
    qint64 wireBytesIn() const { return m_wireIn; }

protected:
    WebTerminalChannel(const QUrl &url, QObject *parent);

    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

    /// Opens the device for reading and writing (once).
    void openDevice();
    /// Opens the device and the terminal's WebSocket.
    void openSocket(const QNetworkRequest &request);
    QWebSocket *socket() const { return m_socket; }
    /// A text message from the server.
    virtual void onMessage(const QString &message) = 0;
    /// One message carrying @p text as typed input.
    virtual QString inputMessage(const QString &text) const = 0;
    /// The largest input text one message may carry.
    virtual qsizetype maxInputPerMessage() const = 0;
    /// @p weight units of output (as the server counts them) were read.
    virtual void outputConsumed(qint64 weight) { Q_UNUSED(weight); }
    /// The protocol's own goodbye before the socket closes.
    virtual void sayGoodbye() {}

    /// Input may flow from now on.
    void setInputOpen();
    /// Sends @p message ahead of queued input (keepalive answers).
    void sendNow(const QString &message);
    /// Output from the pty; @p weight is what the server counted for it.
    void deliver(const QByteArray &output, qint64 weight);
    /// The channel is gone for @p reason (the first reason stands).
    void endWith(const Error &reason);
    /// Handles TLS errors of a request or socket through the check.
    bool acceptCertificate(const QSslCertificate &certificate, const QList<QSslError> &errors);
    bool isEnded() const { return m_ended; }
    /// A certificate no authority vouches for was accepted by the check.
    bool certificateAccepted() const { return m_certificateAccepted; }
    QUrl url() const { return m_url; }
    /// ws:// or wss:// for the http(s)/ws(s) part of the URL after '+'.
    QUrl webSocketBase() const;

private:
    void pump();

    QUrl m_url;
    QWebSocket *m_socket = nullptr;
    CertificateCheck m_certificateCheck;
    QByteArray m_input;            ///< typed, not yet handed to the socket
    QByteArray m_output;           ///< printed, not yet read
    std::deque<std::pair<qint64, qint64>> m_outputWeights; ///< bytes of m_output per message, weight
    qint64 m_readPos = 0;          ///< bytes of m_output read
    qint64 m_headRead = 0;         ///< bytes of the first message in m_outputWeights read
    qint64 m_wireOut = 0;
    qint64 m_wireIn = 0;
    Error m_endReason;
    bool m_inputOpen = false;
    bool m_certificateAccepted = false;
    bool m_ended = false;
};

/// WeTTY (npm "wetty"): socket.io 4 on Engine.IO 4 over the WebSocket at
/// {path}/socket.io/. The server pings every few seconds and hangs up on a
/// client that does not answer in time (WeTTY's own: every 3 s, within
/// 7 s); it pauses the pty when too much output is not acknowledged, so
/// output read here is acknowledged ("commit") as it is read.
class WettyChannel final : public WebTerminalChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WettyChannel)

public:
    /// @p url: wetty+ws://HOST:PORT/PATH or wetty+wss://...; PATH is
    /// WeTTY's base (its default is /wetty).
    explicit WettyChannel(const QUrl &url, QObject *parent = nullptr);

    void start() override;
    QString kind() const override;
    /// The server's Engine.IO ping interval and timeout, once open.
    int pingIntervalMs() const { return m_pingInterval; }
    int pingTimeoutMs() const { return m_pingTimeout; }

protected:
    void onMessage(const QString &message) override;
    QString inputMessage(const QString &text) const override;
    qsizetype maxInputPerMessage() const override;
    void outputConsumed(qint64 weight) override;
    void sayGoodbye() override;

private:
    qint64 m_uncommitted = 0;
    qint64 m_maxPayload = 1000000;
    int m_pingInterval = 0;
    int m_pingTimeout = 0;
};

/// A terminal of a Jupyter Server (JupyterLab, Notebook 7, JupyterHub's
/// single-user servers): created through the REST API with the server's
/// token, spoken to in terminado's JSON messages, and deleted at the end.
class JupyterChannel final : public WebTerminalChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JupyterChannel)

public:
    /// @p url: jupyter+http://HOST:PORT/BASE/ or jupyter+https://...
    JupyterChannel(const QUrl &url, const QByteArray &token, QObject *parent = nullptr);
    ~JupyterChannel() override;

    void start() override;
    QString kind() const override;
    /// The terminal's name on the server, once created.
    QString terminalName() const { return m_name; }

    /// Waits up to @p timeoutMs for the deletions of terminals that were
    /// closed to be answered (a program about to exit calls this).
    static void finishCleanup(int timeoutMs);

protected:
    void onMessage(const QString &message) override;
    QString inputMessage(const QString &text) const override;
    qsizetype maxInputPerMessage() const override;

private:
    QUrl apiUrl(const QString &path) const;
    void deleteTerminal();

    QByteArray m_token;
    QNetworkAccessManager *m_network;
    QString m_name;
};

/// The URL schemes of web terminals.
bool isWebTerminalUrl(const QUrl &url);
bool isWettyUrl(const QUrl &url);
bool isJupyterUrl(const QUrl &url);

} // namespace ferry::client
