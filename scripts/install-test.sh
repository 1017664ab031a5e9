#!/usr/bin/env bash
# The install test: build the Debian package from a configured and built tree, check what it
# holds, run the validators, install it (dpkg -i as root, as CI runs; otherwise unpacked
# into a temporary root), use the installed programs as a new user would (empty working
# folder, empty HOME), remove it and check that nothing it installed is left.
#   scripts/install-test.sh BUILD_DIR [SHARED_DIR]
# Exit 0: passed; 1: failed; 77: skipped (a tool it needs is missing, said on stderr).
set -uo pipefail
build=$(realpath "$1")
shared=$(realpath "${2:-$(dirname "$0")/../../shared}")
source_dir=$(realpath "$(dirname "$0")/..")
work=$(mktemp -d /tmp/vigil-install-test.XXXXXX)
failures=0
installed_with_dpkg=0

say() { printf '%s\n' "$*"; }
fail() { say "FAIL: $*"; failures=$((failures + 1)); }
pass() { say "ok: $*"; }
cleanup() {
    if ((installed_with_dpkg)) && dpkg -s vigil >/dev/null 2>&1; then
        dpkg -P vigil >/dev/null 2>&1
    fi
    rm -rf "$work"
}
trap cleanup EXIT

for tool in cpack dpkg-deb desktop-file-validate appstreamcli lintian update-mime-database gio; do
    if ! command -v "$tool" >/dev/null; then
        say "SKIP: $tool is not installed (scripts/setup.sh installs it)" >&2
        exit 77
    fi
done

# 1. The package.
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log"; fail "cpack -G DEB"; exit 1; }
deb=$(ls "$work"/pkg/vigil_*_amd64.deb 2>/dev/null | head -1)
[[ -f $deb ]] || { fail "no vigil_<version>_amd64.deb in $work/pkg"; exit 1; }
version=$(dpkg-deb -f "$deb" Version)
say "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB), version $version"
[[ $(basename "$deb") == "vigil_${version}_amd64.deb" ]] && pass "file name vigil_<version>_amd64.deb" || fail "file name $(basename "$deb")"

# 2. What it holds.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$' | sort >"$work/contents"
expected=(
    /usr/bin/vigil /usr/bin/vigil-cli
    /usr/share/applications/io.github.vigil.Vigil.desktop
    /usr/share/metainfo/io.github.vigil.Vigil.metainfo.xml
    /usr/share/mime/packages/io.github.vigil.Vigil.xml
    /usr/share/icons/hicolor/scalable/apps/io.github.vigil.Vigil.svg
    /usr/share/icons/hicolor/scalable/mimetypes/application-x-vigil-project.svg
    /usr/share/man/man1/vigil.1.gz /usr/share/man/man1/vigil-cli.1.gz
    /usr/share/bash-completion/completions/vigil-cli
    /usr/share/doc/vigil/copyright /usr/share/doc/vigil/changelog.gz
)
for size in 16 24 32 48 64 128 256 512; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/io.github.vigil.Vigil.png")
done
missing=0
for path in "${expected[@]}"; do
    grep -qxF "$path" "$work/contents" || { fail "the package lacks $path"; missing=1; }
done
((missing)) || pass "the package holds all ${#expected[@]} expected files"
depends=$(dpkg-deb -f "$deb" Depends)
for dependency in libqt6widgets6 libqt6sql6-sqlite libavcodec59 libtorch1.13 libqcustomplot2.1-qt6; do
    [[ $depends == *"$dependency"* ]] || fail "Depends lacks $dependency: $depends"
done
pass "Depends (shlibdeps): $depends"

# 3. The validators.
mkdir -p "$work/unpacked"
dpkg-deb -x "$deb" "$work/unpacked"
desktop-file-validate "$work/unpacked/usr/share/applications/io.github.vigil.Vigil.desktop" >"$work/desktop.log" 2>&1 &&
    pass "desktop-file-validate" || { cat "$work/desktop.log"; fail "desktop-file-validate"; }
appstreamcli validate --no-net "$work/unpacked/usr/share/metainfo/io.github.vigil.Vigil.metainfo.xml" >"$work/appstream.log" 2>&1 &&
    pass "appstreamcli validate --no-net: $(tail -1 "$work/appstream.log")" || { cat "$work/appstream.log"; fail "appstreamcli validate"; }
grep -q "<release version=\"$version\"" "$work/unpacked/usr/share/metainfo/io.github.vigil.Vigil.metainfo.xml" &&
    pass "metainfo has a release entry for $version" || fail "metainfo has no release $version"
lintian --allow-root --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1
if grep -q '^E:' "$work/lintian.log"; then
    cat "$work/lintian.log"
    fail "lintian reports errors"
else
    pass "lintian: no error ($(grep -c '^W:' "$work/lintian.log") warnings)"
    grep '^W:' "$work/lintian.log" | sed 's/^/    /'
fi

