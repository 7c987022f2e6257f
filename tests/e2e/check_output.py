#!/usr/bin/env python3
"""Checks on `herald extract --json` output, for the end-to-end tests. Python stdlib only.

usage:
  check_output.py schema OUT.jsonl [--min N] [--max N] [--unique-ids]
      Every line is one JSON object with the fields of issue 2: id (non-empty string),
      source (non-empty string), url (string or null), seq (int >= 0, 0 or previous+1),
      title (string), date (null or a real YYYY-MM-DD), body (string), statements (list).
      No string holds NUL, CR or a BOM; body paragraphs are separated by single '\\n' and are
      whitespace-normalised (no empty paragraph, no leading/trailing blank, no tab, no double
      space). No article has an empty body. Prints the number of articles.
  check_output.py jsonl-coverage IN.jsonl OUT.jsonl [--only KEY=VALUE]
      Every input record with a non-blank "text" (and, with --only, KEY equal to VALUE) yields >= 1 article with that id (exactly, or
      the id followed by one of "#/:-." and digits); no article carries an id that is not in
      the input. Other records may yield nothing (their count is printed). A record's "date",
      when given, is the date of every article from it (the JSONL date wins), and its
      non-empty "title" is the title of its first article (seq 0).
  check_output.py file-coverage FILELIST OUT.jsonl
      Every file in FILELIST (one path a line) yields >= 1 article whose source names it
      (compared on the last two path components).
  check_output.py text-retention FILELIST OUT.jsonl
      For clean article files (BBC: headline, blank line, paragraphs): every prose paragraph
      (>= 10 words, ends in sentence punctuation, >= 3 common function words) appears,
      whitespace- and quote-normalised, in the bodies of the articles whose source is that
      file: issue 2's "nothing of the story is lost". Also prints, for information only, the
      share of all non-empty paragraphs kept (lists and line-ups included).
  check_output.py jsonl-retention IN.jsonl OUT.jsonl [--only KEY=VALUE]
      The same for JSON Lines input: every prose paragraph of a record's text (paragraphs end
      at blank lines and before indented lines; wrapped lines are joined) appears in the
      bodies of the articles carrying the record's id.
Exit status 0 when every check passes, 1 otherwise; failures are printed, at most 20 of a kind.
"""
import datetime
import json
import os
import re
import sys

ID_SUFFIX = re.compile(r"[#/:.\-]\d+$")
STOP = set("the a an of to and in on for with that is was were are be by at from as it has have "
           "had said says will would not this but or".split())


def norm(s):
    """Whitespace-, quote- and NFKC-normalised lower case, as score_extract.py compares."""
    import unicodedata
    s = unicodedata.normalize("NFKC", s or "")
    s = s.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))
    return re.sub(r"\s+", " ", s).strip().lower()


def is_prose(para):
    """>= 10 words, ends in sentence punctuation, >= 3 common function words."""
    w = re.findall(r"[a-z']+", para.lower())
    return (len(w) >= 10 and re.search(r"[.?!\"'\u201d\u2019)]$", para) is not None
            and sum(x in STOP for x in w) >= 3)


def load(path, errors):
    arts = []
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                errors.append("line %d: output is not valid UTF-8 (%s)" % (n, e))
                continue
            if not line.strip():
                errors.append("line %d: empty line in JSON Lines output" % n)
                continue
            try:
                a = json.loads(line)
            except ValueError as e:
                errors.append("line %d: not JSON: %s: %.80r" % (n, e, line))
                continue
            if not isinstance(a, dict):
                errors.append("line %d: not a JSON object" % n)
                continue
            a["_line"] = n
            arts.append(a)
    return arts


