/* SPDX-License-Identifier: MIT
 *
 * statement_resolve.c — pass B: the speakers that statements only point to.
 *
 *   xstmt[] of pass A (in any order) -> xstmt[] in text order, referents resolved
 *
 * Pass B walks the statements in text order and resolves pronouns (he/she: the most recent
 * person who spoke or led a sentence; it: the most recent organisation; they: the plural
 * description just before; "the company": the organisation named with that word),
 * continuations (the previous speaker, within two paragraphs) and quotes continued on the
 * next paragraph. Called by statement.c (hd_ex_resolve).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/extract_int.h"

/* Is statement p's speaker a plural description ("analysts", "the officials", "some
 * traders"; or a "they" that stood for one)? */
static int plural_description(const xctx *x, const xstmt *p)
{
    uint32_t a = p->sp1 ? p->sp0 : p->np0, b = p->sp1 ? p->sp1 : p->np1;
    if (b <= a)
        return 0;
    uint32_t h = b - 1;
    const xtok *t = &x->t[h];
    return tok_has(x, h, LW_SNOUN) && !(t->flags & TF_ALLCAPS) && t->stem_e - t->s > 2 &&
           x->b[t->stem_e - 1] == 's';
}

/* Does the name hold a word ending with the `n` bytes of w, case-insensitively ("Bank of
 * England", "Bundesbank" for "bank")? */
static int name_has_word_end(const char *name, const char *w, size_t n)
{
    for (const char *p = name; *p;) {
        size_t l = strcspn(p, " ");
        if (l >= n && strncasecmp(p + l - n, w, n) == 0)
            return 1;
        p += l;
        while (*p == ' ')
            p++;
    }
    return 0;
}

/* The person an appositive after the comma at token c names, in a sentence ending at token
 * e ("Another superdelegate, Michael Brown, …", "Her son, filmmaker Charlie McDowell, …"):
 * the first name after the comma, behind at most three lower-case words of a role or a
 * determiner; else REF_NONE. */
static int32_t appositive_person(const xctx *x, uint32_t c, uint32_t e)
{
    for (uint32_t k = c + 1; k < e && k < c + 5; k++) {
        int32_t r = x->tent[k];
        if (r >= 0)
            return x->ent[r].kind == HD_ENT_PERSON ? r : REF_NONE;
        if (!tok_word(x, k) || (x->t[k].flags & (TF_CAP | TF_ALLCAPS | TF_DIGIT)) ||
            x->t[k].lex >> 24 ||
            (tok_has(x, k, LW_FUNC | LW_PRON | LW_NOTNOUN) && !tok_has(x, k, LW_DET)))
            return REF_NONE;
    }
    return REF_NONE;
}

/* The person a sentence's subject np, ending at token e, stands for when an appositive names
 * one: after a description ("Another superdelegate, Michael Brown, …") or after a named
 * owner's noun ("Steenburgen's son, filmmaker Charlie McDowell, …": the son, not Steenburgen,
 * whom np.ref holds). A possessive pronoun opening the description ("His opponent, Hillary
 * Clinton, won") makes its owner the likelier antecedent of a pronoun of that gender, so only
 * the other gender finds the appositive ("Her son, …. … he said"). np->ref when none. */
static int32_t described_person(const xctx *x, const xnp *np, uint32_t e, char gender)
{
    if (np->ref == REF_NONE) {
        int his = tok_is(x, np->t0, "his"), her = tok_is(x, np->t0, "her");
        if (np->t1 + 1 >= e || !tok_punct(x, np->t1, ',') || tok_is(x, np->t0, "their") ||
            (his && gender != 'f') || (her && gender != 'm'))
            return REF_NONE;
        return appositive_person(x, np->t1, e);
    }
    if (np->t1 == 0 || !(x->t[np->t1 - 1].flags & TF_POSS))
        return np->ref;
    uint32_t k = np->t1;
    while (k < e && k < np->t1 + 3 && tok_word(x, k) && !(x->t[k].flags & TF_CAP) &&
           !(x->t[k].lex >> 24))
        k++;
    int32_t p = k > np->t1 && tok_punct(x, k, ',') ? appositive_person(x, k, e) : REF_NONE;
    return p != REF_NONE ? p : np->ref;
}

/* The latest sentence-initial subject in tokens [lo, hi) that is a person (want_org 0) or an
 * organisation (1), or REF_NONE. Reads backwards and stops at the first hit, so only the
 * sentences before a pronoun are looked at. */
