/*
 * demo_contents.c - what the demo examiners and investigators write into
 * their BAPs and Resumes (contents.c), so that the files tools/run shows read
 * like files a prosecutor would accept: questions and answers about the
 * case's own offence, counsel and interpreter as the law asks, the facts,
 * each element of the charged Pasal analysed against them, a conclusion.
 * Written through app_bap_put / app_resume_put and issued through
 * app_form_issue, as a person would.  All of it is invented.
 */
#include <stdio.h>
#include <string.h>

#include "demo.h"

/* One offence's story: what the suspect says, the facts, and one analysis
 * per element of the Pasal as app.offence_elements numbers them.  {nama} in
 * a text is the suspect's name. */
struct story {
    const char *code;
    const char *questions[5][2];
    const char *summary;
    const char *facts[4];
    const char *analysis[4];
    const char *conclusion;
};

/* clang-format off */
static const struct story stories[] = {
    {"122(a)",
     {{"Apakah Saudara mengerti mengapa Saudara diperiksa pada hari ini?",
       "Ya, saya mengerti. Saya diperiksa karena bekerja di Indonesia dengan izin tinggal kunjungan."},
      {"Izin tinggal apa yang Saudara miliki dan sampai kapan berlakunya?",
       "Izin tinggal kunjungan yang saya peroleh dengan visa kunjungan pada saat masuk melalui Bandara Sultan Mahmud Badaruddin II, berlaku 60 hari."},
      {"Kegiatan apa yang Saudara lakukan di tempat Saudara ditemukan oleh petugas?",
       "Saya bekerja setiap hari dari pukul 08.00 sampai 17.00 dan menerima upah tiga juta lima ratus ribu rupiah setiap bulan."},
      {"Apakah Saudara mengetahui bahwa pemegang izin tinggal kunjungan tidak boleh bekerja?",
       "Saya mengetahuinya dari agen yang mengurus keberangkatan saya, tetapi saya tetap bekerja karena membutuhkan uang."},
      {NULL, NULL}},
     "Petugas Inteldakim menemukan {nama}, warga negara asing pemegang izin tinggal kunjungan, bekerja dan menerima upah di wilayah kerja kantor, yang tidak sesuai dengan maksud dan tujuan pemberian izin tinggalnya.",
     {"Bahwa {nama} adalah warga negara asing yang masuk ke Wilayah Indonesia dengan visa kunjungan dan memegang izin tinggal kunjungan.",
      "Bahwa {nama} bekerja setiap hari dan menerima upah bulanan, sebagaimana keterangan saksi dan pengakuan tersangka.",
      "Bahwa {nama} mengetahui izin tinggal kunjungan tidak memberi hak untuk bekerja.",
      NULL},
     {"Tersangka {nama} adalah orang asing sebagaimana paspor kebangsaannya; tidak ada alasan pemaaf atau pembenar pada dirinya. Unsur ini terpenuhi.",
      "Tersangka bekerja setiap hari dengan sadar dan menerima upah, padahal ia mengetahui larangannya; perbuatan itu dikehendaki. Unsur ini terpenuhi.",
      "Izin tinggal kunjungan diberikan untuk kunjungan, bukan untuk bekerja; kegiatan tersangka tidak sesuai dengan maksud dan tujuan pemberian izin tinggalnya. Unsur ini terpenuhi.",
      NULL},
     "Perbuatan tersangka {nama} memenuhi seluruh unsur Pasal 122 huruf a Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian, didukung keterangan saksi, keterangan tersangka, dan surat, sehingga berkas perkara ini diajukan kepada Penuntut Umum."},
    {"119(1)",
     {{"Apakah Saudara mengerti mengapa Saudara diperiksa pada hari ini?",
       "Ya. Saya tidak dapat menunjukkan paspor dan visa ketika petugas memeriksa tempat saya menginap."},
      {"Di mana paspor Saudara?",
       "Paspor saya hilang sebelum saya tiba di Indonesia dan saya masuk tanpa melalui pemeriksaan imigrasi."},
      {"Sejak kapan Saudara berada di Indonesia?",
       "Sejak kurang lebih empat bulan yang lalu, saya tinggal di penginapan tanpa melapor."},
      {NULL, NULL}, {NULL, NULL}},
     "Dalam pengawasan keimigrasian ditemukan {nama}, orang asing yang berada di Wilayah Indonesia tanpa Dokumen Perjalanan dan Visa yang sah dan masih berlaku.",
     {"Bahwa {nama} adalah warga negara asing.",
      "Bahwa {nama} berada di Wilayah Indonesia sejak kurang lebih empat bulan.",
      "Bahwa {nama} tidak dapat menunjukkan paspor maupun visa, dan data perlintasan SIMKIM tidak mencatat kedatangannya.",
      NULL},
     {"Tersangka {nama} adalah orang asing, sebagaimana pengakuannya dan keterangan saksi. Unsur ini terpenuhi.",
      "Tersangka berada di Wilayah Indonesia sejak kurang lebih empat bulan. Unsur ini terpenuhi.",
      "Tersangka tidak memiliki Dokumen Perjalanan dan Visa yang sah dan masih berlaku, sebagaimana keterangan tertulis Pejabat Imigrasi dan cetakan data SIMKIM. Unsur ini terpenuhi.",
      NULL},
     "Perbuatan tersangka {nama} memenuhi seluruh unsur Pasal 119 ayat (1) Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian, sehingga berkas perkara ini diajukan kepada Penuntut Umum."},
    {"119(2)",
     {{"Apakah Saudara mengerti mengapa Saudara diperiksa pada hari ini?",
       "Ya. Paspor yang saya serahkan kepada petugas di Tempat Pemeriksaan Imigrasi dinyatakan palsu."},
      {"Dari mana Saudara memperoleh paspor tersebut?",
       "Saya membelinya dari seseorang di Istanbul seharga dua ribu dolar Amerika."},
      {"Apakah Saudara mengetahui bahwa paspor tersebut palsu?",
       "Saya curiga karena prosesnya tidak melalui kantor resmi, tetapi saya tetap menggunakannya."},
      {NULL, NULL}, {NULL, NULL}},
     "Pada pemeriksaan di Tempat Pemeriksaan Imigrasi, {nama} menyerahkan paspor yang menurut pemeriksaan laboratorium forensik dokumen adalah palsu.",
     {"Bahwa {nama} adalah warga negara asing yang tiba melalui Tempat Pemeriksaan Imigrasi.",
      "Bahwa {nama} menyerahkan paspor itu kepada Pejabat Imigrasi untuk masuk ke Wilayah Indonesia.",
      "Bahwa hasil pemeriksaan laboratorium forensik dokumen menyatakan paspor tersebut palsu.",
      "Bahwa {nama} membeli paspor itu di luar jalur resmi dan mencurigai keasliannya."},
     {"Tersangka {nama} adalah orang asing. Unsur ini terpenuhi.",
      "Tersangka dengan sadar menyerahkan dan menggunakan paspor itu untuk masuk ke Wilayah Indonesia. Unsur ini terpenuhi.",
      "Paspor itu palsu menurut hasil laboratorium forensik dokumen, dan tersangka yang membelinya di luar jalur resmi patut menduga kepalsuannya. Unsur ini terpenuhi.",
      NULL},
     "Perbuatan tersangka {nama} memenuhi seluruh unsur Pasal 119 ayat (2) Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian, sehingga berkas perkara ini diajukan kepada Penuntut Umum."},
    {"120",
     {{"Apakah Saudara mengerti mengapa Saudara diperiksa pada hari ini?",
       "Ya. Saya ditangkap di pelabuhan ketika mengantar enam orang ke kapal."},
      {"Siapa enam orang tersebut dan ke mana mereka hendak pergi?",
       "Mereka orang asing tanpa paspor yang ingin menyeberang ke Australia; saya tidak mengenal mereka sebelumnya."},
      {"Apa yang Saudara terima untuk mengantar mereka?",
       "Saya dijanjikan seribu dolar Amerika untuk setiap orang oleh seseorang yang saya kenal di Jakarta."},
      {NULL, NULL}, {NULL, NULL}},
     "Di pelabuhan, {nama} tertangkap ketika membawa enam orang asing tanpa Dokumen Perjalanan menuju kapal yang akan berangkat ke luar Wilayah Indonesia tanpa pemeriksaan imigrasi.",
     {"Bahwa {nama} membawa enam orang asing dari penginapan ke pelabuhan.",
      "Bahwa keenam orang itu tidak memiliki Dokumen Perjalanan dan hendak keluar Wilayah Indonesia tanpa pemeriksaan imigrasi.",
      "Bahwa {nama} dijanjikan imbalan seribu dolar Amerika untuk setiap orang.",
      NULL},
     {"Tersangka {nama} adalah orang yang mampu bertanggung jawab. Unsur ini terpenuhi.",
      "Tersangka bertindak karena dijanjikan imbalan uang untuk setiap orang yang dibawanya. Unsur ini terpenuhi.",
      "Tersangka sendiri membawa keenam orang itu dari penginapan ke pelabuhan. Unsur ini terpenuhi.",
      "Keenam orang itu tidak memiliki Dokumen Perjalanan dan tidak berhak keluar Wilayah Indonesia secara sah. Unsur ini terpenuhi."},
     "Perbuatan tersangka {nama} memenuhi seluruh unsur Pasal 120 Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian."},
    {"135",
     {{"Apakah Saudara mengerti mengapa Saudara diperiksa pada hari ini?",
       "Ya. Saya diperiksa mengenai perkawinan saya dengan seorang warga negara Indonesia."},
      {"Kapan dan di mana perkawinan Saudara dilangsungkan?",
       "Pada bulan Maret tahun lalu, dicatat di Dinas Kependudukan dan Pencatatan Sipil; sesudah itu saya mengajukan izin tinggal terbatas sebagai istri."},
      {"Apakah Saudara tinggal bersama suami Saudara?",
       "Tidak selalu. Suami saya bekerja di kota lain, tetapi kami menikah dengan sungguh-sungguh."},
      {"Apakah Saudara atau suami Saudara menerima atau menjanjikan imbalan untuk perkawinan itu?",
       "Tidak pernah."},
      {NULL, NULL}},
     "Berdasarkan laporan masyarakat, perkawinan {nama} dengan seorang warga negara Indonesia diduga perkawinan semu untuk memperoleh izin tinggal.",
     {"Bahwa {nama} menikah dengan seorang warga negara Indonesia dan memperoleh izin tinggal terbatas atas dasar perkawinan itu.",
      "Bahwa {nama} dan suaminya tidak selalu tinggal serumah karena pekerjaan suaminya.",
      "Bahwa tidak ditemukan bukti imbalan atau kesepakatan untuk melangsungkan perkawinan itu.",
      NULL},
     {"Tersangka {nama} adalah orang yang mampu bertanggung jawab. Unsur ini terpenuhi.",
      "Perkawinan tercatat sah dan keterangan saksi belum membuktikan bahwa perkawinan itu semu. Unsur ini belum terbukti.",
      "Tersangka memperoleh izin tinggal terbatas atas dasar perkawinan, tetapi tujuan perkawinan untuk memperolehnya belum terbukti. Unsur ini belum terbukti.",
      NULL},
     "Unsur perkawinan semu dan tujuannya dalam Pasal 135 Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian belum didukung bukti yang cukup."},
};
/* clang-format on */

