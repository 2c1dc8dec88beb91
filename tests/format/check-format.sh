#!/usr/bin/env bash
# The `format` test: every C++ file of the tree is as .clang-format (Debian's clang-format-14)
# writes it. Fix with:  git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format-14 -i
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
formatter=${SBOR_CLANG_FORMAT:-clang-format-14}
command -v "$formatter" >/dev/null || { echo "$formatter is not installed (installers/install-dependencies.sh installs it)" >&2; exit 1; }
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -d '' files < <(git ls-files -z '*.cpp' '*.h')
else
    mapfile -d '' files < <(find clients server shared tests -name '*.cpp' -print0 -o -name '*.h' -print0)
fi
((${#files[@]} > 100)) || { echo "found only ${#files[@]} C++ files: is this the source tree?" >&2; exit 1; }
unformatted=()
for file in "${files[@]}"; do
    "$formatter" --style=file --dry-run --Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done
if ((${#unformatted[@]})); then
    echo "${#unformatted[@]} of ${#files[@]} files differ from .clang-format:" >&2
    printf '  %s\n' "${unformatted[@]}" >&2
    echo "fix: git ls-files -z '*.cpp' '*.h' | xargs -0 $formatter -i" >&2
    exit 1
fi
echo "${#files[@]} files formatted as .clang-format says"
