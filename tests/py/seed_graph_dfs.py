# The reader comments under seed article 002: mark-and-sweep as a graph
# walk, four readers' programs (typing.Set annotations, a stack DFS over a
# dict of sets, a recursive ListNode walk, an adjacency list).  Sets of
# objects are printed sorted: their order depends on id().

# --- Switch: Graph with typing annotations
from typing import Set


class Graph:
    def __init__(self, value, nodes=None):
        self._value = value
        self._nodes: list = [] if nodes is None else nodes

    @property
    def value(self):
        return self._value

    @property
    def nodes(self):
        return self._nodes

    def node_add(self, node):
        self._nodes.append(node)

    def node_adds(self, nodes):
        self._nodes.extend(nodes)

    def node_del(self, node):
        self._nodes.remove(node)

    def __str__(self):
        return "Graph {} nodes {}".format(self._value, [node.value for node in self.nodes])

    def __repr__(self):
        return self.__str__()


def dfs(start: Graph, includes: Set[Graph] = None) -> Set[Graph]:
    if includes is None:
        includes = set()
    if start in includes:
        return includes
    includes.add(start)
    for s in start.nodes:
        includes.update(dfs(s, includes))
    return includes


if __name__ == '__main__':
    A = Graph('A')
    B = Graph('B')
    C = Graph('C')
    D = Graph('D')
    E = Graph('E')
    F = Graph('F')
    has_nodes = {A, B, C, D, E, F}

    # A->B->E
    #  ->C->E
    # B->A
    # D->F
    # F->D
    A.node_adds([B, C])
    B.node_adds([A, E])
    C.node_adds([E])
    D.node_adds([F])
    F.node_adds([D])
    graph_nodes = dfs(A, set())
    # the article prints the sets; their order follows id(), so sort them
    print(sorted(graph_nodes, key=str))
    print(sorted(has_nodes - graph_nodes, key=str))
    print(len(graph_nodes), A in graph_nodes, D in graph_nodes)
    B.node_del(E)
    print(B, sorted(dfs(A), key=str))
    # the annotations the comment writes, as typing shows them
    print(Set[Graph], Set[int], Set)


# --- ァSgr: iterative DFS over a dict of sets
def dfs(graph: dict, start: str):
    visited = set()
    stack = [start]

    while stack:
        node = stack.pop()
        if node not in visited:
            visited.add(node)
            stack.extend(graph[node] - visited)

    return visited

def unreachable_nodes(graph: dict, start: str):
    reachable_nodes = dfs(graph, start)
    all_nodes = set(node for nodes in graph.values() for node in nodes).union(graph.keys())
    return all_nodes - reachable_nodes

# 示例图结构
graph = {
    "A": {"B", "C"},
    "B": {"A", "D", "E"},
    "C": {"A", "F"},
    "D": {"B"},
    "E": {"B", "F"},
    "F": {"C", "E"},
    "G": {"H"},
    "H": {"G"}
}

print(sorted(unreachable_nodes(graph, 'A')))
print(sorted(dfs(graph, 'G')))


# --- Geek_04e22a: ListNode depth-first walk
class ListNode(object):
    """
    节点数据结构
    val： 值
    node：有向边终点列表集合
    """

    def __init__(self, x):
        self.val = x
        self.node = list()


def deep_list(a):
    """
    深度优先遍历
    :param a:
    :return:
    """

    if len(a.node) == 0:
        return

    for node in a.node:
        print(node.val)
        deep_list(node)


a = ListNode('a')
b = ListNode('b')
c = ListNode('c')
d = ListNode('d')
e = ListNode('e')
f = ListNode('f')

a.node = [b, c]
c.node = [e]


deep_list(a)


# --- 建强: adjacency lists, unvisited nodes
#邻接链表节点定义
class LinkNode:
    def __init__(self,data):
        self.data = data
        self.next = None
	
#邻接链表定义
class AdjoinList:
    def __init__(self):
        self.adjlist = {}  #存贮节点间的邻接关系
        self.vistlist = {} #存贮节点是否被访问，初始所有节点都是False
	
    #建立结点x1和x2的连接关系，其中，x1指向x2
    def addNode(self,x1,x2):

        #建立链接
        point = self.adjlist.setdefault(x1, None)
        lnode = LinkNode(x2)
        lnode.next = point
        self.adjlist[x1] = lnode
        self.adjlist.setdefault(x2, None)

        #初始化访问列表        
        self.vistlist.setdefault(x1,False)
        self.vistlist.setdefault(x2,False)

    #遍历图中所有结点
    def visitNode(self,nodevalue):
        if nodevalue is not None:
            self.vistlist[nodevalue] = True
            print('visist:', nodevalue)
            nextnode = self.adjlist[nodevalue]
                
            while nextnode is not None:

                if not self.vistlist[nextnode.data]:
                    self.visitNode(nextnode.data)
                
                nextnode = nextnode.next


    #输出未被访问的结点
    def showUnvistedNode(self):
        print('UnvistedNode:', ','.join([x for x in self.vistlist if not self.vistlist[x]]))

#主程序
def main():
#BEGIN

    adlist = AdjoinList()

    #创建有向图，有向图简单示意如下：
    '''
    a-->b-->c
    |
    |
    d-->e-->f

    g-->h-->j
    
    '''
    adlist.addNode('a','b')
    adlist.addNode('a','d')
    adlist.addNode('b','c')
    adlist.addNode('d','e')
    adlist.addNode('e','f')
    adlist.addNode('g','h')
    adlist.addNode('h','j')

    #从a节点开始遍历有向图
    adlist.visitNode('a')

    #输出未访问的节点
    adlist.showUnvistedNode()

#END

main()
