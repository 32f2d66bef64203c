"""Fault drill: what readers get while Redis and the database go away and come back.

    .venv/bin/python bench/faults.py                 # SQLite (a temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/k3_faults .venv/bin/python bench/faults.py

Starts its own redis-server on a free port and the site under gunicorn on a free loopback port
(k3cms.settings.dev with DEBUG off, so readers get the real error pages) against a throwaway
database with the demo content. Then, step by step, stops Redis, starts it again, takes the
database away and brings it back, and prints what /de/, /en/ and /healthz answered at each step.

Taking the database away: on SQLite its directory is renamed, so the file cannot be opened; on
PostgreSQL the site talks to it through a small TCP relay started here, which is closed and
reopened (the shared PostgreSQL server itself is never stopped). The PostgreSQL database named in
DATABASE_URL gets a `_faults` suffix and is dropped at the end.

Everything runs under a time limit (--timeout, default 300 s) and is cleaned up at the end.
"""

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The same throwaway servers the fault tests start.
from tests.core.servers import RedisServer, free_port, wait_for_port  # noqa: E402

PATHS = ["/de/", "/en/", "/healthz"]


class Relay:
    """A TCP relay from a loopback port to the database server; close() cuts every connection."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.listener = None
        self.sockets = []
        self.lock = threading.Lock()

    def open(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen()
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def close(self):
        with self.lock:
            if self.listener is not None:
                # shutdown() wakes the thread blocked in accept(); close() alone does not.
                with contextlib.suppress(OSError):
                    self.listener.shutdown(socket.SHUT_RDWR)
                self.listener.close()
                self.listener = None
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets = []

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class SQLiteDatabase:
    def __init__(self, workdir):
        self.directory = workdir / "database"
        self.directory.mkdir()
        self.url = f"sqlite:///{self.directory / 'db.sqlite3'}"

    def take_away(self):
        self.directory.rename(self.directory.with_name("database-away"))

    def bring_back(self):
        self.directory.with_name("database-away").rename(self.directory)

    def drop(self):
        pass


class PostgreSQLDatabase:
    def __init__(self, url):
        parts = urlsplit(url)
        self.name = parts.path.lstrip("/") + "_faults"
        self.admin_url = urlunsplit(parts._replace(path="/postgres"))
        self.relay = Relay(parts.hostname or "127.0.0.1", parts.port or 5432)
        netloc = parts.netloc.rsplit("@", 1)
        credentials = netloc[0] + "@" if len(netloc) == 2 else ""
        self.url = urlunsplit(
            parts._replace(netloc=f"{credentials}127.0.0.1:{self.relay.port}", path=f"/{self.name}")
        )
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{self.name}"')
        self.relay.open()

    def _admin(self, statement):
        import psycopg

        with psycopg.connect(self.admin_url.replace("postgres://", "postgresql://", 1)) as conn:
            conn.autocommit = True
            conn.execute(statement)

    def take_away(self):
        self.relay.close()

    def bring_back(self):
        self.relay.open()

    def drop(self):
        self.relay.close()
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def site_environment(database, redis, workdir):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))}
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "k3cms.settings.dev",
        "DJANGO_DEBUG": "false",  # the error pages readers really get
        "DATABASE_URL": database.url,
        "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
        "REDIS_RETRY_INTERVAL": "1",
        "MEDIA_ROOT": str(workdir / "media"),
    }


def get(port, path):
    started = time.monotonic()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    except OSError as error:
        status, body = f"no answer ({error})", ""
    return status, body, time.monotonic() - started


def report(step, port):
    print(f"\n--- {step}")
    for path in PATHS:
        status, body, seconds = get(port, path)
        detail = body.strip() if path == "/healthz" else ""
        print(f"  {path:<9} {status}  {seconds * 1000:6.0f} ms  {detail}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=300, help="give up after this many seconds")
    options = parser.parse_args()
    if shutil.which("redis-server") is None:
        sys.exit("redis-server is not installed (apt-get install redis-server)")

    def out_of_time(*_):
        raise TimeoutError(f"the drill took longer than {options.timeout} s")

    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(options.timeout)

    workdir = Path(tempfile.mkdtemp(prefix="k3cms-faults-"))
    redis, site, database = RedisServer(), None, None
    log = workdir / "site.log"
    try:
        redis.start()
        url = os.environ.get("DATABASE_URL", "")
        database = (
            PostgreSQLDatabase(url) if url.startswith("postgres") else SQLiteDatabase(workdir)
        )
        env = site_environment(database, redis, workdir)
        print(f"Database: {database.url}\nRedis:    {env['REDIS_URL']}")
        print("Migrating and loading the demo content …", flush=True)
        for command in (["migrate", "--noinput"], ["load_demo_content"]):
            subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        port = free_port()
        with log.open("w") as log_file:
            site = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "k3cms.wsgi:application"]
                + ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "30"],
                cwd=ROOT,
                env=env,
                stdout=log_file,
                stderr=log_file,
            )
        wait_for_port(port, timeout=60)
        print(f"Site:     http://127.0.0.1:{port}/ (gunicorn, 1 worker)")

        report("1. everything up", port)
        redis.stop()
        report("2. Redis stopped", port)
        report("3. Redis still stopped (second round: no new log lines)", port)
        redis.start()
        time.sleep(1.5)  # REDIS_RETRY_INTERVAL: the site asks Redis again after a second
        report("4. Redis started again (empty)", port)
        redis.process.send_signal(signal.SIGSTOP)
        report("5. Redis hung (SIGSTOP): each call waits for the socket timeout", port)
        report("6. Redis still hung: not asked again within REDIS_RETRY_INTERVAL", port)
        redis.process.send_signal(signal.SIGCONT)
        time.sleep(1.5)
        report("7. Redis answering again", port)
        database.take_away()
        report("8. database away", port)
        database.bring_back()
        report("9. database back", port)

        print("\n--- what the site logged about the cache and the database")
        for line in log.read_text().splitlines():
            if "Cache " in line or "OperationalError" in line or "Service Unavailable" in line:
                print("  " + line[:200])
    finally:
        signal.alarm(0)
        if site is not None:
            site.terminate()
            site.wait(timeout=20)
        redis.stop()
        if database is not None:
            database.drop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
