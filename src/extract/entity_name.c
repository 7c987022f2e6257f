/* SPDX-License-Identifier: MIT
 *
 * entity_name.c — one name of a run made an entity, and the roles before it bound.
 *
 *   name tokens [a,b) + role tokens [ra,a) -> xent (new or found again), tent[], xrole[]
 *
 * Titles are stripped from the front of the name ("Ayatollah Seyyed Ali Khamenei"), its kind
 * is decided (entity_kind.c), and it is looked up: a person by surname, so "Ali Khamenei" and
 * "Seyyed Ali Khamenei" are one; a nationality as its country; anything else by kind and
 * name. One word alone waits for the whole article (entity_single.c). Called by
 * entity_run.c and entity_single.c.
 */
#include <string.h>

#include "base/mem.h"
#include "extract/entity_int.h"

const char *hd_ex_join_name(xctx *x, uint32_t a, uint32_t b)
{
    char buf[512];
    size_t n = 0;
    for (uint32_t k = a; k < b; k++) {
        if (!tok_word(x, k) && !amp(x, k))
            continue;
        /* a possessive inside a name is part of it ("Moody's Investors Service Inc"), and
         * one before a speech verb is no possessive ("Moody's said") */
        int whole = k + 1 < b || (tok_word(x, b) && (x->t[b].lex >> 24) == VC_SPEECH);
        size_t l = (whole ? x->t[k].e : x->t[k].stem_e) - x->t[k].s;
        if (n + l + 2 >= sizeof buf)
            break;
        if (n)
            buf[n++] = ' ';
        memcpy(buf + n, x->b + x->t[k].s, l);
        n += l;
    }
    return hd_arena_strndup(x->a, buf, n);
}

int32_t hd_ex_ent_new(xctx *x, uint32_t a, uint32_t b, hd_entity_kind kind)
{
    if (x->nent >= x->cap_ent)
        return -1; /* cannot happen: at most one entity per capitalised word */
    const char *nm = hd_ex_join_name(x, a, b);
    if (!nm) {
        x->oom = 1;
        return -1;
    }
    xent *e = &x->ent[x->nent];
    memset(e, 0, sizeof *e);
    e->name = nm;
    e->kind = kind;
    e->org_hint = kind == HD_ENT_ORG;
    e->first_tok = a;
    e->last_s = x->t[b - 1].s;
    e->last_e = x->t[b - 1].stem_e;
    e->n_words = b - a;
    return (int32_t)x->nent++;
}

/* Link or create the person named [a,b) (two words or more). */
static int32_t person(xctx *x, epass *p, uint32_t a, uint32_t b)
{
    int32_t *sl = imap_slot(&p->surnames, tok_hash(x, b - 1), 1);
    if (*sl >= 0) {
        xent *e = &x->ent[*sl];
        /* Same person when one name ends the other ("Seyyed Ali Khamenei" / "Ali Khamenei")
         * or the earlier one had only the surname. */
        size_t ln = strlen(e->name), bl = 0;
        char tmp[512];
        for (uint32_t k = a; k < b && bl + 64 < sizeof tmp; k++) {
            size_t l = x->t[k].stem_e - x->t[k].s;
            if (l > 60)
                l = 60;
            if (bl)
                tmp[bl++] = ' ';
            memcpy(tmp + bl, x->b + x->t[k].s, l);
            bl += l;
        }
        int same = e->n_words == 1 || (bl >= ln && memcmp(tmp + bl - ln, e->name, ln) == 0 &&
                                       (bl == ln || tmp[bl - ln - 1] == ' '));
        same |= ln > bl && memcmp(e->name + ln - bl, tmp, bl) == 0 && e->name[ln - bl - 1] == ' ';
        if (same) {
            if (e->n_words == 1) {
                const char *nm = hd_ex_join_name(x, a, b);
                if (nm) {
                    e->name = nm;
                    e->n_words = b - a;
                }
            }
            return *sl;
        }
    }
    int32_t id = hd_ex_ent_new(x, a, b, HD_ENT_PERSON);
    if (id >= 0)
        *sl = id;
    return id;
}

/* The kind of the name [a,b); *weak_org set when it is an organisation only for want of a
 * person's shape. */
static hd_entity_kind name_kind(const xctx *x, uint32_t a, uint32_t b, int has_role, int titled,
                                int *weak_org)
{
    if (firm_designator(x, b - 1))
        return HD_ENT_ORG; /* "Ohio Mattress Co", "Gulf Applied Technologies Inc" */
    if (!has_role && !titled && hd_ex_place_name(x, a, b))
        return HD_ENT_PLACE;
    if (!titled && hd_ex_org_name(x, a, b))
        return HD_ENT_ORG;
    if (has_role || titled || hd_ex_person_shaped(x, a, b))
        return HD_ENT_PERSON;
    *weak_org = 1; /* "Station Road", "End Stocks": no sign of a person, none of an org */
    return HD_ENT_ORG;
}

/* "Iranian", "US", "North Korean": the country itself (dem: 1 + the offset of its name in
 * the lexicon's countries). */
