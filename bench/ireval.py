#!/usr/bin/env python3
"""Retrieval effectiveness of herald, Xapian BM25 and SQLite FTS5 bm25 on six IR collections.

usage: ireval.py [--collections time,cran,cisi,med,cacm,npl] [--engines herald,xapian,fts5]
                 [--herald PATH] [--data DIR] [--depth 1000] [--herald-index-opts "OPTS"]
       ireval.py score QRELS RUN          score a TREC run against a TREC qrels file
       ireval.py selftest                 check the measures on hand-computed cases

Data: ../shared/data/ir-collections (or --data / $IR_DATA): TIME, CRAN, CISI, MED, CACM, NPL
in their SMART/Glasgow formats (see that folder's MANIFEST.md).  Everything generated goes
under $WORK/ireval (WORK defaults to /tmp/herald-bench): per collection docs.jsonl (herald
ingest format), topics.tsv (qid<TAB>query), TREC qrels, indexes, TREC runs.

Conversion (id = the document number the judgments use):
  TIME  docs: the body of each *TEXT record, id = its 1-based POSITION in TIME.ALL (1..423),
        not the *TEXT number.  Judgments: a number j <= 372 is position j; j >= 373 is
        position j - 2 (two documents are missing from this copy; no judgment uses 371/372).
        Queries: *FIND <digits> headers only (query 43's text contains "FIND BY").
  CRAN  docs: .T title + .W text, id = .I.  Queries: .W; qid = the query's ORDINAL in the
        original cran.qry (query-ordinal-map.tsv maps ordinal -> .I), as cranqrel numbers them.
        cranqrel codes 1..4 are relevant (graded gain 5 - code for nDCG: 4,3,2,1); code -1 is
        judged NOT relevant (gain 0).
  CISI  docs: .T + .W (not .A/.X); queries: .T (when present) + .W.
  MED   docs and queries: .W.  MED.REL is TREC style "qid 0 docid 1".
  CACM  docs: .T + .W; the header of document 2856 is split over two lines (".I 28" then
        "56"): a digits-only line right after an .I line is joined to the id.  Queries: .W.
        qrels.text writes qids with a leading zero ("01"): ids are compared as integers.
  NPL   docs/queries: "<id>" line, text lines, "/" line.  rlv-ass records end with "/"
        (the last one may not).
  Documents with no text at all (Cranfield 471 and 995) are not indexed; they could not be
  retrieved by any engine anyway.  A document with a title but no text (1,617 CACM documents
  have no .W abstract) is written with "text": "" (herald builds before 00:40 on 2026-11-22
  skipped such records; later ones index them).
  Every document is a JSONL record {"id", "url": "<coll>:<id>", "source": <coll>, "title",
  "text"}; the peer drivers index title + "\n" + text as one field.

Queries: the topic text is turned into a plain OR query the same way for every engine:
maximal runs of letters and digits (str.isalnum), lower-cased (so AND/OR/NOT in TIME's
upper-case topics are not read as operators), in order, duplicates kept; all other
characters (quotes, parentheses, + - * : etc.) are dropped, so no engine sees syntax.
  herald  t1 t2 t3 ...               (`herald search --batch FILE --json -n DEPTH --no-snippets`)
  xapian  t1 t2 t3 ...               (QueryParser, default op OR, BM25Weight defaults)
  fts5    "t1" OR "t2" OR "t3" ...   (bm25() defaults, k1 = 1.2, b = 0.75)
No stop lists (TIME.STP and CACM common_words are not used).

Measures (trec_eval 9/10 definitions, implemented below and documented there):
  MAP      trec_eval `map`: mean over queries of AP = sum of precision at each relevant
           retrieved document / number of relevant documents (qrels grade > 0).
  P@10     trec_eval `P_10`: relevant documents in the top 10 / 10.
  nDCG@10  trec_eval `ndcg_cut.10`: DCG = sum_{i=1..10} gain_i / log2(i + 1) over the run's top
           10, divided by the same sum over the ideal ordering of all judged gains.  Gain is the
           qrels grade (Cranfield: 5 - code, -1 -> 0; other collections binary 1).
  Ranking: by score descending, ties broken by docno descending (string compare), as
  trec_eval re-sorts runs; each run is cut at DEPTH (1000) documents.
  Averaged over every judged query with at least one relevant document (trec_eval -c):
  a query with no results scores 0; queries with no judgments are skipped.
Python 3 stdlib only.
"""
import argparse
import gzip
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(os.environ.get("WORK", "/tmp/herald-bench"), "ireval")
BUILD = os.environ.get("BUILD", os.path.join(os.environ.get("WORK", "/tmp/herald-bench"), "build"))
COLLECTIONS = ["time", "cran", "cisi", "med", "cacm", "npl"]
ENGINES = ["herald", "xapian", "fts5"]
HERALD_DOCS = {}  # collection -> documents in herald's index (herald stats)


