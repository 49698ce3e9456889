#!/usr/bin/env bash
# Benchmark of the web dashboard (issue 19's figures). Not a test: it prints figures and asserts
# nothing about speed.
#
#   bench/dashboard.sh [--services N] [--loads L] [--bounces B]
#
# Runs io.paasta.server.DashboardBench (paasta-server's test sources) through Maven's failsafe:
# the daemon as `paasta server` wires it on the real Docker engine, a generated soa-configs tree of
# N services x 10 instances (default 100: 1,000 instances, deployed with desired state stop, so no
# container runs for them) and one running instance with fast health checks, read by Debian's
# headless Chromium (loopback only).
# (a) time to first render of the cluster page (navigation start -> the whole table in the page),
#     median and max of L loads (default 5) after one warm-up, and GET /v1/cluster's time;
# (b) the delay from a task turning healthy (GET .../tasks polled every 20 ms: an upper bound of the
#     moment) to the instance page showing it healthy (a MutationObserver), over B restarts
#     (default 5) of the running instance.
# Prints the [bench] lines, then the CPU time (user+sys) of the whole run and the load average.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SERVICES=100
LOADS=5
BOUNCES=5
while (($#)); do
  case "$1" in
    --services) [[ $# -ge 2 ]] || { echo "dashboard.sh: --services needs a value" >&2; exit 2; }; SERVICES="$2"; shift 2 ;;
    --loads) [[ $# -ge 2 ]] || { echo "dashboard.sh: --loads needs a value" >&2; exit 2; }; LOADS="$2"; shift 2 ;;
    --bounces) [[ $# -ge 2 ]] || { echo "dashboard.sh: --bounces needs a value" >&2; exit 2; }; BOUNCES="$2"; shift 2 ;;
    -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "dashboard.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for value in "$SERVICES" "$LOADS" "$BOUNCES"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "dashboard.sh: every count must be a positive integer, got '$value'" >&2; exit 2; }
done
[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || { echo "dashboard.sh: Debian's chromium and chromium-driver are needed (apt-get install -y chromium chromium-driver)" >&2; exit 1; }

LOG=$(mktemp /tmp/paasta-dashboard-bench.XXXXXX.log)
echo "[bench] building and running DashboardBench (log: $LOG)" >&2
/usr/bin/time -f '%U %S %e' -o "$LOG.time" ./mvnw -B -ntp -o verify -pl paasta-server -am \
  -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=DashboardBench -Dspotless.check.skip=true -Djacoco.skip=true \
  -Ddashboard.bench.services="$SERVICES" -Ddashboard.bench.loads="$LOADS" \
  -Ddashboard.bench.bounces="$BOUNCES" >"$LOG" 2>&1 || { tail -40 "$LOG" >&2; exit 1; }
grep -h '^\[bench\]' "$LOG" paasta-server/target/failsafe-reports/*DashboardBench*-output.txt 2>/dev/null | sort -u || true
read -r USER_S SYS_S WALL_S <"$LOG.time"
echo "[bench] whole run (Maven build included): wall ${WALL_S} s, CPU user+sys $(echo "$USER_S + $SYS_S" | bc) s; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
