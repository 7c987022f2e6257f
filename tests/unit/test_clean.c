/* SPDX-License-Identifier: MIT
 *
 * test_clean.c — normalisation, line features and classes, repetition counts and the
 * neighbour rule, on lines of the real seed pages and on edge cases.
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
#include "clean/clean.h"

#define SEED HD_SHARED_DATA "/seed-pages"

static void norm(const char *in, const char *expect)
{
    hd_buf out = {0}, scratch = {0};
    assert_int_equal(hd_clean_normalize(in, strlen(in), &out, &scratch, NULL), HD_OK);
    assert_string_equal(out.p ? out.p : "", expect);
    hd_buf_done(&out);
    hd_buf_done(&scratch);
}

static void test_normalize(void **state)
{
    (void)state;
    norm("a\r\nb\rc", "a\nb\nc");
    norm("  two\t\tspaces \xC2\xA0here  ", "two spaces here");
    norm("zero\xE2\x80\x8Bwidth", "zerowidth");
    norm("cafe\xCC\x81", "caf\xC3\xA9"); /* NFC */
    norm("curly \xE2\x80\x9Cquotes\xE2\x80\x9D kept", "curly \xE2\x80\x9Cquotes\xE2\x80\x9D kept");
    norm("ctrl\x01\x7F chars", "ctrl chars");
    /* one stray lower-case continuation of a long unfinished line is joined */
    norm("The ministry said on Monday that the new rules would\napply from June.",
         "The ministry said on Monday that the new rules would apply from June.");
    /* paragraph-per-line text is left alone */
    norm("First paragraph ends here.\nsecond starts lower.",
         "First paragraph ends here.\nsecond starts lower.");
}

static void test_unwrap_hard_wrapped_wire(void **state)
{
    (void)state;
    /* Reuters-21578 style: wrapped near 65 columns, paragraphs indented. */
    const char *in = "Showers continued throughout the week in\n"
                     "the Bahia cocoa zone, alleviating the drought since early\n"
                     "January and improving prospects for the coming temporao,\n"
                     "although normal humidity levels have not been restored.\n"
                     "    Comissaria Smith said in its weekly review the dry period\n"
                     "means the temporao will be late this year.\n";
    hd_buf out = {0}, scratch = {0};
    assert_int_equal(hd_clean_normalize(in, strlen(in), &out, &scratch, NULL), HD_OK);
    assert_string_equal(out.p,
                        "Showers continued throughout the week in the Bahia cocoa zone, "
                        "alleviating the drought since early January and improving prospects "
                        "for the coming temporao, although normal humidity levels have not been "
                        "restored.\nComissaria Smith said in its weekly review the dry period "
                        "means the temporao will be late this year.\n");
    hd_buf_done(&out);
    hd_buf_done(&scratch);
}

static void test_unwrap_short_wire_and_stray_breaks(void **state)
{
    (void)state;
    /* Reuters-21578 NEWID 22: three lines, the first cut short by the removed dateline. */
    norm("Magma Copper Co, a subsidiary of Newmont\nMining Corp, said it is cutting its copper "
         "cathode price by\n0.75 cent to 66 cents a lb, effective immediately.\n Reuter\n",
         "Magma Copper Co, a subsidiary of Newmont Mining Corp, said it is cutting its copper "
         "cathode price by 0.75 cent to 66 cents a lb, effective immediately.\nReuter\n");
    /* NEWID 52: an abbreviation at the end of the first line; paragraphs marked by indent. */
    norm("Arvin Industries Inc said L.K.\nEvans has been elected president, succeeding James "
         "Baker who\nremains chairman.\n Reuter\n",
         "Arvin Industries Inc said L.K. Evans has been elected president, succeeding James "
         "Baker who remains chairman.\nReuter\n");
    /* A headline over a date line in 80-column text stays apart from it. */
    norm("The last lighthouse keeper of Skerra Point\nNovember 27 2022\n\nFor thirty-one years, "
         "Ewan Macrae climbed the 142 steps of the\nSkerra Point lighthouse twice a night, "
         "trimming the wick, winding the\nclockwork and logging the weather.\n",
         "The last lighthouse keeper of Skerra Point\nNovember 27 2022\n\nFor thirty-one "
         "years, Ewan Macrae climbed the 142 steps of the Skerra Point lighthouse twice a "
         "night, trimming the wick, winding the clockwork and logging the weather.\n");
    /* A comma or a function word at the end of a line carries the sentence on; a date line
     * under a headline does not. */
    norm("The plant will open in Milledgeville,\nGa. next year, the company said today.",
         "The plant will open in Milledgeville, Ga. next year, the company said today.");
    norm("Results include restructuring provisions of\n4.2 mln dlrs for 1987.",
         "Results include restructuring provisions of 4.2 mln dlrs for 1987.");
    norm("Subsea cable fault cuts internet access across island nation\n2022-11-27",
         "Subsea cable fault cuts internet access across island nation\n2022-11-27");
}

