/* SPDX-License-Identifier: MIT
 *
 * statement_cue.c — whether a verb of saying is a cue where it stands.
 *
 *   cue token i + its class (lexicon.verbs) -> usable or not
 *
 * A lexicon cue is no cue as a noun ("zero coupon notes", "value added tax"), with a particle
 * that changes its sense ("warned against", "continued to"), or with a noun phrase for object
 * ("maintained her lead", "the index added 20.72 points"); "called" and "pointed" need what
 * they name. Called by quote.c, reported*.c and statement.c (hd_ex_cue_class, hd_ex_cue_ok,
 * hd_ex_commits).
 */
#include <string.h>
#include <strings.h>

#include "base/str.h"
#include "extract/extract_int.h"

uint32_t hd_ex_cue_class(const xctx *x, uint32_t i)
{
    if (!tok_word(x, i) || (x->t[i].flags & (TF_INQ | TF_CAP)) || x->used[i])
        return 0;
    return (tok_word(x, i) ? x->t[i].lex >> 24 : 0);
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

/* Is cue i a verb with a noun phrase for object, not a clause: "maintained her lead", "observed
 * the vote", "threatened further scores", "pledged delegates"? Verbs that are speech only with a
 * clause ("maintained the company was solvent"): a determiner after them and no auxiliary or
 * "that" in the next words is an object. (Not "explained": PolNeAR annotates "explained the
 * reason for his support" as what was said.) ("wrote a letter
 * asking …" stays: what was written is what was said.) */
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
    /* "observed this week, …": a time, not an object */
    if (tok_in(x, i + 2, hd_ex_time_units))
        return 0;
    /* up to a comma: "Trump, who has maintained a surprisingly large lead over the GOP
     * pack, was targeted by …" */
    for (uint32_t k = i + 2;
         k < x->nt && k < i + 12 && !hd_ex_stop_tok(x, k) && !tok_punct(x, k, ','); k++)
        if (tok_has(x, k, LW_NOTNOUN | LW_VERB) || tok_is(x, k, "that") || x->t[k].kind == TK_QOPEN)
            return 0;
    return 1;
}

/* A debt's term: "two-year", "10-year", "six-month" (notes of that term are debt). */
static int term_word(const xctx *x, uint32_t k)
{
    const xtok *t = &x->t[k];
    if (!tok_word(x, k))
        return 0;
    size_t n = t->e - t->s;
    static const char *const unit[] = {"-year", "-month", "-week", "-day", NULL};
    return hd_str_ends_any(x->b + t->s, n, unit);
}

int hd_ex_cue_noun(const xctx *x, uint32_t i)
{
    /* "insurance claims would be huge", "damage claims and …", "jobless claims jumped",
     * "pay claims closed the ports", "tax pledges were being left": a noun after its
     * modifier, with a verb or a preposition of its own after it (not "the government claims
     * the company owes", "the suit claims that …": a speaking noun and its clause) */
    static const char *const after_claims[] = {
        "would", "will", "were", "are",     "was",    "is",         "have", "has",     "had",
        "for",   "from", "of",   "on",      "by",     "and",        "or",   "against", "jumped",
        "rose",  "fell", "came", "slipped", "closed", "provisions", "suit", NULL};
    static const char *const possessive[] = {"its", "his", "her", "their", "our", NULL};
    static const char *const noun_plural[] = {"claims", "pledges", "promises", "vows", NULL};
    if (i > 0 && tok_in(x, i, noun_plural) && tok_word(x, i - 1) &&
        !(x->t[i - 1].flags & (TF_CAP | TF_ALLCAPS | TF_POSS)) &&
        !tok_has(x, i - 1, LW_PRON | LW_SNOUN | LW_ROLE | LW_DET) &&
        !(i > 1 && tok_in(x, i - 2, possessive)) && /* "which its management claims are" */
        (i + 1 >= x->nt || tok_in(x, i + 1, after_claims) || x->t[i + 1].kind == TK_PUNCT))
        return 1;
    return 0;
}

/* Do the words around cue i make it no verb of saying at all: a second verb after "and", a
 * noun of debt, a condition of anonymity, a tax? */
