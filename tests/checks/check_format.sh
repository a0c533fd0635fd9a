#!/usr/bin/env bash
# Every C++ source follows the root .clang-format.
set -euo pipefail
cd "$1"
mapfile -t files < <(git ls-files -co --exclude-standard -- 'app/*.cpp' 'app/*.h' 'ui/*.cpp' 'ui/*.h' 'tests/*.cpp' 'tests/*.h' | while read -r f; do [[ -f $f ]] && echo "$f"; done)
((${#files[@]})) || { echo "no sources found"; exit 1; }
clang-format --dry-run -Werror "${files[@]}"
echo "${#files[@]} files follow .clang-format"
