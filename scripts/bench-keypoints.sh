#!/usr/bin/env bash
# Key-point speed against sumy's TextRank, in the same run, on the BBC business dev articles.
# Both sides run on one core (pinned with taskset when available) and are timed in thread CPU
# time, so other jobs on a shared machine do not count against either. Prints articles/second:
#   select              our ranking on sentences split beforehand   vs  sumy TextRank on sentences
#                                                                       tokenized beforehand
#   split+select        our splitting and ranking                   vs  sumy parse (Punkt) + TextRank
#   split+score+select  + each key point's sentiment and the key figures (all a brief needs)
#   analyze             the whole Analyzer, for scale
# and the ratios of like with like.
#
# Usage: scripts/bench-keypoints.sh            (builds the benchmark in release first)
#        SKIP_BUILD=1 SECONDS_PER_RUN=2 scripts/bench-keypoints.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
PY="${PY:-$HOME/.venv-eval/bin/python}"
ARTICLES="${ARTICLES:-$SHARED/data/bbc-business-dev/articles}"
BENCH=Benchmarks/KeyPointsBench
[ -x "$PY" ] || { echo "missing $PY: see $SHARED/eval/README.md" >&2; exit 2; }
[ -d "$ARTICLES" ] || { echo "missing $ARTICLES" >&2; exit 2; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then (cd "$BENCH" && swift build -c release >/dev/null); fi
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c 0); fi

ours=$(mktemp)
trap 'rm -f "$ours"' EXIT
"${PIN[@]}" "$BENCH/.build/release/KeyPointsBench" "$ARTICLES" --seconds "${SECONDS_PER_RUN:-3}" > "$ours"

"${PIN[@]}" "$PY" - "$ARTICLES" "$SHARED/eval" "$ours" <<'PYEOF'
import glob, os, sys, time
articles_dir, eval_dir, ours_path = sys.argv[1:4]
sys.path.insert(0, eval_dir)
import eval_keypoints as E                      # Punkt model set up offline, as the evaluator does
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.nlp.tokenizers import Tokenizer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

ours = {}
for line in open(ours_path):
    parts = line.split()
    if len(parts) == 2:
        ours[parts[0]] = float(parts[1])
    elif parts and parts[0] == "articles":
        n_articles, n_sentences = int(parts[1]), int(parts[3])

E.ensure_punkt_tab()
tok = Tokenizer("english")
summ = TextRankSummarizer(Stemmer("english"))
summ.stop_words = get_stop_words("english")
texts = []
for path in sorted(glob.glob(os.path.join(articles_dir, "*.txt"))):
    title, paragraphs = E.parse_article(E.read_text(path))
    texts.append("\n\n".join(paragraphs))

def rate(work):
    """Articles per CPU-second of this thread, over at least one pass and two seconds."""
    done, start = 0, time.thread_time()
    while True:
        for t in work():
            pass
        done += len(texts)
        spent = time.thread_time() - start
        if spent >= 2:
            return done / spent

# Rank only: documents tokenized into sentences beforehand (the evaluator's "selection only").
docs = [ObjectDocumentModel([Paragraph([Sentence(s, tok) for p in t.split("\n\n") for s in tok.to_sentences(p)])])
        for t in texts]
rank_only = rate(lambda: (summ(d, 3) for d in docs))
parse_rank = rate(lambda: (summ(PlaintextParser.from_string(t, tok).document, 3) for t in texts))

print(f"Key points on {n_articles} BBC business articles ({n_sentences} sentences), one core, articles per CPU-second")
print(f"  {'':34}{'bellwether':>12}{'sumy TextRank':>15}{'ratio':>9}")
print(f"  {'rank (sentences given)':34}{ours['select']:>12.0f}{rank_only:>15.1f}{ours['select'] / rank_only:>8.0f}x")
print(f"  {'split + rank':34}{ours['split+select']:>12.0f}{parse_rank:>15.1f}{ours['split+select'] / parse_rank:>8.0f}x")
print(f"  {'split + sentiment + rank + figures':34}{ours['split+score+select']:>12.0f}{'':>15}")
print(f"  {'whole analysis (Analyzer)':34}{ours['analyze']:>12.0f}{'':>15}")
PYEOF
