// SPDX-License-Identifier: GPL-3.0-or-later
// Open and edit remote files against a real agent: a file activated in the
// remote pane is fetched into the connection's cache and opened through
// xdg-open in the application that a real desktop entry and mimeapps.list
// make the default for text/plain, here a script that saves the file with
// one more line the way editors do (a new file renamed over it). Each save
// goes back to the remote file; a remote change made meanwhile is asked
// about; Open With… starts the chosen entry's Exec; a file inside an
// archive is opened read-only and never uploaded; the cache goes with the
// window.
#include "support/agentprocess.h"

#include "core/client/session.h"
#include "core/net/auth.h"
#include "ui/desktopapplications.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/openwithdialog.h"
#include "ui/remotebrowser.h"
#include "ui/remotedirmodel.h"
#include "ui/remoteeditor.h"
#include "ui/transferdock.h"
#include "ui/transferqueuemodel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

class TestEditing final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void execLines_data();
    void execLines();
    void applicationsForAType();
    void editRoundTrip();
    void remoteChangeAsksFirst();
    void keepTheRemoteOne();
    void failedUploadIsTold();
    void openWithChosenApplication();
    void linkOpensWhatItLeadsTo();
    void archiveMemberIsReadOnly();

private:
    QModelIndex remoteRow(const QString &shown) const;
    QByteArray content(const QString &path) const;
    /// A stand-in editor that saves its file with @p line added.
    QString writeEditor(const QString &name, const QByteArray &line);
    /// Opens @p name with the editor held until the remote file was
    /// replaced by @p change (or, when null, by a folder); the question
    /// about it is on screen then.
    QMessageBox *openAndChangeRemotely(const QString &name, const QByteArray &change);
    QStringList editorRuns() const;

    QTemporaryDir m_xdg;
    QString m_log;
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<ferry::client::Session> m_session;
    std::unique_ptr<ferry::ui::MainWindow> m_window;
};

QString TestEditing::writeEditor(const QString &name, const QByteArray &line)
{
    // With FERRY_TEST_GO set, it waits for that file first: the test makes
    // its remote change while the file is open.
    const QString path = m_xdg.filePath(name);
    QFile script(path);
    if (!script.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    script.write("#!/bin/sh\n"
                 "file=\"$1\"\n"
                 "if [ -n \"$FERRY_TEST_GO\" ]; then i=0; while [ ! -e \"$FERRY_TEST_GO\" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; fi\n"
                 "tmp=\"$(dirname \"$file\")/.editor-save.$$\"\n"
                 "cat \"$file\" > \"$tmp\" && printf '%s\\n' '" + line + "' >> \"$tmp\" && mv -f \"$tmp\" \"$file\" && echo \"$file\" >> '"
                 + QFile::encodeName(m_log) + "'\n");
    script.close();
    script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

QStringList TestEditing::editorRuns() const
{
    QFile f(m_log);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

void TestEditing::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_xdg.isValid());
    m_log = m_xdg.filePath(u"editor-runs.log"_s);
    // A desktop of our own, read by xdg-open as by Open With…: two entries
    // for text/plain, the first one the default in mimeapps.list.
    const QString data = m_xdg.filePath(u"data"_s);
    const QString config = m_xdg.filePath(u"config"_s);
    QVERIFY(QDir().mkpath(data + u"/applications"_s));
    QVERIFY(QDir().mkpath(config));
    const QString editor = writeEditor(u"ferry-test-editor"_s, "added by the editor");
    const QString other = writeEditor(u"ferry-test-other"_s, "added by the other editor");
    QVERIFY(!editor.isEmpty() && !other.isEmpty());
    const auto entry = [&data](const QString &id, const QString &name, const QString &exec) {
        QFile f(data + u"/applications/"_s + id);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(u"[Desktop Entry]\nType=Application\nName=%1\nExec=%2 %f\nMimeType=text/plain;\nTerminal=false\n"_s.arg(name, exec).toUtf8());
        return true;
    };
    QVERIFY(entry(u"ferry-test-editor.desktop"_s, u"Ferry Test Editor"_s, editor));
    QVERIFY(entry(u"ferry-test-other.desktop"_s, u"Ferry Test Other"_s, other));
    QFile mimeapps(config + u"/mimeapps.list"_s);
    QVERIFY(mimeapps.open(QIODevice::WriteOnly));
    mimeapps.write("[Default Applications]\ntext/plain=ferry-test-editor.desktop\n");
    mimeapps.close();
    qputenv("XDG_DATA_HOME", QFile::encodeName(data));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config));
    // No known desktop: xdg-open takes its generic way through
    // mimeapps.list, which it only does when there is a display to show
    // the application on.
    for (const char *name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID", "BROWSER"})
        qunsetenv(name);
    qputenv("WAYLAND_DISPLAY", "ferry-test-no-display");
    if (QStandardPaths::findExecutable(u"xdg-open"_s).isEmpty())
        QSKIP("xdg-open (xdg-utils) is not installed: run scripts/setup");
}

