#!/usr/bin/env bash
# The whole test suite: installs what it needs, then builds and runs every test and check
# (unit and integration tests, formatting, dependency convergence). Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
ensure_java
ensure_packages git make busybox-static curl haproxy chromium chromium-driver fonts-dejavu-core
ensure_docker
ensure_registry
echo "==> building and testing (./mvnw verify)"
./mvnw -B -ntp verify "$@"
