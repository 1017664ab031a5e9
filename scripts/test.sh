#!/usr/bin/env bash
# Builds Vigil if needed (installing missing packages) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --build-only
export QT_QPA_PLATFORM=offscreen
cd build
ctest --output-on-failure --timeout 1200 "$@"
