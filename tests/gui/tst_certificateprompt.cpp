// SPDX-License-Identifier: GPL-3.0-or-later
// The trust-on-first-use prompt for wss:// agents: what it shows, what its
// buttons answer, and the whole flow against a real agent with its own
// self-signed certificate.
#include "support/agentprocess.h"

#include "core/client/session.h"
#include "core/net/auth.h"
#include "core/net/truststore.h"
#include "ui/certificateprompt.h"

#include <QFile>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using ferry::ui::CertificatePrompt;

class TestCertificatePrompt final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsHostAndFingerprint();
    void changedCertificateDefaultsToCancel();
    void cancelDeclines();
    void nothingToTrustWithoutCertificate();
    void trustsRealAgentOnFirstContact();

private:
    static QByteArray sampleFingerprint() { return QByteArray::fromHex("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"); }
};

void TestCertificatePrompt::showsHostAndFingerprint()
{
    QPointer<CertificatePrompt> prompt = new CertificatePrompt(QStringLiteral("agent.example:7707"), sampleFingerprint());
    prompt->show();
    QVERIFY(QTest::qWaitForWindowExposed(prompt));
    QVERIFY(!prompt->isModal());
    QCOMPARE(prompt->windowModality(), Qt::NonModal);
    QVERIFY(!prompt->isChange());
    QCOMPARE(prompt->displayedFingerprint(), QStringLiteral("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"));
    QVERIFY(prompt->text().contains(QStringLiteral("agent.example:7707")));
    QVERIFY(prompt->text().contains(prompt->displayedFingerprint()));
    QCOMPARE(prompt->defaultButton(), prompt->trustButton());
    QSignalSpy trusted(prompt.data(), &CertificatePrompt::trusted);
    QSignalSpy declined(prompt.data(), &CertificatePrompt::declined);
    QTest::keyClick(prompt.data(), Qt::Key_Return);
    QCOMPARE(trusted.count(), 1);
    QCOMPARE(trusted.first().first().toByteArray(), sampleFingerprint());
    QCOMPARE(declined.count(), 0);
    QTRY_VERIFY(prompt.isNull()); // deletes itself once answered
}

void TestCertificatePrompt::changedCertificateDefaultsToCancel()
{
    CertificatePrompt prompt(QStringLiteral("agent.example:7707"), sampleFingerprint(), QByteArray(32, '\x01'));
    prompt.setAttribute(Qt::WA_DeleteOnClose, false);
    QVERIFY(prompt.isChange());
    QCOMPARE(prompt.icon(), QMessageBox::Critical);
    QVERIFY(prompt.defaultButton() != prompt.trustButton());
    QVERIFY(prompt.text().contains(QStringLiteral("different certificate")));

    // The same fingerprint as pinned before is no change.
    CertificatePrompt same(QStringLiteral("agent.example:7707"), sampleFingerprint(), sampleFingerprint());
    same.setAttribute(Qt::WA_DeleteOnClose, false);
    QVERIFY(!same.isChange());
}

void TestCertificatePrompt::cancelDeclines()
{
    CertificatePrompt prompt(QStringLiteral("agent.example:7707"), sampleFingerprint());
    prompt.setAttribute(Qt::WA_DeleteOnClose, false);
    prompt.show();
    QVERIFY(QTest::qWaitForWindowExposed(&prompt));
    QSignalSpy trusted(&prompt, &CertificatePrompt::trusted);
    QSignalSpy declined(&prompt, &CertificatePrompt::declined);
    QTest::keyClick(&prompt, Qt::Key_Escape);
    QCOMPARE(declined.count(), 1);
    QCOMPARE(trusted.count(), 0);
}

void TestCertificatePrompt::nothingToTrustWithoutCertificate()
{
    ferry::client::SessionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:1"));
    ferry::client::Session session(options);
    QVERIFY(!CertificatePrompt::askFor(&session));
}

void TestCertificatePrompt::trustsRealAgentOnFirstContact()
{
    QTemporaryDir dir;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), dir.filePath(QStringLiteral("a.key")),
                   QStringLiteral("-out"), dir.filePath(QStringLiteral("a.pem")), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=ferry-test")});
    QVERIFY(openssl.waitForFinished(30000) && openssl.exitCode() == 0);
    AgentProcess agent;
    QVERIFY2(agent.start({QStringLiteral("--cert"), dir.filePath(QStringLiteral("a.pem")), QStringLiteral("--key"), dir.filePath(QStringLiteral("a.key"))}),
             qPrintable(agent.errorString()));
    const QRegularExpression printed(QStringLiteral("certificate SHA256:([0-9A-F:]+)"));
    QString agentSays;
    QTRY_VERIFY((agentSays = printed.match(agent.output()).captured(1), !agentSays.isEmpty()));

    ferry::client::SessionOptions options;
    options.url = QUrl(agent.url());
    options.token = *ferry::net::auth::loadToken(agent.tokenFile(), false);
    options.knownAgentsPath = dir.filePath(QStringLiteral("known_agents"));
    options.reconnectForMs = 0;
    ferry::client::Session session(options);
    QSignalSpy failed(&session, &ferry::client::Session::failed);
    QSignalSpy connected(&session, &ferry::client::Session::connected);
    session.open();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);
    QCOMPARE(session.lastError().code, ferry::ErrorCode::UntrustedCertificate);

    QPointer<CertificatePrompt> prompt = CertificatePrompt::askFor(&session);
    QVERIFY(prompt);
    QVERIFY(prompt->isVisible());
    QVERIFY(!prompt->isChange());
    QCOMPARE(prompt->displayedFingerprint(), agentSays);
    QCOMPARE(prompt->hostPort(), QStringLiteral("127.0.0.1:%1").arg(agent.port()));
    prompt->trustButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 15000);

    // Pinned for next time.
    QFile known(options.knownAgentsPath);
    QVERIFY(known.open(QIODevice::ReadOnly));
    QVERIFY(known.readAll().contains(session.peerFingerprint().toHex()));
    session.close();
}

QTEST_MAIN(TestCertificatePrompt)
#include "tst_certificateprompt.moc"
