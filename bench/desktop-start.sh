#!/usr/bin/env bash
# The desktop app's start-up with and without class-data sharing archives, measured on the real app (GTK on an
# Xvfb display), started by the README's launcher target/eventscope with a ledger, as a double click does. Each
# run closes itself at the explorer's first paint (-Deventscope.exitAfterFirstPaint=0) and its log line
# "first paint of the explorer: …" gives open → first paint and process start → first paint, by wall clock and
# by the process's CPU time. The variants run alternately, round after round, so the machine's load falls on all
# alike; the table gives each variant's median and its ratio to the first variant's in the same rounds.
#
#   bench/desktop-start.sh ROUNDS LEDGER NAME=JVM_OPTIONS...
#     NAME=JVM_OPTIONS: a name and the JVM options the launcher adds (EVENTSCOPE_JAVA_OPTS), e.g.
#     none="-XX:SharedArchiveFile=$JAVA_HOME/lib/server/classes.jsa" (the JDK's own archive: none of ours) or
#     launcher="" (the launcher as it is). NAME@LAUNCHER=JVM_OPTIONS runs another build's launcher (e.g. a reference
#     commit's target/eventscope, its own archive beside it) in the same rounds. Needs Xvfb; run after mvn package.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=$1; ledger=$(realpath "$2"); shift 2
work=$(mktemp -d /tmp/desktop-start.XXXXXX)
display=:$((200 + RANDOM % 500))
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb; rm -rf "$work"' EXIT
sleep 2
for variant in "$@"; do spec=${variant%%=*}; : > "$work/${spec%%@*}.tsv"; done
for round in $(seq 1 "$rounds"); do
  for variant in "$@"; do
    spec=${variant%%=*}; options=${variant#*=}; name=${spec%%@*}; launcher=target/eventscope
    [[ $spec == *@* ]] && launcher=${spec#*@}
    rm -rf "$work/state"
    /usr/bin/time -f '%e %U %S' -o "$work/time" env DISPLAY="$display" XDG_STATE_HOME="$work/state" \
      XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" \
      EVENTSCOPE_JAVA_OPTS="$options -Deventscope.exitAfterFirstPaint=0" \
      timeout 300 "$launcher" "$ledger" >/dev/null 2>&1 || true
    line=$(grep -h 'first paint of the explorer' "$work/state/eventscope/logs/eventscope.log" || true)
    # "first paint of the explorer: W ms after the open began (C ms of process CPU); W2 ms after the process started (C2 ms of CPU)"
    figures=$(sed -E 's/.*: ([0-9]+) ms after the open began \(([0-9-]+) ms of process CPU\); ([0-9?]+) ms after the process started \(([0-9-]+) ms of CPU\).*/\1 \2 \3 \4/' <<<"$line")
    # "…; UI thread U ms of CPU since the open" (builds before session 10 do not log it: -1)
    ui=$(sed -nE 's/.*UI thread ([0-9-]+) ms of CPU since the open.*/\1/p' <<<"$line"); ui=${ui:--1}
    read -r wall user sys < "$work/time"
    echo "$figures $wall $user $sys $ui" >> "$work/$name.tsv"
    echo "round $round $name: open→paint, process start→paint (wall CPU): $figures; UI thread CPU $ui ms; whole process: $wall s wall, $user+$sys s CPU; load $(cut -d' ' -f1 /proc/loadavg)" >&2
  done
done
first=${1%%=*}; first=${first%%@*}
python3 - "$work" "$first" "$@" <<'PY'
import statistics, sys
work, first, variants = sys.argv[1], sys.argv[2], [v.split("=", 1)[0].split("@", 1)[0] for v in sys.argv[3:]]
def rows(name):
    out = []
    for line in open(f"{work}/{name}.tsv"):
        f = line.split()
        if len(f) == 8 and f[0].isdigit():
            out.append([float(f[0]), float(f[1]), float(f[7]), float(f[2]), float(f[3]), float(f[4]) * 1000, (float(f[5]) + float(f[6])) * 1000])
    return out
data = {name: rows(name) for name in variants}
columns = ["open → first paint, wall", "open → first paint, process CPU", "open → first paint, UI thread CPU", "process start → first paint, wall",
           "process start → first paint, process CPU", "whole process (to exit), wall", "whole process, user + system CPU"]
print(f"| variant | runs | " + " | ".join(columns) + " |")
print("|---|---|" + "---|" * len(columns))
for name in variants:
    runs = data[name]
    if not runs:
        print(f"| {name} | 0 | " + " | ".join("no first paint" for _ in columns) + " |"); continue
    medians = [statistics.median(r[i] for r in runs) for i in range(len(columns))]
    base = [statistics.median(r[i] for r in data[first]) for i in range(len(columns))] if data[first] else None
    cells = [f"{m:,.0f} ms" + (f" ({m / b:.2f}×)" if base and name != first and b > 0 else "") for m, b in zip(medians, base or medians)]
    print(f"| {name} | {len(runs)} | " + " | ".join(cells) + " |")
# the same rounds paired: each round's ratio to the first variant's, median and range (load falls on a round's runs alike)
print()
print(f"| variant | rounds | open → first paint, process CPU: ratio to {first} per round, median (min–max) | UI thread CPU: ratio per round, median (min–max) |")
print("|---|---|---|---|")
for name in variants:
    if name == first:
        continue
    def paired(i):
        ratios = [r[i] / b[i] for r, b in zip(data[name], data[first]) if b[i] > 0 and r[i] >= 0]
        return f"{statistics.median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f})" if ratios else "not logged"
    print(f"| {name} | {min(len(data[name]), len(data[first]))} | {paired(1)} | {paired(2)} |")
PY
