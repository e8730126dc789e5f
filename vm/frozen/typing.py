# vm/frozen/typing.py - the `typing` module, compiled into tpy (vm/frozen.c).
#
# Enough of CPython 3.11's typing for annotations and the introspection that
# programs print: the special forms (Any, Union, Optional, ...), the aliases of
# the built-in and collections.abc classes (List, Dict, Set, Iterable, ...),
# subscription with CPython's argument checks, reprs ("typing.Set[int]",
# "typing.Optional[__main__.Node]", "~T"), equality and hashing of
# parameterized aliases, TypeVar substitution (List[T][int]), ForwardRef,
# NewType, cast, get_origin/get_args.
#
# Not here (tpy lacks the hooks they need): isinstance()/issubclass() against
# an alias (tpy does not call __instancecheck__ on a non-type), subscripting
# user classes derived from Generic (no __class_getitem__), get_type_hints
# (tpy does not keep __annotations__).  Those raise instead of answering wrong.
#
# Invariant: every alias object is immutable after construction; equality and
# hash come from (origin, args), so equal aliases hash equal.

TYPE_CHECKING = False

_NoneType = type(None)
_FunctionType = type(lambda: None)


def _type_repr(obj):
    # How an argument shows inside an alias's repr (CPython's rules).
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return obj.__module__ + '.' + obj.__qualname__
    if obj is ...:
        return '...'
    if isinstance(obj, _FunctionType):
        return obj.__name__
    return repr(obj)


def _type_check(arg):
    # An annotation argument as typing stores it: None becomes NoneType, a
    # string a ForwardRef.  Like CPython 3.11 anything else is accepted
    # (List[1] is allowed), except the qualifiers that only make sense on
    # their own.
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    if isinstance(arg, _GenericAlias) and (arg.__origin__ is ClassVar or arg.__origin__ is Final):
        raise TypeError(repr(arg) + " is not valid as type argument")
    return arg


def _collect_parameters(args):
    # The TypeVars in args (recursively), in first-seen order.
    params = []
    for a in args:
        if isinstance(a, TypeVar):
            if a not in params:
                params.append(a)
        elif isinstance(a, _BaseAlias):
            for p in a.__parameters__:
                if p not in params:
                    params.append(p)
        elif isinstance(a, list):
            for p in _collect_parameters(a):
                if p not in params:
                    params.append(p)
    return tuple(params)


def _as_tuple(params):
    if isinstance(params, tuple):
        return params
    return (params,)


class _Immutable:
    # Typing objects refuse assignment to their plain attributes (their
    # constructors go through object.__setattr__).
    def __setattr__(self, name, value):
        if name.startswith('__') and name.endswith('__'):
            object.__setattr__(self, name, value)
            return
        raise AttributeError("cannot set " + repr(name) + " attribute of immutable type")


class TypeVar(_Immutable):
    # T = TypeVar('T'); repr "~T" ("+T" covariant, "-T" contravariant).
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        object.__setattr__(self, '__name__', name)
        object.__setattr__(self, '__constraints__',
                           tuple(_type_check(t) for t in constraints))
        if bound is not None:
            bound = _type_check(bound)
        object.__setattr__(self, '__bound__', bound)
        object.__setattr__(self, '__covariant__', bool(covariant))
        object.__setattr__(self, '__contravariant__', bool(contravariant))

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__


class ForwardRef(_Immutable):
    # A string annotation: Set['Graph'] holds ForwardRef('Graph').
    def __init__(self, arg):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got " + repr(arg))
        object.__setattr__(self, '__forward_arg__', arg)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(('ForwardRef', self.__forward_arg__))

    def __repr__(self):
        return 'ForwardRef(' + repr(self.__forward_arg__) + ')'


class _SpecialForm(_Immutable):
    # Any, NoReturn, ClassVar, Final, Union, Optional, Literal, ...: repr
    # "typing.Name"; subscription is the form's own rule (_getitem).
    def __init__(self, name, getitem=None):
        object.__setattr__(self, '_name', name)
        object.__setattr__(self, '_getitem', getitem)

    def __repr__(self):
        return 'typing.' + self._name

    def __call__(self, *args, **kwds):
        raise TypeError("Cannot instantiate " + repr(self))

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(repr(self) + " is not subscriptable")
        return self._getitem(self, parameters)

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(('typing', self._name))


