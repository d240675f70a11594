#!/usr/bin/env bash
# For each journal that hledger 1.25 refuses: ledger 3.3's balances (summed from `ledger -f F csv` by account and
# commodity) beside Eventscope's (import, export, `hledger bal` of the export), one line per journal.
# Usage: compare-with-ledger.sh /absolute/path/to/CORPUS/*.journal
cd "$(dirname "$0")/../../../.."   # the repository; build first: mvn -o -q test-compile and dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/classes:$(cat target/cp.txt)"
W=${WORK:-/tmp/compare-with-ledger}; mkdir -p $W/xdg-cache $W/xdg-config $W/xdg-data
export XDG_CACHE_HOME=$W/xdg-cache XDG_CONFIG_HOME=$W/xdg-config XDG_DATA_HOME=$W/xdg-data
W=$W/run; rm -rf $W; mkdir -p $W
for f in "$@"; do
  n=$(basename "$f" .journal)
  if hledger -f "$f" check >/dev/null 2>&1; then continue; fi
  lout=$(ledger -f "$f" csv 2>$W/$n.lerr); lrc=$?
  java -cp "$CP" dev.eventscope.bootstrap.Main import "$f" --ledger $W/$n.ledger > $W/$n.iout 2> $W/$n.ierr; irc=$?
  if [ $irc -ne 0 ]; then
    echo "$n | ledger rc=$lrc | import REFUSED: $(grep -v '^warning' $W/$n.ierr | head -1 | cut -c1-200)"; continue
  fi
  java -cp "$CP" dev.eventscope.bootstrap.Main export --ledger $W/$n.ledger -o $W/$n.exp.journal >/dev/null 2>&1
  ours=$(hledger -f $W/$n.exp.journal bal --flat -N -O csv 2>&1 | tail -n +2 | sort | tr '\n' ' ')
  theirs=$(echo "$lout" | python3 -c '
import sys,csv,collections
from decimal import Decimal
t=collections.defaultdict(Decimal)
for r in csv.reader(sys.stdin):
    if len(r)<6: continue
    amt=r[5].replace(r[4],"").replace(",","").strip()
    try: t[(r[3],r[4])]+=Decimal(amt)
    except Exception: t[(r[3],r[4]+"?"+r[5])]+=0
print(" ".join(sorted(f"{a}:{v.normalize()} {c}" for (a,c),v in t.items() if v!=0)))')
  echo "$n | ledger rc=$lrc: $theirs | IMPORTED, hledger bal of export: $ours"
done
