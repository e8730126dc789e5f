#!/usr/bin/env bash
# scripts/check_layers.sh - enforce the layer rules of DESIGN.md on #include lines.
#
#   grammar/  may include grammar/* (and the lemon header it generates) + system headers
#   gc/       may include gc/*; gc/gcmodule.c may also include runtime/runtime.h
#   runtime/  may include runtime/* and gc/gc.h
#   vm/       may include vm/*, grammar/grammar.h, gc/gc.h, runtime/runtime.h
#   tests/    may include anything (not checked)
# Across folders only the public header (grammar/grammar.h, gc/gc.h,
# runtime/runtime.h, vm/vm.h) may be named.  Includes are written from the repo
# root ("runtime/listobject.h"); a bare "x.h" naming a file beside the includer
# is reported too.  Generated C (re2c, lemon) lives in build/ and must be
# neither tracked by git nor lying in a source folder.
#
# Prints every offence as file:line: reason, exits 1 if there is any.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

folders=(grammar gc runtime vm)
bad=0
report() { echo "$1: $2"; bad=1; }

# allowed FROMFOLDER FROMFILE INCLUDED -> 0 if the include is fine
allowed() {
    local from=$1 file=$2 inc=$3 to
    to=${inc%%/*}
    if [ "$to" = "$from" ]; then
        return 0
    fi
    case "$from:$inc" in
        runtime:gc/gc.h) return 0 ;;
        vm:grammar/grammar.h | vm:gc/gc.h | vm:runtime/runtime.h) return 0 ;;
    esac
    if [ "$file" = gc/gcmodule.c ] && [ "$inc" = runtime/runtime.h ]; then
        return 0
    fi
    return 1
}

why() {
    local inc=$1 to=${1%%/*}
    case "$inc" in
        grammar/grammar.h | gc/gc.h | runtime/runtime.h | vm/vm.h)
            echo "$2/ must not depend on $to/ (layers: grammar -> gc -> runtime -> vm)" ;;
        *)
            echo "'$inc' is private to $to/; across folders include only $to/$to.h" ;;
    esac
}

for folder in "${folders[@]}"; do
    [ -d "$folder" ] || continue
    while IFS= read -r -d '' file; do
        # lines like:  #include "x/y.h"   # include <x/y.h>
        while IFS= read -r hit; do
            line=${hit%%:*}
            text=${hit#*:}
            if [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*([\"\<])([^\">]+)[\"\>] ]]; then
                kind=${BASH_REMATCH[1]}
                inc=${BASH_REMATCH[2]}
            else
                continue
            fi
            top=${inc%%/*}
            ours=0
            for f in "${folders[@]}"; do [ "$top" = "$f" ] && [ "$inc" != "$top" ] && ours=1; done
            if [ "$kind" = "<" ]; then
                # A system header is fine; one of ours in <> is checked like "".
                [ "$ours" = 1 ] || continue
            fi
            if [ "$ours" = 1 ]; then
                allowed "$folder" "$file" "$inc" || report "$file:$line" "$(why "$inc" "$folder")"
            elif [[ $inc == build/* ]]; then
                [ "$folder" = grammar ] ||
                    report "$file:$line" "generated header '$inc' is private to grammar/"
            elif [[ $inc != */* ]]; then
                # A bare name: either a file beside the includer (write it from
                # the repo root) or a generated header found through -Ibuild/gen.
                # .re/.y sources are compiled from build/gen, so their bare
                # includes are the generated ones.
                if [ "$folder" = grammar ] && [[ $file == *.re || $file == *.y ]]; then
                    continue
                elif [ -e "$(dirname "$file")/$inc" ]; then
                    report "$file:$line" "write includes from the repo root: \"$(dirname "$file")/$inc\""
                elif [ "$folder" != grammar ]; then
                    report "$file:$line" "'$inc' is not a header of $folder/ (generated headers are private to grammar/)"
                fi
            else
                report "$file:$line" "'$inc' is outside the source layers"
            fi
        done < <(grep -n -E '^[[:space:]]*#[[:space:]]*include' "$file")
    done < <(find "$folder" -type f \( -name '*.c' -o -name '*.h' -o -name '*.re' -o -name '*.y' \) -print0 | sort -z)
done

# Generated files: never in git, never beside the sources (the Makefile's
# wildcard would compile a stray grammar/lexer.c a second time).
is_generated() {
    case "$1" in
        build/*) return 0 ;;
        */lexer.c | lexer.c | */parser.c | parser.c | */parser.out | parser.out | */lempar.c | lempar.c)
            return 0 ;;
    esac
    return 1
}
if command -v git >/dev/null 2>&1 && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    while IFS= read -r -d '' path; do
        is_generated "$path" && report "$path" "generated file is tracked by git (git rm --cached it)"
    done < <(git ls-files -z)
else
    echo "check_layers.sh: note: not a git checkout, skipping the tracked-files check" >&2
fi
for folder in "${folders[@]}"; do
    [ -d "$folder" ] || continue
    while IFS= read -r -d '' path; do
        report "$path" "generated file in a source folder (it belongs in build/gen)"
    done < <(find "$folder" -type f \( -name lexer.c -o -name parser.c -o -name parser.out -o -name lempar.c \) -print0)
done

if [ "$bad" = 0 ]; then
    echo "layers: ok"
    exit 0
fi
echo "layers: FAILED (see DESIGN.md, 'may include')" >&2
exit 1
