/*
 * runtime/timemodule.c - the time module: clocks and sleep.
 *
 * time() is the wall clock (CLOCK_REALTIME), monotonic() and perf_counter()
 * read CLOCK_MONOTONIC, process_time() CLOCK_PROCESS_CPUTIME_ID, as CPython
 * does on Linux; each has an _ns variant returning an int of nanoseconds.
 * sleep() restarts after signals, except that a pending Ctrl-C (tpy_ts.
 * interrupted) ends it early so the eval loop can raise KeyboardInterrupt.
 */
#include "runtime/runtime.h"

#include <errno.h>
#include <math.h>
#include <time.h>

static int64_t clock_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static tpy_object_t *clock_seconds(const char *fname, size_t nargs, tpy_object_t *kwnames,
                                   clockid_t clock)
{
    if (tpy_check_no_args(fname, nargs, kwnames) < 0) {
        return NULL;
    }
    struct timespec ts;
    clock_gettime(clock, &ts);
    return tpy_float_from_double((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static tpy_object_t *clock_nanoseconds(const char *fname, size_t nargs, tpy_object_t *kwnames,
                                       clockid_t clock)
{
    if (tpy_check_no_args(fname, nargs, kwnames) < 0) {
        return NULL;
    }
    return tpy_int_from_i64(clock_ns(clock));
}

#define CLOCK_FUNCS(name, clock)                                                                  \
    static tpy_object_t *time_##name(tpy_object_t *self, tpy_object_t *const *args, size_t nargs, \
                                     tpy_object_t *kwnames)                                       \
    {                                                                                             \
        (void)self;                                                                               \
        (void)args;                                                                               \
        return clock_seconds("time." #name, nargs, kwnames, clock);                               \
    }                                                                                             \
    static tpy_object_t *time_##name##_ns(tpy_object_t *self, tpy_object_t *const *args,          \
                                          size_t nargs, tpy_object_t *kwnames)                    \
    {                                                                                             \
        (void)self;                                                                               \
        (void)args;                                                                               \
        return clock_nanoseconds("time." #name "_ns", nargs, kwnames, clock);                     \
    }

CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)

static tpy_object_t *time_sleep(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)self;
    if (tpy_arg_no_kw("time.sleep", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 1) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "time.sleep() takes exactly one argument (%zu given)", nargs);
    }
    double secs;
    if (TPY_FLOAT_CHECK(args[0])) {
        secs = TPY_FLOAT_VALUE(args[0]);
        if (isnan(secs)) {
            return tpy_err_format(&tpy_exc_ValueError, "Invalid value NaN (not a number)");
        }
    } else if (TPY_INT_CHECK(args[0])) {
        secs = tpy_int_as_double(args[0]);
        if (secs == -1.0 && tpy_err_occurred()) {
            return NULL;
        }
    } else {
        return tpy_err_format(&tpy_exc_TypeError,
                              "'%T' object cannot be interpreted as an integer", args[0]);
    }
    if (secs < 0) {
        return tpy_err_format(&tpy_exc_ValueError, "sleep length must be non-negative");
    }
    if (secs > 1e15) {
        return tpy_err_format(&tpy_exc_OverflowError, "sleep length is too large");
    }
    int64_t deadline = clock_ns(CLOCK_MONOTONIC) + (int64_t)(secs * 1e9);
    for (;;) {
        int64_t left = deadline - clock_ns(CLOCK_MONOTONIC);
        if (left <= 0 || tpy_ts.interrupted) {
            break;
        }
        struct timespec ts = {(time_t)(left / 1000000000), (long)(left % 1000000000)};
        if (nanosleep(&ts, NULL) == 0) {
            break;
        }
        if (errno != EINTR) {
            return tpy_err_format(&tpy_exc_OSError, "sleep failed");
        }
    }
    TPY_RETURN_NONE;
}

static const tpy_methoddef_t time_functions[] = {
    {"time", time_time, 0, "Seconds since the Epoch, as a float."},
    {"time_ns", time_time_ns, 0, "Nanoseconds since the Epoch, as an int."},
    {"monotonic", time_monotonic, 0, "A clock that never goes back, in seconds."},
    {"monotonic_ns", time_monotonic_ns, 0, NULL},
    {"perf_counter", time_perf_counter, 0, "The highest-resolution clock, in seconds."},
    {"perf_counter_ns", time_perf_counter_ns, 0, NULL},
    {"process_time", time_process_time, 0, "CPU time of this process, in seconds."},
    {"process_time_ns", time_process_time_ns, 0, NULL},
    {"sleep", time_sleep, 0, "Suspend execution for the given number of seconds."},
    {NULL, NULL, 0, NULL},
};

tpy_object_t *tpy_time_module_create(void)
{
    tpy_object_t *m = tpy_module_new("time");
    if (m == NULL) {
        return NULL;
    }
    if (tpy_module_add_functions(m, time_functions) < 0) {
        TPY_DECREF(m);
        return NULL;
    }
    return m;
}