static int32_t latest_subject(xctx *x, uint32_t lo, uint32_t hi, int want_org, char gender,
                              int32_t *skipped)
{
    for (uint32_t ti = hi; ti-- > lo;) {
        if (!(x->t[ti].flags & TF_SSTART) || x->t[ti].flags & TF_INQ)
            continue;
        xnp np;
        uint32_t e = ti;
        while (e < x->nt && e < ti + 30 && x->t[e].sent == x->t[ti].sent && x->t[e].kind != TK_PARA)
            e++;
        if (!hd_ex_np_sentence_subject(x, ti, e, &np))
            continue;
        /* "Another superdelegate, Michael Brown of Washington, D.C., explained …": a
         * description, then the person it names (not "His opponent, Hillary Clinton, won …":
         * whose opponent is the one a "he" after it stands for) */
        np.ref = described_person(x, &np, e, gender);
        if (np.ref == REF_NONE)
            continue;
        int org = np.ref >= 0 && x->ent[np.ref].kind == HD_ENT_ORG && x->ent[np.ref].org_hint;
        int person = REF_IS_PEND(np.ref) || (np.ref >= 0 && x->ent[np.ref].kind == HD_ENT_PERSON);
        if (want_org ? org : person && hd_ex_gender_ok(x, np.ref, gender))
            return np.ref;
        if (person && skipped && *skipped == REF_NONE)
            *skipped = np.ref; /* "she" passed over Mr Gray: he stays a candidate for "he" */
    }
    return REF_NONE;
}

/* The organisation a definite description ("the bank") refers to: the nearest one named
 * before it whose name has the head noun; else, for the generic words of a business ("the
 * company", "the firm"), the latest organisation that led a sentence or spoke; else unknown. */
static int32_t described_org(xctx *x, const xstmt *s, uint32_t org_at)
{
    uint32_t h = s->np1 - 1;
    const char *w = x->b + x->t[h].s;
    size_t n = x->t[h].stem_e - x->t[h].s;
    uint32_t from = s->np0 < s->anchor ? s->np0 : s->anchor;
    int32_t tried = -1; /* a name's tokens share its entity: test it once per mention */
    for (uint32_t k = from, seen = 0; k-- > 0 && seen < 4000; seen++) {
        int32_t e = x->tent[k];
        if (e < 0 || e == tried)
            continue;
        tried = e;
        if (x->ent[e].kind == HD_ENT_ORG && name_has_word_end(x->ent[e].name, w, n))
            return e;
    }
    static const char *const generic[] = {"company", "firm",  "corporation",
                                          "concern", "group", NULL};
    if (tok_in(x, h, generic)) {
        int32_t r = latest_subject(x, org_at, s->anchor, 1, 0, NULL);
        return r != REF_NONE ? r : x->last_org_ref;
    }
    return REF_NONE;
}

static int by_anchor(const void *a, const void *b)
{
    const xstmt *p = a, *q = b;
    return p->anchor < q->anchor ? -1 : p->anchor > q->anchor;
}

/* May the one-word name o, so far taken for an organisation, be a person's: named at least
 * twice, never as a place ("in London") nor with a legal form after it, and once as people are
 * ("Parry, speaking to BBC Sport, …", "Parry, who …", "Parry, 52, …", "chief executive
 * Parry")? */
static int lone_person(const xctx *x, int32_t o)
{
    static const char *const place[] = {"in", "at", "from", "to", "near", NULL};
    if (x->ent[o].n_mentions < 2)
        return 0;
    int personal = 0;
    for (uint32_t k = 1; k < x->nt; k++) {
        if (x->tent[k] != o)
            continue;
        if (tok_in(x, k - 1, place))
            return 0;
        if (k + 1 < x->nt && tok_has(x, k + 1, LW_FIRM))
            return 0;
        personal |= tok_has(x, k - 1, LW_ROLE | LW_TITLE) && !(x->t[k - 1].flags & TF_CAP);
        if (k + 2 < x->nt && tok_punct(x, k + 1, ',')) {
            const xtok *n = &x->t[k + 2];
            personal |= tok_is(x, k + 2, "who") || (n->flags & TF_DIGIT) ||
                        (tok_word(x, k + 2) && !(n->flags & TF_CAP) && n->e - n->s > 5 &&
                         x->b[n->e - 1] == 'g' && x->b[n->e - 2] == 'n' && x->b[n->e - 3] == 'i');
        }
    }
    return personal;
}

/* Statements in text order (by anchor). */
static void sort_by_anchor(xctx *x)
{
    if (x->nst > 1) {
        /* nearly sorted already: insertion sort, qsort for the rare long unsorted run */
        size_t moves = 0;
        for (uint32_t i = 1; i < x->nst && moves < 4096; i++) {
            xstmt v = x->st[i];
            uint32_t j = i;
            while (j > 0 && x->st[j - 1].anchor > v.anchor) {
                x->st[j] = x->st[j - 1];
                j--;
                moves++;
            }
            x->st[j] = v;
        }
        if (moves >= 4096)
            qsort(x->st, x->nst, sizeof *x->st, by_anchor);
    }
}

/* What pass B remembers of the statements before the current one. */
typedef struct rstate {
    uint32_t person_at, org_at; /* where last_ref / last_org_ref were set */
    int32_t prev_ref;
    uint32_t prev_para;
    const xstmt *prev_st;
    int have_prev;
} rstate;

