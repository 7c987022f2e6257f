/* SPDX-License-Identifier: MIT
 *
 * test_extract.c — unit tests for src/extract: every quote shape and cue the stage claims,
 * speaker resolution (names, surnames, roles, pronouns), entities, and the quoted phrases
 * that must not become statements. Some sentences come from the seed pages and PolNeAR.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/fs.h"
#include "base/mem.h"
#include "extract/extract.h"
#include "extract/extract_int.h"

static hd_lexicon *lx;
static hd_arena arena;

typedef struct res {
    hd_statement *st;
    size_t n;
    hd_entity *ent;
    size_t n_ent;
    const char *body;
} res;

static int setup(void **state)
{
    (void)state;
    hd_err err = {0};
    if (hd_lexicon_load(HD_SOURCE_ROOT "/data", &lx, &err) != HD_OK) {
        fprintf(stderr, "lexicon: %s %s\n", err.where, err.msg);
        return -1;
    }
    hd_arena_init(&arena, 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    hd_arena_done(&arena);
    hd_lexicon_free(lx);
    return 0;
}

/* Every result stays valid to the end of the program: the arena is not reset between runs,
 * so a test may read an earlier result after a later run. */
static res run(const char *body)
{
    res r = {0};
    hd_err err = {0};
    r.body = body;
    assert_int_equal(hd_extract_statements(lx, &arena, NULL, body, strlen(body), &r.st, &r.n,
                                           &r.ent, &r.n_ent, &err),
                     HD_OK);
    return r;
}

/* The statement whose text contains `frag`; fails the test when there is none. */
static const hd_statement *find(const res *r, const char *frag)
{
    for (size_t i = 0; i < r->n; i++)
        if (strstr(r->st[i].text, frag))
            return &r->st[i];
    fail_msg("no statement contains \"%s\" (%zu statements)", frag, r->n);
    return NULL;
}

static int has(const res *r, const char *frag)
{
    for (size_t i = 0; i < r->n; i++)
        if (strstr(r->st[i].text, frag))
            return 1;
    return 0;
}

static void check(const res *r, const char *frag, const char *speaker, int direct, const char *cue)
{
    const hd_statement *s = find(r, frag);
    if (speaker)
        assert_non_null(s->speaker), assert_string_equal(s->speaker, speaker);
    else
        assert_null(s->speaker);
    assert_int_equal(s->direct, direct);
    if (cue)
        assert_non_null(s->cue), assert_string_equal(s->cue, cue);
    assert_true(s->start < s->end && s->end <= strlen(r->body));
}

static const hd_entity *entity(const res *r, const char *name)
{
    for (size_t i = 0; i < r->n_ent; i++)
        if (strcmp(r->ent[i].name, name) == 0)
            return &r->ent[i];
    return NULL;
}

/* ---- direct quotes ------------------------------------------------------------------------ */

static void test_quote_then_cue(void **state)
{
    (void)state;
    res r = run("Mayor John Smith opened the meeting.\n"
                "\"We will finish the bridge this year,\" Smith said.\n");
    check(&r, "We will finish the bridge this year", "John Smith", 1, "said");
    const hd_statement *s = find(&r, "finish the bridge");
    assert_memory_equal(r.body + s->start, "We will finish", 14);
}

static void test_quote_then_inverted_cue(void **state)
{
    (void)state;
    res r = run("\u201cThe budget is balanced,\u201d said Jane Doe, the finance minister.");
    check(&r, "The budget is balanced", "Jane Doe", 1, "said");
}

static void test_cue_colon_quote(void **state)
{
    (void)state;
    res r = run("Maria Lopez said: \u201cWe reject the offer in every form.\u201d");
    check(&r, "We reject the offer", "Maria Lopez", 1, "said");
}

static void test_cue_directly_before_quote(void **state)
{
    (void)state;
    /* seed page 000 */
    res r = run("Iranian Supreme Leader Ali Khamenei met commanders.\n"
                "Khamenei said \"forgetting the facts and truths of the Revolution by the "
                "Iranian nation is one of the goals of the world's Satans.\"");
    check(&r, "forgetting the facts", "Ali Khamenei", 1, "said");
}

static void test_he_added(void **state)
{
    (void)state;
    /* seed page 000 (Japan story) */
    res r = run("\"Regarding current events on the Korean Peninsula, cooperation between Russia "
                "and the DPRK came up as a topic of discussion,\" Takeo Akiba told reporters "
                "late Monday.\n"
                "\"I conveyed our country's serious concerns about this,\" he added after the "
                "talks with Wang Yi.");
    check(&r, "cooperation between Russia", "Takeo Akiba", 1, "told");
    check(&r, "I conveyed our country", "Takeo Akiba", 1, "added");
}

static void test_question_he_asked(void **state)
{
    (void)state;
    res r = run("Ayatollah Ali Khamenei spoke to volunteers.\n"
                "\u201cCan a zealous Iranian do what the US wants?\u201d he asked.");
    check(&r, "Can a zealous Iranian", "Ali Khamenei", 1, "asked");
}

static void test_split_quote(void **state)
{
    (void)state;
    res r = run("\"We have pieces in place,\" Senator Ann Brown said, \"but we must deepen "
                "them.\"");
    const hd_statement *s = find(&r, "We have pieces in place");
    assert_non_null(strstr(s->text, "but we must deepen them"));
    assert_string_equal(s->speaker, "Ann Brown");
    assert_int_equal(r.n, 1);
}

static void test_quote_cue_quote_same_paragraph(void **state)
{
    (void)state;
    /* PolNeAR style: the second quote after the cue sentence continues it */
    res r = run("\u201cThis is a worldwide fight,\u201d Clinton said on Thursday. \u201cOne, "
                "defeat ISIS in Syria. Two, harden our defenses.\u201d");
    const hd_statement *s = find(&r, "worldwide fight");
    assert_non_null(strstr(s->text, "harden our defenses"));
}

static void test_block_quote_after_colon(void **state)
{
    (void)state;
    res r = run("Health Minister Omar Khan said in a statement on Friday:\n"
                "\"The outbreak is under control and schools will reopen next week.\"\n"
                "Another paragraph follows here without quotes.");
    check(&r, "The outbreak is under control", "Omar Khan", 1, "said");
}

static void test_block_paragraph_unquoted(void **state)
{
    (void)state;
    res r = run("The company said in its report:\n"
                "Sales fell by a third in the last quarter of the year.\n");
    check(&r, "Sales fell by a third", "company", 1, "said");
}

static void test_continuation_paragraph(void **state)
{
    (void)state;
    /* seed page 000: a quoted paragraph with no cue continues the previous speaker */
    res r = run("State Department Deputy Spokesman Vedant Patel said in a daily briefing that the "
                "issue of five US citizens is separate from all other matters.\n"
                "\"We will continue to take steps to hold the Iranian regime accountable.\"\n"
                "He asserted that the US will coordinate with allies and partners.");
    check(&r, "issue of five US citizens", "Vedant Patel", 0, "said");
    check(&r, "We will continue to take steps", "Vedant Patel", 1, NULL);
    check(&r, "the US will coordinate", "Vedant Patel", 0, "asserted");
}

static void test_quote_spans_paragraphs(void **state)
{
    (void)state;
    res r = run("\u201cThe first paragraph of the long quote goes on here.\n"
                "\u201cAnd the second one ends it,\u201d said Paul Martin.");
    check(&r, "first paragraph of the long quote", "Paul Martin", 1, NULL);
    check(&r, "second one ends it", "Paul Martin", 1, "said");
}

static void test_nested_quotes(void **state)
{
    (void)state;
    res r = run("\u201cHe told me \u2018no way\u2019 and walked out of the room,\u201d Lisa Park "
                "said.");
    const hd_statement *s = find(&r, "no way");
    assert_non_null(strstr(s->text, "walked out of the room"));
    assert_string_equal(s->speaker, "Lisa Park");
}

static void test_nyt_double_apostrophe_quotes(void **state)
{
    (void)state;
    res r = run("''Usually we get that back,'' Ms. Acosta said.");
    check(&r, "Usually we get that back", "Acosta", 1, "said");
}

static void test_straight_and_curly_agree(void **state)
{
    (void)state;
    res a = run("\"The plan will not work for us,\" Tom Reed said.");
    check(&a, "The plan will not work", "Tom Reed", 1, "said");
    res b = run("\u201cThe plan will not work for us,\u201d Tom Reed said.");
    check(&b, "The plan will not work", "Tom Reed", 1, "said");
}

/* ---- reported speech ----------------------------------------------------------------------- */

static void test_reported_that(void **state)
{
    (void)state;
    /* seed page 000 */
    res r = run("Meanwhile, Iran's National Security and Foreign Policy Committee Chairman, Vahid "
                "Jalalzadeh, said that his country is preparing to hold talks to release the "
                "frozen assets in Iraq and India.");
    check(&r, "preparing to hold talks", "Vahid Jalalzadeh", 0, "said");
    const hd_statement *s = find(&r, "preparing to hold talks");
    assert_memory_equal(s->text, "his country", 11);
}

static void test_reported_verbs(void **state)
{
    (void)state;
    static const char *const verbs[] = {"said",     "told reporters", "added",  "warned",
                                        "asserted", "insisted",       "denied", "announced",
                                        "noted",    "explained",      NULL};
    for (int i = 0; verbs[i]; i++) {
        char body[256];
        snprintf(body, sizeof body,
                 "Prime Minister Karl Weber %s that the new tax would take effect in May.",
                 verbs[i]);
        res r = run(body);
        check(&r, "the new tax would take effect in May", "Karl Weber", 0, NULL);
    }
}

static void test_reported_parenthetical_that(void **state)
{
    (void)state;
    res r = run("Vahid Jalalzadeh chairs the committee.\n"
                "Jalalzadeh denied, in a statement to the state-run ISNA news agency, that the "
                "current negotiations were about the nuclear file.");
    const hd_statement *s = find(&r, "the current negotiations were about the nuclear file");
    assert_string_equal(s->speaker, "Vahid Jalalzadeh");
    assert_string_equal(s->cue, "denied");
    assert_null(strstr(s->text, "ISNA"));
}

static void test_said_on_tuesday_he_would(void **state)
{
    (void)state;
    /* seed page 000 */
    res r = run("US Secretary of State Anthony Blinken declined to confirm these reports.\n"
                "Blinken said on Tuesday he would welcome any Iranian steps to de-escalate its "
                "\"growing nuclear threat.\"");
    const hd_statement *s = find(&r, "he would welcome any Iranian steps");
    assert_string_equal(s->speaker, "Anthony Blinken");
    assert_string_equal(s->speaker_mention, "Blinken");
    assert_int_equal(s->direct, 0);
}

static void test_clause_then_cue(void **state)
{
    (void)state;
    /* seed page 000 */
    res r = run("Monday's high-level talks were at China's invitation, Japanese government "
                "spokesman Yoshimasa Hayashi said on Tuesday.");
    check(&r, "were at China's invitation", "Yoshimasa Hayashi", 0, "said");
}

static void test_according_to(void **state)
{
    (void)state;
    res r = run("Supreme Leader Ali Khamenei met volunteers.\n"
                "According to Khamenei, the problems can only be solved through resistance.\n"
                "These disturbers are the fingertips of the very enemies, according to the "
                "Leader.");
    check(&r, "the problems can only be solved", "Ali Khamenei", 0, "According to");
    check(&r, "These disturbers are the fingertips", "Ali Khamenei", 0, "according to");
}

static void test_described_as(void **state)
{
    (void)state;
    res r = run("Supreme Leader Ali Khamenei spoke on Sunday.\n"
                "The Leader had earlier described the developments as part of the \u201chybrid "
                "war\u201d waged by hostile countries.");
    check(&r, "the developments as part of", "Ali Khamenei", 0, "described");
}

static void test_heard_saying(void **state)
{
    (void)state;
    /* "X was heard saying", "was caught telling": X's words */
    res r = run("Robert Kilroy-Silk spoke at a meeting on Monday. Mr Kilroy-Silk was heard saying "
                "he was irritated by the decision.\n"
                "On the tape the senator was caught telling aides that the bill would fail.\n");
    check(&r, "he was irritated by the decision", "Robert Kilroy-Silk", 0, "saying");
    const hd_statement *s = find(&r, "the bill would fail");
    assert_string_equal(s->speaker_mention, "the senator");
}

static void test_began_saying(void **state)
{
    (void)state;
    /* "X began saying", "immediately began calling for": X's words, not "began"'s */
    res r = run("The billionaire businessman began saying that heroin is now cheaper than candy.\n"
                "After the shooting the community immediately began calling for the mayor to "
                "resign.\n");
    const hd_statement *s = find(&r, "heroin is now cheaper than candy");
    assert_string_equal(s->speaker_mention, "The billionaire businessman");
    s = find(&r, "the mayor to resign");
    assert_string_equal(s->speaker_mention, "the community");
    assert_int_equal(strncmp(s->text, "the mayor", 9), 0);
}

static void test_subject_ends_before_its_verb(void **state)
{
    (void)state;
    /* "The bank gave no details but said …": the subject ends before a verb in the past */
    res r = run("The central bank gave no details but said financial groups should be allowed "
                "to have banking subsidiaries.\n"
                "The FDIC sold twenty loans on Monday and said it intends to sell the rest as "
                "quickly as possible.\n");
    const hd_statement *s = find(&r, "financial groups should be allowed");
    assert_string_equal(s->speaker_mention, "The central bank");
    s = find(&r, "it intends to sell the rest");
    assert_string_equal(s->speaker_mention, "The FDIC");
    /* four letters are enough for a verb: "sued" */
    res r2 = run("His campaign sued the party in federal court on Friday, claiming the move would "
                 "cost the campaign $600,000 a day.\n");
    s = find(&r2, "the move would cost the campaign");
    assert_string_equal(s->speaker_mention, "His campaign");
}

static void test_participle_saying(void **state)
{
    (void)state;
    /* seed page 000: "warned against" is not a cue, ", saying" is */
    res r = run("Iranian Supreme Leader Ali Khamenei met IRGC commanders.\n"
                "He also implicitly warned against the involvement of the Guards' leaders in "
                "corruption, saying everyone could make mistakes.");
    const hd_statement *s = find(&r, "everyone could make mistakes");
    assert_string_equal(s->speaker, "Ali Khamenei");
    assert_string_equal(s->cue, "saying");
    assert_false(has(&r, "against the involvement of the Guards"));
}

static void test_unknown_speaker_is_null(void **state)
{
    (void)state;
    /* a common noun phrase is its own speaker: what the text says, not a guess */
    res r = run("\"We are ready for any outcome,\" the regional water board said.");
    const hd_statement *s = find(&r, "We are ready for any outcome");
    assert_string_equal(s->speaker, "regional water board");
    assert_string_equal(s->speaker_mention, "the regional water board");
    res r2 = run("\"We are ready for any outcome,\" he said.");
    s = find(&r2, "We are ready");
    assert_null(s->speaker); /* no antecedent: no guess */
    assert_string_equal(s->speaker_mention, "he");
}

/* ---- speakers: roles, pronouns, surnames --------------------------------------------------- */

static void test_role_before_name(void **state)
{
    (void)state;
    /* seed page 002: the role speaks first, the name comes later */
    res r = run("Only after giving concessions in all fundamental areas would the US leave Iran "
                "alone, the Leader said\n"
                "Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei said negotiation "
                "would not resolve Iran's issues with the United States.");
    check(&r, "Only after giving concessions", "Ali Khamenei", 0, "said");
    check(&r, "negotiation would not resolve", "Ali Khamenei", 0, "said");
}

static void test_role_resolves_to_holder(void **state)
{
    (void)state;
    res r = run("Iranian Supreme Leader Ali Khamenei spoke to commanders.\n"
                "The leader accused his country's enemies of stirring up crises.");
    check(&r, "stirring up crises", "Ali Khamenei", 0, "accused");
}

static void test_role_then_unroled_name(void **state)
{
    (void)state;
    /* seed page 000: "Japan's top national security official" is Takeo Akiba */
    res r = run("Japan's top national security official said he conveyed \"serious concerns\" "
                "to China's foreign minister.\n"
                "President Xi Jinping and Prime Minister Shigeru Ishiba may meet.\n"
                "\"Cooperation between Russia and the DPRK came up,\" Takeo Akiba told "
                "reporters.");
    const hd_statement *s = find(&r, "he conveyed");
    assert_string_equal(s->speaker, "Takeo Akiba");
    assert_string_equal(s->speaker_mention, "Japan's top national security official");
}

static void test_pronoun_most_recent_speaker(void **state)
{
    (void)state;
    res r = run("Ann Lee spoke first. \"We will vote no,\" Lee said.\n"
                "Then Bob Gray took the floor.\n"
                "\"We will vote yes,\" Gray said.\n"
                "\"It is the right thing to do,\" he added.");
    check(&r, "We will vote no", "Ann Lee", 1, "said");
    check(&r, "the right thing to do", "Bob Gray", 1, "added");
}

static void test_pronoun_gender(void **state)
{
    (void)state;
    res r = run("Mrs. Ann Lee opened the debate.\n"
                "Mr. Bob Gray answered for the government.\n"
                "\"We will not accept this budget,\" she said.\n"
                "\"It is the only budget we have,\" he said.");
    check(&r, "We will not accept this budget", "Ann Lee", 1, "said");
    check(&r, "the only budget we have", "Bob Gray", 1, "said");
}

static void test_appositive_subjects(void **state)
{
    (void)state;
    res r = run("The commander of Iran's ground forces, General Muhammad Pakpour, announced on "
                "25 November that troops would be sent to the border regions.\n"
                "Vedant Patel, a State Department spokesman, said the talks had stalled again.\n"
                "\"That is a legitimate concern,\" Susan Sarandon, 69, told MSNBC.");
    check(&r, "troops would be sent", "Muhammad Pakpour", 0, "announced");
    check(&r, "the talks had stalled again", "Vedant Patel", 0, "said");
    check(&r, "That is a legitimate concern", "Susan Sarandon", 1, "told");
}

/* ---- entities ------------------------------------------------------------------------------- */

static void test_entities(void **state)
{
    (void)state;
    res r = run("Iranian Supreme Leader Ali Khamenei met the Foreign Ministry in Tehran.\n"
                "Ayatollah Seyyed Ali Khamenei said Iran would not negotiate.\n"
                "Khamenei spoke for an hour. The Wall Street Journal reported on it.");
    const hd_entity *e = entity(&r, "Ali Khamenei");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_PERSON);
    assert_true(e->n_mentions >= 3);
    e = entity(&r, "Iran");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_PLACE);
    e = entity(&r, "Foreign Ministry");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_ORG);
    e = entity(&r, "Wall Street Journal");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_ORG);
    assert_null(entity(&r, "Supreme Leader Ali Khamenei"));
    /* demonyms name their country; month names end a name only where they are dates */
    res r3 = run("Iranian officials met US envoys. Theresa May said talks in September and "
                 "New York May 5 trading would go ahead.");
    e = entity(&r3, "Iran");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_PLACE);
    assert_non_null(entity(&r3, "United States"));
    assert_non_null(entity(&r3, "Theresa May"));
    assert_non_null(entity(&r3, "New York"));
    assert_null(entity(&r3, "September"));
    assert_null(entity(&r3, "Iranian"));
    /* given names that are also region names, surnames that are also countries */
    res r4 = run("The chief, Paul Manafort, suggested that the candidate would change.\n"
                 "Rep. Jim Jordan spoke. Jordan said the vote was close.");
    check(&r4, "the candidate would change", "Paul Manafort", 0, "suggested");
    check(&r4, "the vote was close", "Jim Jordan", 0, "said");
    e = entity(&r4, "Paul Manafort");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_PERSON);
    /* regions come from iso_3166-2.json */
    res r2 = run("Ontario sent officials to the talks.");
    e = entity(&r2, "Ontario");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_PLACE);
    assert_null(entity(&r, "Seyyed Ali Khamenei"));
}

/* ---- organisations as speakers (wire copy) ------------------------------------------------- */

/* An unknown one-word name that speaks is an organisation, which "the company" and "it" find
 * later; a definite description finds the organisation whose name has its head noun. */
static void test_org_descriptions(void **state)
{
    (void)state;
    res r = run("Avery said its board authorized a two for one stock split.\n"
                "The company said the split is effective March 16.\n"
                "It said the dividend rises by 10.5 pct.");
    check(&r, "board authorized", "Avery", 0, "said");
    check(&r, "split is effective", "Avery", 0, "said");
    check(&r, "dividend rises", "Avery", 0, "said");
    const hd_entity *e = entity(&r, "Avery");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_ORG);
    res r2 = run("The Reserve Bank said it cancelled the weekly treasury bill tender.\n\n"
                 "The bank said it expects to hold a tender next week.\n\n"
                 "The Bank said money supply grew.");
    check(&r2, "hold a tender", "Reserve Bank", 0, "said");
    check(&r2, "money supply grew", "Reserve Bank", 0, "said");
    /* no organisation answers: the description speaks for itself */
    res r3 = run("The company said sales rose 12 pct in the quarter.");
    check(&r3, "sales rose", "company", 0, "said");
    /* the head noun must match: "the ministry" is not the bank */
    res r4 = run("The Bank of Japan said rates would stay low. The ministry said exports fell by a "
                 "fifth last year.");
    check(&r4, "rates would stay", "Bank of Japan", 0, "said");
    check(&r4, "exports fell", "ministry", 0, "said");
    /* a common noun capitalised by the sentence start is still one */
    res r5 = run("Analysts said the dollar would fall further. Dealers said trade was thin.");
    check(&r5, "dollar would fall", "analysts", 0, "said");
    check(&r5, "trade was thin", "dealers", 0, "said");
    assert_null(entity(&r5, "Analysts"));
    /* a word the article also writes in lower case is no name ("Others" / "others") */
    res r6 = run("Others said the plan would fail. Some others disagreed with that view.");
    assert_null(entity(&r6, "Others"));
}

/* Company names run on over "and", "&", a comma and a possessive up to their legal form; a
 * role word inside one splits nothing; a place's possessive stays apart. */
static void test_company_names(void **state)
{
    (void)state;
    res r = run("Moody's Investors Service Inc said it downgraded the debt.\n"
                "Standard and Poor's Corp said it placed the bonds on creditwatch.\n"
                "Sears, Roebuck and Co said it will restructure its distribution.\n"
                "General Motors Corp said car sales fell.\n"
                "Japan's Nomura Securities Co said it would open an office in Zurich.\n"
                "Moody's said the outlook was stable.");
    check(&r, "downgraded the debt", "Moody's Investors Service Inc", 0, "said");
    check(&r, "creditwatch", "Standard and Poor's Corp", 0, "said");
    check(&r, "restructure", "Sears Roebuck and Co", 0, "said");
    check(&r, "car sales fell", "General Motors Corp", 0, "said");
    check(&r, "open an office", "Nomura Securities Co", 0, "said");
    /* the short name is the company named in full before */
    check(&r, "outlook was stable", "Moody's Investors Service Inc", 0, "said");
    const hd_entity *e = entity(&r, "General Motors Corp");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_ORG);
    assert_non_null(entity(&r, "Japan"));
    res r2 = run("Ohio Mattress Co said profits may fall. Gulf Applied Technologies Inc said it "
                 "sold two units.");
    e = entity(&r2, "Ohio Mattress Co");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_ORG);
    e = entity(&r2, "Gulf Applied Technologies Inc");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_ORG);
}

/* Names that end or start with a word of data/org_cues.txt are organisations, also when the
 * word is part of a hyphenated one ("Bank-Houston"); a person type would let them take the
 * pronouns and roles of people. */
static void test_org_words(void **state)
{
    (void)state;
    res r = run("Salomon Brothers said bond prices would rise.\n"
                "Montgomery Securities said it upgraded the stock.\n"
                "Texas Commerce Bank-Houston said it filed an application.\n"
                "Hilton International said occupancy improved.\n"
                "Houston Oil Trust said royalties fell. The trust said no payment would be made.");
    const char *orgs[] = {"Salomon Brothers", "Montgomery Securities",
                          "Texas Commerce Bank-Houston", "Hilton International",
                          "Houston Oil Trust"};
    for (size_t i = 0; i < sizeof orgs / sizeof *orgs; i++) {
        const hd_entity *e = entity(&r, orgs[i]);
        assert_non_null(e);
        assert_int_equal(e->kind, HD_ENT_ORG);
    }
    check(&r, "upgraded the stock", "Montgomery Securities", 0, "said");
    check(&r, "no payment would be made", "Houston Oil Trust", 0, "said");
}

static void assert_kind(const res *r, const char *name, hd_entity_kind kind)
{
    const hd_entity *e = entity(r, name);
    if (!e)
        fail_msg("no entity \"%s\"", name);
    assert_int_equal(e->kind, kind);
}

/* Entity kinds from signs in the text, not from the shape of capitals alone. */
static void test_entity_kinds(void **state)
{
    (void)state;
    res r = run("The U.S. said it would act. Trading ended at 1400 GMT.\n"
                "NOTE: figures are provisional.\n"
                "NYSE COMPOSITE 168.38 UP 1.62 NYSE INDUSTRIALS 203.81 UP 2.34\n"
                "The Securities and Exchange Commission said it would look into the sale.\n"
                "The Treasury and Federal Reserve officials met. The IMF and World Bank agreed.\n"
                "Los Angeles officials said the Los Angeles Times was wrong.\n"
                "The United Nations said aid would flow. Congress passed the bill.\n"
                "Merrill Lynch and Co said it would buy the unit. Merrill Lynch said prices "
                "would rise. End Stocks fell as stocks were sold.\n"
                "Company also said it will raise the dividend to six cts.");
    assert_kind(&r, "United States", HD_ENT_PLACE);
    assert_null(entity(&r, "U.S."));
    assert_null(entity(&r, "GMT"));
    assert_null(entity(&r, "NOTE"));
    assert_null(entity(&r, "UP"));
    assert_kind(&r, "Securities and Exchange Commission", HD_ENT_ORG);
    assert_null(entity(&r, "Exchange Commission"));
    assert_null(entity(&r, "Treasury and Federal Reserve"));
    assert_kind(&r, "Federal Reserve", HD_ENT_ORG);
    assert_kind(&r, "IMF", HD_ENT_ORG);
    assert_kind(&r, "World Bank", HD_ENT_ORG);
    assert_kind(&r, "Los Angeles", HD_ENT_PLACE);
    assert_kind(&r, "Los Angeles Times", HD_ENT_ORG);
    res r2 = run("Bank of America said it would cut rates. The Gulf of Mexico was calm. The "
                 "Central Bureau of Statistics said prices rose in March.");
    assert_kind(&r2, "Bank of America", HD_ENT_ORG);
    assert_kind(&r2, "Gulf of Mexico", HD_ENT_PLACE);
    assert_kind(&r2, "Central Bureau of Statistics", HD_ENT_ORG);
    /* an acronym that is no place before a place is a firm's arm there */
    res r4 = run("NEW YORK, March 3 - IBM Europe said sales rose. MTV Asia will open a channel.\n"
                 "The Midwest was dry.");
    assert_kind(&r4, "NEW YORK", HD_ENT_PLACE);
    assert_kind(&r4, "IBM Europe", HD_ENT_ORG);
    assert_kind(&r4, "MTV Asia", HD_ENT_ORG);
    /* a role and a word the article also writes in lower case, after "the", name a thing */
    res r5 = run("The Tories will announce their plans before the General Election. The election "
                 "is in May. The late President Suharto said the talks would go on.");
    assert_null(entity(&r5, "Election"));
    assert_kind(&r5, "Suharto", HD_ENT_PERSON);
    assert_kind(&r, "United Nations", HD_ENT_ORG);
    assert_kind(&r, "Congress", HD_ENT_ORG);
    /* the names of laws, indexes and wars are no person's */
    res r3 = run("The Tax Reform Act limited deductions and the Nikkei Stock Average rose, while "
                 "Special Drawing Rights fell after the Second World War ended.");
    for (size_t i = 0; i < r3.n_ent; i++)
        if (r3.ent[i].kind == HD_ENT_PERSON)
            fail_msg("\"%s\" taken for a person", r3.ent[i].name);
    /* "Merrill Lynch" is the firm "Merrill Lynch and Co" named in full before it */
    assert_kind(&r, "Merrill Lynch and Co", HD_ENT_ORG);
    assert_null(entity(&r, "Merrill Lynch"));
    check(&r, "prices would rise", "Merrill Lynch and Co", 0, "said");
    const hd_entity *e = entity(&r, "End Stocks");
    assert_true(!e || e->kind != HD_ENT_PERSON);
    assert_null(entity(&r, "Company"));
    check(&r, "raise the dividend", "company", 0, "said");
}

/* One lower-case word before a legal form stays inside the firm's name (Reuters writes
 * "K mart Corp" and "IC industries Inc"); not a possessive or a word after a function
 * word. */
static void test_firm_name_with_lower_case_word(void **state)
{
    (void)state;
    res r = run("IC industries Inc said Karl Bays has been elected chairman.\n"
                "Bonds are being issued, said Fuji International finance Ltd as lead manager.\n"
                "Officials of the so-called Group of Five met. Last week's Group of Seven "
                "meeting ended.\n");
    assert_kind(&r, "IC industries Inc", HD_ENT_ORG);
    check(&r, "Karl Bays has been elected", "IC industries Inc", 0, "said");
    assert_null(entity(&r, "Inc"));
    check(&r, "Bonds are being issued", "Fuji International finance Ltd", 0, "said");
    assert_null(entity(&r, "Ltd"));
    assert_null(entity(&r, "so-called Group of Five"));
    assert_null(entity(&r, "week's Group of Seven"));
    assert_null(entity(&r, "Last week's Group of Seven"));
}

/* "<person> of <organisation or place>" is two names, and the person speaks. */
static void test_person_of(void **state)
{
    (void)state;
    res r = run("Rates will rise this year, said Sanford Margoshes of Shearson Lehman Brothers.\n"
                "Senator Robert Dole of Kansas said the bill would pass this week.\n"
                "Barnett Banks of Florida Inc said it bought two banks in March.\n"
                "The Bank of England said rates were right for now.");
    check(&r, "Rates will rise", "Sanford Margoshes", 0, "said");
    check(&r, "the bill would pass", "Robert Dole", 0, "said");
    assert_kind(&r, "Shearson Lehman Brothers", HD_ENT_ORG);
    assert_kind(&r, "Kansas", HD_ENT_PLACE);
    assert_kind(&r, "Barnett Banks of Florida Inc", HD_ENT_ORG);
    check(&r, "it bought two banks", "Barnett Banks of Florida Inc", 0, "said");
    check(&r, "rates were right", "Bank of England", 0, "said");
    res r2 = run("Brenda Johnson, 62, of Ohio, said she would vote for him in November.");
    check(&r2, "she would vote for him", "Brenda Johnson", 0, "said");
}

/* A name typed an organisation only for want of a person's shape ("Station Road") is not
 * what "the company" or "the water company" points back to. */
static void test_description_needs_an_organisation(void **state)
{
    (void)state;
    res r = run("Station Road will be closed for five days while engineers replace a cracked "
                "main, the council said.\n"
                "Buses will be diverted via Mill Lane while the road is shut, according to the "
                "water company.");
    const hd_statement *s = find(&r, "Buses will be diverted");
    assert_true(!s->speaker || strcmp(s->speaker, "Station Road") != 0);
}

/* A quote the sentence goes on after is a mixed quotation: reported, quote included. */
static void test_mixed_quote(void **state)
{
    (void)state;
    res r = run("Obama said \u201cit gets me mad\u201d every time he thinks about the children.\n"
                "Trump said \u201cVery good reporter, very good reporter this guy,\u201d and left "
                "the stage.");
    const hd_statement *s = find(&r, "it gets me mad");
    assert_string_equal(s->speaker, "Obama");
    assert_false(s->direct);
    assert_non_null(strstr(s->text, "every time he thinks about the children"));
    s = find(&r, "Very good reporter");
    assert_true(s->direct);
    assert_null(strstr(s->text, "left the stage"));
}

/* A public body's name with "and" in it, after a place's or a house's word, is one name:
 * "House Ways and Means Committee", "National Aeronautics and Space Administration", "U.S.
 * Food and Drug Administration"; two firms or a person and a fund are not ("Virginia Federal
 * and Montrose Capital", "Paul Volcker and International Monetary Fund managing director"). A
 * group of people named after such a body speaks under its whole name. */
static void test_and_in_public_body_names(void **state)
{
    (void)state;
    res r =
        run("The bill went to the House Ways and Means Committee on Tuesday.\n"
            "The National Aeronautics and Space Administration launched the probe.\n"
            "U.S. Food and Drug Administration officials said the drug was safe.\n"
            "The Brazilian Geography and Statistics Institute said consumer prices rose 5 pct.\n"
            "Shares of Virginia Federal and Montrose Capital rose.\n"
            "Federal Reserve Board chairman Paul Volcker and International Monetary Fund "
            "managing director Michel Camdessus met on Monday.\n"
            "The International Monetary Fund and World Bank agreed.");
    assert_kind(&r, "House Ways and Means Committee", HD_ENT_ORG);
    assert_null(entity(&r, "House Ways"));
    assert_null(entity(&r, "Means Committee"));
    assert_kind(&r, "National Aeronautics and Space Administration", HD_ENT_ORG);
    assert_kind(&r, "U.S. Food and Drug Administration", HD_ENT_ORG);
    assert_kind(&r, "Brazilian Geography and Statistics Institute", HD_ENT_ORG);
    assert_null(entity(&r, "Virginia Federal and Montrose Capital"));
    assert_null(entity(&r, "Paul Volcker and International Monetary Fund"));
    assert_kind(&r, "Paul Volcker", HD_ENT_PERSON);
    assert_kind(&r, "International Monetary Fund", HD_ENT_ORG);
    assert_kind(&r, "World Bank", HD_ENT_ORG);
    check(&r, "the drug was safe", "U.S. Food and Drug Administration officials", 0, "said");
    check(&r, "prices rose", "Brazilian Geography and Statistics Institute", 0, "said");
}

