# Graph algorithms on a small road network: a hand-written binary heap,
# Dijkstra with path reconstruction, BFS/DFS as generators, topological sort
# with cycle reporting, union-find for Kruskal's MST, and a recursive tree
# printer for the shortest-path tree.
from math import inf


class MinHeap:
    """Binary heap of (priority, seq, item); seq keeps ties first-in-first-out."""

    def __init__(self):
        self._data = []
        self._seq = 0

    def __len__(self):
        return len(self._data)

    def __bool__(self):
        return bool(self._data)

    def push(self, priority, item):
        self._data.append((priority, self._seq, item))
        self._seq += 1
        i = len(self._data) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self._data[parent] <= self._data[i]:
                break
            self._data[parent], self._data[i] = self._data[i], self._data[parent]
            i = parent

    def pop(self):
        if not self._data:
            raise IndexError("pop from empty heap")
        last = self._data.pop()
        if not self._data:
            return last[0], last[2]
        top, self._data[0] = self._data[0], last
        i, n = 0, len(self._data)
        while True:
            left, right, smallest = 2 * i + 1, 2 * i + 2, i
            if left < n and self._data[left] < self._data[smallest]:
                smallest = left
            if right < n and self._data[right] < self._data[smallest]:
                smallest = right
            if smallest == i:
                break
            self._data[i], self._data[smallest] = self._data[smallest], self._data[i]
            i = smallest
        return top[0], top[2]


class Graph:
    def __init__(self, directed=False):
        self.directed = directed
        self.adj = {}

    def add_edge(self, a, b, w=1):
        self.adj.setdefault(a, {})[b] = w
        self.adj.setdefault(b, {})
        if not self.directed:
            self.adj[b][a] = w

    @classmethod
    def from_text(cls, text, directed=False):
        g = cls(directed)
        for line in text.strip().splitlines():
            line = line.split("#")[0].strip()
            if not line:
                continue
            a, b, *rest = line.replace("->", " ").replace("--", " ").split()
            g.add_edge(a, b, int(rest[0]) if rest else 1)
        return g

    def nodes(self):
        return sorted(self.adj)

    def edges(self):
        seen = set()
        for a in sorted(self.adj):
            for b, w in sorted(self.adj[a].items()):
                key = (a, b) if self.directed else tuple(sorted((a, b)))
                if key not in seen:
                    seen.add(key)
                    yield a, b, w

    def dijkstra(self, source):
        dist = {n: inf for n in self.adj}
        prev = {}
        dist[source] = 0
        heap = MinHeap()
        heap.push(0, source)
        settled = []
        while heap:
            d, node = heap.pop()
            if d > dist[node]:
                continue
            settled.append(node)
            for nb, w in sorted(self.adj[node].items()):
                nd = d + w
                if nd < dist[nb]:
                    dist[nb] = nd
                    prev[nb] = node
                    heap.push(nd, nb)
        return dist, prev, settled

    def path(self, prev, target):
        out = [target]
        while out[-1] in prev:
            out.append(prev[out[-1]])
        return out[::-1]

    def bfs(self, start):
        seen = {start}
        frontier = [start]
        depth = 0
        while frontier:
            for node in frontier:
                yield depth, node
            nxt = []
            for node in frontier:
                for nb in sorted(self.adj[node]):
                    if nb not in seen:
                        seen.add(nb)
                        nxt.append(nb)
            frontier = nxt
            depth += 1

    def dfs(self, start, seen=None):
        if seen is None:
            seen = set()
        seen.add(start)
        yield start
        for nb in sorted(self.adj[start]):
            if nb not in seen:
                yield from self.dfs(nb, seen)

    def toposort(self):
        state = {}
        order = []

        def visit(node, stack):
            st = state.get(node)
            if st == "done":
                return
            if st == "active":
                cycle = stack[stack.index(node):] + [node]
                raise ValueError("cycle: " + " -> ".join(cycle))
            state[node] = "active"
            stack.append(node)
            for nb in sorted(self.adj[node]):
                visit(nb, stack)
            stack.pop()
            state[node] = "done"
            order.append(node)

        for n in self.nodes():
            visit(n, [])
        return order[::-1]

    def components(self):
        parent = {n: n for n in self.adj}
        rank = dict.fromkeys(self.adj, 0)

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a, b):
            ra, rb = find(a), find(b)
            if ra == rb:
                return False
            if rank[ra] < rank[rb]:
                ra, rb = rb, ra
            parent[rb] = ra
            if rank[ra] == rank[rb]:
                rank[ra] += 1
            return True

        return find, union

    def kruskal(self):
        find, union = self.components()
        tree = []
        for a, b, w in sorted(self.edges(), key=lambda e: (e[2], e[0], e[1])):
            if union(a, b):
                tree.append((a, b, w))
        return tree


