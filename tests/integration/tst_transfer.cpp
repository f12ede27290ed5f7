// SPDX-License-Identifier: GPL-3.0-or-later
// Uploads and downloads through the real agent: sizes around the chunk
// boundaries, a large random file, mode and mtime, resume after the agent
// is killed, and nothing half-written under a final name.
#include "support/agentprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

namespace {

constexpr qint64 kChunk = 128 * 1024;

struct FileMeta {
    quint32 mode = 0;
    qint64 mtimeNs = 0;
};

FileMeta meta(const QString &path)
{
    struct stat st {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return FileMeta{quint32(st.st_mode & 07777), qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
}

void setMeta(const QString &path, quint32 mode, qint64 mtimeSec)
{
    ::chmod(QFile::encodeName(path).constData(), mode);
    struct timespec times[2] = {{mtimeSec, 0}, {mtimeSec, 123456789}};
    ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0);
}

/// Waits until @p path holds at least @p bytes (or the deadline passes).
bool waitForSize(const QString &path, qint64 bytes, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (QFileInfo(path).size() >= bytes)
            return true;
        QThread::usleep(2000);
    }
    return false;
}

} // namespace

class TestTransfer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void noPermsNoTimes();
    void resumeAfterAgentRestart_data();
    void resumeAfterAgentRestart();
    void killedUploadLeavesNothingHalfWritten();
    void existingDestinationNeedsPolicy();

private:
    AgentProcess m_agent;
};

void TestTransfer::initTestCase()
{
    QVERIFY2(m_agent.start(), qPrintable(m_agent.errorString()));
}

void TestTransfer::roundTrip_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<uint>("mode");
    QTest::newRow("empty") << qint64(0) << 0644u;
    QTest::newRow("one byte") << qint64(1) << 0600u;
    QTest::newRow("chunk - 1") << kChunk - 1 << 0755u;
    QTest::newRow("chunk") << kChunk << 0444u;
    QTest::newRow("chunk + 1") << kChunk + 1 << 0640u;
    QTest::newRow("64 MiB random") << qint64(64) * 1024 * 1024 << 0644u;
}

void TestTransfer::roundTrip()
{
    QFETCH(qint64, size);
    QFETCH(uint, mode);
    const QString name = QStringLiteral("rt-%1-%2.bin").arg(size).arg(mode, 0, 8);
    const QString local = m_agent.scratch() + u'/' + name;
    QVERIFY(writeRandomFile(local, size, quint32(size)));
    setMeta(local, mode, 1600000000);

    CliResult up = runCli(m_agent, {QStringLiteral("--quiet"), QStringLiteral("cp"), local, QStringLiteral(":")});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const QString remote = m_agent.root() + u'/' + name;
    QCOMPARE(fileChecksum(remote), fileChecksum(local));
    QCOMPARE(meta(remote).mode, mode);
    QCOMPARE(meta(remote).mtimeNs, meta(local).mtimeNs);

    const QString back = m_agent.scratch() + QStringLiteral("/back-") + name;
    CliResult down = runCli(m_agent, {QStringLiteral("--quiet"), QStringLiteral("cp"), u':' + name, back});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(fileChecksum(back), fileChecksum(local));
    QCOMPARE(meta(back).mode, mode);
    QCOMPARE(meta(back).mtimeNs, meta(local).mtimeNs);

    // The agent's checksum of the file agrees with ours end to end.
    CliResult hash = runCli(m_agent, {QStringLiteral("hash"), u':' + name});
    QCOMPARE(hash.exitCode, 0);
    QVERIFY(hash.out.endsWith(QByteArray(QByteArray("  :") + name.toUtf8() + '\n')));
    QVERIFY(!QFileInfo::exists(m_agent.root() + QStringLiteral("/.") + name + QStringLiteral(".ferry-part")));
}

void TestTransfer::noPermsNoTimes()
{
    const QString local = m_agent.scratch() + QStringLiteral("/plain.txt");
    QVERIFY(writeRandomFile(local, 1000));
    setMeta(local, 0700, 1500000000);
    CliResult up = runCli(m_agent, {QStringLiteral("cp"), QStringLiteral("--no-perms"), QStringLiteral("--no-times"), local, QStringLiteral(":plain.txt")});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const FileMeta remote = meta(m_agent.root() + QStringLiteral("/plain.txt"));
    const mode_t mask = ::umask(0);
    ::umask(mask);
    QCOMPARE(remote.mode, quint32(0666 & ~mask));
    QVERIFY(remote.mtimeNs > qint64(1700000000) * 1000000000LL);
}

void TestTransfer::resumeAfterAgentRestart_data()
{
    QTest::addColumn<bool>("upload");
    QTest::newRow("upload") << true;
    QTest::newRow("download") << false;
}

