"""Persistent database connections are checked before reuse."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def database_settings(**env):
    code = (
        "import json, django; django.setup(); from django.conf import settings;"
        "d = settings.DATABASES['default'];"
        "print(json.dumps([d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS']]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "k3cms.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("max_age", "expected"), [("0", [0, False]), ("60", [60, True])])
def test_persistent_connections_get_health_checks(max_age, expected):
    assert database_settings(DATABASE_CONN_MAX_AGE=max_age) == expected
