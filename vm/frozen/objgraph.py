# vm/frozen/objgraph.py - the third-party `objgraph` package (Marius
# Gedminas's object-graph explorer), written anew for tpy and compiled into
# the binary (vm/frozen.c).  Its API and printed formats follow objgraph 3.5:
#
#   statistics  count, typestats, most_common_types, show_most_common_types,
#               growth, show_growth, get_new_ids, get_leaking_objects
#   lookup      by_type, at, at_addrs, is_proper_module
#   chains      find_ref_chain, find_backref_chain
#   graphs      show_refs, show_backrefs, show_chain
#
# Everything is built on the gc module: gc.get_objects() for the census,
# gc.get_referents()/gc.get_referrers() for the edges.  Like objgraph, the
# census only sees objects the collector tracks (no ints, no strs).
#
# Graphs are written in Graphviz's dot language, to `output` (a file object),
# to `filename` when it ends in .dot, else to a fresh objgraph-XXXXXXXX.dot in
# $TMPDIR or /tmp.  objgraph would then run `xdot` or `dot`; tpy cannot start
# programs, so it prints objgraph's own "not found" message and leaves the
# .dot file for the user to render (`dot -Tpng -o out.png file.dot`).
#
# The graph walk must not show its own bookkeeping: the ids of the queue,
# depth table, ignore set and every neighbour list it asks gc for are in the
# ignore set, so those containers never become nodes.

import gc
import os
import sys

__version__ = '3.5.0'

_FunctionType = type(lambda: None)
_BuiltinType = type(len)
_ModuleType = type(sys)


class _Probe:
    def method(self):
        pass


_MethodType = type(_Probe().method)
del _Probe


def _short_typename(obj):
    return type(obj).__name__


def _long_typename(obj):
    objtype = type(obj)
    name = objtype.__name__
    module = getattr(objtype, '__module__', None)
    if module:
        return module + '.' + name
    return name


def _typename_func(typename):
    # A qualified name ('mod.Class') is compared with qualified type names.
    if '.' in typename:
        return _long_typename
    return _short_typename


def count(typename, objects=None):
    """Count objects tracked by the garbage collector with a given class name
    ('dict', 'MyClass' or 'mymodule.MyClass')."""
    if objects is None:
        objects = gc.get_objects()
    name_of = _typename_func(typename)
    n = 0
    for o in objects:
        if name_of(o) == typename:
            n += 1
    return n


def typestats(objects=None, shortnames=True, filter=None):
    """Count the instances of each type tracked by the GC: {type name: count}."""
    if objects is None:
        objects = gc.get_objects()
    name_of = _short_typename if shortnames else _long_typename
    stats = {}
    for o in objects:
        if filter is not None and not filter(o):
            continue
        n = name_of(o)
        stats[n] = stats.get(n, 0) + 1
    return stats


def _second(pair):
    return pair[1]


def most_common_types(limit=10, objects=None, shortnames=True, filter=None):
    """The (type name, count) pairs with the most instances, most frequent
    first; at most `limit` of them (None: all)."""
    stats = sorted(typestats(objects, shortnames=shortnames, filter=filter).items(),
                   key=_second, reverse=True)
    if limit:
        stats = stats[:limit]
    return stats


def show_most_common_types(limit=10, objects=None, shortnames=True, file=None, filter=None):
    """Print the table of the types with the most instances."""
    if file is None:
        file = sys.stdout
    stats = most_common_types(limit, objects, shortnames=shortnames, filter=filter)
    width = max([len(name) for name, _ in stats] or [0])
    for name, n in stats:
        file.write('%-*s %i\n' % (width, name, n))


def growth(limit=10, peak_stats={}, shortnames=True, filter=None):
    """Collect garbage, then return (type name, count, increase) for the types
    whose count went above the peak recorded in `peak_stats` by earlier
    calls, largest increase first."""
    gc.collect()
    stats = typestats(shortnames=shortnames, filter=filter)
    deltas = {}
    for name, n in stats.items():
        old = peak_stats.get(name, 0)
        if n > old:
            deltas[name] = n - old
            peak_stats[name] = n
    deltas = sorted(deltas.items(), key=_second, reverse=True)
    if limit:
        deltas = deltas[:limit]
    return [(name, stats[name], delta) for name, delta in deltas]


