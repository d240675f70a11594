#!/usr/bin/env bash
# Rebuilds the sample ledgers in sample-data/ledgers/ from the sample journals.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" dev.eventscope.samples.SampleLedgers sample-data/ledgers
