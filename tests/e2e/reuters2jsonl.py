#!/usr/bin/env python3
"""Convert Reuters-21578 SGML (reut2-NNN.sgm or .sgm.gz) to herald JSON Lines.

usage: reuters2jsonl.py [-o OUT.jsonl] FILE_OR_DIR...

Each <REUTERS> record becomes one JSON object on one line:

  id      the NEWID attribute, as a string ("1" .. "21578")
  url     null: the collection has no URLs
  source  "reuters"
  date    the <DATE> as ISO YYYY-MM-DD ("26-FEB-1987 15:01:01.79" -> "1987-02-26"),
          or null when it cannot be parsed
  title   the <TITLE>, entities decoded, whitespace collapsed ("" when absent)
  text_type  the <TEXT TYPE> attribute: "NORM" (has a <BODY>; the attribute's default),
          "BRIEF" or "UNPROC". Not a herald field: herald must ignore it like any unknown
          field; the e2e test uses it to tell real bodies from the rest.
  text    the <BODY> with SGML character references decoded (&lt; &amp; &#3; ...) and
          control characters removed (every C0 code, DEL and C1 code except \\n and \\t);
          the original line wrapping is kept, \\r is dropped.

Records without <BODY>:
  * TEXT TYPE="UNPROC" (737 records: price tables, market reports and bare headlines that
    were never split into title and body): text is the whole <TEXT> content with its tags
    (<TITLE>, <DATELINE>) and their contents removed, decoded and cleaned as above. Some of
    these hold only a headline or a table, so a consumer may fairly find no article in them.
  * TEXT TYPE="BRIEF" (headline-only flashes): text is "" (empty). The placeholder
    "Blah blah blah." that follows the headline in the SGML is not news text and is
    dropped. The record is still written, so every NEWID appears exactly once in the
    output; a consumer counts such records as inputs with an empty body.

Input is read as bytes and decoded as Latin-1 (the collection is ASCII except for one
byte in reut2-017.sgm), so nothing is lost and the output is valid UTF-8.
Python standard library only. Directories are searched for reut2-*.sgm[.gz] in sorted order.
"""
import argparse
import gzip
import html
import json
import os
import re
import sys

RECORD = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')
MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ENTITY = re.compile(r"&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z]+);")


def element(name, s):
    m = re.search(r"<%s\b[^>]*>(.*?)</%s>" % (name, name), s, re.S)
    return m.group(1) if m else None


def decode(s):
    """Decode SGML character references, then drop control characters."""
    def ref(m):
        e = m.group(1)
        try:
            if e[0] == "#":
                n = int(e[2:], 16) if e[1] in "xX" else int(e[1:])
                return chr(n) if 0 <= n < 0x110000 else ""
        except ValueError:
            return m.group(0)
        return html.unescape(m.group(0))
    s = ENTITY.sub(ref, s)
    return CONTROL.sub("", s)


def iso_date(s):
    if not s:
        return None
    m = re.match(r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})", s)
    if not m or m.group(2).upper() not in MONTHS:
        return None
    return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2).upper()], int(m.group(1)))


def records(data):
    for m in RECORD.finditer(data):
        attrs = dict(ATTR.findall(m.group(1)))
        rec = m.group(2)
        text_el = re.search(r"<TEXT\b([^>]*)>(.*?)</TEXT>", rec, re.S)
        text_attrs = dict(ATTR.findall(text_el.group(1))) if text_el else {}
        inner = text_el.group(2) if text_el else ""
        title = element("TITLE", inner)
        body = element("BODY", inner)
        if body is None:
            if text_attrs.get("TYPE") == "BRIEF":
                body = ""
            else:
                body = re.sub(r"<(TITLE|DATELINE)\b[^>]*>.*?</\1>", "", inner, flags=re.S)
                body = re.sub(r"<[^>]*>", "", body)
        text = decode(body)
        if not text.strip():
            text = ""
        yield {
            "id": attrs.get("NEWID", ""),
            "url": None,
            "source": "reuters",
            "date": iso_date(element("DATE", rec)),
            "title": re.sub(r"\s+", " ", decode(title or "")).strip(),
            "text_type": text_attrs.get("TYPE", "NORM"),
            "text": text,
        }


def inputs(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if re.match(r"reut2-\d+\.sgm(\.gz)?$", name):
                    yield os.path.join(p, name)
        else:
            yield p


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", help="output file (default: stdout)")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args(argv)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    n = 0
    for path in inputs(args.paths):
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as f:
            data = f.read().decode("latin-1")
        for r in records(data):
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    if out is not sys.stdout:
        out.close()
    print("reuters2jsonl: %d records" % n, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
