#!/usr/bin/env bash
# Mustache benchmark: builds both adapters in release mode (one after the other: the machine
# has two cores), then renders the briefing fixture with each, interleaved, and prints
# renders/s, MB/s and the ratio. Fails if our output is not byte-identical to
# fixtures/briefing.expected.html. Extra arguments go to compare.py (e.g. --runs 5, --quick).
# BELLWETHER_BENCH_FIXTURES points at another fixture folder (same layout).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
swift build -c release --package-path "$here" --product BenchBellwether
swift build -c release --package-path "$here/SwiftMustache" --product BenchSwiftMustache
exec python3 "$here/compare.py" \
  --engine "bellwether=$here/.build/release/BenchBellwether" \
  --engine "swift-mustache=$here/SwiftMustache/.build/release/BenchSwiftMustache" \
  --fixtures "${BELLWETHER_BENCH_FIXTURES:-$here/fixtures}" "$@"
