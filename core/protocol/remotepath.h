// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

/// Paths on the remote side, as both ends write them: relative to the
/// served folder, components separated by '/', the empty path being the
/// served folder itself. Names are pathcodec QStrings. Everything here is
/// lexical: nothing is looked up, and ".." is taken against the component
/// before it. Whatever a path names, the agent decides whether it lies
/// inside the served folder; a path that climbs above it ("../x") or is
/// absolute ("/x") is kept as such, so that the agent refuses it rather
/// than the client quietly changing it into another.
namespace ferry::remotepath {

/// Without empty and "." components and trailing slashes, each ".." taken
/// against the component before it: "a//b/./c/../" is "a/b". A leading ".."
/// stays; an absolute path stays absolute ("/.." is "/").
QString normalized(QStringView path);
/// @p name beneath @p dir, with one slash between ("" and "a" give "a").
QString join(QStringView dir, QStringView name);
/// The folder holding @p path (normalized): "a/b" gives "a", "a" gives "",
/// the served folder is its own parent.
QString parent(QStringView path);
/// The last component of @p path (normalized): "a/b/" gives "b", the served
/// folder has none ("").
QString name(QStringView path);
/// True when @p path (normalized) is @p folder or lies beneath it.
bool isWithin(QStringView path, QStringView folder);

} // namespace ferry::remotepath
