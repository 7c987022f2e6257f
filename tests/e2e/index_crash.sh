#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# index_crash.sh — kill -9 `herald index` at random moments (20 times) and check the index
# each time: it must open, pass `herald check`, and hold exactly the documents of a completed
# commit (never fewer than the last commit the run reported, never a partial batch).
# Runs 1-10 start from an empty directory, runs 11-20 keep re-indexing the same one (so
# kills also land in replace-by-id, deletions files and merges).
#
# usage: bash index_crash.sh HERALD [DATA_DIR]   (HD_CRASH_RUNS overrides the 20)
source "$(dirname "$0")/lib.sh"

PAGES=$DATA/bbc-news
STEP=100
RUNS=${HD_CRASH_RUNS:-20}
[[ -d "$PAGES" ]] || { echo "skip: no $PAGES"; exit 77; }

# Full run once, to learn the final document count.
run full index --index "$TMP/full" --commit-every $STEP --no-statements --no-optimize "$PAGES"
expect_rc full 0
TOTAL=$("$HERALD" stats --index "$TMP/full" | awk '$1=="documents"{print $2}')
check "full run indexed documents" test "${TOTAL:-0}" -gt 2000

IX=$TMP/ix
prev=0
RANDOM=${HD_CRASH_SEED:-4242}
for ((i = 1; i <= RUNS; i++)); do
    if ((i <= 10)); then
        rm -rf "$IX"
        prev=0
    fi
    # kill somewhere in the first ~2 s (the run takes a few seconds with per-100 commits)
    delay=$(printf '%d.%03d' $((RANDOM % 2)) $((RANDOM % 1000)))
    "$HERALD" index --index "$IX" --commit-every $STEP --no-statements -v "$PAGES" \
        >"$TMP/run$i.out" 2>"$TMP/run$i.err" &
    pid=$!
    sleep "$delay"
    kill -9 $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    logged=$(grep -o 'committed [0-9]*' "$TMP/run$i.err" | tail -1 | awk '{print $2}' || true)
    logged=${logged:-0}
    if [[ ! -f "$IX/MANIFEST" ]]; then
        # killed before the index was even created: fine only if nothing was committed
        check "run $i: no commit reported without an index" test "$logged" = 0
        continue
    fi
    set +e
    "$HERALD" check --index "$IX" >"$TMP/check$i.out" 2>"$TMP/check$i.err"
    crc=$?
    set -e
    if [[ $crc != 0 ]]; then
        fail "run $i (killed after ${delay}s): herald check failed: $(cat "$TMP/check$i.err")"
        continue
    fi
    n=$("$HERALD" stats --index "$IX" | awk '$1=="documents"{print $2}')
    want_min=$((logged > prev ? logged : prev))
    # a completed commit holds a multiple of STEP documents, or all of them
    if ((n < want_min)); then
        fail "run $i: $n documents, but a commit of $want_min had completed"
    elif ((n % STEP != 0 && n != TOTAL)); then
        fail "run $i: $n documents is not the size of any commit"
    elif ((n > TOTAL)); then
        fail "run $i: $n documents, more than the $TOTAL there are (duplicates?)"
    else
        ok "run $i: killed after ${delay}s, $n documents (last reported commit $logged)"
    fi
    [[ -n "${E2E_VERBOSE:-}" ]] && echo "run $i: delay $delay logged $logged docs $n" >&2
    prev=$n
done

# After all that, a complete run on the crashed index gives exactly the full set.
run final index --index "$IX" --no-statements "$PAGES"
expect_rc final 0
run final_check check --index "$IX"
expect_rc final_check 0
n=$("$HERALD" stats --index "$IX" | awk '$1=="documents"{print $2}')
check "final run holds every document once ($n = $TOTAL)" test "$n" = "$TOTAL"
finish
