/* SPDX-License-Identifier: MIT
 *
 * extract.c — hd_extract_statements and hd_extract_batch: run the extract passes over article
 * bodies and copy the results into the caller's arena.
 *
 *   body -> token.c -> entity.c -> statement.c (speaker.c) -> hd_statement[] + hd_entity[]
 *
 * Called by src/lib/pipeline.c once per batch of articles: each pass runs over the whole
 * batch before the next, so that its code stays in the instruction cache. Scratch arrays that
 * grow (tokens, quotes, statements) use hd_malloc and are freed before returning; everything
 * handed out lives in the arena.
 */
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "base/mem.h"
#include "extract/speaker_int.h"

#define MAX_BODY HD_EXTRACT_MAX_BODY

static char *copy_text(xctx *x, const xstmt *s)
{
    uint32_t a = s->s1, b = s->e1, c = s->s2, d = s->e2;
    size_t n1 = b > a ? b - a : 0, n2 = d > c ? d - c : 0;
    char *out = hd_arena_alloc(x->a, n1 + n2 + 3);
    if (!out)
        return NULL;
    size_t n = 0;
    memcpy(out, x->b + a, n1);
    n = n1;
    while (n > 0 && (out[n - 1] == ',' || out[n - 1] == ' ' || out[n - 1] == '\n'))
        n--;
    if (n2) {
        /* a quote split by its cue: "…,” he said. “Thank God, …" reads as two sentences, "…,”
         * he said, “and …" as one; reported words around a cue join as they stand */
        if (n && s->direct && !strchr(".?!", out[n - 1])) {
            const char *q = x->b + c;
            if (isupper((unsigned char)*q))
                out[n++] = '.';
            else if (islower((unsigned char)*q))
                out[n++] = ',';
        }
        if (n)
            out[n++] = ' ';
        memcpy(out + n, x->b + c, n2);
        n += n2;
        while (n > 0 && (out[n - 1] == ',' || out[n - 1] == ' ' || out[n - 1] == '\n'))
            n--;
    }
    out[n] = 0;
    return out;
}

static const char *tok_span(xctx *x, uint32_t t0, uint32_t t1)
{
    if (t1 <= t0 || t1 > x->nt)
        return NULL;
    return hd_arena_strndup(x->a, x->b + x->t[t0].s, x->t[t1 - 1].e - x->t[t0].s);
}

/* Trims a day or month off the end of the phrase [np0, *np1). 0 when the phrase is only a
 * time. */
static int trim_time(const xctx *x, uint32_t np0, uint32_t *np1)
{
    /* "a congressional report on Wednesday", "the schedule published Thursday": a day or month
     * ending the phrase is when, not who; the head is the noun before it (and before the
     * participle that dates it) */
    if (tok_has(x, *np1 - 1, LW_TIME) && !(x->t[*np1 - 1].flags & TF_ALLCAPS)) {
        uint32_t k = *np1 - 1;
        while (k > np0 && k + 5 > *np1 &&
               (tok_has(x, k, LW_TIME | LW_VERB) || tok_is(x, k, "on") || tok_is(x, k, "out") ||
                tok_is(x, k, "last") || tok_is(x, k, "this") ||
                (!(x->t[k].flags & TF_CAP) && x->t[k].e - x->t[k].s > 3 &&
                 x->b[x->t[k].e - 2] == 'e' && x->b[x->t[k].e - 1] == 'd')))
            k--;
        if (k == np0 && tok_has(x, k, LW_TIME))
            return 0;
        *np1 = k + 1;
    }
    return 1;
}

/* The end of the phrase [np0, np1) without a place after a locative preposition ("in",
 * "near", "across", …): "a woman in Worcester", "Shops all over the UK". A one-word name of
 * another kind, only after a noun a place can locate ("Some shops in London", "Critics in
 * Congress"). */
