/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unpacking the payload of the portable agent (bundleformat.h) beneath a
 * directory.  Where that directory is, and what happens afterwards, is the
 * launcher's business (launcher.c).
 */
#define _GNU_SOURCE
#include "payload.h"

#include <zstd.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

uint64_t read_le64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = v << 8 | p[i];
    return v;
}

static unsigned read_le16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* The decompressed payload, handed out piece by piece straight from zstd's
 * output buffer so that file contents are copied only once. */
struct reader {
    ZSTD_DStream *stream;
    ZSTD_inBuffer in;
    unsigned char *out;
    size_t capacity, pos, end;
    size_t pending; /* zstd's last answer: 0 right after a frame ended */
    int damaged;    /* the payload is at fault, not the directory */
};

/* 0 when bytes are available, 1 at the clean end of the stream, -1 when
 * the stream is damaged or cut (zstd checks each frame's checksum). */
static int reader_fill(struct reader *r, char *message)
{
    while (r->pos == r->end) {
        if (r->in.pos == r->in.size && r->pending == 0)
            return 1;
        ZSTD_outBuffer out = {r->out, r->capacity, 0};
        const size_t ret = ZSTD_decompressStream(r->stream, &out, &r->in);
        if (ZSTD_isError(ret)) {
            snprintf(message, MESSAGE_MAX, "the payload is damaged (%s)", ZSTD_getErrorName(ret));
            r->damaged = 1;
            return -1;
        }
        r->pending = ret;
        r->pos = 0;
        r->end = out.pos;
        if (out.pos == 0 && r->in.pos == r->in.size && ret != 0) {
            snprintf(message, MESSAGE_MAX, "the payload is cut short");
            r->damaged = 1;
            return -1;
        }
    }
    return 0;
}

static int reader_read(struct reader *r, void *buf, size_t n, char *message)
{
    unsigned char *dst = buf;
    while (n > 0) {
        const int st = reader_fill(r, message);
        if (st != 0) {
            if (st > 0) {
                snprintf(message, MESSAGE_MAX, "the payload's archive is cut short");
                r->damaged = 1;
            }
            return -1;
        }
        const size_t piece = n < r->end - r->pos ? n : r->end - r->pos;
        memcpy(dst, r->out + r->pos, piece);
        r->pos += piece;
        dst += piece;
        n -= piece;
    }
    return 0;
}

