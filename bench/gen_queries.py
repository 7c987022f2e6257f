#!/usr/bin/env python3
"""Generate benchmark queries from a herald JSONL corpus's titles (seeded, reproducible).

usage: gen_queries.py CORPUS.jsonl OUT.tsv [--seed 42] [--or 1000] [--phrase 100] [--and 100]

Writes a NEUTRAL query file, one query a line:  CLASS<TAB>word word [word]
  or      2 or 3 distinct words of one title: any term, ranked (BM25)
  phrase  2 words adjacent in one title: exact phrase
  and     2 distinct words of one title: both required, ranked
The runner (benchtool.py syntax) turns each line into an engine's syntax:
  herald  a b [c]      a AND b      "a b"
  fts5    a OR b [OR c]  a AND b    "a b"
  xapian  a b [c] (QueryParser, default op OR)   a AND b   "a b"

Words: the title is cut into runs of ASCII letters and digits (as FTS5's unicode61 does);
a usable word is purely alphabetic, at least 3 letters, not in the small stop list below,
lower-cased.  A phrase takes two usable words that are adjacent runs in the title.
Titles are the sorted distinct titles of the corpus, so a corpus and its Nx replica get
the same queries for the same seed.  Use another seed for warm-up queries.
Python 3 stdlib only.
"""
import argparse
import json
import random
import re
import sys

STOP = set("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its itself just
me more most my no nor not now of off on once only or other our out over own same she should
so some such than that the their them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your
says said say new inc corp ltd co plc
""".split())
RUN = re.compile(r"[A-Za-z0-9]+")


def usable(w):
    return w.isalpha() and len(w) >= 3 and w not in STOP


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--or", dest="n_or", type=int, default=1000)
    ap.add_argument("--phrase", type=int, default=100)
    ap.add_argument("--and", dest="n_and", type=int, default=100)
    a = ap.parse_args()

    titles = set()
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                t = json.loads(line).get("title") or ""
                if t:
                    titles.add(t)
    titles = sorted(titles)
    words = []     # per title: usable words (distinct, in order)
    pairs = []     # per title: adjacent usable pairs
    for t in titles:
        runs = [r.lower() for r in RUN.findall(t)]
        ws = list(dict.fromkeys(w for w in runs if usable(w)))
        words.append(ws)
        pairs.append([(x, y) for x, y in zip(runs, runs[1:]) if usable(x) and usable(y) and x != y])
    multi = [ws for ws in words if len(ws) >= 2]
    with_pairs = [p for p in pairs if p]
    if not multi or not with_pairs:
        sys.exit(f"gen_queries: {a.corpus}: not enough title words to make queries")

    rnd = random.Random(a.seed)
    out = []
    for _ in range(a.n_or):
        ws = rnd.choice(multi)
        k = min(len(ws), rnd.choice((2, 3)))
        out.append(("or", rnd.sample(ws, k)))
    for _ in range(a.phrase):
        out.append(("phrase", list(rnd.choice(rnd.choice(with_pairs)))))
    for _ in range(a.n_and):
        out.append(("and", rnd.sample(rnd.choice(multi), 2)))
    with open(a.out, "w", encoding="utf-8") as f:
        for cls, ws in out:
            f.write(cls + "\t" + " ".join(ws) + "\n")
    print(f"gen_queries: {len(out)} queries from {len(titles)} distinct titles (seed {a.seed}) -> {a.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
