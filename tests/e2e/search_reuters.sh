#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# search_reuters.sh — herald search on all of Reuters-21578 (converted by reuters2jsonl.py):
# known queries find the right wire stories with the phrase highlighted, fields and date
# ranges filter, --sort date orders, AND narrows OR, and large result sets report a lower
# bound of their count (dynamic pruning) while small ones are exact.
#
# usage: bash search_reuters.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

# json_check NAME PYTHON-EXPR WHY — EXPR over r (the JSON object of $TMP/NAME.out) or rs
# (all objects, one per line).
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

IX=$TMP/ix
python3 "$E2E_DIR/reuters2jsonl.py" -o "$TMP/reuters.jsonl" "$DATA/reuters21578"
run index index --index "$IX" "$TMP/reuters.jsonl"
expect_rc index 0

run cocoa search --index "$IX" --json -n 5 '"buffer stock" cocoa'
expect_rc cocoa 0
json_check cocoa 'len(r["hits"]) == 5 and all("COCOA" in h["title"] for h in r["hits"])' \
    "the cocoa buffer stock stories come first"
json_check cocoa 'all("<b>buffer stock</b>" in h["snippet"].lower() for h in r["hits"])' \
    "snippets highlight the phrase"
json_check cocoa 'r["total_exact"] and r["total"] > 100' "an exact count for a small set"

run gold search --index "$IX" --json -n 100 --no-snippets 'title:gold date:1987-03-01..1987-03-31'
expect_rc gold 0
json_check gold 'r["total"] > 20 and all("GOLD" in h["title"] for h in r["hits"])' \
    "title: keeps titles with gold"
run golddates search --index "$IX" --json -n 100 'title:gold date:1987-03-01..1987-03-31'
json_check golddates 'all("1987-03-01" <= h["date"] <= "1987-03-31" for h in r["hits"])' \
    "date: keeps March 1987"

run jaguar search --index "$IX" --json -n 3 'jaguar'
json_check jaguar 'r["total"] >= 5 and "JAGUAR" in r["hits"][0]["title"]' "jaguar"

run boj search --index "$IX" --json -n 10 '"Bank of Japan" +intervention'
json_check boj 'len(r["hits"]) == 10 and all("bank of japan" in (h["title"] + h["snippet"]).lower() for h in r["hits"])' \
    "phrase and required word"
json_check boj 'all("<b>of</b>" not in h["snippet"] for h in r["hits"])' \
    "phrase words are not marked alone"

run bydate search --index "$IX" --json -n 30 --sort date --no-snippets 'opec'
json_check bydate 'len(r["hits"]) == 30 and r["total_exact"]' "date sort counts exactly"
run bydate2 search --index "$IX" --json -n 30 --sort date 'opec'
json_check bydate2 '[h["date"] for h in r["hits"]] == sorted([h["date"] for h in r["hits"]], reverse=True)' \
    "--sort date is newest first"

run or search --index "$IX" --json -n 10 --no-snippets 'cocoa OR brazil'
run and search --index "$IX" --json -n 1000 --no-snippets 'cocoa AND brazil'
run cocoa1 search --index "$IX" --json -n 1000 --no-snippets 'cocoa'
n_and=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/and.out")
json_check or "r['total'] > $n_and and $n_and > 0" "AND matches fewer than OR"
ids_and=$TMP/and.ids
python3 -c 'import json,sys; print("\n".join(h["id"] for h in json.load(open(sys.argv[1]))["hits"]))' "$TMP/and.out" >"$ids_and"
json_check cocoa1 "set(open('$ids_and').read().split()) <= {h['id'] for h in r['hits']}" \
    "AND hits are all cocoa hits"

# Common words: thousands of hits, counted as a lower bound once pruning starts.
run common search --index "$IX" --json -n 10 --no-snippets 'oil prices dlrs'
json_check common 'r["total"] >= 1000 and r["total_exact"] is False and len(r["hits"]) == 10' \
    "a large result set reports a lower bound"

# Batch: 200 queries in one process, took_ms on each.
python3 - "$TMP/reuters.jsonl" >"$TMP/queries" <<'PY'
import json, random, re, sys
random.seed(1)
titles = [json.loads(l)["title"] for l in open(sys.argv[1])]
for t in random.sample(titles, 200):
    w = [x.lower() for x in re.findall(r"[A-Za-z]{4,}", t)][:3]
    print(" ".join(w) if w else "oil")
PY
run batch search --index "$IX" --batch "$TMP/queries" --no-snippets
expect_rc batch 0
json_check batch 'len(rs) == 200 and all(x["took_ms"] >= 0 and "hits" in x for x in rs)' \
    "one result object with took_ms per query"

finish
