#!/usr/bin/env bash
# peers.sh — herald side by side with SQLite FTS5 and Xapian, in one run, one table.
#
# usage: bench/peers.sh [--corpora x1,x10] [--engines herald,fts5,xapian] [--herald PATH]
#                       [--keep] [--timeout SECONDS] [--herald-index-opts "OPTS"] [--rounds N]
#
# For each corpus (x1 = Reuters-21578 from ../shared/data/reuters21578, x10 = a 10x REPLICA
# of it with fresh ids) and each engine:
#   1. index the corpus under /usr/bin/time -v (wall time, peak RSS), final merge included:
#        herald index CORPUS.jsonl --index DIR
#        fts5_driver index CORPUS.jsonl DIR      (contentless, porter unicode61, then optimize)
#        xapian_driver index CORPUS.jsonl DIR    (Stem english, positions, then compact)
#   2. du -sb the index directory;
#   3. run 200 warm-up queries (seed 43) then 1,000 OR + 100 phrase + 100 AND queries (seed 42,
#      from title words: gen_queries.py), single thread, top 10, timing each in process:
#        herald search --index DIR --batch FILE --json --no-snippets   (took_ms per query)
#        fts5_driver / xapian_driver query DIR FILE --warmup WARMFILE
# and prints ONE markdown table (also saved as $WORK/RESULT.md) with the ratios herald/peer.
# A herald command that is missing or fails gives a "not available" row; the peers still run.
# --herald-index-opts adds options to `herald index` (e.g. "--no-statements"); the herald row
# then names them.  `herald stats` of each herald index is saved beside the results.
# --rounds N runs the measured queries N times in the same process (after the warm-up) and
# takes each query's fastest round: on a busy machine this strips most scheduler noise from
# the tails (default 1: every query once).
#
# Environment: WORK (default /tmp/herald-bench: everything is written there), BUILD (peer
# drivers, default $WORK/build), REUTERS_DIR (default ../shared/data/reuters21578 from the repo).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=${WORK:-/tmp/herald-bench}
BUILD=${BUILD:-$WORK/build}
REUTERS_DIR=${REUTERS_DIR:-}
CORPORA=x1,x10
ENGINES=herald,fts5,xapian
HERALD=${HERALD:-}
KEEP=0
ROUNDS=1
HERALD_INDEX_OPTS=${HERALD_INDEX_OPTS:-}
TMO=3600
PY=${PYTHON:-python3}

die() { echo "peers.sh: $*" >&2; exit 1; }
log() { echo "peers.sh: $*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --corpora) CORPORA=${2:?--corpora needs a value}; shift 2 ;;
    --engines) ENGINES=${2:?--engines needs a value}; shift 2 ;;
    --herald) HERALD=${2:?--herald needs a path}; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --rounds) ROUNDS=${2:?--rounds needs a number}; shift 2 ;;
    --herald-index-opts) HERALD_INDEX_OPTS=${2?--herald-index-opts needs a value}; shift 2 ;;
    --timeout) TMO=${2:?--timeout needs seconds}; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo pipefail/{/^set /!p}' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

if [ -z "$REUTERS_DIR" ]; then
  for d in "$ROOT/../shared/data/reuters21578" /work/shared/data/reuters21578; do
    if [ -d "$d" ]; then REUTERS_DIR=$d; break; fi
  done
fi
if [ -z "$REUTERS_DIR" ] || [ ! -d "$REUTERS_DIR" ]; then die "Reuters-21578 not found; set REUTERS_DIR"; fi
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is needed: apt-get install time"
command -v "$PY" >/dev/null || die "python3 is needed"
mkdir -p "$WORK"

# ---- peer drivers
need_peers=0
case ",$ENGINES," in *,fts5,*|*,xapian,*) need_peers=1 ;; esac
if [ $need_peers = 1 ]; then
  make -s -C "$HERE" drivers BUILD="$BUILD" WORK="$WORK" >&2 || die "could not build the peer drivers (libsqlite3-dev, libxapian-dev, g++ needed; see scripts/bench-deps.sh)"
fi

