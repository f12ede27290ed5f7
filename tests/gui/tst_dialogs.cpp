// SPDX-License-Identifier: GPL-3.0-or-later
// Preferences, the preferences and properties dialogs driven by keyboard,
// and desktop notifications on a private D-Bus session bus.
#include "ui/notifier.h"
#include "ui/preferences.h"
#include "ui/preferencesdialog.h"
#include "ui/propertiesdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using ferry::copy::ConflictPolicy;
using ferry::protocol::Entry;
using ferry::ui::Notifier;
using ferry::ui::Preferences;
using ferry::ui::PreferencesDialog;
using ferry::ui::PropertiesDialog;

namespace {

template<typename T>
T *byName(QWidget *root, const QString &accessibleName)
{
    const auto all = root->findChildren<T *>();
    for (T *w : all)
        if (w->accessibleName() == accessibleName)
            return w;
    return nullptr;
}

void retype(QWidget *edit, const QString &text)
{
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

// Bits in the order of their checkboxes' accessible names below.
const quint32 modeBits[] = {04000, 02000, 01000, 0400, 0200, 0100, 040, 020, 010, 04, 02, 01};
const char *const modeNames[] = {"Set user ID",     "Set group ID",   "Sticky",          "Owner may read",
                                 "Owner may write", "Owner may execute", "Group may read", "Group may write",
                                 "Group may execute", "Others may read", "Others may write", "Others may execute"};

} // namespace

/// Stands in for a desktop's notification daemon and records every call.
class FakeNotifications final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call {
        QString appName;
        QString summary;
        QString body;
        QVariantMap hints;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(appIcon)
        Q_UNUSED(actions)
        Q_UNUSED(expireTimeout)
        calls.append(Call{appName, summary, body, hints});
        return uint(calls.size());
    }
};

class TestDialogs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void preferencesRoundTrip();
    void colorSchemes();
    void preferencesOutOfRange();
    void preferencesDialogKeyboard();
    void preferencesDialogRestoreDefaults();
    void preferencesDialogBounds();

    void propertiesCheckboxesToOctal_data();
    void propertiesCheckboxesToOctal();
    void propertiesOctalToCheckboxes_data();
    void propertiesOctalToCheckboxes();
    void propertiesRefusesInvalidOctal();
    void propertiesRequestsChmodOnOk();
    void propertiesDetails();

    void notifiesLongJobInBackground();
    void quietForActiveWindowOrShortJob();
    void fallsBackWithoutService();

private:
    bool startBus();
    void makeInactive(QWidget *window);

    QProcess m_daemon;
    QTemporaryDir m_busDir;
    QString m_busAddress;
};

void TestDialogs::initTestCase()
{
    // QSettings and every other standard location go to ~/.qttest.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ferry-tests"_s);
    QCoreApplication::setApplicationName(u"tst_ui_dialogs"_s);
    // Typed seconds and shown byte counts in one known locale, whatever
    // the host's.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QSettings settings;
    settings.clear();
}

void TestDialogs::cleanupTestCase()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        m_daemon.waitForFinished(5000);
    }
    QSettings settings;
    settings.clear();
}

void TestDialogs::preferencesRoundTrip()
{
    QSettings settings;
    QVERIFY2(settings.fileName().contains(u".qttest"_s), qPrintable(settings.fileName()));
    settings.remove(u"preferences"_s);
    QCOMPARE(Preferences::load(settings), Preferences{});

    Preferences p;
    p.conflictPolicy = ConflictPolicy::Newer;
    p.preservePermissions = false;
    p.preserveTimes = false;
    p.parallelTransfers = 9;
    p.uploadLimit = 1000;
    p.downloadLimit = 5 * 1024 * 1024;
    p.heartbeatMs = 2000;
    p.deadAfterMs = 7000;
    p.showHiddenFiles = true;
    p.showLocalPane = false;
    p.notifyLongJobs = false;
    p.compression = ferry::net::CompressionMode::On;
    p.colorScheme = Preferences::ColorScheme::Dark;
    p.save(settings);
    settings.sync();
    QCOMPARE(settings.value(u"preferences/conflictPolicy"_s).toString(), u"newer"_s);
    QCOMPARE(settings.value(u"preferences/compression"_s).toString(), u"on"_s);
    QCOMPARE(settings.value(u"preferences/colorScheme"_s).toString(), u"dark"_s);

    QSettings reread;
    QCOMPARE(Preferences::load(reread), p);
    QCOMPARE(Preferences::load(), p); // the default QSettings is the same file
}

