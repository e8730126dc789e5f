/*
 * runtime/errors.h - raising, inspecting and clearing the current exception.
 *
 * CPython's protocol without longjmp: a function that fails sets the current
 * exception here and returns NULL (or -1).  The current exception is always a
 * normalized exception instance (never a (type, value) pair), held by the
 * thread state.  Every built-in exception type is declared here.
 */
#ifndef TPY_RUNTIME_ERRORS_H
#define TPY_RUNTIME_ERRORS_H

#include "gc/gc.h"
#include <stdarg.h>

/* Built-in exception types (statics defined in runtime/exceptions.c). */
#define TPY_EXCEPTION_TYPES(X)                                                                    \
    X(BaseException, NULL)                                                                        \
    X(SystemExit, BaseException)                                                                  \
    X(KeyboardInterrupt, BaseException)                                                           \
    X(GeneratorExit, BaseException)                                                               \
    X(Exception, BaseException)                                                                   \
    X(StopIteration, Exception)                                                                   \
    X(ArithmeticError, Exception)                                                                 \
    X(ZeroDivisionError, ArithmeticError)                                                         \
    X(OverflowError, ArithmeticError)                                                             \
    X(AssertionError, Exception)                                                                  \
    X(AttributeError, Exception)                                                                  \
    X(ImportError, Exception)                                                                     \
    X(ModuleNotFoundError, ImportError)                                                           \
    X(LookupError, Exception)                                                                     \
    X(IndexError, LookupError)                                                                    \
    X(KeyError, LookupError)                                                                      \
    X(MemoryError, Exception)                                                                     \
    X(NameError, Exception)                                                                       \
    X(UnboundLocalError, NameError)                                                               \
    X(OSError, Exception)                                                                         \
    X(FileNotFoundError, OSError)                                                                 \
    X(ReferenceError, Exception)                                                                  \
    X(RuntimeError, Exception)                                                                    \
    X(RecursionError, RuntimeError)                                                               \
    X(NotImplementedError, RuntimeError)                                                          \
    X(SyntaxError, Exception)                                                                     \
    X(IndentationError, SyntaxError)                                                              \
    X(TabError, IndentationError)                                                                 \
    X(TypeError, Exception)                                                                       \
    X(ValueError, Exception)                                                                      \
    X(UnicodeError, ValueError)                                                                   \
    X(SystemError, Exception)                                                                     \
    X(EOFError, Exception)                                                                        \
    X(StopAsyncIteration, Exception)                                                              \
    X(BufferError, Exception)                                                                     \
    X(UnicodeDecodeError, UnicodeError)                                                           \
    X(UnicodeEncodeError, UnicodeError)                                                           \
    X(FloatingPointError, ArithmeticError)                                                        \
    X(PermissionError, OSError)                                                                   \
    X(IsADirectoryError, OSError)                                                                 \
    X(NotADirectoryError, OSError)                                                                \
    X(FileExistsError, OSError)                                                                   \
    X(Warning, Exception)                                                                         \
    X(DeprecationWarning, Warning)                                                                \
    X(RuntimeWarning, Warning)                                                                    \
    X(UserWarning, Warning)                                                                       \
    X(ResourceWarning, Warning)                                                                   \
    X(SyntaxWarning, Warning)                                                                     \
    X(FutureWarning, Warning)                                                                     \
    X(ImportWarning, Warning)                                                                     \
    X(PendingDeprecationWarning, Warning)                                                         \
    X(UnicodeWarning, Warning)                                                                    \
    X(BytesWarning, Warning)                                                                      \
    X(EncodingWarning, Warning)                                                                   \
    X(UnicodeTranslateError, UnicodeError)                                                        \
    X(BlockingIOError, OSError)                                                                   \
    X(ChildProcessError, OSError)                                                                 \
    X(ConnectionError, OSError)                                                                   \
    X(BrokenPipeError, ConnectionError)                                                           \
    X(ConnectionAbortedError, ConnectionError)                                                    \
    X(ConnectionRefusedError, ConnectionError)                                                    \
    X(ConnectionResetError, ConnectionError)                                                      \
    X(InterruptedError, OSError)                                                                  \
    X(ProcessLookupError, OSError)                                                                \
    X(TimeoutError, OSError)

#define TPY_DECLARE_EXC(name, base) extern tpy_type_t tpy_exc_##name;
TPY_EXCEPTION_TYPES(TPY_DECLARE_EXC)
#undef TPY_DECLARE_EXC

/* The layout shared by every exception instance (and subclasses). */
typedef struct {
    tpy_object_t ob;
    tpy_object_t *dict;      // instance __dict__ (user subclasses add attributes)
    tpy_object_t *args;      // tuple
    tpy_object_t *traceback; // NULL or a traceback object (vm/traceback.c)
    tpy_object_t *cause;     // __cause__ (raise X from Y), NULL = None
    tpy_object_t *context;   // __context__ (implicit chaining), NULL = None
    tpy_object_t *extra;     // per-type payload: StopIteration.value, SystemExit.code,
                             // SyntaxError details tuple, KeyError key ... (NULL = unset)
    bool suppress_context;   // __suppress_context__ (set by `raise ... from`)
} tpy_exception_t;

