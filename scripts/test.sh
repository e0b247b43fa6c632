#!/usr/bin/env bash
# The whole test suite: static checks, then pytest on SQLite, on PostgreSQL and in Chromium.
# Outside CI, a missing PostgreSQL or Chromium is skipped and said so; in CI (CI=true) it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DJANGO_SETTINGS_MODULE=safecomms.config.settings
# Screening keeps its compiled rules in a disk cache; the suite keeps its own, inside the checkout.
export SAFECOMMS_CACHE_DIR="${SAFECOMMS_CACHE_DIR-$PWD/var/cache}"
skipped=()

echo "== ruff, formatting, import contract, mypy, migrations"
$BIN/ruff check .
$BIN/ruff format --check .
$BIN/lint-imports --no-cache
$BIN/mypy
$BIN/python -m django makemigrations --check --dry-run >/dev/null

echo "== tests on SQLite"
DATABASE_URL="sqlite:///:memory:" $BIN/pytest -q -m "not browser" -p no:cacheprovider

pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if $BIN/python -c "import psycopg,sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" "$pg_url" 2>/dev/null; then
  echo "== tests on PostgreSQL"
  DATABASE_URL="$pg_url" $BIN/pytest -q -m "not browser" -p no:cacheprovider
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not answering at $pg_url, and CI skips nothing." >&2; exit 1
else
  skipped+=("PostgreSQL tests: nothing answers at $pg_url (set TEST_DATABASE_URL)")
fi

if command -v chromium >/dev/null 2>&1; then
  echo "== browser tests in Chromium, with axe-core"
  DATABASE_URL="sqlite:///:memory:" $BIN/pytest -q -m browser -p no:cacheprovider -p no:randomly
elif [ "${CI:-}" = "true" ]; then
  echo "Chromium is not installed, and CI skips nothing." >&2; exit 1
else
  skipped+=("browser tests: Debian's chromium is not installed (apt-get install chromium)")
fi

if [ ${#skipped[@]} -gt 0 ]; then
  echo
  echo "Skipped:"
  printf ' - %s\n' "${skipped[@]}"
fi
