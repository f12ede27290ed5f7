// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/copy/conflict.h"
#include "core/net/wirecompression.h"

#include <QtGlobal>

class QSettings;

namespace ferry::ui {

/// What the person chose in the preferences dialog, kept in QSettings under
/// the group "preferences". Plain values: the main window applies them.
struct Preferences {
    static constexpr int MinParallelTransfers = 1;
    static constexpr int MaxParallelTransfers = 16;
    static constexpr int MinHeartbeatMs = 1000;
    static constexpr int MaxHeartbeatMs = 60000;
    static constexpr int MaxDeadAfterMs = 600000;

    copy::ConflictPolicy conflictPolicy = copy::ConflictPolicy::Ask;
    bool preservePermissions = true;
    bool preserveTimes = true;
    int parallelTransfers = 4;
    qint64 uploadLimit = 0;   ///< bytes per second, 0 unlimited
    qint64 downloadLimit = 0; ///< bytes per second, 0 unlimited
    int heartbeatMs = 5000;
    int deadAfterMs = 15000;  ///< always more than two heartbeats
    /// File data on the wire: what shrinks (auto), everything, or nothing.
    net::CompressionMode compression = net::CompressionMode::Auto;
    bool showHiddenFiles = false;
    bool showLocalPane = true;
    bool notifyLongJobs = true;
    /// Light or dark colours, or what the desktop says.
    enum class ColorScheme { System, Light, Dark };
    ColorScheme colorScheme = ColorScheme::System;

    /// The smallest dead-after that leaves room for one lost heartbeat.
    static int minDeadAfterMs(int heartbeatMs) { return 2 * heartbeatMs + 1; }

    /// Reads the group "preferences"; missing or out-of-range values fall
    /// back to the defaults or the nearest bound.
    static Preferences load(QSettings &settings);
    /// The application's default QSettings.
    static Preferences load();
    void save(QSettings &settings) const;
    void save() const;

    /// A copy with every value inside its bounds.
    Preferences normalized() const;

    bool operator==(const Preferences &) const = default;
};

/// Applies @p scheme to the application: through the platform where it
/// can switch, otherwise with the Fusion style's light or dark palette.
void applyColorScheme(Preferences::ColorScheme scheme);

/// "ask", "overwrite", ...: the words policyFromString() reads.
QString policyToString(copy::ConflictPolicy policy);

} // namespace ferry::ui
