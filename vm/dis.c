/*
 * vm/dis.c - the disassembler behind `tpy --dis file.py`.
 *
 * Prints each instruction with its source line (when it changes), index,
 * opcode name, operand and what the operand means (constant repr, name, local,
 * jump target), then the code objects among the constants, like CPython's dis.
 */
#include "vm/vm.h"

#include <stdio.h>
#include <string.h>

static const char *const op_names[] = {
#define TPY_OPNAME(name, kind, effect, jeffect) #name,
    TPY_OPCODES(TPY_OPNAME)
#undef TPY_OPNAME
};

static const char *const op_kinds[] = {
#define TPY_OPKIND(name, kind, effect, jeffect) #kind,
    TPY_OPCODES(TPY_OPKIND)
#undef TPY_OPKIND
};

static void print_repr(FILE *out, tpy_object_t *v)
{
    tpy_object_t *r = tpy_object_repr(v);
    if (r == NULL) {
        tpy_err_clear();
        fprintf(out, "<?>");
        return;
    }
    fprintf(out, "%.60s%s", TPY_STR_DATA(r), TPY_STR_LEN(r) > 60 ? "..." : "");
    TPY_DECREF(r);
}

static void dis_one(tpy_code_t *co, FILE *out)
{
    int last_line = -1;
    for (intptr_t i = 0; i < co->ncode; i++) {
        uint32_t w = co->code[i];
        unsigned op = (unsigned)tpy_code_base_op((int)TPY_OP(w)), arg = TPY_ARG(w);
        int line = co->positions[i].lineno;
        if (line != last_line) {
            if (i > 0) {
                fputc('\n', out);
            }
            fprintf(out, "%4d", line);
            last_line = line;
        } else {
            fprintf(out, "    ");
        }
        const char *kind = op < OP__COUNT ? op_kinds[op] : "none";
        fprintf(out, " %6zd %-22s", (size_t)i, op < OP__COUNT ? op_names[op] : "???");
        if (strcmp(kind, "none") != 0) {
            fprintf(out, " %5u", arg);
        }
        if (strcmp(kind, "const") == 0 && arg < (unsigned)TPY_TUPLE_SIZE(co->consts)) {
            fprintf(out, " (");
            print_repr(out, TPY_TUPLE_GET(co->consts, arg));
            fprintf(out, ")");
        } else if (strcmp(kind, "name") == 0 && arg < (unsigned)TPY_TUPLE_SIZE(co->names)) {
            fprintf(out, " (%s)", TPY_STR_DATA(TPY_TUPLE_GET(co->names, arg)));
        } else if (strcmp(kind, "local") == 0 && (int)arg < co->nlocalsplus) {
            fprintf(out, " (%s)", TPY_STR_DATA(TPY_TUPLE_GET(co->localsplusnames, arg)));
        } else if (strcmp(kind, "target") == 0) {
            fprintf(out, " (to %u)", arg);
        } else if (strcmp(kind, "binop") == 0) {
            fprintf(out, " (%s%s)", tpy_binop_symbol((int)(arg & 15)), arg >= 16 ? "=" : "");
        } else if (strcmp(kind, "cmp") == 0 && arg < 6) {
            fprintf(out, " (%s)", tpy_cmp_symbol((int)arg));
        }
        fputc('\n', out);
    }
}

void tpy_dis(tpy_object_t *code, FILE *out)
{
    tpy_code_t *co = (tpy_code_t *)code;
    if (strcmp(TPY_STR_DATA(co->name), "<module>") != 0) {
        fprintf(out, "\nDisassembly of <code object %s, file \"%s\", line %d>:\n",
                TPY_STR_DATA(co->name), TPY_STR_DATA(co->filename), co->firstlineno);
    }
    dis_one(co, out);
    for (intptr_t i = 0; i < TPY_TUPLE_SIZE(co->consts); i++) {
        tpy_object_t *c = TPY_TUPLE_GET(co->consts, i);
        if (TPY_CODE_CHECK(c)) {
            tpy_dis(c, out);
        }
    }
}
