// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/remotedragdata.h"

#include "core/copy/copyjob.h"
#include "ui/dragoutfolders.h"

#include <QDir>
#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {
const QString kUriList = u"text/uri-list"_s;
}

RemoteDragData::RemoteDragData(const QStringList &remotePaths, Downloader downloader)
    : m_remotePaths(remotePaths)
    , m_downloader(std::move(downloader))
{
}

RemoteDragData::~RemoteDragData()
{
    // The target moved everything out: nothing is left to keep.
    if (!m_folder.isEmpty() && QDir(m_folder).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        dragoutfolders::remove(m_folder);
}

QStringList RemoteDragData::formats() const
{
    QStringList list = QMimeData::formats();
    if (m_downloader && !list.contains(kUriList))
        list.append(kUriList);
    return list;
}

QVariant RemoteDragData::retrieveData(const QString &mimeType, QMetaType type) const
{
    if (mimeType != kUriList || !m_downloader)
        return QMimeData::retrieveData(mimeType, type);
    // Asked for through a const interface; the download happens once and
    // is what the data is.
    if (!const_cast<RemoteDragData *>(this)->fetch())
        return {};
    if (type.id() == QMetaType::QByteArray) {
        QByteArray list;
        for (const QUrl &url : m_urls)
            list += url.toEncoded() + "\r\n";
        return list;
    }
    QVariantList urls;
    for (const QUrl &url : m_urls)
        urls.append(url);
    return urls;
}

bool RemoteDragData::fetch()
{
    if (m_state == State::Done)
        return true;
    // Failed once: the same drop does not start over. Asked again while
    // downloading (a nested request): not yet.
    if (m_state != State::Idle)
        return false;
    m_state = State::Downloading;
    const Expected<QString> folder = dragoutfolders::create();
    if (!folder) {
        fail(folder.error().message);
        return false;
    }
    m_folder = *folder;
    QPointer<copy::CopyJob> job = m_downloader(m_remotePaths, m_folder);
    if (!job) {
        fail(tr("Could not download the dragged entries: not connected"));
        return false;
    }
    // The target waits for the answer; the queue shows the progress.
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool ended = false;
    bool succeeded = false;
    QString error;
    connect(job.data(), &transfer::Job::finished, &loop, [&](transfer::Job *finished) {
        ended = true;
        succeeded = finished->succeeded();
        error = finished->error().message;
        loop.quit();
    });
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (job->isFinished()) {
        ended = true;
        succeeded = job->succeeded();
        error = job->error().message;
    } else {
        timer.start(m_timeout);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    if (!ended) {
        if (job)
            job->cancel();
        fail(tr("The dragged entries took longer than %n second(s) to download; use Download instead", nullptr, int(m_timeout.count() / 1000)));
        return false;
    }
    if (!succeeded) {
        fail(error.isEmpty() ? tr("Could not download the dragged entries") : error);
        return false;
    }
    const QDir dir(m_folder);
    for (const QString &name : dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name))
        m_urls.append(QUrl::fromLocalFile(dir.filePath(name)));
    m_state = State::Done;
    return true;
}

void RemoteDragData::fail(const QString &message)
{
    dragoutfolders::remove(m_folder);
    m_folder.clear();
    m_urls.clear();
    m_error = message;
    m_state = State::Failed;
    Q_EMIT failed(message);
}

void RemoteDragData::dragEnded(Qt::DropAction action)
{
    if (action != Qt::IgnoreAction || m_state == State::Downloading)
        return;
    dragoutfolders::remove(m_folder);
    m_folder.clear();
    m_urls.clear();
}

} // namespace ferry::ui
