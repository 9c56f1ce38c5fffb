#!/usr/bin/env bash
# Sentiment quality and speed against VADER, in the same run, on both evaluation sets.
# Prints each set's accuracy/macro-F1 side by side, the sentences/second of
# `bellwether score --lines` vs VADER with their ratio, and what bounds that ratio: the
# evaluator times the whole command through `sh -c` (process start included), so the same
# run also times `cat > /dev/null` on the same input (the floor any command pays) and
# bellwether on empty input (its own start-up).
#
# Usage: scripts/bench-sentiment.sh            (builds release first)
#        SKIP_BUILD=1 scripts/bench-sentiment.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
PY="${PY:-$HOME/.venv-eval/bin/python}"
BIN=.build/release/bellwether
# The build `make site` makes: on Linux a fully static executable (Package.swift), because a
# short `score --lines` run is dominated by process start, and loading shared libraries (or, with
# only the Swift libraries static, relocating an 80 MB binary against libc) costs more than
# scoring a thousand lines.
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product bellwether >/dev/null
fi
[ -x "$PY" ] || { echo "missing $PY: see $SHARED/eval/README.md" >&2; exit 2; }
for set in phrasebank-dev tfns-train; do
  data="$SHARED/data/$set.tsv"
  [ -f "$data" ] || { echo "skip $set: $data not found"; continue; }
  out=$(mktemp)
  "$PY" "$SHARED/eval/eval_sentiment.py" "$data" --cmd "$BIN score --lines" --baseline vader --json "$out" >/dev/null
  "$PY" - "$out" "$set" "$data" "$BIN" <<'PYEOF'
import json, subprocess, sys, time
d = json.load(open(sys.argv[1])); name, data, binary = sys.argv[2], sys.argv[3], sys.argv[4]
r = {x["system"].split(" ")[0]: x for x in d["results"]}
p, v = r["project"], r["vader"]
print(f"{name} (n={d['n']}):")
print(f"  bellwether  accuracy {p['accuracy']:.4f}  macro-F1 {p['macro_f1']:.4f}  {p['sent_per_s']:>10.0f} sentences/s  malformed {p['malformed']}")
print(f"  vader       accuracy {v['accuracy']:.4f}  macro-F1 {v['macro_f1']:.4f}  {v['sent_per_s']:>10.0f} sentences/s")
print(f"  speed ratio {p['sent_per_s'] / v['sent_per_s']:.1f}x vader")
# The evaluator's way of running a command: sh -c, the lines on stdin, output captured.
lines = "".join(l.split("\t", 1)[1] for l in open(data, encoding="utf-8") if "\t" in l).encode()
def median_ms(cmd, payload):
    ts = []
    for _ in range(15):
        t0 = time.perf_counter(); subprocess.run(cmd, shell=True, input=payload, capture_output=True); ts.append(time.perf_counter() - t0)
    return sorted(ts)[len(ts) // 2] * 1e3
floor, start, full = median_ms("cat > /dev/null", lines), median_ms(f"{binary} score --lines", b""), median_ms(f"{binary} score --lines", lines)
n = d["n"]
print(f"  wall, median of 15: cat > /dev/null {floor:.1f} ms, bellwether on empty input {start:.1f} ms, on the set {full:.1f} ms")
print(f"  the floor alone allows at most {n / floor * 1e3 / v['sent_per_s']:.0f}x vader on this set")
PYEOF
  rm -f "$out"
done