void TestDialogs::colorSchemes()
{
    // Dark and light whatever the platform can do, and back to its own.
    const QColor platformWindow = QApplication::palette().color(QPalette::Window);
    ferry::ui::applyColorScheme(Preferences::ColorScheme::Dark);
    QVERIFY2(QApplication::palette().color(QPalette::Window).lightness() < 100, qPrintable(QApplication::palette().color(QPalette::Window).name()));
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 160);
    QWidget widget;
    QVERIFY(widget.palette().color(QPalette::Base).lightness() < 100);
    ferry::ui::applyColorScheme(Preferences::ColorScheme::Light);
    QVERIFY2(QApplication::palette().color(QPalette::Window).lightness() > 160, qPrintable(QApplication::palette().color(QPalette::Window).name()));
    ferry::ui::applyColorScheme(Preferences::ColorScheme::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window), platformWindow);

    // Chosen in the dialog's View page.
    Preferences chosen;
    PreferencesDialog dialog(chosen);
    auto *scheme = dialog.findChild<QComboBox *>(u"colorScheme"_s);
    QVERIFY(scheme);
    QCOMPARE(scheme->currentData().toInt(), int(Preferences::ColorScheme::System));
    scheme->setCurrentIndex(scheme->findData(int(Preferences::ColorScheme::Dark)));
    QCOMPARE(dialog.preferences().colorScheme, Preferences::ColorScheme::Dark);
}

void TestDialogs::preferencesOutOfRange()
{
    QSettings settings;
    settings.remove(u"preferences"_s);
    settings.beginGroup(u"preferences"_s);
    settings.setValue(u"conflictPolicy"_s, u"sometimes"_s);
    settings.setValue(u"parallelTransfers"_s, 99);
    settings.setValue(u"uploadLimit"_s, -5);
    settings.setValue(u"heartbeatMs"_s, 100);
    settings.setValue(u"deadAfterMs"_s, 1500);
    settings.setValue(u"showLocalPane"_s, u"not a number"_s);
    settings.setValue(u"downloadLimit"_s, u"lots"_s);
    settings.setValue(u"compression"_s, u"sometimes"_s);
    settings.endGroup();

    const Preferences p = Preferences::load(settings);
    QCOMPARE(p.conflictPolicy, ConflictPolicy::Ask);
    QCOMPARE(p.parallelTransfers, Preferences::MaxParallelTransfers);
    QCOMPARE(p.uploadLimit, qint64(0));
    QCOMPARE(p.downloadLimit, qint64(0));
    QCOMPARE(p.heartbeatMs, Preferences::MinHeartbeatMs);
    QVERIFY(p.deadAfterMs > 2 * p.heartbeatMs);
    QCOMPARE(p.compression, ferry::net::CompressionMode::Auto);
    settings.remove(u"preferences"_s);
}

