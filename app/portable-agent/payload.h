/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bundleformat.h"

#include <limits.h>
#include <stdint.h>

enum { MESSAGE_MAX = PATH_MAX + 256 };

/* The portable agent's own file, as the launcher found it. */
struct bundle {
    char path[PATH_MAX];
    int fd;
    uint64_t file_size;
    uint64_t payload_offset;
    uint64_t payload_size;
    uint64_t unpacked_size;
    unsigned char hash[FERRY_BUNDLE_HASH_SIZE];
};

enum payload_result {
    PAYLOAD_OK = 0,
    PAYLOAD_FAILED = -1,  /* the directory would not take it: elsewhere may do */
    PAYLOAD_DAMAGED = -2, /* the payload is at fault: no place will do better */
};

/* Writes the payload's files and directories beneath dir_fd and flushes
 * them to disk; on failure the reason is in message (MESSAGE_MAX bytes) and
 * whatever was written is left for the caller to remove. */
enum payload_result payload_extract(const struct bundle *b, int dir_fd, char *message);

uint64_t read_le64(const unsigned char *p);
