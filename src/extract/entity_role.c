/* SPDX-License-Identifier: MIT
 *
 * entity_role.c — roles bound to the people who hold them, and found again.
 *
 *   role words around names -> xrole[] sorted by (head word, token); role mention -> holder
 *
 * A binding comes from a role before a name ("Supreme Leader Ali Khamenei", entity_name.c),
 * an appositive ("Vedant Patel, a State Department spokesman,") or an abbreviated title
 * ("Gov. Eric Holcomb": governor). Titles also give a person's gender ("Mr", "Queen").
 * hd_ex_role_holder and hd_ex_title_holder answer speaker.c and statement.c for "the Leader",
 * "the governor"; hd_ex_pend_new keeps a role no one holds yet.
 */
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "extract/entity_int.h"

uint32_t hd_ex_role_ending_at(const xctx *x, uint32_t j, uint32_t lo)
{
    if (!tok_has(x, j, LW_ROLE_END) || j < lo)
        return UINT32_MAX;
    uint32_t best = UINT32_MAX;
    unsigned maxw = x->lx->max_role_words ? x->lx->max_role_words : 1;
    for (unsigned m = maxw; m >= 1; m--) {
        if (j + 1 < lo + m)
            continue;
        /* one word: its lexicon bits say; more: only from a word that starts a phrase */
        uint32_t f = j + 1 - m;
        if (m == 1 ? tok_has(x, j, LW_ROLE)
                   : tok_has(x, f, LW_ROLE_START) && hd_ex_seq_get(x, &x->lx->roles, f, j + 1)) {
            best = j + 1 - m;
            break;
        }
    }
    if (best == UINT32_MAX)
        return best;
    while (best > lo && tok_word(x, best - 1) && !(x->t[best - 1].flags & TF_POSS) &&
           (tok_has(x, best - 1, LW_MOD) || tok_has(x, best - 1, LW_ROLE)))
        best--;
    return best;
}

static uint64_t head_hash(const xctx *x, uint32_t h)
{
    return lx_hash(x->b + x->t[h].s, x->t[h].stem_e - x->t[h].s, x->n - x->t[h].s);
}

/* roles is preallocated to two bindings per role word and one per comma (entities_init) */
int hd_ex_role_add(xctx *x, uint32_t head, int32_t ent)
{
    if (x->nroles >= x->cap_roles)
        return 0; /* cannot happen: one binding per role word or comma */
    xrole r = {head_hash(x, head), head, ent, 0};
    x->roles[x->nroles++] = r;
    x->ent[ent].has_role = 1;
    return 0;
}

void hd_ex_role_add_span(xctx *x, uint32_t a, uint32_t b, int32_t ent)
{
    for (uint32_t k = a; k < b; k++)
        if (tok_has(x, k, LW_ROLE) ||
            (tok_has(x, k, LW_ROLE_END) && hd_ex_role_ending_at(x, k, a) < k))
            hd_ex_role_add(x, k, ent);
}

/* The office behind an abbreviated title, bound to the person it names at token k. */
void hd_ex_title_role(xctx *x, uint32_t k, int32_t ent)
{
    static const char *const map[][2] = {
        {"gov", "governor"},        {"sen", "senator"},    {"rep", "representative"},
        {"gen", "general"},         {"adm", "admiral"},    {"col", "colonel"},
        {"lt", "lieutenant"},       {"capt", "captain"},   {"sgt", "sergeant"},
        {"maj", "major"},           {"prof", "professor"}, {"cmdr", "commander"},
        {"supt", "superintendent"}, {"insp", "inspector"}, {NULL, NULL}};
    const char *w = x->b + x->t[k].s;
    size_t n = x->t[k].e - x->t[k].s;
    if (n && w[n - 1] == '.')
        n--; /* "Gov." */
    for (int i = 0; map[i][0]; i++) {
        if (strlen(map[i][0]) != n || strncasecmp(w, map[i][0], n) != 0)
            continue;
        if (x->nroles < x->cap_roles) {
            const char *r = map[i][1];
            xrole role = {lx_hash(r, strlen(r), strlen(r)), k, ent, 1};
            /* has_role stays as it is: a title names no role the text gave ("the Texas
             * Republican" after "Sen. Phil Gramm" spoke is still Gramm) */
            x->roles[x->nroles++] = role;
        }
        return;
    }
}

static int by_head_tok(const void *a, const void *b)
{
    const xrole *p = a, *q = b;
    if (p->hh != q->hh)
        return p->hh < q->hh ? -1 : 1;
    return p->tok < q->tok ? -1 : p->tok > q->tok;
}

