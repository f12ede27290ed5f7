// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace ferry::agent {

/// How much a listening agent gives to connections that have not proved
/// the token yet, and how it slows down those that guess.
struct AdmissionLimits {
    int pendingTotal = 256;       ///< unauthenticated connections, from all addresses
    /// Once the budget is full: how many connections that have shown
    /// nothing yet (no TLS, no upgrade) one address may hold; beyond it the
    /// address gets no more places.
    int pendingPerAddress = 16;
    /// A pending connection that has not reached its next stage (TLS done,
    /// upgraded, proof sent) for this long gives way to a newcomer first.
    int stalledMs = 500;
    int handshakeMs = 10000;      ///< from the first byte to authenticated
    int freeFailures = 3;         ///< failed proofs per address before checks slow down
    int firstDelayMs = 250;       ///< the first delay, doubled with every further failure
    int maxDelayMs = 4000;
    int banAfter = 20;            ///< failed proofs in one burst before a ban
    int banMs = 60000;            ///< how long a banned address is turned away
    int burstQuietMs = 30000;     ///< a burst of failures ends after this long without one
};

/// The bookkeeping of admission before authentication, without sockets or
/// clocks (the caller passes the time in milliseconds), so that it can be
/// tested on its own.
///
/// Every connection is pending from its first byte until it authenticates
/// or goes. Pending connections have their own budget, apart from the
/// limit on clients. While the budget has room anyone gets in: many
/// clients behind one address (a NAT, a reverse proxy) are as welcome as
/// clients from many. Once it is full, a newcomer takes the place of the
/// connection that has been stuck at its stage the longest, if that one
/// has been stuck for a while: a client with the token moves on within
/// milliseconds, an idle or half-open connection does not. Failing that,
/// it takes the place of a connection that has shown nothing yet, from the
/// address holding the most of those, unless its own address already holds
/// its share of them. A connection that is moving is never pushed out. So
/// a flood, from one place or many, never keeps a client out for long, and
/// a client turned away is let in when it tries again. Failed proofs of the
/// token slow further checks from that address down (growing delay), then
/// turn it away for a while.
class Admission
{
public:
    explicit Admission(const AdmissionLimits &limits = {});

    const AdmissionLimits &limits() const { return m_limits; }

    enum class Verdict {
        Accept,
        Banned,      ///< the address failed too often; close at once
        AddressFull, ///< the budget is full and the address holds its share of silent connections
        Full,        ///< the budget is full and no connection may be pushed out
    };
    struct Decision {
        Verdict verdict = Verdict::Accept;
        /// A pending connection to close to make room (with Accept).
        std::optional<quint64> evict;
    };
    /// A new connection @p id from @p address.
    Decision admit(quint64 id, const QHostAddress &address, qint64 nowMs);
    /// Connection @p id reached its next stage on the way in.
    void progressed(quint64 id, qint64 nowMs);
    /// Connection @p id authenticated or went: it is no longer pending.
    void release(quint64 id);
    int pendingCount() const { return int(m_pending.size()); }
    int pendingFrom(const QHostAddress &address) const;

    /// Milliseconds until a proof from @p address may be checked; each call
    /// takes the next slot, so that parallel connections from a throttled
    /// address are checked one after the other.
    qint64 reserveCheck(const QHostAddress &address, qint64 nowMs);

    /// What to write to the log about a failure: the first of a burst is
    /// logged, the rest are counted and summed up when the burst ends.
    struct FailureNote {
        bool logNow = false;
        bool bannedNow = false;
    };
    FailureNote failed(const QHostAddress &address, qint64 nowMs);
    /// True while @p address is turned away.
    bool isBanned(const QHostAddress &address, qint64 nowMs) const;
    /// A correct proof from @p address: its failures are forgiven.
    void succeeded(const QHostAddress &address);

    struct BurstSummary {
        QHostAddress address;
        int failures = 0;
        bool banned = false;
    };
    /// Bursts that ended by @p nowMs (and forgets them): one summary line each.
    QList<BurstSummary> takeEndedBursts(qint64 nowMs);

private:
    struct AddressState {
        int pending = 0;
        int failures = 0;       ///< in the current burst
        qint64 lastFailureMs = 0;
        qint64 nextCheckMs = 0;
        qint64 bannedUntilMs = 0;
        bool banned = false;    ///< banned during the current burst
        /// Nothing pending, no failures, no ban: nothing to remember.
        bool forgettable() const { return pending <= 0 && failures == 0 && bannedUntilMs == 0; }
    };
    struct Pending {
        QHostAddress address;
        qint64 sinceMs = 0; ///< at its current stage since
        quint64 order = 0;  ///< of arrival, for ties
        bool silent = true; ///< has not reached a stage yet
    };
    qint64 currentDelay(const AddressState &state) const;
    /// The pending connection stuck the longest; of @p address and silent
    /// only, when given.
    std::optional<quint64> longestStuck(const std::optional<QHostAddress> &silentOf = std::nullopt) const;

    AdmissionLimits m_limits;
    QHash<QHostAddress, AddressState> m_addresses;
    QHash<quint64, Pending> m_pending;
    quint64 m_order = 0;
};

} // namespace ferry::agent
