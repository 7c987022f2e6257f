/* SPDX-License-Identifier: MIT
 *
 * reported.c — reported speech, at most one cue per sentence (two when coordinated):
 *
 *   sentence tokens + cues -> xstmt[] with direct = 0
 *
 *   X said (that) …, X told reporters …, X said on Tuesday he would …, …, X said.,
 *   according to X, … / …, according to X., X described … as "…", X called Y "…",
 *   X called for …, ", saying …" after a non-speech verb, "X says A but argues B".
 * The clause stops before a quote that is already a direct statement of its own.
 * Called by statement.c (xstmt_run) for every sentence after direct quotes are known.
 */
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "extract/extract_int.h"

/* A lowercase word naming a kind of news outlet: "the German magazine Der Spiegel". */
static int media_noun(const xctx *x, uint32_t j)
{
    static const char *const w[] = {"magazine",   "newspaper",   "paper",   "daily",   "weekly",
                                    "agency",     "broadcaster", "network", "channel", "station",
                                    "television", "radio",       "website", "outlet",  "tabloid",
                                    "programme",  "program",     "show",    NULL};
    if (!tok_word(x, j) || !tok_has(x, j, LW_LISTEN) || (x->t[j].flags & (TF_CAP | TF_INQ)))
        return 0;
    if (tok_in(x, j, w))
        return 1;
    return 0;
}

/* The end of the listener's name starting at capitalised token j: "CNN", "Fox News", and
 * across the kind of outlet between names, "German magazine Der Spiegel". */
static uint32_t name_run(const xctx *x, uint32_t j, uint32_t end)
{
    uint32_t j0 = j;
    for (;;) {
        /* a time word ends the name ("Cruz backers Saturday"), not after a possessive ("BBC
         * Radio 4's Today programme"); a number inside one goes on ("Radio 4's") */
        while (j < end && tok_word(x, j) && !(x->t[j].flags & TF_INQ) &&
               ((x->t[j].flags & (TF_CAP | TF_ALLCAPS)) ||
                ((x->t[j].flags & TF_DIGIT) && j > j0 && j + 1 < end &&
                 (x->t[j + 1].flags & TF_CAP))) &&
               (!tok_has(x, j, LW_TIME) || (j > j0 && (x->t[j - 1].flags & TF_POSS))))
            j++;
        if (j + 1 < end &&
            (media_noun(x, j) || (j > j0 && (tok_is(x, j, "at") || tok_is(x, j, "of")))) &&
            tok_word(x, j + 1) && (x->t[j + 1].flags & TF_CAP) && !(x->t[j + 1].flags & TF_INQ) &&
            !tok_has(x, j + 1, LW_TIME))
            j++; /* "German magazine Der Spiegel", "World at One", "Bank of England" */
        else if (j < end && j > j0 && media_noun(x, j))
            return j + 1; /* "… Today programme" */
        else
            return j;
    }
}

/* Skip the listener after "told"/"asked": "reporters", "him", "CNN", "the court", "a crowd". */
static uint32_t skip_object(const xctx *x, uint32_t j, uint32_t end)
{
    static const char *const obj[] = {
        "reporters", "journalists", "him",        "her",       "them",      "us",
        "me",        "you",         "supporters", "voters",    "lawmakers", "backers",
        "donors",    "delegates",   "students",   "investors", NULL};
    if (j >= end || !tok_word(x, j))
        return j;
    if (tok_in(x, j, obj))
        return j + 1;
    if (x->t[j].flags & (TF_CAP | TF_ALLCAPS)) {
        j = name_run(x, j, end);
        for (int k = 0; obj[k] && j < end && !(x->t[j].flags & TF_INQ); k++)
            if (k >= 8 && tok_is(x, j, obj[k]))
                return j + 1; /* "Cruz backers", "Trump supporters" */
        return j;
    }
    if (tok_has(x, j, LW_DET) && !tok_is(x, j, "that")) {
        uint32_t k = j + 1, n = 0;
        while (k < end && n < 3 && tok_word(x, k) &&
               !tok_has(x, k, LW_FUNC | LW_VERB | LW_NOTNOUN)) {
            /* "the Sunday Times Mr Campbell would": a title opens what was said */
            if (n && tok_has(x, k, LW_TITLE))
                return k;
            /* after "a news conference" a capital opens what was said ("… Prime Minister
             * Nakasone is"), but not a name inside the phrase ("a local Californian court") */
            if ((x->t[k].flags & TF_CAP) && n && !(x->t[k - 1].flags & TF_CAP)) {
                uint32_t r = name_run(x, k, end); /* "the official China Daily that" */
                if (media_noun(x, k - 1) || tok_is(x, r, "that"))
                    return r;
                if (!(r < end && tok_word(x, r) && !(x->t[r].flags & (TF_CAP | TF_INQ)) &&
                      !tok_has(x, r, LW_FUNC | LW_VERB | LW_NOTNOUN | LW_ADV | LW_PRON)))
                    return k;
            }
            k++;
            n++;
        }
        return n ? k : j;
    }
    return j;
}

/* A lowercase noun for an audience: "told the Senate Appropriations Committee …". */
static int gathering_noun(const xctx *x, uint32_t j)
{
    static const char *const w[] = {
        "committee", "subcommittee", "conference", "meeting",    "panel",   "hearing",
        "forum",     "session",      "audience",   "convention", "rally",   "gathering",
        "briefing",  "seminar",      "symposium",  "assembly",   "council", "parliament",
        "congress",  "delegation",   NULL};
    if (!tok_word(x, j) || !tok_has(x, j, LW_LISTEN) || (x->t[j].flags & TF_INQ))
        return 0;
    if (tok_in(x, j, w))
        return 1;
    return 0;
}

/* Where the listener ends when the object skipped so far (up to j) stopped inside the name of
 * a gathering: "told the Upper House budget committee that …", "told a General Agreement on
 * Tariffs and Trade (GATT) meeting the gap …", "told the Senate Committee in Parliament that
 * …". Past the gathering's noun (and a place after "in"), else j. */
static uint32_t gathering_end(const xctx *x, uint32_t j, uint32_t end)
{
    uint32_t t = j, last = j;
    if (j > 0 && gathering_noun(x, j - 1) && j + 1 < end && tok_is(x, j, "in") &&
        tok_word(x, j + 1) && (x->t[j + 1].flags & TF_CAP))
        t = last = j + 2; /* skip_object took "the Budget Committee" */
    while (t < end && t < j + 10) {
        if (gathering_noun(x, t)) {
            last = ++t;
            if (t + 1 < end && tok_is(x, t, "in") && tok_word(x, t + 1) &&
                (x->t[t + 1].flags & TF_CAP))
                last = t = t + 2; /* "in Parliament", "in Pyongyang" */
            if (tok_is(x, t, "here"))
                last = ++t;
            continue;
        }
        if (x->t[t].flags & TF_INQ)
            break;
        if (tok_word(x, t) && (x->t[t].flags & (TF_CAP | TF_ALLCAPS)) && !(x->t[t].flags & TF_POSS))
            t++;
        else if (tok_is(x, t, "of") || tok_is(x, t, "on") || tok_is(x, t, "and") ||
                 tok_is(x, t, "for") || tok_punct(x, t, '(') || tok_punct(x, t, ')'))
            t++;
        else if (tok_word(x, t) && !tok_has(x, t, LW_FUNC | LW_VERB | LW_NOTNOUN | LW_PRON) &&
                 !tok_is(x, t, "that") &&
                 (gathering_noun(x, t + 1) || (t + 2 < end && gathering_noun(x, t + 2))))
            t++; /* "budget committee", "annual conference" */
        else
            break;
    }
    return last;
}

/* A noun for the medium of what was said: "in a tweet", "in his email", "in a statement". */
static int medium_noun(const xctx *x, uint32_t k)
{
    static const char *const w[] = {
        "statement", "tweet",   "email",   "e-mail",   "interview",  "letter",  "speech",
        "post",      "memo",    "message", "note",     "op-ed",      "column",  "blog",
        "posting",   "release", "filing",  "briefing", "conference", "address", NULL};
    if (tok_in(x, k, w))
        return 1;
    return 0;
}

/* Does a clause of its own start at token k after "said in a tweet,": a subject and, within
 * six words, an auxiliary — no relative word, participle or quote first? */
static int clause_after_comma(const xctx *x, uint32_t k, uint32_t end)
{
    static const char *const aux[] = {"is",  "was",   "are",   "were",  "has",      "have",
                                      "had", "will",  "would", "can",   "could",    "should",
                                      "may", "might", "must",  "won't", "wouldn't", NULL};
    const xtok *t = &x->t[k];
    if (!tok_word(x, k) || (t->flags & TF_INQ) ||
        (t->e - t->s > 3 && !(t->flags & TF_CAP) &&
         ((x->b[t->e - 1] == 'd' && x->b[t->e - 2] == 'e') ||
          (x->b[t->e - 1] == 'g' && x->b[t->e - 2] == 'n' && x->b[t->e - 3] == 'i'))))
        return 0;
    for (uint32_t m = k; m < end && m < k + 7; m++) {
        if (!tok_word(x, m) || tok_is(x, m, "which") || tok_is(x, m, "who") ||
            tok_is(x, m, "whose"))
            return 0;
        if (tok_in(x, m, aux))
            return m > k;
    }
    return 0;
}

/* Does a noun end at token k, so that a "the" after it opens a new noun phrase: a lowercase
 * word that is no preposition ("of", "outside") and no participle ("addressing")? */
static int listener_noun_end(const xctx *x, uint32_t k)
{
    static const char *const prep[] = {"of",     "for",    "with",  "outside", "inside", "near",
                                       "about",  "over",   "under", "into",    "by",     "than",
                                       "toward", "across", "and",   "or",      NULL};
    const xtok *t = &x->t[k];
    if (!tok_word(x, k) || (t->flags & (TF_CAP | TF_DIGIT)) || (t->lex & LW_ADVB) ||
        (t->e - t->s > 4 && !memcmp(x->b + t->e - 3, "ing", 3) && !gathering_noun(x, k)))
        return 0;
    if (tok_in(x, k, prep))
        return 0;
    return 1;
}

/* Forms of "be": a cue after one is passive ("was told", "Was Told"). */
static const char *const be_words[] = {"is",   "was",   "are", "were", "be",
                                       "been", "being", "am",  NULL};

/* The start of the clause across an adverbial from token j, into *start; 0 when there is
 * none. */
static int across_adverbial(const xctx *x, uint32_t j, uint32_t end, uint32_t *start)
{
    for (uint32_t k = j; k < end && k < j + 12; k++) {
        if (tok_is(x, k, "that")) {
            *start = k + 1;
            return 1;
        }
        /* "suggested in a tweet, women won't be punished …": the clause after the comma,
         * not a description of the document ("in a speech, the text of which …", "in its
         * annual report, mailed to shareholders") */
        if (tok_is(x, j, "in") && k > j + 1 && k <= j + 4 && tok_punct(x, k, ',') && k + 3 < end &&
            medium_noun(x, k - 1) && clause_after_comma(x, k + 1, end)) {
            *start = k + 1;
            return 1;
        }
        if (x->t[k].kind != TK_WORD || (x->t[k].lex >> 24))
            break;
    }
    return 0;
}

/* The start of the clause after a cue followed by the comma at token j, or UINT32_MAX. */
static uint32_t after_cue_comma(const xctx *x, uint32_t j, uint32_t end)
{
    /* "denied, in a statement to the agency, that …": skip an adverbial between commas;
     * "said, when she was earning …, a boss …" keeps the clause whole */
    if (!hd_ex_adverbial_start(x, j + 1, end) || tok_is(x, j + 1, "when") ||
        tok_is(x, j + 1, "while") || tok_is(x, j + 1, "as") || tok_is(x, j + 1, "if"))
        return j + 1;
    uint32_t k = j + 1;
    while (k < end && k < j + 16 && !tok_punct(x, k, ','))
        k++;
    if (k < end && tok_punct(x, k, ','))
        return k + 1;
    return UINT32_MAX;
}

/* "told reporters at a news conference that …", "told The Hill in a statement that
 * …": across an adverbial after the listener, which ends at j; the clause's start into
 * *start, or 0. */
static int listener_adverbial(const xctx *x, uint32_t c, uint32_t j, uint32_t end, uint32_t *start)
{
    if (j > c + 1 && j < end && tok_word(x, j) && hd_ex_adverbial_start(x, j, end) &&
        !tok_is(x, j, "that"))
        for (uint32_t k = j + 1; k < end && k < j + 12; k++) {
            /* not the "that" of "at that time" */
            if (tok_is(x, k, "that") && !(x->t[k].flags & TF_INQ) && !(x->t[k - 1].lex & LW_ADVB)) {
                *start = k + 1;
                return 1;
            }
            /* "told Reuters in an interview it was not true that …": a clause of its own */
            if (x->t[k].kind != TK_WORD || (x->t[k].lex >> 24) ||
                tok_has(x, k, LW_PRON | LW_NOTNOUN))
                break;
        }
    return 0;
}