static uint32_t trim_place(const xctx *x, uint32_t np0, uint32_t np1)
{
    uint32_t k = np1, n;
    int32_t pl = x->tent[np1 - 1];
    if (pl < 0 && np1 >= np0 + 2 && hd_ex_place_noun(x, np1 - 1))
        return np1 - 2 > np0 + 1 && hd_ex_locative(x, np1 - 3, np0, &n) &&
                       hd_ex_locatable_noun(x, n)
                   ? n + 1
                   : np1; /* "Farmers across the country" */
    if (pl < 0)
        return np1;
    int place = x->ent[pl].kind == HD_ENT_PLACE;
    if (place) {
        while (k > np0 && (x->tent[k - 1] == pl || tok_punct(x, k - 1, ',') ||
                           (x->tent[k - 1] >= 0 && x->ent[x->tent[k - 1]].kind == HD_ENT_PLACE)))
            k--;
    } else {
        if (np1 - 1 > np0 && x->tent[np1 - 2] == pl)
            return np1;
        k = np1 - 1;
    }
    if (k > np0 + 2 && k < np1 && tok_has(x, k - 1, LW_DET))
        k--; /* "in the US" */
    if (k <= np0 + 1 || k >= np1 || !hd_ex_locative(x, k - 1, np0, &n) ||
        (!place && !hd_ex_locatable_noun(x, n)))
        return np1;
    return n + 1;
}

/* The end of the phrase [np0, np1) without an -ing participle and its object after its head
 * ("Officials investigating the crash", "A court hearing the case"). */
static uint32_t trim_participle(const xctx *x, uint32_t np0, uint32_t np1)
{
    for (uint32_t k = np0 + 1; k + 1 < np1; k++)
        if (hd_ex_participle_at(x, k))
            return k;
    return np1;
}

/* Does head word h name no one: a pronoun, a time, a share of people, a lone letter? */
static int head_names_no_one(const xctx *x, uint32_t h)
{
    const xtok *t = &x->t[h];
    if (tok_has(x, h, LW_PRON | LW_FUNC) || tok_pron_contraction(x, h) ||
        (tok_has(x, h, LW_TIME) && !(x->t[h].flags & TF_ALLCAPS)))
        return 1;
    static const char *const shares[] = {
        "one", "two",  "three", "four",    "five",    "six",      "seven", "eight",    "nine",
        "ten", "half", "third", "quarter", "percent", "majority", "most",  "minority", NULL};
    if (t->flags & TF_DIGIT)
        return 1; /* "nine in 10", "47 percent": a share of people, not a speaker */
    if (tok_in(x, h, shares))
        return 1;
    if (t->stem_e - t->s < 2 && !(t->flags & TF_DIGIT))
        return 1; /* a lone letter ("P" of "S&P") names no one */
    return 0;
}

/* Past a partitive's share: "one of the sources", "some of the analysts", "two of his aides"
 * speak as the sources, the analysts, his aides (not "the board of directors"). */
static uint32_t skip_partitive(const xctx *x, uint32_t b0, uint32_t h)
{
    static const char *const share[] = {
        "one", "some",  "many", "most",    "several", "all", "both", "each", "few", "none",
        "two", "three", "four", "another", "any",     "a",   "an",   "the",  NULL};
    for (uint32_t k = b0; k + 1 < h && k < b0 + 3; k++) {
        if (tok_is(x, k, "of"))
            return k > b0 ? k + 1 : b0;
        if (!tok_in(x, k, share) && !(x->t[k].flags & TF_DIGIT))
            return b0;
    }
    return b0;
}

/* Speaker name: the entity's canonical name, else a capitalised name as written, else NULL
 * (unknown: never a description presented as a name). */
