#!/usr/bin/env bash
# The GPU figures the issues ask for, in one command on a CUDA machine with this checkout:
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored; carry it to the GPU machine)
#   bash .ci/gpu_checks.sh [OUT_DIR]
# 1. `simple-distill bench --size full`: s/outer step and peak memory at the authors' four CIFAR-10 settings, full-graph and low-memory.
# 2. a 20-minute CIFAR-10 IPC10 RaT-BPTT run (M 60, T 200, real batch 5,000) with its accuracy curve (report.html).
source "$(dirname "$0")/gpu_prelude.sh" runs/gpu 1 "$@"
${bin}simple-distill bench --size full --device cuda --json "$out/bench.json" | tee "$out/bench.txt"
timeout -s INT 1200 ${bin}simple-distill distill --preset cifar10-ipc10 --n-back 60 --n-unroll 200 --real-batch 5000 \
    --dataset data/cifar10-jpeg.zip --device cuda --steps 100000 --eval-every 100 --checkpoint-every 100 \
    --out-dir "$out/cifar10-ipc10" --no-progress || true   # Ctrl-C after 20 minutes: the run checkpoints, evaluates nothing more, writes its report
