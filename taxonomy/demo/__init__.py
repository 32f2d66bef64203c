"""Demo builder for the taxonomy terms (terms.yaml); other builders look terms up by slug."""

from core.demo import Bilingual, demo_data, translate_once
from network.models import ArtDiscipline, FieldOfAction, Topic

TERMS = demo_data(__package__, "terms.yaml")
MODELS = {"fields_of_action": FieldOfAction, "art_disciplines": ArtDiscipline, "topics": Topic}


def build(demo):
    for key, model in MODELS.items():
        for spec in TERMS[key]:
            texts = Bilingual()
            term = model.objects.filter(locale=demo.german, slug=spec["slug"]).first()
            if term is None:
                term = model.objects.create(
                    locale=demo.german, slug=spec["slug"], name=texts.text(spec["name"])
                )
            else:
                texts.text(spec["name"])
            translate_once(demo, term, texts.english)
    demo.log("Taxonomy terms ready.")


def terms(demo, model):
    """The German terms of a taxonomy, by slug."""
    return {term.slug: term for term in model.objects.filter(locale=demo.german)}
