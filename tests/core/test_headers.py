"""Permissions-Policy everywhere; the admin's report-only CSP reports to /csp-report/."""

import json
import logging

import pytest

pytestmark = pytest.mark.django_db

DENIED = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]


def policy(response):
    directives = {}
    for part in response["Permissions-Policy"].split(","):
        name, _, value = part.strip().partition("=")
        directives[name] = value
    return directives


@pytest.mark.parametrize("url", ["/de/", "/en/", "/healthz", "/admin/login/"])
def test_browser_features_are_denied_on_every_response(client, url):
    directives = policy(client.get(url))
    for feature in DENIED + ["interest-cohort"]:
        assert directives[feature] == "()", feature


def test_the_admin_denies_them_too(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    directives = policy(response)
    for feature in DENIED:
        assert directives[feature] == "()", feature


def test_embedded_videos_may_still_go_fullscreen(client):
    assert "https://www.youtube-nocookie.com" in policy(client.get("/de/"))["fullscreen"]


def test_the_admin_policy_reports_to_the_endpoint(admin_client):
    header = admin_client.get("/admin/")["Content-Security-Policy-Report-Only"]
    assert "report-uri /csp-report/" in header


VIOLATION = {
    "csp-report": {
        "document-uri": "https://k3.example.org/admin/pages/3/edit/",
        "violated-directive": "script-src",
        "blocked-uri": "https://evil.example.net/x.js",
    }
}


def post_report(client, body, content_type="application/csp-report"):
    return client.post("/csp-report/", body, content_type=content_type)


def test_a_report_is_logged_and_answered_204(client, caplog):
    caplog.set_level(logging.WARNING, logger="k3cms.csp")
    response = post_report(client, json.dumps(VIOLATION))
    assert response.status_code == 204
    (record,) = [r for r in caplog.records if r.name == "k3cms.csp"]
    assert record.levelname == "WARNING"
    assert "script-src" in record.getMessage()
    assert "https://evil.example.net/x.js" in record.getMessage()


def test_a_reporting_api_report_is_accepted(client):
    body = [{"type": "csp-violation", "body": {"effectiveDirective": "img-src"}}]
    assert post_report(client, json.dumps(body), "application/reports+json").status_code == 204


def test_the_endpoint_needs_no_csrf_token(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert post_report(strict, json.dumps(VIOLATION)).status_code == 204


@pytest.mark.parametrize(
    "body",
    ["not json", "\xff\xfe", "[]", "{}", '{"csp-report": "x"}', "[1, 2]", "null", "42"],
)
def test_garbage_is_a_400(client, body):
    assert post_report(client, body).status_code == 400


def test_a_huge_report_is_refused(client):
    huge = {"csp-report": {"blocked-uri": "x" * 100_000}}
    assert post_report(client, json.dumps(huge)).status_code == 413


def test_only_posts(client):
    assert client.get("/csp-report/").status_code == 405
