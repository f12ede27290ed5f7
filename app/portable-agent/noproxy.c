/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Stands in for libproxy in the portable agent.  QtNetwork links libproxy,
 * and libproxy pulls in curl, GnuTLS, GIO, LDAP, Kerberos and a JavaScript
 * engine: 14 MB, a quarter of the bundle.  The agent only accepts
 * connections, and Qt asks libproxy about outgoing ones only, so these
 * functions are never called there; if they ever were, "direct" is the
 * answer an unconfigured system gives.  Same soname and symbol versions as
 * the real library (see noproxy.map), so the loader takes it in its place.
 */
#include <stdlib.h>
#include <string.h>

typedef struct ferry_noproxy_factory {
    int unused;
} pxProxyFactory;

pxProxyFactory *px_proxy_factory_new(void)
{
    return calloc(1, sizeof(pxProxyFactory));
}

/* A NULL-terminated list the caller frees entry by entry, then the list. */
char **px_proxy_factory_get_proxies(pxProxyFactory *factory, const char *url)
{
    (void)factory;
    (void)url;
    char **list = calloc(2, sizeof *list);
    if (list && !(list[0] = strdup("direct://"))) {
        free(list);
        list = NULL;
    }
    return list;
}

void px_proxy_factory_free_proxies(char **proxies)
{
    if (!proxies)
        return;
    for (char **p = proxies; *p; ++p)
        free(*p);
    free(proxies);
}

void px_proxy_factory_free(pxProxyFactory *factory)
{
    free(factory);
}