static int path_clean(const char *path)
{
    if (!path[0] || path[0] == '/')
        return 0;
    for (const char *p = path; *p;) {
        const char *slash = strchrnul(p, '/');
        const size_t len = (size_t)(slash - p);
        if (len == 0 || (len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.'))
            return 0;
        if (!*slash)
            break;
        p = slash + 1;
    }
    return 1;
}

static int write_file(struct reader *r, int dir_fd, const char *name, unsigned mode, uint64_t size, char *message)
{
    const int fd = openat(dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        snprintf(message, MESSAGE_MAX, "cannot create %s: %s", name, strerror(errno));
        return -1;
    }
    while (size > 0) {
        const int st = reader_fill(r, message);
        if (st != 0) {
            if (st > 0) {
                snprintf(message, MESSAGE_MAX, "the payload's archive is cut short");
                r->damaged = 1;
            }
            close(fd);
            return -1;
        }
        size_t piece = r->end - r->pos;
        if (piece > size)
            piece = (size_t)size;
        for (size_t done = 0; done < piece;) {
            const ssize_t w = write(fd, r->out + r->pos + done, piece - done);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                snprintf(message, MESSAGE_MAX, "cannot write %s: %s", name, w < 0 ? strerror(errno) : "no progress");
                close(fd);
                return -1;
            }
            done += (size_t)w;
        }
        r->pos += piece;
        size -= piece;
    }
    /* Flushed before the directory is renamed into place: after a crash the
     * name must never stand for files that did not reach the disk. */
    if (fchmod(fd, mode) != 0 || fsync(fd) != 0) {
        snprintf(message, MESSAGE_MAX, "cannot finish %s: %s", name, strerror(errno));
        close(fd);
        return -1;
    }
    return close(fd);
}

enum payload_result payload_extract(const struct bundle *b, int dir_fd, char *message)
{
    const size_t map_size = (size_t)(b->payload_offset + b->payload_size);
    unsigned char *map = mmap(NULL, map_size, PROT_READ, MAP_PRIVATE, b->fd, 0);
    if (map == MAP_FAILED) {
        snprintf(message, MESSAGE_MAX, "cannot read %s: %s", b->path, strerror(errno));
        return PAYLOAD_FAILED;
    }
    madvise(map, map_size, MADV_SEQUENTIAL);
    struct reader r = {0};
    r.stream = ZSTD_createDStream();
    r.capacity = 1 << 20;
    r.out = malloc(r.capacity);
    r.in.src = map + b->payload_offset;
    r.in.size = (size_t)b->payload_size;
    r.pending = 1;
    /* Directories are flushed last, once everything inside them exists. */
    char (*dirs)[FERRY_ENTRY_PATH_MAX] = NULL;
    size_t ndirs = 0;
    uint64_t unpacked = 0;
    int rc = -1;
    if (!r.stream || !r.out) {
        snprintf(message, MESSAGE_MAX, "out of memory");
        goto done;
    }
    for (;;) {
        unsigned char h[FERRY_ENTRY_HEADER_SIZE];
        if (reader_read(&r, h, sizeof h, message) != 0)
            goto done;
        const int kind = h[0];
        const unsigned mode = read_le16(h + 2) & 0777;
        const unsigned path_len = read_le16(h + 4);
        const uint64_t data_len = read_le64(h + 8);
        if (kind == FERRY_ENTRY_END) {
            if (path_len != 0 || data_len != 0)
                break;
            if (unpacked != b->unpacked_size) {
                snprintf(message, MESSAGE_MAX, "the payload holds %llu bytes, its trailer says %llu",
                         (unsigned long long)unpacked, (unsigned long long)b->unpacked_size);
                r.damaged = 1;
                goto done;
            }
            /* Reading on to the end makes zstd check the last checksum. */
            const int st = reader_fill(&r, message);
            if (st == 0) {
                snprintf(message, MESSAGE_MAX, "the payload goes on after its archive");
                r.damaged = 1;
            }
            rc = st == 1 ? 0 : -1;
            goto done;
        }
        char name[FERRY_ENTRY_PATH_MAX];
        if (path_len == 0 || path_len >= sizeof name)
            break;
        if (reader_read(&r, name, path_len, message) != 0)
            goto done;
        name[path_len] = '\0';
        if (memchr(name, '\0', path_len) || !path_clean(name))
            break;
        if (kind == FERRY_ENTRY_DIRECTORY && data_len == 0) {
            void *grown = realloc(dirs, (ndirs + 1) * sizeof *dirs);
            if (!grown) {
                snprintf(message, MESSAGE_MAX, "out of memory");
                goto done;
            }
            dirs = grown;
            memcpy(dirs[ndirs++], name, path_len + 1);
            if (mkdirat(dir_fd, name, 0700) != 0 || fchmodat(dir_fd, name, mode, 0) != 0) {
                snprintf(message, MESSAGE_MAX, "cannot create %s: %s", name, strerror(errno));
                goto done;
            }
        } else if (kind == FERRY_ENTRY_FILE) {
            if (write_file(&r, dir_fd, name, mode, data_len, message) != 0)
                goto done;
            unpacked += data_len;
        } else {
            break;
        }
    }
    snprintf(message, MESSAGE_MAX, "the payload's archive is malformed");
    r.damaged = 1;
done:
    if (rc == 0) {
        for (size_t i = ndirs; i-- > 0;) {
            const int fd = openat(dir_fd, dirs[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (fd >= 0) {
                fsync(fd);
                close(fd);
            }
        }
    }
    free(dirs);
    free(r.out);
    ZSTD_freeDStream(r.stream);
    munmap(map, map_size);
    return rc == 0 ? PAYLOAD_OK : r.damaged ? PAYLOAD_DAMAGED : PAYLOAD_FAILED;
}
