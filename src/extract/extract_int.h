/* SPDX-License-Identifier: MIT
 *
 * extract_int.h — private interface between the files of the extract stage.
 *
 *   lexicon.c   word sets (speech verbs, roles, titles, countries from iso-codes, ...)
 *   token.c     body -> tokens, sentences, paragraphs, quote spans (token_char.c, token_word.c,
 *               token_quote.c; their private interface is token_int.h)
 *   entity.c    capitalised runs -> people / organisations / places, role bindings
 *               (entity_run.c, entity_name.c, entity_kind.c, entity_single.c, entity_role.c;
 *               their private interface is entity_int.h)
 *   speaker.c   subject noun phrases -> referents (entity, pending role, unknown)
 *               (speaker_comma.c, speaker_np.c, speaker_sentence.c, speaker_referent.c;
 *               their private interface is speaker_int.h)
 *   statement.c the statement passes in order, and the helpers quote.c and reported*.c share;
 *               statement_cue.c whether a verb of saying is a cue where it stands;
 *               statement_resolve.c pronouns and continuations, in text order (pass B);
 *               statement_role.c roles mentioned without a name bound to their holder
 *   extract.c   hd_extract_statements: runs the passes, copies results into the arena
 *
 *   quote.c     direct quotes (hd_ex_direct_quotes, _quote_chains, _block_paragraphs)
 *   reported.c  reported speech, sentence by sentence (hd_ex_reported_sentence): "X said …";
 *               reported_form.c its other forms (according to X, "Asked whether …",
 *               ", saying", passives, headlines); reported_clause.c where the reported clause
 *               starts after a cue (listeners, adverbials); reported_span.c where what was
 *               said ends, and the statement it makes (hd_ex_emit_reported);
 *               reported_relative.c relative clauses of speech ("X, who said A, …", "The
 *               judges who ruled … said"); reported_opener.c what only opens a sentence
 *               (subordinate clauses, short adverbials)
 *
 * Everything per article lives in one xctx allocated from the caller's arena; nothing here
 * calls malloc per token. Names shared between these files start with hd_ex_.
 */
#ifndef HD_EXTRACT_INT_H
#define HD_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "extract/extract.h"

/* ---- lexicon.c ----------------------------------------------------------------------------- */

/* An open-addressing set of lowercase keys (ASCII folded), each with a small value. */
typedef struct lx_set {
    uint64_t *hash; /* 0 = empty slot */
    uint32_t *off;  /* key offset in pool */
    uint16_t *len;  /* key length */
    uint32_t *val;  /* value */
    size_t cap;     /* power of two */
    size_t n;
    char *pool;
    size_t pool_len, pool_cap;
    uint64_t *bloom; /* optional: 2^16-bit filter answering most misses without a probe */
    size_t max_len;  /* longest key */
} lx_set;

/* Speech-verb classes (the value in lexicon.verbs). A bare present ('b' in the data file:
 * "critics argue that") is kept as VC_SPEECH and noted in lexicon.bare. */
enum { VC_SPEECH = 's', VC_PART = 'p', VC_DESCRIBE = 'd', VC_CALL = 'c', VC_QUOTE = 'q' };
enum { VC_BARE = 'b' };

struct hd_lexicon {
    lx_set verbs;    /* cue form -> class */
    lx_set bare;     /* cue forms of class 'b' (a bare present, read as VC_SPEECH) -> 1 */
    lx_set roles;    /* role phrase -> number of words */
    lx_set titles;   /* honorific -> 1 */
    lx_set mods;     /* role modifier -> 1 */
    lx_set snouns;   /* speaker noun -> 1 */
    lx_set orgs;     /* org cue -> 1 */
    lx_set insts;    /* one-word institution ("Congress", "Bundesbank") -> 1 */
    lx_set pcues;    /* place cue -> 1 */
    lx_set places;   /* country / region name -> 1 */
    lx_set demonyms; /* nationality adjective -> 1 + offset of its country in countries */
    lx_set func;     /* function word -> 1 */
    lx_set words;    /* every one-word key of the sets above -> LW_* bits | verb class << 24 */
    unsigned max_role_words;
    int digit_keys;  /* some key of words starts with a digit (else digits skip the lookup) */
    char *countries; /* NUL-separated country names of the demonyms */
    size_t countries_len, countries_cap;
};

