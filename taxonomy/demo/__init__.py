"""Demo builder for the taxonomy terms (terms.yaml); other builders look terms up by slug."""

from core.demo import Bilingual, demo_data, translate_once

from ..factories import ArtDisciplineFactory, FieldOfActionFactory, TopicFactory

TERMS = demo_data(__package__, "terms.yaml")
FACTORIES = {
    "fields_of_action": FieldOfActionFactory,
    "art_disciplines": ArtDisciplineFactory,
    "topics": TopicFactory,
}


def build(demo):
    for key, term_factory in FACTORIES.items():
        for spec in TERMS[key]:
            texts = Bilingual()
            # Found again by locale and slug (the factory's get-or-create keys).
            term = term_factory(
                locale=demo.german, slug=spec["slug"], name=texts.text(spec["name"])
            )
            translate_once(demo, term, texts.english)
    demo.log("Taxonomy terms ready.")


def terms(demo, model):
    """The German terms of a taxonomy, by slug."""
    return {term.slug: term for term in model.objects.filter(locale=demo.german)}
