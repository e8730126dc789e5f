/*
 * runtime/fileobject.c - text file objects (CPython's io.TextIOWrapper, as
 * far as scripts can tell).
 *
 * Buffers: `rbuf[rpos..rlen)` holds raw bytes read from the descriptor and not
 * yet returned; `wbuf[0..wlen)` holds bytes written and not yet flushed.  A
 * file opened for update ('r+', 'w+', 'a+') has at most one of them non-empty:
 * writing first drops the bytes read ahead, reading first flushes.  Text comes
 * out of the read buffer one whole UTF-8 sequence at a time, so a character is
 * never split across two reads; "\r\n" and lone "\r"
 * become "\n" (universal newlines, newline=None); a "\r" at the end of the
 * buffer waits for the next byte before deciding.  The bytes are validated by
 * the UTF-8 decoder under the file's error handler (errors=..., default
 * strict: UnicodeDecodeError on bad input).  Writing checks for the one thing
 * UTF-8 cannot encode, lone surrogates, and applies the handler the same way.
 * Like CPython 3.11, stdin and stdout use "surrogateescape" in the C/POSIX
 * locales and C.UTF-8, stderr always "backslashreplace".
 *
 * The standard streams are registered (borrowed) in std_streams[] so that
 * writing to stderr and reading stdin first flush stdout (CPython's output
 * order under PYTHONUNBUFFERED), and so that an atexit handler can flush
 * stdout even when the runtime never shut down cleanly.
 */
#include "runtime/fileobject.h"

#include "runtime/abstract.h"
#include "runtime/builtins.h"
#include "runtime/errors.h"
#include "runtime/intobject.h"
#include "runtime/listobject.h"
#include "runtime/strobject.h"
#include "runtime/tupleobject.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK 8192

typedef struct {
    tpy_object_t ob;
    int fd; // the descriptor; meaningless once closed
    bool closed;
    bool readable, writable;
    bool closefd;           // close(fd) on close(); false for the std streams
    bool line_buffered;     // flush when a write contains "\n"
    bool write_through;     // flush after every write (stderr)
    bool translate;         // universal newlines on read (newline=None)
    bool eof;               // the descriptor reported end of file
    bool is_std;            // one of std_streams[]
    int64_t chunk_size;     // _CHUNK_SIZE: CPython's decoder read size (kept for its API)
    tpy_object_t *name;     // str (or int for open(fd))
    tpy_object_t *mode;     // str, as given
    tpy_object_t *encoding; // str shown by repr and .encoding
    tpy_object_t *errors;   // str: the codec error handler; NULL is "strict"
    char *rbuf;
    size_t rpos, rlen, rcap;
    char *wbuf;
    size_t wlen, wcap;
} file_t;

static file_t *std_streams[3];

// Defined in runtime/strobject.c (the str files' UTF-8 decoder).
tpy_object_t *tpy_str_decode_utf8_errors(const char *s, size_t len, const char *errors);

static file_t *as_file(tpy_object_t *op)
{
    return (file_t *)op;
}

/* ---- errors ------------------------------------------------------------------ */

tpy_object_t *tpy_file_err_errno(int errnum, tpy_object_t *filename)
{
    tpy_type_t *type = tpy_exc_oserror_type(errnum);
    tpy_object_t *no = tpy_int_from_small(errnum);
    tpy_object_t *msg = tpy_str_from_cstr(strerror(errnum));
    tpy_object_t *args = NULL;
    if (no != NULL && msg != NULL) {
        args = filename ? tpy_tuple_pack(3, no, msg, filename) : tpy_tuple_pack(2, no, msg);
    }
    TPY_XDECREF(no);
    TPY_XDECREF(msg);
    if (args == NULL) {
        return NULL;
    }
    tpy_object_t *exc = tpy_exc_new(type, args);
    TPY_DECREF(args);
    if (exc != NULL) {
        tpy_err_restore(exc);
    }
    return NULL;
}

static int err_closed(void)
{
    tpy_err_set_str(&tpy_exc_ValueError, "I/O operation on closed file.");
    return -1;
}

static int check_open(file_t *f)
{
    return f->closed ? err_closed() : 0;
}

static int check_readable(file_t *f)
{
    if (check_open(f) < 0) {
        return -1;
    }
    if (!f->readable) {
        tpy_err_set_str(&tpy_exc_UnsupportedOperation, "not readable");
        return -1;
    }
    return 0;
}

static int check_writable(file_t *f)
{
    if (check_open(f) < 0) {
        return -1;
    }
    if (!f->writable) {
        tpy_err_set_str(&tpy_exc_UnsupportedOperation, "not writable");
        return -1;
    }
    return 0;
}

/* ---- the write side ------------------------------------------------------------ */

/* Write out the write buffer.  0, or an errno value (no exception set): used
 * by the atexit handler, which must not touch the runtime. */
static int flush_raw(file_t *f)
{
    size_t done = 0;
    int err = 0;
    while (done < f->wlen) {
        ssize_t n = write(f->fd, f->wbuf + done, f->wlen - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            err = errno;
            break;
        }
        done += (size_t)n;
    }
    // On error the unwritten bytes are dropped, as a broken pipe would anyway.
    f->wlen = 0;
    return err;
}

static int flush_buffer(file_t *f)
{
    if (f->wlen == 0) {
        return 0;
    }
    int err = flush_raw(f);
    if (err != 0) {
        tpy_file_err_errno(err, NULL);
        return -1;
    }
    return 0;
}

/* Before writing to an update-mode file, forget the bytes read ahead.  Like
 * CPython's text layer, which has consumed whole chunks from the buffer, the
 * write lands where the last chunk read ended, not at the logical position. */
static void drop_read_ahead(file_t *f)
{
    f->rpos = f->rlen = 0;
}