static const char *speaker_name(xctx *x, const xstmt *s)
{
    int32_t e = hd_ex_ref_entity(x, s->ref);
    if (e >= 0)
        return x->ent[e].name;
    uint32_t np0 = s->sp1 ? s->sp0 : s->np0, np1 = s->sp1 ? s->sp1 : s->np1;
    if (np1 <= np0 || s->ref != REF_NONE)
        return NULL;
    if (!trim_time(x, np0, &np1))
        return NULL;
    uint32_t whole = np1;
    np1 = trim_participle(x, np0, np1);
    np1 = trim_place(x, np0, np1);
    int located = np1 < whole; /* "Shops all over the UK": a place after the head */
    uint32_t h = np1 - 1, a = h;
    const xtok *t = &x->t[h];
    if (head_names_no_one(x, h))
        return NULL;
    /* A common noun phrase ("the regional water board", "officials", "the company" that no
     * organisation named before answers to) speaks for itself: what the text says, not a
     * guess. A sentence start only capitalises it ("Analysts said" is "analysts"). */
    int common = !(t->flags & (TF_CAP | TF_ALLCAPS)) ||
                 ((tok_has(x, h, LW_SNOUN) || (located && hd_ex_locatable_noun(x, h))) &&
                  np1 == np0 + 1 && (t->flags & TF_SSTART) && !(t->flags & TF_ALLCAPS));
    if (common) {
        uint32_t b0 = skip_partitive(x, np0, h);
        while (b0 < h && (tok_has(x, b0, LW_DET) || (x->t[b0].flags & TF_POSS)))
            b0++;
        char *w = hd_arena_strndup(x->a, x->b + x->t[b0].s, x->t[h].stem_e - x->t[b0].s);
        if (w && b0 == h && w[0] >= 'A' && w[0] <= 'Z')
            w[0] = (char)(w[0] + 32);
        return w;
    }
    while (a > np0 && (x->t[a - 1].flags & (TF_CAP | TF_ALLCAPS)) && !tok_has(x, a - 1, LW_FUNC) &&
           !(x->t[a - 1].flags & TF_POSS))
        a--;
    return hd_arena_strndup(x->a, x->b + x->t[a].s, x->t[h].stem_e - x->t[a].s);
}

/* The mention as written: an organisation's whole name ("Standard and Poor's Corp", found
 * as "Poor's Corp"), or a group the sentence opens on, quantified or coordinated ("Politicians
 * and even some technologists", "Many in the crowd", "About four out of 10 voters", "Both
 * sides": found as its head). A group's stretch from the sentence start (after a leading
 * "But"/"And") must be short and hold no clause (no verb, auxiliary or relative pronoun),
 * else the mention stays as found. */
static uint32_t mention_start(xctx *x, const xstmt *s)
{
    uint32_t np0 = s->np0;
    if (s->sp1 || s->np1 <= np0 || np0 > s->cue0 || np0 == 0 || tok_has(x, np0, LW_PRON))
        return np0;
    if (s->ref >= 0) {
        if (x->ent[s->ref].kind == HD_ENT_PERSON)
            return np0;
        while (np0 > 0 && x->tent[np0 - 1] == s->ref && !(x->t[np0 - 1].flags & TF_INQ))
            np0--;
        return np0;
    }
    if (s->ref != REF_NONE)
        return np0;
    uint32_t s0 = hd_ex_sent_start(x, np0);
    if (tok_is(x, s0, "but") || tok_is(x, s0, "and") || tok_is(x, s0, "so"))
        s0++;
    if (np0 <= s0 || np0 - s0 > 7 || !tok_word(x, s0))
        return np0;
    static const char *const quant[] = {
        "many",  "some",   "most",     "both",      "all",      "few",   "several",
        "about", "nearly", "almost",   "only",      "half",     "one",   "two",
        "three", "four",   "five",     "six",       "seven",    "eight", "nine",
        "ten",   "dozens", "hundreds", "thousands", "majority", "more",  "fewer",
        "each",  "every",  "other",    "others",    NULL};
    static const char *const clause[] = {
        "that",  "which", "who",  "whom", "whose", "where", "when", "is",    "are",    "was",
        "were",  "has",   "have", "had",  "will",  "would", "can",  "could", "should", "may",
        "might", "must",  "do",   "does", "did",   "be",    "been", "not",   NULL};
    int group = (x->t[s0].flags & TF_DIGIT) != 0 || tok_in(x, s0, quant);
    int list = 0;
    for (uint32_t k = s0; k < np0; k++)
        list |= tok_is(x, k, "and") || tok_is(x, k, "or");
    if (!group && !list)
        return np0;
    for (uint32_t k = s0; k < np0; k++) {
        const xtok *t = &x->t[k];
        if (t->flags & TF_INQ)
            return np0;
        if (t->kind == TK_WORD) {
            if (t->lex & LW_VERB)
                return np0;
            if (tok_in(x, k, clause))
                return np0;
            continue;
        }
        if (!(t->kind == TK_PUNCT && t->ch == ',' && list))
            return np0;
    }
    return s0;
}

