# objgraph as the seed articles use it (000: show_refs/show_backrefs of a
# two-list cycle; 004: show_refs to a .png, count, by_type,
# show_most_common_types, show_growth) and as its documentation's examples
# do (the MyBigFatObject leak, find_backref_chain, show_chain).  CPython has
# no objgraph here, so the expected output is tpy's own
# (seed_objgraph.exp.out), checked by hand: node and edge counts follow from
# the objects each example builds.  The .dot files objgraph writes are read
# back (type names, edge labels) and removed; their temporary names are
# printed as <tmp>.
import gc
import os
import sys

import objgraph


class Capture:
    # sys.stdout while objgraph prints "Graph written to ..."
    def __init__(self):
        self.text = ''

    def write(self, s):
        self.text += s

    def flush(self):
        pass


def run(fn, *args, **kwargs):
    cap = Capture()
    saved = sys.stdout
    sys.stdout = cap
    try:
        fn(*args, **kwargs)
    finally:
        sys.stdout = saved
    for line in cap.text.splitlines():
        if not line.startswith('Graph written to '):
            print(line)
            continue
        path = line.split()[3]
        if os.path.basename(path).startswith('objgraph-'):
            print(line.replace(path, '<tmp>/objgraph-XXXXXXXX.dot'))
            print('  a fresh temporary file:',
                  len(os.path.basename(path)) == len('objgraph-XXXXXXXX.dot'),
                  os.path.dirname(path) == (os.environ.get('TMPDIR') or '/tmp'))
        else:
            print(line)
        describe(path)
        os.remove(path)


def describe(path):
    # The node types and edge labels of a .dot file objgraph wrote.
    with open(path) as f:
        lines = f.read().splitlines()
    print(' ', lines[0], lines[-1], lines[1].strip())
    types = []
    labels = []
    colors = set()
    extra = []
    edges = 0
    for line in lines:
        if '[label="' in line:
            label = line.split('[label="')[1].split('"')[0]
        if ' -> ' in line:
            edges += 1
            if '[label="' in line:
                labels.append(label)
        elif line.startswith('  too_many_') and '[label="' in line:
            extra.append(label)
        elif '[label="' in line:
            parts = label.split('\\n')
            types.append(parts[0])
            extra.extend(parts[2:])
        elif '[fillcolor="' in line:
            colors.add(line.split('"')[1])
    print('  nodes:', ' '.join(sorted(types)), sorted(colors))
    print('  edges:', edges, 'labelled', sorted(labels))
    if extra:
        print('  also:', extra)


# --- article 000: the two-list cycle
a = [1, 2, 3]
b = [4, 5, 6]

a.append(b)
b.append(a)

run(objgraph.show_refs, [a])
run(objgraph.show_backrefs, [a])

# --- article 004: a small topology, rendered "to a .png"
x = [1, 2, 3]
y = [x, dict(key1=x)]
z = [y, (x, y)]
run(objgraph.show_refs, [z], filename='ref_topo.png')

# --- the documentation's quick start, straight to a .dot file
x = []
y = [x, [x], dict(x=x)]
run(objgraph.show_refs, [y], filename='seed_objgraph_sample.dot')
run(objgraph.show_refs, [y], filename='seed_objgraph_refcounts.dot', refcounts=True)
run(objgraph.show_backrefs, [x], filename='seed_objgraph_backrefs.dot', max_depth=1)
with open('seed_objgraph_output.dot', 'w') as f:
    objgraph.show_refs([y], output=f)
with open('seed_objgraph_output.dot') as f:
    print('output= file:', f.read().count('->'), 'edges')
os.remove('seed_objgraph_output.dot')
try:
    objgraph.show_refs([y], filename='a.dot', output=sys.stdout)
except ValueError as e:
    print('ValueError:', e)

# too_many cuts the edges, highlight and extra_info decorate the nodes
wide = [[i] for i in range(15)]
run(objgraph.show_refs, wide, filename='seed_objgraph_wide.dot', max_depth=0)
run(objgraph.show_refs, [wide], filename='seed_objgraph_wide.dot', max_depth=1, too_many=4)
run(objgraph.show_refs, [y], filename='seed_objgraph_hl.dot', max_depth=1,
    highlight=lambda o: o is x, extra_info=lambda o: 'no ids here',
    filter=lambda o: not isinstance(o, dict))
del wide


# --- article 004's API: count, by_type, show_most_common_types, show_growth
class Conn:
    pass


class Manager:
    def __init__(self):
        self.conns = []


manager = Manager()
objgraph.growth(limit=None)             # the baseline peak counts
for i in range(5):
    manager.conns.append(Conn())
print('count Conn:', objgraph.count('Conn'), objgraph.count('__main__.Conn'),
      objgraph.count('other.Conn'))
print('by_type Manager:', objgraph.by_type('Manager') == [manager])
print('by_type Conn:', len(objgraph.by_type('Conn')))


def mine(o):
    return type(o).__module__ == '__main__'


objgraph.show_growth(filter=mine)
manager.conns.append(Conn())
objgraph.show_growth(filter=mine)
objgraph.show_growth(filter=mine)       # nothing new: prints nothing
print(objgraph.growth(filter=mine))
objgraph.show_most_common_types(limit=3, filter=mine)
sample = [[], [], {}, (1,), (2,), (3,), manager]
objgraph.show_most_common_types(objects=sample)
objgraph.show_most_common_types(objects=sample, limit=2, shortnames=False)
print(objgraph.most_common_types(objects=sample, limit=None))
print(sorted(objgraph.typestats(objects=sample).items()))
print(objgraph.typestats(objects=sample, shortnames=False)['__main__.Manager'])
stats = objgraph.typestats()
print('typestats sees the lists and Conns:', stats['list'] >= 2, stats['Conn'])
print(objgraph.is_proper_module(objgraph), objgraph.is_proper_module([]))
print(objgraph.at(id(manager)) is manager, objgraph.at(id(1)))
print(len(objgraph.at_addrs({id(manager), id(manager.conns)})))
leaking = objgraph.get_leaking_objects()
print('manager leaks?', any(o is manager for o in leaking))
objgraph.get_new_ids(limit=0)
l1 = [1]
l2 = [2]
new = objgraph.get_new_ids(limit=0)
print('new lists:', id(l1) in new['list'], id(l2) in new['list'])


# --- the documentation's leak hunt
class MyBigFatObject(object):
    pass


def computate_something(_cache={}):
    _cache[42] = dict(foo=MyBigFatObject(), bar=MyBigFatObject())
    x = MyBigFatObject()  # this one does not leak


objgraph.show_growth(filter=mine)
computate_something()
objgraph.show_growth(filter=mine)


def why_alive():
    # no global refers to the object, so the chain goes through _cache
    return objgraph.find_backref_chain(objgraph.by_type('MyBigFatObject')[0],
                                       objgraph.is_proper_module)


chain = why_alive()
print([type(o).__name__ for o in chain], chain[0] is sys.modules['__main__'])
run(objgraph.show_chain, chain, filename='seed_objgraph_chain.dot')
del chain
fwd = objgraph.find_ref_chain(computate_something,
                              lambda o: type(o).__name__ == 'MyBigFatObject')
print([type(o).__name__ for o in fwd])
del fwd
print(objgraph.find_ref_chain(manager, lambda o: False, max_depth=2) == [manager])
