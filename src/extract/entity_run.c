/* SPDX-License-Identifier: MIT
 *
 * entity_run.c — one run of capitalised words split into its names and roles.
 *
 *   tokens [a,b) of a run -> hd_ex_name_part calls (name + the roles before it)
 *
 * Words that open no name are dropped from the front (function words, "Sacramento-based", an
 * "-ing" verb opening a sentence); a run set in capitals or a title-case headline names no one
 * new; a title, a verb of saying or "of" inside a run splits it in two ("New Jersey Gov. Chris
 * Christie", "Robert Dole of Kansas"). What is left is split at its rightmost role: the name
 * after it, the roles before it. Called by entity.c for every run, and by entity_single.c for
 * the pieces of headlines that are places.
 */
#include <string.h>

#include "extract/entity_int.h"

/* Is the one-word role closing the run [a,b) a surname ("Paul King", "Mr King", "Ken Doctor"
 * where the article also writes "Mr King")? It follows a title or a name word that is no
 * role, nationality or organisation word ("Saudi King" stays a role; a place word may be a
 * given name: "Paul", "Georgia"). */
static int surname_role(const xctx *x, epass *p, uint32_t a, uint32_t b)
{
    if (b - a < 2 || hd_ex_role_ending_at(x, b - 1, a) != b - 1 ||
        !imap_slot(&p->titled, tok_hash(x, b - 1), 0))
        return 0;
    uint32_t k = b - 2;
    return tok_has(x, k, LW_TITLE) ||
           (cap_word(x, k) && !(x->t[k].flags & TF_ALLCAPS) &&
            !tok_has(x, k, LW_ROLE | LW_MOD | LW_DEMONYM | LW_ORG | LW_PCUE | LW_FUNC));
}

/* Words written after a title (x->marks holds every title token). */
void hd_ex_titled_words(xctx *x, epass *p)
{
    for (uint32_t m = 0; m < x->n_marks; m++) {
        uint32_t k = x->marks[m];
        if (tok_word(x, k) && tok_has(x, k, LW_TITLE) && k + 1 < x->nt && cap_word(x, k + 1))
            *imap_slot(&p->titled, tok_hash(x, k + 1), 1) = 1;
    }
}

/* Is token a, opening the run [a,b), a sentence's opening "-ing" word ("Hosting Cook at
 * Dreamforce …", "Echoing Gaviria, …") that the article never capitalises anywhere else? Then
 * it is a verb, not the first word of a name. */
static int gerund_opener(const xctx *x, uint32_t a, uint32_t b)
{
    const xtok *t = &x->t[a];
    size_t n = t->stem_e - t->s;
    if (!(t->flags & TF_SSTART) || (t->flags & TF_ALLCAPS) || n < 6 || t->lex ||
        strncmp(x->b + t->stem_e - 3, "ing", 3) != 0)
        return 0;
    /* "Downing Street", "Reading Council": a place or an organisation */
    if (a + 1 < x->nt && tok_has(x, a + 1, LW_PCUE | LW_ORG | LW_INST))
        return 0;
    for (uint32_t c = 0; c < x->n_cap; c++) {
        uint32_t k = x->caps[c];
        if (k != a && !(x->t[k].flags & TF_SSTART) && x->t[k].stem_e - x->t[k].s == n &&
            memcmp(x->b + x->t[k].s, x->b + t->s, n) == 0)
            return 0;
    }
    /* and what follows is a place ("Addressing Chicago"), or a name the article also writes
     * after another first name ("Echoing Gaviria" … "Cesar Gaviria"; not "Irving Nathan" …
     * "Mr. Nathan", nor "Flying Tigers" … "Flying Tigers") */
    if (hd_ex_place_name(x, a + 1, b) || tok_has(x, a + 1, LW_TITLE))
        return 1; /* "Addressing Chicago", "Analysing Mr Brown" */
    const xtok *l = &x->t[b - 1];
    size_t ln = l->stem_e - l->s;
    for (uint32_t c = 0; c < x->n_cap; c++) {
        uint32_t k = x->caps[c];
        if (k == b - 1 || k == 0 || x->t[k].stem_e - x->t[k].s != ln ||
            memcmp(x->b + x->t[k].s, x->b + l->s, ln) != 0)
            continue;
        const xtok *f = &x->t[k - 1];
        if (tok_word(x, k - 1) && (f->flags & TF_CAP) &&
            !tok_has(x, k - 1, LW_TITLE | LW_FUNC | LW_ROLE | LW_MOD) &&
            strncmp(x->b + f->stem_e - 3, "ing", 3) != 0 &&
            !(f->stem_e - f->s == n && memcmp(x->b + f->s, x->b + t->s, n) == 0))
            return 1;
    }
    return 0;
}

