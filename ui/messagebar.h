// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QAction;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace ferry::ui {

/// A message inside a pane, above its list, as KDE applications show what
/// went wrong without a dialog in the way: an icon, the text (selectable,
/// wrapped) and a close button. It stays until it is closed or replaced,
/// so a refresh that follows cannot wipe it away as it would a status bar
/// message. A message may carry actions, shown as buttons beside the text;
/// triggering one closes the message.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    enum class Kind { Error, Information };

    explicit MessageBar(QWidget *parent = nullptr);

    /// Shows @p text; one more message of the same kind while it is shown
    /// is added below the first (a delete of several entries may fail for
    /// several), up to a few lines.
    void showMessage(Kind kind, const QString &text);
    /// Shows @p text alone with @p actions as buttons (named after them).
    void showMessage(Kind kind, const QString &text, const QList<QAction *> &actions);
    QList<QAction *> messageActions() const { return m_actions; }
    /// Closes the message (as its close button does).
    void dismiss();
    QString text() const;
    Kind kind() const { return m_kind; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();
    void setActions(const QList<QAction *> &actions);

    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
    QHBoxLayout *m_layout;
    QList<QAction *> m_actions;
    QList<QToolButton *> m_buttons;
    Kind m_kind = Kind::Information;
    QStringList m_lines;
    bool m_applying = false; ///< applyColors() is changing the palette
};

} // namespace ferry::ui