def show_growth(limit=10, peak_stats=None, shortnames=True, file=None, filter=None):
    """Print the increase in peak object counts since the last call, e.g.
    `list     1234       +5`."""
    if peak_stats is None:
        result = growth(limit, shortnames=shortnames, filter=filter)
    else:
        result = growth(limit, peak_stats, shortnames, filter)
    if result:
        if file is None:
            file = sys.stdout
        width = max(len(name) for name, _, _ in result)
        for name, n, delta in result:
            file.write('%-*s%9d %+9d\n' % (width, name, n, delta))


def get_new_ids(skip_update=False, limit=10, sortby='deltas', shortnames=None, file=None,
                _state={}):
    """Find the objects allocated since the last call: print a table of
    Old_ids / Current_ids / New_ids / Count_Deltas per type and return
    {type name: set of ids of new objects}."""
    if not _state:
        _state['old'] = {}
        _state['current'] = {}
        _state['new'] = {}
        _state['shortnames'] = True
    new_ids = _state['new']
    if skip_update:
        return new_ids
    old_ids = _state['old']
    current_ids = _state['current']
    if shortnames is None:
        shortnames = _state['shortnames']
    else:
        _state['shortnames'] = shortnames
    gc.collect()
    objects = gc.get_objects()
    old_ids.clear()
    for name, ids in current_ids.items():
        old_ids[name] = set(ids)
    current_ids.clear()
    name_of = _short_typename if shortnames else _long_typename
    for o in objects:
        current_ids.setdefault(name_of(o), set()).add(id(o))
    del objects
    new_ids.clear()
    rows = []
    for name in list(current_ids) + [n for n in old_ids if n not in current_ids]:
        cur = current_ids.get(name, set())
        old = old_ids.get(name, set())
        if not cur and not old:
            continue
        fresh = cur - old
        new_ids[name] = fresh
        rows.append((name, len(old), len(cur), len(fresh), len(cur) - len(old)))
    column = {'old': 1, 'current': 2, 'new': 3, 'deltas': 4}[sortby]
    rows.sort(key=lambda row: (row[column], row[0]), reverse=True)
    if limit is not None:
        rows = rows[:limit]
    if not rows:
        return new_ids
    if file is None:
        file = sys.stdout
    width = max(len(row[0]) for row in rows)
    rule = '=' * (width + 13 * 4)
    print(rule, file=file)
    print('%-*s%13s%13s%13s%13s' % (width, 'Type', 'Old_ids', 'Current_ids', 'New_ids',
                                    'Count_Deltas'), file=file)
    print(rule, file=file)
    for name, old, cur, new, delta in rows:
        print('%-*s%13d%13d%+13d%+13d' % (width, name, old, cur, new, delta), file=file)
    print(rule, file=file)
    return new_ids


def get_leaking_objects(objects=None):
    """The tracked objects that no other tracked object refers to (roots, or
    objects kept alive only by references the collector cannot see)."""
    if objects is None:
        gc.collect()
        objects = gc.get_objects()
    ids = set(id(o) for o in objects)
    for o in objects:
        for r in gc.get_referents(o):
            ids.discard(id(r))
    return [o for o in objects if id(o) in ids]


def by_type(typename, objects=None):
    """The objects tracked by the GC whose class has this name."""
    if objects is None:
        objects = gc.get_objects()
    name_of = _typename_func(typename)
    return [o for o in objects if name_of(o) == typename]


def at(addr):
    """The tracked object whose id() is addr, or None."""
    for o in gc.get_objects():
        if id(o) == addr:
            return o
    return None


def at_addrs(address_set):
    """The tracked objects whose id() is in address_set."""
    return [o for o in gc.get_objects() if id(o) in address_set]


