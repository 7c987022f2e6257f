#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# run.sh — run every libFuzzer target of tests/fuzz for SECONDS each, on a scratch copy of its
# committed seed corpus (so new inputs libFuzzer finds do not dirty the tree).
#
# usage: tests/fuzz/run.sh BUILD_DIR SECONDS
#
# BUILD_DIR must be (or will be made) a clang build configured with -Dfuzz=true; when it does
# not exist it is set up here with `CC=clang meson setup BUILD_DIR -Dfuzz=true -Dtests=false`.
# Crash, leak and timeout reproducers are written to tests/fuzz/ (crash-*, leak-*, timeout-*,
# ignored by git until a fix commits them under corpus/<target>/). Exit status: 0 when no
# target failed, 1 when one did, 2 on usage errors.
set -euo pipefail

if [[ $# -ne 2 || ! "$2" =~ ^[0-9]+$ ]]; then
    echo "usage: $0 BUILD_DIR SECONDS" >&2
    exit 2
fi
BUILD=$1
SECONDS_EACH=$2
FUZZ_DIR=$(cd "$(dirname "$0")" && pwd)
SRC_ROOT=$(cd "$FUZZ_DIR/../.." && pwd)

if [[ ! -f "$BUILD/build.ninja" ]]; then
    (cd "$SRC_ROOT" && CC=clang meson setup "$BUILD" -Dfuzz=true -Dtests=false)
fi
if ! meson configure "$BUILD" 2>/dev/null | grep -Eq '^ *fuzz +true'; then
    echo "run.sh: $BUILD is not configured with -Dfuzz=true" >&2
    exit 2
fi

status=0
for corpus in "$FUZZ_DIR"/corpus/*/; do
    t=$(basename "$corpus")
    ninja -C "$BUILD" "tests/fuzz/fuzz_$t" >/dev/null
    bin=$BUILD/tests/fuzz/fuzz_$t
    work=$(mktemp -d "${TMPDIR:-/tmp}/herald-fuzz-$t.XXXXXX")
    cp -R "$corpus"/. "$work"/
    dict=()
    [[ -f "$FUZZ_DIR/$t.dict" ]] && dict=("-dict=$FUZZ_DIR/$t.dict")
    echo "run.sh: fuzz_$t for ${SECONDS_EACH}s on $(ls "$work" | wc -l) seeds"
    set +e
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
        "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$FUZZ_DIR/" "${dict[@]}" "$work" \
        >"$work.log" 2>&1
    rc=$?
    set -e
    tail -n 15 "$work.log"
    if ((rc != 0)); then
        echo "run.sh: fuzz_$t FAILED (exit $rc); full log: $work.log; reproducer in $FUZZ_DIR/" >&2
        status=1
    else
        rm -f "$work.log"
    fi
    rm -rf "$work"
done
exit $status
