#!/usr/bin/env bash
# scripts/gcbench.sh - the collector's figures of issue 5, side by side with
# CPython in one run: (a) a full collection over 1M live containers, (b) 100k
# garbage cycles of two instances, each run RUNS times (default 3), best time
# kept; then (d) tpy's generation-0 pauses under the binary_trees workload.
#
#   PY=/usr/bin/python3 CAND=build/tpy scripts/gcbench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PY:-/usr/bin/python3}
cand=${CAND:-build/tpy}
runs=${RUNS:-3}

best() { # best of $runs runs of: $1 $2
    local b=
    for _ in $(seq "$runs"); do
        local t
        t=$("$1" "$2")
        if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN { exit !(t < b) }'; then b=$t; fi
    done
    echo "$b"
}

printf '%-28s %10s %10s %7s\n' figure py_s tpy_s ratio
for f in gc_full gc_pairs; do
    p=$(best "$py" tests/bench/$f.py)
    c=$(best "$cand" tests/bench/$f.py)
    printf '%-28s %10s %10s %7.2f\n' "$f" "$p" "$c" "$(awk -v c="$c" -v p="$p" 'BEGIN { print c / p }')"
done
echo "tpy gc_pause: $("$cand" tests/bench/gc_pause.py)"