void TestDialogs::preferencesDialogKeyboard()
{
    PreferencesDialog dialog(Preferences{});
    QSignalSpy accepted(&dialog, &PreferencesDialog::preferencesAccepted);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *tabs = dialog.findChild<QTabWidget *>();

    // Transfers page, every control reached through its mnemonic.
    QTest::keyClick(&dialog, Qt::Key_W, Qt::AltModifier);
    auto *policy = byName<QComboBox>(&dialog, u"When a destination exists"_s);
    QVERIFY(policy && policy->hasFocus());
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(policy, Qt::Key_Down);
    QCOMPARE(policy->currentText(), u"Overwrite if newer"_s);

    QTest::keyClick(&dialog, Qt::Key_P, Qt::AltModifier);
    QTRY_VERIFY(!byName<QCheckBox>(&dialog, u"Keep permissions"_s)->isChecked());
    auto *times = byName<QCheckBox>(&dialog, u"Keep modification times"_s);
    QTest::keyClick(&dialog, Qt::Key_I, Qt::AltModifier);
    QVERIFY(times->hasFocus());
    QTRY_VERIFY(!times->isChecked());

    QTest::keyClick(&dialog, Qt::Key_L, Qt::AltModifier);
    auto *parallel = byName<QSpinBox>(&dialog, u"Parallel transfers"_s);
    QVERIFY(parallel->hasFocus());
    retype(parallel, u"8"_s);
    QTest::keyClick(&dialog, Qt::Key_U, Qt::AltModifier);
    auto *upload = byName<QSpinBox>(&dialog, u"Upload limit"_s);
    QVERIFY(upload->hasFocus());
    retype(upload, u"512"_s);
    QCOMPARE(byName<QSpinBox>(&dialog, u"Download limit"_s)->text(), u"Unlimited"_s);

    // Connection page.
    QTest::keyClick(&dialog, Qt::Key_C, Qt::AltModifier);
    QCOMPARE(tabs->currentIndex(), 1);
    QTest::keyClick(&dialog, Qt::Key_H, Qt::AltModifier);
    auto *heartbeat = byName<QDoubleSpinBox>(&dialog, u"Heartbeat interval"_s);
    QVERIFY(heartbeat->hasFocus());
    retype(heartbeat, u"3"_s);
    QTest::keyClick(&dialog, Qt::Key_L, Qt::AltModifier);
    auto *deadAfter = byName<QDoubleSpinBox>(&dialog, u"Agent lost after"_s);
    QVERIFY(deadAfter->hasFocus());
    retype(deadAfter, u"6"_s);
    // Two heartbeats exactly: refused, with the reason shown.
    QVERIFY(!dialog.isValid());
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(byName<QLabel>(&dialog, u"Timing error"_s)->isVisible());
    retype(deadAfter, u"6.5"_s);
    QVERIFY(dialog.isValid());
    QVERIFY(!byName<QLabel>(&dialog, u"Timing error"_s)->isVisible());
    QTest::keyClick(&dialog, Qt::Key_W, Qt::AltModifier);
    auto *compression = byName<QComboBox>(&dialog, u"Compression on the wire"_s);
    QVERIFY(compression->hasFocus());
    QCOMPARE(compression->currentText(), u"Automatic (what shrinks)"_s);
    QTest::keyClick(compression, Qt::Key_End);
    QCOMPARE(compression->currentText(), u"Never"_s);

    // Notifications and view pages.
    QTest::keyClick(&dialog, Qt::Key_N, Qt::AltModifier);
    QCOMPARE(tabs->currentIndex(), 2);
    QTest::keyClick(&dialog, Qt::Key_M, Qt::AltModifier);
    QTRY_VERIFY(!byName<QCheckBox>(&dialog, u"Notify when a long transfer ends"_s)->isChecked());
    QTest::keyClick(&dialog, Qt::Key_V, Qt::AltModifier);
    QCOMPARE(tabs->currentIndex(), 3);
    QTest::keyClick(&dialog, Qt::Key_H, Qt::AltModifier);
    QTRY_VERIFY(byName<QCheckBox>(&dialog, u"Show hidden files"_s)->isChecked());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space); // the local pane box, next in the tab chain
    QVERIFY(!byName<QCheckBox>(&dialog, u"Show the local pane"_s)->isChecked());

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    Preferences expected;
    expected.conflictPolicy = ConflictPolicy::Newer;
    expected.preservePermissions = false;
    expected.preserveTimes = false;
    expected.parallelTransfers = 8;
    expected.uploadLimit = 512 * 1024;
    expected.downloadLimit = 0;
    expected.heartbeatMs = 3000;
    expected.deadAfterMs = 6500;
    expected.compression = ferry::net::CompressionMode::Off;
    expected.notifyLongJobs = false;
    expected.showHiddenFiles = true;
    expected.showLocalPane = false;
    QCOMPARE(dialog.preferences(), expected);
    QCOMPARE(accepted.first().first().value<Preferences>(), expected);
}

