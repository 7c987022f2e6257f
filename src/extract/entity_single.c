/* SPDX-License-Identifier: MIT
 *
 * entity_single.c — names only the whole article can tell apart.
 *
 *   one-word names, pieces of title-case headlines, people named like firms -> tent[], xent
 *
 * A one-word name waits until every longer name is known: "Khamenei" is the surname of "Ali
 * Khamenei" wherever he is named, "the Bank" the short name of "the Reserve Bank", "Elise" the
 * one Elise of the article; an unknown word that speaks is an organisation, one after "in" or
 * "from" a place. A headline's pieces are linked to the names the text gives. Called by
 * entity.c after every run has been read.
 */
#include <string.h>
#include <strings.h>

#include "base/str.h"
#include "extract/entity_int.h"

/* The organisation of more than one word whose name has token a's word ("Reserve Bank" for
 * "Bank"), the first named; -1. */
static int32_t org_with_word(const xctx *x, uint32_t a)
{
    const char *w = x->b + x->t[a].s;
    size_t n = x->t[a].stem_e - x->t[a].s;
    for (uint32_t e = 0; e < x->nent; e++) {
        if (x->ent[e].kind != HD_ENT_ORG || x->ent[e].n_words < 2)
            continue;
        for (const char *q = x->ent[e].name; *q;) {
            size_t l = strcspn(q, " ");
            if (l == n && strncasecmp(q, w, n) == 0)
                return (int32_t)e;
            q += l;
            while (*q == ' ')
                q++;
        }
    }
    return -1;
}

/* First names of the people named in full: token hash -> person, or -2 when two people of
 * the article share it. */
static int first_names(xctx *x, imap *m)
{
    if (hd_ex_imap_init(x, m, x->nent + 1))
        return -1;
    for (uint32_t e = 0; e < x->nent; e++) {
        if (x->ent[e].kind != HD_ENT_PERSON || x->ent[e].n_words < 2)
            continue;
        int32_t *sl = imap_slot(m, tok_hash(x, x->ent[e].first_tok), 1);
        *sl = *sl == -1 || *sl == (int32_t)e ? (int32_t)e : -2;
    }
    return 0;
}

/* Pieces of title-case headlines: a piece that is the name of an entity of the article
 * ("Zoe Saldana" of "Zoe Saldana Responds To Anti-Immigrant Hate"), or ends with one ("Actress
 * Zoe Saldana"), or a surname of one, is a mention of it; a place is a place; anything else
 * ("Raising Eyebrows", "Anti-Immigrant Hate") names no one. */
void hd_ex_headline_pieces(xctx *x, epass *p)
{
    uint32_t n0 = x->nent; /* entities named in the text itself */
    for (uint32_t h = 0; h + 1 < p->nheads; h += 2) {
        uint32_t a = p->heads[h], b = p->heads[h + 1];
        while (a < b && (tok_has(x, a, LW_FUNC) || !tok_word(x, a)))
            a++;
        if (a >= b)
            continue;
        int32_t found = -1;
        /* the longest stretch of the piece that is a name of the article ("Ted Cruz" of "Ted
         * Cruz Apologizes") or the end of one ("Zoe Saldana" of "Actress Zoe Saldana") */
        for (uint32_t len = b - a; len >= 2 && found < 0; len--)
            for (uint32_t m = a; m + len <= b && found < 0; m++) {
                const char *nm = hd_ex_join_name(x, m, m + len);
                if (!nm) {
                    x->oom = 1;
                    return;
                }
                size_t nl = strlen(nm);
                for (uint32_t e = 0; e < n0 && found < 0; e++) {
                    const char *en = x->ent[e].name;
                    size_t el = strlen(en);
                    if (!strcmp(en, nm) ||
                        (el > nl && en[el - nl - 1] == ' ' && !strcmp(en + el - nl, nm)))
                        found = (int32_t)e;
                }
                if (found >= 0)
                    mark(x, m, m + len, found);
            }
        if (found >= 0)
            continue;
        if (b - a == 1) {
            if (p->nsingles < x->cap_ent)
                p->singles[p->nsingles++] = a; /* a surname or a place, decided with the rest */
            continue;
        }
        if (hd_ex_place_name(x, a, b))
            hd_ex_run(x, p, a, b);
    }
}