def die(msg):
    sys.exit("ireval: " + msg)


def read_text(path):
    if os.path.exists(path):
        opener = open
    elif os.path.exists(path + ".gz"):
        path, opener = path + ".gz", gzip.open
    else:
        die(f"missing file {path}[.gz]")
    with opener(path, "rb") as f:
        return f.read().decode("latin-1").replace("\r\n", "\n")


# ------------------------------------------------------------------ SMART-format parsing

def smart_records(text, fields):
    """Parse '.I id' records with '.X' field markers. Returns [(id, {field: text})].
    A digits-only line right after an .I line is part of the id (CACM doc 2856)."""
    recs = []
    cur = None
    field = None
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^\.I\s+(\d+)\s*$", line)
        if m:
            rid = m.group(1)
            if i + 1 < len(lines) and re.match(r"^\d+\s*$", lines[i + 1]):
                rid += lines[i + 1].strip()
                i += 1
            cur = (str(int(rid)), defaultdict(list))
            recs.append(cur)
            field = None
        elif re.match(r"^\.[A-Z]\s*$", line):
            field = line[1]
        elif cur is not None and field is not None:
            cur[1][field].append(line)
        i += 1
    out = []
    for rid, fs in recs:
        out.append((rid, {k: " ".join(" ".join(v).split()) for k, v in fs.items() if k in fields}))
    return out


def load_time(d):
    docs, n = [], 0
    cur = None
    for line in read_text(os.path.join(d, "TIME.ALL")).split("\n"):
        if line.startswith("*TEXT"):
            n += 1
            cur = [str(n), []]
            docs.append(cur)
        elif line.startswith("*STOP"):
            cur = None
        elif cur is not None:
            cur[1].append(line)
    docs = [(i, "", " ".join(" ".join(ls).split())) for i, ls in docs]
    queries, cur = [], None
    for line in read_text(os.path.join(d, "TIME.QUE")).split("\n"):
        m = re.match(r"^\*FIND\s+(\d+)\s*$", line)
        if m:
            cur = [str(int(m.group(1))), []]
            queries.append(cur)
        elif line.startswith("*STOP"):
            cur = None
        elif cur is not None:
            cur[1].append(line)
    queries = [(q, " ".join(" ".join(ls).split())) for q, ls in queries]
    qrels = {}
    for line in read_text(os.path.join(d, "TIME.REL")).split("\n"):
        parts = line.split()
        if not parts:
            continue
        q = str(int(parts[0]))
        rel = {}
        for j in map(int, parts[1:]):
            if j in (371, 372):
                die("TIME.REL uses 371/372, whose position is ambiguous")
            rel[str(j if j <= 372 else j - 2)] = 1
        qrels[q] = rel
    return docs, queries, qrels


def load_cran(d):
    docs = [(i, f.get("T", ""), f.get("W", "")) for i, f in
            smart_records(read_text(os.path.join(d, "cran.all.1400")), "TW")]
    ordmap = {}
    for line in read_text(os.path.join(d, "query-ordinal-map.tsv")).split("\n")[1:]:
        if line.strip():
            o, qi = line.split("\t")
            ordmap[str(int(qi))] = str(int(o))
    queries = []
    for qi, f in smart_records(read_text(os.path.join(d, "cran.qry")), "W"):
        if qi not in ordmap:
            die(f"cran.qry .I {qi} is not in query-ordinal-map.tsv")
        queries.append((ordmap[qi], f.get("W", "")))
    qrels = defaultdict(dict)
    for line in read_text(os.path.join(d, "cranqrel")).split("\n"):
        p = line.split()
        if len(p) >= 3:
            code = int(p[2])
            qrels[str(int(p[0]))][str(int(p[1]))] = 0 if code < 1 else 5 - code
    return docs, queries, dict(qrels)


