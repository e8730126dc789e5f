#!/usr/bin/env bash
# scripts/golden.sh - golden-output tests: tests/py/*.py run by tpy must print
# exactly what CPython 3.11 prints (stdout, stderr and exit status).
#
#   scripts/golden.sh --check TPY [NAME...]   run the scripts with TPY, compare
#   scripts/golden.sh --regen [PY] [NAME...]  rewrite tests/py/expected/ with
#                                             CPython (default: python3 on PATH)
#   scripts/golden.sh --verify [PY] [NAME...] check the committed expected files
#                                             still match CPython (no rewrite)
#
# NAME is a script's base name (core_print or core_print.py); none means all.
# Scripts whose name starts with "_" are not tests: they are modules that
# tests import (tests/py is the directory of every script, so `import _util`
# finds tests/py/_util.py).
#
# How a script runs: cwd tests/py, argument the file name (`TPY NAME.py`),
# stdin from tests/py/NAME.stdin or /dev/null, extra arguments from the one
# line in tests/py/NAME.args (split at whitespace, no quoting), at most
# GOLDEN_TIMEOUT seconds (60), GOLDEN_JOBS at a time (number of CPUs).
# Expected results live in tests/py/expected/NAME.out, NAME.err, NAME.rc and
# are committed.  The absolute path of tests/py/ is cut out of the output
# before comparing (CPython >= 3.9 prints `File "/abs/path/NAME.py"` in
# tracebacks; expected files say `File "NAME.py"`), so they do not depend on
# where the tree is checked out.
#
# Deliberate differences (LANGUAGE.md "Where tpy deliberately differs"): a
# hand-reviewed tests/py/NAME.exp.out / NAME.exp.err / NAME.exp.rc replaces
# the CPython-made file of the same stream.  --regen never writes a stream that
# has an .exp file, and --verify skips it.
#
# --regen runs CPython twice with different PYTHONHASHSEED values and refuses
# output that differs (a test printing a set of strings or an id() is not
# deterministic).  GOLDEN_PYENV="VAR=value ..." adds environment for CPython
# only (e.g. PYTHONNODEBUGRANGES=1 to drop the ^^^ lines from tracebacks).
#
# Other ways to run the suite:
#   GOLDEN_WRAP="valgrind --error-exitcode=99 -q --leak-check=full" \
#       GOLDEN_TIMEOUT=600 scripts/golden.sh --check build/tpy
#   TPY_GC_STRESS=1 scripts/golden.sh --check build/tpy-debug   (env is inherited)
#
# The last line of --check/--verify output is exactly `N passed, M failed`;
# the exit status is 1 if anything failed, 2 on a usage error.
set -uo pipefail

here=$(cd "$(dirname "$0")/.." && pwd -P)
pydir=$here/tests/py
expdir=$pydir/expected
self=$here/scripts/golden.sh

usage() {
    sed -n '2,12p' "$self" >&2
    exit 2
}

# ---- one script (run by xargs in parallel): --run-one NAME ------------------
# Writes $GOLDEN_OUT/NAME.out .err .rc.  Configuration comes from the
# environment set by the parent: GOLDEN_INTERP, GOLDEN_OUT, GOLDEN_TIMEOUT,
# GOLDEN_WRAP, GOLDEN_EXTRA_ENV.
run_one() {
    local name=$1 args=() stdin=/dev/null wrap=() extra=()
    if [ -f "$pydir/$name.args" ]; then
        read -r -a args <"$pydir/$name.args" || true
    fi
    [ -f "$pydir/$name.stdin" ] && stdin=$pydir/$name.stdin
    # shellcheck disable=SC2206  # GOLDEN_WRAP is a command line: split it
    [ -n "${GOLDEN_WRAP:-}" ] && wrap=($GOLDEN_WRAP)
    # shellcheck disable=SC2206
    [ -n "${GOLDEN_EXTRA_ENV:-}" ] && extra=($GOLDEN_EXTRA_ENV)
    # The outer 2>/dev/null only silences bash's "Segmentation fault" notice;
    # the interpreter's own stderr goes to NAME.err.
    {
        (
            cd "$pydir" || exit 125
            exec env ${extra[@]+"${extra[@]}"} timeout -k 5 "$GOLDEN_TIMEOUT" \
                ${wrap[@]+"${wrap[@]}"} "$GOLDEN_INTERP" "$name.py" ${args[@]+"${args[@]}"} \
                <"$stdin" >"$GOLDEN_OUT/$name.out" 2>"$GOLDEN_OUT/$name.err"
        )
        echo $? >"$GOLDEN_OUT/$name.rc"
    } 2>/dev/null
    normalize "$GOLDEN_OUT/$name.out"
    normalize "$GOLDEN_OUT/$name.err"
}