/* Past the time words after the listener, which ends at j. */
static uint32_t past_listener_time(const xctx *x, uint32_t c, uint32_t j, uint32_t end)
{
    /* "told Cruz backers Saturday night that …", "told reporters on June 22 it …"; not
     * "Friday's suspension" */
    uint32_t t = j;
    if (j > c + 1 && tok_is(x, t, "on"))
        t++;
    while (t < end && t < j + 4 && tok_word(x, t) && !(x->t[t].flags & TF_POSS) &&
           (tok_has(x, t, LW_TIME) || tok_is(x, t, "yesterday") || tok_is(x, t, "today") ||
            tok_is(x, t, "here") || tok_is(x, t, "night") || tok_is(x, t, "morning") ||
            tok_is(x, t, "afternoon") || tok_is(x, t, "evening") ||
            ((x->t[t].flags & TF_DIGIT) && t > j && tok_has(x, t - 1, LW_TIME))))
        t++;
    if (t > j && t < end && (j > c + 1 || tok_is(x, t, "that")) &&
        (t > j + 1 || !tok_is(x, j, "on")))
        j = t;
    return j;
}

/* The "that" after a listener described at length, from j: the clause's start into *start,
 * or 0. */
static int that_after_listener(const xctx *x, uint32_t c, uint32_t j, uint32_t end, uint32_t *start)
{
    /* "told investors of New Media, the GateHouse parent, on Oct. 31 that …": a listener
     * described at length, set off by commas or names, then "that" — not "told reporters
     * the company that owns …", a relative clause */
    if (j > c + 1) {
        int marks = 0;
        for (uint32_t k = j; k < end && k < j + 14; k++) {
            if (tok_is(x, k, "that") && !(x->t[k].flags & TF_INQ)) {
                if (marks) {
                    *start = k + 1;
                    return 1;
                }
                break;
            }
            if (hd_ex_stop_tok(x, k) || (x->t[k].flags & TF_INQ) ||
                tok_has(x, k, LW_VERB | LW_NOTNOUN | LW_PRON) ||
                (x->t[k].kind == TK_PUNCT && !tok_punct(x, k, ',')))
                break;
            /* "told a U.S.-USSR business meeting the Soviet Union produces few items that
             * …": a determiner straight after the listener opens the clause's subject */
            if (tok_is(x, k, "the") && listener_noun_end(x, k - 1))
                break;
            marks |= tok_punct(x, k, ',') || (x->t[k].flags & (TF_CAP | TF_DIGIT));
        }
    }
    return 0;
}

/* After "told"/"tells"/"asked" c: past the listener from j, into *j; 1 and *start when the
 * clause's start is found on the way. */
static int past_listener(const xctx *x, uint32_t c, uint32_t *j, uint32_t end, uint32_t *start)
{
    *j = skip_object(x, *j, end);
    *j = gathering_end(x, *j, end);
    if (listener_adverbial(x, c, *j, end, start))
        return 1;
    *j = past_listener_time(x, c, *j, end);
    if (*j > c + 1 && tok_is(x, *j, "that") && !(x->t[*j].flags & TF_INQ)) {
        *start = *j + 1; /* "told reporters that …" */
        return 1;
    }
    return that_after_listener(x, c, *j, end, start);
}

/* First token of the reported clause after cue c (class cls), or UINT32_MAX. */
static uint32_t clause_start(const xctx *x, uint32_t c, uint32_t cls, uint32_t end)
{
    if (cls == VC_DESCRIBE)
        return c;
    uint32_t j = c + 1, start;
    if (cls == VC_CALL)
        return tok_is(x, c + 1, "for") || tok_is(x, c + 1, "on") ? c + 2 : c;
    if (tok_is(x, j, "out") && tok_is(x, c, "pointed"))
        j++; /* "pointed out (that) …" */
    /* "said that …"; but in "said that was a natural part of …" "that" is the subject */
    if (tok_is(x, j, "that"))
        return tok_in(x, j + 1, be_words) || tok_is(x, j + 1, "would") ||
                       tok_is(x, j + 1, "will") || tok_is(x, j + 1, "could")
                   ? j
                   : j + 1;
    /* "pledged to stay through that contest": what was undertaken, from "to" */
    if (tok_is(x, j, "to") && hd_ex_commits(x, c))
        return j;
    /* "said in a statement on Monday that …": only across an adverbial */
    if (hd_ex_adverbial_start(x, j, end) && !tok_punct(x, j, ',') &&
        across_adverbial(x, j, end, &start))
        return start;
    if (tok_punct(x, j, ','))
        return after_cue_comma(x, j, end);
    if ((tok_is(x, c, "told") || tok_is(x, c, "tells") || tok_is(x, c, "asked")) &&
        past_listener(x, c, &j, end, &start))
        return start;
    /* "on Tuesday", "late Monday" */
    if (j + 1 < end &&
        (tok_is(x, j, "on") || tok_is(x, j, "late") || tok_is(x, j, "last") ||
         tok_is(x, j, "earlier")) &&
        tok_word(x, j + 1) && (x->t[j + 1].flags & TF_CAP))
        j += 2;
    return j;
}

static void emit_reported(xctx *x, const xnp *np, uint32_t c0, uint32_t c1, uint32_t a, uint32_t b,
                          int pron_ok)
{
    while (b > a &&
           (x->t[b - 1].kind == TK_PARA || (x->t[b - 1].kind == TK_PUNCT && x->t[b - 1].ch != ')')))
        b--;
    while (a < b && x->t[a].kind == TK_PUNCT)
        a++;
    /* stop before a quote that is already a statement of its own (", adding, “…”") */
    for (uint32_t k = a; k < b; k++)
        if (x->t[k].kind == TK_QOPEN && hd_ex_has_used_quote(x, k, k + 1)) {
            b = k;
            while (b > a && (x->t[b - 1].kind == TK_PUNCT || (x->t[b - 1].lex >> 24) == VC_PART))
                b--;
            break;
        }
    int words = 0;
    for (uint32_t k = a; k < b; k++)
        words += x->t[k].kind == TK_WORD;
    if (words < 3 || hd_ex_has_used_quote(x, a, b))
        return;
    xstmt *s = hd_ex_st_new(x);
    if (!s)
        return;
    hd_ex_set_np(x, s, np);
    (void)pron_ok;
    s->cue0 = c0;
    s->cue1 = c1;
    s->s1 = x->t[a].s;
    s->e1 = x->t[b - 1].e;
    s->para = x->t[c0].para;
    s->anchor = c0;
    s->direct = 0;
    x->used[c0] = 1;
    for (uint32_t k = a; k < b; k++)
        if (x->t[k].kind == TK_QOPEN && x->t[k].qi && x->q[x->t[k].qi - 1].stmt < 0)
            x->q[x->t[k].qi - 1].stmt = (int32_t)(x->nst - 1);
}

