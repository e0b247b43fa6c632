#!/usr/bin/env bash
# SafeComms through its real command line, as a user would run it.
exec "$(dirname "$0")/../.venv/bin/safecomms" chat parse "$1" --output "$2"
