#!/usr/bin/env python3
"""Break a herald index down by section: postings, positions, dictionary, stored text.

usage: segsizes.py INDEX_DIR [--json]

Reads every seg_*.hds file of the index (format versions 2 to 5, docs/FORMAT.md): the 24 u64
meta block just before the 16-byte trailer gives the section offsets, in file order:
  postings [0, pos)  positions [pos, dict)  dictionary [dict, dict_idx) + index [dict_idx, norms)
  norms [norms, dates)  dates + zstd dictionaries [dates, store)  meta store [store, store_idx)
  + index [store_idx, body)  bodies [body, body_idx) + index [body_idx, meta)  meta block, trailer.
The zstd dictionary of each stored stream (meta words 19 and 20: their lengths) is counted in
that stream's size (stored_meta, stored_bodies): a reader cannot decompress without it.
This reads herald's private format only to measure it; an unknown magic or version is
reported and the file is skipped, so the benchmark never depends on it.
Python 3 stdlib only.
"""
import glob
import json
import os
import struct
import sys

MAGIC = b"HDSG"
VERSIONS = (2, 3, 4, 5)
TRAILER = 16
META_WORDS = 24
# meta word indices (src/index/seg.h)
POS, DICT, DICT_IDX, NORMS, DATES, STORE, STORE_IDX = 2, 3, 4, 6, 7, 8, 9
META, BODY, BODY_IDX = 15, 16, 17
MDICT_LEN, BDICT_LEN = 19, 20


def segment_sizes(path):
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        if size < TRAILER + 8 * META_WORDS:
            raise ValueError("too short")
        f.seek(size - TRAILER)
        magic, version = struct.unpack("<4sI", f.read(8))
        if magic != MAGIC or version not in VERSIONS:
            raise ValueError(f"magic {magic!r} version {version}: not the format this script knows")
        f.seek(size - TRAILER - 8 * META_WORDS)
        m = struct.unpack("<%dQ" % META_WORDS, f.read(8 * META_WORDS))
    offs = [0, m[POS], m[DICT], m[DICT_IDX], m[NORMS], m[DATES], m[STORE], m[STORE_IDX], m[BODY],
            m[BODY_IDX], m[META], size - TRAILER - 8 * META_WORDS]
    if offs != sorted(offs) or offs[-1] > size:
        raise ValueError("section offsets out of order: the format changed")
    sec = lambda a, b: offs[b] - offs[a]
    return {
        "docs": m[0],
        "terms": m[1],
        "postings": sec(0, 1),
        "positions": sec(1, 2),
        "dictionary": sec(2, 4),
        "norms_dates": sec(4, 5) + sec(5, 6) - m[MDICT_LEN] - m[BDICT_LEN],
        "stored_meta": sec(6, 8) + m[MDICT_LEN],
        "stored_bodies": sec(8, 10) + m[BDICT_LEN],
        "other": size - offs[-1] + sec(10, 11),
        "total": size,
    }


def index_sizes(d):
    tot = {}
    notes = []
    for p in sorted(glob.glob(os.path.join(d, "seg_*.hds"))):
        try:
            s = segment_sizes(p)
        except (OSError, ValueError, struct.error) as e:
            notes.append(f"{os.path.basename(p)}: {e}")
            continue
        for k, v in s.items():
            tot[k] = tot.get(k, 0) + v
    files = sum(os.path.getsize(p) for p in glob.glob(os.path.join(d, "*")) if os.path.isfile(p))
    tot["index_files"] = files
    return tot, notes


def main():
    if len(sys.argv) not in (2, 3) or (len(sys.argv) == 3 and sys.argv[2] != "--json"):
        sys.exit(__doc__)
    tot, notes = index_sizes(sys.argv[1])
    if len(sys.argv) == 3:
        print(json.dumps({"sizes": tot, "notes": notes}))
        return
    for n in notes:
        print("segsizes: " + n, file=sys.stderr)
    for k, v in tot.items():
        print(f"{k:14} {v:>14,}" if k not in ("docs", "terms") else f"{k:14} {v:>14,}")


if __name__ == "__main__":
    main()
