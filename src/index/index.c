/* SPDX-License-Identifier: MIT
 *
 * index.c — the public index handle (include/herald.h, "Index"): open/create with the write
 * lock, add/replace/delete by id, commit (new segment, deletion files, merges, manifest),
 * optimize, stats. Callers: src/cli, src/lib, src/search (hd_index_reader).
 *
 * Commit order, which makes kill -9 safe: every new file (segment, deletion bitset) is written
 * under a fresh name and fsynced; the directory is fsynced; only then is MANIFEST replaced
 * atomically. Files no manifest names any more are removed after the commit (and at the next
 * writer open, for leftovers of a crashed writer). Readers open MANIFEST and mmap what it
 * names, so a writer never changes a file a reader uses.
 *
 * The merge policy, which picks the segments a commit merges, is in merge_policy.c.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/err.h"
#include "base/fs.h"
#include "base/mem.h"
#include "index/codec.h"
#include "index/seg.h"

#define DEFAULT_BUDGET ((size_t)256 << 20)

struct hd_index {
    char *dir;
    int writable;
    int lock_fd;
    hd_analyzer *an;
    hd_ixr *r;     /* snapshot of the last commit */
    hd_manifest m; /* the last commit's manifest (writer) */
    hd_segw *w;    /* buffered documents, or NULL */
    hd_buf pend;   /* ids to delete from committed segments, NUL-separated */
    size_t n_pend;
    hd_buf trims; /* pages that shrank: base NUL, u32 n_articles (hd_index_trim_page) */
    size_t n_trims;
    size_t budget;
    uint64_t n_ops;   /* adds and deletes since the last commit */
    hd_manifest prep; /* hd_index_prepare_commit's commit, written but not published */
    int prepared;
};

#define PREPARED_MSG "a prepared commit waits for hd_index_commit"

const hd_ixr *hd_index_reader(const hd_index *ix)
{
    return ix->r;
}

hd_analyzer *hd_index_analyzer(hd_index *ix)
{
    return ix->an;
}

static hd_rc take_lock(hd_index *ix, hd_err *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", ix->dir, HD_LOCK_NAME);
    ix->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (ix->lock_fd < 0)
        return hd_err_sys(err, HD_EIO, path, "cannot open the lock file");
    if (flock(ix->lock_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            return hd_err_setw(err, HD_ELOCKED, ix->dir,
                               "another herald process is writing to this index (%s is locked)",
                               path);
        return hd_err_sys(err, HD_EIO, path, "cannot lock");
    }
    return HD_OK;
}

/* Is name one of the files the manifest m refers to? */
static int referenced(const hd_manifest *m, const char *name)
{
    char buf[64];
    for (size_t i = 0; i < m->n_segs; i++) {
        hd_seg_filename(buf, m->segs[i].id);
        if (!strcmp(buf, name))
            return 1;
        if (m->segs[i].del_gen) {
            hd_del_filename(buf, m->segs[i].id, m->segs[i].del_gen);
            if (!strcmp(buf, name))
                return 1;
        }
    }
    return 0;
}

/* Remove files of ours that the current manifest does not name (best effort). */
static void cleanup(hd_index *ix)
{
    DIR *d = opendir(ix->dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d))) {
        const char *n = de->d_name;
        int ours = !strncmp(n, "seg_", 4) || !strcmp(n, HD_MANIFEST_NAME ".tmp");
        if (ours && !referenced(&ix->m, n)) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", ix->dir, n);
            unlink(path);
        }
    }
    closedir(d);
}

