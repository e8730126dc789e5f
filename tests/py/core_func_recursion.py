def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print([fact(i) for i in range(8)])
print(fact(20))
print([fib(i) for i in range(15)])


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(10), is_odd(7), is_even(99))


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(500))


def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append(src + dst)
        hanoi(n - 1, via, dst, src, moves)
    return moves


print(hanoi(3, "A", "C", "B", []))
