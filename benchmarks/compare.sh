#!/usr/bin/env bash
# Side-by-side, whole-process throughput of Lagotto and its baselines on the generated corpora, in one run.
#
#   benchmarks/compare.sh [--size-mib N] [--clean-size-mib N] [--reps N] [--jdk-mib N] [--only LIST] [--pin CPU]
#                         [--warmup-seconds S] [--out DIR]
#
# For each corpus (main, clean) and each tool: one untimed warm-up run (it also fills the page cache and gives
# the match counts), then N timed runs (default 5). Prints two markdown tables: throughput (median MB/s, min-max,
# ratio to ripgrep with the same thread count, peak RSS) and matches by category (planted ground truth from the
# generator's manifest vs what each tool found). MB = 10^6 bytes. Times are wall clock of the whole process
# (JVM start included). It installs nothing: a missing tool is named with the command that installs it.
#
# Tools (keys for --only, comma separated; default all):
#   cat        cat FILE > /dev/null                                    (reading floor)
#   java-read  PlainRead: FileInputStream, 1 MiB buffer, sum of bytes   (Java floor)
#   rg         ripgrep --no-unicode --count-matches -f <rules.tsv patterns>, -j1 and all threads
#   jdk-regex  JdkRegexScan: java.util.regex alternation of the rules.tsv rules, line by line, on the first
#              --jdk-mib MiB only (default 8; it runs at about 2.5 MB/s)
#   engine     EngineScan: the core Scanner on one thread without the CLI, rules.tsv categories and all rules
#   steady     EngineScan --passes 5: the same engine in its steady state, as in the long-running agent: the
#              fastest of passes 2-5 over the file in one process (start-up, rule compilation and JIT warm-up
#              left out: untimed passes run between passes 1 and 2 for --warmup-seconds S, default 5, and then
#              until the JIT compilers are quiet for one); its MB/s is the file's size over that pass's wall
#              time, not over the whole process.
#              With rg as well, rg -j1 runs (as a process of its own) right after each of passes 2-5, and a third
#              table gives the ratios of these pairs, each taken within a second or two: on a host whose speed
#              drifts, they vary far less than ratios of medians taken minutes apart
#   lagotto    bin/lagotto scan --format jsonl, --threads 1 and --threads $(nproc), rules.tsv categories and all
#              rules; skipped with a note when bin/lagotto is missing
# --pin CPU runs every single-thread row (rg -j1 included) under `taskset -c CPU`, on that CPU alone: issue 3's "on
# one core of this machine". On a virtual machine whose CPUs the host loads unequally, where a process lands then
# decides less; the rows with all threads stay unpinned.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$ROOT/benchmarks/target/benchmarks.jar"
LAGOTTO=${LAGOTTO:-"$ROOT/bin/lagotto"}   # override to time another build of the launcher
BENCH_CATEGORIES="email,ipv4,ipv6,geo_coordinates,phone,credit_card,iban,national_id,mac_address"
MAIN_MIB=256
CLEAN_MIB=64
REPS=5
JDK_MIB=8
ONLY="cat,java-read,rg,jdk-regex,engine,steady,lagotto"
OUT=""
PIN=""
WARMUP_SECONDS=5
NPROC=$(nproc)

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die() { echo "compare.sh: $*" >&2; exit 2; }
posint() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive integer, got '$2'"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --size-mib) posint "$1" "${2-}"; MAIN_MIB=$2; CLEAN_MIB=$(( $2 / 4 > 0 ? $2 / 4 : 1 )); shift 2 ;;
    --clean-size-mib) posint "$1" "${2-}"; CLEAN_MIB=$2; shift 2 ;;
    --reps) posint "$1" "${2-}"; REPS=$2; shift 2 ;;
    --jdk-mib) posint "$1" "${2-}"; JDK_MIB=$2; shift 2 ;;
    --only) [ -n "${2-}" ] || die "--only needs a list"; ONLY=$2; shift 2 ;;
    --out) [ -n "${2-}" ] || die "--out needs a directory"; OUT=$2; shift 2 ;;
    --warmup-seconds) [[ "${2-}" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--warmup-seconds needs a number of seconds, got '${2-}'"
      WARMUP_SECONDS=$2; shift 2 ;;
    --pin) [[ "${2-}" =~ ^[0-9]+$ ]] || die "--pin needs a CPU number, got '${2-}'"; PIN=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
for t in ${ONLY//,/ }; do
  case "$t" in cat|java-read|rg|jdk-regex|engine|steady|lagotto) ;; *) die "unknown tool '$t' in --only" ;; esac