class _AnyForm(_SpecialForm):
    # In CPython 3.11 Any is a class: calling and subscripting fail this way.
    def __call__(self, *args, **kwds):
        raise TypeError("Any cannot be instantiated")

    def __getitem__(self, parameters):
        raise TypeError("type 'Any' is not subscriptable")


def _union_getitem(form, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    parameters = _as_tuple(parameters)
    flat = []
    for p in parameters:
        p = _type_check(p)
        if isinstance(p, _UnionGenericAlias):
            members = p.__args__
        else:
            members = (p,)
        for m in members:
            if m not in flat:
                flat.append(m)
    if len(flat) == 1:
        return flat[0]
    return _UnionGenericAlias(tuple(flat))


def _optional_getitem(form, parameters):
    if isinstance(parameters, tuple) and len(parameters) != 1:
        raise TypeError("typing.Optional requires a single type. Got " + repr(parameters) + ".")
    arg = _type_check(parameters)
    return Union[arg, _NoneType]


def _single_getitem(form, parameters):
    # ClassVar[t] and Final[t] take exactly one type.
    if isinstance(parameters, tuple):
        raise TypeError(repr(form) + " accepts only single type. Got " + repr(parameters) + ".")
    return _GenericAlias(form, (_type_check(parameters),), form._name)


def _literal_getitem(form, parameters):
    return _LiteralGenericAlias(form, _as_tuple(parameters))


def _generic_getitem(form, parameters):
    # Generic[T] / Protocol[T] as a base class: tpy has no __mro_entries__,
    # so the subscription gives the plain base class itself.
    parameters = _as_tuple(parameters)
    for p in parameters:
        if not isinstance(p, TypeVar):
            raise TypeError("Parameters to " + form._name + "[...] must all be type variables"
                            " or parameter specification variables.")
    return form._base


class _BaseAlias(_Immutable):
    # What every alias shares: its origin class (list for List, dict for
    # Dict[str, int]) and its refusal of isinstance() checks.
    def __init__(self, origin, name):
        object.__setattr__(self, '__origin__', origin)
        object.__setattr__(self, '_name', name)

    def __getattr__(self, attr):
        # Plain attributes come from the origin: List[int].append is list.append.
        if attr.startswith('__') and attr.endswith('__') or attr.startswith('_'):
            raise AttributeError("'" + type(self).__name__ + "' object has no attribute '"
                                 + attr + "'")
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


class _GenericAlias(_BaseAlias):
    # A parameterized alias: List[int], Dict[str, T], ClassVar[int].
    def __init__(self, origin, args, name):
        _BaseAlias.__init__(self, origin, name)
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', _collect_parameters(args))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        return name + '[' + ', '.join(_type_repr(a) for a in self.__args__) + ']'

    def __call__(self, *args, **kwargs):
        if self._name:
            raise TypeError("Type " + self._name + " cannot be instantiated; use "
                            + self.__origin__.__name__ + "() instead")
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, args):
        # Substitute the alias's TypeVars: List[T][int] is List[int].
        params = self.__parameters__
        if not params:
            raise TypeError(repr(self) + " is not a generic class")
        args = _as_tuple(args)
        if len(args) != len(params):
            raise TypeError("Too " + ("many" if len(args) > len(params) else "few")
                            + " arguments for " + repr(self) + "; actual " + str(len(args))
                            + ", expected " + str(len(params)))
        subst = {}
        for p, a in zip(params, args):
            subst[p] = _type_check(a)
        return self._copy_with(tuple(_substitute(a, subst) for a in self.__args__))

    def _copy_with(self, args):
        return _GenericAlias(self.__origin__, args, self._name)


def _substitute(arg, subst):
    if isinstance(arg, TypeVar):
        return subst.get(arg, arg)
    if isinstance(arg, list):
        return [_substitute(a, subst) for a in arg]
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg._copy_with(tuple(_substitute(a, subst) for a in arg.__args__))
    return arg


