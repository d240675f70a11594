#!/usr/bin/env bash
# Where the appending thread's CPU goes per call of 1,000 events: the store (a timed copy of SqliteAppender) beside
# (a') raw JDBC writing the same rows, rounds alternating. Measurement only; nothing here is product code.
# bench/append-pairs/phases/run.sh EVENTS i|b ROUNDS [raw] [rawS] [rawM50]   (after mvn test-compile and target/cp.txt)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; repo="$here/../../.."
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
cp="$(cat "$repo/target/cp.txt")"
python3 "$here/timed-overlay.py" "$repo" "$out/src"
mkdir -p "$out/classes"
javac -nowarn -cp "$repo/target/classes:$cp" -d "$out/classes" "$here/PhaseClock.java" "$out/src/dev/eventscope/eventstore/sqlite/SqliteAppender.java"
javac -nowarn -cp "$out/classes:$repo/target/classes:$cp" -d "$out/classes" "$out/src/AppendProbe.java" "$here/Phases.java"
java -cp "$out/classes:$repo/target/classes:$cp" Phases "$@"
