// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/entry.h"

#include <QString>

#include <functional>

namespace ferry::transfer {
class Job;
}

namespace ferry::copy {

/// What a copy does when a destination exists, decided once for the job
/// (the CLI's --on-conflict) or asked per conflict.
enum class ConflictPolicy {
    Ask,
    Overwrite,
    Skip,
    Rename,   ///< a free name beside it: "report (1).pdf"
    Resume,   ///< continue a shorter destination whose bytes match, else overwrite
    Newer,    ///< overwrite only when the source is newer
    Fail,
};

/// Parses "ask", "overwrite", ...; nothing for an unknown word.
std::optional<ConflictPolicy> policyFromString(const QString &text);

/// One destination that exists, as shown to the person deciding.
struct ConflictInfo {
    QString sourcePath;       ///< for display (":" prefix when remote)
    QString destinationPath;  ///< for display
    protocol::Entry source;
    protocol::Entry destination;
    QString suggestedName;    ///< a free name in the destination's folder
    bool canResume = false;   ///< both files, destination shorter
    bool typeMismatch = false; ///< a file meets a folder or the reverse: only skip or rename
};

struct ConflictAnswer {
    enum Action { Overwrite, Skip, Rename, Resume, OverwriteIfNewer, Cancel };
    Action action = Skip;
    bool applyToAll = false; ///< same action for the rest of the job's conflicts
    QString newName;         ///< for Rename: the name to use (empty: the suggestion)
};

/// Asks the user about a conflict. The GUI shows a non-modal dialog, the CLI
/// prompts on the terminal. The answer may come later; other transfers of the
/// job go on meanwhile. A handler must call @p answer at most once and may
/// drop the question if the job ends first (transfer::Job::finished). The
/// job is the CopyJob or MoveJob asking.
class ConflictHandler
{
public:
    virtual ~ConflictHandler() = default;
    virtual void askConflict(transfer::Job *job, const ConflictInfo &info, std::function<void(const ConflictAnswer &)> answer) = 0;
};

} // namespace ferry::copy
