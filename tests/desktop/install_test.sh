#!/usr/bin/env bash
# Installs the build into a temporary prefix and runs the installed program from there:
#   install_test.sh BUILD_DIR SOURCE_DIR
# Checks the exact list of installed files, the man page, --help, an import and a PNG
# export by the installed program, and that the MIME types compile.
set -euo pipefail
build=$1
source=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null

id=org.chiptimeline.ChipTimeline
expected="bin/chiptimeline
share/applications/$id.desktop
share/doc/chiptimeline/changelog.gz
share/doc/chiptimeline/copyright"
for size in 128 16 22 24 256 32 48 512 64; do
  expected+=$'\n'"share/icons/hicolor/${size}x${size}/apps/$id.png"
done
expected+="
share/icons/hicolor/scalable/apps/$id.svg
share/man/man1/chiptimeline.1.gz
share/metainfo/$id.metainfo.xml
share/mime/packages/$id.xml"
actual=$(cd "$prefix" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
expected=$(echo "$expected" | LC_ALL=C sort)
[ "$actual" = "$expected" ] || fail "installed files differ:"$'\n'"$(diff <(echo "$expected") <(echo "$actual"))"

# Every PNG is the size its folder names.
for png in "$prefix"/share/icons/hicolor/*x*/apps/$id.png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')
  [ "$dims" = "$size" ] || fail "$png is $dims, not $size"
done

# The man page renders without warnings and names every option --help knows. The texts are
# given to grep and head as here-strings, never through "echo |": under pipefail, a grep -q
# that stops at its first match makes echo's next write fail with SIGPIPE (exit 141), which
# failed this test at random in CI.
man_text=$(zcat "$prefix/share/man/man1/chiptimeline.1.gz")
[ "$(head -1 <<<"$man_text")" = '.TH CHIPTIMELINE 1 "" "ChipTimeline 0.1.0" "User Commands"' ] ||
  fail "man page header: $(head -1 <<<"$man_text")"
warnings=$(echo "$man_text" | groff -man -ww -z -Tutf8 2>&1) || fail "groff failed: $warnings"
[ -z "$warnings" ] || fail "man page warnings: $warnings"
for option in db json from to category actor chip status query out format policy dry-run help \
  size scale title subtitle theme lanes dpi notes no-notes date-labels no-footer; do
  escaped=${option//-/'\\-'}
  grep -q -- "\\\\fB\\\\-\\\\-$escaped\\\\fR" <<<"$man_text" || fail "man page lacks --$option"
done

# The MIME types compile into a database that knows both globs.
mkdir -p "$tmp/mime"
cp -r "$prefix/share/mime/packages" "$tmp/mime/"
update-mime-database "$tmp/mime" >/dev/null 2>&1 || fail "update-mime-database failed"
grep -qx 'application/x-chiptimeline+json:\*\.chiptimeline\.json' "$tmp/mime/globs" ||
  fail "no *.chiptimeline.json glob"
grep -qx 'application/x-chiptimeline-sqlite:\*\.chiptimeline\.sqlite' "$tmp/mime/globs" ||
  fail "no *.chiptimeline.sqlite glob"

# Every screenshot the metainfo shows is one of docs/screenshots/.
shots=$(grep -o '<image>[^<]*</image>' "$prefix/share/metainfo/$id.metainfo.xml" | sed 's|<image>.*/docs/screenshots/||; s|</image>||')
[ "$(echo "$shots" | wc -l)" = 3 ] || fail "metainfo screenshots: $shots"
for shot in $shots; do
  [ -f "$source/docs/screenshots/$shot" ] || fail "metainfo names docs/screenshots/$shot, which does not exist"
done

# The installed program, with a home of its own so nothing of the user's is touched.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
program="$prefix/bin/chiptimeline"
help=$("$program" --help)
[ "$(head -1 <<<"$help")" = "Usage:" ] || fail "--help starts with: $(head -1 <<<"$help")"
grep -q '^  chiptimeline \[--db PATH\] export --out FILE' <<<"$help" || fail "--help names no export"

db="$tmp/small.chiptimeline.sqlite"
"$program" --db "$db" import "$source/tests/data/interchange/events.csv" >/dev/null
count=$("$program" --db "$db" list | tail -1)
[ "$count" = "3 events" ] || fail "list after import: $count"
"$program" --db "$db" export --out "$tmp/figure.png" --size 800x400 --scale 1 >/dev/null
[ "$(od -An -tx1 -N8 "$tmp/figure.png" | tr -d ' ')" = "89504e470d0a1a0a" ] || fail "not a PNG"
dims=$(od -An -tu1 -j16 -N8 "$tmp/figure.png" | awk '{print $3*256+$4 "x" $7*256+$8}')
[ "$dims" = "800x400" ] || fail "figure is $dims, not 800x400"
echo "installed: $(echo "$actual" | wc -l) files; export: $dims"
