#!/usr/bin/env bash
# CI smoke test of the Linux packages. Builds the app-image and .deb (packaging/build.sh), checks the .deb's
# metadata and contents, runs command-line commands through the packaged launcher without a display, starts the
# desktop app under Xvfb, checks that its window is still alive after 20 seconds, and takes a screenshot.
#
#   packaging/ci-smoke.sh             # the app-image from target/jpackage/eventscope
#   packaging/ci-smoke.sh --install   # also installs the .deb on this machine (root; apt-get install ./x.deb)
#                                     # and repeats the checks with the installed /usr/bin/eventscope,
#                                     # screenshot -> docs/screenshots/installed-app.png
#
# Environment: MVN_FLAGS (passed to build.sh, e.g. "-o -q -B"), SKIP_BUILD=1 reuses target/jpackage.
# Installs what it needs itself (apt-get) when run as root. Prints how long each step took. Fails loudly.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
install=0
[[ "${1:-}" == "--install" ]] && install=1

started=$SECONDS
step_started=$SECONDS
step() { echo; echo "== [$((SECONDS - started))s] $*"; step_started=$SECONDS; }
done_step() { echo "   ok ($((SECONDS - step_started))s)"; }
fail() { echo; echo "ci-smoke.sh FAILED: $*" >&2; exit 1; }

