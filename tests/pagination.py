"""Reading the one pagination component (templates/components/pagination.html) in tests."""

import re

NAV = re.compile(
    r'<nav aria-label="(?:Seiten|Pages)">\s*<ul class="pagination">.*?</ul>\s*</nav>', re.S
)
LINK = re.compile(r'<a href="([^"]*)"')


def pagination(response):
    """The page navigation of a listing: exactly one, the shared component's markup.

    Returns the current page number and every page link (HTML-unescaped): a query string
    repeating `querystring` (the listing's filters) before the page number; the link to page 1
    has no page number (`?<querystring>`, or the listing's path when nothing is filtered).
    """
    assert response.status_code == 200
    navs = NAV.findall(response.content.decode())
    assert len(navs) == 1, "one pagination component"
    nav = navs[0]
    current = re.findall(r'<li><span aria-current="page">(\d+)</span></li>', nav)
    assert len(current) == 1, "the current page is marked once, as a number"
    return int(current[0]), [link.replace("&amp;", "&") for link in LINK.findall(nav)]


def first_page_link(link, querystring):
    return link == f"?{querystring}" if querystring else link.startswith("/") and "?" not in link


def assert_paginated(response, querystring, current=1):
    """One pagination with the current page marked and `querystring` kept in every link."""
    number, links = pagination(response)
    assert number == current
    assert links
    prefix = f"?{querystring}&page=" if querystring else "?page="
    for link in links:
        numbered = link.startswith(prefix) and link[len(prefix) :].isdigit()
        assert numbered or first_page_link(link, querystring), link
        assert link != f"{prefix}1", "page 1 has no page number: ?page=1 redirects"
    return [link.removeprefix("?") for link in links]
