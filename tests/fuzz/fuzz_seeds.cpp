// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the seed corpus of every fuzz target from the encoders both ends
// use, so seeds are real messages:
//   fuzz-seeds DIR    (writes DIR/<target>/<name>; tests/fuzz/corpus in the tree)
// Files a fuzz run found (reproducers of fixed findings) live beside them
// under names of their own and are left alone.

#include "fuzzsupport.h"

#include "core/net/auth.h"
#include "core/net/streamframing.h"
#include "core/protocol/entry.h"
#include "core/protocol/frame.h"
#include "core/transfer/hasher.h"
#include "core/transfer/streammessages.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace ferry;

namespace {

QString g_dir;

void write(const QString &target, const QString &name, const QByteArray &content)
{
    const QString dir = g_dir + u'/' + target;
    QDir().mkpath(dir);
    QFile file(dir + u'/' + name);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        std::fprintf(stderr, "fuzz-seeds: cannot write %s\n", qPrintable(file.fileName()));
        std::exit(1);
    }
}

QByteArray control(const QCborMap &message)
{
    return protocol::encodeControl(message);
}

QByteArray request(qint64 id, const QString &op, QCborMap args)
{
    args.insert("t"_L1, "req"_L1);
    args.insert("id"_L1, id);
    args.insert("op"_L1, op);
    return control(args);
}

QByteArray data(quint32 stream, quint64 offset, const QByteArray &payload)
{
    return protocol::encodeData(stream, 0, offset, payload);
}

QByteArray hash(const QByteArray &content)
{
    return transfer::Hasher::hash(content);
}

QByteArray withMode(quint8 mode, const QList<QByteArray> &messages)
{
    return QByteArray(1, char(mode)) + fuzz::joinMessages(messages);
}

QByteArray sampleAuth(bool withProof)
{
    QCborMap auth{{"t"_L1, "auth"_L1}, {"v"_L1, protocol::kVersion}, {"cw"_L1, 1024 * 1024}, {"sw"_L1, 256 * 1024}};
    if (withProof) {
        auth.insert("nonce"_L1, QByteArray(net::auth::kNonceSize, 'n'));
        auth.insert("mac"_L1, QByteArray(32, 'm'));
    }
    return control(auth);
}

void frameSeeds()
{
    const QString t = u"frame"_s;
    protocol::Entry file;
    file.name = u"report.pdf"_s;
    file.type = protocol::Entry::Type::File;
    file.size = 1234;
    file.mode = 0644;
    file.mtimeNs = qint64(1700000000123456789);
    protocol::Entry link;
    link.name = u"latest"_s;
    link.type = protocol::Entry::Type::Symlink;
    link.linkTarget = u"../releases/1.0"_s;
    write(t, u"hello"_s, control(QCborMap{{"t"_L1, "hello"_L1}, {"v"_L1, QCborArray{1}}, {"nonce"_L1, QByteArray(32, 'a')}, {"agent"_L1, "ferry-agent 0.1.0"_L1}}));
    write(t, u"auth"_s, sampleAuth(true));
    write(t, u"welcome"_s, control(QCborMap{{"t"_L1, "welcome"_L1}, {"v"_L1, 1}, {"mac"_L1, QByteArray(32, 'w')}, {"cw"_L1, 1048576}, {"sw"_L1, 262144}, {"hb"_L1, 5000}, {"dead"_L1, 15000}}));
    write(t, u"req-list"_s, request(1, u"list"_s, {{"path"_L1, "dir"_L1}}));
    write(t, u"req-put"_s, request(2, u"put"_s, {{"s"_L1, 1}, {"path"_L1, "a/b.txt"_L1}, {"size"_L1, 10}, {"mode"_L1, 0644}, {"mtime"_L1, qint64(1700000000000000000)}, {"resume"_L1, true}, {"replace"_L1, false}}));
    write(t, u"req-exec"_s, request(3, u"exec"_s, {{"s"_L1, 3}, {"argv"_L1, QCborArray{"cat"_L1, "-"_L1}}, {"cwd"_L1, "dir"_L1}}));
    write(t, u"req-getmany"_s, request(4, u"getmany"_s, {{"s"_L1, 5}, {"paths"_L1, QCborArray{"a"_L1, "b/c"_L1}}}));
    write(t, u"res-entries"_s, control(QCborMap{{"t"_L1, "res"_L1}, {"id"_L1, 1}, {"ok"_L1, true}, {"more"_L1, true}, {"entries"_L1, QCborArray{file.toCbor(), link.toCbor()}}}));
    write(t, u"res-stat"_s, control(QCborMap{{"t"_L1, "res"_L1}, {"id"_L1, 1}, {"ok"_L1, true}, {"e"_L1, file.toCbor()}}));
    QCborMap error{{"t"_L1, "res"_L1}, {"id"_L1, 7}, {"ok"_L1, false}};
    transfer::putError(error, Error{ErrorCode::NotFound, u"dir/x: no such file"_s});
    write(t, u"res-error"_s, control(error));
    write(t, u"start"_s, control(transfer::startMessage(1, 4096)));
    write(t, u"end"_s, control(transfer::endMessage(1, 10, hash("0123456789"))));
    write(t, u"abort"_s, control(transfer::abortMessage(1, Error{ErrorCode::Cancelled, u"cancelled"_s})));
    write(t, u"credit"_s, control(QCborMap{{"t"_L1, "credit"_L1}, {"s"_L1, 0}, {"n"_L1, 65536}}));
    write(t, u"ping"_s, control(QCborMap{{"t"_L1, "ping"_L1}, {"n"_L1, 1}}));
    write(t, u"exit"_s, control(QCborMap{{"t"_L1, "exit"_L1}, {"s"_L1, 3}, {"code"_L1, 0}, {"signal"_L1, 0}}));
    write(t, u"data"_s, data(1, 0, "0123456789"));
    write(t, u"data-empty"_s, data(7, 1 << 20, {}));
    write(t, u"data-stderr"_s, protocol::encodeData(3, 2, 12, "warning\n"));
}

