#!/usr/bin/env python3
"""Helpers for peers.sh: query syntax per engine, result parsing, the summary table.

  benchtool.py corpus-stats CORPUS.jsonl            -> JSON {"docs": N, "bytes": title+text UTF-8 bytes}
  benchtool.py syntax ENGINE NEUTRAL.tsv OUT.txt    -> one query a line in ENGINE's syntax
  benchtool.py table OUT.md RUNDIR [RUNDIR...]      -> the markdown table (printed and saved)

ENGINE is herald, fts5 or xapian.  Neutral queries (gen_queries.py): CLASS<TAB>w1 w2 [w3].
  class    herald        fts5             xapian (QueryParser, default OR)
  or       a b [c]       a OR b [OR c]    a b [c]
  and      a AND b       a AND b          a AND b
  phrase   "a b"         "a b"            "a b"

A RUNDIR (one corpus) holds, written by peers.sh:
  meta.json                         {"corpus": label, "docs", "bytes", "replica": N, "queries": path}
  ENGINE.status                     "ok" or a one-line reason ("not available: ...")
  ENGINE.timev                      GNU `time -v` output of the indexing command
  ENGINE.size                       `du -sb` bytes of the index directory
  ENGINE.q.jsonl                    query output: peers {"q","ms","n","ids"}; herald its --batch --json
                                    lines, of which the first meta["warmup"] are warm-up queries
Percentiles: linear interpolation between closest ranks (numpy's default), in milliseconds.
Python 3 stdlib only.
"""
import json
import math
import os
import re
import sys

ENGINES = ["herald", "fts5", "xapian"]
CLASSES = ["or", "phrase", "and"]


def die(msg):
    sys.exit("benchtool: " + msg)


# ------------------------------------------------------------------ corpus / syntax

def corpus_stats(path):
    n = b = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                n += 1
                b += len((r.get("title") or "").encode()) + len((r.get("text") or "").encode())
    print(json.dumps({"docs": n, "bytes": b}))


def read_neutral(path):
    qs = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            cls, _, words = line.partition("\t")
            ws = words.split()
            if cls not in CLASSES or not ws:
                die(f"{path}:{ln}: expected CLASS<TAB>words with CLASS in {CLASSES}")
            qs.append((cls, ws))
    return qs


def to_syntax(engine, cls, ws):
    if cls == "phrase":
        return '"' + " ".join(ws) + '"'
    if cls == "and":
        return " AND ".join(ws)
    if engine == "fts5":
        return " OR ".join(ws)
    return " ".join(ws)


def syntax(engine, src, dst):
    if engine not in ENGINES:
        die(f"unknown engine {engine}")
    with open(dst, "w", encoding="utf-8") as f:
        for cls, ws in read_neutral(src):
            f.write(to_syntax(engine, cls, ws) + "\n")


# ------------------------------------------------------------------ parsing results

def parse_timev(path):
    wall, rss, _ = parse_timev3(path)
    return wall, rss


def parse_timev3(path):
    """(wall s, max RSS KB, user+system CPU s) from GNU time -v output."""
    wall = rss = None
    cpu = 0.0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line.startswith("Elapsed (wall clock) time"):
                v = line.rsplit(": ", 1)[1]
                parts = [float(x) for x in v.split(":")]
                wall = 0.0
                for p in parts:
                    wall = wall * 60 + p
            elif line.startswith("Maximum resident set size"):
                rss = int(line.rsplit(": ", 1)[1])
            elif line.startswith("User time (seconds)") or line.startswith("System time (seconds)"):
                cpu += float(line.rsplit(": ", 1)[1])
    return wall, rss, cpu


def hit_id(h):
    if isinstance(h, (int, str)):
        return str(h)
    if isinstance(h, dict):
        for k in ("id", "docid", "doc"):
            if k in h:
                return str(h[k])
    return None


