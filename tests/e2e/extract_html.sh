#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# extract_html.sh — `herald extract --json` on the article-extraction benchmark's pages
# (../shared/data/article-extraction-benchmark/html/*.html.gz: gzip, then HTML from 120 sites),
# scored with ../shared/tools/score_html.py against the gold article bodies (word 4-gram
# precision and recall averaged over pages). Dev-set floors: precision, recall and F1 >= 0.95
# (measured 0.963 / 0.982 / 0.973 when written). Also: one article or more per page, dates read
# from the metadata (checked against the date in the gold URL where it has one: 26 of 27 when
# written; the page's own canonical URL is herald's last resort, after <meta>, JSON-LD and
# <time>), one article per page (the structure chose one story: subheadings do not split it),
# an HTML page on stdin, and damaged gzip named with a non-zero exit.
#
# usage: bash extract_html.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

BENCH=$DATA/article-extraction-benchmark
SCORE_HTML=${HERALD_SCORE_HTML:-$DATA/../tools/score_html.py}

run bench extract --json "$BENCH/html"
expect_rc bench 0
expect_diag_format bench
check "bench: JSON schema" $CHECK schema "$TMP/bench.out" --min 120 --unique-ids

python3 "$SCORE_HTML" "$BENCH" "$TMP/bench.out" >"$TMP/score.txt" 2>&1 || true
cat "$TMP/score.txt"
check "bench: precision, recall and F1 >= 0.95" python3 - "$TMP/score.txt" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
m = re.search(r"precision=([0-9.]+) recall=([0-9.]+) f1=([0-9.]+)", s)
sys.exit(0 if m and all(float(v) >= 0.95 for v in m.groups()) else 1)
PY

check "bench: one article per page; dates agree with the URLs that carry one" \
    python3 - "$TMP/bench.out" "$BENCH/ground-truth.json" <<'PY'
import json, re, sys
gold = json.load(open(sys.argv[2]))
pages, agree, dated_urls, n = {}, 0, 0, 0
for line in open(sys.argv[1]):
    a = json.loads(line)
    pid = re.search(r"[0-9a-f]{64}", a["source"]).group(0)
    pages.setdefault(pid, a)
    n += 1
missing = [p for p in gold if p not in pages] + (["(pages split)"] if n != len(pages) else [])
for pid, g in gold.items():
    m = re.search(r"/(20[0-9]{2})/([01][0-9])/([0-3][0-9])/", g["url"])
    if not m or pid not in pages:
        continue
    dated_urls += 1
    agree += pages[pid]["date"] == "-".join(m.groups())
print(f"  {len(pages)} of {len(gold)} pages; {agree} of {dated_urls} URL dates matched")
sys.exit(0 if not missing and dated_urls >= 20 and agree >= 0.9 * dated_urls else 1)
PY

# The same page on stdin (not compressed) gives the same body as from its file.
pages=("$BENCH"/html/*.html.gz)
first=$(basename "${pages[0]}")
gzip -dc "$BENCH/html/$first" >"$TMP/page.html"
RUN_STDIN="$TMP/page.html" run stdin extract --json -
expect_rc stdin 0
check "stdin: same body as the file" python3 - "$TMP/stdin.out" "$TMP/bench.out" "${first%%.*}" <<'PY'
import json, sys
a = [json.loads(l)["body"] for l in open(sys.argv[1])]
b = [json.loads(l)["body"] for l in open(sys.argv[2]) if sys.argv[3] in l]
sys.exit(0 if a and a == b else 1)
PY

# Damaged gzip: named, skipped, exit 1; the good page beside it is still read.
head -c 2000 "$BENCH/html/$first" >"$TMP/cut.html.gz"
run cut extract --json "$TMP/cut.html.gz" "$TMP/page.html"
expect_rc cut 1
expect_stderr cut "^herald: .*cut\.html\.gz: damaged gzip data" "names the file and the damage"
check "cut: the good page is still read" test "$(wc -l <"$TMP/cut.out")" -ge 1

# A page nested 100,000 deep: read to 2,048 levels, the rest named in a warning, no crash.
python3 -c "print('<html><body><p>At the top, the story opens with a sentence of its own.</p>' + '<div>' * 100000 + 'deep' + '</div>' * 100000 + '</body></html>')" >"$TMP/deep.html"
run deep extract --json "$TMP/deep.html"
expect_rc deep 0
expect_stderr deep "^herald: .*deep\.html: warning: HTML elements nested over 2048 deep" "names the page"
check "deep: the text above the cut is read" grep -q "At the top, the story opens" "$TMP/deep.out"

finish
