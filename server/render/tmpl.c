/*
 * tmpl.c - a template file -> a struct form: validated against form.rng,
 * every XPath expression compiled once to prove it parses (it is compiled
 * again per render, so no libxml2 object is shared between threads), every
 * attribute parsed into numbers and enums, so a render never reads an
 * attribute string.  The parsed XML is freed; the form owns its tree.
 */
#include <libxml/relaxng.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

#define FORM_NS "urn:berkas:form:1"

enum ctx { C_FLOW, C_INLINE, C_LIST, C_ROWS, C_TABLE, C_QA, C_SIGS };

struct loader {
    struct form *f;
    const char *file;
    struct berr *err;
    bool failed;
    xmlXPathContextPtr xp;
    char xp_msg[300];
};

/* "file:line: what arg" */
static bool fail_at(struct loader *ld, int line, const char *what, const char *arg)
{
    if (!ld->failed)
        berr_set(ld->err, BERR_INTERNAL, "%s:%d: %s%s", ld->file, line, what, arg ? arg : "");
    ld->failed = true;
    return false;
}

static char *dupstr(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* The attribute's value, or NULL; caller frees with xmlFree. */
static xmlChar *attr(xmlNodePtr n, const char *name)
{
    return xmlGetProp(n, (const xmlChar *)name);
}

static char *attr_dup(xmlNodePtr n, const char *name)
{
    xmlChar *v = attr(n, name);
    char *r = v ? strdup((const char *)v) : NULL;
    xmlFree(v);
    return r;
}

static bool attr_is(xmlNodePtr n, const char *name, const char *value)
{
    xmlChar *v = attr(n, name);
    bool r = v && strcmp((const char *)v, value) == 0;
    xmlFree(v);
    return r;
}

static bool attr_bool(xmlNodePtr n, const char *name, bool dflt)
{
    xmlChar *v = attr(n, name);
    if (!v)
        return dflt;
    bool r = strcmp((const char *)v, "true") == 0 || strcmp((const char *)v, "1") == 0;
    xmlFree(v);
    return r;
}

static float attr_num(xmlNodePtr n, const char *name, float dflt)
{
    xmlChar *v = attr(n, name);
    if (!v)
        return dflt;
    char *end;
    double d = strtod((const char *)v, &end);
    xmlFree(v);
    return isfinite(d) ? (float)d : dflt;
}

static void xp_error(void *data, xmlErrorPtr e)
{
    struct loader *ld = data;
    snprintf(ld->xp_msg, sizeof ld->xp_msg, "%s", e && e->message ? e->message : "bad XPath");
    size_t l = strlen(ld->xp_msg);
    while (l && ld->xp_msg[l - 1] == '\n')
        ld->xp_msg[--l] = '\0';
}

/* Compile the expression in attribute name to prove it; keep its source. */
static int add_expr(struct loader *ld, xmlNodePtr n, const char *name)
{
    char *src = attr_dup(n, name);
    if (!src)
        return -1;
    ld->xp_msg[0] = '\0';
    xmlXPathCompExprPtr c = xmlXPathCtxtCompile(ld->xp, (const xmlChar *)src);
    if (!c) {
        char msg[400];
        snprintf(msg, sizeof msg, "XPath %s=\"%.120s\": %.200s", name, src,
                 ld->xp_msg[0] ? ld->xp_msg : "does not compile");
        free(src);
        fail_at(ld, (int)xmlGetLineNo(n), msg, NULL);
        return -1;
    }
    xmlXPathFreeCompExpr(c);
    char **v = reallocarray(ld->f->exprs, (size_t)ld->f->n_exprs + 1, sizeof *v);
    if (!v) {
        free(src);
        fail_at(ld, (int)xmlGetLineNo(n), "out of memory", NULL);
        return -1;
    }
    ld->f->exprs = v;
    v[ld->f->n_exprs] = src;
    return ld->f->n_exprs++;
}

static const struct {
    const char *name;
    enum tfmt fmt;
} formats[] = {
    {"upper", F_UPPER},
    {"lower", F_LOWER},
    {"date", F_DATE},
    {"date-words", F_DATE_WORDS},
    {"day", F_DAY},
    {"month", F_MONTH},
    {"roman-month", F_ROMAN_MONTH},
    {"year", F_YEAR},
    {"nip", F_NIP},
    {"count", F_COUNT},
    {"words", F_WORDS},
    {"pasal", F_PASAL},
    {"country", F_COUNTRY},
    {"time", F_TIME},
    {"time-words", F_TIME_WORDS},
    {"age", F_AGE},
    {"title", F_TITLE},
};

static const struct {
    const char *name;
    enum tkind kind;
} kinds[] = {
    {"field", T_FIELD},
    {"b", T_B},
    {"u", T_U},
    {"br", T_BR},
    {"number", T_NUMBER},
    {"letterhead", T_LETTERHEAD},
    {"pro-justitia", T_PRO_JUSTITIA},
    {"title", T_TITLE},
    {"subtitle", T_SUBTITLE},
    {"p", T_P},
    {"list", T_LIST},
    {"item", T_ITEM},
    {"rows", T_ROWS},
    {"row", T_ROW},
    {"table", T_TABLE},
    {"column", T_COLUMN},
    {"thead", T_THEAD},
    {"tr", T_TR},
    {"td", T_TD},
    {"qa", T_QA},
    {"pair", T_PAIR},
    {"q", T_Q},
    {"a", T_A},
    {"signatures", T_SIGNATURES},
    {"signature", T_SIGNATURE},
    {"tembusan", T_TEMBUSAN},
    {"space", T_SPACE},
    {"page-break", T_PAGE_BREAK},
    {"keep", T_KEEP},
    {"rule", T_RULE},
    {"bar", T_BAR},
    {"verification", T_VERIFICATION},
    {"toc", T_TOC},
    {"manifest", T_MANIFEST},
    {"for-each", T_FOR_EACH},
    {"if", T_IF},
};

static bool inline_kind(enum tkind k)
{
    return k == T_TEXT || k == T_FIELD || k == T_B || k == T_U || k == T_BR || k == T_NUMBER;
}

static enum talign parse_align(xmlNodePtr n)
{
    xmlChar *v = attr(n, "align");
    enum talign a = AL_INHERIT;
    if (v) {
        const char *s = (const char *)v;
        a = strcmp(s, "left") == 0     ? AL_LEFT
            : strcmp(s, "center") == 0 ? AL_CENTER
            : strcmp(s, "right") == 0  ? AL_RIGHT
                                       : AL_JUSTIFY;
    }
    xmlFree(v);
    return a;
}

static struct tnode *compile_children(struct loader *ld, xmlNodePtr parent, enum ctx c);

/* for-each and if inside flow: inline when everything in them is inline. */
static bool all_inline(const struct tnode *t)
{
    for (; t; t = t->next)
        if (!inline_kind(t->kind) && !((t->kind == T_FOR_EACH || t->kind == T_IF) && t->is_inline))
            return false;
    return true;
}

/* A node with the defaults every kind starts from; NULL (ld failed) when out
 * of memory. */
static struct tnode *new_node(struct loader *ld, xmlNodePtr n)
{
    struct tnode *t = calloc(1, sizeof *t);
    if (!t) {
        fail_at(ld, (int)xmlGetLineNo(n), "out of memory", NULL);
        return NULL;
    }
    t->line = (int)xmlGetLineNo(n);
    t->expr = -1;
    t->expr2 = -1;
    t->required = true;
    return t;
}

/* The kind element n names; false (ld failed, naming it) when none does. */
static bool find_kind(struct loader *ld, xmlNodePtr n, enum tkind *kind)
{
    const char *name = (const char *)n->name;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        if (strcmp(kinds[k].name, name) == 0) {
            *kind = kinds[k].kind;
            return true;
        }
    return fail_at(ld, (int)xmlGetLineNo(n), "unknown element ", name);
}

/* The attributes any element may carry. */
static void read_common(struct tnode *t, xmlNodePtr n)
{
    t->is_inline = inline_kind(t->kind);
    t->align = parse_align(n);
    t->before = MM(attr_num(n, "before", 0));
    t->after = MM(attr_num(n, "after", 0));
    t->size = attr_num(n, "size", 0);
    t->bold = attr_bool(n, "bold", false);
    t->keep_next = attr_bool(n, "keep-with-next", false);
    t->indent = MM(attr_num(n, "indent", 0));
    t->left = MM(attr_num(n, "left", 0));
    t->start = (int)attr_num(n, "start", 1);
    t->required = attr_bool(n, "required", true);
    t->label = attr_dup(n, "label");
}

/* The attributes of an element that holds nothing (a field, a number, a
 * bar, a letterhead, a column, a space); false for every other kind. */
static bool read_leaf(struct loader *ld, struct tnode *t, xmlNodePtr n)
{
    switch (t->kind) {
    case T_FIELD: {
        t->expr = add_expr(ld, n, "select");
        t->text2 = attr_dup(n, "default");
        xmlChar *f = attr(n, "format");
        if (f)
            for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
                if (strcmp(formats[i].name, (const char *)f) == 0)
                    t->fmt = formats[i].fmt;
        xmlFree(f);
        if (t->text2)
            t->required = false;
        return true;
    }
    case T_NUMBER:
        t->text = attr_dup(n, "draft");
        return true;
    case T_BAR:
        t->expr = add_expr(ld, n, "value");
        t->expr2 = add_expr(ld, n, "max");
        t->width = MM(attr_num(n, "height", 3));
        return true;
    case T_LETTERHEAD:
        t->expr = add_expr(ld, n, "office");
        if (!t->label)
            t->label = strdup("kop surat yang berlaku pada tanggal dokumen");
        return true;
    case T_COLUMN:
        t->width = attr_num(n, "width", 1);
        return true;
    case T_SPACE:
        t->width = MM(attr_num(n, "mm", 0));
        return true;
    default:
        return false;
    }
}

static enum tlist list_style_of(xmlNodePtr n)
{
    xmlChar *s = attr(n, "style");
    enum tlist ls = !s                                       ? LS_NUMBER
                    : strcmp((const char *)s, "alpha") == 0  ? LS_ALPHA
                    : strcmp((const char *)s, "dash") == 0   ? LS_DASH
                    : strcmp((const char *)s, "bullet") == 0 ? LS_BULLET
                    : strcmp((const char *)s, "none") == 0   ? LS_NONE
                                                             : LS_NUMBER;
    xmlFree(s);
    return ls;
}

/* <signature position="left|center|right" width="mm"> */
static void read_signature(struct tnode *t, xmlNodePtr n)
{
    t->pos = attr_is(n, "position", "left")     ? POS_LEFT
             : attr_is(n, "position", "center") ? POS_CENTER
                                                : POS_RIGHT;
    t->width = MM(attr_num(n, "width", 75));
}

/* <for-each select="..." zip="..." sep="..." last-sep="..." required="...">:
 * required only when it says so. */
static void read_for_each(struct loader *ld, struct tnode *t, xmlNodePtr n)
{
    t->expr = add_expr(ld, n, "select");
    if (xmlHasProp(n, (const xmlChar *)"zip"))
        t->expr2 = add_expr(ld, n, "zip");
    t->text = attr_dup(n, "sep");
    t->text2 = attr_dup(n, "last-sep");
    if (!xmlHasProp(n, (const xmlChar *)"required"))
        t->required = false;
}

/* The attributes of an element that holds others, and the context they are
 * compiled in (for-each and if: the element's own, c). */
static enum ctx read_container(struct loader *ld, struct tnode *t, xmlNodePtr n, enum ctx c)
{
    switch (t->kind) {
    case T_B:
    case T_U:
        t->underline = t->kind == T_U;
        t->bold = t->kind == T_B;
        return C_INLINE;
    case T_TITLE:
        t->underline = attr_bool(n, "underline", true);
        return C_INLINE;
    case T_SUBTITLE:
    case T_P:
    case T_Q:
    case T_A:
        return C_INLINE;
    case T_LIST:
    case T_TEMBUSAN:
        t->list_style = list_style_of(n);
        t->width = MM(attr_num(n, "label-width", 7));
        return C_LIST;
    case T_ROWS:
        t->width = MM(attr_num(n, "label-width", 35));
        t->text = attr_dup(n, "sep");
        if (!t->text)
            t->text = strdup(":");
        return C_ROWS;
    case T_ROW:
        t->text = attr_dup(n, "label");
        return C_FLOW;
    case T_TABLE:
        t->border = attr_bool(n, "border", true);
        t->repeat_header = attr_bool(n, "repeat-header", true);
        return C_TABLE;
    case T_THEAD:
    case T_TR:
        return C_TABLE;
    case T_QA:
        t->width = MM(attr_num(n, "label-width", 8));
        return C_QA;
    case T_PAIR:
        return C_QA;
    case T_SIGNATURES:
        return C_SIGS;
    case T_SIGNATURE:
        read_signature(t, n);
        return C_FLOW;
    case T_FOR_EACH:
        read_for_each(ld, t, n);
        return c;
    case T_IF:
        t->expr = add_expr(ld, n, "test");
        return c;
    default:
        return C_FLOW;
    }
}

/* One template node: text, or an element with its attributes and, unless
 * it is a leaf, its children compiled in the context it gives them. */
static struct tnode *compile_node(struct loader *ld, xmlNodePtr n, enum ctx c)
{
    struct tnode *t = new_node(ld, n);
    if (!t)
        return NULL;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        t->kind = T_TEXT;
        t->is_inline = true;
        t->text = dupstr((const char *)n->content);
        return t;
    }
    if (!find_kind(ld, n, &t->kind)) {
        free(t);
        return NULL;
    }
    read_common(t, n);
    if (read_leaf(ld, t, n))
        return t;
    t->first = compile_children(ld, n, read_container(ld, t, n, c));
    if (t->kind == T_FOR_EACH || t->kind == T_IF)
        t->is_inline =
            c == C_INLINE || (c == C_FLOW && (t->text || t->text2 || all_inline(t->first)));
    return t;
}