/* A public body named "<Department> of X and Y" is one name, up to a title or a person after
 * it; a firm's or a school's name and an acronym are not run on over "and". */
static void test_and_in_department_names(void **state)
{
    (void)state;
    res r = run("The Department of Health and Human Services said the rule would take effect "
                "next year.\n"
                "Office of Management and Budget James Miller said the deficit would fall.\n"
                "Japan's Ministry of International Trade and Industry (MITI) said exports rose "
                "in March.\n"
                "Bank of America and Wells Fargo raised their fees.\n"
                "The Development Committee of the IMF and World Bank met in Washington.\n"
                "Researchers at the New York State Department of Health and State University "
                "of New York found the drug worked.");
    assert_kind(&r, "Department of Health and Human Services", HD_ENT_ORG);
    assert_null(entity(&r, "Human Services"));
    assert_kind(&r, "Office of Management and Budget", HD_ENT_ORG);
    assert_kind(&r, "James Miller", HD_ENT_PERSON);
    assert_kind(&r, "Ministry of International Trade and Industry", HD_ENT_ORG);
    assert_kind(&r, "Bank of America", HD_ENT_ORG);
    assert_null(entity(&r, "Bank of America and Wells Fargo"));
    assert_null(entity(&r, "Development Committee of the IMF and World Bank"));
    assert_kind(&r, "World Bank", HD_ENT_ORG);
    assert_kind(&r, "State University of New York", HD_ENT_ORG);
    check(&r, "the rule would take effect", "Department of Health and Human Services", 0, "said");
    check(&r, "the deficit would fall", "James Miller", 0, "said");
}

/* "he" after a sentence whose subject is a role with its complement and then its holder ("The
 * minister of sport Jaime Lissavetzky was quick to …") is the holder; after "A spokesman for
 * the Villa Rica cooperative said …" it is no one named in that phrase. */
static void test_he_after_role_with_complement(void **state)
{
    (void)state;
    res r = run("The minister of sport Jaime Lissavetzky was quick to back the federation.\n"
                "\"We are going to have zero tolerance in questions of racism,\" he said.");
    check(&r, "zero tolerance", "Jaime Lissavetzky", 1, "said");
    res r2 = run("Justo Marin Ludena, president of the Cafe Peru group, told Reuters the "
                 "harvest would be large.\n"
                 "A spokesman for the Villa Rica cooperative said flood waters had not reached "
                 "the plantations.\n"
                 "He said Peru exported 1,381,009 quintales last year.");
    const hd_statement *s = find(&r2, "Peru exported");
    assert_true(s->speaker == NULL || strstr(s->speaker, "Villa") == NULL);
}

/* A place after "from" says where a person is from ("A man from Leeds said"); research or a
 * report from somewhere is that source's. */
static void test_person_from_a_place(void **state)
{
    (void)state;
    res r = run("A man from Leeds said the council had ignored the complaints for years.\n"
                "Officials from Iran said the talks would resume next week.\n"
                "Research from Halifax said house prices rose 2 pct in March.");
    const hd_statement *s = find(&r, "ignored the complaints");
    assert_true(s->speaker == NULL || strcmp(s->speaker, "Leeds") != 0);
    assert_string_equal(s->speaker_mention, "A man from Leeds");
    s = find(&r, "the talks would resume");
    assert_true(s->speaker == NULL || strcmp(s->speaker, "Iran") != 0);
    check(&r, "house prices rose", "Halifax", 0, "said");
}

/* "X himself, who told …" is X; a summit named with its acronym is a listener ("told the Asia
 * Pacific Economic Co-operation (Apec) summit in Chile that …"). */
static void test_himself_who_told_a_summit(void **state)
{
    (void)state;
    res r = run("The latest to pitch in has been President George W Bush himself, who told the "
                "Asia Pacific Economic Co-operation (Apec) summit in Chile that he remained "
                "committed to halving the budget deficit.");
    const hd_statement *s = find(&r, "he remained committed");
    assert_string_equal(s->speaker, "George W Bush");
    assert_true(strncmp(s->text, "he remained", 11) == 0);
}

/* A firm named for two people, given in full once ("Duff and Phelps Credit Rating Co"), keeps
 * its "and" when the article shortens it ("Duff and Phelps said"); two people do not. */
static void test_firm_named_for_two(void **state)
{
    (void)state;
    res r = run("Duff and Phelps Credit Rating Co said it lowered the rating of the debt.\n"
                "Duff and Phelps said the outlook was stable for the rest of the year.\n"
                "Standard and Poor's Corp cut the rating. Standard and Poor's said the outlook "
                "was negative for the bonds.\n"
                "Reagan and Gorbachev met in Iceland on Sunday.");
    check(&r, "the outlook was stable", "Duff and Phelps Credit Rating Co", 0, "said");
    check(&r, "the outlook was negative", "Standard and Poor's Corp", 0, "said");
    assert_null(entity(&r, "Phelps"));
    assert_null(entity(&r, "Poor's"));
    assert_null(entity(&r, "Reagan and Gorbachev"));
}

/* Two people who said something together are two speakers of it, before the cue or after it;
 * a list of three and a person beside an organisation are not. */
static void test_two_speakers_together(void **state)
{
    (void)state;
    res r = run("Jeb Bush and Chris Christie say the plan would cost too much.\n"
                "\"The farm credit system needs a secondary market,\" said Frank Naylor and "
                "Tim Beesley.\n"
                "Reporters asked Smith, Jones and Bush about the plan.");
    size_t bush = 0, christie = 0, naylor = 0, beesley = 0;
    for (size_t i = 0; i < r.n; i++) {
        const hd_statement *s = &r.st[i];
        if (strstr(s->text, "cost too much")) {
            bush += s->speaker && !strcmp(s->speaker, "Jeb Bush");
            christie += s->speaker && !strcmp(s->speaker, "Chris Christie");
            assert_string_equal(s->speaker_mention, "Jeb Bush and Chris Christie");
        }
        if (strstr(s->text, "secondary market")) {
            naylor += s->speaker && !strcmp(s->speaker, "Frank Naylor");
            beesley += s->speaker && !strcmp(s->speaker, "Tim Beesley");
        }
    }
    assert_int_equal(bush, 1);
    assert_int_equal(christie, 1);
    assert_int_equal(naylor, 1);
    assert_int_equal(beesley, 1);
}

/* A company name that has its legal form is whole: "X Co and Y Inc", "A Inc, B Corp and C
 * Corp" are firms side by side, and two firms that said something together are two speakers
 * of it. A name cut by "and" that is no firm's ("American Telephone and Telegraph" written
 * without its legal form, "Culture, Media and Sport") is no pair of speakers. */
static void test_two_firms_together(void **state)
{
    (void)state;
    res r = run("Standard Oil Co and BP North America Inc said they plan to form a venture to "
                "manage their money market borrowing.\n"
                "Texaco Inc, Chevron Corp and Mobil Corp said prices would rise.\n"
                "American Telephone and Telegraph said it will redeem its preferred shares.\n"
                "American Telephone and Telegraph Co and Telerate Inc said they will form a "
                "partnership.");
    assert_non_null(entity(&r, "Standard Oil Co"));
    assert_non_null(entity(&r, "BP North America Inc"));
    assert_null(entity(&r, "Standard Oil Co and BP North America Inc"));
    assert_non_null(entity(&r, "Texaco Inc"));
    assert_non_null(entity(&r, "Chevron Corp"));
    assert_non_null(entity(&r, "Mobil Corp"));
    assert_null(entity(&r, "Texaco Inc, Chevron Corp"));
    assert_non_null(entity(&r, "American Telephone and Telegraph Co"));
    size_t so = 0, bp = 0, att = 0, tel = 0, redeem = 0;
    for (size_t i = 0; i < r.n; i++) {
        const hd_statement *s = &r.st[i];
        const char *sp = s->speaker ? s->speaker : "";
        if (strstr(s->text, "form a venture")) {
            so += !strcmp(sp, "Standard Oil Co");
            bp += !strcmp(sp, "BP North America Inc");
            assert_string_equal(s->speaker_mention, "Standard Oil Co and BP North America Inc");
        }
        if (strstr(s->text, "form a partnership")) {
            att += !strcmp(sp, "American Telephone and Telegraph Co");
            tel += !strcmp(sp, "Telerate Inc");
        }
        /* one speaker here, whatever its name: "American Telephone" and "Telegraph" are not two */
        redeem += strstr(s->text, "redeem its preferred") != NULL;
    }
    assert_int_equal(so, 1);
    assert_int_equal(bp, 1);
    assert_int_equal(att, 1);
    assert_int_equal(tel, 1);
    assert_int_equal(redeem, 1);
}

/* Parties are organisations, whole ("Liberal Democrats", "Lib Dems", "Christian Democrats") or
 * by one word ("Labour", "Democrats"), even at a sentence start or after "to": not people
 * whom a role mentioned before could be ("The Tory leader said" is not the Lib Dems), nor
 * places. So are groups named by a role's plural ("Labour MPs"). */
static void test_parties_are_organisations(void **state)
{
    (void)state;
    res r = run("Michael Howard has denied his shadow cabinet was split over the plans.\n"
                "The Tory leader said his team had reached a view after a good discussion. The "
                "Lib Dems have pledged to oppose the bill. The Liberal Democrats said it was "
                "wrong.\n"
                "Democrats said the vote was close. Two members defected to Labour last year. "
                "The Christian Democrats said they would stay in the coalition.");
    assert_kind(&r, "Lib Dems", HD_ENT_ORG);
    assert_kind(&r, "Liberal Democrats", HD_ENT_ORG);
    assert_kind(&r, "Labour", HD_ENT_ORG);
    assert_kind(&r, "Christian Democrats", HD_ENT_ORG);
    check(&r, "his team had reached a view", "Michael Howard", 0, "said");
    check(&r, "it was wrong", "Liberal Democrats", 0, "said");
    /* a name ending with a role's plural is a group, not a person; a DJ is a role */
    res r2 = run("Labour MPs said the vote was close. Agriculture Ministers met on Monday. "
                 "Capital Radio DJ Margherita Taylor will select the questions.");
    assert_kind(&r2, "Labour MPs", HD_ENT_ORG);
    assert_kind(&r2, "Agriculture Ministers", HD_ENT_ORG);
    assert_kind(&r2, "Margherita Taylor", HD_ENT_PERSON);
    assert_null(entity(&r2, "Capital Radio DJ Margherita Taylor"));
    /* a party's member before a name is a role; the party's singular is the party */
    res r3 = run("But Lib Dem Norman Baker accused ministers of turning Britain into a dump. Lib "
                 "Dem leader Charles Kennedy said taxes must rise.");
    check(&r3, "ministers of turning Britain", "Norman Baker", 0, "accused");
    assert_null(entity(&r3, "Lib Dem Norman Baker"));
    assert_kind(&r3, "Lib Dem", HD_ENT_ORG);
}

/* A role phrase of several words is bound under its last word too, which heads its later
 * mentions: "Secretary of State John Kerry" … "The Secretary of State added". */
static void test_phrase_role_mentioned_again(void **state)
{
    (void)state;
    res r = run("Secretary of State John Kerry said the talks would resume next week in Geneva.\n"
                "The Secretary of State added that Iran must comply with the deal.\n"
                "Chancellor of the Exchequer Gordon Brown said growth would be strong. The "
                "Chancellor of the Exchequer added that inflation would stay low.");
    check(&r, "Iran must comply", "John Kerry", 0, "added");
    check(&r, "inflation would stay low", "Gordon Brown", 0, "added");
    /* a name after an office's comma is a person's, even one whose word the article also
     * writes in lower case ("may be covered"); "She" then finds her, not the next woman */
    res r2 = run("The Shadow Secretary of State for the Family, Theresa May, said: \"These plans "
                 "were announced in December.\"\n"
                 "She said the Conservatives would announce their proposals soon. Liberal "
                 "Democrat spokeswoman Sandra Gidley said: \"Mothers would welcome any extra "
                 "pay.\" Most costs may be covered by the government, he said.");
    assert_kind(&r2, "Theresa May", HD_ENT_PERSON);
    check(&r2, "the Conservatives would announce", "Theresa May", 0, "said");
    /* the object of "in" before the cue is where the speaker is */
    res r3 = run("Officials in Tehran said the talks had failed. A spokesman for the Bundesbank "
                 "in Frankfurt said rates would stay low.");
    assert_kind(&r3, "Tehran", HD_ENT_PLACE);
    assert_kind(&r3, "Frankfurt", HD_ENT_PLACE);
    check(&r3, "rates would stay low", "Bundesbank", 0, "said");
}

/* Words of saying used for something else are no statements: "calls" as a noun, the writer's
 * "It should be noted that", "observed voting", "added X to Y", "alleged" before a noun;
 * their speech senses stay. */
static void test_saying_words_not_said(void **state)
{
    (void)state;
    res r = run("And there were near-constant calls of \"Feel the Bern\" as he passed by.\n"
                "She has brushed off Democratic calls for her to bow out.\n"
                "It should be noted that two of the researchers were hired in August.\n"
                "Ganguly, who observed voting in Kachin state, left on Monday.\n"
                "The party's Rule 40 adds another magic number to the mix.\n"
                "He wants a prosecutor to investigate alleged pay-to-play policies at the "
                "foundation.\n"
                "The SVP has called a referendum \u2014 \"No to Free Lawyers\" \u2014 for June 5.\n"
                "Trump calls for a ban on imports from the country.\n"
                "Prosecutors alleged that no inmate checks were made that night.\n"
                "He added that the deal could still collapse.");
    assert_false(has(&r, "Feel the Bern"));
    assert_false(has(&r, "her to bow out"));
    assert_false(has(&r, "two of the researchers"));
    assert_false(has(&r, "voting in Kachin"));
    assert_false(has(&r, "magic number"));
    assert_false(has(&r, "pay-to-play"));
    assert_false(has(&r, "No to Free Lawyers"));
    check(&r, "a ban on imports", "Trump", 0, "calls");
    check(&r, "no inmate checks", "prosecutors", 0, "alleged");
    assert_true(has(&r, "the deal could still collapse"));
}

/* "Kenneth Roth of Human Rights Watch": a watchdog, an initiative, a project and a forum are
 * organisations, so the person of one is split from it; "put off" is a verb, no part of the
 * subject before "but said". */
static void test_person_of_a_watchdog(void **state)
{
    (void)state;
    res r = run("Kenneth Roth of Human Rights Watch said turnout was high in the state.\n"
                "Klaus Schwab of the World Economic Forum said growth would slow next year.\n"
                "Judge Emmet G. Sullivan permitted the group to depose seven aides. Sullivan put "
                "off deciding whether the group could question Clinton but said the group could "
                "come back later with that request.");
    check(&r, "turnout was high", "Kenneth Roth", 0, "said");
    assert_kind(&r, "Human Rights Watch", HD_ENT_ORG);
    check(&r, "growth would slow", "Klaus Schwab", 0, "said");
    assert_kind(&r, "World Economic Forum", HD_ENT_ORG);
    check(&r, "the group could come back", "Emmet G. Sullivan", 0, "said");
}

/* A verb of saying after "continued to", "began to" or "went on to" is the subject's saying
 * ("used the speech to warn voters" stays none); "…, but went on to say, “…”" ends the clause
 * before it. */
static void test_went_on_to_say(void **state)
{
    (void)state;
    res r = run("Trump continued to complain that Mr. Khan had been unfair to him.\n"
                "Sanders went on to say that the system was rigged against working families.\n"
                "Clinton began to argue that the plan would hurt families in the state.\n"
                "Cruz joked that Brooklyn was his answer, but went on to say, \"There are "
                "places in America that are among the most dangerous in the world.\"");
    check(&r, "Mr. Khan had been unfair", "Trump", 0, "complain");
    check(&r, "the system was rigged", "Sanders", 0, "say");
    check(&r, "the plan would hurt", "Clinton", 0, "argue");
    const hd_statement *s = find(&r, "Brooklyn was his answer");
    assert_string_equal(s->text, "Brooklyn was his answer");
    check(&r, "There are places in America", "Cruz", 1, "say");
}

/* A role mention with no holder named ("Mr Blair's spokesman said") is not the next person
 * named who comes described by another role ("Anne Weyman, chief executive of the Family
 * Planning Association, asked"). */
static void test_role_not_bound_to_described_person(void **state)
{
    (void)state;
    res r = run("Mr Blair's spokesman said: \"The church has a well-known position on this "
                "issue.\"\n"
                "Anne Weyman, chief executive of the Family Planning Association, asked: \"What "
                "is the benefit to women?\"");
    const hd_statement *s = find(&r, "well-known position");
    assert_true(s->speaker == NULL || strcmp(s->speaker, "Anne Weyman") != 0);
    check(&r, "What is the benefit", "Anne Weyman", 1, "asked");
}

/* An office named with its place or house ("The Archbishop of Canterbury") is not the holder
 * of the same role elsewhere ("The Archbishop of Cardiff, Peter Smith"); an office before a
 * comma and a name is that person's ("The UAE's Minister of State for Finance and Industry,
 * Ahmed Humaid, told …. He said"); the wire's lead office is the holder named in the
 * next paragraph. */
static void test_office_with_its_complement(void **state)
{
    (void)state;
    res r = run("The Archbishop of Canterbury said the church would reflect on the issue.\n"
                "The Archbishop of Cardiff, Peter Smith, told reporters that the church wanted "
                "people to reflect.");
    const hd_statement *s = find(&r, "the church would reflect");
    assert_true(s->speaker == NULL || strcmp(s->speaker, "Peter Smith") != 0);
    check(&r, "the church wanted people", "Peter Smith", 0, "told");
    res r2 = run("The UAE's Minister of State for Finance and Industry, Ahmed Humaid, told "
                 "reporters that the issue went back to the governors.\n"
                 "He said the governors were asked to resubmit the recommendation before July.");
    check(&r2, "the governors were asked", "Ahmed Humaid", 0, "said");
    res r3 = run("The Glass-Steagall Act is all but dead, the chairman of Bankers Trust Co "
                 "asserted.\n"
                 "\"There are plainly nails in the coffin of Glass-Steagall,\" Alfred Brittain "
                 "said in remarks prepared for delivery.");
    check(&r3, "all but dead", "Alfred Brittain", 0, "asserted");
}

/* A role's portfolio or party is compared with the holder's ("the foreign secretary" is not
 * "Home Secretary Charles Clarke", "the Tory leader" not "Lib Dem leader Charles Kennedy"), and
 * the same office mentioned again is the one bound before. */
static void test_role_portfolio(void **state)
{
    (void)state;
    res r = run("The foreign secretary said the right to life was the most important liberty.\n"
                "New Home Secretary Charles Clarke vowed the men would stay in prison.\n"
                "But Mr Straw denied it amounted to a constitutional crisis. He said those held "
                "had a right of appeal.\n"
                "Foreign Secretary Jack Straw met the families on Monday.\n"
                "The foreign secretary insisted the law lords were wrong.");
    const hd_statement *s = find(&r, "most important liberty");
    assert_true(s->speaker == NULL || strcmp(s->speaker, "Charles Clarke") != 0);
    check(&r, "the law lords were wrong", "Jack Straw", 0, "insisted");
    res r2 = run("Lib Dem leader Charles Kennedy opened the campaign in London.\n"
                 "The Tory leader said current rules were tantamount to abortion on demand.");
    s = find(&r2, "tantamount to abortion");
    assert_true(s->speaker == NULL || strcmp(s->speaker, "Charles Kennedy") != 0);
}

/* "tweets" in a list of nouns is no cue; a participle after an object with a possessive is the
 * subject's ("Sanders started out their ninth debate saying"); a verb in -ed after its subject
 * is no modifier of the noun after it ("Obama passionately rebuked critics who say"). */
static void test_object_before_participle(void **state)
{
    (void)state;
    res r = run("In TV interviews and tweets, Trump has argued that the committee has overseen a "
                "rigged process.\n"
                "Sanders started out their ninth debate saying Clinton has the qualifications to "
                "be president.\n"
                "President Obama passionately rebuked critics who say he should condemn "
                "terrorists as radical Islamists.");
    check(&r, "the committee has overseen", "Trump", 0, "argued");
    assert_false(has(&r, "Trump has argued"));
    check(&r, "Clinton has the qualifications", "Sanders", 0, "saying");
    check(&r, "he should condemn", "critics", 0, "say");
}

/* The object of a preposition is not the speaker: "Residents of the town said". */
static void test_prepositional_object(void **state)
{
    (void)state;
    res r = run("People briefed on the situation said the bank would fail this week.\n"
                "A spokeswoman for the authority said no decision had been made.\n"
                "Officials at the Food and Drug Administration said the drug was safe to use.");
    const hd_statement *s = find(&r, "the bank would fail");
    assert_non_null(s->speaker);
    assert_true(strncmp(s->speaker, "People", 6) == 0);
    s = find(&r, "no decision had been made");
    assert_non_null(strstr(s->speaker_mention, "spokeswoman"));
    check(&r, "the drug was safe", "Food and Drug Administration", 0, "said");
    /* a role heads its phrase: not "the forum" */
    res r2 =
        run("The deputy head of the delegation to the forum said the exercises should stop.\n");
    s = find(&r2, "the exercises should stop");
    assert_true(s->speaker == NULL || strcmp(s->speaker, "forum") != 0);
    assert_non_null(strstr(s->speaker_mention, "deputy head"));
}

/* "They" after a plural description stands for it; otherwise it names no one. */
static void test_they(void **state)
{
    (void)state;
    res r = run("Dealers said the dollar was firm in early trading.\n"
                "They said the market was waiting for the trade figures.\n"
                "The company said sales rose sharply in the quarter. They said costs would fall.\n"
                "\n\nThey said the outlook was unchanged today.");
    const hd_statement *s = find(&r, "the market was waiting");
    assert_string_equal(s->speaker, "dealers");
    assert_string_equal(s->speaker_mention, "They");
    check(&r, "costs would fall", NULL, 0, "said");
    check(&r, "the outlook was unchanged", NULL, 0, "said");
}

/* A time or "long" between the subject and its verb is not the subject. */
static void test_time_before_cue(void **state)
{
    (void)state;
    res r = run("The Washington Post columnist Ruth Marcus on Tuesday said the race was over.\n"
                "Senator Dianne Feinstein last week said the emails were sensitive.\n"
                "Mr. Ryan has long said that the party must change its ways.");
    check(&r, "the race was over", "Ruth Marcus", 0, "said");
    check(&r, "the emails were sensitive", "Dianne Feinstein", 0, "said");
    check(&r, "the party must change", "Ryan", 0, "said");
    res r2 = run("Theresa May said the vote would go ahead this week.\n"
                 "John Smith Tuesday said the plant would close next year.");
    const hd_statement *s = find(&r2, "the vote would go ahead");
    assert_string_equal(s->speaker, "Theresa May");
    assert_string_equal(s->speaker_mention, "Theresa May");
    check(&r2, "the plant would close", "John Smith", 0, "said");
}

/* Verbs of undertaking take "to": "pledged to oppose" is what was pledged. */
static void test_undertakings(void **state)
{
    (void)state;
    res r = run("Mr. Cruz pledged to oppose legal status for undocumented immigrants.\n"
                "The rebels threatened to attack the capital within days.\n"
                "The money promised to the farmers never arrived.");
    check(&r, "to oppose legal status", "Cruz", 0, "pledged");
    check(&r, "to attack the capital", "rebels", 0, "threatened");
    assert_false(has(&r, "farmers never arrived"));
}

/* "…, X said." ending a sentence: the whole clause before the comma is X's, whatever verb
 * it holds, unless that verb is say or tell (then the clause is the statement and X only
 * carries it). */
static void test_trailing_attribution(void **state)
{
    (void)state;
    res r = run("No major member firms have reported any financial difficulties, NYSE vice "
                "president Richard Torrenzano said.\n"
                "Argentina needs an extension of deadlines, Industry and Foreign Trade Secretary "
                "Roberto Lavagna told reporters.\n"
                "An Iranian official said talks would go on, the agency reported.");
    check(&r, "No major member firms have reported", "Richard Torrenzano", 0, "said");
    check(&r, "Argentina needs an extension", "Roberto Lavagna", 0, "told");
    const hd_statement *s = find(&r, "talks would go on");
    assert_string_equal(s->cue, "said");
    assert_null(strstr(s->text, "agency"));
    assert_false(has(&r, "financial difficulties, NYSE"));
}

/* A clause that opens with a quote and runs on past it is what the speaker after the comma
 * said, quote and all (PolNeAR, Reuters); one whose quote closes on a comma is a direct quote
 * with its speaker after it, described at length, and none of the speaker's words are in it. */
static void test_quote_opens_clause_then_cue(void **state)
{
    (void)state;
    res r = run("\u201cCross-disciplinary science is the way to go\u201d to grow Africa's "
                "potential, Alta Schutte said.\n"
                "\"For the past six months the high end really surged\" while the entry level "
                "computers dipped slightly, senior vice president Ian Diery said.");
    check(&r, "way to go\u201d to grow Africa's potential", "Alta Schutte", 0, "said");
    check(&r, "high end really surged\" while the entry level", "Ian Diery", 0, "said");
    res r1 = run("\"Significant downside potential\" still exists for the Argentine crop, the "
                 "official said.");
    check(&r1, "downside potential\" still exists", NULL, 0, "said");
    res r2 = run("\"I'm extremely outraged at the hypocrisy,\" the play's organiser in Uganda, "
                 "Sarah Mukasa, told the BBC.");
    assert_false(has(&r2, "organiser"));
}

/* A role mentioned before anyone holds it waits for its holder; failing that, the first
 * person named later who speaks may be it, but never for "a …" (someone unnamed) and never
 * someone who says nothing. */
static void test_pending_roles(void **state)
{
    (void)state;
    res r = run("Certificates cost more than cash payments, a GAO official told Reuters. GAO is "
                "preparing the study at the request of Sen. Jesse Helms.");
    check(&r, "Certificates cost more", NULL, 0, "told");
    res r2 = run("The pound was stable, a Treasury spokesman said. Nigel Lawson said rates would "
                 "not change.");
    check(&r2, "The pound was stable", NULL, 0, "said");
    check(&r2, "rates would not change", "Nigel Lawson", 0, "said");
    res r3 = run("Japan's top official said the talks were useful. Takeo Akiba told reporters "
                 "the talks would go on.");
    check(&r3, "the talks were useful", "Takeo Akiba", 0, "said");
    res r4 = run("China and Israel discussed peace, an Israeli spokesman said.\n"
                 "It was in a U.N. context, Israeli U.N. Spokesman Eyal Arad said.");
    check(&r4, "discussed peace", "Eyal Arad", 0, "said");
}

/* "Chancellor of the Exchequer Nigel Lawson": the role's complement is not the name. */
static void test_role_complement(void **state)
{
    (void)state;
    res r = run("U.K. Chancellor of the Exchequer Nigel Lawson said sterling was stable.\n"
                "Secretary of State George Shultz said the talks would go on.\n"
                "Chairman of the Federal Reserve Board Paul Volcker said rates were right.\n"
                "President of the Bundesbank Karl Otto Poehl said money grew too fast.");
    check(&r, "sterling was stable", "Nigel Lawson", 0, "said");
    check(&r, "talks would go on", "George Shultz", 0, "said");
    check(&r, "rates were right", "Paul Volcker", 0, "said");
    check(&r, "money grew too fast", "Karl Otto Poehl", 0, "said");
    res r2 = run("Undersecretary of Commerce Bruce Smart said the charge was being paid. He "
                 "added the agreement was important to the industry.");
    check(&r2, "the charge was being paid", "Bruce Smart", 0, "said");
    check(&r2, "the agreement was important", "Bruce Smart", 0, "added");
    res r3 = run("U.S. Undersecretary of State for Economic Affairs Allen Wallis said he had "
                 "urged Japan to do more.");
    const hd_statement *s = find(&r3, "urged Japan");
    assert_true(!s->speaker || strcmp(s->speaker, "of State") != 0);
}

/* ---- not statements ------------------------------------------------------------------------ */

static void test_scare_quotes_and_titles(void **state)
{
    (void)state;
    /* seed page 001 */
    res r = run("Iran's Supreme Leader referred to a speech made by US General Wesley Clark at "
                "the height of the so-called \u201cWar on Terror\u201d in 2003.\n"
                "She read \"The Old Man and the Sea\" twice last summer.\n"
                "The so-called \"deal of the century\" was never published.");
    assert_int_equal(r.n, 0);
}

static void test_short_quotes(void **state)
{
    (void)state;
    res r = run("Mary Wood appeared on \"CBS This Morning\" and mocked his \"bombastic "
                "comments\" on Monday.\n"
                "\"Really,\" she added.");
    assert_false(has(&r, "CBS This Morning"));
    assert_false(has(&r, "bombastic comments"));
    check(&r, "Really", "Mary Wood", 1, "added");
}

static void test_non_speech_verbs(void **state)
{
    (void)state;
    res r = run("US officials hinted at their readiness for several scenarios.\n"
                "Khamenei compared the 1979 revolution to the French revolution.\n"
                "The minister continued to work on the plan until late at night.");
    assert_int_equal(r.n, 0);
}

/* Negated and passive cues: the subject said nothing, or was spoken of or to. */
static void test_negated_and_passive(void **state)
{
    (void)state;
    res r = run("The companies have not disclosed how many rockets would be needed for the "
                "lander.\n"
                "The minister didn't say whether the talks would resume in the spring.\n"
                "Mr. Cook declined to say whether the company would raise its prices.\n"
                "On November 16, a third case of plague was reported in a 55-year-old man.\n"
                "Russia and the Syrian government have been accused of creating a humanitarian "
                "disaster in the camp.\n"
                "Employees were told that layoffs will begin this week in the United States.\n"
                "The minister has said that the new bridge would open next year.\n");
    assert_false(has(&r, "how many rockets"));
    assert_false(has(&r, "talks would resume"));
    assert_false(has(&r, "raise its prices"));
    assert_false(has(&r, "November 16"));
    assert_false(has(&r, "humanitarian disaster"));
    /* told that …, by someone the sentence does not name: the words stand, the hearers are not
     * the speaker */
    check(&r, "layoffs will begin this week", NULL, 0, "told");
    assert_null(find(&r, "layoffs will begin")->speaker_mention);
    /* an impersonal passive reports words all the same */
    res r2 = run("After it was revealed profits from the arms sales had been diverted to the "
                 "rebels, the committee met again.\n");
    check(&r2, "profits from the arms sales had been diverted", NULL, 0, "revealed");
    assert_null(strstr(find(&r2, "profits from the arms")->text, "committee"));
    /* "has said" is active */
    assert_true(has(&r, "the new bridge would open next year"));
    assert_int_equal(r.n, 2);
}

/* "…, said Y, a description." and "…, says a description Y.": the speaker after the cue. */
static void test_inverted_subject_after_clause(void **state)
{
    (void)state;
    res r = run("At the time of the suicide, there were more than 30 staff vacancies at the "
                "facility, said Serene Gregg, local president of the prison workers' union.\n"
                "You can only cut costs to a certain degree, says certified financial planner "
                "Eric Roberge.\n"
                "Li Jifeng, a doctor at the hospital where the patients were treated, wrote in a "
                "blog post that the couple had been moved to the facility on November 3.\n");
    check(&r, "there were more than 30 staff vacancies", "Serene Gregg", 0, "said");
    assert_false(has(&r, "local president of the prison"));
    check(&r, "You can only cut costs", "Eric Roberge", 0, "says");
    assert_string_equal(find(&r, "cut costs")->speaker_mention,
                        "certified financial planner Eric Roberge");
    check(&r, "the couple had been moved", "Li Jifeng", 0, "wrote");
}

/* An inverted subject may be followed by where or when it spoke; a preposition that says
 * whose a common noun is belongs to the subject instead. */
static void test_inverted_subject_then_adverbial(void **state)
{
    (void)state;
    res r = run("Even India has more cultural resonance through Bollywood films, says political "
                "scientist Dossym Satpayev in Almaty.\n"
                "South Africa must drive down its inflation rate, said Volkskas Bank in its "
                "monthly economic review.\n"
                "Exports will recover by June, said Jim Baker on Tuesday.\n"
                "Growth is a certainty, said an analyst at Goldman Sachs.\n"
                "Jobs grew, said Mr Smith in 2008 and wrote in the paper in 2012.\n");
    check(&r, "Even India has more cultural resonance", "Dossym Satpayev", 0, "says");
    assert_string_equal(find(&r, "Bollywood")->speaker_mention,
                        "political scientist Dossym Satpayev");
    assert_false(has(&r, "in Almaty"));
    check(&r, "South Africa must drive down", "Volkskas Bank", 0, "said");
    check(&r, "Exports will recover by June", "Jim Baker", 0, "said");
    assert_string_equal(find(&r, "Growth is a certainty")->speaker_mention,
                        "an analyst at Goldman Sachs");
    assert_false(has(&r, "Jobs grew"));
    /* or a relative clause on the subject (run() reuses the arena: r is read before) */
    res w = run("Profits will fall this year, said the analysts who follow the company.\n");
    assert_string_equal(find(&w, "Profits will fall")->speaker_mention, "the analysts");
}

/* After an inverted cue, a role with its preposition is the whole subject; a person named
 * after it is the one who spoke; after "told" it is the listener. */
