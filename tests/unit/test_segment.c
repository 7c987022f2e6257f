/* SPDX-License-Identifier: MIT
 *
 * test_segment.c — dates, and splitting real seed pages into articles with titles, dates and
 * bodies; table headers and metadata titles.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "base/buf.h"
#include "base/fs.h"
#include "segment/segment.h"

#define SEED HD_SHARED_DATA "/seed-pages"

static void date_is(const char *s, const char *expect)
{
    hd_date d;
    char out[11];
    int ok = hd_date_find(s, strlen(s), &d, NULL, NULL);
    if (!expect) {
        assert_false(ok);
        return;
    }
    assert_true(ok);
    hd_date_format(&d, out);
    assert_string_equal(out, expect);
}

static void test_dates(void **state)
{
    (void)state;
    date_is("By News Desk - November 27 2022", "2022-11-27");
    date_is("Published 27 Nov 2022, 10:31", "2022-11-27");
    date_is("2022-11-27T08:00:00Z", "2022-11-27");
    date_is("Sunday, Nov. 27, 2022", "2022-11-27");
    date_is("Sept 3rd, 2021", "2021-09-03");
    date_is("04 November 2024. EPA/Mikhail", "2024-11-04");
    date_is("3 of March 2023", "2023-03-03");
    date_is("Updated: 27/11/2022 15:40", "2022-11-27");
    date_is("11/27/2022", "2022-11-27");
    date_is("27.11.2022", "2022-11-27");
    date_is("5-5-2005", "2005-05-05");
    date_is("26-Feb-1987", "1987-02-26");
    date_is("05/03/2005", NULL); /* 5 March or 3 May: no guess */
    date_is("31/02/2022", NULL);
    date_is("1/2/3", NULL);
    date_is("February 30 2022", NULL); /* no such day */
    date_is("2022-13-01", NULL);
    date_is("On 22 November, clashes", NULL); /* no year: not an explicit date */
    date_is("Mayor 12 2020", NULL);           /* "Mayor" is not a month */
    /* other languages' months */
    date_is("segunda-feira, 22 de janeiro de 2018 \xC3\xA0s 0:13", "2018-01-22");
    date_is("Von Moritz Bachmann publiziert am 30. Juli 2018", "2018-07-30");
    date_is("Mis \xC3\xA0 jour le 3 d\xC3\xA9\x63\x65mbre 2019", "2019-12-03");
    date_is("\xD0\xA2\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82: \xD0\x9B\xD0\xB8\xD0\xB4\xD0\xB0 "
            "\xC2\xB7 11 \xD0\xBE\xD0\xBA\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F 2018",
            "2018-10-11");
    date_is("Posted on Maret 30, 2015 by Admin", "2015-03-30");
    date_is("02 Ago 2017", "2017-08-02");
    date_is("5 Mayo 2021", "2021-05-05");
    date_is("12 \xC5\x9E\x75\x62\x61t 2020", "2020-02-12");
    date_is("3 wrze\xC5\x9Bnia 2019", "2019-09-03");
    date_is("1. Oktober 2019", "2019-10-01");
    date_is("30. November 2018", "2018-11-30");
    date_is("He went out 10 times in 2019", NULL);
    date_is("Mars 2020 landed", NULL);
}

/* A date printed in two parts, each alone on its line. */
static void test_date_fragments(void **state)
{
    (void)state;
    static const char *const yes[] = {"November 20", "Nov. 20",    "20 November",
                                      "Sept 3",      "15:23 2019", "2019 9:05"};
    static const char *const no[] = {"November 2019", "Mayor 20",   "November 32", "Section 20",
                                     "15:23",         "15:75 2019", "12:00 noon",  "Nov 20 2019",
                                     "Top 20",        "20 20"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (!hd_date_fragment(yes[i], strlen(yes[i])))
            fail_msg("not a date's piece: %s", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (hd_date_fragment(no[i], strlen(no[i])))
            fail_msg("read as a date's piece: %s", no[i]);
}

typedef struct page {
    hd_buf raw;
    hd_clean c;
    hd_segments segs;
} page;

static void load(page *p, const char *path, const char *given_title)
{
    memset(p, 0, sizeof *p);
    assert_int_equal(hd_fs_read_all(path, 1 << 20, &p->raw, NULL), HD_OK);
    hd_clean_init(&p->c);
    assert_int_equal(hd_clean_page(&p->c, p->raw.p, p->raw.len, NULL), HD_OK);
    assert_int_equal(hd_segment_page(&p->c, given_title, &p->segs, NULL), HD_OK);
}

static void load_text(page *p, const char *text, const char *given_title)
{
    memset(p, 0, sizeof *p);
    hd_clean_init(&p->c);
    assert_int_equal(hd_clean_page(&p->c, text, strlen(text), NULL), HD_OK);
    assert_int_equal(hd_segment_page(&p->c, given_title, &p->segs, NULL), HD_OK);
}

static void unload(page *p)
{
    hd_segments_done(&p->segs);
    hd_clean_done(&p->c);
    hd_buf_done(&p->raw);
}

static int title_is(const page *p, size_t k, const char *prefix)
{
    const hd_seg *s = &p->segs.v[k];
    if (s->title < 0)
        return 0;
    return strncmp(hd_line_text(&p->c, &p->c.lines[s->title]), prefix, strlen(prefix)) == 0;
}

/* 1 if segment k's title is exactly t. */
static int title_eq(const page *p, size_t k, const char *t)
{
    const hd_seg *s = &p->segs.v[k];
    return s->title >= 0 && p->c.lines[s->title].len == strlen(t) && title_is(p, k, t);
}

/* 1 if a kept (GOOD) line of segment k starts with prefix. */
static int body_has(const page *p, size_t k, const char *prefix)
{
    const hd_seg *s = &p->segs.v[k];
    for (size_t i = s->from; i < s->to; i++)
        if (p->c.lines[i].kind == HD_LINE_GOOD &&
            strncmp(hd_line_text(&p->c, &p->c.lines[i]), prefix, strlen(prefix)) == 0)
            return 1;
    return 0;
}

static void test_two_articles_glued(void **state)
{
    (void)state;
    page p;
    load(&p, SEED "/000_9272e3ac30541b30.txt", NULL);
    assert_int_equal(p.segs.n, 2);
    assert_true(title_is(&p, 0, "Iran Supreme Leader: Saying"));
    assert_true(title_is(&p, 1, "Japan Expresses Concern to China"));
    assert_true(body_has(&p, 0, "Iranian Supreme Leader Ali Khamenei said the phrase"));
    assert_true(body_has(&p, 0, "He asserted that the US will coordinate"));
    assert_false(body_has(&p, 0, "Japan's top national security official"));
    assert_true(body_has(&p, 1, "Japan's top national security official"));
    assert_false(body_has(&p, 1, "TT"));
    assert_false(body_has(&p, 1, "Russian President Vladimir Putin (L)"));
    assert_int_equal(p.segs.v[0].date.y, 0); /* the page states no date for it */
    unload(&p);
}

/* A teaser block after the story starts like an article (a headline on a date) but holds no
 * sentence of prose: it is page furniture, not a second article. A brief with one sentence
 * after it stays an article. */
static void test_piece_without_prose_is_no_article(void **state)
{
    (void)state;
    const char *story =
        "Council Passes Budget After Long Debate\n\nBy Jane Roe\n\nMarch 3, 2021\n\n"
        "The city council passed next year's budget on Monday night, seven votes "
        "to two, after a debate that ran past midnight.\n\n"
        "Taxes will rise by two percent, the first rise in five years, and every "
        "school gets a new roof, the mayor said.\n\n";
    const char *teasers = "Police Name Driver In Route 9 Crash\n\nMarch 2, 2021\n\n"
                          "Storm knocks out power to 3,000 homes in the north end\n\n"
                          "Palm Bay wins the county title again\n\n"
                          "Photos: the spring fair opens downtown\n";
    const char *brief = "Police Name Driver In Route 9 Crash\n\nMarch 2, 2021\n\n"
                        "Police on Tuesday named the driver who died in Sunday's crash on Route 9 "
                        "as a 34-year-old man from Salem.\n";
    char text[2048];
    page p;
    snprintf(text, sizeof text, "%s%s", story, teasers);
    load_text(&p, text, NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_is(&p, 0, "Council Passes Budget"));
    assert_true(body_has(&p, 0, "Taxes will rise by two percent"));
    assert_false(body_has(&p, 0, "Storm knocks out power"));
    unload(&p);
    snprintf(text, sizeof text, "%s%s", story, brief);
    load_text(&p, text, NULL);
    assert_int_equal(p.segs.n, 2);
    assert_true(title_is(&p, 1, "Police Name Driver"));
    assert_true(body_has(&p, 1, "Police on Tuesday named the driver"));
    unload(&p);
}

static void test_comment_section_is_not_the_story(void **state)
{
    (void)state;
    page p;
    /* readers' comments after a story: prose, but not the article's */
    load_text(&p,
              "Council approves the new bridge\n"
              "Published 5 March 2005\n\n"
              "The city council approved the new bridge on Tuesday after a long debate.\n\n"
              "Work will start in May and should take two years, the mayor said.\n\n"
              "12 Comments\n"
              "JohnD\n"
              "2 hours ago\n"
              "This is the worst decision I have ever seen and the council should resign now.\n"
              "Reply\n"
              "MaryK\n"
              "3 hours ago\n"
              "I completely agree with the council on this one, it was long overdue.\n"
              "Reply\n\n"
              "Storm closes the harbour\n"
              "Published 6 March 2005\n\n"
              "A storm closed the harbour on Wednesday and boats stayed in port all day.\n\n"
              "Leave a comment\n"
              "Your email address will not be published and you must be logged in to post.\n",
              NULL);
    assert_int_equal(p.segs.n, 2);
    assert_true(title_is(&p, 0, "Council approves the new bridge"));
    assert_true(body_has(&p, 0, "Work will start in May"));
    assert_false(body_has(&p, 0, "This is the worst decision"));
    assert_false(body_has(&p, 0, "I completely agree"));
    assert_true(title_is(&p, 1, "Storm closes the harbour"));
    assert_true(body_has(&p, 1, "A storm closed the harbour"));
    assert_false(body_has(&p, 1, "Your email address"));
    unload(&p);
    /* a comment count under the headline, or a story about comments, is no comment section */
    load_text(&p,
              "Minister defends the budget\n"
              "By Jane Roe | 5 March 2005 | 12 comments\n\n"
              "The minister defended the budget on Tuesday in front of the committee.\n\n"
              "Comments\n"
              "The committee chair said the comments made by the minister were unhelpful.\n\n"
              "The vote is expected next week, officials said on Tuesday evening.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "The committee chair said"));
    assert_true(body_has(&p, 0, "The vote is expected next week"));
    unload(&p);
}

static void test_blog_comment_thread_is_not_articles(void **state)
{
    (void)state;
    page p;
    /* A blog's thread below the story (WordPress' shape): a heading with the post's title,
     * then "name says:" and a posting time over each comment. Each comment, headed by a short
     * line, used to read as an article of its own. A story after the thread stays. */
    load_text(&p,
              "Coach: We needed to win this game\n"
              "Posted by Jane Roe on November 19, 2019, 7:12 AM EST\n\n"
              "The coach said after the game that winning on Monday night was the most "
              "important step toward getting back into the playoff race.\n\n"
              "\u201cYes, we needed to win this game today,\u201d the coach said. \u201cWe "
              "still have enough to win next week.\u201d\n\n"
              "Click to print (Opens in new window)\n\n"
              "Permalink 3 Comments Feed for comments Back to top\n\n"
              "3 responses to \u201c"
              "Coach: We needed to win this game\u201d\n\n"
              "lastfan says:\n\n"
              "November 19, 2019 at 6:34 am\n\n"
              "It is a good thing we have no fans left because this is a dumpster fire.\n\n"
              "Chargers are on the clock!\n\n"
              "joetoronto says:\n\n"
              "November 19, 2019 at 6:44 am\n\n"
              "It is time for the fans to come to grips with reality, it is over yet again "
              "and there is nothing left to play for.\n\n"
              "Obviously he did not want to\n\n"
              "sammievee says:\n\n"
              "November 19, 2019 at 7:42 am\n\n"
              "Why did you not have a plan to bench him, if necessary, just in case the game "
              "went the way it did on Monday night?\n\n"
              "Harbour reopens after the storm\n"
              "Published 20 November 2019\n\n"
              "The harbour reopened on Wednesday and the boats went out again at dawn.\n",
              NULL);
    assert_int_equal(p.segs.n, 2);
    assert_true(title_is(&p, 0, "Coach: We needed to win this game"));
    assert_true(body_has(&p, 0, "The coach said after the game"));
    assert_true(body_has(&p, 0, "\u201cYes, we needed"));
    assert_false(body_has(&p, 0, "It is a good thing"));
    assert_false(body_has(&p, 0, "Why did you not"));
    assert_true(title_is(&p, 1, "Harbour reopens after the storm"));
    assert_true(body_has(&p, 1, "The harbour reopened"));
    unload(&p);
    /* "X said:" over a block quote is the story's: no clock time, no thread */
    load_text(&p,
              "Minister defends the budget\n"
              "Published 5 March 2005\n\n"
              "The minister defended the budget on Tuesday in front of the committee.\n\n"
              "In a statement released on Tuesday evening, the minister said:\n\n"
              "The budget protects the services that families rely on every day of the year.\n\n"
              "The opposition leader said:\n\n"
              "On 5 March 2005 the government chose to cut what it had promised to protect.\n\n"
              "The vote is expected next week, officials said on Tuesday evening.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "The budget protects"));
    assert_true(body_has(&p, 0, "On 5 March 2005 the government"));
    assert_true(body_has(&p, 0, "The vote is expected next week"));
    unload(&p);
}

static void test_ranked_link_list_is_not_the_story(void **state)
{
    (void)state;
    page p;
    /* "Most read" below a story: numbers alone on their lines, each over a headline. The
     * headlines read like prose without a full stop and used to join the body. */
    load_text(&p,
              "Cat found in New Mexico after going missing in Oregon\n\n"
              "SANTA FE, N.M. (AP) \u2014 A cat who has been missing for five years in Portland, "
              "Oregon, has been found in Santa Fe, New Mexico.\n\n"
              "Usov says the family thought they would never see the cat again.\n\n"
              "6\n\n"
              "Woman notices daughter who went missing for months on TV\n\n"
              "7\n\n"
              "Kanye West, Kim Kardashian and kids spotted at The Galleria ahead of appearance\n\n"
              "8\n\n"
              "Reality show slammed for including the wife of a drug lord in its new season\n\n"
              "9\n\n"
              "The city is warm but rain and chills are coming to the area later this week\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Usov says the family"));
    assert_false(body_has(&p, 0, "Woman notices daughter"));
    assert_false(body_has(&p, 0, "Kanye West"));
    assert_false(body_has(&p, 0, "The city is warm"));
    unload(&p);
    /* numbered steps of a story are sentences: kept */
    load_text(&p,
              "How the council will rebuild the bridge\n\n"
              "The council set out its plan for the bridge on Tuesday in three steps.\n\n"
              "1\n\n"
              "Engineers will close the bridge to traffic for two weeks in May.\n\n"
              "2\n\n"
              "The old deck will be lifted out and taken away by barge.\n\n"
              "3\n\n"
              "A new deck will be set in place before the end of the summer.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Engineers will close the bridge"));
    assert_true(body_has(&p, 0, "The old deck will be lifted"));
    assert_true(body_has(&p, 0, "A new deck will be set"));
    unload(&p);
}

static void test_teasers_cut_short_are_not_the_story(void **state)
{
    (void)state;
    page p;
    /* teasers of other stories below the story, each broken off with an ellipsis */
    load_text(&p,
              "Deportees return home from US\n\n"
              "NEW DELHI: Nearly 150 Indians returned home broke on Wednesday after being "
              "deported for violating visa norms, officials said.\n\n"
              "Many of them said they had paid agents large sums to reach the border.\n\n"
              "Indian-origin man pleads guilty to fraud scheme in US NEW YORK: An Indian-origin "
              "man has pleaded guilty to theft. Raminder Singh Rekhi, 41,...\n\n"
              "UN regrets new US position on settlements UNITED NATIONS: The Secretary General "
              "has regretted the announcement made by the administration that it no longer "
              "believes the settlements are\u2026\n\n"
              /* a teaser cut at a sentence's end: its full stop, then the ellipsis */
              "Cleric says government's days are numbered KARACHI: A cleric has fired a fresh "
              "salvo at the Prime Minister, saying the government has its days numbered....\n\n"
              "Internet in Kashmir after local admn feels it is fit to do so: HM NEW DELHI: Home "
              "Minister Amit Shah on Wednesday said the government will restore...\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Many of them said"));
    assert_false(body_has(&p, 0, "Indian-origin man"));
    assert_false(body_has(&p, 0, "UN regrets"));
    assert_false(body_has(&p, 0, "Internet in Kashmir"));
    assert_false(body_has(&p, 0, "days are numbered"));
    unload(&p);
    /* each teaser with its author's byline between them */
    load_text(&p,
              "Stadia port does not run at a stable 60fps\n\n"
              "The promise of Google Stadia is high quality visuals and rock-solid performance "
              "streamed to your browser.\n\n"
              "Those playing through the Chromecast Ultra will be treated to a 30fps "
              "experience.\n\n"
              "Microsoft removes the safeguard hold for Windows 10 users with Realtek "
              "Bluetooth...\n\n"
              "by Anmol\n\n"
              "Windows 10 1909 (November 2019 Update) is now available via Windows 10 Update "
              "Ass...\n\n"
              "by Rahul\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Those playing through"));
    assert_false(body_has(&p, 0, "Microsoft removes the safeguard"));
    assert_false(body_has(&p, 0, "Windows 10 1909"));
    unload(&p);
    /* readers' letters that trail off, and one teaser alone, are kept */
    load_text(&p,
              "Losing yourself in online gaming\n\n"
              "Online role playing games are time-consuming, but enthralling flights from "
              "reality, readers told us this week.\n\n"
              "I know I play for too long. Can you recommend a counsellor - this is not a wind "
              "up... but something I'm increasingly concerned with...\n\n"
              "Me and my mate play online for an hour or two a day. It's getting the balance "
              "between work and enjoying 'real' life...\n\n"
              "The game's makers said they would add limits to play time next year.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "I know I play for too long"));
    assert_true(body_has(&p, 0, "Me and my mate"));
    unload(&p);
}

/* A feed of other stories below the story: headlines and summaries that do not end like
 * sentences, each with a time stamp ("2H ago", "Nov 17", "7H ago 08:51"). A live blog's
 * stamped entries are sentences and stay. */
static void test_stamped_feed_is_not_the_story(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Video shows dramatic rescue of kidnapped girl\n\n"
              "Police released dramatic video showing the rescue of an 8-year-old girl who was "
              "taken from her mother's arms.\n\n"
              "A federal jury deliberated for less than 10 minutes before convicting him.\n\n"
              "Woman risks her life to save a koala\n\n"
              "At least six people have died and hundreds of homes have been destroyed by "
              "bushfires.\n\n"
              "2H ago\n\n"
              "Cities urge boycott of meat companies linked to Amazon fires\n\n"
              "Lawmakers in the two biggest U.S. cities want to cut ties with businesses "
              "involved with beef imports from Brazil\n\n"
              "14H ago\n\n"
              "Fox Media wants to trademark \"OK boomer\"\n\n"
              "Trademark application says the phrase would be used for a reality series\n\n"
              "Nov 17\n\n"
              "How impeachment impacts 2020\n\n"
              "7H ago 08:51\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "A federal jury deliberated"));
    assert_false(body_has(&p, 0, "Woman risks her life"));
    assert_false(body_has(&p, 0, "At least six people have died"));
    assert_false(body_has(&p, 0, "Lawmakers in the two biggest"));
    assert_false(body_has(&p, 0, "Trademark application says"));
    assert_false(body_has(&p, 0, "2H ago"));
    unload(&p);
    load_text(&p,
              "Storm live: the latest as the hurricane makes landfall\n\n"
              "The storm came ashore near Galveston early on Friday, forecasters said.\n\n"
              "2H ago\n\n"
              "Power is out for more than 200,000 homes across the county, the utility said.\n\n"
              "3H ago\n\n"
              "The governor has ordered the evacuation of three coastal towns.\n\n"
              "4H ago\n\n"
              "Winds of 120 miles an hour were recorded at the airport.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Power is out for more than"));
    assert_true(body_has(&p, 0, "The governor has ordered"));
    assert_true(body_has(&p, 0, "Winds of 120 miles"));
    unload(&p);
    /* an aggregator's feed: each item with its source's domain or a count of reactions */
    load_text(&p,
              "The early reviews for Stadia are here\n\n"
              "Stadia, Google's streaming gaming platform, launches today, and the reviews are "
              "mixed.\n\n"
              "The controller is really comfortable to hold over long periods of time.\n\n"
              "Why Don't You Go Fight For The Reindeer?\n\n"
              "1 digg delacortereview.org Long Reads\n\n"
              "Scandinavia's Sami have been herding reindeer for generations, and then the "
              "miners arrived in the north with their trucks and their plans for the land\n\n"
              "What Being Asexual Tells Us About Romance\n\n"
              "aeon.co Sex\n\n"
              "Quickly Collect Signatures Anywhere\n\n"
              "20 diggs Promotion\n\n"
              "US Senate Passes Hong Kong Bill\n\n"
              "cnn.com News\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "The controller is really comfortable"));
    assert_false(body_has(&p, 0, "Scandinavia's Sami"));
    assert_false(body_has(&p, 0, "cnn.com News"));
    unload(&p);
}

/* A headline on its byline starts the story even when the navigation far above it holds
 * figures ("Sub Menu 1") and a sentence ("Thanks for contacting us."); one sentence of prose
 * in the navigation above the first headline is no article of its own. */
static void test_headline_below_navigation_with_prose(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Skip to main content\n\nThanks for contacting us. We've received your "
              "submission.\n\nNews\n\nMetro\n\nSports\n\nSub Menu 1\n\nCovers\n\n"
              "Columnists\n\nHoroscopes\n\nSign in\n\nSearch\n\n"
              "Chinese hunter catches bubonic plague after eating wild rabbit\n\n"
              "By Natalie Musumeci\n\n"
              "A case of the bubonic plague was reported in China over the weekend after two "
              "people there were diagnosed with the pneumonic plague.\n\n"
              "The new patient hunted and ate a wild rabbit on Nov. 5, according to the "
              "state-run news agency.\n\n"
              "Authorities say that the cases appear to be unrelated.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Chinese hunter catches bubonic plague after eating wild rabbit"));
    assert_true(body_has(&p, 0, "Authorities say that the cases"));
    unload(&p);
    load_text(&p,
              "Jump directly to the content\n\nYour Sun\n\nSign in\n\nEditions\n\n"
              "Scottish Sun\n\nIrish Sun\n\nDream Team\n\n"
              "News Corp is a network of leading companies in the worlds of diversified media, "
              "news, education, and information services.\n\n"
              "Follow The Sun\n\nServices\n\n"
              "Hunter diagnosed with bubonic plague after eating a rabbit\n\n"
              "By Jon Lockett\n\n"
              "A HUNTER who killed and ate a wild rabbit in China has been hit by the deadly "
              "bubonic plague.\n\n"
              "The 55-year-old is the third Beijing resident to contract the medieval disease, "
              "say officials.\n\n"
              "Health bosses said that 28 people in close contact with the hunter were "
              "quarantined.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_is(&p, 0, "Hunter diagnosed with bubonic plague"));
    assert_false(body_has(&p, 0, "News Corp is a network"));
    assert_true(body_has(&p, 0, "Health bosses said"));
    unload(&p);
}