static struct tnode *compile_children(struct loader *ld, xmlNodePtr parent, enum ctx c)
{
    struct tnode *head = NULL, **tail = &head;
    for (xmlNodePtr n = parent->children; n && !ld->failed; n = n->next) {
        bool text = n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
        if (!text && n->type != XML_ELEMENT_NODE)
            continue; /* comments, processing instructions */
        if (text && c != C_FLOW && c != C_INLINE)
            continue; /* whitespace between structural elements */
        struct tnode *t = compile_node(ld, n, c);
        if (!t)
            break;
        *tail = t;
        tail = &t->next;
    }
    return head;
}

static void tnode_free(struct tnode *t)
{
    while (t) {
        struct tnode *next = t->next;
        tnode_free(t->first);
        free(t->text);
        free(t->text2);
        free(t->label);
        free(t);
        t = next;
    }
}

void tmpl_free(struct form *f)
{
    if (!f)
        return;
    tnode_free(f->body);
    for (int i = 0; i < f->n_exprs; i++)
        free(f->exprs[i]);
    free(f->exprs);
    for (size_t i = 0; i < f->info.n_params; i++) {
        free((char *)f->params[i].name);
        free((char *)f->params[i].description);
    }
    free(f->params);
    for (size_t i = 0; i < f->n_lets; i++)
        free(f->lets[i].name);
    free(f->lets);
    free((char *)f->info.name);
    free((char *)f->info.title);
    free((char *)f->info.code);
    free((char *)f->info.page);
    free(f->file);
    free(f);
}

