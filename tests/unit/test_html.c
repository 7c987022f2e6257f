/* SPDX-License-Identifier: MIT
 *
 * test_html.c — HTML pages and gzip inputs: detection, the story chosen over page furniture,
 * metadata, hostile shapes (deep nesting, damaged and oversized gzip), and a real page of the
 * article-extraction benchmark read through the page reader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <zlib.h>

#include "herald.h"
#include "base/buf.h"
#include "base/mem.h"
#include "ingest/ingest.h"
#include "warns.h"

#define BENCH HD_SHARED_DATA "/article-extraction-benchmark"

typedef struct page_out {
    hd_buf text, store;
    hd_page pg;
} page_out;

static void html(page_out *o, const char *doc)
{
    hd_err err = {0};
    int deep;
    memset(o, 0, sizeof *o);
    assert_int_equal(
        hd_html_page(doc, strlen(doc), "t.html", &o->text, &o->store, &o->pg, &deep, &err), HD_OK);
    assert_int_equal(deep, 0);
    assert_int_equal(o->pg.structured, 1);
    assert_int_equal(strlen(o->pg.text), o->pg.len);
}

static void done(page_out *o)
{
    hd_buf_done(&o->text);
    hd_buf_done(&o->store);
}

static void test_detect(void **state)
{
    (void)state;
    const char *yes[] = {"<!DOCTYPE html><html><body>x</body></html>",
                         "\xEF\xBB\xBF\n  <html lang=\"en\"><p>Hi</p></html>",
                         "<!-- saved page -->\n<head><title>T</title></head>", "<body><p>x</p>"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_int_equal(hd_ingest_detect(yes[i], strlen(yes[i])), HD_FMT_HTML);
    const char *no[] = {"<b>Bold</b> is how the headline was printed.\n\nBody text.",
                        "Headline\n\nThe <html> tag opens a page, he said.",
                        "{\"text\":\"<html>\"}"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_int_not_equal(hd_ingest_detect(no[i], strlen(no[i])), HD_FMT_HTML);
    assert_int_equal(hd_ingest_detect("\x1f\x8b\x08\x00\x00\x00", 6), HD_FMT_GZIP);
}

/* A news page in miniature: the story among a menu, a sidebar with more prose than any one
 * story paragraph, a caption, a script, a hidden block, a share bar and a related-links list. */
static const char *const page_doc =
    "<!DOCTYPE html><html><head><title>Port strike ends | The Daily Wire</title>"
    "<meta property=\"og:title\" content=\"Port strike ends after nine days\">"
    "<meta property=\"article:published_time\" content=\"2019-11-19T02:46:42.471Z\">"
    "<link rel=\"canonical\" href=\"https://example.org/2019/11/19/port-strike\">"
    "<script>var x = \"<p>not text</p>\";</script></head><body>"
    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></nav>"
    "<div class=\"layout\"><div class=\"sidebar-box\"><p>Our newsletter brings you the day's "
    "news, every morning, with analysis, opinion, puzzles, recipes and much more, all free, "
    "for as long as you like, wherever you are, on any device.</p></div>"
    "<article class=\"story\"><h1>Port strike ends after nine days</h1>"
    "<figure><img src=\"a.jpg\"><figcaption>Dockers at the gate on Monday.</figcaption></figure>"
    "<p>Dock workers voted on Tuesday to end a nine-day strike that had closed the port, "
    "the union said.</p>"
    "<p>The deal raises pay by 4 percent, adds a second shift and keeps the pension plan, "
    "according to a copy seen by reporters.</p>"
    "<div style=\"display: none\">Please enable JavaScript to read this story.</div>"
    "<div class=\"share-tools\">Share this story on Facebook, Twitter, or by email now.</div>"
    "<h2>What comes next</h2>"
    "<p>Ships waiting offshore, some for a week, began to berth on Wednesday, the port "
    "authority said, and the backlog should clear by the weekend.</p>"
    "<ul class=\"links\"><li><a href=\"/a\">Strike talks stall as ships queue offshore</a></li>"
    "<li><a href=\"/b\">Union sets a vote on the port offer</a></li></ul>"
    "</article></div><footer><p>Copyright 2019 The Daily Wire, all rights reserved, "
    "reproduction in whole or in part, in any form, is prohibited.</p></footer></body></html>";

