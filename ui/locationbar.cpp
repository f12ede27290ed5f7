// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/locationbar.h"

#include "core/pathcodec.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStackedLayout>
#include <QToolButton>

namespace ferry::ui {

LocationBar::LocationBar(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedLayout(this))
    , m_crumbPage(new QWidget(this))
    , m_crumbLayout(new QHBoxLayout(m_crumbPage))
    , m_edit(new QLineEdit(this))
{
    setObjectName(QStringLiteral("locationBar"));
    setAccessibleName(tr("Remote location"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_crumbLayout->setContentsMargins(0, 0, 0, 0);
    m_crumbLayout->setSpacing(0);
    m_edit->setObjectName(QStringLiteral("location"));
    m_edit->setAccessibleName(tr("Remote location"));
    m_edit->setPlaceholderText(tr("Remote folder"));
    m_edit->installEventFilter(this);
    m_stack->addWidget(m_crumbPage);
    m_stack->addWidget(m_edit);
    setFixedHeight(m_edit->sizeHint().height());
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        QString typed = m_edit->text().trimmed();
        while (typed.startsWith(u'/') || typed.startsWith(u':'))
            typed.remove(0, 1);
        while (typed.endsWith(u'/'))
            typed.chop(1);
        // Typed as shown: escapes stand for bytes that are not UTF-8.
        const Expected<QString> path = pathcodec::unescaped(typed);
        if (!path) {
            m_edit->setToolTip(path.error().message);
            return;
        }
        m_edit->setToolTip(QString());
        stopEditing();
        Q_EMIT pathRequested(*path);
    });
    rebuild();
}

void LocationBar::setPath(const QString &path)
{
    m_path = path;
    const bool onTrail = path.isEmpty() || m_trail == path || m_trail.startsWith(path + u'/');
    if (!onTrail)
        m_trail = path;
    m_edit->setText(u'/' + pathcodec::escaped(path));
    rebuild();
}

bool LocationBar::isEditing() const
{
    return m_stack->currentWidget() == m_edit;
}

void LocationBar::startEditing()
{
    m_stack->setCurrentWidget(m_edit);
    m_edit->setText(u'/' + pathcodec::escaped(m_path));
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void LocationBar::stopEditing()
{
    m_edit->setText(u'/' + pathcodec::escaped(m_path));
    m_stack->setCurrentWidget(m_crumbPage);
}

void LocationBar::rebuild()
{
    qDeleteAll(m_crumbs);
    m_crumbs.clear();
    while (QLayoutItem *item = m_crumbLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QStringList parts = m_trail.split(u'/', Qt::SkipEmptyParts);
    const qsizetype current = m_path.split(u'/', Qt::SkipEmptyParts).size() - 1;
    for (qsizetype i = -1; i < parts.size(); ++i) {
        if (i >= 0) {
            auto *separator = new QLabel(QStringLiteral("›"), m_crumbPage);
            separator->setAccessibleName(QString());
            separator->setContentsMargins(2, 0, 2, 0);
            m_crumbLayout->addWidget(separator);
        }
        auto *crumb = new QToolButton(m_crumbPage);
        const QString target = i < 0 ? QString() : parts.first(i + 1).join(u'/');
        if (i < 0) {
            crumb->setIcon(QIcon::fromTheme(QStringLiteral("folder-root"), QIcon::fromTheme(QStringLiteral("folder"))));
            crumb->setText(tr("Root"));
            crumb->setToolButtonStyle(Qt::ToolButtonIconOnly);
            crumb->setToolTip(tr("The served folder"));
        } else {
            crumb->setText(pathcodec::escaped(parts.at(i)));
            crumb->setToolTip(u'/' + pathcodec::escaped(target));
        }
        crumb->setAccessibleName(i < 0 ? tr("Go to the served folder") : tr("Go to %1").arg(u'/' + pathcodec::escaped(target)));
        crumb->setAutoRaise(true);
        crumb->setCheckable(false);
        QFont font = crumb->font();
        font.setBold(i == current);
        crumb->setFont(font);
        if (i > current) {
            // The trail: where the user came up from, shown lighter.
            QPalette palette = crumb->palette();
            palette.setColor(QPalette::ButtonText, palette.color(QPalette::Disabled, QPalette::ButtonText));
            crumb->setPalette(palette);
            crumb->setToolTip(tr("Back down to %1").arg(u'/' + pathcodec::escaped(target)));
        }
        connect(crumb, &QToolButton::clicked, this, [this, target] { Q_EMIT pathRequested(target); });
        m_crumbLayout->addWidget(crumb);
        m_crumbs.append(crumb);
    }
    m_crumbLayout->addStretch(1);
}

void LocationBar::mousePressEvent(QMouseEvent *event)
{
    // Beside the buttons: type a path.
    startEditing();
    QWidget::mousePressEvent(event);
}

bool LocationBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit) {
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            stopEditing();
            return true;
        }
        if (event->type() == QEvent::FocusOut && isEditing())
            stopEditing();
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ferry::ui
