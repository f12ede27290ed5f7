// SPDX-License-Identifier: GPL-3.0-or-later
// Part files are reclaimed: a full disk does not stay full, abandoned ones
// expire, and a name with no room for its part file is refused before
// anything is written.
#include "support/agentprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

using namespace Qt::Literals::StringLiterals;

namespace {

void put(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(data), data.size());
}

/// Sets @p path's times @p days into the past.
bool age(const QString &path, int days)
{
    const time_t then = ::time(nullptr) - time_t(days) * 86400;
    const struct utimbuf times{then, then};
    return ::utime(QFile::encodeName(path).constData(), &times) == 0;
}

/// Names of the part files in @p dir.
QStringList partFiles(const QString &dir)
{
    return QDir(dir).entryList(QStringList{u".*.ferry-part"_s}, QDir::Files | QDir::Hidden);
}

} // namespace

class TestPartFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDiskGivesItsSpaceBack();
    void abandonedPartFilesExpire();
    void expiredWhileRunning();
    void nameWithNoRoomForItsPartFile_data();
    void nameWithNoRoomForItsPartFile();
};

void TestPartFiles::fullDiskGivesItsSpaceBack()
{
    AgentProcess agent;
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    const QString small = agent.root() + u"/small"_s;
    QDir().mkpath(small);
    if (::mount("tmpfs", QFile::encodeName(small).constData(), "tmpfs", 0, "size=16m") != 0)
        QSKIP("cannot mount a tmpfs here");
    const auto unmount = qScopeGuard([&] { ::umount2(QFile::encodeName(small).constData(), MNT_DETACH); });
    QDir().mkpath(agent.scratch());
    const QString big = agent.scratch() + u"/big.bin"_s;
    QVERIFY(writeRandomFile(big, 12 << 20, 3));

    // 12 MiB fit in 16 when the upload is planned; 8 more, written while it
    // runs, fill the disk under it.
    std::unique_ptr<QProcess> cli(startCli(agent, {u"--limit-rate"_s, u"4M"_s, u"cp"_s, big, u":small/big.bin"_s}, nullptr));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(small + u"/.big.bin.ferry-part"_s).size() > (1 << 20), 20000);
    QVERIFY(writeRandomFile(small + u"/filler.bin"_s, 8 << 20, 4));
    QVERIFY(cli->waitForFinished(60000));
    const QByteArray err = cli->readAllStandardError();
    QVERIFY2(cli->exitCode() == 1, err.constData());
    QVERIFY2(err.contains("space"), err.constData());

    // The failed upload's part file does not keep the space.
    QCOMPARE(partFiles(small), QStringList());
    // So a file that fits beside the filler arrives.
    const QString fits = agent.scratch() + u"/fits.bin"_s;
    QVERIFY(writeRandomFile(fits, 6 << 20, 5));
    const CliResult second = runCli(agent, {u"cp"_s, fits, u":small/fits.bin"_s});
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QCOMPARE(fileChecksum(small + u"/fits.bin"_s), fileChecksum(fits));
    QVERIFY(!QFileInfo::exists(small + u"/big.bin"_s));
}

