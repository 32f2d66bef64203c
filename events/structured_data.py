"""schema.org Event as JSON-LD for search engines and other readers of the page."""

from django.utils import timezone

from core.structured_data import SCHEMA_ORG, image_object, page_url
from core.translation import content_language, localize_all

from .choices import EventFormat, EventLanguage, EventStatus

EVENT_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.FULLY_BOOKED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
}
ATTENDANCE_MODE = {
    EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
IN_LANGUAGE = {
    EventLanguage.GERMAN: "de",
    EventLanguage.ENGLISH: "en",
    EventLanguage.BILINGUAL: ["de", "en"],
}


def _date(event, value):
    local = timezone.localtime(value)
    return local.date().isoformat() if event.all_day else local.isoformat()


def event_json_ld(event, request, organisers=None):
    """schema.org Event data (a dict for core.structured_data.json_ld); `organisers` as the
    reader sees them (computed if not given)."""
    if organisers is None:
        organisers = localize_all(event.organisers, event.locale_id, fall_back_to_chosen=True)
    url = page_url(request, event)
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Event",
        "name": event.title,
        "description": event.intro,
        "url": url,
        "startDate": _date(event, event.start),
        "endDate": _date(event, event.end),
        "eventStatus": EVENT_STATUS[event.status],
        "eventAttendanceMode": ATTENDANCE_MODE[event.format],
        "inLanguage": IN_LANGUAGE[event.event_language],
    }
    locations = []
    if event.venue_id and event.format != EventFormat.ONLINE:
        venue = event.venue
        locations.append(
            {
                "@type": "Place",
                "name": venue.name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": " ".join(venue.address.split()),
                    "addressLocality": venue.city,
                    "addressCountry": "DE",
                },
            }
        )
        if venue.postcode:
            locations[-1]["address"]["postalCode"] = venue.postcode
    if event.format != EventFormat.IN_PERSON:
        virtual = {"@type": "VirtualLocation"}
        if event.online_url:
            virtual["url"] = event.online_url
        locations.append(virtual)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organizations = [
        {
            "@type": "Organization",
            "name": organiser.title,
            "url": page_url(request, organiser),
        }
        for organiser in organisers
    ]
    if organizations:
        data["organizer"] = organizations[0] if len(organizations) == 1 else organizations
    if event.fee:
        offer = {
            "@type": "Offer",
            "price": f"{event.fee:.2f}",
            "priceCurrency": "EUR",
            "url": event.registration_url or url,
        }
        if event.status == EventStatus.FULLY_BOOKED:
            offer["availability"] = "https://schema.org/SoldOut"
        data["offers"] = offer
    else:
        data["isAccessibleForFree"] = True
    image = event.image or event.listing_image
    if image is not None:
        # 16:9, as search engines prefer for events.
        data["image"] = image_object(request, image, content_language(event), spec="fill-1200x675")
    return data
