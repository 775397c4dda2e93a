/* test_catalog.c - stages, events and missing facts: the codes are exactly
 * DESIGN.md's, every one has an Indonesian label and a basis, lookups are
 * exact, and each event names who may record it. */
#include <check.h>
#include <string.h>

#include "core/event.h"
#include "core/facts.h"
#include "core/stage.h"
#include "suites.h"

/* DESIGN.md "The state machine (core)", in order, with their labels. */
static const char *const design_stages[][2] = {
    {"pre_investigation", "Prapenyidikan"},
    {"investigation", "Penyidikan"},
    {"with_prosecutor", "Penelitian berkas (Tahap I)"},
    {"returned", "Dikembalikan (P-19)"},
    {"complete", "Lengkap (P-21)"},
    {"handed_over", "Tahap II selesai"},
    {"lapsed", "Berkas dikembalikan, penyidikan terhenti"},
    {"terminated", "Dihentikan (SP3)"},
    {"administrative", "Tindakan administratif (TAK)"},
    {"dismissed", "Tidak dilanjutkan"},
};

/* DESIGN.md "The event catalogue", in order. */
static const char *const design_events[] = {
    "report_registered", "pre_investigation_ordered", "tak_decided", "dismissed", "sprindik_issued",
    "spdp_sent",
    /* issue 10: the Kejari's receipt of the SPDP */
    "spdp_received_by_pu", "suspect_designated", "letter_delivered", "notice_undelivered",
    "summons_served", "bap_recorded", "interpreter_sworn", "search_done", "seizure_done",
    /* DOMAIN 4.9, D8: the Ketua PN's Penetapan (izin or persetujuan) */
    "court_permit_received", "evidence_deposited", "resume_written", "arrested", "detained",
    "detention_extended_pu", "detention_extended_court", "detention_suspended",
    "detention_type_changed", "released", "detensi_started", "detensi_ended", "tahap1_sent",
    "tahap1_received_by_pu", "p16_received", "p17_received", "p18_received", "p19_received",
    /* issue 13.4-5: a later return by ordinary
     * letter (SE B-3326/2011) and the
     * investigator's receipt of the returned file
     * (KUHAP 138(2)) */
    "return_letter_received", "returned_file_received", "instruction_answered", "resubmitted",
    "p20_received", "p21_received", "deemed_complete_confirmed", "p21a_received", "p22_received",
    "p23_received", "tahap2_done", "short_procedure_handover", "lapsed", "sp3_issued",
    "sp3_notified", "reopened", "review_note", "direction_given", "direction_done", "reassigned",
    "corrected"};

#define NDESIGN_EVENTS ((int)(sizeof design_events / sizeof design_events[0]))

START_TEST(test_stage_codes_and_labels_are_designs)
{
    ck_assert_int_eq(ST__COUNT, 10);
    for (int i = 0; i < ST__COUNT; i++) {
        ck_assert_str_eq(stage_code((enum stage)i), design_stages[i][0]);
        ck_assert_str_eq(stage_label((enum stage)i), design_stages[i][1]);
        ck_assert_int_gt((int)strlen(stage_basis((enum stage)i)), 0);
        enum stage s = ST__COUNT;
        ck_assert(stage_lookup(design_stages[i][0], &s));
        ck_assert_int_eq(s, i);
    }
}
END_TEST

START_TEST(test_unknown_stage_codes_are_refused)
{
    enum stage s = ST_COMPLETE;
    ck_assert(!stage_lookup("Penyidikan", &s));
    ck_assert(!stage_lookup("INVESTIGATION", &s));
    ck_assert(!stage_lookup("", &s));
    ck_assert(!stage_lookup(NULL, &s));
    ck_assert_int_eq(s, ST_COMPLETE);
    ck_assert_str_eq(stage_code(ST__COUNT), "");
    ck_assert_str_eq(stage_label((enum stage) - 1), "");
    ck_assert(!stage_valid(ST__COUNT));
}
END_TEST

START_TEST(test_only_three_stages_are_terminal)
{
    for (int i = 0; i < ST__COUNT; i++) {
        bool expect = i == ST_HANDED_OVER || i == ST_ADMINISTRATIVE || i == ST_DISMISSED;
        ck_assert_int_eq(stage_terminal((enum stage)i), expect);
    }
}
END_TEST

