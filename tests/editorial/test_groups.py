"""Acceptance 5 and the shape of the groups: sync_partner_spaces is idempotent and self-repairing."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from core.factories import K3ImageFactory, UserFactory, alias_in, first_or_create, translate
from editorial.factories import moderator, partner_editor, press_officer, translator
from editorial.groups import PRESS, REDAKTION, TRANSLATION, partner_group_name
from editorial.models import PartnerSpace
from network.factories import PartnerPageFactory
from network.models import PartnerPage
from press.factories import PressRoomPageFactory
from taxonomy.factories import TopicFactory

from .helpers import DENIED

pytestmark = pytest.mark.django_db


def rights():
    """Every group with all its rights, as comparable sets."""
    return {
        group.name: (
            frozenset(group.permissions.values_list("content_type__app_label", "codename")),
            frozenset(
                GroupPagePermission.objects.filter(group=group).values_list(
                    "page_id", "permission__codename"
                )
            ),
            frozenset(
                GroupCollectionPermission.objects.filter(group=group).values_list(
                    "collection_id", "permission__codename"
                )
            ),
        )
        for group in Group.objects.all()
    }


def test_sync_twice_gives_identical_groups_and_permissions(partners):
    call_command("sync_partner_spaces", verbosity=0)
    first = rights()
    collections = set(Collection.objects.values_list("pk", "name"))
    call_command("sync_partner_spaces", verbosity=0)
    assert rights() == first
    assert set(Collection.objects.values_list("pk", "name")) == collections
    assert {REDAKTION, TRANSLATION, PRESS} <= first.keys()
    for partner in partners:
        assert partner_group_name(partner.title) in first


def test_partner_group_rights_cover_both_locales_and_nothing_more(site, partners):
    partner = partners[0]
    group = Group.objects.get(name=partner_group_name(partner.title))
    _perms, pages, collections = rights()[group.name]
    page_ids = {page_id for page_id, _codename in pages}
    expected = set(
        PartnerPage.objects.filter(translation_key=partner.translation_key).values_list(
            "pk", flat=True
        )
    )
    assert page_ids == expected
    assert any(Page.objects.get(pk=pk).locale == site.en for pk in page_ids)
    assert {codename for _pk, codename in pages} == {"add_page", "change_page"}
    space = PartnerSpace.objects.get(group=group)
    assert {pk for pk, _c in collections} == {space.collection_id}
    assert (
        not group.permissions.filter(
            content_type__app_label__in=["auth", "wagtailcore", "wagtaillocales", "core"]
        )
        .exclude(codename__in=["access_admin"])
        .exists()
    )


def test_rename_add_and_remove_partner_are_fixed_up(partners):
    partner = PartnerPage.objects.get(pk=partners[0].pk)
    space = PartnerSpace.objects.get(partner_key=partner.translation_key)
    partner.title = "Umbenanntes Haus"
    partner.save_revision().publish()
    call_command("sync_partner_spaces", verbosity=0)
    space.refresh_from_db()
    assert space.group.name == partner_group_name("Umbenanntes Haus")
    assert space.collection.name == "Umbenanntes Haus"

    newcomer = PartnerPageFactory(
        parent=partner.get_parent(), title="Neu im Probenetz", slug="neu-im-probenetz"
    )
    call_command("sync_partner_spaces", verbosity=0)
    new_space = PartnerSpace.objects.get(partner_key=newcomer.translation_key)
    assert new_space.group.page_permissions.filter(page=newcomer).exists()

    # Removing a partner withdraws its group's rights; the group's media stay.
    newcomer.delete()
    call_command("sync_partner_spaces", verbosity=0)
    new_space.refresh_from_db()
    assert not new_space.group.page_permissions.exists()
    assert not new_space.group.collection_permissions.exists()
    assert not new_space.group.permissions.exists()
    assert Collection.objects.filter(pk=new_space.collection_id).exists()


def test_translator_may_not_edit_german_snippets_but_english_ones(client, site):
    topic = TopicFactory(name="Testthema", slug="testthema")
    english_topic = translate(topic, "en", name="Test topic")
    client.force_login(translator())
    german_url = reverse("wagtailsnippets_taxonomy_topic:edit", args=[topic.pk])
    response = client.post(german_url, {"name": "Übersetzer war hier", "slug": "testthema"})
    assert response.status_code in DENIED
    topic.refresh_from_db()
    assert topic.name == "Testthema"
    english_url = reverse("wagtailsnippets_taxonomy_topic:edit", args=[english_topic.pk])
    assert client.get(english_url).status_code == 200


def test_dashboard_panels(client, partners):
    partner = partners[0]
    client.force_login(partner_editor(partner))
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "editorial-moderation" in page
    assert "editorial-translations" in page
    # The partner page has only an English alias, no real translation: listed as missing.
    assert partner.title in page

    client.force_login(moderator())
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "editorial-moderation" in page

    # The translator and the press have no partner space: no partner panels.
    client.force_login(press_officer())
    assert "editorial-moderation" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_central_groups_through_the_admin(client, partners, home_page):
    # The press room in both languages, there before the groups are synced as in the demo.
    room = first_or_create(PressRoomPageFactory)
    english_room = alias_in(room, "en")
    client.force_login(moderator())
    # K3 Redaktion edits everything and manages settings and snippets, but not accounts or sites.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk])).status_code == 200
    navigation_url = reverse("wagtailsnippets_navigation_navigation:list")
    assert client.get(navigation_url).status_code == 200
    assert client.get(reverse("wagtailsnippets_taxonomy_topic:list")).status_code == 200
    for name in (
        "wagtailusers_users:index",
        "wagtailusers_groups:index",
        "wagtailsites:index",
        "wagtaillocales:index",
    ):
        assert client.get(reverse(name)).status_code in DENIED, name

    # Presse works in the press room only.
    press_user = press_officer()
    client.force_login(press_user)
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[partners[0].pk])).status_code in DENIED
    )
    assert client.get(reverse("wagtailadmin_pages:edit", args=[room.pk])).status_code == 200
    assert english_room.permissions_for_user(press_user).can_publish()


def test_partner_media_rights_are_limited_to_its_collection(client, partners):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    editor = partner_editor(partners[0])
    own = PartnerSpace.objects.get(partner_key=partners[0].translation_key).collection
    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        for action in ("add", "choose"):
            assert set(policy.collections_user_has_permission_for(editor, action)) == {own}
    # Deleting: only what the editor uploaded, never a colleague's or another partner's file.
    image_policy = policy_registry.get_by_type(get_image_model())
    other = PartnerSpace.objects.get(partner_key=partners[1].translation_key).collection
    colleague = UserFactory()
    images = {
        name: K3ImageFactory(title=name, collection=collection, uploaded_by_user=owner)
        for name, collection, owner in [
            ("own", own, editor),
            ("colleague", own, colleague),
            ("other", other, colleague),
        ]
    }
    can = image_policy.user_has_permission_for_instance
    assert can(editor, "delete", images["own"]) and can(editor, "change", images["own"])
    assert can(editor, "choose", images["colleague"])
    assert not can(editor, "change", images["colleague"])
    assert not can(editor, "delete", images["colleague"])
    assert not can(editor, "change", images["other"]) and not can(editor, "choose", images["other"])
    client.force_login(editor)
    assert client.get(reverse("wagtailimages:index")).status_code == 200
    assert client.get(reverse("wagtailimages:add")).status_code == 200
    assert client.get(reverse("wagtailimages_chooser:choose")).status_code == 200
    assert client.get(reverse("wagtaildocs:index")).status_code == 200
