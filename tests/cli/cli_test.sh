#!/usr/bin/env bash
# End-to-end tests of the factcard command line over the real binary.
#   cli_test.sh FACTCARD_BIN REPO_ROOT
# Prints PASS/FAIL per check and exits 1 on any failure. Checks that need
# ../shared/seeds print SKIPPED: when it is absent (ctest then reports the
# test as skipped, so the marker is only printed when nothing failed: a skip
# must never hide a failure).
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 FACTCARD_BIN REPO_ROOT" >&2
  exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$2" && pwd)
STORY="$ROOT/demo/stories/putin-mongolia-2024.json"
STORY_ID=putin-mongolia-2024
FIXTURES="$ROOT/tests/fixtures"
SEEDS="$ROOT/../shared/seeds"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/factcard-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

passed=0
failed=0
skipped=()

pass() {
  echo "PASS: $*"
  passed=$((passed + 1))
}
fail() {
  echo "FAIL: $*"
  failed=$((failed + 1))
}
check() { # check NAME CONDITION...: PASS when the command succeeds
  local name=$1
  shift
  if "$@"; then pass "$name"; else fail "$name"; fi
}

# run ARGS...: runs the binary; sets $rc, $TMP/out and $TMP/err.
run() {
  "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
  rc=$?
}
# expect NAME RC [TEXT [STREAM]]: the last run exited RC and printed TEXT.
expect() {
  local name=$1 want=$2 text=${3-} stream=${4:-err}
  if [ "$rc" != "$want" ]; then
    fail "$name (exit $rc, expected $want; stderr: $(head -c 300 "$TMP/err"))"
  elif [ -n "$text" ] && ! grep -qF -- "$text" "$TMP/$stream"; then
    fail "$name (no '$text' in std$stream: $(head -c 300 "$TMP/$stream"))"
  else
    pass "$name"
  fi
}

# json FILE PYTHON-EXPRESSION: true when the expression holds for d = the JSON.
json() {
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2"
}

if ! command -v python3 >/dev/null; then
  fail "python3 is needed to check JSON output"
  exit 1
fi
if [ ! -x "$BIN" ]; then
  fail "no factcard binary at $BIN"
  exit 1
fi

# --- help, usage errors ----------------------------------------------------
run --help
expect "--help exits 0" 0 "Usage:" out
commands=$(grep -oE '^  factcard [a-z]+' "$TMP/out" | awk '{print $2}' | sort -u)
check "--help lists validate, cards and build" \
  test "$(printf '%s\n' "$commands" | grep -cxE 'validate|cards|build')" = 3
for command in $commands; do
  run "$command" --help
  expect "$command --help exits 0" 0 "Usage: factcard $command" out
  run "$command" -h
  expect "$command -h exits 0" 0 "Usage: factcard $command" out
done
run --version
expect "--version exits 0" 0 "factcard " out
run
expect "no command: exit 2 with the usage" 2 "Usage:"
run frobnicate
expect "unknown command: exit 2" 2 "factcard: unknown command 'frobnicate'"
run cards --frob "$STORY"
expect "unknown option: exit 2" 2 "factcard: unknown option '--frob'"
run build "$STORY"
expect "build without -o: exit 2" 2 "build needs -o DIR"
run build "$STORY" -o
expect "-o without a value: exit 2" 2 "option '-o' needs a value"
run validate
expect "validate without a file: exit 2" 2 "validate needs at least one FILE"
run cards "$STORY" "$STORY"
expect "cards with two files: exit 2" 2 "cards needs exactly one STORY file"

# --- missing and unreadable files -----------------------------------------
for command in validate cards; do
  run "$command" "$TMP/no-such-story.json"
  expect "$command on a missing file: exit 2" 2 "factcard: cannot read '$TMP/no-such-story.json': No such file or directory"
done
run build "$TMP/no-such-story.json" -o "$TMP/never"
expect "build on a missing file: exit 2" 2 "cannot read '$TMP/no-such-story.json'"
check "build on a missing file writes nothing" test ! -e "$TMP/never"
run validate "$TMP"
expect "validate on a directory: exit 2" 2 "is a directory"

# --- the demo story ---------------------------------------------------------
if [ ! -f "$STORY" ]; then
  fail "the demo story $STORY does not exist"