// Set the current exception to [exc] (stolen; must be an exception instance),
// replacing (and releasing) any exception already set.
void tpy_err_restore(tpy_object_t *exc);
// Instantiate [type] with a str message and set it.
void tpy_err_set_str(tpy_type_t *type, const char *msg);
/*
 * Instantiate [type] with a formatted message and set it.  Formats: printf's
 * %s %d %i %u %ld %lld %zd %zu %c %x %%, plus %R (repr of an object),
 * %S (str of an object), %T (the type name of an object), %U (a str object).
 * Always returns NULL so callers can `return tpy_err_format(...)`.
 */
tpy_object_t *tpy_err_format(tpy_type_t *type, const char *fmt, ...);
tpy_object_t *tpy_err_vformat(tpy_type_t *type, const char *fmt, va_list ap);
// Instantiate [type] with the single argument [value] (borrowed) and set it.
void tpy_err_set_object(tpy_type_t *type, tpy_object_t *value);
// Set MemoryError (a preallocated instance: works without memory). Returns NULL.
tpy_object_t *tpy_err_no_memory(void);
// Borrowed current exception, or NULL.
tpy_object_t *tpy_err_occurred(void);
// True when an exception is set and is an instance of [type].
bool tpy_err_matches(tpy_type_t *type);
// Remove and return the current exception (new reference), or NULL.
tpy_object_t *tpy_err_fetch(void);
void tpy_err_clear(void);
// Raise TypeError "bad argument type for built-in operation". Returns NULL.
tpy_object_t *tpy_err_bad_internal_call(const char *where);

/* Helpers for built-in functions' argument checking, with CPython's messages.
 * Each returns 0 when the arguments fit, -1 with TypeError set otherwise. */
// "f() takes no keyword arguments"
int tpy_arg_no_kw(const char *fname, tpy_object_t *kwnames);
// "f expected at most 2 arguments, got 3" / "f expected at least 1 argument, got 0"
// ([max] < 0: no maximum); also rejects keywords.
int tpy_arg_count(const char *fname, size_t nargs, tpy_object_t *kwnames, size_t min, intptr_t max);
/*
 * Parse positional-or-keyword arguments for a built-in.  [names] is a
 * NULL-terminated list of parameter names; the first [npos_only] are
 * positional-only.  [out] receives borrowed references (NULL when not given).
 * [nrequired] leading parameters must be given.  Unknown or duplicate
 * keywords raise TypeError with CPython's wording.
 */
int tpy_arg_parse(const char *fname, tpy_object_t *const *args, size_t nargs,
                  tpy_object_t *kwnames, const char *const *names, size_t npos_only,
                  size_t nrequired, tpy_object_t **out);

/* Exceptions as objects. */
// A new exception instance of [type] with args tuple [args] (borrowed). NULL on failure.
tpy_object_t *tpy_exc_new(tpy_type_t *type, tpy_object_t *args);
bool tpy_exc_check(tpy_object_t *op); // isinstance(op, BaseException)
bool tpy_exc_type_check(tpy_object_t *op); // op is a subclass of BaseException
// Attach [tb] (stolen, may be NULL) as the traceback of [exc].
void tpy_exc_set_traceback(tpy_object_t *exc, tpy_object_t *tb);
// Set __context__ / __cause__ (stolen, may be NULL).
void tpy_exc_set_context(tpy_object_t *exc, tpy_object_t *ctx);
void tpy_exc_set_cause(tpy_object_t *exc, tpy_object_t *cause);
// The AttributeError currently set, if any, learns which lookup failed: when its
// name is unset it becomes ([name], [obj]) (borrowed), as CPython's getattr does,
// so e.name / e.obj and "Did you mean" work for errors raised by __getattr__ and
// properties too.  Never fails (no memory: the context stays unset).
void tpy_exc_attribute_context(tpy_object_t *name, tpy_object_t *obj);
// The OSError subclass CPython raises for [errnum] (ENOENT: FileNotFoundError,
// ETIMEDOUT: TimeoutError, ...), OSError itself for the others.
tpy_type_t *tpy_exc_oserror_type(int errnum);
// str(exc) as CPython prints it after "TypeName: " (new str), NULL on error.
tpy_object_t *tpy_exc_str(tpy_object_t *exc);

void tpy_exceptions_init(void);
// Report the current exception as "Exception ignored in: <repr of obj>" plus
// its traceback on stderr and clear it (errors in __del__, weakref callbacks).
void tpy_err_write_unraisable(tpy_object_t *obj);
void tpy_errors_init(void);  // preallocates MemoryError (after the exception types)
void tpy_errors_fini(void);
// A str built from a printf-style format with %R %S %T %U (see tpy_err_format).
tpy_object_t *tpy_str_from_vformat(const char *fmt, va_list ap);

#endif
