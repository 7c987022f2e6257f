/* SPDX-License-Identifier: MIT
 *
 * err.c — status code names and texts, and the hd_err setters. Never allocates.
 */
#include "base/err.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const rc_text[] = {
#define X_(name, text) text,
    HD_RC_LIST(X_)
#undef X_
};

static const char *const rc_name[] = {
#define X_(name, text) #name,
    HD_RC_LIST(X_)
#undef X_
};

const char *hd_rc_str(hd_rc rc)
{
    if ((unsigned)rc >= HD_RC_COUNT_)
        return "unknown error";
    return rc_text[rc];
}

const char *hd_rc_name(hd_rc rc)
{
    if ((unsigned)rc >= HD_RC_COUNT_)
        return "HD_UNKNOWN";
    return rc_name[rc];
}

const char *hd_version(void)
{
    return HD_VERSION;
}

void hd_err_clear(hd_err *err)
{
    if (!err)
        return;
    err->code = HD_OK;
    err->sys_errno = 0;
    err->where[0] = '\0';
    err->msg[0] = '\0';
}

static hd_rc vset(hd_err *err, hd_rc code, int sys_errno, const char *where, const char *fmt,
                  va_list ap)
{
    if (!err || err->code != HD_OK)
        return code;
    err->code = code;
    err->sys_errno = sys_errno;
    snprintf(err->where, sizeof err->where, "%s", where ? where : "");
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    return code;
}

hd_rc hd_err_set(hd_err *err, hd_rc code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vset(err, code, 0, NULL, fmt, ap);
    va_end(ap);
    return code;
}

hd_rc hd_err_setw(hd_err *err, hd_rc code, const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vset(err, code, 0, where, fmt, ap);
    va_end(ap);
    return code;
}

hd_rc hd_err_sys(hd_err *err, hd_rc code, const char *where, const char *fmt, ...)
{
    int e = errno;
    if (e == ENOMEM)
        code = HD_ENOMEM;
    else if (e == ENOSPC || e == EDQUOT)
        code = HD_ENOSPC;
    if (!err || err->code != HD_OK)
        return code;
    va_list ap;
    va_start(ap, fmt);
    vset(err, code, e, where, fmt, ap);
    va_end(ap);
    size_t n = strlen(err->msg);
    if (n < sizeof err->msg - 1)
        snprintf(err->msg + n, sizeof err->msg - n, ": %s", strerror(e));
    return code;
}
