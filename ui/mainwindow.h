// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QTreeView;

namespace ferry::ui {

/// The main window: the remote browser, the transfer queue and the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    QTreeView *remoteView() const { return m_remoteView; }

private:
    QTreeView *m_remoteView = nullptr;
    QLabel *m_connectionLabel = nullptr;
};

} // namespace ferry::ui
