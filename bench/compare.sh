#!/usr/bin/env bash
# Two builds of the CLI side by side: runs `A/bin/paasta ARGS...` and `B/bin/paasta ARGS...` alternately,
# RUNS times each, and prints each one's median, min and every wall time (ms, whole process). This
# machine's speed drifts (the JVM floor moved 130-195 ms within an hour), so a difference is only
# trusted when the two were measured alternately like this. A harness, not a test: it asserts nothing.
#
#   bench/compare.sh RUNS A B -- ARGS...
#
# A and B are checkouts with built jars (e.g. a `git worktree` of an older commit after
# `./mvnw -o -q package -DskipTests -pl paasta-cli -am`); each one's first run records its start-up
# archive, so run each once before. Example, from the repository (B is this checkout):
#   bench/compare.sh 11 /work/wt/base . -- validate -y /tmp/paasta-bench-tree-2000 -s svc-0042
set -euo pipefail

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

if [[ $# -lt 4 || "$4" != "--" || ! "$1" =~ ^[1-9][0-9]*$ ]]; then
  usage >&2
  exit 2
fi
RUNS="$1"
for dir in "$2" "$3"; do
  [[ -d "$dir" ]] || { echo "compare.sh: no such checkout: $dir" >&2; exit 2; }
done
A="$(cd "$2" && pwd)"
B="$(cd "$3" && pwd)"
shift 4
for side in "$A" "$B"; do
  [[ -x "$side/bin/paasta" && -f "$side/paasta-cli/target/paasta-cli.jar" ]] ||
    { echo "compare.sh: $side has no built CLI (bin/paasta, paasta-cli/target/paasta-cli.jar)" >&2; exit 2; }
done

declare -A times=()
for ((i = 1; i <= RUNS; i++)); do
  for side in "$A" "$B"; do
    start=$(date +%s%N)
    "$side/bin/paasta" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times[$side]+=" $(((end - start) / 1000000))"
    echo "[compare] run $i/$RUNS $side: $(((end - start) / 1000000)) ms" >&2
  done
done
for side in "$A" "$B"; do
  read -r -a sorted <<<"$(tr ' ' '\n' <<<"${times[$side]}" | sed '/^$/d' | sort -n | tr '\n' ' ')"
  echo "$side: median ${sorted[$(((${#sorted[@]} - 1) / 2))]} ms, min ${sorted[0]} ms, all:${times[$side]}"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
