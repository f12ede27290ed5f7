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
    : QProcess(parent)
    , m_command(command)
{
    setProcessChannelMode(QProcess::SeparateChannels);
    setReadChannel(QProcess::StandardOutput);
    connect(this, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray bytes = readAllStandardError();
        for (const QByteArray &line : bytes.split('\n'))
            if (!line.trimmed().isEmpty())
                qCInfo(lcConnection).noquote() << m_command << "says:" << QString::fromUtf8(line.trimmed());
        m_errors.append(bytes);
        if (m_errors.size() > kErrorsKept)
            m_errors = m_errors.right(kErrorsKept);
    });
}

ShellProcess::~ShellProcess()
{
    // QProcess's destructor waits for the child; make that wait short.
    if (state() != QProcess::NotRunning) {
        kill();
        waitForFinished(1000);
    }
}

void ShellProcess::start()
{
    QProcess::start(u"/bin/sh"_s, {u"-c"_s, m_command});
}

QString ShellProcess::errorTail() const
{
    return QString::fromUtf8(m_errors).trimmed();
}

Error ShellProcess::endReason() const
{
    // The exit status is known only once the process is reaped.
    const_cast<ShellProcess *>(this)->waitForFinished(200);
    QString message;
    if (state() == QProcess::NotRunning && exitStatus() == QProcess::NormalExit)
        message = QCoreApplication::translate("ferry::client", "'%1' ended with status %2").arg(m_command).arg(exitCode());
    else if (state() == QProcess::NotRunning)
        message = QCoreApplication::translate("ferry::client", "'%1' was killed").arg(m_command);
    else
        message = QCoreApplication::translate("ferry::client", "'%1' closed its output").arg(m_command);
    const QString tail = errorTail();
    if (!tail.isEmpty())
        message += u": "_s + tail.section(u'\n', -3);
    return Error{ErrorCode::Connection, message};
}

} // namespace ferry::client