/* The mention's end: a description's complement that runs up to its cue is part of it as
 * written ("A source from the German Identitarian Movement told", "sources close to the Fed
 * say", "people familiar with her thinking say"). Only when the whole stretch before the cue
 * is that complement: a comma, a clause or a verb in it ("Opponents of the directive welcomed
 * the decision and said") leaves the mention as found, and a named entity keeps its name. */
static uint32_t mention_end(const xctx *x, const xstmt *s)
{
    uint32_t e = s->np1;
    if (s->sp1 || s->ref >= 0 || e <= s->np0 || s->np0 > s->cue0 || e + 2 > s->cue0 ||
        s->cue0 - e > 8)
        return e;
    static const char *const pre[] = {"from", "of", "at", "with", NULL};
    int familiar = (tok_is(x, e, "familiar") && tok_is(x, e + 1, "with")) ||
                   (tok_is(x, e, "close") && tok_is(x, e + 1, "to"));
    if (!familiar && !tok_in(x, e, pre))
        return e;
    static const char *const stop[] = {
        "that", "which", "who",  "whom", "whose",  "where", "when",   "is",
        "are",  "was",   "were", "has",  "have",   "had",   "will",   "would",
        "can",  "could", "also", "and",  "or",     "but",   "as",     "then",
        "now",  "not",   "on",   "in",   "during", "after", "before", NULL};
    for (uint32_t k = e; k < s->cue0; k++) {
        const xtok *t = &x->t[k];
        if (t->kind != TK_WORD || (t->flags & TF_INQ) || (k > e && (t->lex & LW_VERB)) ||
            tok_in(x, k, stop))
            return e;
        size_t l = t->e - t->s;
        if (!(t->flags & TF_CAP) && l > 3 && !memcmp(x->b + t->e - 2, "ly", 2))
            return e; /* an adverb: "reportedly", "recently" */
    }
    return s->cue0;
}

/* "Jeb Bush and Chris Christie say …", "…,” said Naylor and Beesley", "Apple Computer Inc and
 * AST Research Inc said": the person or organisation named first of two of a kind who said it
 * together, or -1; *m0 where that name starts. Only as the subject, right before or after the
 * cue: not "A, B and C" lists, nor a name inside a longer phrase. */
/* Is entity e, of which [a, b) is a mention, an organisation named whole: its legal form at
 * the end ("Apple Computer Inc") or named elsewhere in the article too? Not a piece of a name
 * the word "and" cut ("American Telephone and Telegraph", "Department for Culture, Media and
 * Sport"). People are whole. */
static int whole_name(const xctx *x, int32_t e, uint32_t a, uint32_t b)
{
    if (x->ent[e].kind != HD_ENT_ORG)
        return 1;
    return (b > a && tok_has(x, b - 1, LW_FIRM) && (x->t[b - 1].flags & (TF_CAP | TF_ALLCAPS))) ||
           x->ent[e].n_mentions >= 2;
}