void TestEditing::init()
{
    QFile::remove(m_log);
    qunsetenv("FERRY_TEST_GO");
    m_agent = std::make_unique<AgentProcess>();
    QVERIFY2(m_agent->start(), qPrintable(m_agent->errorString()));
    ferry::client::SessionOptions options;
    options.url = QUrl(m_agent->url());
    options.token = *ferry::net::auth::loadToken(m_agent->tokenFile(), false);
    m_session = std::make_unique<ferry::client::Session>(options);
    m_window = std::make_unique<ferry::ui::MainWindow>(m_session.get());
    QSignalSpy shown(m_window.get(), &ferry::ui::MainWindow::listingShown);
    m_window->show();
    m_session->open();
    QVERIFY(shown.wait(10000));
}

void TestEditing::cleanup()
{
    qunsetenv("FERRY_TEST_GO");
    m_window.reset();
    m_session.reset();
    m_agent.reset();
}

QModelIndex TestEditing::remoteRow(const QString &shown) const
{
    QAbstractItemModel *model = m_window->remoteView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data().toString() == shown)
            return model->index(row, 0);
    return {};
}

QByteArray TestEditing::content(const QString &path) const
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

void TestEditing::execLines_data()
{
    QTest::addColumn<QString>("exec");
    QTest::addColumn<QStringList>("expected");
    const QString file = u"/tmp/a b.txt"_s;
    const QString url = u"file:///tmp/a%20b.txt"_s;
    QTest::newRow("file code") << u"gedit %f"_s << QStringList{u"gedit"_s, file};
    QTest::newRow("url code") << u"kate -b %U"_s << QStringList{u"kate"_s, u"-b"_s, url};
    QTest::newRow("no code: file appended") << u"mousepad"_s << QStringList{u"mousepad"_s, file};
    QTest::newRow("quoted program") << u"\"/opt/My Editor/edit\" --new %F"_s << QStringList{u"/opt/My Editor/edit"_s, u"--new"_s, file};
    QTest::newRow("escapes in quotes") << u"sh -c \"echo \\\"\\$1\\\"\" %f"_s << QStringList{u"sh"_s, u"-c"_s, u"echo \"$1\""_s, file};
    QTest::newRow("percent kept, others dropped") << u"run --rate=50%% %k %f"_s << QStringList{u"run"_s, u"--rate=50%"_s, file};
    QTest::newRow("icon and name") << u"app %i --title=%c %f"_s << QStringList{u"app"_s, u"--icon"_s, u"ico"_s, u"--title=App"_s, file};
    QTest::newRow("unterminated quote") << u"\"broken %f"_s << QStringList{};
}

void TestEditing::execLines()
{
    QFETCH(QString, exec);
    QFETCH(QStringList, expected);
    QCOMPARE(ferry::ui::commandLine(exec, u"/tmp/a b.txt"_s, u"App"_s, u"ico"_s), expected);
}

