/* SPDX-License-Identifier: MIT
 *
 * entity.c — named entities of one article from runs of capitalised words.
 *
 *   xtok[] -> xent[] + per-token entity map + role bindings
 *
 * A run ("Iranian Supreme Leader Ayatollah Seyyed Ali Khamenei") is split at its rightmost
 * role word: what follows is the name (titles such as "Seyyed" stripped), what precedes holds
 * the roles, which are bound to the person so "the Leader" can find him later. A lowercase
 * role just before a run ("spokesman John Kirby") counts too. Names are then classified with
 * the lexicons: iso-codes countries and regions, place and organisation cue words, else a
 * person when it looks like one (two to four capitalised words none of which is a lexicon
 * word). One-word names are linked to a person with that surname after the first pass, so
 * "Khamenei" meets "Ali Khamenei" whichever comes first.
 *
 * This file finds where each run starts and ends (company names run on over "and", "&" and
 * "Savings and Loan") and calls the pass's phases in order; entity_int.h lists the files that
 * do the rest. Called by extract.c once per article.
 */
#include <string.h>

#include "base/mem.h"
#include "base/str.h"
#include "extract/entity_int.h"

int hd_ex_imap_init(xctx *x, imap *m, size_t n)
{
    m->cap = 64;
    while (m->cap < n * 2)
        m->cap *= 2;
    m->h = hd_arena_alloc(x->a, m->cap * sizeof *m->h);
    m->v = hd_arena_alloc(x->a, m->cap * sizeof *m->v);
    if (!m->h || !m->v)
        return -1;
    memset(m->h, 0, m->cap * sizeof *m->h);
    return 0;
}

/* A run of capitalised words stopped at token j (after a possessive, or on "and", "&" or a
 * comma): the end of the company name it continues into, or 0 when it does not end with a
 * legal form within a few words. */
static uint32_t firm_tail(const xctx *x, uint32_t j)
{
    uint32_t k = j;
    if (tok_punct(x, k, ','))
        k++;
    for (; k < x->nt && k < j + 8; k++) {
        if (cap_word(x, k)) {
            if (firm_designator(x, k))
                return k + 1;
            continue;
        }
        if ((tok_is(x, k, "and") || amp(x, k)) && k + 1 < x->nt && cap_word(x, k + 1))
            continue;
        break;
    }
    return 0;
}

/* "Federated Financial Savings and Loan Association", "Home Savings and Loan Bank": a bank's
 * name runs on over "Savings and Loan" to the organisation word that ends it. Returns the end
 * of the name, or 0. */
static uint32_t savings_and_loan(const xctx *x, uint32_t i, uint32_t j)
{
    if (j == i || !tok_is(x, j - 1, "savings") || !tok_is(x, j + 1, "loan") || !cap_word(x, j + 1))
        return 0;
    uint32_t k = j + 2;
    while (k < x->nt && k < j + 5 && cap_word(x, k) && !tok_has(x, k - 1, LW_ORG))
        k++;
    return k > j + 2 && tok_has(x, k - 1, LW_ORG) ? k : j + 2;
}

/* The words that end (or open, before "of") the name of a public body: "… Space
 * Administration", "Department of …" (org_and_tail, body_of_and_tail). */
static const char *const public_body[] = {
    "administration", "commission", "committee",   "subcommittee", "institute",
    "department",     "agency",     "association", "federation",   "centre",
    "center",         "office",     "ministry",    "board",        "council",
    "authority",      "service",    "bureau",      "organisation", "organization",
    "secretariat",    NULL};

/* Do the words [i, j) qualify the name that follows as a place, a nation or a house of
 * government does ("U.S.", "House", "National")? */
static int name_prefix(const xctx *x, uint32_t i, uint32_t j)
{
    for (uint32_t k = i; k < j; k++)
        if (!tok_has(x, k, LW_PLACE | LW_DEMONYM | LW_MOD))
            return 0;
    return i < j;
}

/* "the Securities and Exchange Commission", "the Food and Drug Administration": after "the",
 * one capitalised word, "and", and two or three more that end with an organisation word are
 * one name. So after a place's or a house's word, when the word before "and" is no
 * organisation's ("House Ways and Means Committee", "National Aeronautics and Space
 * Administration"; not "International Monetary Fund and World Bank"). Returns the end of that
 * name, or 0. (Without either, "Reagan and Congress" or "Treasury and Federal Reserve
 * officials" are two names.) */
