/*
 * build.c - a form's template walked against the case XML, into layout.
 *
 * Every XPath expression of the template is compiled here, once per render
 * (lazily), and evaluated in a context of this render only: the case
 * document, the prefix c: for urn:berkas:case:1, and the document's
 * parameters as variables.  Nothing here is shared between threads except
 * the read-only form tree.
 *
 * A required field that yields nothing is not an error at once: the walk
 * goes on and collects every such field, so one 422 names them all.
 */
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/caldate.h"
#include "core/idtext.h"
#include "core/mustcheck.h"
#include "core/terbilang.h"
#include "render_int.h"

#define CASE_NS "urn:berkas:case:1"

struct style {
    uint8_t font;
    bool ul;
    float size;
};

struct rctx {
    struct layout *L;
    const struct build_in *in;
    const struct form *f;
    xmlXPathContextPtr xp;
    xmlXPathCompExprPtr *comp;
    struct berr *err;
    bool fatal;
    char missing[400];
    char first_missing[64];
    size_t n_missing;
    struct caldate date;
    float size, lh;
    float content_h;
    int qa_no;
    char xp_msg[200];
};

static void xp_error(void *data, xmlErrorPtr e)
{
    struct rctx *R = data;
    if (e && e->message && !R->xp_msg[0]) {
        snprintf(R->xp_msg, sizeof R->xp_msg, "%s", e->message);
        size_t l = strlen(R->xp_msg);
        while (l && R->xp_msg[l - 1] == '\n')
            R->xp_msg[--l] = '\0';
    }
}

static void fatal(struct rctx *R, const struct tnode *t, const char *what)
{
    if (!R->fatal)
        berr_set(R->err, BERR_INTERNAL, "%s:%d: %s", R->f->file, t ? t->line : 0, what);
    R->fatal = true;
}

static void missing(struct rctx *R, const char *label)
{
    if (!label || !*label)
        label = "(tanpa nama)";
    /* once per label */
    size_t ll = strlen(label);
    for (const char *p = R->missing; (p = strstr(p, label)) != NULL; p += ll)
        if ((p == R->missing || p[-2] == ',') && (p[ll] == ',' || p[ll] == '\0'))
            return;
    if (R->n_missing == 0)
        snprintf(R->first_missing, sizeof R->first_missing, "%s", label);
    size_t used = strlen(R->missing);
    if (used + ll + 3 < sizeof R->missing)
        snprintf(R->missing + used, sizeof R->missing - used, "%s%s", used ? ", " : "", label);
    R->n_missing++;
}

static xmlXPathObjectPtr eval(struct rctx *R, const struct tnode *t, int expr, xmlNodePtr ctx)
{
    if (R->fatal || expr < 0)
        return NULL;
    if (!R->comp[expr]) {
        R->comp[expr] = xmlXPathCtxtCompile(R->xp, (const xmlChar *)R->f->exprs[expr]);
        if (!R->comp[expr]) {
            fatal(R, t, "XPath does not compile");
            return NULL;
        }
    }
    R->xp->node = ctx;
    R->xp_msg[0] = '\0';
    xmlXPathObjectPtr o = xmlXPathCompiledEval(R->comp[expr], R->xp);
    if (!o) {
        char msg[400];
        snprintf(msg, sizeof msg, "XPath \"%.120s\" failed: %s", R->f->exprs[expr],
                 R->xp_msg[0] ? R->xp_msg : "error");
        fatal(R, t, msg);
    }
    return o;
}

/* The string value, or NULL when the expression yields nothing or only
 * whitespace.  Caller frees with xmlFree. */
static xmlChar *eval_string(struct rctx *R, const struct tnode *t, xmlNodePtr ctx)
{
    xmlXPathObjectPtr o = eval(R, t, t->expr, ctx);
    if (!o)
        return NULL;
    xmlChar *s = NULL;
    bool num = o->type == XPATH_NUMBER;
    if (!(o->type == XPATH_NODESET && xmlXPathNodeSetIsEmpty(o->nodesetval)))
        s = xmlXPathCastToString(o);
    xmlXPathFreeObject(o);
    if (s) {
        const xmlChar *p = s;
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (!*p || (num && strcmp((const char *)s, "NaN") == 0)) {
            xmlFree(s);
            s = NULL;
        }
    }
    return s;
}

static bool eval_bool(struct rctx *R, const struct tnode *t, xmlNodePtr ctx)
{
    xmlXPathObjectPtr o = eval(R, t, t->expr, ctx);
    if (!o)
        return false;
    bool b = xmlXPathCastToBoolean(o) != 0;
    xmlXPathFreeObject(o);
    return b;
}

static const char *field_label(const struct rctx *R, const struct tnode *t)
{
    return t->label ? t->label : t->expr >= 0 ? R->f->exprs[t->expr] : "?";
}

/* A for-each's iteration: $i is the 1-based position, and with zip="..."
 * $zip is the i-th node of that node-set (evaluated once: pairing two lists
 * by position stays linear).  Both are restored after the loop, so nested
 * loops see their own. */
struct loop {
    xmlXPathObjectPtr saved_i, saved_zip, zip;
};

static xmlXPathObjectPtr eval(struct rctx *R, const struct tnode *t, int expr, xmlNodePtr ctx);

static void loop_begin(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, struct loop *lp)
{
    lp->saved_i = xmlXPathVariableLookup(R->xp, (const xmlChar *)"i");
    lp->saved_zip = xmlXPathVariableLookup(R->xp, (const xmlChar *)"zip");
    lp->zip = t->expr2 >= 0 ? eval(R, t, t->expr2, ctx) : NULL;
}

static void loop_step(struct rctx *R, struct loop *lp, int i)
{
    xmlXPathRegisterVariable(R->xp, (const xmlChar *)"i", xmlXPathNewFloat(i + 1));
    if (!lp->zip)
        return;
    xmlNodeSetPtr ns = lp->zip->type == XPATH_NODESET ? lp->zip->nodesetval : NULL;
    xmlNodePtr n = ns && i < ns->nodeNr ? ns->nodeTab[i] : NULL;
    xmlXPathRegisterVariable(R->xp, (const xmlChar *)"zip", xmlXPathNewNodeSet(n));
}

static void loop_end(struct rctx *R, struct loop *lp)
{
    xmlXPathRegisterVariable(R->xp, (const xmlChar *)"i", lp->saved_i);
    xmlXPathRegisterVariable(R->xp, (const xmlChar *)"zip", lp->saved_zip);
    xmlXPathFreeObject(lp->zip);
}

/* One node of a for-each: t is the for-each, node the i-th of its n nodes. */
typedef void each_fn(struct rctx *R, const struct tnode *t, xmlNodePtr node, int i, int n,
                     const void *arg);