hd_rc hd_index_open(const char *dir, const hd_index_opts *opts, hd_index **out, hd_err *err)
{
    *out = NULL;
    if (!dir || !*dir)
        return hd_err_set(err, HD_EINVAL, "no index directory given");
    hd_index *ix = hd_new0(hd_index, 1);
    if (!ix || !(ix->dir = hd_strdup(dir))) {
        hd_free(ix);
        return hd_err_set(err, HD_ENOMEM, "out of memory opening the index");
    }
    ix->lock_fd = -1;
    hd_buf_init(&ix->pend);
    hd_buf_init(&ix->trims);
    int create = opts && opts->create;
    ix->writable = opts && (opts->writable || create);
    ix->budget = opts && opts->mem_budget ? opts->mem_budget : DEFAULT_BUDGET;
    hd_rc rc;
    if (create && mkdir(dir, 0755) != 0 && errno != EEXIST) {
        rc = hd_err_sys(err, HD_EIO, dir, "cannot create the index directory");
        goto fail;
    }
    if (ix->writable && (rc = take_lock(ix, err)))
        goto fail;
    if (ix->writable) {
        hd_err e2 = {0};
        rc = hd_manifest_read(dir, &ix->m, &e2);
        if (rc == HD_ENOTFOUND && create) {
            const char *lang = opts->language && *opts->language ? opts->language : "english";
            if (strlen(lang) >= sizeof ix->m.language) {
                rc = hd_err_set(err, HD_EINVAL, "language name too long");
                goto fail;
            }
            hd_analyzer *probe;
            if ((rc = hd_analyzer_new(lang, &probe, err)))
                goto fail;
            hd_analyzer_free(probe);
            memset(&ix->m, 0, sizeof ix->m);
            ix->m.next_seg_id = 1;
            strcpy(ix->m.language, lang);
            if ((rc = hd_manifest_write(dir, &ix->m, err)))
                goto fail;
        } else if (rc) {
            if (err && !err->code)
                *err = e2;
            goto fail;
        }
        if ((rc = hd_ixr_open_manifest(dir, &ix->m, 1, &ix->r, err)))
            goto fail;
        cleanup(ix);
    } else {
        if ((rc = hd_ixr_open(dir, &ix->r, err)))
            goto fail;
    }
    if ((rc = hd_analyzer_new(ix->r->language, &ix->an, err)))
        goto fail;
    *out = ix;
    return HD_OK;
fail:
    hd_index_close(ix);
    return rc;
}

void hd_index_close(hd_index *ix)
{
    if (!ix)
        return;
    hd_segw_free(ix->w);
    hd_ixr_free(ix->r);
    hd_analyzer_free(ix->an);
    hd_manifest_done(&ix->m);
    hd_manifest_done(&ix->prep); /* its files go at the next writer open */
    hd_buf_done(&ix->pend);
    hd_buf_done(&ix->trims);
    if (ix->lock_fd >= 0)
        close(ix->lock_fd); /* releases the flock */
    hd_free(ix->dir);
    hd_free(ix);
}

static hd_rc add_doc(hd_index *ix, const hd_doc *doc, const hd_doc_tokens *toks, hd_err *err)
{
    if (!ix || !doc)
        return hd_err_set(err, HD_EINVAL, "no index or document");
    if (!ix->writable)
        return hd_err_set(err, HD_EINVAL, "index opened read-only");
    if (!doc->id || !*doc->id)
        return hd_err_set(err, HD_EINVAL, "document without an id");
    if (ix->prepared)
        return hd_err_set(err, HD_EINVAL, PREPARED_MSG);
    hd_rc rc;
    if (!ix->w && (rc = hd_segw_new(ix->an, &ix->w, err)))
        return rc;
    if ((rc = hd_segw_add(ix->w, doc, toks, err)))
        return rc;
    if (ix->m.n_segs) {
        hd_buf_add(&ix->pend, doc->id, strlen(doc->id) + 1);
        ix->n_pend++;
        if ((rc = hd_buf_status(&ix->pend, err)))
            return rc;
    }
    ix->n_ops++;
    if (hd_segw_mem(ix->w) + ix->pend.cap > ix->budget)
        return hd_index_commit(ix, err);
    return HD_OK;
}

hd_rc hd_index_add(hd_index *ix, const hd_doc *doc, hd_err *err)
{
    return add_doc(ix, doc, NULL, err);
}

hd_rc hd_index_add_tokens(hd_index *ix, const hd_doc *doc, const hd_doc_tokens *toks, hd_err *err)
{
    if (!toks)
        return hd_err_set(err, HD_EINVAL, "no analysed tokens");
    return add_doc(ix, doc, toks, err);
}

const char *hd_index_language(const hd_index *ix)
{
    return ix && ix->r ? ix->r->language : "";
}

hd_rc hd_index_add_article(hd_index *ix, const hd_article *a, hd_err *err)
{
    if (!a)
        return hd_err_set(err, HD_EINVAL, "no article");
    const char *sp[64];
    size_t n = 0;
    for (size_t i = 0; i < a->n_statements && n < 64; i++) {
        const char *s = a->statements[i].speaker;
        if (!s || !*s)
            continue;
        size_t j = 0;
        while (j < n && strcmp(sp[j], s))
            j++;
        if (j == n)
            sp[n++] = s;
    }
    hd_doc d = {.id = a->id,
                .url = a->url,
                .source = a->source,
                .date = a->date,
                .seq = a->seq,
                .title = a->title,
                .body = a->body,
                .body_len = a->body_len,
                .speakers = sp,
                .n_speakers = n};
    return hd_index_add(ix, &d, err);
}