class _UnionGenericAlias(_GenericAlias):
    # Union[int, str]; with exactly two members one of which is NoneType the
    # repr says Optional.  Equality ignores the order of the members.
    def __init__(self, args):
        _GenericAlias.__init__(self, Union, args, 'Union')

    def _copy_with(self, args):
        return Union[args]

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return 'typing.Optional[' + _type_repr(args[1]) + ']'
            if args[1] is _NoneType:
                return 'typing.Optional[' + _type_repr(args[0]) + ']'
        return _GenericAlias.__repr__(self)

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate typing.Union")


class _LiteralGenericAlias(_GenericAlias):
    def __init__(self, form, args):
        _BaseAlias.__init__(self, form, 'Literal')
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', ())

    def __repr__(self):
        return 'typing.Literal[' + ', '.join(repr(a) for a in self.__args__) + ']'

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _TupleAlias(_GenericAlias):
    # Tuple[int, str], Tuple[int, ...], Tuple[()] (args ()).
    def __repr__(self):
        if not self.__args__:
            return 'typing.Tuple[()]'
        return _GenericAlias.__repr__(self)

    def _copy_with(self, args):
        return _TupleAlias(self.__origin__, args, self._name)


class _CallableAlias(_GenericAlias):
    # Callable[[int, str], bool] keeps __args__ flat: (int, str, bool);
    # Callable[..., bool] has (Ellipsis, bool).
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return 'typing.Callable[..., ' + _type_repr(args[1]) + ']'
        return ('typing.Callable[[' + ', '.join(_type_repr(a) for a in args[:-1]) + '], '
                + _type_repr(args[-1]) + ']')

    def _copy_with(self, args):
        return _CallableAlias(self.__origin__, args, self._name)


class _SpecialGenericAlias(_BaseAlias):
    # The bare aliases List, Dict, Set, Iterable, ...: repr "typing.List";
    # subscription checks the number of arguments (nparams; -1 = any).
    def __init__(self, origin, nparams, name):
        _BaseAlias.__init__(self, origin, name)
        object.__setattr__(self, '_nparams', nparams)

    def __repr__(self):
        return 'typing.' + self._name

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(('typing', self._name))

    def __call__(self, *args, **kwargs):
        raise TypeError("Type " + self._name + " cannot be instantiated; use "
                        + self.__origin__.__name__ + "() instead")

    def __getitem__(self, params):
        if self._nparams == 0:
            raise TypeError(repr(self) + " is not a generic class")
        params = _as_tuple(params)
        params = tuple(_type_check(p) for p in params)
        if len(params) != self._nparams:
            raise TypeError("Too " + ("many" if len(params) > self._nparams else "few")
                            + " arguments for " + repr(self) + "; actual " + str(len(params))
                            + ", expected " + str(self._nparams))
        return _GenericAlias(self.__origin__, params, self._name)