static const hd_line *find_line(const hd_clean *c, const char *prefix)
{
    for (size_t i = 0; i < c->n_lines; i++)
        if (strncmp(hd_line_text(c, &c->lines[i]), prefix, strlen(prefix)) == 0)
            return &c->lines[i];
    return NULL;
}

static void test_seed_page_features(void **state)
{
    (void)state;
    hd_buf page = {0};
    assert_int_equal(hd_fs_read_all(SEED "/000_9272e3ac30541b30.txt", 1 << 20, &page, NULL), HD_OK);
    hd_clean c;
    hd_clean_init(&c);
    assert_int_equal(hd_clean_page(&c, page.p, page.len, NULL), HD_OK);

    const hd_line *cap = find_line(&c, "Iran Supreme Leader Ali Khamenei during his meeting");
    assert_non_null(cap);
    assert_int_equal(cap->count, 4); /* printed four times on the page */
    assert_true(cap->credit);        /* ends in "(Khamenei website)" */
    assert_int_equal(cap->kind, HD_LINE_BAD);

    const hd_line *epa = find_line(&c, "Russian President Vladimir Putin (L)");
    assert_non_null(epa);
    assert_true(epa->credit); /* "EPA/Mikhail Tereshchenko / Sputnik / Kremlin Pool" */

    const hd_line *tt = find_line(&c, "TT");
    assert_non_null(tt);
    assert_int_equal(tt->kind, HD_LINE_SHORT);
    assert_int_equal(tt->count, 2);

    const hd_line *prose = find_line(&c, "Khamenei was speaking during a meeting");
    assert_non_null(prose);
    assert_int_equal(prose->kind, HD_LINE_GOOD);
    assert_true(prose->terminal);
    assert_true(prose->n_stop >= 10);
    assert_int_equal(prose->count, 1);

    const hd_line *title = find_line(&c, "Japan Expresses Concern");
    assert_non_null(title);
    assert_true(title->title_like);
    assert_int_equal(title->count, 2);
    assert_true(title->blank_before >= 2);
    hd_clean_done(&c);
    hd_buf_done(&page);
}

/* A page in another script has no English function words: its story lines are prose by
 * length and sentence ends (they were left undecided and then dropped); its menu and cut-off
 * teasers are not. An ASCII table of figures, which has no function words either, keeps the
 * classes it had. */
static void test_pages_in_other_scripts(void **state)
{
    (void)state;
    const char *ru =
        "Новости\n\nСпорт\n\nПогода\n\n"
        "Городской совет в понедельник утвердил бюджет на следующий год семью голосами "
        "против двух после долгих споров.\n\n"
        "Налоги вырастут на два процента, впервые за пять лет, сказал мэр города на "
        "пресс-конференции во вторник.\n\n"
        "Школы получат новые крыши, а две из них новые спортивные залы, говорится в "
        "плане.\n\n"
        "Мэр ответил на вопросы жителей о дорогах..\n";
    hd_clean c;
    hd_clean_init(&c);
    assert_int_equal(hd_clean_page(&c, ru, strlen(ru), NULL), HD_OK);
    assert_int_equal(find_line(&c, "Городской совет")->kind, HD_LINE_GOOD);
    assert_int_equal(find_line(&c, "Налоги вырастут")->kind, HD_LINE_GOOD);
    assert_int_equal(find_line(&c, "Школы получат")->kind, HD_LINE_GOOD);
    assert_int_not_equal(find_line(&c, "Новости")->kind, HD_LINE_GOOD);
    assert_int_not_equal(find_line(&c, "Мэр ответил")->kind, HD_LINE_GOOD); /* a cut teaser */
    const char *table =
        "Unilever Plc share 49.57p vs 44.19p, making 177.55p vs 137.96p for full "
        "year.\nCombined fourth quarter pre-tax profit 1.10 billion guilders vs 1.11 "
        "billion, making 3.69 billion guilders vs 3.81 billion.\n"
        "Operating profit 259 mln stg vs 265 mln, making 1.12 billion stg vs 949 "
        "mln.\nAttributable profit 185 mln stg vs 165 mln, making 664 mln vs 516 mln."
        "\nFull year 1986 turnover 17.14 billion stg vs 16.69 billion.\n";
    assert_int_equal(hd_clean_page(&c, table, strlen(table), NULL), HD_OK);
    assert_int_equal(find_line(&c, "Combined fourth quarter")->kind, HD_LINE_SHORT);
    assert_int_equal(find_line(&c, "Full year 1986")->kind, HD_LINE_SHORT);
    hd_clean_done(&c);
}