hd_rc hd_index_trim_page(hd_index *ix, const char *base, uint32_t n_articles, hd_err *err)
{
    if (!ix || !base)
        return hd_err_set(err, HD_EINVAL, "no index or page");
    if (!ix->writable)
        return hd_err_set(err, HD_EINVAL, "index opened read-only");
    if (ix->prepared)
        return hd_err_set(err, HD_EINVAL, PREPARED_MSG);
    if (!ix->m.n_segs)
        return HD_OK; /* nothing committed: nothing stale */
    hd_buf_add(&ix->trims, base, strlen(base) + 1);
    hd_buf_add(&ix->trims, &n_articles, 4);
    ix->n_trims++;
    return hd_buf_status(&ix->trims, err);
}

hd_rc hd_index_delete(hd_index *ix, const char *id, hd_err *err)
{
    if (!ix || !id)
        return hd_err_set(err, HD_EINVAL, "no index or id");
    if (!ix->writable)
        return hd_err_set(err, HD_EINVAL, "index opened read-only");
    if (ix->prepared)
        return hd_err_set(err, HD_EINVAL, PREPARED_MSG);
    if (ix->w)
        hd_segw_delete_id(ix->w, id, strlen(id));
    if (ix->m.n_segs) {
        hd_buf_add(&ix->pend, id, strlen(id) + 1);
        ix->n_pend++;
    }
    ix->n_ops++;
    return hd_buf_status(&ix->pend, err);
}

/* ---- Commit ------------------------------------------------------------------------------ */

/* Write w as segment nm->next_seg_id (plus its deletion file) and append it to nm. */
static hd_rc add_segment(hd_index *ix, hd_manifest *nm, hd_segw *w, hd_err *err)
{
    if (hd_segw_n_docs(w) == 0 || hd_segw_n_docs(w) == hd_segw_n_deleted(w))
        return HD_OK;
    uint64_t id = nm->next_seg_id;
    char name[64];
    hd_seg_filename(name, id);
    uint8_t *bits = NULL;
    uint64_t size;
    hd_rc rc = hd_segw_write(w, ix->dir, name, &bits, &size, err);
    if (rc)
        return rc;
    hd_manifest_seg ms = {
        .id = id, .max_doc = hd_segw_n_docs(w), .n_deleted = hd_segw_n_deleted(w)};
    if (bits) {
        ms.del_gen = nm->gen;
        rc = hd_del_write(ix->dir, id, nm->gen, bits, ms.max_doc, ms.n_deleted, err);
        hd_free(bits);
        if (rc)
            return rc;
    }
    nm->next_seg_id++;
    nm->segs[nm->n_segs++] = ms;
    return HD_OK;
}

/* Mark the docs of a term deleted in bits (counting new ones in *n_del). */
static hd_rc mark_term(const hd_seg *s, const hd_terminfo *ti, uint8_t *bits, uint32_t *n_del,
                       hd_err *err)
{
    hd_postings p;
    hd_rc rc = hd_postings_open(&p, s, ti, 0, err);
    if (rc)
        return rc;
    while ((rc = hd_postings_next(&p)) == HD_OK) {
        if (!(bits[p.doc >> 3] >> (p.doc & 7) & 1)) {
            bits[p.doc >> 3] |= (uint8_t)(1u << (p.doc & 7));
            (*n_del)++;
        }
    }
    return rc == HD_DONE ? HD_OK : hd_err_setw(err, rc, s->name, "damaged id postings");
}

typedef struct trim_ctx {
    const hd_seg *s;
    size_t base_len; /* prefix "base#" length */
    uint32_t n;      /* articles the page has now */
    uint8_t *bits;
    uint32_t *n_del;
    hd_rc rc;
    hd_err *err;
} trim_ctx;

/* An id "base#k": delete it when k >= n (digits only after the '#'). */
static int on_trim_term(void *ud, const char *term, size_t len, const hd_terminfo *ti)
{
    trim_ctx *c = ud;
    uint64_t k = 0;
    if (len == c->base_len || len - c->base_len > 9)
        return 0;
    for (size_t i = c->base_len; i < len; i++) {
        if (term[i] < '0' || term[i] > '9')
            return 0;
        k = k * 10 + (uint64_t)(term[i] - '0');
    }
    if (k < c->n)
        return 0;
    c->rc = mark_term(c->s, ti, c->bits, c->n_del, c->err);
    return c->rc != HD_OK;
}