static void test_story_over_furniture(void **state)
{
    (void)state;
    page_out o;
    html(&o, page_doc);
    const char *t = o.pg.text;
    const char *p1 = strstr(t, "Dock workers voted on Tuesday");
    const char *p2 = strstr(t, "The deal raises pay by 4 percent");
    const char *h2 = strstr(t, "What comes next");
    const char *p3 = strstr(t, "Ships waiting offshore");
    assert_non_null(p1);
    assert_non_null(p2);
    assert_non_null(h2);
    assert_non_null(p3);
    assert_true(p1 < p2 && p2 < h2 && h2 < p3); /* in page order, a paragraph each */
    assert_non_null(strstr(t, "the union said.\n\nThe deal"));
    const char *never[] = {"Home",
                           "newsletter",
                           "Dockers at the gate",
                           "not text",
                           "JavaScript",
                           "Share this",
                           "Strike talks stall",
                           "Copyright",
                           "Port strike ends after nine days"};
    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        if (strstr(t, never[i]))
            fail_msg("furniture kept: \"%s\" in:\n%s", never[i], t);
    assert_string_equal(o.pg.title, "Port strike ends after nine days");
    assert_string_equal(o.pg.date, "2019-11-19");
    assert_string_equal(o.pg.url, "https://example.org/2019/11/19/port-strike");
    done(&o);
}

static void test_metadata_fallbacks(void **state)
{
    (void)state;
    page_out o;
    /* no og:title: the first <h1>; the date from JSON-LD */
    html(&o, "<html><head><title>Site | Section</title><script type=\"application/ld+json\">"
             "{\"@type\":\"NewsArticle\", \"datePublished\" : \"2021-03-04T10:00:00+01:00\"}"
             "</script></head><body><h1>Rates held at 5 percent</h1><p>The central bank held "
             "its rate on Thursday, as markets had expected, and said it would wait.</p>"
             "</body></html>");
    assert_string_equal(o.pg.title, "Rates held at 5 percent");
    assert_string_equal(o.pg.date, "2021-03-04");
    assert_null(o.pg.url);
    assert_non_null(strstr(o.pg.text, "The central bank held its rate on Thursday"));
    done(&o);
    /* neither: the document's <title>; a <time datetime> for the date */
    html(&o, "<html><head><title>Rain all week</title></head><body><p>Posted <time "
             "datetime=\"2020-01-02\">January 2</time></p><p>Rain will fall every day this week, "
             "forecasters said, with floods likely in low areas near the river.</p></body></html>");
    assert_string_equal(o.pg.title, "Rain all week");
    assert_string_equal(o.pg.date, "2020-01-02");
    assert_non_null(strstr(o.pg.text, "Rain will fall every day this week"));
    done(&o);
    /* an itemprop naming two properties; a placeholder date passed over */
    html(&o, "<html><head><script type=\"application/ld+json\">{\"datePublished\": "
             "\"0001-01-01T00:00:00Z\"}</script><meta itemprop=\"datePublished dateCreated\" "
             "content=\"2019-11-19T11:00:09.000Z\"></head><body><p>Voters went to the polls "
             "four times this month, in three states, to choose governors.</p></body></html>");
    assert_string_equal(o.pg.date, "2019-11-19");
    done(&o);
    /* no date but the address's */
    html(&o, "<html><head><link rel=\"canonical\" href=\"https://news.example/story/nation/"
             "2019/11/20/teachers-rally/\"><script type=\"application/ld+json\">"
             "{\"datePublished\": \"0001-01-01T00:00:00Z\"}</script></head><body><p>Thousands "
             "of teachers packed the capitol on Tuesday, asking for more school funding.</p>"
             "</body></html>");
    assert_string_equal(o.pg.date, "2019-11-20");
    done(&o);
}

/* Paragraphs one to a "card", and text runs between <br>s straight inside a <div>. */
static void test_cards_and_br_runs(void **state)
{
    (void)state;
    hd_buf doc = {0};
    hd_buf_adds(&doc, "<html><body><div class=\"menu\"><a href=\"/\">Home</a></div>"
                      "<div id=\"article-body\">");
    for (int i = 0; i < 6; i++)
        hd_buf_printf(&doc,
                      "<div class=\"card\"><div class=\"card-content\"><p>Paragraph %d of the "
                      "story, long enough to count, with a comma, and then some more.</p>"
                      "</div></div>",
                      i);
    hd_buf_adds(&doc, "</div></body></html>");
    page_out o;
    html(&o, doc.p);
    for (int i = 0; i < 6; i++) {
        char want[32];
        snprintf(want, sizeof want, "Paragraph %d of", i);
        if (!strstr(o.pg.text, want))
            fail_msg("card %d lost:\n%s", i, o.pg.text);
    }
    done(&o);
    hd_buf_done(&doc);

    html(&o, "<html><body><div class=\"col\"><p class=\"titulo\">Title line</p>"
             "<small>05/10/2018 - Published by: Staff</small><br><br>"
             "The team reported this morning that two of its five cars were broken into, "
             "and the police came.<br><br>Both cars had lost their batteries, the report "
             "said, and were damaged.</div></body></html>");
    assert_non_null(strstr(o.pg.text, "and the police came.\n\nBoth cars had lost"));
    done(&o);
}