/* The role word of an office named with its complement that ends at the comma i ("Secretary
 * of State for the Family,", "chairman of the Commission for Racial Equality,"), or 0. */
static uint32_t office_before(const xctx *x, uint32_t i)
{
    static const char *const joins[] = {"of", "for", "the", "and", "on", NULL};
    uint32_t r = i - 1;
    while (r > 0 && i - r < 9 && tok_word(x, r) && !tok_has(x, r, LW_ROLE) &&
           !(x->t[r].flags & TF_INQ) &&
           ((x->t[r].flags & (TF_CAP | TF_ALLCAPS)) || tok_in(x, r, joins)))
        r--;
    return r + 1 < i - 1 && tok_has(x, r, LW_ROLE) &&
                   (tok_is(x, r + 1, "of") || tok_is(x, r + 1, "for"))
               ? r
               : 0;
}

/* "…Committee Chairman, Vahid Jalalzadeh," and "Vedant Patel, a State Department spokesman,". */
/* Is entity e, named from token a on, a person? An organisation only for want of a person's
 * shape becomes one when the office before it says so and its words are shaped like a
 * person's name but for being written in lower case elsewhere ("…, Theresa May," where the
 * article writes "may be covered"). */
static int person_after_office(xctx *x, int32_t e, uint32_t a)
{
    xent *en = &x->ent[e];
    if (en->kind == HD_ENT_ORG && !en->org_hint) {
        uint32_t b = a;
        while (b < x->nt && x->tent[b] == e)
            b++;
        if (hd_ex_person_shaped_as(x, a, b, 1))
            en->kind = HD_ENT_PERSON;
    }
    return en->kind == HD_ENT_PERSON;
}

static void appositive(xctx *x, uint32_t i)
{
    int32_t after = x->tent[i + 1], before = x->tent[i - 1];
    if (after >= 0 && tok_has(x, i - 1, LW_ROLE) && person_after_office(x, after, i + 1)) {
        hd_ex_role_add(x, i - 1, after);
    } else if (after >= 0 && office_before(x, i) && person_after_office(x, after, i + 1)) {
        /* "The Shadow Secretary of State for the Family, Theresa May," */
        hd_ex_role_add_span(x, office_before(x, i), i, after);
    } else if (before >= 0 && x->ent[before].kind == HD_ENT_PERSON) {
        uint32_t k = i + 1, last = UINT32_MAX;
        if (!(tok_is(x, k, "the") || tok_is(x, k, "a") || tok_is(x, k, "an") ||
              tok_is(x, k, "his") || tok_is(x, k, "her") || tok_is(x, k, "its") ||
              (tok_word(x, k) && (x->t[k].flags & TF_POSS))))
            return;
        for (; k < x->nt && k < i + 10 && tok_word(x, k); k++)
            if (tok_has(x, k, LW_ROLE))
                last = k;
        if (last != UINT32_MAX && (tok_punct(x, k, ',') || tok_punct(x, k, '.') ||
                                   (tok_word(x, k) ? x->t[k].lex >> 24 : 0)))
            hd_ex_role_add(x, last, before);
    }
}

/* Gender from a title or role just before a person's name (Mr, Mrs, Queen, Prince). */
static void gender(xctx *x, uint32_t i)
{
    static const char *const m[] = {"mr",       "sir",       "lord",        "king",
                                    "prince",   "father",    "brother",     "congressman",
                                    "chairman", "spokesman", "businessman", NULL};
    static const char *const f[] = {
        "mrs",      "ms",     "miss",          "lady",       "dame",        "queen",
        "princess", "sister", "congresswoman", "chairwoman", "spokeswoman", "businesswoman",
        NULL};
    int32_t e = x->tent[i + 1];
    if (e < 0 || x->ent[e].kind != HD_ENT_PERSON || x->ent[e].gender)
        return;
    const char *p = x->b + x->t[i].s;
    size_t n = x->t[i].stem_e - x->t[i].s;
    if (n > 1 && p[n - 1] == '.')
        n--;
    if (hd_str_in_list(p, n, f))
        x->ent[e].gender = 'f';
    else if (hd_str_in_list(p, n, m))
        x->ent[e].gender = 'm';
}

/* Appositives (at commas) and genders (at titles and roles) in one pass over the tokens:
 * neither reads what the other writes. */
void hd_ex_appositives_and_genders(xctx *x)
{
    const xtok *t = x->t;
    for (uint32_t m = 0; m < x->n_marks; m++) {
        uint32_t i = x->marks[m];
        if (i + 1 >= x->nt)
            break;
        if (t[i].kind == TK_PUNCT) {
            if (i > 0)
                appositive(x, i);
        } else {
            gender(x, i);
        }
    }
}