/* The story printed again as one paragraph after its paragraphs is a copy; a paragraph
 * printed again with more sentences after it is kept. */
static void test_story_glued_into_one_paragraph(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "10 things in tech you need to know today\n\n"
              "Good morning! This is the tech news you need to know this Tuesday.\n\n"
              "The New York state attorney general is investigating WeWork amid layoffs, the "
              "company confirmed.\n\n"
              "T-Mobile CEO John Legere is stepping down in May 2020, the company said.\n\n"
              "Good morning! This is the tech news you need to know this Tuesday. The New York "
              "state attorney general is investigating WeWork amid layoffs, the company "
              "confirmed. T-Mobile CEO John Legere is stepping down.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "T-Mobile CEO John Legere"));
    assert_false(body_has(&p, 0,
                          "Good morning! This is the tech news you need to know this "
                          "Tuesday. The New York"));
    unload(&p);
    load_text(&p,
              "Social sites overflow with news of the attacks\n\n"
              "Facebook activated its Safety Check tool, which allows users in an area affected "
              "by a crisis to mark themselves as safe.\n\n"
              "Twitter was flooded with messages from people looking for friends.\n\n"
              "Facebook activated its Safety Check tool, which allows users in an area affected "
              "by a crisis to mark themselves as safe. Facebook created the tool to help in "
              "times of crisis, a spokeswoman said on Saturday.\n",
              NULL);
    assert_true(body_has(&p, 0,
                         "Facebook activated its Safety Check tool, which allows users in "
                         "an area affected by a crisis to mark themselves as safe. "
                         "Facebook created"));
    unload(&p);
}

/* Below a story, a list of other stories each with a headline, a date and a one-line summary
 * is no set of articles; a page of such short items and no long story keeps them all. */
static void test_related_list_of_blurbs(void **state)
{
    (void)state;
    page p;
    const char *story = "Does the ambassador have a net worth of $17 million?\n\n"
                        "By Dan Evon\n\nNovember 18, 2019\n\n"
                        "Social media users claimed the former ambassador had a fortune.\n\n"
                        "We have found no evidence to corroborate this claim.\n\n"
                        "In other words, the claim appears to have been conjured out of thin "
                        "air.\n\n";
    const char *related = "Did Schiff Unfairly Squelch Stefanik at the Impeachment Hearing?\n\n"
                          "November 17, 2019\n\n"
                          "Republicans clashed with the committee chairman over their questioning "
                          "of the former ambassador on Friday.\n\n"
                          "Did Celine Dion Launch a Luciferian Children's Clothing Line?\n\n"
                          "April 9, 2019\n\n"
                          "Changing gender norms do not mean that demonic forces are afoot in the "
                          "fashion world.\n\n"
                          "Is This a Picture of a Congresswoman Flipping the Bird?\n\n"
                          "November 16, 2019\n\n"
                          "Another example of an attack on a politician based on a misleading "
                          "photograph.\n";
    char text[4096];
    snprintf(text, sizeof text, "%s%s", story, related);
    load_text(&p, text, NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "In other words"));
    assert_false(body_has(&p, 0, "Republicans clashed"));
    assert_false(body_has(&p, 0, "Changing gender norms"));
    unload(&p);
    load_text(&p, related, NULL);
    assert_int_equal(p.segs.n, 3);
    assert_true(body_has(&p, 1, "Changing gender norms"));
    unload(&p);
    /* a teaser's one paragraph may run to fifty words or more */
    const char *longer =
        "Minnesotan Casey Mittelstadt finding his legs in Buffalo\n\nNovember 18, 2019\n\n"
        "About three years ago, a 17-year-old draft prospect started turning heads at the "
        "combine with a blend of speed and skill that scouts said they had rarely seen in a "
        "player from the state, and the Sabres took him eighth overall in the first round of "
        "the draft that summer.\n\n"
        "Wild dig themselves another hole in overtime loss\n\nNovember 17, 2019\n\n"
        "Wild coach Bruce Boudreau has heeded warnings over the past couple of weeks about slow "
        "starts, yet his team again fell behind by two goals in the first period before a late "
        "rally forced overtime, where the Sabres won it on a power play after a penalty on the "
        "Wild's captain.\n";
    snprintf(text, sizeof text, "%s%s", story, longer);
    load_text(&p, text, NULL);
    assert_int_equal(p.segs.n, 1);
    assert_false(body_has(&p, 0, "About three years ago"));
    unload(&p);
}