/* A story cut into chunks by advertisement rails: each chunk repeats the body's container. */
static void test_chunked_story(void **state)
{
    (void)state;
    const char *para = "<p>Chunk %d, paragraph %d: the city council, after a long debate, voted "
                       "to keep the library open on Sundays.</p>";
    hd_buf doc = {0};
    hd_buf_adds(&doc, "<html><body><div class=\"article__chunks\">");
    for (int c = 0; c < 3; c++) {
        hd_buf_adds(&doc, "<div class=\"grid\"><div class=\"body__container article__body\">");
        for (int k = 0; k < 3 - c; k++)
            hd_buf_printf(&doc, para, c, k);
        hd_buf_adds(&doc, "</div><div class=\"rail\"><a href=\"/ad\">Advertisement</a></div>"
                          "</div>");
    }
    hd_buf_adds(&doc, "</div><div class=\"teasers\"><a href=\"/x\">Another story, with a long "
                      "headline that runs on and on</a></div>"
                      "<div class=\"more\"><div class=\"list\"><div class=\"wrap\"><div "
                      "class=\"body__container article__body\"><p>Another post built from the "
                      "same template, about the weather on the coast, with a comma, and more words "
                      "to make it long.</p></div>"
                      "</div></div></div></body></html>");
    page_out o;
    html(&o, doc.p);
    for (int c = 0; c < 3; c++)
        for (int k = 0; k < 3 - c; k++) {
            char want[40];
            snprintf(want, sizeof want, "Chunk %d, paragraph %d", c, k);
            if (!strstr(o.pg.text, want))
                fail_msg("%s lost:\n%s", want, o.pg.text);
        }
    assert_null(strstr(o.pg.text, "Advertisement"));
    assert_null(strstr(o.pg.text, "Another story"));
    assert_null(strstr(o.pg.text, "Another post built from the same template"));
    done(&o);
    hd_buf_done(&doc);
}

/* An embedded post quoted in the story is the story's, links and all; a share bar is not. */
static void test_embedded_post_is_kept(void **state)
{
    (void)state;
    page_out o;
    html(&o, "<html><body><article><p>The state's new slogan for an anti-drug campaign drew "
             "attention on social media on Monday, and a lot of people pointed out the problem.</p>"
             "<div class=\"social-share\"><a href=\"/s\">Share on Facebook</a> <a href=\"/t\">"
             "Share on Twitter</a></div>"
             "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>Yes this "
             "is real: <a href=\"https://t.co/x\">https://t.co/Nc0nKoXGBP</a></p>&mdash; Dianna "
             "(@dianna) <a href=\"https://twitter.com/d/status/1\">November 18, 2019</a>"
             "</blockquote></div><p>The governor defended the campaign on Tuesday, saying it was "
             "working, because people were talking about it.</p></article></body></html>");
    assert_non_null(strstr(o.pg.text, "Yes this is real: https://t.co/Nc0nKoXGBP"));
    assert_non_null(strstr(o.pg.text, "The governor defended the campaign"));
    assert_null(strstr(o.pg.text, "Share on Facebook"));
    done(&o);
}

/* A story wrapper whose class names furniture ("has-sidebar") would leave nothing: the page is
 * read again without the class test. */
static void test_retry_without_class_test(void **state)
{
    (void)state;
    page_out o;
    html(&o, "<html><body><div class=\"page has-sidebar\"><p>The council approved the budget "
             "on Monday after a long debate, with seven votes to two.</p><p>Taxes will rise by "
             "two percent next year, the mayor said, the first rise in five years.</p><p>The "
             "library and the pool stay open, as residents had asked in a petition.</p>"
             "</div></body></html>");
    assert_non_null(strstr(o.pg.text, "The council approved the budget"));
    assert_non_null(strstr(o.pg.text, "The library and the pool stay open"));
    done(&o);
}

