// SPDX-License-Identifier: GPL-3.0-or-later
// The portable agent as a shell session knows it: its checksums in the forms
// a remote shell computes (sha256sum, POSIX cksum, checked against the real
// tools), and the build's FILE.sha256 trusted only while it is no older than
// the file.
#include "core/client/agentbundle.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using ferry::client::AgentBundle;

namespace {

QByteArray run(const QString &command)
{
    QProcess process;
    process.start(u"/bin/sh"_s, {u"-c"_s, command});
    process.waitForFinished();
    return process.readAllStandardOutput().trimmed();
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

void setMtime(const QString &path, const QDateTime &when)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(when, QFileDevice::FileModificationTime));
}

} // namespace

class TestAgentBundle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sumsMatchTheTools_data();
    void sumsMatchTheTools();
    void sidecarWhileCurrent();
    void missing();
};

void TestAgentBundle::sumsMatchTheTools_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte") << QByteArray("x");
    QByteArray big(3 * 1024 * 1024 + 257, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char((i * 7919) >> 3);
    QTest::newRow("over a MiB, length over 16 bits") << big;
}

void TestAgentBundle::sumsMatchTheTools()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"agent"_s);
    write(path, contents);
    const auto bundle = AgentBundle::find(path);
    QVERIFY2(bundle, bundle ? "" : qPrintable(bundle.error().message));
    QCOMPARE(bundle->size(), contents.size());
    QCOMPARE(bundle->sha256(), "sha256:" + run(u"sha256sum < "_s + path).split(' ').first());
    const QList<QByteArray> cksum = run(u"cksum < "_s + path).split(' ');
    const auto sum = bundle->cksum();
    QVERIFY(sum);
    QCOMPARE(*sum, "cksum:" + cksum.value(0) + ':' + cksum.value(1));
}

void TestAgentBundle::sidecarWhileCurrent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"agent"_s);
    write(path, "agent bytes");
    const QByteArray claimed(64, 'a');
    write(path + u".sha256"_s, claimed + "  agent\n");
    const QDateTime now = QDateTime::currentDateTime();
    setMtime(path, now.addSecs(-10));
    setMtime(path + u".sha256"_s, now.addSecs(-5));
    // The build's word is taken while it is no older than the file.
    auto bundle = AgentBundle::find(path);
    QVERIFY(bundle);
    QCOMPARE(bundle->sha256(), "sha256:" + claimed);
    // A file changed after it: hashed again.
    setMtime(path, now);
    bundle = AgentBundle::find(path);
    QVERIFY(bundle);
    QCOMPARE(bundle->sha256(), "sha256:" + run(u"sha256sum < "_s + path).split(' ').first());
    // Not a hash at all: ignored.
    write(path + u".sha256"_s, "not a hash\n");
    setMtime(path + u".sha256"_s, now.addSecs(5));
    setMtime(path, now.addSecs(1));
    bundle = AgentBundle::find(path);
    QVERIFY(bundle);
    QCOMPARE(bundle->sha256(), "sha256:" + run(u"sha256sum < "_s + path).split(' ').first());
}

void TestAgentBundle::missing()
{
    const auto bundle = AgentBundle::find(u"/nonexistent/ferry-agent"_s);
    QVERIFY(!bundle);
    QVERIFY2(bundle.error().message.contains(u"/nonexistent/ferry-agent"_s), qPrintable(bundle.error().message));
}

QTEST_GUILESS_MAIN(TestAgentBundle)
#include "tst_agentbundle.moc"
