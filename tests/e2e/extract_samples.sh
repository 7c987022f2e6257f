#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# extract_samples.sh — `herald extract` on the project's own sample pages (samples/), scored
# against samples/gold.json with ../shared/tools/score_extract.py. Requires perfect
# article_f1, title_acc, date_acc, boilerplate_removed and content_kept; also checks the JSON
# schema, that every gold title and date (null included) comes out for the right article,
# that subheadings and short quote paragraphs survive as lines of their own ("keep_lines"),
# the plain-text output, and the JSONL-only behaviour (JSONL title/date win, missing text).
#
# usage: bash extract_samples.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

S=$SRC_ROOT/samples
PAGES=("$S"/*.txt "$S"/feed.jsonl)

# First the annotation itself: gold.json must agree with the pages, and the ideal extraction
# it implies must score 1.00 (so a failure below is herald's, not the gold's).
check "samples: gold.json consistent with the pages" python3 "$E2E_DIR/check_gold.py" "$S" "$TMP/ideal.jsonl"
python3 "$SCORE" "$S/gold.json" "$TMP/ideal.jsonl" >"$TMP/ideal_score.txt" 2>&1 || true
check "samples: ideal extraction scores 1.00" grep -Eq \
    'article_f1=1.00 title_acc=1.00 date_acc=1.00 boilerplate_removed=1.00 content_kept=1.00' \
    "$TMP/ideal_score.txt"

# The whole directory, as `make demo` does: samples/gold.json sits next to the pages and is
# not a page (a pretty-printed JSON document): it may be skipped with a warning, no failure.
run samples extract --json "$S"
expect_rc samples 0
expect_diag_format samples
check "samples: JSON schema" $CHECK schema "$TMP/samples.out" --min 19 --unique-ids

# Score with the shared scorer; statements are not required yet (statements issue).
python3 "$SCORE" "$S/gold.json" "$TMP/samples.out" >"$TMP/score.txt" 2>&1 || true
# Statements are the statements issue's job: show only the extraction misses.
grep -v -e "^miss: .*statement " -e "^miss: .* attributed to " "$TMP/score.txt" || true
for metric in article_f1 title_acc date_acc boilerplate_removed content_kept; do
    if ! grep -Eq "(^| )$metric=1\.00( |$)" "$TMP/score.txt"; then
        fail "samples: $metric is not 1.00: $(grep -Eo "$metric=[0-9.]+" "$TMP/score.txt" || echo '(no score)')"
    else
        ok "samples: $metric=1.00"
    fi
done

# Titles, dates (null when the page gives none) and keep_lines, per gold article, in order.
check "samples: titles, dates and kept lines per article" python3 - "$S/gold.json" "$TMP/samples.out" <<'PY'
import json, os, re, sys, unicodedata
def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = s.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))
    return re.sub(r"\s+", " ", s).strip().lower()
gold = json.load(open(sys.argv[1]))
arts = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
by_page = {}
for a in arts:
    by_page.setdefault(os.path.basename(a.get("source") or ""), []).append(a)
bad = 0
for p in gold:
    got = by_page.get(p["page"], [])
    if len(got) != len(p["articles"]):
        print("  %s: %d articles, want %d (titles %r)" % (p["page"], len(got), len(p["articles"]),
              [a.get("title") for a in got]))
        bad += 1
    for i, g in enumerate(p["articles"]):
        hit = [a for a in got if norm(g["ends"]) in norm(a.get("body"))]
        if not hit:
            print("  %s: no article ends with %r" % (p["page"], g["ends"][:40]))
            bad += 1
            continue
        a = hit[0]
        if a.get("seq") != i:
            print("  %s: article %d has seq %r" % (p["page"], i, a.get("seq")))
            bad += 1
        if a.get("title") != g["title"] and norm(a.get("title")) != norm(g["title"]):
            print("  %s: title %r, want %r" % (p["page"], a.get("title"), g["title"]))
            bad += 1
        if a.get("date") != g["date"]:
            print("  %s: article %d date %r, want %r" % (p["page"], i, a.get("date"), g["date"]))
            bad += 1
        lines = [norm(l) for l in (a.get("body") or "").split("\n")]
        for k in g.get("keep_lines", []):
            if norm(k) not in lines:
                print("  %s: %r is not a body line of its own" % (p["page"], k))
                bad += 1
sys.exit(1 if bad else 0)
PY

# JSONL records keep their ids and urls.
check "samples: JSONL ids and urls kept" python3 - "$S/feed.jsonl" "$TMP/samples.out" <<'PY'
import json, sys
want = {r["id"]: r for r in map(json.loads, open(sys.argv[1]))}
got = {a["id"]: a for a in map(json.loads, open(sys.argv[2])) if a.get("id") in want}
bad = [i for i in want if i not in got or got[i].get("url") != want[i]["url"]
       or got[i].get("source") != want[i]["source"]]
for i in bad:
    print("  JSONL record %s: article %r" % (i, {k: got.get(i, {}).get(k) for k in ("id", "url", "source")}))
sys.exit(1 if bad else 0)
PY

# Default (text) output: exit 0, holds every title, no JSON.
run samples_text extract "${PAGES[@]}"
expect_rc samples_text 0
check "samples: text output names every gold title" python3 - "$S/gold.json" "$TMP/samples_text.out" <<'PY'
import json, sys
out = open(sys.argv[2], encoding="utf-8").read()
miss = [a["title"] for p in json.load(open(sys.argv[1])) for a in p["articles"] if a["title"] not in out]
for t in miss:
    print("  title missing from text output: %r" % t)
sys.exit(1 if miss or out.lstrip().startswith("{") else 0)
PY

# Same pages given as a directory copy: same articles, in sorted path order.
mkdir -p "$TMP/dir/b" "$TMP/dir/a"
cp "$S/03_wire_cable_fault.txt" "$TMP/dir/b/"
cp "$S/07_cup_final.txt" "$TMP/dir/a/"
cp "$S/01_port_strike_and_floods.txt" "$TMP/dir/"
run samples_dir extract --json "$TMP/dir"
expect_rc samples_dir 0
check "samples: directory read recursively in sorted order" python3 - "$TMP/samples_dir.out" <<'PY'
import json, os, sys
src = [json.loads(l)["source"] for l in open(sys.argv[1]) if l.strip()]
names = []
for s in src:
    n = os.path.basename(s)
    if not names or names[-1] != n:
        names.append(n)
want = ["01_port_strike_and_floods.txt", "07_cup_final.txt", "03_wire_cable_fault.txt"]
if names != want:
    print("  page order %r, want %r (sorted paths: dir/01..., dir/a/07..., dir/b/03...)" % (names, want))
sys.exit(0 if names == want else 1)
PY

finish
