#!/usr/bin/env bash
# The GPU check: builds the LibTorch-only part of Vigil (model library, its tests and
# benchmarks) against the LibTorch of the machine's PyTorch, runs the model tests on CUDA and
# the benchmarks, and prints one table. Made for a bare GPU machine with python3 + PyTorch +
# CUDA and nothing else (no Qt, no FFmpeg), inside 8 minutes; the build is kept in
# build-gpu/ so that a second run in the same lease only runs.
#
#   scripts/gpu-check.sh --pack             here: the reference data in two parts under .gpu-shared/
#   scripts/gpu-check.sh --build-only       on the GPU machine, first call (carry .gpu-shared/part-aa)
#   scripts/gpu-check.sh                    on the GPU machine, second call (carry .gpu-shared/part-ab)
#   scripts/gpu-check.sh --cpu              the same build and checks against Debian's LibTorch 1.13
#                                           on the CPU (CI runs this, so that 1.13 keeps building)
# Options: --build-dir DIR, --shared DIR (the folder with golden/ and clip/; default ../shared,
# or what --pack's parts unpack to), --budget SECONDS (default 480).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

mode=auto
build_only=0
build_dir=""
shared=""
budget=480
while (($#)); do
    case "$1" in
    --pack) mode=pack ;;
    --cpu) mode=cpu ;;
    --build-only) build_only=1 ;;
    --build-dir) build_dir=$2; shift ;;
    --shared) shared=$2; shift ;;
    --budget) budget=$2; shift ;;
    *) echo "gpu-check: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

# The device machine takes at most 64 MiB a call with the working tree, and the reference
# data is 107 MiB: it travels as two parts, one a call, kept there between the calls.
pack_dir=$root/.gpu-shared
if [ "$mode" = pack ]; then
    src=${shared:-$root/../shared}
    [ -d "$src/golden" ] || { echo "gpu-check: no $src/golden" >&2; exit 1; }
    rm -rf "$pack_dir" && mkdir -p "$pack_dir"
    tar -C "$src" -cf - golden clip | split -b 54m - "$pack_dir/part-"
    ls -l "$pack_dir"
    echo "carry .gpu-shared/part-aa with --build-only, then .gpu-shared/part-ab with the run"
    exit 0
fi

