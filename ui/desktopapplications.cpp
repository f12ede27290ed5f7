// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/desktopapplications.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QMimeDatabase>
#include <QSet>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {

/// The string escapes of a .desktop value (\s \n \t \r \\), applied before
/// Exec's own quoting rules.
QString unescapeValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c != u'\\' || i + 1 == value.size()) {
            out.append(c);
            continue;
        }
        const QChar next = value.at(++i);
        switch (next.unicode()) {
        case 's': out.append(u' '); break;
        case 'n': out.append(u'\n'); break;
        case 't': out.append(u'\t'); break;
        case 'r': out.append(u'\r'); break;
        case '\\': out.append(u'\\'); break;
        default: out.append(c).append(next); break;
        }
    }
    return out;
}

/// Exec= split into arguments: double quotes group, and inside them a
/// backslash takes the next " ` $ or \ literally.
std::optional<QStringList> splitExec(const QString &exec)
{
    QStringList args;
    QString current;
    bool inArg = false;
    bool quoted = false;
    for (qsizetype i = 0; i < exec.size(); ++i) {
        const QChar c = exec.at(i);
        if (quoted) {
            if (c == u'"') {
                quoted = false;
            } else if (c == u'\\' && i + 1 < exec.size() && u"\"`$\\"_s.contains(exec.at(i + 1))) {
                current.append(exec.at(++i));
            } else {
                current.append(c);
            }
        } else if (c == u'"') {
            quoted = true;
            inArg = true;
        } else if (c.isSpace()) {
            if (inArg)
                args.append(std::exchange(current, {}));
            inArg = false;
        } else {
            current.append(c);
            inArg = true;
        }
    }
    if (quoted)
        return std::nullopt;
    if (inArg)
        args.append(current);
    return args;
}

} // namespace

QStringList applicationFolders()
{
    QString home = qEnvironmentVariable("XDG_DATA_HOME");
    if (home.isEmpty())
        home = QDir::homePath() + u"/.local/share"_s;
    QStringList dirs{home};
    QString system = qEnvironmentVariable("XDG_DATA_DIRS");
    if (system.isEmpty())
        system = u"/usr/local/share:/usr/share"_s;
    dirs += system.split(u':', Qt::SkipEmptyParts);
    QStringList folders;
    for (const QString &dir : std::as_const(dirs)) {
        const QString folder = QDir::cleanPath(dir + u"/applications"_s);
        if (!folders.contains(folder))
            folders.append(folder);
    }
    return folders;
}

DesktopApplication readDesktopEntry(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QString locale = QLocale().name(); // "de_DE"
    const QString language = locale.section(u'_', 0, 0);
    QHash<QString, QString> keys;
    bool inEntry = false;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            inEntry = line == "[Desktop Entry]"_L1;
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (inEntry && eq > 0)
            keys.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    const auto isTrue = [&keys](const QString &key) { return keys.value(key) == "true"_L1; };
    if (keys.value(u"Type"_s) != "Application"_L1 || isTrue(u"Hidden"_s) || keys.value(u"Exec"_s).isEmpty())
        return {};
    const QString tryExec = unescapeValue(keys.value(u"TryExec"_s));
    if (!tryExec.isEmpty() && (QDir::isAbsolutePath(tryExec) ? !QFile::exists(tryExec) : QStandardPaths::findExecutable(tryExec).isEmpty()))
        return {};
    DesktopApplication app;
    app.id = QFileInfo(file).fileName();
    app.name = unescapeValue(keys.value(u"Name["_s + locale + u']', keys.value(u"Name["_s + language + u']', keys.value(u"Name"_s))));
    if (app.name.isEmpty())
        app.name = QFileInfo(file).completeBaseName();
    app.icon = unescapeValue(keys.value(u"Icon"_s));
    app.exec = unescapeValue(keys.value(u"Exec"_s));
    return app;
}

QList<DesktopApplication> applicationsFor(const QString &mimeType)
{
    const QMimeDatabase db;
    const QMimeType type = db.mimeTypeForName(mimeType);
    QSet<QString> wanted{mimeType};
    if (type.isValid()) {
        wanted.insert(type.name());
        for (const QString &name : type.allAncestors())
            wanted.insert(name);
        for (const QString &name : type.aliases())
            wanted.insert(name);
    }
    QList<DesktopApplication> apps;
    QSet<QString> seen;
    for (const QString &folder : applicationFolders()) {
        QDirIterator it(folder, {u"*.desktop"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            // The id of applications/kde/x.desktop is kde-x.desktop.
            const QString id = QDir(folder).relativeFilePath(file).replace(u'/', u'-');
            if (seen.contains(id))
                continue;
            seen.insert(id);
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
                continue;
            const QString text = QString::fromUtf8(f.readAll());
            // Quick look first: most entries handle other types.
            bool handles = false;
            for (const QStringView line : QStringView(text).split(u'\n')) {
                if (!line.startsWith(u"MimeType="))
                    continue;
                for (const auto &declared : line.mid(9).split(u';', Qt::SkipEmptyParts))
                    handles = handles || wanted.contains(declared.trimmed().toString());
            }
            if (!handles)
                continue;
            DesktopApplication app = readDesktopEntry(file);
            if (app.id.isEmpty())
                continue;
            app.id = id;
            apps.append(app);
        }
    }
    std::sort(apps.begin(), apps.end(), [](const DesktopApplication &a, const DesktopApplication &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return apps;
}

QStringList commandLine(const QString &exec, const QString &localFile, const QString &name, const QString &icon)
{
    const std::optional<QStringList> split = splitExec(exec);
    if (!split || split->isEmpty())
        return {};
    const QString url = QUrl::fromLocalFile(localFile).toString(QUrl::FullyEncoded);
    QStringList args;
    bool fileGiven = false;
    for (const QString &arg : *split) {
        if (arg == "%F"_L1 || arg == "%f"_L1 || arg == "%U"_L1 || arg == "%u"_L1) {
            args.append(arg.at(1).toLower() == u'f' ? localFile : url);
            fileGiven = true;
            continue;
        }
        if (arg == "%i"_L1) {
            if (!icon.isEmpty())
                args << u"--icon"_s << icon;
            continue;
        }
        QString out;
        for (qsizetype i = 0; i < arg.size(); ++i) {
            if (arg.at(i) != u'%' || i + 1 == arg.size()) {
                out.append(arg.at(i));
                continue;
            }
            const QChar code = arg.at(++i);
            switch (code.unicode()) {
            case '%': out.append(u'%'); break;
            case 'f': case 'F': out.append(localFile); fileGiven = true; break;
            case 'u': case 'U': out.append(url); fileGiven = true; break;
            case 'c': out.append(name); break;
            default: break; // %k, %i inside an argument, and the deprecated codes
            }
        }
        if (!out.isEmpty() || arg.isEmpty())
            args.append(out);
    }
    if (args.isEmpty())
        return {};
    if (!fileGiven)
        args.append(localFile);
    return args;
}

} // namespace ferry::ui