/* Would the one-word name a, when it speaks, be an entity of its own (not a surname, an
 * organisation word, a place, a nationality or the first name of someone named in full)? */
static int lone_speaker(xctx *x, epass *p, const imap *first, uint32_t a)
{
    int32_t *sl = imap_slot(&p->surnames, tok_hash(x, a), 0);
    if ((sl && *sl >= 0) || (x->t[a].flags & TF_POSS) || tok_has(x, a, LW_ORG | LW_INST) ||
        hd_ex_demonym_noun(x, a) || hd_ex_place_name(x, a, a + 1))
        return 0;
    int32_t *fl = imap_slot((imap *)first, tok_hash(x, a), 0);
    if (fl && *fl >= 0 && !(x->t[a].flags & TF_ALLCAPS) && x->ent[*fl].first_tok != a)
        return 0;
    /* the short name of an organisation named in full ("Decision" of "Decision Industries
     * Corp", "Labatt" of "John Labatt Ltd") */
    size_t n = x->t[a].stem_e - x->t[a].s;
    const char *w = x->b + x->t[a].s;
    for (uint32_t e = 0; e < x->nent; e++) {
        if (x->ent[e].kind != HD_ENT_ORG || x->ent[e].n_words < 2)
            continue;
        for (const char *q = x->ent[e].name; q; q = strchr(q, ' '), q = q ? q + 1 : NULL)
            if (strncmp(q, w, n) == 0 && (q[n] == ' ' || q[n] == 0))
                return 0; /* q is the start of a word of the name */
    }
    return 1;
}

/* Build the article's first-name map on first use; -1 (x->oom set) when out of memory. */
static int first_ready(xctx *x, imap *first, int *have)
{
    if (*have)
        return 0;
    if (first_names(x, first) != 0) {
        x->oom = 1;
        return -1;
    }
    *have = 1;
    return 0;
}

/* A one-word name that speaks somewhere is an entity of its own; -1 (x->oom set) when out of
 * memory. */
static int speaking_singles(xctx *x, epass *p, imap *first, int *have_first)
{
    /* one-word names that speak somewhere: every mention of them is theirs, also one before
     * they speak ("But Parry, speaking to BBC Sport, admits …" before "Parry also said") */
    for (uint32_t s = 0; s < p->nsingles; s++) {
        uint32_t a = p->singles[s];
        if (tok_has(x, a, LW_TITLE | LW_ROLE) || !hd_ex_speaking_name(x, a, 1))
            continue;
        if (first_ready(x, first, have_first) != 0)
            return -1;
        if (!lone_speaker(x, p, first, a))
            continue;
        int32_t *ol = imap_slot(&p->names, name_hash(x, a, a + 1, HD_ENT_ORG), 1);
        if (*ol < 0) {
            *ol = hd_ex_ent_new(x, a, a + 1, HD_ENT_ORG);
            if (*ol >= 0 && !(x->t[a].flags & TF_ALLCAPS))
                x->ent[*ol].alone = 1;
        }
    }
    return 0;
}

/* Decide the one-word name a by what the article names in full or the lexicons know: a
 * surname, a role, an organisation, a nationality's person, a place. 0 when none says. */
