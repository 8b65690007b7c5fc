#!/usr/bin/env bash
# Clio's Anki packages, checked with Anki's own library (the `anki` package
# from PyPI, installed into .tools/venv by scripts/install-deps.sh --test):
#   1. cards from a CSV fixture, some answered in `clio review`, exported as
#      .apkg without and with scheduling, imported by Anki's importer into a
#      fresh collection: note count, note types, fields, tags, review history;
#   2. Clio → .apkg → Clio keeps every card's prompt, answer, kind and choices;
#   3. packages exported by Anki (newest format, and for older versions) import into Clio;
#   4. a zip that is not an Anki package is refused and imports nothing;
#   5. Clio's scheduler against Anki's, answer by answer, over fixed and seeded
#      random histories (compare_schedule.py, with core/examples/schedule_probe).
# Uses target/debug/clio (`make app` builds it); CLIO_BIN and ANKI_PYTHON override.
set -euo pipefail
cd "$(dirname "$0")/../.."

CLIO=${CLIO_BIN:-target/debug/clio}
PY=${ANKI_PYTHON:-.tools/venv/bin/python}
[ -x "$CLIO" ] || { echo "tests/anki: $CLIO is missing: build it with make app (or cargo build --bin clio)" >&2; exit 1; }
[ -x "$PY" ] || { echo "tests/anki: $PY is missing: run scripts/install-deps.sh --test" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/clio.sqlite3
clio() { "$CLIO" --db "$db" "$@"; }
check() { "$PY" tests/anki/check_apkg.py "$@"; }
say() { printf '\033[1m--> %s\033[0m\n' "$*"; }

say "cards from a CSV file, and real review history from the terminal review"
clio import tests/anki/fixtures/cold_war_cards.csv >/dev/null
# Enter shows the answer, then a grade: Easy, Good, Again, Good.
printf '\n4\n\n3\n\n1\n\n3\nq\n' | clio review >/dev/null

say "export to .apkg, checked with Anki's importer"
clio export --format apkg --out "$tmp/cards.apkg"
clio export --format apkg --with-scheduling --out "$tmp/scheduled.apkg"
check export "$db" "$tmp/cards.apkg"
check export "$db" "$tmp/scheduled.apkg" --scheduling

say "Clio → .apkg → Clio"
"$CLIO" --db "$tmp/copy.sqlite3" import "$tmp/scheduled.apkg"
clio export --format csv --out "$tmp/before.csv" >/dev/null
"$CLIO" --db "$tmp/copy.sqlite3" export --format csv --out "$tmp/after.csv" >/dev/null
check same-cards "$tmp/before.csv" "$tmp/after.csv"

say "packages exported by Anki, in its newest format and for older versions, import into Clio"
for format in legacy modern; do
  check "make-$format" "$tmp/anki-$format.apkg" >"$tmp/anki-$format.json"
  "$CLIO" --db "$tmp/from-anki-$format.sqlite3" import "$tmp/anki-$format.apkg" --json >"$tmp/imported-$format.json"
  check imported "$tmp/anki-$format.json" "$tmp/imported-$format.json"
done

say "a zip that is not an Anki package is refused"
"$PY" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").writestr("notes.txt", "hello")' "$tmp/not-anki.apkg"
before=$(clio info --json)
if clio import "$tmp/not-anki.apkg" 2>"$tmp/err.txt"; then
  echo "tests/anki: FAILED: a zip without a collection was imported" >&2; exit 1
fi
grep -q "is not an Anki package: it has no collection.anki2, collection.anki21 or collection.anki21b inside" "$tmp/err.txt" ||
  { echo "tests/anki: FAILED: unclear error: $(cat "$tmp/err.txt")" >&2; exit 1; }
[ "$(clio info --json)" = "$before" ] || { echo "tests/anki: FAILED: the refused import changed the library" >&2; exit 1; }

say "scheduling compared with Anki's own answer path, fuzz off and on"
# Anki reads the clock in Python and in Rust: libfaketime (apt: faketime) sets
# it for every answer, from a file the script writes.
faketime_lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n1 || true)
[ -n "$faketime_lib" ] || { echo "tests/anki: libfaketime is missing: run scripts/install-deps.sh --test (apt-get install faketime)" >&2; exit 1; }
cargo build --quiet --locked -p clio-core --example schedule_probe
probe=target/debug/examples/schedule_probe
for fuzz in off on; do
  echo "2025-06-15 10:00:00" >"$tmp/clock"
  # Fuzz off is Anki's test mode (ANKI_TEST_MODE); with fuzz on, Anki draws
  # its own factor and the comparison searches for one that gives its choice.
  test_mode=()
  [ "$fuzz" = off ] && test_mode=(ANKI_TEST_MODE=1)
  env TZ=UTC FAKETIME_TIMESTAMP_FILE="$tmp/clock" FAKETIME_NO_CACHE=1 LD_PRELOAD="$faketime_lib" "${test_mode[@]}" \
    "$PY" tests/anki/compare_schedule.py anki --fuzz "$fuzz" --out "$tmp/histories-$fuzz.json"
  "$probe" <"$tmp/histories-$fuzz.json" >"$tmp/probe-$fuzz.jsonl"
  "$PY" tests/anki/compare_schedule.py compare "$tmp/histories-$fuzz.json" "$tmp/probe-$fuzz.jsonl"
done

echo "tests/anki: all Anki checks passed"
