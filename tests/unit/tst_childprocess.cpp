// SPDX-License-Identifier: GPL-3.0-or-later
// ChildProcess: output and exit status, separate channels, stdin streaming
// under flow control, real backpressure on output, start errors, and no
// descriptor, zombie or stray process group left behind.
#include "core/exec/childprocess.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

using ferry::ErrorCode;
using ferry::exec::ChildProcess;

namespace {

constexpr qint64 ReadChunk = 1 << 20;

int openDescriptorCount()
{
    return int(QDir(QStringLiteral("/proc/self/fd"))
                   .entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot)
                   .size());
}

bool noChildLeft()
{
    return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

// Field 3 of /proc/<pid>/stat, or 0 when the process is gone.
char processState(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const qsizetype paren = line.lastIndexOf(')');
    return paren >= 0 && paren + 2 < line.size() ? line.at(paren + 2) : char(0);
}

// Gone, or a zombie waiting for whatever reaper adopted it: dead either way.
bool processDead(qint64 pid)
{
    const char state = processState(pid);
    return state == 0 || state == 'Z' || state == 'X';
}

// Reads a channel the way a flow-controlled consumer does: one requestRead(),
// a few reads, then ask again, so the event loop stays responsive.
void drain(ChildProcess &process, ChildProcess::Channel channel, std::function<void(const QByteArray &)> sink)
{
    QObject::connect(&process, &ChildProcess::readyRead, &process,
                     [&process, channel, sink = std::move(sink)](ChildProcess::Channel ch) {
                         if (ch != channel)
                             return;
                         for (int i = 0; i < 4; ++i) {
                             const QByteArray chunk = process.read(channel, ReadChunk);
                             if (chunk.isEmpty())
                                 break;
                             sink(chunk);
                         }
                         if (!process.atEnd(channel))
                             process.requestRead(channel);
                     });
    process.requestRead(channel);
}

void collect(ChildProcess &process, ChildProcess::Channel channel, QByteArray &into)
{
    drain(process, channel, [&into](const QByteArray &chunk) { into += chunk; });
}

ChildProcess::Spec argvSpec(const QStringList &argv)
{
    ChildProcess::Spec spec;
    spec.argv = argv;
    return spec;
}

ChildProcess::Spec shellSpec(const QString &shell)
{
    ChildProcess::Spec spec;
    spec.shell = shell;
    return spec;
}

} // namespace

class TestChildProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void output_data();
    void output();
    void exitStatus_data();
    void exitStatus();
    void stderrIsSeparate();
    void stdinRoundTrip();
    void backpressure();
    void stdinClosedWhenChildStopsReading();
    void onlyStdioInherited();
    void signalsStartAtDefault_data();
    void signalsStartAtDefault();
    void startErrors_data();
    void startErrors();
    void processGroupEnds_data();
    void processGroupEnds();
    void terminateEscalatesToKill();
    void noDescriptorOrZombieLeft();

private:
    QTemporaryDir m_dir;
    QString m_dirPath;
    QString m_plainFile;
};

void TestChildProcess::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dirPath = QFileInfo(m_dir.path()).canonicalFilePath();
    m_plainFile = m_dirPath + QStringLiteral("/plain");
    QFile file(m_plainFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\necho should not run\n");
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    qputenv("FERRY_TEST_INHERITED", "inherited value");
}

void TestChildProcess::output_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QString>("shell");
    QTest::addColumn<QString>("workingDirectory");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("echo hi") << QStringList{QStringLiteral("echo"), QStringLiteral("hi")} << QString() << QString()
                             << QStringList() << QByteArray("hi\n");
    QTest::newRow("absolute program path") << QStringList{QStringLiteral("/bin/echo"), QStringLiteral("a b")}
                                           << QString() << QString() << QStringList() << QByteArray("a b\n");
    QTest::newRow("argument with spaces kept whole")
        << QStringList{QStringLiteral("printf"), QStringLiteral("[%s]"), QStringLiteral("one two"), QStringLiteral("$HOME")}
        << QString() << QString() << QStringList() << QByteArray("[one two][$HOME]");
    QTest::newRow("shell string with a pipe") << QStringList() << QStringLiteral("printf 'a b c' | tr ' ' -")
                                              << QString() << QStringList() << QByteArray("a-b-c");
    QTest::newRow("shell wins over argv") << QStringList{QStringLiteral("echo"), QStringLiteral("argv")}
                                          << QStringLiteral("echo shell") << QString() << QStringList()
                                          << QByteArray("shell\n");
    QTest::newRow("working directory") << QStringList{QStringLiteral("pwd")} << QString() << m_dirPath
                                       << QStringList() << QByteArray(m_dirPath.toLocal8Bit() + '\n');
    QTest::newRow("extra environment") << QStringList() << QStringLiteral("printf %s \"$FERRY_TEST_VALUE\"")
                                       << QString() << QStringList{QStringLiteral("FERRY_TEST_VALUE=a=b c")}
                                       << QByteArray("a=b c");
    QTest::newRow("environment entry replaced") << QStringList() << QStringLiteral("printf %s \"$FERRY_TEST_INHERITED\"")
                                                << QString() << QStringList{QStringLiteral("FERRY_TEST_INHERITED=new")}
                                                << QByteArray("new");
    QTest::newRow("environment inherited") << QStringList() << QStringLiteral("printf %s \"$FERRY_TEST_INHERITED\"")
                                           << QString() << QStringList() << QByteArray("inherited value");
    QTest::newRow("stdin at end of file") << QStringList{QStringLiteral("wc"), QStringLiteral("-c")} << QString()
                                          << QString() << QStringList() << QByteArray("0\n");
}

