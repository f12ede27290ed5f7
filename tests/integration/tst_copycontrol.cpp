// SPDX-License-Identifier: GPL-3.0-or-later
// Control over a running copy: files paused and resumed (the receiver keeps
// what it has, the rest follows), cancelled one by one, the whole job held,
// a limit on transfers in flight shared by two jobs; copies done by the
// agent within its tree, and moves with their conflicts.
#include "support/agentprocess.h"

#include "core/client/session.h"
#include "core/copy/copyjob.h"
#include "core/copy/movejob.h"
#include "core/copy/transferslots.h"
#include "core/net/auth.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <array>
#include <fcntl.h>
#include <sys/stat.h>

using ferry::copy::CopyJob;
using ferry::copy::Direction;
using ferry::copy::FileState;

namespace {

QByteArray content(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

void put(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

/// Pauses each file of @p job once its first bytes have arrived; the
/// states its files go through are collected in the list returned.
std::shared_ptr<QList<FileState>> pauseOnFirstBytes(CopyJob *job)
{
    auto states = std::make_shared<QList<FileState>>();
    auto paused = std::make_shared<QSet<int>>();
    QObject::connect(job, &CopyJob::fileStateChanged, job, [states](int, FileState state) { states->append(state); });
    QObject::connect(job, &CopyJob::fileProgress, job, [job, paused](int id, qint64 done) {
        if (done > 0 && !paused->contains(id)) {
            paused->insert(id);
            job->pauseFile(id);
        }
    });
    return states;
}

QStringList partFiles(const QString &dir)
{
    QStringList found;
    QDirIterator it(dir, {QStringLiteral("*.ferry-part")}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        found.append(it.next());
    return found;
}

} // namespace

class TestCopyControl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pauseAndResumeFile_data();
    void pauseAndResumeFile();
    void cancelOneFile();
    void pauseBeforeReplies_data();
    void pauseBeforeReplies();
    void cancelPausedFileDropsPart();
    void pausedFileThatArrivedAnyway_data();
    void pausedFileThatArrivedAnyway();
    void holdWholeJob();
    void sharedSlots();
    void copyWithinRemote();
    void copyIntoItselfRefused();
    void cancelAgentCopy();
    void moves();

private:
    bool run(ferry::transfer::Job *job);
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<ferry::client::Session> m_session;
    QString m_src;
};

void TestCopyControl::init()
{
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    m_session = connectedSession(*m_agent);
    QVERIFY(m_session);
    m_src = m_agent->scratch() + QStringLiteral("/src");
    QDir().mkpath(m_src);
}

void TestCopyControl::cleanup()
{
    m_session.reset();
    m_agent.reset();
}

bool TestCopyControl::run(ferry::transfer::Job *job)
{
    QSignalSpy finished(job, &ferry::transfer::Job::finished);
    if (!job->isFinished())
        job->start();
    return finished.wait(60000);
}

void TestCopyControl::pauseAndResumeFile_data()
{
    QTest::addColumn<bool>("upload");
    QTest::newRow("upload") << true;
    QTest::newRow("download") << false;
}

void TestCopyControl::pauseAndResumeFile()
{
    // Paused after its first bytes: the job waits with the partial file on
    // the receiver; resumed, it continues from there and the file is whole.
    QFETCH(bool, upload);
    const QString local = m_src + QStringLiteral("/big.bin");
    const QString remote = m_agent->root() + QStringLiteral("/big.bin");
    QVERIFY(writeRandomFile(upload ? local : remote, 256 * 1024 * 1024, 7));
    const QString destination = upload ? QStringLiteral("out") : m_agent->scratch() + QStringLiteral("/out");
    if (upload)
        QDir().mkpath(m_agent->root() + QStringLiteral("/out"));
    else
        QDir().mkpath(destination);
    auto *job = new CopyJob(m_session.get(), upload ? Direction::Upload : Direction::Download, {upload ? local : QStringLiteral("big.bin")}, destination, {}, this);
    const auto states = pauseOnFirstBytes(job);
    QSignalSpy finished(job, &ferry::transfer::Job::finished);
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(states->contains(FileState::Paused), 30000);
    QVERIFY(!job->isFinished());
    const QString received = upload ? m_agent->root() + QStringLiteral("/out") : destination;
    QTRY_COMPARE_WITH_TIMEOUT(partFiles(received).size(), 1, 10000);
    QVERIFY(!QFileInfo::exists(received + QStringLiteral("/big.bin")));
    const int id = 0;
    job->resumeFile(id);
    QVERIFY(finished.wait(60000));
    QVERIFY2(job->succeeded(), qPrintable(job->error().message));
    QVERIFY2(job->resumedBytes() > 0, "the second attempt started from zero");
    QCOMPARE(content(received + QStringLiteral("/big.bin")), content(upload ? local : remote));
    QVERIFY(partFiles(received).isEmpty());
    QCOMPARE(states->first(), FileState::Queued);
    QVERIFY(states->indexOf(FileState::Running) < states->indexOf(FileState::Paused));
    QCOMPARE(states->last(), FileState::Running);
}

void TestCopyControl::cancelOneFile()
{
    // One file cancelled while it runs is skipped; the others arrive, the
    // job succeeds, and the cancelled one leaves nothing behind.
    QDir().mkpath(m_src + QStringLiteral("/set"));
    QVERIFY(writeRandomFile(m_src + QStringLiteral("/set/huge.bin"), 512 * 1024 * 1024, 3));
    for (int i = 0; i < 20; ++i)
        put(m_src + QStringLiteral("/set/small%1.txt").arg(i), QByteArray::number(i));
    ferry::copy::CopyOptions options;
    options.recursive = true;
    auto *job = new CopyJob(m_session.get(), Direction::Upload, {m_src + QStringLiteral("/set")}, QString(), options, this);
    QStringList skipped;
    connect(job, &CopyJob::fileStarted, this, [job](int id, const QString &source) {
        if (source.endsWith(QStringLiteral("huge.bin")))
            job->cancelFile(id);
    });
    connect(job, &CopyJob::fileFinished, this, [&skipped](int, const ferry::Error &error) {
        if (error.code == ferry::ErrorCode::Cancelled)
            skipped.append(error.message);
    });
    QVERIFY(run(job));
    QVERIFY2(job->succeeded(), qPrintable(job->error().message));
    QCOMPARE(job->skippedCount(), 1);
    QCOMPARE(skipped.size(), 1);
    QVERIFY(!QFileInfo::exists(m_agent->root() + QStringLiteral("/set/huge.bin")));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(content(m_agent->root() + QStringLiteral("/set/small%1.txt").arg(i)), QByteArray::number(i));
    QTRY_VERIFY_WITH_TIMEOUT(partFiles(m_agent->root()).isEmpty(), 5000);
}

void TestCopyControl::pauseBeforeReplies_data()
{
    QTest::addColumn<bool>("upload");
    QTest::newRow("upload") << true;
    QTest::newRow("download") << false;
}

void TestCopyControl::pauseBeforeReplies()
{
    // Paused right after the requests went out, before the agent answered:
    // the agent lets go of its streams and files, the connection survives,
    // and after resuming every file arrives whole.
    QFETCH(bool, upload);
    const QString base = upload ? m_src : m_agent->root();
    for (int i = 0; i < 40; ++i)
        put(base + QStringLiteral("/many/f%1.txt").arg(i), QByteArray(3000 + i, char('a' + i % 26)));
    QVERIFY(writeRandomFile(base + QStringLiteral("/many/big.bin"), 8 * 1024 * 1024, 9));
    const QString destination = upload ? QStringLiteral("copy") : m_agent->scratch() + QStringLiteral("/copy");
    ferry::copy::CopyOptions options;
    options.recursive = true;
    auto *job = new CopyJob(m_session.get(), upload ? Direction::Upload : Direction::Download,
                            {upload ? m_src + QStringLiteral("/many") : QStringLiteral("many")}, destination, options, this);
    bool scheduled = false;
    connect(job, &CopyJob::fileStarted, this, [job, &scheduled] {
        if (!std::exchange(scheduled, true))
            QTimer::singleShot(0, job, [job] { job->pause(); });
    });
    QSignalSpy finished(job, &ferry::transfer::Job::finished);
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(scheduled && job->isPaused(), 10000);
    // A round trip: an agent that took offence would have closed by now.
    bool replied = false;
    m_session->request(QStringLiteral("list"), QCborMap{{QStringLiteral("path"), QString()}}, [&replied](const ferry::Expected<QCborMap> &reply, bool last) {
        replied = reply && last;
    });
    QTRY_VERIFY(replied);
    QCOMPARE(m_session->state(), ferry::client::Session::State::Connected);
    QCOMPARE(m_session->reconnects(), 0);
    job->resume();
    QVERIFY(finished.size() == 1 || finished.wait(30000));
    QVERIFY2(job->succeeded(), qPrintable(job->error().message));
    const QString received = upload ? m_agent->root() + QStringLiteral("/copy") : destination;
    for (int i = 0; i < 40; ++i)
        QCOMPARE(content(received + QStringLiteral("/f%1.txt").arg(i)), QByteArray(3000 + i, char('a' + i % 26)));
    QCOMPARE(fileChecksum(received + QStringLiteral("/big.bin")), fileChecksum(base + QStringLiteral("/many/big.bin")));
    QVERIFY(partFiles(received).isEmpty());
    QCOMPARE(m_session->reconnects(), 0);
}

void TestCopyControl::cancelPausedFileDropsPart()
{
    // A paused file that is then cancelled takes its partial data along.
    const QString local = m_src + QStringLiteral("/paused.bin");
    QVERIFY(writeRandomFile(local, 256 * 1024 * 1024, 11));
    auto *job = new CopyJob(m_session.get(), Direction::Upload, {local}, QString(), {}, this);
    const auto states = pauseOnFirstBytes(job);
    QSignalSpy finished(job, &ferry::transfer::Job::finished);
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(states->contains(FileState::Paused), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(partFiles(m_agent->root()).size(), 1, 10000);
    job->cancelFile(0);
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QVERIFY2(job->succeeded(), qPrintable(job->error().message));
    QCOMPARE(job->skippedCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(partFiles(m_agent->root()).isEmpty(), 5000);
    QVERIFY(!QFileInfo::exists(m_agent->root() + QStringLiteral("/paused.bin")));
}

void TestCopyControl::pausedFileThatArrivedAnyway_data()
{
    QTest::addColumn<bool>("same");
    QTest::newRow("the file itself") << true;
    QTest::newRow("another file") << false;
}

void TestCopyControl::pausedFileThatArrivedAnyway()
{
    // A pause can come as the receiver is already putting the file in
    // place. Resumed, the transfer finds the destination: the same file
    // (size and time) counts as done, anything else is still a conflict.
    QFETCH(bool, same);
    const QString local = m_src + QStringLiteral("/late.bin");
    QVERIFY(writeRandomFile(local, 128 * 1024 * 1024, 12));
    ferry::copy::CopyOptions options;
    options.policy = ferry::copy::ConflictPolicy::Fail;
    auto *job = new CopyJob(m_session.get(), Direction::Upload, {local}, QStringLiteral("late.bin"), options, this);
    const auto states = pauseOnFirstBytes(job);
    QSignalSpy finished(job, &ferry::transfer::Job::finished);
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(states->contains(FileState::Paused), 30000);
    const QString remote = m_agent->root() + QStringLiteral("/late.bin");
    if (same) {
        QVERIFY(QFile::copy(local, remote));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(local).constData(), &st), 0);
        const std::array<timespec, 2> times{timespec{0, UTIME_NOW}, st.st_mtim};
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(remote).constData(), times.data(), 0), 0);
    } else {
        put(remote, "someone else's");
    }
    job->resumeFile(0);
    QVERIFY(finished.size() == 1 || finished.wait(30000));
    if (same) {
        QVERIFY2(job->succeeded(), qPrintable(job->error().message));
        QCOMPARE(fileChecksum(remote), fileChecksum(local));
    } else {
        QCOMPARE(job->error().code, ferry::ErrorCode::Exists);
        QCOMPARE(content(remote), QByteArray("someone else's"));
    }
}

