#!/usr/bin/env bash
# scripts/deps.sh - install the tools tpy's build and tests need, and only those
# that are missing.  Safe to run again and again: when everything is present it
# prints one line and touches nothing (no apt-get update, no network).
#
#   scripts/deps.sh              re2c, lemon, Criterion, libedit, pkg-config, cc,
#                                make, python3 (test oracle + REPL driver), GNU time
#   scripts/deps.sh --valgrind   also valgrind (optional, for GOLDEN_WRAP runs)
#   scripts/deps.sh --asan       also clang + its sanitizer runtime (make asan)
#
# Runs apt-get as root, or through sudo when not root.  Non-interactive: works
# with no stdin (CI).  Fails loudly when something cannot be installed.
set -euo pipefail

want_valgrind=0
want_asan=0
for arg in "$@"; do
    case "$arg" in
        --valgrind) want_valgrind=1 ;;
        --asan) want_asan=1 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "deps.sh: unknown option '$arg'" >&2; exit 2 ;;
    esac
done

missing=()   # Debian package names to install

have() { command -v "$1" >/dev/null 2>&1; }
# pkg_have NAME: a pkg-config module is present (needs pkg-config itself).
pkg_have() { have pkg-config && pkg-config --exists "$1"; }

have cc || have gcc || missing+=(gcc libc6-dev)
have make || missing+=(make)
have pkg-config || missing+=(pkg-config)
have re2c || missing+=(re2c)
have lemon || missing+=(lemon)
pkg_have criterion || missing+=(libcriterion-dev)
pkg_have libedit || missing+=(libedit-dev)
have python3 || missing+=(python3)
[ -x /usr/bin/time ] || missing+=(time)
have timeout || missing+=(coreutils)
if [ "$want_valgrind" = 1 ]; then
    have valgrind || missing+=(valgrind)
fi
if [ "$want_asan" = 1 ]; then
    have clang || missing+=(clang)
    # The ASan/UBSan runtime comes in a separate package on Debian 12.
    if have clang; then
        rt=$(clang -print-file-name=libclang_rt.asan-x86_64.a 2>/dev/null || true)
        [ -f "$rt" ] || missing+=("libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev")
    else
        missing+=(libclang-rt-14-dev)
    fi
fi

if [ ${#missing[@]} -eq 0 ]; then
    echo "deps.sh: all build and test dependencies are present"
    exit 0
fi

echo "deps.sh: installing missing packages: ${missing[*]}"

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif have sudo; then
    SUDO=(sudo -n)
else
    echo "deps.sh: ERROR: need to install ${missing[*]} but not root and no sudo." >&2
    echo "deps.sh: install them yourself: apt-get install ${missing[*]}" >&2
    exit 1
fi
if ! have apt-get; then
    echo "deps.sh: ERROR: no apt-get here; install by hand: ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! "${SUDO[@]}" apt-get update -q </dev/null; then
    echo "deps.sh: ERROR: 'apt-get update' failed (network? apt sources?)" >&2
    exit 1
fi
if ! "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null; then
    echo "deps.sh: ERROR: 'apt-get install ${missing[*]}' failed" >&2
    exit 1
fi

# Verify: a package that installed but did not provide what we probe for is a
# failure too (it would surface later as a confusing build error).
fail=0
have pkg-config || { echo "deps.sh: ERROR: pkg-config still missing" >&2; fail=1; }
have re2c || { echo "deps.sh: ERROR: re2c still missing" >&2; fail=1; }
have lemon || { echo "deps.sh: ERROR: lemon still missing" >&2; fail=1; }
pkg_have criterion || { echo "deps.sh: ERROR: Criterion (pkg-config criterion) still missing" >&2; fail=1; }
pkg_have libedit || { echo "deps.sh: ERROR: libedit (pkg-config libedit) still missing" >&2; fail=1; }
have python3 || { echo "deps.sh: ERROR: python3 still missing" >&2; fail=1; }
[ "$fail" = 0 ] || exit 1
echo "deps.sh: done"