def print_tree(children, node, prefix="", last=True, root=True, label=lambda n: n):
    print(label(node) if root else prefix + ("`-- " if last else "|-- ") + label(node))
    kids = sorted(children.get(node, []))
    inner = "" if root else prefix + ("    " if last else "|   ")
    for i, kid in enumerate(kids):
        print_tree(children, kid, inner, i == len(kids) - 1, False, label)


ROADS = """
Avon -- Bree 7
Avon -- Cray 9      # the scenic route
Avon -- Fenn 14
Bree -- Cray 10
Bree -- Dale 15
Cray -- Dale 11
Cray -- Fenn 2
Dale -- Eyre 6
Eyre -- Fenn 9
Gort -- Holm 3      # an island pair
"""

g = Graph.from_text(ROADS)
print("nodes:", g.nodes())
print("edges:", len(list(g.edges())), "total length:", sum(w for _, _, w in g.edges()))
dist, prev, order = g.dijkstra("Avon")
print("settled order:", order)
for node in g.nodes():
    d = dist[node]
    route = " > ".join(g.path(prev, node)) if d != inf else "(unreachable)"
    print(f"  {node:<5} {d!s:>4}  {route}")
children = {}
for child, parent in prev.items():
    children.setdefault(parent, []).append(child)
print_tree(children, "Avon", label=lambda n: f"{n} [{dist[n]}]")
print("BFS:", [(d, n) for d, n in g.bfs("Dale")])
print("DFS:", list(g.dfs("Eyre")))
mst = g.kruskal()
print("MST:", mst, "weight", sum(w for *_, w in mst))
find, union = g.components()
for a, b, _ in g.edges():
    union(a, b)
groups = {}
for n in g.nodes():
    groups.setdefault(find(n), []).append(n)
print("components:", sorted(sorted(v) for v in groups.values()))

DEPS = """
app -> web
app -> db
web -> http
web -> templates
db -> driver
http -> sockets
templates -> strings
driver -> sockets
"""
dag = Graph.from_text(DEPS, directed=True)
print("build order:", list(reversed(dag.toposort())))
dag.add_edge("sockets", "app")
try:
    dag.toposort()
except ValueError as e:
    print("ValueError:", e)

h = MinHeap()
for word in "pear fig apple kiwi banana date cherry".split():
    h.push(len(word), word)
print("by length:", [h.pop() for _ in range(len(h))])
try:
    h.pop()
except IndexError as e:
    print("IndexError:", e)

# grid maze solved with the same Dijkstra: walls are '#'
MAZE = [
    "S..#......",
    ".#.#.####.",
    ".#...#....",
    ".####.#.#.",
    "......#.#E",
]
grid = Graph()
for r, row in enumerate(MAZE):
    for c, ch in enumerate(row):
        if ch == "#":
            continue
        for dr, dc in ((0, 1), (1, 0)):
            rr, cc = r + dr, c + dc
            if rr < len(MAZE) and cc < len(row) and MAZE[rr][cc] != "#":
                grid.add_edge((r, c), (rr, cc))
start = next((r, c) for r, row in enumerate(MAZE) for c, ch in enumerate(row) if ch == "S")
end = next((r, c) for r, row in enumerate(MAZE) for c, ch in enumerate(row) if ch == "E")
dist, prev, _ = grid.dijkstra(start)
route = set(grid.path(prev, end))
print("maze distance:", dist[end])
for r, row in enumerate(MAZE):
    print("".join("*" if (r, c) in route and ch == "." else ch for c, ch in enumerate(row)))
unreached = [n for n in grid.nodes() if dist[n] == inf]
print("unreached cells:", unreached)