/* Calls each once per node of t's expression, in order, with $i and $zip set
 * for it (struct loop), until the render fails; a required for-each with no
 * node is missing.  Nothing happens when the expression fails (fatal). */
static void for_each(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, each_fn *each,
                     const void *arg)
{
    xmlXPathObjectPtr o = eval(R, t, t->expr, ctx);
    if (!o)
        return;
    int n = o->type == XPATH_NODESET && o->nodesetval ? o->nodesetval->nodeNr : 0;
    if (n == 0 && t->required)
        missing(R, field_label(R, t));
    struct loop lp;
    loop_begin(R, t, ctx, &lp);
    for (int i = 0; i < n && !R->fatal; i++) {
        loop_step(R, &lp, i);
        each(R, t, o->nodesetval->nodeTab[i], i, n, arg);
    }
    loop_end(R, &lp);
    xmlXPathFreeObject(o);
}

/* ---- formats ---------------------------------------------------------------------------- */

static bool date_of(const char *v, struct caldate *d)
{
    char buf[11];
    if (strlen(v) < 10)
        return false;
    memcpy(buf, v, 10);
    buf[10] = '\0';
    return caldate_parse(buf, d);
}

/* upper or lower case (title case: render_title_case) */
static char *recase(const char *v, int mode)
{
    size_t len = strlen(v);
    char *out = malloc(len * 2 + 1); /* case mapping grows a character by at most one byte */
    if (!out)
        return NULL;
    size_t o = 0;
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)v;
    utf8proc_ssize_t i = 0;
    while ((size_t)i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)len - i, &c);
        if (n <= 0)
            break;
        i += n;
        utf8proc_int32_t m = mode == 1 ? utf8proc_toupper(c) : utf8proc_tolower(c);
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(m, enc);
        if (o + (size_t)k > len * 2)
            break;
        memcpy(out + o, enc, (size_t)k);
        o += (size_t)k;
    }
    out[o] = '\0';
    return out;
}

static bool to_u64(const char *v, uint64_t *n)
{
    char *end;
    while (*v == ' ')
        v++;
    if (*v < '0' || *v > '9')
        return false;
    unsigned long long x = strtoull(v, &end, 10);
    if (*end == '.') /* XPath numbers: "3" or "3.0" */
        for (end++; *end == '0'; end++)
            ;
    while (*end == ' ')
        end++;
    if (*end)
        return false;
    *n = x;
    return true;
}

/* "119(1)" -> "Pasal 119 ayat (1)"; "119(1)a" -> "... huruf a";
 * "122(a)" -> "Pasal 122 huruf a" */
static char *format_pasal(const char *v)
{
    char buf[TERBILANG_LEN + IDTEXT_LEN];
    const char *p = strchr(v, '(');
    if (!p)
        snprintf(buf, sizeof buf, "Pasal %.40s", v);
    else {
        const char *q = strchr(p, ')');
        if (!q)
            return strdup(v);
        bool letter = p[1] >= 'a' && p[1] <= 'z';
        if (letter)
            snprintf(buf, sizeof buf, "Pasal %.*s huruf %.*s", (int)(p - v), v, (int)(q - p - 1),
                     p + 1);
        else
            snprintf(buf, sizeof buf, "Pasal %.*s ayat %.*s%s%.20s", (int)(p - v), v,
                     (int)(q - p + 1), p, q[1] ? " huruf " : "", q + 1);
    }
    return strdup(buf);
}

/* The hour of a time or timestamp, "09.30"; with words also in words
 * (KUHAP 75: the hour of the act, in figures and in words).  NULL when v
 * holds no hour. */
static char *format_time(const char *v, bool words)
{
    char buf[TERBILANG_LEN + IDTEXT_LEN];
    const char *t = strchr(v, 'T');
    t = t ? t + 1 : v;
    if (strlen(t) < 5 || t[2] != ':')
        return NULL;
    if (!words) {
        snprintf(buf, sizeof buf, "%.2s.%.2s", t, t + 3);
        return strdup(buf);
    }
    int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
    char hw[64], mw[64];
    if (h < 0 || h > 23 || m < 0 || m > 59 || !terbilang((uint64_t)h, hw, sizeof hw) ||
        !terbilang((uint64_t)m, mw, sizeof mw))
        return NULL;
    if (m == 0)
        snprintf(buf, sizeof buf, "%.2s.%.2s (%s tepat)", t, t + 3, hw);
    else
        snprintf(buf, sizeof buf, "%.2s.%.2s (%s lewat %s menit)", t, t + 3, hw, mw);
    return strdup(buf);
}

/* "34 tahun": whole years from born to on; NULL before birth. */
static char *format_age(struct caldate on, struct caldate born)
{
    char buf[32];
    int age = on.y - born.y - ((on.m < born.m || (on.m == born.m && on.d < born.d)) ? 1 : 0);
    if (age < 0)
        return NULL;
    snprintf(buf, sizeof buf, "%d tahun", age);
    return strdup(buf);
}

/* v formatted by fmt into a malloc'd string; NULL when v does not fit the
 * format (a date that is not a date). */
static char *format(struct rctx *R, enum tfmt fmt, const char *v)
{
    char buf[TERBILANG_LEN + IDTEXT_LEN];
    struct caldate d;
    uint64_t n;
    switch (fmt) {
    case F_NONE:
        return strdup(v);
    case F_UPPER:
    case F_LOWER:
        return recase(v, fmt == F_UPPER ? 1 : 0);
    case F_TITLE:
        return render_title_case(v);
    case F_DATE:
        return date_of(v, &d) && idtext_date_long(d, buf, sizeof buf) ? strdup(buf) : NULL;
    case F_DATE_WORDS:
        return date_of(v, &d) && idtext_date_words(d, buf, sizeof buf) ? strdup(buf) : NULL;
    case F_DAY:
        return date_of(v, &d) ? strdup(caldate_weekday_name(d)) : NULL;
    case F_MONTH:
        return date_of(v, &d) ? strdup(caldate_month_name(d.m)) : NULL;
    case F_ROMAN_MONTH:
        return date_of(v, &d) ? strdup(idtext_roman_month(d.m)) : NULL;
    case F_YEAR:
        if (!date_of(v, &d))
            return NULL;
        snprintf(buf, sizeof buf, "%04d", d.y);
        return strdup(buf);
    case F_NIP:
        return idtext_nip(v, buf, sizeof buf) ? strdup(buf) : NULL;
    case F_COUNT:
        return to_u64(v, &n) && idtext_count(n, buf, sizeof buf) ? strdup(buf) : NULL;
    case F_WORDS:
        return to_u64(v, &n) && terbilang(n, buf, sizeof buf) ? strdup(buf) : NULL;
    case F_PASAL:
        return format_pasal(v);
    case F_COUNTRY: {
        const char *c = idtext_country(v);
        return strdup(c ? c : v);
    }
    case F_TIME:
        return format_time(v, false);
    case F_TIME_WORDS:
        return format_time(v, true);
    case F_AGE:
        return date_of(v, &d) ? format_age(R->date, d) : NULL;
    }
    return NULL;
}

