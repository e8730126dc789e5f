#!/usr/bin/env bash
# scripts/run_unit.sh BIN [criterion options...] - run a Criterion unit-test
# binary and fail unless it really ran tests and all of them passed.
#
# Criterion exits 0 on an unknown option and on a --filter that matches
# nothing (TOOLCHAIN.md), so the exit status alone proves nothing: we also read
# the synthesis line it prints on stderr,
#   [====] Synthesis: Tested: N | Passing: N | Failing: N | Crashing: N
# and require Tested > 0 and Failing == Crashing == 0.
#
#   scripts/run_unit.sh build/unit-debug
#   scripts/run_unit.sh build/unit-debug --filter 'listobject/*'
#   UNIT_JOBS=1 scripts/run_unit.sh ...     (default: number of CPUs)
#   UNIT_TIMEOUT=1200 ...                    (seconds for the whole run, default 600;
#                                            Criterion's own --timeout does not work)
set -uo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 UNIT_BINARY [criterion options...]" >&2
    exit 2
fi
bin=$1
shift
if [ ! -x "$bin" ]; then
    echo "run_unit.sh: '$bin' is not an executable (build it: make $bin)" >&2
    exit 2
fi
jobs=${UNIT_JOBS:-$(nproc 2>/dev/null || echo 2)}

errlog=$(mktemp)
trap 'rm -f "$errlog"' EXIT

# stderr goes both to the terminal and to the log we parse; stdin is closed so
# a test that reads stdin cannot hang CI.
{ timeout "${UNIT_TIMEOUT:-600}" "$bin" --jobs "$jobs" --short-filename "$@" </dev/null 2>&1 1>&3 | tee "$errlog" >&2; } 3>&1
rc=${PIPESTATUS[0]}

synth=$(grep -a 'Synthesis:' "$errlog" | tail -n 1 | sed 's/\x1b\[[0-9;]*m//g')
if [ "$rc" -eq 124 ]; then
    echo "run_unit.sh: FAILED: timed out after ${UNIT_TIMEOUT:-600}s (a test hangs?)" >&2
    exit 1
fi
if [ -z "$synth" ]; then
    echo "run_unit.sh: FAILED: no Criterion synthesis line (exit status $rc); did the binary crash or get a bad option?" >&2
    exit 1
fi
num() { sed -n "s/.*$1: *\([0-9][0-9]*\).*/\1/p" <<<"$synth"; }
tested=$(num Tested)
failing=$(num Failing)
crashing=$(num Crashing)
if [ -z "$tested" ] || [ "$tested" -eq 0 ]; then
    echo "run_unit.sh: FAILED: no test ran ($synth)" >&2
    exit 1
fi
# Criterion ignores assertions in .fini; tests/unit/support.c aborts instead,
# which Criterion reports as a warning while still counting the test as passing.
teardown=$(grep -a -c -E 'during its setup or teardown' "$errlog")
if [ "$rc" -ne 0 ] || [ "${failing:-1}" -ne 0 ] || [ "${crashing:-1}" -ne 0 ] ||
    [ "$teardown" -ne 0 ]; then
    echo "run_unit.sh: FAILED: $synth (exit status $rc)" >&2
    if [ "$teardown" -ne 0 ]; then
        echo "run_unit.sh: $teardown test(s) failed in setup/teardown (leak check, see [LEAK] lines):" >&2
        # shellcheck disable=SC2016  # the backquotes are literal
        grep -a -o -E 'The test `[^`]*` (crashed|exited) during its setup or teardown' "$errlog" |
            sed 's/^/    /' >&2
    fi
    exit 1
fi
echo "run_unit.sh: ok: $tested tests passed"
