/*
 * runtime/slots.h - __slots__: instance attributes at fixed offsets.
 *
 * A class statement whose namespace has __slots__ gets one object pointer
 * per name, right after its base's layout (tpy_type_t.tp_ht_slotoff,
 * tp_ht_nslots), and a member descriptor per name in its dict; instances get
 * a __dict__ or __weakref__ only when the names include them (or a base has
 * them).  CPython's rules and messages: names must be identifier strings,
 * private names are mangled, a name may not also be a class variable, and a
 * variable-size base allows only empty __slots__.
 */
#ifndef TPY_RUNTIME_SLOTS_H
#define TPY_RUNTIME_SLOTS_H

#include "gc/gc.h"

extern tpy_type_t tpy_slotdescr_type;

/* Lay out the slots of the new class [type] (its tp_basicsize, dict and
 * weaklist offsets start as its base's) from __slots__ in [ns], and add their
 * descriptors to type->tp_dict.  When [ns] has no __slots__, give the class a
 * __dict__ and a __weakref__ slot where its base lacks them.  0 or -1. */
int tpy_slots_layout(tpy_type_t *type, tpy_type_t *base, tpy_object_t *ns);
// Visit / clear the slot values of [op] for every class in its type's chain.
int tpy_slots_traverse(tpy_object_t *op, tpy_visit_fn visit, void *arg);
void tpy_slots_clear(tpy_object_t *op);
// Does [type] (a class) add slots of its own, making its layout solid?
static inline bool tpy_type_has_slots(tpy_type_t *type)
{
    return type->tp_ht_nslots > 0;
}

#endif
