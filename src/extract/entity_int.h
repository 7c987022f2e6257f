/* SPDX-License-Identifier: MIT
 *
 * entity_int.h — private interface between the files of the entity pass (extract stage).
 *
 *   entity.c        hd_ex_entities: the runs of capitalised words, the pass's phases in order
 *   entity_run.c    one run -> the names in it and the roles before them
 *   entity_name.c   one name -> an entity of its kind, people linked by surname, roles bound
 *   entity_kind.c   the tests of a name's kind: place, organisation, person-shaped, case of words
 *   entity_single.c what only the whole article tells: one-word names, headline pieces
 *   entity_role.c   role phrases, role bindings (appositives, titles) and their lookup
 *
 * The small helpers below are inlined into every file of the pass; names shared between the
 * files start with hd_ex_.
 */
#ifndef HD_ENTITY_INT_H
#define HD_ENTITY_INT_H

#include "extract/extract_int.h"

static inline uint64_t fnv(const char *p, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

/* A small int map keyed by 64-bit hashes, in the arena. */
typedef struct imap {
    uint64_t *h;
    int32_t *v;
    size_t cap;
} imap;

/* entity.c: room for n keys, all slots empty; -1 on out of memory. */
int hd_ex_imap_init(xctx *x, imap *m, size_t n);

static inline int32_t *imap_slot(imap *m, uint64_t h, int create)
{
    h = h ? h : 1;
    size_t j = h & (m->cap - 1);
    while (m->h[j] && m->h[j] != h)
        j = (j + 1) & (m->cap - 1);
    if (!m->h[j]) {
        if (!create)
            return NULL;
        m->h[j] = h;
        m->v[j] = -1;
    }
    return &m->v[j];
}

typedef struct epass {
    imap names;    /* kind + name -> entity */
    imap surnames; /* last name token -> person entity */
    imap titled;   /* words the article writes after a title ("King" of "Mr King") */
    uint32_t *singles;
    uint32_t nsingles;
    uint32_t *heads; /* [a, b) pairs: pieces of title-case headlines, linked at the end */
    uint32_t nheads, cap_heads;
} epass;

static inline int cap_word(const xctx *x, uint32_t i)
{
    if (!tok_word(x, i) || !(x->t[i].flags & (TF_CAP | TF_ALLCAPS)) || (x->t[i].flags & TF_DIGIT))
        return 0;
    if (!(x->t[i].lex & LW_TIME))
        return !(x->t[i].flags & TF_SSTART) || !tok_pron_contraction(x, i);
    /* a day name is never part of a name ("Smith Tuesday said"); nor a time zone; but a
     * newspaper's name may open on one ("The Sunday Telegraph", "The Sunday Times") */
    size_t n = x->t[i].stem_e - x->t[i].s;
    if ((x->t[i].flags & TF_ALLCAPS) ||
        (n > 3 && strncasecmp(x->b + x->t[i].stem_e - 3, "day", 3) == 0))
        return i > 0 && i + 1 < x->nt && tok_is(x, i - 1, "the") && (x->t[i + 1].flags & TF_CAP) &&
               tok_has(x, i + 1, LW_ORG);
    /* a month name is a date ("New York May 5", "in September"), except inside a name
     * ("Theresa May said") */
    int next_digit = i + 1 < x->nt && (x->t[i + 1].flags & TF_DIGIT);
    int prev_cap = i > 0 && tok_word(x, i - 1) && (x->t[i - 1].flags & TF_CAP) &&
                   !(x->t[i - 1].lex & (LW_TIME | LW_FUNC));
    return prev_cap && !next_digit;
}

static inline int connector(const xctx *x, uint32_t i)
{
    /* "Institute for Fiscal Studies", "Centers for Disease Control", "National Institute on
     * Drug Abuse", "Council on Foreign Relations": "for" or "on" after a capitalised
     * organisation word ("the Commission on Monday" ends at the day, which joins no name) */
    if ((tok_is(x, i, "for") || tok_is(x, i, "on")) && !(x->t[i].flags & TF_CAP) && i > 0 &&
        (x->t[i - 1].flags & TF_CAP) && tok_has(x, i - 1, LW_ORG))
        return 1;
    if (!tok_has(x, i, LW_CONN) || (x->t[i].flags & TF_CAP))
        return 0;
    /* "the" only after "of": "of the Islamic Revolution" */
    return !tok_is(x, i, "the") || (i > 0 && tok_is(x, i - 1, "of"));
}

/* A legal form ending a company's name ("Inc", "Co", "AG"), capitalised. */
static inline int firm_designator(const xctx *x, uint32_t i)
{
    return tok_has(x, i, LW_FIRM) && (x->t[i].flags & (TF_CAP | TF_ALLCAPS));
}

static inline int amp(const xctx *x, uint32_t i)
{
    return i < x->nt && x->t[i].kind == TK_PUNCT && x->t[i].e == x->t[i].s + 1 &&
           x->b[x->t[i].s] == '&';
}

static inline uint64_t name_hash(const xctx *x, uint32_t a, uint32_t b, int kind)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)(kind + 1);
    for (uint32_t k = a; k < b; k++) {
        if (!tok_word(x, k))
            continue;
        h = fnv(x->b + x->t[k].s, x->t[k].stem_e - x->t[k].s, h);
        h = fnv(" ", 1, h);
    }
    return h;
}

