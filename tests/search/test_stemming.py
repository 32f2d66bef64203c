"""Word forms: German plurals and gender forms on both databases, full stemming on PostgreSQL."""

import pytest
from django.db import connection

from .helpers import result_urls, search

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's FTS5 tokenizer has no stemmer; only the query's own word forms apply there",
)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("Workshops", "Ein Workshop zur Bildgenerierung."),
        ("Künstlerinnen", "Eine Künstlerin erzählt."),
        ("Künstlerin", "Für Künstlerinnen und Künstler."),
        ("Ausstellungen", "Eine Ausstellung in Dortmund."),
    ],
)
def test_german_plural_and_gender_forms(client, make_page, query, text):
    make_page("formen", "Seite", intro=f"{text} Zyxwick.")
    assert result_urls(search(client, "de", q=f"{query} Zyxwick")) == ["/de/formen/"]


def test_english_plurals(client, make_page, make_translation):
    page = make_page("formen", "Seite", intro="Text")
    make_translation(page, "Page", intro="One workshop for an artist in Zyxwick.", slug="forms")
    assert result_urls(search(client, "en", q="Workshops artists Zyxwick")) == ["/en/forms/"]


@postgres_only
def test_german_is_stemmed_with_the_german_config(client, make_page):
    # "digitalem" → "digital" only through the German Snowball stemmer (no ending rule of ours).
    make_page("formen", "Seite", intro="Theater im digitalen Raum.")
    assert "/de/formen/" in result_urls(search(client, "de", q="digitalem"))


@postgres_only
def test_english_is_stemmed_with_the_english_config(client, make_page, make_translation):
    page = make_page("formen", "Seite", intro="Text")
    make_translation(page, "Page", intro="A curated programme.", slug="forms")
    assert "/en/forms/" in result_urls(search(client, "en", q="curating"))
    # The German tree is not stemmed as English.
    assert "/de/formen/" not in result_urls(search(client, "de", q="curating"))


@postgres_only
def test_index_entries_use_the_config_of_their_language(make_page, make_translation):
    from wagtail.search.models import IndexEntry

    page = make_page("formen", "Seite", intro="Künstlerinnen")
    translation = make_translation(page, "Page", intro="Artists", slug="forms")

    def bodies(obj):
        return " ".join(str(e.body) for e in IndexEntry.objects.filter(object_id=str(obj.pk)))

    assert "'kunstlerinn'" in bodies(page)  # German Snowball: umlaut folded
    assert "'artist'" in bodies(translation)  # English Snowball
