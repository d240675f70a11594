#!/usr/bin/env bash
# Run by `mvn package` (exec-maven-plugin) after the jar and target/lib are in place: puts the launcher
# target/eventscope beside the jar, sqlite-jdbc's native library in target/native/, JavaFX's beside its jars in
# target/lib/, and the class-data sharing archive target/eventscope.jsa.
#   packaging/jar-launcher.sh TARGET_DIR JAVA
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target=$1; java=$2
cp "$here/launcher/eventscope" "$target/eventscope"
cp "$here/compiler-directives.json" "$target/compiler-directives.json"
chmod +x "$target/eventscope"
"$here/native-libraries.sh" "$target/lib" "$target/native" "$java"
"$here/class-data-archive.sh" "$target/eventscope.jsa" "$here/../sample-data/ledgers/small-business.ledger" \
  "$java" -jar "$target/eventscope.jar"