/* "Under the settlement announced today, …", "The decision announced last week would
 * apply", "Three names prominently mentioned as potential nominees are …": a participle after
 * a thing, no one speaking. Token i is one of the participles below; before it (past an -ly
 * adverb) a common noun no one speaks as; after it "by", "as", "in connection", or a time
 * and then a comma or an auxiliary. */
static int passive_participle(const xctx *x, uint32_t i)
{
    static const char *const part[] = {"announced", "mentioned", "reported",  "proposed",
                                       "unveiled",  "released",  "published", NULL};
    if (!tok_in(x, i, part) || i < 2)
        return 0;
    uint32_t n = i - 1;
    if (tok_has(x, n, LW_ADV) ||
        (x->t[n].stem_e - x->t[n].s > 4 && x->b[x->t[n].stem_e - 1] == 'y' &&
         x->b[x->t[n].stem_e - 2] == 'l'))
        n--;
    if (!tok_word(x, n) || (x->t[n].flags & (TF_CAP | TF_ALLCAPS | TF_DIGIT | TF_INQ)) ||
        x->tent[n] >= 0 || tok_has(x, n, LW_SNOUN | LW_ROLE | LW_PRON | LW_FUNC | LW_DET) ||
        x->t[n].lex >> 24)
        return 0;
    uint32_t k = i + 1;
    if (tok_is(x, k, "by") || tok_is(x, k, "as") ||
        (tok_is(x, k, "in") && tok_is(x, k + 1, "connection")))
        return 1;
    static const char *const when[] = {"today", "yesterday", "earlier", "recently", NULL};
    if (tok_is(x, k, "last") || tok_is(x, k, "this") || tok_is(x, k, "on"))
        k++;
    if (!(tok_in(x, k, when) || tok_has(x, k, LW_TIME) || tok_in(x, k, hd_ex_time_units)))
        return 0;
    k++;
    static const char *const aux[] = {"would", "will", "is",    "was", "are",   "were",
                                      "has",   "had",  "could", "may", "might", NULL};
    return tok_punct(x, k, ',') || tok_in(x, k, aux);
}

