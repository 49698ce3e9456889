#!/bin/sh
# Runs $DOCKER_TAG with host networking and the cmd of soa-configs (httpd on $PORT0, a loopback
# port), then checks that /status answers. Removes its container in every case.
set -eu
: "${DOCKER_TAG:?set DOCKER_TAG to the image to test}"
name="itest-{{service}}-$$"
trap 'docker rm -f "$name" >/dev/null 2>&1 || true' EXIT

try_port() {
  docker run -d --rm --name "$name" --network host -e PORT0="$1" "$DOCKER_TAG" \
    sh -c 'exec httpd -f -p "${PAASTA_POD_IP:-127.0.0.1}:$PORT0" -h /www' >/dev/null
  i=0
  while [ "$i" -lt 40 ]; do
    if body=$(docker exec "$name" wget -q -O - "http://127.0.0.1:$1/status" 2>/dev/null); then
      echo "itest: GET /status -> $body"
      return 0
    fi
    docker inspect "$name" >/dev/null 2>&1 || return 1 # httpd exited: the port is taken
    i=$((i + 1))
    sleep 0.25
  done
  echo "itest: /status did not answer on 127.0.0.1:$1; container output:" >&2
  docker logs "$name" >&2 || true
  exit 1
}

for attempt in 1 2 3 4 5; do
  port=$((20000 + ($$ * 7 + attempt * 613) % 30000))
  if try_port "$port"; then
    echo "itest: $DOCKER_TAG serves /status on 127.0.0.1:$port"
    exit 0
  fi
done
echo "itest: httpd of $DOCKER_TAG did not start (tried 5 ports)" >&2
exit 1
