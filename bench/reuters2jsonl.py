#!/usr/bin/env python3
"""Convert Reuters-21578 SGML (reut2-NNN.sgm or .sgm.gz) to herald JSON Lines.

usage: reuters2jsonl.py SGM_DIR OUT.jsonl      (OUT may be - for stdout)

One JSON object a line, with herald's ingest fields:
  id      the NEWID attribute, as a digit string ("1" .. "21578")
  url     "reuters21578:<NEWID>"  (the collection has no URLs; this is stable and unique)
  source  "reuters"
  date    ISO YYYY-MM-DD from <DATE> ("26-FEB-1987 15:01:01.79" -> "1987-02-26")
  title   <TITLE>, entities decoded, whitespace collapsed
  text    the body, see below

Body text:
  * SGML character references are decoded: &lt; &gt; &amp; and numeric ones; the
    control characters the wire carries (&#2; &#3; &#5; &#22; &#127; ...) are dropped.
  * Hard-wrapped lines are joined with one space into paragraphs.  A new paragraph
    starts at a line that begins with white space (the wire's indented paragraph
    starts, table rows) or after a blank line.  Paragraphs are separated by "\n".
  * The trailing "Reuter" sign-off is kept as is (it is the last paragraph).

Records without a <BODY>:
  * TYPE="BRIEF" (1,798 records: a headline only): the TITLE IS USED AS THE TEXT, so every
    one of the 21,578 records is written and ids stay dense.  This repeats the title's
    words once in those records (about 1% of the text bytes).
  * TYPE="UNPROC" (737 records: untagged text, mostly tables): the first non-empty line is
    the title and the remaining lines, paragraphed as above, are the text (the whole
    text when there is only one line).  One UNPROC record, NEWID 12793, is empty in the
    original; it is written with an empty title and text (herald skips it: 21,577 articles).

The files are Latin-1 (reut2-017 has one non-ASCII byte); output is UTF-8.
A summary (records, MB of title+text in UTF-8) goes to stderr.  Python 3 stdlib only.
"""
import glob
import gzip
import json
import os
import re
import sys

RE_DOC = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
RE_NEWID = re.compile(r'\bNEWID="(\d+)"')
RE_DATE = re.compile(r"<DATE>\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})")
RE_TEXT = re.compile(r"<TEXT\b([^>]*)>(.*?)</TEXT>", re.S)
RE_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
RE_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
RE_DATELINE = re.compile(r"<DATELINE>.*?</DATELINE>", re.S)
RE_TAG = re.compile(r"</?[A-Z]+\b[^>]*>")
RE_REF = re.compile(r"&(#\d+|lt|gt|amp|quot|apos);")
MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def decode_refs(s):
    """Decode SGML references; drop control characters (C0 except \\n and \\t, and DEL)."""
    def rep(m):
        r = m.group(1)
        if r[0] == "#":
            c = int(r[1:])
            if c < 32 and c not in (9, 10) or c == 127:
                return ""
            return chr(c)
        return NAMED[r]
    s = RE_REF.sub(rep, s)
    # raw control bytes may also occur (none expected, but be safe)
    return "".join(ch for ch in s if ch in "\n\t" or not (ord(ch) < 32 or ord(ch) == 127))


def one_line(s):
    return " ".join(s.split())


def paragraphs(lines):
    """Join hard-wrapped lines; a line starting with white space or a blank line breaks."""
    paras, cur = [], []
    for line in lines:
        if not line.strip():
            if cur:
                paras.append(" ".join(cur))
                cur = []
            continue
        if line[:1].isspace() and cur:
            paras.append(" ".join(cur))
            cur = []
        cur.append(one_line(line))
    if cur:
        paras.append(" ".join(cur))
    return "\n".join(paras)


def iso_date(inner):
    m = RE_DATE.search(inner)
    if not m:
        return None
    mon = MONTHS.get(m.group(2).lower())
    if not mon:
        return None
    return "%04d-%02d-%02d" % (int(m.group(3)), mon, int(m.group(1)))


def convert(sgm_dir, out):
    files = sorted(glob.glob(os.path.join(sgm_dir, "reut2-*.sgm.gz")))
    if not files:
        files = sorted(glob.glob(os.path.join(sgm_dir, "reut2-*.sgm")))
    if not files:
        sys.exit(f"reuters2jsonl: no reut2-*.sgm[.gz] files in {sgm_dir}")
    n = nbytes = n_brief = n_unproc = 0
    seen = set()
    for fn in files:
        opener = gzip.open if fn.endswith(".gz") else open
        with opener(fn, "rb") as fh:
            raw = fh.read().decode("latin-1")
        for m in RE_DOC.finditer(raw):
            attrs, inner = m.group(1), m.group(2)
            idm = RE_NEWID.search(attrs)
            if not idm:
                sys.exit(f"reuters2jsonl: {fn}: a <REUTERS> record has no NEWID")
            did = str(int(idm.group(1)))
            if did in seen:
                sys.exit(f"reuters2jsonl: {fn}: duplicate NEWID {did}")
            seen.add(did)
            tm = RE_TEXT.search(inner)
            ttype, tbody = (tm.group(1), tm.group(2)) if tm else ("", "")
            ti = RE_TITLE.search(tbody)
            bo = RE_BODY.search(tbody)
            title = one_line(decode_refs(ti.group(1))) if ti else ""
            if bo:
                text = paragraphs(decode_refs(bo.group(1)).split("\n"))
            elif ti or "BRIEF" in ttype:
                text = title
                n_brief += 1
            else:  # UNPROC: untagged text
                n_unproc += 1
                body = decode_refs(RE_TAG.sub(" ", RE_DATELINE.sub(" ", tbody)))
                lines = body.split("\n")
                k = next((i for i, l in enumerate(lines) if l.strip()), None)
                if k is None:
                    title, text = "", ""
                else:
                    title = one_line(lines[k])
                    text = paragraphs(lines[k + 1:]) or title
            rec = {"id": did, "url": "reuters21578:" + did, "source": "reuters",
                   "date": iso_date(inner), "title": title, "text": text}
            if rec["date"] is None:
                del rec["date"]
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
            nbytes += len(title.encode()) + len(text.encode())
    print(f"reuters2jsonl: {n} records ({n_brief} brief: title used as text; {n_unproc} unproc), "
          f"{nbytes / 1e6:.1f} MB of title+text", file=sys.stderr)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    if sys.argv[2] == "-":
        convert(sys.argv[1], sys.stdout)
    else:
        tmp = sys.argv[2] + ".tmp"
        with open(tmp, "w", encoding="utf-8") as out:
            convert(sys.argv[1], out)
        os.replace(tmp, sys.argv[2])


if __name__ == "__main__":
    main()
