/*
 * runtime/instvalues.h - instance attributes kept as a plain array of values
 * (CPython 3.11's split layout) until someone asks for the __dict__.
 *
 * A class that adds a __dict__ slot to its instances (TPY_TPFLAGS_INLINE_VALUES)
 * keeps one table of attribute names, shared by all its instances and only
 * ever appended to.  An instance's dict slot then holds either NULL, a real
 * dict, or a tagged pointer (low bit set) to a tpy_values_t whose item i is
 * the value of name i (NULL: not set).  The values stay in the instance's own
 * insertion order as long as each new attribute has a higher index than the
 * ones present; any other case (an attribute set out of order, a non-str name,
 * more than TPY_ATTRKEYS_MAX names, __dict__ or vars() asked for) turns the
 * values into a real dict for good.  No dict object means one object less per
 * instance for the allocator and for the cycle collector (gc.collect() counts
 * what CPython counts) and a load or store is an index into an array.
 *
 * The dict made from values is a split dict (dictobject.c) that keeps them in
 * the same order and reads its keys from the class's table, as CPython 3.11's
 * split dicts do: the table is counted, and a table that split dicts share is
 * never changed in place except by appending a name, so growing the class's
 * table then means a new copy for the class (the old one stays with those
 * dicts, detached from the class).
 */
#ifndef TPY_RUNTIME_INSTVALUES_H
#define TPY_RUNTIME_INSTVALUES_H

#include "gc/gc.h"

#define TPY_ATTRKEYS_MAX 30
#define TPY_VALUES_TAG ((uintptr_t)1)

typedef struct {
    intptr_t cap;
    tpy_object_t *items[];
} tpy_values_t;

/* The names of a class's shared table (tpy_type_t.tp_attrkeys). */
struct tpy_attrkeys {
    intptr_t refcnt;       // the class's reference (while owner is set) + one per split dict
    tpy_type_t *owner;     // the class whose current table this is (borrowed), or NULL
    intptr_t n, cap;       // names in use (they only ever grow) and room
    tpy_object_t *names[]; // interned str, owned
};

// The values behind a dict slot's content, or NULL when it holds a dict (or nothing).
static inline tpy_values_t *tpy_slot_values(tpy_object_t *slot)
{
    return ((uintptr_t)slot & TPY_VALUES_TAG) ? (tpy_values_t *)((uintptr_t)slot - TPY_VALUES_TAG)
                                              : NULL;
}

// The raw dict slot of [op] (type->tp_dictoffset != 0): a dict, tagged values or NULL.
static inline tpy_object_t **tpy_object_dict_slot(tpy_object_t *op)
{
    return (tpy_object_t **)((char *)op + TPY_TYPE(op)->tp_dictoffset);
}

// Index of exact str [name] in [type]'s shared table, or -1.
intptr_t tpy_attrkeys_index(tpy_type_t *type, tpy_object_t *name);
// The value of attribute [name] kept in [v] (borrowed), or NULL.
tpy_object_t *tpy_values_get(tpy_type_t *type, tpy_values_t *v, tpy_object_t *name);
/* Set (value) or delete (value NULL) attribute [name] of [op], whose type has
 * TPY_TPFLAGS_INLINE_VALUES and whose dict slot holds values or NULL.
 * Returns 1 when done, 0 when the attribute must go through a real dict
 * instead (the caller materializes it), -1 with an exception set. */
int tpy_values_setattr(tpy_object_t *op, tpy_object_t *name, tpy_object_t *value);
// The eval loop's store of a new attribute at index [i] (< the table's size)
// of [op], whose class has no descriptor of that name: 1 stored, 0 when the
// dict path must do it (a dict already, or out of insertion order), -1 error.
int tpy_values_store_new(tpy_object_t *op, intptr_t i, tpy_object_t *value);
// Turn the values in [op]'s dict slot into a dict (in insertion order). 0 or -1.
int tpy_values_materialize(tpy_object_t *op);
// Visit / drop / free the values (traverse, clear, dealloc of instances).
int tpy_values_traverse(tpy_values_t *v, tpy_visit_fn visit, void *arg);
void tpy_values_clear(tpy_values_t *v);
void tpy_values_free(tpy_values_t *v);
// Release a class's reference to its shared table (heap type dealloc); split
// dicts keep the names they use alive.  [keys] may be NULL.
void tpy_attrkeys_free(struct tpy_attrkeys *keys);
// Take / drop a split dict's reference to [keys].
void tpy_attrkeys_incref(struct tpy_attrkeys *keys);
void tpy_attrkeys_decref(struct tpy_attrkeys *keys);
/* The index of exact str [name] in [keys] below [limit], or -1.  Never fails. */
intptr_t tpy_attrkeys_find(struct tpy_attrkeys *keys, tpy_object_t *name, intptr_t limit);
/* Append exact str [name], absent from *[kp], for a split dict holding a
 * reference to *[kp]: into the class's table when *[kp] is it (which may
 * replace it by a grown copy: *[kp] then moves to the copy, the reference
 * with it), else into *[kp] itself.  The new name's index, or -1 when no
 * table can take it (full, or out of memory: no exception is left set). */
intptr_t tpy_attrkeys_append(struct tpy_attrkeys **kp, tpy_object_t *name);

#endif
