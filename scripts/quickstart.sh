#!/usr/bin/env bash
# The main job: builds the project, checks the example soa-configs, builds, tests and pushes the
# example services' images, deploys them with git tags, and runs them on a single-host cluster
# (`paasta server`: the Docker engine, ZooKeeper registrations and HAProxy routing, monitoring and
# the HTTP API), waits until every example instance is running and routed, reruns the example job
# batch-reports.nightly with its dependent job (`paasta rerun ... -t graph --wait`), prints
# `paasta status` of every service (jobs beside services) and the URLs to try, then follows the
# daemon's log until Ctrl-C (which stops the daemon; its tasks and HAProxy keep serving). With
# --detach it leaves the daemon running and returns.
# Safe to run twice: what exists is reused, a running daemon is kept.
#
#   scripts/quickstart.sh [--detach]
set -euo pipefail
DETACH=
for arg in "$@"; do
  case "$arg" in
    --detach) DETACH=1 ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "quickstart.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
ensure_java
ensure_packages git make busybox-static curl haproxy
ensure_docker
ensure_registry
if [ ! -f paasta-cli/target/paasta-cli.jar ] || [ ! -f paasta-server/target/paasta-server.jar ] || [ -n "$(find paasta-*/src paasta-*/pom.xml pom.xml -newer paasta-cli/target/paasta-cli.jar -print -quit)" ]; then
  echo "==> building paasta (./mvnw package)"
  ./mvnw -B -ntp -q -DskipTests -DskipITs package
fi
step() { echo; echo "==> $*"; }
paasta() { bin/paasta "$@"; }

state=/var/lib/paasta/quickstart
soa=$state/soa-configs
export PAASTA_SYSTEM_CONFIG_DIR="$PWD/examples/etc_paasta"
export PAASTA_SOA_DIR=$soa
export PAASTA_GIT_CACHE=$state/git-cache

step "soa-configs: examples/soa-configs -> $soa (deployments.json files are kept)"
mkdir -p "$soa"
cp -r examples/soa-configs/. "$soa/"
# greeter-api's SECRET(db_password): encrypted for this cluster with `paasta secret update` (the
# example file's ciphertexts are fake); the first run creates the key pair (public key
# examples/etc_paasta/secret-keys/local.pub, private key /var/lib/paasta/quickstart/secret-keys/local.key)
# and the file made is kept in $state, so that a later run does not change the value (no bounce)
secret_file=greeter-api/secrets/db_password.json
if [ -f "$state/$secret_file" ] && [ -f /var/lib/paasta/quickstart/secret-keys/local.key ]; then
  cp "$state/$secret_file" "$soa/$secret_file"
else
  step "paasta secret update -s greeter-api -n db_password -c local -i (a random value)"
  head -c 18 /dev/urandom | base64 | paasta secret update -s greeter-api -n db_password -c local -i
  mkdir -p "$state/greeter-api/secrets"
  cp "$soa/$secret_file" "$state/$secret_file"
fi
paasta validate
paasta list-clusters
paasta list -i

for service in $(paasta list); do
  # the example soa-configs name each service's repository file:///srv/git/<service>.git
  repo=/srv/git/$service.git
  checkout=$state/checkouts/$service
  if [ ! -d "$repo" ]; then
    step "$service: a git repository at $repo from examples/services/$service"
    mkdir -p /srv/git "$(dirname "$checkout")"
    git init -q --bare -b main "$repo"
    rm -rf "$checkout"
    cp -r "examples/services/$service" "$checkout"
    git -C "$checkout" init -q -b main
    git -C "$checkout" add -A
    git -C "$checkout" -c user.name=quickstart -c user.email=quickstart@localhost commit -qm "$service"
    git -C "$checkout" push -q "$repo" main
  elif [ ! -d "$checkout" ]; then
    # the repository outlived the quick start's state directory: check it out again
    mkdir -p "$(dirname "$checkout")"
    git clone -q "$repo" "$checkout"
  fi
  sha=$(git -C "$checkout" rev-parse HEAD)
  step "$service: itest (builds the image), push-to-registry, mark-for-deployment to local.everything"
  paasta itest -s "$service" -c "$sha" --repo-dir "$checkout"
  paasta push-to-registry -s "$service" -c "$sha"
  if [ "$(paasta get-latest-deployment -s "$service" -l local.everything 2>/dev/null)" = "$sha" ]; then
    echo "$sha is already deployed to local.everything"
  else
    paasta mark-for-deployment -s "$service" -l local.everything -c "$sha"
  fi
done

step "paasta generate-deployments --all"
paasta generate-deployments --all
for service in $(paasta list); do
  step "$soa/$service/deployments.json"
  cat "$soa/$service/deployments.json"
