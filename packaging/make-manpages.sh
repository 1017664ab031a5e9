#!/usr/bin/env bash
# Writes vigil.1.gz and vigil-cli.1.gz from the programs' own --help (help2man), each
# command of vigil-cli with its --help in a COMMANDS section, so that the pages cannot drift
# from the programs.   make-manpages.sh BINDIR OUTDIR
set -euo pipefail
bin=$1 out=$2
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
sections=$(mktemp)
trap 'rm -f "$sections"' EXIT
{
    echo "[COMMANDS]"
    for command in score score-features import-features project eval train labels export-clips export-dataset config; do
        echo ".SS $command"
        echo ".nf"
        "$bin/vigil-cli" "$command" --help | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s|$bin/||g"
        echo ".fi"
    done
    echo "[SEE ALSO]"
    echo ".BR vigil (1)"
} >"$sections"
help2man --no-info --section=1 --name="AnomalyCLIP anomaly scores of videos from the command line" \
    --include="$sections" "$bin/vigil-cli" | gzip -9n >"$out/vigil-cli.1.gz"
printf '[SEE ALSO]\n.BR vigil-cli (1)\n' >"$sections"
help2man --no-info --section=1 --name="review surveillance video with AnomalyCLIP anomaly scores" \
    --include="$sections" "$bin/vigil" | gzip -9n >"$out/vigil.1.gz"
