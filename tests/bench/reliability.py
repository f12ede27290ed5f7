#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Ferry's reliability run: the work behind tests/bench/reliability.

Drives the built ferry-agent and ferry-cli with real files and writes
docs/reliability.md and tests/bench/results/reliability.json.  Sections:

  faults   the agent, the client, a TCP relay and an nginx in front of the
           agent killed at random points of uploads and downloads; a full
           disk on either side; a link that freezes without closing
  hostile  path escapes through every ferry-cli operation; malformed
           frames, wrong tokens and stalled handshakes against a listening
           agent while a legitimate transfer runs
  load     many ferry-cli clients at once beside a flood of idle TCP
           connections and half-open WebSocket upgrades
  fuzz     tests/fuzz/run for --seconds per target

Every case is checked the same way: each file that finished is byte-equal to
its source (SHA-256), no file under a final name is partial, nothing outside
the agent's root changed, and every failure was a clean exit with a message.

Internal subcommands (run as separate processes so that they can be killed):
  reliability.py relay --listen PORT --target PORT --events FILE
  reliability.py flood --port PORT --idle N --upgrades N --first A --last B
                       --seconds S --out FILE
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import platform
import random
import re
import resource
import selectors
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import benchlib  # noqa: E402

MIB = 1 << 20
CRASH_CODES = {-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS, -signal.SIGILL, -signal.SIGFPE,
               128 + signal.SIGSEGV, 128 + signal.SIGABRT, 134, 139}