else
  run validate "$STORY"
  expect "validate the demo story: exit 0" 0 "valid story" out
  check "validate the demo story: nothing on stderr" test ! -s "$TMP/err"

  run cards "$STORY"
  expect "cards on the demo story: exit 0" 0
  cp "$TMP/out" "$TMP/cards.json"
  check "cards: JSON with story and >= 30 cards" \
    json "$TMP/cards.json" 'd["story"]["id"] == "'$STORY_ID'" and len(d["cards"]) >= 30'
  check "cards: >= 3 contested" json "$TMP/cards.json" 'sum(c["status"] == "contested" for c in d["cards"]) >= 3'
  check "cards: >= 5 with corroboration >= 3" json "$TMP/cards.json" 'sum(c["corroboration"] >= 3 for c in d["cards"]) >= 5'
  check "cards: every card has the fields of docs/FORMAT.md" json "$TMP/cards.json" \
    'all({"id", "claims", "kind", "status", "corroboration", "who", "what", "contradicts", "evidence"} <= set(c)
         and c["id"] in c["claims"] and c["evidence"] and all(isinstance(e["source"], dict) for e in c["evidence"])
         for c in d["cards"])'
  check "cards: contradictions name existing cards, both ways" json "$TMP/cards.json" \
    'all(o in {c["id"] for c in d["cards"]} and c["id"] in next(x for x in d["cards"] if x["id"] == o)["contradicts"]
         for c in d["cards"] for o in c["contradicts"])'

  # build
  OUT="$TMP/site"
  run build "$STORY" -o "$OUT"
  expect "build: exit 0" 0 "wrote" out
  check "build writes DIR/<id>.cards.json" test -s "$OUT/$STORY_ID.cards.json"
  check "build writes DIR/<id>.jsonld" test -s "$OUT/$STORY_ID.jsonld"
  card_count=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["cards"]))' "$TMP/cards.json")
  html_count=$(find "$OUT/embed" -name '*.html' | wc -l)
  check "build writes one embed/*.html per card ($html_count of $card_count)" test "$html_count" = "$card_count"
  missing=$(python3 -c 'import json, os, sys
print(" ".join(c["id"] for c in json.load(open(sys.argv[1]))["cards"] if not os.path.isfile(os.path.join(sys.argv[2], c["id"] + ".html"))))' \
    "$TMP/cards.json" "$OUT/embed")
  check "build: each card id has its snippet${missing:+ (missing: $missing)}" test -z "$missing"
  check "build: snippets are relative without --base" \
    grep -qF "data-story=\"$STORY_ID.cards.json\"" "$OUT/embed/$(ls "$OUT/embed" | head -n 1)"
  check "build: the JSON-LD is schema.org with one Claim per card" json "$OUT/$STORY_ID.jsonld" \
    'd["@context"] == "https://schema.org" and len(d["@graph"]) == '"$card_count"' and all(c["@type"] == "Claim" for c in d["@graph"])'
  check "build: no snippet has a script or link other than the widget's" \
    python3 -c 'import glob, re, sys
for path in glob.glob(sys.argv[1] + "/*.html"):
    html = open(path, encoding="utf-8").read()
    html = re.sub(r"<script type=\"application/ld\+json\">[^<]*</script>\n", "", html, count=1)
    if html.count("<script") != 1 or re.search(r"<(?!/?(blockquote|p|footer|a|script|ul|li|time)\b)", html): sys.exit(1)
    if any(not h.lower().startswith(("http://", "https://")) for h in re.findall(r"href=\"([^\"]*)\"", html)): sys.exit(1)' \
    "$OUT/embed"

  run validate "$OUT/$STORY_ID.cards.json"
  expect "validate the written bundle: exit 0" 0 "valid bundle" out
  run cards "$OUT/$STORY_ID.cards.json"
  expect "cards on the bundle: exit 0" 0
  check "cards on the bundle equal cards on the story" cmp -s "$TMP/out" "$TMP/cards.json"
  run build "$OUT/$STORY_ID.cards.json" -o "$TMP/rebuilt"
  expect "build refuses a bundle: exit 2" 2 "is a compiled bundle"

  CDN="$TMP/cdn"
  run build "$STORY" -o "$CDN" --base https://cdn.example/x/
  expect "build --base: exit 0" 0
  first=$(ls "$CDN/embed" | head -n 1)
  check "build --base: the bundle URL uses the base" \
    grep -qF "data-story=\"https://cdn.example/x/$STORY_ID.cards.json\"" "$CDN/embed/$first"
  check "build --base: the widget URL uses the base" \
    grep -qF "<script src=\"https://cdn.example/x/factcard/factcard.js\" async fetchpriority=\"low\"></script>" "$CDN/embed/$first"
  check "build --base: every snippet uses it" \
    test "$(grep -lF 'https://cdn.example/x/factcard/factcard.js' "$CDN"/embed/*.html | wc -l)" = "$card_count"
  run build "$STORY" -o "$TMP/cdn2" --base=https://cdn.example/y
  expect "build --base=URL without a final slash: exit 0" 0
  check "build --base=URL: a slash is added" \
    grep -qF "data-story=\"https://cdn.example/y/$STORY_ID.cards.json\"" "$TMP/cdn2/embed/$first"
  check "build output does not depend on --base but for the snippets" \
    cmp -s "$OUT/$STORY_ID.cards.json" "$CDN/$STORY_ID.cards.json"

  # Card pages and oEmbed files (docs/PUBLISHING.md).
  page_count=$(find "$OUT/cards" -name '*.html' | wc -l)
  check "build writes one cards/*.html page per card ($page_count of $card_count)" test "$page_count" = "$card_count"
  check "build without an absolute --base writes no oEmbed file" \
    test -z "$(find "$OUT/cards" -name '*.oembed.json')"
  run build "$STORY" -o "$TMP/relative" --base static/
  expect "build --base relative: says that oEmbed needs an absolute URL" 0 "no absolute --base URL"
  check "build without an absolute --base: no canonical link, og:url or oEmbed discovery" \
    python3 -c 'import glob, sys
for path in glob.glob(sys.argv[1] + "/*.html"):
    html = open(path, encoding="utf-8").read()
    if "rel=\"canonical\"" in html or "og:url" in html or "json+oembed" in html: sys.exit(1)' "$OUT/cards"
  run build "$STORY" -o "$CDN" --base https://cdn.example/x/ --site-name 'The Daily <Example>'
  expect "build --base --site-name: exit 0" 0 "oEmbed files" out
  oembed_count=$(find "$CDN/cards" -name '*.oembed.json' | wc -l)
  check "build --base writes one cards/*.oembed.json per card ($oembed_count of $card_count)" \
    test "$oembed_count" = "$card_count"
  check "card pages: canonical, og:url and oEmbed discovery are the page's own absolute URLs" \
    python3 -c 'import glob, os, sys
for path in glob.glob(sys.argv[1] + "/*.html"):
    html = open(path, encoding="utf-8").read()
    page = "https://cdn.example/x/cards/" + os.path.basename(path)
    want = ["<link rel=\"canonical\" href=\"%s\">" % page, "content=\"%s\"" % page,
            "type=\"application/json+oembed\" href=\"%s\"" % (page[:-5] + ".oembed.json")]
    if not all(w in html for w in want): sys.exit(path)' "$CDN/cards"
  check "card pages: --site-name is escaped in og:site_name" \
    grep -qF 'property="og:site_name" content="The Daily &lt;Example&gt;"' "$CDN/cards/$first"
  check "oEmbed: rich, the site name, the base as provider, an iframe of the card page" \
    json "$CDN/cards/${first%.html}.oembed.json" \
    'd["type"] == "rich" and d["version"] == "1.0" and d["provider_name"] == "The Daily <Example>" and d["provider_url"] == "https://cdn.example/x/" and "src=\"https://cdn.example/x/cards/'"$first"'\"" in d["html"] and "<script" not in d["html"] and 200 <= d["height"] <= 1000'
  check "card pages carry their card's data inline and load no third party" \
    python3 -c 'import glob, re, sys
for path in glob.glob(sys.argv[1] + "/*.html"):
    html = open(path, encoding="utf-8").read()
    if "data-factcard-bundle" not in html and "application/json" not in html: sys.exit(path)
    srcs = re.findall(r"\bsrc=\"([^\"]*)\"", html)
    if any(not s.startswith("https://cdn.example/x/") for s in srcs): sys.exit(path)' "$CDN/cards"

  # Quotes the cards show are verbatim in the articles (needs the seeds).
  if [ -d "$SEEDS" ]; then
    check "cards: every excerpt is verbatim in its seed article" python3 -c 'import json, os, sys
story = json.load(open(sys.argv[1], encoding="utf-8"))
seed = {s["id"]: open(os.path.join(sys.argv[3], s["seed"]), encoding="utf-8").read() for s in story["sources"]}
cards = json.load(open(sys.argv[2], encoding="utf-8"))["cards"]
bad = [e["quote"] for c in cards for e in c["evidence"] if e["quote"] not in seed[e["source"]["id"]]]
for q in bad: print("  not verbatim: " + q)
sys.exit(1 if bad else 0)' "$STORY" "$TMP/cards.json" "$SEEDS"
  else
    skipped+=("excerpts verbatim in ../shared/seeds (../shared/seeds not found)")
  fi
fi

# --- golden errors: tests/fixtures/invalid ---------------------------------
count=0
for story in "$FIXTURES"/invalid/*.json; do
  name=$(basename "$story")
  expected="${story%.json}.errors"
  count=$((count + 1))
  if [ ! -f "$expected" ]; then
    fail "invalid/$name has no ${name%.json}.errors"
    continue
  fi
  (cd "$FIXTURES/invalid" && "$BIN" validate "$name" >"$TMP/out" 2>"$TMP/err")
  rc=$?
  if [ "$rc" != 1 ]; then
    fail "invalid/$name: exit $rc, expected 1"
  elif [ -s "$TMP/out" ]; then
    fail "invalid/$name: printed on stdout: $(head -c 200 "$TMP/out")"
  elif ! cmp -s "$TMP/err" "$expected"; then
    fail "invalid/$name: stderr differs from ${name%.json}.errors:"
    diff "$expected" "$TMP/err" | sed 's/^/    /'
  else
    pass "invalid/$name: exit 1, the errors of ${name%.json}.errors"
  fi
done
for expected in "$FIXTURES"/invalid/*.errors; do
  [ -f "${expected%.errors}.json" ] || fail "$(basename "$expected") has no .json"
done
check "at least 10 invalid fixtures ($count)" test "$count" -ge 10

# every problem of several files, and the worst exit status
(cd "$FIXTURES" && "$BIN" validate valid/minimal.json invalid/wrong-types.json >"$TMP/out" 2>"$TMP/err")
rc=$?
expect "validate valid + invalid: exit 1" 1 "invalid/wrong-types.json: 8 errors"
check "validate valid + invalid: the valid one is reported valid" grep -qF "valid/minimal.json: valid story" "$TMP/out"
check "validate valid + invalid: positions name the path as passed" \
  grep -qF "invalid/wrong-types.json:3:37: \"title\" must be a string" "$TMP/err"

# --- tests/fixtures/valid ----------------------------------------------------
count=0
for story in "$FIXTURES"/valid/*.json; do
  name=$(basename "$story")
  count=$((count + 1))
  run validate "$story"
  expect "valid/$name validates" 0 "valid story" out
  run cards "$story"
  expect "valid/$name: cards exit 0" 0
done
check "at least 2 valid fixtures ($count)" test "$count" -ge 2

# --- CSV: import and export --------------------------------------------------
run import "$ROOT/demo/template.csv" -o "$TMP/template.json"
expect "import the template: exit 0" 0 "wrote $TMP/template.json" out
run validate "$TMP/template.json"
expect "the imported template validates" 0 "4 claims, 4 cards" out

run export --csv "$STORY" -o "$TMP/story.csv"
expect "export --csv: exit 0, notes fields without a column" 0 "no column for them: \$schema, sources: cites, sources: seed"
check "export --csv writes a BOM and CRLF lines" \
  test "$(head -c 3 "$TMP/story.csv" | od -An -tx1 | tr -d ' ')" = efbbbf -a "$(head -1 "$TMP/story.csv" | tail -c 2 | od -An -tx1 | tr -d ' ')" = 0d0a
run import "$TMP/story.csv" -o "$TMP/story-again.json"
expect "import the export: exit 0" 0 "(41 entities, 5 sources, 97 claims)" out
"$BIN" cards "$STORY" >"$TMP/cards-a.json" && "$BIN" cards "$TMP/story-again.json" >"$TMP/cards-b.json"
check "import(export --csv(story)): the same cards" cmp -s "$TMP/cards-a.json" "$TMP/cards-b.json"

printf 'claim_id,kind,who,what,when,quote,source_id,speaker\nc1,event,Jane Doe,a,2024-13,q,s,\nc2,event,Jane Doe,b,,,s,Nobody\n' >"$TMP/bad.csv"
run import "$TMP/bad.csv" --id bad
expect "import: bad cells exit 1 with file:row:column and the header" 1 "$TMP/bad.csv:2:5: when: bad date \"2024-13\""
check "import: every error at once, nothing on stdout" \
  test "$(grep -c "^$TMP/bad.csv:[0-9]*:[0-9]*: " "$TMP/err")" = 3 -a ! -s "$TMP/out"

run export "$STORY"
expect "export without --csv: exit 2" 2 "export needs a format: --csv"
run import
expect "import without a file: exit 2" 2 "import needs exactly one CSV file"

# --- summary ------------------------------------------------------------------
if [ "$failed" -eq 0 ]; then
  for s in ${skipped[@]+"${skipped[@]}"}; do echo "SKIPPED: $s"; done
else
  for s in ${skipped[@]+"${skipped[@]}"}; do echo "not run: $s"; done
fi
echo "$passed passed, $failed failed, ${#skipped[@]} skipped"
[ "$failed" -eq 0 ]