static const struct story *story_of(const char *code)
{
    for (size_t i = 0; i < sizeof stories / sizeof stories[0]; i++)
        if (code && strcmp(stories[i].code, code) == 0)
            return &stories[i];
    return &stories[0];
}

/* text with each {nama} replaced by the suspect's name. */
static json_t *named(const char *text, const char *name)
{
    char buf[1600];
    size_t used = 0;
    const char *p = text, *at;
    while ((at = strstr(p, "{nama}")) != NULL && used < sizeof buf) {
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%.*s%s", (int)(at - p), p, name);
        p = at + 6;
    }
    if (used < sizeof buf)
        snprintf(buf + used, sizeof buf - used, "%s", p);
    return json_string(buf);
}

/* The questions a BAP asks and the answers given: what the person says
 * ("questions" of the party object), or the suspect's story. */
static json_t *bap_questions(const struct story *s, json_t *person)
{
    json_t *qs = json_array();
    json_array_append_new(qs, json_pack("{s:s, s:s}", "question",
                                        "Apakah Saudara dalam keadaan sehat jasmani dan rohani "
                                        "serta bersedia memberikan keterangan?",
                                        "answer",
                                        "Ya, saya sehat dan bersedia memberikan keterangan "
                                        "dengan sebenarnya."));
    json_t *own = json_object_get(person, "questions");
    size_t i;
    json_t *qa;
    json_array_foreach(own, i, qa)
    {
        json_array_append_new(qs, json_pack("{s:O, s:O}", "question", json_array_get(qa, 0),
                                            "answer", json_array_get(qa, 1)));
    }
    for (int k = 0; !own && k < 5 && s->questions[k][0]; k++)
        json_array_append_new(qs, json_pack("{s:s, s:s}", "question", s->questions[k][0], "answer",
                                            s->questions[k][1]));
    json_array_append_new(qs, json_pack("{s:s, s:s}", "question",
                                        "Apakah masih ada keterangan lain yang ingin Saudara "
                                        "tambahkan?",
                                        "answer", "Tidak ada."));
    return qs;
}