static void test_inverted_role_with_preposition(void **state)
{
    (void)state;
    res r = run("Taiwan needs a fundamental restructuring of its controls, said an executive "
                "with a western bank.\n"
                "He also had a voice in decisions about investments, said a former spokesman for "
                "Ukraine's Foreign Ministry, Oleg Voloshyn, who also ran as a candidate.\n"
                "Everything is going digital, told a spokesman for the association.\n");
    check(&r, "Taiwan needs a fundamental restructuring", "executive with a western bank", 0,
          "said");
    assert_string_equal(find(&r, "Taiwan needs")->speaker_mention,
                        "an executive with a western bank");
    check(&r, "He also had a voice in decisions", "Oleg Voloshyn", 0, "said");
    assert_false(has(&r, "Everything is going digital"));
}

/* An appositive that begins with "a"/"the" describes the name before it; titles listed
 * before a name after a quote are that person's. */
static void test_appositive_description_and_title_list(void **state)
{
    (void)state;
    res r = run("Senator Bob Corker, a Tennessee Republican, said the party could withdraw its "
                "support.\n"
                "\"Our results reflected broad-based growth across our business,\" chairman, CEO "
                "and president Craig Menear said in the earnings release.\n");
    check(&r, "the party could withdraw its support", "Bob Corker", 0, "said");
    check(&r, "Our results reflected broad-based growth", "Craig Menear", 1, "said");
    assert_false(has(&r, "in the earnings release"));
}

/* A quoted phrase opening reported speech ("said ''there could be'' a line …") keeps the
 * whole clause, quote included. */
static void test_quoted_phrase_in_reported_clause(void **state)
{
    (void)state;
    res r = run("Senator Bob Corker said ''there could be'' a line that the presumptive nominee "
                "crosses that would make him withdraw his support.\n");
    const hd_statement *s = find(&r, "a line that the presumptive nominee crosses");
    assert_string_equal(s->speaker, "Bob Corker");
    assert_int_equal(s->direct, 0);
    assert_non_null(strstr(s->text, "there could be"));
}

/* "that" after a noun opens a relative clause: not part of the speaker's noun phrase. */
static void test_relative_that_subject(void **state)
{
    (void)state;
    res r = run("Ford will show an avalanche of vehicles coming during the next two years that "
                "industry analysts say will boost electric vehicle sales.\n"
                "They say the longer range of the new vehicles will make them more popular.\n"
                "But that company said its prices would rise in the spring.\n");
    const hd_statement *s = find(&r, "will boost electric vehicle sales");
    assert_string_equal(s->speaker_mention, "industry analysts");
    assert_string_equal(find(&r, "longer range")->speaker, "industry analysts");
    /* a determiner where a noun phrase begins */
    assert_string_equal(find(&r, "prices would rise")->speaker_mention, "that company");
}

/* A one-word role closing a name is a surname when the article also writes it after a title
 * ("Paul King" … "Mr King"); it stays a role otherwise ("Saudi King Salman"). */
static void test_role_word_as_surname(void **state)
{
    (void)state;
    res r = run("\"Net firms are realising it is not just about firewalls,\" said Paul King, chief "
                "security architect at Cisco.\n"
                "Mr King said the only way to combat the attacks was cooperation.\n"
                "Labour MP Oona King said she was delighted at the chance to stand.\n"
                "Ms King added that the seat was safe for the party.\n"
                "Malcolm Seagrave, security expert at Energis, said attacks grew fast.\n");
    check(&r, "Net firms are realising", "Paul King", 1, "said");
    check(&r, "the only way to combat the attacks", "Paul King", 0, "said");
    check(&r, "delighted at the chance", "Oona King", 0, "said");
    check(&r, "attacks grew fast", "Malcolm Seagrave", 0, "said");
    assert_non_null(entity(&r, "Paul King"));
    assert_non_null(entity(&r, "Oona King"));
    res r2 = run("Saudi King Salman said the kingdom would cut its output.\n"
                 "The King said prices would rise again next year.\n");
    check(&r2, "the kingdom would cut its output", "Salman", 0, "said");
    check(&r2, "prices would rise again", "Salman", 0, "said");
}

/* Between commas after a subject: the person named there, unless the words describe a
 * person named before them or open on "a"/"the". */
static void test_appositive_person_or_description(void **state)
{
    (void)state;
    res r = run("The prosecution's star witness, former finance chief Scott Sullivan, said the "
                "accounts had been changed on orders.\n"
                "Maria Capella, spokeswoman for net provider Pipex, said customers were hit every "
                "four days.\n"
                "Often Pipex and other net suppliers get advance notice of an attack.\n");
    check(&r, "the accounts had been changed", "Scott Sullivan", 0, "said");
    check(&r, "customers were hit every four days", "Maria Capella", 0, "said");
    /* an adverb opening a sentence is no part of a name */
    assert_null(entity(&r, "Often Pipex"));
}

/* "…," ORG role NAME said in a statement.: one direct quote; the closing adverbial is no
 * reported speech. */
static void test_quote_then_org_role_name_and_adverbial(void **state)
{
    (void)state;
    res r = run("\"The findings were surprising,\" NASA planetary scientist Lucas Paganini said "
                "in a NASA statement.\n"
                "Germany said in a statement.\n"
                "Mr. Trump has vowed to leave such spending untouched.\n");
    check(&r, "The findings were surprising", "Lucas Paganini", 1, "said");
    assert_false(has(&r, "in a NASA statement"));
    assert_false(has(&r, "in a statement"));
    /* "to" opens what was undertaken, not an adverbial */
    check(&r, "to leave such spending untouched", "Trump", 0, "vowed");
    assert_int_equal(r.n, 2);
}

/* Subjects with a time of day, a parenthesis or a subordinator around them; a second
 * speaker after "though"/"while". */
static void test_subject_shapes_and_second_speakers(void **state)
{
    (void)state;
    res r = run("RNC spokesman Sean Spicer on Thursday evening said the Republican Party was not "
                "in a crisis, and urged that everyone take a deep breath.\n"
                "Sen. Johnny Isakson (R-Ga.), one of the few co-authors still in office, said he "
                "remembers celebrating the night the report was filed.\n"
                "While Ramos said that journalists cannot have any political affiliation, he "
                "appears uneasy about his daughter's work.\n"
                "Other candidates followed the lead, saying the history is a legitimate "
                "criticism, though Mrs. Fiorina said she doubted voters would care.\n"
                "The minister said the economy would grow, while opposition leader Jane Smith "
                "said it would shrink.\n");
    check(&r, "the Republican Party was not in a crisis", "Sean Spicer", 0, "said");
    check(&r, "he remembers celebrating", "Johnny Isakson", 0, "said");
    const hd_statement *s = find(&r, "journalists cannot have");
    assert_string_equal(s->speaker, "Ramos");
    assert_null(strstr(s->text, "uneasy"));
    check(&r, "she doubted voters would care", "Fiorina", 0, "said");
    assert_null(strstr(find(&r, "legitimate criticism")->text, "Fiorina"));
    check(&r, "it would shrink", "Jane Smith", 0, "said");
    assert_null(strstr(find(&r, "the economy would grow")->text, "Jane Smith"));
}

/* A question opening the sentence stays a statement (asker unnamed) beside a direct quote's
 * cue, and after an adverbial ("Asked on Fox News who …"). */
static void test_asked_questions(void **state)
{
    (void)state;
    res r = run("Asked if he thought that email went beyond the focus of the campaign, Devine "
                "responded: \"I guess so, for the time being.\"\n"
                "Asked on Fox News who leads the party in his view, he said Ryan would lead it "
                "for now.\n");
    check(&r, "if he thought that email went beyond", NULL, 0, "Asked");
    check(&r, "I guess so", "Devine", 1, "responded");
    check(&r, "who leads the party in his view", NULL, 0, "Asked");
    assert_null(strstr(find(&r, "who leads the party")->text, "Fox"));
}

/* Subjects of news idiom: "then says" after a first verb, "a source close to X", a
 * subordinator before the subject. */
static void test_then_says_familiar_sources(void **state)
{
    (void)state;
    res r = run("Governor John Kasich jokingly offered the man a job as Secretary of Defense, then "
                "says he will welcome advice from anyone who wants to talk.\n"
                "A source close to Mr. Smith said the senator would not run again next year.\n"
                "A person familiar with the planning for Thursday's meeting says the discussion "
                "will focus on a single candidate.\n"
                "If we read the strategy correctly when Rubio says he intends to pick up "
                "delegates everywhere, it would seem his plan is to compete long enough.\n");
    check(&r, "he will welcome advice from anyone", "John Kasich", 0, "says");
    const hd_statement *s = find(&r, "the senator would not run again");
    assert_string_equal(s->speaker, "source");
    check(&r, "the discussion will focus on a single candidate", "person", 0, "says");
    s = find(&r, "he intends to pick up delegates");
    assert_string_equal(s->speaker, "Rubio");
    assert_null(strstr(s->text, "it would seem"));
    /* a second cue of calling coordinated with the first ends the first one's words */
    res r2 = run("Sanders says he respects Clinton and calls her \u201can extremely intelligent "
                 "woman with a wonderful resume.\u201d\n");
    s = find(&r2, "he respects Clinton");
    assert_null(strstr(s->text, "calls"));
}

/* "X, who … , Colorado, in July 2012, said": the relative clause's commas; "X issued a
 * statement saying …": X's words. */
static void test_relative_clause_commas_and_issued_statement(void **state)
{
    (void)state;
    res r = run("Sandy Phillips, who lost her daughter during the mass shooting in Aurora, "
                "Colorado, in July 2012, said that Sanders had ignored the families.\n"
                "American Bridge President Jessica Mackler issued a statement saying his comment "
                "has no place in American democracy.\n");
    check(&r, "Sanders had ignored the families", "Sandy Phillips", 0, "said");
    check(&r, "his comment has no place", "Jessica Mackler", 0, "saying");
    /* a time or a channel between the subject and its verb */
    res r2 = run("The Acme Corporation in a written statement said the plant would close next "
                 "year.\n"
                 "Officials in recent weeks have said the talks would resume in the spring.\n");
    check(&r2, "the plant would close next year", "Acme Corporation", 0, "said");
    assert_string_equal(find(&r2, "the talks would resume")->speaker, "officials");
}

/* Participles and cues in the shapes of campaign reporting. */
static void test_participle_and_cue_shapes(void **state)
{
    (void)state;
    res r =
        run("Donald Trump has delivered a defense of \u201cNew York values,\u201d saying the city "
            "embodied the bravery of America.\n"
            "Clinton attacked Trump, saying he would appoint judges who would overturn the "
            "ruling, and reminded the audience of his remarks.\n"
            "While saying that he does respect Mrs. Clinton, Mr. Sanders continued to express "
            "doubts about her.\n"
            "Reached by phone on Tuesday, Joyce \u2014 who is listed as an attorney in Illinois "
            "\u2014 told The Huffington Post he is not planning an appeal.\n"
            "The American Legion wrote to the Senate office that it did not have permission to "
            "use the emblem.\n");
    check(&r, "the city embodied the bravery", "Donald Trump", 0, "saying");
    const hd_statement *s = find(&r, "he would appoint judges");
    assert_string_equal(s->speaker, "Clinton");
    assert_null(strstr(s->text, "reminded"));
    check(&r, "he does respect Mrs. Clinton", "Sanders", 0, "saying");
    check(&r, "he is not planning an appeal", "Joyce", 0, "told");
    check(&r, "it did not have permission", "American Legion", 0, "wrote");
}

/* Organisations named "X for Y" are one name, and "Z of the X for Y" speaks for Z. */
static void test_org_for_names(void **state)
{
    (void)state;
    res r = run("The Centers for Disease Control and Prevention said it had traced everyone "
                "who might have been exposed.\n"
                "Carl Emmerson of the Institute for Fiscal Studies said the figures would come "
                "out in the wash.\n"
                "The Commission for Racial Equality said the claims were false.\n"
                "The Institute for Fiscal Studies and Smith said the figures were wrong.\n");
    check(&r, "it had traced everyone", "Centers for Disease Control and Prevention", 0, "said");
    check(&r, "the figures would come out", "Carl Emmerson", 0, "said");
    check(&r, "the claims were false", "Commission for Racial Equality", 0, "said");
    assert_non_null(entity(&r, "Institute for Fiscal Studies"));
    assert_null(entity(&r, "Institute for Fiscal Studies and Smith"));
}

/* "X on Y" after an organisation word is one name; a role's complement that ends in an
 * organisation word is that organisation, not a person's name. */
static void test_org_on_names(void **state)
{
    (void)state;
    res r = run("The National Institute on Drug Abuse said use had risen.\n"
                "The Joint Committee on Human Rights stated there was a significant risk.\n"
                "Ramon Diaz was named chairman of the Presidential Commission on Good "
                "Government.\n"
                "The Commission on Monday said it would appeal.\n");
    check(&r, "use had risen", "National Institute on Drug Abuse", 0, "said");
    check(&r, "there was a significant risk", "Joint Committee on Human Rights", 0, "stated");
    assert_non_null(entity(&r, "Presidential Commission on Good Government"));
    assert_null(entity(&r, "Good Government"));
    assert_null(entity(&r, "Commission on Monday"));
}

/* "Name, role of Organisation told": an appositive whose closing comma is missing; the
 * person speaks, not the organisation. The same words ending what is said do not. */
static void test_unclosed_appositive(void **state)
{
    (void)state;
    res r = run("Marc Ostwald, a strategist at Monument Securities told Reuters that rates "
                "would rise.\n"
                "\"It is not a taboo,\" Peter Pietsch, spokesman for Commerzbank AG said.\n"
                "A judge denied the request to halt supplies to the Red Cross, a spokeswoman "
                "for Abbott said.\n");
    check(&r, "rates would rise", "Marc Ostwald", 0, "told");
    check(&r, "It is not a taboo", "Peter Pietsch", 1, "said");
    const hd_statement *s = find(&r, "A judge denied the request");
    assert_non_null(s->speaker);
    assert_string_equal(s->speaker, "Abbott");
}

/* Before whom and about what someone testified or spoke is no statement; "about" before a
 * quantity is, and so is what was warned about. */
static void test_topic_after_cue_is_no_statement(void **state)
{
    (void)state;
    res r = run("Kurt Volker and Tim Morrison testified side-by-side before the House "
                "Intelligence Committee Tuesday about the events at the center of the inquiry.\n"
                "Volker testified before the committee that he had no knowledge of the plan.\n"
                "The company said about 20 pct of its products overlap.\n"
                "Currency analysts warned about an unfavorable reaction to the summit.\n");
    assert_false(has(&r, "before the House Intelligence Committee"));
    check(&r, "he had no knowledge of the plan", "Kurt Volker", 0, "testified");
    check(&r, "about 20 pct of its products overlap", "company", 0, "said");
    check(&r, "about an unfavorable reaction", "Currency analysts", 0, "warned");
}

/* A subordinate clause alone before "X testified …" says when, not what; a clause with a main
 * clause of its own ("If A, B, X said") is what was said. */
static void test_subordinate_clause_before_subject(void **state)
{
    (void)state;
    res r = run("As the charges were unsealed in New York, Kathleen Hawk Sawyer testified before "
                "the Senate Judiciary Committee in Washington, where lawmakers expressed "
                "outrage.\n"
                "If we fail, we will lose everything, Hawk Sawyer said.\n"
                "Though he has not been a major voice on immigration, Bernie Sanders promised to "
                "take bold action.\n");
    assert_false(has(&r, "As the charges were unsealed"));
    check(&r, "If we fail, we will lose everything", "Kathleen Hawk Sawyer", 0, "said");
    check(&r, "to take bold action", "Bernie Sanders", 0, "promised");
    assert_false(has(&r, "Though he has not been"));
}

/* "it was revealed in March that A" is A, said by someone unnamed; "because it was asked in
 * front of friends" says nothing. */
static void test_impersonal_passive_after_adverbial(void **state)
{
    (void)state;
    res r = run("It was revealed in March that she had used a personal email account.\n"
                "If you are not close, because it was asked in front of friends, she may have "
                "been hurt.\n");
    check(&r, "she had used a personal email account", NULL, 0, "revealed");
    assert_null(strstr(find(&r, "personal email account")->text, "in March"));
    assert_false(has(&r, "in front of friends"));
}

/* "Name, role of Organisation, a description, said": two appositives; the person speaks. */
static void test_double_appositive(void **state)
{
    (void)state;
    res r = run("Jeff Sanborn, president of Chapter & Verse, a Spokane advertising agency, said "
                "the campaign was meant to raise eyebrows.\n"
                "Brandman, chairman of Domino of California Inc, a Los Angeles garment maker, "
                "said he bought the stake for investment purposes.\n"
                "Saul Brandman is a California business executive.\n");
    check(&r, "the campaign was meant to raise eyebrows", "Jeff Sanborn", 0, "said");
    check(&r, "he bought the stake", "Saul Brandman", 0, "said");
}

/* A long appositive between a quote's speaker and the cue after the quote ("…,” Trump, the
 * party's frontrunner nationally and polling leader in the state by a wide margin after
 * winning the primary, said …"). */
static void test_long_appositive_after_quote(void **state)
{
    (void)state;
    res r = run("\xE2\x80\x9CVery good reporter, very good reporter this guy,\xE2\x80\x9D Dana "
                "Whitfield, the party's presidential frontrunner nationally and current polling "
                "leader in the state by a wide margin after winning the primary, said when the "
                "reporter asked her a question.\n");
    check(&r, "Very good reporter", "Dana Whitfield", 1, "said");
    /* a person's long "who" clause, yes; a long "which" clause about a thing, no: the
     * speaker named after the cue is no one's appositive */
    r = run("James Lewis, a cybersecurity expert at the Center for Strategic and International "
            "Studies in Washington who has advised the government on the matter for a decade, "
            "said the servers were almost certainly read.\n"
            "Reports reveal a pattern of killings by the security forces, which have used "
            "excessive and lethal force to crush largely peaceful protests in more than 100 "
            "cities across the country sparked by a rise in fuel prices on 15 November, said "
            "Amnesty International on Tuesday.\n");
    check(&r, "the servers were almost certainly read", "James Lewis", 0, "said");
    for (size_t i = 0; i < r.n; i++)
        if (r.st[i].speaker)
            assert_string_not_equal(r.st[i].speaker, "security forces");
    assert_false(has(&r, "Amnesty International on Tuesday"));
}

/* A participle quoting someone, set off after the subject or opening the sentence ("Mr.
 * Manafort, citing ''the unique magic of Trump,'' said …", "Citing “obligations in
 * Tennessee,” the spokeswoman told …"): the quote is what is cited, the clause is what is
 * said, by the subject. */
static void test_citing_a_quote(void **state)
{
    (void)state;
    res r = run("Mr. Paul Manafort arrived on Thursday.\n"
                "Mr. Manafort, citing ''the unique magic of the candidate,'' said the candidate "
                "could be competitive in states like Pennsylvania and Delaware.\n"
                "Citing \xE2\x80\x9Cobligations in Tennessee,\xE2\x80\x9D spokeswoman Kiki "
                "McLean told reporters that Gore plans to skip the convention.\n");
    check(&r, "the candidate could be competitive", "Paul Manafort", 0, "said");
    check(&r, "Gore plans to skip the convention", "Kiki McLean", 0, "told");
    assert_false(has(&r, "the unique magic"));
    assert_false(has(&r, "obligations in Tennessee"));
}

/* A conjunction opening the sentence is no part of the subject ("But the appeals court
 * overruled and said …"); the subject of a "that" clause goes on past its "and" ("records
 * showed that Smith had met the minister and said …"); "value added tax" is a tax. */
static void test_conjunctions_and_value_added(void **state)
{
    (void)state;
    res r = run("A district judge agreed with the Democrats. But the U.S. Court of Appeals for "
                "the 6th Circuit overruled and said Ohio already provided more early voting "
                "than the vast majority of states.\n"
                "Hotel records showed that Gerald Smith had met the minister twice and said the "
                "deal was done.\n"
                "The government introduced a 10 pct value added tax on October 1.\n"
                "A year after it was announced, no one had come under the program, and some "
                "families said they were forced to pay smugglers.\n"
                "Asked about his earlier criticism, Gerald Smith said that was a natural part of "
                "running against him.\n");
    check(&r, "Ohio already provided more early voting", "U.S. Court of Appeals", 0, "said");
    check(&r, "the deal was done", "Gerald Smith", 0, "said");
    /* "it was announced" with nothing after it tells nothing and takes no sentence */
    check(&r, "they were forced to pay smugglers", "families", 0, "said");
    /* an adverb set off by commas between the subject and its "who" clause */
    res r2 = run("Bernie Sanders spoke on Monday in Iowa.\n"
                 "Hillary Clinton has 31 endorsements in the Senate. Sanders, meanwhile, who sits "
                 "at zero such endorsements, said that fact speaks volumes about the race.\n");
    check(&r2, "fact speaks volumes about the race", "Bernie Sanders", 0, "said");
    /* "that" before its verb is the clause's subject, not the conjunction */
    check(&r, "that was a natural part of running", "Gerald Smith", 0, "said");
    for (size_t i = 0; i < r.n; i++)
        assert_false(r.st[i].cue && strcmp(r.st[i].cue, "added") == 0);
}

/* An opening adverbial is no statement when the cue is followed by what was undertaken ("At
 * rally after rally, to rapturous crowds, he vows to impose …") or by a quote ("On Dec. 7 on
 * MSNBC, Bush said “local forces” must lead the way"). */
static void test_opening_adverbial_before_undertaking_or_quote(void **state)
{
    (void)state;
    res r = run("Donald Trump spoke in Indiana.\n"
                "At rally after rally, to rapturous crowds, he vows to impose a 35 percent tax "
                "on products from Mexico.\n"
                "On Dec. 7 on MSNBC, Jeb Bush said \"local forces\" must lead the way.\n"
                "On Dec. 8 on CNN, Bush said \"local forces\" must lead the way in the fight "
                "against the group in Syria and in Iraq this winter.\n");
    check(&r, "to impose a 35 percent tax", "Donald Trump", 0, "vows");
    assert_false(has(&r, "At rally after rally"));
    assert_false(has(&r, "On Dec. 7 on MSNBC"));
    assert_false(has(&r, "On Dec. 8 on CNN"));
}

/* After a quote and its cue, a clause of its own with a conjunction, a subject and a cue
 * ("“…,” said Reince Priebus, though he added that he expected …") is a statement too. */
static void test_later_clause_after_quote_cue(void **state)
{
    (void)state;
    res r = run("Reince Priebus spoke on Monday.\n"
                "\xE2\x80\x9CThe distraction gets you off message a little,\xE2\x80\x9D said "
                "party boss Reince Priebus, though he added that he expected the flap to fade "
                "quickly.\n"
                "\xE2\x80\x9CVetting is one thing,\xE2\x80\x9D Ben Carson said on Sunday, but he "
                "said he is being asked about incidents that happened 20 and 50 years ago.\n");
    check(&r, "The distraction gets you off message", "Reince Priebus", 1, "said");
    check(&r, "he expected the flap to fade quickly", "Reince Priebus", 0, "added");
    check(&r, "Vetting is one thing", "Ben Carson", 1, "said");
    check(&r, "he is being asked about incidents", "Ben Carson", 0, "said");
}

/* A quoted complement of "be" right before the cue is part of the clause, which is the
 * statement ("Teachers who connect online … are “very, very pro-Bernie,” Kilfoyle said"). */
static void test_quoted_complement_in_clause(void **state)
{
    (void)state;
    res r = run("Marla Kilfoyle leads the group.\n"
                "Teachers who connect online with the association are \xE2\x80\x9Cvery, very "
                "pro-Bernie,\xE2\x80\x9D Kilfoyle said.\n"
                "The current quota system is \"unfair and autocratic,\" the minister said.\n");
    check(&r, "Teachers who connect online with the association are", "Marla Kilfoyle", 0, "said");
    const hd_statement *s = find(&r, "The current quota system is");
    assert_non_null(strstr(s->text, "unfair and autocratic"));
}

/* "who asked not to be identified" is a condition of anonymity, not a statement; the
 * speaker is the one the clause follows, the head of the phrase before it ("A close aide to
 * Nakasone, who …, said": the aide). */
static void test_asked_not_to_be_identified(void **state)
{
    (void)state;
    res r = run("Prime Minister Yasuhiro Nakasone spoke on Monday.\n"
                "The strategist, who works for one of the party's top contenders and asked not "
                "to be identified, said the report was like an anvil falling on the market.\n"
                "A close aide to Nakasone, who asked not to be identified, said he sees the tax "
                "having little impact on the elections.\n");
    for (size_t i = 0; i < r.n; i++)
        assert_false(r.st[i].cue && strcmp(r.st[i].cue, "asked") == 0);
    check(&r, "the report was like an anvil", NULL, 0, "said");
    const hd_statement *s = find(&r, "he sees the tax having little impact");
    assert_true(s->speaker == NULL || strcmp(s->speaker, "Yasuhiro Nakasone") != 0);
    assert_non_null(s->speaker_mention);
    assert_non_null(strstr(s->speaker_mention, "aide"));
}

/* "notes" after a word for debt is a security, not a cue ("floating rate notes", "senior
 * notes"); "so far" stands between a subject and its cue. */
static void test_debt_notes_and_so_far(void **state)
{
    (void)state;
    res r = run("The World Bank had not issued floating rate notes so far this year because of "
                "the expectation of higher interest rates.\n"
                "The company sold 150 mln dlrs of senior notes due 1995 with a 9 pct coupon.\n"
                "The system itself has so far predicted losses for all of 1987 will reach only "
                "1.1 billion dlrs.\n");
    for (size_t i = 0; i < r.n; i++)
        assert_false(r.st[i].cue && strcmp(r.st[i].cue, "notes") == 0);
    const hd_statement *s = find(&r, "losses for all of 1987 will reach");
    assert_non_null(s->speaker_mention);
    assert_non_null(strstr(s->speaker_mention, "system"));
}

/* Notes of a term ("two-year notes"), of a currency ("Swiss franc notes") and notes before
 * their verb ("The notes were given") are debt too; "otherwise" heads no subject; "tells of" a
 * story is no statement; a partitive speaker ("one of the sources") speaks as the group
 * ("sources"). */
static void test_term_notes_tells_of_and_partitives(void **state)
{
    (void)state;
    res r = run("The two-year notes mature March 31, 1989.\n"
                "The debt was priced by sole manager Drexel Burnham Lambert Inc. The notes were "
                "given a 10-1/2 pct coupon and par pricing.\n"
                "The Westpac perpetual notes are now the property of a finance subsidiary.\n"
                "The film tells of two adolescent boys who are subjected to a harsh regime.\n"
                "One of the sources said the bank would not intervene.\n"
                "Two of his closest aides said the plan was dead.\n"
                "The board of directors said it approved the merger.\n"
                "He noted that the 10-year yield rose.\n"
                "Swiss franc notes issued after March must carry a prospectus.\n"
                "Trade rights may not be otherwise denied under the agreements.\n");
    for (size_t i = 0; i < r.n; i++) {
        assert_false(r.st[i].cue && strcmp(r.st[i].cue, "notes") == 0);
        assert_false(r.st[i].cue && strcmp(r.st[i].cue, "tells") == 0);
    }
    for (size_t i = 0; i < r.n; i++)
        assert_false(r.st[i].speaker && strcmp(r.st[i].speaker, "otherwise") == 0);
    assert_string_equal(find(&r, "the bank would not intervene")->speaker, "sources");
    assert_string_equal(find(&r, "the plan was dead")->speaker, "closest aides");
    assert_string_equal(find(&r, "it approved the merger")->speaker, "board of directors");
    check(&r, "the 10-year yield rose", NULL, 0, "noted");
}

/* A bare present speaks for a plural subject ("Critics argue that …", "Officials insist …"),
 * not after "to", a modal or "and"; "yesterday" and "last night" stand between a subject and
 * its cue; "the final say" is a noun; "questions asked of managers" is no statement. */
static void test_bare_presents_and_time_before_cue(void **state)
{
    (void)state;
    res r = run("Critics argue that the plan is too costly.\n"
                "Officials insist the new rules will work.\n"
                "Cruz used the speech to warn voters that the party was at risk.\n"
                "She can deny that she knew of the deal.\n"
                "The company yesterday said it would cut 300 jobs.\n"
                "A government statement late last night said the talks had failed.\n"
                "Scottish ministers will have the final say on whether a casino will be built.\n"
                "The index is based on questions asked of purchasing managers at 250 firms.\n");
    check(&r, "the plan is too costly", "critics", 0, "argue");
    check(&r, "the new rules will work", "officials", 0, "insist");
    check(&r, "it would cut 300 jobs", "company", 0, "said");
    check(&r, "the talks had failed", "government statement", 0, "said");
    for (size_t i = 0; i < r.n; i++) {
        assert_false(r.st[i].cue && strcmp(r.st[i].cue, "warn") == 0);
        assert_false(r.st[i].cue && strcmp(r.st[i].cue, "deny") == 0);
        assert_false(r.st[i].cue && strcmp(r.st[i].cue, "say") == 0);
        assert_false(r.st[i].cue && strcmp(r.st[i].cue, "asked") == 0);
    }
}

/* A title written out ("sister", "father") ends a sentence with its period; an abbreviated
 * one ("Fr.", "Cmdr.", "Sgt.") does not; "Miss.-based" keeps its period inside the word. */
static void test_periods_of_titles_and_abbreviations(void **state)
{
    (void)state;
    res r = run("Prosecutors had asked for 15 years in jail for Jaynes, and a jail term for his "
                "sister. But Jaynes' lawyer David Oblon called the term \"outrageous\" and said "
                "his client believed he was innocent.\n"
                "Fr. Frank Pavone said the platform was extreme.\n"
                "Cmdr. Sean Robertson said the United States does not support forced "
                "relocations.\n"
                "Bilzerian said he proposed buying the Kent, Wash.-based retailing company "
                "through a new company.\n");
    check(&r, "his client believed he was innocent", "David Oblon", 0, "said");
    assert_null(strstr(find(&r, "for 15 years")->text, "Oblon"));
    check(&r, "the platform was extreme", "Frank Pavone", 0, "said");
    check(&r, "does not support forced relocations", "Sean Robertson", 0, "said");
    assert_non_null(strstr(find(&r, "he proposed buying")->text, "retailing company through"));
}

/* After a listener a "the" opens what was said: "told a U.S.-USSR business meeting the
 * Soviet Union produces …" (not the "that" of a relative clause further on). */
static void test_listener_then_clause_subject(void **state)
{
    (void)state;
    res r = run("Sergey Frolov told a U.S.-USSR business meeting the Soviet Union produces few "
                "items that western nations want.\n"
                "He told reporters before addressing the Future Industry Association that such "
                "a tax could impair competitiveness.\n");
    check(&r, "the Soviet Union produces few items", "Sergey Frolov", 0, "told");
    const hd_statement *s = find(&r, "such a tax could impair");
    assert_int_equal(strncmp(s->text, "such a tax", 10), 0);
}

/* "Gov. Eric Holcomb" makes him a governor for a bare "the governor" that nothing else
 * binds: the governor the article names most; a qualified or indefinite mention says more
 * than the title did and stays unbound. */
static void test_abbreviated_title_holds_its_office(void **state)
{
    (void)state;
    res r = run("Republican Gov. Eric Holcomb has avoided criticism of teachers.\n"
                "Teachers did not see Holcomb at the Statehouse. Holcomb was in Florida.\n"
                "Kentucky Gov. Matt Bevin lost his race this month.\n"
                "Thousands of teachers rallied at the Statehouse on Tuesday.\n"
                "The governor said he was waiting for a teacher pay commission.\n"
                "The Ohio governor said the budget was sound.\n"
                "A Democratic governor said the plan would fail.\n");
    check(&r, "he was waiting for a teacher pay commission", "Eric Holcomb", 0, "said");
    check(&r, "the budget was sound", NULL, 0, "said");
    check(&r, "the plan would fail", NULL, 0, "said");
}

/* A small word in capitals after words that are not is an acronym ("the WHO"), no pronoun;
 * "Name of/at/from (a few words) Organisation said" gives the person. */
static void test_acronyms_and_people_at_organisations(void **state)
{
    (void)state;
    res r = run("The WHO said the outbreak was contained.\n"
                "Cara Diemont of IT firm Dimension Data says customers are impatient.\n"
                "Ronald Glantz at Montgomery Securities said further production cuts might be "
                "necessary.\n"
                "Matthew Herren from EduVision told the conference the project had grown.\n");
    check(&r, "the outbreak was contained", "WHO", 0, "said");
    check(&r, "customers are impatient", "Cara Diemont", 0, "says");
    check(&r, "further production cuts", "Ronald Glantz", 0, "said");
    check(&r, "the project had grown", "Matthew Herren", 0, "told");
}

/* "His Eminence" reads like "he"; "pointed out", "commented" and "underlined that" are cues,
 * "pointed to" and "underscored the need" are not; "The Leader of the Revolution" is the
 * role, "The Archbishop of Canterbury" an office no one who spoke before holds. */
static void test_honorifics_and_more_cues(void **state)
{
    (void)state;
    res r = run("Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei received a group "
                "of students on Sunday.\n"
                "His Eminence added that the enemies had failed to achieve their goals.\n"
                "The Leader of the Revolution underlined that negotiation with America is "
                "poison.\n"
                "He pointed out that the US is not trustworthy.\n"
                "The minister pointed to the map of the region.\n"
                "Bond prices underscored the anxiety of investors.\n"
                "\"The market is calm,\" one trader commented.\n"
                "Prime Minister Tony Blair said the wedding was good news.\n"
                "The Archbishop of Canterbury said he was pleased.\n");
    check(&r, "the enemies had failed", "Ali Khamenei", 0, "added");
    check(&r, "negotiation with America is poison", "Ali Khamenei", 0, "underlined");
    check(&r, "the US is not trustworthy", "Ali Khamenei", 0, "pointed");
    assert_false(has(&r, "the map of the region"));
    assert_false(has(&r, "the anxiety of investors"));
    check(&r, "The market is calm", NULL, 1, "commented");
    check(&r, "he was pleased", NULL, 0, "said");
    assert_null(entity(&r, "Eminence"));
    /* "the ROLE of the ORGANISATION" speaks as the role, not as the organisation */
    r = run("Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei met students on "
            "Wednesday.\n"
            "The Leader of the Islamic Revolution stressed that the enemies will fail.\n"
            "The chairman of Bankers Trust Co asserted that the Glass-Steagall Act is all but "
            "dead.\n");
    check(&r, "the enemies will fail", "Ali Khamenei", 0, "stressed");
    assert_null(entity(&r, "Revolution"));
    check(&r, "the Glass-Steagall Act is all but dead", NULL, 0, "asserted");
}

