#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A channel that is not 8-bit clean, as a web terminal is: runs COMMAND
and relays both directions through a UTF-8 decoder that turns invalid
bytes into U+FFFD, in pieces of whatever size arrived.

    utf8channel.py COMMAND [ARGS...]
"""
import codecs
import os
import select
import subprocess
import sys


def main():
    child = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
    up = codecs.getincrementaldecoder("utf-8")("replace")
    down = codecs.getincrementaldecoder("utf-8")("replace")
    routes = {0: (child.stdin.fileno(), up), child.stdout.fileno(): (1, down)}
    while routes:
        ready, _, _ = select.select(list(routes), [], [])
        for source in ready:
            target, decoder = routes[source]
            data = os.read(source, 65536)
            if not data:
                tail = decoder.decode(b"", final=True).encode("utf-8")
                if tail:
                    os.write(target, tail)
                del routes[source]
                if target == child.stdin.fileno():
                    child.stdin.close()
                else:
                    routes.clear()
                continue
            text = decoder.decode(data).encode("utf-8")
            view = memoryview(text)
            while view:
                try:
                    view = view[os.write(target, view):]
                except BrokenPipeError:
                    return 0
    child.kill()
    return child.wait() if child.returncode is None else child.returncode


if __name__ == "__main__":
    sys.exit(main())
