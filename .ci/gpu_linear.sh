#!/usr/bin/env bash
# The GPU part of the linear-basis parameterisation, in one command on a CUDA machine with this checkout:
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored; carry it to the GPU machine)
#   bash .ci/gpu_linear.sh [OUT_DIR]
# CIFAR-10 IPC1 and IPC10 at the paper's settings (ConvNet-3 width 128, ZCA, real batch 5,000, RaT-BPTT, presets cifar10-ipc1 and
# cifar10-ipc10), with pixels and with the linear basis in the same storage budget, STEPS outer steps each (default 2,000; the
# paper's Table 2 runs were far longer), 8 networks evaluated every 500 steps, then each set's final accuracy beside the paper's
# (pixels 53.2 / 69.4, linear 68.2 / 72.8). Curves are in each run's metrics.jsonl and report.html. A stopped run resumes.
source "$(dirname "$0")/gpu_prelude.sh" runs/gpu-linear 1 "$@"
for row in cifar10-ipc1 cifar10-ipc1-linear cifar10-ipc10 cifar10-ipc10-linear; do
    ${bin}simple-distill reproduce "$row" --dataset data/cifar10-jpeg.zip --device cuda --steps "${STEPS:-2000}" --out-dir "$out/$row" | tee -a "$out.txt"
done