void TestPartFiles::abandonedPartFilesExpire()
{
    AgentProcess agent;
    // Left by transfers that never came back, and things that only look
    // alike or lie elsewhere.
    const QString root = agent.root();
    QDir().mkpath(root);
    put(root + u"/.old.bin.ferry-part"_s, QByteArray(4096, 'o'));
    put(root + u"/deep/er/still/.old2.txt.ferry-part"_s, "o2");
    put(root + u"/.fresh.bin.ferry-part"_s, "f");
    put(root + u"/.held.bin.ferry-part"_s, "h");
    put(root + u"/.old.bin.ferry-part.txt"_s, "not a part file");
    put(root + u"/old.ferry-part"_s, "not hidden: not ours");
    const QString outside = agent.directory() + u"/outside"_s;
    put(outside + u"/.far.bin.ferry-part"_s, "outside the root");
    QVERIFY(QFile::link(outside, root + u"/link"_s));
    QDir().mkpath(root + u"/.dir.ferry-part"_s);
    for (const QString &path : {u"/.old.bin.ferry-part"_s, u"/deep/er/still/.old2.txt.ferry-part"_s, u"/.held.bin.ferry-part"_s,
                                u"/.old.bin.ferry-part.txt"_s, u"/old.ferry-part"_s, u"/.dir.ferry-part"_s})
        QVERIFY(age(root + path, 8));
    QVERIFY(age(outside + u"/.far.bin.ferry-part"_s, 8));
    QVERIFY(age(root + u"/.fresh.bin.ferry-part"_s, 6));
    // A transfer still holds this one.
    const int held = ::open(QFile::encodeName(root + u"/.held.bin.ferry-part"_s).constData(), O_RDWR | O_CLOEXEC);
    QVERIFY(held >= 0);
    const auto release = qScopeGuard([held] { ::close(held); });
    QCOMPARE(::flock(held, LOCK_EX | LOCK_NB), 0);

    // The default limit is seven days, swept at start.
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(root + u"/.old.bin.ferry-part"_s), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(agent.output().contains(u"removed 2 part files"_s), 10000);
    QVERIFY(!QFileInfo::exists(root + u"/deep/er/still/.old2.txt.ferry-part"_s));
    for (const QString &kept : {u"/.fresh.bin.ferry-part"_s, u"/.held.bin.ferry-part"_s, u"/.old.bin.ferry-part.txt"_s, u"/old.ferry-part"_s,
                                u"/.dir.ferry-part"_s})
        QVERIFY2(QFileInfo::exists(root + kept), qPrintable(kept));
    QVERIFY(QFileInfo::exists(outside + u"/.far.bin.ferry-part"_s));
}

void TestPartFiles::expiredWhileRunning()
{
    // With a limit of two seconds, a part file left by an interrupted
    // upload goes while the agent runs; a file in use stays.
    AgentProcess agent;
    QVERIFY2(agent.start({u"--part-ttl"_s, u"2s"_s}), qPrintable(agent.errorString()));
    put(agent.root() + u"/.gone.bin.ferry-part"_s, "g");
    put(agent.root() + u"/.held.bin.ferry-part"_s, "h");
    const int held = ::open(QFile::encodeName(agent.root() + u"/.held.bin.ferry-part"_s).constData(), O_RDWR | O_CLOEXEC);
    QVERIFY(held >= 0);
    const auto release = qScopeGuard([held] { ::close(held); });
    QCOMPARE(::flock(held, LOCK_EX | LOCK_NB), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(agent.root() + u"/.gone.bin.ferry-part"_s), 15000);
    QVERIFY(QFileInfo::exists(agent.root() + u"/.held.bin.ferry-part"_s));

    // A bad duration is refused by name.
    AgentProcess wrong;
    QVERIFY(!wrong.start({u"--part-ttl"_s, u"a week"_s}));
    QVERIFY2(wrong.output().contains(u"'a week' is not a duration"_s), qPrintable(wrong.output()));
}

void TestPartFiles::nameWithNoRoomForItsPartFile_data()
{
    QTest::addColumn<bool>("upload");
    QTest::newRow("upload") << true;
    QTest::newRow("download") << false;
}

void TestPartFiles::nameWithNoRoomForItsPartFile()
{
    QFETCH(bool, upload);
    AgentProcess agent;
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    // 250 bytes is a valid name, but ".NAME.ferry-part" would be 262.
    const QString name = QString(250, u'n');
    const QString local = agent.scratch() + u"/in"_s;
    const QString remote = agent.root() + u"/in"_s;
    QDir().mkpath(local);
    QDir().mkpath(remote);
    QDir().mkpath(agent.scratch() + u"/out"_s);
    put((upload ? local : remote) + u'/' + name, "payload");
    const CliResult cp = upload ? runCli(agent, {u"cp"_s, local + u'/' + name, u":in/"_s})
                                : runCli(agent, {u"cp"_s, u":in/"_s + name, agent.scratch() + u"/out/"_s});
    QCOMPARE(cp.exitCode, 1);
    QVERIFY2(cp.err.contains("the name is too long to be received"), cp.err.constData());
    // Nothing was written: no file, no part file under a shortened name.
    const QString target = upload ? remote : agent.scratch() + u"/out"_s;
    const QStringList there = QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    QCOMPARE(there, QStringList());
}

QTEST_GUILESS_MAIN(TestPartFiles)
#include "tst_partfiles.moc"