# 4. Install.
if [[ $(id -u) == 0 ]] && command -v dpkg >/dev/null; then
    if dpkg -s vigil >/dev/null 2>&1; then
        say "SKIP: a vigil package is installed on this machine already; the test would replace and remove it" >&2
        exit 77
    fi
    if dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then
        installed_with_dpkg=1
        root=/
        pass "dpkg -i"
    else
        cat "$work/dpkg.log"
        fail "dpkg -i (its dependencies: $depends)"
        exit 1
    fi
else
    root=$work/unpacked
    say "not root: running from the unpacked package in $root"
fi
bin=${root%/}/usr/bin
share=${root%/}/usr/share

# 5. Use it as a new user: empty working folder, empty HOME.
user=$work/user
mkdir -p "$user/home" "$user/cwd"
run() { (cd "$user/cwd" && env -i PATH=/usr/bin:/bin HOME="$user/home" QT_QPA_PLATFORM=offscreen \
    XDG_RUNTIME_DIR="$user/home/.run" LANG=C.UTF-8 "$@"); }
mkdir -m 700 -p "$user/home/.run"
out=$(run "$bin/vigil-cli" --version) && [[ $out == "vigil-cli $version" ]] &&
    pass "vigil-cli --version: $out" || fail "vigil-cli --version gave '$out', the package $version"
out=$(run "$bin/vigil" --version 2>&1) && [[ $out == "Vigil $version" ]] &&
    pass "vigil --version: $out" || fail "vigil --version gave '$out'"

start=$(date +%s%N)
if run "$bin/vigil-cli" score --checkpoint "$shared/golden/ucf/last.ckpt" --centroid "$shared/golden/ucf/ncentroid.pt" \
    --classes ucf --threads 2 --out-dir sample "$shared/media/cctv_roadaccident.mp4" >"$work/score.log" 2>&1; then
    csv=$user/cwd/sample/cctv_roadaccident.scores.csv
    rows=$(($(wc -l <"$csv") - 1))
    [[ $rows -gt 0 ]] && pass "vigil-cli score: $rows frames scored in $((($(date +%s%N) - start) / 1000000)) ms" ||
        fail "vigil-cli score wrote no rows"
else
    cat "$work/score.log"
    fail "vigil-cli score of a sample video"
fi

out=$(run "$bin/vigil" --screenshot "$user/start.png" --size 1366x768 2>"$work/vigil.log")
[[ $out == "start page shown;"* && -s $user/start.png ]] && pass "vigil on an empty profile: $out" ||
    { cat "$work/vigil.log"; fail "vigil on an empty profile said '$out'"; }
[[ -n ${VIGIL_INSTALL_SCREENSHOT:-} ]] && cp "$user/start.png" "$VIGIL_INSTALL_SCREENSHOT"

zcat "$share/man/man1/vigil-cli.1.gz" | grep -q '^\.SS score$' && zcat "$share/man/man1/vigil-cli.1.gz" | grep -q -- 'checkpoint' &&
    pass "vigil-cli(1) holds each command's --help" || fail "vigil-cli(1) lacks the commands' help"
completion=$(env -i PATH="$bin:/usr/bin:/bin" bash -c "source '$share/bash-completion/completions/vigil-cli'
    COMP_WORDS=(vigil-cli sc); COMP_CWORD=1; _vigil_cli; echo \${COMPREPLY[*]}
    COMP_WORDS=(vigil-cli score --chec); COMP_CWORD=2; _vigil_cli; echo \${COMPREPLY[*]}")
[[ $completion == $'score score-features\n--checkpoint' ]] && pass "bash completion: commands and options" ||
    fail "bash completion gave: $completion"

# The MIME type: a project is a Vigil project by its name and, renamed, by its content.
mime=$share/mime
((installed_with_dpkg)) || update-mime-database "$mime" >/dev/null 2>&1
run "$bin/vigil-cli" project create --project probe.vigil >/dev/null 2>&1 || fail "vigil-cli project create"
cp "$user/cwd/probe.vigil" "$user/cwd/renamed.db"
for file in probe.vigil renamed.db; do
    type=$(env XDG_DATA_DIRS="$share:/usr/share" XDG_DATA_HOME="$user/home/.local/share" gio info -a standard::content-type "$user/cwd/$file" 2>/dev/null |
        sed -n 's/.*standard::content-type: //p')
    [[ $type == application/x-vigil-project ]] && pass "MIME type of $file: $type" || fail "MIME type of $file: '$type'"
done

# 6. Remove it: nothing it installed is left.
if ((installed_with_dpkg)); then
    dpkg -P vigil >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "dpkg -P vigil"; }
    left=0
    while read -r path; do
        [[ -e $path ]] && { fail "left after removal: $path"; left=1; }
    done <"$work/contents"
    ((left)) || pass "dpkg -P: none of the $(wc -l <"$work/contents") installed files is left"
    [[ -e /usr/share/mime/application/x-vigil-project.xml ]] && fail "the MIME database still knows application/x-vigil-project" ||
        pass "the MIME database forgot application/x-vigil-project"
fi

if ((failures)); then
    say "install test: $failures failure(s)"
    exit 1
fi
say "install test: passed"
