"""`safecomms serve`: the development web server and the task queue worker, together."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="safecomms serve")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--no-worker", action="store_true", help="do not start the task queue worker"
    )
    args = parser.parse_args(argv)
    # Links in e-mails point at the server being started, unless configured otherwise.
    os.environ.setdefault("SAFECOMMS_BASE_URL", f"http://{args.host}:{args.port}")
    python = sys.executable
    # A stop request from a supervisor or `kill` ends the server the way Ctrl+C does, so the web
    # server and the worker are stopped with it instead of being left holding the port.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    worker = None
    if not args.no_worker:
        worker = subprocess.Popen([python, "-m", "django", "run_huey", "--quiet"])  # noqa: S603
    try:
        print(
            f"SafeComms is running at http://{args.host}:{args.port}/ (press Ctrl+C to stop)",
            flush=True,
        )
        return subprocess.call(  # noqa: S603
            [python, "-m", "django", "runserver", "--noreload", f"{args.host}:{args.port}"]
        )
    except KeyboardInterrupt:
        return 0
    finally:
        if worker is not None:
            worker.send_signal(signal.SIGINT)
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(0)
