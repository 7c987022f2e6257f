#!/usr/bin/env bash
# Install the Debian 12 packages herald needs to build and test (run as root), or print the
# apt-get line and fail when not root. Safe to run again: installs only what is missing.
set -euo pipefail

pkgs=(
  build-essential meson ninja-build pkg-config clang libclang-rt-14-dev
  libutf8proc-dev libstemmer-dev libxxhash-dev libzstd-dev libjansson-dev
  libmicrohttpd-dev libstreamvbyte-dev libroaring-dev libcmocka-dev
  libxml2-dev zlib1g-dev
  iso-codes python3
)
if [ "${1:-}" = "--bench" ]; then
  pkgs+=(libsqlite3-dev libxapian-dev g++ time)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/deps.sh: missing packages; as root run:" >&2
  echo "  apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "scripts/deps.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
