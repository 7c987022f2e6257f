/* SPDX-License-Identifier: MIT
 *
 * statement.c — the statement passes of one article, and what they share.
 *
 *   tokens + quote spans + entities -> xstmt[] (speakers resolved)
 *
 * Pass A: direct quotes (quote.c), block paragraphs after "X said:", quote chains and
 * cue-less continuation paragraphs, then reported speech sentence by sentence (reported.c).
 * Pass B walks the statements in text order and resolves pronouns (he/she: the most recent
 * person who spoke or led a sentence; it: the most recent organisation), continuations (the
 * previous speaker, within two paragraphs) and quotes continued on the next paragraph.
 * Finally roles mentioned without a name are bound to their holder (entity.c). Also here:
 * the cue, noun-phrase and quote helpers quote.c and reported.c share.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/mem.h"
#include "extract/extract_int.h"

xstmt *hd_ex_st_new(xctx *x)
{
    if (x->nst + 1 > x->cap_st && HD_GROW(x->st, x->cap_st, x->nst + 1) != 0) {
        x->oom = 1;
        return NULL;
    }
    xstmt *s = &x->st[x->nst++];
    memset(s, 0, sizeof *s);
    return s;
}

uint32_t hd_ex_cue_class(const xctx *x, uint32_t i)
{
    if (!tok_word(x, i) || (x->t[i].flags & (TF_INQ | TF_CAP)) || x->used[i])
        return 0;
    return (tok_word(x, i) ? x->t[i].lex >> 24 : 0);
}

int hd_ex_stop_tok(const xctx *x, uint32_t i)
{
    const xtok *t = &x->t[i];
    return t->kind == TK_PARA || t->kind == TK_QOPEN ||
           (t->kind == TK_PUNCT && (t->ch == '.' || t->ch == '?' || t->ch == '!' || t->ch == ';'));
}

/* Is cue i a verb of undertaking (promise, pledge, vow, threaten), whose "to" opens what was
 * said ("vowed to fight on") rather than a listener ("said to reporters")? */
int hd_ex_commits(const xctx *x, uint32_t i)
{
    static const char *const v[] = {"promised",  "promises", "promise", "pledged", "pledges",
                                    "pledge",    "vowed",    "vows",    "vow",     "threatened",
                                    "threatens", "threaten", NULL};
    if (tok_in(x, i, v))
        return 1;
    return 0;
}

/* Is cue i usable (not "warned against", "continued to", needs "for"/"as")? */
/* Is cue i a verb with a noun phrase for object, not a clause: "maintained her lead", "observed
 * the vote", "threatened further scores", "pledged delegates"? Verbs that are speech only with a
 * clause ("maintained the company was solvent"): a determiner after them and no auxiliary or "that"
 * in the next words is an object. ("wrote a letter asking …" stays: what was written is what was
 * said.) */
static int np_object(const xctx *x, uint32_t i)
{
    static const char *const v[] = {"maintained", "maintains",  "maintain",  "observed", "observes",
                                    "observe",    "threatened", "threatens", NULL};
    if (i + 1 >= x->nt)
        return 0;
    if (!tok_has(x, i + 1, LW_DET))
        return tok_is(x, i, "pledged") &&
               (tok_is(x, i + 1, "delegates") || tok_is(x, i + 1, "delegate"));
    if (tok_is(x, i + 1, "that"))
        return 0;
    if (!tok_in(x, i, v))
        return 0;
    for (uint32_t k = i + 2; k < x->nt && k < i + 12 && !hd_ex_stop_tok(x, k); k++)
        if (tok_has(x, k, LW_NOTNOUN | LW_VERB) || tok_is(x, k, "that") || x->t[k].kind == TK_QOPEN)
            return 0;
    return 1;
}