static int not_speech(const xctx *x, uint32_t i)
{
    if (passive_participle(x, i))
        return 1;
    /* "Ryan Grim reported from Washington, D.C.": a sentence of its own saying where a
     * reporter was, not what was said (not "…, the agency reported from Pyongyang", nor
     * "reported from Mosul that …") */
    if ((tok_is(x, i, "reported") || tok_is(x, i, "reporting")) && tok_is(x, i + 1, "from") &&
        i + 2 < x->nt && (x->t[i + 2].flags & (TF_CAP | TF_ALLCAPS)) &&
        i < hd_ex_sent_start(x, i) + 5) {
        uint32_t k = i + 2;
        while (k < x->nt && x->t[k].sent == x->t[i].sent &&
               ((x->t[k].flags & (TF_CAP | TF_ALLCAPS)) || tok_punct(x, k, ',') ||
                tok_punct(x, k, '.')))
            k++;
        if (k >= x->nt || x->t[k].sent != x->t[i].sent || x->t[k].kind == TK_PARA)
            return 1;
    }
    /* "The latest hiccup adds to the drama that has surrounded …", "added to the pressure":
     * "add to" a noun phrase is no saying (not "added to reporters that …") */
    static const char *const add[] = {"add", "adds", "added", "adding", NULL};
    if (tok_in(x, i, add) && tok_is(x, i + 1, "to") && i + 2 < x->nt && tok_has(x, i + 2, LW_DET))
        return 1;
    /* "denied his party the victory", "denied Carter a final-night photograph": deny with
     * two objects withholds something; nothing is said */
    static const char *const deny[] = {"denied", "denies", "deny", "denying", NULL};
    static const char *const obj_pron[] = {"him", "her", "them", "us", "me", NULL};
    static const char *const poss[] = {"his", "her", "their", "its", "our", NULL};
    if (tok_in(x, i, deny) && i + 3 < x->nt && tok_word(x, i + 1)) {
        uint32_t j = i + 1;
        if (tok_in(x, j, obj_pron))
            j++;
        else if (tok_in(x, j, poss) && tok_word(x, j + 1) && !(x->t[j + 1].flags & TF_CAP))
            j += 2;
        else
            while (j < i + 5 && tok_word(x, j) && (x->t[j].flags & TF_CAP) &&
                   !(x->t[j].flags & TF_ALLCAPS))
                j++;
        static const char *const article[] = {"the", "a", "an", NULL};
        if (j > i + 1 && tok_in(x, j, article))
            return 1;
    }
    /* "responded and confirmed that A": the second verb introduces A */
    if (tok_is(x, i + 1, "and") && i + 2 < x->nt && tok_word(x, i + 2) && (x->t[i + 2].lex >> 24))
        return 1;
    /* "floating rate notes", "zero coupon notes", "senior subordinated notes": debt */
    static const char *const debt[] = {
        "rate",         "coupon",     "senior",  "subordinated", "convertible", "treasury",
        "exchangeable", "promissory", "term",    "guaranteed",   "secured",     "unsecured",
        "discount",     "bank",       "capital", "dollar",       "sterling",    "yen",
        "franc",        "euro",       NULL};
    if (i > 0 && tok_is(x, i, "notes") && (tok_in(x, i - 1, debt) || term_word(x, i - 1)))
        return 1;
    /* "The notes were given a coupon", "the notes mature in 1992": a noun before its verb */
    static const char *const noun_verb[] = {"were", "are",    "was",     "will",  "would",  "have",
                                            "had",  "mature", "matured", "yield", "priced", NULL};
    if (tok_is(x, i, "notes") && tok_in(x, i + 1, noun_verb))
        return 1;
    /* "the final say", "a greater say in how it is run", "no say": a noun */
    static const char *const say_noun[] = {
        "a",       "an",     "the", "his",  "her",    "their", "its",   "our",      "no",   "final",
        "greater", "bigger", "big", "more", "little", "real",  "equal", "decisive", "last", NULL};
    if (i > 0 && tok_is(x, i, "say") && tok_in(x, i - 1, say_noun))
        return 1;
    /* a bare present after "to", a modal or "and" is no statement of the subject before it:
     * "used the speech to warn voters", "she can deny him the nomination", "and admit that" */
    static const char *const before_bare[] = {"to",     "can",  "could",  "will", "would", "shall",
                                              "should", "may",  "might",  "must", "and",   "or",
                                              "helps",  "help", "cannot", NULL};
    /* (not after a verb of going on or starting: "continued to complain that …", "went on
     * to say that …", "began to argue that …": the subject says it) */
    if (i > 0 && tok_in(x, i - 1, before_bare) && tok_word(x, i) &&
        hd_ex_lx_get(&x->lx->bare, x->b + x->t[i].s, x->t[i].stem_e - x->t[i].s) &&
        hd_ex_went_on_to(x, i - 1, 0) == UINT32_MAX)
        return 1;
    /* (the tests below by first letter: most cues start with none of these) */
    char c0 = x->t[i].ch;
    /* "calls" as a noun: "near-constant calls of “Feel the Bern”", "brushed off Democratic
     * calls for her to bow out", "growing calls for an inquiry" */
    static const char *const call_noun[] = {"calls", "call", NULL};
    static const char *const call_adj[] = {
        "repeated", "growing",    "renewed",    "frequent", "constant", "numerous", "multiple",
        "mounting", "fresh",      "increasing", "loud",     "angry",    "public",   "new",
        "urgent",   "democratic", "republican", "similar",  NULL};
    if (c0 == 'c' && i > 0 && tok_in(x, i, call_noun) &&
        (tok_is(x, i + 1, "of") || tok_in(x, i - 1, call_adj) ||
         (tok_word(x, i - 1) && !(x->t[i - 1].flags & TF_CAP) &&
          memchr(x->b + x->t[i - 1].s, '-', x->t[i - 1].e - x->t[i - 1].s))))
        return 1;
    /* a noun in a list: "In TV interviews and tweets, Trump has argued" */
    if ((c0 == 't' || c0 == 'p') && i > 1 && (tok_is(x, i, "tweets") || tok_is(x, i, "posts")) &&
        (tok_is(x, i - 1, "and") || tok_is(x, i - 1, "or")) && tok_word(x, i - 2) &&
        !(x->t[i - 2].flags & (TF_CAP | TF_INQ)) && x->b[x->t[i - 2].e - 1] == 's')
        return 1;
    /* "alleged" as an adjective: "to investigate alleged pay-to-play policies", "the alleged
     * plot", "over alleged abuses" */
    static const char *const before_alleged[] = {
        "the",     "a",       "an",  "of",          "for",           "over",
        "about",   "into",    "on",  "in",          "any",           "his",
        "her",     "their",   "its", "investigate", "investigating", "probe",
        "probing", "against", NULL};
    if (c0 == 'a' && i > 0 && tok_is(x, i, "alleged") && tok_in(x, i - 1, before_alleged))
        return 1;
    /* an aside of the writer's: "It should be noted that …", "it must be noted" */
    if (c0 == 'n' && i > 1 && tok_is(x, i, "noted") &&
        (tok_is(x, i - 1, "be") || tok_is(x, i - 1, "been")) &&
        (tok_is(x, i - 2, "it") || tok_is(x, i - 3, "it")))
        return 1;
    /* "who observed voting in Kachin state": what was watched */
    static const char *const observe[] = {"observed", "observes", "observe", "observing", NULL};
    if (c0 == 'o' && tok_in(x, i, observe) && i + 1 < x->nt && tok_word(x, i + 1) &&
        !(x->t[i + 1].flags & (TF_CAP | TF_INQ)) && x->t[i + 1].e - x->t[i + 1].s > 5 &&
        !memcmp(x->b + x->t[i + 1].e - 3, "ing", 3))
        return 1;
    /* "adds another magic number to the mix", "added a caveat to his remarks", "added 200
     * jobs to its payroll": something added to something, nothing said */
    if (c0 == 'a' && tok_in(x, i, add) && i + 1 < x->nt &&
        (tok_has(x, i + 1, LW_DET) || (x->t[i + 1].flags & TF_DIGIT)) && !tok_is(x, i + 1, "that"))
        for (uint32_t k = i + 2; k < x->nt && k < i + 8; k++) {
            if (!tok_word(x, k) || (x->t[k].flags & TF_INQ) || tok_is(x, k, "that") ||
                tok_has(x, k, LW_VERB | LW_NOTNOUN))
                break;
            if (tok_is(x, k, "to") && k + 1 < x->nt &&
                (tok_has(x, k + 1, LW_DET) || tok_is(x, k + 1, "his") || tok_is(x, k + 1, "her") ||
                 tok_is(x, k + 1, "their")))
                return 1;
        }
    /* "who asked not to be identified": a condition of anonymity, nothing said */
    if ((tok_is(x, i, "asked") || tok_is(x, i, "asking")) && tok_is(x, i + 1, "not") &&
        tok_is(x, i + 2, "to"))
        return 1;
    /* "a 10 pct value added tax", "value added goods and services tax": a tax, no one adding */
    if (i > 0 && tok_is(x, i, "added") && tok_is(x, i - 1, "value"))
        return 1;
    /* "claimed victory in a tweet", "declared victory", "claimed a victory in New Hampshire",
     * "claimed self-defense": a win or a plea, not words (PolNeAR annotates "claimed responsibility
     * for the attack" and "claimed the nomination", which stay) */
    static const char *const win[] = {"claimed",  "claims",  "claim",     "claiming", "declared",
                                      "declares", "declare", "declaring", NULL};
    if (tok_in(x, i, win) && (tok_is(x, i + 1, "victory") || tok_is(x, i + 1, "self-defense") ||
                              (tok_is(x, i + 1, "a") && tok_is(x, i + 2, "victory"))))
        return 1;
    /* "have added fuel to the debate", "adds weight to": what was added is no words */
    static const char *const added_to[] = {"fuel",     "weight",  "momentum", "impetus",
                                           "credence", "urgency", "insult",   NULL};
    if ((tok_is(x, i, "added") || tok_is(x, i, "adds") || tok_is(x, i, "add") ||
         tok_is(x, i, "adding")) &&
        tok_in(x, i + 1, added_to))
        return 1;
    if (hd_ex_cue_noun(x, i))
        return 1;
    /* "Trump's reported net worth", "Japan's alleged failure", "Fleet's announced merger":
     * a participle between a possessive and its noun. Only participles read so ("Moody's said
     * downgrades led", "Scotty's said sales …", "Moody's pointed out": a name that is the
     * subject), not after a pronoun's "has" ("he's said") */
    static const char *const adjective[] = {"reported", "announced", "declared", "alleged",
                                            "stated",   "admitted",  "promised", "proposed",
                                            "claimed",  NULL};
    if (i > 0 && i + 1 < x->nt && (x->t[i - 1].flags & TF_POSS) && !tok_has(x, i - 1, LW_PRON) &&
        tok_word(x, i + 1) && !(x->t[i + 1].flags & (TF_CAP | TF_ALLCAPS | TF_DIGIT)) &&
        !tok_has(x, i + 1, LW_DET | LW_PRON | LW_FUNC | LW_ADV) && !(x->t[i + 1].lex >> 24) &&
        tok_in(x, i, adjective))
        return 1;
    return 0;
}

