#!/usr/bin/env bash
# scripts/test_repl.sh TPY [-v] - test tpy's interactive prompt through a
# pseudo-terminal: prompts, echo of expression values, `_`, compound
# statements with "... " continuation, tracebacks, Ctrl-C, Ctrl-D, sys.exit.
# The driver is tests/cli/repl_driver.py (python3's pty module, no tmux);
# it prints one line per scenario and finally exactly `N passed, M failed`.
# REPL_TIMEOUT=seconds bounds each wait (default 10); the whole run is capped
# at 300 s.
set -uo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 TPY [-v]" >&2
    exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd -P)
if [ ! -x "$1" ]; then
    echo "test_repl.sh: '$1' is not an executable (build it: make)" >&2
    exit 2
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "test_repl.sh: python3 is needed to drive the pty (scripts/deps.sh installs it)" >&2
    exit 2
fi
exec timeout -k 5 300 python3 "$root/tests/cli/repl_driver.py" "$@" </dev/null