# Cut the absolute path of tests/py/ out of [file] (the scripts run with that
# directory, spelled without symlinks, as their cwd).
normalize() {
    GP_DIR="$pydir/" perl -pi -e 's/\Q$ENV{GP_DIR}\E//g' "$1"
}

if [ "${1:-}" = --run-one ]; then
    run_one "$2"
    exit 0
fi

# ---- the driver ------------------------------------------------------------------

mode=${1:-}
[ $# -ge 1 ] && shift
interp=
case "$mode" in
    --check)
        [ $# -ge 1 ] || usage
        interp=$1
        shift
        ;;
    --regen | --verify)
        # An optional interpreter first: anything that is not a test name.
        if [ $# -ge 1 ] && [ ! -f "$pydir/${1%.py}.py" ]; then
            interp=$1
            shift
        else
            interp=python3
        fi
        ;;
    *) usage ;;
esac

# Resolve the interpreter to an absolute path: the scripts run from tests/py.
if [[ $interp == */* ]]; then
    if [ ! -x "$interp" ]; then
        echo "golden.sh: '$interp' is not an executable (build it first: make)" >&2
        exit 2
    fi
    interp=$(cd "$(dirname "$interp")" && pwd -P)/$(basename "$interp")
else
    resolved=$(command -v "$interp") || {
        echo "golden.sh: '$interp' not found on PATH" >&2
        exit 2
    }
    interp=$resolved
fi

# The tests to run.
names=()
if [ $# -gt 0 ]; then
    for n in "$@"; do
        n=$(basename "${n%.py}")
        if [ ! -f "$pydir/$n.py" ]; then
            echo "golden.sh: no such test: tests/py/$n.py" >&2
            exit 2
        fi
        names+=("$n")
    done
else
    for f in "$pydir"/*.py; do
        [ -e "$f" ] || continue
        n=$(basename "$f" .py)
        [[ $n == _* ]] && continue # a module the tests import, not a test
        names+=("$n")
    done
fi
if [ ${#names[@]} -eq 0 ]; then
    echo "golden.sh: no tests in tests/py" >&2
    echo "0 passed, 0 failed"
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export GOLDEN_INTERP=$interp
export GOLDEN_TIMEOUT=${GOLDEN_TIMEOUT:-60}
export GOLDEN_WRAP=${GOLDEN_WRAP:-}
export PYTHONDONTWRITEBYTECODE=1 # no __pycache__ in tests/py
export LC_ALL=C.UTF-8
jobs=${GOLDEN_JOBS:-$(nproc 2>/dev/null || echo 2)}

# run_all OUTDIR [EXTRA_ENV]: run every selected script into OUTDIR.
run_all() {
    mkdir -p "$1"
    printf '%s\0' "${names[@]}" |
        GOLDEN_OUT=$1 GOLDEN_EXTRA_ENV=${2:-} xargs -0 -n 1 -P "$jobs" bash "$self" --run-one
}

# expected_file NAME STREAM -> the file holding the expected STREAM (out, err, rc).
expected_file() {
    if [ -f "$pydir/$1.exp.$2" ]; then
        echo "$pydir/$1.exp.$2"
    else
        echo "$expdir/$1.$2"
    fi
}

# compare NAME ACTUALDIR SKIP_EXP -> 0 if all three streams match.
compare() {
    local name=$1 dir=$2 skip_exp=$3 ok=0 s exp rc
    for s in out err rc; do
        exp=$(expected_file "$name" "$s")
        if [ "$skip_exp" = 1 ] && [[ $exp == *.exp.* ]]; then
            continue
        fi
        if [ ! -f "$exp" ]; then
            echo "FAIL $name: no expected ${exp#"$here"/} (run scripts/golden.sh --regen $name)"
            ok=1
            continue
        fi
        if ! cmp -s "$exp" "$dir/$name.$s"; then
            if [ "$s" = rc ]; then
                echo "FAIL $name: exit status $(cat "$dir/$name.rc"), expected $(cat "$exp")"
                rc=$(cat "$dir/$name.rc")
                if [ "$rc" = 124 ]; then
                    echo "    (124: killed after ${GOLDEN_TIMEOUT}s by timeout)"
                elif [ "$rc" -gt 128 ] 2>/dev/null; then
                    echo "    ($rc: killed by signal $((rc - 128)), e.g. 11 = segfault, 6 = abort)"
                fi
            else
                echo "FAIL $name: std$s differs (- expected, + actual)"
                diff -u --label "${exp#"$here"/}" --label "actual $name.$s" \
                    "$exp" "$dir/$name.$s" | head -n 80
            fi
            ok=1
        fi
    done
    return $ok
}

if [ "$mode" = --regen ]; then
    echo "golden.sh: regenerating ${#names[@]} expected outputs with $interp ($("$interp" --version 2>&1))"
    run_all "$work/a" "PYTHONHASHSEED=1 ${GOLDEN_PYENV:-}"
    run_all "$work/b" "PYTHONHASHSEED=2 ${GOLDEN_PYENV:-}"
    mkdir -p "$expdir"
    bad=0
    for n in "${names[@]}"; do
        for s in out err rc; do
            if ! cmp -s "$work/a/$n.$s" "$work/b/$n.$s"; then
                echo "golden.sh: $n is not deterministic (std$s differs between runs):"
                diff -u "$work/a/$n.$s" "$work/b/$n.$s" | head -n 20
                bad=1
                continue 2
            fi
        done
        for s in out err rc; do
            if [ -f "$pydir/$n.exp.$s" ]; then
                echo "golden.sh: $n.$s: kept hand-reviewed tests/py/$n.exp.$s"
                rm -f "$expdir/$n.$s"
            else
                cp "$work/a/$n.$s" "$expdir/$n.$s"
            fi
        done
    done
    if [ $# -eq 0 ]; then
        # A full regeneration also drops expected files of deleted tests.
        for f in "$expdir"/*.out "$expdir"/*.err "$expdir"/*.rc; do
            [ -e "$f" ] || continue
            b=$(basename "$f")
            if [ ! -f "$pydir/${b%.*}.py" ]; then
                echo "golden.sh: removing stale ${f#"$here"/}"
                rm -f "$f"
            fi
        done
    fi
    [ "$bad" = 0 ] || { echo "golden.sh: fix the tests above; their expected files were not written"; exit 1; }
    echo "golden.sh: wrote tests/py/expected/ (review with git diff)"
    exit 0
fi

# --check / --verify
check_env=
skip_exp=0
if [ "$mode" = --verify ]; then
    check_env=${GOLDEN_PYENV:-}
    skip_exp=1
fi
run_all "$work/act" "$check_env"
passed=0
failed=0
failures=()
for n in "${names[@]}"; do
    if compare "$n" "$work/act" "$skip_exp"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures+=("$n")
    fi
done
if [ "$failed" -gt 0 ]; then
    echo "golden.sh: failed: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
