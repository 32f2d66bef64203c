import pytest
from django.core.cache import cache

from core.factories import translate
from home.factories import StandardPageFactory


@pytest.fixture
def german_home(site):
    return site.home_de


@pytest.fixture
def make_page(german_home):
    """A published German StandardPage under the home page."""

    def make(slug, title, intro="", parent=None):
        return StandardPageFactory(
            parent=parent or german_home, slug=slug, title=title, intro=intro
        )

    return make


@pytest.fixture
def make_translation(site):
    """A real English translation of a German page, published with its own title and intro."""

    def make(page, title, intro="", slug=None):
        return translate(page, "en", title=title, intro=intro, slug=slug or page.slug + "-en")

    return make


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Suggestions cache the title vocabulary; each test starts without it."""
    cache.clear()
