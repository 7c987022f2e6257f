#!/usr/bin/env bash
# extract_statements.sh — what entity and statement extraction adds to `herald extract`.
#
# usage: bench/extract_statements.sh [--herald PATH] [--runs N] [--input FILE]
#
# Runs `herald extract --json` on the Reuters-21578 JSONL (made by bench/reuters2jsonl.py into
# $WORK/reuters.jsonl when missing; --input overrides) with and without --no-statements, each
# N times (default 5) pinned to one CPU, output to /dev/null. Reports the best wall time, the
# best CPU time (user+sys, steadier when the machine is shared) and, when `perf` works,
# retired instructions (steadier still), then the overhead of statements in percent of the
# pipeline without them. Issue 4's budget: overhead <= 50 %.
#
# Environment: WORK (default /tmp/herald-bench), REUTERS_DIR.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=${WORK:-/tmp/herald-bench}
RUNS=5
HERALD=
INPUT=
die() { echo "extract_statements.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --herald) HERALD=${2:?--herald needs a path}; shift 2 ;;
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --input) INPUT=${2:?--input needs a file}; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) die "unknown argument '$1'" ;;
  esac
done
if [ -z "$HERALD" ]; then
  for h in "$ROOT/build-bench/herald" "$ROOT/build/herald" "$ROOT/build-extract/herald" \
           "$ROOT/build/src/cli/herald"; do
    if [ -x "$h" ]; then HERALD=$h; break; fi
  done
  [ -n "$HERALD" ] || die "herald not built; pass --herald PATH"
fi
"$HERALD" extract --help 2>&1 | grep -q -- --no-statements || die "$HERALD has no --no-statements"

mkdir -p "$WORK"
if [ -z "$INPUT" ]; then
  INPUT=$WORK/reuters.jsonl
  if [ ! -s "$INPUT" ]; then
    REUTERS_DIR=${REUTERS_DIR:-$ROOT/../shared/data/reuters21578}
    [ -d "$REUTERS_DIR" ] || die "Reuters-21578 not found; set REUTERS_DIR"
    python3 "$HERE/reuters2jsonl.py" "$REUTERS_DIR" "$INPUT"
  fi
fi
CPU=$(( $(nproc) - 1 ))
PIN=(taskset -c "$CPU")
command -v taskset >/dev/null || PIN=()
PERF=0
if command -v perf >/dev/null && perf stat -e instructions -x, true 2>&1 | grep -q "^[0-9]"; then PERF=1; fi

# measure OPTS... -> prints "wall cpu instructions" (best of RUNS; instructions 0 without perf)
measure() {
  local tf=$WORK/extract-statements-time.txt bw= bc= bi=0 w c i
  for _ in $(seq "$RUNS"); do
    if [ $PERF = 1 ]; then
      i=$(perf stat -e instructions -x, -o "$tf.perf" /usr/bin/time -f "%e %U %S" -o "$tf" \
            "${PIN[@]}" "$HERALD" extract --json "$@" "$INPUT" >/dev/null 2>&1; \
          awk -F, '/instructions/{print $1}' "$tf.perf")
    else
      /usr/bin/time -f "%e %U %S" -o "$tf" "${PIN[@]}" "$HERALD" extract --json "$@" "$INPUT" \
        >/dev/null 2>&1 || true
      i=0
    fi
    read -r w c <<<"$(awk '{printf "%s %.3f", $1, $2 + $3}' "$tf")"
    if [ -z "$bw" ] || awk -v a="$w" -v b="$bw" 'BEGIN{exit !(a < b)}'; then bw=$w; fi
    if [ -z "$bc" ] || awk -v a="$c" -v b="$bc" 'BEGIN{exit !(a < b)}'; then bc=$c; fi
    if [ "$bi" = 0 ] || [ "${i:-0}" -lt "$bi" ]; then bi=${i:-0}; fi
  done
  echo "$bw $bc $bi"
}

bytes=$(stat -c %s "$INPUT")
read -r w1 c1 i1 <<<"$(measure)"
read -r w0 c0 i0 <<<"$(measure --no-statements)"
echo "## herald extract: cost of entities + statements ($(basename "$INPUT"), $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB, best of $RUNS, CPU $CPU)"
echo
echo "| run | wall s | MB/s (wall) | CPU s | MB/s (CPU) | instructions |"
echo "|---|---|---|---|---|---|"
for r in "with statements:$w1:$c1:$i1" "--no-statements:$w0:$c0:$i0"; do
  IFS=: read -r name w c i <<<"$r"
  awk -v n="$name" -v b="$bytes" -v w="$w" -v c="$c" -v i="$i" 'BEGIN{
    if (w <= 0) w = 0.001; if (c <= 0) c = 0.001;
    printf "| %s | %.2f | %.1f | %.2f | %.1f | %s |\n", n, w, b/1e6/w, c, b/1e6/c, (i > 0 ? sprintf("%.2fG", i/1e9) : "-") }'
done
echo
awk -v w1="$w1" -v w0="$w0" -v c1="$c1" -v c0="$c0" -v i1="$i1" -v i0="$i0" 'BEGIN{
  printf "statements overhead: wall %+.0f %%, CPU %+.0f %%", (w1/w0-1)*100, (c1/c0-1)*100;
  if (i0 > 0) printf ", instructions %+.0f %%", (i1/i0-1)*100;
  printf "  (budget: +50 %%)\n" }'
echo "herald: $HERALD; machine: nproc=$(nproc), load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
