#!/usr/bin/env bash
# Start-up time of the packaged jar, from `java -jar` to /actuator/health answering UP: the first start
# on an empty embedded data directory, then the median of N restarts, on the embedded default and on the
# external PostgreSQL at 127.0.0.1:5432. On demand only (not part of the tests).
#   bench/startup.sh [runs]     (default 5; needs koban-server/target/koban-server.jar: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=koban-server/target/koban-server.jar
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -DskipTests package" >&2; exit 1; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' || { echo "needs JDK 21 or newer: set JAVA_HOME" >&2; exit 1; }
port=18080
work=$(mktemp -d /tmp/koban-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Prints milliseconds from launch to health UP; stops the server it started.
start_once() {
  local start end pid
  start=$(date +%s%N)
  "$java" -jar "$jar" --server.port=$port --koban.data-dir="$work/data" "$@" >"$work/console.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    if curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
    kill -0 $pid 2>/dev/null || { cat "$work/console.log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

stats() { sort -n | awk '{a[NR]=$1} END {printf "min=%d ms median=%d ms max=%d ms (n=%d)\n", a[1], (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[NR], NR}'; }

echo "embedded default, first start (initdb + migrations): $(start_once --koban.db.url=) ms"
for _ in $(seq 1 "$runs"); do start_once --koban.db.url=; done | { printf 'embedded default, restart: '; stats; }

if pg_isready -q -h 127.0.0.1 -p 5432; then
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists koban_startup_bench" -c "create database koban_startup_bench" >/dev/null
  url="jdbc:postgresql://127.0.0.1:5432/koban_startup_bench"
  echo "external PostgreSQL, first start (migrations): $(start_once --koban.db.url=$url --koban.db.user=postgres) ms"
  for _ in $(seq 1 "$runs"); do start_once --koban.db.url=$url --koban.db.user=postgres; done | { printf 'external PostgreSQL, restart: '; stats; }
  psql -q -h 127.0.0.1 -U postgres -c "drop database koban_startup_bench" >/dev/null
else
  echo "no PostgreSQL on 127.0.0.1:5432: external figures skipped"
fi
