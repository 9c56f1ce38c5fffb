#!/usr/bin/env bash
# Sentiment quality and speed against VADER, in the same run, on both evaluation sets.
# Prints each set's accuracy/macro-F1 side by side and the sentences/second of
# `bellwether score --lines` vs VADER with their ratio.
#
# Usage: scripts/bench-sentiment.sh            (builds release first)
#        SKIP_BUILD=1 scripts/bench-sentiment.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
PY="${PY:-$HOME/.venv-eval/bin/python}"
BIN=.build/release/bellwether
# Static linking: a short `score --lines` run is dominated by process start, and loading
# the shared Swift and Foundation libraries costs several times more than scoring 1,000 lines.
if [ "${SKIP_BUILD:-0}" != 1 ]; then swift build -c release --product bellwether --static-swift-stdlib >/dev/null; fi
[ -x "$PY" ] || { echo "missing $PY: see $SHARED/eval/README.md" >&2; exit 2; }
for set in phrasebank-dev tfns-train; do
  data="$SHARED/data/$set.tsv"
  [ -f "$data" ] || { echo "skip $set: $data not found"; continue; }
  out=$(mktemp)
  "$PY" "$SHARED/eval/eval_sentiment.py" "$data" --cmd "$BIN score --lines" --baseline vader --json "$out" >/dev/null
  "$PY" - "$out" "$set" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1])); name = sys.argv[2]
r = {x["system"].split(" ")[0]: x for x in d["results"]}
p, v = r["project"], r["vader"]
print(f"{name} (n={d['n']}):")
print(f"  bellwether  accuracy {p['accuracy']:.4f}  macro-F1 {p['macro_f1']:.4f}  {p['sent_per_s']:>10.0f} sentences/s  malformed {p['malformed']}")
print(f"  vader       accuracy {v['accuracy']:.4f}  macro-F1 {v['macro_f1']:.4f}  {v['sent_per_s']:>10.0f} sentences/s")
print(f"  speed ratio {p['sent_per_s'] / v['sent_per_s']:.1f}x vader")
PYEOF
  rm -f "$out"
done
