// SPDX-License-Identifier: GPL-3.0-or-later
// An AgentSession in the same process, over a transport that hands it
// messages one right after the other, as a socket does when several arrive
// in one read: nothing the session leaves for the event loop has run in
// between.
#include "core/agent/agentsession.h"
#include "core/agent/rootfs.h"
#include "core/net/transport.h"
#include "core/protocol/frame.h"
#include "core/transfer/hasher.h"
#include "core/transfer/streammessages.h"

#include <QCborArray>
#include <QFile>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ferry;

namespace {

class DirectTransport final : public net::Transport
{
    Q_OBJECT

public:
    void send(const QByteArray &message) override { sent.append(message); }
    qint64 bytesToWrite() const override { return 0; }
    void setMaxIncomingMessage(qsizetype) override {}
    void close(const Error &reason) override { Q_EMIT closed(reason); }
    void abort() override { close(Error{ErrorCode::Connection, u"aborted"_s}); }
    QString description() const override { return u"direct"_s; }

    void deliver(const QCborMap &control) { Q_EMIT messageReceived(protocol::encodeControl(control)); }
    void deliverData(quint32 stream, quint64 offset, const QByteArray &payload)
    {
        Q_EMIT messageReceived(protocol::encodeData(stream, 0, offset, payload));
    }
    /// The replies to request @p id sent so far.
    QList<QCborMap> replies(qint64 id) const
    {
        QList<QCborMap> out;
        for (const QByteArray &message : sent) {
            auto frame = protocol::decode(message);
            if (frame && frame->kind == protocol::FrameKind::Control && frame->control.value("t"_L1).toString() == "res"_L1
                && frame->control.value("id"_L1).toInteger() == id)
                out.append(frame->control);
        }
        return out;
    }

    QList<QByteArray> sent;
};

QCborMap put(qint64 id, quint32 stream, const QString &path, qint64 size)
{
    return QCborMap{{"t"_L1, "req"_L1}, {"id"_L1, id}, {"op"_L1, "put"_L1}, {"s"_L1, qint64(stream)},
                    {"path"_L1, path}, {"size"_L1, size}, {"resume"_L1, true}};
}

} // namespace

class TestAgentSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resumeRightBehindPause();
    void batchRightBehindAbort();
};

void TestAgentSession::resumeRightBehindPause()
{
    // A paused upload and its resume can reach the agent in one read. The
    // paused stream's part file used to stay locked until the stream was
    // deleted by the event loop, so the resume failed with "another
    // transfer is writing this file".
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto root = agent::RootFs::open(dir.path());
    QVERIFY(root);
    auto *transport = new DirectTransport;
    QPointer<agent::AgentSession> session =
        new agent::AgentSession(transport, &*root, agent::AgentSession::Admission::Open, {}, net::ConnectionOptions{}, nullptr);
    transport->deliver(QCborMap{{"t"_L1, "auth"_L1}, {"v"_L1, protocol::kVersion}});
    QVERIFY(session->connection());

    transport->deliver(put(1, 1, u"file.bin"_s, 10));
    QCOMPARE(transport->replies(1).size(), 1);
    QCOMPARE(transport->replies(1).first().value("ok"_L1).toBool(), true);
    transport->deliver(transfer::startMessage(1, 0));
    transport->deliverData(1, 0, "hello");
    // No event loop in between.
    transport->deliver(transfer::abortMessage(1, Error{ErrorCode::Paused, u"paused"_s}));
    transport->deliver(put(2, 2, u"file.bin"_s, 10));
    // The part file is taken at once (a lock still held would fail it
    // here); its bytes are hashed on a worker thread.
    QVERIFY(transport->replies(2).isEmpty());
    QTRY_COMPARE(transport->replies(2).size(), 1);

    const QList<QCborMap> replies = transport->replies(2);
    QVERIFY2(replies.first().value("ok"_L1).toBool(), qPrintable(replies.first().value("msg"_L1).toString()));
    QCOMPARE(replies.first().value("offset"_L1).toInteger(), 5);
    delete session.data();
}

void TestAgentSession::batchRightBehindAbort()
{
    // The same for a batch sent again right behind its abort: its files'
    // part files must not be held by the aborted one.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto root = agent::RootFs::open(dir.path());
    QVERIFY(root);
    auto *transport = new DirectTransport;
    QPointer<agent::AgentSession> session =
        new agent::AgentSession(transport, &*root, agent::AgentSession::Admission::Open, {}, net::ConnectionOptions{}, nullptr);
    transport->deliver(QCborMap{{"t"_L1, "auth"_L1}, {"v"_L1, protocol::kVersion}});
    QVERIFY(session->connection());
    const QCborArray files{QCborMap{{"path"_L1, "a"_L1}, {"size"_L1, 3}}, QCborMap{{"path"_L1, "b"_L1}, {"size"_L1, 3}}};
    const auto putmany = [&files](qint64 id, quint32 stream) {
        return QCborMap{{"t"_L1, "req"_L1}, {"id"_L1, id}, {"op"_L1, "putmany"_L1}, {"s"_L1, qint64(stream)}, {"files"_L1, files}};
    };
    transport->deliver(putmany(1, 1));
    transport->deliverData(1, 0, "abcd");
    transport->deliver(transfer::abortMessage(1, Error{ErrorCode::Cancelled, u"cancelled"_s}));
    transport->deliver(putmany(2, 2));
    transport->deliverData(2, 0, "abcdef");
    transport->deliver(QCborMap{{"t"_L1, "end"_L1}, {"s"_L1, 2}, {"size"_L1, 6},
                                {"hs"_L1, QCborArray{transfer::Hasher::hash("abc"), transfer::Hasher::hash("def")}}});
    // The batch's flush runs on a worker thread and reports through the loop.
    QTRY_COMPARE(transport->replies(2).size(), 2);
    const QCborArray results = transport->replies(2).last().value("results"_L1).toArray();
    QCOMPARE(results, (QCborArray{0, 0}));
    QFile a(dir.filePath(u"a"_s));
    QVERIFY(a.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), QByteArray("abc"));
    delete session.data();
}

QTEST_GUILESS_MAIN(TestAgentSession)
#include "tst_agentsession.moc"