/* Index in x->cues of the first cue at or after token i. */
static uint32_t first_cue(const xctx *x, uint32_t i)
{
    uint32_t lo = 0, hi = x->n_cues;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (x->cues[mid] < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int subordinator(const xctx *x, uint32_t i)
{
    static const char *const sub[] = {"while",  "although", "though", "because", "whereas",
                                      "if",     "when",     "since",  "after",   "before",
                                      "unless", "as",       NULL};
    if (!tok_word(x, i) || x->t[i].e - x->t[i].s > 8 ||
        !memchr("wWaAtTbBiIsSuU", x->b[x->t[i].s], 14))
        return 0;
    if (tok_in(x, i, sub))
        return 1;
    return 0;
}

/* Is [s0, comma) a subordinate clause alone ("As the charges were unsealed in New York, X
 * testified …"), with no main clause after a comma of its own ("If we fail, we lose, X said")?
 * It says when or why, not what. */
static int lone_subordinate(const xctx *x, uint32_t s0, uint32_t comma)
{
    if (!subordinator(x, s0))
        return 0;
    for (uint32_t m = s0 + 1; m < comma; m++)
        if (tok_punct(x, m, ','))
            return 0;
    return 1;
}

/* Is cue c (a speech verb) a "…, X said." that ends sentence [s0, s1) — right before its
 * end or an adverbial ("…, X said on Tuesday.")? Then the clause before the comma is what X
 * said, whatever verbs it holds ("No firms have reported difficulties, an official said").
 * A role joined by "and" belongs to X ("…, Industry and Trade Secretary Roberto Lavagna told
 * reporters."). Sets *np and *comma (the comma's token). */
static int trailing_attribution(xctx *x, uint32_t c, uint32_t s0, uint32_t s1, xnp *np,
                                uint32_t *comma)
{
    if (x->t[s0].kind == TK_QOPEN || !hd_ex_np_left(x, c, s0, np))
        return 0;
    for (uint32_t m = np->t1; m < c; m++)
        if (!tok_has(x, m, LW_ADV))
            return 0; /* the subject of "X said A and added B", not a phrase before the cue */
    uint32_t p = np->t0;
    int role = 0;
    for (uint32_t m = np->t0; m < np->t1; m++)
        role |= tok_has(x, m, LW_ROLE) != 0;
    if (role && p > s0 + 3 && tok_is(x, p - 1, "and")) {
        uint32_t q = p - 1;
        while (q > s0 + 1 && q + 4 > p && tok_word(x, q - 1) && (x->t[q - 1].flags & TF_CAP))
            q--;
        if (q < p - 1 && tok_punct(x, q - 1, ','))
            p = q;
    }
    if (p <= s0 + 2 || !tok_punct(x, p - 1, ',') || lone_subordinate(x, s0, p - 1))
        return 0;
    uint32_t k = c + 1;
    if (tok_is(x, c, "told") || tok_is(x, c, "tells"))
        k = skip_object(x, k, s1);
    if (!(k >= s1 || hd_ex_stop_tok(x, k) ||
          (tok_word(x, k) && hd_ex_adverbial_start(x, k, s1) && s1 - k <= 6)))
        return 0;
    /* "On Dec. 7 on MSNBC, Bush said “local forces” must lead the way": a quote after the cue
     * is what was said */
    if (k < s1 && x->t[k].kind == TK_QOPEN)
        return 0;
    for (uint32_t m = c + 1; m < s1 && m < c + 14 && !tok_punct(x, m, ','); m++)
        if (tok_is(x, m, "that"))
            return 0; /* "…, X said on Tuesday that …" */
    for (uint32_t m = k; m < s1; m++)
        if (tok_punct(x, m, ',') || (x->t[m].lex & (LW_VERB | LW_ACC)))
            return 0; /* more follows: not the sentence's last word on it */
    *comma = p - 1;
    return 1;
}

/* "Asked whether he would run, …", "When asked on Fox News who leads the party, …": the
 * question, asker unnamed, from cue c (an "asked" opening the sentence or after when / was /
 * were). Sets *next to the token after the question's comma (the rest of the sentence is read
 * on its own), or UINT32_MAX. */
static int asked_question(xctx *x, uint32_t c, uint32_t s0, uint32_t s1, uint32_t *next)
{
    static const char *const wh[] = {"whether", "if",   "about", "what",  "why", "how",
                                     "who",     "whom", "when",  "which", NULL};
    if (!tok_is(x, c, "asked") ||
        !(c == s0 || (c > s0 && (tok_is(x, c - 1, "when") || tok_is(x, c - 1, "was") ||
                                 tok_is(x, c - 1, "were")))))
        return 0;
    uint32_t w = c + 1;
    /* an adverbial before the question: "asked on Fox News who …", "asked later whether" */
    for (uint32_t k = c + 1; k < s1 && k < c + 7; k++) {
        int is_wh = tok_in(x, k, wh) && !(k > c + 1 && tok_is(x, k, "about"));
        if (is_wh) {
            w = k;
            break;
        }
        if (k == c + 1 ? !hd_ex_adverbial_start(x, k, s1) || tok_is(x, k, "about")
                       : (x->t[k].kind != TK_WORD || (x->t[k].lex >> 24)))
            return 0;
    }
    int q = 0;
    q |= tok_in(x, w, wh);
    if (!q)
        return 0;
    uint32_t e = w, after = UINT32_MAX;
    while (e < s1 && !tok_punct(x, e, ',')) {
        /* a short quoted name inside the question ("an appearance on “CBS This Morning,”"),
         * maybe holding the question's comma */
        const xquote *qt = x->t[e].kind == TK_QOPEN && x->t[e].qi ? &x->q[x->t[e].qi - 1] : NULL;
        if (qt && qt->closed && qt->close < s1 && qt->close - qt->open <= 10 && qt->open == e) {
            if (tok_punct(x, qt->close - 1, ',')) {
                after = qt->close + 1;
                e = qt->close - 1;
                break;
            }
            e = qt->close + 1;
            continue;
        }
        if (hd_ex_stop_tok(x, e))
            break;
        e++;
    }
    xnp np;
    memset(&np, 0, sizeof np);
    np.ref = REF_NONE;
    emit_reported(x, &np, c, c + 1, tok_is(x, w, "about") ? w + 1 : w, e, 0);
    if (after == UINT32_MAX && e < s1 && tok_punct(x, e, ','))
        after = e + 1;
    *next = after; /* "…, Smith said …" */
    return 1;
}

/* Is np a document just issued by the sentence's subject ("issued a statement", "sent a
 * letter", "posted a video")? */
static int issued_document(const xctx *x, const xnp *np)
{
    static const char *const doc[] = {
        "statement", "letter", "memo",  "release", "email",  "e-mail",   "message", "note",
        "tweet",     "post",   "video", "ad",      "advert", "response", "reply",   NULL};
    static const char *const verb[] = {"issued", "released", "sent",  "posted",  "published",
                                       "put",    "wrote",    "gave",  "tweeted", "aired",
                                       "issues", "releases", "sends", "posts",   "fired",
                                       "shot",   NULL};
    if (np->t1 <= np->t0 || np->t0 == 0)
        return 0;
    int is_doc = tok_in(x, np->t1 - 1, doc);
    uint32_t v = np->t0 - 1;
    /* "sent a fundraising email": back over the document's article and modifiers */
    while (is_doc && v > 0 && np->t0 - v <= 3 && tok_word(x, v) && !tok_in(x, v, verb) &&
           !(x->t[v].flags & (TF_CAP | TF_INQ)) && !(x->t[v].lex >> 24) && !tok_has(x, v, LW_PRON))
        v--;
    if (v > 0 && (tok_is(x, v, "out") || tok_is(x, v, "back")))
        v--; /* "put out a statement", "fired back a response" */
    return is_doc && tok_in(x, v, verb);
}

/* Does a clause with a subject of its own and a speech cue start right after token k ("and
 * B said Y", "though Mrs. Fiorina said Y")? */
static int own_subject_clause(xctx *x, uint32_t k, uint32_t s1)
{
    for (uint32_t c3 = k + 2; c3 < s1 && c3 < k + 8; c3++) {
        xnp np3;
        uint32_t cls3 = hd_ex_cue_class(x, c3);
        if (cls3 == VC_SPEECH && hd_ex_cue_ok(x, c3, cls3) && hd_ex_np_left(x, c3, k + 1, &np3) &&
            np3.t0 == k + 1)
            return 1;
    }
    return 0;
}

/* "While Ramos said that journalists cannot have any political affiliation, he appears
 * uneasy": a subordinator right before the subject ends what was said at the comma that
 * closes the subordinate clause. Returns that comma, or s1. */
static uint32_t subordinate_end(const xctx *x, uint32_t s0, uint32_t np0, uint32_t a, uint32_t s1)
{
    /* the subordinator opens the sentence, or stands right before the subject ("If we read
     * him right when he says A, it would seem …") */
    if (np0 <= s0 || !tok_word(x, np0 - 1) || !subordinator(x, np0 - 1))
        return s1;
    for (uint32_t k = a; k + 1 < s1; k++)
        if (tok_punct(x, k, ',') && !(x->t[k].flags & TF_INQ))
            return k;
    return s1;
}

/* Does only where it was said follow the medium at token `medium` (a name, phrases)? 2 when
 * so (the adverbial closes the sentence), else 0. */
static int after_medium(const xctx *x, uint32_t medium, uint32_t s1)
{
    /* after the medium only a name set in quotes and phrases opened by a preposition
     * ("in a telephone interview from the company's Chicago headquarters"); a word
     * of any other kind opens a clause ("in a statement the increase reflects …") */
    static const char *const prep[] = {"with", "to",  "from",   "on",        "of", "at",
                                       "by",   "for", "posted", "published", NULL};
    uint32_t k = medium + 1, words = 0;
    int in_pp = 0;
    for (; k < s1 && !hd_ex_stop_tok(x, k); k++) {
        if (x->t[k].kind == TK_QOPEN || x->t[k].kind == TK_QCLOSE)
            continue;
        if (x->t[k].kind != TK_WORD || tok_is(x, k, "that") || (x->t[k].lex & LW_VERB) ||
            tok_has(x, k, LW_NOTNOUN) || ++words > 12)
            return 0;
        int pr = tok_in(x, k, prep);
        if (pr)
            in_pp = 1;
        else if (!in_pp && !(x->t[k].flags & (TF_CAP | TF_INQ)))
            return 0;
    }
    return k >= s1 || tok_punct(x, k, '.') ? 2 : 0;
}

/* Is [a, s1) no clause but an adverbial closing the sentence ("… Menear said in the earnings
 * release.", "said in a NASA statement."): a preposition and at most four more words, none an
 * auxiliary, a cue or "that"? What was said is elsewhere (a quote before it). */
static int adverbial_only(const xctx *x, uint32_t a, uint32_t s1)
{
    /* "explained on an episode of their podcast “Beyond Finances.”", "said in a statement
     * posted on its website": where it was said, however long, when nothing follows */
    if (tok_is(x, a, "in") || tok_is(x, a, "on") || tok_is(x, a, "during")) {
        uint32_t medium = 0;
        for (uint32_t m = a + 1; m < s1 && m <= a + 4 && !medium; m++)
            if (medium_noun(x, m) || tok_is(x, m, "episode") || tok_is(x, m, "podcast") ||
                tok_is(x, m, "show") || tok_is(x, m, "appearance") || tok_is(x, m, "video"))
                medium = m;
        if (medium)
            return after_medium(x, medium, s1);
    }
    /* "testified side-by-side before the House Intelligence Committee Tuesday about the
     * events", "spoke about the plan at length": before whom, about what, however long; a
     * word in -ed would be a verb of a clause ("about then the deal collapsed") */
    uint32_t p = a;
    const xtok *t = &x->t[p];
    if (tok_word(x, p) && !(t->flags & TF_CAP) && !(t->lex & LW_ADVB) && p + 1 < s1 &&
        (memchr(x->b + t->s, '-', t->e - t->s) ||
         (t->e - t->s > 4 && x->b[t->e - 2] == 'l' && x->b[t->e - 1] == 'y')))
        p++; /* an adverb first: "side-by-side", "publicly" */
    static const char *const amount[] = {"one",  "two", "three", "four", "five", "six",  "ten",
                                         "half", "a",   "twice", "as",   "how",  "what", NULL};
    int topic = tok_is(x, p, "before") || tok_is(x, p, "about");
    /* "said about 20 pct", "noted about a third": about is a quantity's; "warned about X":
     * X is the warning */
    if (topic && tok_is(x, p, "about") &&
        ((p + 1 < x->nt && (x->t[p + 1].flags & TF_DIGIT)) ||
         (a > 0 && x->t[a - 1].lex >> 24 == VC_SPEECH &&
          (tok_is(x, a - 1, "warned") || tok_is(x, a - 1, "warns") || tok_is(x, a - 1, "warn") ||
           tok_is(x, a - 1, "cautioned")))))
        topic = 0;
    topic = topic && !(tok_is(x, p, "about") && tok_in(x, p + 1, amount));
    if (!topic && (!tok_word(x, a) || !(x->t[a].lex & LW_ADVB) || (x->t[a].flags & TF_CAP) ||
                   tok_is(x, a, "to") || tok_is(x, a, "of")))
        return 0; /* "vowed to leave it untouched", "said that of Cruz's campaign" */
    int words = 0;
    uint32_t k = a;
    for (; k < s1 && !hd_ex_stop_tok(x, k); k++) {
        if (x->t[k].kind != TK_WORD) {
            /* ", where lawmakers expressed outrage": a relative clause on the last place */
            if (topic && tok_punct(x, k, ',') && k + 1 < s1 &&
                (tok_is(x, k + 1, "where") || tok_is(x, k + 1, "which")))
                return 1;
            return 0;
        }
        if (tok_has(x, k, LW_NOTNOUN | LW_VERB | LW_PRON) || tok_is(x, k, "that") ||
            ++words > (topic ? 16 : 5))
            return 0;
        t = &x->t[k];
        if (topic && t->stem_e - t->s >= 4 && !(t->flags & TF_CAP) && x->b[t->stem_e - 1] == 'd' &&
            x->b[t->stem_e - 2] == 'e')
            return 0;
    }
    return k >= s1 || tok_punct(x, k, '.');
}

/* Does the verb group before cue c say that its subject did not speak: negated ("did not
 * say", "have not disclosed", "never said", "didn't say", "declined to say"; 1) or passive ("a
 * third case was reported", "they were told", "have been accused of"; 2), where the subject is
 * what was spoken of or to? "was quoted as saying" and "was saying" are the subject's words. */
static int not_said(const xctx *x, uint32_t c, uint32_t s0)
{
    static const char *const aux[] = {"has",   "have",   "had",  "will",  "would",
                                      "could", "should", "may",  "might", "can",
                                      "must",  "do",     "does", "did",   NULL};
    static const char *const refuse[] = {"declined", "declines", "decline", "refused",
                                         "refuses",  "refuse",   "failed",  NULL};
    if (c >= s0 + 2 && tok_is(x, c - 1, "to"))
        if (tok_in(x, c - 2, refuse))
            return 1;
    const xtok *cue = &x->t[c];
    int progressive = cue->e - cue->s > 4 && x->b[cue->e - 3] == 'i' && x->b[cue->e - 2] == 'n' &&
                      x->b[cue->e - 1] == 'g';
    int passive_ok = !progressive && !tok_is(x, c, "quoted");
    int aux_seen = 0;
    for (uint32_t k = c; k > s0 && k + 5 > c;) {
        k--;
        const xtok *t = &x->t[k];
        if (!tok_word(x, k) || (t->flags & (TF_CAP | TF_INQ)))
            break;
        size_t n = t->e - t->s;
        const char *w = x->b + t->s;
        if (tok_is(x, k, "not") || tok_is(x, k, "never") ||
            (n > 3 && w[n - 1] == 't' && w[n - 2] == '\'' && w[n - 3] == 'n') ||
            (n > 5 && w[n - 1] == 't' && !memcmp(w + n - 4, "\xE2\x80\x99", 3) && w[n - 5] == 'n'))
            return 1;
        int is_be = 0, is_aux = 0;
        is_be |= tok_in(x, k, be_words);
        is_aux |= tok_in(x, k, aux);
        if (is_be && !aux_seen && passive_ok)
            return 2;
        aux_seen |= is_be || is_aux;
        if (!is_be && !is_aux && !tok_has(x, k, LW_ADV) &&
            !(n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y'))
            break; /* out of the verb group */
    }
    return 0;
}

/* The subject after an inverted cue at the end of a sentence ("…, said the spokesman.",
 * "…, says certified financial planner Eric Roberge."), running to the end of the sentence
 * or to a comma. A few lower-case words may describe a person named after them: the
 * description is part of the mention, the person is the speaker. */
static int inverted_subject(xctx *x, uint32_t c, uint32_t s1, xnp *np)
{
    uint32_t i = c + 1;
    for (int tries = 0; tries < 2; tries++) {
        if (hd_ex_np_right(x, i, s1, np) &&
            (np->t1 >= s1 || hd_ex_stop_tok(x, np->t1) || tok_punct(x, np->t1, ','))) {
            np->t0 = c + 1;
            return 1;
        }
        /* skip the description: lower-case words, no verb, up to a person's name */
        uint32_t k = c + 1;
        while (k < s1 && k < c + 5 && tok_word(x, k) &&
               !(x->t[k].flags & (TF_CAP | TF_ALLCAPS | TF_DIGIT)) && !(x->t[k].lex & LW_VERB) &&
               !tok_has(x, k, LW_NOTNOUN | LW_PRON))
            k++;
        if (k == c + 1 || k >= s1 || x->tent[k] < 0 || x->ent[x->tent[k]].kind != HD_ENT_PERSON)
            return 0;
        i = k;
    }
    return 0;
}

static const char *const aux[] = {"is",  "was",   "are",   "were", "has",   "have",
                                  "had", "will",  "would", "can",  "could", "should",
                                  "may", "might", "must",  "does", "did",   NULL};

/* Is [a, b) no clause of its own: at most max_words words and no auxiliary ("The paradox of
 * Nancy", "Any interpretation of his actions")? Then 1 means it has one or is too long. */
static int has_aux(const xctx *x, uint32_t a, uint32_t b, int max_words)
{
    int words = 0;
    for (uint32_t m = a; m < b; m++) {
        words += x->t[m].kind == TK_WORD;
        if (tok_in(x, m, aux))
            return 1;
    }
    return words > max_words;
}

/* Do tokens [a, b) only introduce the main clause that follows them: a subordinate clause
 * ("While most were marked confidential") or a short adverbial ("In addition", "On Tuesday")? */
static int clause_opener(const xctx *x, uint32_t a, uint32_t b)
{
    static const char *const sub[] = {
        "while", "although", "though",  "whereas", "when", "if",   "because", "since",
        "after", "before",   "despite", "unlike",  "as",   "once", "until",   NULL};
    static const char *const adv[] = {
        "in",       "on",        "at",        "for",     "by",         "with",
        "under",    "during",    "among",     "however", "meanwhile",  "additionally",
        "moreover", "overall",   "still",     "now",     "separately", "last",
        "this",     "earlier",   "elsewhere", "also",    "later",      "furthermore",
        "further",  "likewise",  "similarly", "besides", "finally",    "then",
        "today",    "yesterday", NULL};
    if (a >= b || !tok_word(x, a))
        return 0;
    if (tok_in(x, a, sub))
        return 1;
    uint32_t words = 0;
    for (uint32_t k = a; k < b; k++) {
        if (tok_punct(x, k, ',') || x->t[k].kind == TK_QOPEN)
            return 0;
        words += x->t[k].kind == TK_WORD;
    }
    /* "This week" opens; "This is not about me" is a clause */
    if (words > 5 || has_aux(x, a, b, 5))
        return 0;
    if (tok_in(x, a, adv))
        return 1;
    return 0;
}

/* The "who" of a relative clause whose verb is cue c ("X, who said", "X, who has long
 * argued", "X, who also noted"), or UINT32_MAX. A "who" right after a verb is a question's
 * ("asked the mayor who said …"), not a relative pronoun. */
static uint32_t relative_who(const xctx *x, uint32_t c, uint32_t s0)
{
    uint32_t w = c;
    while (w > s0 && c - w < 3) {
        w--;
        if (tok_is(x, w, "who"))
            break;
        if (!(tok_is(x, w, "has") || tok_is(x, w, "had") || tok_is(x, w, "have") ||
              (tok_has(x, w, LW_ADV) && !(x->t[w].flags & TF_CAP))))
            return UINT32_MAX;
    }
    if (!tok_is(x, w, "who") || w == s0 || (x->t[w].flags & TF_INQ) || !(x->t[w].lex & LW_NOTNOUN))
        return UINT32_MAX; /* not "the WHO said" (an acronym: its word bits were cleared) */
    if (tok_punct(x, w - 1, ','))
        return w;
    return tok_word(x, w - 1) && !(x->t[w - 1].lex & (LW_VERB | LW_ACC)) ? w : UINT32_MAX;
}

/* The end of the relative clause that cue c opens when it is followed by the main clause's
 * own speech verb: "X, who said A, said B" -> the comma before the second "said" (A stops
 * there), or UINT32_MAX. Sets *main to that verb. */
static uint32_t relative_end(const xctx *x, uint32_t a, uint32_t s1, uint32_t *main)
{
    for (uint32_t k = a + 2; k + 1 < s1; k++) {
        if (!tok_punct(x, k, ',') || (x->t[k].flags & TF_INQ))
            continue;
        uint32_t v = k + 1;
        if (tok_has(x, v, LW_ADV) && !(x->t[v].flags & TF_CAP) && v + 1 < s1)
            v++;
        /* the main verb may already serve a quote ("X, who A, said: “…”") */
        if (tok_word(x, v) && !(x->t[v].flags & (TF_INQ | TF_CAP)) &&
            x->t[v].lex >> 24 == VC_SPEECH && (x->used[v] || hd_ex_cue_ok(x, v, VC_SPEECH))) {
            *main = v;
            return k;
        }
    }
    return UINT32_MAX;
}

/* Is the clause of a relative cue c starting at a a reported statement? Not "who writes
 * about the industry", "who pledged his allegiance": a topic or an object, no clause. */
static int relative_clause_ok(const xctx *x, uint32_t c, uint32_t a)
{
    static const char *const wh[] = {"whether", "if",    "why", "how",   "what",
                                     "when",    "where", "who", "which", NULL};
    /* "who asked not to be identified": a request, not words of theirs; "who asked whether
     * …" is a question */
    if (tok_is(x, c, "asked") || tok_is(x, c, "requested")) {
        if (tok_in(x, c + 1, wh))
            return 1;
        return 0;
    }
    if (a != c + 1)
        return 1;
    return !(tok_is(x, a, "about") || tok_is(x, a, "his") || tok_is(x, a, "her") ||
             tok_is(x, a, "their") || tok_is(x, a, "its") || tok_is(x, a, "for"));
}

/* Does noun phrase np name or describe a person: a person, a role or title ("director",
 * "Sen."), or an indefinite description set off by a comma (", a former staff member")? */
static int personal_np(const xctx *x, const xnp *np)
{
    if (REF_IS_PEND(np->ref) || (np->ref >= 0 && x->ent[np->ref].kind == HD_ENT_PERSON))
        return 1;
    for (uint32_t k = np->t0; k < np->t1; k++)
        if (tok_has(x, k, LW_ROLE | LW_TITLE))
            return 1;
    return np->t0 > 0 && (tok_is(x, np->t0, "a") || tok_is(x, np->t0, "an")) &&
           tok_punct(x, np->t0 - 1, ',');
}

/* "Elizabeth Arnold, 32, a former staff member for …": the person described */
static xnp described_person(xctx *x, xnp cur, uint32_t s0)
{
    uint32_t q = cur.t0 - 1;
    xnp named;
    if (q > s0 + 2 && (x->t[q - 1].flags & TF_DIGIT) && tok_punct(x, q - 2, ','))
        q -= 2;
    if ((tok_is(x, cur.t0, "a") || tok_is(x, cur.t0, "an")) && q > s0 && tok_punct(x, q, ',') &&
        hd_ex_np_left(x, q, s0, &named) &&
        (REF_IS_PEND(named.ref) || (named.ref >= 0 && x->ent[named.ref].kind == HD_ENT_PERSON)))
        cur = named;
    return cur;
}

/* The antecedent of the relative cue c: the noun phrase before "who", but not a place or an
 * organisation that is the object of a preposition inside a description ("a gynecologist from
 * Englewood, New Jersey, who said", "director of the Partnership for Conservative Principles, who
 * said"): then the phrase that the preposition hangs from. */
static int relative_speaker(xctx *x, uint32_t c, uint32_t s0, xnp *np)
{
    if (!hd_ex_np_left(x, c, s0, np))
        return 0;
    int place = np->ref >= 0 && x->ent[np->ref].kind == HD_ENT_PLACE;
    xnp cur = *np, fallback = {0};
    int have_fallback = 0;
    for (int hop = 0; hop < 4; hop++) {
        if (hop > 0 && personal_np(x, &cur)) {
            *np = described_person(x, cur, s0);
            return 1;
        }
        if (hop == 0 && !place && !(np->ref >= 0 && x->ent[np->ref].kind == HD_ENT_ORG)) {
            /* "An aide to Agriculture Secretary Richard Lyng who asked …": the aide's */
            xnp role;
            uint32_t p = np->t0;
            if (p > s0 + 2 && (tok_is(x, p - 1, "to") || tok_is(x, p - 1, "for")) &&
                tok_word(x, p - 2) && !(x->t[p - 2].flags & TF_CAP) &&
                tok_has(x, p - 2, LW_ROLE | LW_SNOUN) && hd_ex_np_left(x, p - 1, s0, &role))
                *np = role;
            return 1; /* a person, a role, a plain noun: "who" is theirs */
        }
        if (hop > 0 && !have_fallback && !(cur.ref >= 0 && x->ent[cur.ref].kind == HD_ENT_PLACE)) {
            fallback = cur;
            have_fallback = 1;
        }
        uint32_t p = cur.t0;
        /* "Englewood, New Jersey": a place and its state */
        while (p > s0 + 2 && tok_punct(x, p - 1, ',') && tok_word(x, p - 2) &&
               (x->t[p - 2].flags & TF_CAP))
            p -= 2;
        while (p > s0 && tok_word(x, p - 1) && (x->t[p - 1].flags & TF_CAP) &&
               !tok_is(x, p - 1, "the"))
            p--;
        if (p <= s0 + 1 ||
            !(tok_is(x, p - 1, "of") || tok_is(x, p - 1, "from") || tok_is(x, p - 1, "for") ||
              tok_is(x, p - 1, "in") || tok_is(x, p - 1, "at") || tok_is(x, p - 1, "with") ||
              tok_is(x, p - 1, "to")))
            break;
        /* "Nicky Driscoll, 24, from Manchester, who said": across the commas and the age */
        uint32_t h = p - 1;
        if (h > s0 + 1 && tok_punct(x, h - 1, ',')) {
            h--;
            if (h > s0 + 2 && (x->t[h - 1].flags & TF_DIGIT) && tok_punct(x, h - 2, ','))
                h -= 2;
        }
        if (!hd_ex_np_left(x, h, s0, &cur))
            break;
    }
    /* an organisation with no person described before it; a place with no phrase before its
     * preposition (or a word typed as a place: "Republicans who say") */
    if (place && have_fallback)
        *np = fallback;
    return 1;
}

/* Relative clauses of speech in a sentence whose main cue serves a direct quote: "“…,” said
 * Tom Borges, who predicted that …" — the clause is Borges's reported words. */
static void relative_statements(xctx *x, uint32_t s0, uint32_t s1)
{
    for (uint32_t ci = first_cue(x, s0); ci < x->n_cues && x->cues[ci] < s1; ci++) {
        uint32_t c = x->cues[ci];
        if (x->used[c] || (x->t[c].flags & TF_INQ))
            continue;
        uint32_t cls = hd_ex_cue_class(x, c);
        if (cls != VC_SPEECH || !hd_ex_cue_ok(x, c, cls) || relative_who(x, c, s0) == UINT32_MAX ||
            not_said(x, c, s0))
            continue;
        xnp np;
        if (!relative_speaker(x, c, s0, &np))
            continue;
        uint32_t a = clause_start(x, c, cls, s1);
        if (a == UINT32_MAX || a >= s1 || x->t[a].kind == TK_QOPEN || adverbial_only(x, a, s1) ||
            !relative_clause_ok(x, c, a))
            continue;
        uint32_t main_cue, b = relative_end(x, a, s1, &main_cue);
        if (b == UINT32_MAX)
            b = s1;
        for (uint32_t k = a; k < b; k++)
            if (x->t[k].kind == TK_QOPEN || x->t[k].kind == TK_QCLOSE) {
                b = k; /* the quote's words are its own statement */
                break;
            }
        emit_reported(x, &np, c, c + 1, a, b, 1);
    }
}

/* Is token -ed word k a verb in the past tense ("railed", "tried"), by its form? */
static int past_form(const xctx *x, uint32_t k)
{
    const xtok *t = &x->t[k];
    return tok_word(x, k) && !(t->flags & (TF_CAP | TF_DIGIT | TF_INQ)) && t->e - t->s > 4 &&
           x->b[t->e - 1] == 'd' && x->b[t->e - 2] == 'e' &&
           !tok_has(x, k, LW_ADV | LW_NOTNOUN | LW_FUNC);
}

/* Does the writer go on about the speaker at token k, after a comma: "and he railed against
 * …", "but she declined …"? A pronoun that can be the speaker and is not in what was said
 * [a, k), then a verb in the past tense: the speaker's next act, not more of what was
 * said. */
static int speaker_goes_on(const xctx *x, const xnp *np, uint32_t a, uint32_t k, uint32_t b)
{
    if (k + 2 >= b || !(tok_is(x, k, "and") || tok_is(x, k, "but")))
        return 0;
    char g = tok_is(x, k + 1, "he") ? 'm' : tok_is(x, k + 1, "she") ? 'f' : 0;
    if (!g)
        return 0;
    /* "said he got into the race …, and he decided …", "said the man tried to recruit him,
     * but he refused": what was said is about the speaker, who may go on in it */
    for (uint32_t m = a; m < k; m++)
        if (g == 'm' ? tok_is(x, m, "he") || tok_is(x, m, "him") || tok_is(x, m, "his")
                     : tok_is(x, m, "she") || tok_is(x, m, "her"))
            return 0;
    int32_t e = hd_ex_ref_entity(x, np->ref);
    if (e < 0 || x->ent[e].kind != HD_ENT_PERSON || !hd_ex_gender_ok(x, np->ref, g))
        return 0;
    uint32_t v = k + 2;
    if (tok_has(x, v, LW_ADV) && !(x->t[v].flags & TF_CAP) && v + 1 < b)
        v++; /* "and he also railed" */
    return past_form(x, v);
}

/* Does a comparison with other speakers start at token k: "compared with 64 percent who say
 * …", "versus 30 percent who said …"? (A relative clause of speech within eight tokens, no
 * comma between.) */
static int compared_speakers(const xctx *x, uint32_t k, uint32_t b)
{
    uint32_t m = k;
    if (tok_is(x, m, "compared") && (tok_is(x, m + 1, "with") || tok_is(x, m + 1, "to")))
        m += 2;
    else if (tok_is(x, m, "versus") || tok_is(x, m, "against"))
        m += 1;
    else
        return 0;
    for (uint32_t t = m + 1; t < b && t < m + 8; t++) {
        if (x->t[t].kind != TK_WORD || (x->t[t].flags & TF_INQ))
            return 0;
        if (!tok_is(x, t, "who"))
            continue;
        uint32_t v = t + 1;
        if (tok_has(x, v, LW_ADV) && !(x->t[v].flags & TF_CAP))
            v++;
        return v < b && hd_ex_cue_class(x, v) == VC_SPEECH && relative_who(x, v, m) == t;
    }
    return 0;
}

/* "they favour Clinton, compared with 64 percent who say the same of Sanders", "said yes,
 * compared with 23 percent who said …": np's words end at the comma, the others' are a
 * statement of their own. 1 when emitted so. */
static int compared_split(xctx *x, const xnp *np, uint32_t c, uint32_t a, uint32_t b)
{
    for (uint32_t k = a + 1; k + 4 < b; k++)
        if (tok_punct(x, k, ',') && !(x->t[k].flags & TF_INQ) && compared_speakers(x, k + 1, b)) {
            emit_reported(x, np, c, c + 1, a, k, 1);
            relative_statements(x, k + 1, b);
            return 1;
        }
    return 0;
}

/* Emit what np said with cue c in tokens [a, b), where it ends: a participle of speech after
 * a comma ("…, telling voters that …") starts a statement of its own by the same speaker, and
 * a relative clause on a person closing it ("… beside Hillary Clinton, who has been battered by
 * …") is the writer's description, not the speaker's words. */
static void emit_clause(xctx *x, const xnp *np, uint32_t c, uint32_t a, uint32_t b)
{
    if (compared_split(x, np, c, a, b))
        return;
    for (uint32_t k = a + 3; k + 2 < b; k++) {
        if (!tok_punct(x, k, ',') || (x->t[k + 1].flags & TF_INQ))
            continue;
        uint32_t v = k + 1;
        if (tok_word(x, v) && !(x->t[v].flags & TF_CAP) && (x->t[v].lex & LW_VERB) &&
            x->t[v].lex >> 24 == VC_PART && hd_ex_cue_ok(x, v, VC_PART)) {
            emit_reported(x, np, c, c + 1, a, k, 1);
            uint32_t a2 = tok_is(x, v + 1, "that") ? v + 2 : v + 1;
            if (tok_is(x, v, "telling") || tok_is(x, v, "asking")) {
                a2 = skip_object(x, v + 1, b); /* "telling voters that …" */
                if (tok_is(x, a2, "that"))
                    a2++;
            }
            if (a2 != UINT32_MAX && a2 < b)
                emit_reported(x, np, v, v + 1, a2, b, 1);
            return;
        }
        if (tok_is(x, v, "who") && x->tent[k - 1] >= 0 &&
            x->ent[x->tent[k - 1]].kind == HD_ENT_PERSON) {
            b = k;
            break;
        }
        if (speaker_goes_on(x, np, a, k + 1, b)) {
            b = k;
            break;
        }
    }
    emit_reported(x, np, c, c + 1, a, b, 1);
}

/* The verb whose subject is the speaker of cue c when c closes a periphrasis: "went on to
 * say", "goes on to tell", "is quoted as saying" (the first word of the phrase); else c. */
static uint32_t periphrasis(const xctx *x, uint32_t c, uint32_t s0)
{
    if (c < s0 + 4)
        return c;
    if (tok_is(x, c - 1, "to") && tok_is(x, c - 2, "on") &&
        (tok_is(x, c - 3, "went") || tok_is(x, c - 3, "goes") || tok_is(x, c - 3, "go") ||
         tok_is(x, c - 3, "going")) &&
        (tok_is(x, c, "say") || tok_is(x, c, "tell") || tok_is(x, c, "write") ||
         tok_is(x, c, "add") || tok_is(x, c, "note") || tok_is(x, c, "warn")))
        return c - 3;
    if (tok_is(x, c, "saying") && tok_is(x, c - 1, "as") && tok_is(x, c - 2, "quoted") &&
        (tok_is(x, c - 3, "is") || tok_is(x, c - 3, "was") || tok_is(x, c - 3, "were") ||
         tok_is(x, c - 3, "are") || tok_is(x, c - 3, "been")))
        return c - 3;
    /* "X began saying", "kept insisting", "started telling": X's words */
    if ((x->t[c].lex >> 24 == VC_PART || x->t[c].lex >> 24 == VC_CALL) &&
        x->t[c].e - x->t[c].s > 4 && !memcmp(x->b + x->t[c].e - 3, "ing", 3) &&
        (tok_is(x, c - 1, "began") || tok_is(x, c - 1, "begins") || tok_is(x, c - 1, "started") ||
         tok_is(x, c - 1, "starts") || tok_is(x, c - 1, "kept") || tok_is(x, c - 1, "keeps") ||
         tok_is(x, c - 1, "continued") || tok_is(x, c - 1, "continues")))
        return c - 1;
    /* "X went out of his way to say", "was careful to note", "made a point to stress", "went
     * so far as to say", "was quick to say": X's words */
    if (tok_is(x, c - 1, "to") && x->t[c].lex >> 24 == VC_SPEECH && x->t[c].e - x->t[c].s <= 7 &&
        memcmp(x->b + x->t[c].e - 2, "ed", 2) != 0 &&
        (tok_is(x, c - 2, "way") || tok_is(x, c - 2, "point") || tok_is(x, c - 2, "careful") ||
         tok_is(x, c - 2, "quick") || tok_is(x, c - 2, "pains") || tok_is(x, c - 2, "as") ||
         tok_is(x, c - 2, "sure")))
        for (uint32_t k = c - 2; k > s0 && c - k <= 8; k--) {
            static const char *const head[] = {"went",  "goes", "go",   "was",   "is",
                                               "were",  "are",  "made", "makes", "took",
                                               "takes", "been", NULL};
            if (tok_in(x, k - 1, head))
                return k - 1;
        }
    /* "X was heard saying", "was caught telling", "was filmed saying" */
    if ((tok_is(x, c, "saying") || tok_is(x, c, "telling")) &&
        (tok_is(x, c - 1, "heard") || tok_is(x, c - 1, "overheard") || tok_is(x, c - 1, "caught") ||
         tok_is(x, c - 1, "filmed") || tok_is(x, c - 1, "recorded") || tok_is(x, c - 1, "seen")) &&
        (tok_is(x, c - 2, "is") || tok_is(x, c - 2, "was") || tok_is(x, c - 2, "were") ||
         tok_is(x, c - 2, "are") || tok_is(x, c - 2, "been")))
        return c - 2;
    return c;
}

/* "Putting the show together, Butz said, allowed him to …", "If the law was never tested,
 * Giuliani said, there is a simple explanation": the cue interrupts what was said, whose
 * second part [k, s1) joins the statement — unless it is the speaker's own next act or words
 * of another kind (", adding …", ", who …", ", according to …", a quote). */
static void interrupted_rest(xctx *x, xstmt *s, uint32_t k, uint32_t s1)
{
    uint32_t e = s1;
    while (e > k && (x->t[e - 1].kind == TK_PARA || x->t[e - 1].kind == TK_PUNCT))
        e--;
    /* "The documents indicate, he said, that ''the department …''": a quoted phrase may go on
     * what was said, but not open it nor be a statement of its own */
    /* "that" opening a clause ("that ''the …''", "that the …", "that Clinton …"), not a
     * relative pronoun ("a provision, he said, that is meant to …") */
    int that = tok_is(x, k, "that") && k + 1 < e &&
               (x->t[k + 1].kind == TK_QOPEN || tok_has(x, k + 1, LW_DET | LW_PRON) ||
                (x->t[k + 1].flags & TF_CAP));
    if (that)
        k++;
    if (k >= e || (x->t[k].kind == TK_QOPEN && !that) || hd_ex_has_used_quote(x, k, e))
        return;
    int words = 0;
    for (uint32_t m = k; m < e; m++) {
        if (!(x->t[m].flags & TF_INQ) &&
            ((x->t[m].lex >> 24) == VC_SPEECH || (x->t[m].lex & LW_ACC)))
            return; /* another cue: not simply the rest of the words */
        words += x->t[m].kind == TK_WORD;
    }
    /* "…, he said, wiping sweat off his face", "…, he said, on condition of anonymity" */
    const xtok *t = &x->t[k];
    if (tok_word(x, k) && t->e - t->s > 4 && x->b[t->e - 1] == 'g' && x->b[t->e - 2] == 'n' &&
        x->b[t->e - 3] == 'i')
        return;
    if (tok_is(x, k, "on") && tok_is(x, k + 1, "condition"))
        return;
    if (words < 2 || (!tok_word(x, k) && !that) || (x->t[k].lex >> 24) == VC_PART ||
        tok_is(x, k, "who") || tok_is(x, k, "which") || tok_is(x, k, "and") ||
        tok_is(x, k, "but") || tok_is(x, k, "when") || tok_is(x, k, "as") ||
        tok_is(x, k, "while") || tok_is(x, k, "without") || tok_is(x, k, "although") ||
        tok_is(x, k, "though"))
        return; /* "…, he said, without giving details" */
    s->s2 = x->t[k].s;
    s->e2 = x->t[e - 1].e;
}

/* The rest of what was said after a source set off by commas, which ends at token e: past
 * the comma and the source's description ("according to Dennis Ross, a former envoy, …",
 * "said Michael Kofman, an expert on Russia, …"), unless a participle hangs on the source
 * ("…, signed by five ministers"). Joined to s by interrupted_rest; need_aux: only a rest with
 * an auxiliary of its own. */

/* Past the descriptions of a source set off by commas from token e (a comma): the first token
 * of what follows them, s1 when they run to the end. Up to two stretches to a comma without an
 * auxiliary ("executive director of National Nurses United, a union that …"). */
static uint32_t past_descriptions(const xctx *x, uint32_t e, uint32_t s1)
{
    uint32_t r = e + 1;
    /* descriptions: up to two stretches to a comma without an auxiliary ("executive director
     * of National Nurses United, a union that …"); one that runs to the end leaves no rest */
    for (int hop = 0; hop < 2 && r < s1; hop++) {
        uint32_t d = r;
        int verb = 0, rel = 0; /* an auxiliary or cue; "who/that/which" before it */
        while (d < s1 && d < r + 25 && !tok_punct(x, d, ',') && !hd_ex_stop_tok(x, d)) {
            if (!verb)
                rel |= tok_is(x, d, "who") || tok_is(x, d, "whose") || tok_is(x, d, "that") ||
                       tok_is(x, d, "which");
            verb |= tok_in(x, d, aux);
            verb |= (x->t[d].lex >> 24) != 0;
            d++;
        }
        int described = tok_has(x, r, LW_DET | LW_ROLE) || tok_is(x, r, "director");
        for (uint32_t m = r; m < d && !described; m++)
            described = tok_has(x, m, LW_ROLE);
        if (!described || (verb && !rel))
            break; /* a clause: the rest of what was said */
        r = d < s1 && tok_punct(x, d, ',') ? d + 1 : s1;
    }
    return r;
}

static void rest_after_source(xctx *x, xstmt *s, uint32_t e, uint32_t s1, int need_aux)
{
    if (!tok_punct(x, e, ','))
        return;
    uint32_t r = past_descriptions(x, e, s1);
    if (r >= s1 || (tok_word(x, r) && !(x->t[r].flags & TF_CAP) && x->t[r].e - x->t[r].s > 3 &&
                    x->b[x->t[r].e - 1] == 'd' && x->b[x->t[r].e - 2] == 'e'))
        return;
    /* after "said X, …" a description may close the sentence ("said Angie Holan, Politifact's
     * editor"): the rest must have a verb of its own */
    int has_aux = !need_aux;
    for (uint32_t m = r; m < s1 && !has_aux; m++)
        has_aux = tok_in(x, m, aux) && !(x->t[m].flags & TF_INQ);
    if (has_aux)
        interrupted_rest(x, s, r, s1);
}

/* The "who" of a relative clause without commas that ends at cue c, its own verb between
 * ("The judges who ruled that … said"), or UINT32_MAX. Not "voters who said" (relative_who's):
 * at least three words between. */
static uint32_t restrictive_who(const xctx *x, uint32_t c, uint32_t s0)
{
    for (uint32_t k = c; k-- > s0 && c - k < 16;) {
        if (hd_ex_stop_tok(x, k) || x->t[k].kind == TK_PUNCT || (x->t[k].flags & TF_INQ) ||
            tok_is(x, k, "but"))
            return UINT32_MAX;
        if (tok_is(x, k, "who")) {
            /* a noun before it: "judges", "Democrats in Iowa", "analysts"; not "can see who
             * gives how much" (a question) */
            const xtok *n = k > s0 ? &x->t[k - 1] : NULL;
            int noun = n && tok_word(x, k - 1) &&
                       !tok_has(x, k - 1, LW_VERB | LW_NOTNOUN | LW_FUNC) &&
                       ((n->flags & TF_CAP) || tok_has(x, k - 1, LW_ROLE | LW_SNOUN) ||
                        x->b[n->stem_e - 1] == 's');
            /* or a noun phrase opened by a determiner: "A senior barrister who …" */
            for (uint32_t m = k; !noun && m-- > s0 && k - m <= 4;) {
                if (!tok_word(x, m) || tok_has(x, m, LW_VERB | LW_NOTNOUN | LW_PRON))
                    break;
                noun = tok_has(x, m, LW_DET) && m + 1 < k;
            }
            return c - k > 3 && noun ? k : UINT32_MAX;
        }
    }
    return UINT32_MAX;
}

int hd_ex_relative_subject(xctx *x, uint32_t c, uint32_t s0, xnp *np)
{
    uint32_t rw = restrictive_who(x, c, s0);
    return rw != UINT32_MAX && relative_speaker(x, rw, s0, np);
}

/* The words a relative word at token rel stands for: the noun phrase just before it ("a
 * new campaign that …", "the Islamic State, which …": up to six words back to a determiner,
 * across no verb or punctuation) as [*r0, *r1); the relative word itself when there is none.
 */
static void antecedent(const xctx *x, uint32_t s0, uint32_t rel, uint32_t *r0, uint32_t *r1)
{
    *r0 = rel;
    *r1 = rel + 1;
    uint32_t e = rel;
    if (e > s0 && tok_punct(x, e - 1, ','))
        e--;
    uint32_t b = e;
    while (b > s0 && e - b < 6 && tok_word(x, b - 1) && !(x->t[b - 1].flags & TF_INQ) &&
           !tok_has(x, b - 1, LW_VERB | LW_NOTNOUN | LW_PRON | LW_ADVB) &&
           !tok_is(x, b - 1, "and") && !tok_is(x, b - 1, "or")) {
        b--;
        if (tok_has(x, b, LW_DET))
            break;
    }
    if (b < e && (tok_has(x, b, LW_DET) || (x->t[b].flags & TF_CAP)) && !tok_is(x, b, "that")) {
        *r0 = b;
        *r1 = e;
    }
}

/* Is cue c a plural noun inside a prepositional phrase opening the sentence ("Alongside BLM
 * calls for action, …", "Despite claims of a rift, …")? */
static int opener_noun(const xctx *x, uint32_t c, uint32_t s0)
{
    static const char *const prep[] = {"alongside", "amid",      "despite", "with", "without",
                                       "among",     "following", "in",      "on",   "over",
                                       "against",   "beyond",    "unlike",  NULL};
    static const char *const noun[] = {"calls",   "claims",  "reports", "promises",
                                       "demands", "pledges", "vows",    NULL};
    if (!tok_in(x, c, noun) || c <= s0)
        return 0;
    if (!tok_in(x, s0, prep))
        return 0;
    for (uint32_t k = s0; k < c; k++)
        if (x->t[k].kind != TK_WORD)
            return 0; /* the phrase ended before the cue */
    for (uint32_t k = c + 1; k < x->nt && k < c + 10 && !hd_ex_stop_tok(x, k); k++)
        if (tok_punct(x, k, ','))
            return 1;
    return 0;
}

/* What a step of one_sentence found for its cue: read on, go to the next cue, or done (the
 * sentence's answer is known). */
enum { RS_GO_ON, RS_NEXT_CUE, RS_DONE };

/* One sentence [s0, s1): at most one reported statement. */
typedef struct sent_cue {
    xctx *x;
    uint32_t s0, s1; /* the sentence, up to a trailing carrier's words */
    uint32_t c, cls; /* the cue being read and its class */
    xnp np;          /* its speaker */
    uint32_t ret;    /* one_sentence's answer when a step is done */
} sent_cue;

/* Is sentence [s0, *s1) a "…, X said." with its last speech cue? 1 when that statement was
 * emitted; when the clause reports speech itself, *s1 ends before the carrier's words. */
static int trailing_cue(xctx *x, uint32_t s0, uint32_t *s1)
{
    /* The last speech cue first: a "…, X said." at the end outranks verbs inside the clause
     * ("have reported any difficulties", "announced 1.5 mln dlrs"), unless the clause itself
     * reports speech with say or tell ("An official said talks would go on, the agency
     * reported": the official's words are the statement; the agency only carries them). */
    uint32_t last = UINT32_MAX;
    int inner_say = 0;
    for (uint32_t ci = first_cue(x, s0); ci < x->n_cues && x->cues[ci] < *s1; ci++) {
        uint32_t c = x->cues[ci];
        if (x->t[c].flags & TF_INQ)
            continue;
        if (last != UINT32_MAX)
            inner_say |= tok_is(x, last, "said") || tok_is(x, last, "says") ||
                         tok_is(x, last, "say") || tok_is(x, last, "told") ||
                         tok_is(x, last, "tells");
        last = c;
    }
    if (last != UINT32_MAX && *s1 - last <= 12 && hd_ex_cue_class(x, last) == VC_SPEECH &&
        hd_ex_cue_ok(x, last, VC_SPEECH) && !not_said(x, last, s0)) {
        xnp np;
        uint32_t comma;
        if (trailing_attribution(x, last, s0, *s1, &np, &comma)) {
            if (!inner_say) {
                emit_reported(x, &np, last, last + 1, s0, comma, 1);
                return 1;
            }
            *s1 = comma; /* the inner statement ends where the carrier's words begin */
        }
    }
    return 0;
}

/* "(the share is 15 percent, according to X)": the words inside the parentheses */
static uint32_t paren_lead(const xctx *x, uint32_t c, uint32_t s0)
{
    uint32_t lead = s0;
    for (uint32_t k = c; k-- > s0;) {
        if (tok_punct(x, k, ')'))
            break;
        if (tok_punct(x, k, '(')) {
            lead = k + 1;
            break;
        }
    }
    return lead;
}

/* The first token after the source [c + 2, e) of "according to" and what describes it, set off
 * by the comma at e; e + 1 when nothing does. */
static uint32_t past_source(const xctx *x, uint32_t c, uint32_t e, uint32_t lead, uint32_t s1)
{
    /* "according to David Butcher, a senior executive at Yamaichi, …": the source's
     * description is no part of what was said */
    uint32_t after = e + 1;
    if (tok_punct(x, e, ',') && c > lead + 2 &&
        (tok_is(x, after, "a") || tok_is(x, after, "an") || tok_is(x, after, "the"))) {
        uint32_t m = after;
        int desc = !tok_is(x, after, "the");
        while (m < s1 && m < after + 25 && !tok_punct(x, m, ',') && !hd_ex_stop_tok(x, m)) {
            desc |= tok_has(x, m, LW_ROLE) || tok_is(x, m, "who");
            m++;
        }
        if (desc)
            after = m < s1 && tok_punct(x, m, ',') ? m + 1 : s1;
    }
    /* "According to Standard & Poor's, which has recently upgraded Mexico's rating, the
     * rise …": a relative clause describes the source */
    if (after == e + 1 && tok_punct(x, e, ',') &&
        (tok_is(x, after, "which") || tok_is(x, after, "who"))) {
        uint32_t m = after + 1;
        while (m < s1 && m < after + 30 && !tok_punct(x, m, ',') && !hd_ex_stop_tok(x, m))
            m++;
        if (m + 1 < s1 && tok_punct(x, m, ','))
            after = m + 1;
    }
    /* "According to Pat Ferguson, President of AMBO, work will begin": a role of
     * something, set off by commas, describes the source */
    if (after == e + 1 && tok_punct(x, e, ',') && tok_has(x, after, LW_ROLE) &&
        (tok_is(x, after + 1, "of") || tok_is(x, after + 1, "at") || tok_is(x, after + 1, "for"))) {
        uint32_t m = after + 2;
        int clause = 0;
        while (m < s1 && m < after + 14 && !tok_punct(x, m, ',') && !hd_ex_stop_tok(x, m)) {
            clause |= (x->t[m].lex >> 24) != 0;
            clause |= tok_in(x, m, aux);
            m++;
        }
        if (!clause && m + 1 < s1 && tok_punct(x, m, ','))
            after = m + 1;
    }
    return after;
}

/* Cue c opens "according to X" in sentence [s0, s1): X, in *np, said the main clause after
 * it or the words before it. RS_DONE when emitted, else RS_NEXT_CUE. */
static int according_to(xctx *x, uint32_t c, uint32_t s0, uint32_t s1, xnp *np)
{
    /* the source runs to the next comma: "a poll by X for Y", "exit polls" */
    uint32_t e = c + 2;
    while (e < s1 && e < c + 42 && !tok_punct(x, e, ',') && !hd_ex_stop_tok(x, e))
        e++;
    if (e == c + 2 || e >= c + 42)
        return RS_NEXT_CUE;
    if (!hd_ex_np_right(x, c + 2, e, np)) {
        np->ref = REF_NONE;
    }
    np->t0 = c + 2;
    np->t1 = e;
    uint32_t lead = paren_lead(x, c, s0);
    /* "In addition, according to X, A" and "While B, according to X, A": what X
     * said is the main clause A after it */
    uint32_t after = past_source(x, c, e, lead, s1);
    if (tok_punct(x, e, ',') && after < s1 && (c == lead || tok_punct(x, c - 1, ',')) &&
        (c <= lead + 2 || clause_opener(x, lead, c - 1))) {
        emit_reported(x, np, c, c + 2, after, s1, 1);
        return RS_DONE;
    }
    if (c > lead && tok_punct(x, c - 1, ',')) {
        uint32_t n0 = x->nst;
        emit_reported(x, np, c, c + 2, lead, c - 1, 1);
        /* "Over the long term, according to the budget office, deficits will rise":
         * an opening too short to be all that was said goes on after the source */
        int a_words = 0;
        for (uint32_t m = lead; m + 1 < c; m++)
            a_words += x->t[m].kind == TK_WORD;
        if (x->nst > n0 && lead == s0 && (a_words <= 6 || hd_ex_adverbial_start(x, lead, c)))
            rest_after_source(x, &x->st[x->nst - 1], e, s1, 0);
        return RS_DONE;
    }
    return RS_NEXT_CUE;
}

/* Cue c (class cls, not_said ns) in a passive with no one named as its subject: "Employees
 * were told that …", "it was revealed (that) …". 1 when emitted, said by someone unnamed. */
static int passive_statement(xctx *x, uint32_t c, uint32_t cls, int ns, uint32_t s0, uint32_t s1)
{
    /* "it was revealed (that) profits were diverted" */
    /* (not "A year after it was announced, no one had come …": nothing follows it) */
    int impersonal = ns == 2 && c >= s0 + 2 && tok_is(x, c - 2, "it") &&
                     (tok_is(x, c - 1, "was") || tok_is(x, c - 1, "is")) && c + 1 < s1 &&
                     tok_word(x, c + 1);
    /* "it was revealed in March that A": A; not "because it was asked in front of
     * friends", where the question itself was asked */
    uint32_t ia = c + 1;
    if (impersonal && !tok_is(x, c + 1, "that") && tok_word(x, c + 1) &&
        (x->t[c + 1].lex & LW_ADVB)) {
        ia = clause_start(x, c, cls, s1);
        impersonal = ia != UINT32_MAX && ia > c + 2 && ia < s1 && tok_is(x, ia - 1, "that");
    }
    if (ns == 2 && (tok_is(x, c + 1, "that") || impersonal) && c + 2 < s1) {
        /* "Employees were told that layoffs will begin": said, by someone unnamed */
        xnp np;
        memset(&np, 0, sizeof np);
        np.ref = REF_NONE;
        uint32_t a = tok_is(x, c + 1, "that") ? c + 2 : ia;
        uint32_t subj = impersonal ? c - 2 : c; /* "After it was revealed A, …" */
        emit_reported(x, &np, c, c + 1, a, subordinate_end(x, s0, subj, a, s1), 1);
        return 1;
    }
    return 0;
}

/* "X went on to say (that) …", "X is quoted as saying …": the subject is before the
 * phrase the cue closes. RS_GO_ON when cue c closes no such phrase. */
static int periphrasis_statement(xctx *x, uint32_t c, uint32_t cls, uint32_t s0, uint32_t s1,
                                 xnp *np)
{
    uint32_t head = periphrasis(x, c, s0);
    if (head == c)
        return RS_GO_ON;
    if (!hd_ex_np_left(x, head, s0, np))
        return RS_NEXT_CUE;
    uint32_t a = tok_is(x, c + 1, "that") ? c + 2 : c + 1;
    if (cls == VC_CALL && (tok_is(x, c + 1, "for") || tok_is(x, c + 1, "on")))
        a = c + 2; /* "began calling for X to resign": what is called for */
    if (tok_is(x, c, "tell") || tok_is(x, c, "telling"))
        a = skip_object(x, c + 1, s1);
    if (tok_is(x, a, "that"))
        a++;
    if (a < s1 && !adverbial_only(x, a, s1))
        emit_clause(x, np, c, a, s1);
    return RS_DONE;
}

/* The participle c after "while", "after" or "before" opening the sentence: what was said
 * runs to the comma, its subject follows it. RS_DONE (*next past the comma) or RS_NEXT_CUE. */
static int while_saying(xctx *x, uint32_t c, uint32_t s1, xnp *np, uint32_t *next)
{
    uint32_t a = tok_is(x, c + 1, "that") ? c + 2 : c + 1, e = a;
    while (e < s1 && !tok_punct(x, e, ',') && !hd_ex_stop_tok(x, e))
        e++;
    if (e < s1 && tok_punct(x, e, ',') && hd_ex_np_right(x, e + 1, s1, np) && np->ref != REF_NONE) {
        emit_reported(x, np, c, c + 1, a, e, 1);
        *next = e + 1;
        return RS_DONE;
    }
    return RS_NEXT_CUE;
}

/* The statement of participle c (VC_PART) in sentence [s0, s1): RS_DONE, with *next set when
 * the rest of the sentence is read on its own, or RS_NEXT_CUE. */
static int participle_statement(xctx *x, uint32_t c, uint32_t s0, uint32_t s1, xnp *np,
                                uint32_t *next)
{
    /* "While saying that A, he …": the subject follows the participle's clause */
    if ((c == s0 + 1 || (c == s0 + 2 && x->t[s0].kind == TK_QOPEN)) &&
        (tok_is(x, c - 1, "while") || tok_is(x, c - 1, "after") || tok_is(x, c - 1, "before")))
        return while_saying(x, c, s1, np, next);
    /* ", saying", also after a quote closing on its comma ("“New York values,” saying") */
    int comma = tok_punct(x, c - 1, ',') ||
                (c > 1 && x->t[c - 1].kind == TK_QCLOSE && tok_punct(x, c - 2, ','));
    int clause = c > 0 && (comma || tok_is(x, c - 1, "by") || tok_is(x, c - 1, "while") ||
                           tok_is(x, c - 1, "after"));
    /* ", saying …" belongs to the sentence's subject; "with 60 percent of voters saying
     * …" to the noun phrase just before it */
    if (clause ? !hd_ex_np_sentence_subject(x, c, c, np)
               : !(tok_is(x, c, "saying") && hd_ex_np_left(x, c, s0, np)))
        return RS_NEXT_CUE;
    /* "X issued a statement saying …": X's words, not the statement's */
    if (!clause && issued_document(x, np) && !hd_ex_np_sentence_subject(x, c, c, np))
        return RS_NEXT_CUE;
    uint32_t a = tok_is(x, c + 1, "that") ? c + 2 : c + 1;
    /* "…, saying A, and reminded the audience …": the subject's next verb ends A */
    for (uint32_t k = a + 3; k + 1 < s1; k++)
        if (tok_punct(x, k, ',') && tok_is(x, k + 1, "and") && k + 2 < s1 && tok_word(x, k + 2) &&
            !(x->t[k + 2].flags & (TF_CAP | TF_INQ)) && x->t[k + 2].e - x->t[k + 2].s > 4 &&
            x->b[x->t[k + 2].e - 1] == 'd' && x->b[x->t[k + 2].e - 2] == 'e') {
            s1 = k;
            break;
        }
    /* "…, saying A, though Mrs. Fiorina said B": B is a sentence of its own */
    for (uint32_t k = a + 3; k + 1 < s1; k++) {
        if (!tok_punct(x, k - 1, ',') || (x->t[k].flags & TF_INQ) ||
            !(tok_is(x, k, "though") || tok_is(x, k, "although") || tok_is(x, k, "while") ||
              tok_is(x, k, "whereas") || tok_is(x, k, "but") || tok_is(x, k, "and")))
            continue;
        if (own_subject_clause(x, k, s1)) {
            emit_reported(x, np, c, c + 1, a, k - 1, 1);
            *next = k + 1;
            return RS_DONE;
        }
    }
    if (!compared_split(x, np, c, a, s1))
        emit_reported(x, np, c, c + 1, a, s1, 1);
    return RS_DONE;
}

/* Is the subject of S's cue a person named right after it (inverted), in *inv? */
static int inverted_speaker(const sent_cue *S, xnp *inv)
{
    xctx *x = S->x;
    uint32_t c = S->c, s0 = S->s0, s1 = S->s1;
    /* "…, rather than best documentary, says Tim Dams, the news editor …": a person
     * named right after a cue that follows a comma, and closed by a comma or the sentence's
     * end, is its subject, whatever noun phrase stands before the comma (not "Steve Huhn, a
     * former vice president, said Fiorina “was …”": there the name opens what was said) */
    int inverted_person =
        S->cls == VC_SPEECH && c > s0 + 3 && tok_punct(x, c - 1, ',') && tok_word(x, c + 1) &&
        (x->t[c + 1].flags & TF_CAP) && inverted_subject(x, c, s1, inv) &&
        (inv->t1 >= s1 || tok_punct(x, inv->t1, ',') || tok_punct(x, inv->t1, '.')) &&
        !(x->t[inv->t1 - 1].flags & TF_POSS) &&
        (REF_IS_PEND(inv->ref) || (inv->ref >= 0 && x->ent[inv->ref].kind == HD_ENT_PERSON));
    /* the name and its descriptions close the sentence; or the words before the cue are
     * no clause and name no one ("Any interpretation of his actions, said X, an expert, would
     * …"): not "Hoechst Celanese, a unit of Hoechst AG, said Juergen Dormann, a former board
     * member, has been named chairman", "One political analyst, who declined to be named,
     * said Nakasone, despite …, is likely to …" */
    if (inverted_person && inv->t1 < s1 && tok_punct(x, inv->t1, ',')) {
        uint32_t r = past_descriptions(x, inv->t1, s1);
        xnp pre;
        inverted_person = r >= s1 || hd_ex_stop_tok(x, r) ||
                          (!has_aux(x, s0, c - 1, 10) && x->tent[s0] < 0 &&
                           !(hd_ex_np_left(x, c, s0, &pre) && personal_np(x, &pre)));
    }
    return inverted_person;
}

/* The speaker of S's cue into S->np: the subject before it, or after it when inverted (then
 * what was said comes first, and is emitted here). */
static int cue_speaker(sent_cue *S)
{
    xctx *x = S->x;
    uint32_t c = S->c, s0 = S->s0, s1 = S->s1;
    xnp inv;
    int inverted = inverted_speaker(S, &inv);
    /* "The judges who ruled that Texas could not implement their laws said …": the
     * subject is the noun before a relative clause that ends at the cue */
    uint32_t rw = inverted ? UINT32_MAX : restrictive_who(x, c, s0);
    int rel_subject = rw != UINT32_MAX && relative_speaker(x, rw, s0, &S->np);
    if (!rel_subject && (inverted || !hd_ex_np_left(x, c, s0, &S->np))) {
        /* inverted at the end: "…, said the spokesman." */
        if (inverted)
            S->np = inv;
        if (inverted ||
            (c > s0 + 3 && tok_punct(x, c - 1, ',') && inverted_subject(x, c, s1, &S->np))) {
            uint32_t n0 = x->nst;
            emit_reported(x, &S->np, c, c + 1, s0, c - 1, 1);
            /* "Any interpretation of his actions, said Michael Kofman, an expert on Russia,
             * would read this as …" */
            if (x->nst > n0 && !has_aux(x, s0, c - 1, 10))
                rest_after_source(x, &x->st[x->nst - 1], S->np.t1, s1, 1);
            return RS_DONE;
        }
        return RS_NEXT_CUE;
    }
    return RS_GO_ON;
}

/* "X, who said A, said B": A ends before the main verb, whose words are B. Cue c (class cls)
 * opens the relative clause; RS_GO_ON with its speaker in *np when it is no such clause. */
static int relative_cue(xctx *x, uint32_t c, uint32_t cls, uint32_t s0, uint32_t s1, xnp *np)
{
    uint32_t main_cue, rel_end;
    if (cls == VC_SPEECH && relative_who(x, c, s0) != UINT32_MAX) {
        uint32_t a = clause_start(x, c, cls, s1);
        if (!relative_speaker(x, c, s0, np))
            return RS_NEXT_CUE;
        int rel_ok = a != UINT32_MAX && a < s1 && relative_clause_ok(x, c, a);
        if (a != UINT32_MAX && a < s1 && x->t[a].kind != TK_QOPEN &&
            (rel_end = relative_end(x, a, s1, &main_cue)) != UINT32_MAX) {
            /* "The official, who asked not to be named, said A": only A */
            if (rel_ok)
                emit_reported(x, np, c, c + 1, a, rel_end, 1);
            uint32_t a2 = clause_start(x, main_cue, VC_SPEECH, s1);
            if (a2 != UINT32_MAX && a2 < s1 && x->t[a2].kind != TK_QOPEN &&
                !adverbial_only(x, a2, s1))
                emit_reported(x, np, main_cue, main_cue + 1, a2,
                              subordinate_end(x, s0, np->t0, a2, s1), 1);
            return RS_DONE;
        }
        if (!rel_ok)
            return RS_NEXT_CUE;
    }
    return RS_GO_ON;
}

/* "…, X said." — the clause comes first. 1 when emitted so. */
static int clause_first(sent_cue *S)
{
    xctx *x = S->x;
    const xnp *np = &S->np;
    uint32_t c = S->c, s0 = S->s0, s1 = S->s1;
    if (!(np->t0 > s0 + 2 && tok_punct(x, np->t0 - 1, ',')))
        return 0;
    uint32_t k = c + 1;
    if (tok_is(x, c, "told") || tok_is(x, c, "tells"))
        k = skip_object(x, k, s1);
    int pre_words = 0;
    for (uint32_t m = s0; m + 1 < np->t0; m++)
        pre_words += x->t[m].kind == TK_WORD;
    /* "In the early 1990s, Ms. Ripert said, when …" is no "…, X said." */
    /* "In a later vote, he warned of …", "In the coming months, he vowed to …": an
     * opening adverbial is no statement, and the words after the cue are */
    int opener_only = ((tok_word(x, k) && !hd_ex_stop_tok(x, k)) || x->t[k].kind == TK_QOPEN) &&
                      pre_words <= 6 && clause_opener(x, s0, np->t0 - 1);
    /* "At rally after rally, to rapturous crowds, he vows to impose …": what was
     * undertaken follows the cue */
    if (!opener_only && tok_is(x, k, "to") && hd_ex_commits(x, c))
        opener_only = 1;
    /* "As the charges were unsealed in New York, Hawk Sawyer testified before …": a
     * subordinate clause alone (no main clause after a comma of its own) says when */
    if (!opener_only && tok_word(x, k) && !hd_ex_stop_tok(x, k))
        opener_only = lone_subordinate(x, s0, np->t0 - 1);
    if (opener_only ||
        !(k >= s1 || hd_ex_stop_tok(x, k) || (tok_word(x, k) && hd_ex_adverbial_start(x, k, s1)) ||
          (tok_punct(x, k, ',') && (pre_words >= 6 || !tok_has(x, s0, LW_FUNC)))))
        return 0;
    int that = 0;
    for (uint32_t m = c + 1; m < s1 && m < c + 14 && !tok_punct(x, m, ','); m++)
        that |= tok_is(x, m, "that");
    if (that || x->t[s0].kind == TK_QOPEN)
        return 0;
    uint32_t n0 = x->nst;
    emit_reported(x, np, c, c + 1, s0, np->t0 - 1, 1);
    uint32_t r = k;
    if (tok_is(x, k, "in")) /* "he said in a telephone interview, that …" */
        while (r < s1 && r < k + 8 && tok_word(x, r))
            r++;
    if (r > k && !(tok_punct(x, r, ',') && tok_is(x, r + 1, "that")))
        r = k;
    if (x->nst > n0 && tok_punct(x, r, ','))
        interrupted_rest(x, &x->st[x->nst - 1], r + 1, s1);
    return 1;
}

/* The start of what S's speaker said after the cue, into *ap: RS_GO_ON, or RS_NEXT_CUE when
 * there is none, or RS_DONE when only where it was said follows. */
static int said_clause(sent_cue *S, uint32_t *ap)
{
    xctx *x = S->x;
    uint32_t c = S->c, s1 = S->s1;
    uint32_t a = clause_start(x, c, S->cls, s1);
    int where_only = a != UINT32_MAX && a < s1 ? adverbial_only(x, a, s1) : 0;
    if (where_only == 2) {
        /* "Kunin said in an interview with USA TODAY.": no statement, but the speaker
         * stays the one a "she said" after it stands for */
        uint32_t n0 = x->nst;
        emit_reported(x, &S->np, c, c + 1, a, s1, 1);
        if (x->nst > n0)
            x->st[x->nst - 1].dead = 1;
        return RS_DONE;
    }
    if (a == UINT32_MAX || a >= s1 || where_only)
        return RS_NEXT_CUE;
    if (x->t[a].kind == TK_QOPEN) {
        /* X said "…": a direct quote if it fills the rest of the sentence; X said "there
         * could be" a line …: a quoted phrase inside reported speech */
        const xquote *q = x->t[a].qi ? &x->q[x->t[a].qi - 1] : NULL;
        int words_after = 0;
        if (q && q->closed)
            for (uint32_t k = q->close + 1; k < s1 && !hd_ex_stop_tok(x, k); k++)
                words_after += x->t[k].kind == TK_WORD;
        /* "told Tehran radio that “…”": quoted words after "that" and a listener are no
         * direct quote of their own (no cue stands next to them): reported, as written */
        int after_listener =
            a > c + 2 && tok_is(x, a - 1, "that") && q && !hd_ex_has_used_quote(x, a, a + 1);
        if (words_after < 3 && !after_listener)
            return RS_NEXT_CUE;
    }
    *ap = a;
    return RS_GO_ON;
}

/* What S's speaker said from a, when a coordinated second clause ends it: RS_DONE (emitted,
 * S->ret where the second clause starts when it is read on its own), else RS_GO_ON. */
static int coordinated(sent_cue *S, uint32_t a)
{
    xctx *x = S->x;
    const xnp *np = &S->np;
    uint32_t c = S->c, s1 = S->s1;
    /* "X says A but argues B": a second cue coordinated with the first; "A said X and
     * B said Y": a second clause with its own subject, read as a sentence of its own */
    for (uint32_t k = a + 3; k + 1 < s1; k++) {
        /* the comma may close a quote: "“…,” while police said …" */
        uint32_t cm = k - 1;
        if (x->t[cm].kind == TK_QCLOSE && cm > a)
            cm--;
        int contrast =
            tok_punct(x, cm, ',') && (tok_is(x, k, "though") || tok_is(x, k, "although") ||
                                      tok_is(x, k, "while") || tok_is(x, k, "whereas"));
        if (!(tok_is(x, k, "and") || tok_is(x, k, "but") || contrast) || (x->t[k].flags & TF_INQ))
            continue;
        if (contrast && own_subject_clause(x, k, s1)) {
            emit_reported(x, np, c, c + 1, a, cm < k - 1 ? k : k - 1, 1);
            S->ret = k + 1;
            return RS_DONE;
        }
        if (contrast)
            continue;
        if (own_subject_clause(x, k, s1)) {
            emit_reported(x, np, c, c + 1, a, k, 1);
            S->ret = k + 1;
            return RS_DONE;
        }
        uint32_t c2 = k + 1;
        if (tok_has(x, c2, LW_ADV) && !(x->t[c2].flags & TF_CAP))
            c2++;
        uint32_t cls2 = hd_ex_cue_class(x, c2);
        if ((cls2 != VC_SPEECH && cls2 != VC_CALL) || !hd_ex_cue_ok(x, c2, cls2))
            continue;
        uint32_t a2 = clause_start(x, c2, cls2, s1);
        emit_reported(x, np, c, c + 1, a, k, 1);
        if (a2 != UINT32_MAX && a2 < s1 && x->t[a2].kind != TK_QOPEN)
            emit_reported(x, np, c2, c2 + 1, a2, s1, 1);
        return RS_DONE;
    }
    return RS_GO_ON;
}

/* What S's speaker said from a, to the end of the sentence or of its subordinate clause.
 * Returns one_sentence's answer. */
static uint32_t said_rest(sent_cue *S, uint32_t a)
{
    xctx *x = S->x;
    const xnp *np = &S->np;
    uint32_t c = S->c, s0 = S->s0, s1 = S->s1;
    /* "While some friends say A, others say B": B is read as a sentence of its own */
    uint32_t e = subordinate_end(x, s0, np->t0, a, s1);
    uint32_t n0 = x->nst;
    emit_clause(x, np, c, a, e);
    /* "the Islamic State, which French officials said was responsible …": the clause has
     * no subject of its own; the relative word before the speaker stands for it */
    if (x->nst > n0 && a == c + 1 && np->t0 > s0 && has_aux(x, a, a + 1, 1) &&
        (tok_is(x, np->t0 - 1, "which") || tok_is(x, np->t0 - 1, "that") ||
         tok_is(x, np->t0 - 1, "what") || tok_is(x, np->t0 - 1, "who"))) {
        xstmt *st = &x->st[n0];
        if (st->e2 <= st->s2) {
            uint32_t r0, r1;
            antecedent(x, s0, np->t0 - 1, &r0, &r1);
            st->s2 = st->s1;
            st->e2 = st->e1;
            st->s1 = x->t[r0].s;
            st->e1 = x->t[r1 - 1].e;
        }
    }
    return e < s1 ? e + 1 : UINT32_MAX;
}

/* "X said …" and its variants for S's cue, once no other form took it. */
static int said_statement(sent_cue *S)
{
    int r = cue_speaker(S);
    if (r == RS_GO_ON)
        r = relative_cue(S->x, S->c, S->cls, S->s0, S->s1, &S->np);
    if (r != RS_GO_ON)
        return r;
    if (clause_first(S))
        return RS_DONE;
    uint32_t a;
    r = said_clause(S, &a);
    if (r == RS_GO_ON)
        r = coordinated(S, a);
    if (r != RS_GO_ON)
        return r;
    S->ret = said_rest(S, a);
    return RS_DONE;
}

/* Cue S->c of the sentence, by the forms of reported speech in turn. */
static int one_cue(sent_cue *S)
{
    xctx *x = S->x;
    uint32_t c = S->c, s0 = S->s0, s1 = S->s1;
    if ((x->t[c].flags & TF_INQ) || opener_noun(x, c, s0))
        return RS_NEXT_CUE;
    /* "Asked whether he would run, Smith said …": the question, asker unnamed */
    if (asked_question(x, c, s0, s1, &S->ret))
        return RS_DONE;
    if (tok_is(x, c, "according") && tok_is(x, c + 1, "to") && !(x->t[c].flags & TF_INQ))
        return according_to(x, c, s0, s1, &S->np);
    uint32_t cls = S->cls = hd_ex_cue_class(x, c);
    if (!cls || cls == VC_QUOTE || !hd_ex_cue_ok(x, c, cls))
        return RS_NEXT_CUE;
    int ns = not_said(x, c, s0);
    if (passive_statement(x, c, cls, ns, s0, s1))
        return RS_DONE;
    if (ns)
        return RS_NEXT_CUE;
    if (tok_is(x, c, "continued") && tok_is(x, c + 1, "to"))
        return RS_NEXT_CUE;
    if (cls == VC_DESCRIBE) {
        int as = 0;
        for (uint32_t k = c + 1; k < s1 && !as; k++)
            as = tok_is(x, k, "as");
        if (!as)
            return RS_NEXT_CUE;
    }
    int r = periphrasis_statement(x, c, cls, s0, s1, &S->np);
    if (r != RS_GO_ON)
        return r;
    if (cls == VC_PART)
        return participle_statement(x, c, s0, s1, &S->np, &S->ret);
    return said_statement(S);
}

/* One sentence [s0, s1). Returns where a second, coordinated clause with its own subject
 * starts ("A said X and B said Y"), or UINT32_MAX. Only cue tokens (LW_VERB or LW_ACC) can
 * start one: the loop walks x->cues. */
static uint32_t one_sentence(xctx *x, uint32_t s0, uint32_t s1)
{
    if (trailing_cue(x, s0, &s1))
        return UINT32_MAX;
    sent_cue S = {.x = x, .s0 = s0, .s1 = s1};
    for (uint32_t ci = first_cue(x, s0); ci < x->n_cues && x->cues[ci] < s1; ci++) {
        S.c = x->cues[ci];
        S.ret = UINT32_MAX;
        if (one_cue(&S) == RS_DONE)
            return S.ret;
    }
    return UINT32_MAX;
}

int hd_ex_headline_cue(const xctx *x, uint32_t c)
{
    static const char *const cue[] = {"says",   "tells",  "warns", "insists",  "claims",
                                      "admits", "denies", "vows",  "predicts", "argues",
                                      "urges",  "said",   "told",  NULL};
    if (tok_in(x, c, cue))
        return 1;
    return 0;
}

/* A headline or subhead in title case, "Senator X Says Border Bill Will Pass": a run of
 * capitalised words opening the sentence, a capitalised speech verb, and a title-case rest
 * that ends the paragraph. Emits the statement (reported: a headline paraphrases). */
static int headline_statement(xctx *x, uint32_t s0, uint32_t s1)
{
    if (s1 < x->nt && x->t[s1].kind != TK_PARA)
        return 0;
    for (uint32_t c = s0 + 1; c < s1 && c < s0 + 7; c++) {
        if (!tok_word(x, c))
            return 0;
        /* verbs of saying only: "Responds To Question", "Reveals Stunning Thing" are no
         * statement */
        if (!(x->t[c].flags & TF_CAP) || (x->t[c].flags & (TF_INQ | TF_ALLCAPS)) ||
            !hd_ex_headline_cue(x, c) || tok_is(x, c, "said"))
            continue;
        /* "Emilia Clarke Was Told to …": passive, no one named speaks */
        for (uint32_t k = s0; k < c; k++)
            if (!(x->t[k].flags & (TF_CAP | TF_ALLCAPS)) || tok_has(x, k, LW_FUNC | LW_PRON) ||
                (x->t[k].lex & LW_VERB) || tok_in(x, k, be_words))
                return 0;
        uint32_t e = s1, words = 0, caps = 0;
        while (e > c + 1 && x->t[e - 1].kind == TK_PUNCT)
            e--;
        for (uint32_t k = c + 1; k < e; k++) {
            if (x->t[k].kind != TK_WORD)
                continue;
            words++;
            caps += (x->t[k].flags & (TF_CAP | TF_ALLCAPS | TF_DIGIT)) != 0;
        }
        if (words < 2 || caps * 5 < words * 4)
            return 0;
        xnp np;
        if (!hd_ex_np_left(x, c, s0, &np)) {
            memset(&np, 0, sizeof np);
            np.t0 = s0;
            np.t1 = c;
            np.ref = REF_NONE;
        }
        emit_reported(x, &np, c, c + 1, c + 1, e, 1);
        return 1;
    }
    return 0;
}

/* "“Negotiation with America is poison,” the Leader said, adding that “negotiation with the
 * current US government is double poison.”": after a quote's cue c, a participle set off by a
 * comma says more of the same speaker's words. */
static void quote_then_participle(xctx *x, uint32_t c, uint32_t s0, uint32_t s1)
{
    for (uint32_t k = first_cue(x, c + 1); k < x->n_cues && x->cues[k] < s1; k++) {
        uint32_t a = x->cues[k];
        if (x->used[a] || (x->t[a].flags & TF_INQ) || hd_ex_cue_class(x, a) != VC_PART ||
            !tok_punct(x, a - 1, ',') || !hd_ex_cue_ok(x, a, VC_PART))
            continue;
        for (uint32_t m = c + 1; m + 1 < a; m++)
            if (x->t[m].lex >> 24 || hd_ex_stop_tok(x, m))
                return; /* another verb of speech between: not the quote's speaker's */
        xnp np;
        if (!hd_ex_np_left(x, c, s0, &np) && !inverted_subject(x, c, s1, &np))
            return;
        uint32_t b = a + 1;
        if (tok_is(x, b, "that") || tok_punct(x, b, ':'))
            b++;
        if (b + 1 < s1)
            emit_reported(x, &np, a, a + 1, b, s1, 1);
        return;
    }
}

/* "“…,” said Reince Priebus, though he added that he expected the flap to fade": after the
 * quote's cue c, a clause of its own with a conjunction, a subject and a cue of speech is read
 * as a sentence of its own. */
static void later_clause(xctx *x, uint32_t c, uint32_t s1)
{
    static const char *const conj[] = {"but", "though", "although", "and", "while", NULL};
    for (uint32_t k = first_cue(x, c + 1); k < x->n_cues && x->cues[k] < s1; k++) {
        uint32_t a = x->cues[k];
        xnp subj;
        if (x->used[a] || (x->t[a].flags & TF_INQ) || hd_ex_cue_class(x, a) != VC_SPEECH ||
            !hd_ex_np_left(x, a, c + 1, &subj) || subj.t0 < c + 3 || subj.t0 >= a)
            continue;
        if (tok_in(x, subj.t0 - 1, conj) && tok_punct(x, subj.t0 - 2, ','))
            one_sentence(x, subj.t0, s1);
        return;
    }
}

void hd_ex_reported_sentence(xctx *x, uint32_t s0, uint32_t s1)
{
    if (headline_statement(x, s0, s1))
        return;
    for (uint32_t k = first_cue(x, s0); k < x->n_cues && x->cues[k] < s1; k++) {
        uint32_t c = x->cues[k];
        if ((x->t[c].lex & LW_VERB) && x->used[c] && x->t[c].lex >> 24 != VC_PART) {
            /* "Lazar said he welcomed extradition and added, “…”": the reported clause of an
             * earlier cue, before the one that serves the quote */
            uint32_t u = c;
            xnp subj; /* "A, but he added, “…”": A ends before the later cue's subject; "A
                       * and added" has none */
            if (!tok_is(x, c - 1, "and") && !tok_punct(x, c - 1, ',') &&
                hd_ex_np_left(x, c, s0, &subj) && subj.t0 > s0 && subj.t0 < c)
                u = subj.t0;
            while (u > s0 + 3 && (tok_is(x, u - 1, "and") || tok_is(x, u - 1, "but") ||
                                  tok_is(x, u - 1, "while") || tok_punct(x, u - 1, ',')))
                u--;
            for (uint32_t k2 = first_cue(x, s0); k2 < x->n_cues && x->cues[k2] < u; k2++)
                if (!x->used[x->cues[k2]] && hd_ex_cue_class(x, x->cues[k2]) == VC_SPEECH &&
                    !(x->t[x->cues[k2]].flags & TF_INQ) && x->cues[k2] + 3 < u) {
                    one_sentence(x, s0, u);
                    break;
                }
            /* its cue already serves a direct quote; a question opening the sentence is still
             * one ("Asked if …, Devine responded: “I guess so.”") */
            uint32_t q = first_cue(x, s0), next;
            if (q < x->n_cues && x->cues[q] <= s0 + 1 && !x->used[x->cues[q]])
                asked_question(x, x->cues[q], s0, s1, &next);
            relative_statements(x, s0, s1);
            /* "“…,” she said, when asked whether …": the question put to the speaker */
            for (uint32_t k2 = first_cue(x, s0 + 2); k2 < x->n_cues && x->cues[k2] < s1; k2++) {
                uint32_t a = x->cues[k2];
                if (!x->used[a] && !(x->t[a].flags & TF_INQ) && tok_is(x, a - 1, "when"))
                    asked_question(x, a, s0, s1, &next);
            }
            quote_then_participle(x, c, s0, s1);
            later_clause(x, c, s1);
            return;
        }
    }
    while (s0 < s1 && !x->oom) {
        uint32_t next = one_sentence(x, s0, s1);
        if (next == UINT32_MAX || next <= s0)
            break;
        s0 = next;
    }
}
