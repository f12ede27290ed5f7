// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

#include <sys/stat.h>
#include <unistd.h>

namespace ferry::fuzz {

namespace {

void quiet(QtMsgType, const QMessageLogContext &, const QString &)
{
}

void check(bool ok, const char *what)
{
    if (!ok)
        fail("setting up the scratch tree failed", QString::fromLatin1(what));
}

void makeLink(const QString &target, const QString &path)
{
    check(::symlink(QFile::encodeName(target).constData(), QFile::encodeName(path).constData()) == 0, "symlink");
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    check(file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size(), "file");
}

} // namespace

void initialize(int *argc, char ***argv)
{
    if (QCoreApplication::instance())
        return;
    qInstallMessageHandler(quiet);
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    // Kept for the life of the process: libFuzzer calls the target from main.
    static int fakeArgc = 1;
    static char name[] = "ferry-fuzz";
    static char *fakeArgv[] = {name, nullptr};
    (void)argc;
    (void)argv;
    new QCoreApplication(fakeArgc, fakeArgv);
}

void drainEvents()
{
    // Deferred deletes posted from within a slot run only from the loop
    // level they were posted at; sendPostedEvents with DeferredDelete runs
    // them from here.
    for (int i = 0; i < 8; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
}

void fail(const char *what, const QString &detail)
{
    std::fprintf(stderr, "ferry fuzz: %s%s%s\n", what, detail.isEmpty() ? "" : ": ", qPrintable(detail));
    std::fflush(stderr);
    std::abort();
}

QList<QByteArray> splitMessages(QByteArrayView input)
{
    QList<QByteArray> out;
    qsizetype at = 0;
    while (at < input.size()) {
        if (input.size() - at < 2) {
            out.append(input.sliced(at).toByteArray());
            break;
        }
        const qsizetype length = (qsizetype(quint8(input[at])) << 8) | quint8(input[at + 1]);
        at += 2;
        const qsizetype take = std::min(length, input.size() - at);
        out.append(input.sliced(at, take).toByteArray());
        at += take;
    }
    return out;
}

QByteArray joinMessages(const QList<QByteArray> &messages)
{
    QByteArray out;
    for (const QByteArray &message : messages) {
        const qsizetype length = std::min<qsizetype>(message.size(), 0xffff);
        out.append(char(length >> 8));
        out.append(char(length & 0xff));
        out.append(message.left(length));
    }
    return out;
}

void MemoryTransport::send(const QByteArray &message)
{
    if (!m_log->closed)
        m_log->sent.append(message);
}

void MemoryTransport::close(const Error &reason)
{
    if (m_log->closed)
        return;
    m_log->closed = true;
    Q_EMIT closed(reason);
}

void MemoryTransport::abort()
{
    close(Error{ErrorCode::Connection, QStringLiteral("aborted")});
}

void MemoryTransport::deliver(const QByteArray &message)
{
    if (m_log->closed)
        return;
    if (m_log->maxIncoming > 0 && message.size() > m_log->maxIncoming) {
        close(Error{ErrorCode::Protocol, QStringLiteral("message too large")});
        return;
    }
    Q_EMIT messageReceived(message);
}

ScratchTree::ScratchTree()
{
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/ferry-fuzz-XXXXXX"));
    dir.setAutoRemove(false);
    check(dir.isValid(), "temporary directory");
    m_base = QDir(dir.path()).canonicalPath();
    check(QDir().mkpath(m_base + QStringLiteral("/outside")), "outside");
    writeFile(m_base + QStringLiteral("/outside/secret"), "secret");
    reset();
}

ScratchTree::~ScratchTree()
{
    QDir(m_base).removeRecursively();
}

void ScratchTree::reset()
{
    const QString root = rootPath();
    // Whatever a target did inside, including modes that keep removal out.
    QDir(root).removeRecursively();
    if (QFileInfo::exists(root))
        std::system(qPrintable(QStringLiteral("chmod -R u+rwx '%1' 2>/dev/null; rm -rf '%1'").arg(root)));
    check(QDir().mkpath(root + QStringLiteral("/dir/sub/deep")), "dirs");
    writeFile(root + QStringLiteral("/file"), "data");
    writeFile(root + QStringLiteral("/empty"), {});
    writeFile(root + QStringLiteral("/dir/inner"), "inner");
    makeLink(QStringLiteral(".."), root + QStringLiteral("/dir/up"));
    makeLink(QStringLiteral("../.."), root + QStringLiteral("/dir/sub/top"));
    makeLink(QStringLiteral("dir"), root + QStringLiteral("/linkdir"));
    makeLink(QStringLiteral("dir/inner"), root + QStringLiteral("/linkfile"));
    makeLink(QStringLiteral("linkdir/sub"), root + QStringLiteral("/chain"));
    makeLink(QStringLiteral("missing"), root + QStringLiteral("/dangling"));
    makeLink(QStringLiteral("loop"), root + QStringLiteral("/loop"));
    makeLink(QStringLiteral(".."), root + QStringLiteral("/escape"));
    makeLink(QStringLiteral("dir/../.."), root + QStringLiteral("/escape2"));
    makeLink(QStringLiteral("dir/sub/../../../outside/secret"), root + QStringLiteral("/deepescape"));
    makeLink(QStringLiteral("../../../outside"), root + QStringLiteral("/dir/sub/out"));
    makeLink(QStringLiteral("/etc"), root + QStringLiteral("/absolute"));
    makeLink(QStringLiteral("/proc/self/cwd"), root + QStringLiteral("/proc"));
    check(::mkfifo(QFile::encodeName(root + QStringLiteral("/fifo")).constData(), 0600) == 0, "fifo");
}

} // namespace ferry::fuzz