# ---- herald
herald_status=""
if [[ ",$ENGINES," == *,herald,* ]]; then
  if [ -z "$HERALD" ]; then
    # the newest of the meson builds (build/ from the top-level `make bench`, build-bench/
    # from `make -C bench herald`), else herald on PATH
    for cand in "$ROOT/build/herald" "$ROOT/build-bench/herald" "$ROOT/build-bench/src/cli/herald"; do
      if [ -x "$cand" ] && { [ -z "$HERALD" ] || [ "$cand" -nt "$HERALD" ]; }; then HERALD=$cand; fi
    done
    if [ -z "$HERALD" ] && command -v herald >/dev/null; then HERALD=$(command -v herald); fi
  fi
  if [ -z "$HERALD" ] || [ ! -x "$HERALD" ]; then
    herald_status="not available: herald binary not built (make, or make -C bench herald)"
  elif ! "$HERALD" index --help >/dev/null 2>&1; then
    herald_status="not available: herald has no 'index' command yet"
  fi
  log "herald: ${HERALD:-none} ${herald_status:+($herald_status)}"
fi
herald_search_ok() {
  local h
  h=$("$HERALD" search --help 2>&1 || true)
  [[ $h == *--batch* ]]
}

# ---- corpora and queries
BASE=$WORK/reuters.jsonl
if [ ! -s "$BASE" ] || [ "$HERE/reuters2jsonl.py" -nt "$BASE" ]; then
  "$PY" "$HERE/reuters2jsonl.py" "$REUTERS_DIR" "$BASE"
fi
QUERIES=$WORK/queries.tsv
WARMUP=$WORK/warmup.tsv
"$PY" "$HERE/gen_queries.py" "$BASE" "$QUERIES" --seed 42
"$PY" "$HERE/gen_queries.py" "$BASE" "$WARMUP" --seed 43 --or 150 --phrase 25 --and 25
NWARM=$(wc -l <"$WARMUP")
for e in herald fts5 xapian; do
  "$PY" "$HERE/benchtool.py" syntax $e "$QUERIES" "$WORK/queries.$e.txt"
  "$PY" "$HERE/benchtool.py" syntax $e "$WARMUP" "$WORK/warmup.$e.txt"
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds needs a positive integer"
for e in herald fts5 xapian; do
  for _ in $(seq "$ROUNDS"); do cat "$WORK/queries.$e.txt"; done >"$WORK/rounds.$e.txt"
done
cat "$WORK/warmup.herald.txt" "$WORK/rounds.herald.txt" >"$WORK/batch.herald.txt"

# index ENGINE CORPUS IDXDIR RUNDIR: returns the command's exit status
run_index() {
  local e=$1 corpus=$2 idx=$3 rd=$4 rc=0
  rm -rf "$idx"
  case $e in
    herald) # shellcheck disable=SC2086 # HERALD_INDEX_OPTS is a list of options
      timeout "$TMO" /usr/bin/time -v -o "$rd/$e.timev" "$HERALD" index $HERALD_INDEX_OPTS "$corpus" --index "$idx" \
              >"$rd/$e.index.log" 2>&1 || rc=$? ;;
    *) timeout "$TMO" /usr/bin/time -v -o "$rd/$e.timev" "$BUILD/${e}_driver" index "$corpus" "$idx" \
              >"$rd/$e.index.log" 2>&1 || rc=$? ;;
  esac
  return $rc
}

