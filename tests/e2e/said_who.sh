#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# said_who.sh — statements as records of their own (issue 4): index the seed pages (as a JSONL
# feed with publication dates) and check `herald said` timelines (speaker resolution, date
# order, topic filter, date range, one row per syndicated statement, the article behind each
# row), `herald who` counts, the speakers field of `herald search`, and usage errors.
#
# usage: bash said_who.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

SEED=$DATA/seed-pages
IDX=$TMP/idx
# The seed pages with the days they were published (the pages themselves date only 001).
python3 - "$SEED" "$TMP/feed.jsonl" "$TMP/syndicated.jsonl" <<'PY'
import json, os, sys
seed, out, synd = sys.argv[1:4]
dates = {"000_9272e3ac30541b30.txt": "2023-08-20", "001_57416462ae6622d3.txt": "2022-11-27",
         "002_0baeef3d5710d46d.txt": "2022-11-26"}
with open(out, "w") as f, open(synd, "w") as g:
    for name, date in sorted(dates.items()):
        text = open(os.path.join(seed, name), encoding="utf-8").read()
        f.write(json.dumps({"id": name[:3], "source": "seed", "date": date, "text": text}) + "\n")
        if name.startswith("002"):
            # a syndicated copy of the same story on another site
            g.write(json.dumps({"id": "copy-002", "source": "other-site", "date": date,
                                "text": text}) + "\n")
PY

run index index --index "$IDX" "$TMP/feed.jsonl"
expect_rc index 0

# --- said: Khamenei on negotiating with the United States, in date order -----------------
run said said --index "$IDX" --json --about 'talks OR negotiation OR negotiations' Khamenei
expect_rc said 0
check "said rows are Khamenei's, dated, in date order, each with its article" \
    python3 - "$TMP/said.out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert len(rows) >= 2, rows
for r in rows:
    assert "Khamenei" in r["speaker"], r
    assert r["article_id"] in ("000", "001", "002"), r
    assert r["title"] and r["source"] == "seed", r
dates = [r["date"] for r in rows]
assert dates == sorted(dates), dates
texts = " ".join(r["text"] for r in rows)
assert "rejects talks with the United States" in texts, texts
assert "negotiation would not resolve" in texts, texts
PY

run all said --index "$IDX" --json Khamenei
expect_rc all 0
check "said without --about lists all of Khamenei's statements, oldest first" \
    python3 - "$TMP/all.out" "$TMP/said.out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
topic = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
assert len(rows) > len(topic) >= 2, (len(rows), len(topic))
assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
assert all("Khamenei" in r["speaker"] for r in rows)
PY

run since said --index "$IDX" --json --since 2022-11-27 --until 2022-11-30 Khamenei
expect_rc since 0
check "--since/--until keep only that range" python3 - "$TMP/since.out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert rows and all("2022-11-27" <= r["date"] <= "2022-11-30" for r in rows), rows
PY

run text said --index "$IDX" Khamenei
expect_rc text 0
check "text timeline names the article of each statement" \
    grep -q -- "-- Iran.s Supreme Leader rejects talks with US (seed) \[001\]" "$TMP/text.out"

# --- syndicated copies: the same statement is shown once ------------------------------
run syn index --index "$IDX" "$TMP/syndicated.jsonl"
expect_rc syn 0
run said2 said --index "$IDX" --json Khamenei
expect_rc said2 0
check "a syndicated copy adds no duplicate statements" \
    bash -c "[ \$(grep -c . '$TMP/said2.out') -eq \$(grep -c . '$TMP/all.out') ]"

# --- who -----------------------------------------------------------------------------
run who who --index "$IDX" --json --about 'talks OR negotiation OR negotiations'
expect_rc who 0
check "who lists Khamenei first with his statement count" python3 - "$TMP/who.out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert rows and "Khamenei" in rows[0]["speaker"], rows
counts = [r["statements"] for r in rows]
assert counts == sorted(counts, reverse=True) and counts[0] >= 2, counts
PY

