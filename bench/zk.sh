#!/usr/bin/env bash
# Benchmark: time from registering a task in ZooKeeper (NerveRegistrar.sync) to the discovery
# watcher's snapshot showing it, and the same for a removal. Not a test: it prints figures.
#
#   bench/zk.sh [--count N] [--warmup W]
#
# Runs io.paasta.bench.RegistrationLatencyBench: an embedded ZooKeeper server on 127.0.0.1 (a free
# port, data in a temporary directory), a registrar and a watcher on separate sessions, N
# registrations one at a time (default 100, after W = 20 warm-up ones), then N removals.
# Prints a Markdown table (p50 / p99 / max in ms) on stdout; progress on stderr.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
COUNT=100
WARMUP=20
while (($#)); do
  case "$1" in
    --count) COUNT="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "zk.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$COUNT" =~ ^[1-9][0-9]*$ ]] || { echo "zk.sh: --count needs a positive integer" >&2; exit 2; }
[[ "$WARMUP" =~ ^[0-9]+$ ]] || { echo "zk.sh: --warmup needs an integer >= 0" >&2; exit 2; }

CLASSPATH_FILE=paasta-bench/target/classpath.txt
echo "[bench] building paasta-bench and what it needs (package, no tests)" >&2
./mvnw -q -B -o package dependency:build-classpath -pl paasta-bench -am -DskipTests -DskipITs \
  -Dmdep.outputFile=target/classpath.txt >&2
exec java -cp "paasta-bench/target/classes:$(cat "$CLASSPATH_FILE")" \
  io.paasta.bench.RegistrationLatencyBench "$COUNT" "$WARMUP" 2> >(grep -v '^SLF4J' >&2)
