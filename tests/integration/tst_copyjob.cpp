// SPDX-License-Identifier: GPL-3.0-or-later
// CopyJob driven directly: conflicts answered by a scripted handler (which
// never holds up the transfers that do not conflict), and per-file failures
// that leave the rest of the job complete and nothing half-written.
#include "support/agentprocess.h"

#include "core/client/session.h"
#include "core/copy/copyjob.h"
#include "core/net/auth.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QDeadlineTimer>
#include <QTimer>

#include <sys/mount.h>
#include <sys/stat.h>

using ferry::copy::ConflictAnswer;

namespace {

/// Answers conflicts from a script, after a delay, and records the questions.
class ScriptedHandler final : public ferry::copy::ConflictHandler
{
public:
    QList<ConflictAnswer> script;
    QStringList asked;
    /// True if, while a question was open, the transfers that do not
    /// conflict all completed (asking did not hold them back).
    bool othersFinishedWhileAsking = false;
    std::function<bool()> othersDone;

    void askConflict(ferry::transfer::Job *job, const ferry::copy::ConflictInfo &info, std::function<void(const ConflictAnswer &)> answer) override
    {
        asked.append(QFileInfo(info.destinationPath).fileName());
        const ConflictAnswer next = script.isEmpty() ? ConflictAnswer{ConflictAnswer::Skip, false, {}} : script.takeFirst();
        // Answer later, as a person would: the first question stays open
        // until the other files have arrived (or 10 s passed).
        const bool first = asked.size() == 1;
        auto *poll = new QTimer(job);
        auto deadline = std::make_shared<QDeadlineTimer>(first ? 10000 : 0);
        QObject::connect(poll, &QTimer::timeout, job, [this, poll, deadline, answer, next, first] {
            const bool done = othersDone && othersDone();
            if (!done && !deadline->hasExpired())
                return;
            if (first)
                othersFinishedWhileAsking = done;
            poll->deleteLater();
            answer(next);
        });
        poll->start(20);
    }
};

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

} // namespace

class TestCopyJob final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void scriptedAnswers_data();
    void scriptedAnswers();
    void noSpace();
    void readOnlyDestination();
    void vanishingAndChangingSources();

private:
    bool run(ferry::copy::CopyJob *job);
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<ferry::client::Session> m_session;
    QString m_src;
};

void TestCopyJob::init()
{
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    m_session = connectedSession(*m_agent);
    QVERIFY(m_session);
    m_src = m_agent->scratch() + QStringLiteral("/src");
    // Three files that will conflict, and twenty that will not.
    for (const char *name : {"a.txt", "b.txt", "c.txt"})
        put(m_src + QStringLiteral("/dir/") + QLatin1StringView(name), QByteArray("new ") + name);
    for (int i = 0; i < 20; ++i)
        put(m_src + QStringLiteral("/dir/free%1.txt").arg(i), QByteArray::number(i));
    for (const char *name : {"a.txt", "b.txt", "c.txt"})
        put(m_agent->root() + QStringLiteral("/dir/") + QLatin1StringView(name), QByteArray("old ") + name);
}

void TestCopyJob::cleanup()
{
    m_session.reset();
    m_agent.reset();
}

bool TestCopyJob::run(ferry::copy::CopyJob *job)
{
    QSignalSpy finished(job, &ferry::transfer::Job::finished);
    job->start();
    return finished.wait(60000);
}

void TestCopyJob::scriptedAnswers_data()
{
    QTest::addColumn<QList<ConflictAnswer>>("script");
    QTest::addColumn<QStringList>("expected"); // contents of a, b, c afterwards
    QTest::addColumn<QStringList>("extra");    // renamed copies that must exist
    QTest::addColumn<int>("questions");

    QTest::newRow("overwrite, skip, rename")
        << QList<ConflictAnswer>{{ConflictAnswer::Overwrite, false, {}}, {ConflictAnswer::Skip, false, {}}, {ConflictAnswer::Rename, false, {}}}
        << QStringList{QStringLiteral("new a.txt"), QStringLiteral("old b.txt"), QStringLiteral("old c.txt")}
        << QStringList{QStringLiteral("c (1).txt")} << 3;
    QTest::newRow("overwrite all at the first question")
        << QList<ConflictAnswer>{{ConflictAnswer::Overwrite, true, {}}}
        << QStringList{QStringLiteral("new a.txt"), QStringLiteral("new b.txt"), QStringLiteral("new c.txt")} << QStringList() << 1;
    QTest::newRow("skip, then rename all")
        << QList<ConflictAnswer>{{ConflictAnswer::Skip, false, {}}, {ConflictAnswer::Rename, true, {}}}
        << QStringList{QStringLiteral("old a.txt"), QStringLiteral("old b.txt"), QStringLiteral("old c.txt")}
        << QStringList{QStringLiteral("b (1).txt"), QStringLiteral("c (1).txt")} << 2;
    QTest::newRow("rename to a chosen name")
        << QList<ConflictAnswer>{{ConflictAnswer::Rename, false, QStringLiteral("chosen.txt")}, {ConflictAnswer::Skip, true, {}}}
        << QStringList{QStringLiteral("old a.txt"), QStringLiteral("old b.txt"), QStringLiteral("old c.txt")}
        << QStringList{QStringLiteral("chosen.txt")} << 2;
}

