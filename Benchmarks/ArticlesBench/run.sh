#!/usr/bin/env bash
# Article-loading benchmark: builds the adapter in release mode, then prints CPU µs per file for
# scan and parse over a corpus (default: a 10,000-article corpus generated on first use by
# ../shared/bench/gen_corpus.py). Extra arguments go to the benchmark (e.g. --rounds 3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-}"
if [[ -z "$corpus" || "$corpus" == --* ]]; then
  corpus="${BELLWETHER_BENCH_CORPUS:-/tmp/bellwether-c10k}"
  if [[ ! -d "$corpus" ]]; then
    python3 "$here/../../../shared/bench/gen_corpus.py" 10000 "$corpus"
  fi
else
  shift
fi
swift build -c release --package-path "$here" --product ArticlesBench
exec "$here/.build/release/ArticlesBench" "$corpus" "$@"