/* An author's name alone over the date, just below the headline, is a byline, not the
 * headline of an article of its own. */
static void test_name_over_date_is_a_byline(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Fact Check\n\nNews\n\n"
              "Does Marie Yovanovitch Have a Net Worth of $17 Million?\n\n"
              "An unsubstantiated rumor was circulated in an apparent attempt to discredit the "
              "former ambassador.\n\n"
              "Dan Evon\n\nPublished 18 November 2019\n\n"
              "Former ambassador Marie Yovanovitch has a net worth of $17 million.\n\n"
              "We have found no evidence to corroborate this claim, which appears to have been "
              "conjured out of thin air.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_is(&p, 0, "Does Marie Yovanovitch Have a Net Worth"));
    assert_int_equal(p.segs.v[0].date.y, 2019);
    assert_true(body_has(&p, 0, "We have found no evidence"));
    unload(&p);
}

/* A headline over its date printed in two parts ("November 20", "15:23 2019"), a share widget
 * read as one line and the byline, under a menu: the headline is the title, not the menu's
 * label nor the widget's. */
static void test_headline_over_split_date_and_share_widget(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Top Stories\n\nFlood waters recede, farmers return to ruined fields in Assam\n\n"
              "August 14\n\n09:41 2021\n\nPrint This Article Share it With Friends\n\n"
              "by Valley Times Staff 0 Comments\n\n"
              "GUWAHATI: Thousands of farmers returned to their villages on Saturday as the flood "
              "waters receded, finding their rice fields buried under silt.\n\n"
              "Officials said the state would pay compensation for crops lost to the floods, but "
              "many farmers said the money would come too late.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Flood waters recede, farmers return to ruined fields in Assam"));
    assert_true(body_has(&p, 0, "GUWAHATI: Thousands of farmers"));
    unload(&p);
}

/* Other stories under a "Você pode gostar..." heading after the story, each cut short after
 * a few sentences, a share bar over each: not the story's text (a plain-text page). */
static void test_related_teasers_after_the_story(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Só quem se Ama…\n\nWhatsapp Facebook Pint Baixar\n\n"
              "Viver uma verdadeira experiência amorosa é um dos maiores prazeres da vida. "
              "Gostar é sentir com a alma, mas expressar os sentimentos depende das idéias de "
              "cada um. Cada um é o único responsável pelas suas próprias necessidades.\n\n"
              "Mensagens de Autoestima, Mensagens de Reflexão Sobre a Vida\n\n"
              "Você pode gostar...\n\nWhatsapp Facebook Pint Baixar\n\n"
              "A vida requer da gente otimismo e coragem para esperar o melhor. O pessimismo só "
              "faz engessar o sorriso e travar as articulações, não deixa ninguém sair do lugar. "
              "Com otimismo conseguimos nos adaptar a uma situação ruim traçando um plano "
              "paralelo para …\n\nWhatsapp Facebook Pint Baixar\n\n"
              "Bem-aventurados os que trilham caminhos retos e andam na lei do Senhor. "
              "Bem-aventurados os que guardam os seus estatutos e o buscam de todo coração, "
              "felizes pelo início da sua jornada …\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Viver uma verdadeira"));
    assert_false(body_has(&p, 0, "A vida requer"));
    assert_false(body_has(&p, 0, "Bem-aventurados"));
    unload(&p);
}

/* A scraped press release ends on the company's description, one paragraph of it saying where
 * the company is headquartered: not the story. Without that paragraph, "X is a … provider"
 * closing a story is its sentence. */
static void test_company_description_ends_a_release(void **state)
{
    (void)state;
    static const char *const story =
        "Ascom and GE team up in Europe\n\nBy Staff Writer\n\n"
        "Ascom announced a distribution partnership with GE Healthcare in Europe for "
        "intensive care units on Monday.\n\n"
        "The solution collects data from devices connected to the patient, the company said, "
        "and shows alarms on a handheld device.\n\n"
        "Clinicians gain visibility on patient status, highlighting alarms and warnings on "
        "any connected device.\n\n"
        "Ascom is a global solutions provider focused on healthcare ICT and mobile workflow "
        "solutions.\n\n";
    char text[2048];
    snprintf(text, sizeof text, "%s%s", story,
             "Ascom is headquartered in Baar (Switzerland), has subsidiaries in 15 countries "
             "and employs around 1,300 people worldwide.\n");
    page p;
    load_text(&p, text, NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Clinicians gain visibility"));
    assert_false(body_has(&p, 0, "Ascom is a global"));
    assert_false(body_has(&p, 0, "Ascom is headquartered"));
    unload(&p);
    load_text(&p, story, NULL);
    assert_true(body_has(&p, 0, "Ascom is a global"));
    unload(&p);
}

/* The date line may come after a widget's long line the cleaner kept and well before the
 * story's first paragraph: it is looked for up to that paragraph. */
static void test_date_after_a_kept_widget_line(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Chinese hunter catches bubonic plague after eating wild rabbit\n\n"
              "By Natalie Musumeci\n\nView author archive\n\nMost Popular Today\n\n"
              "1 120-year-old photo sparks Greta Thunberg conspiracy theories 2 Obama aides "
              "allegedly left Trump staffers notes 3 Teen charged in the death of a classmate "
              "after a fight in the school yard\n\n"
              "Name(required)\n\nEmail(required)\n\nComment(required)\n\n"
              "November 18, 2019 | 4:10pm\n\nEnlarge Image\n\nShutterstock\n\nMore On:\n\n"
              "plague\n\n"
              "A case of the bubonic plague was reported in China over the weekend after two "
              "people there were diagnosed with the pneumonic plague.\n\n"
              "Authorities say that the cases appear to be unrelated, officials said.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_int_equal(p.segs.v[0].date.y, 2019);
    assert_int_equal(p.segs.v[0].date.m, 11);
    assert_int_equal(p.segs.v[0].date.d, 18);
    unload(&p);
    /* a search box's sentence before the headline and its date line (a byline among the
     * date line's parts); a long byline with an update time */
    load_text(&p,
              "September 2018 open thread\n\nEnter search terms here.\n\n"
              "This search returns results from both the main site and from the blog, in one "
              "list.\n\nNotes from Research Conversations\n\nTop Charities\n\n"
              "September 2018 open thread\n\nPrevious Post\n\nNext Post\n\n"
              "September 10, 2018 | by Catherine\n\n"
              "Our goal with hosting quarterly open threads is to give blog readers an "
              "opportunity to publicly raise comments or questions about our work that do not "
              "fit the posts we publish.\n",
              NULL);
    assert_true(title_eq(&p, p.segs.n - 1, "September 2018 open thread"));
    assert_true(body_has(&p, p.segs.n - 1, "Our goal with hosting"));
    assert_int_equal(p.segs.v[p.segs.n - 1].date.y, 2018);
    assert_int_equal(p.segs.v[p.segs.n - 1].date.d, 10);
    unload(&p);
    load_text(&p,
              "Scientists use Hawaii telescope to spot water vapor on distant moon\n\n"
              "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 "
              "PM\n\n"
              "NASA scientists using a telescope atop Mauna Kea have confirmed the presence of "
              "water vapor above the surface of Europa.\n\n"
              "The find almost certainly means the moon has liquid water, the team said.\n",
              NULL);
    assert_int_equal(p.segs.v[0].date.d, 18);
    assert_false(body_has(&p, 0, "By HNN Staff"));
    unload(&p);
}

/* The headline right on its byline wins over the page's first line when that line is
 * navigation, also when the cleaner had dropped the headline among navigation; a standfirst
 * between headline and byline does not take the byline's headline away from the headline. */
static void test_headline_on_byline_over_first_line(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Welcome to The Detroit News's EUROPEAN UNION EXPERIENCE\n\nLearn More\n\n"
              "Thousands of teachers pack Indiana Statehouse for protest\n\n"
              "Tom Davies Associated Press\n\nPublished 11:34 PM EST Nov 19, 2019\n\n"
              "Indianapolis - Several thousand teachers wearing red surrounded the Indiana "
              "Statehouse on Tuesday, calling for higher pay.\n\n"
              "The union-organized rally was Indiana's biggest such teacher protest.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Thousands of teachers pack Indiana Statehouse for protest"));
    unload(&p);
    load_text(&p,
              "Leader rejects talks with US\n"
              "Ayatollah Khamenei referred to the words of US General Wesley Clark in 2003\n"
              "By News Desk - November 27 2022\n\n"
              "During a meeting with the Basij volunteer forces on 26 November, the Supreme "
              "Leader said he rejects talks with the United States.\n\n"
              "According to Khamenei, the problems can only be solved through tribute.\n",
              NULL);
    assert_true(title_eq(&p, 0, "Leader rejects talks with US"));
    assert_int_equal(p.segs.v[0].date.y, 2022);
    unload(&p);
    /* a headline in sentence case printed many times over "Name, Outlet" and the date; a
     * long byline of names */
    load_text(&p,
              "Menu\n\nSearch\n\n10 things in tech you need to know today\n\n"
              "Charlie Wood, Business Insider\n\n19.11.2019, 08:57\n\n"
              "Good morning! This is the tech news you need to know this Tuesday, in one "
              "place.\n\nThe New York attorney general is investigating WeWork amid layoffs, "
              "the company said.\n\n10 things in tech you need to know today\n\n"
              "10 things in tech you need to know today\n",
              NULL);
    assert_true(title_eq(&p, 0, "10 things in tech you need to know today"));
    unload(&p);
    load_text(&p,
              "Menu\n\nSearch\n\n"
              "Unpredictable Sondland faces questions about Trump, Ukraine\n\n"
              "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER\n\n"
              "WASHINGTON (AP) - Gordon Sondland is a wild card as he testifies before the "
              "House impeachment inquiry.\n\nHe will be asked about the July call, aides "
              "said.\n",
              NULL);
    assert_true(title_eq(&p, 0, "Unpredictable Sondland faces questions about Trump, Ukraine"));
    assert_false(body_has(&p, 0, "By LISA MASCARO"));
    unload(&p);
    /* a byline among share buttons is no headline */
    load_text(&p,
              "Zach Parise heating up, scores twice as Wild beat Sabres 4-1\n\n"
              "Click to share on Tumblr (Opens in new window)\n\nShare on Facebook\n\n"
              "Share on Twitter\n\nEmail this article\n\n"
              "By Bill Hoppe | Special to the Pioneer Press\n\n"
              "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 "
              "pm\n\nSign up for Newsletters and Alerts\n\n"
              "BUFFALO, N.Y. - Zach Parise scored twice and the Wild beat the Sabres 4-1 on "
              "Tuesday night.\n\nKevin Fiala also scored for Minnesota, which has won three "
              "straight.\n",
              NULL);
    assert_false(title_is(&p, 0, "By Bill Hoppe"));
    unload(&p);
}

/* A time stamp with no date between a long headline and its byline ("Today 12:01 AM") is
 * the byline's, not a headline that pushes the real one aside. */
static void test_time_stamp_under_headline(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Edit Profile\n\nSign Out\n\nAdvice\n\n"
              "Ask the doctor: My neighbour keeps parking in front of my garage, and the council "
              "will not help\n\n"
              "Today 12:01 AM\n\nBy Jane Roe\n\n"
              "DEAR DOCTOR: For two years my neighbour has parked his van in front of my garage "
              "every night, and the council says it cannot act.\n\n"
              "DEAR READER: Write to the council again and keep a record of every night the van "
              "blocks your garage.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0,
                         "Ask the doctor: My neighbour keeps parking in front of my garage, and "
                         "the council will not help"));
    assert_false(body_has(&p, 0, "12:01"));
    unload(&p);
    load_text(&p,
              "Storm closes the coast road\n\n"
              "Updated Friday, 4:15 p.m. ET\n\n"
              "The coast road was closed on Friday after a storm brought down trees and power "
              "lines, the police said.\n\n"
              "Crews expect to reopen it on Saturday morning, a spokeswoman said.\n",
              NULL);
    assert_true(title_eq(&p, 0, "Storm closes the coast road"));
    assert_false(body_has(&p, 0, "4:15"));
    unload(&p);
}

/* A byline's label on a line of its own ("By", "Author:") makes the name under it a byline,
 * not a headline; a date line with a "| BY:" part is a byline even under a breadcrumb. */
static void test_byline_label_and_dated_byline(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Opinion\n\nCommentary\n\n"
              "Is Football Violence a Crime?\n\n"
              "Assaults on the field have led to lawsuits before. But a prosecutor would have "
              "difficulty proving a charge in court.\n\n"
              "By\n\nRandy Maniloff\n\nNov. 18, 2019 7:04 pm ET\n\n"
              "It was the shot to the head heard around the world. In the closing seconds of "
              "last week's game, a defensive end swung a helmet at the quarterback.\n\n"
              "The quarterback did not suffer a concussion. Still, the league suspended the "
              "defensive end for the rest of the season.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Is Football Violence a Crime?"));
    assert_false(body_has(&p, 0, "Randy Maniloff"));
    assert_true(body_has(&p, 0, "It was the shot to the head"));
    assert_int_equal(p.segs.v[0].date.d, 18);
    unload(&p);
    load_text(&p,
              "Menu\n\nResults\n\nGuide: How to Use the Video Service\n\nScience\n\n"
              "Guide: How to Use the Video Service\n\nEspanol\n\n"
              "How to Tackle Game Day Snack Temptations\n\n"
              "BLOG > Weight Loss > Weight Loss Tips\n\n"
              "February 1, 2019 | BY: Ilana Muhlstein, MS, RDN\n\n"
              "If you are like me and you do not follow football throughout the season, you can "
              "always count on the parties for the big game.\n\n"
              "Football food is comfort food, and it can make it hard to stay on track with your "
              "weight-loss goals for the day.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "How to Tackle Game Day Snack Temptations"));
    assert_int_equal(p.segs.v[0].date.y, 2019);
    assert_false(body_has(&p, 0, "February 1, 2019"));
    unload(&p);
}

