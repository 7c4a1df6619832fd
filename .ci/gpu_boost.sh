#!/usr/bin/env bash
# The GPU part of Boost-DD, in one command on a CUDA machine with this checkout:
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored; carry it to the GPU machine)
#   bash .ci/gpu_boost.sh [OUT_DIR]
# CIFAR-10 at full width (preset cifar10-ipc10: ConvNet-3, 128 channels, ZCA, real batch 5,000, RaT-BPTT with M 80 and
# T 250, labels learned, 10 images per class per inner step), the whole study of nbs/08_boost.ipynb: sets of IPC2, 4, 6, 8
# and 10 distilled jointly; blocks of 2 images per class up to IPC10, strongly (beta 0) and weakly (beta 0.05 and 0.1)
# boosted from the joint IPC2 set; the equal-compute joint sets (joint IPC n continued to n/2 × STEPS outer steps); then the
# intercorrelation table (random subsets of the joint and boosted sets, each block alone, each prefix, random real), the
# accuracy by budget (Fig 7 and 8) and the paired differences, 8 networks per accuracy. 5 + 3 × 4 + 10 = 27 runs' worth of
# STEPS outer steps (default 500; about 2.2 s a step on one H100 at IPC10, less at smaller sizes, so roughly 6-8 hours;
# STEPS=200 for a first look). A stopped study resumes where it stopped; OUT_DIR/summary.txt holds what it printed.
source "$(dirname "$0")/gpu_prelude.sh" runs/gpu-boost 1 "$@"
${bin}simple-distill boost --study --preset cifar10-ipc10 --dataset data/cifar10-jpeg.zip --device cuda --beta 0,0.05,0.1 \
    --block-ipc 2 --blocks 5 --steps "${STEPS:-500}" --checkpoint-every 100 --eval-models 8 --no-progress \
    --out-dir "$out" | tee "$out/summary.txt"
