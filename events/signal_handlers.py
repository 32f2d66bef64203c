"""When the calendar's cache goes stale: connected by `EventsConfig.ready()` to each model whose
rows the calendar shows or filters by, and to nothing else.

Every page model counts, not only events: an event's organisers and programs are pages, and an
event is only public while its ancestors are, so any published, unpublished, moved or deleted page
can change what the calendar lists.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import get_page_models
from wagtail.signals import post_page_move

from .caching import forget_everything


def watched_models():
    """The models whose changes make the calendar's options and counts stale."""
    from taxonomy.models import Topic

    from .models import EventSeries, Venue

    return (*get_page_models(), Venue, Topic, EventSeries)


def forget_now_and_after_commit():
    # Now for this request's own reads, and again once the transaction is visible to others:
    # a request in between could otherwise cache what is about to change under the new number.
    forget_everything()
    transaction.on_commit(forget_everything)


def forget_on_change(sender, instance, **kwargs):
    forget_now_and_after_commit()


def forget_on_relation_change(sender, instance, action, **kwargs):
    # One through table joins two models; a change seen from an unwatched side (a field of action
    # added to a partner from the snippet) changes nothing the calendar shows.
    if action.startswith("post_") and isinstance(instance, watched_models()):
        forget_now_and_after_commit()


def forget_on_move(sender, **kwargs):
    forget_now_and_after_commit()


def connect():
    """Connect the handlers to each watched model (and the through tables of its relations)."""
    models = watched_models()
    uid = "events.signal_handlers"
    for model in models:
        post_save.connect(forget_on_change, sender=model, dispatch_uid=f"{uid}.save.{model._meta}")
        post_delete.connect(
            forget_on_change, sender=model, dispatch_uid=f"{uid}.delete.{model._meta}"
        )
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                forget_on_relation_change, sender=through, dispatch_uid=f"{uid}.m2m.{through._meta}"
            )
    for model in get_page_models():
        post_page_move.connect(
            forget_on_move, sender=model, dispatch_uid=f"{uid}.move.{model._meta}"
        )
