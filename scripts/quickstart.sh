#!/usr/bin/env bash
# The main job. Today: builds the project and checks the example soa-configs and system config
# with the paasta CLI (validate, list, list-clusters, info). The local-cluster issues turn this
# into a running single-host cluster. Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
ensure_java
if [ ! -f paasta-cli/target/paasta-cli.jar ] || [ -n "$(find paasta-*/src paasta-*/pom.xml pom.xml -newer paasta-cli/target/paasta-cli.jar -print -quit)" ]; then
  echo "==> building paasta (./mvnw package)"
  ./mvnw -B -ntp -q -DskipTests package
fi
soa=examples/soa-configs
step() { echo; echo "==> $*"; }
step "paasta validate -y $soa"
bin/paasta validate -y "$soa"
step "paasta list-clusters -y $soa"
bin/paasta list-clusters -y "$soa"
step "paasta list -a -y $soa"
bin/paasta list -a -y "$soa"
for service in $(bin/paasta list -y "$soa"); do
  step "paasta info -s $service -y $soa"
  bin/paasta info -s "$service" -y "$soa"
done
step "system config (PAASTA_SYSTEM_CONFIG_DIR=examples/etc_paasta)"
PAASTA_SYSTEM_CONFIG_DIR=examples/etc_paasta bin/paasta system-config
echo
echo "The example soa-configs are valid. Try: bin/paasta --help"