/* Bits of lexicon.words: one lookup per token tells every single-word set it belongs to. */
enum {
    LW_VERB = 1 << 0,
    LW_ROLE = 1 << 1,
    LW_TITLE = 1 << 2,
    LW_MOD = 1 << 3,
    LW_SNOUN = 1 << 4,
    LW_ORG = 1 << 5,
    LW_PCUE = 1 << 6,
    LW_PLACE = 1 << 7,
    LW_DEMONYM = 1 << 8,
    LW_FUNC = 1 << 9,
    LW_ADV = 1 << 10,        /* adverbs and auxiliaries skipped before a cue (built in) */
    LW_DET = 1 << 11,        /* determiners (built in) */
    LW_PRON = 1 << 12,       /* subject pronouns (built in) */
    LW_NOTNOUN = 1 << 13,    /* auxiliaries, wh-words: never head a subject (built in) */
    LW_ROLE_END = 1 << 14,   /* last word of some role phrase ("state" of "secretary of state") */
    LW_CONN = 1 << 15,       /* lowercase words inside names: of, de, bin, al, von (built in) */
    LW_ABBR = 1 << 16,       /* abbreviations keeping their period: Nov, Jr, Inc (built in) */
    LW_ACC = 1 << 17,        /* "according" (built in) */
    LW_TIME = 1 << 18,       /* month and day names: never part of a name (built in) */
    LW_ROLE_START = 1 << 19, /* first word of some role phrase of two words or more */
    LW_ADVB = 1 << 20,       /* words that open an adverbial after a cue (built in) */
    LW_FIRM = 1 << 21,       /* legal forms ending company names: Inc, Co, AG (built in) */
    LW_INST = 1 << 22,       /* an organisation by itself: Congress, Bundesbank */
    LW_LISTEN = 1 << 23,     /* kinds of audience or outlet: committee, programme (built in) */
};

/* Look key[0..n) up (ASCII case-folded; a trailing '.' is ignored). Returns the value, 0 when
 * absent. */
uint32_t hd_ex_lx_get(const lx_set *s, const char *key, size_t n);
/* Lowercase the ASCII letters of 8 packed bytes, leaving every other byte as it is. */
static inline uint64_t lx_fold8(uint64_t x)
{
    const uint64_t hi = 0x8080808080808080ULL;
    uint64_t h7 = x & 0x7f7f7f7f7f7f7f7fULL;
    uint64_t ge_a = h7 + 0x3f3f3f3f3f3f3f3fULL; /* bit 7 set where byte >= 'A' */
    uint64_t gt_z = h7 + 0x2525252525252525ULL; /* bit 7 set where byte > 'Z' */
    uint64_t upper = (ge_a ^ gt_z) & ~x & hi;   /* ASCII 'A'..'Z' */
    return x | (upper >> 2);
}

static inline uint64_t lx_mix(uint64_t h)
{
    h *= 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
}

/* lx_hash; `fold` 0 when k[0..n) is known to hold no ASCII capital (folding is then the
 * identity and is skipped). */
static inline uint64_t lx_hash_f(const char *k, size_t n, size_t avail, int fold)
{
    uint64_t h = 0x243F6A8885A308D3ULL ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, k + i, 8);
        h = lx_mix(h ^ (fold ? lx_fold8(w) : w));
    }
    if (i < n) {
        uint64_t w = 0;
        size_t r = n - i;
        if (avail >= i + 8) {
            memcpy(&w, k + i, 8);
            w &= (1ULL << (8 * r)) - 1; /* little and big endian differ, but consistently */
        } else {
            for (size_t b = 0; b < r; b++)
                w |= (uint64_t)(unsigned char)k[i + b] << (8 * b);
        }
        h = lx_mix(h ^ (fold ? lx_fold8(w) : w));
    }
    return h ? h : 1;
}

/* The lexicon's key hash: case-folded bytes taken 8 at a time. Never 0. `avail` is how many
 * bytes may be read from k (>= n); reading past n but within avail saves a byte loop. */
