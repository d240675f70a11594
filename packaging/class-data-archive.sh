#!/usr/bin/env bash
# Makes a class-data sharing (AppCDS) archive for Eventscope, the command line and the desktop app in one: one
# training run with -XX:DumpLoadedClassList (bootstrap.ClassDataTraining) answers `balance` and `streams` on a copy
# of a bundled sample ledger, then opens it in the desktop app under Xvfb and closes it after the explorer's first
# paint; then the JVM that ran it dumps a static archive (-Xshare:dump) of the classes it loaded, with the JDK's own
# default class list, so later starts map the classes both need instead of loading and verifying them
# (docs/cli-speed.md has the figures). Static, not dynamic (-XX:ArchiveClassesAtExit): JDK 17's dynamic archive
# leaves out classes of class-file version 49 and older, such as picocli's ~175, which every command loads; its
# static dump takes them (JDK-8261090) as long as no lambda made at dump time implements one of their interfaces,
# so those lambda lines are left out of the list (they are made at run time, as without an archive).
# Without xvfb-run (or with EVENTSCOPE_CDS_DESKTOP=0) the archive is trained on the command line only, and
# so is it when the desktop's training fails (no GTK, no display): that is reported, and the build goes on.
#
#   packaging/class-data-archive.sh ARCHIVE SAMPLE_LEDGER COMMAND...
#     COMMAND: how to start Eventscope, e.g. `java -jar target/eventscope.jar` or the packaged launcher
#     (options go to the JVM through JAVA_TOOL_OPTIONS, which every launcher's JVM reads).
# A failed training run or dump leaves no archive (the launchers then start without one) and is reported.
set -euo pipefail
archive=$(realpath -m "$1"); sample=$2; shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# one training run: MODE (cli | desktop), then how to start it (a display wrapper, if any); then the dump
train() {
  local mode=$1; shift
  rm -rf "$work/home" "$archive" "$work/classes.txt" "$work/jvm.txt"
  mkdir -p "$work/home"
  cp "$sample" "$work/home/training.ledger"
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/classes.txt -Xlog:cds=off -Xlog:cds+dynamic=off -Deventscope.classDataTraining=$mode -Deventscope.classDataTraining.jvm=$work/jvm.txt" \
    XDG_STATE_HOME="$work/home/state" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" \
    XDG_CACHE_HOME="$work/home/cache" timeout 300 "$@" "$work/home/training.ledger" >"$work/out" 2>&1 \
    && [ -s "$work/classes.txt" ] && [ -s "$work/jvm.txt" ] && dump
}

# the static archive of the JDK's default class list and the training's, by the training's JVM and class path
dump() {
  local java_home class_path
  java_home=$(sed -n 1p "$work/jvm.txt"); class_path=$(sed -n 2p "$work/jvm.txt")
  # lambdas implementing an interface of a pre-Java 6 class file (picocli's): generating them at dump time links
  # that interface, and a linked old class is left out of the archive with everything that implements it. Classes
  # named in both lists are named once; @ lines are all kept: two call sites of one method reference give two equal
  # @lambda-proxy lines, and each gets its class from the archive only if it has its own line
  { cat "$java_home/lib/classlist" 2>/dev/null || true; grep -v '^@lambda-proxy.*picocli/' "$work/classes.txt"; } \
    | awk '/^@/ || !seen[$0]++' > "$work/archive-classes.txt"
  # -Xmx1g: the launchers' heap, so that the archived heap objects need no relocation at each start
  env -u JAVA_TOOL_OPTIONS timeout 300 "$java_home/bin/java" -Xmx1g -Xshare:dump -XX:SharedClassListFile="$work/archive-classes.txt" \
    -XX:SharedArchiveFile="$archive" -cp "$class_path" >>"$work/out" 2>&1 && [ -s "$archive" ] \
    || { echo "class-data-archive.sh: the static dump failed:" >>"$work/out"; rm -f "$archive"; return 1; }
}

started=$SECONDS
if [ "${EVENTSCOPE_CDS_DESKTOP:-1}" != 0 ] && command -v xvfb-run >/dev/null 2>&1; then
  if train desktop xvfb-run -a -s "-screen 0 1600x1000x24" "$@"; then
    echo "class-data-archive.sh: $archive ($(du -m "$archive" | cut -f1) MB) from the command line and the desktop app (Xvfb), $((SECONDS - started)) s"
    exit 0
  fi
  echo "class-data-archive.sh: the desktop app's training run failed; training on the command line only:" >&2
  tail -n 20 "$work/out" >&2
  tail -n 20 "$work/home/state/eventscope/logs/eventscope.log" >&2 2>/dev/null || true
else
  echo "class-data-archive.sh: no xvfb-run (or EVENTSCOPE_CDS_DESKTOP=0): the archive covers the command line only;" \
       "install xvfb for the desktop app's faster start" >&2
fi
if ! train cli "$@"; then
  echo "class-data-archive.sh: the training run failed; no archive made:" >&2
  cat "$work/out" >&2
  rm -f "$archive"
  exit 1
fi
echo "class-data-archive.sh: $archive ($(du -m "$archive" | cut -f1) MB) from the command line, $((SECONDS - started)) s"
