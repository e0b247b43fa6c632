#!/usr/bin/env bash
# Screening benchmark: SafeComms against Presidio's pattern recognisers on one generated corpus.
# Called by `make bench-screening` from the repository root. Builds its own virtualenv here.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VENV="$HERE/.venv"
WORK="$HERE/work"
MESSAGES="${MESSAGES:-20000}"
PYTHON="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade "pip==25.3"
"$VENV/bin/python" -m pip install --quiet -r "$HERE/requirements.txt"
"$VENV/bin/python" -m pip install --quiet -e "$ROOT"

mkdir -p "$WORK"
# No spaCy model can be downloaded: Presidio gets a blank English pipeline, so only its pattern
# recognisers run.
"$VENV/bin/python" -c "import spacy, sys; spacy.blank('en').to_disk(sys.argv[1])" "$WORK/blank_en"
"$VENV/bin/python" "$HERE/generate_corpus.py" "$WORK" --messages "$MESSAGES"
"$VENV/bin/python" "$HERE/evaluate.py" "$WORK" "$VENV/bin/python" "$VENV/bin/python" "$WORK/blank_en"