static int known_single(xctx *x, epass *p, uint32_t a)
{
    int32_t *sl = imap_slot(&p->surnames, tok_hash(x, a), 0);
    if (sl && *sl >= 0) {
        mark(x, a, a + 1, *sl);
        return 1;
    }
    if (tok_has(x, a, LW_TITLE | LW_ROLE))
        return 1; /* a role word alone, no one's surname: a role */
    if (tok_has(x, a, LW_ORG) && !(x->t[a].flags & TF_ALLCAPS)) {
        /* the short name of an organisation named in full: "the Bank", "the Commission" */
        int32_t full = org_with_word(x, a);
        if (full >= 0)
            mark(x, a, a + 1, full);
        else if (!(x->t[a].flags & TF_SSTART) || tok_has(x, a, LW_INST))
            hd_ex_name_part(x, p, a, a, a + 1, 0, 1); /* not "Company also said" */
        return 1;
    }
    if (tok_has(x, a, LW_INST)) {
        int32_t *il = imap_slot(&p->names, name_hash(x, a, a + 1, HD_ENT_ORG), 1);
        if (*il < 0)
            *il = hd_ex_ent_new(x, a, a + 1, HD_ENT_ORG);
        if (*il >= 0)
            mark(x, a, a + 1, *il);
        return 1;
    }
    if (hd_ex_demonym_noun(x, a))
        return 1; /* "the American said": a person of that country, not the country */
    if (hd_ex_place_name(x, a, a + 1)) {
        hd_ex_name_part(x, p, a, a, a + 1, 0, 1);
        return 1;
    }
    return 0;
}

/* Unknown one-word name saying something ("Avery said", "Texaco announced"): an
 * organisation as far as the article tells (a person would have been named in full
 * or with a title), so that "the company" and "it" can find it later. */
static int speaking_org(xctx *x, epass *p, uint32_t a)
{
    int32_t *al = imap_slot(&p->names, name_hash(x, a, a + 1, HD_ENT_ORG), 0);
    if ((al && *al >= 0 && x->ent[*al].alone) || hd_ex_speaking_name(x, a, 0)) {
        int32_t *ol = imap_slot(&p->names, name_hash(x, a, a + 1, HD_ENT_ORG), 1);
        if (*ol < 0)
            *ol = hd_ex_ent_new(x, a, a + 1, HD_ENT_ORG);
        if (*ol >= 0)
            mark(x, a, a + 1, *ol);
        return 1;
    }
    return 0;
}

/* Unknown one-word name: an entity only when a preposition of place precedes it. */
static void place_after_prep(xctx *x, epass *p, uint32_t a)
{
    static const char *const prep[] = {"in",     "at",   "from",   "to",      "near",
                                       "across", "into", "toward", "towards", NULL};
    int placey = 0;
    if (a > 0 && tok_word(x, a - 1) && x->t[a - 1].e - x->t[a - 1].s <= 7 &&
        !(x->t[a - 1].flags & TF_CAP))
        placey |= tok_in(x, a - 1, prep);
    if (!placey)
        return;
    int32_t *nl = imap_slot(&p->names, name_hash(x, a, a + 1, HD_ENT_PLACE), 1);
    if (*nl < 0) {
        *nl = hd_ex_ent_new(x, a, a + 1, HD_ENT_PLACE);
        if (*nl >= 0)
            x->ent[*nl].guess_place = 1;
    }
    if (*nl >= 0)
        mark(x, a, a + 1, *nl);
}

void hd_ex_singles(xctx *x, epass *p)
{
    imap first = {0};
    int have_first = 0;
    if (speaking_singles(x, p, &first, &have_first) != 0)
        return;
    for (uint32_t s = 0; s < p->nsingles; s++) {
        uint32_t a = p->singles[s];
        if (known_single(x, p, a))
            continue;
        /* "Elise wrote" after "Elise Matthesen": the one person of the article with that
         * first name */
        if (first_ready(x, &first, &have_first) != 0)
            return;
        int32_t *fl = imap_slot(&first, tok_hash(x, a), 0);
        if (fl && *fl >= 0 && !(x->t[a].flags & TF_ALLCAPS) && x->ent[*fl].first_tok != a) {
            mark(x, a, a + 1, *fl);
            continue;
        }
        if (!speaking_org(x, p, a))
            place_after_prep(x, p, a);
    }
}

/* The last word of a name, without a period closing it ("Co."): its start, *n its length. */
static const char *last_word(const char *name, size_t *n)
{
    const char *w = strrchr(name, ' ');
    w = w ? w + 1 : name;
    *n = strlen(w);
    if (*n && w[*n - 1] == '.')
        (*n)--;
    return w;
}

