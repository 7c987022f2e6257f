#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# extract_bbc.sh — all 2,225 BBC News files (five category directories, read recursively)
# through `herald extract --json`. Every file yields at least one article with a non-empty
# body, none has an empty body, and (the files being clean article text) no prose paragraph
# is dropped. sport/199.txt holds a bare 0xA3 byte: it must be repaired
# with a warning naming the file and byte offset, and still come out. Exit status 0.
#
# usage: bash extract_bbc.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

BBC=$DATA/bbc-news
find "$BBC" -mindepth 2 -name '*.txt' | sort >"$TMP/files.txt"
n=$(wc -l <"$TMP/files.txt")
check "bbc: 2225 input files (got $n)" test "$n" -eq 2225

run bbc extract --json "$BBC/business" "$BBC/entertainment" "$BBC/politics" "$BBC/sport" "$BBC/tech"
expect_rc bbc 0
expect_diag_format bbc
check "bbc: JSON schema" $CHECK schema "$TMP/bbc.out" --min 2225 --unique-ids
check "bbc: no file lost" $CHECK file-coverage "$TMP/files.txt" "$TMP/bbc.out"
# The files are clean article text: no prose paragraph may be dropped as boilerplate.
check "bbc: no prose paragraph lost" $CHECK text-retention "$TMP/files.txt" "$TMP/bbc.out"

# sport/199.txt: bare 0xA3 at a known byte offset.
off=$(python3 -c "import sys; print(open(sys.argv[1],'rb').read().index(b'\xa3'))" "$BBC/sport/199.txt")
expect_stderr bbc "sport/199\.txt.*\b$off\b" "invalid UTF-8 warning names file and byte offset $off"
check "bbc: sport/199 body has U+FFFD" python3 -c "
import json, sys
a = [json.loads(l) for l in open(sys.argv[1]) if json.loads(l)['source'].endswith('sport/199.txt')]
sys.exit(0 if a and any('\ufffd' in x['body'] for x in a) else 1)" "$TMP/bbc.out"

# Two BBC stories glued into one scraped page with the furniture news sites put around them
# (navigation, bylines, captions, link-list headings, disclaimers, readers' comments, consent
# banner): two articles, each titled with its headline, every paragraph kept, no furniture.
A=$BBC/business/005.txt
B=$BBC/tech/007.txt
{
    echo "Skip to main content"
    echo "BBC NEWS | Business"
    head -1 "$A"
    echo "By Jane Smith"
    echo "Updated 10:32 GMT, 3 March 2005"
    echo "Image copyright Getty Images"
    sed -n '2,$p' "$A"
    echo "More on this story"
    echo "Related Internet Links"
    echo "The BBC is not responsible for the content of external sites."
    echo "Sign up for our morning newsletter and get BBC News in your inbox."
    echo "23 comments"
    echo "JohnD"
    echo "2 hours ago"
    echo "This is the worst decision I have ever read about and the board should resign now."
    echo "Reply"
    echo "Add new comment"
    echo
    head -1 "$B"
    echo "Published 4 March 2005"
    sed -n '2,$p' "$B"
    echo "We use cookies to give you the best experience. By using this site you agree."
    echo "Copyright 2005 BBC. All rights reserved."
} >"$TMP/glued.txt"
run glued extract --json "$TMP/glued.txt"
expect_rc glued 0
check "glued page: two articles with their headlines, every paragraph, no furniture" python3 -c "
import json, sys
arts = [json.loads(l) for l in open(sys.argv[1])]
stories = [open(f, encoding='utf-8').read().split('\n') for f in sys.argv[2:4]]
furniture = [l for l in open(sys.argv[4], encoding='utf-8').read().split('\n')
             if l and not any(l in s for s in stories)]
ok = len(arts) == 2
for a, s in zip(arts, stories):
    ok = ok and a['title'] == s[0].strip()
    ok = ok and all(p.strip() in a['body'] for p in s[1:] if p.strip())
ok = ok and not any(f in a['body'] or f == a['title'] for a in arts for f in furniture)
sys.exit(0 if ok else 1)" "$TMP/glued.out" "$A" "$B" "$TMP/glued.txt"

finish
