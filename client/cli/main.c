/*
 * main.c - berkas, the command-line client.
 *
 *   berkas [--server URL] [--json] COMMAND [SUBCOMMAND] [OPTION]...
 *
 * Commands are one table: name, subcommand, handler, summary, usage.  Every
 * command takes --help and --json.  Exit status: 0 done, 1 the server
 * refused (or reports itself unhealthy, or nobody is logged in), 2 bad
 * usage or the server could not be reached.  Errors are one line on stderr.
 */
#include <curl/curl.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmds.h"
#include "config.h"
#include "output.h"

#define COMMON_OPTS                                                                                \
    "  -s, --server URL    the berkasd to talk to\n"                                               \
    "      --json          print JSON instead of text\n"                                           \
    "  -h, --help          show this help\n"

#define PARTY_HELP                                                                                 \
    "      --nationality CC       ISO 3166 country code (CN, MY, ...)\n"                           \
    "      --passport NO          passport number\n"                                               \
    "      --birth-date DATE      date of birth (YYYY-MM-DD)\n"                                    \
    "      --birth-place P        place of birth\n"                                                \
    "      --sex L|P              L (laki-laki) or P (perempuan)\n"                                \
    "      --occupation O         occupation\n"                                                    \
    "      --address-id A         address in Indonesia\n"                                          \
    "      --address-abroad A     address abroad\n"                                                \
    "      --language L           the language the person is examined in\n"                        \
    "      --interpreter I        the interpreter's name\n"

