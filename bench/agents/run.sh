#!/usr/bin/env bash
# Runs the agents' schedule benchmark: build first (mvn -B package -DskipTests at the root), then this script.
# -Dagents=N changes the number of agents due in one minute (default 1000).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
(cd "$here" && mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
classpath="$here/target/classes:$(cat "$here/target/classpath.txt")"
java -Xmx1g "$@" -cp "$classpath" io.mcprospero.bench.agents.ScheduleFireBenchmark
