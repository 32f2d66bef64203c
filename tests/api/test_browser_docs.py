"""The API's docs page in a real browser under the site's Content-Security-Policy: Swagger UI
renders every endpoint and runs a request, with nothing blocked and nothing from another host."""

from urllib.parse import urlsplit

from news.factories import NewsPageFactory
from tests.browser import browser_test, chromium, screenshot

pytestmark = browser_test

RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_swagger_ui_works_under_the_sites_csp(site, live_server, monkeypatch):
    NewsPageFactory(title="Meldung im Browser")
    base = live_server.url
    with chromium(monkeypatch) as browser:
        page = browser.new_page()
        page.add_init_script(RECORD_CSP_VIOLATIONS)
        errors, hosts = [], set()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))

        response = page.goto(f"{base}/api/v1/docs/")
        assert response.status == 200
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.locator(".opblock").first.wait_for()
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        for kind in ("events", "partners", "programs", "news"):
            assert f"/api/v1/{kind}/" in paths
            assert f"/api/v1/{kind}/{{id}}/" in paths

        news = page.locator(".opblock-get", has_text="/api/v1/news/").first
        news.locator(".opblock-summary").click()
        news.get_by_role("button", name="Try it out").click()
        news.get_by_role("button", name="Execute").click()
        status = news.locator(".live-responses-table tbody .response-col_status").first
        status.wait_for()
        assert status.inner_text().strip().startswith("200")
        assert "Meldung im Browser" in news.locator(".live-responses-table").inner_text()
        screenshot(page, "api-docs")

        assert page.evaluate("window.cspViolations") == []
        assert errors == []
        assert hosts == {urlsplit(base).netloc}
