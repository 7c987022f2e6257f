#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# index_basic.sh — herald index / stats / delete / check on real pages: counts, re-indexing
# replaces instead of duplicating, deletion by id, the write lock, and a damaged file named
# by `herald check` (exit 1).
#
# usage: bash index_basic.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

IX=$TMP/ix
run help index --help
expect_rc help 0
run usage index
expect_rc usage 2
run nothing stats --index "$TMP/none"
expect_rc nothing 1
expect_stderr nothing 'no index' "stats on a missing index says so"

run bbc index --index "$IX" "$DATA/bbc-news"
expect_rc bbc 0
run stats stats --index "$IX"
expect_rc stats 0
n1=$(awk '$1=="documents"{print $2}' "$TMP/stats.out")
check "BBC: over 2200 documents ($n1)" test "${n1:-0}" -gt 2200
check "BBC: one segment after optimize" grep -Eq '^segments +1$' "$TMP/stats.out"

# Re-indexing a subset replaces, never duplicates.
run again index --index "$IX" "$DATA/bbc-news/tech"
expect_rc again 0
n2=$("$HERALD" stats --index "$IX" | awk '$1=="documents"{print $2}')
check "re-indexing keeps $n1 documents (got $n2)" test "$n2" = "$n1"

# HERALD_INDEX is the default directory.
n3=$(HERALD_INDEX=$IX "$HERALD" stats | awk '$1=="documents"{print $2}')
check "HERALD_INDEX picks the index" test "$n3" = "$n1"

# Delete by id: take an id from the extractor.
id=$("$HERALD" extract --json --no-statements "$DATA/bbc-news/business/001.txt" |
    python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["id"])')
run del delete --index "$IX" "$id" no-such-id
expect_rc del 0
n4=$("$HERALD" stats --index "$IX" | awk '$1=="documents"{print $2}')
check "delete removed one document" test "$n4" = $((n1 - 1))
run chk check --index "$IX"
expect_rc chk 0

# Second writer: clear message, exit 1 (hold the lock with flock on the lock file).
if command -v flock >/dev/null; then
    flock "$IX/write.lock" sleep 3 &
    sleep 0.5
    run locked delete --index "$IX" "$id"
    expect_rc locked 1
    expect_stderr locked 'another herald process' "a second writer is told who holds the lock"
    wait
fi

# A page that shrinks: re-indexing it leaves only its current articles.
mkdir -p "$TMP/pg"
cp "$DATA/seed-pages/000_9272e3ac30541b30.txt" "$TMP/pg/page.txt"
run pg1 index --index "$TMP/pix" "$TMP/pg/page.txt"
expect_rc pg1 0
p1=$("$HERALD" stats --index "$TMP/pix" | awk '$1=="documents"{print $2}')
check "the seed page has several articles ($p1)" test "${p1:-0}" -gt 1
cp "$DATA/seed-pages/001_57416462ae6622d3.txt" "$TMP/pg/page.txt"
run pg2 index --index "$TMP/pix" "$TMP/pg/page.txt"
expect_rc pg2 0
p2=$("$HERALD" stats --index "$TMP/pix" | awk '$1=="documents"{print $2}')
check "after it shrank to one article, one document is left ($p2)" test "$p2" = 1

# Flip one byte in the segment: check names the file and exits 1.
seg=$(cd "$IX" && ls seg_*.hds | head -1)
python3 - "$IX/$seg" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
b[len(b) // 2] ^= 0x40
open(p, 'wb').write(b)
PY
run bad check --index "$IX"
expect_rc bad 1
expect_stderr bad "$seg" "the damaged file is named"
expect_diag_format bad
run bad_stats stats --index "$IX"
expect_rc bad_stats 1
finish