/* Other languages' pages: "Skip to content" and "Back to overview" in German or Russian are
 * no headlines, and "Von <name> publiziert am …" is a byline. */
static void test_foreign_skip_links_and_byline(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Zurück zur Übersicht\n\n"
              "Take C.A.R.E. auf der DMEXCO 2018\n\n"
              "Von Moritz Bachmann publiziert am 30. Juli 2018\n\n"
              "Die Agentur zeigt auf der Messe in Köln, wie Marken ihre Kunden mit Daten "
              "besser verstehen und ansprechen können.\n\n"
              "Besucher finden den Stand in Halle acht, wo das Team an beiden Tagen Vorträge zu "
              "den neuen Werkzeugen hält.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Take C.A.R.E. auf der DMEXCO 2018"));
    assert_false(body_has(&p, 0, "Von Moritz Bachmann"));
    unload(&p);
}

/* A count of comments between a headline and its standfirst is a link, not the headline. */
static void test_comment_count_under_headline(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Masthead\n\nCommunity Guidelines\n\nFiled under:\n\n"
              "Browns defensive snap counts, stats, and notes: Week 11\n\n"
              "New, 6 comments\n\n"
              "The defense is dealing with a bunch of suspensions and injuries right now, and "
              "the coaches had to shuffle the line.\n\n"
              "By Chris Pokorny Nov 18, 2019, 11:47am EST\n\n"
              "Here are the defensive snap counts from the loss, with notes on every player who "
              "saw the field on Sunday.\n\n"
              "The starting linebackers played every snap, and the rookie cornerback was on the "
              "field for most of the second half.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Browns defensive snap counts, stats, and notes: Week 11"));
    assert_false(body_has(&p, 0, "New, 6 comments"));
    unload(&p);
}

/* A photo's caption, a share count and the agency's name between a headline and its date line
 * do not part them. */
static void test_caption_and_agency_under_headline(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Home\n\nNews\n\nCTV News on the Go\n\nLatest\n\nCTV News on the Go\n\n"
              "Advertisement\n\n"
              "Snooze cruise: Study sees future for hibernating astronauts\n\n"
              "In this Dec. 12, 2006, file photo, made available by NASA, astronaut Robert L. "
              "Curbeam Jr., left, and European Space Agency astronaut Christer Fuglesang work on "
              "the International Space Station.\n\n"
              "0\n\nThe Associated Press\n\n"
              "Published Monday, November 18, 2019 8:22AM EST\n\n"
              "BERLIN -- The European Space Agency says putting astronauts into a state of "
              "suspended animation on long space trips could reduce the size of their "
              "spacecraft.\n\n"
              "The agency said Monday that its researchers examined how hibernation would affect "
              "the design of a mission to Mars.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Snooze cruise: Study sees future for hibernating astronauts"));
    assert_false(body_has(&p, 0, "In this Dec. 12"));
    assert_false(body_has(&p, 0, "The Associated Press"));
    assert_true(body_has(&p, 0, "BERLIN -- The European Space Agency"));
    unload(&p);
}

/* A headline after the page's navigation prose starts the story when its byline follows a
 * standfirst and a caption; a headline-shaped line over it is no standfirst. */
static void test_standfirst_between_headline_and_byline(void **state)
{
    (void)state;
    page p;
    const char *story =
        "Three Cases of Plague Diagnosed in China\n\n"
        "Officials say the risk of an outbreak is low, but many are concerned that information "
        "about the disease is being suppressed\n\n"
        "Yersinia pestis, the bacteria that cause plague, survives on fleas that live on rodents, "
        "like rats and rabbits. ( STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY)\n\n"
        "By Brigit Katz\n\nNovember 18, 2019\n\n"
        "Three cases of plague have been diagnosed in China, sparking widespread fears about the "
        "spread of the disease.\n\n"
        "Pneumonic plague is the most deadly form of the disease. It is highly contagious, "
        "spreading through the coughs of the sick.\n";
    char text[2048];
    snprintf(text, sizeof text, "%s%s",
             "Photo of the Day\n\nVideo\n\n"
             "Subscribe SmartNews History Science Ingenuity Arts and Culture Travel At the "
             "Smithsonian Photos Videos Games Subscribe Shop\n\n"
             "Search\n\nSmartNews Keeping you current\n\n",
             story);
    load_text(&p, text, NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Three Cases of Plague Diagnosed in China"));
    assert_true(body_has(&p, 0, "Three cases of plague have been diagnosed"));
    assert_int_equal(p.segs.v[0].date.d, 18);
    unload(&p);
    /* the blog's name over the post's headline: no new article at the blog's name */
    load_text(&p,
              "Enter search terms here.\n\n"
              "This search returns results from both the main site and from the blog, in one "
              "list.\n\nHome\n\nThe Charity Blog\n\n"
              "A grant to Evidence Action Beta to prototype, test, and scale promising programs\n\n"
              "Previous Post\n\nNext Post\n\nOctober 9, 2018 | by Olivia Larsen\n\n"
              "In July 2018, we recommended a $5.1 million grant to Evidence Action Beta to create "
              "a program dedicated to developing potential top charities.\n",
              NULL);
    for (size_t k = 0; k < p.segs.n; k++)
        assert_false(title_eq(&p, k, "The Charity Blog"));
    unload(&p);
}

/* A breadcrumb run into the headline on the line above it is not the headline. */
static void test_breadcrumb_glued_to_headline(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Contact us\n\nPhone +41 41 544 78 00\n\n"
              "Home News Business News Ascom announces a strategic distribution partnership "
              "with GE Healthcare in Europe for intensive care units\n\n"
              "Ascom announces a strategic distribution partnership with GE Healthcare in "
              "Europe for intensive care units\n\n"
              "October 12, 2017\n\n"
              "Ascom and GE Healthcare announce a strategic distribution partnership in Europe "
              "for a software suite used in intensive care units.\n\n"
              "The suite collects data from the devices around each patient and sends alarms to "
              "the nurses who need them.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0,
                         "Ascom announces a strategic distribution partnership with GE "
                         "Healthcare in Europe for intensive care units"));
    unload(&p);
}

/* A link to another story set between a story's paragraphs ("Related: …", "Also: See …") is
 * neither body nor the headline of an article of its own. */
static void test_inline_related_link(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "A Man Develops 'Feather-Duvet Lung' After Switching His Bedding\n\n"
              "By Yasemin Saplakoglu - Staff Writer 2019-11-18T23:30:00Z Health\n\n"
              "A soothing pillow and warm duvet might not always lead to better rest, doctors "
              "wrote in a report published on Monday.\n\n"
              "The patient went to his doctor after three months of unexplained malaise, fatigue "
              "and breathlessness.\n\n"
              "Related: 7 Strange Signs You're Having an Allergic Reaction\n\n"
              "His general practitioner ordered a chest X-ray, which was considered to be "
              "normal.\n\n"
              "Also: See the Ten Strangest Medical Cases of the Year\n\n"

              "The patient was given steroids, and switched his bedding to synthetic materials, "
              "after which he recovered.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "His general practitioner"));
    assert_true(body_has(&p, 0, "The patient was given steroids"));
    assert_false(body_has(&p, 0, "Related:"));
    assert_false(body_has(&p, 0, "Also:"));
    unload(&p);
    /* "More on …" over a list of links, under the picture's caption */
    load_text(&p,
              "The Disappearance of John M. Ford\n\n"
              "I wanted to learn why a beloved science fiction writer fell into obscurity after "
              "his death.\n\nBy Isaac Butler\n\nNov 15, 2019\n\n"
              "John M. Ford in 1987.\n\n"
              "More on Slate Book Review\n\n"
              "How to Turn a Punishment Bureaucracy Into a Justice System\n\n"
              "The 50 Best Nonfiction Books of the Past 25 Years\n\n"
              "Three years ago, over breakfast, my friend Helen handed me a novel about a quest "
              "that would change how I read.\n\n"
              "The Dragon Waiting is an unfolding cabinet of wonders, and I wanted to buy a copy, "
              "but it was out of print.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "The Disappearance of John M. Ford"));
    assert_true(body_has(&p, 0, "Three years ago"));
    unload(&p);
}

/* A button between a headline and its byline ("Save") does not part them; a menu item printed
 * twice is not the headline, nor a section's name over the headline. */
static void test_button_between_headline_and_byline(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Luxury\n\nUK Voucher Codes\n\nJobs\n\nUK Voucher Codes\n\nMore...\n\n"
              "Telegraph\n\nSport\n\nTennis\n\n"
              "Tennis Podcast: Davis Cup Finals launch in Madrid and feelings are mixed\n\n"
              "Save\n\nTelegraph Sport\n\n19 November 2019 \xE2\x80\xA2 1:16pm\n\n"
              "The Davis Cup Final began on Monday with the opening day of the new-look format "
              "taking place in Madrid.\n\n"
              "Eighteen nations are competing for the title over a single week, and the crowds "
              "were thin on the first day.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(
        &p, 0, "Tennis Podcast: Davis Cup Finals launch in Madrid and feelings are mixed"));
    unload(&p);
    load_text(&p,
              "Special Reports\n\nHave Your Say\n\nNewsbeat\n\nHave Your Say\n\nNewsbeat\n\n"
              "Newsbeat\n\n"
              "Taylor Swift is allowed to play her music at the awards after all of the row\n\n"
              "19 November 2019\n\n"
              "Taylor Swift has been allowed to perform her old songs at the awards on Sunday, "
              "her former record label has said.\n\n"
              "The label said it had never stood in her way, and the singer thanked her fans.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0,
                         "Taylor Swift is allowed to play her music at the awards after all of "
                         "the row"));
    unload(&p);
    /* a headline with a quote and its comma, over its standfirst */
    load_text(&p,
              "Home\n\nAudio Briefs for Smart Speakers\n\neNewspaper\n\n"
              "Audio Briefs for Smart Speakers\n\nPrint\n\nCompany Town\n\n"
              "\xE2\x80\x98We had some issues,\xE2\x80\x99 exec says on Disney+ glitches\n\n"
              "The Walt Disney Co. said overwhelming consumer demand led to some problems as it "
              "rolled out its new streaming service.\n\n"
              "(Reed Saxon / Associated Press)\n\nBy Meg James\n\nNov. 19, 2019\n\n"
              "The streaming service signed up ten million customers in its first day, the "
              "company said on Wednesday.\n\n"
              "Some customers could not log in for hours, and the company apologised.\n",
              NULL);
    assert_true(title_eq(&p, 0,
                         "\xE2\x80\x98We had some issues,\xE2\x80\x99 exec says on Disney+ "
                         "glitches"));
    unload(&p);
}

/* A share box between a headline and its byline: links labelled for screen readers ("Click
 * to share on Reddit (Opens in new window)"), a button, a caption, and a byline the bar would
 * make navigation ("By Ann Lee | Special to the Courier"). Its links are no headline and no
 * body; a short menu label over buttons and a date is not the headline either. */
static void test_share_box_between_headline_and_byline(void **state)
{
    (void)state;
    static const char *const box =
        "Share this:\n\nClick to share on Facebook (Opens in new window)\n\n"
        "Click to share on Reddit (Opens in new window)\n\n"
        "Click to print (Opens in new window)\n\n"
        "Click to email this to a friend (Opens in new window)\n\nMore\n\n"
        "Click to share on LinkedIn (Opens in new window)\n\n"
        "Submit to Stumbleupon (Opens in new window)\n\n"
        "Harbor workers unload the first ship of the season at the east pier on Monday. "
        "(Jim Roe / Courier)\n\n"
        "By Ann Lee | Special to the Courier\n\n"
        "PUBLISHED: March 3, 2021 at 6:10 pm | UPDATED: March 3, 2021 at 9:02 pm\n\n";
    static const char *const story =
        "DULUTH \xE2\x80\x94 The first ship of the season reached the harbor on Monday, two "
        "weeks earlier than last year, port officials said.\n\n"
        "The ice on the lake broke up early after a mild winter, and crews cleared the channel "
        "in three days.\n\n"
        "Officials expect more than 700 ships to call at the port before the season ends in "
        "January.\n";
    char buf[4096];
    page p;
    /* the headline first on the page */
    snprintf(buf, sizeof buf, "%s%s%s",
             "Home\n\nNews\n\nSports\n\nThings to Do\n\nOpinion\n\nThings to Do\n\n"
             "Early ship opens the season at the port in Duluth harbor\n\n",
             box, story);
    load_text(&p, buf, NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Early ship opens the season at the port in Duluth harbor"));
    assert_true(body_has(&p, 0, "DULUTH"));
    assert_false(body_has(&p, 0, "Opens in new window"));
    assert_false(body_has(&p, 0, "By Ann Lee"));
    unload(&p);
    /* under a teaser of another story that reads as prose */
    snprintf(buf, sizeof buf, "%s%s%s",
             "Home\n\nNews\n\nSports\n\n"
             "The county will hold a public meeting about the new bridge over the river next "
             "week, officials said.\n\n"
             "Early ship opens the season at the port in Duluth harbor\n\n",
             box, story);
    load_text(&p, buf, NULL);
    size_t k = p.segs.n - 1;
    assert_true(title_eq(&p, k, "Early ship opens the season at the port in Duluth harbor"));
    assert_true(body_has(&p, k, "DULUTH"));
    assert_false(body_has(&p, k, "Opens in new window"));
    unload(&p);
    /* a menu's label over one-word buttons and the date line */
    load_text(&p,
              "Contact Us\n\nAbout Us\n\nTerm of Use\n\nPrivacy\n\nHome\n\nNews\n\n"
              "Business\n\nLifestyle\n\nPolitics\n\nSport\n\nMarch 3, 2021 at 9:40 am\n\n"
              "Tweet\n\nSenators take the police to court over summons\n\n"
              "Three senators have gone to court to stop the police from summoning them over a "
              "protest in the capital last month.\n\n"
              "The police had invited two of them to appear before investigators on Monday.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_false(title_eq(&p, 0, "Term of Use"));
    unload(&p);
}

/* The author's name printed twice under the headline (the author's box and the byline) is a
 * byline, not an article's title; a teaser's headline over its date, right above the story's
 * headline, is not the story's headline. */
static void test_name_twice_under_headline(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Markets\n\nCurrencies\n\nCommodities\n\nSearch in title\n\n"
              "Search in title\n\nCity Talk\n\n"
              "Bond funds: is the rally running out of steam?\n\n"
              "Wednesday 20 November 2019 9:22 am\n\n"
              "Port operator to raise up to $2bn in landmark Singapore listing\n\n"
              "Jane Harlow\n\nJane Harlow\n\nShare\n\n"
              "The port operator is set to raise up to $2bn from its listing in Singapore, making "
              "it the largest share sale in the city this year.\n\n"
              "The company will announce the terms of the deal later on Wednesday, people "
              "familiar with the plan said.\n\n"
              "Its shares will start trading next week, the exchange said in a statement.\n",
              NULL);
    size_t k = p.segs.n - 1;
    assert_true(title_eq(&p, k, "Port operator to raise up to $2bn in landmark Singapore listing"));
    assert_true(body_has(&p, k, "The port operator is set"));
    assert_false(body_has(&p, k, "Jane Harlow"));
    for (size_t j = 0; j < p.segs.n; j++)
        assert_false(title_eq(&p, j, "Jane Harlow"));
    unload(&p);
}

/* The job before the name ("News reporter @JaneRoe1") is a byline; an embedded tweet's
 * signature ("— Harbour Town FC (@HarbourFC) May 4, 2021") dates the tweet, so the tweet's text
 * above it starts no article, and the signature stays with the story as the tweet's. */
static void test_job_first_byline_and_tweet_signature(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Skip to content\n\nWatch Live\n\n"
              "Harbour Town appoint Sam Reyes as manager on a three-year deal\n\n"
              "The former Rovers coach had been out of work since leaving the club in March "
              "after a run of poor results.\n\n"
              "News reporter @JaneRoe1\n\nTuesday 4 May 2021 11:42, UK\n\n"
              "Harbour Town have appointed Sam Reyes as their new manager on a deal that runs "
              "until the end of the 2024 season.\n\n"
              "The club said in a statement that Reyes was its first choice for the job.\n\n"
              "Club statement\n\n"
              "\xE2\x80\x94 Harbour Town FC (@HarbourFC) May 4, 2021\n\n"
              "Reyes won two league titles with Rovers and reached the cup final three times in "
              "his five years there.\n\n"
              "His first match in charge will be away to Eastfield on Saturday.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Harbour Town appoint Sam Reyes as manager on a three-year deal"));
    assert_true(body_has(&p, 0, "Reyes won two league titles"));
    assert_true(body_has(&p, 0, "\xE2\x80\x94 Harbour Town FC (@HarbourFC)"));
    assert_false(body_has(&p, 0, "News reporter"));
    unload(&p);
}

