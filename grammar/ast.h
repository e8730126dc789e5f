/*
 * grammar/ast.h - the abstract syntax tree the parser builds and the compiler
 * reads.
 *
 * Every node lives in one arena (grammar/arena.h) freed all at once after
 * compilation; nodes never own anything outside the arena.  Names and decoded
 * string literals are arena copies (NUL-terminated UTF-8, with an explicit
 * length because literals may contain NUL).  Positions follow CPython: lines
 * are 1-based, columns are 0-based UTF-8 byte offsets, end positions exclusive.
 * The tree mirrors CPython's ast module closely so that behaviour (and error
 * positions) can be compared node by node.
 */
#ifndef TPY_GRAMMAR_AST_H
#define TPY_GRAMMAR_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef struct tpy_arena tpy_arena_t;

typedef struct {
    int lineno, col, end_lineno, end_col;
} tpy_pos_t;

/* A sequence of nodes (or of other arena objects). */
typedef struct {
    intptr_t n;
    void **items;
} tpy_seq_t;
#define TPY_SEQ_LEN(s) ((s).n)
#define TPY_SEQ_GET(s, i) ((s).items[i])

typedef struct tpy_expr tpy_expr_t;
typedef struct tpy_stmt tpy_stmt_t;

/* Operators.  Binary operator values are the TPY_BINOP_* of gc/object.h, in the
 * same order, so the compiler passes them straight to BINARY_OP. */
typedef enum {
    AST_ADD, AST_SUB, AST_MUL, AST_DIV, AST_FLOORDIV, AST_MOD, AST_POW, AST_LSHIFT, AST_RSHIFT,
    AST_BITAND, AST_BITOR, AST_BITXOR, AST_MATMUL
} tpy_ast_binop_t;
typedef enum { AST_USUB, AST_UADD, AST_INVERT, AST_NOT } tpy_ast_unop_t;
typedef enum { AST_AND, AST_OR } tpy_ast_boolop_t;
/* Comparison values: the first six are the TPY_CMP_* of gc/object.h. */
typedef enum {
    AST_LT, AST_LE, AST_EQ, AST_NE, AST_GT, AST_GE, AST_IS, AST_ISNOT, AST_IN, AST_NOTIN
} tpy_ast_cmpop_t;
typedef enum { AST_LOAD, AST_STORE, AST_DEL } tpy_ast_ctx_t;

typedef enum {
    EXPR_NAME,        // name
    EXPR_INT,         // number literal text (decimal/hex/octal/binary, underscores kept)
    EXPR_FLOAT,       // number literal text ("1.5", "1e-3", ".5", "1_000.0")
    EXPR_IMAG,        // "1j": parsed, rejected by the compiler (not in the subset)
    EXPR_STR,         // decoded string literal (adjacent literals already joined)
    EXPR_BYTES,       // b'...' literal: parsed, rejected by the compiler
    EXPR_FSTRING,     // f-string: parts (EXPR_STR and EXPR_FORMATTED)
    EXPR_FORMATTED,   // {value!conv:spec} inside an f-string
    EXPR_CONST,       // True / False / None / ... (const field)
    EXPR_BINOP,
    EXPR_UNARYOP,
    EXPR_BOOLOP,      // values: 2 or more operands of one and/or chain
    EXPR_COMPARE,     // left, ops, comparators
    EXPR_IFEXP,       // body if test else orelse
    EXPR_LAMBDA,
    EXPR_CALL,
    EXPR_ATTRIBUTE,
    EXPR_SUBSCRIPT,
    EXPR_SLICE,       // lower:upper:step (any may be NULL)
    EXPR_STARRED,     // *value (in calls, displays, assignment targets)
    EXPR_TUPLE,
    EXPR_LIST,
    EXPR_SET,
    EXPR_DICT,        // keys[i] NULL means **values[i]
    EXPR_LISTCOMP,
    EXPR_SETCOMP,
    EXPR_DICTCOMP,
    EXPR_GENEXP,
    EXPR_YIELD,       // value may be NULL
    EXPR_YIELD_FROM,
    EXPR_AWAIT,       // parsed only to reject it
    EXPR_NAMEDEXPR,   // walrus: parsed only to reject it
} tpy_expr_kind_t;

