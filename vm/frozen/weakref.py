# vm/frozen/weakref.py - the `weakref` module, compiled into tpy (vm/frozen.c).
#
# ref, proxy, getweakrefcount and getweakrefs come from the built-in _weakref
# (runtime/weakrefobject.c).  This file adds the weak containers (WeakSet,
# WeakValueDictionary, WeakKeyDictionary), WeakMethod and finalize, with the
# behaviour of CPython 3.11's (results, errors, reprs, iteration order).
#
# Consistency of the containers: every entry is held through a weakref whose
# callback deletes the entry when its referent dies.  While the container is
# being iterated (`_iterators` is not empty) such deletions are queued in
# `_pending` instead, so the dict or set underneath never changes size under a
# running loop; the queue is applied when the last loop ends, or earlier by an
# operation that needs the exact contents.  The callbacks hold the container
# only weakly, so a container is freed as soon as the program drops it.

from _weakref import (getweakrefcount, getweakrefs, ref, proxy, CallableProxyType, ProxyType,
                      ReferenceType, _remove_dead_weakref)
import _weakref

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]


class _IterationGuard:
    # The context of one loop over a weak container's storage.  It refers to
    # the container weakly: a generator abandoned mid-loop must not keep the
    # container alive.

    def __init__(self, container):
        self._target = ref(container)

    def __enter__(self):
        c = self._target()
        if c is not None:
            c._iterators.add(self)
        return self

    def __exit__(self, *exc_info):
        c = self._target()
        if c is not None:
            c._iterators.discard(self)
            if not c._iterators:
                c._apply_pending()


class _WeakContainer:
    # State shared by the three containers: `data` (the storage), the loops
    # running over it and the deletions they hold back.

    def _start(self, storage):
        # the subclass's _drop(wr) deletes the entry of the dead weakref wr
        self.data = storage
        self._pending = []
        self._iterators = set()

        def on_death(wr, container_ref=ref(self)):
            container = container_ref()
            if container is None:
                return
            if container._iterators:
                container._pending.append(wr)
            else:
                container._drop(wr)
        self._remove = on_death

    def _apply_pending(self):
        pending = self._pending
        while pending:
            self._drop(pending.pop())


def _is_mapping(obj):
    return isinstance(obj, (dict, WeakValueDictionary, WeakKeyDictionary))


class _MappingMethods(_WeakContainer):
    # What collections.abc.MutableMapping provides CPython's weak dictionaries.
    __hash__ = None
    __reversed__ = None

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        result = self.__class__()
        result.update(other)
        result.update(self)
        return result

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))


# ---- WeakValueDictionary -----------------------------------------------------

class KeyedRef(ref):
    # A weakref that knows under which key its referent is stored.
    __slots__ = ("key",)

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class WeakValueDictionary(_MappingMethods):
    """A mapping whose values are held weakly: an entry disappears when
    its value is no longer used anywhere else."""

    def __init__(self, other=(), /, **kw):
        self._start({})
        self.update(other, **kw)

    def _drop(self, wr, _remove_dead=_remove_dead_weakref):
        _remove_dead(self.data, wr.key)

    def _settle(self):
        if self._pending:
            self._apply_pending()

    def _wrap(self, key, value):
        return KeyedRef(value, self._remove, key)

    def __len__(self):
        self._settle()
        return len(self.data)

    def __getitem__(self, key):
        self._settle()
        value = self.data[key]()
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self._settle()
        self.data[key] = self._wrap(key, value)

    def __delitem__(self, key):
        self._settle()
        del self.data[key]

    def __contains__(self, key):
        self._settle()
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def get(self, key, default=None):
        self._settle()
        wr = self.data.get(key)
        if wr is None:
            return default
        value = wr()
        return default if value is None else value

    def keys(self):
        self._settle()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                if wr() is not None:
                    yield key

    __iter__ = keys

    def values(self):
        self._settle()
        with _IterationGuard(self):
            for wr in self.data.values():
                value = wr()
                if value is not None:
                    yield value

    def items(self):
        self._settle()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                value = wr()
                if value is not None:
                    yield key, value

    def itervaluerefs(self):
        """An iterator over the weak references to the values."""
        self._settle()
        with _IterationGuard(self):
            yield from self.data.values()

    def valuerefs(self):
        """A list of the weak references to the values."""
        self._settle()
        return list(self.data.values())

    def copy(self):
        self._settle()
        result = WeakValueDictionary()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                value = wr()
                if value is not None:
                    result[key] = value
        return result

    __copy__ = copy

    def pop(self, key, *default):
        self._settle()
        try:
            value = self.data.pop(key)()
        except KeyError:
            value = None
        if value is not None:
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        self._settle()
        while True:
            key, wr = self.data.popitem()
            value = wr()
            if value is not None:
                return key, value

    def setdefault(self, key, default=None):
        wr = self.data.get(key)
        value = None if wr is None else wr()
        if value is not None:
            return value
        self._settle()
        self.data[key] = self._wrap(key, default)
        return default

    def update(self, other=None, /, **kwargs):
        self._settle()
        data = self.data
        if other is not None:
            if not hasattr(other, "keys"):
                other = dict(other)
            for key, value in other.items():
                data[key] = self._wrap(key, value)
        for key, value in kwargs.items():
            data[key] = self._wrap(key, value)