/* Apply pending deletions (by id, and trimmed pages) to the committed segments, writing new
 * deletion files. */
static hd_rc apply_deletes(hd_index *ix, hd_manifest *nm, hd_err *err)
{
    if (!ix->n_pend && !ix->n_trims)
        return HD_OK;
    size_t nb_max = 0;
    for (size_t i = 0; i < ix->r->n_segs; i++)
        if (((size_t)ix->r->segs[i].max_doc + 7) / 8 > nb_max)
            nb_max = ((size_t)ix->r->segs[i].max_doc + 7) / 8;
    uint8_t *bits = hd_malloc(nb_max ? nb_max : 1);
    if (!bits)
        return hd_err_set(err, HD_ENOMEM, "out of memory applying deletions");
    hd_rc rc = HD_OK;
    for (size_t i = 0; i < ix->r->n_segs && !rc; i++) {
        const hd_seg *s = &ix->r->segs[i];
        size_t nb = ((size_t)s->max_doc + 7) / 8;
        if (s->del)
            memcpy(bits, s->del, nb);
        else
            memset(bits, 0, nb);
        uint32_t n_del = s->n_deleted, before = n_del;
        const char *id = ix->pend.p;
        for (size_t k = 0; k < ix->n_pend && !rc; k++) {
            size_t len = strlen(id);
            uint8_t key[HD_MAX_TERM + 16];
            size_t kn = hd_id_key(id, len, key);
            id += len + 1;
            hd_terminfo ti;
            rc = hd_seg_term(s, HD_FIELD_ID, (const char *)key + 1, kn - 1, &ti, err);
            if (rc == HD_ENOTFOUND) {
                rc = HD_OK;
                continue;
            }
            if (!rc)
                rc = mark_term(s, &ti, bits, &n_del, err);
        }
        const char *t = ix->trims.p;
        for (size_t k = 0; k < ix->n_trims && !rc; k++) {
            size_t len = strlen(t);
            uint32_t n;
            memcpy(&n, t + len + 1, 4);
            char prefix[HD_MAX_TERM + 2];
            if (len + 1 <= HD_MAX_TERM) { /* longer ids are hashed: no prefix to follow */
                memcpy(prefix, t, len);
                prefix[len] = '#';
                trim_ctx c = {
                    .s = s, .base_len = len + 1, .n = n, .bits = bits, .n_del = &n_del, .err = err};
                rc = hd_seg_terms_prefix(s, HD_FIELD_ID, prefix, len + 1, SIZE_MAX, on_trim_term,
                                         &c, err);
                if (!rc)
                    rc = c.rc;
            }
            t += len + 5;
        }
        if (!rc && n_del != before) {
            rc = hd_del_write(ix->dir, s->id, nm->gen, bits, s->max_doc, n_del, err);
            nm->segs[i].del_gen = nm->gen;
            nm->segs[i].n_deleted = n_del;
        }
    }
    hd_free(bits);
    return rc;
}

/* Make nm the current commit: fsync the directory, replace MANIFEST, reopen the snapshot,
 * remove files no longer named. nm is moved into ix on success. */
static hd_rc publish(hd_index *ix, hd_manifest *nm, hd_err *err)
{
    hd_rc rc = hd_fs_sync_dir(ix->dir, err);
    if (!rc)
        rc = hd_manifest_write(ix->dir, nm, err);
    if (rc)
        return rc;
    hd_manifest_done(&ix->m);
    ix->m = *nm;
    memset(nm, 0, sizeof *nm);
    hd_ixr *nr;
    rc = hd_ixr_open_manifest(ix->dir, &ix->m, 0, &nr, err);
    if (rc)
        return rc;
    hd_ixr_free(ix->r);
    ix->r = nr;
    cleanup(ix);
    return HD_OK;
}

/* Forget the changes since the last commit. */
static void drop_changes(hd_index *ix)
{
    hd_segw_free(ix->w);
    ix->w = NULL;
    hd_buf_clear(&ix->pend);
    ix->n_pend = 0;
    hd_buf_clear(&ix->trims);
    ix->n_trims = 0;
    ix->n_ops = 0;
}

/* Write the buffered changes and the merges they call for, then publish them, or with
 * !publish_now keep the new manifest in ix->prep for hd_index_commit. */