done
wants() { [[ ",$ONLY," == *",$1,"* ]]; }

# --- prerequisites: say what is missing and how to get it; install nothing -------------------------------------
missing=()
command -v java >/dev/null || missing+=("java (JDK 17+: apt-get install -y openjdk-17-jdk)")
command -v python3 >/dev/null || missing+=("python3 (generates the corpora: apt-get install -y python3)")
if wants rg; then command -v rg >/dev/null || missing+=("rg (ripgrep: apt-get install -y ripgrep)"); fi
if [ ! -x /usr/bin/time ] || ! /usr/bin/time --version 2>&1 | grep -q GNU; then
  missing+=("/usr/bin/time (GNU time, for peak RSS: apt-get install -y time)")
fi
if [ -n "$PIN" ]; then command -v taskset >/dev/null || missing+=("taskset (for --pin: apt-get install -y util-linux)"); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "compare.sh: missing prerequisites (nothing was installed):" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  echo "  e.g. apt-get update && apt-get install -y ripgrep time" >&2
  exit 2
fi
if [ ! -f "$JAR" ]; then
  echo "compare.sh: $JAR is missing; building it: mvn -B -q -pl benchmarks -am package -DskipTests" >&2
  (cd "$ROOT" && mvn -B -q -pl benchmarks -am package -DskipTests) >&2
fi
HAVE_LAGOTTO=1
if wants lagotto && [ ! -x "$LAGOTTO" ]; then
  echo "compare.sh: $LAGOTTO not found or not executable: the lagotto rows are skipped" >&2
  HAVE_LAGOTTO=0
fi

# ONE: the prefix of every single-thread run (with --pin, that CPU alone: the issue's "on one core of this machine")
ONE=()
if [ -n "$PIN" ]; then
  [ "$PIN" -lt "$NPROC" ] || die "--pin $PIN: this machine has CPUs 0 to $((NPROC - 1))"
  ONE=(taskset -c "$PIN")
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/lagotto-compare.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
[ -n "$OUT" ] && mkdir -p "$OUT"

# rules.tsv lives beside the generator: the same lookup as Corpora.benchDir() (env, ../shared/bench, /work/shared/bench)
BENCH_DIR=${LAGOTTO_BENCH_DIR:-}
if [ -z "$BENCH_DIR" ]; then
  for d in "$ROOT/../shared/bench" /work/shared/bench; do
    if [ -f "$d/gen_corpus.py" ]; then BENCH_DIR=$(cd "$d" && pwd); break; fi
  done
fi
[ -n "$BENCH_DIR" ] && [ -f "$BENCH_DIR/rules.tsv" ] || die "rules.tsv not found: set LAGOTTO_BENCH_DIR to the directory holding gen_corpus.py and rules.tsv"
RULES_TSV="$BENCH_DIR/rules.tsv"
export LAGOTTO_BENCH_DIR="$BENCH_DIR"
cut -f3 "$RULES_TSV" > "$WORK/patterns.txt"
mkdir -p "$WORK/rule"
while IFS=$'\t' read -r _ name regex; do printf '%s\n' "$regex" > "$WORK/rule/$name.txt"; done < "$RULES_TSV"

corpus_path() { java -cp "$JAR" dev.lagotto.benchmarks.Corpora "$1" "$2"; }
echo "compare.sh: preparing corpora main-$MAIN_MIB and clean-$CLEAN_MIB (generated once, cached in benchmarks/target/corpus)" >&2
MAIN=$(corpus_path main "$MAIN_MIB")
CLEAN=$(corpus_path clean "$CLEAN_MIB")

RESULTS="$WORK/results.tsv"   # corpus tool threads rep seconds rss_kb bytes status
COUNTS="$WORK/counts.tsv"     # corpus tool category count
PAIRS="$WORK/pairs.tsv"       # corpus tool rep engine_seconds rg_seconds (steady passes, each with an rg run after it)
: > "$RESULTS"; : > "$COUNTS"