int hd_ex_cue_ok(const xctx *x, uint32_t i, uint32_t cls)
{
    static const char *const bad[] = {"against", "with", "to", "up", "off",
                                      "out",     "into", "by", NULL};
    /* "responded and confirmed that A": the second verb introduces A */
    if (tok_is(x, i + 1, "and") && i + 2 < x->nt && tok_word(x, i + 2) && (x->t[i + 2].lex >> 24))
        return 0;
    /* "floating rate notes", "zero coupon notes", "senior subordinated notes": debt */
    static const char *const debt[] = {"rate",
                                       "coupon",
                                       "senior",
                                       "subordinated",
                                       "convertible",
                                       "treasury",
                                       "exchangeable",
                                       "promissory",
                                       "term",
                                       "guaranteed",
                                       "secured",
                                       "unsecured",
                                       "discount",
                                       "bank",
                                       "capital",
                                       "dollar",
                                       "sterling",
                                       "yen",
                                       NULL};
    if (i > 0 && tok_is(x, i, "notes") && tok_in(x, i - 1, debt))
        return 0;
    /* "who asked not to be identified": a condition of anonymity, nothing said */
    if ((tok_is(x, i, "asked") || tok_is(x, i, "asking")) && tok_is(x, i + 1, "not") &&
        tok_is(x, i + 2, "to"))
        return 0;
    /* "a 10 pct value added tax", "value added goods and services tax": a tax, no one adding */
    if (i > 0 && tok_is(x, i, "added") && tok_is(x, i - 1, "value"))
        return 0;
    if (cls == VC_CALL) {
        if (tok_is(x, i + 1, "for") || tok_is(x, i + 1, "on"))
            return 1;
        /* "a tax loophole called an “inversion”", "a group called …": a thing named, no one
         * speaking (a participle right after an indefinite noun phrase) */
        if (i > 1 && tok_word(x, i - 1) && !(x->t[i - 1].flags & (TF_CAP | TF_INQ)) &&
            !tok_has(x, i - 1, LW_ROLE | LW_SNOUN | LW_PRON | LW_NOTNOUN | LW_ADV))
            for (uint32_t k = i - 1; k-- > 0 && i - k <= 4;) {
                if (!tok_word(x, k))
                    break;
                if (tok_is(x, k, "a") || tok_is(x, k, "an"))
                    return 0;
            }
        /* "called the budget “a spending spree”" names what someone said */
        for (uint32_t k = i + 1; k < x->nt && k < i + 7; k++) {
            if (x->t[k].kind == TK_QOPEN)
                return k > i + 1;
            if (hd_ex_stop_tok(x, k))
                break;
        }
        return 0;
    }
    /* "vowed to “take our fight” to the states": the quote opens what was undertaken */
    if (tok_is(x, i + 1, "to") && hd_ex_commits(x, i) && i + 3 < x->nt &&
        x->t[i + 2].kind == TK_QOPEN && tok_word(x, i + 3) &&
        !(x->t[i + 3].flags & (TF_CAP | TF_DIGIT)))
        return 1;
    if (tok_is(x, i + 1, "to") && hd_ex_commits(x, i) && i + 2 < x->nt && tok_word(x, i + 2) &&
        !(x->t[i + 2].flags & (TF_CAP | TF_DIGIT)) &&
        !tok_has(x, i + 2, LW_DET | LW_PRON | LW_FUNC))
        return 1; /* "pledged to oppose legal status": what X undertook to do */
    /* "wrote to Sanders' Senate office that …", "said to reporters that …" */
    if (tok_is(x, i + 1, "to") && !hd_ex_commits(x, i))
        for (uint32_t k = i + 2; k < x->nt && k < i + 10 && !hd_ex_stop_tok(x, k); k++)
            if (tok_is(x, k, "that") && !(x->t[k].flags & TF_INQ))
                return 1;
    /* "pointed out (that) …"; not "pointed to the map" */
    if (tok_is(x, i, "pointed"))
        return tok_is(x, i + 1, "out");
    /* "underlined that …", "affirmed that …"; not "bond prices underscored the anxiety", "S
     * and P affirmed the ratings" */
    if (tok_is(x, i, "underlined") || tok_is(x, i, "underscored") || tok_is(x, i, "affirmed") ||
        tok_is(x, i, "clarified"))
        return tok_is(x, i + 1, "that") || (i + 1 < x->nt && x->t[i + 1].kind == TK_QOPEN) ||
               tok_punct(x, i + 1, ':') || tok_punct(x, i + 1, ',');
    if (tok_in(x, i + 1, bad))
        return 0;
    /* "let's say they …" supposes; nobody speaks */
    if (i > 0 && tok_word(x, i - 1) && x->t[i - 1].stem_e - x->t[i - 1].s == 3 &&
        x->t[i - 1].e > x->t[i - 1].stem_e && !strncasecmp(x->b + x->t[i - 1].s, "let", 3))
        return 0;
    /* "the index added 20.72 points": a sum, not a remark */
    if (tok_is(x, i, "added") && i + 1 < x->nt && (x->t[i + 1].flags & TF_DIGIT))
        return 0;
    if (tok_is(x, i + 1, "for") && !tok_is(x, i, "asked"))
        return 0;
    if (np_object(x, i))
        return 0;
    /* "the four men accused of distributing drugs": a participle, no one speaking; "to quell
     * claims of a falling-out", "reports of fighting": nouns */
    if (tok_is(x, i + 1, "of") && (tok_is(x, i, "accused") || tok_is(x, i, "claims") ||
                                   tok_is(x, i, "reports") || tok_is(x, i, "promises")))
        return 0;
    /* "said about one in five …", "said about half of …" are clauses; "complained about the
     * noise" is not */
    static const char *const amount[] = {"half",  "a",     "one",     "two",   "three", "four",
                                         "five",  "six",   "seven",   "eight", "nine",  "ten",
                                         "dozen", "third", "quarter", "twice", NULL};
    if (tok_is(x, i + 1, "about") && !(x->t[i + 2 < x->nt ? i + 2 : i].flags & TF_DIGIT) &&
        !tok_has(x, i + 2, LW_DET)) {
        int q = tok_in(x, i + 2, amount);
        if (!q)
            return 0;
    }
    return 1;
}

