#!/usr/bin/env bash
# The hardening properties with many more examples than the test suite runs (about 25 each there).
# usage: benchmarks/fuzz.sh [EXAMPLES]   (default 2000; takes minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
REHEARSE_FUZZ="${1:-2000}" python -m pytest -q -n 2 -p no:randomly \
  tests/test_bad_content.py tests/test_bad_dialogues.py tests/test_bad_templates.py
