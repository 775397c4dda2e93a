/*
 * cmds.h - the command handlers, one per row of the command table in
 * main.c.  Each parses its own options (cli_parse), talks to the server
 * through cli_call, and returns the exit status.
 */
#ifndef BERKAS_CLI_CMDS_H
#define BERKAS_CLI_CMDS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

#define CMD(name) int name(struct global *g, const struct command *cmd, int argc, char **argv)

CMD(cmd_status);
CMD(cmd_login);
CMD(cmd_logout);
CMD(cmd_whoami);
CMD(cmd_office_list);
CMD(cmd_office_show);
CMD(cmd_office_add);
CMD(cmd_office_letterheads);
CMD(cmd_office_letterhead_add);
CMD(cmd_official_list);
CMD(cmd_upload);
CMD(cmd_official_add);
CMD(cmd_official_end);
CMD(cmd_user_list);
CMD(cmd_user_show);
CMD(cmd_user_add);
CMD(cmd_user_disable);
CMD(cmd_user_unlock);
CMD(cmd_office_import);
CMD(cmd_user_import);
CMD(cmd_case_new);
CMD(cmd_case_correct);
CMD(cmd_case_list);
CMD(cmd_case_show);
CMD(cmd_record);
CMD(cmd_suspect_add);
CMD(cmd_party_add);
CMD(cmd_party_correct);
CMD(cmd_offence_charge);
CMD(cmd_offence_list);
CMD(cmd_evidence_add);
CMD(cmd_clocks);
CMD(cmd_history);
CMD(cmd_verify_chain);
CMD(cmd_rulesets);
CMD(cmd_ruleset_set);
CMD(cmd_ruleset_history);
CMD(cmd_settings);
CMD(cmd_forms);
CMD(cmd_form);
CMD(cmd_issue);
CMD(cmd_documents);
CMD(cmd_revoke);
CMD(cmd_document);
CMD(cmd_dossier);
CMD(cmd_verify);
CMD(cmd_bap);
CMD(cmd_resume);
CMD(cmd_review);
CMD(cmd_directions);
CMD(cmd_direction_give);
CMD(cmd_direction_done);
CMD(cmd_reassign);
CMD(cmd_inbox);
CMD(cmd_report);

/* Record one act (body: the event's JSON) in case_id as berkas record does:
 * the current version as If-Match, a fresh Idempotency-Key, retried after a
 * transport error.  The reply, or NULL with *rc after one line. */
json_t *cli_record(struct global *g, long long case_id, const json_t *body, int *rc);

/* GET path (Accept: accept) into FILE, written whole or not at all (mode
 * 0600; an existing FILE only with force); *bytes its size.  EXIT_OK or an
 * exit status after one line. */
int cli_save(struct global *g, const char *path, const char *accept, const char *file, bool force,
             size_t *bytes);

/* A password into buf (size bytes with the NUL): from $env when set and
 * not empty, else asked on the terminal without echo.  GO_ON, or an exit
 * status after one line on stderr (2: no terminal, nothing typed, too
 * long).  The caller wipes buf either way. */
int cli_password(const struct command *cmd, const char *env, const char *prompt, char *buf,
                 size_t size);

#endif
