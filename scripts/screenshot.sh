#!/usr/bin/env bash
# Makes docs/vigil.png, the README's picture: the real window, offscreen, as the GUI test
# drives it (two sample videos scored with the reference checkpoint, one open).
#   scripts/screenshot.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT
QT_QPA_PLATFORM=offscreen VIGIL_SCREENSHOT_DIR=$shots "$build/tests/ui/tst_mainwindow" analystScoresAVideoAndNavigatesIt >/dev/null
cp "$shots/mainwindow-scored.png" docs/vigil.png
echo "docs/vigil.png: $(file -b docs/vigil.png)"