static int write_bytes(file_t *f, const char *s, size_t len)
{
    if (f->rlen > f->rpos) {
        drop_read_ahead(f);
    }
    if (f->fd == 2 && std_streams[1] != NULL && std_streams[1] != f) {
        // Keep stdout and stderr in program order (like unbuffered CPython).
        flush_raw(std_streams[1]);
    }
    if (f->wlen + len > f->wcap) {
        if (flush_buffer(f) < 0) {
            return -1;
        }
        if (len > f->wcap) {
            size_t cap = len < CHUNK ? CHUNK : len;
            char *nb = tpy_mem_realloc(f->wbuf, f->wcap, cap);
            if (nb == NULL) {
                tpy_err_no_memory();
                return -1;
            }
            f->wbuf = nb;
            f->wcap = cap;
        }
    }
    if (len == 0) {
        return 0;
    }
    memcpy(f->wbuf + f->wlen, s, len);
    f->wlen += len;
    if (f->write_through || f->wlen >= CHUNK ||
        (f->line_buffered && memchr(s, '\n', len) != NULL)) {
        return flush_buffer(f);
    }
    return 0;
}

/* tpy's str keeps lone surrogates (from "\ud800" escapes or chr()) as 3-byte
 * sequences ED A0..BF xx, which UTF-8 cannot encode.  The first one in [s], or
 * NULL; fast for text without them (one memchr). */
static const char *find_surrogate(const char *s, size_t len)
{
    const char *p = memchr(s, 0xED, len);
    while (p != NULL && (size_t)(p - s) + 2 < len && ((unsigned char)p[1] & 0xE0) != 0xA0) {
        p = memchr(p + 1, 0xED, len - (size_t)(p + 1 - s));
    }
    return p != NULL && (size_t)(p - s) + 2 < len ? p : NULL;
}

static bool is_surrogate_at(const char *p, const char *end)
{
    return end - p >= 3 && (unsigned char)p[0] == 0xED && ((unsigned char)p[1] & 0xE0) == 0xA0;
}

static unsigned surrogate_value(const char *p)
{
    return 0xD000u | (((unsigned)p[1] & 0x3F) << 6) | ((unsigned)p[2] & 0x3F);
}

/* CPython's UnicodeEncodeError for the run of surrogates at [p] in [s]. */
static int encode_error(const char *s, const char *p, const char *end)
{
    size_t start = 0;
    for (const char *q = s; q < p; q++) {
        start += ((unsigned char)*q & 0xC0) != 0x80;
    }
    size_t n = 0;
    unsigned first = surrogate_value(p);
    while (is_surrogate_at(p, end)) {
        n++;
        p += 3;
    }
    char msg[160];
    if (n == 1) {
        snprintf(msg, sizeof msg,
                 "'utf-8' codec can't encode character '\\u%04x' in position %zu: surrogates "
                 "not allowed",
                 first, start);
    } else {
        snprintf(msg, sizeof msg,
                 "'utf-8' codec can't encode characters in position %zu-%zu: surrogates not "
                 "allowed",
                 start, start + n - 1);
    }
    tpy_err_set_str(&tpy_exc_UnicodeEncodeError, msg);
    return -1;
}

/* Write text [s] that holds a surrogate at [p], under the file's error
 * handler (CPython's: strict, ignore, replace, surrogateescape for
 * U+DC80..U+DCFF, backslashreplace, namereplace, xmlcharrefreplace,
 * surrogatepass). */
static int write_with_handler(file_t *f, const char *s, size_t len, const char *p)
{
    const char *errors = f->errors ? TPY_STR_DATA(f->errors) : "strict";
    const char *end = s + len;
    int h = strcmp(errors, "strict") == 0             ? 0
            : strcmp(errors, "ignore") == 0           ? 1
            : strcmp(errors, "replace") == 0          ? 2
            : strcmp(errors, "surrogateescape") == 0  ? 3
            : strcmp(errors, "backslashreplace") == 0 ? 4
            : strcmp(errors, "namereplace") == 0      ? 4
            : strcmp(errors, "xmlcharrefreplace") == 0 ? 5
            : strcmp(errors, "surrogatepass") == 0    ? 6
                                                      : -1;
    if (h == -1) {
        tpy_err_format(&tpy_exc_LookupError, "unknown error handler name '%s'", errors);
        return -1;
    }
    if (h == 0) {
        return encode_error(s, p, end);
    }
    if (h == 6) {
        return write_bytes(f, s, len);
    }
    tpy_strbuf_t b;
    tpy_strbuf_init(&b);
    const char *from = s;
    while (p != NULL) {
        tpy_strbuf_append(&b, from, (size_t)(p - from));
        const char *run = p;
        while (is_surrogate_at(p, end)) {
            unsigned cp = surrogate_value(p);
            if (h == 3 && (cp < 0xDC80 || cp > 0xDCFF)) {
                tpy_strbuf_release(&b);
                return encode_error(s, run, end);
            }
            if (h == 2) {
                tpy_strbuf_append_char(&b, '?');
            } else if (h == 3) {
                char byte = (char)(cp & 0xFF);
                tpy_strbuf_append(&b, &byte, 1); // raw byte, as surrogateescape intends
            } else if (h == 4) {
                tpy_strbuf_printf(&b, "\\u%04x", cp);
            } else if (h == 5) {
                tpy_strbuf_printf(&b, "&#%u;", cp);
            }
            p += 3;
        }
        from = p;
        p = find_surrogate(p, (size_t)(end - p));
    }
    tpy_strbuf_append(&b, from, (size_t)(end - from));
    int r = b.failed ? (tpy_err_no_memory(), -1) : write_bytes(f, b.data, b.len);
    tpy_strbuf_release(&b);
    return r;
}

/* Write text [s]: the bytes as they are unless a surrogate needs the error handler. */
static int write_text(file_t *f, const char *s, size_t len)
{
    const char *p = find_surrogate(s, len);
    return p == NULL ? write_bytes(f, s, len) : write_with_handler(f, s, len, p);
}

int tpy_file_write_utf8(tpy_object_t *op, const char *s, size_t len)
{
    file_t *f = as_file(op);
    if (check_writable(f) < 0) {
        return -1;
    }
    return write_text(f, s, len);
}

int tpy_file_write_str(tpy_object_t *op, tpy_object_t *s)
{
    return tpy_file_write_utf8(op, TPY_STR_DATA(s), (size_t)TPY_STR_LEN(s));
}

int tpy_file_flush(tpy_object_t *op)
{
    file_t *f = as_file(op);
    if (check_open(f) < 0) {
        return -1;
    }
    return flush_buffer(f);
}

