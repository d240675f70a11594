#!/usr/bin/env bash
# Runs one benchmark program (a class in src/test/java/dev/eventscope/bench, listed in the README) [args]
# The table goes to standard output, progress to standard error. Never part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?name a benchmark, e.g. StoreBenchmark}"; shift
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
exec java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/cp.txt)" "dev.eventscope.bench.$name" "$@"
