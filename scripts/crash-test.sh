#!/usr/bin/env bash
# The crash test (docs/packaging.md): a running `vigil` ended by SIGSEGV, then by SIGABRT,
# leaves a crash note naming the signal, and the next start offers Safe Mode; a clean exit
# leaves no marker. Usage: scripts/crash-test.sh BUILD_DIR
set -euo pipefail
vigil="$1/bin/vigil"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_STATE_HOME= QT_QPA_PLATFORM=offscreen
state="$home/.local/state/vigil"
fail() { echo "FAIL: $*" >&2; exit 1; }

# A clean start and exit: nothing offered, no marker left.
out=$("$vigil" --screenshot "$home/clean.png" 2>/dev/null)
[[ $out == "start page shown;"* ]] || fail "clean start printed: $out"
[[ -z $(ls -A "$state/running") ]] || fail "a clean exit left a marker: $(ls "$state/running")"

for signal in SEGV ABRT; do
    "$vigil" 2>/dev/null &
    pid=$!
    for _ in $(seq 100); do [[ -e $state/running/$pid.run ]] && break; sleep 0.1; done
    [[ -e $state/running/$pid.run ]] || fail "no marker for the running process $pid"
    sleep 1 # the window up and its event loop running
    kill -"$signal" "$pid"
    status=0
    wait "$pid" || status=$?
    [[ $status -ne 0 ]] || fail "vigil exited 0 after SIG$signal"
    note=$(ls "$state"/logs/*-"$pid".crash.txt 2>/dev/null) || fail "no crash note after SIG$signal"
    grep -q "ended by signal .*(SIG$signal" "$note" || fail "the note does not name SIG$signal: $(head -1 "$note")"
    grep -q "^Backtrace:" "$note" || fail "the note has no backtrace"
    grep -q "fatal: signal" "$state"/logs/*-"$pid".log || fail "the log does not say how the run ended"
    out=$("$vigil" --screenshot "$home/offer-$signal.png" 2>/dev/null)
    [[ $out == "safe mode offered;"* ]] || fail "after SIG$signal the next start printed: $out"
    [[ -z $(ls -A "$state/running") ]] || fail "the marker stayed after the offer"
    echo "SIG$signal: note $(basename "$note"), $(head -1 "$note" | sed 's/.*ended/ended/'), Safe Mode offered"
done
# Reported once: the start after the offer is a normal one.
out=$("$vigil" --screenshot "$home/after.png" 2>/dev/null)
[[ $out == "start page shown;"* ]] || fail "the crash was offered twice: $out"
echo "crash test passed"
