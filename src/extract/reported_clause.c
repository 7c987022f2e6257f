/* SPDX-License-Identifier: MIT
 *
 * reported_clause.c — where the reported clause starts after a cue, and whether it is a
 * clause at all:
 *
 *   cue token -> first token of what was said, or UINT32_MAX
 *
 *   past "that", a listener ("told reporters", "told the Senate Appropriations Committee",
 *   "told CNN on Tuesday"), an adverbial ("said in a statement on Monday that …"); and the
 *   adverbial that closes a sentence instead ("… said in the earnings release.").
 * Called by reported.c, reported_form.c and reported_relative.c for every cue they read.
 */
#include <string.h>

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
/* Whom one tells something: pronouns first (eight), then groups ("Cruz backers"). */
const char *const hd_ex_listener_words[] = {
    "reporters", "journalists", "him",        "her",       "them",      "us",
    "me",        "you",         "supporters", "voters",    "lawmakers", "backers",
    "donors",    "delegates",   "students",   "investors", NULL};

uint32_t hd_ex_skip_object(const xctx *x, uint32_t j, uint32_t end)
{
    const char *const *obj = hd_ex_listener_words;
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
        /* "the Securities and Exchange Commission": a name with "and" or "of" inside is
         * one listener */
        int32_t e = k < end && x->tent ? x->tent[k] : -1;
        if (e >= 0) {
            uint32_t m = k;
            int inner = 0;
            while (m < end && x->tent[m] == e) {
                inner |= m > k && !(x->t[m].flags & (TF_CAP | TF_ALLCAPS));
                m++;
            }
            if (inner) {
                k = m;
                n = 1;
            }
        }
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
        "congress",  "delegation",   "summit",     NULL};
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
        t = last = j + 2; /* hd_ex_skip_object took "the Budget Committee" */
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

/* Units of time, singular and plural: "two weeks ago", "said for months", "Minutes later". */
const char *const hd_ex_time_units[] = {
    "second", "seconds", "moment", "moments", "minute", "minutes", "hour",
    "hours",  "day",     "days",   "week",    "weeks",  "weekend", "weekends",
    "month",  "months",  "year",   "years",   "decade", "decades", NULL};

