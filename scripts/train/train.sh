#!/bin/sh
# Re-trains the page classifier (server/src/analysis/page/model.json) from the annotated
# WCXB pages, in two stages:
#   1. dump.ts dumps per-line features through the real engine;
#   2. oof.py trains the first-stage ensembles (chrome, headline) on 5 file folds and keeps
#      every line's out-of-fold scores, then trains them on every file;
#   3. stack.py trains the second stage (page-context features over those out-of-fold
#      scores) on folds 1-4 and prints held-out figures on fold 0 (writes model-holdout.json,
#      whose first stage is fold 0's), then on every file (the shipped model.json).
# numpy only; ~20-30 min on 2 cores.
#   CORPUS=/path/to/train/wcxb WORK=/tmp/nd-train sh scripts/train/train.sh [--no-final]
# Held-out figures through the engine: copy $WORK/model-holdout.json over model.json and run
# `npm run eval` on the fold-0 files (every 5th file of the sorted listing, from the first).
set -e
cd "$(dirname "$0")/../.."
CORPUS=${CORPUS:-/work/shared/corpus/train/wcxb}
WORK=${WORK:-/tmp/newsdump-train}
DROP=relPos,wordsBefore,wordsAfter,nonBlankIdx,proseBefore,proseAfter
mkdir -p "$WORK"
npx esbuild scripts/train/dump.ts --bundle --platform=node --outfile=out/dump.js --log-level=warning
node out/dump.js "$WORK/dump" --augment "$CORPUS" 2>"$WORK/dump.log"
python3 scripts/train/oof.py "$WORK/dump" "$WORK" --trees 150 --drop $DROP
python3 scripts/train/stack.py "$WORK/dump" "$WORK" "$WORK/model-holdout.json" --trees 100 --boundary-trees 50 --drop $DROP
if [ "$1" != "--no-final" ]; then
  python3 scripts/train/stack.py "$WORK/dump" "$WORK" server/src/analysis/page/model.json --final --trees 100 --boundary-trees 50 --drop $DROP
fi