/* After a quote and its cue, ", adding that …" says more of the same speaker's words. */
static void test_quote_then_participle(void **state)
{
    (void)state;
    res r = run("Ayatollah Ali Khamenei met teachers in Tehran on Wednesday.\n"
                "\u201cNegotiation with America is poison,\u201d Ayatollah Khamenei said, adding "
                "that \u201cnegotiation with the current US government is double poison.\u201d\n"
                "\"The ball is in their court,\" said Abbas Mousavi, noting that no meeting was "
                "planned.\n");
    check(&r, "Negotiation with America is poison", "Ali Khamenei", 1, "said");
    check(&r, "double poison", "Ali Khamenei", 0, "adding");
    check(&r, "no meeting was planned", "Abbas Mousavi", 0, "noting");
    /* an opening adverbial is no statement: the words after the cue are */
    r = run("Ayatollah Ali Khamenei met students on Wednesday.\n"
            "Elsewhere in his remarks, Ayatollah Khamenei called on the youth to strengthen the "
            "economy.\n");
    check(&r, "the youth to strengthen the economy", "Ali Khamenei", 0, "called");
    assert_false(has(&r, "Elsewhere in his remarks"));
    /* "went out of his way to say", "was quick to add": the subject's words */
    r = run("President Vladimir Putin spoke for four hours on Thursday.\n"
            "Putin went out of his way to say that the economy had hit bottom this year.\n"
            "Coca-Cola was quick to say that it is not endorsing any candidate.\n");
    check(&r, "the economy had hit bottom", "Vladimir Putin", 0, "say");
    check(&r, "it is not endorsing any candidate", "Coca-Cola", 0, "say");
    /* where something was said is no statement; a clause after it is */
    r = run("Spokesman Rich Hall said in a telephone interview from the company's Chicago "
            "headquarters.\n"
            "Westpac said in a statement the increase reflects high costs of funding.\n");
    assert_false(has(&r, "telephone interview"));
    check(&r, "the increase reflects high costs of funding", "Westpac", 0, "said");
}

/* "The 31-year-old said" is the person the article gives that age; without one, no one. */
static void test_age_stands_for_a_person(void **state)
{
    (void)state;
    res r = run("Darren Campbell, 31, pulled out of the race in Madrid with a hamstring injury.\n"
                "Jason Gardener won the 60m in 6.55 seconds.\n"
                "The 31-year-old said the injury had stopped him from running at his best.\n");
    check(&r, "the injury had stopped him", "Darren Campbell", 0, "said");
    r = run("Jason Gardener won the 60m in 6.55 seconds.\n"
            "The 27-year-old said he was happy with the time.\n");
    check(&r, "he was happy with the time", NULL, 0, "said");
}

/* "told LISTENER at a news conference that A": A, across the adverbial after the listener;
 * not the "that" of "at that time", not past a clause of its own. */
static void test_told_listener_adverbial_that(void **state)
{
    (void)state;
    res r = run("Police Chief Ed Alvarez told reporters at a news conference that officials "
                "began receiving calls on Tuesday.\n"
                "Bat told the BBC at that time that it had not negotiated with the agency.\n"
                "Gibson Chigaga told Reuters in an interview it was not true that Western states "
                "had threatened to withhold aid.\n");
    const hd_statement *st = find(&r, "officials began receiving calls");
    assert_int_equal(strncmp(st->text, "officials began", 15), 0);
    st = find(&r, "it had not negotiated");
    assert_int_equal(strncmp(st->text, "it had not negotiated", 21), 0);
    assert_non_null(strstr(find(&r, "Western states")->text, "it was not true"));
}

/* "at least" after a cue opens the reported clause when its verb follows ("…, police said at
 * least six people were killed"), not the sentence before the cue; "at least twice" is how
 * often the words before it were said. */
static void test_at_least_after_cue(void **state)
{
    (void)state;
    res r = run("Friday morning, as the parade rolled through Pasadena, CNN reported at least six "
                "planes filled the skies over the city.\n"
                "On Sunday, police said at least 30 people were killed in the blast.\n"
                "The economy is strong, the minister said at least twice.\n");
    const hd_statement *st = find(&r, "six planes");
    assert_int_equal(strncmp(st->text, "at least six planes filled the skies", 36), 0);
    assert_false(has(&r, "as the parade rolled"));
    check(&r, "at least 30 people were killed", "police", 0, "said");
    assert_string_equal(find(&r, "30 people")->speaker_mention, "police");
    assert_string_equal(find(&r, "The economy is strong")->text, "The economy is strong");
}

/* "add to" a noun phrase is no saying ("adds to the drama that has surrounded …"); "added to
 * reporters that …" and "…,\" he added to the crowd" still are. */
static void test_add_to_a_noun_phrase(void **state)
{
    (void)state;
    res r = run("The latest hiccup adds to the drama that has surrounded the senator's email.\n"
                "The problem is likely to recur in April, adding to that country's surplus.\n"
                "Mayor John Smith added to reporters that the plan would work.\n"
                "\"We will win,\" Smith added to the crowd.\n");
    assert_false(has(&r, "has surrounded"));
    assert_false(has(&r, "country's surplus"));
    check(&r, "the plan would work", "John Smith", 0, "added");
    check(&r, "We will win", "John Smith", 1, "added");
}

/* The topic of "warned of", "boasted of", "complained about" is what was said, and a "that"
 * after its noun is a relative; "said of X that …" still crosses to the clause. */
static void test_topic_preposition_then_relative_that(void **state)
{
    (void)state;
    res r = run("Senator Ted Cruz has boasted of his appeal to the voters that comprise the base.\n"
                "Cruz warned of a crisis that could spread to Europe.\n"
                "President Barack Obama said of the plan that it would fail.\n");
    assert_int_equal(strncmp(find(&r, "comprise the base")->text, "of his appeal", 13), 0);
    assert_int_equal(strncmp(find(&r, "could spread")->text, "of a crisis", 11), 0);
    assert_string_equal(find(&r, "it would fail")->text, "it would fail");
}

/* An -ing word after a determiner or a possessive modifies the speaker's noun ("the leading
 * candidate", "The rating agency", "Iran's ruling clerics"): the mention after a quote. */
static void test_ing_modifier_in_the_speaker(void **state)
{
    (void)state;
    res r = run("\"We will win in November,\" the leading candidate said.\n"
                "\"The outlook is negative,\" the rating agency said.\n"
                "\"It was very nice,\" the gambling tycoon told Reuters in an interview in Macau "
                "when asked if he had met Trump.\n");
    assert_string_equal(find(&r, "We will win")->speaker_mention, "the leading candidate");
    assert_string_equal(find(&r, "The outlook is negative")->speaker_mention, "the rating agency");
    check(&r, "It was very nice", NULL, 1, "told");
    assert_string_equal(find(&r, "It was very nice")->speaker_mention, "the gambling tycoon");
    assert_false(has(&r, "in a rare interview"));
}

/* A place after a locative preposition locates the speaker before it, whatever the entity
 * pass took the place for ("London", "Ferguson", "Congress" unknown to the lexicons), and a
 * plural noun no lexicon knows heads the phrase ("Some stores in London", "Shops all over the
 * UK"): the place never speaks. */
static void test_place_after_locative_is_no_speaker(void **state)
{
    (void)state;
    res r = run("Some stores in London said trade was slow before Christmas.\n"
                "Shops all over the UK reported strong sales on the last Saturday before "
                "Christmas.\n"
                "Farmers across the country said the rain came too late.\n"
                "Police in Ferguson said the protest was peaceful.\n"
                "A woman in Worcester said she heard the blast.\n"
                "Traders in London said the dollar would fall.\n");
    check(&r, "trade was slow", "stores", 0, "said");
    check(&r, "strong sales", "shops", 0, "reported");
    check(&r, "the rain came too late", "farmers", 0, "said");
    check(&r, "the protest was peaceful", "police", 0, "said");
    check(&r, "she heard the blast", "woman", 0, "said");
    check(&r, "the dollar would fall", "traders", 0, "said");
    assert_string_equal(find(&r, "trade was slow")->speaker_mention, "Some stores in London");
}

/* "Lib Dem chairman Matthew Taylor has written …. He says …": a name before a role whose holder
 * is named in full after it says whose the role is; "he" is the holder. */
static void test_role_holder_is_the_subject(void **state)
{
    (void)state;
    res r = run("Lib Dem chairman Matthew Taylor has written to the watchdog.\n"
                "He says the initial call may not be marketing.\n"
                "Clinton campaign manager Robby Mook spoke to reporters on Tuesday.\n"
                "He said the race was far from over.\n");
    check(&r, "the initial call may not be marketing", "Matthew Taylor", 0, "says");
    check(&r, "the race was far from over", "Robby Mook", 0, "said");
}

/* A knight or a dame is called by the first name: "Sir Edward" after "Sir Edward Heath" is
 * he, and one entity; two people of that first name leave it alone. */
static void test_sir_and_dame_take_the_first_name(void **state)
{
    (void)state;
    res r = run("Sir Edward Heath lost the election in 1974.\n"
                "Sir Edward said the Liberals could keep out Labour.\n"
                "Dame Judi Dench and Sir John Major were there. Sir John Stevens spoke later.\n"
                "Dame Judi said she was thrilled, and Sir John said he was not.\n");
    check(&r, "the Liberals could keep out Labour", "Edward Heath", 0, "said");
    check(&r, "she was thrilled", "Judi Dench", 0, "said");
    assert_null(entity(&r, "Edward"));
    assert_int_equal(entity(&r, "Edward Heath")->n_mentions, 2);
    assert_non_null(entity(&r, "John"));
}

/* "CLAUSE, a spokeswoman, Anna Richardson White, said": the mention runs from the role, so the
 * clause ends before it; a role that is also a surname may end a name of three words. */
static void test_role_then_name_after_a_clause(void **state)
{
    (void)state;
    res r = run("Facebook created the tool to help in times of crisis, a spokeswoman, Anna "
                "Richardson White, said on Saturday.\n"
                "The bank does not favour the new rules, its governor, Robin Leigh-Pemberton, "
                "said.\n");
    check(&r, "Facebook created the tool", "Anna Richardson White", 0, "said");
    assert_string_equal(find(&r, "Facebook created the tool")->text,
                        "Facebook created the tool to help in times of crisis");
    assert_string_equal(find(&r, "Facebook created the tool")->speaker_mention,
                        "a spokeswoman, Anna Richardson White");
    assert_string_equal(find(&r, "The bank does not favour")->text,
                        "The bank does not favour the new rules");
}

/* A participle with its object after the subject's head ("House Republicans supporting the
 * bill have said"): the head speaks, not the object; an -ing noun or adjective compounds
 * ("RICS housing spokesman Ian Perry", "four leading economists", "The crop reporting board"). */
static void test_participle_after_the_subject_head(void **state)
{
    (void)state;
    res r = run("Nonetheless, House Republicans supporting the bill have said they have the votes "
                "to pass it.\n"
                "Officials investigating the crash said the pilot was tired.\n"
                "Supporters cheering Donald Trump said they loved the speech.\n"
                "RICS housing spokesman Ian Perry said the market was slow.\n"
                "A panel of four leading economists said growth would slow.\n"
                "The crop reporting board said the harvest was late.\n");
    check(&r, "they have the votes", "House Republicans", 0, "said");
    check(&r, "the pilot was tired", "officials", 0, "said");
    check(&r, "they loved the speech", "supporters", 0, "said");
    check(&r, "the market was slow", "Ian Perry", 0, "said");
    check(&r, "growth would slow", "economists", 0, "said");
    check(&r, "the harvest was late", "board", 0, "said");
}

/* ", saying" after "But the other candidate on the stage, former Secretary of State Hillary
 * Clinton, drew a contrast": the sentence's subject is no adverbial before the verb ("drew"
 * was the speaker), and the person its appositive names is the speaker; "With Jools Holland,
 * booked …" still opens on an adverbial. */
static void test_participle_after_an_appositive_subject(void **state)
{
    (void)state;
    res r = run("But the other candidate on the stage, former Secretary of State Hillary Clinton, "
                "drew a contrast, saying that concerns about job loss were not to be dismissed.\n"
                "Alison Howe, producer of TV show Later... With Jools Holland, booked the group. "
                "\"They played like they were headlining the main stage,\" she said.\n");
    check(&r, "concerns about job loss", "Hillary Clinton", 0, "saying");
    check(&r, "They played like", "Alison Howe", 1, "said");
}

/* A quote opening its sentence and ", according to X": X's words, and a "he" after it is X;
 * a short quote inside a clause stays in the clause the source is for, and "According to X"
 * opening the next sentence is a statement of its own. */
static void test_quote_then_according_to(void **state)
{
    (void)state;
    res r = run("\"The UK is the largest display market in Europe,\" according to John Binks, "
                "director of GfK. But, he added: \"Few of the screens sold are HD.\"\n"
                "\"The reggae industry will work with the artists,\" according to media and PR "
                "strategist Glen Yearwood.\n"
                "Most voters said they do not believe Mrs. Clinton \"cares about people like me,\" "
                "according to a Quinnipiac poll.\n");
    check(&r, "The UK is the largest display market", "John Binks", 1, "according to");
    check(&r, "Few of the screens sold are HD", "John Binks", 1, "added");
    check(&r, "The reggae industry will work", "Glen Yearwood", 1, "according to");
    assert_non_null(strstr(find(&r, "they do not believe")->text, "cares about people like me"));
}

/* "pledges", "promises", "vows" after a modifier and before a verb or preposition of their
 * own are nouns, as "claims" were; also after a quote's cue search ("… “disproportionate”
 * tax claims."). */
static void test_plural_cue_nouns(void **state)
{
    (void)state;
    res r = run("It was no good Mr Blair claiming tax pledges were being left to the manifesto, "
                "argued Michael Howard.\n"
                "Yukos asked the court to order Russia to arbitration over a \"campaign of "
                "illegal, discriminatory and disproportionate\" tax claims.\n"
                "The party pledges to cut taxes.\n");
    assert_false(has(&r, "were being left to the manifesto") &&
                 strcmp(find(&r, "were being left to the manifesto")->cue, "pledges") == 0);
    check(&r, "tax pledges were being left", "Michael Howard", 0, "argued");
    for (size_t i = 0; i < r.n; i++)
        assert_false(r.st[i].cue && strcmp(r.st[i].cue, "claims") == 0);
    check(&r, "to cut taxes", "party", 0, "pledges");
}

/* "denied his party the victory", "denied Carter a photograph": deny with two objects says
 * nothing ("She denied that she had lied" still does); a source inside parentheses ends at
 * the closing one, which an acronym's own parentheses do not. */
static void test_deny_two_objects_and_parenthesised_source(void **state)
{
    (void)state;
    res r = run("The government denied his party the victory and jailed him.\n"
                "Kennedy denied Carter a final-night photograph of unity.\n"
                "She denied that she had lied to investigators.\n"
                "Trump repeated his claim about the victims (the actual number is closer to 15 "
                "percent, according to Factcheck.org).\n"
                "Tourism is vital to many developing countries, according to the World Travel and "
                "Tourism Council (WTTC).\n");
    assert_false(has(&r, "the victory"));
    assert_false(has(&r, "final-night photograph"));
    check(&r, "she had lied", NULL, 0, "denied");
    assert_string_equal(find(&r, "closer to 15 percent")->speaker_mention, "Factcheck.org");
    assert_string_equal(find(&r, "Tourism is vital")->speaker_mention,
                        "the World Travel and Tourism Council (WTTC)");
}

/* A sentence's opening "-ing" word is no first name when what follows is a name the article
 * writes after another first name, or a title; a real first name stays. */
static void test_gerund_before_name(void **state)
{
    (void)state;
    res r = run("Apple chief executive Tim Cook spoke at the event.\n"
                "Hosting Cook at Dreamforce \u201cis our dream,\u201d Benioff said.\n"
                "\u201cWe really took that challenge to heart,\u201d he said.\n"
                "Analysing Mr Brown's budget, economists said it was cautious.\n"
                "Irving Nathan, a lawyer for the company, said the ruling was wrong.\n"
                "Mr. Nathan said an appeal would follow.\n");
    assert_null(entity(&r, "Hosting Cook"));
    check(&r, "We really took that challenge", "Tim Cook", 1, "said");
    assert_null(entity(&r, "Analysing Mr Brown"));
    check(&r, "the ruling was wrong", "Irving Nathan", 0, "said");
}

/* A first name alone is the one person of the article with that first name; two people
 * sharing it leave it alone. */
static void test_first_name_alone(void **state)
{
    (void)state;
    res r = run("Elise Matthesen knew him for years.\n"
                "Elise wrote that she had interviewed him for a convention.\n"
                "Finance minister Wang Bingqian presented the budget.\n"
                "Wang said tax receipts rose to 206 billion yuan.\n");
    check(&r, "she had interviewed him", "Elise Matthesen", 0, "wrote");
    check(&r, "tax receipts rose", "Wang Bingqian", 0, "said");
    res r2 = run("Mark Smith and Mark Jones met on Monday.\n"
                 "Mark said the talks went well for both sides.\n");
    const hd_statement *s = find(&r2, "the talks went well");
    assert_true(s->speaker == NULL ||
                (strcmp(s->speaker, "Mark Smith") != 0 && strcmp(s->speaker, "Mark Jones") != 0));
}

/* A sentence opening on an adverbial that names a city and its state: the subject comes
 * after both ("…, Ohio, Brenda Johnson railed …"), and a later "she" is hers. */
static void test_subject_after_city_and_state(void **state)
{
    (void)state;
    res r = run("At a campaign event in St. Clairsville, Ohio, 62-year-old Brenda Johnson also "
                "railed against the plan.\n"
                "\u201cThey should speak English in public,\u201d she said.\n");
    check(&r, "They should speak English in public", "Brenda Johnson", 1, "said");
    res r2 = run("At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on "
                 "her statement, saying that the United States should play a leading role.\n");
    check(&r2, "the United States should play a leading role", "Clinton", 0, "saying");
}

static void test_empty_and_bad_args(void **state)
{
    (void)state;
    res r = run("");
    assert_int_equal(r.n, 0);
    assert_int_equal(r.n_ent, 0);
    hd_statement *st;
    hd_entity *en;
    size_t n, m;
    hd_err err = {0};
    assert_int_equal(hd_extract_statements(NULL, &arena, NULL, "x", 1, &st, &n, &en, &m, &err),
                     HD_EINVAL);
    /* invalid UTF-8 and stray quotes must not crash */
    const char junk[] = "\xff\xfe\"\"\" said \xe2\x80\x9c\n\n\xe2\x80\x9d he said \"";
    assert_int_equal(
        hd_extract_statements(lx, &arena, NULL, junk, sizeof junk - 1, &st, &n, &en, &m, NULL),
        HD_OK);
}

static void test_lexicon_missing_dir(void **state)
{
    (void)state;
    hd_lexicon *l2 = NULL;
    hd_err err = {0};
    assert_int_not_equal(hd_lexicon_load("/nonexistent/herald-data", &l2, &err), HD_OK);
    assert_null(l2);
    assert_int_not_equal(err.code, HD_OK);
}

/* ---- a real page ----------------------------------------------------------------------------
 */

static void test_seed_page_001(void **state)
{
    (void)state;
    hd_buf b;
    hd_buf_init(&b);
    hd_err err = {0};
    if (hd_fs_read_all(HD_SHARED_DATA "/seed-pages/001_57416462ae6622d3.txt", 1 << 20, &b, &err) !=
        HD_OK) {
        hd_buf_done(&b);
        skip();
    }
    res r = run(b.p);
    check(&r, "he rejects talks with the United States", "Ali Khamenei", 0, "said");
    check(&r, "Some armored units and special forces", "Muhammad Pakpour", 1, "said");
    check(&r, "The measure taken by the ground force", "Muhammad Pakpour", 1, "added");
    assert_false(has(&r, "War on Terror") && !has(&r, "referred"));
    hd_buf_done(&b);
}

/* One entry per canonical name: mentions the pass kept apart (a bare "Clinton" later resolved
 * to "Hillary Clinton" beside her full name; "shares in Barclays" taken for a place beside
 * Barclays the bank) are counted together. Real articles: BBC business news and PolNeAR. */
static void test_entities_one_per_name(void **state)
{
    (void)state;
    static const char *const files[] = {
        HD_SHARED_DATA "/bbc-news/business/126.txt", HD_SHARED_DATA
        "/polnear/train/text/breitbart_2016-02-20_the-latest-hillary-clinton-tells.txt"};
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        hd_buf b;
        hd_buf_init(&b);
        hd_err err = {0};
        if (hd_fs_read_all(files[f], 1 << 20, &b, &err) != HD_OK) {
            hd_buf_done(&b);
            skip();
        }
        res r = run(b.p);
        assert_true(r.n_ent > 5);
        for (size_t i = 0; i < r.n_ent; i++)
            for (size_t j = i + 1; j < r.n_ent; j++)
                if (strcmp(r.ent[i].name, r.ent[j].name) == 0)
                    fail_msg("%s: two entities named %s", files[f], r.ent[i].name);
        const hd_entity *e = entity(&r, f == 0 ? "Barclays" : "Hillary Clinton");
        assert_non_null(e);
        assert_int_equal(e->kind, f == 0 ? HD_ENT_ORG : HD_ENT_PERSON);
        assert_true(e->n_mentions >= (f == 0 ? 2u : 40u));
        hd_buf_done(&b);
    }
}

/* A common word capitalised only because it opens the sentence is no part of the person's name
 * after it ("Rival Hillary Clinton", "Judges Simon Cowell"), when the article writes it in
 * lower case elsewhere; a word it capitalises inside sentences too stays ("Writer" is a role
 * word: no change there). */
static void test_sentence_opening_common_word_before_a_name(void **state)
{
    (void)state;
    res r = run("Sanders beat his rival in Iowa, and the judges of the show were named.\n"
                "Rival Hillary Clinton won in Nevada.\n"
                "Judges Simon Cowell, Louis Walsh and Sharon Osbourne will return.\n"
                "\"It has been a blast,\" said Cowell.\n");
    assert_non_null(entity(&r, "Hillary Clinton"));
    assert_null(entity(&r, "Rival Hillary Clinton"));
    assert_non_null(entity(&r, "Simon Cowell"));
    assert_int_equal(entity(&r, "Simon Cowell")->kind, HD_ENT_PERSON);
    check(&r, "It has been a blast", "Simon Cowell", 1, "said");
    /* a compound in lower case after its hyphen, never a name's ("Fly-half", "Co-star"),
     * even when the article never writes it in lower case; "Jean-Pierre" is a name's */
    res q = run("Fly-half Charlie Hodgson said his kicking had cost England the game.\n"
                "Jean-Pierre Raffarin said the plan would work.\n");
    check(&q, "his kicking had cost", "Charlie Hodgson", 0, "said");
    assert_null(entity(&q, "Fly-half Charlie Hodgson"));
    check(&q, "the plan would work", "Jean-Pierre Raffarin", 0, "said");
    /* a people's name in the plural before a person's ("Americans Andy Roddick") */
    res u = run("Top-seeded Americans Andy Roddick and Andre Agassi won. Kenyans Evans Rutto said "
                "the race was fast.\n");
    assert_non_null(entity(&u, "Andy Roddick"));
    assert_null(entity(&u, "Americans Andy Roddick"));
    check(&u, "the race was fast", "Evans Rutto", 0, "said");
}

static void test_coordinated_cues(void **state)
{
    (void)state;
    /* PolNeAR style: one statement per cue */
    res r = run("Clinton says she respects Sanders' passion and commitment but argues that he "
                "cannot deliver on his promises of single-payer health care.");
    const hd_statement *a = find(&r, "she respects Sanders");
    const hd_statement *b = find(&r, "he cannot deliver on his promises");
    assert_ptr_not_equal(a, b);
    assert_null(strstr(a->text, "cannot deliver"));
    assert_string_equal(b->cue, "argues");
}

static void test_reported_then_adding_quote(void **state)
{
    (void)state;
    res r = run("In an AP interview Monday, Bernie Sanders said the process of crafting the "
                "party's platform could be \u201cmessy,\u201d adding, \u201cDemocracy is "
                "messy.\u201d");
    check(&r, "Democracy is messy", "Bernie Sanders", 1, "adding");
    const hd_statement *s = find(&r, "the process of crafting");
    assert_null(strstr(s->text, "Democracy"));
    assert_string_equal(s->cue, "said");
}

static void test_quote_ending_sentence_is_not_cued_by_next(void **state)
{
    (void)state;
    res r = run("Clinton congratulated him on what she called \"an extraordinary campaign.\" "
                "She said she admires his determination.");
    assert_false(
        has(&r, "an extraordinary campaign") &&
        strcmp(find(&r, "an extraordinary campaign")->text, "an extraordinary campaign.") == 0);
    check(&r, "she admires his determination", NULL, 0, "said");
}

static void test_according_to_long_source(void **state)
{
    (void)state;
    res r = run("According to a new poll by the Harvard University Institute of Politics, the "
                "two candidates are in a dead heat nationally.");
    const hd_statement *s = find(&r, "the two candidates are in a dead heat");
    assert_string_equal(s->cue, "According to");
    assert_non_null(strstr(s->speaker_mention, "a new poll by the Harvard"));
}

static void test_relative_clause_cues(void **state)
{
    (void)state;
    /* a speech verb in a relative clause on the speaker of a direct quote */
    res r = run("\u201cWe chase every absentee request,\u201d said Tom Borges, who predicted that "
                "about a third of the county vote will be cast early.\n"
                "\u201cPrices are up a little,\u201d said Mr. Ekovich, who noted that some courses "
                "had lost half their value during the recession.\n");
    check(&r, "We chase every absentee request", "Tom Borges", 1, "said");
    check(&r, "about a third of the county vote will be cast early", "Tom Borges", 0, "predicted");
    check(&r, "some courses had lost half their value", "Ekovich", 0, "noted");
    /* the relative clause ends where the main verb begins */
    r = run("Coach Charles Barkley, who said he usually votes for Democrats, said one candidate "
            "he likes is Governor John Kasich.\n");
    const hd_statement *s = find(&r, "he usually votes for Democrats");
    assert_null(strstr(s->text, "candidate"));
    assert_string_equal(s->speaker, "Charles Barkley");
    assert_string_equal(s->cue, "said");
    check(&r, "one candidate he likes is Governor John Kasich", "Charles Barkley", 0, "said");
    /* a request for anonymity is no statement; the main clause still is */
    r = run("The official, who asked not to be identified, said the talks had failed.\n");
    check(&r, "the talks had failed", NULL, 0, "said");
    assert_false(has(&r, "not to be identified"));
    /* "told reporters that": the clause, without its "that" */
    r = run("Transport Minister Ruth Hale told reporters that the plant would close in May.\n");
    s = find(&r, "the plant would close in May");
    assert_int_equal(strncmp(s->text, "the plant", 9), 0);
    /* the antecedent is the person described, not the place in the description */
    r = run("\u201cWe will be there,\u201d said Anna Berg, 41, a nurse from Dayton, Ohio, who said "
            "she planned to march with her colleagues.\n");
    check(&r, "she planned to march with her colleagues", "Anna Berg", 0, "said");
    /* a topic or an object is no statement */
    r = run("Readers trust Martin Lowe, who writes about the credit industry for consumers.\n");
    assert_false(has(&r, "the credit industry"));
    /* "who" in a question is no relative clause */
    r = run("Reporters asked the mayor who said the bridge would close.\n");
    for (size_t i = 0; i < r.n; i++)
        assert_false(strcmp(r.st[i].cue, "said") == 0 &&
                     strncmp(r.st[i].text, "the bridge", 10) == 0);
}

static void test_according_to_role_description(void **state)
{
    (void)state;
    /* "According to X, head of Y, …": a role of something set off by commas describes X */
    res r = run("According to Pat Ferguson, President of AMBO, work on the pipeline will begin "
                "in 2005.\n"
                "According to Robert Walsh, head of game developer Krome Studios, next "
                "generation games will cost more to make.\n"
                "According to police, officers arrested two men near the station.\n");
    const hd_statement *s = find(&r, "work on the pipeline will begin");
    assert_string_equal(s->speaker, "Pat Ferguson");
    assert_null(strstr(s->text, "AMBO"));
    s = find(&r, "next generation games will cost");
    assert_null(strstr(s->text, "Krome"));
    /* a clause after the source is what was said, whole */
    assert_non_null(find(&r, "officers arrested two men"));
}

static void test_according_to_mid_sentence(void **state)
{
    (void)state;
    /* after an opening adverbial or subordinate clause, "according to X," credits the main
     * clause that follows it */
    res r = run("In addition, according to the department, nearly nine million more workers "
                "will be protected from unpaid overtime.\n"
                "While most of the messages were marked confidential, according to a State "
                "Department official, two were upgraded to the secret level.\n");
    const hd_statement *s = find(&r, "nearly nine million more workers will be protected");
    assert_string_equal(s->cue, "according to");
    assert_null(strstr(s->text, "In addition"));
    s = find(&r, "two were upgraded to the secret level");
    assert_null(strstr(s->text, "While most"));
    assert_non_null(strstr(s->speaker_mention, "State Department official"));
    /* in parentheses: the words inside them */
    r = run("Smith often repeats the claim (the real share is closer to 15 percent, according "
            "to the fact-checking group Factcheck.org).\n");
    s = find(&r, "the real share is closer to 15 percent");
    assert_null(strstr(s->text, "Smith often"));
    /* the source's description is no part of the statement */
    r = run("Although exports rose, growth will slow to 2.5 pct this year, according to Daniel "
            "Brook, the Bank of Avalon economist who wrote the report.\n");
    s = find(&r, "growth will slow to 2.5 pct");
    assert_null(strstr(s->text, "economist"));
    /* a clause before the comma is still what the source said */
    r = run("Exports fell by a third last year, according to the trade ministry.\n");
    find(&r, "Exports fell by a third last year");
}

static void test_title_case_headline(void **state)
{
    (void)state;
    /* a headline or live-blog subhead in title case: "X Says Y" */
    res r = run("Senator Maria Gomez Says Border Bill Will Pass Before Christmas\n\n"
                "The senator spoke to reporters on Monday.\n\n"
                "Governor Tells Farmers To Expect Relief Checks\n");
    check(&r, "Border Bill Will Pass Before Christmas", "Maria Gomez", 0, "Says");
    const hd_statement *s = find(&r, "Farmers To Expect Relief Checks");
    assert_string_equal(s->cue, "Tells");
    /* not a headline: a sentence, or a title whose left side is no name */
    r = run("What The Bible Says About Money And Debt\n\n"
            "Officials Says nothing about it in the report, which was filed late.\n");
    assert_false(has(&r, "About Money And Debt"));
    assert_false(has(&r, "nothing about it"));
}

static void test_quoted_names_inside_clauses(void **state)
{
    (void)state;
    /* a programme's name in quotes, its comma inside them, is no direct quote of the speaker */
    res r = run("Asked why he had yet to endorse Clinton during an appearance Friday on \u201cCBS "
                "This Morning,\u201d Sanders said he had not \u201cheard her say the things "
                "that need to be said.\u201d\n"
                "Speaking Sunday on ABC\u2019s \u201cThis Week,\u201d Carson admitted that the "
                "course name in his book was wrong, but said his campaign had found the "
                "article.\n");
    assert_false(has(&r, "CBS This Morning") && find(&r, "CBS This Morning")->direct);
    assert_false(has(&r, "This Week") && find(&r, "This Week")->direct);
    const hd_statement *s = find(&r, "he had not");
    assert_string_equal(s->speaker_mention, "Sanders");
    check(&r, "the course name in his book was wrong", "Carson", 0, "admitted");
    check(&r, "his campaign had found the article", "Carson", 0, "said");
    /* a short scare quote after a determiner, then the cue: no statement either */
    r = run("Officials used a \u201cburn bag,\u201d the newspaper reported.\n");
    assert_false(has(&r, "burn bag") && find(&r, "burn bag")->direct);
    /* the clause holding the phrase, up to it, is what the speaker said */
    r = run("Adding the stock to the index is a \u201cminor positive development,\u201d analyst "
            "Martin Ziegler said, noting that it brings in new buyers.\n");
    s = find(&r, "Adding the stock to the index is a");
    assert_string_equal(s->speaker, "Martin Ziegler");
    assert_false(s->direct);
    /* a long quotation after a determiner still is what the source says */
    r = run("The suit argues that an \u201calarmingly inadequate number of voting centers "
            "resulted in severe burdens on voters,\u201d the lawsuit says.\n");
    find(&r, "alarmingly inadequate number of voting centers");
}

static void test_amounts_and_adverbs_around_cues(void **state)
{
    (void)state;
    res r = run("The budget office said about half of the higher deficit reflected the tax "
                "cuts.\n"
                "Defense Secretary Ash Carter however said he would welcome a security network "
                "for Asia.\n"
                "The neighbours complained about noise from the new stadium.\n");
    const hd_statement *s = find(&r, "about half of the higher deficit reflected the tax cuts");
    assert_string_equal(s->cue, "said");
    assert_string_equal(s->speaker_mention, "The budget office");
    check(&r, "he would welcome a security network for Asia", "Ash Carter", 0, "said");
    assert_false(has(&r, "noise from the new stadium"));
}