void TestChildProcess::output()
{
    QFETCH(QStringList, argv);
    QFETCH(QString, shell);
    QFETCH(QString, workingDirectory);
    QFETCH(QStringList, environment);
    QFETCH(QByteArray, expected);

    QByteArray out;
    QByteArray err;
    ChildProcess process;
    QSignalSpy exitedSpy(&process, &ChildProcess::exited);
    const auto started = process.start({argv, shell, workingDirectory, environment});
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    QVERIFY(process.pid() > 0);
    process.closeStdin();
    collect(process, ChildProcess::Stdout, out);
    collect(process, ChildProcess::Stderr, err);

    QTRY_VERIFY(process.hasExited() && process.atEnd(ChildProcess::Stdout) && process.atEnd(ChildProcess::Stderr));
    QCOMPARE(out, expected);
    QCOMPARE(err, QByteArray());
    QCOMPARE(exitedSpy.count(), 1);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.exitSignal(), 0);
}

void TestChildProcess::exitStatus_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("signal");

    QTest::newRow("exit 0") << QStringLiteral("exit 0") << 0 << 0;
    QTest::newRow("exit 7") << QStringLiteral("exit 7") << 7 << 0;
    QTest::newRow("exit 255") << QStringLiteral("exit 255") << 255 << 0;
    QTest::newRow("killed by SIGTERM") << QStringLiteral("kill -TERM $$") << 128 + SIGTERM << int(SIGTERM);
    QTest::newRow("killed by SIGKILL") << QStringLiteral("kill -KILL $$") << 128 + SIGKILL << int(SIGKILL);
}

void TestChildProcess::exitStatus()
{
    QFETCH(QString, shell);
    QFETCH(int, exitCode);
    QFETCH(int, signal);

    ChildProcess process;
    QSignalSpy exitedSpy(&process, &ChildProcess::exited);
    QVERIFY(process.start(shellSpec(shell)));
    QTRY_COMPARE(exitedSpy.count(), 1);
    QCOMPARE(exitedSpy.at(0).at(0).toInt(), exitCode);
    QCOMPARE(exitedSpy.at(0).at(1).toInt(), signal);
    QVERIFY(process.hasExited());
    QCOMPARE(process.exitCode(), exitCode);
    QCOMPARE(process.exitSignal(), signal);
    QTest::qWait(20);
    QCOMPARE(exitedSpy.count(), 1);
}

void TestChildProcess::stderrIsSeparate()
{
    QByteArray out;
    QByteArray err;
    ChildProcess process;
    QVERIFY(process.start(shellSpec(QStringLiteral("echo out1; echo err >&2; echo out2; exit 3"))));
    collect(process, ChildProcess::Stdout, out);
    collect(process, ChildProcess::Stderr, err);
    QTRY_VERIFY(process.hasExited() && process.atEnd(ChildProcess::Stdout) && process.atEnd(ChildProcess::Stderr));
    QCOMPARE(out, QByteArray("out1\nout2\n"));
    QCOMPARE(err, QByteArray("err\n"));
    QCOMPARE(process.exitCode(), 3);
}

