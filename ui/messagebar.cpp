// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/messagebar.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {

constexpr int kMaxLines = 4;

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_close(new QToolButton(this))
    , m_layout(new QHBoxLayout(this))
{
    setObjectName(u"messageBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(u"messageText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_close->setObjectName(u"messageClose"_s);
    m_close->setAutoRaise(true);
    m_close->setIcon(QIcon::fromTheme(u"dialog-close"_s, style()->standardIcon(QStyle::SP_DialogCloseButton)));
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close the message"));
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);
    m_layout->setContentsMargins(6, 4, 2, 4);
    m_layout->addWidget(m_icon, 0, Qt::AlignTop);
    m_layout->addWidget(m_text, 1);
    m_layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBar::dismiss()
{
    m_lines.clear();
    setActions({});
    hide();
}

void MessageBar::setActions(const QList<QAction *> &actions)
{
    // Later: this may run inside a button's own click.
    for (QToolButton *button : std::as_const(m_buttons)) {
        button->hide();
        button->deleteLater();
    }
    m_buttons.clear();
    for (QAction *action : std::as_const(m_actions))
        disconnect(action, &QAction::triggered, this, &MessageBar::dismiss);
    m_actions = actions;
    for (QAction *action : actions) {
        auto *button = new QToolButton(this);
        button->setObjectName(action->objectName());
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_layout->insertWidget(m_layout->indexOf(m_close), button, 0, Qt::AlignTop);
        m_buttons.append(button);
        // The answer is given: the question goes.
        connect(action, &QAction::triggered, this, &MessageBar::dismiss);
    }
}

void MessageBar::showMessage(Kind kind, const QString &text, const QList<QAction *> &actions)
{
    m_lines.clear();
    hide();
    showMessage(kind, text);
    setActions(actions);
}

void MessageBar::showMessage(Kind kind, const QString &text)
{
    if (isHidden() || kind != m_kind || !m_actions.isEmpty())
        m_lines.clear();
    setActions({});
    m_kind = kind;
    m_lines.append(text);
    if (m_lines.size() > kMaxLines) {
        const qsizetype more = m_lines.size() - kMaxLines + 1;
        QStringList shown = m_lines.first(kMaxLines - 1);
        shown.append(tr("… and %n more", nullptr, int(more)));
        m_text->setText(shown.join(u'\n'));
    } else {
        m_text->setText(m_lines.join(u'\n'));
    }
    const QStyle::StandardPixmap standard = kind == Kind::Error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxInformation;
    const QIcon icon = QIcon::fromTheme(kind == Kind::Error ? u"dialog-error"_s : u"dialog-information"_s, style()->standardIcon(standard));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(icon.pixmap(size, size));
    setAccessibleName(kind == Kind::Error ? tr("Error") : tr("Information"));
    setAccessibleDescription(m_text->text());
    applyColors();
    show();
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::StyleChange)
        && !m_applying)
        applyColors();
}

void MessageBar::applyColors()
{
    // A tint of the kind's colour over the window's, readable in light and
    // dark schemes alike (KMessageWidget does much the same).
    const QPalette base = parentWidget() ? parentWidget()->palette() : QPalette();
    const QColor window = base.color(QPalette::Window);
    const QColor accent = m_kind == Kind::Error ? QColor(0xda, 0x44, 0x53) : QColor(0x3d, 0xae, 0xe9);
    const auto mix = [](const QColor &a, const QColor &b, double t) {
        return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                                float(a.blueF() * (1 - t) + b.blueF() * t));
    };
    m_applying = true;
    QPalette palette = base;
    palette.setColor(QPalette::Window, mix(window, accent, 0.2));
    palette.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    palette.setColor(QPalette::Light, accent);
    palette.setColor(QPalette::Dark, accent);
    palette.setColor(QPalette::Mid, accent);
    setPalette(palette);
    m_applying = false;
}

} // namespace ferry::ui