void TestEditing::applicationsForAType()
{
    // text/x-csrc is a kind of text/plain: both entries handle it; images not.
    QStringList names;
    for (const ferry::ui::DesktopApplication &app : ferry::ui::applicationsFor(u"text/x-csrc"_s))
        names.append(app.name);
    QVERIFY2(names.contains(u"Ferry Test Editor"_s) && names.contains(u"Ferry Test Other"_s), qPrintable(names.join(u", ")));
    for (const ferry::ui::DesktopApplication &app : ferry::ui::applicationsFor(u"image/png"_s))
        QVERIFY(!app.name.startsWith(u"Ferry Test"_s));
}

void TestEditing::editRoundTrip()
{
    const QString remote = m_agent->root() + u"/notes.txt"_s;
    QVERIFY(writeFileBytes(QFile::encodeName(remote), "first line\n"));
    QVERIFY(QFile::setPermissions(remote, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
    m_window->remoteModel()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(remoteRow(u"notes.txt"_s).isValid(), 5000);
    ferry::ui::RemoteEditor *editor = m_window->remoteEditor();
    QVERIFY(editor);
    QSignalSpy opened(editor, &ferry::ui::RemoteEditor::opened);
    QSignalSpy uploaded(editor, &ferry::ui::RemoteEditor::uploaded);
    QSignalSpy failed(editor, &ferry::ui::RemoteEditor::uploadFailed);
    const int rowsBefore = m_window->transferDock()->model()->rowCount();

    // Activated (double-click, Return): opened, not downloaded.
    Q_EMIT m_window->remoteView()->activated(remoteRow(u"notes.txt"_s));
    QVERIFY(opened.wait(15000));
    const QString local = opened.first().at(1).toString();
    QCOMPARE(local, editor->localPath(u"notes.txt"_s));
    QVERIFY(local.startsWith(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)));
    QCOMPARE(QFileInfo(editor->cacheFolder()).permissions() & 0x7077, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // The fetch is a row of the queue.
    QVERIFY(m_window->transferDock()->model()->rowCount() > rowsBefore);

    // xdg-open started the default application, which saved once.
    QVERIFY2(uploaded.wait(20000), qPrintable(failed.isEmpty() ? u"no upload"_s : failed.first().at(1).toString()));
    QCOMPARE(uploaded.first().first().toString(), u"notes.txt"_s);
    QCOMPARE(content(remote), QByteArray("first line\nadded by the editor\n"));
    QCOMPARE(editorRuns().size(), 1);
    // The remote file keeps its mode; the status bar says what happened.
    QCOMPARE(QFileInfo(remote).permissions() & 0x7077, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    QCOMPARE(m_window->statusBar()->currentMessage(), u"Uploaded changes to :notes.txt"_s);

    // Opened again: the same copy (no new fetch), and a second save uploads again.
    Q_EMIT m_window->remoteView()->activated(remoteRow(u"notes.txt"_s));
    QTRY_COMPARE_WITH_TIMEOUT(uploaded.size(), 2, 20000);
    QCOMPARE(content(remote), QByteArray("first line\nadded by the editor\nadded by the editor\n"));
    QCOMPARE(content(local), content(remote));
    QVERIFY(failed.isEmpty());
    QVERIFY(!editor->hasPendingUploads());

    // The cached copy goes with the window.
    QVERIFY(QFileInfo::exists(local));
    m_window->close();
    QVERIFY(!QFileInfo::exists(local));
    QVERIFY(!QFileInfo::exists(editor->cacheFolder()));
}

void TestEditing::remoteChangeAsksFirst()
{
    const QString remote = m_agent->root() + u"/shared.txt"_s;
    QVERIFY(writeFileBytes(QFile::encodeName(remote), "base\n"));
    m_window->remoteModel()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(remoteRow(u"shared.txt"_s).isValid(), 5000);
    ferry::ui::RemoteEditor *editor = m_window->remoteEditor();
    QSignalSpy opened(editor, &ferry::ui::RemoteEditor::opened);
    QSignalSpy asked(editor, &ferry::ui::RemoteEditor::conflictAsked);
    QSignalSpy uploaded(editor, &ferry::ui::RemoteEditor::uploaded);
    // The editor waits until someone else has changed the remote file.
    const QString go = m_xdg.filePath(u"go-shared"_s);
    qputenv("FERRY_TEST_GO", QFile::encodeName(go));
    Q_EMIT m_window->remoteView()->activated(remoteRow(u"shared.txt"_s));
    QVERIFY(opened.wait(15000));
    qunsetenv("FERRY_TEST_GO");
    QVERIFY(writeFileBytes(QFile::encodeName(remote), "changed over there\n"));
    QVERIFY(writeFileBytes(QFile::encodeName(go), "go"));

    QVERIFY(asked.wait(20000));
    auto *box = m_window->findChild<QMessageBox *>(u"editConflict"_s);
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    auto *saveCopy = box->findChild<QPushButton *>(u"saveCopy"_s);
    QVERIFY(saveCopy && box->findChild<QPushButton *>(u"overwrite"_s) && box->findChild<QPushButton *>(u"keepRemote"_s));
    QTest::mouseClick(saveCopy, Qt::LeftButton);
    QVERIFY(uploaded.wait(20000));
    QCOMPARE(uploaded.first().first().toString(), u"shared (edited).txt"_s);
    // The remote change stays; the edit is beside it.
    QCOMPARE(content(remote), QByteArray("changed over there\n"));
    QCOMPARE(content(m_agent->root() + u"/shared (edited).txt"_s), QByteArray("base\nadded by the editor\n"));
}

QMessageBox *TestEditing::openAndChangeRemotely(const QString &name, const QByteArray &change)
{
    const QString remote = m_agent->root() + u'/' + name;
    ferry::ui::RemoteEditor *editor = m_window->remoteEditor();
    QSignalSpy opened(editor, &ferry::ui::RemoteEditor::opened);
    QSignalSpy asked(editor, &ferry::ui::RemoteEditor::conflictAsked);
    const QString go = m_xdg.filePath(u"go-"_s + name);
    qputenv("FERRY_TEST_GO", QFile::encodeName(go));
    editor->open(name);
    if (!opened.wait(15000))
        return nullptr;
    qunsetenv("FERRY_TEST_GO");
    if (change.isNull()) {
        if (!QFile::remove(remote) || !QDir().mkpath(remote))
            return nullptr;
    } else if (!writeFileBytes(QFile::encodeName(remote), change)) {
        return nullptr;
    }
    if (!writeFileBytes(QFile::encodeName(go), "go") || !asked.wait(20000))
        return nullptr;
    return m_window->findChild<QMessageBox *>(u"editConflict"_s);
}

void TestEditing::keepTheRemoteOne()
{
    const QString remote = m_agent->root() + u"/kept.txt"_s;
    QVERIFY(writeFileBytes(QFile::encodeName(remote), "mine\n"));
    QMessageBox *box = openAndChangeRemotely(u"kept.txt"_s, "theirs, and longer\n");
    QVERIFY(box);
    ferry::ui::RemoteEditor *editor = m_window->remoteEditor();
    const QString local = editor->localPath(u"kept.txt"_s);
    QSignalSpy uploaded(editor, &ferry::ui::RemoteEditor::uploaded);
    QTest::mouseClick(box->findChild<QPushButton *>(u"keepRemote"_s), Qt::LeftButton);
    // The copy becomes the remote file again; nothing goes up.
    QTRY_COMPARE_WITH_TIMEOUT(content(local), QByteArray("theirs, and longer\n"), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->hasPendingUploads(), 5000);
    QTest::qWait(1000);
    QVERIFY(uploaded.isEmpty());
    QCOMPARE(content(remote), QByteArray("theirs, and longer\n"));
}

void TestEditing::failedUploadIsTold()
{
    // The remote file became a folder; Overwrite cannot put a file there.
    QVERIFY(writeFileBytes(QFile::encodeName(m_agent->root() + u"/gone.txt"_s), "text\n"));
    QMessageBox *box = openAndChangeRemotely(u"gone.txt"_s, QByteArray());
    QVERIFY(box);
    ferry::ui::RemoteEditor *editor = m_window->remoteEditor();
    QSignalSpy failed(editor, &ferry::ui::RemoteEditor::uploadFailed);
    QTest::mouseClick(box->findChild<QPushButton *>(u"overwrite"_s), Qt::LeftButton);
    QVERIFY(failed.wait(20000));
    ferry::ui::MessageBar *bar = m_window->remoteBrowser()->messageBar();
    QCOMPARE(bar->kind(), ferry::ui::MessageBar::Kind::Error);
    QVERIFY2(bar->text().contains(u"Could not upload changes to :gone.txt: "_s), qPrintable(bar->text()));
    QVERIFY2(bar->text().contains(failed.first().at(1).toString()), qPrintable(bar->text()));
    QVERIFY(QFileInfo(m_agent->root() + u"/gone.txt"_s).isDir());
    // Not uploaded: the copy stays when the window closes.
    QVERIFY(editor->hasPendingUploads());
    const QString local = editor->localPath(u"gone.txt"_s);
    m_window->close();
    QCOMPARE(content(local), QByteArray("text\nadded by the editor\n"));
    QFile::remove(local);
}

void TestEditing::openWithChosenApplication()
{
    const QString remote = m_agent->root() + u"/todo.txt"_s;
    QVERIFY(writeFileBytes(QFile::encodeName(remote), "one\n"));
    m_window->remoteModel()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(remoteRow(u"todo.txt"_s).isValid(), 5000);
    QTreeView *view = m_window->remoteView();
    view->selectionModel()->select(remoteRow(u"todo.txt"_s), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    ferry::ui::RemoteBrowser *pane = m_window->remoteBrowser();
    QAction *openWith = pane->action(u"openWith"_s);
    QVERIFY(openWith && openWith->isEnabled());
    QVERIFY(view->actions().contains(openWith) && view->actions().contains(pane->action(u"open"_s)));
    openWith->trigger();
    ferry::ui::OpenWithDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ferry::ui::OpenWithDialog *>(u"openWithDialog"_s)) && dialog->isVisible());
    QListWidget *list = dialog->list();
    QStringList names;
    for (int row = 0; row < list->count(); ++row)
        names.append(list->item(row)->text());
    QVERIFY2(names.contains(u"Ferry Test Editor"_s) && names.contains(u"Ferry Test Other"_s), qPrintable(names.join(u", ")));
    QCOMPARE(names.last(), u"Other command…"_s);
    list->setCurrentRow(int(names.indexOf(u"Ferry Test Other"_s)));

    ferry::ui::RemoteEditor *editor = m_window->remoteEditor();
    QSignalSpy uploaded(editor, &ferry::ui::RemoteEditor::uploaded);
    QPushButton *open = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open);
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QVERIFY(uploaded.wait(20000));
    QCOMPARE(content(remote), QByteArray("one\nadded by the other editor\n"));
}

void TestEditing::linkOpensWhatItLeadsTo()
{
    QVERIFY(QDir().mkpath(m_agent->root() + u"/etc"_s));
    QVERIFY(writeFileBytes(QFile::encodeName(m_agent->root() + u"/etc/real.conf"_s), "a=1\n"));
    QVERIFY(QFile::link(u"etc/real.conf"_s, m_agent->root() + u"/link.conf"_s));
    ferry::ui::RemoteEditor *editor = m_window->remoteEditor();
    QSignalSpy opened(editor, &ferry::ui::RemoteEditor::opened);
    QSignalSpy uploaded(editor, &ferry::ui::RemoteEditor::uploaded);
    editor->open(u"link.conf"_s);
    QVERIFY(opened.wait(15000));
    QCOMPARE(opened.first().first().toString(), u"etc/real.conf"_s);
    QVERIFY(uploaded.wait(20000));
    QCOMPARE(uploaded.first().first().toString(), u"etc/real.conf"_s);
    QCOMPARE(content(m_agent->root() + u"/etc/real.conf"_s), QByteArray("a=1\nadded by the editor\n"));
    QVERIFY(QFileInfo(m_agent->root() + u"/link.conf"_s).isSymLink());
}

void TestEditing::archiveMemberIsReadOnly()
{
    QVERIFY(QDir().mkpath(m_agent->root() + u"/docs"_s));
    QVERIFY(writeFileBytes(QFile::encodeName(m_agent->root() + u"/docs/guide.txt"_s), "inside\n"));
    QPointer<ferry::transfer::Job> packed = m_window->compressRemote({u"docs"_s}, u"docs.tar.gz"_s);
    QSignalSpy packedDone(packed.data(), &ferry::transfer::Job::finished);
    QVERIFY(packedDone.wait(30000));
    const QByteArray archiveBefore = fileChecksum(m_agent->root() + u"/docs.tar.gz"_s);

    ferry::ui::RemoteEditor *editor = m_window->remoteEditor();
    QVERIFY(ferry::ui::RemoteEditor::isInsideArchive(u"docs.tar.gz/docs/guide.txt"_s));
    QVERIFY(!ferry::ui::RemoteEditor::isInsideArchive(u"docs/guide.txt"_s));
    QSignalSpy opened(editor, &ferry::ui::RemoteEditor::opened);
    QSignalSpy uploaded(editor, &ferry::ui::RemoteEditor::uploaded);
    QSignalSpy asked(editor, &ferry::ui::RemoteEditor::conflictAsked);
    const int rowsBefore = m_window->transferDock()->model()->rowCount();
    // Reached like a folder, then activated.
    m_window->openPath(u"docs.tar.gz/docs"_s);
    QTRY_VERIFY_WITH_TIMEOUT(remoteRow(u"guide.txt"_s).isValid(), 5000);
    Q_EMIT m_window->remoteView()->activated(remoteRow(u"guide.txt"_s));
    QVERIFY(opened.wait(15000));
    const QString local = opened.first().at(1).toString();
    QCOMPARE(content(local), QByteArray("inside\n"));
    QVERIFY(!(QFileInfo(local).permissions() & QFileDevice::WriteOwner));
    ferry::ui::MessageBar *bar = m_window->remoteBrowser()->messageBar();
    QVERIFY2(bar->text().contains(u"read-only"_s), qPrintable(bar->text()));
    QCOMPARE(bar->kind(), ferry::ui::MessageBar::Kind::Information);

    // The application saved anyway (it renamed a new file over the copy):
    // nothing goes back.
    QTRY_COMPARE_WITH_TIMEOUT(editorRuns().size(), 1, 15000);
    QCOMPARE(content(local), QByteArray("inside\nadded by the editor\n"));
    QTest::qWait(1500);
    QVERIFY(uploaded.isEmpty());
    QVERIFY(asked.isEmpty());
    QVERIFY(!editor->hasPendingUploads());
    QCOMPARE(fileChecksum(m_agent->root() + u"/docs.tar.gz"_s), archiveBefore);
    QCOMPARE(content(m_agent->root() + u"/docs/guide.txt"_s), QByteArray("inside\n"));
    // The queue holds the fetch and nothing after it.
    QCOMPARE(m_window->transferDock()->model()->rowCount(), rowsBefore + 1);
}

QTEST_MAIN(TestEditing)
#include "tst_editing.moc"
