#!/bin/sh
# Start-up benchmark: `vipctl validate examples/` (through the ./vipctl launcher, as people run it)
# against a trivial Java hello-world run by the same JVM with the same flags the launcher uses (read
# from the launcher itself). Prints the median wall and CPU time (user + system) of each and their
# ratios, for two JDKs:
#
#   1. the JDK the launcher finds (JAVA_HOME, else java on the PATH): vipctl with its class-data
#      sharing archive for validate, cli/target/vipctl-<version>-validate.jsa, when that JDK built it,
#      hello-world with the JDK's own archive;
#   2. a JDK 25 or later (AOT_JAVA_HOME, else the first one found in the usual JDK folders), where
#      the launcher uses an AOT cache: the script makes the launcher create it first (its first run
#      does so in the background) and waits for it.
#
#   bench/startup.sh [RUNS]      (default 10; needs the built jar: mvn -B -DskipTests package)
#
# Runs alternate, hello-world then vipctl, so a machine that speeds up or slows down affects both.
# Each run is timed by bash's `time` (wall, user and system time to the millisecond); without bash
# only wall time is taken. Run it on a quiet machine: on a shared one the second core is busy and
# the numbers mean little.
set -eu
runs=${1:-10}
repo=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
jar=$(ls -t "$repo"/cli/target/vipctl-*.jar 2>/dev/null | head -n 1)
[ -f "$jar" ] || { echo "startup.sh: cli/target/vipctl-*.jar is missing; run mvn -B -DskipTests package first" >&2; exit 1; }
flags=$(sed -n 's/^flags="\(.*\)"$/\1/p' "$repo/vipctl")
[ -n "$flags" ] || { echo "startup.sh: cannot read the JVM flags from $repo/vipctl" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cat > "$work/Hello.java" <<'EOF'
public class Hello {
    public static void main(String[] args) {
        System.out.println("Hello, world");
    }
}
EOF

bash_cmd=$(command -v bash || true)

# median of the numbers on standard input
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { printf "n/a"; exit } if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m }'
}

# one timed run of "$@": appends "wall_ms cpu_ms" to the file named by $out
timed() {
  if [ -n "$bash_cmd" ]; then
    "$bash_cmd" -c 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>&1; } 2> "$0"' "$work/t" "$@"
    awk '{ printf "%.1f %.1f\n", $1 * 1000, ($2 + $3) * 1000 }' "$work/t" >> "$out"
  else
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000 ))" | awk '{ printf "%.1f n/a\n", $1 / 1000 }' >> "$out"
  fi
}

# measure LABEL JAVA_HOME: hello-world and vipctl, alternating
measure() {
  label=$1
  home=$2
  java_cmd="$home/bin/java"
  "$home/bin/javac" -d "$work/$label" "$work/Hello.java"
  hello="$java_cmd $flags -Xshare:auto -cp $work/$label Hello"
  vipctl="env JAVA_HOME=$home $repo/vipctl validate $repo/examples/"
  $hello >/dev/null
  $vipctl >/dev/null || { echo "startup.sh: '$vipctl' failed; fix that first" >&2; exit 1; }
  : > "$work/$label.hello"
  : > "$work/$label.vipctl"
  i=0
  while [ "$i" -lt 2 ]; do $hello >/dev/null; $vipctl >/dev/null; i=$((i + 1)); done
  i=0
  while [ "$i" -lt "$runs" ]; do
    out="$work/$label.hello" timed $hello
    out="$work/$label.vipctl" timed $vipctl
    i=$((i + 1))
  done
  hw=$(cut -d' ' -f1 "$work/$label.hello" | median)
  vw=$(cut -d' ' -f1 "$work/$label.vipctl" | median)
  hc=$(cut -d' ' -f2 "$work/$label.hello" | grep -v n/a | median)
  vc=$(cut -d' ' -f2 "$work/$label.vipctl" | grep -v n/a | median)
  echo "JVM:             $("$java_cmd" -XX:-UsePerfData -version 2>&1 | sed -n 2p)"
  echo "start-up aid:    $3"
  echo "hello-world:     wall $hw ms, cpu $hc ms (medians)"
  echo "vipctl validate: wall $vw ms, cpu $vc ms (medians)"
  echo "ratio:           wall $(awk -v a="$vw" -v b="$hw" 'BEGIN { printf "%.2f", a / b }'), cpu $(
    awk -v a="$vc" -v b="$hc" 'BEGIN { if (b == "n/a" || b == 0) print "n/a"; else printf "%.2f", a / b }')"
}

java_home_of() {
  if [ -n "${JAVA_HOME:-}" ]; then
    echo "$JAVA_HOME"
  else
    p=$(command -v java) || { echo "startup.sh: no java on the PATH" >&2; exit 1; }
    p=$(readlink -f "$p" 2>/dev/null || echo "$p")
    echo "${p%/bin/java}"
  fi
}

# major version from a JDK's release file, 0 when unknown
major_of() {
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true)
  echo "${v:-0}"
}

echo "machine:         $(nproc 2>/dev/null || echo '?') cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?');" \
  "$runs runs each, alternating$( [ -n "$bash_cmd" ] || printf ', wall time only (no bash)')"
echo "flags:           $flags"
echo

home=$(java_home_of)
# validate with nothing but paths gets the launcher's archive of its own (vipctl-<version>-validate.jsa)
jsa="${jar%.jar}-validate.jsa"
[ -f "$jsa" ] || jsa="${jar%.jar}.jsa"
if [ "$(major_of "$home")" -ge 25 ]; then
  aid="AOT cache (JDK 25 or later; see below)"
elif [ -f "$jsa" ] && [ "$jsa" -nt "$jar" ]; then
  aid="class-data sharing archive ${jsa##*/} ($(du -k "$jsa" | cut -f1) KiB)"
else
  aid="none: cli/target/vipctl-<version>.jsa is missing or stale (mvn package builds it)"
fi
measure default "$home" "$aid"
echo

aot_home=${AOT_JAVA_HOME:-}
if [ -z "$aot_home" ]; then
  for d in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    if [ -x "$d/bin/java" ] && [ "$(major_of "$d")" -ge 25 ]; then
      aot_home=$d
      break
    fi
  done
fi
if [ -z "$aot_home" ] || [ "$(major_of "$aot_home")" -lt 25 ]; then
  echo "JDK 25 or later with the AOT cache: none found (set AOT_JAVA_HOME to one to measure it)"
  exit 0
fi
# the launcher's first run makes the cache in the background; wait for it
env JAVA_HOME="$aot_home" "$repo/vipctl" validate "$repo/examples/" >/dev/null || true
i=0
while [ -d "$repo/cli/target/aot" ] && ls "$repo/cli/target/aot"/*.lock >/dev/null 2>&1 && [ "$i" -lt 180 ]; do
  sleep 1
  i=$((i + 1))
done
cache=$(ls "$repo/cli/target/aot"/vipctl-*-validate.aot 2>/dev/null | head -1 || true)
if [ -n "$cache" ]; then
  aid="AOT cache for validate ($(du -k "$cache" | cut -f1) KiB)"
else
  aid="none: the launcher made no AOT cache (cli/target/aot)"
fi
measure aot "$aot_home" "$aid"