def is_proper_module(obj):
    """Whether obj is a module that sys.modules knows by its name (a root for
    the collector's purposes)."""
    return (isinstance(obj, _ModuleType)
            and obj is sys.modules.get(getattr(obj, '__name__', None)))


def _find_chain(obj, predicate, edge_func, max_depth, extra_ignore):
    # Breadth-first search from obj along edge_func; the path to the first
    # object satisfying predicate, that object first.
    queue = [obj]
    depth = {id(obj): 0}
    parent = {id(obj): None}
    ignore = set(extra_ignore)
    for own in (extra_ignore, queue, depth, parent, ignore):
        ignore.add(id(own))
    gc.collect()
    while queue:
        target = queue.pop(0)
        if predicate(target):
            chain = [target]
            while parent[id(target)] is not None:
                target = parent[id(target)]
                chain.append(target)
            return chain
        tdepth = depth[id(target)]
        if tdepth < max_depth:
            neighbours = edge_func(target)
            ignore.add(id(neighbours))
            for source in neighbours:
                if id(source) in ignore:
                    continue
                if id(source) not in depth:
                    depth[id(source)] = tdepth + 1
                    parent[id(source)] = target
                    queue.append(source)
    return [obj]


def find_ref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    """A shortest chain of references from obj to an object matching
    predicate: [obj, ..., match], or [obj] when there is none."""
    return _find_chain(obj, predicate, gc.get_referents, max_depth, extra_ignore)[::-1]


def find_backref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    """A shortest chain of references from an object matching predicate to
    obj: [match, ..., obj], or [obj] when there is none.
    find_backref_chain(obj, objgraph.is_proper_module) shows why obj lives."""
    return _find_chain(obj, predicate, gc.get_referrers, max_depth, extra_ignore)


def show_backrefs(objs, max_depth=3, extra_ignore=(), filter=None, too_many=10,
                  highlight=None, filename=None, extra_info=None, refcounts=False,
                  shortnames=True, output=None):
    """Write the graph of the objects that refer to objs (directly and
    indirectly, up to max_depth) as a Graphviz .dot file.  The walk stops at
    modules found in sys.modules."""
    return _show_graph(objs, gc.get_referrers, False, max_depth, extra_ignore, filter,
                       too_many, highlight, filename, extra_info, refcounts, shortnames,
                       output, is_proper_module)


def show_refs(objs, max_depth=3, extra_ignore=(), filter=None, too_many=10,
              highlight=None, filename=None, extra_info=None, refcounts=False,
              shortnames=True, output=None):
    """Write the graph of the objects reachable from objs (up to max_depth)
    as a Graphviz .dot file."""
    return _show_graph(objs, gc.get_referents, True, max_depth, extra_ignore, filter,
                       too_many, highlight, filename, extra_info, refcounts, shortnames,
                       output, None)


def show_chain(*chains, **kw):
    """Graph one or more chains from find_backref_chain (or, with
    backrefs=False, from find_ref_chain)."""
    backrefs = kw.pop('backrefs', True)
    chains = [chain for chain in chains if chain]
    ids = set()
    for chain in chains:
        for o in chain:
            ids.add(id(o))

    def in_chains(x):
        return id(x) in ids

    max_depth = max(len(chain) for chain in chains) - 1
    if backrefs:
        show_backrefs([chain[-1] for chain in chains], max_depth=max_depth,
                      filter=in_chains, **kw)
    else:
        show_refs([chain[0] for chain in chains], max_depth=max_depth,
                  filter=in_chains, **kw)


def _temp_dot_name():
    # A new objgraph-XXXXXXXX.dot in the temporary directory (like
    # tempfile.mkstemp: the name is free when chosen).
    tmpdir = os.environ.get('TMPDIR') or '/tmp'
    alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789_'
    seed = os.getpid() * 1000003 + id(alphabet)
    for attempt in range(1000):
        seed = (seed * 6364136223846793005 + 1442695040888963407 + attempt) % (1 << 64)
        x = seed >> 20
        letters = []
        for _ in range(8):
            letters.append(alphabet[x % len(alphabet)])
            x //= len(alphabet)
        name = os.path.join(tmpdir, 'objgraph-' + ''.join(letters) + '.dot')
        if not os.path.exists(name):
            return name
    raise FileExistsError('No usable temporary file name found')


