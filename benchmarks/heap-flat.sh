#!/usr/bin/env bash
# heap-flat.sh: issue 3 "no heap growth while scanning a 1 GB file". Runs the real `lagotto scan` (agent jar)
# over one generated `main` corpus under a small fixed heap with a GC log, samples how far the process has
# read the file (/proc/PID/fdinfo pos) with a wall-clock stamp, and maps every GC to the file position at its
# time. Prints, per 100 MiB of the file, the heap after young GCs (max and min: the old generation plus the
# survivors, an upper bound of the live heap), then compares the first and the last 100 MiB. Linux only
# (/proc); no timing involved. Exit status: the scan's; the script itself judges nothing.
#
# Usage: benchmarks/heap-flat.sh [--size-mib 1024] [--xmx 64m] [--threads 1] [--out DIR]
#   corpus: DIR/main-<size>.log from gen_corpus.py (seed lagotto-bench-2026), generated once and reused
#   (about 3 minutes for 1 GiB); DIR defaults to benchmarks/target/heap (never commit it).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZE_MIB=1024 XMX=64m THREADS=1 OUT="$ROOT/benchmarks/target/heap"
BENCH_DIR=${LAGOTTO_BENCH_DIR:-/work/shared/bench}
[ -d "$ROOT/../shared/bench" ] && BENCH_DIR=${LAGOTTO_BENCH_DIR:-"$ROOT/../shared/bench"}
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mib) SIZE_MIB=$2; shift 2 ;;
    --xmx) XMX=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "heap-flat.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
JAR="$ROOT/agent/target/lagotto.jar"
[ -f "$JAR" ] || { echo "heap-flat.sh: $JAR missing; build: mvn -B -q -pl agent -am package -DskipTests" >&2; exit 2; }
mkdir -p "$OUT"
CORPUS="$OUT/main-$SIZE_MIB.log"
if [ ! -f "$CORPUS.manifest.json" ]; then
  python3 "$BENCH_DIR/gen_corpus.py" --seed lagotto-bench-2026 --variant main --size-mib "$SIZE_MIB" \
    --out "$CORPUS" --manifest "$CORPUS.manifest.json" >/dev/null
fi
GC_LOG="$OUT/gc-$SIZE_MIB-$XMX.log" POS_LOG="$OUT/pos-$SIZE_MIB-$XMX.tsv"
rm -f "$GC_LOG" "$POS_LOG"
java "-Xmx$XMX" "-Xlog:gc:file=$GC_LOG:timemillis" -jar "$JAR" scan --format jsonl --threads "$THREADS" "$CORPUS" \
  > "$OUT/findings-$SIZE_MIB.count.tmp" &
PID=$!
( while kill -0 "$PID" 2>/dev/null; do
    for fd in /proc/"$PID"/fd/*; do
      if [ "$(readlink "$fd" 2>/dev/null)" = "$(readlink -f "$CORPUS")" ]; then
        printf '%s\t%s\n' "$(date +%s%3N)" "$(awk '/^pos:/ {print $2}' /proc/"$PID"/fdinfo/"${fd##*/}" 2>/dev/null)"
      fi
    done
    sleep 0.5
  done ) > "$POS_LOG" &
POLLER=$!
STATUS=0
wait "$PID" || STATUS=$?
wait "$POLLER" || true
FINDINGS=$(wc -l < "$OUT/findings-$SIZE_MIB.count.tmp")
rm -f "$OUT/findings-$SIZE_MIB.count.tmp"
echo "lagotto scan exit $STATUS, $FINDINGS findings; java -Xmx$XMX, --threads $THREADS, $CORPUS"
python3 - "$GC_LOG" "$POS_LOG" "$SIZE_MIB" <<'EOF'
import bisect, re, sys
gc_log, pos_log, size_mib = sys.argv[1], sys.argv[2], int(sys.argv[3])
samples = []
for line in open(pos_log):
    t, _, pos = line.strip().partition("\t")
    if pos:
        samples.append((int(t), int(pos)))
samples.sort()
if len(samples) < 2:
    sys.exit("heap-flat.sh: fewer than 2 file-position samples (scan too short or not reading the file)")
times = [t for t, _ in samples]
def position(t):
    i = bisect.bisect_left(times, t)
    if i <= 0: return samples[0][1]
    if i >= len(samples): return samples[-1][1]
    (t0, p0), (t1, p1) = samples[i - 1], samples[i]
    return p0 + (p1 - p0) * (t - t0) / max(1, t1 - t0)
pat = re.compile(r"^\[(\d+)ms\] GC\(\d+\) Pause (Young|Full)\D.*? (\d+)M->(\d+)M\((\d+)M\)")
window = 100 << 20
buckets = {}
for line in open(gc_log):
    m = pat.match(line)
    if not m: continue
    t, kind, after = int(m.group(1)), m.group(2), int(m.group(4))
    b = min(int(position(t)) // window, (size_mib << 20) // window - 1) if size_mib >= 100 else 0
    e = buckets.setdefault(b, {"young": [], "full": []})
    (e["young"] if kind == "Young" else e["full"]).append(after)
print("| file window | young GCs | heap after young GC, max MiB | min MiB | full GCs |")
print("|---|---:|---:|---:|---:|")
for b in sorted(buckets):
    e = buckets[b]
    y = e["young"]
    print(f"| {b*100}-{(b+1)*100} MiB | {len(y)} | {max(y) if y else '-'} | {min(y) if y else '-'} | {len(e['full'])} |")
first, last = buckets[min(buckets)], buckets[max(buckets)]
fy, ly = max(first["young"] or [0]), max(last["young"] or [0])
print(f"first window max after young GC {fy} MiB, last window {ly} MiB: growth {ly - fy:+d} MiB")
EOF
exit "$STATUS"
