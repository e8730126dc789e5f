/*
 * runtime/runtime.c - start-up and shut-down of the runtime layer.
 *
 * Order matters at start-up: the dunder names must be interned before any
 * type is readied, the core types before the exception types, and the
 * exception types before MemoryError can be preallocated.  Shut-down releases
 * what the runtime holds and empties the free lists.
 */
#include "runtime/runtime.h"

int tpy_runtime_init(void)
{
    tpy_str_init(); // the intern table and the one-character strings first
    if (tpy_types_init() < 0) {
        return -1;
    }
    tpy_str_init(); // now that `object` is ready, str itself is readied
    tpy_abstract_init();
    tpy_int_init();
    tpy_float_init();
    tpy_tuple_init();
    tpy_list_init();
    tpy_dict_init();
    tpy_range_init();
    tpy_set_init();
    tpy_func_init();
    tpy_module_init();
    tpy_exceptions_init();
    tpy_errors_init();
    if (tpy_iterobject_init() < 0 || tpy_file_init() < 0 || tpy_builtins_init() < 0) {
        return -1;
    }
    tpy_ts.recursion_limit = TPY_DEFAULT_RECURSION_LIMIT;
    tpy_gcmodule_init();
    return 0;
}

void tpy_runtime_fini(void)
{
    tpy_gcmodule_fini();
    tpy_errors_fini();
    tpy_types_fini();
    tpy_dict_fini();
    tpy_list_fini();
    tpy_tuple_fini_empty();
    tpy_range_fini();
    tpy_tuple_fini();
    tpy_float_fini();
    tpy_int_fini();
    tpy_str_fini();
}