START_TEST(test_event_codes_are_the_design_catalogue)
{
    ck_assert_int_eq(EV__COUNT, NDESIGN_EVENTS);
    for (int i = 0; i < EV__COUNT; i++) {
        const struct event_info *info = event_info((enum event)i);
        ck_assert_ptr_nonnull(info);
        ck_assert_str_eq(info->code, design_events[i]);
        ck_assert_str_eq(event_code((enum event)i), design_events[i]);
        ck_assert_msg(strlen(info->label) > 3, "%s has no label", info->code);
        ck_assert_msg(strlen(info->basis) > 3, "%s has no basis", info->code);
        ck_assert_msg(info->recorders != 0, "%s has no recorder", info->code);
        enum event e = EV__COUNT;
        ck_assert(event_lookup(design_events[i], &e));
        ck_assert_int_eq(e, i);
    }
}
END_TEST

START_TEST(test_event_labels_are_distinct)
{
    for (int i = 0; i < EV__COUNT; i++)
        for (int j = i + 1; j < EV__COUNT; j++)
            ck_assert_str_ne(event_label((enum event)i), event_label((enum event)j));
}
END_TEST

START_TEST(test_unknown_event_codes_are_refused)
{
    enum event e = EV_CORRECTED;
    ck_assert(!event_lookup("p21", &e));
    ck_assert(!event_lookup("P21_RECEIVED", &e));
    ck_assert(!event_lookup("tahap1_sent ", &e));
    ck_assert(!event_lookup("", &e));
    ck_assert(!event_lookup(NULL, &e));
    ck_assert_int_eq(e, EV_CORRECTED);
    ck_assert_ptr_null(event_info(EV__COUNT));
    ck_assert_ptr_null(event_info((enum event) - 1));
    ck_assert_str_eq(event_code(EV__COUNT), "");
}
END_TEST

START_TEST(test_prosecutor_records_the_p_forms_and_the_receipt)
{
    const char *pu_only[] = {"spdp_received_by_pu",   "tahap1_received_by_pu", "p16_received",
                             "p17_received",          "p18_received",          "p19_received",
                             "p20_received",          "p21_received",          "p21a_received",
                             "p22_received",          "p23_received",          "lapsed",
                             "return_letter_received"};
    for (size_t i = 0; i < sizeof pu_only / sizeof pu_only[0]; i++) {
        enum event e;
        ck_assert(event_lookup(pu_only[i], &e));
        ck_assert_msg(event_recordable_by(e, ACTOR_PROSECUTOR), "%s", pu_only[i]);
        ck_assert_msg(!event_recordable_by(e, ACTOR_INVESTIGATOR), "%s", pu_only[i]);
        ck_assert_msg(!event_recordable_by(e, ACTOR_SUPERVISOR), "%s", pu_only[i]);
    }
}
END_TEST

START_TEST(test_supervisor_records_notes_directions_and_reassignments)
{
    enum event sup[] = {EV_REVIEW_NOTE, EV_DIRECTION_GIVEN, EV_REASSIGNED};
    for (size_t i = 0; i < 3; i++) {
        ck_assert(event_recordable_by(sup[i], ACTOR_SUPERVISOR));
        ck_assert(!event_recordable_by(sup[i], ACTOR_INVESTIGATOR));
        ck_assert(!event_recordable_by(sup[i], ACTOR_PROSECUTOR));
    }
    /* The investigator reports a direction done. */
    ck_assert(event_recordable_by(EV_DIRECTION_DONE, ACTOR_INVESTIGATOR));
    ck_assert(!event_recordable_by(EV_DIRECTION_DONE, ACTOR_SUPERVISOR));
}
END_TEST

START_TEST(test_investigator_records_everything_else_and_anyone_corrects)
{
    int investigator = 0;
    for (int i = 0; i < EV__COUNT; i++)
        if (event_recordable_by((enum event)i, ACTOR_INVESTIGATOR))
            investigator++;
    /* 54 events - 13 prosecutor-only - 3 supervisor-only. */
    ck_assert_int_eq(investigator, 38);
    ck_assert(event_recordable_by(EV_CORRECTED, ACTOR_INVESTIGATOR));
    ck_assert(event_recordable_by(EV_CORRECTED, ACTOR_PROSECUTOR));
    ck_assert(event_recordable_by(EV_CORRECTED, ACTOR_SUPERVISOR));
    ck_assert(!event_recordable_by(EV_TAHAP1_SENT, ACTOR_COURT));
    ck_assert(!event_recordable_by(EV_TAHAP1_SENT, ACTOR_NONE));
    ck_assert(!event_recordable_by(EV__COUNT, ACTOR_INVESTIGATOR));
}
END_TEST