# count_jsonl: lagotto JSONL on stdin -> "category<TAB>count" lines
count_jsonl() {
  python3 -c '
import json, sys
counts = {}
for line in sys.stdin:
    try:
        o = json.loads(line)
    except ValueError:
        continue
    if o.get("type") == "finding":
        counts[o.get("category")] = counts.get(o.get("category"), 0) + 1
for k in sorted(counts):
    print("%s\t%d" % (k, counts[k]))
print("total\t%d" % sum(counts.values()))'
}

# run_tool CORPUS_NAME FILE TOOL THREADS BYTES COUNT_KIND -- CMD...
#   COUNT_KIND: none | kv (tool prints key<TAB>count) | jsonl (lagotto findings) | rg (a single number)
run_tool() {
  local cname=$1 file=$2 tool=$3 threads=$4 bytes=$5 kind=$6; shift 7
  local rc=0 t0 t1 rss status
  echo "compare.sh: $cname  $tool ($threads thread(s)): warm-up + $REPS runs" >&2
  case "$kind" in
    jsonl) { "$@" | count_jsonl > "$WORK/out"; } 2> "$WORK/err" || rc=$? ;;
    *) "$@" > "$WORK/out" 2> "$WORK/err" || rc=$? ;;
  esac
  if [ "$rc" -gt 1 ] || { [ "$rc" -eq 1 ] && [ "$tool" != "rg" ]; }; then
    echo "compare.sh: $tool failed (exit $rc): $(head -c 400 "$WORK/err")" >&2
    printf '%s\t%s\t%s\t0\t0\t0\t%s\tfailed (exit %s)\n' "$cname" "$tool" "$threads" "$bytes" "$rc" >> "$RESULTS"
    return 0
  fi
  local label=$tool
  [ "$threads" = 1 ] || label="$tool, $threads threads"
  case "$kind" in
    kv|jsonl) awk -F'\t' -v c="$cname" -v t="$label" 'NF==2 && $1!="bytes" && $1!="sum" && $1!="passes" && $1!="warmup_passes" && $1!="pass_seconds" {print c"\t"t"\t"$1"\t"$2}' "$WORK/out" >> "$COUNTS" ;;
    rg) printf '%s\t%s\ttotal\t%s\n' "$cname" "$label" "$(cat "$WORK/out" 2>/dev/null || echo 0)" >> "$COUNTS" ;;
  esac
  for rep in $(seq 1 "$REPS"); do
    rc=0
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$WORK/rss" "$@" > /dev/null 2> "$WORK/err" || rc=$?
    t1=$(date +%s%N)
    rss=$(tail -n 1 "$WORK/rss")
    status=ok
    if [ "$rc" -gt 1 ] || { [ "$rc" -eq 1 ] && [ "$tool" != "rg" ]; }; then status="failed (exit $rc)"; fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$cname" "$tool" "$threads" "$rep" \
      "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.6f", (b-a)/1e9}')" "$rss" "$bytes" "$status" >> "$RESULTS"
  done
}

# run_steady CORPUS_NAME TOOL BYTES -- CMD...: CMD prints pass_seconds<TAB>S (EngineScan --passes); REPS runs, each
# recorded with S as its time (its peak RSS is the whole process's), and the pair<TAB>E<TAB>B lines it prints when
# given a baseline command
run_steady() {
  local cname=$1 tool=$2 bytes=$3; shift 4
  local rc sec rss status
  echo "compare.sh: $cname  $tool: $REPS runs" >&2
  for rep in $(seq 1 "$REPS"); do
    rc=0
    /usr/bin/time -f '%M' -o "$WORK/rss" "$@" > "$WORK/out" 2> "$WORK/err" || rc=$?
    rss=$(tail -n 1 "$WORK/rss")
    sec=$(awk -F'\t' '$1=="pass_seconds" {print $2}' "$WORK/out")
    awk -F'\t' -v c="$cname" -v t="$tool" -v r="$rep" '$1=="pair" {print c"\t"t"\t"r"\t"$2"\t"$3}' "$WORK/out" >> "$PAIRS"
    status=ok
    if [ "$rc" -ne 0 ] || [ -z "$sec" ]; then status="failed (exit $rc)"; sec=0; fi
    printf '%s\t%s\t1\t%s\t%s\t%s\t%s\t%s\n' "$cname" "$tool" "$rep" "$sec" "$rss" "$bytes" "$status" >> "$RESULTS"
  done
}

