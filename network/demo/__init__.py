"""Demo builder for the network: overview pages, programs, partners and fellows (*.yaml here).

Runs after taxonomy.demo and home.demo. Invented institutions and fellows say so in their own
text (see partners.yaml), so the demo never claims a real institution is a member.
"""

import datetime

from django.utils import timezone

from core.demo import Bilingual, child_page, demo_data, demo_image, translate_once
from taxonomy.demo import terms
from taxonomy.models import ArtDiscipline, FieldOfAction

from ..factories import (
    FellowIndexPageFactory,
    FellowProfilePageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)

INDEX_FACTORIES = {
    "programme": ProgramIndexPageFactory,
    "netzwerk": PartnerIndexPageFactory,
    "fellows": FellowIndexPageFactory,
}


def build(demo):
    for spec in demo_data(__package__, "indexes.yaml"):
        texts = Bilingual()
        slug = texts.text(spec["slug"])
        page = child_page(
            demo.pages["home"],
            INDEX_FACTORIES[slug],
            slug,
            title=texts.text(spec["title"]),
            intro=texts.text(spec["intro"]),
            show_in_menus=True,
        )
        demo.pages[slug] = page
        translate_once(demo, page, texts.english)
    for index, spec in enumerate(demo_data(__package__, "programs.yaml")):
        program(demo, spec, index)
    fields_of_action = terms(demo, FieldOfAction)
    for index, spec in enumerate(demo_data(__package__, "partners.yaml")):
        partner(demo, spec, fields_of_action, index)
    fellows = demo_data(__package__, "fellows.yaml")
    disciplines = terms(demo, ArtDiscipline)
    for index, spec in enumerate(fellows["fellows"]):
        fellow(demo, spec, fellows["example_note"], disciplines, index)
    demo.log("Programs, partners and fellows ready.")


def program(demo, spec, index):
    texts = Bilingual()
    slug, title = texts.text(spec["slug"]), texts.text(spec["title"])
    fields = {
        name: texts.text(spec.get(name))
        for name in ("intro", "target_groups", "format", "duration", "contact_name", "call_title")
    }
    for name in ("call_eligibility", "call_how_to_apply"):
        fields[name] = texts.rich_text(spec.get(name, []))
    if "call" in spec:
        noon = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0)
        fields["call_opens_at"] = noon + datetime.timedelta(days=spec["call"]["opens_in_days"])
        fields["call_deadline"] = noon + datetime.timedelta(days=spec["call"]["closes_in_days"])
        fields["apply_url"] = spec.get("apply_url", "")
    image = demo_image(
        f"Programm {title}",
        f"Abstrakte Grafik in Kreisformen zum Programm {title}",
        label=title,
        seed=index + 1,
        kind="picture",
    )
    page = child_page(
        demo.pages["programme"],
        ProgramPageFactory,
        slug,
        title=title,
        kind=spec["kind"],
        contact_email=f"{slug}@example.org",
        listing_image=image,
        body=texts.paragraph_blocks(spec["body"]),
        **fields,
    )
    demo.pages[slug] = page
    translate_once(demo, page, texts.english)


def partner(demo, spec, fields_of_action, index):
    texts = Bilingual()
    slug, title = texts.text(spec["slug"]), texts.text(spec["title"])
    initials = "".join(word[0] for word in title.replace("Beispiel-", "").split()[:3]).upper()
    logo = demo_image(
        f"Logo {title}",
        f"Logo von {title}: die Buchstaben {initials} auf farbiger Fläche",
        label=initials,
        seed=index,
        kind="logo",
    )
    page = child_page(
        demo.pages["netzwerk"],
        PartnerPageFactory,
        slug,
        title=title,
        role=spec["role"],
        city=texts.text(spec["city"]),
        description=texts.rich_text(spec["description"]),
        logo=logo,
        contact_email=f"k3@{slug}.example.org",
        fields_of_action=[fields_of_action[term] for term in spec["fields_of_action"]],
    )
    demo.pages[slug] = page
    if not spec.get("left_in_german"):
        translate_once(demo, page, texts.english)


def fellow(demo, spec, example_note, disciplines, index):
    texts = Bilingual()
    slug, name = texts.text(spec["slug"]), texts.text(spec["name"])
    portrait = demo_image(
        f"Porträtgrafik {name}",
        f"Abstrakte Porträtgrafik für {name}: eine Figur aus Kreisen",
        seed=index,
        kind="avatar",
    )
    page = child_page(
        demo.pages[spec["host"]],
        FellowProfilePageFactory,
        slug,
        title=name,
        pronouns=texts.text(spec.get("pronouns")),
        project_title=texts.text(spec["project_title"]),
        project_description=texts.rich_text([spec["project_description"], example_note]),
        program=demo.pages[spec["program"]],
        cohort_year=spec["cohort"],
        portrait=portrait,
        disciplines=[disciplines[term] for term in spec["disciplines"]],
    )
    if not spec.get("left_in_german"):
        translate_once(demo, page, texts.english)