/* ---- inline content ------------------------------------------------------------------ */

static void add_str(struct rctx *R, struct para *P, const char *s, struct style st)
{
    para_add(R->L, P, s, strlen(s), st.font, st.size, st.ul);
}

static void inl(struct rctx *R, struct para *P, const struct tnode *t, xmlNodePtr ctx,
                struct style st);

static void inl_list(struct rctx *R, struct para *P, const struct tnode *t, xmlNodePtr ctx,
                     struct style st)
{
    for (; t && !R->fatal; t = t->next)
        inl(R, P, t, ctx, st);
}

/* An inline for-each's node: its separator (the last one's text2 when
 * given), then its content. */
struct inl_each {
    struct para *P;
    struct style st;
};

static void inl_each(struct rctx *R, const struct tnode *t, xmlNodePtr node, int i, int n,
                     const void *arg)
{
    const struct inl_each *a = arg;
    if (i > 0) {
        const char *sep = (i == n - 1 && t->text2) ? t->text2 : t->text;
        if (sep)
            add_str(R, a->P, sep, a->st);
    }
    inl_list(R, a->P, t->first, node, a->st);
}

static void inl_field(struct rctx *R, struct para *P, const struct tnode *t, xmlNodePtr ctx,
                      struct style st)
{
    xmlChar *v = eval_string(R, t, ctx);
    if (R->fatal)
        return;
    char *text = v ? format(R, t->fmt, (const char *)v) : NULL;
    xmlFree(v);
    if (text) {
        add_str(R, P, text, st);
    } else if (t->text2) {
        add_str(R, P, t->text2, st);
    } else if (t->required) {
        missing(R, field_label(R, t));
    }
    free(text);
}

static void inl(struct rctx *R, struct para *P, const struct tnode *t, xmlNodePtr ctx,
                struct style st)
{
    switch (t->kind) {
    case T_TEXT:
        add_str(R, P, t->text ? t->text : "", st);
        break;
    case T_FIELD:
        inl_field(R, P, t, ctx, st);
        break;
    case T_B:
    case T_U: {
        struct style s2 = st;
        if (t->kind == T_B)
            s2.font = 1;
        else
            s2.ul = true;
        inl_list(R, P, t->first, ctx, s2);
        break;
    }
    case T_BR:
        para_break(P);
        break;
    case T_NUMBER: {
        const struct render_opts *o = R->in->opts;
        add_str(R, P,
                o->issued && o->number ? o->number
                : t->text              ? t->text
                                       : "........................",
                st);
        break;
    }
    case T_FOR_EACH: {
        struct inl_each a = {P, st};
        for_each(R, t, ctx, inl_each, &a);
        break;
    }
    case T_IF:
        if (eval_bool(R, t, ctx))
            inl_list(R, P, t->first, ctx, st);
        break;
    default:
        fatal(R, t, "a block inside inline content");
        break;
    }
}

/* ---- blocks ------------------------------------------------------------------------------ */

static void flow(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w,
                 enum talign al);

static struct style base_style(const struct rctx *R)
{
    return (struct style){0, false, R->size};
}

static void para_out(struct rctx *R, struct para *P, float x, float w, enum talign al, float indent,
                     uint16_t flags)
{
    if (P->n > 0)
        lay_para(R->L, P, x, w, al, indent, R->lh, flags);
    P->n = 0;
    P->pending_space = false;
    P->pending_break = false;
}

static void space(struct rctx *R, float h)
{
    if (h > 0)
        lay_space(R->L, h, BOX_SPACE);
}

static enum talign pick(enum talign a, enum talign dflt)
{
    return a == AL_INHERIT ? dflt : a;
}

/* A paragraph of inline children with the node's attributes. */
static void block_para(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w,
                       enum talign al, struct style st, uint16_t flags)
{
    struct para P = {0};
    space(R, t->before);
    inl_list(R, &P, t->first, ctx, st);
    para_out(R, &P, x + t->left, w - t->left, al, t->indent, flags);
    para_free(&P);
    space(R, t->after);
}

/* A text op (a label) at x, claimed later by the next line box. */
static size_t label_op(struct rctx *R, const char *s, float x, uint8_t font, float size)
{
    uint32_t off = lay_text(R->L, s, strlen(s));
    return lay_op(R->L, (struct op){.kind = OP_TEXT,
                                    .font = font,
                                    .x = x,
                                    .size = size,
                                    .off = off,
                                    .len = (uint32_t)strlen(R->L->arena.data + off)});
}

/* Whether a kop line has no lower-case letter (the office's lines, set large). */
static bool no_lower(const xmlChar *line)
{
    for (const utf8proc_uint8_t *s = line; *s;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(s, -1, &c);
        if (k <= 0)
            break;
        if (utf8proc_islower(c))
            return false;
        s += k;
    }
    return true;
}

static void letterhead(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w)
{
    xmlNodePtr office = NULL;
    if (t->expr >= 0) {
        xmlXPathObjectPtr o = eval(R, t, t->expr, ctx);
        if (o && o->type == XPATH_NODESET && o->nodesetval && o->nodesetval->nodeNr > 0)
            office = o->nodesetval->nodeTab[0];
        xmlXPathFreeObject(o);
    } else {
        xmlNodePtr root = xmlDocGetRootElement(R->in->case_doc);
        for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
            if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "kantor") == 0)
                office = n;
    }
    /* the kop in force on the document's date: the latest that began by then */
    xmlNodePtr kop = NULL;
    struct caldate best = {0, 0, 0};
    for (xmlNodePtr n = office ? office->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "kop") != 0)
            continue;
        xmlChar *from = xmlGetProp(n, (const xmlChar *)"berlaku-mulai");
        struct caldate d;
        if (from && caldate_parse((const char *)from, &d) && caldate_cmp(d, R->date) <= 0 &&
            (!kop || caldate_cmp(d, best) >= 0)) {
            kop = n;
            best = d;
        }
        xmlFree(from);
    }
    if (!kop) {
        missing(R, t->label);
        return;
    }
    struct para P = {0};
    float size = t->size > 0 ? t->size : R->size; /* a cover's large type: the kop's own */
    for (xmlNodePtr n = kop->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *line = xmlNodeGetContent(n);
        if (!line)
            continue;
        bool upper = no_lower(line);
        struct style st = {upper ? 1 : 0, false, upper ? size : size - 2};
        add_str(R, &P, (const char *)line, st);
        xmlFree(line);
        para_out(R, &P, x, w, AL_CENTER, 0, 0);
    }
    para_free(&P);
    /* the double rule under the kop: thick over thin */
    lay_op(R->L, (struct op){.kind = OP_LINE, .x = x, .y = 3, .x2 = x + w, .y2 = 3, .size = 1.6f});
    lay_op(R->L,
           (struct op){.kind = OP_LINE, .x = x, .y = 5.4f, .x2 = x + w, .y2 = 5.4f, .size = 0.5f});
    lay_box(R->L, 8, 0);
    space(R, MM(3));
}

