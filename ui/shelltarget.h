// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ferry::ui {

/// The machine, pod or container a shell command reaches, to name it where
/// a URL's host would be named (the window title): ssh's destination,
/// kubectl exec's pod, docker or podman exec's container. Empty for any
/// other command; it is a reading of common command lines, not a parser of
/// every option those programs know.
QString shellTarget(const QString &command);

/// @p text cut in the middle to at most @p maxLength characters.
QString elideMiddle(const QString &text, qsizetype maxLength);

} // namespace ferry::ui
