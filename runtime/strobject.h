/*
 * runtime/strobject.h - str: immutable Unicode text.
 *
 * Stored as UTF-8 with a trailing NUL, plus the length in code points.  When
 * every character is ASCII (len == cplen) indexing is O(1); otherwise indexing
 * walks the UTF-8 (the common case in scripts is ASCII).  The hash is cached.
 * Interned strings (identifiers, identifier-like constants, sys.intern) live
 * in a table holding *uncounted* references; a string's dealloc removes its
 * entry, so attribute and global lookups can compare interned keys by pointer.
 */
#ifndef TPY_RUNTIME_STROBJECT_H
#define TPY_RUNTIME_STROBJECT_H

#include "gc/gc.h"

#include <string.h>

typedef struct {
    tpy_object_t ob;
    intptr_t len;    // bytes of UTF-8, not counting the NUL
    intptr_t cplen;  // code points
    int64_t hash;    // -1 until computed
    uint8_t interned;
    char data[];     // len bytes + NUL
} tpy_str_t;

extern tpy_type_t tpy_str_type;
extern tpy_type_t tpy_striter_type;
#define TPY_STR_CHECK(op) TPY_TYPE_HAS_FLAG(TPY_TYPE(op), TPY_TPFLAGS_STR_SUBCLASS)
#define TPY_STR_CHECK_EXACT(op) (TPY_TYPE(op) == &tpy_str_type)
#define TPY_STR_DATA(op) (((tpy_str_t *)(op))->data)
#define TPY_STR_LEN(op) (((tpy_str_t *)(op))->len)
#define TPY_STR_CPLEN(op) (((tpy_str_t *)(op))->cplen)
#define TPY_STR_IS_ASCII(op) (TPY_STR_LEN(op) == TPY_STR_CPLEN(op))

// A new str from [len] bytes of valid UTF-8 (not checked: callers decode first).
tpy_object_t *tpy_str_from_utf8(const char *s, size_t len);
tpy_object_t *tpy_str_from_cstr(const char *s);
// Checks UTF-8 validity; UnicodeError (CPython: UnicodeDecodeError) on bad bytes.
tpy_object_t *tpy_str_decode_utf8(const char *s, size_t len);
// An uninitialized str of [len] bytes and [cplen] code points, to be filled
// before it escapes (the NUL is set).  NULL on exhaustion (MemoryError set).
tpy_object_t *tpy_str_new_raw(size_t len, size_t cplen);
tpy_object_t *tpy_str_from_format(const char *fmt, ...); // printf-style + %R %S %T %U
// The interned str equal to [s] (new reference), creating it if needed.
tpy_object_t *tpy_str_intern_cstr(const char *s);
// Intern [*p] in place: replaces it with the canonical object (steals and returns via *p).
void tpy_str_intern_inplace(tpy_object_t **p);
bool tpy_str_is_interned(tpy_object_t *op);
int64_t tpy_str_hash(tpy_object_t *op);
// Equality of two str objects (pointer first, then hash and bytes).
bool tpy_str_eq(tpy_object_t *a, tpy_object_t *b);
bool tpy_str_eq_cstr(tpy_object_t *a, const char *s);
tpy_object_t *tpy_str_concat(tpy_object_t *a, tpy_object_t *b);
/*
 * *pa = *pa + [b] (both str).  When *pa is an exact, uninterned str whose only
 * reference is the caller's (refcount 1), its block is grown in place instead
 * of copied: a VM that drops the variable's reference before `s += t` gets
 * amortized appends (as good as the allocator's realloc: an exact str is one
 * tpy_mem_alloc block of its header, its bytes and the NUL).
 * Steals *pa and stores the result there (NULL on error, with the exception
 * set).  0 or -1.
 */
int tpy_str_append_inplace(tpy_object_t **pa, tpy_object_t *b);
// sep.join(iterable)
tpy_object_t *tpy_str_join(tpy_object_t *sep, tpy_object_t *iterable);
// repr(s) with CPython's quoting rules.
tpy_object_t *tpy_str_repr(tpy_object_t *op);
// Character [i] (code point index, already bounds-checked) as a new 1-char str.
tpy_object_t *tpy_str_char_at(tpy_object_t *op, intptr_t i);
// A 1-character str for code point [cp] (cached for ASCII).
tpy_object_t *tpy_str_from_codepoint(uint32_t cp);
// `fmt % args` (printf-style formatting).
tpy_object_t *tpy_str_mod_format(tpy_object_t *fmt, tpy_object_t *args);
// format(value, spec): apply a format spec (the mini-language) to an object.
tpy_object_t *tpy_object_format(tpy_object_t *value, tpy_object_t *spec);
// str.format(*args, **kwargs)
tpy_object_t *tpy_str_format_method(tpy_object_t *self, tpy_object_t *const *args, size_t nargs,
                                    tpy_object_t *kwnames);

