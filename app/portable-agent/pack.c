/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writes the two pieces of the portable agent that scripts/make-portable-agent
 * cannot write with standard tools, in the layout of bundleformat.h:
 *
 *   ferry-agent-pack archive DIR        the archive of DIR, to stdout
 *   ferry-agent-pack trailer SHA256 OFFSET SIZE UNPACKED
 *                                       the trailer, to stdout
 *
 * The archive lists entries in byte order of their names and keeps nothing
 * but the executable bit, so the same files always give the same bytes.
 */
#define _GNU_SOURCE
#include "bundleformat.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void die(const char *what, const char *path)
{
    fprintf(stderr, "ferry-agent-pack: %s %s: %s\n", what, path, errno ? strerror(errno) : "unsupported");
    exit(1);
}

static void put_le(unsigned char *p, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void emit(const void *data, size_t size)
{
    if (size > 0 && fwrite(data, 1, size, stdout) != size)
        die("cannot write", "stdout");
}

static void emit_header(int kind, unsigned mode, const char *path, uint64_t size)
{
    const size_t len = strlen(path);
    if (len >= FERRY_ENTRY_PATH_MAX) {
        errno = ENAMETOOLONG;
        die("cannot archive", path);
    }
    unsigned char h[FERRY_ENTRY_HEADER_SIZE] = {0};
    h[0] = (unsigned char)kind;
    put_le(h + 2, mode, 2);
    put_le(h + 4, len, 2);
    put_le(h + 8, size, 8);
    emit(h, sizeof h);
    emit(path, len);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void archive_dir(const char *root, const char *rel)
{
    char path[4096];
    snprintf(path, sizeof path, "%s%s%s", root, rel[0] ? "/" : "", rel);
    DIR *d = opendir(path);
    if (!d)
        die("cannot read", path);
    char **names = NULL;
    size_t n = 0;
    for (struct dirent *e; (errno = 0, e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        if (!names || !(names[n++] = strdup(e->d_name)))
            die("out of memory reading", path);
    }
    if (errno)
        die("cannot read", path);
    closedir(d);
    if (n > 0)
        qsort(names, n, sizeof *names, by_name);

    for (size_t i = 0; i < n; ++i) {
        char child_rel[FERRY_ENTRY_PATH_MAX + 256], child[4096 + 256];
        snprintf(child_rel, sizeof child_rel, "%s%s%s", rel, rel[0] ? "/" : "", names[i]);
        snprintf(child, sizeof child, "%s/%s", root, child_rel);
        struct stat st;
        if (lstat(child, &st) != 0)
            die("cannot stat", child);
        if (S_ISDIR(st.st_mode)) {
            emit_header(FERRY_ENTRY_DIRECTORY, 0755, child_rel, 0);
            archive_dir(root, child_rel);
        } else if (S_ISREG(st.st_mode)) {
            emit_header(FERRY_ENTRY_FILE, (st.st_mode & 0111) ? 0755 : 0644, child_rel, (uint64_t)st.st_size);
            FILE *f = fopen(child, "rb");
            if (!f)
                die("cannot open", child);
            char buf[1 << 16];
            uint64_t copied = 0;
            for (size_t got; (got = fread(buf, 1, sizeof buf, f)) > 0; copied += got)
                emit(buf, got);
            if (ferror(f) || copied != (uint64_t)st.st_size)
                die("cannot read", child);
            fclose(f);
        } else {
            /* Links and special files have no place in the bundle: the
             * staging directory holds real copies under their sonames. */
            errno = 0;
            die("neither a file nor a directory:", child);
        }
        free(names[i]);
    }
    free(names);
}

static uint64_t number(const char *text)
{
    char *end;
    errno = 0;
    const unsigned long long v = strtoull(text, &end, 10);
    if (errno || !*text || *end)
        die("not a number:", text);
    return v;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "archive") == 0) {
        archive_dir(argv[2], "");
        emit_header(FERRY_ENTRY_END, 0, "", 0);
    } else if (argc == 6 && strcmp(argv[1], "trailer") == 0) {
        unsigned char t[FERRY_BUNDLE_TRAILER_SIZE] = {0};
        if (strlen(argv[2]) != 2 * FERRY_BUNDLE_HASH_SIZE)
            die("not a SHA-256:", argv[2]);
        for (int i = 0; i < FERRY_BUNDLE_HASH_SIZE; ++i) {
            unsigned byte;
            if (sscanf(argv[2] + 2 * i, "%2x", &byte) != 1)
                die("not a SHA-256:", argv[2]);
            t[i] = (unsigned char)byte;
        }
        put_le(t + 32, number(argv[3]), 8);
        put_le(t + 40, number(argv[4]), 8);
        put_le(t + 48, number(argv[5]), 8);
        memcpy(t + 56, FERRY_BUNDLE_MAGIC, FERRY_BUNDLE_MAGIC_SIZE);
        emit(t, sizeof t);
    } else {
        fprintf(stderr, "usage: ferry-agent-pack archive DIR\n"
                        "       ferry-agent-pack trailer SHA256 OFFSET SIZE UNPACKED\n");
        return 2;
    }
    if (fflush(stdout) != 0)
        die("cannot write", "stdout");
    return 0;
}