static const char *list_label(enum tlist s, int n, char *buf, size_t len)
{
    switch (s) {
    case LS_NUMBER:
        snprintf(buf, len, "%d.", n);
        break;
    case LS_ALPHA:
        snprintf(buf, len, "%c.", 'a' + (n - 1) % 26);
        break;
    case LS_DASH:
        snprintf(buf, len, "-");
        break;
    case LS_BULLET:
        snprintf(buf, len, "\xE2\x80\xA2");
        break;
    case LS_NONE:
        buf[0] = '\0';
        break;
    }
    return buf;
}

struct listctx {
    enum tlist style;
    float lw;
    int n;
};

static void list_items(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w,
                       struct listctx *lc);

struct list_each {
    float x, w;
    struct listctx *lc;
};

static void list_each(struct rctx *R, const struct tnode *t, xmlNodePtr node, int i, int n,
                      const void *arg)
{
    (void)i, (void)n;
    const struct list_each *a = arg;
    list_items(R, t->first, node, a->x, a->w, a->lc);
}

static void list_items(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w,
                       struct listctx *lc)
{
    for (; t && !R->fatal; t = t->next) {
        if (t->kind == T_ITEM) {
            char lab[16];
            lc->n++;
            list_label(lc->style, lc->n, lab, sizeof lab);
            size_t box0 = R->L->n_box;
            size_t op0 = R->L->n_op;
            size_t nl = 0;
            if (lab[0]) {
                label_op(R, lab, x, 0, R->size);
                nl = 1;
            }
            flow(R, t->first, ctx, x + lc->lw, w - lc->lw, AL_JUSTIFY);
            lay_attach(R->L, op0, nl, box0, R->size, R->lh);
        } else if (t->kind == T_FOR_EACH) {
            struct list_each a = {x, w, lc};
            for_each(R, t, ctx, list_each, &a);
        } else if (t->kind == T_IF) {
            if (eval_bool(R, t, ctx))
                list_items(R, t->first, ctx, x, w, lc);
        }
    }
}

/* label, separator and a flow beside them.  A label wider than its column
 * wraps inside it, line beside line with the value, so that the separators
 * of a <rows> stay one column and nothing overlaps them (issue 8.9). */
static void labelled(struct rctx *R, const char *label, const char *sep, const struct tnode *body,
                     xmlNodePtr ctx, float x, float w, float lw, const char *number, float nw,
                     enum talign al)
{
    size_t box0 = R->L->n_box, nl = 0;
    float sepw = sep && *sep ? lay_width(R->L, 0, R->size, sep, strlen(sep)) + 4 : 0;
    bool wrap = label && *label && lay_width(R->L, 0, R->size, label, strlen(label)) + 3 > lw;
    if (wrap) {
        struct para P = {0};
        add_str(R, &P, label, base_style(R));
        para_out(R, &P, x + nw, lw - 3, AL_LEFT, 0, 0);
        para_free(&P);
    }
    size_t body0 = R->L->n_box, op0 = R->L->n_op;
    if (number && *number) {
        label_op(R, number, x, 0, R->size);
        nl++;
    }
    if (label && *label && !wrap) {
        label_op(R, label, x + nw, 0, R->size);
        nl++;
    }
    if (sep && *sep) {
        label_op(R, sep, x + nw + lw, 0, R->size);
        nl++;
    }
    flow(R, body, ctx, x + nw + lw + sepw, w - nw - lw - sepw, al);
    lay_attach(R->L, op0, nl, body0, R->size, R->lh);
    if (wrap && !R->L->oom) {
        /* the first line of the value, which took the separator */
        size_t first = body0;
        while (first < R->L->n_box && R->L->box[first].op_count == 0)
            first++;
        lay_zip(R->L, box0, body0, first);
    }
}

static void rows_items(struct rctx *R, const struct tnode *rows, const struct tnode *t,
                       xmlNodePtr ctx, float x, float w);

struct rows_each {
    const struct tnode *rows;
    float x, w;
};

static void rows_each(struct rctx *R, const struct tnode *t, xmlNodePtr node, int i, int n,
                      const void *arg)
{
    (void)i, (void)n;
    const struct rows_each *a = arg;
    rows_items(R, a->rows, t->first, node, a->x, a->w);
}

static void rows_items(struct rctx *R, const struct tnode *rows, const struct tnode *t,
                       xmlNodePtr ctx, float x, float w)
{
    for (; t && !R->fatal; t = t->next) {
        if (t->kind == T_ROW) {
            labelled(R, t->text, rows->text, t->first, ctx, x, w, rows->width, NULL, 0, AL_LEFT);
        } else if (t->kind == T_FOR_EACH) {
            struct rows_each a = {rows, x, w};
            for_each(R, t, ctx, rows_each, &a);
        } else if (t->kind == T_IF) {
            if (eval_bool(R, t, ctx))
                rows_items(R, rows, t->first, ctx, x, w);
        }
    }
}

static void qa_items(struct rctx *R, const struct tnode *qa, const struct tnode *t, xmlNodePtr ctx,
                     float x, float w);

struct qa_each {
    const struct tnode *qa;
    float x, w;
};

static void qa_each(struct rctx *R, const struct tnode *t, xmlNodePtr node, int i, int n,
                    const void *arg)
{
    (void)i, (void)n;
    const struct qa_each *a = arg;
    qa_items(R, a->qa, t->first, node, a->x, a->w);
}

static void qa_items(struct rctx *R, const struct tnode *qa, const struct tnode *t, xmlNodePtr ctx,
                     float x, float w)
{
    float lw = lay_width(R->L, 0, R->size, "Pertanyaan", 10) + 4;
    for (; t && !R->fatal; t = t->next) {
        if (t->kind == T_PAIR) {
            char no[16];
            snprintf(no, sizeof no, "%d.", ++R->qa_no);
            const struct tnode *q = t->first, *a = q ? q->next : NULL;
            labelled(R, "Pertanyaan", ":", q ? q->first : NULL, ctx, x, w, lw, no, qa->width,
                     AL_JUSTIFY);
            labelled(R, "Jawaban", ":", a ? a->first : NULL, ctx, x, w, lw, NULL, qa->width,
                     AL_JUSTIFY);
            space(R, R->size * 0.4f);
        } else if (t->kind == T_Q || t->kind == T_A) {
            continue;
        } else if (t->kind == T_FOR_EACH) {
            struct qa_each a = {qa, x, w};
            for_each(R, t, ctx, qa_each, &a);
        } else if (t->kind == T_IF) {
            if (eval_bool(R, t, ctx))
                qa_items(R, qa, t->first, ctx, x, w);
        }
    }
}