static inline uint64_t lx_hash(const char *k, size_t n, size_t avail)
{
    return lx_hash_f(k, n, avail, 1);
}

#define LX_BLOOM_BITS (1u << 16)

/* May the key with hash h be in s? (Both bits of the Bloom filter set; s->bloom not NULL.) */
static inline int lx_bloom_has(const lx_set *s, uint64_t h)
{
    uint32_t a = (uint32_t)h & (LX_BLOOM_BITS - 1), b = (uint32_t)(h >> 40) & (LX_BLOOM_BITS - 1);
    return (int)((s->bloom[a >> 6] >> (a & 63)) & (s->bloom[b >> 6] >> (b & 63)) & 1);
}

/* The value of the key with hash h and length n in s's slots, 0 when absent. Equal 64-bit
 * hashes and lengths are taken as equal keys: a false match needs a 64-bit collision between
 * a token and one of a few thousand lexicon words. */
static inline uint32_t lx_slots_find(const lx_set *s, size_t n, uint64_t h)
{
    size_t j = h & (s->cap - 1);
    while (s->hash[j]) {
        if (s->hash[j] == h && s->len[j] == n)
            return s->val[j];
        j = (j + 1) & (s->cap - 1);
    }
    return 0;
}

/* As lx_get with the key's hash (lx_hash) already computed and no trailing '.'. */
static inline uint32_t lx_get_hashed(const lx_set *s, const char *key, size_t n, uint64_t h)
{
    (void)key;
    if (!s->cap || n == 0 || n > s->max_len)
        return 0;
    if (s->bloom && !lx_bloom_has(s, h))
        return 0;
    return lx_slots_find(s, n, h);
}

/* ---- token.c ------------------------------------------------------------------------------- */

enum { TK_WORD = 1, TK_PUNCT, TK_QOPEN, TK_QCLOSE, TK_PARA };

enum {
    TF_CAP = 1 << 0,     /* first letter upper case */
    TF_ALLCAPS = 1 << 1, /* two or more letters, all upper case */
    TF_POSS = 1 << 2,    /* ends in 's / s' (stem_e excludes it) */
    TF_INQ = 1 << 3,     /* inside a quote span */
    TF_DIGIT = 1 << 4,   /* starts with a digit */
    TF_SSTART = 1 << 5,  /* first token of its sentence */
};

/* Tag bits of xctx.wh. */
#define WH_LOWER  1u
#define WH_HASHED 2u

typedef struct xtok {
    uint32_t s, e;   /* bytes in body */
    uint32_t stem_e; /* end without a possessive ending */
    uint32_t sent;   /* sentence index */
    uint32_t para;   /* paragraph index */
    uint32_t lex;    /* lexicon.words value of a word token, else 0 */
    uint32_t qi;     /* quote marks: 1 + index of their quote span, else 0 */
    uint8_t kind;    /* TK_* */
    char ch;         /* punctuation class: , . : ; ? ! ( ) [ ] - ~ (other); a word's first
                        byte | 0x20 (tok_is's first test without reading the body) */
    uint16_t flags;  /* TF_* */
} xtok;

typedef struct xquote {
    uint32_t open, close; /* token indices of the marks; close == open when unclosed */
    uint32_t cs, ce;      /* content bytes */
    uint32_t t0, t1;      /* content tokens [t0, t1) */
    int32_t stmt;         /* statement using it, or -1 */
    uint8_t closed;       /* 0 when the paragraph ended first */
} xquote;

/* ---- entities, referents, statements ------------------------------------------------------- */

typedef struct xent {
    const char *name; /* canonical, in the arena */
    hd_entity_kind kind;
    uint32_t n_mentions;
    uint32_t last_s, last_e; /* bytes of the last name token (surname) */
    uint32_t first_tok;      /* first mention */
    uint32_t n_words;
    uint8_t has_role;
    uint8_t person_hint; /* seen with a title/role */
    uint8_t org_hint;    /* an organisation by some sign (a legal form, an organisation word,
                            an acronym, speaking alone), not only for want of a person's shape */
    uint8_t alone;       /* a one-word name known only as the subject of a cue ("Parry said"):
                            an organisation until "he"/"she" can mean no one else */
    uint8_t guess_place; /* an unknown word after "at", "from", "to": a place until it speaks */
    char gender;         /* 'm' / 'f' from a title (Mr, Mrs) or a resolved pronoun, else 0 */
} xent;

