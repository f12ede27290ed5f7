#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The raw capacity of a web terminal: base64 text out through its pty, no Ferry.

    rawterminal.py out KIND URL --file PATH --sha256 HEX [--token-file FILE]
                       [--out FILE] [--timeout S]
        Opens a terminal, makes its pty raw and runs `base64 -w 0 PATH` in
        it; reads the text as it arrives (acknowledging it to WeTTY, which
        pauses the pty while 2 MiB are unacknowledged), decodes it and
        checks its SHA-256.  What `cat` of the file as base64 costs through
        this terminal: the same text encoding as Ferry's framing through a
        terminal (base64 lines), without Ferry.
    rawterminal.py open KIND URL [--token-file FILE] [--out FILE]
        Opens a terminal, waits for one printed marker, closes it: what
        every start through the terminal pays before anything of its own.

KIND is wetty (URL: ws://HOST:PORT/BASE, WeTTY's socket.io) or jupyter
(URL: http://HOST:PORT/, a Jupyter server's terminals, with its token from
--token-file).  The terminal is spoken to as a browser would, through
python3-websocket (a dependency of Debian's Jupyter Server).

Writes a JSON summary (to --out, else stdout): payload bytes, encoded
characters, stream_seconds (from the command sent until its end marker
arrived), setup_seconds (connecting until the shell takes input), its own
CPU seconds (to tell whether this client kept up), and an error text when
something failed.  Exit status 0 on success, 1 when the
transfer failed or the data differed.
"""

import argparse
import base64
import hashlib
import json
import os
import sys
import time
import urllib.parse
import urllib.request

from benchlib import write_json

# Markers are typed with octal escapes: the echo of the command line must
# not look like them.
START, END = "FERRYRAW-START", "FERRYRAW-END"


def octal(text):
    return "".join(f"\\{ord(c):03o}" for c in text)


class Terminal:
    """One terminal session: send input text, receive output text."""

    def __init__(self, kind, url, token, timeout):
        import websocket  # python3-websocket
        self.kind, self.url, self.token, self.timeout = kind, url, token, timeout
        self.name = None
        self.uncommitted = 0
        self.max_input = 128 * 1024
        if kind == "wetty":
            parts = urllib.parse.urlsplit(url)
            path = parts.path.rstrip("/") + "/socket.io/?EIO=4&transport=websocket"
            self.ws = websocket.create_connection(f"ws://{parts.netloc}{path}", timeout=timeout,
                                                  skip_utf8_validation=True, enable_multithread=False)
            self._wetty_open()
        elif kind == "jupyter":
            base = url.rstrip("/") + "/"
            request = urllib.request.Request(base + "api/terminals", data=b"{}", method="POST",
                                             headers={"Authorization": "token " + token,
                                                      "Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                self.name = json.load(reply)["name"]
            parts = urllib.parse.urlsplit(base)
            self.ws = websocket.create_connection(
                f"ws://{parts.netloc}{parts.path}terminals/websocket/{self.name}", timeout=timeout,
                header=["Authorization: token " + token], skip_utf8_validation=True)
        else:
            raise SystemExit(f"unknown kind {kind!r}")

    def _wetty_open(self):
        # Engine.IO open, join the namespace, then wait for WeTTY's "login":
        # input before it is dropped.
        while True:
            message = self.ws.recv()
            if message.startswith("0"):
                opened = json.loads(message[1:])
                payload = opened.get("maxPayload") or 1000000
                self.max_input = min(self.max_input, payload // 8)
                self.ws.send("40")
            elif message.startswith("2"):
                self.ws.send("3" + message[1:])
            elif message.startswith("42"):
                event = json.loads(message[2:])
                if event and event[0] == "login":
                    return

    def send(self, text):
        for i in range(0, len(text), self.max_input):
            chunk = text[i:i + self.max_input]
            if self.kind == "wetty":
                self.ws.send("42" + json.dumps(["input", chunk]))
            else:
                self.ws.send(json.dumps(["stdin", chunk]))

    def recv(self):
        """The next piece of terminal output (may be empty), or None at the end."""
        while True:
            message = self.ws.recv()
            if not message:
                return None
            if self.kind == "wetty":
                if message.startswith("2"):
                    self.ws.send("3" + message[1:])
                    continue
                if message.startswith("1") or message.startswith("41"):
                    return None
                if not message.startswith("42"):
                    continue
                event = json.loads(message[2:])
                if event[0] == "logout":
                    return None
                if event[0] != "data":
                    continue
                text = event[1]
                # WeTTY pauses the pty once 2 MiB are unacknowledged.
                self.uncommitted += len(text)
                if self.uncommitted >= 64 * 1024:
                    self.ws.send(f'42["commit",{self.uncommitted}]')
                    self.uncommitted = 0
                return text
            event = json.loads(message)
            if event[0] == "stdout":
                return event[1]
            if event[0] == "disconnect":
                return None

    def close(self):
        try:
            if self.kind == "wetty":
                self.ws.send("41")
            self.ws.close()
        except Exception:
            pass
        if self.name:
            request = urllib.request.Request(self.url.rstrip("/") + "/api/terminals/" + self.name, method="DELETE",
                                             headers={"Authorization": "token " + self.token})
            try:
                urllib.request.urlopen(request, timeout=5).close()
            except Exception:
                pass


class Stream:
    """Output text after the start marker, up to the end marker."""

    def __init__(self, term):
        self.term = term
        self.pending = ""

    def wait_for(self, marker):
        """Reads until marker; returns the text after it."""
        buf = self.pending
        while marker not in buf:
            text = self.term.recv()
            if text is None:
                raise RuntimeError(f"the terminal ended before {marker}: {buf[-300:]!r}")
            buf = buf[-(len(marker) + 64):] + text if len(buf) > 65536 else buf + text
        self.pending = ""
        return buf.split(marker, 1)[1]


def run_out(term, args, result):
    size = os.path.getsize(args.file)
    result["bytes"] = size
    stream = Stream(term)
    t0 = time.monotonic()
    term.send(f"stty raw -echo; printf '{octal(START)}'; base64 -w 0 '{args.file}'; printf '{octal(END)}\\n'\r")
    text = stream.wait_for(START)
    digest = hashlib.sha256()
    carry = ""
    chars = 0
    tail = ""
    while True:
        joined = tail + text
        end = joined.find(END)
        if end >= 0:
            body = joined[:end]
            done = True
        else:
            # Keep what could be the start of the end marker for the next piece.
            keep = len(END) - 1
            body, tail = joined[:-keep] if len(joined) > keep else "", joined[-keep:]
            done = False
        body = body.replace("\r", "").replace("\n", "")
        chars += len(body)
        block = carry + body
        cut = len(block) - len(block) % 4
        if cut:
            digest.update(base64.b64decode(block[:cut]))
        carry = block[cut:]
        if done:
            break
        text = term.recv()
        if text is None:
            raise RuntimeError(f"the terminal ended after {chars} characters of base64")
    result["stream_seconds"] = round(time.monotonic() - t0, 3)
    if carry:
        digest.update(base64.b64decode(carry + "=" * (-len(carry) % 4)))
    result["encoded_chars"] = chars
    return digest.hexdigest()


def run_open(term, args, result):
    stream = Stream(term)
    t0 = time.monotonic()
    term.send(f"printf '{octal(END)}\\n'\r")
    stream.wait_for(END)
    result["stream_seconds"] = round(time.monotonic() - t0, 3)


def main():
    p = argparse.ArgumentParser(prog="rawterminal.py", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=("out", "open"))
    p.add_argument("kind", choices=("wetty", "jupyter"))
    p.add_argument("url")
    p.add_argument("--file")
    p.add_argument("--sha256")
    p.add_argument("--token-file")
    p.add_argument("--out")
    p.add_argument("--timeout", type=float, default=600)
    a = p.parse_args()
    if a.mode != "open" and not (a.file and a.sha256):
        p.error("--file and --sha256 are needed")
    token = ""
    if a.token_file:
        with open(a.token_file, encoding="utf-8") as f:
            token = f.read().strip()
    result = {"mode": a.mode, "kind": a.kind, "status": "error", "error": None}
    term = None
    rc = 1
    try:
        t0 = time.monotonic()
        term = Terminal(a.kind, a.url, token, a.timeout)
        result["setup_seconds"] = round(time.monotonic() - t0, 3)
        if a.mode == "open":
            run_open(term, a, result)
            result["status"] = "ok"
            rc = 0
        else:
            got = run_out(term, a, result)
            if got == a.sha256:
                result["status"] = "ok"
                rc = 0
            else:
                result["status"] = "fail"
                result["error"] = f"checksum mismatch ({result.get('encoded_chars')} characters of base64)"
    except Exception as e:  # the summary says what went wrong
        result["error"] = f"{type(e).__name__}: {e}"
    finally:
        if term is not None:
            term.close()
    times = os.times()
    result["cpu_seconds"] = round(times.user + times.system, 2)
    write_json(a.out, result)
    if result["error"]:
        print(f"rawterminal.py: {result['error']}", file=sys.stderr)
    return rc


if __name__ == "__main__":
    sys.exit(main())