void TestCopyJob::scriptedAnswers()
{
    QFETCH(QList<ConflictAnswer>, script);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, extra);
    QFETCH(int, questions);

    ScriptedHandler handler;
    handler.script = script;
    const QString remoteDir = m_agent->root() + QStringLiteral("/dir");
    handler.othersDone = [remoteDir] { return QDir(remoteDir).entryList(QStringList{QStringLiteral("free*")}).size() == 20; };
    ferry::copy::CopyOptions options;
    options.recursive = true;
    auto *job = new ferry::copy::CopyJob(m_session.get(), ferry::copy::Direction::Upload, {m_src + QStringLiteral("/dir")}, QString(), options, this);
    job->setConflictHandler(&handler);
    QVERIFY(run(job));
    QVERIFY2(job->succeeded(), qPrintable(job->error().message));
    QCOMPARE(handler.asked.size(), questions);
    QCOMPARE(content(remoteDir + QStringLiteral("/a.txt")), expected.at(0).toUtf8());
    QCOMPARE(content(remoteDir + QStringLiteral("/b.txt")), expected.at(1).toUtf8());
    QCOMPARE(content(remoteDir + QStringLiteral("/c.txt")), expected.at(2).toUtf8());
    for (const QString &name : extra)
        QVERIFY2(content(remoteDir + u'/' + name).startsWith("new "), qPrintable(name));
    // All twenty others arrived, and waiting for an answer did not hold them
    // back: they were complete while the first question was still open.
    QCOMPARE(QDir(remoteDir).entryList(QStringList{QStringLiteral("free*")}).size(), 20);
    QVERIFY(handler.othersFinishedWhileAsking);
    job->deleteLater();
}

void TestCopyJob::noSpace()
{
    // A 1 MiB file system cannot take 3 MiB: refused before anything is copied.
    const QString small = m_agent->root() + QStringLiteral("/small");
    QDir().mkpath(small);
    if (::mount("tmpfs", QFile::encodeName(small).constData(), "tmpfs", 0, "size=1m") != 0)
        QSKIP("cannot mount a tmpfs here");
    QVERIFY(writeRandomFile(m_src + QStringLiteral("/big.bin"), 3 * 1024 * 1024));
    ferry::copy::CopyOptions options;
    options.policy = ferry::copy::ConflictPolicy::Fail;
    auto *job = new ferry::copy::CopyJob(m_session.get(), ferry::copy::Direction::Upload, {m_src + QStringLiteral("/big.bin")}, QStringLiteral("small"), options, this);
    QVERIFY(run(job));
    ::umount2(QFile::encodeName(small).constData(), MNT_DETACH);
    QCOMPARE(job->error().code, ferry::ErrorCode::NoSpace);
    QVERIFY2(job->error().message.contains(QStringLiteral("not enough space")), qPrintable(job->error().message));
}

