// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ferry::ui {

/// An application as a .desktop entry describes it (the freedesktop.org
/// Desktop Entry Specification): what "Open With…" offers.
struct DesktopApplication {
    QString id;   ///< the entry's file name ("org.kde.kate.desktop")
    QString name; ///< Name=, localized where the entry says so
    QString icon; ///< Icon=
    QString exec; ///< Exec=, with its field codes
};

/// The folders that hold applications/*.desktop, most important first:
/// $XDG_DATA_HOME (~/.local/share), then each of $XDG_DATA_DIRS
/// (/usr/local/share:/usr/share).
QStringList applicationFolders();

/// The applications that declare @p mimeType or one of the types it
/// inherits (MimeType=), without hidden (NoDisplay=, Hidden=) and
/// terminal-less duplicates: an id found first (in a more important folder)
/// hides the same id further on. Sorted by name.
QList<DesktopApplication> applicationsFor(const QString &mimeType);

/// Reads one entry; empty id when it is not an application that can be
/// started.
DesktopApplication readDesktopEntry(const QString &file);

/// The command line @p exec asks for to open @p localFile: quoting and
/// escapes as the specification says, %f %F %u %U replaced by the file (as
/// a path or a file:// URL), %i %c %k and deprecated codes dropped, %%
/// kept as %; the file is appended when @p exec names none. Empty when
/// @p exec cannot be read (an unterminated quote).
QStringList commandLine(const QString &exec, const QString &localFile, const QString &name = {}, const QString &icon = {});

} // namespace ferry::ui
