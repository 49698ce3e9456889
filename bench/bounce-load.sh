#!/usr/bin/env bash
# Failed requests over crossover bounces under a heavy load, next to the same load without bounces
# (issue 12, item 7). Not a test: it prints figures and asserts nothing.
#
#   bench/bounce-load.sh [--bounces B] [--connections C]
#
# Runs bench/smartstack.sh (the real daemon, its embedded ZooKeeper, HAProxy and hello-web tasks on
# the Docker engine) with one propagation round, then B crossover bounces (default 10) of 3 tasks
# while C clients (default 32) each send their next request through the proxy port as soon as the
# last one is answered, then the same load as long again without bounces (the baseline; the goal is
# no more failed requests with bounces than without). Prints the machine's load average before and
# after (other builds on the machine show in the figures), then smartstack.sh's table.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BOUNCES=10
CONNECTIONS=32
while (($#)); do
  case "$1" in
    --bounces) BOUNCES="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bounce-load.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
load() { cut -d' ' -f1-3 /proc/loadavg; }
BEFORE="$(load)"
TABLE="$("$ROOT/bench/smartstack.sh" --rounds 1 --bounces "$BOUNCES" --connections "$CONNECTIONS" --baseline)"
echo "Machine: $(nproc) CPUs; load average (1, 5, 15 min) before: $BEFORE, after: $(load)"
echo
echo "$TABLE"
