/* SPDX-License-Identifier: MIT
 *
 * date.c — explicit dates in page text and metadata fields.
 */
#include "segment/segment.h"

#include <string.h>
#include <strings.h>

static const char *const months[12] = {"january",   "february", "march",    "april",
                                       "may",       "june",     "july",     "august",
                                       "september", "october",  "november", "december"};

/* Month names of other languages news is scraped in, folded to lower case (genitive where
 * the language writes dates with it: Russian, Polish), with the abbreviations sites print
 * that are no English word's start. French, German, Spanish, Portuguese, Italian, Dutch,
 * Swedish, Indonesian, Turkish, Polish, Russian. Only ever looked up between a day's number
 * and a year, or before a day's number. */
#define M(name, m)                                                                                 \
    {                                                                                              \
        name, sizeof name - 1, m                                                                   \
    }
static const struct {
    const char *name;
    unsigned char len, m;
} foreign[] = {
    /* French */
    M("janvier", 1),
    M("f\xC3\xA9vrier", 2),
    M("mars", 3),
    M("avril", 4),
    M("mai", 5),
    M("juin", 6),
    M("juillet", 7),
    M("ao\xC3\xBBt", 8),
    M("septembre", 9),
    M("octobre", 10),
    M("novembre", 11),
    M("d\xC3\xA9\x63\x65mbre", 12),
    M("janv", 1),
    M("f\xC3\xA9vr", 2),
    M("avr", 4),
    M("juil", 7),
    M("d\xC3\xA9\x63", 12),
    /* German */
    M("januar", 1),
    M("februar", 2),
    M("m\xC3\xA4rz", 3),
    M("juni", 6),
    M("juli", 7),
    M("oktober", 10),
    M("dezember", 12),
    M("j\xC3\xA4nner", 1),
    M("okt", 10),
    M("dez", 12),
    /* Spanish, Portuguese, Italian */
    M("enero", 1),
    M("febrero", 2),
    M("marzo", 3),
    M("abril", 4),
    M("mayo", 5),
    M("junio", 6),
    M("julio", 7),
    M("agosto", 8),
    M("septiembre", 9),
    M("setiembre", 9),
    M("octubre", 10),
    M("noviembre", 11),
    M("diciembre", 12),
    M("ene", 1),
    M("abr", 4),
    M("ago", 8),
    M("dic", 12),
    M("janeiro", 1),
    M("fevereiro", 2),
    M("mar\xC3\xA7o", 3),
    M("maio", 5),
    M("junho", 6),
    M("julho", 7),
    M("setembro", 9),
    M("outubro", 10),
    M("novembro", 11),
    M("dezembro", 12),
    M("fev", 2),
    M("set", 9),
    M("out", 10),
    M("gennaio", 1),
    M("febbraio", 2),
    M("aprile", 4),
    M("maggio", 5),
    M("giugno", 6),
    M("luglio", 7),
    M("settembre", 9),
    M("ottobre", 10),
    M("dicembre", 12),
    M("gen", 1),
    M("mag", 5),
    M("giu", 6),
    M("lug", 7),
    M("ott", 10),
    /* Dutch, Swedish, Indonesian */
    M("januari", 1),
    M("februari", 2),
    M("maart", 3),
    M("mei", 5),
    M("augustus", 8),
    M("augusti", 8),
    M("maj", 5),
    M("maret", 3),
    M("juni", 6),
    M("agustus", 8),
    M("desember", 12),
    M("nopember", 11),
    M("mrt", 3),
    M("agu", 8),
    M("des", 12),
    /* Turkish */
    M("ocak", 1),
    M("\xC5\x9F\x75\x62\x61t", 2),
    M("mart", 3),
    M("nisan", 4),
    M("may\xC4\xB1s", 5),
    M("haziran", 6),
    M("temmuz", 7),
    M("a\xC4\x9Fustos", 8),
    M("eyl\xC3\xBCl", 9),
    M("ekim", 10),
    M("kas\xC4\xB1m", 11),
    M("aral\xC4\xB1k", 12),
    /* Polish (genitive) */
    M("stycznia", 1),
    M("lutego", 2),
    M("marca", 3),
    M("kwietnia", 4),
    M("maja", 5),
    M("czerwca", 6),
    M("lipca", 7),
    M("sierpnia", 8),
    M("wrze\xC5\x9Bnia", 9),
    M("pa\xC5\xBA\x64ziernika", 10),
    M("listopada", 11),
    M("grudnia", 12),
    /* Russian (genitive) */
    M("\xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F", 1),
    M("\xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8F", 2),
    M("\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0", 3),
    M("\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBB\xD1\x8F", 4),
    M("\xD0\xBC\xD0\xB0\xD1\x8F", 5),
    M("\xD0\xB8\xD1\x8E\xD0\xBD\xD1\x8F", 6),
    M("\xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F", 7),
    M("\xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82\xD0\xB0", 8),
    M("\xD1\x81\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 9),
    M("\xD0\xBE\xD0\xBA\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 10),
    M("\xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 11),
    M("\xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xB1\xD1\x80\xD1\x8F", 12),
};

static int is_alpha(char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Month name or abbreviation ("Nov", "Nov.", "Sept") at s; sets *len. Returns 1..12 or 0. */
static int month_at(const char *s, size_t n, size_t *len)
{
    size_t w = 0;
    while (w < n && is_alpha(s[w]))
        w++;
    if (w < 3 || w > 9)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t ml = strlen(months[m]);
        if (w == ml && strncasecmp(s, months[m], w) == 0) {
            *len = w;
            return m + 1;
        }
        if ((w == 3 || (w == 4 && m == 8)) && strncasecmp(s, months[m], w) == 0) {
            *len = w + (w < n && s[w] == '.');
            return m + 1;
        }
    }
    return 0;
}

static int num_at(const char *s, size_t n, int maxdig, size_t *len)
{
    size_t i = 0;
    int v = 0;
    while (i < n && is_digit(s[i]) && (int)i < maxdig)
        v = v * 10 + (s[i++] - '0');
    if (i == 0 || (i < n && is_digit(s[i])))
        return -1;
    *len = i;
    return v;
}

static int days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static int valid(int y, int m, int d)
{
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m);
}

static size_t skip_sep(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == ','))
        i++;
    return i;
}