/* ---- tables and signature rows: cells side by side, one unbreakable box ---------------- */

struct cell {
    const struct tnode *content; /* a flow, or NULL with text */
    const char *text;
    float x, w;
    enum talign al;
    bool bold;
};

static void side_by_side(struct rctx *R, const struct cell *cells, size_t n, xmlNodePtr ctx,
                         float padh, float padv, bool border, float grey, float x0, float x1,
                         uint16_t flags, int table)
{
    struct layout *L = R->L;
    size_t row0 = L->n_box;
    size_t op0 = L->n_op;
    float h = 0;
    float saved = R->size;
    for (size_t i = 0; i < n && !R->fatal; i++) {
        size_t c0 = L->n_box;
        if (cells[i].content) {
            flow(R, cells[i].content, ctx, cells[i].x + padh, cells[i].w - 2 * padh, cells[i].al);
        } else if (cells[i].text) {
            struct para P = {0};
            add_str(R, &P, cells[i].text, (struct style){cells[i].bold ? 1 : 0, false, R->size});
            para_out(R, &P, cells[i].x + padh, cells[i].w - 2 * padh, cells[i].al, 0, 0);
            para_free(&P);
        }
        float ch = L->n_box > c0 ? lay_collapse(L, c0) : 0;
        if (ch > h)
            h = ch;
        /* each cell laid out from the row's top: undo the stacking */
        L->n_box = row0;
    }
    R->size = saved;
    h += 2 * padv;
    for (size_t k = op0; k < L->n_op; k++) {
        L->op[k].y += padv;
        if (L->op[k].kind == OP_LINE)
            L->op[k].y2 += padv;
    }
    if (grey > 0)
        lay_op(L,
               (struct op){.kind = OP_RECT, .x = x0, .y = 0, .x2 = x1 - x0, .y2 = h, .size = grey});
    if (border) {
        lay_op(L, (struct op){.kind = OP_LINE, .x = x0, .y = 0, .x2 = x1, .y2 = 0, .size = 0.5f});
        lay_op(L, (struct op){.kind = OP_LINE, .x = x0, .y = h, .x2 = x1, .y2 = h, .size = 0.5f});
        for (size_t i = 0; i < n; i++)
            lay_op(L, (struct op){.kind = OP_LINE,
                                  .x = cells[i].x,
                                  .y = 0,
                                  .x2 = cells[i].x,
                                  .y2 = h,
                                  .size = 0.5f});
        lay_op(L, (struct op){.kind = OP_LINE, .x = x1, .y = 0, .x2 = x1, .y2 = h, .size = 0.5f});
    }
    lay_box(L, h, flags);
    L->box[L->n_box - 1].table = table;
}

#define MAX_COLS 16

struct tablectx {
    float x[MAX_COLS], w[MAX_COLS];
    enum talign al[MAX_COLS];
    size_t n;
    float x0, x1;
    int id;
    bool border;
};

static void table_row(struct rctx *R, const struct tablectx *tc, const struct tnode *tr,
                      xmlNodePtr ctx, bool head)
{
    struct cell cells[MAX_COLS];
    size_t n = 0;
    for (const struct tnode *td = tr->first; td && n < tc->n; td = td->next) {
        if (td->kind != T_TD)
            continue;
        cells[n] = (struct cell){.content = td->first,
                                 .x = tc->x[n],
                                 .w = tc->w[n],
                                 .al = head ? AL_CENTER : pick(td->align, tc->al[n]),
                                 .bold = head || td->bold};
        n++;
    }
    side_by_side(R, cells, n, ctx, 3, 2, tc->border, head ? 0.9f : 0, tc->x0, tc->x1,
                 head && tc->id ? BOX_THEAD | BOX_KEEP_NEXT : 0, tc->id);
}

static void table_rows(struct rctx *R, const struct tablectx *tc, const struct tnode *t,
                       xmlNodePtr ctx);

static void table_each(struct rctx *R, const struct tnode *t, xmlNodePtr node, int i, int n,
                       const void *arg)
{
    (void)i, (void)n;
    table_rows(R, arg, t->first, node);
}

static void table_rows(struct rctx *R, const struct tablectx *tc, const struct tnode *t,
                       xmlNodePtr ctx)
{
    for (; t && !R->fatal; t = t->next) {
        if (t->kind == T_TR) {
            table_row(R, tc, t, ctx, false);
        } else if (t->kind == T_FOR_EACH) {
            for_each(R, t, ctx, table_each, tc);
        } else if (t->kind == T_IF) {
            if (eval_bool(R, t, ctx))
                table_rows(R, tc, t->first, ctx);
        }
    }
}

static void table_setup(struct tablectx *tc, const float *weights, const enum talign *al, size_t n,
                        float x, float w, int id, bool border)
{
    float sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += weights[i];
    float cx = x;
    tc->n = n;
    for (size_t i = 0; i < n; i++) {
        tc->x[i] = cx;
        tc->w[i] = w * weights[i] / sum;
        tc->al[i] = al[i];
        cx += tc->w[i];
    }
    tc->x0 = x;
    tc->x1 = x + w;
    tc->id = id;
    tc->border = border;
}

static void table(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w)
{
    float weights[MAX_COLS];
    enum talign al[MAX_COLS];
    size_t n = 0;
    for (const struct tnode *c = t->first; c; c = c->next)
        if (c->kind == T_COLUMN && n < MAX_COLS) {
            weights[n] = c->width;
            al[n] = pick(c->align, AL_LEFT);
            n++;
        }
    if (n == 0)
        return;
    struct tablectx tc;
    int id = t->repeat_header ? ++R->L->next_table : 0;
    table_setup(&tc, weights, al, n, x, w, id, t->border);
    float saved = R->size;
    if (t->size > 0)
        R->size = t->size;
    space(R, t->before);
    for (const struct tnode *c = t->first; c; c = c->next)
        if (c->kind == T_THEAD)
            table_row(R, &tc, c, ctx, true);
    table_rows(R, &tc, t->first, ctx);
    R->size = saved;
    space(R, t->after);
}

