#!/usr/bin/env bash
# Runs the secrets benchmarks: build first (mvn -B package -DskipTests at the root), then this script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
(cd "$here" && mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
classpath="$here/target/classes:$(cat "$here/target/classpath.txt")"
java -cp "$classpath" io.mcprospero.bench.secrets.KmsCallsPerThousandReads
java -cp "$classpath" io.mcprospero.bench.secrets.SecretDecryptComparison
java -cp "$classpath" io.mcprospero.bench.secrets.SecretDecryptBenchmark
