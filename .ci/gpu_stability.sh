#!/usr/bin/env bash
# The GPU part of the gradient-stability analysis, in one command on a CUDA machine with this checkout:
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored; carry it to the GPU machine)
#   bash .ci/gpu_stability.sh [OUT_DIR]
# CIFAR-10 IPC10 at full width (ConvNet-3, 128 channels, real batch 5,000, labels learned): BPTT through 120 steps,
# T-BPTT and RaT-BPTT with windows of 40 of 120; 3 seeds, 300 outer steps each; normalized variance from 100 real
# examples every 50 steps, with the SNR of their first 10, 25 and 50 too; the truncation bias against full BPTT every 100 steps;
# the health monitor; 8 networks evaluated every 100 steps. Writes table.csv, summary.csv, paired.csv and the Fig 3/4/11, SNR and
# truncation-bias PNGs.
# Nine runs: expect 30-60 minutes on one H100; STEPS=100 for a shorter look. An interrupted comparison resumes where it stopped.
source "$(dirname "$0")/gpu_prelude.sh" runs/gpu-stability 1 "$@"
${bin}simple-distill compare --preset cifar10-ipc10 --dataset data/cifar10-jpeg.zip --device cuda --real-batch 5000 \
    --n-unroll 120 --n-back 40 --steps "${STEPS:-300}" --checkpoint-every 100 \
    --method 'BPTT:schedule=bptt' --method 'T-BPTT:schedule=truncated_bptt' --method 'RaT-BPTT:schedule=rat_bptt' \
    --seeds 0,1,2 --eval-models 8 --eval-every 100 --nv-every 50 --nv-samples 100 --nv-sweep 10,25,50,100 \
    --bias-every 100 --monitor --out-dir "$out" | tee "$out.txt"