static inline uint64_t tok_hash(const xctx *x, uint32_t k)
{
    return fnv(x->b + x->t[k].s, x->t[k].stem_e - x->t[k].s, 7);
}

static inline void mark(xctx *x, uint32_t a, uint32_t b, int32_t ent)
{
    for (uint32_t k = a; k < b; k++)
        x->tent[k] = ent;
    x->ent[ent].n_mentions++;
}

/* ---- entity_run.c -------------------------------------------------------------------------- */

/* A run of capitalised words [a,b). */
void hd_ex_run(xctx *x, epass *p, uint32_t a, uint32_t b);
/* Words written after a title (x->marks holds every title token). */
void hd_ex_titled_words(xctx *x, epass *p);

/* ---- entity_name.c ------------------------------------------------------------------------- */

/* Classify one name [a,b) whose roles lie in [ra, a) (ra == a: none). */
void hd_ex_name_part(xctx *x, epass *p, uint32_t ra, uint32_t a, uint32_t b, int titled,
                     int deferred);
/* A new entity named [a,b) of the kind; -1 (x->oom set when out of memory). */
int32_t hd_ex_ent_new(xctx *x, uint32_t a, uint32_t b, hd_entity_kind kind);
/* The name of tokens [a,b) as the article writes it, in the arena; NULL on out of memory. */
const char *hd_ex_join_name(xctx *x, uint32_t a, uint32_t b);

/* ---- entity_kind.c ------------------------------------------------------------------------- */

/* A role that is also a common surname ending the name [a,b) of two to four words ("Amy
 * Pope", "Martin Luther King"). */
int hd_ex_surname_role_name(const xctx *x, uint32_t a, uint32_t b);
/* Is the name [a,b) shaped like a person's name? */
int hd_ex_person_shaped(const xctx *x, uint32_t a, uint32_t b);
/* As hd_ex_person_shaped; with common_words, also when words of it are written in lower case
 * elsewhere in the article ("Theresa May" beside "costs may be covered"), for a name whose
 * place says it is a person's. */
int hd_ex_person_shaped_as(const xctx *x, uint32_t a, uint32_t b, int common_words);
/* Is the nationality word a a noun for a person ("the American said")? */
int hd_ex_demonym_noun(const xctx *x, uint32_t a);
int hd_ex_place_name(const xctx *x, uint32_t a, uint32_t b);
int hd_ex_org_name(const xctx *x, uint32_t a, uint32_t b);
/* Is the unknown capitalised word a the subject of a speech verb right after it? */
/* Is token a, opening its sentence, a common word merely capitalised there ("Rival Hillary
 * Clinton's campaign", "Donor Sheldon Adelson"): no lexicon word, written in lower case
 * elsewhere in the article and never capitalised inside a sentence? */
int hd_ex_sentence_cap_common(const xctx *x, uint32_t a);
/* Does the article also write capitalised token a's word in lower case ("election" beside
 * "the General Election")? */
int hd_ex_lower_elsewhere(const xctx *x, uint32_t a);
int hd_ex_speaking_name(const xctx *x, uint32_t a, int adverbs);

/* ---- entity_single.c ----------------------------------------------------------------------- */

/* Pieces of title-case headlines, linked to the names of the article. */
void hd_ex_headline_pieces(xctx *x, epass *p);
/* One-word names, once every longer name of the article is known. */
void hd_ex_singles(xctx *x, epass *p);
/* People's names that are the short names of organisations ("Merrill Lynch"). */
void hd_ex_short_firm_names(xctx *x);
/* An organisation's name cut short ("Norstar") takes the full name ("Norstar Bancorp") of the
 * one organisation of the article it opens. */
void hd_ex_short_org_names(xctx *x);

/* ---- entity_role.c ------------------------------------------------------------------------- */

/* Bind the role whose head is token `head` to entity ent. */
int hd_ex_role_add(xctx *x, uint32_t head, int32_t ent);
/* ent bound under the role words of [a, b): each role word, and the last word of each role
 * phrase of several words starting in [a, b), which heads the phrase's later mentions
 * ("Secretary of State John Kerry" … "the Secretary of State said"). */
void hd_ex_role_add_span(xctx *x, uint32_t a, uint32_t b, int32_t ent);
/* The office behind an abbreviated title, bound to the person it names at token k. */
void hd_ex_title_role(xctx *x, uint32_t k, int32_t ent);
/* Appositives (at commas) and genders (at titles and roles). */
void hd_ex_appositives_and_genders(xctx *x);
/* Sort the bindings by (head, token) for hd_ex_role_holder's binary search. */
void hd_ex_roles_sort(xctx *x);

#endif
