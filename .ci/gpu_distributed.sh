#!/usr/bin/env bash
# Distributed distillation on 1 and 2 GPUs, in one command on a machine with at least 2 CUDA devices and this checkout:
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored; carry it to the GPU machine)
#   bash .ci/gpu_distributed.sh
# Prints s/outer step and peak memory per GPU for CIFAR-10 IPC10 (80, 250), real batch 5,000, on 1 and on 2 GPUs.
source "$(dirname "$0")/gpu_prelude.sh" "" 2 "$@"
for n in 1 2; do $py -m torch.distributed.run --standalone --nproc-per-node $n .ci/gpu_distributed.py data/cifar10-jpeg.zip; done
