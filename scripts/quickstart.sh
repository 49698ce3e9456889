#!/usr/bin/env bash
# The main job. Today: builds the project, checks the example soa-configs, then builds, tests and
# pushes the example services' images and deploys them with git tags, ending with each service's
# deployments.json. The local-cluster issue turns this into a running single-host cluster.
# Safe to run twice: what exists is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
ensure_java
ensure_packages git make busybox-static curl
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
echo
echo "Every example service is built, in the registry (127.0.0.1:5000) and marked for deployment."
echo "Try: PAASTA_SOA_DIR=$soa bin/paasta info -s hello-web"
