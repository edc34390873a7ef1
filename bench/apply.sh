#!/bin/sh
# apply benchmark, through the ./vipctl launcher as people run it:
#   A  2,000 values (one generated policy) into an empty regfile target      target < 2 s
#   B  the 11 values of examples/ into a 13.5 MB .reg target (UTF-16LE)       target < 1.5 s
# each beside a plain copy (cp) of a file of the same size as the target written, and the ratio.
# Every run starts from the same state (the target removed or copied back first, untimed).
# Prints the median of RUNS timed runs after one warm-up.
#
#   bench/apply.sh [RUNS] [MEGABYTES] [VALUES]   (defaults 5, 13.5, 2000; needs python3 and the jar:
#                                                  mvn -B -DskipTests package)
set -eu
runs=${1:-5}
mb=${2:-13.5}
values=${3:-2000}
repo=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$repo"
ls cli/target/vipctl-*.jar >/dev/null 2>&1 ||
  { echo "apply.sh: cli/target/vipctl-<version>.jar is missing; run mvn -B -DskipTests package first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
python3 bench/apply_gen.py "$work" "$mb" "$values"

# median of the numbers (milliseconds) on standard input
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m }'
}

# time_runs PREPARE COMMAND: PREPARE (untimed) then COMMAND, once to warm up and RUNS times timed;
# prints the median in ms. COMMAND must succeed.
time_runs() {
  i=0
  while [ "$i" -le "$runs" ]; do
    sh -c "$1"
    start=$(date +%s%N)
    sh -c "$2" >/dev/null 2>&1 || { echo "apply.sh: failed: $2" >&2; exit 1; }
    end=$(date +%s%N)
    [ "$i" -gt 0 ] && echo $(( (end - start) / 1000 ))
    i=$((i + 1))
  done | awk '{ printf "%.3f\n", $1 / 1000 }' | median
}

a_prepare="rm -rf '$work/a.reg' '$work/state-a'"
a_cmd="./vipctl apply --yes --target 'regfile:$work/a.reg' --state-dir '$work/state-a' '$work/values.yaml'"
sh -c "$a_prepare"; sh -c "$a_cmd" >/dev/null
cp "$work/a.reg" "$work/a-size.reg"
a_bytes=$(wc -c < "$work/a-size.reg")
a_ms=$(time_runs "$a_prepare" "$a_cmd")
a_cp=$(time_runs "rm -f '$work/a-copy'" "cp '$work/a-size.reg' '$work/a-copy'")

b_prepare="cp '$work/big.reg' '$work/b.reg'; rm -rf '$work/state-b'"
b_cmd="./vipctl apply --yes --target 'regfile:$work/b.reg' --state-dir '$work/state-b' examples/"
sh -c "$b_prepare"; sh -c "$b_cmd" >/dev/null
b_bytes=$(wc -c < "$work/b.reg")
b_ms=$(time_runs "$b_prepare" "$b_cmd")
b_cp=$(time_runs "rm -f '$work/b-copy'" "cp '$work/b.reg' '$work/b-copy'")

echo "apply, medians of $runs runs (wall time, whole process)"
printf 'A  %d values into an empty regfile (%d bytes written): %s ms; cp of that size %s ms; ratio %s  (target < 2000 ms)\n' \
  "$values" "$a_bytes" "$a_ms" "$a_cp" "$(echo "$a_ms $a_cp" | awk '{ printf "%.1f", $1 / $2 }')"
printf 'B  11 values into a %d-byte .reg:  %s ms; cp of that size %s ms; ratio %s  (target < 1500 ms)\n' \
  "$b_bytes" "$b_ms" "$b_cp" "$(echo "$b_ms $b_cp" | awk '{ printf "%.1f", $1 / $2 }')"