# --- tools -----------------------------------------------------------------------------------------------------
step "system packages"
needed=(xvfb xauth libgtk-3-0 fakeroot imagemagick xdotool xdg-utils python3 desktop-file-utils)
missing=()
for package in "${needed[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
if (( ${#missing[@]} )); then
  [[ $(id -u) == 0 ]] || fail "missing packages ${missing[*]}; run as root or install them"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
done_step

# --- build -----------------------------------------------------------------------------------------------------
out="target/jpackage"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  step "packaging/build.sh (mvn package, jdeps, jlink, jpackage app-image + deb)"
  packaging/build.sh
  done_step
fi
image="$out/eventscope"
deb="$(ls "$out"/eventscope_*_amd64.deb 2>/dev/null | head -1)"
[[ -x "$image/bin/eventscope" ]] || fail "no launcher at $image/bin/eventscope"
[[ -n "$deb" ]] || fail "no .deb in $out"
image_mb=$(du -sm "$image" | cut -f1)
deb_mb=$(( ($(stat -c %s "$deb") + 524287) / 1048576 ))
echo "   app-image $image_mb MB, .deb $deb_mb MB"
# (about 105 MB of runtime and jars, plus about 50 MB of the app's static class-data sharing archive (the JDK classes it
# uses with the app's), which covers the command line and the desktop app's first paint)
(( image_mb < 170 )) || fail "the app-image is $image_mb MB; it must stay under 170 MB"

# --- the .deb's metadata and contents -----------------------------------------------------------------------------
step "inspect $deb"
info="$(dpkg-deb --info "$deb")"
contents="$(dpkg-deb --contents "$deb")"
version="$(python3 -c 'import xml.etree.ElementTree as E; print(E.parse("pom.xml").getroot().find("{http://maven.apache.org/POM/4.0.0}version").text)')"
expect_info() { grep -Eq "$1" <<<"$info" || { echo "$info" >&2; fail "dpkg-deb --info lacks $2"; }; }
expect_file() { grep -Eq "$1" <<<"$contents" || fail "dpkg-deb --contents lacks $2 ($1)"; }
expect_info "^ Package: eventscope$" "the package name"
expect_info "^ Version: ${version//./\\.}(-[0-9]+)?$" "version $version from the pom"
expect_info "^ Maintainer: .+<.+@.+>$" "a maintainer with an email"
expect_info "^ Description: .+" "a description"
expect_info "^ Homepage: .+" "a homepage"
for dependency in libgtk-3-0 libpango-1.0-0 libcairo2 libfontconfig1 libfreetype6 libx11-6 libxtst6 libglib2.0-0 xdg-utils; do
  expect_info "^ Depends:.*(^|[ ,])$dependency([ ,]|$)" "the dependency $dependency"
done
grep -E "^ (Package|Version|Maintainer|Description|Homepage|Depends):" <<<"$info" | sed 's/^/   /'
expect_file '\./opt/eventscope/bin/eventscope$' "the launcher"
expect_file '\./opt/eventscope/lib/eventscope-eventscope\.desktop$' "the desktop entry"
expect_file '\./opt/eventscope/lib/eventscope\.png$' "the menu icon"
expect_file '\./opt/eventscope/lib/app/icons/eventscope\.svg$' "the SVG icon"
expect_file '\./opt/eventscope/lib/app/icons/eventscope-48\.png$' "the 48 px icon"
expect_file '\./opt/eventscope/lib/eventscope-eventscope-MimeInfo\.xml$' "the MIME type"
expect_file '\./opt/eventscope/lib/runtime/lib/libjava\.so$' "the trimmed runtime"
expect_file '\./opt/eventscope/lib/app/native/libsqlitejdbc\.so$' "sqlite-jdbc's library, taken out of its jar at build time"
expect_file '\./opt/eventscope/lib/app/lib/libglassgtk3\.so$' "JavaFX's libraries beside its jars, taken out at build time"
for sample in sample-data/ledgers/*.ledger; do
  expect_file "\./opt/eventscope/lib/app/samples/$(basename "$sample")\$" "the sample $(basename "$sample")"
done
desktop="$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/eventscope/lib/eventscope-eventscope.desktop)"
mime="$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/eventscope/lib/eventscope-eventscope-MimeInfo.xml)"
grep -q '^Exec=/opt/eventscope/bin/eventscope %f$' <<<"$desktop" || fail "the desktop entry does not pass the double-clicked file: $desktop"
grep -q '^MimeType=application/x-eventscope-ledger' <<<"$desktop" || fail "the desktop entry lacks the ledger MIME type"
grep -q '^Icon=' <<<"$desktop" || fail "the desktop entry has no icon"
grep -q 'type="application/x-eventscope-ledger"' <<<"$mime" && grep -q 'pattern="\*\.ledger"' <<<"$mime" || fail "the MIME XML lacks *.ledger: $mime"
if command -v desktop-file-validate >/dev/null; then
  tmp_desktop="$(mktemp --suffix=.desktop)"; echo "$desktop" > "$tmp_desktop"
  desktop-file-validate "$tmp_desktop" || fail "desktop-file-validate rejects the desktop entry"
  rm -f "$tmp_desktop"
fi
done_step

# --- command line and desktop app through one launcher --------------------------------------------------------------
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# checks the launcher $1 ($2 names it in messages); the screenshot goes to $3
check_launcher() {
  local launcher="$1" name="$2" screenshot="$3"
  local home="$work/$name-home"
  mkdir -p "$home"
  export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state"

  step "$name: command line without a display"
  cp sample-data/ledgers/small-business.ledger sample-data/ledgers/tampered.ledger "$work/"
  env -u DISPLAY -u WAYLAND_DISPLAY "$launcher" --version | tee "$work/version.txt"
  grep -q "^eventscope $version" "$work/version.txt" || fail "$name --version did not print $version"
  env -u DISPLAY "$launcher" --help >/dev/null || fail "$name --help failed"
  env -u DISPLAY "$launcher" verify --ledger "$work/small-business.ledger" | tee "$work/verify.txt" \
    || fail "$name verify --ledger small-business.ledger failed"
  grep -q "^intact through position" "$work/verify.txt" || fail "$name verify did not report the sample intact"
  # the class-data sharing archive is used, and covers the desktop app (its training ran under Xvfb); sqlite's native
  # library comes from the app, not from a copy in the temporary folder (a file here, so that a copy would fail)
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info" env -u DISPLAY "$launcher" --version >"$work/classes.txt" 2>/dev/null || true
  grep -q " dev.eventscope.bootstrap.Main source: shared objects file" "$work/classes.txt" || fail "$name did not map its classes from its archive"
  grep -q " picocli.CommandLine source: shared objects file" "$work/classes.txt" || fail "$name's archive lacks picocli's classes"
  JAVA_TOOL_OPTIONS="-XX:+PrintSharedArchiveAndExit -XX:+PrintSharedDictionary" "$launcher" >"$work/archive.txt" 2>&1 || true
  grep -q " dev.eventscope.ui.explorer.ExplorerView " "$work/archive.txt" && grep -q " javafx.scene.control.skin.TableViewSkin " "$work/archive.txt" \
    || fail "$name's class-data sharing archive lacks the desktop app's classes: $(tail -3 "$work/archive.txt")"
  echo "   class-data sharing archive: $(grep -c ' app_loader' "$work/archive.txt") classes of the app, the desktop's among them"
  touch "$work/not-a-folder"
  JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$work/not-a-folder" env -u DISPLAY "$launcher" streams --ledger "$work/small-business.ledger" \
    >/dev/null 2>"$work/streams.err" || fail "$name streams needed the temporary folder: $(cat "$work/streams.err")"
  set +e; env -u DISPLAY "$launcher" verify --ledger "$work/tampered.ledger" >/dev/null 2>&1; local tampered=$?; set -e
  [[ $tampered == 3 ]] || fail "$name verify on tampered.ledger exited with $tampered, not 3 (tampered)"
  echo "   verify on tampered.ledger: exit 3"
  done_step

  step "$name: desktop app under Xvfb, alive 20 s after its window appeared"
  # the window is waited for (up to 180 s: a loaded CI machine starts the JVM slowly), not assumed after a fixed time
  xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    set -u
    "$1" >"$2/app.out" 2>&1 & pid=$!
    waited=0
    until xdotool search --name "^Eventscope$" >/dev/null 2>&1; do
      kill -0 $pid 2>/dev/null || { echo "the app exited before showing its window:"; cat "$2/app.out"; exit 1; }
      [ $waited -lt 180 ] || { echo "no window titled Eventscope after 180 s:"; cat "$2/app.out"; kill $pid; exit 1; }
      sleep 1; waited=$((waited + 1))
    done
    echo "   window after about $waited s"
    sleep 20
    kill -0 $pid 2>/dev/null || { echo "the app exited early:"; cat "$2/app.out"; exit 1; }
    xdotool search --name "^Eventscope$" >/dev/null || { echo "no window titled Eventscope any more:"; cat "$2/app.out"; kill $pid; exit 1; }
    import -window root "$3"
    kill $pid; wait $pid 2>/dev/null; exit 0' check "$launcher" "$work" "$screenshot" || fail "$name: the desktop app did not stay up with a window"
  [[ -s "$screenshot" ]] || fail "$name: no screenshot"
  echo "   screenshot: $screenshot ($(identify -format '%wx%h' "$screenshot" 2>/dev/null || echo ?))"
  [[ -s "$XDG_STATE_HOME/eventscope/logs/eventscope.log" ]] || fail "$name: no log in \$XDG_STATE_HOME/eventscope/logs"
  echo "   log: $(head -1 "$XDG_STATE_HOME/eventscope/logs/eventscope.log")"
  done_step
}

check_launcher "$image/bin/eventscope" app-image "$out/app-image.png"

if (( install )); then
  step "install the .deb on this machine"
  [[ $(id -u) == 0 ]] || fail "--install needs root"
  # dpkg -i also replaces an installed copy of the same version; apt-get -f then pulls missing dependencies
  dpkg -i "$root/$deb" || DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq
  dpkg -s eventscope | grep -q "^Status: install ok installed" || fail "the .deb is not fully installed"
  [[ -x /usr/bin/eventscope ]] || fail "the .deb did not put eventscope on the PATH"
  [[ -f /usr/share/applications/eventscope-eventscope.desktop ]] || fail "no desktop entry in /usr/share/applications"
  [[ -f /usr/share/icons/hicolor/48x48/apps/eventscope.png ]] || fail "no menu icon in the hicolor icon theme"
  grep -q "eventscope-ledger" /usr/share/mime/packages/eventscope-ledger.xml || fail "the ledger MIME type is not installed"
  grep -q "sub-class-of" /usr/share/mime/application/x-eventscope-ledger.xml || fail "update-mime-database did not register the ledger MIME type"
  grep -q "application/x-eventscope-ledger=eventscope-eventscope.desktop" /usr/share/applications/mimeinfo.cache \
    || fail "the desktop database does not associate ledgers with Eventscope"
  if command -v xdg-mime >/dev/null; then
    # (xdg-mime's generic mode asks file(1), which only sniffs content and says application/vnd.sqlite3)
    echo "   xdg-mime query filetype: $(xdg-mime query filetype sample-data/ledgers/small-business.ledger)"
    echo "   xdg-mime query default application/x-eventscope-ledger: $(xdg-mime query default application/x-eventscope-ledger)"
    xdg-mime query default application/x-eventscope-ledger | grep -q eventscope || fail "ledgers are not associated with Eventscope"
  fi
  done_step
  check_launcher /usr/bin/eventscope installed docs/screenshots/installed-app.png
fi

echo
echo "ci-smoke.sh passed in $((SECONDS - started)) s (app-image $image_mb MB, .deb $deb_mb MB)"
