#!/usr/bin/env bash
# bench-deps.sh — install what bench/ needs on Debian 12 (run as root, once):
# the peer engines' development files (SQLite with FTS5, Xapian), a C++ compiler, GNU time,
# taskset (util-linux), pkg-config, meson/ninja (for building herald) and python3.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then echo "bench-deps.sh: run as root (apt-get)" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends \
  libsqlite3-dev libxapian-dev g++ gcc make pkg-config time util-linux \
  meson ninja-build python3 sqlite3
echo "bench-deps.sh: SQLite $(pkg-config --modversion sqlite3), Xapian $(pkg-config --modversion xapian-core)"