// memcpy for the short runs of string building: inline up to 16 bytes (a
// call to memcpy costs more than such a copy).  [dst] and [src] are disjoint.
static inline void tpy_str_copy(char *dst, const char *src, size_t n)
{
    if (n > 16) {
        memcpy(dst, src, n);
    } else if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, src, 8);
        memcpy(&b, src + n - 8, 8);
        memcpy(dst, &a, 8);
        memcpy(dst + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, src, 4);
        memcpy(&b, src + n - 4, 4);
        memcpy(dst, &a, 4);
        memcpy(dst + n - 4, &b, 4);
    } else if (n > 0) {
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    }
}

/* A growable byte buffer for building strings (repr of containers, join, ...). */
typedef struct {
    char *data;
    size_t len, cap;
    size_t cplen;   // code points appended so far
    bool failed;    // allocation failed: result will be NULL with MemoryError
    char inline_buf[128];
} tpy_strbuf_t;
static inline void tpy_strbuf_init(tpy_strbuf_t *b)
{
    b->data = b->inline_buf;
    b->len = 0;
    b->cap = sizeof(b->inline_buf);
    b->cplen = 0;
    b->failed = false;
}
void tpy_strbuf_append(tpy_strbuf_t *b, const char *s, size_t len); // ASCII/UTF-8 bytes
void tpy_strbuf_append_cstr(tpy_strbuf_t *b, const char *s);
// Make room for [extra] more bytes; false (and b->failed) when memory runs out.
bool tpy_strbuf_reserve(tpy_strbuf_t *b, size_t extra);
// Append [len] bytes the caller knows to be ASCII (skips counting code points).
// The appends below are inline: room for them is one comparison, and only
// growing the buffer is a call.
static inline void tpy_strbuf_append_ascii(tpy_strbuf_t *b, const char *s, size_t len)
{
    // Keep one byte for the NUL the final string needs.
    if (__builtin_expect(len >= b->cap - b->len, 0) && !tpy_strbuf_reserve(b, len)) {
        return;
    }
    tpy_str_copy(b->data + b->len, s, len);
    b->len += len;
    b->cplen += len;
}
// Append a str object (its cached code point count is added).
static inline void tpy_strbuf_append_str(tpy_strbuf_t *b, tpy_object_t *str)
{
    size_t len = (size_t)((tpy_str_t *)str)->len;
    if (__builtin_expect(len >= b->cap - b->len, 0) && !tpy_strbuf_reserve(b, len)) {
        return;
    }
    tpy_str_copy(b->data + b->len, ((tpy_str_t *)str)->data, len);
    b->len += len;
    b->cplen += (size_t)((tpy_str_t *)str)->cplen;
}
// Append one byte (an ASCII character or a byte of a UTF-8 sequence).
static inline void tpy_strbuf_append_char(tpy_strbuf_t *b, char c)
{
    if (__builtin_expect(b->len + 1 >= b->cap, 0) && !tpy_strbuf_reserve(b, 1)) {
        return;
    }
    b->data[b->len++] = c;
    b->cplen += ((unsigned char)c & 0xC0) != 0x80;
}
void tpy_strbuf_printf(tpy_strbuf_t *b, const char *fmt, ...);
// Append repr/str of [op]; -1 with an exception set on failure.
int tpy_strbuf_append_repr(tpy_strbuf_t *b, tpy_object_t *op);
int tpy_strbuf_append_strof(tpy_strbuf_t *b, tpy_object_t *op);
// The built str (new ref); releases the buffer.  NULL with MemoryError on failure.
tpy_object_t *tpy_strbuf_finish(tpy_strbuf_t *b);
void tpy_strbuf_release(tpy_strbuf_t *b);

/* ---- additions (str helper) --------------------------------------------------- */

// ascii(op): repr(op) with every non-ASCII code point escaped (\xhh, \uhhhh,
// \Uhhhhhhhh).  New reference; may run Python code (__repr__).
tpy_object_t *tpy_object_ascii(tpy_object_t *op);
// Append code point [cp] encoded as UTF-8.
void tpy_strbuf_append_codepoint(tpy_strbuf_t *b, uint32_t cp);
// Append [n] copies of code point [cp] (padding).
void tpy_strbuf_append_fill(tpy_strbuf_t *b, uint32_t cp, size_t n);
// Append the decimal text of [v] (as str(v) of an int).
void tpy_strbuf_append_i64(tpy_strbuf_t *b, int64_t v);

