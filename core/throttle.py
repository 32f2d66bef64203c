"""Who a request comes from behind the proxy, and how often password-reset mails go out."""

import hashlib
import ipaddress
import logging

from django.conf import settings
from django.core.cache import cache
from wagtail.admin.forms.auth import PasswordResetForm

logger = logging.getLogger("k3cms.throttle")


def client_address(request):
    """The reader's address: REMOTE_ADDR, or with TRUSTED_PROXY_COUNT proxies in front, the
    address the outermost of them saw.

    Each trusted proxy appends the address it was connected from to X-Forwarded-For, so the
    client is the TRUSTED_PROXY_COUNT-th entry from the right; anything left of it was sent by
    the client and could be forged. Used by django-axes (AXES_CLIENT_IP_CALLABLE).
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote


def within_limit(key, limit, window):
    """Count one more use of `key`; whether it is still within `limit` per `window` seconds.

    Fails open: without a working cache nothing is counted and everything is allowed.
    """
    try:
        cache.add(key, 0, window)
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this is the first use of a new window
        cache.set(key, 1, window)
        count = 1
    except Exception:  # a cache backend that raises instead of missing
        logger.exception("Throttle cache unavailable, not throttling %s", key)
        return True
    return count is None or count <= limit


def _digest(value):
    return hashlib.sha256(value.encode()).hexdigest()[:32]


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's password-reset form that sends at most PASSWORD_RESET_LIMIT_PER_HOUR mails per
    e-mail address and per client address. Past the limit the reader sees the same neutral
    "check your inbox" page, so the form still tells nobody which addresses have accounts."""

    def save(self, *args, request=None, **kwargs):
        limit = settings.PASSWORD_RESET_LIMIT_PER_HOUR
        email = self.cleaned_data["email"].strip().lower()
        keys = [f"password-reset:email:{_digest(email)}"]
        if request is not None:
            keys.append(f"password-reset:client:{_digest(client_address(request))}")
        # Every key is counted, so that one exhausted counter does not spare the others.
        allowed = [within_limit(key, limit, 60 * 60) for key in keys]
        if not all(allowed):
            logger.warning("Password reset mail not sent: limit of %s per hour reached", limit)
            return
        super().save(*args, request=request, **kwargs)
