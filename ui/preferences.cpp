// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/preferences.h"

#include <QApplication>
#include <QIcon>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleHints>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ferry::ui {

namespace {

constexpr auto Group = "preferences"_L1;
constexpr auto KeyPolicy = "conflictPolicy"_L1;
constexpr auto KeyPermissions = "preservePermissions"_L1;
constexpr auto KeyTimes = "preserveTimes"_L1;
constexpr auto KeyParallel = "parallelTransfers"_L1;
constexpr auto KeyUploadLimit = "uploadLimit"_L1;
constexpr auto KeyDownloadLimit = "downloadLimit"_L1;
constexpr auto KeyHeartbeat = "heartbeatMs"_L1;
constexpr auto KeyDeadAfter = "deadAfterMs"_L1;
constexpr auto KeyHidden = "showHiddenFiles"_L1;
constexpr auto KeyLocalPane = "showLocalPane"_L1;
constexpr auto KeyNotify = "notifyLongJobs"_L1;
constexpr auto KeyCompression = "compression"_L1;
constexpr auto KeyColorScheme = "colorScheme"_L1;

QString colorSchemeName(Preferences::ColorScheme scheme)
{
    switch (scheme) {
    case Preferences::ColorScheme::Light: return u"light"_s;
    case Preferences::ColorScheme::Dark: return u"dark"_s;
    case Preferences::ColorScheme::System: break;
    }
    return u"system"_s;
}

Preferences::ColorScheme colorSchemeFromName(const QString &name)
{
    if (name == "light"_L1)
        return Preferences::ColorScheme::Light;
    if (name == "dark"_L1)
        return Preferences::ColorScheme::Dark;
    return Preferences::ColorScheme::System;
}

QPalette darkPalette()
{
    // Fusion's colours on a dark ground, as Qt's own dark Fusion palette.
    const QColor window(0x2d, 0x2d, 0x30), base(0x1e, 0x1e, 0x20), text(0xe6, 0xe6, 0xe6), disabled(0x80, 0x80, 0x80);
    const QColor highlight(0x3d, 0xae, 0xe9);
    QPalette p(window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, highlight.lighter(120));
    p.setColor(QPalette::LinkVisited, highlight.darker(110));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, window.lighter(130));
    return p;
}

// A value that does not convert (hand-edited file) keeps the default rather
// than turning into 0.
template<typename T>
T read(const QSettings &settings, QLatin1StringView key, T fallback)
{
    const QVariant value = settings.value(key);
    if (!value.isValid() || !value.canConvert<T>())
        return fallback;
    if constexpr (std::is_same_v<T, bool>) {
        return value.toBool();
    } else {
        bool ok = false;
        const qlonglong number = value.toLongLong(&ok);
        return ok ? T(number) : fallback;
    }
}

} // namespace

