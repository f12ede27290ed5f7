#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tarcheck.py ARCHIVE DEST: extracts ARCHIVE (tar, tar.gz, tar.bz2, tar.xz,
or tar.zst through zstd -dc) into DEST with Python's own tarfile, keeping
modes and times, and prints its members as JSON lines: an oracle for the
archives ferry-cli downloads that shares no code with KArchive."""
import json
import subprocess
import sys
import tarfile

archive, dest = sys.argv[1], sys.argv[2]
if archive.endswith(('.zst', '.tzst')):
    unzstd = subprocess.Popen(['zstd', '-dc', archive], stdout=subprocess.PIPE)
    tar = tarfile.open(fileobj=unzstd.stdout, mode='r|')
else:
    unzstd = None
    tar = tarfile.open(archive, mode='r:*')
kinds = {tarfile.REGTYPE: 'file', tarfile.AREGTYPE: 'file', tarfile.DIRTYPE: 'dir', tarfile.SYMTYPE: 'link'}
for member in tar:
    print(json.dumps({'name': member.name, 'type': kinds.get(member.type, 'other'), 'mode': member.mode,
                      'mtime': int(member.mtime), 'size': member.size, 'link': member.linkname}))
    tar.extract(member, dest, filter='tar')
tar.close()
if unzstd and unzstd.wait() != 0:
    sys.exit('zstd failed')