static int32_t country(xctx *x, epass *p, uint32_t a, uint32_t b, hd_entity_kind kind, uint32_t dem)
{
    const char *cn = x->lx->countries + dem - 1;
    uint64_t h = fnv(cn, strlen(cn), 1469598103934665603ULL ^ (uint64_t)(kind + 1));
    h = fnv(" ", 1, h);
    int32_t *sl = imap_slot(&p->names, h, 1);
    if (*sl < 0) {
        *sl = hd_ex_ent_new(x, a, b, kind);
        const char *nm = *sl >= 0 ? hd_arena_strdup(x->a, cn) : NULL;
        if (nm)
            x->ent[*sl].name = nm;
    }
    return *sl;
}

/* The organisation or place named [a,b), found by kind and name or new. */
static int32_t named(xctx *x, epass *p, uint32_t a, uint32_t b, hd_entity_kind kind, int weak_org)
{
    int32_t *sl = imap_slot(&p->names, name_hash(x, a, b, (int)kind), 1);
    if (*sl < 0) {
        *sl = hd_ex_ent_new(x, a, b, kind);
        if (*sl >= 0 && weak_org)
            x->ent[*sl].org_hint = 0;
    } else if (!weak_org) {
        x->ent[*sl].org_hint = 1;
    }
    return *sl;
}

/* The roles in [ra,a) bound to the person id, and the offices of the titles from ta. */
static void bind_roles(xctx *x, uint32_t ra, uint32_t ta, uint32_t a, int32_t id)
{
    hd_ex_role_add_span(x, ra, a, id);
    /* "Gov. Eric Holcomb" … "the governor said": the office an abbreviated title stands for */
    for (uint32_t k = ta < ra ? ta : ra; k < a; k++)
        if (tok_has(x, k, LW_TITLE) && !tok_has(x, k, LW_ROLE))
            hd_ex_title_role(x, k, id);
}

/* The one person named in full before whose first name is token a ("Sir Edward" after "Sir
 * Edward Heath": a knight or dame is called by the first name), or -1 (none, or two). */
static int32_t by_first_name(const xctx *x, uint32_t a)
{
    const char *w = x->b + x->t[a].s;
    size_t n = x->t[a].stem_e - x->t[a].s;
    int32_t found = -1;
    for (uint32_t i = 0; i < x->nent; i++) {
        const xent *e = &x->ent[i];
        if (e->kind != HD_ENT_PERSON || e->n_words < 2 || strncmp(e->name, w, n) != 0 ||
            e->name[n] != ' ')
            continue;
        if (found >= 0)
            return -1;
        found = (int32_t)i;
    }
    return found;
}

/* Classify one name [a,b) whose roles lie in [ra, a) (ra == a: none). */
void hd_ex_name_part(xctx *x, epass *p, uint32_t ra, uint32_t a, uint32_t b, int titled,
                     int deferred)
{
    /* "Vice Adm. John Poindexter", "Former Gov. Martin O'Malley": modifiers of a title */
    uint32_t m = a;
    while (m < b && tok_has(x, m, LW_MOD) && !tok_has(x, m, LW_TITLE))
        m++;
    if (m > a && m < b && tok_has(x, m, LW_TITLE))
        a = m;
    /* "Lord of the Rings", "Duke of Edinburgh": a title before "of" is the name's own word */
    uint32_t ta = a;
    while (a < b && tok_has(x, a, LW_TITLE) && !(a + 1 < b && tok_is(x, a + 1, "of"))) {
        a++;
        titled = 1;
    }
    if (a >= b)
        return;
    int32_t id;
    int has_role = ra < a;
    if (b - a == 1 && titled && (tok_is(x, ta, "sir") || tok_is(x, ta, "dame")) &&
        (id = by_first_name(x, a)) >= 0) {
        mark(x, a, b, id);
        x->ent[id].person_hint = 1;
        bind_roles(x, ra, ta, a, id);
        return;
    }
    /* one word alone waits for the whole article: a surname ("Jordan" of "Jim Jordan") wins
     * over a place of the same name */
    /* so does an organisation word alone ("the Bank" of "the Reserve Bank") */
    int short_org = tok_has(x, a, LW_ORG) && !(x->t[a].flags & TF_ALLCAPS);
    if (!deferred && b - a == 1 && !has_role && !titled &&
        (!hd_ex_org_name(x, a, b) || short_org)) {
        p->singles[p->nsingles++] = a;
        return;
    }
    int weak_org = 0;
    hd_entity_kind kind = name_kind(x, a, b, has_role, titled, &weak_org);
    uint32_t dem =
        kind == HD_ENT_PLACE && b - a <= 2 ? hd_ex_seq_get(x, &x->lx->demonyms, a, b) : 0;
    if (kind == HD_ENT_PERSON)
        id = person(x, p, a, b);
    else if (dem)
        id = country(x, p, a, b, kind, dem);
    else
        id = named(x, p, a, b, kind, weak_org);
    if (id < 0)
        return;
    mark(x, a, b, id);
    if (kind != HD_ENT_PERSON)
        return;
    x->ent[id].person_hint |= (uint8_t)(has_role || titled);
    bind_roles(x, ra, ta, a, id);
}