/* A BAP of kind (saksi, tersangka, ahli): a suspect is told of counsel
 * (KUHAP 114, 56(1): five years or more, counsel is appointed), an expert
 * sworn with the expertise named (KUHAP 120). */
static json_t *bap_content(const struct story *s, json_t *person, const char *kind,
                           bool counsel_mandatory)
{
    json_t *c = json_pack("{s:o, s:s, s:b}", "questions", bap_questions(s, person), "finished_at",
                          "12:30", "signed", 1);
    if (strcmp(kind, "tersangka") == 0) {
        json_object_set_new(c, "counsel_informed", json_true());
        json_object_set_new(c, "counsel",
                            counsel_mandatory ? json_pack("{s:s, s:s, s:s}", "status", "present",
                                                          "name", "Rahmat Hidayat, S.H.", "office",
                                                          "Pos Bantuan Hukum Advokat Indonesia")
                                              : json_pack("{s:s}", "status", "refused"));
    }
    if (strcmp(kind, "ahli") == 0) {
        json_object_set_new(c, "oath", json_string("sumpah"));
        json_object_set_new(c, "expertise", json_incref(json_object_get(person, "expertise")));
    }
    const char *interpreter = json_string_value(json_object_get(person, "interpreter"));
    const char *language = json_string_value(json_object_get(person, "language"));
    if (interpreter && *interpreter)
        json_object_set_new(c, "interpreter",
                            json_pack("{s:s, s:s}", "name", interpreter, "language",
                                      language && *language ? language : "-"));
    return c;
}

