#!/usr/bin/env bash
# scripts/failsweep.sh - run golden scripts with allocation failures injected
# and report every crash: error paths must raise MemoryError (or exit
# cleanly), release what they hold, and never crash.
#
#   scripts/failsweep.sh [options] NAME...     NAME: a tests/py script (core_print)
#     -b BIN      interpreter with failure injection (default build/tpy-debug;
#                 build/tpy-asan adds AddressSanitizer's checks)
#     -r FROM:TO[:STEP]   which allocations to fail (default: the first 400
#                 after start-up); TO is cut to the number the script makes
#     -e          fail every Nth allocation from N on (TPY_FAIL_ALLOC=N,every),
#                 not only the Nth
#     -k K        fail the Nth allocation and every Kth after it (N,K): error
#                 handling that itself runs out of memory
#     -j JOBS     runs at a time (default: number of CPUs)
#     -t SECS     time allowed per run (default 20)
#     -v          also list the runs that passed
#
# Each run is `TPY_FAIL_ALLOC=N TPY_MEM_LEAKS=2 BIN NAME.py` in a scratch
# copy of tests/py (stdin and arguments as in scripts/golden.sh).  A run is
#   CRASH  killed by a signal, or an AddressSanitizer/UBSan/allocator report,
#          a negative reference count or a failed assertion on stderr;
#   HANG   out of time;
#   LEAK   more blocks still allocated at exit than without injection;
#   ok     anything else: a MemoryError traceback, any exit status.
# One line per problem with the command that reproduces it, then a summary
# line `R runs: C crashed, H hung, L leaked`.  Exit status 1 if any problem.
# The environment is passed on: `TPY_MEM_MALLOC=1 scripts/failsweep.sh -b
# build/tpy-asan ...` takes every block from malloc, so that AddressSanitizer
# names the code that freed a block used afterwards.
set -uo pipefail

here=$(cd "$(dirname "$0")/.." && pwd -P)
pydir=$here/tests/py
bin=$here/build/tpy-debug
range=
every=
jobs=$(nproc 2>/dev/null || echo 2)
tmo=20
verbose=0

usage() {
    sed -n '2,30p' "$0" >&2
    exit 2
}

while getopts "b:r:ek:j:t:v" opt; do
    case $opt in
    b) bin=$(cd "$(dirname "$OPTARG")" && pwd -P)/$(basename "$OPTARG") ;;
    r) range=$OPTARG ;;
    e) every=every ;;
    k) every=$OPTARG ;;
    j) jobs=$OPTARG ;;
    t) tmo=$OPTARG ;;
    v) verbose=1 ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || usage
[ -x "$bin" ] || { echo "failsweep.sh: '$bin' is not an executable (make MODE=debug)" >&2; exit 2; }
# Start-up allocations (the runtime before the script): failing one of them
# aborts with "out of memory during start-up" by design.
startup=$(TPY_MEM_LEAKS=2 "$bin" -c pass 2>&1 >/dev/null | sed -n 's/.*, \([0-9]*\) allocations made.*/\1/p')
if [ -z "$startup" ]; then
    echo "failsweep.sh: $bin does not report allocations (not a debug build?)" >&2
    exit 2
fi
[ -n "$range" ] || range=$((startup + 1)):$((startup + 400))
IFS=: read -r from to step <<<"$range"
step=${step:-1}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Runs happen in a scratch copy of tests/py: a script stopped half-way may
# leave the files it made behind.
cp -r "$pydir" "$work/py"

# run_one NAME N OUTDIR: one run; N = 0 means no failure injected.
run_one() {
    local name=$1 n=$2 out=$3 stdin=/dev/null args=() fail=
    [ -f "$pydir/$name.stdin" ] && stdin=$pydir/$name.stdin
    # shellcheck disable=SC2207  # the .args file is split at whitespace on purpose
    [ -f "$pydir/$name.args" ] && args=($(cat "$pydir/$name.args"))
    if [ "$n" -gt 0 ]; then
        fail=$n${FS_EVERY:+,$FS_EVERY}
    fi
    # The outer redirection silences bash's own "Aborted" notices.
    (cd "$FS_RUNDIR" && TPY_FAIL_ALLOC=$fail TPY_MEM_LEAKS=2 ASAN_OPTIONS=detect_leaks=1 \
        timeout "$FS_TIMEOUT" "$FS_BIN" "$name.py" "${args[@]}" <"$stdin" >/dev/null 2>"$out.err") \
        2>/dev/null
    echo $? >"$out.rc"
}

