#!/usr/bin/env bash
# Compiles the secrets benchmarks against the ejb module's classes and runs them. Build the ejb module first
# (mvn -o -q -pl ejb -am package -DskipTests); nothing is installed anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
m2="${M2_REPO:-$HOME/.m2/repository}"
out="$here/target"
mkdir -p "$out/classes"
(cd "$root/ejb" && mvn -o -q dependency:build-classpath -Dmdep.outputFile="$out/ejb.classpath" -Dmdep.includeScope=test)
jmh="$m2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar:$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
processor="$m2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar:$jmh"
classpath="$root/ejb/target/classes:$root/persistence/target/classes:$(cat "$out/ejb.classpath"):$jmh"
javac -d "$out/classes" -cp "$classpath" -processorpath "$processor" $(find "$here/src" -name '*.java')
classpath="$out/classes:$classpath"
java -cp "$classpath" io.mcprospero.bench.secrets.KmsCallsPerThousandReads
java -cp "$classpath" io.mcprospero.bench.secrets.SecretDecryptComparison
java -cp "$classpath" io.mcprospero.bench.secrets.SecretDecryptBenchmark
