#!/usr/bin/env bash
# Benchmark: whole-process `vipctl admx lint STORE` against `xmllint --noout` (parse only) on the
# same ADMX/ADML files, in the same run. Prints both times (median of RUNS runs) and the ratio.
#
#   bench/admx.sh [STORE] [RUNS]      STORE: a PolicyDefinitions folder (default: ../shared/reference/admx)
#   bench/admx.sh --synthetic N DIR   first write a synthetic store of N copies of the reference files
#                                     to DIR (see make-synthetic-store.py), then benchmark it
#
# Target: lint <= 15x xmllint's parse-only time on the 2-core build machine. Not a test: numbers
# depend on the machine; record them in the README.
set -euo pipefail
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
repo=$(dirname "$here")

if [ "${1:-}" = "--synthetic" ]; then
  copies=${2:?number of copies}
  out=${3:?output folder}
  python3 "$here/make-synthetic-store.py" "$repo/../shared/reference/admx" "$copies" "$out"
  set -- "$out" "${4:-5}"
fi

store=${1:-$repo/../shared/reference/admx}
runs=${2:-5}
command -v xmllint >/dev/null || { echo "xmllint is not installed (apt-get install libxml2-utils)" >&2; exit 1; }
[ -d "$store" ] || { echo "no such folder: $store" >&2; exit 1; }
ls "$repo"/cli/target/vipctl-*.jar >/dev/null 2>&1 || (cd "$repo" && mvn -B -q -o -DskipTests package >/dev/null)

mapfile -t files < <(find "$store" -maxdepth 2 \( -iname '*.admx' -o -iname '*.adml' \) | sort)
bytes=$(cat "${files[@]}" | wc -c)
echo "store: $store (${#files[@]} files, $((bytes / 1024)) KiB), $runs runs each"

# median wall time in milliseconds of running "$@" $runs times
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

"$repo/vipctl" admx lint "$store" >/dev/null 2>&1 && status=0 || status=$?
if command -v hyperfine >/dev/null; then
  # hyperfine interleaves nothing but warms up and reports a proper median; both commands in one run
  json=$(mktemp)
  printf '%s\n' "${files[@]}" > "$json.files"
  hyperfine -N --warmup 1 --runs "$runs" --ignore-failure --export-json "$json" \
    "xargs -a $json.files xmllint --noout" "$repo/vipctl admx lint $store" >/dev/null 2>&1
  read -r xml lint < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join(str(round(x["median"]*1000)) for x in r))' "$json")
  rm -f "$json" "$json.files"
else
  xml=$(median_ms xmllint --noout "${files[@]}")
  lint=$(median_ms "$repo/vipctl" admx lint "$store")
fi
echo "xmllint --noout:  ${xml} ms"
echo "vipctl admx lint: ${lint} ms (exit $status)"
awk -v l="$lint" -v x="$xml" 'BEGIN { if (x < 1) x = 1; printf "ratio: %.1fx (target <= 15x)\n", l / x }'
