# Varnish in front of K3 CMS (gunicorn on 127.0.0.1:8001): caches what Django marks public for
# every reader (core/page_cache.py) and forgets it when Wagtail purges. Runs as is under
# `make serve-prod`; tests/core/test_varnish.py starts it against the test server.
#
# - Only anonymous GET/HEAD are looked up: a session, CSRF or other Django cookie, an
#   Authorization header, the admin (previews too) and "/" (redirects by Accept-Language) go
#   straight to Django. Other cookies are dropped: readers' pages never read them.
# - Django decides what is stored: only answers with `s-maxage` and without private/no-store/
#   no-cache/Set-Cookie, for as long as s-maxage says; no grace, so nothing outlives a go-live.
# - The query string is part of the key, sorted (std.querysort); Django answers unknown or
#   invalid parameters and search queries `private`, so they add no entries.
# - PURGE <url> (Wagtail's HTTPBackend) forgets that address on that host with every query
#   string; BAN forgets the whole host. Both only from this machine.
# - X-Cache: HIT or MISS, and Varnish's Age, tell readers and tests where an answer came from.

vcl 4.1;

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8001";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "BAN") {
            if (std.ban("obj.http.X-Cache-Host == " + req.http.host)) {
                return (synth(200, "Banned"));
            }
            return (synth(400, std.ban_error()));
        }
        if (std.ban("obj.http.X-Cache-Host == " + req.http.host
                    + " && obj.http.X-Cache-Path == " + regsub(req.url, "\?.*$", ""))) {
            return (synth(200, "Purged"));
        }
        return (synth(400, std.ban_error()));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|wagtail[a-z_-]*)=") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)(/|\?|$)" || req.url ~ "^/(\?|$)") {
        return (pass);
    }
    # Search queries: one page per query, never shared.
    if (req.url ~ "^/[a-z]{2}/search/\?(.*&)?q=") {
        return (pass);
    }
    unset req.http.Cookie;
    set req.url = std.querysort(req.url);
    # The few answers that vary by language without a /de/ or /en/ prefix (the sitemap index)
    # get one variant per site language, not one per browser.
    if (req.http.Accept-Language) {
        if (req.http.Accept-Language ~ "^\s*en") {
            set req.http.Accept-Language = "en";
        } else {
            set req.http.Accept-Language = "de";
        }
    }
    return (hash);
}

sub vcl_backend_response {
    # What a PURGE or BAN matches on (removed again before delivery).
    set beresp.http.X-Cache-Host = bereq.http.host;
    set beresp.http.X-Cache-Path = regsub(bereq.url, "\?.*$", "");
    set beresp.grace = 0s;
    if (beresp.http.Cache-Control !~ "s-maxage"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Set-Cookie) {
        # Not stored; the next request for it goes to Django at once (hit-for-miss).
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Cache-Host;
    unset resp.http.X-Cache-Path;
}
