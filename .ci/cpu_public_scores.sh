#!/usr/bin/env bash
# Score cards of two public sets from DD-Ranking's repository, and DD-Ranking's own code against ours, saved in
# nbs/06a_protocols.ipynb; one job on two cores with nothing else running:
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/              (data/ is git-ignored)
#   git clone https://github.com/NUS-HPC-AI-Lab/DD-Ranking /tmp/dd-ranking  (its history holds the sets)
#   python3 -m venv /tmp/ddvenv && /tmp/ddvenv/bin/pip install torch==2.14.1 torchvision==0.29.1 ddranking==0.2.0 -e .
#   [PARTS=dc,datm_recipe,datm,ddranking] [DDVENV=/tmp/ddvenv] bash .ci/cpu_public_scores.sh [OUT_DIR] [DD_RANKING_CHECKOUT]
# The sets are imported by .ci/public_sets.sh. Cards as in .ci/cpu_scores.sh: every protocol at a tenth of its length,
# measured at most 3 times, 3 networks of width 32 (the sets were made for width 128), full data at 1/40 of its recipe.
# dc:        DC's CIFAR-10 IPC1 (normalised, class ids).
# datm_recipe: DATM's CIFAR-10 IPC10 (kornia's ZCA, soft labels) by plain `evaluate` (300 Adam steps, 3 networks of width
#            32, random real beside it): 15 minutes here, where a card takes longer than DC's 37.
# datm:      DATM's set, its card (with its learned lr).
# ddranking: .ci/ddranking_check.py on the DC set: DD-Ranking's score formulas on fixed accuracies, and its hard-label
#            evaluator against our dd_ranking protocol (1/10 of its epochs, 5 runs, width 32, 2,000 test images).
# Each part writes OUT_DIR/<part>.txt; OUT_DIR/summary.txt joins them. Relative paths are from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/public_scores}
mkdir -p "$out"
[ -x .venv/bin/simple-distill ] && bin=.venv/bin/ || bin=""
parts=",${PARTS:-dc,datm_recipe,datm,ddranking},"
bash .ci/public_sets.sh "${2:-}" 2>&1 | tee "$out/import.txt"
score() {
    /usr/bin/time -f 'seconds: %e' ${bin}simple-distill evaluate "$1" --scores --models 3 --dataset data/cifar10-jpeg.zip \
        --scale 0.1 --max-checkpoints 3 --full-data-scale 0.025 --width 32
}
if [[ $parts == *,dc,* ]]; then {
    echo "== DC, CIFAR-10 IPC1 (DD-Ranking's copy): every protocol at 1/10 measured at most 3 times, 3 networks of width 32"
    score data/public/dc_cifar10_ipc1.safetensors
} 2>&1 | tee "$out/dc.txt"; fi
if [[ $parts == *,datm_recipe,* ]]; then {
    echo "== DATM, CIFAR-10 IPC10 (DD-Ranking's copy), by plain evaluate: 3 networks of width 32"
    /usr/bin/time -f 'seconds: %e' ${bin}simple-distill evaluate data/public/datm_cifar10_zca_ipc10.safetensors \
        --dataset data/cifar10-jpeg.zip --models 3 --width 32
} 2>&1 | tee "$out/datm_recipe.txt"; fi
if [[ $parts == *,datm,* ]]; then {
    echo "== DATM, CIFAR-10 IPC10 (DD-Ranking's copy): every protocol at 1/10 measured at most 3 times, 3 networks of width 32"
    score data/public/datm_cifar10_zca_ipc10.safetensors
} 2>&1 | tee "$out/datm.txt"; fi
if [[ $parts == *,ddranking,* ]]; then {
    "${DDVENV:-/tmp/ddvenv}/bin/python" .ci/ddranking_check.py data/public/dc_cifar10_ipc1.safetensors data/cifar10-jpeg.zip
} 2>&1 | tee "$out/ddranking.txt"; fi
cat "$out"/{import,dc,datm_recipe,datm,ddranking}.txt > "$out/summary.txt" 2>/dev/null || true