def schema(arts, errors, unique_ids):
    prev = None
    seen = {}
    for a in arts:
        n = a["_line"]
        where = "line %d (id %r)" % (n, a.get("id"))
        for k, types in (("id", str), ("source", str), ("url", (str, type(None))),
                         ("seq", int), ("title", str), ("date", (str, type(None))),
                         ("body", str), ("statements", list)):
            if k not in a:
                errors.append("%s: field %r missing" % (where, k))
            elif not isinstance(a[k], types) or isinstance(a[k], bool):
                errors.append("%s: field %r has type %s" % (where, k, type(a[k]).__name__))
        if isinstance(a.get("id"), str) and not a["id"]:
            errors.append("%s: empty id" % where)
        if isinstance(a.get("source"), str) and not a["source"]:
            errors.append("%s: empty source" % where)
        seq = a.get("seq")
        if isinstance(seq, int):
            if seq < 0:
                errors.append("%s: seq %d < 0" % (where, seq))
            elif seq != 0 and not (prev is not None and prev.get("source") == a.get("source")
                                   and prev.get("seq") == seq - 1):
                errors.append("%s: seq %d does not follow seq %r of the previous article"
                              % (where, seq, prev.get("seq") if prev else None))
        d = a.get("date")
        if isinstance(d, str):
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
                    raise ValueError
                datetime.date.fromisoformat(d)
            except ValueError:
                errors.append("%s: date %r is not YYYY-MM-DD" % (where, d))
        for k, v in a.items():
            if isinstance(v, str):
                for bad, name in (("\x00", "NUL"), ("\r", "CR"), ("\ufeff", "BOM")):
                    if bad in v:
                        errors.append("%s: field %r contains %s" % (where, k, name))
        body = a.get("body")
        if isinstance(body, str):
            if not body.strip():
                errors.append("%s: empty body" % where)
            else:
                for i, p in enumerate(body.split("\n")):
                    if not p.strip():
                        errors.append("%s: body paragraph %d is empty" % (where, i))
                        break
                    if p != p.strip() or "\t" in p or "  " in p:
                        errors.append("%s: body paragraph %d not whitespace-normalised: %.60r"
                                      % (where, i, p))
                        break
        if isinstance(a.get("title"), str) and ("\n" in a["title"] or a["title"] != a["title"].strip()):
            errors.append("%s: title not a single trimmed line: %.60r" % (where, a["title"]))
        key = (a.get("source"), a.get("seq"))
        if unique_ids:
            if a.get("id") in seen:
                errors.append("%s: id also on line %d" % (where, seen[a.get("id")]))
            seen[a.get("id")] = n
        prev = a


