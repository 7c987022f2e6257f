#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# index_readers.sh — readers while a writer commits and merges: `herald stats` and
# `herald check` run in a loop against an index that `herald index --commit-every 50` keeps
# changing (new segments, merges, files removed). Every read must succeed and see a whole
# commit (a document count that some commit had); a second writer is refused meanwhile.
#
# usage: bash index_readers.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

PAGES=$DATA/bbc-news
[[ -d "$PAGES" ]] || { echo "skip: no $PAGES"; exit 77; }
IX=$TMP/ix
run first index --index "$IX" --commit-every 50 --no-statements "$PAGES/tech"
expect_rc first 0
"$HERALD" index --index "$IX" --commit-every 50 --no-statements -v "$PAGES" \
    >"$TMP/w.out" 2>"$TMP/w.err" &
writer=$!
reads=0
bad=0
while kill -0 $writer 2>/dev/null; do
    if ! "$HERALD" check --index "$IX" >"$TMP/r.out" 2>"$TMP/r.err"; then
        fail "check during a commit failed: $(cat "$TMP/r.err")"
        bad=$((bad + 1))
        break
    fi
    n=$(awk '{print $3}' "$TMP/r.out")
    # commits hold the 401 tech docs, then grow by 50 or end at the full count
    if ((n < 401)); then
        fail "a reader saw $n documents, fewer than the first commit"
        bad=$((bad + 1))
        break
    fi
    reads=$((reads + 1))
    if ((reads == 3)); then
        run second delete --index "$IX" some-id
        expect_rc second 1
        expect_stderr second 'another herald process' "second writer refused"
    fi
done
wait $writer
echo "$?" >"$TMP/w.rc"
check "writer succeeded" test "$(cat "$TMP/w.rc")" = 0
check "readers ran during the writes ($reads)" test "$reads" -ge 2
check "no reader failed" test "$bad" = 0
run final check --index "$IX"
expect_rc final 0
finish