/* Prose in a Latin-script language that shares few short words with English (Indonesian,
 * Portuguese) has as few English function words as a Cyrillic page: its story lines are prose
 * by length and sentence ends too. A wire table of figures set with dot leaders, whose
 * figures are glued to the labels ("M-1.....736.7"), is no such page: its lines stay as they
 * were. */
static void test_latin_pages_in_other_languages(void **state)
{
    (void)state;
    const char *id =
        "Beranda\n\nKategori\n\nTentang Kami\n\n"
        "Pemerintah kota akhirnya menyetujui pembangunan jembatan baru di atas sungai setelah "
        "perdebatan panjang selama bertahun-tahun.\n\n"
        "Biaya jembatan diperkirakan mencapai empat puluh miliar rupiah dan pekerjaan akan "
        "dimulai bulan depan, kata wali kota kepada wartawan.\n\n"
        "Warga di tepi timur sungai menyambut keputusan itu karena mereka selama ini harus "
        "memutar jauh melewati pusat kota.\n\n"
        "Baca juga berita lainnya..\n";
    hd_clean c;
    hd_clean_init(&c);
    assert_int_equal(hd_clean_page(&c, id, strlen(id), NULL), HD_OK);
    assert_int_equal(find_line(&c, "Pemerintah kota")->kind, HD_LINE_GOOD);
    assert_int_equal(find_line(&c, "Biaya jembatan")->kind, HD_LINE_GOOD);
    assert_int_equal(find_line(&c, "Warga di tepi")->kind, HD_LINE_GOOD);
    assert_int_not_equal(find_line(&c, "Tentang Kami")->kind, HD_LINE_GOOD);
    assert_int_not_equal(find_line(&c, "Baca juga")->kind, HD_LINE_GOOD); /* a cut teaser */
    const char *dots =
        "One Week Ended Feb 16\n"
        "M-1.........................736.7 up.......2.1 Previous week revised to....734.6 "
        "From...734.2 Avge 4 Weeks (Vs Week Ago).735.0 Vs.....733.5 Avge 13 Weeks (Vs week "
        "Ago).731.8 Vs.....729.8 Monthly aggregates (Adjusted avgs in billions) M-1 (Jan vs "
        "Dec)............737.6 Vs.....730.5 M-2 (Jan vs Dec)..........2,820.1 Vs...2,798.4 "
        "M-3 (Jan vs Dec)..........3,513.6 Vs...3,488.1 L...(Dec vs Nov)..........4,141.5 "
        "Vs...4,110.5 Domestic Debt(Dec vs Nov).7,604.4 Vs...7,519.8\n";
    assert_int_equal(hd_clean_page(&c, dots, strlen(dots), NULL), HD_OK);
    assert_int_equal(find_line(&c, "M-1....")->kind, HD_LINE_SHORT);
    hd_clean_done(&c);
}

