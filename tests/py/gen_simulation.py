# A discrete-event simulation in the style of SimPy: processes are
# generators that yield events (timeouts, resource requests, other
# processes); the environment resumes them when the events fire.
class Interrupt(Exception):
    def __init__(self, cause):
        super().__init__(cause)
        self.cause = cause


class Event:
    def __init__(self, env):
        self.env = env
        self.callbacks = []
        self.triggered = False
        self.value = None
        self.failure = None

    def succeed(self, value=None, delay=0):
        self.triggered = True
        self.value = value
        self.env.schedule(self, delay)
        return self

    def fail(self, exc):
        self.triggered = True
        self.failure = exc
        self.env.schedule(self, 0)
        return self


class Timeout(Event):
    def __init__(self, env, delay, value=None):
        super().__init__(env)
        self.succeed(value, delay)


class Process(Event):
    def __init__(self, env, gen, name):
        super().__init__(env)
        self.gen = gen
        self.name = name
        self.target = None
        start = Event(env)
        start.callbacks.append(self._resume)
        start.succeed()

    def interrupt(self, cause):
        if self.triggered:
            return
        ev = Event(self.env)
        ev.callbacks.append(self._resume)
        ev.fail(Interrupt(cause))
        if self.target is not None and self._resume in self.target.callbacks:
            self.target.callbacks.remove(self._resume)

    def _resume(self, event):
        try:
            if event.failure is not None:
                nxt = self.gen.throw(event.failure)
            else:
                nxt = self.gen.send(event.value)
        except StopIteration as stop:
            self.target = None
            self.env.log("%s finished -> %r" % (self.name, stop.value))
            self.succeed(stop.value)
            return
        except Exception as e:
            self.target = None
            self.env.log("%s crashed: %s %s" % (self.name, type(e).__name__, e))
            self.fail(e)
            return
        self.target = nxt
        if nxt.triggered and nxt not in self.env.pending():
            ev = Event(self.env)
            ev.callbacks.append(self._resume)
            if nxt.failure is not None:
                ev.fail(nxt.failure)
            else:
                ev.succeed(nxt.value)
        else:
            nxt.callbacks.append(self._resume)


class Resource:
    def __init__(self, env, capacity):
        self.env = env
        self.capacity = capacity
        self.users = 0
        self.queue = []

    def request(self):
        ev = Event(self.env)
        if self.users < self.capacity:
            self.users += 1
            ev.succeed()
        else:
            self.queue.append(ev)
        return ev

    def release(self):
        if self.queue:
            self.queue.pop(0).succeed()
        else:
            self.users -= 1


class Environment:
    def __init__(self):
        self.now = 0
        self.queue = []
        self.seq = 0
        self.lines = []

    def schedule(self, event, delay):
        self.seq += 1
        self.queue.append((self.now + delay, self.seq, event))
        self.queue.sort(key=lambda t: (t[0], t[1]))

    def pending(self):
        return [e for _, _, e in self.queue]

    def timeout(self, delay, value=None):
        return Timeout(self, delay, value)

    def process(self, gen, name):
        return Process(self, gen, name)

    def log(self, msg):
        self.lines.append("%5.1f  %s" % (self.now, msg))

    def run(self, until=None):
        while self.queue:
            t, _, ev = self.queue[0]
            if until is not None and t > until:
                break
            self.queue.pop(0)
            self.now = t
            for cb in list(ev.callbacks):
                cb(ev)
        for line in self.lines:
            print(line)


def customer(env, name, counter, patience, service):
    env.log("%s arrives" % name)
    req = counter.request()
    waited = env.now
    got = yield req
    env.log("%s starts service after %.1f" % (name, env.now - waited))
    try:
        yield env.timeout(service)
    finally:
        counter.release()
    env.log("%s leaves" % name)
    return name.upper()


def source(env, counter, specs):
    procs = []
    for i, (gap, service) in enumerate(specs):
        yield env.timeout(gap)
        procs.append(env.process(customer(env, "c%d" % i, counter, 5, service), "c%d" % i))
    results = []
    for p in procs:
        results.append((yield p))
    env.log("source collected %s" % results)
    return len(results)


def worker(env):
    done = 0
    while True:
        try:
            yield env.timeout(3)
            done += 1
            env.log("worker finished job %d" % done)
        except Interrupt as i:
            env.log("worker interrupted (%s) after %d jobs" % (i.cause, done))
            if i.cause == "stop":
                return done
            yield env.timeout(1)
            env.log("worker back to work")


def manager(env, w):
    yield env.timeout(4)
    w.interrupt("coffee")
    yield env.timeout(6)
    w.interrupt("stop")
    jobs = yield w
    env.log("manager saw %d jobs" % jobs)


def flaky(env):
    yield env.timeout(2)
    raise RuntimeError("flaky broke")


def supervisor(env):
    p = env.process(flaky(env), "flaky")
    try:
        yield p
    except RuntimeError as e:
        env.log("supervisor caught %r" % e)
    yield env.timeout(1)
    return "supervised"


env = Environment()
counter = Resource(env, 2)
env.process(source(env, counter, [(0, 4), (1, 3), (1, 5), (2, 1), (0, 2)]), "source")
w = env.process(worker(env), "worker")
env.process(manager(env, w), "manager")
env.process(supervisor(env), "supervisor")
env.run(until=40)
