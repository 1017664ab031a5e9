#!/usr/bin/env bash
# Times the whole scoring process of the Python reference (reference_anomalyclip.py) and of
# `vigil-cli score` in fp32 and int8, interleaved, on one clip, the same threads, a full-size
# ViT-B/16 checkpoint with random weights (make_checkpoint). Prints each run (wall, user and
# system seconds, peak RSS), then the table, then how far Vigil's scores are from the
# reference's. Prints figures; not a test.
#   tests/bench/compare_reference.sh [--rounds N] [--threads N] [--frames N] [VIDEO]
# Default clip: the first 160 frames of ../shared/media/cctv_fighting.mp4 (320x240 H.264),
# cut with the ffmpeg command. Needs python3-torch, python3-torchvision, python3-av.
# The reference runs with OPENBLAS_CORETYPE and ATEN_CPU_CAPABILITY set to the processor's
# widest kernels (what Vigil selects itself), so both sides use the same kernels at their best.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin="$root/build/bin"
bench="$root/build/tests/bench"
rounds=3 threads=2 frames=160 video=""
while (($#)); do
    case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --frames) frames=$2; shift 2 ;;
    *) video=$1; shift ;;
    esac
done
work=$(mktemp -d /tmp/vigil-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ -z "$video" ]; then
    video="$work/clip.mp4"
    ffmpeg -v error -i "$root/../shared/media/cctv_fighting.mp4" -frames:v "$frames" -an \
        -c:v libx264 -crf 23 -pix_fmt yuv420p "$video"
fi
# The baseline must compute what the golden reference computed before it is timed.
/usr/bin/python3 "$root/tests/bench/reference_anomalyclip.py" --check "$root/../shared/golden/ucf" --normal-id 7 >"$work/check" || {
    cat "$work/check" >&2
    echo "reference_anomalyclip.py differs from ../shared/golden/ucf: not timing it" >&2
    exit 1
}
echo "reference checked against ../shared/golden/ucf: $(grep -c ' ok$' "$work/check") comparisons within tolerance"
"$bench/make_checkpoint" "$work/model" >/dev/null
coretype="" aten=""
if grep -qw avx512f /proc/cpuinfo && grep -qw avx512bw /proc/cpuinfo && grep -qw avx512vl /proc/cpuinfo &&
    grep -qw avx512dq /proc/cpuinfo; then
    coretype=SkylakeX aten=avx512
elif grep -qw avx2 /proc/cpuinfo; then coretype=Haswell aten=avx2; fi

# run NAME COMMAND...: one timed run, appended to $work/runs as "name wall user sys rss_kb".
run() {
    local name=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/$name.out" 2>"$work/$name.err" || {
        echo "$name failed:" >&2
        tail -5 "$work/$name.err" >&2
        exit 1
    }
    read -r wall user sys rss <"$work/time"
    echo "$name $wall $user $sys $rss" >>"$work/runs"
    printf '%-10s %7.2f s wall  %7.2f s user  %6.2f s system  %5.0f MiB peak\n' "$name" "$wall" "$user" "$sys" "$((rss / 1024))"
}

echo "clip: $video ($(ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets,width,height \
    -of csv=p=0 "$video")), $threads threads, $rounds rounds"
"$bin/vigil-cli" score --checkpoint "$work/model/last.ckpt" --centroid "$work/model/ncentroid.pt" --classes ucf \
    --no-cache --threads "$threads" --timings --out-dir "$work/warm" "$video" >/dev/null 2>"$work/kernels" || true
grep -i "blas" "$work/kernels" | head -1 || true
# The order rotates from round to round, so that no side always runs after the same one.
run_one() {
    case "$1" in
    python)
        run python env OPENBLAS_CORETYPE="$coretype" ATEN_CPU_CAPABILITY="$aten" /usr/bin/python3 "$root/tests/bench/reference_anomalyclip.py" \
            --checkpoint "$work/model/last.ckpt" --centroid "$work/model/ncentroid.pt" --normal-id 7 \
            --threads "$threads" --batch 32 --out "$work/python.csv" --features-out "$work/python.npy" "$video" ;;
    fp32 | int8)
        local extra=()
        [ "$1" = int8 ] && extra=(--int8)
        run "$1" "$bin/vigil-cli" score --checkpoint "$work/model/last.ckpt" --centroid "$work/model/ncentroid.pt" \
            --classes ucf --no-cache --threads "$threads" "${extra[@]}" --timings --out-dir "$work/$1" "$video" ;;
    esac
}
sides=(python fp32 int8)
for ((r = 0; r < rounds; ++r)); do
    for ((i = 0; i < 3; ++i)); do run_one "${sides[(r + i) % 3]}"; done
