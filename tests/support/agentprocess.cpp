// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentprocess.h"

#include "core/client/session.h"
#include "core/net/auth.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/types.h>

AgentProcess::AgentProcess()
    : m_program(QStringLiteral(FERRY_BIN_DIR "/ferry-agent"))
{
    QDir().mkpath(root());
    QDir().mkpath(scratch());
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // The agent's log, not the system journal's: tests read it.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_FORCE_STDERR_LOGGING"), QStringLiteral("1"));
    m_process.setProcessEnvironment(env);
}

AgentProcess::~AgentProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        thaw();
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    // QTemporaryDir removes through QDir, which cannot name files whose
    // names are not UTF-8: those go first, by their bytes.
    removeTree(QFile::encodeName(m_dir.path()));
}

QString AgentProcess::url() const
{
    const bool tls = m_lastArgs.contains(QStringLiteral("--cert"));
    return QStringLiteral("%1://127.0.0.1:%2").arg(tls ? QStringLiteral("wss") : QStringLiteral("ws")).arg(m_port);
}

bool AgentProcess::start(const QStringList &extraArgs, quint16 port)
{
    m_lastArgs = extraArgs;
    const QString portFile = m_dir.path() + QStringLiteral("/port");
    QFile::remove(portFile);
    QStringList args{QStringLiteral("--root"), root(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                     QStringLiteral("--token-file"), tokenFile(), QStringLiteral("--port-file"), portFile};
    args += extraArgs;
    m_process.start(m_program, m_leadingArgs + args);
    if (!m_process.waitForStarted(10000)) {
        m_error = m_process.errorString();
        return false;
    }
    // The agent may need a moment to rebind a port it just held.
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        QFile file(portFile);
        if (file.open(QIODevice::ReadOnly)) {
            m_port = quint16(file.readAll().trimmed().toUInt());
            if (m_port)
                return true;
        }
        if (m_process.state() == QProcess::NotRunning) {
            m_error = QStringLiteral("agent exited: ") + output();
            return false;
        }
        m_process.waitForReadyRead(20);
    }
    m_error = QStringLiteral("agent did not write its port file");
    return false;
}

void AgentProcess::setCommand(const QString &program, const QStringList &leadingArgs)
{
    m_program = program;
    m_leadingArgs = leadingArgs;
}

void AgentProcess::kill()
{
    thaw();
    m_process.kill();
    m_process.waitForFinished(10000);
    output();
}

void AgentProcess::freeze()
{
    ::kill(pid_t(m_process.processId()), SIGSTOP);
}

void AgentProcess::thaw()
{
    if (m_process.processId() > 0)
        ::kill(pid_t(m_process.processId()), SIGCONT);
}

bool AgentProcess::restart(const QStringList &extraArgs)
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
    for (int i = 0; i < 50; ++i) {
        if (start(extraArgs.isEmpty() ? m_lastArgs : extraArgs, m_port))
            return true;
        QThread::msleep(100);
    }
    return false;
}

QString AgentProcess::output()
{
    m_output += QString::fromUtf8(m_process.readAll());
    return m_output;
}

using namespace Qt::Literals::StringLiterals;

static QProcessEnvironment cliEnvironment(const AgentProcess &agent)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FERRY_URL"), agent.url());
    env.insert(QStringLiteral("FERRY_TOKEN_FILE"), agent.tokenFile());
    return env;
}

QProcess *startCli(const AgentProcess &agent, const QStringList &args, QObject *parent)
{
    auto *process = new QProcess(parent);
    process->setProcessEnvironment(cliEnvironment(agent));
    process->start(QStringLiteral(FERRY_BIN_DIR "/ferry-cli"), args);
    return process;
}

static CliResult runProgram(const QProcessEnvironment &environment, const QString &program, const QStringList &args,
                            const QByteArray &input, int timeoutMs);

CliResult runCli(const AgentProcess &agent, const QStringList &args, const QByteArray &input, int timeoutMs)
{
    return runCli(cliEnvironment(agent), args, input, timeoutMs);
}

CliResult runCli(const QProcessEnvironment &environment, const QStringList &args, const QByteArray &input, int timeoutMs)
{
    return runProgram(environment, QStringLiteral(FERRY_BIN_DIR "/ferry-cli"), args, input, timeoutMs);
}

CliResult runCliBytes(const AgentProcess &agent, const QList<QByteArray> &args, int timeoutMs)
{
    // Single quotes keep every byte but the quote itself, which closes,
    // escapes and reopens.
    QByteArray script = "exec '" FERRY_BIN_DIR "/ferry-cli'";
    for (QByteArray arg : args)
        script += " '" + arg.replace('\'', "'\\''") + '\'';
    script += '\n';
    const QString scriptPath = agent.directory() + QStringLiteral("/cli-bytes.sh");
    QFile file(scriptPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(script) != script.size())
        return {};
    file.close();
    return runProgram(cliEnvironment(agent), QStringLiteral("/bin/sh"), {scriptPath}, {}, timeoutMs);
}

