#!/usr/bin/env bash
# scripts/fuzz.sh - generate random programs and run them against tpy.
#
#   scripts/fuzz.sh [--seed N] [--count K] [--mode mix|valid|mutate|stress]
#                   [--out DIR] [--diff] [--gcstress]
#
# Writes K programs with tests/fuzz/gen.py (seed N, default 1; K default 200)
# into DIR (default a fresh /tmp/tpyfuzz.XXXX, kept for inspection), then runs
# them with tests/fuzz/run.py: python3 is the oracle, build/tpy-asan and
# build/tpy-debug (TPY_MEM_LEAKS=1) are checked for crashes (signals,
# sanitizer reports, negative refcounts, assertions), leaks, hangs and
# syntax-error disagreements (--diff: also output differences; --gcstress:
# tpy-debug collects at every safe point).  Build the two binaries first:
#   make -j2 MODE=asan build/tpy-asan && make -j2 MODE=debug build/tpy-debug
# Not part of `make test` (too slow for CI): run it by hand with a new seed.
# One process at a time; every run has a timeout (python3 5 s, tpy 10 s).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
seed=1 count=200 mode=mix out='' opts=()
while [ $# -gt 0 ]; do
    case $1 in
        --seed) seed=$2; shift 2 ;;
        --count) count=$2; shift 2 ;;
        --mode) mode=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --diff | --gcstress) opts+=("$1"); shift ;;
        *) sed -n '2,16p' "$0" >&2; exit 2 ;;
    esac
done
[ -n "$out" ] || out=$(mktemp -d /tmp/tpyfuzz.XXXX)
/usr/bin/python3 "$root/tests/fuzz/gen.py" --seed "$seed" --count "$count" --mode "$mode" --out "$out"
echo "fuzz.sh: $count inputs in $out" >&2
exec /usr/bin/python3 "$root/tests/fuzz/run.py" "${opts[@]}" "$out"/*.py