start=$SECONDS
# Logs in one folder; on the device machine they also come back packed in $OUT.
log_dir=${GPU_CHECK_LOG:-/tmp/vigil-gpu-check}
mkdir -p "$log_dir" && rm -f "$log_dir"/*.log "$log_dir/notes.txt"
elapsed() { echo $((SECONDS - start)); }
left() { echo $((budget - (SECONDS - start))); }

if [ "$mode" = auto ]; then
    if python3 -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null; then
        mode=cuda
    else
        echo "gpu-check: no PyTorch with a CUDA device here; checking the CPU build with the system's LibTorch (--cpu)"
        mode=cpu
    fi
fi

cmake_args=(-DVIGIL_MODEL_ONLY=ON -DCMAKE_BUILD_TYPE=Release)
if [ "$mode" = cuda ]; then
    build_dir=${build_dir:-$root/build-gpu}
    prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
    cmake_args+=(-DCMAKE_PREFIX_PATH="$prefix" -DVIGIL_ONEDNN=OFF)
    # Torch's CMake files look for CUDA's toolkit (nvcc and its headers).
    if nvcc=$(command -v nvcc); then
        cmake_args+=(-DCUDAToolkit_ROOT="$(dirname "$(dirname "$nvcc")")" -DCMAKE_CUDA_COMPILER="$nvcc")
    fi
    device=cuda
else
    build_dir=${build_dir:-$root/build-model-only}
    device=cpu
fi
generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi

echo "== Vigil GPU check ($mode), build in $build_dir"
if [ "$mode" = cuda ]; then
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | sed 's/^/   gpu: /'
    python3 -c 'import torch; print("   torch", torch.__version__, "CUDA", torch.version.cuda)'
fi

# Configure once; build with every core, going on past a target that fails so that the
# others still run (the table names what did not build).
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    if ! cmake -S "$root" -B "$build_dir" "${generator[@]}" "${cmake_args[@]}" >"$log_dir/configure.log" 2>&1; then
        echo "configure FAILED ($(elapsed) s):"; tail -40 "$log_dir/configure.log"
        rm -f "$build_dir/CMakeCache.txt"
        exit 1
    fi
fi
keep_going=(-k 0)
[ ${#generator[@]} -eq 0 ] && keep_going=(-k)
cmake --build "$build_dir" --parallel "$(nproc)" -- "${keep_going[@]}" >"$log_dir/build.log" 2>&1
build_status=$?
echo "   build: $([ $build_status -eq 0 ] && echo ok || echo "FAILED (errors below)") in $(elapsed) s"
if [ $build_status -ne 0 ]; then grep -E "error|Error" "$log_dir/build.log" | head -30; fi
if [ $build_only -eq 1 ]; then exit $build_status; fi

# The reference data: --shared, the parts --pack made (unpacked once), or ../shared.
if [ -z "$shared" ]; then
    if [ -f "$pack_dir/part-aa" ]; then
        shared=$pack_dir/unpacked
        if [ ! -d "$shared/golden" ]; then
            if [ ! -f "$pack_dir/part-ab" ]; then
                echo "gpu-check: .gpu-shared/part-ab is missing: carry it in this call" >&2; exit 1
            fi
            mkdir -p "$shared" && cat "$pack_dir"/part-* | tar -C "$shared" -xf - || { echo "gpu-check: the parts do not unpack" >&2; exit 1; }
        fi
    else
        shared=$root/../shared
    fi
fi
[ -d "$shared/golden" ] || { echo "gpu-check: no reference data in $shared (scripts/gpu-check.sh --pack)" >&2; exit 1; }
export VIGIL_SHARED_DIR=$shared VIGIL_TEST_DEVICE=$device

bin=$build_dir/tests
failures=0
declare -a table

run_step() { # name seconds command...: runs within the time left, logs, returns its status
    local name=$1 limit=$2; shift 2
    local remaining; remaining=$(left)
    if ((remaining < 20)); then
        table+=("$(printf '%-34s %s' "$name" "not run: the ${budget} s budget is spent")")
        return 99
    fi
    ((limit > remaining)) && limit=$remaining
    timeout "$limit" "$@" >"$log_dir/$name.log" 2>&1
    local status=$?
    ((status == 124)) && echo "(stopped after $limit s)" >>"$log_dir/$name.log"
    return $status
}

# 1. The model tests: the golden comparisons on the device, the rest (CPU) against this LibTorch.
device_tests=(tst_parity tst_trainstep tst_largemodel)
other_tests=(tst_npyarray tst_pickle tst_cliptokenizer tst_checkpointreader tst_clippreprocessor tst_winogradconv
    tst_metrics tst_newclasses tst_cpuruntime tst_int8linear)
[ "$mode" = cpu ] && other_tests=() # the main build's suite runs them on the CPU already
for t in "${device_tests[@]}" "${other_tests[@]}"; do
    where=cpu
    [[ " ${device_tests[*]} " == *" $t "* ]] && where=$device
    if [ ! -x "$bin/model/$t" ]; then
        table+=("$(printf '%-34s %s' "$t ($where)" "NOT BUILT")"); failures=$((failures + 1)); continue
    fi
    run_step "$t" 240 "$bin/model/$t"
    status=$?
    summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log_dir/$t.log" | tail -1)
    ((status != 0)) && failures=$((failures + 1))
    table+=("$(printf '%-34s %s%s' "$t ($where)" "${summary:-no summary}" "$( ((status != 0)) && echo "  FAILED (status $status)")")")
    grep -E '^(FAIL|SKIP)' "$log_dir/$t.log" | head -5 | sed "s/^/      $t: /" >>"$log_dir/notes.txt"
done

# 2. The benchmarks (figures, not pass or fail).
if [ "$mode" = cuda ]; then
    run_step bench_encoder 200 "$bin/bench/bench_encoder" --device cuda --batches 16,32,64,128,256 --frames 1024 --rounds 3
    run_step bench_head 60 "$bin/bench/bench_head" --device cuda --frames 108000 --chunks 16,64,256
    run_step bench_head_fp16 60 "$bin/bench/bench_head" --device cuda --fp16 --frames 108000 --chunks 16,64,256
    run_step bench_train 120 "$bin/bench/bench_train" --device cuda --videos 100 --frames 1000 --epochs 3
else
    run_step bench_encoder 120 "$bin/bench/bench_encoder" --threads "$(nproc)" --batch 8 --frames 8 --rounds 1 --precision fp32
    run_step bench_head 60 "$bin/bench/bench_head" --threads "$(nproc)" --frames 8192 --chunks 8
    run_step bench_train 180 "$bin/bench/bench_train" --threads "$(nproc)" --videos 8 --frames 600 --batch 8 --epochs 1 --validation 2
fi

echo
echo "== Results ($mode, $(elapsed) s; logs in $log_dir)"
echo "-- tests (VIGIL_TEST_DEVICE=$device for the golden comparisons)"
printf '   %s\n' "${table[@]}"
[ -f "$log_dir/notes.txt" ] && cat "$log_dir/notes.txt"
echo "-- image encoder (ViT-B/16)"
if [ "$mode" = cuda ]; then
    grep -E '^(matmul|fp32 |fp16 )' "$log_dir/bench_encoder.log" | sed 's/^/   /'
else
    grep -E '^encoder fp32' "$log_dir/bench_encoder.log" | sed 's/^/   /'
fi
echo "-- head (selector + temporal model)"
for f in "$log_dir"/bench_head*.log; do
    awk '/^device/{d=$0} /^chunk/{c=$2} /^head time/{printf "   %-32s chunk %-4s %s %s %s %s\n", substr(d,17), c, $3, $4, $5, $6} /^copies/{printf "      copies %s %s\n", $2, $3 " " $4 " " $5 " " $6 " " $7} /^gpu memory/{print "      " $0}' "$f"
done
echo "-- training (bench_train: $([ "$mode" = cuda ] && echo "100 videos of 1000 frames an epoch" || echo "a short CPU run"))"
grep -E '^(epoch|steps/s|gpu memory|peak rss)' "$log_dir/bench_train.log" | sed 's/^/   /'
echo
if [ -n "${OUT:-}" ] && [ -d "$OUT" ]; then tar -C "$log_dir" -czf "$OUT/gpu-check-logs.tar.gz" . ; fi
if ((failures)); then
    echo "gpu-check: $failures test program(s) failed or did not build"
    exit 1
fi
echo "gpu-check: every test program passed"
