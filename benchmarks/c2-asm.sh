#!/usr/bin/env bash
# The machine code C2 made of one method, disassembled, to see what the JIT did with a hot loop (spills to the
# stack, range checks, registers):
#
#   benchmarks/c2-asm.sh 'dev.lagotto.core.prefilter.UnionAutomaton$Cache::run' -- JAVA_ARGS...
#
# Runs `java -XX:CompileCommand=print,METHOD JAVA_ARGS...` (so JAVA_ARGS must make the method hot: e.g. the
# ThroughputMain command of benchmarks/README "Profiling the engine") and prints the last C2 compile of METHOD
# (a full compile when there is one, else the last on-stack-replacement one) as Intel-syntax assembly, through
# objdump. HotSpot needs a disassembler plugin to print code; Debian's `libhsdis0-fcml` is one (apt install
# libhsdis0-fcml), and where it prints only the code's bytes this script decodes them. Requires objdump
# (binutils) and python3. The whole JVM output is kept in $TMPDIR/c2-asm.log.
set -euo pipefail
[ $# -ge 3 ] && [ "$2" = "--" ] || { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2; }
METHOD=$1; shift 2
command -v objdump >/dev/null || { echo "c2-asm.sh: objdump missing; install it with: apt-get install binutils" >&2; exit 2; }
LOG=${TMPDIR:-/tmp}/c2-asm.log
java -XX:+UnlockDiagnosticVMOptions "-XX:CompileCommand=print,$METHOD" "$@" > "$LOG" 2>&1 || true
grep -q "Compiled method (c2)" "$LOG" || { echo "c2-asm.sh: no C2 compile of $METHOD in $LOG (was it hot?)" >&2; exit 1; }
python3 - "$LOG" <<'EOF'
import re, subprocess, sys, tempfile
lines = open(sys.argv[1]).read().split('\n')
starts = [i for i, l in enumerate(lines) if l.startswith('Compiled method (c2)')]
full = [i for i in starts if ' % ' not in lines[i]]
first = (full or starts)[-1]
end = next((i for i in range(first + 1, len(lines)) if lines[i].startswith('Compiled method')), len(lines))
print(lines[first])
code = {}
for l in lines[first:end]:
    m = re.match(r'\s*0x([0-9a-f]+): ([0-9a-f| ]+)$', l)
    if m:
        hexes = m.group(2).replace('|', '').replace(' ', '')
        for k in range(0, len(hexes), 2):
            code[int(m.group(1), 16) + k // 2] = int(hexes[k:k + 2], 16)
if not code:  # the plugin decoded the code itself
    print('\n'.join(lines[first:end]))
    sys.exit()
low = min(code)
blob = bytearray(max(code) - low + 1)
for address, value in code.items():
    blob[address - low] = value
with tempfile.NamedTemporaryFile(suffix='.bin') as f:
    f.write(blob)
    f.flush()
    out = subprocess.run(['objdump', '-D', '-b', 'binary', '-m', 'i386:x86-64', '-M', 'intel',
                          '--adjust-vma=%#x' % low, f.name], capture_output=True, text=True, check=True).stdout
print(out.split('<.data>:', 1)[-1])
EOF