void TestCopyControl::holdWholeJob()
{
    // Paused as soon as its files are queued, the job moves nothing until
    // it is resumed; then everything arrives.
    for (int i = 0; i < 30; ++i)
        put(m_src + QStringLiteral("/held/f%1.txt").arg(i), QByteArray(2000, char('a' + i % 26)));
    ferry::copy::CopyOptions options;
    options.recursive = true;
    auto *job = new CopyJob(m_session.get(), Direction::Upload, {m_src + QStringLiteral("/held")}, QString(), options, this);
    int queued = 0;
    int finishedFiles = 0;
    connect(job, &CopyJob::filesQueued, this, [job, &queued](const QList<ferry::copy::QueuedFile> &files) {
        queued += files.size();
        job->pause();
    });
    connect(job, &CopyJob::fileFinished, this, [&finishedFiles](int) { ++finishedFiles; });
    QSignalSpy finished(job, &ferry::transfer::Job::finished);
    job->start();
    QTRY_COMPARE_WITH_TIMEOUT(queued, 30, 10000);
    QVERIFY(job->isPaused());
    // A listing round trip lets anything that was wrongly started show up.
    QSignalSpy listed(m_session.get(), &ferry::client::Session::rttSampled);
    bool replied = false;
    m_session->request(QStringLiteral("list"), QCborMap{{QStringLiteral("path"), QString()}}, [&replied](const ferry::Expected<QCborMap> &, bool last) { replied = last; });
    QTRY_VERIFY(replied);
    QCOMPARE(finishedFiles, 0);
    QVERIFY(!QFileInfo::exists(m_agent->root() + QStringLiteral("/held/f0.txt")));
    job->resume();
    QVERIFY(finished.wait(30000));
    QVERIFY2(job->succeeded(), qPrintable(job->error().message));
    QCOMPARE(finishedFiles, 30);
    QCOMPARE(content(m_agent->root() + QStringLiteral("/held/f29.txt")), QByteArray(2000, char('a' + 29 % 26)));
}

