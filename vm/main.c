/*
 * vm/main.c - the `tpy` command line, shaped like python3's:
 *   tpy [option] ... [-c cmd | file | -] [arg] ...
 * A script or `-c` program runs as __main__; with no program and a terminal on
 * stdin the REPL starts, otherwise stdin is read as the program.  Exit status:
 * 0, 1 after an uncaught exception, SystemExit's code, 2 for usage errors and
 * a missing script.
 */
#include "vm/vm.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TPY_VERSION "tpy 0.1.0 (Python 3.11 subset)"

static void usage_hint(FILE *out)
{
    fprintf(out, "usage: tpy [option] ... [-c cmd | file | -] [arg] ...\n"
                 "Try `tpy -h' for more information.\n");
}

static void help(void)
{
    printf("usage: tpy [option] ... [-c cmd | file | -] [arg] ...\n"
           "Options:\n"
           "-c cmd   : program passed in as string (terminates option list)\n"
           "-i       : inspect interactively after running script; forces a prompt even\n"
           "           if stdin does not appear to be a terminal\n"
           "-h       : print this help message and exit (also --help)\n"
           "-V       : print the tpy version number and exit (also --version)\n"
           "--dis    : compile the file and print its bytecode instead of running it\n"
           "-X opt   : implementation-specific option; tpy knows -X gcstress (a\n"
           "           collection at every safe point after an allocation, as\n"
           "           TPY_GC_STRESS=1 does); others are accepted and ignored\n"
           "file     : program read from script file\n"
           "-        : program read from stdin (default; interactive mode if a tty)\n"
           "arg ...  : arguments passed to program in sys.argv[1:]\n"
           );
}

static char *read_all(FILE *fp, size_t *len)
{
    size_t cap = 1 << 14, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (buf != NULL) {
        *len = n;
    }
    return buf;
}

static void set_main_dir(const char *script)
{
    char dir[PATH_MAX];
    if (script == NULL) {
        if (getcwd(dir, sizeof dir) == NULL) {
            return;
        }
    } else {
        const char *slash = strrchr(script, '/');
        if (slash == NULL) {
            if (getcwd(dir, sizeof dir) == NULL) {
                return;
            }
        } else {
            size_t n = (size_t)(slash - script);
            if (n == 0) {
                n = 1;
            }
            if (n >= sizeof dir) {
                return;
            }
            memcpy(dir, script, n);
            dir[n] = '\0';
            char cwd[PATH_MAX];
            if (dir[0] != '/' && getcwd(cwd, sizeof cwd) != NULL &&
                strlen(cwd) + strlen(dir) + 2 < sizeof cwd) {
                strcat(cwd, "/");
                strcat(cwd, dir);
                memcpy(dir, cwd, strlen(cwd) + 1);
            }
        }
    }
    tpy_ts.main_dir = tpy_str_from_cstr(dir);
    // sys.path[0] is the script's directory ('' for -c, stdin and the REPL)
    tpy_object_t *path = tpy_ts.sys ? tpy_object_getattr_cstr(tpy_ts.sys, "path") : NULL;
    if (path != NULL && TPY_LIST_CHECK(path) && TPY_LIST_SIZE(path) > 0 && script != NULL) {
        tpy_object_t *d = tpy_str_from_cstr(dir);
        if (d != NULL) {
            TPY_SETREF(TPY_LIST_ITEMS(path)[0], d);
        }
    }
    TPY_XDECREF(path);
    tpy_err_clear();
}

static int dis_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        fprintf(stderr, "tpy: can't open file '%s': [Errno %d] %s\n", path, errno,
                strerror(errno));
        return 2;
    }
    size_t len = 0;
    char *src = read_all(fp, &len);
    fclose(fp);
    if (src == NULL) {
        fprintf(stderr, "tpy: out of memory\n");
        return 1;
    }
    tpy_object_t *code = tpy_compile_source(src, len, path, TPY_COMPILE_FILE);
    free(src);
    if (code == NULL) {
        return tpy_handle_uncaught();
    }
    tpy_dis(code, stdout);
    TPY_DECREF(code);
    return 0;
}