/* The word at s (letters, ASCII or not) folded to lower case into out[cap] for the capitals
 * month names open on: ASCII, Latin-1's accented letters, Turkish Ş, Cyrillic. Returns its
 * byte length, or 0 when it does not fit. */
static size_t fold_word(const char *s, size_t n, char *out, size_t cap)
{
    size_t w = 0;
    while (w < n && (is_alpha(s[w]) || (unsigned char)s[w] >= 0x80)) {
        if (w >= cap)
            return 0;
        unsigned char c = (unsigned char)s[w];
        if (c < 0x80) {
            out[w] = (char)(c | 0x20);
            w++;
            continue;
        }
        if (w + 1 >= n || w + 1 >= cap)
            return 0;
        unsigned char d = (unsigned char)s[w + 1];
        if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97)
            d += 0x20; /* À..Þ */
        else if (c == 0xC5 && d == 0x9E)
            d = 0x9F; /* Ş */
        else if (c == 0xD0 && d >= 0x90 && d <= 0x9F)
            d += 0x20; /* А..П */
        else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF) {
            c = 0xD1; /* Р..Я */
            d -= 0x20;
        }
        out[w] = (char)c;
        out[w + 1] = (char)d;
        w += 2;
    }
    return w;
}

/* Does a year follow the word at j, past a period, spaces and commas, and a "de"
 * ("octubre de 2018")? A cheap test before foreign_month_at: most words after a figure are
 * no month ("15 mln dlrs"). */
static int year_follows(const char *s, size_t n, size_t j)
{
    size_t w = j;
    while (w < n && w < j + 24 && (is_alpha(s[w]) || (unsigned char)s[w] >= 0x80))
        w++;
    w = skip_sep(s, n, w + (w < n && s[w] == '.'));
    if (w + 3 < n && (s[w] | 0x20) == 'd' && (s[w + 1] | 0x20) == 'e' && s[w + 2] == ' ')
        w += 3;
    return w + 4 <= n && is_digit(s[w]) && is_digit(s[w + 1]) && is_digit(s[w + 2]) &&
           is_digit(s[w + 3]);
}