/* clang-format off */
const struct command cli_commands[] = {
    {"status", NULL, cmd_status, "show the server's version and health",
     "status [--json]\n"
     "Show the version of the berkasd at --server and whether its database answers.\n"
     "\n" COMMON_OPTS "\n"
     "Exit status: 0 healthy, 1 the server answers but is unhealthy, 2 unreachable.\n"},
    {"login", NULL, cmd_login, "log on and keep the session",
     "login [--nip NIP] [--json]\n"
     "Log on to the server.  Shows the server's log-on banner, asks for the NIP on stdin\n"
     "if --nip is not given, and takes the password from $BERKAS_PASSWORD or asks for it\n"
     "on the terminal without echo.  The session token (never the password) is kept in\n"
     "$XDG_CONFIG_HOME/berkas/session.json (default ~/.config/berkas/), mode 0600.\n"
     "\n"
     "      --nip NIP       the 18-digit NIP to log on as\n" COMMON_OPTS "\n"
     "Exit status: 0 logged on, 1 refused (wrong NIP or password, locked account),\n"
     "2 usage, no password available, or the server unreachable.\n"},
    {"logout", NULL, cmd_logout, "end the session on the server and forget it",
     "logout [--json]\n"
     "End the saved session on the server and remove the session file (also when the\n"
     "server says the session had already ended).  Not logged in is not an error.\n"
     "\n" COMMON_OPTS "\n"
     "Exit status: 0 logged out, 1 refused by the server, 2 the server unreachable\n"
     "(the session is kept, to try again).\n"},
    {"whoami", NULL, cmd_whoami, "show who is logged on",
     "whoami [--json]\n"
     "Show the user of the saved session as the server sees them: name, NIP, pangkat,\n"
     "role, office and, for investigators, the PPNS card.\n"
     "\n" COMMON_OPTS "\n"
     "Exit status: 0 done, 1 not logged in or the session has ended, 2 unreachable.\n"},
    {"office", "list", cmd_office_list, "list the offices of both trees",
     "office list [--json]\n"
     "List the office directory: Imigrasi (ditjen, kanwil, kanim, ukk) and Kejaksaan\n"
     "(kejagung, kejati, kejari, cabjari), each with its parent.\n"
     "\n" COMMON_OPTS},
    {"office", "show", cmd_office_show, "show one office",
     "office show ID [--json]\n"
     "Show the office with this ID.\n"
     "\n" COMMON_OPTS},
    {"office", "add", cmd_office_add, "add an office (admin)",
     "office add --parent ID --kind KIND --code CODE --name NAME --tz TZ [--class CLASS]\n"
     "Add an office under PARENT, which must be in the administrator's subtree.\n"
     "\n"
     "      --parent ID     the office above it\n"
     "      --kind KIND     kanwil, kanim, ukk, kejati, kejari or cabjari\n"
     "      --code CODE     short unique code: capitals, digits, '.', '-' (KANIM-PLG)\n"
     "      --name NAME     the full name\n"
     "      --tz TZ         Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)\n"
     "      --class CLASS   a kanim's class: \"Kelas I TPI\", \"Kelas II Non TPI\", ...\n"
     COMMON_OPTS},
    {"office", "letterheads", cmd_office_letterheads, "show an office's letterhead lines",
     "office letterheads ID [--json]\n"
     "Show the letterhead lines of the office, by the date from which each set applies.\n"
     "\n" COMMON_OPTS},
    {"office", "letterhead-add", cmd_office_letterhead_add, "add letterhead lines from a date (admin)",
     "office letterhead-add ID --from YYYY-MM-DD --line TEXT [--line TEXT]...\n"
     "Add the letterhead of office ID for documents dated from --from on (1 to 8 lines,\n"
     "top to bottom).\n"
     "\n"
     "      --from DATE     the first date the lines apply to\n"
     "      --line TEXT     one line of the letterhead; repeat for each line\n"
     COMMON_OPTS},
    {"official", "list", cmd_official_list, "list who signs an office's orders and letters",
     "official list OFFICE [--json]\n"
     "List the officials of office OFFICE (Kepala Kantor, Kepala Seksi/Bidang Inteldakim,\n"
     "Plh./Plt., Kepala Kejaksaan Negeri, Kasi Pidum) with the period each holds the post:\n"
     "a document is signed by the official in force on its act's date.\n"
     "\n" COMMON_OPTS},
    {"official", "add", cmd_official_add, "record an official who signs, from a date (admin)",
     "official add OFFICE --role ROLE --title TITLE --name NAME --nip NIP --from DATE [OPTION]...\n"
     "Record an official of office OFFICE (in the administrator's subtree).  Which official\n"
     "signs which form is rule data (app.signing_rules), marked to verify.\n"
     "\n"
     "      --role ROLE       kepala_kantor, kepala_inteldakim, kepala_kejari or kasi_pidum\n"
     "      --title TITLE     the position as printed (\"Kepala Kantor Imigrasi ...\")\n"
     "      --acting PREFIX   Plh. or Plt. for an acting official (preferred while in force)\n"
     "      --name NAME       the full name\n"
     "      --nip NIP         18 digits\n"
     "      --pangkat P       rank, e.g. Pembina\n"
     "      --golongan G      grade, e.g. IV/a\n"
     "      --from DATE       the first day in office, YYYY-MM-DD\n"
     "      --to DATE         the last day in office (default: still in office)\n"
     COMMON_OPTS "\n"
     "Exit status: 0 recorded, 1 refused (400 names the bad field), 2 usage or unreachable.\n"},
    {"official", "end", cmd_official_end, "end an official's period (admin)",
     "official end OFFICE OFFICIAL --to DATE\n"
     "Set the last day in office of official OFFICIAL of office OFFICE; documents already\n"
     "issued keep the signer printed on them.\n"
     "\n" COMMON_OPTS},
    {"user", "list", cmd_user_list, "list the users of your subtree (admin)",
     "user list [--json]\n"
     "List the users of the offices under the administrator's own.\n"
     "\n" COMMON_OPTS},
    {"user", "show", cmd_user_show, "show one user (admin)",
     "user show ID [--json]\n"
     "Show the user with this ID.\n"
     "\n" COMMON_OPTS},
    {"user", "add", cmd_user_add, "add a user (admin)",
     "user add --nip NIP --name NAME --office ID --role ROLE [OPTION]...\n"
     "Add a user.  The password comes from $BERKAS_NEW_PASSWORD or is asked twice on the\n"
     "terminal without echo: at least 12 characters, not a common password, not the NIP.\n"
     "\n"
     "      --nip NIP                the 18-digit NIP\n"
     "      --name NAME              the full name\n"
     "      --office ID              the office the user works in\n"
     "      --role ROLE              investigator, supervisor, prosecutor or admin\n"
     "      --pangkat P              rank (Penata Muda Tk. I)\n"
     "      --golongan G             grade (III/b)\n"
     "      --position P             position (PPNS Keimigrasian)\n"
     "      --ppns-card NO           an investigator's PPNS card number ...\n"
     "      --ppns-valid-until DATE  ... and its last valid day (YYYY-MM-DD)\n"
     COMMON_OPTS},
    {"user", "disable", cmd_user_disable, "disable a user and end their sessions (admin)",
     "user disable ID [--json]\n"
     "Disable the user: they can no longer log on, and their sessions end now.\n"
     "\n" COMMON_OPTS},
    {"user", "unlock", cmd_user_unlock, "unlock a user locked by failed log-ons (admin)",
     "user unlock ID [--json]\n"
     "Unlock a user whose account was locked after too many failed log-ons.\n"
     "\n" COMMON_OPTS},
    {"case", "new", cmd_case_new, "open a case with its Laporan (investigator)",
     "case new --source SRC --opened-on DATE [OPTION]...\n"
     "Open a case in your office; its Laporan Keimigrasian is registered as the first event.\n"
     "Prints the new case's id, number and stage.\n"
     "\n"
     "      --source SRC          jagratara, tim_pora, public_report, apoa, desa_binaan,\n"
     "                            tpi_check, supervision, intelligence, other_agency, other\n"
     "      --opened-on DATE      the Laporan's date (YYYY-MM-DD), not in the future\n"
     "      --kejari ID           the Kejaksaan Negeri that will receive the file\n"
     "      --summary TEXT        what happened, in short\n"
     "      --source-note TEXT    about the source (the operation, the reporting agency)\n"
     "      --number N            the case number (default: the office's next)\n"
     "      --report-number N     the Laporan's number\n"
     COMMON_OPTS},
    {"case", "list", cmd_case_list, "list the cases you may see, most urgent first",
     "case list [OPTION]...\n"
     "List cases: id, number, stage and the state of its most urgent clock; overdue ones\n"
     "(!! LEWAT WAKTU) first, then those in warning (! peringatan).\n"
     "\n"
     "      --stage S        investigation, with_prosecutor, returned, complete, ...\n"
     "      --office ID      cases of this office and the offices under it\n"
     "      --clock STATE    ok, warning or overdue (the worst clock)\n"
     "      --article A      charged with this Pasal (122, or 119(1))\n"
     "      --q TEXT         text in the number, summary or a party's name\n"
     "      --limit N        cases per page (1-100, default 50)\n"
     "      --cursor ID      start after this case id (from a previous page)\n"
     "      --all            fetch every page\n"
     COMMON_OPTS},
    {"case", "correct", cmd_case_correct, "correct a case's summary, source, Kejari, investigators",
     "case correct CASE [--summary T] [--source S] [--source-note T] [--kejari ID]\n"
     "                  [--investigator USER_ID]...\n"
     "Correct the case's particulars (investigator of its office).  The case's current version\n"
     "is sent as If-Match: a change by someone else in between is refused (409), never lost.\n"
     "The Kejari is not changed once the SPDP or the file was sent to it.\n"
     "\n"
     "      --summary T         what happened, in a few sentences\n"
     "      --source S          jagratara, tim_pora, public_report, apoa, desa_binaan, tpi_check,\n"
     "                          supervision, intelligence, other_agency or other\n"
     "      --source-note T     where the report came from\n"
     "      --kejari ID         the Kejaksaan Negeri the file will go to\n"
     "      --investigator ID   an investigator assigned (the whole list); repeat for each\n"
     COMMON_OPTS "\n"
     "Exit status: 0 corrected, 1 refused (400 names the field, 409 stale or disclosed),\n"
     "2 usage or the server unreachable.\n"},
    {"case", "show", cmd_case_show, "show a case: stage, facts, clocks, P-19, parties",
     "case show CASE [--json]\n"
     "Show the case: number, stage, office, Kejari, source and facts; the events the stage\n"
     "allows next; the clocks (most urgent first); the P-19 rounds with their instructions;\n"
     "the parties, offences, evidence and the stages it went through.\n"
     "\n" COMMON_OPTS},
    {"record", NULL, cmd_record, "record an act or a received P-form in a case",
     "record CASE EVENT [OPTION]...\n"
     "Record EVENT (sprindik_issued, spdp_sent, bap_recorded, tahap1_sent, p19_received, ...;\n"
     "see the events allowed in berkas case show) in case CASE.  The case's current version is\n"
     "sent as If-Match unless --if-match is given, and every request carries an\n"
     "Idempotency-Key, so running it again with the same --idempotency-key records once.\n"
     "\n"
     "      --date D               the act's legal date (default today), YYYY-MM-DD\n"
     "      --at INSTANT           or its instant, 2026-03-02T09:30:00+07:00 (arrest)\n"
     "      --number N             a number given OUTSIDE berkas (then upload its paper;\n"
     "                             berkas never issues that act's paper under another number)\n"
     "      --issue FORM           also issue FORM for this act in the same transaction\n"
     "                             (e.g. sp_penangkapan, ba_penangkapan); repeat for each\n"
     "      --note T               a note\n"
     "      --party ID             the suspect (or party) it concerns\n"
     "      --bap KIND             bap_recorded: saksi, tersangka, ahli or tambahan\n"
     "      --days N               detention: the days ordered\n"
     "      --detention-type T     rutan, rumah or kota\n"
     "      --recipient R          letter_delivered: who received it\n"
     "      --ground G             the legal ground (SP3, court extension)\n"
     "      --polri-order NO       the Polri investigator's order (UU 20/2025)\n"
     "      --polri-involved       a Polri investigator is involved\n"
     "      --severe-illness       severe physical or mental illness (KUHAP 29(1))\n"
     "      --instruction TEXT     p19_received: one instruction; repeat for each\n"
     "      --unmet ID             return_letter_received: a P-19 instruction still unmet\n"
     "                             (a later return is an ordinary letter); repeat for each\n"
     "      --late-reason TEXT     a return after the prosecutor's 14 days: why it is recorded\n"
     "      --instruction-id ID    instruction_answered: the instruction ...\n"
     "      --answer TEXT          ... and how it was met\n"
     "      --corrects EVENT_ID    corrected: the event it corrects ...\n"
     "      --withdraws            ... which is withdrawn\n"
     "      --due DATE             direction_given: by when\n"
     "      --direction EVENT_ID   direction_done: the direction carried out\n"
     "      --to NIP               direction_given: the investigator it is for\n"
     "      --jaksa NIP            p16_received: the jaksa peneliti appointed\n"
     "      --team NIP             sprindik_issued: an investigator of the team; repeat\n"
     "      --if-match VERSION     the case version you saw (default: the current one)\n"
     "      --idempotency-key KEY  the key of an earlier attempt, to retry it safely\n"
     COMMON_OPTS "\n"
     "Exit status: 0 recorded, 1 refused (409 lists the events allowed, 422 the missing\n"
     "facts), 2 usage or the server unreachable.\n"},
    {"suspect", "add", cmd_suspect_add, "add a suspect to a case (investigator)",
     "suspect add CASE --name NAME [OPTION]...\n"
     "Add a suspect to case CASE, the name as in the passport.\n"
     "\n"
     "      --name NAME            the name as in the passport\n"
     PARTY_HELP COMMON_OPTS},
    {"party", "add", cmd_party_add, "add a witness or expert to a case (investigator)",
     "party add CASE --kind witness|expert --name NAME [OPTION]...\n"
     "Add a witness or an expert (or, with --kind suspect, a suspect) to case CASE.\n"
     "\n"
     "      --kind KIND            witness, expert or suspect\n"
     "      --name NAME            the name as in the passport or identity card\n"
     PARTY_HELP COMMON_OPTS},
    {"party", "correct", cmd_party_correct, "correct a party's particulars (investigator)",
     "party correct CASE PARTY [OPTION]...\n"
     "Correct the given fields of party PARTY of case CASE.  The party's current version\n"
     "is sent as If-Match unless --if-match is given.\n"
     "\n"
     "      --kind KIND            witness, expert or suspect\n"
     "      --name NAME            the name as in the passport\n"
     PARTY_HELP
     "      --if-match VERSION     the party version you saw (default: the current one)\n"
     COMMON_OPTS},
    {"offence", "charge", cmd_offence_charge, "charge an offence of the catalogue",
     "offence charge CASE CODE [--party ID] [--json]\n"
     "Charge the offence CODE of the catalogue (122, 119(1); see berkas offence list) in case\n"
     "CASE, to one suspect with --party or to the case as a whole.\n"
     "\n"
     "      --party ID       the suspect charged\n"
     COMMON_OPTS},
    {"offence", "list", cmd_offence_list, "the offence catalogue, UU 6/2011 Pasal 113-136",
     "offence list [--json]\n"
     "List the offences of UU 6/2011 Pasal 113-136: maximum prison and fine, whether the\n"
     "suspect may be detained, whether the short procedure applies; \"(to verify)\" marks\n"
     "values not yet checked against the law.\n"
     "\n" COMMON_OPTS},
    {"evidence", "add", cmd_evidence_add, "add an item of evidence to a case",
     "evidence add CASE --description D [OPTION]...\n"
     "Add an item of evidence to case CASE.\n"
     "\n"
     "      --description D  what it is\n"
     "      --quantity Q     how many or how much\n"
     "      --seized-from ID the party it was seized from\n"
     "      --seized-on D    the date of seizure (YYYY-MM-DD)\n"
     "      --storage S      where it is kept\n"
     COMMON_OPTS},
    {"clocks", NULL, cmd_clocks, "show a case's legal clocks, most urgent first",
     "clocks CASE [--json]\n"
     "Show the clocks of case CASE: state (!! LEWAT WAKTU overdue, ! peringatan warning),\n"
     "due date, days left, who must act, the suspect, and the legal basis; running clocks\n"
     "first, the most urgent on top.\n"
     "\n" COMMON_OPTS},
    {"history", NULL, cmd_history, "show a case's full event history",
     "history CASE [--json]\n"
     "Show every event of case CASE in order: seq, id, legal date, event, document number,\n"
     "stage change, late entry, who entered it and when (UTC), and the regime.\n"
     "\n" COMMON_OPTS},
    {"verify-chain", NULL, cmd_verify_chain, "check every case's hash chain (admin)",
     "verify-chain [--json]\n"
     "Recompute the SHA-256 chain of every case's event log on the server; print the cases\n"
     "and events checked and the first broken link of each broken chain.\n"
     "\n" COMMON_OPTS "\n"
     "Exit status: 0 every chain intact, 1 a chain is broken or refused, 2 usage or\n"
     "unreachable.\n"},
    {"rulesets", NULL, cmd_rulesets, "list the legal rule sets and their values",
     "rulesets [--json]\n"
     "List every value of the rule sets (KUHAP-1981, KUHAP-2025): the deadlines in days and\n"
     "the flags, each marked verified or \"? to verify\".\n"
     "\n" COMMON_OPTS},
    {"ruleset", "set", cmd_ruleset_set, "amend one value of a rule set (admin)",
     "ruleset set NAME KEY VALUE [--to-verify] [--note T] [--json]\n"
     "Set KEY of rule set NAME (see berkas rulesets) to the whole number VALUE.  Without\n"
     "--to-verify the value is marked verified.  A negative VALUE goes after \"--\":\n"
     "berkas ruleset set NAME KEY -- -1.\n"
     "\n"
     "      --to-verify      mark the value as still to verify against the law\n"
     "      --note T         why (kept with the amendment)\n"
     COMMON_OPTS},
    {"forms", NULL, cmd_forms, "list the forms berkas makes, with their parameters",
     "forms [--json]\n"
     "List the forms the server can make: name, document code, who issues it (investigator\n"
     "or prosecutor), page size and title; then the parameters each form takes\n"
     "(--param NAME=VALUE of berkas form and berkas issue), the required ones marked *.\n"
     "\n" COMMON_OPTS},
    {"form", NULL, cmd_form, "write a form of a case as a draft PDF",
     "form CASE FORM -o FILE [--param NAME=VALUE]... [--force]\n"
     "Render FORM (see berkas forms) from case CASE as it is now, as a draft: watermarked\n"
     "DRAFT, without a number, recorded nowhere.  The PDF is written to FILE whole or not at\n"
     "all (through a temporary file beside it), with mode 0600; an existing FILE is kept\n"
     "unless --force is given.\n"
     "\n"
     "  -o, --output FILE      where to write the PDF\n"
     "      --param NAME=VALUE a parameter of the form (pihak-N for party); repeat for each\n"
     "      --force            replace FILE if it exists\n"
     COMMON_OPTS "\n"
     "Exit status: 0 written, 1 refused (unknown form 404, not at this stage 409, missing\n"
     "data 422 naming it), 2 usage, FILE exists, cannot write, or the server unreachable.\n"},
    {"issue", NULL, cmd_issue, "issue a form: number, verification code, SHA-256",
     "issue CASE FORM [--event ID] [--param NAME=VALUE]... [-o FILE [--force]]\n"
     "Issue FORM of case CASE for the act it records or orders (--event, the act's id in\n"
     "berkas history; default: the latest act of its type without this document), whatever\n"
     "the stage while the case is open: dated by the act, with the letterhead, the law and\n"
     "the signer in force on that date.  The server takes the next number of the office's\n"
     "gapless sequence, renders and stores the PDF with its SHA-256 and a verification code.\n"
     "Prints the document id, number, date, verification code and URL, SHA-256 and pages.\n"
     "With -o the issued PDF is also downloaded to FILE (whole or not at all, mode 0600)\n"
     "and checked against the SHA-256; FILE is checked before the form is issued, so a\n"
     "FILE that exists (without --force) takes no number.\n"
     "\n"
     "      --event ID         the act the document belongs to\n"
     "      --param NAME=VALUE a parameter of the form (pihak-N for party); repeat for each\n"
     "  -o, --output FILE      also write the issued PDF to FILE\n"
     "      --force            replace FILE if it exists\n"
     COMMON_OPTS "\n"
     "Exit status: 0 issued (and written), 1 refused, or issued but not written (the line\n"
     "says how to fetch it), 2 usage, FILE exists, or the server unreachable.\n"},
    {"bap", NULL, cmd_bap, "write a BAP's questions and answers (from a file or $EDITOR)",
     "bap CASE EVENT [--from FILE | --show]\n"
     "Write what the examiner recorded in BAP EVENT (a bap_recorded act, see berkas history)\n"
     "of case CASE: from FILE, or in $VISUAL / $EDITOR (vi) on the current content.  The whole\n"
     "content is sent with its version (If-Match): a change by someone else in between is\n"
     "refused (409).  Until the BAP's document is issued it may be written again; the\n"
     "identity block is printed from the party record (berkas party correct).\n"
     "\n"
     "The text: one entry per line, 'key: value'; a line that is not a key continues the\n"
     "entry above; '#' lines are ignored; P: a question, J: its answer, in order:\n"
     "  diberitahu-hak-penasihat-hukum: ya      (tersangka: KUHAP Pasal 114)\n"
     "  penasihat-hukum: hadir | menolak        (tersangka; 5 tahun atau lebih: nama wajib,\n"
     "  nama-penasihat-hukum: ...                KUHAP Pasal 56 ayat (1))\n"
     "  kantor-penasihat-hukum: ...\n"
     "  penerjemah: ...   bahasa-penerjemah: ...\n"
     "  sumpah: tidak | sumpah | janji           (saksi 116(1), ahli 120(2))   alasan-sumpah: ...\n"
     "  keahlian: ...     (ahli)     saksi-meringankan: ...  (tersangka, 116(3))\n"
     "  P: Apakah Saudara dalam keadaan sehat?\n"
     "  J: Ya, saya sehat.\n"
     "  penutup: ...      selesai-pukul: HH:MM\n"
     "  ditandatangani: ya | tidak   alasan-tidak-menandatangani: ...  (KUHAP Pasal 118 ayat (2))\n"
     "\n"
     "      --from FILE   read the content from FILE (UTF-8 text)\n"
     "      --show        print the current content in this format (or --json) and stop\n"
     COMMON_OPTS "\n"
     "Exit status: 0 saved (it prints what is still missing before berkas issue), 1 refused\n"
     "(400 names the field, 409 a newer version or the BAP already issued), 2 usage, FILE\n"
     "unreadable or a line of it not understood (named), no terminal for the editor.\n"},
    {"resume", NULL, cmd_resume, "write a Resume: facts, analysis of each element, conclusion",
     "resume CASE EVENT [--from FILE | --show]\n"
     "Write what the investigator wrote in Resume EVENT (a resume_written act) of case CASE:\n"
     "from FILE, or in $VISUAL / $EDITOR on the current content, which lists every element\n"
     "(unsur) of every Pasal charged.  Sent whole with its version (If-Match).\n"
     "\n"
     "The text, as for berkas bap:\n"
     "  dasar: ...            (repeat: bases beside the Laporan, Sprindik and SPDP)\n"
     "  uraian: ...           the short account of the case\n"
     "  fakta: Bahwa ...      (repeat: one fact each)\n"
     "  unsur 7.1: ...        the analysis of element 1 of charge 7 (berkas resume --show\n"
     "                        lists the charges and their elements)\n"
     "  kesimpulan: ...\n"
     "\n"
     "      --from FILE   read the content from FILE (UTF-8 text)\n"
     "      --show        print the current content in this format (or --json) and stop\n"
     COMMON_OPTS "\n"
     "Exit status: 0 saved (it prints what is still missing before berkas issue), 1 refused,\n"
     "2 usage, FILE unreadable or a line of it not understood (named).\n"},
    {"upload", NULL, cmd_upload, "attach a PDF from outside berkas to an act or a document",
     "upload CASE FILE --title T (--event ID | --document ID) [--number N] [--dated DATE]\n"
     "Attach FILE, a PDF (a court's penetapan, the Kejari's letter, a receipt, the signed scan\n"
     "of an issued document) to act ID of case CASE, or to issued document ID as its scan.\n"
     "The server checks that the content is a PDF, its size (setting upload.max_bytes), stores\n"
     "it with its SHA-256 and binds it into the berkas perkara in its act's place.  An act\n"
     "recorded with a number given outside berkas has its paper here, under that number.\n"
     "\n"
     "      --title T       what it is (\"Penetapan Ketua PN Palembang\")\n"
     "      --event ID      the act it is the paper of (berkas history)\n"
     "      --document ID   the issued document it is the signed scan of (berkas documents)\n"
     "      --number N      its number (default: the act's)\n"
     "      --dated DATE    its date (default: the act's), YYYY-MM-DD\n"
     COMMON_OPTS "\n"
     "Exit status: 0 attached, 1 refused (not a PDF, too large 413, another role's act),\n"
     "2 usage, FILE unreadable, or the server unreachable.\n"},
    {"documents", NULL, cmd_documents, "list the documents issued for a case",
     "documents CASE [--json]\n"
     "List the documents issued for case CASE: id, form, number, date, pages, verification\n"
     "code, in force or revoked, and the SHA-256 of the PDF as issued.\n"
     "\n" COMMON_OPTS},
    {"document", NULL, cmd_document, "write an issued document's PDF, as issued",
     "document ID -o FILE [--force]\n"
     "Write the PDF of issued document ID (see berkas documents) to FILE, byte for byte as\n"
     "issued, whole or not at all (mode 0600).\n"
     "\n"
     "  -o, --output FILE      where to write the PDF\n"
     "      --force            replace FILE if it exists\n"
     COMMON_OPTS},
    {"dossier", NULL, cmd_dossier, "write a case's berkas perkara as one PDF",
     "dossier CASE -o FILE [--force]\n"
     "Write the berkas perkara of case CASE to FILE: sampul, daftar isi, the lists, every\n"
     "issued document in legal order, and the manifest with each document's SHA-256.  Whole\n"
     "or not at all (mode 0600).\n"
     "\n"
     "  -o, --output FILE      where to write the PDF\n"
     "      --force            replace FILE if it exists\n"
     COMMON_OPTS "\n"
     "Exit status: 0 written, 1 refused (422 lists the forms not yet issued), 2 usage, FILE\n"
     "exists, cannot write, or the server unreachable.\n"},
    {"verify", NULL, cmd_verify, "check a document's verification code (no log-on)",
     "verify CODE [--json]\n"
     "Ask the server whether the document with this verification code (printed under the\n"
     "QR code) is genuine and in force: its type, number, date and office.  Needs no\n"
     "log-on.  Lower case, '-' and spaces are fine; I and L read as 1, O as 0.\n"
     "\n" COMMON_OPTS "\n"
     "Exit status: 0 genuine and in force, 1 unknown code or the document revoked,\n"
     "2 usage or the server unreachable.\n"},
    {"review", NULL, cmd_review, "tinjauan: berkas yang lewat waktu atau macet, alasannya, siapa yang harus bertindak",
     "review [OPSI]...\n"
     "Daftar berkas di wilayah Anda menurut urgensi: yang paling lama lewat waktu di atas,\n"
     "lalu yang paling dekat batasnya.  Tiap baris: keadaan (!! LEWAT, !! MACET, ! awas),\n"
     "nomor perkara, tahap, alasan (jam hukum atau tanpa kegiatan N hari), siapa yang harus\n"
     "bertindak, batas waktu menurut zona kantor, sisa hari (negatif bila terlambat) dan\n"
     "putaran P-19 (\"!\" bila bolak-balik).  Di atasnya jumlah per kantor.\n"
     "Penyidik melihat perkaranya sendiri (--everyone: seluruh kantor); pengawas seluruh\n"
     "kantor di bawahnya.\n"
     "\n"
     "      --office KANTOR  kode atau id kantor di wilayah Anda (KANIM-PLG)\n"
     "      --reason R       spdp, pu_answer, pu_return, resend, tahap2, detention,\n"
     "                       direction, sp3_notify, stall (tanpa kegiatan), damaged\n"
     "      --actor A        investigator, prosecutor, court, supervisor\n"
     "      --stage S        investigation, with_prosecutor, returned, complete, ...\n"
     "      --state S        overdue, stalled, warning, ok, damaged\n"
     "      --mine           hanya perkara tim Anda\n"
     "      --everyone       semua perkara wilayah Anda\n"
     "      --limit N        baris per halaman (1-100, bawaan 50)\n"
     "      --cursor C       lanjut dari halaman sebelumnya\n"
     "      --all            ambil semua halaman\n"
     "      --wide           tanpa batas 100 kolom: label lengkap, kantor, dasar hukum\n"
     "      --no-counts      tanpa jumlah per kantor\n"
     COMMON_OPTS},
    {"directions", NULL, cmd_directions, "arahan pengawas: yang terbuka, lewat waktu, atau selesai",
     "directions [OPSI]...\n"
     "Daftar arahan pengawas di wilayah Anda, yang paling dekat batasnya di atas: keadaan\n"
     "(terbuka, !! LEWAT, selesai), id arahan, perkara, batas menurut zona kantor, sisa hari,\n"
     "untuk siapa (atau kantor), teks arahan.  Penyidik: arahan untuknya atau kantornya\n"
     "(--everyone: semua arahan kantor); pengawas: semua di bawahnya (--mine: yang ia beri).\n"
     "\n"
     "      --state S        open (bawaan: terbuka dan lewat), overdue, done, all\n"
     "      --office KANTOR  kode atau id kantor\n"
     "      --mine           hanya untuk saya / dari saya\n"
     "      --everyone       semua di wilayah saya\n"
     "      --limit N        baris per halaman (1-100)\n"
     "      --cursor C       lanjut dari halaman sebelumnya\n"
     "      --all            ambil semua halaman\n"
     "      --wide           tanpa batas 100 kolom: pemberi arahan dan pelaksanaannya\n"
     COMMON_OPTS},
    {"direction", "give", cmd_direction_give, "beri arahan pada perkara (pengawas)",
     "direction give CASE --due TANGGAL --text TEKS [--to NIP] [--date TANGGAL]\n"
     "Catat arahan pengawas pada perkara CASE (nomor atau id): teksnya, batas waktunya (tidak\n"
     "boleh sebelum hari ini) dan, bila untuk seorang penyidik, NIP-nya (boleh dengan spasi\n"
     "seperti tercetak); tanpa --to arahan untuk kantor.\n"
     "\n"
     "      --due TANGGAL    batas (YYYY-MM-DD)\n"
     "      --text TEKS      isi arahan\n"
     "      --to NIP         penyidik yang dituju\n"
     "      --date TANGGAL   tanggal arahan (bawaan hari ini)\n"
     COMMON_OPTS},
    {"direction", "done", cmd_direction_done, "laporkan arahan telah dilaksanakan (penyidik)",
     "direction done CASE DIRECTION --note TEKS [--date TANGGAL]\n"
     "Catat bahwa arahan DIRECTION (id dari berkas directions) pada perkara CASE telah\n"
     "dilaksanakan, dengan catatan apa yang dilakukan.\n"
     "\n"
     "      --note TEKS      apa yang telah dilakukan\n"
     "      --date TANGGAL   tanggal pelaksanaan (bawaan hari ini)\n"
     COMMON_OPTS},
    {"reassign", NULL, cmd_reassign, "alihkan satu atau banyak berkas ke penyidik lain (pengawas)",
     "reassign --case CASE [--case CASE]... [--add NIP]... [--remove NIP]... --reason TEKS\n"
     "Tambah atau keluarkan penyidik dari tim satu atau banyak perkara sekaligus: semua\n"
     "berhasil atau tidak satu pun.  Tiap perkara mencatat peristiwa pengalihan dengan\n"
     "alasannya; tim tidak boleh kosong.\n"
     "\n"
     "      --case CASE      nomor atau id perkara; ulangi untuk tiap perkara\n"
     "      --add NIP        penyidik yang ditambahkan (dari kantor perkara)\n"
     "      --remove NIP     penyidik yang dikeluarkan\n"
     "      --reason TEKS    alasan pengalihan (wajib)\n"
     COMMON_OPTS},
};
/* clang-format on */
const size_t cli_ncommands = sizeof cli_commands / sizeof cli_commands[0];