static void test_when_asked_after_a_quote(void **state)
{
    (void)state;
    res r = run("\u201cWe will see,\u201d Sanders said when asked whether he would raise money "
                "for other candidates.\n");
    check(&r, "We will see", "Sanders", 1, "said");
    check(&r, "whether he would raise money for other candidates", NULL, 0, "asked");
}

static void test_phrase_set_off_after_subject(void **state)
{
    (void)state;
    /* the phrase between the subject and its verb names places; the subject speaks */
    res r = run("Donald Trump spoke on Tuesday.\n"
                "Trump, speaking at a rally in Wilmington, N.C., warned that the court would "
                "change.\n"
                "Senator Chuck Grassley, facing a spirited challenge in Iowa, a swing state, said "
                "he would welcome Cruz.\n"
                "Paul Volcker, appearing with Alan Greenspan in the briefing room, said he will "
                "remain on the job.\n");
    check(&r, "the court would change", "Donald Trump", 0, "warned");
    check(&r, "he would welcome Cruz", "Chuck Grassley", 0, "said");
    check(&r, "he will remain on the job", "Paul Volcker", 0, "said");
}

static void test_opening_clause_before_subject(void **state)
{
    (void)state;
    /* a participle's clause or a dateline opens the sentence; the subject follows it */
    res r = run("Betsy Ebeling grew up with Clinton.\n"
                "Walking to the next address, Ebeling recalled her school days and said their "
                "views were changed by the war.\n"
                "Washington (AFP) \u2013 Democrat Hillary Clinton criticised Donald Trump on "
                "Saturday, saying his comments did more harm than good.\n");
    check(&r, "their views were changed by the war", "Betsy Ebeling", 0, "said");
    check(&r, "his comments did more harm than good", "Hillary Clinton", 0, "saying");
    /* a clause with a subject and verb of its own is no opener */
    r = run("Senator Elizabeth Warren spoke at the convention.\n"
            "Listing several of his ventures she added, Donald Trump is a proven failure.\n");
    check(&r, "Donald Trump is a proven failure", "Elizabeth Warren", 0, "added");
}

/* A dash near the start of a paragraph opened by capitals ends a dateline ("WASHINGTON (dpa)
 * --"), not a sentence whose capitals are an acronym ("NASA said the companies -- ... --"). */
static void test_dash_after_acronym_is_no_dateline(void **state)
{
    (void)state;
    res r = run("NASA said the five companies \u2014 Blue Origin, Ceres Robotics and SpaceX "
                "\u2014 had been selected to join the program.\n"
                "FRN dealers said paper of U.S. -- and also of Canadian -- banks was under "
                "pressure.\n"
                "BERLIN (dpa) -- Chancellor Angela Merkel said the talks would go on.\n");
    check(&r, "had been selected to join the program", "NASA", 0, "said");
    check(&r, "and also of Canadian -- banks was under pressure", "FRN dealers", 0, "said");
    const hd_statement *s = find(&r, "the talks would go on");
    assert_string_equal(s->speaker, "Angela Merkel");
    assert_null(strstr(s->speaker_mention, "BERLIN"));
}

static void test_group_and_organisation_mentions(void **state)
{
    (void)state;
    res r = run("Politicians and even some technologists say the plan will fail.\n"
                "Many in the crowd said they would vote for the first time.\n"
                "Standard and Poor's Corp said it cut the rating of the bonds.\n"
                "Both companies employ fewer than 200 seamen and union leaders said most were at "
                "work.\n");
    assert_string_equal(find(&r, "the plan will fail")->speaker_mention,
                        "Politicians and even some technologists");
    assert_string_equal(find(&r, "they would vote for the first time")->speaker_mention,
                        "Many in the crowd");
    assert_string_equal(find(&r, "it cut the rating of the bonds")->speaker_mention,
                        "Standard and Poor's Corp");
    assert_null(strstr(find(&r, "most were at work")->speaker_mention, "employ"));
}

/* A description's complement that runs up to the cue is part of the mention as written; a
 * stretch with a verb, a conjunction, an adverb or a comma in it is not. */
static void test_description_mention_with_complement(void **state)
{
    (void)state;
    res r = run("Sources close to the Italian Foreign Ministry said the visit was postponed.\n"
                "People familiar with her thinking say she will run again.\n"
                "Officials familiar with the talks told reporters the strike would go on.\n"
                "Opponents of the directive welcomed the decision and said it came too late.\n"
                "The analysts at the bank, however, said rates would rise.\n"
                "One source close to Reagan reportedly said the plan was dead.\n"
                "Newspapers quoted a source close to the talks as saying no deal was near.\n");
    assert_string_equal(find(&r, "the visit was postponed")->speaker_mention,
                        "Sources close to the Italian Foreign Ministry");
    assert_string_equal(find(&r, "she will run again")->speaker_mention,
                        "People familiar with her thinking");
    assert_string_equal(find(&r, "the strike would go on")->speaker_mention,
                        "Officials familiar with the talks");
    assert_string_equal(find(&r, "it came too late")->speaker_mention, "Opponents");
    assert_null(strstr(find(&r, "rates would rise")->speaker_mention, "however"));
    assert_null(strstr(find(&r, "the plan was dead")->speaker_mention, "reportedly"));
    assert_null(strstr(find(&r, "no deal was near")->speaker_mention, " as"));
}

static void test_clause_ends_at_participle_or_description(void **state)
{
    (void)state;
    res r = run("Bernie Sanders announced a kind of solidarity with the strikers, telling voters "
                "that the system is rigged.\n"
                "The candidates say they are not trying to avoid appearing beside nominee "
                "Hillary Clinton, who has been battered by the email scandal.\n");
    const hd_statement *s = find(&r, "a kind of solidarity with the strikers");
    assert_null(strstr(s->text, "telling"));
    check(&r, "the system is rigged", "Bernie Sanders", 0, "telling");
    s = find(&r, "they are not trying to avoid appearing beside nominee Hillary Clinton");
    assert_null(strstr(s->text, "battered"));
}

/* "…, and he railed against …": the writer goes on about the speaker; but not when what was
 * said is about the speaker ("… tried to recruit him, but he refused"). */
static void test_clause_ends_when_speaker_goes_on(void **state)
{
    (void)state;
    res r =
        run("Marco Rubio said the real extremist on abortion is Hillary Clinton, and he railed "
            "against the debate moderators.\n"
            "Finance Minister Luiz Bresser Pereira said Brazil faced the risk of recession, but "
            "he estimated output would grow 4.5 pct this year.\n"
            "Mr Mubanga said the official tried to recruit him as an agent, but he refused.\n"
            "Donald Trump said he got into the race because Romney lost, and he decided to "
            "run.\n");
    const hd_statement *s = find(&r, "the real extremist on abortion is Hillary Clinton");
    assert_null(strstr(s->text, "railed"));
    assert_string_equal(s->speaker, "Marco Rubio");
    s = find(&r, "Brazil faced the risk of recession");
    assert_null(strstr(s->text, "estimated"));
    assert_string_equal(s->speaker, "Luiz Bresser Pereira");
    assert_non_null(strstr(find(&r, "tried to recruit him")->text, "he refused"));
    assert_non_null(strstr(find(&r, "he got into the race")->text, "he decided to run"));
}

/* The listener after "told": an outlet named with its kind, a gathering, a time, and where a
 * name after it opens what was said. */
static void test_listener_after_told(void **state)
{
    (void)state;
    res r = run("Another employee told German magazine Der Spiegel the wall was a provocation.\n"
                "The deputy governor told the Upper House budget committee that the bank had "
                "no other measures.\n"
                "He told the Budget Committee in Parliament that rates would stay low.\n"
                "Miyazawa told a press conference Prime Minister Yasuhiro Nakasone is unlikely "
                "to travel.\n"
                "Patrick told Cruz backers Saturday night that Cruz is standing tall.\n"
                "Apple asked a local Californian court to order the journalists to speak.\n"
                "Minister Willy De Clercq told the official China Daily that more ventures were "
                "needed.\n");
    const hd_statement *s = find(&r, "the wall was a provocation");
    assert_string_equal(s->text, "the wall was a provocation");
    assert_string_equal(find(&r, "the bank had no other measures")->text,
                        "the bank had no other measures");
    assert_string_equal(find(&r, "rates would stay low")->text, "rates would stay low");
    assert_string_equal(find(&r, "is unlikely to travel")->text,
                        "Prime Minister Yasuhiro Nakasone is unlikely to travel");
    assert_string_equal(find(&r, "Cruz is standing tall")->text, "Cruz is standing tall");
    /* a request holds whom it was put to (PolNeAR: "has asked 'Republican leaders to
     * disavow Mr. Trump'") */
    assert_string_equal(find(&r, "to order the journalists")->text,
                        "a local Californian court to order the journalists to speak");
    assert_string_equal(find(&r, "more ventures were needed")->text, "more ventures were needed");
    /* a contrast after a quote closing on its comma starts a statement of its own */
    res r2 = run("Another employee told Der Spiegel \u201cWe have a complaint of criminal "
                 "damage,\u201d while police said they were investigating the incident.\n");
    assert_null(strstr(find(&r2, "We have a complaint")->text, "police"));
    check(&r2, "they were investigating the incident", "police", 0, "said");
    /* programmes as listeners; quoted words after "that" and a listener */
    res r3 = run("Lord Falconer told BBC Radio 4's Today programme he hoped mediation could "
                 "help.\n"
                 "Alan Johnson told BBC Radio 4's World at One he thought it was a non-story.\n"
                 "Mousavi told Tehran radio that \u201con the whole, our advances have broken the "
                 "enemy.\u201d\n"
                 "The move will do little to quell claims of a falling-out with the manager.\n");
    assert_string_equal(find(&r3, "he hoped mediation could help")->text,
                        "he hoped mediation could help");
    assert_string_equal(find(&r3, "he thought it was a non-story")->text,
                        "he thought it was a non-story");
    s = find(&r3, "our advances have broken the enemy");
    assert_string_equal(s->speaker, "Mousavi");
    assert_null(strstr(s->text, "radio"));
    assert_false(has(&r3, "falling-out"));
    /* the medium after the cue: "argued in his email, …"; not an adverbial of what was said */
    res r4 = run("Bruce Ash argued in his email, the incident is an illustration of the rules.\n"
                 "Airbus said in AMR's configuration, the plane will seat 16 in first class.\n");
    assert_string_equal(find(&r4, "the incident is an illustration")->text,
                        "the incident is an illustration of the rules");
    assert_non_null(strstr(find(&r4, "the plane will seat 16")->text, "in AMR's configuration"));
    /* a listener described at length before "that"; a relative "that" is no such end */
    res r5 = run("Michael Reed told investors of New Media, the GateHouse parent, on Oct. 31 that "
                 "the merger would pay down debt.\n"
                 "Mr Jobs told the audience at MacWorld that iPod had a 65% market share.\n"
                 "Smith told reporters the company that owns the plant is in talks.\n");
    assert_string_equal(find(&r5, "the merger would pay down debt")->text,
                        "the merger would pay down debt");
    assert_string_equal(find(&r5, "iPod had a 65% market share")->text,
                        "iPod had a 65% market share");
    assert_non_null(strstr(find(&r5, "owns the plant")->text, "the company that owns"));
}

/* Poll figures compared in one sentence: each group's answer is a statement of its own. */
static void test_compared_with_others_who_say(void **state)
{
    (void)state;
    res r = run("Seventy-four percent of Democratic voters say they have a favorable view of "
                "Clinton, compared with 64 percent who say the same of Sanders.\n"
                "Voters see her as more prepared, with 50 percent saying she is prepared for the "
                "job, compared with the 30 percent who say the same about Mr. Trump.\n");
    assert_string_equal(find(&r, "they have a favorable view")->text,
                        "they have a favorable view of Clinton");
    const hd_statement *s = find(&r, "the same of Sanders");
    assert_string_equal(s->text, "the same of Sanders");
    assert_string_equal(s->speaker_mention, "64 percent");
    assert_string_equal(find(&r, "she is prepared")->text, "she is prepared for the job");
    assert_string_equal(find(&r, "the same about Mr. Trump")->speaker_mention, "the 30 percent");
}

/* A quoted programme name inside the cue clause does not stop the next quote from continuing
 * the speaker's words. */
static void test_quote_continues_past_a_quoted_title(void **state)
{
    (void)state;
    res r = run("\u201cOf course we will release our medical records,\u201d Sanders said during an "
                "interview on CNN\u2019s \u201cState of the Union\u201d Sunday. \u201cThank God, I "
                "am very healthy. It is not a problem.\u201d\n");
    const hd_statement *s = find(&r, "Of course we will release");
    assert_true(s->direct);
    assert_non_null(strstr(s->text, "Thank God, I am very healthy"));
    /* the two parts read as two sentences, or as one when the second goes on in lower case */
    assert_non_null(strstr(s->text, "medical records. Thank God"));
    assert_false(has(&r, "State of the Union"));
    res r3 = run("\u201cWe will win this state,\u201d Hillary Clinton said, \u201cand we will win "
                 "it big.\u201d\n");
    assert_string_equal(find(&r3, "We will win this state")->text,
                        "We will win this state, and we will win it big.");
    /* a curly mark typed the wrong way round still closes ("…here,“ Clyburn said") */
    res r2 = run("\u201cThe reality is, if she loses Iowa, that could create problems for her "
                 "here,\u201c Jim Clyburn said.\n");
    check(&r2, "The reality is, if she loses Iowa", "Jim Clyburn", 1, "said");
}

/* "A, X said, B": the cue interrupts what was said, whose second part belongs to it; not the
 * speaker's next act after it. */
static void test_cue_interrupting_the_words(void **state)
{
    (void)state;
    res r =
        run("Putting the show together, Norbert Butz said, allowed him to take risks.\n"
            "If the negligence law was never tested in court, Rudy Giuliani said, there is a "
            "simple explanation.\n"
            "Sales were great this summer, Amadou Magassa said, wiping sweat off his face.\n"
            "Exports rose by seven pct last year, Radius Prawiro said, without giving details.\n");
    const hd_statement *s = find(&r, "Putting the show together");
    assert_non_null(strstr(s->text, "allowed him to take risks"));
    assert_string_equal(s->speaker, "Norbert Butz");
    s = find(&r, "If the negligence law was never tested");
    assert_non_null(strstr(s->text, "there is a simple explanation"));
    assert_null(strstr(find(&r, "Sales were great this summer")->text, "wiping"));
    assert_null(strstr(find(&r, "Exports rose by seven pct")->text, "without"));
    /* a quoted phrase going on with the words; "that" opening them or a relative clause */
    res r2 = run("Tom Fitton spoke.\nThe documents indicate, Tom Fitton said in a telephone "
                 "interview, that \u201cthe department and the foundation worked hand in "
                 "hand.\u201d\n"
                 "Six months ago, Bernie Sanders said, the media considered him a \u201cfringe "
                 "candidate\u201d in the race.\n"
                 "The bill would block any waiver, a provision, Bob Corker said, that is meant to "
                 "bind the next president.\n");
    s = find(&r2, "The documents indicate");
    assert_non_null(strstr(s->text, "the department and the foundation worked hand in hand"));
    s = find(&r2, "Six months ago");
    assert_non_null(strstr(s->text, "the media considered him a \u201cfringe candidate\u201d"));
    s = find(&r2, "The bill would block any waiver");
    assert_non_null(strstr(s->text, "that is meant to bind"));
}

/* A short clause with an auxiliary of its own before an interrupting cue is the first part of
 * what was said, not an opener; the speaker's ", adding …" after it is a statement of its
 * own. */
static void test_short_clause_before_interrupting_cue(void **state)
{
    (void)state;
    res r = run("The argument would be aided, Tad Devine said, by the upcoming primary calendar.\n"
                "He is leaning toward Kasich, Bill Lee said, because he prizes electability.\n"
                "That might, Ann Hall suggests, lead to a hung parliament.\n"
                "Those discussions are continuing, Firestone said, adding it could not predict "
                "their outcome.\n");
    const hd_statement *s = find(&r, "The argument would be aided");
    assert_non_null(strstr(s->text, "by the upcoming primary calendar"));
    assert_string_equal(s->speaker, "Tad Devine");
    s = find(&r, "He is leaning toward Kasich");
    assert_non_null(strstr(s->text, "because he prizes electability"));
    check(&r, "lead to a hung parliament", "Ann Hall", 0, "suggests");
    check(&r, "Those discussions are continuing", "Firestone", 0, "said");
    check(&r, "it could not predict their outcome", "Firestone", 0, "adding");
    assert_null(strstr(find(&r, "Those discussions")->text, "adding"));
}

/* "As X said <when/where>, CLAUSE": the clause after the adverbial's comma is what was said,
 * when "as" opens the sentence; "here"/"there" may stand between a subject and its cue;
 * "added fuel to" adds no words. */
static void test_as_cue_adverbial_here_and_added_fuel(void **state)
{
    (void)state;
    res r = run("But as the nationalist Global Times tabloid noted in an op-ed Thursday, the "
                "leading GOP candidate has surprisingly earned himself a few fans in China.\n"
                "As Jim Baker said on Tuesday, the economy is weak.\n"
                "The bank, as Ann Lee said in March, will cut rates.\n"
                "Her campaign workers here said they have been working the state since the "
                "spring.\n"
                "Dealers there said the central bank had intervened at 142 yen.\n"
                "Recent allegations have added fuel to the long-running secrecy debate.\n");
    const hd_statement *s = find(&r, "the leading GOP candidate has surprisingly earned");
    assert_string_equal(s->cue, "noted");
    assert_string_equal(s->speaker_mention, "the nationalist Global Times tabloid");
    assert_false(has(&r, "in an op-ed Thursday"));
    check(&r, "the economy is weak", "Jim Baker", 0, "said");
    assert_false(has(&r, "will cut rates") && !has(&r, "The bank"));
    check(&r, "they have been working the state", "campaign workers", 0, "said");
    assert_string_equal(find(&r, "working the state")->speaker_mention, "Her campaign workers");
    check(&r, "the central bank had intervened", "dealers", 0, "said");
    assert_false(has(&r, "fuel to the long-running"));
}

/* Poll shares and quantifiers speak ("Six in 10 say", "but some said", "Another said"), with
 * no speaker named; "said so" repeats words said elsewhere; a clause after ";" or ", after"
 * with a subject and cue of its own ends the first statement. */
static void test_shares_quantifiers_and_said_so(void **state)
{
    (void)state;
    res r = run("Six in 10 say he is at least somewhat decisive, after half said so in the "
                "earlier poll.\n"
                "More than six in 10 said they were tired of the campaign; 46 percent said they "
                "were unenthusiastic about the election.\n"
                "Dealers said the bank bought dollars, but some said it was only a small "
                "amount.\n"
                "Another said he hoped Trump wins.\n"
                "His friends wanted some say in the disposition of his effects.\n"
                "One widely mentioned possibility is George Shultz. No one said he was weak.\n"
                "He says so himself in a matter-of-fact way.\n");
    check(&r, "he is at least somewhat decisive", NULL, 0, "say");
    assert_string_equal(find(&r, "somewhat decisive")->speaker_mention, "Six in 10");
    assert_null(strstr(find(&r, "somewhat decisive")->text, "after half"));
    assert_false(has(&r, "so in the earlier poll"));
    assert_null(strstr(find(&r, "they were tired of the campaign")->text, "46 percent"));
    check(&r, "they were unenthusiastic", NULL, 0, "said");
    check(&r, "it was only a small amount", NULL, 0, "said");
    assert_string_equal(find(&r, "only a small amount")->speaker_mention, "some");
    check(&r, "he hoped Trump wins", NULL, 0, "said");
    assert_false(has(&r, "in the disposition"));
    assert_false(has(&r, "possibility is"));
    assert_false(has(&r, "he was weak"));
    assert_false(has(&r, "himself"));
}

/* A hyphen with a space on each side sets an aside off as a dash does: the subject is
 * before it, a quote inside it is skipped, and a participle after it belongs to the
 * sentence's subject. */
static void test_spaced_hyphen_asides(void **state)
{
    (void)state;
    res r = run("GOP front-runner Donald Trump - who previously said he would \"bomb the "
                "[expletive] out of\" oil fields - said at a rally in Texas that the United "
                "States should close its borders.\n"
                "The government - the largest land owner - says it is proceeding cautiously.\n"
                "Unions criticised the possible move - which may affect cabin staff - saying "
                "Qantas was profitable.\n"
                "And its recent naming convention - adding one digit to a new account after "
                "the last one is suspended - does not seem as if it would require artificial "
                "intelligence to spot.\n");
    check(&r, "the United States should close its borders", "Donald Trump", 0, "said");
    check(&r, "it is proceeding cautiously", "government", 0, "says");
    assert_string_equal(find(&r, "proceeding cautiously")->speaker_mention, "The government");
    check(&r, "Qantas was profitable", "Unions", 0, "saying");
    assert_string_equal(find(&r, "Qantas was profitable")->speaker_mention, "Unions");
    assert_false(has(&r, "one digit"));
    /* the aside names the person; or a relative clause before it hangs on a noun */
    res a = run("Another player who has failed to win the title - Jimmy White - has said he "
                "skipped school.\n"
                "Another player who has failed to win the title - a left-hander from London - "
                "has said he missed lessons too.\n");
    check(&a, "he skipped school", "Jimmy White", 0, "said");
    assert_string_equal(find(&a, "he missed lessons too")->speaker_mention, "Another player");
}

/* After a quote: a parenthesis after the name ("(D-Ore.)") hides no cue; two people joined
 * by "and" speak together (two roles of one person do not); a relative clause inside what
 * was said does not end it. */
static void test_quote_cue_after_parenthesis_and_pairs(void **state)
{
    (void)state;
    res r = run("\u201cThere\u2019s tremendous energy in a whole host of races,\u201d Rep. Earl "
                "Blumenauer (D-Ore.) said.\n"
                "\"We can only wonder if the intent is to reopen the door,\" state Senate leader "
                "Phil Berger and House Speaker Tim Moore, both Republicans, said in a statement.\n"
                "Sen. Marco Rubio responded first.\n"
                "\"I have been warning throughout this campaign,\" the Florida senator and "
                "Republican presidential candidate said in a statement.\n"
                "People briefed on the situation say that Gov. Alejandro Padilla, who must make "
                "the final decision, has revealed almost nothing.\n");
    check(&r, "tremendous energy", "Earl Blumenauer", 1, "said");
    const hd_statement *s = find(&r, "We can only wonder");
    assert_string_equal(s->speaker_mention,
                        "state Senate leader Phil Berger and House Speaker Tim Moore");
    assert_non_null(s->speaker);
    for (size_t i = 0; i < r.n; i++) /* the two roles of one senator are not two speakers */
        assert_false(r.st[i].speaker_mention &&
                     strstr(r.st[i].speaker_mention, "senator and Republican"));
    assert_non_null(
        strstr(find(&r, "Gov. Alejandro Padilla")->text, "has revealed almost nothing"));
}

/* "asked X to do Y", "told X to do Y": a request, whose words begin with whom it was put to;
 * "told Reuters he expects …", "told reporters Hyundai expects to …" keep listener and clause
 * apart. */
static void test_requests_keep_their_object(void **state)
{
    (void)state;
    res r = run("Marc Elias has asked the Supreme Court to intervene.\n"
                "Obama has asked Republican leaders to disavow Mr. Trump.\n"
                "David Campese told England to stop whingeing.\n"
                "Boone Pickens told Reuters he expects the rig count to drop.\n"
                "Kim Lee told reporters Hyundai Motor expects to export 450,000 cars.\n"
                "Ann Ray asked Reuters whether he wants the rig count to fall.\n");
    check(&r, "the Supreme Court to intervene", "Marc Elias", 0, "asked");
    check(&r, "Republican leaders to disavow Mr. Trump", "Obama", 0, "asked");
    check(&r, "England to stop whingeing", "David Campese", 0, "told");
    assert_null(strstr(find(&r, "the rig count to drop")->text, "Reuters"));
    assert_null(strstr(find(&r, "Hyundai Motor expects")->text, "reporters"));
    for (size_t i = 0; i < r.n; i++) /* "asked … he wants …": no request */
        assert_false(strstr(r.st[i].text, "Reuters whether"));
}

/* Poll answers: "26% say", "Nearly nine out of 10 say", "those surveyed say", and a subject
 * with a "whose" clause. */
static void test_poll_shares_and_whose_subjects(void **state)
{
    (void)state;
    res r = run("On social issues, 26% say they are conservative.\n"
                "Nearly nine out of 10 say they will need to develop new skills.\n"
                "By 80%-10%, those surveyed say the country should move to clean energy.\n"
                "The state officials whose laws have been invalidated say the real change has "
                "come in the judiciary.\n");
    assert_string_equal(find(&r, "they are conservative")->speaker_mention, "26%");
    assert_string_equal(find(&r, "develop new skills")->speaker_mention, "Nearly nine out of 10");
    assert_string_equal(find(&r, "move to clean energy")->speaker_mention, "those surveyed");
    assert_string_equal(find(&r, "the real change has come")->speaker_mention,
                        "The state officials");
}

/* "he" after "Another superdelegate, Michael Brown, voted …" is Michael Brown, not the
 * woman before; "His opponent, X, won" names no antecedent for "he". */
static void test_described_subject_is_the_antecedent(void **state)
{
    (void)state;
    res r = run("Nancy Worley pledged her vote to Clinton.\n"
                "\u201cWe really need to bring a close to this primary,\u201d she said.\n"
                "Another superdelegate, Michael Brown of Washington, voted for the former first "
                "lady.\n"
                "\u201cIt\u2019s time to stand behind our presumptive candidate,\u201d he "
                "declared.\n"
                "Bernie Sanders won in Vermont. His opponent, Hillary Clinton, won Georgia.\n"
                "He said his campaign would go on.\n");
    check(&r, "time to stand behind", "Michael Brown", 1, "declared");
    check(&r, "his campaign would go on", "Bernie Sanders", 0, "said");
}

/* A participle after a thing says nothing ("the settlement announced today", "the decision
 * announced last week would apply", "names mentioned as potential nominees"), unlike "the
 * ministry announced last week that"; and "defended the move saying": the subject's words,
 * not the move's. */
static void test_passive_participles_and_objects_saying(void **state)
{
    (void)state;
    res r = run("Under the settlement announced today, federal prosecutors agreed to defer all "
                "charges against Wiggins.\n"
                "The decision announced last week would apply higher tariffs on Japanese "
                "products.\n"
                "Three names prominently mentioned as potential nominees are Jane Kelly and Sri "
                "Srinivasan.\n"
                "The ministry announced last week that it would cut interest rates.\n"
                "Central bank president Wim Duisenberg has defended the move saying the bank had "
                "adjusted the rates.\n"
                "The poll showed 60 percent of voters saying the economy was the main issue.\n");
    assert_false(has(&r, "federal prosecutors agreed"));
    assert_false(has(&r, "would apply higher tariffs"));
    assert_false(has(&r, "Jane Kelly"));
    /* where a reporter was is no statement; an agency carrying words from a city is */
    res q = run("Ryan Grim reported from Washington, D.C.\n"
                "North Korea said it welcomed new contacts, the New China News Agency reported "
                "from Pyongyang.\n");
    assert_false(has(&q, "Washington"));
    assert_null(strstr(find(&q, "it welcomed new contacts")->text, "Pyongyang"));
    check(&r, "it would cut interest rates", "ministry", 0, "announced");
    check(&r, "the bank had adjusted the rates", "Wim Duisenberg", 0, "saying");
    check(&r, "the economy was the main issue", "voters", 0, "saying");
}

/* An organisation's name cut short is that organisation: "Norstar" after "Norstar Bancorp",
 * "Goodyear" beside "Goodyear Tire and Rubber Co"; not the other of two coordinated names
 * ("Deutsche Bank and Credit Suisse Group"), and a person is not the foundation named after
 * them ("Eric Trump" beside "the Eric Trump Foundation"). Banks' names in other languages
 * are organisations ("Banque Nationale de Paris", "Regie Nationale des Usines Renault"). */
static void test_short_names_of_organisations(void **state)
{
    (void)state;
    res r = run("Norstar Bancorp said it agreed to buy the bank.\n"
                "Norstar said the combination will provide efficiencies.\n"
                "Goodyear Tire and Rubber Co said sales rose. Goodyear said prices would rise.\n"
                "Deutsche Bank and Credit Suisse Group said they would merge. Deutsche Bank said "
                "it was pleased.\n"
                "Eric Trump said his foundation, the Eric Trump Foundation, had received gifts.\n"
                "Banque Nationale de Paris and Regie Nationale des Usines Renault signed the "
                "loan.\n");
    check(&r, "the combination will provide", "Norstar Bancorp", 0, "said");
    check(&r, "prices would rise", "Goodyear Tire and Rubber Co", 0, "said");
    check(&r, "it was pleased", "Deutsche Bank", 0, "said");
    check(&r, "his foundation", "Eric Trump", 0, "said");
    assert_int_equal(entity(&r, "Eric Trump")->kind, HD_ENT_PERSON);
    assert_null(entity(&r, "Norstar"));
    assert_int_equal(entity(&r, "Banque Nationale de Paris")->kind, HD_ENT_ORG);
    assert_non_null(entity(&r, "Regie Nationale des Usines Renault"));
}

/* A verb of believing ends the subject before it ("Some economists believe rates will fall,
 * saying …": economists; "Some believe it …, noting …": someone unnamed), and "according to
 * him" is read as "he" is. */
static void test_belief_verbs_end_the_subject(void **state)
{
    (void)state;
    res r = run("Some economists believe rates will fall, saying inflation is low.\n"
                "Some believe it signals a poll this June, noting that the tax cuts take effect "
                "at once.\n"
                "Jorge Ramos considers himself an immigrant. He crossed the border after, "
                "according to him, the network censured his first report.\n");
    check(&r, "inflation is low", "economists", 0, "saying");
    check(&r, "the tax cuts take effect", NULL, 0, "noting");
    assert_string_equal(find(&r, "the tax cuts take effect")->speaker_mention, "Some");
    check(&r, "He crossed the border", "Jorge Ramos", 0, "according to");
    /* the object of a relative clause is not the speaker: "An analyst who wanted anonymity
     * said" (someone unnamed), "Analysts who know GAF predict"; but "women who he said are
     * …" is his */
    res q = run("An analyst who wanted anonymity said 40 dlrs a share is a decent price.\n"
                "Analysts who know GAF predict Heyman will end up with the company.\n"
                "Brendan Barber called for measures to help women who he said \"are most likely "
                "to retire in poverty\".\n");
    check(&q, "40 dlrs a share", NULL, 0, "said");
    assert_string_equal(find(&q, "40 dlrs a share")->speaker_mention, "An analyst");
    check(&q, "Heyman will end up", "analysts", 0, "predict");
    check(&q, "most likely to retire", "Brendan Barber", 1, "said");
    /* no one said it: "Nobody asked about …", "none has said …", "Does the candidate say
     * …?" */
    res u = run("Nobody asked about the refugee rhetoric, so Obama brought it up himself.\n"
                "All three issued statements, and none has said they want a war.\n"
                "Does the candidate say the wrong thing or make bad decisions?\n"
                "Clinton has said she wants to establish a safe zone.\n");
    assert_false(has(&u, "refugee rhetoric"));
    assert_false(has(&u, "they want a war"));
    assert_false(has(&u, "the wrong thing"));
    check(&u, "she wants to establish", "Clinton", 0, "said");
    /* ", as X said" looking back: the quote before it, or the clause when it ends the
     * sentence; not "as" meaning "while" */
    res v = run("The race \u201cis a dead heat right now,\u201d as Cruz said on Glenn Beck\u2019s "
                "radio program on Monday, which magnifies every decision.\n"
                "Bridging that gap means cutting costs wherever savings can be found, as Mr. "
                "McDonough suggested at the meeting.\n"
                "Engineers worked through the night, as forecasters warned the water could reach "
                "its highest level.\n");
    check(&v, "is a dead heat right now", "Cruz", 0, "said");
    check(&v, "cutting costs wherever savings", "McDonough", 0, "suggested");
    check(&v, "the water could reach", "forecasters", 0, "warned");
    assert_false(has(&v, "radio program"));
}

/* A span of time opening the sentence ("Eight years ago,", "A month later,", "Three days
 * later,") is no subject: the speaker is the one after its comma. */
static void test_time_span_opening_is_no_subject(void **state)
{
    (void)state;
    res r = run("Al Sharpton left no doubt that he would endorse this year. Eight years ago, he "
                "supported Barack Obama over Clinton and said, \u201cHillary Clinton has never "
                "done nothing for us.\u201d\n"
                "Donald Trump called for a border wall. A month later, he paid a visit to the "
                "border and explained why the voters were going to love him.\n"
                "Three days later, Smith wrote to the board, saying he was sorry.\n");
    check(&r, "Hillary Clinton has never done nothing", "Al Sharpton", 1, "said");
    check(&r, "the voters were going to love him", "Donald Trump", 0, "explained");
    check(&r, "he was sorry", "Smith", 0, "saying");
}

/* A role mention is its holder's only when nothing says otherwise: "according to a Treasury
 * spokesman" names no one, as "a Treasury spokesman said" does not; "one analyst", "another
 * analyst" and "an analyst who declined to be named" are not the analyst named before; "a
 * State Department spokesman" is not the campaign's spokesman; but "an Agriculture Ministry
 * spokesman" is the "Ministry spokesman Leonardo Brito" named after, and "Another pollster,
 * David Woodard, said" is Woodard. */
