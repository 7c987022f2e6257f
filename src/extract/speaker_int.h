/* SPDX-License-Identifier: MIT
 *
 * speaker_int.h — private interface between the files that find who speaks (extract stage).
 *
 *   speaker.c          hd_ex_np_left: the subject read leftwards from a cue
 *   speaker_comma.c    subjects before a comma: appositives, relative clauses, set-off phrases
 *   speaker_np.c       the noun phrase around its head word, and its referent; hd_ex_np_right
 *   speaker_sentence.c hd_ex_np_sentence_subject: the subject that opens a sentence
 *   speaker_referent.c referents followed in text order for pronouns
 *
 * The word tests below are inlined into every file; names shared between the files start
 * with hd_ex_.
 */
#ifndef HD_SPEAKER_INT_H
#define HD_SPEAKER_INT_H

#include "extract/extract_int.h"

/* Auxiliaries: a phrase holding one (outside a relative clause) is a clause, not a noun
 * phrase. */
static const char *const aux_words[] = {"is",    "was", "are",   "were",   "has",
                                        "have",  "had", "does",  "did",    "will",
                                        "would", "can", "could", "should", NULL};

static inline int pronoun(const xctx *x, uint32_t i)
{
    return tok_has(x, i, LW_PRON);
}

static inline int determiner(const xctx *x, uint32_t i)
{
    return tok_has(x, i, LW_DET);
}

static inline int cap_tok(const xctx *x, uint32_t i)
{
    return tok_word(x, i) && (x->t[i].flags & (TF_CAP | TF_ALLCAPS)) && !(x->t[i].flags & TF_DIGIT);
}

/* The closed quote ending at token c, when it is short, opens on a capital and is glued to a
 * word before it, after lo: a title or name inside a speaker's description ("the co-author of
 * “Going Viral,”", "wearing “Ted Cruz” campaign pins"), not words said; else NULL. */
static inline const xquote *quoted_title_at(const xctx *x, uint32_t c, uint32_t lo)
{
    if (x->t[c].kind != TK_QCLOSE || !x->t[c].qi)
        return NULL;
    const xquote *q = &x->q[x->t[c].qi - 1];
    return q->closed && q->close == c && q->open > lo && c - q->open <= 8 &&
                   (x->t[q->open + 1].flags & TF_CAP) && tok_word(x, q->open - 1)
               ? q
               : NULL;
}

/* Token i ends whatever stands before a subject (a clause boundary or function word). */
static inline int np_plain(const xctx *x, uint32_t i)
{
    return !tok_word(x, i) || tok_has(x, i, LW_FUNC);
}

/* ---- speaker_np.c -------------------------------------------------------------------------- */

/* The noun phrase whose head is token j (lo: the first token it may use): 1 and *np, else 0. */
int hd_ex_np_core(xctx *x, uint32_t j, uint32_t lo, xnp *np);
/* A lowercase word that can head a noun phrase: not a function word, verb form or adverb. */
int hd_ex_common_noun(const xctx *x, uint32_t i);
/* A common noun heading *np as the object of a preposition gives way to the speaker before
 * it ("residents of the town"). */
void hd_ex_pp_head(xctx *x, uint32_t j, uint32_t lo, xnp *np);
/* A place after "in", "near", "outside" locates the subject before it ("Police in Ferguson"). */
/* The first token of the noun phrase whose head is token j (from lo): its determiner,
 * possessor and modifiers ("the board's chief engineer"). speaker_np.c */
uint32_t hd_ex_np_start(const xctx *x, uint32_t j, uint32_t lo);
/* Is token k an -ing participle opening a modifier of the noun before it, with its object
 * after it ("Officials investigating the crash", "House Republicans supporting the bill")? Not
 * an -ing noun ("a summit meeting", "RICS housing spokesman"). speaker_np.c */
int hd_ex_participle_at(const xctx *x, uint32_t k);
void hd_ex_place_modifier(xctx *x, uint32_t lo, xnp *np);

/* ---- speaker_comma.c ----------------------------------------------------------------------- */

/* The subject of a cue whose last token before it (j) is a comma: 1 and *np, else 0. */
int hd_ex_comma_subject(xctx *x, uint32_t j, uint32_t lo, xnp *np);
/* An appositive whose closing comma is missing ("James Fry, vice-president of General Motors
 * told"): 1 and the person in *np, else 0. */
int hd_ex_unclosed_appositive(xctx *x, uint32_t j, uint32_t lo, xnp *np);
/* A state's abbreviation after a town ("Portsmouth, N.H.,")? */
int hd_ex_place_abbrev(const xctx *x, uint32_t k);

#endif
