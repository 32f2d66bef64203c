"""Demo builder for the home page (the site root) and the standard pages (home.yaml)."""

import json

from wagtail.models import Page, Site

from core.demo import Bilingual, child_page, demo_data, demo_image, site_root, translate_once

from ..factories import HomePageFactory, StandardPageFactory
from ..models import HomePage

DATA = demo_data(__package__, "home.yaml")


def build(demo):
    spec = DATA["home"]
    home_texts = Bilingual()
    home = german_home(demo, spec, home_texts)
    demo.pages["home"] = home
    standard_pages = []
    for page_spec in DATA["standard_pages"]:
        texts = Bilingual()
        page = child_page(
            home,
            StandardPageFactory,
            texts.text(page_spec["slug"]),
            title=texts.text(page_spec["title"]),
            intro=texts.text(page_spec.get("intro")),
            show_in_menus=False,
            body=texts.paragraph_blocks(page_spec["body"]),
        )
        demo.pages[page.slug] = page
        standard_pages.append((page, page_spec, texts))
    # The sections name standard pages, so they are added once those exist.
    sections = home_sections(demo, spec["sections"], home_texts)
    if not home.sections or home.hero_image is None:
        home.sections = home.sections or sections
        home.hero_image = home.hero_image or hero_image(spec["hero_image"])
        home.save_revision(user=demo.admin).publish()
    # The English home first: translations are filed below their parent's translation.
    translate_once(demo, home, home_texts.english)
    for page, page_spec, texts in standard_pages:
        if not page_spec.get("left_in_german"):
            translate_once(demo, page, texts.english)
    demo.log("Home and standard pages ready.")


def home_sections(demo, sections, texts):
    blocks = []
    for section in sections:
        value = {"heading": texts.text(section["heading"])}
        if "intro" in section:
            value["intro"] = texts.text(section["intro"])
        if "count" in section:
            value["count"] = section["count"]
        if "pages" in section:
            value["pages"] = [demo.pages[slug].pk for slug in section["pages"]]
        blocks.append({"type": section["type"], "value": value})
    return json.dumps(blocks)


def hero_image(spec):
    return demo_image(spec["title"], spec["alt_text"], seed=spec["seed"], kind="hero")


def german_home(demo, spec, texts):
    """The German home page as the site root, replacing Wagtail's welcome page."""
    title, slug, intro = (
        texts.text(spec["title"]),
        texts.text(spec["slug"]),
        texts.rich_text(spec["intro"]),
    )
    existing = HomePage.objects.filter(locale=demo.german).first()
    if existing is not None:
        return existing
    root = site_root()
    welcome = Page.objects.filter(depth=2, content_type__model="page", slug="home").first()
    home = HomePageFactory(parent=root, title=title, slug=slug, locale=demo.german, intro=intro)
    site, _created = Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    site.root_page = home
    site.site_name = title
    site.save()
    if welcome is not None:
        welcome.delete()
    return home