void TestChildProcess::stdinRoundTrip()
{
    constexpr qint64 Total = qint64(64) << 20;
    constexpr qint64 Piece = 256 << 10;
    constexpr qint64 MaxPending = 1 << 20;

    QCryptographicHash sentHash(QCryptographicHash::Sha1);
    QCryptographicHash receivedHash(QCryptographicHash::Sha1);
    QRandomGenerator generator(20240601);
    qint64 queued = 0;
    qint64 written = 0;
    qint64 received = 0;
    qint64 highestPending = 0;

    ChildProcess process;
    QSignalSpy closedSpy(&process, &ChildProcess::stdinClosed);
    QVERIFY(process.start(argvSpec({QStringLiteral("cat")})));

    // Like a sender granting credit: more data only as the pipe takes it.
    const auto topUp = [&] {
        while (queued < Total && process.pendingStdinBytes() < MaxPending) {
            QByteArray piece(Piece, Qt::Uninitialized);
            generator.fillRange(reinterpret_cast<quint32 *>(piece.data()), piece.size() / qsizetype(sizeof(quint32)));
            sentHash.addData(piece);
            process.writeStdin(piece);
            queued += piece.size();
            highestPending = std::max(highestPending, process.pendingStdinBytes());
        }
        if (queued == Total)
            process.closeStdin();
    };
    connect(&process, &ChildProcess::stdinWritten, &process, [&](qint64 bytes) {
        written += bytes;
        topUp();
    });
    drain(process, ChildProcess::Stdout, [&](const QByteArray &chunk) {
        receivedHash.addData(chunk);
        received += chunk.size();
    });
    topUp();

    QTRY_VERIFY_WITH_TIMEOUT(process.hasExited() && process.atEnd(ChildProcess::Stdout), 90000);
    QCOMPARE(written, Total);
    QCOMPARE(received, Total);
    QCOMPARE(receivedHash.result(), sentHash.result());
    QCOMPARE(closedSpy.count(), 1);
    QCOMPARE(process.pendingStdinBytes(), 0);
    QVERIFY2(highestPending < MaxPending + Piece, qPrintable(QString::number(highestPending)));
    QCOMPARE(process.exitCode(), 0);
}

void TestChildProcess::backpressure()
{
    constexpr qint64 Total = 50000000;

    qint64 received = 0;
    bool allZero = true;
    ChildProcess process;
    QVERIFY(process.start(argvSpec({QStringLiteral("head"), QStringLiteral("-c"), QString::number(Total),
                                    QStringLiteral("/dev/zero")})));
    process.closeStdin();

    // Nobody asks for output: the child must fill the pipe and block.
    QTest::qWait(300);
    QVERIFY(!process.hasExited());
    QCOMPARE(processState(process.pid()), 'S');
    QCOMPARE(process.pendingStdinBytes(), 0);
    QVERIFY(!process.atEnd(ChildProcess::Stdout));
    // What the child managed to write is what the pipe holds, not 50 MB
    // sitting in this process.
    QFile io(QStringLiteral("/proc/%1/io").arg(process.pid()));
    QVERIFY2(io.open(QIODevice::ReadOnly), qPrintable(io.errorString()));
    qint64 childWrote = -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("wchar:"))
            childWrote = line.mid(6).trimmed().toLongLong();
    }
    QVERIFY(childWrote > 0);
    QVERIFY2(childWrote <= 2 << 20, qPrintable(QString::number(childWrote)));

    drain(process, ChildProcess::Stdout, [&](const QByteArray &chunk) {
        received += chunk.size();
        if (allZero && chunk.count('\0') != chunk.size())
            allZero = false;
    });
    QTRY_VERIFY_WITH_TIMEOUT(process.hasExited() && process.atEnd(ChildProcess::Stdout), 60000);
    QCOMPARE(received, Total);
    QVERIFY(allZero);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.exitSignal(), 0);
}

void TestChildProcess::stdinClosedWhenChildStopsReading()
{
    constexpr qint64 Size = 4 << 20;
    qint64 written = 0;
    ChildProcess process;
    QSignalSpy closedSpy(&process, &ChildProcess::stdinClosed);
    connect(&process, &ChildProcess::stdinWritten, &process, [&written](qint64 bytes) { written += bytes; });
    // The shell drops its stdin and keeps running: writes meet EPIPE, which
    // must neither kill this process with SIGPIPE nor leave data queued.
    QVERIFY(process.start(shellSpec(QStringLiteral("exec 0<&-; sleep 30"))));
    process.writeStdin(QByteArray(Size, 'x'));
    QTRY_COMPARE(closedSpy.count(), 1);
    QCOMPARE(process.pendingStdinBytes(), 0);
    QVERIFY(written < Size);
    QVERIFY(!process.hasExited());

    process.writeStdin(QByteArrayLiteral("ignored"));
    process.closeStdin();
    QCOMPARE(process.pendingStdinBytes(), 0);
    QTest::qWait(20);
    QCOMPARE(closedSpy.count(), 1);

    sigset_t pending;
    sigemptyset(&pending);
    QCOMPARE(sigpending(&pending), 0);
    QCOMPARE(sigismember(&pending, SIGPIPE), 0);
}

