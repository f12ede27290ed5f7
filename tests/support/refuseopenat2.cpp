// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/refuseopenat2.h"

#include <cerrno>
#include <cstddef>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#if defined(__x86_64__)
#define FERRY_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define FERRY_AUDIT_ARCH AUDIT_ARCH_AARCH64
#else
#error "refuseOpenat2 knows the system call numbers of x86-64 and AArch64 only"
#endif

#ifndef SYS_openat2
#define SYS_openat2 437
#endif

namespace ferry::test {

int refuseOpenat2()
{
    // System call numbers only mean something for one architecture; a call
    // made through another ABI (int 0x80 on x86-64) would slip past the
    // number check, so such calls end the process instead.
    static sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, FERRY_AUDIT_ARCH, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat2, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (ENOSYS & SECCOMP_RET_DATA)),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    sock_fprog program{};
    program.len = sizeof filter / sizeof filter[0];
    program.filter = filter;

    // Unprivileged processes may only install a filter once they give up
    // gaining privileges through exec (setuid programs).
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return errno;
    if (::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0)
        return errno;
    return 0;
}

} // namespace ferry::test