def load_simple(d, allf, qryf, relf, doc_fields, q_fields, rel_cols):
    def join(f, keys):
        return " ".join(f[k] for k in keys if f.get(k))
    docs = []
    for i, f in smart_records(read_text(os.path.join(d, allf)), doc_fields):
        title = f.get("T", "") if "T" in doc_fields else ""
        docs.append((i, title, join(f, [k for k in doc_fields if k != "T"])))
    queries = [(q, join(f, q_fields)) for q, f in smart_records(read_text(os.path.join(d, qryf)), q_fields)]
    qrels = defaultdict(dict)
    qc, dc = rel_cols
    for line in read_text(os.path.join(d, relf)).split("\n"):
        p = line.split()
        if len(p) > max(qc, dc):
            qrels[str(int(p[qc]))][str(int(p[dc]))] = 1
    return docs, queries, dict(qrels)


def npl_records(text):
    recs, cur = [], None
    for line in text.split("\n"):
        s = line.strip()
        if s == "/":
            cur = None
        elif cur is None:
            if s:
                if not s.isdigit():
                    die(f"NPL: expected a record number, got {s[:40]!r}")
                cur = [str(int(s)), []]
                recs.append(cur)
        else:
            cur[1].append(s)
    return [(i, " ".join(" ".join(ls).split())) for i, ls in recs]


def load_npl(d):
    docs = [(i, "", t) for i, t in npl_records(read_text(os.path.join(d, "doc-text")))]
    queries = npl_records(read_text(os.path.join(d, "query-text")))
    qrels = {}
    for q, t in npl_records(read_text(os.path.join(d, "rlv-ass"))):
        qrels[q] = {str(int(x)): 1 for x in t.split()}
    return docs, queries, qrels


def load(coll, data):
    d = os.path.join(data, coll)
    if coll == "time":
        return load_time(d)
    if coll == "cran":
        return load_cran(d)
    if coll == "cisi":
        return load_simple(d, "CISI.ALL", "CISI.QRY", "CISI.REL", "TW", "TW", (0, 1))
    if coll == "med":
        return load_simple(d, "MED.ALL", "MED.QRY", "MED.REL", "W", "W", (0, 2))
    if coll == "cacm":
        return load_simple(d, "cacm.all", "query.text", "qrels.text", "TW", "W", (0, 1))
    if coll == "npl":
        return load_npl(d)
    die(f"unknown collection {coll}")


# ------------------------------------------------------------------ queries per engine

def tokens(text):
    return [t.lower() for t in re.findall(r"[^\W_]+", text)]


def engine_query(engine, toks):
    if engine == "fts5":
        return " OR ".join('"' + t + '"' for t in toks)
    return " ".join(toks)


# ------------------------------------------------------------------ measures

def ranked(run_q, depth):
    """run_q: {docno: score}. trec_eval order: score desc, then docno desc (strcmp)."""
    items = sorted(run_q.items(), key=lambda x: (x[1], x[0]), reverse=True)
    return [d for d, _ in items[:depth]]


def measures(qrels_q, docs):
    """qrels_q: {docno: grade}; docs: ranked docnos. Returns (AP, nDCG@10, P@10)."""
    nrel = sum(1 for g in qrels_q.values() if g > 0)
    hits = 0
    ap = 0.0
    for i, d in enumerate(docs, 1):
        if qrels_q.get(d, 0) > 0:
            hits += 1
            ap += hits / i
    ap = ap / nrel if nrel else 0.0
    p10 = sum(1 for d in docs[:10] if qrels_q.get(d, 0) > 0) / 10.0
    dcg = sum(qrels_q.get(d, 0) / math.log2(i + 1) for i, d in enumerate(docs[:10], 1))
    ideal = sorted((g for g in qrels_q.values() if g > 0), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 1) for i, g in enumerate(ideal, 1))
    return ap, (dcg / idcg if idcg else 0.0), p10