void tpy_file_flush_std(void)
{
    for (int fd = 1; fd <= 2; fd++) {
        if (std_streams[fd] != NULL && !std_streams[fd]->closed) {
            flush_raw(std_streams[fd]);
        }
    }
}

static void flush_std_at_exit(void)
{
    tpy_file_flush_std();
}

/* ---- the read side ------------------------------------------------------------- */

/* Read more bytes into the read buffer: the count, 0 at end of file, -1 on error. */
static intptr_t fill(file_t *f)
{
    if (f->eof) {
        return 0;
    }
    if (f->wlen > 0 && flush_buffer(f) < 0) {
        return -1;
    }
    if (f->fd == 0 && std_streams[1] != NULL) {
        flush_raw(std_streams[1]); // a prompt written to stdout shows before we block
    }
    if (f->rpos > 0) {
        memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (f->rcap - f->rlen < CHUNK) {
        size_t cap = f->rcap ? f->rcap * 2 : CHUNK * 2;
        char *nb = tpy_mem_realloc(f->rbuf, f->rcap, cap);
        if (nb == NULL) {
            tpy_err_no_memory();
            return -1;
        }
        f->rbuf = nb;
        f->rcap = cap;
    }
    for (;;) {
        // One chunk at a time, as CPython's text layer reads.
        ssize_t n = read(f->fd, f->rbuf + f->rlen, CHUNK);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            tpy_file_err_errno(errno, NULL);
            return -1;
        }
        if (n == 0) {
            f->eof = true;
        }
        f->rlen += (size_t)n;
        return n;
    }
}

/* Bytes of the UTF-8 sequence that starts with [c] (1 for invalid leads,
 * which the decoder will then reject). */
static size_t utf8_seq_len(unsigned char c)
{
    if (c < 0xC0) {
        return 1;
    }
    if (c < 0xE0) {
        return 2;
    }
    if (c < 0xF0) {
        return 3;
    }
    return c < 0xF8 ? 4 : 1;
}

/* A growable output buffer for decoded text (before validation). */
typedef struct {
    char *data;
    size_t len, cap;
} outbuf_t;

static int out_append(outbuf_t *o, const char *s, size_t len)
{
    if (o->len + len > o->cap) {
        size_t cap = o->cap ? o->cap : 256;
        while (cap < o->len + len) {
            cap *= 2;
        }
        char *nb = tpy_mem_realloc(o->data, o->cap, cap);
        if (nb == NULL) {
            tpy_err_no_memory();
            return -1;
        }
        o->data = nb;
        o->cap = cap;
    }
    memcpy(o->data + o->len, s, len);
    o->len += len;
    return 0;
}

/*
 * Take text from the file: at most [maxchars] characters (< 0: no limit),
 * stopping after a newline when [line].  Returns a new str ("" at EOF).
 */
static tpy_object_t *read_text(file_t *f, intptr_t maxchars, bool line)
{
    outbuf_t o = {NULL, 0, 0};
    intptr_t count = 0;
    tpy_object_t *result = NULL;
    while (maxchars < 0 || count < maxchars) {
        if (f->rpos == f->rlen) {
            intptr_t n = fill(f);
            if (n < 0) {
                goto done;
            }
            if (n == 0) {
                break;
            }
            continue;
        }
        // Copy a run of ordinary characters in one go.
        const unsigned char *p = (const unsigned char *)f->rbuf + f->rpos;
        const unsigned char *end = (const unsigned char *)f->rbuf + f->rlen;
        const unsigned char *q = p;
        bool stop = false;
        while (q < end && (maxchars < 0 || count < maxchars)) {
            unsigned char c = *q;
            if (c == '\r' && f->translate) {
                break;
            }
            size_t k = utf8_seq_len(c);
            if (k > 1) {
                // a sequence cut by an invalid byte is one unit for the error
                // handler: it must never swallow the newline after it
                size_t have = (size_t)(end - q) < k ? (size_t)(end - q) : k;
                for (size_t j = 1; j < have; j++) {
                    if ((q[j] & 0xC0) != 0x80) {
                        k = 1;
                        break;
                    }
                }
            }
            if ((size_t)(end - q) < k) {
                break; // incomplete sequence: read more first
            }
            q += k;
            count++;
            if (c == '\n' && line) {
                stop = true;
                break;
            }
        }
        if (q > p) {
            if (out_append(&o, (const char *)p, (size_t)(q - p)) < 0) {
                goto done;
            }
            f->rpos += (size_t)(q - p);
        }
        if (stop || (maxchars >= 0 && count >= maxchars)) {
            break;
        }
        if (f->rpos == f->rlen) {
            continue;
        }
        unsigned char c = (unsigned char)f->rbuf[f->rpos];
        if (c == '\r' && f->translate) {
            if (f->rpos + 1 == f->rlen && !f->eof) {
                if (fill(f) < 0) {
                    goto done;
                }
                continue; // decide once the next byte (or EOF) is known
            }
            f->rpos++;
            if (f->rpos < f->rlen && f->rbuf[f->rpos] == '\n') {
                f->rpos++;
            }
            if (out_append(&o, "\n", 1) < 0) {
                goto done;
            }
            count++;
            if (line) {
                break;
            }
            continue;
        }
        // An incomplete UTF-8 sequence at the end of the buffer.
        intptr_t n = fill(f);
        if (n < 0) {
            goto done;
        }
        if (n == 0) {
            // Truncated at end of file: hand the bytes to the decoder to reject.
            if (out_append(&o, f->rbuf + f->rpos, f->rlen - f->rpos) < 0) {
                goto done;
            }
            f->rpos = f->rlen;
            break;
        }
    }
    result = tpy_str_decode_utf8_errors(o.data ? o.data : "", o.len,
                                        f->errors ? TPY_STR_DATA(f->errors) : NULL);
done:
    if (o.data != NULL) {
        tpy_mem_free(o.data, o.cap);
    }
    return result;
}

tpy_object_t *tpy_file_readline(tpy_object_t *op)
{
    file_t *f = as_file(op);
    if (check_readable(f) < 0) {
        return NULL;
    }
    return read_text(f, -1, true);
}

/* ---- construction -------------------------------------------------------------- */

