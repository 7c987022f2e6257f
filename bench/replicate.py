#!/usr/bin/env python3
"""Make an Nx replica of a herald JSONL corpus, with fresh ids.

usage: replicate.py IN.jsonl OUT.jsonl N

Writes N copies of IN one after the other.  Every record gets a fresh sequential id
("1" .. str(N * records)) and its url gets the suffix "#copy<k>" (k = 0 .. N-1) so url and
id stay unique; every other field is copied unchanged.

This is a REPLICA, not a bigger corpus: every term's document frequency is exactly N
times the original and the vocabulary does not grow, so it measures throughput and
latency at N times the posting-list length, not dictionary growth.  Copies tie in
ranking, so top-k agreement between engines is meaningless on it.
Python 3 stdlib only.
"""
import json
import os
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, dst, n = sys.argv[1], sys.argv[2], sys.argv[3]
    try:
        n = int(n)
        if n < 1:
            raise ValueError
    except ValueError:
        sys.exit(f"replicate: N must be a positive integer, not {sys.argv[3]!r}")
    with open(src, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f if line.strip()]
    if not recs:
        sys.exit(f"replicate: {src} holds no records")
    tmp = dst + ".tmp"
    nid = 0
    with open(tmp, "w", encoding="utf-8") as out:
        for k in range(n):
            for r in recs:
                nid += 1
                r2 = dict(r)
                r2["id"] = str(nid)
                if "url" in r2:
                    r2["url"] = f"{r['url']}#copy{k}"
                out.write(json.dumps(r2, ensure_ascii=False) + "\n")
    os.replace(tmp, dst)
    print(f"replicate: {len(recs)} records x {n} = {nid} records -> {dst} (a replica)", file=sys.stderr)


if __name__ == "__main__":
    main()