void TestDialogs::preferencesDialogRestoreDefaults()
{
    Preferences custom;
    custom.conflictPolicy = ConflictPolicy::Fail;
    custom.parallelTransfers = 2;
    custom.downloadLimit = 4096;
    custom.showHiddenFiles = true;
    PreferencesDialog dialog(custom);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(dialog.preferences(), custom);
    QTest::keyClick(&dialog, Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(dialog.preferences(), Preferences{});
    // Cancel keeps nothing.
    QSignalSpy accepted(&dialog, &PreferencesDialog::preferencesAccepted);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(accepted.count(), 0);
}

void TestDialogs::preferencesDialogBounds()
{
    Preferences wild;
    wild.parallelTransfers = 99;
    wild.heartbeatMs = 10;
    wild.deadAfterMs = 1;
    wild.uploadLimit = 1000; // less than one KiB/s: kept exactly, never "Unlimited"
    PreferencesDialog dialog(wild);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    Preferences p = dialog.preferences();
    QCOMPARE(p.parallelTransfers, Preferences::MaxParallelTransfers);
    QCOMPARE(p.heartbeatMs, Preferences::MinHeartbeatMs);
    QVERIFY(p.deadAfterMs > 2 * p.heartbeatMs);
    QCOMPARE(p.uploadLimit, qint64(1000));
    QVERIFY(dialog.isValid());

    auto *parallel = byName<QSpinBox>(&dialog, u"Parallel transfers"_s);
    parallel->setFocus();
    QTest::keyClick(parallel, Qt::Key_Up);
    QCOMPARE(parallel->value(), Preferences::MaxParallelTransfers);
    retype(parallel, u"0"_s); // below the minimum: not taken
    QTest::keyClick(parallel, Qt::Key_Tab);
    QVERIFY(parallel->value() >= Preferences::MinParallelTransfers);
    parallel->setFocus();
    retype(parallel, u"99"_s); // "9" fits, the second digit is refused
    QCOMPARE(parallel->value(), 9);

    auto *upload = byName<QSpinBox>(&dialog, u"Upload limit"_s);
    upload->setFocus();
    retype(upload, u"99999999"_s);
    QVERIFY(dialog.preferences().uploadLimit <= qint64(upload->maximum()) * 1024);
    QVERIFY(dialog.preferences().uploadLimit > 0);
}

void TestDialogs::propertiesCheckboxesToOctal_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<quint32>("mode");
    QTest::addColumn<QString>("octal");
    QTest::addColumn<QString>("symbolic");
    QTest::newRow("file 0644") << int(Entry::Type::File) << 0644u << u"0644"_s << u"-rw-r--r--"_s;
    QTest::newRow("script 0755") << int(Entry::Type::File) << 0755u << u"0755"_s << u"-rwxr-xr-x"_s;
    QTest::newRow("private 0600") << int(Entry::Type::File) << 0600u << u"0600"_s << u"-rw-------"_s;
    QTest::newRow("setuid 4755") << int(Entry::Type::File) << 04755u << u"4755"_s << u"-rwsr-xr-x"_s;
    QTest::newRow("sticky folder 1777") << int(Entry::Type::Directory) << 01777u << u"1777"_s << u"drwxrwxrwt"_s;
}

void TestDialogs::propertiesCheckboxesToOctal()
{
    QFETCH(int, type);
    QFETCH(quint32, mode);
    QFETCH(QString, octal);
    QFETCH(QString, symbolic);

    Entry entry{u"item"_s, Entry::Type(type), 10, 0, 0, {}, -1, -1, {}, {}};
    PropertiesDialog dialog(entry, u"dir/item"_s);
    QSignalSpy edited(&dialog, &PropertiesDialog::modeEdited);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *edit = byName<QLineEdit>(&dialog, u"Numeric permissions"_s);
    QCOMPARE(edit->text(), u"0000"_s);

    for (int i = 0; i < 12; ++i) {
        if (!(mode & modeBits[i]))
            continue;
        auto *box = byName<QCheckBox>(&dialog, QLatin1StringView(modeNames[i]));
        QVERIFY2(box, modeNames[i]);
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Space);
        QVERIFY(box->isChecked());
    }
    QCOMPARE(dialog.mode(), mode);
    QCOMPARE(edit->text(), octal);
    QCOMPARE(dialog.findChild<QLabel *>(u"symbolicMode"_s)->text(), symbolic);
    QCOMPARE(int(edited.count()), int(qPopulationCount(mode)));
    QVERIFY(dialog.modeChanged());
}

void TestDialogs::propertiesOctalToCheckboxes_data()
{
    propertiesCheckboxesToOctal_data();
}

