#!/bin/sh
# report KIND DATE: writes a tiny report to $REPORT_DIR (default /tmp/reports) and prints its path.
set -eu
kind=${1:?usage: report KIND DATE}
day=${2:?usage: report KIND DATE}
dir=${REPORT_DIR:-/tmp/reports}
mkdir -p "$dir"
file="$dir/$kind-$day.txt"
echo "$kind report for $day, written $(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$file"
echo "$file"