static void usage(FILE *out)
{
    fprintf(out, "Usage: berkas [--server URL] [--json] COMMAND [OPTION]...\n"
                 "The berkas client: case files of PPNS Keimigrasian, from the terminal.\n"
                 "\n"
                 "  -s, --server URL  berkasd to talk to (default $BERKAS_SERVER, else the\n"
                 "                    server of the saved session, else " DEFAULT_SERVER ")\n"
                 "      --json        machine-readable output\n"
                 "  -h, --help        show this help (berkas COMMAND --help for a command's)\n"
                 "  -V, --version     show the version\n"
                 "\n"
                 "Commands:\n");
    char name[64];
    for (size_t i = 0; i < cli_ncommands; i++)
        fprintf(out, "  %-22s %s\n", cli_name(&cli_commands[i], name, sizeof name),
                cli_commands[i].summary);
    fprintf(out, "\nExit status: 0 done, 1 refused by the server, 2 usage or connection "
                 "error.\n");
}

/* "berkas office --help": the group's subcommands. */
static void group_usage(const char *group)
{
    printf("Usage: berkas %s SUBCOMMAND [OPTION]...\n\nSubcommands:\n", group);
    for (size_t i = 0; i < cli_ncommands; i++)
        if (strcmp(cli_commands[i].name, group) == 0)
            printf("  %-15s %s\n", cli_commands[i].sub, cli_commands[i].summary);
    printf("\nberkas %s SUBCOMMAND --help shows a subcommand's options.\n", group);
}

