"""What the OpenAPI schema (drf-spectacular) describes."""


def public_endpoints_only(endpoints, **kwargs):
    """Our API's endpoints, not the other DRF views the URLconf holds (Wagtail's admin API)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
