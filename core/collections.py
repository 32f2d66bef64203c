"""Media collections by name: the partner spaces' and the press team's."""

from wagtail.models import Collection


def child_collection(parent, name, existing=None):
    """`existing` renamed to `name` if given, else the child of `parent` called `name`."""
    if existing is not None:
        if existing.name != name:
            existing.name = name
            existing.save(update_fields=["name"])
            # Collections keep their children sorted by name in the tree paths; a renamed one
            # must move to its new place or the next sorted insert collides.
            existing.move(Collection.objects.get(pk=parent.pk), pos="sorted-child")
            existing.refresh_from_db()
        return existing
    for child in parent.get_children():
        if child.name == name:
            return child
    return parent.add_child(name=name)
