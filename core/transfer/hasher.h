// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <memory>

struct XXH3_state_s;

namespace ferry::transfer {

/// Streaming XXH3-128, the end-to-end checksum of every transferred file
/// (rsync's choice: several GB/s per core, far above any link).
class Hasher
{
public:
    Hasher();
    ~Hasher();
    Hasher(Hasher &&) noexcept;
    Hasher &operator=(Hasher &&) noexcept;

    void reset();
    void add(QByteArrayView data);
    /// 16 bytes, big endian (the canonical XXH128 form).
    QByteArray digest() const;

    static QByteArray hash(QByteArrayView data);
    static constexpr qsizetype kDigestSize = 16;

private:
    struct StateDeleter {
        void operator()(XXH3_state_s *state) const;
    };
    std::unique_ptr<XXH3_state_s, StateDeleter> m_state;
};

} // namespace ferry::transfer
