#!/usr/bin/env bash
# Builds Eventscope's Linux app-image and .deb with JDK 17's jpackage.
#
#   packaging/build.sh              # app-image + .deb  -> target/jpackage/eventscope/, target/jpackage/eventscope_<version>_amd64.deb
#   packaging/build.sh --app-image  # app-image only (no fakeroot/dpkg-deb needed)
#
# Environment: MVN_FLAGS (default "-q -B", add -o to build offline), SKIP_MAVEN=1 to reuse target/eventscope.jar.
# Needs: JDK 17 with jpackage/jdeps, Maven, python3 (reads the pom); for the .deb also fakeroot and dpkg-deb.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

types=(app-image deb)
if [[ "${1:-}" == "--app-image" ]]; then types=(app-image); fi

fail() { echo "packaging/build.sh: $*" >&2; exit 1; }
for tool in jpackage jdeps python3; do command -v "$tool" >/dev/null || fail "$tool is missing (install a JDK 17 with jpackage and python3)"; done

# --- 1. the jar and its libraries -------------------------------------------------------------------------------
if [[ "${SKIP_MAVEN:-0}" != 1 ]]; then
  # shellcheck disable=SC2086
  mvn ${MVN_FLAGS:--q -B} -DskipTests package
fi
[[ -f target/eventscope.jar && -d target/lib ]] || fail "target/eventscope.jar or target/lib is missing; run mvn -DskipTests package"

# --- 2. metadata from the pom -----------------------------------------------------------------------------------
pom() {
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
node = ET.parse("pom.xml").getroot().find(sys.argv[1], ns)
print("" if node is None else " ".join(node.text.split()))
PY
}
version="$(pom m:version)"
description="$(pom m:description)"
vendor="$(pom m:organization/m:name)"
homepage="$(pom m:url)"
licence="$(pom m:licenses/m:license/m:name)"
maintainer_name="$(pom m:developers/m:developer/m:name)"
maintainer_email="$(pom m:developers/m:developer/m:email)"
[[ -n "$version" && -n "$description" && -n "$vendor" && -n "$maintainer_email" ]] || fail "pom.xml lacks version, description, organization/name or developers/developer/email"
echo "Eventscope $version by $vendor ($licence), maintainer $maintainer_name <$maintainer_email>"

