// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logging.h"

Q_LOGGING_CATEGORY(lcProtocol, "ferry.protocol", QtWarningMsg)
Q_LOGGING_CATEGORY(lcConnection, "ferry.connection", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAgent, "ferry.agent", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransfer, "ferry.transfer", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCopy, "ferry.copy", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "ferry.cli", QtWarningMsg)
