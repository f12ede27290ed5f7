// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace ferry::test {

/// Installs a seccomp filter under which openat2 fails with ENOSYS for this
/// process and everything it starts, as on Linux before 5.6 and in gVisor.
/// Filters cannot be removed. Returns 0, or the errno of the failing prctl.
int refuseOpenat2();

} // namespace ferry::test
