/*
 * demo.c - the demo data: the offices of the field and fictional people in
 * them, loaded through the same use cases an administrator uses.
 *
 * The names and NIPs are invented.  The offices are the real ones the
 * project starts with (DOMAIN.md 2.1): Ditjen Imigrasi; Kanwil Sumatera
 * Selatan, Kalimantan Barat, Kalimantan Selatan; Kantor Imigrasi Palembang,
 * Muara Enim, Pontianak, Batulicin (WITA); and the Kejaksaan Negeri that
 * receive their files.  Letterheads change on 21 October 2024, when
 * Kemenkumham was split and immigration moved to Kemen Imipas.
 */
#include "admin.h"
#include "demo.h"

#include <stdio.h>
#include <string.h>

#include "identity.h"
#include "store/offices.h"
#include "store/tx.h"

struct demo_office {
    const char *code, *parent, *kind, *name, *tz, *class_name, *city;
};

static const struct demo_office offices[] = {
    {"DITJEN", NULL, "ditjen", "Direktorat Jenderal Imigrasi", "Asia/Jakarta", NULL, "JAKARTA"},
    {"KANWIL-SUMSEL", "DITJEN", "kanwil", "Kantor Wilayah Sumatera Selatan", "Asia/Jakarta", NULL,
     "PALEMBANG"},
    {"KANWIL-KALBAR", "DITJEN", "kanwil", "Kantor Wilayah Kalimantan Barat", "Asia/Jakarta", NULL,
     "PONTIANAK"},
    {"KANWIL-KALSEL", "DITJEN", "kanwil", "Kantor Wilayah Kalimantan Selatan", "Asia/Makassar",
     NULL, "BANJARMASIN"},
    {"KANIM-PLG", "KANWIL-SUMSEL", "kanim", "Kantor Imigrasi Kelas I TPI Palembang", "Asia/Jakarta",
     "Kelas I TPI", "PALEMBANG"},
    {"KANIM-MRE", "KANWIL-SUMSEL", "kanim", "Kantor Imigrasi Kelas II Non TPI Muara Enim",
     "Asia/Jakarta", "Kelas II Non TPI", "MUARA ENIM"},
    {"KANIM-PTK", "KANWIL-KALBAR", "kanim", "Kantor Imigrasi Kelas I Non TPI Pontianak",
     "Asia/Jakarta", "Kelas I Non TPI", "PONTIANAK"},
    {"KANIM-BLC", "KANWIL-KALSEL", "kanim", "Kantor Imigrasi Kelas II TPI Batulicin",
     "Asia/Makassar", "Kelas II TPI", "BATULICIN"},
    {"KEJAGUNG", NULL, "kejagung", "Kejaksaan Agung Republik Indonesia", "Asia/Jakarta", NULL,
     "JAKARTA"},
    {"KEJATI-SUMSEL", "KEJAGUNG", "kejati", "Kejaksaan Tinggi Sumatera Selatan", "Asia/Jakarta",
     NULL, "PALEMBANG"},
    {"KEJATI-KALBAR", "KEJAGUNG", "kejati", "Kejaksaan Tinggi Kalimantan Barat", "Asia/Jakarta",
     NULL, "PONTIANAK"},
    {"KEJATI-KALSEL", "KEJAGUNG", "kejati", "Kejaksaan Tinggi Kalimantan Selatan", "Asia/Makassar",
     NULL, "BANJARMASIN"},
    {"KEJARI-PLG", "KEJATI-SUMSEL", "kejari", "Kejaksaan Negeri Palembang", "Asia/Jakarta", NULL,
     "PALEMBANG"},
    {"KEJARI-MRE", "KEJATI-SUMSEL", "kejari", "Kejaksaan Negeri Muara Enim", "Asia/Jakarta", NULL,
     "MUARA ENIM"},
    {"KEJARI-PTK", "KEJATI-KALBAR", "kejari", "Kejaksaan Negeri Pontianak", "Asia/Jakarta", NULL,
     "PONTIANAK"},
    {"KEJARI-TNB", "KEJATI-KALSEL", "kejari", "Kejaksaan Negeri Tanah Bumbu", "Asia/Makassar", NULL,
     "BATULICIN"},
};

