/*
 * runtime/typeslots.h - private to runtime/: the table that maps C slots to
 * dunder names, shared by the type machinery (typeobject.c, which installs
 * dispatcher slots in classes) and the wrapper descriptors (slotwrapper.c,
 * which expose built-in slots as int.__add__, object.__init__, ...).
 */
#ifndef TPY_RUNTIME_TYPESLOTS_H
#define TPY_RUNTIME_TYPESLOTS_H

#include "runtime/runtime.h"

typedef enum {
    SK_INIT, SK_NEW, SK_REPR, SK_STR, SK_HASH, SK_CALL, SK_ITER, SK_NEXT, SK_LEN, SK_GETITEM,
    SK_SETITEM, SK_DELITEM, SK_CONTAINS, SK_BOOL, SK_INT, SK_FLOAT, SK_INDEX, SK_GETATTRIBUTE,
    SK_GETATTR, SK_SETATTR, SK_DELATTR, SK_GET, SK_SET, SK_DELETE, SK_DEL,
    SK_LT, SK_LE, SK_EQ, SK_NE, SK_GT, SK_GE,
    SK_NEG, SK_POS, SK_INVERT,
    SK_BINOP,                         // + op: __add__ ...
    SK_RBINOP = SK_BINOP + TPY_BINOP_COUNT, // __radd__ ...
    SK_IBINOP = SK_RBINOP + TPY_BINOP_COUNT, // __iadd__ ...
    SK_COUNT = SK_IBINOP + TPY_BINOP_COUNT
} slot_kind_t;

// The dunder name of each slot kind, interned by tpy_types_init.
extern tpy_object_t *tpy_slot_name[SK_COUNT];
// The dunder name of slot kind [kind] as a C string.
const char *tpy_slot_cname(int kind);

/* A built-in type's slot seen from Python (a "slot wrapper"). */
typedef struct {
    tpy_object_t ob;
    tpy_type_t *owner;
    int kind;
} wrapperdescr_t;

// "method-wrapper": a wrapper descriptor bound to an object ((1).__add__).
extern tpy_type_t tpy_methodwrapper_type;

// Add a wrapper descriptor to [type]'s dict for every slot it defines itself
// (not inherited) unless a method of that name exists. 0 or -1.
int tpy_slot_add_wrappers(tpy_type_t *type);

// The first static type in [type]'s base chain: whose layout its instances share.
tpy_type_t *tpy_type_solid_base(tpy_type_t *type);
// The __dict__ and __weakref__ descriptors a class gets when it adds those
// slots to its instances (runtime/objecttype.c).
extern const tpy_getsetdef_t tpy_object_dict_getset, tpy_object_weakref_getset;

/* ---- runtime/typeinfo.c: what a class tells about itself ---------------------- */

// The mappingproxy type and a new read-only proxy over [mapping] (C.__dict__).
extern tpy_type_t tpy_mappingproxy_type;
tpy_object_t *tpy_mappingproxy_new(tpy_object_t *mapping);
// Record that [sub] has [base] among its direct bases (both borrowed). 0 or -1.
int tpy_typeinfo_add_subclass(tpy_type_t *base, tpy_type_t *sub);
// Drop every record naming [type]: called before a class is freed.
void tpy_typeinfo_forget(tpy_type_t *type);
// Free the record at exit.
void tpy_typeinfo_fini(void);
// type.__subclasses__ / __prepare__, and __basicsize__, __flags__ ... for type's dict.
extern const tpy_methoddef_t tpy_typeinfo_methods[];
extern const tpy_getsetdef_t tpy_typeinfo_getset[];

#endif