rundirs=()
t_start=$(date +%s)
load_start=$(cut -d" " -f1-3 /proc/loadavg)
IFS=, read -ra corpora <<<"$CORPORA"
IFS=, read -ra engines <<<"$ENGINES"
for c in "${corpora[@]}"; do
  case $c in
    x1) corpus=$BASE; n=1; label="reuters" ;;
    x[0-9]*) n=${c#x}; corpus=$WORK/reuters-$c.jsonl; label="reuters-$c (replica)"
      if [ ! -s "$corpus" ] || [ "$BASE" -nt "$corpus" ]; then "$PY" "$HERE/replicate.py" "$BASE" "$corpus" "$n"; fi ;;
    *) die "unknown corpus '$c' (x1, x10, xN)" ;;
  esac
  rd=$WORK/run-$c
  rm -rf "$rd"; mkdir -p "$rd"
  stats=$("$PY" "$HERE/benchtool.py" corpus-stats "$corpus")
  printf '{"corpus": "%s", "replica": %d, "queries": "%s", "warmup": %d, "rounds": %d, "docs": %s, "bytes": %s}\n' \
    "$label" "$n" "$QUERIES" "$NWARM" "$ROUNDS" \
    "$(echo "$stats" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["docs"])')" \
    "$(echo "$stats" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["bytes"])')" >"$rd/meta.json"
  for e in "${engines[@]}"; do
    idx=$WORK/idx-$c-$e
    if [ "$e" = herald ] && [ -n "$herald_status" ]; then
      echo "$herald_status" >"$rd/$e.status"; continue
    fi
    case $e in herald|fts5|xapian) ;; *) die "unknown engine '$e'" ;; esac
    log "$label: indexing with $e"
    if ! run_index "$e" "$corpus" "$idx" "$rd"; then
      echo "not available: $e index failed (see $rd/$e.index.log)" >"$rd/$e.status"
      rm -f "$rd/$e.timev"; log "$e index failed: $(tail -n 3 "$rd/$e.index.log" | tr '\n' ' ')"
      continue
    fi
    du -sb "$idx" | cut -f1 >"$rd/$e.size"
    log "$label: querying with $e"
    st=ok
    if [ "$e" = herald ]; then
      if ! herald_search_ok; then
        st="search not available: no 'herald search --batch'"
      else
        # exit status 1 = some batch query failed (its line carries "error"): still usable
        src=0
        timeout "$TMO" /usr/bin/time -v -o "$rd/$e.search.timev" \
          "$HERALD" search --index "$idx" --batch "$WORK/batch.herald.txt" --json --no-snippets \
          >"$rd/$e.q.jsonl" 2>"$rd/$e.query.log" || src=$?
        nout=$(grep -c '^{' "$rd/$e.q.jsonl" || true)
        nin=$(grep -c . "$WORK/batch.herald.txt" || true)
        if [ "$src" -gt 1 ] || [ "$nout" -ne "$nin" ]; then
          st="search failed (exit $src, $nout results for $nin queries; see $rd/$e.query.log)"
        elif ! grep -q took_ms "$rd/$e.q.jsonl"; then
          st="search output has no took_ms"
        elif [ "$src" -eq 1 ]; then
          log "herald: some queries failed: $(grep -c '"error"' "$rd/$e.q.jsonl" || true) error lines"
        fi
      fi
      "$HERALD" stats --index "$idx" >"$rd/$e.stats.txt" 2>&1 || true
      # section sizes (postings, positions, dictionary, stored text) from the segment files
      "$PY" "$HERE/segsizes.py" "$idx" --json >"$rd/$e.segsizes.json" 2>/dev/null || rm -f "$rd/$e.segsizes.json"
      if [ -n "$HERALD_INDEX_OPTS" ]; then echo "herald (index $HERALD_INDEX_OPTS)" >"$rd/$e.label"; fi
    else
      if ! timeout "$TMO" "$BUILD/${e}_driver" query "$idx" "$WORK/rounds.$e.txt" --warmup "$WORK/warmup.$e.txt" \
             >"$rd/$e.q.jsonl" 2>"$rd/$e.query.log"; then
        st="query run failed (see $rd/$e.query.log)"
      fi
    fi
    echo "$st" >"$rd/$e.status"
    [ "$st" = ok ] || log "$e: $st"
    [ $KEEP = 1 ] || rm -rf "$idx"
  done
  rundirs+=("$rd")
done

"$PY" "$HERE/benchtool.py" table "$WORK/RESULT.md" "${rundirs[@]}"
{
  echo
  echo "machine: nproc=$(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr)"
  echo "SQLite $(pkg-config --modversion sqlite3 2>/dev/null || echo '?'), Xapian $(pkg-config --modversion xapian-core 2>/dev/null || echo '?'), herald: ${HERALD:-not built} $([ -n "$HERALD" ] && "$HERALD" --version 2>/dev/null || true)"
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); wall time of this run: $(( $(date +%s) - t_start )) s; load average at start $load_start, at end $(cut -d" " -f1-3 /proc/loadavg) (2 cores: > 1 means other work competed); results in $WORK"
} | tee -a "$WORK/RESULT.md"
