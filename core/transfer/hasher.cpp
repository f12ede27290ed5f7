// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transfer/hasher.h"

#include <xxhash.h>

namespace ferry::transfer {

void Hasher::StateDeleter::operator()(XXH3_state_s *state) const
{
    XXH3_freeState(state);
}

Hasher::Hasher()
    : m_state(XXH3_createState())
{
    reset();
}

Hasher::~Hasher() = default;
Hasher::Hasher(Hasher &&) noexcept = default;
Hasher &Hasher::operator=(Hasher &&) noexcept = default;

void Hasher::reset()
{
    XXH3_128bits_reset(m_state.get());
}

void Hasher::add(QByteArrayView data)
{
    XXH3_128bits_update(m_state.get(), data.data(), size_t(data.size()));
}

QByteArray Hasher::digest() const
{
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(m_state.get()));
    return QByteArray(reinterpret_cast<const char *>(canonical.digest), kDigestSize);
}

QByteArray Hasher::hash(QByteArrayView data)
{
    Hasher h;
    h.add(data);
    return h.digest();
}

} // namespace ferry::transfer