int main(int argc, char **argv)
{
    const char *command = NULL, *script = NULL, *dis = NULL;
    bool inspect = false, from_stdin = false, gcstress = false;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-c") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "Argument expected for the -c option\n");
                usage_hint(stderr);
                return 2;
            }
            command = argv[++i];
            i++;
            break;
        } else if (strncmp(a, "-c", 2) == 0 && a[2] != '\0' && a[1] == 'c') {
            command = a + 2;
            i++;
            break;
        } else if (strcmp(a, "-i") == 0) {
            inspect = true;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("%s\n", TPY_VERSION);
            return 0;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0 || strcmp(a, "-?") == 0) {
            help();
            return 0;
        } else if (strcmp(a, "--dis") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "Argument expected for the --dis option\n");
                usage_hint(stderr);
                return 2;
            }
            dis = argv[++i];
        } else if (strcmp(a, "-X") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "Argument expected for the -X option\n");
                usage_hint(stderr);
                return 2;
            }
            gcstress |= strcmp(argv[++i], "gcstress") == 0;
        } else if (strncmp(a, "-X", 2) == 0) {
            gcstress |= strcmp(a + 2, "gcstress") == 0;
        } else if (strcmp(a, "-") == 0) {
            from_stdin = true;
            i++;
            break;
        } else if (strcmp(a, "--") == 0) {
            i++;
            if (i < argc) {
                script = argv[i++];
            }
            break;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "Unknown option: %s\n", a);
            usage_hint(stderr);
            return 2;
        } else {
            script = a;
            i++;
            break;
        }
    }
    // sys.argv: [program, args...]
    int nrest = argc - i;
    char **sargv = malloc(sizeof(char *) * (size_t)(nrest + 2));
    if (sargv == NULL) {
        fprintf(stderr, "tpy: out of memory\n");
        return 1;
    }
    sargv[0] = command ? "-c" : script ? (char *)script : from_stdin ? "-" : "";
    for (int k = 0; k < nrest; k++) {
        sargv[k + 1] = argv[i + k];
    }
    sargv[nrest + 1] = NULL;
    if (tpy_interp_init(nrest + 1, sargv) < 0) {
        fprintf(stderr, "tpy: fatal: could not initialize the interpreter\n");
        if (tpy_err_occurred()) {
            tpy_print_exception(tpy_err_occurred());
        }
        free(sargv);
        return 1;
    }
    if (gcstress) {
        tpy_gc_set_stress(true);
    }
    int status = 0;
    if (dis != NULL) {
        status = dis_file(dis);
    } else if (command != NULL) {
        set_main_dir(NULL);
        status = tpy_run_source(command, strlen(command), "<string>");
        if (inspect) {
            status = tpy_repl();
        }
    } else if (script != NULL) {
        FILE *fp = fopen(script, "rb");
        if (fp == NULL) {
            char abs[PATH_MAX];
            const char *shown = script;
            if (script[0] != '/' && getcwd(abs, sizeof abs) != NULL &&
                strlen(abs) + strlen(script) + 2 < sizeof abs) {
                strcat(abs, "/");
                strcat(abs, script);
                shown = abs;
            }
            int e = errno;
            fprintf(stderr, "tpy: can't open file '%s': [Errno %d] %s\n", shown, e, strerror(e));
            status = 2;
        } else {
            size_t len = 0;
            char *src = read_all(fp, &len);
            fclose(fp);
            if (src == NULL) {
                fprintf(stderr, "tpy: out of memory reading '%s'\n", script);
                status = 1;
            } else {
                set_main_dir(script);
                // like CPython, code objects name the script by its absolute path
                char abs[PATH_MAX];
                const char *name = script;
                if (script[0] != '/' && getcwd(abs, sizeof abs) != NULL &&
                    strlen(abs) + strlen(script) + 2 < sizeof abs) {
                    strcat(abs, "/");
                    strcat(abs, script);
                    name = abs;
                }
                status = tpy_run_source(src, len, name);
                free(src);
                if (inspect) {
                    status = tpy_repl();
                }
            }
        }
    } else if (!from_stdin && isatty(0)) {
        set_main_dir(NULL);
        status = tpy_repl();
    } else {
        set_main_dir(NULL);
        if (inspect) {
            status = tpy_repl();
        } else {
            size_t len = 0;
            char *src = read_all(stdin, &len);
            if (src == NULL) {
                fprintf(stderr, "tpy: out of memory reading stdin\n");
                status = 1;
            } else {
                status = tpy_run_source(src, len, "<stdin>");
                free(src);
            }
        }
    }
    tpy_interp_fini();
    free(sargv);
    return status & 0xff;
}
