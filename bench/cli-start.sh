#!/usr/bin/env bash
# `eventscope streams` on a small ledger, whole process, paired with `java -version` (the JVM's own start, the
# floor) in the same rounds: the README's launcher target/eventscope (its class-data sharing archive), the same
# launcher with other archives, and `java -jar target/eventscope.jar` (no archive of ours). The commands run
# alternately, round after round; the table gives medians of wall clock and of user + system CPU
# (/usr/bin/time), and each median's ratio to `java -version`'s.
#
#   bench/cli-start.sh ROUNDS [NAME=JVM_OPTIONS]...
#     (run after mvn package; NAME=JVM_OPTIONS: the launcher with these JVM options added, EVENTSCOPE_JAVA_OPTS)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=$1; shift
work=$(mktemp -d /tmp/cli-start.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp sample-data/ledgers/small-business.ledger "$work/small.ledger"
export XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
target/eventscope streams --ledger "$work/small.ledger" >/dev/null   # the read-model cache, once
names=("java -version" "target/eventscope streams" "java -jar target/eventscope.jar streams")
commands=("java -version" "target/eventscope streams --ledger $work/small.ledger"
          "java -Xmx1g -jar target/eventscope.jar streams --ledger $work/small.ledger")
for variant in "$@"; do
  names+=("target/eventscope streams, ${variant%%=*}")
  printf '#!/bin/sh\nEVENTSCOPE_JAVA_OPTS="%s" exec target/eventscope "$@"\n' "${variant#*=}" > "$work/variant-${#names[@]}"
  chmod +x "$work/variant-${#names[@]}"
  commands+=("$work/variant-${#names[@]} streams --ledger $work/small.ledger")
done
for round in $(seq 1 "$rounds"); do
  for i in "${!commands[@]}"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f '%e %U %S' -a -o "$work/$i.tsv" ${commands[$i]} >/dev/null 2>&1
  done
done
python3 - "$work" "${names[@]}" <<'PY'
import statistics, sys
work, names = sys.argv[1], sys.argv[2:]
rows = []
for i, name in enumerate(names):
    runs = [list(map(float, line.split())) for line in open(f"{work}/{i}.tsv") if line.strip() and line[0].isdigit()]
    rows.append((name, len(runs), statistics.median(r[0] for r in runs), statistics.median(r[1] + r[2] for r in runs),
                 min(r[0] for r in runs)))
floor_wall, floor_cpu = rows[0][2], rows[0][3]
print("| command | runs | wall, median | wall, fastest | user + system CPU, median | wall ÷ `java -version` | CPU ÷ `java -version` |")
print("|---|---|---|---|---|---|---|")
for name, n, wall, cpu, fastest in rows:
    print(f"| `{name}` | {n} | {wall:.2f} s | {fastest:.2f} s | {cpu:.2f} s | {wall / floor_wall:.1f} | {cpu / floor_cpu:.1f} |")
PY
