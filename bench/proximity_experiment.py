#!/usr/bin/env python3
"""What term proximity would add to herald's ranking, measured on herald's own runs.

usage: proximity_experiment.py [--lambdas 0,0.25,0.5] [--top 100] [--window 5]
                               [--collections time,cran,cisi,med,cacm,npl]

Reads what `bench/ireval.py --engines herald` leaves in $WORK/ireval/<coll>/ (WORK defaults
to /tmp/herald-bench): docs.jsonl, topics.tsv, qrels and herald.run. For each topic, herald's
top TOP documents are rescored with

    score + lambda * sum over pairs of distinct query terms of
            min(idf_a, idf_b) * 2.2 * acc / (K + acc)

where acc = sum of 1 / d^2 over the pairs of occurrences at most WINDOW words apart and
K = 1.2 * (0.25 + 0.75 * doclen / avgdoclen) (BM25TP, Rasolofo & Savoy, ECIR 2003). Tokens:
lower-cased runs of letters and digits, stemmed with libstemmer's English stemmer (through
ctypes: Debian's libstemmer0d), query stop words from src/search/stopwords.c — with lambda 0
the measures equal herald's own (a check that the tokens match). Prints MAP / nDCG@10 / P@10
per collection and lambda, with ireval.py's trec_eval definitions. An experiment, not a
feature: herald does not rank by proximity (bench/RESULTS.md, session 8).
"""
import argparse
import collections
import ctypes
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ireval  # noqa: E402  (trec_eval measures and run/qrels readers)

TOK = re.compile(r"[a-z0-9]+")


class Stemmer:
    def __init__(self):
        lib = ctypes.CDLL("libstemmer.so.0d")
        lib.sb_stemmer_new.restype = ctypes.c_void_p
        lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.sb_stemmer_stem.restype = ctypes.POINTER(ctypes.c_ubyte)
        lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.st = lib.sb_stemmer_new(b"english", b"UTF_8")
        if not self.st:
            sys.exit("proximity_experiment.py: libstemmer has no English stemmer")
        self.cache = {}

    def __call__(self, w):
        r = self.cache.get(w)
        if r is None:
            b = w.encode()
            p = self.lib.sb_stemmer_stem(self.st, b, len(b))
            r = self.cache[w] = bytes(p[: self.lib.sb_stemmer_length(self.st)]).decode()
        return r


def stop_words():
    src = open(os.path.join(HERE, "..", "src", "search", "stopwords.c")).read()
    eng = src[src.index("english[]"):]
    return set(re.findall(r'"([a-z]+)"', eng[: eng.index("};")]))


def load(cdir, stem, stop):
    docs = {}
    for line in open(os.path.join(cdir, "docs.jsonl")):
        a = json.loads(line)
        text = (a.get("title") or "") + " \n " + (a.get("text") or "")
        docs[a["id"]] = [stem(w) for w in TOK.findall(text.lower())]
    topics = {}
    for line in open(os.path.join(cdir, "topics.tsv")):
        q, t = line.rstrip("\n").split("\t", 1)
        q = str(int(q)) if q.isdigit() else q
        topics[q] = [stem(w) for w in TOK.findall(t.lower()) if w not in stop]
    return docs, topics


def proximity(dt, qt, window, idf, k):
    pos = collections.defaultdict(list)
    qs = set(qt)
    for i, w in enumerate(dt):
        if w in qs:
            pos[w].append(i)
    terms = sorted(t for t in qs if t in pos)
    s = 0.0
    for a in range(len(terms)):
        for b in range(a + 1, len(terms)):
            acc = 0.0
            for x in pos[terms[a]]:
                for y in pos[terms[b]]:
                    d = abs(x - y)
                    if d <= window:
                        acc += 1.0 / (d * d)
            if acc:
                s += min(idf[terms[a]], idf[terms[b]]) * 2.2 * acc / (k + acc)
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lambdas", default="0,0.25,0.5")
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--collections", default="time,cran,cisi,med,cacm,npl")
    args = ap.parse_args()
    work = os.path.join(os.environ.get("WORK", "/tmp/herald-bench"), "ireval")
    stem, stop = Stemmer(), stop_words()
    data = {}
    for c in args.collections.split(","):
        cdir = os.path.join(work, c)
        if not os.path.exists(os.path.join(cdir, "herald.run")):
            sys.exit(f"proximity_experiment.py: {cdir}/herald.run missing; run "
                     "bench/ireval.py --engines herald first")
        docs, topics = load(cdir, stem, stop)
        df = collections.Counter()
        for t in docs.values():
            df.update(set(t))
        avg = sum(len(t) for t in docs.values()) / max(1, len(docs))
        data[c] = (docs, topics, df, avg, ireval.read_run(os.path.join(cdir, "herald.run")),
                   ireval.read_qrels(os.path.join(cdir, "qrels")))
    for lam in (float(x) for x in args.lambdas.split(",")):
        cells = []
        for c, (docs, topics, df, avg, run, qrels) in data.items():
            n = len(docs)
            rerun = {}
            for q, r in run.items():
                items = sorted(r.items(), key=lambda x: (x[1], x[0]), reverse=True)
                qt = topics.get(q, [])
                idf = {t: math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5)) for t in qt}
                out = {}
                for i, (d, s) in enumerate(items):
                    if i < args.top and lam and qt:
                        dt = docs.get(d, [])
                        k = 1.2 * (0.25 + 0.75 * len(dt) / avg)
                        s += lam * proximity(dt, qt, args.window, idf, k)
                    out[d] = s
                rerun[q] = out
            _, m = ireval.evaluate(qrels, rerun)
            cells.append(f"{c} {m[0]:.4f}/{m[1]:.4f}/{m[2]:.4f}")
        print(f"lambda={lam:g}  " + "  ".join(cells))


if __name__ == "__main__":
    main()
