// SPDX-License-Identifier: MIT
//
// xapian_driver.cc — Xapian peer for herald's benchmarks.
//
//   xapian_driver index CORPUS.jsonl DIR
//       Index every record's title + "\n" + text as one field with a TermGenerator,
//       Stem("english") (Snowball), STEM_ALL (every term stemmed, positions on the stems, so
//       phrase queries work on stems), no stopper; docid = the record's numeric id.  Built in
//       DIR/.build (DB_CREATE_OR_OVERWRITE | DB_NO_SYNC, default flush threshold), committed, then
//       compacted into DIR/xapian (the final merge); DIR/.build is removed.
//   xapian_driver query DIR QUERIES.txt [--warmup FILE] [-k K]
//       One QueryParser query a line (default op OR, FLAG_DEFAULT: AND/OR/NOT, "phrases",
//       +/-), same stemmer and strategy; ranking BM25Weight() defaults.  Latency is measured
//       around parse + get_mset(0, K) + reading the K docids.  Output as fts5_driver.
//   xapian_driver rank DIR TOPICS.tsv K TAG
//       TOPICS lines "qid<TAB>query"; prints a TREC run "qid Q0 docid rank weight TAG".
#include <xapian.h>

#include <sys/resource.h>

#include <filesystem>
#include <string>
#include <vector>

#include "jsonl.h"

static int cmd_index(const char *corpus, const std::string &dir)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        bj_die("%s: %s", dir.c_str(), ec.message().c_str());
    const std::string tmp = dir + "/.build", out = dir + "/xapian";
    std::filesystem::remove_all(tmp, ec);
    std::filesystem::remove_all(out, ec);
    long n = 0;
    double bytes = 0;
    try {
        Xapian::WritableDatabase db(tmp, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        Xapian::TermGenerator tg;
        tg.set_stemmer(Xapian::Stem("english"));
        tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
        bj_lines in;
        bj_lines_open(&in, corpus);
        bj_doc d = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
        long len;
        std::string body;
        while ((len = bj_lines_next(&in)) >= 0) {
            if (!bj_doc_parse(&d, in.buf, (size_t)len, in.lineno))
                continue;
            long long id = bj_doc_num(&d, in.lineno);
            body.assign(d.title.n ? d.title.p : "", d.title.n);
            body += '\n';
            body.append(d.text.n ? d.text.p : "", d.text.n);
            Xapian::Document doc;
            tg.set_document(doc);
            tg.index_text(body);
            db.replace_document((Xapian::docid)id, doc);
            n++;
            bytes += (double)(d.title.n + d.text.n);
        }
        bj_lines_close(&in);
        db.commit();
        db.close();
        Xapian::Database rd(tmp);
        rd.compact(out);
    } catch (const Xapian::Error &e) {
        bj_die("xapian: %s", e.get_description().c_str());
    }
    std::filesystem::remove_all(tmp, ec);
    fprintf(stderr, "xapian: indexed %ld docs, %.1f MB of title+text\n", n, bytes / 1e6);
    return 0;
}

struct Searcher {
    Xapian::Database db;
    Xapian::Enquire enq;
    Xapian::QueryParser qp;
    explicit Searcher(const std::string &dir) : db(dir + "/xapian"), enq(db)
    {
        qp.set_stemmer(Xapian::Stem("english"));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
        qp.set_default_op(Xapian::Query::OP_OR);
        qp.set_database(db);
        enq.set_weighting_scheme(Xapian::BM25Weight());
    }
    Xapian::MSet run(const std::string &q, int k)
    {
        enq.set_query(qp.parse_query(q, Xapian::QueryParser::FLAG_DEFAULT));
        return enq.get_mset(0, (Xapian::doccount)k);
    }
};

static void run_file(Searcher &s, const char *path, bool print, int k)
{
    bj_lines in;
    bj_lines_open(&in, path);
    long q = 0, len;
    std::vector<Xapian::docid> ids;
    while ((len = bj_lines_next(&in)) >= 0) {
        std::string err;
        ids.clear();
        double t0 = bj_now_ms();
        try {
            Xapian::MSet m = s.run(std::string(in.buf, (size_t)len), k);
            for (Xapian::MSetIterator it = m.begin(); it != m.end(); ++it)
                ids.push_back(*it);
        } catch (const Xapian::Error &e) {
            err = e.get_description();
        }
        double ms = bj_now_ms() - t0;
        if (print) {
            printf("{\"q\":%ld,\"ms\":%.4f,\"n\":%zu,\"ids\":[", q, ms, ids.size());
            for (size_t i = 0; i < ids.size(); i++)
                printf(i ? ",%u" : "%u", ids[i]);
            printf("]");
            if (!err.empty()) {
                printf(",\"error\":");
                bj_print_json_string(stdout, err.c_str());
            }
            printf("}\n");
        }
        q++;
    }
    bj_lines_close(&in);
}

static int cmd_query(int argc, char **argv)
{
    const char *dir = nullptr, *qfile = nullptr, *warm = nullptr;
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
    if (!dir || !qfile || k < 1)
        bj_die("usage: xapian_driver query DIR QUERIES.txt [--warmup FILE] [-k K]");
    try {
        Searcher s(dir);
        if (warm)
            run_file(s, warm, false, k);
        run_file(s, qfile, true, k);
    } catch (const Xapian::Error &e) {
        bj_die("xapian: %s", e.get_description().c_str());
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("{\"summary\":1,\"rss_kb\":%ld}\n", ru.ru_maxrss);
    return 0;
}

static int cmd_rank(const char *dir, const char *topics, int k, const char *tag)
{
    try {
        Searcher s(dir);
        bj_lines in;
        bj_lines_open(&in, topics);
        long len;
        while ((len = bj_lines_next(&in)) >= 0) {
            char *tab = strchr(in.buf, '\t');
            if (!tab)
                bj_die("%s:%ld: expected qid<TAB>query", topics, in.lineno);
            *tab = 0;
            Xapian::MSet m = s.run(tab + 1, k);
            int rank = 0;
            for (Xapian::MSetIterator it = m.begin(); it != m.end(); ++it)
                printf("%s Q0 %u %d %.6f %s\n", in.buf, *it, ++rank, it.get_weight(), tag);
        }
        bj_lines_close(&in);
    } catch (const Xapian::Error &e) {
        bj_die("xapian: %s", e.get_description().c_str());
    }
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
            "usage: xapian_driver index CORPUS.jsonl DIR\n"
            "       xapian_driver query DIR QUERIES.txt [--warmup FILE] [-k K]\n"
            "       xapian_driver rank DIR TOPICS.tsv K TAG\n"
            "Xapian %s\n",
            Xapian::version_string());
    return 2;
}
