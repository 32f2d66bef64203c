"""Real servers for the tests: a throwaway redis-server, the site under gunicorn, and finding the
Debian binaries of the proxies (nginx, Varnish) the proxy tests start."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def installed_binary(name, package):
    """The path of Debian's `name` (PATH or /usr/sbin); skipped where it is not installed, failed
    on CI, which installs `package`."""
    import pytest

    found = shutil.which(name) or next(
        (path for path in (f"/usr/sbin/{name}",) if os.path.exists(path)), None
    )
    if found is None:
        message = f"{name} is not installed (apt-get install {package}; .ci/run does it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=15, process=None):
    """Until something listens on `port`; with `process` (started by `start_server`), fail at once
    with its output if it exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"{process.args[0]} exited: {server_output(process)}") from None
            time.sleep(0.05)
    output = f": {server_output(process)}" if process is not None else ""
    raise TimeoutError(f"nothing listens on port {port}{output}")


def start_server(command, **kwargs):
    """Popen of a server whose output goes to a temporary file, never to a pipe: nobody reads a
    pipe while the server runs, and a full one (64 KB of log lines) stops the server mid-test."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the process object
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, **kwargs)
    process.log = log
    return process


def server_output(process):
    process.log.seek(0)
    return process.log.read().decode(errors="replace")[-4000:]


class RedisServer:
    """`redis-server` on a free loopback port, without persistence; start() and stop() at will."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        return self

    def stop(self):
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)  # in case a drill froze it
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class Site:
    """The site under gunicorn on a free loopback port, with extra environment variables."""

    def __init__(self, env, settings="k3cms.settings.test"):
        self.port = free_port()
        base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
        self.env = {**base, "DJANGO_SETTINGS_MODULE": settings, **env}
        self.process = None

    def start(self):
        self.process = start_server(
            [sys.executable, "-m", "gunicorn", "k3cms.wsgi:application"]
            + ["--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--timeout", "30"],
            cwd=ROOT,
            env=self.env,
        )
        wait_for_port(self.port, timeout=60, process=self.process)
        return self

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None

    def get(self, path):
        """(status, headers, body) of a GET; error statuses are answers too."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}")
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()