int cmd_status(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc = cli_parse(g, cmd, argc, argv, NULL, NULL);
    if (rc != GO_ON || (rc = cli_connect(g, false)) != GO_ON)
        return rc;
    char err[512];
    struct api_response ver, health;
    if (!api_get(&g->api, "/api/v1/version", &ver, err, sizeof err))
        return cli_fail(EXIT_USAGE, "%s", err);
    if (!api_get(&g->api, "/healthz", &health, err, sizeof err)) {
        api_response_free(&ver);
        return cli_fail(EXIT_USAGE, "%s", err);
    }
    json_t *v = ver.status == 200 ? api_json(&ver) : NULL;
    if (!v) {
        char line[512];
        api_problem_line(&ver, line, sizeof line);
        api_response_free(&ver);
        api_response_free(&health);
        return cli_fail(EXIT_REFUSED, "%s does not look like berkasd (GET /api/v1/version: %s)",
                        g->api.base, line);
    }
    bool healthy = health.status == 200;
    const char *version = json_string_value(json_object_get(v, "version"));
    const char *pg = json_string_value(json_object_get(v, "postgresql"));
    json_int_t schema = json_integer_value(json_object_get(v, "schema_version"));
    if (g->json) {
        json_t *out = json_pack("{s:s, s:O, s:s, s:b}", "server", g->api.base, "version", v,
                                "health", healthy ? "ok" : "unavailable", "healthy", healthy);
        out_json(out);
        json_decref(out);
    } else {
        printf("server      %s\n", g->api.base);
        printf("version     berkasd %s (API v1, schema %lld, PostgreSQL %s)\n",
               version ? version : "?", (long long)schema, pg ? pg : "?");
        if (healthy)
            printf("health      ok (database answers)\n");
        else {
            char line[512];
            api_problem_line(&health, line, sizeof line);
            printf("health      UNAVAILABLE (%s)\n", line);
        }
    }
    json_decref(v);
    api_response_free(&ver);
    api_response_free(&health);
    return healthy ? EXIT_OK : EXIT_REFUSED;
}

