#!/usr/bin/env bash
# Behaviour check for analysis speed work: `bellwether brief --format json` of every article
# file under a folder, from two binaries, compared byte for byte. Key points are compared too
# but reported apart, since key-point selection is rewritten on its own (KeyPoints*.swift).
#
# Usage: Benchmarks/AnalysisBench/compare-briefs.sh OLD_BIN NEW_BIN [FOLDER]
#        (FOLDER defaults to examples/articles)
# Exit status 0 when everything but key points is identical.
set -euo pipefail
old="$1"; new="$2"; dir="${3:-examples/articles}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
files=0; same=0; kp_only=0; differ=0
while IFS= read -r -d '' f; do
  files=$((files + 1))
  "$old" brief "$f" --format json > "$tmp/old.json" 2>"$tmp/old.err" || true
  "$new" brief "$f" --format json > "$tmp/new.json" 2>"$tmp/new.err" || true
  if cmp -s "$tmp/old.json" "$tmp/new.json" && cmp -s "$tmp/old.err" "$tmp/new.err"; then same=$((same + 1)); continue; fi
  # Same apart from key points?
  strip='import json,sys
try: d = json.load(open(sys.argv[1]))
except Exception: print(open(sys.argv[1]).read()); sys.exit()
def walk(x):
    if isinstance(x, dict): return {k: walk(v) for k, v in x.items() if k != "key_points"}
    if isinstance(x, list): return [walk(v) for v in x]
    return x
print(json.dumps(walk(d), sort_keys=True))'
  if [ "$(python3 -c "$strip" "$tmp/old.json")" = "$(python3 -c "$strip" "$tmp/new.json")" ] && cmp -s "$tmp/old.err" "$tmp/new.err"; then
    kp_only=$((kp_only + 1)); echo "key points differ: $f"
  else
    differ=$((differ + 1)); echo "DIFFERENT: $f"; diff "$tmp/old.json" "$tmp/new.json" | head -20 || true
  fi
done < <(find "$dir" -type f -print0 | sort -z)
echo "files $files: identical $same, key points only $kp_only, different $differ"
[ "$differ" = 0 ]
