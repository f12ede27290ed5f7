// SPDX-License-Identifier: GPL-3.0-or-later
// noopenat2 PROGRAM [ARGS...]: runs PROGRAM on a kernel that, for it and
// everything it starts, has no openat2: a seccomp filter makes the system
// call fail with ENOSYS, as Linux before 5.6 and gVisor answer. RootFs then
// has to notice by itself and resolve paths with its own walk.
#include "support/refuseopenat2.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <unistd.h>

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s PROGRAM [ARGS...]\n", argv[0]);
        return 2;
    }
    if (const int error = ferry::test::refuseOpenat2(); error != 0) {
        std::fprintf(stderr, "noopenat2: cannot install the seccomp filter: %s\n", std::strerror(error));
        return 125;
    }
    ::execvp(argv[1], argv + 1);
    std::fprintf(stderr, "noopenat2: %s: %s\n", argv[1], std::strerror(errno));
    return 127;
}
