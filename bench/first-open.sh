#!/usr/bin/env bash
# A first open of a large ledger (every read model from nothing), three ways, each on its own copy of the ledger and in
# its own XDG folders (docs/cli-speed.md, "Session 18 (firstopen)"):
#
#   bench/first-open.sh bench BUILD LEDGER TAG [JVM options]  FirstOpenBenchmark (first open only) with the launcher's JVM
#                                                              options: BUILD's classes, this worktree's benchmark class
#                                                              (-Dbench.inLedger=true: the read models in the ledger file)
#   bench/first-open.sh cli BUILD LEDGER TAG                   BUILD/target/eventscope balance: the whole process, timed
#   bench/first-open.sh app BUILD LEDGER TAG                   the desktop app (BUILD/target/eventscope LEDGER on Xvfb), a
#                                                              writable copy: its process CPU when every read model is at
#                                                              the last event with its date checkpoints and the register's
#                                                              index (polled with sqlite3), and the CPU by thread then
#
# FIRST_OPEN_APP_OPTS adds JVM options to the app (e.g. a JFR recording).
# BUILD is a built worktree (e.g. /tmp/ref-s18, or .). Work files go to ${FIRST_OPEN_WORK:-/tmp/first-open}/MODE-TAG.
# Run two modes side by side (2 s apart, alternating which starts first) to pair them under load.
set -euo pipefail
mode=$1; build=$(realpath "$2"); ledger=$(realpath "$3"); tag=$4; shift 4
bench_classes=$(realpath "$(dirname "$0")/../target/test-classes")
work=${FIRST_OPEN_WORK:-/tmp/first-open}/$mode-$tag
rm -rf "$work"; mkdir -p "$work"/{tmp,cache,state,config,data}
cp "$ledger" "$work/copy.ledger"; chmod u+w "$work/copy.ledger"
export XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
load=$(cut -d' ' -f1 /proc/loadavg)
case $mode in
  bench)
    T4="-XX:Tier4InvocationThreshold=30000 -XX:Tier4MinInvocationThreshold=10000 -XX:Tier4CompileThreshold=40000 -XX:Tier4BackEdgeThreshold=200000"
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" java -Xmx1g -XX:NewSize=256m $T4 "$@" -Djava.io.tmpdir="$work/tmp" \
      -Dbench.firstOpenOnly=true -cp "$bench_classes:$build/target/classes:$(cat "$build/target/cp.txt")" \
      dev.eventscope.bench.FirstOpenBenchmark "$work/copy.ledger" > "$work/out" 2> "$work/err"
    echo "bench $tag (load $load): wall | process CPU | writer | GC pauses | collector | compiler s:" \
      "$(grep '^| first open' "$work/out" | cut -d'|' -f3-8); whole JVM wall/user/sys/RSS KB: $(cat "$work/time")" ;;
  cli)
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$build/target/eventscope" balance --ledger "$work/copy.ledger" \
      > "$work/out" 2> "$work/err"
    echo "cli $tag (load $load): wall/user/sys/RSS KB $(cat "$work/time")" ;;
  app)
    display=:$((300 + RANDOM % 400))
    Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp > /dev/null 2>&1 &
    xvfb=$!
    sleep 1
    start=$(date +%s.%N)
    DISPLAY=$display EVENTSCOPE_JAVA_OPTS="-Deventscope.exitAfterFirstPaint=900 ${FIRST_OPEN_APP_OPTS:-}" "$build/target/eventscope" "$work/copy.ledger" \
      > "$work/out" 2>&1 &
    app=$!
    sleep 2
    java=$(pgrep -P "$app" java || echo "$app")
    events=$(sqlite3 -readonly "file:$work/copy.ledger?mode=ro" "select max(position) from events")
    while kill -0 "$app" 2> /dev/null; do
      done_=$(sqlite3 -readonly "file:$work/copy.ledger?mode=ro" "select (select count(*) from projection_state where
        position = $events) = 4 and (select count(*) from sqlite_master where name in ('rm_balances__register_g1_i1', 'rm_balances__register_blocks_g1_i1')) = 1
        and (select count(*) from rm_balances__date_checkpoints_g1) > 0" 2> /dev/null || echo 0)
      if [ "$done_" = 1 ]; then
        now=$(date +%s.%N)
        cpu=$(cut -d')' -f2 "/proc/$java/stat" | awk '{printf "%.2f", ($12 + $13) / 100}')
        threads=$(for task in /proc/"$java"/task/*; do
          echo "$(cat "$task/comm" 2> /dev/null)|$(cut -d')' -f2 "$task/stat" 2> /dev/null | awk '{print $12 + $13}')"
        done | awk -F'|' '{n = $1; if (n ~ /^C[12] /) n = "compiler"; else if (n ~ /^(G1|GC)/ || n == "VM Thread") n = "collector";
          t[n] += $2 / 100} END {for (n in t) if (t[n] >= 0.05) printf "%s %.2f, ", n, t[n]}')
        echo "app $tag (load $load): every read model in after $(echo "$now - $start" | bc) s wall, process CPU $cpu s; by thread: $threads"
        break
      fi
      sleep 0.1
    done
    kill "$java" 2> /dev/null || true
    sleep 2
    kill "$xvfb" ;;
  *) echo "unknown mode $mode (bench, cli or app)" >&2; exit 2 ;;
esac
