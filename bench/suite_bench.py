"""Test-suite time: this checkout's suite without the demo against a baseline commit's whole suite.

    .venv/bin/python bench/suite_bench.py                  # baseline 6d31321, the last main before the re-cut
    .venv/bin/python bench/suite_bench.py --baseline <commit>

The baseline commit is exported with `git archive` into a temporary directory and its whole suite
runs there in one process (it loaded the demo once per session and stood every test on it). Then this
checkout's suite runs without the tests that load the demo (`-m "not demo"`), in one process and in
one process per CPU (what `make test` does). All three use this checkout's virtualenv and SQLite, in
this one run, so the ratios compare like with like on the same machine. Takes about ten minutes.

Exit status: 0 measured, 1 a suite failed, 77 the baseline commit is not in this clone's history.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from upgrade_drill import COMMIT_UNAVAILABLE, DEFAULT_COMMIT, PROJECT, commit_is_available, export


def timed_pytest(checkout, *args):
    """Seconds the suite in `checkout` took, and its last line."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "K3_SESSION_DEMO"}}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]
    print(f"$ ({checkout.name}) {' '.join(command[1:])}", flush=True)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-500:]
    print(f"  {seconds:.0f} s: {summary}", flush=True)
    if done.returncode:
        print(done.stdout[-3000:])
        raise SystemExit(1)
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=DEFAULT_COMMIT)
    commit = parser.parse_args().baseline
    if not commit_is_available(commit):
        print(f"Commit {commit} is not in this clone (shallow?): nothing measured.")
        return COMMIT_UNAVAILABLE
    with tempfile.TemporaryDirectory(prefix="k3-suite-") as tmp:
        baseline = Path(tmp) / "baseline"
        export(commit, baseline)
        base = timed_pytest(baseline, "-p", "no:xdist")
    serial = timed_pytest(PROJECT, "-m", "not demo", "-p", "no:xdist")
    parallel = timed_pytest(PROJECT, "-m", "not demo", "-n", "auto")
    print()
    print(f"baseline {commit}, whole suite on the demo, one process: {base:6.0f} s   1.00")
    print(
        f"this checkout, -m 'not demo', one process:           {serial:6.0f} s   {serial / base:.2f}"
    )
    print(
        f"this checkout, -m 'not demo', -n auto ({os.cpu_count()} CPUs):      "
        f"{parallel:6.0f} s   {parallel / base:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
