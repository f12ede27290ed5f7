// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/entry.h"

#include <QString>

#include <functional>
#include <optional>

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

/// The answer a policy gives by itself; nothing for Ask (a person decides)
/// and Fail (the conflict is an error: conflictRefusal()).
std::optional<ConflictAnswer::Action> answerOf(ConflictPolicy policy);
/// The policy that an answer given "for all" sets for the rest of the job.
ConflictPolicy policyOf(ConflictAnswer::Action action);

/// What one conflict comes to, for copies and moves alike.
struct ConflictOutcome {
    enum Kind {
        Replace, ///< the source takes the destination's place
        Resume,  ///< the shorter destination file is continued
        Skip,
        Rename,  ///< the source goes under newName beside the destination
        Refuse,  ///< an error (a folder and a file cannot replace each other)
        Cancel,  ///< the whole job stops
    };
    Kind kind = Skip;
    QString newName; ///< Rename: the name to take
    QString reason;  ///< Skip and Refuse: why, for the user
};
/// Resolves one conflict as @p answer says: Resume where the destination can
/// be continued (else Replace), Newer only for a newer source, never a folder
/// replaced by a file or the reverse.
ConflictOutcome resolveConflict(const ConflictInfo &info, const ConflictAnswer &answer);
/// The error of a conflict under ConflictPolicy::Fail.
QString conflictRefusal(const ConflictInfo &info);
/// The error of a conflict with no one to ask; @p why says why (empty: a
/// plain "there is no one to ask").
QString noOneToAsk(const ConflictInfo &info, const QString &why);

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
