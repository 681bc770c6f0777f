#!/usr/bin/env bash
# Runs the agents' schedule benchmark: build first (mvn -B package -DskipTests at the root), then this script.
# JVM options pass through, e.g. -Dagents=N (agents due in one minute, default 1000), -Dlatency-seconds=S (default 40).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
(cd "$here" && mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
# this checkout's adapters first: the library resolved from the local repository may be an older build
classpath="$here/target/classes:$root/adapters/target/classes:$(cat "$here/target/classpath.txt")"
java -Xmx1g "$@" -cp "$classpath" io.mcprospero.bench.agents.ScheduleFireBenchmark
