#!/usr/bin/env bash
# Benchmark the chat log parser against whatstk and chat-miner (see README.md).
# Uses its own virtualenv so the peers' dependencies never touch the project's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade "pip==25.3"
"$venv/bin/python" -m pip install --quiet -e "$root" -r "$here/requirements.txt"
cd "$here"
exec "$venv/bin/python" run_bench.py
