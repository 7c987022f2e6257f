/* SPDX-License-Identifier: MIT
 *
 * fts5_driver.c — SQLite FTS5 peer for herald's benchmarks.
 *
 *   fts5_driver index CORPUS.jsonl DIR
 *       Index every record's title + "\n" + text as ONE column of a contentless FTS5 table
 *       (content='', so no copy of the text is kept), tokenize='porter unicode61', with
 *       rowid = the record's numeric id.  journal_mode=OFF, synchronous=OFF, one transaction,
 *       then the 'optimize' command (final merge into one b-tree segment).  DIR/fts5.db.
 *   fts5_driver query DIR QUERIES.txt [--warmup FILE] [-k K]
 *       One FTS5 MATCH expression a line.  Each query's in-process latency is measured around
 *       bind + sqlite3_step until K rows (ORDER BY rank = bm25(), LIMIT K) + reading the rowids,
 *       i.e. query parse + top-K + ids; the SELECT statement itself is prepared once.
 *       Prints one JSON object a line: {"q":N,"ms":T,"n":HITS,"ids":[...]} (or "error"), then
 *       {"summary":1,"queries":N,"rss_kb":MAXRSS}.  Warm-up queries are run first, not printed.
 *   fts5_driver rank DIR TOPICS.tsv K TAG
 *       TOPICS lines "qid<TAB>match expression"; prints a TREC run "qid Q0 docid rank score TAG",
 *       score = -bm25() (larger is better), at most K lines per topic.
 */
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jsonl.h"

static sqlite3 *open_db(const char *dir, int create)
{
    char path[4096];
    if (create && mkdir(dir, 0755) && errno != EEXIST)
        bj_die("%s: %s", dir, strerror(errno));
    snprintf(path, sizeof path, "%s/fts5.db", dir);
    if (create)
        unlink(path);
    sqlite3 *db;
    int flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK)
        bj_die("%s: %s", path, sqlite3_errmsg(db));
    return db;
}

static void exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        bj_die("%s: %s", sql, msg ? msg : "?");
}

static int cmd_index(const char *corpus, const char *dir)
{
    sqlite3 *db = open_db(dir, 1);
    exec(db, "PRAGMA journal_mode=OFF");
    exec(db, "PRAGMA synchronous=OFF");
    exec(db, "CREATE VIRTUAL TABLE docs USING fts5(body, content='', tokenize='porter unicode61')");
    exec(db, "BEGIN");
    sqlite3_stmt *ins;
    if (sqlite3_prepare_v2(db, "INSERT INTO docs(rowid, body) VALUES(?1, ?2)", -1, &ins, NULL))
        bj_die("prepare: %s", sqlite3_errmsg(db));
    bj_lines in;
    bj_lines_open(&in, corpus);
    bj_doc d = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
    bj_str body = {0, 0, 0};
    long n = 0;
    double bytes = 0;
    long len;
    while ((len = bj_lines_next(&in)) >= 0) {
        if (!bj_doc_parse(&d, in.buf, (size_t)len, in.lineno))
            continue;
        long long id = bj_doc_num(&d, in.lineno);
        body.n = 0;
        bj_put(&body, d.title.n ? d.title.p : "", d.title.n);
        bj_putc(&body, '\n');
        bj_put(&body, d.text.n ? d.text.p : "", d.text.n);
        sqlite3_bind_int64(ins, 1, id);
        sqlite3_bind_text(ins, 2, body.p, (int)body.n, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE)
            bj_die("line %ld: insert: %s", in.lineno, sqlite3_errmsg(db));
        sqlite3_reset(ins);
        n++;
        bytes += (double)(d.title.n + d.text.n);
    }
    sqlite3_finalize(ins);
    exec(db, "COMMIT");
    exec(db, "INSERT INTO docs(docs) VALUES('optimize')");
    if (sqlite3_close(db) != SQLITE_OK)
        bj_die("close failed");
    bj_lines_close(&in);
    fprintf(stderr, "fts5: indexed %ld docs, %.1f MB of title+text\n", n, bytes / 1e6);
    return 0;
}

