/* demo.h - demo offices and users for the README's run command. */
#ifndef BERKAS_APP_DEMO_H
#define BERKAS_APP_DEMO_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "core/mustcheck.h"
#include "contents.h"
#include "forms.h"
#include "signers.h"

/* Every demo user's password: long enough, and on no list of common ones. */
#define DEMO_PASSWORD "demo-berkas-2026"

struct demo_user {
    const char *nip, *name, *pangkat, *golongan, *position, *office, *role;
    const char *ppns_card_no, *ppns_valid_until;
};

extern const struct demo_user demo_users[];
extern const size_t demo_users_count;

/* Load the demo offices, letterheads and users unless the database already
 * has offices (then *loaded stays false).  Through the same use cases an
 * administrator calls, audited as acts of the installation. */
BERKAS_MUST_CHECK bool demo_load(struct app *app, bool *loaded, struct berr *err);

/* Load the demo case files (one or more at every stage) unless there are
 * cases already; every act through app_event_record, dated relative to
 * today.  Needs demo_load's offices and people. */
BERKAS_MUST_CHECK bool demo_cases_load(struct app *app, struct berr *err);

/* Write the demo content of a BAP or Resume act (form: bap_tersangka,
 * bap_saksi, bap_ahli or resume) for a case charged with offence, then,
 * when issue, issue its paper for the act (demo_contents.c).  person: the
 * party object of demo_cases.c examined (a BAP), or the suspect (a Resume). */
BERKAS_MUST_CHECK bool demo_content_issue(struct app *app, const struct actor *who,
                                          long long case_id, long long event_id, const char *form,
                                          const char *offence, json_t *person, bool issue,
                                          struct berr *err);

#endif
