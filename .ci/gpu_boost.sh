#!/usr/bin/env bash
# The GPU part of Boost-DD, in one command on a CUDA machine with this checkout:
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored; carry it to the GPU machine)
#   bash .ci/gpu_boost.sh [OUT_DIR]
# CIFAR-10 at full width (ConvNet-3, 128 channels, ZCA, real batch 5,000, RaT-BPTT with M 80 and T 250, labels learned,
# 10 images per class per inner step): blocks of 2 images per class up to IPC10, strongly (beta 0) and weakly (beta 0.1)
# boosted, and sets of IPC4, 6, 8 and 10 distilled jointly with the same settings; then the intercorrelation table
# (random IPC2 subsets of the joint sets, each block alone, each prefix, joint sets, random real) and accuracy by budget
# (the paper's Fig 7 and 8), 8 networks per accuracy. 14 runs of STEPS outer steps (default 1,000; about 2.2 s a step
# on one H100 at these settings, so roughly 9 hours; STEPS=300 for a first look). A stopped study resumes where it stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/gpu-boost}
mkdir -p "$out"
[ -x .venv/bin/simple-distill ] && bin=.venv/bin/ || bin=""
${bin}python -c 'import torch; assert torch.cuda.is_available(), "no CUDA device: run this on the GPU machine"'
${bin}simple-distill boost --study --preset cifar10-ipc10 --dataset data/cifar10-jpeg.zip --device cuda \
    --block-ipc 2 --blocks 5 --steps "${STEPS:-1000}" --checkpoint-every 100 --eval-models 8 --out-dir "$out" | tee "$out.txt"