void hd_ex_roles_sort(xctx *x)
{
    if (x->nroles > 1)
        qsort(x->roles, x->nroles, sizeof *x->roles, by_head_tok);
}

/* Index of the first binding after (hh, at) in the sorted bindings. */
static size_t role_bound(const xctx *x, uint64_t hh, uint32_t at)
{
    size_t lo = 0, hi = x->nroles;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const xrole *r = &x->roles[mid];
        if (r->hh < hh || (r->hh == hh && r->tok <= at))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int32_t hd_ex_title_holder(const xctx *x, uint32_t h, uint32_t at)
{
    if (h == 0 || !tok_is(x, h - 1, "the"))
        return -1;
    /* of the people so titled before it, the one the article names most (its subject, as a
     * rule: "Sen. Chris Murphy" of an article on him, not a senator quoted in passing) */
    uint64_t hh = head_hash(x, h);
    int32_t best = -1;
    for (size_t k = role_bound(x, hh, at); k > 0 && x->roles[k - 1].hh == hh; k--) {
        int32_t e = x->roles[k - 1].ent;
        if (x->roles[k - 1].title && (best < 0 || x->ent[e].n_mentions >= x->ent[best].n_mentions))
            best = e;
    }
    return best;
}

/* The holder of the role whose head is token h: the binding nearest before `at`, else the
 * first after it. Binary search over the sorted bindings. A title's binding is not one
 * (hd_ex_title_holder). */
/* Do the role words at a and b name different portfolios ("the foreign secretary", "Home
 * Secretary Charles Clarke"; "the Tory leader", "Lib Dem leader")? Only the word right before
 * each head is compared, and only when both are a portfolio's or a party's. */
static int other_portfolio(const xctx *x, uint32_t a, uint32_t b)
{
    static const char *const portfolio[] = {
        "foreign",     "home",       "defence",     "defense",      "finance",  "trade",
        "health",      "education",  "interior",    "justice",      "treasury", "energy",
        "environment", "transport",  "agriculture", "culture",      "housing",  "commerce",
        "industry",    "labour",     "tory",        "conservative", "dem",      "democrat",
        "republican",  "democratic", NULL};
    if (a == 0 || b == 0 || a == b || !tok_in(x, a - 1, portfolio) || !tok_in(x, b - 1, portfolio))
        return 0;
    uint32_t na = x->t[a - 1].stem_e - x->t[a - 1].s, nb = x->t[b - 1].stem_e - x->t[b - 1].s;
    return na != nb || strncasecmp(x->b + x->t[a - 1].s, x->b + x->t[b - 1].s, na) != 0;
}

int32_t hd_ex_role_holder_fit(const xctx *x, uint32_t h, uint32_t at,
                              int (*fits)(const xctx *, uint32_t, int32_t))
{
    uint64_t hh = head_hash(x, h);
    size_t lo = role_bound(x, hh, at);
    for (size_t k = lo; k > 0 && x->roles[k - 1].hh == hh; k--)
        if (!x->roles[k - 1].title && !other_portfolio(x, h, x->roles[k - 1].tok) &&
            fits(x, h, x->roles[k - 1].ent))
            return x->roles[k - 1].ent;
    for (size_t k = lo; k < x->nroles && x->roles[k].hh == hh; k++)
        if (!x->roles[k].title && !other_portfolio(x, h, x->roles[k].tok) &&
            fits(x, h, x->roles[k].ent))
            return x->roles[k].ent;
    return -1;
}

int32_t hd_ex_role_holder(const xctx *x, uint32_t h, uint32_t at)
{
    uint64_t hh = head_hash(x, h);
    size_t lo = role_bound(x, hh, at);
    for (size_t k = lo; k > 0 && x->roles[k - 1].hh == hh; k--)
        if (!x->roles[k - 1].title)
            return x->roles[k - 1].ent;
    for (size_t k = lo; k < x->nroles && x->roles[k].hh == hh; k++)
        if (!x->roles[k].title)
            return x->roles[k].ent;
    return -1;
}

int32_t hd_ex_pend_new(xctx *x, uint32_t head_tok)
{
    if (x->tpend[head_tok] >= 0)
        return REF_PEND(x->tpend[head_tok]);
    if (x->npend >= x->cap_pend)
        return REF_NONE; /* cannot happen: one pending role per role word */
    xpend *p = &x->pend[x->npend];
    p->head_s = x->t[head_tok].s;
    p->head_e = x->t[head_tok].stem_e;
    p->tok = head_tok;
    p->ent = -1;
    x->tpend[head_tok] = (int32_t)x->npend;
    return REF_PEND(x->npend++);
}