def evaluate(qrels, run, depth=1000):
    """Mean (MAP, nDCG@10, P@10) over judged queries with >= 1 relevant doc (trec_eval -c)."""
    qs = [q for q, r in qrels.items() if any(g > 0 for g in r.values())]
    if not qs:
        return 0, (0.0, 0.0, 0.0)
    tot = [0.0, 0.0, 0.0]
    for q in qs:
        m = measures(qrels[q], ranked(run.get(q, {}), depth))
        for i in range(3):
            tot[i] += m[i]
    return len(qs), tuple(x / len(qs) for x in tot)


def read_run(path):
    run = defaultdict(dict)
    with open(path) as f:
        for ln, line in enumerate(f, 1):
            p = line.split()
            if not p:
                continue
            if len(p) < 5:
                die(f"{path}:{ln}: expected 'qid Q0 docno rank score [tag]'")
            q, d = str(int(p[0])) if p[0].isdigit() else p[0], p[2]
            if d in run[q]:
                die(f"{path}:{ln}: docno {d} twice for query {q}")
            run[q][d] = float(p[4])
    return run


def read_qrels(path):
    qrels = defaultdict(dict)
    with open(path) as f:
        for line in f:
            p = line.split()
            if len(p) >= 4:
                q = str(int(p[0])) if p[0].isdigit() else p[0]
                qrels[q][p[2]] = int(p[3])
    return qrels


# ------------------------------------------------------------------ engines

def sh(cmd, out=None, timeout=3600):
    with open(out, "w") if out else open(os.devnull, "w") as fo:
        r = subprocess.run(cmd, stdout=fo, stderr=subprocess.PIPE, text=True, timeout=timeout)
    return r.returncode, r.stderr


def herald_hits(obj):
    hits = obj.get("hits", obj.get("results", []))
    out = []
    if isinstance(hits, list):
        for i, h in enumerate(hits):
            if isinstance(h, dict):
                did = h.get("id", h.get("docid"))
                sc = h.get("score")
                out.append((str(did), float(sc) if isinstance(sc, (int, float)) else -float(i)))
            else:
                out.append((str(h), -float(i)))
    return out


