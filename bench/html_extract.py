#!/usr/bin/env python3
"""Article bodies from web pages, two ways, scored like the article-extraction benchmark.

usage: bench/html_extract.py [--herald PATH] [--bench DIR] [--work DIR]

1. `herald extract --json` on the benchmark's HTML pages (html/*.html.gz): herald reads the
   page's structure (src/ingest/html.c).
2. The same pages as a naive scraper saves them -- every visible block of text, one per
   paragraph, scripts and styles left out, navigation, comments and footers kept -- through
   herald's plain-text cleaner and segmenter (src/clean, src/segment). This measures the text
   path on pages from 120 sites no rule was written for: a stand-in for held-back scraped pages.
3. The naive dump kept whole (every line), for scale.

Each is scored with ../shared/tools/score_html.py (word 4-gram precision and recall per page,
averaged; F1 of the averages). Python 3 stdlib only.
"""
import argparse, gzip, json, os, re, subprocess, sys, unicodedata
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLOCK = set("p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre "
            "table tr td th tbody thead tfoot center address hr br details summary caption "
            "body html form fieldset header footer nav aside figure figcaption".split())
SKIP = set("script style noscript template svg head iframe object canvas select option "
           "button textarea".split())


class Dump(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.cur, self.skip = [], [], 0

    def flush(self):
        t = " ".join("".join(self.cur).split())
        if t:
            self.out.append(t)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)


def score(bench, pred):
    r = subprocess.run([sys.executable, os.path.join(ROOT, "..", "shared", "tools", "score_html.py"),
                        bench, pred], capture_output=True, text=True)
    return r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--herald", default=os.environ.get("HERALD") or os.path.join(ROOT, "build", "herald"))
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "data",
                                                    "article-extraction-benchmark"))
    ap.add_argument("--work", default=os.path.join(os.environ.get("WORK", "/tmp/herald-bench"), "html"))
    a = ap.parse_args()
    txt = os.path.join(a.work, "txt")
    os.makedirs(txt, exist_ok=True)
    html_dir = os.path.join(a.bench, "html")
    for f in sorted(os.listdir(html_dir)):
        page = gzip.open(os.path.join(html_dir, f)).read().decode("utf-8", "replace")
        d = Dump()
        d.feed(page)
        d.flush()
        with open(os.path.join(txt, f.replace(".html.gz", ".txt")), "w") as o:
            o.write("\n\n".join(d.out) + "\n")
    runs = {}
    for name, src in (("html", html_dir), ("text", txt)):
        out = os.path.join(a.work, name + ".jsonl")
        with open(out, "w") as o:
            subprocess.run([a.herald, "extract", "--json", "--no-statements", src], stdout=o,
                           stderr=subprocess.DEVNULL, check=False)
        runs[name] = out
    keep = os.path.join(a.work, "keep-all.jsonl")
    with open(keep, "w") as o:
        for f in sorted(os.listdir(txt)):
            o.write(json.dumps({"source": f, "body": open(os.path.join(txt, f)).read()}) + "\n")
    n = {k: sum(1 for _ in open(v)) for k, v in runs.items()}
    print(f"| input | herald path | articles | score_html.py |")
    print(f"|---|---|---|---|")
    print(f"| HTML pages | structure (html.c) | {n['html']} | {score(a.bench, runs['html'])} |")
    print(f"| the pages' visible text | text cleaner + segmenter | {n['text']} | "
          f"{score(a.bench, runs['text'])} |")
    print(f"| the pages' visible text | (all kept, no herald) | 120 | {score(a.bench, keep)} |")
    print()
    print(headers_agree(a.bench, runs["html"], runs["text"]))


def _norm(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = re.sub("[\u2018\u2019\u201c\u201d\"']", "", s)
    s = re.sub("[\u2013\u2014]", "-", s)  # "review - shoots" and "review \u2013 shoots" agree
    return re.sub(r"\s+", " ", s).strip()


def _by_page(path):
    pages = {}
    for line in open(path):
        art = json.loads(line)
        m = re.search(r"[0-9a-f]{64}", art.get("source") or "")
        if m:
            pages.setdefault(m.group(0), []).append(art)
    return pages


def headers_agree(bench, html_run, text_run):
    """Titles and dates of the text path, which the benchmark has no gold for, checked two ways:
    the title of the text path's longest article against the HTML path's (which reads the page's
    <h1>/og:title; equal, or one a prefix of the other, after folding case and quotes), and its
    date against the date in the page's URL where there is one (/2019/11/18/)."""
    gold = json.load(open(os.path.join(bench, "ground-truth.json")))
    html, text = _by_page(html_run), _by_page(text_run)
    titles = titles_ok = dates = dates_ok = 0
    for k, g in gold.items():
        main = max(text.get(k, []), key=lambda art: len(art.get("body") or ""), default=None)
        if k in html and main:
            titles += 1
            ht, tt = _norm(html[k][0].get("title")), _norm(main.get("title"))
            titles_ok += bool(ht and tt and (ht == tt or ht.startswith(tt) or tt in ht))
        m = re.search(r"/(20\d\d)[/-](\d\d)[/-](\d\d)/", g.get("url", ""))
        if m:
            dates += 1
            dates_ok += bool(main) and (main.get("date") or "") == "-".join(m.groups())
    return (f"text path: title of the main article agrees with the HTML path's on {titles_ok} of "
            f"{titles} pages; date equals the URL's on {dates_ok} of {dates} pages with a date in "
            f"the URL")


if __name__ == "__main__":
    main()