/* A generated table (daftar isi, manifest): rows of plain strings. */
static void text_row(struct rctx *R, const struct tablectx *tc, const char *const *cols, bool head)
{
    struct cell cells[MAX_COLS];
    for (size_t i = 0; i < tc->n; i++)
        cells[i] = (struct cell){.text = cols[i],
                                 .x = tc->x[i],
                                 .w = tc->w[i],
                                 .al = head ? AL_CENTER : tc->al[i],
                                 .bold = head};
    side_by_side(R, cells, tc->n, NULL, 3, 2, true, head ? 0.9f : 0, tc->x0, tc->x1,
                 head ? BOX_THEAD | BOX_KEEP_NEXT : 0, tc->id);
}

static void toc(struct rctx *R, const struct tnode *t, float x, float w, bool manifest)
{
    if (!R->in->book)
        return;
    struct tablectx tc;
    space(R, t->before);
    if (!manifest) {
        /* each part's number, date and first page (issue 8.6) */
        static const float wt[] = {1.2f, 8, 7, 4, 2.4f};
        static const enum talign al[] = {AL_CENTER, AL_LEFT, AL_LEFT, AL_LEFT, AL_CENTER};
        float saved = R->size;
        R->size = R->size - 1;
        table_setup(&tc, wt, al, 5, x, w, ++R->L->next_table, true);
        const char *head[] = {"No.", "Uraian", "Nomor", "Tanggal", "Halaman"};
        text_row(R, &tc, head, true);
        int no = 0;
        for (size_t i = 0; i < R->in->n_book; i++) {
            const struct book_entry *b = &R->in->book[i];
            if (!b->in_toc)
                continue;
            char n[16], pg[16], date[40] = "-";
            struct caldate d;
            snprintf(n, sizeof n, "%d.", ++no);
            snprintf(pg, sizeof pg, "%d", b->first_page);
            if (b->date && caldate_parse(b->date, &d))
                idtext_date_long(d, date, sizeof date);
            const char *row[] = {n, b->title, b->number && *b->number ? b->number : "-", date, pg};
            text_row(R, &tc, row, false);
        }
        R->size = saved;
    } else {
        /* the hash in two even halves of 32 digits, each on its own line: a wider column
         * than its half needs at the widest digits, and a break between the halves */
        static const float wt[] = {1, 5.5f, 6, 8.5f};
        static const enum talign al[] = {AL_CENTER, AL_LEFT, AL_LEFT, AL_LEFT};
        float saved = R->size;
        R->size = R->size - 2;
        table_setup(&tc, wt, al, 4, x, w, ++R->L->next_table, true);
        const char *head[] = {"No.", "Dokumen", "Nomor", "SHA-256"};
        text_row(R, &tc, head, true);
        int no = 0;
        for (size_t i = 0; i < R->in->n_book; i++) {
            const struct book_entry *b = &R->in->book[i];
            if (!b->sha256)
                continue;
            char n[16], sha[80];
            snprintf(n, sizeof n, "%d.", ++no);
            size_t half = strlen(b->sha256) / 2;
            snprintf(sha, sizeof sha, "%.*s %s", (int)half, b->sha256, b->sha256 + half);
            const char *row[] = {n, b->title, b->number ? b->number : "-", sha};
            text_row(R, &tc, row, false);
        }
        R->size = saved;
    }
    space(R, t->after);
}

/* A signature block, a receipt or anything a template keeps together holds
 * with at least this many lines before it: never alone at the top of a page
 * (issue 8.9). */
#define KEEP_LINES 2

static void signatures(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w)
{
    struct cell cells[MAX_COLS];
    size_t n = 0;
    const struct tnode *list[MAX_COLS];
    size_t nl = 0;
    for (const struct tnode *s = t->first; s && nl < MAX_COLS; s = s->next) {
        if (s->kind == T_SIGNATURE)
            list[nl++] = s;
        else if (s->kind == T_IF && eval_bool(R, s, ctx))
            for (const struct tnode *c = s->first; c && nl < MAX_COLS; c = c->next)
                list[nl++] = c;
    }
    for (size_t i = 0; i < nl; i++) {
        const struct tnode *s = list[i];
        float sw = s->width > w ? w : s->width;
        float sx = s->pos == POS_LEFT ? x : s->pos == POS_CENTER ? x + (w - sw) / 2 : x + w - sw;
        cells[n++] = (struct cell){.content = s->first, .x = sx, .w = sw, .al = AL_CENTER};
    }
    space(R, t->before);
    lay_keep_with_previous(R->L, R->L->n_box, KEEP_LINES);
    side_by_side(R, cells, n, ctx, 0, 0, false, 0, x, x + w, 0, 0);
    space(R, t->after);
}

/* DOMAIN 12: a document issued late is still dated by its act and marked as entered late - the
 * day it was issued, beside its verification (render.h entered_on). */
static void late_entry(struct rctx *R, struct para *P, const struct render_opts *o, struct style st)
{
    struct caldate on, act;
    if (!o->late || !o->entered_on || !date_of(o->entered_on, &on) || !date_of(o->date, &act))
        return;
    char text[200];
    snprintf(text, sizeof text,
             "Diterbitkan terlambat pada tanggal %d %s %d; bertanggal menurut tindakannya, "
             "%d %s %d.",
             on.d, caldate_month_name(on.m), on.y, act.d, caldate_month_name(act.m), act.y);
    para_break(P);
    add_str(R, P, text, st);
}

static void verification(struct rctx *R, const struct tnode *t, float x, float w)
{
    const struct render_opts *o = R->in->opts;
    if (!o->issued || !o->verify_code || !o->verify_url)
        return;
    char url[600];
    snprintf(url, sizeof url, "%s", o->verify_url);
    uint32_t off, side;
    if (!qr_modules(R->L, url, &off, &side)) {
        fatal(R, t, "the verification URL does not fit a QR code");
        return;
    }
    space(R, t->before);
    float qs = MM(22);
    size_t b0 = R->L->n_box;
    lay_op(R->L,
           (struct op){
               .kind = OP_QR, .x = x, .y = 0, .size = qs / (float)side, .off = off, .len = side});
    struct para P = {0};
    float saved = R->size;
    R->size = saved - 2;
    struct style st = base_style(R);
    add_str(R, &P, "Kode verifikasi: ", st);
    struct style bst = st;
    bst.font = 1;
    add_str(R, &P, o->verify_code, bst);
    para_break(&P);
    add_str(R, &P, "Keaslian dokumen ini dapat diperiksa dengan memindai kode QR atau membuka", st);
    para_break(&P);
    add_str(R, &P, url, st);
    late_entry(R, &P, o, st);
    para_out(R, &P, x + qs + MM(4), w - qs - MM(4), AL_LEFT, 0, 0);
    para_free(&P);
    R->size = saved;
    float h = 0;
    for (size_t b = b0; b < R->L->n_box; b++)
        h += R->L->box[b].h;
    if (h < qs)
        lay_space(R->L, qs - h, 0);
    lay_collapse(R->L, b0);
    space(R, t->after);
}

