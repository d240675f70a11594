#!/usr/bin/env bash
# The command line's short questions on a large ledger whose read models are built (issue 15: each <= 0.5 s whole
# process, <= 256 MB peak RSS), and `streams` on the small-business sample (<= 0.4 s): another build's launcher (the
# base) and this tree's target/eventscope alternate in every round; /usr/bin/time per run; the outputs are compared.
#
#   bench/cli-questions.sh ROUNDS LEDGER BASE_LAUNCHER
#     LEDGER: e.g. a 1,000,000-event ledger; its read models are in $XDG_CACHE_HOME (build them first with a
#     `balance`); the dates and stream below are those of LedgerBenchmarkData's ledgers.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=$1; ledger=$(realpath "$2"); base=$3
work=$(mktemp -d /tmp/cli-questions.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp sample-data/ledgers/small-business.ledger "$work/small.ledger"
questions=("balance" "balance --as-of 2023-06-30" "balance --at-position 500000"
           "state --stream account-assets:bank:main --as-of 2023-06-30" "diff --from 2023-06-30 --to 2024-06-30"
           "trial-balance --as-of 2023-06-30" "streams")
for round in $(seq 1 "$rounds"); do
  for question in "${questions[@]}"; do
    file=$ledger; [[ $question == streams ]] && file=$work/small.ledger
    for variant in base new; do
      launcher=$base; [[ $variant == new ]] && launcher=target/eventscope
      # shellcheck disable=SC2086
      /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$launcher" $question --ledger "$file" >"$work/out" 2>/dev/null
      echo "$question|$variant|$(tail -1 "$work/time")|$(md5sum <"$work/out" | cut -c1-8)|$(cut -d' ' -f1 /proc/loadavg)" >>"$work/runs"
    done
  done
done
python3 - "$work/runs" <<'PY'
import collections, statistics, sys
runs, outputs, loads = collections.defaultdict(list), collections.defaultdict(set), []
for line in open(sys.argv[1]):
    question, variant, times, checksum, load = line.rstrip("\n").split("|")
    wall, user, system, rss = times.split()
    runs[(question, variant)].append((float(wall), float(user) + float(system), int(rss)))
    outputs[question].add(checksum); loads.append(float(load))
print(f"load average (1 min) {min(loads):.0f}-{max(loads):.0f}, median {statistics.median(loads):.0f}")
print("| question | rounds | base wall med (min) | new wall med (min) | base CPU med | new CPU med | new÷base CPU | base / new peak RSS MB | same output |")
print("|---|---|---|---|---|---|---|---|---|")
for question in dict.fromkeys(q for q, _ in runs):
    b, n = runs[(question, "base")], runs[(question, "new")]
    med = lambda rows, i: statistics.median(r[i] for r in rows)
    print(f"| `{question}` | {len(b)} | {med(b, 0):.2f} ({min(r[0] for r in b):.2f}) | {med(n, 0):.2f} ({min(r[0] for r in n):.2f}) "
          f"| {med(b, 1):.2f} | {med(n, 1):.2f} | {med(n, 1) / med(b, 1):.2f} | {max(r[2] for r in b) // 1024} / {max(r[2] for r in n) // 1024} "
          f"| {'yes' if len(outputs[question]) == 1 else 'NO'} |")
PY