/* Sorted by (hh, tok) once the entity pass is done, for binary search. */
typedef struct xrole {
    uint64_t hh;  /* lx_hash of the role head word ("leader"), case-folded */
    uint32_t tok; /* where the binding was seen */
    int32_t ent;
    uint8_t title; /* from an abbreviated title ("Gov. X" for "governor"): bare mentions only */
} xrole;

/* A role mentioned without a name ("the Leader", "Japan's top official"); bound at the end. */
typedef struct xpend {
    uint32_t head_s, head_e;
    uint32_t tok;
    int32_t ent; /* -1 until bound */
} xpend;

/* Referent encoding: >= 0 entity index; REF_NONE unknown; <= -2 pending role -(2 + i). */
#define REF_NONE        (-1)
#define REF_PEND(i)     (-2 - (int32_t)(i))
#define REF_IS_PEND(r)  ((r) <= -2)
#define REF_PEND_IDX(r) ((uint32_t)(-2 - (r)))

typedef struct xstmt {
    int32_t ref;             /* referent */
    uint32_t np0, np1;       /* mention tokens (np0 == np1: none) */
    uint32_t sp0, sp1;       /* "they": the plural description it stands for (sp1 == 0: none) */
    uint32_t cue0, cue1;     /* cue tokens (cue0 == cue1: none) */
    uint32_t s1, e1, s2, e2; /* text ranges; the second is empty unless the quote was split */
    uint32_t para;
    uint32_t anchor; /* token giving the statement's place in text order */
    char pron;       /* 'h' he/she, 'i' it, 't' they, 'c' continues the previous speaker */
    char gender;     /* with pron 'h': 'm' for he, 'f' for she */
    uint8_t direct;
    uint8_t dead;
} xstmt;

typedef struct xctx {
    const hd_lexicon *lx;
    hd_arena *a;
    const char *b;
    size_t n;
    xtok *t;
    uint32_t nt;
    /* Per token, beside t (same capacity; heap, freed by extract.c): WH_LOWER for a word in
     * lower case (no TF_CAP, TF_ALLCAPS or TF_DIGIT), and with WH_HASHED the word's lx_hash
     * over [s, stem_e) in the other bits, which the tokenizer computed for its lexicon lookup
     * and the entity pass's case tests (entity_kind.c) need again. */
    uint64_t *wh;
    uint32_t n_cap, n_role, n_comma;     /* capitalised words, role words, commas: array bounds */
    size_t cap_ent, cap_roles, cap_pend; /* sizes of ent, roles, pend */
    xquote *q;
    uint32_t nq;
    /* Where later passes need to look, noted by the tokenizer (token indices, ascending; heap,
     * freed by extract.c), so that they need not walk every token: */
    uint32_t *caps;  /* words with TF_CAP or TF_ALLCAPS (n_cap of them) */
    uint32_t *marks; /* commas, and words with LW_TITLE or LW_ROLE */
    uint32_t *cues;  /* words with LW_VERB or LW_ACC */
    uint32_t n_marks, n_cues;
    uint32_t n_colon_para; /* paragraph breaks right after a ':' */
    uint64_t *lower;       /* lx_hash of every word the article writes in lower case (0 empty) */
    size_t lower_cap;      /* power of two; 0 before the entity pass */
    int32_t *tent;         /* per token: entity of a name token, or -1 */
    int32_t *tpend;        /* per token: pending role index of a role-only mention, or -1 */
    xent *ent;
    uint32_t nent;
    xrole *roles;
    uint32_t nroles;
    xpend *pend;
    uint32_t npend;
    xstmt *st; /* heap (hd_malloc), freed by extract.c */
    uint32_t nst;
    size_t cap_st;
    uint8_t *used;        /* per token: 1 when a cue already serves a statement */
    int32_t last_ref;     /* most recent person referent (pronoun antecedent) */
    int32_t recent[4];    /* the four most recent person referents, newest first */
    int32_t last_org_ref; /* most recent organisation subject ("it") */
    int oom;
} xctx;