static file_t *file_alloc(int fd, tpy_object_t *name, const char *mode, const char *encoding)
{
    file_t *f = (file_t *)tpy_obj_new(&tpy_file_type, sizeof(file_t));
    if (f == NULL) {
        tpy_err_no_memory();
        return NULL;
    }
    f->fd = fd;
    f->translate = true;
    f->closefd = true;
    f->chunk_size = 8192;
    f->name = tpy_newref(name);
    f->mode = tpy_str_from_cstr(mode);
    f->encoding = tpy_str_from_cstr(encoding);
    if (f->mode == NULL || f->encoding == NULL) {
        f->closefd = false;
        TPY_DECREF(f);
        return NULL;
    }
    return f;
}

/* The error handler CPython 3.11 gives stdin and stdout: "surrogateescape" in
 * the C and POSIX locales and the locales it coerces them to (C.UTF-8, ...),
 * else "strict" (stderr always has "backslashreplace"). */
static const char *stdio_errors(void)
{
    const char *utf8 = getenv("PYTHONUTF8");
    if (utf8 != NULL && strcmp(utf8, "1") == 0) {
        return "surrogateescape";
    }
    const char *cur = setlocale(LC_CTYPE, NULL);
    char *saved = cur != NULL ? strdup(cur) : NULL;
    const char *loc = setlocale(LC_CTYPE, "");
    bool escape = loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0 ||
                  strcmp(loc, "C.UTF-8") == 0 || strcmp(loc, "C.utf8") == 0 ||
                  strcmp(loc, "UTF-8") == 0;
    if (saved != NULL) {
        setlocale(LC_CTYPE, saved);
        free(saved);
    }
    return escape ? "surrogateescape" : "strict";
}

tpy_object_t *tpy_file_std_new(int fd)
{
    static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    static bool atexit_done;
    if (fd < 0 || fd > 2) {
        return tpy_err_bad_internal_call("tpy_file_std_new");
    }
    tpy_object_t *name = tpy_str_from_cstr(names[fd]);
    if (name == NULL) {
        return NULL;
    }
    file_t *f = file_alloc(fd, name, fd == 0 ? "r" : "w", "utf-8");
    TPY_DECREF(name);
    if (f == NULL) {
        return NULL;
    }
    f->closefd = false;
    f->translate = false; // CPython opens the std streams with newline="\n"
    f->readable = fd == 0;
    f->writable = fd != 0;
    f->line_buffered = fd == 1 && isatty(fd);
    f->write_through = fd == 2;
    f->is_std = true;
    f->errors = tpy_str_from_cstr(fd == 2 ? "backslashreplace" : stdio_errors());
    if (f->errors == NULL) {
        TPY_DECREF(f);
        return NULL;
    }
    std_streams[fd] = f;
    if (!atexit_done) {
        atexit_done = true;
        atexit(flush_std_at_exit);
    }
    return TPY_OBJ(f);
}

/* The parsed form of open()'s mode string. */
typedef struct {
    bool readable, writable;
    int oflags;
} open_mode_t;

