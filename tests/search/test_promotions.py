"""Promoted results: set by the central team in the admin, shown first, never written per search."""

import pytest
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from .helpers import promoted_urls, result_urls, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def promoted(make_page, make_translation):
    """ "Quallenkunst" finds two pages; the central team promotes the one that ranks lower."""
    make_page("quallen-titel", "Quallenkunst", intro="Alles zur Quallenkunst.")
    target = make_page("quallen-text", "Ein Abend im Revier", intro="Mit Quallenkunst.")
    make_translation(target, "An evening in the Ruhr", intro="With Quallenkunst.", slug="evening")
    query = Query.objects.create(query_string="quallenkunst")
    SearchPromotion.objects.create(
        query=query, page=target, description="Unsere Empfehlung", sort_order=0
    )
    return target


def test_promoted_page_comes_first_and_is_not_repeated(client, promoted):
    response = search(client, "de", q="  QuallenKunst ")
    assert promoted_urls(response) == ["/de/quallen-text/"]
    assert result_urls(response) == ["/de/quallen-titel/"]
    assert "Unsere Empfehlung" in response.content.decode()


def test_promoted_page_is_shown_in_the_readers_language(client, promoted):
    assert promoted_urls(search(client, "en", q="quallenkunst")) == ["/en/evening/"]


def test_unpublished_promoted_page_is_not_shown(client, promoted):
    promoted.unpublish()
    assert promoted_urls(search(client, "de", q="quallenkunst")) == []


def test_external_link_promotion(client, promoted):
    SearchPromotion.objects.create(
        query=Query.objects.get(query_string="quallenkunst"),
        external_link_url="https://example.org/quallen",
        external_link_text="Quallen-Archiv",
        sort_order=1,
    )
    html = search(client, "de", q="quallenkunst").content.decode()
    assert '<a href="https://example.org/quallen">Quallen-Archiv</a>' in html


def test_searching_writes_nothing(client, promoted, django_assert_max_num_queries):
    queries, hits = Query.objects.count(), QueryDailyHits.objects.count()
    search(client, "de", q="quallenkunst")
    search(client, "de", q="etwas ganz anderes")
    assert (Query.objects.count(), QueryDailyHits.objects.count()) == (queries, hits)


def test_central_team_edits_promotions_in_the_admin(admin_client, make_page):
    page = make_page("quallen", "Quallenkunst")
    response = admin_client.post(
        "/admin/searchpicks/add/",
        {
            "query_string": "Quallen",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": str(page.pk),
            "editors_picks-0-description": "Neu",
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SearchPromotion.objects.filter(query__query_string="quallen", page=page).exists()


def test_the_central_editorial_group_may_edit_promotions(client, django_user_model):
    from django.contrib.auth.models import Group

    group = Group.objects.filter(name="K3 Redaktion").first()
    if group is None:
        pytest.skip("the editorial groups are not part of this demo")
    editor = django_user_model.objects.create_user("redaktion-suche", password="x" * 12)
    editor.groups.add(group)
    client.force_login(editor)
    assert client.get("/admin/searchpicks/").status_code == 200
    assert client.get("/admin/searchpicks/add/").status_code == 200
