/* SPDX-License-Identifier: MIT
 *
 * commit.c — the manifest and the deletion files. Callers: index.c (commit), seg_reader.c
 * (open a snapshot), check.c.
 *
 * "MANIFEST" names the segments of the last commit. It is replaced atomically (written to
 * MANIFEST.tmp, fsynced, renamed over MANIFEST, directory fsynced) after every file it names
 * has been fsynced, so a crash leaves either the old or the new commit. Layout (little-endian):
 *   u64 generation, u64 next segment id, u8 language length, language bytes, u32 n_segments,
 *   per segment: u64 id, u32 max_doc, u32 n_deleted, u64 deletion generation (0 = none),
 *   trailer (u32 "HDMF", u32 version, u64 xxh64).
 *
 * "seg_<id>_<gen>.del" holds a segment's deleted docs as of commit <gen>: u32 max_doc,
 * u32 n_deleted, (max_doc + 7) / 8 bytes of bitset (bit d of byte d/8 set = doc d deleted),
 * trailer (u32 "HDEL", ...). A new generation is written whenever deletions change, so files
 * named by an older manifest stay valid for readers still using it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "base/fs.h"
#include "base/mem.h"
#include "index/codec.h"
#include "index/seg.h"

void hd_seg_filename(char out[64], uint64_t id)
{
    snprintf(out, 64, "seg_%llu.hds", (unsigned long long)id);
}

void hd_del_filename(char out[64], uint64_t id, uint64_t gen)
{
    snprintf(out, 64, "seg_%llu_%llu.del", (unsigned long long)id, (unsigned long long)gen);
}

hd_rc hd_file_write_sync(const char *dir, const char *name, const void *data, size_t len,
                         hd_err *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return hd_err_sys(err, HD_EIO, path, "cannot create");
    const char *p = data;
    while (len) {
        ssize_t k = write(fd, p, len);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            hd_rc rc = hd_err_sys(err, HD_EIO, path, "cannot write");
            close(fd);
            unlink(path);
            return rc;
        }
        p += k;
        len -= (size_t)k;
    }
    if (fsync(fd) != 0) {
        hd_rc rc = hd_err_sys(err, HD_EIO, path, "cannot fsync");
        close(fd);
        unlink(path);
        return rc;
    }
    if (close(fd) != 0) {
        hd_rc rc = hd_err_sys(err, HD_EIO, path, "cannot close");
        unlink(path);
        return rc;
    }
    return HD_OK;
}

hd_rc hd_del_write(const char *dir, uint64_t id, uint64_t gen, const uint8_t *bits,
                   uint32_t max_doc, uint32_t n_deleted, hd_err *err)
{
    char name[64];
    hd_del_filename(name, id, gen);
    hd_buf b;
    hd_buf_init(&b);
    hd_buf_u32(&b, max_doc);
    hd_buf_u32(&b, n_deleted);
    hd_buf_add(&b, bits, ((size_t)max_doc + 7) / 8);
    hd_trailer_add(&b, HD_MAGIC_DEL);
    hd_rc rc = hd_buf_status(&b, err);
    if (!rc)
        rc = hd_file_write_sync(dir, name, b.p, b.len, err);
    hd_buf_done(&b);
    return rc;
}

hd_rc hd_manifest_write(const char *dir, const hd_manifest *m, hd_err *err)
{
    hd_buf b;
    hd_buf_init(&b);
    hd_buf_u64(&b, m->gen);
    hd_buf_u64(&b, m->next_seg_id);
    size_t ll = strlen(m->language);
    hd_buf_addc(&b, (char)ll);
    hd_buf_add(&b, m->language, ll);
    hd_buf_u32(&b, (uint32_t)m->n_segs);
    for (size_t i = 0; i < m->n_segs; i++) {
        hd_buf_u64(&b, m->segs[i].id);
        hd_buf_u32(&b, m->segs[i].max_doc);
        hd_buf_u32(&b, m->segs[i].n_deleted);
        hd_buf_u64(&b, m->segs[i].del_gen);
    }
    hd_trailer_add(&b, HD_MAGIC_MANI);
    hd_rc rc = hd_buf_status(&b, err);
    if (!rc)
        rc = hd_fs_write_atomic(dir, HD_MANIFEST_NAME, b.p, b.len, err);
    hd_buf_done(&b);
    return rc;
}

void hd_manifest_done(hd_manifest *m)
{
    hd_free(m->segs);
    m->segs = NULL;
    m->n_segs = 0;
}

hd_rc hd_manifest_read(const char *dir, hd_manifest *m, hd_err *err)
{
    memset(m, 0, sizeof *m);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, HD_MANIFEST_NAME);
    if (access(path, F_OK) != 0 && errno == ENOENT)
        return hd_err_setw(err, HD_ENOTFOUND, dir, "no index here (no %s)", HD_MANIFEST_NAME);
    hd_buf b;
    hd_buf_init(&b);
    hd_rc rc = hd_fs_read_all(path, 64u << 20, &b, err);
    if (rc) {
        hd_buf_done(&b);
        return rc;
    }
    const uint8_t *p = (const uint8_t *)b.p;
    rc = hd_trailer_check(p, b.len, HD_MAGIC_MANI, path, err);
    if (rc)
        goto out;
    const uint8_t *end = p + b.len - HD_TRAILER_LEN;
    if (end - p < 17)
        goto corrupt;
    m->gen = hd_get_u64(p);
    m->next_seg_id = hd_get_u64(p + 8);
    size_t ll = p[16];
    p += 17;
    if (ll >= sizeof m->language || (size_t)(end - p) < ll + 4)
        goto corrupt;
    memcpy(m->language, p, ll);
    m->language[ll] = 0;
    p += ll;
    uint32_t n = hd_get_u32(p);
    p += 4;
    if ((size_t)(end - p) != (size_t)n * 24)
        goto corrupt;
    m->segs = hd_new0(hd_manifest_seg, n ? n : 1);
    if (!m->segs) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory reading %s", path);
        goto out;
    }
    for (uint32_t i = 0; i < n; i++, p += 24) {
        m->segs[i].id = hd_get_u64(p);
        m->segs[i].max_doc = hd_get_u32(p + 8);
        m->segs[i].n_deleted = hd_get_u32(p + 12);
        m->segs[i].del_gen = hd_get_u64(p + 16);
        if (m->segs[i].n_deleted > m->segs[i].max_doc || m->segs[i].id >= m->next_seg_id)
            goto corrupt;
    }
    m->n_segs = n;
    goto out;
corrupt:
    hd_manifest_done(m);
    rc = hd_err_setw(err, HD_ECORRUPT, path, "malformed manifest");
out:
    hd_buf_done(&b);
    return rc;
}
