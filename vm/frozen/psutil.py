# vm/frozen/psutil.py - the part of the third-party `psutil` package that
# memory-watching scripts use, compiled into tpy (vm/frozen.c).  Linux only:
# everything is read from /proc with open().
#
#   Process(pid=None)        .pid, name(), ppid(), status(), num_threads(),
#                            cmdline(), memory_info(), memory_percent(),
#                            cpu_times(), is_running()
#   virtual_memory()         svmem(total, available, percent, used, free, ...)
#   swap_memory(), cpu_count(), pid_exists(), pids(), boot_time()
#   NoSuchProcess, AccessDenied (subclasses of psutil.Error)
#
# Figures are what psutil computes on Linux: memory_info() is /proc/PID/statm
# in bytes (pmem(rss, vms, shared, text, lib, data, dirty)), virtual_memory()
# follows /proc/meminfo with psutil's formulas for `used` and `percent`.
# The results print like psutil's named tuples.

import os

__version__ = '5.9.0'
version_info = (5, 9, 0)

STATUS_RUNNING = 'running'
STATUS_SLEEPING = 'sleeping'
STATUS_DISK_SLEEP = 'disk-sleep'
STATUS_STOPPED = 'stopped'
STATUS_TRACING_STOP = 'tracing-stop'
STATUS_ZOMBIE = 'zombie'
STATUS_DEAD = 'dead'
STATUS_IDLE = 'idle'
STATUS_PARKED = 'parked'

_STATUS_BY_LETTER = {
    'R': STATUS_RUNNING, 'S': STATUS_SLEEPING, 'D': STATUS_DISK_SLEEP,
    'T': STATUS_STOPPED, 't': STATUS_TRACING_STOP, 'Z': STATUS_ZOMBIE,
    'X': STATUS_DEAD, 'x': STATUS_DEAD, 'I': STATUS_IDLE, 'P': STATUS_PARKED,
}

_CLOCK_TICKS = 100      # sysconf(_SC_CLK_TCK) on every Linux tpy runs on


class Error(Exception):
    """Base exception class. All other psutil exceptions inherit from this one."""

    def __init__(self, msg=''):
        Exception.__init__(self, msg)
        self.msg = msg

    def _details(self):
        parts = []
        if getattr(self, 'pid', None) is not None:
            parts.append('pid=' + repr(self.pid))
        if getattr(self, 'name', None):
            parts.append('name=' + repr(self.name))
        return ', '.join(parts)

    def __str__(self):
        details = self._details()
        if details:
            return self.msg + ' (' + details + ')'
        return self.msg


class NoSuchProcess(Error):
    """Raised when a process with a certain PID doesn't or no longer exists."""

    def __init__(self, pid, name=None, msg=None):
        Error.__init__(self, msg or 'process no longer exists')
        self.pid = pid
        self.name = name


class AccessDenied(Error):
    """Raised when permission to perform an action is denied."""

    def __init__(self, pid=None, name=None, msg=None):
        Error.__init__(self, msg or '')
        self.pid = pid
        self.name = name


def _record(typename, fields):
    # A tuple subclass that prints and reads like a collections.namedtuple.
    def __new__(cls, *values):
        if len(values) != len(fields):
            raise TypeError(typename + '() takes ' + str(len(fields)) + ' arguments')
        return tuple.__new__(cls, values)

    def __repr__(self):
        return typename + '(' + ', '.join(
            f + '=' + repr(v) for f, v in zip(fields, self)) + ')'

    def _asdict(self):
        return dict(zip(fields, self))

    ns = {'__new__': __new__, '__repr__': __repr__, '_asdict': _asdict,
          '_fields': tuple(fields), '__module__': 'psutil'}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i])
    return type(typename, (tuple,), ns)


pmem = _record('pmem', ['rss', 'vms', 'shared', 'text', 'lib', 'data', 'dirty'])
pcputimes = _record('pcputimes', ['user', 'system', 'children_user', 'children_system',
                                  'iowait'])
