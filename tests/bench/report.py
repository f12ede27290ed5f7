#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn the raw records of one benchmark run into latest.json and latest.md.

    report.py RECORDS.jsonl OUT.json OUT.md
    report.py latest.json OUT.json OUT.md      (re-render an earlier result)

RECORDS.jsonl holds one JSON object per line, written by tests/bench/run
through benchlib.py record: one "meta" record, then one record per
measurement.  This script derives the figures (MB/s, files/s, share of the
link rate, and the same from the durable times), applies the targets, and
renders the tables and the list of targets.  Both outputs are written to a
.tmp file first and renamed into place.
"""

import json
import os
import sys

MIB = 1024 * 1024


def load(path):
    """Records from a .jsonl file, or from an earlier latest.json (to re-render it)."""
    records = []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        doc = json.loads(text)
    except ValueError:
        doc = None
    if isinstance(doc, dict) and "results" in doc:
        return [dict(doc.get("meta", {}), bench="meta")] + doc["results"]
    for line in text.splitlines():
        line = line.strip()
        if line:
            records.append(json.loads(line))
    return records


def num(value):
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def derive(rec, meta):
    """Add derived figures and the verdict against the targets to rec."""
    bench = rec.get("bench")
    seconds = num(rec.get("seconds"))
    nbytes = num(rec.get("bytes"))
    ok = rec.get("status") == "ok"
    if ok and seconds and nbytes is not None:
        rec["mb_per_s"] = round(nbytes / seconds / 1e6, 2)
    if ok and seconds and num(rec.get("files")):
        rec["files_per_s"] = round(rec["files"] / seconds, 1)
    durable = num(rec.get("durable_seconds"))
    if ok and durable and nbytes is not None:
        rec["durable_mb_per_s"] = round(nbytes / durable / 1e6, 2)
    if ok and durable and num(rec.get("files")):
        rec["durable_files_per_s"] = round(rec["files"] / durable, 1)

    if bench == "rss" and ok:
        limit = meta.get("rss_limit_kib", 64 * 1024)
        client, agent = num(rec.get("client_rss_kib")), num(rec.get("agent_rss_kib"))
        if client is None or agent is None:
            rec["verdict"] = "unknown"
        else:
            rec["verdict"] = "pass" if client <= limit and agent <= limit else "fail"

    if bench == "link" and ok:
        rate = num(rec.get("link_mbit")) or meta.get("link_mbit", 100)
        share = None
        if seconds and nbytes:
            share = nbytes * 8 / seconds / (rate * 1e6)
            rec["mbit_per_s"] = round(nbytes * 8 / seconds / 1e6, 2)
            rec["link_share"] = round(share, 4)
        if rec.get("tool") == "ferry":
            hb = rec.get("heartbeat_rtt_ms") or {}
            idle = num(rec.get("idle_rtt_ms"))
            p99 = num(hb.get("p99")) if isinstance(hb, dict) else None
            checks = {}
            checks["throughput"] = None if share is None else share >= meta.get("link_share_target", 0.90)
            if p99 is None or idle is None or not num(hb.get("count")):
                checks["heartbeat"] = None
            else:
                checks["heartbeat"] = p99 <= idle + meta.get("heartbeat_slack_ms", 100)
            rec["checks"] = checks
            values = list(checks.values())
            if any(v is False for v in values):
                rec["verdict"] = "fail"
            elif all(v is True for v in values):
                rec["verdict"] = "pass"
            else:
                rec["verdict"] = "unknown"

    if bench == "webterm" and ok and rec.get("tool") == "raw":
        stream = num(rec.get("stream_seconds"))
        if stream and nbytes is not None:
            rec["raw_mb_per_s"] = round(nbytes / stream / 1e6, 2)

    if bench in ("bootstrap", "webterm_bootstrap") and ok and rec.get("tool") == "ferry":
        limit = boot_limit(meta, rec.get("phase"))
        if seconds is None or limit is None:
            rec["verdict"] = "unknown"
        else:
            rec["verdict"] = "pass" if seconds < limit else "fail"

    if bench in ("compress_link", "compress_loopback") and ok and nbytes:
        for key, ratio in (("wire_bytes", "wire_ratio"), ("link_bytes", "link_ratio")):
            if num(rec.get(key)):
                rec[ratio] = round(nbytes / rec[key], 2)

    if bench == "dead_peer" and rec.get("status") in ("ok", "fail"):
        detect = num(rec.get("detect_seconds"))
        target = num(rec.get("target_seconds"))
        if detect is None or target is None or rec.get("status") == "fail":
            rec["verdict"] = "fail"
        else:
            rec["verdict"] = "pass" if detect <= target else "fail"
    return rec


def run_heartbeats(rec):
    """The heartbeat RTT summaries of rec's runs (from their --stats), or of rec itself."""
    runs = rec.get("runs") if isinstance(rec.get("runs"), list) else [rec]
    out = []
    for r in runs:
        hb = ((r or {}).get("stats") or {}).get("heartbeat_rtt_ms")
        if isinstance(hb, dict):
            out.append(hb)
    return out


def derive_webterm(records, meta):
    """Benchmark 7: Ferry against the raw capacity of the same terminal, heartbeats against idle."""
    share = meta.get("webterm_raw_share_target", 0.7)
    floor = meta.get("webterm_min_mb_per_s", 5)
    slack = meta.get("heartbeat_slack_ms", 100)
    limit = meta.get("rss_limit_kib", 64 * 1024)
    for rec in records:
        if rec.get("bench") != "webterm" or rec.get("tool") != "ferry":
            continue
        server = rec.get("server")
        raw = next((r for r in records if r.get("bench") == "webterm" and r.get("server") == server
                    and r.get("tool") == "raw"), None)
        hbs = run_heartbeats(rec)
        if isinstance((rec.get("stats") or {}).get("heartbeat_rtt_ms"), dict):
            rec["heartbeat_rtt_ms"] = rec["stats"]["heartbeat_rtt_ms"]
        p99s = [num(h.get("p99")) for h in hbs if num(h.get("count")) and num(h.get("p99")) is not None]
        if p99s:
            rec["heartbeat_p99_max_ms"] = max(p99s)
        if rec.get("status") != "ok":
            continue
        ours = num(rec.get("durable_mb_per_s"))
        ref = num((raw or {}).get("raw_mb_per_s")) if (raw or {}).get("status") == "ok" else None
        checks = {}
        if ours is not None and ref:
            rec["raw_share"] = round(ours / ref, 3)
            checks["raw_share"] = ours >= share * ref
        else:
            checks["raw_share"] = None
        checks["min_rate"] = None if ours is None else ours >= floor
        if rec.get("direction") == "upload":
            idle = find_server(records, "webterm_idle", server)
            idle_hb = (idle or {}).get("heartbeat_rtt_ms") if (idle or {}).get("status") == "ok" else None
            idle_p99 = num(idle_hb.get("p99")) if isinstance(idle_hb, dict) and num(idle_hb.get("count")) else None
            loaded = num(rec.get("heartbeat_p99_max_ms"))
            checks["heartbeat"] = None if idle_p99 is None or loaded is None else loaded <= idle_p99 + slack
        client, agent = num(rec.get("client_rss_kib")), num(rec.get("agent_rss_kib"))
        checks["rss"] = None if client is None or agent is None else client <= limit and agent <= limit
        rec["checks"] = checks
        values = list(checks.values())
        if any(v is False for v in values):
            rec["verdict"] = "fail"
        elif all(v is True for v in values):
            rec["verdict"] = "pass"
        else:
            rec["verdict"] = "unknown"
    return records


def find_server(records, bench, server, tool=None, direction=None, phase=None):
    for rec in records:
        if rec.get("bench") == bench and rec.get("server") == server \
                and (tool is None or rec.get("tool") == tool) \
                and (direction is None or rec.get("direction") == direction) \
                and (phase is None or rec.get("phase") == phase):
            return rec
    return None


def boot_limit(meta, phase):
    """The bound on the time to the first listing of a cold or warm start, in seconds."""
    if phase == "cold":
        return num(meta.get("bootstrap_cold_target_s", 10))
    if phase == "warm":
        return num(meta.get("bootstrap_warm_target_s", 1))
    return None


# --- markdown -------------------------------------------------------------

def fmt(value, digits=2, unit=""):
    value = num(value)
    if value is None:
        return "-"
    return f"{value:.{digits}f}{unit}"


def mib(kib):
    kib = num(kib)
    return "-" if kib is None else f"{kib / 1024:.1f}"


def size_text(nbytes):
    nbytes = num(nbytes)
    if nbytes is None:
        return "-"
    if nbytes >= 1024 * MIB and nbytes % (1024 * MIB) == 0:
        return f"{nbytes // (1024 * MIB)} GiB"
    if nbytes >= MIB and nbytes % MIB == 0:
        return f"{nbytes // MIB} MiB"
    if nbytes >= MIB:
        return f"{nbytes / MIB:.1f} MiB"
    if nbytes >= 1024 and nbytes % 1024 == 0:
        return f"{nbytes // 1024} KiB"
    return f"{nbytes} B"


def check_text(rec):
    status = rec.get("status")
    if status == "ok":
        return "ok"
    if status == "fail":
        return "**FAIL** " + (rec.get("error") or "")
    return "error"


