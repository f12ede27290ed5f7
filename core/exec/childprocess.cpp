// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/exec/childprocess.h"

#include "core/logging.h"
#include "core/pathcodec.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <vector>

#include <cerrno>
#include <cstring>
#include <csignal>
#include <ctime>

#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/ioctl.h>
// glibc 2.41's <sys/pidfd.h> lacks the extern "C" block its other headers have.
extern "C" {
#include <sys/pidfd.h>
}
#include <sys/wait.h>
#include <unistd.h>

namespace ferry::exec {

namespace {

constexpr int KillDelayMs = 2000;

Error invalidArgument(const QString &message)
{
    return Error{ErrorCode::InvalidArgument, message};
}

// The child's ends are dup2'ed onto 0, 1 and 2 one after the other; an end
// that already sits on one of those numbers (a daemon started with its stdio
// closed) could be overwritten before it is used, so keep every end above 2.
Expected<void> moveAboveStdio(UniqueFd &fd)
{
    if (fd.get() > 2)
        return {};
    const int moved = ::fcntl(fd.get(), F_DUPFD_CLOEXEC, 3);
    if (moved < 0)
        return std::unexpected(Error::fromErrno(errno, QStringLiteral("pipe")));
    fd.reset(moved);
    return {};
}

struct Pipe {
    UniqueFd readEnd;
    UniqueFd writeEnd;
};

// Both ends close on exec so no other child ever inherits them; only the end
// this process keeps is non-blocking, since O_NONBLOCK on the child's end
// would make ordinary programs fail with EAGAIN.
Expected<Pipe> makePipe(bool parentReads)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return std::unexpected(Error::fromErrno(errno, QStringLiteral("pipe")));
    Pipe pipe{UniqueFd(fds[0]), UniqueFd(fds[1])};
    for (UniqueFd *end : {&pipe.readEnd, &pipe.writeEnd}) {
        if (auto moved = moveAboveStdio(*end); !moved)
            return std::unexpected(moved.error());
    }
    const int parentFd = parentReads ? pipe.readEnd.get() : pipe.writeEnd.get();
    const int flags = ::fcntl(parentFd, F_GETFL);
    if (flags < 0 || ::fcntl(parentFd, F_SETFL, flags | O_NONBLOCK) != 0)
        return std::unexpected(Error::fromErrno(errno, QStringLiteral("pipe")));
    return pipe;
}

struct SpawnFileActions {
    posix_spawn_file_actions_t actions;
    SpawnFileActions() { posix_spawn_file_actions_init(&actions); }
    ~SpawnFileActions() { posix_spawn_file_actions_destroy(&actions); }
    Q_DISABLE_COPY_MOVE(SpawnFileActions)
};

struct SpawnAttributes {
    posix_spawnattr_t attributes;
    SpawnAttributes() { posix_spawnattr_init(&attributes); }
    ~SpawnAttributes() { posix_spawnattr_destroy(&attributes); }
    Q_DISABLE_COPY_MOVE(SpawnAttributes)
};

// A NULL-terminated char* array over byte arrays that it keeps alive.
class CStringArray
{
public:
    explicit CStringArray(QByteArrayList strings) : m_strings(std::move(strings))
    {
        m_pointers.reserve(m_strings.size() + 1);
        for (QByteArray &s : m_strings)
            m_pointers.push_back(s.data());
        m_pointers.push_back(nullptr);
    }
    char *const *data() const { return m_pointers.data(); }

private:
    QByteArrayList m_strings;
    std::vector<char *> m_pointers;
};

// write(2) to a pipe nobody reads raises SIGPIPE, whose default action would
// end the whole agent. A library cannot change the process-wide disposition,
// so block the signal in this thread around the writes and swallow the one a
// failed write generated (it is thread-directed, hence pending here).
class SigpipeGuard
{
public:
    SigpipeGuard()
    {
        sigemptyset(&m_set);
        sigaddset(&m_set, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_set, &m_old);
        sigset_t pending;
        sigemptyset(&pending);
        sigpending(&pending);
        m_wasPending = sigismember(&pending, SIGPIPE) == 1;
    }
    ~SigpipeGuard() { pthread_sigmask(SIG_SETMASK, &m_old, nullptr); }
    Q_DISABLE_COPY_MOVE(SigpipeGuard)