static CliResult runProgram(const QProcessEnvironment &environment, const QString &program, const QStringList &args,
                            const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, args);
    CliResult result;
    if (!process.waitForStarted(10000))
        return result;
    // Feed stdin in pieces and keep draining the outputs, so neither pipe fills.
    qsizetype fed = 0;
    QDeadlineTimer deadline(timeoutMs);
    while (fed < input.size() && !deadline.hasExpired() && process.state() == QProcess::Running) {
        const qsizetype piece = std::min<qsizetype>(1 << 20, input.size() - fed);
        process.write(input.constData() + fed, piece);
        fed += piece;
        while (process.bytesToWrite() > (4 << 20) && !deadline.hasExpired())
            process.waitForBytesWritten(50);
        result.out += process.readAllStandardOutput();
        result.err += process.readAllStandardError();
    }
    process.closeWriteChannel();
    while (process.state() == QProcess::Running && !deadline.hasExpired()) {
        process.waitForFinished(50);
        result.out += process.readAllStandardOutput();
        result.err += process.readAllStandardError();
    }
    result.finished = process.state() == QProcess::NotRunning;
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.out += process.readAllStandardOutput();
    result.err += process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

bool writeRandomFile(const QString &path, qint64 size, quint32 seed)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QRandomGenerator rng(seed);
    QByteArray block(1 << 20, Qt::Uninitialized);
    qint64 left = size;
    while (left > 0) {
        rng.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        const qint64 n = std::min<qint64>(left, block.size());
        if (file.write(block.constData(), n) != n)
            return false;
        left -= n;
    }
    return true;
}

bool writeFileBytes(const QByteArray &path, const QByteArray &content)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const bool written = ::write(fd, content.constData(), size_t(content.size())) == content.size();
    return ::close(fd) == 0 && written;
}

QByteArray readFileBytes(const QByteArray &path)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return QByteArrayLiteral("<missing>");
    QByteArray content;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
        content.append(buffer, n);
    ::close(fd);
    return content;
}

static int removeEntry(const char *path, const struct stat *, int, struct FTW *)
{
    return ::remove(path) == 0 || errno == ENOENT ? 0 : -1;
}

bool removeTree(const QByteArray &path)
{
    // Folders first made writable and searchable, so their entries can go.
    const auto open = [](const char *p, const struct stat *st, int type, struct FTW *) {
        if (type == FTW_D && (st->st_mode & 0700) != 0700)
            ::chmod(p, 0700);
        return 0;
    };
    ::nftw(path.constData(), open, 16, FTW_PHYS);
    return ::nftw(path.constData(), removeEntry, 16, FTW_DEPTH | FTW_PHYS) == 0;
}

QList<QByteArray> namesIn(const QByteArray &path)
{
    QList<QByteArray> names;
    DIR *dir = ::opendir(path.constData());
    if (!dir)
        return names;
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (name != "." && name != "..")
            names.append(name);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
}

QByteArray fileChecksum(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

std::unique_ptr<ferry::client::Session> connectedSession(const AgentProcess &agent)
{
    ferry::client::SessionOptions options;
    options.url = QUrl(agent.url());
    auto token = ferry::net::auth::loadToken(agent.tokenFile(), false);
    if (!token)
        return nullptr;
    options.token = *token;
    auto session = std::make_unique<ferry::client::Session>(options);
    QSignalSpy connected(session.get(), &ferry::client::Session::connected);
    session->open();
    if (!connected.wait(5000))
        return nullptr;
    return session;
}

QJsonObject readStats(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

bool treeMatches(const QString &original, const QString &copy, QString *why)
{
    const auto names = [](const QString &root) {
        QStringList list;
        QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            list.append(QDir(root).relativeFilePath(it.next()));
        list.sort();
        return list;
    };
    if (names(original) != names(copy)) {
        *why = u"entries differ: %1 against %2"_s.arg(names(original).join(u", "_s), names(copy).join(u", "_s));
        return false;
    }
    for (const QString &name : names(original)) {
        struct stat a {};
        struct stat b {};
        ::lstat(QFile::encodeName(original + u'/' + name).constData(), &a);
        ::lstat(QFile::encodeName(copy + u'/' + name).constData(), &b);
        if ((a.st_mode & S_IFMT) != (b.st_mode & S_IFMT)) {
            *why = name + u": types differ"_s;
            return false;
        }
        if (S_ISLNK(a.st_mode)) {
            if (QFileInfo(original + u'/' + name).readSymLink() != QFileInfo(copy + u'/' + name).readSymLink()) {
                *why = name + u": link targets differ"_s;
                return false;
            }
            continue;
        }
        if ((a.st_mode & 07777) != (b.st_mode & 07777)) {
            *why = u"%1: mode %2 against %3"_s.arg(name).arg(a.st_mode & 07777, 0, 8).arg(b.st_mode & 07777, 0, 8);
            return false;
        }
        if (S_ISREG(a.st_mode) && (a.st_mtime != b.st_mtime || contentOf(original + u'/' + name) != contentOf(copy + u'/' + name))) {
            *why = name + u": content or time differs"_s;
            return false;
        }
    }
    return true;
}