/* token.c: fills t/nt/q/nq. Returns 0 or -1 on out of memory. */
int hd_ex_tokenize(xctx *x);

/* Lexicon lookup of token i (stem, i.e. without possessive). */
uint32_t hd_ex_tok_get(const xctx *x, const lx_set *s, uint32_t i);
/* Lexicon lookup of the phrase made of tokens [i, j) joined by spaces (stems). */
uint32_t hd_ex_seq_get(const xctx *x, const lx_set *s, uint32_t i, uint32_t j);

/* kind == TK_WORD */
static inline int tok_word(const xctx *x, uint32_t i)
{
    return i < x->nt && x->t[i].kind == TK_WORD;
}

/* The token's lexicon bits include one of `bits`. */
static inline int tok_has(const xctx *x, uint32_t i, uint32_t bits)
{
    return i < x->nt && (x->t[i].lex & bits) != 0;
}

static inline int tok_punct(const xctx *x, uint32_t i, char ch)
{
    return i < x->nt && x->t[i].kind == TK_PUNCT && x->t[i].ch == ch;
}

/* A dash setting words off: "—", "--", or a hyphen with a space on each side ("Trump - who
 * said … - said"), not a hyphen in "1-0" or opening a list line. */
static inline int tok_dash(const xctx *x, uint32_t i)
{
    if (!tok_punct(x, i, '-'))
        return 0;
    const xtok *t = &x->t[i];
    return t->e - t->s > 1 ||
           (t->s > 0 && x->b[t->s - 1] == ' ' && t->e < x->n && x->b[t->e] == ' ');
}

/* A pronoun with a contracted verb ("You're", "We’ve", "It's", "I'm"): capitalised at a
 * sentence start, never a name. */
static inline int tok_pron_contraction(const xctx *x, uint32_t i)
{
    static const char *const prons[] = {"i",    "you",   "we",   "they", "he",  "she", "it",
                                        "that", "there", "what", "who",  "let", NULL};
    if (i >= x->nt || x->t[i].kind != TK_WORD)
        return 0;
    const char *p = x->b + x->t[i].s, *end = x->b + x->t[i].e;
    const char *ap = NULL;
    size_t skip = 0;
    for (const char *c = p; c < end && c - p < 6; c++) {
        if (*c == '\'') {
            ap = c, skip = 1;
            break;
        }
        if ((unsigned char)c[0] == 0xE2 && c + 2 < end && (unsigned char)c[1] == 0x80 &&
            (unsigned char)c[2] == 0x99) {
            ap = c, skip = 3;
            break;
        }
    }
    if (!ap || ap == p)
        return 0;
    size_t rest = (size_t)(end - ap) - skip;
    const char *r = ap + skip;
    if (!(rest == 1 && (r[0] == 'm' || r[0] == 'd' || r[0] == 's' || r[0] == 'M' || r[0] == 'S')) &&
        !(rest == 2 &&
          ((!strncasecmp(r, "re", 2)) || !strncasecmp(r, "ve", 2) || !strncasecmp(r, "ll", 2))))
        return 0;
    size_t n = (size_t)(ap - p);
    for (int k = 0; prons[k]; k++)
        if (strlen(prons[k]) == n && !strncasecmp(p, prons[k], n))
            return 1;
    return 0;
}

/* Case-insensitive comparison of a word token with a lowercase ASCII word. */
static inline int tok_is(const xctx *x, uint32_t i, const char *w)
{
    if (!tok_word(x, i))
        return 0;
    if ((unsigned char)x->t[i].ch != (unsigned char)w[0])
        return 0;
    const char *p = x->b + x->t[i].s;
    size_t n = x->t[i].e - x->t[i].s;
    for (size_t k = 1; k < n; k++) {
        unsigned char c = (unsigned char)p[k];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (!w[k] || c != (unsigned char)w[k])
            return 0;
    }
    return w[n] == 0;
}

/* Is word token i one of the words of the NULL-terminated list w (lowercase ASCII)? */
static inline int tok_in(const xctx *x, uint32_t i, const char *const *w)
{
    for (; *w; w++)
        if (tok_is(x, i, *w))
            return 1;
    return 0;
}

