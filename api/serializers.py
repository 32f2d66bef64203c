"""What the API tells about each page: the fields every page shares, then those of each type.

The declared fields are what drf-spectacular writes into the OpenAPI schema. What a page needs
beyond its own row (its real translations, the reader's version of its topics, the calendar's
programs) comes in the serializer context, fetched once for the whole page of results by the
views (`api.views`), so that a list costs the same number of queries for 3 items as for 100.
"""

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.structured_data import page_url as core_page_url
from core.translation import content_language
from events.choices import EventFormat, EventLanguage, EventStatus
from network.choices import CallStatus, PartnerRole, ProgramKind

# The same size feeds use (core.feeds): large enough for a detail view, the ratio kept.
IMAGE_SPEC = "max-1200x1200"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def absolute_url(request, url):
    return request.build_absolute_uri(url) if url else None


def page_url(request, page):
    """The page's public address, absolute, on the host the client asked."""
    # Wagtail's URL look-up wants Django's request (it caches the site's root paths on it).
    return core_page_url(getattr(request, "_request", request), page) or None


class ImageSerializer(serializers.Serializer):
    """A page's picture: a rendition's address and size, its alt text and its credit."""

    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt = serializers.CharField(help_text="Alternative text.")
    alt_language = serializers.ChoiceField(
        LANGUAGE_CODES, help_text="The language of the alternative text."
    )
    credit = serializers.CharField(help_text="Must be printed wherever the image is shown.")
    licence = serializers.CharField(help_text="Under which terms the image may be reused.")
    licence_url = serializers.CharField(help_text="The licence's text, where it has one.")

    def to_representation(self, image):
        rendition = image.get_rendition(IMAGE_SPEC)
        return {
            "url": absolute_url(self.context["request"], rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            # The image library's alt text is written in German (core.models.K3Image).
            "alt": image.default_alt_text,
            "alt_language": settings.LANGUAGE_CODE,
            "credit": image.credit,
            "licence": image.licence,
            "licence_url": image.licence_url,
        }


class TranslationSerializer(serializers.Serializer):
    language = serializers.ChoiceField(LANGUAGE_CODES)
    id = serializers.IntegerField()
    url = serializers.URLField()

    def to_representation(self, page):
        return {
            "language": page.locale.language_code,
            "id": page.pk,
            "url": page_url(self.context["request"], page),
        }


class TermSerializer(serializers.Serializer):
    """A topic or field of action, in the language of the list."""

    slug = serializers.SlugField()
    name = serializers.CharField()


class PageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    language = serializers.SerializerMethodField()
    content_language = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()
    summary = serializers.CharField()
    last_published_at = serializers.DateTimeField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page):
        return page_url(self.context["request"], page)

    @extend_schema_field(serializers.ChoiceField(LANGUAGE_CODES))
    def get_language(self, page):
        """The language of the tree the page belongs to (of its URL)."""
        return page.locale.language_code

    @extend_schema_field(serializers.ChoiceField(LANGUAGE_CODES))
    def get_content_language(self, page):
        """The language its text is written in: "de" for an English page not translated yet."""
        return content_language(page)

    @extend_schema_field(TranslationSerializer(many=True))
    def get_translations(self, page):
        """The page's real translations into the other language, visible to the public."""
        others = [
            other
            for other in self.context["translations"].get(page.translation_key, [])
            if other.pk != page.pk
        ]
        return TranslationSerializer(others, many=True, context=self.context).data


class VenueSerializer(serializers.Serializer):
    name = serializers.CharField()
    address = serializers.CharField()
    postcode = serializers.CharField()
    city = serializers.CharField()
    accessibility_notes = serializers.CharField()


class ProgramReferenceSerializer(serializers.Serializer):
    """A program as the calendar's program filter offers it."""

    slug = serializers.SlugField(help_text="The value of the events' `program` filter.")
    title = serializers.CharField()


class OrganiserSerializer(serializers.Serializer):
    title = serializers.CharField()
    city = serializers.CharField()


class EventSerializer(PageSerializer):
    intro = serializers.CharField()
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    all_day = serializers.BooleanField()
    status = serializers.ChoiceField(EventStatus.choices)
    status_note = serializers.CharField()
    format = serializers.ChoiceField(EventFormat.choices)
    event_language = serializers.ChoiceField(
        EventLanguage.choices, help_text="The language the event is held in."
    )
    venue = VenueSerializer(allow_null=True)
    online_access = serializers.CharField()
    online_url = serializers.URLField()
    audience = serializers.CharField()
    registration_url = serializers.URLField()
    registration_deadline = serializers.DateTimeField(allow_null=True)
    places = serializers.IntegerField(allow_null=True)
    fee = serializers.DecimalField(
        max_digits=7, decimal_places=2, allow_null=True, help_text="In euros; null when free."
    )
    sign_language = serializers.BooleanField()
    captions = serializers.BooleanField()
    step_free_access = serializers.BooleanField()
    induction_loop = serializers.BooleanField()
    easy_language = serializers.BooleanField()
    lead_organiser = OrganiserSerializer(allow_null=True)
    program = serializers.SerializerMethodField()
    topics = serializers.SerializerMethodField()
    image = ImageSerializer(allow_null=True)

    @extend_schema_field(ProgramReferenceSerializer(allow_null=True))
    def get_program(self, event):
        if event.program is None:
            return None
        program = self.context["programs"].get(event.program.translation_key)
        return ProgramReferenceSerializer(program).data if program else None

    @extend_schema_field(TermSerializer(many=True))
    def get_topics(self, event):
        localize = self.context["localize_topic"]
        return TermSerializer([localize(topic) for topic in event.topics.all()], many=True).data


class CallSerializer(serializers.Serializer):
    title = serializers.CharField(source="call_title")
    status = serializers.ChoiceField(CallStatus.choices, source="current_call_status")
    opens_at = serializers.DateTimeField(source="call_opens_at", allow_null=True)
    deadline = serializers.DateTimeField(source="call_deadline", allow_null=True)


class ProgramSerializer(PageSerializer):
    kind = serializers.ChoiceField(ProgramKind.choices)
    intro = serializers.CharField()
    target_groups = serializers.CharField()
    format = serializers.CharField()
    duration = serializers.CharField()
    call = serializers.SerializerMethodField()
    image = ImageSerializer(source="listing_image", allow_null=True)

    @extend_schema_field(CallSerializer(allow_null=True))
    def get_call(self, program):
        """The current call for applications, or null when there is none."""
        return CallSerializer(program).data if program.call_title else None


class PartnerSerializer(PageSerializer):
    role = serializers.ChoiceField(PartnerRole.choices)
    city = serializers.CharField()
    website = serializers.URLField()
    fields_of_action = serializers.SerializerMethodField()
    logo = serializers.SerializerMethodField()

    @extend_schema_field(TermSerializer(many=True))
    def get_fields_of_action(self, partner):
        localize = self.context["localize_field"]
        return TermSerializer(
            [localize(entry) for entry in partner.fields_of_action.all()], many=True
        ).data

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_logo(self, partner):
        """The logo; its alt text is the partner's name, as on the site."""
        if partner.logo is None:
            return None
        data = ImageSerializer(partner.logo, context=self.context).data
        return {**data, "alt": partner.title, "alt_language": content_language(partner)}


class NewsSerializer(PageSerializer):
    date = serializers.DateField()
    teaser = serializers.CharField()
    image = ImageSerializer(allow_null=True)


class ErrorSerializer(serializers.Serializer):
    """What a 404 or 429 says."""

    detail = serializers.CharField()