static uint32_t org_and_tail(const xctx *x, uint32_t i, uint32_t j)
{
    uint32_t sl = savings_and_loan(x, i, j);
    if (sl)
        return sl;
    if (i < j && tok_is(x, i, "the"))
        i++; /* a sentence's "The" opens the run */
    int prefixed = 0;
    if (j >= i + 2 && j <= i + 3 && name_prefix(x, i, j - 1) && !tok_has(x, j - 1, LW_ORG)) {
        i = j - 1;
        prefixed = 1;
    } else if (i == 0 || (!tok_is(x, i - 1, "the") && !tok_is(x, i - 1, "The")))
        return 0;
    if (j != i + 1 || (x->t[i].flags & TF_ALLCAPS))
        return 0; /* "the IMF and World Bank": an acronym is a name of its own */
    uint32_t k = j + 1;
    while (k < x->nt && k < j + 4 && cap_word(x, k))
        k++;
    if (k < x->nt && cap_word(x, k)) {
        /* "House Ways and Means Committee Chairman Kevin Brady": a title after the
         * organisation word */
        uint32_t m = j + 2;
        while (m < k && !(tok_has(x, m, LW_ORG) && tok_has(x, m + 1, LW_ROLE | LW_TITLE)))
            m++;
        if (m >= k)
            return 0;
        k = m + 1;
    }
    for (uint32_t m = j + 1; m + 1 < k; m++)
        if (tok_has(x, m, LW_PLACE | LW_DEMONYM | LW_MOD))
            return 0; /* "the Treasury and Federal Reserve": two institutions */
    if (k - (j + 1) < 2 || !tok_has(x, k - 1, LW_ORG) || firm_designator(x, k - 1))
        return 0;
    /* after a place's word, a public body's name ("… Space Administration", "… Statistics
     * Institute"); firms are named in pairs ("Virginia Federal and Montrose Capital",
     * "Paul Volcker and International Monetary Fund managing director …") */
    if (prefixed && !tok_in(x, k - 1, public_body))
        return 0;
    return k;
}

/* "the Centers for Disease Control and Prevention", "Centre for Economics and Business
 * Research": a name with "<organisation word> for" runs on over "and" and up to three more
 * capitalised words. Returns the end of the name, or 0. */
static uint32_t org_for_and_tail(const xctx *x, uint32_t i, uint32_t j)
{
    int org_for = 0;
    for (uint32_t m = i; m + 1 < j && !org_for; m++)
        org_for = tok_has(x, m, LW_ORG) && (x->t[m].flags & TF_CAP) && tok_is(x, m + 1, "for");
    if (!org_for)
        return 0;
    uint32_t k = j + 1;
    while (k < x->nt && k < j + 4 && cap_word(x, k) && !tok_has(x, k, LW_FUNC))
        k++;
    if (k == j + 1 || (k < x->nt && cap_word(x, k)))
        return 0;
    /* the last word a field's name, not a person's ("and Prevention", "and Research", "and
     * Rural Affairs"; not "the Institute for Fiscal Studies and Smith") */
    static const char *const suf[] = {"tion", "ment", "ity", "ics",  "ogy",  "ance", "ence",
                                      "ing",  "ism",  "ure", "airs", "arch", "ies",  NULL};
    const xtok *t = &x->t[k - 1];
    size_t n = t->stem_e - t->s;
    int field = tok_has(x, k - 1, LW_ORG);
    for (int v = 0; suf[v] && !field; v++) {
        size_t l = strlen(suf[v]);
        field = n > l + 2 && strncasecmp(x->b + t->stem_e - l, suf[v], l) == 0;
    }
    return field ? k : 0;
}

/* "the Department of Health and Human Services", "Ministry of Trade and Industry": a public
 * body's word, "of", one or two capitalised words, "and", and up to three more (up to a title:
 * "… Human Services Secretary Alex Azar") are one name. Not a firm's or a school's ("Bank of
 * America and Wells Fargo"), nor a place or an acronym after "and". Returns the end of the
 * name, or 0. */
static uint32_t body_of_and_tail(const xctx *x, uint32_t i, uint32_t j)
{
    uint32_t of = j >= i + 3 && tok_is(x, j - 2, "of")   ? j - 2
                  : j >= i + 4 && tok_is(x, j - 3, "of") ? j - 3
                                                         : 0;
    if (!of || !tok_in(x, of - 1, public_body))
        return 0;
    for (uint32_t m = of + 1; m < j; m++)
        if (!cap_word(x, m) || (x->t[m].flags & TF_ALLCAPS))
            return 0; /* "Committee of the IMF and World Bank" */
    uint32_t k = j + 1;
    while (k < x->nt && k < j + 4 && cap_word(x, k) && !(x->t[k].flags & TF_ALLCAPS) &&
           !tok_has(x, k, LW_PLACE | LW_DEMONYM | LW_ROLE | LW_TITLE))
        k++;
    if (k == j + 1 || (k < x->nt && cap_word(x, k) && !tok_has(x, k, LW_ROLE | LW_TITLE)))
        return 0;
    /* a name of its own goes on after it ("… and State University of New York") */
    if (k < x->nt && connector(x, k))
        return 0;
    /* a person named right after it ("Office of Management and Budget James Miller") */
    for (uint32_t p = j + 2; p + 1 < k; p++)
        if (hd_ex_person_shaped(x, p, k))
            return p;
    return k;
}