void TestDialogs::propertiesOctalToCheckboxes()
{
    QFETCH(int, type);
    QFETCH(quint32, mode);
    QFETCH(QString, octal);
    QFETCH(QString, symbolic);

    Entry entry{u"item"_s, Entry::Type(type), 10, 0, 0, {}, -1, -1, {}, {}};
    PropertiesDialog dialog(entry, u"item"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClick(&dialog, Qt::Key_N, Qt::AltModifier);
    auto *edit = byName<QLineEdit>(&dialog, u"Numeric permissions"_s);
    QVERIFY(edit->hasFocus());
    retype(edit, octal);
    QCOMPARE(dialog.mode(), mode);
    QCOMPARE(dialog.findChild<QLabel *>(u"symbolicMode"_s)->text(), symbolic);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(byName<QCheckBox>(&dialog, QLatin1StringView(modeNames[i]))->isChecked(), bool(mode & modeBits[i]));

    // Three digits mean the same with a leading zero.
    if (octal.startsWith(u'0')) {
        retype(edit, octal.mid(1));
        QCOMPARE(dialog.mode(), mode);
        QTest::keyClick(edit, Qt::Key_Tab);
        QCOMPARE(edit->text(), octal);
    }
}

void TestDialogs::propertiesRefusesInvalidOctal()
{
    Entry entry{u"notes.txt"_s, Entry::Type::File, 10, 0644, 0, {}, -1, -1, {}, {}};
    PropertiesDialog dialog(entry, u"notes.txt"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *edit = byName<QLineEdit>(&dialog, u"Numeric permissions"_s);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    edit->setFocus();

    retype(edit, u"9"_s);
    QCOMPARE(edit->text(), u"0644"_s); // replaced selection refused: nothing changes
    retype(edit, u"0x7"_s);
    QCOMPARE(edit->text(), u"07"_s);
    QCOMPARE(dialog.mode(), 0644u);     // half typed: not applied
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(edit, u"558"_s);
    QCOMPARE(edit->text(), u"0755"_s); // the fifth digit does not fit
    QCOMPARE(dialog.mode(), 0755u);
    QVERIFY(ok->isEnabled());

    // Leaving a half-typed value puts the mode in force back.
    retype(edit, u"06"_s);
    QTest::keyClick(edit, Qt::Key_Tab);
    QCOMPARE(edit->text(), u"0755"_s);
    QCOMPARE(dialog.mode(), 0755u);
    QVERIFY(ok->isEnabled());
}

void TestDialogs::propertiesRequestsChmodOnOk()
{
    Entry entry{u"run.sh"_s, Entry::Type::File, 10, 0644, 0, {}, -1, -1, {}, {}};
    {
        PropertiesDialog dialog(entry, u"bin/run.sh"_s);
        QSignalSpy chmod(&dialog, &PropertiesDialog::chmodRequested);
        QSignalSpy finished(&dialog, &QDialog::finished);
        dialog.open(); // window-modal, returns at once
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QVERIFY(!dialog.modeChanged());
        QTest::keyClick(&dialog, Qt::Key_N, Qt::AltModifier); // the numeric field
        for (int i = 0; i < 4; ++i) // back over sticky, set group ID, set user ID
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget()->accessibleName(), u"Others may execute"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(dialog.mode(), 0645u);
        QVERIFY(dialog.modeChanged());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(chmod.count(), 1);
        QCOMPARE(chmod.first().at(0).toString(), u"bin/run.sh"_s);
        QCOMPARE(chmod.first().at(1).value<quint32>(), 0645u);
    }
    {
        // OK without a change asks for nothing; Cancel never does.
        PropertiesDialog dialog(entry, u"bin/run.sh"_s);
        QSignalSpy chmod(&dialog, &PropertiesDialog::chmodRequested);
        dialog.open();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCOMPARE(chmod.count(), 0);
        dialog.setMode(0600);
        dialog.open();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(chmod.count(), 0);
    }
}

void TestDialogs::propertiesDetails()
{
    Entry file{u"report.pdf"_s, Entry::Type::File, 1536 * 1024, 0640, 1700000000LL * 1000000000LL, {}, 1000, 100, u"alice"_s, {}};
    PropertiesDialog fileDialog(file, u"docs/report.pdf"_s);
    const auto texts = [](QWidget *w) {
        QStringList all;
        for (QLabel *l : w->findChildren<QLabel *>())
            all << l->text();
        return all.join(u'\n');
    };
    QString shown = texts(&fileDialog);
    QVERIFY2(shown.contains(u"1.5 MiB (1,572,864 bytes)"_s), qPrintable(shown));
    QVERIFY(shown.contains(u"/docs"_s));
    QVERIFY(shown.contains(u"-rw-r-----"_s));
    QVERIFY(fileDialog.findChild<QLabel *>(u"iconLabel"_s));
    // The owner by name and number; a group the agent's system cannot name
    // by its number.
    QCOMPARE(fileDialog.findChild<QLabel *>(u"ownerValue"_s)->text(), u"alice (1000)"_s);
    QCOMPARE(fileDialog.findChild<QLabel *>(u"groupValue"_s)->text(), u"100"_s);

    Entry folder{u"data"_s, Entry::Type::Directory, 0, 0755, 0, {}, -1, -1, {}, {}};
    PropertiesDialog folderDialog(folder, u"data"_s);
    shown = texts(&folderDialog);
    // The folder alone unless asked: "Apply changes to all contents" starts off.
    auto *recursive = folderDialog.findChild<QCheckBox *>(u"applyRecursively"_s);
    QVERIFY(recursive);
    QVERIFY(!recursive->isChecked());
    QVERIFY(!fileDialog.findChild<QCheckBox *>(u"applyRecursively"_s));
    QVERIFY(shown.contains(u"drwxr-xr-x"_s));
    QVERIFY(folderDialog.isModeEditable());

    Entry link{u"latest"_s, Entry::Type::Symlink, 0, 0777, 0, u"releases/1.0"_s, -1, -1, {}, {}};
    PropertiesDialog linkDialog(link, u"latest"_s);
    shown = texts(&linkDialog);
    QVERIFY(shown.contains(u"releases/1.0"_s));
    QVERIFY(!linkDialog.isModeEditable());
    QVERIFY(!byName<QLineEdit>(&linkDialog, u"Numeric permissions"_s)->isEnabled());
}

bool TestDialogs::startBus()
{
    if (!m_busAddress.isEmpty())
        return true;
    const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    if (daemon.isEmpty()) {
        qWarning("dbus-daemon is missing: scripts/setup installs it");
        return false;
    }
    // A bus of our own: no service files, so nothing can be activated and
    // the host's desktop never sees these notifications.
    QFile config(m_busDir.filePath(u"bus.conf"_s));
    if (!config.open(QIODevice::WriteOnly))
        return false;
    config.write(R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=)" + m_busDir.path().toUtf8() + R"(</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)");
    config.close();
    m_daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_daemon.start(daemon, {u"--config-file="_s + config.fileName(), u"--nofork"_s, u"--print-address=1"_s});
    if (!m_daemon.waitForStarted(5000))
        return false;
    QDeadlineTimer deadline(10s);
    while (!m_daemon.canReadLine() && !deadline.hasExpired())
        m_daemon.waitForReadyRead(int(deadline.remainingTime()));
    m_busAddress = QString::fromUtf8(m_daemon.readLine()).trimmed();
    return !m_busAddress.isEmpty();
}

void TestDialogs::makeInactive(QWidget *window)
{
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *other = new QWidget;
    other->setAttribute(Qt::WA_DeleteOnClose);
    other->setWindowTitle(u"Another application"_s);
    other->show();
    other->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(other));
    QVERIFY(!window->isActiveWindow());
    connect(window, &QObject::destroyed, other, &QWidget::close);
}

void TestDialogs::notifiesLongJobInBackground()
{
    QVERIFY(startBus());
    QDBusConnection serviceBus = QDBusConnection::connectToBus(m_busAddress, u"notifications-service"_s);
    QDBusConnection clientBus = QDBusConnection::connectToBus(m_busAddress, u"notifications-client"_s);
    QVERIFY2(serviceBus.isConnected(), qPrintable(serviceBus.lastError().message()));
    FakeNotifications fake;
    QVERIFY(serviceBus.registerObject(u"/org/freedesktop/Notifications"_s, &fake, QDBusConnection::ExportAllSlots));
    QVERIFY(serviceBus.registerService(u"org.freedesktop.Notifications"_s));

    QWidget window;
    makeInactive(&window);
    Notifier notifier(clientBus);
    QSignalSpy shown(&notifier, &Notifier::notificationShown);
    QCOMPARE(notifier.jobFinished(&window, {}, u"3 files, 12 MiB to :docs"_s, false, 42s), Notifier::Outcome::Notification);
    QVERIFY(shown.wait(5000));
    QTest::qWait(100); // a second call would have arrived by now
    QCOMPARE(fake.calls.size(), 1);
    QCOMPARE(fake.calls[0].summary, u"Transfer finished"_s);
    QCOMPARE(fake.calls[0].body, u"3 files, 12 MiB to :docs"_s);
    QCOMPARE(fake.calls[0].hints.value(u"urgency"_s).toInt(), 1);
    QCOMPARE(notifier.notificationsSent(), 1);

    QCOMPARE(notifier.jobFinished(&window, {}, u"report.pdf: no space left"_s, true, 11s), Notifier::Outcome::Notification);
    QTRY_COMPARE(fake.calls.size(), 2);
    QCOMPARE(fake.calls[1].summary, u"Transfer failed"_s);
    QCOMPARE(fake.calls[1].hints.value(u"urgency"_s).toInt(), 2);
    QCOMPARE(notifier.lastOutcome(), Notifier::Outcome::Notification);

    serviceBus.unregisterService(u"org.freedesktop.Notifications"_s);
    serviceBus.unregisterObject(u"/org/freedesktop/Notifications"_s);
    QDBusConnection::disconnectFromBus(serviceBus.name());
    QDBusConnection::disconnectFromBus(clientBus.name());
}

void TestDialogs::quietForActiveWindowOrShortJob()
{
    QVERIFY(startBus());
    QDBusConnection serviceBus = QDBusConnection::connectToBus(m_busAddress, u"quiet-service"_s);
    QDBusConnection clientBus = QDBusConnection::connectToBus(m_busAddress, u"quiet-client"_s);
    FakeNotifications fake;
    QVERIFY(serviceBus.registerObject(u"/org/freedesktop/Notifications"_s, &fake, QDBusConnection::ExportAllSlots));
    QVERIFY(serviceBus.registerService(u"org.freedesktop.Notifications"_s));
    Notifier notifier(clientBus);

    QWidget window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(notifier.jobFinished(&window, {}, u"done"_s, false, 60s), Notifier::Outcome::None);

    makeInactive(&window);
    QCOMPARE(notifier.jobFinished(&window, {}, u"done"_s, false, 2s), Notifier::Outcome::None);
    notifier.setEnabled(false);
    QCOMPARE(notifier.jobFinished(&window, {}, u"done"_s, false, 60s), Notifier::Outcome::None);
    QTest::qWait(200);
    QCOMPARE(fake.calls.size(), 0);
    QCOMPARE(notifier.notificationsSent(), 0);

    // A lower threshold makes the same short job worth a notification.
    notifier.setEnabled(true);
    notifier.setThreshold(1s);
    QCOMPARE(notifier.jobFinished(&window, u"Upload finished"_s, u"done"_s, false, 2s), Notifier::Outcome::Notification);
    QTRY_COMPARE(fake.calls.size(), 1);
    QCOMPARE(fake.calls[0].summary, u"Upload finished"_s);

    serviceBus.unregisterService(u"org.freedesktop.Notifications"_s);
    QDBusConnection::disconnectFromBus(serviceBus.name());
    QDBusConnection::disconnectFromBus(clientBus.name());
}

void TestDialogs::fallsBackWithoutService()
{
    QVERIFY(startBus());
    QDBusConnection clientBus = QDBusConnection::connectToBus(m_busAddress, u"fallback-client"_s);
    QVERIFY(clientBus.isConnected());
    QVERIFY(!clientBus.interface()->isServiceRegistered(u"org.freedesktop.Notifications"_s).value());
    QWidget window;
    makeInactive(&window);

    Notifier notifier(clientBus);
    QCOMPARE(notifier.jobFinished(&window, {}, u"done"_s, false, 30s), Notifier::Outcome::Alert);
    QCOMPARE(notifier.notificationsSent(), 0);
    QDBusConnection::disconnectFromBus(clientBus.name());

    // No bus at all (a desktop without D-Bus): the same fallback.
    Notifier unconnected(QDBusConnection(u"no-such-connection"_s));
    QCOMPARE(unconnected.jobFinished(&window, {}, u"done"_s, true, 30s), Notifier::Outcome::Alert);
    QCOMPARE(unconnected.lastOutcome(), Notifier::Outcome::Alert);
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