# --- search results carry their speakers ---------------------------------------------
run search search --index "$IDX" --json '"Supreme Leader"'
expect_rc search 0
check "search hits carry a speakers field" python3 - "$TMP/search.out" <<'PY'
import json, sys
res = json.loads(open(sys.argv[1]).read().splitlines()[0])
assert res["hits"], res
assert any(any("Khamenei" in s for s in h["speakers"]) for h in res["hits"]), res["hits"]
PY

# --- one person across articles: a surname-only article meets the full name -------------
printf '%s\n' '{"id":"short","source":"brief","date":"2022-12-01","title":"Leader speaks","text":"Khamenei said on Thursday that the talks with Washington were useless and would not resume."}' > "$TMP/short.jsonl"
run short index --index "$IDX" "$TMP/short.jsonl"
expect_rc short 0
run merged said --index "$IDX" --json --since 2022-12-01 Khamenei
expect_rc merged 0
check "a surname-only speaker takes the full name found in other articles" \
    python3 - "$TMP/merged.out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert rows and all(r["speaker"] == "Ali Khamenei" for r in rows), rows
assert any(r["article_id"] == "short" for r in rows), rows
PY

# --- two people with one surname stay apart; who counts every statement ---------------
cat > "$TMP/clintons.jsonl" <<'EOF'
{"id":"cl1","source":"wire","date":"2016-03-01","title":"Campaign","text":"Hillary Clinton said on Tuesday that the primary would be decided in the big states."}
{"id":"cl2","source":"wire","date":"2016-03-02","title":"Former president","text":"Bill Clinton said on Wednesday that his foundation would stop taking foreign money."}
{"id":"cl3","source":"wire","date":"2016-03-03","title":"Rally","text":"Clinton said on Thursday that the rally drew a large crowd of supporters."}
{"id":"cl4","source":"wire","date":"2016-03-04","title":"Polls","text":"The regional water board said on Friday that the reservoir had filled in the last week."}
EOF
run cl index --index "$IDX" "$TMP/clintons.jsonl"
expect_rc cl 0
run clw who --index "$IDX" --json --since 2016-01-01 --until 2016-12-31
expect_rc clw 0
check "a surname shared by two full names is not merged into either" \
    python3 - "$TMP/clw.out" <<'PY'
import json, sys
rows = {r["speaker"]: r["statements"] for r in map(json.loads, open(sys.argv[1])) if r}
assert rows.get("Hillary Clinton") == 1 and rows.get("Bill Clinton") == 1, rows
assert rows.get("Clinton") == 1, rows
assert not any(k[0].islower() for k in rows), rows  # descriptions are not listed
PY
run clt who --index "$IDX" --since 2016-01-01 --until 2016-12-31
expect_rc clt 0
expect_stderr clt "1 more statement by unnamed speakers" "who counts statements of descriptions apart"
run an said --index "$IDX" --json "water board"
expect_rc an 0
check "a description is still a speaker for said" grep -q '"speaker":"regional water board"' "$TMP/an.out"
# --- a name of several words finds it with a middle initial, not a son or a description ---
cat > "$TMP/trumps.jsonl" <<'EOF2'
{"id":"tr1","source":"wire","date":"2016-05-01","title":"Rally","text":"Donald Trump said on Sunday that the wall would be built."}
{"id":"tr2","source":"paper","date":"2016-05-02","title":"Interview","text":"Donald J. Trump said on Monday that the primaries were over."}
{"id":"tr3","source":"wire","date":"2016-05-03","title":"Son","text":"Donald Trump Jr. said on Tuesday that his father would win the state."}
EOF2
run tri index --index "$IDX" "$TMP/trumps.jsonl"
expect_rc tri 0
run trs said --index "$IDX" --json "Donald Trump"
expect_rc trs 0
check "said finds a name with a middle initial but not the son" python3 - "$TMP/trs.out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
ids = sorted(r["article_id"] for r in rows)
assert ids == ["tr1", "tr2"], rows
PY