static void test_classes(void **state)
{
    (void)state;
    const char *text = "World | Asia-Pacific\n"
                       "FILE PHOTO: Ministers meet in Geneva, March 3, 2023.\n"
                       "https://example.com/share?id=1\n"
                       "Most Popular\n"
                       "It was the first time the two sides had met since the war began.\n"
                       "\xE2\x80\x9CWe will not give up,\xE2\x80\x9D she said.\n"
                       "---\n";
    hd_clean c;
    hd_clean_init(&c);
    assert_int_equal(hd_clean_page(&c, text, strlen(text), NULL), HD_OK);
    assert_int_equal(c.n_lines, 7);
    assert_int_equal(c.lines[0].kind, HD_LINE_BAD); /* navigation */
    assert_int_equal(c.lines[1].kind, HD_LINE_BAD); /* photo credit */
    assert_true(c.lines[1].credit);
    assert_int_equal(c.lines[2].kind, HD_LINE_BAD); /* bare link */
    assert_int_equal(c.lines[3].kind, HD_LINE_BAD); /* widget vocabulary */
    assert_int_equal(c.lines[4].kind, HD_LINE_GOOD);
    assert_int_equal(c.lines[5].kind, HD_LINE_GOOD); /* short quoted sentence */
    assert_true(c.lines[5].terminal);
    assert_int_equal(c.lines[6].kind, HD_LINE_BAD); /* no words */
    hd_clean_done(&c);
}

/* The class of one line standing alone. */
static int line_kind(const char *line)
{
    hd_clean c;
    hd_clean_init(&c);
    assert_int_equal(hd_clean_page(&c, line, strlen(line), NULL), HD_OK);
    assert_int_equal(c.n_lines, 1);
    int k = c.lines[0].kind | (c.lines[0].title_like ? 0x100 : 0);
    hd_clean_done(&c);
    return k;
}