/* The first word of the run [a,b) that may open a name. */
static uint32_t run_start(xctx *x, epass *p, uint32_t a, uint32_t b)
{
    /* "Said Dorothy Poynter, …": a cue opening the sentence, capitalised */
    while (a < b &&
           (tok_has(x, a, LW_FUNC) || connector(x, a) ||
            ((x->t[a].flags & TF_SSTART) &&
             ((x->t[a].lex >> 24) == VC_SPEECH || (x->t[a].lex >> 24) == VC_QUOTE) && a + 1 < b)))
        a++;
    /* "Sacramento-based McClatchy": where the firm is, not its name */
    while (a < b && x->t[a].stem_e - x->t[a].s > 6 &&
           !strncmp(x->b + x->t[a].stem_e - 6, "-based", 6))
        a++;
    /* "envoy to Ukraine Kurt Volker", "the president of Ukraine Volodymyr Zelensky": after a
     * preposition, a place that opens a person's name is where the role is */
    if (b - a >= 3 && b - a <= 5 && a > 0 && tok_has(x, a, LW_PLACE) &&
        (tok_is(x, a - 1, "to") || tok_is(x, a - 1, "of") || tok_is(x, a - 1, "for") ||
         tok_is(x, a - 1, "in")) &&
        !tok_has(x, a + 1, LW_TITLE | LW_ROLE | LW_MOD | LW_ORG | LW_PCUE | LW_PLACE) &&
        !firm_designator(x, b - 1) && hd_ex_person_shaped(x, a + 1, b)) {
        hd_ex_run(x, p, a, a + 1);
        a++;
    }
    if (b - a >= 2 && !firm_designator(x, b - 1) && !hd_ex_org_name(x, a, b) &&
        gerund_opener(x, a, b))
        a++; /* not "Sterling Software Inc" */
    /* "Rival Hillary Clinton's campaign", "Donor Sheldon Adelson": a common word opening the
     * sentence, then a person's name */
    if (b - a >= 3 && hd_ex_sentence_cap_common(x, a) && hd_ex_person_shaped(x, a + 1, b))
        a++;
    /* "Top-seeded Americans Andy Roddick …": a people's name in the plural before a person's */
    if (b - a >= 3 && x->t[a].stem_e - x->t[a].s > 3 && x->b[x->t[a].stem_e - 1] == 's' &&
        hd_ex_lx_get(&x->lx->demonyms, x->b + x->t[a].s, x->t[a].stem_e - x->t[a].s - 1) &&
        hd_ex_person_shaped(x, a + 1, b))
        a++;
    return a;
}

/* words set in capitals ("MARKET WENT UP TODAY"): case tells nothing; only a
 * known place is a name */
static int shouting(const xctx *x, uint32_t a, uint32_t b)
{
    uint32_t k = a;
    while (k < b && (x->t[k].flags & TF_ALLCAPS))
        k++;
    return k == b && !hd_ex_place_name(x, a, b);
}

/* a headline in title case ("Activists Brick Up Entrance To Polling Station Ahead Of
 * Elections"): capitalised small words of a sentence and verbs show it (not in a list of
 * companies: "Salomon Brothers Inc The First Boston Corp"); names lie between them */