void TestTransfer::resumeAfterAgentRestart()
{
    QFETCH(bool, upload);
    constexpr qint64 size = qint64(384) * 1024 * 1024;
    const QString name = upload ? QStringLiteral("resume-up.bin") : QStringLiteral("resume-down.bin");
    const QString source = (upload ? m_agent.scratch() : m_agent.root()) + u'/' + name;
    const QString target = (upload ? m_agent.root() : m_agent.scratch()) + u'/' + name;
    const QString part = QFileInfo(target).path() + QStringLiteral("/.") + name + QStringLiteral(".ferry-part");
    QVERIFY(writeRandomFile(source, size, 7));
    const QString stats = m_agent.scratch() + QStringLiteral("/stats-") + name + QStringLiteral(".json");

    const QStringList args{QStringLiteral("--stats"), stats, QStringLiteral("--heartbeat"), QStringLiteral("500"), QStringLiteral("--dead-after"),
                           QStringLiteral("3000"), QStringLiteral("cp"), upload ? source : u':' + name, upload ? QStringLiteral(":") : target};
    std::unique_ptr<QProcess> cli(startCli(m_agent, args, nullptr));
    QVERIFY(cli->waitForStarted());
    // Cut the connection once a good part of the file has arrived.
    QVERIFY2(waitForSize(part, 24 * 1024 * 1024, 60000), "the transfer never got going");
    m_agent.kill();
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY2(m_agent.restart(), qPrintable(m_agent.errorString()));

    QVERIFY(cli->waitForFinished(120000));
    QVERIFY2(cli->exitCode() == 0, cli->readAllStandardError().constData());
    QCOMPARE(fileChecksum(target), fileChecksum(source));
    const QJsonObject json = readStats(stats);
    QVERIFY2(json.value(QStringLiteral("resumed_bytes")).toInteger() > 0, QJsonDocument(json).toJson().constData());
    QVERIFY(json.value(QStringLiteral("reconnects")).toInteger() >= 1);
    QFile::remove(source);
    QFile::remove(target);
}

void TestTransfer::killedUploadLeavesNothingHalfWritten()
{
    constexpr qint64 size = qint64(384) * 1024 * 1024;
    const QString local = m_agent.scratch() + QStringLiteral("/half.bin");
    QVERIFY(writeRandomFile(local, size, 3));
    // One destination is new, the other holds older content that must survive.
    const QString fresh = m_agent.root() + QStringLiteral("/half.bin");
    const QString old = m_agent.root() + QStringLiteral("/old.bin");
    QVERIFY(writeRandomFile(old, 4096, 99));
    const QByteArray oldSum = fileChecksum(old);

    for (const QString &target : {fresh, old}) {
        const QString name = QFileInfo(target).fileName();
        std::unique_ptr<QProcess> cli(startCli(m_agent, {QStringLiteral("--reconnect-for"), QStringLiteral("0"), QStringLiteral("cp"),
                                                         QStringLiteral("--on-conflict=overwrite"), local, u':' + name}, nullptr));
        QVERIFY(waitForSize(m_agent.root() + QStringLiteral("/.") + name + QStringLiteral(".ferry-part"), 16 * 1024 * 1024, 60000));
        m_agent.kill();
        QVERIFY(cli->waitForFinished(30000));
        const int exitCode = cli->exitCode();
        QVERIFY2(m_agent.restart(), qPrintable(m_agent.errorString()));
        QVERIFY2(exitCode == 3, cli->readAllStandardError().constData()); // a connection error
    }
    QVERIFY(!QFileInfo::exists(fresh));
    QCOMPARE(fileChecksum(old), oldSum);
}

void TestTransfer::existingDestinationNeedsPolicy()
{
    const QString local = m_agent.scratch() + QStringLiteral("/exists.txt");
    QVERIFY(writeRandomFile(local, 100, 5));
    QVERIFY(writeRandomFile(m_agent.root() + QStringLiteral("/exists.txt"), 50, 6));
    const QByteArray before = fileChecksum(m_agent.root() + QStringLiteral("/exists.txt"));
    CliResult fail = runCli(m_agent, {QStringLiteral("cp"), QStringLiteral("--on-conflict=fail"), local, QStringLiteral(":exists.txt")});
    QCOMPARE(fail.exitCode, 1);
    QVERIFY2(fail.err.contains("exists.txt"), fail.err.constData());
    CliResult ask = runCli(m_agent, {QStringLiteral("cp"), local, QStringLiteral(":exists.txt")});
    QCOMPARE(ask.exitCode, 1);
    QVERIFY2(ask.err.contains("not a terminal"), ask.err.constData());
    QCOMPARE(fileChecksum(m_agent.root() + QStringLiteral("/exists.txt")), before);
    CliResult skip = runCli(m_agent, {QStringLiteral("cp"), QStringLiteral("--on-conflict=skip"), local, QStringLiteral(":exists.txt")});
    QCOMPARE(skip.exitCode, 0);
    QCOMPARE(fileChecksum(m_agent.root() + QStringLiteral("/exists.txt")), before);
    CliResult over = runCli(m_agent, {QStringLiteral("cp"), QStringLiteral("--on-conflict=overwrite"), local, QStringLiteral(":exists.txt")});
    QCOMPARE(over.exitCode, 0);
    QCOMPARE(fileChecksum(m_agent.root() + QStringLiteral("/exists.txt")), fileChecksum(local));
}

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