/* A headline over a section's label and a two-sentence standfirst, then a long date line
 * ("Mon 18 Nov 2019 18.54 GMT Last modified on …"): the headline is the title, the date the
 * article's. */
static void test_headline_over_label_and_standfirst(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Opinion\n\nThe Guardian view\n\nColumnists\n\nLetters\n\nOpinion\n\n"
              "The Guardian view\n\nHong Kong\n\n"
              "The Guardian view on Hong Kong: a city on the brink\n\n"
              "Editorial\n\n"
              "The authorities\xE2\x80\x99 repression has only fuelled the crisis. It is up to "
              "them to de-escalate, as others should tell them\n\n"
              "Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT\n\n"
              "Share on Facebook\n\nShare on Twitter\n\n"
              "Excessive force and police brutality have accelerated and magnified these "
              "protests, the city\xE2\x80\x99s own watchdog was told this week.\n\n"
              "The government has refused every one of the protesters\xE2\x80\x99 demands but "
              "one, and the violence on both sides has grown worse each weekend since June.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "The Guardian view on Hong Kong: a city on the brink"));
    assert_int_equal(p.segs.v[0].date.y, 2019);
    assert_int_equal(p.segs.v[0].date.m, 11);
    assert_int_equal(p.segs.v[0].date.d, 18);
    assert_true(body_has(&p, 0, "Excessive force"));
    unload(&p);
}

/* The headings of link lists that name what follows after "More" ("More:", "More on:", "More
 * Business News", "More Great WIRED Stories") head lists like "More from UK" does; a
 * sentence that opens on "More" does not. */
static void test_more_heading_over_links(void **state)
{
    (void)state;
    /* the last is a line of the story that opens on "More" */
    static const char *const heading[] = {"More:",
                                          "More On:",
                                          "More Business News",
                                          "More Great WIRED Stories",
                                          "More on Slate Book Review",
                                          "More than 2,400 US troops have died"};
    const size_t n_heading = sizeof heading / sizeof *heading;
    for (size_t h = 0; h < n_heading; h++) {
        char text[2048];
        snprintf(text, sizeof text,
                 "Two United States service members have been killed in a helicopter crash in "
                 "Afghanistan, the US military said in a statement on Wednesday.\n\n"
                 "%s\n\n"
                 "Afghan woman politician sees Taliban talks as only hope\n\n"
                 "Young people, including Taliban youth, must be heard: UN envoy\n\n"
                 "China invites Taliban, Afghan officials for two-day talks\n\n"
                 "It did not reveal the crash location and said it was withholding the names of "
                 "those killed until next of kin could be told.\n",
                 heading[h]);
        page p;
        load_text(&p, text, "Two US service members killed in Afghanistan helicopter crash");
        assert_int_equal(p.segs.n, 1);
        assert_true(body_has(&p, 0, "It did not reveal the crash location"));
        if (h + 1 == n_heading) {
            assert_true(body_has(&p, 0, "More than 2,400 US troops"));
        } else {
            assert_false(body_has(&p, 0, "China invites Taliban"));
            assert_false(body_has(&p, 0, "Afghan woman politician"));
        }
        unload(&p);
    }
    /* headlines cut short are items of the list too */
    page q;
    load_text(&q,
              "Nationally, dealers sold nearly 17.3 million new vehicles last year, an increase "
              "of just 0.3 percent from 2017.\n\n"
              "More Business News\n\n"
              "Houston Housing Authority sued over alleged open meeting...\n\n"
              "Houston leads Texas in new home sales volume\n\n"
              "Report: Bank of America Tower sells for record per-foot price\n\n"
              "Oil falls most in 7 weeks amid supply rise, trade impasse\n",
              "New car sales plunge 10 percent in October");
    assert_true(body_has(&q, 0, "Nationally, dealers sold"));
    assert_false(body_has(&q, 0, "Houston Housing Authority"));
    assert_false(body_has(&q, 0, "Oil falls most"));
    unload(&q);
}

/* A list of links to other stories under its heading ("More from UK", then headlines) set
 * between a story's paragraphs is neither body nor articles of its own; a menu that follows
 * such a heading down to the story's headline leaves the headline alone. */
static void test_link_list_in_a_story(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Harbour Town appoint Sam Reyes as manager on a three-year deal\n\n"
              "By Jane Roe\n\nTuesday 4 May 2021 11:42, UK\n\n"
              "Harbour Town have appointed Sam Reyes as their new manager on a deal that runs "
              "until the end of the 2024 season.\n\n"
              "The club said in a statement that Reyes was its first choice for the job.\n\n"
              "More from UK\n\n"
              "Council abandons plan for new bridge after residents object to the cost\n\n"
              "Rail strike called off as unions accept improved pay offer\n\n"
              "Is the heatwave over? Forecasters say cooler air is on the way\n\n"
              "Lottery ticket holder in Kent wins record jackpot prize\n\n"
              "Reyes won two league titles with Rovers and reached the cup final three times in "
              "his five years there.\n\n"
              "His first match in charge will be away to Eastfield on Saturday.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Reyes won two league titles"));
    assert_false(body_has(&p, 0, "Rail strike called off"));
    assert_false(body_has(&p, 0, "Council abandons plan"));
    unload(&p);
    load_text(&p,
              "Home\n\nTop Stories\n\nPopular\n\nCity\n\nState\n\nSports\n\n"
              "Life in the City\n\nBusiness\n\nWorld\n\nDH Views\n\nOpinion\n\n"
              "Pics of the Day\n\nEconomy & Business\n\n"
              "Beijing tariff demands may expand the trade deal\n\n"
              "Beijing tariff demands may expand the trade deal\n\n"
              "Share via\n\nReuters, Washington,\n\nNov 20 2019, 11:06am ist\n\n"
              "A first-phase trade deal between the two countries was supposed to be a limited "
              "agreement, officials said.\n\n"
              "But it may grow into something bigger if the president agrees to remove more of "
              "the tariffs.\n",
              NULL);
    size_t k = p.segs.n - 1;
    assert_true(title_eq(&p, k, "Beijing tariff demands may expand the trade deal"));
    unload(&p);
    /* each link with its section's label and its date */
    load_text(&p,
              "Harbour Town appoint Sam Reyes as manager on a three-year deal\n\n"
              "By Jane Roe\n\nTuesday 4 May 2021 11:42, UK\n\n"
              "Harbour Town have appointed Sam Reyes as their new manager on a deal that runs "
              "until the end of the 2024 season.\n\n"
              "His first match in charge will be away to Eastfield on Saturday, the club said.\n\n"
              "MORE STORIES LIKE THIS ONE\n\nSPORT\n\n"
              "Eastfield sack their manager after a run of five defeats\n\nNovember 16, 2020\n\n"
              "FEATURES\n\nThe harbour derby: a history of the fixture\n\nDecember 18, 2019\n\n"
              "SPORT\n\nRovers unveil plans for a new stand at the ground\n\nJune 15, 2020\n\n"
              "SPORT\n\nCup draw pits Harbour Town against league leaders\n\nMay 27, 2020\n\n"
              "Terms of Use\n\nPrivacy\n",
              NULL);
    for (size_t j = 0; j < p.segs.n; j++) {
        assert_false(body_has(&p, j, "Eastfield sack their manager"));
        assert_false(title_eq(&p, j, "Rovers unveil plans for a new stand at the ground"));
    }
    assert_true(body_has(&p, 0, "His first match"));
    unload(&p);
    /* each link under its section's label, a label of three words among them */
    load_text(&p,
              "Harbour Town appoint Sam Reyes as manager on a three-year deal\n\n"
              "By Jane Roe\n\nTuesday 4 May 2021 11:42, UK\n\n"
              "Harbour Town have appointed Sam Reyes as their new manager on a deal that runs "
              "until the end of the 2024 season.\n\n"
              "His first match in charge will be away to Eastfield on Saturday, the club said.\n\n"
              "trending stories\n\nVirtualization\n\n"
              "Gartner's Top 10 Technology Trends For 2020 That Will Shape The Future\n\n"
              "Internet of Things\n\n"
              "6 Emerging AI And Machine Learning Trends To Watch In 2020\n\n"
              "Components & Peripherals\n\n"
              "Here Is The Strictly Confidential Offer That The Board Rejected\n\n"
              "Security\n\nThe 10 Top News Stories Of 2019 (So Far)\n\n"
              "Data Center\n\nTop 12 Backup And Recovery Vendors Of The Year\n\n"
              "Video\n\nVideo Player is loading.\n",
              NULL);
    for (size_t j = 0; j < p.segs.n; j++) {
        assert_false(body_has(&p, j, "Gartner's Top 10 Technology Trends"));
        assert_false(body_has(&p, j, "Here Is The Strictly Confidential Offer"));
    }
    unload(&p);
    /* the same list set between the date line and the story */
    load_text(&p,
              "Harbour Town appoint Sam Reyes as manager on a three-year deal\n\n"
              "By Jane Roe\n\nTuesday 4 May 2021 11:42, UK\n\n"
              "MORE STORIES LIKE THIS ONE\n\nSPORT\n\n"
              "Eastfield sack their manager after a run of five defeats\n\nNovember 16, 2020\n\n"
              "FEATURES\n\nThe harbour derby: a history of the fixture\n\nDecember 18, 2019\n\n"
              "SPORT\n\nRovers unveil plans for a new stand at the ground\n\nJune 15, 2020\n\n"
              "SPORT\n\n"
              "Harbour Town have appointed Sam Reyes as their new manager on a deal that runs "
              "until the end of the 2024 season.\n\n"
              "His first match in charge will be away to Eastfield on Saturday, the club said.\n",
              NULL);
    for (size_t j = 0; j < p.segs.n; j++) {
        assert_false(title_eq(&p, j, "The harbour derby: a history of the fixture"));
        assert_false(title_eq(&p, j, "Rovers unveil plans for a new stand at the ground"));
    }
    unload(&p);
}

/* Headlines of other stories in a row with no heading, away from the story's prose, go; a
 * list inside the story (a draw's ties between two paragraphs) and a table's rows stay. */
static void test_headline_run_without_heading(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Harbour Town appoint Sam Reyes as manager on a three-year deal\n\n"
              "By Jane Roe\n\nTuesday 4 May 2021 11:42, UK\n\n"
              "Harbour Town have appointed Sam Reyes as their new manager on a deal that runs "
              "until the end of the 2024 season.\n\n"
              "His first match in charge will be away to Eastfield on Saturday, the club said.\n\n"
              "Share\n\nTweet\n\n"
              "Witness reminds committee members who she works for in tense hearing\n\n"
              "Airline opts for new long-range jets in revised order\n\n"
              "How one couple turned their garage into a guest suite\n\n"
              "Former closer celebrates return to his home state\n\n"
              "Terms of Use\n\nPrivacy\n",
              NULL);
    assert_true(body_has(&p, 0, "His first match"));
    for (size_t k = 0; k < p.segs.n; k++) {
        assert_false(body_has(&p, k, "Airline opts for"));
        assert_false(body_has(&p, k, "How one couple"));
    }
    unload(&p);
    load_text(&p,
              "Cup holders drawn away at Eastfield\n\n"
              "Holders Harbour Town face a difficult away tie against Eastfield in the fourth "
              "round of the cup, the draw made on Sunday shows.\n\n"
              "The full draw for the fourth round:\n\n"
              "West Bromwich Albion or Tottenham v Nottingham Forest\n\n"
              "Charlton Athletic v Leicester City\n\n"
              "Southampton v Brentford or Hartlepool\n\n"
              "Arsenal v West Ham or Sheffield United\n\n"
              "Ties are to be played on the weekend of 19 and 20 February.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Charlton Athletic v Leicester City"));
    assert_true(body_has(&p, 0, "Southampton v Brentford"));
    unload(&p);
}

