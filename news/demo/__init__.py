"""Demo builder for the news overview and the news items (news.yaml); runs after network.demo,
since items are filed below partners and name partners and programs."""

from core.demo import Bilingual, child_page, demo_data, demo_image, translate_once
from taxonomy.demo import terms
from taxonomy.models import Topic

from ..factories import NewsIndexPageFactory, NewsPageFactory

DATA = demo_data(__package__, "news.yaml")


def build(demo):
    spec = DATA["index"]
    texts = Bilingual()
    slug = texts.text(spec["slug"])
    index_page = child_page(
        demo.pages["home"],
        NewsIndexPageFactory,
        slug,
        title=texts.text(spec["title"]),
        intro=texts.text(spec["intro"]),
        show_in_menus=True,
    )
    demo.pages[slug] = index_page
    translate_once(demo, index_page, texts.english)
    topics = terms(demo, Topic)
    for number, item in enumerate(DATA["news"]):
        news_item(demo, item, topics, number)
    demo.log("News ready.")


def news_item(demo, spec, topics, number):
    texts = Bilingual()
    title = texts.text(spec["title"])
    image = demo_image(
        f"Nachricht {title}",
        f"Abstrakte Grafik aus farbigen Kreisen zur Meldung „{title}“",
        seed=number + 2,
        kind="picture",
    )
    page = child_page(
        demo.pages[spec["parent"]],
        NewsPageFactory,
        texts.text(spec["slug"]),
        title=title,
        date=spec["date"],
        teaser=texts.text(spec["teaser"]),
        body=texts.paragraph_blocks(spec["body"]),
        image=image,
        related_partners=[demo.pages[slug] for slug in spec["partners"]],
        related_programs=[demo.pages[slug] for slug in spec["programs"]],
        topics=[topics[slug] for slug in spec["topics"]],
    )
    if not spec.get("left_in_german"):
        translate_once(demo, page, texts.english)
