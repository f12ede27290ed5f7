// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/copy/conflict.h"

namespace ferry::cli {

/// Answers copy conflicts on the terminal (stdin/stderr), one at a time:
/// overwrite, skip, rename, resume, newer, each optionally for all.
class TerminalConflictHandler final : public copy::ConflictHandler
{
public:
    void askConflict(copy::CopyJob *job, const copy::ConflictInfo &info, std::function<void(const copy::ConflictAnswer &)> answer) override;
};

} // namespace ferry::cli
