"""`safecomms serve` stops its web server and task worker when it is asked to stop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not Path("/proc").is_dir(), reason="reads child processes from /proc"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_stop_signal_stops_the_web_server_and_the_worker(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "safecomms.config.settings",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "safecomms.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not _answers(port):
            assert server.poll() is None, "safecomms serve exited before it answered"
            assert time.monotonic() < deadline, "safecomms serve did not answer within a minute"
            time.sleep(0.2)
        children = _children(server.pid)
        assert len(children) == 2  # the web server and the task worker

        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
        deadline = time.monotonic() + 15
        while any(_running(child) for child in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_running(child) for child in children)
        assert not _answers(port)
    finally:
        if server.poll() is None:
            server.kill()
