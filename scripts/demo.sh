#!/usr/bin/env bash
# herald's main job on the project's own sample pages (samples/): extract the articles, then
# index them and answer a query and a statement timeline where those commands exist.
set -euo pipefail
herald=${1:-build/herald}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

echo "== herald extract samples/   (clean, segmented articles with their statements)"
"$herald" extract samples/
echo

if "$herald" --help | grep -q '^  index'; then
  idx=$(mktemp -d)
  trap 'rm -rf "$idx"' EXIT
  echo "== herald index samples/ --index $idx"
  "$herald" index --index "$idx" samples/
  echo
  echo "== herald search --index $idx 'cable repair'"
  "$herald" search --index "$idx" -n 3 'cable repair'
  if "$herald" --help | grep -q '^  said'; then
    echo
    echo "== herald said --index $idx 'Nadia Brel'"
    "$herald" said --index "$idx" 'Nadia Brel'
  fi
fi
