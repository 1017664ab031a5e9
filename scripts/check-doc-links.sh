#!/usr/bin/env bash
# Every relative link between the README and docs/ resolves (to a file, and to a heading
# when it names one), and every page in docs/ is reachable from the README.
#   scripts/check-doc-links.sh [SOURCE_DIR]
set -uo pipefail
cd "${1:-$(dirname "$0")/..}"
failures=0
anchor() { # GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes
    tr 'A-Z' 'a-z' | sed -e 's/[^a-z0-9 _-]//g' -e 's/ /-/g'
}
for page in README.md docs/*.md; do
    dir=$(dirname "$page")
    # [text](target) outside code spans; web and mail links are not checked here.
    while IFS= read -r target; do
        [[ $target =~ ^(https?|mailto): ]] && continue
        file=${target%%#*}
        fragment=${target#"$file"}
        fragment=${fragment#\#}
        path=$dir/$file
        [[ -z $file ]] && path=$page
        if [[ ! -e $path ]]; then
            echo "$page: broken link to $target"
            failures=$((failures + 1))
        elif [[ -n $fragment ]] && ! grep -E '^#+ ' "$path" | sed -E 's/^#+ //' | anchor | grep -qxF "$fragment"; then
            echo "$page: no heading '#$fragment' in $path"
            failures=$((failures + 1))
        fi
    done < <(sed -e 's/`[^`]*`//g' "$page" | grep -oE '\]\([^) ]+\)' | sed -E 's/^\]\((.*)\)$/\1/')
done
# Reachable: linked from the README, or from a page the README links.
linked=$(cat README.md docs/*.md | grep -oE '\]\((docs/)?[A-Za-z0-9_.-]+\.md' | sed -E 's/^\]\((docs\/)?//' | sort -u)
for page in docs/*.md; do
    grep -qxF "$(basename "$page")" <<<"$linked" || { echo "$page: no page links to it"; failures=$((failures + 1)); }
done
lines=$(wc -l <README.md)
((lines <= 150)) || { echo "README.md: $lines lines, more than 150"; failures=$((failures + 1)); }
if ((failures)); then
    echo "doc links: $failures problem(s)"
    exit 1
fi
echo "doc links: README.md ($lines lines) and $(ls docs/*.md | wc -l) pages in docs/, every link resolves"
