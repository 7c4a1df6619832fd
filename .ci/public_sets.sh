#!/usr/bin/env bash
# Two public CIFAR-10 sets from DD-Ranking's repository, imported by one command each into data/public/*.safetensors:
#   git clone https://github.com/NUS-HPC-AI-Lab/DD-Ranking /tmp/dd-ranking   (its history holds the sets)
#   bash .ci/public_sets.sh [DD_RANKING_CHECKOUT] [SETS_OUT]   (checkout '': the .pt files already in data/public)
# DC IPC1: images normalised with DC's mean and std, class ids. DATM IPC10: images whitened by kornia's ZCA of raw pixels,
# soft labels as logits, its learned lr. The .safetensors go to SETS_OUT (default data/public); DATA and DATA_ROOT name
# the real data. Run by .ci/cpu_public_scores.sh and .ci/gpu_scores.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sets=data/public data=${DATA:-data/cifar10-jpeg.zip} into=${2:-data/public}
root=(); [ -n "${DATA_ROOT:-}" ] && root=(--data-root "$DATA_ROOT")
[ -x .venv/bin/simple-distill ] && bin=.venv/bin/ || bin=""
mkdir -p "$sets/dc_cifar10_ipc1" "$sets/datm_cifar10_zca_ipc10" "$into"
if [ -n "${1:-}" ]; then  # the sets as DD-Ranking committed them (later removed from its tree)
    for f in images labels; do
        git -C "$1" show "91aaca6746ed9deb33a4b510934e900a33bcb5f6:methods/DC-DSA-DM/result/${f}_DC_CIFAR10_1_best.pt" \
            > "$sets/dc_cifar10_ipc1/${f}_DC_CIFAR10_1_best.pt"
    done
    for f in images labels lr; do
        git -C "$1" show "a77b9a7bb25b26c540761b151b1e291a780a77cc:methods/DATM/distilled/CIFAR10_ZCA/IPC10/$f.pt" \
            > "$sets/datm_cifar10_zca_ipc10/$f.pt"
    done
fi
${bin}simple-distill import "$sets/dc_cifar10_ipc1/images_DC_CIFAR10_1_best.pt" --dataset "$data" "${root[@]}" \
    --labels-file "$sets/dc_cifar10_ipc1/labels_DC_CIFAR10_1_best.pt" --space normalised \
    --mean 0.4914,0.4822,0.4465 --std 0.2023,0.1994,0.2010 --out "$into/dc_cifar10_ipc1.safetensors"
${bin}simple-distill import "$sets/datm_cifar10_zca_ipc10" --dataset "$data" "${root[@]}" --space kornia_zca \
    --labels logits --out "$into/datm_cifar10_zca_ipc10.safetensors"
