// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/copy/conflict.h"

#include "core/pathcodec.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace ferry::copy {

namespace {

bool isDir(const protocol::Entry &e)
{
    return e.type == protocol::Entry::Type::Directory;
}

} // namespace

std::optional<ConflictPolicy> policyFromString(const QString &text)
{
    static const QHash<QString, ConflictPolicy> policies{
        {u"ask"_s, ConflictPolicy::Ask},       {u"overwrite"_s, ConflictPolicy::Overwrite}, {u"skip"_s, ConflictPolicy::Skip},
        {u"rename"_s, ConflictPolicy::Rename}, {u"resume"_s, ConflictPolicy::Resume},       {u"newer"_s, ConflictPolicy::Newer},
        {u"fail"_s, ConflictPolicy::Fail},
    };
    const auto it = policies.constFind(text);
    return it == policies.constEnd() ? std::nullopt : std::optional<ConflictPolicy>(*it);
}

std::optional<ConflictAnswer::Action> answerOf(ConflictPolicy policy)
{
    switch (policy) {
    case ConflictPolicy::Overwrite: return ConflictAnswer::Overwrite;
    case ConflictPolicy::Skip: return ConflictAnswer::Skip;
    case ConflictPolicy::Rename: return ConflictAnswer::Rename;
    case ConflictPolicy::Resume: return ConflictAnswer::Resume;
    case ConflictPolicy::Newer: return ConflictAnswer::OverwriteIfNewer;
    case ConflictPolicy::Ask:
    case ConflictPolicy::Fail: return std::nullopt;
    }
    return std::nullopt;
}

ConflictPolicy policyOf(ConflictAnswer::Action action)
{
    switch (action) {
    case ConflictAnswer::Overwrite: return ConflictPolicy::Overwrite;
    case ConflictAnswer::Skip: return ConflictPolicy::Skip;
    case ConflictAnswer::Rename: return ConflictPolicy::Rename;
    case ConflictAnswer::Resume: return ConflictPolicy::Resume;
    case ConflictAnswer::OverwriteIfNewer: return ConflictPolicy::Newer;
    case ConflictAnswer::Cancel: return ConflictPolicy::Ask;
    }
    return ConflictPolicy::Ask;
}

ConflictOutcome resolveConflict(const ConflictInfo &info, const ConflictAnswer &answer)
{
    const QString where = pathcodec::escaped(info.destinationPath);
    switch (answer.action) {
    case ConflictAnswer::Cancel:
        return {ConflictOutcome::Cancel, {}, {}};
    case ConflictAnswer::Skip:
        return {ConflictOutcome::Skip, {}, QCoreApplication::translate("ferry::copy", "exists")};
    case ConflictAnswer::Rename:
        return {ConflictOutcome::Rename, answer.newName.isEmpty() ? info.suggestedName : answer.newName, {}};
    case ConflictAnswer::OverwriteIfNewer:
        if (info.source.mtimeNs <= info.destination.mtimeNs)
            return {ConflictOutcome::Skip, {}, QCoreApplication::translate("ferry::copy", "the destination is not older")};
        [[fallthrough]];
    case ConflictAnswer::Overwrite:
    case ConflictAnswer::Resume:
        if (info.typeMismatch) {
            return {ConflictOutcome::Refuse, {},
                    isDir(info.destination) ? QCoreApplication::translate("ferry::copy", "cannot overwrite directory '%1' with a non-directory").arg(where)
                                            : QCoreApplication::translate("ferry::copy", "cannot overwrite non-directory '%1' with a directory").arg(where)};
        }
        if (answer.action == ConflictAnswer::Resume && info.canResume)
            return {ConflictOutcome::Resume, {}, {}};
        return {ConflictOutcome::Replace, {}, {}};
    }
    return {ConflictOutcome::Cancel, {}, {}};
}

QString conflictRefusal(const ConflictInfo &info)
{
    return QCoreApplication::translate("ferry::copy", "%1: already exists").arg(pathcodec::escaped(info.destinationPath));
}

QString noOneToAsk(const ConflictInfo &info, const QString &why)
{
    return QCoreApplication::translate("ferry::copy", "%1 exists; %2").arg(pathcodec::escaped(info.destinationPath), why.isEmpty() ? QCoreApplication::translate("ferry::copy", "there is no one to ask") : why);
}

} // namespace ferry::copy
