#!/usr/bin/env bash
# Benchmark: whole-process `vipctl admx lint STORE` against `xmllint --noout` (parse only) on the
# same ADMX/ADML files, in the same run. Prints both times (median of RUNS runs) and the ratio.
#
#   bench/admx.sh [RUNS]              the default store: 30 copies of ../shared/reference/admx and
#                                     ../shared/reference/admx-quirks (480 files with every namespace
#                                     form and encoding Windows ships), written to a temporary folder
#   bench/admx.sh STORE [RUNS]        any PolicyDefinitions folder, e.g. a real C:\Windows\PolicyDefinitions
#   bench/admx.sh --synthetic N DIR   first write N copies of both reference folders to DIR
#                                     (see make-synthetic-store.py), then benchmark it
#
# Target: lint <= 5x xmllint's parse-only time on the 2-core build machine. Not a test: numbers
# depend on the machine; record them in the README. The two commands alternate run by run and the
# medians are compared, so passing load from other processes weighs on both.
set -euo pipefail
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
repo=$(dirname "$here")

refs=("$repo/../shared/reference/admx" "$repo/../shared/reference/admx-quirks")
if [ "${1:-}" = "--synthetic" ]; then
  copies=${2:?number of copies}
  out=${3:?output folder}
  python3 "$here/make-synthetic-store.py" "$copies" "$out" "${refs[@]}"
  set -- "$out" "${4:-5}"
elif [ $# -eq 0 ] || [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  python3 "$here/make-synthetic-store.py" 30 "$tmp/PolicyDefinitions" "${refs[@]}" >/dev/null
  set -- "$tmp/PolicyDefinitions" "${1:-5}"
fi

store=$1
runs=${2:-5}
command -v xmllint >/dev/null || { echo "xmllint is not installed (apt-get install libxml2-utils)" >&2; exit 1; }
[ -d "$store" ] || { echo "no such folder: $store" >&2; exit 1; }
ls "$repo"/cli/target/vipctl-*.jar >/dev/null 2>&1 || (cd "$repo" && mvn -B -q -o -DskipTests package >/dev/null)

mapfile -t files < <(find "$store" -maxdepth 2 \( -iname '*.admx' -o -iname '*.adml' \) | sort)
bytes=$(cat "${files[@]}" | wc -c)
echo "store: $store (${#files[@]} files, $((bytes / 1024)) KiB), $runs runs each"

# wall time in milliseconds of one run of "$@"
ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() {
  sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

"$repo/vipctl" admx lint "$store" >/dev/null 2>&1 && status=0 || status=$?
xmllint --noout "${files[@]}" >/dev/null 2>&1 || true   # warm the file cache for both
# The two commands alternate, run by run, so load from other processes hits both alike (a shared
# build machine's load comes and goes within seconds).
xml_times=()
lint_times=()
for _ in $(seq "$runs"); do
  xml_times+=("$(ms xmllint --noout "${files[@]}")")
  lint_times+=("$(ms "$repo/vipctl" admx lint "$store")")
done
xml=$(printf '%s\n' "${xml_times[@]}" | median)
lint=$(printf '%s\n' "${lint_times[@]}" | median)
echo "xmllint --noout:  ${xml} ms"
echo "vipctl admx lint: ${lint} ms (exit $status)"
awk -v l="$lint" -v x="$xml" 'BEGIN { if (x < 1) x = 1; printf "ratio: %.1fx (target <= 5x)\n", l / x }'