done
echo
# Two speed-ups: the ratio of the medians, and the median of each round's own ratio (the
# three runs of a round follow each other, so a machine whose speed drifts over the run
# moves both sides of a round's ratio alike, and its medians apart).
echo "| | whole process (s) | user (s) | system (s) | peak RSS (MiB) | speed-up (medians) | per round | speed-up (median round) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
awk '
    { n[$1]++; w[$1, n[$1]] = $2; u[$1, n[$1]] = $3; s[$1, n[$1]] = $4; m[$1, n[$1]] = $5 }
    function median(a, k, c,   i, j, t, v) {
        for (i = 1; i <= c; ++i) v[i] = a[k, i]
        for (i = 1; i <= c; ++i) for (j = i + 1; j <= c; ++j) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
        return c % 2 ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2
    }
    function range(a, k, c, scale,   i, lo, hi) {
        lo = hi = a[k, 1]
        for (i = 2; i <= c; ++i) { if (a[k, i] < lo) lo = a[k, i]; if (a[k, i] > hi) hi = a[k, i] }
        return sprintf("%.1f-%.1f", lo / scale, hi / scale)
    }
    END {
        base = median(w, "python", n["python"])
        split("python fp32 int8", order, " ")
        label["python"] = "Python reference"; label["fp32"] = "vigil-cli score fp32"; label["int8"] = "vigil-cli score --int8"
        for (i = 1; i <= 3; ++i) {
            k = order[i]; c = n[k]; rounds = ""
            for (j = 1; j <= c; ++j) {
                ratio[k, j] = w["python", j] / w[k, j]
                rounds = rounds (j > 1 ? ", " : "") sprintf("%.2f", ratio[k, j])
            }
            printf "| %s | %s (median %.1f) | %s | %s | %s | %.2fx | %s | %.2fx |\n", label[k], range(w, k, c, 1),
                median(w, k, c), range(u, k, c, 1), range(s, k, c, 1), range(m, k, c, 1024), base / median(w, k, c),
                rounds, median(ratio, k, c)
        }
    }' "$work/runs"

echo
echo "python reference stages (last run):"
sed 's/^/  /' "$work/python.err"
echo "vigil-cli fp32 --timings (last run):"
sed 's/^/  /' "$work/fp32.err" | grep -v '^\s*$' | tail -20
stem=$(basename "${video%.*}")
/usr/bin/python3 - "$work" "$stem" <<'EOF'
import sys
import numpy as np
work, stem = sys.argv[1], sys.argv[2]
reference = np.loadtxt(f"{work}/python.csv", delimiter=",")[:, 1:]
reference_features = np.load(f"{work}/python.npy")
for name in ("fp32", "int8"):
    mine = np.loadtxt(f"{work}/{name}/{stem}.scores.csv", delimiter=",", skiprows=1)[:, 1:]
    features = np.load(f"{work}/{name}/{stem}.features.npy")
    if mine.shape != reference.shape or features.shape != reference_features.shape:
        print(f"vigil {name}: {mine.shape} outputs and {features.shape} features, the reference {reference.shape} and {reference_features.shape}")
        continue
    cosine = (features * reference_features).sum(1) / np.linalg.norm(features, axis=1) / np.linalg.norm(reference_features, axis=1)
    print(f"vigil {name} vs the reference over {len(mine)} frames: features max |diff| {np.abs(features - reference_features).max():.2e} "
          f"(largest |feature| {np.abs(reference_features).max():.2f}, cosine min {cosine.min():.6f}), "
          f"scores max |diff| {np.abs(mine[:, 0] - reference[:, 0]).max():.2e}, p(c) max |diff| {np.abs(mine[:, 1:] - reference[:, 1:]).max():.2e}")
EOF