/* hd_ex_cue_ok for a verb of calling (VC_CALL). */
static int call_ok(const xctx *x, uint32_t i)
{
    if (tok_is(x, i + 1, "for") || tok_is(x, i + 1, "on"))
        return 1;
    /* "called a referendum", "called an election", "called a halt to": convened, not said */
    static const char *const event[] = {"referendum", "election", "elections", "meeting", "strike",
                                        "vote",       "halt",     "ceasefire", "truce",   "session",
                                        "recess",     "timeout",  "summit",    NULL};
    if (tok_has(x, i + 1, LW_DET) &&
        (tok_in(x, i + 2, event) || (tok_word(x, i + 2) && tok_in(x, i + 3, event))))
        return 0;
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

/* Does "to" after cue i open what was said: what was undertaken ("vowed to fight"), or a
 * listener followed by "that"? */
static int to_opens_said(const xctx *x, uint32_t i)
{
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
    return 0;
}

/* For the verbs that are cues only before what was said ("pointed out", "underlined that"):
 * whether cue i is one here; -1 when it is none of these verbs. */
static int clause_verb(const xctx *x, uint32_t i)
{
    /* "pointed out (that) …"; not "pointed to the map" */
    if (tok_is(x, i, "pointed"))
        return tok_is(x, i + 1, "out");
    /* "underlined that …", "affirmed that …"; not "bond prices underscored the anxiety", "S
     * and P affirmed the ratings" */
    if (tok_is(x, i, "underlined") || tok_is(x, i, "underscored") || tok_is(x, i, "affirmed") ||
        tok_is(x, i, "clarified"))
        return tok_is(x, i + 1, "that") || (i + 1 < x->nt && x->t[i + 1].kind == TK_QOPEN) ||
               tok_punct(x, i + 1, ':') || tok_punct(x, i + 1, ',');
    return -1;
}

/* Does what follows cue i make it no statement: a particle, a supposition, a sum, an object
 * noun phrase, a noun before "of", "about" with no amount? */
/* Is token i a currency sign ($, £, €, ¥)? */
static int currency_sign(const xctx *x, uint32_t i)
{
    const xtok *t = &x->t[i];
    if (t->kind != TK_PUNCT)
        return 0;
    const unsigned char *p = (const unsigned char *)x->b + t->s;
    size_t n = t->e - t->s;
    return (n == 1 && p[0] == '$') || (n == 2 && p[0] == 0xC2 && (p[1] == 0xA3 || p[1] == 0xA5)) ||
           (n == 3 && p[0] == 0xE2 && p[1] == 0x82 && p[2] == 0xAC);
}

int hd_ex_amount(const xctx *x, uint32_t k)
{
    static const char *const amount[] = {"half",  "a",     "one",     "two",   "three", "four",
                                         "five",  "six",   "seven",   "eight", "nine",  "ten",
                                         "dozen", "third", "quarter", "twice", NULL};
    if (k >= x->nt || (x->t[k].flags & TF_DIGIT) || tok_in(x, k, amount))
        return k < x->nt;
    /* "one-third", "two-thirds" */
    const xtok *t = &x->t[k];
    for (size_t m = 0; amount[m] && tok_word(x, k); m++) {
        size_t n = strlen(amount[m]);
        if (t->e - t->s > n && x->b[t->s + n] == '-' && strncasecmp(x->b + t->s, amount[m], n) == 0)
            return 1;
    }
    return 0;
}

static int no_clause_after(const xctx *x, uint32_t i)
{
    static const char *const bad[] = {"against", "with", "to", "up", "off",
                                      "out",     "into", "by", NULL};
    if (tok_in(x, i + 1, bad))
        return 1;
    /* "responded Tuesday to one of Trump's messages": a day first */
    if (i + 2 < x->nt && tok_has(x, i + 1, LW_TIME) && tok_in(x, i + 2, bad) &&
        !(tok_is(x, i + 2, "to") && hd_ex_commits(x, i))) /* "vowed Tuesday to remain" */
        return 1;
    /* "told a joke", "tells the story of": what was told is not given */
    static const char *const tale[] = {"joke",  "jokes", "story", "stories", "tale",
                                       "tales", "lie",   "lies",  NULL};
    if ((tok_is(x, i, "told") || tok_is(x, i, "tells") || tok_is(x, i, "tell")) && i + 2 < x->nt &&
        tok_has(x, i + 1, LW_DET) && tok_in(x, i + 2, tale))
        return 1;
    /* "let's say they …" supposes; nobody speaks */
    if (i > 0 && tok_word(x, i - 1) && x->t[i - 1].stem_e - x->t[i - 1].s == 3 &&
        x->t[i - 1].e > x->t[i - 1].stem_e && !strncasecmp(x->b + x->t[i - 1].s, "let", 3))
        return 1;
    /* "the index added 20.72 points": a sum, not a remark; "pledged £76m in aid",
     * "promised $5 billion": money given, not words */
    if (i + 1 < x->nt && ((x->t[i + 1].flags & TF_DIGIT) || currency_sign(x, i + 1)) &&
        (tok_is(x, i, "added") || hd_ex_commits(x, i)))
        return 1;
    if (tok_is(x, i + 1, "for") && !tok_is(x, i, "asked") &&
        hd_ex_past_for_span(x, i + 1, x->nt) == i + 1)
        return 1;
    /* "questions asked of purchasing managers": what was asked, not what anyone said */
    if (tok_is(x, i, "asked") && tok_is(x, i + 1, "of"))
        return 1;
    /* "The film tells of two boys who …", "he told of his ordeal": a story, not a statement */
    if (tok_is(x, i + 1, "of") && (tok_is(x, i, "tells") || tok_is(x, i, "told") ||
                                   tok_is(x, i, "tell") || tok_is(x, i, "telling")))
        return 1;
    if (np_object(x, i))
        return 1;
    /* "the four men accused of distributing drugs": a participle, no one speaking; "to quell
     * claims of a falling-out", "reports of fighting": nouns */
    if (tok_is(x, i + 1, "of") && (tok_is(x, i, "accused") || tok_is(x, i, "claims") ||
                                   tok_is(x, i, "reports") || tok_is(x, i, "promises")))
        return 1;
    /* "said about one in five …", "said about half of …", "predicted about one-third of the
     * vote will …" are clauses; "complained about the noise" is not */
    if (tok_is(x, i + 1, "about") && !hd_ex_amount(x, i + 2) && !tok_has(x, i + 2, LW_DET))
        return 1;
    return 0;
}

/* Is cue i usable (not "warned against", "continued to", needs "for"/"as")? */
int hd_ex_cue_ok(const xctx *x, uint32_t i, uint32_t cls)
{
    if (not_speech(x, i))
        return 0;
    if (cls == VC_CALL)
        return call_ok(x, i);
    if (to_opens_said(x, i))
        return 1;
    int verb = clause_verb(x, i);
    if (verb >= 0)
        return verb;
    return !no_clause_after(x, i);
}
