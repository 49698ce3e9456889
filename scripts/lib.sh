# Shared helpers of the set-up scripts. Safe to source twice; every step checks before it acts.

# Installs Debian packages that are missing (runs apt-get update once, only when needed).
ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> installing ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
      echo "error: ${missing[*]} must be installed (run this script as root, or install them yourself)" >&2
      exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# A JDK 17 or newer for the build (javac), and curl for the Maven wrapper's download.
ensure_java() {
  if ! command -v javac >/dev/null 2>&1 || ! javac -version 2>&1 | grep -qE 'javac (1[7-9]|[2-9][0-9])'; then
    ensure_packages openjdk-17-jdk-headless
  fi
  command -v curl >/dev/null 2>&1 || ensure_packages curl ca-certificates
}

# Runs a command in the background, in its own session (a Ctrl-C of the script leaves it running),
# with a pid file under /run/paasta and a log under /var/log/paasta: start_daemon NAME COMMAND...
start_daemon() {
  local name=$1
  shift
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: $name is not running and only root can start it (run this script as root, or start: $*)" >&2
    exit 1
  fi
  mkdir -p /run/paasta /var/log/paasta
  setsid "$@" >>"/var/log/paasta/$name.log" 2>&1 </dev/null &
  echo $! >"/run/paasta/$name.pid"
}

# True when the daemon NAME that start_daemon started is still running.
daemon_running() {
  local pid
  pid=$(cat "/run/paasta/$1.pid" 2>/dev/null) && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# Waits up to SECONDS for a check command to succeed; when the daemon exits or the time is up,
# prints the tail of its log and exits: wait_for NAME SECONDS CHECK...
wait_for() {
  local name=$1 seconds=$2
  shift 2
  local i
  for ((i = 0; i < seconds * 2; i++)); do
    "$@" && return 0
    daemon_running "$name" || break
    sleep 0.5
  done
  "$@" && return 0
  echo "error: $name does not answer (waited up to ${seconds}s); last lines of /var/log/paasta/$name.log:" >&2
  tail -n 20 "/var/log/paasta/$name.log" >&2 || true
  exit 1
}

docker_answers() {
  curl -fsS --max-time 2 --unix-socket /var/run/docker.sock http://localhost/_ping 2>/dev/null | grep -q OK
}

# The Docker engine, answering on /var/run/docker.sock. Started without a bridge network and
# without iptables rules (DESIGN.md: loopback only; containers use host networking).
ensure_docker() {
  command -v dockerd >/dev/null 2>&1 || ensure_packages docker.io
  # Debian's docker.service starts dockerd with the default bridge network (docker0); traffic
  # must stay on loopback, so that one is stopped and ours runs without a bridge
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker.service 2>/dev/null; then
    echo "==> stopping Debian's docker.service (it runs dockerd with a bridge network)"
    systemctl disable --now docker.service docker.socket >/dev/null 2>&1 || true
  fi
  if command -v ip >/dev/null 2>&1 && ip link show docker0 >/dev/null 2>&1; then
    ip link delete docker0 >/dev/null 2>&1 || true
  fi
  command -v curl >/dev/null 2>&1 || ensure_packages curl
  docker_answers && return 0
  daemon_running dockerd && { wait_for dockerd 30 docker_answers; return 0; }
  echo "==> starting dockerd (log: /var/log/paasta/dockerd.log)"
  start_daemon dockerd dockerd --bridge=none --iptables=false --ip-masq=false
  wait_for dockerd 30 docker_answers
}

registry_answers() {
  curl -fsS --max-time 2 -o /dev/null http://127.0.0.1:5000/v2/ 2>/dev/null
}

# A Docker registry (Debian's docker-registry, API v2) on 127.0.0.1:5000 with our config.
ensure_registry() {
  if ! command -v docker-registry >/dev/null 2>&1; then
    ensure_packages docker-registry
    # Debian's own service listens on every address with its config; we run ours on loopback
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker-registry 2>/dev/null; then
      systemctl disable --now docker-registry >/dev/null 2>&1 || true
    fi
  fi
  command -v curl >/dev/null 2>&1 || ensure_packages curl
  local dir=/var/lib/paasta/registry
  mkdir -p "$dir/data"
  cat >"$dir/config.yml.new" <<YAML
# written by scripts/lib.sh (ensure_registry); changes are overwritten
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:5000
YAML
  mv "$dir/config.yml.new" "$dir/config.yml"
  registry_answers && return 0
  daemon_running registry && { wait_for registry 30 registry_answers; return 0; }
  echo "==> starting docker-registry on 127.0.0.1:5000 (log: /var/log/paasta/registry.log)"
  start_daemon registry docker-registry serve "$dir/config.yml"
  wait_for registry 30 registry_answers
}

# An image IMAGE holding busybox-static alone (FROM scratch, applets installed in /bin), built once.
ensure_busybox_image() {
  local image="$1" ctx
  docker image inspect "$image" >/dev/null 2>&1 && return 0
  ctx=$(mktemp -d)
  cp "$(command -v busybox)" "$ctx/busybox"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n' >"$ctx/Dockerfile"
  docker build -q -t "$image" "$ctx" >&2
  rm -rf "$ctx"
}
