/*
 * vm/repl.c - the interactive loop.
 *
 * Like CPython's REPL: ">>> " and "... " prompts, each input compiled on its
 * own in "single" mode (so expression values are echoed with repr and kept in
 * `_`), a compound statement is ended by a blank line, a traceback returns to
 * the prompt, Ctrl-C cancels the line with KeyboardInterrupt, Ctrl-D exits 0.
 * On a terminal lines come from libedit (editing and history); otherwise they
 * are read plainly and the prompts go to stderr.
 */
#include "vm/vm.h"

#include <ctype.h>
#include <editline/readline.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static sigjmp_buf prompt_jmp;
static volatile sig_atomic_t at_prompt;

static void on_sigint_prompt(int sig)
{
    (void)sig;
    if (at_prompt) {
        siglongjmp(prompt_jmp, 1);
    }
    tpy_ts.interrupted = 1;
}

/* Line editing needs a real terminal type; on a dumb one the terminal's own
 * echo is used and the prompt simply goes to stdout (as CPython does without
 * readline). */
static bool use_libedit;

/* A line without its newline (malloc'd), or NULL at end of input. */
static char *read_line(const char *prompt, bool tty)
{
    if (tty && use_libedit) {
        char *line = readline(prompt);
        if (line != NULL && *line != '\0') {
            add_history(line);
        }
        return line;
    }
    FILE *out = tty ? stdout : stderr;
    fputs(prompt, out);
    fflush(out);
    size_t cap = 256, n = 0;
    char *buf = malloc(cap);
    int ch;
    while (buf != NULL && (ch = getchar()) != EOF) {
        if (ch == '\n') {
            break;
        }
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        buf[n++] = (char)ch;
    }
    if (buf == NULL) {
        return NULL;
    }
    if (n == 0 && feof(stdin)) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}

/* Does this first line open a compound statement (then a blank line ends it)? */
static bool opens_block(const char *line)
{
    while (*line == ' ' || *line == '\t') {
        line++;
    }
    if (*line == '@') {
        return true;
    }
    static const char *const kws[] = {"if", "for", "while", "def", "class", "try", "with",
                                      "async", NULL};
    for (int i = 0; kws[i]; i++) {
        size_t n = strlen(kws[i]);
        if (strncmp(line, kws[i], n) == 0 && !isalnum((unsigned char)line[n]) &&
            line[n] != '_') {
            return true;
        }
    }
    return false;
}

static bool is_blank(const char *s)
{
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    return *s == '\0';
}

/* Does [src] need more lines?  (unclosed brackets, strings, a missing block) */
static bool incomplete(const char *src, size_t len)
{
    tpy_arena_t *arena = tpy_arena_new();
    if (arena == NULL) {
        return false;
    }
    tpy_syntax_error_t err;
    memset(&err, 0, sizeof err);
    tpy_module_ast_t *m = tpy_parse(src, len, TPY_PARSE_SINGLE, arena, &err);
    bool more = m == NULL && err.kind == TPY_SYNERR_INCOMPLETE;
    tpy_arena_free(arena);
    return more;
}

static int run_input(const char *src, size_t len, bool *exit_requested)
{
    tpy_object_t *code = tpy_compile_source_main(src, len, "<stdin>", TPY_COMPILE_SINGLE);
    tpy_object_t *r = NULL;
    if (code != NULL) {
        tpy_object_t *g = tpy_interp_main_globals();
        r = tpy_eval_code(code, g, g);
        TPY_DECREF(code);
    }
    if (r != NULL) {
        TPY_DECREF(r);
        return 0;
    }
    if (tpy_err_matches(&tpy_exc_SystemExit)) {
        *exit_requested = true;
        return tpy_handle_uncaught();
    }
    tpy_object_t *exc = tpy_err_fetch();
    if (exc != NULL) {
        tpy_print_exception(exc);
        TPY_DECREF(exc);
    }
    return 0;
}

int tpy_repl(void)
{
    bool tty = isatty(0) && isatty(1);
    const char *term = getenv("TERM");
    use_libedit = tty && term != NULL && *term != '\0' && strcmp(term, "dumb") != 0;
    tpy_ts.interactive = true;
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint_prompt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old);
    if (tty) {
        fprintf(stderr, "tpy 0.1.0 (Python 3.11 subset) on linux\n"
                        "Type \"exit()\" or Ctrl-D to leave.\n");
    }
    int status = 0;
    for (;;) {
        char *buf = NULL;
        size_t len = 0;
        if (sigsetjmp(prompt_jmp, 1) != 0) {
            // Ctrl-C at a prompt: drop the pending input
            at_prompt = 0;
            free(buf);
            fprintf(stderr, "\nKeyboardInterrupt\n");
            continue;
        }
        at_prompt = 1;
        char *line = read_line(">>> ", tty);
        at_prompt = 0;
        if (line == NULL) {
            if (tty) {
                fputc('\n', stderr);
            }
            break;
        }
        size_t ll = strlen(line);
        buf = malloc(ll + 2);
        if (buf == NULL) {
            free(line);
            break;
        }
        memcpy(buf, line, ll);
        buf[ll] = '\n';
        len = ll + 1;
        buf[len] = '\0';
        bool block = opens_block(line);
        free(line);
        if (is_blank(buf)) {
            free(buf);
            continue;
        }
        bool eof = false;
        while (block || incomplete(buf, len)) {
            at_prompt = 1;
            char *more = read_line("... ", tty);
            at_prompt = 0;
            if (more == NULL) {
                eof = true;
                break;
            }
            size_t ml = strlen(more);
            bool blank = is_blank(more);
            char *nb = realloc(buf, len + ml + 2);
            if (nb == NULL) {
                free(more);
                break;
            }
            buf = nb;
            memcpy(buf + len, more, ml);
            buf[len + ml] = '\n';
            len += ml + 1;
            buf[len] = '\0';
            free(more);
            if (blank && block) {
                break;
            }
            if (blank && !incomplete(buf, len)) {
                break;
            }
        }
        bool exit_requested = false;
        status = run_input(buf, len, &exit_requested);
        free(buf);
        fflush(stdout);
        if (exit_requested || eof) {
            if (!exit_requested) {
                status = 0;
            }
            if (exit_requested) {
                break;
            }
            break;
        }
        status = 0;
    }
    sigaction(SIGINT, &old, NULL);
    return status;
}