def run_engine(engine, coll, cdir, topics, depth, herald, herald_opts=()):
    """Index and run; returns (run dict, status string)."""
    idx = os.path.join(cdir, "idx-" + engine)
    runf = os.path.join(cdir, engine + ".run")
    shutil.rmtree(idx, ignore_errors=True)
    qfile = os.path.join(cdir, "topics." + engine + ".tsv")
    with open(qfile, "w", encoding="utf-8") as f:
        for q, toks in topics:
            f.write(q + "\t" + engine_query(engine, toks) + "\n")
    corpus = os.path.join(cdir, "docs.jsonl")
    if engine in ("xapian", "fts5"):
        drv = os.path.join(BUILD, engine + "_driver")
        rc, err = sh([drv, "index", corpus, idx])
        if rc:
            return None, f"index failed: {err.strip()[-200:]}"
        rc, err = sh([drv, "rank", idx, qfile, str(depth), engine], out=runf)
        if rc:
            return None, f"rank failed: {err.strip()[-200:]}"
        if err.strip():
            print(f"ireval: {coll} {engine}: {err.strip()[:300]}", file=sys.stderr)
        return read_run(runf), "ok"
    # herald
    rc, err = sh([herald, "index", *herald_opts, corpus, "--index", idx])
    if rc:
        return None, f"not available: herald index failed: {err.strip()[-200:]}"
    st = subprocess.run([herald, "stats", "--index", idx], capture_output=True, text=True)
    m = re.search(r"^documents\s+(\d+)", st.stdout, re.M)
    if m:
        HERALD_DOCS[coll] = int(m.group(1))
    batch = os.path.join(cdir, "batch.herald.txt")
    with open(batch, "w", encoding="utf-8") as f:
        for q, toks in topics:
            f.write(engine_query("herald", toks) + "\n")
    outp = os.path.join(cdir, "herald.batch.jsonl")
    rc, err = sh([herald, "search", "--index", idx, "--batch", batch, "--json", "-n", str(depth),
                  "--no-snippets"], out=outp)
    if rc > 1:  # 1 = some batch query failed; its line carries "error" and counts as no hits
        return None, f"not available: herald search failed: {err.strip()[-200:]}"
    objs = []
    with open(outp, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                objs.append(json.loads(line))
    if len(objs) != len(topics):
        return None, f"herald printed {len(objs)} results for {len(topics)} queries"
    run = {}
    with open(runf, "w") as f:
        for (q, _), o in zip(topics, objs):
            seen = {}
            for d, s in herald_hits(o):
                if d not in seen:
                    seen[d] = s
            run[q] = seen
            for r, (d, s) in enumerate(sorted(seen.items(), key=lambda x: -x[1]), 1):
                f.write(f"{q} Q0 {d} {r} {s:.6f} herald\n")
    return run, "ok"


def find_herald(arg):
    for p in (arg, os.path.join(ROOT, "build-bench", "herald"),
              os.path.join(ROOT, "build-bench", "src", "cli", "herald"), shutil.which("herald")):
        if p and os.path.isfile(p) and os.access(p, os.X_OK):
            return p
    return None


def herald_ready(herald):
    if not herald:
        return "not available: herald binary not built (make -C bench herald)"
    for cmd, need in (("index", None), ("search", "--batch")):
        r = subprocess.run([herald, cmd, "--help"], capture_output=True, text=True)
        if r.returncode != 0 or (need and need not in r.stdout + r.stderr):
            return f"not available: no 'herald {cmd}{' ' + need if need else ''}' yet"
    return None


def selftest():
    """Hand-computed cases for the measures (run: ireval.py selftest)."""
    def close(x, y):
        return abs(x - y) < 1e-4
    q = {"a": 1, "b": 1, "c": 0}
    ap, nd, p10 = measures(q, ranked({"a": 3.0, "x": 2.0, "b": 1.0}, 1000))
    assert close(ap, (1 + 2 / 3) / 2) and close(p10, 0.2), (ap, p10)
    assert close(nd, 1.5 / (1 + 1 / math.log2(3))), nd
    # ties: score desc, then docno desc (strcmp), as trec_eval
    assert ranked({"a": 1.0, "b": 1.0, "c": 2.0}, 1000) == ["c", "b", "a"]
    assert ranked({"10": 1.0, "9": 1.0}, 1000) == ["9", "10"]
    # graded gain (Cranfield): DCG uses the grade, the ideal ordering all judged grades
    ap, nd, p10 = measures({"a": 4, "b": 1}, ["b", "a"])
    assert close(nd, (1 + 4 / math.log2(3)) / (4 + 1 / math.log2(3))) and close(ap, 1.0), (nd, ap)
    # -c: a judged query with no results scores 0 and still counts; unjudged queries are skipped
    n, m = evaluate({"1": {"a": 1}, "2": {"b": 1}, "3": {"c": 0}}, {"1": {"a": 1.0}, "9": {"z": 1.0}})
    assert n == 2 and close(m[0], 0.5) and close(m[2], 0.05), (n, m)
    # depth cut
    assert measures({"z": 1}, ranked({"y": 2.0, "z": 1.0}, 1))[0] == 0.0
    print("ireval: selftest passed")


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "selftest":
        selftest()
        return
    if len(sys.argv) == 4 and sys.argv[1] == "score":
        n, (m, nd, p) = evaluate(read_qrels(sys.argv[2]), read_run(sys.argv[3]))
        print(f"queries {n}  MAP {m:.4f}  nDCG@10 {nd:.4f}  P@10 {p:.4f}")
        return
    ap = argparse.ArgumentParser(description="MAP / nDCG@10 / P@10 for herald, Xapian and FTS5")
    ap.add_argument("--collections", default=",".join(COLLECTIONS))
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--herald")
    ap.add_argument("--data", default=os.environ.get("IR_DATA"))
    ap.add_argument("--depth", type=int, default=1000)
    ap.add_argument("--herald-index-opts", default="",
                    help='extra options for `herald index`, e.g. "--no-statements"')
    a = ap.parse_args()
    data = a.data
    if not data:
        for p in (os.path.join(ROOT, "..", "shared", "data", "ir-collections"),
                  "/work/shared/data/ir-collections"):
            if os.path.isdir(p):
                data = p
                break
    if not data or not os.path.isdir(data):
        die("IR collections not found; use --data DIR or IR_DATA")
    colls = a.collections.split(",")
    engines = a.engines.split(",")
    for e in engines:
        if e not in ENGINES:
            die(f"unknown engine {e}")
    if any(e in ("xapian", "fts5") for e in engines):
        r = subprocess.run(["make", "-s", "-C", HERE, "drivers", "BUILD=" + BUILD], stdout=sys.stderr)
        if r.returncode:
            die("could not build the peer drivers (make -C bench drivers)")
    herald = find_herald(a.herald)
    herald_status = herald_ready(herald) if "herald" in engines else None

    t0 = time.time()
    results = []
    for coll in colls:
        docs, queries, qrels = load(coll, data)
        cdir = os.path.join(WORK, coll)
        os.makedirs(cdir, exist_ok=True)
        docids = set()
        nwritten = 0
        with open(os.path.join(cdir, "docs.jsonl"), "w", encoding="utf-8") as f:
            for did, title, text in docs:
                if did in docids:
                    die(f"{coll}: duplicate document id {did}")
                docids.add(did)
                if not title and not text:
                    continue
                f.write(json.dumps({"id": did, "url": f"{coll}:{did}", "source": coll,
                                    "title": title, "text": text}, ensure_ascii=False) + "\n")
                nwritten += 1
        judged = {q: r for q, r in qrels.items() if any(g > 0 for g in r.values())}
        missing = sorted({d for r in judged.values() for d in r} - docids, key=int)
        if missing:
            print(f"ireval: {coll}: judged documents not in the collection: {missing[:10]}", file=sys.stderr)
        with open(os.path.join(cdir, "qrels"), "w") as f:
            for q in sorted(judged, key=int):
                for d in sorted(judged[q], key=int):
                    f.write(f"{q} 0 {d} {judged[q][d]}\n")
        topics = [(q, tokens(t)) for q, t in queries]
        topics = [(q, t) for q, t in topics if t]
        with open(os.path.join(cdir, "topics.tsv"), "w", encoding="utf-8") as f:
            for q, toks in topics:
                f.write(q + "\t" + " ".join(toks) + "\n")
        for e in engines:
            if e == "herald" and herald_status:
                results.append((coll, nwritten, e, None, None, herald_status))
                continue
            t1 = time.time()
            run, status = run_engine(e, coll, cdir, topics, a.depth, herald, a.herald_index_opts.split())
            if run is None:
                results.append((coll, nwritten, e, None, None, status))
                continue
            nq, m = evaluate(judged, run, a.depth)
            ndocs = nwritten
            if e == "herald":
                ndocs = HERALD_DOCS.get(coll, ndocs)
                if a.herald_index_opts:
                    e = f"herald (index {a.herald_index_opts})"
            results.append((coll, ndocs, e, nq, m, "ok"))
            print(f"ireval: {coll} {e}: {nq} queries, MAP {m[0]:.4f} nDCG@10 {m[1]:.4f} P@10 {m[2]:.4f} "
                  f"({time.time() - t1:.1f} s)", file=sys.stderr)
            shutil.rmtree(os.path.join(cdir, "idx-" + e), ignore_errors=True)

    out = ["## Retrieval effectiveness (shared queries)", ""]
    for coll in colls:
        rows = [r for r in results if r[0] == coll]
        out += [f"### {coll}", "", "| engine | docs indexed | queries | MAP | nDCG@10 | P@10 |",
                "|---|---:|---:|---:|---:|---:|"]
        for _, nd, e, nq, m, st in rows:
            if m is None:
                out.append(f"| {e} | {nd} | - | {st} | | |")
            else:
                out.append(f"| {e} | {nd} | {nq} | {m[0]:.4f} | {m[1]:.4f} | {m[2]:.4f} |")
        h = next((r for r in rows if r[2].startswith("herald") and r[4]), None)
        peers = [r for r in rows if not r[2].startswith("herald") and r[4]]
        if h and peers:
            verdict = []
            for i, name in enumerate(("MAP", "nDCG@10", "P@10")):
                best = max(p[4][i] for p in peers)
                verdict.append(f"{name} {'>=' if h[4][i] >= best - 1e-12 else '<'} best peer "
                               f"({h[4][i]:.4f} vs {best:.4f})")
            out += ["", "herald: " + "; ".join(verdict)]
        out.append("")
    out.append(f"Generated by bench/ireval.py in {time.time() - t0:.0f} s; files in {WORK}.")
    text = "\n".join(out) + "\n"
    with open(os.path.join(WORK, "RESULT.md"), "w") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