/* ---- schema ------------------------------------------------------------------------- */

struct rng_err {
    char msg[400];
    int line;
    bool set;
};

static void rng_error(void *data, xmlErrorPtr e)
{
    struct rng_err *r = data;
    if (r->set || !e)
        return;
    r->set = true;
    r->line = e->line;
    if (e->line == 0 && e->node && ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE)
        r->line = (int)xmlGetLineNo((xmlNodePtr)e->node);
    snprintf(r->msg, sizeof r->msg, "%s", e->message ? e->message : "invalid");
    size_t l = strlen(r->msg);
    while (l && r->msg[l - 1] == '\n')
        r->msg[--l] = '\0';
}

void *tmpl_schema_load(const char *template_dir, struct berr *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/form.rng", template_dir);
    char *buf;
    size_t len;
    if (!xmlsafe_read_file(path, TEMPLATE_MAX_BYTES, &buf, &len, err))
        return NULL;
    xmlDocPtr doc = xmlsafe_parse(path, buf, len, TEMPLATE_MAX_BYTES, BERR_INTERNAL, err);
    free(buf);
    if (!doc)
        return NULL;
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewDocParserCtxt(doc);
    struct rng_err re = {.set = false};
    xmlRelaxNGSetParserStructuredErrors(pc, rng_error, &re);
    xmlRelaxNGPtr rng = pc ? xmlRelaxNGParse(pc) : NULL;
    xmlRelaxNGFreeParserCtxt(pc);
    xmlFreeDoc(doc);
    if (!rng)
        berr_set(err, BERR_INTERNAL, "%s:%d: %s", path, re.line, re.set ? re.msg : "bad schema");
    return rng;
}