# --- 3. the input folder: jar, libraries, bundled samples (-> $APPDIR, that is /opt/eventscope/lib/app) -----------
out="target/jpackage"
rm -rf "$out"
mkdir -p "$out/input/samples"
cp target/eventscope.jar "$out/input/"
cp -r target/lib "$out/input/lib"
cp sample-data/ledgers/*.ledger sample-data/ledgers/samples.properties "$out/input/samples/"
mkdir -p "$out/input/icons" "$out/input/mime"
cp packaging/application-x-eventscope-ledger.xml "$out/input/mime/eventscope-ledger.xml"
cp packaging/icons/eventscope.svg packaging/icons/eventscope-*.png "$out/input/icons/"
ls "$out/input/samples/"*.ledger >/dev/null || fail "no sample ledgers in sample-data/ledgers"
# sqlite-jdbc's native library, so that the driver does not extract it at every start (-Dorg.sqlite.lib.path below),
# and the training script, which the .deb's postinst runs again at /opt/eventscope
"$here/native-libraries.sh" "$out/input/lib" "$out/input/native" "$(command -v java)"
cp "$here/class-data-archive.sh" "$out/input/class-data-archive.sh"

# --- 4. a trimmed runtime: the modules jdeps finds, plus what reflection and natives need --------------------------
found="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 target/eventscope.jar target/lib/*.jar 2>/dev/null | tail -1)"
[[ "$found" == java.base* ]] || fail "jdeps did not print the module list (got: $found)"
# java.logging: JavaFX and sqlite-jdbc log through it; jdk.unsupported: sun.misc.Unsafe for JavaFX and Jackson;
# jdk.charsets and jdk.localedata would add non-UTF-8 charsets and non-English number formats (left out: size).
modules="$found,java.logging,jdk.unsupported"
echo "runtime modules: $modules"

common=(--name eventscope --app-version "$version" --vendor "$vendor" --description "$description"
        --copyright "Copyright the Eventscope maintainers; $licence")

# --- 5. the app-image -------------------------------------------------------------------------------------------
jpackage --type app-image --dest "$out" "${common[@]}" \
  --input "$out/input" --main-jar eventscope.jar --main-class dev.eventscope.bootstrap.Main \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages" \
  --java-options '-Deventscope.samples=$APPDIR/samples' --java-options '-Xmx1g' --java-options '-XX:NewSize=256m' \
  --java-options '-Dorg.sqlite.lib.path=$APPDIR/native' --java-options '-Dorg.sqlite.lib.name=libsqlitejdbc.so' \
  --java-options '-Dorg.sqlite.tmpdir=$APPDIR/native' \
  --java-options '-XX:Tier4InvocationThreshold=30000' --java-options '-XX:Tier4MinInvocationThreshold=10000' \
  --java-options '-XX:Tier4CompileThreshold=40000' --java-options '-XX:Tier4BackEdgeThreshold=200000' \
  --icon packaging/icons/eventscope-256.png
# the Tier4 thresholds: C2 later than the JDK's default, and the young generation's floor (NewSize), as in
# packaging/launcher/eventscope (docs/cli-speed.md)
# no base archive of the runtime's own (jlink --generate-cds-archive, 12 MB): the launcher always names the app's
# archive below, which is static and holds the JDK classes the app uses as well, and a JVM pointed at a missing or
# stale archive runs without class-data sharing rather than fall back to the runtime's
# class-data sharing for the start-up of the command line and of the desktop app (under Xvfb, where xvfb-run is
# installed): a training run of the packaged launcher itself (the archive fits only the runtime that made it). The
# .deb's postinst makes it again at /opt/eventscope, because an archive names the jars' paths; the launcher starts
# without one (-Xshare:auto) where it does not fit.
"$here/class-data-archive.sh" "$out/eventscope/lib/app/eventscope.jsa" sample-data/ledgers/small-business.ledger "$out/eventscope/bin/eventscope"
printf '%s\n' 'java-options=-XX:SharedArchiveFile=$APPDIR/eventscope.jsa' 'java-options=-Xshare:auto' \
  'java-options=-Xlog:cds=off' 'java-options=-Xlog:cds+dynamic=off' >> "$out/eventscope/lib/app/eventscope.cfg"
# the desktop's and JavaFX's code kept out of C2, as packaging/launcher/eventscope does (docs/cli-speed.md, "Session 21 (appopen)")
cp packaging/compiler-directives.json "$out/eventscope/lib/app/compiler-directives.json"
printf '%s\n' 'java-options=-XX:+UnlockDiagnosticVMOptions' \
  'java-options=-XX:CompilerDirectivesFile=$APPDIR/compiler-directives.json' >> "$out/eventscope/lib/app/eventscope.cfg"
# C2 inlines less into already compiled code, as packaging/launcher/eventscope does for the desktop app and the import
# (one set of options here for every command; docs/cli-speed.md, "Session 23 (jit)")
printf '%s\n' 'java-options=-XX:InlineSmallCode=1000' >> "$out/eventscope/lib/app/eventscope.cfg"
echo "app-image: $out/eventscope ($(du -sm "$out/eventscope" | cut -f1) MB)"

# --- 6. the .deb ------------------------------------------------------------------------------------------------
if [[ " ${types[*]} " == *" deb "* ]]; then
  for tool in fakeroot dpkg-deb; do command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install fakeroot dpkg)"; done
  # What the JavaFX natives link against (readelf -d on libglass*.so, libprism*.so, libjavafx_font*.so);
  # jpackage only sees the JDK runtime's needs. libgl1/libxxf86vm1 serve prism_es2 (hardware rendering).
  # (libc6, libx11-6, libxtst6, libglib2.0-0, libfreetype6 and xdg-utils jpackage adds itself.)
  deps="libgtk-3-0, libpango-1.0-0, libpangoft2-1.0-0, libpangocairo-1.0-0, libcairo2, libcairo-gobject2"
  deps="$deps, libgdk-pixbuf-2.0-0 | libgdk-pixbuf2.0-0, libatk1.0-0, libfontconfig1, libgl1, libxxf86vm1"
  jpackage --type deb --dest "$out" "${common[@]}" \
    --app-image "$out/eventscope" \
    --resource-dir packaging/linux \
    --linux-package-name eventscope \
    --linux-deb-maintainer "$maintainer_email" \
    --linux-menu-group "Office;Finance;" \
    --linux-app-category misc \
    --linux-shortcut \
    --linux-package-deps "$deps" \
    --license-file packaging/copyright \
    --file-associations packaging/ledger-association.properties \
    --icon packaging/icons/eventscope-256.png \
    --about-url "$homepage"
  deb="$(ls "$out"/eventscope_*.deb)"
  # jpackage keeps the default desktop entry silently when it does not find ours: check it was used
  dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/eventscope/lib/eventscope-eventscope.desktop | grep -q '^Exec=/opt/eventscope/bin/eventscope %f$' \
    || fail "the .deb's desktop entry does not pass the file (%f): packaging/linux/eventscope.desktop was not used"
  echo "deb: $deb ($(du -m "$deb" | cut -f1) MB)"
fi