static void test_role_mentions_and_their_holders(void **state)
{
    (void)state;
    res r = run("Prices will rise next year, according to a Treasury spokesman.\n"
                "\u201cThe shares will rally,\u201d said analyst Drew Robertson of Atlantic "
                "Systems.\n"
                "\u201cIt will survive and do well,\u201d said another analyst who declined to be "
                "identified.\n"
                "\u201cIt is hard to call,\u201d said one analyst.\n");
    check(&r, "Prices will rise next year", NULL, 0, "according to");
    check(&r, "The shares will rally", "Drew Robertson", 1, "said");
    check(&r, "It will survive and do well", NULL, 1, "said");
    check(&r, "It is hard to call", NULL, 1, "said");
    res q = run("Clinton campaign spokesman Brian Fallon said the review was a sideshow.\n"
                "The information was contained in 22 emails, according to a State Department "
                "spokesman.\n"
                "Storage problems are likely to result in losses of about five mln tonnes, an "
                "Agriculture Ministry spokesman said.\n"
                "Ministry spokesman Leonardo Brito told Reuters the crop would still be a record.\n"
                "Another pollster, David Woodard of Clemson University, said support was "
                "holding steady.\n");
    check(&q, "contained in 22 emails", NULL, 0, "according to");
    check(&q, "losses of about five mln tonnes", "Leonardo Brito", 0, "said");
    check(&q, "support was holding steady", "David Woodard", 0, "said");
    /* "the spokesman" after "A spokesman for the Home Office": that unnamed one, not Andrew
     * Hogg named before, nor Donald Trump named after; but "the spokesman, Reginald McGhee" */
    res u = run("Andrew Hogg, spokesman for the Medical Foundation, said ministers had failed to "
                "reassure agencies.\n"
                "A spokesman for the Home Office said the plan was wholly misunderstood. \u201cWe "
                "are developing a returns programme,\u201d said the spokesman.\n");
    check(&u, "developing a returns programme", NULL, 1, "said");
    res v = run("\u201cThis is strictly a business decision,\u201d a Carrier executive tells "
                "employees. As boos erupt, the executive says, \u201cPlease quiet down.\u201d\n"
                "Donald Trump seized on the video in a debate, saying jobs were leaving.\n");
    check(&v, "Please quiet down", NULL, 1, "says");
    res w = run("The union has set a strike deadline, a UAW spokesman said. \u201cWe will be on "
                "strike,\u201d the spokesman, Reginald McGhee, said.\n");
    check(&w, "We will be on strike", "Reginald McGhee", 1, "said");
}

/* A correspondent or reporter reports what others said: "The correspondent says" after
 * D'Souza spoke is not D'Souza, nor is "Our correspondent" (the outlet's); "the Salford MP
 * told" after Hazel Blears spoke still is Blears. */
static void test_correspondent_is_not_the_last_speaker(void **state)
{
    (void)state;
    res r = run("The president of the group, Dolphy D'Souza, says the film has hurt the "
                "community.\n"
                "The correspondent says that TV channels have so far refused to screen the "
                "film's trailer.\n"
                "Our correspondent says that the censors cleared the film last week.\n");
    const hd_statement *s = find(&r, "refused to screen");
    assert_non_null(s);
    assert_null(s->speaker);
    s = find(&r, "the censors cleared the film");
    assert_non_null(s);
    assert_null(s->speaker);
    res q = run("\u201cWe will fund the new schools,\u201d said Hazel Blears.\n"
                "The Salford MP told reporters the money was already set aside.\n");
    check(&q, "the money was already set aside", "Hazel Blears", 0, "told");
}

/* An appositive names the subject a later "he" stands for: after a description with a role
 * before the name ("Her son, filmmaker Charlie McDowell, …": "her" is a woman, so not her)
 * and after a named owner's noun ("Manafort's deputy, Rick Gates, …"); the owner stays the
 * antecedent when no appositive follows ("Trump's remarks drew criticism"). */
static void test_appositive_subject_after_owner(void **state)
{
    (void)state;
    res r = run("\u201cI felt strange as soon as the anesthesia wore off,\u201d Mary Steenburgen "
                "said.\n"
                "Her son, filmmaker Charlie McDowell (\u201cThe Discovery\u201d), also remembers "
                "it as a trying time. \u201cIt was fair to think she had gone crazy,\u201d he "
                "said.\n"
                "Paul Manafort ran the convention team.\n"
                "Manafort\u2019s deputy, Rick Gates, dismissed the criticism. He said the "
                "campaign was focused on the economy.\n"
                "Donald Trump spoke in Ohio on Monday. Trump\u2019s remarks drew criticism. He "
                "said he would not apologise.\n");
    check(&r, "fair to think she had gone crazy", "Charlie McDowell", 1, "said");
    check(&r, "campaign was focused on the economy", "Rick Gates", 0, "said");
    check(&r, "he would not apologise", "Donald Trump", 0, "said");
}

/* "according to": after a colon it opens its sentence; a source described by "including …"
 * to the sentence's end leaves the words before it as what was said. */
static void test_according_to_after_colon_and_including(void **state)
{
    (void)state;
    res r = run("And it has not gone unnoticed: According to recent polls, Trump holds only 14 "
                "percent of the Latino vote.\n"
                "Though he has no shot at winning the nomination outright, John Kasich appears "
                "to have the best odds of beating Hillary Clinton, according to three recent "
                "polls, including one from Monmouth University released Thursday.\n");
    const hd_statement *s = find(&r, "Trump holds only 14 percent");
    assert_string_equal(s->cue, "According to");
    assert_null(strstr(s->text, "unnoticed"));
    s = find(&r, "John Kasich appears to have the best odds");
    assert_string_equal(s->speaker_mention, "three recent polls");
    assert_false(has(&r, "including one from Monmouth"));
}

/* A straight closing mark typed with a space before it ("outsiders,' \" Reeves wrote") still
 * closes the quote a straight mark opened; one glued to the next word opens a quote. */
static void test_straight_close_after_a_space(void **state)
{
    (void)state;
    res r = run("\"Showing such favor tells 'nonadherents that they are outsiders,' \" Carlton "
                "Reeves wrote, citing precedent.\n"
                "\"It's round one to the Americans, \" said Richard Reid, an economist.\n"
                "Critics called the plan a \"disaster\" for the town.\n");
    check(&r, "Showing such favor tells", "Carlton Reeves", 1, "wrote");
    check(&r, "round one to the Americans", "Richard Reid", 1, "said");
    assert_null(strstr(find(&r, "round one to the Americans")->text, "said Richard"));
}

/* "X said A but added, “…”": A is a statement too; after a quote and its cue, a clause of
 * time or cause with its own speaker ("after Nabisco announced …") is one. */
static void test_said_but_added_and_clause_after_quote(void **state)
{
    (void)state;
    res r = run("Appearing before cheering supporters at the party's headquarters, Suu Kyi, 70, "
                "said it was too early to congratulate winners but added, \"I think "
                "you all have an idea of the results.\"\n"
                "\"I love Oreos,\" Donald Trump said in August after Nabisco announced it was "
                "laying off 600 bakery workers in Chicago.\n");
    check(&r, "it was too early to congratulate winners", "Suu Kyi", 0, "said");
    check(&r, "I think you all have an idea", "Suu Kyi", 1, "added");
    check(&r, "I love Oreos", "Donald Trump", 1, "said");
    check(&r, "it was laying off 600 bakery workers", "Nabisco", 0, "announced");
}

/* A town and its state inside an appositive ("a Hollywood, Fla., rabbi") part no phrases; a
 * listener with "and" or "of" in its name ("told the Securities and Exchange Commission") is
 * skipped whole. */
static void test_town_state_appositive_and_long_listener(void **state)
{
    (void)state;
    res r = run("Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said "
                "he and other rabbis were alarmed.\n"
                "Dart Container Corp told the Securities and Exchange Commission it raised its "
                "stake in Texstyrene to 11.7 pct.\n"
                "Lord Belstead told the House of Lords the tax would raise the price of raw "
                "materials.\n");
    check(&r, "he and other rabbis were alarmed", "Jeffrey Salkin", 0, "said");
    const hd_statement *s = find(&r, "it raised its stake");
    assert_int_equal(strncmp(s->text, "it raised", 9), 0);
    s = find(&r, "the tax would raise");
    assert_int_equal(strncmp(s->text, "the tax would raise", 19), 0);
}

/* A clause ending on a short quote, then ", X said" and only where it was said, is what X
 * said; the quote after it goes on with it. */
static void test_clause_ending_on_a_quote_then_cue(void **state)
{
    (void)state;
    res r = run("The race has taken a negative turn and that will take time to \"cool off,\" "
                "Madeleine Kunin said in an interview with USA TODAY.\n"
                "Still, golf clubs are ''just scratching out a profit,'' Oliver Hedge said. "
                "''Golf is a razor-thin industry from an investor standpoint.''\n");
    const hd_statement *s = find(&r, "The race has taken a negative turn");
    assert_string_equal(s->speaker, "Madeleine Kunin");
    assert_non_null(strstr(s->text, "cool off"));
    s = find(&r, "Still, golf clubs are");
    assert_string_equal(s->speaker, "Oliver Hedge");
    assert_non_null(strstr(s->text, "Golf is a razor-thin industry"));
    /* or the speaker after an inverted cue, up to its comma */
    res v = run("Trump's misinformation may be \"strategic,\" said Jeffery Hemsley, an assistant "
                "professor at Syracuse University.\n"
                "Mr. Manafort, citing ''the unique magic of Trump,'' said the candidate could be "
                "competitive in Pennsylvania.\n");
    s = find(&v, "Trump's misinformation may be");
    assert_string_equal(s->speaker, "Jeffery Hemsley");
    s = find(&v, "the candidate could be competitive");
    assert_string_equal(s->speaker, "Manafort");
}

/* "Said X, “…”": a capitalised cue opening the sentence, its speaker after it; the cue is no
 * part of the speaker's name. */
static void test_said_first_then_speaker_and_quote(void **state)
{
    (void)state;
    res r = run("Said Dorothy Poynter, who grew up with Ali in the neighborhood, \"We were all so "
                "proud of him.\"\n"
                "Said the spokesman, \"We have no comment at this time.\"\n"
                "Edward Said said the book was done.\n");
    check(&r, "We were all so proud of him", "Dorothy Poynter", 1, "Said");
    assert_string_equal(find(&r, "We have no comment")->speaker_mention, "the spokesman");
    assert_null(entity(&r, "Said Dorothy Poynter"));
    assert_non_null(entity(&r, "Dorothy Poynter"));
    check(&r, "the book was done", "Edward Said", 0, "said");
}

/* A quote after "asked/told" and a listener is the speaker's; not after "asked the
 * question" or a show's title; the comma closing such a quote still sets off ", adding …"
 * and ", while X said …". */
static void test_quote_after_listener(void **state)
{
    (void)state;
    res r = run("Pat Smith asked the Cleveland crowd \"If Hillary Clinton cannot give us the "
                "truth, why should we give her the presidency?\"\n"
                "Edouard Balladur told reporters that \"our ideas are progressing,\" adding that "
                "the finance ministers had talked about cooperation.\n"
                "A Lamsa employee told Der Spiegel \"We have a complaint of criminal damage,\" "
                "while police said they were investigating the incident.\n"
                "Neera Tanden said she asked the question \"to build on the comments,\" in "
                "regards to a previous question.\n");
    check(&r, "why should we give her the presidency", "Pat Smith", 1, "asked");
    check(&r, "our ideas are progressing", "Edouard Balladur", 1, "told");
    check(&r, "the finance ministers had talked", "Edouard Balladur", 0, "adding");
    check(&r, "We have a complaint of criminal damage", "Lamsa employee", 1, "told");
    check(&r, "they were investigating the incident", "police", 0, "said");
    assert_string_equal(find(&r, "to build on the comments")->cue, "said");
}

/* A short quoted name inside a speaker's description ("wearing “Ted Cruz” campaign pins",
 * "the co-author of “Going Viral,” about …") neither hides the cue nor ends the appositive;
 * a title set off by commas of its own still does ("the show, “The Apprentice,” who …"). */
static void test_quoted_name_in_a_description(void **state)
{
    (void)state;
    res r = run("\"We have had more successful conventions than this one,\" Texas delegate Bill "
                "Eastland, wearing a cowboy hat and \"Ted Cruz\" campaign pins, said "
                "matter-of-factly.\n"
                "Jeffery Hemsley, the co-author of \"Going Viral,\" about the spread of "
                "information, said the days of one shared story are over.\n"
                "Sam Solovey, a contestant on the reality TV show, \"The Apprentice,\" who went "
                "on to work alongside Trump, said his boss was kind.\n");
    check(&r, "more successful conventions", "Bill Eastland", 1, "said");
    check(&r, "the days of one shared story are over", "Jeffery Hemsley", 0, "said");
    for (size_t i = 0; i < r.n; i++) /* no guessed speaker for Solovey's words */
        assert_false(strstr(r.st[i].text, "his boss was kind") && r.st[i].speaker &&
                     strcmp(r.st[i].speaker, "Sam Solovey") != 0);
}

/* The comma closing a speaker's description may sit inside a short quoted title ("star of the
 * reality TV show “The Apprentice,” said"): the speaker is still the one described. */
static void test_description_ending_in_a_quoted_title(void **state)
{
    (void)state;
    res r = run("Trump, the longtime owner of the Miss Universe pageant and star of the reality "
                "TV show \"The Apprentice,\" said in an interview with The Washington Post that "
                "conventions in the past have been too dull.\n"
                "Pickens, who is touring the country promoting his autobiography \"Boone,\" said "
                "he does not believe the U.S. should impose an oil import fee.\n");
    check(&r, "conventions in the past have been too dull", "Trump", 0, "said");
    check(&r, "should impose an oil import fee", "Pickens", 0, "said");
}

/* "interjected" and "exclaimed" introduce the quote next to them, and a quote after "X
 * interjected:" is X's, not the earlier clause's speaker's; without a quote they say nothing
 * ("interjected by hitting Trump"). */
static void test_interjected_and_exclaimed(void **state)
{
    (void)state;
    res r = run("Hillary Clinton said that experts had determined her proposals were strong, to "
                "which Martin O'Malley interjected: \"It's just not true.\"\n"
                "\"Oh, my God,\" a young woman exclaimed upon seeing him.\n"
                "Jeb Bush, however, interjected by hitting Trump for using eminent domain.\n");
    check(&r, "just not true", "Martin O'Malley", 1, "interjected");
    check(&r, "Oh, my God", "young woman", 1, "exclaimed");
    assert_false(has(&r, "eminent domain"));
}

/* A quote closed on a comma, then "and" or "but" going on before ", X said.": the quote and
 * the words after it are what X said; a quote closed on a comma before a speaker is the
 * speaker's alone. */
static void test_quote_then_and_before_trailing_cue(void **state)
{
    (void)state;
    res r = run("\"Ideally, we should have a full term,\" but events could force a premature "
                "poll, Nigel Lawson said.\n"
                "\"I am outraged,\" the play's organiser, Sarah Mukasa, told reporters.\n");
    const hd_statement *s = find(&r, "events could force a premature poll");
    assert_non_null(strstr(s->text, "we should have a full term"));
    check(&r, "events could force a premature poll", "Nigel Lawson", 0, "said");
    check(&r, "I am outraged", "Sarah Mukasa", 1, "told");
    assert_false(has(&r, "the play's organiser"));
}

/* "…, to which X interjected: “…”", "…, which he said he finds “…”": the relative that hands
 * over to other words ends what was said before it; "…, which, dealers said, revived …" goes on
 * past the cue. */
static void test_trailing_which_is_not_said(void **state)
{
    (void)state;
    res r = run("Hillary Clinton said that experts had determined her proposals were strong, to "
                "which Martin O'Malley interjected: \"It's just not true.\"\n"
                "Joseph Pinola said he believes the solution to the debt crisis will be more "
                "political than economic, which he said he finds, \"very disquieting.\"\n"
                "Schlesinger was responding to remarks by board member Claus Koehler, which, "
                "dealers said, revived speculation that rates may be cut.\n");
    const hd_statement *s = find(&r, "her proposals were strong");
    assert_null(strstr(s->text, "which"));
    s = find(&r, "more political than economic");
    assert_null(strstr(s->text, "which"));
    s = find(&r, "revived speculation");
    assert_non_null(strstr(s->text, "which"));
}

/* A speaker after the cue whose role a capitalised word qualifies, after a lowercase one: "said
 * one district GOP leader", "said a prominent House leader who did not want to be
 * identified". */
static void test_speaker_after_cue_with_named_role(void **state)
{
    (void)state;
    res r = run("\"One of my criteria was whether or not they support Donald Trump,\" said one "
                "district GOP leader. \"I didn't care whether they supported Ted Cruz.\"\n\n"
                "\"I think he essentially will negotiate,\" said a prominent House leader who did "
                "not want to be identified.\n");
    const hd_statement *s = find(&r, "One of my criteria");
    assert_non_null(strstr(s->text, "I didn't care"));
    assert_string_equal(s->cue, "said");
    check(&r, "he essentially will negotiate", NULL, 1, "said");
    assert_string_equal(find(&r, "he essentially will negotiate")->speaker_mention,
                        "a prominent House leader");
    assert_string_equal(s->speaker_mention, "one district GOP leader");
}

/* "At that point Smith said", "at which point O'Malley interjected": the phrase before the name
 * is no part of the mention; "as the host Steve Doocy said" keeps its description. */
static void test_adverbial_noun_before_a_name(void **state)
{
    (void)state;
    res r = run("The talks stalled last week. At that point Tom Smith said the deal was dead.\n\n"
                "Clinton defended her plan, at which point Martin O'Malley interjected: \"It's "
                "just not true.\"\n\n"
                "Some hosts doubted the science, as the host Steve Doocy said in April while "
                "promoting a film.\n");
    assert_string_equal(find(&r, "the deal was dead")->speaker_mention, "Tom Smith");
    assert_string_equal(find(&r, "just not true")->speaker_mention, "Martin O'Malley");
    /* (what "as … said" looks back on is the clause before it) */
    assert_string_equal(find(&r, "Some hosts doubted the science")->speaker_mention,
                        "the host Steve Doocy");
}

/* A verb of speech with a noun phrase for object says nothing: "maintained a firm tone",
 * "pledged delegates"; with a clause it does. */
static void test_noun_phrase_objects_are_no_statements(void **state)
{
    (void)state;
    res r = run("Senator Bernie Sanders maintained his double-digit lead over his rival in the "
                "state.\n"
                "Hillary Clinton won 1,280 pledged delegates and 469 super delegates in all.\n"
                "The company maintained the plant was safe for its workers.\n"
                "Greg Stanton wrote a letter to the Attorney General asking for an inquiry into "
                "the vote.\n");
    assert_false(has(&r, "double-digit lead"));
    assert_false(has(&r, "delegates"));
    assert_string_equal(find(&r, "the plant was safe")->cue, "maintained");
    assert_true(has(&r, "a letter to the Attorney General"));
    res r2 = run("Dry conditions threatened the main cocoa crop this year.\n"
                 "Ayegbeni Yakubu was twice denied his chance to level the score by Dean Kiely.\n"
                 "Iran threatened the tanker fleet would be attacked.\n");
    assert_false(has(&r2, "the main cocoa crop"));
    assert_false(has(&r2, "his chance to level the score"));
    assert_string_equal(find(&r2, "the tanker fleet would be attacked")->cue, "threatened");
    /* a thing named: "an inflation formula called the chained CPI" */
    res r3 = run("Both senators oppose an inflation formula called the \u201cchained CPI\u201d "
                 "that would cut benefits.\n"
                 "Senator Bernie Sanders called the plan \u201ca disaster for retirees\u201d "
                 "in a speech.\n");
    assert_false(has(&r3, "chained CPI"));
    assert_true(has(&r3, "a disaster for retirees"));
    /* a win or a plea claimed; responsibility claimed is an attribution (PolNeAR) */
    res r4 = run("Hillary Clinton claimed victory in a tweet.\n"
                 "Hillary Clinton declared victory in the Democratic race on Tuesday night.\n"
                 "Bernie Sanders claimed a victory in the New Hampshire primary last month.\n"
                 "George Zimmerman claimed self-defense and was acquitted.\n"
                 "The Islamic State claimed responsibility for the attack.\n");
    assert_false(has(&r4, "in a tweet"));
    assert_false(has(&r4, "Democratic race"));
    assert_false(has(&r4, "New Hampshire primary"));
    assert_false(has(&r4, "acquitted"));
    assert_true(has(&r4, "responsibility for the attack"));
    /* a pronoun for object ("said little", "said nothing about"); not a clause it opens */
    res r5 = run("Marco Rubio said little, according to an attendee.\n"
                 "The finance ministers said nothing about supporting the dollar, whose slide "
                 "could hurt growth.\n"
                 "Marshall Cohen added much depended upon market conditions.\n"
                 "Keith Hill said much of the Lib Dem plans mimicked the government's "
                 "strategy.\n"
                 "Ann Lee said nothing has changed.\n");
    for (size_t i = 0; i < r5.n; i++) /* only the attendee's report holds "little" */
        assert_false(strstr(r5.st[i].text, "little") && strcmp(r5.st[i].cue, "according to"));
    assert_false(has(&r5, "supporting the dollar"));
    assert_true(has(&r5, "much depended upon market conditions"));
    assert_true(has(&r5, "much of the Lib Dem plans mimicked"));
    assert_true(has(&r5, "nothing has changed"));
}

/* "the American said" is a person of that country, not the country; "the French" the nation. */
static void test_nationality_nouns(void **state)
{
    (void)state;
    res r = run("Andy Roddick beat Tim Henman in three sets.\n"
                "\u201cI felt pretty good out there today,\u201d the American said.\n"
                "The French said the plan would permit a partial refinancing of the debt.\n");
    const hd_statement *s = find(&r, "I felt pretty good");
    assert_string_not_equal(s->speaker ? s->speaker : "", "United States");
    assert_null(entity(&r, "United States"));
    assert_string_equal(find(&r, "a partial refinancing")->speaker, "France");
    /* "White" of role phrases ("White House") is a surname too; "Energy" is no surname */
    res r2 = run("Tough-scrummaging prop Julian White is expecting a rough ride.\n"
                 "\u201cThe Welsh scrum is a force to be reckoned with,\u201d he told BBC "
                 "Sport.\n"
                 "Walker Energy said it had selected the Tipperary offer.\n");
    check(&r2, "The Welsh scrum is a force", "Julian White", 1, "told");
    assert_int_equal(entity(&r2, "Julian White")->kind, HD_ENT_PERSON);
    assert_int_not_equal(entity(&r2, "Walker Energy")->kind, HD_ENT_PERSON);
}

/* "A, according to X, B": an opening too short to be all that was said goes on after the
 * source and its description. */
/* "according to X" with no comma before it credits the words before it when X speaks (a
 * person, an organisation, a poll or a report), and what follows the source's comma is read on
 * its own; "according to" a plan, a formula or a company's statutes says how, not who. The
 * source ends at a dash. */
static void test_according_to_without_comma(void **state)
{
    (void)state;
    res r = run("Clinton leads Sanders by 271 pledged delegates according to a count by The "
                "Associated Press, but Sanders has vowed to stay in the race.\n"
                "Mobil made a 15 pct reduction in its long term debt according to data in its "
                "annual report.\n");
    const hd_statement *s = find(&r, "Clinton leads Sanders by 271 pledged delegates");
    assert_string_equal(s->cue, "according to");
    assert_non_null(strstr(s->speaker_mention, "Associated Press"));
    assert_null(strstr(s->text, "vowed"));
    check(&r, "to stay in the race", "Sanders", 0, "vowed");
    assert_non_null(strstr(find(&r, "reduction in its long term debt")->speaker_mention, "report"));
    res r2 = run("The rate will be reset quarterly according to the formula of 22.6 pct of "
                 "three-month LIBOR.\n"
                 "The shares went to someone who was not eligible according to the company's "
                 "statutes.\n"
                 "The work on the new bridge went ahead according to plan.\n");
    assert_int_equal(r2.n, 0);
    res r3 = run("Most Americans - 63 percent in 2014, according to the National Academies "
                 "report - still believe immigration is a good thing.\n");
    s = find(&r3, "63 percent in 2014");
    assert_string_equal(s->speaker_mention, "the National Academies report");
}
/* "said for weeks", "said for the first time (Friday) that": how long or how often it was
 * said; "argued for" a thing is no statement. A span back from now ("less than two weeks
 * ago") stands between the subject and its cue. (PolNeAR, Reuters) */
static void test_said_for_weeks_and_weeks_ago(void **state)
{
    (void)state;
    res r = run("Cruz has said for weeks he is the only candidate who can beat Trump.\n"
                "The department acknowledged for the first time Friday that secret information "
                "was found in the emails.\n"
                "The State Department less than two weeks ago said the server held secrets.\n"
                "Others, who one month ago claimed a deal was not possible, now rule one in.\n");
    check(&r, "he is the only candidate who can beat Trump", "Cruz", 0, "said");
    const hd_statement *s = find(&r, "secret information was found");
    assert_ptr_equal(strstr(s->text, "secret information"), s->text);
    assert_string_equal(find(&r, "the server held secrets")->speaker_mention,
                        "The State Department");
    assert_string_equal(find(&r, "a deal was not possible")->speaker_mention, "Others");
    res r2 = run("The mayor argued for a new tax on the port.\n");
    assert_int_equal(r2.n, 0);
}
/* "A, X said, is B": the subject before the interrupting cue and the predicate after it are
 * the statement together, however short the subject, and whatever the predicate holds (a
 * quote, another verb of saying); an adverb such as "now" may stand before the cue; money
 * pledged or promised is no statement. (Reuters, PolNeAR, BBC) */
static void test_subject_cue_predicate(void **state)
{
    (void)state;
    res r = run("The trade, they said, was swap related.\n"
                "An agreement with the banks, officials now say, is expected soon.\n"
                "The forecasts, Dornbusch added, are for \"a steady deterioration from now on.\"\n"
                "The exception, he said, would be Texas, where he said most banks are well "
                "managed.\n");
    const hd_statement *s = find(&r, "The trade");
    assert_string_equal(s->text, "The trade was swap related");
    s = find(&r, "An agreement with the banks");
    assert_string_equal(s->text, "An agreement with the banks is expected soon");
    assert_string_equal(s->cue, "say");
    s = find(&r, "The forecasts");
    assert_non_null(strstr(s->text, "are for \"a steady deterioration"));
    assert_non_null(strstr(find(&r, "The exception")->text, "would be Texas"));
    res r2 = run("The British public has now pledged \xc2\xa3"
                 "76m in aid.\n"
                 "The Tories promised $4bn in tax cuts.\n"
                 "The index added 20.72 points.\n");
    assert_int_equal(r2.n, 0);
}
/* A cue in a relative clause set off by commas says the words up to the clause's first comma
 * when the main clause's verb follows it; an appositive inside the clause does not end it.
 * (BBC, Reuters) */
static void test_relative_clause_ends_at_its_comma(void **state)
{
    (void)state;
    res r = run("Marion Jones, who says she is innocent, could lose all her Olympic medals.\n");
    assert_string_equal(find(&r, "she is innocent")->text, "she is innocent");
    res r2 = run("The company, which said its chairman, Siggi Wilzig, was appointed to the board, "
                 "owns 10 pct.\n");
    assert_non_null(strstr(find(&r2, "its chairman")->text, "was appointed"));
}
/* Not statements: what was told is not given ("told a joke", "tells the story of"), a cue
 * followed by its day and "to" ("responded Tuesday to one of his messages"; but "vowed
 * Tuesday to remain" undertakes), a report's date alone ("as Breitbart reported a few days
 * later"), a participle before its day and the main verb ("announced Monday would"), a
 * question asked ("the question nobody asked was"). (PolNeAR, BBC, Reuters) */
static void test_told_a_story_and_days_later(void **state)
{
    (void)state;
    res r = run("On Friday morning, the third day in his swing, Gary Johnson told a joke.\n"
                "Sideways tells the story of two men who take a road trip through California.\n"
                "On Twitter, she responded Tuesday to one of his messages.\n"
                "The ouster came soon after, as Breitbart reported a few days later.\n"
                "The surplus was 4.8 billion francs, against 4.1 billion reported a month ago.\n");
    assert_int_equal(r.n, 0);
    res r1 = run("Obama's response to the question nobody asked was downright bellicose.\n"
                 "The $160 billion megamerger announced Monday would turn Pfizer into an Irish "
                 "company.\n"
                 "Only 37% of the consumers asked are interested in music players.\n");
    assert_int_equal(r1.n, 0);
    /* a reduced relative of saying keeps its words */
    res r3 = run("The Soviet Union displayed spying equipment it said had been placed by American "
                 "agents.\n");
    assert_true(has(&r3, "had been placed by American agents"));
    res r2 = run("The Sanders campaign vowed Tuesday to remain in the fight through June.\n");
    assert_string_equal(find(&r2, "remain in the fight")->text,
                        "to remain in the fight through June");
}
/* A quote inside a clause whose words go on from the word before it, then a cue with a clause
 * of its own, is not that cue's quote: "Although Weiner admitted that they had “been friends
 * for some time,” he claimed they had never met" is two statements, the quote in the first;
 * and the quote's comma ends the subordinate clause only when a subject follows it, not
 * "is “peanuts,” compared to …". (PolNeAR) */
static void test_quote_inside_clause_then_own_clause(void **state)
{
    (void)state;
    res r = run("Although Anthony Weiner admitted that he and the woman had \u201cbeen friends for "
                "some time,\u201d he claimed they had never met in person.\n");
    const hd_statement *s = find(&r, "been friends for some time");
    assert_string_equal(s->cue, "admitted");
    assert_int_equal(s->direct, 0);
    assert_non_null(strstr(s->text, "time,\u201d")); /* the quote whole */
    check(&r, "they had never met in person", "Anthony Weiner", 0, "claimed");
    assert_false(has(&r, "he claimed"));
    res r2 =
        run("While Trump told the crowd waterboarding is \u201cpeanuts,\u201d compared to what "
            "the militants do, his rivals stayed quiet.\n");
    assert_true(has(&r2, "compared to what the militants do"));
}
/* "maintained" with an object is no statement, the object ending at the comma: "Trump, who has
 * maintained a surprisingly large lead over the GOP pack, was targeted by …"; "observed this
 * week, …" is a time, not an object. (PolNeAR, Reuters) */
static void test_cue_with_an_object(void **state)
{
    (void)state;
    res r = run("Trump, who has maintained a surprisingly large lead over the GOP pack, was "
                "targeted by $4.4 million in attacks.\n"
                "As long as OPEC maintains its output curbs, demand for its oil will rise, Ali "
                "said.\n");
    assert_int_equal(r.n, 1);
    assert_string_equal(find(&r, "OPEC maintains its output curbs")->cue, "said");
    res r2 =
        run("If China can build a wall, Trump observed this week, then he can build one too.\n");
    assert_string_equal(find(&r2, "then he can build one too")->cue, "observed");
}
/* A participle between a possessive and its noun is no cue ("Trump's reported net worth",
 * "Japan's alleged failure"); a name in 's that is the subject still speaks ("Moody's said
 * downgrades led upgrades", "Moody's pointed out that …"). (Reuters, PolNeAR) */
static void test_participle_after_possessive(void **state)
{
    (void)state;
    res r = run("Trump's reported net worth rose, and a comparison with his filings shows it.\n"
                "Tariffs followed Japan's alleged failure to honour the pact on chips.\n");
    assert_int_equal(r.n, 0);
    res r2 = run("Moody's said downgrades led upgrades last quarter by two to one.\n"
                 "Moody's pointed out that the company has little variable rate debt.\n");
    assert_string_equal(find(&r2, "downgrades led upgrades")->speaker_mention, "Moody's");
    assert_true(has(&r2, "the company has little variable rate debt"));
}
/* "claims" after a modifier, with a verb or preposition of its own after it, is a noun
 * ("insurance claims would be huge", "initial jobless claims jumped"); after a speaking noun or
 * a possessive's noun it is a verb. (Reuters, BBC) */
static void test_claims_the_noun(void **state)
{
    (void)state;
    res r = run("The government, aware that insurance claims would be huge, set a ceiling.\n"
                "The number of initial jobless claims jumped to 367,000 last week.\n");
    assert_int_equal(r.n, 0);
    res r2 = run("The firm kept the businesses, which its management claims are necessary to its "
                 "strategy.\n"
                 "The government claims the oil company owes more than $27bn in taxes.\n");
    assert_true(has(&r2, "are necessary to its strategy"));
    assert_true(has(&r2, "the oil company owes more than"));
}
/* "about" before an amount opens a clause, also a fraction written with a hyphen: "who
 * predicted about one-third of the vote will be cast early" (PolNeAR); "who writes about the
 * industry" does not. */
static void test_about_an_amount(void **state)
{
    (void)state;
    res r =
        run("\"We chase absentee requests,\" said Matt Borges, who predicted about one-third of "
            "the Ohio vote will be cast before March 15.\n"
            "Analysts predicted about two-thirds of the crop would be lost.\n"
            "Smith, who writes about the industry, spoke on Monday.\n");
    check(&r, "about one-third of the Ohio vote will be cast", "Matt Borges", 0, "predicted");
    assert_true(has(&r, "two-thirds of the crop would be lost"));
    assert_false(has(&r, "the industry"));
}
/* "a source from the ministry" is the mention as written, as "an official at the embassy" is;
 * "…, a statement from IG Metall said" speaks. (PolNeAR, Reuters) */