void TestChildProcess::onlyStdioInherited()
{
    // A descriptor someone opened without O_CLOEXEC must still stay here.
    const int stray = ::open("/dev/null", O_RDONLY);
    QVERIFY(stray > 2);
    QByteArray out;
    ChildProcess process;
    QVERIFY(process.start(argvSpec({QStringLiteral("ls"), QStringLiteral("/proc/self/fd")})));
    collect(process, ChildProcess::Stdout, out);
    QTRY_VERIFY(process.hasExited() && process.atEnd(ChildProcess::Stdout));
    ::close(stray);
    // 3 is the directory ls itself opened to list.
    QCOMPARE(out, QByteArray("0\n1\n2\n3\n"));
}

void TestChildProcess::signalsStartAtDefault_data()
{
    QTest::addColumn<bool>("blockInsteadOfIgnore");
    QTest::addColumn<int>("signal");

    QTest::newRow("SIGPIPE ignored here") << false << int(SIGPIPE);
    QTest::newRow("SIGTERM blocked here") << true << int(SIGTERM);
}

void TestChildProcess::signalsStartAtDefault()
{
    QFETCH(bool, blockInsteadOfIgnore);
    QFETCH(int, signal);

    // An ignored disposition and the signal mask survive exec: the child must
    // not inherit the agent's, or `kill -PIPE` would not end it.
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction oldAction = {};
    sigset_t set;
    sigset_t oldMask;
    sigemptyset(&set);
    sigaddset(&set, signal);
    if (blockInsteadOfIgnore)
        pthread_sigmask(SIG_BLOCK, &set, &oldMask);
    else
        sigaction(signal, &ignore, &oldAction);

    ChildProcess process;
    const bool started = bool(process.start(shellSpec(QStringLiteral("kill -%1 $$; exit 0").arg(signal))));

    if (blockInsteadOfIgnore)
        pthread_sigmask(SIG_SETMASK, &oldMask, nullptr);
    else
        sigaction(signal, &oldAction, nullptr);

    QVERIFY(started);
    QTRY_VERIFY(process.hasExited());
    QCOMPARE(process.exitSignal(), signal);
}

void TestChildProcess::startErrors_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QString>("workingDirectory");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("named");

    const QString missingProgram = QStringLiteral("ferry-no-such-program");
    QTest::newRow("missing program in PATH") << QStringList{missingProgram, QStringLiteral("arg")} << QString()
                                             << int(ErrorCode::NotFound) << missingProgram;
    QTest::newRow("missing program by path") << QStringList{QStringLiteral("/nonexistent/ferry-prog")} << QString()
                                             << int(ErrorCode::NotFound) << QStringLiteral("/nonexistent/ferry-prog");
    QTest::newRow("program not executable") << QStringList{m_plainFile} << QString()
                                            << int(ErrorCode::PermissionDenied) << m_plainFile;
    QTest::newRow("program is a directory") << QStringList{m_dirPath} << QString()
                                            << int(ErrorCode::PermissionDenied) << m_dirPath;
    QTest::newRow("missing working directory") << QStringList{QStringLiteral("true")}
                                               << QStringLiteral("/nonexistent/ferry-dir") << int(ErrorCode::NotFound)
                                               << QStringLiteral("/nonexistent/ferry-dir");
    QTest::newRow("working directory is a file") << QStringList{QStringLiteral("true")} << m_plainFile
                                                 << int(ErrorCode::NotADirectory) << m_plainFile;
    QTest::newRow("relative working directory") << QStringList{QStringLiteral("true")} << QStringLiteral("relative/dir")
                                                << int(ErrorCode::InvalidArgument) << QStringLiteral("relative/dir");
    QTest::newRow("empty command") << QStringList() << QString() << int(ErrorCode::InvalidArgument) << QString();
}

void TestChildProcess::startErrors()
{
    QFETCH(QStringList, argv);
    QFETCH(QString, workingDirectory);
    QFETCH(int, code);
    QFETCH(QString, named);

    const int descriptorsBefore = openDescriptorCount();
    {
        ChildProcess process;
        ChildProcess::Spec spec = argvSpec(argv);
        spec.workingDirectory = workingDirectory;
        const auto started = process.start(spec);
        QVERIFY(!started);
        QCOMPARE(int(started.error().code), code);
        QVERIFY2(started.error().message.contains(named), qPrintable(started.error().message));
        QCOMPARE(process.pid(), 0);
        QVERIFY(!process.hasExited());
    }
    QCOMPARE(openDescriptorCount(), descriptorsBefore);
    QVERIFY(noChildLeft());
}

