# A cooperative scheduler: tasks are generators that yield "system calls";
# subroutines are generators too, called through a trampoline (a stack of
# generators per task), and errors travel between them with throw().
import sys


class SysCall:
    def handle(self, sched, task):
        raise NotImplementedError


class GetTid(SysCall):
    def handle(self, sched, task):
        task.sendval = task.tid
        sched.schedule(task)


class Spawn(SysCall):
    def __init__(self, target):
        self.target = target

    def handle(self, sched, task):
        tid = sched.new(self.target)
        task.sendval = tid
        sched.schedule(task)


class Kill(SysCall):
    def __init__(self, tid):
        self.tid = tid

    def handle(self, sched, task):
        victim = sched.tasks.get(self.tid)
        if victim is None:
            task.sendval = False
        else:
            victim.close()
            sched.exit(victim, "killed")
            task.sendval = True
        sched.schedule(task)


class Wait(SysCall):
    def __init__(self, tid):
        self.tid = tid

    def handle(self, sched, task):
        if self.tid in sched.tasks:
            sched.waiting.setdefault(self.tid, []).append(task)
        else:
            task.sendval = None
            sched.schedule(task)


class Fail(SysCall):
    """Ask the scheduler to throw an exception back into the task."""

    def __init__(self, exc):
        self.exc = exc

    def handle(self, sched, task):
        task.pending = self.exc
        sched.schedule(task)


class Task:
    next_id = 0

    def __init__(self, target):
        Task.next_id += 1
        self.tid = Task.next_id
        self.stack = [target]
        self.sendval = None
        self.pending = None

    def close(self):
        while self.stack:
            self.stack.pop().close()

    def run(self):
        # trampoline: a yielded generator is a call, a return pops the stack
        while True:
            gen = self.stack[-1]
            try:
                if self.pending is not None:
                    exc, self.pending = self.pending, None
                    result = gen.throw(exc)
                else:
                    result = gen.send(self.sendval)
            except StopIteration as stop:
                self.stack.pop()
                if not self.stack:
                    raise
                self.sendval = stop.value
                continue
            except Exception as e:
                self.stack.pop()
                if not self.stack:
                    raise
                self.pending = e
                continue
            if type(result).__name__ == "generator":
                self.stack.append(result)
                self.sendval = None
                continue
            return result


class Scheduler:
    def __init__(self):
        self.ready = []
        self.tasks = {}
        self.waiting = {}
        self.log = []

    def new(self, target):
        t = Task(target)
        self.tasks[t.tid] = t
        self.schedule(t)
        return t.tid

    def schedule(self, task):
        self.ready.append(task)

    def exit(self, task, how):
        self.log.append((task.tid, how))
        del self.tasks[task.tid]
        for w in self.waiting.pop(task.tid, []):
            self.schedule(w)

    def mainloop(self):
        while self.tasks:
            if not self.ready:
                print("deadlock:", sorted(self.tasks))
                return
            task = self.ready.pop(0)
            if task.tid not in self.tasks:
                continue
            try:
                result = task.run()
            except StopIteration as stop:
                self.exit(task, "returned %r" % (stop.value,))
                continue
            except Exception as e:
                self.exit(task, "crashed %s: %s" % (type(e).__name__, e))
                continue
            if isinstance(result, SysCall):
                result.handle(self, task)
            else:
                task.sendval = None
                self.schedule(task)


def add(a, b):
    yield
    return a + b


def fib(n):
    if n < 2:
        return n
        yield
    a = yield fib(n - 1)
    b = yield fib(n - 2)
    return a + b


def checked_div(a, b):
    yield
    if b == 0:
        raise ZeroDivisionError("div by zero in subroutine")
    return a // b


def worker(name, n):
    tid = yield GetTid()
    total = 0
    for i in range(n):
        total = yield add(total, i)
        yield
    print("worker", name, "tid", tid, "total", total)
    return total


def fibber(n):
    r = yield fib(n)
    print("fib(%d) = %d" % (n, r))
    return r


def careful():
    try:
        yield checked_div(10, 0)
    except ZeroDivisionError as e:
        print("careful caught:", e, "| handled:", type(sys.exc_info()[1]).__name__)
        r = yield checked_div(10, 3)
        print("careful retried:", r)
    try:
        yield Fail(KeyError("from the scheduler"))
    except KeyError as e:
        print("careful got thrown", repr(e))
    return "ok"


def crasher():
    yield
    raise ValueError("crasher gives up")


def forever():
    try:
        while True:
            yield
    finally:
        print("forever: cleaned up")


def boss():
    kids = []
    for i in range(3):
        kids.append((yield Spawn(worker("w%d" % i, 4 + i))))
    victim = yield Spawn(forever())
    yield
    yield
    killed = yield Kill(victim)
    print("boss killed", victim, killed)
    for k in kids:
        yield Wait(k)
    print("boss: all kids done")
    c = yield Spawn(crasher())
    yield Wait(c)
    print("boss: crasher finished")
    return len(kids)


s = Scheduler()
s.new(boss())
s.new(fibber(12))
s.new(careful())
s.mainloop()
for entry in s.log:
    print(entry)
print("handled at the end:", sys.exc_info())