void TestCopyControl::sharedSlots()
{
    // Two jobs share one slot: never more than one transfer in flight, and
    // both complete.
    QDir().mkpath(m_src + QStringLiteral("/one"));
    QDir().mkpath(m_src + QStringLiteral("/two"));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(writeRandomFile(m_src + QStringLiteral("/one/f%1.bin").arg(i), 1024 * 1024, 10 + i));
        QVERIFY(writeRandomFile(m_src + QStringLiteral("/two/f%1.bin").arg(i), 1024 * 1024, 20 + i));
    }
    ferry::copy::TransferSlots pool(1);
    ferry::copy::CopyOptions options;
    options.recursive = true;
    auto *first = new CopyJob(m_session.get(), Direction::Upload, {m_src + QStringLiteral("/one")}, QString(), options, this);
    auto *second = new CopyJob(m_session.get(), Direction::Upload, {m_src + QStringLiteral("/two")}, QString(), options, this);
    int running = 0;
    int most = 0;
    for (CopyJob *job : {first, second}) {
        job->setSlots(&pool);
        connect(job, &CopyJob::fileStarted, this, [&running, &most] { most = std::max(most, ++running); });
        connect(job, &CopyJob::fileFinished, this, [&running] { --running; });
    }
    QSignalSpy firstDone(first, &ferry::transfer::Job::finished);
    QSignalSpy secondDone(second, &ferry::transfer::Job::finished);
    first->start();
    second->start();
    QTRY_VERIFY_WITH_TIMEOUT(firstDone.size() == 1 && secondDone.size() == 1, 30000);
    QVERIFY(first->succeeded() && second->succeeded());
    QCOMPARE(most, 1);
    QCOMPARE(pool.inUse(), 0);
    QCOMPARE(content(m_agent->root() + QStringLiteral("/two/f2.bin")), content(m_src + QStringLiteral("/two/f2.bin")));
}

