#!/usr/bin/env bash
# Score cards at full width on a CUDA machine with this checkout: every protocol at its full length, 5 networks (ConvNet-3,
# width 128), full-data accuracy by DD-Ranking's recipe (2 networks, cached under the data folder):
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored; carry it to the GPU machine)
#   bash .ci/gpu_scores.sh [OUT_DIR] [AUTHORS_SET.h5 ...]
# 1. CIFAR-10 IPC1 and IPC10 distilled here (paper presets, STEPS outer steps, default 2000; resumable run folders), each
#    scored under simple_distill, authors_optimistic, authors_validation and dd_ranking;
# 2. each of the authors' released .h5 sets given, imported in their own space (their ZCA of raw pixels) and scored the
#    same way, with the same seeds. It is not paired with ours (--against needs one data space), and the JPEG copy is lossy:
#    for their sets set DATA=cifar10 with DATA_ROOT, the folder of torchvision's CIFAR-10 download;
# 3. DC's IPC1 and DATM's IPC10 from DD-Ranking's repository, where their .pt files sit in data/public (copied there by
#    .ci/public_sets.sh; carry data/public with the data), imported into OUT_DIR and scored the same way.
# Writes OUT_DIR/summary.txt and the cards beside each set (<set>_scores.csv, .json).
source "$(dirname "$0")/gpu_prelude.sh" runs/gpu-scores 1 "$@"
shift || true  # the rest: sets to import
data=${DATA:-data/cifar10-jpeg.zip}
root=(); [ -n "${DATA_ROOT:-}" ] && root=(--data-root "$DATA_ROOT")
{
for ipc in 1 10; do
    echo "== CIFAR-10 IPC$ipc distilled here (preset cifar10-ipc$ipc, ${STEPS:-2000} outer steps)"
    ${bin}simple-distill distill --preset cifar10-ipc$ipc --dataset "$data" --steps "${STEPS:-2000}" --eval-every 500 \
        --device cuda --out-dir "$out/ipc$ipc" --no-progress --no-report > "$out/ipc$ipc.log"
    ${bin}simple-distill evaluate "$out/ipc$ipc/distilled.safetensors" --dataset "$data" --scores --models 5 --device cuda
done
for h5 in "$@"; do
    name=$(basename "$h5" .h5)
    echo "== the authors' $name, in their own space"
    ${bin}simple-distill import "$h5" --dataset "$data" "${root[@]}" --space authors_zca --out "$out/$name.safetensors"
    ${bin}simple-distill evaluate "$out/$name.safetensors" --dataset "$data" "${root[@]}" --scores --models 5 --device cuda
done
if [ -f data/public/dc_cifar10_ipc1/images_DC_CIFAR10_1_best.pt ] && [ -f data/public/datm_cifar10_zca_ipc10/images.pt ]
then
    DATA="$data" bash .ci/public_sets.sh '' "$out"  # the sets, and their cards beside them, in OUT_DIR
    for name in dc_cifar10_ipc1 datm_cifar10_zca_ipc10; do
        echo "== $name from DD-Ranking's repository"
        ${bin}simple-distill evaluate "$out/$name.safetensors" --dataset "$data" "${root[@]}" --scores --models 5 \
            --device cuda
    done
fi
} 2>&1 | tee "$out/summary.txt"