/* "he"/"she": s->ref from the sentences since person_at, else the most recent person. */
static void resolve_he(xctx *x, xstmt *s, uint32_t person_at)
{
    int32_t skipped = REF_NONE;
    int32_t r = latest_subject(x, person_at, s->anchor, 0, s->gender, &skipped);
    if (skipped != REF_NONE)
        hd_ex_ref_note(x, skipped);
    s->ref = r != REF_NONE ? r : hd_ex_recent_person(x, s->gender);
    /* no person for "he" but a one-word name that just spoke ("Parry, speaking to BBC
     * Sport, admits …. He told …"): that name is a person's */
    int32_t o = hd_ex_ref_entity(x, x->last_org_ref);
    if (s->ref == REF_NONE && o >= 0 && x->ent[o].alone && x->ent[o].n_words == 1 &&
        lone_person(x, o)) {
        x->ent[o].kind = HD_ENT_PERSON;
        x->ent[o].org_hint = 0;
        x->ent[o].alone = 0;
        s->ref = x->last_org_ref;
        x->last_org_ref = REF_NONE;
    }
    /* learn: whoever "she" was is a woman for the rest of the article */
    int32_t e = hd_ex_ref_entity(x, s->ref);
    if (e >= 0 && !x->ent[e].gender)
        x->ent[e].gender = s->gender;
}

/* Note live statement s's speaker as the antecedent of what follows. */
static void note_speaker(xctx *x, const xstmt *s, rstate *rs)
{
    hd_ex_ref_note(x, s->ref);
    /* the text before was searched (pronoun) or is superseded (a speaker): later
     * searches start here, which keeps the pass linear */
    if (s->pron == 'h' || REF_IS_PEND(s->ref) ||
        (s->ref >= 0 && x->ent[s->ref].kind == HD_ENT_PERSON))
        rs->person_at = s->anchor;
    if (s->pron == 'i' || (s->ref >= 0 && x->ent[s->ref].kind == HD_ENT_ORG))
        rs->org_at = s->anchor;
    rs->prev_ref = s->ref;
    rs->prev_para = s->para;
    rs->prev_st = s;
    rs->have_prev = 1;
}

/* 'n': the speaker of the next live statement */
static void next_speakers(xctx *x)
{
    for (uint32_t si = x->nst; si-- > 0;) {
        xstmt *s = &x->st[si];
        if (s->pron != 'n')
            continue;
        s->dead = 1;
        for (uint32_t k = si + 1; k < x->nst && k < si + 64; k++)
            if (!x->st[k].dead && x->st[k].pron != 'n') {
                s->ref = x->st[k].ref;
                s->np0 = x->st[k].np0;
                s->np1 = x->st[k].np1;
                s->cue0 = x->st[k].cue0;
                s->cue1 = x->st[k].cue1;
                s->dead = 0;
                break;
            }
    }
}

/* Pass B: pronouns and continuations in text order. he/she is the most recent person who
 * spoke or led a sentence; it is the most recent organisation. */
void hd_ex_resolve(xctx *x)
{
    sort_by_anchor(x);
    x->last_ref = REF_NONE;
    x->last_org_ref = REF_NONE;
    for (int k = 0; k < 4; k++)
        x->recent[k] = REF_NONE;
    rstate rs = {.person_at = 0, .org_at = 0, .prev_ref = REF_NONE};
    for (uint32_t si = 0; si < x->nst; si++) {
        xstmt *s = &x->st[si];
        if (s->dead) {
            /* no statement ("Kunin said in an interview with USA TODAY."), but its named
             * speaker is the one a "she said" after it may stand for */
            if (s->ref >= 0)
                hd_ex_ref_note(x, s->ref);
            continue;
        }
        if (s->pron == 'h') {
            resolve_he(x, s, rs.person_at);
        } else if (s->pron == 'i') {
            int32_t r = latest_subject(x, rs.org_at, s->anchor, 1, 0, NULL);
            s->ref = r != REF_NONE ? r : x->last_org_ref;
        } else if (s->pron == 'o') {
            s->ref = described_org(x, s, rs.org_at);
        } else if (s->pron == 't') {
            /* "Analysts said …. They said …": the plural description of the statement just
             * before, in the same or the previous paragraph; else unknown */
            const xstmt *pv = rs.prev_st;
            if (pv && pv->ref == REF_NONE && s->para <= pv->para + 1 && plural_description(x, pv)) {
                s->sp0 = pv->sp1 ? pv->sp0 : pv->np0;
                s->sp1 = pv->sp1 ? pv->sp1 : pv->np1;
            }
        } else if (s->pron == 'c') {
            if (!rs.have_prev || s->para > rs.prev_para + 2 || rs.prev_ref == REF_NONE) {
                s->dead = 1;
                continue;
            }
            s->ref = rs.prev_ref;
        }
        if (s->pron != 'n')
            note_speaker(x, s, &rs);
    }
    next_speakers(x);
}
