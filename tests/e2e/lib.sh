# SPDX-License-Identifier: MIT
#
# lib.sh — shared helpers for the end-to-end tests. Sourced by tests/e2e/*.sh, never run.
#
# Every test is called as `bash TEST.sh HERALD [DATA_DIR]` (meson passes both) or with
# $HERALD / $HERALD_DATA in the environment. DATA_DIR defaults to ../shared/data next to the
# source tree. Checks do not stop at the first failure: each failed check prints one
# "FAIL: ..." line and the test exits 1 at the end, so one run shows everything that is wrong.

set -euo pipefail

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC_ROOT=$(cd "$E2E_DIR/../.." && pwd)
HERALD=${1:-${HERALD:-}}
DATA=${2:-${HERALD_DATA:-$SRC_ROOT/../shared/data}}
SCORE=${HERALD_SCORE:-$DATA/../tools/score_extract.py}
CHECK="python3 $E2E_DIR/check_output.py"

if [[ -z "$HERALD" || ! -x "$HERALD" ]]; then
    echo "usage: bash $0 HERALD_BINARY [DATA_DIR]  (or set HERALD)" >&2
    exit 2
fi
HERALD=$(cd "$(dirname "$HERALD")" && pwd)/$(basename "$HERALD")

# Keep going after ASan/UBSan reports so that one bad input does not hide the rest, but make
# any report fail the run: a sanitizer report is a crash for our purposes.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/herald-e2e.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

N_FAIL=0
N_CHECK=0

# fail MESSAGE... — record a failed check and go on.
fail()
{
    N_FAIL=$((N_FAIL + 1))
    echo "FAIL: $*" >&2
}

# ok MESSAGE... — record a passed check.
ok()
{
    N_CHECK=$((N_CHECK + 1))
    [[ -n "${E2E_VERBOSE:-}" ]] && echo "ok: $*" >&2
    return 0
}

# check DESCRIPTION CMD... — run CMD; pass if it succeeds.
check()
{
    local what=$1
    shift
    N_CHECK=$((N_CHECK + 1))
    if "$@"; then
        ok "$what"
    else
        fail "$what"
    fi
}

# run NAME ARGS... — run herald with ARGS, stdout to $TMP/NAME.out, stderr to $TMP/NAME.err,
# exit status to $TMP/NAME.rc and $RC. Never fails itself. Stdin is $RUN_STDIN (default
# /dev/null), so a herald that wrongly reads stdin cannot hang the test.
run()
{
    local name=$1
    shift
    set +e
    "$HERALD" "$@" <"${RUN_STDIN:-/dev/null}" >"$TMP/$name.out" 2>"$TMP/$name.err"
    RC=$?
    set -e
    echo "$RC" >"$TMP/$name.rc"
}

# expect_rc NAME WANT — the last `run NAME` exited with WANT; on failure show stderr.
expect_rc()
{
    local name=$1 want=$2 got
    got=$(cat "$TMP/$name.rc")
    N_CHECK=$((N_CHECK + 1))
    if [[ "$got" != "$want" ]]; then
        fail "$name: exit status $got, want $want; stderr:"
        head -c 2000 "$TMP/$name.err" | sed 's/^/    /' >&2
    fi
    if grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' -e 'ERROR: LeakSanitizer' \
        "$TMP/$name.err"; then
        fail "$name: sanitizer report:"
        grep -m3 -e 'ERROR:' -e 'runtime error:' "$TMP/$name.err" | sed 's/^/    /' >&2
    fi
}

# expect_stderr NAME REGEX WHY — stderr of the last `run NAME` matches REGEX (grep -E).
expect_stderr()
{
    local name=$1 re=$2 why=$3
    N_CHECK=$((N_CHECK + 1))
    if ! grep -Eq -- "$re" "$TMP/$name.err"; then
        fail "$name: stderr does not match /$re/ ($why); stderr:"
        head -c 1000 "$TMP/$name.err" | sed 's/^/    /' >&2
    fi
}

# expect_diag_format NAME — every stderr line of the last `run NAME` starts with "herald: "
# (sanitizer output excepted).
expect_diag_format()
{
    local name=$1 bad
    N_CHECK=$((N_CHECK + 1))
    bad=$(grep -v -e '^herald: ' -e '^$' "$TMP/$name.err" | head -3 || true)
    if [[ -n "$bad" ]]; then
        fail "$name: diagnostics not in the form 'herald: FILE:LINE: message':"
        echo "$bad" | sed 's/^/    /' >&2
    fi
}

# finish — print a summary line and exit 0 or 1.
finish()
{
    if ((N_FAIL)); then
        echo "$(basename "$0"): $N_FAIL of $N_CHECK checks failed" >&2
        exit 1
    fi
    echo "$(basename "$0"): all $N_CHECK checks passed"
    exit 0
}