# ---- WeakKeyDictionary -------------------------------------------------------

class WeakKeyDictionary(_MappingMethods):
    """A mapping whose keys are held weakly: an entry disappears when its
    key is no longer used anywhere else."""

    def __init__(self, dict=None):
        self._start({})
        # set by the operations that remove entries themselves: a queued
        # deletion may then name an entry that is already gone
        self._stale_pending = False
        if dict is not None:
            self.update(dict)

    def _drop(self, wr):
        self.data.pop(wr, None)

    def __len__(self):
        if self._stale_pending and self._pending:
            data = self.data
            self._pending = [wr for wr in self._pending if wr in data]
            self._stale_pending = False
        return len(self.data) - len(self._pending)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        self._stale_pending = True
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def keys(self):
        with _IterationGuard(self):
            for wr in self.data:
                key = wr()
                if key is not None:
                    yield key

    __iter__ = keys

    def values(self):
        with _IterationGuard(self):
            for wr, value in self.data.items():
                if wr() is not None:
                    yield value

    def items(self):
        with _IterationGuard(self):
            for wr, value in self.data.items():
                key = wr()
                if key is not None:
                    yield key, value

    def keyrefs(self):
        """A list of the weak references to the keys."""
        return list(self.data)

    def copy(self):
        result = WeakKeyDictionary()
        with _IterationGuard(self):
            for wr, value in self.data.items():
                key = wr()
                if key is not None:
                    result[key] = value
        return result

    __copy__ = copy

    def pop(self, key, *default):
        self._stale_pending = True
        return self.data.pop(ref(key), *default)

    def popitem(self):
        self._stale_pending = True
        while True:
            wr, value = self.data.popitem()
            key = wr()
            if key is not None:
                return key, value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        data = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                data[ref(key, self._remove)] = value
        if kwargs:
            self.update(kwargs)


# ---- WeakSet -------------------------------------------------------------------

class WeakSet(_WeakContainer):
    __module__ = "_weakrefset"

    def __init__(self, data=None):
        self._start(set())
        if data is not None:
            self.update(data)

    def _drop(self, wr):
        self.data.discard(wr)

    def _settle(self):
        if self._pending:
            self._apply_pending()

    def __iter__(self):
        with _IterationGuard(self):
            for wr in self.data:
                item = wr()
                if item is not None:
                    yield item

    def __len__(self):
        return len(self.data) - len(self._pending)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return repr(self.data)

    def add(self, item):
        self._settle()
        self.data.add(ref(item, self._remove))

    def update(self, other):
        self._settle()
        for item in other:
            self.add(item)

    def remove(self, item):
        self._settle()
        self.data.remove(ref(item))

    def discard(self, item):
        self._settle()
        self.data.discard(ref(item))

    def pop(self):
        self._settle()
        while True:
            if not self.data:
                raise KeyError('pop from empty WeakSet')
            item = self.data.pop()()
            if item is not None:
                return item

    def clear(self):
        self._settle()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    # -- algebra: results are new containers of the same class

    def union(self, other):
        return self.__class__(item for group in (self, other) for item in group)

    __or__ = union

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def difference(self, other):
        result = self.copy()
        result.difference_update(other)
        return result

    __sub__ = difference

    def symmetric_difference(self, other):
        result = self.copy()
        result.symmetric_difference_update(other)
        return result

    __xor__ = symmetric_difference

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    # -- in place

    def __ior__(self, other):
        self.update(other)
        return self

    def __iand__(self, other):
        self._settle()
        self.data.intersection_update(ref(item) for item in other)
        return self

    def intersection_update(self, other):
        self.__iand__(other)

    def __isub__(self, other):
        self._settle()
        if other is self:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def difference_update(self, other):
        self.__isub__(other)

    def __ixor__(self, other):
        self._settle()
        if other is self:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
        return self

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    # -- comparisons: by the referents

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)

    __le__ = issubset

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)

    __ge__ = issuperset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))


