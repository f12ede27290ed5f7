// SPDX-License-Identifier: GPL-3.0-or-later
// RootFs without openat2 (Linux before 5.6, gVisor): the same confinement as
// RESOLVE_BENEATH, resolved one component at a time.
//
// Every step is an openat() relative to a directory descriptor the walk holds,
// with O_PATH | O_NOFOLLOW, so the kernel never follows a symlink on its own:
// the walk reads the link's text and resolves it itself, with the rules
// openat2 applies (absolute targets refused, a budget of 40 links,
// RESOLVE_NO_SYMLINKS, RESOLVE_NO_MAGICLINKS). ".." goes back to the directory
// the walk came from, taken from its own stack, and is refused at the start
// directory, so no path, however it is spelled or swapped underneath us,
// leaves the tree below the starting descriptor.
#include "core/agent/rootfsdetail.h"

#include <QByteArray>

#include <cerrno>
#include <climits>
#include <cstring>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

namespace ferry::agent::rootfs_detail {

namespace {

// The kernel's MAXSYMLINKS: a lookup may follow 40 links, the 41st is ELOOP.
constexpr int kMaxSymlinks = 40;

// Deep paths would otherwise hold one descriptor per level, and a peer can
// make a tree thousands of levels deep; beyond this many, a level keeps only
// its identity and is reopened through ".." when the walk climbs back.
constexpr std::size_t kHeldLevels = 16;

// ST_NOSYMFOLLOW (Linux 5.10): a mount whose symlinks the kernel refuses to
// follow, with ELOOP, openat2 included. Older headers lack the name.
constexpr unsigned long kMountNoSymFollow = 0x2000;

// What openat2 accepts together with O_PATH; anything else is EINVAL there.
constexpr int kPathFlags = O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

constexpr quint64 kWalkResolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;

// Magic links (/proc/PID/fd/N, cwd, exe, ns/...) point at objects, not at
// text; their readlink() output is an absolute path or "type:[inode]". The
// few ordinary links on procfs (self, thread-self, mounts, net) are relative
// names without a colon.
bool isMagicLink(const struct statfs &fs, const QByteArray &target)
{
    return fs.f_type == PROC_SUPER_MAGIC && (target.startsWith('/') || target.contains(':'));
}

class BeneathWalk
{
public:
    BeneathWalk(int startFd, int flags, quint64 resolve, mode_t mode);

    /// The descriptor, or -errno.
    int open(const char *path);

private:
    struct Component {
        QByteArray name;
        bool mustBeDir = false; ///< written with a trailing slash
    };
    struct Level {
        UniqueFd owned;
        int fd = -1;            ///< -1 once released (see kHeldLevels)
        dev_t dev = 0;
        ino_t ino = 0;
        bool identified = false;
    };

    int top() const { return m_levels.back().fd; }
    void pushPath(const QByteArray &path, bool mustBeDir);
    void pushLevel(UniqueFd fd, const struct stat &st);
    static int identify(Level &level);
    int enter(const Component &component);
    int up();
    int follow(int linkFd, const struct stat &st, bool mustBeDir);
    int openLast(const QByteArray &name, bool &followed);
    int openHere(const char *name, int flags) const;

