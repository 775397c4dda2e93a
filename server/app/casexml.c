/*
 * casexml.c - the case as one XML document (schemas/case.xsd), the data that
 * forms bind to with XPath.
 *
 * The document's data comes from store_casedoc_load as C structs, in one
 * round trip and one snapshot of the case even while others record events
 * (the reader's transaction is one snapshot, tx_begin_read; an issuing
 * writer holds the case row's lock): the case row (behind the same
 * visibility clause as app_case_get) and each part of the file.  It is then
 * written with libxml2's xmlTextWriter, which escapes every text and
 * attribute value; nothing here pastes markup.  Only what the database
 * keeps as JSON documents (an act's payload, a BAP's or Resume's content)
 * is read as JSON.
 *
 * Conventions of the document, which the schema states: namespace
 * urn:berkas:case:1; Indonesian element names; one element per fact; dates
 * YYYY-MM-DD; instants in the case office's local time with its offset
 * (2026-01-06T09:30:00+07:00); booleans true/false; a coded value is
 * <x kode="stable_code">Indonesian label</x>; a reference is
 * <x ref="pihak-12">what it names</x>, pointing at an id="" in the document.
 * A fact the database holds as NULL is left out; a text that is empty
 * stays, as an empty element.  Characters XML 1.0 cannot carry (controls
 * other than tab, newline and carriage return; broken UTF-8) become U+FFFD,
 * so that bad data can never break the document.
 */
#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <utf8proc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actfix.h"
#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "core/caldate.h"
#include "core/event.h"
#include "core/relground.h"
#include "core/stage.h"
#include "p19answer.h"
#include "store/documents.h"
#include "store/tx.h"
#include "visibility.h"
#include "casexml.h"

#define CASE_NS "urn:berkas:case:1"

struct casedoc {
    struct store_casedoc d;
    const struct tzone *zone;
};

static void casedoc_clear(struct casedoc *d)
{
    store_casedoc_free(&d->d);
    memset(d, 0, sizeof *d);
}

static bool casedoc_load(struct tx *tx, const struct actor *who, const char *clause, long long id,
                         struct casedoc *d, struct berr *err)
{
    if (!store_casedoc_load(tx, role_code(who->role), clause, who->office_id, id, &d->d, err))
        return false;
    if (!d->d.found)
        return berr_set(err, BERR_NOT_FOUND, "perkara %lld tidak ditemukan", id);
    const char *tz = d->d.c.office.found ? d->d.c.office.tz : NULL;
    d->zone = tz ? caldate_zone(tz) : NULL;
    if (!d->zone)
        return berr_set(err, BERR_INTERNAL, "office zone %s unknown", tz ? tz : "(none)");
    return true;
}

/* ---- text that XML 1.0 can carry --------------------------------------------------- */

/* Length of the well-formed UTF-8 sequence at s that encodes a character XML
 * 1.0 allows (1..4), or 0 when there is none (utf8proc_iterate refuses
 * overlong forms, surrogates and anything past U+10FFFF).  s is
 * NUL-terminated, so a truncated sequence stops at the NUL (not a
 * continuation byte, and utf8proc reads no further). */
static size_t xml_char_len(const unsigned char *s)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(s, -1, &cp);
    if (n <= 0)
        return 0;
    if (cp < 0x20)
        return cp == '\t' || cp == '\n' || cp == '\r' ? 1 : 0;
    return cp == 0xFFFE || cp == 0xFFFF ? 0 : (size_t)n;
}

/* s itself when every character is allowed, else a malloc'd copy (*copy set,
 * caller frees) with each offending byte replaced by U+FFFD; NULL when out
 * of memory. */
