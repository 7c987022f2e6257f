#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# extract_seed.sh — `herald extract --json` on ../shared/data/seed-pages/*.txt, scored with
# ../shared/tools/score_extract.py against seed-pages/gold.json. Dev-set target of issue 2:
# article_f1 = title_acc = boilerplate_removed = content_kept = 1.00. Also checks the schema
# and that seed page 001 is dated 2022-11-27 (its byline "By News Desk - November 27 2022").
#
# usage: bash extract_seed.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

SEED=$DATA/seed-pages
run seed extract --json "$SEED"/*.txt
expect_rc seed 0
expect_diag_format seed
check "seed: JSON schema" $CHECK schema "$TMP/seed.out" --min 4 --unique-ids

python3 "$SCORE" "$SEED/gold.json" "$TMP/seed.out" >"$TMP/score.txt" 2>&1 || true
# Statements are the statements issue's job: show only the extraction misses.
grep -v -e "^miss: .*statement " -e "^miss: .* attributed to " "$TMP/score.txt" || true
for metric in article_f1 title_acc boilerplate_removed content_kept; do
    if ! grep -Eq "(^| )$metric=1\.00( |$)" "$TMP/score.txt"; then
        fail "seed: $metric is not 1.00: $(grep -Eo "$metric=[0-9.]+" "$TMP/score.txt" || echo '(no score)')"
    else
        ok "seed: $metric=1.00"
    fi
done
if grep -q '^miss: .*not segmented\|^miss: .*lost text\|^miss: .*boilerplate kept' "$TMP/score.txt"; then
    fail "seed: scorer misses (see above)"
fi

check "seed: page 001 dated 2022-11-27" python3 - "$TMP/seed.out" <<'PY'
import json, os, sys
d = [json.loads(l).get("date") for l in open(sys.argv[1])
     if os.path.basename(json.loads(l).get("source", "")).startswith("001_")]
print("  page 001 dates:", d) if d != ["2022-11-27"] else None
sys.exit(0 if d == ["2022-11-27"] else 1)
PY

finish