static void run_file(sqlite3 *db, sqlite3_stmt *st, const char *path, int print, int k)
{
    bj_lines in;
    bj_lines_open(&in, path);
    long q = 0, len;
    long long ids[1024];
    while ((len = bj_lines_next(&in)) >= 0) {
        int n = 0, rc;
        double t0 = bj_now_ms();
        sqlite3_bind_text(st, 1, in.buf, (int)len, SQLITE_STATIC);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < k)
            ids[n++] = sqlite3_column_int64(st, 0);
        double ms = bj_now_ms() - t0;
        const char *err = rc == SQLITE_ROW || rc == SQLITE_DONE ? NULL : sqlite3_errmsg(db);
        if (print) {
            printf("{\"q\":%ld,\"ms\":%.4f,\"n\":%d,\"ids\":[", q, ms, n);
            for (int i = 0; i < n; i++)
                printf(i ? ",%lld" : "%lld", ids[i]);
            printf("]");
            if (err) {
                printf(",\"error\":");
                bj_print_json_string(stdout, err);
            }
            printf("}\n");
        }
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        q++;
    }
    bj_lines_close(&in);
}

static long maxrss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static int cmd_query(int argc, char **argv)
{
    const char *dir = NULL, *qfile = NULL, *warm = NULL;
    int k = 10;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--warmup") && i + 1 < argc)
            warm = argv[++i];
        else if (!strcmp(argv[i], "-k") && i + 1 < argc)
            k = atoi(argv[++i]);
        else if (!dir)
            dir = argv[i];
        else if (!qfile)
            qfile = argv[i];
        else
            bj_die("query: unexpected argument %s", argv[i]);
    }
    if (!dir || !qfile || k < 1 || k > 1024)
        bj_die("usage: fts5_driver query DIR QUERIES.txt [--warmup FILE] [-k K<=1024]");
    sqlite3 *db = open_db(dir, 0);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT rowid FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT %d",
             k);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL))
        bj_die("prepare: %s", sqlite3_errmsg(db));
    if (warm)
        run_file(db, st, warm, 0, k);
    run_file(db, st, qfile, 1, k);
    sqlite3_finalize(st);
    sqlite3_close(db);
    printf("{\"summary\":1,\"rss_kb\":%ld}\n", maxrss_kb());
    return 0;
}

static int cmd_rank(const char *dir, const char *topics, int k, const char *tag)
{
    sqlite3 *db = open_db(dir, 0);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT rowid, bm25(docs) FROM docs WHERE docs MATCH ?1 "
                           "ORDER BY rank LIMIT ?2",
                           -1, &st, NULL))
        bj_die("prepare: %s", sqlite3_errmsg(db));
    bj_lines in;
    bj_lines_open(&in, topics);
    long len;
    while ((len = bj_lines_next(&in)) >= 0) {
        char *tab = strchr(in.buf, '\t');
        if (!tab)
            bj_die("%s:%ld: expected qid<TAB>query", topics, in.lineno);
        *tab = 0;
        const char *expr = tab + 1;
        if (!*expr)
            continue;
        sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, k);
        int rank = 0, rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            printf("%s Q0 %lld %d %.6f %s\n", in.buf, (long long)sqlite3_column_int64(st, 0),
                   ++rank, -sqlite3_column_double(st, 1), tag);
        if (rc != SQLITE_DONE)
            fprintf(stderr, "fts5: query %s: %s\n", in.buf, sqlite3_errmsg(db));
        sqlite3_reset(st);
    }
    bj_lines_close(&in);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "index"))
        return cmd_index(argv[2], argv[3]);
    if (argc >= 4 && !strcmp(argv[1], "query"))
        return cmd_query(argc - 2, argv + 2);
    if (argc == 6 && !strcmp(argv[1], "rank"))
        return cmd_rank(argv[2], argv[3], atoi(argv[4]), argv[5]);
    fprintf(stderr,
            "usage: fts5_driver index CORPUS.jsonl DIR\n"
            "       fts5_driver query DIR QUERIES.txt [--warmup FILE] [-k K]\n"
            "       fts5_driver rank DIR TOPICS.tsv K TAG\n"
            "SQLite %s\n",
            sqlite3_libversion());
    return 2;
}
