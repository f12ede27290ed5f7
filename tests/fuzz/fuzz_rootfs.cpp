// SPDX-License-Identifier: GPL-3.0-or-later
// The resolution of wire paths beneath the served directory, against the
// scratch tree of fuzzsupport.h (symlinks that stay inside, that lead out
// relatively, absolutely and through /proc, loops, a FIFO). The first byte
// picks the open flags and resolve mode of the differential part; the rest
// is the path.
//
// - Every descriptor RootFs hands out, and every one the two resolvers
//   open, must name something beneath the root (its /proc/self/fd link).
// - The walk used where the kernel has no openat2 must agree with
//   openat2(RESOLVE_BENEATH) itself: both open the same object, or both
//   fail with errors RootFs reports the same way.
// - normalize() must give a clean relative path: no "", "." or ".."
//   component, no leading or trailing slash.

#include "fuzzsupport.h"

#include "core/agent/rootfs.h"
#include "core/agent/rootfsdetail.h"

#include <QFile>

#include <cerrno>
#include <climits>
#include <memory>

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_openat2
#define SYS_openat2 437
#endif

using namespace ferry;
using namespace ferry::agent;

namespace {

struct World {
    fuzz::ScratchTree tree;
    QByteArray rootReal;
    std::unique_ptr<RootFs> fs;
    UniqueFd rootFd;
};

World *g_world = nullptr;

QByteArray fdTarget(int fd)
{
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[PATH_MAX + 1];
    const ssize_t n = ::readlink(link, target, PATH_MAX);
    if (n < 0)
        fuzz::fail("readlink of a descriptor failed");
    return QByteArray(target, n);
}

void checkBeneath(int fd, const char *what)
{
    const QByteArray target = fdTarget(fd);
    if (target != g_world->rootReal && !target.startsWith(QByteArray(g_world->rootReal + '/')))
        fuzz::fail(what, QString::fromUtf8(target));
}

void checkNormalized(const QString &path)
{
    if (path.startsWith(u'/') || path.endsWith(u'/'))
        fuzz::fail("normalize left a slash at an end", path);
    if (path.isEmpty())
        return;
    for (const QStringView part : QStringView(path).split(u'/')) {
        if (part.isEmpty() || part == u"." || part == u"..")
            fuzz::fail("normalize left an empty, . or .. component", path);
    }
}

// The flags and resolve modes RootFs asks for, never creating anything;
// O_NONBLOCK so the FIFO does not block an open for reading.
struct Mode {
    int flags;
    quint64 resolve;
};
const Mode kModes[] = {
    {O_PATH | O_DIRECTORY, rootfs_detail::kResolveBeneath},
    {O_PATH | O_NOFOLLOW, rootfs_detail::kResolveFinal},
    {O_PATH, rootfs_detail::kResolveBeneath},
    {O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, rootfs_detail::kResolveFinal},
    {O_RDONLY | O_DIRECTORY | O_NONBLOCK, rootfs_detail::kResolveBeneath},
    {O_RDONLY | O_NONBLOCK, rootfs_detail::kResolveBeneath},
    {O_PATH | O_DIRECTORY | O_NOFOLLOW, rootfs_detail::kResolveFinal},
    {O_PATH, RESOLVE_BENEATH},
};

void differential(const Mode &mode, const QByteArray &path)
{
    open_how how{};
    how.flags = quint64(mode.flags | O_CLOEXEC);
    how.resolve = mode.resolve;
    errno = 0;
    const UniqueFd kernel(int(::syscall(SYS_openat2, g_world->rootFd.get(), path.constData(), &how, sizeof how)));
    const int kernelErrno = errno;
    errno = 0;
    const UniqueFd walk(rootfs_detail::walkOpenFd(g_world->rootFd.get(), path.constData(), mode.flags, mode.resolve));
    const int walkErrno = errno;

    const QString detail = QStringLiteral("'%1' flags %2 resolve %3: openat2 %4, walk %5")
                               .arg(QString::fromUtf8(path))
                               .arg(mode.flags, 0, 8)
                               .arg(mode.resolve)
                               .arg(kernel ? QStringLiteral("ok") : QString::fromLatin1(strerrorname_np(kernelErrno)),
                                    walk ? QStringLiteral("ok") : QString::fromLatin1(strerrorname_np(walkErrno)));
    if (bool(kernel) != bool(walk))
        fuzz::fail("the walk and openat2 disagree", detail);
    if (!kernel) {
        // Compared as RootFs reports them. The kernel counts the links
        // followed before a ".." at the starting point twice (its lookup
        // starts over without RCU there), so 21 links to ".." and then
        // ".." are ELOOP for openat2 and EXDEV for the walk: both mean
        // outside the root.
        if (Error::fromErrno(kernelErrno, {}).code != Error::fromErrno(walkErrno, {}).code)
            fuzz::fail("the walk and openat2 fail differently", detail);
        return;
    }
    checkBeneath(walk.get(), "the walk opened something outside the root");
    struct stat a, b;
    if (::fstat(kernel.get(), &a) != 0 || ::fstat(walk.get(), &b) != 0)
        fuzz::fail("fstat failed", detail);
    if (a.st_dev != b.st_dev || a.st_ino != b.st_ino)
        fuzz::fail("the walk and openat2 opened different objects", detail);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    g_world = new World;
    g_world->rootReal = QFile::encodeName(g_world->tree.rootPath());
    auto fs = RootFs::open(g_world->tree.rootPath());
    if (!fs)
        fuzz::fail("cannot serve the scratch tree", fs.error().message);
    g_world->fs = std::make_unique<RootFs>(std::move(*fs));
    g_world->rootFd = UniqueFd(::open(g_world->rootReal.constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    std::atexit([] { delete g_world; });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const Mode &mode = kModes[data[0] % std::size(kModes)];
    const QByteArray raw(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    const QString wire = QString::fromUtf8(raw);
    const RootFs &fs = *g_world->fs;

    if (auto normalized = fs.normalize(wire)) {
        checkNormalized(*normalized);
        // Normalizing is idempotent.
        auto again = fs.normalize(*normalized);
        if (!again || *again != *normalized)
            fuzz::fail("normalize is not idempotent", wire);
    } else if (wire.isEmpty()) {
        fuzz::fail("the root does not normalize");
    }

    if (auto fd = fs.openDirectory(wire))
        checkBeneath(fd->get(), "openDirectory opened something outside the root");
    if (auto fd = fs.openRead(wire))
        checkBeneath(fd->get(), "openRead opened something outside the root");
    if (auto parent = fs.openParent(wire))
        checkBeneath(parent->dirFd.get(), "openParent opened something outside the root");
    ParentCache cache;
    if (auto parent = fs.parentIn(cache, wire)) {
        checkBeneath(parent->dirFd, "parentIn opened something outside the root");
        if (auto fd = RootFs::openReadAt(*parent, wire))
            checkBeneath(fd->get(), "openReadAt opened something outside the root");
        (void)RootFs::statAt(*parent, wire);
    }
    (void)fs.stat(wire);
    (void)fs.diskSpace(wire);
    if (auto entries = fs.list(wire); entries && entries->size() > 64)
        fuzz::fail("a listing of the small scratch tree is large");

    // The two resolvers, on the bytes as the system calls see them (up to
    // the first NUL).
    differential(mode, QByteArray(raw.constData()));
    return 0;
}