for cname in main clean; do
  if [ "$cname" = main ]; then file=$MAIN; else file=$CLEAN; fi
  size=$(stat -c %s "$file")
  jdk_bytes=$(( JDK_MIB * 1048576 < size ? JDK_MIB * 1048576 : size ))
  cat "$file" > /dev/null
  if wants cat; then run_tool "$cname" "$file" "cat" 1 "$size" none -- "${ONE[@]}" cat "$file"; fi
  if wants java-read; then
    run_tool "$cname" "$file" "java read (PlainRead)" 1 "$size" none -- "${ONE[@]}" java -cp "$JAR" dev.lagotto.benchmarks.PlainRead "$file"
  fi
  if wants rg; then
    run_tool "$cname" "$file" "rg -f rules.tsv" 1 "$size" rg -- "${ONE[@]}" rg --no-config --no-unicode --count-matches -j1 -f "$WORK/patterns.txt" "$file"
    run_tool "$cname" "$file" "rg -f rules.tsv" "$NPROC" "$size" none -- rg --no-config --no-unicode --count-matches -f "$WORK/patterns.txt" "$file"
    for rf in "$WORK"/rule/*.txt; do   # per-rule counts, once, for the matches table
      n=$(rg --no-config --no-unicode --count-matches -f "$rf" "$file" || true)
      printf '%s\trg (rule alone)\t%s\t%s\n' "$cname" "$(basename "$rf" .txt)" "${n:-0}" >> "$COUNTS"
    done
  fi
  if wants jdk-regex; then
    run_tool "$cname" "$file" "java.util.regex alternation (first $JDK_MIB MiB)" 1 "$jdk_bytes" kv -- \
      "${ONE[@]}" java -cp "$JAR" dev.lagotto.benchmarks.JdkRegexScan --rules "$RULES_TSV" --limit-mib "$JDK_MIB" "$file"
  fi
  if wants engine; then
    run_tool "$cname" "$file" "lagotto engine, rules.tsv categories" 1 "$size" kv -- \
      "${ONE[@]}" java -cp "$JAR" dev.lagotto.benchmarks.EngineScan --categories "$BENCH_CATEGORIES" "$file"
    run_tool "$cname" "$file" "lagotto engine, all rules" 1 "$size" kv -- \
      "${ONE[@]}" java -cp "$JAR" dev.lagotto.benchmarks.EngineScan "$file"
  fi
  if wants steady; then
    pair=()   # rg -j1 after each steady pass, in the same process (and on the same CPU with --pin)
    wants rg && pair=(-- rg --no-config --no-unicode --count-matches -j1 -f "$WORK/patterns.txt" "$file")
    run_steady "$cname" "lagotto engine steady state, rules.tsv categories" "$size" -- \
      "${ONE[@]}" java -cp "$JAR" dev.lagotto.benchmarks.EngineScan --passes 5 --warmup-seconds "$WARMUP_SECONDS" --categories "$BENCH_CATEGORIES" "$file" \
      "${pair[@]}"
    run_steady "$cname" "lagotto engine steady state, all rules" "$size" -- \
      "${ONE[@]}" java -cp "$JAR" dev.lagotto.benchmarks.EngineScan --passes 5 --warmup-seconds "$WARMUP_SECONDS" "$file" "${pair[@]}"
  fi
  if wants lagotto && [ "$HAVE_LAGOTTO" = 1 ]; then
    for th in 1 "$NPROC"; do
      pin=()
      [ "$th" = 1 ] && pin=("${ONE[@]}")
      run_tool "$cname" "$file" "lagotto scan, rules.tsv categories" "$th" "$size" jsonl -- \
        "${pin[@]}" "$LAGOTTO" scan --format jsonl --threads "$th" --categories "$BENCH_CATEGORIES" "$file"
      run_tool "$cname" "$file" "lagotto scan, all rules" "$th" "$size" jsonl -- \
        "${pin[@]}" "$LAGOTTO" scan --format jsonl --threads "$th" "$file"
    done
  fi
done

touch "$PAIRS"
[ -n "$OUT" ] && cp "$RESULTS" "$COUNTS" "$PAIRS" "$OUT"/

# --- tables --------------------------------------------------------------------------------------------------
CPU=$(lscpu | sed -n "s/^Model name:[[:space:]]*//p" | sed -n 1p)
JDK=$(java -version 2>&1 | sed -n 1p)
RG=$(command -v rg >/dev/null && rg --version 2>/dev/null | sed -n 1p || echo "rg missing")
python3 - "$RESULTS" "$COUNTS" "$MAIN" "$CLEAN" "$REPS" "$NPROC" "$CPU" "$JDK" "$RG" "$JDK_MIB" "$HAVE_LAGOTTO" "$PIN" "$PAIRS" <<'EOF'
import json, statistics, sys
results, counts, main, clean, reps, nproc, cpu, jdk, rgv, jdk_mib, have_lagotto, pin, pairs = sys.argv[1:]
manifest = {c: json.load(open(p + ".manifest.json")) for c, p in (("main", main), ("clean", clean))}
rows, order = {}, []
for line in open(results):
    c, tool, th, rep, sec, rss, nbytes, status = line.rstrip("\n").split("\t")
    key = (c, tool, th)
    if key not in rows:
        rows[key] = {"mbs": [], "rss": [], "status": status, "bytes": int(nbytes)}
        order.append(key)
    if status == "ok" and float(sec) > 0:
        rows[key]["mbs"].append(int(nbytes) / 1e6 / float(sec))
        rows[key]["rss"].append(int(rss) / 1024)
    elif status != "ok":
        rows[key]["status"] = status
