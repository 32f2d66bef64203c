"""Fixtures every test directory can use.

Tests build what they assert on with the factories (`<app>/factories.py`) on top of the `site`
fixture, on an empty database. The few end-to-end tests (the crawl, the demo's own checks)
request the `demo` fixture, which loads the demo inside the test. K3_SESSION_DEMO=1 loads the
demo once for the whole session instead, to look for tests that depend on an empty database.
"""

import os
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import models, transaction
from wagtail.models import Locale

from core.factories import UserFactory
from home.factories import bilingual_site

SESSION_DEMO = os.environ.get("K3_SESSION_DEMO", "0") == "1"


def pytest_collection_modifyitems(config, items):
    """Browser tests and the other tests on live_server (the Varnish tests) last: live_server
    flushes the database afterwards (and a session-wide demo, K3_SESSION_DEMO=1, with it), which
    tests after them would miss. The tests that load the demo (half a minute each) first, so
    that under `make test` (pytest-xdist) they do not end the run with one process waiting for
    the other."""

    def loads_demo(item):
        names = getattr(item, "fixturenames", ())
        return "demo" in names or "module_demo" in names or item.get_closest_marker("demo")

    def flushes_database(item):
        return item.get_closest_marker("browser") or "live_server" in getattr(
            item, "fixturenames", ()
        )

    items.sort(key=lambda item: (bool(flushes_database(item)), not loads_demo(item)))
    # `-m "not demo"` runs everything that stands on factories alone.
    for item in items:
        if loads_demo(item):
            item.add_marker(pytest.mark.demo)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The bare bilingual site (see `site`), made once per test session: every test starts from
    it and rolls back. With K3_SESSION_DEMO=1 the whole demo instead."""
    with django_db_blocker.unblock():
        if SESSION_DEMO:
            call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
        else:
            bilingual_site()


@pytest.fixture
def german():
    return Locale.objects.get(language_code="de")


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: the database rolls back after each test, the
    cache would not, and would hand the next test what the last one saved."""
    cache.clear()


@pytest.fixture
def site(db):
    """Both locales, the German home page as the default site's root and its English
    translation: `site.de`, `site.en`, `site.home_de`, `site.home_en`, `site.root` (the tree's
    root), `site.site` (the Wagtail Site). Made once per session (django_db_setup); here it is
    looked up, or made again after a test that flushed the database (live_server)."""
    return bilingual_site()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """One transaction around a test module, for data its tests share, as Django's
    `TestCase.setUpTestData`: module-scoped fixtures that request it build their data once; each
    test still runs in a savepoint of its own and rolls back, and after the module's last test
    the shared data goes too. Share data through `refetched()`, so that no test sees another
    test's changes to a Python object."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def refetched(namespace):
    """A copy of `namespace` whose model instances are fetched anew from the database."""
    return SimpleNamespace(
        **{
            name: type(value)._default_manager.get(pk=value.pk)
            if isinstance(value, models.Model)
            else value
            for name, value in vars(namespace).items()
        }
    )


@pytest.fixture
def demo(db):
    """The whole demo site, loaded inside this test's transaction (for end-to-end tests)."""
    if not SESSION_DEMO:
        call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture(scope="module")
def module_demo(module_db):
    """The whole demo, loaded once for a module's tests (see `module_db`); the module must keep
    its tests in one xdist group, or each test process would load it again."""
    if not SESSION_DEMO:
        call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def admin_user(db):
    """A superuser; with the demo loaded it is the demo's `admin`."""
    return UserFactory(username="admin", superuser=True)


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
