#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tarcheck.py ARCHIVE DEST: extracts ARCHIVE (tar, tar.gz, tar.bz2, tar.xz,
tar.zst through zstd -dc, or zip) into DEST with Python's own tarfile or
zipfile, keeping modes, times and links, and prints its members as JSON
lines: an oracle for the archives ferry-cli downloads that shares no code
with KArchive."""
import json
import subprocess
import sys
import tarfile

archive, dest = sys.argv[1], sys.argv[2]
if archive.endswith('.zip'):
    # zipfile keeps no modes, times or links when it extracts: done here,
    # the time from the extended timestamp field (0x5455) where there is one.
    import os, struct, zipfile
    with zipfile.ZipFile(archive) as z:
        if z.testzip() is not None:
            sys.exit('a member fails its CRC')
        dirs = []
        for info in z.infolist():
            mode = info.external_attr >> 16
            kind = 'dir' if info.is_dir() else 'link' if (mode & 0o170000) == 0o120000 else 'file'
            mtime = None
            extra = info.extra
            while len(extra) >= 4:
                tag, size = struct.unpack('<HH', extra[:4])
                if tag == 0x5455 and size >= 5 and extra[4] & 1:
                    mtime = struct.unpack('<i', extra[5:9])[0]
                extra = extra[4 + size:]
            name = info.filename
            if not info.flag_bits & 0x800:
                # No UTF-8 flag: the bytes as they are, as unzip on Linux
                # writes them (zipfile would read them as CP437).
                name = name.encode('cp437').decode('utf-8', 'surrogateescape')
            name = name.rstrip('/')
            print(json.dumps({'name': name, 'type': kind, 'mode': mode & 0o7777, 'mtime': mtime, 'size': info.file_size, 'link': ''}))
            target = os.path.join(dest, name)
            if kind == 'dir':
                os.makedirs(target, exist_ok=True)
                dirs.append((target, mode & 0o7777))
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if kind == 'link':
                os.symlink(z.read(info).decode(), target)
                continue
            with open(target, 'wb') as out:
                out.write(z.read(info))
            os.chmod(target, mode & 0o7777)
            if mtime is not None:
                os.utime(target, (mtime, mtime))
        for target, mode in reversed(dirs):
            os.chmod(target, mode)
    sys.exit(0)
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
