#!/usr/bin/env bash
# Benchmark: 'vipctl pol show FILE --format lgpo' on a synthetic 100,000-record Registry.pol
# (~16 MB, mixed types and **del. records) against Samba's PReg parser printing the same records.
# Targets: vipctl's whole-process wall time at most 0.5x Samba's; peak memory no higher than Samba's.
# Needs python3 for the generator; hyperfine and /usr/bin/time -v when present; python3-samba for
# the comparison (without it only vipctl's figures are printed).
# usage: bench/pol.sh [RECORDS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pol="$work/Registry.pol"

python3 bench/pol_gen.py "$pol" "$n"
echo "file: $n records, $(wc -c <"$pol") bytes"
./vipctl pol show "$pol" --format lgpo >/dev/null   # builds the jar on first use

vip=(./vipctl pol show "$pol" --format lgpo)
samba=()
if /usr/bin/python3 -c 'import samba.dcerpc.preg' 2>/dev/null; then
  samba=(/usr/bin/python3 bench/pol_samba_show.py "$pol")
  if ! cmp -s <("${vip[@]}") <("${samba[@]}"); then
    echo "warning: vipctl and Samba print different text" >&2
  fi
else
  echo "Samba (python3-samba) not installed: vipctl figures only"
fi

if command -v hyperfine >/dev/null; then
  if [ ${#samba[@]} -gt 0 ]; then
    hyperfine -N -w 1 -r 10 --output=null --export-json "$work/times.json" -n vipctl "${vip[*]}" -n samba "${samba[*]}"
    python3 - "$work/times.json" <<'PY'
import json, sys
r = {x['command']: x for x in json.load(open(sys.argv[1]))['results']}
v, s = r['vipctl'], r['samba']
print('wall time vipctl/samba: mean %.3f s / %.3f s = %.2f, fastest %.3f s / %.3f s = %.2f (target <= 0.50)'
      % (v['mean'], s['mean'], v['mean'] / s['mean'], v['min'], s['min'], v['min'] / s['min']))
PY
  else
    hyperfine -N -w 1 -r 10 --output=null -n vipctl "${vip[*]}"
  fi
fi

peak() { # prints the maximum resident set size in KB of one run (GNU time -v)
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
}
if [ -x /usr/bin/time ]; then
  vm=$(peak "${vip[@]}")
  echo "peak RSS vipctl: ${vm} KB"
  if [ ${#samba[@]} -gt 0 ]; then
    sm=$(peak "${samba[@]}")
    echo "peak RSS samba:  ${sm} KB"
    awk -v c="$vm" -v d="$sm" 'BEGIN { printf "peak memory vipctl/samba: %.2f (target <= 1.00)\n", c / d }'
  fi
fi