/* Is token i an age written as a word: "31-year-old"? */
static int aged(const xctx *x, uint32_t i)
{
    const xtok *t = &x->t[i];
    size_t n = t->e - t->s;
    const char *p = x->b + t->s;
    return tok_word(x, i) && n >= 10 && n <= 13 && p[0] >= '1' && p[0] <= '9' &&
           !memcmp(p + n - 9, "-year-old", 9);
}

static unsigned number_at(const xctx *x, uint32_t i)
{
    unsigned v = 0;
    for (uint32_t k = x->t[i].s; k < x->t[i].e && x->b[k] >= '0' && x->b[k] <= '9' && v < 1000; k++)
        v = v * 10 + (unsigned)(x->b[k] - '0');
    return v;
}

/* The person whose age the article gives as that of token i ("31-year-old"), nearest before
 * it, else first after it, or -1. */
static int32_t person_of_age(const xctx *x, uint32_t i)
{
    unsigned age = number_at(x, i);
    int32_t found = -1;
    for (uint32_t k = 0; k + 2 < x->nt; k++) {
        int32_t e = -1;
        if (k != i && aged(x, k) && number_at(x, k) == age && x->tent[k + 1] >= 0)
            e = x->tent[k + 1]; /* "31-year-old Darren Campbell" */
        else if (x->tent[k] >= 0 && x->tent[k + 1] != x->tent[k] && tok_punct(x, k + 1, ',') &&
                 (x->t[k + 2].flags & TF_DIGIT) && x->t[k + 2].e - x->t[k + 2].s <= 3 &&
                 number_at(x, k + 2) == age &&
                 (k + 3 >= x->nt || tok_punct(x, k + 3, ',') || tok_punct(x, k + 3, ')')))
            e = x->tent[k]; /* "Darren Campbell, 31," */
        if (e < 0 || x->ent[e].kind != HD_ENT_PERSON)
            continue;
        if (k > i && found >= 0)
            break;
        found = e;
        if (k > i)
            break;
    }
    return found;
}

