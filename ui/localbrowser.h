// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QTreeView;

namespace ferry::ui {

class LocalFileModel;

/// The local pane beside the remote one: a folder of this computer with a
/// location bar and Up. Local files dragged onto the remote pane upload;
/// remote entries dropped here download into the folder under the drop.
class LocalBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalBrowser)

public:
    explicit LocalBrowser(QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    LocalFileModel *model() const { return m_model; }
    QString currentPath() const { return m_path; }
    void openPath(const QString &path);
    QStringList selectedPaths() const;

Q_SIGNALS:
    void downloadRequested(const QStringList &remotePaths, const QString &localDirectory);
    void pathChanged(const QString &path);

private:
    LocalFileModel *m_model;
    QTreeView *m_view;
    QLineEdit *m_location;
    QString m_path;
};

} // namespace ferry::ui
