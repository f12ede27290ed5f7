// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/admission.h"

#include <algorithm>

namespace ferry::agent {

namespace {

/// ::ffff:127.0.0.1 and 127.0.0.1 are one address.
QHostAddress normalized(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

} // namespace

Admission::Admission(const AdmissionLimits &limits)
    : m_limits(limits)
{
}

Admission::Decision Admission::admit(quint64 id, const QHostAddress &peer, qint64 nowMs)
{
    const QHostAddress address = normalized(peer);
    if (m_addresses.value(address).bannedUntilMs > nowMs)
        return {Verdict::Banned, std::nullopt};

    Decision decision;
    if (int(m_pending.size()) >= m_limits.pendingTotal) {
        // Full. First to go is the connection that stopped moving.
        std::optional<quint64> victim = longestStuck();
        if (victim && nowMs - m_pending.value(*victim).sinceMs < m_limits.stalledMs) {
            // Everyone is moving or new. A connection that has shown
            // nothing yet makes room, from the address holding the most of
            // those, for an address under its share of them.
            QHash<QHostAddress, int> silent;
            for (const Pending &pending : std::as_const(m_pending)) {
                if (pending.silent)
                    ++silent[pending.address];
            }
            const int mine = silent.value(address);
            if (mine >= m_limits.pendingPerAddress)
                return {Verdict::AddressFull, std::nullopt};
            QHostAddress busiest;
            int most = 0;
            for (auto it = silent.cbegin(); it != silent.cend(); ++it) {
                if (it.value() > most) {
                    most = it.value();
                    busiest = it.key();
                }
            }
            if (most <= mine + 1)
                return {Verdict::Full, std::nullopt};
            victim = longestStuck(busiest);
        }
        if (victim) {
            release(*victim);
            decision.evict = victim;
        }
    }
    m_pending.insert(id, Pending{address, nowMs, ++m_order});
    ++m_addresses[address].pending;
    return decision;
}

std::optional<quint64> Admission::longestStuck(const std::optional<QHostAddress> &silentOf) const
{
    std::optional<quint64> found;
    const Pending *best = nullptr;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (silentOf && (!it->silent || it->address != *silentOf))
            continue;
        if (!best || it->sinceMs < best->sinceMs || (it->sinceMs == best->sinceMs && it->order < best->order)) {
            best = &*it;
            found = it.key();
        }
    }
    return found;
}

void Admission::progressed(quint64 id, qint64 nowMs)
{
    const auto it = m_pending.find(id);
    if (it != m_pending.end()) {
        it->sinceMs = nowMs;
        it->silent = false;
    }
}

void Admission::release(quint64 id)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    const auto state = m_addresses.find(it->address);
    if (state != m_addresses.end()) {
        --state->pending;
        if (state->forgettable())
            m_addresses.erase(state);
    }
    m_pending.erase(it);
}

int Admission::pendingFrom(const QHostAddress &address) const
{
    return m_addresses.value(normalized(address)).pending;
}

qint64 Admission::currentDelay(const AddressState &state) const
{
    const int over = state.failures - m_limits.freeFailures;
    if (over < 0)
        return 0;
    qint64 delay = m_limits.firstDelayMs;
    for (int i = 0; i < over && delay < m_limits.maxDelayMs; ++i)
        delay *= 2;
    return std::min<qint64>(delay, m_limits.maxDelayMs);
}

qint64 Admission::reserveCheck(const QHostAddress &peer, qint64 nowMs)
{
    const auto state = m_addresses.find(normalized(peer));
    if (state == m_addresses.end())
        return 0;
    const qint64 delay = currentDelay(*state);
    if (delay == 0)
        return 0;
    const qint64 slot = std::max(nowMs, state->nextCheckMs);
    state->nextCheckMs = slot + delay;
    return slot - nowMs;
}

Admission::FailureNote Admission::failed(const QHostAddress &peer, qint64 nowMs)
{
    AddressState &state = m_addresses[normalized(peer)];
    FailureNote note;
    if (state.failures > 0 && nowMs - state.lastFailureMs > m_limits.burstQuietMs) {
        // A new burst; the summary of the old one was due already.
        state.failures = 0;
        state.banned = false;
    }
    note.logNow = state.failures == 0;
    ++state.failures;
    state.lastFailureMs = nowMs;
    state.nextCheckMs = std::max(state.nextCheckMs, nowMs + currentDelay(state));
    if (state.failures >= m_limits.banAfter && state.bannedUntilMs <= nowMs) {
        state.bannedUntilMs = nowMs + m_limits.banMs;
        note.bannedNow = true;
        state.banned = true;
    }
    return note;
}

bool Admission::isBanned(const QHostAddress &address, qint64 nowMs) const
{
    return m_addresses.value(normalized(address)).bannedUntilMs > nowMs;
}

void Admission::succeeded(const QHostAddress &peer)
{
    const auto state = m_addresses.find(normalized(peer));
    if (state == m_addresses.end())
        return;
    state->failures = 0;
    state->nextCheckMs = 0;
    state->banned = false;
}

QList<Admission::BurstSummary> Admission::takeEndedBursts(qint64 nowMs)
{
    QList<BurstSummary> ended;
    for (auto it = m_addresses.begin(); it != m_addresses.end();) {
        AddressState &state = *it;
        const bool burstOver = state.failures > 0 && nowMs - state.lastFailureMs > m_limits.burstQuietMs;
        if (burstOver) {
            // The first failure was logged when it came; the summary
            // counts the burst as a whole.
            ended.append(BurstSummary{it.key(), state.failures, state.banned});
            state.failures = 0;
            state.nextCheckMs = 0;
            state.banned = false;
        }
        if (state.bannedUntilMs != 0 && state.bannedUntilMs <= nowMs)
            state.bannedUntilMs = 0;
        if (state.forgettable())
            it = m_addresses.erase(it);
        else
            ++it;
    }
    return ended;
}

} // namespace ferry::agent