static json_t *resume_content(const struct story *s, const char *name, json_t *charges)
{
    json_t *facts = json_array(), *analysis = json_array();
    for (int i = 0; i < 4 && s->facts[i]; i++)
        json_array_append_new(facts, named(s->facts[i], name));
    size_t i, k;
    json_t *ch, *e;
    json_array_foreach(charges, i, ch)
    {
        json_array_foreach(json_object_get(ch, "elements"), k, e)
        {
            const char *text = k < 4 && s->analysis[k]
                                   ? s->analysis[k]
                                   : "Fakta-fakta tersebut di atas memenuhi unsur ini.";
            json_array_append_new(analysis,
                                  json_pack("{s:O, s:O, s:o}", "charge",
                                            json_object_get(ch, "charge"), "element",
                                            json_object_get(e, "no"), "text", named(text, name)));
        }
    }
    return json_pack("{s:o, s:o, s:o, s:o}", "summary", named(s->summary, name), "facts", facts,
                     "analysis", analysis, "conclusion", named(s->conclusion, name));
}

bool demo_content_issue(struct app *app, const struct actor *who, long long case_id,
                        long long event_id, const char *form, const char *offence, json_t *person,
                        bool issue, struct berr *err)
{
    const struct story *s = story_of(offence);
    bool bap = strncmp(form, "bap_", 4) == 0;
    json_t *content = NULL, *out = NULL, *doc = NULL;
    bool created, ok = true;
    struct audit_rec au = {.method = "DEMO", .route = "demo"};
    if (bap) {
        json_t *view = app_bap_get(app, who, case_id, event_id, &au, err);
        ok = view != NULL;
        if (ok)
            content = bap_content(s, person, form + 4,
                                  json_is_true(json_object_get(view, "counsel_mandatory")));
        json_decref(view);
        struct audit_rec wa = {.method = "DEMO", .route = "demo"};
        ok = ok && app_bap_put(app, who, case_id, event_id, content, -1, &out, &created, &wa, err);
    } else {
        json_t *view = app_resume_get(app, who, case_id, event_id, &au, err);
        ok = view != NULL;
        if (ok)
            content = resume_content(s, json_string_value(json_object_get(person, "name")),
                                     json_object_get(view, "charges"));
        json_decref(view);
        struct audit_rec wa = {.method = "DEMO", .route = "demo"};
        ok = ok &&
             app_resume_put(app, who, case_id, event_id, content, -1, &out, &created, &wa, err);
    }
    json_t *params = json_object();
    struct audit_rec ia = {.method = "DEMO", .route = "demo"};
    ok =
        ok && (!issue || app_form_issue(app, who, case_id, form, event_id, params, &doc, &ia, err));
    json_decref(params);
    json_decref(doc);
    json_decref(out);
    json_decref(content);
    return ok;
}
