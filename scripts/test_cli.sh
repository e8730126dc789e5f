#!/usr/bin/env bash
# scripts/test_cli.sh TPY - tests of tpy's command line, modelled on what
# `python3` does with the same arguments (checked by hand; python3 is not run
# here).  Data files live in tests/cli/.
#
# Each check runs TPY with stdin from /dev/null (or a given text), a 20 s
# timeout (CLI_TIMEOUT), and compares stdout, stderr and the exit status.
# Output: one line per check ("ok ..." / "FAIL ..." with what was seen), then
# exactly `N passed, M failed`.  Exit status 1 if any check failed.
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 TPY" >&2
    exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd -P)
tpy=$1
if [[ $tpy == */* ]]; then
    [ -x "$tpy" ] || { echo "test_cli.sh: '$tpy' is not an executable (build it: make)" >&2; exit 2; }
    tpy=$(cd "$(dirname "$tpy")" && pwd -P)/$(basename "$tpy")
else
    tpy=$(command -v "$tpy") || { echo "test_cli.sh: '$1' not found" >&2; exit 2; }
fi
data=$root/tests/cli
version='tpy 0.1.0 (Python 3.11 subset)'
timeout_s=${CLI_TIMEOUT:-20}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8

passed=0
failed=0
# re_escape TEXT: TEXT as a literal in an extended regular expression.
# shellcheck disable=SC2001  # a character class is clearer in sed
re_escape() { sed 's/[][\.*^$+?(){}|]/\\&/g' <<<"$1"; }
# CPython names itself by argv[0] in this message; tpy may say "tpy" or argv[0].
prog_re="(tpy|$(re_escape "$tpy")|$(re_escape "$(basename "$tpy")"))"
OUT='' ERR='' RC=''

# run [--stdin TEXT] [--cwd DIR] CMD... : run it, set OUT, ERR (trailing
# newlines stripped, as $(...) does) and RC.
run() {
    local stdin_text='' have_stdin=0 cwd=$root
    while [ $# -gt 0 ]; do
        case "$1" in
            --stdin) stdin_text=$2; have_stdin=1; shift 2 ;;
            --cwd) cwd=$2; shift 2 ;;
            *) break ;;
        esac
    done
    if [ "$have_stdin" = 1 ]; then
        printf '%s' "$stdin_text" >"$work/stdin"
    else
        : >"$work/stdin"
    fi
    {   # the outer 2>/dev/null only hides bash's notice when tpy crashes
        (cd "$cwd" && exec timeout -k 5 "$timeout_s" "$@") <"$work/stdin" >"$work/out" 2>"$work/err"
        RC=$?
    } 2>/dev/null
    OUT=$(cat "$work/out")
    ERR=$(cat "$work/err")
}

# check NAME SPEC... where each SPEC is one of
#   rc=N  out=TEXT  err=TEXT  out~ERE  err~ERE  out*SUBSTR  err*SUBSTR
#   out!SUBSTR  err!SUBSTR (must not contain)
check() {
    local name=$1 spec what val actual problems=()
    shift
    for spec in "$@"; do
        case "$spec" in
            rc=*) [ "$RC" = "${spec#rc=}" ] || problems+=("exit status $RC, expected ${spec#rc=}") ;;
            out=* | err=*)
                what=${spec%%=*} val=${spec#*=}
                [ "$what" = out ] && actual=$OUT || actual=$ERR
                [ "$actual" = "$val" ] ||
                    problems+=("std$what should be exactly:" "  = ${val//$'\n'/$'\n'  = }") ;;
            out~* | err~*)
                what=${spec%%~*} val=${spec#*~}
                [ "$what" = out ] && actual=$OUT || actual=$ERR
                grep -q -E -- "$val" <<<"$actual" || problems+=("std$what should match /$val/") ;;
            out\** | err\**)
                what=${spec%%\**} val=${spec#*\*}
                [ "$what" = out ] && actual=$OUT || actual=$ERR
                [[ $actual == *"$val"* ]] || problems+=("std$what should contain: $val") ;;
            out!* | err!*)
                what=${spec%%!*} val=${spec#*!}
                [ "$what" = out ] && actual=$OUT || actual=$ERR
                [[ $actual != *"$val"* ]] || problems+=("std$what should not contain: $val") ;;
            *) echo "test_cli.sh: bad spec '$spec'" >&2; exit 2 ;;
        esac
    done
    if [ ${#problems[@]} -eq 0 ]; then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        printf '       %s\n' "${problems[@]}"
        [ "$RC" = 124 ] && echo "       (exit status 124: killed after ${timeout_s}s)"
        echo "       -- stdout --"
        head -n 15 "$work/out" | sed 's/^/       | /'
        echo "       -- stderr --"
        head -n 15 "$work/err" | sed 's/^/       | /'
    fi
}

# ---- running a script --------------------------------------------------------
run "$tpy" tests/cli/argv.py a b
check "script: sys.argv holds the script path as given and its arguments" \
    rc=0 "out=['tests/cli/argv.py', 'a', 'b']" err=

run "$tpy" tests/cli/argv.py -V --dis -c x
check "script: options after the script name belong to the script" \
    rc=0 "out=['tests/cli/argv.py', '-V', '--dis', '-c', 'x']"

run --cwd "$data" "$tpy" argv.py
check "script: run from its own directory" rc=0 "out=['argv.py']"

run "$tpy" tests/cli/raise_nested.py
check "script: an uncaught exception prints a traceback with the absolute path, exit 1" \
    rc=1 out= \
    "err~^Traceback \(most recent call last\):" \
    "err*  File \"$data/raise_nested.py\", line 9, in <module>" \
    "err*  File \"$data/raise_nested.py\", line 2, in inner" \
    "err~ValueError: from a nested call\$"

run "$tpy" tests/cli/exit_code.py 3
check "script: sys.exit(3) exits with status 3" rc=3 "out=exiting with 3" err=

run "$tpy" tests/cli/exit_code.py 0
check "script: sys.exit(0) exits with status 0" rc=0

run --cwd "$work" "$tpy" no_such_script_q.py
check "script: a missing file is reported like CPython, exit 2" rc=2 out= \
    "err~^$prog_re: can't open file '$(re_escape "$work")/no_such_script_q.py': \[Errno 2\] No such file or directory\$"

run --cwd "$work" "$tpy" "$work/absent_dir/x.py"
check "script: a missing absolute path is printed as given" rc=2 \
    "err*can't open file '$work/absent_dir/x.py': [Errno 2] No such file or directory"

# ---- -c ---------------------------------------------------------------------------
run "$tpy" -c 'import sys; print(sys.argv)' x
check "-c: sys.argv is ['-c', args...]" rc=0 "out=['-c', 'x']" err=

run "$tpy" -c 'import sys; print(sys.argv)' -V --version
check "-c: arguments after the code are not options" rc=0 "out=['-c', '-V', '--version']"

run "$tpy" -c 'print(1 + 1)'
check "-c: runs the code" rc=0 out=2 err=

run "$tpy" -c 'for i in range(3):
    print(i)'
check "-c: multi-line code" rc=0 "out=0
1
2"

run "$tpy" -c 'raise ValueError("v")'
check "-c: an uncaught exception shows File \"<string>\", exit 1" rc=1 \
    "err=Traceback (most recent call last):
  File \"<string>\", line 1, in <module>
ValueError: v"

run "$tpy" -c 'import sys; sys.exit("bye")'
check "-c: sys.exit(\"bye\") prints bye on stderr, exit 1" rc=1 out= err=bye

run "$tpy" -c 'raise SystemExit(2)'
check "-c: raise SystemExit(2) exits 2" rc=2 out= err=

run "$tpy" -c 'import sys; sys.exit(None)'
check "-c: sys.exit(None) exits 0" rc=0 out= err=

run "$tpy" -c
check "-c without code: error and usage, exit 2" rc=2 out= "err*-c"

# ---- stdin programs ------------------------------------------------------------
run --stdin $'import sys\nprint(sys.argv)\nprint("from stdin")\n' "$tpy"
check "stdin: a piped program runs, sys.argv == ['']" rc=0 "out=['']
from stdin" err=

run --stdin $'import sys\nprint(sys.argv)\n' "$tpy" - a b
check "stdin: '-' reads the program from stdin, sys.argv == ['-', args...]" rc=0 \
    "out=['-', 'a', 'b']"

run --stdin $'print(1)\nnope_zz\nprint(2)\n' "$tpy"
check "stdin: an uncaught exception shows File \"<stdin>\"" rc=1 out=1 \
    "err=Traceback (most recent call last):
  File \"<stdin>\", line 2, in <module>
NameError: name 'nope_zz' is not defined"

run --stdin $'print(1)\nx +\n' "$tpy"
check "stdin: a syntax error stops the program before it runs" rc=1 out= \
    "err=  File \"<stdin>\", line 2
    x +
       ^
SyntaxError: invalid syntax"

run --stdin '' "$tpy"
check "stdin: an empty program does nothing" rc=0 out= err=

# ---- -i -------------------------------------------------------------------------
run --stdin $'print(x * 2)\ny = x + 1\nprint(y)\n' "$tpy" -i tests/cli/set_x.py
check "-i: after the script, statements come from stdin in the script's namespace" rc=0 \
    "out=script ran
10
6" "err!Traceback"

run --stdin $'x * 3\n' "$tpy" -i tests/cli/set_x.py
check "-i: expression values are echoed like the REPL" rc=0 "out=script ran
15"

run --stdin $'nope_zz\nprint("still alive")\n' "$tpy" -i tests/cli/set_x.py
check "-i: an error in a statement does not end the session" rc=0 \
    "out*still alive" "err*NameError: name 'nope_zz' is not defined"

run --stdin $'print("after")\n' "$tpy" -i tests/cli/raise_nested.py
check "-i: an uncaught exception in the script still enters interactive mode" rc=0 \
    "out=after" "err*ValueError: from a nested call"

# ---- version and help -------------------------------------------------------------
run "$tpy" -V
check "-V prints the version" rc=0 "out=$version" err=

run "$tpy" --version
check "--version prints the version" rc=0 "out=$version" err=

run "$tpy" -h
check "-h: usage on stdout, exit 0" rc=0 "out~[Uu]sage" err=
for opt in -c -i -V --version -h --dis -X; do
    check "-h mentions $opt" "out*$opt"
done
check "-h mentions '-' (program from stdin)" "out~(^|[^-[:alnum:]])-([^-[:alnum:]]|\$)"

# ---- bad usage --------------------------------------------------------------------
run "$tpy" --no-such-option
check "unknown long option: usage on stderr, exit 2" rc=2 out= "err~[Uu]sage"

run "$tpy" -Q
check "unknown short option: usage on stderr, exit 2" rc=2 out= "err~[Uu]sage"

# ---- --dis ------------------------------------------------------------------------
run "$tpy" --dis tests/cli/dis_me.py
check "--dis prints bytecode with opcode names" rc=0 \
    out*LOAD_CONST out*RETURN_VALUE err=

# ---- gc debugging output (stderr; addresses and times vary) ------------------------
gc_script='import gc
class Node: pass
a = Node(); b = Node(); a.o = b; b.o = a
del a, b
gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)
print(gc.collect() > 0)
gc.set_debug(0)'
run "$tpy" -c "$gc_script"
check "gc.DEBUG_STATS: CPython's start lines on stderr" rc=0 out=True \
    "err*gc: collecting generation 2..." "err~gc: objects in each generation: [0-9]+ [0-9]+ [0-9]+" \
    "err*gc: objects in permanent generation: 0"
check "gc.DEBUG_STATS: the done line counts the unreachable objects and the time" \
    "err~gc: done, [0-9]+ unreachable, 0 uncollectable, [0-9]+\.[0-9]{4}s elapsed"
check "gc.DEBUG_COLLECTABLE: each unreachable object named with its address" \
    "err~gc: collectable <Node 0x[0-9a-f]+>"

run env TPY_GC_STRESS=1 "$tpy" -c 'import gc
l = [[i] for i in range(200)]
print(sum(s["collections"] for s in gc.get_stats()) >= 200)'
check "TPY_GC_STRESS=1: a collection at every safe point after an allocation" rc=0 out=True err=

run "$tpy" -X gcstress -c 'import gc
l = [[i] for i in range(200)]
print(sum(s["collections"] for s in gc.get_stats()) >= 200)'
check "-X gcstress: the same from the command line" rc=0 out=True err=

# ---- fuzz findings (tests/fuzz, scripts/fuzz.sh) ----------------------------------
# A function with 50000 locals (two of them cells): name resolution and slot
# lookup were quadratic (minutes); CPython compiles it in a fraction of a second.
awk 'BEGIN { print "def f():"; for (i = 0; i < 50000; i++) printf "    v%d = %d\n", i, i;
             print "    g = lambda: v0 + v49999"; print "    return g()"; print "print(f())" }' \
    >"$work/many_locals.py"
run "$tpy" "$work/many_locals.py"
check "fuzz: a function with 50000 locals compiles in linear time" rc=0 out=49999 err=

# A def with 20000 parameters: the parameter list grew one slot at a time
# (quadratic memory, a hang).
awk 'BEGIN { printf "def f("; for (i = 0; i < 20000; i++) printf "a%d, ", i;
             print "): return a19999 - a0"; print "print(f(*range(20000)))" }' >"$work/many_params.py"
run "$tpy" "$work/many_params.py"
check "fuzz: a def with 20000 parameters compiles in linear time" rc=0 out=19999 err=

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
