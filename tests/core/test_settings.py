"""Production settings refuse to start half-configured, and pass Django's deploy check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x7Qm2vR9tLp4Wz8Kc1Nf6Hy3Bd5Gs0Ja7Ue2Xo9Vi4Rq8Tl1Mk6Pn3Cw5Zb0Fh",
    "DJANGO_ALLOWED_HOSTS": "k3-nrw.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_manage(*args, env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "REDIS_URL"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_the_variables_set():
    result = run_manage(
        "check", "--deploy", "--settings=k3cms.settings.production", env=PRODUCTION_ENV
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output.upper(), output
    assert "no issues" in output


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "REDIS_URL"])
def test_production_refuses_to_start_without_a_variable_and_names_it(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_manage("check", "--settings=k3cms.settings.production", env=env)
    assert result.returncode != 0
    assert missing in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_make_run_points_admin_links_at_the_port_it_serves():
    """Notification mails link to WAGTAILADMIN_BASE_URL: `make run` sets it to where it serves."""
    plan = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    serve = [line for line in plan.splitlines() if "runserver" in line]
    assert serve == [
        "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8123 .venv/bin/python manage.py runserver "
        "127.0.0.1:8123"
    ]
