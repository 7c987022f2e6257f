#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# index_enospc.sh — a full disk: index into a 3 MiB tmpfs until it is full. `herald index`
# must fail with a clear message naming the file (exit 1), and the index must keep its last
# commit, pass `herald check` and accept writes again once there is room. Needs permission to
# mount a tmpfs (root); skipped (77) otherwise.
#
# usage: bash index_enospc.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

MNT=$TMP/small
mkdir -p "$MNT"
if ! mount -t tmpfs -o size=3m tmpfs "$MNT" 2>/dev/null; then
    echo "skip: cannot mount a tmpfs here"
    exit 77
fi
trap 'umount "$MNT" 2>/dev/null; rm -rf "$TMP"' EXIT
IX=$MNT/ix

run small index --index "$IX" "$DATA/bbc-news/tech"
expect_rc small 0
n1=$("$HERALD" stats --index "$IX" | awk '$1=="documents"{print $2}')
check "first commit fits ($n1 documents)" test "${n1:-0}" -gt 300

run full index --index "$IX" "$DATA/bbc-news"
expect_rc full 1
expect_stderr full 'seg_[0-9]+\.hds: cannot write: No space left on device' \
    "the full disk is reported with the file"
expect_stderr full 'keeps its last completed commit' "the user is told nothing was lost"
expect_diag_format full
run after check --index "$IX"
expect_rc after 0
n2=$("$HERALD" stats --index "$IX" | awk '$1=="documents"{print $2}')
check "the last commit is intact ($n2 = $n1)" test "$n2" = "$n1"

# room again: a delete commits, and the next writer clears the failed commit's leftovers
run del delete --index "$IX" no-such-id
expect_rc del 0
run again check --index "$IX"
expect_rc again 0
check "no leftover files beyond the last commit" \
    test "$(ls "$IX" | grep -c '^seg_')" -le 2
finish