    void discardOwnSigpipe()
    {
        if (m_wasPending)
            return; // not ours to take
        const timespec zero{};
        while (sigtimedwait(&m_set, nullptr, &zero) < 0 && errno == EINTR) {
        }
    }

private:
    sigset_t m_set;
    sigset_t m_old;
    bool m_wasPending = false;
};

bool containsNul(const QString &s)
{
    return s.contains(QChar(u'\0'));
}

} // namespace

ChildProcess::ChildProcess(QObject *parent)
    : QObject(parent)
    , m_stdinNotifier(new QSocketNotifier(QSocketNotifier::Write, this))
    , m_exitNotifier(new QSocketNotifier(QSocketNotifier::Read, this))
    , m_killTimer(new QTimer(this))
{
    m_stdout.notifier = new QSocketNotifier(QSocketNotifier::Read, this);
    m_stderr.notifier = new QSocketNotifier(QSocketNotifier::Read, this);
    connect(m_stdinNotifier, &QSocketNotifier::activated, this, &ChildProcess::flushStdin);
    connect(m_stdout.notifier, &QSocketNotifier::activated, this, [this] {
        m_stdout.notifier->setEnabled(false);
        Q_EMIT readyRead(Stdout);
    });
    connect(m_stderr.notifier, &QSocketNotifier::activated, this, [this] {
        m_stderr.notifier->setEnabled(false);
        Q_EMIT readyRead(Stderr);
    });
    connect(m_exitNotifier, &QSocketNotifier::activated, this, &ChildProcess::onExitNotified);
    m_killTimer->setSingleShot(true);
    m_killTimer->setInterval(KillDelayMs);
    connect(m_killTimer, &QTimer::timeout, this, &ChildProcess::kill);
}

ChildProcess::~ChildProcess()
{
    // Unregister every notifier before its descriptor closes, so that no
    // event dispatcher is left watching a number the kernel may hand out again.
    for (QSocketNotifier *notifier : {m_stdinNotifier, m_stdout.notifier, m_stderr.notifier, m_exitNotifier})
        notifier->setSocket(-1);

    if (m_pidfd) {
        // SIGKILL cannot be caught, so the wait below is only the kernel's
        // teardown of the group leader; blocking briefly is the price of
        // guaranteeing no zombie outlives this object.
        signalGroup(SIGKILL);
        siginfo_t info{};
        while (::waitid(P_PIDFD, static_cast<id_t>(m_pidfd.get()), &info, WEXITED) < 0 && errno == EINTR) {
        }
    }
}