static void test_speaker_noun_from_organisation(void **state)
{
    (void)state;
    res r = run("A source from the Iranian Foreign Ministry told Reuters that talks would not "
                "resume.\n"
                "Today, 28,000 employees from 110 companies came out in warning strikes, a "
                "statement from IG Metall said.\n");
    assert_string_equal(find(&r, "talks would not resume")->speaker_mention,
                        "A source from the Iranian Foreign Ministry");
    assert_string_equal(find(&r, "came out in warning strikes")->speaker_mention,
                        "a statement from IG Metall");
}
static void test_according_to_inside_the_words(void **state)
{
    (void)state;
    res r = run("At the heart of the trouble, according to Dennis Ross, a former envoy, was a "
                "decision to keep a distance from Israel.\n"
                "Violators would be severely punished, according to the price freeze order, "
                "signed by five cabinet ministers.\n");
    const hd_statement *s = find(&r, "At the heart of the trouble");
    assert_non_null(strstr(s->text, "was a decision to keep a distance"));
    assert_null(strstr(s->text, "former envoy"));
    assert_string_equal(s->speaker, "Dennis Ross");
    assert_null(strstr(find(&r, "Violators would be severely punished")->text, "signed"));
    /* the same after an inverted cue, and not when a description closes the sentence */
    res r2 = run("Any interpretation of his actions, said Michael Kofman, an expert on Russia, "
                 "would read this as an admission of defeat.\n"
                 "The Internet has greatly sped up such misinformation, said Angie Holan, "
                 "Politifact's editor.\n"
                 "That will be true up to a point, said Jake Sherman, a reporter whose "
                 "aggressiveness has driven others away.\n");
    s = find(&r2, "Any interpretation of his actions");
    assert_non_null(strstr(s->text, "would read this as an admission of defeat"));
    assert_null(strstr(find(&r2, "greatly sped up")->text, "editor"));
    assert_null(strstr(find(&r2, "That will be true")->text, "aggressiveness"));
}

/* "…, says Tim Dams, the news editor of a magazine.": the person after the cue is its subject,
 * not a noun phrase before the comma; not when the name opens what was said. */
static void test_inverted_cue_with_a_person(void **state)
{
    (void)state;
    res r = run("The film may have been hurt by the decision to enter it in the best picture "
                "category, rather than best documentary, says Tim Dams, the news editor of "
                "Screen International.\n"
                "In an interview, Steve Huhn, a former vice president of sales, said Carly "
                "Fiorina \u201cwas personally involved\u201d in the talks.\n"
                "Hoechst Celanese, a unit of Hoechst AG, said Juergen Dormann, a former board "
                "member, has been named chairman.\n"
                "The four men accused of distributing drugs will appear in court.\n");
    check(&r, "The film may have been hurt", "Tim Dams", 0, "says");
    assert_string_equal(find(&r, "was personally involved")->speaker, "Steve Huhn");
    assert_non_null(strstr(find(&r, "has been named chairman")->text, "Juergen Dormann"));
    assert_false(has(&r, "distributing drugs"));
}

/* A one-word name that speaks is an entity wherever it stands, also before it first speaks;
 * "he" after it makes it a person when the article writes it as people are written. */
static void test_one_word_speakers(void **state)
{
    (void)state;
    res r = run("Parry firm over Gerrard\n\n"
                "But Parry, speaking exclusively to BBC Sport, admits Gerrard will have the final "
                "say. He told BBC Five Live: \u201cSteven is above money. He is the future of the "
                "club.\u201d\n\n"
                "Parry also revealed the club is ready to explore a sponsorship deal.\n\n"
                "And responding to criticism, he insisted talks on new investment are ongoing.\n");
    check(&r, "Steven is above money", "Parry", 1, "told");
    check(&r, "talks on new investment are ongoing", "Parry", 0, "insisted");
    const hd_entity *e = entity(&r, "Parry");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_PERSON);
    /* an organisation speaking stays one: "Terms were not disclosed" names no one */
    res r2 = run("The screensaver was made by Lycos. Lycos also said the idea was to slow "
                 "spammers. The company said the campaign had worked.\n"
                 "Terms were not disclosed.\n");
    assert_string_equal(find(&r2, "the campaign had worked")->speaker, "Lycos");
    assert_int_equal(entity(&r2, "Lycos")->kind, HD_ENT_ORG);
    assert_null(entity(&r2, "Terms"));
}

/* "In a later vote, he warned of …": an opening adverbial before the subject is no statement,
 * the words after the cue are; "This is not about me, Obama told his advisers" is one. */
static void test_opening_adverbial_is_no_statement(void **state)
{
    (void)state;
    res r = run("Bernie Sanders voted for the bill. In a later vote, he warned of the dangers of "
                "owners of technology.\n"
                "In the coming months, Donald Trump vowed to ban foreign lobbyists from the "
                "party.\n"
                "This is not about me, President Barack Obama told his closest advisers.\n");
    check(&r, "of the dangers of owners of technology", "Bernie Sanders", 0, "warned");
    assert_false(has(&r, "In a later vote"));
    check(&r, "to ban foreign lobbyists", "Donald Trump", 0, "vowed");
    check(&r, "This is not about me", "Barack Obama", 0, "told");
}

/* "the Islamic State, which French officials said was responsible …": a clause without a
 * subject of its own is said of the noun phrase the relative word stands for. */
static void test_relative_word_before_the_speaker(void **state)
{
    (void)state;
    res r = run("The president underestimated the Islamic State, which French officials said was "
                "responsible for the attacks.\n"
                "Aides prepared a new campaign that Paul Manafort said was in the works.\n");
    check(&r, "the Islamic State was responsible for the attacks", "French officials", 0, "said");
    check(&r, "a new campaign was in the works", "Paul Manafort", 0, "said");
}

/* "The judges who ruled that Texas could not implement their laws said …": the subject is
 * the noun before the relative clause, not the words at its end, also past an adverbial set
 * off by commas before the cue (", on television or at campaign events, said"). */
static void test_relative_clause_before_the_cue(void **state)
{
    (void)state;
    res r = run("The judges who ruled that Texas could not implement their laws said the decision "
                "was final.\n"
                "Democrats in Iowa who watched the Saturday debate said they were unfazed.\n"
                "An aide to Agriculture Secretary Richard Lyng who asked not to be identified said "
                "there was nothing to substantiate the rumor.\n"
                "The public can see who gives how much to the parties but the report says there "
                "are still suspicions.\n"
                "Some voters who have listened to his speeches over the decades, on television or "
                "at small-scale campaign events, said he had less magnetism recently.\n");
    assert_string_equal(find(&r, "the decision was final")->speaker_mention, "The judges");
    assert_string_equal(find(&r, "he had less magnetism")->speaker, "voters");
    assert_string_equal(find(&r, "they were unfazed")->speaker_mention, "Democrats in Iowa");
    assert_string_not_equal(find(&r, "nothing to substantiate")->speaker ?: "", "Richard Lyng");
    assert_string_equal(find(&r, "there are still suspicions")->speaker_mention, "the report");
}

/* A sentence whose later cue serves a quote keeps the clause of its earlier cue; openers and
 * nouns that look like cues are passed over when finding speakers. */
static void test_reported_clause_before_a_quoted_one(void **state)
{
    (void)state;
    res r = run("In a wide-ranging, in-prison interview with a journalist last year, Marcel Lazar "
                "said he welcomed extradition to the United States and added, \u201cI will "
                "plead guilty, no problem.\u201d\n"
                "Alongside BLM calls for action, even a top GOP strategist said Clinton will have "
                "to choose a side, saying, \u201cAt some point, she is going to have to come "
                "out.\u201d\n"
                "Later that day, Donald Trump fired back a response saying he would not support "
                "the agenda of Paul Ryan.\n");
    check(&r, "he welcomed extradition to the United States", "Marcel Lazar", 0, "said");
    check(&r, "I will plead guilty", "Marcel Lazar", 1, "added");
    assert_string_equal(find(&r, "Clinton will have to choose a side")->speaker_mention,
                        "a top GOP strategist");
    assert_string_equal(find(&r, "she is going to have to come out")->speaker_mention,
                        "a top GOP strategist");
    check(&r, "he would not support the agenda", "Donald Trump", 0, "saying");
}

/* A definite role no one holds, with no one named after it: the person who just spoke. Not
 * for the heads of state and government, spokesmen or someone's agent. */
static void test_role_after_its_speaker(void **state)
{
    (void)state;
    res r = run("Hazel Blears said innocent Muslims would be targeted.\n\n"
                "\u201cThe threat is most likely to come from extremists,\u201d the Salford MP "
                "told the committee.\n\n"
                "It was a reality that should be recognised, she said.\n");
    check(&r, "The threat is most likely to come from extremists", "Hazel Blears", 1, "told");
    check(&r, "It was a reality that should be recognised", "Hazel Blears", 0, "said");
    res r2 = run("Duncan Bannatyne said the tax was unfair.\n\n"
                 "The prime minister said the tax would stay.\n\n"
                 "Philip Pullman said the book was done. His agent said it would be out soon.\n");
    assert_string_not_equal(find(&r2, "the tax would stay")->speaker ?: "", "Duncan Bannatyne");
    assert_string_not_equal(find(&r2, "it would be out soon")->speaker ?: "", "Philip Pullman");
}

/* A time before the subject is no part of the speaker's mention: "Last week Spethmann said". */
static void test_time_before_the_subject(void **state)
{
    (void)state;
    res r = run("Last week Dieter Spethmann said Thyssen expected to post a good profit.\n"
                "Earlier this year Ms Sherry said the book was done.\n");
    assert_string_equal(find(&r, "Thyssen expected to post")->speaker_mention, "Dieter Spethmann");
    assert_string_equal(find(&r, "the book was done")->speaker_mention, "Ms Sherry");
}

/* A day ending the phrase is when, not who; a place after "in" locates the speaker; "let's
 * say" supposes; an index that "added 20.72 points" made a sum. */
static void test_times_and_places_name_no_speaker(void **state)
{
    (void)state;
    res r = run("Water on Europa\n\n"
                "According to a paper published in the journal Nature Astronomy on Monday, the "
                "team found water vapor above the moon.\n\n"
                "The board on Sunday accused Sanders of a flip-flop.\n\n"
                "According to the initial schedule published Thursday, Thiel is to speak next.\n\n"
                "A woman in Ohio told reporters she worries he is too nice.\n\n"
                "Legislative leaders in North Carolina noted the panel was composed of judges.\n\n"
                "But let's say they cause you to grow as a person.\n\n"
                "The Nasdaq Composite added 20.72 points, or 0.24 percent, to 8,570.66.\n");
    const hd_statement *s = find(&r, "the team found water vapor");
    assert_string_equal(s->speaker, "Nature Astronomy");
    assert_string_equal(s->speaker_mention,
                        "a paper published in the journal Nature Astronomy on Monday");
    assert_string_equal(find(&r, "Thiel is to speak next")->speaker, "initial schedule");
    assert_string_equal(find(&r, "Sanders of a flip-flop")->speaker, "board");
    s = find(&r, "she worries he is too nice");
    assert_string_equal(s->speaker, "woman");
    assert_string_equal(s->speaker_mention, "A woman in Ohio");
    assert_string_equal(find(&r, "the panel was composed")->speaker, "Legislative leaders");
    assert_false(has(&r, "they cause you to grow"));
    assert_false(has(&r, "20.72 points"));
}

/* "You're", "We've", "I'd" open sentences capitalised; they name no one. */
static void test_pronoun_contractions_are_no_names(void **state)
{
    (void)state;
    res r = run("Pensions\n\n"
                "We've called for the state pension to be increased to the credit level.\n\n"
                "I'd say that the likelihood of an attack is a when, not an if.\n\n"
                "You\u2019re promised a smooth ride in the fastest car available.\n");
    assert_null(find(&r, "the likelihood of an attack")->speaker);
    assert_null(entity(&r, "We've"));
    assert_null(entity(&r, "You\u2019re"));
    for (size_t i = 0; i < r.n; i++)
        if (r.st[i].speaker)
            assert_null(strchr(r.st[i].speaker, '\''));
}

static void test_title_inside_a_name_run(void **state)
{
    (void)state;
    res r = run("New Jersey Gov. Chris Christie said the state would act.\n"
                "Rhode Island Democratic Sen. Claiborne Pell said the vote was close.\n"
                "Vice Adm. John Poindexter said he would testify.\n");
    check(&r, "the state would act", "Chris Christie", 0, "said");
    check(&r, "the vote was close", "Claiborne Pell", 0, "said");
    check(&r, "he would testify", "John Poindexter", 0, "said");
    const hd_entity *e = entity(&r, "New Jersey");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_PLACE);
    assert_non_null(entity(&r, "Rhode Island"));
    assert_null(entity(&r, "New Jersey Gov. Chris Christie"));
}

static void test_place_before_a_name_is_where(void **state)
{
    (void)state;
    /* "envoy to Ukraine Kurt Volker": after a preposition, a place opening a person's name is
     * where the role is; "Sacramento-based McClatchy": where the firm is */
    res r = run("Former special envoy to Ukraine Kurt Volker said the meeting was part of the "
                "dialogue.\n"
                "Sacramento-based McClatchy said its finances were impaired.\n"
                "Daiwa's general manager for Canada Hajimu Watanabe told Reuters the unit would "
                "open in June.\n"
                "Georgia Ann Lopez said the council had voted.\n");
    check(&r, "the meeting was part of the dialogue", "Kurt Volker", 0, "said");
    check(&r, "its finances were impaired", "McClatchy", 0, "said");
    check(&r, "the unit would open in June", "Hajimu Watanabe", 0, "told");
    assert_null(entity(&r, "Ukraine Kurt Volker"));
    assert_null(entity(&r, "Sacramento-based McClatchy"));
    const hd_entity *e = entity(&r, "Ukraine");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_PLACE);
    /* no preposition before it: a first name that is also a place stays the name's */
    check(&r, "the council had voted", "Georgia Ann Lopez", 0, "said");
}

static void test_role_word_surname_after_a_role(void **state)
{
    (void)state;
    /* a role before the name: its last word is a surname, also alone later */
    res r = run("\"There hasn't been a single year of revenue gain,\" says veteran industry "
                "analyst Ken Doctor.\n"
                "Doctor says the chains are trying to buy time through shrinkage.\n"
                "Bank of England governor Mervyn King warned that inflation would rise.\n");
    check(&r, "single year of revenue gain", "Ken Doctor", 1, "says");
    check(&r, "the chains are trying to buy time", "Ken Doctor", 0, "says");
    check(&r, "inflation would rise", "Mervyn King", 0, "warned");
    assert_non_null(entity(&r, "Ken Doctor"));
    assert_null(entity(&r, "Doctor"));
    /* a role word alone with no such name is a role, no one's name */
    res r2 = run("The Doctor said the hospital was full.\n");
    assert_null(find(&r2, "the hospital was full")->speaker);
    assert_null(entity(&r2, "Doctor"));
}

static void test_plural_possessive_inside_a_name(void **state)
{
    (void)state;
    /* "People's", "Children's": a plural noun's possessive is part of the name, and makes it
     * no person's; any other possessive ends a name */
    res r = run("On Monday, the People\u2019s Daily warned that there is no room for compromise.\n"
                "A Western diplomat said the paper spoke for the leadership.\n"
                "\"It is a warning,\" he said.\n"
                "The People's Liberation Army said it had held drills near the island.\n"
                "Boston Children's Hospital said the boy was recovering.\n"
                "Iran's Khamenei said talks with the US were forbidden.\n");
    check(&r, "there is no room for compromise", "People\u2019s Daily", 0, "warned");
    check(&r, "it had held drills", "People's Liberation Army", 0, "said");
    check(&r, "the boy was recovering", "Boston Children's Hospital", 0, "said");
    check(&r, "talks with the US were forbidden", "Khamenei", 0, "said");
    const hd_statement *s = find(&r, "It is a warning");
    assert_true(s->speaker == NULL || strstr(s->speaker, "Daily") == NULL);
    const hd_entity *e = entity(&r, "People\u2019s Daily");
    assert_non_null(e);
    assert_int_not_equal(e->kind, HD_ENT_PERSON);
    assert_null(entity(&r, "Daily"));
    assert_null(entity(&r, "Liberation Army"));
}

static void test_professions_and_definite_roles(void **state)
{
    (void)state;
    /* a profession opening a sentence is no part of the name after it */
    res r = run("Singer George Michael has said he will not tour again.\n"
                "Producer Kevin Wallace said the show would be worth waiting for.\n"
                "\"Fans will be disappointed,\" added the British producer.\n");
    check(&r, "he will not tour again", "George Michael", 0, "said");
    check(&r, "the show would be worth waiting for", "Kevin Wallace", 0, "said");
    /* the role ends the phrase: the demonym before it says whose, not who */
    check(&r, "Fans will be disappointed", "Kevin Wallace", 1, "added");
    assert_null(entity(&r, "Singer George Michael"));
    /* nor is a word for a rich man's trade ("Billionaire", "Financier"); the trade alone
     * later is his */
    res r1 = run("Billionaire Donald Trump praised the reporter at a news conference on Monday.\n"
                 "Financier Carl Lindner told regulators he may seek control of the company.\n"
                 "\"It was a terrific success,\" the billionaire told the magazine.\n");
    check(&r1, "he may seek control", "Carl Lindner", 0, "told");
    assert_null(entity(&r1, "Billionaire Donald Trump"));
    assert_non_null(entity(&r1, "Donald Trump"));
    /* a definite role no one holds takes up the person the sentence before opens on, past
     * the others that sentence names */
    res r2 = run("Ferguson urges Henry punishment\n\n"
                 "Sir Alex Ferguson has called on the Football Association to punish Thierry "
                 "Henry.\n\n"
                 "Ferguson believes Henry deliberately caught Gabriel Heinze on the head. The "
                 "United boss said it was worse than any foul this season. \"The tackle was "
                 "terrible,\" he said.\n");
    check(&r2, "it was worse than any foul", "Alex Ferguson", 0, "said");
    check(&r2, "The tackle was terrible", "Alex Ferguson", 1, "said");
    /* a possessor is not who opens a sentence, and a person's role is someone else's */
    res r3 = run("\"I have no intention of being vice president,\" Rubio said.\n"
                 "If God is talking to Donald Trump, Rubio's days in office are over. The GOP "
                 "front-runner predicted that Rubio would not run again.\n"
                 "Sanders' campaign manager suggested the race was not over.\n");
    assert_true(find(&r3, "Rubio would not run again")->speaker == NULL ||
                strcmp(find(&r3, "Rubio would not run again")->speaker, "Rubio") != 0);
    assert_true(find(&r3, "the race was not over")->speaker == NULL ||
                strstr(find(&r3, "the race was not over")->speaker, "Sanders") == NULL);
}

static void test_sources_after_a_preposition_are_organisations(void **state)
{
    (void)state;
    /* an unknown word after "to" or "at" is taken for a place, until it is a source */
    res r = run("The company could face fines of up to $1 million, according to Reuters.\n"
                "The minister flew to Kolwezi on Tuesday.\n"
                "Sasha was found in the city, the Santa Fe Animal Shelter announced this week.\n");
    check(&r, "The company could face fines", "Reuters", 0, "according to");
    const hd_entity *e = entity(&r, "Reuters");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_ORG);
    e = entity(&r, "Kolwezi");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_PLACE);
    e = entity(&r, "Santa Fe Animal Shelter");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_ORG);
}

static void test_clubs_and_cups_are_no_people(void **state)
{
    (void)state;
    /* "United", "Cup", "Slam": organisation words, so a club or a competition is no person */
    res r = run("Manchester United manager Sir Alex Ferguson said the incident showed the need for "
                "video technology.\n"
                "Uefa says it will allow matches in the Uefa Cup to be played on artificial "
                "pitches.\n"
                "She won her first Grand Slam title in Melbourne.\n");
    check(&r, "the incident showed the need", "Alex Ferguson", 0, "said");
    const hd_entity *e = entity(&r, "Manchester United");
    assert_non_null(e);
    assert_int_not_equal(e->kind, HD_ENT_PERSON);
    e = entity(&r, "Uefa Cup");
    assert_non_null(e);
    assert_int_not_equal(e->kind, HD_ENT_PERSON);
    e = entity(&r, "Grand Slam");
    assert_true(e == NULL || e->kind != HD_ENT_PERSON);
}

static void test_title_before_of_is_part_of_the_name(void **state)
{
    (void)state;
    /* "Lord of the Rings", "Duke of Edinburgh": a title before "of" stays; "Mr de Vabres"
     * and "Lord Falconer" lose theirs */
    res r = run("The Lord of the Rings director Peter Jackson said the film would open soon.\n"
                "Lord Falconer said the bill was fair.\n"
                "Culture minister Renaud Donnedieu de Vabres presented the award. Mr de Vabres "
                "said the director had changed cinema.\n");
    check(&r, "the film would open soon", "Peter Jackson", 0, "said");
    check(&r, "the bill was fair", "Falconer", 0, "said");
    check(&r, "the director had changed cinema", "Renaud Donnedieu de Vabres", 0, "said");
    assert_non_null(entity(&r, "Lord of the Rings"));
    assert_null(entity(&r, "of the Rings"));
}

static void test_role_word_opening_an_organisation(void **state)
{
    (void)state;
    /* "Republican", "General" are roles, but not before an organisation word */
    res r = run("The Republican Party said it would appeal.\n"
                "General Motors said its sales rose 5 pct in the quarter.\n"
                "The Republican National Convention said delegates would vote on Monday.\n"
                "Lawyer David Steel told the court the doors were open.\n");
    check(&r, "it would appeal", "Republican Party", 0, "said");
    check(&r, "its sales rose 5 pct", "General Motors", 0, "said");
    check(&r, "delegates would vote", "Republican National Convention", 0, "said");
    check(&r, "the doors were open", "David Steel", 0, "told");
    assert_null(entity(&r, "Party"));
    assert_null(entity(&r, "Motors"));
    const hd_entity *e = entity(&r, "Republican National Convention");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_ORG);
}

static void test_buildings_are_places(void **state)
{
    (void)state;
    res r = run("Protesters gathered outside Trump Tower, police said on Sunday evening.\n"
                "Fans left Wembley Stadium after the match, officials said.\n");
    const hd_entity *e = entity(&r, "Trump Tower");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_PLACE);
    e = entity(&r, "Wembley Stadium");
    assert_non_null(e);
    assert_int_equal(e->kind, HD_ENT_PLACE);
}

static void test_sunday_newspapers(void **state)
{
    (void)state;
    /* a day opens a newspaper's name, never a person's ("On Sunday Mr Brown said") */
    res r = run("The Sunday Telegraph said the plan was further evidence of a takeover.\n"
                "On Sunday Mr Brown said the economy was strong.\n");
    check(&r, "the plan was further evidence", "Sunday Telegraph", 0, "said");
    check(&r, "the economy was strong", "Brown", 0, "said");
    assert_null(entity(&r, "Telegraph"));
}

static void test_undertakings_and_second_clauses(void **state)
{
    (void)state;
    res r = run("Bernie Sanders has pledged to stay in the primary through that contest.\n"
                "He vowed to \u201ctake our fight\u201d to the 35 states.\n"
                "While some friends say he would look zippier, others say he has never been "
                "healthier.\n"
                "Other prominent Republicans, like Richard Armitage and Henry Paulson, have also "
                "said they are supporting Clinton.\n");
    check(&r, "to stay in the primary through that contest", "Bernie Sanders", 0, "pledged");
    check(&r, "take our fight", "Bernie Sanders", 0, "vowed");
    const hd_statement *s = find(&r, "he has never been healthier");
    assert_string_equal(s->speaker_mention, "others");
    s = find(&r, "they are supporting Clinton");
    assert_true(s->speaker == NULL || strstr(s->speaker, "Armitage") == NULL);
    assert_string_equal(s->speaker_mention, "Other prominent Republicans");
}

static void test_periphrastic_cues(void **state)
{
    (void)state;
    res r = run("Governor Mike Pence went on to say he is confident the two men will do great "
                "things.\n"
                "Pollster Matt Braynard is quoted as saying the method succeeds where others "
                "fail.\n");
    check(&r, "he is confident the two men will do great things", "Mike Pence", 0, "say");
    check(&r, "the method succeeds where others fail", "Matt Braynard", 0, "saying");
}

static void test_headline_names_no_one_new(void **state)
{
    (void)state;
    /* a title-case subhead inside a live blog: its pieces are mentions of people the article
     * names, or nothing */
    res r = run("Senator Ted Cruz spoke in Iowa on Monday.\n\n"
                "Ted Cruz Apologizes To Ben Carson For Telling Supporters Carson Had Dropped "
                "Out\n\n"
                "Former Florida Gov. Jeb Bush said the party must unite.\n");
    const hd_entity *e = entity(&r, "Ted Cruz");
    assert_non_null(e);
    assert_int_equal(e->n_mentions, 2);
    for (size_t i = 0; i < r.n_ent; i++)
        assert_true(strlen(r.ent[i].name) < 30); /* no headline as a name */
    assert_null(entity(&r, "Telling Supporters Carson"));
    assert_null(entity(&r, "Former Florida"));
    assert_non_null(entity(&r, "Florida"));
    check(&r, "the party must unite", "Jeb Bush", 0, "said");
}

static void test_two_subjects_one_sentence(void **state)
{
    (void)state;
    /* PolNeAR sentences */
    res r = run("One in three said the party does not care about the community and one in four "
                "said the party was hostile to it.\n"
                "In the early 1990s, Ms. Sandra Ripert said, when she was earning $24,000 a "
                "year, a boss invited her to lunch.");
    const hd_statement *a = find(&r, "the party does not care");
    assert_null(strstr(a->text, "hostile"));
    assert_string_equal(a->speaker_mention, "One in three");
    check(&r, "the party was hostile to it", NULL, 0, "said");
    const hd_statement *b = find(&r, "when she was earning");
    assert_string_equal(b->speaker, "Sandra Ripert");
    assert_false(has(&r, "In the early 1990s"));
}

static void test_asked_and_noun_saying(void **state)
{
    (void)state;
    res r = run("Asked whether he would campaign for other candidates, Bernie Sanders said he "
                "would decide later.\n"
                "The poll found 60 percent of primary voters saying they want a ban on the "
                "new tax.");
    const hd_statement *q = find(&r, "whether he would campaign");
    assert_null(q->speaker);
    assert_string_equal(q->cue, "Asked");
    check(&r, "he would decide later", "Bernie Sanders", 0, "said");
    const hd_statement *v = find(&r, "they want a ban on the new tax");
    assert_string_equal(v->cue, "saying");
    assert_non_null(strstr(v->speaker_mention, "voters"));
}

/* Subjects from pages of other sites: an organisation's name set off after the subject's
 * description, a second verb after "and", a conjunction's "that", a passive title-case
 * headline. */
static void test_subject_shapes_from_other_sites(void **state)
{
    (void)state;
    res r = run("A row involving Taylor Swift, her former record label and a couple of big name "
                "US politicians looks like it is coming to an end.\n"
                "The group that owns most of her music, Big Machine, says she will be allowed to "
                "play her old tracks at the awards on Sunday.\n"
                "Fort Worth Police Department responded and confirmed that there appeared to be "
                "blood on the front passenger seat.\n"
                "The message was disturbing given that officers had earlier threatened to use "
                "live fire if petrol bombs were used against them again.\n");
    check(&r, "she will be allowed to play her old tracks", "Big Machine", 0, "says");
    const hd_statement *c = find(&r, "there appeared to be blood");
    assert_string_equal(c->cue, "confirmed");
    assert_int_equal(strncmp(c->text, "there appeared", 14), 0);
    const hd_statement *t = find(&r, "to use live fire");
    assert_string_equal(t->speaker_mention, "officers");
    /* a description that is a clause of its own is what the name said */
    res w = run("The council has rejected the overthrow of the ruler, the news agency, WAM, "
                "reported.\n");
    const hd_statement *a = find(&w, "has rejected the overthrow");
    assert_string_equal(a->cue, "reported");
    res h = run("Emilia Clarke Was Told to Get Nude So Fans Would Not Be Disappointed\n\n"
                "The actress said the scenes were hard to film.\n");
    assert_false(has(&h, "to Get Nude"));
    /* examples followed by a verb of their own: the words before the cue are what was said;
     * a participle with "not" is still set off ("asking not to be identified") */
    res e = run("Many of the affected countries, such as Indonesia, Sri Lanka or the Maldives, do "
                "not usually buy insurance for these kinds of disasters, said a US-based insurance "
                "expert.\n"
                "The officials, asking not to be identified, said the government will investigate "
                "the claims.\n"
                "At a conference in Cannes, several makers of DAB chips for mobiles announced "
                "smaller, lower-cost chips.\n");
    const hd_statement *ins = find(&e, "do not usually buy insurance");
    assert_null(ins->speaker);
    assert_string_equal(ins->speaker_mention, "a US-based insurance expert");
    const hd_statement *off = find(&e, "the government will investigate");
    assert_string_equal(off->speaker_mention, "The officials");
    check(&e, "smaller, lower-cost chips", "makers of DAB chips for mobiles", 0, "announced");
    /* a participle dating a noun after a quote speaks for no one; a judge writing for the
     * court does */
    res d = run("Tory spokesman David Davis said the proposals were \"little more than a "
                "taxpayer-funded PR exercise\" ahead of a general election predicted for next "
                "May.\n"
                "\"Here, injury to subsistence resources from exploration was not at all "
                "probable,\" Justice Byron White wrote for the court.\n");
    check(&d, "taxpayer-funded PR exercise", "David Davis", 0, "said");
    check(&d, "injury to subsistence resources", "Byron White", 1, "wrote");
    /* an ampersand joins one name; a relative clause after "according to X," describes X */
    res m = run("Marks & Spencer said profits rose sharply in the third quarter.\n"
                "According to Standard & Poor's, which has recently upgraded the country's debt "
                "rating, the rise in remittances helps protect the economy.\n");
    check(&m, "profits rose sharply", "Marks & Spencer", 0, "said");
    const hd_statement *sp = find(&m, "the rise in remittances");
    assert_int_equal(strncmp(sp->text, "the rise in remittances", 23), 0);
    assert_non_null(entity(&m, "Marks & Spencer"));
    res l = run("First Federal Savings and Loan Association of Charleston said executive vice "
                "president A.L. Hutchinson Jr. has been named president.\n");
    check(&l, "has been named president",
          "First Federal Savings and Loan Association of Charleston", 0, "said");
    /* a participle and a time between subject and cue; not a clause's verb */
    res np = run("A news report published Wednesday said Defense Secretary Ash Carter used a "
                 "personal email account for some of his government business.\n"
                 "Stock market analysts polled before Tokyo's market opened on Tuesday said Wall "
                 "Street's dramatic fall on Monday was overdone.\n");
    const hd_statement *nr = find(&np, "used a personal email account");
    assert_string_equal(nr->speaker_mention, "A news report");
    for (size_t i = 0; i < np.n; i++)
        assert_null(strstr(np.st[i].speaker_mention, "Tokyo"));
    /* a town and its state's abbreviation in the opening adverbial */
    res ab = run("At a rally in Portsmouth, N.H., on Tuesday, Senator Bernie Sanders of Vermont "
                 "endorsed Mrs. Clinton, saying that his former rival would make an outstanding "
                 "president.\n");
    check(&ab, "make an outstanding president", "Bernie Sanders", 0, "saying");
    /* "Minutes later," opens the sentence; a town and its state set off after a name or an
     * age; not a lawmaker's party and state, nor a name "of Washington, D.C." */
    res tw = run("Minutes later, the Trump campaign issued a statement saying that Trump meant "
                 "people who support the amendment are unified.\n"
                 "Cory James, 22, of Flint, Mich., said he had not given up hope that Sanders "
                 "could pull a surprise.\n"
                 "Champion International Corp, based in Stamford, Conn., said it will expand its "
                 "mill in Hinton, Alberta.\n"
                 "Speaking to reporters, Rep. Dan Rostenkowski, D-Ill., predicted major trade "
                 "legislation will be sent to the President by the end of the year.\n"
                 "Another superdelegate, Michael Brown of Washington, D.C., said he now supports "
                 "the former first lady.\n");
    assert_string_equal(find(&tw, "people who support the amendment")->speaker_mention,
                        "the Trump campaign");
    check(&tw, "had not given up hope", "Cory James", 0, "said");
    check(&tw, "will expand its mill", "Champion International Corp", 0, "said");
    check(&tw, "major trade legislation", "Dan Rostenkowski", 0, "predicted");
    check(&tw, "he now supports the former first lady", "Michael Brown", 0, "said");
    /* a relative clause between the subject and the cue of a quote */
    res rq = run("Although there is no such overlap, a White House official who spoke anonymously "
                 "to discuss internal strategy said Wednesday, \"Certainly there are discussions "
                 "between the White House and the campaign.\"\n"
                 "A bank executive who asked not to be identified said: \"The rise of the "
                 "independents appears to be indicative of a shift of power.\"\n");
    const hd_statement *wh = find(&rq, "Certainly there are discussions");
    assert_string_equal(wh->speaker_mention, "a White House official");
    assert_string_equal(find(&rq, "The rise of the independents")->cue, "said");
    /* a document with a modifier, issued by the subject: the subject's words */
    res em = run("The campaign sent a fundraising email Wednesday saying that the results in Iowa "
                 "show the race is between two men.\n");
    assert_string_equal(find(&em, "the race is between two men")->speaker_mention, "The campaign");
    /* "so much" stands between the subject and the cue; it is no subject */
    res sm = run("Trump was so much saying that easy money would work when a Republican was in "
                 "the White House.\n");
    for (size_t i = 0; i < sm.n; i++)
        assert_string_not_equal(sm.st[i].speaker_mention, "much");
    assert_true(sm.n == 0 || strcmp(sm.st[0].speaker_mention, "Trump") == 0);
    /* "and asked" goes on in a clause whose subject is a person, where the main clause's is
     * no one; not after a pronoun, nor after "went after X for …" */
    res cr = run("Donald Trump spoke in Louisville on Tuesday.\n"
                 "The Louisville crowd cheered when Trump spotted a sign in the crowd and asked "
                 "it to be fetched for him.\n"
                 "Mitch McConnell was quick to embrace the mogul after Trump clinched the "
                 "nomination and said this week that Trump is looking very competitive.\n"
                 "Likewise, Trump went after Hillary Clinton for following the refusal and called "
                 "for her to quit her bid for president.\n");
    check(&cr, "it to be fetched for him", "Donald Trump", 0, "asked");
    check(&cr, "Trump is looking very competitive", "Mitch McConnell", 0, "said");
    const hd_statement *q = find(&cr, "to quit her bid");
    assert_true(q->speaker == NULL || strcmp(q->speaker, "Hillary Clinton") != 0);
    /* a role set off after the name, its complement a list with commas of its own */
    res ro = run("\"These are steps in the right direction,\" Anne Richards, assistant secretary "
                 "of state for population, refugees, and migration, said on the same call.\n"
                 "Thomas Kay, administrator of the Foreign Agricultural Service, told the "
                 "subcommittee the devaluation of the dollar has raised costs in many offices.\n"
                 "Charles Siess Jr said in a press briefing at the Offshore Technology "
                 "Conference.\n");
    check(&ro, "steps in the right direction", "Anne Richards", 1, "said");
    check(&ro, "the devaluation of the dollar", "Thomas Kay", 0, "told");
    assert_false(has(&ro, "in a press briefing"));
    /* a role that is also a surname ends a two-word name */
    res sn = run("\"The new rules have been insufficient,\" Amy Pope, deputy homeland security "
                 "advisor, said on a call with reporters.\n"
                 "Stephen King said the book would be out in May.\n");
    check(&sn, "The new rules have been insufficient", "Amy Pope", 1, "said");
    check(&sn, "the book would be out in May", "Stephen King", 0, "said");
    assert_non_null(entity(&sn, "Stephen King"));
}