START_TEST(test_per_suspect_events_are_the_detention_group_and_designation)
{
    int n = 0;
    for (int i = 0; i < EV__COUNT; i++) {
        const struct event_info *info = event_info((enum event)i);
        if (info->per_suspect) {
            n++;
            ck_assert(info->group == EVG_SUSPECT || i == EV_SUSPECT_DESIGNATED);
        }
        ck_assert_int_eq(event_is_detention((enum event)i), info->group == EVG_SUSPECT);
    }
    ck_assert_int_eq(n, 10);
    ck_assert_str_eq(event_group_code(EVG_FILE), "file_movement");
    ck_assert_str_eq(event_group_code(EVG_SUSPECT), "per_suspect");
}
END_TEST

START_TEST(test_actor_codes_and_labels)
{
    ck_assert_str_eq(actor_code(ACTOR_INVESTIGATOR), "investigator");
    ck_assert_str_eq(actor_code(ACTOR_PROSECUTOR), "prosecutor");
    ck_assert_str_eq(actor_code(ACTOR_SUPERVISOR), "supervisor");
    ck_assert_str_eq(actor_code(ACTOR_COURT), "court");
    ck_assert_str_eq(actor_code(ACTOR_NONE), "");
    ck_assert_str_eq(actor_label(ACTOR_PROSECUTOR), "Penuntut Umum");
    ck_assert_str_eq(actor_label(ACTOR_COURT), "Ketua Pengadilan Negeri");
}
END_TEST

START_TEST(test_missing_fact_codes_are_stable_and_described)
{
    const char *codes[] = {"ruleset", "laporan", "spdp_sent", "suspect", "bap_tersangka", "resume",
                           "instructions_answered", "tahap1_received", "pu_period_elapsed", "p21",
                           "tahap2_period_elapsed", "short_procedure_offence", "detainable_offence",
                           "polri_order", "court_extension_ground", "polri_involvement",
                           "detention_in_force", "extension_within_limit", "detention_days_left",
                           /* issue 13.2-5 */
                           "new_submission", "pu_return_in_time", "first_return", "p19_given",
                           "return_unreceived", "resend_period_elapsed",
                           /* issue 13.6 */
                           "summons_notice",
                           /* issue 13.9, 13.7 */
                           "interpreter_sworn", "arrest_period",
                           /* acceptance play3 #20 */
                           "custody_notice",
                           /* reviewer's finding 5 of 2026-12-07 */
                           "notice_owed",
                           /* acceptance play4 #8 */
                           "sp3_stands"};
    ck_assert_int_eq(FACT__COUNT, (int)(sizeof codes / sizeof codes[0]));
    for (int i = 0; i < FACT__COUNT; i++) {
        ck_assert_str_eq(fact_code((enum fact)i), codes[i]);
        ck_assert_int_gt((int)strlen(fact_label((enum fact)i)), 5);
        enum fact f;
        ck_assert(fact_lookup(codes[i], &f));
        ck_assert_int_eq(f, i);
    }
    enum fact f;
    ck_assert(!fact_lookup("SPDP", &f));
    ck_assert_str_eq(fact_code(FACT__COUNT), "");
}
END_TEST

/* Every missing fact says how to supply it (issue 8.7), in Indonesian,
 * naming the act to record with the case's id where one is recorded. */
START_TEST(test_every_missing_fact_says_how_to_supply_it)
{
    char hint[400];
    for (int i = 0; i < FACT__COUNT; i++) {
        fact_hint((enum fact)i, 12, hint, sizeof hint);
        ck_assert_msg(strlen(hint) > 15, "%s has no how-to", fact_code((enum fact)i));
        ck_assert_ptr_null(strstr(hint, "{case}"));
    }
    fact_hint(FACT_SPDP_SENT, 12, hint, sizeof hint);
    ck_assert_ptr_nonnull(strstr(hint, "berkas record 12 spdp_sent"));
    fact_hint(FACT_SPDP_SENT, 0, hint, sizeof hint);
    ck_assert_ptr_nonnull(strstr(hint, "berkas record PERKARA spdp_sent"));
    fact_hint(FACT_RESUME, 7, hint, 12); /* cut short, still a string */
    ck_assert_int_eq((int)strlen(hint), 11);
    fact_hint(FACT__COUNT, 7, hint, sizeof hint);
    ck_assert_str_eq(hint, "");
    /* the acts that establish a fact: the SPDP by spdp_sent, a complete file
     * by P-21 or its deemed completion (KUHAP 110(4)); an offence by none */
    ck_assert_int_eq(fact_sources(FACT_SPDP_SENT)[0].ev, EV_SPDP_SENT);
    ck_assert_int_eq(fact_sources(FACT_P21)[0].ev, EV_P21_RECEIVED);
    ck_assert_int_eq(fact_sources(FACT_P21)[1].ev, EV_DEEMED_COMPLETE_CONFIRMED);
    ck_assert_int_eq(fact_sources(FACT_BAP_TERSANGKA)[0].variant, AV_BAP_TERSANGKA);
    ck_assert_int_eq(fact_sources(FACT_DETAINABLE_OFFENCE)[0].ev, EV__COUNT);
}
END_TEST