/* statement_role.c: the holder of the role a mention with head token h names, or -1: none
 * for someone the text keeps unnamed ("another analyst", "an official who declined to be
 * identified"), nor for a holder of another house than the one an indefinite mention names
 * ("a State Department spokesman" is not the campaign's spokesman named before). */
int32_t hd_ex_mention_holder(const xctx *x, uint32_t h);

/* entity.c: finds entities, fills tent, roles. Returns 0 or -1 on out of memory. */
int hd_ex_entities(xctx *x);
/* Longest role phrase ending at token j (inclusive), allowing modifiers in front. Returns
 * its first token, or UINT32_MAX when token j is no role word. */
uint32_t hd_ex_role_ending_at(const xctx *x, uint32_t j, uint32_t lo);
/* The person an abbreviated title before `at` names for the bare role mention with head h
 * ("the governor" after "Gov. Eric Holcomb"), or -1: a last resort for unbound roles. */
int32_t hd_ex_title_holder(const xctx *x, uint32_t h, uint32_t at);
/* Entity of a person holding a role whose head is token h, nearest to token `at`; -1. */
int32_t hd_ex_role_holder(const xctx *x, uint32_t h, uint32_t at);
/* As hd_ex_role_holder, the nearest binding before `at`, else the first after it, of those
 * whose holder fits(x, h, holder). */
int32_t hd_ex_role_holder_fit(const xctx *x, uint32_t h, uint32_t at,
                              int (*fits)(const xctx *, uint32_t, int32_t));
int32_t hd_ex_pend_new(xctx *x, uint32_t head_tok);

/* speaker_sentence.c: verbs of believing and fearing, which the lexicon does not list
 * ("believe", "fear", "expect"): after a subject ("Some economists believe rates will fall",
 * "Some believe it …") they end it. */
extern const char *const hd_ex_belief_verbs[];

/* speaker_sentence.c: verbs of going on or starting ("continued", "went", "began"), after
 * which "to" and a verb of saying is the subject's saying ("continued to complain that …",
 * "went on to say"). hd_ex_went_on_to: the going-on verb's token when token t is the "to"
 * of one (with "on" between or not), both after token lo; else UINT32_MAX. */
extern const char *const hd_ex_go_on_verbs[];
uint32_t hd_ex_went_on_to(const xctx *x, uint32_t t, uint32_t lo);

/* speaker.c */
typedef struct xnp {
    uint32_t t0, t1; /* tokens [t0, t1) of the noun phrase, t0 == t1 when none */
    int32_t ref;
} xnp;
/* Subject noun phrase ending just before token `verb` (skipping adverbs/auxiliaries). lo is
 * the first token it may use. Returns 1 and *np, or 0 when there is no usable subject. */
/* Is cue word i a plural noun ("insurance claims would be huge", "tax pledges were being
 * left", "… tax claims.")? statement_cue.c */
int hd_ex_cue_noun(const xctx *x, uint32_t i);
int hd_ex_np_left(xctx *x, uint32_t verb, uint32_t lo, xnp *np);
/* "the other candidate on the stage, former Secretary of State Hillary Clinton, drew …":
 * subject np names no one (no "his"/"her" before it) and a person's name set off by commas
 * follows it before token verb, after titles and roles only; np then refers to the person.
 * speaker_sentence.c */
void hd_ex_appositive_name(const xctx *x, uint32_t verb, xnp *np);
/* The subject of cue c when a restrictive relative clause ends at it ("a White House official
 * who spoke anonymously to discuss internal strategy said"): 1 and *np, else 0.
 * reported_relative.c */
int hd_ex_relative_subject(xctx *x, uint32_t c, uint32_t s0, xnp *np);
/* Is token i an honorific that stands for a person after "His"/"Her" ("Eminence", "Majesty")? */
int hd_ex_honorific(const xctx *x, uint32_t i);
/* Is token p a locative preposition ("in", "across", "all over", "throughout" …) with a token
 * before it (from lo)? Then the token before the preposition into *n. speaker_np.c */
int hd_ex_locative(const xctx *x, uint32_t p, uint32_t lo, uint32_t *n);
/* Is token n a noun a place after a locative preposition can locate: a speaking noun or role,
 * or a plural common noun ("shops", "farmers")? speaker_np.c */