def _show_graph(objs, edge_func, swap_source_target, max_depth, extra_ignore, filter,
                too_many, highlight, filename, extra_info, refcounts, shortnames, output,
                cull_func):
    if not isinstance(objs, (list, tuple)):
        objs = [objs]
    if filename and output:
        raise ValueError('Cannot specify both output and filename.')
    dot_filename = None
    if output:
        f = output
    elif filename and filename.endswith('.dot'):
        dot_filename = filename
        f = open(filename, 'w')
    else:
        dot_filename = _temp_dot_name()
        f = open(dot_filename, 'w')

    lines = ['digraph ObjectGraph {\n', '  node[shape=box, style=filled, fillcolor=white];\n']
    queue = []
    depth = {}
    ignore = set(extra_ignore)
    for own in (objs, extra_ignore, queue, depth, ignore, lines):
        ignore.add(id(own))
    for obj in objs:
        lines.append('  %s[fontcolor=red];\n' % _obj_node_id(obj))
        depth[id(obj)] = 0
        queue.append(obj)
    obj = None
    gc.collect()
    nodes = 0
    while queue:
        nodes += 1
        # The walk goes from target to its neighbours; with backrefs the
        # neighbours are the sources of the edges drawn.
        target = queue.pop(0)
        tdepth = depth[id(target)]
        node = _obj_node_id(target)
        lines.append('  %s[label="%s"];\n'
                     % (node, _obj_label(target, extra_info, refcounts, shortnames)))
        h, s, v = _gradient((0, 0, 1), (0, 0, .3), tdepth, max_depth)
        if isinstance(target, _ModuleType):
            h = .3
            s = 1
        if highlight and highlight(target):
            h = .6
            s = .6
            v = 0.5 + v * 0.5
        lines.append('  %s[fillcolor="%g,%g,%g"];\n' % (node, h, s, v))
        if v < 0.5:
            lines.append('  %s[fontcolor=white];\n' % node)
        if hasattr(getattr(target, '__class__', None), '__del__'):
            lines.append('  %s->%s_has_a_del[color=red,style=dotted,len=0.25,weight=10];\n'
                         % (node, node))
            lines.append('  %s_has_a_del[label="__del__",shape=doublecircle,height=0.25,'
                         'color=red,fillcolor="0,.5,1",fontsize=6];\n' % node)
        if tdepth >= max_depth:
            continue
        if cull_func is not None and cull_func(target):
            continue
        neighbours = edge_func(target)
        ignore.add(id(neighbours))
        n = 0
        skipped = 0
        source = srcnode = tgtnode = None
        for source in neighbours:
            if id(source) in ignore:
                continue
            if filter and not filter(source):
                continue
            if n >= too_many:
                skipped += 1
                continue
            if swap_source_target:
                srcnode, tgtnode = target, source
            else:
                srcnode, tgtnode = source, target
            lines.append('  %s -> %s%s;\n' % (_obj_node_id(srcnode), _obj_node_id(tgtnode),
                                              _edge_label(srcnode, tgtnode, shortnames)))
            if id(source) not in depth:
                depth[id(source)] = tdepth + 1
                queue.append(source)
            n += 1
        # drop every reference the loop holds, so that refcounts=True
        # labels of later nodes count only the program's references
        neighbours = source = srcnode = tgtnode = None
        if skipped > 0:
            h, s, v = _gradient((0, 1, 1), (0, 1, .3), tdepth + 1, max_depth)
            if swap_source_target:
                label = '%d more references' % skipped
                edge = '%s->too_many_%s' % (node, node)
            else:
                label = '%d more backreferences' % skipped
                edge = 'too_many_%s->%s' % (node, node)
            lines.append('  %s[color=red,style=dotted,len=0.25,weight=10];\n' % edge)
            lines.append('  too_many_%s[label="%s",shape=box,height=0.25,color=red,'
                         'fillcolor="%g,%g,%g",fontsize=6];\n' % (node, label, h, s, v))
            lines.append('  too_many_%s[fontcolor=white];\n' % node)
    lines.append('}\n')
    f.write(''.join(lines))
    if output:
        return
    f.close()
    print('Graph written to %s (%d nodes)' % (dot_filename, nodes))
    _present_graph(dot_filename, filename)