const struct demo_user demo_users[] = {
    {"198001152005011002", "Hendra Wijaya", "Pembina", "IV/a", "Direktur Pengawasan (fiktif)",
     "DITJEN", "admin", NULL, NULL},
    {"198207202006042001", "Ratna Sari Dewi", "Pembina", "IV/a", "Kasubdit Penyidikan Keimigrasian",
     "DITJEN", "supervisor", NULL, NULL},
    {"197905032003121003", "Bambang Sutrisno", "Pembina", "IV/a",
     "Kepala Bidang Intelijen dan Penindakan", "KANWIL-SUMSEL", "supervisor", NULL, NULL},
    {"198811112010121001", "Andi Pratama", "Penata", "III/c", "PPNS Keimigrasian", "KANIM-PLG",
     "investigator", "PPNS-IMI-0412/2021", "2027-06-30"},
    {"199002142014022002", "Siti Nurhaliza Putri", "Penata Muda Tk. I", "III/b",
     "PPNS Keimigrasian", "KANIM-PLG", "investigator", "PPNS-IMI-0519/2022", "2028-03-31"},
    {"198604302009011004", "Rudi Hartono", "Penata Tk. I", "III/d", "Kepala Seksi Inteldakim",
     "KANIM-PLG", "supervisor", NULL, NULL},
    {"199107082015031001", "Yoga Saputra", "Penata Muda Tk. I", "III/b", "PPNS Keimigrasian",
     "KANIM-MRE", "investigator", "PPNS-IMI-0601/2023", "2028-12-31"},
    {"198912242012122002", "Dewi Lestari", "Penata", "III/c", "PPNS Keimigrasian", "KANIM-PTK",
     "investigator", "PPNS-IMI-0377/2020", "2026-12-31"},
    {"198303172008011001", "Agus Salim", "Penata Tk. I", "III/d", "Kepala Seksi Inteldakim",
     "KANIM-PTK", "supervisor", NULL, NULL},
    {"199205052016031002", "Muhammad Rizky", "Penata Muda", "III/a", "PPNS Keimigrasian",
     "KANIM-BLC", "investigator", "PPNS-IMI-0655/2024", "2029-01-31"},
    {"198110102006042002", "Fitri Handayani", "Jaksa Madya", "IV/a", "Jaksa Fungsional",
     "KEJARI-PLG", "prosecutor", NULL, NULL},
    {"198506062010011003", "Joko Susilo", "Jaksa Muda", "III/d", "Jaksa Fungsional", "KEJARI-MRE",
     "prosecutor", NULL, NULL},
    {"198708182011012001", "Maria Ulfa", "Jaksa Muda", "III/d", "Jaksa Fungsional", "KEJARI-PTK",
     "prosecutor", NULL, NULL},
    {"198402292009121002", "Yusuf Rahman", "Jaksa Madya", "IV/a", "Jaksa Fungsional", "KEJARI-TNB",
     "prosecutor", NULL, NULL},
    {"197812012002121001", "Surya Dharma", "Pembina", "IV/a", "Administrator sistem (fiktif)",
     "KEJAGUNG", "admin", NULL, NULL},
};
const size_t demo_users_count = sizeof demo_users / sizeof demo_users[0];

static long long office_id(struct app *app, const char *code, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, 0, err))
        return 0;
    struct store_offices o;
    bool ok = store_office_by_code(&tx, code, &o, err);
    tx_end(&tx);
    long long id = ok && o.n == 1 ? o.items[0].id : 0;
    store_offices_free(&o);
    return id;
}

/* Letterhead lines before and after the ministry split of 21 October 2024. */
static bool add_letterheads(struct app *app, const struct demo_office *o, long long id,
                            struct berr *err)
{
    char kanwil[128] = "", self[160];
    for (size_t i = 0; i < sizeof offices / sizeof offices[0]; i++)
        if (o->parent && strcmp(offices[i].code, o->parent) == 0 &&
            strcmp(offices[i].kind, "kanwil") == 0)
            snprintf(kanwil, sizeof kanwil, "KANTOR WILAYAH %s", offices[i].name + 15);
    snprintf(self, sizeof self, "%s", o->name);
    for (char *p = self; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 32);
    for (char *p = kanwil; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 32);
    json_t *before = json_array(), *after = json_array();
    json_array_append_new(
        before, json_string("KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA REPUBLIK INDONESIA"));
    json_array_append_new(
        after, json_string("KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA"));
    json_array_append_new(after, json_string("DIREKTORAT JENDERAL IMIGRASI"));
    if (kanwil[0]) {
        json_array_append_new(before, json_string(kanwil));
        json_array_append_new(after, json_string(kanwil));
    }
    if (strcmp(o->kind, "ditjen") != 0) {
        json_array_append_new(before, json_string(self));
        json_array_append_new(after, json_string(self));
    } else {
        json_array_append_new(before, json_string("DIREKTORAT JENDERAL IMIGRASI"));
    }
    json_array_append_new(before, json_string(o->city));
    json_array_append_new(after, json_string(o->city));
    struct audit_rec au1 = {.method = "DEMO", .route = "demo"};
    struct audit_rec au2 = au1;
    bool ok = app_letterhead_add(app, NULL, id, "2000-01-01", before, &au1, err) &&
              app_letterhead_add(app, NULL, id, "2024-10-21", after, &au2, err);
    json_decref(before);
    json_decref(after);
    return ok;
}