cat > "$TMP/initials.jsonl" <<'EOF2'
{"id":"in1","source":"wire","date":"2016-06-01","title":"One","text":"Donald Trump said on Wednesday that the convention would be a show."}
{"id":"in2","source":"wire","date":"2016-06-02","title":"Two","text":"Donald Trump said on Thursday that the polls were wrong about him."}
{"id":"in3","source":"paper","date":"2016-06-03","title":"Three","text":"George W. Bush said on Friday that he would stay out of the race."}
{"id":"in4","source":"paper","date":"2016-06-04","title":"Four","text":"George H.W. Bush said on Saturday that he would not vote this year."}
{"id":"in5","source":"wire","date":"2016-06-05","title":"Five","text":"George Bush said on Sunday that the library would open in the autumn."}
EOF2
run ini index --index "$IDX" "$TMP/initials.jsonl"
expect_rc ini 0
run inw who --index "$IDX" --json --since 2016-05-01 --until 2016-06-30
expect_rc inw 0
check "who joins a middle initial to a far more frequent plain name, not two initialled forms" \
    python3 - "$TMP/inw.out" <<'PY'
import json, sys
rows = {r["speaker"]: r["statements"] for r in map(json.loads, open(sys.argv[1])) if r}
# Donald Trump: tr1, in1, in2 plainly and tr2 as "Donald J. Trump" (3 >= 3 x 1): one person
assert rows.get("Donald Trump") == 4 and "Donald J. Trump" not in rows, rows
assert rows.get("George W. Bush") == 1 and rows.get("George H.W. Bush") == 1, rows
assert rows.get("George Bush") == 1, rows
PY

run allk said --index "$IDX" --json -n 10000 Khamenei
expect_rc allk 0
run whok who --index "$IDX" --json -n 10000
expect_rc whok 0
check "who counts as many statements for a speaker as said lists" \
    python3 - "$TMP/allk.out" "$TMP/whok.out" <<'PY'
import json, sys
said = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
who = {r["speaker"]: r for r in map(json.loads, open(sys.argv[2]))}
n = sum(1 for r in said if r["speaker"] == "Ali Khamenei")
assert n >= 2 and who["Ali Khamenei"]["statements"] == n, (n, who.get("Ali Khamenei"))
dates = [r["date"] for r in said if r["date"]]
assert dates == sorted(dates), dates
assert who["Ali Khamenei"]["first"] == dates[0] and who["Ali Khamenei"]["last"] == dates[-1]
PY

run few said --index "$IDX" -n 1 Khamenei
expect_rc few 0
expect_stderr few "showed the first 1 of [0-9]+ statements" "a cut timeline says how much it left out"

# --- delete and check cover the statements too ------------------------------------------
run check1 check --index "$IDX"
expect_rc check1 0
check "check verifies the statements index too" grep -q "statements in" "$TMP/check1.out"
run del delete --index "$IDX" 001 copy-002 002
expect_rc del 0
run gone said --index "$IDX" --json Khamenei
expect_rc gone 0
check "a deleted article's statements are gone" python3 - "$TMP/gone.out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert rows and all(r["article_id"] in ("000", "short") for r in rows), rows
PY

# --- usage errors ----------------------------------------------------------------------
run nospk said --index "$IDX"
expect_rc nospk 2
run baddate said --index "$IDX" --since 27/11/2022 Khamenei
expect_rc baddate 2
expect_stderr baddate "YYYY-MM-DD" "a bad date is named"
run badq said --index "$IDX" --about '(talks' Khamenei
expect_rc badq 2
run noidx said --index "$TMP/none" Khamenei
expect_rc noidx 1
expect_diag_format noidx

# --- output that cannot be written (a full disk) -----------------------------------------
if [ -w /dev/full ]; then
    for cmd in said who; do
        set +e
        if [ $cmd = said ]; then
            "$HERALD" said --index "$IDX" --json Khamenei >/dev/full 2>"$TMP/full_$cmd.err"
        else
            "$HERALD" who --index "$IDX" --json >/dev/full 2>"$TMP/full_$cmd.err"
        fi
        echo $? >"$TMP/full_$cmd.rc"
        set -e
        check "$cmd to a full disk exits 1 and says so" bash -c \
            "[ \$(cat '$TMP/full_$cmd.rc') = 1 ] && grep -q 'writing output' '$TMP/full_$cmd.err'"
    done
fi

finish
