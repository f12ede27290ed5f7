/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The front of the portable ferry-agent.  The agent needs Qt 6.8 and a
 * recent glibc, which the machines it is copied to rarely have, so the file
 * carries them: this launcher is linked statically (it runs before any
 * library is there), unpacks the payload appended to it once into a cache
 * directory and then becomes the agent by exec'ing the bundled dynamic
 * loader on it.  Exec, not fork: the agent keeps our process id, our
 * descriptors and our signals, and its exit status is ours.
 *
 * bundleformat.h describes the file.  Only --bundle-info as the sole
 * argument is answered here; every other argument goes to the agent.
 */
#define _GNU_SOURCE
#include "payload.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#ifndef FERRY_VERSION
#error "FERRY_VERSION must name the version"
#endif

/* When the agent cannot be started at all, the status a shell gives a
 * command that exists but cannot run; 0, 1 and 2 stay the agent's own. */
enum { EXIT_CANNOT_RUN = 126 };

enum { PLACES_MAX = 3 };

/* A directory the payload may live in: beside the bundle, in the user's
 * cache, or in a private directory under /tmp, in that order. */
struct place {
    char parent[PATH_MAX];
    char dir[PATH_MAX];
    int create_parent;
    char message[MESSAGE_MAX];
};

static int join(char *out, size_t cap, const char *dir, const char *name)
{
    const size_t len = strlen(dir);
    const char *sep = len > 0 && dir[len - 1] == '/' ? "" : "/";
    const int n = snprintf(out, cap, "%s%s%s", dir, sep, name);
    return n > 0 && (size_t)n < cap ? 0 : -1;
}

static int make_absolute(const char *path, char *out, size_t cap)
{
    if (path[0] == '/') {
        const int n = snprintf(out, cap, "%s", path);
        return n > 0 && (size_t)n < cap ? 0 : -1;
    }
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return -1;
    return join(out, cap, cwd, path);
}

/* A file that was found but does not end in a valid trailer, for the
 * message: most likely a copy cut short on its way. */
static char incomplete_file[PATH_MAX];

static int open_bundle(const char *path, struct bundle *b)
{
    if (strlen(path) >= sizeof b->path)
        return -1;
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    if (!incomplete_file[0])
        strcpy(incomplete_file, path);
    struct stat st;
    unsigned char t[FERRY_BUNDLE_TRAILER_SIZE];
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)sizeof t
        || pread(fd, t, sizeof t, st.st_size - (off_t)sizeof t) != (ssize_t)sizeof t
        || memcmp(t + 56, FERRY_BUNDLE_MAGIC, FERRY_BUNDLE_MAGIC_SIZE) != 0) {
        close(fd);
        return -1;
    }
    const uint64_t end = (uint64_t)st.st_size - sizeof t;
    b->payload_offset = read_le64(t + 32);
    b->payload_size = read_le64(t + 40);
    b->unpacked_size = read_le64(t + 48);
    if (b->payload_offset > end || b->payload_size > end - b->payload_offset || b->payload_size == 0) {
        close(fd);
        return -1;
    }
    memcpy(b->hash, t, sizeof b->hash);
    strcpy(b->path, path);
    incomplete_file[0] = '\0';
    b->fd = fd;
    b->file_size = (uint64_t)st.st_size;
    return 0;
}

/* /proc/self/exe names this file whatever link it was started through.
 * Without /proc (a bare chroot) the kernel still hands over the path it
 * executed (AT_EXECFN); argv[0], looked up in PATH, is the last resort.
 * Each candidate counts only if it ends with our trailer. */