static void test_site_furniture_lines(void **state)
{
    (void)state;
    static const char *const furniture[] = {
        "Skip to main content",
        "Sign up for our morning newsletter and get the news in your inbox.",
        "Copyright 2005 BBC. All rights reserved.",
        "\xC2\xA9 2023 The Courier Ltd. All Rights Reserved.",
        "Subscribe to our daily briefing to get the news in your inbox.",
        "Read more: Council votes to close the old bridge",
        "More on this story",
        "The BBC is not responsible for the content of external sites.",
        "We use cookies to improve your experience. By using this site you agree.",
        "By choosing I Accept, you consent to our use of cookies and other tracking "
        "technologies.",
        "Check your email for a link to reset your password.",
        "Password has been successfully updated.",
        "This website uses cookies to improve your experience while you navigate through the "
        "website. Out of these cookies, the cookies that are categorized as necessary are "
        "stored on your browser as they are essential for the working of basic "
        "functionalities of the website.",
        "Please enable JavaScript to view the comments powered by Disqus.",
        "Reporting by Sara Khan; Editing by Jon Boyle",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "This website uses cookies to improve your experience while you navigate through the "
        "website. Out of these, the cookies that are categorized as necessary are stored on "
        "your browser as they are essential for the working of basic functionalities of the "
        "website. We also use third-party cookies that help us analyze and understand how you "
        "use this website. These cookies will be stored in your browser only with your "
        "consent. You also have the option to opt-out of these cookies. But opting out of some "
        "of these cookies may have an effect on your browsing experience.",
        "You must be logged in to post a comment.",
        "Comments are subject to our community guidelines, which can be viewed here.",
        "Post was not sent - check your email addresses!",
        "Sorry, your blog cannot share posts by email.",
        "Want more updates from the team? Sign up for our newsletter.",
        "Don't miss a brief. Sign up for our daily email.",
        "Submit to Stumbleupon (Opens in new window)",
        "Click to email this to a friend (opens in a new tab)",
        "Print This Article Share it With Friends",
        "Email this story",
        "GET FOX BUSINESS ON THE GO BY CLICKING HERE",
        "Use of this site constitutes acceptance of our User Agreement and Privacy Policy",
        "The material on this site may not be reproduced, distributed or otherwise used, "
        "except with the prior written permission of the publisher.",
        "This material may not be reproduced without permission.",
        "Community Rules apply to all content you upload or otherwise submit to this site.",
        "By registering you agree to the Terms of Use and acknowledge the data practices in "
        "our Privacy Policy.",
        "No spam, we promise. You can unsubscribe at any time.",
        "Space Weekly is part of Example Media Inc, an international media group and leading "
        "digital publisher.",
        "Have a tip? Jo Roe may be reached at jroe@example.com.",
        "Necessary cookies are absolutely essential for the website to function properly.",
        "Share it with a friend",
        "Get the magazine delivered every month. Click here for more information.",
        "Zum Inhalt springen",
        "\u041f\u0435\u0440\u0435\u0439\u0442\u0438 \u043a "
        "\u043a\u043e\u043d\u0442\u0435\u043d\u0442\u0443",
        "Aller au contenu principal",
        "Image caption The singer has managed several artists throughout his career",
        "Photo illustration by Slate. Photo by Jo Roe.",
        "The city was closed earlier this year due to plague-contaminated marmotsCredit: The "
        "Siberian Times",
        "The site may earn an Affiliate Commission if you purchase something through "
        "recommended links in this article.",
        "If you click on one and make a purchase we may receive a small commission.",
        "We urge you to turn off your ad blocker for our website so that you can continue to "
        "access our content.",
        "Associated Press writers Alan Fram and Zeke Miller contributed to this report.",
        "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
        "Next article Kidnapped girl, 8, rescued by police in dramatic footage",
        "Samantha Lachman contributed reporting from Charleston.",
        "\u00a9 1995 - 2019 by Snopes Media Group Inc.",
        "\u00a9 The Detroit News, a Digital First Media Newspaper",
        "Snopes and the Snopes.com logo are registered service marks of Snopes.com",
        "Apple logo, Apple TV and App Store are registered trademarks of Apple Inc.",
        "You have been successfully subscribed!",
        "You have succesfully subscribed. Thank you!",
        "Thank you for verifying your email address.",
    };
    static const char *const sentences[] = {
        "Skip the queue: the council said the new bridge will open in May.",
        "The union said it would sign up for talks on the new contract.",
        "Copyright lawyers said the ruling would change how the rules are read.",
        "The regulator said the site uses cookies to track readers for advertisers.",
        "Users should change their password immediately, the company said on Monday.",
        "Google said on Tuesday that it would stop supporting third-party cookies in its "
        "Chrome browser within two years, a move that advertisers fear will cut into the "
        "revenue of the publishers whose sites they buy space on.",
        "Reporting by the agency was accurate, the court said in its ruling on Monday.",
        "The new shop, which opens next week, will sell local food (it opens in May).",
        "More than a million readers subscribe to the newsletter, the company said on Monday.",
        "The minister declined to comment on the report, his office said.",
        "Image 3 of the series shows the harbour at night, the museum said.",
        "Print this article and share it with friends, the company urged its customers.",
        "By clicking the button, users agree to the new terms, the company said on Monday.",
        "The judge ruled that the images may not be reproduced without permission.",
        "The company, which is part of a larger media group, said it would cut 200 jobs.",
        "Customers can unsubscribe at any time, the bank said.",
        "Continued use of the software constitutes acceptance of the new licence, the firm said.",
        "By registering, voters agree to the terms of the state's new rules, officials said.",
        "The spokesman said he can be reached at the office on Monday.",
        "Brokers may earn a commission on each purchase of the bonds, the report said.",
        "Readers who use an ad blocker were asked to pay, the newspaper said on Monday.",
        "Seven analysts contributed to this report, which the ministry published on Monday.",
        "Follow the money, the prosecutor told the jury on Tuesday.",
        "The credit: a loan from the state bank, the minister said.",
        "Registered voters in the district subscribed to the plan, the mayor said on Monday.",
        "Thank you for subscribing to the idea of a new bridge, the mayor told the council.",
        "The brand name was registered in 1998 and the firm has defended it since then.",
    };
    for (size_t i = 0; i < sizeof furniture / sizeof *furniture; i++)
        if (line_kind(furniture[i]) != HD_LINE_BAD)
            fail_msg("site furniture kept: %s", furniture[i]);
    for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++)
        if (line_kind(sentences[i]) != HD_LINE_GOOD)
            fail_msg("sentence dropped: %s", sentences[i]);
}

