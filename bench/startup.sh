#!/bin/sh
# Start-up benchmark: `vipctl validate examples/` (through the ./vipctl launcher, as people run it)
# against a trivial Java hello-world run by the same JVM with the same flags the launcher uses
# (read from the launcher itself; hello-world gets the JDK's own class-data archive, vipctl its
# archive from cli/target/vipctl-<version>.jsa). Prints both medians and their ratio.
#
#   bench/startup.sh [RUNS]      (default 10; needs a JDK and the built jar: mvn -B -DskipTests package)
#
# Uses hyperfine when installed, otherwise its own loop timed with date +%s%N.
set -eu
runs=${1:-10}
repo=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}javac
jar=$(ls -t "$repo"/cli/target/vipctl-*.jar 2>/dev/null | head -n 1)
jsa="${jar%.jar}.jsa"

[ -f "$jar" ] || { echo "startup.sh: cli/target/vipctl-*.jar is missing; run mvn -B -DskipTests package first" >&2; exit 1; }
flags=$(sed -n 's/^flags="\(.*\)"$/\1/p' "$repo/vipctl")
[ -n "$flags" ] || { echo "startup.sh: cannot read the JVM flags from $repo/vipctl" >&2; exit 1; }
if [ -f "$jsa" ] && [ "$jsa" -nt "$jar" ]; then
  archive="used ($(du -k "$jsa" | cut -f1) KiB)"
else
  archive="MISSING or stale: vipctl runs without it (mvn package builds it)"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cat > "$work/Hello.java" <<'EOF'
public class Hello {
    public static void main(String[] args) {
        System.out.println("Hello, world");
    }
}
EOF
"$javac_cmd" -d "$work" "$work/Hello.java"

cd "$repo"
hello="$java_cmd $flags -cp $work Hello"
vipctl="./vipctl validate examples/"
$hello >/dev/null
$vipctl >/dev/null || { echo "startup.sh: '$vipctl' failed; fix that first" >&2; exit 1; }

# median of the numbers (milliseconds) on standard input
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m }'
}

if command -v hyperfine >/dev/null 2>&1; then
  tool="hyperfine"
  hyperfine -N --style none --warmup 2 --runs "$runs" --export-json "$work/h.json" "$hello" "$vipctl" >/dev/null
  # the two "median" fields, in seconds, in command order
  medians=$(tr ',' '\n' < "$work/h.json" | sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p')
  hello_ms=$(echo "$medians" | sed -n 1p | awk '{ printf "%.2f", $1 * 1000 }')
  vipctl_ms=$(echo "$medians" | sed -n 2p | awk '{ printf "%.2f", $1 * 1000 }')
else
  tool="shell loop (date +%s%N)"
  time_runs() {
    i=0
    while [ "$i" -lt 2 ]; do $1 >/dev/null; i=$((i + 1)); done
    i=0
    while [ "$i" -lt "$runs" ]; do
      start=$(date +%s%N)
      $1 >/dev/null
      end=$(date +%s%N)
      echo $(( (end - start) / 1000 ))
      i=$((i + 1))
    done | awk '{ print $1 / 1000 }' | median
  }
  hello_ms=$(time_runs "$hello")
  vipctl_ms=$(time_runs "$vipctl")
fi

echo "JVM:        $("$java_cmd" -XX:-UsePerfData -version 2>&1 | sed -n 2p)"
echo "flags:      $flags"
echo "archive:    $archive"
echo "machine:    $(nproc 2>/dev/null || echo '?') cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'); $runs runs each, $tool"
echo "hello-world median:              $hello_ms ms"
echo "vipctl validate examples median: $vipctl_ms ms"
echo "ratio: $(awk -v a="$vipctl_ms" -v b="$hello_ms" 'BEGIN { printf "%.2f", a / b }')"
