/* SPDX-License-Identifier: MIT
 *
 * err.h — setting and formatting hd_err (the types live in herald.h).
 * Every fallible function in herald returns hd_rc and takes hd_err *err last; these helpers
 * fill err and return the code, so call sites read `return hd_err_set(err, HD_EIO, ...)`.
 */
#ifndef HD_BASE_ERR_H
#define HD_BASE_ERR_H

#include "herald.h"

#if defined(__GNUC__)
#define HD_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define HD_PRINTF(a, b)
#endif

/* Record code and message in err (if err is non-NULL and holds no error yet). Returns code. */
hd_rc hd_err_set(hd_err *err, hd_rc code, const char *fmt, ...) HD_PRINTF(3, 4);

/* As hd_err_set, also recording where the problem is ("path:line" etc.). */
hd_rc hd_err_setw(hd_err *err, hd_rc code, const char *where, const char *fmt, ...) HD_PRINTF(4, 5);

/* As hd_err_set for a failed system call: appends strerror(errno) and keeps errno. Maps
 * ENOMEM/ENOSPC/EDQUOT to HD_ENOMEM/HD_ENOSPC, everything else to `code`. */
hd_rc hd_err_sys(hd_err *err, hd_rc code, const char *where, const char *fmt, ...) HD_PRINTF(4, 5);

#endif
