/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The portable ferry-agent is one file: a static launcher, then a payload,
 * then a fixed-size trailer.  This header is the one description of that
 * layout; the launcher reads it and the packer writes it, so the two cannot
 * drift apart.  docs/architecture.md tells the same in prose.
 *
 * Trailer, the last FERRY_BUNDLE_TRAILER_SIZE bytes, integers little-endian:
 *
 *    0  32  SHA-256 of the payload as stored (compressed); names the
 *           directory it unpacks to, so two builds never share one
 *   32   8  offset of the payload from the start of the file
 *   40   8  payload size in bytes
 *   48   8  unpacked size: the sum of the sizes of the files in the archive
 *   56   8  FERRY_BUNDLE_MAGIC, last so that a cut file is recognised
 *
 * The payload is a zstd stream (its frames carry checksums, which the
 * launcher checks before it puts anything in place) holding an archive of
 * records.  Each record is a 16-byte header, the path, then the data:
 *
 *    0   1  kind: FERRY_ENTRY_DIRECTORY, FERRY_ENTRY_FILE or FERRY_ENTRY_END
 *    1   1  zero
 *    2   2  permission bits
 *    4   2  length of the path in bytes (no terminating NUL)
 *    6   2  zero
 *    8   8  length of the data (a file's contents; zero otherwise)
 *
 * Paths are relative and '/'-separated, with no empty, "." or ".."
 * component; a directory comes before anything inside it.  The end record
 * has an empty path; it tells a complete archive from a cut one.  A tar
 * reader would be larger than the whole format: no owners, times, links or
 * special files are needed to run a program.
 */
#pragma once

#define FERRY_BUNDLE_MAGIC "FERRYAG1"
#define FERRY_BUNDLE_MAGIC_SIZE 8
#define FERRY_BUNDLE_TRAILER_SIZE 64
#define FERRY_BUNDLE_HASH_SIZE 32

#define FERRY_ENTRY_HEADER_SIZE 16
#define FERRY_ENTRY_DIRECTORY 'd'
#define FERRY_ENTRY_FILE 'f'
#define FERRY_ENTRY_END 'e'
#define FERRY_ENTRY_PATH_MAX 1024

/* What the unpacked directory holds, relative to it.  glibc's loader goes
 * by the agent's name there: the kernel names a process after the file it
 * executed, so ps, top and pgrep show "ferry-agent".  The agent itself is
 * in bin/, its libraries in lib/, its Qt plugins in plugins/. */
#define FERRY_BUNDLE_LOADER "ferry-agent"
#define FERRY_BUNDLE_PROGRAM "bin/ferry-agent"
#define FERRY_BUNDLE_LIBDIR "lib"

/* Set for the agent to the unpacked directory; the agent takes its Qt
 * plugins from there and removes the variable again. */
#define FERRY_BUNDLE_ENV "FERRY_AGENT_BUNDLE"
