// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/shellprocess.h"

#include "core/logging.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

namespace {
constexpr qsizetype kErrorsKept = 4096;
} // namespace

ShellProcess::ShellProcess(const QString &command, QObject *parent)
    : ShellChannel(parent)
    , m_command(command)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setReadChannel(QProcess::StandardOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray bytes = m_process.readAllStandardError();
        for (const QByteArray &line : bytes.split('\n'))
            if (!line.trimmed().isEmpty())
                qCInfo(lcConnection).noquote() << m_command << "says:" << QString::fromUtf8(line.trimmed());
        m_errors.append(bytes);
        if (m_errors.size() > kErrorsKept)
            m_errors = m_errors.right(kErrorsKept);
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &QIODevice::readyRead);
    connect(&m_process, &QProcess::bytesWritten, this, &QIODevice::bytesWritten);
    const auto end = [this] {
        if (std::exchange(m_ended, true))
            return;
        Q_EMIT readChannelFinished();
        Q_EMIT ended();
    };
    connect(&m_process, &QProcess::finished, this, end);
    connect(&m_process, &QProcess::errorOccurred, this, [this, end](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            m_errors.append(QCoreApplication::translate("ferry::client", "cannot run /bin/sh: %1").arg(m_process.errorString()).toUtf8());
            end();
        }
    });
}

ShellProcess::~ShellProcess()
{
    m_process.disconnect(this);
    // QProcess's destructor waits for the child; make that wait short.
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void ShellProcess::start()
{
    QIODevice::open(QIODevice::ReadWrite | QIODevice::Unbuffered);
    m_process.start(u"/bin/sh"_s, {u"-c"_s, m_command});
}

QString ShellProcess::kind() const
{
    return u"shell"_s;
}

qint64 ShellProcess::bytesAvailable() const
{
    return QIODevice::bytesAvailable() + m_process.bytesAvailable();
}

qint64 ShellProcess::bytesToWrite() const
{
    return m_process.bytesToWrite();
}

void ShellProcess::close()
{
    m_process.closeWriteChannel();
    QIODevice::close();
}

qint64 ShellProcess::readData(char *data, qint64 maxSize)
{
    const qint64 n = m_process.read(data, maxSize);
    // End of stream for a sequential device is -1 once nothing more can come.
    return n == 0 && m_ended ? -1 : n;
}

qint64 ShellProcess::writeData(const char *data, qint64 maxSize)
{
    return m_process.write(data, maxSize);
}

QString ShellProcess::errorTail() const
{
    return QString::fromUtf8(m_errors).trimmed();
}

Error ShellProcess::endReason() const
{
    // The exit status is known only once the process is reaped.
    auto &process = const_cast<QProcess &>(m_process);
    process.waitForFinished(200);
    QString message;
    if (process.error() == QProcess::FailedToStart)
        message = QCoreApplication::translate("ferry::client", "cannot run /bin/sh: %1").arg(process.errorString());
    else if (process.state() == QProcess::NotRunning && process.exitStatus() == QProcess::NormalExit)
        message = QCoreApplication::translate("ferry::client", "'%1' ended with status %2").arg(m_command).arg(process.exitCode());
    else if (process.state() == QProcess::NotRunning)
        message = QCoreApplication::translate("ferry::client", "'%1' was killed").arg(m_command);
    else
        message = QCoreApplication::translate("ferry::client", "'%1' closed its output").arg(m_command);
    const QString tail = errorTail();
    if (!tail.isEmpty() && process.error() != QProcess::FailedToStart)
        message += u": "_s + tail.section(u'\n', -3);
    return Error{ErrorCode::Connection, message};
}

} // namespace ferry::client