/* Is token a the same word, as written, as token b? */
static int same_text(const xctx *x, uint32_t a, uint32_t b)
{
    uint32_t n = x->t[a].e - x->t[a].s;
    return n == x->t[b].e - x->t[b].s && memcmp(x->b + x->t[a].s, x->b + x->t[b].s, n) == 0;
}

/* The article's "A and B" pairs of capitalised words that run on to a legal form ("Duff and
 * Phelps Credit Rating Co", "Standard and Poor's Corp"): an open-addressed table of the token
 * of A plus one (0 empty), built once so that each short mention asks it in constant time. */
typedef struct firm_pairs {
    uint32_t *slot;
    size_t mask;
} firm_pairs;

static uint64_t pair_hash(const xctx *x, uint32_t a, uint32_t b)
{
    uint64_t h = fnv(x->b + x->t[a].s, x->t[a].e - x->t[a].s, 1469598103934665603ULL);
    h = fnv(" ", 1, h);
    return fnv(x->b + x->t[b].s, x->t[b].e - x->t[b].s, h);
}

static int full_pair(const xctx *x, uint32_t p)
{
    return p + 2 < x->nt && tok_is(x, p + 1, "and") && cap_word(x, p + 2) && firm_tail(x, p + 1);
}

/* 0, or -1 on out of memory. */
static int firm_pairs_init(xctx *x, firm_pairs *fp)
{
    size_t n = 0, cap = 16;
    for (uint32_t c = 0; c < x->n_cap; c++)
        n += full_pair(x, x->caps[c]);
    *fp = (firm_pairs){0};
    if (!n)
        return 0;
    while (cap < 2 * n)
        cap *= 2;
    fp->slot = hd_arena_alloc(x->a, cap * sizeof *fp->slot);
    if (!fp->slot)
        return -1;
    memset(fp->slot, 0, cap * sizeof *fp->slot);
    fp->mask = cap - 1;
    for (uint32_t c = 0; c < x->n_cap; c++) {
        uint32_t p = x->caps[c];
        if (!full_pair(x, p))
            continue;
        size_t k = pair_hash(x, p, p + 2) & fp->mask;
        while (fp->slot[k])
            k = (k + 1) & fp->mask;
        fp->slot[k] = p + 1;
    }
    return 0;
}

/* "Duff and Phelps said", "Standard and Poor's said": a firm named for two people, whose name
 * the article gives in full elsewhere. One capitalised word at i, "and" at j, one at j + 1.
 * Returns j + 2 when the same three words run on to a legal form elsewhere in the article,
 * else 0. */
static uint32_t firm_pair(const xctx *x, const firm_pairs *fp, uint32_t i, uint32_t j)
{
    /* (not after a title, which the run's split would take: "Pope and Talbot") */
    if (!fp->slot || j != i + 1 || j + 1 >= x->nt || !cap_word(x, j + 1) ||
        tok_has(x, i, LW_TITLE | LW_ROLE))
        return 0;
    for (size_t k = pair_hash(x, i, j + 1) & fp->mask; fp->slot[k]; k = (k + 1) & fp->mask) {
        uint32_t p = fp->slot[k] - 1;
        if (p != i && same_text(x, p, i) && same_text(x, p + 2, j + 1))
            return j + 2;
    }
    return 0;
}

/* "People's", "Children's", "Women's", "Men's": a plural noun's possessive inside a name
 * ("People's Republic of China", "People's Daily", "Boston Children's Hospital"); a
 * possessive otherwise ends a name ("Iran's Khamenei"). */
static int plural_poss(const xctx *x, uint32_t k)
{
    static const char *const w[] = {"people", "children", "women", "men", NULL};
    return hd_str_in_list(x->b + x->t[k].s, x->t[k].stem_e - x->t[k].s, w) != 0;
}

