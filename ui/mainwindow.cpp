// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include <QLabel>
#include <QStatusBar>
#include <QTreeView>

namespace ferry::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_remoteView(new QTreeView(this))
    , m_connectionLabel(new QLabel(tr("Offline"), this))
{
    setWindowTitle(tr("Ferry"));
    m_remoteView->setObjectName(QStringLiteral("remoteView"));
    m_remoteView->setAccessibleName(tr("Remote files"));
    setCentralWidget(m_remoteView);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    resize(960, 640);
}

MainWindow::~MainWindow() = default;

} // namespace ferry::ui
