#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# serve.sh — `herald serve` on an index of the seed pages: the JSON API gives what the CLI's
# --json prints (search, said, who, stats), bad requests get JSON errors with the right HTTP
# status (400 malformed or oversized query, 404, 405), a commit made while it runs is seen by
# the next request, the web page is served, and SIGTERM stops it with exit status 0 (and, under
# ASan, no leak report).
#
# usage: bash serve.sh HERALD [DATA_DIR]
source "$(dirname "$0")/lib.sh"

SEED=$DATA/seed-pages
IDX=$TMP/idx
run index index --index "$IDX" "$SEED"/*.txt
expect_rc index 0

run search search --index "$IDX" --json khamenei
run said said --index "$IDX" --json Khamenei
run who who --index "$IDX" --json

"$HERALD" serve --index "$IDX" --port 0 2>"$TMP/serve.err" &
PID=$!
port=""
for _ in $(seq 100); do
    port=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$TMP/serve.err" | grep -o '[0-9]*/$' | tr -d / || true)
    [[ -n "$port" ]] && break
    sleep 0.1
done
check "serve: prints the port it listens on" test -n "$port"

check "serve: the API answers as the CLI does" python3 - "$port" "$TMP" "$SEED" "$HERALD" "$IDX" <<'PY'
import json, subprocess, sys, urllib.request, urllib.error
port, tmp, seed, herald, idx = sys.argv[1:]
base = f"http://127.0.0.1:{port}"
bad = []
def get(path, method="GET"):
    req = urllib.request.Request(base + path, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()
def expect(cond, what):
    if not cond:
        bad.append(what)

st, ct, body = get("/api/search?q=khamenei")
expect(st == 200 and ct.startswith("application/json"), f"search status {st} {ct}")
api = json.loads(body)
cli = json.loads(open(f"{tmp}/search.out").read())
for j in (api, cli):
    j.pop("took_ms")
expect(api == cli and api["total"] >= 2, "search: API and CLI differ")

st, _, body = get("/api/said?speaker=Khamenei")
said = json.loads(body)
cli = [json.loads(l) for l in open(f"{tmp}/said.out")]
expect(st == 200 and said["statements"] == cli and len(cli) >= 10, "said: API and CLI differ")
dates = [s["date"] for s in said["statements"] if s["date"]]
expect(dates == sorted(dates), "said: not oldest first")

st, _, body = get("/api/who")
who = json.loads(body)
cli = [json.loads(l) for l in open(f"{tmp}/who.out")]
expect(st == 200 and who["speakers"] == cli, "who: API and CLI differ")
expect(who["speakers"][0]["speaker"] == "Ali Khamenei", "who: Khamenei not first")

st, _, body = get("/api/stats")
docs = json.loads(body)["documents"]
expect(st == 200 and docs >= 4, f"stats: {body!r}")

# errors: JSON, with the status that says whose fault
for path, want, frag in [("/api/search?q=%28iran", 400, "column"),
                         ("/api/search?q=" + "x%20" * 2000, 400, ""),
                         ("/api/search", 400, "query"),
                         ("/api/search?q=iran&n=0", 400, "n"),
                         ("/api/search?q=iran&sort=random", 400, "sort"),
                         ("/api/said?speaker=Khamenei&since=2022-13", 400, "YYYY-MM-DD"),
                         ("/api/said", 400, "speaker"),
                         ("/nothing/here", 404, ""),
                         ("/api/search?q=%FF%FE", 200, "")]:
    st, ct, body = get(path)
    try:
        j = json.loads(body)
    except ValueError:
        j = None
    expect(st == want and j is not None and frag in json.dumps(j), f"{path}: {st} {body[:120]!r}")
st, _, _ = get("/api/search?q=iran", method="POST")
expect(st == 405, f"POST: {st}")

st, ct, body = get("/")
expect(st == 200 and ct.startswith("text/html") and b'id="f-search"' in body, "page")

# a commit while serving is seen by the next request
r = subprocess.run([herald, "index", "--index", idx,
                    f"{seed}/../bbc-news/business/001.txt"], capture_output=True)
expect(r.returncode == 0, f"index while serving: {r.stderr[:200]!r}")
st, _, body = get("/api/stats")
expect(json.loads(body)["documents"] == docs + 1, f"new commit not seen: {body!r}")
st, _, body = get("/api/search?q=title:ad+sales")
expect(json.loads(body)["total"] >= 1, "new article not found")

for b in bad:
    print("  " + b)
sys.exit(1 if bad else 0)
PY

kill -TERM "$PID"
set +e
wait "$PID"
rc=$?
set -e
check "serve: SIGTERM stops it with status 0" test "$rc" -eq 0
check "serve: says it stopped" grep -q "serve stopped" "$TMP/serve.err"
if grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' -e 'ERROR: LeakSanitizer' "$TMP/serve.err"; then
    fail "serve: sanitizer report:"
    grep -m3 -e 'ERROR:' -e 'runtime error:' "$TMP/serve.err" >&2
fi

run usage serve --index "$IDX" --port 99999
expect_rc usage 2
run noindex serve --index "$TMP/none" --port 0
expect_rc noindex 1

finish