static int32_t co_speaker(const xctx *x, const xstmt *s, uint32_t *m0, uint32_t *m1)
{
    int32_t e = hd_ex_ref_entity(x, s->ref);
    if (e < 0 || x->ent[e].kind == HD_ENT_PLACE || s->sp1 || s->np1 <= s->np0)
        return -1;
    for (uint32_t k = s->np0; k < s->np1; k++)
        if (x->tent[k] != e)
            return -1;
    *m1 = s->np1;
    /* "…,” said Naylor and Beesley.": the second name closes the sentence */
    if (s->cue1 > 0 && s->np0 == s->cue1 && s->np1 + 2 < x->nt && tok_is(x, s->np1, "and") &&
        !(x->t[s->np1].flags & TF_INQ)) {
        uint32_t b = s->np1 + 1, z = b;
        int32_t g = x->tent[b];
        while (z < x->nt && g >= 0 && x->tent[z] == g)
            z++;
        if (g >= 0 && g != e && x->ent[g].kind == x->ent[e].kind &&
            whole_name(x, e, s->np0, s->np1) && whole_name(x, g, b, z) &&
            (z >= x->nt || tok_punct(x, z, '.') || x->t[z].kind == TK_PARA)) {
            *m0 = s->np0;
            *m1 = z;
            return g;
        }
        return -1;
    }
    if (s->np0 < 2 || !tok_is(x, s->np0 - 1, "and") || (x->t[s->np0 - 1].flags & TF_INQ))
        return -1;
    uint32_t t = s->np0 - 2;
    int32_t f = x->tent[t];
    if (f < 0 || f == e || x->ent[f].kind != x->ent[e].kind || (x->t[t].flags & TF_INQ))
        return -1;
    uint32_t a = t;
    while (a > 0 && x->tent[a - 1] == f)
        a--;
    static const char *const between[] = {"both", "also", "have", "had", "jointly", NULL};
    int before = s->np1 == s->cue0 || (s->np1 + 1 == s->cue0 && tok_in(x, s->np1, between));
    int after = s->cue1 > 0 && a == s->cue1 &&
                (s->np1 >= x->nt || x->t[s->np1].kind != TK_WORD || tok_punct(x, s->np1, '.'));
    int opens = a == 0 || (x->t[a].flags & TF_SSTART) || tok_punct(x, a - 1, ',');
    if ((!(before && opens) && !after) || !whole_name(x, e, s->np0, s->np1) ||
        !whole_name(x, f, a, t + 1))
        return -1;
    *m0 = a;
    return f;
}

static int by_start(const void *a, const void *b)
{
    const hd_statement *p = a, *q = b;
    return p->start < q->start ? -1 : p->start > q->start;
}

/* Which kind two entities of one name are, as one: the kind of the one with more mentions;
 * on a tie an organisation, then a person ("shares in Barclays" took Barclays for a place). */
static hd_entity_kind merged_kind(const hd_entity *a, const xent *b)
{
    if (a->kind == b->kind || a->n_mentions > b->n_mentions)
        return a->kind;
    if (b->n_mentions > a->n_mentions)
        return b->kind;
    static const int rank[] = {[HD_ENT_PERSON] = 1, [HD_ENT_ORG] = 2, [HD_ENT_PLACE] = 0};
    return rank[b->kind] > rank[a->kind] ? b->kind : a->kind;
}

/* The article's entities into en, one per canonical name, in order of first appearance: the
 * mentions of a name the pass kept apart (a bare "Clinton" resolved to "Hillary Clinton"
 * beside her full name; "Barclays" as speaker and as a place) counted together. Returns how
 * many, or SIZE_MAX on out of memory. */