static void test_hostile_shapes(void **state)
{
    (void)state;
    /* 2,000 nested elements (libxml2 reads 2,048 with XML_PARSE_HUGE): the walk is a loop, not
     * recursion, and the text at the bottom is read */
    hd_buf doc = {0};
    hd_buf_adds(&doc, "<html><body>");
    for (int i = 0; i < 1000; i++)
        hd_buf_adds(&doc, "<div><span>");
    hd_buf_adds(&doc, "Deep text, at the bottom of it all, is still read as text here.");
    hd_buf_adds(&doc, "</body></html>");
    assert_false(doc.oom);
    page_out o;
    hd_err err = {0};
    int deep;
    memset(&o, 0, sizeof o);
    assert_int_equal(
        hd_html_page(doc.p, doc.len, "deep.html", &o.text, &o.store, &o.pg, &deep, &err), HD_OK);
    assert_int_equal(deep, 0);
    assert_non_null(strstr(o.pg.text, "Deep text, at the bottom of it all"));
    done(&o);
    /* 200,000: what lies below 2,048 is not read, and the caller is told */
    hd_buf_clear(&doc);
    hd_buf_adds(&doc, "<html><body><p>Near the top, a paragraph of text is read as the story.</p>");
    for (int i = 0; i < 200000; i++)
        hd_buf_adds(&doc, "<div><span>");
    hd_buf_adds(&doc, "Deep text.</body></html>");
    memset(&o, 0, sizeof o);
    assert_int_equal(
        hd_html_page(doc.p, doc.len, "deep.html", &o.text, &o.store, &o.pg, &deep, &err), HD_OK);
    assert_int_equal(deep, 1);
    assert_non_null(strstr(o.pg.text, "Near the top, a paragraph"));
    done(&o);
    /* a paragraph of 12 MB, more than libxml2's default text limit, is read whole */
    hd_buf_clear(&doc);
    hd_buf_adds(&doc, "<html><body><p>");
    for (int i = 0; i < 200000; i++)
        hd_buf_adds(&doc, "The council voted, seven to two, to pass the budget. ");
    hd_buf_adds(&doc, "The end.</p></body></html>");
    assert_false(doc.oom);
    memset(&o, 0, sizeof o);
    assert_int_equal(
        hd_html_page(doc.p, doc.len, "long.html", &o.text, &o.store, &o.pg, &deep, &err), HD_OK);
    assert_true(o.pg.len > 10600000);
    assert_non_null(strstr(o.pg.text + o.pg.len - 40, "The end."));
    done(&o);
    hd_buf_done(&doc);
    /* empty, tag soup and a page with no text at all */
    const char *junk[] = {"",
                          "<",
                          "<html",
                          "<html><body></body></html>",
                          "<html><p><b><i></p></b>x<td></table></html>",
                          "<html>\x01\x02\xff</html>"};
    for (size_t i = 0; i < sizeof junk / sizeof *junk; i++) {
        memset(&o, 0, sizeof o);
        hd_rc rc = hd_html_page(junk[i], strlen(junk[i]), "junk.html", &o.text, &o.store, &o.pg,
                                &deep, &err);
        assert_true(rc == HD_OK || rc == HD_EINPUT);
        if (rc)
            assert_string_equal(err.where, "junk.html");
        hd_err_clear(&err);
        done(&o);
    }
}

/* A page that declares ISO-8859-1 comes out as UTF-8. */
static void test_declared_charset(void **state)
{
    (void)state;
    page_out o;
    html(&o, "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Le caf\xE9 de la gare a "
             "rouvert lundi, a dit le maire, apr\xE8s deux ans de travaux.</p></body></html>");
    assert_non_null(strstr(o.pg.text, "Le caf\xC3\xA9 de la gare"));
    assert_non_null(strstr(o.pg.text, "apr\xC3\xA8s deux ans"));
    done(&o);
}

static void gzip(const void *src, size_t n, hd_buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    uLong cap = deflateBound(&z, (uLong)n) + 32;
    hd_buf_clear(out);
    assert_int_equal(hd_buf_reserve(out, cap), 0);
    z.next_in = (Bytef *)src;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out->p;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    out->len = z.total_out;
    deflateEnd(&z);
}

static void test_reader_gzip(void **state)
{
    (void)state;
    const char text[] = "Headline\n\nThe first paragraph of the story.\n";
    hd_buf gz = {0}, gz_html = {0}, bomb = {0};
    gzip(text, sizeof text - 1, &gz);
    gzip(page_doc, strlen(page_doc), &gz_html);
    char *zeros = calloc(1, 1 << 20);
    assert_non_null(zeros);
    memset(zeros, 'a', 1 << 20);
    gzip(zeros, 1 << 20, &bomb);
    free(zeros);
    warns ws = {0};
    hd_reader_opts o = {1 << 16, on_warn, &ws};
    hd_reader *r;
    hd_err err = {0};
    hd_page pg;
    assert_int_equal(hd_reader_new(&o, &r, &err), HD_OK);
    hd_reader_add_buffer(r, "page.txt.gz", gz.p, gz.len, &err);
    hd_reader_add_buffer(r, "cut.txt.gz", gz.p, gz.len / 2, &err);
    hd_reader_add_buffer(r, "bomb.gz", bomb.p, bomb.len, &err);
    hd_reader_add_buffer(r, "page.html.gz", gz_html.p, gz_html.len, &err);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_OK);
    assert_string_equal(pg.text, text);
    assert_int_equal(pg.structured, 0);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_EINPUT);
    assert_string_equal(err.where, "cut.txt.gz");
    assert_non_null(strstr(err.msg, "damaged gzip data"));
    hd_err_clear(&err);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_ELIMIT);
    assert_string_equal(err.where, "bomb.gz");
    hd_err_clear(&err);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_OK);
    assert_int_equal(pg.structured, 1);
    assert_string_equal(pg.source, "page.html.gz");
    assert_string_equal(pg.title, "Port strike ends after nine days");
    assert_non_null(strstr(pg.text, "Dock workers voted on Tuesday"));
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_DONE);
    assert_int_equal(ws.n, 0);
    hd_reader_free(r);
    hd_buf_done(&gz);
    hd_buf_done(&gz_html);
    hd_buf_done(&bomb);
}