/* A list of other stories, each a headline over its full date ("May 15, 2017") and no
 * summary, between the story's head and its text, is a feed: none of its headlines is the
 * story's title, and the story's first paragraph, under the feed's last date, is kept. */
static void test_dated_feed_between_headline_and_story(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Lexus wants you to go topless with the new convertible\n\n"
              "Jose AltoverosView More Articles\n\n"
              "The coupe looks good even with the roof chopped off\n\n"
              "Brent Co November 20, 2019 12:32\n\n"
              "MORE STORIES LIKE THIS ONE\n\n"
              "AUTO NEWS\n\nLexus coupe arrives in the Philippines\n\nMay 15, 2017\n\n"
              "CAR REVIEWS\n\nThe 2017 Lexus coupe reviewed\n\nJanuary 22, 2018\n\n"
              "AUTO NEWS\n\nAll-new Lexus coupe makes world premiere\n\nJanuary 12, 2016\n\n"
              "FEATURES\n\nFirst Impressions: the 2013 Lexus sedans\n\nJune 18, 2013\n\n"
              "Earlier this year, Lexus revealed a concept of the convertible, essentially an "
              "open-top version of its coupe.\n\n"
              "Now, at the Los Angeles Auto Show, the Japanese luxury marque has finally pulled "
              "the covers off the production model.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_false(title_is(&p, 0, "First Impressions"));
    assert_true(body_has(&p, 0, "Earlier this year, Lexus revealed"));
    assert_true(body_has(&p, 0, "Now, at the Los Angeles Auto Show"));
    unload(&p);
}

/* A photo's caption over its credit printed twice ("Photo: Name, AP") is no headline over a
 * byline; and a subheading in capitals among shorter ones ("NISSAN SENTRA", "FORD MUSTANG
 * MACH E") is one of the story's, not a new article's headline. */
static void test_caption_credit_and_capitals_subheads(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "New SUVs and electric vehicles highlight the Auto Show\n\n"
              "Tom Krisher, Auto Writer\n\n"
              "Updated 1:39 am EST, Wednesday, November 20, 2019\n\n"
              "The company's design chief, left, and its president unveil a new electric car at "
              "the show in Los Angeles, Tuesday, Nov. 19, 2019\n\n"
              "Photo: Damian Dovarganes, AP\n\nPhoto: Damian Dovarganes, AP\n\n"
              "New electric vehicles, several new small SUVs and a redesigned compact car are "
              "among the highlights of this year's show.\n\n"
              "The show opens to the public on Friday. Here are some of the highlights:\n\n"
              "NISSAN SENTRA\n\n"
              "Nissan is hoping a sleek redesign of the compact sedan will pull in more buyers "
              "in a shrinking market.\n\n"
              "VOLKSWAGEN ID. SPACE VIZZION CONCEPT\n\n"
              "Volkswagen is giving us a glimpse into the car of the future with a low-slung "
              "electric station wagon.\n\n"
              "FORD MUSTANG MACH E\n\n"
              "Ford will display its first all-electric SUV, the start of an avalanche of "
              "battery-powered models.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_is(&p, 0, "New SUVs and electric vehicles"));
    assert_true(body_has(&p, 0, "VOLKSWAGEN ID. SPACE VIZZION CONCEPT"));
    assert_true(body_has(&p, 0, "Volkswagen is giving us"));
    unload(&p);
}

/* A link to another story set into a dated story, its headline printed twice and its
 * summary under it, neither cuts the story nor stays in it; a list of such links after the
 * story is no article either. */
static void test_repeated_link_inside_a_dated_story(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Business\n\n"
              "Column: The newspaper merger sends a dismal signal about local news\n\n"
              "By Jo Roe\n\nNov. 19, 2019\n\n"
              "The merger of the two big newspaper chains, which became final on Tuesday, was "
              "greeted by its architects with an expression of optimism.\n\n"
              "That is the view of the chief executive, who says the combined company will have "
              "the scale to invest in local reporting.\n\n"
              "Business\n\n"
              "Column: A vulture firm's bid for the chain shows there is still value in papers\n\n"
              "Column: A vulture firm's bid for the chain shows there is still value in papers\n\n"
              "An investment firm that owns several regional papers is known for cutting "
              "newsrooms to the bone.\n\n"
              "But public companies cannot escape the pressures of the industry either, and "
              "several have reported falling revenue for years.\n\n"
              "One chain of thirty papers reported a loss in its latest quarter and said it was "
              "looking for a merger partner.\n\n"
              "The most important question is whether the merged company will invest in "
              "journalism at all, the analysts said.\n\n"
              "More From the Times\n\n"
              "Business\n\nAirline to get 30 new jets for $8.8 billion\n\n"
              "Business\n\nAirline to get 30 new jets for $8.8 billion\n\n"
              "The region's biggest carrier announced on Wednesday a firm order for 30 jets in a "
              "deal valued at $8.8 billion.\n\n"
              "Technology\n\nSearch giant's charity arm tries to make amends\n\n"
              "Technology\n\nSearch giant's charity arm tries to make amends\n\n"
              "The head of the company's charity says it is having a lot of conversations about "
              "its appetite for data.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_is(&p, 0, "Column: The newspaper merger"));
    assert_true(body_has(&p, 0, "But public companies cannot escape"));
    assert_true(body_has(&p, 0, "The most important question"));
    assert_false(body_has(&p, 0, "Column: A vulture firm"));
    assert_false(body_has(&p, 0, "An investment firm that owns"));
    assert_false(body_has(&p, 0, "firm order for 30 jets"));
    unload(&p);
}

/* A story's age over its headline ("Published 22 hours ago") is no headline: the headline
 * under it, on its byline, is the title, not a standfirst under the age. */
static void test_age_stamp_over_headline(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Dancing With the Stars\n\nPublished 22 hours ago\n\n"
              "James Van Der Beek eliminated from the show after announcing wife suffered "
              "miscarriage\n\n"
              "By Andy Sahadeo | Fox News\n\nFacebook\n\n"
              "The former star, 42, was voted off the popular dance competition on Monday in a "
              "tight race against a singer.\n\n"
              "Van Der Beek was eliminated in what the host described as the hardest verdict "
              "so far this season.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_is(&p, 0, "James Van Der Beek eliminated"));
    unload(&p);
}

/* A line in capitals between two paragraphs that go on about the same person is a link set
 * into the story: no article of its own, and no text of the story; between items about
 * different people it still starts the next item. */
static void test_link_in_capitals_inside_a_story(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Actor voted off dance show after family loss\n\n"
              "The former television star, 42, was voted off the popular dance competition on "
              "Monday in a tight race against a singer.\n\n"
              "Van Der Beek was eliminated in what the host described as the hardest verdict "
              "of the season so far.\n\n"
              "PRESS SECRETARY ELIMINATED FROM THE DANCE SHOW LAST MONTH\n\n"
              "The news came a month after Van Der Beek announced on the show that his wife "
              "was expecting their sixth child.\n\n"
              "He shared a clip of the first scan with the audience, and the judges thanked "
              "him for his openness.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "The news came a month after"));
    assert_false(body_has(&p, 0, "PRESS SECRETARY"));
    unload(&p);
    load_text(&p,
              "Council approves new budget for harbour repairs\n\n"
              "The council on Tuesday approved a budget of two million pounds for repairs to "
              "the old harbour wall, the mayor said.\n\n"
              "Work on the wall is to start in the spring and last until the end of the "
              "summer, officials said.\n\n"
              "POLICE NAME DRIVER KILLED IN MOTORWAY CRASH\n\n"
              "Police on Wednesday named the driver who died in a crash on the motorway near "
              "Eastfield as Peter Grant, 54.\n\n"
              "Officers appealed for witnesses to come forward with any dashboard camera "
              "footage of the crash.\n",
              NULL);
    assert_int_equal(p.segs.n, 2);
    assert_true(body_has(&p, 1, "Police on Wednesday named"));
    unload(&p);
}

/* A block of teaser headlines between menu words is no article beside a dated story, though
 * two of its headlines are questions of ten words or more. */
static void test_teaser_questions_are_no_prose(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "News\n\nEducation\n\nWorld\n\nBusiness Weekly\n\n"
              "Airline opts for thirty new long-range jets in revised order\n\n"
              "How one couple turned their garage into a guest suite\n\n"
              "Is some of the state's $9.3 billion in unclaimed assets yours?\n\n"
              "Local brewery likely to be acquired by a Japanese drinks group\n\n"
              "Electric cars need to make noise for safety, but what kind?\n\n"
              "Sports\n\nGolf\n\nCollege\n\n"
              "Man stabbed to death on commuter train\n\n"
              "Updated 10:01 pm PST, Tuesday, November 19, 2019\n\n"
              "HAYWARD (AP) \u2014 A man has been stabbed to death on a commuter train during a "
              "fight, the transit police chief said on Tuesday.\n\n"
              "Officers boarded the train at the next stop and found a man bleeding, and a "
              "suspect was arrested a block away.\n\n"
              "Officials did not immediately provide any other details about the two men.\n",
              NULL);
    int story = 0;
    for (size_t k = 0; k < p.segs.n; k++) {
        story |= body_has(&p, k, "Officers boarded the train");
        assert_false(body_has(&p, k, "unclaimed assets"));
        assert_false(body_has(&p, k, "Electric cars need"));
        assert_false(body_has(&p, k, "Airline opts for"));
    }
    assert_true(story);
    unload(&p);
}

/* A headline under its age ("Published 1 day ago", no table row however it has a figure),
 * over a standfirst of one sentence, a share box and the byline, starts its article. */
static void test_standfirst_over_share_box(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Quotes delayed at least 15 minutes. Real-time quotes provided by the exchange, "
              "market data provided by a vendor of the site.\n\n"
              "Published 1 day ago\n\n"
              "Harbour retailer sales miss, shares plunge\n\n"
              "The home-improvement retailer earned $2.8 billion in the third quarter.\n\n"
              "Facebook\n\nTwitter\n\nComments\n\nPrint\n\nEmail\n\n"
              "By Jane Roe\n\n"
              "Harbour Supply reported third-quarter earnings that topped estimates as revenue "
              "came in below forecasts, sending its shares down 5 percent.\n\n"
              "The retailer cut its forecast for the year, citing weaker demand for building "
              "materials in the south.\n",
              NULL);
    size_t k = p.segs.n - 1;
    assert_true(title_eq(&p, k, "Harbour retailer sales miss, shares plunge"));
    assert_true(body_has(&p, k, "Harbour Supply reported"));
    unload(&p);
}

/* A standfirst in headline shape under the headline and a count of comments, on the byline:
 * the headline, printed again in the share box's label, is the title. */
static void test_headline_over_comment_count_and_standfirst(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "The Verge homepage\n\nLog in or sign up\n\nGame of Thrones\n\n"
              "Harbour film eyes new director, Legion creator Sam Reyes to direct\n\n"
              "New, 15 comments\n\n"
              "The fourth in the 2009 reboot series of harbour films\n\n"
              "By Jane Roe@janeroe Nov 19, 2019, 7:53pm EST\n\n"
              "Share this story\n\n"
              "Share All sharing options for: Harbour film eyes new director, Legion creator Sam "
              "Reyes to direct\n\n"
              "After a three-year silence, there has been news on the fourth film in the series, "
              "which the studio confirmed on Tuesday.\n\n"
              "No release date for the film has yet been announced, the studio said.\n",
              NULL);
    size_t k = p.segs.n - 1;
    assert_true(
        title_eq(&p, k, "Harbour film eyes new director, Legion creator Sam Reyes to direct"));
    unload(&p);
}

/* A press release's long headline in title case (more than twenty words) over its date. */
static void test_long_title_case_headline_over_date(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Ad Networks\n\nMenu\n\n"
              "Our Research Shows That A Mix of Native Ad Units Generates the Highest Engagement "
              "Metrics For Publishers And For The Brands That Buy Space On Their Sites\n\n"
              "February 15, 2018\n\n"
              "Though recommendation widgets are the most popular type of native ad units, they "
              "generate the lowest engagement, the study found.\n\n"
              "The range of native ad units now available has powered native ad spending to new "
              "highs, the company said on Thursday.\n\n"
              "Ad Networks\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_is(&p, 0, "Our Research Shows That A Mix of Native Ad Units"));
    unload(&p);
}

/* Three shapes of the line under a headline: "by Laura Winter" in lower case, a time stamp set
 * with slashes ("Updated on: November 19, 2019 / 10:07 AM / CBS News"), and the headline
 * printed twice in a row (the story's heading and its share box's). */
