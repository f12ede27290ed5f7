// SPDX-License-Identifier: GPL-3.0-or-later
// wss://: the agent serves TLS with its own certificate; the client trusts
// it only once the user pinned its fingerprint, and refuses a changed one.
#include "support/agentprocess.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestTls final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trustOnFirstUse();

private:
    bool makeCertificate(const QString &name);
    QString fingerprintFromOutput(AgentProcess &agent);
    QTemporaryDir m_dir;
};

bool TestTls::makeCertificate(const QString &name)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                              QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                                              QStringLiteral("-keyout"), m_dir.filePath(name + QStringLiteral(".key")), QStringLiteral("-out"),
                                              m_dir.filePath(name + QStringLiteral(".pem")), QStringLiteral("-days"), QStringLiteral("2"),
                                              QStringLiteral("-subj"), QStringLiteral("/CN=ferry-test")});
    return openssl.waitForFinished(30000) && openssl.exitCode() == 0;
}

QString TestTls::fingerprintFromOutput(AgentProcess &agent)
{
    const QRegularExpression re(QStringLiteral("certificate (SHA256:[0-9A-F:]+)"));
    QDeadlineTimer deadline(5000);
    QString found;
    while (found.isEmpty() && !deadline.hasExpired()) {
        found = re.match(agent.output()).captured(1);
        QTest::qWait(20);
    }
    return found;
}

void TestTls::initTestCase()
{
    QVERIFY(makeCertificate(QStringLiteral("one")));
    QVERIFY(makeCertificate(QStringLiteral("two")));
    qputenv("FERRY_KNOWN_AGENTS", m_dir.filePath(QStringLiteral("known_agents")).toUtf8());
}

void TestTls::trustOnFirstUse()
{
    AgentProcess agent;
    QVERIFY2(agent.start({QStringLiteral("--cert"), m_dir.filePath(QStringLiteral("one.pem")), QStringLiteral("--key"), m_dir.filePath(QStringLiteral("one.key"))}),
             qPrintable(agent.errorString()));
    QVERIFY(agent.url().startsWith(QStringLiteral("wss://")));
    const QString fingerprint = fingerprintFromOutput(agent);
    QVERIFY2(!fingerprint.isEmpty(), qPrintable(agent.output()));

    // First contact: refused, with the fingerprint and how to trust it.
    CliResult first = runCli(agent, {QStringLiteral("ls"), QStringLiteral(":")});
    QCOMPARE(first.exitCode, 4);
    QVERIFY2(first.err.contains("not trusted yet") && first.err.contains(fingerprint.toUtf8()) && first.err.contains("--trust"), first.err.constData());

    // A fingerprint that is not the agent's does not help.
    CliResult wrong = runCli(agent, {QStringLiteral("--trust"), QString(64, u'a'), QStringLiteral("ls"), QStringLiteral(":")});
    QCOMPARE(wrong.exitCode, 4);

    // Vouching for the right one pins it, and transfers go through TLS.
    QVERIFY(writeRandomFile(agent.scratch() + QStringLiteral("/tls.bin"), 8 * 1024 * 1024));
    CliResult trusted = runCli(agent, {QStringLiteral("--trust"), fingerprint, QStringLiteral("cp"), agent.scratch() + QStringLiteral("/tls.bin"), QStringLiteral(":")});
    QVERIFY2(trusted.exitCode == 0, trusted.err.constData());
    QCOMPARE(fileChecksum(agent.root() + QStringLiteral("/tls.bin")), fileChecksum(agent.scratch() + QStringLiteral("/tls.bin")));
    CliResult pinned = runCli(agent, {QStringLiteral("ls"), QStringLiteral(":")});
    QVERIFY2(pinned.exitCode == 0, pinned.err.constData());
    QCOMPARE(pinned.out, QByteArray("tls.bin\n"));

    // The same address with another certificate is refused loudly.
    QVERIFY(agent.restart({QStringLiteral("--cert"), m_dir.filePath(QStringLiteral("two.pem")), QStringLiteral("--key"), m_dir.filePath(QStringLiteral("two.key"))}));
    CliResult changed = runCli(agent, {QStringLiteral("ls"), QStringLiteral(":")});
    QCOMPARE(changed.exitCode, 4);
    QVERIFY2(changed.err.contains("CHANGED"), changed.err.constData());
    QVERIFY(changed.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
