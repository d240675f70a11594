#!/bin/sh
# Runs the SQLite store benchmark (docs/benchmarks-store.md). Arguments go to the benchmark, e.g. --events 100000.
# The table goes to stdout, progress to stderr. Takes a few minutes at the default 1,000,000 events.
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.eventscope.bench.StoreBenchmark "$@"
