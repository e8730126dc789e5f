/*
 * runtime/runtime.h - the public header of the runtime layer: every type,
 * errors, the interpreter state, built-in modules.  Other layers include this
 * one file (DESIGN.md rule 1).
 */
#ifndef TPY_RUNTIME_RUNTIME_H
#define TPY_RUNTIME_RUNTIME_H

#include "gc/gc.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/state.h"
#include "runtime/intobject.h"
#include "runtime/floatobject.h"
#include "runtime/strobject.h"
#include "runtime/tupleobject.h"
#include "runtime/listobject.h"
#include "runtime/dictobject.h"
#include "runtime/rangeobject.h"
#include "runtime/funcobject.h"
#include "runtime/moduleobject.h"
#include "runtime/setobject.h"
#include "runtime/fileobject.h"
#include "runtime/iterobject.h"
#include "runtime/builtins.h"
#include "runtime/instvalues.h"
#include "runtime/slots.h"
#include "runtime/weakrefobject.h"

// Initialize every type and the built-in modules. 0 or -1.
int tpy_runtime_init(void);
// Release everything the runtime holds (free lists, interned strings, modules).
void tpy_runtime_fini(void);

#endif
