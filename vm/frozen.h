/*
 * vm/frozen.h - modules written in Python and compiled into the binary
 * (vm/frozen/NAME.py, embedded as C strings by the Makefile into build/gen/).
 */
#ifndef TPY_VM_FROZEN_H
#define TPY_VM_FROZEN_H

#include "runtime/runtime.h"

// Import the frozen module [name] (a str): create it, enter it into
// sys.modules, run its body.  New reference; NULL with an exception set when
// its body fails; NULL with NO exception set when no frozen module has that
// name.  Runs Python code.
tpy_object_t *tpy_frozen_import(tpy_object_t *name);

#endif
