#!/bin/sh
# Regenerates the sample audit reports in this folder from the bundled sample ledgers (sample-data/ledgers).
# Usage: sample-data/reports/make-sample-reports.sh "java -cp target/classes:$(cat target/cp.txt) dev.eventscope.bootstrap.Main"
# (or the packaged launcher: sample-data/reports/make-sample-reports.sh eventscope)
# The reports are signed with a throw-away key made for the run; its fingerprint is in each .sig file.
set -eu
ES=${1:-eventscope}
HERE=$(cd "$(dirname "$0")" && pwd)
LEDGERS=$(dirname "$HERE")/ledgers
WORK=$(mktemp -d)
KEYS="$WORK/keys"
rm -f "$HERE"/*.pdf "$HERE"/*.html "$HERE"/*.csv "$HERE"/*.json "$HERE"/*.sig
for name in audit-case small-business household-two-currencies tampered; do
  cp "$LEDGERS/$name.ledger" "$WORK/$name.ledger"
done

# the whole ledger: events, the Restatements of the closed Q1 (the late correction JE-2025-0100), and the Statements
for format in pdf html csv json; do
  $ES report -l "$WORK/audit-case.ledger" --format "$format" --statements --out "$HERE/audit-case.$format" --key-dir "$KEYS"
done
# the duplicate bill JE-2025-0026 with its reversal JE-2025-0045, on Letter paper
$ES report -l "$WORK/audit-case.ledger" --format pdf --paper letter --entry JE-2025-0026 \
  --out "$HERE/audit-case-entry-JE-2025-0026.letter.pdf" --key-dir "$KEYS"
# everything the controller did: the close, the reopening for the late correction, the second close, the freeze
$ES report -l "$WORK/audit-case.ledger" --format html --user m.vogt --out "$HERE/audit-case-user-m.vogt.html" --key-dir "$KEYS"
# one account over one quarter, by entry date
$ES report -l "$WORK/small-business.ledger" --format pdf --account assets:bank:checking --from 2025-04-01 --to 2025-06-30 \
  --out "$HERE/small-business-checking-Q2.pdf" --key-dir "$KEYS"
# with market prices: its Statements also valued in EUR, each quarter at its end, with the prices used
$ES report -l "$WORK/household-two-currencies.ledger" --format html --statements --out "$HERE/household-two-currencies.html" --key-dir "$KEYS"
# a tampered ledger: the altered position is stated first, on page 1
$ES report -l "$WORK/tampered.ledger" --format pdf --out "$HERE/tampered.pdf" --key-dir "$KEYS"

for report in "$HERE"/*.pdf "$HERE"/*.html "$HERE"/*.csv "$HERE"/*.json; do
  $ES verify-report --key-dir "$KEYS" "$report"   # the run's own key is trusted there
done
rm -rf "$WORK"