static evfield_mask bit(enum event_field f)
{
    return EVF_BIT(f);
}

/* Issue 13.11: an act refuses what it does not take.  The expectations
 * are the acts' own nature: days belong to an extension (KUHAP 24(2), 29),
 * the kind of BAP to an examination, a P-19's items to the P-19. */
START_TEST(test_acts_take_only_their_own_fields)
{
    ck_assert_int_eq(event_field_unexpected(EV_TAHAP1_SENT, EV_TAHAP1_SENT, false, bit(EVF_DAYS)),
                     EVF_DAYS);
    ck_assert_int_eq(event_field_unexpected(EV_DETENTION_EXTENDED_PU, EV_DETENTION_EXTENDED_PU,
                                            false, bit(EVF_DAYS) | bit(EVF_PARTY_ID)),
                     EVF__COUNT);
    ck_assert_int_eq(event_field_unexpected(EV_RESUBMITTED, EV_RESUBMITTED, false,
                                            bit(EVF_INSTRUCTIONS) | bit(EVF_BAP)),
                     EVF_BAP); /* the first in the API's order */
    ck_assert_int_eq(event_field_missing(EV_P19_RECEIVED, EV_P19_RECEIVED, false, 0),
                     EVF_INSTRUCTIONS);
    ck_assert_int_eq(event_field_missing(EV_DETAINED, EV_DETAINED, false, 0), EVF_PARTY_ID);
    ck_assert_int_eq(event_field_missing(EV_DIRECTION_GIVEN, EV_DIRECTION_GIVEN, false, 0),
                     EVF_DUE);
    /* a correction takes what the act it corrects takes, but not the P-19's
     * items, which stay the original's; a withdrawal takes nothing more */
    ck_assert_int_eq(event_field_unexpected(EV_CORRECTED, EV_BAP_RECORDED, false,
                                            bit(EVF_CORRECTS) | bit(EVF_BAP) | bit(EVF_PARTY_ID)),
                     EVF__COUNT);
    ck_assert_int_eq(event_field_unexpected(EV_CORRECTED, EV_BAP_RECORDED, false,
                                            bit(EVF_CORRECTS) | bit(EVF_DAYS)),
                     EVF_DAYS);
    ck_assert_int_eq(event_field_unexpected(EV_CORRECTED, EV_P19_RECEIVED, false,
                                            bit(EVF_CORRECTS) | bit(EVF_INSTRUCTIONS)),
                     EVF_INSTRUCTIONS);
    ck_assert_int_eq(event_field_missing(EV_CORRECTED, EV_P19_RECEIVED, false, bit(EVF_CORRECTS)),
                     EVF__COUNT);
    ck_assert_int_eq(
        event_field_unexpected(EV_CORRECTED, EV_ARRESTED, true,
                               bit(EVF_CORRECTS) | bit(EVF_WITHDRAWS) | bit(EVF_PARTY_ID)),
        EVF_PARTY_ID);
    ck_assert_int_eq(event_field_missing(EV_CORRECTED, EV_ARRESTED, false, bit(EVF_CORRECTS)),
                     EVF_PARTY_ID);
    ck_assert_str_eq(event_field_code(EVF_DETENTION_TYPE), "detention_type");
    ck_assert_str_eq(event_field_code(EVF__COUNT), "");
}
END_TEST

START_TEST(test_missing_list_keeps_each_fact_once_in_order)
{
    struct missing m = {0};
    missing_add(&m, FACT_RESUME);
    missing_add(&m, FACT_SPDP_SENT);
    missing_add(&m, FACT_RESUME);
    ck_assert_int_eq(m.n, 2);
    ck_assert_int_eq(m.list[0], FACT_RESUME);
    ck_assert_int_eq(m.list[1], FACT_SPDP_SENT);
    ck_assert(missing_has(&m, FACT_SPDP_SENT));
    ck_assert(!missing_has(&m, FACT_SUSPECT));
    missing_clear(&m);
    ck_assert_int_eq(m.n, 0);
}
END_TEST