int hd_ex_locatable_noun(const xctx *x, uint32_t n);
/* Is token k a common noun naming a place after "the" ("the country", "the region")?
 * speaker_np.c */
int hd_ex_place_noun(const xctx *x, uint32_t k);
/* Noun phrase starting at token i (inverted "said X", "according to X"). */
int hd_ex_np_right(xctx *x, uint32_t i, uint32_t hi, xnp *np);
/* The sentence-initial subject of the sentence containing token i, if any. */
int hd_ex_np_sentence_subject(xctx *x, uint32_t i, uint32_t verb, xnp *np);
/* Resolve a referent to its entity (following pending bindings), or -1. */
int32_t hd_ex_ref_entity(const xctx *x, int32_t ref);
/* Update pronoun antecedents after a sentence. */
void hd_ex_ref_note(xctx *x, int32_t ref);
/* Can a pronoun of gender ('m', 'f' or 0) refer to ref? Unknown genders are compatible. */
int hd_ex_gender_ok(const xctx *x, int32_t ref, char gender);
/* The most recent person referent compatible with gender, or REF_NONE. */
int32_t hd_ex_recent_person(const xctx *x, char gender);

/* statement.c: all statements of the article, speakers resolved. 0, or -1 on out of memory. */
int hd_ex_statements(xctx *x);
/* statement.c helpers shared with quote.c and reported.c */
xstmt *hd_ex_st_new(xctx *x);                         /* NULL (and x->oom) on OOM */
int hd_ex_stop_tok(const xctx *x, uint32_t i);        /* sentence end, paragraph, quote */
void hd_ex_set_np(xctx *x, xstmt *s, const xnp *np);  /* speaker mention and pronoun kind */
uint32_t hd_ex_sent_start(const xctx *x, uint32_t i); /* first token of i's sentence */
int hd_ex_has_used_quote(const xctx *x, uint32_t a, uint32_t b); /* a quote already used */
int hd_ex_adverbial_start(const xctx *x, uint32_t i, uint32_t end);
/* Is token k a lower-case word in -ed that reads as a verb in the past tense ("railed",
 * "killed"), by its form? reported_span.c */
int hd_ex_past_form(const xctx *x, uint32_t k); /* "on Tuesday", "in" */
/* statement_cue.c */
/* Is token k an amount: a figure, "one", "half", "a dozen", "one-third"? */
int hd_ex_amount(const xctx *x, uint32_t k);
uint32_t hd_ex_cue_class(const xctx *x, uint32_t i);       /* VC_* of an unused cue, else 0 */
int hd_ex_cue_ok(const xctx *x, uint32_t i, uint32_t cls); /* not "warned against" etc. */
/* statement_resolve.c: pass B, pronouns and continuations; sorts the statements */
void hd_ex_resolve(xctx *x);
/* statement_role.c: binds the pending roles (x->pend) once the statements are resolved */
void hd_ex_bind_pending(xctx *x);
/* quote.c */
void hd_ex_direct_quotes(xctx *x);
void hd_ex_block_paragraphs(xctx *x);
void hd_ex_quote_chains(xctx *x);
/* reported.c: at most one reported statement in sentence [s0, s1) (two when coordinated) */
void hd_ex_reported_sentence(xctx *x, uint32_t s0, uint32_t s1);
/* Is cue i a verb of undertaking (promise, pledge, vow, threaten), whose "to" opens what was
 * undertaken? (statement_cue.c) */
int hd_ex_commits(const xctx *x, uint32_t i);

/* Does a clause with a subject of its own and a speech cue start right after token k ("and
 * B said Y")? reported.c */
int hd_ex_own_subject_clause(xctx *x, uint32_t k, uint32_t s1);

/* What a step of reading a cue found: read on, go to the next cue, or done (the sentence's
 * answer is known). */
enum { RS_GO_ON, RS_NEXT_CUE, RS_DONE };

/* Index in x->cues of the first cue at or after token i. */
static inline uint32_t hd_ex_first_cue(const xctx *x, uint32_t i)
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