void tmpl_schema_free(void *rng)
{
    if (rng)
        xmlRelaxNGFree(rng);
}

/* ---- the form element ---------------------------------------------------------------- */

static bool is_form_el(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, FORM_NS) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

static bool load_header(struct loader *ld, xmlNodePtr root)
{
    struct form *f = ld->f;
    f->info.title = attr_dup(root, "title");
    f->info.code = attr_dup(root, "code");
    f->info.issuer = attr_is(root, "issuer", "prosecutor") ? RENDER_ISSUER_PROSECUTOR
                     : attr_is(root, "issuer", "system")   ? RENDER_ISSUER_SYSTEM
                                                           : RENDER_ISSUER_INVESTIGATOR;
    f->info.pro_justitia = attr_bool(root, "pro-justitia", false);
    bool f4 = attr_is(root, "page", "F4");
    f->info.page = strdup(f4 ? "F4" : "A4");
    f->page_w = MM(f4 ? 215 : 210);
    f->page_h = MM(f4 ? 330 : 297);
    f->mt = MM(attr_num(root, "margin-top", 20));
    f->mr = MM(attr_num(root, "margin-right", 20));
    f->mb = MM(attr_num(root, "margin-bottom", 20));
    f->ml = MM(attr_num(root, "margin-left", 25));
    f->font_size = attr_num(root, "font-size", 11);
    f->line_height = attr_num(root, "line-height", 1.3f);
    if (f->ml + f->mr > f->page_w - MM(40) || f->mt + f->mb > f->page_h - MM(60))
        return fail_at(ld, (int)xmlGetLineNo(root), "margins leave no room on the page", NULL);
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (is_form_el(n, "param")) {
            struct render_param_info *p =
                reallocarray(f->params, (size_t)f->info.n_params + 1, sizeof *p);
            if (!p)
                return fail_at(ld, (int)xmlGetLineNo(n), "out of memory", NULL);
            f->params = p;
            p[f->info.n_params].name = attr_dup(n, "name");
            p[f->info.n_params].description = attr_dup(n, "description");
            p[f->info.n_params].required = attr_bool(n, "required", true);
            f->info.n_params++;
        } else if (is_form_el(n, "let")) {
            struct tlet *l = reallocarray(f->lets, (size_t)f->n_lets + 1, sizeof *l);
            if (!l)
                return fail_at(ld, (int)xmlGetLineNo(n), "out of memory", NULL);
            f->lets = l;
            l[f->n_lets].name = attr_dup(n, "name");
            l[f->n_lets].expr = add_expr(ld, n, "select");
            f->n_lets++;
        } else if (is_form_el(n, "body")) {
            f->body = compile_children(ld, n, C_FLOW);
        }
    }
    f->info.params = f->params;
    return !ld->failed;
}

