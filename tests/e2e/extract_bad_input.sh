#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# extract_bad_input.sh — issue 2's "bad input is reported and survived" list, plus the CLI
# conventions: invalid UTF-8, empty file, binary junk, NUL bytes, CRLF + BOM, a page over
# --max-page-bytes, malformed and text-less JSON lines, a missing file, content-based format
# detection, stdin, usage errors (exit 2), --help and --version. The 10 MB / 50 MB / 64 MB
# pages are in extract_big_pages.sh.
#
# usage: bash extract_bad_input.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

D=$TMP/in
mkdir -p "$D"

# A small, clean page: title, date line, three prose paragraphs.
good_page()
{
    printf '%s\n' \
        "Town Library Extends Opening Hours After Record Visitor Numbers" \
        "" \
        "27 Nov 2022" \
        "" \
        "The town library will open until nine in the evening on weekdays from next month, after visitor numbers rose to their highest level in a decade, the council said on Monday." \
        "" \
        "\"People come here to study, to look for work and simply to keep warm,\" head librarian Ruth Abara said. \"We want to be open when they need us.\"" \
        "" \
        "The longer hours will be paid for from the council's culture budget, which was increased by six percent this year, according to a council spokesman."
}
good_page >"$D/good.txt"

# json_out NAME PYEXPR — evaluate a Python expression over the articles `a` (a list of dicts)
# of run NAME; pass if true. On failure prints the articles' ids, titles and sources.
json_out()
{
    local name=$1 expr=$2
    N_CHECK=$((N_CHECK + 1))
    if ! python3 - "$TMP/$name.out" "$expr" <<'PY'; then
import json, sys
a = []
for l in open(sys.argv[1], encoding="utf-8", errors="strict"):
    if l.strip():
        a.append(json.loads(l))
ok = eval(sys.argv[2])
if not ok:
    print("  articles:", [(x.get("id"), x.get("source"), (x.get("title") or "")[:40]) for x in a])
sys.exit(0 if ok else 1)
PY
        fail "$name: output check failed: $expr"
    fi
}

# --- clean page: the reference everything else is compared with -----------------------------
run good extract --json "$D/good.txt"
expect_rc good 0
check "good: schema" $CHECK schema "$TMP/good.out" --min 1 --max 1
json_out good 'a[0]["title"] == "Town Library Extends Opening Hours After Record Visitor Numbers" and a[0]["date"] == "2022-11-27" and "head librarian Ruth Abara said" in a[0]["body"]'
check "good: no diagnostics for a clean page" test ! -s "$TMP/good.err"

# --- invalid UTF-8: repaired with U+FFFD, warning names file and byte offset, exit 0 ---------
good_page | sed 's/highest level/highest \xff\xfe level/' >"$D/badutf8.txt"
off=$(python3 -c "import sys; print(open(sys.argv[1],'rb').read().index(b'\xff'))" "$D/badutf8.txt")
run badutf8 extract --json "$D/badutf8.txt"
expect_rc badutf8 0
expect_diag_format badutf8
expect_stderr badutf8 "badutf8\.txt.*\b$off\b" "warning names the file and byte offset $off"
json_out badutf8 'len(a) == 1 and "\ufffd" in a[0]["body"] and "visitor numbers rose to their highest" in a[0]["body"]'
check "badutf8: schema" $CHECK schema "$TMP/badutf8.out"

# Truncated multi-byte sequence at the very end of the file.
{ good_page; printf 'Caf\xc3'; } >"$D/truncated.txt"
run truncated extract --json "$D/truncated.txt"
expect_rc truncated 0
expect_stderr truncated "truncated\.txt" "warning names the file"
check "truncated: schema" $CHECK schema "$TMP/truncated.out" --min 1

# --- empty files: no article, no failure -----------------------------------------------------
: >"$D/empty.txt"
printf '\n\n   \n\t\n' >"$D/blank.txt"
run empty extract --json "$D/empty.txt" "$D/blank.txt" "$D/good.txt"
expect_rc empty 0
json_out empty 'len(a) == 1 and a[0]["source"].endswith("good.txt")'

# --- binary junk: skipped with a warning naming it, other inputs go on, exit 0 ---------------
python3 -c "
import random, sys
r = random.Random(2)
sys.stdout.buffer.write(b'\x7fELF\x02\x01\x01\x00' + bytes(r.randrange(256) for _ in range(8192)))" >"$D/junk.bin"
head -c 4096 /dev/zero >"$D/zeros.dat"
run binary extract --json "$D/junk.bin" "$D/zeros.dat" "$D/good.txt"
expect_rc binary 0
expect_diag_format binary
expect_stderr binary "junk\.bin" "binary file skipped with a warning naming it"
expect_stderr binary "zeros\.dat" "all-NUL file skipped with a warning naming it"
json_out binary 'len(a) == 1 and a[0]["source"].endswith("good.txt")'