/* A gzip JSON Lines feed streams like a plain one: its records are read one by one under a
 * page limit smaller than the whole feed; concatenated members follow on; a cut stream gives
 * its whole records and then names the damage. */
static void test_reader_gzip_stream(void **state)
{
    (void)state;
    hd_buf feed = {0}, gz = {0}, two = {0};
    for (int i = 0; i < 2000; i++)
        hd_buf_printf(&feed,
                      "{\"id\":\"r%d\",\"text\":\"Record %d of the feed, with some words "
                      "to make it longer than a line needs to be.\"}\n",
                      i, i);
    assert_true(feed.len > 150000);
    gzip(feed.p, feed.len, &gz);
    hd_buf_add(&two, gz.p, gz.len);
    hd_buf_add(&two, gz.p, gz.len);
    hd_reader_opts o = {1 << 16, NULL, NULL};
    hd_reader *r;
    hd_err err = {0};
    hd_page pg;
    assert_int_equal(hd_reader_new(&o, &r, &err), HD_OK);
    hd_reader_add_buffer(r, "feed.jsonl.gz", gz.p, gz.len, &err);
    hd_reader_add_buffer(r, "two.jsonl.gz", two.p, two.len, &err);
    hd_reader_add_buffer(r, "cut.jsonl.gz", gz.p, gz.len / 2, &err);
    int n = 0;
    hd_rc rc;
    while ((rc = hd_reader_next(r, &pg, &err)) == HD_OK && !strcmp(pg.origin, "feed.jsonl.gz")) {
        char want[64];
        snprintf(want, sizeof want, "Record %d of the feed", n);
        assert_non_null(strstr(pg.text, want));
        n++;
    }
    assert_int_equal(n, 2000);
    assert_int_equal(rc, HD_OK); /* the first record of two.jsonl.gz */
    n = 1;
    while ((rc = hd_reader_next(r, &pg, &err)) == HD_OK && !strcmp(pg.origin, "two.jsonl.gz"))
        n++;
    assert_int_equal(n, 4000);
    int cut = rc == HD_OK;
    for (; rc == HD_OK; rc = hd_reader_next(r, &pg, &err))
        cut++;
    assert_true(cut > 500 && cut < 2000);
    /* the damage is named (the half record before it may fail to parse first) */
    while (rc != HD_DONE && !(rc == HD_EINPUT && strstr(err.msg, "damaged gzip data"))) {
        hd_err_clear(&err);
        rc = hd_reader_next(r, &pg, &err);
    }
    assert_int_equal(rc, HD_EINPUT);
    assert_string_equal(err.where, "cut.jsonl.gz");
    hd_reader_free(r);
    hd_buf_done(&feed);
    hd_buf_done(&gz);
    hd_buf_done(&two);
}

/* A JSON Lines record whose text is a saved web page: read as an HTML page, the record's own
 * title kept, the page's date used where the record has none. A plain-text record stays. */
static void test_jsonl_record_with_html(void **state)
{
    (void)state;
    const char *feed =
        "{\"id\":\"a1\",\"title\":\"Budget passes\",\"text\":\"<!DOCTYPE html><html><head>"
        "<meta property=\\\"article:published_time\\\" content=\\\"2020-05-06T10:00:00Z\\\">"
        "</head><body><nav><a href=\\\"/\\\">Home</a></nav><article><p>The council passed the "
        "budget on Monday, seven votes to two, after a long "
        "debate.</p></article></body></html>\"}\n"
        "{\"id\":\"a2\",\"text\":\"Plain text, as before: the story of the day.\"}\n";
    hd_reader_opts o = {0};
    hd_reader *r;
    hd_err err = {0};
    hd_page pg;
    assert_int_equal(hd_reader_new(&o, &r, &err), HD_OK);
    hd_reader_add_buffer(r, "feed.jsonl", feed, strlen(feed), &err);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_OK);
    assert_int_equal(pg.structured, 1);
    assert_string_equal(pg.id, "a1");
    assert_string_equal(pg.title, "Budget passes");
    assert_string_equal(pg.date, "2020-05-06");
    assert_string_equal(pg.text,
                        "The council passed the budget on Monday, seven votes to two, after "
                        "a long debate.");
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_OK);
    assert_int_equal(pg.structured, 0);
    assert_string_equal(pg.text, "Plain text, as before: the story of the day.");
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_DONE);
    hd_reader_free(r);
}

