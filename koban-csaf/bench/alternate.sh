#!/bin/sh
# Interleaved steady-state measurement on a shared machine: the reference, then each koban-csaf jar, then the
# reference again... for ROUNDS rounds, so that all see similar load. Prints the load average before each run.
# usage: [ROUNDS=3] [BENCH_SECONDS=8] [JAVA=java] bench/alternate.sh REFERENCE_DIR CORPUS JAR [JAR...]
#   REFERENCE_DIR: a scratch copy of bench/reference after `npm install` (never inside the repository)
set -eu
ref=$1
corpus=$2
shift 2
rounds=${ROUNDS:-3}
seconds=${BENCH_SECONDS:-8}
java=${JAVA:-java}
i=1
while [ "$i" -le "$rounds" ]; do
  echo "== round $i"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  nice -n 10 node "$ref/bench-steady.mjs" "$corpus" "$seconds"
  for jar in "$@"; do
    echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "jar: $jar"
    nice -n 10 "$java" -jar "$jar" bench --seconds "$seconds" "$corpus"
  done
  i=$((i + 1))
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