static void test_byline_shapes_and_repeated_headline(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "People & Power\n\nWhose Truth Is It Anyway?\n\nFault Lines\n\n"
              "Whose Truth Is It Anyway?\n\nSpace\n\n"
              "NASA's commercial moon shot: Musk's and Bezos's firms to bid\n\n"
              "NASA's sights are set on landing on our Moon and Mars, and private companies want a "
              "share of the work.\n\n"
              "by Laura Winter\n\n19 Nov 2019 05:44 GMT\n\n"
              "Getting to the Moon, while not easy, has been done. Staying there is the hard part, "
              "engineers say.\n\n"
              "NASA has picked five companies to bid on the landers that will carry its cargo to "
              "the Moon.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "NASA's commercial moon shot: Musk's and Bezos's firms to bid"));
    assert_false(body_has(&p, 0, "by Laura Winter"));
    unload(&p);
    load_text(&p,
              "Search:\n\nLive\n\nWatch CBSN Live\n\n"
              "Video shows dramatic rescue of 8-year-old kidnapping victim: \"We got her!\"\n\n"
              "Updated on: November 19, 2019 / 10:07 AM / CBS News\n\n"
              "Police released dramatic video showing the rescue of an 8-year-old girl who was "
              "snatched off a street.\n\n"
              "The suspect confessed to the kidnapping in a three-hour interview, the police "
              "said.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_is(&p, 0, "Video shows dramatic rescue"));
    assert_int_equal(p.segs.v[0].date.d, 19);
    unload(&p);
    load_text(&p,
              "Home\n\nPolitics\n\nLife in the City\n\nKarnataka\n\nLife in the City\n\n"
              "Business\n\nEconomy & Business\n\n"
              "Beijing tariff demands may expand US-China trade deal\n\n"
              "Beijing tariff demands may expand US-China trade deal\n\n"
              "X Share via\n\nShare permalink\n\n"
              "China is insisting on a more extensive rollback of tariffs as part of a phase one "
              "trade deal, people familiar with the talks said.\n\n"
              "The two sides have been negotiating for weeks, and officials said the gaps were "
              "narrowing.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Beijing tariff demands may expand US-China trade deal"));
    unload(&p);
    /* an update stamp with no year, its parts glued with a semicolon */
    load_text(&p,
              "You are signed in as\n\nEdit ProfileSign Out\n\nOut of Line: Gerrymandering in "
              "Ohio\n\nRecovering Hope\n\nOut of Line: Gerrymandering in Ohio\n\nEntertainment\n\n"
              "Doobie Brothers to reunite with Michael McDonald for Blossom show\n\n"
              "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM\n\n"
              "The Doobie Brothers perform at the Beacon.\n\n"
              "By Troy L. Smith, Cleveland.com\n\n"
              "CLEVELAND, Ohio - The Doobie Brothers will look to ride a potential Rock and Roll "
              "Hall of Fame induction into a reunion tour next year.\n\n"
              "Rolling Stone reported details of the reunion tour that stops at Blossom Music "
              "Center on July 22.\n",
              NULL);
    assert_true(
        title_eq(&p, 0, "Doobie Brothers to reunite with Michael McDonald for Blossom show"));
    assert_false(body_has(&p, 0, "Updated Nov 19"));
    unload(&p);
    /* a wire's header: the date line (set with slashes) above the headline, the author and the
     * reading time under it */
    load_text(&p,
              "FinancialGovernment SolutionsLegalReuters News AgencyRisk Management SolutionsTax "
              "& Accounting\n\nUnited States\n\nBusiness News\n\n"
              "November 19, 2019 / 12:21 AM / Updated 14 hours ago\n\n"
              "Oversupply angst drags oil lower, stocks drift near highs\n\n"
              "Rodrigo Campos\n\n5 Min Read\n\n"
              "NEW YORK (Reuters) - Oil prices fell sharply on Tuesday on oversupply concerns, "
              "while a gauge of global equity markets held near record highs.\n\n"
              "The U.S. benchmark S&P 500 index was little changed, and the Dow Jones Industrial "
              "Average slipped.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Oversupply angst drags oil lower, stocks drift near highs"));
    assert_int_equal(p.segs.v[0].date.d, 19);
    assert_false(body_has(&p, 0, "5 Min Read"));
    unload(&p);
    /* a headline that ends like a sentence, under the navigation and over its date line; not a
     * paragraph of a story over a date (an embedded post's) */
    load_text(&p,
              "You are signed in as\n\nEdit ProfileSign Out\n\nEntertainment\n\n"
              "South Dakota doubles down on its meth slogan. They just might be right.\n\n"
              "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM\n\n"
              "Kristi Noem, governor of South Dakota, defended the campaign on Monday as a way to "
              "get people talking about the drug.\n\n"
              "The state paid an agency nearly half a million dollars for the campaign, records "
              "show.\n",
              NULL);
    assert_true(title_eq(&p, 0,
                         "South Dakota doubles down on its meth slogan. They just might be "
                         "right."));
    unload(&p);
    load_text(&p,
              "Marco Rubio held a rally at a local high school football stadium on Wednesday, and "
              "few came.\n\n"
              "CNN also noted the sparse attendance:\n\n"
              "Even a right-leaning journalist took a moment to point out the lack of a crowd.\n\n"
              "Posted by @ByronYork on March 9, 2016\n\n"
              "Still, one has to feel bad for the staffers who keep up their enthusiasm, the "
              "reporter wrote.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Even a right-leaning journalist"));
    unload(&p);
    /* a headline with commas right on its byline (two names and the paper) outranks a consent
     * banner's first line */
    load_text(&p,
              "Welcome to USA TODAY NETWORK'S EUROPEAN UNION EXPERIENCE\n\nLearn More\n\n"
              "South Dakota says, 'Meth. We're On It,' and Twitter asks, Are you guys OK?\n\n"
              "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader\n\n"
              "Published 10:02 AM EST Nov 19, 2019\n\n"
              "SIOUX FALLS, S.D. - People across the nation are talking about it: South Dakota is "
              "on meth.\n\n"
              "The buzz on both national news and social media focused on a new anti-drug ad "
              "campaign led by the governor.\n",
              NULL);
    assert_true(title_eq(&p, 0,
                         "South Dakota says, 'Meth. We're On It,' and Twitter asks, Are you guys "
                         "OK?"));
    assert_false(body_has(&p, 0, "Lisa Kaczke"));
    unload(&p);
    /* a newsroom's byline ("Detroit News wire services") */
    load_text(&p,
              "Welcome to The Detroit News's EUROPEAN UNION EXPERIENCE\n\nLearn More\n\n"
              "Tuesday's college football: Eastern Michigan routs Northern Illinois to become "
              "bowl eligible\n\n"
              "Detroit News wire services\n\nPublished 11:11 PM EST Nov 19, 2019\n\n"
              "Dekalb, Ill. - Mike Glass threw for three touchdowns and ran for another as Eastern "
              "Michigan beat Northern Illinois on Tuesday night.\n\n"
              "The Eagles became bowl eligible for the third time in four seasons with the win.\n",
              NULL);
    assert_true(title_is(&p, 0, "Tuesday's college football"));
    unload(&p);
}

/* After the story, related stories each a headline over a one-sentence summary go; a story's
 * own subheadings over short paragraphs stay. */