void hd_ex_set_np(xctx *x, xstmt *s, const xnp *np)
{
    s->np0 = np->t0;
    s->np1 = np->t1;
    s->ref = np->ref;
    /* "The 31-year-old said": the person whose age the article gives as 31 ("Darren Campbell,
     * 31,", "31-year-old Darren Campbell"); no one when it gives none (a guess is no answer) */
    if (np->ref == REF_NONE && tok_is(x, np->t0, "the") && np->t1 > np->t0 + 1 &&
        np->t1 <= np->t0 + 3 && aged(x, np->t0 + 1)) {
        int32_t e = person_of_age(x, np->t0 + 1);
        if (e >= 0)
            s->ref = e;
        return;
    }
    /* "His Eminence added", "Her Majesty said": an honorific read like "he" and "she" */
    if (np->t1 == np->t0 + 2 && np->ref == REF_NONE && hd_ex_honorific(x, np->t0 + 1) &&
        (tok_is(x, np->t0, "his") || tok_is(x, np->t0, "her"))) {
        s->pron = 'h';
        s->gender = tok_is(x, np->t0, "his") ? 'm' : 'f';
        return;
    }
    if (np->t1 == np->t0 + 1 && np->ref == REF_NONE) {
        uint32_t i = np->t0;
        if (tok_is(x, i, "he") || tok_is(x, i, "she")) {
            s->pron = 'h';
            s->gender = tok_is(x, i, "he") ? 'm' : 'f';
        } else if (tok_is(x, i, "it")) {
            s->pron = 'i';
        } else if (tok_is(x, i, "they")) {
            s->pron = 't';
        }
        return;
    }
    /* "the company", "the central bank", "its ministry": a definite description of an
     * institution (a singular speaker noun or organisation word) points back to an
     * organisation of the article */
    if (np->t1 < np->t0 + 2 || np->ref != REF_NONE)
        return;
    uint32_t h = np->t1 - 1;
    int plain = !(x->t[h].flags & (TF_CAP | TF_ALLCAPS));
    /* "the Bank", "the Commission": the short name of one named in full before */
    int short_name = np->t1 == np->t0 + 2 && tok_has(x, h, LW_ORG) && (x->t[h].flags & TF_CAP);
    if (np->t1 > np->t0 + 1 && np->ref == REF_NONE && tok_has(x, h, LW_SNOUN | LW_ORG) &&
        (plain || short_name) && x->b[x->t[h].e - 1] != 's' &&
        (tok_is(x, np->t0, "the") || tok_is(x, np->t0, "its")))
        s->pron = 'o';
}

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

static int32_t latest_subject(xctx *x, uint32_t lo, uint32_t hi, int want_org, char gender,
                              int32_t *skipped);

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

/* Sentence start of token i. */
uint32_t hd_ex_sent_start(const xctx *x, uint32_t i)
{
    while (i > 0 && x->t[i - 1].sent == x->t[i].sent && x->t[i - 1].kind != TK_PARA)
        i--;
    return i;
}

/* Does [a, b) touch a quote already attributed? */
int hd_ex_has_used_quote(const xctx *x, uint32_t a, uint32_t b)
{
    for (uint32_t k = a; k < b; k++)
        if (x->t[k].qi && x->q[x->t[k].qi - 1].stmt >= 0)
            return 1;
    return 0;
}

int hd_ex_adverbial_start(const xctx *x, uint32_t i, uint32_t end)
{
    if (i >= end || x->t[i].kind != TK_WORD)
        return 1;
    /* one of lexicon.c's builtin_advb, written as it is: no possessive, no period */
    const xtok *t = &x->t[i];
    return (t->lex & LW_ADVB) && t->stem_e == t->e && x->b[t->e - 1] != '.';
}

