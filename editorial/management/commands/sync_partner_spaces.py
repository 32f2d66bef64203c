from django.core.management.base import BaseCommand

from editorial.groups import sync_all


class Command(BaseCommand):
    help = (
        "Create or repair the editorial groups: one '<Partner> – Redaktion' group and media "
        "collection per partner with rights on its subtree in every locale, K3 Redaktion, "
        "Übersetzung, Presse, and the moderation workflow. Safe to run again at any time."
    )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else None
        sync_all(log=log)
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS("Editorial groups and partner spaces are in sync.")
            )