svmem = _record('svmem', ['total', 'available', 'percent', 'used', 'free', 'active',
                          'inactive', 'buffers', 'cached', 'shared', 'slab'])
sswap = _record('sswap', ['total', 'used', 'free', 'percent', 'sin', 'sout'])


def _read(path):
    with open(path) as f:
        return f.read()


def _meminfo():
    # /proc/meminfo as {field: bytes}.
    info = {}
    for line in _read('/proc/meminfo').splitlines():
        name, _, rest = line.partition(':')
        words = rest.split()
        if words:
            value = int(words[0])
            if len(words) > 1 and words[1] == 'kB':
                value *= 1024
            info[name] = value
    return info


def _page_size():
    # statm counts pages; /proc/self/status gives the same sizes in kB.
    # Their ratio is the page size (a power of two, 4096 almost everywhere).
    status = _read('/proc/self/status')
    statm = _read('/proc/self/statm').split()
    for line in status.splitlines():
        if line.startswith('VmSize:'):
            kb = int(line.split()[1])
            pages = int(statm[0])
            if pages > 0:
                ratio = kb * 1024 // pages
                size = 1024
                while size * 2 <= ratio + ratio // 8:
                    size *= 2
                return size
    return 4096


PAGESIZE = _page_size()


def _usage_percent(used, total, ndigits=None):
    try:
        ret = (float(used) / total) * 100
    except ZeroDivisionError:
        return 0.0
    if ndigits is not None:
        ret = round(ret, ndigits)
    return ret


class Process:
    """Represents an OS process with the given PID (default: the current one)."""

    def __init__(self, pid=None):
        if pid is None:
            pid = os.getpid()
        else:
            if not isinstance(pid, int):
                raise TypeError('pid must be an integer (got ' + repr(pid) + ')')
            if pid < 0:
                raise ValueError('pid must be a positive integer (got ' + str(pid) + ')')
        self._pid = pid
        self._name = None
        if not pid_exists(pid):
            raise NoSuchProcess(pid, msg='process PID not found')

    @property
    def pid(self):
        """The process PID."""
        return self._pid

    def _proc(self, what):
        # The text of /proc/PID/what; NoSuchProcess once the process is gone.
        try:
            return _read('/proc/' + str(self._pid) + '/' + what)
        except FileNotFoundError:
            raise NoSuchProcess(self._pid, self._name) from None
        except PermissionError:
            raise AccessDenied(self._pid, self._name) from None

    def _status_field(self, field):
        for line in self._proc('status').splitlines():
            if line.startswith(field + ':'):
                return line[len(field) + 1:].strip()
        return None

    def _stat(self):
        # /proc/PID/stat after the "(comm)" field, which may hold spaces.
        data = self._proc('stat')
        return data[data.rfind(')') + 2:].split()

    def name(self):
        """The process name."""
        name = self._proc('comm').rstrip('\n')
        if len(name) >= 15:
            # comm is cut at 15 characters: take the full name from cmdline
            cmdline = self.cmdline()
            if cmdline:
                base = os.path.basename(cmdline[0])
                if base.startswith(name):
                    name = base
        self._name = name
        return name

    def ppid(self):
        """The parent process PID."""
        return int(self._status_field('PPid'))

    def status(self):
        """The process status as a string (psutil.STATUS_* constants)."""
        letter = self._status_field('State')[:1]
        return _STATUS_BY_LETTER.get(letter, '?')

    def num_threads(self):
        """The number of threads used by this process."""
        return int(self._status_field('Threads'))

    def cmdline(self):
        """The command line this process was called with, as a list of strings."""
        data = self._proc('cmdline')
        if not data:
            return []
        if data.endswith('\x00'):
            data = data[:-1]
        return data.split('\x00')

    def memory_info(self):
        """Memory figures in bytes: pmem(rss, vms, shared, text, lib, data, dirty).
        rss is the resident set size, vms the total virtual memory."""
        # statm: size resident shared text lib data dirty (in pages)
        vms, rss, shared, text, lib, data, dirty = [
            int(x) * PAGESIZE for x in self._proc('statm').split()[:7]]
        return pmem(rss, vms, shared, text, lib, data, dirty)

    def memory_percent(self, memtype='rss'):
        """The process's memory (rss by default) as a percentage of the total
        physical memory."""
        info = self.memory_info()
        if memtype not in pmem._fields:
            raise ValueError('invalid memtype ' + repr(memtype) + '; valid types are '
                             + repr(pmem._fields))
        value = info[pmem._fields.index(memtype)]
        return _usage_percent(value, _meminfo()['MemTotal'])

    def cpu_times(self):
        """pcputimes(user, system, children_user, children_system, iowait) in seconds."""
        st = self._stat()
        # fields after comm: state is index 0; utime 11, stime 12, cutime 13,
        # cstime 14, delayacct_blkio_ticks 39
        ticks = [int(st[i]) / _CLOCK_TICKS for i in (11, 12, 13, 14)]
        iowait = int(st[39]) / _CLOCK_TICKS if len(st) > 39 else 0.0
        return pcputimes(ticks[0], ticks[1], ticks[2], ticks[3], iowait)

    def is_running(self):
        """Whether the process still exists."""
        return pid_exists(self._pid)

    def __eq__(self, other):
        if not isinstance(other, Process):
            return NotImplemented
        return self._pid == other._pid

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self._pid)

    def __repr__(self):
        parts = ['pid=' + str(self._pid)]
        try:
            parts.append('name=' + repr(self.name()))
            parts.append('status=' + repr(self.status()))
        except Error:
            pass
        return 'psutil.Process(' + ', '.join(parts) + ')'

    __str__ = __repr__


