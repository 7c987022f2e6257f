#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# search_basic.sh — herald search on real pages: the seed pages ("Supreme Leader" finds the
# Khamenei articles with highlighted snippets) and BBC business news (phrase vs words, AND,
# NOT, fields, dates, --sort date, paging, --no-snippets, --batch with took_ms), exit codes and
# query errors with their column.
#
# usage: bash search_basic.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

IX=$TMP/ix
# json_check NAME PYTHON-EXPR — evaluate EXPR with `r` = the parsed JSON of $TMP/NAME.out
# (one object) or `rs` = the list of objects (one per line).
json_check()
{
    local name=$1 expr=$2 why=$3
    N_CHECK=$((N_CHECK + 1))
    if ! python3 - "$TMP/$name.out" "$expr" <<'PY'
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
r = rs[0] if rs else None
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
    then
        fail "$name: $why"
        head -c 1500 "$TMP/$name.out" | sed 's/^/    /' >&2
    fi
}

run help search --help
expect_rc help 0
check "help lists the syntax" grep -q 'date:2022-01-01..2022-12-31' "$TMP/help.out"
run noquery search --index "$IX"
expect_rc noquery 2
run noindex search --index "$TMP/none" iran
expect_rc noindex 1
expect_diag_format noindex

run index index --index "$IX" "$DATA/seed-pages"
expect_rc index 0

# The Khamenei articles, phrase highlighted as one run.
run leader search --index "$IX" --json '"Supreme Leader"'
expect_rc leader 0
json_check leader 'r["total"] >= 2 and r["total_exact"] and len(r["hits"]) == r["total"]' \
    "two or more hits, exact count"
json_check leader 'all("<b>Supreme Leader</b>" in h["snippet"] for h in r["hits"])' \
    "every snippet highlights the phrase"
json_check leader 'all("Khamenei" in h["snippet"] or "Khamenei" in h["title"] or "Supreme Leader" in h["title"] for h in r["hits"])' \
    "the hits are the Khamenei articles"
json_check leader 'isinstance(r["took_ms"], float) and r["took_ms"] >= 0' "took_ms is a number"
json_check leader 'all(set(h) >= {"id","score","title","date","source","url","snippet"} for h in r["hits"])' \
    "rows carry id, score, title, date, source, url, snippet"

# --sort date: newest first, undated last.
run bydate search --index "$IX" --json --sort date -n 50 'iran OR said OR the'
expect_rc bydate 0
json_check bydate 'len(r["hits"]) >= 2 and [h["date"] or "" for h in r["hits"]] == sorted([h["date"] or "" for h in r["hits"]], reverse=True)' \
    "--sort date orders newest first"

# Text output: numbered rows and a hit count line.
run leadertxt search --index "$IX" '"Supreme Leader"'
expect_rc leadertxt 0
check "text output numbers rows" grep -q '^1\. ' "$TMP/leadertxt.out"
check "text output marks matches" grep -q '\*\*Supreme Leader\*\*' "$TMP/leadertxt.out"
check "text output ends with the count" grep -Eq '^[0-9]+ hits?, [0-9.]+ ms' "$TMP/leadertxt.out"