/* A real page of the benchmark (gzip, then HTML): a local TV station's story whose paragraphs
 * sit one to a card, under a share bar and a byline. */
static void test_real_page(void **state)
{
    (void)state;
    hd_reader_opts o = {0};
    hd_reader *r;
    hd_err err = {0};
    hd_page pg;
    char **files;
    size_t n;
    /* the file name is the page's hash: found by its prefix */
    assert_int_equal(hd_walk_dir(BENCH "/html", &files, &n, &err), HD_OK);
    const char *path = NULL;
    for (size_t i = 0; i < n; i++)
        if (strstr(files[i], "/f344ca5fb36e"))
            path = files[i];
    assert_non_null(path);
    assert_int_equal(hd_reader_new(&o, &r, &err), HD_OK);
    assert_int_equal(hd_reader_add_path(r, path, &err), HD_OK);
    hd_walk_free(files, n);
    hd_rc rc = hd_reader_next(r, &pg, &err);
    assert_int_equal(rc, HD_OK);
    assert_int_equal(pg.structured, 1);
    assert_string_equal(pg.title,
                        "Scientists use Hawaii telescope to spot water vapor on distant moon");
    assert_string_equal(pg.date, "2019-11-19");
    assert_true(strncmp(pg.text, "HONOLULU, Hawaii (HawaiiNewsNow) - NASA scientists", 50) == 0);
    assert_non_null(strstr(pg.text, "liquid water ocean on Europa"));
    assert_null(strstr(pg.text, "HNN Staff"));
    assert_null(strstr(pg.text, "share story"));
    hd_reader_free(r);
}

/* Each allocation of reading a real page failing in turn: HD_ENOMEM or the page, never a crash.
 * The walker's buffers could fail while offsets into them (og:title) were kept, and building
 * the page's title read through the missing buffer. */
static void test_real_page_out_of_memory(void **state)
{
    (void)state;
    char **files;
    size_t n;
    hd_err err = {0};
    assert_int_equal(hd_walk_dir(BENCH "/html", &files, &n, &err), HD_OK);
    const char *path = NULL;
    for (size_t i = 0; i < n; i++)
        if (strstr(files[i], "/f344ca5fb36e"))
            path = files[i];
    assert_non_null(path);
    gzFile gz = gzopen(path, "rb");
    assert_non_null(gz);
    hd_buf doc = {0};
    char chunk[65536];
    int got;
    while ((got = gzread(gz, chunk, sizeof chunk)) > 0)
        hd_buf_add(&doc, chunk, (size_t)got);
    gzclose(gz);
    hd_walk_free(files, n);
    int n_fail = 0, ok = 0;
    for (long k = 0; k < 100000 && !ok; k += k < 300 ? 1 : 7) {
        page_out o;
        memset(&o, 0, sizeof o);
        int deep;
        hd_err e2 = {0};
        hd_mem_fail_after(k);
        hd_rc rc = hd_html_page(doc.p, doc.len, "p.html", &o.text, &o.store, &o.pg, &deep, &e2);
        hd_mem_fail_after(-1);
        assert_true(rc == HD_OK || rc == HD_ENOMEM);
        if (rc == HD_OK) {
            assert_string_equal(
                o.pg.title, "Scientists use Hawaii telescope to spot water vapor on distant moon");
            ok = 1;
        }
        n_fail += rc == HD_ENOMEM;
        done(&o);
    }
    hd_buf_done(&doc);
    assert_true(ok);
    assert_true(n_fail > 10);
}

/* Through the extractor: an HTML page is one article, subheadings and all, with its metadata;
 * lines that are furniture on their own ("Advertisement", "0 Comments") go, short lines of the
 * story stay. */
