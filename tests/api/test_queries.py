"""A list costs the same number of queries for 3 items as for 20, images, translations, topics
and organisers included."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import K3ImageFactory, alias_in, translate
from network.factories import PartnerPageFactory, ProgramPageFactory
from news.factories import NewsPageFactory
from taxonomy.factories import FieldOfActionFactory

from .conftest import add_event, berlin

pytestmark = pytest.mark.django_db


def queries_for(client, url, params):
    client.get(url, params)  # makes the image renditions once, as the first client does
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), len(response.json()["results"])


def makers(world):
    field = FieldOfActionFactory(locale=world.german, name="Vermittlung", slug="vermittlung")
    return {
        "events": lambda n: add_event(
            world,
            f"Termin {n}",
            berlin(2027, 2, 1 + n, 10),
            program=world.academy,
            topics=[world.tools, world.copyright],
            co_organisers=[world.beta],
            image=K3ImageFactory(),
        ),
        "partners": lambda n: PartnerPageFactory(
            title=f"Haus {n}", city="Essen", logo=K3ImageFactory(), fields_of_action=[field]
        ),
        "programs": lambda n: ProgramPageFactory(
            title=f"Programm {n}", listing_image=K3ImageFactory(), open_call=True
        ),
        "news": lambda n: NewsPageFactory(title=f"Meldung {n}", image=K3ImageFactory()),
    }


@pytest.mark.parametrize("kind", ["events", "partners", "programs", "news"])
def test_list_queries_do_not_grow_with_the_items(client, world, kind):
    make = makers(world)[kind]
    made = [make(n) for n in range(3)]
    # Some with an English translation, some only aliased: both kinds of English item.
    translate(made[0], "en", title=f"English {kind}", slug=f"english-{kind}")
    alias_in(made[1], "en")
    url = f"/api/v1/{kind}/"
    few = {lang: queries_for(client, url, {"lang": lang}) for lang in ("de", "en")}
    more = [make(n) for n in range(3, 20)]
    translate(more[0], "en", title=f"More English {kind}", slug=f"more-english-{kind}")
    alias_in(more[1], "en")
    many = {lang: queries_for(client, url, {"lang": lang}) for lang in ("de", "en")}
    for lang in ("de", "en"):
        assert many[lang][1] > few[lang][1], lang
        assert many[lang][0] == few[lang][0], lang