/* "PRO JUSTITIA" above the title of a form of the investigation. */
static void block_pro_justitia(struct rctx *R, const struct tnode *t, float x, float w)
{
    struct para P = {0};
    add_str(R, &P, "PRO JUSTITIA", (struct style){1, true, R->size});
    para_out(R, &P, x, w, pick(t->align, AL_LEFT), 0, BOX_KEEP_NEXT);
    para_free(&P);
    space(R, MM(2));
}

/* A list, or the copies' list under "Tembusan:" a size smaller. */
static void block_list(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w)
{
    struct listctx lc = {t->list_style, t->width, t->start - 1};
    float saved = R->size;
    space(R, t->before);
    size_t b0 = R->L->n_box;
    if (t->kind == T_TEMBUSAN) {
        R->size = saved - 1;
        struct para P = {0};
        add_str(R, &P, "Tembusan:", (struct style){0, true, R->size});
        para_out(R, &P, x, w, AL_LEFT, 0, BOX_KEEP_NEXT);
        para_free(&P);
        lc.lw = MM(6);
    }
    list_items(R, t->first, ctx, x + t->left, w - t->left, &lc);
    /* the copies' list on one page: "3. Arsip." never alone on the next one */
    float h = 0;
    for (size_t b = b0; t->kind == T_TEMBUSAN && b < R->L->n_box; b++)
        h += R->L->box[b].h;
    if (t->kind == T_TEMBUSAN && R->L->n_box > b0 && h <= R->content_h)
        lay_collapse(R->L, b0);
    R->size = saved;
    space(R, t->after);
}

/* Its blocks kept on one page with what comes before them, when they fit on one. */
static void block_keep(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w,
                       enum talign al)
{
    size_t b0 = R->L->n_box;
    lay_keep_with_previous(R->L, b0, KEEP_LINES);
    flow(R, t->first, ctx, x, w, al);
    float h = 0;
    for (size_t b = b0; b < R->L->n_box; b++)
        h += R->L->box[b].h;
    if (R->L->n_box > b0 && h <= R->content_h)
        lay_collapse(R->L, b0);
}

/* A bar as long as value is of max across the width: the charts of the statistics report,
 * drawn with the same filled rectangles as the table shading. */
static void block_bar(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w)
{
    xmlXPathObjectPtr v = eval(R, t, t->expr, ctx), m = eval(R, t, t->expr2, ctx);
    double value = v ? xmlXPathCastToNumber(v) : 0, max = m ? xmlXPathCastToNumber(m) : 0;
    xmlXPathFreeObject(v);
    xmlXPathFreeObject(m);
    double frac = max > 0 && value > 0 ? value / max : 0;
    if (frac != frac || frac < 0) /* NaN */
        frac = 0;
    if (frac > 1)
        frac = 1;
    space(R, t->before);
    if (frac > 0)
        lay_op(R->L, (struct op){.kind = OP_RECT,
                                 .x = x,
                                 .y = 1,
                                 .x2 = (float)(w * frac),
                                 .y2 = t->width,
                                 .size = 0.35f});
    lay_box(R->L, t->width + 2, 0);
    space(R, t->after);
}

/* A block for-each's node: its blocks. */
struct flow_each {
    float x, w;
    enum talign al;
};

static void flow_each(struct rctx *R, const struct tnode *t, xmlNodePtr node, int i, int n,
                      const void *arg)
{
    (void)i, (void)n;
    const struct flow_each *a = arg;
    flow(R, t->first, node, a->x, a->w, a->al);
}

/* A title (bold, centred, a point larger unless sized), a subtitle
 * (centred) or a paragraph (its own size, weight and alignment). */
static void block_text(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w,
                       enum talign al)
{
    struct style st = base_style(R);
    if (t->kind == T_TITLE) {
        st.font = 1;
        st.ul = t->underline;
        st.size = t->size > 0 ? t->size : R->size + 1;
        block_para(R, t, ctx, x, w, AL_CENTER, st, BOX_KEEP_NEXT);
    } else if (t->kind == T_SUBTITLE) {
        block_para(R, t, ctx, x, w, AL_CENTER, st, BOX_KEEP_NEXT);
    } else {
        if (t->size > 0)
            st.size = t->size;
        if (t->bold)
            st.font = 1;
        block_para(R, t, ctx, x, w, pick(t->align, al), st, t->keep_next ? BOX_KEEP_NEXT : 0);
    }
}

/* Label : value rows, indented by the rows' left. */
static void block_rows(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w)
{
    space(R, t->before);
    rows_items(R, t, t->first, ctx, x + t->left, w - t->left);
    space(R, t->after);
}

/* Numbered questions and answers (a BAP), numbered on from start when given. */
static void block_qa(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w)
{
    space(R, t->before);
    if (t->start > 1)
        R->qa_no = t->start - 1;
    qa_items(R, t, t->first, ctx, x, w);
    space(R, t->after);
}

/* A horizontal line across the width. */
static void block_rule(struct rctx *R, const struct tnode *t, float x, float w)
{
    space(R, t->before);
    lay_op(R->L, (struct op){.kind = OP_LINE, .x = x, .y = 2, .x2 = x + w, .y2 = 2, .size = 0.7f});
    lay_box(R->L, 4, 0);
    space(R, t->after);
}

/* The elements that shape the flow rather than print in it: a space, a
 * page break, a group kept on one page, a repeat, a condition.  False: t
 * is none of them. */
BERKAS_MUST_CHECK static bool flow_shape(struct rctx *R, const struct tnode *t, xmlNodePtr ctx,
                                         float x, float w, enum talign al)
{
    switch (t->kind) {
    case T_SPACE:
        lay_space(R->L, t->width, BOX_SPACE);
        return true;
    case T_PAGE_BREAK:
        lay_space(R->L, 0, BOX_BREAK);
        return true;
    case T_KEEP:
        block_keep(R, t, ctx, x, w, al);
        return true;
    case T_FOR_EACH:
        for_each(R, t, ctx, flow_each, &(struct flow_each){x, w, al});
        return true;
    case T_IF:
        if (eval_bool(R, t, ctx))
            flow(R, t->first, ctx, x, w, al);
        return true;
    default:
        return false;
    }
}