static void test_one_article_through_the_pipeline(void **state)
{
    (void)state;
    const char *doc =
        "<html><head><meta property=\"og:title\" content=\"Budget passes\">"
        "<meta itemprop=\"datePublished\" content=\"2020-05-06\"></head><body><article>"
        "<h1>Budget passes</h1><p>The council passed the budget on Monday, seven votes to two, "
        "after a debate that ran past midnight.</p><p>Advertisement</p>"
        "<h2>Taxes</h2><p>Taxes rise by two percent, the first rise in five years, the mayor "
        "said.</p><p>Schools</p><p>Every school gets a new roof, the plan says, and two get new "
        "gyms.</p><p>0 Comments</p></article></body></html>";
    hd_extractor *x;
    hd_err err = {0};
    assert_int_equal(hd_extractor_new(NULL, &x, &err), HD_OK);
    assert_int_equal(hd_extractor_add_buffer(x, "budget.html", doc, strlen(doc), &err), HD_OK);
    const hd_article *a;
    assert_int_equal(hd_extractor_next(x, &a, &err), HD_OK);
    assert_string_equal(a->title, "Budget passes");
    assert_string_equal(a->date, "2020-05-06");
    assert_non_null(strstr(a->body, "after a debate that ran past midnight.\nTaxes\nTaxes rise"));
    assert_non_null(strstr(a->body, "\nSchools\nEvery school gets a new roof"));
    assert_null(strstr(a->body, "Advertisement"));
    assert_null(strstr(a->body, "Comments"));
    assert_int_equal(hd_extractor_next(x, &a, &err), HD_DONE);
    hd_extractor_free(x);
}

/* The first article of the page doc read through a new extractor *x (the caller frees it). */
static const hd_article *first_article(hd_extractor **x, const char *name, const char *doc)
{
    hd_err err = {0};
    const hd_article *a = NULL;
    assert_int_equal(hd_extractor_new(NULL, x, &err), HD_OK);
    assert_int_equal(hd_extractor_add_buffer(*x, name, doc, strlen(doc), &err), HD_OK);
    assert_int_equal(hd_extractor_next(*x, &a, &err), HD_OK);
    return a;
}

/* Inside the story's element, other stories under a "you may also like" heading (here in
 * Portuguese), each paragraph cut short, are no part of the story; a story that goes on past
 * one teaser under such a heading keeps its text. */
static void test_related_teasers_inside_the_story(void **state)
{
    (void)state;
    const char *doc =
        "<html><head><meta property=\"og:title\" content=\"Amor\"></head><body><article>"
        "<h1>Amor</h1><p>Viver uma verdadeira experiência amorosa é um dos maiores prazeres da "
        "vida, e cada um é o único responsável pelas suas próprias necessidades.</p>"
        "<p>Você pode gostar...</p>"
        "<p>A vida requer da gente otimismo e coragem para esperar o melhor e fazer o melhor "
        "acontecer, traçando um plano paralelo para …</p>"
        "<p>Bem-aventurados os que trilham caminhos retos e andam na lei do Senhor, felizes "
        "pelo início da sua jornada …</p></article>"
        "<article><h1>Budget</h1><p>The council passed the budget on Monday, seven votes to "
        "two.</p><p>Read also</p><p>Mayor says taxes will rise by two percent next year, in the "
        "first rise for five years ...</p><p>The vote ran past midnight, the clerk said, and "
        "the budget takes effect in July.</p></article></body></html>";
    hd_extractor *x;
    const hd_article *a = first_article(&x, "amor.html", doc);
    assert_non_null(strstr(a->body, "Viver uma verdadeira"));
    assert_null(strstr(a->body, "gostar"));
    assert_null(strstr(a->body, "A vida requer"));
    assert_null(strstr(a->body, "Bem-aventurados"));
    hd_extractor_free(x);
    const char *one = strstr(doc, "<article><h1>Budget");
    char *doc2 = malloc(strlen(one) + 40);
    assert_non_null(doc2);
    sprintf(doc2, "<html><body>%s", one);
    a = first_article(&x, "budget.html", doc2);
    assert_non_null(strstr(a->body, "Read also"));
    assert_non_null(strstr(a->body, "The vote ran past midnight"));
    hd_extractor_free(x);
    free(doc2);
}

/* The head of a story its structure chose: the headline printed again, a gallery's label under
 * it, the byline and the date line go; a dateline alone in capitals stays, and so does a date
 * line inside the story, past its first paragraph. */
static void test_story_head_inside_the_story(void **state)
{
    (void)state;
    const char *doc =
        "<html><head><meta property=\"og:title\" content=\"Council passes the budget\">"
        "</head><body><article><p>Council passes the budget</p><p>Back to Gallery</p>"
        "<p>By LISA MASCARO and ERIC TUCKER</p><p>Nov. 20, 2019 5:52 AM EST</p>"
        "<p>BAAR, SWITZERLAND</p><p>The city council passed the budget on Monday, seven votes "
        "to two, after a debate that ran past midnight.</p><p>March 3, 2020</p><p>Taxes rise by "
        "two percent, the first rise in five years, the mayor said.</p></article></body></html>";
    hd_extractor *x;
    const hd_article *a = first_article(&x, "budget.html", doc);
    assert_string_equal(a->title, "Council passes the budget");
    assert_null(strstr(a->body, "Council passes"));
    assert_null(strstr(a->body, "Gallery"));
    assert_null(strstr(a->body, "MASCARO"));
    assert_null(strstr(a->body, "5:52"));
    assert_non_null(strstr(a->body, "BAAR, SWITZERLAND\nThe city council passed"));
    assert_non_null(strstr(a->body, "March 3, 2020\nTaxes rise"));
    hd_extractor_free(x);
}

