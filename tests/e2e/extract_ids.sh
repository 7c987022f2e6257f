#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# extract_ids.sh — article ids are stable and unique: the same page read through a relative
# and an absolute path gets the same ids (re-indexing replaces, never duplicates); JSONL
# records without an id get distinct ids from their file and line, whatever their source.
#
# usage: bash extract_ids.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/pages"
cp "$DATA/seed-pages/000_9272e3ac30541b30.txt" "$TMP/pages/a.txt"
(cd "$TMP" && "$HERALD" extract --json --no-statements pages/a.txt) > "$TMP/rel.jsonl"
"$HERALD" extract --json --no-statements "$TMP/pages/a.txt" > "$TMP/abs.jsonl"
check "relative and absolute paths give the same ids" python3 - "$TMP/rel.jsonl" "$TMP/abs.jsonl" <<'PY'
import json, sys
ids = [[json.loads(l)["id"] for l in open(f)] for f in sys.argv[1:]]
assert ids[0] == ids[1] and len(ids[0]) == 2 and len(set(ids[0])) == 2, ids
PY

printf '%s\n' '{"source":"wire","text":"The minister said on Monday that the talks would go on."}' \
              '{"source":"wire","text":"The union said on Tuesday that the strike would go on."}' \
              '{"id":"x1","source":"wire","text":"A third record with an id of its own, he said."}' \
              '{"id":"","source":"wire","text":"A fourth record with an empty id, she said."}' \
              > "$TMP/feed.jsonl"
run feed extract --json --no-statements "$TMP/feed.jsonl"
expect_rc feed 0
check "records without ids (or with an empty one) get distinct ids; a given id is kept" python3 - "$TMP/feed.out" <<'PY'
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1])]
assert len(ids) == 4 and len(set(ids)) == 4, ids
assert ids[0].endswith("feed.jsonl:1#0") and ids[1].endswith("feed.jsonl:2#0"), ids
assert ids[2] == "x1", ids
assert ids[3].endswith("feed.jsonl:4#0"), ids
PY

finish
