#!/usr/bin/env bash
# Benchmark harness for SmartStack propagation through the real HAProxy. Not a test: it prints
# figures.
#
#   bench/haproxy.sh [--endpoints N] [--haproxy PATH]
#
# Starts N HTTP endpoints on 127.0.0.1 and one HAProxy (in a temporary state directory, stopped by
# its pid at the end), then times, with io.paasta.bench.HaproxyPropagationBench:
#   - swap: apply() replacing the namespace's one endpoint by the next, until the first request
#     through 127.0.0.1:proxy_port is answered by the new endpoint;
#   - grow: apply() adding the i-th endpoint (1..N), until HAProxy reports it UP; backends grow
#     from 16 slots by reloads, which are counted.
# Progress on stderr, a Markdown table on stdout.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ENDPOINTS=100
HAPROXY=/usr/sbin/haproxy
while (($#)); do
  case "$1" in
    --endpoints) ENDPOINTS="$2"; shift 2 ;;
    --haproxy) HAPROXY="$2"; shift 2 ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "haproxy.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ "$ENDPOINTS" =~ ^[1-9][0-9]*$ ]] || { echo "haproxy.sh: --endpoints needs a positive integer" >&2; exit 2; }
[[ -x "$HAPROXY" ]] || { echo "haproxy.sh: $HAPROXY is missing (apt-get install haproxy)" >&2; exit 2; }

WORK="$(mktemp -d /tmp/paasta-bench-haproxy.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
echo "[bench] building paasta-bench and its class path" >&2
mvn=mvn
[[ -x ./mvnw ]] && mvn=./mvnw
"$mvn" -q -B -pl paasta-bench -am -DskipTests -DskipITs package dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath" >&2
echo "[bench] $ENDPOINTS endpoints, $HAPROXY" >&2
java -cp "paasta-bench/target/paasta-bench.jar:$(cat "$WORK/classpath")" \
  io.paasta.bench.HaproxyPropagationBench "$ENDPOINTS" "$HAPROXY"