/* A Kejaksaan's kop: KEJAKSAAN REPUBLIK INDONESIA, then the Kejati above a
 * Kejari, then the office itself (DOMAIN.md 12), then the city. */
static bool kejaksaan_letterhead(struct app *app, const struct demo_office *o, long long id,
                                 struct berr *err)
{
    char self[160], parent[160] = "";
    snprintf(self, sizeof self, "%s", o->name);
    for (size_t i = 0;
         o->parent && strcmp(o->kind, "kejari") == 0 && i < sizeof offices / sizeof offices[0]; i++)
        if (strcmp(offices[i].code, o->parent) == 0)
            snprintf(parent, sizeof parent, "%s", offices[i].name);
    for (char *p = self; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 32);
    for (char *p = parent; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 32);
    json_t *lines =
        strcmp(o->kind, "kejagung") == 0 ? json_pack("[s, s]", self, o->city)
        : *parent ? json_pack("[s, s, s, s]", "KEJAKSAAN REPUBLIK INDONESIA", parent, self, o->city)
                  : json_pack("[s, s, s]", "KEJAKSAAN REPUBLIK INDONESIA", self, o->city);
    struct audit_rec au = {.method = "DEMO", .route = "demo"};
    bool ok = app_letterhead_add(app, NULL, id, "2000-01-01", lines, &au, err);
    json_decref(lines);
    return ok;
}

/* Who signs for each office (fictional people): the Kepala Kantor of each
 * Kantor Imigrasi, and at Palembang a new Kepala from 1 December 2025 with a
 * Plh. in between, so documents show the signer in force on their date;
 * the Kepala Kejaksaan Negeri and the Kasi Pidum of each Kejari. */
static const struct demo_official {
    const char *office, *role, *title, *acting, *name, *nip, *pangkat, *golongan, *from, *to;
} officials[] = {
    {"KANIM-PLG", "kepala_kantor", "Kepala Kantor Imigrasi Kelas I TPI Palembang", "",
     "Surya Dharma Putra", "197203101995031001", "Pembina Tk. I", "IV/b", "2020-01-06",
     "2025-11-20"},
    {"KANIM-PLG", "kepala_kantor", "Kepala Kantor Imigrasi Kelas I TPI Palembang", "Plh.",
     "Rudi Hartono", "198604302009011004", "Penata Tk. I", "III/d", "2025-11-21", "2025-11-30"},
    {"KANIM-PLG", "kepala_kantor", "Kepala Kantor Imigrasi Kelas I TPI Palembang", "",
     "Made Wirawan Kusuma", "197711222000121001", "Pembina", "IV/a", "2025-12-01", NULL},
    {"KANIM-PLG", "kepala_inteldakim", "Kepala Seksi Intelijen dan Penindakan Keimigrasian", "",
     "Rudi Hartono", "198604302009011004", "Penata Tk. I", "III/d", "2021-03-01", NULL},
    {"KANIM-MRE", "kepala_kantor", "Kepala Kantor Imigrasi Kelas II Non TPI Muara Enim", "",
     "Fajar Nugroho", "197805152001121002", "Pembina", "IV/a", "2019-07-01", NULL},
    {"KANIM-PTK", "kepala_kantor", "Kepala Kantor Imigrasi Kelas I Non TPI Pontianak", "",
     "Lilis Suryani", "197609092000032001", "Pembina Tk. I", "IV/b", "2021-01-04", NULL},
    {"KANIM-BLC", "kepala_kantor", "Kepala Kantor Imigrasi Kelas II TPI Batulicin", "",
     "Gusti Made Arsana", "198001012003121001", "Pembina", "IV/a", "2022-05-02", NULL},
    {"KEJARI-PLG", "kepala_kejari", "Kepala Kejaksaan Negeri Palembang", "", "Hari Setiawan",
     "197101011996031001", "Jaksa Utama Pratama", "IV/b", "2022-01-03", NULL},
    {"KEJARI-PLG", "kasi_pidum", "Kepala Seksi Tindak Pidana Umum", "", "Nur Aini",
     "198003032005012001", "Jaksa Madya", "IV/a", "2023-02-01", NULL},
    {"KEJARI-MRE", "kepala_kejari", "Kepala Kejaksaan Negeri Muara Enim", "", "Taufik Hidayat",
     "197302021998031002", "Jaksa Utama Pratama", "IV/b", "2022-01-03", NULL},
    {"KEJARI-PTK", "kepala_kejari", "Kepala Kejaksaan Negeri Pontianak", "", "Yohanes Kurniawan",
     "197404041999031003", "Jaksa Utama Pratama", "IV/b", "2022-01-03", NULL},
    {"KEJARI-TNB", "kepala_kejari", "Kepala Kejaksaan Negeri Tanah Bumbu", "", "Abdul Gani",
     "197505052000031004", "Jaksa Utama Pratama", "IV/b", "2022-01-03", NULL},
};

