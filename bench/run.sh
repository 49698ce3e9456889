#!/usr/bin/env bash
# Benchmark harness for the CLI's start-up (`--help`, `-h`, next to the JVM floor: `java -version`
# with the same flags), `paasta validate`, `paasta list` and instance loading on a big generated
# soa-configs tree. Not a test: it asserts nothing about speed, it prints figures.
#
#   bench/run.sh [--services N] [--runs R] [--warmup W] [--seed S] [--regenerate]
#
# Progress goes to stderr; a Markdown table (pasteable into the README) goes to stdout.
# Environment: BENCH_TREE (tree directory, default /tmp/paasta-bench-tree-<N>),
#              PAASTA (command used as `paasta`, default bin/paasta; the JVM floor runs it with
#              PAASTA_JAVA_OPTS=-version, which bin/paasta passes to java before -jar).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SERVICES=2000
RUNS=5
WARMUP=1
SEED=42
REGENERATE=0

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

die() {
  echo "run.sh: $*" >&2
  exit 2
}

positive_int() { [[ "$2" =~ ^[0-9]+$ ]] && (("$2" >= $3)) || die "$1 needs an integer >= $3, got '$2'"; }

while (($#)); do
  case "$1" in
    --services) [[ $# -ge 2 ]] || die "--services needs a value"; SERVICES="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; RUNS="$2"; shift 2 ;;
    --warmup) [[ $# -ge 2 ]] || die "--warmup needs a value"; WARMUP="$2"; shift 2 ;;
    --seed) [[ $# -ge 2 ]] || die "--seed needs a value"; SEED="$2"; shift 2 ;;
    --regenerate) REGENERATE=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
positive_int --services "$SERVICES" 1
positive_int --runs "$RUNS" 1
positive_int --warmup "$WARMUP" 0

TREE="${BENCH_TREE:-/tmp/paasta-bench-tree-${SERVICES}}"
CLI_JAR=paasta-cli/target/paasta-cli.jar
BENCH_JAR=paasta-bench/target/paasta-bench.jar
LOAD_ALL_CLASS=paasta-bench/target/classes/io/paasta/bench/LoadAllInstances.class

WORK="$(mktemp -d /tmp/paasta-bench-run.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

log() { echo "[bench] $*" >&2; }

ensure_gnu_time() {
  [[ -x /usr/bin/time ]] && return
  log "installing GNU time (Debian package 'time')"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >&2 \
    || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >&2; }
}

build_if_needed() {
  [[ -f "$CLI_JAR" ]] && return
  local mvn=mvn
  [[ -x ./mvnw ]] && mvn=./mvnw
  log "building the project ($mvn -q -B -DskipTests package)"
  "$mvn" -q -B -DskipTests package >&2 || die "build failed"
}

# Prints the class path holding io.paasta.bench.TreeGenerator, compiling it with javac if the
# module's jar is missing (for example when another module does not build yet).
generator_classpath() {
  if [[ -f "$BENCH_JAR" ]]; then
    echo "$BENCH_JAR"
    return
  fi
  log "$BENCH_JAR is missing; compiling the generator with javac"
  javac -d "$WORK/generator" $(find paasta-bench/src/main/java -name '*.java') >&2
  echo "$WORK/generator"
}

# The tree is reused when it already holds exactly $SERVICES services (and --regenerate is not set).
prepare_tree() {
  if [[ -d "$TREE" && $REGENERATE -eq 0 ]]; then
    local count
    count=$(find "$TREE" -mindepth 1 -maxdepth 1 -type d -name 'svc-*' | wc -l)
    if ((count == SERVICES)); then
      log "reusing $TREE ($count services)"
      return
    fi
  fi
  if [[ -d "$TREE" ]]; then
    # Only ever delete a directory that looks like a tree we generated.
    if find "$TREE" -mindepth 1 -maxdepth 1 ! -name 'svc-*' | grep -q .; then
      die "$TREE holds files that are not svc-* folders; not deleting it (set BENCH_TREE)"
    fi
    rm -rf "$TREE"
  fi
  local cp
  cp="$(generator_classpath)"
  java -cp "$cp" io.paasta.bench.TreeGenerator "$TREE" --services "$SERVICES" --seed "$SEED" >&2
}

# The `paasta` command: $PAASTA if set, else bin/paasta, else the CLI jar directly (which is what
# bin/paasta runs).
paasta_command() {
  if [[ -n "${PAASTA:-}" ]]; then
    read -r -a PAASTA_CMD <<<"$PAASTA"
  elif [[ -x bin/paasta ]]; then
    PAASTA_CMD=(bin/paasta)
  else
    log "bin/paasta not found; running java -jar $CLI_JAR"
    PAASTA_CMD=(java -jar "$CLI_JAR")
  fi
}

FAILED=0
ROWS=()
FLOOR_MS=""

# measure LABEL COMMAND...: runs COMMAND $WARMUP times untimed, then $RUNS times timed, and appends
# one table row. Wall time comes from the nanosecond clock around each run; peak RSS from GNU time.
measure() {
  local label="$1"
  shift
  local i rc ms kib user sys walls=() cpus=() rss_kib=0 bad_rc=0
  for ((i = 1; i <= WARMUP; i++)); do
    log "$label: warm-up $i/$WARMUP"
    "$@" >/dev/null 2>&1 || true
  done
  for ((i = 1; i <= RUNS; i++)); do
    local t0 t1
    t0=$(date +%s%N)
    set +e
    /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err"
    rc=$?
    set -e
    t1=$(date +%s%N)
    ms=$(((t1 - t0) / 1000000))
    # GNU time puts "Command exited with non-zero status N" before the format line.
    read -r _ kib user sys < <(tail -n 1 "$WORK/time")
    [[ "$kib" =~ ^[0-9]+$ ]] || kib=0
    walls+=("$ms")
    cpus+=("$(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN { printf "%d", (u + s) * 1000 }')")
    ((kib > rss_kib)) && rss_kib=$kib
    log "$label: run $i/$RUNS: ${ms} ms, CPU ${cpus[-1]} ms, $((kib / 1024)) MiB, exit $rc"
    if ((rc != 0 && bad_rc == 0)); then
      log "$label: exit status $rc; last lines of its stdout and stderr:"
      tail -n 5 "$WORK/out" | sed 's/^/[bench]   out: /' >&2
      tail -n 5 "$WORK/err" | sed 's/^/[bench]   err: /' >&2
    fi
    ((rc != 0)) && bad_rc=$rc
  done
  if ((bad_rc != 0)); then
    FAILED=1
    label="$label **(exit $bad_rc)**"
  fi
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '
    { v[NR] = $1 }
    END { printf "%.0f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  [[ -z "$FLOOR_MS" ]] && FLOOR_MS=$median
  local cpu_median
  cpu_median=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '
    { v[NR] = $1 }
    END { printf "%.0f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  ROWS+=("$(printf '%s\n' "${walls[@]}" | sort -n | awk -v label="$label" -v runs="$RUNS" -v kib="$rss_kib" \
    -v median="$median" -v floor="$FLOOR_MS" -v cpu="$cpu_median" '
    { v[NR] = $1 }
    END {
      printf "| %s | %d | %d | %d | %d | %+d | %d | %.1f |", label, runs, v[1], median, v[NR], median - floor, cpu, kib / 1024
    }')")
}

ensure_gnu_time
build_if_needed
prepare_tree
paasta_command

# the first row is the floor the others are compared with
measure 'the JVM floor (`java -version` with the same flags)' env PAASTA_JAVA_OPTS=-version "${PAASTA_CMD[@]}"
measure '`paasta --help`' "${PAASTA_CMD[@]}" --help
measure '`paasta validate -h`' "${PAASTA_CMD[@]}" validate -h
measure '`paasta status -h`' "${PAASTA_CMD[@]}" status -h
measure '`paasta validate -y TREE`' "${PAASTA_CMD[@]}" validate -y "$TREE"
measure '`paasta validate -y TREE -s svc-0042`' "${PAASTA_CMD[@]}" validate -y "$TREE" -s svc-0042
measure '`paasta list -y TREE`' "${PAASTA_CMD[@]}" list -y "$TREE"
measure 'listing instances (`paasta list -i -y TREE`)' "${PAASTA_CMD[@]}" list -i -y "$TREE"
# `paasta status -s` against a local API: StatusFixture (paasta-bench) answers every instance's
# status with a recorded running-instance answer; the tree's clusters point at it.
FIXTURE_CLASS=paasta-bench/target/classes/io/paasta/bench/StatusFixture.class
if [[ -f "$FIXTURE_CLASS" ]]; then
  mkfifo "$WORK/fixture-ports"
  java -XX:+UseSerialGC -cp paasta-bench/target/classes io.paasta.bench.StatusFixture 3600 cluster-a cluster-b \
    >"$WORK/fixture-ports" &
  FIXTURE_PID=$!
  trap 'kill "$FIXTURE_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
  endpoints=""
  exec 3<"$WORK/fixture-ports"
  for _ in 1 2; do
    read -r cluster port <&3 || die "StatusFixture did not start"
    endpoints+="${endpoints:+, }\"$cluster\": \"http://127.0.0.1:$port\""
  done
  exec 3<&-
  mkdir -p "$WORK/system-config"
  echo "{\"cluster\": \"cluster-a\", \"docker_registry\": \"127.0.0.1:5000\", \"api_endpoints\": {$endpoints}}" \
    >"$WORK/system-config/10-api.json"
  measure '`paasta status -y TREE -s svc-0042` (a local API fixture)' \
    "${PAASTA_CMD[@]}" status -y "$TREE" -s svc-0042 --system-config-dir "$WORK/system-config"
  kill "$FIXTURE_PID" 2>/dev/null || true
else
  log "paasta status: skipped (StatusFixture not built)"
  ROWS+=("| \`paasta status -y TREE -s svc-0042\` | 0 | skipped (StatusFixture not built) | | | | | |")
fi
if [[ -f "$LOAD_ALL_CLASS" ]]; then
  measure 'load every instance config (`LoadAllInstances TREE`)' \
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$BENCH_JAR:paasta-bench/target/classes:paasta-cli/target/lib/*:$CLI_JAR" io.paasta.bench.LoadAllInstances "$TREE"
else
  log "load every instance config: skipped (LoadAllInstances not built)"
  ROWS+=("| load every instance config (\`LoadAllInstances TREE\`) | 0 | skipped (LoadAllInstances not built) | | | | | |")
fi

files=$(find "$TREE" -type f | wc -l)
java_version=$(java -version 2>&1 | head -n 1)
load=$(cut -d ' ' -f 1-3 /proc/loadavg)
echo "PaaSTA benchmark: TREE = $SERVICES services ($files files, seed $SEED), $RUNS timed runs per command after $WARMUP warm-up run(s); $java_version; $(nproc) CPUs, load average $load at the end; $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo
echo "| command | runs | min ms | median ms | max ms | median over the JVM floor ms | median CPU ms (user+sys) | peak RSS MiB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
exit "$FAILED"