static int find_bundle(const char *argv0, struct bundle *b)
{
    char path[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n > 0) {
        path[n] = '\0';
        if (path[0] == '/' && open_bundle(path, b) == 0)
            return 0;
    }
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    if (execfn && execfn[0] && make_absolute(execfn, path, sizeof path) == 0 && open_bundle(path, b) == 0)
        return 0;
    if (!argv0 || !argv0[0])
        return -1;
    if (strchr(argv0, '/'))
        return make_absolute(argv0, path, sizeof path) == 0 ? open_bundle(path, b) : -1;
    const char *search = getenv("PATH");
    if (!search)
        search = "/usr/local/bin:/usr/bin:/bin";
    for (const char *p = search;;) {
        const char *colon = strchrnul(p, ':');
        char entry[PATH_MAX];
        const int len = (int)(colon - p);
        const int w = len > 0 ? snprintf(entry, sizeof entry, "%.*s", len, p) : snprintf(entry, sizeof entry, ".");
        char candidate[PATH_MAX];
        if (w > 0 && (size_t)w < sizeof entry && join(candidate, sizeof candidate, entry, argv0) == 0
            && access(candidate, X_OK) == 0 && make_absolute(candidate, path, sizeof path) == 0 && open_bundle(path, b) == 0)
            return 0;
        if (!*colon)
            return -1;
        p = colon + 1;
    }
}

static int owner_trusted(const struct stat *st)
{
    return st->st_uid == geteuid() || st->st_uid == 0;
}

/* Whoever can change the unpacked files can make us run their code: only
 * we or root may own the directory, and nobody else may write to it. */
static int dir_trusted(const char *dir)
{
    struct stat st;
    return lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && owner_trusted(&st) && !(st.st_mode & 022);
}

/* Others must not be able to swap our directory for theirs either: a
 * parent they may write to needs the sticky bit, as /tmp has. */
static int parent_safe(const char *parent)
{
    struct stat st;
    return stat(parent, &st) == 0 && S_ISDIR(st.st_mode) && owner_trusted(&st)
        && (!(st.st_mode & 022) || (st.st_mode & S_ISVTX));
}

static int dir_complete(const char *dir)
{
    char loader[PATH_MAX], program[PATH_MAX];
    return join(loader, sizeof loader, dir, FERRY_BUNDLE_LOADER) == 0
        && join(program, sizeof program, dir, FERRY_BUNDLE_PROGRAM) == 0
        && access(loader, X_OK) == 0 && access(program, R_OK) == 0;
}

static int place_ready(const struct place *p)
{
    return parent_safe(p->parent) && dir_trusted(p->dir) && dir_complete(p->dir);
}

/* The loader splits a library path at ':' and ';' and expands '$'. */
static int usable_place(const struct place *p)
{
    return !strpbrk(p->dir, ":;$");
}

static int list_places(const struct bundle *b, struct place *places)
{
    char name[64];
    char hex[17];
    for (int i = 0; i < 8; ++i)
        snprintf(hex + 2 * i, 3, "%02x", b->hash[i]);
    int n = 0;

    struct place *p = &places[n];
    memset(p, 0, sizeof *p);
    const char *slash = strrchr(b->path, '/');
    const size_t dlen = (size_t)(slash - b->path);
    snprintf(p->parent, sizeof p->parent, "%.*s", dlen > 0 ? (int)dlen : 1, b->path);
    snprintf(name, sizeof name, ".ferry-agent-%s-%s", FERRY_VERSION, hex);
    if (join(p->dir, sizeof p->dir, p->parent, name) == 0 && usable_place(p))
        ++n;

    snprintf(name, sizeof name, "agent-%s-%s", FERRY_VERSION, hex);
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    char base[PATH_MAX];
    int have_base = -1;
    if (xdg && xdg[0] == '/')
        have_base = snprintf(base, sizeof base, "%s", xdg) < (int)sizeof base ? 0 : -1;
    else if (home && home[0] == '/')
        have_base = join(base, sizeof base, home, ".cache");
    p = &places[n];
    memset(p, 0, sizeof *p);
    if (have_base == 0 && join(p->parent, sizeof p->parent, base, "ferry") == 0 && join(p->dir, sizeof p->dir, p->parent, name) == 0
        && usable_place(p)) {
        p->create_parent = 1;
        ++n;
    }

    p = &places[n];
    memset(p, 0, sizeof *p);
    snprintf(p->parent, sizeof p->parent, "/tmp/ferry-%u", (unsigned)geteuid());
    if (join(p->dir, sizeof p->dir, p->parent, name) == 0) {
        p->create_parent = 1;
        ++n;
    }
    return n;
}