typedef enum { CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS } tpy_const_kind_t;

typedef struct {
    tpy_expr_t *target;  // a Store-context expression
    tpy_expr_t *iter;
    tpy_seq_t ifs;       // of tpy_expr_t*
} tpy_comprehension_t;

typedef struct {
    const char *arg;     // parameter name, or keyword name (NULL for **kwargs in a call)
    tpy_expr_t *value;   // keyword value (calls) / annotation (parameters, ignored)
    tpy_pos_t pos;
} tpy_keyword_t;

/* Parameters of a def or lambda, in CPython's ast.arguments shape. */
typedef struct {
    tpy_seq_t posonlyargs; // of tpy_keyword_t* (arg = name) – before '/'
    tpy_seq_t args;        // of tpy_keyword_t*
    tpy_keyword_t *vararg; // *args or NULL
    tpy_seq_t kwonlyargs;  // of tpy_keyword_t*
    tpy_seq_t kw_defaults; // of tpy_expr_t*, NULL entries for required kw-only
    tpy_keyword_t *kwarg;  // **kwargs or NULL
    tpy_seq_t defaults;    // of tpy_expr_t*: for the last len(defaults) positional params
} tpy_arguments_t;

struct tpy_expr {
    tpy_expr_kind_t kind;
    tpy_pos_t pos;
    union {
        struct { const char *id; tpy_ast_ctx_t ctx; } name;
        struct { const char *text; } num;            // INT, FLOAT, IMAG
        struct { const char *s; size_t len; } str;   // STR, BYTES (decoded)
        struct { tpy_seq_t values; } fstring;        // of tpy_expr_t*
        struct {
            tpy_expr_t *value;
            int conversion;          // -1, 'r', 's', 'a'
            tpy_expr_t *format_spec; // EXPR_FSTRING or NULL
        } formatted;
        struct { tpy_const_kind_t kind; } constant;
        struct { tpy_expr_t *left; tpy_ast_binop_t op; tpy_expr_t *right; } binop;
        struct { tpy_ast_unop_t op; tpy_expr_t *operand; } unaryop;
        struct { tpy_ast_boolop_t op; tpy_seq_t values; } boolop;
        struct { tpy_expr_t *left; tpy_seq_t ops; tpy_seq_t comparators; } compare;
        // compare.ops holds tpy_ast_cmpop_t values cast to (void *)(intptr_t)
        struct { tpy_expr_t *test, *body, *orelse; } ifexp;
        struct { tpy_arguments_t *args; tpy_expr_t *body; } lambda;
        struct { tpy_expr_t *func; tpy_seq_t args; tpy_seq_t keywords; } call;
        // call.args may contain EXPR_STARRED; keywords are tpy_keyword_t* (arg NULL = **x)
        struct { tpy_expr_t *value; const char *attr; tpy_ast_ctx_t ctx; } attribute;
        struct { tpy_expr_t *value; tpy_expr_t *slice; tpy_ast_ctx_t ctx; } subscript;
        // a[i, j]: slice is an EXPR_TUPLE; a[1:2]: EXPR_SLICE
        struct { tpy_expr_t *lower, *upper, *step; } slice;
        struct { tpy_expr_t *value; tpy_ast_ctx_t ctx; } starred;
        struct { tpy_seq_t elts; tpy_ast_ctx_t ctx; } seq; // TUPLE, LIST, SET
        struct { tpy_seq_t keys; tpy_seq_t values; } dict;
        struct {
            tpy_expr_t *elt;   // LISTCOMP/SETCOMP/GENEXP element; DICTCOMP key
            tpy_expr_t *value; // DICTCOMP value
            tpy_seq_t generators; // of tpy_comprehension_t*
        } comp;
        struct { tpy_expr_t *value; } yield; // YIELD (value may be NULL), YIELD_FROM, AWAIT
        struct { tpy_expr_t *target, *value; } namedexpr;
    } u;
};