/* A month's name in another language at s (see foreign); sets *len. Returns 1..12 or 0. */
static int foreign_month_at(const char *s, size_t n, size_t *len)
{
    char f[24];
    size_t w = fold_word(s, n, f, sizeof f);
    if (w < 3)
        return 0;
    for (size_t k = 0; k < sizeof foreign / sizeof *foreign; k++)
        if (foreign[k].name[0] == f[0] && foreign[k].len == w && !memcmp(foreign[k].name, f, w)) {
            *len = w + (w < n && s[w] == '.');
            return foreign[k].m;
        }
    return 0;
}

/* A date in figures at i: day and month in either order, then a four-digit year, one
 * separator (/ . -) throughout. Returns its length or 0. */
static size_t numeric_date(const char *s, size_t n, size_t i, hd_date *out)
{
    size_t l1, l2, l3;
    int a = num_at(s + i, n - i, 2, &l1);
    if (a < 0 || i + l1 >= n || !(s[i + l1] == '/' || s[i + l1] == '.' || s[i + l1] == '-'))
        return 0;
    char sep = s[i + l1];
    size_t j = i + l1 + 1;
    int b = num_at(s + j, n - j, 2, &l2);
    if (b < 0 || j + l2 >= n || s[j + l2] != sep)
        return 0;
    j += l2 + 1;
    int yy = num_at(s + j, n - j, 4, &l3);
    if (yy < 0 || l3 != 4 || (j + l3 < n && (is_alpha(s[j + l3]) || s[j + l3] == sep)))
        return 0;
    /* day first or month first, whichever the figures allow; both: no date rather than a
     * guess (05/03/2005 is 5 March in London and 3 May in New York) */
    int dm = valid(yy, b, a), md = valid(yy, a, b);
    if ((dm && md && a != b) || (!dm && !md))
        return 0;
    *out = dm ? (hd_date){yy, b, a} : (hd_date){yy, a, b};
    return j + l3 - i;
}

/* Try each date shape at position i. Returns the match length or 0. */
static size_t date_at(const char *s, size_t n, size_t i, hd_date *out)
{
    size_t l1, l2, l3;
    /* ISO: 2022-11-27 or 2022/11/27 */
    int y = num_at(s + i, n - i, 4, &l1);
    if (y >= 0 && l1 == 4 && i + 10 <= n && (s[i + 4] == '-' || s[i + 4] == '/')) {
        int m = num_at(s + i + 5, n - i - 5, 2, &l2);
        if (m >= 0 && l2 == 2 && s[i + 7] == s[i + 4]) {
            int d = num_at(s + i + 8, n - i - 8, 2, &l3);
            if (d >= 0 && l3 == 2 && valid(y, m, d)) {
                *out = (hd_date){y, m, d};
                return 10;
            }
        }
        return 0;
    }
    /* Month D[,] YYYY ("Maret 30, 2015" too) */
    int m = month_at(s + i, n - i, &l1);
    if (!m && (is_alpha(s[i]) || (unsigned char)s[i] >= 0x80)) {
        size_t w = i; /* (no month's name is longer: a long run of letters is none) */
        while (w < n && w < i + 24 && (is_alpha(s[w]) || (unsigned char)s[w] >= 0x80))
            w++;
        /* a day of one or two figures, then the year: "Maret 30, 2015" */
        size_t j = skip_sep(s, n, w + (w < n && s[w] == '.')), d = j;
        while (d < n && d < j + 3 && is_digit(s[d]))
            d++;
        if (j > w && d > j && d < j + 3 && year_follows(s, n, d))
            m = foreign_month_at(s + i, n - i, &l1);
    }
    if (m) {
        size_t j = skip_sep(s, n, i + l1);
        int d = num_at(s + j, n - j, 2, &l2);
        if (d < 0)
            return 0;
        j += l2;
        if (j + 2 <= n && (strncasecmp(s + j, "st", 2) == 0 || strncasecmp(s + j, "nd", 2) == 0 ||
                           strncasecmp(s + j, "rd", 2) == 0 || strncasecmp(s + j, "th", 2) == 0))
            j += 2;
        j = skip_sep(s, n, j);
        int yy = num_at(s + j, n - j, 4, &l3);
        if (yy < 0 || l3 != 4 || !valid(yy, m, d))
            return 0;
        *out = (hd_date){yy, m, d};
        return j + l3 - i;
    }
    /* D Month YYYY, or all in figures: 27/11/2022, 11/27/2022, 27.11.2022 */
    int d = num_at(s + i, n - i, 2, &l1);
    size_t nl = numeric_date(s, n, i, out);
    if (nl)
        return nl;
    if (d >= 0) {
        size_t j = i + l1;
        if (j + 2 <= n && (strncasecmp(s + j, "st", 2) == 0 || strncasecmp(s + j, "nd", 2) == 0 ||
                           strncasecmp(s + j, "rd", 2) == 0 || strncasecmp(s + j, "th", 2) == 0))
            j += 2;
        int dot = j < n && s[j] == '.' && j + 1 < n && s[j + 1] == ' '; /* "30. Juli 2018" */
        j += dot;
        if (j >= n || (s[j] != ' ' && s[j] != '-'))
            return 0;
        j++;
        /* "3 of March", "22 de janeiro de 2018" */
        int de = j + 4 < n && strncasecmp(s + j, "de ", 3) == 0;
        if ((j + 4 < n && strncasecmp(s + j, "of ", 3) == 0) || de)
            j += 3;
        m = month_at(s + j, n - j, &l2);
        if (!m && year_follows(s, n, j))
            m = foreign_month_at(s + j, n - j, &l2);
        if (!m)
            return 0;
        j = skip_sep(s, n, j + l2);
        if (j < n && s[j] == '-')
            j++;
        else if (j + 3 < n && strncasecmp(s + j, "de ", 3) == 0)
            j += 3;
        int yy = num_at(s + j, n - j, 4, &l3);
        if (yy < 0 || l3 != 4 || !valid(yy, m, d))
            return 0;
        *out = (hd_date){yy, m, d};
        return j + l3 - i;
    }
    return 0;
}

