#!/usr/bin/env bash
# Desktop first opens side by side, to pair JVM options under load (docs/cli-speed.md, "Session 23 (jit)"): one
# `bench/first-open.sh app BUILD LEDGER NAME-ROUND` per NAME=OPTIONS, started 2 s apart in the order given (alternate
# the order between rounds), each with OPTIONS added to the app's JVM (FIRST_OPEN_APP_OPTS; empty for the base), then
# their ledger copies deleted (a 1M-event ledger is ~1 GB each).
#   bench/first-open-side-by-side.sh BUILD LEDGER ROUND NAME=OPTIONS...
#   e.g. bench/first-open-side-by-side.sh /tmp/ref-s23 /tmp/s18/data/master.ledger 1 base= isc=-XX:InlineSmallCode=1000
set -euo pipefail
here=$(dirname "$0"); build=$1; ledger=$2; round=$3; shift 3
work=${FIRST_OPEN_WORK:-/tmp/first-open}
for spec in "$@"; do
  FIRST_OPEN_APP_OPTS="${spec#*=}" "$here/first-open.sh" app "$build" "$ledger" "${spec%%=*}-$round" &
  sleep 2
done
wait
for spec in "$@"; do rm -f "$work/app-${spec%%=*}-$round"/copy.ledger*; done