static void test_related_headline_summary_pairs(void **state)
{
    (void)state;
    page p;
    const char *story = "Amnesty: more than 100 protesters killed in Iran unrest\n\n"
                        "November 20, 2019\n\n"
                        "At least 106 protesters in 21 cities have been killed, according to "
                        "credible reports received by Amnesty.\n\n"
                        "Video footage shows security forces using firearms and tear gas to "
                        "disperse protests.\n\n"
                        "Snipers have also shot into crowds from rooftops, witnesses said.\n\n";
    const char *related =
        "Urartu relics unearthed in Iran\n\n"
        "Archaeological relics of the Kingdom of Urartu have recently been found in a mount.\n\n"
        "French actor Charles Gerard dies aged 96\n\n"
        "The French actor of Armenian descent died on September 19, Figaro reports.\n\n"
        "Pentagon announces deal for equipment supplies\n\n"
        "Work will be performed in Virginia and is expected to be completed in September.\n";
    char text[4096];
    snprintf(text, sizeof text, "%s%s", story, related);
    load_text(&p, text, NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Snipers have also shot"));
    assert_false(body_has(&p, 0, "Archaeological relics"));
    assert_false(body_has(&p, 0, "Work will be performed"));
    unload(&p);
    load_text(&p,
              "The general who changed the army\n\nNovember 20, 2019\n\n"
              "He led the army for twenty years and changed how it fought.\n\n"
              "He was loved by his soldiers and feared by his rivals.\n\n"
              "He retired in 2010 to a farm in the north.\n\n"
              "Early life\n\nHe was born in 1950 in a small village near the border.\n\n"
              "Army career\n\nHe joined the army in 1970 as a private soldier.\n\n"
              "Later years\n\nHe died in 2019 at his farm, his family said.\n",
              NULL);
    assert_true(body_has(&p, 0, "He was born in 1950"));
    assert_true(body_has(&p, 0, "He died in 2019"));
    unload(&p);
}

static void test_date_line_with_bars(void **state)
{
    (void)state;
    page p;
    /* a date line set with bars reads as navigation, but still dates the article */
    load_text(&p,
              "Iran rejects talks with the United States\n"
              "26 November 2022 | 10:30 GMT\n\n"
              "Iran rejected talks with the United States on Saturday, officials said in a "
              "statement released in Tehran.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_int_equal(p.segs.v[0].date.y, 2022);
    assert_int_equal(p.segs.v[0].date.m, 11);
    assert_int_equal(p.segs.v[0].date.d, 26);
    assert_false(body_has(&p, 0, "26 November"));
    unload(&p);
    /* navigation without a date dates nothing */
    load_text(&p,
              "Iran rejects talks with the United States\n"
              "World | Middle East\n\n"
              "Iran rejected talks with the United States on Saturday, officials said in a "
              "statement released in Tehran.\n",
              NULL);
    assert_int_equal(p.segs.v[0].date.y, 0);
    unload(&p);
}

static void test_headline_byline_and_page_title(void **state)
{
    (void)state;
    page p;
    /* the page's <title> "Headline | Site" above the headline, and a byline without "By" */
    load_text(&p,
              "Council approves new bridge after long debate | The Courier\n"
              "The Courier\n"
              "Council approves new bridge after long debate\n"
              "Jane Roe, Local Democracy Reporter\n"
              "Tuesday 5 March 2005 10:32 GMT\n"
              "The city council approved the new bridge on Tuesday after a debate of six hours.\n"
              "ADVERTISEMENT\n"
              "\"This is a great day for the town,\" said council leader Tom Hardy.\n"
              "Opponents said the cost, 45m pounds, was too high for a town of this size.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_eq(&p, 0, "Council approves new bridge after long debate"));
    assert_int_equal(p.segs.v[0].date.d, 5);
    assert_false(body_has(&p, 0, "Jane Roe"));
    assert_false(body_has(&p, 0, "ADVERTISEMENT"));
    assert_true(body_has(&p, 0, "Opponents said the cost"));
    unload(&p);
    /* a section label first: the headline standing on the byline wins */
    load_text(&p,
              "Local news\n"
              "Storm closes the harbour for a third day\n"
              "John Smith - Political Correspondent\n"
              "The storm closed the harbour again on Wednesday and the boats stayed in port.\n",
              NULL);
    assert_true(title_eq(&p, 0, "Storm closes the harbour for a third day"));
    assert_false(body_has(&p, 0, "John Smith"));
    unload(&p);
    /* "Headline - Site" first: the headline printed below it wins over the standfirst that
     * stands on the byline */
    load_text(&p,
              "Council approves new bridge after long debate - The Courier\n"
              "Council approves new bridge after long debate\n"
              "Officials say the bridge will cost more than expected\n"
              "By Jane Roe\n\n"
              "The city council approved the new bridge on Tuesday after a debate of six hours.\n",
              NULL);
    assert_true(title_eq(&p, 0, "Council approves new bridge after long debate"));
    unload(&p);
    /* a headline with a comma in a number and a job word is no byline */
    load_text(&p,
              "Dutch bank to lay off 2,850 staff\n\n"
              "ABN Amro, the largest bank in the Netherlands, is to cut 2,850 jobs this year.\n",
              NULL);
    assert_true(title_eq(&p, 0, "Dutch bank to lay off 2,850 staff"));
    unload(&p);
}

static void test_subheading_and_byline(void **state)
{
    (void)state;
    page p;
    load(&p, SEED "/002_0baeef3d5710d46d.txt", NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_is(&p, 0, "Talks Cannot Resolve Issues With US"));
    assert_true(body_has(&p, 0, "Extensive Battlefield")); /* subheading kept */
    assert_true(body_has(&p, 0, "Ayatollah Khamenei concluded his speech"));
    assert_false(body_has(&p, 0, "Add new comment"));
    assert_false(body_has(&p, 0, "Read our comment policy"));
    unload(&p);

    load(&p, SEED "/001_57416462ae6622d3.txt", NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(title_is(&p, 0, "Iran\xE2\x80\x99s Supreme Leader rejects talks with US"));
    assert_int_equal(p.segs.v[0].date.y, 2022);
    assert_int_equal(p.segs.v[0].date.m, 11);
    assert_int_equal(p.segs.v[0].date.d, 27);
    assert_false(body_has(&p, 0, "By News Desk"));
    assert_false(body_has(&p, 0, "FILE PHOTO"));
    assert_false(body_has(&p, 0, "Most Popular"));
    unload(&p);
}

static void test_table_header_is_not_an_article(void **state)
{
    (void)state;
    /* Reuters-21578 NEWID 5 (excerpt): a repeated column header inside a table. */
    const char *text = "The U.S. Agriculture Department reported the farmer-owned reserve national "
                       "five-day average price through February 25 as follows -\n"
                       "         Natl   Loan           Release   Call\n"
                       " Wheat   2.55   2.40       IV     4.65     --\n"
                       " Corn    1.35   1.92       IV     3.15   3.15\n"
                       "\n"
                       "         Natl   Loan           Release   Call\n"
                       " Oats     1.24   0.99        V    1.65    --\n"
                       " Reserves I, II and III have matured. Level IV reflects grain entered "
                       "after Oct 6, 1981 for feedgrain.\n";
    page p;
    load_text(&p, text, "NATIONAL AVERAGE PRICES FOR FARMER-OWNED RESERVE");
    assert_int_equal(p.segs.n, 1);
    unload(&p);
}

static void test_tables_in_a_story_are_kept(void **state)
{
    (void)state;
    /* Reuters-21578 NEWID 15910 (excerpt): a crop table after the lead, with repeated rows. */
    const char *text =
        "The U.S. Agriculture Department detailed world supply/demand data for major "
        "importers and exporters of corn, by country, as follows in mln tonnes --\n"
        "    USSR CORN\n"
        " Start Stocks  N.A.    N.A.     N.A.    N.A.\n"
        " Production   12.50   12.50    14.40   14.40\n"
        " Imports       8.00    6.00    10.40   10.40\n"
        " End Stocks  N.A.    N.A.     N.A.    N.A.\n"
        "    EGYPT CORN\n"
        " Start Stocks  N.A.    N.A.     N.A.    N.A.\n"
        " Production    3.60    3.60     3.70    3.70\n"
        " Imports       1.50    1.50     1.90    1.90\n"
        " End Stocks  N.A.    N.A.     N.A.    N.A.\n";
    page p;
    load_text(&p, text, "CORN SUPPLY/DEMAND BY COUNTRY -- USDA");
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Production 12.50"));
    assert_true(body_has(&p, 0, "Production 3.60"));
    size_t ends = 0;
    for (size_t i = 0; i < p.c.n_lines; i++)
        ends += p.c.lines[i].kind == HD_LINE_GOOD &&
                strncmp(hd_line_text(&p.c, &p.c.lines[i]), "End Stocks", 10) == 0;
    assert_int_equal(ends, 2); /* a repeated row is still a row */
    unload(&p);

    /* Widgets with a figure or two under a story are not a table. */
    load_text(&p,
              "Residents will pay a third less for tickets from June, the operator said.\n"
              "12 comments\nShare 1.2K\nMost read\n",
              NULL);
    assert_false(body_has(&p, 0, "12 comments"));
    assert_false(body_has(&p, 0, "Share 1.2K"));
    unload(&p);
}

static void test_given_title_lines_dropped_and_headline_only_kept(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Ferry fares cut for islanders\n\nFerry fares cut for islanders\n\nResidents will "
              "pay a third less for tickets from June, the operator said on Tuesday.\n",
              "Ferry fares cut for islanders");
    assert_int_equal(p.segs.n, 1);
    assert_false(body_has(&p, 0, "Ferry fares cut"));
    assert_true(body_has(&p, 0, "Residents will pay"));
    unload(&p);

    load_text(&p, "BRAZIL BANK STRIKE CONTINUES, STOCK MARKET CLOSED\n", NULL);
    assert_int_equal(p.segs.n, 1);
    assert_int_equal(p.segs.v[0].n_body, 1); /* the headline is all the story there is */
    unload(&p);

    load_text(&p, "\n\n   \n", NULL);
    assert_int_equal(p.segs.n, 0);
    unload(&p);
}

/* A page as a scraper saves it: menu, the story, then a long run of the site's furniture with
 * one sentence of its own among it (a feed widget's error, a copyright notice). */
static void stray_page(char *out, size_t cap, const char *far_block, int furniture_lines)
{
    static const char *const menu[] = {"Home",   "World",   "Politics", "Business", "Sport",
                                       "Health", "Science", "Travel",   "Opinion",  "Video",
                                       "Topics", "Archive", "Contact",  "Careers",  "Weather"};
    size_t n = 0;
    n += (size_t)snprintf(out + n, cap - n, "Home\n\nWorld\n\nCouncil backs new bridge\n\n");
    static const char *const story[] = {
        "The city council voted on Monday to build a second bridge over the river, ending a "
        "debate that has divided the town for more than ten years and cost two mayors their "
        "jobs.",
        "The bridge will cost about 40 million euros and is to open in 2027, the council said "
        "in a statement after the vote, which passed by nine votes to four.",
        "Residents on the east bank have waited for decades for a crossing that would spare "
        "them the long drive through the centre, and many of them came to watch the vote.",
        "Opponents said the money would be better spent on the schools, and two of them said "
        "they would ask the regional court to look at how the contract was awarded."};
    for (size_t k = 0; k < 4; k++)
        n += (size_t)snprintf(out + n, cap - n, "%s\n\n", story[k]);
    for (int k = 0; k < furniture_lines; k++)
        n += (size_t)snprintf(out + n, cap - n, "%s\n\n", menu[k % 15]);
    n += (size_t)snprintf(out + n, cap - n, "%s\n\nPrivacy\n\nTerms\n", far_block);
}

/* A short block of prose far below the story, past a long run of furniture, is the site's:
 * dropped. Nearer the story, or long, or a good part of the story's length, it is kept. */
static void test_stray_block_far_from_the_story(void **state)
{
    (void)state;
    static char text[8192];
    const char *notice = "An error has occurred and the feed is probably down at the moment, so "
                         "please try again later.";
    page p;
    stray_page(text, sizeof text, notice, 14);
    load_text(&p, text, NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "The city council voted"));
    assert_true(body_has(&p, 0, "Opponents said the money"));
    assert_false(body_has(&p, 0, "An error has occurred"));
    unload(&p);

    /* a caption's or a share box's few lines apart: part of the story */
    stray_page(text, sizeof text, notice, 6);
    load_text(&p, text, NULL);
    assert_true(body_has(&p, 0, "An error has occurred"));
    unload(&p);

    /* a fifth or more of the story's words: kept wherever it stands */
    stray_page(text, sizeof text,
               "The mayor said the vote was the most important of her time in office, and "
               "she thanked the engineers who had drawn up the plans over the last three years "
               "without pay.",
               14);
    load_text(&p, text, NULL);
    assert_true(body_has(&p, 0, "The mayor said the vote"));
    assert_true(body_has(&p, 0, "The city council voted"));
    unload(&p);
}

/* A list the story announces with a colon keeps its items, short as they are, at the end of
 * the story too (where no paragraph after them keeps them); one-word links under a colon are a
 * menu, and their heading is no item of the list above. */
static void test_announced_list_is_kept(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Harvest slows in the south\n\nBy Ana Souza\n\n"
              "The soybean harvest was 13 pct complete by March 20, a farm newsletter said on "
              "Friday, against an average of 20 pct for this time of the year.\n\n"
              "It gave the following figures for the main producer states:\n\n"
              "Parana: 40 pct\n\nMato Grosso do Sul: 15 pct\n\nRio Grande do Sul: two pct\n\n"
              "Follow our farm desk on:\n\nFacebook\n\nTwitter\n\nInstagram\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "It gave the following figures"));
    assert_true(body_has(&p, 0, "Parana: 40 pct"));
    assert_true(body_has(&p, 0, "Mato Grosso do Sul: 15 pct"));
    assert_true(body_has(&p, 0, "Rio Grande do Sul: two pct"));
    assert_false(body_has(&p, 0, "Follow our farm desk"));
    assert_false(body_has(&p, 0, "Facebook"));
    assert_false(body_has(&p, 0, "Instagram"));
    unload(&p);
}

/* On a page scraped with its furniture, an author's biography after the story is no part of
 * it, nor a note after the biography; a company described in the story's last line ("X is the
 * largest oil producer in …") stays. */
static void test_author_bio_after_the_story(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Merger signals a dismal future for local news\n\nBy Meg James\n\n"
              "The merger of the two largest newspaper chains became final on Tuesday, creating "
              "a company that will own more than 260 daily papers across the country.\n\n"
              "Executives said the combined company would save as much as $300 million a year "
              "by sharing printing plants and back offices.\n\n"
              "Union leaders said they feared hundreds of newsroom jobs would be cut within a "
              "year of the deal closing.\n\n"
              "Abu Dhabi is the largest oil producer in the United Arab Emirates, accounting for "
              "most of its output.\n\n"
              "Meg James is a corporate media reporter for the Los Angeles Times, covering the "
              "business of television and digital disruption.\n\n"
              "Note: we are temporarily moderating all comments submitted to deal with a surge "
              "in spam.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Union leaders said they feared"));
    assert_true(body_has(&p, 0, "Abu Dhabi is the largest oil producer"));
    assert_false(body_has(&p, 0, "Meg James is a corporate media reporter"));
    unload(&p);

    /* "<job> <name> writes …", with a book's title in quotes later in the line */
    load_text(&p,
              "Vulture firms circle the newspaper business\n\nShare on Facebook\n\n"
              "A private equity firm that owns the Denver Post bid for a rival chain on "
              "Monday, its second offer in a month for a newspaper company.\n\n"
              "Analysts said the bid valued the chain at about twice its market value.\n\n"
              "The chain said its board would study the offer and reply within two weeks.\n\n"
              "Pulitzer Prize-winning journalist Michael Hiltzik writes a daily blog. He is the "
              "author of six books, including \u201cDealers of Lightning.\u201d\n",
              NULL);
    assert_true(body_has(&p, 0, "The chain said its board would study"));
    assert_false(body_has(&p, 0, "Pulitzer Prize-winning journalist"));
    unload(&p);

    /* a clean text with no furniture at all (a feed's record, a BBC file) is the story
     * alone: its tail is not read */
    load_text(&p,
              "Vulture firms circle the newspaper business\n\n"
              "A private equity firm that owns the Denver Post bid for a rival chain on "
              "Monday, its second offer in a month for a newspaper company.\n\n"
              "Analysts said the bid valued the chain at about twice its market value.\n\n"
              "The chain said its board would study the offer and reply within two weeks.\n\n"
              "Pulitzer Prize-winning journalist Michael Hiltzik writes a daily blog.\n",
              NULL);
    assert_true(body_has(&p, 0, "Pulitzer Prize-winning journalist"));
    unload(&p);
}

/* A site's notice to its reader after the story goes; a story's last paragraphs about
 * members' comments (no word only a notice uses) or a paper's subscribers (not addressed to
 * the reader) stay. */
static void test_reader_notice_after_the_story(void **state)
{
    (void)state;
    page p;
    load_text(&p,
              "Council approves new bridge\n\nFollow us on Twitter\n\n"
              "The city council voted on Tuesday to build a new bridge over the river, ending "
              "a debate that had lasted more than ten years.\n\n"
              "Work on the bridge is due to start next spring and to take three years.\n\n"
              "Members of the public made comments at the meeting, and the mayor said your "
              "taxes would not rise to pay for it.\n\n"
              "Get the day's top headlines delivered to your inbox every morning by subscribing "
              "to our newsletter.\n\n"
              "As you comment, please be respectful of other commenters and other viewpoints.\n",
              NULL);
    assert_int_equal(p.segs.n, 1);
    assert_true(body_has(&p, 0, "Members of the public made comments"));
    assert_true(body_has(&p, 0, "Work on the bridge is due"));
    assert_false(body_has(&p, 0, "Get the day's top headlines"));
    assert_false(body_has(&p, 0, "As you comment, please"));
    unload(&p);

    load_text(&p,
              "Newspaper cuts its print days\n\nFollow us on Twitter\n\n"
              "The paper will print three days a week from March, its owner said on Monday, "
              "after advertising fell for the sixth year running.\n\n"
              "Its owner said the move would save about $2 million a year in printing costs.\n\n"
              "Staff were told of the change at a meeting in the newsroom on Monday morning.\n\n"
              "The number of print subscribers fell by a third last year as readers moved to "
              "the paper's website and its email newsletter.\n",
              NULL);
    assert_true(body_has(&p, 0, "The number of print subscribers fell"));
    unload(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_date_fragments),
        cmocka_unit_test(test_headline_over_split_date_and_share_widget),
        cmocka_unit_test(test_related_teasers_after_the_story),
        cmocka_unit_test(test_company_description_ends_a_release),
        cmocka_unit_test(test_two_articles_glued),
        cmocka_unit_test(test_piece_without_prose_is_no_article),
        cmocka_unit_test(test_comment_section_is_not_the_story),
        cmocka_unit_test(test_blog_comment_thread_is_not_articles),
        cmocka_unit_test(test_ranked_link_list_is_not_the_story),
        cmocka_unit_test(test_teasers_cut_short_are_not_the_story),
        cmocka_unit_test(test_stamped_feed_is_not_the_story),
        cmocka_unit_test(test_headline_below_navigation_with_prose),
        cmocka_unit_test(test_story_glued_into_one_paragraph),
        cmocka_unit_test(test_related_list_of_blurbs),
        cmocka_unit_test(test_related_headline_summary_pairs),
        cmocka_unit_test(test_name_over_date_is_a_byline),
        cmocka_unit_test(test_date_after_a_kept_widget_line),
        cmocka_unit_test(test_headline_on_byline_over_first_line),
        cmocka_unit_test(test_time_stamp_under_headline),
        cmocka_unit_test(test_byline_label_and_dated_byline),
        cmocka_unit_test(test_foreign_skip_links_and_byline),
        cmocka_unit_test(test_comment_count_under_headline),
        cmocka_unit_test(test_caption_and_agency_under_headline),
        cmocka_unit_test(test_standfirst_between_headline_and_byline),
        cmocka_unit_test(test_breadcrumb_glued_to_headline),
        cmocka_unit_test(test_inline_related_link),
        cmocka_unit_test(test_button_between_headline_and_byline),
        cmocka_unit_test(test_share_box_between_headline_and_byline),
        cmocka_unit_test(test_name_twice_under_headline),
        cmocka_unit_test(test_job_first_byline_and_tweet_signature),
        cmocka_unit_test(test_link_list_in_a_story),
        cmocka_unit_test(test_more_heading_over_links),
        cmocka_unit_test(test_headline_over_label_and_standfirst),
        cmocka_unit_test(test_headline_run_without_heading),
        cmocka_unit_test(test_teaser_questions_are_no_prose),
        cmocka_unit_test(test_link_in_capitals_inside_a_story),
        cmocka_unit_test(test_age_stamp_over_headline),
        cmocka_unit_test(test_repeated_link_inside_a_dated_story),
        cmocka_unit_test(test_caption_credit_and_capitals_subheads),
        cmocka_unit_test(test_dated_feed_between_headline_and_story),
        cmocka_unit_test(test_standfirst_over_share_box),
        cmocka_unit_test(test_headline_over_comment_count_and_standfirst),
        cmocka_unit_test(test_long_title_case_headline_over_date),
        cmocka_unit_test(test_byline_shapes_and_repeated_headline),
        cmocka_unit_test(test_date_line_with_bars),
        cmocka_unit_test(test_headline_byline_and_page_title),
        cmocka_unit_test(test_subheading_and_byline),
        cmocka_unit_test(test_table_header_is_not_an_article),
        cmocka_unit_test(test_tables_in_a_story_are_kept),
        cmocka_unit_test(test_given_title_lines_dropped_and_headline_only_kept),
        cmocka_unit_test(test_stray_block_far_from_the_story),
        cmocka_unit_test(test_announced_list_is_kept),
        cmocka_unit_test(test_author_bio_after_the_story),
        cmocka_unit_test(test_reader_notice_after_the_story),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
