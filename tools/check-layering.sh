#!/usr/bin/env bash
# Fail when a file under src/ includes a header of a later pipeline stage, or when the CLI or
# server use anything but the public API (include/herald.h) and their own headers.
# Order: base -> ingest -> clean -> segment -> extract -> dedup -> index -> search -> lib -> cli|serve
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
order=(base ingest clean segment extract dedup index search lib cli server)
rank() { local i; for i in "${!order[@]}"; do [ "${order[$i]}" = "$1" ] && { echo "$i"; return; }; done; echo -1; }
bad=0
while IFS= read -r f; do
  stage=${f#"$root"/src/}; stage=${stage%%/*}
  r=$(rank "$stage")
  while IFS= read -r inc; do
    dep=${inc%%/*}
    [ "$dep" = "$inc" ] && continue            # "herald.h" or a same-folder file
    d=$(rank "$dep")
    [ "$d" -lt 0 ] && continue                  # generated or non-stage header
    if [ "$stage" = cli ] || [ "$stage" = server ]; then
      if [ "$dep" != "$stage" ]; then
        echo "layering: ${f#"$root"/}: includes \"$inc\"; $stage/ may use only herald.h" >&2; bad=1
      fi
    elif [ "$d" -gt "$r" ]; then
      echo "layering: ${f#"$root"/}: $stage/ includes later stage \"$inc\"" >&2; bad=1
    fi
  done < <(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f")
done < <(find "$root/src" -name '*.[ch]' | sort)
[ $bad -eq 0 ] && echo "layering: ok ($(find "$root/src" -name '*.[ch]' | wc -l) files)"
exit $bad
