/*
 * stage.h - the stages of a case (DESIGN.md "The state machine").
 *
 * A case is always in exactly one stage.  The codes are stable API and
 * database values; the labels are what users and forms see.  Which events a
 * stage accepts, and where they lead, is fsm.c's table, not this file's.
 */
#ifndef BERKAS_CORE_STAGE_H
#define BERKAS_CORE_STAGE_H

#include <stdbool.h>

enum stage {
    ST_PRE_INVESTIGATION, /* a new case starts here */
    ST_INVESTIGATION,
    ST_WITH_PROSECUTOR,
    ST_RETURNED,
    ST_COMPLETE,
    ST_HANDED_OVER,
    ST_LAPSED,
    ST_TERMINATED,
    ST_ADMINISTRATIVE,
    ST_DISMISSED,
    ST__COUNT
};

/* True when s is a real stage (0 <= s < ST__COUNT). */
bool stage_valid(enum stage s);

/* Stable snake_case code ("with_prosecutor"), or "" for an invalid stage. */
const char *stage_code(enum stage s);

/* Indonesian label ("Penelitian berkas (Tahap I)"), or "" for an invalid stage. */
const char *stage_label(enum stage s);

/* The label of handed_over reached by the short procedure (UU 6/2011 Pasal 110: the suspect,
 * the evidence and the catatan go to the Penuntut Umum with no P-21 and no berkas perkara;
 * DOMAIN 4.14), which is not Tahap II. */
#define STAGE_SHORT_HANDED_OVER_LABEL "Penyerahan perkara acara singkat"

/* The label of a file's stage s: stage_label(s), but for a file handed over under the short
 * procedure (short_procedure: its handed_over stands on a short_procedure_handover)
 * STAGE_SHORT_HANDED_OVER_LABEL - the one label every list, page and refusal says of it. */
const char *stage_label_of(enum stage s, bool short_procedure);

/* Where the stage comes from in the law, for tooltips and forms. */
const char *stage_basis(enum stage s);

/* True for the stages no procedural act leaves: handed_over, administrative,
 * dismissed.  (terminated and lapsed can be reopened, so they are not.) */
bool stage_terminal(enum stage s);

/* The stage whose code is `code`; false (out untouched) for an unknown code. */
bool stage_lookup(const char *code, enum stage *out);

#endif
