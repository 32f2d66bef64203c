"""The API never returns a draft, a private page or a page under embargo, in either language."""

import pytest

from .conftest import HIDDEN_WORDS, KINDS, hidden_ids

pytestmark = pytest.mark.django_db


def every_list(client, kind):
    """Every list answer of `kind` in both languages (events: upcoming and past)."""
    periods = ["upcoming", "past"] if kind == "events" else [None]
    for lang in ("de", "en"):
        for period in periods:
            params = {"lang": lang, "page_size": 100}
            if period:
                params["period"] = period
            response = client.get(f"/api/v1/{kind}/", params)
            assert response.status_code == 200, response.content
            yield lang, period, response


@pytest.mark.parametrize("kind", KINDS)
def test_lists_leave_out_drafts_private_and_embargoed_pages(client, content, kind):
    pages = content[kind]
    for lang, period, response in every_list(client, kind):
        ids = {item["id"] for item in response.json()["results"]}
        assert not ids & hidden_ids(pages), (kind, lang)
        text = response.content.decode()
        assert not any(word in text for word in HIDDEN_WORDS), (kind, lang)
        if period == "past":
            continue
        if lang == "de":
            assert {pages.public.pk, pages.aliased.pk, pages.in_progress.pk} <= ids
        else:
            assert {pages.public_en.pk, pages.aliased_en.pk, pages.in_progress_en.pk} <= ids


@pytest.mark.parametrize("kind", KINDS)
def test_detail_of_a_hidden_page_is_not_found(client, content, kind):
    for pk in sorted(hidden_ids(content[kind])):
        response = client.get(f"/api/v1/{kind}/{pk}/")
        assert response.status_code == 404, (kind, pk)
        assert "detail" in response.json()
        assert not any(word in response.content.decode() for word in HIDDEN_WORDS)


@pytest.mark.parametrize("kind", KINDS)
def test_translations_name_only_visible_real_translations(client, content, kind):
    pages = content[kind]
    for pk in (pages.public.pk, pages.public_en.pk):
        item = client.get(f"/api/v1/{kind}/{pk}/").json()
        other = pages.public_en if pk == pages.public.pk else pages.public
        assert [t["id"] for t in item["translations"]] == [other.pk]
        assert item["translations"][0]["url"] == f"http://testserver{other.url}"
    # An untranslated page has no translation into English, a private or embargoed one none
    # that may be named.
    for pk in (pages.aliased.pk, pages.in_progress.pk):
        assert client.get(f"/api/v1/{kind}/{pk}/").json()["translations"] == []


@pytest.mark.parametrize("kind", KINDS)
def test_english_lists_mark_pages_not_translated_yet_as_german(client, content, kind):
    pages = content[kind]
    items = {
        item["id"]: item
        for item in client.get(f"/api/v1/{kind}/", {"lang": "en", "page_size": 100}).json()[
            "results"
        ]
    }
    translated = items[pages.public_en.pk]
    assert (translated["language"], translated["content_language"]) == ("en", "en")
    assert translated["title"] == f"Public {kind}"
    assert translated["url"] == f"http://testserver{pages.public_en.url}"
    for untranslated, source in (
        (pages.aliased_en, pages.aliased),
        (pages.in_progress_en, pages.in_progress),
    ):
        item = items[untranslated.pk]
        assert (item["language"], item["content_language"]) == ("en", "de")
        assert item["title"] == source.title  # the German text, not the translator's draft
        assert [t["id"] for t in item["translations"]] == [source.pk]
    german = client.get(f"/api/v1/{kind}/{pages.public.pk}/").json()
    assert (german["language"], german["content_language"]) == ("de", "de")
