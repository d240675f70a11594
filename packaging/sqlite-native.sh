#!/usr/bin/env bash
# Puts sqlite-jdbc's native library for this machine, taken from the sqlite-jdbc jar, into a folder the launchers
# name with -Dorg.sqlite.lib.path (and -Dorg.sqlite.tmpdir, the folder the driver lists for stale copies of itself
# at every start): otherwise the driver extracts it into /tmp on every start and lists all of /tmp, which cost the
# command line a quarter of its CPU time (docs/cli-speed.md). Where the folder lacks the library the driver extracts
# its own as before.
#
#   packaging/sqlite-native.sh LIB_DIR DEST_DIR JAVA      (LIB_DIR holds sqlite-jdbc-*.jar; JAVA is a JDK's java)
set -euo pipefail
lib=$1; dest=$2; java=$3
case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) echo "sqlite-native.sh: no sqlite-jdbc library chosen for $(uname -m); the driver extracts its own at each start" >&2; exit 0 ;;
esac
jar=$(realpath "$(ls "$lib"/sqlite-jdbc-*.jar | head -1)")
entry="org/sqlite/native/Linux/$arch/libsqlitejdbc.so"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && "$(dirname "$java")/jar" xf "$jar" "$entry")
[ -s "$work/$entry" ] || { echo "sqlite-native.sh: $jar has no $entry" >&2; exit 1; }
rm -rf "$dest"
mkdir -p "$dest"
cp "$work/$entry" "$dest/libsqlitejdbc.so"