void TestCopyControl::copyWithinRemote()
{
    // The agent copies a tree within its root: contents, modes, times and
    // symlinks as cp -r --preserve=mode,timestamps would give.
    const QString root = m_agent->root();
    put(root + QStringLiteral("/proj/a.txt"), "alpha");
    put(root + QStringLiteral("/proj/sub/b.bin"), QByteArray(3 * 1024 * 1024, 'b'));
    QDir().mkpath(root + QStringLiteral("/proj/empty"));
    QFile::setPermissions(root + QStringLiteral("/proj/a.txt"), QFile::ReadOwner);
    QVERIFY(QFile::link(QStringLiteral("a.txt"), root + QStringLiteral("/proj/link")));
    ::utimensat(AT_FDCWD, QFile::encodeName(root + QStringLiteral("/proj/sub/b.bin")).constData(),
                std::array<timespec, 2>{timespec{0, UTIME_NOW}, timespec{1000000000, 5}}.data(), 0);
    ferry::copy::CopyOptions options;
    options.recursive = true;
    auto *job = new CopyJob(m_session.get(), Direction::Remote, {QStringLiteral("proj")}, QStringLiteral("backup"), options, this);
    QVERIFY(run(job));
    QVERIFY2(job->succeeded(), qPrintable(job->error().message));
    QCOMPARE(content(root + QStringLiteral("/backup/a.txt")), QByteArray("alpha"));
    QCOMPARE(content(root + QStringLiteral("/backup/sub/b.bin")), QByteArray(3 * 1024 * 1024, 'b'));
    QVERIFY(QFileInfo(root + QStringLiteral("/backup/empty")).isDir());
    QCOMPARE(QFileInfo(root + QStringLiteral("/backup/link")).symLinkTarget(), root + QStringLiteral("/backup/a.txt"));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(root + QStringLiteral("/backup/a.txt")).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, 0400u);
    QCOMPARE(::stat(QFile::encodeName(root + QStringLiteral("/backup/sub/b.bin")).constData(), &st), 0);
    QCOMPARE(qint64(st.st_mtim.tv_sec), qint64(1000000000));
    QVERIFY(partFiles(root).isEmpty());
}