def pid_exists(pid):
    """Whether the given PID exists in the current process list."""
    if pid < 0:
        return False
    if pid == 0:
        return True
    return os.path.exists('/proc/' + str(pid))


def pids():
    """The PIDs currently running, sorted."""
    return sorted(int(name) for name in os.listdir('/proc') if name.isdigit())


def cpu_count(logical=True):
    """The number of logical CPUs (None if undetermined)."""
    return os.cpu_count()


def boot_time():
    """The system boot time in seconds since the epoch."""
    for line in _read('/proc/stat').splitlines():
        if line.startswith('btime'):
            return float(line.split()[1])
    raise RuntimeError("line 'btime' not found in /proc/stat")


def virtual_memory():
    """System memory in bytes: svmem(total, available, percent, used, free,
    active, inactive, buffers, cached, shared, slab)."""
    mi = _meminfo()
    total = mi['MemTotal']
    free = mi['MemFree']
    buffers = mi.get('Buffers', 0)
    cached = mi.get('Cached', 0) + mi.get('SReclaimable', 0)
    shared = mi.get('Shmem', 0)
    active = mi.get('Active', 0)
    inactive = mi.get('Inactive', 0)
    slab = mi.get('Slab', 0)
    used = total - free - cached - buffers
    if used < 0:
        used = total - free
    avail = mi.get('MemAvailable', free + cached + buffers)
    if avail < 0:
        avail = 0
    if avail > total:
        avail = free
    percent = _usage_percent(total - avail, total, 1)
    return svmem(total, avail, percent, used, free, active, inactive, buffers, cached,
                 shared, slab)


def swap_memory():
    """Swap memory in bytes: sswap(total, used, free, percent, sin, sout)."""
    mi = _meminfo()
    total = mi.get('SwapTotal', 0)
    free = mi.get('SwapFree', 0)
    used = total - free
    sin = sout = 0
    try:
        for line in _read('/proc/vmstat').splitlines():
            if line.startswith('pswpin '):
                sin = int(line.split()[1]) * 4096
            elif line.startswith('pswpout '):
                sout = int(line.split()[1]) * 4096
    except OSError:
        pass
    return sswap(total, used, free, _usage_percent(used, total, 1), sin, sout)
