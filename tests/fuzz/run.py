#!/usr/bin/env python3
"""tests/fuzz/run.py - run fuzz inputs under python3 and tpy, sort out findings.

    /usr/bin/python3 tests/fuzz/run.py [--tpy-asan B] [--tpy-debug B] [--diff]
                                       [--gcstress] FILE...

Each FILE runs (cwd: a scratch copy of tests/py's helper modules, stdin
/dev/null) under python3 (the oracle, `timeout 5`), build/tpy-asan
(ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1) and build/tpy-debug
(TPY_MEM_LEAKS=1; with --gcstress also TPY_GC_STRESS=1, a collection at
every safe point), each with a timeout.  A finding is printed as
`KIND FILE detail`:
  crash    - killed by a signal, an ASan/UBSan/LeakSanitizer report, a
             "negative ref count", an assertion, or an internal error
  leak     - TPY_MEM_LEAKS reported blocks still allocated at exit
  hang     - tpy timed out where python3 finished
  syntax   - python3 and tpy disagree on whether the file is a
             SyntaxError/IndentationError/TabError
  synkind  - both refuse the file, with different error classes
  differs  - (only with --diff) stdout/exit status differ from python3
The last line is `N files: K findings`.  Exit status 1 if anything was found.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PYDIR = os.path.join(ROOT, "tests", "py")

CRASH_RE = re.compile(rb"AddressSanitizer|LeakSanitizer|runtime error:|negative ref|"
                      rb"Assertion .* failed|internal error|^SystemError|tpy: fatal|"
                      rb"UndefinedBehaviorSanitizer|stack-overflow|SEGV", re.M)
LEAK_RE = re.compile(rb"tpy: allocator: (\d+) blocks")
SYNTAX_RE = re.compile(rb"^(SyntaxError|IndentationError|TabError)\b", re.M)


def run(cmd, path, cwd, timeout, env=None):
    e = dict(os.environ, LC_ALL="C.UTF-8")
    if env:
        e.update(env)
    try:
        p = subprocess.run(cmd + [path], cwd=cwd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e,
                           timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as t:
        return None, t.stdout or b"", t.stderr or b""


def syntax_kind(err):
    m = SYNTAX_RE.findall(err)
    return m[-1].decode() if m else None


def check(path, args, cwd):
    found = []
    prc, pout, perr = run([args.python], path, cwd, args.py_timeout)
    pkind = syntax_kind(perr)
    for name, binary, env, tmo in (
            ("asan", args.tpy_asan, {"ASAN_OPTIONS": "detect_leaks=1:allocator_may_return_null=1",
                                     "UBSAN_OPTIONS": "print_stacktrace=1"}, args.timeout),
            ("debug", args.tpy_debug, dict({"TPY_MEM_LEAKS": "1"},
                                           **({"TPY_GC_STRESS": "1"} if args.gcstress else {})),
             args.timeout)):
        if not binary:
            continue
        rc, out, err = run([binary], path, cwd, tmo, env)
        if rc is None:
            if prc is not None:
                found.append(("hang", name, "timeout %ss" % tmo))
            continue
        if rc < 0 or rc >= 128 and rc != 130:
            found.append(("crash", name, "rc=%d %s" % (rc, tail(err))))
            continue
        m = CRASH_RE.search(err)
        line = err[max(0, err.rfind(b"\n", 0, m.start()) + 1):].split(b"\n")[0] if m else b""
        if m and line not in perr.split(b"\n"):  # not the program's own SystemError
            found.append(("crash", name, line.decode("utf-8", "replace")[:200]))
            continue
        m = LEAK_RE.search(err)
        if m:
            found.append(("leak", name, m.group(0).decode()))
        if prc is None:
            continue
        tkind = syntax_kind(err)
        # CPython's parser gives up on very deep nesting with RecursionError or
        # MemoryError where tpy says "too many nested ...": both refuse it.
        deep = not pkind and re.search(rb"^(RecursionError|MemoryError)", perr, re.M)
        if tkind != pkind and not deep and not (pkind and b"NotImplementedError" in err):
            kind = "synkind" if pkind and tkind else "syntax"
            found.append((kind, name, "python3=%s tpy=%s %s" % (pkind, tkind, tail(err))))
        elif args.diff and name == "asan" and (out != pout or (rc == 0) != (prc == 0)):
            found.append(("differs", name, "rc py=%s tpy=%s" % (prc, rc)))
    return found


def tail(err):
    lines = [ln for ln in err.split(b"\n") if ln.strip()]
    return lines[-1].decode("utf-8", "replace")[:160] if lines else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--tpy-asan", default=os.path.join(ROOT, "build", "tpy-asan"))
    ap.add_argument("--tpy-debug", default=os.path.join(ROOT, "build", "tpy-debug"))
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--py-timeout", type=float, default=5)
    ap.add_argument("--diff", action="store_true")
    ap.add_argument("--gcstress", action="store_true", help="TPY_GC_STRESS=1 for tpy-debug")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    for b in ("tpy_asan", "tpy_debug"):
        v = getattr(args, b)
        if v and not os.path.exists(v):
            print("run.py: %s missing, skipped" % v, file=sys.stderr)
            setattr(args, b, None)
    cwd = tempfile.mkdtemp(prefix="tpyfuzz")
    nfound = 0
    try:
        for f in os.listdir(PYDIR):
            if f.startswith("_") and f.endswith(".py"):
                shutil.copy(os.path.join(PYDIR, f), cwd)
        for path in args.files:
            for kind, name, detail in check(os.path.abspath(path), args, cwd):
                nfound += 1
                print("%-7s %-5s %s  %s" % (kind, name, path, detail), flush=True)
    finally:
        shutil.rmtree(cwd, ignore_errors=True)
    print("%d files: %d findings" % (len(args.files), nfound))
    return 1 if nfound else 0


if __name__ == "__main__":
    sys.exit(main())
