#!/usr/bin/env bash
# Benchmark recording a 5,000-message chat export on SQLite and PostgreSQL (see README.md).
# PostgreSQL: set BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres); a
# scratch database safecomms_bench_imports is created on that server and dropped afterwards.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="$root/.venv/bin/python"
cd "$root"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

echo "SQLite (WAL, file on disc):" >&2
DATABASE_URL="sqlite:///$scratch/bench.sqlite3" "$python" "$here/bench_import.py" | tee "$scratch/sqlite.json"

server="${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
base="${server%/*}"
"$python" - "$server" <<'PY'
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as connection:
    connection.execute("DROP DATABASE IF EXISTS safecomms_bench_imports")
    connection.execute("CREATE DATABASE safecomms_bench_imports")
PY
echo "PostgreSQL:" >&2
DATABASE_URL="$base/safecomms_bench_imports" "$python" "$here/bench_import.py" | tee "$scratch/postgres.json"
"$python" - "$server" <<'PY'
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as connection:
    connection.execute("DROP DATABASE IF EXISTS safecomms_bench_imports")
PY
