from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from core.demo import Demo, indexes_updated_at_the_end

# Each app's builder, in dependency order: later ones find the pages earlier ones made.
DEMO_BUILDERS = [
    "taxonomy.demo",
    "home.demo",
    "network.demo",
    "news.demo",
    "navigation.demo",
    "events.demo",
    "press.demo",
    "editorial.demo",
]
# Makes every demo account; the admin comes first, as the translations are recorded as his.
DEMO_USERS = "editorial.demo"


class Command(BaseCommand):
    help = (
        "Build the bilingual demo site (German pages, English translations through "
        "wagtail-localize) and the demo users. Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options):
        # No transaction around the whole run: Wagtail defers work on publishing to the end of
        # a transaction, and run there with page objects taken before later children were added
        # it would undo their tree bookkeeping. Each translation has its own transaction instead.
        demo = Demo(
            german=Locale.objects.get_or_create(language_code="de")[0],
            english=Locale.objects.get_or_create(language_code="en")[0],
            admin=import_module(DEMO_USERS).demo_admin(),
            stdout=self.stdout,
        )
        with indexes_updated_at_the_end():
            for module in DEMO_BUILDERS:
                import_module(module).build(demo)
        # Pages left untranslated on purpose become aliases in the English tree, which the
        # templates mark as German; new German pages are aliased the same way from now on.
        sync, _created = LocaleSynchronization.objects.get_or_create(
            locale=demo.english, defaults={"sync_from": demo.german}
        )
        sync.sync_trees()
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is ready. Log in as admin / k3-demo."))