void applyColorScheme(Preferences::ColorScheme scheme)
{
    static const QString platformStyle = QApplication::style() ? QApplication::style()->name() : QString();
    static bool changed = false;
    static const QString platformIcons = QIcon::themeName();
    if (scheme == Preferences::ColorScheme::System && !changed)
        return; // as the desktop has it, untouched
    changed = true;
    // Breeze's icons are drawn for a light or a dark ground.
    if (platformIcons.startsWith("breeze"_L1))
        QIcon::setThemeName(scheme == Preferences::ColorScheme::System ? platformIcons
                            : scheme == Preferences::ColorScheme::Dark ? u"breeze-dark"_s
                                                                        : u"breeze"_s);
    const Qt::ColorScheme wanted = scheme == Preferences::ColorScheme::Dark    ? Qt::ColorScheme::Dark
                                   : scheme == Preferences::ColorScheme::Light ? Qt::ColorScheme::Light
                                                                               : Qt::ColorScheme::Unknown;
    QStyleHints *hints = QGuiApplication::styleHints();
    hints->setColorScheme(wanted);
    if (wanted == Qt::ColorScheme::Unknown || hints->colorScheme() == wanted) {
        // The platform follows (or the desktop decides): its own palette.
        if (QApplication::style() && QApplication::style()->name() != platformStyle && !platformStyle.isEmpty())
            QApplication::setStyle(platformStyle);
        QApplication::setPalette(QPalette()); // the platform's, resolved
        return;
    }
    // A platform that cannot switch (a bare X server, say): Fusion, whose
    // palettes look the same everywhere.
    if (QApplication::style()->name().compare("fusion"_L1, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(u"Fusion"_s);
    QApplication::setPalette(wanted == Qt::ColorScheme::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

QString policyToString(copy::ConflictPolicy policy)
{
    switch (policy) {
    case copy::ConflictPolicy::Ask: return u"ask"_s;
    case copy::ConflictPolicy::Overwrite: return u"overwrite"_s;
    case copy::ConflictPolicy::Skip: return u"skip"_s;
    case copy::ConflictPolicy::Rename: return u"rename"_s;
    case copy::ConflictPolicy::Resume: return u"resume"_s;
    case copy::ConflictPolicy::Newer: return u"newer"_s;
    case copy::ConflictPolicy::Fail: return u"fail"_s;
    }
    return u"ask"_s;
}

Preferences Preferences::load(QSettings &settings)
{
    const Preferences defaults;
    Preferences p;
    settings.beginGroup(Group);
    p.conflictPolicy = copy::policyFromString(settings.value(KeyPolicy).toString()).value_or(defaults.conflictPolicy);
    p.preservePermissions = read(settings, KeyPermissions, defaults.preservePermissions);
    p.preserveTimes = read(settings, KeyTimes, defaults.preserveTimes);
    p.parallelTransfers = read(settings, KeyParallel, defaults.parallelTransfers);
    p.uploadLimit = read(settings, KeyUploadLimit, defaults.uploadLimit);
    p.downloadLimit = read(settings, KeyDownloadLimit, defaults.downloadLimit);
    p.heartbeatMs = read(settings, KeyHeartbeat, defaults.heartbeatMs);
    p.deadAfterMs = read(settings, KeyDeadAfter, defaults.deadAfterMs);
    p.showHiddenFiles = read(settings, KeyHidden, defaults.showHiddenFiles);
    p.showLocalPane = read(settings, KeyLocalPane, defaults.showLocalPane);
    p.notifyLongJobs = read(settings, KeyNotify, defaults.notifyLongJobs);
    p.compression = net::compressionModeFromString(settings.value(KeyCompression).toString()).value_or(defaults.compression);
    p.colorScheme = colorSchemeFromName(settings.value(KeyColorScheme).toString());
    settings.endGroup();
    return p.normalized();
}

Preferences Preferences::load()
{
    QSettings settings;
    return load(settings);
}

void Preferences::save(QSettings &settings) const
{
    const Preferences p = normalized();
    settings.beginGroup(Group);
    // The policy as a word, so the file reads like the CLI's --on-conflict.
    settings.setValue(KeyPolicy, policyToString(p.conflictPolicy));
    settings.setValue(KeyPermissions, p.preservePermissions);
    settings.setValue(KeyTimes, p.preserveTimes);
    settings.setValue(KeyParallel, p.parallelTransfers);
    settings.setValue(KeyUploadLimit, p.uploadLimit);
    settings.setValue(KeyDownloadLimit, p.downloadLimit);
    settings.setValue(KeyHeartbeat, p.heartbeatMs);
    settings.setValue(KeyDeadAfter, p.deadAfterMs);
    settings.setValue(KeyHidden, p.showHiddenFiles);
    settings.setValue(KeyLocalPane, p.showLocalPane);
    settings.setValue(KeyNotify, p.notifyLongJobs);
    // The words of ferry-cli's --compress.
    settings.setValue(KeyCompression, net::compressionModeName(p.compression));
    settings.setValue(KeyColorScheme, colorSchemeName(p.colorScheme));
    settings.endGroup();
}

void Preferences::save() const
{
    QSettings settings;
    save(settings);
}

Preferences Preferences::normalized() const
{
    Preferences p = *this;
    p.parallelTransfers = std::clamp(p.parallelTransfers, MinParallelTransfers, MaxParallelTransfers);
    p.uploadLimit = std::max<qint64>(p.uploadLimit, 0);
    p.downloadLimit = std::max<qint64>(p.downloadLimit, 0);
    p.heartbeatMs = std::clamp(p.heartbeatMs, MinHeartbeatMs, MaxHeartbeatMs);
    // A peer is only declared dead after it missed at least two heartbeats;
    // anything shorter would drop healthy but busy connections.
    p.deadAfterMs = std::clamp(p.deadAfterMs, minDeadAfterMs(p.heartbeatMs), MaxDeadAfterMs);
    return p;
}

} // namespace ferry::ui
