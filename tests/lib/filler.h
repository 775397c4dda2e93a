/*
 * filler.h - what the integration suites write into a BAP or a Resume before
 * they issue its paper (issue 8: an empty BAP or Resume is not issued), over
 * real HTTP.  The content is complete for any kind of BAP and any charges.
 */
#ifndef BERKAS_TESTS_FILLER_H
#define BERKAS_TESTS_FILLER_H

/* PUT a complete content into BAP event (case case_id) on berkasd at port
 * as token: questions and answers, and what its kind asks for (counsel told
 * and present with a name, an expert's oath and field).  Asserts 200/201. */
void fill_bap(int port, const char *token, long long case_id, long long event);

/* PUT a complete Resume into event: a summary, facts, an analysis of every
 * element of every charge the server lists, a conclusion.  Asserts 200/201. */
void fill_resume(int port, const char *token, long long case_id, long long event);

/* The text of issued document id as token reads it, pdftotext with white
 * space collapsed to one space (a wrapped line reads as one); caller frees. */
char *fill_document_text(int port, const char *token, long long id);

/* The same for any PDF route (e.g. a dossier), GET as token; 200 asserted. */
char *fill_pdf_text(int port, const char *token, const char *route);

#endif
