"""Demo builder for the main menu, the footer text and the footer's legal links
(navigation.yaml); runs once every page it links to exists."""

from core.demo import Bilingual, demo_data, demo_image, translate_once
from navigation.models import Navigation

from ..factories import NavigationFactory

DATA = demo_data(__package__, "navigation.yaml")


def build(demo):
    texts = Bilingual()
    footer_text = texts.text(DATA["footer_text"])
    funding_line = texts.text(DATA["funding_line"])
    logo = DATA["funding_logo"]
    funding_logo = demo_image(logo["title"], logo["alt_text"], label=logo["label"], seed=5)
    navigation = Navigation.objects.filter(locale=demo.german).first()
    if navigation is None:
        navigation = NavigationFactory(
            locale=demo.german,
            main_pages=[demo.pages[slug] for slug in DATA["main_links"]],
            footer_text=footer_text,
            funding_line=funding_line,
            funding_logo=funding_logo,
            footer_pages=[demo.pages[slug] for slug in DATA["footer_links"]],
        )
    translate_once(demo, navigation, texts.english)
    demo.log("Navigation and footer ready.")