int hd_date_find(const char *s, size_t n, hd_date *out, size_t *start, size_t *end)
{
    for (size_t i = 0; i < n; i++) {
        /* Only at word starts. */
        if (i > 0 && (is_alpha(s[i - 1]) || is_digit(s[i - 1])))
            continue;
        if (!is_alpha(s[i]) && !is_digit(s[i]))
            continue;
        size_t l = date_at(s, n, i, out);
        if (l) {
            if (start)
                *start = i;
            if (end)
                *end = i + l;
            return 1;
        }
    }
    return 0;
}

/* A clock time, "15:23" or "9:05". */
static int clock_at(const char *s, size_t n)
{
    size_t a, b;
    int h = num_at(s, n, 2, &a);
    if (h < 0 || h > 23 || a >= n || s[a] != ':')
        return 0;
    int m = num_at(s + a + 1, n - a - 1, 2, &b);
    return m >= 0 && m <= 59 && b == 2 && a + 1 + b == n;
}

int hd_date_fragment(const char *s, size_t n)
{
    /* two words, a comma after the first allowed */
    const char *sp = memchr(s, ' ', n);
    if (!sp || sp == s || memchr(sp + 1, ' ', n - (size_t)(sp + 1 - s)) || sp + 1 == s + n)
        return 0;
    size_t n1 = (size_t)(sp - s), n2 = n - n1 - 1;
    const char *w2 = sp + 1;
    if (s[n1 - 1] == ',')
        n1--;
    size_t l;
    int d;
    /* "November 20", "Nov. 20" */
    if (month_at(s, n1, &l) && l == n1 && (d = num_at(w2, n2, 2, &l)) >= 1 && d <= 31 && l == n2)
        return 1;
    /* "20 November" */
    if ((d = num_at(s, n1, 2, &l)) >= 1 && d <= 31 && l == n1 && month_at(w2, n2, &l) && l == n2)
        return 1;
    /* "15:23 2019", "2019 15:23" */
    int y;
    if (clock_at(s, n1) && (y = num_at(w2, n2, 4, &l)) >= 1900 && y <= 2099 && l == 4 && n2 == 4)
        return 1;
    return (y = num_at(s, n1, 4, &l)) >= 1900 && y <= 2099 && l == 4 && n1 == 4 && clock_at(w2, n2);
}

int hd_date_parse(const char *s, size_t n, hd_date *out)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    return hd_date_find(s, n, out, NULL, NULL);
}

void hd_date_format(const hd_date *d, char out[11])
{
    unsigned y = (unsigned)d->y % 10000u, m = (unsigned)d->m % 100u, dd = (unsigned)d->d % 100u;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + dd / 10);
    out[9] = (char)('0' + dd % 10);
    out[10] = '\0';
}