/* Does the name end with a legal form or an organisation word ("Inc", "Bancorp", "Group"),
 * not one that institutions named after a person end with ("Eric Trump Foundation", "Carter
 * Center": Eric Trump is not his foundation)? */
static int firm_tail(const xctx *x, const char *name)
{
    static const char *const eponym[] = {
        "foundation", "institute", "institution", "center", "centre",  "school",  "university",
        "college",    "library",   "museum",      "prize",  "award",   "fund",    "trust",
        "hospital",   "memorial",  "stadium",     "arena",  "theatre", "theater", "hall",
        "society",    "clinic",    "academy",     NULL};
    size_t n;
    const char *w = last_word(name, &n);
    return n && !hd_str_in_list(w, n, eponym) &&
           (hd_ex_lx_get(&x->lx->words, w, n) & (LW_FIRM | LW_ORG)) != 0;
}

/* Is the full name l of an organisation the name s cut short: s's words, then at most three
 * more and a legal form ("Norstar" of "Norstar Bancorp", "Goodyear" of "Goodyear Tire and
 * Rubber Co"), not an organisation word alone ("Uefa" of "Uefa Cup", "Google" of "Google
 * News": another organisation)? */
static int cut_short_firm(const xctx *x, const char *s, const char *l)
{
    static const char *const bank[] = {"bancorp", "bancshares", "bankshares", NULL};
    size_t n = strlen(s);
    if (strncmp(l, s, n) != 0 || l[n] != ' ')
        return 0;
    int words = 0, after_and = -1;
    for (const char *p = l + n; *p; p++)
        if (*p == ' ') {
            words++;
            after_and += after_and >= 0;
            if (!strncmp(p, " and ", 5))
                after_and = 0;
        }
    /* not two names coordinated: "Deutsche Bank and Credit Suisse Group" (but "Goodyear Tire
     * and Rubber Co") */
    if (words > 4 || after_and > 2)
        return 0;
    size_t m;
    const char *w = last_word(l, &m);
    return m && (hd_str_in_list(w, m, bank) || (hd_ex_lx_get(&x->lx->words, w, m) & LW_FIRM) != 0);
}

/* "Merrill Lynch" looks like a person's name; "Merrill Lynch and Co" in the same article
 * says it is the short name of an organisation. A person seen with a title or role keeps
 * their type ("John Deere" beside "John Deere and Co"? no title: an organisation). */
void hd_ex_short_firm_names(xctx *x)
{
    for (uint32_t e = 0; e < x->nent; e++) {
        xent *pe = &x->ent[e];
        if (pe->kind != HD_ENT_PERSON || pe->n_words < 2 || pe->person_hint || pe->has_role)
            continue;
        size_t n = strlen(pe->name);
        for (uint32_t o = 0; o < x->nent; o++)
            if (x->ent[o].kind == HD_ENT_ORG && strncmp(x->ent[o].name, pe->name, n) == 0 &&
                x->ent[o].name[n] == ' ' && firm_tail(x, x->ent[o].name)) {
                pe->kind = HD_ENT_ORG;
                pe->org_hint = x->ent[o].org_hint;
                break;
            }
    }
}

/* "Norstar" after "Norstar Bancorp", "Sterling" beside "Sterling Drug Inc": an organisation's
 * name cut short is that organisation, under its full name, when exactly one organisation
 * of the article is its name cut short (cut_short_firm).
 * A person's name cut short stays the person's surname (entity.c links those). */
void hd_ex_short_org_names(xctx *x)
{
    for (uint32_t e = 0; e < x->nent; e++) {
        xent *s = &x->ent[e];
        if (s->kind != HD_ENT_ORG)
            continue;
        int32_t full = -1;
        for (uint32_t o = 0; o < x->nent && full != -2; o++) {
            const xent *l = &x->ent[o];
            if (o == e || l->kind != HD_ENT_ORG || !cut_short_firm(x, s->name, l->name))
                continue;
            full = full < 0 || !strcmp(x->ent[full].name, l->name) ? (int32_t)o : -2;
        }
        if (full >= 0)
            s->name = x->ent[full].name;
    }
}