# Malformed and absurd queries: exit 2 with the column.
run paren search --index "$IX" '(iran talks'
expect_rc paren 2
expect_stderr paren 'unbalanced parenthesis at column 1' "error names the column"
expect_diag_format paren
run quote search --index "$IX" 'iran "talks'
expect_rc quote 2
expect_stderr quote 'unterminated quote at column 6' "error names the column"
run huge search --index "$IX" "$(printf 'word%.0s ' $(seq 1 300))"
expect_rc huge 2
expect_stderr huge 'more than 256 terms' "too many terms is refused"
run deep search --index "$IX" "$(printf '(%.0s' $(seq 1 100))x"
expect_rc deep 2
expect_stderr deep 'deeper than' "deep nesting is refused"
run badsort search --index "$IX" --sort size iran
expect_rc badsort 2
run empty search --index "$IX" ''
expect_rc empty 2
expect_stderr empty 'empty query' "an empty query is refused"
run badutf8 search --index "$IX" --json "$(printf 'iran \xff\xfe talks \xc3')"
expect_rc badutf8 0
json_check badutf8 'r["total"] >= 1' "invalid UTF-8 bytes act as separators"
run binary search --index "$IX" --json "$(head -c 300 /bin/ls | tr -d '\000')"
check "binary garbage as a query: no crash (exit 0 or 2)" grep -Eq '^(0|2)$' "$TMP/binary.rc"
expect_diag_format binary
python3 -c 'print("iran " * 200000)' >"$TMP/longline"
run longline search --index "$IX" --batch "$TMP/longline"
expect_rc longline 1
json_check longline 'rs[0]["error"]["code"] == "HD_ELIMIT"' "a 1 MB query line is refused"

# BBC business: phrase vs words, AND, NOT, fields, dates and sorting.
BX=$TMP/bx
run bbc index --index "$BX" "$DATA/bbc-news/business"
expect_rc bbc 0
run tw search --index "$BX" --json -n 5 '"Time Warner"'
expect_rc tw 0
json_check tw 'r["hits"][0]["title"] == "Ad sales boost Time Warner profit"' "top hit for the phrase"
json_check tw 'all("<b>Time Warner</b>" in h["snippet"] or "Time Warner" in h["title"] for h in r["hits"])' \
    "phrase hits contain the phrase"
run twor search --index "$BX" --json -n 5 'Time Warner'
expect_rc twor 0
run twphrase search --index "$BX" --json -n 1000 '"Time Warner"'
json_check twor 'r["total"] > 0' "words match"
n_phrase=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/twphrase.out")
json_check twor "r['total'] > $n_phrase" "words match more docs than the phrase"

run and search --index "$BX" --json -n 100 --no-snippets 'oil AND prices'
run or search --index "$BX" --json -n 100 --no-snippets 'oil OR prices'
run not search --index "$BX" --json -n 100 --no-snippets 'oil -prices'
expect_rc and 0
json_check and 'r["total"] > 0 and all(set(h) == {"id","score","title"} for h in r["hits"])' \
    "--no-snippets gives id, score and title only"
n_and=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/and.out")
n_not=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/not.out")
json_check or "r['total'] >= $n_and + $n_not and r['total'] > $n_and" "OR matches more than AND"
run title search --index "$BX" --json -n 100 'title:oil'
json_check title 'r["total"] > 0 and all("oil" in h["title"].lower() for h in r["hits"])' \
    "title: restricts to titles"

run page1 search --index "$BX" --json -n 4 --no-snippets 'growth economy'
run page2 search --index "$BX" --json -n 2 --offset 2 --no-snippets 'growth economy'
N_CHECK=$((N_CHECK + 1))
python3 - "$TMP/page1.out" "$TMP/page2.out" <<'PY' || fail "--offset pages through the same ranking"
import json, sys
a = json.load(open(sys.argv[1]))["hits"]; b = json.load(open(sys.argv[2]))["hits"]
sys.exit(0 if [h["id"] for h in a[2:4]] == [h["id"] for h in b] else 1)
PY

# Batch: one JSON object per line, took_ms each, errors as objects, exit 1 on an error.
printf '%s\n' 'oil prices' '"Time Warner"' '' 'bad (query' 'economy' >"$TMP/queries"
run batch search --index "$BX" --batch "$TMP/queries" --no-snippets
expect_rc batch 1
json_check batch 'len(rs) == 4 and all("took_ms" in x for x in rs if "error" not in x)' \
    "one object per non-empty line with took_ms"
json_check batch 'rs[2]["error"]["code"] == "HD_EQUERY" and "column 5" in rs[2]["error"]["message"]' \
    "a bad line gives an error object"

finish
