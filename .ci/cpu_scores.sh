#!/usr/bin/env bash
# The score cards and evaluation speeds saved in nbs/06a_protocols.ipynb, one job on two cores with nothing else running
# (about 90 minutes):
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored)
#   git -C AUTHORS_REPO archive HEAD | tar -x -C /tmp/authors     (for part 4: a checkout of the authors' repository)
#   [PARTS=digits,cifar,speed,authors] bash .ci/cpu_scores.sh [OUT_DIR] [AUTHORS_CHECKOUT]
# digits:  IPC10 distilled here (labels learned, 300 outer steps), scored under every protocol at full length, 5 networks.
# cifar:   CIFAR-10 (JPEG copy, ZCA), preset cifar10-cpu (width 32, IPC10, labels learned, 100 outer steps), scored under
#          every protocol at a tenth of its length, measured at most 3 times, 3 networks; full data at 1/40 of its recipe.
# speed:   seconds to train K networks under DD-Ranking's recipe, stacked against one after another, on both sets.
# authors: .ci/cpu_authors_protocol.py, the authors' init_train against ours (width 128, IPC1, 2,000 test images).
# Each part writes OUT_DIR/<part>.txt; OUT_DIR/summary.txt joins them. The distillations resume where they stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/scores_cpu}
mkdir -p "$out"
[ -x .venv/bin/simple-distill ] && bin=.venv/bin/ || bin=""
parts=",${PARTS:-digits,cifar,speed,authors},"
if [[ $parts == *,digits,* ]]; then {
    echo "== digits IPC10, distilled here: every protocol at full length, 5 networks"
    ${bin}simple-distill distill --preset digits --images-per-class 10 --learn-labels --steps 300 --eval-every 300 \
        --out-dir "$out/digits10" --no-progress --no-report > "$out/digits10.log"
    /usr/bin/time -f 'seconds: %e' ${bin}simple-distill evaluate "$out/digits10/distilled.safetensors" --scores --models 5
} 2>&1 | tee "$out/digits.txt"; fi
if [[ $parts == *,cifar,* ]]; then {
    echo "== CIFAR-10 IPC10 (cifar10-cpu preset, 100 outer steps): protocols at 1/10 measured at most 3 times, 3 networks,"
    echo "   full data at 1/40 of its recipe"
    ${bin}simple-distill distill --preset cifar10-cpu --dataset data/cifar10-jpeg.zip --steps 100 --eval-every 100 \
        --out-dir "$out/cifar10-cpu" --no-progress --no-report > "$out/cifar10-cpu.log"
    /usr/bin/time -f 'seconds: %e' ${bin}simple-distill evaluate "$out/cifar10-cpu/distilled.safetensors" --scores \
        --models 3 --dataset data/cifar10-jpeg.zip --scale 0.1 --max-checkpoints 3 --full-data-scale 0.025
} 2>&1 | tee "$out/cifar.txt"; fi
if [[ $parts == *,speed,* ]]; then {
    echo "== seconds to train K networks under DD-Ranking's recipe (SGD, DSA, batch 128), stacked and one after another"
    ${bin}python .ci/eval_speed.py "$out/digits10/distilled.safetensors" digits
    ${bin}python .ci/eval_speed.py "$out/cifar10-cpu/distilled.safetensors" data/cifar10-jpeg.zip
} 2>&1 | tee "$out/speed.txt"; fi
if [[ $parts == *,authors,* && -n "${2:-}" ]]; then {
    echo "== the authors' evaluator against ours"
    ${bin}python .ci/cpu_authors_protocol.py "$2" data/cifar10-jpeg.zip --models 4 --test-images 2000
} 2>&1 | tee "$out/authors.txt"; fi
cat "$out"/{digits,cifar,speed,authors}.txt > "$out/summary.txt" 2>/dev/null || true
