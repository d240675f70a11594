#!/usr/bin/env bash
# bench/thread-cpu.sh PID OUT: every 0.5 s, one line into OUT: seconds since start, then NAME=TICKS for every thread of
# process PID (user + system CPU in 1/100 s, from /proc/PID/task/*/stat; spaces in names become _), until PID ends.
# docs/cli-speed.md, "Session 19 (appopen)": the app's CPU by thread before and during a first open's catch-up.
set -u
pid=$1; out=$2
t0=$(date +%s.%N)
while kill -0 "$pid" 2> /dev/null; do
  now=$(date +%s.%N)
  line=$(for task in /proc/"$pid"/task/*; do
    echo "$(tr ' ' '_' < "$task/comm" 2> /dev/null)=$(cut -d')' -f2 "$task/stat" 2> /dev/null | awk '{print $12 + $13}')"
  done | tr '\n' ' ')
  echo "$(echo "$now - $t0" | bc) $line" >> "$out"
  sleep 0.5
done
