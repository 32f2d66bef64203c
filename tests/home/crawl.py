"""The crawl through the demo (tests/home/test_demo.py): every page is reachable from the home
page by following links, in both languages; each public page has one h1, alt text on every image
and loads nothing from elsewhere (and, issue 14, one meta description, one canonical and its
OpenGraph tags)."""

import re
from urllib.parse import parse_qs, urljoin, urlsplit

from wagtail.models import Page

HREF = re.compile(r'<a\b[^>]*?href="([^"#]*)(?:#[^"]*)?"')
LOADED = re.compile(
    r'<(?:script|img|iframe|source|link|video|audio)\b[^>]*?(?:src|href|srcset)="([^"]+)"'
)


def crawl(client, start):
    """Follow internal links from `start`; query strings only when they just turn a page."""
    seen, queue, pages = set(), [start], {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        pages[url] = html
        for href in HREF.findall(html):
            target = urljoin(url, href.replace("&amp;", "&"))
            parts = urlsplit(target)
            if parts.netloc not in ("", "testserver") or not parts.path.startswith(start):
                continue
            if parts.query and set(parse_qs(parts.query)) - {"page"}:
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return pages


def assert_every_live_page_is_reachable(crawled, code):
    reached = {urlsplit(url).path for url in crawled}
    live = Page.objects.live().filter(locale__language_code=code, depth__gt=1).specific()
    expected = {page.get_url() for page in live if page.get_url()}
    assert len(expected) >= 30, code
    assert expected - reached == set(), code


def assert_each_page_has_one_h1_alt_texts_and_nothing_from_other_hosts(crawled):
    for url, html in crawled.items():
        assert len(re.findall(r"<h1\b", html)) == 1, url
        for img in re.findall(r"<img\b[^>]*>", html):
            assert re.search(r'\balt="[^"]+"', img), (url, img)
        for address in LOADED.findall(html):
            host = urlsplit(address).netloc
            assert host in ("", "testserver"), (url, address)


def assert_each_page_describes_itself_once(crawled):
    for url, html in crawled.items():
        descriptions = re.findall(r'<meta name="description" content="([^"]*)">', html)
        assert len(descriptions) == 1 and descriptions[0].strip(), url
        assert len(re.findall(r'<link rel="canonical" href="http', html)) == 1, url
        for tag in ("og:title", "og:description", "og:url", "og:type", "og:locale"):
            assert len(re.findall(rf'<meta property="{tag}" content="[^"]+">', html)) == 1, (
                url,
                tag,
            )
