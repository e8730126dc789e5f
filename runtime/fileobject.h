/*
 * runtime/fileobject.h - text files: the objects open() returns and the
 * objects behind sys.stdin, sys.stdout and sys.stderr.
 *
 * A file wraps a POSIX file descriptor with a read buffer (raw bytes, decoded
 * as UTF-8 on the way out, "\r\n" and "\r" turned into "\n") and a write
 * buffer (flushed when full, at every newline for a line-buffered stream, at
 * every write for stderr, on flush(), close() and when the file dies).
 * Errors mirror CPython's io module: FileNotFoundError "[Errno 2] No such
 * file or directory: 'x'", ValueError "I/O operation on closed file.",
 * UnsupportedOperation "not readable".
 */
#ifndef TPY_RUNTIME_FILEOBJECT_H
#define TPY_RUNTIME_FILEOBJECT_H

#include "gc/gc.h"

extern tpy_type_t tpy_file_type;                // "_io.TextIOWrapper" (repr) / TextIOWrapper
extern tpy_type_t tpy_exc_UnsupportedOperation; // io.UnsupportedOperation(OSError, ValueError)
#define TPY_FILE_CHECK(op) (TPY_TYPE(op) == &tpy_file_type)

// The builtin open(file, mode='r', buffering=-1, encoding=None, errors=None,
// newline=None, closefd=True): a new file object, or NULL with OSError
// (FileNotFoundError, IsADirectoryError, ...), ValueError (bad mode),
// NotImplementedError (binary modes, other encodings) set.
tpy_object_t *tpy_builtin_open(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames);
// A text stream over standard descriptor [fd] (0, 1 or 2) named "<stdin>",
// "<stdout>", "<stderr>"; the descriptor is never closed.  stdout is line
// buffered on a terminal and fully buffered otherwise; stderr writes through.
// New reference or NULL.
tpy_object_t *tpy_file_std_new(int fd);

// Write str [s] to file [f] (a tpy_file_type object). 0 or -1.
int tpy_file_write_str(tpy_object_t *f, tpy_object_t *s);
// Write [len] bytes of UTF-8 to file [f]. 0 or -1 with an exception set.
int tpy_file_write_utf8(tpy_object_t *f, const char *s, size_t len);
// f.flush(). 0 or -1.
int tpy_file_flush(tpy_object_t *f);
// f.readline(): the next line with its "\n" (new str), "" at end of file.
tpy_object_t *tpy_file_readline(tpy_object_t *f);
// Flush the live std streams, stdout first; errors are ignored.  Safe at any
// time, including after the runtime has shut down.
void tpy_file_flush_std(void);

/*
 * Raise the OSError subclass that matches [errnum] (FileNotFoundError for
 * ENOENT, PermissionError, IsADirectoryError, NotADirectoryError,
 * FileExistsError, else OSError) with args (errnum, strerror[, filename]);
 * [filename] may be NULL.  Returns NULL.
 */
tpy_object_t *tpy_file_err_errno(int errnum, tpy_object_t *filename);

// Ready the file type and io.UnsupportedOperation.  Idempotent.  0 or -1.
int tpy_file_init(void);

#endif
