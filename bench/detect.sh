#!/usr/bin/env bash
# Benchmark: 'vipctl detect' on a large synthetic 'netstat -abno' capture (default 60,000 rows,
# 180,000 lines: near the 200,000-line limit) and on a hostile one-million-line file, which must be
# refused at the limit. Prints wall time and peak memory (RSS) of each run; the point is that memory
# stays bounded however large the file is, because captures are read as streams.
# Uses /usr/bin/time -v when present.
# usage: bench/detect.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-60000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/netstat.txt" "$rows" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, 'w', newline='\r\n') as f:
    f.write('\nActive Connections\n\n  Proto  Local Address          Foreign Address        State           PID\n')
    for i in range(n):
        pid = 1000 + i % 400
        port = 9000 + i % 50 if i % 3 == 0 else 49152 + i % 16000
        f.write(f'  TCP    0.0.0.0:{port:<17}0.0.0.0:0              LISTENING       {pid}\n')
        f.write('  SomeSvc\n')
        f.write(f' [app{pid % 40}.exe]\n')
PY
python3 - "$work/million.txt" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    for i in range(1_000_000):
        f.write(f'  TCP    0.0.0.0:{1 + i % 60000}  0.0.0.0:0  LISTENING  {100 + i}\n')
PY
echo "files: $rows rows ($(wc -l <"$work/netstat.txt") lines, $(wc -c <"$work/netstat.txt") bytes);" \
     "hostile: $(wc -l <"$work/million.txt") lines, $(wc -c <"$work/million.txt") bytes"
./vipctl detect --print-collector >/dev/null   # builds the jar on first use

run() {
  local name=$1; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "$name: exit %x, wall %e s, peak RSS %M KB" "$@" >/dev/null 2>"$work/err" || true
    tail -1 "$work/err"
  else
    local start end
    start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N)
    echo "$name: wall $(echo "$end - $start" | bc) s (install 'time' for peak memory)"
  fi
}
run "large capture " ./vipctl detect --exclude app0.exe "$work/netstat.txt"
run "1M-line file  " ./vipctl detect "$work/million.txt"