static hd_rc commit_impl(hd_index *ix, int merge_all, int publish_now, hd_err *err)
{
    if (!ix || !ix->writable)
        return hd_err_set(err, HD_EINVAL, "index not opened for writing");
    /* The deletions buffered with the documents go too: they are mostly older copies of those
     * documents, which must not be deleted without their replacements. */
    if (ix->w && hd_segw_broken(ix->w)) {
        drop_changes(ix);
        return hd_err_set(err, HD_ENOMEM,
                          "out of memory while adding a document: the changes since the last "
                          "commit were dropped (the index keeps that commit)");
    }
    int has_docs = ix->w && hd_segw_n_docs(ix->w) > hd_segw_n_deleted(ix->w);
    if (!has_docs && !ix->n_pend && !ix->n_trims && !merge_all) {
        hd_segw_free(ix->w);
        ix->w = NULL;
        ix->n_ops = 0;
        return HD_OK;
    }
    hd_manifest nm = ix->m;
    nm.gen = ix->m.gen + 1;
    nm.segs = hd_new(hd_manifest_seg, ix->m.n_segs + 2);
    if (!nm.segs)
        return hd_err_set(err, HD_ENOMEM, "out of memory committing");
    if (ix->m.n_segs)
        memcpy(nm.segs, ix->m.segs, ix->m.n_segs * sizeof *nm.segs);
    hd_rc rc = apply_deletes(ix, &nm, err);
    if (!rc && ix->w)
        rc = add_segment(ix, &nm, ix->w, err);
    /* Drop segments with no live document left. */
    size_t k = 0;
    for (size_t i = 0; i < nm.n_segs; i++)
        if (nm.segs[i].n_deleted < nm.segs[i].max_doc)
            nm.segs[k++] = nm.segs[i];
    nm.n_segs = k;
    if (!rc)
        rc = hd_merge_policy_run(ix->dir, ix->an, &nm, merge_all, err);
    if (!rc && publish_now) {
        rc = publish(ix, &nm, err);
    } else if (!rc) {
        ix->prep = nm;
        ix->prepared = 1;
        memset(&nm, 0, sizeof nm);
    }
    hd_manifest_done(&nm);
    if (rc)
        return rc; /* the previous commit stays; buffered changes are kept for a retry */
    drop_changes(ix);
    return HD_OK;
}

hd_rc hd_index_prepare_commit(hd_index *ix, hd_err *err)
{
    if (ix && ix->prepared)
        return HD_OK; /* no change can have come since */
    return commit_impl(ix, 0, 0, err);
}

hd_rc hd_index_commit(hd_index *ix, hd_err *err)
{
    if (!ix || !ix->prepared)
        return commit_impl(ix, 0, 1, err);
    hd_rc rc = publish(ix, &ix->prep, err);
    if (rc && ix->prep.segs)
        return rc; /* MANIFEST not replaced: kept for a retry */
    hd_manifest_done(&ix->prep);
    ix->prepared = 0;
    return rc;
}

hd_rc hd_index_optimize(hd_index *ix, hd_err *err)
{
    hd_rc rc = hd_index_commit(ix, err);
    if (rc)
        return rc;
    if (ix->m.n_segs < 2 && (ix->m.n_segs == 0 || ix->m.segs[0].n_deleted == 0))
        return HD_OK; /* already one segment without deletions */
    return commit_impl(ix, 1, 1, err);
}

hd_rc hd_index_stats_get(hd_index *ix, hd_index_stats *out, hd_err *err)
{
    memset(out, 0, sizeof *out);
    if (!ix)
        return hd_err_set(err, HD_EINVAL, "no index");
    const hd_ixr *r = ix->r;
    out->n_docs = r->n_docs;
    out->n_deleted = r->max_doc - r->n_docs;
    out->n_segments = r->n_segs;
    out->generation = r->gen;
    out->n_pending = ix->n_ops;
    snprintf(out->language, sizeof out->language, "%s", r->language);
    for (size_t i = 0; i < r->n_segs; i++) {
        out->n_terms += r->segs[i].meta[M_N_TERMS];
        out->size_bytes += r->segs[i].size;
        if (r->segs[i].del)
            out->size_bytes += 8 + HD_TRAILER_LEN + ((size_t)r->segs[i].max_doc + 7) / 8;
    }
    char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", ix->dir, HD_MANIFEST_NAME);
    if (stat(path, &st) == 0)
        out->size_bytes += (uint64_t)st.st_size;
    return HD_OK;
}