/* The table row for argv[0] (and argv[1] for a group); NULL after printing
 * help or a usage error into *rc.  *used is how many words named it. */
static const struct command *find_command(int argc, char **argv, int *used, int *rc)
{
    const char *name = argv[0];
    bool group = false;
    for (size_t i = 0; i < cli_ncommands; i++) {
        const struct command *c = &cli_commands[i];
        if (strcmp(c->name, name) != 0)
            continue;
        if (!c->sub) {
            *used = 1;
            return c;
        }
        group = true;
        if (argc > 1 && strcmp(c->sub, argv[1]) == 0) {
            *used = 2;
            return c;
        }
    }
    if (!group) {
        fprintf(stderr, "berkas: unknown command '%s' (see berkas --help)\n", name);
        *rc = EXIT_USAGE;
    } else if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        group_usage(name);
        *rc = EXIT_OK;
    } else if (argc > 1) {
        fprintf(stderr, "berkas %s: unknown subcommand '%s' (see berkas %s --help)\n", name,
                argv[1], name);
        *rc = EXIT_USAGE;
    } else {
        fprintf(stderr, "berkas %s: no subcommand given (see berkas %s --help)\n", name, name);
        *rc = EXIT_USAGE;
    }
    return NULL;
}

int main(int argc, char **argv)
{
    struct global g = {0};
    static const struct option longopts[] = {
        {"server", required_argument, NULL, 's'},
        {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    opterr = 0;
    int c;
    /* '+': stop at the command name; its options are its own */
    while ((c = getopt_long(argc, argv, "+:s:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 's':
            if (!*optarg) {
                fprintf(stderr, "berkas: --server needs a URL (see berkas --help)\n");
                return EXIT_USAGE;
            }
            g.server = optarg;
            break;
        case 'j':
            g.json = true;
            break;
        case 'h':
            usage(stdout);
            return EXIT_OK;
        case 'V':
            printf("berkas %s\n", BERKAS_VERSION);
            return EXIT_OK;
        case ':':
            fprintf(stderr, "berkas: option %s needs a value (see berkas --help)\n",
                    argv[optind - 1]);
            return EXIT_USAGE;
        default:
            fprintf(stderr, "berkas: unknown option '%s' (see berkas --help)\n", argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "berkas: no command given (see berkas --help)\n");
        return EXIT_USAGE;
    }
    int used = 0, rc = EXIT_USAGE;
    const struct command *cmd = find_command(argc - optind, argv + optind, &used, &rc);
    if (!cmd)
        return rc;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    /* the handler's argv[0] is the last word of its name */
    rc = cmd->run(&g, cmd, argc - optind - used + 1, argv + optind + used - 1);
    cli_end(&g);
    curl_global_cleanup();
    return rc;
}
