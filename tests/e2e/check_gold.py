#!/usr/bin/env python3
"""Check that samples/gold.json agrees with the sample pages it annotates (stdlib only).

usage: check_gold.py SAMPLES_DIR [IDEAL_OUT.jsonl]

Pages are SAMPLES_DIR/<page> for plain-text pages and, for JSON Lines records, the record of
SAMPLES_DIR/*.jsonl whose "source" is <page>. Checks: every title is a line of its page (for
plain pages); every starts/ends/keeps/keep_lines string and statement quote occurs in the
page; every boilerplate string is a whole line of the page and does not occur inside any
gold article span (the lines from its starts line to its ends line). With IDEAL_OUT, writes
the "ideal" extraction (each span minus blank lines, as herald --json would print it), which
score_extract.py must score 1.00 on every extraction metric: proof that a perfect extractor
can pass the samples test.
"""
import glob
import json
import os
import re
import sys
import unicodedata


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = s.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                                   "\u2026": "..."}))
    return re.sub(r"\s+", " ", s).strip().lower()


def main(argv):
    d = argv[0]
    gold = json.load(open(os.path.join(d, "gold.json"), encoding="utf-8"))
    records = {}
    for f in sorted(glob.glob(os.path.join(d, "*.jsonl"))):
        for line in open(f, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                records[r["source"]] = r
    bad = []
    ideal = []
    for p in gold:
        path = os.path.join(d, p["page"])
        if os.path.exists(path):
            text, plain = open(path, encoding="utf-8").read(), True
        elif p["page"] in records:
            text, plain = records[p["page"]]["text"], False
        else:
            bad.append("%s: no such page or JSONL source" % p["page"])
            continue
        lines = text.splitlines()
        nlines = [norm(l) for l in lines]
        ntext = norm(text)
        bp = {norm(b) for b in p["boilerplate"]}
        for b in p["boilerplate"]:
            if norm(b) not in nlines:
                bad.append("%s: boilerplate %r is not a line of the page" % (p["page"], b[:50]))
        for q in p["statements"]:
            if norm(q["quote"]) not in ntext:
                bad.append("%s: statement quote %r not in page" % (p["page"], q["quote"][:50]))
        for i, a in enumerate(p["articles"]):
            for k in [a["ends"]] + ([a["starts"]] if a.get("starts") else []) + a["keeps"] + \
                    a.get("keep_lines", []):
                if norm(k) not in ntext:
                    bad.append("%s: %r not in page" % (p["page"], k[:50]))
            if plain and norm(a["title"]) not in nlines:
                bad.append("%s: title %r is not a line of the page" % (p["page"], a["title"][:50]))
            try:
                s = next(j for j, l in enumerate(nlines) if a.get("starts") and norm(a["starts"]) in l)
                e = next(j for j, l in enumerate(nlines) if norm(a["ends"]) in l)
            except StopIteration:
                bad.append("%s: article %d: starts/ends line not found" % (p["page"], i))
                continue
            span = [l.strip() for l in lines[s:e + 1] if l.strip()]
            for l in span:
                if norm(l) in bp or any(norm(l) == norm(x["title"]) for x in p["articles"]):
                    bad.append("%s: boilerplate/title line inside article %d: %r" % (p["page"], i, l[:50]))
            ideal.append({"id": "%s#%d" % (p["page"], i), "source": p["page"], "url": None,
                          "seq": i, "title": a["title"], "date": a.get("date"),
                          "body": "\n".join(re.sub(r"\s+", " ", l) for l in span),
                          "statements": []})
    if len(argv) > 1:
        with open(argv[1], "w", encoding="utf-8") as f:
            for a in ideal:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
    for b in bad:
        print("  gold: " + b)
    print("check_gold: %d pages, %d articles, %d problems" % (len(gold), len(ideal), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
