#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (pickle, .npy) in build-fuzz/, seeded from ../shared/golden.
#   scripts/fuzz.sh            120 s per fuzzer
#   scripts/fuzz.sh 600        10 min per fuzzer
# Exits non-zero on a finding (a crash, a sanitizer report, a leak, a hang or an exception
# other than vigil::Error).
# Findings are written to build-fuzz/artifacts-<name>/; replay one with
#   build-fuzz/tests/fuzz/fuzz_<name> build-fuzz/artifacts-<name>/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-120}
shared=${VIGIL_SHARED_DIR:-../shared}
build=build-fuzz

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

# clang and its libFuzzer runtime (Debian ships the runtime apart from the compiler).
if ! command -v clang++ >/dev/null; then
    echo "== Installing clang"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends clang
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '#include <cstddef>\n#include <cstdint>\nextern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }\n' \
    >"$probe/probe.cpp"
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe/probe.cpp" -o "$probe/probe" 2>/dev/null; then
    major=$(clang++ -dumpversion | cut -d. -f1)
    echo "== Installing libclang-rt-$major-dev (the libFuzzer runtime)"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "libclang-rt-$major-dev"
    clang++ -fsanitize=fuzzer,address,undefined "$probe/probe.cpp" -o "$probe/probe"
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DVIGIL_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug
fi
cmake --build "$build" --parallel "$(nproc)"

# Seeds live in the build folder only, never in the source tree.
mkdir -p "$build/corpus-pickle" "$build/corpus-npy" "$build/artifacts-pickle" "$build/artifacts-npy"
python3 - "$shared" "$build" <<'EOF'
import glob, os, pickle, struct, sys, zipfile
shared, build = sys.argv[1], sys.argv[2]
out_pkl, out_npy = os.path.join(build, "corpus-pickle"), os.path.join(build, "corpus-npy")

# Every data.pkl of the golden checkpoints (torch.save zip archives).
archives = sorted(glob.glob(os.path.join(shared, "golden/*/*.ckpt")) + glob.glob(os.path.join(shared, "golden/*/*.pt")))
for path in archives:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith("/data.pkl") or name == "data.pkl":
                tag = os.path.basename(os.path.dirname(path)) + "-" + os.path.basename(path)
                with open(os.path.join(out_pkl, tag + ".pkl"), "wb") as f:
                    f.write(z.read(name))

# Plain data at every protocol, so the text and framed opcodes have seeds too.
sample = {"a": [1, -2, 3.5, None, True, False], "b": ("x", b"\x00\x01", 2**40, -(2**40)), "c": {"d": [[]]}}
shared_list = [1, 2]
sample["e"] = (shared_list, shared_list)
for protocol in range(0, 5):
    with open(os.path.join(out_pkl, "plain-p%d.pkl" % protocol), "wb") as f:
        f.write(pickle.dumps(sample, protocol=protocol))

# Small golden arrays, plus hand-built variants the goldens lack.
for path in sorted(glob.glob(os.path.join(shared, "golden/*/*.npy"))):
    if os.path.getsize(path) <= 16384:
        tag = os.path.basename(os.path.dirname(path)) + "-" + os.path.basename(path)
        with open(path, "rb") as src, open(os.path.join(out_npy, tag), "wb") as dst:
            dst.write(src.read())

def npy(descr, shape, data, fortran=False, major=1):
    header = "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }" % (descr, fortran, shape)
    prefix = 10 if major == 1 else 12
    header += " " * ((64 - (prefix + len(header) + 1) % 64) % 64) + "\n"
    length = struct.pack("<H", len(header)) if major == 1 else struct.pack("<I", len(header))
    return b"\x93NUMPY" + bytes([major, 0]) + length + header.encode("latin1") + data

seeds = {
    "be-f4.npy": npy(">f4", "(2, 3)", struct.pack(">6f", 1, 2, 3, 4, 5, 6)),
    "fortran-i2.npy": npy("<i2", "(2, 3, 2)", struct.pack("<12h", *range(12)), fortran=True),
    "v2-f8.npy": npy("<f8", "(3,)", struct.pack("<3d", 0.5, -1e300, 7), major=2),
    "f2.npy": npy("<f2", "(4,)", struct.pack("<4H", 0x0001, 0x7C00, 0xFC00, 0x3C00)),
    "scalar-b1.npy": npy("|b1", "()", b"\x01"),
    "empty-u8.npy": npy("<u8", "(0, 5)", b""),
}
for name, data in seeds.items():
    with open(os.path.join(out_npy, name), "wb") as f:
        f.write(data)
EOF

status=0
for name in pickle npy; do
    echo "== Fuzzing $name for ${duration}s"
    if ! "$build/tests/fuzz/fuzz_$name" "$build/corpus-$name" -max_total_time="$duration" -max_len=65536 \
        -rss_limit_mb=2048 -detect_leaks=1 -timeout=30 -print_final_stats=1 \
        -artifact_prefix="$build/artifacts-$name/"; then
        echo "!! fuzz_$name found a problem: see $build/artifacts-$name/" >&2
        status=1
    fi
done
exit $status