# --- NUL bytes inside a text page: removed with a warning, text kept -------------------------
good_page | sed 's/ the council said on Monday\./ the council said on Monday.\x00\x00/; s/^27 Nov 2022$/27 Nov 2022\x00/' >"$D/nul.txt"
run nul extract --json "$D/nul.txt"
expect_rc nul 0
expect_stderr nul "nul\.txt" "NUL bytes reported with the file name"
check "nul: schema (no NUL in output)" $CHECK schema "$TMP/nul.out" --min 1 --max 1
json_out nul '"highest level in a decade, the council said on Monday." in a[0]["body"] and a[0]["date"] == "2022-11-27"'

# --- CRLF and BOM: same article as the LF page -----------------------------------------------
{ printf '\xef\xbb\xbf'; good_page | sed 's/$/\r/'; } >"$D/crlf_bom.txt"
{ good_page | sed 's/$/\r/'; } >"$D/crlf.txt"
run crlf extract --json "$D/crlf_bom.txt" "$D/crlf.txt"
expect_rc crlf 0
check "crlf: schema (no CR, no BOM)" $CHECK schema "$TMP/crlf.out" --min 2 --max 2
check "crlf: CRLF+BOM page gives the same title, date and body as the LF page" python3 - \
    "$TMP/good.out" "$TMP/crlf.out" <<'PY'
import json, sys
ref = json.loads(open(sys.argv[1]).readline())
bad = 0
for l in open(sys.argv[2]):
    a = json.loads(l)
    for k in ("title", "date", "body"):
        if a.get(k) != ref.get(k):
            print("  %s: %s %.60r != %.60r" % (a.get("source"), k, a.get(k), ref.get(k)))
            bad = 1
sys.exit(bad)
PY

# JSONL with BOM and CRLF.
{ printf '\xef\xbb\xbf'; printf '{"id":"crlf-1","source":"t","title":"T","text":"One full sentence of text here, said the clerk on Tuesday."}\r\n{"id":"crlf-2","source":"t","title":"U","text":"Another full sentence of text here, said the clerk on Wednesday."}\r\n'; } >"$D/crlf_bom.jsonl"
run crlf_jsonl extract --json "$D/crlf_bom.jsonl"
expect_rc crlf_jsonl 0
json_out crlf_jsonl '[x["id"] for x in a] == ["crlf-1", "crlf-2"]'

# --- page over --max-page-bytes: skipped, message names it, others go on, exit 1 -------------
{ good_page; for i in $(seq 40); do echo "Filler paragraph number $i, written only to make this page larger than the limit set on the command line."; done; } >"$D/big.txt"
run maxbytes extract --json --max-page-bytes 2000 "$D/big.txt" "$D/good.txt"
expect_rc maxbytes 1
expect_diag_format maxbytes
expect_stderr maxbytes "big\.txt" "over-limit page named"
json_out maxbytes 'len(a) == 1 and a[0]["source"].endswith("good.txt")'
# The limit applies per page: a JSONL record over it is skipped, the others are not.
python3 -c "
import json
print(json.dumps({'id': 'small-1', 'source': 's', 'text': 'A short record with one sentence of text, the clerk said.'}))
print(json.dumps({'id': 'huge-2', 'source': 's', 'text': 'Too long for the limit, the clerk said. ' * 200}))
print(json.dumps({'id': 'small-3', 'source': 's', 'text': 'A second short record with one sentence, the clerk added.'}))" >"$D/limit.jsonl"
run maxbytes_jsonl extract --json --max-page-bytes 2000 "$D/limit.jsonl"
expect_rc maxbytes_jsonl 1
expect_stderr maxbytes_jsonl "limit\.jsonl:2\b" "over-limit JSONL record named by file:line"
json_out maxbytes_jsonl '[x["id"] for x in a] == ["small-1", "small-3"]'