# ---- WeakMethod ------------------------------------------------------------------

class WeakMethod(ref):
    """A weak reference to a bound method: it stays alive while both the
    object and the function are alive, and calling it rebuilds the bound
    method (or returns None)."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj, func = meth.__self__, meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def died(_):
            # the first of the object and the function to die kills the
            # WeakMethod; the callback runs once
            wm = wm_ref()
            if wm._alive:
                wm._alive = False
                if callback is not None:
                    callback(wm)

        self = ref.__new__(cls, obj, died)
        self._func_ref = ref(func, died)
        self._meth_type = type(meth)
        self._alive = True
        wm_ref = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._alive and other._alive:
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return self is other

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._alive and other._alive:
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return self is not other

    __hash__ = ref.__hash__


# ---- finalize ----------------------------------------------------------------------

class _Record:
    # What a live finalizer will do: func(*args, **kwargs) when obj dies.
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    """finalize(obj, func, /, *args, **kwargs): call func(*args, **kwargs)
    once, when obj dies or when the finalizer is called, whichever comes
    first; at exit, live finalizers whose atexit is true run newest first."""

    # The state lives on the class, not in module globals: finalizers may run
    # while the interpreter tears modules down.  _live maps every live
    # finalizer to its _Record (and so keeps it alive); calling, detaching or
    # the referent's death removes it.
    __slots__ = ()
    _live = {}
    _state = {"count": 0, "changed": False, "at_exit_hooked": False, "exiting": False}
    _Record = _Record

    def __init__(self, obj, func, /, *args, **kwargs):
        state = self._state
        if not state["at_exit_hooked"]:
            _weakref._atexit_register(self._run_at_exit)
            state["at_exit_hooked"] = True
        record = self._Record()
        record.weakref = ref(obj, self)
        record.func = func
        record.args = args
        record.kwargs = kwargs or None
        record.atexit = True
        record.index = state["count"]
        state["count"] += 1
        self._live[self] = record
        state["changed"] = True

    def __call__(self, _=None):
        """Call func(*args, **kwargs) if still alive (and mark dead);
        otherwise return None."""
        record = self._live.pop(self, None)
        if record is not None and not self._state["exiting"]:
            return record.func(*record.args, **(record.kwargs or {}))

    def _live_target(self):
        record = self._live.get(self)
        if record is None:
            return None, None
        return record, record.weakref()

    def detach(self):
        """(obj, func, args, kwargs) if alive (and mark dead), else None."""
        record, obj = self._live_target()
        if obj is not None and self._live.pop(self, None) is not None:
            return (obj, record.func, record.args, record.kwargs or {})

    def peek(self):
        """(obj, func, args, kwargs) if alive, else None."""
        record, obj = self._live_target()
        if obj is not None:
            return (obj, record.func, record.args, record.kwargs or {})

    @property
    def alive(self):
        """Whether the finalizer has yet to be called."""
        return self in self._live

    @property
    def atexit(self):
        """Whether the finalizer runs at interpreter exit."""
        record = self._live.get(self)
        return record is not None and record.atexit

    @atexit.setter
    def atexit(self, value):
        record = self._live.get(self)
        if record is not None:
            record.atexit = bool(value)

    def __repr__(self):
        record, obj = self._live_target()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _exit_candidates(cls):
        # live finalizers with atexit set, oldest first
        chosen = [(record.index, f) for f, record in cls._live.items() if record.atexit]
        chosen.sort(key=lambda pair: pair[0])
        return [f for _, f in chosen]

    @classmethod
    def _run_at_exit(cls, _print_exception=_weakref._print_exception):
        # Called once at interpreter exit (runtime/weakrefmodule.c): run the
        # atexit finalizers newest first, the cycle collector off; finalizers
        # created by them join in.  An error is printed and the others run.
        state = cls._state
        collector = None
        try:
            if cls._live:
                import gc
                if gc.isenabled():
                    collector = gc
                    gc.disable()
                todo = None
                while True:
                    if todo is None or state["changed"]:
                        todo = cls._exit_candidates()
                        state["changed"] = False
                    if not todo:
                        break
                    f = todo.pop()
                    try:
                        f()
                    except Exception as e:
                        _print_exception(e)
        finally:
            state["exiting"] = True
            if collector is not None:
                collector.enable()


del _Record
