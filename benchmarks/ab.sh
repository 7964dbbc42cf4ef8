#!/usr/bin/env bash
# In-process A/B of the engine of two builds of this repository, on one corpus:
#
#   benchmarks/ab.sh [--rounds N] [--slice-mib N] [--categories LIST|all] [--processes N [--pin]] A_DIR B_DIR FILE
#
# A_DIR and B_DIR are checkouts whose core and rules have been compiled (`mvn -o -q -pl core -am compile`);
# e.g. a `git worktree add` of the base commit and this one. Both scanners are loaded in one JVM, each by its
# own class loader, and scan the same slices in alternating order (EngineAb): the ratio B/A of CPU throughput
# stays steady on a shared machine where two separate processes can differ by 20%. Dependencies come from
# B's Maven classpath. Prints each side's CPU MB/s, the match count (must be equal when B only changes speed),
# the median and quartiles of the rounds' own ratios (both sides of a round scan one slice within a second) and
# B/A of the sums. Defaults: 24 rounds of 32 MiB, all categories. One JVM can favour whichever build it loads
# first by a few percent: run both orders (A B, then B A) and take the geometric mean.
#
# With --processes N, each side runs alone in its own JVM instead, N times, A and B alternating (B first every
# other time): the two builds then share no JIT compiler, code cache or JDK type profiles, which in one JVM can
# favour whichever side runs first by 20% or more. Prints each run, the ratio of each pair and their median.
# With --pin as well, both JVMs of pair i run on CPU i mod (number of CPUs) alone (taskset, and
# -XX:ActiveProcessorCount=1): on a virtual machine whose CPUs are not equally loaded by the host, where the
# scan thread lands otherwise decides more than the builds do (measured here: 25% between the two CPUs).
set -euo pipefail
ROUNDS=24
SLICE=32
CATS=all
PROCS=0
PIN=0
while [ $# -gt 3 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --slice-mib) SLICE=$2; shift 2 ;;
    --categories) CATS=$2; shift 2 ;;
    --processes) PROCS=$2; shift 2 ;;
    --pin) PIN=1; shift ;;
    *) echo "ab.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[ $# -eq 3 ] || { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2; }
A=$(cd "$1" && pwd); B=$(cd "$2" && pwd); FILE=$3
for d in "$A" "$B"; do
  [ -d "$d/core/target/classes" ] && [ -d "$d/rules/target/classes" ] || {
    echo "ab.sh: $d has no compiled core/rules; run: (cd $d && mvn -B -q -o -pl core -am compile)" >&2; exit 2; }
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lagotto-ab.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
(cd "$B" && mvn -B -q -o -pl core -am compile dependency:build-classpath -Dmdep.outputFile="$WORK/deps.txt" >/dev/null)
DEPS=$(tr ':' '\n' < "$WORK/deps.txt" | grep -v '/rules/target/classes$' | grep -v 'lagotto-rules' | paste -sd: -)
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/ab"
for side in A B; do
  dir=${!side}
  mkdir -p "$WORK/$side"
  javac -nowarn -d "$WORK/$side" -cp "$dir/core/target/classes:$DEPS" "$SRC/EngineAbWorker.java"
done
javac -nowarn -d "$WORK/main" "$SRC/EngineAb.java"
CP_A="$WORK/A:$A/core/target/classes:$A/rules/target/classes:$DEPS"
CP_B="$WORK/B:$B/core/target/classes:$B/rules/target/classes:$DEPS"
if [ "$PROCS" -eq 0 ]; then
  java -Xmx3g -cp "$WORK/main" EngineAb "$FILE" "$CATS" "$ROUNDS" "$SLICE" "$CP_A" "$CP_B"
  exit 0
fi
PIN_CMD=()
JVM_PIN=()
if [ "$PIN" = 1 ]; then
  command -v taskset >/dev/null || { echo "ab.sh: --pin needs taskset (apt-get install -y util-linux)" >&2; exit 2; }
  JVM_PIN=(-XX:ActiveProcessorCount=1)
fi
one() {
  "${PIN_CMD[@]}" java "${JVM_PIN[@]}" -Xmx3g -cp "$WORK/main" EngineAb "$FILE" "$CATS" "$ROUNDS" "$SLICE" "$1" \
    | sed -n 's/^A: \([0-9.]*\) MB.*/\1/p'
}
for ((i = 0; i < PROCS; i++)); do
  if [ "$PIN" = 1 ]; then PIN_CMD=(taskset -c "$((i % $(nproc)))"); fi
  if ((i % 2 == 0)); then a=$(one "$CP_A"); b=$(one "$CP_B"); else b=$(one "$CP_B"); a=$(one "$CP_A"); fi
  echo "run $((i + 1)): A $a MB/s CPU, B $b MB/s CPU, B/A $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", b / a }')"
done | tee "$WORK/runs"
awk '{ print $NF }' "$WORK/runs" | sort -n | awk '{ r[NR] = $1 } END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "median B/A = %.3f over %d pairs of processes\n", m, NR }'