static const char *xml_clean(const char *s, char **copy)
{
    *copy = NULL;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, k;
    while (u[i] && (k = xml_char_len(u + i)) > 0)
        i += k;
    if (!u[i])
        return s;
    char *out = malloc(strlen(s) * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (i = 0; u[i];) {
        k = xml_char_len(u + i);
        if (k) {
            memcpy(out + o, u + i, k);
            o += k;
            i += k;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    out[o] = '\0';
    *copy = out;
    return out;
}

/* ---- the writer ------------------------------------------------------------------ */

struct xw {
    xmlTextWriterPtr w;
    const struct tzone *zone;
    bool ok; /* false after the first failed write */
};

static const xmlChar *X(const char *s)
{
    return (const xmlChar *)s;
}

static void xw_check(struct xw *x, int rc)
{
    if (rc < 0)
        x->ok = false;
}

static void xw_start(struct xw *x, const char *name)
{
    xw_check(x, xmlTextWriterStartElement(x->w, X(name)));
}

static void xw_end(struct xw *x)
{
    xw_check(x, xmlTextWriterEndElement(x->w));
}

static void xw_string(struct xw *x, const char *s)
{
    char *copy;
    const char *clean = xml_clean(s, &copy);
    xw_check(x, clean ? xmlTextWriterWriteString(x->w, X(clean)) : -1);
    free(copy);
}

static void xw_attr(struct xw *x, const char *name, const char *value)
{
    char *copy;
    const char *clean = xml_clean(value, &copy);
    xw_check(x, clean ? xmlTextWriterWriteAttribute(x->w, X(name), X(clean)) : -1);
    free(copy);
}

/* <name>text</name>; nothing when text is NULL. */
static void el(struct xw *x, const char *name, const char *text)
{
    if (!text)
        return;
    xw_start(x, name);
    xw_string(x, text);
    xw_end(x);
}

/* <name kode="code">label</name> */
static void el_coded(struct xw *x, const char *name, const char *code, const char *label)
{
    xw_start(x, name);
    xw_attr(x, "kode", code);
    xw_string(x, label ? label : "");
    xw_end(x);
}

/* <name ref="prefix-id">text</name>; nothing when id is 0. */
static void el_ref(struct xw *x, const char *name, const char *prefix, long long id,
                   const char *text)
{
    if (!id)
        return;
    char ref[48];
    snprintf(ref, sizeof ref, "%s-%lld", prefix, id);
    xw_start(x, name);
    xw_attr(x, "ref", ref);
    xw_string(x, text ? text : "");
    xw_end(x);
}

/* ---- values of the columns ------------------------------------------------------ */

static const char *jstr(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static long long jint(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_integer(v) ? (long long)json_integer_value(v) : 0;
}

/* <name>text member</name> of a JSON document, present (maybe empty)
 * unless the member is null. */
static void el_str(struct xw *x, const char *name, json_t *o, const char *key)
{
    el(x, name, jstr(o, key));
}

static void el_bool(struct xw *x, const char *name, json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (json_is_boolean(v))
        el(x, name, json_is_true(v) ? "true" : "false");
}

static void el_num(struct xw *x, const char *name, long long v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%lld", v);
    el(x, name, buf);
}

static void el_yes(struct xw *x, const char *name, bool v)
{
    el(x, name, v ? "true" : "false");
}

/* A date as YYYY-MM-DD; left out when NULL or not a plain date. */
static void el_date(struct xw *x, const char *name, const char *s)
{
    struct caldate d;
    char buf[CALDATE_DATE_LEN];
    if (s && caldate_parse(s, &d) && caldate_format(d, buf, sizeof buf))
        el(x, name, buf);
}

/* Epoch seconds as a local instant of the case's office; left out when
 * there are none. */
static void el_instant(struct xw *x, const char *name, bool has, long long t)
{
    char buf[CALDATE_INSTANT_LEN];
    if (has && caldate_format_instant((int64_t)t, x->zone, buf, sizeof buf))
        el(x, name, buf);
}

/* ---- labels for the codes the database keeps --------------------------------------- */

struct code_label {
    const char *code, *label;
};

static const struct code_label sources[] = {
    {"jagratara", "Operasi JAGRATARA"},
    {"tim_pora", "TIM PORA"},
    {"public_report", "Laporan masyarakat"},
    {"apoa", "Aplikasi Pelaporan Orang Asing (APOA)"},
    {"desa_binaan", "Desa Binaan Imigrasi"},
    {"tpi_check", "Pemeriksaan di Tempat Pemeriksaan Imigrasi"},
    {"supervision", "Pengawasan keimigrasian"},
    {"intelligence", "Intelijen keimigrasian"},
    {"other_agency", "Instansi lain"},
    {"other", "Lainnya"},
    {NULL, NULL},
};

static const struct code_label office_kinds[] = {
    {"ditjen", "Direktorat Jenderal Imigrasi"},
    {"kanwil", "Kantor Wilayah"},
    {"kanim", "Kantor Imigrasi"},
    {"ukk", "Unit Kerja Kantor Imigrasi"},
    {"kejagung", "Kejaksaan Agung"},
    {"kejati", "Kejaksaan Tinggi"},
    {"kejari", "Kejaksaan Negeri"},
    {"cabjari", "Cabang Kejaksaan Negeri"},
    {NULL, NULL},
};

static const struct code_label sexes[] = {
    {"L", "Laki-laki"},
    {"P", "Perempuan"},
    {NULL, NULL},
};

static const char *label_of(const struct code_label *t, const char *code)
{
    for (; code && t->code; t++)
        if (strcmp(t->code, code) == 0)
            return t->label;
    return "";
}

/* Whether the case was handed over under the short procedure (UU 6/2011 Pasal 110): its log
 * holds a short_procedure_handover - handed_over is reached once (terminal), by it or by Tahap
 * II - so its handed_over is labelled so, not "Tahap II selesai" (stage_label_of). */
static bool handed_short(const struct store_casedoc *d)
{
    for (int i = 0; i < d->nevents; i++)
        if (d->events[i].type && strcmp(d->events[i].type, "short_procedure_handover") == 0)
            return true;
    return false;
}

static void el_stage(struct xw *x, const char *name, const char *code,
                     const struct store_casedoc *d)
{
    enum stage s;
    el_coded(x, name, code ? code : "",
             code && stage_lookup(code, &s) ? stage_label_of(s, handed_short(d)) : "");
}

/* ---- the parts --------------------------------------------------------------------- */

/* The office's letterheads: its lines of the case's kop, grouped by the
 * date each takes effect (they come by office, date and line). */
static void write_kop(struct xw *x, const struct store_casedoc *d, long long office)
{
    bool open = false;
    for (int i = 0; i < d->nkop; i++) {
        const struct store_cd_kop_line *k = &d->kop[i];
        if (k->office_id != office)
            continue;
        const struct store_cd_kop_line *prev = i > 0 ? &d->kop[i - 1] : NULL;
        bool same = open && prev && prev->office_id == office && prev->from && k->from &&
                    strcmp(prev->from, k->from) == 0;
        if (!same) {
            if (open)
                xw_end(x);
            xw_start(x, "kop");
            xw_attr(x, "berlaku-mulai", k->from ? k->from : "");
            open = true;
        }
        if (k->no > 0)
            el(x, "baris", k->line ? k->line : "");
    }
    if (open)
        xw_end(x);
}

static void write_office(struct xw *x, const char *name, const struct store_cd_office *o,
                         const struct store_casedoc *d)
{
    if (!o->found)
        return;
    char id[24];
    snprintf(id, sizeof id, "%lld", o->id);
    xw_start(x, name);
    xw_attr(x, "id", id);
    el(x, "kode", o->code);
    el(x, "nama", o->name);
    el_coded(x, "jenis", o->kind, label_of(office_kinds, o->kind));
    el(x, "kelas", o->class_);
    const struct tzone *z = caldate_zone(o->tz ? o->tz : "");
    xw_start(x, "zona-waktu");
    if (z) {
        int off = z->offset_seconds;
        char offset[16];
        snprintf(offset, sizeof offset, "%c%02d:%02d", off < 0 ? '-' : '+', abs(off) / 3600,
                 abs(off) % 3600 / 60);
        xw_attr(x, "singkatan", z->abbr);
        xw_attr(x, "selisih", offset);
    }
    xw_string(x, o->tz ? o->tz : "");
    xw_end(x);
    write_kop(x, d, o->id);
    xw_end(x);
}

/* A list of PPNS: the team (daftar-penyidik), or those who recorded the
 * case's acts (daftar-pelaksana: a Berita Acara names the one who did its
 * act, KUHAP 75, found by the act's dicatat-oleh/@nip, whether or not the
 * team names him). */
static void write_investigators(struct xw *x, const char *list, const struct store_cd_member *m,
                                int n)
{
    xw_start(x, list);
    for (int i = 0; i < n; i++) {
        const struct store_cd_member *u = &m[i];
        xw_start(x, "penyidik");
        el(x, "nama", u->name);
        el(x, "nip", u->nip);
        el(x, "pangkat", u->pangkat);
        el(x, "golongan", u->golongan);
        el(x, "jabatan", u->position);
        el(x, "kartu-ppns", u->ppns_card_no);
        el_date(x, "kartu-ppns-berlaku-sampai", u->ppns_valid_until);
        xw_end(x);
    }
    xw_end(x);
}

/* daftar-tersangka, daftar-saksi, daftar-ahli, daftar-pelapor, daftar-korban: the parties of
 * one kind. */
static void write_parties(struct xw *x, const struct store_casedoc *d, const char *kind,
                          const char *item)
{
    char list_name[32], id[32];
    snprintf(list_name, sizeof list_name, "daftar-%s", item);
    xw_start(x, list_name);
    for (int i = 0; i < d->nparties; i++) {
        const struct store_cd_party *p = &d->parties[i];
        if (!p->kind || strcmp(p->kind, kind) != 0)
            continue;
        snprintf(id, sizeof id, "pihak-%lld", p->id);
        xw_start(x, item);
        xw_attr(x, "id", id);
        el(x, "nama", p->name);
        el(x, "kewarganegaraan", p->nationality);
        el(x, "nomor-paspor", p->passport_no);
        el(x, "nik", p->nik);
        el_date(x, "tanggal-lahir", p->birth_date);
        el(x, "tempat-lahir", p->birth_place);
        if (p->sex)
            el_coded(x, "jenis-kelamin", p->sex, label_of(sexes, p->sex));
        el(x, "pekerjaan", p->occupation);
        el(x, "alamat-indonesia", p->address_id);
        el(x, "alamat-luar-negeri", p->address_abroad);
        el(x, "bahasa", p->language);
        el(x, "penerjemah", p->interpreter);
        xw_end(x);
    }
    xw_end(x);
}

/* The charges come one row an element: charge i's rows end where the next
 * charge's begin. */
static int charge_end(const struct store_casedoc *d, int i)
{
    int k = i + 1;
    while (k < d->ncharges && d->charges[k].id == d->charges[i].id)
        k++;
    return k;
}

/* <unsur no="1" perlu-verifikasi="false">: the elements of a charged Pasal
 * (app.offence_elements).  With the Resume's content c, each holds its
 * rumusan and the analysis written for it for the charge; without, the
 * element's text alone. */
static void write_elements(struct xw *x, const struct store_casedoc *d, int from, int to, json_t *c)
{
    size_t k;
    json_t *a;
    char no[16];
    for (int i = from; i < to; i++) {
        const struct store_cd_charge *e = &d->charges[i];
        if (e->no == 0) /* a Pasal without elements */
            continue;
        snprintf(no, sizeof no, "%d", e->no);
        xw_start(x, "unsur");
        xw_attr(x, "no", no);
        xw_attr(x, "perlu-verifikasi", e->element_to_verify ? "true" : "false");
        if (!c) {
            xw_string(x, e->element ? e->element : "");
            xw_end(x);
            continue;
        }
        el(x, "rumusan", e->element);
        json_array_foreach(json_object_get(c, "analysis"), k, a)
        {
            if (jint(a, "charge") == e->id && jint(a, "element") == e->no)
                el_str(x, "analisis", a, "text");
        }
        xw_end(x);
    }
}

static const struct code_label counsel_states[] = {
    {"present", "didampingi penasihat hukum"},
    {"refused", "menolak didampingi penasihat hukum"},
    {NULL, NULL},
};

static const struct code_label oaths[] = {
    {"none", "tidak disumpah"},
    {"sumpah", "mengangkat sumpah"},
    {"janji", "mengucapkan janji"},
    {NULL, NULL},
};

/* <isi-bap>: what the examiner wrote into a BAP (contents.c). */
static void write_bap(struct xw *x, json_t *c, long long version)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%lld", version);
    xw_start(x, "isi-bap");
    xw_attr(x, "versi", buf);
    el_bool(x, "hak-penasihat-hukum-diberitahukan", c, "counsel_informed");
    json_t *co = json_object_get(c, "counsel");
    if (json_is_object(co) && jstr(co, "status")) {
        el_coded(x, "penasihat-hukum", jstr(co, "status"),
                 label_of(counsel_states, jstr(co, "status")));
        el_str(x, "nama-penasihat-hukum", co, "name");
        el_str(x, "kantor-penasihat-hukum", co, "office");
    }
    json_t *in = json_object_get(c, "interpreter");
    if (json_is_object(in)) {
        el_str(x, "penerjemah", in, "name");
        el_str(x, "bahasa-penerjemah", in, "language");
    }
    if (jstr(c, "oath"))
        el_coded(x, "sumpah", jstr(c, "oath"), label_of(oaths, jstr(c, "oath")));
    el_str(x, "alasan-sumpah", c, "oath_reason");
    el_str(x, "keahlian", c, "expertise");
    el_str(x, "saksi-meringankan", c, "favourable_witnesses");
    size_t i;
    json_t *q;
    json_array_foreach(json_object_get(c, "questions"), i, q)
    {
        snprintf(buf, sizeof buf, "%zu", i + 1);
        xw_start(x, "tanya-jawab");
        xw_attr(x, "no", buf);
        el(x, "pertanyaan", jstr(q, "question") ? jstr(q, "question") : "");
        el(x, "jawaban", jstr(q, "answer") ? jstr(q, "answer") : "");
        xw_end(x);
    }
    el_str(x, "keterangan-penutup", c, "closing");
    el_str(x, "selesai-pukul", c, "finished_at");
    /* KUHAP 118: signed, unless a refusal is noted with its reason */
    el(x, "ditandatangani", json_is_false(json_object_get(c, "signed")) ? "false" : "true");
    el_str(x, "alasan-tidak-menandatangani", c, "refusal_reason");
    xw_end(x);
}

/* <isi-resume>: the Resume's bases, summary, facts, the analysis of each
 * element of each Pasal charged now, and the conclusion. */
static void write_resume(struct xw *x, json_t *c, long long version, const struct store_casedoc *d)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%lld", version);
    xw_start(x, "isi-resume");
    xw_attr(x, "versi", buf);
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(c, "basis"), i, v)
    {
        el(x, "dasar", json_string_value(v) ? json_string_value(v) : "");
    }
    el_str(x, "uraian-singkat", c, "summary");
    json_array_foreach(json_object_get(c, "facts"), i, v)
    {
        snprintf(buf, sizeof buf, "%zu", i + 1);
        xw_start(x, "fakta");
        xw_attr(x, "no", buf);
        xw_string(x, json_string_value(v) ? json_string_value(v) : "");
        xw_end(x);
    }
    for (int k = 0, end; k < d->ncharges; k = end) {
        const struct store_cd_charge *o = &d->charges[k];
        end = charge_end(d, k);
        snprintf(buf, sizeof buf, "dakwaan-%lld", o->id);
        xw_start(x, "analisis-pasal");
        xw_attr(x, "dakwaan", buf);
        el(x, "kode", o->code);
        el_ref(x, "tersangka", "pihak", o->party, o->party_name);
        write_elements(x, d, k, end, c);
        xw_end(x);
    }
    el_str(x, "kesimpulan", c, "conclusion");
    xw_end(x);
}

static void write_offences(struct xw *x, const struct store_casedoc *d)
{
    char id[40];
    xw_start(x, "daftar-pasal");
    for (int k = 0, end; k < d->ncharges; k = end) {
        const struct store_cd_charge *o = &d->charges[k];
        end = charge_end(d, k);
        xw_start(x, "pasal");
        snprintf(id, sizeof id, "dakwaan-%lld", o->id);
        xw_attr(x, "id", id);
        el(x, "kode", o->code);
        el_num(x, "nomor-pasal", o->article);
        el(x, "uraian", o->label);
        el_num(x, "pidana-penjara-maks-bulan", o->max_prison_months);
        el_num(x, "pidana-penjara-min-bulan", o->min_prison_months);
        el_num(x, "denda-maks", o->max_fine);
        el_num(x, "denda-min", o->min_fine);
        el(x, "penghubung", o->connector);
        el_yes(x, "kurungan", o->kurungan);
        el_yes(x, "dapat-ditahan", o->detainable);
        el_yes(x, "acara-singkat", o->short_procedure);
        el_yes(x, "perlu-verifikasi", o->to_verify);
        el_date(x, "berlaku-mulai", o->effective_from);
        el_date(x, "berlaku-sampai", o->effective_to);
        el_ref(x, "tersangka", "pihak", o->party, o->party_name);
        write_elements(x, d, k, end, NULL);
        xw_end(x);
    }
    xw_end(x);
}

static void write_evidence(struct xw *x, const struct store_casedoc *d)
{
    char id[40];
    xw_start(x, "daftar-barang-bukti");
    for (int i = 0; i < d->nevidence; i++) {
        const struct store_cd_evidence *e = &d->evidence[i];
        snprintf(id, sizeof id, "barang-bukti-%lld", e->id);
        xw_start(x, "barang-bukti");
        xw_attr(x, "id", id);
        el(x, "uraian", e->description);
        el(x, "jumlah", e->quantity);
        el_ref(x, "disita-dari", "pihak", e->party, e->party_name);
        el_date(x, "tanggal-sita", e->seized_on);
        el(x, "tempat-penyimpanan", e->storage);
        /* the seizure act that took it: its papers list it (KUHAP 75, 129(2)) */
        el_ref(x, "penyitaan", "peristiwa", e->seizure_seq, "");
        xw_end(x);
    }
    xw_end(x);
}

/* One payload value as text: strings as they are, anything else as JSON. */
static void write_datum(struct xw *x, const char *key, json_t *v)
{
    xw_start(x, "data");
    xw_attr(x, "kunci", key);
    if (json_is_string(v)) {
        xw_string(x, json_string_value(v));
    } else if (!json_is_null(v)) {
        char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
        if (s)
            xw_string(x, s);
        else
            x->ok = false;
        free(s);
    }
    xw_end(x);
}

/* A member naming another act of the case by its event id (a permit a search or seizure was
 * done under, the urgent act an approval approves, the act answering a P-19 item): the datum
 * also names that act's peristiwa, so that a paper can cite its number and date. */
static void write_act_datum(struct xw *x, const char *key, json_t *v, const struct store_casedoc *d)
{
    json_int_t id = json_integer_value(v);
    xw_start(x, "data");
    xw_attr(x, "kunci", key);
    for (int i = 0; id > 0 && i < d->nevents; i++)
        if (d->events[i].id == (long long)id) {
            char ref[40];
            snprintf(ref, sizeof ref, "peristiwa-%d", d->events[i].seq);
            xw_attr(x, "peristiwa", ref);
        }
    char text[24];
    snprintf(text, sizeof text, "%lld", (long long)id);
    xw_string(x, text);
    xw_end(x);
}

/* The payload's members, in the database's order; arrays as repeated
 * elements with the same key. */
static void write_payload(struct xw *x, json_t *payload, const struct store_casedoc *d)
{
    const char *key;
    json_t *v, *item;
    size_t i;
    json_object_foreach(payload, key, v)
    {
        if (json_is_integer(v) && (strcmp(key, "permit_act") == 0 || strcmp(key, "approves") == 0 ||
                                   strcmp(key, "answer_act") == 0)) {
            write_act_datum(x, key, v, d);
            continue;
        }
        if (!json_is_array(v)) {
            write_datum(x, key, v);
            continue;
        }
        json_array_foreach(v, i, item)
        {
            write_datum(x, key, item);
        }
    }
}

/* A stored JSON document's text as JSON (NULL for none); a text that does
 * not read fails the document. */
static json_t *stored_json(struct xw *x, const char *text)
{
    if (!text)
        return NULL;
    json_t *v = json_loads(text, 0, NULL);
    if (!v)
        x->ok = false;
    return v;
}

/* The act a correction corrects (its sequence number), and, as akar, the act its chain of
 * corrections stands for at the end (a correction of a correction corrects the same act): a
 * paper reads the act as it stands after them all (DOMAIN 12), e.g. the basis of a search. */
static void write_corrects(struct xw *x, const struct store_cd_event *e,
                           const struct store_casedoc *d)
{
    if (!e->corrects_seq)
        return;
    int root = e->corrects_seq;
    for (int hops = 0, i = 0; i < d->nevents && hops < d->nevents; i++)
        if (d->events[i].seq == root && d->events[i].corrects_seq) {
            root = d->events[i].corrects_seq;
            i = -1;
            hops++;
        }
    char ref[40], akar[40], seq[24];
    snprintf(ref, sizeof ref, "peristiwa-%d", e->corrects_seq);
    snprintf(akar, sizeof akar, "peristiwa-%d", root);
    snprintf(seq, sizeof seq, "%d", e->corrects_seq);
    xw_start(x, "mengoreksi");
    xw_attr(x, "ref", ref);
    xw_attr(x, "akar", akar);
    xw_string(x, seq);
    xw_end(x);
}

static void write_event(struct xw *x, const struct store_cd_event *e, const struct store_casedoc *d,
                        int happened, int fixed_by)
{
    char id[40], seq[24];
    snprintf(id, sizeof id, "peristiwa-%d", e->seq);
    snprintf(seq, sizeof seq, "%d", e->seq);
    xw_start(x, "peristiwa");
    xw_attr(x, "id", id);
    if (fixed_by) {
        char by[40];
        snprintf(by, sizeof by, "peristiwa-%d", fixed_by);
        xw_attr(x, "dikoreksi", by);
    }
    el(x, "urutan", seq);
    const char *type = e->type;
    enum event ev;
    json_t *payload = stored_json(x, e->payload);
    /* a release from an arrest is named as such (core/relground.h), never one from detention */
    const char *label =
        type && strcmp(type, "released") == 0
            ? release_act_label(json_string_value(json_object_get(payload, "custody")))
            : NULL;
    if (!label)
        label = type && event_lookup(type, &ev) ? event_label(ev) : "";
    el_coded(x, "jenis", type ? type : "", label);
    el_date(x, "tanggal", e->legal_date);
    el_instant(x, "waktu", e->has_legal, e->legal);
    el(x, "nomor-dokumen", e->doc_number);
    el_ref(x, "pihak", "pihak", e->party, e->party_name);
    write_corrects(x, e, d);
    el_coded(x, "rezim", e->regime ? e->regime : "", e->regime_label);
    el_stage(x, "tahap-sebelum", e->stage_before, d);
    el_stage(x, "tahap-sesudah", e->stage_after, d);
    el_yes(x, "terlambat", e->late);
    el_instant(x, "dicatat-pada", e->has_entered, e->entered);
    xw_start(x, "dicatat-oleh");
    xw_attr(x, "nip", e->by_nip ? e->by_nip : "");
    xw_string(x, e->by_name ? e->by_name : "");
    xw_end(x);
    write_payload(x, payload, d);
    json_decref(payload);
    json_t *content = stored_json(x, e->content);
    if (json_is_object(content) && type && strcmp(type, "bap_recorded") == 0)
        write_bap(x, content, e->content_version);
    else if (json_is_object(content) && type && strcmp(type, "resume_written") == 0)
        write_resume(x, content, e->content_version, d);
    json_decref(content);
    el_num(x, "urutan-kejadian", happened);
    xw_end(x);
}

/* An act as by_happening orders it: its hour, its own or, when it has none,
 * that of the last act with one recorded before it on its day (has: there
 * is one). */
struct happening {
    const struct store_cd_event *e;
    bool has;
    long long at;
};

/* The order acts happened in: by legal date, then by hour, an act of no hour
 * where it was recorded among the acts of its day (after those with an hour
 * recorded before it: an interpreter sworn at 09.00 and then the BAP he
 * translates, recorded without an hour, in that order; before any with one:
 * the Sprindik recorded first on the day of an arrest), then in the order
 * they were recorded (seq).  A paper cites what was in force on its date and
 * a Resume lists the acts in this order, whatever the order of their entry. */
static int by_happening(const void *a, const void *b)
{
    const struct happening *x = a, *y = b;
    int c =
        strcmp(x->e->legal_date ? x->e->legal_date : "", y->e->legal_date ? y->e->legal_date : "");
    if (c)
        return c;
    if (x->has != y->has)
        return x->has ? 1 : -1;
    if (x->has && x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return (x->e->seq > y->e->seq) - (x->e->seq < y->e->seq);
}

/* Act i of ev (the acts in seq order) as by_happening orders it. */
static struct happening happening_of(const struct store_cd_event *ev, size_t i)
{
    struct happening h = {.e = &ev[i], .has = ev[i].has_legal, .at = ev[i].legal};
    const char *day = ev[i].legal_date ? ev[i].legal_date : "";
    for (size_t j = i; !h.has && j-- > 0;)
        if (ev[j].has_legal && strcmp(ev[j].legal_date ? ev[j].legal_date : "", day) == 0) {
            h.has = true;
            h.at = ev[j].legal;
        }
    return h;
}

/* For each act of ev (seq order), the index of the last correction whose chain stands for it
 * (a correction of a correction corrects the same act: evlog.h), or -1, and for each
 * correction the index of its act (root, -1 for an act or a correction of none found); in one
 * pass, an act found by its sequence number through by_seq (seq 1..n in a case's log; any
 * other is looked for). */
static void last_fixes(const struct store_cd_event *ev, size_t n, int *fix, int *root)
{
    for (size_t i = 0; i < n; i++)
        fix[i] = root[i] = -1;
    for (size_t j = 0; j < n; j++) {
        int r = (int)j;
        for (size_t hops = 0; r >= 0 && ev[r].corrects_seq && hops <= n; hops++) {
            int seq = ev[r].corrects_seq, k = -1;
            if (seq >= 1 && (size_t)seq <= n && ev[seq - 1].seq == seq)
                k = seq - 1;
            else
                for (size_t i = 0; i < n && k < 0; i++)
                    k = ev[i].seq == seq ? (int)i : -1;
            r = k;
        }
        if (ev[j].corrects_seq && r >= 0 && !ev[r].corrects_seq) {
            fix[r] = (int)j; /* j ascending: the last wins */
            root[j] = r;
        }
    }
}

static struct actfix_row fix_row(const struct store_cd_event *e)
{
    return (struct actfix_row){.date = e->legal_date,
                               .has_at = e->has_legal,
                               .at = e->legal,
                               .number = e->doc_number,
                               .party = e->party,
                               .party_name = e->party_name,
                               .payload = e->payload};
}

/* Act e as its corrections f left it (DOMAIN 12: a paper is its act's, as corrected; actfix.h:
 * what a correction leaves out stands as before it): the last one's date and hour, the number
 * and party last given, e's payload with the corrections' members over it; *merged holds that
 * payload's text (caller frees).  A withdrawal leaves e as recorded: the act is withdrawn, not
 * changed. */
static struct store_cd_event as_it_stands(const struct store_cd_event *e, const struct actfix *f,
                                          char **merged)
{
    struct store_cd_event s = *e;
    *merged = NULL;
    if (f->withdrawn)
        return s;
    s.legal_date = f->date;
    s.has_legal = f->has_at;
    s.legal = f->at;
    s.doc_number = f->number[0] ? f->number : e->doc_number;
    s.party = f->party;
    s.party_name = f->party_name;
    if (e->payload) {
        *merged = actfix_payload_text(f);
        s.payload = *merged ? *merged : e->payload;
    }
    return s;
}

/* now[i]: act i of d as its corrections left it (texts[i] its merged payload), fixed[i] its
 * last correction's seq (0: none). */
static bool acts_as_they_stand(const struct store_casedoc *d, size_t n, struct store_cd_event *now,
                               int *fixed, char **texts)
{
    int *root = malloc(n * sizeof *root);
    struct actfix *f = calloc(n, sizeof *f);
    if (!root || !f) {
        free(root);
        free(f);
        return false;
    }
    last_fixes(d->events, n, fixed, root);
    for (size_t j = 0; j < n; j++) {
        int r = root[j];
        if (r < 0)
            continue;
        if (!f[r].fixes) {
            struct actfix_row act = fix_row(&d->events[r]);
            actfix_init(&f[r], &act);
        }
        struct actfix_row c = fix_row(&d->events[j]);
        actfix_apply(&f[r], &c);
    }
    for (size_t i = 0; i < n; i++) {
        int j = fixed[i];
        now[i] = j < 0 ? d->events[i] : as_it_stands(&d->events[i], &f[i], &texts[i]);
        fixed[i] = j < 0 ? 0 : d->events[j].seq;
        actfix_free(&f[i]);
    }
    free(root);
    free(f);
    return true;
}

/* Each event in seq order, with its place in by_happening's order (urutan-kejadian, 1-based);
 * an act a correction stands for is written as it stands after it (dikoreksi: its last
 * correction), each correction as it was recorded. */
static void write_events(struct xw *x, const struct store_casedoc *d)
{
    size_t n = d->nevents > 0 ? (size_t)d->nevents : 0;
    struct happening *order = n ? malloc(n * sizeof *order) : NULL;
    int *place = n ? malloc(n * sizeof *place) : NULL,
        *fixed = n ? malloc(n * sizeof *fixed) : NULL;
    struct store_cd_event *now = n ? malloc(n * sizeof *now) : NULL;
    char **texts = n ? calloc(n, sizeof *texts) : NULL;
    if (n && (!order || !place || !fixed || !now || !texts ||
              !acts_as_they_stand(d, n, now, fixed, texts))) {
        x->ok = false;
        n = 0;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = happening_of(now, i);
    if (n)
        qsort(order, n, sizeof *order, by_happening);
    for (size_t i = 0; i < n; i++)
        place[order[i].e - now] = (int)i + 1;
    xw_start(x, "daftar-peristiwa");
    for (size_t i = 0; i < n; i++)
        write_event(x, &now[i], d, place[i], fixed[i]);
    xw_end(x);
    for (size_t i = 0; i < (texts ? (size_t)d->nevents : 0); i++)
        free(texts[i]);
    free(texts);
    free(now);
    free(fixed);
    free(order);
    free(place);
}

/* A stored payload as JSON, held in held (an array) until the fold is done: p19answer borrows
 * its strings. */
static json_t *held_payload(json_t *held, const char *text)
{
    json_t *p = text ? json_loads(text, 0, NULL) : NULL;
    if (!json_is_object(p)) {
        json_decref(p);
        p = json_object();
    }
    json_array_append_new(held, p);
    return p;
}

/* The answer of sequence number seq as its corrections leave it (p19answer.h, the fold every
 * reader of the log uses; root: what last_fixes gives): the sequence number of the act it names
 * as fulfilling its item (0: none), its reason for not meeting it in *unmet (malloc'd, NULL:
 * none). */
static int answer_standing(const struct store_casedoc *d, const int *root, int seq, char **unmet)
{
    *unmet = NULL;
    int a = -1;
    for (int i = 0; seq && i < d->nevents && a < 0; i++)
        a = d->events[i].seq == seq ? i : -1;
    json_t *held = json_array();
    if (a < 0 || !held) {
        json_decref(held);
        return 0;
    }
    struct p19answer s;
    p19answer_start(&s, held_payload(held, d->events[a].payload));
    for (int j = a + 1; j < d->nevents; j++)
        if (root[j] == a)
            p19answer_apply(&s, held_payload(held, d->events[j].payload));
    long long act = s.withdrawn ? 0 : s.act;
    *unmet = !s.withdrawn && s.unmet ? strdup(s.unmet) : NULL;
    json_decref(held);
    for (int i = 0; act && i < d->nevents; i++)
        if (d->events[i].id == act)
            return d->events[i].seq;
    return 0;
}

/* <petunjuk-p19>: the instructions grouped by round (they come sorted); each answered one with
 * the act that fulfils it or the reason it cannot be met, as the answer's corrections leave
 * it. */
static void write_instructions(struct xw *x, const struct store_casedoc *d)
{
    int round = 0;
    char buf[40];
    size_t n = d->nevents > 0 ? (size_t)d->nevents : 0;
    int *fix = malloc((n ? n : 1) * sizeof *fix), *root = malloc((n ? n : 1) * sizeof *root);
    if (!fix || !root) {
        free(fix);
        free(root);
        x->ok = false;
        return;
    }
    last_fixes(d->events, n, fix, root);
    xw_start(x, "petunjuk-p19");
    for (int i = 0; i < d->ninstructions; i++) {
        const struct store_cd_instruction *it = &d->instructions[i];
        if (it->round != round) {
            if (round)
                xw_end(x);
            round = it->round;
            xw_start(x, "putaran");
            snprintf(buf, sizeof buf, "%d", round);
            xw_attr(x, "ke", buf);
            if (it->p19_seq) {
                snprintf(buf, sizeof buf, "peristiwa-%d", it->p19_seq);
                xw_attr(x, "peristiwa", buf);
            }
            el_date(x, "tanggal", it->p19_date);
            el(x, "nomor-dokumen", it->p19_number);
        }
        xw_start(x, "butir");
        snprintf(buf, sizeof buf, "%d", it->item_no);
        xw_attr(x, "no", buf);
        el(x, "teks", it->text);
        el(x, "jawaban", it->answer);
        snprintf(buf, sizeof buf, "%d", it->answer_seq);
        el_ref(x, "peristiwa-jawaban", "peristiwa", it->answer_seq, buf);
        char *unmet = NULL;
        int act_seq = answer_standing(d, root, it->answer_seq, &unmet);
        snprintf(buf, sizeof buf, "%d", act_seq);
        el_ref(x, "peristiwa-pemenuh", "peristiwa", act_seq, buf);
        if (unmet)
            el(x, "tidak-dapat-dipenuhi", unmet);
        free(unmet);
        xw_end(x);
    }
    if (round)
        xw_end(x);
    xw_end(x);
    free(fix);
    free(root);
}

static void write_case(struct xw *x, const struct casedoc *doc)
{
    const struct store_casedoc *d = &doc->d;
    const struct store_cd_case *c = &d->c;
    char id[24];
    snprintf(id, sizeof id, "%lld", c->id);
    xw_check(x, xmlTextWriterStartElementNS(x->w, NULL, X("perkara"), X(CASE_NS)));
    xw_attr(x, "id", id);
    el(x, "nomor", c->number);
    el_stage(x, "tahap", c->stage, d);
    el_instant(x, "tahap-sejak", c->has_stage_since, c->stage_since);
    el_num(x, "versi", c->version);
    el_coded(x, "sumber", c->source ? c->source : "", label_of(sources, c->source));
    el(x, "catatan-sumber", c->source_note);
    el(x, "ringkasan", c->summary);
    el_date(x, "tanggal-dibuka", c->opened_on);
    el_instant(x, "dibuat-pada", c->has_created, c->created);
    if (c->creator_name) {
        xw_start(x, "dibuat-oleh");
        xw_attr(x, "nip", c->creator_nip ? c->creator_nip : "");
        xw_string(x, c->creator_name);
        xw_end(x);
    }
    el_instant(x, "disampaikan-pada", c->has_disclosed, c->disclosed);
    el_instant(x, "diekspor-pada", true, c->exported);
    write_office(x, "kantor", &c->office, d);
    write_office(x, "kejari", &c->kejari, d);
    write_investigators(x, "daftar-penyidik", d->team, d->nteam);
    write_parties(x, d, "suspect", "tersangka");
    write_parties(x, d, "witness", "saksi");
    write_parties(x, d, "expert", "ahli");
    write_offences(x, d);
    write_evidence(x, d);
    write_events(x, d);
    write_instructions(x, d);
    write_investigators(x, "daftar-pelaksana", d->actors, d->nactors);
    /* the reporter and the victim, told of the SPDP and of the SP3 (MK 130/PUU-XIII/2015;
     * UU 20/2025 Pasal 24(4)): at the end, as documents stored before them have neither */
    write_parties(x, d, "reporter", "pelapor");
    write_parties(x, d, "victim", "korban");
    xw_end(x);
}

/* The document as malloc'd UTF-8 bytes. */
static bool casedoc_write(const struct casedoc *d, char **xml, size_t *len, struct berr *err)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    struct xw x = {.w = w, .zone = d->zone, .ok = w != NULL};
    if (x.ok) {
        xw_check(&x, xmlTextWriterSetIndent(w, 1));
        xw_check(&x, xmlTextWriterSetIndentString(w, X("  ")));
        xw_check(&x, xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
        write_case(&x, d);
        xw_check(&x, xmlTextWriterEndDocument(w));
    }
    if (w)
        xmlFreeTextWriter(w); /* flushes into buf */
    if (x.ok) {
        int n = xmlBufferLength(buf);
        *xml = n > 0 ? malloc((size_t)n + 1) : NULL;
        if (*xml) {
            memcpy(*xml, xmlBufferContent(buf), (size_t)n);
            (*xml)[n] = '\0';
            *len = (size_t)n;
        }
        x.ok = *xml != NULL;
    }
    if (buf)
        xmlBufferFree(buf);
    return x.ok || berr_set(err, BERR_INTERNAL, "the case document could not be written");
}

bool casexml_build(struct tx *tx, const struct actor *who, long long id, char **xml, size_t *len,
                   struct berr *err)
{
    *xml = NULL;
    *len = 0;
    const char *clause = case_visible_clause(who->role);
    if (!clause)
        return berr_set(err, BERR_FORBIDDEN, "peran ini tidak membaca isi perkara");
    struct casedoc d = {0};
    bool ok = casedoc_load(tx, who, clause, id, &d, err) && casedoc_write(&d, xml, len, err);
    casedoc_clear(&d);
    if (!ok) {
        free(*xml);
        *xml = NULL;
        *len = 0;
    }
    return ok;
}

bool app_case_xml(struct app *app, const struct actor *who, long long id, char **xml, size_t *len,
                  struct audit_rec *au, struct berr *err)
{
    au->action = "case.export";
    au->object_type = "case";
    au->object_id = id;
    *xml = NULL;
    *len = 0;
    const char *clause = case_visible_clause(who->role);
    if (!clause)
        return berr_set(err, BERR_FORBIDDEN, "peran ini tidak membaca isi perkara");
    xmlInitParser(); /* once per process; guarded by libxml2's own lock in 2.9 */
    struct tx tx;    /* one snapshot: the document's parts are of one instant */
    if (!tx_begin_read(&tx, app->db, who->user_id, err))
        return false;
    struct casedoc d = {0};
    bool ok = casedoc_load(&tx, who, clause, id, &d, err) && casedoc_write(&d, xml, len, err) &&
              audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    casedoc_clear(&d);
    if (!ok) {
        free(*xml);
        *xml = NULL;
        *len = 0;
    }
    return ok;
}
