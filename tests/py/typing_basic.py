# The typing module (vm/frozen/typing.py): reprs of the special forms and
# aliases, subscription and its errors, equality, TypeVar substitution,
# get_origin/get_args, and annotations that use them.
import typing
from typing import (Any, Callable, ClassVar, Deque, DefaultDict, Dict, Final, ForwardRef,
                    FrozenSet, Generator, Generic, Hashable, Iterable, Iterator, List, Literal,
                    Mapping, NewType, NoReturn, Optional, Sequence, Set, Sized, Tuple, Type,
                    TypeVar, Union, cast, get_args, get_origin)


class G:
    pass


T = TypeVar('T')
K = TypeVar('K', bound=int)
U = TypeVar('U', covariant=True)
V = TypeVar('V', contravariant=True)

for x in [Set, Set[int], List[int], Dict[str, int], Tuple[int, ...], Tuple[()],
          Tuple[int, str], Optional[int], Union[int, None], Union[None, int], Union[int, str],
          Union[int], Union[int, str, None], Union[int, Union[str, float]], Union[int, int],
          Any, Callable[[int], str], Callable[..., int], Callable, Callable[[], None],
          Callable[int, str], T, K, U, V, Iterable[int], Iterator[str], Set[G],
          List[List[int]], Optional['G'], Set['Graph'], FrozenSet[int], Sequence[int],
          Mapping[str, int], Type[int], Type, Type[T], Generator[int, None, None],
          DefaultDict[str, int], Deque[int], ClassVar[int], NoReturn, Literal[1, 'a'],
          Literal['x'], Iterable, Dict, Optional[Set[G]], List[T], Final[int], Hashable, Sized,
          Dict[str, List[Tuple[int, str]]], Optional[Any], Optional[None], List[1],
          Optional[Union[int, str]], ForwardRef('X'), typing.Text, typing.AnyStr.__name__]:
    print(repr(x))

print(str(List[int]), f"{Dict[str, int]}", str(T))
print(List[int] == List[int], List[int] == List[str], List[int] != List[int])
print(hash(List[int]) == hash(List[int]), hash(Set[G]) == hash(Set[G]))
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int])
print(ForwardRef('X') == ForwardRef('X'), {List[int]: 1}[List[int]])
print(List[int].__origin__, List[int].__args__, List.__origin__, Set.__origin__,
      Tuple.__origin__)
print(List[int].__parameters__, List[T].__parameters__, Dict[K, T].__parameters__)
print(get_origin(Dict[str, int]), get_args(Dict[str, int]), get_args(int), get_origin(int))
print(get_origin(Union[int, str]), get_origin(Optional[int]) is Union, get_origin(List))
print(get_args(Callable[[int], str]), get_args(Callable[..., str]))
print(Union[int, str].__args__, Tuple[()].__args__, Tuple[int, ...].__args__)
print(Callable[[int], str].__args__, T.__name__, K.__bound__, T.__constraints__)
print(repr(List[T][int]), repr(Dict[str, T][int]), repr(Union[int, T][str]))
print(repr(Callable[[int, T], T][str]), repr(Dict[K, List[T]][int, str]))
print(List[int].append is list.append)

UserId = NewType('UserId', int)
print(repr(UserId), UserId(5), cast(int, 'x'), typing.TYPE_CHECKING)


def run(name, fn):
    try:
        print(name, "->", repr(fn()))
    except Exception as e:
        print(name, "!!", type(e).__name__, e)


run("List()", lambda: List())
run("Set[int]()", lambda: Set[int]())
run("Tuple()", lambda: Tuple())
run("Type[int]()", lambda: Type[int]())
run("Any()", lambda: Any())
run("Union[int, str]()", lambda: Union[int, str]())
run("Dict[int]", lambda: Dict[int])
run("Set[int, str]", lambda: Set[int, str])
run("List[int][str]", lambda: List[int][str])
run("List[T][int, str]", lambda: List[T][int, str])
run("Callable[int]", lambda: Callable[int])
run("ClassVar[int, str]", lambda: ClassVar[int, str])
run("Optional[int, str]", lambda: Optional[int, str])
run("Union[()]", lambda: Union[()])
run("Union[1]", lambda: Union[1])
run("TypeVar('T', int)", lambda: TypeVar('T', int))
run("Generic[int]", lambda: Generic[int])
run("Hashable[int]", lambda: Hashable[int])
run("List[ClassVar[int]]", lambda: List[ClassVar[int]])
run("Any[int]", lambda: Any[int])
run("NoReturn[int]", lambda: NoReturn[int])
run("List[int].nope", lambda: List[int].nope)


class Box(Generic[T]):
    def __init__(self, item):
        self.item = item


print(Box(3).item)


# annotations that use the aliases: parsed, and the program runs
def first(items: List[T], default: Optional[T] = None) -> Optional[T]:
    return items[0] if items else default


def group(pairs: Iterable[Tuple[str, int]]) -> Dict[str, List[int]]:
    out: Dict[str, List[int]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out


counter: int = 0
print(first([4, 5]), first([], 'none'), group([('a', 1), ('b', 2), ('a', 3)]))
