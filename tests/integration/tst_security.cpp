// SPDX-License-Identifier: GPL-3.0-or-later
// Authentication and confinement: a wrong token gets nothing, and no path
// from the wire reaches outside the served root.
#include "support/agentprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

class TestSecurity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wrongToken();
    void hostilePaths_data();
    void hostilePaths();

private:
    AgentProcess m_agent;
    QString m_outside;
};

void TestSecurity::initTestCase()
{
    QVERIFY2(m_agent.start(), qPrintable(m_agent.errorString()));
    // A directory beside the root with a file the agent must never touch,
    // and symlinks inside the root that point at it.
    m_outside = QFileInfo(m_agent.root()).path() + QStringLiteral("/outside");
    QVERIFY(QDir().mkpath(m_outside));
    QVERIFY(writeRandomFile(m_outside + QStringLiteral("/secret.txt"), 100));
    QVERIFY(QFile::link(m_outside, m_agent.root() + QStringLiteral("/abs-link")));
    QVERIFY(QFile::link(QStringLiteral("../outside"), m_agent.root() + QStringLiteral("/rel-link")));
    QVERIFY(writeRandomFile(m_agent.scratch() + QStringLiteral("/upload.txt"), 10));
}

void TestSecurity::wrongToken()
{
    const QString badToken = m_agent.scratch() + QStringLiteral("/bad-token");
    QFile file(badToken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
    file.close();
    CliResult r = runCli(m_agent, {QStringLiteral("--token-file"), badToken, QStringLiteral("ls"), QStringLiteral(":")});
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("authentication failed: wrong token"), r.err.constData());
}

void TestSecurity::hostilePaths_data()
{
    QTest::addColumn<QStringList>("args");
    const QString up = m_agent.scratch() + QStringLiteral("/upload.txt");
    const QString down = m_agent.scratch() + QStringLiteral("/got.txt");
    const QStringList escapes{QStringLiteral(":../outside/secret.txt"), QStringLiteral(":/etc/passwd"), QStringLiteral(":a/../../outside/secret.txt"),
                              QStringLiteral(":abs-link/secret.txt"), QStringLiteral(":rel-link/secret.txt")};
    for (const QString &path : escapes) {
        const QByteArray p = path.toUtf8();
        QTest::newRow(QByteArray("stat " + p).constData()) << QStringList{QStringLiteral("stat"), path};
        QTest::newRow(QByteArray("ls " + p).constData()) << QStringList{QStringLiteral("ls"), QFileInfo(path).path()};
        QTest::newRow(QByteArray("rm " + p).constData()) << QStringList{QStringLiteral("rm"), path};
        QTest::newRow(QByteArray("download " + p).constData()) << QStringList{QStringLiteral("cp"), path, down};
        QTest::newRow(QByteArray("upload to " + p).constData()) << QStringList{QStringLiteral("cp"), QStringLiteral("--on-conflict=overwrite"), up, path};
        QTest::newRow(QByteArray("mv into " + p).constData()) << QStringList{QStringLiteral("mv"), QStringLiteral(":moveme"), path};
        QTest::newRow(QByteArray("mkdir " + p).constData()) << QStringList{QStringLiteral("mkdir"), QStringLiteral("-p"), path + QStringLiteral("/new")};
        QTest::newRow(QByteArray("chmod " + p).constData()) << QStringList{QStringLiteral("chmod"), QStringLiteral("777"), path};
    }
}

void TestSecurity::hostilePaths()
{
    QFETCH(QStringList, args);
    QVERIFY(writeRandomFile(m_agent.root() + QStringLiteral("/moveme"), 10));
    const QByteArray secret = fileChecksum(m_outside + QStringLiteral("/secret.txt"));
    const QFile::Permissions perms = QFileInfo(m_outside + QStringLiteral("/secret.txt")).permissions();
    CliResult r = runCli(m_agent, args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("outside the served directory") || r.err.contains("not followed"), r.err.constData());
    QCOMPARE(fileChecksum(m_outside + QStringLiteral("/secret.txt")), secret);
    QCOMPARE(QFileInfo(m_outside + QStringLiteral("/secret.txt")).permissions(), perms);
    QCOMPARE(QDir(m_outside).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden), QStringList{QStringLiteral("secret.txt")});
    QVERIFY(!QFileInfo::exists(m_agent.scratch() + QStringLiteral("/got.txt")));
}

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