/* Forms of "be": a cue after one is passive ("was told", "Was Told"). */
const char *const hd_ex_be_words[] = {"is",   "was",   "are", "were", "be",
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

/* Does "as" open the sentence of cue c ("As the tabloid noted", "But as Smith said")? */
static int as_clause(const xctx *x, uint32_t c)
{
    static const char *const lead[] = {"but", "and", "just", "yet", "so", NULL};
    for (uint32_t k = c; k > 0 && c - k < 8; k--) {
        uint32_t a = k - 1;
        if (!tok_word(x, a) || (x->t[a].flags & TF_INQ))
            return 0;
        if (tok_is(x, a, "as")) /* opening the sentence: not "The bank, as Smith said, …" */
            return a + 1 < c && ((x->t[a].flags & TF_SSTART) || (a > 0 && tok_in(x, a - 1, lead) &&
                                                                 (x->t[a - 1].flags & TF_SSTART)));
    }
    return 0;
}

/* "As the tabloid noted in an op-ed Thursday, the leading candidate …": after "as X <cue>",
 * an adverbial from token j to a comma, then the clause, whose start goes into *start. */
static int as_cue_adverbial(const xctx *x, uint32_t c, uint32_t j, uint32_t end, uint32_t *start)
{
    uint32_t k = j;
    while (k < end && k < j + 10 && tok_word(x, k) && !(x->t[k].lex >> 24) &&
           !tok_has(x, k, LW_NOTNOUN | LW_PRON) && !tok_is(x, k, "that"))
        k++;
    if (k == j || k + 2 >= end || !tok_punct(x, k, ',') || !as_clause(x, c))
        return 0;
    *start = k + 1;
    return 1;
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
    *j = hd_ex_skip_object(x, *j, end);
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

uint32_t hd_ex_past_for_span(const xctx *x, uint32_t j, uint32_t end)
{
    if (!tok_is(x, j, "for") || j + 2 >= end)
        return j;
    if (tok_in(x, j + 1, hd_ex_time_units))
        return j + 2;
    if (tok_is(x, j + 1, "the") && tok_is(x, j + 3, "time") && j + 4 < end)
        return j + 4; /* "for the first time", "for the second time" */
    return j;
}

/* Do the words from j name whom a request was put to, then "to" and a verb ("asked the
 * Supreme Court to intervene", "asked Pan Am's unions to begin", "told the company to
 * disguise", "told him to leave")? After "told" only a one-word object or a determiner and a
 * noun: "told Reuters proposals to reduce the quota …" and "told reporters Hyundai expects to
 * export …" are listener and clause. After "asked" no subject pronoun or word in -ed: "asked
 * … he expects the count to drop". */
static int request_object(const xctx *x, uint32_t c, uint32_t j, uint32_t end)
{
    int told = !tok_is(x, c, "asked");
    uint32_t lim = told ? (tok_has(x, j, LW_DET) ? j + 2 : j + 1) : j + 10;
    for (uint32_t k = j; k + 1 < end && k <= lim; k++) {
        if (tok_is(x, k, "to"))
            return k > j && tok_word(x, k + 1) && !(x->t[k + 1].flags & (TF_CAP | TF_DIGIT)) &&
                   !tok_has(x, k + 1, LW_DET | LW_PRON);
        const xtok *t = &x->t[k];
        if ((!tok_word(x, k) && !tok_punct(x, k, ',')) || (t->flags & TF_INQ) ||
            tok_is(x, k, "that") || tok_in(x, k, hd_ex_aux_words) || (t->lex >> 24) ||
            tok_has(x, k, LW_NOTNOUN | LW_PRON))
            return 0;
        if (tok_word(x, k) && !(t->flags & TF_CAP) && t->e - t->s > 4 && x->b[t->e - 2] == 'e' &&
            x->b[t->e - 1] == 'd')
            return 0;
    }
    return 0;
}

/* First token of the reported clause after cue c (class cls), or UINT32_MAX. */
uint32_t hd_ex_clause_start(const xctx *x, uint32_t c, uint32_t cls, uint32_t end)
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
        return tok_in(x, j + 1, hd_ex_be_words) || tok_is(x, j + 1, "would") ||
                       tok_is(x, j + 1, "will") || tok_is(x, j + 1, "could")
                   ? j
                   : j + 1;
    /* "pledged to stay through that contest": what was undertaken, from "to" */
    if (tok_is(x, j, "to") && hd_ex_commits(x, c))
        return j;
    if (tok_has(x, j, LW_TIME) && tok_is(x, j + 1, "to") && hd_ex_commits(x, c))
        return j + 1; /* "promised Monday to begin …" */
    /* "said in a statement on Monday that …": only across an adverbial; not across the
     * topic of "warned of", "boasted of", "complained about", whose "that" after a noun is a
     * relative ("warned of a crisis that could spread"; "said of Trump that …" is crossed) */
    static const char *const topic[] = {"of", "about", NULL};
    static const char *const say[] = {"said", "says", "say", "saying", NULL};
    if (hd_ex_adverbial_start(x, j, end) && !tok_punct(x, j, ',') &&
        !(tok_in(x, j, topic) && !tok_in(x, c, say)) &&
        (across_adverbial(x, j, end, &start) || as_cue_adverbial(x, c, j, end, &start)))
        return start;
    if (tok_punct(x, j, ','))
        return after_cue_comma(x, j, end);
    if ((tok_is(x, c, "told") || tok_is(x, c, "tells") || tok_is(x, c, "asked")) &&
        request_object(x, c, j, end))
        return j; /* "asked Republican leaders to disavow him": the request, its object first */
    if ((tok_is(x, c, "told") || tok_is(x, c, "tells") || tok_is(x, c, "asked")) &&
        past_listener(x, c, &j, end, &start))
        return start;
    /* "has said for weeks he is …", "said for the first time that …" */
    uint32_t k = hd_ex_past_for_span(x, j, end);
    if (k > j) {
        /* "acknowledged for the first time Friday that …" */
        for (uint32_t m = k; m < end && m < k + 4 && tok_word(x, m) && !(x->t[m].lex >> 24); m++)
            if (tok_is(x, m, "that"))
                return m + 1;
        return k;
    }
    /* "on Tuesday", "late Monday" */
    if (j + 1 < end &&
        (tok_is(x, j, "on") || tok_is(x, j, "late") || tok_is(x, j, "last") ||
         tok_is(x, j, "earlier")) &&
        tok_word(x, j + 1) && (x->t[j + 1].flags & TF_CAP))
        j += 2;
    return j;
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
int hd_ex_adverbial_only(const xctx *x, uint32_t a, uint32_t s1)
{
    /* "as Breitbart reported a few days later.", "said two weeks ago": when, back or on */
    static const char *const quantity[] = {"a", "few", "several", "two", "three", NULL};
    uint32_t w = a;
    while (w < s1 && w < a + 4 && s1 - a <= 6 &&
           (tok_in(x, w, quantity) || tok_in(x, w, hd_ex_time_units)))
        w++;
    if (w > a && w + 1 < s1 + 1 &&
        (tok_is(x, w, "later") || tok_is(x, w, "earlier") || tok_is(x, w, "ago")) &&
        (w + 1 >= s1 || hd_ex_stop_tok(x, w + 1)))
        return 1;
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