static void test_credit_needs_an_agency_or_picture_word(void **state)
{
    (void)state;
    const char *text =
        "Protesters march through the capital on Monday (AFP)\n"
        "Rich Templeton, the head of giant chip maker Texas Instruments, has given his backing "
        "to the growing sector of Voice over Internet Telephony (Voip)\n"
        "Crandall said, \"the administration is doing this for its political impact.\"\n"
        "Posters from the state's new campaign against drug use. (example.org)\n"
        "Net profit per share for the quarter of the company Ashland Oil Inc 1.20 (1.50)\n"
        "Image 3 of 12\n"
        "(Image credit: Harbour Town FC)\n";
    hd_clean c;
    hd_clean_init(&c);
    assert_int_equal(hd_clean_page(&c, text, strlen(text), NULL), HD_OK);
    assert_int_equal(c.n_lines, 7);
    assert_true(c.lines[0].credit);  /* an agency credit closes a caption */
    assert_false(c.lines[1].credit); /* an acronym closes a sentence */
    assert_int_equal(c.lines[1].kind, HD_LINE_GOOD);
    assert_false(c.lines[2].title_like); /* ends in a full stop inside the quote */
    assert_true(c.lines[3].credit);      /* the picture's web address */
    assert_false(c.lines[4].credit);     /* last year's figure */
    assert_true(c.lines[5].credit);      /* a gallery's counter */
    assert_true(c.lines[6].credit);
    hd_clean_done(&c);
}

/* The wire's captions ("In this <date>, file photo, …", "FILE - …") are captions however long;
 * a sentence that starts "In this" is not. */
static void test_wire_photo_captions(void **state)
{
    (void)state;
    const char *text =
        "In this Dec. 12, 2006, file photo, made available by NASA, astronaut Robert L. Curbeam "
        "Jr., left, and European Space Agency astronaut Christer Fuglesang work on the "
        "International Space Station.\n"
        "FILE - A long row of unsold sports-utility vehicles sits at a dealership in Littleton, "
        "Colo., on Sunday, Nov. 10, 2019.\n"
        "In this photograph, taken on Sunday, the river is seen flooding the town's main street "
        "after a week of rain.\n"
        "In this year's budget, the council has set aside more money for roads than for "
        "schools, a photo of the plan shows.\n";
    hd_clean c;
    hd_clean_init(&c);
    assert_int_equal(hd_clean_page(&c, text, strlen(text), NULL), HD_OK);
    assert_int_equal(c.n_lines, 4);
    assert_true(c.lines[0].credit);
    assert_int_equal(c.lines[0].kind, HD_LINE_BAD);
    assert_true(c.lines[1].credit);
    assert_true(c.lines[2].credit);
    assert_false(c.lines[3].credit); /* "photo" far from the start, no comma after it */
    assert_int_equal(c.lines[3].kind, HD_LINE_GOOD);
    hd_clean_done(&c);
}

static void test_resolve_neighbours(void **state)
{
    (void)state;
    hd_line l[6];
    memset(l, 0, sizeof l);
    uint8_t kinds[6] = {HD_LINE_GOOD,  HD_LINE_SHORT, HD_LINE_GOOD,
                        HD_LINE_SHORT, HD_LINE_BAD,   HD_LINE_SHORT};
    for (int i = 0; i < 6; i++)
        l[i].kind = kinds[i];
    hd_clean_resolve(l, 0, 6);
    assert_int_equal(l[1].kind, HD_LINE_GOOD); /* a subheading between paragraphs stays */
    assert_int_equal(l[3].kind, HD_LINE_BAD);  /* next to boilerplate goes */
    assert_int_equal(l[5].kind, HD_LINE_BAD);  /* at the edge goes */
}

static void test_fold_hash_ignores_quote_style_and_case(void **state)
{
    (void)state;
    const char *a = "Iran\xE2\x80\x99s Supreme Leader \xE2\x80\x9Crejects\xE2\x80\x9D talks";
    const char *b = "IRAN'S supreme leader \"rejects\" TALKS";
    assert_true(hd_clean_fold_hash(a, strlen(a)) == hd_clean_fold_hash(b, strlen(b)));
    assert_false(hd_clean_fold_hash(a, strlen(a)) == hd_clean_fold_hash("other", 5));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_unwrap_hard_wrapped_wire),
        cmocka_unit_test(test_unwrap_short_wire_and_stray_breaks),
        cmocka_unit_test(test_credit_needs_an_agency_or_picture_word),
        cmocka_unit_test(test_wire_photo_captions),
        cmocka_unit_test(test_seed_page_features),
        cmocka_unit_test(test_classes),
        cmocka_unit_test(test_pages_in_other_scripts),
        cmocka_unit_test(test_latin_pages_in_other_languages),
        cmocka_unit_test(test_site_furniture_lines),
        cmocka_unit_test(test_resolve_neighbours),
        cmocka_unit_test(test_fold_hash_ignores_quote_style_and_case),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