static int title_case(const xctx *x, uint32_t a, uint32_t b)
{
    static const char *const small[] = {
        "to",   "in",  "on",  "at",   "with", "from", "by",    "into", "about", "after",
        "over", "is",  "are", "was",  "were", "has",  "have",  "had",  "will",  "would",
        "just", "not", "up",  "out",  "his",  "her",  "their", "its",  "he",    "she",
        "they", "it",  "who", "what", "why",  "how",  NULL};
    uint32_t fw = 0;
    int firm = 0;
    for (uint32_t k = a; k < b; k++)
        firm |= firm_designator(x, k);
    for (uint32_t k = a + 1; k < b && !firm; k++) {
        int sw = tok_in(x, k, small);
        fw += (sw && (x->t[k].flags & TF_CAP) && !(x->t[k].flags & TF_ALLCAPS)) ||
              ((x->t[k].lex & LW_VERB) && !(x->t[k].flags & TF_ALLCAPS));
    }
    return fw >= 2;
}

/* a headline names no one new: its pieces are linked to names the article gives
 * elsewhere (or to places), at the end of the pass */
static void headline_segments(xctx *x, epass *p, uint32_t a, uint32_t b)
{
    uint32_t seg = a;
    for (uint32_t k = a; k <= b; k++)
        if (k == b || (tok_has(x, k, LW_FUNC | LW_ADV) && (x->t[k].flags & TF_CAP)) ||
            (x->t[k].lex & LW_VERB)) {
            /* "Senator Maria Gomez Says …": the one who speaks is named */
            if (k > seg && seg == a && k < b && (x->t[k].lex & LW_VERB) &&
                x->t[k].lex >> 24 == VC_SPEECH) {
                hd_ex_run(x, p, seg, k);
            } else if (k > seg && p->nheads + 2 <= p->cap_heads) {
                p->heads[p->nheads++] = seg;
                p->heads[p->nheads++] = k;
            }
            seg = k + 1;
        }
}

/* "New Jersey Gov. Chris Christie", "Former Maryland Gov. Martin O'Malley": a title inside
 * the run opens a titled person's name; the words before it (a place, a body) are a name
 * of their own */
static int split_at_title(xctx *x, epass *p, uint32_t a, uint32_t b)
{
    for (uint32_t k = a + 1; k + 1 < b; k++) {
        if (!tok_has(x, k, LW_TITLE) || !(x->t[k].flags & TF_CAP) || (x->t[k].flags & TF_ALLCAPS) ||
            tok_has(x, k - 1, LW_TITLE) || !(x->t[k + 1].flags & TF_CAP))
            continue;
        /* "Vice Adm. John Poindexter": a modifier of the title, not a name; "Leader of the
         * Islamic Revolution Ayatollah Ali Khamenei": a role the person holds, kept with it */
        int name_before = 0, role_before = 0;
        for (uint32_t m = a; m < k; m++) {
            name_before |= !tok_has(x, m, LW_MOD | LW_ROLE | LW_FUNC);
            role_before |= tok_has(x, m, LW_ROLE) && !tok_has(x, m, LW_MOD);
        }
        if (!name_before || role_before)
            return 0;
        uint32_t e = k, s0 = a; /* "Former Rhode Island Democratic Sen. …": the place alone */
        while (e > a && tok_has(x, e - 1, LW_MOD | LW_ROLE))
            e--;
        while (s0 < e && (tok_is(x, s0, "former") || tok_is(x, s0, "then") ||
                          tok_is(x, s0, "retired") || tok_is(x, s0, "late")))
            s0++;
        if (s0 < e)
            hd_ex_run(x, p, s0, e);
        hd_ex_run(x, p, k, b);
        return 1;
    }
    return 0;
}

/* a headline in title case, "Bernie Sanders Says He Has Started Writing": a verb of
 * saying ends the name before it ("Said" may be a name: "Edward Said") */
