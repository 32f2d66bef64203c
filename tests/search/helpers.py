"""Reading the search results page in tests."""

import re

RESULT_LINK = re.compile(r'class="search-result__title"><a href="([^"]+)"')


def _links_in(response, list_id):
    html = response.content.decode()
    if f'id="{list_id}"' not in html:
        return []
    listing = html.split(f'id="{list_id}"', 1)[1].split("</ol>", 1)[0]
    return RESULT_LINK.findall(listing)


def result_urls(response):
    """The search result links of a results page, in order."""
    return _links_in(response, "search-results")


def promoted_urls(response):
    return _links_in(response, "promoted-results")


def search(client, language, **params):
    return client.get(f"/{language}/search/", params)