/* A press release read from its HTML structure ends on the company's description ("Ascom is a
 * global solutions provider …", "Ascom is headquartered in Baar …"): not the story. */
static void test_company_description_after_the_story(void **state)
{
    (void)state;
    const char *doc =
        "<html><head><meta property=\"og:title\" content=\"Ascom and GE team up\">"
        "</head><body><article><p>BAAR, SWITZERLAND</p><p>Ascom announced a distribution "
        "partnership with GE Healthcare in Europe for intensive care units on Monday.</p>"
        "<p>The solution collects data from devices connected to the patient, the company "
        "said, and shows alarms on a handheld device.</p><p>Clinicians gain visibility on "
        "patient status, highlighting alarms and warnings on any connected device.</p>"
        "<p>Ascom is a global solutions provider focused on healthcare ICT and mobile workflow "
        "solutions.</p><p>Ascom is headquartered in Baar (Switzerland), has subsidiaries in 15 "
        "countries and employs around 1,300 people worldwide.</p></article></body></html>";
    hd_extractor *x;
    const hd_article *a = first_article(&x, "ascom.html", doc);
    assert_non_null(strstr(a->body, "Clinicians gain visibility"));
    assert_null(strstr(a->body, "global solutions provider"));
    assert_null(strstr(a->body, "headquartered"));
    hd_extractor_free(x);
}

/* A piece the page gives no date of its own takes the page's: the date of the nearest dated
 * piece before it (a plain-text page cut into two articles, the second without a date line). */
static void test_undated_piece_takes_the_page_date(void **state)
{
    (void)state;
    const char *doc =
        "Harbour Town appoint Sam Reyes as manager on a three-year deal\n\n"
        "By Jane Roe\n\nMarch 4, 2021\n\n"
        "Harbour Town have appointed Sam Reyes as their new manager on a deal that runs until "
        "the end of the 2024 season.\n\n"
        "His first match in charge will be away to Eastfield on Saturday, the club said.\n\n"
        "Council abandons plan for a new bridge over the river\n\n"
        "By John Doe\n\n"
        "The council has dropped its plan for a new bridge over the river after residents "
        "objected to the cost at a public meeting.\n\n"
        "The bridge would have cost more than twice the first estimate, officials said.\n";
    hd_extractor *x;
    hd_err err = {0};
    assert_int_equal(hd_extractor_new(NULL, &x, &err), HD_OK);
    assert_int_equal(hd_extractor_add_buffer(x, "page.txt", doc, strlen(doc), &err), HD_OK);
    const hd_article *a;
    assert_int_equal(hd_extractor_next(x, &a, &err), HD_OK);
    assert_non_null(strstr(a->title, "Harbour Town appoint"));
    assert_string_equal(a->date, "2021-03-04");
    assert_int_equal(hd_extractor_next(x, &a, &err), HD_OK);
    assert_non_null(strstr(a->title, "Council abandons plan"));
    assert_non_null(a->date);
    assert_string_equal(a->date, "2021-03-04");
    assert_int_equal(hd_extractor_next(x, &a, &err), HD_DONE);
    hd_extractor_free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_story_over_furniture),
        cmocka_unit_test(test_metadata_fallbacks),
        cmocka_unit_test(test_cards_and_br_runs),
        cmocka_unit_test(test_chunked_story),
        cmocka_unit_test(test_embedded_post_is_kept),
        cmocka_unit_test(test_retry_without_class_test),
        cmocka_unit_test(test_hostile_shapes),
        cmocka_unit_test(test_declared_charset),
        cmocka_unit_test(test_reader_gzip),
        cmocka_unit_test(test_reader_gzip_stream),
        cmocka_unit_test(test_jsonl_record_with_html),
        cmocka_unit_test(test_real_page),
        cmocka_unit_test(test_real_page_out_of_memory),
        cmocka_unit_test(test_one_article_through_the_pipeline),
        cmocka_unit_test(test_related_teasers_inside_the_story),
        cmocka_unit_test(test_story_head_inside_the_story),
        cmocka_unit_test(test_company_description_after_the_story),
        cmocka_unit_test(test_undated_piece_takes_the_page_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
