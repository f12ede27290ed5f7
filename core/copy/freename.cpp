// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/copy/freename.h"

#include <QRegularExpression>

namespace ferry::copy {

QString suggestFreeName(const QString &name, const std::function<bool(const QString &)> &taken)
{
    // Split off the extension; dotfiles (".bashrc") have none.
    QString base = name;
    QString extension;
    static const QStringList compound{QStringLiteral(".tar.gz"), QStringLiteral(".tar.bz2"), QStringLiteral(".tar.xz"), QStringLiteral(".tar.zst")};
    for (const QString &c : compound) {
        if (name.endsWith(c, Qt::CaseInsensitive) && name.size() > c.size()) {
            base = name.left(name.size() - c.size());
            extension = name.right(c.size());
            break;
        }
    }
    if (extension.isEmpty()) {
        const qsizetype dot = name.lastIndexOf(u'.');
        if (dot > 0) {
            base = name.left(dot);
            extension = name.mid(dot);
        }
    }
    int n = 1;
    static const QRegularExpression numbered(QStringLiteral("^(.*) \\((\\d+)\\)$"));
    if (const auto match = numbered.match(base); match.hasMatch()) {
        base = match.captured(1);
        n = match.captured(2).toInt() + 1;
    }
    for (;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)%3").arg(base).arg(n).arg(extension);
        if (!taken(candidate))
            return candidate;
    }
}

} // namespace ferry::copy