static void test_told_object_then_clause(void **state)
{
    (void)state;
    res r = run("Michigan Attorney General Bill Schuette filed a motion.\n"
                "Michigan was only doing what 40 states already do, he told the court in his "
                "filing.");
    check(&r, "Michigan was only doing what 40 states already do", "Bill Schuette", 0, "told");
}

static void test_out_of_memory(void **state)
{
    (void)state;
    const char *body = "Iranian Supreme Leader Ali Khamenei met commanders on Sunday.\n"
                       "\"We will not negotiate,\" Khamenei said, \"not now.\"\n"
                       "He added that talks would not help, according to state media.\n";
    int saw_oom = 0, saw_ok = 0;
    for (long n = 0; n < 60; n++) {
        hd_arena a;
        hd_arena_init(&a, 256);
        hd_statement *st;
        hd_entity *en;
        size_t ns, ne;
        hd_err err = {0};
        hd_mem_fail_after(n);
        hd_rc rc =
            hd_extract_statements(lx, &a, NULL, body, strlen(body), &st, &ns, &en, &ne, &err);
        hd_mem_fail_after(-1);
        assert_true(rc == HD_OK || rc == HD_ENOMEM);
        if (rc == HD_ENOMEM) {
            saw_oom = 1;
            assert_int_equal(ns, 0);
        } else {
            saw_ok = 1;
        }
        hd_arena_done(&a);
    }
    assert_true(saw_oom && saw_ok);
    for (long n = 0; n < 40; n++) {
        hd_lexicon *l2 = NULL;
        hd_err err = {0};
        hd_mem_fail_after(n);
        hd_rc rc = hd_lexicon_load(HD_SOURCE_ROOT "/data", &l2, &err);
        hd_mem_fail_after(-1);
        assert_true(rc == HD_OK || rc == HD_ENOMEM);
        assert_true((rc == HD_OK) == (l2 != NULL));
        hd_lexicon_free(l2);
    }
}

static void test_compound_roles_and_called(void **state)
{
    (void)state;
    /* samples: lowercase noun-noun roles, role appositives, "called X \"...\"" */
    res r = run("\"The water rose faster than anyone expected,\" agency director Tomas Vidal "
                "said at a briefing.\n"
                "\"These products are not just fake,\" the head of the regulator, Dr Amal "
                "Nasser, told reporters.\n"
                "Opposition leader Graham Whitcombe called the budget \"a spending spree paid "
                "for with borrowed money\" and said his group would press for a review.\n"
                "A spokeswoman for the authority said no decision had been made on the ledgers.");
    check(&r, "The water rose faster", "Tomas Vidal", 1, "said");
    check(&r, "These products are not just fake", "Amal Nasser", 1, "told");
    check(&r, "a spending spree paid for", "Graham Whitcombe", 0, "called");
    check(&r, "his group would press for a review", "Graham Whitcombe", 0, "said");
    check(&r, "no decision had been made", "spokeswoman for the authority", 0, "said");
}

/* Tokenize body in a bare context (as hd_extract_statements does); the caller frees x->t/q. */
static void tokenize(xctx *x, const char *body)
{
    memset(x, 0, sizeof *x);
    x->lx = lx;
    x->a = &arena;
    x->b = body;
    x->n = strlen(body);
    assert_int_equal(hd_ex_tokenize(x), 0);
}

static void untokenize(xctx *x)
{
    hd_free(x->t);
    hd_free(x->wh);
    hd_free(x->q);
    hd_free(x->caps);
    hd_free(x->marks);
    hd_free(x->cues);
}

/* Index of the first token whose bytes are exactly w. */
static uint32_t tok_index(const xctx *x, const char *w)
{
    for (uint32_t i = 0; i < x->nt; i++)
        if (x->t[i].e - x->t[i].s == strlen(w) && !memcmp(x->b + x->t[i].s, w, strlen(w)))
            return i;
    fail_msg("no token \"%s\"", w);
    return 0;
}

/* Is token i in the ascending list v[0..n)? */
static int listed(const uint32_t *v, uint32_t n, uint32_t i)
{
    for (uint32_t k = 0; k < n; k++) {
        if (k > 0)
            assert_true(v[k - 1] < v[k]);
        if (v[k] == i)
            return 1;
    }
    return 0;
}

/* The first token whose bytes are exactly w. */
static const xtok *tok_of(const xctx *x, const char *w)
{
    for (uint32_t i = 0; i < x->nt; i++)
        if (x->t[i].e - x->t[i].s == strlen(w) && !memcmp(x->b + x->t[i].s, w, strlen(w)))
            return &x->t[i];
    fail_msg("no token \"%s\"", w);
    return NULL;
}

/* Token w: its kind, flags (without TF_SSTART/TF_INQ) and stem length. */
static void check_tok(const xctx *x, const char *w, int kind, unsigned flags, size_t stem)
{
    const xtok *t = tok_of(x, w);
    assert_int_equal(t->kind, kind);
    assert_int_equal(t->flags & ~(TF_SSTART | TF_INQ), flags);
    assert_int_equal(t->stem_e - t->s, stem);
}

/* A domain name ending a sentence gives up its period; abbreviations keep theirs, also after
 * a hyphen ("Franco-U.S."). */
static void test_domain_name_ends_a_sentence(void **state)
{
    (void)state;
    xctx x;
    tokenize(&x, "They launched a website called latinohiphopradio.com. The name says it all. "
                 "Talks on the Franco-U.S. deal went on, reported ouest-france.fr. Later Ph.D. "
                 "students met.");
    check_tok(&x, "latinohiphopradio.com", TK_WORD, 0, strlen("latinohiphopradio.com"));
    assert_true(tok_of(&x, "The")->flags & TF_SSTART);
    check_tok(&x, "Franco-U.S.", TK_WORD, TF_CAP, strlen("Franco-U.S."));
    assert_false(tok_of(&x, "deal")->flags & TF_SSTART);
    check_tok(&x, "ouest-france.fr", TK_WORD, 0, strlen("ouest-france.fr"));
    assert_true(tok_of(&x, "Later")->flags & TF_SSTART);
    check_tok(&x, "Ph.D.", TK_WORD, TF_CAP, 5);
    assert_false(tok_of(&x, "students")->flags & TF_SSTART);
    untokenize(&x);
}

/* Words of every length at every offset (the tokenizer scans sixteen bytes at a time where it
 * can): random ASCII words, mixed case, digits, ended by a space, a comma, a non-ASCII letter
 * or the end of the body, each cut exactly and flagged by its case. */
static void test_tokens_random_words(void **state)
{
    (void)state;
    static const char set[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static const char *const ends[] = {" ", ", ", " \xC3\xA9t\xC3\xA9 ", "\n\n"};
    uint64_t seed = 0x9E3779B97F4A7C15ULL;
    for (int round = 0; round < 200; round++) {
        char body[2048];
        size_t n = 0, starts[64], lens[64], nw = 0;
        while (nw < 40) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t len = 1 + (size_t)(seed >> 33) % 40;
            unsigned mode = (unsigned)(seed >> 20) % 4; /* lower, Capital, UPPER, mixed */
            if (n + len + 8 >= sizeof body)
                break;
            starts[nw] = n;
            lens[nw] = len;
            for (size_t k = 0; k < len; k++) {
                seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                char c = set[(seed >> 40) % 62];
                if (mode == 0 && c >= 'A' && c <= 'Z')
                    c = (char)(c + 32);
                if (mode == 1 && c >= 'A' && c <= 'Z' && k > 0)
                    c = (char)(c + 32);
                if (mode == 1 && k == 0)
                    c = (char)('A' + (seed >> 20) % 26);
                if (mode == 2 && c >= 'a' && c <= 'z')
                    c = (char)(c - 32);
                body[n++] = c;
            }
            nw++;
            const char *e = ends[(seed >> 50) % 4];
            memcpy(body + n, e, strlen(e));
            n += strlen(e);
        }
        body[n - 1 > 0 && body[n - 1] == ' ' ? n - 1 : n] = 0; /* the last word may end the body */
        xctx x;
        tokenize(&x, body);
        for (size_t w = 0; w < nw; w++) {
            uint32_t i = 0;
            while (i < x.nt && x.t[i].s != starts[w])
                i++;
            assert_true(i < x.nt);
            assert_int_equal(x.t[i].kind, TK_WORD);
            assert_int_equal(x.t[i].e - x.t[i].s, lens[w]);
            const char *p = body + starts[w];
            size_t up = 0, lo = 0;
            for (size_t k = 0; k < lens[w]; k++) {
                up += p[k] >= 'A' && p[k] <= 'Z';
                lo += p[k] >= 'a' && p[k] <= 'z';
            }
            assert_int_equal(!!(x.t[i].flags & TF_CAP), p[0] >= 'A' && p[0] <= 'Z');
            assert_int_equal(!!(x.t[i].flags & TF_DIGIT), p[0] >= '0' && p[0] <= '9');
            assert_int_equal(!!(x.t[i].flags & TF_ALLCAPS),
                             p[0] >= 'A' && p[0] <= 'Z' && up >= 2 && lo == 0);
        }
        untokenize(&x);
    }
}

/* The tokenizer's word tags and hashes (x->wh), which the entity pass's case tests read in
 * place of hashing again: on a real page and on words of every shape ("Mr." with its period,
 * "Iran's", "U.S.", "Élysée", figures), each tag agrees with the token's case flags and each
 * kept hash with lx_hash over [s, stem_e). */
static void check_word_hashes(const xctx *x)
{
    uint32_t hashed = 0;
    for (uint32_t i = 0; i < x->nt; i++) {
        const xtok *t = &x->t[i];
        uint64_t v = x->wh[i];
        int lower = t->kind == TK_WORD && !(t->flags & (TF_CAP | TF_ALLCAPS | TF_DIGIT));
        assert_int_equal(!!(v & WH_LOWER), lower);
        if (t->kind != TK_WORD)
            assert_true(v == 0);
        if (v & WH_HASHED) {
            hashed++;
            uint64_t h = lx_hash(x->b + t->s, t->stem_e - t->s, x->n - t->s);
            assert_true((v & ~3ULL) == (h & ~3ULL));
        }
    }
    assert_true(hashed > 0);
}

static void test_token_word_hashes(void **state)
{
    (void)state;
    xctx x;
    tokenize(&x, "Mr. Smith of Iran's X unit told U.S. reporters A. Jones and the Élysée paid "
                 "4.5 mln, 10,000 shares in 1987; the countries' IT unit said no.");
    check_word_hashes(&x);
    untokenize(&x);
    hd_buf b;
    hd_buf_init(&b);
    hd_err err = {0};
    if (hd_fs_read_all(HD_SHARED_DATA "/seed-pages/000_9272e3ac30541b30.txt", 1 << 20, &b, &err) !=
        HD_OK) {
        hd_buf_done(&b);
        skip();
    }
    tokenize(&x, b.p);
    assert_true(x.nt > 1000);
    check_word_hashes(&x);
    untokenize(&x);
    hd_buf_done(&b);
}

static void test_tokens(void **state)
{
    (void)state;
    xctx x;
    tokenize(&x, "NATO said the US-based firm, AT&T and A-B Corp. paid 4.5 mln and 10,000 "
                 "shares; Mr. Smith of Iran's X unit told U.S. reporters A. Jones was there.\n"
                 "\n"
                 "The countries' ''best'' Élysée talks de-escalate in 1987");
    check_tok(&x, "NATO", TK_WORD, TF_CAP | TF_ALLCAPS, 4);
    check_tok(&x, "said", TK_WORD, 0, 4);
    assert_true(tok_of(&x, "said")->lex >> 24);    /* a speech verb class */
    check_tok(&x, "US-based", TK_WORD, TF_CAP, 8); /* a lower-case run after the joiner */
    check_tok(&x, "AT&T", TK_WORD, TF_CAP | TF_ALLCAPS, 4);
    check_tok(&x, "A-B", TK_WORD, TF_CAP | TF_ALLCAPS, 3);
    check_tok(&x, "Corp.", TK_WORD, TF_CAP, 5);
    check_tok(&x, "4.5", TK_WORD, TF_DIGIT, 3);
    assert_int_equal(tok_of(&x, "4.5")->lex, 0);
    check_tok(&x, "10,000", TK_WORD, TF_DIGIT, 6);
    check_tok(&x, "Mr.", TK_WORD, TF_CAP, 3);
    assert_true(tok_of(&x, "Mr.")->lex & LW_TITLE);
    check_tok(&x, "Iran's", TK_WORD, TF_CAP | TF_POSS, 4);
    assert_true(tok_of(&x, "Iran's")->lex & LW_PLACE);
    check_tok(&x, "X", TK_WORD, TF_CAP, 1); /* one capital is not "all capitals" */
    check_tok(&x, "told", TK_WORD, 0, 4);
    check_tok(&x, "U.S.", TK_WORD, TF_CAP | TF_ALLCAPS, 4);
    check_tok(&x, "A.", TK_WORD, TF_CAP, 2); /* a lone initial keeps its period */
    check_tok(&x, "countries'", TK_WORD, TF_POSS, 9);
    check_tok(&x, "''", TK_QOPEN, 0, 2);
    check_tok(&x, "Élysée", TK_WORD, TF_CAP, strlen("Élysée"));
    check_tok(&x, "de-escalate", TK_WORD, 0, 11);
    check_tok(&x, "1987", TK_WORD, TF_DIGIT, 4); /* the body's last bytes */
    check_tok(&x, ",", TK_PUNCT, 0, 1);
    /* only "word" tokens carry lexicon bits; the lower-case "the" is a function word */
    assert_true(tok_of(&x, "the")->lex & LW_FUNC);
    assert_false(tok_of(&x, "Smith")->lex & LW_PLACE);
    /* one paragraph token for the blank line; quote '' ... '' paired */
    uint32_t n_para = 0, n_comma = 0;
    for (uint32_t i = 0; i < x.nt; i++) {
        n_para += x.t[i].kind == TK_PARA;
        n_comma += x.t[i].kind == TK_PUNCT && x.t[i].ch == ',';
    }
    assert_int_equal(n_para, 1);
    assert_int_equal(x.n_comma, n_comma);
    assert_int_equal(x.nq, 1);
    assert_true(tok_of(&x, "best")->flags & TF_INQ);
    assert_int_equal(tok_of(&x, "The")->sent, tok_of(&x, "1987")->sent);
    assert_true(tok_of(&x, "NATO")->sent < tok_of(&x, "The")->sent);
    /* the lists later passes walk instead of every token */
    uint32_t n_caps = 0, n_marks = 0, n_cues = 0;
    for (uint32_t i = 0; i < x.nt; i++) {
        const xtok *t = &x.t[i];
        int cap = (t->flags & (TF_CAP | TF_ALLCAPS)) != 0;
        int mark = (t->kind == TK_PUNCT && t->ch == ',') || (t->lex & (LW_TITLE | LW_ROLE));
        int cue = (t->lex & (LW_VERB | LW_ACC)) != 0;
        assert_int_equal(listed(x.caps, x.n_cap, i), cap);
        assert_int_equal(listed(x.marks, x.n_marks, i), mark);
        assert_int_equal(listed(x.cues, x.n_cues, i), cue);
        n_caps += cap;
        n_marks += mark;
        n_cues += cue;
    }
    assert_int_equal(x.n_cap, n_caps);
    assert_int_equal(x.n_marks, n_marks);
    assert_int_equal(x.n_cues, n_cues);
    assert_true(listed(x.cues, x.n_cues, tok_index(&x, "said")));
    assert_true(listed(x.cues, x.n_cues, tok_index(&x, "told")));
    assert_true(listed(x.marks, x.n_marks, tok_index(&x, "Mr.")));
    assert_true(listed(x.caps, x.n_cap, tok_index(&x, "NATO")));
    assert_int_equal(x.n_colon_para, 0);
    untokenize(&x);
    /* no quote marks: no quote spans */
    tokenize(&x, "Plain text without quotes.");
    assert_int_equal(x.nq, 0);
    assert_int_equal(x.nt, 5);
    assert_int_equal(x.n_cues, 0);
    untokenize(&x);
    /* a paragraph after "X said:" is noted for the block-paragraph pass */
    tokenize(&x, "The minister said:\nWe will build the port and the road.\n");
    assert_int_equal(x.n_colon_para, 1);
    untokenize(&x);
}

/* The lexicon bits the passes use instead of string comparisons or phrase lookups. */
static void test_lexicon_bits(void **state)
{
    (void)state;
    xctx x;
    tokenize(&x, "Secretary of State Blinken said on Tuesday, in Today's talks, on. as As");
    /* "secretary of state" is a role phrase: its first word is marked, its last ends one */
    assert_true(tok_of(&x, "Secretary")->lex & LW_ROLE_START);
    assert_true(tok_of(&x, "State")->lex & LW_ROLE_END);
    assert_int_equal(hd_ex_role_ending_at(&x, tok_index(&x, "State"), 0),
                     tok_index(&x, "Secretary"));
    /* adverbial openers, as written: not with a possessive or a period */
    assert_true(hd_ex_adverbial_start(&x, tok_index(&x, "on"), x.nt));
    assert_true(hd_ex_adverbial_start(&x, tok_index(&x, "in"), x.nt));
    assert_true(hd_ex_adverbial_start(&x, tok_index(&x, "As"), x.nt));
    assert_false(hd_ex_adverbial_start(&x, tok_index(&x, "Today's"), x.nt));
    assert_false(hd_ex_adverbial_start(&x, tok_index(&x, "Blinken"), x.nt));
    assert_false(hd_ex_adverbial_start(&x, tok_index(&x, "said"), x.nt));
    /* a punctuation token or the end opens one too */
    assert_true(hd_ex_adverbial_start(&x, tok_index(&x, ","), x.nt));
    assert_true(hd_ex_adverbial_start(&x, x.nt, x.nt));
    untokenize(&x);
    /* country names from iso-codes: name, official name, and the part before ", " */
    static const char *const places[] = {
        "Aruba", "islamic republic of iran", "Korea", "KOREA, REPUBLIC OF", "Bolivia", NULL};
    for (int k = 0; places[k]; k++)
        assert_true(hd_ex_lx_get(&lx->places, places[k], strlen(places[k])));
    assert_false(hd_ex_lx_get(&lx->places, "Republic of", 11));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quote_then_cue),
        cmocka_unit_test(test_quote_then_inverted_cue),
        cmocka_unit_test(test_cue_colon_quote),
        cmocka_unit_test(test_cue_directly_before_quote),
        cmocka_unit_test(test_he_added),
        cmocka_unit_test(test_question_he_asked),
        cmocka_unit_test(test_split_quote),
        cmocka_unit_test(test_quote_cue_quote_same_paragraph),
        cmocka_unit_test(test_block_quote_after_colon),
        cmocka_unit_test(test_block_paragraph_unquoted),
        cmocka_unit_test(test_continuation_paragraph),
        cmocka_unit_test(test_quote_spans_paragraphs),
        cmocka_unit_test(test_nested_quotes),
        cmocka_unit_test(test_nyt_double_apostrophe_quotes),
        cmocka_unit_test(test_straight_and_curly_agree),
        cmocka_unit_test(test_reported_that),
        cmocka_unit_test(test_reported_verbs),
        cmocka_unit_test(test_reported_parenthetical_that),
        cmocka_unit_test(test_said_on_tuesday_he_would),
        cmocka_unit_test(test_clause_then_cue),
        cmocka_unit_test(test_according_to),
        cmocka_unit_test(test_described_as),
        cmocka_unit_test(test_heard_saying),
        cmocka_unit_test(test_began_saying),
        cmocka_unit_test(test_subject_ends_before_its_verb),
        cmocka_unit_test(test_participle_saying),
        cmocka_unit_test(test_unknown_speaker_is_null),
        cmocka_unit_test(test_role_before_name),
        cmocka_unit_test(test_role_resolves_to_holder),
        cmocka_unit_test(test_role_then_unroled_name),
        cmocka_unit_test(test_pronoun_most_recent_speaker),
        cmocka_unit_test(test_pronoun_gender),
        cmocka_unit_test(test_appositive_subjects),
        cmocka_unit_test(test_entities),
        cmocka_unit_test(test_org_descriptions),
        cmocka_unit_test(test_company_names),
        cmocka_unit_test(test_role_complement),
        cmocka_unit_test(test_org_words),
        cmocka_unit_test(test_trailing_attribution),
        cmocka_unit_test(test_quote_opens_clause_then_cue),
        cmocka_unit_test(test_mixed_quote),
        cmocka_unit_test(test_undertakings),
        cmocka_unit_test(test_prepositional_object),
        cmocka_unit_test(test_and_in_public_body_names),
        cmocka_unit_test(test_and_in_department_names),
        cmocka_unit_test(test_he_after_role_with_complement),
        cmocka_unit_test(test_person_from_a_place),
        cmocka_unit_test(test_himself_who_told_a_summit),
        cmocka_unit_test(test_firm_named_for_two),
        cmocka_unit_test(test_two_speakers_together),
        cmocka_unit_test(test_two_firms_together),
        cmocka_unit_test(test_parties_are_organisations),
        cmocka_unit_test(test_phrase_role_mentioned_again),
        cmocka_unit_test(test_saying_words_not_said),
        cmocka_unit_test(test_person_of_a_watchdog),
        cmocka_unit_test(test_went_on_to_say),
        cmocka_unit_test(test_role_not_bound_to_described_person),
        cmocka_unit_test(test_office_with_its_complement),
        cmocka_unit_test(test_role_portfolio),
        cmocka_unit_test(test_object_before_participle),
        cmocka_unit_test(test_time_before_cue),
        cmocka_unit_test(test_they),
        cmocka_unit_test(test_entity_kinds),
        cmocka_unit_test(test_person_of),
        cmocka_unit_test(test_firm_name_with_lower_case_word),
        cmocka_unit_test(test_description_needs_an_organisation),
        cmocka_unit_test(test_pending_roles),
        cmocka_unit_test(test_scare_quotes_and_titles),
        cmocka_unit_test(test_non_speech_verbs),
        cmocka_unit_test(test_short_quotes),
        cmocka_unit_test(test_negated_and_passive),
        cmocka_unit_test(test_inverted_subject_after_clause),
        cmocka_unit_test(test_inverted_subject_then_adverbial),
        cmocka_unit_test(test_inverted_role_with_preposition),
        cmocka_unit_test(test_appositive_description_and_title_list),
        cmocka_unit_test(test_quoted_phrase_in_reported_clause),
        cmocka_unit_test(test_relative_that_subject),
        cmocka_unit_test(test_role_word_as_surname),
        cmocka_unit_test(test_appositive_person_or_description),
        cmocka_unit_test(test_quote_then_org_role_name_and_adverbial),
        cmocka_unit_test(test_subject_shapes_and_second_speakers),
        cmocka_unit_test(test_asked_questions),
        cmocka_unit_test(test_then_says_familiar_sources),
        cmocka_unit_test(test_relative_clause_commas_and_issued_statement),
        cmocka_unit_test(test_participle_and_cue_shapes),
        cmocka_unit_test(test_org_for_names),
        cmocka_unit_test(test_org_on_names),
        cmocka_unit_test(test_unclosed_appositive),
        cmocka_unit_test(test_topic_after_cue_is_no_statement),
        cmocka_unit_test(test_subordinate_clause_before_subject),
        cmocka_unit_test(test_impersonal_passive_after_adverbial),
        cmocka_unit_test(test_double_appositive),
        cmocka_unit_test(test_long_appositive_after_quote),
        cmocka_unit_test(test_citing_a_quote),
        cmocka_unit_test(test_conjunctions_and_value_added),
        cmocka_unit_test(test_opening_adverbial_before_undertaking_or_quote),
        cmocka_unit_test(test_later_clause_after_quote_cue),
        cmocka_unit_test(test_quoted_complement_in_clause),
        cmocka_unit_test(test_asked_not_to_be_identified),
        cmocka_unit_test(test_debt_notes_and_so_far),
        cmocka_unit_test(test_term_notes_tells_of_and_partitives),
        cmocka_unit_test(test_bare_presents_and_time_before_cue),
        cmocka_unit_test(test_periods_of_titles_and_abbreviations),
        cmocka_unit_test(test_listener_then_clause_subject),
        cmocka_unit_test(test_abbreviated_title_holds_its_office),
        cmocka_unit_test(test_acronyms_and_people_at_organisations),
        cmocka_unit_test(test_honorifics_and_more_cues),
        cmocka_unit_test(test_quote_then_participle),
        cmocka_unit_test(test_age_stands_for_a_person),
        cmocka_unit_test(test_told_listener_adverbial_that),
        cmocka_unit_test(test_at_least_after_cue),
        cmocka_unit_test(test_add_to_a_noun_phrase),
        cmocka_unit_test(test_topic_preposition_then_relative_that),
        cmocka_unit_test(test_ing_modifier_in_the_speaker),
        cmocka_unit_test(test_place_after_locative_is_no_speaker),
        cmocka_unit_test(test_role_holder_is_the_subject),
        cmocka_unit_test(test_sir_and_dame_take_the_first_name),
        cmocka_unit_test(test_role_then_name_after_a_clause),
        cmocka_unit_test(test_participle_after_the_subject_head),
        cmocka_unit_test(test_participle_after_an_appositive_subject),
        cmocka_unit_test(test_quote_then_according_to),
        cmocka_unit_test(test_plural_cue_nouns),
        cmocka_unit_test(test_deny_two_objects_and_parenthesised_source),
        cmocka_unit_test(test_gerund_before_name),
        cmocka_unit_test(test_first_name_alone),
        cmocka_unit_test(test_subject_after_city_and_state),
        cmocka_unit_test(test_empty_and_bad_args),
        cmocka_unit_test(test_lexicon_missing_dir),
        cmocka_unit_test(test_seed_page_001),
        cmocka_unit_test(test_entities_one_per_name),
        cmocka_unit_test(test_sentence_opening_common_word_before_a_name),
        cmocka_unit_test(test_coordinated_cues),
        cmocka_unit_test(test_reported_then_adding_quote),
        cmocka_unit_test(test_quote_ending_sentence_is_not_cued_by_next),
        cmocka_unit_test(test_according_to_long_source),
        cmocka_unit_test(test_told_object_then_clause),
        cmocka_unit_test(test_subject_shapes_from_other_sites),
        cmocka_unit_test(test_asked_and_noun_saying),
        cmocka_unit_test(test_two_subjects_one_sentence),
        cmocka_unit_test(test_relative_clause_cues),
        cmocka_unit_test(test_title_case_headline),
        cmocka_unit_test(test_quoted_names_inside_clauses),
        cmocka_unit_test(test_amounts_and_adverbs_around_cues),
        cmocka_unit_test(test_when_asked_after_a_quote),
        cmocka_unit_test(test_phrase_set_off_after_subject),
        cmocka_unit_test(test_opening_clause_before_subject),
        cmocka_unit_test(test_dash_after_acronym_is_no_dateline),
        cmocka_unit_test(test_group_and_organisation_mentions),
        cmocka_unit_test(test_description_mention_with_complement),
        cmocka_unit_test(test_clause_ends_at_participle_or_description),
        cmocka_unit_test(test_clause_ends_when_speaker_goes_on),
        cmocka_unit_test(test_listener_after_told),
        cmocka_unit_test(test_compared_with_others_who_say),
        cmocka_unit_test(test_quote_continues_past_a_quoted_title),
        cmocka_unit_test(test_cue_interrupting_the_words),
        cmocka_unit_test(test_short_clause_before_interrupting_cue),
        cmocka_unit_test(test_as_cue_adverbial_here_and_added_fuel),
        cmocka_unit_test(test_shares_quantifiers_and_said_so),
        cmocka_unit_test(test_spaced_hyphen_asides),
        cmocka_unit_test(test_quote_cue_after_parenthesis_and_pairs),
        cmocka_unit_test(test_requests_keep_their_object),
        cmocka_unit_test(test_poll_shares_and_whose_subjects),
        cmocka_unit_test(test_described_subject_is_the_antecedent),
        cmocka_unit_test(test_appositive_subject_after_owner),
        cmocka_unit_test(test_correspondent_is_not_the_last_speaker),
        cmocka_unit_test(test_role_mentions_and_their_holders),
        cmocka_unit_test(test_time_span_opening_is_no_subject),
        cmocka_unit_test(test_passive_participles_and_objects_saying),
        cmocka_unit_test(test_belief_verbs_end_the_subject),
        cmocka_unit_test(test_short_names_of_organisations),
        cmocka_unit_test(test_according_to_after_colon_and_including),
        cmocka_unit_test(test_straight_close_after_a_space),
        cmocka_unit_test(test_said_but_added_and_clause_after_quote),
        cmocka_unit_test(test_town_state_appositive_and_long_listener),
        cmocka_unit_test(test_clause_ending_on_a_quote_then_cue),
        cmocka_unit_test(test_said_first_then_speaker_and_quote),
        cmocka_unit_test(test_quote_after_listener),
        cmocka_unit_test(test_quoted_name_in_a_description),
        cmocka_unit_test(test_description_ending_in_a_quoted_title),
        cmocka_unit_test(test_interjected_and_exclaimed),
        cmocka_unit_test(test_quote_then_and_before_trailing_cue),
        cmocka_unit_test(test_trailing_which_is_not_said),
        cmocka_unit_test(test_speaker_after_cue_with_named_role),
        cmocka_unit_test(test_adverbial_noun_before_a_name),
        cmocka_unit_test(test_noun_phrase_objects_are_no_statements),
        cmocka_unit_test(test_according_to_inside_the_words),
        cmocka_unit_test(test_according_to_without_comma),
        cmocka_unit_test(test_said_for_weeks_and_weeks_ago),
        cmocka_unit_test(test_subject_cue_predicate),
        cmocka_unit_test(test_relative_clause_ends_at_its_comma),
        cmocka_unit_test(test_told_a_story_and_days_later),
        cmocka_unit_test(test_quote_inside_clause_then_own_clause),
        cmocka_unit_test(test_cue_with_an_object),
        cmocka_unit_test(test_participle_after_possessive),
        cmocka_unit_test(test_claims_the_noun),
        cmocka_unit_test(test_about_an_amount),
        cmocka_unit_test(test_speaker_noun_from_organisation),
        cmocka_unit_test(test_nationality_nouns),
        cmocka_unit_test(test_inverted_cue_with_a_person),
        cmocka_unit_test(test_one_word_speakers),
        cmocka_unit_test(test_opening_adverbial_is_no_statement),
        cmocka_unit_test(test_relative_word_before_the_speaker),
        cmocka_unit_test(test_relative_clause_before_the_cue),
        cmocka_unit_test(test_reported_clause_before_a_quoted_one),
        cmocka_unit_test(test_role_after_its_speaker),
        cmocka_unit_test(test_time_before_the_subject),
        cmocka_unit_test(test_times_and_places_name_no_speaker),
        cmocka_unit_test(test_pronoun_contractions_are_no_names),
        cmocka_unit_test(test_title_inside_a_name_run),
        cmocka_unit_test(test_place_before_a_name_is_where),
        cmocka_unit_test(test_role_word_surname_after_a_role),
        cmocka_unit_test(test_plural_possessive_inside_a_name),
        cmocka_unit_test(test_professions_and_definite_roles),
        cmocka_unit_test(test_sources_after_a_preposition_are_organisations),
        cmocka_unit_test(test_clubs_and_cups_are_no_people),
        cmocka_unit_test(test_title_before_of_is_part_of_the_name),
        cmocka_unit_test(test_role_word_opening_an_organisation),
        cmocka_unit_test(test_buildings_are_places),
        cmocka_unit_test(test_sunday_newspapers),
        cmocka_unit_test(test_undertakings_and_second_clauses),
        cmocka_unit_test(test_periphrastic_cues),
        cmocka_unit_test(test_headline_names_no_one_new),
        cmocka_unit_test(test_according_to_mid_sentence),
        cmocka_unit_test(test_according_to_role_description),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_compound_roles_and_called),
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_tokens_random_words),
        cmocka_unit_test(test_token_word_hashes),
        cmocka_unit_test(test_domain_name_ends_a_sentence),
        cmocka_unit_test(test_lexicon_bits),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
