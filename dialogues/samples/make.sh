#!/usr/bin/env bash
# Regenerate the sample dialogues from their scripts with `rehearse chat` (seed 0).
# Run it after changing a shipped playbook on purpose; `rehearse replay --check dialogues/samples`
# (run by CI) fails until the samples agree with today's playbooks and engine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
for script in "$here"/scripts/*.txt; do
  name=$(basename "$script" .txt)
  rehearse chat dprk --seed 0 --save-dir "$tmp/$name" < "$script" > /dev/null
  mv "$tmp/$name"/*.jsonl "$here/$name.jsonl"
done
rm -rf "$tmp"
echo "samples written to $here"
