"""Login lockouts and password-reset mails are counted per client behind the proxy."""

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import override_settings

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # every request reaches the site through the same reverse proxy
CLIENT_A = "203.0.113.5"
CLIENT_B = "198.51.100.9"
PASSWORD = "a-long-and-correct-passphrase"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        username="throttled-editor",
        email="throttled-editor@example.org",
        password=PASSWORD,
        is_staff=True,
        is_superuser=True,
    )


def log_in(client, address, password, username="throttled-editor", forwarded_for=None):
    headers = {"REMOTE_ADDR": address}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    client.logout()
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, **headers
    )


def logged_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_failures_behind_the_proxy_lock_out_only_that_client(client, editor):
    for _ in range(5):
        response = log_in(client, PROXY, "wrong", forwarded_for=CLIENT_A)
        assert not logged_in(response)

    # Another reader behind the same proxy, same username: still let in.
    assert logged_in(log_in(client, PROXY, PASSWORD, forwarded_for=CLIENT_B))
    # The one who failed five times is locked, even with the right password.
    locked = log_in(client, PROXY, PASSWORD, forwarded_for=CLIENT_A)
    assert not logged_in(locked)
    assert locked.status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_forged_forwarded_for_does_not_escape_the_lockout(client, editor):
    # The proxy appends the real address; whatever the client put in front is not believed.
    for forged in ("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"):
        log_in(client, PROXY, "wrong", forwarded_for=f"{forged}, {CLIENT_A}")
    locked = log_in(client, PROXY, PASSWORD, forwarded_for=f"192.0.2.99, {CLIENT_A}")
    assert locked.status_code == 429


def test_without_a_trusted_proxy_the_connecting_address_counts(client, editor):
    # DJANGO_TRUSTED_PROXY_COUNT=0 (the default): X-Forwarded-For is ignored entirely.
    for _ in range(5):
        log_in(client, CLIENT_A, "wrong", forwarded_for="192.0.2.1")
    assert log_in(client, CLIENT_A, PASSWORD, forwarded_for="192.0.2.2").status_code == 429
    assert logged_in(log_in(client, CLIENT_B, PASSWORD))


# --- password-reset mails ----------------------------------------------------------------------


def ask_for_reset(client, email, address=CLIENT_A):
    response = client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)
    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/done/"
    return response


@override_settings(PASSWORD_RESET_LIMIT_PER_HOUR=3)
def test_reset_mails_for_one_address_stop_at_the_limit(client, editor):
    for attempt, address in enumerate(["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"]):
        ask_for_reset(client, "Throttled-Editor@example.org", address)
        assert len(mail.outbox) == min(attempt + 1, 3)
    # The reader sees the same neutral page either way.
    assert client.get("/admin/password_reset/done/").status_code == 200


@override_settings(PASSWORD_RESET_LIMIT_PER_HOUR=3)
def test_reset_mails_from_one_client_stop_at_the_limit(client, django_user_model):
    for number in range(5):
        django_user_model.objects.create_user(
            username=f"reader-{number}", email=f"reader-{number}@example.org", password=PASSWORD
        )
    for number in range(5):
        ask_for_reset(client, f"reader-{number}@example.org")
    assert len(mail.outbox) == 3
    # Another client is not affected.
    ask_for_reset(client, "reader-4@example.org", CLIENT_B)
    assert len(mail.outbox) == 4


@override_settings(PASSWORD_RESET_LIMIT_PER_HOUR=3)
def test_unknown_addresses_look_the_same(client, editor):
    ask_for_reset(client, "nobody@example.org")
    assert mail.outbox == []


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize("forwarded_for", ["", "not-an-address", " , ,", "999.1.1.1", "x" * 5000])
def test_a_broken_forwarded_for_counts_as_the_proxy_itself(client, editor, forwarded_for):
    response = log_in(client, PROXY, "wrong", forwarded_for=forwarded_for)
    assert response.status_code == 200  # the login form again, with its error
    assert AccessAttempt.objects.get(username="throttled-editor").ip_address == PROXY