static int parse_mode(tpy_object_t *mode, open_mode_t *m)
{
    const char *s = TPY_STR_DATA(mode);
    int r = 0, w = 0, a = 0, x = 0, plus = 0, t = 0, b = 0;
    for (const char *p = s; *p; p++) {
        int *counter;
        switch (*p) {
        case 'r':
            counter = &r;
            break;
        case 'w':
            counter = &w;
            break;
        case 'a':
            counter = &a;
            break;
        case 'x':
            counter = &x;
            break;
        case '+':
            counter = &plus;
            break;
        case 't':
            counter = &t;
            break;
        case 'b':
            counter = &b;
            break;
        default:
            counter = NULL;
            break;
        }
        if (counter == NULL || *counter) {
            tpy_err_format(&tpy_exc_ValueError, "invalid mode: '%s'", s);
            return -1;
        }
        *counter = 1;
    }
    if (t && b) {
        tpy_err_set_str(&tpy_exc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    if (r + w + a + x > 1) {
        tpy_err_set_str(&tpy_exc_ValueError,
                        "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (r + w + a + x == 0) {
        // CPython's FileIO wording for a mode with no r, w, a or x
        tpy_err_set_str(&tpy_exc_ValueError, "Must have exactly one of create/read/write/append "
                                             "mode and at most one plus");
        return -1;
    }
    if (b) {
        tpy_err_format(&tpy_exc_NotImplementedError,
                       "binary file mode '%s' is not supported by tpy", s);
        return -1;
    }
    m->readable = r || plus;
    m->writable = !r || plus;
    m->oflags = (m->readable && m->writable) ? O_RDWR : m->readable ? O_RDONLY : O_WRONLY;
    m->oflags |= O_CLOEXEC;
    if (w) {
        m->oflags |= O_CREAT | O_TRUNC;
    } else if (a) {
        m->oflags |= O_CREAT | O_APPEND;
    } else if (x) {
        m->oflags |= O_CREAT | O_EXCL;
    }
    return 0;
}

/* Is [enc] a spelling of UTF-8 ("utf-8", "UTF8", "utf_8")? */
static bool is_utf8_name(const char *enc)
{
    char norm[16];
    size_t n = 0;
    for (const char *p = enc; *p; p++) {
        if (*p == '-' || *p == '_') {
            continue;
        }
        if (n + 1 >= sizeof norm) {
            return false;
        }
        char c = *p;
        norm[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    norm[n] = '\0';
    return strcmp(norm, "utf8") == 0;
}

static int check_str_or_none(tpy_object_t *op, const char *what)
{
    if (op != NULL && op != tpy_none && !TPY_STR_CHECK(op)) {
        tpy_err_format(&tpy_exc_TypeError, "open() argument '%s' must be str or None, not %T",
                       what, op);
        return -1;
    }
    return 0;
}

tpy_object_t *tpy_builtin_open(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"file",   "mode",    "buffering", "encoding",
                                        "errors", "newline", "closefd",   NULL};
    tpy_object_t *a[7];
    if (tpy_arg_parse("open", args, nargs, kwnames, names, 0, 1, a) < 0) {
        return NULL;
    }
    tpy_object_t *file = a[0], *mode = a[1], *encoding = a[3], *newline = a[5];
    if (mode != NULL && !TPY_STR_CHECK(mode)) {
        return tpy_err_format(&tpy_exc_TypeError, "open() argument 'mode' must be str, not %T",
                              mode);
    }
    if (a[2] != NULL && !TPY_INT_CHECK(a[2])) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "'%T' object cannot be interpreted as an integer", a[2]);
    }
    if (check_str_or_none(encoding, "encoding") < 0 || check_str_or_none(a[4], "errors") < 0 ||
        check_str_or_none(newline, "newline") < 0) {
        return NULL;
    }
    bool is_fd = TPY_INT_CHECK(file) && TPY_TYPE(file) != &tpy_bool_type;
    if (!TPY_STR_CHECK(file) && !is_fd) {
        return tpy_err_format(&tpy_exc_TypeError,
                              "expected str, bytes or os.PathLike object, not %T", file);
    }
    open_mode_t m;
    tpy_object_t *modestr = mode ? tpy_newref(mode) : tpy_str_from_cstr("r");
    if (modestr == NULL) {
        return NULL;
    }
    tpy_object_t *result = NULL;
    const char *encname = "UTF-8";
    if (parse_mode(modestr, &m) < 0) {
        goto done;
    }
    if (encoding != NULL && encoding != tpy_none) {
        encname = TPY_STR_DATA(encoding);
        if (!is_utf8_name(encname)) {
            tpy_err_format(&tpy_exc_NotImplementedError,
                           "encoding '%s' is not supported by tpy (only UTF-8)", encname);
            goto done;
        }
    }
    bool translate = true;
    if (newline != NULL && newline != tpy_none) {
        const char *nl = TPY_STR_DATA(newline);
        if (strcmp(nl, "") != 0 && strcmp(nl, "\n") != 0) {
            if (strcmp(nl, "\r") == 0 || strcmp(nl, "\r\n") == 0) {
                tpy_err_format(&tpy_exc_NotImplementedError, "newline=%R is not supported by tpy",
                               newline);
            } else {
                tpy_err_format(&tpy_exc_ValueError, "illegal newline value: %U", newline);
            }
            goto done;
        }
        translate = false;
    }
    int closefd = a[6] ? tpy_object_is_true(a[6]) : 1;
    if (closefd < 0) {
        goto done;
    }
    int fd;
    if (is_fd) {
        int64_t v = tpy_int_as_i64(file);
        if (v == -1 && tpy_err_occurred()) {
            goto done;
        }
        if (v < 0 || v > INT32_MAX) {
            tpy_err_set_str(&tpy_exc_ValueError, "negative file descriptor");
            goto done;
        }
        fd = (int)v;
    } else {
        if (!closefd) {
            tpy_err_set_str(&tpy_exc_ValueError, "Cannot use closefd=False with file name");
            goto done;
        }
        if (strlen(TPY_STR_DATA(file)) != (size_t)TPY_STR_LEN(file)) {
            tpy_err_set_str(&tpy_exc_ValueError, "embedded null byte");
            goto done;
        }
        do {
            fd = open(TPY_STR_DATA(file), m.oflags, 0666);
        } while (fd < 0 && errno == EINTR);
        if (fd < 0) {
            tpy_file_err_errno(errno, file);
            goto done;
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            tpy_file_err_errno(EISDIR, file);
            goto done;
        }
    }
    file_t *f = file_alloc(fd, file, TPY_STR_DATA(modestr), encname);
    if (f == NULL) {
        if (!is_fd) {
            close(fd);
        }
        goto done;
    }
    f->readable = m.readable;
    f->writable = m.writable;
    f->closefd = closefd;
    f->translate = translate;
    f->line_buffered = isatty(fd);
    if (a[4] != NULL && a[4] != tpy_none) {
        f->errors = tpy_newref(a[4]);
    }
    result = TPY_OBJ(f);
done:
    TPY_DECREF(modestr);
    return result;
}

/* ---- closing and deallocation ------------------------------------------------------ */

static int file_close_impl(file_t *f)
{
    if (f->closed) {
        return 0;
    }
    int r = flush_buffer(f);
    f->closed = true;
    if (f->closefd && close(f->fd) < 0 && r == 0) {
        tpy_file_err_errno(errno, NULL);
        r = -1;
    }
    return r;
}

static void file_dealloc(tpy_object_t *self)
{
    file_t *f = as_file(self);
    if (!f->closed) {
        // Closing may fail; the exception being propagated (if any) must survive.
        tpy_object_t *saved = tpy_err_fetch();
        if (file_close_impl(f) < 0) {
            tpy_err_clear();
        }
        tpy_err_restore(saved);
    }
    for (int i = 0; i < 3; i++) {
        if (std_streams[i] == f) {
            std_streams[i] = NULL;
        }
    }
    if (f->rbuf != NULL) {
        tpy_mem_free(f->rbuf, f->rcap);
    }
    if (f->wbuf != NULL) {
        tpy_mem_free(f->wbuf, f->wcap);
    }
    TPY_CLEAR(f->name);
    TPY_CLEAR(f->mode);
    TPY_CLEAR(f->encoding);
    TPY_CLEAR(f->errors);
    tpy_obj_free(self, TPY_TYPE(self)->tp_basicsize);
}

static tpy_object_t *file_repr(tpy_object_t *self)
{
    file_t *f = as_file(self);
    return tpy_str_from_format("<_io.TextIOWrapper name=%R mode=%R encoding=%R>", f->name, f->mode,
                               f->encoding);
}

/* ---- methods --------------------------------------------------------------------- */

/* An optional size argument: None or missing → -1. */
static int size_arg(const char *fname, tpy_object_t *const *args, size_t nargs,
                    tpy_object_t *kwnames, intptr_t *size)
{
    if (tpy_arg_count(fname, nargs, kwnames, 0, 1) < 0) {
        return -1;
    }
    *size = -1;
    if (nargs == 1 && args[0] != tpy_none) {
        if (!TPY_INT_CHECK(args[0])) {
            tpy_err_format(&tpy_exc_TypeError, "argument should be integer or None, not '%T'",
                           args[0]);
            return -1;
        }
        int overflow = 0;
        int64_t v = tpy_int_as_i64_overflow(args[0], &overflow);
        if (overflow) {
            tpy_err_set_str(&tpy_exc_OverflowError,
                            "Python int too large to convert to C ssize_t");
            return -1;
        }
        *size = v < 0 ? -1 : (intptr_t)v;
    }
    return 0;
}

static tpy_object_t *file_read(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    file_t *f = as_file(self);
    intptr_t size;
    if (size_arg("read", args, nargs, kwnames, &size) < 0 || check_readable(f) < 0) {
        return NULL;
    }
    return read_text(f, size, false);
}

static tpy_object_t *file_readline(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    file_t *f = as_file(self);
    intptr_t size;
    if (size_arg("readline", args, nargs, kwnames, &size) < 0 || check_readable(f) < 0) {
        return NULL;
    }
    return read_text(f, size, true);
}

static tpy_object_t *file_readlines(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames)
{
    file_t *f = as_file(self);
    intptr_t hint;
    if (size_arg("readlines", args, nargs, kwnames, &hint) < 0 || check_readable(f) < 0) {
        return NULL;
    }
    tpy_object_t *list = tpy_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    intptr_t total = 0;
    for (;;) {
        tpy_object_t *line = read_text(f, -1, true);
        if (line == NULL) {
            TPY_DECREF(list);
            return NULL;
        }
        if (TPY_STR_LEN(line) == 0) {
            TPY_DECREF(line);
            break;
        }
        intptr_t n = TPY_STR_CPLEN(line);
        if (tpy_list_append_steal(list, line) < 0) {
            TPY_DECREF(list);
            return NULL;
        }
        // CPython stops after the line that takes the total past the hint
        if (hint > 0 && n > hint - total) {
            break;
        }
        total += n;
    }
    return list;
}

static int write_checked(file_t *f, tpy_object_t *s)
{
    if (check_writable(f) < 0) {
        return -1;
    }
    if (!TPY_STR_CHECK(s)) {
        tpy_err_format(&tpy_exc_TypeError, "write() argument must be str, not %T", s);
        return -1;
    }
    if (TPY_STR_IS_ASCII(s)) {
        return write_bytes(f, TPY_STR_DATA(s), (size_t)TPY_STR_LEN(s));
    }
    return write_text(f, TPY_STR_DATA(s), (size_t)TPY_STR_LEN(s));
}

static tpy_object_t *file_write(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    if (tpy_arg_count("write", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    if (write_checked(as_file(self), args[0]) < 0) {
        return NULL;
    }
    return tpy_int_from_small(TPY_STR_CPLEN(args[0]));
}

static tpy_object_t *file_writelines(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    file_t *f = as_file(self);
    if (tpy_arg_count("writelines", nargs, kwnames, 1, 1) < 0 || check_open(f) < 0) {
        return NULL;
    }
    tpy_object_t *it = tpy_object_getiter(args[0]);
    if (it == NULL) {
        return NULL;
    }
    tpy_object_t *line;
    while ((line = tpy_iter_next(it)) != NULL) {
        int r = write_checked(f, line);
        TPY_DECREF(line);
        if (r < 0) {
            TPY_DECREF(it);
            return NULL;
        }
    }
    TPY_DECREF(it);
    if (tpy_err_occurred()) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *file_close(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("close", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    if (file_close_impl(as_file(self)) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *file_flush_meth(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                     tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("flush", nargs, kwnames, 0, 0) < 0 || tpy_file_flush(self) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *file_fileno(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)args;
    file_t *f = as_file(self);
    if (tpy_arg_count("fileno", nargs, kwnames, 0, 0) < 0 || check_open(f) < 0) {
        return NULL;
    }
    return tpy_int_from_small(f->fd);
}

static tpy_object_t *file_isatty(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                 tpy_object_t *kwnames)
{
    (void)args;
    file_t *f = as_file(self);
    if (tpy_arg_count("isatty", nargs, kwnames, 0, 0) < 0 || check_open(f) < 0) {
        return NULL;
    }
    TPY_RETURN_BOOL(isatty(f->fd));
}

static tpy_object_t *file_readable(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)args;
    file_t *f = as_file(self);
    if (tpy_arg_count("readable", nargs, kwnames, 0, 0) < 0) { // no closed check, like CPython
        return NULL;
    }
    TPY_RETURN_BOOL(f->readable);
}

static tpy_object_t *file_writable(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)args;
    file_t *f = as_file(self);
    if (tpy_arg_count("writable", nargs, kwnames, 0, 0) < 0) { // no closed check, like CPython
        return NULL;
    }
    TPY_RETURN_BOOL(f->writable);
}

static tpy_object_t *file_seekable(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    (void)args;
    file_t *f = as_file(self);
    if (tpy_arg_count("seekable", nargs, kwnames, 0, 0) < 0 || check_open(f) < 0) {
        return NULL;
    }
    TPY_RETURN_BOOL(lseek(f->fd, 0, SEEK_CUR) >= 0);
}

/* The logical position: the descriptor's, minus read-ahead, plus unflushed output. */
static tpy_object_t *file_tell(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)args;
    file_t *f = as_file(self);
    if (tpy_arg_count("tell", nargs, kwnames, 0, 0) < 0 || check_open(f) < 0) {
        return NULL;
    }
    if (flush_buffer(f) < 0) {
        return NULL;
    }
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0) {
        return tpy_file_err_errno(errno, NULL);
    }
    return tpy_int_from_i64((int64_t)pos - (int64_t)(f->rlen - f->rpos));
}

static tpy_object_t *file_seek(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    file_t *f = as_file(self);
    if (tpy_arg_count("seek", nargs, kwnames, 1, 2) < 0 || check_open(f) < 0) {
        return NULL;
    }
    int64_t whence = 0;
    if (!TPY_INT_CHECK(args[0]) || (nargs == 2 && !TPY_INT_CHECK(args[1]))) {
        tpy_object_t *bad = !TPY_INT_CHECK(args[0]) ? args[0] : args[1];
        return tpy_err_format(&tpy_exc_TypeError,
                              "'%T' object cannot be interpreted as an integer", bad);
    }
    int64_t offset = tpy_int_as_i64(args[0]);
    if (offset == -1 && tpy_err_occurred()) {
        return NULL;
    }
    if (nargs == 2) {
        whence = tpy_int_as_i64(args[1]);
        if (whence == -1 && tpy_err_occurred()) {
            return NULL;
        }
    }
    if (whence == 1 && offset != 0) {
        tpy_err_set_str(&tpy_exc_UnsupportedOperation, "can't do nonzero cur-relative seeks");
        return NULL;
    }
    if (whence == 2 && offset != 0) {
        tpy_err_set_str(&tpy_exc_UnsupportedOperation, "can't do nonzero end-relative seeks");
        return NULL;
    }
    if (whence < 0 || whence > 2) {
        return tpy_err_format(&tpy_exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)",
                              (long long)whence);
    }
    if (whence == 0 && offset < 0) {
        return tpy_err_format(&tpy_exc_ValueError, "negative seek position %lld",
                              (long long)offset);
    }
    if (flush_buffer(f) < 0) {
        return NULL;
    }
    off_t pos;
    if (whence == 1) {
        pos = lseek(f->fd, 0, SEEK_CUR);
        if (pos >= 0) {
            pos -= (off_t)(f->rlen - f->rpos);
            pos = lseek(f->fd, pos, SEEK_SET);
        }
    } else {
        pos = lseek(f->fd, (off_t)offset, whence == 0 ? SEEK_SET : SEEK_END);
    }
    if (pos < 0) {
        return tpy_file_err_errno(errno, NULL);
    }
    f->rpos = f->rlen = 0;
    f->eof = false;
    return tpy_int_from_i64((int64_t)pos);
}

static tpy_object_t *file_enter(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("__enter__", nargs, kwnames, 0, 0) < 0 || check_open(as_file(self)) < 0) {
        return NULL;
    }
    return tpy_newref(self);
}

static tpy_object_t *file_exit(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                               tpy_object_t *kwnames)
{
    (void)args;
    (void)nargs;
    if (tpy_arg_no_kw("__exit__", kwnames) < 0) {
        return NULL;
    }
    if (file_close_impl(as_file(self)) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

static tpy_object_t *file_iter(tpy_object_t *self)
{
    if (check_open(as_file(self)) < 0) {
        return NULL;
    }
    return tpy_newref(self);
}

static tpy_object_t *file_iternext(tpy_object_t *self)
{
    file_t *f = as_file(self);
    if (check_readable(f) < 0) {
        return NULL;
    }
    tpy_object_t *line = read_text(f, -1, true);
    if (line != NULL && TPY_STR_LEN(line) == 0) {
        TPY_DECREF(line);
        return NULL;
    }
    return line;
}

static tpy_object_t *file_get_closed(tpy_object_t *self)
{
    TPY_RETURN_BOOL(as_file(self)->closed);
}

static tpy_object_t *file_get_name(tpy_object_t *self)
{
    return tpy_newref(as_file(self)->name);
}

static tpy_object_t *file_get_mode(tpy_object_t *self)
{
    return tpy_newref(as_file(self)->mode);
}

static tpy_object_t *file_get_encoding(tpy_object_t *self)
{
    return tpy_newref(as_file(self)->encoding);
}

static tpy_object_t *file_get_errors(tpy_object_t *self)
{
    file_t *f = as_file(self);
    return f->errors ? tpy_newref(f->errors) : tpy_str_from_cstr("strict");
}

static tpy_object_t *file_get_newlines(tpy_object_t *self)
{
    (void)self;
    TPY_RETURN_NONE;
}

/* truncate(pos=None): cut the file at pos (default: the current position),
 * which stays where it was; returns pos. */
static tpy_object_t *file_truncate(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                   tpy_object_t *kwnames)
{
    file_t *f = as_file(self);
    static const char *const names[] = {"pos", NULL};
    tpy_object_t *a[1];
    if (tpy_arg_parse("truncate", args, nargs, kwnames, names, 0, 0, a) < 0 ||
        check_open(f) < 0) {
        return NULL;
    }
    if (!f->writable) {
        tpy_err_set_str(&tpy_exc_UnsupportedOperation, "truncate");
        return NULL;
    }
    tpy_object_t *pos;
    if (a[0] == NULL || a[0] == tpy_none) {
        pos = file_tell(self, NULL, 0, NULL);
    } else {
        pos = tpy_number_index(a[0]);
    }
    if (pos == NULL) {
        return NULL;
    }
    int64_t n = tpy_int_as_i64(pos);
    if ((n == -1 && tpy_err_occurred()) || flush_buffer(f) < 0) {
        TPY_DECREF(pos);
        return NULL;
    }
    if (n < 0) {
        TPY_DECREF(pos);
        return tpy_err_format(&tpy_exc_ValueError, "negative size value %lld", (long long)n);
    }
    if (ftruncate(f->fd, (off_t)n) < 0) {
        TPY_DECREF(pos);
        return tpy_file_err_errno(errno, NULL);
    }
    return pos;
}

/* __del__: what IOBase does when a file dies -- close it. */
static tpy_object_t *file_del(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                              tpy_object_t *kwnames)
{
    (void)args;
    if (tpy_arg_count("__del__", nargs, kwnames, 0, 0) < 0 || file_close_impl(as_file(self)) < 0) {
        return NULL;
    }
    TPY_RETURN_NONE;
}

/* IOBase's _checkClosed / _checkReadable / _checkWritable / _checkSeekable:
 * raise when the file cannot do it (None or True otherwise). */
static tpy_object_t *check_capability(tpy_object_t *self, size_t nargs, tpy_object_t *kwnames,
                                      const char *name, const char *what)
{
    file_t *f = as_file(self);
    if (tpy_arg_count(name, nargs, kwnames, 0, 1) < 0 || check_open(f) < 0) {
        return NULL;
    }
    if (what == NULL) {
        TPY_RETURN_NONE;
    }
    bool ok = strcmp(what, "readable") == 0   ? f->readable
              : strcmp(what, "writable") == 0 ? f->writable
                                              : lseek(f->fd, 0, SEEK_CUR) >= 0;
    if (!ok) {
        return tpy_err_format(&tpy_exc_UnsupportedOperation, "File or stream is not %s.", what);
    }
    return tpy_newref(tpy_true);
}

static tpy_object_t *file_check_closed(tpy_object_t *self, tpy_object_t *const *args,
                                       size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    return check_capability(self, nargs, kwnames, "_checkClosed", NULL);
}

static tpy_object_t *file_check_readable(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    return check_capability(self, nargs, kwnames, "_checkReadable", "readable");
}

static tpy_object_t *file_check_writable(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    return check_capability(self, nargs, kwnames, "_checkWritable", "writable");
}

static tpy_object_t *file_check_seekable(tpy_object_t *self, tpy_object_t *const *args,
                                         size_t nargs, tpy_object_t *kwnames)
{
    (void)args;
    return check_capability(self, nargs, kwnames, "_checkSeekable", "seekable");
}

static const tpy_methoddef_t file_methods[] = {
    {"truncate", file_truncate, 0, NULL},
    {"__del__", file_del, 0, NULL},
    {"_checkClosed", file_check_closed, 0, NULL},
    {"_checkReadable", file_check_readable, 0, NULL},
    {"_checkWritable", file_check_writable, 0, NULL},
    {"_checkSeekable", file_check_seekable, 0, NULL},
    {"read", file_read, 0, "Read at most n characters (all when n is omitted)."},
    {"readline", file_readline, 0, "Read up to and including the next newline."},
    {"readlines", file_readlines, 0, "Return the remaining lines as a list."},
    {"write", file_write, 0, "Write a str; return the number of characters."},
    {"writelines", file_writelines, 0, "Write every str of an iterable."},
    {"close", file_close, 0, "Flush and close the file."},
    {"flush", file_flush_meth, 0, "Write out buffered output."},
    {"fileno", file_fileno, 0, NULL},
    {"isatty", file_isatty, 0, NULL},
    {"readable", file_readable, 0, NULL},
    {"writable", file_writable, 0, NULL},
    {"seekable", file_seekable, 0, NULL},
    {"tell", file_tell, 0, NULL},
    {"seek", file_seek, 0, NULL},
    {"__enter__", file_enter, 0, NULL},
    {"__exit__", file_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static tpy_object_t *file_get_line_buffering(tpy_object_t *self)
{
    return tpy_bool_from(as_file(self)->line_buffered);
}

static tpy_object_t *file_get_write_through(tpy_object_t *self)
{
    return tpy_bool_from(as_file(self)->write_through);
}

static tpy_object_t *file_get_finalizing(tpy_object_t *self)
{
    (void)self;
    return tpy_newref(tpy_false);
}

static tpy_object_t *file_get_chunk_size(tpy_object_t *self)
{
    if (check_open(as_file(self)) < 0) {
        return NULL;
    }
    return tpy_int_from_i64(as_file(self)->chunk_size);
}

static int file_set_chunk_size(tpy_object_t *self, tpy_object_t *value)
{
    if (value == NULL) {
        tpy_err_set_str(&tpy_exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    intptr_t n = tpy_number_as_ssize(value, &tpy_exc_ValueError);
    if (n == -1 && tpy_err_occurred()) {
        return -1;
    }
    if (n <= 0) {
        tpy_err_set_str(&tpy_exc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    as_file(self)->chunk_size = n;
    return 0;
}

static const tpy_getsetdef_t file_getset[] = {
    {"line_buffering", file_get_line_buffering, NULL},
    {"write_through", file_get_write_through, NULL},
    {"_finalizing", file_get_finalizing, NULL},
    {"_CHUNK_SIZE", file_get_chunk_size, file_set_chunk_size},
    {"closed", file_get_closed, NULL},     {"name", file_get_name, NULL},
    {"mode", file_get_mode, NULL},         {"encoding", file_get_encoding, NULL},
    {"newlines", file_get_newlines, NULL}, {"errors", file_get_errors, NULL},
    {NULL, NULL, NULL},
};

tpy_type_t tpy_file_type = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(file_t),
    .tp_dealloc = file_dealloc,
    .tp_repr = file_repr,
    .tp_iter = file_iter,
    .tp_iternext = file_iternext,
    .tp_methods = file_methods,
    .tp_getset = file_getset,
    .tp_doc = "A text file (UTF-8, universal newlines).",
};

/* io.UnsupportedOperation derives from both OSError and ValueError, as in
 * CPython.  A static type has a single tp_base, so after readying it as an
 * OSError subclass its bases and MRO are rewritten to include ValueError. */
tpy_type_t tpy_exc_UnsupportedOperation = {
    .ob = TPY_STATIC_TYPE_OB,
    .tp_name = "UnsupportedOperation",
    .tp_basicsize = sizeof(tpy_exception_t),
    .tp_flags = TPY_TPFLAGS_BASETYPE | TPY_TPFLAGS_HAVE_GC | TPY_TPFLAGS_EXC_SUBCLASS,
    .tp_dictoffset = offsetof(tpy_exception_t, dict),
    .tp_base = &tpy_exc_OSError,
};

static int unsupported_operation_ready(void)
{
    tpy_type_t *t = &tpy_exc_UnsupportedOperation;
    if (tpy_type_ready(t) < 0) {
        return -1;
    }
    // MRO: UnsupportedOperation, OSError, ValueError, Exception, BaseException, object
    tpy_object_t *mro = tpy_tuple_pack(6, TPY_OBJ(t), TPY_OBJ(&tpy_exc_OSError),
                                       TPY_OBJ(&tpy_exc_ValueError), TPY_OBJ(&tpy_exc_Exception),
                                       TPY_OBJ(&tpy_exc_BaseException), TPY_OBJ(&tpy_object_type));
    tpy_object_t *bases =
        tpy_tuple_pack(2, TPY_OBJ(&tpy_exc_OSError), TPY_OBJ(&tpy_exc_ValueError));
    if (mro == NULL || bases == NULL) {
        TPY_XDECREF(mro);
        TPY_XDECREF(bases);
        return -1;
    }
    TPY_SETREF(t->tp_mro, mro);
    TPY_SETREF(t->tp_bases, bases);
    tpy_type_modified(t);
    return 0;
}

int tpy_file_init(void)
{
    if (!TPY_TYPE_HAS_FLAG(&tpy_file_type, TPY_TPFLAGS_READY) &&
        tpy_type_ready(&tpy_file_type) < 0) {
        return -1;
    }
    if (!TPY_TYPE_HAS_FLAG(&tpy_exc_UnsupportedOperation, TPY_TPFLAGS_READY) &&
        unsupported_operation_ready() < 0) {
        return -1;
    }
    return 0;
}