/* Decimal text of machine integers, shared by str(int), '%d' and '{}'. */
#define TPY_I64_DEC_MAX 20 // digits of the largest magnitude (2**63), sign excluded
// Write the decimal digits of [v] so that they end just before [end]; returns
// where they start (at most TPY_I64_DEC_MAX bytes before [end]).
char *tpy_u64_to_dec(uint64_t v, char *end);
// str(v) for an int64 [v]: a new str.  NULL with MemoryError on exhaustion.
tpy_object_t *tpy_str_from_i64(int64_t v);

/*
 * Internal to the str files (strobject.c, strmethods.c, strformat.c,
 * strunicode.c): UTF-8 walking and the character database.  A str holds valid UTF-8 (lone
 * surrogates from escapes are encoded as 3-byte sequences and decode back).
 */
// Decode the code point at [*p] and advance *p past it.
static inline uint32_t tpy_utf8_decode(const unsigned char **p)
{
    const unsigned char *s = *p;
    uint32_t c = s[0];
    if (c < 0x80) {
        *p = s + 1;
        return c;
    }
    if (c < 0xE0) {
        *p = s + 2;
        return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    }
    if (c < 0xF0) {
        *p = s + 3;
        return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *p = s + 4;
    return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}
// Encode [cp] into [out] (4 bytes of room); returns the number of bytes.
static inline int tpy_utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
// Number of code points in [n] bytes of UTF-8.
size_t tpy_utf8_count(const char *s, size_t n);
// Byte offset of code point [i] (0 <= i <= cplen) in str [op].
intptr_t tpy_str_byte_offset(tpy_object_t *op, intptr_t i);
// A new exact str holding bytes [start, end) of [op] (whole code points);
// [cplen] is the code point count of the range or -1 to count.  Returns [op]
// itself for the whole of an exact str.
tpy_object_t *tpy_str_substr(tpy_object_t *op, intptr_t start, intptr_t end, intptr_t cplen);
/*
 * The character database (strunicode.c, generated from Python 3.11's Unicode
 * 14.0.0): one property of one code point, exactly as the str method of a
 * one-character string answers.  The to* functions write the full mapping (1
 * to 3 code points) to [out] and return how many.
 */
bool tpy_unicode_isprintable(uint32_t cp);
bool tpy_unicode_isspace(uint32_t cp);
bool tpy_unicode_islinebreak(uint32_t cp); // splitlines() boundaries
bool tpy_unicode_isalpha(uint32_t cp);
bool tpy_unicode_isdecimal(uint32_t cp);
bool tpy_unicode_isdigit(uint32_t cp);
bool tpy_unicode_isnumeric(uint32_t cp);
bool tpy_unicode_isupper(uint32_t cp);
bool tpy_unicode_islower(uint32_t cp);
bool tpy_unicode_istitle(uint32_t cp);    // category Lt
bool tpy_unicode_iscased(uint32_t cp);
bool tpy_unicode_iscaseignorable(uint32_t cp);
bool tpy_unicode_isidstart(uint32_t cp);  // XID_Start or '_'
bool tpy_unicode_isidcontinue(uint32_t cp);
int tpy_unicode_toupper(uint32_t cp, uint32_t *out);
int tpy_unicode_tolower(uint32_t cp, uint32_t *out); // without the final-sigma rule
int tpy_unicode_totitle(uint32_t cp, uint32_t *out);
int tpy_unicode_tofolded(uint32_t cp, uint32_t *out);
// str.format_map(mapping) (strformat.c).
tpy_object_t *tpy_str_format_map(tpy_object_t *self, tpy_object_t *mapping);
// The format-spec mini-language applied to str [self]: format(s, spec) with
// [spec] given as [len] bytes of UTF-8.  ValueError on a bad spec.
tpy_object_t *tpy_str_format_spec(tpy_object_t *self, const char *spec, size_t len);
// The str methods table (strmethods.c), installed by tpy_str_ready.
extern const tpy_methoddef_t tpy_str_methods[];

// Start-up, phase one: the intern table and the singletons ('' and the 128
// ASCII characters).  Needs no other type, so it may run first; it also
// readies the types when `object` is already ready.
void tpy_str_init(void);
// Phase two, after tpy_types_init: ready str and its iterator. 0 or -1.
int tpy_str_ready(void);
// Drop the intern table (live strings stay valid, no longer interned) and the
// singletons.
void tpy_str_fini(void);

#endif
