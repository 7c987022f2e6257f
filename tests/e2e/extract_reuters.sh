#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# extract_reuters.sh — all 21,578 Reuters-21578 records, converted to JSON Lines by
# reuters2jsonl.py, through `herald extract --json`. Every record with a non-empty <BODY>
# (text_type NORM, 19,043 records) must yield at least one article with its id and a
# non-empty body; no article may have an empty body; no id may be invented. Headline-only
# (BRIEF, empty text) and unprocessed (UNPROC: tables, bare headlines) records may yield
# nothing. The record date is every article's date and the record title its first article's
# title (JSONL fields win). No prose paragraph of a body is dropped. Exit status must be 0: nothing in the collection is an input error.
#
# usage: bash extract_reuters.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

python3 "$E2E_DIR/reuters2jsonl.py" -o "$TMP/reuters.jsonl" "$DATA/reuters21578"
n=$(wc -l <"$TMP/reuters.jsonl")
check "reuters: converter wrote 21578 records (got $n)" test "$n" -eq 21578

run reuters extract --json "$TMP/reuters.jsonl"
expect_rc reuters 0
expect_diag_format reuters
check "reuters: JSON schema" $CHECK schema "$TMP/reuters.out" --min 19000
check "reuters: no record lost" $CHECK jsonl-coverage "$TMP/reuters.jsonl" "$TMP/reuters.out" \
    --only text_type=NORM
# Bodies are clean wire text: no prose paragraph (often the lead, whose first line is short
# once the dateline is cut off) may be dropped.
check "reuters: no prose paragraph lost" $CHECK jsonl-retention "$TMP/reuters.jsonl" \
    "$TMP/reuters.out" --only text_type=NORM

# The same through stdin, on one converted file: identical output.
python3 "$E2E_DIR/reuters2jsonl.py" -o "$TMP/r000.jsonl" "$DATA/reuters21578/reut2-000.sgm.gz"
run r000 extract --json "$TMP/r000.jsonl"
set +e
"$HERALD" extract --json - <"$TMP/r000.jsonl" >"$TMP/r000_stdin.out" 2>"$TMP/r000_stdin.err"
set -e
check "reuters: stdin output equals file output for reut2-000" \
    cmp -s "$TMP/r000.out" "$TMP/r000_stdin.out"

finish