/* One block element of a flow at x, w wide: its shape (flow_shape) or what it prints. */
static void block(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w,
                  enum talign al)
{
    if (flow_shape(R, t, ctx, x, w, al))
        return;
    switch (t->kind) {
    case T_LETTERHEAD:
        letterhead(R, t, ctx, x, w);
        break;
    case T_PRO_JUSTITIA:
        block_pro_justitia(R, t, x, w);
        break;
    case T_TITLE:
    case T_SUBTITLE:
    case T_P:
        block_text(R, t, ctx, x, w, al);
        break;
    case T_LIST:
    case T_TEMBUSAN:
        block_list(R, t, ctx, x, w);
        break;
    case T_ROWS:
        block_rows(R, t, ctx, x, w);
        break;
    case T_TABLE:
        table(R, t, ctx, x, w);
        break;
    case T_QA:
        block_qa(R, t, ctx, x, w);
        break;
    case T_SIGNATURES:
        signatures(R, t, ctx, x, w);
        break;
    case T_BAR:
        block_bar(R, t, ctx, x, w);
        break;
    case T_RULE:
        block_rule(R, t, x, w);
        break;
    case T_VERIFICATION:
        verification(R, t, x, w);
        break;
    case T_TOC:
    case T_MANIFEST:
        toc(R, t, x, w, t->kind == T_MANIFEST);
        break;
    default:
        fatal(R, t, "unexpected element in a flow");
        break;
    }
}

static void flow(struct rctx *R, const struct tnode *t, xmlNodePtr ctx, float x, float w,
                 enum talign al)
{
    struct para P = {0};
    for (; t && !R->fatal && !R->L->oom; t = t->next) {
        if (t->is_inline) {
            inl(R, &P, t, ctx, base_style(R));
            continue;
        }
        para_out(R, &P, x, w, al, 0, 0);
        block(R, t, ctx, x, w, al);
    }
    para_out(R, &P, x, w, al, 0, 0);
    para_free(&P);
}

/* ---- variables ---------------------------------------------------------------------------- */

static void var_str(struct rctx *R, const char *name, const char *v)
{
    xmlXPathRegisterVariable(R->xp, (const xmlChar *)name,
                             xmlXPathNewString((const xmlChar *)(v ? v : "")));
}

/* The city the document is issued in: the office's name after its class
 * ("Kantor Imigrasi Kelas I TPI Palembang" -> "Palembang"). */
static char *office_city(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc), office = NULL;
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "kantor") == 0)
            office = n;
    xmlChar *name = NULL, *cls = NULL;
    for (xmlNodePtr n = office ? office->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)n->name, "nama") == 0 && !name)
            name = xmlNodeGetContent(n);
        if (strcmp((const char *)n->name, "kelas") == 0 && !cls)
            cls = xmlNodeGetContent(n);
    }
    char *city = NULL;
    if (name) {
        const char *s = (const char *)name, *p;
        if (cls && (p = strstr(s, (const char *)cls)) != NULL)
            s = p + strlen((const char *)cls);
        else if (strncmp(s, "Kantor Imigrasi ", 16) == 0)
            s += 16;
        while (*s == ' ')
            s++;
        city = strdup(s);
    }
    xmlFree(name);
    xmlFree(cls);
    return city;
}

static bool setup_vars(struct rctx *R)
{
    const struct render_opts *o = R->in->opts;
    var_str(R, "date", o->date);
    var_str(R, "number", o->issued ? o->number : "");
    xmlXPathRegisterVariable(R->xp, (const xmlChar *)"issued", xmlXPathNewBoolean(o->issued));
    char *city = o->place ? NULL : office_city(R->in->case_doc);
    var_str(R, "place", o->place ? o->place : city);
    free(city);
    const struct render_signer *s = o->signer;
    var_str(R, "signer-name", s ? s->name : NULL);
    var_str(R, "signer-nip", s ? s->nip : NULL);
    var_str(R, "signer-rank", s ? s->rank : NULL);
    var_str(R, "signer-grade", s ? s->grade : NULL);
    var_str(R, "signer-position", s ? s->position : NULL);
    var_str(R, "signer-on-behalf", s ? s->on_behalf : NULL);
    var_str(R, "signer-acting", s ? s->acting : NULL);
    var_str(R, "act", o->act);
    var_str(R, "act-time", o->act_time);
    xmlXPathRegisterVariable(R->xp, (const xmlChar *)"late", xmlXPathNewBoolean(o->late));
    for (size_t i = 0; i < R->f->info.n_params; i++) {
        const char *name = R->f->params[i].name, *v = NULL;
        for (size_t k = 0; k < o->n_params; k++)
            if (o->params[k].name && strcmp(o->params[k].name, name) == 0)
                v = o->params[k].value;
        var_str(R, name, v);
    }
    xmlNodePtr root = xmlDocGetRootElement(R->in->case_doc);
    for (size_t i = 0; i < R->f->n_lets && !R->fatal; i++) {
        xmlXPathObjectPtr v = eval(R, NULL, R->f->lets[i].expr, root);
        if (v)
            xmlXPathRegisterVariable(R->xp, (const xmlChar *)R->f->lets[i].name, v);
    }
    return !R->fatal;
}

bool build_form(struct layout *L, const struct build_in *in, struct berr *err)
{
    const struct form *f = in->form;
    struct rctx R = {.L = L,
                     .in = in,
                     .f = f,
                     .err = err,
                     .size = f->font_size,
                     .lh = f->line_height,
                     .content_h = f->page_h - f->mt - f->mb - 14};
    if (!caldate_parse(in->opts->date ? in->opts->date : "", &R.date))
        return berr_field(err, BERR_BAD_INPUT, "date", "tanggal dokumen harus YYYY-MM-DD");
    R.comp = calloc((size_t)f->n_exprs + 1, sizeof *R.comp);
    R.xp = R.comp ? xmlXPathNewContext(in->case_doc) : NULL;
    if (!R.xp) {
        free(R.comp);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    R.xp->error = xp_error;
    R.xp->userData = &R;
    xmlXPathRegisterNs(R.xp, (const xmlChar *)"c", (const xmlChar *)CASE_NS);
    if (setup_vars(&R)) {
        xmlNodePtr root = xmlDocGetRootElement(in->case_doc);
        float x = f->ml, w = f->page_w - f->ml - f->mr;
        flow(&R, f->body, root, x, w, AL_JUSTIFY);
    }
    for (int i = 0; i < f->n_exprs; i++)
        if (R.comp[i])
            xmlXPathFreeCompExpr(R.comp[i]);
    free(R.comp);
    xmlXPathFreeContext(R.xp);
    if (R.fatal)
        return false;
    if (L->oom)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    if (R.n_missing) {
        berr_field(err, BERR_UNPROCESSABLE, R.first_missing,
                   "data yang diperlukan %s tidak ada: %s", f->info.name, R.missing);
        return false;
    }
    return true;
}