# --- malformed JSON line: file:line and parse error named, other lines processed, exit 1 -----
cat >"$D/malformed.jsonl" <<'JL'
{"id": "m-1", "source": "feed", "title": "First", "text": "The first record has one full sentence of text, the clerk said."}
{"id": "m-2", "source": "feed", "title": "Broken", "text": "this line is cut off
{"id": "m-3", "source": "feed", "title": "Third", "text": "The third record also has one full sentence, the clerk added."}
JL
run malformed extract --json "$D/malformed.jsonl"
expect_rc malformed 1
expect_diag_format malformed
expect_stderr malformed "malformed\.jsonl:2\b" "malformed line named as FILE:LINE"
json_out malformed '[x["id"] for x in a] == ["m-1", "m-3"]'

# --- JSONL line without text: error for that line only --------------------------------------
cat >"$D/notext.jsonl" <<'JL'
{"id": "t-1", "source": "feed", "title": "First", "text": "The first record has one full sentence of text, the clerk said.", "extra": {"nested": [1, 2]}}
{"id": "t-2", "source": "feed", "title": "No text field here"}
{"id": "t-3", "source": "feed", "title": "Third", "text": "The third record also has one full sentence, the clerk added.", "lang": "en"}
JL
run notext extract --json "$D/notext.jsonl"
expect_rc notext 1
expect_stderr notext "notext\.jsonl:2\b" "missing text named as FILE:LINE"
expect_stderr notext "text" "message says the text field is missing"
json_out notext '[x["id"] for x in a] == ["t-1", "t-3"] and a[0]["title"] == "First"'

# --- JSONL date and title win; format detected by content (a .txt holding JSON Lines) -------
cat >"$D/feed_named.txt" <<'JL'
{"id": "d-1", "source": "feed", "url": "https://example.org/d-1", "date": "2021-05-04", "title": "Given Title", "text": "Other Headline Here\n\nMarch 3 2023\n\nThe record text has a date of its own, but the date field of the record wins, the clerk said."}
{"id": "d-2", "source": "feed", "title": "No Date Field", "text": "By News Desk - November 27 2022\n\nThis record has no date field, so the byline date is used, the clerk said."}
JL
run detect extract --json "$D/feed_named.txt"
expect_rc detect 0
json_out detect '[x["id"] for x in a] == ["d-1", "d-2"] and a[0]["date"] == "2021-05-04" and a[0]["title"] == "Given Title" and a[0]["url"] == "https://example.org/d-1" and a[1]["date"] == "2022-11-27"'

# A plain page named .jsonl is still a plain page.
cp "$D/good.txt" "$D/page_named.jsonl"
run detect_page extract --json "$D/page_named.jsonl"
expect_rc detect_page 0
json_out detect_page 'len(a) == 1 and a[0]["title"].startswith("Town Library")'

# --- missing file: error naming it, others go on, exit 1 ------------------------------------
run missing extract --json "$D/no-such-file.txt" "$D/good.txt"
expect_rc missing 1
expect_diag_format missing
expect_stderr missing "no-such-file\.txt" "missing file named"
json_out missing 'len(a) == 1 and a[0]["source"].endswith("good.txt")'
# Unreadable file (skipped when running as root: root reads anything).
cp "$D/good.txt" "$D/secret.txt"
chmod 000 "$D/secret.txt"
if [[ $(id -u) -ne 0 ]]; then
    run unreadable extract --json "$D/secret.txt"
    expect_rc unreadable 1
    expect_stderr unreadable "secret\.txt" "unreadable file named"
fi
chmod 644 "$D/secret.txt"

# --- stdin ------------------------------------------------------------------------------------
set +e
"$HERALD" extract --json - <"$D/good.txt" >"$TMP/stdin.out" 2>"$TMP/stdin.err"
echo $? >"$TMP/stdin.rc"
set -e
expect_rc stdin 0
json_out stdin 'len(a) == 1 and a[0]["title"].startswith("Town Library") and a[0]["date"] == "2022-11-27"'
set +e
"$HERALD" extract --json - <"$D/notext.jsonl" >"$TMP/stdin_jsonl.out" 2>"$TMP/stdin_jsonl.err"
echo $? >"$TMP/stdin_jsonl.rc"
set -e
expect_rc stdin_jsonl 1
json_out stdin_jsonl '[x["id"] for x in a] == ["t-1", "t-3"]'

# --- usage errors: exit 2, message on stderr, nothing on stdout -----------------------------
usage_case()
{
    local name=$1
    shift
    run "$name" "$@"
    expect_rc "$name" 2
    check "$name: usage message on stderr" test -s "$TMP/$name.err"
    check "$name: nothing on stdout" test ! -s "$TMP/$name.out"
}
usage_case usage_noargs
usage_case usage_badcmd frobnicate
usage_case usage_nopath extract
usage_case usage_nopath_json extract --json
usage_case usage_badopt extract --no-such-option "$D/good.txt"
usage_case usage_maxbytes_noval extract --max-page-bytes
usage_case usage_maxbytes_nan extract --max-page-bytes lots "$D/good.txt"
usage_case usage_maxbytes_neg extract --max-page-bytes -5 "$D/good.txt"

# --- --help and --version: exit 0 on stdout ---------------------------------------------------
run help --help
expect_rc help 0
check "help: mentions extract" grep -q extract "$TMP/help.out"
check "help: documents exit status" grep -qi "exit" "$TMP/help.out"
run help_extract extract --help
expect_rc help_extract 0
check "extract --help: mentions --json and --max-page-bytes" \
    grep -q -e "--max-page-bytes" "$TMP/help_extract.out"
check "extract --help: mentions --json" grep -q -e "--json" "$TMP/help_extract.out"
run version --version
expect_rc version 0
check "version: prints a version number" grep -Eq '[0-9]+\.[0-9]+' "$TMP/version.out"

finish