def med(k):
    v = rows.get(k, {}).get("mbs")
    return statistics.median(v) if v else None
print("## Throughput, %s reps (median, min-max)" % reps)
print()
print("Whole process (JVM start included), except the `steady state` rows: the fastest of passes 2-5 over the file")
print("in one process, as a long-running agent scans file after file. `x rg` divides by rg's whole-process median.")
print()
print("CPU: %s, %s cores; %s; %s; corpora: main %.0f MiB, clean %.0f MiB (gen_corpus.py seed %s, sha256 %s... / %s...)" % (
    cpu, nproc, jdk, rgv, manifest["main"]["bytes"] / 2**20, manifest["clean"]["bytes"] / 2**20,
    manifest["main"]["seed"], manifest["main"]["sha256"][:12], manifest["clean"]["sha256"][:12]))
if pin:
    print()
    print("Single-thread rows pinned to CPU %s (`taskset -c %s`); the rows with %s threads unpinned." % (pin, pin, nproc))
if have_lagotto != "1":
    print()
    print("bin/lagotto was missing: no `lagotto scan` rows.")
print()
print("| corpus | tool | threads | MB/s median | MB/s min-max | x rg (same threads) | peak RSS MiB |")
print("|---|---|---:|---:|---:|---:|---:|")
for key in order:
    c, tool, th = key
    r = rows[key]
    if not r["mbs"]:
        print("| %s | %s | %s | %s | | | |" % (c, tool, th, r["status"]))
        continue
    m = statistics.median(r["mbs"])
    rg = med((c, "rg -f rules.tsv", th)) or med((c, "rg -f rules.tsv", "1"))
    ratio = "%.2f" % (m / rg) if rg and not tool.startswith("rg") else ("1.00" if tool.startswith("rg") else "")
    print("| %s | %s | %s | %s | %s-%s | %s | %.0f |" % (c, tool, th, format(round(m, 1), ",") if m < 100 else format(round(m), ","),
          format(round(min(r["mbs"]), 1), ","), format(round(max(r["mbs"]), 1), ","), ratio, statistics.median(r["rss"])))
paired, porder = {}, []
for line in open(pairs):
    c, tool, rep, eng, rgs = line.rstrip("\n").split("\t")
    if (c, tool) not in paired:
        paired[(c, tool)] = []
        porder.append((c, tool))
    paired[(c, tool)].append((float(eng), float(rgs)))
