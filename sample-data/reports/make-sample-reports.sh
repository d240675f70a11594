#!/bin/sh
# Regenerates the sample audit reports in this folder from the sample journals.
# Usage: sample-data/reports/make-sample-reports.sh "java -cp target/classes:$(cat cp.txt) dev.eventscope.bootstrap.Main"
# (or the packaged launcher: sample-data/reports/make-sample-reports.sh eventscope)
set -eu
ES=${1:-eventscope}
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=$(dirname "$HERE")
WORK=$(mktemp -d)
KEYS="$WORK/keys"

# audit-case: import by the bookkeeper, then a quarter close, a reopen for a late correction, a reversal
$ES import -l "$WORK/audit-case.ledger" --name "Hartmann Metallbau GmbH" --user bookkeeper "$DATA/audit-case.journal"
$ES close-period -l "$WORK/audit-case.ledger" --through 2025-06-30 --user controller
$ES reopen-period -l "$WORK/audit-case.ledger" --reason "Supplier credit note for June arrived late" --user controller
$ES post -l "$WORK/audit-case.ledger" --id LATE-0001 --date 2025-06-27 --description "Credit note Thyssen, June delivery" \
  --posting 'liabilities:payables:trade  412.50 EUR' --posting 'expenses:materials:steel' --user bookkeeper
$ES close-period -l "$WORK/audit-case.ledger" --through 2025-06-30 --user controller
$ES reverse -l "$WORK/audit-case.ledger" --id REV-0001 --on 2025-09-30 --description "Duplicate booking found in audit" \
  --user auditor LATE-0001

for format in pdf html csv json; do
  $ES report -l "$WORK/audit-case.ledger" --format "$format" --out "$HERE/audit-case.$format" --key-dir "$KEYS"
done
$ES report -l "$WORK/audit-case.ledger" --format pdf --paper letter --entry LATE-0001 --out "$HERE/audit-case-entry-LATE-0001.letter.pdf" --key-dir "$KEYS"
$ES report -l "$WORK/audit-case.ledger" --format html --user controller --out "$HERE/audit-case-user-controller.html" --key-dir "$KEYS"

$ES import -l "$WORK/small-business.ledger" --name "Lindqvist & Kern Gestaltung GmbH" --user bookkeeper "$DATA/small-business.journal"
$ES report -l "$WORK/small-business.ledger" --format pdf --account assets:bank --from 2025-04-01 --to 2025-06-30 \
  --out "$HERE/small-business-bank-Q2.pdf" --key-dir "$KEYS"

$ES import -l "$WORK/household-two-currencies.ledger" --name "Household in two currencies" --user household "$DATA/household-two-currencies.journal"
$ES report -l "$WORK/household-two-currencies.ledger" --format html --out "$HERE/household-two-currencies.html" --key-dir "$KEYS"

for report in "$HERE"/*.pdf "$HERE"/*.html "$HERE"/*.csv "$HERE"/*.json; do
  $ES verify-report "$report"
done
rm -rf "$WORK"
