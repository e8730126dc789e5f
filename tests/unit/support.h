/*
 * tests/unit/support.h - the fixture every runtime unit test uses.
 *
 *     #include "tests/unit/support.h"
 *     TPY_TEST_SUITE(listobject);
 *     Test(listobject, append_takes_its_own_reference) { ... }
 *
 * Before each test (Criterion runs every test in its own process) the fixture
 * initializes the runtime and records a baseline: the allocator's live-block
 * count and, in builds with TPY_REF_DEBUG (make debug / make asan, and the unit
 * binary `make test` runs), the total reference count.  After the test both
 * must be back at the baseline, so a leaked block or reference fails the test.
 * Free lists (int, float, tuple) are emptied before each reading: a recycled
 * object parked on a free list is not a leak.  A test that leaves an exception
 * set fails as well (the exception holds references).
 *
 * Criterion 2.4.1 ignores assertion failures inside .fini, so teardown reports
 * the imbalance on stderr and calls abort(): the binary then exits 1 and prints
 * "crashed during its setup or teardown", which scripts/run_unit.sh counts as
 * a failure.  Run tests through scripts/run_unit.sh (make unit).
 *
 * Tests of grammar/ or gc/ alone may use plain Test() without this fixture.
 */
#ifndef TPY_TESTS_UNIT_SUPPORT_H
#define TPY_TESTS_UNIT_SUPPORT_H

#include <criterion/criterion.h>
#include <stdint.h>

#include "gc/gc.h"
#include "runtime/runtime.h"

// Declare Criterion suite [name] with the runtime fixture.  Use once per
// suite, at file scope, then write Test([name], ...) as usual.
#define TPY_TEST_SUITE(name) TestSuite(name, .init = tpy_test_setup, .fini = tpy_test_teardown)

// How far the live state moved since the baseline.  Both zero means balanced.
typedef struct {
    intptr_t blocks; // live tpy_mem blocks minus the baseline's
    intptr_t refs;   // tpy_ref_total minus the baseline's (always 0 without TPY_REF_DEBUG)
} tpy_test_balance_t;

// Criterion .init: initialize the runtime (once per process; aborts the test
// if tpy_runtime_init fails) and record the baseline.
void tpy_test_setup(void);
// Criterion .fini: fail (abort, see above) if an exception is still set or if
// tpy_test_balance() is not zero.
void tpy_test_teardown(void);
// Empty the free lists, then return the movement since the baseline.  Never
// runs Python code.
tpy_test_balance_t tpy_test_balance(void);
// Take the current state as the new baseline: for a test that deliberately
// creates state that outlives it (a cache entry, an interned string kept by
// the runtime).  Say why in a comment at the call.
void tpy_test_reset_baseline(void);

#endif
