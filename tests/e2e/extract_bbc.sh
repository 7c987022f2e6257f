#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# extract_bbc.sh — all 2,225 BBC News files (five category directories, read recursively)
# through `herald extract --json`. Every file yields at least one article with a non-empty
# body, none has an empty body, and (the files being clean article text) no prose paragraph
# is dropped. sport/199.txt holds a bare 0xA3 byte: it must be repaired
# with a warning naming the file and byte offset, and still come out. Exit status 0.
#
# usage: bash extract_bbc.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

BBC=$DATA/bbc-news
find "$BBC" -mindepth 2 -name '*.txt' | sort >"$TMP/files.txt"
n=$(wc -l <"$TMP/files.txt")
check "bbc: 2225 input files (got $n)" test "$n" -eq 2225

run bbc extract --json "$BBC/business" "$BBC/entertainment" "$BBC/politics" "$BBC/sport" "$BBC/tech"
expect_rc bbc 0
expect_diag_format bbc
check "bbc: JSON schema" $CHECK schema "$TMP/bbc.out" --min 2225 --unique-ids
check "bbc: no file lost" $CHECK file-coverage "$TMP/files.txt" "$TMP/bbc.out"
# The files are clean article text: no prose paragraph may be dropped as boilerplate.
check "bbc: no prose paragraph lost" $CHECK text-retention "$TMP/files.txt" "$TMP/bbc.out"

# sport/199.txt: bare 0xA3 at a known byte offset.
off=$(python3 -c "import sys; print(open(sys.argv[1],'rb').read().index(b'\xa3'))" "$BBC/sport/199.txt")
expect_stderr bbc "sport/199\.txt.*\b$off\b" "invalid UTF-8 warning names file and byte offset $off"
check "bbc: sport/199 body has U+FFFD" python3 -c "
import json, sys
a = [json.loads(l) for l in open(sys.argv[1]) if json.loads(l)['source'].endswith('sport/199.txt')]
sys.exit(0 if a and any('\ufffd' in x['body'] for x in a) else 1)" "$TMP/bbc.out"

finish
