import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Locale


def pytest_collection_modifyitems(config, items):
    """Browser tests last: live_server flushes the database afterwards, which would take the
    session-wide demo away from every test after it."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo site, loaded once per test session: every test starts from it and rolls back."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


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
def admin_user(django_user_model):
    return django_user_model.objects.get(username="admin")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
