// SPDX-License-Identifier: GPL-3.0-or-later
// The three programs start and answer --version and --help, without a
// display too.
#include <QProcess>
#include <QTest>

class TestPrograms final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answers_data();
    void answers();
};

void TestPrograms::answers_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");

    const QStringList programs{QStringLiteral("ferry"), QStringLiteral("ferry-agent"), QStringLiteral("ferry-cli")};
    for (const QString &program : programs) {
        QTest::newRow(qPrintable(program + QStringLiteral(" --version")))
            << program << QStringLiteral("--version") << QString(program + QLatin1Char(' ') + QStringLiteral(FERRY_VERSION));
        QTest::newRow(qPrintable(program + QStringLiteral(" --help")))
            << program << QStringLiteral("--help") << QStringLiteral("Usage: ");
    }
}

void TestPrograms::answers()
{
    QFETCH(QString, program);
    QFETCH(QString, option);
    QFETCH(QString, expected);

    QProcess process;
    // As from a terminal without a display: help and the version need none.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FERRY_BIN_DIR "/") + program, {option});
    QVERIFY2(process.waitForFinished(30000), qPrintable(process.errorString()));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(out.contains(expected), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestPrograms)
#include "tst_programs.moc"