void streamFramingSeeds()
{
    const QString t = u"streamframing"_s;
    const QByteArray hello = control(QCborMap{{"t"_L1, "hello"_L1}, {"v"_L1, QCborArray{1}}, {"nonce"_L1, QByteArray(32, 'a')}, {"auth"_L1, "none"_L1}});
    const QByteArray ping = control(QCborMap{{"t"_L1, "ping"_L1}, {"n"_L1, 1}});
    for (const auto framing : {net::StreamFraming::Binary, net::StreamFraming::Text}) {
        const quint8 mode = framing == net::StreamFraming::Text ? 1 : 0;
        const QString name = QString::fromLatin1(net::framingName(framing));
        const QByteArray stream = net::encodeStreamMessage(framing, hello) + net::encodeStreamMessage(framing, ping)
            + net::encodeStreamMessage(framing, data(1, 0, "abc"));
        write(t, name + u"-whole"_s, withMode(mode, {stream}));
        // The same bytes in reads that cut messages apart.
        write(t, name + u"-pieces"_s, withMode(mode, {stream.left(3), stream.mid(3, 20), stream.mid(23)}));
        write(t, name + u"-preauth"_s, withMode(mode | 2, {net::encodeStreamMessage(framing, sampleAuth(false))}));
    }
    // Messages of the largest size each limit allows.
    const QByteArray largest(protocol::kMaxPreAuthMessage, 'x');
    write(t, u"binary-largest-preauth"_s, withMode(2, {net::encodeStreamMessage(net::StreamFraming::Binary, largest)}));
    write(t, u"text-largest-preauth"_s, withMode(3, {net::encodeStreamMessage(net::StreamFraming::Text, largest)}));
    write(t, u"text-crlf"_s, withMode(1, {"\r\n" + hello.toBase64() + "\r\n\n" + ping.toBase64() + "\r\n"}));
}

void handshakeSeeds()
{
    const QString t = u"handshake"_s;
    const QByteArray list = request(1, u"list"_s, {{"path"_L1, ""_L1}});
    const QByteArray stat = request(2, u"stat"_s, {{"path"_L1, "linkdir/inner"_L1}});
    const QByteArray mkdir = request(3, u"mkdir"_s, {{"path"_L1, "new/deeper"_L1}, {"parents"_L1, true}});
    const QByteArray mv = request(4, u"mv"_s, {{"from"_L1, "file"_L1}, {"to"_L1, "dir/moved"_L1}});
    const QByteArray rm = request(5, u"rm"_s, {{"path"_L1, "dir"_L1}, {"recursive"_L1, true}});
    // Bit 0: open admission; bit 1: the target signs auth.
    write(t, u"token-signed"_s, withMode(2, {sampleAuth(true), list, stat}));
    write(t, u"token-wrong"_s, withMode(0, {sampleAuth(true)}));
    write(t, u"token-no-nonce"_s, withMode(2, {sampleAuth(false)}));
    write(t, u"open"_s, withMode(1, {sampleAuth(false), list, mkdir, mv, rm}));
    write(t, u"open-old-version"_s, withMode(1, {control(QCborMap{{"t"_L1, "auth"_L1}, {"v"_L1, 0}})}));
    write(t, u"request-first"_s, withMode(3, {list}));
    write(t, u"data-first"_s, withMode(3, {data(1, 0, "x")}));
    write(t, u"large-auth"_s, withMode(2, {control(QCborMap{{"t"_L1, "auth"_L1}, {"v"_L1, 1}, {"pad"_L1, QByteArray(2000, 'p')}})}));
    write(t, u"put-stream"_s,
          withMode(1, {sampleAuth(false), request(6, u"put"_s, {{"s"_L1, 1}, {"path"_L1, "up.txt"_L1}, {"size"_L1, 5}}),
                       control(transfer::startMessage(1, 0)), data(1, 0, "hello"), control(transfer::endMessage(1, 5, hash("hello")))}));
}

