/* SPDX-License-Identifier: MIT
 *
 * fs.c — whole-file reads with a limit; atomic, durable writes.
 */
#include "base/fs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static hd_rc read_fd(int fd, const char *path, size_t max_bytes, hd_buf *out, hd_err *err)
{
    for (;;) {
        if (hd_buf_reserve(out, 1 << 16))
            return hd_err_setw(err, HD_ENOMEM, path, "out of memory reading file");
        ssize_t r = read(fd, out->p + out->len, out->cap - out->len - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return hd_err_sys(err, HD_EIO, path, "cannot read");
        }
        if (r == 0)
            break;
        out->len += (size_t)r;
        out->p[out->len] = '\0';
        if (out->len > max_bytes)
            return hd_err_setw(err, HD_ELIMIT, path, "input larger than the %zu-byte page limit",
                               max_bytes);
    }
    return HD_OK;
}

hd_rc hd_fs_read_all(const char *path, size_t max_bytes, hd_buf *out, hd_err *err)
{
    if (strcmp(path, "-") == 0)
        return read_fd(0, "<stdin>", max_bytes, out, err);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return hd_err_sys(err, HD_EIO, path, "cannot open");
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > max_bytes) {
        close(fd);
        return hd_err_setw(err, HD_ELIMIT, path,
                           "file of %lld bytes is larger than the %zu-byte page limit; skipped",
                           (long long)st.st_size, max_bytes);
    }
    if (fd >= 0 && S_ISREG(st.st_mode) && hd_buf_reserve(out, (size_t)st.st_size + 1)) {
        close(fd);
        return hd_err_setw(err, HD_ENOMEM, path, "out of memory reading file");
    }
    hd_rc rc = read_fd(fd, path, max_bytes, out, err);
    close(fd);
    return rc;
}

hd_rc hd_fs_sync_dir(const char *dir, hd_err *err)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return hd_err_sys(err, HD_EIO, dir, "cannot open directory");
    if (fsync(fd) != 0 && errno != EINVAL) {
        close(fd);
        return hd_err_sys(err, HD_EIO, dir, "cannot fsync directory");
    }
    close(fd);
    return HD_OK;
}

hd_rc hd_fs_write_atomic(const char *dir, const char *name, const void *data, size_t len,
                         hd_err *err)
{
    char tmp[4096], dst[4096];
    if ((size_t)snprintf(dst, sizeof dst, "%s/%s", dir, name) >= sizeof dst ||
        (size_t)snprintf(tmp, sizeof tmp, "%s/%s.tmp", dir, name) >= sizeof tmp)
        return hd_err_set(err, HD_EINVAL, "path too long: %s/%s", dir, name);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return hd_err_sys(err, HD_EIO, tmp, "cannot create");
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            hd_rc rc = hd_err_sys(err, HD_EIO, tmp, "cannot write");
            close(fd);
            unlink(tmp);
            return rc;
        }
        p += w;
        left -= (size_t)w;
    }
    if (fsync(fd) != 0) {
        hd_rc rc = hd_err_sys(err, HD_EIO, tmp, "cannot fsync");
        close(fd);
        unlink(tmp);
        return rc;
    }
    if (close(fd) != 0) {
        hd_rc rc = hd_err_sys(err, HD_EIO, tmp, "cannot close");
        unlink(tmp);
        return rc;
    }
    if (rename(tmp, dst) != 0) {
        hd_rc rc = hd_err_sys(err, HD_EIO, dst, "cannot rename into place");
        unlink(tmp);
        return rc;
    }
    return hd_fs_sync_dir(dir, err);
}
