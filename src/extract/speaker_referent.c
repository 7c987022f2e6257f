/* SPDX-License-Identifier: MIT
 *
 * speaker_referent.c — who a referent is, and the people a pronoun may stand for.
 *
 *   referent (entity, pending role, none) -> entity; statements in text order -> recent[4]
 *
 * statement.c notes each statement's referent in text order (hd_ex_ref_note), so that "he",
 * "she" and "it" find the most recent person or organisation of a compatible gender; it,
 * reported.c and extract.c resolve referents to entities (hd_ex_ref_entity).
 */
#include "extract/speaker_int.h"

int32_t hd_ex_ref_entity(const xctx *x, int32_t ref)
{
    if (ref >= 0)
        return ref;
    if (REF_IS_PEND(ref))
        return x->pend[REF_PEND_IDX(ref)].ent;
    return -1;
}

static void note_person(xctx *x, int32_t ref)
{
    x->last_ref = ref;
    int k = 0;
    while (k < 3 && x->recent[k] != ref)
        k++;
    for (; k > 0; k--)
        x->recent[k] = x->recent[k - 1];
    x->recent[0] = ref;
}

void hd_ex_ref_note(xctx *x, int32_t ref)
{
    if (ref >= 0) {
        if (x->ent[ref].kind == HD_ENT_PERSON)
            note_person(x, ref);
        else if (x->ent[ref].kind == HD_ENT_ORG)
            x->last_org_ref = ref;
    } else if (REF_IS_PEND(ref)) {
        note_person(x, ref);
    }
}

int hd_ex_gender_ok(const xctx *x, int32_t ref, char gender)
{
    int32_t e = hd_ex_ref_entity(x, ref);
    return !gender || e < 0 || !x->ent[e].gender || x->ent[e].gender == gender;
}

int32_t hd_ex_recent_person(const xctx *x, char gender)
{
    for (int k = 0; k < 4; k++)
        if (x->recent[k] != REF_NONE && hd_ex_gender_ok(x, x->recent[k], gender))
            return x->recent[k];
    return REF_NONE;
}