void TestCopyControl::cancelAgentCopy()
{
    // Cancelled as soon as it starts, the agent's copy stops: no file, no
    // part file, the row cancelled and the job otherwise fine.
    QVERIFY(writeRandomFile(m_agent->root() + QStringLiteral("/large.bin"), 1024 * 1024 * 1024, 13));
    ferry::copy::CopyOptions options;
    auto *job = new CopyJob(m_session.get(), Direction::Remote, {QStringLiteral("large.bin")}, QStringLiteral("large-copy.bin"), options, this);
    connect(job, &CopyJob::fileStarted, this, [job](int id) { job->cancelFile(id); });
    QList<ferry::ErrorCode> results;
    connect(job, &CopyJob::fileFinished, this, [&results](int, const ferry::Error &error) { results.append(error.code); });
    QVERIFY(run(job));
    QVERIFY2(job->succeeded(), qPrintable(job->error().message));
    QCOMPARE(results, QList<ferry::ErrorCode>{ferry::ErrorCode::Cancelled});
    QCOMPARE(job->skippedCount(), 1);
    QVERIFY(!QFileInfo::exists(m_agent->root() + QStringLiteral("/large-copy.bin")));
    QTRY_VERIFY_WITH_TIMEOUT(partFiles(m_agent->root()).isEmpty(), 5000);
}

void TestCopyControl::copyIntoItselfRefused()
{
    put(m_agent->root() + QStringLiteral("/loop/x.txt"), "x");
    ferry::copy::CopyOptions options;
    options.recursive = true;
    auto *job = new CopyJob(m_session.get(), Direction::Remote, {QStringLiteral("loop")}, QStringLiteral("loop/inner"), options, this);
    QVERIFY(run(job));
    QCOMPARE(job->error().code, ferry::ErrorCode::InvalidArgument);
    QVERIFY2(job->error().message.contains(QStringLiteral("into itself")), qPrintable(job->error().message));
    QVERIFY(!QFileInfo::exists(m_agent->root() + QStringLiteral("/loop/inner")));
}

void TestCopyControl::moves()
{
    const QString root = m_agent->root();
    put(root + QStringLiteral("/m/a.txt"), "new a");
    put(root + QStringLiteral("/m/b.txt"), "new b");
    put(root + QStringLiteral("/dest/a.txt"), "old a");
    using ferry::copy::ConflictPolicy;
    using ferry::copy::MoveJob;

    // Several sources into a folder; the existing a.txt is refused under Fail.
    auto *refused = new MoveJob(m_session.get(), {QStringLiteral("m/a.txt"), QStringLiteral("m/b.txt")}, QStringLiteral("dest"), ConflictPolicy::Fail, this);
    QVERIFY(run(refused));
    QCOMPARE(refused->error().code, ferry::ErrorCode::Exists);
    QCOMPARE(refused->movedCount(), 1);
    QCOMPARE(content(root + QStringLiteral("/dest/a.txt")), QByteArray("old a"));
    QCOMPARE(content(root + QStringLiteral("/dest/b.txt")), QByteArray("new b"));

    // Rename keeps both.
    auto *renamed = new MoveJob(m_session.get(), {QStringLiteral("m/a.txt")}, QStringLiteral("dest"), ConflictPolicy::Rename, this);
    QVERIFY(run(renamed));
    QVERIFY2(renamed->succeeded(), qPrintable(renamed->error().message));
    QCOMPARE(content(root + QStringLiteral("/dest/a (1).txt")), QByteArray("new a"));
    QCOMPARE(content(root + QStringLiteral("/dest/a.txt")), QByteArray("old a"));

    // Overwrite replaces; a new name renames.
    put(root + QStringLiteral("/m/a.txt"), "newest a");
    auto *replaced = new MoveJob(m_session.get(), {QStringLiteral("m/a.txt")}, QStringLiteral("dest/a.txt"), ConflictPolicy::Overwrite, this);
    QVERIFY(run(replaced));
    QVERIFY(replaced->succeeded());
    QCOMPARE(content(root + QStringLiteral("/dest/a.txt")), QByteArray("newest a"));

    // Into itself: refused, nothing moved.
    QDir().mkpath(root + QStringLiteral("/dest/deeper"));
    auto *itself = new MoveJob(m_session.get(), {QStringLiteral("dest")}, QStringLiteral("dest/deeper"), ConflictPolicy::Fail, this);
    QVERIFY(run(itself));
    QVERIFY2(itself->error().message.contains(QStringLiteral("into itself")), qPrintable(itself->error().message));
    QVERIFY(QFileInfo(root + QStringLiteral("/dest/deeper")).isDir());
}

QTEST_GUILESS_MAIN(TestCopyControl)
#include "tst_copycontrol.moc"
