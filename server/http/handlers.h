/* handlers.h - the route handlers, by resource; the table is in routes.c. */
#ifndef BERKAS_HTTP_HANDLERS_H
#define BERKAS_HTTP_HANDLERS_H

#include "http.h"

#define HANDLER(name) void name(struct app *app, struct http_request *req, struct http_reply *rep)

/* h_identity.c */
HANDLER(h_healthz);
HANDLER(h_version);
HANDLER(h_banner_get);
HANDLER(h_banner_put);
HANDLER(h_session_create);
HANDLER(h_session_delete);
HANDLER(h_me);
HANDLER(h_openapi);

/* openapi.c: the description of every route in http_routes. */
json_t *openapi_document(void);

/* h_admin.c */
HANDLER(h_offices_list);
HANDLER(h_office_get);
HANDLER(h_office_create);
HANDLER(h_letterheads_list);
HANDLER(h_letterhead_add);
HANDLER(h_officials_list);
HANDLER(h_upload_add);
HANDLER(h_upload_pdf);
HANDLER(h_case_update);
HANDLER(h_official_add);
HANDLER(h_official_end);
HANDLER(h_users_list);
HANDLER(h_lockouts_list);
HANDLER(h_user_get);
HANDLER(h_user_create);
HANDLER(h_user_disable);
HANDLER(h_user_unlock);
HANDLER(h_number_patterns);
HANDLER(h_number_pattern_set);
HANDLER(h_import);

/* h_cases.c */
HANDLER(h_cases_list);
HANDLER(h_case_get);
HANDLER(h_case_xml);
HANDLER(h_case_create);
HANDLER(h_event_create);
HANDLER(h_party_add);
HANDLER(h_party_correct);
HANDLER(h_offence_charge);
HANDLER(h_evidence_add);
HANDLER(h_offence_withdraw);
HANDLER(h_evidence_correct);
HANDLER(h_offences_list);
HANDLER(h_rulesets_list);
HANDLER(h_ruleset_amend);
HANDLER(h_ruleset_history);
HANDLER(h_settings_list);
HANDLER(h_setting_set);
HANDLER(h_verify_chain);

/* If-Match: "7", W/"7" or 7 as a number; -1 when absent; -2 when malformed
 * (h_cases.c). */
int http_if_match(const struct http_request *req);

/* h_contents.c: what a BAP and a Resume say */
HANDLER(h_bap_get);
HANDLER(h_bap_put);
HANDLER(h_resume_get);
HANDLER(h_resume_put);

/* h_forms.c */
HANDLER(h_forms_list);
HANDLER(h_form_draft);
HANDLER(h_form_issue);
HANDLER(h_documents_list);
HANDLER(h_document_revoke);
HANDLER(h_document_reissue);
HANDLER(h_document_pdf);
HANDLER(h_dossier);
HANDLER(h_verify_page);

/* h_review.c */
HANDLER(h_review_list);
HANDLER(h_review_counts);
HANDLER(h_summaries_check);
HANDLER(h_directions_list);
HANDLER(h_reassign);
HANDLER(h_inbox_list);
HANDLER(h_inbox_read);
HANDLER(h_stats);
HANDLER(h_stats_pdf);

/* The reply for a value from app (200 or status), or for the error when
 * value is NULL. */
void reply_result(struct http_reply *rep, unsigned status, json_t *value, const struct berr *err);

#endif
