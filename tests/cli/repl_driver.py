#!/usr/bin/env python3
"""Drive tpy's REPL through a pseudo-terminal and check what a user sees.

usage: python3 tests/cli/repl_driver.py TPY [-v]

Each scenario starts a fresh TPY (no arguments) on a new pty, waits for the
">>> " prompt, types lines (Enter is "\\r", as a terminal sends it), and reads
what comes back until the next prompt (">>> " or "... ").  The echo of the
typed line and terminal escape sequences are removed before comparing.  The
expected behaviour is CPython 3.11's interactive mode.

Prints "ok NAME" or "FAIL NAME" with a transcript for each scenario, then
exactly "N passed, M failed"; exit status 1 if any failed.  -v prints every
transcript.  REPL_TIMEOUT (seconds, default 10) bounds every wait.
"""
import errno
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

TIMEOUT = float(os.environ.get("REPL_TIMEOUT", "10"))
PROMPT = ">>> "
CONT = "... "
# CSI sequences, OSC sequences, other two-byte escapes, and stray controls
# except newline.
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[@-Z\\-_]|[\x00-\x09\x0b-\x1f\x7f]")


class Failure(Exception):
    pass


class Repl:
    def __init__(self, tpy):
        self.transcript = []
        pid, fd = pty.fork()
        if pid == 0:  # child: the pty is our controlling terminal
            env = dict(os.environ)
            env["TERM"] = os.environ.get("REPL_TERM", "dumb")
            env.pop("PYTHONSTARTUP", None)  # when python3 stands in for tpy
            try:
                os.execve(tpy, [tpy], env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 200, 0, 0))
        self.buf = ""  # output not yet consumed, cleaned
        self.status = None

    def _read(self, deadline):
        """Read what is available before [deadline]; False at EOF."""
        left = deadline - time.monotonic()
        if left <= 0:
            return True
        ready, _, _ = select.select([self.fd], [], [], left)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 4096)
        except OSError as e:
            if e.errno == errno.EIO:  # Linux: the child closed the pty
                return False
            raise
        if not data:
            return False
        text = data.decode("utf-8", "replace")
        self.transcript.append(("out", text))
        self.buf += ANSI.sub("", text.replace("\r\n", "\n")).replace("\r", "")
        return True

    def expect_prompt(self):
        """Wait for a prompt at the end of the output; return (text before it, prompt)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            for p in (PROMPT, CONT):
                if self.buf.endswith(p):
                    text, self.buf = self.buf[: -len(p)], ""
                    return text, p
            if time.monotonic() >= deadline:
                raise Failure("no prompt within %gs; last output: %r" % (TIMEOUT, self.buf[-300:]))
            if not self._read(deadline):
                raise Failure("tpy exited while a prompt was expected; output: %r" % self.buf[-300:])

    def send(self, data):
        if data in ("\x03", "\x04"):
            # A person never hits Ctrl-C within microseconds of a prompt; give
            # the line editor time to be waiting for a key (no lost SIGINT).
            time.sleep(0.3)
        self.transcript.append(("in", data))
        os.write(self.fd, data.encode())

    def line(self, text):
        """Type [text] + Enter; return (output lines without the echo, next prompt)."""
        self.send(text + "\r")
        out, prompt = self.expect_prompt()
        lines = out.split("\n")
        # The terminal echoes the typed line first (possibly redrawn with the prompt).
        if lines and (text.strip() in lines[0] if text.strip() else not lines[0].strip()):
            lines = lines[1:]
        if lines and lines[-1] == "":
            lines = lines[:-1]
        return lines, prompt

    def wait_exit(self):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                return os.waitstatus_to_exitcode(status)
            self._read(min(deadline, time.monotonic() + 0.05))
        raise Failure("tpy did not exit within %gs" % TIMEOUT)

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
        os.close(self.fd)


def expect_lines(got, want, what):
    if got != want:
        raise Failure("%s: expected %r, got %r" % (what, want, got))


def expect_prompt_kind(prompt, want, what):
    if prompt != want:
        raise Failure("%s: expected prompt %r, got %r" % (what, want, prompt))


# ---- scenarios: each gets a fresh REPL whose first prompt was already seen ----

def s_expression_echo(r):
    lines, p = r.line("1+2")
    expect_lines(lines, ["3"], "1+2")
    expect_prompt_kind(p, PROMPT, "after 1+2")
    lines, _ = r.line("'text'")
    expect_lines(lines, ["'text'"], "a str is echoed with repr")


def s_none_echoes_nothing(r):
    lines, _ = r.line("None")
    expect_lines(lines, [], "None")
    lines, _ = r.line("print('printed')")
    expect_lines(lines, ["printed"], "print() returns None, which is not echoed")


def s_assignment_and_use(r):
    lines, _ = r.line("x = 5")
    expect_lines(lines, [], "x = 5")
    lines, _ = r.line("x * 2")
    expect_lines(lines, ["10"], "x * 2")


def s_underscore_holds_last_value(r):
    r.line("6 * 7")
    lines, _ = r.line("_")
    expect_lines(lines, ["42"], "_ after 6 * 7")
    r.line("None")
    lines, _ = r.line("_ + 1")
    expect_lines(lines, ["43"], "_ is not changed by None")


def s_compound_statement(r):
    lines, p = r.line("for i in range(3):")
    expect_lines(lines, [], "for header")
    expect_prompt_kind(p, CONT, "after the for header")
    lines, p = r.line("    print(i)")
    expect_lines(lines, [], "loop body")
    expect_prompt_kind(p, CONT, "after the body")
    lines, p = r.line("")
    expect_lines(lines, ["0", "1", "2"], "the loop runs after a blank line")
    expect_prompt_kind(p, PROMPT, "after the loop")


def s_function_definition(r):
    r.line("def sq(n):")
    lines, p = r.line("    return n * n")
    expect_prompt_kind(p, CONT, "inside def")
    lines, p = r.line("")
    expect_lines(lines, [], "def itself prints nothing")
    expect_prompt_kind(p, PROMPT, "after def")
    lines, _ = r.line("sq(12)")
    expect_lines(lines, ["144"], "sq(12)")


def s_error_traceback(r):
    lines, p = r.line("nope")
    if len(lines) != 3:
        raise Failure("expected a 3-line traceback, got %r" % lines)
    expect_lines(lines[:2], ["Traceback (most recent call last):",
                             '  File "<stdin>", line 1, in <module>'], "traceback head")
    # CPython 3.11 may add ". Did you mean: 'None'?"
    if not lines[2].startswith("NameError: name 'nope' is not defined"):
        raise Failure("last traceback line: %r" % lines[2])
    expect_prompt_kind(p, PROMPT, "after the error")
    lines, _ = r.line("1")
    expect_lines(lines, ["1"], "the REPL still works after an error")


def s_error_in_function(r):
    r.line("def f():")
    r.line("    return 1 // 0")
    r.line("")
    lines, _ = r.line("f()")
    if not lines or lines[0] != "Traceback (most recent call last):" \
            or lines[-1] != "ZeroDivisionError: integer division or modulo by zero":
        raise Failure("traceback: %r" % lines)
    want = ['  File "<stdin>", line 1, in <module>', '  File "<stdin>", line 2, in f']
    missing = [w for w in want if w not in lines]
    if missing:
        raise Failure("traceback lacks %r: %r" % (missing, lines))


def s_syntax_error(r):
    lines, p = r.line("x = = 1")
    if not lines or lines[-1] != "SyntaxError: invalid syntax":
        raise Failure("syntax error output: %r" % lines)
    expect_prompt_kind(p, PROMPT, "after a syntax error")


def s_ctrl_c_at_prompt(r):
    r.send("\x03")
    out, p = r.expect_prompt()
    if "KeyboardInterrupt" not in out:
        raise Failure("Ctrl-C printed %r, expected KeyboardInterrupt" % out)
    expect_prompt_kind(p, PROMPT, "after Ctrl-C")
    lines, _ = r.line("2 + 2")
    expect_lines(lines, ["4"], "the REPL still works after Ctrl-C")


def s_ctrl_c_in_continuation(r):
    lines, p = r.line("if True:")
    expect_prompt_kind(p, CONT, "after if header")
    r.send("\x03")
    out, p = r.expect_prompt()
    if "KeyboardInterrupt" not in out:
        raise Failure("Ctrl-C printed %r, expected KeyboardInterrupt" % out)
    expect_prompt_kind(p, PROMPT, "Ctrl-C abandons the compound statement")
    lines, _ = r.line("5")
    expect_lines(lines, ["5"], "fresh statement after Ctrl-C")


def s_ctrl_d_exits_zero(r):
    r.line("y = 1")
    r.send("\x04")
    code = r.wait_exit()
    if code != 0:
        raise Failure("Ctrl-D: exit status %r, expected 0" % code)


def s_strings_compiled_per_input(r):
    r.line("a = 'hello world'")
    r.line("b = 'hello world'")
    lines, _ = r.line("a is b")
    expect_lines(lines, ["False"], "'hello world' typed twice: two objects")
    r.line("c = 'abcd'")
    r.line("d = 'abcd'")
    lines, _ = r.line("c is d")
    expect_lines(lines, ["True"], "'abcd' typed twice: interned, one object")


def s_print_then_value(r):
    lines, _ = r.line("print('a'); 7")
    expect_lines(lines, ["a", "7"], "a simple statement list")


def s_sys_exit(r):
    r.send("import sys\r")
    r.expect_prompt()
    r.send("sys.exit(3)\r")
    code = r.wait_exit()
    if code != 3:
        raise Failure("sys.exit(3) in the REPL: exit status %r" % code)


SCENARIOS = [
    ("prompt and expression echo: 1+2 -> 3", s_expression_echo),
    ("None echoes nothing", s_none_echoes_nothing),
    ("x = 5 then x * 2 -> 10", s_assignment_and_use),
    ("_ holds the last echoed value", s_underscore_holds_last_value),
    ("compound statement with '... ' prompts", s_compound_statement),
    ("def then call", s_function_definition),
    ("NameError traceback and back to the prompt", s_error_traceback),
    ("traceback through a function defined at the prompt", s_error_in_function),
    ("syntax error and back to the prompt", s_syntax_error),
    ("Ctrl-C at the prompt: KeyboardInterrupt, fresh prompt", s_ctrl_c_at_prompt),
    ("Ctrl-C in a continuation line", s_ctrl_c_in_continuation),
    ("Ctrl-D exits with status 0", s_ctrl_d_exits_zero),
    ("each input is compiled separately (is on equal strings)", s_strings_compiled_per_input),
    ("statement list: print then value", s_print_then_value),
    ("sys.exit(3) ends the REPL with status 3", s_sys_exit),
]


def show(transcript):
    for kind, text in transcript:
        print("       %s %r" % ("<<" if kind == "in" else ">>", text))


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv[1:]
    if len(args) != 1:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    tpy = os.path.abspath(args[0])
    if not os.access(tpy, os.X_OK):
        print("repl_driver.py: %s is not executable" % tpy, file=sys.stderr)
        return 2
    passed = failed = 0
    for name, fn in SCENARIOS:
        r = Repl(tpy)
        try:
            r.expect_prompt()
            fn(r)
        except Failure as e:
            failed += 1
            print("FAIL %s\n       %s" % (name, e))
            show(r.transcript)
        else:
            passed += 1
            print("ok   %s" % name)
            if verbose:
                show(r.transcript)
        finally:
            r.close()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