def _present_graph(dot_filename, filename):
    # objgraph runs xdot (no filename) or `dot -T<ext>` (filename); tpy can
    # run neither, so it says what objgraph says when they are missing.
    if filename == dot_filename:
        return
    if not filename:
        print('Graph viewer (xdot) and image renderer (dot) not found,'
              ' not doing anything else')
    else:
        print('Image renderer (dot) not found, not doing anything else')


def _obj_node_id(obj):
    return ('o%d' % id(obj)).replace('-', '_')


def _obj_label(obj, extra_info, refcounts, shortnames):
    if shortnames:
        label = [_short_typename(obj)]
    else:
        label = [_long_typename(obj)]
    if refcounts:
        # minus the references of this call: the argument `obj`, the
        # caller's `target`, getrefcount's own argument
        label[0] += ' [%d]' % (sys.getrefcount(obj) - 3)
    label.append(_safe_repr(obj))
    if extra_info:
        label.append(str(extra_info(obj)))
    return _quote('\n'.join(label))


def _quote(s):
    return (s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
            .replace('\0', '\\\\0'))


def _safe_repr(obj):
    try:
        return _short_repr(obj)
    except Exception:
        return '(unrepresentable)'


def _name_or_repr(value):
    try:
        result = value.__name__
    except AttributeError:
        result = repr(value)[:40]
    if isinstance(result, str):
        return result
    return repr(value)[:40]


def _short_repr(obj):
    if isinstance(obj, (type, _ModuleType, _BuiltinType)):
        return _name_or_repr(obj)
    if isinstance(obj, _MethodType):
        name = _name_or_repr(obj.__func__)
        if obj.__self__:
            return name + ' (bound)'
        return name
    if isinstance(obj, _FunctionType) and obj.__name__ == '<lambda>':
        return 'lambda: %s:%s' % (os.path.basename(obj.__code__.co_filename),
                                  obj.__code__.co_firstlineno)
    if isinstance(obj, (tuple, list, dict, set)):
        return '%d items' % len(obj)
    return repr(obj)[:40]


def _gradient(start_color, end_color, depth, max_depth):
    if max_depth == 0:
        return start_color
    h1, s1, v1 = start_color
    h2, s2, v2 = end_color
    f = float(depth) / max_depth
    return h1 * (1 - f) + h2 * f, s1 * (1 - f) + s2 * f, v1 * (1 - f) + v2 * f


def _is_identifier(s):
    # objgraph's test: an ASCII identifier
    if not s or not (s[0] == '_' or 'a' <= s[0] <= 'z' or 'A' <= s[0] <= 'Z'):
        return False
    for c in s[1:]:
        if not (c == '_' or 'a' <= c <= 'z' or 'A' <= c <= 'Z' or '0' <= c <= '9'):
            return False
    return True


def _edge_label(source, target, shortnames):
    if isinstance(target, dict) and target is getattr(source, '__dict__', None):
        return ' [label="__dict__",weight=10]'
    if isinstance(source, _MethodType):
        if target is source.__self__:
            return ' [label="__self__",weight=10]'
        if target is source.__func__:
            return ' [label="__func__",weight=10]'
    if isinstance(source, _FunctionType):
        for k in dir(source):
            if target is getattr(source, k):
                return ' [label="%s",weight=10]' % _quote(k)
    if isinstance(source, dict):
        for k, v in source.items():
            if v is target:
                if isinstance(k, str) and _is_identifier(k):
                    return ' [label="%s",weight=2]' % _quote(k)
                tn = _short_typename(k) if shortnames else _long_typename(k)
                return ' [label="%s"]' % _quote(tn + '\n' + _safe_repr(k))
    return ''