Expected<void> ChildProcess::start(const Spec &spec)
{
    if (m_pid != 0)
        return std::unexpected(invalidArgument(tr("The process was already started")));

    QStringList argv = spec.argv;
    if (!spec.shell.isEmpty())
        argv = {QStringLiteral("/bin/sh"), QStringLiteral("-c"), spec.shell};
    if (argv.isEmpty() || argv.first().isEmpty())
        return std::unexpected(invalidArgument(tr("No program to run")));
    const QString &program = argv.first();
    // A NUL would silently cut an argument short in the C strings exec needs.
    if (std::ranges::any_of(argv, containsNul) || std::ranges::any_of(spec.extraEnvironment, containsNul)
        || containsNul(spec.workingDirectory))
        return std::unexpected(invalidArgument(tr("%1: an argument contains a NUL character").arg(program)));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (spec.cleanEnvironment) {
        const QProcessEnvironment inherited = environment;
        environment = QProcessEnvironment();
        for (const QString &name : inherited.keys()) {
            static const QStringList kept{QStringLiteral("PATH"), QStringLiteral("HOME"), QStringLiteral("USER"), QStringLiteral("LOGNAME"),
                                          QStringLiteral("SHELL"), QStringLiteral("TMPDIR"), QStringLiteral("TZ"), QStringLiteral("LANG"),
                                          QStringLiteral("LANGUAGE")};
            if (kept.contains(name) || name.startsWith(QLatin1String("LC_")))
                environment.insert(name, inherited.value(name));
        }
        if (!environment.contains(QStringLiteral("PATH")))
            environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/local/bin:/usr/bin:/bin"));
    }
    for (const QString &entry : spec.extraEnvironment) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return std::unexpected(invalidArgument(tr("Invalid environment entry \"%1\"").arg(entry)));
        environment.insert(entry.left(eq), entry.mid(eq + 1));
    }

    // The directory is opened and checked here rather than left to chdir in
    // the child: posix_spawn reports a failed chdir and a missing program with
    // the same errno, and the message has to name the one that failed.
    UniqueFd directory;
    if (!spec.workingDirectory.isEmpty()) {
        if (!QDir::isAbsolutePath(spec.workingDirectory))
            return std::unexpected(invalidArgument(
                tr("%1: the working directory must be an absolute path").arg(spec.workingDirectory)));
        directory.reset(::open(pathcodec::toBytes(spec.workingDirectory).constData(),
                               O_PATH | O_DIRECTORY | O_CLOEXEC));
        if (!directory)
            return std::unexpected(Error::fromErrno(errno, spec.workingDirectory));
        // O_PATH skips the search permission that fchdir will need.
        if (::faccessat(directory.get(), "", X_OK, AT_EMPTY_PATH | AT_EACCESS) != 0 && errno != ENOSYS
            && errno != EINVAL)
            return std::unexpected(Error::fromErrno(errno, spec.workingDirectory));
    }

    auto stdinPipe = makePipe(false);
    if (!stdinPipe)
        return std::unexpected(stdinPipe.error());
    auto stdoutPipe = makePipe(true);
    if (!stdoutPipe)
        return std::unexpected(stdoutPipe.error());
    auto stderrPipe = makePipe(true);
    if (!stderrPipe)
        return std::unexpected(stderrPipe.error());

    SpawnFileActions fa;
    SpawnAttributes sa;
    int rc = posix_spawn_file_actions_adddup2(&fa.actions, stdinPipe->readEnd.get(), STDIN_FILENO);
    if (rc == 0)
        rc = posix_spawn_file_actions_adddup2(&fa.actions, stdoutPipe->writeEnd.get(), STDOUT_FILENO);
    if (rc == 0)
        rc = posix_spawn_file_actions_adddup2(&fa.actions, stderrPipe->writeEnd.get(), STDERR_FILENO);
    if (rc == 0 && directory)
        rc = posix_spawn_file_actions_addfchdir_np(&fa.actions, directory.get());
    // Our descriptors are close-on-exec, but other code in this process may
    // have opened some without the flag: the child gets stdio and nothing else.
    if (rc == 0)
        rc = posix_spawn_file_actions_addclosefrom_np(&fa.actions, STDERR_FILENO + 1);

    // A session of its own makes the child a process-group leader, so the
    // whole pipeline a shell string starts can be signalled at once, and
    // detaches it from any controlling terminal of ours. Signal dispositions
    // and mask start clean: an ignored SIGPIPE in this process must not turn
    // into an ignored SIGPIPE in, say, `yes | head`.
    sigset_t emptySet;
    sigset_t allSignals;
    sigemptyset(&emptySet);
    sigfillset(&allSignals);
    if (rc == 0)
        rc = posix_spawnattr_setflags(&sa.attributes, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    if (rc == 0)
        rc = posix_spawnattr_setsigmask(&sa.attributes, &emptySet);
    if (rc == 0)
        rc = posix_spawnattr_setsigdefault(&sa.attributes, &allSignals);
    if (rc != 0)
        return std::unexpected(Error::fromErrno(rc, program));

    QByteArrayList argBytes;
    argBytes.reserve(argv.size());
    // Arguments are pathcodec strings: names that are not UTF-8 keep their bytes.
    for (const QString &arg : std::as_const(argv))
        argBytes.append(pathcodec::toBytes(arg));
    QByteArrayList envBytes;
    const QStringList envList = environment.toStringList();
    envBytes.reserve(envList.size());
    for (const QString &entry : envList)
        envBytes.append(entry.toLocal8Bit());
    const CStringArray cArgv(std::move(argBytes));
    const CStringArray cEnv(std::move(envBytes));

    // glibc's posix_spawn runs the child with CLONE_VFORK and returns the
    // errno of a failed file action or exec, so a missing program is an
    // error here instead of an exit status of 127.
    pid_t pid = 0;
    rc = ::posix_spawnp(&pid, cArgv.data()[0], &fa.actions, &sa.attributes, cArgv.data(), cEnv.data());
    if (rc != 0)
        return std::unexpected(Error::fromErrno(rc, program));

    // The child is ours and unreaped, so its pid cannot be reused before
    // pidfd_open: no race.
    UniqueFd pidfd(::pidfd_open(pid, 0));
    if (!pidfd) {
        const int err = errno;
        ::kill(-pid, SIGKILL);
        while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
        }
        return std::unexpected(Error::fromErrno(err, program));
    }

    m_pid = pid;
    m_pidfd = std::move(pidfd);
    m_stdin = std::move(stdinPipe->writeEnd);
    m_stdout.fd = std::move(stdoutPipe->readEnd);
    m_stderr.fd = std::move(stderrPipe->readEnd);
    // The child's ends close when the pipes go out of scope, so EOF and EPIPE
    // arrive as soon as the child (and whatever it started) lets go of them.

    m_stdinNotifier->setSocket(m_stdin.get());
    m_stdout.notifier->setSocket(m_stdout.fd.get());
    m_stderr.notifier->setSocket(m_stderr.fd.get());
    m_exitNotifier->setSocket(m_pidfd.get());
    m_exitNotifier->setEnabled(true);
    return {};
}