/* Before the schema: every element must be one of the vocabulary's, in its
 * namespace.  libxml2's RELAX NG reports such an error at a parent, this
 * names the element's own line. */
static bool known_elements(xmlNodePtr n, const char *path, struct berr *err)
{
    static const char *const header[] = {"form", "param", "let", "body"};
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        bool ok = n->ns && strcmp((const char *)n->ns->href, FORM_NS) == 0;
        bool found = false;
        for (size_t k = 0; ok && !found && k < sizeof kinds / sizeof kinds[0]; k++)
            found = strcmp(kinds[k].name, (const char *)n->name) == 0;
        for (size_t k = 0; ok && !found && k < sizeof header / sizeof header[0]; k++)
            found = strcmp(header[k], (const char *)n->name) == 0;
        if (!found)
            return berr_set(err, BERR_INTERNAL,
                            "%s:%d: element <%.60s%s%.60s> is not in the form vocabulary "
                            "(templates/form.rng)",
                            path, (int)xmlGetLineNo(n),
                            n->ns && n->ns->prefix ? (const char *)n->ns->prefix : "",
                            n->ns && n->ns->prefix ? ":" : "", (const char *)n->name);
        if (!known_elements(n->children, path, err))
            return false;
    }
    return true;
}

struct form *tmpl_load(const char *name, const char *path, const char *buf, size_t len, void *rng,
                       struct berr *err)
{
    xmlDocPtr doc = xmlsafe_parse(path, buf, len, TEMPLATE_MAX_BYTES, BERR_INTERNAL, err);
    if (!doc)
        return NULL;
    if (!known_elements(doc->children, path, err)) {
        xmlFreeDoc(doc);
        return NULL;
    }
    struct rng_err re = {.set = false};
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(rng);
    if (!vc) {
        xmlFreeDoc(doc);
        berr_set(err, BERR_INTERNAL, "%s: out of memory", path);
        return NULL;
    }
    xmlRelaxNGSetValidStructuredErrors(vc, rng_error, &re);
    int rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    if (rc != 0) {
        berr_set(err, BERR_INTERNAL, "%s:%d: %s", path, re.line,
                 re.set ? re.msg : "does not match templates/form.rng");
        xmlFreeDoc(doc);
        return NULL;
    }
    struct form *f = calloc(1, sizeof *f);
    struct loader ld = {.f = f, .file = path, .err = err};
    ld.xp = f ? xmlXPathNewContext(doc) : NULL;
    if (!f || !ld.xp) {
        free(f);
        xmlFreeDoc(doc);
        berr_set(err, BERR_INTERNAL, "%s: out of memory", path);
        return NULL;
    }
    ld.xp->error = xp_error;
    ld.xp->userData = &ld;
    f->info.name = strdup(name);
    f->file = strdup(path);
    bool ok = load_header(&ld, xmlDocGetRootElement(doc));
    xmlXPathFreeContext(ld.xp);
    xmlFreeDoc(doc);
    if (!ok || !f->info.name || !f->file || !f->info.title) {
        if (ok)
            berr_set(err, BERR_INTERNAL, "%s: out of memory", path);
        tmpl_free(f);
        return NULL;
    }
    return f;
}
