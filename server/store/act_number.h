/*
 * act_number.h (store) - an act's one number as an SQL expression, for the
 * statements of store/ that name an act (the case XML, the history, an
 * upload's check).
 */
#ifndef BERKAS_STORE_ACT_NUMBER_H
#define BERKAS_STORE_ACT_NUMBER_H

/* The number of the act app.events row e (an alias): the number given with
 * it outside berkas, else the number berkas gave its paper (a document of it
 * in force that carries the act's number), else the number its signed paper
 * was uploaded under (the first upload with one); '' when none.  An act has
 * one number (30fbde2): whichever way it was given, every paper that cites
 * the act and the case's history name that one. */
#define STORE_ACT_NUMBER(e)                                                                        \
    "coalesce(nullif(" e ".doc_number, ''), (SELECT d.number FROM app.documents d "                \
    "WHERE d.event_id = " e ".id AND d.act_number AND d.revoked_at IS NULL ORDER BY d.id "         \
    "LIMIT 1), (SELECT u.number FROM app.uploads u WHERE u.event_id = " e ".id AND "               \
    "u.case_id = " e ".case_id AND u.number <> '' ORDER BY u.id LIMIT 1), '')"

#endif
