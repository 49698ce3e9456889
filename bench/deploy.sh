#!/usr/bin/env bash
# Benchmark harness for git-tag deployments. Not a test: it prints figures.
#
#   bench/deploy.sh [--tags N] [--runs R]
#
# Builds a bare repository with N paasta tags (deploy tags over 100 deploy groups, plus control
# tags) and a soa-configs service with 100 instances, one per deploy group, then times:
#   - `paasta generate-deployments` (a fresh deployments.json each run),
#   - from `paasta mark-for-deployment` to the new deployments.json (mark, then generate).
# Each command is a fresh `bin/paasta` process (JVM start included). Progress on stderr, a
# Markdown table on stdout.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TAGS=10000
RUNS=5
while (($#)); do
  case "$1" in
    --tags) TAGS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "deploy.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ -f paasta-cli/target/paasta-cli.jar ]] || ./mvnw -q -B -DskipTests -DskipITs package >&2
PAASTA=(bin/paasta)
WORK="$(mktemp -d /tmp/paasta-bench-deploy.XXXXXX)"
trap '[[ -n "${KEEP:-}" ]] || rm -rf "$WORK"' EXIT
log() { echo "[bench] $*" >&2; }

log "repository with $TAGS paasta tags in $WORK"
git init -q --bare -b main "$WORK/repo.git"
git init -q -b main "$WORK/work"
(
  cd "$WORK/work"
  for i in 1 2; do
    echo "$i" >file
    git add file
    git -c user.name=bench -c user.email=bench@example.com commit -qm "change $i"
  done
  git push -q "$WORK/repo.git" main
)
SHA1=$(git -C "$WORK/work" rev-parse HEAD~1)
SHA2=$(git -C "$WORK/work" rev-parse HEAD)
NGROUPS=100
{
  echo "# pack-refs with: peeled fully-peeled sorted"
  for ((i = 0; i < TAGS; i++)); do
    group=$((i % NGROUPS))
    n=$((i / NGROUPS))
    ts=$(printf '2026%02d%02dT%02d%02d00' $((1 + n / 500 % 12)) $((1 + n / 20 % 28)) $((n % 24)) $((n % 60)))
    if ((i % 10 == 9)); then
      echo "$SHA1 refs/tags/paasta-local.i$group-$ts-stop"
    else
      echo "$SHA1 refs/tags/paasta-g$group-$ts-deploy"
    fi
  done | sort -k2
} >"$WORK/repo.git/packed-refs"
log "$(git -C "$WORK/repo.git" tag | wc -l) tags"

SOA="$WORK/soa"
mkdir -p "$SOA/bench"
echo "git_url: $WORK/repo.git" >"$SOA/bench/service.yaml"
{
  for ((g = 0; g < NGROUPS; g++)); do echo "i$g: {deploy_group: g$g}"; done
} >"$SOA/bench/marathon-local.yaml"
{
  echo "pipeline:"
  for ((g = 0; g < NGROUPS; g++)); do echo "- step: g$g"; done
} >"$SOA/bench/deploy.yaml"
export PAASTA_GIT_CACHE="$WORK/cache"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
ROWS=()
stats() { # name, then the figures in ms
  local name="$1"
  shift
  local sorted
  sorted=$(printf '%s\n' "$@" | sort -n)
  local min median max
  min=$(echo "$sorted" | head -1)
  max=$(echo "$sorted" | tail -1)
  median=$(echo "$sorted" | sed -n "$((($# + 1) / 2))p")
  ROWS+=("| $name | $# | $min | $median | $max |")
}

"${PAASTA[@]}" list -y "$SOA" >/dev/null # warm-up (and the CDS archive)
gen=()
for ((r = 0; r < RUNS; r++)); do
  rm -f "$SOA/bench/deployments.json"
  t0=$(now_ms)
  "${PAASTA[@]}" generate-deployments -s bench -y "$SOA" >/dev/null
  gen+=($(($(now_ms) - t0)))
done
log "generate-deployments: ${gen[*]} ms"
stats "\`paasta generate-deployments\` ($TAGS tags, 100 deploy groups)" "${gen[@]}"

lat=()
for ((r = 0; r < RUNS; r++)); do
  sha=$([[ $((r % 2)) -eq 0 ]] && echo "$SHA2" || echo "$SHA1")
  t0=$(now_ms)
  "${PAASTA[@]}" mark-for-deployment -s bench -l g7 -c "$sha" --skip-image-check -y "$SOA" >/dev/null
  "${PAASTA[@]}" generate-deployments -s bench -y "$SOA" >/dev/null
  lat+=($(($(now_ms) - t0)))
  grep -q "\"git_sha\" : \"$sha\"" "$SOA/bench/deployments.json" || { echo "deployments.json lacks $sha" >&2; exit 1; }
  sleep 1 # tags have one-second timestamps
done
log "mark -> deployments.json: ${lat[*]} ms"
stats "\`mark-for-deployment\` to the new deployments.json (mark + generate)" "${lat[@]}"

echo "Deploy benchmark: $TAGS tags, $(nproc) CPUs, $(java -version 2>&1 | head -1), $(date -u +%FT%TZ)"
echo
echo "| what | runs | min ms | median ms | max ms |"
echo "| --- | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