void rootfsSeeds()
{
    const QString t = u"rootfs"_s;
    const char *paths[] = {
        "", ".", "file", "empty", "dir", "dir/inner", "dir/sub/deep", "dir/up/file", "dir/sub/top/dir/inner",
        "linkdir/inner", "linkdir/sub/deep/", "linkfile", "chain/deep", "dangling", "loop", "loop/x", "escape",
        "escape/outside/secret", "escape2/outside", "deepescape", "dir/sub/out/secret", "absolute/passwd",
        "proc/root", "fifo", "../outside/secret", "/etc/passwd", "a//./b/../c/", "dir/../..", "dir/./sub//deep/..",
        "file/", "file/x", "linkdir/../file",
    };
    int i = 0;
    for (const char *path : paths) {
        const QByteArray p(path);
        write(t, QStringLiteral("path-%1").arg(i, 2, 10, QLatin1Char('0')), QByteArray(1, char(i % 8)) + p);
        ++i;
    }
}

void batchSeeds()
{
    const QString t = u"batch"_s;
    const QByteArray a = "first file", b = "second";
    const QCborArray files{QCborMap{{"path"_L1, "dir/a.txt"_L1}, {"size"_L1, a.size()}, {"mode"_L1, 0640}},
                           QCborMap{{"path"_L1, "b.txt"_L1}, {"size"_L1, b.size()}, {"mtime"_L1, qint64(1700000000000000000)}},
                           QCborMap{{"path"_L1, "e.txt"_L1}, {"size"_L1, 0}}};
    const QCborArray hashes{hash(a), hash(b), hash({})};
    const QByteArray end = control(QCborMap{{"t"_L1, "end"_L1}, {"s"_L1, 1}, {"size"_L1, a.size() + b.size()}, {"hs"_L1, hashes}});
    const QByteArray put = request(1, u"putmany"_s, {{"s"_L1, 1}, {"files"_L1, files}});
    write(t, u"putmany"_s, fuzz::joinMessages({put, data(1, 0, a + b), end}));
    write(t, u"putmany-split"_s, fuzz::joinMessages({put, data(1, 0, a.left(4)), data(1, 4, a.mid(4) + b.left(2)), data(1, a.size() + 2, b.mid(2)), end}));
    write(t, u"putmany-abort"_s, fuzz::joinMessages({put, data(1, 0, a), control(transfer::abortMessage(1, Error{ErrorCode::Cancelled, u"cancelled"_s}))}));
    const QCborArray replacing{QCborMap{{"path"_L1, "file"_L1}, {"size"_L1, 3}, {"replace"_L1, true}},
                               QCborMap{{"path"_L1, "dir"_L1}, {"size"_L1, 1}},
                               QCborMap{{"path"_L1, "escape/x"_L1}, {"size"_L1, 1}}};
    write(t, u"putmany-conflicts"_s,
          fuzz::joinMessages({request(1, u"putmany"_s, {{"s"_L1, 2}, {"files"_L1, replacing}}), data(2, 0, "abcde"),
                              control(QCborMap{{"t"_L1, "end"_L1}, {"s"_L1, 2}, {"size"_L1, 5}, {"hs"_L1, QCborArray{hash("abc"), hash("d"), hash("e")}}})}));
    const QCborArray staged{QCborMap{{"path"_L1, "dir/a.txt"_L1}, {"size"_L1, a.size()}}, QCborMap{{"path"_L1, "b.txt"_L1}, {"size"_L1, b.size()}},
                            QCborMap{{"path"_L1, "e.txt"_L1}, {"size"_L1, 0}}};
    write(t, u"putmany-stage-commit"_s,
          fuzz::joinMessages({request(1, u"putmany"_s, {{"s"_L1, 1}, {"files"_L1, files}, {"stage"_L1, true}}), data(1, 0, a + b), end,
                              request(2, u"commit"_s, {{"files"_L1, staged}})}));
    write(t, u"getmany"_s, fuzz::joinMessages({request(1, u"getmany"_s, {{"s"_L1, 3}, {"paths"_L1, QCborArray{"file"_L1, "dir/inner"_L1, "empty"_L1, "fifo"_L1, "linkfile"_L1, "missing"_L1}}}),
                                                control(QCborMap{{"t"_L1, "credit"_L1}, {"s"_L1, 3}, {"n"_L1, 65536}})}));
    write(t, u"commit-missing"_s, fuzz::joinMessages({request(1, u"commit"_s, {{"files"_L1, QCborArray{QCborMap{{"path"_L1, "nothing"_L1}, {"size"_L1, 1}}}}})}));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz-seeds DIR\n");
        return 2;
    }
    g_dir = QString::fromLocal8Bit(argv[1]);
    frameSeeds();
    streamFramingSeeds();
    handshakeSeeds();
    rootfsSeeds();
    batchSeeds();
    return 0;
}