if porder:
    print()
    print("## Steady state paired with rg")
    print()
    print("rg -j1 (whole process) ran right after each of passes 2-5 of each steady-state process: %s reps x 4 pairs." % reps)
    print("A pair's ratio is rg's time over the pass's, so a drift of the host's speed between the two is at most a")
    print("second or two long; the median and range are over all pairs.")
    print()
    print("| corpus | engine | pairs | engine MB/s median | rg MB/s median | x rg, median of pairs | x rg, min-max |")
    print("|---|---|---:|---:|---:|---:|---:|")
    slow = []
    for c, tool in porder:
        ps = paired[(c, tool)]
        size = rows[(c, tool, "1")]["bytes"]
        ratios = [r / e for e, r in ps]
        rg_paired = statistics.median(size / 1e6 / r for _, r in ps)
        print("| %s | %s | %d | %s | %s | %.2f | %.2f-%.2f |" % (c, tool.replace("lagotto engine steady state, ", ""), len(ps),
              format(round(statistics.median(size / 1e6 / e for e, _ in ps)), ","), format(round(rg_paired), ","),
              statistics.median(ratios), min(ratios), max(ratios)))
        rg_row = med((c, "rg -f rules.tsv", "1"))
        if rg_row and rg_paired < 0.85 * rg_row:
            slow.append("%s %s: %.0f%%" % (c, tool.replace("lagotto engine steady state, ", ""), 100 * rg_paired / rg_row))
    if slow:
        print()
        print("The host was slower during some pairs: rg in them ran at a fraction of its own row's median")
        print("(%s). Such spells slow the engine more than rg; run again for a quiet host's figures." % "; ".join(slow))
print()
print("## Matches by category (warm-up run of each tool)")
print()
print("Planted = generator ground truth (manifest). rg counts each rules.tsv rule alone (`rg -f` with all rules")
print("gives one leftmost-first total, in the last row); the regexes over-match by design (version numbers as IPv4,")
print("epoch-ms ids as cards, `MAC=` fields as IPv6, histogram buckets as geo) and miss `%40` e-mails.")
print("java.util.regex counts cover only the first %s MiB." % jdk_mib)
print()
cat_of = {"email": "email", "ipv4": "ipv4", "ipv6": "ipv6", "geo": "geo_coordinates", "phone": "phone",
          "credit_card": "credit_card", "iban": "iban", "us_ssn": "national_id", "mac": "mac_address",
          "person_name": "person_name"}
got = {}
tools = []
for line in open(counts):
    c, tool, k, n = line.rstrip("\n").split("\t")
    k = cat_of.get(k, k)
    got[(c, tool, k)] = got.get((c, tool, k), 0) + int(n)
    if tool not in tools:
        tools.append(tool)
for c in ("main", "clean"):
    for t in tools:
        if (c, t, "total") not in got and any(cc == c and tt == t for (cc, tt, _) in got):
            got[(c, t, "total")] = sum(v for (cc, tt, _), v in got.items() if cc == c and tt == t)
tools = [t for t in tools if t != "rg -f rules.tsv"] + (["rg -f rules.tsv"] if "rg -f rules.tsv" in tools else [])
print("| corpus | category | planted |" + "".join(" %s |" % t for t in tools))
print("|---|---|---:|" + "---:|" * len(tools))
for c in ("main", "clean"):
    truth = manifest[c]["ground_truth_pii"]
    cats = list(cat_of.values()) + sorted({k for (cc, _, k) in got if cc == c and k not in cat_of.values() and k != "total"})
    for k in cats + ["total"]:
        src = [s for s, v in cat_of.items() if v == k]
        if k == "total":
            planted = str(sum(v for kk, v in truth.items()))
        elif k == "email":
            planted = "%d (+%d as %%40)" % (truth.get("email", 0), truth.get("email_urlencoded", 0))
        else:
            planted = str(sum(truth.get(s, 0) for s in src)) if src else ""
        cells = [str(got[(c, t, k)]) if (c, t, k) in got else "" for t in tools]
        if any(cells) or planted not in ("", "0"):
            print("| %s | %s | %s |%s" % (c, k, planted, "".join(" %s |" % x for x in cells)))
EOF
