/* SPDX-License-Identifier: MIT
 *
 * walk.c — recursive directory listing in sorted order, so runs are reproducible.
 */
#include "ingest/ingest.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/mem.h"

#define MAX_DEPTH 64

typedef struct plist {
    char **v;
    size_t n, cap;
} plist;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static hd_rc walk(const char *dir, int depth, plist *out, hd_err *err)
{
    if (depth > MAX_DEPTH)
        return hd_err_setw(err, HD_ELIMIT, dir, "directories nested deeper than %d", MAX_DEPTH);
    DIR *d = opendir(dir);
    if (!d)
        return hd_err_sys(err, HD_EIO, dir, "cannot open directory");
    plist names = {0};
    hd_rc rc = HD_OK;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *p = hd_malloc(n);
        if (!p || HD_GROW(names.v, names.cap, names.n + 1)) {
            hd_free(p);
            rc = hd_err_set(err, HD_ENOMEM, "out of memory listing %s", dir);
            break;
        }
        size_t dl = strlen(dir);
        memcpy(p, dir, dl);
        if (dl && dir[dl - 1] != '/')
            p[dl++] = '/';
        strcpy(p + dl, e->d_name);
        names.v[names.n++] = p;
    }
    closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, cmp_str);
    for (size_t i = 0; i < names.n; i++) {
        char *p = names.v[i];
        names.v[i] = NULL;
        if (rc != HD_OK) {
            hd_free(p);
            continue;
        }
        struct stat st;
        if (stat(p, &st) != 0) {
            hd_free(p); /* dangling link or vanished file: nothing to read */
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            rc = walk(p, depth + 1, out, err);
            hd_free(p);
        } else if (S_ISREG(st.st_mode)) {
            if (HD_GROW(out->v, out->cap, out->n + 1)) {
                hd_free(p);
                rc = hd_err_set(err, HD_ENOMEM, "out of memory listing %s", dir);
                continue;
            }
            out->v[out->n++] = p;
        } else {
            hd_free(p);
        }
    }
    hd_free(names.v);
    return rc;
}

hd_rc hd_walk_dir(const char *dir, char ***out, size_t *out_n, hd_err *err)
{
    plist l = {0};
    hd_rc rc = walk(dir, 0, &l, err);
    if (rc != HD_OK) {
        hd_walk_free(l.v, l.n);
        return rc;
    }
    *out = l.v;
    *out_n = l.n;
    return HD_OK;
}

void hd_walk_free(char **paths, size_t n)
{
    if (!paths)
        return;
    for (size_t i = 0; i < n; i++)
        hd_free(paths[i]);
    hd_free(paths);
}
