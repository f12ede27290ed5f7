// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>

namespace ferry::net {

/// Token handling and the challenge-response of the handshake. The token
/// never crosses the wire: each side proves it holds it with an HMAC over
/// both sides' random nonces.
namespace auth {

inline constexpr qsizetype kNonceSize = 32;
inline constexpr qsizetype kTokenBytes = 32; ///< 256 bits

/// Reads the token from @p path; when the file does not exist and
/// @p createIfMissing, creates it (mode 0600, parent directories 0700) with
/// a fresh random token. The token is the file's first line, hex encoded.
/// The first line of @p path, trimmed: a secret of another program (a
/// Jupyter server's token) that Ferry passes on as it is.
Expected<QByteArray> loadSecret(const QString &path);
Expected<QByteArray> loadToken(const QString &path, bool createIfMissing);
/// The agent's token: as loadToken(path, true), and refused when the file
/// can be read by group or others (as OpenSSH refuses such keys) or when
/// the token is too easy to guess.
Expected<QByteArray> loadAgentToken(const QString &path);
/// An estimate of the bits of entropy in @p token, from how often each of
/// its characters occurs: a random hex token of 64 characters has about
/// 250, "aaaa...a" none.
double estimatedEntropyBits(const QByteArray &token);
inline constexpr double kMinTokenEntropyBits = 100;

/// $XDG_CONFIG_HOME/ferry/agent-token (or ~/.config/ferry/agent-token).
QString defaultTokenPath();

QByteArray randomNonce();

/// HMAC-SHA256 proof for one direction of the handshake.
QByteArray clientProof(const QByteArray &token, const QByteArray &agentNonce, const QByteArray &clientNonce);
QByteArray agentProof(const QByteArray &token, const QByteArray &agentNonce, const QByteArray &clientNonce);

/// Compares without an early exit, so timing reveals nothing of the proof.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace auth
} // namespace ferry::net