class _TupleSpecial(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _TupleAlias(tuple, (), 'Tuple')
        params = _as_tuple(params)
        if len(params) == 2 and params[1] is ...:
            return _TupleAlias(tuple, (_type_check(params[0]), ...), 'Tuple')
        return _TupleAlias(tuple, tuple(_type_check(p) for p in params), 'Tuple')


class _CallableSpecial(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        result = _type_check(result)
        if args is ...:
            return _CallableAlias(self.__origin__, (..., result), 'Callable')
        if not isinstance(args, (list, tuple)):
            args = [args]
        args = tuple(_type_check(a) for a in args)
        return _CallableAlias(self.__origin__, args + (result,), 'Callable')


# Stand-ins for the collections.abc / collections classes the aliases name
# as their origin (tpy has no collections module).
def _abc(name, module='collections.abc'):
    return type(name, (), {'__module__': module})


Any = _AnyForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
ClassVar = _SpecialForm('ClassVar', _single_getitem)
Final = _SpecialForm('Final', _single_getitem)
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)


# Generic and Protocol are special forms here; Generic[T] gives the plain
# class below, which a user class may then derive from.
def _base_class(name):
    return type(name, (), {'__module__': 'typing'})


Generic = _SpecialForm('Generic', _generic_getitem)
object.__setattr__(Generic, '_base', _base_class('Generic'))
Protocol = _SpecialForm('Protocol', _generic_getitem)
object.__setattr__(Protocol, '_base', _base_class('Protocol'))


def _alias(origin, nparams, name=None):
    return _SpecialGenericAlias(origin, nparams, name or origin.__name__.capitalize())


List = _alias(list, 1)
Dict = _alias(dict, 2)
Set = _alias(set, 1)
FrozenSet = _alias(frozenset, 1, 'FrozenSet')
Tuple = _TupleSpecial(tuple, -1, 'Tuple')
Type = _alias(type, 1)
Callable = _CallableSpecial(_abc('Callable'), 2, 'Callable')
Hashable = _alias(_abc('Hashable'), 0, 'Hashable')
Sized = _alias(_abc('Sized'), 0, 'Sized')
Awaitable = _alias(_abc('Awaitable'), 1, 'Awaitable')
Coroutine = _alias(_abc('Coroutine'), 3, 'Coroutine')
AsyncIterable = _alias(_abc('AsyncIterable'), 1, 'AsyncIterable')
AsyncIterator = _alias(_abc('AsyncIterator'), 1, 'AsyncIterator')
Iterable = _alias(_abc('Iterable'), 1, 'Iterable')
Iterator = _alias(_abc('Iterator'), 1, 'Iterator')
Reversible = _alias(_abc('Reversible'), 1, 'Reversible')
Container = _alias(_abc('Container'), 1, 'Container')
Collection = _alias(_abc('Collection'), 1, 'Collection')
AbstractSet = _alias(_abc('Set'), 1, 'AbstractSet')
MutableSet = _alias(_abc('MutableSet'), 1, 'MutableSet')
Mapping = _alias(_abc('Mapping'), 2, 'Mapping')
MutableMapping = _alias(_abc('MutableMapping'), 2, 'MutableMapping')
Sequence = _alias(_abc('Sequence'), 1, 'Sequence')
MutableSequence = _alias(_abc('MutableSequence'), 1, 'MutableSequence')
MappingView = _alias(_abc('MappingView'), 1, 'MappingView')
KeysView = _alias(_abc('KeysView'), 1, 'KeysView')
ItemsView = _alias(_abc('ItemsView'), 2, 'ItemsView')
ValuesView = _alias(_abc('ValuesView'), 1, 'ValuesView')
Generator = _alias(_abc('Generator'), 3, 'Generator')
AsyncGenerator = _alias(_abc('AsyncGenerator'), 2, 'AsyncGenerator')
Deque = _alias(_abc('deque', 'collections'), 1, 'Deque')
DefaultDict = _alias(_abc('defaultdict', 'collections'), 2, 'DefaultDict')
OrderedDict = _alias(_abc('OrderedDict', 'collections'), 2, 'OrderedDict')
Counter = _alias(_abc('Counter', 'collections'), 1, 'Counter')
ChainMap = _alias(_abc('ChainMap', 'collections'), 2, 'ChainMap')
ContextManager = _alias(_abc('AbstractContextManager', 'contextlib'), 1, 'ContextManager')

Text = str
try:
    AnyStr = TypeVar('AnyStr', bytes, str)
except NameError:
    AnyStr = TypeVar('AnyStr')

T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)


class _NewTypeBase:
    # UserId = NewType('UserId', int): calling it returns its argument.
    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return self.__module__ + '.' + self.__qualname__

    def __call__(self, x):
        return x


def NewType(name, tp):
    return _NewTypeBase(name, tp)


def cast(typ, val):
    """Cast a value to a type: returns the value unchanged."""
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. A series of @overload-decorated "
            "functions outside a stub module should always be followed by an implementation "
            "that is not @overload-ed.")
    return _overload_dummy


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_origin(tp):
    if isinstance(tp, _UnionGenericAlias):
        return Union
    if isinstance(tp, _LiteralGenericAlias):
        return Literal
    if isinstance(tp, _BaseAlias):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _CallableAlias):
        args = tp.__args__
        if args[0] is ...:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    raise NotImplementedError("typing.get_type_hints: tpy does not keep __annotations__")


def NamedTuple(typename, fields=None, **kwargs):
    raise NotImplementedError("typing.NamedTuple is not supported by tpy")


def TypedDict(typename, fields=None, **kwargs):
    raise NotImplementedError("typing.TypedDict is not supported by tpy")