def log(msg):
    print(f"[reliability {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --- files --------------------------------------------------------------------

def sha256_file(path):
    return benchlib.file_digest(path)[0]


def make_file(path, size, rng):
    """A file of SIZE pseudo-random bytes (seeded) and its SHA-256."""
    h = hashlib.sha256()
    with open(path, "wb") as f:
        left = size
        while left:
            n = min(left, 4 * MIB)
            block = rng.randbytes(n)
            f.write(block)
            h.update(block)
            left -= n
    return h.hexdigest()


def make_tree(top, files, dirs, rng, min_size=1024, max_size=96 * 1024):
    os.makedirs(top)
    for d in range(dirs):
        os.mkdir(os.path.join(top, f"d{d:03d}"))
    for i in range(files):
        path = os.path.join(top, f"d{i % dirs:03d}", f"f{i:05d}.bin")
        with open(path, "wb") as f:
            f.write(rng.randbytes(rng.randint(min_size, max_size)))


def tree_files(top):
    """{relative path: sha256} of the regular files below TOP."""
    out = {}
    for dirpath, _, filenames in os.walk(top):
        for name in filenames:
            path = os.path.join(dirpath, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            out[os.path.relpath(path, top)] = sha256_file(path)
    return out


def part_files(top):
    found = []
    for dirpath, _, filenames in os.walk(top):
        found += [os.path.join(dirpath, n) for n in filenames if n.endswith(".ferry-part")]
    return found


def compare_trees(src, dst):
    """Problems found comparing the finished tree DST with SRC (empty: equal)."""
    a, b = tree_files(src), tree_files(dst)
    problems = []
    for rel, digest in a.items():
        if rel not in b:
            problems.append(f"missing {rel}")
        elif b[rel] != digest:
            problems.append(f"differs {rel}")
    for rel in b:
        if rel not in a:
            problems.append(f"extra {rel}")
    return problems


def final_names_complete(src, dst):
    """During an interrupted tree copy: every file under a final name in DST
    equals its source (part files aside). Problems, or empty."""
    a = tree_files(src)
    problems = []
    for rel, digest in tree_files(dst).items():
        if rel.endswith(".ferry-part") or os.path.basename(rel).startswith("."):
            continue
        if rel not in a:
            problems.append(f"unexpected {rel}")
        elif a[rel] != digest:
            problems.append(f"partial or wrong under its final name: {rel}")
    return problems


def snapshot(top):
    """Names, types, modes, sizes, mtimes and contents below TOP (no links followed)."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(top):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            entry = (st.st_mode, st.st_size, st.st_mtime_ns)
            if os.path.isfile(path) and not os.path.islink(path):
                entry += (sha256_file(path),)
            elif os.path.islink(path):
                entry += (os.readlink(path),)
            out[os.path.relpath(path, top)] = entry
    st = os.lstat(top)
    out["."] = (st.st_mode, st.st_mtime_ns)
    return out


def snapshot_diff(before, after):
    changes = [f"changed {k}" for k in before if k in after and before[k] != after[k]]
    changes += [f"removed {k}" for k in before if k not in after]
    changes += [f"added {k}" for k in after if k not in before]
    return changes


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, seconds, host="127.0.0.1"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def proc_fds(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None


def proc_status(pid, key):
    return benchlib.read_hwm(pid, key + ":")


# --- the run: processes, mounts and temporary directories it owns ------------

class Run:
    def __init__(self, opts):
        self.opts = opts
        self.repo = opts.repo
        self.bin = os.path.join(self.repo, "build", "bin")
        self.agent_bin = os.path.join(self.bin, "ferry-agent")
        self.cli_bin = os.path.join(self.bin, "ferry-cli")
        self.procs = []
        self.mounts = []
        self.work = tempfile.mkdtemp(prefix="run.", dir=self._base())
        self.rng = random.Random(opts.seed)
        self.cases = []
        self.counter = 0

    @staticmethod
    def _base():
        base = "/var/tmp/ferry-reliability"
        os.makedirs(base, exist_ok=True)
        return base

    def casedir(self, name):
        self.counter += 1
        path = os.path.join(self.work, f"{self.counter:02d}-{name}")
        os.makedirs(path)
        return path

    def spawn(self, argv, log_path=None, **kw):
        out = open(log_path, "ab") if log_path else subprocess.DEVNULL
        try:
            p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=kw.pop("stdout", out),
                                 stderr=kw.pop("stderr", out), start_new_session=True, **kw)
        finally:
            if log_path:
                out.close()
        self.procs.append(p)
        return p

    def stop(self, p, sig=signal.SIGKILL):
        if p is None:
            return
        if p.poll() is None:
            try:
                os.killpg(p.pid, sig)
            except OSError:
                pass
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except OSError:
                    pass
                p.wait(10)
        if p in self.procs:
            self.procs.remove(p)

    def mount_tmpfs(self, path, size):
        os.makedirs(path, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", path], check=True)
        self.mounts.append(path)

    def umount(self, path):
        if path in self.mounts:
            subprocess.run(["umount", "-l", path], check=False)
            self.mounts.remove(path)

    def cleanup(self):
        for p in list(self.procs):
            self.stop(p)
        for m in list(reversed(self.mounts)):
            self.umount(m)
        if not self.opts.keep:
            shutil.rmtree(self.work, ignore_errors=True)

    def add(self, section, case, what, times, ok, figures=None, problems=None):
        problems = problems or []
        rec = {"section": section, "case": case, "what": what, "times": times,
               "verdict": "PASS" if ok and not problems else "FAIL",
               "figures": figures or {}, "problems": problems[:20]}
        self.cases.append(rec)
        log(f"{section}/{case}: {rec['verdict']} x{times} {json.dumps(figures or {})}"
            + (f" problems: {problems[:5]}" if problems else ""))
        return rec


class Agent:
    """A ferry-agent listening on 127.0.0.1:PORT, restartable on the same port."""

    def __init__(self, run, root, name, extra=(), port=None):
        self.run, self.root, self.extra = run, root, list(extra)
        self.dir = os.path.dirname(root)
        self.token = os.path.join(self.dir, "token")
        self.log = os.path.join(self.dir, f"agent-{name}.log")
        self.port = port or free_port()
        self.proc = None
        self.starts = 0

    @property
    def url(self):
        return f"ws://127.0.0.1:{self.port}"

    def start(self):
        for attempt in range(50):
            self.proc = self.run.spawn([self.run.agent_bin, "--root", self.root, "--listen", f"127.0.0.1:{self.port}",
                                        "--token-file", self.token, "--log-level", "warning"] + self.extra, self.log)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and self.proc.poll() is None:
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                        self.starts += 1
                        return
                except OSError:
                    time.sleep(0.02)
            if self.proc.poll() is None:
                break
            # The port may still be held a moment after a kill.
            self.run.stop(self.proc)
            time.sleep(0.1)
        raise RuntimeError(f"ferry-agent did not start on port {self.port}: {tail(self.log)}")

    def kill(self):
        self.run.stop(self.proc, signal.SIGKILL)

    def stop(self):
        self.run.stop(self.proc, signal.SIGTERM)

    @property
    def pid(self):
        return self.proc.pid if self.proc else None


def tail(path, n=400):
    try:
        with open(path, "rb") as f:
            return f.read()[-n:].decode("utf-8", "replace").strip()
    except OSError:
        return ""


class Cli:
    """ferry-cli against one URL and token."""

    def __init__(self, run, url, token, workdir):
        self.run, self.url, self.token, self.workdir = run, url, token, workdir
        self.n = 0

    def argv(self, args, stats=None, extra=()):
        a = [self.run.cli_bin, "--url", self.url, "--token-file", self.token, "--quiet"] + list(extra)
        if stats:
            a += ["--stats", stats]
        return a + list(args)

    def start(self, args, stats=None, extra=()):
        self.n += 1
        err = os.path.join(self.workdir, f"cli-{self.n}.err")
        p = self.run.spawn(self.argv(args, stats, extra), stdout=subprocess.DEVNULL,
                           stderr=open(err, "wb"))
        p.err_path = err
        return p

    def call(self, args, timeout=120, extra=(), stats=None):
        """(rc, stdout, stderr) of one run, killed after TIMEOUT (rc None)."""
        p = self.run.spawn(self.argv(args, stats, extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            out, err = p.communicate(timeout=timeout)
            rc = p.returncode
        except subprocess.TimeoutExpired:
            self.run.stop(p)
            out, err = p.communicate()
            rc = None
        if p in self.run.procs:
            self.run.procs.remove(p)
        return rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def clean_failure(rc, err):
    """A failure that is an ordinary exit with a message (not a crash, hang or silence)."""
    return rc is not None and rc > 0 and rc not in CRASH_CODES and "ferry-cli:" in err


def wait_proc(run, p, seconds):
    try:
        p.wait(seconds)
    except subprocess.TimeoutExpired:
        run.stop(p)
        return None
    if p in run.procs:
        run.procs.remove(p)
    return p.returncode


def read_stats(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


# --- section 1: faults --------------------------------------------------------

class Relay:
    """tests/bench/reliability.py relay, restartable on the same port."""

    def __init__(self, run, target, workdir):
        self.run, self.target = run, target
        self.port = free_port()
        self.events = os.path.join(workdir, "relay.events")
        self.log = os.path.join(workdir, "relay.log")
        self.proc = None

    def start(self):
        for _ in range(50):
            self.proc = self.run.spawn([sys.executable, os.path.abspath(__file__), "relay", "--listen", str(self.port),
                                        "--target", str(self.target), "--events", self.events], self.log)
            if wait_port(self.port, 3) and self.proc.poll() is None:
                return
            self.run.stop(self.proc)
            time.sleep(0.1)
        raise RuntimeError(f"relay did not start: {tail(self.log)}")

    @property
    def url(self):
        return f"ws://127.0.0.1:{self.port}"

    def kill(self):
        self.run.stop(self.proc)

    def freeze(self):
        os.kill(self.proc.pid, signal.SIGUSR1)

    def events_list(self):
        try:
            with open(self.events, encoding="utf-8") as f:
                return [json.loads(line) for line in f if line.strip()]
        except (OSError, ValueError):
            return []


class Nginx:
    def __init__(self, run, agent_port, workdir):
        self.run = run
        self.dir = os.path.join(workdir, "nginx")
        self.port = free_port()
        self.proc = None
        for sub in ("tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"):
            os.makedirs(os.path.join(self.dir, sub))
        d = self.dir
        # What a hosted agent's front door needs: HTTP/1.1 to the agent, the
        # upgrade headers passed on, no buffering (as tests/support/nginxserver.cpp).
        conf = f"""daemon off;
master_process on;
worker_processes 1;
user root root;
pid {d}/nginx.pid;
error_log {d}/error.log info;
events {{ worker_connections 128; }}
http {{
    access_log {d}/access.log;
    client_body_temp_path {d}/tmp/body;
    proxy_temp_path {d}/tmp/proxy;
    fastcgi_temp_path {d}/tmp/fastcgi;
    uwsgi_temp_path {d}/tmp/uwsgi;
    scgi_temp_path {d}/tmp/scgi;
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        '' close;
    }}
    server {{
        listen 127.0.0.1:{self.port};
        location /ferry/ {{
            proxy_pass http://127.0.0.1:{agent_port}/;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_buffering off;
        }}
    }}
}}
"""
        with open(os.path.join(d, "nginx.conf"), "w") as f:
            f.write(conf)

    @property
    def url(self):
        return f"ws://127.0.0.1:{self.port}/ferry/"

    def start(self):
        for _ in range(50):
            self.proc = self.run.spawn(["nginx", "-p", self.dir + "/", "-c", os.path.join(self.dir, "nginx.conf"),
                                        "-e", os.path.join(self.dir, "error.log")], os.path.join(self.dir, "out.log"))
            if wait_port(self.port, 5) and self.proc.poll() is None:
                return
            self.run.stop(self.proc)
            time.sleep(0.1)
        raise RuntimeError(f"nginx did not start: {tail(os.path.join(self.dir, 'error.log'))}")

    def stop(self):
        # nginx -s stop is SIGTERM to the master: a fast shutdown that drops
        # every connection; then the whole group, should a worker linger.
        self.run.stop(self.proc, signal.SIGTERM)


def interrupted_transfer(run, section, case, what, direction, kind, interrupter, sizes, extra_cli=(),
                         reconnect_ms=60000, rate=None, deadline_s=300, front=None, agent_extra=()):
    """One transfer (direction upload/download, kind file/tree) through FRONT
    (None: straight to the agent), interrupted by INTERRUPTER(ctx) while it
    runs; checks the result. Returns the case record."""
    d = run.casedir(case)
    root, local = os.path.join(d, "root"), os.path.join(d, "local")
    canary = os.path.join(d, "canary")
    os.makedirs(root)
    os.makedirs(local)
    os.makedirs(canary)
    with open(os.path.join(canary, "keep.txt"), "w") as f:
        f.write("outside the root\n")
    rng = run.rng
    src_side = local if direction == "upload" else root
    if kind == "file":
        src = os.path.join(src_side, "src.bin")
        make_file(src, sizes["file"], rng)
    else:
        src = os.path.join(src_side, "tree")
        make_tree(src, sizes["tree_files"], sizes["tree_dirs"], rng)
    src_snap = snapshot(src_side)
    canary_snap = snapshot(canary)
    agent = Agent(run, root, case, extra=agent_extra)
    ctx = {"run": run, "agent": agent, "dir": d, "rng": rng, "kills": 0, "notes": []}
    stats_path = os.path.join(d, "stats.json")
    problems = []
    figures = {}
    try:
        agent.start()
        url = agent.url
        if front is not None:
            ctx["front"] = front(run, agent.port, d)
            ctx["front"].start()
            url = ctx["front"].url
        cli = Cli(run, url, agent.token, d)
        if kind == "file":
            args = ["cp", src, ":dst.bin"] if direction == "upload" else ["cp", ":src.bin", os.path.join(local, "dst.bin")]
            dst = os.path.join(root if direction == "upload" else local, "dst.bin")
        else:
            args = ["cp", "-r", src, ":dst"] if direction == "upload" else ["cp", "-r", ":tree", os.path.join(local, "dst")]
            dst = os.path.join(root if direction == "upload" else local, "dst")
        extra = ["--reconnect-for", str(reconnect_ms)] + list(extra_cli)
        if rate:
            extra += ["--limit-rate", rate]
        started = time.monotonic()
        p = cli.start(args, stats=stats_path, extra=extra)
        ctx["cli"], ctx["dst"], ctx["src"], ctx["kind"] = p, dst, src, kind
        interrupter(ctx)
        rc = wait_proc(run, p, max(5, deadline_s - (time.monotonic() - started)))
        figures["seconds"] = round(time.monotonic() - started, 2)
        err = tail(p.err_path, 2000)
        stats = read_stats(stats_path)
        figures["reconnects"] = stats.get("reconnects")
        figures["resumed_bytes"] = stats.get("resumed_bytes")
        if rc != 0:
            problems.append(f"ferry-cli exited {rc}: {err[-300:]}" + ("" if rc is None or clean_failure(rc, err) else " (not a clean exit)"))
        else:
            if kind == "file":
                if not os.path.isfile(dst) or sha256_file(dst) != sha256_file(src):
                    problems.append("destination differs from the source")
            else:
                problems += compare_trees(src, dst)
            left = part_files(root) + part_files(local)
            if left:
                problems.append(f"part files left after completion: {[os.path.relpath(x, d) for x in left][:3]}")
        problems += ["outside the root: " + c for c in snapshot_diff(canary_snap, snapshot(canary))]
        problems += ["source side: " + c for c in snapshot_diff(src_snap, snapshot(src_side))
                     if not c.startswith("added dst") and ".ferry-part" not in c
                     and not (c.startswith("changed .") and direction == "download")]
        problems += ctx.get("problems", [])
    except Exception as e:  # a case that cannot run is a failed case
        problems.append(f"{type(e).__name__}: {e}")
    finally:
        if ctx.get("front"):
            ctx["front"].kill() if isinstance(ctx["front"], Relay) else ctx["front"].stop()
        agent.stop()
        if ctx.get("cli"):
            run.stop(ctx["cli"])
    figures.update(ctx.get("figures", {}))
    figures["interruptions"] = ctx["kills"]
    if kind == "file":
        figures["bytes"] = sizes["file"]
    else:
        figures["files"] = sizes["tree_files"]
    ok = ctx["kills"] > 0 and not problems
    if ctx["kills"] == 0:
        problems.append("the transfer ended before it could be interrupted")
    return run.add(section, case, what, ctx["kills"], ok, figures, problems)


def kill_loop(restart_of, kill_of, count, lo, hi, gap=(0.0, 0.6), check_partial=True):
    """An interrupter: COUNT times, after a random delay in [LO, HI) s, kill
    (kill_of(ctx)), check the destination holds nothing partial under a final
    name, wait a random gap and restart (restart_of(ctx))."""
    def interrupter(ctx):
        run, rng, p = ctx["run"], ctx["rng"], ctx["cli"]
        delays = []
        for _ in range(count):
            delay = rng.uniform(lo, hi)
            time.sleep(delay)
            if p.poll() is not None:
                break
            kill_of(ctx)
            ctx["kills"] += 1
            delays.append(round(delay, 2))
            if check_partial:
                problems = []
                if ctx["kind"] == "file":
                    if os.path.exists(ctx["dst"]) and sha256_file(ctx["dst"]) != sha256_file(ctx["src"]):
                        problems.append("partial file under its final name after a kill")
                elif os.path.isdir(ctx["dst"]):
                    problems += final_names_complete(ctx["src"], ctx["dst"])
                ctx.setdefault("problems", []).extend(problems)
            time.sleep(rng.uniform(*gap))
            restart_of(ctx)
        ctx.setdefault("figures", {})["kill_delays_s"] = delays
    return interrupter


def section_faults(run):
    q = run.opts.quick
    sizes = {"file": (48 if q else 192) * MIB, "tree_files": 300 if q else 1500, "tree_dirs": 10 if q else 30}
    kills = 3 if q else 6
    rate = "16M"
    tree_rate = "2M" if q else "6M"
    S = "faults"

    def agent_restart(ctx):
        ctx["agent"].start()

    def agent_kill(ctx):
        ctx["agent"].kill()

    for direction in ("upload", "download"):
        for kind in ("file", "tree"):
            what = (f"{'upload' if direction == 'upload' else 'download'} of "
                    + (f"one {sizes['file'] // MIB} MiB file" if kind == "file" else f"a tree of {sizes['tree_files']} files")
                    + "; ferry-agent SIGKILLed at random points and restarted on the same port")
            interrupted_transfer(run, S, f"agent-kill-{direction}-{kind}", what, direction, kind,
                                 kill_loop(agent_restart, agent_kill, kills, 0.4, 1.6),
                                 sizes, rate=rate if kind == "file" else tree_rate)

    # The client killed, then the same command again.
    for direction in ("upload", "download"):
        for kind in ("file", "tree"):
            client_kill_case(run, S, direction, kind, sizes, kills=2 if q else 3,
                             rate=rate if kind == "file" else tree_rate)

    disk_full_case(run, S, "upload")
    disk_full_case(run, S, "download")

    # A front between ferry-cli and the agent (a relay, nginx), taken down
    # and started again.
    def front_start(ctx):
        ctx["front"].start()

    # A relay between ferry-cli and the agent, killed and restarted.
    def relay_kill(ctx):
        ctx["front"].kill()

    for direction in ("upload", "download"):
        interrupted_transfer(run, S, f"link-cut-{direction}",
                             f"{direction} of one {sizes['file'] // MIB} MiB file through a TCP relay that is "
                             "SIGKILLed at random points (every connection cut) and restarted",
                             direction, "file", kill_loop(front_start, relay_kill, kills, 0.4, 1.6), sizes,
                             rate=rate, front=Relay)
    # A relay that stops forwarding without closing: only the heartbeat tells.
    for direction in ("upload", "download"):
        frozen_link_case(run, S, direction, sizes)

    # nginx in front of the agent, stopped and started again.
    def nginx_stop(ctx):
        ctx["front"].stop()

    for direction in ("upload", "download"):
        interrupted_transfer(run, S, f"proxy-restart-{direction}",
                             f"{direction} of one {sizes['file'] // MIB} MiB file through nginx, which is stopped "
                             "(SIGTERM, as nginx -s stop) at random points and started again",
                             direction, "file", kill_loop(front_start, nginx_stop, 2 if q else 4, 0.6, 1.8), sizes,
                             rate=rate, front=Nginx)


def client_kill_case(run, S, direction, kind, sizes, kills, rate):
    case = f"client-kill-{direction}-{kind}"
    what = (f"{direction} of " + (f"one {sizes['file'] // MIB} MiB file" if kind == "file" else f"a tree of {sizes['tree_files']} files")
            + f"; ferry-cli SIGKILLed at a random point {kills} times, then the same command run to the end")
    d = run.casedir(case)
    root, local, canary = (os.path.join(d, x) for x in ("root", "local", "canary"))
    for x in (root, local, canary):
        os.makedirs(x)
    with open(os.path.join(canary, "keep.txt"), "w") as f:
        f.write("outside\n")
    canary_snap = snapshot(canary)
    rng = run.rng
    src_side = local if direction == "upload" else root
    if kind == "file":
        src = os.path.join(src_side, "src.bin")
        make_file(src, sizes["file"], rng)
    else:
        src = os.path.join(src_side, "tree")
        make_tree(src, sizes["tree_files"], sizes["tree_dirs"], rng)
    if kind == "file":
        args = ["cp", src, ":dst.bin"] if direction == "upload" else ["cp", ":src.bin", os.path.join(local, "dst.bin")]
        dst = os.path.join(root if direction == "upload" else local, "dst.bin")
    else:
        # A file that is there already is complete (it only ever appears
        # whole), so skipping it is right; a part file resumes.
        # -T: the second run copies onto dst again, not into it.
        args = (["cp", "-r", "-T", "--on-conflict=skip", src, ":dst"] if direction == "upload"
                else ["cp", "-r", "-T", "--on-conflict=skip", ":tree", os.path.join(local, "dst")])
        dst = os.path.join(root if direction == "upload" else local, "dst")
    agent = Agent(run, root, case)
    problems, figures, done = [], {}, 0
    delays = []
    try:
        agent.start()
        cli = Cli(run, agent.url, agent.token, d)
        for i in range(kills):
            p = cli.start(args, extra=["--limit-rate", rate])
            delay = rng.uniform(0.5, 1.8)
            time.sleep(delay)
            if p.poll() is not None:
                problems.append(f"run {i + 1} ended before the kill (status {p.returncode}: {tail(p.err_path)})")
                break
            run.stop(p, signal.SIGKILL)
            done += 1
            delays.append(round(delay, 2))
            if kind == "file":
                if os.path.exists(dst) and sha256_file(dst) != sha256_file(src):
                    problems.append("partial file under its final name after a client kill")
            elif os.path.isdir(dst):
                problems += final_names_complete(src, dst)
        figures["part_bytes_before_rerun"] = sum(os.path.getsize(x) for x in part_files(root) + part_files(local))
        stats_path = os.path.join(d, "stats.json")
        t0 = time.monotonic()
        rc, out, err = cli.call(args, timeout=300, stats=stats_path)
        figures["rerun_seconds"] = round(time.monotonic() - t0, 2)
        stats = read_stats(stats_path)
        figures["resumed_bytes"] = stats.get("resumed_bytes")
        if rc != 0:
            problems.append(f"the re-run exited {rc}: {err.strip()[-300:]}")
        else:
            if kind == "file":
                if not os.path.isfile(dst) or sha256_file(dst) != sha256_file(src):
                    problems.append("destination differs from the source")
            else:
                problems += compare_trees(src, dst)
            if not (stats.get("resumed_bytes") or 0) > 0 and kind == "file":
                problems.append("the re-run did not resume (resumed_bytes 0)")
            left = part_files(root) + part_files(local)
            if left:
                problems.append(f"part files left after completion: {[os.path.relpath(x, d) for x in left][:3]}")
        problems += ["outside the root: " + c for c in snapshot_diff(canary_snap, snapshot(canary))]
    except Exception as e:
        problems.append(f"{type(e).__name__}: {e}")
    finally:
        agent.stop()
    figures["kill_delays_s"] = delays
    figures["bytes" if kind == "file" else "files"] = sizes["file"] if kind == "file" else sizes["tree_files"]
    return run.add(S, case, what, done, done > 0 and not problems, figures, problems)


def disk_full_case(run, S, direction):
    case = f"disk-full-{direction}"
    what = (f"{direction} of a 24 MiB file into a 16 MiB tmpfs "
            + ("inside the agent's root" if direction == "upload" else "on the client side")
            + " (refused up front), two 10 MiB files at once (the disk fills while they write), "
            "then an 8 MiB file once the space is back")
    d = run.casedir(case)
    root, local, canary = (os.path.join(d, x) for x in ("root", "local", "canary"))
    for x in (root, local, canary):
        os.makedirs(x)
    with open(os.path.join(canary, "keep.txt"), "w") as f:
        f.write("outside\n")
    canary_snap = snapshot(canary)
    small = os.path.join(root if direction == "upload" else local, "small")
    src_side = local if direction == "upload" else root
    big = os.path.join(src_side, "big.bin")
    fit = os.path.join(src_side, "fit.bin")
    make_file(big, 24 * MIB, run.rng)
    make_file(fit, 8 * MIB, run.rng)
    mid = os.path.join(src_side, "mid.bin")
    mid_sha = make_file(mid, 10 * MIB, run.rng)
    agent = Agent(run, root, case)
    problems, figures, attempts = [], {}, 0
    try:
        run.mount_tmpfs(small, "16m")
        agent.start()
        cli = Cli(run, agent.url, agent.token, d)
        for name in ("big.bin", "big2.bin"):
            args = ["cp", big, f":small/{name}"] if direction == "upload" else ["cp", ":big.bin", os.path.join(small, name)]
            rc, out, err = cli.call(args, timeout=120)
            attempts += 1
            figures.setdefault("errors", []).append(err.strip()[-200:])
            if rc == 0:
                problems.append("an upload larger than the disk succeeded")
            elif not clean_failure(rc, err):
                problems.append(f"not a clean failure: status {rc}: {err.strip()[-200:]}")
            elif "space" not in err.lower():
                problems.append(f"the message does not mention space: {err.strip()[-200:]}")
            if os.path.exists(os.path.join(small, name)):
                problems.append(f"{name} exists under its final name after a failed copy")
        # The client checks the free space first; two copies that each fit
        # fill the disk while they write.
        ps = []
        for name in ("a.bin", "b.bin"):
            args = (["cp", mid, f":small/{name}"] if direction == "upload"
                    else ["cp", ":mid.bin", os.path.join(small, name)])
            ps.append((name, cli.start(args, extra=["--limit-rate", "8M"])))
        outcomes = []
        for name, p in ps:
            rc = wait_proc(run, p, 120)
            err = tail(p.err_path, 1000)
            attempts += 1
            outcomes.append(rc)
            dst = os.path.join(small, name)
            if rc == 0:
                if sha256_file(dst) != mid_sha:
                    problems.append(f"{name} succeeded but differs from its source")
            else:
                figures.setdefault("errors_while_writing", []).append(err.strip()[-200:])
                if not clean_failure(rc, err):
                    problems.append(f"{name}: not a clean failure: status {rc}: {err.strip()[-200:]}")
                elif "space" not in err.lower():
                    problems.append(f"{name}: the message does not mention space: {err.strip()[-200:]}")
                if os.path.exists(dst):
                    problems.append(f"{name} exists under its final name after a failed copy")
        figures["concurrent_status"] = outcomes
        if all(rc == 0 for rc in outcomes):
            problems.append("two copies larger together than the disk both succeeded")
        left = part_files(small)
        if left:
            problems.append(f"part files left on the full disk: {[os.path.basename(x) for x in left]}")
        for name in ("a.bin", "b.bin"):
            if os.path.exists(os.path.join(small, name)):
                os.remove(os.path.join(small, name))
        st = os.statvfs(small)
        figures["free_mib_after_failures"] = round(st.f_bavail * st.f_frsize / MIB, 1)
        args = ["cp", fit, ":small/fit.bin"] if direction == "upload" else ["cp", ":fit.bin", os.path.join(small, "fit.bin")]
        rc, out, err = cli.call(args, timeout=120)
        attempts += 1
        if rc != 0:
            problems.append(f"the copy that fits failed ({rc}): {err.strip()[-200:]}")
        elif sha256_file(os.path.join(small, "fit.bin")) != sha256_file(fit):
            problems.append("the copy that fits differs from its source")
        problems += ["outside the root: " + c for c in snapshot_diff(canary_snap, snapshot(canary))]
    except Exception as e:
        problems.append(f"{type(e).__name__}: {e}")
    finally:
        agent.stop()
        run.umount(small)
    return run.add(S, case, what, attempts, not problems, figures, problems)


def frozen_link_case(run, S, direction, sizes):
    case = f"frozen-link-{direction}"
    hb, dead = 500, 3000
    what = (f"{direction} of one {sizes['file'] // MIB} MiB file through a relay that stops forwarding without closing "
            f"(--heartbeat {hb} --dead-after {dead} on both ends); ferry-cli must drop it and reconnect")
    freezes = 2

    def interrupter(ctx):
        relay, rng, p = ctx["front"], ctx["rng"], ctx["cli"]
        for _ in range(freezes):
            time.sleep(rng.uniform(0.6, 1.5))
            if p.poll() is not None:
                break
            before = len(relay.events_list())
            relay.freeze()
            ctx["kills"] += 1
            t0 = time.monotonic()
            # Wait for ferry-cli to give the frozen connection up.
            while time.monotonic() - t0 < dead / 1000 + 10:
                if any(e.get("event") == "client-closed-frozen" for e in relay.events_list()[before:]):
                    break
                time.sleep(0.05)
        ev = [e for e in relay.events_list() if e.get("event") == "client-closed-frozen"]
        detect = [round(e["after_ms"]) for e in ev]
        ctx.setdefault("figures", {})["detected_after_ms"] = detect
        if len(detect) < ctx["kills"]:
            ctx.setdefault("problems", []).append(f"ferry-cli kept {ctx['kills'] - len(detect)} frozen connection(s) open")
        late = [x for x in detect if x > dead + 1500]
        if late:
            ctx.setdefault("problems", []).append(f"frozen link noticed late: {late} ms (dead-after {dead} ms)")

    return interrupted_transfer(run, S, case, what, direction, "file", interrupter, sizes, rate="16M",
                                extra_cli=["--heartbeat", str(hb), "--dead-after", str(dead)],
                                agent_extra=["--heartbeat", str(hb), "--dead-after", str(dead)], front=Relay)


# --- the relay (its own process) ---------------------------------------------

def cmd_relay(argv):
    p = argparse.ArgumentParser(prog="reliability.py relay")
    p.add_argument("--listen", type=int, required=True)
    p.add_argument("--target", type=int, required=True)
    p.add_argument("--events", required=True)
    a = p.parse_args(argv)
    lock = threading.Lock()
    conns = []

    def event(**kw):
        with lock, open(a.events, "a", encoding="utf-8") as f:
            f.write(json.dumps(kw) + "\n")

    class Conn:
        def __init__(self, c, s):
            self.c, self.s, self.frozen_at = c, s, None

    def freeze(signum, frame):
        now = time.monotonic()
        for conn in list(conns):
            if conn.frozen_at is None:
                conn.frozen_at = now
        event(event="freeze", connections=len(conns))

    def up(conn):
        try:
            while True:
                data = conn.c.recv(65536)
                if not data:
                    break
                if conn.frozen_at is None:
                    conn.s.sendall(data)
        except OSError:
            pass
        if conn.frozen_at is not None:
            event(event="client-closed-frozen", after_ms=(time.monotonic() - conn.frozen_at) * 1000)
        close(conn)

    def down(conn):
        try:
            while True:
                data = conn.s.recv(65536)
                if not data:
                    break
                if conn.frozen_at is None:
                    conn.c.sendall(data)
        except OSError:
            pass
        if conn.frozen_at is None:
            close(conn)

    def close(conn):
        for x in (conn.c, conn.s):
            try:
                x.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if conn in conns:
            conns.remove(conn)

    signal.signal(signal.SIGUSR1, freeze)
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", a.listen))
    srv.listen(64)
    while True:
        try:
            c, _ = srv.accept()
        except InterruptedError:
            continue
        try:
            s = socket.create_connection(("127.0.0.1", a.target), timeout=5)
            s.settimeout(None)
        except OSError:
            c.close()
            continue
        conn = Conn(c, s)
        conns.append(conn)
        threading.Thread(target=up, args=(conn,), daemon=True).start()
        threading.Thread(target=down, args=(conn,), daemon=True).start()


# --- section 2: hostile inputs ------------------------------------------------

def section_hostile(run):
    path_escapes(run)
    hostile_wire(run)


def path_escapes(run):
    S = "hostile"
    d = run.casedir("path-escapes")
    root, local, canary = (os.path.join(d, x) for x in ("root", "local", "canary"))
    os.makedirs(local)
    marker = f"CANARY-{run.rng.getrandbits(64):016x}"
    secret_name = f"canary-secret-{run.rng.getrandbits(32):08x}.txt"
    listed_only = f"listed-only-{run.rng.getrandbits(32):08x}.txt"
    past = time.time() - 86400 * 3

    def make_canary():
        os.makedirs(os.path.join(canary, "sub"))
        for name, text in ((secret_name, marker), (listed_only, marker + " listed"),
                           (os.path.join("sub", "inner.txt"), marker + " inner")):
            with open(os.path.join(canary, name), "w") as f:
                f.write(text + "\n")
        os.chmod(os.path.join(canary, secret_name), 0o640)
        for p in (secret_name, listed_only, "sub/inner.txt", "sub"):
            os.utime(os.path.join(canary, p), (past, past))

    make_canary()
    before = snapshot(canary)
    # What the wire can carry: .., absolute paths, and links planted in the
    # root that point out of it (relative, absolute, chains, to the parent).
    def plant():
        # The root itself stays: the agent holds it open.
        os.makedirs(root, exist_ok=True)
        for name in os.listdir(root):
            path = os.path.join(root, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
        os.makedirs(os.path.join(root, "inside", "deep"))
        with open(os.path.join(root, "inside", "own.txt"), "w") as f:
            f.write("inside the root\n")
        os.symlink("../canary", os.path.join(root, "esc"))
        os.symlink(canary, os.path.join(root, "abs"))
        os.symlink("chain2", os.path.join(root, "chain1"))
        os.symlink("inside/deep/up", os.path.join(root, "chain2"))
        os.symlink("../../../canary", os.path.join(root, "inside", "deep", "up"))
        os.symlink(f"../canary/{secret_name}", os.path.join(root, "fileesc"))
        os.symlink("..", os.path.join(root, "parent"))
        os.symlink("/", os.path.join(root, "slash"))
    escapes = ["../canary", f"../canary/{secret_name}", f"inside/../../canary/{secret_name}",
               canary, f"{canary}/{secret_name}", "esc", f"esc/{secret_name}", f"abs/{secret_name}",
               f"chain1/{secret_name}", "chain1/sub", "fileesc", f"parent/canary/{secret_name}",
               f"slash{canary}/{secret_name}", "inside/deep/up/sub"]
    up_src = os.path.join(local, "up.txt")
    with open(up_src, "w") as f:
        f.write("uploaded\n")
    up_tree = os.path.join(local, "uptree")
    os.makedirs(up_tree)
    with open(os.path.join(up_tree, "t.txt"), "w") as f:
        f.write("tree\n")
    ops = {
        "ls": lambda P: ["ls", "-l", ":" + P],
        "stat": lambda P: ["stat", ":" + P],
        "hash": lambda P: ["hash", ":" + P],
        "df": lambda P: ["df", ":" + P],
        "download": lambda P: ["cp", ":" + P, os.path.join(local, "got")],
        "download-r": lambda P: ["cp", "-r", ":" + P, os.path.join(local, "gotdir")],
        "upload-into": lambda P: ["cp", "--on-conflict=overwrite", up_src, ":" + P],
        "upload-name": lambda P: ["cp", "--on-conflict=overwrite", up_src, ":" + P + "/new.txt"],
        "upload-r": lambda P: ["cp", "-r", "--on-conflict=overwrite", up_tree, ":" + P],
        "remote-copy-from": lambda P: ["cp", "--on-conflict=overwrite", ":" + P, ":inside/copied"],
        "remote-copy-to": lambda P: ["cp", "--on-conflict=overwrite", ":inside/own.txt", ":" + P + "/copied"],
        "mv-from": lambda P: ["mv", ":" + P + "/sub", ":inside/moved"],
        "mv-to": lambda P: ["mv", "-f", ":inside/own.txt", ":" + P + "/moved.txt"],
        "rm": lambda P: ["rm", ":" + P + f"/{secret_name}"],
        "rm-r": lambda P: ["rm", "-r", ":" + P + "/sub"],
        "mkdir": lambda P: ["mkdir", ":" + P + "/made"],
        "mkdir-p": lambda P: ["mkdir", "-p", ":" + P + "/made/deeper"],
        "chmod": lambda P: ["chmod", "777", ":" + P],
        "exec-cwd": lambda P: ["exec", "--cwd", ":" + P, "--", "ls", "-la"],
    }
    agent = Agent(run, root, "escapes")
    counts = {op: {"attempts": 0, "refused": 0, "harmless_ok": 0, "said": None} for op in ops}
    controls = 0
    problems = []
    try:
        plant()
        agent.start()
        cli = Cli(run, agent.url, agent.token, d)
        # The same operations inside the root work: a refusal below is the
        # path's doing, not a wrong command line.
        controls = 0
        for args in (["ls", "-l", ":inside"], ["stat", ":inside/own.txt"], ["hash", ":inside/own.txt"],
                     ["cp", up_src, ":inside/up.txt"], ["cp", ":inside/own.txt", os.path.join(local, "got")],
                     ["mkdir", "-p", ":inside/made/deeper"], ["chmod", "700", ":inside/made"],
                     ["mv", ":inside/up.txt", ":inside/moved.txt"], ["rm", ":inside/moved.txt"],
                     ["cp", ":inside/own.txt", ":inside/copied"], ["exec", "--cwd", ":inside", "--", "ls"]):
            rc, out, err = cli.call(args, timeout=60)
            controls += 1
            if rc != 0:
                problems.append(f"control {' '.join(args[:2])} inside the root failed ({rc}): {err.strip()[-160:]}")
        for op, make in ops.items():
            for P in escapes:
                plant()
                for x in ("got", "gotdir"):
                    x = os.path.join(local, x)
                    shutil.rmtree(x, ignore_errors=True) if os.path.isdir(x) and not os.path.islink(x) else \
                        (os.remove(x) if os.path.lexists(x) else None)
                rc, out, err = cli.call(make(P), timeout=60)
                c = counts[op]
                c["attempts"] += 1
                # Read outside: the canary's content, or a name that only a
                # listing of the canary shows (links name the secret file
                # and the canary's path themselves, and stat shows a link's
                # target). A link that arrives is a link, not followed here.
                leaked = marker in out or listed_only in out or "inner.txt" in out
                for x in ("got", "gotdir"):
                    x = os.path.join(local, x)
                    if os.path.isdir(x) and not os.path.islink(x):
                        leaked = leaked or any(marker.encode() in open(os.path.join(dp, n), "rb").read()
                                               for dp, _, fs in os.walk(x) for n in fs
                                               if not os.path.islink(os.path.join(dp, n)))
                    elif os.path.isfile(x) and not os.path.islink(x):
                        leaked = leaked or marker.encode() in open(x, "rb").read()
                    elif os.path.islink(x):
                        c["links_received"] = c.get("links_received", 0) + 1
                if op == "exec-cwd" and rc == 0 and secret_name not in out:
                    # A command runs where the root says; "ls" of something
                    # inside is fine.
                    pass
                changed = snapshot_diff(before, snapshot(canary))
                if leaked:
                    problems.append(f"{op} {P}: read outside the root (rc {rc})")
                if changed:
                    problems.append(f"{op} {P}: changed outside the root: {changed[:3]}")
                    # Put the canary back for the next attempt.
                    shutil.rmtree(canary)
                    make_canary()
                    before = snapshot(canary)
                if rc == 0:
                    c["harmless_ok"] += 1
                elif clean_failure(rc, err):
                    c["refused"] += 1
                    said = err.strip().splitlines()[-1].replace(canary, "WORK/canary")
                    if "outside" in said or not c["said"]:
                        c["said"] = said[:140]
                else:
                    problems.append(f"{op} {P}: not a clean exit (status {rc}): {err.strip()[-200:]}")
    except Exception as e:
        problems.append(f"{type(e).__name__}: {e}")
    finally:
        agent.stop()
    total = sum(c["attempts"] for c in counts.values())
    refused = sum(c["refused"] for c in counts.values())
    figures = {"operations": len(ops), "paths": len(escapes), "refused": refused, "control_operations": controls,
               "links_received": sum(c.get("links_received", 0) for c in counts.values()),
               "succeeded_inside_root": sum(c["harmless_ok"] for c in counts.values()),
               "per_operation": counts, "paths_tried": [p.replace(d, "WORK") for p in escapes]}
    run.add("hostile", "path-escapes",
            f"{len(escapes)} escaping paths (.., absolute, links out of the root: relative, absolute, chains, to / "
            f"and to ..) through {len(ops)} ferry-cli operations; canary directory beside the root",
            total, not problems, figures, problems)


# A minimal WebSocket client (RFC 6455) and CBOR (RFC 8949) for hostile peers.

def cbor(value):
    def head(major, n):
        if n < 24:
            return bytes([major << 5 | n])
        for ai, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
            if n < 1 << (8 * struct.calcsize(fmt)):
                return bytes([major << 5 | ai]) + struct.pack(fmt, n)
        raise ValueError(n)
    if isinstance(value, bool):
        return bytes([0xF5 if value else 0xF4])
    if isinstance(value, int):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, str):
        b = value.encode()
        return head(3, len(b)) + b
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(cbor(x) for x in value)
    if isinstance(value, dict):
        return head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())
    raise TypeError(type(value))


def uncbor(data, i=0):
    """(value, next index) of the CBOR item at I (the subset control messages use)."""
    ib = data[i]
    major, ai = ib >> 5, ib & 31
    i += 1
    if ai < 24:
        n = ai
    elif ai in (24, 25, 26, 27):
        size = 1 << (ai - 24)
        n = int.from_bytes(data[i:i + size], "big")
        i += size
    else:
        raise ValueError("indefinite length")
    if major == 0:
        return n, i
    if major == 1:
        return -1 - n, i
    if major == 2:
        return bytes(data[i:i + n]), i + n
    if major == 3:
        return data[i:i + n].decode("utf-8", "replace"), i + n
    if major == 4:
        out = []
        for _ in range(n):
            v, i = uncbor(data, i)
            out.append(v)
        return out, i
    if major == 5:
        out = {}
        for _ in range(n):
            k, i = uncbor(data, i)
            v, i = uncbor(data, i)
            out[k] = v
        return out, i
    if major == 7:
        return {20: False, 21: True, 22: None}.get(ai), i
    raise ValueError(f"major {major}")


class WsPeer:
    def __init__(self, port, source, timeout):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((source, 0))
        self.sock.settimeout(timeout)
        self.sock.connect(("127.0.0.1", port))
        self.buf = b""

    def upgrade(self, extra=b""):
        key = base64.b64encode(os.urandom(16))
        self.sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          b"Sec-WebSocket-Key: " + key + b"\r\nSec-WebSocket-Version: 13\r\n" + extra + b"\r\n")
        while b"\r\n\r\n" not in self.buf:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("closed during the upgrade")
            self.buf += chunk
        head, _, self.buf = self.buf.partition(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 101"):
            raise ConnectionError(head.split(b"\r\n")[0].decode("latin-1"))

    def send_frame(self, payload, opcode=2, mask=True, fin=True, length=None):
        n = len(payload) if length is None else length
        b0 = (0x80 if fin else 0) | opcode
        if n < 126:
            hdr = bytes([b0, (0x80 if mask else 0) | n])
        elif n < 65536:
            hdr = bytes([b0, (0x80 if mask else 0) | 126]) + struct.pack(">H", n)
        else:
            hdr = bytes([b0, (0x80 if mask else 0) | 127]) + struct.pack(">Q", n)
        if mask:
            key = os.urandom(4)
            payload = bytes(b ^ key[i % 4] for i, b in enumerate(payload))
            hdr += key
        self.sock.sendall(hdr + payload)

    def recv_frame(self):
        """(opcode, payload) of the next frame; ConnectionError at EOF."""
        def need(n):
            while len(self.buf) < n:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise ConnectionError("eof")
                self.buf += chunk
        need(2)
        op, n = self.buf[0] & 0x0F, self.buf[1] & 0x7F
        off = 2
        if n == 126:
            need(4)
            n, off = struct.unpack(">H", self.buf[2:4])[0], 4
        elif n == 127:
            need(10)
            n, off = struct.unpack(">Q", self.buf[2:10])[0], 10
        need(off + n)
        payload, self.buf = self.buf[off:off + n], self.buf[off + n:]
        return op, payload

    def hello(self):
        op, payload = self.recv_frame()
        if op != 2 or not payload or payload[0] != 1:
            raise ConnectionError("no hello")
        return uncbor(payload, 1)[0]

    def wait_close(self, seconds):
        """(closed by the agent, seconds it took, close reason)."""
        t0 = time.monotonic()
        self.sock.settimeout(0.5)
        reason = None
        while time.monotonic() - t0 < seconds:
            try:
                op, payload = self.recv_frame()
                if op == 8:
                    reason = payload[2:].decode("utf-8", "replace") if len(payload) > 2 else ""
                    # Answer the close as a client does; the agent then drops the socket.
                    try:
                        self.send_frame(payload[:2], opcode=8)
                    except OSError:
                        pass
                elif op == 2 and payload[:1] == b"\x01" and reason is None:
                    try:
                        m = uncbor(payload, 1)[0]
                        if isinstance(m, dict) and m.get("t") == "error":
                            reason = m.get("msg")
                    except (ValueError, IndexError):
                        pass
            except socket.timeout:
                continue
            except (ConnectionError, OSError, struct.error):
                return True, time.monotonic() - t0, reason
        return False, time.monotonic() - t0, reason

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def auth_message(token, hello, **override):
    nonce = os.urandom(32)
    mac = hmac.new(token, b"ferry/1 client" + hello.get("nonce", b"") + nonce, hashlib.sha256).digest()
    m = {"t": "auth", "v": 1, "nonce": nonce, "mac": mac, "cw": 1 << 20, "sw": 256 << 10}
    m.update(override)
    return b"\x01" + cbor(m)


def hostile_attempt(kind, port, source, token, rng, close_within):
    """One hostile connection of KIND; returns (closed, seconds, reason, note)."""
    peer = None
    try:
        peer = WsPeer(port, source, 5)
        if kind == "raw-garbage":
            peer.sock.sendall(rng.randbytes(rng.randint(1, 4096)))
        elif kind == "bad-upgrade":
            peer.sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              b"Sec-WebSocket-Version: 7\r\nSec-WebSocket-Key: " + rng.randbytes(12).hex().encode()
                              + b"\r\n\r\n")
        elif kind == "stalled-upgrade":
            peer.sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n")
        elif kind == "silent":
            pass
        else:
            peer.upgrade()
            hello = peer.hello()
            if kind == "random-bytes-after-upgrade":
                peer.sock.sendall(rng.randbytes(rng.randint(1, 2048)))
            elif kind == "random-binary-messages":
                for _ in range(rng.randint(1, 4)):
                    peer.send_frame(rng.randbytes(rng.randint(0, 1000)))
            elif kind == "oversized-length":
                peer.send_frame(b"\x01" + rng.randbytes(64), length=rng.choice([1 << 20, 1 << 31, (1 << 62) + 5]))
            elif kind == "text-message":
                peer.send_frame(b'{"t":"auth"}', opcode=1)
            elif kind == "unmasked-frame":
                peer.send_frame(auth_message(os.urandom(32), hello), mask=False)
            elif kind == "bad-opcode":
                peer.send_frame(rng.randbytes(16), opcode=rng.choice([3, 4, 5, 6, 7, 11, 12, 13, 14, 15]))
            elif kind == "wrong-token":
                peer.send_frame(auth_message(os.urandom(32).hex().encode(), hello))
            elif kind == "malformed-cbor":
                body = auth_message(token, hello)
                cut = rng.randint(1, len(body) - 1)
                peer.send_frame(rng.choice([body[:cut], b"\x01" + rng.randbytes(rng.randint(0, 200)),
                                            b"\x01" + b"\x9f" * 200, b"\x01\xbf\x61t\x64auth"]))
            elif kind == "mistyped-fields":
                peer.send_frame(auth_message(token, hello, **rng.choice(
                    [{"v": "one"}, {"nonce": 7}, {"mac": "x"}, {"cw": -1}, {"sw": 1 << 62}, {"t": 5}, {"v": 99}])))
            elif kind == "oversized-auth":
                peer.send_frame(auth_message(token, hello, pad=os.urandom(rng.randint(1100, 60000))))
            elif kind == "request-before-auth":
                peer.send_frame(b"\x01" + cbor({"t": rng.choice(["ls", "put", "get", "exec", "stat"]), "id": 1,
                                                "path": "../canary"}))
            elif kind == "data-before-auth":
                peer.send_frame(b"\x02" + struct.pack(">BIQ", 0, 1, 0) + rng.randbytes(200))
            elif kind == "fragmented-flood":
                for _ in range(40):
                    peer.send_frame(rng.randbytes(100), opcode=0, fin=False)
        closed, seconds, reason = peer.wait_close(close_within)
        return closed, seconds, reason, None
    except (ConnectionError, OSError) as e:
        # Closed (or refused) before we even got this far: closed it is.
        return True, 0.0, None, f"{type(e).__name__}: {e}"
    finally:
        if peer:
            peer.close()


HOSTILE_KINDS = ["raw-garbage", "bad-upgrade", "stalled-upgrade", "silent", "random-bytes-after-upgrade",
                 "random-binary-messages", "oversized-length", "text-message", "unmasked-frame", "bad-opcode",
                 "wrong-token", "malformed-cbor", "mistyped-fields", "oversized-auth", "request-before-auth",
                 "data-before-auth", "fragmented-flood"]


def hostile_wire(run):
    q = run.opts.quick
    per_kind = 15 if q else 60
    handshake_ms = 3000
    d = run.casedir("hostile-wire")
    root, local = os.path.join(d, "root"), os.path.join(d, "local")
    os.makedirs(root)
    os.makedirs(local)
    src = os.path.join(local, "legit.bin")
    src_sha = make_file(src, 32 * MIB, run.rng)
    agent = Agent(run, root, "wire", extra=["--handshake-timeout", str(handshake_ms)])
    problems = []
    counts = {k: {"attempts": 0, "closed": 0, "max_close_s": 0.0, "reason": None} for k in HOSTILE_KINDS}
    legit = {"transfers": 0, "equal": 0, "failures": []}
    stop = threading.Event()
    sanity = None
    try:
        agent.start()
        with open(agent.token, "rb") as f:
            token = f.read().strip()
        # The raw client itself is right: with the right token it is welcomed.
        try:
            peer = WsPeer(agent.port, "127.0.0.250", 5)
            peer.upgrade()
            hello = peer.hello()
            peer.send_frame(auth_message(token, hello))
            op, payload = peer.recv_frame()
            m = uncbor(payload, 1)[0] if payload[:1] == b"\x01" else {}
            sanity = m.get("t")
            peer.close()
        except (ConnectionError, OSError, ValueError) as e:
            sanity = f"{type(e).__name__}: {e}"
        cli = Cli(run, agent.url, agent.token, d)

        def legit_loop():
            i = 0
            while not stop.is_set():
                i += 1
                if i % 2:
                    rc, out, err = cli.call(["cp", "--on-conflict=overwrite", src, ":legit.bin"], timeout=300,
                                            extra=["--limit-rate", "32M"])
                    got = os.path.join(root, "legit.bin")
                else:
                    got = os.path.join(local, "back.bin")
                    rc, out, err = cli.call(["cp", "--on-conflict=overwrite", ":legit.bin", got], timeout=300,
                                            extra=["--limit-rate", "32M"])
                legit["transfers"] += 1
                if rc != 0:
                    legit["failures"].append(f"status {rc}: {err.strip()[-200:]}")
                elif sha256_file(got) == src_sha:
                    legit["equal"] += 1
                else:
                    legit["failures"].append("differs")

        t = threading.Thread(target=legit_loop)
        t.start()
        rng = random.Random(run.rng.getrandbits(64))
        plan = [k for k in HOSTILE_KINDS for _ in range(per_kind)]
        rng.shuffle(plan)
        lock = threading.Lock()
        jobs = list(enumerate(plan))

        def worker(wid):
            wrng = random.Random(rng.getrandbits(64) ^ wid)
            while True:
                with lock:
                    if not jobs:
                        return
                    n, kind = jobs.pop()
                # Hostile peers come from 127.0.0.2..249, never the legitimate
                # client's 127.0.0.1 (wrong proofs slow an address down).
                source = f"127.0.0.{2 + n % 248}"
                closed, seconds, reason, note = hostile_attempt(kind, agent.port, source, token, wrng,
                                                                handshake_ms / 1000 + 5)
                with lock:
                    c = counts[kind]
                    c["attempts"] += 1
                    c["closed"] += 1 if closed else 0
                    c["max_close_s"] = round(max(c["max_close_s"], seconds), 2)
                    if reason and not c["reason"]:
                        c["reason"] = reason[:120]
                    if not closed:
                        problems.append(f"{kind}: the agent kept the connection open")

        workers = [threading.Thread(target=worker, args=(i,)) for i in range(12)]
        t0 = time.monotonic()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        hostile_seconds = time.monotonic() - t0
        # ferry-cli with a wrong token: refused with a message and status 4.
        wrong = os.path.join(d, "wrong-token")
        with open(wrong, "w") as f:
            f.write(os.urandom(32).hex() + "\n")
        os.chmod(wrong, 0o600)
        wrong_cli = Cli(run, agent.url, wrong, d)
        wrong_runs = []
        for _ in range(2):
            rc, out, err = wrong_cli.call(["ls", ":"], timeout=60)
            wrong_runs.append(rc)
            if rc != 4 or "ferry-cli:" not in err:
                problems.append(f"ferry-cli with a wrong token: status {rc}: {err.strip()[-200:]}")
        stop.set()
        t.join()
        rc, out, err = cli.call(["ls", ":"], timeout=60)
        if rc != 0:
            problems.append(f"the agent no longer serves a listing: {err.strip()[-200:]}")
        if agent.proc.poll() is not None:
            problems.append(f"the agent exited ({agent.proc.returncode})")
    except Exception as e:
        problems.append(f"{type(e).__name__}: {e}")
        stop.set()
        hostile_seconds, wrong_runs = None, []
    finally:
        stop.set()
        agent.stop()
    if sanity != "welcome":
        problems.append(f"the raw client was not welcomed with the right token ({sanity}); its attempts prove less")
    if legit["failures"] or legit["equal"] == 0:
        problems.append(f"legitimate transfers: {legit['equal']} of {legit['transfers']} equal; {legit['failures'][:3]}")
    total = sum(c["attempts"] for c in counts.values())
    figures = {"kinds": len(HOSTILE_KINDS), "closed_by_agent": sum(c["closed"] for c in counts.values()),
               "seconds": round(hostile_seconds, 1) if hostile_seconds else None,
               "handshake_timeout_ms": handshake_ms, "raw_client_right_token": sanity,
               "legit_transfers": legit["transfers"], "legit_equal": legit["equal"],
               "wrong_token_cli_status": wrong_runs, "per_kind": counts}
    run.add("hostile", "wire",
            f"malformed upgrades, frames and CBOR, wrong tokens, stalled handshakes ({len(HOSTILE_KINDS)} kinds, "
            f"12 at a time from 127.0.0.2-249) while ferry-cli moves a 32 MiB file back and forth",
            total, not problems, figures, problems)


# --- section 3: load ----------------------------------------------------------

def cmd_flood(argv):
    p = argparse.ArgumentParser(prog="reliability.py flood")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--idle", type=int, default=0)
    p.add_argument("--upgrades", type=int, default=0)
    p.add_argument("--first", type=int, default=2)
    p.add_argument("--last", type=int, default=126)
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--rate", type=float, default=300.0, help="new connections per second at most")
    p.add_argument("--out", required=True)
    a = p.parse_args(argv)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    sel = selectors.DefaultSelector()
    stats = {"target_idle": a.idle, "target_upgrades": a.upgrades, "opened": 0, "closed_by_agent": 0,
             "connect_failures": 0, "open_max": 0}
    want = ["idle"] * a.idle + ["upgrade"] * a.upgrades
    random.shuffle(want)
    open_now = {}
    n = 0
    deadline = time.monotonic() + a.seconds
    stopping = []
    signal.signal(signal.SIGTERM, lambda *x: stopping.append(1))
    pending = list(want)
    tokens, last = 0.0, time.monotonic()
    while time.monotonic() < deadline and not stopping:
        now = time.monotonic()
        tokens = min(a.rate, tokens + (now - last) * a.rate)
        last = now
        while pending and tokens >= 1:
            tokens -= 1
            kind = pending.pop()
            s = socket.socket()
            s.setblocking(False)
            try:
                s.bind((f"127.0.0.{a.first + n % (a.last - a.first + 1)}", 0))
                n += 1
                s.connect_ex(("127.0.0.1", a.port))
            except OSError:
                stats["connect_failures"] += 1
                s.close()
                pending.append(kind)
                break
            open_now[s] = kind
            sel.register(s, selectors.EVENT_WRITE, kind)
            stats["opened"] += 1
        stats["open_max"] = max(stats["open_max"], len(open_now))
        for key, ev in sel.select(timeout=0.05):
            s = key.fileobj
            if ev & selectors.EVENT_WRITE:
                err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if err:
                    stats["connect_failures"] += 1
                    sel.unregister(s)
                    s.close()
                    pending.append(open_now.pop(s))
                    continue
                if key.data == "upgrade":
                    try:
                        s.send(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
                    except OSError:
                        pass
                sel.modify(s, selectors.EVENT_READ, key.data)
            else:
                try:
                    data = s.recv(4096)
                except OSError:
                    data = b""
                if not data:
                    stats["closed_by_agent"] += 1
                    sel.unregister(s)
                    s.close()
                    # Come back: a flood keeps pushing.
                    pending.append(open_now.pop(s))
    stats["open_at_end"] = len(open_now)
    benchlib.write_json(a.out, stats)
    for s in list(open_now):
        s.close()


def section_load(run):
    q = run.opts.quick
    clients = 50 if q else 200
    seconds = 20 if q else 45
    # The clients alone first, then beside the flood: what the flood costs.
    load_case(run, "clients", clients, seconds, 0, 0)
    load_case(run, "clients-and-flood", clients, seconds, 250 if q else 1000, 250 if q else 1000)
    # The same flood from fewer addresses, each over the legitimate one's share.
    load_case(run, "clients-and-flood-few-addresses", clients, seconds, 250 if q else 1000, 250 if q else 1000,
              last=17)


def load_case(run, case, clients, seconds, flood_idle, flood_upgrades, last=126):
    S = "load"
    d = run.casedir(case)
    root, local = os.path.join(d, "root"), os.path.join(d, "local")
    os.makedirs(os.path.join(root, "load"))
    os.makedirs(local)
    small = os.path.join(local, "small.bin")
    small_sha = make_file(small, 64 * 1024, run.rng)
    agent = Agent(run, root, "load")
    problems, figures = [], {}
    ops = {"ls": [0, 0], "upload": [0, 0], "download": [0, 0]}
    failures = []
    flood = None
    samples = []
    try:
        agent.start()
        time.sleep(1.0)
        pid = agent.pid
        figures["fds_idle"] = proc_fds(pid)
        figures["rss_idle_kib"] = proc_status(pid, "VmRSS")
        cli = Cli(run, agent.url, agent.token, d)
        stop_sampling = threading.Event()

        def sampler():
            while not stop_sampling.is_set():
                samples.append((time.monotonic(), proc_fds(pid), proc_status(pid, "VmRSS")))
                time.sleep(0.2)

        st = threading.Thread(target=sampler)
        st.start()
        flood_out = os.path.join(d, "flood.json")
        if flood_idle + flood_upgrades:
            flood = run.spawn([sys.executable, os.path.abspath(__file__), "flood", "--port", str(agent.port),
                               "--idle", str(flood_idle), "--upgrades", str(flood_upgrades), "--first", "2",
                               "--last", str(last), "--seconds", str(seconds + 10), "--out", flood_out],
                              os.path.join(d, "flood.log"))
            time.sleep(3)
        deadline = time.monotonic() + seconds
        lock = threading.Lock()

        def client(i):
            mine = os.path.join(local, f"c{i}.out")
            k = 0
            while time.monotonic() < deadline:
                op = ("ls", "upload", "download")[k % 3]
                k += 1
                if op == "ls":
                    rc, out, err = cli.call(["ls", ":load"], timeout=120)
                    ok = rc == 0
                elif op == "upload":
                    rc, out, err = cli.call(["cp", "--on-conflict=overwrite", small, f":load/c{i}.bin"], timeout=120)
                    ok = rc == 0 and sha256_file(os.path.join(root, "load", f"c{i}.bin")) == small_sha
                else:
                    rc, out, err = cli.call(["cp", "--on-conflict=overwrite", f":load/c{i}.bin", mine], timeout=120)
                    ok = rc == 0 and sha256_file(mine) == small_sha
                with lock:
                    ops[op][0] += 1
                    ops[op][1] += 1 if ok else 0
                    if not ok:
                        failures.append(f"{op}: status {rc}: {err.strip()[-160:]}")

        threads = []
        for i in range(clients):
            threads.append(threading.Thread(target=client, args=(i,)))
            threads[-1].start()
            time.sleep(min(0.05, seconds / clients / 4))
        peak_active = sum(1 for t in threads if t.is_alive())
        for t in threads:
            t.join()
        figures["fds_peak"] = max((s[1] for s in samples if s[1] is not None), default=None)
        figures["rss_peak_kib"] = max((s[2] for s in samples if s[2] is not None), default=None)
        run.stop(flood, signal.SIGTERM)
        flood_stats = read_stats(flood_out) if flood else None
        # After everything closed: back near the idle baseline?
        t0 = time.monotonic()
        after = proc_fds(pid)
        while time.monotonic() - t0 < 30 and (after is None or after > (figures["fds_idle"] or 0) + 4):
            time.sleep(0.5)
            after = proc_fds(pid)
        stop_sampling.set()
        st.join()
        figures["fds_after"] = after
        figures["fds_back_within_s"] = round(time.monotonic() - t0, 1)
        figures["rss_after_kib"] = proc_status(pid, "VmRSS")
        figures["vmhwm_kib"] = proc_status(pid, "VmHWM")
        figures["clients"] = clients
        figures["clients_running_at_once"] = peak_active
        figures["seconds"] = seconds
        figures["operations"] = {k: {"runs": v[0], "ok": v[1]} for k, v in ops.items()}
        figures["flood"] = flood_stats
        figures["agent_fd_limit"] = None
        try:
            with open(f"/proc/{pid}/limits") as f:
                for line in f:
                    if line.startswith("Max open files"):
                        figures["agent_fd_limit"] = int(line.split()[3])
        except OSError:
            pass
        if failures:
            problems.append(f"{len(failures)} legitimate operations failed, e.g. {failures[:3]}")
        if after is None or after > (figures["fds_idle"] or 0) + 4:
            problems.append(f"descriptors did not return to the idle baseline: {after} against {figures['fds_idle']}")
        if agent.proc.poll() is not None:
            problems.append(f"the agent exited ({agent.proc.returncode})")
        if flood and not flood_stats:
            problems.append("the flood did not report")
        left = part_files(root) + part_files(local)
        if left:
            problems.append(f"part files left: {len(left)}")
    except Exception as e:
        problems.append(f"{type(e).__name__}: {e}")
    finally:
        run.stop(flood)
        agent.stop()
    total = sum(v[0] for v in ops.values())
    what = f"{clients} ferry-cli clients in a loop (ls, 64 KiB upload, download) for {seconds} s"
    if flood_idle + flood_upgrades:
        what += (f", beside a flood of {flood_idle} idle TCP connections and {flood_upgrades} half-open WebSocket "
                 f"upgrades from 127.0.0.2-{last} (reopened as the agent closes them)")
    else:
        what += ", no flood"
    run.add(S, case, what, total, not problems, figures, problems)


# --- section 4: fuzzing -------------------------------------------------------

def section_fuzz(run):
    seconds = run.opts.seconds
    d = run.casedir("fuzz")
    out_path = os.path.join(d, "fuzz.out")
    t0 = time.monotonic()
    with open(out_path, "wb") as out:
        p = run.spawn([os.path.join(run.repo, "tests", "fuzz", "run"), "--seconds", str(seconds)],
                      stdout=out, stderr=subprocess.STDOUT, env=dict(os.environ, FERRY_IN_ROOT="1"))
        rc = wait_proc(run, p, seconds * 5 + 1800)
    wall = time.monotonic() - t0
    text = tail(out_path, 20000)
    try:
        targets = subprocess.run([os.path.join(run.repo, "tests", "fuzz", "run"), "--list"], capture_output=True,
                                 text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        targets = []
    for t in targets:
        log_path = os.path.join(run.repo, "build-fuzz", "fuzz", f"{t}.log")
        figures, problems = {"seconds": seconds}, []
        try:
            with open(log_path, encoding="utf-8", errors="replace") as f:
                flog = f.read()
        except OSError:
            flog = ""
            problems.append("no log (the fuzz build or run failed)")
        m = re.search(r"Done (\d+) runs in (\d+) second", flog)
        figures["executions"] = int(m.group(1)) if m else None
        m = re.search(r"stat::number_of_executed_units:\s*(\d+)", flog)
        if m:
            figures["executions"] = int(m.group(1))
        m = re.search(r"stat::average_exec_per_sec:\s*(\d+)", flog)
        figures["exec_per_s"] = int(m.group(1)) if m else None
        m = re.search(r"stat::new_units_added:\s*(\d+)", flog)
        figures["new_units"] = int(m.group(1)) if m else None
        m = re.search(r"stat::peak_rss_mb:\s*(\d+)", flog)
        figures["peak_rss_mb"] = int(m.group(1)) if m else None
        corp = re.findall(r"corp: (\d+)/(\S+)", flog)
        figures["corpus"] = int(corp[-1][0]) if corp else None
        figures["corpus_bytes"] = corp[-1][1] if corp else None
        cov = re.findall(r"cov: (\d+)", flog)
        figures["coverage_edges"] = int(cov[-1]) if cov else None
        crashes = len(re.findall(r"ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|"
                                 r"runtime error:|==\d+== ?ERROR", flog))
        figures["crashes"] = crashes
        if crashes or re.search(rf"fuzz {t}: FAILED", text):
            problems.append("a crash, sanitizer report, leak or timeout: "
                            + "; ".join(re.findall(r"SUMMARY: .*", flog)[:2]))
        if figures["executions"] is None and not problems:
            problems.append("no final statistics in the log")
        run.add("fuzz", t, f"libFuzzer on fuzz-{t} for {seconds} s (tests/fuzz/run)", figures["executions"] or 0,
                not problems, figures, problems)
    if rc not in (0, 1):
        run.add("fuzz", "run", "tests/fuzz/run as a whole", 1, False, {"status": rc, "wall_s": round(wall, 1)},
                [f"tests/fuzz/run exited {rc}: {text[-400:]}"])


# --- the report ---------------------------------------------------------------

SECTIONS = [("faults", "1", "Faults injected", section_faults),
            ("hostile", "2", "Hostile inputs tried", section_hostile),
            ("load", "3", "Load held", section_load),
            ("fuzz", "4", "Fuzzing executions", section_fuzz)]


def fmt_figures(section, rec):
    f = rec["figures"]
    parts = []
    if section == "faults":
        for key, label in (("bytes", "bytes"), ("files", "files"), ("seconds", "s"), ("reconnects", "reconnects"),
                           ("resumed_bytes", "resumed bytes"), ("rerun_seconds", "s re-run"),
                           ("part_bytes_before_rerun", "part-file bytes before the re-run"),
                           ("free_mib_after_failures", "MiB free after the failures")):
            if f.get(key) is not None:
                v = f[key]
                if key == "bytes":
                    v = f"{v // MIB} MiB"
                    parts.append(v)
                    continue
                parts.append(f"{v:,} {label}" if isinstance(v, int) else f"{v} {label}")
        if f.get("kill_delays_s"):
            parts.append("kills after " + ", ".join(f"{x}" for x in f["kill_delays_s"]) + " s")
        if f.get("detected_after_ms"):
            parts.append("noticed after " + ", ".join(str(x) for x in f["detected_after_ms"]) + " ms")
        if f.get("errors"):
            parts.append("said: \"" + f["errors"][0].replace("|", "\\|") + "\"")
        if f.get("errors_while_writing"):
            parts.append(f"copies at once exited {f.get('concurrent_status')}, the one that failed said: \""
                         + f["errors_while_writing"][0].replace("|", "\\|") + "\"")
    elif section == "hostile" and rec["case"] == "path-escapes":
        parts.append(f"{f.get('refused')} refused with a message, {f.get('succeeded_inside_root')} succeeded "
                     f"inside the root (a link itself stated, listed or copied as a link: "
                     f"{f.get('links_received')} downloads arrived as links, not followed); "
                     f"{f.get('control_operations')} control operations inside the root all worked")
    elif section == "hostile":
        parts.append(f"{f.get('closed_by_agent')} closed by the agent; legitimate transfers "
                     f"{f.get('legit_equal')}/{f.get('legit_transfers')} equal; right token welcomed: "
                     f"{f.get('raw_client_right_token')}; ferry-cli with a wrong token exited "
                     f"{f.get('wrong_token_cli_status')}")
    elif section == "load":
        ops = f.get("operations", {})
        fl = f.get("flood") or {}
        parts.append(" / ".join(f"{k} {v['ok']}/{v['runs']}" for k, v in ops.items()) + " ok")
        if isinstance(fl.get("opened"), int):
            parts.append(f"flood opened {fl['opened']:,}, closed by the agent {fl.get('closed_by_agent', 0):,}")
        parts.append(f"fds idle {f.get('fds_idle')}, peak {f.get('fds_peak')}, after {f.get('fds_after')} "
                     f"(limit {f.get('agent_fd_limit')})")
        kib = lambda v: "?" if v is None else f"{v / 1024:.1f} MiB"  # noqa: E731
        parts.append(f"RSS idle {kib(f.get('rss_idle_kib'))}, peak {kib(f.get('rss_peak_kib'))} "
                     f"(VmHWM {kib(f.get('vmhwm_kib'))}), after {kib(f.get('rss_after_kib'))}")
    elif section == "fuzz":
        parts.append(f"{f.get('executions') or 0:,} executions ({f.get('exec_per_s')}/s), corpus {f.get('corpus')} "
                     f"({f.get('corpus_bytes')}), {f.get('new_units')} new, {f.get('coverage_edges')} edges, "
                     f"{f.get('crashes')} crashes, peak RSS {f.get('peak_rss_mb')} MB")
    return "; ".join(str(p) for p in parts)


def write_report(run, meta, path_md, path_json):
    benchlib.write_json(path_json, {"meta": meta, "cases": run.cases})
    with open(path_json) as f:
        pretty = json.load(f)
    with open(path_json, "w") as f:
        json.dump(pretty, f, indent=1)
        f.write("\n")
    lines = ["# Ferry reliability", "",
             "Generated by `tests/bench/reliability"
             + (" --quick" if meta["mode"] == "quick" else "") + "`; do not edit by hand. "
             "Every case drives the built `ferry-agent` and `ferry-cli` with real files. A case passes only if "
             "every file that finished is byte-equal to its source (SHA-256), no file under a final name is "
             "partial, nothing outside the agent's root changed and every failure was an ordinary exit with a "
             "message. The raw figures are in `tests/bench/results/reliability.json`.", "",
             "| run | |", "| --- | --- |",
             f"| date | {meta['started']} |",
             f"| mode | {meta['mode']}{' (a short run)' if meta['mode'] == 'quick' else ''}, {meta['wall_seconds']} s |",
             f"| commit | {meta['commit']} |",
             f"| machine | {meta['cpus']} CPUs ({meta['cpu_model']}), {meta['mem_mib']:,} MiB RAM, Linux {meta['kernel']}; "
             f"a shared machine with other work running (load average at the start {meta['loadavg']}) |",
             f"| seed | {meta['seed']} (`--seed {meta['seed']}` repeats the random points) |",
             f"| verdict | {meta['verdict']}: {meta['passed']} of {meta['cases']} cases pass |", ""]
    intro = {
        "faults": "Transfers interrupted at random points (seeded), then resumed: ferry-cli runs with "
                  "`--reconnect-for 60000` and `--limit-rate` so that the transfer is still running when the "
                  "fault comes. Reconnects and resumed bytes come from ferry-cli's `--stats`. After each kill the "
                  "destination is checked for files under a final name that differ from their source.",
        "hostile": "Paths that leave the root, through every operation ferry-cli has, against a canary directory "
                   "beside the root (content, modes, mtimes compared after each attempt; outputs and downloads "
                   "searched for its marker). Then raw WebSocket peers (a small RFC 6455 and CBOR client in the "
                   "script) that misbehave at every stage of the handshake, while a legitimate ferry-cli keeps "
                   "moving a file.",
        "load": "Legitimate clients come from 127.0.0.1, the flood from 127.0.0.2-126. Descriptors are counted in "
                "`/proc/PID/fd`, memory read from `/proc/PID/status`, every 0.2 s.",
        "fuzz": "`tests/fuzz/run --seconds N` (libFuzzer with ASan and UBSan, build-fuzz/); figures from each "
                "target's final statistics.",
    }
    for key, num, title, _ in SECTIONS:
        recs = [r for r in run.cases if r["section"] == key]
        if not recs:
            continue
        lines += [f"## {num}. {title}", "", intro[key], "",
                  "| case | what was done | times | verdict | figures |", "| --- | --- | ---: | --- | --- |"]
        for r in recs:
            fig = fmt_figures(key, r)
            if r["problems"]:
                fig += " **" + "; ".join(r["problems"][:3]).replace("|", "\\|") + "**"
            lines.append(f"| {r['case']} | {r['what']} | {r['times']:,} | {r['verdict']} | {fig} |")
        lines.append("")
        if key == "hostile":
            for r in recs:
                if r["case"] == "path-escapes" and r["figures"].get("per_operation"):
                    lines += ["Path escapes per operation (attempts / refused / succeeded inside the root):", "",
                              "| operation | attempts | refused | succeeded inside | e.g. |",
                              "| --- | ---: | ---: | ---: | --- |"]
                    for op, c in r["figures"]["per_operation"].items():
                        said = (c.get("said") or "").replace("|", "\\|")
                        lines.append(f"| {op} | {c['attempts']} | {c['refused']} | {c['harmless_ok']} | {said} |")
                    lines += ["", "Paths tried (WORK is the case's directory; `canary` is beside `root`): "
                              + ", ".join(f"`{p}`" for p in r["figures"]["paths_tried"]), ""]
                if r["case"] == "wire" and r["figures"].get("per_kind"):
                    lines += ["Hostile connections per kind:", "",
                              "| kind | attempts | closed by the agent | slowest close (s) | a reason it gave |",
                              "| --- | ---: | ---: | ---: | --- |"]
                    for kind, c in r["figures"]["per_kind"].items():
                        reason = (c["reason"] or "").replace("|", "\\|")
                        lines.append(f"| {kind} | {c['attempts']} | {c['closed']} | {c['max_close_s']} | {reason} |")
                    lines.append("")
    # The work directory is gone after the run; its name says nothing.
    text = "\n".join(lines).replace(run.work, "WORK") + "\n"
    with open(path_md, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "relay":
        return cmd_relay(sys.argv[2:])
    if len(sys.argv) > 1 and sys.argv[1] == "flood":
        return cmd_flood(sys.argv[2:])
    p = argparse.ArgumentParser(prog="tests/bench/reliability",
                                description="Regenerates docs/reliability.md: faults injected, hostile inputs, "
                                            "load held and fuzzing, each with its verdict.")
    p.add_argument("--quick", action="store_true", help="a short run (a few minutes)")
    p.add_argument("--seconds", type=int, help="fuzzing time per target (default 120, 20 with --quick)")
    p.add_argument("--only", default="", help="sections, comma separated: 1|faults, 2|hostile, 3|load, 4|fuzz")
    p.add_argument("--seed", type=int, help="seed of the random points (default: from the clock)")
    p.add_argument("--keep", action="store_true", help="keep the work directory in /var/tmp/ferry-reliability")
    p.add_argument("--output", help="the Markdown report (default docs/reliability.md)")
    p.add_argument("--json", help="the raw results (default tests/bench/results/reliability.json)")
    p.add_argument("--repo", default=os.path.abspath(os.path.join(HERE, "..", "..")), help=argparse.SUPPRESS)
    opts = p.parse_args()
    if opts.seconds is None:
        opts.seconds = 20 if opts.quick else 120
    if opts.seed is None:
        opts.seed = int(time.time()) % 1000000
    wanted = {x.strip() for x in opts.only.split(",") if x.strip()}
    for w in wanted:
        if not any(w in (k, n) for k, n, _, _ in SECTIONS):
            p.error(f"--only: no section {w}")
    md = opts.output or os.path.join(opts.repo, "docs", "reliability.md")
    js = opts.json or os.path.join(opts.repo, "tests", "bench", "results", "reliability.json")
    run = Run(opts)
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    loadavg = " ".join(open("/proc/loadavg").read().split()[:3])
    t0 = time.monotonic()
    log(f"seed {opts.seed}, work directory {run.work}")

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    try:
        for key, num, title, fn in SECTIONS:
            if wanted and key not in wanted and num not in wanted:
                continue
            log(f"--- {num}. {title}")
            try:
                fn(run)
            except Exception as e:
                run.add(key, "setup", f"section {title}", 0, False, {}, [f"{type(e).__name__}: {e}"])
    except KeyboardInterrupt:
        log("interrupted")
        run.cleanup()
        return 130
    finally:
        run.cleanup()
    passed = sum(1 for r in run.cases if r["verdict"] == "PASS")
    meta = {"mode": "quick" if opts.quick else "full", "started": started,
            "wall_seconds": round(time.monotonic() - t0), "seed": opts.seed,
            "commit": os.environ.get("FERRY_BENCH_COMMIT", "?"),
            "cpus": os.cpu_count(), "kernel": platform.release(),
            "cpu_model": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?"),
            "mem_mib": next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0),
            "loadavg": loadavg,
            "fuzz_seconds": opts.seconds, "only": sorted(wanted),
            "cases": len(run.cases), "passed": passed,
            "verdict": "PASS" if passed == len(run.cases) and run.cases else "FAIL"}
    write_report(run, meta, md, js)
    log(f"{meta['verdict']}: {passed} of {len(run.cases)} cases pass in {meta['wall_seconds']} s; wrote {md} and {js}")
    return 0 if meta["verdict"] == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