static bool add_officials(struct app *app, struct berr *err)
{
    for (size_t i = 0; i < sizeof officials / sizeof officials[0]; i++) {
        const struct demo_official *o = &officials[i];
        struct official_input in = {.role = o->role,
                                    .title = o->title,
                                    .acting = o->acting,
                                    .name = o->name,
                                    .nip = o->nip,
                                    .pangkat = o->pangkat,
                                    .golongan = o->golongan,
                                    .valid_from = o->from,
                                    .valid_to = o->to};
        long long office = office_id(app, o->office, err), id;
        struct audit_rec au = {.method = "DEMO", .route = "demo"};
        if (!office)
            return berr_set(err, BERR_INTERNAL, "demo: no office %s", o->office);
        if (!app_official_add(app, NULL, office, &in, &id, &au, err))
            return false;
    }
    return true;
}

bool demo_load(struct app *app, bool *loaded, struct berr *err)
{
    *loaded = false;
    if (office_id(app, "DITJEN", err) != 0)
        return true; /* there already */
    if (err->kind != BERR_NONE)
        return false;
    for (size_t i = 0; i < sizeof offices / sizeof offices[0]; i++) {
        const struct demo_office *o = &offices[i];
        struct office_input in = {.kind = o->kind,
                                  .code = o->code,
                                  .name = o->name,
                                  .tz = o->tz,
                                  .class_name = o->class_name};
        if (o->parent && !(in.parent_id = office_id(app, o->parent, err)))
            return berr_set(err, BERR_INTERNAL, "demo: no parent %s", o->parent);
        long long id;
        struct audit_rec au = {.method = "DEMO", .route = "demo"};
        if (!app_office_create(app, NULL, &in, &id, &au, err))
            return false;
        bool kejaksaan = strncmp(o->kind, "kej", 3) == 0;
        if (!(kejaksaan ? kejaksaan_letterhead(app, o, id, err) : add_letterheads(app, o, id, err)))
            return false;
    }
    /* One argon2id hash (64 MiB, ~0.3 s) for the forty users who share the
     * demo password, not forty: the first start with --demo went from 22 s to 9 s. */
    char hash[crypto_pwhash_STRBYTES];
    if (!app_password_hash(DEMO_PASSWORD, hash))
        return berr_set(err, BERR_INTERNAL, "out of memory hashing a password");
    for (size_t i = 0; i < demo_users_count; i++) {
        const struct demo_user *u = &demo_users[i];
        struct user_input in = {.nip = u->nip,
                                .name = u->name,
                                .pangkat = u->pangkat,
                                .golongan = u->golongan,
                                .position = u->position,
                                .role = u->role,
                                .password = DEMO_PASSWORD,
                                .password_hash = hash,
                                .ppns_card_no = u->ppns_card_no,
                                .ppns_valid_until = u->ppns_valid_until};
        if (!(in.office_id = office_id(app, u->office, err)))
            return berr_set(err, BERR_INTERNAL, "demo: no office %s", u->office);
        long long id;
        struct audit_rec au = {.method = "DEMO", .route = "demo"};
        if (!app_user_create(app, NULL, &in, &id, &au, err))
            return false;
    }
    if (!add_officials(app, err))
        return false;
    *loaded = true;
    return true;
}