/* Where the run of capitalised words opening at token i ends (the token after its last word). */
static uint32_t run_end(const xctx *x, const firm_pairs *fp, uint32_t i)
{
    uint32_t j = i + 1;
    while (j < x->nt) {
        /* "Japan's Nomura Securities Co": a place's possessive stays apart */
        int poss = x->t[j - 1].flags & TF_POSS;
        uint32_t f = 0;
        /* (a name that has its legal form is whole: "Standard Oil Co and BP North America
         * Inc", "Texaco Inc, Chevron Corp and Mobil Corp" are firms side by side) */
        if (((poss && !tok_has(x, j - 1, LW_PLACE | LW_DEMONYM)) || tok_punct(x, j, ',') ||
             amp(x, j) || (!poss && tok_is(x, j, "and"))) &&
            !firm_designator(x, j - 1))
            f = firm_tail(x, j);
        if (!f && !poss && tok_is(x, j, "and"))
            f = org_and_tail(x, i, j);
        if (!f && !poss && tok_is(x, j, "and"))
            f = org_for_and_tail(x, i, j);
        if (!f && !poss && tok_is(x, j, "and"))
            f = firm_pair(x, fp, i, j);
        if (!f && !poss && tok_is(x, j, "and")) {
            f = body_of_and_tail(x, i, j);
            /* the name ends there, before a title or a person */
            if (f && f < x->nt && cap_word(x, f)) {
                j = f;
                break;
            }
        }
        if (f) {
            j = f;
            continue;
        }
        /* "Marks & Spencer", "Procter & Gamble", "Standard & Poor's": prose writes "and";
         * an ampersand between capitalised words joins one name */
        if (!poss && amp(x, j) && cap_word(x, j + 1)) {
            j += 2;
            continue;
        }
        if (poss && !(plural_poss(x, j - 1) && cap_word(x, j)))
            break;
        if (cap_word(x, j)) {
            j++;
            continue;
        }
        uint32_t k = j;
        while (k < x->nt && connector(x, k))
            k++;
        if (k > j && cap_word(x, k)) {
            j = k + 1;
            continue;
        }
        /* "Fuji International finance Ltd", "Jacobs Engineering group Inc", "K mart Corp":
         * one lower-case noun before a legal form is still the firm's name */
        if (j + 1 < x->nt && tok_word(x, j) && !(x->t[j].flags & (TF_DIGIT | TF_POSS)) &&
            firm_designator(x, j + 1) && !(x->t[j + 1].flags & TF_SSTART) &&
            !tok_has(x, j, LW_FUNC | LW_VERB | LW_NOTNOUN | LW_PRON) &&
            !tok_has(x, j - 1, LW_FUNC)) { /* not "The so-called Group of Five" */
            j += 2;
            continue;
        }
        break;
    }
    return j;
}

/* The pass's arrays, sized by the tokenizer's counts, and the words written after a title;
 * -1 on out of memory. */
static int entities_init(xctx *x, epass *p)
{
    uint32_t nt = x->nt ? x->nt : 1;
    /* bounds: an entity, a one-word name per capitalised word; a role binding per role word
     * or comma (appositive); a pending role per role word */
    size_t ncap = (size_t)x->n_cap + 1, nrole = (size_t)x->n_role + 1;
    x->tent = hd_arena_alloc(x->a, nt * sizeof *x->tent);
    x->tpend = hd_arena_alloc(x->a, nt * sizeof *x->tpend);
    x->ent = hd_arena_alloc(x->a, ncap * sizeof *x->ent);
    x->roles = hd_arena_alloc(x->a, (2 * nrole + x->n_comma) * sizeof *x->roles);
    x->pend = hd_arena_alloc(x->a, nrole * sizeof *x->pend);
    p->singles = hd_arena_alloc(x->a, ncap * sizeof *p->singles);
    p->cap_heads = (uint32_t)(2 * ncap);
    p->heads = hd_arena_alloc(x->a, p->cap_heads * sizeof *p->heads);
    if (!x->tent || !x->tpend || !x->ent || !x->roles || !x->pend || !p->singles || !p->heads ||
        hd_ex_imap_init(x, &p->names, ncap) || hd_ex_imap_init(x, &p->surnames, ncap) ||
        hd_ex_imap_init(x, &p->titled, x->n_marks + 1))
        return -1;
    hd_ex_titled_words(x, p);
    x->cap_ent = ncap;
    x->cap_roles = 2 * nrole + x->n_comma;
    x->cap_pend = nrole;
    for (uint32_t i = 0; i < nt; i++)
        x->tent[i] = x->tpend[i] = -1;
    return 0;
}

int hd_ex_entities(xctx *x)
{
    epass p = {0};
    firm_pairs fp;
    if (entities_init(x, &p) != 0 || firm_pairs_init(x, &fp) != 0)
        return -1;
    uint32_t i = 0;
    for (uint32_t c = 0; c < x->n_cap; c++) {
        if (x->caps[c] < i || !cap_word(x, x->caps[c]))
            continue;
        i = x->caps[c];
        uint32_t j = run_end(x, &fp, i);
        hd_ex_run(x, &p, i, j);
        if (x->oom)
            return -1;
        i = j;
    }
    hd_ex_headline_pieces(x, &p);
    hd_ex_singles(x, &p);
    hd_ex_short_firm_names(x);
    hd_ex_short_org_names(x);
    hd_ex_appositives_and_genders(x);
    hd_ex_roles_sort(x);
    return x->oom ? -1 : 0;
}
