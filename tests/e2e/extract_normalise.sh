#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# extract_normalise.sh — issue 2's normalisation rules, end to end: Unicode NFC, whitespace
# normalisation (tabs, runs of spaces, no-break spaces, blank-line runs), curly and straight
# quotes kept as written but matched alike (a headline repeated once with straight and once
# with curly quotes is still a repeat), and the text output format (title, date, body).
#
# usage: bash extract_normalise.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

D=$TMP/in
mkdir -p "$D"

# Decomposed é (e + U+0301), tabs, runs of spaces, NBSP, trailing blanks, many blank lines;
# the headline and the caption each appear twice, once with curly and once with straight
# quotes; the body keeps curly quotes as written.
python3 - "$D/norm.txt" <<'PY'
import sys
page = "\n".join([
    "Minister Says \u201cNo Deal\u201d on Fishing Quotas Before Spring",
    "",
    "Fishing boats moored in the harbour at Porthleven on Tuesday. (Reuters)",
    "Minister Says \"No Deal\" on Fishing Quotas Before Spring",
    "Fishing boats moored in the harbour at Porthleven on Tuesday. (Reuters)",
    "",
    "",
    "",
    "The fisheries minister said on Tuesday there would be \u201cno deal\u201d on new quotas before the spring,\t\tdisappointing   boat owners who had hoped for an agreement this month.   ",
    "",
    "\u201cWe will not sign something we cannot defend in the harbour,\u201d the minister told the Caf\u0065\u0301 Royal conference.",
    "",
    "Skippers\u2019 groups said the delay would cost\u00a0small boats a second season of uncertainty, according to their federation.",
    "",
])
open(sys.argv[1], "w", encoding="utf-8").write(page)
PY

run norm extract --json "$D/norm.txt"
expect_rc norm 0
check "norm: schema (whitespace-normalised body)" $CHECK schema "$TMP/norm.out" --min 1 --max 1
check "norm: NFC, quotes as written, repeats matched alike, whitespace collapsed" python3 - \
    "$TMP/norm.out" <<'PY'
import json, sys, unicodedata
a = json.loads(open(sys.argv[1], encoding="utf-8").readline())
body, title = a["body"], a["title"]
lines = body.split("\n")
problems = []
if body != unicodedata.normalize("NFC", body) or title != unicodedata.normalize("NFC", title):
    problems.append("output is not NFC")
if "Caf\u00e9 Royal" not in body:
    problems.append("decomposed e + U+0301 not composed to U+00E9")
if "\u201cWe will not sign something we cannot defend in the harbour,\u201d" not in body:
    problems.append("curly quotes not kept as written")
if "Skippers\u2019 groups" not in body:
    problems.append("curly apostrophe not kept as written")
if "before the spring, disappointing boat owners" not in body:
    problems.append("tabs / runs of spaces not collapsed to one space")
if "cost small boats" not in body and "cost\u00a0small boats" not in body:
    problems.append("text around a no-break space lost")
if title not in ("Minister Says \u201cNo Deal\u201d on Fishing Quotas Before Spring",
                 "Minister Says \"No Deal\" on Fishing Quotas Before Spring"):
    problems.append("title %r" % title)
for l in lines:
    if "No Deal" in l or "(Reuters)" in l:
        problems.append("repeated headline/caption kept in body: %r" % l[:60])
if len(lines) != 3:
    problems.append("%d body paragraphs, want 3: %r" % (len(lines), [l[:30] for l in lines]))
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
PY

# Text output: title, date and body of each article, readable, no JSON.
printf '%s\n' "Harbour Lights Switched On for Winter" "" "27 Nov 2022" "" \
    "The harbour lights were switched on for the winter season on Saturday evening, the town council said." \
    "" "Hundreds of people watched from the quayside as the lights came on at six o'clock, according to the organisers." \
    >"$D/lights.txt"
run text extract "$D/lights.txt"
expect_rc text 0
check "text: title printed" grep -q "Harbour Lights Switched On for Winter" "$TMP/text.out"
check "text: date printed as 2022-11-27" grep -q "2022-11-27" "$TMP/text.out"
check "text: body printed" grep -q "Hundreds of people watched from the quayside" "$TMP/text.out"
check "text: not JSON" bash -c "! grep -q '^{\"' '$TMP/text.out'"

finish