static int by_anchor(const void *a, const void *b)
{
    const xstmt *p = a, *q = b;
    return p->anchor < q->anchor ? -1 : p->anchor > q->anchor;
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
        if (!hd_ex_np_sentence_subject(x, ti, e, &np) || np.ref == REF_NONE)
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

/* Pass B: pronouns and continuations in text order. he/she is the most recent person who
 * spoke or led a sentence; it is the most recent organisation. */
static void resolve(xctx *x)
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
    x->last_ref = REF_NONE;
    x->last_org_ref = REF_NONE;
    for (int k = 0; k < 4; k++)
        x->recent[k] = REF_NONE;
    uint32_t person_at = 0, org_at = 0; /* where last_ref / last_org_ref were set */
    int32_t prev_ref = REF_NONE;
    uint32_t prev_para = 0;
    const xstmt *prev_st = NULL;
    int have_prev = 0;
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
        } else if (s->pron == 'i') {
            int32_t r = latest_subject(x, org_at, s->anchor, 1, 0, NULL);
            s->ref = r != REF_NONE ? r : x->last_org_ref;
        } else if (s->pron == 'o') {
            s->ref = described_org(x, s, org_at);
        } else if (s->pron == 't') {
            /* "Analysts said …. They said …": the plural description of the statement just
             * before, in the same or the previous paragraph; else unknown */
            const xstmt *pv = prev_st;
            if (pv && pv->ref == REF_NONE && s->para <= pv->para + 1 && plural_description(x, pv)) {
                s->sp0 = pv->sp1 ? pv->sp0 : pv->np0;
                s->sp1 = pv->sp1 ? pv->sp1 : pv->np1;
            }
        } else if (s->pron == 'c') {
            if (!have_prev || s->para > prev_para + 2 || prev_ref == REF_NONE) {
                s->dead = 1;
                continue;
            }
            s->ref = prev_ref;
        }
        if (s->pron != 'n') {
            hd_ex_ref_note(x, s->ref);
            /* the text before was searched (pronoun) or is superseded (a speaker): later
             * searches start here, which keeps the pass linear */
            if (s->pron == 'h' || REF_IS_PEND(s->ref) ||
                (s->ref >= 0 && x->ent[s->ref].kind == HD_ENT_PERSON))
                person_at = s->anchor;
            if (s->pron == 'i' || (s->ref >= 0 && x->ent[s->ref].kind == HD_ENT_ORG))
                org_at = s->anchor;
            prev_ref = s->ref;
            prev_para = s->para;
            prev_st = s;
            have_prev = 1;
        }
    }
    /* 'n': the speaker of the next live statement */
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

/* Does the role mention with head token h start with "a", "an" or "another"? */
static int indefinite_role(const xctx *x, uint32_t h)
{
    for (uint32_t k = h; k > 0 && h - k < 6 && tok_word(x, k - 1); k--)
        if (tok_has(x, k - 1, LW_DET))
            return tok_is(x, k - 1, "a") || tok_is(x, k - 1, "an") || tok_is(x, k - 1, "another");
    return 0;
}

/* Does the role mention with head token h start with "his", "her", "their", "its" or "this"
 * ("his agent": someone else's; "this reporter": the writer)? */
static int possessed_role(const xctx *x, uint32_t h)
{
    for (uint32_t k = h; k > 0 && h - k < 6 && tok_word(x, k - 1); k--) {
        if ((x->t[k - 1].flags & TF_POSS) && x->tent[k - 1] >= 0 &&
            x->ent[x->tent[k - 1]].kind == HD_ENT_PERSON)
            return 1; /* "Sanders' campaign manager"; not "the charity's director" */
        if (tok_has(x, k - 1, LW_DET))
            return tok_is(x, k - 1, "his") || tok_is(x, k - 1, "her") ||
                   tok_is(x, k - 1, "their") || tok_is(x, k - 1, "its") || tok_is(x, k - 1, "this");
    }
    return 0;
}