void TestCopyJob::readOnlyDestination()
{
    // One destination folder is on a read-only file system: its file fails
    // with a clear error, the other folder's file arrives.
    put(m_src + QStringLiteral("/two/ok/x.txt"), "x");
    put(m_src + QStringLiteral("/two/locked/y.txt"), "y");
    const QString locked = m_agent->root() + QStringLiteral("/two/locked");
    QDir().mkpath(locked);
    if (::mount("tmpfs", QFile::encodeName(locked).constData(), "tmpfs", MS_RDONLY, "size=1m") != 0)
        QSKIP("cannot mount a read-only tmpfs here");
    ferry::copy::CopyOptions options;
    options.recursive = true;
    auto *job = new ferry::copy::CopyJob(m_session.get(), ferry::copy::Direction::Upload, {m_src + QStringLiteral("/two")}, QString(), options, this);
    QStringList failed;
    connect(job, &ferry::copy::CopyJob::itemFailed, this, [&failed](const ferry::Error &e) { failed.append(e.message); });
    QVERIFY(run(job));
    ::umount2(QFile::encodeName(locked).constData(), MNT_DETACH);
    QVERIFY(!job->succeeded());
    QCOMPARE(job->error().code, ferry::ErrorCode::PermissionDenied);
    QVERIFY2(failed.join(u'\n').contains(QStringLiteral("two/locked")), qPrintable(failed.join(u'\n')));
    QCOMPARE(content(m_agent->root() + QStringLiteral("/two/ok/x.txt")), QByteArray("x"));
}

void TestCopyJob::vanishingAndChangingSources()
{
    // Files that vanish or change size between planning and sending fail
    // one by one; the rest completes, and no part file is left behind.
    for (int i = 0; i < 10; ++i)
        put(m_src + QStringLiteral("/live/f%1.txt").arg(i), QByteArray(1000, 'a' + char(i)));
    QVERIFY(writeRandomFile(m_src + QStringLiteral("/live/large.bin"), 4 * 1024 * 1024));
    QVERIFY(writeRandomFile(m_src + QStringLiteral("/live/shrinking.bin"), 384 * 1024 * 1024));
    ferry::copy::CopyOptions options;
    options.recursive = true;
    options.parallel = 1;
    auto *job = new ferry::copy::CopyJob(m_session.get(), ferry::copy::Direction::Upload, {m_src + QStringLiteral("/live")}, QString(), options, this);
    QStringList failed;
    connect(job, &ferry::copy::CopyJob::itemFailed, this, [&failed](const ferry::Error &e) { failed.append(e.message); });
    // Once planning is done, pull the rug: one small file vanishes, one
    // grows, a large one is replaced before it is sent (it goes as it is
    // then), and one shrinks while it is being sent.
    connect(job, &ferry::copy::CopyJob::planned, this, [this] {
        QFile::remove(m_src + QStringLiteral("/live/f3.txt"));
        put(m_src + QStringLiteral("/live/f5.txt"), QByteArray(5000, 'z'));
        QFile::resize(m_src + QStringLiteral("/live/large.bin"), 1024);
    });
    bool shrunk = false;
    connect(job, &ferry::transfer::Job::progress, this, [this, &shrunk](qint64 done) {
        if (!shrunk && done > 8 * 1024 * 1024) {
            shrunk = true;
            QFile::resize(m_src + QStringLiteral("/live/shrinking.bin"), 4 * 1024 * 1024);
        }
    });
    QVERIFY(run(job));
    QVERIFY(!job->succeeded());
    QVERIFY2(job->failedCount() == 3, qPrintable(failed.join(u'\n')));
    QVERIFY2(failed.join(u'\n').contains(QStringLiteral("f3.txt")), qPrintable(failed.join(u'\n')));
    QVERIFY2(failed.join(u'\n').contains(QStringLiteral("changed")), qPrintable(failed.join(u'\n')));
    const QString dest = m_agent->root() + QStringLiteral("/live");
    QVERIFY(shrunk);
    QCOMPARE(QDir(dest).entryList(QDir::Files).size(), 9);
    QVERIFY(!QFileInfo::exists(dest + QStringLiteral("/f3.txt")));
    QVERIFY(!QFileInfo::exists(dest + QStringLiteral("/f5.txt")));
    QVERIFY(!QFileInfo::exists(dest + QStringLiteral("/shrinking.bin")));
    QCOMPARE(fileChecksum(dest + QStringLiteral("/large.bin")), fileChecksum(m_src + QStringLiteral("/live/large.bin")));
    QCOMPARE(QDir(dest).entryList(QStringList{QStringLiteral("*.ferry-part")}, QDir::Files | QDir::Hidden).size(), 0);
    QCOMPARE(content(dest + QStringLiteral("/f0.txt")), QByteArray(1000, 'a'));
}

QTEST_GUILESS_MAIN(TestCopyJob)
#include "tst_copyjob.moc"
