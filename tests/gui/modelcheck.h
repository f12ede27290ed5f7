// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/mainwindow.h"
#include "ui/remotedirmodel.h"
#include "ui/transferdock.h"
#include "ui/transferqueuemodel.h"

#include <QAbstractItemModelTester>
#include <QTreeView>

#include <algorithm>

/// Checks every model the window shows against the rules of
/// QAbstractItemModel, after every change, for as long as the window lives:
/// a broken rule fails the running test. The local pane's model is Qt's
/// QFileSystemModel, whose tester walks it from "/" and would read the
/// whole file system; it is left out.
inline void checkModels(ferry::ui::MainWindow *window)
{
    QList<QAbstractItemModel *> models{window->remoteModel(), window->remoteView()->model(), window->transferDock()->model()};
    std::sort(models.begin(), models.end());
    models.erase(std::unique(models.begin(), models.end()), models.end());
    for (QAbstractItemModel *model : std::as_const(models))
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
}