def table(header, rows):
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join(" --- " for _ in header) + "|"]
    for row in rows:
        out.append("| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in row) + " |")
    return out


def verdict_text(v, checks=None):
    text = {"pass": "pass", "fail": "**FAIL**", "unknown": "n/a"}.get(v, "-")
    if isinstance(checks, dict) and v in ("fail", "unknown"):
        failed = [k for k, ok in checks.items() if ok is False]
        missing = [k for k, ok in checks.items() if ok is None]
        notes = [f"{k} missed" for k in failed] + [f"no {k} figure" for k in missing]
        if notes:
            text += " (" + ", ".join(notes) + ")"
    return text


FIGURES = ("runs", "seconds", "mb_per_s", "files_per_s", "durable_seconds", "durable_mb_per_s", "durable_files_per_s",
           "client_rss_kib", "agent_rss_kib", "mbit_per_s", "link_share", "loaded_probe_ms", "heartbeat_rtt_ms",
           "bootstrap_seconds", "agent_uploaded_bytes", "server_rss_kib", "stream_seconds", "setup_seconds",
           "raw_mb_per_s", "raw_share", "heartbeat_p99_max_ms", "client_cpu_seconds", "server_cpu_seconds",
           "wire_bytes", "link_bytes", "wire_ratio", "link_ratio", "codec", "archive_bytes")

DURABLE_NOTE = ("Ferry reports success only once the data is durable; \"durable\" times add a `sync` after "
                "every tool, so they compare the same guarantee.")


def repeats_of(meta, rows):
    """How many runs the figures of rows are the medians of; None for a result without repeats."""
    for r in rows:
        if num(r.get("repeats")):
            return r["repeats"]
    return num(meta.get("repeats"))


def repeats_note(meta, rows):
    n = repeats_of(meta, rows)
    if n is None:
        return None
    if n == 1:
        return "Every case was measured once (`--repeats 1`); \"durable s runs\" repeats its durable time."
    return (f"Times and rates are medians of {n} runs per case, interleaved across tools (round 1 runs every "
            "tool and direction once, then round 2, ...); \"durable s runs\" is the lowest and highest durable "
            "time of those runs, RSS the highest peak.")


def runs_text(rec, key="durable_seconds"):
    """min–max of the durable seconds (or another figure) of rec's runs, '-' without them."""
    runs = rec.get("runs")
    if not isinstance(runs, list):
        return "-"
    values = [num(r.get(key)) for r in runs if isinstance(r, dict)]
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    text = fmt(values[0]) if len(values) == 1 else f"{min(values):.2f}–{max(values):.2f}"
    repeats = num(rec.get("repeats"))
    if repeats and len(values) < repeats:
        text += f" ({len(values)} of {repeats})"
    return text


def shown(rec):
    """The record as the tables show it: no figures for a case that did not run through."""
    if rec.get("status") != "error":
        return rec
    return {k: v for k, v in rec.items() if k not in FIGURES}


def render(meta, records, targets):
    records = [shown(r) for r in records]
    lines = []
    by = {}
    for rec in records:
        by.setdefault(rec.get("bench"), []).append(rec)

    lines.append("# Ferry benchmarks")
    lines.append("")
    lines.append(f"Run {meta.get('started', '?')} ({meta.get('mode', '?')} mode), "
                 f"commit {meta.get('git_commit', '?')}.")
    lines.append(f"Host: {meta.get('cpu_model', '?')}, {meta.get('cpus', '?')} CPUs, "
                 f"{meta.get('mem_mib', '?')} MiB RAM, kernel {meta.get('kernel', '?')}, "
                 f"load average at start {meta.get('loadavg', '?')}.")
    lines.append(f"Tools: {meta.get('ssh_version', '?')}; {meta.get('rsync_version', '?')}; "
                 f"{meta.get('ferry_version') or 'ferry-cli version not available'}.")
    lines.append("MB/s are 10^6 bytes per second of wall time (process start to exit); \"durable\" figures "
                 "run from the start until a `sync` after the exit has returned; "
                 "RSS figures are peak resident set sizes in MiB.")
    lines.append("")

    rows = by.get("bulk", [])
    if rows:
        note = repeats_note(meta, rows)
        lines.append(f"## 1. Bulk transfer, {size_text(rows[0].get('bytes'))} random file over loopback")
        lines.append("")
        lines.append(DURABLE_NOTE + (" " + note if note else ""))
        lines.append("")
        lines += table(
            ["tool", "direction", "time s", "MB/s", "durable s", "durable MB/s"]
            + (["durable s runs"] if note else []) + ["client RSS", "agent RSS", "check"],
            [[r.get("tool"), r.get("direction"), fmt(r.get("seconds")), fmt(r.get("mb_per_s"), 1),
              fmt(r.get("durable_seconds")), fmt(r.get("durable_mb_per_s"), 1)]
             + ([runs_text(r)] if note else [])
             + [mib(r.get("client_rss_kib")), mib(r.get("agent_rss_kib")), check_text(r)] for r in rows])
        lines.append("")

    rows = by.get("rss", [])
    if rows:
        limit = meta.get("rss_limit_kib", 64 * 1024) / 1024
        lines.append(f"## 2. Ferry memory against file size (target: flat, <= {limit:.0f} MiB each)")
        lines.append("")
        lines.append(DURABLE_NOTE)
        lines.append("")
        lines += table(
            ["direction", "size", "time s", "MB/s", "durable s", "client RSS", "agent RSS", "check", "verdict"],
            [[r.get("direction"), size_text(r.get("bytes")), fmt(r.get("seconds")), fmt(r.get("mb_per_s"), 1),
              fmt(r.get("durable_seconds")), mib(r.get("client_rss_kib")), mib(r.get("agent_rss_kib")), check_text(r),
              verdict_text(r.get("verdict"))] for r in rows])
        growth = [g for g in (rss_growth(rows, d) for d in ("upload", "download")) if g]
        if growth:
            lines.append("")
            lines.append("Growth with size: " + "; ".join(growth) + ".")
        lines.append("")

    rows = by.get("link", [])
    if rows:
        idle = by.get("link_idle", [])
        lines.append(f"## 3. Constrained link ({meta.get('link_mbit', 100)} Mbit/s token bucket, "
                     f"{meta.get('link_queue', '8mb')} queue, veth between two network namespaces)")
        lines.append("")
        lines.append(f"Targets for ferry: >= {meta.get('link_share_target', 0.9) * 100:.0f}% of the link rate, "
                     f"heartbeat RTT p99 <= idle RTT + {meta.get('heartbeat_slack_ms', 100)} ms. "
                     "\"TCP RTT under load\" is a handshake probe sent through the same queue during "
                     "the transfer: it shows how much the transfer filled the queue.")
        lines.append("")
        lines += table(
            ["tool", "added RTT ms", "size", "time s", "Mbit/s", "% of link", "heartbeat RTT p50/p99 ms (n)",
             "idle RTT ms", "TCP RTT under load p50/p99 ms", "check", "verdict"],
            [[r.get("tool"), fmt(r.get("added_rtt_ms"), 0), size_text(r.get("bytes")), fmt(r.get("seconds")),
              fmt(r.get("mbit_per_s"), 1),
              fmt(None if num(r.get("link_share")) is None else r["link_share"] * 100, 1),
              hb_text(r.get("heartbeat_rtt_ms")) if r.get("tool") == "ferry" else "-",
              fmt(r.get("idle_rtt_ms"), 1), probe_text(r.get("loaded_probe_ms")), check_text(r),
              verdict_text(r.get("verdict"), r.get("checks"))] for r in rows])
        if idle:
            lines.append("")
            for r in idle:
                if num(r.get("ferry_ls_seconds")) is None:
                    ferry = "ferry `ls :` did not run"
                else:
                    ferry = (f"ferry `ls :` {fmt(r.get('ferry_ls_seconds'), 3)} s, heartbeat RTT "
                             f"{hb_text(r.get('ferry_heartbeat_rtt_ms'))}")
                lines.append(f"Idle link, added RTT {fmt(r.get('added_rtt_ms'), 0)} ms: TCP handshake RTT "
                             f"{probe_text(r.get('probe_ms'))} ms (p50/p99); {ferry}; idle RTT used: "
                             f"{fmt(r.get('idle_rtt_ms'), 1)} ms ({r.get('idle_source', '-')}).")
        lines.append("")

    rows = by.get("dead_peer", [])
    if rows:
        lines.append("## 4. Dead peer detection (link cut without FIN during an upload)")
        lines.append("")
        lines += table(
            ["heartbeat ms", "dead-after ms", "bytes on the agent at the cut", "cut to exit s", "target s",
             "exit status", "check", "verdict"],
            [[r.get("heartbeat_ms"), r.get("dead_after_ms"), size_text(r.get("bytes_before_cut")),
              fmt(r.get("detect_seconds"), 2), fmt(r.get("target_seconds"), 1),
              "-" if r.get("exit_status") is None else r.get("exit_status"),
              check_text(r), verdict_text(r.get("verdict"))] for r in rows])
        lines.append("")

    rows = by.get("tree", [])
    if rows:
        first = rows[0]
        note = repeats_note(meta, rows)
        lines.append(f"## 5. Tree of {first.get('files', '?')} files of {size_text(first.get('file_size'))} "
                     f"in {first.get('dirs', '?')} directories, loopback")
        lines.append("")
        lines.append(DURABLE_NOTE + (" " + note if note else ""))
        lines.append("")
        lines += table(
            ["tool", "direction", "time s", "files/s", "durable s", "durable files/s"]
            + (["durable s runs"] if note else []) + ["client RSS", "agent RSS", "check"],
            [[r.get("tool"), r.get("direction"), fmt(r.get("seconds")), fmt(r.get("files_per_s"), 0),
              fmt(r.get("durable_seconds")), fmt(r.get("durable_files_per_s"), 0)]
             + ([runs_text(r)] if note else [])
             + [mib(r.get("client_rss_kib")), mib(r.get("agent_rss_kib")), check_text(r)] for r in rows])
        lines.append("")

    lines += render_transport(meta, by)
    lines += render_webterm(meta, by)
    lines += render_compress(meta, by)

    if targets:
        lines.append("## Targets")
        lines.append("")
        repeated = any((num(r.get("repeats")) or 1) > 1
                       for r in by.get("bulk", []) + by.get("tree", []) + by.get("transport", [])
                       + by.get("webterm", []) + by.get("compress_link", []) + by.get("compress_loopback", [])
                       + by.get("compress_archive", []))
        lines.append("Throughput and tree targets compare durable figures"
                     + (" (medians of the runs of each case)" if repeated else "")
                     + "; \"no data\" means a figure needed "
                     "for the comparison is missing (a case that was not run, or ended in an error), "
                     "not that the target was missed.")
        lines.append("")
        lines += table(["target", "verdict", "figures"],
                       [[t["target"], target_verdict_text(t["verdict"]), t["detail"]] for t in targets])
        lines.append("")

    errors = [r for r in records if r.get("status") in ("error", "fail")]
    if errors:
        lines.append("## Errors and failures")
        lines.append("")
        for r in errors:
            what = " ".join(str(r.get(k)) for k in ("bench", "server", "tool", "compress", "format", "direction",
                                                    "phase") if r.get(k))
            if r.get("bench") == "link":
                size = f" {size_text(r.get('bytes'))}, added RTT {fmt(r.get('added_rtt_ms'), 0)} ms"
            elif r.get("bench") in ("tree", "compress_archive"):
                size = f" {r.get('files')} files" if num(r.get("files")) else ""
            else:
                size = f" {size_text(r.get('bytes'))}" if num(r.get("bytes")) else ""
            lines.append(f"- {what}{size}: {r.get('status')}: {r.get('error') or '(no message)'}")
        lines.append("")
    return "\n".join(lines)


def render_transport(meta, by):
    """Table 6: transfers through ssh against scp and rsync, and the bootstrap."""
    rows, boots = by.get("transport", []), by.get("bootstrap", [])
    if not rows and not boots:
        return []
    lines = []
    nbytes = next((r["bytes"] for r in rows if num(r.get("bytes"))), meta.get("transport_bytes"))
    share = meta.get("transport_scp_share_target", 0.8)
    limit = meta.get("rss_limit_kib", 64 * 1024) / 1024
    lines.append(f"## 6. Through an SSH shell (`ferry-cli --shell-command 'ssh -T ...'`), {size_text(nbytes)} "
                 "random file over the loopback sshd")
    lines.append("")
    bundle = next((r for r in rows + boots if r.get("tool") == "ferry" and r.get("bundle")), None)
    if bundle:
        brought = (f"The agent brought along is the {bundle['bundle']} (`{bundle.get('bundle_file', '?')}`, "
                   f"{size_text(bundle.get('bundle_bytes'))})")
        if bundle["bundle"] != "portable":
            brought += ", as the portable agent was not built"
        brought += "; the transfers start with it cached."
    else:
        brought = "The agent was not brought along (see the errors)."
    note = repeats_note(meta, rows) if rows else None
    lines.append("ferry-cli runs `ssh -T` to the same sshd as scp and rsync and starts `ferry-agent --stdio` there. "
                 + brought + " " + DURABLE_NOTE + (" " + note if note else "")
                 + f" Targets for ferry: durable MB/s >= {share * 100:.0f}% of scp's in each direction, "
                 f"client and agent peak RSS <= {limit:.0f} MiB.")
    lines.append("")
    if rows:
        lines += table(
            ["tool", "direction", "time s", "MB/s", "durable s", "durable MB/s"]
            + (["durable s runs"] if note else []) + ["of scp", "client RSS", "agent RSS", "check"],
            [[r.get("tool"), r.get("direction"), fmt(r.get("seconds")), fmt(r.get("mb_per_s"), 1),
              fmt(r.get("durable_seconds")), fmt(r.get("durable_mb_per_s"), 1)]
             + ([runs_text(r)] if note else [])
             + [scp_share_text(rows, r), mib(r.get("client_rss_kib")), mib(r.get("agent_rss_kib")), check_text(r)]
             for r in rows])
        lines.append("")
        extra = []
        notes = []
        for r in rows:
            if r.get("tool") != "ferry" or r.get("status") != "ok":
                continue
            transport = (r.get("stats") or {}).get("transport") or {}
            notes.append(f"{r.get('direction')}: bootstrap {fmt(r.get('bootstrap_seconds'), 2)} s of the "
                         f"{fmt(r.get('seconds'), 2)} s, framing to the agent {transport.get('framing_out', '?')}, "
                         f"from it {transport.get('framing_in', '?')}")
        if notes:
            extra.append("Ferry through ssh (medians): " + "; ".join(notes) + ".")
        ws = [r for r in by.get("bulk", []) if r.get("tool") == "ferry" and num(r.get("durable_mb_per_s"))
              and r.get("bytes") == nbytes]
        if ws:
            extra.append("The same file to a listening agent over `ws://` (table 1): "
                         + ", ".join(f"{r.get('direction')} {fmt(r.get('durable_mb_per_s'), 1)} durable MB/s"
                                     for r in ws) + ".")
        lingered = [r for r in rows + boots if r.get("agent_lingered") is True]
        if lingered:
            extra.append("**The remote agent was still running 5 s after ferry-cli had exited** in: "
                         + ", ".join(" ".join(str(r.get(k)) for k in ("bench", "direction", "phase") if r.get(k))
                                     for r in lingered) + " (the harness stopped it).")
        for text in extra:
            lines += [text, ""]
    if boots:
        n = repeats_of(meta, boots)
        note = None
        if n and n > 1:
            note = (f"Times are medians of {n} runs, the three cases alternating (each round: the ssh login, "
                    "then the cache emptied and the cold start, then the warm one); \"runs\" is the lowest and "
                    "highest wall time.")
        lines.append("### Bootstrap: `ferry-cli --shell-command 'ssh -T ...' ls :`")
        lines.append("")
        lines.append("Cold: the remote cache emptied first, the agent uploaded through the shell. Warm: the agent "
                     "cached. \"wall s\" is the time of the whole command to its exit, ssh login included: for "
                     "Ferry the time to the first listing, for the reference line a bare `ssh ... true` over the "
                     "same sshd (the part of every start that is ssh's own). "
                     "\"bootstrap s\" is ferry-cli's own figure from `--stats`, from running the shell command "
                     "until the framing with the started agent is agreed. "
                     f"Targets: cold < {fmt(boot_limit(meta, 'cold'), 0)} s, warm < "
                     f"{fmt(boot_limit(meta, 'warm'), 0)} s to the listing." + (" " + note if note else ""))
        lines.append("")
        names = {"login": "ssh login alone", "cold": "ferry, cold", "warm": "ferry, warm"}
        lines += table(
            ["start", "agent uploaded", "wall s", "bootstrap s"] + (["runs"] if note else [])
            + ["client RSS", "check", "verdict"],
            [[names.get(r.get("phase"), r.get("phase")), size_text(r.get("agent_uploaded_bytes")),
              fmt(r.get("seconds"), 3), fmt(r.get("bootstrap_seconds"), 3)]
             + ([runs_text(r, "seconds")] if note else [])
             + [mib(r.get("client_rss_kib")), check_text(r), verdict_text(r.get("verdict"))] for r in boots])
        lines.append("")
    return lines


def scp_share_text(rows, rec):
    """rec's durable MB/s as a multiple of scp's in the same direction."""
    ref = find(rows, "transport", "scp", rec.get("direction"))
    a = num(rec.get("durable_mb_per_s"))
    b = num((ref or {}).get("durable_mb_per_s"))
    if a is None or not b:
        return "-"
    return f"{a / b:.2f}x"


def rss_growth(rows, direction):
    """'upload 256 MiB -> 2 GiB: client +0.1 MiB, agent +0.3 MiB', or None."""
    pair = sorted((r for r in rows if r.get("direction") == direction and r.get("status") == "ok"),
                  key=lambda r: r.get("bytes") or 0)
    if len(pair) < 2:
        return None
    small, big = pair[0], pair[-1]
    parts = []
    for key, who in (("client_rss_kib", "client"), ("agent_rss_kib", "agent")):
        a, b = num(small.get(key)), num(big.get(key))
        if a is not None and b is not None:
            parts.append(f"{who} {(b - a) / 1024:+.1f} MiB")
    if not parts:
        return None
    return f"{direction} {size_text(small.get('bytes'))} -> {size_text(big.get('bytes'))}: " + ", ".join(parts)


# --- targets --------------------------------------------------------------

def target_verdict_text(v):
    return {"pass": "pass", "fail": "**FAIL**"}.get(v, "no data")


def find(records, bench, tool, direction):
    for rec in records:
        if rec.get("bench") == bench and rec.get("tool") == tool and rec.get("direction") == direction:
            return rec
    return None


def durable_figure(rec, key):
    """(value, text) of a durable figure of rec; value None when there is none."""
    if rec is None:
        return None, "not run"
    if rec.get("status") != "ok":
        return None, "FAIL" if rec.get("status") == "fail" else "error"
    value = num(rec.get(key))
    return value, None


def compare_target(meta, records, bench, tool, ref, direction, key, better, unit, digits, what):
    """Ferry against ref in one direction on a durable figure; better(ferry, ref) is the target."""
    ours, ref_rec = find(records, bench, tool, direction), find(records, bench, ref, direction)
    if bench == "bulk":
        nbytes = next((r["bytes"] for r in (ours, ref_rec) if r and num(r.get("bytes"))), meta.get("bulk_bytes"))
        size = f", {size_text(nbytes)} file" if num(nbytes) else ""
    else:
        files = next((r["files"] for r in (ours, ref_rec) if r and num(r.get("files"))), meta.get("tree_files"))
        size = f", {files} files" if num(files) else ""
    a, a_note = durable_figure(ours, key)
    b, b_note = durable_figure(ref_rec, key)
    parts = []
    for name, value, note in ((tool, a, a_note), (ref, b, b_note)):
        parts.append(f"{name} {fmt(value, digits)} {unit}" if value is not None
                     else f"{name}: {note or 'no durable figure'}")
    if ours is not None and ours.get("status") == "fail":
        verdict = "fail"   # a wrong copy meets no target, however fast
    elif a is None or b is None:
        verdict = "no data"
    else:
        verdict = "pass" if better(a, b) else "fail"
    return {
        "id": f"{bench}_{direction}", "bench": bench, "direction": direction,
        "target": f"{tool} {direction}{size}: {what} {ref}'s",
        "verdict": verdict, "detail": ", ".join(parts),
        "figures": {f"{tool}_{key}": a, f"{ref}_{key}": b},
    }


def record_verdict(rec):
    """A record's verdict as a target verdict: pass, fail or no data."""
    if rec is None:
        return "no data"
    if rec.get("status") == "fail" or rec.get("verdict") == "fail":
        return "fail"
    if rec.get("status") == "ok" and rec.get("verdict") == "pass":
        return "pass"
    return "no data"


def targets_of(meta, records):
    """The targets of the brief, each judged pass / fail / no data."""
    out = []
    for direction in ("upload", "download"):
        out.append(compare_target(meta, records, "bulk", "ferry", "scp", direction, "durable_mb_per_s",
                                  lambda a, b: a >= b, "MB/s", 1, "durable throughput at least"))
    for direction in ("upload", "download"):
        out.append(compare_target(meta, records, "tree", "ferry", "rsync", direction, "durable_seconds",
                                  lambda a, b: a < b, "s", 2, "durable time lower than"))

    limit = meta.get("rss_limit_kib", 64 * 1024)
    rss = [r for r in records if r.get("bench") == "rss"]
    for direction in ("upload", "download"):
        rows = [r for r in rss if r.get("direction") == direction]
        verdicts = [record_verdict(r) for r in rows]
        if "fail" in verdicts:
            verdict = "fail"
        elif len(rows) >= 2 and all(v == "pass" for v in verdicts):
            verdict = "pass"
        else:
            verdict = "no data"
        peaks = []
        for key, who in (("client_rss_kib", "client"), ("agent_rss_kib", "agent")):
            values = [num(r.get(key)) for r in rows if r.get("status") == "ok" and num(r.get(key)) is not None]
            if values:
                peaks.append(f"{who} max {max(values) / 1024:.1f} MiB")
        growth = rss_growth(rows, direction)
        sizes = " and ".join(size_text(r.get("bytes")) for r in rows) or \
            " and ".join(size_text(meta.get(k)) for k in ("rss_small_bytes", "rss_big_bytes"))
        out.append({
            "id": f"rss_{direction}", "bench": "rss", "direction": direction,
            "target": f"ferry {direction} memory, {sizes}: client and agent peak RSS <= {limit / 1024:.0f} MiB "
                      "at every size (flat)",
            "verdict": verdict,
            "detail": "; ".join(peaks + ([f"growth {growth.split(': ', 1)[1]}"] if growth else []))
                      or ("not run" if not rows else "no figures"),
        })

    link = [r for r in records if r.get("bench") == "link" and r.get("tool") == "ferry"]
    share = meta.get("link_share_target", 0.90)
    slack = meta.get("heartbeat_slack_ms", 100)
    for rec in link or [None]:
        r = rec or {}
        where = f", added RTT {fmt(r.get('added_rtt_ms'), 0)} ms" if rec is not None else ""
        checks = r.get("checks") or {}
        link_share = num(r.get("link_share"))
        hb = r.get("heartbeat_rtt_ms") if isinstance(r.get("heartbeat_rtt_ms"), dict) else {}
        for check, text, detail in (
                ("throughput", f">= {share * 100:.0f}% of the link rate",
                 f"{fmt(None if link_share is None else link_share * 100, 1)} % of "
                 f"{r.get('link_mbit', meta.get('link_mbit', 100))} Mbit/s"),
                ("heartbeat", f"heartbeat RTT p99 <= idle RTT + {slack} ms",
                 f"p99 {fmt(hb.get('p99'), 1)} ms ({hb.get('count', 0)} samples), "
                 f"idle {fmt(r.get('idle_rtt_ms'), 1)} ms")):
            if rec is None or rec.get("status") == "error":
                verdict, detail = "no data", "not run" if rec is None else "error"
            elif rec.get("status") == "fail":
                verdict = "fail"
            else:
                verdict = {True: "pass", False: "fail"}.get(checks.get(check), "no data")
            out.append({
                "id": f"link_{check}" + (f"_{fmt(r.get('added_rtt_ms'), 0)}ms" if rec is not None else ""),
                "bench": "link", "target": f"ferry over the constrained link{where}: {text}",
                "verdict": verdict, "detail": detail,
            })

    dead = [r for r in records if r.get("bench") == "dead_peer"]
    rec = dead[0] if dead else None
    target = num((rec or {}).get("target_seconds"))
    if rec is None:
        detail = "not run"
    elif rec.get("status") == "error":
        detail = "error"
    else:
        detail = (f"exit {fmt(rec.get('detect_seconds'), 2)} s after the cut, exit status "
                  f"{'-' if rec.get('exit_status') is None else rec.get('exit_status')}")
    out.append({
        "id": "dead_peer", "bench": "dead_peer",
        "target": "ferry-cli exits non-zero after a silent link cut within dead-after + 1 s"
                  + (f" = {fmt(target, 1)} s" if target is not None else ""),
        "verdict": record_verdict(rec), "detail": detail,
    })
    out += transport_targets(meta, records)
    out += webterm_targets(meta, records)
    out += compress_targets(meta, records)
    return out


def transport_targets(meta, records):
    """Benchmark 6: throughput against scp, bootstrap times, memory of both ends."""
    out = []
    share = meta.get("transport_scp_share_target", 0.8)
    nbytes = meta.get("transport_bytes")
    size = f", {size_text(nbytes)} file" if num(nbytes) else ""
    for direction in ("upload", "download"):
        ours, ref = find(records, "transport", "ferry", direction), find(records, "transport", "scp", direction)
        a, a_note = durable_figure(ours, "durable_mb_per_s")
        b, b_note = durable_figure(ref, "durable_mb_per_s")
        parts = [f"{name} {fmt(value, 1)} MB/s" if value is not None else f"{name}: {note or 'no durable figure'}"
                 for name, value, note in (("ferry", a, a_note), ("scp", b, b_note))]
        if ours is not None and ours.get("status") == "fail":
            verdict = "fail"
        elif a is None or not b:
            verdict = "no data"
        else:
            verdict = "pass" if a >= share * b else "fail"
            parts.append(f"{a / b:.2f}x")
        out.append({
            "id": f"transport_{direction}", "bench": "transport", "direction": direction,
            "target": f"ferry through ssh {direction}{size}: durable throughput at least {share * 100:.0f}% of scp's",
            "verdict": verdict, "detail": ", ".join(parts),
            "figures": {"ferry_durable_mb_per_s": a, "scp_durable_mb_per_s": b},
        })
    for phase, what in (("warm", "warm start (agent cached)"), ("cold", "cold start (empty cache, agent uploaded)")):
        rec = find_phase(records, phase)
        limit = boot_limit(meta, phase)
        if rec is None:
            detail = "not run"
        elif rec.get("status") == "error":
            detail = "error"
        else:
            detail = (f"{fmt(rec.get('seconds'), 3)} s to the listing (runs {runs_text(rec, 'seconds')}), "
                      f"bootstrap {fmt(rec.get('bootstrap_seconds'), 3)} s")
            login = find_phase(records, "login", "ssh")
            if login is not None and num(login.get("seconds")) is not None:
                detail += f", ssh login alone {fmt(login.get('seconds'), 3)} s"
            if phase == "cold":
                detail += (f", {size_text(rec.get('agent_uploaded_bytes'))} uploaded"
                           f" ({rec.get('bundle', '?')})")
        out.append({
            "id": f"bootstrap_{phase}", "bench": "bootstrap", "phase": phase,
            "target": f"ferry through ssh, {what}: first listing in < {fmt(limit, 0)} s",
            "verdict": record_verdict(rec), "detail": detail,
            "figures": {"seconds": None if rec is None else num(rec.get("seconds")),
                        "bootstrap_seconds": None if rec is None else num(rec.get("bootstrap_seconds")),
                        "ssh_login_seconds": None if find_phase(records, "login", "ssh") is None
                        else num(find_phase(records, "login", "ssh").get("seconds"))},
        })
    limit = meta.get("rss_limit_kib", 64 * 1024)
    for direction in ("upload", "download"):
        rec = find(records, "transport", "ferry", direction)
        client = None if rec is None else num(rec.get("client_rss_kib"))
        agent = None if rec is None else num(rec.get("agent_rss_kib"))
        if rec is None or rec.get("status") == "error":
            verdict, detail = "no data", "not run" if rec is None else "error"
        else:
            detail = f"client {mib(client)} MiB, agent {mib(agent)} MiB"
            if client is not None and agent is not None:
                verdict = "pass" if client <= limit and agent <= limit else "fail"
            elif (client is not None and client > limit) or (agent is not None and agent > limit):
                verdict = "fail"
            else:
                verdict = "no data"
        out.append({
            "id": f"transport_rss_{direction}", "bench": "transport", "direction": direction,
            "target": f"ferry through ssh {direction}{size}: client and remote agent peak RSS <= {limit / 1024:.0f} MiB",
            "verdict": verdict, "detail": detail,
        })
    return out


def find_phase(records, phase, tool="ferry"):
    for rec in records:
        if rec.get("bench") == "bootstrap" and rec.get("phase") == phase and rec.get("tool") == tool:
            return rec
    return None


WEBTERM_SERVERS = ("wetty", "jupyter")
WEBTERM_NAMES = {"wetty": "WeTTY", "jupyter": "Jupyter Server"}


def webterm_servers(records):
    """The servers that benchmark 7's records name, WeTTY first."""
    named = {r.get("server") for r in records if str(r.get("bench", "")).startswith("webterm") and r.get("server")}
    return [s for s in WEBTERM_SERVERS if s in named] + sorted(s for s in named if s not in WEBTERM_SERVERS)


def webterm_title(meta, server):
    version = {"wetty": meta.get("wetty_version"), "jupyter": meta.get("jupyter_server_version")}.get(server)
    name = WEBTERM_NAMES.get(server, server)
    return f"{name} {version}" if version else name


def render_webterm(meta, by):
    """Table 7: ferry-cli through WeTTY and a Jupyter server, against what the terminal carries raw."""
    rows, boots, idle = by.get("webterm", []), by.get("webterm_bootstrap", []), by.get("webterm_idle", [])
    if not rows and not boots and not idle:
        return []
    everything = rows + boots + idle
    servers = webterm_servers(everything)
    lines = []
    nbytes = next((r["bytes"] for r in rows if num(r.get("bytes"))), meta.get("webterm_bytes"))
    share = meta.get("webterm_raw_share_target", 0.7)
    floor = meta.get("webterm_min_mb_per_s", 5)
    slack = meta.get("heartbeat_slack_ms", 100)
    limit = meta.get("rss_limit_kib", 64 * 1024) / 1024
    lines.append(f"## 7. Through a web terminal ({', '.join(webterm_title(meta, s) for s in servers)}), "
                 f"{size_text(nbytes)} random file over 127.0.0.1")
    lines.append("")
    bundle = next((r for r in everything if r.get("tool") == "ferry" and r.get("bundle")), None)
    brought = ""
    if bundle:
        brought = (f" It brings the {bundle['bundle']} agent along (`{bundle.get('bundle_file', '?')}`, "
                   f"{size_text(bundle.get('bundle_bytes'))}); the transfers start with it cached.")
    note = repeats_note(meta, rows) if rows else None
    lines.append("ferry-cli connects with `--url wetty+ws://127.0.0.1:PORT/wetty` or `--url jupyter+http://127.0.0.1:PORT/ "
                 "--token-file FILE` to a server started by the benchmark, and its framing through the terminal's pty "
                 "is base64 text both ways." + brought + " \"raw\" is the same file as base64 out through the same "
                 "terminal without Ferry (`base64 -w 0 FILE` in a raw pty, read, decoded and checked by "
                 "`rawterminal.py`): its time is the stream from the command to its end marker, its MB/s the payload "
                 "(decoded bytes) per second, the terminal's capacity. \"of raw\" is Ferry's durable MB/s as a "
                 "multiple of that capacity. Server RSS is the peak of the terminal server's own process (node for "
                 "WeTTY, python for Jupyter) during the case. " + DURABLE_NOTE + (" " + note if note else "")
                 + f" Targets for ferry: durable MB/s >= {share:.2f}x the raw capacity and >= {fmt(floor, 0)} MB/s "
                 f"in each direction, client and agent peak RSS <= {limit:.0f} MiB.")
    lines.append("")
    if rows:
        def raw_note(r):
            return "raw base64 (no Ferry)" if r.get("tool") == "raw" else r.get("tool")

        def of_raw(r):
            return "-" if num(r.get("raw_share")) is None else f"{r['raw_share']:.2f}x"

        ordered = [r for s in servers for r in rows if r.get("server") == s]
        lines += table(
            ["server", "tool", "direction", "time s", "MB/s", "durable s", "durable MB/s"]
            + (["durable s runs"] if note else []) + ["of raw", "client RSS", "agent RSS", "server RSS", "check"],
            [[WEBTERM_NAMES.get(r.get("server"), r.get("server")), raw_note(r), r.get("direction"),
              fmt(r.get("stream_seconds") if r.get("tool") == "raw" else r.get("seconds")),
              fmt(r.get("raw_mb_per_s") if r.get("tool") == "raw" else r.get("mb_per_s"), 1),
              fmt(r.get("durable_seconds")), fmt(r.get("durable_mb_per_s"), 1)]
             + ([runs_text(r, "stream_seconds" if r.get("tool") == "raw" else "durable_seconds")] if note else [])
             + [of_raw(r), mib(r.get("client_rss_kib")) if r.get("tool") == "ferry" else "-",
                mib(r.get("agent_rss_kib")), mib(r.get("server_rss_kib")), check_text(r)]
             for r in ordered])
        lines.append("")
        extra = []
        for r in ordered:
            if r.get("tool") == "raw" and r.get("status") == "ok":
                extra.append(f"{WEBTERM_NAMES.get(r.get('server'), r.get('server'))} raw: the process took "
                             f"{fmt(r.get('seconds'))} s with connecting ({fmt(r.get('setup_seconds'))} s to a shell "
                             f"that takes input), and {fmt(r.get('raw_cpu_seconds'), 1)} s of CPU of its own")
        if extra:
            lines += ["; ".join(extra) + ".", ""]
        lingered = [r for r in everything if r.get("agent_lingered") is True]
        if lingered:
            lines += ["**The remote agent was still running 5 s after ferry-cli had exited** in: "
                      + ", ".join(" ".join(str(r.get(k)) for k in ("bench", "server", "direction", "phase") if r.get(k))
                                  for r in lingered) + " (the harness stopped it).", ""]
    if rows or idle:
        lines.append(f"### Heartbeats through the terminal (every {meta.get('webterm_heartbeat_ms', 1000)} ms)")
        lines.append("")
        lines.append(f"Idle: `ferry-cli exec -- sleep {meta.get('webterm_idle_seconds', 10)}` through the same terminal. "
                     "During the transfers: ferry-cli's `--stats` of the run with the median time; \"highest p99\" is "
                     f"the highest p99 of all runs, which the target uses: p99 during the upload <= idle p99 + {slack} ms.")
        lines.append("")
        out = []
        for s in servers:
            i = find_server(idle, "webterm_idle", s)
            up = find_server(rows, "webterm", s, "ferry", "upload")
            down = find_server(rows, "webterm", s, "ferry", "download")
            checks = (up or {}).get("checks") or {}
            verdict = {True: "pass", False: "**FAIL**"}.get(checks.get("heartbeat"), "n/a")
            out.append([WEBTERM_NAMES.get(s, s),
                        hb_text((i or {}).get("heartbeat_rtt_ms")) if (i or {}).get("status") == "ok" else "-",
                        hb_text((up or {}).get("heartbeat_rtt_ms")), fmt((up or {}).get("heartbeat_p99_max_ms"), 1),
                        hb_text((down or {}).get("heartbeat_rtt_ms")), fmt((down or {}).get("heartbeat_p99_max_ms"), 1),
                        verdict])
        lines += table(["server", "idle p50/p99 ms (n)", "upload p50/p99 ms (n)", "upload highest p99",
                        "download p50/p99 ms (n)", "download highest p99", "verdict"], out)
        lines.append("")
    if boots:
        n = repeats_of(meta, boots)
        bnote = None
        if n and n > 1:
            bnote = (f"Times are medians of {n} runs, the three cases alternating in each round; \"runs\" is the "
                     "lowest and highest wall time.")
        lines.append("### Bootstrap through the terminal: `ferry-cli --url ... ls :`")
        lines.append("")
        lines.append("Cold: the terminal's HOME/.cache/ferry emptied first, the agent uploaded through the terminal. "
                     "Warm: the agent cached. \"wall s\" is the whole command to its exit (the first listing); "
                     "\"terminal alone\" is `rawterminal.py open`: connecting, getting a shell and one printed line "
                     "back, the part of every start that is the terminal's. \"bootstrap s\" is ferry-cli's own "
                     "figure from `--stats`. "
                     f"Targets: cold < {fmt(boot_limit(meta, 'cold'), 0)} s, warm < {fmt(boot_limit(meta, 'warm'), 0)} s "
                     "to the listing." + (" " + bnote if bnote else ""))
        lines.append("")
        names = {"open": "terminal alone", "cold": "ferry, cold", "warm": "ferry, warm"}
        ordered = [r for s in servers for p in ("open", "cold", "warm") for r in boots
                   if r.get("server") == s and r.get("phase") == p]
        lines += table(
            ["server", "start", "agent uploaded", "wall s", "bootstrap s"] + (["runs"] if bnote else [])
            + ["client RSS", "check", "verdict"],
            [[WEBTERM_NAMES.get(r.get("server"), r.get("server")), names.get(r.get("phase"), r.get("phase")),
              size_text(r.get("agent_uploaded_bytes")), fmt(r.get("seconds"), 3), fmt(r.get("bootstrap_seconds"), 3)]
             + ([runs_text(r, "seconds")] if bnote else [])
             + [mib(r.get("client_rss_kib")) if r.get("tool") == "ferry" else "-", check_text(r),
                verdict_text(r.get("verdict"))] for r in ordered])
        lines.append("")
    return lines


def webterm_targets(meta, records):
    """Benchmark 7, per server: throughput against the raw capacity, heartbeats, bootstrap, memory."""
    out = []
    servers = webterm_servers(records)
    share = meta.get("webterm_raw_share_target", 0.7)
    floor = meta.get("webterm_min_mb_per_s", 5)
    slack = meta.get("heartbeat_slack_ms", 100)
    limit = meta.get("rss_limit_kib", 64 * 1024)
    nbytes = meta.get("webterm_bytes")
    size = f", {size_text(nbytes)} file" if num(nbytes) else ""
    for server in servers:
        name = WEBTERM_NAMES.get(server, server)
        raw = find_server(records, "webterm", server, "raw")
        ref, ref_note = durable_figure(raw, "raw_mb_per_s")
        for direction in ("upload", "download"):
            rec = find_server(records, "webterm", server, "ferry", direction)
            a, a_note = durable_figure(rec, "durable_mb_per_s")
            parts = [f"ferry {fmt(a, 1)} MB/s" if a is not None else f"ferry: {a_note or 'no durable figure'}",
                     f"raw {fmt(ref, 1)} MB/s" if ref is not None else f"raw: {ref_note or 'no figure'}"]
            if rec is not None and rec.get("status") == "fail":
                verdict = "fail"
            elif a is None:
                verdict = "no data"
            elif a < floor:
                verdict = "fail"   # below the floor whatever the terminal carries
            elif not ref:
                verdict = "no data"
            else:
                verdict = "pass" if a >= share * ref else "fail"
            if a is not None and ref:
                parts.append(f"{a / ref:.2f}x")
            out.append({
                "id": f"webterm_{server}_{direction}", "bench": "webterm", "server": server, "direction": direction,
                "target": f"ferry through {name} {direction}{size}: durable throughput >= {share:.2f}x the "
                          f"terminal's raw capacity and >= {fmt(floor, 0)} MB/s",
                "verdict": verdict, "detail": ", ".join(parts),
                "figures": {"ferry_durable_mb_per_s": a, "raw_mb_per_s": ref,
                            "raw_share": None if a is None or not ref else round(a / ref, 3)},
            })
        rec = find_server(records, "webterm", server, "ferry", "upload")
        idle = find_server(records, "webterm_idle", server)
        idle_hb = (idle or {}).get("heartbeat_rtt_ms") if (idle or {}).get("status") == "ok" else None
        idle_p99 = num(idle_hb.get("p99")) if isinstance(idle_hb, dict) and num(idle_hb.get("count")) else None
        loaded = None if rec is None else num(rec.get("heartbeat_p99_max_ms"))
        if rec is not None and rec.get("status") == "fail":
            verdict = "fail"
        elif loaded is None or idle_p99 is None or (rec or {}).get("status") != "ok":
            verdict = "no data"
        else:
            verdict = "pass" if loaded <= idle_p99 + slack else "fail"
        samples = sum(num(h.get("count")) or 0 for h in run_heartbeats(rec or {}))
        out.append({
            "id": f"webterm_{server}_heartbeat", "bench": "webterm", "server": server,
            "target": f"ferry through {name}: heartbeat RTT p99 during the upload <= idle p99 + {slack} ms",
            "verdict": verdict,
            "detail": (f"upload p99 {fmt(loaded, 1)} ms (highest of the runs, {samples} samples), "
                       f"idle p99 {fmt(idle_p99, 1)} ms"
                       + (f" ({idle_hb.get('count')} samples)" if isinstance(idle_hb, dict) else "")),
            "figures": {"upload_p99_ms": loaded, "idle_p99_ms": idle_p99},
        })
        for phase, what in (("warm", "warm start (agent cached)"), ("cold", "cold start (empty cache, agent uploaded)")):
            b = find_server(records, "webterm_bootstrap", server, "ferry", phase=phase)
            lim = boot_limit(meta, phase)
            if b is None:
                detail = "not run"
            elif b.get("status") == "error":
                detail = "error"
            else:
                detail = (f"{fmt(b.get('seconds'), 3)} s to the listing (runs {runs_text(b, 'seconds')}), "
                          f"bootstrap {fmt(b.get('bootstrap_seconds'), 3)} s")
                opened = find_server(records, "webterm_bootstrap", server, "raw", phase="open")
                if opened is not None and num(opened.get("seconds")) is not None:
                    detail += f", terminal alone {fmt(opened.get('seconds'), 3)} s"
                if phase == "cold":
                    detail += f", {size_text(b.get('agent_uploaded_bytes'))} uploaded ({b.get('bundle', '?')})"
            out.append({
                "id": f"webterm_{server}_bootstrap_{phase}", "bench": "webterm_bootstrap", "server": server,
                "phase": phase, "target": f"ferry through {name}, {what}: first listing in < {fmt(lim, 0)} s",
                "verdict": record_verdict(b), "detail": detail,
                "figures": {"seconds": None if b is None else num(b.get("seconds")),
                            "bootstrap_seconds": None if b is None else num(b.get("bootstrap_seconds"))},
            })
        for direction in ("upload", "download"):
            rec = find_server(records, "webterm", server, "ferry", direction)
            client = None if rec is None else num(rec.get("client_rss_kib"))
            agent = None if rec is None else num(rec.get("agent_rss_kib"))
            if rec is None or rec.get("status") == "error":
                verdict, detail = "no data", "not run" if rec is None else "error"
            else:
                detail = (f"client {mib(client)} MiB, agent {mib(agent)} MiB "
                          f"(the server: {mib(rec.get('server_rss_kib'))} MiB, no target)")
                if client is not None and agent is not None:
                    verdict = "pass" if client <= limit and agent <= limit else "fail"
                elif (client is not None and client > limit) or (agent is not None and agent > limit):
                    verdict = "fail"
                else:
                    verdict = "no data"
            out.append({
                "id": f"webterm_{server}_rss_{direction}", "bench": "webterm", "server": server, "direction": direction,
                "target": f"ferry through {name} {direction}{size}: client and remote agent peak RSS <= "
                          f"{limit / 1024:.0f} MiB",
                "verdict": verdict, "detail": detail,
            })
    return out


# --- benchmark 8: compression on the wire -----------------------------------

COMPRESS_CASES = (("ferry", "auto"), ("ferry", "off"), ("rsync", "-z"), ("scp", "-C"))


def compress_name(tool, option):
    """How a case of benchmark 8 is named: the tool with its option."""
    if tool is None:
        return "-"
    if tool == "ferry":
        return f"ferry --compress={option}"
    return f"{tool} {option}" if option else str(tool)


def find_compress(records, bench, tool, option, direction):
    for rec in records:
        if rec.get("bench") == bench and rec.get("tool") == tool and rec.get("compress") == option \
                and rec.get("direction") == direction:
            return rec
    return None


def ordered_compress(rows):
    """The rows of one part of benchmark 8, ferry auto and off first, then rsync and scp."""
    rank = {case: i for i, case in enumerate(COMPRESS_CASES)}
    return sorted(rows, key=lambda r: (rank.get((r.get("tool"), r.get("compress")), len(rank)),
                                       0 if r.get("direction") == "upload" else 1))


def cpu_text(value):
    return fmt(value, 1)


def render_compress(meta, by):
    """Table 8: compression on the wire over the shaped link (text) and on loopback (random bytes), and a
    tree downloaded as one archive."""
    link, loop = by.get("compress_link", []), by.get("compress_loopback", [])
    archive, skipped = by.get("compress_archive", []), by.get("compress_archive_skip", [])
    if not link and not loop and not archive and not skipped:
        return []
    lines = ["## 8. Compression on the wire", ""]
    mbit = meta.get("link_mbit", 100)
    if link:
        nbytes = next((r["bytes"] for r in link if num(r.get("bytes"))), meta.get("compress_text_bytes"))
        n = repeats_of(meta, link)
        if n == 1:
            note = ("Every case ran once (the link part of this benchmark runs once per case unless `--repeats` is "
                    "given).")
        else:
            note = repeats_note(meta, link)
        lines.append(f"### {size_text(nbytes)} of log-like text over the {mbit} Mbit/s link, upload")
        lines.append("")
        lines.append("The text is `benchlib.py gentext`: web server access lines (a millisecond timestamp, host, "
                     "level, region, method, path, status, size, latency, user, client) and now and then an "
                     "application message, words from small vocabularies and numbers drawn line by line, so it "
                     "never repeats as a block. The client runs in the client's namespace and the agent or the sshd "
                     "in the agent's, across the shaped veth of benchmark 3 (no added RTT). ferry-cli "
                     "`--compress=auto` (the default) compresses every 128 KiB frame on its own when samples of the "
                     "file shrink, `--compress=off` sends it as it is; `rsync --whole-file -z` negotiates its codec "
                     "(zstd between two rsync 3.2+, one stream over the whole file), `scp -C` is ssh's zlib "
                     "compression under SFTP. \"wire\" is ferry-cli's `wire_bytes` (both directions, what crossed "
                     "the connection) with the codec the two ends agreed on; \"on the link\" is what the client's end "
                     "of the veth counted in both directions (IP packets with their headers, so ssh's and TCP's "
                     "overhead are in it), \"ratio\" the file's size over that. \"vs off\" is ferry "
                     "`--compress=off`'s durable time over the case's. CPU s is user + system time: the client's "
                     "(with the ssh that rsync and scp start) and the other end's (ferry-agent; for rsync and scp "
                     "the sshd session with its rsync or sftp-server). " + DURABLE_NOTE
                     + (" " + note if note else ""))
        lines.append("")
        off = find_compress(link, "compress_link", "ferry", "off", "upload")
        off_s = num((off or {}).get("durable_seconds")) if (off or {}).get("status") == "ok" else None

        def vs_off(r):
            d = num(r.get("durable_seconds"))
            return "-" if d is None or not off_s else f"{off_s / d:.2f}x"

        def wire(r):
            return "-" if not num(r.get("wire_bytes")) else \
                f"{size_text(r['wire_bytes'])} ({r.get('codec') or '?'}, {fmt(r.get('wire_ratio'), 1)}x)"

        lines += table(
            ["tool", "time s", "MB/s", "durable s", "durable MB/s"] + (["durable s runs"] if n and n > 1 else [])
            + ["vs off", "wire", "on the link", "ratio", "client CPU s", "other end CPU s", "check"],
            [[compress_name(r.get("tool"), r.get("compress")), fmt(r.get("seconds")), fmt(r.get("mb_per_s"), 1),
              fmt(r.get("durable_seconds")), fmt(r.get("durable_mb_per_s"), 1)]
             + ([runs_text(r)] if n and n > 1 else [])
             + [vs_off(r), wire(r), size_text(r.get("link_bytes")) if num(r.get("link_bytes")) else "-",
                fmt(r.get("link_ratio"), 1, "x"), cpu_text(r.get("client_cpu_seconds")),
                cpu_text(r.get("server_cpu_seconds")), check_text(r)] for r in ordered_compress(link)])
        lines.append("")
    if loop:
        nbytes = next((r["bytes"] for r in loop if num(r.get("bytes"))), meta.get("compress_random_bytes"))
        note = repeats_note(meta, loop)
        lines.append(f"### {size_text(nbytes)} random file over loopback, auto against off")
        lines.append("")
        lines.append("Random bytes do not shrink: with `--compress=auto` the sender (ferry-cli for the upload, the "
                     "agent for the download) compresses the file's first two frames as samples and then sends the "
                     "rest as it is. Measured like benchmark 1 (a listening agent on 127.0.0.1, `sync` before, "
                     "durable `sync` after, checksum). \"of off\" is the durable MB/s as a multiple of "
                     "`--compress=off`'s in the same direction; \"wire\" is ferry-cli's `wire_bytes` with the "
                     "codec the two ends agreed on (agreed, even where the samples showed that nothing shrinks). "
                     "CPU s is user + system time of ferry-cli and of ferry-agent. " + DURABLE_NOTE + (" " + note if note else ""))
        lines.append("")

        def of_off(r):
            ref = find_compress(loop, "compress_loopback", "ferry", "off", r.get("direction"))
            a = num(r.get("durable_mb_per_s"))
            b = num((ref or {}).get("durable_mb_per_s")) if (ref or {}).get("status") == "ok" else None
            return "-" if a is None or not b else f"{a / b:.3f}x"

        lines += table(
            ["tool", "direction", "time s", "MB/s", "durable s", "durable MB/s"] + (["durable s runs"] if note else [])
            + ["of off", "wire", "client CPU s", "agent CPU s", "client RSS", "agent RSS", "check"],
            [[compress_name(r.get("tool"), r.get("compress")), r.get("direction"), fmt(r.get("seconds")),
              fmt(r.get("mb_per_s"), 1), fmt(r.get("durable_seconds")), fmt(r.get("durable_mb_per_s"), 1)]
             + ([runs_text(r)] if note else [])
             + [of_off(r), f"{size_text(r['wire_bytes'])} ({r.get('codec') or '?'})" if num(r.get("wire_bytes")) else "-",
                cpu_text(r.get("client_cpu_seconds")), cpu_text(r.get("server_cpu_seconds")),
                mib(r.get("client_rss_kib")), mib(r.get("agent_rss_kib")), check_text(r)]
             for r in ordered_compress(loop)])
        lines.append("")
    if archive or skipped:
        lines += render_archive(meta, archive, skipped)
    return lines


ARCHIVE_FORMATS = ("tar.gz", "tar.zst")
ARCHIVE_TOOLS = ("ferry", "ssh-tar")


def archive_name(tool, form):
    """How a case of the archive part is named: the command."""
    if tool == "ferry":
        return "ferry-cli archive"
    if tool == "ssh-tar":
        return {"tar.gz": "ssh tar czf", "tar.zst": "ssh tar --zstd -cf"}.get(form, f"ssh tar ({form})")
    return str(tool)


def exact_size(nbytes):
    """A size to compare with others of about the same: MiB with two decimals, KiB below 1 MiB."""
    nbytes = num(nbytes)
    if not nbytes:
        return "-"
    return f"{nbytes / MIB:.2f} MiB" if nbytes >= MIB else f"{nbytes / 1024:.1f} KiB"


def find_archive(records, tool, form):
    for rec in records:
        if rec.get("bench") == "compress_archive" and rec.get("tool") == tool and rec.get("format") == form:
            return rec
    return None


def archive_tree_text(meta, rows):
    """'10,000 files of 1 KiB in 100 directories', from the records or the run's settings."""
    first = next((r for r in rows if num(r.get("files"))), {})
    files = num(first.get("files")) or num(meta.get("tree_files"))
    dirs = num(first.get("dirs")) or num(meta.get("tree_dirs"))
    size = num(first.get("file_size")) or num(meta.get("tree_file_size"))
    text = f"{files:,} files" if files else "tree"
    if size:
        text += f" of {size_text(size)}"
    if dirs:
        text += f" in {dirs} directories"
    return text


def render_archive(meta, rows, skipped):
    """The archive part of table 8: ferry-cli archive against tar through ssh, on loopback."""
    lines = [f"### Download as archive: tree of {archive_tree_text(meta, rows)}, loopback", ""]
    note = repeats_note(meta, rows) if rows else None
    fs = next((r.get("filesystem") for r in rows if r.get("filesystem")), None)
    where = ("a fresh ext4 on a loop device of its own (as in benchmark 5), holding the remote tree and the "
             "local output" if fs == "fresh-ext4-loop" else "the work directory (no fresh ext4 was available)")
    lines.append("The tree of benchmark 5, downloaded as one compressed tar. `ferry-cli archive :srctree "
                 "OUT.tar.gz` (or OUT.tar.zst) from a listening agent on 127.0.0.1: the agent builds the archive "
                 "with KArchive as it sends it, ferry-cli writes it through a part file. The reference is "
                 "`ssh root@127.0.0.1 'tar czf - -C REMOTE srctree' > OUT.tar.gz` (`tar --zstd -cf` for "
                 "tar.zst) through the loopback sshd of benchmarks 1 and 5. Every case runs on " + where + ". "
                 "Every archive is unpacked with tar afterwards and must give srctree alone with the source "
                 "tree's digest. \"of ssh tar\" is the reference's durable time over ferry's in the same format "
                 "(above 1x: ferry is faster); \"archive\" the size of the file written; \"wire\" ferry-cli's "
                 "`wire_bytes` with the codec on the wire. CPU s is user + system time: the client's (ferry-cli, "
                 "or ssh) and the other end's (ferry-agent, or the ssh session with the shell, tar and gzip or "
                 "zstd). " + DURABLE_NOTE + (" " + note if note else ""))
    lines.append("")
    rank_f = {f: i for i, f in enumerate(ARCHIVE_FORMATS)}
    rank_t = {t: i for i, t in enumerate(ARCHIVE_TOOLS)}
    ordered = sorted(rows, key=lambda r: (rank_f.get(r.get("format"), len(rank_f)),
                                          rank_t.get(r.get("tool"), len(rank_t))))

    def of_ssh(r):
        if r.get("tool") != "ferry":
            return "-"
        ref = find_archive(rows, "ssh-tar", r.get("format"))
        a = num(r.get("durable_seconds"))
        b = num((ref or {}).get("durable_seconds")) if (ref or {}).get("status") == "ok" else None
        return "-" if not a or b is None else f"{b / a:.2f}x"

    def wire(r):
        return "-" if not num(r.get("wire_bytes")) else f"{exact_size(r['wire_bytes'])} ({r.get('codec') or '?'})"

    if ordered:
        lines += table(
            ["command", "format", "time s", "durable s", "durable files/s"] + (["durable s runs"] if note else [])
            + ["of ssh tar", "archive", "wire", "client CPU s", "other end CPU s", "client RSS", "agent RSS",
               "check"],
            [[archive_name(r.get("tool"), r.get("format")), r.get("format") or "-", fmt(r.get("seconds")),
              fmt(r.get("durable_seconds")), fmt(r.get("durable_files_per_s"), 0)]
             + ([runs_text(r)] if note else [])
             + [of_ssh(r), exact_size(r.get("archive_bytes")), wire(r),
                fmt(r.get("client_cpu_seconds")), fmt(r.get("server_cpu_seconds")),
                mib(r.get("client_rss_kib")), mib(r.get("agent_rss_kib")), check_text(r)] for r in ordered])
        lines.append("")
    for r in skipped:
        lines.append(f"{r.get('format', '?')} was left out: {r.get('reason') or '(no reason recorded)'}.")
        lines.append("")
    return lines


def compress_targets(meta, records):
    """Benchmark 8: auto against off, rsync -z and scp -C over the link; auto against off on random bytes."""
    out = []
    mbit = meta.get("link_mbit", 100)
    factor = num(meta.get("compress_auto_off_target")) or 2.5
    share = num(meta.get("compress_random_share_target")) or 0.95
    text = next((r["bytes"] for r in records if r.get("bench") == "compress_link" and num(r.get("bytes"))),
                meta.get("compress_text_bytes"))
    where = f"ferry over the {mbit} Mbit/s link, {size_text(text)} of text" if num(text) else \
        f"ferry over the {mbit} Mbit/s link, text"
    auto = find_compress(records, "compress_link", "ferry", "auto", "upload")
    a, a_note = durable_figure(auto, "durable_seconds")
    for tool, option, what, better in (
            ("ferry", "off", f"compression auto at least {factor:g}x faster than off",
             lambda x, y: y >= factor * x),
            ("rsync", "-z", "compression auto faster than rsync -z", lambda x, y: x < y),
            ("scp", "-C", "compression auto faster than scp -C", lambda x, y: x < y)):
        ref = find_compress(records, "compress_link", tool, option, "upload")
        b, b_note = durable_figure(ref, "durable_seconds")
        name = compress_name(tool, option)
        parts = [f"auto {fmt(a, 2)} s" if a is not None else f"auto: {a_note or 'no durable figure'}",
                 f"{'off' if tool == 'ferry' else name} {fmt(b, 2)} s" if b is not None
                 else f"{'off' if tool == 'ferry' else name}: {b_note or 'no durable figure'}"]
        if auto is not None and auto.get("status") == "fail":
            verdict = "fail"
        elif not a or not b:
            verdict = "no data"
        else:
            verdict = "pass" if better(a, b) else "fail"
            parts.append(f"auto {b / a:.2f}x as fast (durable times)")
        out.append({
            "id": "compress_link_" + {"ferry": "off", "rsync": "rsync", "scp": "scp"}[tool], "bench": "compress_link",
            "target": f"{where}: {what}", "verdict": verdict,
            "detail": ", ".join(parts),
            "figures": {"auto_durable_seconds": a, f"{'off' if tool == 'ferry' else tool}_durable_seconds": b},
        })
    rand = next((r["bytes"] for r in records if r.get("bench") == "compress_loopback" and num(r.get("bytes"))),
                meta.get("compress_random_bytes"))
    for direction in ("upload", "download"):
        ours = find_compress(records, "compress_loopback", "ferry", "auto", direction)
        ref = find_compress(records, "compress_loopback", "ferry", "off", direction)
        a, a_note = durable_figure(ours, "durable_mb_per_s")
        b, b_note = durable_figure(ref, "durable_mb_per_s")
        parts = [f"auto {fmt(a, 1)} MB/s" if a is not None else f"auto: {a_note or 'no durable figure'}",
                 f"off {fmt(b, 1)} MB/s" if b is not None else f"off: {b_note or 'no durable figure'}"]
        if ours is not None and ours.get("status") == "fail":
            verdict = "fail"
        elif a is None or not b:
            verdict = "no data"
        else:
            verdict = "pass" if a >= share * b else "fail"
            parts.append(f"{a / b:.3f}x")
        out.append({
            "id": f"compress_loopback_{direction}", "bench": "compress_loopback", "direction": direction,
            "target": f"{size_text(rand) if num(rand) else ''} random on loopback, ferry {direction}: compression "
                      f"auto within {(1 - share) * 100:.0f} % of off (durable throughput)".lstrip(),
            "verdict": verdict, "detail": ", ".join(parts),
            "figures": {"auto_durable_mb_per_s": a, "off_durable_mb_per_s": b},
        })
    out += archive_targets(meta, records)
    return out


def archive_targets(meta, records):
    """Benchmark 8, download as archive: ferry-cli archive at least as fast as tar through ssh, per format
    (tar.zst unless it was left out)."""
    out = []
    rows = [r for r in records if r.get("bench") == "compress_archive"]
    skipped = {r.get("format") for r in records if r.get("bench") == "compress_archive_skip"}
    files = next((r["files"] for r in rows if num(r.get("files"))), meta.get("tree_files"))
    tree = f"{files:,}-file tree" if num(files) else "tree"
    for form, ref_text in (("tar.gz", "ssh tar cz"), ("tar.zst", "ssh tar --zstd")):
        if form in skipped:
            continue
        ours, ref = find_archive(records, "ferry", form), find_archive(records, "ssh-tar", form)
        a, a_note = durable_figure(ours, "durable_seconds")
        b, b_note = durable_figure(ref, "durable_seconds")
        parts = [f"ferry {fmt(a, 2)} s" if a is not None else f"ferry: {a_note or 'no durable figure'}",
                 f"{ref_text} {fmt(b, 2)} s" if b is not None else f"{ref_text}: {b_note or 'no durable figure'}"]
        if ours is not None and ours.get("status") == "fail":
            verdict = "fail"
        elif not a or b is None:
            verdict = "no data"
        else:
            verdict = "pass" if a <= b else "fail"
            parts.append(f"ferry {b / a:.2f}x as fast (durable times)")
        what = "ferry" if form == "tar.gz" else "ferry tar.zst"
        out.append({
            "id": "compress_archive_" + form.split(".")[-1], "bench": "compress_archive", "format": form,
            "target": f"download as archive, {tree}: {what} at least as fast as {ref_text}",
            "verdict": verdict, "detail": ", ".join(parts),
            "figures": {"ferry_durable_seconds": a, "ssh_tar_durable_seconds": b},
        })
    return out


def hb_text(hb):
    if not isinstance(hb, dict):
        return "-"
    if not num(hb.get("count")):
        return "no samples"
    return f"{fmt(hb.get('p50'), 1)}/{fmt(hb.get('p99'), 1)} ({hb.get('count')})"


def probe_text(p):
    if not isinstance(p, dict) or not num(p.get("count")):
        return "-"
    lost = f", {p['lost']} lost" if num(p.get("lost")) else ""
    return f"{fmt(p.get('p50'), 1)}/{fmt(p.get('p99'), 1)}{lost}"


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    records = load(sys.argv[1])
    meta = {}
    results = []
    for rec in records:
        if rec.get("bench") == "meta":
            meta = {k: v for k, v in rec.items() if k != "bench"}
        else:
            results.append(rec)
    results = derive_webterm([derive(r, meta) for r in results], meta)
    targets = targets_of(meta, results)
    summary = {
        "results": len(results),
        "errors": sum(1 for r in results if r.get("status") == "error"),
        "failures": sum(1 for r in results if r.get("status") == "fail"),
        "target_failures": sum(1 for r in results if r.get("verdict") == "fail"),
        "targets_passed": sum(1 for t in targets if t["verdict"] == "pass"),
        "targets_missed": sum(1 for t in targets if t["verdict"] == "fail"),
        "targets_no_data": sum(1 for t in targets if t["verdict"] == "no data"),
    }
    doc = {"schema": 1, "meta": meta, "summary": summary, "targets": targets, "results": results}
    write(sys.argv[2], json.dumps(doc, indent=2) + "\n")
    write(sys.argv[3], render(meta, results, targets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
