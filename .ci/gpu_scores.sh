#!/usr/bin/env bash
# Score cards at full width on a CUDA machine with this checkout: every protocol at its full length, 5 networks (ConvNet-3,
# width 128), full-data accuracy by DD-Ranking's recipe (2 networks, cached under the data folder):
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored; carry it to the GPU machine)
#   bash .ci/gpu_scores.sh [OUT_DIR] [AUTHORS_SET.h5 ...]
# 1. CIFAR-10 IPC1 and IPC10 distilled here (paper presets, STEPS outer steps, default 2000; resumable run folders), each
#    scored under simple_distill, authors_optimistic, authors_validation and dd_ranking;
# 2. each of the authors' released .h5 sets given (ZCA space; IPC read from its size) imported and scored against ours of the
#    same size, on the same networks, with paired differences.
# Writes OUT_DIR/summary.txt and the cards beside each set (<set>_scores.csv, .json).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/gpu-scores}; shift || true
mkdir -p "$out"
[ -x .venv/bin/simple-distill ] && bin=.venv/bin/ || bin=""
data=${DATA:-data/cifar10-jpeg.zip}
python3 -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else "no CUDA device: run this on the GPU machine")'
{
for ipc in 1 10; do
    echo "== CIFAR-10 IPC$ipc distilled here (preset cifar10-ipc$ipc, ${STEPS:-2000} outer steps)"
    ${bin}simple-distill distill --preset cifar10-ipc$ipc --dataset "$data" --steps "${STEPS:-2000}" --eval-every 500 \
        --device cuda --out-dir "$out/ipc$ipc" --no-progress --no-report > "$out/ipc$ipc.log"
    ${bin}simple-distill evaluate "$out/ipc$ipc/distilled.safetensors" --dataset "$data" --scores --models 5 --device cuda
done
for h5 in "$@"; do
    name=$(basename "$h5" .h5)
    ${bin}simple-distill import "$h5" --dataset "$data" --space zca --out "$out/$name.safetensors"
    ipc=$(${bin}python -c "from simple_distill.synthetic import load_distilled; print(load_distilled('$out/$name.safetensors').config['images_per_class'])")
    echo "== the authors' $name against ours of IPC$ipc"
    ${bin}simple-distill evaluate "$out/$name.safetensors" --dataset "$data" --scores --models 5 --device cuda \
        --against "$out/ipc$ipc/distilled.safetensors"
done
} 2>&1 | tee "$out/summary.txt"
