// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QHBoxLayout;
class QLineEdit;
class QStackedLayout;
class QToolButton;

namespace ferry::ui {

/// A breadcrumb bar for a remote path, like Dolphin's: one button per
/// folder from the root down, a click goes there. Clicking beside the
/// buttons, or Ctrl+L, turns it into a line to type a path into; Enter goes
/// there, Escape gives the buttons back. Going up to an ancestor keeps
/// the deeper folders as crumbs after the current one (the trail), so a
/// click leads back down, until a path off the trail is shown.
class LocationBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocationBar)

public:
    explicit LocationBar(QWidget *parent = nullptr);

    /// Shows @p path ("" is the root).
    void setPath(const QString &path);
    const QString &path() const { return m_path; }
    QLineEdit *lineEdit() const { return m_edit; }
    /// The crumb buttons, root first, the trail included (for tests and
    /// accessibility checks).
    QList<QToolButton *> crumbs() const { return m_crumbs; }
    /// The deepest path of the trail: path() or a folder below it.
    const QString &trail() const { return m_trail; }
    bool isEditing() const;

public Q_SLOTS:
    void startEditing();
    void stopEditing();

Q_SIGNALS:
    /// The user chose @p path (a crumb, or a typed path, cleaned).
    void pathRequested(const QString &path);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();

    QString m_path;
    QString m_trail;
    QStackedLayout *m_stack;
    QWidget *m_crumbPage;
    QHBoxLayout *m_crumbLayout;
    QLineEdit *m_edit;
    QList<QToolButton *> m_crumbs;
};

} // namespace ferry::ui