qint64 ChildProcess::pid() const
{
    return m_pid;
}

void ChildProcess::writeStdin(const QByteArray &data)
{
    if (!m_stdin || m_closeStdinRequested || data.isEmpty())
        return;
    m_pending.enqueue(data);
    m_pendingBytes += data.size();
    // Writing from the event loop rather than here keeps stdinWritten() from
    // being emitted inside the caller's own writeStdin() call.
    m_stdinNotifier->setEnabled(true);
}

qint64 ChildProcess::pendingStdinBytes() const
{
    return m_pendingBytes;
}

void ChildProcess::closeStdin()
{
    if (!m_stdin || m_closeStdinRequested)
        return;
    m_closeStdinRequested = true;
    if (m_pending.isEmpty()) {
        closeStdinNow();
        Q_EMIT stdinClosed();
    }
}

void ChildProcess::flushStdin()
{
    qint64 written = 0;
    bool broken = false;
    {
        SigpipeGuard guard;
        while (!m_pending.isEmpty()) {
            const QByteArray &head = m_pending.head();
            const ssize_t n = ::write(m_stdin.get(), head.constData() + m_pendingOffset,
                                      static_cast<size_t>(head.size() - m_pendingOffset));
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN)
                    break;
                if (errno == EPIPE)
                    guard.discardOwnSigpipe();
                else
                    qCWarning(lcAgent) << "write to child" << m_pid << "stdin failed:" << ::strerror(errno);
                broken = true;
                break;
            }
            written += n;
            m_pendingOffset += n;
            if (m_pendingOffset == head.size()) {
                m_pending.dequeue();
                m_pendingOffset = 0;
            }
        }
    }
    m_pendingBytes -= written;

    bool closed = false;
    if (broken) {
        // The child stopped reading: what is still queued can never arrive.
        m_pending.clear();
        m_pendingOffset = 0;
        m_pendingBytes = 0;
        closeStdinNow();
        closed = true;
    } else if (m_pending.isEmpty()) {
        m_stdinNotifier->setEnabled(false);
        if (m_closeStdinRequested) {
            closeStdinNow();
            closed = true;
        }
    }
    // State is final before the signals, so a slot may call writeStdin().
    if (written > 0)
        Q_EMIT stdinWritten(written);
    if (closed)
        Q_EMIT stdinClosed();
}