static int split_at_saying(xctx *x, epass *p, uint32_t a, uint32_t b)
{
    for (uint32_t k = a + 1; k < b; k++)
        if ((x->t[k].lex & LW_VERB) && !(x->t[k].flags & TF_ALLCAPS) && hd_ex_headline_cue(x, k) &&
            !tok_is(x, k, "said")) {
            uint32_t e = k;
            while (e > a && tok_has(x, e - 1, LW_ADV))
                e--; /* "Rick Perry Just Says" */
            hd_ex_run(x, p, a, e);
            hd_ex_run(x, p, k + 1, b);
            return 1;
        }
    return 0;
}

/* "Sanford Margoshes of Shearson Lehman Brothers", "Robert Dole of Kansas": a person of
 * an organisation or a place is two names */
static int split_at_of(xctx *x, epass *p, uint32_t a, uint32_t b)
{
    for (uint32_t k = a + 1; k + 1 < b; k++) {
        if (!tok_is(x, k, "of"))
            continue;
        uint32_t pa = a;
        while (pa < k && tok_has(x, pa, LW_TITLE | LW_ROLE | LW_MOD))
            pa++;
        /* "Barnett Banks of Florida Inc": a company named after its place stays whole */
        int place_firm =
            b - k > 2 && firm_designator(x, b - 1) && hd_ex_place_name(x, k + 1, b - 1);
        if (k - pa >= 2 && !place_firm && hd_ex_person_shaped(x, pa, k) &&
            (hd_ex_org_name(x, k + 1, b) || firm_designator(x, b - 1) ||
             hd_ex_place_name(x, k + 1, b))) {
            hd_ex_run(x, p, a, k);
            hd_ex_run(x, p, k + 1, b);
            return 1;
        }
        break;
    }
    return 0;
}

/* The end of the run's rightmost role, a when it has none. */
static uint32_t rightmost_role(const xctx *x, uint32_t a, uint32_t b)
{
    /* rightmost role; none inside a company's name ("General Motors Corp") */
    uint32_t re = a;
    /* "Republican Party", "General Motors", "Republican National Committee": a role word
     * opening an organisation's name is part of it (not "Lawyer David Steel": a name word
     * stands before the organisation word) */
    int firm = firm_designator(x, b - 1) ||
               (b - a >= 2 && tok_has(x, b - 1, LW_ORG) &&
                tok_has(x, b - 2, LW_ROLE | LW_MOD | LW_ORG | LW_PCUE | LW_PLACE | LW_DEMONYM));
    for (uint32_t k = b; k > a && !firm; k--) {
        if (k == b && hd_ex_surname_role_name(x, a, b))
            continue; /* "Stephen King", "Amy Pope": a name, not a role */
        if (hd_ex_role_ending_at(x, k - 1, a) != UINT32_MAX) {
            re = k;
            break;
        }
    }
    return re;
}

/* the role's complement is no part of the name: "Chancellor of the Exchequer Nigel
 * Lawson", "Secretary of State George Shultz", "Chairman of the Federal Reserve Board
 * Paul Volcker" (organisation and place words, and anything past four name words) */
static int role_complement(xctx *x, epass *p, uint32_t a, uint32_t b, uint32_t *re)
{
    if (!(*re > a && *re < b && connector(x, *re)))
        return 0;
    uint32_t k = *re;
    while (k < b && connector(x, k))
        k++;
    if (b - k >= 2 && tok_has(x, b - 1, LW_ORG) && cap_word(x, k)) {
        /* "Chairman of the Presidential Commission on Good Government": the complement
         * ends the run and is an organisation's name */
        hd_ex_run(x, p, k, b);
        return 1;
    }
    if (b - k <= 1) {
        *re = b; /* "Undersecretary of State" (for …): the complement ends the run */
    } else if (k + 2 < b + 1 && cap_word(x, k)) {
        int the = tok_is(x, k - 1, "the");
        k++;
        while (
            k + 2 < b + 1 && b - k > 2 &&
            (tok_has(x, k, LW_ORG | LW_PCUE | LW_PLACE | LW_MOD) || connector(x, k) || b - k > 4))
            k++;
        /* "Leader of the Islamic Revolution": after "of the", one word left is the
         * complement's own ("Secretary of State Shultz" has no "the") */
        *re = the && b - k == 1 ? b : k;
    }
    return 0;
}

