#!/usr/bin/env bash
# Runs the bearer-validation benchmarks: build first (mvn -B package -DskipTests at the root), then this script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
(cd "$here" && mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
payara="$here/target/payara/MICRO-INF/runtime"
classpath="$here/target/classes:$payara/microprofile-jwt-auth.jar:$payara/nucleus-grizzly-all.jar:$(cat "$here/target/classpath.txt")"
java -cp "$classpath" io.mcprospero.bench.auth.BearerValidationComparison
java -cp "$classpath" io.mcprospero.bench.auth.BearerValidationBenchmark