static size_t merge_entities(xctx *x, hd_entity *en)
{
    size_t cap = 16;
    while (cap < (size_t)x->nent * 2)
        cap *= 2;
    uint32_t *slot = hd_arena_alloc(x->a, cap * sizeof *slot);
    if (!slot)
        return SIZE_MAX;
    memset(slot, 0, cap * sizeof *slot);
    size_t m = 0;
    for (uint32_t i = 0; i < x->nent; i++) {
        const xent *e = &x->ent[i];
        if (!e->n_mentions)
            continue;
        size_t len = strlen(e->name);
        size_t j = lx_hash(e->name, len, len) & (cap - 1);
        while (slot[j] && strcmp(en[slot[j] - 1].name, e->name) != 0)
            j = (j + 1) & (cap - 1);
        if (slot[j]) {
            hd_entity *o = &en[slot[j] - 1];
            o->kind = merged_kind(o, e);
            o->n_mentions += e->n_mentions;
            continue;
        }
        slot[j] = (uint32_t)m + 1;
        en[m].name = e->name;
        en[m].kind = e->kind;
        en[m].n_mentions = e->n_mentions;
        m++;
    }
    return m;
}

static hd_rc output(xctx *x, hd_statement **out_st, size_t *out_n_st, hd_entity **out_ent,
                    size_t *out_n_ent)
{
    /* room for a second speaker of each (co_speaker) */
    hd_statement *st = hd_arena_alloc(x->a, (2 * (size_t)x->nst + 1) * sizeof *st);
    hd_entity *en = hd_arena_alloc(x->a, (x->nent + 1) * sizeof *en);
    if (!st || !en)
        return HD_ENOMEM;
    size_t n = 0;
    for (uint32_t i = 0; i < x->nst; i++) {
        const xstmt *s = &x->st[i];
        if (s->dead || s->e1 <= s->s1)
            continue;
        hd_statement *o = &st[n];
        memset(o, 0, sizeof *o);
        o->text = copy_text(x, s);
        o->speaker = speaker_name(x, s);
        o->speaker_mention = tok_span(x, mention_start(x, s), mention_end(x, s));
        o->cue = tok_span(x, s->cue0, s->cue1);
        o->direct = s->direct;
        o->start = s->s1;
        o->end = s->e2 > s->s2 ? s->e2 : s->e1;
        if (!o->text)
            return HD_ENOMEM;
        if (!*o->text)
            continue;
        n++;
        uint32_t m0, m1;
        int32_t f = co_speaker(x, s, &m0, &m1);
        if (f >= 0) {
            /* both said it: one statement each, the mention naming both */
            o->speaker_mention = tok_span(x, m0, m1 > s->np1 ? m1 : mention_end(x, s));
            st[n] = *o;
            st[n].speaker = x->ent[f].name;
            n++;
        }
    }
    if (n > 1) {
        size_t moves = 0;
        for (size_t i = 1; i < n && moves < 4096; i++) {
            hd_statement v = st[i];
            size_t j = i;
            while (j > 0 && st[j - 1].start > v.start) {
                st[j] = st[j - 1];
                j--;
                moves++;
            }
            st[j] = v;
        }
        if (moves >= 4096)
            qsort(st, n, sizeof *st, by_start);
    }
    size_t m = merge_entities(x, en);
    if (m == SIZE_MAX)
        return HD_ENOMEM;
    *out_st = st;
    *out_n_st = n;
    *out_ent = en;
    *out_n_ent = m;
    return HD_OK;
}

static void ctx_init(xctx *x, const hd_lexicon *lx, hd_arena *arena, const char *body,
                     size_t body_len)
{
    memset(x, 0, sizeof *x);
    x->lx = lx;
    x->a = arena;
    x->b = body ? body : "";
    x->n = body_len;
    x->last_ref = x->last_org_ref = REF_NONE;
}

/* Free the scratch arrays of the passes (not in the arena). */
static void ctx_release(xctx *x)
{
    hd_free(x->t);
    hd_free(x->wh);
    hd_free(x->q);
    hd_free(x->st);
    hd_free(x->caps);
    hd_free(x->marks);
    hd_free(x->cues);
    x->t = NULL;
    x->wh = NULL;
    x->q = NULL;
    x->st = NULL;
    x->caps = x->marks = x->cues = NULL;
}

