#!/usr/bin/env bash
# The main job: builds the project, checks the example soa-configs, builds, tests and pushes the
# example services' images, deploys them with git tags, and runs them on a single-host cluster
# (`paasta server` on the local Docker engine), printing the URLs that answer.
# Safe to run twice: what exists is reused, a running daemon is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
ensure_java
ensure_packages git make busybox-static curl haproxy
ensure_docker
ensure_registry
if [ ! -f paasta-cli/target/paasta-cli.jar ] || [ -n "$(find paasta-*/src paasta-*/pom.xml pom.xml -newer paasta-cli/target/paasta-cli.jar -print -quit)" ]; then
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
paasta validate
paasta list-clusters
paasta list -a

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
if daemon_running paasta-server; then
  echo "already running (pid $(cat /run/paasta/paasta-server.pid))"
else
  start_daemon paasta-server env PAASTA_SOA_DIR="$soa" PAASTA_SYSTEM_CONFIG_DIR="$PAASTA_SYSTEM_CONFIG_DIR" \
    PAASTA_GIT_CACHE="$PAASTA_GIT_CACHE" "$PWD/bin/paasta" server
  echo "started (pid $(cat /run/paasta/paasta-server.pid))"
fi

# every long-running example instance has all its tasks answering on 127.0.0.1:<port>/status
cluster_up() {
  local want=0 up=0 file n id port
  for file in "$soa"/*/marathon-local.yaml "$soa"/*/kubernetes-local.yaml; do
    [ -f "$file" ] || continue
    for n in $(grep -E '^  instances: [0-9]+' "$file" | awk '{print $2}'); do want=$((want + n)); done
  done
  for id in $(docker ps -q --filter label=paasta_cluster=local); do
    port=$(docker inspect -f '{{index .Config.Labels "paasta_port0"}}' "$id")
    curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/status" && up=$((up + 1))
  done
  [ "$want" -gt 0 ] && [ "$up" -eq "$want" ]
}
step "waiting until every example instance is running and healthy"
wait_for paasta-server 120 cluster_up
echo
echo "The example cluster is up:"
for id in $(docker ps -q --filter label=paasta_cluster=local); do
  docker inspect -f '  http://127.0.0.1:{{index .Config.Labels "paasta_port0"}}/status   {{index .Config.Labels "paasta_service"}}.{{index .Config.Labels "paasta_instance"}}  ({{index .Config.Labels "paasta_app_id"}})' "$id"
done | sort
echo
echo "Try: PAASTA_SOA_DIR=$soa PAASTA_SYSTEM_CONFIG_DIR=$PAASTA_SYSTEM_CONFIG_DIR bin/paasta plan"
echo "Stop the daemon: kill \$(cat /run/paasta/paasta-server.pid)   (its tasks keep running until it is back)"
