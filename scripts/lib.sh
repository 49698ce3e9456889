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