typedef enum {
    STMT_EXPR,
    STMT_ASSIGN,      // targets (a = b = value), value
    STMT_AUGASSIGN,
    STMT_ANNASSIGN,   // x: int [= value] — annotation ignored
    STMT_DEL,
    STMT_PASS,
    STMT_BREAK,
    STMT_CONTINUE,
    STMT_RETURN,
    STMT_RAISE,
    STMT_GLOBAL,
    STMT_NONLOCAL,
    STMT_IF,
    STMT_WHILE,
    STMT_FOR,
    STMT_TRY,
    STMT_WITH,
    STMT_FUNCTIONDEF,
    STMT_CLASSDEF,
    STMT_IMPORT,
    STMT_IMPORTFROM,
    STMT_ASSERT,
    STMT_ASYNC,       // async def/for/with: parsed only to reject it
    STMT_MATCH,       // match statement: parsed only to reject it
} tpy_stmt_kind_t;

typedef struct {
    tpy_expr_t *type;  // NULL: bare except
    const char *name;  // `as name` or NULL
    tpy_seq_t body;    // of tpy_stmt_t*
    tpy_pos_t pos;
} tpy_excepthandler_t;

typedef struct {
    tpy_expr_t *context_expr;
    tpy_expr_t *optional_vars; // or NULL
} tpy_withitem_t;

typedef struct {
    const char *name;    // dotted name for `import a.b`
    const char *asname;  // or NULL
    tpy_pos_t pos;
} tpy_alias_t;

struct tpy_stmt {
    tpy_stmt_kind_t kind;
    tpy_pos_t pos;
    union {
        struct { tpy_expr_t *value; } expr;
        struct { tpy_seq_t targets; tpy_expr_t *value; } assign;
        struct { tpy_expr_t *target; tpy_ast_binop_t op; tpy_expr_t *value; } augassign;
        struct { tpy_expr_t *target; tpy_expr_t *annotation; tpy_expr_t *value; bool simple; } annassign;
        struct { tpy_seq_t targets; } del;
        struct { tpy_expr_t *value; } ret;          // value may be NULL
        struct { tpy_expr_t *exc, *cause; } raise;  // both may be NULL
        struct { tpy_seq_t names; } global;         // of const char*; GLOBAL and NONLOCAL
        struct { tpy_expr_t *test; tpy_seq_t body, orelse; } if_;   // elif = nested IF in orelse
        struct { tpy_expr_t *test; tpy_seq_t body, orelse; } while_;
        struct { tpy_expr_t *target, *iter; tpy_seq_t body, orelse; } for_;
        struct {
            tpy_seq_t body;
            tpy_seq_t handlers; // of tpy_excepthandler_t*
            tpy_seq_t orelse, finalbody;
        } try_;
        struct { tpy_seq_t items; tpy_seq_t body; } with; // items: tpy_withitem_t*
        struct {
            const char *name;
            tpy_arguments_t *args;
            tpy_seq_t body;
            tpy_seq_t decorators; // of tpy_expr_t*
            tpy_expr_t *returns;  // annotation, ignored
        } funcdef;
        struct {
            const char *name;
            tpy_seq_t bases;      // of tpy_expr_t*
            tpy_seq_t keywords;   // of tpy_keyword_t* (metaclass=... is rejected)
            tpy_seq_t body;
            tpy_seq_t decorators;
        } classdef;
        struct { tpy_seq_t names; } import;   // of tpy_alias_t*
        struct {
            const char *module;  // NULL for `from . import x`
            tpy_seq_t names;     // of tpy_alias_t*; a single "*" alias for `import *`
            int level;           // leading dots
        } importfrom;
        struct { tpy_expr_t *test, *msg; } assert_;
        struct { const char *what; } unsupported; // ASYNC/MATCH: which construct
    } u;
};

/* What tpy_parse produces: a module, a single interactive input, or an expression. */
typedef enum { TPY_PARSE_FILE, TPY_PARSE_SINGLE, TPY_PARSE_EVAL } tpy_parse_mode_t;

typedef struct {
    tpy_parse_mode_t mode;
    tpy_seq_t body;      // FILE and SINGLE: statements
    tpy_expr_t *expr;    // EVAL: the expression
} tpy_module_ast_t;

#endif
