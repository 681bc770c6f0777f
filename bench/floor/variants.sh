#!/bin/bash
# Where the floor's start-up goes: starts the bare server and the floor with parts of its start skipped
# (FLOOR_WITHOUT), interleaved, and prints time to ready, CPU-s and RSS at ready of each start. Same flags and
# readiness URLs as the bench (bench/README.md). Usage, after `mvn -o -q -f bench/pom.xml package`:
#   bench/floor/variants.sh [reps]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
reps=${1:-3}
work=$(mktemp -d /tmp/floor-variants.XXXXXX)
cp "$here/../hello/target/hello.war" "$work/ROOT.war"
java -jar "$here/target/payara-micro.jar" --deploy "$work/ROOT.war" --nocluster --outputuberjar "$work/hello.jar" > "$work/build.log" 2>&1

start() { # name jar readiness-path marker
  local name=$1 jar=$2 path=$3 marker=$4 dir="$work/$1-$RANDOM" port=$((20000 + RANDOM % 20000))
  mkdir -p "$dir"
  local t0 body
  t0=$(date +%s.%N)
  (cd "$dir" && MCPROSPERO_DATA_DIR="$dir/data" exec java -Xmx512m -jar "$jar" --port $port --nocluster > server.log 2>&1) &
  local pid=$!
  until body=$(curl -s -m 2 -w ' %{http_code}' "http://127.0.0.1:$port$path" 2>/dev/null) \
      && [[ $body == *"$marker"* && $body == *" 200" ]]; do
    kill -0 $pid 2>/dev/null || { echo "$name exited; see $dir/server.log"; return 1; }
    sleep 0.2
  done
  local t1 java_pid ticks rss
  t1=$(date +%s.%N)
  java_pid=$(pgrep -P $pid java || echo $pid)
  ticks=$(awk '{print $14+$15}' /proc/$java_pid/stat)
  rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$java_pid/status)
  printf '%-36s %6.2f s %6.2f CPU-s %5d MiB\n' "$name" "$(echo "$t1 - $t0" | bc)" "$(echo "$ticks / $(getconf CLK_TCK)" | bc -l)" "$rss"
  kill $java_pid; wait $pid 2>/dev/null || true
}

for rep in $(seq "$reps"); do
  start bare "$work/hello.jar" /hello 'hello, world'
  for without in "" engine migrations migrations,engine; do
    FLOOR_WITHOUT=$without start "floor${without:+ without $without}" "$here/target/floor.jar" /health/ready workflow-engine
  done
done
rm -rf "$work"
