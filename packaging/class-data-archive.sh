#!/usr/bin/env bash
# Makes a class-data sharing (AppCDS) archive for Eventscope's command line: one training run of
# `balance` on a copy of a bundled sample ledger with -XX:ArchiveClassesAtExit, so later starts map
# the classes a query needs instead of loading and verifying them (docs/cli-speed.md has the figures).
#
#   packaging/class-data-archive.sh ARCHIVE SAMPLE_LEDGER COMMAND...
#     COMMAND: how to start Eventscope, e.g. `java -jar target/eventscope.jar` or the packaged launcher
#     (options go to the JVM through JAVA_TOOL_OPTIONS, which every launcher's JVM reads).
# A failed training run leaves no archive (the launchers then start without one) and is reported.
set -euo pipefail
archive=$(realpath -m "$1"); sample=$2; shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$sample" "$work/training.ledger"
rm -f "$archive"
if ! JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$archive -Xlog:cds=off -Xlog:cds+dynamic=off" \
     XDG_STATE_HOME="$work/state" "$@" balance --ledger "$work/training.ledger" >"$work/out" 2>&1; then
  echo "class-data-archive.sh: the training run failed; no archive made:" >&2
  cat "$work/out" >&2
  rm -f "$archive"
  exit 1
fi
[ -s "$archive" ] || { echo "class-data-archive.sh: the JVM made no archive at $archive" >&2; exit 1; }