    const int m_flags;
    const quint64 m_resolve;
    const mode_t m_mode;
    // Like the kernel's: O_NOFOLLOW, and O_CREAT | O_EXCL, leave a final
    // symlink alone.
    const bool m_followLast;
    int m_links = 0;
    std::vector<Level> m_levels;     ///< the start directory first
    std::vector<Component> m_pending; ///< next component at the back
};

BeneathWalk::BeneathWalk(int startFd, int flags, quint64 resolve, mode_t mode)
    : m_flags(flags | O_CLOEXEC)
    , m_resolve(resolve)
    , m_mode(mode)
    , m_followLast(!(flags & O_NOFOLLOW) && (flags & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL))
{
    Level start;
    start.fd = startFd;
    m_levels.push_back(std::move(start));
}

int BeneathWalk::open(const char *path)
{
    if ((m_flags & O_PATH) && (m_flags & ~kPathFlags))
        return -EINVAL;
    if ((m_resolve & ~kWalkResolve) || !(m_resolve & RESOLVE_BENEATH))
        return -EINVAL;
    const std::size_t length = ::strnlen(path, PATH_MAX);
    if (length >= PATH_MAX)
        return -ENAMETOOLONG;
    if (length == 0)
        return -ENOENT;
    if (path[0] == '/')
        return -EXDEV;
    pushPath(QByteArray(path, qsizetype(length)), false);

    for (;;) {
        // Nothing left after ".", ".." or "name/": the directory we are in.
        if (m_pending.empty())
            return openHere(".", m_flags);
        const Component component = std::move(m_pending.back());
        m_pending.pop_back();
        const bool last = m_pending.empty();
        int result = 0;
        if (component.name == ".")
            continue;
        if (component.name == "..") {
            result = up();
        } else if (last && !component.mustBeDir) {
            bool followed = false;
            result = openLast(component.name, followed);
            if (!followed)
                return result;
        } else if (last && (m_flags & O_CREAT)) {
            return -EISDIR; // "name/" cannot be created as a file
        } else {
            result = enter(component);
        }
        if (result < 0)
            return result;
    }
}

// Pushes the components of @p path so that its first one is taken next.
void BeneathWalk::pushPath(const QByteArray &path, bool mustBeDir)
{
    const std::size_t before = m_pending.size();
    const bool trailingSlash = path.endsWith('/');
    qsizetype end = path.size();
    while (end > 0) {
        const qsizetype slash = path.lastIndexOf('/', end - 1);
        const qsizetype begin = slash + 1;
        if (end > begin) {
            const bool isLast = m_pending.size() == before;
            m_pending.push_back(Component{path.mid(begin, end - begin), isLast && (mustBeDir || trailingSlash)});
        }
        if (slash < 0)
            break;
        end = slash;
    }
}

void BeneathWalk::pushLevel(UniqueFd fd, const struct stat &st)
{
    Level level;
    level.fd = fd.get();
    level.owned = std::move(fd);
    level.dev = st.st_dev;
    level.ino = st.st_ino;
    level.identified = true;
    m_levels.push_back(std::move(level));
    // The start directory is the caller's and stays; release the oldest of
    // the others once too many are open.
    if (m_levels.size() > kHeldLevels + 1) {
        Level &old = m_levels[m_levels.size() - 1 - kHeldLevels];
        old.owned.reset();
        old.fd = -1;
    }
}

int BeneathWalk::identify(Level &level)
{
    if (level.identified)
        return 0;
    struct stat st;
    if (::fstatat(level.fd, "", &st, AT_EMPTY_PATH) != 0)
        return -errno;
    level.dev = st.st_dev;
    level.ino = st.st_ino;
    level.identified = true;
    return 0;
}

// A component that has to be a directory: one more level, or a symlink whose
// text takes its place.
int BeneathWalk::enter(const Component &component)
{
    UniqueFd fd(::openat(top(), component.name.constData(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
    if (!fd)
        return -errno;
    struct stat st;
    if (::fstat(fd.get(), &st) != 0)
        return -errno;
    if (S_ISDIR(st.st_mode)) {
        pushLevel(std::move(fd), st);
        return 0;
    }
    if (S_ISLNK(st.st_mode))
        return follow(fd.get(), st, component.mustBeDir);
    return -ENOTDIR;
}

int BeneathWalk::up()
{
    // RESOLVE_BENEATH's answer to ".." at the starting point.
    if (m_levels.size() == 1)
        return -EXDEV;
    // Asking the kernel for ".." checks search permission as a lookup would,
    // and tells whether the directory still sits where we found it.
    UniqueFd parent(::openat(top(), "..", O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!parent)
        return -errno;
    struct stat st;
    if (::fstat(parent.get(), &st) != 0)
        return -errno;
    Level &below = m_levels[m_levels.size() - 2];
    if (const int identified = identify(below); identified < 0)
        return identified;
    // Moved meanwhile: openat2 answers EAGAIN too, and the caller retries.
    if (st.st_dev != below.dev || st.st_ino != below.ino)
        return -EAGAIN;
    m_levels.pop_back();
    if (below.fd < 0) {
        below.fd = parent.get();
        below.owned = std::move(parent);
    }
    return 0;
}

// In the kernel's order: the link budget, RESOLVE_NO_SYMLINKS and nosymfollow
// mounts, magic links, absolute targets.
int BeneathWalk::follow(int linkFd, const struct stat &st, bool mustBeDir)
{
    if (m_links++ >= kMaxSymlinks)
        return -ELOOP;
    if (m_resolve & RESOLVE_NO_SYMLINKS)
        return -ELOOP;
    struct statfs fs;
    if (::fstatfs(linkFd, &fs) != 0)
        return -errno;
    if (fs.f_flags & kMountNoSymFollow)
        return -ELOOP;
    const std::optional<QByteArray> target = readLink(linkFd, "", st.st_size);
    if (!target)
        return -errno;
    if (isMagicLink(fs, *target))
        return (m_resolve & RESOLVE_NO_MAGICLINKS) ? -ELOOP : -EXDEV;
    if (target->isEmpty())
        return -ENOENT;
    if (target->startsWith('/'))
        return -EXDEV;
    pushPath(*target, mustBeDir);
    return 0;
}

int BeneathWalk::openLast(const QByteArray &name, bool &followed)
{
    followed = false;
    if (!m_followLast)
        return openHere(name.constData(), m_flags);

    // Open it as asked, only without following; if what is there turns out
    // to be a symlink, resolve its text instead.
    UniqueFd fd(::openat(top(), name.constData(), m_flags | O_NOFOLLOW, m_mode));
    struct stat st;
    if (fd) {
        // O_PATH | O_NOFOLLOW opens a symlink itself; nothing else can.
        if (!(m_flags & O_PATH))
            return fd.release();
        if (::fstat(fd.get(), &st) != 0)
            return -errno;
        if (!S_ISLNK(st.st_mode))
            return fd.release();
    } else {
        const int openError = errno;
        // O_NOFOLLOW reports a symlink as ELOOP, or ENOTDIR with O_DIRECTORY.
        if (openError != ELOOP && openError != ENOTDIR)
            return -openError;
        fd.reset(::openat(top(), name.constData(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
        if (!fd)
            return -openError;
        if (::fstat(fd.get(), &st) != 0)
            return -errno;
        if (!S_ISLNK(st.st_mode)) {
            // A symlink a moment ago, something else now: start over.
            const bool swapped = openError == ELOOP || S_ISDIR(st.st_mode);
            return swapped ? -EAGAIN : -openError;
        }
    }
    followed = true;
    return follow(fd.get(), st, false);
}

int BeneathWalk::openHere(const char *name, int flags) const
{
    const int fd = ::openat(top(), name, flags, m_mode);
    return fd >= 0 ? fd : -errno;
}

} // namespace

int walkOpenFd(int dirFd, const char *path, int flags, quint64 resolve, mode_t mode)
{
    const int result = BeneathWalk(dirFd, flags, resolve, mode).open(path);
    if (result >= 0)
        return result;
    errno = -result;
    return -1;
}

} // namespace ferry::agent::rootfs_detail
