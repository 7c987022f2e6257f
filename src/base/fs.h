/* SPDX-License-Identifier: MIT
 *
 * fs.h — file helpers: read a whole file under a size limit, and the crash-safe write used by
 * the index (write to a temporary, fsync, rename, fsync the directory).
 */
#ifndef HD_BASE_FS_H
#define HD_BASE_FS_H

#include <stddef.h>

#include "base/buf.h"

/* Read all of `path` (or stdin when path is "-") into out. Fails with HD_ELIMIT (file named,
 * nothing read beyond the limit) when the file is larger than max_bytes, HD_EIO otherwise. */
hd_rc hd_fs_read_all(const char *path, size_t max_bytes, hd_buf *out, hd_err *err);

/* Write data to dir/name atomically: dir/name.tmp, fsync, rename over dir/name, fsync dir.
 * On failure the old dir/name is untouched and the temporary removed. */
hd_rc hd_fs_write_atomic(const char *dir, const char *name, const void *data, size_t len,
                         hd_err *err);

/* fsync a directory so a rename inside it is durable. */
hd_rc hd_fs_sync_dir(const char *dir, hd_err *err);

#endif
