"""Reading a page's schema.org JSON-LD as a search engine would: every
<script type="application/ld+json"> parsed with json.loads."""

import json
import re

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld_objects(response):
    """Every JSON-LD object of the page, in order."""
    assert response.status_code == 200
    return [json.loads(script) for script in SCRIPT.findall(response.content.decode())]


def json_ld_of_type(response, schema_type):
    """The page's one JSON-LD object of `schema_type` (e.g. "NewsArticle")."""
    [data] = [data for data in json_ld_objects(response) if data["@type"] == schema_type]
    return data
