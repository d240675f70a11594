#!/usr/bin/env bash
# Takes the native libraries out of their jars at build time, so that no start of Eventscope has to:
# - sqlite-jdbc's library goes into SQLITE_DIR, which the launchers name with -Dorg.sqlite.lib.path (and
#   -Dorg.sqlite.tmpdir, the folder the driver lists for stale copies of itself at every start): otherwise the driver
#   extracts it into /tmp on every start and lists all of /tmp, which cost the command line a quarter of its CPU time;
# - JavaFX's libraries go beside the JavaFX jars in LIB_DIR, where JavaFX looks first: otherwise it reads each out of
#   its jar and compares it with a cached copy in ~/.openjfx/cache at every start of the desktop app.
# Where a library is missing, the driver and JavaFX extract their own as before (docs/cli-speed.md).
#
#   packaging/native-libraries.sh LIB_DIR SQLITE_DIR JAVA      (LIB_DIR holds the jars; JAVA is a JDK's java)
set -euo pipefail
lib=$1; dest=$2; java=$3
jar_tool="$(dirname "$java")/jar"
case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) echo "native-libraries.sh: no sqlite-jdbc library chosen for $(uname -m); the driver extracts its own at each start" >&2; exit 0 ;;
esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sqlite_jar=$(realpath "$(ls "$lib"/sqlite-jdbc-*.jar | head -1)")
entry="org/sqlite/native/Linux/$arch/libsqlitejdbc.so"
(cd "$work" && "$jar_tool" xf "$sqlite_jar" "$entry")
[ -s "$work/$entry" ] || { echo "native-libraries.sh: $sqlite_jar has no $entry" >&2; exit 1; }
rm -rf "$dest"
mkdir -p "$dest"
cp "$work/$entry" "$dest/libsqlitejdbc.so"

for fx_jar in "$lib"/javafx-graphics-*-linux*.jar; do
  [ -e "$fx_jar" ] || continue
  fx_jar=$(realpath "$fx_jar")
  # the .so entries at the jar's top level (JavaFX's own layout)
  mapfile -t libraries < <("$jar_tool" tf "$fx_jar" | grep -E '^[^/]+\.so$' || true)
  (( ${#libraries[@]} )) || continue
  (cd "$(realpath "$lib")" && "$jar_tool" xf "$fx_jar" "${libraries[@]}")
done