/* With no statement before it, the topic a definite role takes up: the person opening the
 * sentence before the role's sentence ("Ferguson believes Henry … The United boss said"),
 * where *at is set. -1 if that sentence opens on no one. */
static int32_t topic_before(const xctx *x, uint32_t tok, uint32_t *at)
{
    uint32_t s0 = hd_ex_sent_start(x, tok);
    while (s0 > 0 && x->t[s0 - 1].kind == TK_PARA)
        s0--;
    if (s0 == 0)
        return -1;
    uint32_t s1 = hd_ex_sent_start(x, s0 - 1);
    /* past an opening phrase: "As star and executive producer of the show, Allen has …" */
    if (tok_has(x, s1, LW_FUNC) && !tok_has(x, s1, LW_DET | LW_PRON))
        for (uint32_t k = s1 + 1; k < s0 && k < s1 + 12; k++)
            if (tok_punct(x, k, ',')) {
                s1 = k + 1;
                break;
            }
    for (uint32_t k = s1; k < s0 && k < s1 + 5; k++) {
        if (!tok_word(x, k))
            return -1;
        int32_t e = x->tent[k];
        /* "Liverpool legend Phil Thompson": a club or a place before the person */
        if (e >= 0 && x->ent[e].kind != HD_ENT_PERSON && !(x->t[k].flags & TF_POSS))
            continue;
        if (e < 0 && (tok_has(x, k, LW_FUNC | LW_DET | LW_PRON | LW_VERB) || x->t[k].lex >> 24))
            return -1; /* the sentence goes on: no one opens it */
        if (e >= 0) {
            uint32_t end = k;
            while (end + 1 < s0 && x->tent[end + 1] == e)
                end++;
            if (x->t[end].flags & TF_POSS)
                return -1; /* "Rubio's days are over": whose, not who */
            *at = k;
            return e;
        }
    }
    return -1;
}

/* The person a definite role no one holds stands for when the article names no one after it:
 * whoever made the statement just before it, in the same or the previous paragraph, if no
 * other person is named between and no pronoun of the other gender was read as the role
 * ("…, said Hazel Blears. … the Salford MP told …"). -1 otherwise. */
static int32_t last_speaker_before(const xctx *x, uint32_t p)
{
    const xpend *pd = &x->pend[p];
    /* the heads of state and government are spoken of by their office without being named:
     * "the prime minister" after Duncan Bannatyne spoke is not Bannatyne */
    if (tok_is(x, pd->tok, "president") ||
        (tok_is(x, pd->tok, "minister") && pd->tok > 0 && tok_is(x, pd->tok - 1, "prime")) ||
        tok_is(x, pd->tok, "premier"))
        return -1;
    /* a spokesman speaks for someone, rarely for the one who just spoke */
    if (tok_is(x, pd->tok, "spokesman") || tok_is(x, pd->tok, "spokeswoman") ||
        tok_is(x, pd->tok, "spokesperson"))
        return -1;
    int32_t e = -1;
    uint32_t at = 0;
    int stated = 0;
    for (uint32_t k = x->nst; k-- > 0;) {
        const xstmt *st = &x->st[k];
        if (st->dead || st->anchor >= pd->tok)
            continue;
        stated = 1;
        if (st->ref >= 0 && (uint32_t)st->ref < x->nent)
            e = st->ref, at = st->anchor;
        break;
    }
    if (!stated)
        e = topic_before(x, pd->tok, &at);
    if (e < 0 || x->ent[e].kind != HD_ENT_PERSON || x->ent[e].n_words < 2 || x->ent[e].has_role ||
        x->t[at].para + 1 < x->t[pd->tok].para)
        return -1;
    /* someone else named between, unless the sentence before opens on the speaker again
     * ("Ferguson believes Henry caught Heinze … The United boss said") */
    uint32_t tat;
    int32_t topic = stated ? topic_before(x, pd->tok, &tat) : e;
    for (uint32_t k = at + 1; k < pd->tok && topic != e; k++)
        if (x->tent[k] >= 0 && x->tent[k] != e && x->ent[x->tent[k]].kind == HD_ENT_PERSON)
            return -1;
    for (uint32_t k = 0; k < x->nst; k++) {
        const xstmt *st = &x->st[k];
        if (!st->dead && st->ref == REF_PEND(p) && st->pron == 'h' &&
            !hd_ex_gender_ok(x, e, st->gender))
            return -1;
    }
    return e;
}

