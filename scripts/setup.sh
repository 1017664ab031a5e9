#!/usr/bin/env bash
# Installs every Debian 12 package Vigil needs, configures and builds it in Release, then
# runs its main job once on the reference sample (when ../shared is present).
#   scripts/setup.sh              install, build, demo
#   scripts/setup.sh --build-only install what is missing and build (used by scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libtorch-dev libopenblas0-pthread libdnnl-dev
    libavformat-dev libavcodec-dev libswscale-dev libavutil-dev
    libqcustomplot-dev libsqlite3-dev
    dbus-daemon
    ffmpeg
    xvfb xauth
    # The package and its checks (scripts/install-test.sh): man pages, validators, MIME.
    help2man dpkg-dev fakeroot file lintian desktop-file-utils appstream shared-mime-info libglib2.0-bin
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "== Installing: ${missing[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Debian's LibTorch uses the system BLAS: OpenBLAS is ~50x faster than the reference BLAS.
if ! update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | grep -q '^Value: .*openblas'; then
    echo "warning: the system BLAS is not OpenBLAS; the CLIP encoder will be slow" >&2
fi

if [ ! -f build/CMakeCache.txt ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build --parallel "$(nproc)"

if [ "${1:-}" = "--build-only" ]; then
    exit 0
fi

(cd build && cpack -G DEB >/dev/null)
echo
echo "== Built: build/bin/vigil (desktop app) and build/bin/vigil-cli"
echo "== Package: $(ls -t build/vigil_*_amd64.deb | head -1); install it with"
echo "     sudo apt install ./$(ls -t build/vigil_*_amd64.deb | head -1)"
build/bin/vigil-cli --help
if [ -f ../shared/golden/ucf/last.ckpt ]; then
    echo "== Demo: scoring the reference UCF-Crime sample (1537 frames of features)"
    build/bin/vigil-cli score-features --checkpoint ../shared/golden/ucf/last.ckpt \
        --centroid ../shared/golden/ucf/ncentroid.pt --classes ucf \
        --features ../shared/golden/ucf/video1537_features.npy --out build/demo-scores.csv
    head -3 build/demo-scores.csv
    echo "== Demo: scoring a real video end to end (decode, CLIP features, head)"
    build/bin/vigil-cli score --checkpoint ../shared/golden/ucf/last.ckpt \
        --centroid ../shared/golden/ucf/ncentroid.pt --classes ucf --no-cache \
        --out-dir build/demo ../shared/media/cctv_roadaccident.mp4
fi