done
step "the cluster daemon: paasta server (log: /var/log/paasta/paasta-server.log)"
token_file=$state/api_token
if [ ! -s "$token_file" ]; then
  (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$token_file")
fi
# what `paasta rerun` (and other commands that change things through the API) send as the token
export PAASTA_API_TOKEN_FILE=$token_file
if daemon_running paasta-server; then
  echo "already running (pid $(cat /run/paasta/paasta-server.pid))"
else
  start_daemon paasta-server env PAASTA_SOA_DIR="$soa" PAASTA_SYSTEM_CONFIG_DIR="$PAASTA_SYSTEM_CONFIG_DIR" \
    PAASTA_GIT_CACHE="$PAASTA_GIT_CACHE" "$PWD/bin/paasta" server --state-dir "$state/daemon" \
    --api-token-file "$token_file"
  echo "started (pid $(cat /run/paasta/paasta-server.pid)); API on http://127.0.0.1:5054, HAProxy stats on 127.0.0.1:3212, ZooKeeper on 127.0.0.1:2181"
fi

api=http://127.0.0.1:5054
# every long-running example instance: its tasks happy and, for SmartStack ones, all UP in HAProxy
instance_ready() { # service instance
  local status
  status=$(curl -fs --max-time 2 "$api/v1/services/$1/$2/status") || return 1
  echo "$status" | grep -q '"deploy_status":"Running"' || return 1
  local healthy expected
  healthy=$(echo "$status" | grep -o '"healthy_instance_count":[0-9]*' | cut -d: -f2)
  expected=$(echo "$status" | grep -o '"expected_instance_count":[0-9]*' | cut -d: -f2)
  [ -n "$expected" ] && [ "$healthy" = "$expected" ] || return 1
  if echo "$status" | grep -q '"running_backends"'; then
    ! echo "$status" | grep -o '"running_backends":[0-9]*,"expected_backends":[0-9]*' |
      awk -F'[:,]' '$2 != $4 {bad = 1} END {exit !bad}'
  fi
}
cluster_ready() {
  local service instance
  for service in $(paasta list); do
    for instance in $(curl -fs --max-time 2 "$api/v1/services/$service" 2>/dev/null |
      grep -o '"instances":\[[^]]*\]' | grep -o '"[^"]*"' | tr -d '"' | grep -v instances); do
      instance_ready "$service" "$instance" || return 1
    done
  done
  curl -fs -o /dev/null --max-time 2 "$api/v1/version"
}
step "waiting until every example instance is running, healthy and routed through HAProxy"
wait_for paasta-server 180 cluster_ready
# the services with long-running instances on this cluster, as the API lists them
running_services=$(curl -fs --max-time 2 "$api/v1/services" | grep -o '"services":\[[^]]*\]' |
  grep -o '"[^"]*"' | tr -d '"' | grep -v '^services$' || true)

# a scheduled job at once: today's nightly report, then (-t graph) its dependent job summarize
today=$(date -u +%Y-%m-%d)
step "paasta rerun -s batch-reports -i nightly -c local -d ${today}T00:00:00 -t graph --wait"
if ! paasta rerun -s batch-reports -i nightly -c local -d "${today}T00:00:00" -t graph --wait --timeout 300; then
  echo "the rerun of batch-reports.nightly did not succeed: see paasta status -s batch-reports -c local -vv" >&2
  echo "and /var/log/paasta/paasta-server.log (the daemon keeps running: kill \$(cat /run/paasta/paasta-server.pid))" >&2
  exit 1
fi

# every example service with instances here: long-running ones and scheduled jobs
for service in $(paasta list); do
  step "paasta status -s $service -c local -v"
  paasta status -s "$service" -c local -v || true
done

echo
echo "The example cluster is up. Try:"
for service in $running_services; do
  { grep -E '^  proxy_port: [0-9]+' "$soa/$service/smartstack.yaml" 2>/dev/null || true; } |
    awk -v s="$service" \
      '{printf "  curl http://127.0.0.1:%s/status        # %s.main through HAProxy (SmartStack)\n", $2, s}'
done
echo "  curl $api/v1/services/hello-web/main/status   # the daemon's API (see $api/v1/openapi.json)"
echo "  $api/ui/                                       # the web dashboard, in a browser on this machine"
echo "  curl $api/metrics                             # Prometheus metrics"
echo "  curl 'http://127.0.0.1:3212/;csv;norefresh'   # HAProxy's stats"
echo "  export PAASTA_SOA_DIR=$soa PAASTA_SYSTEM_CONFIG_DIR=$PAASTA_SYSTEM_CONFIG_DIR PAASTA_API_TOKEN_FILE=$token_file"
echo "  bin/paasta status -s hello-web -v"
echo "  bin/paasta status -s batch-reports -vv                 # the jobs: schedule, next run, recent runs and their output"
echo "  bin/paasta rerun -s batch-reports -i heartbeat --wait  # run a job now (nightly needs -d DATE -t instance|graph)"
echo "  (mutating API calls need: -H \"Authorization: Bearer \$(cat $token_file)\")"
if [ -n "$DETACH" ]; then
  echo
  echo "The daemon keeps running: kill \$(cat /run/paasta/paasta-server.pid) stops it (tasks and HAProxy keep serving)."
  exit 0
fi
echo
echo "==> following the daemon's log; Ctrl-C stops the daemon (tasks and HAProxy keep serving; run this again to resume)"
pid=$(cat /run/paasta/paasta-server.pid)
tail -n 0 -F /var/log/paasta/paasta-server.log &
tail_pid=$!
trap 'echo; echo "==> stopping the daemon (pid $pid)"; kill "$pid" 2>/dev/null; kill "$tail_pid" 2>/dev/null; exit 0' INT TERM
while kill -0 "$pid" 2>/dev/null; do sleep 1; done
kill "$tail_pid" 2>/dev/null
echo "the daemon exited; see /var/log/paasta/paasta-server.log" >&2
exit 1
