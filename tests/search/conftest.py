import pytest
from django.core.cache import cache

from core.demo import child_page
from home.models import HomePage, StandardPage


@pytest.fixture
def german_home(german):
    return HomePage.objects.get(locale=german)


@pytest.fixture
def make_page(german_home):
    """A published German StandardPage under the home page."""

    def make(slug, title, intro="", parent=None):
        return child_page(parent or german_home, StandardPage, slug, title=title, intro=intro)

    return make


@pytest.fixture
def make_translation(english):
    """An English translation of a German page, published with its own title and intro."""

    def make(page, title, intro="", slug=None):
        translation = page.copy_for_translation(english)
        translation.title = title
        translation.intro = intro
        translation.slug = slug or page.slug + "-en"
        translation.save_revision().publish()
        return translation

    return make


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Suggestions cache the title vocabulary; each test starts without it."""
    cache.clear()