START_TEST(test_an_sp3_notice_goes_to_the_laws_addressees_only)
{
    /* KUHAP 1981 Pasal 109(3): the PU and the Polri investigator (Korwas PPNS); UU 20/2025
     * Pasal 24(4): the PU, the victim and/or the suspect; his family, the reporter (DOMAIN
     * 4.15) */
    static const char *const to[] = {"kejari", "korwas", "suspect", "family", "reporter"};
    for (size_t i = 0; i < sizeof to / sizeof to[0]; i++) {
        ck_assert_msg(sp3_recipient_known(to[i]), "%s", to[i]);
        ck_assert_ptr_nonnull(strstr(sp3_recipients_text(), to[i]));
    }
    ck_assert(!sp3_recipient_known("xx"));
    ck_assert(!sp3_recipient_known(NULL));
    ck_assert(!sp3_recipient_known("pelapor"));
    ck_assert(!sp3_recipient_known("embassy"));
}
END_TEST

START_TEST(test_an_spdp_goes_to_the_laws_addressees_only)
{
    /* KUHAP 109(1) jo. MK 130/PUU-XIII/2015; Permenkumham 39/2021 Pasal 27(2), (3), (6): the
     * prosecutor, Korwas, the reporter or victim, the suspect and his family, a foreigner's
     * representation; each addressee's SPDP notice (the family: none of its own) */
    static const struct {
        const char *code;
        enum notice_kind n;
    } to[] = {{"kejari", NOTICE_SPDP_KEJARI},    {"korwas", NOTICE_SPDP_KORWAS},
              {"reporter", NOTICE_SPDP_PELAPOR}, {"suspect", NOTICE_SPDP_TERSANGKA},
              {"family", NOTICE_NONE},           {"embassy", NOTICE_SPDP_PERWAKILAN}};
    for (size_t i = 0; i < sizeof to / sizeof to[0]; i++) {
        enum notice_kind n = NOTICE_BAP_COPY;
        ck_assert_msg(spdp_recipient_lookup(to[i].code, &n), "%s", to[i].code);
        ck_assert_int_eq(n, to[i].n);
        ck_assert_ptr_nonnull(strstr(spdp_recipients_text(), to[i].code));
    }
    enum notice_kind n;
    ck_assert(!spdp_recipient_lookup("zzz", &n));
    ck_assert(!spdp_recipient_lookup(NULL, &n));
    ck_assert(!spdp_recipient_lookup("spdp_kejari", &n)); /* a letter's code, not an addressee */
    ck_assert(!spdp_recipient_lookup("Kejari", &n));
}
END_TEST

Suite *suite_catalog(void)
{
    Suite *s = suite_create("catalog");
    TCase *tc = tcase_create("catalog");
    tcase_add_test(tc, test_stage_codes_and_labels_are_designs);
    tcase_add_test(tc, test_unknown_stage_codes_are_refused);
    tcase_add_test(tc, test_only_three_stages_are_terminal);
    tcase_add_test(tc, test_event_codes_are_the_design_catalogue);
    tcase_add_test(tc, test_event_labels_are_distinct);
    tcase_add_test(tc, test_unknown_event_codes_are_refused);
    tcase_add_test(tc, test_prosecutor_records_the_p_forms_and_the_receipt);
    tcase_add_test(tc, test_supervisor_records_notes_directions_and_reassignments);
    tcase_add_test(tc, test_investigator_records_everything_else_and_anyone_corrects);
    tcase_add_test(tc, test_per_suspect_events_are_the_detention_group_and_designation);
    tcase_add_test(tc, test_actor_codes_and_labels);
    tcase_add_test(tc, test_missing_fact_codes_are_stable_and_described);
    tcase_add_test(tc, test_missing_list_keeps_each_fact_once_in_order);
    tcase_add_test(tc, test_every_missing_fact_says_how_to_supply_it);
    tcase_add_test(tc, test_acts_take_only_their_own_fields);
    tcase_add_test(tc, test_an_spdp_goes_to_the_laws_addressees_only);
    tcase_add_test(tc, test_an_sp3_notice_goes_to_the_laws_addressees_only);
    suite_add_tcase(s, tc);
    return s;
}