/* Bind pending roles: a holder named anywhere in the article, else the first person named
 * later without any role of their own who speaks in the article ("Japan's top official said
 * … Takeo Akiba told"; not "a GAO official told Reuters … at the request of Sen. Jesse
 * Helms", who says nothing). An indefinite mention ("a Treasury spokesman") introduces
 * someone unnamed: only a holder of its role can be that person. */
static void bind_pending(xctx *x)
{
    uint8_t *speaks = NULL;
    if (x->npend) {
        speaks = hd_arena_alloc(x->a, x->nent + 1);
        if (!speaks) {
            x->oom = 1;
            return;
        }
        memset(speaks, 0, x->nent + 1);
        for (uint32_t k = 0; k < x->nst; k++)
            if (!x->st[k].dead && x->st[k].ref >= 0 && (uint32_t)x->st[k].ref < x->nent)
                speaks[x->st[k].ref] = 1;
    }
    for (uint32_t p = 0; p < x->npend; p++) {
        xpend *pd = &x->pend[p];
        int32_t h = hd_ex_role_holder(x, pd->tok, pd->tok);
        if (h < 0 && !indefinite_role(x, pd->tok)) {
            for (uint32_t e = 0; e < x->nent && e < 8192; e++) {
                const xent *en = &x->ent[e];
                if (en->kind == HD_ENT_PERSON && en->first_tok > pd->tok && en->n_words >= 2 &&
                    !en->has_role && speaks[e] &&
                    x->t[en->first_tok].para <= x->t[pd->tok].para + 3) {
                    h = (int32_t)e;
                    break;
                }
            }
        }
        /* "The Archbishop of Canterbury said": an office of its own, not whoever spoke last */
        if (h < 0 && !indefinite_role(x, pd->tok) && !possessed_role(x, pd->tok) &&
            !tok_is(x, pd->tok + 1, "of"))
            h = last_speaker_before(x, p);
        if (h < 0)
            h = hd_ex_title_holder(x, pd->tok, pd->tok);
        pd->ent = h;
    }
}

int hd_ex_statements(xctx *x)
{
    x->used = hd_arena_alloc(x->a, x->nt + 1);
    if (!x->used)
        return -1;
    memset(x->used, 0, x->nt + 1);
    hd_ex_direct_quotes(x);
    if (x->n_colon_para)
        hd_ex_block_paragraphs(x);
    hd_ex_quote_chains(x);
    /* Reported speech needs a cue (a speech verb or "according"): only the sentences
     * holding one are read, each once, in text order. */
    const xtok *t = x->t;
    uint32_t done = 0, nt = x->nt;
    for (uint32_t k = 0; k < x->n_cues && !x->oom; k++) {
        uint32_t c = x->cues[k];
        if (c < done)
            continue;
        uint32_t s0 = hd_ex_sent_start(x, c), e = c + 1;
        while (e < nt && t[e].sent == t[c].sent && t[e].kind != TK_PARA)
            e++;
        hd_ex_reported_sentence(x, s0, e);
        done = e;
    }
    if (x->oom)
        return -1;
    resolve(x);
    bind_pending(x);
    /* "according to Reuters", "a report from InfoNation": a word taken for a place for the
     * preposition before it is an organisation once it is a source of statements */
    for (uint32_t k = 0; k < x->nst; k++) {
        int32_t e = x->st[k].dead ? -1 : hd_ex_ref_entity(x, x->st[k].ref);
        if (e >= 0 && (uint32_t)e < x->nent && x->ent[e].guess_place)
            x->ent[e].kind = HD_ENT_ORG;
    }
    return 0;
}