void TestChildProcess::processGroupEnds_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("signal");

    QTest::newRow("kill()") << QStringLiteral("kill") << int(SIGKILL);
    QTest::newRow("terminate()") << QStringLiteral("terminate") << int(SIGTERM);
    QTest::newRow("destroyed while running") << QStringLiteral("destroy") << 0;
}

void TestChildProcess::processGroupEnds()
{
    QFETCH(QString, how);
    QFETCH(int, signal);

    QByteArray out;
    auto process = std::make_unique<ChildProcess>();
    // The shell starts a background grandchild and reports its pid; ending
    // the child has to end the grandchild too.
    QVERIFY(process->start(shellSpec(QStringLiteral("sleep 30 & echo $!; wait"))));
    collect(*process, ChildProcess::Stdout, out);
    QTRY_VERIFY(out.endsWith('\n'));
    const qint64 grandchild = out.trimmed().toLongLong();
    QVERIFY(grandchild > 0);
    QVERIFY(!processDead(grandchild));

    if (how == QStringLiteral("destroy")) {
        process.reset();
    } else {
        QSignalSpy exitedSpy(process.get(), &ChildProcess::exited);
        if (how == QStringLiteral("kill"))
            process->kill();
        else
            process->terminate();
        QTRY_COMPARE(exitedSpy.count(), 1);
        QCOMPARE(process->exitSignal(), signal);
    }
    QTRY_VERIFY(processDead(grandchild));
    process.reset();
    QVERIFY(noChildLeft());
}

void TestChildProcess::terminateEscalatesToKill()
{
    QByteArray out;
    ChildProcess process;
    QSignalSpy exitedSpy(&process, &ChildProcess::exited);
    QVERIFY(process.start(shellSpec(QStringLiteral("trap '' TERM; echo ready; while :; do sleep 1; done"))));
    collect(process, ChildProcess::Stdout, out);
    QTRY_COMPARE(out, QByteArray("ready\n"));

    QElapsedTimer timer;
    timer.start();
    process.terminate();
    QTest::qWait(500);
    QVERIFY(!process.hasExited());
    QTRY_COMPARE_WITH_TIMEOUT(exitedSpy.count(), 1, 10000);
    QVERIFY(timer.elapsed() >= 1900);
    QCOMPARE(process.exitSignal(), int(SIGKILL));
}

void TestChildProcess::noDescriptorOrZombieLeft()
{
    // Let the event dispatcher and the environment snapshot allocate what
    // they keep for good before counting.
    {
        ChildProcess warmUp;
        QVERIFY(warmUp.start(argvSpec({QStringLiteral("true")})));
        QTRY_VERIFY(warmUp.hasExited());
    }
    const int descriptorsBefore = openDescriptorCount();

    for (int i = 0; i < 200; ++i) {
        QByteArray out;
        auto process = std::make_unique<ChildProcess>();
        switch (i % 5) {
        case 0: // running, destroyed at once
            QVERIFY(process->start(argvSpec({QStringLiteral("sleep"), QStringLiteral("30")})));
            break;
        case 1: // running with a background grandchild holding the pipes
            QVERIFY(process->start(shellSpec(QStringLiteral("sleep 30 & sleep 30"))));
            break;
        case 2: // exited and reaped before destruction
            QVERIFY(process->start(argvSpec({QStringLiteral("true")})));
            QTRY_VERIFY(process->hasExited());
            break;
        case 3: // stdin queued and output half read
            QVERIFY(process->start(argvSpec({QStringLiteral("cat")})));
            process->writeStdin(QByteArray(300000, 'y'));
            process->requestRead(ChildProcess::Stdout);
            QTRY_VERIFY(!process->read(ChildProcess::Stdout, 1000).isEmpty());
            break;
        case 4: // may or may not have exited yet, output never read
            QVERIFY(process->start(shellSpec(QStringLiteral("echo gone"))));
            process->requestRead(ChildProcess::Stdout);
            QCoreApplication::processEvents();
            break;
        }
        process.reset();
        QVERIFY2(noChildLeft(), qPrintable(QStringLiteral("after child %1").arg(i)));
    }

    QCOMPARE(openDescriptorCount(), descriptorsBefore);
    QVERIFY(noChildLeft());
}

QTEST_GUILESS_MAIN(TestChildProcess)
#include "tst_childprocess.moc"
