// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QString>

namespace ferry::ui::dragoutfolders {

/// Where remote entries dragged out of the window are downloaded before a
/// file manager takes them: private folders (0700) under the cache, one per
/// drag, named after the process that made them ("<pid>-XXXXXX").
QString root();
/// A fresh, empty folder for one drag.
Expected<QString> create();
/// Removes @p folder and what is left in it (only a folder under root()).
void remove(const QString &folder);
/// Removes the folders of processes that are gone (an earlier run that
/// crashed or was killed); a running Ferry's folders stay.
void sweepStale();
/// Removes every folder this process made (at quit: a file manager had
/// its chance to copy or move what was dropped).
void removeOwn();

} // namespace ferry::ui::dragoutfolders
