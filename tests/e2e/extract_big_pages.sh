#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# extract_big_pages.sh — big single-line pages must not hang or blow up herald (issue 2):
# a 10 MB and a 50 MB page that are one line of prose are processed (exit 0, one or more
# articles carrying most of the text) within a generous wall-time bound (E2E_BIG_SECONDS,
# default 60 s each) and peak RSS bound (E2E_BIG_BYTES_PER_BYTE, default 32 bytes of RSS per
# page byte + 256 MiB), both meant to hold under ASan: guards against quadratic work and
# runaway copies, not benchmarks; a page just over the default limit of 64 MiB is skipped with a message naming
# it (exit 1) and the next input is still read.
#
# usage: bash extract_big_pages.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

LIMIT_S=${E2E_BIG_SECONDS:-60}
RSS_PER_BYTE=${E2E_BIG_BYTES_PER_BYTE:-32}

# measure NAME ARGS... — like run, but also records wall time ($SECS) and the peak RSS of
# herald in KiB ($RSS_KB), measured with getrusage(RUSAGE_CHILDREN).
measure()
{
    local name=$1
    shift
    read -r RC SECS RSS_KB < <(python3 - "$TMP/$name" "$HERALD" "$@" <<'PY'
import resource, subprocess, sys, time
base, cmd = sys.argv[1], sys.argv[2:]
t = time.monotonic()
with open(base + ".out", "wb") as o, open(base + ".err", "wb") as e:
    rc = subprocess.call(cmd, stdin=subprocess.DEVNULL, stdout=o, stderr=e)
print(rc, "%.1f" % (time.monotonic() - t), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
)
    echo "$RC" >"$TMP/$name.rc"
}

# make_line FILE BYTES — one line of varied prose sentences, no newline inside, BYTES long.
make_line()
{
    python3 - "$1" "$2" <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
words = ("the council said on Monday that the river port would reopen after repairs to the "
         "northern quay while traders warned that prices could rise again before winter").split()
out = bytearray(b"Harbour Report ")
i = 0
while len(out) < size:
    n = 8 + (i * 7) % 13
    s = " ".join(words[(i * 3 + k) % len(words)] for k in range(n))
    out += (s[0].upper() + s[1:] + " number %d. " % i).encode()
    i += 1
with open(path, "wb") as f:
    f.write(bytes(out[:size - 1]) + b".")
PY
}

for mb in 10 50; do
    f=$TMP/line_${mb}mb.txt
    make_line "$f" $((mb * 1000 * 1000))
    measure "big$mb" extract --json "$f"
    max_kb=$(((mb * 1000 * 1000 * RSS_PER_BYTE) / 1024 + 256 * 1024))
    echo "${mb} MB single-line page: exit $RC in ${SECS} s, peak RSS $((RSS_KB / 1024)) MiB"
    expect_rc "big$mb" 0
    check "big$mb: finished in ${SECS} s < ${LIMIT_S} s" python3 -c "import sys; sys.exit(0 if $SECS < $LIMIT_S else 1)"
    check "big$mb: peak RSS $((RSS_KB / 1024)) MiB <= $((max_kb / 1024)) MiB" test "$RSS_KB" -le "$max_kb"
    check "big$mb: schema" $CHECK schema "$TMP/big$mb.out" --min 1
    check "big$mb: output bodies hold at least 90% of the page's bytes" python3 - "$f" "$TMP/big$mb.out" <<'PY'
import json, os, sys
size = os.path.getsize(sys.argv[1])
got = sum(len(json.loads(l).get("body", "").encode()) for l in open(sys.argv[2]) if l.strip())
print("  body bytes %d of %d (%.0f%%)" % (got, size, 100.0 * got / size))
sys.exit(0 if got >= 0.9 * size else 1)
PY
    rm -f "$f" "$TMP/big$mb.out"
done

# Over the default limit (64 MiB = 67108864 bytes): skipped with a message, exit 1, and the
# next input still comes out.
over=$TMP/over_default.txt
make_line "$over" $((64 * 1024 * 1024 + 4096))
printf '%s\n\n%s\n' "Small Page After The Big One" \
    "This small page comes after the oversized one and must still be extracted, the clerk said." \
    >"$TMP/after.txt"
measure over extract --json "$over" "$TMP/after.txt"
secs=$SECS
echo "page over the default limit: exit $RC in ${secs} s, peak RSS $((RSS_KB / 1024)) MiB"
expect_rc over 1
expect_diag_format over
expect_stderr over "over_default\.txt" "oversized page named"
check "over: only the small page comes out" python3 -c "
import json, sys
a = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
sys.exit(0 if len(a) == 1 and a[0]['source'].endswith('after.txt') else 1)" "$TMP/over.out"
check "over: finished in ${secs} s < ${LIMIT_S} s" python3 -c "import sys; sys.exit(0 if $secs < $LIMIT_S else 1)"

# Same through stdin, where the size is not known in advance.
set +e
cat "$over" | "$HERALD" extract --json - >"$TMP/over_stdin.out" 2>"$TMP/over_stdin.err"
echo $? >"$TMP/over_stdin.rc"
set -e
expect_rc over_stdin 1
check "over_stdin: no article from the oversized stdin page" test ! -s "$TMP/over_stdin.out"
check "over_stdin: message on stderr" test -s "$TMP/over_stdin.err"

finish