# classify NAME N OUTDIR BASELINE_BLOCKS: print one result line.
classify() {
    local name=$1 n=$2 out=$3 base=$4 rc err what='' detail=''
    rc=$(cat "$out.rc")
    err=$out.err
    if grep -q -a -E '^tpy: (out of memory during start-up|fatal: could not initialize)' "$err"; then
        # The interpreter cannot start: a deliberate stop, nothing torn down.
        [ "$FS_VERBOSE" = 1 ] && echo "ok $name N=$n (start-up failed)"
        return
    elif [ "$rc" -eq 124 ]; then
        what=HANG
    elif [ "$rc" -gt 128 ]; then
        what=CRASH
        detail="signal $((rc - 128))"
    fi
    local report
    report=$(grep -a -m1 -E 'ERROR: (Address|Leak)Sanitizer|runtime error:|tpy: allocator: [^0-9]|negative ref count|Assertion .* failed|Fatal|Segmentation' "$err")
    if [ -n "$report" ]; then
        what=CRASH
        detail=${detail:+$detail: }$report
    fi
    if [ -z "$what" ]; then
        local left
        left=$(sed -n 's/^tpy: allocator: \([0-9]*\) blocks.*/\1/p' "$err" | tail -n 1)
        if [ -n "$left" ] && [ "$left" -gt "$base" ]; then
            what=LEAK
            detail="$left blocks left at exit, $base without injection"
        fi
    fi
    local fail=$n${FS_EVERY:+,$FS_EVERY}
    if [ -n "$what" ]; then
        echo "$what $name N=$n ($detail)"
        echo "    repro: (cd tests/py && TPY_FAIL_ALLOC=$fail TPY_MEM_LEAKS=2 $FS_BIN $name.py)"
    elif [ "$FS_VERBOSE" = 1 ]; then
        echo "ok $name N=$n (exit $rc)"
    fi
}

export FS_BIN=$bin FS_EVERY=$every FS_TIMEOUT=$tmo FS_VERBOSE=$verbose FS_RUNDIR=$work/py pydir
export -f run_one classify

total=0
for name in "$@"; do
    name=${name%.py}
    if [ ! -f "$pydir/$name.py" ]; then
        echo "failsweep.sh: no script tests/py/$name.py" >&2
        exit 2
    fi
    # The run without injection: how many allocations, how many blocks left.
    run_one "$name" 0 "$work/$name.base"
    line=$(grep -a '^tpy: allocator: [0-9]* blocks' "$work/$name.base.err" | tail -n 1)
    if [ -z "$line" ]; then
        echo "failsweep.sh: $name: no allocation report without injection (crashed?)" >&2
        exit 2
    fi
    base=$(sed 's/^tpy: allocator: \([0-9]*\) blocks.*/\1/' <<<"$line")
    made=$(sed 's/.*, \([0-9]*\) allocations made.*/\1/' <<<"$line")
    last=$((to < made ? to : made))
    echo "$name: $made allocations, $base blocks left at exit; failing N in $from..$last step $step" >&2
    seq "$from" "$step" "$last" >"$work/$name.ns"
    total=$((total + $(wc -l <"$work/$name.ns")))
    xargs -a "$work/$name.ns" -P "$jobs" -I{} bash -c 'run_one "$1" "$2" "$3/$1.$2"' _ "$name" {} "$work"
    while read -r n; do
        classify "$name" "$n" "$work/$name.$n" "$base"
    done <"$work/$name.ns" >>"$work/results"
done
touch "$work/results"
cat "$work/results"
crashed=$(grep -c '^CRASH' "$work/results")
hung=$(grep -c '^HANG' "$work/results")
leaked=$(grep -c '^LEAK' "$work/results")
echo "$total runs: $crashed crashed, $hung hung, $leaked leaked"
[ $((crashed + hung + leaked)) -eq 0 ]