def parse_queries(engine, path, warmup):
    """Return (list of (ms, ids, error)), summary dict) in query order, warm-up removed."""
    out, summary = [], {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line or line[0] != "{":
                continue
            try:
                o = json.loads(line)
            except ValueError:
                continue
            if o.get("summary"):
                summary = o
                continue
            if engine == "herald":
                ms = o.get("took_ms")
                hits = o.get("hits", o.get("results", []))
                ids = [hit_id(h) for h in hits] if isinstance(hits, list) else []
                out.append((ms if o.get("error") is None else None, ids, o.get("error")))
            else:
                out.append((o.get("ms"), [str(i) for i in o.get("ids", [])], o.get("error")))
    if engine == "herald":
        out = out[warmup:]
    return out, summary


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return None
    k = (len(xs) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def fmt(x, nd=3):
    if x is None:
        return "-"
    if x == 0:
        return "0"
    if abs(x) >= 100:
        return f"{x:.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.{nd}g}" if abs(x) < 1 else f"{x:.2f}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


# ------------------------------------------------------------------ table

def load_run(rundir):
    with open(os.path.join(rundir, "meta.json")) as f:
        meta = json.load(f)
    qs = read_neutral(meta["queries"])
    rows = {}
    for e in ENGINES:
        st_path = os.path.join(rundir, e + ".status")
        if not os.path.exists(st_path):
            continue
        r = {"engine": e}
        lab = os.path.join(rundir, e + ".label")
        r["label"] = open(lab).read().strip() if os.path.exists(lab) else e
        with open(st_path) as f:
            r["status"] = f.read().strip() or "not available"
        tv = os.path.join(rundir, e + ".timev")
        if os.path.exists(tv):
            r["index_s"], rss, r["index_cpu"] = parse_timev3(tv)
            r["rss_mb"] = rss / 1024 if rss else None
        sz = os.path.join(rundir, e + ".size")
        if os.path.exists(sz):
            with open(sz) as f:
                txt = f.read().split()
            r["index_mb"] = int(txt[0]) / 1e6 if txt else None
        stf = os.path.join(rundir, e + ".stats.txt")
        if os.path.exists(stf):
            m = re.search(r"^documents\s+(\d+)", open(stf).read(), re.M)
            if m:
                r["docs"] = int(m.group(1))
        qf = os.path.join(rundir, e + ".q.jsonl")
        if os.path.exists(qf):
            res, summ = parse_queries(e, qf, meta.get("warmup", 0))
            rounds = meta.get("rounds", 1)
            if rounds > 1 and len(res) == rounds * len(qs):
                # each query's fastest round (ids and errors from the first round)
                merged = []
                for i in range(len(qs)):
                    runs = [res[k * len(qs) + i] for k in range(rounds)]
                    ms = [x[0] for x in runs if x[0] is not None]
                    merged.append((min(ms) if ms else None, runs[0][1], runs[0][2]))
                res = merged
            r["search_rss_mb"] = summ.get("rss_kb", 0) / 1024 if summ.get("rss_kb") else None
            stv = os.path.join(rundir, e + ".search.timev")
            if r["search_rss_mb"] is None and os.path.exists(stv):
                _, srss, _ = parse_timev3(stv)
                r["search_rss_mb"] = srss / 1024 if srss else None
            if len(res) != len(qs):
                r["qnote"] = f"{len(res)} results for {len(qs)} queries"
            else:
                r["results"] = res
                for c in CLASSES:
                    ms = [x[0] for x, q in zip(res, qs) if q[0] == c and x[0] is not None]
                    r[c] = (pct(ms, 50), pct(ms, 95), pct(ms, 99)) if ms else None
                    r[c + "_n"] = len(ms)
                    r[c + "_zero"] = sum(1 for x, q in zip(res, qs) if q[0] == c and not x[1])
                    r[c + "_err"] = sum(1 for x, q in zip(res, qs) if q[0] == c and x[2])
                orms = [x[0] for x, q in zip(res, qs) if q[0] == "or" and x[0] is not None]
                r["or_qps"] = 1000.0 * len(orms) / sum(orms) if orms and sum(orms) > 0 else None
        rows[e] = r
    # top-10 overlap with xapian (base corpus only: copies tie in a replica)
    xa = rows.get("xapian", {}).get("results")
    for e, r in rows.items():
        if e == "xapian" or not xa or "results" not in r or meta.get("replica", 1) != 1:
            continue
        for c in CLASSES:
            ov = [len(set(a[1]) & set(b[1])) / max(1, min(10, len(b[1])))
                  for a, b, q in zip(r["results"], xa, qs) if q[0] == c and b[1]]
            r[c + "_overlap"] = sum(ov) / len(ov) if ov else None
    return meta, rows


def triple(t):
    return " / ".join(fmt(x) for x in t) if t else "-"


def table(out_md, rundirs):
    lines = []
    hdr = ("| corpus | engine | docs | MB | index s | MB/s | index CPU s | peak RSS MB | index MB | "
           "OR p50 / p95 / p99 ms | OR QPS | phrase p50 / p95 / p99 ms | AND p50 / p95 / p99 ms | "
           "search RSS MB | zero-hit or/phr/and | top-10 overlap vs xapian or/phr/and |")
    lines.append(hdr)
    lines.append("|" + "---|" * (hdr.count("|") - 1))
    ratio_lines = []
    size_lines = []
    for rd in rundirs:
        meta, rows = load_run(rd)
        mb = meta["bytes"] / 1e6
        label = meta["corpus"]
        ssf = os.path.join(rd, "herald.segsizes.json")
        if os.path.exists(ssf):
            try:
                sz = json.load(open(ssf))["sizes"]
            except (ValueError, KeyError):
                sz = {}
            if sz.get("postings") is not None:
                core = sz["postings"] + sz["positions"] + sz["dictionary"]
                peers = [r["index_mb"] for e, r in rows.items() if e != "herald" and r.get("index_mb")]
                stored = sz["stored_meta"] + sz["stored_bodies"]
                M = 1e6
                size_lines.append(
                    f"| {label} | {sz['postings'] / M:.1f} | {sz['positions'] / M:.1f} | {sz['dictionary'] / M:.1f} | "
                    f"{core / M:.1f} | {fmt(core / M / min(peers)) if peers else '-'} | {sz['stored_meta'] / M:.1f} | "
                    f"{sz['stored_bodies'] / M:.1f} | {fmt(stored / meta['bytes'])} | "
                    f"{(sz['norms_dates'] + sz['other']) / M:.1f} | {sz['index_files'] / M:.1f} |")
        for e in ENGINES:
            r = rows.get(e)
            if r is None:
                continue
            if r["status"] != "ok" and "index_s" not in r:
                lines.append(f"| {label} | {e} | - | - | {r['status']} |" + " |" * 11)
                continue
            ist = r.get("index_s")
            mbs = mb / ist if ist else None
            note = "" if r["status"] == "ok" else f" ({r['status']})"
            if "results" in r:
                zero = "/".join(str(r[c + "_zero"]) for c in CLASSES)
                if any(r[c + "_err"] for c in CLASSES):
                    zero += " (errors " + "/".join(str(r[c + "_err"]) for c in CLASSES) + ")"
                ov = " / ".join(fmt(r.get(c + "_overlap")) for c in CLASSES) if e != "xapian" else "-"
                if meta.get("replica", 1) != 1:
                    ov = "n/a (replica)"
                lat = [triple(r.get(c)) for c in CLASSES]
                qps = fmt(r.get("or_qps"))
            else:
                zero = ov = qps = "-"
                lat = [r.get("qnote", "not available")] + ["-", "-"]
            lines.append(f"| {label} | {r['label']}{note} | {r.get('docs', meta['docs'])} | {mb:.1f} | {fmt(ist)} | {fmt(mbs)} | {fmt(r.get('index_cpu'))} | "
                         f"{fmt(r.get('rss_mb'))} | {fmt(r.get('index_mb'))} | {lat[0]} | {qps} | {lat[1]} | "
                         f"{lat[2]} | {fmt(r.get('search_rss_mb'))} | {zero} | {ov} |")
        h = rows.get("herald")
        for p in ("fts5", "xapian"):
            pr = rows.get(p)
            if not h or not pr or pr["status"] != "ok":
                continue
            if h["status"] != "ok" and "index_s" not in h:
                ratio_lines.append(f"| {label} | herald/{p} | {h['status']} |" + " - |" * 6)
                continue
            hi, pi = h.get("index_s"), pr.get("index_s")
            cells = [fmt(ratio(hi, pi)), fmt(ratio(pi, hi)), fmt(ratio(h.get("rss_mb"), pr.get("rss_mb"))),
                     fmt(ratio(h.get("index_mb"), pr.get("index_mb")))]
            for c in CLASSES:
                a, b = h.get(c), pr.get(c)
                cells.append(" / ".join(fmt(ratio(x, y)) for x, y in zip(a, b)) if a and b else "-")
            ratio_lines.append(f"| {label} | herald/{p} | " + " | ".join(cells) + " |")
    out = ["## herald vs peers", "", *lines, ""]
    if size_lines:
        out += ["herald's index by section (bench/segsizes.py; targets: postings + positions + dictionary "
                "<= the smallest peer index, stored text <= 0.35x the raw title+text):", "",
                "| corpus | postings MB | positions MB | dictionary MB | post+pos+dict MB | / smallest peer "
                "index | stored meta MB | stored bodies MB | stored / raw text | other MB | index MB |",
                "|---|---|---|---|---|---|---|---|---|---|---|", *size_lines, ""]
    if ratio_lines:
        out += ["Ratios herald/peer (index s, peak RSS, index MB and latencies: < 1 means herald is "
                "smaller/faster; MB/s: > 1 means herald is faster):", "",
                "| corpus | ratio | index s | MB/s | peak RSS | index MB | OR p50 / p95 / p99 | "
                "phrase p50 / p95 / p99 | AND p50 / p95 / p99 |",
                "|---|---|---|---|---|---|---|---|---|", *ratio_lines, ""]
    rounds = max(json.load(open(os.path.join(rd, "meta.json"))).get("rounds", 1) for rd in rundirs)
    if rounds > 1:
        out += [f"Latencies: each query ran {rounds} times in one process after the warm-up; its fastest "
                "round is used (strips scheduler noise on a busy machine).", ""]
    out += ["MB = title+text bytes of the corpus (UTF-8) / 1e6; index s = wall time of the whole indexing "
            "command under GNU time (final merge/optimize/compact included); index CPU s = its user+system time (less sensitive to other work on the machine than wall time); peak RSS = its max RSS; "
            "index MB = du -sb of the index directory.  Latency = in-process per-query time, single "
            "thread, after warm-up, warm page cache: peers measure parse + top-10 + ids in the driver; "
            "herald reports took_ms from `herald search --batch --json --no-snippets`.  OR QPS = "
            "1000 / mean OR latency.  search RSS = max RSS of the query process (herald: of the whole "
            "`herald search --batch` run, via GNU time).  A replica repeats the base corpus with fresh ids: postings are "
            "N times longer but the vocabulary does not grow."]
    text = "\n".join(out) + "\n"
    with open(out_md, "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)


def main():
    a = sys.argv[1:]
    if len(a) == 2 and a[0] == "corpus-stats":
        corpus_stats(a[1])
    elif len(a) == 4 and a[0] == "syntax":
        syntax(a[1], a[2], a[3])
    elif len(a) >= 3 and a[0] == "table":
        table(a[1], a[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