hd_rc hd_extract_statements(const hd_lexicon *lx, hd_arena *arena, const char *title,
                            const char *body, size_t body_len, hd_statement **out_st,
                            size_t *out_n_st, hd_entity **out_ent, size_t *out_n_ent, hd_err *err)
{
    (void)title;
    if (!out_st || !out_n_st || !out_ent || !out_n_ent)
        return hd_err_set(err, HD_EINVAL, "hd_extract_statements: NULL output argument");
    *out_st = NULL;
    *out_ent = NULL;
    *out_n_st = *out_n_ent = 0;
    if (!lx || !arena || (!body && body_len))
        return hd_err_set(err, HD_EINVAL, "hd_extract_statements: NULL argument");
    if (body_len > MAX_BODY)
        return hd_err_set(err, HD_ELIMIT, "article body of %zu bytes is over the %zu limit",
                          body_len, MAX_BODY);
    xctx *x = hd_arena_alloc(arena, sizeof *x);
    if (!x)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    ctx_init(x, lx, arena, body, body_len);
    hd_rc rc = HD_ENOMEM;
    if (hd_ex_tokenize(x) == 0 && hd_ex_entities(x) == 0 && hd_ex_statements(x) == 0)
        rc = output(x, out_st, out_n_st, out_ent, out_n_ent);
    ctx_release(x);
    if (rc != HD_OK) {
        *out_st = NULL;
        *out_ent = NULL;
        *out_n_st = *out_n_ent = 0;
        return hd_err_set(err, rc, "out of memory extracting statements");
    }
    return HD_OK;
}

hd_rc hd_extract_batch(const hd_lexicon *lx, hd_arena *arena, hd_article *const *arts, size_t n,
                       hd_err *err)
{
    if (!lx || !arena || (!arts && n))
        return hd_err_set(err, HD_EINVAL, "hd_extract_batch: NULL argument");
    for (size_t k = 0; k < n; k++) {
        if (!arts[k] || (!arts[k]->body && arts[k]->body_len))
            return hd_err_set(err, HD_EINVAL, "hd_extract_batch: NULL article or body");
        if (arts[k]->body_len > MAX_BODY)
            return hd_err_set(err, HD_ELIMIT, "article body of %zu bytes is over the %zu limit",
                              arts[k]->body_len, MAX_BODY);
    }
    xctx *xs = n ? hd_arena_alloc(arena, n * sizeof *xs) : NULL;
    if (n && !xs)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    for (size_t k = 0; k < n; k++)
        ctx_init(&xs[k], lx, arena, arts[k]->body, arts[k]->body_len);
    int bad = 0;
    for (size_t k = 0; k < n && !bad; k++)
        bad = hd_ex_tokenize(&xs[k]) != 0;
    for (size_t k = 0; k < n && !bad; k++)
        bad = hd_ex_entities(&xs[k]) != 0;
    for (size_t k = 0; k < n && !bad; k++)
        bad = hd_ex_statements(&xs[k]) != 0;
    for (size_t k = 0; k < n && !bad; k++) {
        hd_statement *st;
        hd_entity *en;
        bad = output(&xs[k], &st, &arts[k]->n_statements, &en, &arts[k]->n_entities) != HD_OK;
        arts[k]->statements = st;
        arts[k]->entities = en;
    }
    for (size_t k = 0; k < n; k++)
        ctx_release(&xs[k]);
    if (bad) {
        for (size_t k = 0; k < n; k++) {
            arts[k]->statements = NULL;
            arts[k]->entities = NULL;
            arts[k]->n_statements = arts[k]->n_entities = 0;
        }
        return hd_err_set(err, HD_ENOMEM, "out of memory extracting statements");
    }
    return HD_OK;
}