def base_id(i):
    return ID_SUFFIX.sub("", i)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd = argv[0]
    errors = []
    if cmd == "schema":
        out = argv[1]
        rest = argv[2:]
        arts = load(out, errors)
        schema(arts, errors, "--unique-ids" in rest)
        if "--min" in rest and len(arts) < int(rest[rest.index("--min") + 1]):
            errors.append("%d articles, want at least %s" % (len(arts), rest[rest.index("--min") + 1]))
        if "--max" in rest and len(arts) > int(rest[rest.index("--max") + 1]):
            errors.append("%d articles, want at most %s" % (len(arts), rest[rest.index("--max") + 1]))
        print("schema: %d articles" % len(arts))
    elif cmd == "jsonl-coverage":
        inp, out = argv[1], argv[2]
        only = None
        if "--only" in argv:
            only = argv[argv.index("--only") + 1].split("=", 1)
        ids, full, recs = [], set(), {}
        with open(inp, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                ids.append(str(r["id"]))
                recs[str(r["id"])] = r
                if (r.get("text") or "").strip() and (only is None or str(r.get(only[0])) == only[1]):
                    full.add(str(r["id"]))
        arts = load(out, errors)
        known = set(ids)
        got = {}
        for a in arts:
            i = str(a.get("id"))
            b = i if i in known else base_id(i)
            if b not in known:
                errors.append("line %d: article id %r matches no input id" % (a["_line"], i))
                continue
            if (a.get("body") or "").strip():
                got[b] = got.get(b, 0) + 1
            r = recs[b]
            if r.get("date") and a.get("date") != r["date"]:
                errors.append("line %d: article %r has date %r, the record says %r"
                              % (a["_line"], i, a.get("date"), r["date"]))
            if r.get("title") and a.get("seq") == 0 and a.get("title") != r["title"]:
                errors.append("line %d: article %r has title %.50r, the record says %.50r"
                              % (a["_line"], i, a.get("title"), r["title"]))
        lost = [i for i in ids if i in full and i not in got]
        for i in lost:
            errors.append("input id %s (non-empty text) yielded no article with a body" % i)
        print("jsonl-coverage: %d records, %d required (non-blank text%s), %d articles, "
              "%d records covered, %d required lost, %d others without article"
              % (len(ids), len(full), ", %s=%s" % tuple(only) if only else "", len(arts),
                 len(got), len(lost), len([i for i in ids if i not in full and i not in got])))
    elif cmd == "file-coverage":
        files = [l.strip() for l in open(argv[1]) if l.strip()]
        arts = load(argv[2], errors)
        key = lambda p: "/".join(os.path.normpath(p).split(os.sep)[-2:])
        got = {}
        for a in arts:
            if (a.get("body") or "").strip():
                k = key(a.get("source") or "")
                got[k] = got.get(k, 0) + 1
        lost = [p for p in files if key(p) not in got]
        for p in lost:
            errors.append("file %s yielded no article with a body" % p)
        print("file-coverage: %d files, %d articles, %d files covered, %d lost"
              % (len(files), len(arts), len(files) - len(lost), len(lost)))
    elif cmd == "text-retention":
        files = [l.strip() for l in open(argv[1]) if l.strip()]
        arts = load(argv[2], errors)
        key = lambda p: "/".join(os.path.normpath(p).split(os.sep)[-2:])
        bodies = {}
        for a in arts:
            bodies.setdefault(key(a.get("source") or ""), []).append(norm(a.get("body")))
        n_all = kept_all = n_prose = 0
        for p in files:
            with open(p, "rb") as f:
                lines = f.read().decode("utf-8", "replace").split("\n")
            b = " \n ".join(bodies.get(key(p), []))
            for para in (l.strip() for l in lines[1:]):
                if not para:
                    continue
                n_all += 1
                kept = norm(para) in b
                kept_all += kept
                if is_prose(para):
                    n_prose += 1
                    if not kept:
                        errors.append("%s: prose paragraph lost: %.100r" % (key(p), para))
        print("text-retention: %d files, %d prose paragraphs, %d lost; all paragraphs kept: "
              "%d of %d (%.1f%%, information only)"
              % (len(files), n_prose, len(errors), kept_all, n_all, 100.0 * kept_all / max(n_all, 1)))
    elif cmd == "jsonl-retention":
        inp, out = argv[1], argv[2]
        only = argv[argv.index("--only") + 1].split("=", 1) if "--only" in argv else None
        arts = load(out, errors)
        bodies = {}
        for a in arts:
            i = str(a.get("id"))
            bodies.setdefault(i, []).append(norm(a.get("body")))
            if ID_SUFFIX.search(i):
                bodies.setdefault(base_id(i), []).append(norm(a.get("body")))
        n_prose = n_lost = n_recs = 0
        lost_recs = set()
        with open(inp, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if only is not None and str(r.get(only[0])) != only[1]:
                    continue
                n_recs += 1
                b = " \n ".join(bodies.get(str(r["id"]), []))
                # Paragraphs: split at blank lines and at indented lines; wrapped lines joined.
                for para in re.split(r"\n\s*\n|\n(?=[ \t])", r.get("text") or ""):
                    para = re.sub(r"\s+", " ", para).strip()
                    if para and is_prose(para):
                        n_prose += 1
                        if norm(para) not in b:
                            n_lost += 1
                            lost_recs.add(r["id"])
                            errors.append("record %s: prose paragraph lost: %.100r" % (r["id"], para))
        print("jsonl-retention: %d records, %d prose paragraphs, %d lost in %d records"
              % (n_recs, n_prose, n_lost, len(lost_recs)))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    kinds = {}
    for e in errors:
        k = re.sub(r"line \d+|\d+", "N", e.split(":")[-1] if e.startswith("line") else e)[:40]
        kinds[k] = kinds.get(k, 0) + 1
        if kinds[k] <= 20:
            print("  " + e)
    if errors:
        print("%s: %d problems" % (cmd, len(errors)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