void ChildProcess::closeStdinNow()
{
    m_stdinNotifier->setSocket(-1);
    m_stdin.reset();
}

ChildProcess::OutputPipe &ChildProcess::output(Channel ch)
{
    return ch == Stderr ? m_stderr : m_stdout;
}

const ChildProcess::OutputPipe &ChildProcess::output(Channel ch) const
{
    return ch == Stderr ? m_stderr : m_stdout;
}

void ChildProcess::requestRead(Channel ch)
{
    OutputPipe &pipe = output(ch);
    if (pipe.fd)
        pipe.notifier->setEnabled(true);
}

QByteArray ChildProcess::read(Channel ch, qint64 maxBytes)
{
    OutputPipe &pipe = output(ch);
    if (!pipe.fd || maxBytes <= 0)
        return {};
    // Size the buffer by what the pipe holds so a generous maxBytes does not
    // allocate (and keep alive in the returned array) far more than was read.
    // With nothing buffered, one byte is enough to tell EOF from EAGAIN.
    int available = 0;
    if (::ioctl(pipe.fd.get(), FIONREAD, &available) != 0)
        available = 0;
    const qint64 size = std::min<qint64>(maxBytes, std::max(available, 1));
    QByteArray buffer(size, Qt::Uninitialized);
    ssize_t n;
    do {
        n = ::read(pipe.fd.get(), buffer.data(), static_cast<size_t>(size));
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
        buffer.truncate(n);
        return buffer;
    }
    if (n < 0 && errno == EAGAIN)
        return {};
    if (n < 0)
        qCWarning(lcAgent) << "read from child" << m_pid << "failed:" << ::strerror(errno);
    // End of stream, or an error after which nothing more can be read.
    closeOutput(pipe);
    return {};
}

void ChildProcess::closeOutput(OutputPipe &pipe)
{
    pipe.notifier->setSocket(-1);
    pipe.fd.reset();
}

bool ChildProcess::atEnd(Channel ch) const
{
    return !output(ch).fd;
}

void ChildProcess::terminate()
{
    if (!m_pidfd)
        return;
    signalGroup(SIGTERM);
    if (!m_killTimer->isActive())
        m_killTimer->start();
}

void ChildProcess::kill()
{
    signalGroup(SIGKILL);
}

void ChildProcess::signalGroup(int signal)
{
    // Only while the leader is unreaped: until then its pid, which is also
    // the group id, cannot belong to anybody else.
    if (!m_pidfd)
        return;
    if (::kill(static_cast<pid_t>(-m_pid), signal) != 0)
        ::pidfd_send_signal(m_pidfd.get(), signal, nullptr, 0);
}

void ChildProcess::onExitNotified()
{
    siginfo_t info{};
    int rc;
    do {
        rc = ::waitid(P_PIDFD, static_cast<id_t>(m_pidfd.get()), &info, WEXITED | WNOHANG);
    } while (rc < 0 && errno == EINTR);
    if (rc == 0 && info.si_pid == 0)
        return; // woken up before the child is waitable

    if (rc < 0) {
        // Someone else reaped it (a waitpid(-1) elsewhere): the status is lost.
        qCWarning(lcAgent) << "child" << m_pid << "could not be reaped:" << ::strerror(errno);
        m_exitCode = -1;
        m_exitSignal = 0;
    } else if (info.si_code == CLD_EXITED) {
        m_exitCode = info.si_status;
        m_exitSignal = 0;
    } else {
        m_exitSignal = info.si_status;
        m_exitCode = 128 + info.si_status;
    }
    m_exitNotifier->setSocket(-1);
    m_pidfd.reset();
    m_killTimer->stop();
    m_exited = true;
    Q_EMIT exited(m_exitCode, m_exitSignal);
}

bool ChildProcess::hasExited() const
{
    return m_exited;
}

int ChildProcess::exitCode() const
{
    return m_exitCode;
}

int ChildProcess::exitSignal() const
{
    return m_exitSignal;
}

} // namespace ferry::exec