static int mkdir_parents(const char *path)
{
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *s = buf + 1; *s; ++s) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(buf, 0700) != 0 && errno != EEXIST)
            return -1;
        *s = '/';
    }
    return mkdir(buf, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

static void remove_tree_at(int parent_fd, const char *name, int depth)
{
    if (unlinkat(parent_fd, name, 0) == 0 || errno != EISDIR || depth > 16)
        return;
    const int fd = openat(parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
        DIR *d = fdopendir(fd);
        if (d) {
            for (struct dirent *e; (e = readdir(d));) {
                if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
                    remove_tree_at(dirfd(d), e->d_name, depth + 1);
            }
            closedir(d);
        } else {
            close(fd);
        }
    }
    unlinkat(parent_fd, name, AT_REMOVEDIR);
}

static void remove_tree(const char *path)
{
    remove_tree_at(AT_FDCWD, path, 0);
}

static void sync_dir(const char *path)
{
    const int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Set when the payload itself is bad: no other place will do better. */
static int payload_damaged;

/* Unpacks into a fresh directory beside the final one and renames it into
 * place, so nobody ever sees a half-filled directory under the final name;
 * a concurrent start that wins the rename is simply used. */
static int unpack(const struct bundle *b, struct place *p)
{
    char *message = p->message;
    if (p->create_parent && mkdir_parents(p->parent) != 0) {
        snprintf(message, MESSAGE_MAX, "cannot create %s: %s", p->parent, strerror(errno));
        return -1;
    }
    if (!parent_safe(p->parent)) {
        snprintf(message, MESSAGE_MAX, "%s may be changed by other users", p->parent);
        return -1;
    }
    struct stat st;
    if (lstat(p->dir, &st) == 0 && !(S_ISDIR(st.st_mode) && st.st_uid == geteuid())) {
        snprintf(message, MESSAGE_MAX, "%s exists and is not ours", p->dir);
        return -1;
    }
    struct statvfs vfs;
    if (statvfs(p->parent, &vfs) == 0 && (uint64_t)vfs.f_bavail * vfs.f_frsize < b->unpacked_size) {
        snprintf(message, MESSAGE_MAX, "%s has less than the %llu bytes needed", p->parent, (unsigned long long)b->unpacked_size);
        return -1;
    }

    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s.new-XXXXXX", p->dir) >= (int)sizeof tmp || !mkdtemp(tmp)) {
        snprintf(message, MESSAGE_MAX, "cannot create a directory in %s: %s", p->parent, strerror(errno));
        return -1;
    }
    const int fd = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int rc = fd < 0 ? PAYLOAD_FAILED : payload_extract(b, fd, message);
    if (fd < 0)
        snprintf(message, MESSAGE_MAX, "cannot open %s: %s", tmp, strerror(errno));
    if (rc == PAYLOAD_DAMAGED)
        payload_damaged = 1;
    if (rc == 0 && (fchmod(fd, 0755) != 0 || fsync(fd) != 0)) {
        snprintf(message, MESSAGE_MAX, "cannot finish %s: %s", tmp, strerror(errno));
        rc = -1;
    }
    if (fd >= 0)
        close(fd);
    if (rc != 0) {
        remove_tree(tmp);
        return -1;
    }

    if (rename(tmp, p->dir) != 0) {
        const int err = errno;
        if (place_ready(p)) {
            /* Another start got there first. */
            remove_tree(tmp);
            return 0;
        }
        if (err != EEXIST && err != ENOTEMPTY) {
            snprintf(message, MESSAGE_MAX, "cannot rename %s: %s", tmp, strerror(err));
            remove_tree(tmp);
            return -1;
        }
        /* An incomplete earlier copy of ours (something cleaned files out of
         * it): a directory can only be renamed onto an empty one, so it
         * moves to a fresh empty name first. */
        char old[PATH_MAX];
        snprintf(old, sizeof old, "%s.old-XXXXXX", p->dir);
        if (!mkdtemp(old) || rename(p->dir, old) != 0 || rename(tmp, p->dir) != 0) {
            snprintf(message, MESSAGE_MAX, "cannot replace %s: %s", p->dir, strerror(errno));
            remove_tree(tmp);
            remove_tree(old);
            return place_ready(p) ? 0 : -1;
        }
        remove_tree(old);
    }
    sync_dir(p->parent);
    return 0;
}

/* Returns only when the loader could not be executed, e.g. because the
 * directory is on a file system mounted noexec. */
static void run_agent(struct place *p, int argc, char **argv)
{
    char loader[PATH_MAX], libdir[PATH_MAX], program[PATH_MAX];
    if (join(loader, sizeof loader, p->dir, FERRY_BUNDLE_LOADER) != 0 || join(libdir, sizeof libdir, p->dir, FERRY_BUNDLE_LIBDIR) != 0
        || join(program, sizeof program, p->dir, FERRY_BUNDLE_PROGRAM) != 0) {
        snprintf(p->message, MESSAGE_MAX, "%s: name too long", p->dir);
        return;
    }
    char **args = calloc((size_t)argc + 6, sizeof *args);
    if (!args) {
        snprintf(p->message, MESSAGE_MAX, "out of memory");
        return;
    }
    /* The library path is an option, not LD_LIBRARY_PATH, so that the
     * commands the agent runs for its clients use the host's libraries. */
    args[0] = loader;
    args[1] = "--library-path";
    args[2] = libdir;
    args[3] = "--argv0";
    args[4] = argc > 0 ? argv[0] : "ferry-agent";
    args[5] = program;
    for (int i = 1; i < argc; ++i)
        args[5 + i] = argv[i];
    setenv(FERRY_BUNDLE_ENV, p->dir, 1);
    execv(loader, args);
    snprintf(p->message, MESSAGE_MAX, "cannot run %s: %s", loader, strerror(errno));
    unsetenv(FERRY_BUNDLE_ENV);
    free(args);
}

static int print_info(const struct bundle *b, const struct place *places, int n)
{
    printf("version: %s\npayload-sha256: ", FERRY_VERSION);
    for (size_t i = 0; i < sizeof b->hash; ++i)
        printf("%02x", b->hash[i]);
    printf("\npayload-bytes: %llu\nunpacked-bytes: %llu\n", (unsigned long long)b->payload_size, (unsigned long long)b->unpacked_size);
    for (int i = 0; i < n; ++i) {
        if (place_ready(&places[i])) {
            printf("unpacked-in: %s\n", places[i].dir);
            break;
        }
    }
    return fflush(stdout) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    struct bundle b;
    if (find_bundle(argc > 0 ? argv[0] : NULL, &b) != 0) {
        if (incomplete_file[0])
            fprintf(stderr, "ferry-agent: %s is not a complete portable agent (its end is missing or damaged)\n", incomplete_file);
        else
            fprintf(stderr, "ferry-agent: cannot find this program's own file to unpack "
                            "(no /proc/self/exe, and it was not started by a path that leads to it)\n");
        return EXIT_CANNOT_RUN;
    }
    struct place places[PLACES_MAX];
    const int n = list_places(&b, places);
    if (argc == 2 && strcmp(argv[1], "--bundle-info") == 0)
        return print_info(&b, places, n);

    /* Whatever was unpacked before, wherever, is used before unpacking anew. */
    int tried[PLACES_MAX] = {0};
    for (int i = 0; i < n; ++i) {
        if (place_ready(&places[i])) {
            tried[i] = 1;
            run_agent(&places[i], argc, argv);
        }
    }
    for (int i = 0; i < n && !payload_damaged; ++i) {
        if (!tried[i] && unpack(&b, &places[i]) == 0)
            run_agent(&places[i], argc, argv);
    }
    fprintf(stderr, "ferry-agent: cannot unpack and start the bundled agent:\n");
    for (int i = 0; i < n; ++i) {
        if (places[i].message[0])
            fprintf(stderr, "  %s: %s\n", places[i].dir, places[i].message);
    }
    return EXIT_CANNOT_RUN;
}
