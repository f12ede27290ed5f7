#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Small helpers for tests/bench/run.

    benchlib.py record FILE KEY=VALUE... KEY:=JSON... KEY:=@JSONFILE...
        Append one result record (a JSON object) as a line to FILE.  Plain
        values become numbers, true/false or null (for an empty value) when
        they look like one, strings otherwise.
    benchlib.py freeport [HOST]
        Print a TCP port that is free on HOST (default 127.0.0.1).
    benchlib.py waitport HOST PORT SECONDS
        Exit 0 as soon as HOST:PORT accepts a connection, 1 after SECONDS.
    benchlib.py waithttp URL SECONDS [--token-file FILE]
        Exit 0 as soon as GET URL answers 200 (with "Authorization: token
        T" when FILE holds T), 1 after SECONDS.
    benchlib.py probe HOST PORT [--count N] [--interval S] [--out FILE]
                      [--max-seconds S]
        Measure network round trips as TCP handshakes: connect() to a port
        nobody listens on comes back with a RST after one round trip (a
        listening port answers with SYN-ACK, also one round trip).  With
        --count, take N samples; without it, sample until SIGTERM/SIGINT or
        --max-seconds.  Prints (or writes to FILE) a JSON summary in ms.
    benchlib.py gentree DIR FILES DIRS FILE_SIZE
        Create DIR with FILES random files of FILE_SIZE bytes spread over
        DIRS subdirectories.
    benchlib.py gentext PATH BYTES [SEED]
        Write BYTES of log-like text to PATH (through PATH.tmp): web server
        access lines with a millisecond timestamp that moves forward, host,
        level, region, method, path, status, size, latency, user and client,
        and now and then an application message.  Words come from small
        vocabularies, numbers from a seeded PRNG line by line, so the output
        is the same for the same SEED (default 8) and never repeats itself
        as a block: zstd and gzip get about 5-6x on it, 128 KiB at a time.
    benchlib.py treedigest DIR
        Print "DIGEST FILES BYTES" for the regular files below DIR (names
        relative to DIR and contents; the order of the walk does not matter).
    benchlib.py jget FILE KEY[.KEY...]
        Print one value from a JSON file (empty if missing).
    benchlib.py hwm --match TEXT... --out FILE [--interval S] [--max-seconds S]
    benchlib.py hwm --pid PID --reset-peak --out FILE [--interval S] [--max-seconds S]
        Wait for a process whose command line contains every TEXT (or take
        PID, which runs already) and follow its peak RSS (VmHWM in
        /proc/PID/status) until it exits, or until SIGTERM/SIGINT or
        --max-seconds.  Writes FILE (JSON: pid, hwm_kib, samples, exited,
        cmdline, and with --reset-peak peak_reset) as soon as the process is
        found and again at the end.  --reset-peak first resets the peak
        (writes 5 to /proc/PID/clear_refs), so that a server that outlives
        the measurement reports the peak of this stretch only; where the
        kernel refuses, hwm_kib is the highest VmRSS sampled instead.
    benchlib.py repeats RUNS.jsonl RECORDS.jsonl N
        Combine the records of repeated runs (one per run, same bench,
        server, tool, compress, format, direction and phase = one case) into
        one record per case, appended to RECORDS.jsonl in the order the cases
        first appear: the medians of seconds, durable_seconds,
        bootstrap_seconds, stream_seconds, setup_seconds, the CPU seconds,
        the bytes on the wire and on the link and the archive's size, the
        maxima of the RSS figures,
        the worst status, "repeats" (N) and "runs" (the figures of every
        run).  Prints one summary line per case.
"""

import hashlib
import json
import os
import random
import signal
import socket
import statistics
import sys
import time


def write_json(path, value):
    """VALUE as one line of JSON into PATH, replaced whole (readers never
    see half of it), or on standard output without a PATH."""
    text = json.dumps(value)
    if not path:
        print(text)
        return
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    os.replace(tmp, path)


def infer(text):
    if text == "":
        return None
    if text in ("true", "false"):
        return text == "true"
    if text == "null":
        return None
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
        if value == value and value not in (float("inf"), float("-inf")):
            return value
    except ValueError:
        pass
    return text


def cmd_record(args):
    if not args:
        sys.exit("record: FILE expected")
    path, pairs = args[0], args[1:]
    record = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            sys.exit(f"record: not KEY=VALUE: {pair!r}")
        if key.endswith(":"):
            key = key[:-1]
            if value.startswith("@"):
                try:
                    with open(value[1:], encoding="utf-8") as f:
                        record[key] = json.load(f)
                except (OSError, ValueError):
                    record[key] = None
            else:
                try:
                    record[key] = json.loads(value)
                except ValueError:
                    record[key] = value
        else:
            record[key] = infer(value)
    record.setdefault("time", time.strftime("%Y-%m-%dT%H:%M:%S%z"))
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(record, sort_keys=False) + "\n")


def cmd_freeport(args):
    host = args[0] if args else "127.0.0.1"
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        print(s.getsockname()[1])


def cmd_waitport(args):
    host, port, seconds = args[0], int(args[1]), float(args[2])
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=1):
                return 0
        except OSError:
            time.sleep(0.05)
    return 1


def cmd_waithttp(args):
    import argparse
    import urllib.error
    import urllib.request
    p = argparse.ArgumentParser(prog="benchlib.py waithttp")
    p.add_argument("url")
    p.add_argument("seconds", type=float)
    p.add_argument("--token-file")
    a = p.parse_args(args)
    headers = {}
    if a.token_file:
        with open(a.token_file, encoding="utf-8") as f:
            headers["Authorization"] = "token " + f.read().strip()
    deadline = time.monotonic() + a.seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(urllib.request.Request(a.url, headers=headers), timeout=3) as reply:
                if reply.status == 200:
                    return 0
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.1)
    return 1


def percentile(sorted_values, p):
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return None
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def summarize(samples, lost):
    values = sorted(samples)
    r3 = (lambda v: None if v is None else round(v, 3))
    return {
        "count": len(values),
        "lost": lost,
        "min": r3(values[0]) if values else None,
        "p50": r3(percentile(values, 50)),
        "p99": r3(percentile(values, 99)),
        "max": r3(values[-1]) if values else None,
    }


class Stop(Exception):
    pass


def probe_once(host, port, timeout):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    start = time.perf_counter()
    try:
        s.connect((host, port))
    except ConnectionRefusedError:
        pass
    except OSError:
        return None
    finally:
        s.close()
    return (time.perf_counter() - start) * 1000.0


def cmd_probe(args):
    import argparse
    p = argparse.ArgumentParser(prog="benchlib.py probe")
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("--count", type=int)
    p.add_argument("--interval", type=float, default=0.2)
    p.add_argument("--timeout", type=float, default=5.0)
    p.add_argument("--max-seconds", type=float, default=900.0)
    p.add_argument("--out")
    a = p.parse_args(args)

    def stop(signum, frame):
        raise Stop()

    samples, lost = [], 0
    deadline = time.monotonic() + a.max_seconds
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while time.monotonic() < deadline:
            if a.count is not None and len(samples) + lost >= a.count:
                break
            rtt = probe_once(a.host, a.port, a.timeout)
            if rtt is None:
                lost += 1
            else:
                samples.append(rtt)
            time.sleep(a.interval)
    except Stop:
        pass
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    write_json(a.out, summarize(samples, lost))


def cmd_gentree(args):
    top, files, dirs, size = args[0], int(args[1]), int(args[2]), int(args[3])
    tmp = top + ".tmp"
    if os.path.exists(tmp):
        import shutil
        shutil.rmtree(tmp)
    os.makedirs(tmp)
    per_dir = -(-files // dirs)
    made = 0
    for d in range(dirs):
        sub = os.path.join(tmp, f"d{d:03d}")
        os.mkdir(sub)
        for i in range(per_dir):
            if made == files:
                break
            with open(os.path.join(sub, f"f{made:05d}.bin"), "wb") as f:
                f.write(os.urandom(size))
            made += 1
    os.rename(tmp, top)


def cmd_gentext(args):
    if len(args) not in (2, 3):
        sys.exit("gentext: PATH BYTES [SEED] expected")
    path, total = args[0], int(args[1])
    rng = random.Random(int(args[2]) if len(args) == 3 else 8)
    hosts = [f"web-{i:02d}" for i in range(1, 13)] + [f"api-{i:02d}" for i in range(1, 7)]
    levels = ["INFO"] * 12 + ["WARN"] * 2 + ["DEBUG"] * 2 + ["ERROR"]
    regions = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-south-1", "sa-east-1"]
    methods = ["GET"] * 14 + ["POST"] * 4 + ["PUT", "DELETE", "PATCH", "HEAD"]
    statuses = ["200"] * 40 + ["201"] * 3 + ["204"] * 2 + ["301", "302", "304"] * 2 + ["400", "401", "403"] \
        + ["404"] * 4 + ["500", "502", "503"]
    clients = ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
               "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
               "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15",
               "curl/8.11.1", "python-requests/2.32.3", "Go-http-client/2.0", "okhttp/4.12.0",
               "Prometheus/2.55.1", "kube-probe/1.31"]
    # Requests with an id in the path, and fixed files with a size of their own.
    dynamic = ["/api/v2/orders/{}", "/api/v2/orders/{}/items", "/api/v2/users/{}", "/api/v2/users/{}/settings",
               "/api/v1/search?q=item{}&page=1", "/cart/{}", "/checkout/{}/confirm", "/api/v2/inventory/{}",
               "/api/v2/payments/{}", "/api/v2/shipments/{}/track", "/api/v2/reviews?product={}",
               "/api/v2/recommendations/{}", "/img/products/{}.jpg"]
    static = [(name, rng.randrange(200, 90000)) for name in (
        "/static/js/app.3f9c2e.js", "/static/js/vendor.81ab04.js", "/static/css/site.77d1e0.css", "/favicon.ico",
        "/robots.txt", "/health", "/metrics", "/login", "/logout", "/feed.xml", "/static/fonts/inter-var.woff2",
        "/img/logo.svg")]
    events = [("payment {} declined: card_expired (attempt {}/3)", 4), ("order {} shipped with carrier dhl, {} parcels", 6),
              ("cache miss for product {}, loaded in {} ms", 400), ("retrying upstream call for user {} after {} ms", 2000),
              ("session {} expired after {} minutes idle", 120)]
    hot = [rng.randrange(10000, 100000) for _ in range(400)]
    users = [f"u{rng.randrange(1000, 100000)}" for _ in range(3000)]
    user_weights = [1.0 / (i + 1) for i in range(len(users))]   # a few busy users, a long tail
    second, millis, written, batch = 1764990000, 0, 0, 32768
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
    with open(path + ".tmp", "wb") as f:
        while written < total:
            # The words of a batch of lines in one go, the numbers line by line.
            host = rng.choices(hosts, k=batch)
            level = rng.choices(levels, k=batch)
            region = rng.choices(regions, k=batch)
            method = rng.choices(methods, k=batch)
            status = rng.choices(statuses, k=batch)
            client = rng.choices(clients, k=batch)
            user = rng.choices(users, user_weights, k=batch)
            lines = []
            for i in range(batch):
                millis += rng.getrandbits(4)
                if millis >= 1000:
                    second, millis = second + 1, millis - 1000
                    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
                kind = rng.random()
                if kind < 0.03:
                    event, most = events[rng.getrandbits(8) % len(events)]
                    lines.append(f"{stamp}.{millis:03d}Z {host[i]} {level[i]} {region[i]} worker[{rng.randrange(1000, 1064)}]: "
                                 + event.format(rng.randrange(10000, 100000), rng.randrange(1, most)) + "\n")
                    continue
                if kind < 0.33:
                    target, size = static[rng.getrandbits(8) % len(static)]
                else:
                    key = hot[rng.getrandbits(9) % len(hot)] if kind < 0.66 else rng.randrange(10000, 100000)
                    target = dynamic[rng.getrandbits(8) % len(dynamic)].format(key)
                    size = int(rng.lognormvariate(7, 1.2))
                lines.append(f"{stamp}.{millis:03d}Z {host[i]} {level[i]} {region[i]} {method[i]} {target} {status[i]} "
                             f"{size} {int(rng.expovariate(0.04))}ms {user[i]} \"{client[i]}\"\n")
            data = "".join(lines).encode()[:total - written]
            f.write(data)
            written += len(data)
    os.replace(path + ".tmp", path)


def file_digest(path):
    """SHA-256 (hex) of a file's contents and the bytes read."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while True:
            block = f.read(1 << 20)
            if not block:
                break
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


def cmd_treedigest(args):
    top = args[0]
    entries = []
    total = 0
    for dirpath, dirnames, filenames in os.walk(top):
        for name in filenames:
            path = os.path.join(dirpath, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            digest, size = file_digest(path)
            total += size
            entries.append((os.path.relpath(path, top), digest))
    entries.sort()
    h = hashlib.sha256()
    for rel, digest in entries:
        h.update(rel.encode("utf-8", "surrogateescape") + b"\0" + digest.encode() + b"\n")
    print(h.hexdigest(), len(entries), total)


def read_cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return None


def read_hwm(pid, key="VmHWM:"):
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def reset_peak(pid):
    """Restart VmHWM from the current RSS (Linux 4.0+); False where refused."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return True
    except OSError:
        return False


def cmd_hwm(args):
    import argparse
    p = argparse.ArgumentParser(prog="benchlib.py hwm")
    p.add_argument("--match", action="append")
    p.add_argument("--pid", type=int)
    p.add_argument("--reset-peak", action="store_true")
    p.add_argument("--out", required=True)
    p.add_argument("--interval", type=float, default=0.1)
    p.add_argument("--max-seconds", type=float, default=900.0)
    a = p.parse_args(args)
    if not a.match and a.pid is None:
        p.error("--match or --pid is needed")

    def stop(signum, frame):
        raise Stop()

    state = {"pid": None, "hwm_kib": None, "samples": 0, "exited": False, "cmdline": None}
    rss_only = False

    def write():
        write_json(a.out, state)

    me = os.getpid()
    deadline = time.monotonic() + a.max_seconds
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        # Looking through /proc is the expensive part, so it is done only
        # until the process turns up (quickly: it starts with the session);
        # after that one small file is read per sample.
        if a.pid is not None:
            state["pid"], state["cmdline"] = a.pid, read_cmdline(a.pid)
            if state["cmdline"] is None:
                state["pid"], state["exited"] = None, True
            elif a.reset_peak:
                state["peak_reset"] = reset_peak(a.pid)
                rss_only = not state["peak_reset"]
        while state["pid"] is None and a.match and time.monotonic() < deadline:
            for name in os.listdir("/proc"):
                if not name.isdigit() or int(name) == me:
                    continue
                line = read_cmdline(name)
                if line and all(m in line for m in a.match):
                    state["pid"], state["cmdline"] = int(name), line
                    break
            if state["pid"] is None:
                time.sleep(0.05)
        if state["pid"] is not None:
            write()
        while state["pid"] is not None and time.monotonic() < deadline:
            line = read_cmdline(state["pid"])
            value = read_hwm(state["pid"], "VmRSS:" if rss_only else "VmHWM:") \
                if line == state["cmdline"] else None
            if value is None:
                state["exited"] = True
                break
            state["hwm_kib"] = max(value, state["hwm_kib"] or 0)
            state["samples"] += 1
            time.sleep(a.interval)
    except Stop:
        pass
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    write()
    return 0


def cmd_jget(args):
    path, keys = args[0], args[1].split(".")
    try:
        with open(path, encoding="utf-8") as f:
            value = json.load(f)
        for key in keys:
            value = value[key]
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return
    if value is None:
        return
    print(json.dumps(value) if isinstance(value, (dict, list)) else value)


RUN_KEYS = ("seconds", "durable_seconds", "bootstrap_seconds", "stream_seconds", "setup_seconds",
            "client_cpu_seconds", "server_cpu_seconds", "wire_bytes", "link_bytes", "archive_bytes",
            "client_rss_kib", "agent_rss_kib", "server_rss_kib", "agent_uploaded_bytes", "agent_lingered",
            "status", "error", "stats", "time")
MEDIAN_KEYS = ("seconds", "durable_seconds", "bootstrap_seconds", "stream_seconds", "setup_seconds",
               "client_cpu_seconds", "server_cpu_seconds", "wire_bytes", "link_bytes", "archive_bytes")
MAX_KEYS = ("client_rss_kib", "agent_rss_kib", "server_rss_kib", "agent_uploaded_bytes")
# Figures that only some benchmarks have: in the combined record only where a run had them.
OPTIONAL_KEYS = ("bootstrap_seconds", "stream_seconds", "setup_seconds", "server_rss_kib", "agent_uploaded_bytes",
                 "client_cpu_seconds", "server_cpu_seconds", "wire_bytes", "link_bytes", "archive_bytes")
# Figures of a run that the combined record lists per run where the run had them.
RUN_EXTRA_KEYS = ("bootstrap_seconds", "stream_seconds", "setup_seconds", "server_rss_kib", "agent_uploaded_bytes",
                  "agent_lingered", "client_cpu_seconds", "server_cpu_seconds", "wire_bytes", "link_bytes",
                  "archive_bytes")


def number(value):
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def combine(runs, repeats):
    """One record for the runs of one case."""
    out = {k: v for k, v in runs[0].items() if k not in RUN_KEYS}
    for key in MEDIAN_KEYS:
        values = [number(r.get(key)) for r in runs]
        values = [v for v in values if v is not None]
        if values or key not in OPTIONAL_KEYS:
            out[key] = round(statistics.median(values), 3) if values else None
            if key.endswith("_bytes") and values:
                out[key] = int(out[key])
    for key in MAX_KEYS:
        values = [number(r.get(key)) for r in runs]
        values = [v for v in values if v is not None]
        if values or key not in OPTIONAL_KEYS:
            out[key] = max(values) if values else None
    if any("agent_lingered" in r for r in runs):
        out["agent_lingered"] = any(r.get("agent_lingered") is True for r in runs)
    # The worst run decides: wrong data (fail) before an error, before ok.
    worst = next((r for r in runs if r.get("status") == "fail"), None) \
        or next((r for r in runs if r.get("status") != "ok"), None)
    if worst is None:
        out["status"], out["error"] = "ok", None
    else:
        out["status"] = worst.get("status") or "error"
        error = worst.get("error") or "(no message)"
        if repeats > 1:
            error = f"run {runs.index(worst) + 1} of {repeats}: {error}"
        out["error"] = error
    out["repeats"] = repeats
    out["runs"] = []
    for r in runs:
        run = {k: r.get(k) for k in ("seconds", "durable_seconds", "client_rss_kib", "agent_rss_kib", "status")}
        for key in RUN_EXTRA_KEYS:
            if key in r:
                run[key] = r[key]
        if r.get("error"):
            run["error"] = r["error"]
        if "stats" in r:
            run["stats"] = r["stats"]
        run["time"] = r.get("time")
        out["runs"].append(run)
    if any("stats" in r for r in runs):
        # The --stats of the run with the median time (durable where there
        # is one; the lower middle one for an even number of runs).
        key = "durable_seconds" if any(number(r.get("durable_seconds")) is not None for r in runs) else "seconds"
        timed = sorted((r for r in runs if number(r.get(key)) is not None), key=lambda r: r[key])
        middle = timed[(len(timed) - 1) // 2] if timed else runs[0]
        out["stats"] = middle.get("stats")
    out["time"] = runs[-1].get("time")
    return out


def cmd_repeats(args):
    if len(args) != 3:
        sys.exit("repeats: RUNS.jsonl RECORDS.jsonl N expected")
    src, dst, repeats = args[0], args[1], int(args[2])
    cases = {}
    with open(src, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                rec = json.loads(line)
                key = (rec.get("bench"), rec.get("server"), rec.get("tool"), rec.get("compress"),
                       rec.get("format"), rec.get("direction"), rec.get("phase"))
                cases.setdefault(key, []).append(rec)
    with open(dst, "a", encoding="utf-8") as f:
        for (bench, server, tool, compress, form, direction, phase), runs in cases.items():
            rec = combine(runs, repeats)
            f.write(json.dumps(rec, sort_keys=False) + "\n")
            # Durable times where the case has them (copies), else times to exit.
            key = "durable_seconds" if "durable_seconds" in runs[0] else "seconds"
            each = " ".join("-" if number(r.get(key)) is None else f"{r[key]:.2f}" for r in runs)
            what = " ".join(str(x) for x in (bench, server, tool, compress, form, direction, phase) if x)
            median = "?" if rec[key] is None else f"{rec[key]:.2f}"
            label = "median durable" if key == "durable_seconds" else "median"
            print(f"{what}: {rec['status']}, {label} {median}s of {len(runs)} of {repeats} runs ({each})"
                  + (f": {rec['error']}" if rec.get("error") else ""))
    return 0


COMMANDS = {
    "record": cmd_record,
    "freeport": cmd_freeport,
    "waitport": cmd_waitport,
    "waithttp": cmd_waithttp,
    "probe": cmd_probe,
    "gentree": cmd_gentree,
    "gentext": cmd_gentext,
    "treedigest": cmd_treedigest,
    "jget": cmd_jget,
    "hwm": cmd_hwm,
    "repeats": cmd_repeats,
}


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    rc = COMMANDS[sys.argv[1]](sys.argv[2:])
    sys.exit(rc or 0)


if __name__ == "__main__":
    main()