/* "analyst Ken Doctor", "spokesman John King": after a role of its own, a name's last
 * word is a surname even when it could be a title */
static uint32_t role_before_surname(const xctx *x, uint32_t a, uint32_t b, uint32_t re)
{
    if (re == b && b - a == 2 && a > 0 && !(x->t[a - 1].flags & TF_CAP) &&
        hd_ex_role_ending_at(x, b - 1, a) == b - 1 && cap_word(x, a) &&
        !(x->t[a].flags & TF_ALLCAPS) &&
        !tok_has(x, a,
                 LW_TITLE | LW_ROLE | LW_MOD | LW_DEMONYM | LW_ORG | LW_PCUE | LW_FUNC | LW_PLACE))
        return hd_ex_role_ending_at(x, a - 1, a > 6 ? a - 6 : 0);
    return UINT32_MAX;
}

/* The name of the run [a,b) whose rightmost role ends at re, with the roles before it. */
static void name_after_role(xctx *x, epass *p, uint32_t a, uint32_t b, uint32_t re)
{
    /* A lowercase role right before the run ("spokesman John Kirby"). */
    uint32_t ra = re > a ? a : a;
    if (re == a && a > 0) {
        uint32_t r0 = a > 0 ? hd_ex_role_ending_at(x, a - 1, a > 6 ? a - 6 : 0) : UINT32_MAX;
        if (r0 != UINT32_MAX && !(x->t[a - 1].flags & TF_CAP))
            ra = r0;
    }
    uint32_t r0 = role_before_surname(x, a, b, re);
    if (r0 != UINT32_MAX) {
        hd_ex_name_part(x, p, r0, a, b, 0, 0);
        return;
    }
    if (re == b && surname_role(x, p, a, b)) {
        /* a role before the name still is one: "Labour MP Oona King" */
        uint32_t r2 = a;
        for (uint32_t k = b - 1; k > a && r2 == a; k--)
            if (hd_ex_role_ending_at(x, k - 1, a) != UINT32_MAX)
                r2 = k;
        hd_ex_name_part(x, p, a, r2, b, 1, 0);
        return;
    }
    if (re == b) {
        /* only a role ("Iran Supreme Leader"); alone ("Doctor says" after "analyst Ken
         * Doctor") it may be a surname, known at the end of the pass */
        if (b - a == 1 && (x->t[a].flags & TF_CAP) && !(x->t[a].flags & TF_ALLCAPS) &&
            p->nsingles < x->cap_ent)
            p->singles[p->nsingles++] = a;
        return;
    }
    /* "the General Election", "a General Strike": after a determiner, a role and a word the
     * article also writes in lower case name a thing (not "the late President Suharto") */
    if (b - re == 1 && re > ra && ra > 0 && tok_has(x, ra - 1, LW_DET) &&
        hd_ex_lower_elsewhere(x, re))
        return;
    hd_ex_name_part(x, p, ra, re, b, 0, 0);
}

/* A run of capitalised words [a,b). */
void hd_ex_run(xctx *x, epass *p, uint32_t a, uint32_t b)
{
    a = run_start(x, p, a, b);
    while (b > a && connector(x, b - 1))
        b--;
    if (a >= b)
        return;
    if (b - a >= 2 && shouting(x, a, b))
        return;
    if (b - a >= 5 && title_case(x, a, b)) {
        headline_segments(x, p, a, b);
        return;
    }
    if (split_at_title(x, p, a, b) || split_at_saying(x, p, a, b) || split_at_of(x, p, a, b))
        return;
    uint32_t re = rightmost_role(x, a, b);
    if (role_complement(x, p, a, b, &re))
        return;
    name_after_role(x, p, a, b, re);
}