/* reported_form.c: the forms other than "X said …" that reported.c tries for cue c of [s0, s1) */
int hd_ex_asked_question(xctx *x, uint32_t c, uint32_t s0, uint32_t s1, uint32_t *next);
/* RS_*; *next: where a clause after the source starts, or left as it was */
int hd_ex_according_to(xctx *x, uint32_t c, uint32_t s0, uint32_t s1, xnp *np, uint32_t *next);
int hd_ex_passive_statement(xctx *x, uint32_t c, uint32_t cls, int ns, uint32_t s0, uint32_t s1);
int hd_ex_periphrasis_statement(xctx *x, uint32_t c, uint32_t cls, uint32_t s0, uint32_t s1,
                                xnp *np); /* RS_* */
int hd_ex_participle_statement(xctx *x, uint32_t c, uint32_t s0, uint32_t s1, xnp *np,
                               uint32_t *next); /* RS_* */
int hd_ex_headline_statement(xctx *x, uint32_t s0, uint32_t s1);
/* Is word c a verb of saying that a title-case headline uses ("Says", "Tells", "Warns")? */
int hd_ex_headline_cue(const xctx *x, uint32_t c);
/* Did the subject of cue c not speak: negated (1) or passive (2)? */
int hd_ex_not_said(const xctx *x, uint32_t c, uint32_t s0);
/* reported_clause.c: where what was said starts */
extern const char *const hd_ex_be_words[];   /* "is", "was", …: a cue after one is passive */
extern const char *const hd_ex_time_units[]; /* "day", "weeks", …, singular and plural */
/* Past "for weeks", "for years", "for the first time" at j (how long or how often it was
 * said, not what for: "called for", "argued for"); j when there is none. */
uint32_t hd_ex_past_for_span(const xctx *x, uint32_t j, uint32_t end);
uint32_t hd_ex_clause_start(const xctx *x, uint32_t c, uint32_t cls, uint32_t end);
uint32_t hd_ex_skip_object(const xctx *x, uint32_t j, uint32_t end); /* "told reporters" */
int hd_ex_adverbial_only(const xctx *x, uint32_t a, uint32_t s1);    /* 2: where it was said */
/* reported_span.c: where what was said ends, and its statement */
void hd_ex_emit_reported(xctx *x, const xnp *np, uint32_t c0, uint32_t c1, uint32_t a, uint32_t b,
                         int pron_ok);
void hd_ex_emit_clause(xctx *x, const xnp *np, uint32_t c, uint32_t a, uint32_t b);
int hd_ex_compared_split(xctx *x, const xnp *np, uint32_t c, uint32_t a, uint32_t b);
void hd_ex_interrupted_rest(xctx *x, xstmt *s, uint32_t k, uint32_t s1);
uint32_t hd_ex_past_descriptions(const xctx *x, uint32_t e, uint32_t s1);
void hd_ex_rest_after_source(xctx *x, xstmt *s, uint32_t e, uint32_t s1, int need_aux);
/* reported_relative.c */
uint32_t hd_ex_relative_who(const xctx *x, uint32_t c, uint32_t s0);
int hd_ex_relative_cue(xctx *x, uint32_t c, uint32_t cls, uint32_t s0, uint32_t s1,
                       xnp *np); /* RS_* */
void hd_ex_relative_statements(xctx *x, uint32_t s0, uint32_t s1);
int hd_ex_personal_np(const xctx *x, const xnp *np);
void hd_ex_antecedent(const xctx *x, uint32_t s0, uint32_t rel, uint32_t *r0, uint32_t *r1);
/* reported_opener.c */
extern const char *const hd_ex_aux_words[];      /* "is", "has", "will", …: a verb of its own */
extern const char *const hd_ex_listener_words[]; /* "reporters", "him", "voters", … */
int hd_ex_has_aux(const xctx *x, uint32_t a, uint32_t b, int max_words);
int hd_ex_clause_opener(const xctx *x, uint32_t a, uint32_t b);
int hd_ex_lone_subordinate(const xctx *x, uint32_t s0, uint32_t comma);
uint32_t hd_ex_subordinate_end(const xctx *x, uint32_t s0, uint32_t np0, uint32_t a, uint32_t s1);
int hd_ex_opener_noun(const xctx *x, uint32_t c, uint32_t s0);

#endif
